"""Web archives (``.warc``, ``.warc.gz``): the HTML pages they hold, read as a stream.

warcio parses each record (WARC headers, HTTP headers, chunked and
compressed bodies); this module walks the file record by record itself, so
that it can tell a damaged record and go on after it. warcio reads a record
cut short without complaint, and after a record whose bytes are not where
its ``Content-Length`` says, it loses its place for the rest of the file
(and writes warnings straight to stderr). Here:

* A record is checked against its ``Content-Length``: fewer bytes than
  declared (the file, or its gzip member, ends early) is a record *cut off*;
  a record not followed by the blank lines that close it, and then the next
  record or the end, is *damaged*. Either is reported with the file and the
  record's byte offset, and reading goes on at the next record found after
  it: the next ``WARC/1.x`` line of a plain archive, the next gzip member
  that holds a record in a compressed one. So a record cut off in the middle
  of an archive costs that record only.
* Nothing is held but the record at hand, and of that only its HTML, up to
  ``max_bytes``: a multi-GB archive streams through in constant memory.
* HTML responses (status 2xx, ``text/html`` or ``application/xhtml+xml``,
  or ``resource`` records of those types) are the pages. Every other record
  (requests, revisits, images, scripts, redirects, metadata) is counted by
  kind for the summary, never silently dropped.

Offsets are of the record's first byte in the file; in a ``.warc.gz``, of the
gzip member that holds it (what CDX indexes give). warcio is imported only
when an archive is read.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from syndtrace.errors import InputError

_CHUNK = 1 << 16
_LINE_CAP = 1 << 16  # a header line longer than this is not a header line: damage, not a huge read
_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"WARC/1\.[01]\r?\n")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_END = b"\r\n\r\n"


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML page of the archive: its target URI, WARC-Date, record offset, HTTP content type and body.

    ``body`` is the HTTP payload with chunking and content encoding undone.
    """

    uri: str
    date: str | None
    offset: int
    content_type: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class WarcTrouble:
    """A record that could not be used: cut off, damaged, or a page over the size limit."""

    offset: int
    reason: str


@dataclass(frozen=True, slots=True)
class WarcSkipped:
    """The archive's records that are not HTML pages, counted by kind (most first), after the last page."""

    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def summary(self) -> str:
        """``"37 records are not HTML pages and were skipped: 20 request, 17 revisit"``."""
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.counts)
        noun = "record is not an HTML page and was" if self.total == 1 else "records are not HTML pages and were"
        return f"{self.total} {noun} skipped: {kinds}"


WarcItem = WarcPage | WarcTrouble | WarcSkipped


def is_warc_name(path: str) -> bool:
    """Whether ``path`` is named as a web archive (``.warc`` or ``.warc.gz``, any case)."""
    lower = path.lower()
    return lower.endswith(".warc") or lower.endswith(".warc.gz")


def read_warc(path: str, max_bytes: int) -> Iterator[WarcItem]:
    """Every HTML page of the archive at ``path``, every record that could not be read, then what was skipped.

    Raises ``InputError`` naming ``path`` before the first record when the
    file cannot be read at all: missing, empty, named ``.gz`` but not gzip,
    or not a WARC file. After that, trouble with one record is yielded as a
    ``WarcTrouble`` and reading goes on. A ``WarcSkipped`` comes last when
    any record was not a page.
    """
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
    with fh:
        head = fh.read(64)
        if not head.strip():
            raise InputError("the file is empty (no web archive records)", path)
        gzipped = head.startswith(_GZIP_MAGIC)
        if path.lower().endswith(".gz") and not gzipped:
            start = head[:16].decode("latin-1").split("\n")[0]
            raise InputError(
                f"named .gz but not gzip-compressed (it starts with {start!r}); "
                "rename a plain web archive to .warc",
                path,
            )
        skipped: Counter[str] = Counter()
        frames = _Gzipped(fh) if gzipped else _Plain(fh)
        if not frames.starts_with_record():
            raise InputError("this is not a WARC file (it does not start with a WARC/1.0 or WARC/1.1 record)", path)
        from warcio.recordloader import ArcWarcRecordLoader

        loader = ArcWarcRecordLoader(verify_http=False, arc2warc=False)
        yield from frames.records(loader, max_bytes, skipped)
    if skipped:
        yield WarcSkipped(tuple(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))))


