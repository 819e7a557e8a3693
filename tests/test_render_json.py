"""The JSON boundary: shape, schema, referential integrity and determinism of ``result_to_dict``."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest
from factories import NYT_ID, empty_result, realistic_result
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from syndtrace import SCHEMA_VERSION, __version__
from syndtrace.lineage import Result
from syndtrace.render.json import dumps, result_to_dict, side_text
from syndtrace.render.schema import check_references, schema

VALIDATOR = Draft202012Validator(schema())


def errors(d: dict) -> list[str]:
    """Schema violations of ``d``, as readable strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(d)]


@pytest.fixture(scope="module")
def out() -> dict:
    return result_to_dict(realistic_result())


# --- the schema itself ------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_version_in_schema_matches_the_package():
    # Bumping SCHEMA_VERSION without updating the schema file must fail here.
    # Outputs of schema_version 1 stay valid: the schema names every version it describes.
    assert schema()["properties"]["syndtrace"]["properties"]["schema_version"] == {"enum": [1, SCHEMA_VERSION]}


def test_schema_returns_a_fresh_copy():
    schema()["properties"].clear()
    assert "edges" in schema()["properties"]


# --- valid outputs ------------------------------------------------------------


@pytest.mark.parametrize(
    "result",
    [
        realistic_result(),
        realistic_result(command="compare"),
        empty_result(),
        Result((), (), (), (), (), ()),
    ],
    ids=["realistic-scan", "realistic-compare", "no-passages", "nothing-at-all"],
)
def test_outputs_validate_and_reference_only_known_ids(result):
    d = result_to_dict(result)
    assert errors(d) == []
    assert check_references(d) == []


def test_header_names_the_tool_schema_and_command(out):
    assert out["syndtrace"] == {
        "version": __version__, "schema_version": SCHEMA_VERSION, "command": "scan", "passage_text": "once",
    }  # fmt: skip
    assert out["settings"]["shingle_size"] == 5


def test_documents_carry_metadata_but_not_text(out):
    result = realistic_result()
    assert [d["id"] for d in out["documents"]] == [d.id for d in result.documents]
    by_id = {d["id"]: d for d in out["documents"]}
    for doc in result.documents:
        assert "text" not in by_id[doc.id]
        assert by_id[doc.id]["chars"] == len(doc.text)
    # "line" appears only for records read from JSONL/CSV.
    assert by_id["afp-0042"]["line"] == 42
    assert "line" not in by_id["commondreams"]
    assert by_id["commondreams"]["metadata_from"] == {"date": "front-matter", "outlet": "front-matter", "title": "text"}
    (credit,) = by_id["globalresearch"]["credits"]
    assert credit["kind"] == "originally-published" and credit["source"] == "Common Dreams"
    gr = next(d for d in result.documents if d.id == "globalresearch")
    assert gr.text[credit["start"] : credit["end"]] == credit["text"]


def test_passage_sides_point_at_their_text(out):
    texts = {d.id: d.text for d in realistic_result().documents}
    for p in out["passages"]:
        for side in (p["a"], p["b"]):
            assert "text" not in side  # written once, in "texts"
            assert texts[side["doc"]][side["start"] : side["end"]] == side_text(out, side)
        for ins in p["insertions"]:
            assert texts[ins["doc"]][ins["start"] : ins["end"]] == ins["text"]
    p2 = out["passages"][1]
    assert p2["insertions"] == [
        {"doc": "afp-0042", "start": p2["insertions"][0]["start"], "end": p2["insertions"][0]["end"],
         "text": "[the Islamic State]", "bracketed": True}
    ]
    assert p2["b"]["attribution"] == "The New York Times"


def test_floats_are_rounded_to_fixed_places(out):
    assert out["passages"][1]["similarity"] == 95.2  # 1 place
    edges = {(e["source"], e["copy"]): e for e in out["edges"]}
    assert edges[("commondreams", "afp-0042")]["confidence"] == 0.712  # 3 places
    assert edges[("commondreams", "globalresearch")]["share"] == 0.6235  # 4 places
    cd_gr = out["pairs"][1]
    assert cd_gr["jaccard"] == {"exact": 0.8462, "estimate": 0.8438}
    assert cd_gr["containment"]["a_in_b"] == {"exact": 1.0, "estimate": 0.9922}
    assert isinstance(cd_gr["containment"]["a_in_b"]["exact"], float)


