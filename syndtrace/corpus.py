"""The input side of ``syndtrace scan``: paths in, ``RawRecord``s and ``InputProblem``s out.

Contract of :func:`iter_inputs`:

* Each path is a folder (read recursively), a file, a URL (``http://``,
  ``https://``: the page is fetched), or ``-`` (JSONL on standard input,
  shown as ``<stdin>``). In a folder, ``.txt``/``.md`` (articles, optionally
  with ``---`` front matter), ``.json`` (an object or a list of objects),
  ``.jsonl`` and ``.csv`` (records), ``.html``/``.htm`` (saved web pages)
  and ``.warc``/``.warc.gz`` (web archives) are read; hidden files and
  folders and other extensions are skipped. A file named directly is read by
  its extension, and as plain text when the extension is unknown. The URLs of
  ``urls`` (a ``--urls`` file's, with where they were listed) follow the
  paths. The URLs are fetched concurrently (``syndtrace.fetch``), and each
  page comes in its place in this order.
* Order is deterministic: paths as given; within a folder, files sorted by
  relative POSIX path; within a file, line order.
* Ids: the record's (or front matter's) ``id``; else a file's path relative to
  the scanned folder (``2020/feb/a.txt``), or as given when named directly;
  a record without one is ``<that path>:<line>``. A second record with an id
  already seen is a problem naming both places, and is skipped.
* Bad input never raises: each unusable file or record yields an
  ``InputProblem`` and reading goes on, so ``found = records + problems``.
  Metadata a record gives in a form that cannot be read (an object for an
  author) is left out of the record and told in an ``InputNote`` after its
  file, one per field.
* ``--max-bytes`` limits a whole article file, but each record of a JSON,
  JSONL or CSV file separately: big corpus files are normal, huge articles not.

``syndtrace.gather`` reads them into what a scan keeps (``load_corpus``).
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence

from syndtrace.errors import InputError
from syndtrace.load import decode_bytes, parse_front_matter
from syndtrace.fields import META_FIELDS, FieldMap
from syndtrace.fetch import is_url
from syndtrace.model import InputProblem, RawRecord
from syndtrace.pages import page_record, read_url_list, url_items, warc_items
from syndtrace.records import Item, RecordReader
from syndtrace.settings import Settings

__all__ = ["ARTICLE_EXTENSIONS", "FieldMap", "iter_inputs"]

# Extension -> reader. Order is the one the "no article files" message lists.
ARTICLE_EXTENSIONS = {
    ".txt": "text", ".md": "text", ".json": "json", ".jsonl": "jsonl", ".csv": "csv",
    ".html": "html", ".htm": "html", ".warc": "warc", ".warc.gz": "warc",
}  # fmt: skip
STDIN_PATH = "<stdin>"
_NO_ARTICLES = "no .txt, .md, .json, .jsonl, .csv, .html, .htm, .warc or .warc.gz files here"
_SNIFF_BYTES = 65536  # as much as load.decode_bytes inspects for NUL bytes


def iter_inputs(
    paths: Sequence[str],
    settings: Settings,
    fields: FieldMap | None = None,
    *,
    url_lists: Sequence[str] = (),
    cache: str | None = None,
) -> Iterator[Item]:
    """Yield every article record under ``paths`` and at ``urls``, a problem for each bad input, and notes.

    A note (``InputNote``) follows a record file whose records gave metadata
    in a form that was left out (``RecordReader.notes``), or a web archive
    whose records were not all HTML pages; it skips nothing.

    ``fields`` maps syndtrace's field names to a JSON/JSONL/CSV corpus's own
    (front matter always uses syndtrace's names). Duplicate ids and files
    reached twice (``scan corpus corpus/2020``) are problems, not records.
    ``url_lists`` are files of URLs, one a line (``--urls``): their bad
    lines are problems; ``cache`` is the folder that keeps fetched pages
    (``--cache``).
    """
    fields = fields or FieldMap()
    first_seen: dict[str, tuple[str, int | None]] = {}
    files_read: dict[tuple[int, int], str] = {}
    listed, bad_lines = [], []
    for list_file in url_lists:
        found, bad = read_url_list(list_file)
        listed += found
        bad_lines += bad
    web = [(p, None, None) for p in paths if is_url(p)] + listed
    fetched = url_items(web, settings, cache) if web else iter(())
    for given in [*paths, *(None for _ in listed)]:
        items = _fetched_one(fetched) if given is None or is_url(given) else _iter_path(given, settings, fields, files_read)
        for item in items:
            if type(item) is RawRecord:
                first = first_seen.get(item.id)
                if first is not None:
                    where = first[0] if first[1] is None else f"{first[0]}:{first[1]}"
                    yield InputProblem(
                        item.path,
                        f"duplicate id {item.id!r} (first seen at {where}); "
                        "ids must be unique, so this one was skipped",
                        item.line,
                    )
                    continue
                first_seen[item.id] = (item.path, item.line)
            yield item
    yield from bad_lines


def _fetched_one(fetched: Iterator[Item]) -> Iterator[Item]:
    """The next URL's record or problem (the fetcher yields them in the order the URLs were given)."""
    yield next(fetched)


def _kind_of(name: str) -> str | None:
    """The reader for a file name (``.warc.gz`` has two extensions), or None for other files."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc"
    return ARTICLE_EXTENSIONS.get(os.path.splitext(lower)[1])


def _iter_path(given: str, settings: Settings, fields: FieldMap, files_read: dict) -> Iterator[Item]:
    """One command-line path: stdin, a folder or a file."""
    if given == "-":
        stream = getattr(sys.stdin, "buffer", None)  # None when Python runs without a console
        if stream is None:
            yield InputProblem(STDIN_PATH, "standard input is not available; give file or folder paths")
            return
        reader = RecordReader(STDIN_PATH, STDIN_PATH, fields, settings.max_bytes)
        yield from reader.jsonl(stream)
        yield from reader.notes()
        return
    try:
        is_dir = stat.S_ISDIR(os.stat(given).st_mode)
    except FileNotFoundError:
        yield InputProblem(given, "no such file or directory")
        return
    except OSError as exc:
        yield InputProblem(given, f"cannot read it: {exc.strerror or exc}")
        return
    if not is_dir:
        kind = _kind_of(given) or "text"
        yield from _read_file(given, given, kind, settings, fields, files_read)
        return
    entries = _walk(given)
    if not entries:
        yield InputProblem(given, _NO_ARTICLES)
    for rel, path, problem in entries:
        if problem is not None:
            yield InputProblem(path, problem)
        else:
            yield from _read_file(path, rel, _kind_of(rel), settings, fields, files_read)


def _walk(root: str) -> list[tuple[str, str, str | None]]:
    """Article files under ``root`` as ``(relative POSIX path, path, None)``, sorted.

    A folder that cannot be listed appears as ``(rel, path, reason)`` in the
    same order. Symlinked folders are followed, each real folder once, so a
    link back up the tree cannot loop.
    """
    found: list[tuple[str, str, str | None]] = []
    seen_dirs: set[tuple[int, int]] = set()
    stack = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.append((rel, folder, f"cannot read this folder: {exc.strerror or exc}"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):  # .git, .DS_Store, editor swap files
                continue
            child = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append((entry.path, child))
            elif _kind_of(entry.name) is not None:
                found.append((child, entry.path, None))
        stack.extend(reversed(subfolders))  # depth-first in name order: deterministic link handling
    found.sort(key=lambda item: item[0])
    return found


def _read_file(
    path: str, id_base: str, kind: str, settings: Settings, fields: FieldMap, files_read: dict
) -> Iterator[Item]:
    """One file, read by ``kind`` (text, json, jsonl, csv, html or warc)."""
    head = b""
    try:
        st = os.stat(path)
        if kind in ("jsonl", "csv"):
            with open(path, "rb") as fp:
                head = fp.read(_SNIFF_BYTES)
    except OSError as exc:
        yield InputProblem(path, _os_reason(exc))
        return
    key = (st.st_dev, st.st_ino)
    if stat.S_ISREG(st.st_mode):  # pipes and devices have no lasting identity
        if key in files_read:
            yield InputProblem(path, f"this file was already read (as {files_read[key]}); skipped")
            return
        files_read[key] = path
    # Record files are streamed, never decoded whole, so refuse binary ones up front
    # instead of reporting every "line" of them.
    if b"\x00" in head:
        yield InputProblem(path, "this looks like a binary file (it contains NUL bytes), not an article")
        return
    if kind == "warc":  # streamed record by record: an archive's size is no limit
        yield from warc_items(path, settings)
        return
    reader = RecordReader(path, id_base, fields, settings.max_bytes)
    if kind == "jsonl":
        try:
            with open(path, "rb") as fp:
                yield from reader.jsonl(fp, spans=stat.S_ISREG(st.st_mode))
        except OSError as exc:
            yield InputProblem(path, _os_reason(exc))
        yield from reader.notes()
    elif kind == "csv":
        yield from reader.csv_file(path)
    else:
        limit = None if kind == "json" else settings.max_bytes
        try:
            data = _read_bytes(path, st, limit)
        except InputError as exc:
            yield InputProblem(path, exc.reason, exc.line)
            return
        except OSError as exc:
            yield InputProblem(path, _os_reason(exc))
            return
        if kind == "json":
            yield from reader.json_document(data)
            yield from reader.notes()
        elif kind == "html":
            try:
                yield page_record(data, path, id_base)
            except InputError as exc:
                yield InputProblem(path, exc.reason, exc.line)
        else:
            yield from _text_file(data, path, id_base, rereadable=stat.S_ISREG(st.st_mode))


def _read_bytes(path: str, st: os.stat_result, limit: int | None) -> bytes:
    """The whole file; ``InputError`` when it is over ``limit`` bytes."""
    if limit is None:
        with open(path, "rb") as fp:
            return fp.read()
    over = f"over the {limit:,}-byte limit (--max-bytes); raise --max-bytes to read it"
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise InputError(f"the file is {st.st_size:,} bytes, {over}", path)
    with open(path, "rb") as fp:
        # A pipe's size is unknown until read: read one byte past the limit to tell.
        data = fp.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"the input is more than {limit:,} bytes, {over}", path)
    return data


def _text_file(data: bytes, path: str, file_id: str, *, rereadable: bool = False) -> Iterator[Item]:
    """A ``.txt``/``.md`` article: the whole decoded text, front matter included.

    ``rereadable``: a regular file, whose bytes a scan may read again (``RawRecord.span``).
    """
    try:
        text, encoding = decode_bytes(data, path)
    except InputError as exc:
        yield InputProblem(path, exc.reason, exc.line)
        return
    front, body_start = parse_front_matter(text)
    if body_start and not text[body_start:].strip():
        yield InputProblem(path, "the article has front matter but no text")
        return
    values = ((name, front.get(name, "").strip()) for name in META_FIELDS)
    yield RawRecord(
        id=front.get("id", "").strip() or file_id,
        path=path,
        text=text,
        fields=tuple((name, value) for name, value in values if value),
        encoding=encoding,
        # Only UTF-8 is read back: another encoding was a detection, and the text is held.
        span=(0, len(data), zlib.crc32(data)) if rereadable and encoding == "utf-8" else None,
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read the file"
    return f"cannot read the file: {exc.strerror or exc}"
