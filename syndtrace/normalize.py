"""Normalise stage: a document's text to comparable words, each mapped back.

A *word* is a run of letters and digits (apostrophes inside a word kept:
"Daesh's"). Each word is casefolded, NFKC-normalised when not ASCII, and its
curly apostrophe straightened. Punctuation is not a word, so quotation marks
of any style, dashes, ellipses (". . .", "...", "…"), white space and line
breaks can never break a match. Markup left in the text (``<u>``, ``&amp;``)
is blanked before words are found, so it neither matches nor splits words.

The map back is kept per word: ``starts[i]``/``ends[i]`` are the ``[start,
end)`` of word ``i`` in ``Document.text`` (the original, front matter
included). Alongside: whether the word is inside quotation marks, which
paragraph it is in, and whether it is publisher boilerplate (masked: never
part of a reported passage).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from syndtrace.model import Document
from syndtrace.paragraphs import paragraph_spans

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MARKUP = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});|https?://\S+")

_OPEN = {"“": "”", "„": "”", "«": "»", "‘‘": "’’", "``": "''"}
_QUOTE_CHARS = re.compile(r"‘‘|’’|``|''|[“”„«»\"]")


@dataclass(frozen=True, slots=True)
class TokenStream:
    """The words of one document with their map back to ``Document.text``.

    Arrays are parallel, one entry a word: ``starts``/``ends`` (int64 offsets
    into the document's text), ``quoted`` (inside quotation marks),
    ``masked`` (publisher boilerplate), ``paragraph`` (index into
    ``paragraphs``). ``paragraphs`` and ``quotes`` are ``[start, end)`` spans
    of the document's text.
    """

    doc_id: str
    words: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray
    quoted: np.ndarray
    masked: np.ndarray
    paragraph: np.ndarray
    paragraphs: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.words)


def normalize_word(word: str) -> str:
    """The comparable form of one word: casefolded, NFKC, straight apostrophe."""
    if not word.isascii():
        word = unicodedata.normalize("NFKC", word).replace("’", "'")
    return word.casefold()


def blank_markup(text: str) -> str:
    """``text`` with markup and URLs replaced by spaces of the same length (offsets unchanged)."""
    return MARKUP.sub(lambda m: " " * len(m.group()), text)


def tokenize(doc: Document) -> TokenStream:
    """Split ``doc`` into normalised words with offsets, quote, paragraph and mask flags."""
    text = doc.text
    work = blank_markup(text)
    paragraphs = tuple(paragraph_spans(text, doc.body_start))
    quotes = tuple(quote_spans(work, paragraphs))
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in WORD.finditer(work, doc.body_start):
        words.append(normalize_word(m.group()))
        starts.append(m.start())
        ends.append(m.end())
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    return TokenStream(
        doc_id=doc.id,
        words=tuple(words),
        starts=s,
        ends=e,
        quoted=_inside(s, quotes),
        masked=_inside(s, doc.boilerplate),
        paragraph=_paragraph_index(s, paragraphs),
        paragraphs=paragraphs,
        quotes=quotes,
    )


def quote_spans(text: str, paragraphs) -> list[tuple[int, int]]:
    """``[start, end)`` spans inside quotation marks, paragraph by paragraph.

    Curly, guillemet, doubled-single (‘‘...’’) and straight double quotes.
    A quote still open at the end of its paragraph runs to that end, as news
    style leaves multi-paragraph quotes unclosed.
    """
    spans = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        closer = ""
        for m in _QUOTE_CHARS.finditer(text, p_start, p_end):
            mark = m.group()
            if open_at is None:
                if mark in _OPEN or mark == '"':
                    open_at, closer = m.end(), _OPEN.get(mark, '"')
            elif mark == closer or (closer == "”" and mark == '"') or (closer == '"' and mark == "”"):
                spans.append((open_at, m.start()))
                open_at = None
            elif mark in _OPEN and closer != '"':
                # A new opening mark before the close: the previous quote was never closed.
                spans.append((open_at, m.start()))
                open_at, closer = m.end(), _OPEN[mark]
        if open_at is not None:
            spans.append((open_at, p_end))
    return spans


def _inside(starts: np.ndarray, spans) -> np.ndarray:
    """For each offset, whether it falls in one of the sorted, disjoint ``spans``."""
    if not spans or not len(starts):
        return np.zeros(len(starts), dtype=bool)
    lo = np.asarray([s for s, _ in spans], dtype=np.int64)
    hi = np.asarray([e for _, e in spans], dtype=np.int64)
    idx = np.searchsorted(lo, starts, side="right") - 1
    ok = idx >= 0
    result = np.zeros(len(starts), dtype=bool)
    result[ok] = starts[ok] < hi[idx[ok]]
    return result


def _paragraph_index(starts: np.ndarray, paragraphs) -> np.ndarray:
    if not paragraphs:
        return np.zeros(len(starts), dtype=np.int32)
    lo = np.asarray([s for s, _ in paragraphs], dtype=np.int64)
    return np.maximum(np.searchsorted(lo, starts, side="right") - 1, 0).astype(np.int32)
