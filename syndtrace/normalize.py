"""Normalise stage: a document's text to comparable words, each mapped back.

The text is NFKC-normalised first (``syndtrace.scripts.normal_text``, which
keeps a map back to the original and joins line-break hyphenation,
"syndi-\ncation"), then split into words. A *word* is a run of letters and
digits with the combining marks on them (apostrophes, ZWNJ and ZWJ inside a
word kept: "Daesh's"); in scripts written without spaces (Han, Kana, Thai,
Lao, Khmer, Myanmar) each character with its marks is a word of its own, so
shingles of k words are k characters there and mixed text works. Words are
compared in ``scripts.match_form``: casefolded, combining marks dropped, digits
of any script read as ASCII, curly apostrophe straightened. Punctuation is
not a word, so quotation marks of any style, dashes, ellipses (". . .",
"...", "…"), white space and line breaks can never break a match. Markup
left in the text (``<u>``, ``&amp;``) is blanked before words are found, so
it neither matches nor splits words.

The map back is kept per word: ``starts[i]``/``ends[i]`` are the ``[start,
end)`` of word ``i`` in ``Document.text`` (the original, front matter
included). Alongside: whether the word is inside quotation marks, which
paragraph it is in, and whether it is publisher boilerplate (masked: never
part of a reported passage).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np

from syndtrace.model import Document
from syndtrace.paragraphs import paragraph_spans
from syndtrace.scripts import JOINER, MARK, SPACELESS, WORDCH, char_classes, match_form, mirrored_quotes, normal_text

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MARKUP = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});|https?://\S+")

# Opening marks and the marks that close them. „ closes with “ (German) or ” (Polish).
_OPEN = {"“": ("”", '"'), "„": ("”", "“"), "«": ("»",), "‘‘": ("’’",), "``": ("''",), "「": ("」",), "『": ("』",), '"': ('"', "”")}
# Urdu, Arabic and Persian write them mirrored: ” opens and “ closes, ’’ opens and ‘‘ closes.
_OPEN_MIRRORED = {"”": ("“", '"'), "’’": ("‘‘",), "«": ("»",), "「": ("」",), "『": ("』",), '"': ('"', "“")}
_QUOTE_CHARS = re.compile(r"‘‘|’’|``|''|[“”„«»\"「」『』]")


@dataclass(frozen=True, slots=True)
class TokenStream:
    """The words of one document with their map back to ``Document.text``.

    Arrays are parallel, one entry a word: ``starts``/``ends`` (int64 offsets
    into the document's text), ``quoted`` (inside quotation marks),
    ``masked`` (publisher boilerplate), ``paragraph`` (index into
    ``paragraphs``). ``paragraphs`` and ``quotes`` are ``[start, end)`` spans
    of the document's text.

    The normalised words are built only when first asked for (``words``;
    most documents of a scan never are): sliced from ``lowered`` (the
    lower-cased, markup-blanked text, which keeps the text's offsets), except
    the few that need full normalisation, held in ``special``.
    """

    doc_id: str
    lowered: str
    special: dict  # word index -> normalised word, where slicing ``lowered`` is not enough
    hashes: np.ndarray  # uint64 ``shingle.word_hash`` of each word
    starts: np.ndarray
    ends: np.ndarray
    quoted: np.ndarray
    masked: np.ndarray
    paragraph: np.ndarray
    paragraphs: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]
    # Derived values, built on demand and kept: "words", ("winnowed", k, window).
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.hashes)

    @property
    def words(self) -> tuple[str, ...]:
        """Every normalised word, built on first use and kept (a scan aligns one document many times)."""
        if "words" not in self.cache:
            low = self.lowered
            words = [low[s:e] for s, e in zip(self.starts.tolist(), self.ends.tolist())]
            for k, word in self.special.items():
                words[k] = word
            self.cache["words"] = tuple(words)
        return self.cache["words"]

    @property
    def joined(self) -> tuple[str, list[int]]:
        """``(" ".join(words), at)``, where word ``k`` starts at ``at[k]`` (``at[len(self)]`` is the length + 1).

        So ``" ".join(words[i:j]) == joined[at[i] : at[j] - 1]`` for ``i < j``: a
        slice per passage instead of a join (built once, kept).
        """
        if "joined" not in self.cache:
            if self.special or not len(self.starts):
                words = self.words
                joined = (" ".join(words), list(accumulate((len(w) + 1 for w in words), initial=0)))
            else:
                joined = _join_slices(self.lowered, self.starts, self.ends)
            self.cache["joined"] = joined
        return self.cache["joined"]


def _join_slices(text: str, starts: np.ndarray, ends: np.ndarray) -> tuple[str, list[int]]:
    """``" ".join(text[s:e] for s, e in ...)`` and where each slice starts in it, by numpy.

    Twice as fast as slicing word by word (105 against 200 us for an article).
    """
    lengths = ends - starts
    at = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(lengths + 1, out=at[1:])
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    out = np.full(int(at[-1]) - 1, ord(" "), dtype=np.uint32)
    # Output position of every character of every slice, and how far it moved from the text.
    before = np.repeat(at[:-1] - (np.cumsum(lengths) - lengths), lengths)
    dst = np.arange(int(lengths.sum())) + before
    out[dst] = cp[dst + np.repeat(starts - at[:-1], lengths)]
    return out.tobytes().decode("utf-32-le", "surrogatepass"), at.tolist()


def normalize_word(word: str) -> str:
    """The comparable form of one word: NFKC, then ``scripts.match_form`` (casefolded, marks dropped)."""
    if word.isascii():
        return word.casefold()
    return match_form(unicodedata.normalize("NFKC", word))


def blank_markup(text: str) -> str:
    """``text`` with markup and URLs replaced by spaces of the same length (offsets unchanged)."""
    # Every MARKUP match holds "<", "&" or "http"; most articles hold none, and `in` is far
    # cheaper than the regex's scan (3 against 45 us an article).
    if "<" not in text and "&" not in text and "http" not in text:
        return text
    return MARKUP.sub(lambda m: " " * len(m.group()), text)


def tokenize(doc: Document, language: str = "") -> TokenStream:
    """Split ``doc`` into normalised words with offsets, quote, paragraph and mask flags.

    The body is NFKC-normalised with a map back (``scripts.normal_text``);
    words are found in the result by ``word_spans`` and their offsets mapped
    back to ``doc.text``, so every word's original slice normalises to it.
    ``language`` (``--language``; empty: detected from the text) decides how
    quotation marks are read (``scripts.mirrored_quotes``).
    """
    text = doc.text
    work = blank_markup(text)
    paragraphs = tuple(paragraph_spans(text, doc.body_start))
    quotes = tuple(quote_spans(work, paragraphs, mirrored_quotes(work[doc.body_start :], language)))
    starts, ends, lowered, special, hashes = words_of_text(work, doc.body_start)
    return TokenStream(
        doc_id=doc.id,
        lowered=lowered,
        special=special,
        hashes=hashes,
        starts=starts,
        ends=ends,
        quoted=_inside(starts, quotes),
        masked=_inside(starts, doc.boilerplate),
        paragraph=_paragraph_index(starts, paragraphs),
        paragraphs=paragraphs,
        quotes=quotes,
    )


def remask(tokens: TokenStream, boilerplate) -> TokenStream:
    """``tokens`` with ``masked`` recomputed for new boilerplate spans."""
    from dataclasses import replace

    return replace(tokens, masked=_inside(tokens.starts, boilerplate))


_ALNUM_ASCII = np.array([chr(c).isalnum() for c in range(128)], dtype=bool)


def words_of_text(work: str, body_start: int = 0):
    """``(starts, ends, lowered, special, hashes)`` of the words of ``work[body_start:]``.

    Offsets are in ``work``. Most texts are NFKC already and have no
    hyphenated line breaks: their words are found in place and hashed fast
    (``_words_and_hashes``). Otherwise the words are found in the normalised
    body and each is mapped back to the original characters it came from.
    """
    body = work[body_start:]
    norm, o_start, o_end = normal_text(body)
    if o_start is None:
        starts, ends = word_spans(work, body_start)
        return (starts, ends, *_words_and_hashes(work, starts, ends))
    from syndtrace.shingle import word_hashes

    ns, ne = word_spans(norm)
    words = [match_form(norm[s:e]) for s, e in zip(ns.tolist(), ne.tolist())]
    starts = o_start[ns] + body_start if len(ns) else np.empty(0, np.int64)
    ends = o_end[ne - 1] + body_start if len(ne) else np.empty(0, np.int64)
    return starts, ends, work, dict(enumerate(words)), word_hashes(words)


def word_spans(text: str, start: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``[start, end)`` of every word of ``text[start:]``, as int64 arrays.

    A word is a run of word characters (``str.isalnum()``) with the
    combining marks that follow them; an apostrophe, ZWNJ or ZWJ between
    two word characters joins them. In a script written without spaces each
    character and its marks is a word of its own. ``tests/references.py``
    holds a character-by-character reference.
    """
    cp = np.frombuffer(text[start:].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(cp)
    if not n:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    word = np.zeros(n, dtype=bool)
    ascii_ = cp < 128
    word[ascii_] = _ALNUM_ASCII[cp[ascii_]]
    flags = None
    if not ascii_.all():
        high = np.flatnonzero(~ascii_)
        flags = np.zeros(n, dtype=np.uint8)
        flags[high] = char_classes(cp[high])
        word[high] = (flags[high] & WORDCH) != 0
        mark = (flags & MARK) != 0
        if mark.any():
            # Marks belong to the character before the run of marks they are in.
            base = np.maximum.accumulate(np.where(mark, -1, np.arange(n)))
            m = np.flatnonzero(mark & (base >= 0))
            word[m] = word[base[m]]
    joiner = (cp[1:-1] == 0x27) | (cp[1:-1] == 0x2019)
    if flags is not None:
        joiner |= (flags[1:-1] & JOINER) != 0
    between = np.flatnonzero(joiner) + 1
    if len(between):
        word[between[word[between - 1] & word[between + 1]]] = True
    if flags is None or not (flags & SPACELESS).any():
        change = np.flatnonzero(word[1:] != word[:-1]) + 1
        bounds = np.concatenate(([0] if word[0] else [], change, [n] if word[-1] else [])).astype(np.int64)
        return bounds[0::2] + start, bounds[1::2] + start
    # Spaceless scripts: a word starts at every base character, and after the last mark of one.
    spaceless = (flags & SPACELESS) != 0
    mark = (flags & MARK) != 0
    base = np.maximum.accumulate(np.where(mark, -1, np.arange(n)))
    in_cluster = np.zeros(n, dtype=bool)
    has = base >= 0
    in_cluster[has] = spaceless[base[has]]
    begins = word.copy()
    begins[1:] &= ~word[:-1] | (~mark[1:] & (spaceless[1:] | in_cluster[:-1]))
    finishes = word.copy()
    finishes[:-1] &= ~word[1:] | begins[1:]
    return np.flatnonzero(begins).astype(np.int64) + start, np.flatnonzero(finishes).astype(np.int64) + 1 + start


def _words_and_hashes(work: str, starts: np.ndarray, ends: np.ndarray) -> tuple[str, dict[int, str], np.ndarray]:
    """``(lowered, special, hashes)``: what ``TokenStream`` needs to give each word and its ``word_hash``.

    ``str.lower`` keeps the length of nearly every text, so ASCII words are
    sliced from the lower-cased text and hashed by prefix sums over its code
    points; only words with a non-ASCII character go through
    ``normalize_word`` (NFKC, casefold, straight apostrophe) one by one.
    """
    from syndtrace.shingle import code_point_word_hashes, word_hash, word_hashes

    lowered = work.lower()
    if len(lowered) != len(work):  # a character whose lower case is longer: take the slow path
        words = [normalize_word(work[s:e]) for s, e in zip(starts.tolist(), ends.tolist())]
        return work, dict(enumerate(words)), word_hashes(words)
    cp = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    hashes = code_point_word_hashes(cp, starts, ends)
    special: dict[int, str] = {}
    if not work.isascii():
        high = np.concatenate(([0], np.cumsum(cp >= 128)))
        for i in np.flatnonzero(high[ends] > high[starts]).tolist():
            special[i] = normalize_word(work[int(starts[i]) : int(ends[i])])
            hashes[i] = word_hash(special[i])
    return lowered, special, hashes


def quote_spans(text: str, paragraphs, mirrored: bool = False) -> list[tuple[int, int]]:
    """``[start, end)`` spans inside quotation marks, paragraph by paragraph.

    Curly, guillemet, German („...“), doubled-single (‘‘...’’), CJK corner
    brackets (「...」, 『...』) and straight double quotes; ``mirrored`` reads
    Urdu's and Arabic's mirrored pairs (”...“, ’’...‘‘) instead of the
    English ones. A quote still open at the end of its paragraph runs to
    that end, as news style leaves multi-paragraph quotes unclosed.
    """
    opening = _OPEN_MIRRORED if mirrored else _OPEN
    spans = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        closers: tuple[str, ...] = ()
        for m in _QUOTE_CHARS.finditer(text, p_start, p_end):
            mark = m.group()
            if open_at is None:
                if mark in opening:
                    open_at, closers = m.end(), opening[mark]
            elif mark in closers:
                spans.append((open_at, m.start()))
                open_at = None
            elif mark in opening and closers[0] != '"':
                # A new opening mark before the close: the previous quote was never closed.
                spans.append((open_at, m.start()))
                open_at, closers = m.end(), opening[mark]
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
