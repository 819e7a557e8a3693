"""Pair verdicts (``syndtrace.verdict``): reuse, shared-quote, boilerplate, unrelated."""

from __future__ import annotations

import pytest

from syndtrace.model import Credit, Document, PairStats, Passage, PassageSide
from syndtrace.pipeline import compare_documents, swap_stats
from syndtrace.load import document_from_text
from syndtrace.settings import Settings
from syndtrace.verdict import pair_verdict

SETTINGS = Settings()


def doc(doc_id: str, outlet: str, credits: tuple[Credit, ...] = ()) -> Document:
    return Document(id=doc_id, path=None, text="", outlet=outlet, credits=credits)


def passage(words: int, authored: int, a_attr: str | None = None, b_attr: str | None = None) -> Passage:
    return Passage(
        "p1", PassageSide("x", 0, words * 6, None, words, attribution=a_attr),
        PassageSide("y", 0, words * 6, None, words, attribution=b_attr), words, 100.0, authored,
    )  # fmt: skip


def stats(furniture: int) -> PairStats:
    return PairStats("x", "y", 10, 10, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, furniture)


def test_counts_and_words():
    v = pair_verdict(doc("x", "A"), doc("y", "B"), [passage(60, 45)], None, SETTINGS)
    assert (v.verdict, v.words, v.authored_words, v.quoted_words, v.first_appearance) == ("reuse", 60, 45, 15, None)


def test_quotations_alone_are_a_shared_quote_unless_one_side_first_printed_them():
    x, y = doc("x", "Daily Planet"), doc("y", "Evening Star")
    assert pair_verdict(x, y, [passage(60, 5)], None, SETTINGS).verdict == "shared-quote"
    release = doc("x", "Northfield University", (Credit("press-release", "Northfield University", 0, 6, "[Ends]"),))
    v = pair_verdict(release, y, [passage(60, 5)], None, SETTINGS)
    assert (v.verdict, v.first_appearance, v.reused_words) == ("reuse", "x", 60)
    # The outlet the other side attributes the words to ("told The Times"), when its page is among the inputs.
    times = doc("x", "The Times")
    v = pair_verdict(times, y, [passage(60, 5, b_attr="The Times")], None, SETTINGS)
    assert (v.verdict, v.first_appearance) == ("reuse", "x")


def test_a_quotation_attributed_by_the_outlets_short_name_first_appeared_on_its_page():
    # "the Courant reported" over words The Kestrel Bay Courant's page prints as its own; its page
    # need not print its own name, so the short name is matched against the outlet's last words.
    courant, copy = doc("x", "The Kestrel Bay Courant"), doc("y", "Evening Star")
    v = pair_verdict(courant, copy, [passage(60, 5, b_attr="Courant")], None, SETTINGS)
    assert (v.verdict, v.first_appearance) == ("reuse", "x")
    # A name that is not the outlet's last words ("Kestrel", "Bay Courant Weekly") is not it.
    for said in ("Kestrel", "Bay Courant Weekly"):
        assert pair_verdict(courant, copy, [passage(60, 5, b_attr=said)], None, SETTINGS).first_appearance is None


def test_no_passage_is_boilerplate_when_the_pages_share_furniture_and_unrelated_otherwise():
    x, y = doc("x", "A"), doc("y", "A")
    assert pair_verdict(x, y, [], stats(3), SETTINGS).verdict == "boilerplate"
    assert pair_verdict(x, y, [], stats(0), SETTINGS).verdict == "unrelated"
    assert pair_verdict(x, y, [], None, SETTINGS).verdict == "unrelated"


FOOTER = (
    "Subscribe to the Riverside Courier newsletter for the day's headlines in your inbox every morning.\n\n"
    "Copyright 2024 Riverside Courier Media Group. All rights reserved. This material may not be published.\n"
)


@pytest.mark.parametrize("ids", [("a", "b"), ("b", "a")])
def test_two_pages_of_one_outlet_sharing_only_their_footer_are_boilerplate_in_compare(ids):
    # In either id order: compare_pair aligns in id order and swaps back, the furniture count too.
    a = document_from_text(
        "---\noutlet: Riverside Courier\n---\nThe council voted on Tuesday to close the library on Mondays to save money.\n\n" + FOOTER,
        doc_id=ids[0], path=None,
    )  # fmt: skip
    b = document_from_text(
        "---\noutlet: Riverside Courier\n---\nA late goal gave the home side a draw in the regional cup final on Saturday.\n\n" + FOOTER,
        doc_id=ids[1], path=None,
    )  # fmt: skip
    result = compare_documents([a, b], SETTINGS)
    assert result.passages == ()
    (v,) = result.verdicts
    assert v.verdict == "boilerplate" and result.pairs[0].boilerplate_shingles > 0
    swapped = swap_stats(result.pairs[0])
    assert (swapped.a, swapped.b) == (result.pairs[0].b, result.pairs[0].a) and swap_stats(swapped) == result.pairs[0]


def _pair(x: str, y: str, a_attr: str | None, b_attr: str | None):
    from syndtrace.tracegraph import PairPassages

    side = lambda doc, attr: PassageSide(doc, 0, 60, None, 10, attribution=attr)  # noqa: E731
    return PairPassages(x, y, (Passage("p", side(x, a_attr), side(y, b_attr), 10, 100.0, 2),))


def test_a_short_name_is_the_full_one_a_documents_other_passages_spell_out():
    from syndtrace.quoted import spelled_out

    pairs = [
        # Read against a partner printing the full name, page s's "the Free Press" is that paper;
        # against another page printing only the short name, it stays short.
        _pair("full", "s", "Sunnyvale Free Press", "Sunnyvale Free Press"),
        _pair("s", "t", "Free Press", "Free Press"),
        # Page u's passages tie "the Free Press" to two towns' papers: it keeps the short name.
        _pair("u", "full", "Sunnyvale Free Press", "Sunnyvale Free Press"),
        _pair("u", "c", "Carrington Free Press", "Carrington Free Press"),
        _pair("u", "t", "Free Press", "Free Press"),
    ]
    assert spelled_out(pairs) == {("s", "Free Press"): "Sunnyvale Free Press"}


def test_the_ft_is_the_financial_times():
    from syndtrace.names import canonical

    assert canonical("the FT") == canonical("FT") == "Financial Times"
    assert canonical("Spiegel") == "Der Spiegel"
