"""OCR-forgiving word forms and word equality, for ``--ocr``.

OCR of old newspapers changes a character every few words, and mostly in
the same ways: "rn" read for "m", "cl" for "d", "c" for "e", "1" or "i"
for "l", "0" for "o", "5" for "s", "b" for "h", "u" for "n". Two tools:

* ``ocr_fold``: a word's *folded* form, which maps each such group to one
  spelling, so a word read either way folds to the same form. Alignment's
  seeds are taken on it, and scan's character anchors
  (``fingerprint.batch_char_fingerprints``) on ``fold_bytes``, the same fold
  over UTF-8 bytes; the tests hold the two equal on ASCII words.
* ``similar``: whether two words are one word read twice: equal folded, or
  (from four characters on) one edit apart, two from eight on, as
  rapidfuzz's Levenshtein distance counts them.

``grown_runs`` grows alignment's exact runs over such words (``align``
with ``--ocr``).

Folding loses distinctions ("clock" and "dock" fold alike), which a
five-word shingle or a run of aligned words makes harmless.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Levenshtein

# Digraphs first (read in the text as written, lower-cased), then single characters.
DIGRAPHS = (("rn", "m"), ("cl", "d"), ("vv", "w"))
SINGLE = {"c": "e", "0": "o", "1": "l", "i": "l", "j": "l", "5": "s", "b": "h", "u": "n"}
_STR_TABLE = str.maketrans(SINGLE)
_BYTE_TABLE = bytes.maketrans("".join(SINGLE).encode(), "".join(SINGLE.values()).encode())


def ocr_fold(word: str) -> str:
    """The OCR-forgiving form of a (lower-cased) word."""
    for a, b in DIGRAPHS:
        if a in word:
            word = word.replace(a, b)
    return word.translate(_STR_TABLE)


def fold_bytes(text: bytes) -> bytes:
    """``ocr_fold`` over UTF-8 text: ASCII lower-cased, digraphs and confusable letters folded.

    Equal to folding each ASCII word of the text with ``ocr_fold`` (bytes of
    other characters are left alone; a digraph never spans two words, since
    its letters are both word characters).
    """
    text = text.lower()
    for a, b in DIGRAPHS:
        text = text.replace(a.encode(), b.encode())
    return text.translate(_BYTE_TABLE)


def similar(x: str, y: str) -> bool:
    """Whether two normalised words are one word, the one misread by OCR."""
    if x == y:
        return True
    shorter = min(len(x), len(y))
    if shorter < 4:
        return ocr_fold(x) == ocr_fold(y)
    limit = 1 if max(len(x), len(y)) < 8 else 2
    return Levenshtein.distance(x, y, score_cutoff=limit) <= limit or ocr_fold(x) == ocr_fold(y)


def grown_runs(wa, wb, ma, mb, runs: tuple[np.ndarray, np.ndarray, np.ndarray]):
    """Each run ``(a0, b0, n)`` of two word sequences grown along its diagonal over words ``similar`` finds equal.

    ``wa``/``wb`` are the two sides' normalised words, ``ma``/``mb`` their
    masks (a run never grows over a masked, boilerplate word). Runs that come
    to overlap on a diagonal are joined. Returns ``(a0, b0, n)`` arrays
    ordered by diagonal, then ``a0``, as ``align.exact_runs`` gives them.
    """
    la, lb = len(wa), len(wb)
    grown: dict[int, list[tuple[int, int]]] = {}  # diagonal -> [(a0, a_end)]
    for a0, b0, n in zip(*(x.tolist() for x in runs)):
        end_a, end_b = a0 + n, b0 + n
        while a0 > 0 and b0 > 0 and not (ma[a0 - 1] or mb[b0 - 1]) and similar(wa[a0 - 1], wb[b0 - 1]):
            a0, b0 = a0 - 1, b0 - 1
        while end_a < la and end_b < lb and not (ma[end_a] or mb[end_b]) and similar(wa[end_a], wb[end_b]):
            end_a, end_b = end_a + 1, end_b + 1
        grown.setdefault(a0 - b0, []).append((a0, end_a))
    out_a, out_b, out_n = [], [], []
    for diag in sorted(grown):
        spans = sorted(grown[diag])
        start, end = spans[0]
        for s0, e0 in spans[1:] + [(None, None)]:
            if s0 is not None and s0 <= end:
                end = max(end, e0)
                continue
            out_a.append(start)
            out_b.append(start - diag)
            out_n.append(end - start)
            if s0 is not None:
                start, end = s0, e0
    return np.asarray(out_a, np.int64), np.asarray(out_b, np.int64), np.asarray(out_n, np.int64)
