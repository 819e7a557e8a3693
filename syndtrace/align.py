"""Align stage: the passages two documents share, with exact offsets.

1. *Seeds*: every 3-word shingle the two documents share (masked boilerplate
   words never seed), found by sorting one side's shingle hashes.
2. *Runs*: seeds on the same diagonal with consecutive positions chain into
   maximal exact runs. Runs of at least ``shingle_size`` words are *strong*;
   shorter ones are *weak* and may only extend a passage a strong run starts.
3. *One-to-one*: longest runs first, each word of either document is used
   at most once (a repeated sentence matches once).
4. *Merge*: runs in the same order on both sides join into one passage when
   the gap between them is at most ``max_gap`` words on each side and within
   one paragraph on any side that has a gap: that tolerates an ellipsis cut,
   an editor's bracketed insertion, a changed word or two. A quotation split
   by an attribution ("..." Adnan said. "...") joins across the unquoted
   interjection. Sentences moved elsewhere fall out of order and stay
   passages of their own.
5. *Score*: rapidfuzz's normalised Indel similarity of the two sides' words.

With ``--ocr`` (``prepare(..., ocr=True)``) step 1 seeds on 2-word
shingles of the words' OCR-forgiving forms (``syndtrace.ocr.ocr_fold``),
and step 2 grows each run along its diagonal over words OCR made unequal
(``ocr.similar``: one or two edits apart), so a passage survives a changed
character every few words; a word too mangled to match is a gap of one
word on each side, which step 4 merges across, as passim's alignment does.

Spans are ``[start, end)`` in ``Document.text`` of each side, from the first
aligned word's first character to the last aligned word's last character.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rapidfuzz.distance import Indel

from syndtrace.model import Document, Insertion, Passage, PassageSide
from syndtrace.normalize import WORD, TokenStream
from syndtrace.ocr import grown_runs, ocr_fold
from syndtrace.packed import PackedInsertions
from syndtrace.settings import Settings
from syndtrace.shingle import shingle_hashes, word_hashes

SEED = 3  # words per seed shingle
OCR_SEED = 2  # with --ocr: words per seed shingle, on folded forms (a 3-word seed rarely survives OCR)
_REPEAT_CAP = 32  # a seed repeated more often than this in one document is noise
_INTERJECTION = 40  # longest unquoted attribution a split quotation may skip
_OCR_MISREAD = 2  # with --ocr, two gaps whose lengths differ by this little are misread words, not insertions


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to align: its words, their hashes and seed shingles."""

    doc: Document
    tokens: TokenStream
    seeds: np.ndarray  # uint64 seed-shingle hashes
    seed_ok: np.ndarray  # False where a seed touches a masked (boilerplate) word: it never matches
    seed_order: np.ndarray  # positions of usable seeds, sorted by hash (searched from the other side)
    seed_sorted: np.ndarray  # ``seeds[seed_order]``
    seed_count: np.ndarray  # per slot of ``seed_sorted``: how many slots hold its hash
    para_first: np.ndarray  # per paragraph index: first word index (or -1)
    para_last: np.ndarray
    seed_len: int = SEED  # words per seed; OCR_SEED when ``ocr``
    ocr: bool = False  # runs grow over OCR-changed words (``ocr.similar``)


class Run(NamedTuple):
    """``a.words[a0:a0+n] == b.words[b0:b0+n]`` (internal; a tuple, as pairs make thousands)."""

    a0: int
    b0: int
    n: int


