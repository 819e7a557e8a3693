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

Folding loses distinctions ("clock" and "dock" fold alike), which a
five-word shingle or a run of aligned words makes harmless.
"""

from __future__ import annotations

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
