"""Article records in JSON, JSONL and CSV files.

``syndtrace.corpus`` decides which files to read; this module turns one
file's records into ``RawRecord``s, or an ``InputProblem`` per record that
cannot be used (with its 1-based line), and never raises for bad data.

A record has a text field and optionally id, outlet, date, title, url and
author; ``FieldMap`` (``syndtrace.fields``) says which of the corpus's names
hold them. A record without an id is named ``<id_base>:<line>``.

Speed matters here (``scan`` reads hundreds of thousands of records): JSONL is
read as bytes line by line and each line goes straight to orjson (to
``json.loads`` when orjson would read it differently, or not at all:
``syndtrace.jsonvalues``);
charset detection runs only for a line that is not UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence

from syndtrace.errors import InputError
from syndtrace.fields import META_FIELDS, FieldMap
from syndtrace.jsonvalues import kind_of, load_json_line, meta_value, unusable
from syndtrace.load import decode_bytes
from syndtrace.model import InputNote, InputProblem, RawRecord

# The csv module's default 128 KiB field limit is far below a long article; records
# over --max-bytes are reported one by one instead of the file dying mid-way.
_CSV_FIELD_LIMIT = 2**31 - 1

Item = RawRecord | InputProblem | InputNote


# A JSON "\ud800" escape decodes to a lone UTF-16 surrogate: not a character, and no
# UTF-8 writer (the fingerprinting, the output file) can encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordReader:
    """Turns one input's records into ``RawRecord``s or ``InputProblem``s; ``notes`` says what was left out.

    ``path`` is shown in problems and kept on records; ``id_base`` names
    records that carry no id (``<id_base>:<line>``).
    """

    __slots__ = ("path", "id_base", "max_bytes", "text_col", "id_col", "meta", "left_out")

    def __init__(self, path: str, id_base: str, fields: FieldMap, max_bytes: int) -> None:
        self.path = path
        self.id_base = id_base
        self.max_bytes = max_bytes
        self.text_col = fields.column("text")
        self.id_col = fields.column("id")
        self.meta = tuple((name, fields.column(name)) for name in META_FIELDS)
        # Metadata fields given in a form left out: field -> [records, first line, first value's kind].
        self.left_out: dict[str, list] = {}

    def problem(self, reason: str, line: int | None) -> InputProblem:
        return InputProblem(self.path, reason, line)

    def record(
        self,
        obj: dict,
        line: int | None,
        *,
        default_id: str,
        encoding: str,
        size_bound: int = 0,
        escaped: bool = True,
        span: tuple[int, int, int] | None = None,
    ) -> Item:
        """Validate one JSON object. ``size_bound`` >= the text's UTF-8 size, if known cheaply.

        ``escaped=False`` says the source held no ``\\uD...`` escape, so no string can hold a lone surrogate.
        ``span`` is where the object's bytes lie in the file (``RawRecord.span``).
        """
        text = obj.get(self.text_col)
        if not isinstance(text, str) or not text or text.isspace():
            if self.text_col not in obj:
                have = ", ".join(map(repr, list(obj)[:8])) or "none"
                return self.problem(
                    f"the record has no {self.text_col!r} field for the article text (its fields: {have}); "
                    "name the text field with --field text=NAME",
                    line,
                )
            col = self.text_col
            if isinstance(text, str):
                return self.problem(f"the {col!r} field is empty; the record has no article text", line)
            return self.problem(f"the {col!r} field is {kind_of(text)}, not a string of article text", line)
        raw_id = obj.get(self.id_col)
        if raw_id is None or isinstance(raw_id, str):
            doc_id = raw_id.strip() if raw_id else ""
        elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
            doc_id = str(raw_id)
        else:
            return self.problem(
                f"the {self.id_col!r} field is {kind_of(raw_id)}; an id must be a string or an integer", line
            )
        too_big = self._too_big(text, size_bound)
        if too_big:
            return self.problem(too_big, line)
        fields = []
        for name, col in self.meta:
            value = obj.get(col)
            if value is not None:
                readable = meta_value(value)
                if readable:
                    fields.append((name, readable))
                elif unusable(value):
                    seen = self.left_out.setdefault(col, [0, line, kind_of(value)])
                    seen[0] += 1
        if escaped:
            columns = dict(self.meta)  # problems name the field as the input spells it
            named = [(columns[name], value) for name, value in fields]
            for name, value in ((self.text_col, text), (self.id_col, raw_id), *named):
                hit = _SURROGATE.search(value) if isinstance(value, str) else None
                if hit:
                    return self.problem(
                        f"the {name!r} field holds a lone surrogate escape (\\u{ord(hit.group()):04x}) at character "
                        f"{hit.start() + 1}, which is not a character; fix the escape in the source",
                        line,
                    )
        return RawRecord(doc_id or default_id, self.path, text, tuple(fields), line, encoding, span)

    def notes(self) -> list[InputNote]:
        """One note per metadata field that records gave in a form left out, for the records read so far.

        A record keeps its text when, say, its author is an object
        (``{"name": ...}``): the field is left out, and the user told which.
        """
        notes = []
        for col, (count, line, kind) in sorted(self.left_out.items()):
            name = next(n for n, c in self.meta if c == col)
            where = "" if count == 1 else f" in {count} records (this one the first)"
            notes.append(
                InputNote(
                    self.path,
                    f"the {col!r} field is {kind}{where}, not text, so it was left out; give it as text, "
                    f"a number or a list of texts, or name another field with --field {name}=NAME",
                    line,
                )
            )
        return notes

    def _too_big(self, text: str, size_bound: int) -> str | None:
        # Encoding 5 KB per record just to measure it would cost: cheap bounds settle
        # nearly every record (a UTF-8 character is at most 4 bytes).
        if (size_bound and size_bound <= self.max_bytes) or len(text) * 4 <= self.max_bytes:
            return None
        size = len(text.encode("utf-8", "surrogatepass"))
        if size <= self.max_bytes:
            return None
        return (
            f"the article text is {size:,} bytes, over the {self.max_bytes:,}-byte limit "
            "(--max-bytes); raise --max-bytes to read it"
        )

    # JSONL ---------------------------------------------------------------

    def jsonl(self, lines: Iterable[bytes], *, spans: bool = False) -> Iterator[Item]:
        """One record per line of ``lines`` (bytes, as read from a binary file).

        Blank lines are skipped (they keep their line numbers). A file with no
        record at all yields one problem. ``spans=True`` (a file that can be
        read again, not a pipe) gives each UTF-8 record its line's
        ``RawRecord.span``.
        """
        loads, base, fallback = load_json_line, self.id_base, None
        seen_any = False
        offset = 0
        for lineno, raw in enumerate(lines, 1):
            at, offset = offset, offset + len(raw)
            if not raw or raw.isspace():
                continue
            seen_any = True
            encoding = "utf-8"
            try:
                try:
                    obj = loads(raw)
                except UnicodeDecodeError:
                    text, encoding = self._decode_line(raw, lineno, fallback)
                    fallback = encoding
                    obj = json.loads(text)
            except InputError as exc:
                yield self.problem(exc.reason, lineno)
                continue
            except ValueError as exc:  # JSONDecodeError, or e.g. an integer too long to convert
                if isinstance(exc, json.JSONDecodeError):
                    exc = f"at column {exc.colno} ({exc.msg})"
                yield self.problem(f"invalid JSON {exc}; each line must be one JSON object", lineno)
                continue
            except RecursionError:
                yield self.problem("the JSON is nested too deeply to read", lineno)
                continue
            if type(obj) is not dict:
                yield self.problem(f"expected a JSON object ({{...}}) on each line, got {kind_of(obj)}", lineno)
                continue
            # A valid UTF-8 line is never shorter than its text's UTF-8 (escapes only shrink).
            bound = len(raw) if encoding == "utf-8" else 0
            escaped = b"\\ud" in raw or b"\\uD" in raw
            # Only UTF-8 lines are read back: another encoding was detected, and is held.
            span = (at, len(raw), zlib.crc32(raw)) if spans and encoding == "utf-8" else None
            yield self.record(
                obj, lineno, default_id=f"{base}:{lineno}", encoding=encoding, size_bound=bound, escaped=escaped,
                span=span,
            )  # fmt: skip
        if not seen_any:
            yield self.problem("the file is empty (nothing to compare)", None)

    def _decode_line(self, raw: bytes, lineno: int, fallback: str | None) -> tuple[str, str]:
        # A file is normally in one encoding: once detected, try it first, which
        # keeps charset-normalizer off every later accented line.
        if fallback:
            try:
                return raw.decode(fallback), fallback
            except UnicodeDecodeError:
                pass
        return decode_bytes(raw, self.path, lineno)

    # JSON ----------------------------------------------------------------

    def json_document(self, data: bytes) -> Iterator[Item]:
        """A ``.json`` file: one object (a record named like a text file) or a list of them.

        Invalid JSON is one problem for the file: a truncated document cannot
        be trusted in part.
        """
        try:
            text, encoding = decode_bytes(data, self.path)
            items = _json_items(text)
        except InputError as exc:
            yield self.problem(exc.reason, exc.line)
            return
        except json.JSONDecodeError as exc:
            hint = "; if it holds one object per line, name it .jsonl" if exc.msg == "Extra data" else ""
            yield self.problem(f"invalid JSON at column {exc.colno} ({exc.msg}){hint}", exc.lineno)
            return
        except RecursionError:
            yield self.problem("the JSON is nested too deeply to read", None)
            return
        for value, line, col, shared_line in items:
            if type(value) is not dict:
                want = "each list item to be a JSON object" if line else "a JSON object or a list of objects"
                yield self.problem(f"expected {want}, got {kind_of(value)}", line)
                continue
            if line is None:
                default_id = self.id_base
            else:
                # Compact JSON puts every item on line 1; the column keeps ids unique.
                default_id = f"{self.id_base}:{line}:{col}" if shared_line else f"{self.id_base}:{line}"
            yield self.record(value, line, default_id=default_id, encoding=encoding)

    # CSV -----------------------------------------------------------------

    def csv_file(self, open_path: str) -> Iterator[Item]:
        """A ``.csv`` file with a header row; one record per row.

        Read as UTF-8 while it lasts; at the first byte that is not, the whole
        file is decoded by ``decode_bytes`` and reading resumes after the rows
        already yielded.
        """
        if csv.field_size_limit() < _CSV_FIELD_LIMIT:
            csv.field_size_limit(_CSV_FIELD_LIMIT)
        done = [0]  # data rows handled so far: shared with _csv_rows across both passes
        try:
            with open(open_path, newline="", encoding="utf-8-sig") as fp:
                yield from self._csv_rows(fp, "utf-8", done)
            return
        except UnicodeDecodeError:
            pass
        except OSError as exc:
            yield self.problem(f"cannot read the file: {exc.strerror or exc}", None)
            return
        try:
            with open(open_path, "rb") as fp:
                text, encoding = decode_bytes(fp.read(), self.path)
        except InputError as exc:
            yield self.problem(exc.reason, exc.line)
            return
        except OSError as exc:
            yield self.problem(f"cannot read the file: {exc.strerror or exc}", None)
            return
        yield from self._csv_rows(io.StringIO(text, newline=""), encoding, done)

    def _csv_rows(self, fp: Iterable[str], encoding: str, done: list[int]) -> Iterator[Item]:
        reader = csv.reader(fp)
        header: list[str] | None = None
        skip = done[0]
        while True:
            # The row starts on the line after the last one the reader consumed.
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield self.problem(f"cannot read the CSV ({exc}); the rest of the file was skipped", start)
                return
            if not row:
                continue
            if header is None:
                header = [name.strip() for name in row]
                if self.text_col not in header:
                    yield self.problem(
                        f"the header has no {self.text_col!r} column for the article text "
                        f"(columns: {', '.join(header)}); name it with --field text=COLUMN",
                        start,
                    )
                    return
                # Only the mapped columns are copied out of each row; the first of
                # two same-named columns wins.
                wanted = {self.text_col, self.id_col, *(col for _, col in self.meta)}
                index = {}
                for i, name in enumerate(header):
                    if name in wanted:
                        index.setdefault(name, i)
                continue
            if skip:
                skip -= 1
                continue
            done[0] += 1
            if len(row) != len(header):
                yield self.problem(
                    f"the row has {len(row)} columns but the header has {len(header)}; "
                    "quote fields that contain commas or line breaks",
                    start,
                )
                continue
            obj = {col: row[i] for col, i in index.items()}
            yield self.record(obj, start, default_id=f"{self.id_base}:{start}", encoding=encoding)
        if header is None:
            yield self.problem("the file is empty (nothing to compare)", None)


def _json_items(text: str) -> Sequence[tuple[object, int | None, int, bool]] | None:
    """Parse a JSON document into ``(value, line, column, line_shared)`` items.

    A top-level list gives one item per element, with the 1-based line and
    column where it starts; anything else is one item with line ``None``.
    ``json.loads`` alone would lose the positions that name records.
    """
    decoder, skip_ws = json.JSONDecoder(), json.decoder.WHITESPACE.match
    pos = skip_ws(text, 0).end()
    if not text.startswith("[", pos):
        value, end = decoder.raw_decode(text, pos)
        items = [(value, None, 0, False)]
    else:
        starts: list[tuple[object, int]] = []
        pos = skip_ws(text, pos + 1).end()
        if text.startswith("]", pos):
            end = pos + 1
        else:
            while True:
                value, end = decoder.raw_decode(text, pos)
                starts.append((value, pos))
                end = skip_ws(text, end).end()
                if text.startswith(",", end):
                    pos = skip_ws(text, end + 1).end()
                elif text.startswith("]", end):
                    end += 1
                    break
                else:
                    raise json.JSONDecodeError("Expecting ',' delimiter", text, end)
        items, line, last = [], 1, 0
        for value, offset in starts:
            line += text.count("\n", last, offset)
            last = offset
            items.append((value, line, offset - text.rfind("\n", 0, offset), False))
        counts: dict[int, int] = {}
        for item in items:
            counts[item[1]] = counts.get(item[1], 0) + 1
        items = [(v, ln, col, counts[ln] > 1) for v, ln, col, _ in items]
    extra = skip_ws(text, end).end()
    if extra != len(text):
        raise json.JSONDecodeError("Extra data", text, extra)
    return items
