"""Candidate pairs dealt to worker processes, in an order that keeps few documents in memory.

A worker analyses a document once (tokens, sketch, attribution context) and
keeps it until the document's last pair in its chunk. So:

* pairs are chunked by connected component of the candidate graph, so a
  document is analysed by one worker only; but a component holding more
  than a worker's share of the pairs (stories reprinted a thousand times,
  tied by their compilations) is cut into as few pieces as keep each within
  that share, along the order below, so that every worker has work to the
  end. A document whose pairs fall in two pieces is analysed twice: cut
  into pieces of a chunk's share (16 a worker), the 3,453 pages of a dense
  wire corpus, one component, were analysed 2.56 times each on 2 workers;
  cut into two, 1.09 times;
* within a chunk, pairs are ordered by a Cuthill-McKee numbering of their
  documents (breadth first from the least connected document, neighbours
  by degree), pair by pair in order of its later-numbered document. A
  document's pairs then lie close together and it is let go soon after
  first use. In candidate order (by document index) the 3,000-document
  component of a 30k-article corpus kept 1,617 documents in play at once;
  in this order, 182.

The order affects memory only: results are put back in candidate order.
"""

from __future__ import annotations

from collections import deque

from syndtrace.unionfind import UnionFind

Pair = tuple[int, int]

PIECE_PAIRS = 20_000  # the most pairs of one component a piece holds, unless a chunk's share is more


def component_chunks(pairs: list[Pair], buckets: int, workers: int | None = None) -> list[list[Pair]]:
    """Pairs grouped by connected component, components dealt to ``buckets`` chunks (largest first).

    A component larger than a worker's share (``len(pairs) / workers``;
    ``workers`` defaults to ``buckets``), or than ``PIECE_PAIRS`` if that is
    less (but never less than a chunk's share, ``len(pairs) / buckets``), is
    cut into as few equal pieces as keep each within it, each dealt as a
    component would be: the fewer the pieces, the fewer documents analysed
    twice. Each chunk lists its pairs in ``locality_order``; the chunk
    holding the largest piece comes first, for the first worker to take.
    """
    uf = UnionFind()
    for i, j in pairs:
        uf.union(i, j)
    components: dict[int, list[Pair]] = {}
    for pair in pairs:
        components.setdefault(uf.find(pair[0]), []).append(pair)
    buckets = max(1, buckets)
    # Not above PIECE_PAIRS, though: a worker sends a chunk's passages back at its end, and the
    # parent takes them in at once; a worker's share of a large corpus would hold too many.
    share = max(1, -(-len(pairs) // buckets), min(-(-len(pairs) // max(1, workers or buckets)), PIECE_PAIRS))
    pieces: list[list[Pair]] = []
    for comp in components.values():
        ordered = locality_order(comp)
        count = -(-len(ordered) // share)
        size = -(-len(ordered) // count)
        pieces.extend(ordered[at : at + size] for at in range(0, len(ordered), size))
    chunks: list[list[Pair]] = [[] for _ in range(buckets)]
    for piece in sorted(pieces, key=lambda c: (-len(c), c[0])):
        min(chunks, key=len).extend(piece)
    return [c for c in chunks if c]


def locality_order(pairs: list[Pair]) -> list[Pair]:
    """``pairs`` reordered so that each document's pairs lie close together (see the module docstring)."""
    neighbours: dict[int, list[int]] = {}
    for i, j in pairs:
        neighbours.setdefault(i, []).append(j)
        neighbours.setdefault(j, []).append(i)
    degree = {doc: len(near) for doc, near in neighbours.items()}

    def by_degree(doc: int) -> tuple[int, int]:
        return degree[doc], doc

    number: dict[int, int] = {}
    for start in sorted(neighbours, key=by_degree):
        if start in number:
            continue
        number[start] = len(number)
        queue = deque([start])
        while queue:
            for doc in sorted(neighbours[queue.popleft()], key=by_degree):
                if doc not in number:
                    number[doc] = len(number)
                    queue.append(doc)
    return sorted(pairs, key=lambda p: (max(number[p[0]], number[p[1]]), min(number[p[0]], number[p[1]])))
