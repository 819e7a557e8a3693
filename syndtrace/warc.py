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

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from syndtrace.errors import InputError
from syndtrace.warcframes import CHUNK, GZIP_MAGIC, Broken, Damage, Gzipped, Lines, Plain, first_line

_HTML_TYPES = ("text/html", "application/xhtml+xml")


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
        gzipped = head.startswith(GZIP_MAGIC)
        if path.lower().endswith(".gz") and not gzipped:
            start = head[:16].decode("latin-1").split("\n")[0]
            raise InputError(
                f"named .gz but not gzip-compressed (it starts with {start!r}); "
                "rename a plain web archive to .warc",
                path,
            )
        skipped: Counter[str] = Counter()
        frames = Gzipped(fh) if gzipped else Plain(fh)
        if not frames.starts_with_record():
            raise InputError("this is not a WARC file (it does not start with a WARC/1.0 or WARC/1.1 record)", path)
        from warcio.recordloader import ArcWarcRecordLoader

        loader = ArcWarcRecordLoader(verify_http=False, arc2warc=False)

        def read_one(stream, offset: int, statusline: bytes | None):
            return _one_record(loader, stream, offset, statusline, max_bytes, skipped)

        for item in frames.records(read_one):
            yield WarcTrouble(item.offset, item.reason) if isinstance(item, Broken) else item
    if skipped:
        yield WarcSkipped(tuple(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))))


def _one_record(
    loader, stream, offset: int, statusline: bytes | None, max_bytes: int, skipped: Counter
) -> tuple[str, WarcPage | WarcTrouble | None]:
    """Parse and read the record at the stream's position: ``(its target URI, what it is)``, what it
    is ``None`` when it is not a page (counted in ``skipped``).

    ``statusline`` is the record's first line when it was read already.
    Raises ``_Damage`` when the record is cut off or malformed.
    """
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    try:
        record = loader.parse_record_stream(Lines(stream), statusline, known_format="warc")
    except EOFError:
        raise Damage("cut off: the archive ends inside the record's headers") from None
    except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, UnicodeDecodeError) as exc:
        raise Damage(f"not a readable WARC record ({first_line(exc)})") from None
    declared = record.rec_headers.get_header("Content-Length")
    if record.length is None or declared is None or not declared.strip().isdigit():
        raise Damage(f"the record has no valid Content-Length ({declared!r})")
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    kind = _kind(record)
    body = b""
    too_big = False
    try:
        if kind is None:
            body, too_big = _read_capped(record.content_stream(), max_bytes)
        _drain(record.raw_stream)
    except EOFError:
        raise Damage(f"cut off: the archive ends{_after_bytes(record, declared)}", uri) from None
    except (zlib.error, OSError, ValueError) as exc:
        reason = f"damaged: its data cannot be read ({first_line(exc)}){_after_bytes(record, declared)}"
        raise Damage(reason, uri) from None
    if record.raw_stream.limit > 0:
        raise Damage(f"cut off: the archive ends{_after_bytes(record, declared)}", uri)
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
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(parts), False
        size += len(chunk)
        if size > max_bytes:
            _drain(stream)
            return b"", True
        parts.append(chunk)


def _drain(stream) -> None:
    while stream.read(CHUNK):
        pass