def test_edges_keep_result_order_and_evidence(out):
    assert [(e["source"], e["copy"], e["kind"]) for e in out["edges"]] == [
        (NYT_ID, "commondreams", "quoted"),
        ("commondreams", "afp-0042", "copy"),
        ("commondreams", "globalresearch", "credited-reprint"),
    ]
    evidence = out["edges"][1]["evidence"]
    assert evidence[1] == {
        "kind": "no-credit",
        "favours": None,
        "weight": 0.0,
        "detail": "American Free Press names no source for the paragraph.",
    }


def test_sources_are_never_in_corpus(out):
    assert out["sources"] == [
        {
            "id": NYT_ID,
            "name": "The New York Times",
            "kind": "quoted",
            "why": "Common Dreams attributes a quoted passage to The New York Times.",
            "author": None,
            "date": "2020-02-06",
            "in_corpus": False,
        }
    ]


def test_tree_nodes_are_named_typed_and_reference_their_edge(out):
    (root,) = out["tree"]
    assert (root["id"], root["name"], root["kind"], root["edge"]) == (NYT_ID, "The New York Times", "source", None)
    (cd,) = root["children"]
    assert (cd["name"], cd["kind"]) == ("Common Dreams", "document")
    assert cd["edge"] == {"kind": "quoted", "confidence": 0.9, "passages": []}
    assert [(c["id"], c["edge"]) for c in cd["children"]] == [
        ("afp-0042", {"kind": "copy", "confidence": 0.712, "passages": ["p2"]}),
        ("globalresearch", {"kind": "credited-reprint", "confidence": 0.97, "passages": ["p1"]}),
    ]
    (family,) = out["families"]
    assert family["tree"] == root
    assert family["root_name"] == "The New York Times"


def test_problems(out):
    assert out["problems"] == [{"path": "corpus/broken.jsonl", "line": 7, "reason": "the record has no text field"}]


def test_empty_result_has_empty_lists():
    d = result_to_dict(empty_result())
    for key in ("passages", "edges", "sources", "tree", "families", "problems"):
        assert d[key] == []
    assert len(d["documents"]) == 2 and len(d["pairs"]) == 1


def test_settings_become_plain_json_data():
    result = replace(empty_result(), settings={"inputs": ("b.txt", "a.txt"), "outlets": {"z", "y"}})
    assert result_to_dict(result)["settings"] == {"inputs": ["b.txt", "a.txt"], "outlets": ["y", "z"]}


# --- dumps --------------------------------------------------------------------


def test_dumps_is_utf8_text_with_trailing_newline_and_round_trips():
    text = dumps(realistic_result())
    assert text.endswith("}\n")
    assert "American Free Press — Online" in text  # not \u2014
    assert json.loads(text) == result_to_dict(realistic_result())


def test_dumps_is_deterministic():
    assert dumps(realistic_result()).encode() == dumps(realistic_result()).encode()
    assert dumps(empty_result(), indent=None) == dumps(empty_result(), indent=None)
    assert dumps(empty_result(), indent=None).count("\n") == 1


def test_dumps_refuses_nan():
    result = realistic_result()
    bad = replace(result, edges=(replace(result.edges[0], confidence=float("nan")),) + result.edges[1:])
    with pytest.raises(ValueError):
        dumps(bad)


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1), title=st.text(), path=st.text())
def test_any_text_round_trips_and_validates(name, title, path):
    result = realistic_result()
    doc = replace(result.documents[0], outlet=name, title=title or None, path=path)
    result = replace(result, documents=(doc,) + result.documents[1:])
    d = result_to_dict(result)
    assert errors(d) == []
    assert json.loads(dumps(result)) == d


# --- the schema rejects what it should ---------------------------------------


