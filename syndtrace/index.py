"""Index stage for corpus scans: fingerprints in, candidate pairs out.

An inverted index of winnowed fingerprints (``syndtrace.fingerprint``),
built by sorting rather than with Python dicts:

* *Boilerplate learned from the corpus*: a fingerprint found in at least
  ``boilerplate_min_stories`` documents of one outlet *with different
  titles* is that outlet's furniture (footer, newsletter prompt, photo
  credit) and is dropped from that outlet's postings. Re-scrapes of one
  story share a title, so they are not mistaken for boilerplate. Nor are
  a wire's write-thrus, each under a new headline: where "furniture" would
  be most of a long stretch of a page (``VERSION_PRINTS`` fingerprints or
  more, and more than half of the page's), it is the story, and the page
  keeps every posting (``Candidates.versions``).
* *Document-frequency cap*: a fingerprint in more than ``max_df`` documents
  is a stock phrase and pairs nothing.
* *Candidates*: document pairs sharing at least ``min_shared_fingerprints``
  fingerprints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from syndtrace.fingerprint import member
from syndtrace.settings import Settings
from syndtrace.shingle import fmix64_np


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate pairs ``(left[i], right[i])`` (document indexes, left < right) and shared fingerprint counts."""

    left: np.ndarray
    right: np.ndarray
    shared: np.ndarray
    boilerplate: dict[int, np.ndarray]  # outlet code -> sorted fingerprint hashes that are its furniture
    # Documents whose "furniture" is most of them: versions of a story, which keep all their text.
    versions: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))


_PARTS = 8  # hash partitions, indexed one at a time (a power of two)
# A page whose furniture fingerprints number at least this many (about 200 words), and more than
# half of its fingerprints, is a version of a story under a new headline: no footer is that long.
VERSION_PRINTS = 20
STORY_SAMPLES = 9  # pairs of a frequent fingerprint's documents looked at
STORY_MIN_SHARED = 4  # fingerprints (this one included) such a pair shares when both are copies of one story
STORY_LINKS = 2  # a story's copy is paired with this many copies after it (and so as many before)
STORY_LOOKAHEAD = 16  # copies after it looked at for them
# The hubs of a copy's least story fingerprint: the wires' own pages among its holders, its earliest
# and its fullest holders (most fingerprints): where the versions the wire sent, which subscribers
# trim, stand. Each copy is also paired with the STORY_NEAREST hubs it shares most with, and the
# hubs with each other. (Dates and lengths alone miss a wire's page: subscribers' clocks run early,
# and their local paragraphs make them longer.)
STORY_HUBS = 4  # wire pages, earliest, fullest: at most this many of each
STORY_NEAREST = 2


