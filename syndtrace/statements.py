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
from syndtrace.heap import release as release_freed_memory
from syndtrace.model import Passage
from syndtrace.normalize import TokenStream
from syndtrace.settings import Settings
from syndtrace.shingle import shingle_hashes
from syndtrace.storylinks import same_story
from syndtrace.unionfind import UnionFind

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


@dataclass(frozen=True, slots=True)
class Observed:
    """Fingerprints seen in passage sides, once per (fingerprint, document).

    ``quoted[k]``: document ``docs[k]`` holds fingerprint ``hashes[k]``
    inside quotation marks in at least one of its passage sides.
    """

    hashes: np.ndarray  # uint64
    docs: np.ndarray  # int64
    quoted: np.ndarray  # bool

    @classmethod
    def concat(cls, parts: list[Observed]) -> Observed:
        """The observations of ``parts``, one per (fingerprint, document) (quoted if quoted in any part).

        Parts may observe one document (a story cut over two work chunks).
        ``parts`` is emptied: each part is let go once copied, so the parts
        and their join are never held whole at once.
        """
        if not parts:
            return observe([])
        joined = _drain_join(parts, ("hashes", "docs", "quoted"))
        # The parts, freed, stay resident in the C heap: hand them back before the sort copies the
        # join (at 100k articles the scan's high-water mark went 829 -> 807 MiB, the trace stage's).
        release_freed_memory()
        return _once(joined)


def observe(sides: list[tuple[int, np.ndarray, np.ndarray]]) -> Observed:
    """One vote per (fingerprint, document) from ``(doc, hashes, quoted)`` per passage side.

    A document's sides against its story's several copies overlap; each
    fingerprint counts once per document, quoted if any occurrence is.
    """
    if not sides:
        return Observed(np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, bool))
    hashes = np.concatenate([h for _, h, _ in sides])
    docs = np.repeat(np.array([d for d, _, _ in sides], np.int64), [len(h) for _, h, _ in sides])
    quoted = np.concatenate([q for _, _, q in sides])
    return _once([hashes, docs, quoted])


def _once(arrays: list[np.ndarray]) -> Observed:
    """One observation per (fingerprint, document), quoted if any of its occurrences is.

    ``arrays`` holds ``[hashes, docs, quoted]`` and is emptied, so that each
    unsorted array is let go as soon as its sorted copy is made (a caller
    passing three arguments would hold all three through the call).
    """
    hashes, docs, quoted = arrays
    arrays.clear()
    if not len(hashes):
        return Observed(hashes, docs, quoted)
    # (A lexsort and run boundaries: np.unique(axis=1) is several times slower.)
    order = np.lexsort((docs, hashes))
    hashes = hashes[order]
    docs = docs[order]
    quoted = quoted[order]
    del order
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
    at = np.flatnonzero(first)
    return Observed(hashes[at], docs[at], np.logical_or.reduceat(quoted, at))


@dataclass(frozen=True, slots=True)
class SpanPrints:
    """The *unquoted* fingerprints of many passage sides (document spans), packed in flat arrays.

    Span ``k`` owns the next ``lengths[k]`` entries of ``hashes``. Packed
    because a scan ships them from its workers: hundreds of thousands of
    small arrays cost more in object overhead than in data. Quoted
    fingerprints are left out: only unquoted text can be a copy that
    dropped a statement's marks.
    """

    lengths: np.ndarray  # int64, per span
    hashes: np.ndarray  # uint64, per unquoted fingerprint

    @classmethod
    def pack(cls, sides: list[tuple[np.ndarray, np.ndarray]]) -> SpanPrints:
        """From ``(hashes, quoted)`` per span (``side_prints`` output), in order."""
        unquoted = [h[~q] for h, q in sides]
        return cls(
            np.array([len(h) for h in unquoted], dtype=np.int64),
            np.concatenate(unquoted) if unquoted else np.empty(0, np.uint64),
        )

    @classmethod
    def concat(cls, parts: list[SpanPrints]) -> SpanPrints:
        """One pack of the spans of ``parts``, in order (span ``k`` of part 2 follows all of part 1's).

        ``parts`` is emptied: each part is let go once copied.
        """
        if not parts:
            return cls.pack([])
        return cls(*_drain_join(parts, ("lengths", "hashes")))

    def __len__(self) -> int:
        return len(self.lengths)

    def hits(self, sorted_set: np.ndarray) -> np.ndarray:
        """Per span, how many of its fingerprints are in ``sorted_set`` (sorted, unique): one membership test for all."""
        running = np.concatenate(([0], np.cumsum(member(self.hashes, sorted_set), dtype=np.int64)))
        ends = np.cumsum(self.lengths)
        return running[ends] - running[ends - self.lengths]


def _drain_join(parts: list, names: tuple[str, ...]) -> list[np.ndarray]:
    """Per field of ``names``, the concatenation of the parts' arrays; ``parts`` is emptied as it goes.

    ``np.concatenate`` would hold every part and the whole join at once (at
    100k articles, the aligning stage's highest point); here a part is let
    go as soon as its arrays are copied.
    """
    out = [np.empty(sum(len(getattr(p, name)) for p in parts), getattr(parts[0], name).dtype) for name in names]
    at = [0] * len(names)
    parts.reverse()
    while parts:
        part = parts.pop()
        for k, name in enumerate(names):
            values = getattr(part, name)
            out[k][at[k] : at[k] + len(values)] = values
            at[k] += len(values)
    return out


