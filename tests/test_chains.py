"""Carried additions: which of two copies of a third copied the other (``syndtrace.chains``).

Spans are built by hand: an original ``orig`` of 10 paragraphs of 100
characters (60 words... near enough: 6 characters a word), copies holding
some of them at the same offsets, and text of their own after offset 1000.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from syndtrace.chains import _covered_by, _subtract, carried_additions
from syndtrace.model import Document, Insertion, Passage, PassageSide


def docs(*ids: str) -> dict[str, Document]:
    return {i: Document(id=i, path=None, text="", outlet=i.title()) for i in ids}


def upstream_of(*pairs: tuple[str, str]):
    decided = set(pairs)
    return lambda o, d: (o, d) in decided


def passage(a: str, b: str, start: int, end: int, inserted: tuple[int, int] | None = None) -> Passage:
    """``a`` and ``b`` share ``[start, end)``, at the same offsets in both; ``inserted``: words only ``a`` has."""
    words = (end - start) // 6
    ins = (Insertion(a, *inserted, "x", True),) if inserted else ()
    return Passage("p", PassageSide(a, start, end, None, words), PassageSide(b, start, end, None, words), words, 99.0, words, "none", ins)


def test_a_copy_that_carries_a_local_paragraph_copied_the_page_that_added_it():
    # "mid" ran paragraphs 0-8 of "orig" and added a local paragraph at 1000-1200; "late" copied
    # "mid": the local paragraph, and paragraphs 0-5 (it trimmed the rest).
    pairs = {
        ("orig", "mid"): (passage("orig", "mid", 0, 900),),
        ("orig", "late"): (passage("orig", "late", 0, 600),),
        ("mid", "late"): (passage("mid", "late", 0, 600), passage("mid", "late", 1000, 1200)),
    }
    found = carried_additions(pairs, upstream_of(("orig", "mid"), ("orig", "late")), docs("orig", "mid", "late"))
    ev = found[("mid", "late")]
    assert (ev.kind, ev.favours, ev.weight) == ("carried", "mid", 1.5)
    assert ev.detail.startswith("Late carries about 33 words that only Mid added to Orig's text")


def test_subscribers_trimming_the_same_wire_story_differently_are_siblings():
    # Word counts differ (one kept more), but neither holds anything "orig" lacks.
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 500),),
        ("a", "b"): (passage("a", "b", 0, 500),),
    }
    assert carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}


def test_each_adding_its_own_paragraph_is_no_evidence():
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 900),),
        ("a", "b"): (passage("a", "b", 0, 900),),  # their local paragraphs (after 1000) differ
    }
    assert carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}


def test_an_editors_bracket_carried_into_the_copy_counts_as_an_addition():
    # "mid" inserted a bracket inside paragraph 2 (its passage with "orig" marks it inserted);
    # "late" has it aligned with "mid".
    pairs = {
        ("orig", "mid"): (passage("mid", "orig", 0, 900, inserted=(230, 262)),),
        ("orig", "late"): (passage("orig", "late", 0, 400),),
        ("mid", "late"): (passage("mid", "late", 0, 400),),
    }
    found = carried_additions(pairs, upstream_of(("orig", "mid"), ("orig", "late")), docs("orig", "mid", "late"))
    assert found[("mid", "late")].favours == "mid"


def test_a_new_version_that_many_carry_is_the_wires_not_one_outlets():
    # "orig" is the first version; "a", "b", "c", "d" all run the write-thru, whose new lede
    # (1000-1300) is in none of "orig": it is the wire's text, not an addition of one of them.
    names = ("a", "b", "c", "d")
    pairs: dict = {("orig", n): (passage("orig", n, 0, 900),) for n in names}
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            pairs[(x, y)] = (passage(x, y, 0, 900), passage(x, y, 1000, 1300))
    up = upstream_of(*(("orig", n) for n in names))
    assert carried_additions(pairs, up, docs("orig", *names)) == {}


def test_two_copies_keeping_as_much_of_the_original_are_related_but_undirected():
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 900),),
        ("a", "b"): (passage("a", "b", 0, 900), passage("a", "b", 1000, 1200)),
    }
    (ev,) = carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")).values()
    assert (ev.favours, ev.weight) == (None, 0.0)


def test_without_a_common_source_there_is_nothing_to_measure_against():
    pairs = {("mid", "late"): (passage("mid", "late", 0, 600), passage("mid", "late", 1000, 1200))}
    assert carried_additions(pairs, upstream_of(), docs("mid", "late")) == {}


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=6)


@given(st.lists(SPANS, max_size=5), st.integers(1, 4))
def test_covered_by_matches_counting_each_position(partners, times):
    got = {at for s, e in _covered_by(partners, times) for at in range(s, e)}
    want = {at for at in range(100) if sum(any(s <= at < e for s, e in spans) for spans in partners) >= times}
    assert got == want


@given(SPANS, SPANS)
def test_subtract_matches_sets_of_positions(spans, cut):
    got = {at for s, e in _subtract(spans, cut) for at in range(s, e)}
    want = {at for s, e in spans for at in range(s, e)} - {at for s, e in cut for at in range(s, e)}
    assert got == want


def test_copies_of_a_wire_story_missing_from_the_inputs_show_a_carried_correction():
    # Five subscribers credit one wire whose page is not among the inputs. "mid" corrected a figure
    # (its word at 300-305 differs from every other copy), and "late" has "mid"'s figure.
    names = ("mid", "late", "c", "d", "e")
    pairs: dict = {}
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            fixed = {x, y} & {"mid", "late"}
            if len(fixed) == 1:  # one has the correction, the other the wire's figure: both differ there
                pairs[(x, y)] = (passage(x, y, 0, 900, inserted=(300, 305)),)
            else:
                pairs[(x, y)] = (passage(x, y, 0, 900),)
    # A passage's insertion marks side a's words: give each side's its own.
    for (x, y), (p,) in list(pairs.items()):
        if len({x, y} & {"mid", "late"}) == 1:
            ins = tuple(Insertion(d, 300, 305, "x", False) for d in (x, y))
            pairs[(x, y)] = (Passage("p", p.a, p.b, p.words, 99.0, p.words, "none", ins),)
    kin = lambda x, y: "The Wire"  # noqa: E731 - every pair credits it
    found = carried_additions(pairs, upstream_of(), docs(*names), kin)
    assert list(found) == [("mid", "late")]
    ev = found[("mid", "late")]
    assert (ev.kind, ev.favours) == ("carried", None)
    assert "differ from the other copies of The Wire's story" in ev.detail
    # Without the credit, two copies of nothing known are left alone.
    assert carried_additions(pairs, upstream_of(), docs(*names)) == {}
