"""Pairs asked for by credits: a story's copy meets the pages of the outlet it names (``creditpairs``)."""

from __future__ import annotations

import numpy as np

from syndtrace.creditpairs import CREDIT_PAGES, credited_pairs
from syndtrace.model import Credit, Document
from syndtrace.names import outlet_key

SHARES = ("passage",)  # a pair's passages: only whether there are any matters here
NO_WIRE = np.zeros(9, bool)


def page(k: int, outlet: str, *credited: str, kind: str = "edited") -> Document:
    credits = tuple(Credit(kind, name, 0, 10, f"Compiled by {name} from wire reports.") for name in credited)
    return Document(id=f"d{k}", path=None, text="", outlet=outlet, credits=credits)


def story(extra: dict[int, Document] | None = None):
    # Pages 0-1 are the wire's (its hubs); 2-7 subscribers, each by its own outlet; 8 a page of
    # outlet "Kestrel Herald" (code 8) of another story. Every subscriber shares text with the hubs.
    outlets = ["Wire", "Wire", "A", "B", "C", "D", "Kestrel Herald", "F", "Kestrel Herald"]
    docs = {k: page(k, name) for k, name in enumerate(outlets)}
    docs.update(extra or {})
    codes = {"Wire": 0, "A": 2, "B": 3, "C": 4, "D": 5, "Kestrel Herald": 6, "F": 7}
    outlet = np.array([codes[d.outlet] for _, d in sorted(docs.items())], np.int64)
    aligned = [(h, s, SHARES) for s in range(2, 8) for h in (0, 1)] + [(0, 1, SHARES)]
    return aligned, docs, outlet, {outlet_key(name): code for name, code in codes.items()}


def test_a_copy_naming_its_intermediate_meets_that_outlets_page_of_the_story():
    aligned, docs, outlet, keys = story({7: page(7, "F", "Kestrel Herald")})
    assert credited_pairs(aligned, docs, outlet, keys, np.arange(9), NO_WIRE) == [(6, 7)]
    # Not the outlet's page of another story (it shares text with none of the copy's partners).
    assert (7, 8) not in credited_pairs(aligned, docs, outlet, keys, np.arange(9), NO_WIRE)


def test_nothing_is_asked_when_the_pair_was_compared_or_under_the_cap_or_self_credited():
    aligned, docs, outlet, keys = story({7: page(7, "F", "Kestrel Herald")})
    assert credited_pairs(aligned + [(6, 7, SHARES)], docs, outlet, keys, np.arange(9), NO_WIRE) == []  # it meets it already
    assert credited_pairs(aligned + [(6, 7, ())], docs, outlet, keys, np.arange(9), NO_WIRE) == []  # compared, nothing shared
    assert credited_pairs(aligned, docs, outlet, keys, np.array([0, 1, 2, 3]), NO_WIRE) == []  # not a story over the cap
    assert credited_pairs(aligned, docs, outlet, keys, np.empty(0, np.int64), NO_WIRE) == []
    own = story({7: page(7, "F", "F")})
    assert credited_pairs(*own, np.arange(9), NO_WIRE) == []  # its own outlet
    release = story({7: page(7, "F", "Kestrel Herald", kind="press-release")})
    assert credited_pairs(*release, np.arange(9), NO_WIRE) == []  # a release's marks name the release itself
    # Were Kestrel Herald a known publisher (an agency, a news service), its pages would be hubs already.
    assert credited_pairs(aligned, docs, outlet, keys, np.arange(9), np.arange(9) == 6) == []


def test_an_outlet_is_named_by_any_spelling_of_it_and_at_most_credit_pages_of_its_pages_are_asked_for():
    aligned, docs, outlet, keys = story({7: page(7, "F", "the Kestrel Herald")})
    assert credited_pairs(aligned, docs, outlet, keys, np.arange(9), NO_WIRE) == [(6, 7)]
    # An outlet with many pages sharing text with the copy's partners.
    many = {k: page(k, "Kestrel Herald") for k in range(9, 9 + 2 * CREDIT_PAGES)}
    aligned, docs, outlet, keys = story({7: page(7, "F", "Kestrel Herald"), **many})
    aligned += [(0, k, SHARES) for k in many]
    found = credited_pairs(aligned, docs, outlet, keys, np.arange(len(docs)), np.zeros(len(docs), bool))
    assert len(found) == CREDIT_PAGES and all(7 in pair for pair in found)
