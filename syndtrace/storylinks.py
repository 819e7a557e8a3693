"""Links between documents that make one story, and the parts a page is made of.

Two documents are linked when their verdict is reuse (``syndtrace.verdict``)
and they share enough to be one story (``same_story``); a document and a
quoted outlet's node are linked when both sides of shared passages quote
that outlet's report. A link is *strong* when the shared words are at least
half of the smaller document's (``STRONG_SHARE``).

A page's *parts* are the groups of overlapping spans its partners share. A
page whose parts other stories share, each a different one, is a
*multi-story page*: a page that embeds a second story, a compilation ("The
Latest", news in brief). ``syndtrace.family`` builds the families from these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from syndtrace.lineage import Source
from syndtrace.model import PairVerdict, Passage
from syndtrace.names import outlet_key, source_id
from syndtrace.settings import Settings
from syndtrace.unionfind import UnionFind

# A link is strong when it covers at least this share of the smaller document's words.
STRONG_SHARE = 0.5

# A page of several parts whose parts hold this share of its words is a compilation of them.
COMPILATION_SHARE = 0.6
# Characters two parts of a page may share and still be different parts: where two excerpts
# meet, each passage can claim the word at the junction ("... said on Tuesday. The" / "The
# ministry ..."). A 100k benchmark page built from an AP and an AFP story did, by 3 characters,
# and merged the two stories' families.
_JUNCTION = 24


@dataclass(frozen=True, slots=True)


class Link:
    """Two documents (or a document and a quoted outlet's node) that share one story's text.

    ``words`` is what they share (reused words); ``spans`` the ``[start, end)``
    parts of each side's text, by document id.
    """

    a: str
    b: str
    words: int
    spans: dict[str, tuple[tuple[int, int], ...]]
    story: bool = True  # enough to be one story (``same_story``); else a minor reuse


def same_story(passages: Sequence[Passage], settings: Settings, quotes_count: bool = False) -> bool:
    """Whether two documents' passages are substantial overlap: one story.

    ``family_min_authored_words`` shared words in all, or one passage with
    ``family_min_passage_words``. Quotations count only when ``quotes_count``
    (one side is where they first appeared); otherwise shared quotations
    alone never qualify.
    """
    counts = [p.words if quotes_count else p.authored_words for p in passages]
    return bool(counts) and (
        sum(counts) >= settings.family_min_authored_words or max(counts) >= settings.family_min_passage_words
    )


def document_links(passages: Iterable[Passage], verdicts: Iterable[PairVerdict], settings: Settings) -> list[Link]:
    """The links between documents whose verdict is reuse, by pair of ids, in a stable order."""
    reuse = {(v.a, v.b): v for v in verdicts if v.verdict == "reuse"}
    by_pair: dict[tuple[str, str], list[Passage]] = {}
    for p in passages:
        pair = (p.a.doc, p.b.doc)
        if pair in reuse:
            by_pair.setdefault(pair, []).append(p)
    links = []
    for (a, b), ps in sorted(by_pair.items()):
        v = reuse[(a, b)]
        story = same_story(ps, settings, quotes_count=v.first_appearance is not None)
        links.append(Link(a, b, v.reused_words, {a: _spans(ps, a), b: _spans(ps, b)}, story))
    return links


def compiled_among(
    passages: Iterable[Passage], verdicts: Iterable[PairVerdict], words: dict[str, int], settings: Settings
) -> set[str]:
    """The pages that compile several stories (``compiled_pages``) among the documents' story links."""
    return compiled_pages([lk for lk in document_links(passages, verdicts, settings) if lk.story], words)


def outlet_links(
    passages: Iterable[Passage], verdicts: Iterable[PairVerdict], sources: Iterable[Source], settings: Settings
) -> list[Link]:
    """The links between documents and quoted outlets' nodes (``sources``), in a stable order.

    Found apart from ``document_links``: the nodes are known only once the
    trace stage made them, and ``scan`` finds the documents' links before it.
    """
    reuse = {(v.a, v.b) for v in verdicts if v.verdict == "reuse"}
    # Every outside node, whatever first made it: The New York Times may be the credited original
    # of some stories and the quoted report of others, and one node stands for both.
    outside = {s.id for s in sources}
    by_outlet: dict[tuple[str, str], list[Passage]] = {}
    for p in passages:
        if (p.a.doc, p.b.doc) in reuse:
            continue
        if p.a.attribution and p.b.attribution and outlet_key(p.a.attribution) == outlet_key(p.b.attribution):
            sid = source_id(p.a.attribution)
            if sid in outside:  # both quote one outlet's report, and its page is not among the inputs
                for side in (p.a, p.b):
                    by_outlet.setdefault((side.doc, sid), []).append(p)
    links = []
    for (doc, sid), ps in sorted(by_outlet.items()):
        unique = list({p.id: p for p in ps}.values())
        if same_story(unique, settings, quotes_count=True):
            links.append(Link(doc, sid, sum(p.words for p in unique), {doc: _spans(unique, doc), sid: ()}))
    return links


def _spans(passages: Sequence[Passage], doc: str) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((s.start, s.end) for p in passages for s in (p.a, p.b) if s.doc == doc))


