"""The candidate index against a plain-Python reference (hypothesis)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.index import FEW_HOLDERS, FOREIGN_PRINTS, RELEASE_SHARED, candidate_pairs
from syndtrace.storyindex import (
    STORY_HUBS, STORY_LINKS, STORY_LOOKAHEAD, STORY_MIN_SHARED, STORY_NEAREST, STORY_PROBES, STORY_SAMPLES,
    STORY_OUTLET_PAGES, STORY_WIRE_PAGES,
)  # fmt: skip
from syndtrace.shingle import fmix64
from syndtrace.settings import Settings

# Few distinct values, so that shared fingerprints, outlets and titles collide often;
# postings are unique per document, as ``batch_fingerprints`` gives them.
postings = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12) | st.integers(0, 2**64 - 1)), max_size=200, unique=True)


def reference(postings, outlet, title, settings: Settings, rank=None, wire=None, releases=None):
    """Candidates and learned furniture, the slow and obvious way.

    ``releases``: per document, whether it is a press release: a release and
    a document that is none need only ``RELEASE_SHARED`` fingerprints.
    """
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
    few: set[tuple[int, int]] = set()  # pairs sharing a fingerprint of FEW_HOLDERS holders or fewer
    stories: list[list[int]] = []
    story_hashes: list[int] = []
    # In the order the index meets them: by hash partition, then number of holders, then hash.
    for h, docs in sorted(holders.items(), key=lambda kv: (kv[0] % 8, len(kv[1]), kv[0])):
        if 2 <= len(docs) <= settings.max_df:
            for pair in combinations(sorted(docs), 2):
                shared[pair] += 1
                if len(docs) <= FEW_HOLDERS:
                    few.add(pair)
        elif len(docs) > settings.max_df:
            # A story's fingerprint when most sampled pairs of its documents share 4 fingerprints.
            ordered = sorted(docs)
            half = len(ordered) // 2
            samples = min(STORY_SAMPLES, half)
            picks = sorted({i * half // samples for i in range(samples)})
            close = sum(len(everything[ordered[j]] & everything[ordered[j + half]]) >= STORY_MIN_SHARED for j in picks)
            if 2 * close > len(picks):
                stories.append(ordered)
                story_hashes.append(h)
    def enough(pair, n):
        one_release = releases is not None and releases[pair[0]] != releases[pair[1]]
        return n >= (RELEASE_SHARED if one_release else settings.min_shared_fingerprints)

    pairs = {pair: n for pair, n in shared.items() if enough(pair, n)}
    rank = list(range(len(outlet))) if rank is None else list(rank)
    wire = [False] * len(outlet) if wire is None else list(wire)
    weak = {pair for pair in few if not enough(pair, shared[pair])}
    # A page holding fingerprints of another outlet's furniture, furniture of that outlet alone.
    owners: dict[int, set[int]] = defaultdict(set)
    for h, code in furniture:
        owners[h].add(code)
    carried: dict[tuple[int, int], int] = defaultdict(int)
    for doc, h in postings:
        if len(owners.get(h, ())) == 1 and outlet[doc] not in owners[h]:
            carried[(doc, next(iter(owners[h])))] += 1
    foreign = {key for key, n in carried.items() if n >= FOREIGN_PRINTS}
    story = story_reference(stories, everything, rank, wire, settings.min_shared_fingerprints, weak, outlet, foreign)
    for key, n in story.items():
        pairs[key] = max(pairs.get(key, 0), n)
    by_outlet: dict[int, list[int]] = defaultdict(list)
    for h, code in furniture:
        by_outlet[code].append(h)
    return pairs, {code: sorted(hs) for code, hs in by_outlet.items()}


def story_reference(stories, everything, rank, wire, need, weak=(), outlet=None, foreign=()) -> dict[tuple[int, int], int]:
    """The pairs among copies of stories over the cap (``index.story_pairs``), the slow and obvious way.

    ``weak``: pairs sharing too few fingerprints under the cap, one of them held by few documents;
    ``outlet``: each document's outlet code (-1: unknown); ``foreign``: ``(page, outlet)``, a page
    holding that outlet's furniture.
    """
    def shared(x, y):
        return len(everything[x] & everything[y])

    found: dict[tuple[int, int], int] = {}

    def add(x, y):
        found[(min(x, y), max(x, y))] = shared(x, y)

    # Groups: documents of story fingerprints, joined transitively.
    group = {d: d for docs in stories for d in docs}

    def root(d):
        while group[d] != d:
            d = group[d]
        return d

    for docs in stories:
        for d in docs[1:]:
            a, b = root(d), root(docs[0])
            group[max(a, b)] = min(a, b)
    # A copy's label: the story fingerprint it holds that hashes least (k by the index's order).
    value = [fmix64((k * 0x9E3779B97F4A7C15 + 1) % 2**64) for k in range(len(stories))]
    label = {d: min((value[k], k) for k, docs in enumerate(stories) if d in docs)[1] for d in group}
    order = sorted(group, key=lambda d: (root(d), label[d], rank[d], d))
    # Each copy with the first STORY_LINKS of the next STORY_LOOKAHEAD of its group sharing enough.
    for i, x in enumerate(order):
        later = [y for y in order[i + 1 : i + 1 + STORY_LOOKAHEAD] if root(y) == root(x)]
        for y in [y for y in later if shared(x, y) >= need][:STORY_LINKS]:
            add(x, y)
    # Hubs of a label: its holders that are wire pages, most central, earliest (STORY_HUBS of each).
    hubs = {}
    for k in sorted(set(label.values())):
        by_rank = sorted(stories[k], key=lambda d: (rank[d], d))
        spots = np.unique(np.linspace(0, len(by_rank) - 1, min(STORY_PROBES, len(by_rank))).astype(np.int64))
        probes = [by_rank[i] for i in spots.tolist()]
        score = {d: sum(shared(d, p) for p in probes) for d in by_rank}
        central = sorted(by_rank, key=lambda d: (-score[d], rank[d], d))[:STORY_HUBS]
        picks = [d for d in by_rank if wire[d]][:STORY_HUBS] + central + by_rank[:STORY_HUBS]
        hubs[k] = list(dict.fromkeys(picks))
    # Each fingerprint's story: the label most of its holders have (the least, of equals). A copy
    # holding STORY_MIN_SHARED or more fingerprints of another label's story meets its hubs too.
    story_of = [min(Counter(label[d] for d in docs).items(), key=lambda kv: (-kv[1], kv[0]))[0] for docs in stories]
    held = Counter((d, story_of[k]) for k, docs in enumerate(stories) for d in docs)
    also = sorted((d, lab) for (d, lab), n in held.items() if n >= STORY_MIN_SHARED and lab != label[d])
    for entries in ([(x, label[x]) for x in order], also):
        every_hub = {h for lab in {lab for _, lab in entries} for h in hubs[lab]}
        for x, lab in entries:
            near = [(h, at) for at, h in enumerate(hubs[lab]) if h != x and shared(x, h) >= need]
            near.sort(key=lambda item: (-shared(x, item[0]), item[1]))
            for nth, (h, _) in enumerate(near):
                if nth < STORY_NEAREST or wire[h] or x in every_hub:
                    add(x, h)
    # A group's first STORY_WIRE_PAGES wire pages (in the order above) with each other.
    pages = defaultdict(list)
    for d in order:
        if wire[d]:
            pages[root(d)].append(d)
    for group_pages in pages.values():
        for x, y in combinations(group_pages[:STORY_WIRE_PAGES], 2):
            if shared(x, y) >= need:
                add(x, y)
    # Two copies of one group sharing a fingerprint of few holders: one carries what the other added.
    for x, y in weak:
        if x in group and y in group and root(x) == root(y) and shared(x, y) >= need:
            add(x, y)
    # One outlet's first STORY_WIRE_PAGES pages of a label (in the order above) with each other.
    own = defaultdict(list)
    for d in order:
        if outlet is not None and outlet[d] >= 0:
            own[(label[d], outlet[d])].append(d)
    for outlet_pages in own.values():
        for x, y in combinations(outlet_pages[:STORY_WIRE_PAGES], 2):
            if shared(x, y) >= need:
                add(x, y)
    # A page carrying an outlet's furniture with that outlet's pages of its label, then of its group.
    in_group = defaultdict(list)
    for d in order:
        if outlet is not None and outlet[d] >= 0:
            in_group[(root(d), outlet[d])].append(d)
    for x, code in sorted(foreign):
        if x in group:
            for y in own[(label[x], code)][:STORY_WIRE_PAGES] + in_group[(root(x), code)][:STORY_OUTLET_PAGES]:
                if y != x and shared(x, y) >= need:
                    add(x, y)
    return found


@settings(max_examples=300, deadline=None)
@given(
    postings,
    st.lists(st.integers(-1, 3), min_size=31, max_size=31),
    st.lists(st.integers(0, 3), min_size=31, max_size=31),
    st.permutations(range(31)),
    st.integers(2, 4),
    st.lists(st.booleans(), min_size=31, max_size=31),
)
def test_candidates_and_furniture_match_reference(postings, outlet, title, rank, max_df, wire):
    cfg = Settings(max_df=max_df, boilerplate_min_stories=2, min_shared_fingerprints=1)
    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    rank = np.array(rank, np.int64)
    cand = candidate_pairs(
        hashes, docs, np.array(outlet, np.int64), np.array(title, np.int64), cfg, rank=rank, wire=np.array(wire)
    )
    pairs, furniture = reference(postings, outlet, title, cfg, rank, wire)
    got = {(int(a), int(b)): int(n) for a, b, n in zip(cand.left, cand.right, cand.shared)}
    assert got == pairs
    assert {code: furn.tolist() for code, furn in cand.boilerplate.items()} == furniture


@st.composite
def story_postings(draw):
    """Copies of a few stories, each keeping a part of its story's fingerprints, with some of its own."""
    stories = [list(range(1000 * (k + 1), 1000 * (k + 1) + draw(st.integers(6, 14)))) for k in range(draw(st.integers(1, 3)))]
    found = []
    for doc in range(31):
        k = draw(st.integers(-1, len(stories) - 1))
        own = draw(st.lists(st.integers(0, 400), max_size=4, unique=True))
        kept = stories[k][draw(st.integers(0, 3)) : draw(st.integers(5, 14))] if k >= 0 else []
        # An outlet's footer (5000 + 10 * outlet ...), on its own pages or carried into another's.
        footer = {5000 + 10 * o + j for o in draw(st.lists(st.integers(0, 4), max_size=2)) for j in range(2)}
        found += [(doc, h) for h in sorted(set(kept) | set(own) | footer)]
    return found


