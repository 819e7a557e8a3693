"""Story families (``syndtrace.family``): one story and its versions, not connected components.

The inputs are built by hand: documents with word counts, and the passages
and verdicts of the pairs that share text.
"""

from __future__ import annotations

from syndtrace.family import families
from syndtrace.lineage import Edge, Source
from syndtrace.model import Credit, Document, PairVerdict, Passage, PassageSide
from syndtrace.settings import Settings
from syndtrace.verdict import pair_verdict

SETTINGS = Settings()


def doc(doc_id: str, outlet: str | None = None, credits: tuple[Credit, ...] = ()) -> Document:
    return Document(id=doc_id, path=None, text="", outlet=outlet or doc_id.title(), credits=credits)


class Corpus:
    """Documents and the text they share, as the trace stage hands them to ``families``."""

    def __init__(self) -> None:
        self.docs: dict[str, Document] = {}
        self.words: dict[str, int] = {}
        self.passages: list[Passage] = []
        self.verdicts: list[PairVerdict] = []
        self.edges: list[Edge] = []
        self.sources: list[Source] = []

    def add(self, d: Document, words: int) -> None:
        self.docs[d.id], self.words[d.id] = d, words

    def share(self, a: str, b: str, words: int, at_a: int = 0, at_b: int = 0, quoted: bool = False, who: str | None = None):
        """``a`` and ``b`` share ``words`` words, at word ``at_a`` of ``a`` and ``at_b`` of ``b`` (6 chars a word)."""
        sa = PassageSide(a, at_a * 6, (at_a + words) * 6, None, words, 1.0 if quoted else 0.0, who)
        sb = PassageSide(b, at_b * 6, (at_b + words) * 6, None, words, 1.0 if quoted else 0.0, who)
        p = Passage(f"p{len(self.passages) + 1}", sa, sb, words, 100.0, 0 if quoted else words, "both" if quoted else "none")
        self.passages.append(p)
        self.verdicts.append(pair_verdict(self.docs[a], self.docs[b], [p], None, SETTINGS))
        if not quoted:
            self.edges.append(Edge(a, b, "copy", 0.8, (p.id,), (), words, 0.5))

    def families(self):
        fams = families(list(self.docs.values()), tuple(self.edges), tuple(self.sources), self.passages, self.verdicts, self.words, SETTINGS)
        return fams, {m: f.id for f in fams for m in f.members}


def wire_story(c: Corpus, name: str, copies: int, words: int = 600) -> None:
    """An agency's page and ``copies`` subscriber pages carrying all of it."""
    c.add(doc(name, "Associated Press"), words)
    for k in range(copies):
        c.add(doc(f"{name}-sub{k}", f"Subscriber {name} {k}"), words + 40)
        c.share(name, f"{name}-sub{k}", words)


def test_a_background_paragraph_two_wire_stories_carry_is_a_link_not_a_merge():
    c = Corpus()
    wire_story(c, "monday", 6)
    wire_story(c, "sunday", 6)
    # The agency's background paragraph (60 words) sits in both stories and in every copy.
    for x in ["monday"] + [f"monday-sub{k}" for k in range(6)]:
        for y in ["sunday"] + [f"sunday-sub{k}" for k in range(6)]:
            c.share(x, y, 60, at_a=500, at_b=520)
    fams, fam_of = c.families()
    assert len(fams) == 2 and fam_of["monday"] != fam_of["sunday"]
    assert {m for f in fams for m in f.members} == set(c.docs)
    (one, other) = fams
    assert [(lk.family, lk.words, lk.pairs) for lk in one.links] == [(other.id, 60, 49)]
    assert [lk.family for lk in other.links] == [one.id]


def test_a_small_wire_story_sharing_background_with_a_larger_one_stays_its_own_even_where_a_copy_credits_no_one():
    # Two CNN stories: the larger one's six copies, and four copies of a follow-up whose own text
    # they share (600 words) besides three background paragraphs of the larger one (150 words).
    # One of the follow-up's copies prints no credit: its links are no "same wire" link, but
    # its story's other copies credit CNN as the larger story's do.
    cnn = (Credit("dateline", "CNN", 0, 6, "(CNN) —"),)
    c = Corpus()
    for k in range(6):
        c.add(doc(f"big{k}", f"Big {k}", cnn), 700)
    for k in range(1, 6):
        c.share("big0", f"big{k}", 690)
    for k in range(4):
        c.add(doc(f"small{k}", f"Small {k}", cnn if k else ()), 900)
    for i in range(4):
        for j in range(i + 1, 4):
            c.share(f"small{i}", f"small{j}", 600)
        for k in range(6):
            c.share(f"small{i}", f"big{k}", 150, at_a=700, at_b=500)
    fams, fam_of = c.families()
    assert len({fam_of[f"small{k}"] for k in range(4)}) == 1
    assert fam_of["small0"] != fam_of["big0"]
    # Shorter pages sharing about as much with the larger story's copies as with each other (its
    # text, beside their own local paragraphs) are copies of that story: they join it.
    c.passages, c.verdicts, c.edges = [], [], []
    for k in range(1, 6):
        c.share("big0", f"big{k}", 690)
    for i in range(4):
        c.words[f"small{i}"] = 500
        for j in range(i + 1, 4):
            c.share(f"small{i}", f"small{j}", 300)
        for k in range(6):
            c.share(f"small{i}", f"big{k}", 160, at_a=10, at_b=10)
    fams, fam_of = c.families()
    assert fam_of["small0"] == fam_of["big0"]


