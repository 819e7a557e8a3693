"""Fast fingerprints for corpus scans: sampled shingle hashes over byte batches.

``scan`` must fingerprint ~100k articles a second per core, far beyond a
regex per word. So this works on many documents at once as one UTF-8 byte
array, with numpy only:

* a byte is a word byte if it is an ASCII letter or digit or part of a
  non-ASCII character, except the UTF-8 encodings of general punctuation
  (U+2010-U+205E: dashes, curly quotes, ellipsis), NBSP, « and »;
* ASCII is lower-cased by table lookup;
* word hashes and k-word shingle hashes come from prefix sums (as in
  ``syndtrace.shingle``), shingles never straddle two documents;
* fingerprints are chosen by winnowing (see ``batch_fingerprints``), which
  guarantees a common fingerprint for every shared run of
  ``window + k - 1`` words.

A text holding a character the byte path gets wrong (from U+0300 on, but
punctuation and symbols: ``_needs_tokenizer``) takes the exact tokenizer's
words instead (``exact_word_hashes``:
NFKC, combining marks, scripts written without spaces cut into characters),
cut at apostrophes as the byte path cuts them, so an ASCII word hashes the
same on both paths and a copy is a candidate whichever path each side takes.
Latin-1 and Latin Extended letters stay on the byte path (as before: not
lower-cased, marks kept), which keeps the scan's hot path fast.
"""

from __future__ import annotations

import numpy as np

from syndtrace.ocr import fold_bytes
from syndtrace.shingle import P, fmix64_np, powers, shingle_hashes, word_hashes

# bytes.translate table: word bytes to themselves (ASCII lower-cased), everything else to 0.
_TABLE = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (chr(c).isalnum() and c < 128) or c >= 128 else 0 for c in range(256)
)
def word_bytes(buf: bytes) -> np.ndarray:
    """The batch as uint8 with every non-word byte zeroed and ASCII lower-cased."""
    arr = np.frombuffer(buf.translate(_TABLE), dtype=np.uint8).copy()
    n = len(arr)
    if n >= 3:
        # E2 80 90..BF and E2 81 80..9E: general punctuation, three bytes each.
        lead = np.flatnonzero(arr[: n - 2] == 0xE2)
        if len(lead):
            b1, b2 = arr[lead + 1], arr[lead + 2]
            punct = lead[((b1 == 0x80) & (b2 >= 0x90)) | ((b1 == 0x81) & (b2 <= 0x9E))]
            arr[punct] = arr[punct + 1] = arr[punct + 2] = 0
    if n >= 2:
        lead = np.flatnonzero(arr[: n - 1] == 0xC2)
        if len(lead):
            b1 = arr[lead + 1]
            sp = lead[(b1 == 0xA0) | (b1 == 0xAB) | (b1 == 0xBB)]
            arr[sp] = arr[sp + 1] = 0
    return arr


