"""A small union-find (disjoint sets) over hashable items, for families and work chunks.

Items join lazily on first use; the representative of a set is its
smallest item, so results never depend on the order of unions.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Disjoint sets with path halving; ``find`` of an unseen item makes it a singleton."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self.parent: dict = {item: item for item in items}

    def find(self, item):
        """The representative (smallest member) of ``item``'s set."""
        parent = self.parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a, b) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