class _Damage(Exception):
    """A record is not where or how its headers say; ``reason`` says how (naming the record's URI when known)."""

    def __init__(self, reason: str, uri: str = "") -> None:
        super().__init__(reason)
        self.uri = uri
        self.reason = f"{uri}: {reason}" if uri else reason


class _Lines:
    """A stream whose ``readline`` is capped, so garbage without line breaks is never read whole."""

    __slots__ = ("stream",)

    def __init__(self, stream) -> None:
        self.stream = stream

    def readline(self, limit: int | None = None) -> bytes:
        return self.stream.readline(_LINE_CAP if limit is None or limit < 0 else min(limit, _LINE_CAP))

    def read(self, size: int | None = -1) -> bytes:
        return self.stream.read(size)

    def tell(self) -> int:
        return self.stream.tell()


def _one_record(
    loader, stream, offset: int, max_bytes: int, skipped: Counter, statusline: bytes | None = None
) -> tuple[str, WarcPage | WarcTrouble | None]:
    """Parse and read the record at the stream's position: ``(its target URI, what it is)``, what it
    is ``None`` when it is not a page (counted in ``skipped``).

    ``statusline`` is the record's first line when it was read already.
    Raises ``_Damage`` when the record is cut off or malformed.
    """
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    try:
        record = loader.parse_record_stream(_Lines(stream), statusline, known_format="warc")
    except EOFError:
        raise _Damage("cut off: the archive ends inside the record's headers") from None
    except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, UnicodeDecodeError) as exc:
        raise _Damage(f"not a readable WARC record ({_first_line(exc)})") from None
    declared = record.rec_headers.get_header("Content-Length")
    if record.length is None or declared is None or not declared.strip().isdigit():
        raise _Damage(f"the record has no valid Content-Length ({declared!r})")
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    kind = _kind(record)
    body = b""
    too_big = False
    try:
        if kind is None:
            body, too_big = _read_capped(record.content_stream(), max_bytes)
        _drain(record.raw_stream)
    except EOFError:
        raise _Damage(f"cut off: the archive ends{_after_bytes(record, declared)}", uri) from None
    except (zlib.error, OSError, ValueError) as exc:
        reason = f"damaged: its data cannot be read ({_first_line(exc)}){_after_bytes(record, declared)}"
        raise _Damage(reason, uri) from None
    if record.raw_stream.limit > 0:
        raise _Damage(f"cut off: the archive ends{_after_bytes(record, declared)}", uri)
    if kind is not None:
        skipped[kind] += 1
        return uri, None
    if too_big:
        return uri, WarcTrouble(offset, f"{uri}: the page is over the {max_bytes:,}-byte limit; skipped")
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else record.content_type
    return uri, WarcPage(uri, record.rec_headers.get_header("WARC-Date"), offset, content_type, body)


def _after_bytes(record, declared: str) -> str:
    """Bytes read against bytes declared: warcio's reader gives no sign of a record cut short."""
    got = int(declared) - record.raw_stream.limit
    return f" after {got:,} of the {int(declared):,} bytes its Content-Length declares"


def _kind(record) -> str | None:
    """What a record that is not an HTML page is, for the summary; ``None`` for a page."""
    if record.rec_type == "resource":
        mime = _mime(record.content_type)
        return None if mime in _HTML_TYPES else mime or "resource"
    if record.rec_type != "response":
        return record.rec_type or "record without a type"
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP"):
        return _mime(record.content_type) or "response without HTTP headers"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP {status or '(no status)'}"
    mime = _mime(http.get_header("Content-Type"))
    if mime in _HTML_TYPES:
        return None
    return mime or "no content type"


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _read_capped(stream, max_bytes: int) -> tuple[bytes, bool]:
    """Up to ``max_bytes`` of ``stream``; ``(data, True)`` and the rest drained when there is more."""
    parts, size = [], 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(parts), False
        size += len(chunk)
        if size > max_bytes:
            _drain(stream)
            return b"", True
        parts.append(chunk)


def _drain(stream) -> None:
    while stream.read(_CHUNK):
        pass


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


