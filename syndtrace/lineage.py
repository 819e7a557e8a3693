"""Who copied whom: evidence, edges, outside sources, trees, families, and a run's ``Result``.

The trace stage's output (``syndtrace.trace``, ``syndtrace.family``), built
on the documents and passages of ``syndtrace.model``. Frozen, slotted
dataclasses like those; plain dicts only at the JSON boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from syndtrace.model import Document, InputNote, InputProblem, PairStats, PairVerdict, Passage, PassageSide


@dataclass(frozen=True, slots=True)
class Evidence:
    """One observation that bears on who copied whom.

    ``favours`` is the id of the node this item says is the source (``None``
    when it favours neither); ``weight`` is its strength (0-3); ``detail`` says
    in one sentence what was seen.
    """

    kind: str
    favours: str | None
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Edge:
    """``source`` -> ``copy``: ``copy`` took text from ``source``.

    Ids refer to ``Document.id`` or ``Source.id``. ``kind`` is one of
    ``credited-reprint``, ``copy`` (uncredited), ``version`` (one outlet's
    later version of its own story: a write-thru, ``syndtrace.versions``),
    ``quoted`` (the copy quotes the source), ``shared-quote`` (both quote a
    third party; not copying) or ``undetermined`` (reuse found, direction
    unknown: ``source``/``copy`` are then in reading order). ``words`` and
    ``share`` measure what ``copy`` took.
    """

    source: str
    copy: str
    kind: str
    confidence: float
    passages: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    words: int = 0
    share: float = 0.0


@dataclass(frozen=True, slots=True)
class Source:
    """A node that is not an input document: an outlet credited or quoted.

    ``kind`` is ``credited`` (a credit line names it as the original),
    ``quoted`` (text is attributed to it), or ``agency`` (a wire-agency
    credit). ``why`` says in a sentence what put it there.
    """

    id: str
    name: str
    kind: str
    why: str
    author: str | None = None
    date: str | None = None
    in_corpus: bool = False


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A node of the syndication tree; ``edge`` links it to its parent (None at a root)."""

    id: str
    children: tuple[TreeNode, ...] = ()
    edge: Edge | None = None

    def ids(self) -> Iterator[str]:
        """This node's id and every id below it, depth first."""
        yield self.id
        for child in self.children:
            yield from child.ids()


@dataclass(frozen=True, slots=True)
class FamilyLink:
    """Text a family shares with another that does not make them one story.

    A background paragraph two stories of one wire both carry, an excerpt of
    one story inside another's article. ``family`` is the other family's id,
    ``words`` the most words one pair of their members shares, ``pairs``
    how many pairs of their members share text.
    """

    family: str
    words: int
    pairs: int


@dataclass(frozen=True, slots=True)
class Family:
    """A story family: one story and its versions, copies and the compilations that carry it.

    ``links`` are the other families it shares text with without being one
    story (``syndtrace.family``).
    """

    id: str
    root: str
    root_name: str
    members: tuple[str, ...]
    tree: TreeNode
    links: tuple[FamilyLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A possible rewrite (``--rewrites``): two documents on one topic with few words in common.

    Never reuse and never an edge: ``cosine`` is the similarity of their
    leads' multilingual embeddings; ``numbers`` and ``names`` are what they
    share (the evidence beyond the topic); ``verbatim_words`` the words of
    their shared passages, if any.
    """

    a: str
    b: str
    cosine: float
    numbers: tuple[str, ...]
    names: tuple[str, ...]
    verbatim_words: int


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one run found. Sequences are sorted for deterministic output.

    ``texts`` reads a document's text by id when the documents do not hold
    it (``scan``); ``None`` when they do (``compare``).
    """

    documents: tuple[Document, ...]
    passages: tuple[Passage, ...]
    edges: tuple[Edge, ...]
    sources: tuple[Source, ...]
    pairs: tuple[PairStats, ...]
    tree: tuple[TreeNode, ...]
    families: tuple[Family, ...] = ()
    verdicts: tuple[PairVerdict, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    notes: tuple[InputNote, ...] = ()
    settings: dict = field(default_factory=dict)
    command: str = "compare"
    rewrites: tuple[Rewrite, ...] = ()
    texts: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    # A scan's learned statements (``syndtrace.statements``; sorted fingerprints, a numpy array):
    # what ``syndtrace.familypairs`` marks on the pairs it aligns after the scan.
    statements: object = field(default=None, compare=False, repr=False)

    def input_files(self) -> list[str]:
        """Every file the documents, skipped inputs and notes came from, sorted: what no output may overwrite.

        A folder's articles are read from files its path does not name.
        """
        paths = {d.path for d in self.documents} | {r.path for r in (*self.problems, *self.notes)}
        return sorted(p for p in paths if p)

    def document_text(self, doc: Document) -> str:
        """The whole text of ``doc``, from the document or read back from its input."""
        return doc.text if doc.text or self.texts is None else self.texts(doc.id)

    def side_text(self, side: PassageSide) -> str:
        """The passage side's text: ``Document.text[start:end]`` of its document."""
        if side.text is not None:
            return side.text
        if self.texts is None:
            raise ValueError(f"passage side of {side.doc!r} holds no text and the result has no text source")
        return self.texts(side.doc)[side.start : side.end]

    def node_name(self, node_id: str) -> str:
        """The display name of a document or source id."""
        for doc in self.documents:
            if doc.id == node_id:
                return doc.label
        for src in self.sources:
            if src.id == node_id:
                return src.name
        return node_id
