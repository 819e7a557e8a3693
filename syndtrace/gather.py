"""What a scan keeps of its inputs: records without their texts, title and outlet codes, problems.

:func:`load_corpus` reads every input (``syndtrace.corpus.iter_inputs``)
into a ``Corpus``: records without their texts (``syndtrace.texts`` reads
those back), the output documents of records no pair will involve, title
codes for the index, and the problems and notes. ``outlet_codes_of``,
``publication_rank`` and ``wire_pages`` give the index the rest of what it
needs of each document.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from syndtrace.corpus import iter_inputs
from syndtrace.dates import day_of, instant_of, parse_date, unreadable_date_notes
from syndtrace.fields import FieldMap
from syndtrace.load import parse_front_matter
from syndtrace.model import Document, InputNote, InputProblem, RawRecord
from syndtrace.names import dateline_tags, is_publisher, outlet_key
from syndtrace.pages import EXTRACTED
from syndtrace.progress import Progress
from syndtrace.settings import Settings
from syndtrace.texts import TextStore


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a scan keeps of its inputs: records without their texts, and the texts' store.

    ``documents`` are the output documents of records no pair involves
    (metadata from the record, the title else the first line), built while
    the text was at hand; ``titles`` codes each record's title for the index.
    """

    records: list[RawRecord]
    texts: TextStore
    documents: list[Document]
    titles: np.ndarray
    problems: list[InputProblem]
    notes: list[InputNote]


def load_corpus(
    paths: list[str],
    settings: Settings,
    fields: FieldMap,
    progress: Progress,
    *,
    url_lists: Sequence[str] = (),
    cache: str | None = None,
) -> Corpus:
    """Read every input of a scan into a ``Corpus``: records without their texts, and where the texts lie."""
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    documents: list[Document] = []
    titles: list[int] = []
    dates: list[tuple[str, int | None, str]] = []
    notes: list[InputNote] = []
    texts = TextStore(fields.column("text"))
    progress.stage("loaded")
    for item in iter_inputs(paths, settings, fields, url_lists=url_lists, cache=cache):
        if isinstance(item, RawRecord):
            # Once: front matter is parsed, not just skipped (an extracted page's was read with the page).
            start = body_start_of(item.text) if item.text_source != EXTRACTED else 0
            given = dict(item.fields).get("date")
            iso = parse_date(given, settings.date_order) if given else None
            if given and iso is None:
                dates.append((item.path, item.line, given))
            elif iso != given:  # the workers' documents read the record's date as it is now
                item = replace(item, fields=tuple((k, iso if k == "date" else v) for k, v in item.fields))
            documents.append(_plain_document(item, start, iso or given))
            titles.append(_title_code(item, start))
            records.append(texts.add(item))
            progress.advance("loaded")
        elif isinstance(item, InputNote):
            notes.append(item)
        else:
            problems.append(item)
    notes += unreadable_date_notes(dates, settings.date_order)
    return Corpus(records, texts, documents, np.array(titles, dtype=np.int64), problems, notes)


def outlet_codes_of(records: list[RawRecord]) -> tuple[np.ndarray, dict[str, int]]:
    """Integer codes per document for its outlet (-1 unknown), and the code of each outlet key (``outlet_key``)."""
    outlets: dict[str, int] = {}
    outlet = np.full(len(records), -1, dtype=np.int64)
    for i, rec in enumerate(records):
        name = dict(rec.fields).get("outlet")
        if name:
            outlet[i] = outlets.setdefault(outlet_key(name), len(outlets))
    return outlet, outlets


_NON_WORD = re.compile(r"\W+")


def _title_code(rec: RawRecord, body_start: int) -> int:
    """A code for the record's title, else the first line of its body (front matter is not the story)."""
    return title_code(dict(rec.fields).get("title") or rec.text[body_start:].lstrip()[:200].split("\n", 1)[0])


def title_code(title: str) -> int:
    """The index's code for a title: re-scrapes of one story share it, whatever the case and punctuation."""
    return zlib.crc32(_NON_WORD.sub(" ", title.lower()).encode("utf-8"))


def body_start_of(text: str) -> int:
    """Where the article begins after any front matter (0 without one)."""
    return parse_front_matter(text)[1] if text.startswith(("---", "\ufeff---")) else 0


def _plain_document(rec: RawRecord, body_start: int, date: str | None) -> Document:
    """The output ``Document`` of a record no pair involves: its record's metadata, the text left out.

    ``date`` is the record's date as ``syndtrace.metadata`` reads an involved
    document's (ISO when readable), so every date has one form in the output.
    """
    fields = dict(rec.fields)
    first = rec.text[body_start:].lstrip().split("\n", 1)[0].strip()[:300] or None
    origins = dict(rec.origins)
    provenance = sorted((k, origins.get(k, "record")) for k in ("outlet", "date", "title", "url", "author") if k in fields)
    return Document(
        id=rec.id, path=rec.path, text="", body_start=body_start,
        title=fields.get("title") or first, outlet=fields.get("outlet"), date=date,
        author=fields.get("author"), url=fields.get("url"), provenance=tuple(provenance),
        encoding=rec.encoding, line=rec.line, chars=len(rec.text),
        text_source=rec.text_source, source_url=rec.source_url, offset=rec.offset,
    )  # fmt: skip


def publication_rank(documents) -> np.ndarray:
    """Each document's place in publication order.

    By day, undated ones last; within a day, those with a time and zone by
    that instant first (a wire's page before its subscribers' copies), then
    in input order.
    """
    days = [day_of(d.date) or "9999" for d in documents]
    moments = [instant_of(d.date) for d in documents]
    times = [m.timestamp() if m is not None else math.inf for m in moments]
    order = sorted(range(len(documents)), key=lambda k: (days[k], times[k], k))
    rank = np.empty(len(documents), np.int64)
    rank[order] = np.arange(len(documents))
    return rank


def wire_pages(documents) -> np.ndarray:
    """Per document, whether its outlet is one the outlet list knows, portals aside: a story's hub (``index``).

    Agencies, news services and networks, and the papers whose stories they
    send out (The Washington Post, the Los Angeles Times): the publishers
    whose pages a story's copies are copies of. Subscribers are the long tail.
    An outlet named by the tag a wire prints in its datelines ("AFP") is that
    wire too: the tag is no alias where credits are read ("By AFP Staff" is
    American Free Press), but here it costs at worst one more hub.
    """
    tags = dateline_tags()
    wires = {name: is_publisher(name) or name in tags for name in {d.outlet for d in documents if d.outlet}}
    return np.fromiter((wires.get(d.outlet, False) for d in documents), bool, len(documents))
