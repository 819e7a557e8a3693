"""Carried edits: which of two copies of a third copied the other (``syndtrace.chains``)."""

from __future__ import annotations

from syndtrace.chains import carried_edits
from syndtrace.model import Document


def docs(*ids: str) -> dict[str, Document]:
    return {i: Document(id=i, path=None, text="", outlet=i.title()) for i in ids}


def upstream_of(*pairs: tuple[str, str]):
    decided = set(pairs)
    return lambda o, d: (o, d) in decided


def test_a_copy_of_a_copy_favours_the_copy_in_between():
    # "mid" changed a few words of "orig"; "late" kept them and changed a few of its own.
    shared = {("orig", "mid"): 95, ("orig", "late"): 90, ("mid", "late"): 96}
    found = carried_edits(shared, upstream_of(("orig", "mid"), ("orig", "late")), docs("orig", "mid", "late"))
    assert list(found) == [("mid", "late")]
    ev = found[("mid", "late")]
    assert (ev.kind, ev.favours, ev.weight) == ("edits", "mid", 1.5)
    assert ev.detail == (
        "Late shares 96 words with Mid but only 90 with Orig, which Mid shares 95 with: "
        "Late carries Mid's changes to Orig's text"
    )


def test_two_pages_of_one_outlet_are_told_apart_by_id():
    shared = {("orig", "mid"): 95, ("orig", "late"): 90, ("mid", "late"): 96}
    pages = docs("orig", "mid", "late") | {d: Document(id=d, path=None, text="", outlet="Free Wire") for d in ("mid", "late")}
    (ev,) = carried_edits(shared, upstream_of(("orig", "mid"), ("orig", "late")), pages).values()
    assert ev.detail == (
        "Free Wire (late) shares 96 words with Free Wire (mid) but only 90 with Orig, which Free Wire (mid) shares "
        "95 with: Free Wire (late) carries Free Wire (mid)'s changes to Orig's text"
    )


def test_siblings_carry_no_evidence():
    # Each copy changed its own words: they differ from each other by both sets.
    shared = {("orig", "a"): 95, ("orig", "b"): 94, ("a", "b"): 89}
    assert carried_edits(shared, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}


def test_without_a_common_source_decided_upstream_there_is_nothing_to_measure_against():
    shared = {("orig", "mid"): 95, ("orig", "late"): 90, ("mid", "late"): 96}
    assert carried_edits(shared, upstream_of(("orig", "mid")), docs("orig", "mid", "late")) == {}


def test_the_original_not_a_sibling_dated_earlier_is_the_yardstick():
    # "early" is a sibling reprint, decided upstream of "a" and "b" by its date alone. Measured
    # from it, "a" (a near-exact reprint) looks like the step between it and "b"; measured
    # from the original, which shares the most with both, "a" and "b" are siblings.
    shared = {
        ("orig", "a"): 820, ("orig", "b"): 779, ("orig", "early"): 784,
        ("early", "a"): 780, ("early", "b"): 740, ("a", "b"): 773,
    }  # fmt: skip
    up = upstream_of(("orig", "a"), ("orig", "b"), ("orig", "early"), ("early", "a"), ("early", "b"))
    assert ("a", "b") not in carried_edits(shared, up, docs("orig", "a", "b", "early"))


def test_two_copies_equally_far_from_the_original_favour_neither():
    # Closer to each other than to the original (both carry the same changes, say from an
    # intermediate missing from the inputs), but neither is nearer the original: no direction.
    shared = {("orig", "a"): 90, ("orig", "b"): 90, ("a", "b"): 96}
    assert carried_edits(shared, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}
