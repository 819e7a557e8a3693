"""A passage's insertions packed into one bytes object and one string: what a scan keeps until the output.

A passage of two copies that differ word by word holds an ``Insertion`` for
every differing stretch of either side: 82,506 of them for the 18,499
passages of a 10k scan, about 185 bytes each as objects (the object, two
ints, a string of eight characters). The parent process holds every passage
until the output is written: at 100k articles, they were about 15% of the
scan's peak memory. Packed, each is 20 bytes of numbers and its characters
in one string of the passage's; ``Insertion`` objects are made only when
read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence

from syndtrace.model import Insertion
from syndtrace.sequences import TupleLike

# Per insertion, five int32: which document (0 or 1), start, end, bracketed (0 or 1), length of its text.
_ROW = struct.Struct("=5i")


class PackedInsertions(TupleLike):
    """Insertions of a passage between documents ``docs[0]`` and ``docs[1]``, as a read-only sequence.

    It equals (and hashes as) the tuple of the ``Insertion``s it holds, so a
    ``Passage`` compares the same whichever form its insertions take.
    """

    __slots__ = ("_docs", "_numbers", "_words")

    def __init__(self, docs: tuple[str, str], numbers: bytes, words: str) -> None:
        self._docs = docs
        self._numbers = numbers  # ``_ROW`` after ``_ROW``
        self._words = words  # their texts, one after the other

    @classmethod
    def pack(cls, docs: tuple[str, str], insertions: list[Insertion]) -> Sequence[Insertion]:
        """``insertions`` (each of ``docs[0]`` or ``docs[1]``) packed; ``()`` when there are none."""
        if not insertions:
            return ()
        numbers = b"".join(
            _ROW.pack(docs.index(ins.doc), ins.start, ins.end, ins.bracketed, len(ins.text)) for ins in insertions
        )
        return cls(docs, numbers, "".join(ins.text for ins in insertions))

    def __len__(self) -> int:
        return len(self._numbers) // _ROW.size

    def __getitem__(self, k):
        return tuple(self)[k]  # read by index rarely (tests): by iteration in the pipeline

    def __iter__(self) -> Iterator[Insertion]:
        return (Insertion(*row) for row in self.rows())

    def rows(self) -> Iterator[tuple[str, int, int, str, bool]]:
        """Each insertion's fields, ``Insertion``'s order, without making the object (the JSON writer's)."""
        docs, words, at = self._docs, self._words, 0
        for which, start, end, bracketed, length in _ROW.iter_unpack(self._numbers):
            yield docs[which], start, end, words[at : at + length], bracketed == 1
            at += length

    def spans(self, doc: str) -> list[tuple[int, int]]:
        """``(start, end)`` of ``doc``'s insertions, without making them (the trace stage reads these often)."""
        if doc not in self._docs:
            return []
        which = self._docs.index(doc)
        return [(start, end) for w, start, end, _, _ in _ROW.iter_unpack(self._numbers) if w == which]

    def bracketed(self, doc: str) -> list[str]:
        """Texts of ``doc``'s insertions that hold an editor's bracket, without making the others."""
        if doc not in self._docs:
            return []
        which, words, at, found = self._docs.index(doc), self._words, 0, []
        for w, _, _, bracketed, length in _ROW.iter_unpack(self._numbers):
            if w == which and bracketed:
                found.append(words[at : at + length])
            at += length
        return found

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self):
        return PackedInsertions, (self._docs, self._numbers, self._words)


def insertion_rows(insertions: Sequence[Insertion]) -> Iterator[tuple[str, int, int, str, bool]]:
    """Each insertion's fields (``doc, start, end, text, bracketed``), packed or a tuple."""
    if isinstance(insertions, PackedInsertions):
        return insertions.rows()
    return ((i.doc, i.start, i.end, i.text, i.bracketed) for i in insertions)


def insertion_spans(insertions: Sequence[Insertion], doc: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the insertions of ``doc`` among ``insertions`` (packed or a tuple)."""
    if isinstance(insertions, PackedInsertions):
        return insertions.spans(doc)
    return [(i.start, i.end) for i in insertions if i.doc == doc]


def bracketed_texts(insertions: Sequence[Insertion], doc: str) -> list[str]:
    """Texts of the insertions of ``doc`` among ``insertions`` (packed or a tuple) that hold an editor's bracket."""
    if isinstance(insertions, PackedInsertions):
        return insertions.bracketed(doc)
    return [i.text for i in insertions if i.doc == doc and i.bracketed]
