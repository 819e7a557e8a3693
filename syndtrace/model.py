"""The data that flows between pipeline stages.

Frozen, slotted dataclasses only; plain dicts appear only at the JSON
boundary (``syndtrace.render.json``). Every span is ``[start, end)`` in
Python string indices into ``Document.text``, the document's decoded text
*including* any front matter, so ``doc.text[start:end]`` is the passage as it
stands in the file.

A ``scan`` result keeps texts out of memory (a corpus is hundreds of
megabytes): its documents hold ``text=""`` and its passage sides
``text=None``, and ``Result.document_text``/``Result.side_text`` read them
back from the input files on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter


def _pickled_as_fields(cls):
    """Pickle ``cls`` as ``(cls, its field values)``.

    Scan workers send every passage back to the parent by pickle. Slotted
    dataclasses pickle through ``__getstate__``/``__setstate__``, which ask
    ``fields()`` for every object: a 10k scan's results took 0.85 s to pickle
    and 0.8 s to unpickle, against 0.35-0.45 s each this way.
    """
    names = [f.name for f in fields(cls)]
    if len(names) < 2 or not all(f.init for f in fields(cls)):  # cls(*values) must rebuild it
        raise TypeError(f"{cls.__name__}: only a dataclass of two or more init fields pickles as its fields")
    values = attrgetter(*names)

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


# Every kind of credit line, in the JSON schema's order (``result.schema.json`` lists the same).
CREDIT_KINDS = (
    "original-source", "originally-published", "first-appeared", "dateline", "byline-agency",
    "copyright", "republished", "press-release", "contributed", "distributed", "edited", "tagline",
)


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Credit:
    """A line of a document that names where its text came from.

    ``kind`` is one of ``CREDIT_KINDS``: ``original-source`` ("The original
    source of this article is X"), ``originally-published`` ("originally
    published by X"), ``first-appeared`` ("This article first appeared in
    X"), ``dateline`` ("(Reuters) -", "NEW YORK (AP) —"), ``byline-agency``
    ("By X, Associated Press"), ``copyright`` ("Copyright © X"),
    ``republished`` (a header naming the original outlet and date beside the
    reprint's own), ``press-release`` (a release's own mark, "For immediate
    release", naming its issuer), ``contributed`` ("X contributed to this
    report"), ``distributed`` ("Distributed by X"), ``edited`` ("Edited by
    X" naming an outlet), ``tagline`` ("Y is part of X, a news network").
    ``[start, end)`` spans the matched words in ``Document.text``.
    """

    kind: str
    source: str
    start: int
    end: int
    text: str
    author: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        # A new kind must reach the schema (and the readers of the JSON) too; fail where it is made.
        if self.kind not in CREDIT_KINDS:
            raise ValueError(f"unknown credit kind {self.kind!r}: add it to CREDIT_KINDS and result.schema.json")


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One article: its decoded text and what we know about it.

    ``text`` is the whole decoded text (front matter included); all offsets
    anywhere in syndtrace index it. ``body_start`` is where the article proper
    begins (after front matter). ``provenance`` says, per metadata field,
    where the value came from: ``front-matter``, ``record`` (JSONL/CSV field),
    ``page`` (a web page's own metadata), ``warc-date`` (the date a web
    archive captured the page), or ``text`` (guessed from the article).
    ``boilerplate`` holds spans of publisher boilerplate in ``text``: never
    reported as shared passages but still read for credits.

    ``text_source`` says what ``text`` is: ``file`` (the input decoded) or
    ``extracted-html`` (the article trafilatura extracted from a web page,
    ``syndtrace.html``): offsets index that text, not the HTML.
    ``source_url`` is the address a page was fetched from, or a web archive
    record's target URI; ``offset`` is the byte offset of that record in the
    archive ``path``.

    ``text`` is ``""`` in a ``scan`` result, which reads texts back on demand
    (``Result.document_text``); ``chars`` is the text's length either way.
    """

    id: str
    path: str | None
    text: str
    body_start: int = 0
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    credits: tuple[Credit, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()
    boilerplate: tuple[tuple[int, int], ...] = ()
    encoding: str = "utf-8"
    line: int | None = None
    chars: int = 0
    text_source: str = "file"
    source_url: str | None = None
    offset: int | None = None
    # ``[start, end)`` of the headline when the text opens with it (a line of its own).
    headline: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        # ``chars`` follows the text whenever there is one (``replace(doc, text=...)``
        # included), and keeps the length it was given when the text is left out.
        if self.text:
            object.__setattr__(self, "chars", len(self.text))

    @property
    def label(self) -> str:
        """A short human name: outlet, else title, else id."""
        return self.outlet or self.title or self.id


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read from a corpus input, before metadata is guessed.

    ``scan`` reads millions of these, so nothing costly happens here: the
    text is decoded and the record's own fields kept. ``fields`` holds the
    metadata the record itself gives (outlet, date, title, url, author), and
    ``path``/``line`` say where it came from (``line`` is 1-based, for JSONL
    and CSV records; ``None`` for whole files). ``span`` is ``(byte offset,
    byte size, CRC-32)`` of the bytes in ``path`` the record was read from,
    when they can be read again (a JSONL line, a whole article file), so a
    scan need not hold the text (``syndtrace.texts``).

    ``origins`` names, per field of ``fields``, where a value came from when
    that is not the record itself (``front-matter``, ``page``, ``warc-date``;
    see ``Document.provenance``). ``text_source``, ``source_url`` and
    ``offset`` are the ``Document``'s: a web page's text is what
    trafilatura extracted, from the page at ``source_url`` (a web archive's
    record at byte ``offset`` of ``path``).
    """

    id: str
    path: str
    text: str
    fields: tuple[tuple[str, str], ...] = ()
    line: int | None = None
    encoding: str = "utf-8"
    span: tuple[int, int, int] | None = None
    origins: tuple[tuple[str, str], ...] = ()
    text_source: str = "file"
    source_url: str | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class _Remark:
    """What is said of one input on stderr: where (``path``, 1-based ``line`` of a record file,
    byte ``offset`` of a web archive's record) and why."""

    path: str
    reason: str
    line: int | None = None
    offset: int | None = None

    @property
    def message(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.offset is not None:
            where += f" at offset {self.offset}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class InputProblem(_Remark):
    """An input that was reported and skipped (batch mode)."""


@dataclass(frozen=True, slots=True)
class InputNote(_Remark):
    """An input that was used, but part of which was not understood: kept as given, or left out.

    A date in a form no parser reads, a metadata field given as an object.
    Nothing is skipped and the exit code does not change; the user is told.
    Not an ``InputProblem``: nothing that counts skipped inputs counts it.
    """


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class PassageSide:
    """One document's copy of a shared passage.

    ``[start, end)`` indexes ``Document.text`` of document ``doc``; ``text`` is
    that slice (``None`` in a ``scan`` result: ``Result.side_text`` reads
    it). ``quoted`` is the share of its words inside quotation marks;
    ``attribution`` names whom the surrounding text credits the words to
    ("The New York Times"), if anyone. ``whole_paragraphs`` is true when the
    side covers its paragraphs from first to last word; otherwise
    ``around`` counts the words of those paragraphs outside the side (how
    much prose it was cut out of).
    """

    doc: str
    start: int
    end: int
    text: str | None
    words: int
    quoted: float = 0.0
    attribution: str | None = None
    whole_paragraphs: bool = False
    around: int = 0


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Insertion:
    """Words one side has inside a passage that the other lacks.

    ``[start, end)`` indexes the text of document ``doc``. ``bracketed`` marks
    an editor's insertion in square brackets.
    """

    doc: str
    start: int
    end: int
    text: str
    bracketed: bool


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Passage:
    """A passage two documents share, with both versions.

    ``words`` counts the aligned (identical after normalisation) words;
    ``similarity`` is rapidfuzz's normalised Indel ratio (0-100) of the two
    sides' normalised texts. ``authored_words`` counts aligned words outside
    quotation marks in both sides. ``quote`` is ``none``, ``a``, ``b`` or
    ``both``: which sides hold the passage mostly inside quotation marks; or
    ``statement``: a statement the corpus widely quotes (``scan`` only; see
    ``syndtrace.statements``), counted as quoted whatever its marks.
    """

    id: str
    a: PassageSide
    b: PassageSide
    words: int
    similarity: float
    authored_words: int
    quote: str = "none"
    insertions: Sequence[Insertion] = ()  # a tuple, or packed (``syndtrace.packed``)

    def numbered(self, passage_id: str) -> Passage:
        """This passage with id ``passage_id`` (``dataclasses.replace`` costs a few microseconds
        a call, and a scan numbers hundreds of thousands of passages)."""
        cls, values = self.__reduce__()  # every field's value, ``id`` first
        return cls(passage_id, *values[1:])


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class PairStats:
    """Set similarity of two documents' shingles: MinHash estimate beside the exact value.

    ``containment_a_in_b`` is |A ∩ B| / |A|: how much of ``a`` is inside ``b``.
    """

    a: str
    b: str
    shingles_a: int
    shingles_b: int
    jaccard: float
    jaccard_estimate: float
    containment_a_in_b: float
    containment_a_in_b_estimate: float
    containment_b_in_a: float
    containment_b_in_a_estimate: float
    boilerplate_shingles: int = 0  # distinct shingles both hold inside publisher boilerplate


@dataclass(frozen=True, slots=True)
class PairVerdict:
    """What two compared documents share, in a word, with the counts behind it.

    ``verdict`` is ``reuse`` (one took text from the other, or both from a
    third), ``shared-quote`` (what they share is quotation: both quote the
    same statement), ``boilerplate`` (only publisher furniture in common) or
    ``unrelated``. ``words`` counts their passages' aligned words,
    ``authored_words`` those outside quotation marks on both sides,
    ``quoted_words`` the rest. ``first_appearance`` is the id of the
    document whose own words the shared quotations are (a press release the
    other quotes from): they count as reused, not as a shared quote.
    ``reused_words`` is what the verdict weighed.
    """

    a: str
    b: str
    verdict: str
    words: int = 0
    authored_words: int = 0
    quoted_words: int = 0
    first_appearance: str | None = None

    @property
    def reused_words(self) -> int:
        """Authored words, plus the quotations when one side is where they first appeared."""
        return self.words if self.first_appearance else self.authored_words


def id_pair(a: str, b: str) -> tuple[str, str]:
    """Two document ids as one key, whichever order they come in: the smaller first."""
    return (a, b) if a < b else (b, a)
