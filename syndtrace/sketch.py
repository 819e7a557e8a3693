"""Sketch stage: MinHash signatures, bit-identical to datasketch's.

Why not call ``datasketch.MinHash`` directly: ``import datasketch`` pulls in
scipy through its LSH module and costs about a second, twice the whole
budget of ``syndtrace compare``; and its ``update_batch`` hashes one Python
object at a time, where a corpus scan hashes tens of millions of shingles.
So this module reproduces datasketch 2.x's ``affine32`` scheme exactly
(same ``RandomState(seed)`` draws for the permutations, the same MurmurHash3
32-bit pre-mix, ``a * h + b mod 2**32``) over numpy arrays. The test suite
checks every signature against ``datasketch.MinHash(seed=..., hashfunc=...)``
fed the same shingles, and ``make bench`` measures the difference.

Inputs are 32-bit shingle hashes (``shingle.to32``): datasketch's affine32
scheme takes a 32-bit input hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from syndtrace.model import PairStats

_U32 = np.uint32
_FMIX32 = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
MAX_HASH = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters ``(a, b)`` for ``(num_perm, seed)``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser over a uint32 array (datasketch's pre-mix)."""
    s1, m1, s2, m2, s3 = _FMIX32
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def signature(hashes32: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """The MinHash signature (uint32[num_perm]) of a set of 32-bit hashes.

    Equals ``datasketch.MinHash(num_perm, seed, hashfunc=identity).update_batch(...)``
    ``.hashvalues``; an empty set gives all ``2**32 - 1`` as datasketch does.
    """
    a, b = permutations(num_perm, seed)
    if len(hashes32) == 0:
        return np.full(num_perm, MAX_HASH, dtype=np.uint32)
    # No de-duplication: a repeated hash cannot change a minimum.
    hv = fmix32(hashes32.astype(np.uint32, copy=False))
    out = np.full(num_perm, MAX_HASH, dtype=np.uint32)
    # Chunked so a long document never materialises a huge (num_perm, n) matrix. One row a
    # permutation, added to in place and reduced along its rows: five times faster than
    # ``(h[:, None] * a + b).min(axis=0)`` (77 against 431 us for 700 shingles).
    for i in range(0, len(hv), 4096):
        values = np.multiply.outer(a, hv[i : i + 4096])
        values += b[:, None]
        np.minimum(out, values.min(axis=1), out=out)
    return out


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for a 1-d array, by sorting: numpy 2's hash-based unique is
    six times slower on the few hundred values of one document (83 against 14 us)."""
    values = np.sort(values)
    if len(values) > 1:
        keep = np.empty(len(values), dtype=bool)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        values = values[keep]
    return values


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """datasketch's estimator: the share of equal signature slots."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


@dataclass(frozen=True, slots=True)
class ShingleSet:
    """A document's distinct shingles: 64-bit for exact values, signature for estimates."""

    doc_id: str
    hashes: np.ndarray  # sorted unique uint64
    signature: np.ndarray  # uint32[num_perm]
    # sorted unique uint64: shingles wholly inside publisher boilerplate (not in ``hashes``)
    furniture: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint64))


def shingle_set(
    doc_id: str, shingles: np.ndarray, num_perm: int, seed: int, furniture: np.ndarray | None = None
) -> ShingleSet:
    """Build a ``ShingleSet`` from a document's 64-bit shingle hashes (and those of its boilerplate)."""
    from syndtrace.shingle import to32

    unique = sorted_unique(shingles)
    extra = sorted_unique(furniture) if furniture is not None and len(furniture) else np.empty(0, np.uint64)
    return ShingleSet(doc_id, unique, signature(to32(unique), num_perm, seed), extra)


def pair_stats(a: ShingleSet, b: ShingleSet) -> PairStats:
    """Exact Jaccard and containments beside their MinHash estimates.

    Containment from MinHash uses the sizes: ``C(A in B) = J * (|A| + |B|) /
    ((1 + J) * |A|)``, since ``|A ∩ B| = J * |A ∪ B|`` and ``|A ∪ B| = (|A| + |B|) / (1 + J)``.
    """
    na, nb = len(a.hashes), len(b.hashes)
    inter = len(np.intersect1d(a.hashes, b.hashes, assume_unique=True))
    union = na + nb - inter
    jac = inter / union if union else 0.0
    est = estimate_jaccard(a.signature, b.signature)
    est_inter = est * (na + nb) / (1 + est) if (na + nb) else 0.0

    def ratio(x: float, n: int) -> float:
        return min(1.0, x / n) if n else 0.0

    return PairStats(
        a=a.doc_id,
        b=b.doc_id,
        shingles_a=na,
        shingles_b=nb,
        jaccard=jac,
        jaccard_estimate=est,
        containment_a_in_b=ratio(inter, na),
        containment_a_in_b_estimate=ratio(est_inter, na),
        containment_b_in_a=ratio(inter, nb),
        containment_b_in_a_estimate=ratio(est_inter, nb),
        boilerplate_shingles=(
            len(np.intersect1d(a.furniture, b.furniture, assume_unique=True)) if len(a.furniture) and len(b.furniture) else 0
        ),
    )
