"""Quoted outlets: a news organisation the shared passages attribute words to.

"told the Times", "according to the Inter-Continental News Service": an
outlet quoted by the text that carries the passage becomes a ``quoted``
source above the node whose own text quotes it (a copy inherits its
source's quotations; a credited reprint carries its original's), unless a
page of that outlet shares the words itself (then the pair says so), or the
outlet is the document's own ("told Reuters" in Reuters' copy).
"""

from __future__ import annotations

from syndtrace.direction import agency_of, origin_of
from syndtrace.lineage import Edge, Evidence
from syndtrace.model import Document
from syndtrace.names import outlet_key, source_id
from syndtrace.tracegraph import Graph, PairPassages


def quoted_sources(g: Graph, pairs: list[PairPassages]) -> None:
    """A ``quoted`` source above the node whose text attributes passages to it."""
    edge_of = {pid: e for e in g.edges.values() if e.kind != "quoted" for pid in e.passages}
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair in pairs:
        for p in pair.passages:
            for side in (p.a, p.b):
                name = side.attribution
                # The quoted outlet's own text, when in the corpus, shares the words itself: the
                # pair says so. Another story of that outlet does not make it the quoted report.
                if not name or outlet_key(name) in g.quoting_outlets.get(side.doc, ()):
                    continue
                if outlet_key(name) in own_names(g.docs[side.doc]):
                    continue  # "told Reuters" in Reuters' own copy: its reporting, not a quotation of it
                holder = _text_holder(g, edge_of.get(p.id), side.doc)
                if holder:
                    found.setdefault((name, holder), []).append((p.id, side.doc))
    for (name, holder), hits in sorted(found.items()):
        ids = tuple(sorted({pid for pid, _ in hits}))
        docs = sorted({g.docs[d].label for _, d in hits})
        sid = g.source(name, "quoted", f"shared passages are attributed to it in {', '.join(docs)}")
        ev = Evidence("quote", sid, 0.0, f"{', '.join(docs)} attribute{'s' if len(docs) == 1 else ''} {len(ids)} shared passage(s) to {name}")
        g.add(Edge(sid, holder, "quoted", 0.9, ids, (ev,), 0, 0.0))


def own_names(doc: Document) -> set[str]:
    """Keys of the outlets whose own text ``doc`` is: its outlet, the wire or original it credits."""
    origin = origin_of(doc)
    return {outlet_key(n) for n in (doc.outlet, agency_of(doc), origin[0] if origin else None) if n}


def _text_holder(g: Graph, edge: Edge | None, doc_id: str) -> str | None:
    """The node whose own text carries a quotation seen in ``doc_id``.

    A copy inherits its source's quotations; a credited reprint carries its
    original's. Shared quotes and undetermined pairs quote for themselves.
    """
    if edge is not None and edge.kind in ("copy", "credited-reprint", "version") and edge.copy == doc_id:
        return None
    origin = origin_of(g.docs[doc_id])
    if origin:
        sid = source_id(origin[0])
        if sid in g.sources:
            return sid
    return doc_id
