"""Attribute stage, part 2: for a pair of documents, who copied whom, and why.

Each observation is an ``Evidence`` item that says what it saw and which
document it favours as the source, with a weight:

* ``credit`` (3): one document credits the other's outlet; (2) one is the
  own page of the outlet that two or more pages sharing this text credit as
  the original, crediting nobody itself, and the other carries no credit line;
  (0.5) one carries a credit line naming an original, the other none: the
  credited text is the original's, but the uncredited side may be that
  original itself, so this only tips an otherwise even balance. Not when a
  page of that original shares the text with the uncredited side: both
  then hold the original's text.
* ``release`` (3): one is a press release, the other not: news is written
  from releases (``syndtrace.release``). A story dated up to two days before
  the release it shares text with is embargoed copy, not evidence that the
  release came later: the date is then left out.
* ``agency`` (2): one is a wire agency, the other not.
* ``portal`` (2): one is a portal or aggregator (Yahoo News, MSN), the other
  not: a portal carries its partners' stories and is never the original.
* ``date`` (1): one is dated earlier (the date of the *text*: a credited
  reprint's text is as old as its original); (0.5) of two pages of one day
  that other copies show are linked (``carried``), the one published half
  an hour or more earlier.
* ``insertion`` (1.5): one side has an editor's bracketed insertion inside a
  shared passage: it edited the text, so it is the copy.
* ``fragment`` (0.5 per passage, at most 1.5): a passage stands as whole
  paragraphs in one document but runs inside a longer paragraph of the
  other: it was lifted out of the running prose of the latter.
* ``carried`` (1.5, from ``syndtrace.chains``): of two copies of a third
  document, one carries text only the other added to it: it copied the
  other (the one that kept more of the third is the intermediate).
* ``framing`` (neutral or 1): both carry the same unquoted words around
  quotations of a third party: one copied the other, rather than each
  quoting the third party. When one side presents as a quotation what the
  other wrote in its own voice, the latter is the source.

Confidence is ``0.5 + 0.5 * margin / (total + 1)``: more weight on one side
raises it, weight on both sides (conflicting evidence) lowers it, and no
weight at all leaves the pair ``undetermined``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, timezone
from functools import lru_cache

from syndtrace.dates import day_of, instant_of
from syndtrace.lineage import Evidence
from syndtrace.model import Credit, Document, Passage
from syndtrace.names import canonical, distinct_labels, is_agency, is_portal, is_publisher, known, outlet_key, possessive
from syndtrace.release import is_release, release_evidence_line
from syndtrace.textevidence import fragment_evidence, framing_evidence, insertion_evidence

ORIGIN_KINDS = ("original-source", "originally-published", "first-appeared", "republished", "edited")
# Credits that name a wire (an agency, news service or network) the text came through. A
# copyright notice counts only when it names a wire: an outlet's own notice is often spelled
# unlike its name ("NBCUniversal" on nbcnews.com).
AGENCY_KINDS = ("dateline", "byline-agency", "contributed", "distributed", "copyright", "tagline")


@dataclass(frozen=True, slots=True)
class Neighbours:
    """What the other pairs say about a document's text (the trace stage builds it).

    ``pages[d]``: the outlet keys (``names.outlet_key``) of the pages ``d``
    shares authored text with. ``credited[d]``: those pages' credited
    originals, outlet key -> how many of them credit it.
    """

    pages: dict[str, frozenset[str]]
    credited: dict[str, dict[str, int]]


NO_NEIGHBOURS = Neighbours({}, {})


@dataclass(frozen=True, slots=True)
class Verdict:
    """The direction decided for a pair: ``source`` -> ``copy`` (or undetermined)."""

    source: str
    copy: str
    determined: bool
    confidence: float
    evidence: tuple[Evidence, ...]


def _foreign(doc: Document) -> tuple[Credit, ...]:
    """The document's credits that name someone other than its own outlet.

    A Reuters page's "(Reuters) -" dateline credits itself: it is the
    original, not a reprint.
    """
    return _facts(doc)[0]


def origin_of(doc: Document) -> tuple[str, str | None, str | None] | None:
    """``(name, author, date)`` of the original a document credits, if it credits one.

    A lead-in ("originally published by"), or a byline naming another
    publisher that is no wire ("Jane Roe / The Washington Post" in a Tribune
    paper: the Post's story).
    """
    return _facts(doc)[1]


def agency_of(doc: Document) -> str | None:
    """The wire a document's dateline, byline, footer or author field credits, if any."""
    return _facts(doc)[2]


_FACTS: dict[tuple[int, str | None, str | None], tuple] = {}


def _facts(doc: Document):
    """``_credit_facts`` of ``doc``, found by the identity of its credits tuple rather than its hash.

    Hashing a tuple of credits hashes every field of every credit, and a
    scan asks about each document once per pair it is in (a million times at
    100k articles). The tuple is kept with the answer, so the identity
    cannot stand for another tuple later.
    """
    key = (id(doc.credits), doc.outlet, doc.author)
    hit = _FACTS.get(key)
    if hit is not None and hit[0] is doc.credits:
        return hit[1]
    if len(_FACTS) >= 1 << 16:
        _FACTS.clear()
    facts = _credit_facts(doc.outlet, doc.credits, doc.author)
    _FACTS[key] = (doc.credits, facts)
    return facts


@lru_cache(maxsize=1 << 16)
def _credit_facts(outlet: str | None, credits: tuple[Credit, ...], author: str | None = None):
    """``(foreign credits, origin, agency)``: asked for every pair a document is in, so kept."""
    own = outlet_key(outlet) if outlet else None
    foreign = tuple(c for c in credits if outlet_key(c.source) != own)
    origin = None
    agency = next((canonical(c.source) for c in foreign if c.kind in AGENCY_KINDS and is_agency(c.source)), None)
    # A byline naming another paper makes it the original; a paper that only "contributed to this
    # report" is the original only when no wire is credited (contributing is not writing).
    names = [c for c in foreign if c.kind in ORIGIN_KINDS] or [
        c for c in foreign
        if (c.kind == "byline-agency" or (c.kind == "contributed" and agency is None))
        and known(c.source) and not known(c.source).kind
    ]  # fmt: skip
    if names:
        name = names[0].source
        who = next((c.author for c in credits if c.source == name and c.author), None)
        date = next((c.date for c in credits if c.source == name and c.date), None)
        origin = (name, who, date)
    by = known(author) if author else None  # the record's author field names an outlet ("Associated Press")
    if by is not None and by.kind != "portal" and outlet_key(author) != own:
        if by.agency and agency is None:
            agency = by.name
        elif not by.agency and origin is None:
            origin = (by.name, None, None)
    return foreign, origin, agency


def uncredited(doc: Document) -> bool:
    """Whether ``doc`` credits no original and no agency for its text."""
    return not origin_of(doc) and not agency_of(doc)


def text_date(doc: Document) -> str | None:
    """The date of a document's *text*: its credited original's date, else its own."""
    origin = origin_of(doc)
    return day_of(origin[2] if origin and origin[2] else doc.date)


def decide(
    x: Document,
    y: Document,
    passages: list[Passage],
    extra: tuple[Evidence, ...] = (),
    near: Neighbours = NO_NEIGHBOURS,
) -> Verdict:
    """Weigh the evidence on whether ``x`` or ``y`` is the source of their shared passages.

    ``passages`` have ``x`` on side ``a`` and ``y`` on side ``b``. ``extra`` is
    evidence found beyond the pair (``syndtrace.chains``), weighed with the rest;
    ``near``, what the two documents' other pairs say about their text.
    """
    name = distinct_labels((x, y))
    items: list[Evidence] = list(extra)
    # Once other copies show the two are linked (one carries what only the other added), which
    # one kept the original's credit line says which is nearer the original.
    linked = any(e.kind == "carried" for e in extra)
    items += _credit_evidence(x, y, name, near, linked) + _credit_evidence(y, x, name, near, linked)
    for doc, other in ((x, y), (y, x)):
        if is_agency(doc.outlet) and not is_agency(other.outlet):
            items.append(Evidence("agency", doc.id, 2.0, f"{name[doc.id]} is a wire agency; {name[other.id]} is not"))
        if is_portal(other.outlet) and not is_portal(doc.outlet):
            items.append(
                Evidence("portal", doc.id, 2.0, f"{name[other.id]} is a portal: it carries others' stories, never the original")
            )
    releases = [doc for doc in (x, y) if is_release(doc)]
    if len(releases) == 1:
        rel = releases[0]
        other = y if rel is x else x
        items.append(
            Evidence(
                "release", rel.id, 3.0,
                f"{name[rel.id]} is a press release ({release_evidence_line(rel)}); {name[other.id]} is not: "
                "news is written from releases",
            )
        )  # fmt: skip
    dx, dy = text_date(x), text_date(y)
    if len(releases) == 1 and dx and dy and _embargoed(releases[0], x, y, dx, dy):
        dx = dy = None
    if dx and dy and dx != dy:
        early, late = (x, y) if dx < dy else (y, x)
        items.append(
            Evidence("date", early.id, 1.0, f"{possessive(name[early.id])} text is dated {min(dx, dy)}, {possessive(name[late.id])} {max(dx, dy)}")
        )
    elif linked and dx == dy:
        items += _time_evidence(x, y, name)
    items += insertion_evidence(x, y, passages, name) + fragment_evidence(x, y, passages, name)
    items += framing_evidence(x, y, passages, name)

    wx = sum(e.weight for e in items if e.favours == x.id)
    wy = sum(e.weight for e in items if e.favours == y.id)
    if wx and wy:
        items.append(Evidence("conflict", None, 0.0, f"evidence points both ways ({wx:g} for {name[x.id]}, {wy:g} for {name[y.id]}); confidence lowered"))
    if wx == wy:
        a, b = reading_order(x, y)
        return Verdict(a, b, False, 0.0, tuple(items))
    src, cpy = (x, y) if wx > wy else (y, x)
    confidence = min(0.99, 0.5 + 0.5 * abs(wx - wy) / (wx + wy + 1))
    return Verdict(src.id, cpy.id, True, round(confidence, 3), tuple(items))


_EMBARGO_DAYS = 2


_TIME_GAP = timedelta(minutes=30)


def _time_evidence(x: Document, y: Document, name: dict[str, str]) -> list[Evidence]:
    """Of two pages of one day known to be linked (one copied the other), the one published first.

    Only then: between two copies of a wire story, which ran first says
    nothing, and a page's time may be when it was scraped.
    """
    ix, iy = instant_of(x.date), instant_of(y.date)
    # A page crediting a dated original ("first published on 5 March") is dated by that original.
    dated_origin = any(o is not None and o[2] for o in (origin_of(x), origin_of(y)))
    if ix is None or iy is None or abs(ix - iy) < _TIME_GAP or dated_origin:
        return []  # minutes apart: sister sites of one group post a story together
    early, late = (x, y) if ix < iy else (y, x)
    first, then = (t.astimezone(timezone.utc) for t in sorted((ix, iy)))
    why = f"{name[early.id]} was published at {first:%H:%M} UTC, {name[late.id]} at {then:%H:%M} UTC on the same day"
    return [Evidence("date", early.id, 0.5, why)]


def _embargoed(release: Document, x: Document, y: Document, dx: str, dy: str) -> bool:
    """Whether the story is dated at most ``_EMBARGO_DAYS`` before the release: embargoed copy.

    Releases are dated when posted and stories when the embargo lifts, often
    the day before; such a date says nothing about who came first.
    """
    story_day, release_day = (dy, dx) if release is x else (dx, dy)
    gap = (date.fromisoformat(release_day) - date.fromisoformat(story_day)).days
    return 0 < gap <= _EMBARGO_DAYS


def reading_order(x: Document, y: Document) -> tuple[str, str]:
    """An undetermined pair's ids in reading order: a known publisher's page, else the earlier, else by id.

    A known publisher (``names.is_publisher``: a wire, or a paper whose
    stories travel) reads above an outlet the outlet list does not know.
    Published first means at an earlier instant: both dates carry a time and
    zone. That is no evidence of direction (a page's time may be when it was
    scraped, and two outlets may print one wire story minutes apart), so the
    pair stays undetermined; but a tree that must hang one under the other
    shows the older on top.
    """
    px, py = is_publisher(x.outlet), is_publisher(y.outlet)
    if px != py:  # a known publisher's page above a page of an outlet the list does not know
        return (x.id, y.id) if px else (y.id, x.id)
    ix, iy = instant_of(x.date), instant_of(y.date)
    if ix is not None and iy is not None and ix != iy:
        return (x.id, y.id) if ix < iy else (y.id, x.id)
    a, b = sorted((x.id, y.id))
    return a, b


# Pages that must credit an outlet before its own uncredited page counts as the original: one
# page crediting a paper is as often a copy of that paper's copy of a wire story.
_CREDITED_BY = 2


def _credit_evidence(
    doc: Document, other: Document, name: dict[str, str], near: Neighbours, linked: bool = False
) -> list[Evidence]:
    """Evidence from ``doc``'s credit lines about the pair (and from its neighbours' credits naming ``doc``)."""
    items = []
    other_names = {outlet_key(n) for n in (other.outlet, other.title) if n}
    for c in _foreign(doc):
        if c.kind in ORIGIN_KINDS + AGENCY_KINDS and outlet_key(c.source) in other_names:
            items.append(Evidence("credit", other.id, 3.0, f"{name[doc.id]} credits {c.source}: \"{c.text}\""))
            return items
    own = outlet_key(doc.outlet) if doc.outlet else None
    # The page's metadata names the other's outlet as its author ("author": "The Washington Post").
    if is_publisher(doc.author) and outlet_key(doc.author) in other_names and outlet_key(doc.author) != own:
        items.append(Evidence("credit", other.id, 3.0, f"{name[doc.id]} credits {canonical(doc.author)}: author \"{doc.author}\""))
        return items
    credits = near.credited.get(other.id, {}).get(own, 0) if own else 0
    if credits >= _CREDITED_BY and uncredited(doc) and uncredited(other):
        # The pages that share this text name doc's outlet as its original, and doc, its own page,
        # credits nobody: the text is doc's. The uncredited copy took it, directly or through them.
        why = (
            f"{name[doc.id]} is {possessive(doc.outlet)} own page, and {credits} pages sharing this text credit "
            f"{doc.outlet} as the original; {name[other.id]} carries no credit line"
        )
        items.append(Evidence("credit", doc.id, 2.0, why))
        return items
    origin = origin_of(doc)
    # A page of the credited original sharing this text with ``other`` is among the inputs: then
    # doc and other both hold the original's text, and that page's pair carries the relation
    # (unless the two are known to be linked: then the one keeping the credit is nearer).
    if origin and uncredited(other) and (linked or outlet_key(origin[0]) not in near.pages.get(other.id, ())):
        items.append(
            Evidence(
                "credit",
                doc.id,
                0.5,
                f"{name[doc.id]} credits its text to {origin[0]}; {name[other.id]} carries no credit line",
            )
        )
    return items