def links_by_doc(links: Sequence[Link]) -> dict[str, list[Link]]:
    """Each node's links, in the order of ``links``: what ``made_of_parts`` and ``compilations`` look
    through for one page (a scan's 100,000 links, looked through page by page, took minutes)."""
    index: dict[str, list[Link]] = {}
    for lk in links:
        index.setdefault(lk.a, []).append(lk)
        if lk.b != lk.a:
            index.setdefault(lk.b, []).append(lk)
    return index


def compilations(candidates: set[str], by_doc: dict[str, list[Link]], aside: Set[str] = frozenset()) -> set[str]:
    """The candidate pages whose parts' partners are not tied to each other through another page.

    Two versions of one story that each lift different paragraphs of a
    third look like a page of two parts too; but their partners share text
    with some common page, as the stories of a compilation's items do not
    (other compilations aside). ``by_doc``: each page's links
    (``links_by_doc``); ``aside``: pages that are no page's partners here
    (compilations found already, ``compiled_pages``).
    """
    near: dict[str, set[str]] = {}  # a page's partners, when first asked for

    def partners(doc: str) -> set[str]:
        if doc not in near:
            near[doc] = {lk.b if lk.a == doc else lk.a for lk in by_doc.get(doc, ())}
        return near[doc]

    found = set()
    for page in sorted(candidates):
        reach = []  # per part: its partners and the pages they share text with, compilations and the page aside
        for part in parts_of(partners_of(page, by_doc.get(page, ()), aside)):
            mine = {other for other, _, _ in part}
            ties = {n for other in mine for n in partners(other) if n not in candidates and n not in aside}
            reach.append(mine | (ties - {page}))
        if all(not (reach[i] & reach[j]) for i in range(len(reach)) for j in range(i + 1, len(reach))):
            found.add(page)
    return found


def made_of_parts(
    page: str, links: Sequence[Link], words: dict[str, int], share: float = STRONG_SHARE, aside: Set[str] = frozenset()
) -> bool:
    """Whether the parts of ``page`` others share hold ``share`` of its words (the most any one partner shares per part).

    ``links`` need hold only the page's own (``links_by_doc``): the others
    are passed over, as are partners in ``aside``.
    """
    held = sum(max(w for _, w, _ in part) for part in parts_of(partners_of(page, links, aside)))
    return held >= share * max(1, words.get(page, 0))


def partners_of(page: str, links: Sequence[Link], aside: Set[str] = frozenset()):
    """``(partner, words, spans of page)`` of each of ``links`` that holds ``page``, partners in ``aside`` left out.

    A compilation shares several stories' text with a page: it would tie
    that page's parts together (``parts_of``), which no single story does.
    """
    found = []
    for lk in links:
        if page in (lk.a, lk.b):
            other = lk.b if lk.a == page else lk.a
            if other not in aside:
                found.append((other, lk.words, lk.spans.get(page, ())))
    return found


def parts_of(partners: list[tuple[str, int, tuple[tuple[int, int], ...]]]):
    """Partners grouped by the part of the document they share: overlapping spans are one part."""
    uf = overlapping([spans for _, _, spans in partners])
    parts: dict[int, list] = {}
    for i, partner in enumerate(partners):
        parts.setdefault(uf.find(i), []).append(partner)
    return [parts[k] for k in sorted(parts)]


