"""Saved web pages (``syndtrace.html``, ``syndtrace.pages``): the article, its metadata, and bad pages.

The pages are written like real ones, with a site's furniture around the
article: cookie banner, header and navigation, share bars, newsletter box,
related stories, comments, sidebar, footer, and JSON-LD / Open Graph
metadata. ``fixtures/*.html`` are the two seed articles laid out as a news
site (AFP) and as a blog (Global Research); ``tests/data/web`` holds the
exact-reprint case's story as a news site's page (UTF-8) and a blog's
(windows-1252), and a page with no article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from syndtrace.cli import main
from syndtrace.errors import EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, InputError
from syndtrace.lineage import Result, TreeNode
from syndtrace.load import load_file
from syndtrace.normalize import WORD, normalize_word
from syndtrace.pipeline import compare
from syndtrace.render.json import result_to_dict
from syndtrace.render.schema import check_references, schema
from syndtrace.scan import scan
from syndtrace.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
WEB = Path(__file__).resolve().parent / "data" / "web"
AFP, GR = "afp-soleimani-uncredited-copy", "globalresearch-reprint-of-commondreams"
VALIDATOR = Draft202012Validator(schema())


def words(text: str) -> list[str]:
    return [normalize_word(m.group()) for m in WORD.finditer(text)]


def tree_shape(result: Result, node: TreeNode) -> tuple:
    """Ids, names and edge kinds of a tree, children in output order."""
    kind = node.edge.kind if node.edge else None
    return (node.id, result.node_name(node.id), kind, tuple(tree_shape(result, c) for c in node.children))


# --- extraction: the article without the furniture --------------------------------------


@pytest.mark.parametrize(
    "page, furniture",
    [
        (
            FIXTURES / f"{AFP}.html",
            [
                "We use cookies",  # cookie banner
                "Subscribe for $1 a week",  # header
                "Home › World",  # breadcrumb
                "Share this story",  # share bar
                "Get the Morning Briefing",  # newsletter box
                "Pentagon defends drone strike",  # related stories
                "Nobody in Washington will be held to account",  # a comment
                "Join the discussion",  # comment form
                "All rights reserved",  # footer
                "Topics:",  # tags
            ],
        ),
        (
            FIXTURES / f"{GR}.html",
            [
                "This website uses cookies",
                "Centre for Research on Globalization",  # tagline, and the disclaimer in the footer
                "Share this:",
                "So the whole justification for the strike rested",  # a comment
                "Thank you for reposting this",  # another
                "Leave a Reply",
                "Get the latest articles from Global Research in your inbox",  # sidebar newsletter
                "The Real Reason Behind the Drone Strike",  # most popular
                "Previous: Pentagon Confirms",  # post navigation
                "For media inquiries",  # footer
            ],
        ),
        (
            WEB / "valley-ledger.html",
            ["cookie policy", "Obituaries", "Share on Facebook", "Valley Ledger Daily", "School board weighs", "OldSalt1954", "grandfather kept that light", "12 Mill Street"],
        ),
        (
            WEB / "riverside-courier.htm",
            ["News and views from along the river", "Advertise with us", "Reddit", "Glad to see the town", "Spring cleanup day", "Archives", "Powered by"],
        ),
    ],
    ids=["news-site", "blog", "ledger", "courier"],
)
def test_the_furniture_is_gone_before_matching(page, furniture):
    doc = load_file(str(page))
    assert doc.text_source == "extracted-html"
    for text in furniture:
        assert text not in doc.text, f"{text!r} of the page's furniture is in the extracted article"


def test_the_extracted_text_is_the_title_then_paragraphs_separated_by_blank_lines():
    doc = load_file(str(WEB / "valley-ledger.html"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Harbor Town Votes to Restore Its 1902 Lighthouse"
    assert paragraphs[1].startswith("HARBOR TOWN — The town council voted 5-2")
    assert paragraphs[-1].endswith("if the grants arrive on time.")
    assert len(paragraphs) == 7 and all(p == p.strip() and "\n" not in p for p in paragraphs)
    # The blog's title is its own heading in the text, not added twice.
    courier = load_file(str(WEB / "riverside-courier.htm"))
    assert courier.text.count("Harbor Town Votes to Restore Its 1902 Lighthouse") == 1


def test_page_metadata_fills_the_fields_and_says_so():
    doc = load_file(str(WEB / "valley-ledger.html"))
    assert (doc.id, doc.path) == ("valley-ledger", str(WEB / "valley-ledger.html"))
    assert (doc.title, doc.author, doc.outlet, doc.date) == (
        "Harbor Town Votes to Restore Its 1902 Lighthouse", "Dana Whitfield", "Valley Ledger", "2021-03-03",
    )  # fmt: skip
    assert doc.url == "https://valleyledger.example/news/2021/03/03/harbor-town-lighthouse"
    assert dict(doc.provenance) == {"title": "page", "author": "page", "outlet": "page", "date": "page", "url": "page"}
    assert doc.source_url is None and doc.offset is None


def test_a_date_is_never_guessed_from_a_footer():
    # The AFP page gives no date, and its footer says "© 2020 AFP": htmldate's extensive
    # search would make that 2020-01-01.
    doc = load_file(str(FIXTURES / f"{AFP}.html"))
    assert doc.date is None and "date" not in dict(doc.provenance)


def test_a_declared_charset_is_honoured():
    data = (WEB / "riverside-courier.htm").read_bytes()
    assert b"\x93This is the building" in data  # a windows-1252 curly quote
    doc = load_file(str(WEB / "riverside-courier.htm"))
    assert doc.encoding == "cp1252"
    assert "“This is the building on our postcards" in doc.text


def test_front_matter_wins_over_the_page(tmp_path):
    page = tmp_path / "ledger.html"
    page.write_bytes(b"---\nid: ledger-1\noutlet: The Valley Ledger (print)\n---\n" + (WEB / "valley-ledger.html").read_bytes())
    doc = load_file(str(page))
    assert doc.id == "ledger-1"
    assert doc.outlet == "The Valley Ledger (print)" and dict(doc.provenance)["outlet"] == "front-matter"
    assert doc.author == "Dana Whitfield" and dict(doc.provenance)["author"] == "page"
    assert not doc.text.startswith("---")


# --- the seeds as web pages give the seeds' story ------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> tuple[Result, Result]:
    text = compare([str(FIXTURES / f"{AFP}.txt"), str(FIXTURES / f"{GR}.txt")])
    pages = compare([str(FIXTURES / f"{AFP}.html"), str(FIXTURES / f"{GR}.html")])
    return text, pages


def test_the_html_seeds_give_the_same_passages_as_the_text_seeds(seeds):
    text, pages = seeds
    assert len(pages.passages) == len(text.passages) == 6

    def key(result):
        return sorted((p.a.doc, p.b.doc, tuple(words(p.a.text)), tuple(words(p.b.text)), p.words) for p in result.passages)

    assert key(pages) == key(text)
    docs = {d.id: d for d in pages.documents}
    for p in pages.passages:
        for side in (p.a, p.b):
            assert docs[side.doc].text[side.start : side.end] == side.text  # offsets index the extracted text


def test_the_html_seeds_give_the_same_tree_as_the_text_seeds(seeds):
    text, pages = seeds
    assert [tree_shape(pages, n) for n in pages.tree] == [tree_shape(text, n) for n in text.tree]
    assert sorted((e.source, e.copy, e.kind) for e in pages.edges) == sorted((e.source, e.copy, e.kind) for e in text.edges)
    # The same story, told from the pages' own metadata rather than guessed from the text.
    docs = {d.id: d for d in pages.documents}
    assert (docs[GR].outlet, docs[GR].author, docs[GR].date) == ("Global Research", "Jake Johnson", "2020-02-10")
    assert dict(docs[GR].provenance)["outlet"] == "page"
    assert (docs[AFP].outlet, docs[AFP].author) == ("AFP", "AFP Staff")


def test_the_html_seeds_json_says_what_the_offsets_index(seeds):
    _, pages = seeds
    data = result_to_dict(pages)
    assert list(VALIDATOR.iter_errors(data)) == [] and check_references(data) == []
    for doc in data["documents"]:
        assert doc["text_source"] == "extracted-html" and doc["source_url"] is None
        assert doc["path"].endswith(".html") and "offset" not in doc
        assert set(doc["metadata_from"].values()) <= {"page", "text"}


def test_text_files_say_their_offsets_index_the_file(seeds):
    text, _ = seeds
    assert {d["text_source"] for d in result_to_dict(text)["documents"]} == {"file"}


# --- bad pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("no-article.html", (WEB / "no-article.html").read_bytes(), "no article text found in this page"),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4, "binary file"),
        ("empty.htm", b"  \n", "the page is empty"),
        ("front-only.html", b"---\ntitle: x\n---\n", "front matter but no HTML"),
    ],
)
def test_a_bad_page_is_an_error_naming_it(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_file(str(path))
    assert err.value.path == str(path) and reason in err.value.reason


def test_compare_stops_on_a_page_without_an_article():
    runner = CliRunner()
    result = runner.invoke(main, ["compare", str(WEB / "valley-ledger.html"), str(WEB / "no-article.html")])
    assert result.exit_code == EXIT_INPUT
    assert f"syndtrace: error: {WEB / 'no-article.html'}: no article text found" in result.stderr


def test_compare_refuses_a_web_archive_and_says_to_scan_it(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(b"\x1f\x8b\x08")
    result = CliRunner().invoke(main, ["compare", str(warc), str(WEB / "valley-ledger.html")])
    assert result.exit_code == EXIT_INPUT and "scan reads it" in result.stderr


# --- scan reads pages in folders -----------------------------------------------------------


def test_scan_reads_saved_pages_in_a_folder_and_skips_the_bad_ones(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for name in ("valley-ledger.html", "riverside-courier.htm", "no-article.html"):
        (folder / name).write_bytes((WEB / name).read_bytes())
    (folder / "broken.html").write_bytes(b"\x00\x01\x02 not a page")
    result = scan([str(folder)], Settings(workers=1))
    assert sorted(d.id for d in result.documents) == ["riverside-courier.htm", "valley-ledger.html"]
    assert sorted((p.path.rsplit("/", 1)[-1], p.reason.split(" (")[0]) for p in result.problems) == [
        ("broken.html", "this looks like a binary file"),
        ("no-article.html", "no article text found in this page"),
    ]
    (family,) = result.families
    assert family.root == "valley-ledger.html"
    assert [(e.source, e.copy, e.kind) for e in result.edges] == [("valley-ledger.html", "riverside-courier.htm", "credited-reprint")]
    data = result_to_dict(result)
    assert list(VALIDATOR.iter_errors(data)) == []
    by_id = {d["id"]: d for d in data["documents"]}
    assert by_id["riverside-courier.htm"]["metadata_from"] == {
        "author": "page", "date": "page", "outlet": "page", "title": "page",
    }  # fmt: skip
    assert by_id["riverside-courier.htm"]["text_source"] == "extracted-html"
    # Each passage side slices back out of its page's extracted text.
    for p in result.passages:
        for side in (p.a, p.b):
            doc = next(d for d in result.documents if d.id == side.doc)
            assert result.document_text(doc)[side.start : side.end] == result.side_text(side)


def test_scan_cli_reports_a_bad_page_and_goes_on(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for name in ("valley-ledger.html", "riverside-courier.htm", "no-article.html"):
        (folder / name).write_bytes((WEB / name).read_bytes())
    result = CliRunner().invoke(main, ["scan", str(folder), "--format", "json", "-q", "--workers", "1"])
    assert result.exit_code == EXIT_PARTIAL, result.stderr
    assert f"syndtrace: skipped {folder / 'no-article.html'}: no article text found" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 2 and len(data["families"]) == 1


def test_compare_on_the_two_pages_exits_ok():
    result = CliRunner().invoke(main, ["compare", str(WEB / "valley-ledger.html"), str(WEB / "riverside-courier.htm"), "--format", "json"])
    assert result.exit_code == EXIT_OK, result.stderr
    edges = json.loads(result.stdout)["edges"]
    assert [(e["source"], e["copy"], e["kind"]) for e in edges] == [("valley-ledger", "riverside-courier", "credited-reprint")]
