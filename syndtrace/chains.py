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
from syndtrace.model import Document, Passage, id_pair
from syndtrace.names import distinct_labels, is_agency, outlet_key, possessive
from syndtrace.packed import insertion_spans
from syndtrace.prose import ProseReader
from syndtrace.release import is_release
from syndtrace.spanlists import Spans, covered_by, intersect, merge, minority, subtract

CARRIED_WEIGHT = 1.5  # as strong as an editor's bracket: both say which side edited the text
# Characters of ``x``'s additions ``y`` must carry: one changed word will do ("forty" corrected to
# "fifty"), since two copies rarely change one word alike; quote marks and dashes are
# normalised before alignment and never count.
MIN_CARRIED_CHARS = 4
# Text two copies alone share, out of a story's several, before it shows one copied the other:
# about a sentence (a credit line, "Wexford Herald staff contributed to this report.").
MIN_EXCLUSIVE_CHARS = 40
_STOP_SLACK = 8  # characters between where other copies' shared text stops and the addition starts
_REPLACED_CHARS = 20  # other words in another copy where the text stands: the story was rewritten there
_COPIES_SHARE = 0.5  # of the smaller's words, what two copies of one story share
_OTHER_COPIES = 2  # other copies each of the two must share text with, to tell what is the story's
# Common sources tried per pair, nearest first: a story reprinted hundreds of times would
# otherwise cost (copies)^3 comparisons.
_SOURCES_TRIED = 8


