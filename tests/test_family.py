"""The family's tree: one top, and every member it can reach hung in (``syndtrace.family.family_tree``)."""

from __future__ import annotations

import io
from dataclasses import replace

from hypothesis import given, strategies as st

from syndtrace.storylinks import Link, compiled_pages, multi_story_pages
from syndtrace.familytree import family_tree
from syndtrace.lineage import Edge, Family, Result
from syndtrace.model import Document
from syndtrace.names import source_id
from syndtrace.render.forest import render_forest
from syndtrace.render.json import result_to_dict
from syndtrace.render.tree import make_console
from syndtrace.parents import build_tree


def doc(doc_id: str, date: str | None = None) -> Document:
    return Document(id=doc_id, path=None, text="", outlet=doc_id.title(), date=date)


def edge(source: str, copy: str, kind: str = "copy", confidence: float = 0.8, words: int = 100) -> Edge:
    return Edge(source, copy, kind, confidence, (), (), words, 0.5)


def parents(node, above=None) -> dict[str, str | None]:
    found = {node.id: above}
    for child in node.children:
        found |= parents(child, node.id)
    return found


def test_a_sibling_linked_only_by_an_undetermined_edge_hangs_from_either_side():
    # "d" chose "a"; "b" (which gave "c" a little text) is linked to "d" only by an undetermined
    # edge, stored in id order as b -> d. The whole run's tree leaves "b" a top of its own.
    links = [edge("a", "d", confidence=0.83), edge("a", "c", confidence=0.75), edge("b", "c", confidence=0.75, words=50),
             replace(edge("b", "d", "undetermined", 0.0), passages=("p1",))]  # fmt: skip
    members = {"a", "b", "c", "d"}
    docs = {m: doc(m, "2024-01-0" + str(k + 1)) for k, m in enumerate(sorted(members))}
    assert [n.id for n in build_tree(sorted(members), [], links)] == ["a", "b"]
    tree = family_tree(members, links, docs)
    assert tree.id == "a" and sorted(tree.ids()) == sorted(members)
    assert parents(tree)["b"] == "d"
    (hung,) = [c for c in tree.children if c.id == "d"][0].children
    assert hung.edge.kind == "undetermined"
    # Drawn without a direction: no confidence in one, and nobody "took" anything.
    shown = _forest(docs, links, Family("f1", "a", "A", tuple(sorted(members)), tree))
    (line,) = [x for x in shown.splitlines() if "direction undetermined" in x]
    assert line.strip(" │").startswith("shares text (direction undetermined) · 1 passage, 100 words (p1)"), line
    assert "took" not in line and "confidence" not in line


def test_a_member_whose_best_parent_is_another_storys_source_hangs_under_its_own_family():
    # "m" took more from the outside "src:other" (another story) than from "a", its family's
    # article: the family is "a" and "m", and its tree must hold both.
    links = [edge("src:other", "m", confidence=0.86), edge("a", "m", confidence=0.8)]
    tree = family_tree({"a", "m"}, links, {"a": doc("a"), "m": doc("m")})
    assert (tree.id, [c.id for c in tree.children]) == ("a", ["m"])


def test_an_outside_original_holding_every_member_stays_the_root():
    links = [edge("src:wire", "a", "credited-reprint", 0.95), edge("src:wire", "b", "credited-reprint", 0.95),
             edge("a", "b", "undetermined", 0.0)]  # fmt: skip
    tree = family_tree({"a", "b"}, links, {"a": doc("a", "2024-01-01"), "b": doc("b", "2024-01-02")})
    assert tree.id == "src:wire" and sorted(c.id for c in tree.children) == ["a", "b"]


def test_a_second_original_stays_out_of_the_tree_and_the_forest_lists_it():
    # "c" only gave text to "b", whose parent is "a": no link can hang it under "a".
    links = [edge("a", "b", confidence=0.9), edge("c", "b", confidence=0.75, words=40)]
    docs = {"a": doc("a", "2024-01-01"), "b": doc("b", "2024-01-03"), "c": doc("c", "2024-01-02")}
    tree = family_tree({"a", "b", "c"}, links, docs)
    assert tree.id == "a" and sorted(tree.ids()) == ["a", "b"]
    shown = _forest(docs, links, Family("f1", "a", "A", ("a", "b", "c"), tree))
    assert "C  2024-01-02  c" in shown
    assert "also gave 40 words to B (b; copy), whose parent is shown above" in shown
    # The JSON lists it too, so a reader of the family's tree alone misses no member.
    (fam,) = result_to_dict(_result(docs, links, Family("f1", "a", "A", ("a", "b", "c"), tree)))["families"]
    assert fam["outside_tree"] == [{"id": "c", "name": "C", "gave": [{"copy": "b", "kind": "copy", "words": 40, "passages": []}]}]


