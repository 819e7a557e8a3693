"""Load stage: bytes on disk to a ``Document`` (text + front-matter metadata).

Decoding: UTF-8 first (with or without BOM); otherwise charset-normalizer
detects the encoding, and a file it cannot decode with confidence is an
``InputError`` rather than mojibake. Binary files (NUL bytes) and empty files
are refused with a message naming the file.

Front matter is an optional ``---`` block at the top with ``key: value``
lines; its fields (id, outlet, date, title, url, author) win over anything
guessed later from the text. Offsets everywhere index the decoded text *with*
the front matter, so ``text[start:end]`` always matches the file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from syndtrace.errors import InputError
from syndtrace.model import Document, RawRecord

FRONT_MATTER_FIELDS = ("id", "outlet", "date", "title", "url", "author")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def decode_bytes(data: bytes, path: str, line: int | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    Raises ``InputError`` naming ``path`` for empty, binary or undecodable
    input. A UTF-8 BOM is dropped (it is not part of the article).
    """
    if not data.strip():
        raise InputError("the file is empty (nothing to compare)", path, line)
    if b"\x00" in data[:65536]:
        raise InputError("this looks like a binary file (it contains NUL bytes), not an article", path, line)
    try:
        text = data.decode("utf-8")
        return (text[1:] if text.startswith("\ufeff") else text), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    mostly_utf8 = _utf8_with_stray_bytes(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    # Imported here: charset-normalizer costs ~50 ms at start-up and most files are UTF-8.
    from charset_normalizer import from_bytes

    best = _prefer_western(from_bytes(data))
    if best is None or best.encoding is None:
        raise InputError(
            f"cannot decode the text: it is not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "and no other encoding fits; convert it to UTF-8 (e.g. with iconv)",
            path,
            line,
        )
    text = str(best)
    if _looks_binary(text):
        raise InputError("this looks like a binary file, not an article", path, line)
    return text, best.encoding


# Among equally plausible single-byte encodings, the Western ones are by far the
# likeliest for news text (charset-normalizer ties cp1250 with cp1252 on French or
# Spanish and the first listed wins, turning "tempête" into "tempęte").
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _prefer_western(matches):
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.percent_chaos == best.percent_chaos]
    for name in _WESTERN:
        for m in tied:
            if m.encoding == name:
                return m
    return best


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray single bytes (a cp1252 apostrophe, a cut character).

    Decoding the whole file as a single-byte encoding would turn every real
    UTF-8 accent and curly quote into mojibake, so when nearly everything is
    valid UTF-8 the stray bytes alone are read as cp1252.
    """
    strays = 0

    def stray(exc: UnicodeDecodeError):
        nonlocal strays
        strays += exc.end - exc.start
        return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end

    import codecs

    codecs.register_error("syndtrace-stray", stray)
    text = data.decode("utf-8", errors="syndtrace-stray")
    high = sum(1 for b in data if b >= 0x80)
    if strays <= max(2, high // 50):
        return (text[1:] if text.startswith("\ufeff") else text), "utf-8 (with stray bytes read as cp1252)"
    return None


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace in >1% of the text mean binary."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(1, len(sample) // 100)


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return ``(fields, body_start)`` for a leading ``---`` block (or ``({}, 0)``).

    Values may be quoted with single or double quotes; keys are lower-cased.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields: dict[str, str] = {}
    for raw in match.group(1).splitlines():
        m = _FM_LINE.match(raw)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value:
            fields[key] = value
    return fields, match.end()


def document_from_text(
    text: str,
    *,
    doc_id: str,
    path: str | None,
    encoding: str = "utf-8",
    record: dict[str, str] | None = None,
    line: int | None = None,
    origins: dict[str, str] | None = None,
    text_source: str = "file",
    source_url: str | None = None,
    offset: int | None = None,
) -> Document:
    """Build a ``Document`` from decoded text plus optional record fields.

    Precedence: front matter, then ``record`` (a JSONL/CSV row's fields), then
    whatever ``syndtrace.metadata`` guesses from the text. An ``id`` in front
    matter or the record replaces ``doc_id``. ``origins`` names where a
    record field came from when not the record itself (a web page's
    metadata: ``page``). Text extracted from a web page (``text_source``
    ``extracted-html``) has no front matter of its own: the page's was read
    when it was extracted.
    """
    from syndtrace.metadata import enrich

    fields, body_start = parse_front_matter(text) if text_source == "file" else ({}, 0)
    provenance: dict[str, str] = {}
    values: dict[str, str | None] = {}
    for name in FRONT_MATTER_FIELDS:
        if name in fields:
            values[name], provenance[name] = fields[name], "front-matter"
        elif record and record.get(name):
            values[name], provenance[name] = str(record[name]), (origins or {}).get(name, "record")
    if not text[body_start:].strip():
        raise InputError("the article has front matter but no text", path, line)
    doc = Document(
        id=values.get("id") or doc_id,
        path=path,
        text=text,
        body_start=body_start,
        title=values.get("title"),
        outlet=values.get("outlet"),
        date=values.get("date"),
        author=values.get("author"),
        url=values.get("url"),
        provenance=tuple(sorted(provenance.items())),
        encoding=encoding,
        line=line,
        text_source=text_source,
        source_url=source_url,
        offset=offset,
    )
    return enrich(doc)


def document_from_record(rec: RawRecord, text: str) -> Document:
    """The ``Document`` of a corpus record whose text is ``text`` (a scan reads texts back apart from records)."""
    return document_from_text(
        text, doc_id=rec.id, path=rec.path, encoding=rec.encoding, record=dict(rec.fields), line=rec.line,
        origins=dict(rec.origins), text_source=rec.text_source, source_url=rec.source_url, offset=rec.offset,
    )  # fmt: skip


def load_file(path: str, *, doc_id: str | None = None, max_bytes: int | None = None) -> Document:
    """Read one article file (``-`` is stdin) and return its ``Document``.

    The id is front matter's ``id``, else ``doc_id``, else the file name
    without its extension. A saved web page (``.html``, ``.htm``) is read
    for the article it holds (``syndtrace.pages``); a web archive is refused
    (it holds many pages: ``scan`` reads it).
    """
    from syndtrace.pages import is_page_name
    from syndtrace.warc import is_warc_name

    if path != "-" and is_warc_name(path):
        raise InputError("a web archive holds many pages: scan reads it (syndtrace scan FILE)", path)
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", path)
        if p.is_dir():
            raise InputError("this is a directory; give article files (scan reads folders)", path)
        try:
            size = p.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise InputError(
                    f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)", path
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError("permission denied: cannot read the file", path) from None
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
        name = p.stem
        if is_page_name(path):
            from syndtrace.pages import page_document, page_record

            return page_document(page_record(data, path, doc_id or name))
    text, encoding = decode_bytes(data, path)
    return document_from_text(text, doc_id=doc_id or name, path=path, encoding=encoding)
