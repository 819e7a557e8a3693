"""Article texts a scan keeps out of memory, read back from their files on demand.

A 100k-article corpus is about 500 MB of text, more as Python strings (two
bytes a character once a text holds a curly quote), and every forked worker
starts with whatever the parent holds. So ``scan`` keeps, per record, only
where its bytes lie (``RawRecord.span``: a JSONL line, or a whole ``.txt``/
``.md`` file) and reads the text again when a stage needs it. Records with
nothing to go back to (standard input, CSV and ``.json`` records, text in
an encoding that had to be detected) are held as they were read.

A read-back is checked against the size and CRC-32 of the bytes first read:
a file changed during the scan is an ``InputError`` naming it, never a
passage cut from the wrong text.
"""

from __future__ import annotations

import os
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from syndtrace.errors import InputError
from syndtrace.load import decode_bytes
from syndtrace.model import RawRecord
from syndtrace.jsonvalues import load_json_line

# Texts kept after reading: passages are written pair by pair, and pairs share documents.
# At 30k articles 64 entries miss 39k of 114k side reads, 1,024 entries 35k.
_CACHE = 64
_OPEN_FILES = 32  # JSONL files kept open for reading back (most corpora have one, or one a day)


@dataclass(frozen=True, slots=True)
class _Ref:
    """Where a record's text lies: ``size`` bytes at ``offset`` of ``path``, with their CRC-32."""

    path: str
    offset: int
    size: int
    crc: int
    column: str | None  # the JSON field holding the text (a JSONL line); None for a whole text file
    line: int | None


class TextStore:
    """Texts by record index: held, or read back from the record's file.

    ``add`` each record in order; ``text(i)`` returns record ``i``'s text,
    exactly as the reader decoded it. ``column`` is the JSON field that holds
    the text in JSONL records (``--field text=...``). JSONL files stay open
    for their many records (the 32 most recently read) and are read with
    ``os.pread``, which moves no shared file position, so forked workers can
    use the store as they find it. ``close`` closes those files.
    """

    __slots__ = ("_column", "_items", "_cache", "_open")

    def __init__(self, column: str = "text") -> None:
        self._column = column
        self._items: list[str | _Ref] = []
        self._cache: OrderedDict[int, str] = OrderedDict()
        self._open: OrderedDict[str, int] = OrderedDict()  # JSONL path -> descriptor, least recent first

    def __len__(self) -> int:
        return len(self._items)

    def add(self, record: RawRecord) -> RawRecord:
        """Keep record ``len(self)``'s text (or where it lies); return the record without its text.

        A record with a ``span`` and a line number is a JSONL line; with a
        ``span`` and no line, a whole article file.
        """
        if record.span is None:
            self._items.append(record.text)
        else:
            offset, size, crc = record.span
            column = None if record.line is None else self._column
            self._items.append(_Ref(record.path, offset, size, crc, column, record.line))
        return _without_text(record)

    def held(self) -> int:
        """How many texts are held in memory (the rest are read back)."""
        return sum(isinstance(item, str) for item in self._items)

    def text(self, i: int) -> str:
        """Record ``i``'s text. ``InputError`` if its file changed or went away since it was read."""
        item = self._items[i]
        if isinstance(item, str):
            return item
        text = self._cache.get(i)
        if text is not None:
            self._cache.move_to_end(i)
            return text
        text = self._read(item)
        self._cache[i] = text
        if len(self._cache) > _CACHE:
            self._cache.popitem(last=False)
        return text

    def close(self) -> None:
        """Close the JSONL files kept open (reading again reopens them)."""
        for fd in self._open.values():
            os.close(fd)
        self._open.clear()

    def __del__(self) -> None:
        self.close()

    def _descriptor(self, path: str) -> int:
        """An open descriptor for the JSONL file ``path``; at most ``_OPEN_FILES`` are kept open."""
        fd = self._open.get(path)
        if fd is not None:
            self._open.move_to_end(path)
            return fd
        if len(self._open) >= _OPEN_FILES:  # a corpus split into thousands of files must not run out
            os.close(self._open.popitem(last=False)[1])
        fd = self._open[path] = os.open(path, os.O_RDONLY)
        return fd

    def _read(self, ref: _Ref) -> str:
        try:
            if ref.column is None or not hasattr(os, "pread"):  # a whole article file: never kept open
                with open(ref.path, "rb") as fp:
                    fp.seek(ref.offset)
                    data = fp.read(ref.size)
            else:
                data = os.pread(self._descriptor(ref.path), ref.size, ref.offset)
        except OSError as exc:
            raise InputError(f"cannot read it again: {exc.strerror or exc}", ref.path, ref.line) from exc
        if len(data) != ref.size or zlib.crc32(data) != ref.crc:
            raise InputError(
                "the file changed while it was being scanned (its bytes differ from the first read); scan it again",
                ref.path,
                ref.line,
            )
        # Decoded by the loader's own functions, so the text read back is the text first read.
        if ref.column is not None:
            return load_json_line(data)[ref.column]
        return decode_bytes(data, ref.path, ref.line)[0]


def _without_text(record: RawRecord) -> RawRecord:
    return RawRecord(
        record.id, record.path, "", record.fields, record.line, record.encoding, record.span,
        record.origins, record.text_source, record.source_url, record.offset,
    )  # fmt: skip
