"""A scan's pair statistics kept as numpy columns: ``PairStats`` objects are made only when read.

A scan compares about one pair per article and holds every pair's
statistics (sizes, exact and estimated Jaccard and containments, shared
furniture) until the JSON is written: as ``PairStats`` objects, with their
floats and counts, about 330 bytes a pair (32 MB at 100k articles, 300 MB at
a million). Here a pair is 2 document indexes, 6 floats and 3 counts in
arrays, 88 bytes. Workers send their chunk's rows as arrays, so the parent
never holds the objects; the JSON writer and the verdicts read them back
one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from syndtrace.model import PairStats
from syndtrace.sequences import TupleLike

FLOATS = (
    "jaccard", "jaccard_estimate", "containment_a_in_b", "containment_a_in_b_estimate",
    "containment_b_in_a", "containment_b_in_a_estimate",
)  # fmt: skip
COUNTS = ("shingles_a", "shingles_b", "boilerplate_shingles")


def stats_rows(stats: Sequence[PairStats]) -> tuple[np.ndarray, np.ndarray]:
    """The numbers of ``stats``: ``(floats, counts)``, one row each, columns in ``FLOATS`` and ``COUNTS`` order."""
    floats = np.array([[getattr(s, name) for name in FLOATS] for s in stats], np.float64).reshape(-1, len(FLOATS))
    counts = np.array([[getattr(s, name) for name in COUNTS] for s in stats], np.int64).reshape(-1, len(COUNTS))
    return floats, counts


class PackedPairStats(TupleLike):
    """Pairs' statistics as a read-only sequence of ``PairStats``, built from rows on reading.

    Pair ``k`` is of documents ``ids[ends[k, 0]]`` (side ``a``) and
    ``ids[ends[k, 1]]``. It equals the tuple of the ``PairStats`` it holds.
    """

    __slots__ = ("_ids", "_ends", "_floats", "_counts")

    def __init__(self, ids: Sequence[str], ends: np.ndarray, floats: np.ndarray, counts: np.ndarray) -> None:
        if not len(ends) == len(floats) == len(counts):
            raise ValueError(f"pair rows disagree: {len(ends)} pairs, {len(floats)} float rows, {len(counts)} count rows")
        self._ids = ids
        self._ends = np.asarray(ends, np.int64).reshape(-1, 2)
        self._floats = floats
        self._counts = counts

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return tuple(self._make(i) for i in range(*k.indices(len(self))))
        if not -len(self) <= k < len(self):
            raise IndexError("pair index out of range")
        return self._make(k % len(self) if len(self) else k)

    def __iter__(self) -> Iterator[PairStats]:
        return (self._make(k) for k in range(len(self)))

    def _make(self, k: int) -> PairStats:
        a, b = self._ends[k].tolist()
        floats = dict(zip(FLOATS, self._floats[k].tolist()))
        counts = dict(zip(COUNTS, self._counts[k].tolist()))
        return PairStats(self._ids[a], self._ids[b], **counts, **floats)

    def __repr__(self) -> str:
        return f"PackedPairStats({len(self)} pairs)"
