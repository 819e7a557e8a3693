"""Tests for syndtrace.chunks: candidate pairs dealt to workers."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.chunks import component_chunks, locality_order

_PAIRS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=120).map(
    lambda ps: sorted({(min(i, j), max(i, j)) for i, j in ps if i != j})
)


def peak_in_play(pairs: list[tuple[int, int]]) -> int:
    """The most documents a worker holds at once: each from its first pair to its last."""
    left = Counter(k for pair in pairs for k in pair)
    live: set[int] = set()
    peak = 0
    for pair in pairs:
        live.update(pair)
        peak = max(peak, len(live))
        for k in pair:
            left[k] -= 1
            if not left[k]:
                live.discard(k)
    return peak


@settings(max_examples=200, deadline=None)
@given(pairs=_PAIRS, buckets=st.integers(1, 6))
def test_chunks_deal_every_pair_once_and_keep_components_whole_up_to_a_share(pairs, buckets):
    chunks = component_chunks(pairs, buckets)
    assert sorted(p for c in chunks for p in c) == pairs
    assert len(chunks) <= buckets and all(chunks)
    share = -(-len(pairs) // buckets)
    parent = {}

    def root(d):
        while parent.setdefault(d, d) != d:
            d = parent[d]
        return d

    for i, j in pairs:
        parent[root(i)] = root(j)
    size = Counter(root(i) for i, _ in pairs)
    owner = {}
    for n, chunk in enumerate(chunks):
        for pair in chunk:
            for doc in pair:
                if size[root(doc)] <= share:  # a component within a chunk's share stays in one chunk
                    assert owner.setdefault(doc, n) == n, "a document would be analysed by two workers"


def test_a_component_larger_than_a_share_is_cut_so_every_worker_has_work():
    pairs = [(k, k + 1) for k in range(100)]  # one story, one chain
    chunks = component_chunks(pairs, 4)
    assert len(chunks) == 4 and [len(c) for c in chunks] == [25, 25, 25, 25]
    docs = [{d for pair in c for d in pair} for c in chunks]
    shared = sum(len(a & b) for n, a in enumerate(docs) for b in docs[n + 1 :])
    assert shared == 3  # only where two pieces meet


def test_locality_order_keeps_few_documents_in_play():
    # A chain of 200 stories, each linked to the next: in index order every document
    # waits for a partner far ahead; in locality order a handful are held at once.
    n = 200
    stride = 37  # coprime with n: neighbours in the chain are far apart as indexes
    docs = [(k * stride) % n for k in range(n)]
    pairs = sorted((min(a, b), max(a, b)) for a, b in zip(docs, docs[1:]))
    ordered = locality_order(pairs)
    assert sorted(ordered) == pairs
    assert peak_in_play(ordered) <= 3 < peak_in_play(pairs)


def test_a_large_component_is_cut_into_as_few_pieces_as_there_are_workers(monkeypatch):
    # One story of 100 pairs, 8 chunks asked for by 2 workers: two pieces, one a worker, so that
    # only the document where they meet is analysed twice (into 8 pieces, 7 would be).
    pairs = [(k, k + 1) for k in range(100)]
    chunks = component_chunks(pairs, 8, workers=2)
    assert [len(c) for c in chunks] == [50, 50]
    analysed = sum(len({d for pair in chunk for d in pair}) for chunk in chunks)
    assert analysed == 101 + 1
    # No piece above PIECE_PAIRS, unless a chunk's share (13 here) is more.
    monkeypatch.setattr("syndtrace.chunks.PIECE_PAIRS", 10)
    assert [len(c) for c in component_chunks(pairs, 8, workers=2)] == [13] * 7 + [9]
