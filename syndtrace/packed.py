"""A passage's insertions packed into bytes: what a scan keeps of them until the output.

A passage of two copies that differ word by word holds an ``Insertion`` for
every differing stretch of either side: 82,506 of them for the 18,499
passages of a 10k scan, 185 bytes each as objects (the object, two ints, the
words). The parent holds every passage until the output is written, so at a
million articles they came to about 1.5 GB. Packed, each is 16 bytes of a
bytes object; ``Insertion`` objects are made only when they are read.

In a scan the words of an insertion are left out unless it is an editor's
bracket (the trace stage quotes those in its evidence):
``Result.insertion_text`` reads them back, as ``Result.side_text`` does a
passage side's.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from syndtrace.model import Insertion

_FIELDS = 4  # per insertion: which document (0 or 1), start, end, bracketed (0 or 1)


class PackedInsertions(Sequence):
    """Insertions of a passage between documents ``docs[0]`` and ``docs[1]``, as a read-only sequence.

    It equals (and hashes as) the tuple of the ``Insertion``s it holds, so a
    ``Passage`` compares the same whichever form its insertions take.
    ``texts[k]`` is insertion ``k``'s words, or None where left out.
    """

    __slots__ = ("_docs", "_packed", "_texts")

    def __init__(self, docs: tuple[str, str], packed: bytes, texts: tuple[str | None, ...] | None = None) -> None:
        self._docs = docs
        self._packed = packed
        self._texts = texts

    @classmethod
    def pack(cls, docs: tuple[str, str], insertions: list[Insertion], keep_text: bool) -> Sequence[Insertion]:
        """``insertions`` (each of ``docs[0]`` or ``docs[1]``) packed; ``()`` when there are none.

        ``keep_text`` false keeps the words of bracketed insertions only.
        """
        if not insertions:
            return ()
        values = array("i")
        for ins in insertions:
            values.extend((docs.index(ins.doc), ins.start, ins.end, int(ins.bracketed)))
        texts = tuple(ins.text if keep_text or ins.bracketed else None for ins in insertions)
        return cls(docs, values.tobytes(), texts if any(t is not None for t in texts) else None)

    def __len__(self) -> int:
        return len(self._packed) // (4 * _FIELDS)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return tuple(self)[k]
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("insertion index out of range")
        which, start, end, bracketed = memoryview(self._packed).cast("i")[_FIELDS * k : _FIELDS * (k + 1)]
        text = self._texts[k] if self._texts is not None else None
        return Insertion(self._docs[which], start, end, text, bool(bracketed))

    def __iter__(self) -> Iterator[Insertion]:
        values = memoryview(self._packed).cast("i")
        texts = self._texts or (None,) * len(self)
        for k in range(len(self)):
            which, start, end, bracketed = values[_FIELDS * k : _FIELDS * (k + 1)]
            yield Insertion(self._docs[which], start, end, texts[k], bool(bracketed))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (PackedInsertions, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self):
        return PackedInsertions, (self._docs, self._packed, self._texts)
