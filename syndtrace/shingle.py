"""Shingle stage: stable 64-bit hashes of words and of k-word shingles.

Hashes never use Python's builtin ``hash()`` (salted per process), so runs
and worker processes agree. Definitions (all arithmetic mod 2**64):

* word hash: ``fmix64(sum(b[i] * P**i) ^ len(b))`` over the word's UTF-8 bytes;
* shingle hash of words ``t[0..k)``: ``fmix64(sum(t[j] * Q**j))``.

``word_hash``/``shingle_hash`` are the plain-Python reference definitions;
``shingle_hashes`` computes every shingle of a document at once with numpy
prefix sums, and the tests check the two agree bit for bit.
"""

from __future__ import annotations

import numpy as np

MASK64 = (1 << 64) - 1
P = 0x100000001B3  # FNV prime: odd, so invertible mod 2**64
Q = 0x9E3779B97F4A7C15  # golden-ratio constant: odd
_M1, _M2 = 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53

_word_cache: dict[str, int] = {}


def fmix64(h: int) -> int:
    """MurmurHash3's 64-bit finaliser (an avalanching bijection) on a Python int."""
    h ^= h >> 33
    h = (h * _M1) & MASK64
    h ^= h >> 33
    h = (h * _M2) & MASK64
    return h ^ (h >> 33)


def fmix64_np(h: np.ndarray) -> np.ndarray:
    """``fmix64`` over a uint64 array (multiplication wraps, as intended)."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(_M1)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(_M2)
    return h ^ (h >> np.uint64(33))


def word_hash(word: str) -> int:
    """Stable 64-bit hash of one (already normalised) word."""
    data = word.encode("utf-8")
    acc, power = 0, 1
    for byte in data:
        acc = (acc + byte * power) & MASK64
        power = (power * P) & MASK64
    return fmix64(acc ^ len(data))


def shingle_hash(token_hashes) -> int:
    """Reference: stable 64-bit hash of one shingle given its words' hashes."""
    acc, power = 0, 1
    for t in token_hashes:
        acc = (acc + int(t) * power) & MASK64
        power = (power * Q) & MASK64
    return fmix64(acc)


def word_hashes(words) -> np.ndarray:
    """uint64 hashes of ``words`` (cached per distinct word: news reuses its vocabulary)."""
    cache = _word_cache
    if len(cache) > 2_000_000:  # bound memory on very large vocabularies
        cache.clear()
    out = np.empty(len(words), dtype=np.uint64)
    for i, w in enumerate(words):
        h = cache.get(w)
        if h is None:
            h = cache[w] = word_hash(w)
        out[i] = h
    return out


_POWERS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def powers(base: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``base**i`` and ``base**-i`` (mod 2**64) for i < n; ``base`` must be odd.

    Cached per base and grown by doubling, so every document and batch shares
    one table.
    """
    have = _POWERS.get(base)
    if have is None or len(have[0]) < n:
        size = 1 << max(10, (n - 1).bit_length())
        have = _POWERS[base] = (_powers(base, size), _powers(pow(base, -1, 1 << 64), size))
    return have[0][:n], have[1][:n]


def code_point_word_hashes(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``word_hash`` of each word ``cp[start:end]`` of lower-cased code points, by prefix sums.

    Exact for ASCII words (one byte per code point); callers rehash the others.
    """
    if not len(starts):
        return np.empty(0, np.uint64)
    n = len(cp)
    p_pow, p_inv = powers(P, n + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(cp.astype(np.uint64) * p_pow[:n], dtype=np.uint64, out=prefix[1:])
        raw = (prefix[ends] - prefix[starts]) * p_inv[starts]
    return fmix64_np(raw ^ (ends - starts).astype(np.uint64))


def _powers(base: int, n: int) -> np.ndarray:
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    arr = np.full(n, base, dtype=np.uint64)
    arr[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(arr, dtype=np.uint64)


def shingle_hashes(tokens: np.ndarray, k: int) -> np.ndarray:
    """Hashes of every run of ``k`` consecutive tokens (``len(tokens) - k + 1`` of them).

    Prefix sums ``S[i] = sum(t[j] * Q**j, j < i)`` give shingle ``i`` as
    ``(S[i+k] - S[i]) * Q**-i``, which equals the reference ``shingle_hash``.
    """
    n = len(tokens) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    q_pow, q_inv = powers(Q, len(tokens))
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(tokens) + 1, dtype=np.uint64)
        np.cumsum(tokens.astype(np.uint64) * q_pow, dtype=np.uint64, out=prefix[1:])
        raw = (prefix[k:] - prefix[:n]) * q_inv[:n]
    return fmix64_np(raw)


def to32(hashes: np.ndarray) -> np.ndarray:
    """The top 32 bits of 64-bit hashes: the input width of datasketch's affine32 MinHash."""
    return (hashes >> np.uint64(32)).astype(np.uint32)
