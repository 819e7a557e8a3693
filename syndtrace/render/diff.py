"""Which words of two versions of a passage differ: what the renderers highlight.

The two versions' words are matched by rapidfuzz's ``Indel.opcodes``; a run
of words that has no match on the other side differs. ``differing_spans``
reads the words of two strings (``syndtrace.normalize.WORD`` runs,
casefolded, curly apostrophe straightened), for the tree; the web report
gives ``differing_runs`` the word hashes ``syndtrace.normalize.tokenize``
already made, which is much faster for a corpus.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rapidfuzz.distance import Indel

from syndtrace.normalize import WORD

Spans = list[tuple[int, int]]


def differing_runs(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[Spans, Spans]:
    """``[i, j)`` index runs of ``a`` and of ``b`` whose items the other sequence does not match.

    A replacement gives a run on both sides, an insertion or deletion on one.
    """
    runs_a: Spans = []
    runs_b: Spans = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if op.src_end > op.src_start:
            runs_a.append((op.src_start, op.src_end))
        if op.dest_end > op.dest_start:
            runs_b.append((op.dest_start, op.dest_end))
    return runs_a, runs_b


def differing_spans(a: str, b: str) -> tuple[Spans, Spans]:
    """``[start, end)`` spans of ``a`` and of ``b`` covering the words that differ.

    One span per run of differing words, from the first word's start to the
    last word's end (punctuation between them included); offsets are Python
    string indices into ``a`` and ``b``.
    """
    wa = _words(a)
    wb = _words(b)
    runs_a, runs_b = differing_runs([w for *_, w in wa], [w for *_, w in wb])
    return [(wa[i][0], wa[j - 1][1]) for i, j in runs_a], [(wb[i][0], wb[j - 1][1]) for i, j in runs_b]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold().replace("’", "'")) for m in WORD.finditer(text)]