def test_an_article_quoting_two_paragraphs_of_a_story_joins_that_story():
    c = Corpus()
    wire_story(c, "strike", 3)
    c.add(doc("column", "The Weekly Column"), 700)
    c.share("strike", "column", 90, at_a=100, at_b=300)
    c.share("strike-sub0", "column", 90, at_a=100, at_b=300)
    fams, fam_of = c.families()
    assert fam_of["column"] == fam_of["strike"] and len(fams) == 1


def test_a_compilation_is_a_member_of_every_story_it_draws_on_and_merges_none():
    c = Corpus()
    wire_story(c, "flood", 4)
    wire_story(c, "election", 4)
    c.add(doc("the-latest", "Metro Daily"), 900)
    c.share("flood", "the-latest", 80, at_a=0, at_b=0)
    c.share("flood-sub1", "the-latest", 80, at_a=0, at_b=0)
    c.share("election", "the-latest", 70, at_a=0, at_b=200)
    fams, _ = c.families()
    assert len(fams) == 2
    assert all("the-latest" in f.members for f in fams)
    assert not set(fams[0].members) - {"the-latest"} & set(fams[1].members)


def test_a_wire_subscribers_latest_page_joins_the_story_it_mostly_carries():
    # "The Latest" of a paper that runs the wire: most of it is one wire story, which the wire's
    # other subscribers carry too. Sharing it with pages of its own wire is no background paragraph.
    # The agency's own pages are not among the inputs: only its subscribers'.
    ap = (Credit("dateline", "Associated Press", 0, 12, "(AP) —"),)
    c = Corpus()
    for story in ("quake", "storm"):
        for k in range(4):
            c.add(doc(f"{story}-sub{k}", f"Subscriber {story} {k}", ap), 420)
            if k:
                c.share(f"{story}-sub0", f"{story}-sub{k}", 400)
    c.add(doc("latest", "Cedar Falls Examiner", ap), 400)
    c.add(doc("brief", "Upton Press", ap), 300)
    for k in range(4):
        c.share(f"quake-sub{k}", "latest", 280, at_a=0, at_b=0)
        c.share(f"storm-sub{k}", "brief", 200, at_a=0, at_b=100)
    c.share("latest", "brief", 60, at_a=300, at_b=0)  # an item both compilations carry
    _, fam_of = c.families()
    assert fam_of.get("latest") == fam_of["quake-sub0"]
    assert fam_of.get("brief") == fam_of["storm-sub0"]


def test_stories_written_from_one_press_release_are_its_family():
    c = Corpus()
    rel = doc("release", "Northfield University", (Credit("press-release", "Northfield University", 0, 6, "[Ends]"),))
    c.add(rel, 650)
    # Two outlets, each with a strongly tied pair of its own pages, lift different parts of the release.
    for outlet, at in (("mail", 0), ("times", 300)):
        c.add(doc(f"{outlet}-web", outlet), 500)
        c.add(doc(f"{outlet}-print", outlet), 480)
        c.share(f"{outlet}-web", f"{outlet}-print", 460)
        c.share("release", f"{outlet}-web", 45, at_a=at, at_b=50)
    # A third lifts only the release's quotations: the release is where they first appeared.
    c.add(doc("courier", "Courier"), 400)
    c.share("release", "courier", 50, at_a=500, at_b=10, quoted=True)
    fams, fam_of = c.families()
    assert len(fams) == 1 and set(fams[0].members) == set(c.docs)


def test_a_smaller_story_joins_the_larger_it_shares_most_with_but_two_large_ones_never_merge():
    c = Corpus()
    for story in ("a", "b"):
        c.add(doc(story, f"Outlet {story}"), 600)
        for k in range(5):
            c.add(doc(f"{story}{k}", f"Outlet {story}{k}"), 600)
            c.share(story, f"{story}{k}", 590)
    c.add(doc("small", "Small Paper"), 500)
    c.add(doc("small2", "Small Paper Online"), 500)
    c.share("small", "small2", 480)
    c.share("a", "small", 60, at_a=10, at_b=10)
    c.share("a", "b", 70, at_a=200, at_b=200)  # one weak link between two large stories
    fams, fam_of = c.families()
    assert fam_of["small"] == fam_of["small2"] == fam_of["a"]
    assert fam_of["a"] != fam_of["b"]


