"""A family's tree: one top, and every member it can reach hung in.

``family_tree`` draws one story family (``syndtrace.family`` decides its
members); ``outside_tree`` lists the members a one-parent tree has no place
for (second originals), so that renderers show them beside it rather than
drop them.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import replace

from syndtrace.dates import day_of
from syndtrace.names import canonical, source_id
from syndtrace.lineage import Edge, Family, TreeNode
from syndtrace.model import Document
from syndtrace.parents import children_of, choose_parents, grow, is_above, rank_parents


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


def family_tree(
    members: set[str],
    links: list[Edge],
    docs: dict[str, Document],
    compiled: frozenset[str] = frozenset(),
    elsewhere: frozenset[str] = frozenset(),
) -> TreeNode:
    """The family's tree: the top that holds the most members once every member it can reach is hung in.

    Each node first takes its best parent (``trace.choose_parents``), as in
    the whole run's tree. That can leave a member outside the top's tree: a
    copy of an original missing from the inputs whose siblings chose other
    parents, or a multi-source article whose best parent is another story's.
    Such a member is then hung under the node of the tree it shares the best
    link with (``parents.rank_parents``): an edge from that node, or an undetermined
    one either way (it has no direction, so it may hang from either side);
    but a member whose chosen parent is a member not yet in the tree waits
    for that parent, which brings it along.
    A member that only ever gave text to the tree (a second original) has no
    such link and stays out. Of tops holding as many, the one whose own
    subtree (each node under the parent it chose) holds the most comes first:
    an undetermined link lets any top reach every sibling, and the wire's
    node, under which its subscribers chose to hang, is their top, not
    another agency a stray credit line names. Then an outside original or
    agency (the members credit it), then the earliest-dated document, then
    the id. ``compiled``: the members that compile several stories ("The
    Latest"), which never stand for their outlet's node, and hang under a
    copy they share an undetermined link with, never above it.
    ``elsewhere``: members most of whose words are not this story's, which
    never stand for their outlet's node either.
    """
    # A compilation hangs under a story's copies, never above them: an undetermined link (reading
    # order only) between it and a copy reads from the copy.
    links = [
        replace(e, source=e.copy, copy=e.source)
        if e.kind == "undetermined" and e.source in compiled and e.copy not in compiled else e
        for e in links
    ]
    ranked = rank_parents(links)
    chosen = choose_parents(ranked)
    up = {child: edge.source for child, edge in chosen.items()}
    # The agency's own page, where the inputs hold it, stands for the agency: the copies that chose
    # its node (they credit the agency) hang under the page, each with its edge (whose evidence
    # names the agency). Else the node and the page would be two tops, and the copies the page
    # does not hold would be hung, sibling under sibling, by their undetermined links.
    candidates = members - compiled - elsewhere
    own = {node: _own_page(node, candidates, up, docs) for node in set(up.values())}
    up = dict(up)
    for child in sorted(up):  # one at a time: each move is checked against those made before it
        page = own.get(up[child])
        if page and not is_above(child, page, up):
            up[child] = page
    below = children_of(up)

    def subtree(top: str) -> int:
        count, stack = 0, [top]
        while stack:
            node = stack.pop()
            count += node in members
            stack.extend(below.get(node, ()))
        return count

    def preference(top: str) -> tuple:
        # A date that is not ISO cannot be ordered (syndtrace.dates): it counts as none.
        date = (docs[top].date if day_of(docs[top].date) else "9999") if top in docs else ""
        return (-subtree(top), top in docs, date, top)

    best = None
    for top in sorted({n for n in members | set(up.values()) if n not in up}, key=preference):
        top_up, top_edges, held = _hang_in(top, dict(up), dict(chosen), members, ranked)
        if best is None or held > best[0]:
            best = (held, top, top_up, top_edges)
        if held == len(members):  # no later top can hold more, and this one is preferred
            break
    _, top, top_up, top_edges = best
    return grow(top, top_up, top_edges)


def _own_page(node: str, members: set[str], up: dict[str, str], docs: dict[str, Document]) -> str | None:
    """The member page of ``node``'s outlet, or ``None``: one with no parent first, then the first dated, then by id.

    Only for ``node`` a source outside the inputs with no parent either. A
    page with a parent stands for its outlet too: a second generation credits
    its intermediate ("Edited by The Thornbury Dispatch staff") as a node,
    and the intermediate's page, itself a subscriber's copy, is where it took
    its text.
    """
    if node in docs or node in up or not node.startswith("src:"):
        return None
    pages = [m for m in members if m in docs and docs[m].outlet and source_id(canonical(docs[m].outlet)) == node]
    if not pages:
        return None
    return min(pages, key=lambda m: (m in up, docs[m].date if day_of(docs[m].date) else "9999", m))


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
    # A member whose own chosen parent is a member not held yet waits: hung in, that parent brings it
    # along, so a reprint stays under the page it copied, not under the first held node it shares
    # text with. What is still out when nothing else can be hung is then hung by its best link.
    waiting: list[int] = []
    late = False
    while heap or waiting:
        if not heap:
            heap, waiting, late = waiting, [], True
            heapq.heapify(heap)
        k = heapq.heappop(heap)
        e = ranked[k]
        if e.source in held and e.copy not in held and e.copy in members:
            child, above = e.copy, e.source
        elif e.kind == "undetermined" and e.copy in held and e.source not in held and e.source in members:
            child, above = e.source, e.copy
        else:
            continue  # both ends held by now: it never hangs anything
        if not late and up.get(child) in members and up[child] not in held:
            waiting.append(k)
            continue
        if child in up:
            children[up[child]].remove(child)
        up[child], edges[child] = above, e
        children.setdefault(above, []).append(child)
        hold(child)
    return up, edges, len(members & held)