def side_prints(prints: DocPrints, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """The fingerprints (hashes, quoted flags) that begin inside ``[start, end)``."""
    lo, hi = np.searchsorted(prints.starts, [start, end])
    return prints.hashes[lo:hi], prints.quoted[lo:hi]


def learn(observed: Observed, group_of: dict[int, int]) -> np.ndarray:
    """Statement fingerprints from the corpus's passage sides, observed once per (fingerprint, document).

    ``group_of`` maps documents to their group of related documents, named
    by one of its documents (a union-find root); a document not in it is a
    group of its own.
    """
    # A fingerprint no document quotes cannot be a statement (half its documents must):
    # keep only the observations of fingerprints quoted somewhere, usually a small part.
    ever_quoted = np.unique(observed.hashes[observed.quoted])
    keep = member(observed.hashes, ever_quoted)
    if not keep.any():
        return np.empty(0, np.uint64)
    fp, doc_of, votes = observed.hashes[keep].view(np.int64), observed.docs[keep], observed.quoted[keep]
    del keep
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


def rare_spans(observed: Observed, spans: SpanPrints, most: int) -> np.ndarray:
    """Per span of ``spans``, whether it holds an unquoted fingerprint that ``most`` documents or fewer carry in passages.

    A story's text, carried by many copies, is in the passages of many
    documents; what one outlet added to it, and a copy of that outlet's page
    carried, is in the passages of the two (and of few others).
    """
    hashes, counts = np.unique(observed.hashes, return_counts=True)
    return spans.hits(hashes[counts <= most]) > 0


def mark_all(passages: list[Passage], sides: np.ndarray, spans: SpanPrints, statements: np.ndarray) -> list[Passage]:
    """``passages`` with those whose unquoted words are statement text marked as statements.

    ``sides[k]`` holds the indexes in ``spans`` of ``passages[k]``'s sides
    ``a`` and ``b``; ``statements`` must be sorted (``learn`` returns it so).
    Only the unquoted fingerprints decide: a copy that dropped the quotation
    marks around a statement is unquoted statement text, while several
    outlets excerpting one story's quoted paragraph carry that story's own
    unquoted framing, which no one else quotes, and that is copying.
    Passages with no unquoted fingerprint are left alone: there are no
    authored words to take away. One membership test covers every passage.
    """
    if not passages or not len(statements):
        return list(passages)
    span_hits = spans.hits(statements)
    lengths = spans.lengths[sides[:, 0]] + spans.lengths[sides[:, 1]]
    counts = span_hits[sides[:, 0]] + span_hits[sides[:, 1]]
    marked = (lengths > 0) & (counts * 2 >= lengths)
    return [replace(p, quote="statement", authored_words=0) if m else p for p, m in zip(passages, marked.tolist())]


def mark_statements(aligned: list, spans: SpanPrints, observed: Observed, settings: Settings, few: int):
    """Learn the corpus's widely quoted statements and mark the passages made of them.

    ``aligned`` holds ``(i, j, passages, stats, sides)`` per pair, ``sides``
    indexing ``spans`` (``scan``; ``stats`` is passed through as it is: a
    scan's row of statistics). Returns ``(i, j, passages, stats)`` per
    pair (the side prints have served and are let go), the set of pairs
    ``(i, j)`` whose passages hold text ``few`` documents or fewer carry
    (``rare_spans``), and the statements learned (sorted fingerprints), which
    ``mark_passages`` applies to pairs aligned after the scan.
    """
    # Documents linked by substantial authored overlap are one group (one story's copies).
    groups = UnionFind()
    for i, j, passages, _, _ in aligned:
        if same_story(passages, settings):
            groups.union(i, j)
    found = learn(observed, {d: groups.find(d) for d in list(groups.parent)})
    sides = np.concatenate([s for *_, s in aligned]) if aligned else np.empty((0, 2), np.int64)
    flat = mark_all([p for _, _, ps, _, _ in aligned for p in ps], sides, spans, found)
    rare = rare_spans(observed, spans, few)
    out, held_by_few, at = [], set(), 0
    for i, j, passages, stats, pair_sides in aligned:
        out.append((i, j, flat[at : at + len(passages)], stats))
        if len(pair_sides) and rare[pair_sides].any():
            held_by_few.add((i, j))
        at += len(passages)
    return out, held_by_few, found


def mark_passages(passages: list[Passage], prints: dict[str, DocPrints], statements: np.ndarray) -> list[Passage]:
    """``mark_all`` for one pair's passages aligned after a scan, given each document's ``doc_prints`` by id."""
    if not passages or not len(statements):
        return list(passages)
    spans = SpanPrints.pack([side_prints(prints[side.doc], side.start, side.end) for p in passages for side in (p.a, p.b)])
    return mark_all(passages, np.arange(2 * len(passages), dtype=np.int64).reshape(-1, 2), spans, statements)
