"""Who hangs under whom: outside originals, agencies and uncredited carriers of their text."""

from __future__ import annotations

import pytest

from syndtrace.lineage import Edge, Evidence
from syndtrace.load import document_from_text
from syndtrace.pipeline import compare_documents
from syndtrace.settings import Settings
from syndtrace.parents import build_tree

STORY = (
    "City officials approved a plan on Monday to replace the aging water mains under the old market district, "
    "a project expected to take three years and cost about forty million dollars.\n\n"
    "The council voted seven to two after a long debate about rates, with opponents warning that households "
    "would carry most of the burden while the largest users paid little more than before.\n\n"
    "Engineers said the pipes, some laid more than a century ago, now break several times a month, flooding "
    "basements and closing streets for days while crews dig down to the leaks."
)


def doc(doc_id: str, outlet: str, text: str):
    return document_from_text(f"---\noutlet: {outlet}\n---\n{text}", doc_id=doc_id, path=None)


def tree_shape(node):
    return (node.id, node.edge.kind if node.edge else None, tuple(tree_shape(c) for c in node.children))


def test_an_uncredited_copy_of_a_wire_story_hangs_under_the_agency():
    credited = doc("credited", "Daily One", "Water mains to be replaced\n\nRIVERTON (AP) — " + STORY)
    uncredited = doc("uncredited", "Daily Two", "Water mains to be replaced\n\n" + STORY)
    result = compare_documents([credited, uncredited], Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    assert edges[("src:associated-press", "credited")].kind == "credited-reprint"
    copy = edges[("src:associated-press", "uncredited")]
    assert copy.kind == "copy" and copy.passages
    assert any(ev.kind == "via" and "Associated Press" in ev.detail for ev in copy.evidence)
    assert [tree_shape(n) for n in result.tree] == [
        ("src:associated-press", None, (("credited", "credited-reprint", ()), ("uncredited", "copy", ())))
    ]


def test_a_known_papers_page_sharing_an_agency_copys_text_stays_undecided_and_says_why():
    # The Chicago Tribune's stories travel: the text may be its own, which the wire carried.
    credited = doc("credited", "Daily One", "Water mains to be replaced\n\nRIVERTON (AP) — " + STORY)
    paper = doc("paper", "Chicago Tribune", "Water mains to be replaced\n\n" + STORY)
    result = compare_documents([credited, paper], Settings())
    (edge,) = [e for e in result.edges if {e.source, e.copy} == {"credited", "paper"}]
    assert edge.kind == "undetermined"
    (why,) = [ev for ev in edge.evidence if ev.kind == "via"]
    assert why.favours is None and why.detail == (
        "Daily One credits Associated Press as the wire agency behind it; Chicago Tribune, a known publisher whose "
        "own stories travel, credits no one: the text they share may be Chicago Tribune's own or Associated Press', "
        "and nothing here shows which"
    )


def test_via_evidence_tells_two_pages_of_one_outlet_apart():
    credited = doc("credited", "Daily One", "Water mains to be replaced\n\nRIVERTON (AP) — " + STORY)
    rescrape = doc("rescrape", "Daily One", "Water mains to be replaced\n\n" + STORY)
    result = compare_documents([credited, rescrape], Settings())
    (via,) = [ev for e in result.edges for ev in e.evidence if ev.kind == "via"]
    assert via.detail.startswith("the text Daily One (rescrape) shares with Daily One (credited) is Associated Press'")


def test_one_outlets_page_saved_twice_is_said_to_be_one_page_without_a_direction():
    first = doc("first", "Daily One", "Water mains to be replaced\n\n" + STORY)
    again = doc("again", "Daily One", "Water mains will be replaced\n\n" + STORY)
    (edge,) = compare_documents([first, again], Settings()).edges
    assert edge.kind == "undetermined" and edge.confidence == 0.0
    (same,) = [ev for ev in edge.evidence if ev.kind == "same-page"]
    assert (same.favours, same.weight) == (None, 0.0)
    assert same.detail.startswith("both are Daily One pages and share ")
    # Another outlet's identical text, or a page of the same outlet that shares a part: not one page.
    other = doc("other", "Daily Two", "Water mains will be replaced\n\n" + STORY)
    part = doc("part", "Daily One", "Pipes\n\n" + STORY.split("\n\n")[0] + "\n\n" + "Unrelated words follow here. " * 40)
    for pair in ([first, other], [first, part]):
        assert not [ev for e in compare_documents(pair, Settings()).edges for ev in e.evidence if ev.kind == "same-page"]


def test_two_credited_copies_of_one_agency_story_are_siblings():
    one = doc("one", "Daily One", "Water mains to be replaced\n\nRIVERTON (AP) — " + STORY)
    two = doc("two", "Daily Two", "Pipes to go\n\nRIVERTON (AP) — " + STORY)
    result = compare_documents([one, two], Settings())
    (root,) = result.tree
    assert root.id == "src:associated-press"
    assert sorted((c.id, c.edge.kind) for c in root.children) == [("one", "credited-reprint"), ("two", "credited-reprint")]


def test_a_credit_finds_its_original_in_the_inputs_however_the_outlet_is_spelled():
    # The original's record says "The Weekly Journal"; the reprint credits "Weekly Journal".
    original = doc("original", "The Weekly Journal", "Water mains to be replaced\n\n" + STORY)
    reprint = doc(
        "reprint", "Daily Two",
        "Water mains to be replaced\n\n" + STORY + "\n\nThis article first appeared in Weekly Journal.",
    )  # fmt: skip
    result = compare_documents([original, reprint], Settings())
    assert result.sources == ()  # no outside "Weekly Journal" beside the one in the inputs
    (edge,) = result.edges
    assert (edge.source, edge.copy, edge.kind) == ("original", "reprint", "credited-reprint")
    assert any(ev.kind == "credit" and ev.favours == "original" for ev in edge.evidence)
    assert [tree_shape(n) for n in result.tree] == [("original", None, (("reprint", "credited-reprint", ()),))]


def test_an_earlier_uncredited_carrier_of_a_credited_outside_original_joins_its_tree():
    # The reprint says its text is The Harbor Gazette's (not among the inputs). The earlier
    # article carries the same text with no credit: it took it from the Gazette, or the
    # Gazette from it. Either way it belongs under the Gazette, not beside it as a second top
    # (which left it out of the family's tree), and not as the reprint's source.
    earlier = document_from_text(
        "---\noutlet: Daily Two\ndate: 2024-01-01\n---\nWater mains to be replaced\n\n" + STORY,
        doc_id="earlier", path=None,
    )  # fmt: skip
    reprint = document_from_text(
        "---\noutlet: Daily One\ndate: 2024-01-02\n---\nWater mains to be replaced\n\n" + STORY
        + "\n\nThis article first appeared in The Harbor Gazette.",
        doc_id="reprint", path=None,
    )  # fmt: skip
    result = compare_documents([earlier, reprint], Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    assert ("earlier", "reprint") not in edges
    assert edges[("src:harbor-gazette", "reprint")].kind == "credited-reprint"
    carrier = edges[("src:harbor-gazette", "earlier")]
    assert carrier.kind == "undetermined" and carrier.passages and carrier.confidence == 0.0
    assert any(ev.kind == "via" and "is not known" in ev.detail for ev in carrier.evidence)
    assert [tree_shape(n) for n in result.tree] == [
        ("src:harbor-gazette", None, (("reprint", "credited-reprint", ()), ("earlier", "undetermined", ())))
    ]


def test_a_copy_of_a_credited_reprint_hangs_under_the_reprint_not_the_original_it_credits():
    # The reprint credits the original and changes two words; the copy of the reprint keeps
    # both changes and the reprint's credit line. Both credit the original, which alone would
    # make them siblings: the carried changes say the copy took the reprint's text.
    original = document_from_text(
        "---\noutlet: Mountain Post\ndate: 2024-01-01\n---\nWater mains to be replaced\n\n" + STORY,
        doc_id="original", path=None,
    )  # fmt: skip
    edited = STORY.replace("forty million", "fifty million").replace("seven to two", "eight to one")
    credit = "\n\nThis article first appeared in Mountain Post."
    reprint = document_from_text(
        "---\noutlet: Valley Times\ndate: 2024-01-02\n---\nWater mains to be replaced\n\n" + edited + credit,
        doc_id="reprint", path=None,
    )  # fmt: skip
    copy = document_from_text(
        "---\noutlet: Hill Courier\ndate: 2024-01-03\n---\nWater mains to be replaced\n\n"
        + edited.replace("three years", "four years") + credit,
        doc_id="copy", path=None,
    )  # fmt: skip
    result = compare_documents([original, reprint, copy], Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    taken = edges[("reprint", "copy")]
    assert taken.kind == "copy"
    assert any(ev.kind == "carried" and ev.favours == "reprint" for ev in taken.evidence)
    assert edges[("original", "copy")].kind == "credited-reprint"  # its credit still stands, as an edge
    assert [tree_shape(n) for n in result.tree] == [
        ("original", None, (("reprint", "credited-reprint", (("copy", "copy", ()),)),))
    ]


def test_outlet_key_folds_the_article_case_and_markup_and_aliases():
    from syndtrace.names import outlet_key

    assert outlet_key("The Weekly Journal") == outlet_key("Weekly Journal") == outlet_key("*weekly  journal*.")
    assert outlet_key("AP") == outlet_key("The Associated Press")
    assert outlet_key("Weekly Journal") != outlet_key("Weekly Journals")


OTHER_STORY = (
    "The county fair opens on Friday with a new livestock barn, a longer midway and a schedule of concerts "
    "that organisers say is the most ambitious in the fair's ninety year history.\n\n"
    "Tickets went on sale last week and the first weekend is nearly sold out, the fair board said, after a "
    "season in which rain kept crowds away on four of the ten days."
)


def test_an_original_is_outside_unless_its_outlet_shares_text_with_the_credit_holder():
    # The Harbor Gazette is among the inputs, but with another story: the reprint's original is
    # still outside them, and the uncredited copy hangs under it.
    gazette = doc("gazette", "Harbor Gazette", "Fair opens Friday\n\n" + OTHER_STORY)
    reprint = doc("reprint", "Daily One", "Water mains\n\n" + STORY + "\n\nThis article first appeared in The Harbor Gazette.")
    copy = doc("copy", "Daily Two", "Water mains\n\n" + STORY)
    result = compare_documents([gazette, reprint, copy], Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    assert [s.id for s in result.sources] == ["src:harbor-gazette"]
    assert edges[("src:harbor-gazette", "reprint")].kind == "credited-reprint"
    assert edges[("src:harbor-gazette", "copy")].kind == "copy"
    # With the Gazette's own copy of the story among the inputs, the pair carries the credit.
    own = doc("gazette", "Harbor Gazette", "Water mains\n\n" + STORY)
    result = compare_documents([own, reprint, copy], Settings())
    assert result.sources == ()
    assert {(e.source, e.copy): e.kind for e in result.edges}[("gazette", "reprint")] == "credited-reprint"


def test_a_quoted_outlet_is_a_source_unless_its_own_text_shares_the_words():
    quote = (
        "The New York Times reported that \\u201cofficials approved a plan on Monday to replace the aging water mains under "
        "the old market district, a project expected to take three years\\u201d and cost millions."
    ).encode().decode("unicode_escape")
    one = doc("one", "Daily One", "Water mains\n\n" + quote + "\n\nThe council meets again next week.")
    two = doc("two", "Daily Two", "Pipes\n\n" + quote + "\n\nResidents may comment until March.")
    times_other = doc("times", "The New York Times", "Fair opens Friday\n\n" + OTHER_STORY)
    result = compare_documents([one, two, times_other], Settings())
    assert [(s.id, s.kind) for s in result.sources] == [("src:new-york-times", "quoted")]
    times_own = doc("times", "The New York Times", "Water mains\n\n" + STORY)
    result = compare_documents([one, two, times_own], Settings())
    assert not [s for s in result.sources if s.kind == "quoted"]


def test_pages_quoting_an_outlet_by_its_short_name_hang_under_its_page_where_the_words_first_appeared():
    # The Courant's page prints the words as its own (not its name); two pages say "the Courant
    # reported", one "The Kestrel Bay Courant reported". All three took the words from its page.
    said = (
        "officials approved a plan on Monday to replace the aging water mains under the old market district, "
        "a project expected to take three years and cost about forty million dollars"
    )
    courant = doc("courant", "The Kestrel Bay Courant", "Water mains\n\n" + STORY)
    pages = [
        doc("one", "Daily One", f'Pipes\n\nThe Courant reported that "{said}."\n\nThe council meets again next week.'),
        doc("two", "Daily Two", f'Mains\n\n"{said}," the Courant reported.\n\nResidents may comment until March.'),
        doc("three", "Daily Three", f'Water\n\nThe Kestrel Bay Courant reported that "{said}."\n\nCrews start in May.'),
    ]
    result = compare_documents([courant, *pages], Settings())
    assert not [s for s in result.sources if s.kind == "quoted"]
    (root,) = [t for t in result.tree if t.children]
    assert root.id == "courant" and sorted(c.id for c in root.children) == ["one", "three", "two"]
    edge = next(e for e in result.edges if (e.source, e.copy) == ("courant", "two"))
    (credit,) = [ev for ev in edge.evidence if ev.kind == "credit"]
    assert credit.favours == "courant" and "attributes the shared words to Courant" in credit.detail


def test_a_document_hangs_under_the_article_it_shares_text_with_before_an_outlet_it_quotes():
    shared = Edge("a", "b", "undetermined", 0.0, ("p1",), (), 700, 0.0)
    quoted = Edge("src:reuters", "b", "quoted", 0.9, ("p2",), (), 0, 0.0)
    trees = build_tree(["a", "b"], ["src:reuters"], [quoted, shared])
    assert [tree_shape(t) for t in trees] == [("a", None, (("b", "undetermined", ()),))]


@pytest.mark.parametrize(
    "words",
    [
        # A sibling reprint dated earlier can carry more evidence than the original, but the
        # copy shares fewer words with it: each reprint changed its own.
        pytest.param((800, 760), id="nearer-to-the-original"),
        # An excerpt of paragraphs the reprint left unedited holds the same words as both: its
        # likeliest source is the original the reprint itself copied.
        pytest.param((100, 100), id="as-near-to-both"),
    ],
)
def test_a_copy_hangs_under_the_original_not_a_more_confident_reprint_of_it(words):
    to_copy, to_sibling = words
    original = Edge("original", "copy", "copy", 0.75, ("p1",), (), to_copy, 0.9)
    sibling = Edge("sibling", "copy", "copy", 0.83, ("p2",), (), to_sibling, 0.85)
    first = Edge("original", "sibling", "copy", 0.75, ("p3",), (), 790, 0.9)
    (root,) = build_tree(["copy", "original", "sibling"], [], [sibling, original, first])
    assert tree_shape(root) == ("original", None, (("copy", "copy", ()), ("sibling", "copy", ())))


def test_of_three_equally_near_sources_the_copy_hangs_under_the_one_that_copied_none():
    # The reprint copied the original and a second reprint copied the first: all three hold
    # the excerpt's 100 words. The first reprint copied one of them and was copied by the
    # other; only the original copied none of them.
    into = [
        Edge("reprint", "excerpt", "copy", 0.83, ("p1",), (), 100, 0.2),
        Edge("second", "excerpt", "copy", 0.83, ("p2",), (), 100, 0.2),
        Edge("original", "excerpt", "copy", 0.75, ("p3",), (), 100, 0.2),
    ]
    chain = [Edge("original", "reprint", "copy", 0.75, ("p4",), (), 790, 0.9),
             Edge("reprint", "second", "copy", 0.75, ("p5",), (), 780, 0.9)]  # fmt: skip
    (root,) = build_tree(["excerpt", "original", "reprint", "second"], [], into + chain)
    assert tree_shape(root) == (
        "original", None, (("excerpt", "copy", ()), ("reprint", "copy", (("second", "copy", ()),)))
    )  # fmt: skip


def test_a_copy_naming_a_wire_and_the_paper_that_ran_it_hangs_under_the_papers_page():
    # The copy prints the wire's credit and the paper's footer, "© Valley Ledger. All rights
    # reserved.": it kept the wire's credit from the paper's page, which it took.
    named = lambda who: (Evidence("credit", who, 3.0, f"the copy credits {who}"),)  # noqa: E731
    edges = [
        Edge("wire", "paper", "credited-reprint", 0.9, ("p1",), named("wire"), 800, 1.0),
        Edge("wire", "copy", "credited-reprint", 0.9, ("p2",), named("wire"), 800, 1.0),
        Edge("paper", "copy", "credited-reprint", 0.85, ("p3",), named("paper"), 700, 0.9),
    ]
    (root,) = build_tree(["copy", "paper", "wire"], [], edges)
    assert tree_shape(root) == ("wire", None, (("paper", "credited-reprint", (("copy", "credited-reprint", ()),)),))


def test_of_a_wires_write_thrus_and_a_paper_the_copy_names_it_hangs_under_the_paper():
    # The wire's two write-thrus feed each other and the paper; the copy names all three (the
    # wire's dateline, the paper's footer) and shares as many words with the later write-thru
    # as with the paper. The write-thru took its text from the earlier one, as the paper did,
    # but gave the paper its text: the paper is the nearest, and the copy's parent.
    named = lambda who: (Evidence("credit", who, 3.0, f"the copy credits {who}"),)  # noqa: E731
    edges = [
        Edge("wire1", "wire2", "version", 0.9, ("p1",), (), 800, 1.0),
        Edge("wire2", "paper", "credited-reprint", 0.93, ("p2",), named("wire2"), 800, 1.0),
        Edge("wire1", "copy", "credited-reprint", 0.93, ("p3",), named("wire1"), 600, 0.8),
        Edge("wire2", "copy", "credited-reprint", 0.93, ("p4",), named("wire2"), 700, 1.0),
        Edge("paper", "copy", "credited-reprint", 0.9, ("p5",), named("paper"), 700, 1.0),
    ]
    (root,) = build_tree(["copy", "paper", "wire1", "wire2"], [], edges)
    assert tree_shape(root) == (
        "wire1", None, (("wire2", "version", (("paper", "credited-reprint", (("copy", "credited-reprint", ()),)),)),)
    )  # fmt: skip


def test_a_subscriber_hangs_under_the_write_thru_it_runs_not_the_latest():
    # Three write-thrus of one wire story, each updating the last; the subscriber's dateline names
    # the wire, so all three are named. It runs the second (944 words), not the third (901).
    named = lambda who: (Evidence("credit", who, 3.0, f"the copy credits {who}"),)  # noqa: E731
    edges = [
        Edge("v1", "v2", "version", 0.9, ("p1",), (), 800, 1.0),
        Edge("v2", "v3", "version", 0.9, ("p2",), (), 900, 1.0),
        Edge("v1", "sub", "credited-reprint", 0.93, ("p3",), named("v1"), 754, 0.8),
        Edge("v2", "sub", "credited-reprint", 0.93, ("p4",), named("v2"), 944, 1.0),
        Edge("v3", "sub", "credited-reprint", 0.93, ("p5",), named("v3"), 901, 0.95),
    ]
    (root,) = build_tree(["sub", "v1", "v2", "v3"], [], edges)
    assert tree_shape(root) == (
        "v1", None, (("v2", "version", (("sub", "credited-reprint", ()), ("v3", "version", ()))),)
    )  # fmt: skip


def test_an_uncredited_copy_hangs_under_the_original_others_credit_not_under_a_crediting_reprint():
    # Two reprints credit the Lakeside Daily, whose own page is among the inputs; an uncredited
    # page carries the same text. It holds the Daily's text: it goes under the Daily's page,
    # not under whichever reprint has a credit line.
    original = doc("daily", "Lakeside Daily", "Water mains\n\n" + STORY)
    reprints = [
        doc(f"reprint{i}", f"Paper {i}", "Water mains\n\n" + STORY + "\n\nThis story originally appeared in the Lakeside Daily.")
        for i in (1, 2)
    ]
    copy = doc("copy", "Hill Courier", "Water mains\n\n" + STORY)
    result = compare_documents([original, *reprints, copy], Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    into = edges[("daily", "copy")]
    assert into.kind == "copy"
    assert "Lakeside Daily's own page, and 2 pages sharing this text credit" in into.evidence[0].detail
    for i in (1, 2):
        assert edges.get((f"reprint{i}", "copy")) is None
    (root,) = result.tree
    assert tree_shape(root)[0] == "daily" and ("copy", "copy", ()) in tree_shape(root)[2]