def prepare(doc: Document, tokens: TokenStream, ocr: bool = False) -> Prepared:
    """Hash a document's words once so it can be aligned against many others.

    ``ocr``: seed on the words' OCR-forgiving forms and let runs grow over OCR errors.
    """
    seed_len = OCR_SEED if ocr else SEED
    base = word_hashes([ocr_fold(w) for w in tokens.words]) if ocr else tokens.hashes
    seeds = shingle_hashes(base, seed_len)
    seed_ok = np.ones(len(seeds), dtype=bool)
    if len(seeds) and tokens.masked.any():
        seed_ok = np.convolve(tokens.masked.astype(np.int32), np.ones(seed_len, dtype=np.int32), "valid") == 0
    n_para = len(tokens.paragraphs)
    first = np.full(n_para, -1, dtype=np.int64)
    last = np.full(n_para, -1, dtype=np.int64)
    if len(tokens):
        idx = np.arange(len(tokens))
        first[tokens.paragraph[::-1]] = idx[::-1]
        last[tokens.paragraph] = idx
    usable = np.flatnonzero(seed_ok)
    order = usable[np.argsort(seeds[usable], kind="stable")]
    # Sorted once here, not per pair: a scan aligns a document against every other copy of its story.
    ordered = seeds[order]
    bounds = np.flatnonzero(np.diff(ordered)) + 1 if len(ordered) else np.empty(0, np.int64)
    sizes = np.diff(np.concatenate(([0], bounds, [len(ordered)])))
    count = np.repeat(sizes, sizes)
    return Prepared(doc, tokens, seeds, seed_ok, order, ordered, count, first, last, seed_len, ocr)


