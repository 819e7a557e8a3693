"""Originals credited but not among the inputs: their ``Source`` nodes and the edges to them.

A page crediting an original ("This story originally appeared on ...", a
byline naming a paper) or a wire (a dateline, "Associated Press writer ...")
that no input of that outlet backs up hangs under an external node of it;
the trace stage (``syndtrace.trace``) asks here whether a document credits
such an original, and links what else carries its text.
"""

from __future__ import annotations

from syndtrace.direction import agency_of, origin_of, uncredited
from syndtrace.lineage import Edge, Evidence
from syndtrace.model import Document
from syndtrace.names import distinct_labels, is_publisher, known, outlet_key, possessive
from syndtrace.release import is_release
from syndtrace.tracegraph import Graph


def credited_origin(g: Graph, doc: Document) -> None:
    """An outside original (or agency) the document credits, with a credited-reprint edge."""
    outside = outside_original(g, doc)  # None as well when the original is among the inputs
    if outside is None:
        return
    name, kind, author, date, _ = outside
    lines = [c.text for c in doc.credits if c.source == name]
    if not lines and doc.author and outlet_key(doc.author) == outlet_key(name):
        lines = [f"author: {doc.author}"]  # the record's author field names the wire
    evidence = tuple(Evidence("credit", None, 3.0, f"{doc.label}: \"{line}\"") for line in lines)
    why = f"{doc.label} credits it as the original" + (f" (\"{lines[0]}\")" if lines else "")
    sid = g.source(name, kind, why, author, date)
    g.add(Edge(sid, doc.id, "credited-reprint", 0.95, (), evidence, g.words.get(doc.id, 0), 1.0))
    _distributed_by(g, doc, name, sid)


def _distributed_by(g: Graph, doc: Document, original: str, original_id: str) -> None:
    """The news service that distributed an outside original's story, under it, when ``doc`` credits both.

    "Jane Roe / Chicago Tribune ... Distributed by Tribune Content Agency":
    pages crediting only the wire and pages crediting the original carry one
    story, whose original is the paper; the wire's node hangs under it.
    """
    agency = agency_of(doc)
    near = g.partner_outlets.get(doc.id, set())
    service = known(agency) if agency else None
    # Only a news service distributes its members' stories; an agency's dateline beside another
    # paper's byline names two sources, and which one the text is cannot be told from the credits.
    if service is None or service.kind != "service" or outlet_key(agency) in near or outlet_key(agency) == outlet_key(original):
        return
    # "Compiled by X from wire reports" names who edited the wire's copy, not the paper it sent out.
    if all(c.kind == "edited" for c in doc.credits if c.source == original):
        return
    line = next((c.text for c in doc.credits if c.source == agency), agency)
    why = f"{doc.label} credits {original} as the original and {agency} as the wire that distributed it (\"{line}\")"
    wid = g.source(agency, "agency", f"{doc.label} credits it as the wire agency behind it (\"{line}\")")
    g.add(Edge(original_id, wid, "credited-reprint", 0.9, (), (Evidence("credit", None, 3.0, why),), 0, 0.0))


def paper_or_original(g: Graph, holder: Document, paper: Document) -> Evidence:
    """Why a known paper's page sharing text with a page that credits an outside original is left undecided.

    The paper's stories travel (a news service sends them out), so the text
    may be its own, which ``holder``'s original carried; or the original's,
    which the paper ran uncredited. Nothing in the pair says which.
    """
    name, _, _, _, how = outside_original(g, holder)
    label = distinct_labels((holder, paper))
    return Evidence(
        "via", None, 0.0,
        f"{label[holder.id]} credits {name} {how}; {label[paper.id]}, a known publisher whose own stories travel, "
        f"credits no one: the text they share may be {possessive(label[paper.id])} own or {possessive(name)}, "
        "and nothing here shows which",
    )  # fmt: skip


def carries_outside_text(g: Graph, copy: Document, source: Document, ids, evidence, words: int) -> bool:
    """Link ``source`` to the outside original ``copy`` credits, when it does: ``True`` if it did.

    When ``source`` is a press release, the original was written from it:
    the edge runs from the release to the original.

    ``copy`` says its text first appeared in an original that is not among
    the inputs, and ``source``, uncredited, carries that text too. Being dated
    before ``copy`` shows only that ``source`` did not take it from ``copy``:
    whether it took the text from the original, or the original from it, is
    not known. So the pair becomes an undetermined edge from the original to
    ``source``, not a copy from ``source`` (which ``copy`` itself contradicts).
    Without it ``source`` would stand apart from the family that shares its
    text, as a second top that the family's tree leaves out.
    """
    outside = outside_original(g, copy)
    if outside is None or not uncredited(source) or is_publisher(source.outlet):
        return False  # a wire's or a known paper's own page carries its own text, whatever another page credits
    sid, name, how = outside_source(g, copy, outside), outside[0], outside[4]
    label = distinct_labels((copy, source))
    who, other = label[copy.id], label[source.id]
    if is_release(source) and not is_release(copy):
        # A press release is where the text began: the original copy credits was written from it.
        why = (
            f"{who} credits {name} {how}, and the text it shares with {other} is {possessive(other)}: "
            f"{name} wrote from the release"
        )
        g.add(Edge(source.id, sid, "copy", 0.9, ids, tuple(evidence) + (Evidence("via", sid, 0.0, why),), words, 0.0))
        return True
    why = (
        f"{who} credits {name} {how}, so the text {other} shares with it is {possessive(name)}: "
        f"whether {other} took it from {name} or {name} from {other} is not known"
    )
    g.add(Edge(sid, source.id, "undetermined", 0.0, ids, tuple(evidence) + (Evidence("via", sid, 0.0, why),), words, 0.0))
    return True


def outside_source(g: Graph, holder: Document, outside) -> str:
    """The id of the ``Source`` for the outside original ``holder`` credits (``outside_original``'s answer)."""
    name, kind, author, date, how = outside
    return g.source(name, kind, f"{holder.label} credits it {how}", author, date)


def outside_original(g: Graph, doc: Document):
    """``(name, source kind, author, date, how)`` of the outside original or agency ``doc`` credits.

    ``None`` when it credits none, or when the original is among the inputs:
    a document of that outlet shares authored text with ``doc`` (then the
    pair with that document carries the relation). Another story of that
    outlet does not make it so: a corpus holds many Associated Press
    stories, rarely the one a given reprint credits.
    """
    near = g.partner_outlets.get(doc.id, set())
    origin = origin_of(doc)
    if origin and outlet_key(origin[0]) not in near:
        return origin[0], "credited", origin[1], origin[2], "as its original source"
    agency = agency_of(doc)
    if not origin and agency and outlet_key(agency) not in near:
        return agency, "agency", None, None, "as the wire agency behind it"
    return None
