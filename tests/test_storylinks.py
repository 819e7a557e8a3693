"""A page's parts and multi-story pages (``syndtrace.storylinks``) against the pairwise test, the slow reference."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from syndtrace.storylinks import _JUNCTION, Link, multi_story_pages, overlapping, parts_of
from syndtrace.unionfind import UnionFind

# Spans of one page, often meeting or overlapping by about a junction (24 characters).
SPANS = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 80)).map(lambda t: (t[0], t[0] + t[1])), max_size=4)


def overlap(a, b) -> bool:
    """The pairwise test: a span of ``a`` and one of ``b`` share more than a junction."""
    return any(min(e1, e2) - max(s1, s2) > _JUNCTION for s1, e1 in a for s2, e2 in b)


def sets_of(uf: UnionFind, n: int) -> set[frozenset[int]]:
    groups: dict = {}
    for k in range(n):
        groups.setdefault(uf.find(k), set()).add(k)
    return {frozenset(g) for g in groups.values()}


def pairwise(span_lists) -> UnionFind:
    uf = UnionFind(range(len(span_lists)))
    for i in range(len(span_lists)):
        for j in range(i + 1, len(span_lists)):
            if overlap(span_lists[i], span_lists[j]):
                uf.union(i, j)
    return uf


@given(st.lists(SPANS, max_size=8))
def test_overlapping_joins_what_the_pairwise_test_joins(span_lists):
    assert sets_of(overlapping(span_lists), len(span_lists)) == sets_of(pairwise(span_lists), len(span_lists))


def test_spans_meeting_at_a_junction_stay_apart():
    # Two excerpts meeting on a word ("... on Tuesday. The" / "The ministry ...") are two parts.
    assert sets_of(overlapping([[(0, 100)], [(100 - _JUNCTION, 200)]]), 2) == {frozenset({0}), frozenset({1})}
    assert sets_of(overlapping([[(0, 100)], [(99 - _JUNCTION, 200)]]), 2) == {frozenset({0, 1})}
    # A long span joins two short ones that do not touch each other.
    assert sets_of(overlapping([[(0, 50)], [(300, 350)], [(10, 340)]]), 3) == {frozenset({0, 1, 2})}


@given(st.lists(st.tuples(st.text("abc", min_size=1, max_size=1), SPANS), max_size=7))
def test_parts_keep_the_order_and_grouping_of_the_pairwise_test(partners):
    partners = [(name, k, tuple(spans)) for k, (name, spans) in enumerate(partners)]
    uf = pairwise([spans for _, _, spans in partners])
    want: dict = {}
    for i, partner in enumerate(partners):
        want.setdefault(uf.find(i), []).append(partner)
    assert parts_of(partners) == [want[k] for k in sorted(want)]


def reference_multi_story_pages(links):
    """The pairwise form: a page whose partners, joined by overlapping spans of it or a link, stay apart."""
    partners: dict = {}
    spans: dict = {}
    for lk in links:
        partners.setdefault(lk.a, set()).add(lk.b)
        partners.setdefault(lk.b, set()).add(lk.a)
        spans[(lk.a, lk.b)], spans[(lk.b, lk.a)] = lk.spans.get(lk.a, ()), lk.spans.get(lk.b, ())
    hubs = set()
    for doc, others in partners.items():
        others = sorted(others)
        uf = UnionFind(others)
        for i, x in enumerate(others):
            for y in others[i + 1 :]:
                if y in partners[x] or overlap(spans[(doc, x)], spans[(doc, y)]):
                    uf.union(x, y)
        if len(others) > 1 and len({uf.find(x) for x in others}) > 1:
            hubs.add(doc)
    return hubs


NAMES = st.sampled_from(["p", "q", "r", "s", "t", "u"])


@given(st.lists(st.tuples(NAMES, NAMES, SPANS, SPANS), max_size=12))
def test_multi_story_pages_match_the_pairwise_form(raw):
    links, seen = [], set()
    for a, b, sa, sb in raw:
        if a == b or frozenset((a, b)) in seen:
            continue  # one link a pair, as document_links gives
        seen.add(frozenset((a, b)))
        links.append(Link(a, b, 50, {a: tuple(sa), b: tuple(sb)}, True))
    assert multi_story_pages(links) == reference_multi_story_pages(links)
