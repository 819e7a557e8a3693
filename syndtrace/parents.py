"""One parent per node: how candidate parent edges rank, and the trees they make.

Every node takes one parent: a source whose additions it carries, then
credited reprint, copy, undetermined, quoted; of one kind, the source it
shares the most words with, and of sources it is equally near, one that
copied none of the others; cycles are refused. ``syndtrace.trace`` builds
the run's forest with it, ``syndtrace.family`` each family's tree.
"""

from __future__ import annotations

from syndtrace.lineage import Edge, TreeNode

KIND_PRIORITY = {"credited-reprint": 0, "copy": 1, "version": 2, "quoted": 3, "undetermined": 4, "shared-quote": 5}
# As a parent, text shared with a document (even in an unknown direction) says more than a
# quotation of an outlet: a reprint hangs under the article it shares text with.
_PARENT_RANK = {"credited-reprint": 0, "copy": 1, "version": 1, "undetermined": 2, "quoted": 3, "shared-quote": 4}


def parent_order(edge: Edge) -> tuple:
    """How candidate parent edges rank: carried additions, a credit naming the source, kind, words, confidence, ids.

    A source whose additions the copy carries (``syndtrace.chains``) comes first:
    the copy took its text from it, even when it credits the original both
    descend from (a copy of a reprint keeps the reprint's credit line).
    Then, of sources of one kind, the one the copy shares the most words with:
    every republisher changes a few words, so a copy is nearest the text it
    was made from, and a sibling reprint dated earlier, whose edge may carry
    as much evidence as the original's, shares fewer. Confidence says how sure
    each pair's direction is, not which source is the parent; it breaks ties.
    """
    # Carried additions show the copy took its text from this source: they say so outright, or
    # show that one of the two copied the other and the pair's own evidence gave the direction.
    carried = any(
        ev.kind == "carried" and (ev.favours == edge.source or (ev.favours is None and edge.kind != "undetermined"))
        for ev in edge.evidence
    )
    # A copy that names this page's outlet in a credit line ("This story originally appeared on
    # the Carrington Globe") took its text from this page, whatever wire both credit as well.
    named = any(ev.kind == "credit" and ev.favours == edge.source and ev.weight >= 3 for ev in edge.evidence)
    return (not carried, not named, _PARENT_RANK[edge.kind], -edge.words, -edge.confidence, edge.source, edge.copy)


def build_tree(doc_ids: list[str], source_ids: list[str], edges: list[Edge]) -> tuple[TreeNode, ...]:
    """One parent per node (see ``parent_order``); cycles refused; roots sorted, sources first."""
    parent = choose_parents(edges)
    children = children_of({child: edge.source for child, edge in parent.items()})
    all_ids = sorted(set(source_ids) | set(doc_ids))
    roots = [n for n in all_ids if n not in parent and (n in children or not n.startswith("src:"))]
    return tuple(_grow(r, children, parent) for r in sorted(roots, key=lambda n: (not n.startswith("src:"), n)))


def rank_parents(edges: list[Edge]) -> list[Edge]:
    """``edges`` in the order nodes take their parents: ``parent_order``, with one tie-break.

    Of the sources a copy's credit lines name, one that took its text from
    another named one, and gave none of them theirs, comes first: the copy
    kept both credits, the wire's from the paper's page. Of a copy's sources
    tied on carried additions, kind and words (it holds the same text as
    each), those that copied none of the others come first: an excerpt of an
    original that two reprints left unedited is as near each reprint as the
    original, and the original is where they all came from.
    """
    feeds = {(e.source, e.copy) for e in edges if e.kind in ("copy", "credited-reprint", "version")}
    # Text another outlet's page took (one outlet's write-thrus updating each other take nothing).
    took = {(e.source, e.copy) for e in edges if e.kind in ("copy", "credited-reprint")}
    head = 4  # parent_order's carried, named, kind and words
    # Each copy's edges are looked at together (ties and credit lines are a copy's own): a copy
    # has a few sources, where a dict of ties over every edge held 40 MB at 100k articles.
    by_copy: dict[str, list[int]] = {}
    for i, e in enumerate(edges):
        by_copy.setdefault(e.copy, []).append(i)
    keys: list[tuple] = [()] * len(edges)
    for at in by_copy.values():
        orders = [parent_order(edges[i]) for i in at]
        tied: dict[tuple, list[str]] = {}
        for i, order in zip(at, orders):
            tied.setdefault(order[:head], []).append(edges[i].source)
        named = {edges[i].source for i, order in zip(at, orders) if not order[1]}  # the sources its credit lines name
        for i, order in zip(at, orders):
            source = edges[i].source
            copied = any((r, source) in feeds for r in tied[order[:head]] if r != source)
            # Of the sources a copy's credit lines name, one that itself took its text from another
            # named one, and gave none of them theirs, is nearest: a page printing a wire's dateline
            # and a paper's footer took the paper's page, which kept the wire's dateline. A wire's
            # later write-thru took nothing from its earlier one: of those, the words decide.
            others = named - {source} if not order[1] else set()
            nearer = any((r, source) in took for r in others) and not any((source, r) in took for r in others)
            keys[i] = (order[0], order[1], not nearer, *order[2:head], copied, *order[head:])
    return [edges[i] for i in sorted(range(len(edges)), key=keys.__getitem__)]


def choose_parents(edges: list[Edge]) -> dict[str, Edge]:
    """Each node's parent edge: the first by ``rank_parents``, unless it would close a cycle."""
    parent: dict[str, Edge] = {}
    up: dict[str, str] = {}
    for edge in rank_parents(edges):
        if edge.kind == "shared-quote" or edge.copy in parent or is_above(edge.copy, edge.source, up):
            continue  # (a node above its source would close a cycle)
        parent[edge.copy] = edge
        up[edge.copy] = edge.source
    return parent


def is_above(node: str, other: str, up: dict[str, str]) -> bool:
    """Whether ``node`` is ``other`` or one of its ancestors in ``up``: hanging ``node`` under ``other`` would close a cycle."""
    seen = set()
    while other not in seen:
        if other == node:
            return True
        seen.add(other)
        if other not in up:
            return False
        other = up[other]
    return False


def grow(root: str, up: dict[str, str], edge_of: dict[str, Edge]) -> TreeNode:
    """The tree under ``root``: ``up`` maps a node to its parent, ``edge_of`` to the edge that links them."""
    return _grow(root, children_of(up), edge_of)


def children_of(up: dict[str, str]) -> dict[str, list[str]]:
    """Each node's children, from ``up`` (node -> parent).

    Built once per forest, not per root: a run's tree has thousands of roots.
    """
    children: dict[str, list[str]] = {}
    for child, above in up.items():
        children.setdefault(above, []).append(child)
    return children


def _grow(root: str, children: dict[str, list[str]], edge_of: dict[str, Edge]) -> TreeNode:
    order = _order(edge_of)

    def node(nid: str) -> TreeNode:
        kids = tuple(node(c) for c in sorted(children.get(nid, []), key=order))
        return TreeNode(nid, kids, edge_of.get(nid))

    return node(root)


def _order(parent: dict[str, Edge]):
    return lambda nid: (KIND_PRIORITY[parent[nid].kind], -parent[nid].confidence, nid)
