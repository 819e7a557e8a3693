"""Tests for syndtrace.statements against plain-Python references."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.model import Passage, PassageSide
from syndtrace.statements import MIN_GROUPS, Observed, SpanPrints, learn, mark_all, observe, rare_spans


def _passage(k: int) -> Passage:
    side = PassageSide("d", k, k + 1, None, 1)
    return Passage("", side, side, 1, 100.0, 1)


_SPAN = st.lists(st.tuples(st.integers(0, 5), st.booleans()), max_size=6)


@settings(max_examples=200, deadline=None)
@given(spans=st.lists(_SPAN, min_size=1, max_size=8), data=st.data())
def test_mark_all_on_packed_spans_matches_a_plain_reference(spans, data):
    statements = np.array([1, 3], dtype=np.uint64)
    packed = SpanPrints.pack([(np.array([h for h, _ in s], np.uint64), np.array([q for _, q in s], bool)) for s in spans])
    n = data.draw(st.integers(1, 6))
    sides = np.array(data.draw(st.lists(st.tuples(*[st.integers(0, len(spans) - 1)] * 2), min_size=n, max_size=n)))
    marked = mark_all([_passage(k) for k in range(n)], sides, packed, statements)
    for (a, b), p in zip(sides.tolist(), marked):
        unquoted = [h for h, q in spans[a] + spans[b] if not q]
        expect = bool(unquoted) and 2 * sum(h in (1, 3) for h in unquoted) >= len(unquoted)
        assert (p.quote == "statement") == expect
        assert p.authored_words == (0 if expect else 1)


@settings(max_examples=200, deadline=None)
@given(sides=st.lists(st.tuples(st.integers(0, 5), _SPAN), min_size=1, max_size=10), most=st.integers(1, 4))
def test_rare_spans_match_a_plain_reference(sides, most):
    # Documents carrying each fingerprint in their passages (quoted or not); a span is rare when
    # one of its unquoted fingerprints is carried by `most` documents or fewer.
    arrays = [(d, np.array([h for h, _ in s], np.uint64), np.array([q for _, q in s], bool)) for d, s in sides]
    packed = SpanPrints.pack([(h, q) for _, h, q in arrays])
    holders: dict[int, set[int]] = {}
    for d, s in sides:
        for h, _ in s:
            holders.setdefault(h, set()).add(d)
    expect = [any(len(holders[h]) <= most for h, q in s if not q) for _, s in sides]
    assert rare_spans(observe(arrays), packed, most).tolist() == expect


def test_span_prints_keep_unquoted_prints_in_span_order():
    one = SpanPrints.pack([(np.array([7, 8], np.uint64), np.array([True, False]))])
    two = SpanPrints.pack([(np.array([5], np.uint64), np.array([False])), (np.empty(0, np.uint64), np.empty(0, bool))])
    parts = [one, two]
    both = SpanPrints.concat(parts)
    assert both.lengths.tolist() == [1, 1, 0] and both.hashes.tolist() == [8, 5]
    assert both.lengths.dtype == np.int64 and both.hashes.dtype == np.uint64
    assert parts == []  # let go as they were joined
    assert len(SpanPrints.concat([])) == 0


@settings(max_examples=200, deadline=None)
@given(chunks=st.lists(st.lists(st.tuples(st.integers(0, 3), _SPAN), max_size=4), max_size=4))
def test_observations_of_chunks_join_as_if_observed_at_once(chunks):
    # A document cut over two work chunks votes once, quoted if either chunk saw it quoted.
    arrays = [[(d, np.array([h for h, _ in s], np.uint64), np.array([q for _, q in s], bool)) for d, s in c] for c in chunks]
    parts = [observe(c) for c in arrays]
    joined = Observed.concat(parts)
    whole = observe([side for c in arrays for side in c])
    assert parts == []  # let go as they were joined
    for name in ("hashes", "docs", "quoted"):
        assert getattr(joined, name).tolist() == getattr(whole, name).tolist()
        assert getattr(joined, name).dtype == getattr(whole, name).dtype


@settings(max_examples=200, deadline=None)
@given(sides=st.lists(st.tuples(st.integers(0, 3), _SPAN), max_size=8))
def test_observe_votes_once_per_fingerprint_and_document(sides):
    arrays = [(d, np.array([h for h, _ in s], np.uint64), np.array([q for _, q in s], bool)) for d, s in sides]
    observed = observe(arrays)
    expect: dict[tuple[int, int], bool] = {}
    for d, s in sides:
        for h, q in s:
            expect[h, d] = expect.get((h, d), False) or q
    got = list(zip(observed.hashes.tolist(), observed.docs.tolist(), observed.quoted.tolist()))
    assert got == sorted((h, d, q) for (h, d), q in expect.items())


@settings(max_examples=300, deadline=None)
@given(
    votes=st.dictionaries(st.tuples(st.integers(0, 6), st.integers(0, 9)), st.booleans(), max_size=40),
    groups=st.dictionaries(st.integers(0, 9), st.integers(0, 3), max_size=10),
)
def test_learn_matches_a_plain_reference(votes, groups):
    ordered = sorted(votes.items())
    observed = Observed(
        np.array([h for (h, _), _ in ordered], np.uint64),
        np.array([d for (_, d), _ in ordered], np.int64),
        np.array([q for _, q in ordered], bool),
    )
    expect = []
    for h in sorted({h for h, _ in votes}):
        held = [(d, q) for (hh, d), q in votes.items() if hh == h]
        n_groups = len({groups.get(d, 100 + d) for d, _ in held})
        if n_groups >= MIN_GROUPS and 2 * sum(q for _, q in held) >= len(held):
            expect.append(h)
    # Groups are named by a member document, so no lone document shares a group's name: offset them.
    group_of = {d: 100 + d for d in range(10)} | groups
    assert learn(observed, group_of).tolist() == expect
