"""Three-way evidence for the trace stage: a copy that carries what only its source added.

Subscribers run one wire story in different write-thrus, trims and versions,
so two of them may share more words with each other than either does with
the wire's own page: that is no sign that one copied the other. What is a
sign is text *only one of them added* to the original, found in the other: a
local paragraph, an editor's bracket, a framing sentence, a correction, a
changed word. Two documents ``x`` and ``y`` that both descend from a third,
``o`` (each pair decided ``o`` -> copy), are siblings unless one carries such
an addition of the other.

* ``x``'s additions to ``o`` are the parts of ``x`` outside its passages
  with ``o``, and the words its passages with ``o`` hold that ``o`` lacks
  (``Passage.insertions``). Where both descend from several documents (a
  wire's write-thrus), text aligned with any of them is the wire's.
* They are *carried* into ``y`` where ``x``'s passages with ``y`` cover them
  and align them (no insertion of ``x``'s side there).

Text that many documents share is not one outlet's addition: it is the
wire's, in a write-thru whose page is not among the inputs (every subscriber
of the new version carries its new lede). So what ``x`` shares with three or
more documents (``y`` and two others) does not count.

The addition is in both, so it shows that one copied the other, not which.
The direction comes from what each kept of ``o``: a copy holds no more of
``o`` than its source did, so the one sharing more of ``o``'s words sits
between ``o`` and the other (``o`` -> ``x`` -> ``y``). When both share
exactly as much, the pair stays undetermined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from syndtrace.lineage import Evidence
from syndtrace.model import Document, Passage
from syndtrace.names import distinct_labels, outlet_key, possessive

CARRIED_WEIGHT = 1.5  # as strong as an editor's bracket: both say which side edited the text
# Characters of ``x``'s additions ``y`` must carry: one changed word will do ("forty" corrected to
# "fifty"), since two copies rarely change one word alike; quote marks and dashes are
# normalised before alignment and never count.
MIN_CARRIED_CHARS = 4
# Common sources tried per pair, nearest first: a story reprinted hundreds of times would
# otherwise cost (copies)^3 comparisons.
_SOURCES_TRIED = 8

Spans = list[tuple[int, int]]


def carried_additions(
    pairs: dict[tuple[str, str], tuple[Passage, ...]],
    upstream: Callable[[str, str], bool],
    docs: dict[str, Document],
    kin: Callable[[str, str], str | None] = lambda x, y: None,
) -> dict[tuple[str, str], Evidence]:
    """``(x, y)`` -> "carried" evidence that one of the two copied the other.

    ``pairs`` maps each pair of documents that share text, ``(x, y)``, to its
    passages (``x`` on side ``a``); the evidence is keyed the same way.
    ``upstream(o, d)`` says whether the pair of ``o`` and ``d`` was decided
    with ``o`` as the source. Of the pair's common sources, the one sharing
    the most words with the two is their original.

    ``kin(x, y)`` names the original both credit when it is not among the
    inputs (a wire's story). Then nothing shows which text is the wire's,
    but a word ``x`` changed shows against its other copies: where ``x``
    differs from two or more of them and ``y`` holds ``x``'s version, ``y``
    carries ``x``'s change (a corrected figure, a bracket, a changed word).
    """
    words = {frozenset(k): sum(p.words for p in ps) for k, ps in pairs.items()}
    aligned: dict[str, dict[str, Spans]] = {}  # doc -> partner -> the doc's text aligned with it
    inserted: dict[str, list[Spans]] = {}  # doc -> per partner, the doc's words the partner lacks there
    for (a, b), ps in pairs.items():
        for doc, other in ((a, b), (b, a)):
            covered, ins = _sides(ps, doc)
            aligned.setdefault(doc, {})[other] = _subtract(covered, ins)
            inserted.setdefault(doc, []).append(ins)
    popular: dict[str, Spans] = {}
    differs: dict[str, Spans] = {}

    def shared(a: str, b: str) -> int:
        return words.get(frozenset((a, b)), 0)

    sources: dict[str, list[str]] = {}
    for a, b in pairs:
        for src, doc in ((a, b), (b, a)):
            if upstream(src, doc):
                sources.setdefault(doc, []).append(src)
    for doc, found in sources.items():
        found.sort(key=lambda s: (-shared(doc, s), s))
        del found[_SOURCES_TRIED:]

    evidence: dict[tuple[str, str], Evidence] = {}
    for (x, y), ps in pairs.items():
        common = set(sources.get(x, ())) & set(sources.get(y, ()))
        common -= {x, y}
        if not common:
            credited = kin(x, y)
            if credited:
                found = _changes_carried(x, y, aligned, inserted, differs, docs, credited)
                if found is not None:
                    evidence[(x, y)] = found
            continue
        o = min(common, key=lambda s: (-(shared(x, s) + shared(y, s)), s))
        carried = 0
        for doc, other in ((x, y), (y, x)):
            if doc not in popular:
                popular[doc] = _covered_by(list(aligned[doc].values()), 3)
            mine = aligned[doc]
            # Not in any of the originals both descend from (a wire's versions all count), and not
            # a line crediting the wire ("Associated Press writer ... contributed"): that is the
            # wire's, whoever printed it.
            originals = _merge([span for src in common for span in mine.get(src, ())] + _wire_lines(docs.get(doc)))
            additions = _subtract(_subtract(mine[other], originals), popular[doc])
            # Slivers between two aligned stretches (a full stop and a line break) are no words.
            carried = max(carried, sum(e - s for s, e in additions if e - s >= MIN_CARRIED_CHARS))
        if carried < MIN_CARRIED_CHARS:
            continue
        xo, yo = shared(x, o), shared(y, o)
        name = distinct_labels(docs[d] for d in (x, y, o))
        if xo == yo:
            evidence[(x, y)] = Evidence(
                "carried", None, 0.0,
                f"{name[x]} and {name[y]} share about {max(1, carried // 6)} words that {name[o]} does not have: one copied "
                f"the other, but both keep as much of {possessive(name[o])} text ({xo} words)",
            )  # fmt: skip
            continue
        near, far = (x, y) if xo > yo else (y, x)
        evidence[(x, y)] = Evidence(
            "carried", near, CARRIED_WEIGHT,
            f"{name[far]} carries about {max(1, carried // 6)} words that only {name[near]} added to {possessive(name[o])} text, "
            f"and keeps less of {name[o]} ({shared(far, o)} words against {shared(near, o)}): "
            f"{name[far]} copied {name[near]}",
        )  # fmt: skip
    return evidence


def _changes_carried(x, y, aligned, inserted, differs, docs, credited: str) -> Evidence | None:
    """Undirected "carried" evidence for two copies of an original not among the inputs, if one carries the other's change."""
    carried = 0
    for doc, other in ((x, y), (y, x)):
        if doc not in differs:
            differs[doc] = _minority(list(aligned[doc].values()), inserted[doc])
        changes = _intersect(aligned[doc][other], differs[doc])
        carried = max(carried, sum(e - s for s, e in changes if e - s >= MIN_CARRIED_CHARS))
    if carried < MIN_CARRIED_CHARS:
        return None
    name = distinct_labels(docs[d] for d in (x, y))
    return Evidence(
        "carried", None, 0.0,
        f"{name[x]} and {name[y]} share about {max(1, carried // 6)} words in which they differ from the other copies "
        f"of {possessive(credited)} story: one copied the other",
    )  # fmt: skip


def _minority(agree: list[Spans], disagree: list[Spans]) -> Spans:
    """Where a document differs from two or more partners and from more partners than it agrees with.

    ``agree`` and ``disagree`` hold, per partner, the document's spans aligned
    with it and those it has that the partner lacks. The copy that changed a
    word differs there from most copies; the copies that kept it agree.
    """
    agree, disagree = [_merge(s) for s in agree], [_merge(s) for s in disagree]
    cuts = sorted({at for spans in disagree for span in spans for at in span})
    out: Spans = []
    for s, e in zip(cuts, cuts[1:]):
        differ = sum(any(a <= s and e <= b for a, b in spans) for spans in disagree)
        if differ >= 2 and differ > sum(any(a <= s and e <= b for a, b in spans) for spans in agree):
            out.append((s, e))
    return _merge(out)


def _intersect(a: Spans, b: Spans) -> Spans:
    """The parts both span lists cover."""
    return _subtract(a, _subtract(a, b))


def _wire_lines(doc: Document | None) -> Spans:
    """Spans of ``doc``'s credit lines naming another outlet (its datelines, "AP writer ... contributed",
    "The Washington Post"), and its headline.

    Such a line is the wire's or the original's, whoever printed it; and a
    headline two copies share is the wire's headline both kept, even where
    the wire's own page, with a byline under it, aligned it with neither.
    """
    if doc is None:
        return []
    own = outlet_key(doc.outlet) if doc.outlet else None
    lines = [(c.start, c.end) for c in doc.credits if outlet_key(c.source) != own]
    return lines + ([doc.headline] if doc.headline else [])


def _sides(passages: Iterable[Passage], doc: str) -> tuple[Spans, Spans]:
    """``(covered, inserted)``: ``doc``'s passage spans in a pair, and the words they hold that the other side lacks."""
    covered, inserted = [], []
    for p in passages:
        side = p.a if p.a.doc == doc else p.b
        covered.append((side.start, side.end))
        inserted += [(i.start, i.end) for i in p.insertions if i.doc == doc]
    return _merge(covered), _merge(inserted)


def _covered_by(spans_per_partner: list[Spans], times: int) -> Spans:
    """The parts of a document that at least ``times`` of its partners' span lists cover."""
    merged = [_merge(spans) for spans in spans_per_partner]  # a partner counts once wherever it covers
    events = sorted((at, step) for spans in merged for s, e in spans for at, step in ((s, 1), (e, -1)))
    out: Spans = []
    depth, start = 0, 0
    for at, step in events:  # at one position, ends (-1) sort before starts
        if step > 0 and depth == times - 1:
            start = at
        elif step < 0 and depth == times and at > start:
            out.append((start, at))
        depth += step
    return _merge(out)


def _merge(spans: Spans) -> Spans:
    if len(spans) < 2:  # most lists: no sort, no loop (a 100k scan merges 1.4 million of them)
        return [(spans[0][0], spans[0][1])] if spans and spans[0][1] > spans[0][0] else []
    out: Spans = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def _subtract(spans: Spans, cut: Spans) -> Spans:
    """``spans`` minus ``cut`` (both merged, sorted)."""
    out: Spans = []
    cut = _merge(cut)
    for s, e in _merge(spans):
        at = s
        for cs, ce in cut:
            if ce <= at or cs >= e:
                continue
            if cs > at:
                out.append((at, cs))
            at = max(at, ce)
        if at < e:
            out.append((at, e))
    return out