@settings(max_examples=200, deadline=None)
@given(
    story_postings(),
    st.permutations(range(31)),
    st.lists(st.booleans(), min_size=31, max_size=31),
    st.integers(2, 6),
    st.integers(1, 4),
    st.lists(st.integers(-1, 4), min_size=31, max_size=31),
    st.lists(st.integers(0, 2), min_size=31, max_size=31),
)
def test_the_copies_of_stories_over_the_cap_pair_as_the_reference_pairs_them(postings, rank, wire, max_df, need, outlet, title):
    # Stories held by more documents than the cap: labels, rank links, hubs, wire pages, one outlet's
    # pages, pages carrying another outlet's footer (its furniture, learned over its titles).
    cfg = Settings(max_df=max_df, boilerplate_min_stories=2, min_shared_fingerprints=need)
    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    cand = candidate_pairs(
        hashes, docs, np.array(outlet), np.array(title), cfg, rank=np.array(rank, np.int64), wire=np.array(wire)
    )
    pairs, _ = reference(postings, outlet, title, cfg, rank, wire)
    assert {(int(a), int(b)): int(n) for a, b, n in zip(cand.left, cand.right, cand.shared)} == pairs


@settings(max_examples=200, deadline=None)
@given(
    story_postings(),
    st.lists(st.booleans(), min_size=31, max_size=31),
    st.integers(2, 6),
    st.integers(2, 4),
    st.lists(st.integers(-1, 4), min_size=31, max_size=31),
)
def test_a_release_and_a_story_pair_on_one_fingerprint_as_the_reference_pairs_them(postings, releases, max_df, need, outlet):
    # A story lifting one sentence of a release shares one fingerprint with it; two releases, or two
    # stories, still need ``need``. Under the cap and over it (a weak pair is no longer weak).
    cfg = Settings(max_df=max_df, boilerplate_min_stories=2, min_shared_fingerprints=need)
    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    title = [0] * 31
    cand = candidate_pairs(hashes, docs, np.array(outlet), np.array(title), cfg, releases=np.array(releases))
    pairs, _ = reference(postings, outlet, title, cfg, releases=releases)
    assert {(int(a), int(b)): int(n) for a, b, n in zip(cand.left, cand.right, cand.shared)} == pairs
    # And without releases, the pairs are those of the plain rule.
    plain = candidate_pairs(hashes, docs, np.array(outlet), np.array(title), cfg, releases=np.zeros(31, bool))
    assert {(int(a), int(b)) for a, b in zip(plain.left, plain.right)} == set(reference(postings, outlet, title, cfg)[0])


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


