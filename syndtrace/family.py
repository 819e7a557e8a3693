"""Story families: one story and its versions, decided by where each article's text comes from.

Connected components of "shares text" glue stories together: a wire's
background paragraph, carried by two of its stories, would make the two one
family, and a day of wire copy one family of hundreds. So a family is built
the other way round.

* **Links.** Two documents are linked when their verdict is reuse
  (``syndtrace.verdict``) and they share enough to be one story
  (``same_story``: 40 reused words in all, or one passage of 25).
* **Cores.** A link is *strong* when the shared words are at least half of
  the smaller document's words: one of the two is mostly the other's text
  (a reprint, a trim, a write-thru, a copy with a local paragraph). Strong
  links make the cores, except through a page that shares disjoint parts of
  itself with otherwise unrelated partners (a compilation, a page that
  embeds a second story: ``multi_story_pages``), which joins each of them.
* **Satellites.** A document with no strong link (an article quoting two
  paragraphs of another, a news story written from a press release) goes
  where its borrowed text comes from: each part of it that others share
  joins the family of the partner that shares the most of that part. A part
  shared with several families is background text, not a story: it joins
  none. So does a part shared only with the same outlet's or the same
  wire's other stories (an outlet reusing its own background). Satellites
  never merge two cores: each points at one partner, so a group of them
  holds at most one core.
* **Quoted reports.** Documents that share quotations attributed to one
  news organisation that is not among the inputs ("according to the X News
  Service") point at that organisation's node, which heads their family.
* **Links between families.** Every link that joins no two families is
  reported on both (``Family.links``): the other family and the words shared.

The root is the most upstream node of the family's tree
(``syndtrace.familytree.family_tree``): an outside original, agency or
quoted outlet when the members point to one, else the document at the top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from syndtrace.direction import agency_of, origin_of
from syndtrace.familytree import family_tree
from syndtrace.lineage import Edge, Family, FamilyLink, Source
from syndtrace.model import Document, PairVerdict, Passage
from syndtrace.names import outlet_key
from syndtrace.release import is_release
from syndtrace.settings import Settings
from syndtrace.storylinks import (
    COMPILATION_SHARE, STRONG_SHARE, Link, compiled_pages, document_links, links_by_doc, made_of_parts, multi_story_pages,
    outlet_links, partners_of, parts_of,
)  # fmt: skip
from syndtrace.unionfind import UnionFind

# Cores of at least this many documents are large: two of them never merge through weak links.
LARGE_CORE = 5


def families(
    docs: list[Document],
    edges: tuple[Edge, ...],
    sources: tuple[Source, ...],
    passages: list[Passage],
    verdicts: Sequence[PairVerdict],
    words: dict[str, int],
    settings: Settings,
    doc_links: list[Link] | None = None,
    compiled: set[str] | None = None,
) -> tuple[Family, ...]:
    """Story families, largest first (ties by root id), with the links between them.

    ``words`` is each document's count of words outside publisher boilerplate.
    ``doc_links`` (``storylinks.document_links`` of ``passages``) and
    ``compiled`` (``compiled_pages`` of their story links), when the caller
    has them from the trace stage; else found here.
    """
    by_id = {d.id: d for d in docs}
    if doc_links is None:
        doc_links = document_links(passages, verdicts, settings)
    every = doc_links + outlet_links(passages, verdicts, sources, settings)
    links = [lk for lk in every if lk.story]
    groups, member_of = _group(links, every, by_id, words, compiled)
    # A page that is a member of several stories (a compilation) draws on each: in a story's tree
    # it hangs under the story, never above the story's own copies.
    compiled = {node for node, keys in member_of.items() if len(keys) > 1}
    source_ids = {s.id for s in sources}
    names = {s.id: s.name for s in sources} | {d.id: d.label for d in docs}
    into: dict[str, list[Edge]] = {}
    for e in edges:
        if e.kind != "shared-quote":
            into.setdefault(e.copy, []).append(e)
    built = []
    for key, members in groups.items():
        docs_in = {m for m in members if m in by_id}
        if len(docs_in) < 2:
            continue
        # A quoted outlet is upstream of the story, not its root, unless the family is the
        # quoted report's own: its members are together because they quote it.
        heads = {m for m in members if m in source_ids}

        def takes(e: Edge) -> bool:
            return (
                (e.source in docs_in or e.source in source_ids)
                and (e.kind != "quoted" or e.source in heads)
                and (e.source not in compiled or e.kind == "undetermined")
            )

        fam_edges = [e for m in sorted(docs_in) for e in into.get(m, ()) if takes(e)]
        # In one story, an outside node is that story's original: it may have a parent of its own
        # (the press release the agency wrote from, the paper whose story a news service sent out).
        # An outside node stands for all its outlet's stories, so of the edges between two of them
        # only those whose upper node this story's members credit themselves belong to it.
        credited_here = Counter(e.source for e in fam_edges if e.source in source_ids)
        seen, todo = set(), sorted(credited_here)
        while todo:
            sid = todo.pop()
            if sid in seen:
                continue
            seen.add(sid)
            ups = [e for e in into.get(sid, ()) if takes(e) and (e.source in docs_in or e.source in credited_here)]
            # A news service distributes many papers' stories: above it stands the one this story's
            # members credit most (the Chicago Tribune, not another paper a stray member credits).
            most = max((credited_here[e.source] for e in ups if e.source not in docs_in), default=0)
            ups = [e for e in ups if e.source in docs_in or credited_here[e.source] == most]
            fam_edges += ups
            todo += [e.source for e in ups if e.source in source_ids]
        # A page most of whose words are other stories' ("The Latest" drawing on this story alone
        # among the inputs) is no more this story's page than a compilation of several is.
        best: dict[str, int] = {}
        for e in fam_edges:
            for end in (e.source, e.copy):
                best[end] = max(best.get(end, 0), e.words)
        elsewhere = {m for m in docs_in if best.get(m, 0) < STRONG_SHARE * max(1, words.get(m, 0))}
        node = family_tree(docs_in, fam_edges, by_id, frozenset(compiled & docs_in), frozenset(elsewhere))
        built.append((sorted(docs_in), node.id, node, key))
    built.sort(key=lambda f: (-len(f[0]), f[1], f[0]))
    fid = {key: f"f{i + 1}" for i, (_, _, _, key) in enumerate(built)}
    between = _between(links, member_of, fid)
    return tuple(
        Family(fid[key], root, names.get(root, root), tuple(m), node, between.get(fid[key], ()))
        for m, root, node, key in built
    )


def _group(links: list[Link], every: list[Link], docs: dict[str, Document], words: dict[str, int], compiled=None):
    """``(groups, member_of)``: each family's nodes by a key, and each node's family keys.

    ``compiled``: ``compiled_pages`` of the document links among ``links``, if known.
    """
    def strong(link: Link) -> bool:
        sizes = [max(1, words.get(n, 0)) for n in (link.a, link.b) if n in docs]
        return len(sizes) == 2 and link.words >= STRONG_SHARE * min(sizes)

    # A page whose parts other stories share, each a different one, is no core's: it joins each
    # story it draws on, part by part. Two stories each hold most of one part (a page that embeds
    # a second story), or its parts are most of it (a compilation, news in brief) and the stories
    # of its parts share no text but through such pages.
    doc_links = [lk for lk in links if lk.b in docs]
    if compiled is None:
        compiled = compiled_pages(doc_links, words)
    hubs = multi_story_pages([lk for lk in doc_links if strong(lk)]) | compiled
    strong_links = [lk for lk in links if strong(lk) and lk.a not in hubs and lk.b not in hubs]
    cores = UnionFind(sorted(docs) + sorted({lk.b for lk in links if lk.b not in docs}))
    for lk in strong_links:
        cores.union(lk.a, lk.b)
    in_core = {n for lk in strong_links for n in (lk.a, lk.b)}
    # Satellites point at the partner that shares the most of each part of them.
    extra: dict[str, set[str]] = {}  # a hub or a satellite of several parts -> the nodes whose families it joins
    for node, targets in sorted(_satellite_targets(links, in_core, hubs, docs, words).items()):
        if len(targets) == 1:
            cores.union(node, targets[0])
        else:
            extra[node] = set(targets)
    # Then whole groups (cores with their satellites, or satellites that chose each other) go
    # where their text comes from: a press release, else a larger group.
    placed = {n for lk in every for n in (lk.a, lk.b) if n in docs} - hubs - set(extra)
    _to_releases(every, cores, placed, docs)
    _to_larger_cores(every, cores, placed, docs)
    groups: dict[str, set[str]] = {}
    for node in cores.parent:
        if node not in extra:
            groups.setdefault(cores.find(node), set()).add(node)
    member_of: dict[str, set[str]] = {n: {key} for key, ms in groups.items() for n in ms}
    for node, targets in extra.items():
        keys = {cores.find(t) for t in targets if t not in extra}
        for key in keys or {node}:
            groups.setdefault(key, set()).add(node)
        member_of[node] = keys or {node}
    return groups, member_of


def _to_releases(links: list[Link], cores: UnionFind, placed: set[str], docs: dict[str, Document]) -> None:
    """Join each core that holds no press release to the release its members' text comes from most.

    A release is written to be written from: every story that reuses it is
    its story, whatever share of the story that is (a lifted quote, three
    sentences of twenty). Each core joins one release only, so two releases
    never merge through the stories between them.
    """
    releases = {d for d in docs if is_release(docs[d])}
    if not releases:
        return
    key = {n: cores.find(n) for n in placed}
    has_release = {key[r] for r in releases if r in key}
    scores: dict[str, dict[str, int]] = {}
    for lk in links:
        for node, other in ((lk.a, lk.b), (lk.b, lk.a)):
            if node in key and other in releases and node not in releases and key[node] not in has_release:
                per = scores.setdefault(key[node], {})
                per[other] = per.get(other, 0) + lk.words
    for core, per in sorted(scores.items()):
        best = max(sorted(per), key=lambda r: per[r])
        cores.union(core, best)


def _to_larger_cores(links: list[Link], cores: UnionFind, placed: set[str], docs: dict[str, Document]) -> None:
    """Join each core to the core it shares the most text with, when that one is larger and they are not both large.

    Stories written from one source share its words in many ways: three
    outlets' versions of one agency report, each strongly tied to its own
    reprints, and only weakly to each other. A smaller core joins the larger
    core it shares most with. Two large families never merge this way
    (``LARGE_CORE``): what they share is a cross-family link. Nor do two
    cores whose shared text is one outlet's or one wire's own (its
    background paragraphs in two of its stories), whether or not the two
    pages of a link both print the wire's credit (another member of each
    core may), when the smaller core's members share twice as much with
    each other as this link does. Each core points at one
    larger core only, so no core can pull two larger ones together.
    """
    key = {n: cores.find(n) for n in placed}
    size: dict[str, int] = {}
    credited: dict[str, set[str]] = {}  # core -> the wires and originals its members credit
    for n, k in key.items():
        size[k] = size.get(k, 0) + 1
        credited.setdefault(k, set()).update(_credited(docs[n]))
    inner: dict[str, int] = {}  # core -> the most words two of its members share
    for lk in links:
        ka, kb = key.get(lk.a), key.get(lk.b)
        if ka is not None and ka == kb:
            inner[ka] = max(inner.get(ka, 0), lk.words)
    scores: dict[str, dict[str, int]] = {}
    for lk in links:
        ka, kb = key.get(lk.a), key.get(lk.b)
        if ka is None or kb is None or ka == kb or _same_source(docs[lk.a], docs[lk.b]):
            continue
        for mine, theirs in ((ka, kb), (kb, ka)):
            if credited[mine] & credited[theirs] and 2 * lk.words < inner.get(mine, 0):
                # Two stories of one wire, whichever of their pages print its credit: the core's
                # members share more of their own story than this of the other's (its background).
                continue
            # A minor reuse (a sentence or two) only takes a group into a strictly larger one:
            # two lone articles that share a sentence stay two stories.
            if lk.story or size[theirs] > size[mine]:
                per = scores.setdefault(mine, {})
                per[theirs] = per.get(theirs, 0) + lk.words
    rank = {k: (size[k], k) for k in size}
    for core, per in sorted(scores.items()):
        larger = [k for k in per if rank[k] > rank[core] and min(size[k], size[core]) < LARGE_CORE]
        if larger:
            cores.union(core, max(sorted(larger), key=lambda k: per[k]))


def _satellite_targets(
    links: list[Link], in_core: set[str], hubs: set[str], docs: dict[str, Document], words: dict[str, int]
) -> dict[str, list[str]]:
    """For each document with no strong link: the partner it points at for each part of it others share.

    Parts are groups of overlapping spans. A part a document shares only with
    pages of its own outlet or wire is that outlet's background paragraph: it
    points nowhere, unless a partner shares most of the document (a wire
    subscriber's "The Latest", mostly one wire story). But a document made of
    its parts (``COMPILATION_SHARE``) is a compilation ("The Latest", news in
    brief), often of its own outlet's stories: each of its parts points at
    its story. ``hubs`` (compilations, pages embedding a second story) are
    no targets, and tie no parts together: they share several stories'
    text; unless one holds most of the page, which is then its story's copy.
    """
    out: dict[str, list[str]] = {}
    own = links_by_doc(links)
    for node in sorted(own):
        if node not in docs or node in in_core:
            continue
        # A hub holding most of this page (the original a reprint hangs on) is its story, not several.
        mine = [lk.b if lk.a == node else lk.a for lk in own[node] if lk.words >= STRONG_SHARE * max(1, words.get(node, 0))]
        aside = hubs - set(mine)
        parts = parts_of(partners_of(node, own[node], aside))
        compiled = len(parts) > 1 and made_of_parts(node, own[node], words, COMPILATION_SHARE, aside)
        targets = []
        for part in parts:
            # A part holding most of the page is its story, whoever else carries it: "The Latest" of
            # a wire's subscriber shares its item with the wire's other subscribers.
            usable = [
                (w, other) for other, w, _ in part
                if other not in hubs and (compiled or other in mine or not _same_source(docs[node], docs.get(other)))
            ]  # fmt: skip
            if usable:
                targets.append(max(usable, key=lambda t: (t[0], _neg(t[1])))[1])
        if targets:
            out[node] = sorted(set(targets))
    return out


def _neg(text: str) -> tuple[int, ...]:
    """A key that sorts strings in reverse: ties on words go to the smaller id."""
    return tuple(-ord(c) for c in text)


def _same_source(doc: Document, other: Document | None) -> bool:
    """One outlet's two pages, or two pages of one wire's copy: a shared part is their own background."""
    if other is None:
        return False
    if doc.outlet and other.outlet and outlet_key(doc.outlet) == outlet_key(other.outlet):
        return True
    return bool(_credited(doc) & _credited(other))


def _credited(doc: Document) -> set[str]:
    """The keys of the wire and the original ``doc`` credits for its text."""
    return {outlet_key(x) for x in (agency_of(doc), (origin_of(doc) or (None,))[0]) if x}


def _between(links: list[Link], member_of: dict[str, set[str]], fid: dict[str, str]) -> dict[str, tuple[FamilyLink, ...]]:
    """Each family's links to the others: the links whose two ends share no family."""
    found: dict[tuple[str, str], list[int]] = {}
    for lk in links:
        fa = {fid[k] for k in member_of.get(lk.a, ()) if k in fid}
        fb = {fid[k] for k in member_of.get(lk.b, ()) if k in fid}
        if not fa or not fb or fa & fb:
            continue
        for x in fa:
            for y in fb:
                found.setdefault((x, y), []).append(lk.words)
                found.setdefault((y, x), []).append(lk.words)
    out: dict[str, list[FamilyLink]] = {}
    for (x, y), shared in sorted(found.items()):
        out.setdefault(x, []).append(FamilyLink(y, max(shared), len(shared)))
    order = lambda f: int(f.family[1:])  # noqa: E731 - family ids are "f<rank>"
    return {f: tuple(sorted(ls, key=order)) for f, ls in out.items()}

