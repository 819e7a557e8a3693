"""Unicode for matching: NFKC with a map back, character classes, scripts, matching forms.

* ``normal_text``: the text NFKC-normalised, with line-break hyphenation
  ("syndi-\\ncation") joined, and for every character of the result the
  ``[start, end)`` of the original characters it came from. Normalisation
  works per cluster (a character and the combining marks after it), so a
  decomposed "آ" (alef + U+0653) and a precomposed one give one character,
  and a presentation form ("ﻻ") its letters; a cluster's output characters
  all map back to the whole cluster.
* ``char_classes``: per code point, whether it is a word character, a
  combining mark, a joiner (ZWNJ, ZWJ) or in a script written without
  spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar).
* ``match_form``: how one word is compared: casefolded, combining marks,
  joiners and the Arabic tatweel dropped, digits of every script read as
  ASCII digits, the curly apostrophe straightened.
* ``mirrored_quotes``: whether a text writes its quotation marks mirrored
  (Urdu, Arabic, Persian: ”…“ and ’’…‘‘), from ``--language`` or from the
  script most of its letters are in.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

# Scripts written without spaces between words: each character (with its marks) is a token.
_SPACELESS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF), (0x19E0, 0x19FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035), (0x303B, 0x303C),  # ideographic marks, numerals
    (0x3040, 0x30FF), (0x31F0, 0x31FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),  # Han
    (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F),  # Myanmar extensions
    (0xFF66, 0xFF9F),  # half-width Katakana (NFKC makes them full width; kept for raw input)
    (0x1B000, 0x1B16F),  # Kana supplements
    (0x20000, 0x3134F),  # Han extensions
)  # fmt: skip
_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ARABIC_CHAR = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC) + "]")
JOINERS = ("\u200c", "\u200d")  # zero-width non-joiner and joiner: inside Persian and Urdu words
TATWEEL = "\u0640"  # Arabic elongation: typography, not spelling
# Languages that write quotation marks mirrored in logical order, and the codes --language takes.
MIRRORED_LANGUAGES = frozenset({"ar", "ur", "fa", "ps", "sd", "ug", "ckb"})
LANGUAGES = frozenset(
    "ar ur fa ps sd ug ckb hi bn pa gu mr ne ta te kn ml si zh ja ko th lo km my "
    "en fr de es it pt nl sv da no nb nn fi pl cs sk sl hr sr bs ru uk be bg mk ro hu el tr he id ms vi sw la".split()
)

# Line-break hyphenation: a letter, a hyphen at the end of a line, a lower-case letter on the next
# (not before a capital: "Anglo-\nSaxon" keeps its hyphen's words apart, as it should). The pattern
# starts at the hyphen, which the regex engine finds fast; the letter before it is checked after.
_HYPHEN_BREAK = re.compile(r"(?:-|\u00ad|\u2010)[ \t]*\r?\n[ \t]*(?=[^\W\d_A-Z\u00c0-\u00de])")


def _hyphen_breaks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line-break hyphenation in ``text`` (hyphen, break and indent)."""
    return [
        m.span() for m in _HYPHEN_BREAK.finditer(text)
        if m.start() and text[m.start() - 1].isalpha()
    ]  # fmt: skip


_CLASS_CACHE: dict[int, int] = {}
WORDCH, MARK, JOINER, SPACELESS = 1, 2, 4, 8


def _in(cp: int, ranges) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def char_class(cp: int) -> int:
    """Bit flags of one code point: ``WORDCH``, ``MARK``, ``JOINER``, ``SPACELESS`` (cached)."""
    flags = _CLASS_CACHE.get(cp)
    if flags is None:
        ch = chr(cp)
        flags = 0
        if ch.isalnum():
            flags |= WORDCH
        if unicodedata.category(ch).startswith("M"):
            flags |= MARK
        if ch in JOINERS:
            flags |= JOINER
        if _in(cp, _SPACELESS) and (flags & (WORDCH | MARK)):
            flags |= SPACELESS
        _CLASS_CACHE[cp] = flags
    return flags


def char_classes(cp: np.ndarray) -> np.ndarray:
    """``char_class`` of every code point of a uint32 array (asked once per distinct one), as uint8."""
    out = np.zeros(len(cp), dtype=np.uint8)
    if not len(cp):
        return out
    distinct, at = np.unique(cp, return_inverse=True)
    flags = np.array([char_class(c) for c in distinct.tolist()], dtype=np.uint8)
    return flags[at]


def _inert(ch: str) -> bool:
    """A character NFKC leaves alone whatever follows it: no mark, no compatibility mapping."""
    return unicodedata.combining(ch) == 0 and not unicodedata.category(ch).startswith("M") and (
        unicodedata.normalize("NFKC", ch) == ch
    )


