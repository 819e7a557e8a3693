"""Index stage, part 2: pairs among the copies of stories found more often than the cap.

A fingerprint in more than ``max_df`` documents is a stock phrase, or a
story reprinted more often than that: its documents share long runs of
other fingerprints (``story_fingerprints``). A story carried by thousands
of outlets is not aligned every copy with every other (two million
alignments for 2,000 copies) but each copy with a few (``story_pairs``):
its neighbours in date order among the copies that share its *label* (the
least-hashing story fingerprint it holds), and the label's *hubs*, where
the versions the wire sent stand: the pages of outlets the outlet list
knows, the most central copies and the earliest. Two copies that alone
share some text (one added it, the other copied the first) are paired too;
so are a copy and the hubs of any other story much of its text is (a
compilation), and a copy and the pages of an outlet whose footer it
carries (a copy of that outlet's copy).
"""

from __future__ import annotations

import numpy as np

from syndtrace.postings import DocPostings, runs
from syndtrace.shingle import fmix64_np

STORY_SAMPLES = 9  # pairs of a frequent fingerprint's documents looked at
STORY_MIN_SHARED = 4  # fingerprints (this one included) such a pair shares when both are copies of one story
STORY_LINKS = 2  # a story's copy is paired with this many copies after it (and so as many before)
STORY_LOOKAHEAD = 16  # copies after it looked at for them
# The hubs of a copy's least story fingerprint: the pages of known outlets among its holders, its
# most central holders and its earliest: where the versions the wire sent, which subscribers trim,
# stand. Each copy is also paired with the STORY_NEAREST hubs it shares most with, and the hubs
# with each other. (Dates and lengths alone miss a wire's page: subscribers' clocks run early, and
# their local paragraphs make them longer.)
STORY_HUBS = 4  # known outlets' pages, most central, earliest: at most this many of each
STORY_NEAREST = 2


def story_fingerprints(frequent: list[np.ndarray], postings: DocPostings) -> list[np.ndarray]:
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


