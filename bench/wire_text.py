"""Text for the wire corpus: pieces of pages, fresh sentences, and claims on new 8-word windows.

A page's body is a list of ``Piece``s (a dateline, a paragraph, a heading or
timestamp line). Copies share pieces with what they copy, so a story with
2,000 carriers holds its paragraphs once.

The corpus promises that unrelated pages share no 8-word run. Text comes from
``synth.TextSource`` (the Reuters pool in epochs, see there), and every place
where the generator puts words side by side that were not neighbours before
(a subscriber's local paragraph after a wire paragraph, a dropped paragraph,
an editor's bracket, a corrected figure, a compilation's items) is *claimed*:
each 8-word window across the new junction is checked against the pool's
runs and the windows claimed so far, and recorded with a tag. A window
already claimed with another tag refuses the edit. Tags name what the window's
text belongs to: ``("s", story)`` for a story's own text, ``("bg", n)`` for a
background paragraph, ``("st", n)`` for a quoted statement, and
``("j", a, b)`` for a window across texts of two of these; every page that
holds a window holds the text of both its ends, so two pages sharing a window
always share a story, a background paragraph or a statement (which
``wire_check`` verifies on the output).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import numpy as np

from reuters_pool import RUN, gram_hash, words_of
from synth import TextSource

Link = tuple[object, int] | None
EDGE = RUN - 1  # words of context a side that a window across a junction can reach
_DIGITS = re.compile(r"\d")
BRACKETS = (
    "[the city's mayor]", "[the company]", "[the agency]", "[sic]", "[the governor]", "[of the U.S.]",
    "[the ministry]", "[the president]", "[the board]", "[last year]",
)


@dataclass(frozen=True, slots=True)
class Piece:
    """One paragraph-like part of a body, with the first and last words a junction can reach.

    ``kind``: ``lead`` (a dateline printed inline before the next piece), ``para``
    (a paragraph) or ``head`` (a heading or timestamp line). ``key`` is the tag
    of its text (see the module docstring).
    """

    kind: str
    sents: tuple[str, ...]
    key: tuple
    head: tuple[str, ...]
    tail: tuple[str, ...]
    words: int

    @property
    def text(self) -> str:
        """The piece as printed (sentences joined by spaces)."""
        return " ".join(self.sents)


def piece(kind: str, sents: tuple[str, ...] | list[str], key: tuple) -> Piece:
    """A ``Piece`` with its edge words computed."""
    sents = tuple(sents)
    w = words_of(" ".join(sents))
    return Piece(kind, sents, key, tuple(w[:EDGE]), tuple(w[-EDGE:]), len(w))


def links(source: object, n: int) -> list[tuple[object, int]]:
    """Links of a whole copied body of ``n`` pieces: every junction as it was."""
    return [(source, i) for i in range(n)]


def tag_of(a: tuple, b: tuple) -> tuple:
    """The tag of a window whose first word is ``a``'s text and last word ``b``'s."""
    return a if a == b else ("j", *sorted((a, b)))


class Claims:
    """New 8-word windows, checked against the pool's runs and earlier claims (``TextSource.issued``)."""

    def __init__(self, text: TextSource) -> None:
        self.text = text

    def _windows(self, left: list[tuple[str, tuple]], right: list[tuple[str, tuple]]) -> list[tuple[int, tuple]]:
        """``(hash, tag)`` of each window across the junction between ``left`` and ``right`` (word, key) lists."""
        left, right = left[-EDGE:], right[:EDGE]
        seq = left + right
        ids = self.text._ids([w for w, _ in seq])
        out = []
        for s in range(max(0, len(left) - EDGE), len(left)):
            if s + RUN <= len(seq):
                out.append((gram_hash(ids[s : s + RUN]), tag_of(seq[s][1], seq[s + RUN - 1][1])))
        return out

    def _commit(self, windows: list[tuple[int, tuple]]) -> bool:
        if not windows:
            return True
        grams = self.text.pool_grams
        wanted = np.array([h for h, _ in windows], dtype=np.uint64)
        found = np.minimum(np.searchsorted(grams, wanted), len(grams) - 1)
        if (grams[found] == wanted).any():
            return False
        issued = self.text.issued
        mine: dict[int, tuple] = {}
        for h, tag in windows:
            if issued.get(h, tag) != tag or mine.setdefault(h, tag) != tag:
                return False
        issued.update(mine)
        return True

    @staticmethod
    def _side(body: list[Piece], i: int, step: int) -> list[tuple[str, tuple]]:
        """Up to EDGE (word, key) pairs reading from piece ``i`` away from a junction (step -1: leftwards)."""
        acc: list[tuple[str, tuple]] = []
        while 0 <= i < len(body) and len(acc) < EDGE:
            p = body[i]
            if step < 0:
                acc = [(w, p.key) for w in p.tail] + acc
            else:
                acc = acc + [(w, p.key) for w in p.head]
            i += step
        return acc[-EDGE:] if step < 0 else acc[:EDGE]

    def body(self, body: list[Piece], links: list[Link]) -> bool:
        """Claim the windows across every new junction of ``body``; False (nothing claimed) if one is taken.

        ``links[i]`` is ``(source, index)``: piece ``i`` is the ``index``-th piece of
        the body ``source`` names (any hashable), or None for new text. A junction is
        new unless both sides are consecutive pieces of one source.
        """
        windows = []
        for i in range(1, len(body)):
            a, b = links[i - 1], links[i]
            if a is None or b is None or a[0] != b[0] or b[1] != a[1] + 1:
                windows += self._windows(self._side(body, i - 1, -1), self._side(body, i, 1))
        return self._commit(windows)

    def inside(self, body: list[Piece], i: int, new: Piece, cuts: list[int]) -> bool:
        """Claim the windows across word offsets ``cuts`` of ``new``, which is to replace ``body[i]``."""
        words = words_of(new.text)
        before = self._side(body, i - 1, -1)
        after = self._side(body, i + 1, 1)
        seq = before + [(w, new.key) for w in words] + after
        windows = []
        for t in cuts:
            at = len(before) + t
            windows += self._windows(seq[max(0, at - EDGE) : at], seq[at : at + EDGE])
        return self._commit(windows)


