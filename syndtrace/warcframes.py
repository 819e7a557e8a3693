"""Finding the records of a web archive, and finding them again after a damaged one.

``syndtrace.warc`` reads each record; this module says where records begin
and whether one ended where its headers say. A plain ``.warc`` is records
one after another, each closed by two line breaks; a ``.warc.gz`` is one
gzip member per record (several records in one member are read too). After
a record that is cut off or damaged, reading resumes at the next place a
record begins: the next ``WARC/1.x`` line whose headers parse, wherever it
stands (a record cut short runs straight into the next one, mid-line), or
the next gzip member that decompresses to a record. Offsets are of the
record's first byte; in a ``.warc.gz``, of its gzip member.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

CHUNK = 1 << 16
LINE_CAP = 1 << 16  # a header line longer than this is not a header line: damage, not a huge read
GZIP_MAGIC = b"\x1f\x8b\x08"
RECORD_START = re.compile(rb"WARC/1\.[01]\r?\n")
_END = b"\r\n\r\n"

# Reads the record at the stream's position (its first line given when read already):
# ``(target URI, item or None)``; raises ``Damage``.
ReadOne = Callable[[object, int, "bytes | None"], tuple]


@dataclass(frozen=True, slots=True)
class Broken:
    """A record that is cut off or damaged, at ``offset``; ``reason`` says how and where reading resumed."""

    offset: int
    reason: str


class Damage(Exception):
    """A record is not where or how its headers say; ``reason`` says how (naming the record's URI when known)."""

    def __init__(self, reason: str, uri: str = "") -> None:
        super().__init__(reason)
        self.uri = uri
        self.reason = f"{uri}: {reason}" if uri else reason


class Lines:
    """A stream whose ``readline`` is capped, so garbage without line breaks is never read whole."""

    __slots__ = ("stream",)

    def __init__(self, stream) -> None:
        self.stream = stream

    def readline(self, limit: int | None = None) -> bytes:
        return self.stream.readline(LINE_CAP if limit is None or limit < 0 else min(limit, LINE_CAP))

    def read(self, size: int | None = -1) -> bytes:
        return self.stream.read(size)

    def tell(self) -> int:
        return self.stream.tell()


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


class Plain:
    """An uncompressed archive: records one after another, found again by their ``WARC/1.x`` line after damage."""

    def __init__(self, fh) -> None:
        self.fh = fh

    def starts_with_record(self) -> bool:
        start = self._skip_blank(0)
        if start is None:
            return False
        self.fh.seek(start)
        return RECORD_START.match(self.fh.read(16)) is not None

    def records(self, read_one: ReadOne) -> Iterator:
        fh = self.fh
        pos = self._skip_blank(0)
        while pos is not None:
            fh.seek(pos)
            end = None
            try:
                uri, item = read_one(fh, pos, None)
                end = fh.tell()
                if fh.read(4) != _END:
                    raise Damage("damaged: the record does not end where its Content-Length says", uri)
                after = self._skip_blank(end + 4)
                if after is not None:
                    fh.seek(after)
                    if fh.read(5) != b"WARC/":
                        raise Damage("damaged: no record follows where its Content-Length says it ends", uri)
            except Damage as exc:
                resume = self._resync(pos + 1)
                reason = exc.reason
                if end is not None and resume is not None and resume < end:
                    # The next record begins inside this one's declared length: this one is cut short.
                    reason = Damage(
                        f"cut off: the next record begins at offset {resume}, inside the bytes its Content-Length declares",
                        exc.uri,
                    ).reason
                yield Broken(pos, reason + _resumed(resume))
                pos = resume
                continue
            if item is not None:
                yield item
            pos = after

    def _skip_blank(self, pos: int) -> int | None:
        """The first byte at or after ``pos`` that is not a line break; ``None`` at the end of the file."""
        fh = self.fh
        fh.seek(pos)
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                return None
            kept = chunk.lstrip(b"\r\n")
            if kept:
                return pos + len(chunk) - len(kept)
            pos += len(chunk)

    def _resync(self, pos: int) -> int | None:
        """The offset of the next record at or after ``pos``, or ``None``.

        A record cut short runs straight into the next one, so its ``WARC/1.x``
        line need not start a line: every occurrence is tried, and taken when
        a WARC record's headers parse there.
        """
        fh = self.fh
        base = pos
        carry = b""
        while True:
            fh.seek(base)
            chunk = fh.read(CHUNK)
            if not chunk:
                return None
            data = carry + chunk
            for m in RECORD_START.finditer(data):
                found = base - len(carry) + m.start()
                if self._parses(found):
                    return found
            carry = data[-16:]
            base += len(chunk)

    def _parses(self, offset: int) -> bool:
        """Whether WARC headers with a type and a length parse at ``offset``."""
        from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

        self.fh.seek(offset)
        try:
            headers = StatusAndHeadersParser(["WARC/1.0", "WARC/1.1"]).parse(Lines(self.fh))
        except (StatusAndHeadersParserException, EOFError, ValueError, UnicodeDecodeError):
            return False
        return bool(headers.get_header("WARC-Type")) and (headers.get_header("Content-Length") or "").isdigit()


def _resumed(next_offset: int | None) -> str:
    return f"; skipped to the next record, at offset {next_offset}" if next_offset is not None else ""


class _Member(io.RawIOBase):
    """One gzip member of the file, decompressed as it is read; ``end`` is its last byte + 1 once it is done.

    Raises ``zlib.error`` for damaged data and ``EOFError`` when the file ends inside the member.
    """

    def __init__(self, fh, offset: int) -> None:
        self.fh = fh
        self.offset = offset
        self.fed = 0  # compressed bytes given to the decompressor
        self.end: int | None = None
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        fh.seek(offset)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = len(buffer)
        while True:
            if self._z.eof:
                if self.end is None:
                    self.end = self.offset + self.fed - len(self._z.unused_data)
                return 0
            if not self._pending:
                self._pending = self.fh.read(CHUNK)
                self.fed += len(self._pending)
                if not self._pending:
                    raise EOFError("the archive ends inside a gzip member")
            out = self._z.decompress(self._pending, size)
            self._pending = self._z.unconsumed_tail
            if out:
                buffer[: len(out)] = out
                return len(out)


class Gzipped:
    """A ``.warc.gz``: one record per gzip member, found again by the next member that holds a record after damage."""

    def __init__(self, fh) -> None:
        self.fh = fh

    def starts_with_record(self) -> bool:
        return self._holds_record(0)

    def _holds_record(self, offset: int) -> bool:
        try:
            start = io.BufferedReader(_Member(self.fh, offset)).read(16)
        except (zlib.error, EOFError, OSError):
            return False
        return RECORD_START.match(start) is not None

    def records(self, read_one: ReadOne) -> Iterator:
        pos: int | None = 0
        size = self.fh.seek(0, io.SEEK_END)
        while pos is not None and pos < size:
            member = _Member(self.fh, pos)
            try:
                items = self._member_records(read_one, io.BufferedReader(member, CHUNK), pos)
            except (Damage, zlib.error, EOFError) as exc:
                resume = self._resync(pos + 1)
                if isinstance(exc, Damage):
                    reason = exc.reason
                elif isinstance(exc, EOFError):
                    reason = "cut off: the archive ends inside the record's gzip member"
                else:
                    reason = f"damaged: its gzip data cannot be decompressed ({first_line(exc)})"
                if member.end is None and resume is not None and resume < pos + member.fed:
                    # The decompressor ran on into the next member: this one stops short of its end.
                    uri = exc.uri if isinstance(exc, Damage) else ""
                    reason = Damage(
                        f"cut off: the next record's gzip member begins at offset {resume}, before this one ends", uri
                    ).reason
                yield Broken(pos, reason + _resumed(resume))
                pos = resume
                continue
            yield from items
            pos = member.end

    @staticmethod
    def _member_records(read_one: ReadOne, stream, pos: int) -> list:
        """The records of one member (normally one; some writers put several in a member)."""
        items: list = []
        statusline = None
        while True:
            uri, item = read_one(stream, pos, statusline)
            if stream.read(4) != _END:
                raise Damage("damaged: the record does not end where its Content-Length says", uri)
            if item is not None:
                items.append(item)
            statusline = stream.readline(LINE_CAP)
            while statusline in (b"\r\n", b"\n"):
                statusline = stream.readline(LINE_CAP)
            if not statusline:  # the member's end (damage would have raised)
                return items
            if not RECORD_START.match(statusline):
                raise Damage("damaged: the gzip member holds data after its record", uri)

    def _resync(self, pos: int) -> int | None:
        """The offset of the next gzip member at or after ``pos`` that begins with a WARC record, or ``None``."""
        fh = self.fh
        while True:
            fh.seek(pos)
            data = fh.read(CHUNK)
            if len(data) < len(GZIP_MAGIC):
                return None
            at = data.find(GZIP_MAGIC)
            if at < 0:
                pos += len(data) - len(GZIP_MAGIC) + 1
                continue
            if self._holds_record(pos + at):
                return pos + at
            pos += at + 1