def story_pairs(
    stories: list[np.ndarray],
    postings: DocPostings,
    rank: np.ndarray,
    min_shared: int,
    wire: np.ndarray | None = None,
    few: tuple[np.ndarray, np.ndarray] | None = None,
    outlet: np.ndarray | None = None,
    foreign: tuple[np.ndarray, np.ndarray] | None = None,
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
    * The hubs of a label are the pages of known outlets (``wire``, per
      document), the most central and the earliest holders of its
      fingerprint (``_hub_pairs``): each copy is paired with the
      ``STORY_NEAREST`` of its label's hubs it shares most with, and the hubs
      with each other, so that a copy meets the version it runs; and so with
      the hubs of every other label ``STORY_MIN_SHARED`` or more of its
      fingerprints are text of (``_other_labels``: a compilation, or a trim
      whose label is text the wire's page lacks);
    * a group's wire pages are paired with each other (``_wire_pairs``);
    * of ``few``, pairs sharing fewer than ``min_shared`` of the fingerprints
      under the cap, the two copies of one group are paired: text only the
      two of them hold (an intermediate's local paragraph or credit line,
      carried into its copy) is a copy of a copy, whose sampled pairs would
      miss the one it copied;
    * one outlet's copies sharing a label (``outlet``, per document; -1:
      unknown), the first ``STORY_WIRE_PAGES`` of each, are paired with each
      other: its re-scrapes and updates of the story (a group may hold
      every story an outlet ran, joined by roundups);
    * of ``foreign``, ``(page, outlet)``: a page holding another outlet's
      furniture (its footer, carried into a copy of its page) is paired
      with that outlet's pages of its label and of its group
      (``_outlet_pages``): a copy of a copy, which names its intermediate,
      meets it.

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
    xs, ys = [np.broadcast_to(order[:, None], later.shape)[ok]], [order[later][ok]]
    counts = [shared[ok]]

    def pair(px: np.ndarray, py: np.ndarray) -> None:
        """Add the pairs of ``px`` and ``py`` that share at least ``min_shared`` fingerprints."""
        n_shared = postings.shared_many(px, py)
        keep = n_shared >= min_shared
        xs.append(px[keep])
        ys.append(py[keep])
        counts.append(n_shared[keep])

    wire = np.zeros(n_docs, bool) if wire is None else wire
    # A copy meets the hubs of its label, and of every other label much of its text is: a page that
    # compiles several stories (news in brief, "The Latest"), or a trim whose label is text the
    # story's pages lack.
    also, also_label = _other_labels(holders, label)
    for hub_order, hub_label in ((order, label[order]), (also, also_label)):
        hx, hy, hub_shared = _hub_pairs(holders, hub_order, hub_label, postings, rank, min_shared, wire)
        xs.append(hx)
        ys.append(hy)
        counts.append(hub_shared)
    pair(*_wire_pairs(order[wire[order]], story[wire[order]]))
    if few is not None and len(few[0]):
        same = (group[few[0]] >= 0) & (group[few[0]] == group[few[1]])
        pair(few[0][same], few[1][same])
    if outlet is not None:
        pages = order[outlet[order] >= 0]
        key = label[pages] * (int(outlet.max()) + 1) + outlet[pages]
        _, at, count = np.unique(key, return_inverse=True, return_counts=True)
        known, key = pages[count[at] > 1], key[count[at] > 1]  # most outlets have one page of a story
        by_key = np.argsort(key, kind="stable")  # in story order within each outlet
        pair(*_wire_pairs(known[by_key], key[by_key]))
        if foreign is not None and len(foreign[0]):
            pair(*_outlet_pages(foreign, pages, label, outlet, group))
    x, y, shared = np.concatenate(xs), np.concatenate(ys), np.concatenate(counts)
    left, right = np.minimum(x, y), np.maximum(x, y)
    _, first = np.unique(left * n_docs + right, return_index=True)
    return left[first], right[first], shared[first]


STORY_WIRE_PAGES = 16  # a group's known outlets' pages compared with each other, the first in story order


def _wire_pairs(pages: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of the first ``STORY_WIRE_PAGES`` pages of each group (``pages`` in ``story_pairs``'s order).

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


def _outlet_pages(foreign, pages: np.ndarray, label: np.ndarray, outlet: np.ndarray, group: np.ndarray):
    """``(x, y)``: each ``foreign`` page with its outlet's ``pages`` of its story.

    Those of its label, the first ``STORY_WIRE_PAGES``; and of its group,
    the first ``STORY_OUTLET_PAGES`` (a copy trimmed of the label's text
    holds another; roundups may join every story an outlet ran in one group).
    """
    docs, outlets = foreign
    inside = group[docs] >= 0
    docs, outlets = docs[inside], outlets[inside]
    width = int(outlet.max()) + 1
    xs, ys = [], []
    for story, most in ((label, STORY_WIRE_PAGES), (group, STORY_OUTLET_PAGES)):
        key = story[pages] * width + outlet[pages]
        by_key = np.argsort(key, kind="stable")
        held, key = pages[by_key], key[by_key]
        wanted = story[docs] * width + outlets
        lo, hi = np.searchsorted(key, wanted), np.searchsorted(key, wanted, side="right")
        counts = np.minimum(hi - lo, most)
        xs.append(np.repeat(docs, counts))
        ys.append(held[runs(lo, counts)])
    x, y = np.concatenate(xs), np.concatenate(ys)
    return x[x != y], y[x != y]


STORY_OUTLET_PAGES = 64  # pages of an outlet in a story group that a page carrying its furniture is compared with


def _labels(holders: list[np.ndarray], n_docs: int) -> np.ndarray:
    """Per document, the story fingerprint (its index in ``holders``) it holds that hashes least (-1: none)."""
    k = np.arange(len(holders), dtype=np.uint64)
    value = fmix64_np(k * np.uint64(0x9E3779B97F4A7C15) + np.uint64(1))
    # Fingerprint indexes by hash value: the least value's index is the least place.
    by_place = np.argsort(value, kind="stable")
    place = np.empty(len(holders), np.int64)
    place[by_place] = np.arange(len(holders))
    docs = np.concatenate(holders)
    places = np.repeat(place, [len(h) for h in holders])
    best = np.full(n_docs, len(holders), np.int64)
    np.minimum.at(best, docs, places)
    return np.where(best < len(holders), by_place[np.minimum(best, len(holders) - 1)], -1)


def _other_labels(holders: list[np.ndarray], label: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(doc, label)``: documents holding ``STORY_MIN_SHARED`` or more story fingerprints of a label not their own.

    A fingerprint's label is the one most of its holders have (the least,
    of equals): the story it is text of.
    """
    n = len(holders)
    prints = np.repeat(np.arange(n, dtype=np.int64), [len(h) for h in holders])
    docs = np.concatenate(holders)
    keys, votes = np.unique(prints * n + label[docs], return_counts=True)
    k, lab = keys // n, keys % n
    o = np.lexsort((lab, -votes, k))
    first = o[np.r_[True, k[o][1:] != k[o][:-1]]]
    story = np.full(n, -1, np.int64)
    story[k[first]] = lab[first]
    keys, held = np.unique(docs * n + story[prints], return_counts=True)
    doc, lab = keys // n, keys % n
    keep = (held >= STORY_MIN_SHARED) & (lab != label[doc])
    return doc[keep], lab[keep]


STORY_PROBES = 8  # holders of a label, spread over its dates, that the others' centrality is measured against


def _central(by_rank: list[np.ndarray], postings: DocPostings, rank: np.ndarray) -> list[np.ndarray]:
    """Per label (its holders in ``rank`` order), the ``STORY_HUBS`` that share most with ``STORY_PROBES`` of them.

    Among equals, the earlier first.

    A wire's version holds the whole text each of its subscribers keeps a
    part of: it shares with any copy all that copy has of it, more than a
    trimmed copy does, and a copy's local paragraph adds nothing.
    """
    xs, ys, owner = [], [], []
    for i, h in enumerate(by_rank):
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
    bounds = np.searchsorted(lab, np.arange(len(by_rank) + 1))
    return [doc[bounds[i] : bounds[i + 1]] for i in range(len(by_rank))]


def _hub_pairs(
    holders, order: np.ndarray, mine: np.ndarray, postings: DocPostings, rank: np.ndarray, min_shared: int, wire
):
    """Each copy of ``order`` with the ``STORY_NEAREST`` hubs of its label (``mine``) it shares most with; hubs with each other.

    A label's hubs are, of the holders of its fingerprint, the ``STORY_HUBS``
    earliest (``rank``) of the known outlets' pages (``wire``), as many most
    central (``_central``), the most central first, and as many earliest; a
    copy's ties go to the hub listed first (a version ties with its
    untrimmed copies, and is more central). A copy is also paired with every
    known outlet's page among its hubs. Returns ``(x, y, shared)``, pairs
    sharing at least ``min_shared`` fingerprints. A copy may stand in
    ``order`` once for each of several labels.
    """
    empty = np.empty(0, np.int64)
    labels = np.unique(mine)
    if not len(labels):
        return empty, empty, empty
    by_rank = [holders[k][np.lexsort((holders[k], rank[holders[k]]))] for k in labels.tolist()]
    hub_lists = []
    for held, middle in zip(by_rank, _central(by_rank, postings, rank)):
        picks = np.concatenate((held[wire[held]][:STORY_HUBS], middle, held[:STORY_HUBS]))
        hub_lists.append(picks[np.sort(np.unique(picks, return_index=True)[1])])
    hubs = np.concatenate(hub_lists)
    hub_label = np.repeat(labels, [len(h) for h in hub_lists])
    is_hub = np.zeros(len(rank), bool)
    is_hub[hubs] = True
    lo, hi = np.searchsorted(hub_label, mine), np.searchsorted(hub_label, mine, side="right")
    counts = hi - lo
    xs, entry = np.repeat(order, counts), np.repeat(np.arange(len(order)), counts)
    ys = hubs[runs(lo, counts)]
    keep = xs != ys
    xs, ys, entry = xs[keep], ys[keep], entry[keep]
    shared = postings.shared_many(xs, ys)
    ok = shared >= min_shared
    xs, ys, entry, shared = xs[ok], ys[ok], entry[ok], shared[ok]
    # Per copy and label, its hubs by what they share, most first (lexsort is stable: ties keep the hubs' order).
    o = np.lexsort((-shared, entry))
    xs, ys, entry, shared = xs[o], ys[o], entry[o], shared[o]
    # Besides its nearest hubs, a copy meets every wire page among them: a subscriber hangs under
    # the wire's page, which it can do only if the two were compared.
    nth = np.arange(len(xs)) - np.searchsorted(entry, entry)
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
