"""The trace stage's working state: the pairs it reads and the graph it builds.

Shared by ``syndtrace.trace`` (pair edges, credited originals) and
``syndtrace.quoted`` (quoted outlets); nothing here leaves the trace stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from syndtrace.direction import NO_NEIGHBOURS, Neighbours
from syndtrace.lineage import Edge, Source
from syndtrace.model import Document, Passage
from syndtrace.names import canonical, source_id
from syndtrace.parents import KIND_PRIORITY


@dataclass(frozen=True, slots=True)
class PairPassages:
    """The passages two documents share; ``x`` is side ``a`` of every passage."""

    x: str
    y: str
    passages: tuple[Passage, ...]


@dataclass(slots=True)
class Graph:
    """Mutable scratchpad while the trace stage collects edges and sources (``syndtrace.trace``)."""

    docs: dict[str, Document]
    words: dict[str, int]
    # doc id -> names.outlet_key of the outlets of the documents that hold its story (they share
    # most of the smaller one's words with it), and of those it shares any text with (quotations
    # included)
    partner_outlets: dict[str, set[str]] = field(default_factory=dict)
    quoting_outlets: dict[str, set[str]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)
    near: Neighbours = NO_NEIGHBOURS  # what each document's pairs say about its text (direction.decide)

    def add(self, edge: Edge) -> None:
        key = (edge.source, edge.copy)
        old = self.edges.get(key)
        if old is None or KIND_PRIORITY[edge.kind] < KIND_PRIORITY[old.kind]:
            if old is not None:
                edge = replace(edge, passages=tuple(sorted(set(edge.passages) | set(old.passages))))
            self.edges[key] = edge
        else:
            self.edges[key] = replace(old, passages=tuple(sorted(set(edge.passages) | set(old.passages))))

    def source(self, name: str, kind: str, why: str, author: str | None = None, date: str | None = None) -> str:
        sid = source_id(name)
        if sid not in self.sources:
            self.sources[sid] = Source(sid, canonical(name), kind, why, author, date)
        return sid