_INERT: dict[str, bool] = {}


def normal_text(text: str) -> tuple[str, np.ndarray | None, np.ndarray | None]:
    """``(normalised, start, end)``: ``text`` NFKC'd with hyphenated line breaks joined.

    ``start[i]``/``end[i]`` are the ``[start, end)`` in ``text`` of the
    characters that became character ``i`` of ``normalised``; both are
    ``None`` when nothing changed (the usual case: the text is returned as
    is, so offsets are its own).
    """
    breaks = _hyphen_breaks(text) if "\n" in text else []
    if not breaks and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        return text, None, None
    # Spans of the original to replace: hyphenated breaks (by nothing) and clusters NFKC changes.
    edits: list[tuple[int, int, str]] = [(s, e, "") for s, e in breaks]
    if not unicodedata.is_normalized("NFKC", text):
        edits += _clusters(text)
        edits.sort()
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0
    for s, e, rep in _merge(edits):
        if s > pos:
            pieces.append(text[pos:s])
            r = np.arange(pos, s, dtype=np.int64)
            starts.append(r)
            ends.append(r + 1)
        if rep:
            pieces.append(rep)
            starts.append(np.full(len(rep), s, dtype=np.int64))
            ends.append(np.full(len(rep), e, dtype=np.int64))
        pos = e
    if pos < len(text):
        pieces.append(text[pos:])
        r = np.arange(pos, len(text), dtype=np.int64)
        starts.append(r)
        ends.append(r + 1)
    if not starts:
        return "", np.zeros(0, np.int64), np.zeros(0, np.int64)
    return "".join(pieces), np.concatenate(starts), np.concatenate(ends)


def _clusters(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, NFKC)`` of every cluster (a base character and its marks) that NFKC changes.

    Only the characters NFKC may change are visited (found with numpy): a
    long text with a handful of them costs little more than the check.
    """
    inert = _INERT
    for ch in set(text):
        if ch not in inert:
            inert[ch] = _inert(ch)
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    distinct, at = np.unique(cp, return_inverse=True)
    active = np.array([not inert[chr(c)] for c in distinct.tolist()], dtype=bool)[at]
    found: list[tuple[int, int, str]] = []
    n = len(text)
    for i in np.flatnonzero(active).tolist():
        if found and i < found[-1][1]:
            continue  # inside the previous cluster
        start = i
        while start > 0 and unicodedata.category(text[start]).startswith("M"):
            start -= 1  # back to the base character the marks sit on
        end = i + 1
        while end < n and unicodedata.category(text[end]).startswith("M"):
            end += 1
        if found and start < found[-1][1]:
            start = found.pop()[0]
        found.append((start, end, unicodedata.normalize("NFKC", text[start:end])))
    return found


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted edits with overlapping ones (a hyphen break inside a cluster) joined, the later text kept in order."""
    out: list[tuple[int, int, str]] = []
    for s, e, rep in edits:
        if out and s < out[-1][1]:
            ps, pe, prep = out[-1]
            out[-1] = (ps, max(pe, e), prep + rep)
        else:
            out.append((s, e, rep))
    return out


def match_form(word: str) -> str:
    """How an NFKC-normalised word is compared: casefolded, marks and joiners dropped, digits ASCII."""
    word = word.casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    out = []
    for ch in decomposed:
        if ch in JOINERS or unicodedata.category(ch) == "Mn" or ch == TATWEEL:
            continue
        if ch == "’":
            out.append("'")
            continue
        digit = unicodedata.decimal(ch, None)
        out.append(str(digit) if digit is not None else ch)
    # Recomposed, so that a word that keeps its marks (Mc) has one spelling.
    return unicodedata.normalize("NFC", "".join(out)) or word


def mirrored_quotes(text: str, language: str = "") -> bool:
    """Whether ``text`` writes quotation marks mirrored (”…“, ’’…‘‘): Urdu, Arabic, Persian.

    ``language`` (``--language``) decides when given; otherwise the script of
    most of the text's letters does (Arabic script: mirrored).
    """
    if language:
        return language in MIRRORED_LANGUAGES
    if text.isascii() or not _ARABIC_CHAR.search(text):
        return False
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    high = cp[cp >= 0x0600]
    arabic = sum(int(np.count_nonzero((high >= lo) & (high <= hi))) for lo, hi in _ARABIC)
    if not arabic:
        return False
    letters = int(np.count_nonzero(_ALPHA_ASCII[cp[cp < 128]])) + int(
        np.count_nonzero(char_classes(cp[cp >= 128]) & WORDCH)
    )
    return arabic * 2 >= letters


_ALPHA_ASCII = np.array([chr(c).isalpha() for c in range(128)], dtype=bool)
