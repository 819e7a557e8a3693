"""Read-only sequences that stand for a tuple of records built on reading (``packed``, ``pairstats``).

A scan keeps some records packed (numbers in bytes or arrays) and makes the
objects only when they are read. Such a sequence must compare and hash as
the tuple of records it stands for, so that whatever holds it (a
``Passage``, a ``Result``) compares the same whichever form it holds.
"""

from __future__ import annotations

from collections.abc import Sequence


class TupleLike(Sequence):
    """A sequence equal to, and hashing as, the tuple of its items."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (TupleLike, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))
