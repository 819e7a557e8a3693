"""OCR: folded forms, word similarity, alignment over OCR errors, character anchors for scan."""

from __future__ import annotations

import re

import numpy as np
from bench_modules import bench_module
from hypothesis import given, settings, strategies as st

from syndtrace.fingerprint import OCR_GRAM, batch_char_fingerprints
from syndtrace.load import document_from_text
from syndtrace.ocr import fold_bytes, ocr_fold, similar
from syndtrace.pipeline import compare_documents
from syndtrace.settings import Settings

# A story of my own, in the style of an 1850s paper.
STORY = (
    "A destructive fire broke out on Tuesday evening in the warehouse of Messrs. Whitcomb and Pratt, "
    "near the foot of Commercial street, and before the engines could be brought to bear upon it the "
    "whole building was wrapped in flames. The loss is estimated at forty thousand dollars, of which "
    "the greater part is covered by insurance in offices of this city and of Hartford. Two firemen "
    "were injured by the falling of a wall, but it is believed that both will recover. The origin of "
    "the fire is unknown, though it is supposed to have been the work of an incendiary, as the "
    "watchman declares that the premises were secure at nine o'clock."
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'-\n", max_size=80))
def test_folding_bytes_folds_every_ascii_word_as_ocr_fold_does(text):
    words = re.findall(r"[A-Za-z0-9]+", text)
    assert re.findall(rb"[a-z0-9]+", fold_bytes(text.encode())) == [ocr_fold(w.lower()).encode() for w in words]


def test_common_ocr_confusions_fold_alike():
    for clean, misread in [("modern", "rnodern"), ("said", "sa1d"), ("the", "tbe"), ("hold", "holcl"), ("evening", "cvening"), ("house", "h0use")]:
        assert ocr_fold(clean) == ocr_fold(misread), (clean, misread)
    assert ocr_fold("fire") != ocr_fold("wire")


def test_similar_words_are_one_or_two_edits_apart_or_fold_alike():
    assert similar("warehouse", "warehonse") and similar("destructive", "destrnctive") and similar("insurance", "insnrance")
    assert similar("fire", "firc") and similar("tbe", "the")
    assert similar("fire", "wire")  # one edit from four letters on: a run only grows over it, never starts on it
    assert not similar("city", "duty") and not similar("two", "tow") and not similar("forty", "fifty")


def test_compare_with_ocr_finds_the_story_through_a_changed_character_every_few_words():
    noisy = bench_module("ocr_noise").noisy
    a = document_from_text("THE DAILY COURIER.\n\n" + noisy(STORY, 0.05, 1), doc_id="courier", path="courier.txt")
    b = document_from_text("THE WEEKLY ARGUS.\n\n" + noisy(STORY, 0.05, 2), doc_id="argus", path="argus.txt")
    plain = compare_documents([a, b], Settings())
    ocr = compare_documents([a, b], Settings(ocr=True))
    (passage,) = ocr.passages  # one passage over the whole story, its mangled words inside it as gaps
    story_a = len(a.text) - len("THE DAILY COURIER.\n\n")
    assert passage.a.end - passage.a.start >= 0.9 * story_a
    assert passage.words >= 0.75 * len(STORY.split()) and passage.words > sum(p.words for p in plain.passages)
    for p in ocr.passages:  # spans stay exact offsets of each text
        assert a.text[p.a.start : p.a.end] and b.text[p.b.start : p.b.end]
    assert any(e.kind in ("copy", "undetermined", "credited-reprint") for e in ocr.edges)


def test_ocr_does_not_join_unrelated_texts():
    other = (
        "The steamer Pacific arrived at this port yesterday from Liverpool, after a passage of fourteen days, "
        "bringing a large number of passengers and the European mails. Her news is three days later than that "
        "received by the last arrival, and reports the markets for cotton and breadstuffs as firm."
    )
    a = document_from_text(STORY, doc_id="a", path="a.txt")
    b = document_from_text(other, doc_id="b", path="b.txt")
    assert compare_documents([a, b], Settings(ocr=True)).passages == ()


def test_character_anchors_survive_words_run_together_and_split():
    clean = STORY.encode()
    mangled = STORY.replace("broke out on", "brokeout on").replace("warehouse", "ware house").replace("m", "rn").encode()
    hashes, docs = batch_char_fingerprints([clean, mangled, b"An unrelated line of text about the weather in May."])
    shared = np.intersect1d(hashes[docs == 0], hashes[docs == 1])
    assert len(shared) >= 6
    assert not np.intersect1d(hashes[docs == 0], hashes[docs == 2]).size
    assert OCR_GRAM == 12


def test_a_noisy_scan_with_ocr_finds_the_copies(tmp_path):
    import json

    from syndtrace.scan import scan

    noisy = bench_module("ocr_noise").noisy
    lines = [json.dumps({"id": f"c{k}", "outlet": f"Paper {k}", "text": noisy(STORY, 0.05, k)}) for k in range(4)]
    lines.append(json.dumps({"id": "other", "outlet": "Paper 9", "text": "Nothing at all in common with the rest of them, not one phrase of it."}))
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = scan([str(path)], Settings(ocr=True, workers=1))
    linked = {frozenset((e.source, e.copy)) for e in result.edges if e.kind != "shared-quote"}
    assert {frozenset((f"c{i}", f"c{j}")) for i in range(4) for j in range(i + 1, 4)} <= linked
    assert [sorted(f.members) for f in result.families] == [["c0", "c1", "c2", "c3"]]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["fire", "firc", "the", "tbe", "warehouse", "warehonse", "city", "duty", "of"]), min_size=1, max_size=30),
    st.lists(st.sampled_from(["fire", "firc", "the", "tbe", "warehouse", "warehonse", "city", "duty", "of"]), min_size=1, max_size=30),
    st.data(),
)
def test_grown_runs_pair_only_similar_words_and_grow_as_far_as_they_can(wa, wb, data):
    from syndtrace.ocr import grown_runs

    seeds = [(i, j, 1) for i in range(len(wa)) for j in range(len(wb)) if wa[i] == wb[j]]
    seeds = data.draw(st.lists(st.sampled_from(seeds), max_size=5, unique=True)) if seeds else []
    runs = tuple(np.asarray([s[k] for s in seeds], np.int64) for k in range(3))
    ma, mb = np.zeros(len(wa), bool), np.zeros(len(wb), bool)
    a0, b0, n = grown_runs(wa, wb, ma, mb, runs)
    spans = sorted(zip((a0 - b0).tolist(), a0.tolist(), n.tolist()))
    for diag, start, length in spans:
        assert all(similar(wa[start + k], wb[start - diag + k]) for k in range(length))
        end = start + length
        assert not (start > 0 and start - diag > 0 and similar(wa[start - 1], wb[start - diag - 1]))
        assert not (end < len(wa) and end - diag < len(wb) and similar(wa[end], wb[end - diag]))
    for (d1, s1, n1), (d2, s2, _) in zip(spans, spans[1:]):
        assert d1 != d2 or s1 + n1 < s2  # no two runs of a diagonal overlap or touch... or they'd be one
