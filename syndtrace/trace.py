"""Trace stage: edges between documents and external sources, and the tree.

* A credit line naming an original that is not among the inputs (no
  document of that outlet shares text with the crediting one) makes an
  external ``Source`` (kind ``credited``) and a ``credited-reprint`` edge; a
  wire credit makes an ``agency`` source.
* Each pair with shared passages becomes one edge: ``shared-quote`` when
  what they share is (nearly) all quotation, otherwise a copy decided by
  ``direction.decide``. When the source side is itself a credited reprint of
  an outside original, the copy is hung under that original: what it took is
  the original's text (the reprint only carries it).
* A news organisation the shared passages are attributed to ("told the
  Times") becomes a ``quoted`` source above the node whose text quotes it,
  unless a document of that outlet shares the words with it.
* The tree gives every node one parent (``syndtrace.parents``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from syndtrace.chains import carried_additions
from syndtrace.direction import Neighbours, Verdict, agency_of, decide, origin_of, reading_order, uncredited
from syndtrace.lineage import Edge, Evidence
from syndtrace.model import Document, PairVerdict, id_pair
from syndtrace.names import distinct_labels, is_publisher, outlet_key, possessive
from syndtrace.outside import carries_outside_text, credited_origin, outside_original, outside_source, paper_or_original
from syndtrace.parents import KIND_PRIORITY, build_tree
from syndtrace.quoted import first_appearance_credit, quoted_sources
from syndtrace.settings import Settings
from syndtrace.storylinks import STRONG_SHARE, compiled_among
from syndtrace.tracegraph import Graph, PairPassages
from syndtrace.versions import VERSION_KIND, matched_versions, update_of


def trace(
    docs: list[Document],
    pairs: list[PairPassages],
    verdicts: list[PairVerdict],
    words: dict[str, int],
    settings: Settings,
    corpus: bool = False,
    rare: set[tuple[str, str]] | None = None,
    text: Callable[[str], str] | None = None,
    compiled: set[str] | None = None,
):
    """Return ``(edges, sources, tree)`` for the documents and their shared passages.

    ``verdicts`` are the pairs' (``syndtrace.verdict``), in the order of
    ``pairs``; ``words`` is each document's count of non-boilerplate words
    (for shares). ``corpus``: the inputs hold many stories (``scan``), so an
    outside node (one outlet) stands for several of its stories at once, and
    in the whole run's tree it takes no parent: which story's parent would it
    be? A family's tree (``syndtrace.family``) gives it one. ``rare``: the
    pairs (``model.id_pair``) sharing text few documents carry (``scan``; see
    ``chains.carried_additions``); None: every pair. ``text`` reads a
    document's text by id where the documents hold none (``scan``).
    ``compiled``: the pages that compile several stories
    (``storylinks.compiled_among`` the pairs' passages), when the
    caller has them (``scan`` hands them to ``families`` too); else found here.
    """
    g = Graph({d.id: d for d in docs}, words)
    live = [(pair, v) for pair, v in zip(pairs, verdicts, strict=True) if pair.passages]
    g.near = _neighbours(g, [pair for pair, v in live if v.verdict != "shared-quote"])
    first = {(pair.x, pair.y): _first_verdict(g, pair, v) for pair, v in live}
    live = [pair for pair, _ in live]
    shared = {key: sum(p.words for p in pair.passages) for key, pair in zip(first, live)}
    # A compilation of several stories ("The Latest") carries an item of each; it is no story's original.
    if compiled is None:
        compiled = compiled_among([p for pair in live for p in pair.passages], verdicts, words, settings)
    most: dict[str, int] = {}  # the most words each document shares with any one partner
    for (x, y), n in shared.items():
        if first[(x, y)] != _QUOTES:
            most[x], most[y] = max(most.get(x, 0), n), max(most.get(y, 0), n)
    for (x, y), verdict in first.items():
        for doc, other in ((x, y), (y, x)):
            if g.docs[other].outlet:
                key = outlet_key(g.docs[other].outlet)
                g.quoting_outlets.setdefault(doc, set()).add(key)
                # A page of a credited outlet among the inputs is the original only if it holds what
                # this document took: most of the smaller one's words, or nearly the most it shares
                # with anyone (the page it excerpts). Another of its stories sharing a background
                # paragraph does not, nor its compilation carrying an item of the story.
                n = shared[(x, y)]
                if verdict != _QUOTES and other not in compiled and (
                    n >= STRONG_SHARE * min(max(1, words.get(x, 0)), max(1, words.get(y, 0)))
                    or n >= _NEARLY_MOST * most[doc]
                ):
                    g.partner_outlets.setdefault(doc, set()).add(key)
    for doc in docs:
        credited_origin(g, doc)
    # Three-way evidence needs every pair's own direction first: two copies of one original
    # are siblings, and a copy of a copy shows only against the original (syndtrace.chains).
    # Two pages crediting one original or wire are copies of it; what decided their own pair
    # (dates, most often) is no evidence of one copying the other, nor of either being upstream.
    credit_siblings = {key for key, v in first.items() if v != _QUOTES and _same_credit(g, *key) and not _direct(v)}
    upstream = {
        (v.source, v.copy) for key, v in first.items() if v != _QUOTES and v.determined and key not in credit_siblings
    }
    # One outlet's versions of a story: the later updates the earlier, which is upstream of it.
    updates = {key: update_of(g.docs[key[0]], g.docs[key[1]], shared[key], words) for key in first if first[key] != _QUOTES}
    updates = {key: found for key, found in updates.items() if found is not None}
    upstream |= {(early, late) for early, late, _ in updates.values()}
    common = _common_originals(first, upstream)
    siblings = credit_siblings | {key for key in common if first[key] != _QUOTES and not _direct(first[key])}
    texts = {key: pair.passages for key, pair in zip(first, live) if first[key] != _QUOTES}
    carried = carried_additions(
        texts,
        lambda o, d: (o, d) in upstream,
        g.docs,
        lambda x, y: _same_credit(g, x, y) if (x, y) in credit_siblings else None,
        words,
        None if rare is None else (lambda x, y: id_pair(x, y) in rare),
        text,
    )
    for key, pair in zip(first, live):
        if key in updates:
            early, late, ev = updates[key]
            ids = tuple(p.id for p in pair.passages)
            g.add(Edge(early, late, VERSION_KIND, 0.9, ids, (ev,), shared[key], round(shared[key] / max(1, words.get(late, 0)), 4)))
            continue
        sibling = common.get(key, "") if key in siblings else None
        _pair_edge(g, pair, settings, first[key], carried.get(key), shared[key], sibling)
    for (version, copy), ev in matched_versions(g.edges.values(), g.docs).items():
        edge = g.edges[(version, copy)]
        g.edges[(version, copy)] = replace(edge, evidence=edge.evidence + (ev,))
    quoted_sources(g, pairs)
    edges = sorted(g.edges.values(), key=lambda e: (KIND_PRIORITY[e.kind], e.source, e.copy))
    sources = sorted(g.sources.values(), key=lambda s: s.id)
    shown = [e for e in edges if e.copy not in g.sources] if corpus else edges
    return tuple(edges), tuple(sources), build_tree(list(g.docs), list(g.sources), shown)


_QUOTES = "shared-quote"  # a pair that shares only quotations
_NEARLY_MOST = 0.8  # of the most a document shares with anyone: what its original's page shares
_SAME_PAGE = 0.9  # share of the longer page's words two pages of one outlet hold in common to be "the same page"


def _first_verdict(g: Graph, pair: PairPassages, verdict: PairVerdict) -> Verdict | str:
    """The pair's own direction, or ``_QUOTES`` when what they share is quotation."""
    if verdict.verdict == "shared-quote":
        return _QUOTES
    x, y = g.docs[pair.x], g.docs[pair.y]
    return decide(x, y, list(pair.passages), first_appearance_credit(x, y, pair.passages, verdict.first_appearance), g.near)


def _neighbours(g: Graph, pairs: list[PairPassages]) -> Neighbours:
    """Per document, the outlets of the pages it shares authored text with, and the originals they credit."""
    pages: dict[str, set[str]] = {}
    credited: dict[str, dict[str, int]] = {}
    for pair in pairs:
        for doc, other in ((pair.x, pair.y), (pair.y, pair.x)):
            partner = g.docs[other]
            if partner.outlet:
                pages.setdefault(doc, set()).add(outlet_key(partner.outlet))
            origin = origin_of(partner)
            if origin:
                counts = credited.setdefault(doc, {})
                key = outlet_key(origin[0])
                counts[key] = counts.get(key, 0) + 1
    return Neighbours({d: frozenset(keys) for d, keys in pages.items()}, credited)


def _same_credit(g: Graph, x_id: str, y_id: str) -> str | None:
    """The original or wire both documents credit, if they credit the same one."""
    x, y = g.docs[x_id], g.docs[y_id]
    ox, oy, ax = origin_of(x), origin_of(y), agency_of(x)
    if ox and oy and ox[0] == oy[0]:
        return ox[0]
    return ax if ax and ax == agency_of(y) else None


# Evidence on the pair itself that holds even between two copies of one original: one credits
# the other, one is a press release, a wire agency's own page, or a portal.
_DIRECT = ("credit", "release", "agency", "portal")


def _direct(verdict: Verdict) -> bool:
    return any(e.kind in _DIRECT and e.weight >= 2 for e in verdict.evidence)


def _common_originals(first: dict, upstream: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Pairs both of whose documents were decided copies of a third: ``(x, y)`` -> that original's id.

    Of several, the one whose id sorts first (the evidence sentence names one).
    """
    sources: dict[str, set[str]] = {}
    for src, doc in upstream:
        sources.setdefault(doc, set()).add(src)
    found = {}
    for x, y in first:
        common = (sources.get(x, set()) & sources.get(y, set())) - {x, y}
        if common:
            found[(x, y)] = min(common)
    return found


def _pair_edge(
    g: Graph,
    pair: PairPassages,
    settings: Settings,
    first: Verdict | str,
    carried: Evidence | None,
    copy_words: int,
    sibling: str | None = None,
) -> None:
    """The pair's edge. ``carried``: three-way evidence (``syndtrace.chains``), weighed with the pair's own.
    ``copy_words``: the words its passages share. ``sibling`` is not ``None`` for two copies of
    one original: the id of a document both were decided copies of, or ``""`` when both credit it.

    Siblings stay siblings unless one carries what only the other added to
    their original: a copy of a reprint keeps the reprint's credit line, and
    word counts or subscribers' dates say nothing about which of two copies
    came first. Once that shows one copied the other, the pair's own
    evidence (dates among it) says which.
    """
    x, y = g.docs[pair.x], g.docs[pair.y]
    ids = tuple(p.id for p in pair.passages)
    if first == _QUOTES:
        authored = sum(p.authored_words for p in pair.passages)
        quoted = sorted({s.attribution for p in pair.passages for s in (p.a, p.b) if s.attribution})
        who = f" (attributed to {', '.join(quoted)})" if quoted else ""
        ev = Evidence(
            "shared-quote",
            None,
            0.0,
            f"of {copy_words} shared words only {authored} are outside quotation marks: "
            f"both quote the same statement{who}, which is not copying",
        )
        a, b = sorted((x.id, y.id))
        g.add(Edge(a, b, "shared-quote", 0.0, ids, (ev,), 0, 0.0))
        return
    if sibling is not None and carried is None:
        name = _same_credit(g, x.id, y.id)
        if name:
            ev = Evidence("credit", None, 0.0, f"both credit {name}: copies of the same original, neither copied the other")
        else:
            label = distinct_labels((x, y, g.docs[sibling]))[sibling]
            ev = Evidence(
                "siblings", None, 0.0,
                f"both are copies of {label}: neither carries text only the other added to it, so neither copied the other",
            )  # fmt: skip
        a, b = reading_order(x, y)
        g.add(Edge(a, b, "undetermined", 0.0, ids, (ev,), copy_words, 0.0))
        return
    verdict = first if carried is None else decide(x, y, list(pair.passages), (carried,), g.near)
    credited = any(e.kind == "credit" and e.weight >= 3 for e in verdict.evidence)
    if not verdict.determined:
        # Direction unknown, but if exactly one side credits an outside original or agency,
        # the text they share is that original's: the other side carries it uncredited.
        holders = [d for d in (x, y) if outside_original(g, d)]
        carrier = _other(holders[0], x, y) if len(holders) == 1 and uncredited(_other(holders[0], x, y)) else None
        if carrier is not None and not is_publisher(carrier.outlet):
            source, copy = holders[0].id, carrier.id
        else:
            evidence = verdict.evidence + _same_page(g, x, y, copy_words)
            if carrier is not None:  # a known paper: its own text, or the original's it ran uncredited
                evidence += (paper_or_original(g, holders[0], carrier),)
            g.add(Edge(verdict.source, verdict.copy, "undetermined", 0.0, ids, evidence, copy_words, 0.0))
            return
    else:
        source, copy = verdict.source, verdict.copy
        if not credited and carries_outside_text(g, g.docs[copy], g.docs[source], ids, verdict.evidence, copy_words):
            return
    share = round(copy_words / max(1, g.words.get(copy, 0)), 4)
    evidence = verdict.evidence
    confidence = verdict.confidence if verdict.determined else 0.6
    outside = (
        outside_original(g, g.docs[source])
        if not credited and uncredited(g.docs[copy]) and not is_publisher(g.docs[copy].outlet)
        else None
    )
    if outside is not None:
        # The original is not among the inputs: the copy took the original's text.
        holder, name, how = g.docs[source], outside[0], outside[4]
        sid = outside_source(g, holder, outside)
        label = distinct_labels((g.docs[copy], holder))
        why = (
            f"the text {label[copy]} shares with {label[holder.id]} is {possessive(name)}: "
            f"{label[holder.id]} credits {name} {how}"
        )
        source, evidence = sid, evidence + (Evidence("via", sid, 0.0, why),)
    kind = "credited-reprint" if credited else "copy"
    g.add(Edge(source, copy, kind, confidence, ids, evidence, copy_words, share))


def _same_page(g: Graph, x: Document, y: Document, words: int) -> tuple[Evidence, ...]:
    """Why an undetermined pair of one outlet's pages that share nearly all their words has no direction.

    A scraped corpus holds the same page saved twice, and outlets run their
    own stories again; neither copied the other from elsewhere. Said, not
    weighed: which came first is still unknown.
    """
    if not (x.outlet and y.outlet and outlet_key(x.outlet) == outlet_key(y.outlet)):
        return ()
    sizes = sorted(g.words.get(d.id, 0) for d in (x, y))
    if not sizes[0] or words < _SAME_PAGE * sizes[1]:
        return ()
    have = f"{sizes[0]} each" if sizes[0] == sizes[1] else f"{sizes[0]} and {sizes[1]}"
    why = (
        f"both are {x.outlet} pages and share {words} words (they have {have}): "
        f"one page saved twice, or {x.outlet} running its story again"
    )
    return (Evidence("same-page", None, 0.0, why),)


def _other(doc: Document, x: Document, y: Document) -> Document:
    return y if doc is x else x