def test_a_compilation_keeps_the_item_of_a_story_its_outlets_write_thrus_run():
    # Four write-thrus of one story by outlet 0 (30 story fingerprints each, new headlines) and its
    # "The Latest" page carrying an item of it (5 of them) among 25 of its own; a subscriber (outlet
    # 1) runs the story. Held by five of outlet 0's titles, the item read as its furniture and the
    # compilation paired with nothing; the write-thrus are one story, one title: it is the story's.
    story = np.arange(1000, 1030, dtype=np.uint64)
    footer = np.array([7, 8], dtype=np.uint64)
    latest = np.concatenate([story[:5], np.arange(5000, 5025, dtype=np.uint64), footer])
    hashes = np.concatenate([np.concatenate([story, footer]) for _ in range(4)] + [latest, footer, footer, story])
    docs = np.repeat(np.arange(8), [32, 32, 32, 32, 32, 2, 2, 30])
    outlet = np.array([0, 0, 0, 0, 0, 0, 0, 1], np.int64)
    cand = candidate_pairs(hashes, docs, outlet, np.arange(8, dtype=np.int64), Settings())
    assert cand.versions.tolist() == [0, 1, 2, 3]
    pairs = set(zip(cand.left.tolist(), cand.right.tolist()))
    assert {(0, 4), (4, 7)} <= pairs
    assert set(cand.boilerplate[0].tolist()) == {7, 8}  # the footer is still furniture, the item is not


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
    # In publication order (the reverse of the index) each copy takes the next STORY_LINKS...
    assert all((i - k, i) in pairs for i in range(1, 120) for k in range(1, min(STORY_LINKS, i) + 1))
    # ...and its STORY_NEAREST hubs. The copies are equal: the most central are the earliest published
    # (119, 118, ...), and a copy's ties go to the first listed. The hubs take each other.
    hubs = list(range(119, 119 - STORY_HUBS, -1))
    assert all((min(d, h), max(d, h)) in pairs for d in range(120) for h in hubs[:STORY_NEAREST] if d != h)
    assert all((min(a, b), max(a, b)) in pairs for a in hubs for b in hubs if a < b)
    assert len(pairs) <= 120 * (STORY_LINKS + STORY_NEAREST) + STORY_HUBS**2
    assert set(cand.shared.tolist()) == {30}
    # Under the cap, the same story pairs every copy with every other.
    small = candidate_pairs(hashes, docs, np.full(240, -1), np.arange(240), Settings(max_df=200))
    assert len(small.left) == 120 * 119 // 2  # (one shared stock phrase is still no candidate)


