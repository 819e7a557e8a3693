"""Families: one reprint family per story, each with a root and a tree.

Documents join a family through document-to-document reuse edges (copy,
credited reprint, undetermined), never through an external source: two
different Associated Press stories share the AP node but are two families.
Shared quotes link nothing.

A *multi-story page* (a digest, "News in Brief", a live blog, or an article
built from several sources) shares disjoint parts of itself with partners
that are otherwise unrelated. It does not glue their stories together: it
joins each of those families as a member.

The root is the most upstream node above the members that is reached by
reuse edges (a quoted source is upstream of the story, not its root): an
external original or agency when the members credit one, else the document
at the top of the family's tree.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from syndtrace.dates import day_of
from syndtrace.model import Document, Edge, Family, Passage, Source, TreeNode
from syndtrace.settings import Settings
from syndtrace.parents import children_of, choose_parents, grow, rank_parents
from syndtrace.unionfind import UnionFind

_LINKS = ("copy", "credited-reprint", "undetermined")


def same_story(passages: list[Passage], settings: Settings) -> bool:
    """Whether two documents' passages are substantial authored overlap: one story.

    ``family_min_authored_words`` unquoted shared words in all, or one passage
    with ``family_min_passage_words``. Shared quotations alone never qualify.
    """
    authored = [p.authored_words for p in passages]
    return bool(authored) and (
        sum(authored) >= settings.family_min_authored_words or max(authored) >= settings.family_min_passage_words
    )


def family_links(edges, passages: list[Passage], settings: Settings) -> dict[tuple[str, str], list[Passage]]:
    """Document pairs that share enough authored text to be one story, with their passages.

    Built from the aligned pairs, not the tree edges: a copy hung under an
    outside original (Common Dreams) still belongs with that original's
    reprint (Global Research) it was aligned against.
    """
    edge_of = {pid: e for e in edges if e.kind != "quoted" for pid in e.passages}
    pairs: dict[tuple[str, str], list[Passage]] = {}
    for p in passages:
        edge = edge_of.get(p.id)
        if edge is not None and edge.kind in _LINKS:
            pairs.setdefault(tuple(sorted((p.a.doc, p.b.doc))), []).append(p)
    return {pair: ps for pair, ps in pairs.items() if same_story(ps, settings)}


def families(
    docs: list[Document], edges: tuple[Edge, ...], sources: tuple[Source, ...], passages: list[Passage], settings: Settings
) -> tuple[Family, ...]:
    """Reprint families, largest first (ties by root id)."""
    ids = {d.id for d in docs}
    links = family_links(edges, passages, settings)
    hubs = multi_story_pages(links)
    uf = UnionFind(sorted(ids))
    for a, b in links:
        if a not in hubs and b not in hubs:
            uf.union(a, b)
    groups: dict[str, set[str]] = {}
    for pair in links:
        for a, b in (pair, pair[::-1]):
            if a not in hubs:
                groups.setdefault(uf.find(a), set()).add(a)
                if b in hubs:
                    groups[uf.find(a)].add(b)
    grouped = set().union(*groups.values())
    for hub in hubs:  # a hub whose partners are all hubs still forms a family
        if hub not in grouped:
            groups.setdefault(hub, {hub})
    source_ids = {s.id for s in sources}
    names = {s.id: s.name for s in sources} | {d.id: d.label for d in docs}
    by_id = {d.id: d for d in docs}
    into: dict[str, list[Edge]] = {}
    for e in edges:
        if e.kind != "shared-quote":
            into.setdefault(e.copy, []).append(e)
    result = []
    for members in groups.values():
        if len(members) < 2:
            continue
        fam_edges = [e for m in sorted(members) for e in into.get(m, ()) if e.source in members or e.source in source_ids]
        node = family_tree(members, [e for e in fam_edges if e.kind != "quoted"], by_id)
        result.append((sorted(members), node.id, node))
    result.sort(key=lambda f: (-len(f[0]), f[1], f[0]))
    return tuple(Family(f"f{i + 1}", root, names.get(root, root), tuple(m), node) for i, (m, root, node) in enumerate(result))


def gifts_by_source(edges: Iterable[Edge]) -> dict[str, list[Edge]]:
    """The run's edges, shared quotes excepted, by the id of the node (document or source) that gave the text."""
    given: dict[str, list[Edge]] = {}
    for e in edges:
        if e.kind != "shared-quote":
            given.setdefault(e.source, []).append(e)
    return given


def outside_tree(family: Family, gifts: dict[str, list[Edge]]) -> list[tuple[str, list[Edge]]]:
    """The members ``family.tree`` leaves out, in member order, each with its edges into the tree.

    The edges are those by which the member gave text to nodes of the tree.
    The tree gives every article one parent. A second original (another
    story's article that only gave text to a member whose parent is shown)
    has no place in it (``family_tree``): renderers list it beside the tree
    rather than drop it. ``gifts`` is ``gifts_by_source`` of the run's edges.
    """
    held = set(family.tree.ids())
    return [(m, [e for e in gifts.get(m, ()) if e.copy in held]) for m in family.members if m not in held]


