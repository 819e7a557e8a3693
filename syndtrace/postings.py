"""Every document's fingerprints in sorted arrays: how many two documents share, for millions of pairs at once.

The story index (``syndtrace.storyindex``) asks it of the copies of stories
found more often than the cap; numpy throughout, no Python loop per pair.
"""

from __future__ import annotations

import numpy as np


class DocPostings:
    """Every document's fingerprints (sorted), to count what two documents share.

    Fingerprints are replaced by their rank among all of them (the same
    order), so that a (pair, fingerprint) key fits one int64 and the counts
    of many pairs come from one sorted search.
    """

    def __init__(self, hashes: np.ndarray, docs: np.ndarray, n_docs: int) -> None:
        if len(docs) > 1:
            same = docs[1:] == docs[:-1]
            if not (np.all(docs[1:] >= docs[:-1]) and np.all(hashes[1:][same] > hashes[:-1][same])):
                order = np.lexsort((hashes, docs))
                hashes, docs = hashes[order], docs[order]
        self.ranks = np.unique(hashes, return_inverse=True)[1].astype(np.int64).reshape(-1)
        self.width = int(self.ranks.max()) + 1 if len(self.ranks) else 1
        self.bounds = np.searchsorted(docs, np.arange(n_docs + 1))

    def shared_many(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """How many fingerprints documents ``xs[k]`` and ``ys[k]`` both hold, for every ``k``, a few million at a time."""
        out = np.zeros(len(xs), np.int64)
        sizes = self.bounds[xs + 1] - self.bounds[xs] + self.bounds[ys + 1] - self.bounds[ys]
        ends = np.cumsum(sizes)
        at = 0
        while at < len(xs):
            stop = max(at + 1, int(np.searchsorted(ends, ends[at] - sizes[at] + _SHARED_BATCH, side="right")))
            out[at:stop] = self._shared_batch(xs[at:stop], ys[at:stop])
            at = stop
        return out

    def _shared_batch(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        keys_x = self._keys(xs)
        keys_y = self._keys(ys)
        if not len(keys_x) or not len(keys_y):
            return np.zeros(len(xs), np.int64)
        # Both key lists are sorted (by pair, then fingerprint rank): a key of y found in x's is shared.
        at = np.minimum(np.searchsorted(keys_x, keys_y), len(keys_x) - 1)
        hit = keys_y[keys_x[at] == keys_y]
        return np.bincount(hit // self.width, minlength=len(xs))

    def _keys(self, docs: np.ndarray) -> np.ndarray:
        """``pair * width + rank`` of every fingerprint of ``docs[pair]``, pair by pair."""
        starts, stops = self.bounds[docs], self.bounds[docs + 1]
        lengths = stops - starts
        pair = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        return pair * self.width + self.ranks[runs(starts, lengths)]


def runs(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``starts[k], starts[k] + 1, ..., starts[k] + lengths[k] - 1`` for every ``k`` in turn, as one int64 array."""
    lengths = np.asarray(lengths, np.int64)
    within = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(np.asarray(starts, np.int64), lengths) + within


_SHARED_BATCH = 4_000_000  # fingerprints looked up at once by ``shared_many``