@pytest.mark.parametrize("carried", [True, False])
def test_a_copy_of_a_copy_meets_the_copy_it_carries_text_of(carried):
    # 120 copies of one story, over the cap. Copy 30 added a line (one fingerprint of its own), and
    # copy 90 copied copy 30, line and all: they are paired though neither is the other's neighbour
    # or hub. Without the line they share only what every copy shares, and are not.
    rng = np.random.default_rng(5)
    story = rng.integers(1, 2**63, 30).astype(np.uint64).tolist()
    line = 777
    hashes, docs = [], []
    for d in range(120):
        own = [line] if d == 30 or (carried and d == 90) else []
        hashes += story + own
        docs += [d] * (30 + len(own))
    cand = candidate_pairs(np.array(hashes, np.uint64), np.array(docs), np.full(120, -1), np.arange(120), Settings(max_df=64))
    pairs = dict(zip(zip(cand.left.tolist(), cand.right.tolist()), cand.shared.tolist()))
    assert ((30, 90) in pairs) == carried
    if carried:
        assert pairs[(30, 90)] == 31  # counted over all they share


@pytest.mark.parametrize("carried", [True, False])
def test_a_copy_carrying_an_outlets_footer_meets_that_outlets_page_of_the_story(carried):
    # 120 copies of one story, over the cap, each by its own outlet. Outlet 200 printed copy 30 and
    # two other stories, each page with its footer (its learned furniture). Copy 90, by another
    # outlet, copied copy 30, footer and all: the two are paired though neither is the other's
    # neighbour or hub, and the footer, held by four pages, is no few holders' line either.
    rng = np.random.default_rng(5)
    story = rng.integers(1, 2**63, 30).astype(np.uint64).tolist()
    footer = [901, 902]
    hashes, docs = [], []
    outlet, title = np.arange(122), np.zeros(122, np.int64)
    for d in range(120):
        extra = footer if d == 30 or (carried and d == 90) else []
        hashes += story + extra
        docs += [d] * (30 + len(extra))
    for d in (120, 121):  # outlet 200's other stories
        hashes += rng.integers(1, 2**63, 30).astype(np.uint64).tolist() + footer
        docs += [d] * 32
    outlet[[30, 120, 121]] = 200
    title[[120, 121]] = [1, 2]
    cand = candidate_pairs(np.array(hashes, np.uint64), np.array(docs), outlet, title, Settings(max_df=64))
    pairs = dict(zip(zip(cand.left.tolist(), cand.right.tolist()), cand.shared.tolist()))
    assert ((30, 90) in pairs) == carried
    assert (90, 120) not in pairs  # the outlet's other stories share only the footer
    if carried:
        assert pairs[(30, 90)] == 30  # the footer is the outlet's furniture: the story counts