def carried_additions(
    pairs: dict[tuple[str, str], tuple[Passage, ...]],
    upstream: Callable[[str, str], bool],
    docs: dict[str, Document],
    kin: Callable[[str, str], str | None] = lambda x, y: None,
    sizes: dict[str, int] | None = None,
    rare: Callable[[str, str], bool] | None = None,
    text: Callable[[str], str] | None = None,
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

    Any two copies of a story whose original is not among the inputs
    (``sizes``: each document's words; the two share half the smaller's or
    more) are compared too: text the two alone share, of the story's copies,
    is one outlet's addition the other carried (``_exclusive_carried``).

    Both judge "the other copies" by the copies each was compared with: a
    few, in a story carried more often than the index's cap. Then text of one
    write-thru that the few compared copies lack reads as one outlet's
    addition. ``rare(x, y)`` says whether the two share text that few
    documents of the whole run carry: else neither rule is asked (None:
    every pair may be). ``text`` reads a document's text by id where the
    document holds none (a scan's): whether another copy has a lede of its
    own is read from it.
    """
    words = {id_pair(a, b): sum(p.words for p in ps) for (a, b), ps in pairs.items()}
    sizes = sizes or {}

    def shared(a: str, b: str) -> int:
        return words.get(id_pair(a, b), 0)

    sources: dict[str, list[str]] = {}
    for a, b in pairs:
        for src, doc in ((a, b), (b, a)):
            if upstream(src, doc):
                sources.setdefault(doc, []).append(src)
    for doc, found in sources.items():
        found.sort(key=lambda s: (-shared(doc, s), s))
        del found[_SOURCES_TRIED:]

    views = _Views(pairs, ProseReader(docs, text))
    evidence: dict[tuple[str, str], Evidence] = {}
    for k, (x, y) in enumerate(pairs):
        common = set(sources.get(x, ())) & set(sources.get(y, ()))
        common -= {x, y}
        if common:
            found = _source_carried(x, y, common, views, docs, shared)
        elif rare is None or rare(x, y):
            credited = kin(x, y)
            found = _changes_carried(x, y, views, docs, credited) if credited else None
            # Only between two copies of the story, sharing half the smaller's words or more: a news
            # story lifting a few lines of a release is no copy of a copy.
            if found is None and shared(x, y) >= _COPIES_SHARE * min(sizes.get(x, 0), sizes.get(y, 0)):
                found = _exclusive_carried(x, y, views, docs)
        else:
            found = None  # what the two share, many documents carry: a version's text, no one outlet's
        if found is not None:
            evidence[(x, y)] = found
        views.done(k, x, y)
    return evidence


def _source_carried(x, y, common: set[str], views: _Views, docs, shared: Callable[[str, str], int]) -> Evidence | None:
    """"carried" evidence for two copies of their common sources ``common``, if one carries what the other added."""
    o = min(common, key=lambda s: (-(shared(x, s) + shared(y, s)), s))
    carried = 0

    def story_before(doc: str, at: int) -> bool:
        return doc in common or views.shared_before(doc, at)  # an original's own lede is the story's

    for doc, other in ((x, y), (y, x)):
        mine = views.aligned(doc)
        # Not in any of the originals both descend from (a wire's versions all count), and not
        # a line crediting the wire ("Associated Press writer ... contributed"): that is the
        # wire's, whoever printed it.
        originals = merge([span for src in common for span in mine.get(src, ())] + _wire_lines(docs.get(doc)))
        additions = subtract(mine[other], originals + views.popular(doc))
        # Slivers between two aligned stretches (a full stop and a line break) are no words.
        additions = [(s, e) for s, e in additions if e - s >= MIN_CARRIED_CHARS]
        if additions:
            facing = views.facing(doc)
            others = [(partner, ps) for partner, ps in facing.items() if partner != other]
            ends = [(partner, ps) for partner, ps in facing.items() if partner in common]
            additions = [(s, e) for s, e in additions if _added(s, e, others, views.prose, story_before, ends)]
        carried = max(carried, sum(e - s for s, e in additions))
    # News written from one press release are rewrites: two reporters change a word alike often
    # enough ("said" to "claimed"), so a sentence is asked for, as of copies with no original.
    if carried < (MIN_EXCLUSIVE_CHARS if is_release(docs[o]) else MIN_CARRIED_CHARS):
        return None
    xo, yo = shared(x, o), shared(y, o)
    name = distinct_labels(docs[d] for d in (x, y, o))
    if xo == yo:
        return Evidence(
            "carried", None, 0.0,
            f"{name[x]} and {name[y]} share {_about(carried)} that {name[o]} does not have: one copied "
            f"the other, but both keep as much of {possessive(name[o])} text ({xo} words)",
        )  # fmt: skip
    near, far = (x, y) if xo > yo else (y, x)
    return Evidence(
        "carried", near, CARRIED_WEIGHT,
        f"{name[far]} carries {_about(carried)} that only {name[near]} added to {possessive(name[o])} text, "
        f"and keeps less of {name[o]} ({shared(far, o)} words against {shared(near, o)}): "
        f"{name[far]} copied {name[near]}",
    )  # fmt: skip


def _changes_carried(x, y, views: _Views, docs, credited: str) -> Evidence | None:
    """Undirected "carried" evidence for two copies of an original not among the inputs, if one carries the other's change."""
    carried = 0
    for doc, other in ((x, y), (y, x)):
        changes = intersect(views.aligned(doc)[other], views.differs(doc))
        carried = max(carried, sum(e - s for s, e in changes if e - s >= MIN_CARRIED_CHARS))
    if carried < MIN_CARRIED_CHARS:
        return None
    name = distinct_labels(docs[d] for d in (x, y))
    return Evidence(
        "carried", None, 0.0,
        f"{name[x]} and {name[y]} share {_about(carried)} in which they differ from the other copies "
        f"of {possessive(credited)} story: one copied the other",
    )  # fmt: skip


def _exclusive_carried(x, y, views: _Views, docs) -> Evidence | None:
    """"carried" evidence for two copies of a story whose original is not among the inputs.

    Where each has two or more other copies to compare with, the text that
    ``x`` shares with ``y`` and with no other document is one outlet's
    addition (a local paragraph, its framing, its footer) carried by the
    other, or the tail of a story that only these two left untrimmed: a
    paragraph length of it is asked for. The one holding more of the story's
    common text (shared with three or more) is nearer the original; when both
    hold as much, the evidence says only that one copied the other.
    """
    if min(len(views.partners[x]), len(views.partners[y])) < _OTHER_COPIES + 1:
        return None
    if any(d is None or is_release(d) or is_agency(d.outlet) for d in (docs.get(x), docs.get(y))):
        return None  # an original of the story itself (a press release, a wire's page): not one of its copies
    carried = 0
    for doc, other in ((x, y), (y, x)):
        only = [(s, e) for s, e in subtract(intersect(views.aligned(doc)[other], views.alone(doc)), _wire_lines(docs.get(doc)))
                if e - s >= MIN_CARRIED_CHARS]  # fmt: skip
        if not only:
            continue
        others = [(partner, ps) for partner, ps in views.facing(doc).items() if partner != other]
        kept = [(s, e) for s, e in only if _added(s, e, others, views.prose, views.shared_before)]
        carried = max(carried, sum(e - s for s, e in kept))
    if carried < MIN_EXCLUSIVE_CHARS:
        return None
    held = {d: sum(e - s for s, e in views.popular(d)) for d in (x, y)}
    name = distinct_labels(docs[d] for d in (x, y))
    words = _about(carried)
    if abs(held[x] - held[y]) < MIN_EXCLUSIVE_CHARS:
        return Evidence(
            "carried", None, 0.0,
            f"{name[x]} and {name[y]} share {words} that no other copy of the story has: one copied the other",
        )  # fmt: skip
    near, far = (x, y) if held[x] > held[y] else (y, x)
    return Evidence(
        "carried", near, CARRIED_WEIGHT,
        f"{name[far]} carries {words} that, of the story's copies, only {name[near]} has, "
        f"and keeps less of the text the copies share: {name[far]} copied {name[near]}",
    )  # fmt: skip


class _Views:
    """What the rules read of each document of ``pairs``, made when first asked for, let go after its last pair.

    Only the documents of the pairs weighed need them (pairs with a common
    source, or sharing text few documents carry), and only until their last
    pair in ``pairs``' order: made for every pair up front and kept, they
    held 185 MB at the peak of a 100k scan's trace stage; made when asked
    for, 142 MB; let go, about 70 MB. ``prose`` (a few integers a
    document, kept) says where each has a lede of its own.
    """

    __slots__ = ("partners", "prose", "_last", "_made")

    def __init__(self, pairs: dict[tuple[str, str], tuple[Passage, ...]], prose: ProseReader) -> None:
        self.prose = prose
        self.partners: dict[str, dict[str, tuple[Passage, ...]]] = {}  # doc -> partner -> the pair's passages
        self._last: dict[str, int] = {}  # doc -> the position of its last pair
        for k, ((a, b), ps) in enumerate(pairs.items()):
            self.partners.setdefault(a, {})[b] = ps
            self.partners.setdefault(b, {})[a] = ps
            self._last[a] = self._last[b] = k
        self._made: dict[str, dict[str, object]] = {}

    def _view(self, doc: str, what: str, make: Callable[[], object]):
        made = self._made.setdefault(doc, {})
        if what not in made:
            made[what] = make()
        return made[what]

    def aligned(self, doc: str) -> dict[str, Spans]:
        """Partner -> ``doc``'s text aligned with it (its passages less the words the partner lacks there)."""
        return self._view(doc, "aligned", lambda: {o: subtract(*_sides(ps, doc), merged=True) for o, ps in self.partners[doc].items()})

    def facing(self, doc: str) -> dict[str, list[tuple[int, int, int, int]]]:
        """Partner -> the pair's passages as ``_facing`` gives them."""
        return self._view(doc, "facing", lambda: {o: _facing(ps, doc) for o, ps in self.partners[doc].items()})

    def popular(self, doc: str) -> Spans:
        """``doc``'s text that three or more partners share: the story's."""
        return self._view(doc, "popular", lambda: covered_by(list(self.aligned(doc).values()), 3, merged=True))

    def alone(self, doc: str) -> Spans:
        """``doc``'s text that exactly one partner shares."""
        return self._view(doc, "alone", lambda: covered_by(list(self.aligned(doc).values()), 1, merged=True, below=2))

    def differs(self, doc: str) -> Spans:
        """Where ``doc`` differs from most of its partners (``minority``): a change it made."""

        def make() -> Spans:
            inserted = [_sides(ps, doc)[1] for ps in self.partners[doc].values()]
            return minority(list(self.aligned(doc).values()), inserted)

        return self._view(doc, "differs", make)

    def shared_before(self, doc: str, at: int) -> bool:
        """Whether ``doc``'s text just before offset ``at`` is in a passage with another document."""
        return any(
            side.start < at and side.end >= at - _STOP_SLACK
            for ps in self.partners[doc].values() for p in ps for side in (p.a, p.b) if side.doc == doc
        )  # fmt: skip

    def done(self, k: int, *docs: str) -> None:
        """Pair ``k`` is weighed: let go of what its documents' last pair needed."""
        for doc in docs:
            if self._last[doc] == k:
                self._made.pop(doc, None)


def _facing(passages: Iterable[Passage], doc: str) -> list[tuple[int, int, int, int]]:
    """Each passage as ``(doc's start, doc's end, partner's start, partner's end)``, in ``doc``'s order."""
    return sorted(
        (p.a.start, p.a.end, p.b.start, p.b.end) if p.a.doc == doc else (p.b.start, p.b.end, p.a.start, p.a.end)
        for p in passages
    )


def _added(
    start: int,
    end: int,
    views: list[tuple[str, list[tuple[int, int, int, int]]]],
    prose: ProseReader,
    shared_before: Callable[[str, int], bool],
    originals: list[tuple[str, list[tuple[int, int, int, int]]]] = (),
) -> bool:
    """Whether text only two copies share, at ``[start, end)`` of one, is an addition to the story.

    ``views`` holds, per other copy, its id and its passages with this one (``_facing``).
    Other text only two copies share is the story's: a write-thru's lede that
    later versions replaced (other copies have other words there), or the
    tail of a story only these two left untrimmed (copies cut from the bottom
    at different points). An addition is inserted: more other copies run the
    text before and after it without a break than have other words in its place,
    or, at the end, two or more other copies' shared text stops right where
    it starts (the story's end), or it follows all of the original's text
    or stands right before it where the original has only a headline
    (``originals``: their ids and passages with this copy, when among the inputs). At the top,
    another copy's own words in its place are a paragraph of prose before
    its shared text (not a headline, byline or menu line: ``prose``) that it
    runs with other copies (``shared_before``: another version's lede, not
    its own framing on top); a copy whose shared text resumes only further
    on lacks the text around it as well (another version's lede, holding a
    bracket) and says nothing.
    """
    for original, sides in originals:
        if sides and max(side[1] for side in sides) <= start + _STOP_SLACK:
            return True  # after the original's text ends: added after the story's end
        if sides and abs(min(side[0] for side in sides) - end) <= _STOP_SLACK:
            if prose.before(original, min(side[2] for side in sides)) is False:
                return True  # right before the original's text, which has only a headline above it: put on top
    inserted = replaced = stops = 0
    for partner, sides in views:
        before = [side for side in sides if side[1] <= start + _STOP_SLACK]
        after = [side for side in sides if side[0] >= end - _STOP_SLACK]
        if any(s < start and end < e for s, e, _, _ in sides):
            inserted += 1  # inside one passage: words this copy holds and the other lacks
        elif before and after:
            # The other copy's own words in its place (more than a changed word): the story
            # changed there, or that copy made an addition of its own at the same point.
            gap = min(side[2] for side in after) - max(side[3] for side in before)
            inserted += gap <= _STOP_SLACK
            replaced += gap > _REPLACED_CHARS
        elif before:
            stops += start - max(side[1] for side in before) <= _STOP_SLACK
        elif after:
            if min(side[0] for side in after) - end > _STOP_SLACK:
                # The other copy lacks the text after it too (a lede of another version, holding an
                # editor's bracket): it says nothing of what was added there.
                continue
            at = min(side[2] for side in after)
            lede = prose.before(partner, at)
            if lede and shared_before(partner, at):
                replaced += 1  # another lede stands there, which other copies run too: a write-thru's
            elif lede is not None:
                inserted += 1  # a headline there, or the other copy's own words put on top
    return inserted > replaced or (stops >= 2 and not replaced)


def _about(chars: int) -> str:
    """``chars`` of text as a rough count of words (six characters a word): "about 12 words", "a word"."""
    words = chars // 6
    return "a word" if words <= 1 else f"about {words} words"


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
        inserted += insertion_spans(p.insertions, doc)
    return merge(covered), merge(inserted)
