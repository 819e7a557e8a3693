"""Pairs the index could not see: a copy that names, in a credit line, another outlet of the inputs.

Over the cap, each copy of a story is compared with a few of the others
(``syndtrace.storyindex``), chosen by the fingerprints they hold. A copy of
a copy that names its intermediate ("Compiled by KUNS-TV from wire
reports.", "Lakeshore Sentinel staff contributed to this report.", "This
story originally appeared in ...") may hold nothing of it that the story's
other copies lack but that line, too short to give a fingerprint. The
credit, read once the page is analysed, says whose page to compare it with:
that outlet's pages of the same story, known as those compared with one of
the copy's own partners. Only copies of stories over the cap are asked
about: under it, every pair sharing enough was compared already. Nor are
the pages of known publishers (agencies, news services: ``wire``): they
are their stories' hubs, which every copy meets already, and an agency's
roundups ("The Latest") share text with every story it sent.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from syndtrace.fingerprint import member
from syndtrace.model import Document
from syndtrace.names import outlet_key

CREDIT_PAGES = 16  # pages of the named outlet a copy is compared with, at most
_SELF = frozenset({"press-release"})  # a release's marks credit the release itself


def credited_pairs(
    aligned: list,
    documents: dict[int, Document],
    outlet: np.ndarray,
    codes: dict[str, int],
    story_docs: np.ndarray,
    wire: np.ndarray,
) -> list[tuple[int, int]]:
    """``(i, j)`` pairs (``i < j``) not yet compared: a story's copy and the pages of an outlet it credits.

    ``aligned``: the compared pairs, ``(i, j, passages, ...)``;
    ``documents``: the analysed documents by index, with their credits;
    ``outlet``: each document's outlet code (-1: unknown); ``codes``: the
    code of each outlet key (``gather.outlet_codes_of``); ``story_docs``:
    the copies of stories over the cap; ``wire``: whether a document is a
    known publisher's page, never asked for. A copy is paired with the
    named outlet's pages that share text with one of its partners, unless
    it shares text with one of that outlet's pages already; the first
    ``CREDIT_PAGES`` of them.
    """
    if not len(story_docs):
        return []
    # Pairs as one sorted array of keys, each document's partners in lists, and a partner's
    # pages by outlet only when asked: at 108k pages and 623k pairs, sets of pair tuples and
    # of every partner's pages by outlet held about 480 MB at once, the aligning stage's highest point.
    n = len(outlet)
    compared = np.sort(np.array([i * n + j for i, j, *_ in aligned], np.int64))
    outlet_of, is_wire = outlet.tolist(), wire.tolist()  # read per partner's partner: plain lists are faster
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j, passages, *_ in aligned:
        if passages:
            partners[i].append(j)
            partners[j].append(i)
    near: dict[tuple[int, int], list[int]] = {}  # (partner, outlet code) -> that outlet's pages, when first asked

    def pages_near(q: int, code: int) -> list[int]:
        """The outlet's pages (not a known publisher's) sharing text with ``q``."""
        if (q, code) not in near:
            near[(q, code)] = [p for p in partners[q] if outlet_of[p] == code and not is_wire[p]]
        return near[(q, code)]

    found: set[tuple[int, int]] = set()
    for i in sorted(set(story_docs.tolist()) & documents.keys()):
        named = {codes.get(outlet_key(c.source)) for c in documents[i].credits if c.kind not in _SELF and c.source}
        for code in sorted(named - {None, int(outlet[i])}):
            if any(outlet_of[p] == code for p in partners[i]):
                continue  # it shares text with a page of that outlet already
            pages = sorted({p for q in partners[i] for p in pages_near(q, code)} - {i})
            pairs = [(min(i, p), max(i, p)) for p in pages]
            seen = member(np.array([a * n + b for a, b in pairs], np.int64), compared)
            found.update([pair for pair, old in zip(pairs, seen.tolist()) if not old][:CREDIT_PAGES])
    return sorted(found)