def test_articles_quoting_one_outlets_report_form_its_family():
    c = Corpus()
    c.sources.append(Source("src:inter-continental-news-service", "Inter-Continental News Service", "quoted", "quoted"))
    who = "Inter-Continental News Service"
    for name in ("x", "y", "z"):
        c.add(doc(name), 500)
    c.share("x", "y", 45, quoted=True, who=who)
    c.share("y", "z", 45, quoted=True, who=who)
    for d in ("x", "y", "z"):
        c.edges.append(Edge("src:inter-continental-news-service", d, "quoted", 0.9, (), (), 0, 0.0))
    fams, fam_of = c.families()
    assert len(fams) == 1 and fams[0].root == "src:inter-continental-news-service"
    assert set(fams[0].members) == {"x", "y", "z"}
    # A person's statement, quoted by all three, ties nothing.
    c2 = Corpus()
    for name in ("x", "y", "z"):
        c2.add(doc(name), 500)
    c2.share("x", "y", 45, quoted=True)
    c2.share("y", "z", 45, quoted=True)
    assert c2.families()[0] == ()


def test_articles_quoting_an_outlet_whose_node_stands_for_its_own_stories_too_form_its_family():
    # The New York Times is the credited original of a story carried by two papers, and the
    # report three other articles quote: one node, two families, each whole.
    c = Corpus()
    c.sources.append(Source("src:new-york-times", "The New York Times", "credited", "credited"))
    for name in ("p1", "p2", "x", "y", "z"):
        c.add(doc(name), 500)
    c.share("p1", "p2", 480)
    for d in ("p1", "p2"):
        c.edges.append(Edge("src:new-york-times", d, "credited-reprint", 0.9, (), (), 480, 0.96))
    c.share("x", "y", 45, quoted=True, who="The New York Times")
    c.share("y", "z", 45, quoted=True, who="The New York Times")
    for d in ("x", "y", "z"):
        c.edges.append(Edge("src:new-york-times", d, "quoted", 0.9, (), (), 0, 0.0))
    fams, fam_of = c.families()
    assert sorted(sorted(f.members) for f in fams) == [["p1", "p2"], ["x", "y", "z"]]
    assert {f.root for f in fams} == {"src:new-york-times"}


def test_the_forest_shows_each_familys_links_to_other_stories():
    import io

    from syndtrace.lineage import Result
    from syndtrace.render.forest import render_forest
    from syndtrace.render.tree import make_console

    c = Corpus()
    wire_story(c, "monday", 5)
    wire_story(c, "sunday", 5)
    c.share("monday-sub0", "sunday-sub0", 60, at_a=500, at_b=520)
    fams, _ = c.families()
    result = Result(tuple(c.docs.values()), tuple(c.passages), tuple(c.edges), (), (), (), fams)
    out = io.StringIO()
    render_forest(result, make_console(out, width=120, color=False))
    shown = out.getvalue()
    other = {f.id: f for f in fams}
    for fam in fams:
        (lk,) = fam.links
        line = f"shares text with {lk.family} ({other[lk.family].root_name}): up to 60 words, one pair of members"
        assert line in shown


def test_a_news_service_hangs_under_the_paper_this_storys_members_credit_most():
    # Four pages credit the Chicago Tribune, two only "Distributed by Tribune Content Agency". The
    # service distributes many papers' stories: one page also credits another paper the service
    # sent out. The two hang under the service, and the service under the Tribune, not under that
    # paper (first by name) nor, sibling under sibling, by their undetermined links.
    c = Corpus()
    pages = [f"s{k}" for k in range(6)]
    for page in pages:
        c.add(doc(page), 600)
    for a, b in zip(pages, pages[1:]):
        c.share(a, b, 500)
    tribune, service, other = "src:chicago-tribune", "src:tribune-news-service", "src:bellhaven-press"
    c.edges = [Edge(a, b, "undetermined", 0.0, e.passages, (), e.words, 0.8) for e in c.edges for a, b in [(e.source, e.copy)]]
    c.edges += [Edge(tribune, p, "credited-reprint", 0.95, (), (), 0, 1.0) for p in pages[:4]]
    c.edges += [Edge(service, p, "credited-reprint", 0.95, (), (), 0, 1.0) for p in pages[4:]]
    c.edges += [Edge(other, "s3", "credited-reprint", 0.6, (), (), 0, 1.0)]
    c.edges += [Edge(tribune, service, "credited-reprint", 0.9, (), (), 0, 0.0), Edge(other, service, "credited-reprint", 0.9, (), (), 0, 0.0)]
    c.sources = [Source(s, s[4:].title(), "credited", "credited") for s in (tribune, service, other)]
    (fam,), _ = c.families()
    ups = {}

    def walk(node, above):
        ups[node.id] = above
        for child in node.children:
            walk(child, node.id)

    walk(fam.tree, None)
    assert fam.root == tribune
    assert ups[service] == tribune and ups["s4"] == ups["s5"] == service