class Bank:
    """Fresh sentences for small pieces (local paragraphs, write-thru paragraphs, frames).

    Sentences come from ``TextSource.take`` in chunks and are handed out one
    article at a time. Within one chunk consecutive sentences are neighbours
    (in Reuters or across a join ``take`` claimed); a sentence repeating an
    8-word run of an earlier one in its chunk (Reuters stories do repeat
    themselves) is dropped, since its two holders would be unrelated.
    """

    def __init__(self, text: TextSource, chunk: int = 400) -> None:
        self.text = text
        self.chunk = chunk
        self.buf: list[tuple[str, bool]] = []  # (sentence, follows the previous one)
        self.pos = 0

    def _refill(self) -> None:
        _, _, segments = self.text.take(self.chunk)
        seen: set[tuple[str, ...]] = set()
        self.buf, self.pos = [], 0
        follows = False
        for seg in segments:
            for s in seg:
                w = words_of(s)
                grams = {tuple(w[k : k + RUN]) for k in range(len(w) - RUN + 1)}
                if grams & seen:
                    follows = False
                    continue
                seen |= grams
                self.buf.append((s, follows))
                follows = True

    def sentences(self, low: int, high: int) -> tuple[str, ...]:
        """Consecutive fresh sentences, about ``low``-``high`` words (at least one sentence)."""
        out: list[str] = []
        words = 0
        while True:
            if self.pos >= len(self.buf):
                if out:
                    break
                self._refill()
                continue
            s, follows = self.buf[self.pos]
            n = s.count(" ") + 1
            if out and (not follows or words + n > high):
                break
            out.append(s)
            words += n
            self.pos += 1
            if words >= low:
                break
        return tuple(out)


def group(sentences: list[str], rng: random.Random, low: int = 1, high: int = 3) -> list[tuple[str, ...]]:
    """Sentences into paragraphs of ``low``-``high`` (wire style: short paragraphs)."""
    paras: list[tuple[str, ...]] = []
    i = 0
    while i < len(sentences):
        n = rng.randint(low, high)
        paras.append(tuple(sentences[i : i + n]))
        i += n
    return paras


def change_words(rng: random.Random, vocab: tuple[str, ...], text: str, count: int = 1) -> str:
    """``text`` with ``count`` words replaced (headlines only: titles are never claimed)."""
    toks = text.split()
    for _ in range(count):
        j = rng.randrange(len(toks))
        toks[j] = rng.choice(vocab).capitalize() if toks[j][:1].isupper() else rng.choice(vocab)
    return " ".join(toks)


def _split(sentence: str) -> list[str]:
    return sentence.split(" ")


def bracket(rng: random.Random, sentence: str) -> tuple[str, int, int] | None:
    """An editor's bracket put into ``sentence``: ``(new sentence, word offset, words)`` of the bracket."""
    toks = _split(sentence)
    if len(toks) < 6:
        return None
    j = rng.randrange(2, len(toks) - 2)
    mark = rng.choice(BRACKETS)
    toks.insert(j, mark)
    return " ".join(toks), len(words_of(" ".join(toks[:j]))), len(words_of(mark))


def correct_figure(rng: random.Random, sentence: str) -> tuple[str, int, int] | None:
    """``sentence`` with one figure changed (a correction): ``(new sentence, word offset, words)`` of the
    changed token; None without figures."""
    toks = _split(sentence)
    places = [k for k, t in enumerate(toks) if _DIGITS.search(t) and words_of(t)]
    if not places:
        return None
    k = rng.choice(places)
    tok = toks[k]
    digits = [i for i, c in enumerate(tok) if c.isdigit()]
    i = rng.choice(digits)
    new = str((int(tok[i]) + rng.randint(1, 8)) % 10)
    if i == digits[0] and new == "0" and len(digits) > 1:
        new = "9"
    toks[k] = tok[:i] + new + tok[i + 1 :]
    return " ".join(toks), len(words_of(" ".join(toks[:k]))), len(words_of(toks[k]))


def edit_sentence(
    claims: Claims, rng: random.Random, body: list[Piece], i: int, how: str, made_before: set[str]
) -> tuple[Piece, str] | None:
    """A copy of ``body[i]`` with one sentence bracketed (``how="bracket"``) or a figure corrected.

    The new windows are claimed in ``body``'s context; returns ``(piece, new
    sentence)`` or None when no sentence takes the edit. A sentence in
    ``made_before`` is not made again (and the new one is added): two of a
    story's 2,000 subscribers could otherwise bracket one sentence alike, and
    an edit would no longer tell whose page a copy was made from.
    """
    p = body[i]
    order = list(range(len(p.sents)))
    rng.shuffle(order)
    for k in order:
        made = bracket(rng, p.sents[k]) if how == "bracket" else correct_figure(rng, p.sents[k])
        if made is None:
            continue
        sent, at, span = made
        if sent in made_before:
            continue
        sents = p.sents[:k] + (sent,) + p.sents[k + 1 :]
        new = piece(p.kind, sents, p.key)
        offset = len(words_of(" ".join(p.sents[:k]))) + at
        if claims.inside(body, i, new, [offset, offset + span]):
            made_before.add(sent)
            return new, sent
    return None
