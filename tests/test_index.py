"""The candidate index against a plain-Python reference (hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.index import STORY_LINKS, STORY_LOOKAHEAD, STORY_MIN_SHARED, STORY_SAMPLES, candidate_pairs
from syndtrace.settings import Settings

# Few distinct values, so that shared fingerprints, outlets and titles collide often;
# postings are unique per document, as ``batch_fingerprints`` gives them.
postings = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12) | st.integers(0, 2**64 - 1)), max_size=200, unique=True)


def reference(postings, outlet, title, settings: Settings, rank=None):
    """Candidates and learned furniture, the slow and obvious way."""
    everything: dict[int, set[int]] = defaultdict(set)  # what each document holds beyond its outlet's furniture
    titles: dict[tuple[int, int], set[int]] = defaultdict(set)
    for doc, h in postings:
        if outlet[doc] >= 0:
            titles[(h, outlet[doc])].add(title[doc])
    furniture = {key for key, seen in titles.items() if len(seen) >= settings.boilerplate_min_stories}
    for doc, h in postings:
        if (h, outlet[doc]) not in furniture:
            everything[doc].add(h)
    holders: dict[int, set[int]] = defaultdict(set)
    for doc, h in postings:
        if (h, outlet[doc]) not in furniture:
            holders[h].add(doc)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    stories: list[list[int]] = []
    for docs in holders.values():
        if 2 <= len(docs) <= settings.max_df:
            for pair in combinations(sorted(docs), 2):
                shared[pair] += 1
        elif len(docs) > settings.max_df:
            # A story's fingerprint when most sampled pairs of its documents share 4 fingerprints.
            ordered = sorted(docs)
            half = len(ordered) // 2
            samples = min(STORY_SAMPLES, half)
            picks = sorted({i * half // samples for i in range(samples)})
            close = sum(len(everything[ordered[j]] & everything[ordered[j + half]]) >= STORY_MIN_SHARED for j in picks)
            if 2 * close > len(picks):
                stories.append(ordered)
    pairs = {pair: n for pair, n in shared.items() if n >= settings.min_shared_fingerprints}
    # Documents of story fingerprints are one story (transitively); in rank order each copy takes
    # the first 4 of the next 16 that share enough fingerprints with it.
    story_of = {d: d for docs in stories for d in docs}

    def root(d):
        while story_of[d] != d:
            d = story_of[d]
        return d

    for docs in stories:
        for d in docs[1:]:
            story_of[root(d)] = root(docs[0])
    members = defaultdict(list)
    for d in story_of:
        members[root(d)].append(d)
    for group in members.values():
        ordered = sorted(group, key=lambda d: (rank[d] if rank is not None else d, d))
        for i, x in enumerate(ordered):
            linked = 0
            for y in ordered[i + 1 : i + 1 + STORY_LOOKAHEAD]:
                n = len(everything[x] & everything[y])
                if n >= settings.min_shared_fingerprints and linked < STORY_LINKS:
                    key = (min(x, y), max(x, y))
                    pairs[key] = max(pairs.get(key, 0), n)
                    linked += 1
    by_outlet: dict[int, list[int]] = defaultdict(list)
    for h, code in furniture:
        by_outlet[code].append(h)
    return pairs, {code: sorted(hs) for code, hs in by_outlet.items()}


@settings(max_examples=300, deadline=None)
@given(
    postings,
    st.lists(st.integers(-1, 3), min_size=31, max_size=31),
    st.lists(st.integers(0, 3), min_size=31, max_size=31),
    st.permutations(range(31)),
    st.integers(2, 4),
)
def test_candidates_and_furniture_match_reference(postings, outlet, title, rank, max_df):
    cfg = Settings(max_df=max_df, boilerplate_min_stories=2, min_shared_fingerprints=1)
    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    rank = np.array(rank, np.int64)
    cand = candidate_pairs(hashes, docs, np.array(outlet, np.int64), np.array(title, np.int64), cfg, rank=rank)
    pairs, furniture = reference(postings, outlet, title, cfg, rank)
    got = {(int(a), int(b)): int(n) for a, b, n in zip(cand.left, cand.right, cand.shared)}
    assert got == pairs
    assert {code: furn.tolist() for code, furn in cand.boilerplate.items()} == furniture


def test_partitions_change_nothing():
    rng = np.random.default_rng(7)
    hashes = rng.integers(0, 40, 400).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    docs = rng.integers(0, 60, 400)
    keep = np.unique(np.stack([hashes.view(np.int64), docs]), axis=1)  # one posting per (hash, document)
    hashes, docs = keep[0].view(np.uint64), keep[1]
    outlet, title = rng.integers(-1, 4, 60), rng.integers(0, 5, 60)
    cfg = Settings(max_df=6, boilerplate_min_stories=3, min_shared_fingerprints=1)
    one = candidate_pairs(hashes, docs, outlet, title, cfg, parts=1)
    assert len(one.left) > 10 and one.boilerplate  # the case is not empty
    for parts in (2, 8, 64):
        many = candidate_pairs(hashes, docs, outlet, title, cfg, parts=parts)
        assert [x.tolist() for x in (many.left, many.right, many.shared)] == [x.tolist() for x in (one.left, one.right, one.shared)]
        assert {k: v.tolist() for k, v in many.boilerplate.items()} == {k: v.tolist() for k, v in one.boilerplate.items()}
    with pytest.raises(ValueError, match="power of two"):
        candidate_pairs(hashes, docs, outlet, title, cfg, parts=3)


def test_a_wires_write_thrus_under_new_headlines_keep_their_text():
    # Four versions of one story by one outlet, each under a new headline, share 30 fingerprints:
    # by count that is "furniture in three or more stories", but no footer is that long.
    story = np.arange(1000, 1030, dtype=np.uint64)
    footer = np.array([7, 8], dtype=np.uint64)
    hashes = np.concatenate([np.concatenate([story, footer]) for _ in range(4)] + [footer, footer])
    docs = np.repeat(np.arange(6), [32, 32, 32, 32, 2, 2])
    outlet = np.zeros(6, np.int64)
    title = np.arange(6, dtype=np.int64)
    cand = candidate_pairs(hashes, docs, outlet, title, Settings())
    assert cand.versions.tolist() == [0, 1, 2, 3]
    pairs = set(zip(cand.left.tolist(), cand.right.tolist()))
    assert {(0, 1), (0, 3), (2, 3)} <= pairs
    assert set(cand.boilerplate[0].tolist()) >= {7, 8}  # the footer is still furniture
    assert not {p for p in pairs if 4 in p or 5 in p}  # pages sharing only it are no candidates


def test_a_story_reprinted_more_often_than_the_cap_pairs_and_a_stock_phrase_does_not():
    # 120 copies of one story share 30 fingerprints; 120 unrelated articles share one stock
    # phrase and nothing else (each has 30 fingerprints of its own).
    rng = np.random.default_rng(3)
    story = rng.integers(1, 2**63, 30).astype(np.uint64)
    stock = np.uint64(12345)
    hashes, docs = [], []
    for d in range(120):
        hashes += story.tolist()
        docs += [d] * 30
    for d in range(120, 240):
        own = rng.integers(1, 2**63, 30).astype(np.uint64).tolist()
        hashes += own + [int(stock)]
        docs += [d] * 31
    hashes, docs = np.array(hashes, np.uint64), np.array(docs, np.int64)
    cfg = Settings(max_df=64)
    rank = np.arange(240)[::-1].copy()  # publication order: the reverse of the index
    cand = candidate_pairs(hashes, docs, np.full(240, -1), np.arange(240), cfg, rank=rank)
    pairs = set(zip(cand.left.tolist(), cand.right.tolist()))
    assert all(a < 120 and b < 120 for a, b in pairs)  # the stock phrase pairs nothing
    assert len(pairs) == sum(min(STORY_LINKS, 119 - i) for i in range(120))  # each copy with the next 4
    assert (96, 100) in pairs and (100, 104) in pairs and (100, 105) not in pairs
    assert set(cand.shared.tolist()) == {30}
    # Under the cap, the same story pairs every copy with every other.
    small = candidate_pairs(hashes, docs, np.full(240, -1), np.arange(240), Settings(max_df=200))
    assert len(small.left) == 120 * 119 // 2  # (one shared stock phrase is still no candidate)


@settings(max_examples=200, deadline=None)
@given(postings, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=40), st.integers(1, 50))
def test_shared_counts_match_set_intersections(postings, pairs, batch):
    import syndtrace.index as index

    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    held = defaultdict(set)
    for d, h in postings:
        held[d].add(h)
    old, index._SHARED_BATCH = index._SHARED_BATCH, batch  # pairs split over several lookups
    try:
        counts = index._DocPostings(hashes, docs, 31).shared_many(
            np.array([x for x, _ in pairs], np.int64), np.array([y for _, y in pairs], np.int64)
        )
    finally:
        index._SHARED_BATCH = old
    assert counts.tolist() == [len(held[x] & held[y]) for x, y in pairs]
