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
    compared: set[tuple[int, int]] = set()
    partners: dict[int, list[int]] = defaultdict(list)
    near: dict[tuple[int, int], set[int]] = defaultdict(set)  # (partner, outlet code) -> that outlet's pages
    for i, j, passages, *_ in aligned:
        compared.add((i, j))
        if passages:
            partners[i].append(j)
            partners[j].append(i)
            for q, p in ((i, j), (j, i)):
                if not wire[p]:
                    near[(q, int(outlet[p]))].add(p)
    found: set[tuple[int, int]] = set()
    for i in sorted(set(story_docs.tolist()) & documents.keys()):
        named = {codes.get(outlet_key(c.source)) for c in documents[i].credits if c.kind not in _SELF and c.source}
        for code in sorted(named - {None, int(outlet[i])}):
            if any(outlet[p] == code for p in partners[i]):
                continue  # it shares text with a page of that outlet already
            pages = sorted({p for q in partners[i] for p in near.get((q, code), ())} - {i})
            pairs = [(min(i, p), max(i, p)) for p in pages]
            found.update([pair for pair in pairs if pair not in compared][:CREDIT_PAGES])
    return sorted(found)