def exact_runs(a: Prepared, b: Prepared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Maximal exact runs of at least ``a.seed_len`` words, before the one-to-one step: ``(a0, b0, n)`` arrays.

    Ordered by diagonal (``a0 - b0``), then by ``a0``.
    """
    sa, sorted_b = a.seed_sorted, b.seed_sorted  # usable seeds only: masked ones never match
    if not len(sa) or not len(sorted_b):
        return _NO_RUNS
    # Sorted needles: numpy's binary search narrows each search from the last, three times faster.
    lo = np.searchsorted(sorted_b, sa)
    at = np.minimum(lo, len(sorted_b) - 1)
    counts = np.where(sorted_b[at] == sa, b.seed_count[at], 0)
    counts[counts > _REPEAT_CAP] = 0
    if counts.max() <= 1:  # the usual case: every seed occurs at most once in b
        hit = np.flatnonzero(counts)
        if not len(hit):
            return _NO_RUNS
        i_idx, j_idx = a.seed_order[hit], b.seed_order[lo[hit]]
    else:
        total = int(counts.sum())
        i_idx = a.seed_order[np.repeat(np.arange(len(sa)), counts)]
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        j_idx = b.seed_order[np.repeat(lo, counts) + offsets]
    diag = i_idx - j_idx
    # One key orders by diagonal, then by position (each (diagonal, position) is one seed pair).
    perm = np.argsort((diag + len(b.seeds)) * (len(a.seeds) + 1) + i_idx)
    i_idx, j_idx, diag = i_idx[perm], j_idx[perm], diag[perm]
    breaks = np.flatnonzero((np.diff(diag) != 0) | (np.diff(i_idx) != 1)) + 1
    starts = np.concatenate(([0], breaks))
    ends = np.concatenate((breaks, [len(i_idx)]))
    return i_idx[starts], j_idx[starts], ends - starts + a.seed_len - 1


_NO_RUNS = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))


def one_to_one(runs: tuple[np.ndarray, np.ndarray, np.ndarray], len_a: int, len_b: int, min_len: int) -> list[Run]:
    """Keep runs longest first so that no word of either side is used twice; sorted by ``(a0, b0)``."""
    a0, b0, n = runs
    if _disjoint(a0, n) and _disjoint(b0, n):
        order = np.lexsort((b0, a0))
        return list(map(Run, a0[order].tolist(), b0[order].tolist(), n[order].tolist()))
    # Most pairs land here (a common phrase repeated on one side overlaps a long run), with a few
    # dozen runs each: bytearrays answer "any word used?" in C, where numpy slices cost microseconds.
    used_a, used_b = bytearray(len_a), bytearray(len_b)
    kept = []
    for run in sorted(map(Run, a0.tolist(), b0.tolist(), n.tolist()), key=lambda r: (-r.n, r.a0 + r.b0, r.a0)):
        a_end, b_end = run.a0 + run.n, run.b0 + run.n
        if used_a.find(1, run.a0, a_end) < 0 and used_b.find(1, run.b0, b_end) < 0:
            piece = run
        else:
            free = [not (x or y) for x, y in zip(used_a[run.a0 : a_end], used_b[run.b0 : b_end])]
            piece = _longest_free(run, free)
            if piece is None or piece.n < min_len:
                continue
        used_a[piece.a0 : piece.a0 + piece.n] = b"\x01" * piece.n
        used_b[piece.b0 : piece.b0 + piece.n] = b"\x01" * piece.n
        kept.append(piece)
    return sorted(kept, key=lambda r: (r.a0, r.b0))


def _disjoint(start: np.ndarray, n: np.ndarray) -> bool:
    """Whether the runs ``[start, start + n)`` of one side share no word (then one-to-one keeps them all)."""
    if len(start) < 2:
        return True
    order = np.argsort(start, kind="stable")
    start, n = start[order], n[order]
    return not np.any(start[1:] < start[:-1] + n[:-1])


def _longest_free(run: Run, free: list[bool]) -> Run | None:
    best, best_start, start = 0, 0, None
    for i, ok in enumerate(free + [False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if i - start > best:
                best, best_start = i - start, start
            start = None
    return Run(run.a0 + best_start, run.b0 + best_start, best) if best else None


def _can_merge(a: Prepared, b: Prepared, prev: Run, run: Run, max_gap: int) -> bool:
    gap_a = run.a0 - (prev.a0 + prev.n)
    gap_b = run.b0 - (prev.b0 + prev.n)
    if gap_a < 0 or gap_b < 0:
        return False
    # A gap never spans a paragraph break: an inserted paragraph splits the passage.
    for side, gap, end, start in ((a, gap_a, prev.a0 + prev.n - 1, run.a0), (b, gap_b, prev.b0 + prev.n - 1, run.b0)):
        if gap and side.tokens.paragraph[end] != side.tokens.paragraph[start]:
            return False
    if gap_a <= max_gap and gap_b <= max_gap:
        return True
    # A quotation split by an unquoted attribution on one side only.
    for side, gap, other_gap, end, start in ((a, gap_a, gap_b, prev.a0 + prev.n - 1, run.a0), (b, gap_b, gap_a, prev.b0 + prev.n - 1, run.b0)):
        q = side.tokens.quoted
        if other_gap <= max_gap < gap <= _INTERJECTION and q[end] and q[start] and not q[end + 1 : start].any():
            other = b if side is a else a
            o_end = (prev.b0 if side is a else prev.a0) + prev.n - 1
            o_start = run.b0 if side is a else run.a0
            if other.tokens.quoted[o_end] and other.tokens.quoted[o_start]:
                return True
    return False


def chains(a: Prepared, b: Prepared, runs: list[Run], settings: Settings) -> list[list[Run]]:
    """Group one-to-one runs into passages (each a list of runs in order on both sides).

    A run joins the most recent open chain it can merge with, so a stray
    short match from elsewhere (sorted between two parts of a passage) does
    not cut the passage in two.
    """
    open_chains: list[list[Run]] = []
    for run in runs:  # sorted by a0
        for chain in reversed(open_chains[-8:]):
            if _can_merge(a, b, chain[-1], run, settings.max_gap):
                chain.append(run)
                break
        else:
            open_chains.append([run])
    kept = []
    for chain in open_chains:
        chain = _trim_spill(a, b, _trim_weak(chain, settings.shingle_size))
        if chain and sum(r.n for r in chain) >= settings.min_words:
            kept.append(chain)
    return sorted(kept, key=lambda c: (c[0].a0, c[0].b0))


def _trim_spill(a: Prepared, b: Prepared, chain: list[Run]) -> list[Run]:
    """Cut fewer than ``SEED`` words a chain carries across a paragraph break on both sides.

    Two excerpts whose next paragraphs both open with "The" would otherwise
    end one word into the following paragraph. Only a *partial* paragraph is
    cut (it goes on with other words on one side): a spill that is the whole
    next paragraph is shared text. A break on one side only (a hard-wrapped
    copy) is no boundary at all: line breaks never break a match.
    """
    if not chain:
        return chain
    pa, pb = a.tokens.paragraph, b.tokens.paragraph
    last = chain[-1]
    end_a, end_b = last.a0 + last.n, last.b0 + last.n
    for k in range(1, SEED):  # the last k words open a new paragraph on both sides
        if last.n > k and pa[end_a - k] != pa[end_a - k - 1] and pb[end_b - k] != pb[end_b - k - 1]:
            if a.para_last[pa[end_a - 1]] >= end_a or b.para_last[pb[end_b - 1]] >= end_b:
                chain = chain[:-1] + [Run(last.a0, last.b0, last.n - k)]
            break
    first = chain[0]
    for k in range(1, SEED):  # the first k words close a previous paragraph on both sides
        if first.n > k and pa[first.a0 + k] != pa[first.a0 + k - 1] and pb[first.b0 + k] != pb[first.b0 + k - 1]:
            if a.para_first[pa[first.a0]] < first.a0 or b.para_first[pb[first.b0]] < first.b0:
                chain = [Run(first.a0 + k, first.b0 + k, first.n - k)] + chain[1:]
            break
    return chain


def _trim_weak(chain: list[Run], strong: int) -> list[Run]:
    """Drop a chain with no strong run; trim weak end runs that do not directly continue it.

    A weak run (fewer than ``shingle_size`` words) stays at an end only when it
    follows its neighbour without a gap on at least one side ("... Daesh. We
    know Daesh's movements"): a short match after a gap is too likely chance.
    """
    if not any(r.n >= strong for r in chain):
        return []

    def touching(x: Run, y: Run) -> bool:
        return x.a0 + x.n == y.a0 or x.b0 + x.n == y.b0

    while len(chain) > 1 and chain[0].n < strong and not touching(chain[0], chain[1]):
        chain = chain[1:]
    while len(chain) > 1 and chain[-1].n < strong and not touching(chain[-2], chain[-1]):
        chain = chain[:-1]
    return chain


def align_prepared(a: Prepared, b: Prepared, settings: Settings, *, keep_text: bool = True) -> list[Passage]:
    """Every passage ``a`` and ``b`` share (ids left empty; the caller numbers them).

    ``keep_text=False`` leaves the sides' ``text`` as ``None``: a scan reads it
    back from the input when it writes the passage.
    """
    runs = exact_runs(a, b)
    if a.ocr and len(runs[0]):
        runs = grown_runs(a.tokens.words, b.tokens.words, a.tokens.masked, b.tokens.masked, runs)
    runs = one_to_one(runs, len(a.tokens), len(b.tokens), a.seed_len)
    return [_passage(a, b, chain, keep_text) for chain in chains(a, b, runs, settings)]


def _side(p: Prepared, first: int, last: int, words: int, keep_text: bool) -> PassageSide:
    t = p.tokens
    start, end = int(t.starts[first]), int(t.ends[last])
    text = p.doc.text[start:end] if keep_text else None
    quoted = int(np.count_nonzero(t.quoted[first : last + 1])) / (last + 1 - first)
    whole = p.para_first[t.paragraph[first]] == first and p.para_last[t.paragraph[last]] == last
    around = 0 if whole else words_around(p.doc, start, end)
    return PassageSide(p.doc.id, start, end, text, words, round(quoted, 4), None, bool(whole), around)


def words_around(doc: Document, start: int, end: int) -> int:
    """Words of the lines (paragraphs) holding ``[start, end)`` of ``doc.text`` that lie outside it."""
    before = doc.text.rfind("\n", doc.body_start, start) + 1
    after = doc.text.find("\n", end)
    after = len(doc.text) if after < 0 else after
    return len(WORD.findall(doc.text, before, start)) + len(WORD.findall(doc.text, end, after))


def _passage(a: Prepared, b: Prepared, chain: list[Run], keep_text: bool) -> Passage:
    a_first, a_last = chain[0].a0, chain[-1].a0 + chain[-1].n - 1
    b_first, b_last = chain[0].b0, chain[-1].b0 + chain[-1].n - 1
    aligned = sum(r.n for r in chain)
    qa, qb = a.tokens.quoted, b.tokens.quoted
    authored = sum(int(np.count_nonzero(~qa[r.a0 : r.a0 + r.n] & ~qb[r.b0 : r.b0 + r.n])) for r in chain)
    side_a = _side(a, a_first, a_last, aligned, keep_text)
    side_b = _side(b, b_first, b_last, aligned, keep_text)
    quote = {(True, True): "both", (True, False): "a", (False, True): "b"}.get(
        (side_a.quoted >= 0.5, side_b.quoted >= 0.5), "none"
    )
    insertions = []
    for prev, run in zip(chain, chain[1:]):
        gaps = ((a, prev.a0 + prev.n, run.a0), (b, prev.b0 + prev.n, run.b0))
        (_, a_start, a_end), (_, b_start, b_end) = gaps
        if a.ocr and abs((a_end - a_start) - (b_end - b_start)) <= _OCR_MISREAD and not _bracketed(gaps):
            continue  # as many words on each side, give or take OCR's splits and joins: misread, not inserted
        for p, gap_start, gap_end in gaps:
            if gap_end > gap_start:
                s, e = int(p.tokens.ends[gap_start - 1]), int(p.tokens.starts[gap_end])
                s, e = _strip(p.doc.text, s, e)
                text = p.doc.text[s:e]
                insertions.append(Insertion(p.doc.id, s, e, text, "[" in text and "]" in text))
    return Passage(
        id="",
        a=side_a,
        b=side_b,
        words=aligned,
        similarity=_similarity(a, b, chain),
        authored_words=authored,
        quote=quote,
        # Packed: a scan holds every passage until the output (``syndtrace.packed``).
        insertions=PackedInsertions.pack((a.doc.id, b.doc.id), insertions),
    )


def _bracketed(gaps) -> bool:
    """Whether an editor's bracket lies in any of the gaps ``(prepared, first word, end word)``."""
    for p, start, end in gaps:
        if end > start:
            text = p.doc.text[int(p.tokens.ends[start - 1]) : int(p.tokens.starts[end])]
            if "[" in text or "]" in text:
                return True
    return False


def _similarity(a: Prepared, b: Prepared, chain: list[Run]) -> float:
    """rapidfuzz's normalised Indel similarity of the two sides' words (0-100, one decimal).

    The value of ``fuzz.ratio`` on the sides' words joined by spaces (the
    tests hold it to that). A chain with no gap on either side is the same
    words on both sides (runs match word for word): 100 without comparing.
    """
    if not a.ocr and all(x.a0 + x.n == y.a0 and x.b0 + x.n == y.b0 for x, y in zip(chain, chain[1:])):
        return 100.0
    text_a, at_a = a.tokens.joined
    text_b, at_b = b.tokens.joined
    words_a = text_a[at_a[chain[0].a0] : at_a[chain[-1].a0 + chain[-1].n] - 1]
    words_b = text_b[at_b[chain[0].b0] : at_b[chain[-1].b0 + chain[-1].n] - 1]
    total = len(words_a) + len(words_b)
    # The runs' words are a common subsequence of both sides, so the distance is at most the
    # cost of deleting everything else. Given that bound, rapidfuzz works in a band around
    # the diagonal instead of the whole matrix: six times faster on a reprint's passages.
    common = sum(at_a[r.a0 + r.n] - at_a[r.a0] for r in chain) - 1
    bound = max(0, total - 2 * common)  # below 0 only if runs pair unequal words (see below)
    dist = Indel.distance(words_a, words_b, score_cutoff=bound)
    if dist > bound:  # only if a hash collision made a run of different words
        dist = Indel.distance(words_a, words_b)
    # Indel's normalised similarity, exactly as rapidfuzz computes it for fuzz.ratio.
    return round((1.0 - dist / total) * 100, 1)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not (text[s].isalnum() or text[s] == "["):
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] == "]"):
        e -= 1
    return s, e