def _set(path: tuple, value):
    def mutate(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    mutate.__name__ = f"{'.'.join(map(str, path))}={value!r}"[:60]
    return mutate


def _drop(path: tuple):
    def mutate(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    mutate.__name__ = f"del-{'.'.join(map(str, path))}"
    return mutate


@pytest.mark.parametrize(
    "mutate",
    [
        _set(("surprise",), 1),
        _set(("edges", 0, "stolen_from"), "x"),
        _set(("documents", 0, "text"), "the full text must not be in the output"),
        _set(("tree", 0, "children", 0, "colour"), "red"),
        _set(("edges", 0, "kind"), "stolen"),
        _set(("tree", 0, "children", 0, "edge", "kind"), "plagiarism"),
        _set(("passages", 0, "quote"), "neither"),
        _set(("sources", 0, "kind"), "blog"),
        _set(("sources", 0, "in_corpus"), True),
        _set(("tree", 0, "kind"), "outlet"),
        _set(("documents", 0, "metadata_from", "outlet"), "guess"),
        _set(("documents", 2, "credits", 0, "kind"), "via"),
        _set(("edges", 1, "confidence"), 1.5),
        _set(("passages", 0, "a", "start"), -1),
        _set(("syndtrace", "schema_version"), SCHEMA_VERSION + 1),
        _set(("problems", 0, "line"), 0),
        _drop(("edges", 0, "evidence")),
        _drop(("tree", 0, "children", 0, "children", 0, "edge")),
        _drop(("families",)),
        _set(("pairs", 0, "verdict"), "plagiarism"),
        _set(("pairs", 0, "quoted_words"), -1),
        _set(("families", 0, "links"), [{"family": "family-1", "words": 10, "pairs": 0}]),
    ],
    ids=lambda f: f.__name__,
)
def test_schema_rejects_bad_output(mutate):
    d = copy.deepcopy(result_to_dict(realistic_result()))
    assert errors(d) == []
    mutate(d)
    assert errors(d), "the schema accepted an invalid output"


# --- referential integrity ----------------------------------------------------


@pytest.mark.parametrize(
    ("mutate", "expect"),
    [
        (_set(("edges", 1, "source"), "ghost"), "edges[1]: source 'ghost'"),
        (_set(("edges", 1, "passages"), ["p9"]), "edges[1]: unknown passage 'p9'"),
        (_set(("edges", 1, "evidence", 0, "favours"), "ghost"), "favours unknown node 'ghost'"),
        (_set(("passages", 0, "b", "doc"), "ghost"), "passages[0].b: unknown document 'ghost'"),
        (_set(("passages", 0, "a", "end"), 10_000), "passages[0].a: span"),
        (_set(("passages", 1, "insertions", 0, "doc"), "globalresearch"), "neither side"),
        (_set(("pairs", 0, "a"), "ghost"), "pairs[0]: a 'ghost'"),
        (_set(("tree", 0, "children", 0, "id"), "ghost"), "tree[0].children[0]: node 'ghost'"),
        (_set(("tree", 0, "children", 0, "edge"), None), "has a parent but no edge"),
        (_set(("tree", 0, "children", 0, "edge", "kind"), "copy"), "no copy edge joins"),
        (_set(("tree", 0, "edge"), {"kind": "copy", "confidence": 1.0, "passages": []}), "a root node has an edge"),
        (_set(("families", 0, "members", 1), "ghost"), "families[0]: member 'ghost'"),
        (_set(("families", 0, "root"), "commondreams"), "not the family root"),
        (_set(("families", 0, "members"), [NYT_ID, "afp-0042", "commondreams", "globalresearch", "extra"]),
         "member 'extra' is neither in the tree nor in outside_tree"),
        (_set(("families", 0, "outside_tree"), [{"id": "afp-0042", "name": "AFP", "gave": []}]),
         "'afp-0042' is not a member left out of the tree"),
        (_set(("sources", 0, "id"), "commondreams"), "also a document id"),
        (_set(("passages", 1, "id"), "p1"), "duplicate passage id 'p1'"),
        (_set(("pairs", 0, "first_appearance"), "globalresearch"), "neither side of the pair"),
        (_set(("pairs", 0, "quoted_words"), 999), "do not add up to words"),
        (_set(("families", 0, "links"), [{"family": "f9", "words": 10, "pairs": 1}]), "'f9' is not another family"),
    ],
    ids=lambda v: v.__name__ if callable(v) else "",
)
def test_check_references_finds_injected_faults(mutate, expect):
    d = copy.deepcopy(result_to_dict(realistic_result()))
    mutate(d)
    problems = check_references(d)
    assert any(expect in p for p in problems), problems


def test_an_output_written_before_outside_tree_was_added_still_validates():
    d = copy.deepcopy(result_to_dict(realistic_result()))
    for fam in d["families"]:
        del fam["outside_tree"]
    assert errors(d) == [] and check_references(d) == []


def test_an_output_written_before_verdicts_and_links_still_validates():
    d = copy.deepcopy(result_to_dict(realistic_result()))
    for fam in d["families"]:
        del fam["links"]
    for pair in d["pairs"]:
        for key in ("boilerplate_shingles", "verdict", "words", "authored_words", "quoted_words", "first_appearance"):
            del pair[key]
    assert errors(d) == [] and check_references(d) == []


def test_every_pair_carries_its_verdict(out):
    assert [(p["a"], p["b"], p["verdict"]) for p in out["pairs"]] == [
        ("afp-0042", "commondreams", "reuse"), ("commondreams", "globalresearch", "reuse"),
    ]  # fmt: skip
    for p in out["pairs"]:
        assert p["authored_words"] + p["quoted_words"] == p["words"]


def test_check_references_accepts_undetermined_edges_either_way_up():
    # Undetermined edges keep their ends in id order, so the tree may hang
    # the "source" under the "copy"; that still references an existing edge.
    d = copy.deepcopy(result_to_dict(realistic_result()))
    d["edges"][2]["kind"] = "undetermined"
    d["edges"][2]["source"], d["edges"][2]["copy"] = "globalresearch", "commondreams"
    d["tree"][0]["children"][0]["children"][1]["edge"]["kind"] = "undetermined"
    d["families"][0]["tree"] = copy.deepcopy(d["tree"][0])
    assert check_references(d) == []


def reference_dumps(result: Result, indent: int | None = 2) -> str:
    """What the standard library writes for the same data: ``dumps`` must match it byte for byte."""
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def test_dump_streams_exactly_what_the_standard_library_writes():
    import io

    from syndtrace.render.json import dump

    for result in (realistic_result(), empty_result(), realistic_result("compare")):
        out = io.StringIO()
        dump(result, out)
        assert out.getvalue() == dumps(result) == reference_dumps(result)
        assert dumps(result, indent=None) == reference_dumps(result, indent=None)


# Text the encoder must escape or pass through: quotes, backslashes, controls,
# line separators, astral characters; no lone surrogates (the readers refuse them).
awkward = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from('"\\\n\t\x00\x7f\u2028\u2029/'))


@settings(max_examples=80, deadline=None)
@given(text=awkward, attribution=st.none() | awkward, quoted=st.floats(0, 1))
def test_dumps_matches_the_standard_library_on_any_passage_text(text, attribution, quoted):
    result = realistic_result()
    p = result.passages[0]
    p = replace(p, a=replace(p.a, text=text, attribution=attribution, quoted=quoted))
    result = replace(result, passages=(p,) + result.passages[1:])
    assert dumps(result) == reference_dumps(result)


# --- passage texts: once (default), full, none ------------------------------------------------------


@pytest.mark.parametrize("mode", ["once", "full", "none"])
def test_every_passage_text_mode_is_valid_and_gives_the_same_sides(mode):
    from jsonschema import Draft202012Validator

    result = realistic_result()
    data = result_to_dict(result, mode)
    assert [e.message for e in Draft202012Validator(schema()).iter_errors(data)] == []
    assert check_references(data) == []
    assert data["syndtrace"]["passage_text"] == mode
    texts = {d.id: d.text for d in result.documents}
    for p in data["passages"]:
        for side in (p["a"], p["b"]):
            expected = texts[side["doc"]][side["start"] : side["end"]]
            assert side_text(data, side) == (None if mode == "none" else expected)
            assert ("text" in side) == (mode == "full")
    assert bool(data["texts"]) == (mode == "once")
    # Without the texts, the rest of the output is the same.
    plain = {k: v for k, v in data.items() if k not in ("texts", "syndtrace", "passages")}
    assert plain == {k: v for k, v in result_to_dict(result, "none").items() if k not in ("texts", "syndtrace", "passages")}


def test_texts_hold_each_documents_shared_text_once_merged_and_in_document_order():
    result = realistic_result()
    data = result_to_dict(result)
    order = [d.id for d in result.documents]
    spans = [(order.index(t["doc"]), t["start"], t["end"]) for t in data["texts"]]
    assert spans == sorted(spans)
    for (d1, _, e1), (d2, s2, _) in zip(spans, spans[1:]):
        assert d1 != d2 or e1 < s2  # merged: no two spans of a document overlap or touch
    covered = sum(t["end"] - t["start"] for t in data["texts"])
    sides = sum(s["end"] - s["start"] for p in data["passages"] for s in (p["a"], p["b"]))
    assert covered <= sides


def test_a_texts_span_outside_its_document_is_a_reference_problem():
    data = result_to_dict(realistic_result())
    data["texts"][0]["end"] = 10**9
    assert any("texts[0]" in problem for problem in check_references(data))


def test_an_output_of_schema_version_1_stays_valid():
    from jsonschema import Draft202012Validator

    data = result_to_dict(realistic_result(), "full")
    data["syndtrace"] = {"version": "0.1.0", "schema_version": 1, "command": "scan"}
    del data["texts"]
    assert [e.message for e in Draft202012Validator(schema()).iter_errors(data)] == []
