"""Saved web pages: the article's text and metadata, extracted with trafilatura.

A page is mostly not the article: navigation, share bars, newsletter boxes,
related stories, comments, cookie banners, footers. trafilatura finds the
main text and reads the metadata (title, author, date, site name, canonical
URL) from ``<meta>`` tags, JSON-LD and the markup. Comments are left out
(trafilatura keeps them unless told not to). Its date search is kept to the
page's metadata and markup: the "extensive" search reads any date-like text,
and took the "© 2020" of a footer for a publication date of 2020-01-01.

The extracted text is the article's title, then its paragraphs, separated by
blank lines (as syndtrace's own text files are): every offset syndtrace
reports for a page indexes this text, not the HTML (``text_source`` says so in
the JSON). A page may open with a ``---`` front matter block (static-site
sources do); its fields win over the page's metadata.

trafilatura (with lxml, htmldate, ...) takes about 0.15 s to import, so it is
imported only when a page is read: comparing two text files never loads it.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from syndtrace.errors import InputError

# trafilatura's names for the metadata syndtrace reads, with syndtrace's field names.
_PAGE_FIELDS = (("title", "title"), ("author", "author"), ("date", "date"), ("sitename", "outlet"), ("url", "url"))
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
_SNIFF = 65536
# Fewer words than this outside the title is no article: what trafilatura falls back to on a
# page without one is its menu ("Home", "News") or an error message.
_MIN_ARTICLE_WORDS = 15
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_LINE_SPACE = re.compile(r"[ \t\u00a0]+")
# As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are read as windows-1252.
_LABEL_AS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True, slots=True)
class Page:
    """What syndtrace keeps of a page.

    ``text`` is the title and the main text, paragraphs separated by blank
    lines; ``fields`` holds the metadata found in the page under syndtrace's
    names (title, author, date, outlet, url), sorted; ``encoding`` is how the
    page's bytes were decoded.
    """

    text: str
    fields: tuple[tuple[str, str], ...]
    encoding: str


def extract_page(data: bytes, path: str, *, content_type: str | None = None, line: int | None = None) -> Page:
    """Extract the article of an HTML page.

    ``content_type`` is the HTTP header the page was served with, if any (its
    charset is honoured before the page's own ``<meta charset>``). Raises
    ``InputError`` naming ``path`` for an empty page, binary data, or a page
    with no article text.
    """
    html, encoding = decode_page(data, path, content_type=content_type, line=line)
    return extract_html(html, path, encoding=encoding, line=line)


def decode_page(data: bytes, path: str, *, content_type: str | None = None, line: int | None = None) -> tuple[str, str]:
    """The page's text and the encoding read: the declared charset if it decodes, else syndtrace's detection."""
    if not data.strip():
        raise InputError("the page is empty (nothing to compare)", path, line)
    if b"\x00" in data[:_SNIFF]:
        raise InputError("this looks like a binary file (it contains NUL bytes), not a web page", path, line)
    declared = _declared_charset(data, content_type)
    if declared:
        try:
            text = data.decode(declared)
            return (text[1:] if text.startswith("\ufeff") else text), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: detect instead
    from syndtrace.load import decode_bytes

    return decode_bytes(data, path, line)


def extract_html(html: str, path: str, *, encoding: str = "utf-8", line: int | None = None) -> Page:
    """The article of decoded HTML ``html`` (see ``extract_page``)."""
    extracted = _extract(html)
    if extracted is None:
        raise InputError("no article text found in this page (trafilatura found no main text)", path, line)
    paragraphs = _paragraphs(extracted.text or "")
    values = {ours: _clean(getattr(extracted, theirs, None)) for theirs, ours in _PAGE_FIELDS}
    title = values.get("title")
    headed = bool(title and paragraphs and _same_line(paragraphs[0], title))  # the heading came with the text
    words = sum(len(p.split()) for p in paragraphs[1 if headed else 0 :])
    if words < _MIN_ARTICLE_WORDS:
        raise InputError(
            f"no article text found in this page (its main text is {words} word{'s' if words != 1 else ''})",
            path,
            line,
        )
    if title and not headed:
        paragraphs.insert(0, title)
    fields = tuple(sorted((name, value) for name, value in values.items() if value))
    return Page("\n\n".join(paragraphs), fields, encoding)


def _extract(html: str):
    """trafilatura's ``bare_extraction`` of the page, or None when it finds no article."""
    _quiet_loggers()
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            include_comments=False,
            with_metadata=True,
            output_format="python",
            # Only the page's metadata and markup: the extensive search takes any
            # date-like text (a footer's "© 2020") for the publication date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except ValueError:  # trafilatura's word for a page it cannot parse
        return None


def _quiet_loggers() -> None:
    """trafilatura logs every page it cannot read as an error: syndtrace reports those itself."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


def _paragraphs(text: str) -> list[str]:
    """trafilatura's lines (one block element each), trimmed, without empty ones."""
    out = []
    for raw in text.split("\n"):
        line = _LINE_SPACE.sub(" ", raw).strip()
        if line:
            out.append(line)
    return out


def _same_line(paragraph: str, title: str) -> bool:
    return " ".join(paragraph.split()).casefold() == " ".join(title.split()).casefold()


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    label = None
    if content_type:
        m = _HTTP_CHARSET.search(content_type)
        label = m.group(1) if m else None
    if label is None:
        m = _META_CHARSET.search(data[:4096])
        label = m.group(1).decode("ascii") if m else None
    return _LABEL_AS.get(label.lower(), label) if label else None