class _DocPostings:
    """Every document's fingerprints (sorted), to count what two documents share.

    Fingerprints are replaced by their rank among all of them (the same
    order), so that a (pair, fingerprint) key fits one int64 and the counts
    of many pairs come from one sorted search.
    """

    def __init__(self, hashes: np.ndarray, docs: np.ndarray, n_docs: int) -> None:
        if len(docs) > 1:
            same = docs[1:] == docs[:-1]
            if not (np.all(docs[1:] >= docs[:-1]) and np.all(hashes[1:][same] > hashes[:-1][same])):
                order = np.lexsort((hashes, docs))
                hashes, docs = hashes[order], docs[order]
        self.ranks = np.unique(hashes, return_inverse=True)[1].astype(np.int64).reshape(-1)
        self.width = int(self.ranks.max()) + 1 if len(self.ranks) else 1
        self.bounds = np.searchsorted(docs, np.arange(n_docs + 1))

    def shared(self, x: int, y: int) -> int:
        """How many fingerprints documents ``x`` and ``y`` both hold."""
        return int(self.shared_many(np.array([x]), np.array([y]))[0])

    def shared_many(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """``shared(xs[k], ys[k])`` for every ``k``, a few million fingerprints at a time."""
        out = np.zeros(len(xs), np.int64)
        sizes = self.bounds[xs + 1] - self.bounds[xs] + self.bounds[ys + 1] - self.bounds[ys]
        ends = np.cumsum(sizes)
        at = 0
        while at < len(xs):
            stop = max(at + 1, int(np.searchsorted(ends, ends[at] - sizes[at] + _SHARED_BATCH, side="right")))
            out[at:stop] = self._shared_batch(xs[at:stop], ys[at:stop])
            at = stop
        return out

    def _shared_batch(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        keys_x = self._keys(xs)
        keys_y = self._keys(ys)
        if not len(keys_x) or not len(keys_y):
            return np.zeros(len(xs), np.int64)
        # Both key lists are sorted (by pair, then fingerprint rank): a key of y found in x's is shared.
        at = np.minimum(np.searchsorted(keys_x, keys_y), len(keys_x) - 1)
        hit = keys_y[keys_x[at] == keys_y]
        return np.bincount(hit // self.width, minlength=len(xs))

    def _keys(self, docs: np.ndarray) -> np.ndarray:
        """``pair * width + rank`` of every fingerprint of ``docs[pair]``, pair by pair."""
        starts, stops = self.bounds[docs], self.bounds[docs + 1]
        lengths = stops - starts
        total = int(lengths.sum())
        pair = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return pair * self.width + self.ranks[np.repeat(starts, lengths) + within]


_SHARED_BATCH = 4_000_000  # fingerprints looked up at once by ``shared_many``


def story_fingerprints(frequent: list[np.ndarray], postings: _DocPostings) -> list[np.ndarray]:
    """The fingerprints of ``frequent`` (each its many, sorted holders) that are a story's, not a stock phrase's.

    Of each, up to ``STORY_SAMPLES`` pairs are looked at, each document of
    the first half with the one half the list further on; a story's copies
    share ``STORY_MIN_SHARED`` fingerprints or more (long runs around this
    one), a stock phrase's documents hardly any. A majority of the pairs
    decides. Pairs recur across a story's fingerprints: each is counted once.
    """
    if not frequent:
        return []
    xs, ys, owner = [], [], []
    for k, holders in enumerate(frequent):
        half = len(holders) // 2
        picks = np.unique(np.arange(min(STORY_SAMPLES, half)) * half // min(STORY_SAMPLES, half))
        xs.append(holders[picks])
        ys.append(holders[picks + half])
        owner.append(np.full(len(picks), k, np.int64))
    x, y, owner = np.concatenate(xs).astype(np.int64), np.concatenate(ys).astype(np.int64), np.concatenate(owner)
    n_docs = len(postings.bounds) - 1
    codes, back = np.unique(x * n_docs + y, return_inverse=True)
    counts = postings.shared_many(codes // n_docs, codes % n_docs)[back.reshape(-1)]
    close = np.bincount(owner, weights=counts >= STORY_MIN_SHARED, minlength=len(frequent))
    picked = np.bincount(owner, minlength=len(frequent))
    return [holders for holders, ok in zip(frequent, (2 * close > picked).tolist()) if ok]


def story_fingerprint(holders: np.ndarray, postings: _DocPostings) -> bool:
    """Whether a fingerprint's (many, sorted) ``holders`` are copies of one story (``story_fingerprints``)."""
    return bool(story_fingerprints([holders], postings))


def story_pairs(
    stories: list[np.ndarray], postings: _DocPostings, rank: np.ndarray, min_shared: int, wire: np.ndarray | None = None
):
    """Pairs among the copies of stories found more often than the cap: ``(left, right, shared)`` arrays.

    ``stories`` holds the documents of every story fingerprint; documents in
    one of them are one story's copies (transitively: a roundup or a shared
    background paragraph joins several stories in one group). Each copy's
    *label* is the least (under a fixed hash) of the story fingerprints it
    holds, which the copies of one story mostly have in common.

    * In the order of group, label, then ``rank``, each copy is paired with
      the next ``STORY_LINKS`` copies (among the next ``STORY_LOOKAHEAD``)
      of its group that share at least ``min_shared`` fingerprints with it.
    * The hubs of a label are the wires' pages (``wire``, per document),
      the earliest and the fullest holders of its fingerprint
      (``_hub_pairs``): each copy is paired with the
      ``STORY_NEAREST`` of its label's hubs it shares most with, and the hubs
      with each other, so that a copy meets the version it runs;
    * a group's wire pages are paired with each other (``_wire_pairs``).

    ``shared`` is how many fingerprints a pair shares.
    """
    empty = np.empty(0, np.int64)
    if not stories:
        return empty, empty, empty
    n_docs = len(rank)
    holders = [np.asarray(h, np.int64) for h in stories]
    group = _components(holders, n_docs)
    label = _labels(holders, n_docs)
    members = np.flatnonzero(group >= 0)
    # Every member's place: its group's documents one after another, by label, then in rank order.
    order = members[np.lexsort((members, rank[members], label[members], group[members]))]
    story = group[order]
    n = len(order)
    # For each copy, the next STORY_LOOKAHEAD copies of its group, and what it shares with each.
    step = np.arange(1, STORY_LOOKAHEAD + 1)
    later = np.arange(n)[:, None] + step[None, :]
    valid = later < n
    later = np.minimum(later, n - 1)
    valid &= story[later] == story[:, None]
    xs, ys = np.broadcast_to(order[:, None], later.shape)[valid], order[later][valid]
    shared = np.zeros(later.shape, np.int64)
    shared[valid] = postings.shared_many(xs, ys)
    ok = valid & (shared >= min_shared)
    ok &= np.cumsum(ok, axis=1) <= STORY_LINKS  # the first STORY_LINKS of them
    x, y = np.broadcast_to(order[:, None], later.shape)[ok], order[later][ok]
    wire = np.zeros(n_docs, bool) if wire is None else wire
    hx, hy, hub_shared = _hub_pairs(holders, label, order, postings, rank, min_shared, wire)
    wx, wy = _wire_pairs(order[wire[order]], story[wire[order]])
    wire_shared = postings.shared_many(wx, wy)
    keep = wire_shared >= min_shared
    x, y = np.concatenate((x, hx, wx[keep])), np.concatenate((y, hy, wy[keep]))
    shared = np.concatenate((shared[ok], hub_shared, wire_shared[keep]))
    left, right = np.minimum(x, y), np.maximum(x, y)
    _, first = np.unique(left * n_docs + right, return_index=True)
    return left[first], right[first], shared[first]


STORY_WIRE_PAGES = 16  # a group's wire pages (the earliest) compared with each other


def _wire_pairs(pages: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of the first ``STORY_WIRE_PAGES`` wire pages of each group (``pages`` in rank order per group).

    A wire's versions of a story are compared with each other, whichever
    copies chose which as their hub: the write-thrus are then one line
    and their subscribers one tree.
    """
    nth = np.arange(len(pages)) - np.searchsorted(group, group)
    pages, group = pages[nth < STORY_WIRE_PAGES], group[nth < STORY_WIRE_PAGES]
    i, j = np.triu_indices(STORY_WIRE_PAGES, 1)
    xs, ys = [], []
    bounds = np.flatnonzero(np.r_[True, group[1:] != group[:-1], True])
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        n = hi - lo
        pick = (i < n) & (j < n)
        xs.append(pages[lo + i[pick]])
        ys.append(pages[lo + j[pick]])
    empty = np.empty(0, np.int64)
    return (np.concatenate(xs), np.concatenate(ys)) if xs else (empty, empty)


def _labels(holders: list[np.ndarray], n_docs: int) -> np.ndarray:
    """Per document, the story fingerprint (its index in ``holders``) it holds that hashes least (-1: none)."""
    k = np.arange(len(holders), dtype=np.uint64)
    value = fmix64_np(k * np.uint64(0x9E3779B97F4A7C15) + np.uint64(1))
    # Fingerprint indexes by hash value: the least value's index is the least place.
    place = np.empty(len(holders), np.int64)
    place[np.argsort(value, kind="stable")] = np.arange(len(holders))
    docs = np.concatenate(holders)
    places = np.repeat(place, [len(h) for h in holders])
    best = np.full(n_docs, len(holders), np.int64)
    np.minimum.at(best, docs, places)
    by_place = np.argsort(value, kind="stable")
    return np.where(best < len(holders), by_place[np.minimum(best, len(holders) - 1)], -1)


STORY_PROBES = 8  # holders of a label, spread over its dates, that the others' centrality is measured against


def _central(holders, labels: np.ndarray, postings: _DocPostings, rank: np.ndarray) -> list[np.ndarray]:
    """Per label, its ``STORY_HUBS`` holders that share the most with ``STORY_PROBES`` of them (the earlier first).

    A wire's version holds the whole text each of its subscribers keeps a
    part of: it shares with any copy all that copy has of it, more than a
    trimmed copy does, and a copy's local paragraph adds nothing.
    """
    xs, ys, owner = [], [], []
    for i, k in enumerate(labels.tolist()):
        h = holders[k][np.lexsort((holders[k], rank[holders[k]]))]
        probes = h[np.unique(np.linspace(0, len(h) - 1, min(STORY_PROBES, len(h))).astype(np.int64))]
        xs.append(np.repeat(h, len(probes)))
        ys.append(np.tile(probes, len(h)))
        owner.append(np.full(len(h) * len(probes), i, np.int64))
    x, y, owner = np.concatenate(xs), np.concatenate(ys), np.concatenate(owner)
    shared = postings.shared_many(x, y)  # a probe shares all of itself: no holder loses by being one
    # Per (label, holder): the sum over the probes; then, per label, the highest sums.
    key = owner * len(rank) + x
    keys, at = np.unique(key, return_inverse=True)
    score = np.bincount(at.reshape(-1), weights=shared).astype(np.int64)
    lab, doc = keys // len(rank), keys % len(rank)
    order = np.lexsort((doc, rank[doc], -score, lab))
    lab, doc = lab[order], doc[order]
    nth = np.arange(len(lab)) - np.searchsorted(lab, lab)
    top = nth < STORY_HUBS
    lab, doc = lab[top], doc[top]
    bounds = np.searchsorted(lab, np.arange(len(labels) + 1))
    return [doc[bounds[i] : bounds[i + 1]] for i in range(len(labels))]


def _hub_pairs(
    holders, label: np.ndarray, order: np.ndarray, postings: _DocPostings, rank: np.ndarray, min_shared: int, wire
):
    """Each copy of ``order`` with the ``STORY_NEAREST`` hubs of its label it shares most with; hubs with each other.

    A label's hubs are, of the holders of its fingerprint, the ``STORY_HUBS``
    earliest (``rank``) of the wires' pages (``wire``), as many most central
    (``_central``), the most central first, and as many earliest; a copy's
    ties go to the hub listed first (a version ties with its untrimmed
    copies, and is more central). A copy is also paired with every wire page among its hubs. Returns ``(x, y, shared)``, pairs sharing at
    least ``min_shared`` fingerprints.
    """
    empty = np.empty(0, np.int64)
    labels = np.unique(label[order])
    if not len(labels):
        return empty, empty, empty
    central = _central(holders, labels, postings, rank)
    hub_lists = []
    for k, middle in zip(labels.tolist(), central):
        by_rank = holders[k][np.lexsort((holders[k], rank[holders[k]]))]
        picks = np.concatenate((by_rank[wire[by_rank]][:STORY_HUBS], middle, by_rank[:STORY_HUBS]))
        hub_lists.append(picks[np.sort(np.unique(picks, return_index=True)[1])])
    hubs = np.concatenate(hub_lists)
    hub_label = np.repeat(labels, [len(h) for h in hub_lists])
    is_hub = np.zeros(len(rank), bool)
    is_hub[hubs] = True
    mine = label[order]
    lo, hi = np.searchsorted(hub_label, mine), np.searchsorted(hub_label, mine, side="right")
    counts = hi - lo
    xs = np.repeat(order, counts)
    ys = hubs[np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))]
    keep = xs != ys
    xs, ys = xs[keep], ys[keep]
    shared = postings.shared_many(xs, ys)
    ok = shared >= min_shared
    xs, ys, shared = xs[ok], ys[ok], shared[ok]
    # Per copy, its hubs by what they share, most first (lexsort is stable: ties keep the hubs' order).
    o = np.lexsort((-shared, xs))
    xs, ys, shared = xs[o], ys[o], shared[o]
    # Besides its nearest hubs, a copy meets every wire page among them: a subscriber hangs under
    # the wire's page, which it can do only if the two were compared.
    nth = np.arange(len(xs)) - np.searchsorted(xs, xs)
    take = (nth < STORY_NEAREST) | wire[ys] | (is_hub[xs] & is_hub[ys])
    return xs[take], ys[take], shared[take]


def _components(groups: list[np.ndarray], n: int) -> np.ndarray:
    """Per document of ``range(n)``, the smallest document it is joined to through ``groups`` (-1: in none).

    Each group's documents are one set; groups sharing a document merge.
    Labels spread along the edges (each group's first document to the others)
    until nothing changes, with pointer jumping in between.
    """
    label = np.full(n, -1, np.int64)
    if not groups:
        return label
    heads = np.concatenate([np.full(len(g) - 1, g[0], np.int64) for g in groups])
    tails = np.concatenate([g[1:] for g in groups])
    nodes = np.unique(np.concatenate([g[:1] for g in groups] + [tails]))
    label[nodes] = nodes
    while True:
        low = np.minimum(label[heads], label[tails])
        before = label.copy()
        np.minimum.at(label, heads, low)
        np.minimum.at(label, tails, low)
        label[nodes] = label[label[nodes]]  # pointer jumping: a label's own label is at most it
        if np.array_equal(label, before):
            return label


def candidate_pairs(
    hashes: np.ndarray,
    docs: np.ndarray,
    outlet: np.ndarray,
    title: np.ndarray,
    settings: Settings,
    *,
    parts: int = _PARTS,
    min_shared: int | None = None,
    rank: np.ndarray | None = None,
    wire: np.ndarray | None = None,
) -> Candidates:
    """Pairs of documents that share enough fingerprints to be worth aligning.

    ``hashes``/``docs`` are the postings (one per fingerprint per document);
    ``outlet`` and ``title`` are per-document integer codes (``-1``: unknown).
    ``min_shared`` overrides ``settings.min_shared_fingerprints`` (``--ocr``'s
    character anchors need more). ``rank``: per document, its place in
    publication order (default: the index), for a story's pairs; ``wire``:
    per document, whether a wire (agency, news service) published it.

    Everything here groups postings by fingerprint, so the postings are
    split by the hash's low bits into ``parts`` and indexed part by part:
    the sorts and masks take about 100 bytes a posting, 800 MB for the 8
    million postings of 100k articles if done at once.
    """
    if parts < 1 or parts & (parts - 1):
        raise ValueError(f"parts must be a power of two, not {parts}")  # the low bits pick the part
    n_docs = int(docs.max()) + 1 if len(docs) else 0
    rank = np.arange(n_docs) if rank is None else rank
    part_of = (hashes & np.uint64(parts - 1)).astype(np.uint8)
    # First pass: each part's furniture, and how much of each document it would take.
    furniture: dict[int, list[np.ndarray]] = {}
    masked = np.zeros(n_docs, np.int64)
    for part in range(parts):
        sel = part_of == part
        h, d = _postings(hashes[sel], docs[sel])
        keep, part_furniture = _drop_boilerplate(h, d, outlet, title, settings.boilerplate_min_stories)
        masked += np.bincount(d[~keep], minlength=n_docs)
        for code, found in part_furniture.items():
            furniture.setdefault(code, []).append(found)
    boilerplate = {code: np.sort(np.concatenate(found)) for code, found in sorted(furniture.items())}
    held = np.bincount(docs, minlength=n_docs)
    versions = np.flatnonzero((masked >= VERSION_PRINTS) & (masked * 2 > held))
    is_version = np.zeros(n_docs, bool)
    is_version[versions] = True
    codes, counts = [], []
    frequent: list[np.ndarray] = []  # documents of each fingerprint over the cap
    for part in range(parts):
        sel = part_of == part
        part_codes, part_counts = _part_pairs(hashes[sel], docs[sel], outlet, title, n_docs, is_version, settings, frequent)
        codes.append(part_codes)
        counts.append(part_counts)
    del part_of
    pair_codes, at = np.unique(np.concatenate(codes), return_inverse=True)
    shared = np.bincount(at, weights=np.concatenate(counts), minlength=len(pair_codes)).astype(np.int64)
    need = settings.min_shared_fingerprints if min_shared is None else min_shared
    ok = shared >= need
    pair_codes, shared = pair_codes[ok], shared[ok]
    stories: list[np.ndarray] = []
    if frequent:
        # Whether documents share long runs is judged on what they share beyond their outlets' furniture.
        # Only the documents of frequent fingerprints are ever asked about: index theirs alone.
        asked = member(docs, np.unique(np.concatenate(frequent)))
        postings = _DocPostings(*_without_furniture(hashes[asked], docs[asked], outlet, boilerplate, is_version), n_docs)
        del asked
        stories = story_fingerprints(frequent, postings)
    if stories:
        left, right, story_shared = story_pairs(stories, postings, rank, need, wire)
        # A pair also found under the cap keeps the larger count (the story's counts them all).
        both = np.concatenate((pair_codes, left * max(n_docs, 1) + right))
        counts_all = np.concatenate((shared, story_shared))
        order = np.lexsort((-counts_all, both))
        both, counts_all = both[order], counts_all[order]
        first = np.ones(len(both), dtype=bool)
        first[1:] = both[1:] != both[:-1]
        pair_codes, shared = both[first], counts_all[first]
    return Candidates(pair_codes // max(n_docs, 1), pair_codes % max(n_docs, 1), shared, boilerplate, versions)


def _without_furniture(hashes, docs, outlet, boilerplate: dict[int, np.ndarray], is_version: np.ndarray):
    """The postings less those of a fingerprint that is the document's outlet's furniture (versions keep theirs).

    One int64 key per (fingerprint's rank among the furniture, outlet), as in
    ``_drop_boilerplate``: no pass per outlet.
    """
    if not boilerplate:
        return hashes, docs
    f_hash = np.concatenate(list(boilerplate.values()))
    f_outlet = np.concatenate([np.full(len(v), code, np.int64) for code, v in boilerplate.items()])
    ranks = np.unique(f_hash)
    n_outlets = int(outlet.max()) + 1
    f_key = np.sort(np.searchsorted(ranks, f_hash).astype(np.int64) * n_outlets + f_outlet)
    doc_outlet = outlet[docs]
    candidates = np.flatnonzero((doc_outlet >= 0) & member(hashes, ranks))
    key = np.searchsorted(ranks, hashes[candidates]).astype(np.int64) * n_outlets + doc_outlet[candidates]
    keep = np.ones(len(hashes), dtype=bool)
    keep[candidates[member(key, f_key)]] = False
    keep |= is_version[docs]
    return hashes[keep], docs[keep]


def _postings(hashes, docs):
    """One partition's postings sorted by fingerprint, without those of fingerprints in one document only."""
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    del order
    boundaries = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    # Postings of fingerprints in one document only can pair nothing; drop them early.
    multi = np.repeat(sizes >= 2, sizes)
    return hashes[multi], docs[multi]


def _part_pairs(hashes, docs, outlet, title, n_docs: int, is_version: np.ndarray, settings: Settings, frequent: list):
    """One hash partition: ``(pair codes, shared fingerprint counts)``.

    A pair code is ``left * n_docs + right`` (``left < right``). Versions
    (``is_version``, by document) keep their furniture postings. The
    documents of each fingerprint over the cap are appended to ``frequent``.
    """
    empty = np.empty(0, np.int64)
    hashes, docs = _postings(hashes, docs)
    keep, _ = _drop_boilerplate(hashes, docs, outlet, title, settings.boilerplate_min_stories)
    keep |= is_version[docs]
    hashes, docs = hashes[keep], docs[keep]
    if not len(hashes):
        return empty, empty
    boundaries = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    codes = []
    for size in np.unique(sizes):
        if size < 2:
            continue
        group_starts = starts[sizes == size]
        if size > settings.max_df:
            frequent.extend(docs[g : g + size] for g in group_starts.tolist())
            continue
        members = docs[group_starts[:, None] + np.arange(size)]  # (groups, size), sorted per row
        iu, ju = np.triu_indices(size, 1)
        codes.append(members[:, iu].astype(np.int64).ravel() * n_docs + members[:, ju].ravel())
    if not codes:
        return empty, empty
    pair_codes, counts = np.unique(np.concatenate(codes), return_counts=True)
    return pair_codes, counts.astype(np.int64)


def _drop_boilerplate(hashes, docs, outlet, title, min_stories: int):
    """Mask postings of fingerprints that are one outlet's furniture; return the mask and the furniture.

    Everything is sorting and binary search over the postings (never a pass
    per outlet: a corpus of 100k articles has hundreds of outlets).
    """
    doc_outlet = outlet[docs]
    keep = np.ones(len(hashes), dtype=bool)
    boilerplate: dict[int, np.ndarray] = {}
    idx = np.flatnonzero(doc_outlet >= 0)
    if not len(idx):
        return keep, boilerplate
    # Distinct (hash, outlet, title) triples, then the titles per (hash, outlet).
    h, o, t = hashes[idx], doc_outlet[idx], title[docs[idx]]
    order = np.lexsort((t, o, h))
    h, o, t = h[order], o[order], t[order]
    pair_changes = np.ones(len(h), dtype=bool)
    pair_changes[1:] = (h[1:] != h[:-1]) | (o[1:] != o[:-1])
    new_triple = pair_changes.copy()
    new_triple[1:] |= t[1:] != t[:-1]
    pair_of_triple = np.cumsum(pair_changes)[new_triple] - 1  # each distinct triple's (hash, outlet) pair
    titles = np.bincount(pair_of_triple)
    first = np.flatnonzero(pair_changes)
    furniture = titles >= min_stories
    if not furniture.any():
        return keep, boilerplate
    f_hash, f_outlet = h[first][furniture], o[first][furniture]
    for code in np.unique(f_outlet).tolist():
        boilerplate[code] = np.sort(f_hash[f_outlet == code])
    # A posting is furniture when its (hash, outlet) is: rank the hash among the
    # furniture hashes, and pair the rank with the outlet in one int64 key.
    ranks = np.unique(f_hash)
    n_outlets = int(outlet.max()) + 1
    f_key = np.sort(np.searchsorted(ranks, f_hash).astype(np.int64) * n_outlets + f_outlet)
    candidates = idx[member(hashes[idx], ranks)]
    key = np.searchsorted(ranks, hashes[candidates]).astype(np.int64) * n_outlets + doc_outlet[candidates]
    keep[candidates[member(key, f_key)]] = False
    return keep, boilerplate
