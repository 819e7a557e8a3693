"""Quoted outlets: a news organisation the shared passages attribute words to.

"told the Times", "according to the Inter-Continental News Service": an
outlet quoted by the text that carries the passage becomes a ``quoted``
source above the node whose own text quotes it (a copy inherits its
source's quotations; a credited reprint carries its original's), unless a
page of that outlet shares the words itself (then the pair says so), or the
outlet is the document's own ("told Reuters" in Reuters' copy).

Where that page is among the inputs, the quotation first appeared there
(``verdict.first_appearance``): the attribution credits it, and the pair's
direction says so (``first_appearance_credit``). A short name ("the Free
Press") is read as the full name the same document's other passages spell
out (``spelled_out``).
"""

from __future__ import annotations

from collections.abc import Sequence

from syndtrace.direction import agency_of, origin_of
from syndtrace.lineage import Edge, Evidence
from syndtrace.model import Document, Passage
from syndtrace.names import by_last_words, distinct_labels, outlet_key, possessive, source_id
from syndtrace.release import is_release
from syndtrace.tracegraph import Graph, PairPassages


def quoted_sources(g: Graph, pairs: list[PairPassages]) -> None:
    """A ``quoted`` source above the node whose text attributes passages to it."""
    edge_of = {pid: e for e in g.edges.values() if e.kind != "quoted" for pid in e.passages}
    full = spelled_out(pairs)
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair in pairs:
        for p in pair.passages:
            for side in (p.a, p.b):
                name = full.get((side.doc, side.attribution), side.attribution)
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


def spelled_out(pairs: list[PairPassages]) -> dict[tuple[str, str], str]:
    """``(doc, short name)`` -> the full name of the quoted outlet, where the inputs spell it out.

    Attribution reads a short name against the pair's other text: where a
    partner prints "the Sunnyvale Free Press", a page's "the Free Press" is
    that paper; where both print "the Free Press", it stays short. So a
    document whose passages are attributed to both, the short name being
    the full one's last words, quotes one outlet. Per document, since two
    towns' Free Presses may both be quoted in one corpus; a document whose
    short name ends two full names keeps it as it is.
    """
    names: dict[str, set[str]] = {}
    for pair in pairs:
        for p in pair.passages:
            for side in (p.a, p.b):
                if side.attribution:
                    names.setdefault(side.doc, set()).add(side.attribution)
    found: dict[tuple[str, str], str] = {}
    for doc, held in names.items():
        for short in held:
            longer = [full for full in held if by_last_words(short, full)]
            if len(longer) == 1:
                found[(doc, short)] = longer[0]
    return found


def first_appearance_credit(
    x: Document, y: Document, passages: Sequence[Passage], first: str | None
) -> tuple[Evidence, ...]:
    """A credit: one side attributes the shared words to the other's outlet, whose page holds them as its own.

    ("the Courant reported" over words The Kestrel Bay Courant's page prints
    unquoted: ``verdict.first_appearance``.) A press release's quotations
    are said by ``direction.decide`` already.
    """
    if first is None or is_release(x if first == x.id else y):
        return ()
    other = y if first == x.id else x
    said = next((s.attribution for p in passages for s in (p.a, p.b) if s.doc == other.id and s.attribution), "it")
    name = distinct_labels((x, y))
    return (
        Evidence(
            "credit", first, 3.0,
            f"{name[other.id]} attributes the shared words to {said}, and {possessive(name[first])} page "
            "holds them as its own text: they first appeared there",
        ),
    )  # fmt: skip


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