class _Plain:
    """An uncompressed archive: records one after another, found again by their ``WARC/1.x`` line after damage."""

    def __init__(self, fh) -> None:
        self.fh = fh

    def starts_with_record(self) -> bool:
        start = self._skip_blank(0)
        if start is None:
            return False
        self.fh.seek(start)
        return _RECORD_START.match(self.fh.read(16)) is not None

    def records(self, loader, max_bytes: int, skipped: Counter) -> Iterator[WarcItem]:
        fh = self.fh
        pos = self._skip_blank(0)
        while pos is not None:
            fh.seek(pos)
            end = None
            try:
                uri, item = _one_record(loader, fh, pos, max_bytes, skipped)
                end = fh.tell()
                if fh.read(4) != _END:
                    raise _Damage("damaged: the record does not end where its Content-Length says", uri)
                after = self._skip_blank(end + 4)
                if after is not None:
                    fh.seek(after)
                    if fh.read(5) != b"WARC/":
                        raise _Damage("damaged: no record follows where its Content-Length says it ends", uri)
            except _Damage as exc:
                resume = self._resync(pos + 1)
                reason = exc.reason
                if end is not None and resume is not None and resume < end:
                    # The next record begins inside this one's declared length: this one is cut short.
                    reason = _Damage(
                        f"cut off: the next record begins at offset {resume}, inside the bytes its Content-Length declares",
                        exc.uri,
                    ).reason
                yield WarcTrouble(pos, reason + _resumed(resume))
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
            chunk = fh.read(_CHUNK)
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
            chunk = fh.read(_CHUNK)
            if not chunk:
                return None
            data = carry + chunk
            for m in _RECORD_START.finditer(data):
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
            headers = StatusAndHeadersParser(["WARC/1.0", "WARC/1.1"]).parse(_Lines(self.fh))
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
                self._pending = self.fh.read(_CHUNK)
                self.fed += len(self._pending)
                if not self._pending:
                    raise EOFError("the archive ends inside a gzip member")
            out = self._z.decompress(self._pending, size)
            self._pending = self._z.unconsumed_tail
            if out:
                buffer[: len(out)] = out
                return len(out)


class _Gzipped:
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
        return _RECORD_START.match(start) is not None

    def records(self, loader, max_bytes: int, skipped: Counter) -> Iterator[WarcItem]:
        pos: int | None = 0
        size = self.fh.seek(0, io.SEEK_END)
        while pos is not None and pos < size:
            member = _Member(self.fh, pos)
            try:
                items = self._member_records(loader, io.BufferedReader(member, _CHUNK), pos, max_bytes, skipped)
            except (_Damage, zlib.error, EOFError) as exc:
                resume = self._resync(pos + 1)
                if isinstance(exc, _Damage):
                    reason = exc.reason
                elif isinstance(exc, EOFError):
                    reason = "cut off: the archive ends inside the record's gzip member"
                else:
                    reason = f"damaged: its gzip data cannot be decompressed ({_first_line(exc)})"
                if member.end is None and resume is not None and resume < pos + member.fed:
                    # The decompressor ran on into the next member: this one stops short of its end.
                    uri = exc.uri if isinstance(exc, _Damage) else ""
                    reason = _Damage(
                        f"cut off: the next record's gzip member begins at offset {resume}, before this one ends", uri
                    ).reason
                yield WarcTrouble(pos, reason + _resumed(resume))
                pos = resume
                continue
            yield from items
            pos = member.end

    @staticmethod
    def _member_records(loader, stream, pos: int, max_bytes: int, skipped: Counter) -> list[WarcItem]:
        """The records of one member (normally one; some writers put several in a member)."""
        items: list[WarcItem] = []
        statusline = None
        while True:
            uri, item = _one_record(loader, stream, pos, max_bytes, skipped, statusline)
            if stream.read(4) != _END:
                raise _Damage("damaged: the record does not end where its Content-Length says", uri)
            if item is not None:
                items.append(item)
            statusline = stream.readline(_LINE_CAP)
            while statusline in (b"\r\n", b"\n"):
                statusline = stream.readline(_LINE_CAP)
            if not statusline:  # the member's end (damage would have raised)
                return items
            if not _RECORD_START.match(statusline):
                raise _Damage("damaged: the gzip member holds data after its record", uri)

    def _resync(self, pos: int) -> int | None:
        """The offset of the next gzip member at or after ``pos`` that begins with a WARC record, or ``None``."""
        fh = self.fh
        while True:
            fh.seek(pos)
            data = fh.read(_CHUNK)
            if len(data) < len(_GZIP_MAGIC):
                return None
            at = data.find(_GZIP_MAGIC)
            if at < 0:
                pos += len(data) - len(_GZIP_MAGIC) + 1
                continue
            if self._holds_record(pos + at):
                return pos + at
            pos += at + 1