def batch_tokens(texts: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Word hashes of a batch of UTF-8 texts, and the index of the text each word is in.

    A word's hash is ``fmix64(sum(b[i] * P**i) ^ len)`` over its lower-cased
    bytes, as ``shingle.word_hash`` defines it for ASCII words. Separator bytes
    are zero, so a ``reduceat`` from each word's start sums exactly its bytes.
    Texts with non-ASCII words are hashed by the exact tokenizer instead.
    """
    if not texts:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    arr = word_bytes(b"\0".join(texts))
    if not len(arr):
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    special = _needs_tokenizer(arr)
    if not len(special):
        return _byte_tokens(arr, texts)
    bounds = np.cumsum([len(t) + 1 for t in texts])
    exact = np.unique(np.searchsorted(bounds, special, side="right")).tolist()
    for t in exact:  # off the byte path: no word of theirs is found there
        arr[bounds[t] - len(texts[t]) - 1 : bounds[t] - 1] = 0
    hashes, owner = _byte_tokens(arr, texts)
    parts_h, parts_o = [hashes], [owner]
    for t in exact:
        h = exact_word_hashes(texts[t].decode("utf-8", "surrogateescape"))
        parts_h.append(h)
        parts_o.append(np.full(len(h), t, dtype=np.int64))
    hashes, owner = np.concatenate(parts_h), np.concatenate(parts_o)
    order = np.argsort(owner, kind="stable")
    return hashes[order], owner[order]


def _needs_tokenizer(arr: np.ndarray) -> np.ndarray:
    """Positions of the word bytes that start a character the byte path gets wrong.

    Those are the characters from U+0300 on (lead bytes from 0xCC; a
    continuation byte is below 0xC0): combining marks, Greek, Cyrillic,
    Arabic, Indic, Han, Kana, Thai, presentation forms, full-width forms,
    except U+2000-U+2E7F (punctuation, currency, symbols: lead byte 0xE2
    and a second byte below 0xBA), plus the long s (U+017F) that NFKC makes
    an "s". Latin-1 and Latin Extended letters (U+0080-U+02FF) stay on the
    byte path, as texts with "é", "£" or "©" are common and need no more.
    """
    lead = np.flatnonzero(arr >= 0xCC)
    if len(lead):
        second = arr[np.minimum(lead + 1, len(arr) - 1)]
        lead = lead[(arr[lead] != 0xE2) | (second >= 0xBA)]
    long_s = np.flatnonzero((arr[:-1] == 0xC5) & (arr[1:] == 0xBF))
    return np.union1d(lead, long_s) if len(long_s) else lead


def exact_word_hashes(text: str) -> np.ndarray:
    """The word hashes of ``text`` (a document's body) by the tokenizer's words, split as the byte path splits.

    The words are ``normalize.words_of_text``'s (NFKC, marks, characters of
    scripts without spaces); a word holding an apostrophe is cut there into
    its parts, as the byte path cuts it, so that an ASCII word gets the same
    hash whichever path its text takes ("company's" is "company", "s" in both).
    """
    from syndtrace.normalize import words_of_text

    starts, ends, lowered, special, hashes = words_of_text(text)
    if "'" not in text and "’" not in text:
        return hashes
    words = [special.get(k) or lowered[s:e] for k, (s, e) in enumerate(zip(starts.tolist(), ends.tolist()))]
    return word_hashes([part for w in words for part in w.replace("’", "'").split("'") if part])


def _byte_tokens(arr: np.ndarray, texts: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """``batch_tokens`` over the masked bytes ``arr`` of the joined ``texts``."""
    mask = arr != 0
    change = np.flatnonzero(mask[1:] != mask[:-1]) + 1
    if mask[0]:
        change = np.concatenate(([0], change))
    if mask[-1]:
        change = np.concatenate((change, [len(arr)]))
    starts, ends = change[0::2], change[1::2]
    if not len(starts):
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    p_pow, p_inv = powers(P, len(arr) + 1)
    with np.errstate(over="ignore"):
        weighted = arr.astype(np.uint64) * p_pow[: len(arr)]
        raw = np.add.reduceat(weighted, starts, dtype=np.uint64) * p_inv[starts]
        hashes = fmix64_np(raw ^ (ends - starts).astype(np.uint64))
    bounds = np.cumsum([len(t) + 1 for t in texts])
    owner = np.searchsorted(bounds, starts, side="right")
    return hashes, owner


def member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which ``values`` are in ``sorted_set`` (sorted, unique): a binary search each.

    Unlike ``np.isin``, the set is not re-sorted on every call, which matters
    when one corpus-wide set is tested against every passage or document.
    """
    if not len(sorted_set) or not len(values):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


def sliding(values: np.ndarray, window: int, op) -> np.ndarray:
    """``op`` (np.minimum or np.maximum) over every ``window`` consecutive values, by doubling.

    ``len(values) - window + 1`` results, in O(n log window) vectorised steps.
    """
    out, span = values, 1
    while span * 2 <= window:
        out = op(out[:-span], out[span:])
        span *= 2
    if span < window:  # cover the remainder with an overlapping second block
        out = op(out[: len(values) - window + 1], out[window - span : window - span + len(values) - window + 1])
    return out[: len(values) - window + 1]


def winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    """Positions holding the minimum of some ``window`` consecutive hashes (ties all kept).

    Position i is such a minimum iff the largest of the minima of the windows
    covering it equals ``hashes[i]`` (each of those minima is <= ``hashes[i]``).
    A sequence shorter than one window yields its minimum.
    """
    if len(hashes) < window:
        return np.flatnonzero(hashes == hashes.min()) if len(hashes) else np.empty(0, np.int64)
    mins = sliding(hashes, window, np.minimum)
    pad = np.zeros(window - 1, np.uint64)  # 0 never wins a max: out-of-range windows drop out
    cover = sliding(np.concatenate((pad, mins, pad)), window, np.maximum)
    return np.flatnonzero(cover == hashes)


def batch_fingerprints(texts: list[bytes], k: int, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Winnowed k-word shingle hashes of a batch: ``(hashes, text_index)``, unique per text.

    Winnowing (Schleimer, Wilkerson and Aiken, 2003) keeps the smallest hash
    of every ``window`` consecutive shingles, so any run of ``window + k - 1``
    words two texts share yields at least one common fingerprint: recall is
    guaranteed for shared passages of that length, whatever the sample.
    """
    words, owner = batch_tokens(texts)
    sh = shingle_hashes(words, k)
    n = len(sh)
    if not n:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    # A shingle straddling two texts must never win a window; texts with fewer shingles than
    # a window still get their minimum.
    return _winnowed_unique(sh, owner[:n], owner[:n] == owner[k - 1 :], window)


# --ocr: character anchors. OCR runs words together, splits them and changes a letter every
# few words, so a shingle of whole words rarely survives on both sides; 12 letters in a row
# often do. Measured on the generator at 5% of characters changed (bench/ocr_curve.py), these
# keep 99% of copied pairs among the candidates, where folded 5-word shingles keep 74%.
OCR_GRAM = 12  # letters and digits per anchor (white space and punctuation left out)
OCR_WINDOW = 16  # winnowing window, in anchors: every shared run of 27 letters yields one
OCR_MIN_SHARED = 6  # anchors a candidate pair must share (a 12-letter run is no passage)


def batch_char_fingerprints(texts: list[bytes], n: int = OCR_GRAM, window: int = OCR_WINDOW) -> tuple[np.ndarray, np.ndarray]:
    """Winnowed anchors of ``n`` word bytes of the texts' OCR-folded forms: ``(hashes, text_index)``, unique per text.

    Word bytes are ``word_bytes``'s (ASCII letters and digits, every byte of
    other characters but general punctuation), folded by ``ocr.fold_bytes``;
    an anchor hashes ``n`` consecutive ones, whatever lay between them.
    """
    if not texts:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    folded = [fold_bytes(t) for t in texts]
    arr = word_bytes(b"\0".join(folded))
    bounds = np.cumsum([len(t) + 1 for t in folded])
    kept = np.flatnonzero(arr)
    arr, owner = arr[kept], np.searchsorted(bounds, kept, side="right")
    m = len(arr) - n + 1
    if m <= 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    p_pow, p_inv = powers(P, len(arr) + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(arr) + 1, np.uint64)
        np.cumsum(arr.astype(np.uint64) * p_pow[: len(arr)], dtype=np.uint64, out=prefix[1:])
        grams = fmix64_np((prefix[n:] - prefix[:m]) * p_inv[:m])
    return _winnowed_unique(grams, owner[:m], owner[:m] == owner[n - 1 :], window)


def _winnowed_unique(sh: np.ndarray, sh_owner: np.ndarray, valid: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Winnow ``sh`` (``valid``: not straddling two texts), keep each text's minimum, unique per text."""
    n = len(sh)
    sh = np.where(valid, sh, np.uint64(0xFFFFFFFFFFFFFFFF))
    picked = winnow(sh, window) if n >= window else np.empty(0, dtype=np.int64)
    counts = np.bincount(sh_owner[valid], minlength=int(sh_owner[-1]) + 1)
    short = np.flatnonzero((counts > 0) & ((counts < window) | (n < window)))
    if len(short):
        extra = []
        for t in short.tolist():
            mine = np.flatnonzero(valid & (sh_owner == t))
            extra.append(mine[np.argmin(sh[mine])])
        picked = np.union1d(picked, np.asarray(extra, dtype=np.int64))
    picked = picked[valid[picked]]
    hashes, docs = sh[picked], sh_owner[picked]
    order = np.lexsort((hashes, docs))
    hashes, docs = hashes[order], docs[order]
    if len(hashes):
        first = np.ones(len(hashes), dtype=bool)
        first[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
        hashes, docs = hashes[first], docs[first]
    return hashes, docs