def test_a_family_whose_tree_holds_every_member_leaves_nothing_outside():
    links = [edge("a", "b"), edge("b", "c")]
    docs = {m: doc(m) for m in "abc"}
    tree = family_tree(set(docs), links, docs)
    (fam,) = result_to_dict(_result(docs, links, Family("f1", "a", "A", ("a", "b", "c"), tree)))["families"]
    assert fam["outside_tree"] == []


def shared(page: str, start: int, end: int, partner: str) -> Link:
    """A link: ``page[start:end)`` shared with ``partner`` (at ``[0, end - start)`` there)."""
    return Link(page, partner, (end - start) // 6, {page: ((start, end),), partner: ((0, end - start),)})


def test_two_excerpts_meeting_at_one_word_are_still_two_stories_of_a_page():
    # The page's first part is story A's (shared with a and its reprint a2), the second story B's;
    # both passages claim the word where they meet, as a 100k benchmark page's did.
    links = [shared("page", 0, 1160, "a"), shared("page", 0, 1160, "a2"), shared("page", 1157, 2351, "b"),
             shared("page", 1157, 2351, "b2"), Link("a", "a2", 100, {}), Link("b", "b2", 100, {})]  # fmt: skip
    assert multi_story_pages(links) == {"page"}
    # Sharing a sentence is sharing text: then the partners are one story's.
    links += [shared("page", 1100, 2351, "b"), shared("page", 1100, 2351, "b2")]
    assert multi_story_pages(links) == set()


def test_two_compilations_carrying_the_same_two_items_are_both_found():
    # p1 compiles stories A and B; p2 compiles A, B and C. The two share both of p1's items, which
    # ties p1's two parts together: p2 is found first, then, set aside, p1 is made of two parts.
    links = [shared("p1", 0, 600, "a"), shared("p1", 600, 1200, "b"), shared("p2", 0, 600, "a"),
             shared("p2", 600, 1200, "b"), shared("p2", 1200, 1800, "c"),
             Link("p1", "p2", 200, {"p1": ((0, 1200),), "p2": ((0, 1200),)}),
             *(Link(x, x + "2", 100, {x: ((0, 600),), x + "2": ((0, 600),)}) for x in "abc")]  # fmt: skip
    words = {"p1": 200, "p2": 300} | {d: 100 for d in ("a", "a2", "b", "b2", "c", "c2")}
    assert "p1" not in multi_story_pages(links)
    assert compiled_pages(links, words) == {"p1", "p2"}


def _result(docs: dict[str, Document], links: list[Edge], family: Family) -> Result:
    return Result(documents=tuple(docs.values()), passages=(), edges=tuple(links), sources=(), pairs=(),
                  tree=(family.tree,), families=(family,))  # fmt: skip


def _forest(docs: dict[str, Document], links: list[Edge], family: Family) -> str:
    out = io.StringIO()
    render_forest(_result(docs, links, family), make_console(out, width=100, color=False))
    return out.getvalue()


NODES = ["a", "b", "c", "d", "e", "src:x"]
EDGES = st.lists(
    st.tuples(
        st.sampled_from(NODES), st.sampled_from(NODES[:-1]),
        st.sampled_from(["copy", "credited-reprint", "undetermined"]), st.sampled_from([0.6, 0.75, 0.9]),
    ).filter(lambda t: t[0] != t[1]),
    max_size=10,
)  # fmt: skip


@given(EDGES, st.sets(st.sampled_from(NODES[:-1]), min_size=1))
def test_family_tree_is_a_tree_of_real_links_that_no_link_could_grow(raw, members):
    links = [edge(s, c, kind, conf) for s, c, kind, conf in raw]
    docs = {n: doc(n) for n in NODES[:-1]}
    tree = family_tree(members, links, docs)
    held = list(tree.ids())
    assert len(held) == len(set(held)), "a node twice in the tree"
    for node, above in parents(tree).items():
        if above is None:
            continue
        e = next(c.edge for c in _walk(tree) if c.id == node)
        assert e in links and {e.source, e.copy} == {node, above}
        assert e.source == above or e.kind == "undetermined", "only an undetermined edge hangs either way"
    # No link could hang in a member left out.
    out = members - set(held)
    for e in links:
        assert not (e.source in held and e.copy in out)
        assert not (e.kind == "undetermined" and e.copy in held and e.source in out)
    # And it holds at least as many members as any top of the whole run's tree.
    best = max((len(members & set(t.ids())) for t in build_tree(sorted(members), [], links)), default=0)
    assert len(members & set(held)) >= best


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


def _reference_tree(members: set[str], links: list[Edge], docs: dict[str, Document]):
    """family_tree the slow, obvious way: every top tried, every link rescanned after every step."""
    from syndtrace.parents import choose_parents, grow, rank_parents

    ranked = rank_parents(links)
    chosen = choose_parents(ranked)
    base = {child: edge.source for child, edge in chosen.items()}
    # A source node with no parent and its outlet's own page (one that is a root too first): the page takes
    # the node's children, unless a child is the page or above it.
    def ancestors(n: str) -> list[str]:
        chain = [n]
        while chain[-1] in base and base[chain[-1]] not in chain:
            chain.append(base[chain[-1]])
        return chain

    original = dict(base)
    for child in sorted(base):
        above = original[child]
        if above.startswith("src:") and above not in docs and above not in original:
            pages = [m for m in sorted(members) if m in docs and source_id(docs[m].outlet) == above]
            if pages:
                page = min(pages, key=lambda m: (m in original, docs[m].date or "9999", m))
                if child not in ancestors(page):
                    base[child] = page
    best = None
    for top in sorted({n for n in members | set(base.values()) if n not in base}):
        up, edges = dict(base), dict(chosen)

        def below(nid: str) -> set[str]:
            return {nid}.union(*(below(c) for c, above in up.items() if above == nid))

        held = below(top)
        own = len(members & held)  # what the top's subtree holds before anything is hung in
        grew, late = True, False
        while grew or not late:
            if not grew:  # nothing more hangs while members wait for their chosen parents: now they need not
                late = True
            grew = False
            for e in ranked:
                if e.source in held and e.copy not in held and e.copy in members:
                    child, above = e.copy, e.source
                elif e.kind == "undetermined" and e.copy in held and e.source not in held and e.source in members:
                    child, above = e.source, e.copy
                else:
                    continue
                if not late and base.get(child) in members and base[child] not in held:
                    continue  # its chosen parent, a member, is not held yet: hung in, it brings the child
                up[child], edges[child] = above, e
                held |= below(child)
                grew = True
                break
        date = (docs[top].date or "9999") if top in docs else ""
        key = (-len(members & held), -own, top in docs, date, top)
        if best is None or key < best[0]:
            best = (key, grow(top, up, edges))
    return best[1]


@given(
    EDGES,
    st.sets(st.sampled_from(NODES[:-1]), min_size=1),
    st.lists(st.sampled_from(["2024-01-01", "2024-01-02", None]), min_size=5, max_size=5),
    st.sets(st.sampled_from(NODES[:-1]), max_size=2),
)
def test_family_tree_matches_the_slow_reference(raw, members, dates, own):
    links = [edge(s, c, kind, conf) for s, c, kind, conf in raw]
    docs = {n: doc(n, d) for n, d in zip(NODES[:-1], dates)}
    for n in own:  # pages of the outlet of the source node src:x
        docs[n] = replace(docs[n], outlet="X")
    assert family_tree(members, links, docs) == _reference_tree(members, links, docs)


def test_the_agencys_own_page_takes_the_copies_that_chose_its_node_but_a_compilation_does_not():
    docs = {"ap": doc("ap", "2024-01-01"), "latest": doc("latest", "2024-01-01"), "s1": doc("s1"), "s2": doc("s2")}
    docs["ap"] = replace(docs["ap"], outlet="Associated Press")
    docs["latest"] = replace(docs["latest"], outlet="Associated Press")
    links = [edge("src:associated-press", "s1", "credited-reprint", 0.95), edge("ap", "s2", "credited-reprint", 0.9),
             edge("src:associated-press", "s2", "credited-reprint", 0.95)]  # fmt: skip
    tree = family_tree({"ap", "s1", "s2"}, links, docs)
    assert tree.id == "ap" and sorted(c.id for c in tree.children) == ["s1", "s2"]
    # "The Latest", AP's page compiling several stories, never stands for the agency.
    tree = family_tree({"latest", "s1"}, links[:1], docs, compiled=frozenset({"latest"}))
    assert tree.id == "src:associated-press"


def test_a_compilation_hangs_under_a_copy_it_has_an_undetermined_link_with_never_above_it():
    docs = {"ap": doc("ap", "2024-01-01"), "latest": doc("latest", "2024-01-01"), "s1": doc("s1"), "s2": doc("s2")}
    links = [edge("ap", "s1", "credited-reprint", 0.95), edge("latest", "s2", "undetermined", 0.0),
             edge("ap", "latest", "undetermined", 0.0), edge("s1", "s2", "undetermined", 0.0)]  # fmt: skip
    tree = family_tree({"ap", "latest", "s1", "s2"}, links, docs, compiled=frozenset({"latest"}))
    up = {c.id: n.id for n in _walk(tree) for c in n.children}
    assert up["s2"] != "latest" and up["latest"] in {"ap", "s2"}
    # Without knowing it compiles stories, the reading order may put it above a copy.
    up = {c.id: n.id for n in _walk(family_tree({"ap", "latest", "s1", "s2"}, links, docs)) for c in n.children}
    assert up["s2"] == "latest"


def test_a_copy_waits_for_the_page_it_chose_rather_than_hang_under_the_first_page_it_shares_text_with():
    """gen2 copied sub1 (a credited reprint); sub1 is linked to the top only by an undetermined edge, and
    gen2 shares text with the top too. Hung in by the best link touching the tree, gen2 would go under the
    top before sub1 is held; it waits for sub1 instead."""
    docs = {n: doc(n) for n in ("top", "sub1", "gen2", "s2", "s3")}
    links = [
        edge("sub1", "gen2", "credited-reprint", 0.9),
        edge("src:wire", "sub1", "credited-reprint", 0.95),
        edge("top", "gen2", "copy", 0.8),
        edge("top", "sub1", "undetermined", 0.0),
        edge("top", "s2"),
        edge("top", "s3"),
    ]
    tree = family_tree(set(docs), links, docs)
    assert parents(tree) == {"top": None, "sub1": "top", "gen2": "sub1", "s2": "top", "s3": "top"}


def test_a_page_mostly_of_other_stories_does_not_stand_for_its_outlets_node():
    # "The Latest" of the agency, drawing on this story alone among the inputs: in no compiled set,
    # but most of its words are other stories' (family.py passes it as ``elsewhere``).
    docs = {"latest": replace(doc("latest", "2024-01-01"), outlet="Associated Press"), "s1": doc("s1"), "s2": doc("s2")}
    links = [edge("src:associated-press", "s1", "credited-reprint", 0.95),
             edge("src:associated-press", "s2", "credited-reprint", 0.95)]  # fmt: skip
    tree = family_tree({"latest", "s1", "s2"}, links, docs)
    assert tree.id == "latest"  # taken for the agency's own page
    tree = family_tree({"latest", "s1", "s2"}, links, docs, elsewhere=frozenset({"latest"}))
    assert tree.id == "src:associated-press" and sorted(c.id for c in tree.children) == ["s1", "s2"]


def test_a_service_distributing_a_papers_story_is_drawn_without_an_article_of_its_own():
    from syndtrace.lineage import Source

    paper, service = "src:chicago-tribune", "src:tribune-news-service"
    links = [edge(paper, service, "credited-reprint", 0.9, words=0), edge(service, "a", "credited-reprint", 0.95, words=700)]
    docs = {"a": doc("a", "2024-01-02")}
    tree = family_tree({"a"}, links, docs)
    family = Family("f1", paper, "Chicago Tribune", ("a",), tree)
    sources = (Source(paper, "Chicago Tribune", "credited", "credited"), Source(service, "Tribune News Service", "agency", "credited"))
    result = replace(_result(docs, links, family), sources=sources)
    out = io.StringIO()
    render_forest(result, make_console(out, width=100, color=False))
    shown = out.getvalue()
    assert "the whole article (700 words)" in shown  # the subscriber's page
    assert "(0 words)" not in shown and shown.count("the whole article") == 1


def test_a_second_generation_crediting_its_intermediate_hangs_under_the_intermediates_page():
    # "sub" ran the wire's story and added a line; "gen2" copied sub and credits it ("Edited by The
    # Sub staff"), which makes an outside node of sub's outlet. sub's page, itself a copy, is where
    # gen2 took its text: gen2 hangs under it, not under a sibling it shares text with.
    docs = {"sub": replace(doc("sub"), outlet="The Sub"), "other": doc("other"), "gen2": doc("gen2")}
    links = [edge("src:wire", "sub", "credited-reprint", 0.95), edge("src:wire", "other", "credited-reprint", 0.95),
             edge("src:sub", "gen2", "credited-reprint", 0.95), edge("other", "gen2", "undetermined", 0.0),
             edge("sub", "other", "undetermined", 0.0)]  # fmt: skip
    up = {c.id: n.id for n in _walk(family_tree(set(docs), links, docs)) for c in n.children}
    assert up == {"sub": "src:wire", "other": "src:wire", "gen2": "sub"}