@settings(max_examples=200, deadline=None)
@given(postings, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=40), st.integers(1, 50))
def test_shared_counts_match_set_intersections(postings, pairs, batch):
    import syndtrace.postings as postings_module

    hashes = np.array([h for _, h in postings], dtype=np.uint64)
    docs = np.array([d for d, _ in postings], dtype=np.int64)
    held = defaultdict(set)
    for d, h in postings:
        held[d].add(h)
    old, postings_module._SHARED_BATCH = postings_module._SHARED_BATCH, batch  # pairs split over several lookups
    try:
        counts = postings_module.DocPostings(hashes, docs, 31).shared_many(
            np.array([x for x, _ in pairs], np.int64), np.array([y for _, y in pairs], np.int64)
        )
    finally:
        postings_module._SHARED_BATCH = old
    assert counts.tolist() == [len(held[x] & held[y]) for x, y in pairs]


def test_publication_order_takes_the_instant_within_a_day():
    from syndtrace.model import Document
    from syndtrace.gather import publication_rank

    dates = ["2019-03-06", "2019-03-06T11:37:00-04:00", "2019-03-05", "2019-03-06T09:01:00Z", None]
    docs = [Document(id=str(k), path=None, text="", date=d) for k, d in enumerate(dates)]
    # The day first; within it the timed pages by their instant (09:01Z before 15:37Z), then the rest.
    assert publication_rank(docs).tolist() == [3, 2, 0, 1, 4]


def test_a_storys_hubs_are_the_pages_of_known_publishers_and_of_outlets_named_by_a_wires_dateline_tag():
    from syndtrace.model import Document
    from syndtrace.gather import wire_pages

    outlets = ["Associated Press", "AFP", "Kansas Reflector", "The Valemont Review", "Yahoo News", None]
    docs = [Document(id=str(k), path=None, text="", outlet=o) for k, o in enumerate(outlets)]
    # A portal is never the original of what it carries; an unknown subscriber is the long tail.
    assert wire_pages(docs).tolist() == [True, True, True, False, False, False]