def overlapping(span_lists: Sequence[Sequence[tuple[int, int]]], uf: UnionFind | None = None) -> UnionFind:
    """Indexes of ``span_lists`` joined when a span of one and a span of another share more than a junction.

    Two spans ``(s1, e1)`` and ``(s2, e2)`` of one page overlap when
    ``min(e1, e2) - max(s1, s2) > _JUNCTION``. The sets are those of that
    test tried on every two lists, found by one sweep over the spans sorted
    by start: pairwise, a page with hundreds of partners (a wire story's
    page) made it the trace stage's largest loop. A span that overlaps any
    earlier span overlaps the earlier one reaching furthest (the overlap,
    the lesser end less its start, grows with the earlier end), and those
    two earlier spans overlap each other: joining each span to that one
    joins what the pairwise test joins (tests/test_storylinks.py holds it
    to the pairwise test).
    """
    uf = UnionFind(range(len(span_lists))) if uf is None else uf  # given: joined further, by index
    far_end, far = 0, -1  # the end and list of the span reaching furthest so far
    for start, end, k in sorted((s, e, k) for k, spans in enumerate(span_lists) for s, e in spans):
        if far >= 0 and min(far_end, end) - start > _JUNCTION:
            uf.union(k, far)
        if far < 0 or end > far_end:
            far_end, far = end, k
    return uf


def multi_story_pages(links: Sequence[Link], aside: Set[str] = frozenset(), pages: Set[str] | None = None) -> set[str]:
    """Documents whose partners fall into groups sharing disjoint parts of them and nothing else.

    Partners in ``aside`` (compilations found already) are left out; only
    ``pages`` are looked at, when given.
    """
    spans: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
    partners: dict[str, set[str]] = {}
    for lk in links:
        if lk.a in aside or lk.b in aside:
            continue
        partners.setdefault(lk.a, set()).add(lk.b)
        partners.setdefault(lk.b, set()).add(lk.a)
        spans[(lk.a, lk.b)] = lk.spans.get(lk.a, ())
        spans[(lk.b, lk.a)] = lk.spans.get(lk.b, ())
    hubs = set()
    for doc, linked in partners.items():
        if len(linked) < 2 or (pages is not None and doc not in pages):
            continue
        others = sorted(linked)
        uf, groups = UnionFind(range(len(others))), len(others)
        at = {x: k for k, x in enumerate(others)}
        # Two partners linked to each other are one story. A wire page's hundreds of partners are
        # mostly linked to each other: stop once they are one group, not after every link.
        for k, x in enumerate(others):
            if groups == 1:
                break
            root = uf.find(k)
            for y in partners[x] & linked:  # a hub's partners have hundreds of partners: intersect in C
                j = at[y]
                if j > k and uf.find(j) != root:  # each link once, from its smaller end
                    uf.union(k, j)
                    root = uf.find(k)
                    groups -= 1
                    if groups == 1:
                        break
        if groups > 1:  # then partners sharing a part of the page are one story too
            overlapping([spans.get((doc, x), ()) for x in others], uf)
            groups = len({uf.find(k) for k in range(len(others))})
        if groups > 1:
            hubs.add(doc)
    return hubs


def compiled_pages(links: list[Link], words: dict[str, int]) -> set[str]:
    """Pages that compile several stories: parts shared with different stories, and most of the page.

    The stories of their parts share no text but through such pages
    (``compilations``): "The Latest", news in brief, a roundup. Two
    compilations carrying the same items share several stories' text with
    each other, which would tie each one's parts together: once found,
    a compilation is set aside as a partner, and the pages it shares text
    with are looked at again, until no more are found.
    """
    doc_links = [lk for lk in links if not lk.b.startswith("src:")]
    own = links_by_doc(doc_links)
    found: set[str] = set()
    pages: set[str] | None = None  # the first round looks at every page
    while pages is None or pages:
        candidates = {
            page for page in multi_story_pages(doc_links, found, pages) - found
            if made_of_parts(page, own.get(page, []), words, COMPILATION_SHARE, found)
        }  # fmt: skip
        more = compilations(candidates, own, found) - found
        found |= more
        pages = {other for page in more for lk in own.get(page, ()) for other in (lk.a, lk.b)} - found
    return found
