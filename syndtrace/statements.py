"""Statements everyone quotes, learned from a corpus.

A politician's tweet, a company's blog post, a press-conference line: most
articles that carry such text put it in quotation marks, and a few run it
without them (a block quote, a paraphrase that keeps the words). Sharing it
is not copying. So a fingerprint counts as a *statement* when the shared
passages of at least ``MIN_GROUPS`` unrelated groups of documents carry it
and at least half of the documents hold it inside quotation marks; a passage
whose *unquoted* words are mostly statement fingerprints counts as quoted on
both sides (``quote == "statement"``, no authored words): a copy dropped
the marks.

"Unrelated" matters: every copy of a story carries the story's own
quotations, so copies linked by substantial authored overlap are one group.
Otherwise an excerpt of a quoted paragraph would lose its authored framing
just because the story has several reprints.

Only ``scan`` learns statements: two or three articles are no evidence of
what "everyone" quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from syndtrace.fingerprint import member, winnow
from syndtrace.model import Passage
from syndtrace.normalize import TokenStream
from syndtrace.shingle import shingle_hashes

MIN_GROUPS = 3  # a statement is carried by at least this many unrelated groups of documents


@dataclass(frozen=True, slots=True)
class DocPrints:
    """A document's winnowed shingle fingerprints with positions and quote flags."""

    hashes: np.ndarray  # uint64
    starts: np.ndarray  # character offset of each fingerprint's first word
    quoted: np.ndarray  # bool: the fingerprint's words are inside quotation marks


def winnowed(tokens: TokenStream, k: int, window: int) -> tuple[np.ndarray, np.ndarray]:
    """``(shingle hashes, winnowed positions)`` of a document's words, computed once per document.

    A scan needs them twice (learned boilerplate, then statement prints), and
    they depend on the words alone, not on which words are masked.
    """
    key = ("winnowed", k, window)
    if key not in tokens.cache:
        sh = shingle_hashes(tokens.hashes, k)
        tokens.cache[key] = (sh, winnow(sh, window) if len(sh) else np.empty(0, np.int64))
    return tokens.cache[key]


def doc_prints(tokens: TokenStream, k: int, window: int) -> DocPrints:
    """Winnowed fingerprints of a document's (unmasked) words, for statement learning."""
    sh, picked = winnowed(tokens, k, window)
    if not len(sh):
        empty = np.empty(0, np.int64)
        return DocPrints(np.empty(0, np.uint64), empty, np.empty(0, bool))
    quoted = np.convolve(tokens.quoted.astype(np.int32), np.ones(k, np.int32), "valid") == k
    return DocPrints(sh[picked], tokens.starts[picked], quoted[picked])


def side_prints(prints: DocPrints, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """The fingerprints (hashes, quoted flags) that begin inside ``[start, end)``."""
    lo, hi = np.searchsorted(prints.starts, [start, end])
    return prints.hashes[lo:hi], prints.quoted[lo:hi]


def learn(observations: list[tuple[int, np.ndarray, np.ndarray]], group_of: dict[int, int]) -> np.ndarray:
    """Statement fingerprints from ``(doc, hashes, quoted)`` observations of passage sides.

    ``group_of`` maps each document to its group of related documents.
    """
    if not observations:
        return np.empty(0, np.uint64)
    hashes = np.concatenate([h for _, h, _ in observations])
    docs = np.concatenate([np.full(len(h), d, np.int64) for d, h, _ in observations])
    quoted = np.concatenate([q for _, _, q in observations])
    if not len(hashes):
        return np.empty(0, np.uint64)
    # One vote per (fingerprint, document): quoted if any of its occurrences there is.
    # (A lexsort and run boundaries: np.unique(axis=1) is several times slower.)
    order = np.lexsort((docs, hashes))
    hashes, docs, quoted = hashes[order], docs[order], quoted[order]
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
    at = np.flatnonzero(first)
    votes = np.logical_or.reduceat(quoted, at)
    fp, doc_of = hashes[at].view(np.int64), docs[at]
    lookup = np.arange(int(doc_of.max()) + 1, dtype=np.int64)
    for d, g in group_of.items():
        if d < len(lookup):
            lookup[d] = g
    groups = lookup[doc_of]
    order = np.lexsort((groups, fp))
    fp, votes, groups = fp[order], votes[order], groups[order]
    bounds = np.flatnonzero(np.diff(fp)) + 1
    starts = np.concatenate(([0], bounds))
    n_docs = np.diff(np.concatenate((starts, [len(fp)])))
    n_quoted = np.add.reduceat(votes.astype(np.int64), starts)
    new_group = np.ones(len(fp), dtype=bool)
    new_group[1:] = (fp[1:] != fp[:-1]) | (groups[1:] != groups[:-1])
    n_groups = np.add.reduceat(new_group.astype(np.int64), starts)
    is_statement = (n_groups >= MIN_GROUPS) & (n_quoted * 2 >= n_docs)
    return np.sort(fp[starts][is_statement].view(np.uint64))


def mark_all(passages: list[Passage], sides: list, statements: np.ndarray) -> list[Passage]:
    """``passages`` with those whose unquoted words are statement text marked as statements.

    ``sides[k]`` is ``(side_a, side_b)`` for ``passages[k]``, each ``(hashes,
    quoted)`` from ``side_prints``; ``statements`` must be sorted (``learn``
    returns it so). Only the unquoted fingerprints decide: a copy that dropped
    the quotation marks around a statement is unquoted statement text, while
    several outlets excerpting one story's quoted paragraph carry that story's
    own unquoted framing, which no one else quotes, and that is copying.
    Passages with no unquoted fingerprint are left alone: there are no
    authored words to take away. One membership test covers every passage.
    """
    if not passages or not len(statements):
        return list(passages)
    parts = [np.concatenate((ha[~qa], hb[~qb])) for (ha, qa), (hb, qb) in sides]
    lengths = np.array([len(x) for x in parts], dtype=np.int64)
    hits = np.concatenate(([0], np.cumsum(member(np.concatenate(parts), statements), dtype=np.int64)))
    ends = np.cumsum(lengths)
    counts = hits[ends] - hits[ends - lengths]
    marked = (lengths > 0) & (counts * 2 >= lengths)
    return [replace(p, quote="statement", authored_words=0) if m else p for p, m in zip(passages, marked.tolist())]
