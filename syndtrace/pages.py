"""Web inputs as syndtrace records: saved pages, web archive records and fetched URLs.

Each page becomes a ``RawRecord`` whose text is the article trafilatura
extracted (``syndtrace.html``; ``text_source`` ``extracted-html``), so
offsets index that text. Metadata fills the record's fields with this
precedence: a front matter block at the top of a saved page, then the page's
own metadata (``page``), then, for a web archive's record, the date the
archive captured it (``warc-date``) when the page gives none; whatever is
still missing is guessed from the text later, as for any article.
``RawRecord.origins`` says which gave each field, and the JSON's
``metadata_from`` repeats it.

Ids: a saved page's is its front matter's ``id``, else its path (as for text
files); a web archive record's and a fetched page's is its URL.

Pages are held in memory as extracted (like CSV records): re-extracting a
page to read it back would cost the extraction again. An extracted article is
a few kilobytes, against the tens or hundreds of the page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from syndtrace.errors import InputError
from syndtrace.fields import META_FIELDS
from syndtrace.model import Document, InputNote, InputProblem, RawRecord
from syndtrace.settings import Settings

EXTRACTED = "extracted-html"
PAGE_EXTENSIONS = (".html", ".htm")


def is_page_name(path: str) -> bool:
    """Whether ``path`` is named as a saved web page (``.html``, ``.htm``)."""
    return path.lower().endswith(PAGE_EXTENSIONS)


def page_record(
    data: bytes,
    path: str,
    default_id: str,
    *,
    content_type: str | None = None,
    source_url: str | None = None,
    offset: int | None = None,
    captured: str | None = None,
) -> RawRecord:
    """A page's bytes as a ``RawRecord`` of its extracted article. Raises ``InputError`` naming ``path``.

    ``captured`` is a web archive's WARC-Date, the date when the page gives none.
    """
    from syndtrace.html import decode_page, extract_html
    from syndtrace.load import parse_front_matter

    text, encoding = decode_page(data, path, content_type=content_type)
    front, body_start = parse_front_matter(text) if text.lstrip("\ufeff").startswith("---") else ({}, 0)
    if front and not text[body_start:].strip():
        raise InputError("the page has front matter but no HTML", path)
    page = extract_html(text[body_start:], path, encoding=encoding)
    values: dict[str, str] = {}
    origins: dict[str, str] = {}
    for source, given in (("front-matter", front), ("page", dict(page.fields)), ("warc-date", {"date": captured})):
        for name in META_FIELDS:
            value = (given.get(name) or "").strip()
            if value and name not in values:
                values[name], origins[name] = value, source
    return RawRecord(
        id=(front.get("id") or "").strip() or default_id,
        path=path,
        text=page.text,
        fields=tuple(sorted(values.items())),
        encoding=page.encoding,
        origins=tuple(sorted(origins.items())),
        text_source=EXTRACTED,
        source_url=source_url,
        offset=offset,
    )


def page_document(record: RawRecord) -> Document:
    """The ``Document`` of a page's record (``compare``): its fields and their origins, then guesses from the text."""
    from syndtrace.load import document_from_record

    return document_from_record(record, record.text)


def warc_items(path: str, settings: Settings) -> Iterator[RawRecord | InputProblem | InputNote]:
    """The HTML pages of a web archive as records; a problem per record that cannot be used; a note of the rest.

    Never raises: an archive that cannot be read at all is one problem.
    """
    from syndtrace.warc import WarcPage, WarcSkipped, WarcTrouble, read_warc

    try:
        for item in read_warc(path, settings.max_bytes):
            if isinstance(item, WarcPage):
                try:
                    yield page_record(
                        item.body, path, item.uri, content_type=item.content_type,
                        source_url=item.uri, offset=item.offset, captured=item.date,
                    )  # fmt: skip
                except InputError as exc:
                    yield InputProblem(path, f"{item.uri}: {exc.reason}", offset=item.offset)
            elif isinstance(item, WarcTrouble):
                yield InputProblem(path, item.reason, offset=item.offset)
            elif isinstance(item, WarcSkipped):
                yield InputNote(path, item.summary())
    except InputError as exc:
        yield InputProblem(path, exc.reason)
    except OSError as exc:
        yield InputProblem(path, f"cannot read the file: {exc.strerror or exc}")


def url_items(
    urls: Sequence[tuple[str, str | None, int | None]], settings: Settings, cache: str | None
) -> Iterator[RawRecord | InputProblem]:
    """Fetch ``(url, list file, line)`` entries concurrently; yield a record or a problem for each, in order.

    A problem names the URL (and the list file's line it came from).
    """
    from syndtrace.fetch import Fetched, Fetcher, fetch_all

    fetcher = Fetcher(settings, cache)
    for (url, where, line), got in zip(urls, fetch_all([u for u, _, _ in urls], fetcher)):
        # A URL of a list file is reported at its line there, the URL first in the reason.
        path, prefix = (url, "") if where is None else (where, f"{url}: ")
        if not isinstance(got, Fetched):
            yield InputProblem(path, prefix + got.reason, line)
            continue
        try:
            yield page_record(got.body, url, url, content_type=got.content_type, source_url=got.final_url)
        except InputError as exc:
            yield InputProblem(path, prefix + exc.reason, line)


def read_url_list(path: str) -> tuple[list[tuple[str, str | None, int | None]], list[InputProblem]]:
    """The URLs of a ``--urls`` file (one a line; blank lines and ``#`` comments skipped) and its bad lines."""
    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except OSError as exc:
        return [], [InputProblem(path, f"cannot read the URL list: {exc.strerror or exc}")]
    from syndtrace.fetch import is_url
    from syndtrace.load import decode_bytes

    try:
        text, _ = decode_bytes(data, path)
    except InputError as exc:
        return [], [InputProblem(path, exc.reason)]
    urls, problems = [], []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line) and not any(ch.isspace() for ch in line):
            urls.append((line, path, number))
        else:
            problems.append(InputProblem(path, f"not an http:// or https:// URL: {line[:120]!r}", number))
    return urls, problems
