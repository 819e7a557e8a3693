"""Span lists (``syndtrace.spanlists``) against sets of positions, the slow reference."""

from __future__ import annotations

from hypothesis import given, strategies as st

from syndtrace.spanlists import covered_by, intersect, merge, minority, subtract


def positions(spans) -> set[int]:
    return {at for s, e in spans for at in range(s, e)}


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=6)


@given(st.lists(SPANS, max_size=5), st.integers(1, 4), st.none() | st.integers(1, 5))
def test_covered_by_matches_counting_each_position(partners, times, below):
    got = {at for s, e in covered_by(partners, times, below=below) for at in range(s, e)}
    depth = [sum(any(s <= at < e for s, e in spans) for spans in partners) for at in range(100)]
    want = {at for at in range(100) if times <= depth[at] and (below is None or depth[at] < below)}
    assert got == want


@given(st.lists(SPANS, max_size=5), st.integers(1, 4))
def test_covered_by_takes_merged_lists_as_they_are(partners, times):
    merged = [subtract(spans, []) for spans in partners]  # what the chains stage keeps: merged lists
    assert covered_by(merged, times, merged=True) == covered_by(partners, times)
    # and its output is merged too (sorted, apart)
    out = covered_by(partners, times)
    assert all(s < e for s, e in out) and all(a[1] < b[0] for a, b in zip(out, out[1:]))


@given(SPANS, SPANS)
def test_subtract_hands_on_a_merged_list(spans, cut):
    # Its output is merged (sorted, apart): covered_by(merged=True) relies on it.
    out = subtract(spans, cut)
    assert all(s < e for s, e in out) and all(a[1] < b[0] for a, b in zip(out, out[1:]))


@given(SPANS, SPANS)
def test_subtract_matches_sets_of_positions(spans, cut):
    got = {at for s, e in subtract(spans, cut) for at in range(s, e)}
    want = {at for s, e in spans for at in range(s, e)} - {at for s, e in cut for at in range(s, e)}
    assert got == want
    # Given merged lists, as the chains stage hands them, it skips merging them again.
    assert subtract(merge(spans), merge(cut), merged=True) == subtract(spans, cut)


@given(SPANS, SPANS)
def test_intersect_matches_sets_of_positions(a, b):
    out = intersect(a, b)
    assert positions(out) == positions(a) & positions(b)
    assert all(s < e for s, e in out) and all(x[1] < y[0] for x, y in zip(out, out[1:]))


@given(st.lists(SPANS, min_size=1, max_size=5), st.data())
def test_minority_is_where_two_or_more_partners_and_most_of_them_differ(agree, data):
    # Judged stretch by stretch between the ends of the differing spans (touching spans
    # joined): a partner agrees with a stretch when its aligned text holds all of it.
    disagree = [data.draw(SPANS) for _ in agree]
    cuts = sorted({at for spans in disagree for span in subtract(spans, []) for at in span})

    def holding(lists, s, e):
        return sum(set(range(s, e)) <= positions(spans) for spans in lists)

    want = set()
    for s, e in zip(cuts, cuts[1:]):
        differ = holding(disagree, s, e)
        if differ >= 2 and differ > holding(agree, s, e):
            want |= set(range(s, e))
    assert positions(minority(agree, disagree)) == want