def multi_story_pages(links: dict[tuple[str, str], list[Passage]]) -> set[str]:
    """Documents whose partners fall into groups sharing disjoint parts of them and nothing else."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    for (x, y), ps in links.items():
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)
        for p in ps:
            for mine, theirs in ((p.a, p.b), (p.b, p.a)):
                spans.setdefault((mine.doc, theirs.doc), []).append((mine.start, mine.end))
    hubs = set()
    for doc, others in partners.items():
        if len(others) < 2:
            continue
        others = sorted(others)
        uf = UnionFind(others)
        groups = len(others)
        for i, x in enumerate(others):
            for y in others[i + 1 :]:
                if groups == 1:  # all partners already in one group: not a multi-story page
                    break
                if uf.find(x) == uf.find(y):
                    continue
                if (x, y) in links or _overlap(spans.get((doc, x), []), spans.get((doc, y), [])):
                    uf.union(x, y)
                    groups -= 1
        if groups > 1:
            hubs.add(doc)
    return hubs


# Characters two parts of a page may share and still be different parts: where two excerpts
# meet, each passage can claim the word at the junction ("... said on Tuesday. The" / "The
# ministry ..."). A 100k benchmark page built from an AP and an AFP story did, by 3 characters,
# and merged the two stories' families.
_JUNCTION = 24


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Whether a span of ``a`` and one of ``b`` (spans of one page) share more than a junction."""
    return any(min(e1, e2) - max(s1, s2) > _JUNCTION for s1, e1 in a for s2, e2 in b)


def family_tree(members: set[str], links: list[Edge], docs: dict[str, Document]) -> TreeNode:
    """The family's tree: the top that holds the most members once every member it can reach is hung in.

    Each node first takes its best parent (``trace.choose_parents``), as in
    the whole run's tree. That can leave a member outside the top's tree: a
    copy of an original missing from the inputs whose siblings chose other
    parents, or a multi-source article whose best parent is another story's.
    Such a member is then hung under the node of the tree it shares the best
    link with (``parents.rank_parents``): an edge from that node, or an undetermined
    one either way (it has no direction, so it may hang from either side).
    A member that only ever gave text to the tree (a second original) has no
    such link and stays out. Ties between tops: an outside original or
    agency first (the members credit it), then the earliest-dated document,
    then the id.
    """
    ranked = rank_parents(links)
    chosen = choose_parents(ranked)
    up = {child: edge.source for child, edge in chosen.items()}

    def preference(top: str) -> tuple:
        # A date that is not ISO cannot be ordered (syndtrace.dates): it counts as none.
        return (top in docs, (docs[top].date if day_of(docs[top].date) else "9999") if top in docs else "", top)

    best = None
    for top in sorted({n for n in members | set(up.values()) if n not in up}, key=preference):
        top_up, top_edges, held = _hang_in(top, dict(up), dict(chosen), members, ranked)
        if best is None or held > best[0]:
            best = (held, top, top_up, top_edges)
        if held == len(members):  # no later top can hold more, and this one is preferred
            break
    _, top, top_up, top_edges = best
    return grow(top, top_up, top_edges)


def _hang_in(top: str, up: dict[str, str], edges: dict[str, Edge], members: set[str], ranked: list[Edge]):
    """``(up, edges, members held)`` after hanging in, under ``top``'s tree, every member a link reaches.

    Each step takes the best link (first in ``ranked``) that hangs a member
    not yet held under a node that is; a heap of the links touching held
    nodes finds it without rescanning every link after every step.
    """
    children = children_of(up)
    touching: dict[str, list[int]] = {}  # node -> links it can hang a member from, once held
    for k, e in enumerate(ranked):
        if e.copy in members:
            touching.setdefault(e.source, []).append(k)
        if e.kind == "undetermined" and e.source in members:
            touching.setdefault(e.copy, []).append(k)
    held: set[str] = set()
    heap: list[int] = []

    def hold(nid: str) -> None:
        stack = [nid]
        while stack:
            n = stack.pop()
            if n not in held:
                held.add(n)
                for k in touching.get(n, ()):
                    heapq.heappush(heap, k)
                stack.extend(children.get(n, ()))

    hold(top)
    while heap:
        e = ranked[heapq.heappop(heap)]
        if e.source in held and e.copy not in held and e.copy in members:
            child, above = e.copy, e.source
        elif e.kind == "undetermined" and e.copy in held and e.source not in held and e.source in members:
            child, above = e.source, e.copy
        else:
            continue  # both ends held by now: it never hangs anything
        if child in up:
            children[up[child]].remove(child)
        up[child], edges[child] = above, e
        children.setdefault(above, []).append(child)
        hold(child)
    return up, edges, len(members & held)
