"""``syndtrace scan`` end to end on small synthetic corpora (``tests/scan_corpus.py``).

Each test builds a corpus whose truth is known by construction (which
articles copy which, what is a shared quote, what is outlet furniture), runs
the library ``scan`` or the CLI, and checks families, trees, edges and the
exports against that truth. ``check`` applies the invariants every result
must satisfy (schema, references, every family member in its family's tree).
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from scan_corpus import (
    STATEMENT,
    Writer,
    article,
    digest_corpus,
    edit,
    footer_corpus,
    generations,
    jsonl,
    partial_corpus,
    record,
    runs,
    statement_corpus,
    wire_corpus,
    write_thru_corpus,
)
from syndtrace.cli import main
from syndtrace.errors import EXIT_OK, EXIT_PARTIAL
from syndtrace.render.json import dumps
from syndtrace.render.schema import check_references, schema
from syndtrace.scan import scan
from syndtrace.settings import Settings

TOTALS = re.compile(r"(\d+) inputs found: (\d+) articles loaded, (\d+) skipped · (\d+) families · (\d+) singletons")


def write(folder: Path, docs: dict[str, str | bytes]) -> Path:
    for name, content in docs.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def feed_file(folder: Path, records: list[dict]) -> Path:
    """``folder/feed.jsonl`` holding ``records``."""
    feed = folder / "feed.jsonl"
    feed.write_text(jsonl(records), encoding="utf-8")
    return feed


def cli(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["scan", "-q", "--workers", "1", *args], input=input, catch_exceptions=False)


def parent_of(node, target: str, parent=None):
    """The id of ``target``'s parent in the tree under ``node`` (None at the top or when absent)."""
    if node.id == target:
        return parent
    for child in node.children:
        found = parent_of(child, target, node.id)
        if found is not None:
            return found
    return None


def check(result) -> None:
    """Invariants of every scan result."""
    data = json.loads(dumps(result))
    assert not list(Draft202012Validator(schema()).iter_errors(data))
    assert check_references(data) == []
    sizes = [len(f.members) for f in result.families]
    assert sizes == sorted(sizes, reverse=True), "families must come largest first"
    for fam in result.families:
        assert set(fam.members) <= set(fam.tree.ids()), f"{fam.id}: members missing from its tree"


def run(folder: Path, **settings):
    result = scan([str(folder)], Settings(workers=1, **settings))
    check(result)
    return result


def family_of(result, doc_id: str) -> list:
    return [f for f in result.families if doc_id in f.members]


# --- 1. families -----------------------------------------------------------------------------------


def test_wire_story_and_an_unrelated_story_make_two_families_largest_first(tmp_path):
    result = run(write(tmp_path / "c", wire_corpus()))
    assert len(result.families) == 2
    ap_fam, local = result.families
    assert set(ap_fam.members) == {"wire/ap.txt", "wire/courier.txt", "wire/ledger.txt", "wire/post.txt"}
    assert set(local.members) == {"local/times.txt", "local/metro.txt", "local/lakeside.txt"}
    assert ap_fam.root_name == "Associated Press"
    ap_sources = {s.id for s in result.sources if s.name == "Associated Press"}
    assert ap_fam.root in {"wire/ap.txt"} | ap_sources
    assert local.root == "local/times.txt"
    for reprint in ("wire/courier.txt", "wire/ledger.txt", "wire/post.txt"):
        assert parent_of(ap_fam.tree, reprint) == ap_fam.root
        (edge,) = [e for e in result.edges if e.copy == reprint and e.source == ap_fam.root]
        assert edge.kind == "credited-reprint"
    out = cli(str(tmp_path / "c"), "--width", "200", "--no-color")
    assert out.exit_code == EXIT_OK, out.stderr
    totals = TOTALS.search(out.stdout)
    assert totals and totals.groups() == ("10", "10", "0", "2", "3")


def test_independent_copies_of_one_original_are_siblings(tmp_path):
    (_, local) = run(write(tmp_path / "c", wire_corpus())).families
    assert parent_of(local.tree, "local/metro.txt") == parent_of(local.tree, "local/lakeside.txt") == "local/times.txt"


# --- 2. second generation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(("a-root.txt", "b-mid.txt", "c-second.txt"), id="root-sorts-first"),
        pytest.param(("z-root.txt", "b-mid.txt", "c-second.txt"), id="intermediate-sorts-first"),
    ],
)
def test_second_generation_copy_hangs_under_the_intermediate(tmp_path, names):
    root, inter, second = names
    result = run(write(tmp_path / "c", generations(names)))
    (fam,) = result.families
    assert fam.root == root
    assert parent_of(fam.tree, inter) == root
    assert parent_of(fam.tree, second) == inter


def test_family_tree_holds_every_member_when_a_sentence_is_appended(tmp_path):
    result = scan([str(write(tmp_path / "c", generations(("a.txt", "b.txt", "c.txt"), append=True)))], Settings(workers=1))
    (fam,) = result.families
    assert set(fam.members) == {"a.txt", "b.txt", "c.txt"}
    assert set(fam.tree.ids()) >= set(fam.members)


# --- 3. multi-story page ------------------------------------------------------------------------------


def test_digest_page_joins_both_families_without_merging_them(tmp_path):
    result = run(write(tmp_path / "c", digest_corpus()))
    assert len(result.families) == 2
    assert {frozenset(f.members) for f in result.families} == {
        frozenset({"a1.txt", "a2.txt", "digest.txt"}),
        frozenset({"b1.txt", "b2.txt", "digest.txt"}),
    }
    assert len(family_of(result, "digest.txt")) == 2


# --- 4. a statement everyone quotes ---------------------------------------------------------------------


def test_statement_everyone_quotes_ties_no_family(tmp_path):
    result = run(write(tmp_path / "c", statement_corpus()))
    assert result.families == ()
    assert result.passages, "the statement is shared, so passages must be found"
    assert {e.kind for e in result.edges} <= {"shared-quote"}
    carrying = [p for p in result.passages if runs(STATEMENT) & runs(result.side_text(p.a))]
    assert len(carrying) == len(result.passages)
    assert {p.quote for p in carrying} <= {"both", "statement"}
    unquoted = [p for p in carrying if "q4.txt" in (p.a.doc, p.b.doc)]
    assert len(unquoted) == 4 and {p.quote for p in unquoted} == {"statement"}


# --- 5. boilerplate learned from the corpus -------------------------------------------------------------


@pytest.mark.parametrize(
    "as_jsonl",
    [
        pytest.param(True, id="jsonl-records"),
        pytest.param(False, id="front-matter-without-title"),
    ],
)
def test_outlet_footer_is_learned_as_boilerplate(tmp_path, as_jsonl):
    folder = write(tmp_path / "c", footer_corpus(as_jsonl))
    control = run(folder, boilerplate_min_stories=5)  # four stories: too few to learn it
    assert control.passages, "the footer must be found when it is not learned"
    result = run(folder)
    assert result.passages == () and result.families == ()


# --- 6. exported formats ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wire_folder(tmp_path_factory):
    return write(tmp_path_factory.mktemp("wire") / "c", wire_corpus() | digest_corpus())


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "graphml", "gexf", "dot"])
def test_export_formats(wire_folder, tmp_path, fmt):
    edges = json.loads(cli(str(wire_folder), "--format", "json").stdout)["edges"]
    assert len(edges) >= 10
    out = cli(str(wire_folder), "--format", fmt)
    assert out.exit_code == EXIT_OK, out.stderr
    target = tmp_path / f"out.{fmt}"
    to_file = cli(str(wire_folder), "--format", fmt, "-o", str(target))
    assert to_file.exit_code == EXIT_OK and to_file.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text == out.stdout
    if fmt == "json":
        data = json.loads(text)
        assert not list(Draft202012Validator(schema()).iter_errors(data))
        assert check_references(data) == [] and data["families"]
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert [(r["source"], r["copy"], r["kind"]) for r in lines] == [(e["source"], e["copy"], e["kind"]) for e in edges]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [(r["source"], r["copy"], r["kind"]) for r in rows] == [(e["source"], e["copy"], e["kind"]) for e in edges]
    elif fmt in ("graphml", "gexf"):
        root = ET.fromstring(text.encode("utf-8"))
        assert len([el for el in root.iter() if el.tag.endswith("}edge")]) == len(edges)
    else:
        assert "digraph" in text and text.count("->") == len(edges)


# --- 7. determinism -----------------------------------------------------------------------------------


def test_output_is_identical_for_any_number_of_workers(tmp_path):
    folder = write(tmp_path / "c", wire_corpus() | digest_corpus() | statement_corpus() | partial_corpus())
    outputs = []
    for workers in (1, 2, 3):
        text = dumps(scan([str(folder)], Settings(workers=workers)))
        assert json.loads(text)["settings"]["workers"] == workers
        outputs.append(re.sub(r'\n *"workers": \d+,?', "", text))
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(json.loads(outputs[0])["families"]) == 5


# --- 8. bad input in a batch --------------------------------------------------------------------------


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    docs: dict[str, str | bytes] = dict(wire_corpus())
    w = Writer(70)
    good = [record(f"rec{k}", article(w.title(), w.story(120)), outlet="Feed") for k in range(2)]
    lines = jsonl(good).splitlines(keepends=True)
    docs["feed.jsonl"] = lines[0] + '{"id": "broken", "text": \n' + lines[1]
    docs["empty.txt"] = b""
    docs["photo.txt"] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    folder = write(tmp_path / "c", docs)
    out = cli(str(folder), "--width", "200", "--no-color")
    assert out.exit_code == EXIT_PARTIAL
    skipped = [line for line in out.stderr.splitlines() if line.startswith("syndtrace: skipped ")]
    assert len(skipped) == 3, out.stderr
    assert any(str(folder / "empty.txt") in line for line in skipped)
    assert any(str(folder / "photo.txt") in line for line in skipped)
    assert any(f"{folder / 'feed.jsonl'}:2:" in line for line in skipped)
    found, loaded, skipped_n, families, _ = TOTALS.search(out.stdout).groups()
    assert (int(found), int(loaded), int(skipped_n)) == (15, 12, 3)
    assert families == "2", "the bad inputs must not stop the good ones being traced"


# --- 9. stdin -----------------------------------------------------------------------------------------


def test_dash_reads_jsonl_from_stdin():
    w, rng = Writer(80), random.Random(80)
    story, title = w.story(300), w.title()
    feed = jsonl(
        [
            record("orig", article(title, story), outlet="Stdin Times", date="2024-01-01"),
            record("copy", article(title, edit(story, rng)), outlet="Stdin Post", date="2024-01-02"),
            record("other", article(w.title(), w.story(200)), outlet="Stdin Daily"),
        ]
    )
    out = cli("-", "--format", "json", input=feed)
    assert out.exit_code == EXIT_OK, out.stderr
    data = json.loads(out.stdout)
    assert [d["id"] for d in data["documents"]] == ["orig", "copy", "other"]
    assert [(f["root"], sorted(f["members"])) for f in data["families"]] == [("orig", ["copy", "orig"])]


def test_tree_names_each_corpus_record_by_id_and_line(tmp_path):
    """Every record of one JSONL file shares its path: the tree tells them apart by id and line."""
    w, rng = Writer(81), random.Random(81)
    story, title = w.story(300), w.title()
    feed = feed_file(
        tmp_path,
        [
            record("orig", article(title, story), outlet="Line Times", date="2024-01-01"),
            record("copy", article(title, edit(story, rng)), outlet="Line Post", date="2024-01-02"),
        ],
    )
    out = cli(str(feed), "--width", "200", "--no-color")
    assert out.exit_code == EXIT_OK, out.stderr
    assert f"orig · {feed}:1" in out.stdout and f"copy · {feed}:2" in out.stdout


# --- 10. partial reuse ----------------------------------------------------------------------------------


def test_two_paragraphs_inside_another_article_are_found(tmp_path):
    result = run(write(tmp_path / "c", partial_corpus()))
    (pair,) = [p for p in result.pairs if {p.a, p.b} == {"story.txt", "host.txt"}]
    assert pair.jaccard < 0.1
    edges = [e for e in result.edges if {e.source, e.copy} == {"story.txt", "host.txt"}]
    assert edges and all(e.kind != "shared-quote" for e in edges)
    assert 70 <= sum(p.words for p in result.passages) <= 90


# --- 10b. dates in other forms ---------------------------------------------------------------------------


def test_wire_archive_dates_are_read_and_unread_ones_noted_not_compared(tmp_path):
    """Reuters-21578 writes "9-MAR-1987": read as a date, not compared as text, where "1-JUN-1987" sorts first."""
    w, rng = Writer(85), random.Random(85)
    story, title = w.story(300), w.title()
    other, other_title = w.story(300), w.title()
    feed = feed_file(
        tmp_path,
        [
            record("copy", article(title, edit(story, rng)), outlet="Wire Post", date="1-JUN-1987 10:02:11.40"),
            record("orig", article(title, story), outlet="Wire Times", date="9-MAR-1987 15:01:01.79"),
            record("later", article(other_title, edit(other, rng)), outlet="Day Post", date="10/02/2020"),
            record("first", article(other_title, other), outlet="Day Times", date="09/02/2020"),
        ],
    )
    out = cli(str(feed), "--format", "json")
    assert out.exit_code == EXIT_OK, out.stderr
    data = json.loads(out.stdout)
    dates = {d["id"]: d["date"] for d in data["documents"]}
    assert dates == {"copy": "1987-06-01", "orig": "1987-03-09", "later": "10/02/2020", "first": "09/02/2020"}
    edges = {(e["source"], e["copy"]): e for e in data["edges"]}
    assert edges[("orig", "copy")]["kind"] == "copy"
    assert [e["kind"] for e in edges[("orig", "copy")]["evidence"]] == ["date"]
    # Unread dates are kept as given but give no evidence: that pair is undetermined.
    (pair,) = [e for e in data["edges"] if {e["source"], e["copy"]} == {"first", "later"}]
    assert pair["kind"] == "undetermined" and not pair["evidence"]
    (note,) = data["notes"]
    assert (note["path"], note["line"]) == (str(feed), 3)
    assert note["reason"].startswith("2 records' dates (this one '10/02/2020') are not in a form syndtrace reads")
    assert f"syndtrace: note: {feed}:3: {note['reason']}\n" in out.stderr
    tree = cli(str(feed), "--width", "200", "--no-color")
    assert "(2 articles, 1987-03-09 to 1987-06-01)" in tree.stdout
    assert "(2 articles)" in tree.stdout  # no range from unread dates
    # Told the order, the numeric dates are read (in the workers' documents too) and weighed.
    ordered = cli(str(feed), "--format", "json", "--date-order", "dmy")
    assert ordered.exit_code == EXIT_OK and ordered.stderr == ""
    data = json.loads(ordered.stdout)
    assert {d["id"]: d["date"] for d in data["documents"]}["later"] == "2020-02-10" and data["notes"] == []
    (pair,) = [e for e in data["edges"] if {e["source"], e["copy"]} == {"first", "later"}]
    assert (pair["source"], pair["copy"], pair["kind"]) == ("first", "later", "copy")
    assert [ev["detail"] for ev in pair["evidence"]] == ["Day Times' text is dated 2020-02-09, Day Post's 2020-02-10"]


def test_metadata_in_an_unread_form_is_left_out_noted_and_the_exit_code_kept(tmp_path):
    w = Writer(87)
    feed = feed_file(
        tmp_path, [{"id": "a", "text": article(w.title(), w.story(120)), "author": {"name": "Dana Roe"}, "outlet": "Cms Daily"}]
    )
    out = cli(str(feed), "--format", "json")
    assert out.exit_code == EXIT_OK, out.stderr
    data = json.loads(out.stdout)
    assert data["problems"] == [] and [(d["id"], d["author"], d["outlet"]) for d in data["documents"]] == [
        ("a", None, "Cms Daily")
    ]
    (note,) = data["notes"]
    assert (note["path"], note["line"]) == (str(feed), 1)
    assert f"syndtrace: note: {feed}:1: the 'author' field is an object, not text, so it was left out" in out.stderr


def test_a_same_day_pair_roots_its_family_at_the_one_published_first(tmp_path):
    """No evidence of direction, but times with zones: the tree reads from the older page, edge undetermined."""
    w, rng = Writer(86), random.Random(86)
    story, title = w.story(300), w.title()
    feed = feed_file(
        tmp_path,
        [
            record("a-late", article(title, edit(story, rng)), outlet="Noon Post", date="2018-06-01T12:52:09-04:00"),
            record("b-early", article(title, story), outlet="Dawn Times", date="2018-06-01T05:10:26-04:00"),
        ],
    )
    result = scan([str(feed)], Settings(workers=1))
    check(result)
    (edge,) = result.edges
    assert (edge.source, edge.copy, edge.kind) == ("b-early", "a-late", "undetermined")
    (fam,) = result.families
    assert fam.root == "b-early" and parent_of(fam.tree, "a-late") == "b-early"


# --- 11. field mapping ----------------------------------------------------------------------------------


def test_field_mapping_reads_a_csv_with_other_column_names(tmp_path):
    w, rng = Writer(90), random.Random(90)
    story, title = w.story(300), w.title()
    rows = [("u1", "Mapped Times", article(title, story)), ("u2", "Mapped Post", article(title, edit(story, rng)))]
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows([("uid", "publisher", "body"), *rows])
    path = tmp_path / "corpus.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    mapped = ["--field", "id=uid", "--field", "outlet=publisher", "--field", "text=body"]
    out = cli(str(path), "--format", "json", *mapped)
    assert out.exit_code == EXIT_OK, out.stderr
    data = json.loads(out.stdout)
    assert [(d["id"], d["outlet"]) for d in data["documents"]] == [("u1", "Mapped Times"), ("u2", "Mapped Post")]
    assert [sorted(f["members"]) for f in data["families"]] == [["u1", "u2"]]
    unmapped = cli(str(path), "--format", "json")
    assert unmapped.exit_code == EXIT_PARTIAL, "without the mapping the records have no text"


def test_result_records_survive_pickling_as_field_tuples():
    # Workers send passages back by pickle, as (class, field values) (model._pickled_as_fields).
    import pickle

    from syndtrace.model import Credit, Document, Insertion, PairStats, Passage, PassageSide

    side = PassageSide("a", 0, 5, None, 5, 0.25, "Reuters", True, 3)
    passage = Passage("p1", side, PassageSide("b", 2, 7, "words", 5, 0.0, None, False, 0), 5, 98.5, 4, "a",
                      (Insertion("a", 1, 2, "[x]", True),))  # fmt: skip
    doc = Document("a", "a.txt", "text", credits=(Credit("dateline", "Reuters", 0, 9, "(Reuters)"),))
    stats = PairStats("a", "b", 10, 12, 0.5, 0.48, 0.6, 0.59, 0.5, 0.49)
    for value in (side, passage, doc, stats):
        assert pickle.loads(pickle.dumps(value)) == value
        assert value.__reduce__()[1] == tuple(getattr(value, f) for f in type(value).__slots__)


def test_numbered_passage_is_replace_with_a_new_id():
    from dataclasses import replace

    from syndtrace.model import Insertion, Passage, PassageSide

    side = PassageSide("a", 0, 5, None, 5, 0.25, "Reuters", True, 3)
    p = Passage("", side, side, 5, 98.5, 4, "a", (Insertion("a", 1, 2, "[x]", True),))
    assert p.numbered("p7") == replace(p, id="p7")


def test_scan_keeps_insertions_words_as_the_inputs_hold_them(tmp_path):
    # A scan packs its insertions (syndtrace.packed); the JSON writes each one's words as they
    # stand in its input, an editor's bracket with its brackets.
    rng = random.Random(7)
    body = [article("Council approves the budget", [" ".join(f"word{k}{j}" for j in range(40)) for k in range(4)])]
    copy = edit(body[0].split("\n\n"), rng, changes=3)
    copy[3] = copy[3].replace("word25 ", "word25 [the council's] ", 1)
    folder = write(tmp_path / "c", {"first.txt": body[0], "second.txt": "\n\n".join(copy) + "\n"})
    result = run(folder)
    inserted = [i for p in result.passages for i in p.insertions]
    assert len(inserted) >= 3 and any(i.bracketed for i in inserted)
    texts = {d.id: (folder / d.id).read_text(encoding="utf-8") for d in result.documents}
    assert [i.text for i in inserted] == [texts[i.doc][i.start : i.end] for i in inserted]
    written = [i for p in json.loads(dumps(result))["passages"] for i in p["insertions"]]
    assert [i["text"] for i in written] == [texts[i.doc][i.start : i.end] for i in inserted]
    assert any("[the council's]" in i.text for i in inserted if i.bracketed)


def test_a_lede_a_write_thru_replaced_is_no_addition_of_one_page(tmp_path):
    # Two pages alone share the first version's lede; the other three run the write-thru's lede in
    # its place. A scan's documents hold no text: the other pages' ledes are read back from the
    # inputs, and the two are not drawn as one copying the other for sharing it.
    result = scan([str(write(tmp_path, write_thru_corpus()))], Settings())
    ids = {Path(d.path).stem: d.id for d in result.documents}
    ab = [e for e in result.edges if {e.source, e.copy} == {ids["a"], ids["b"]}]
    assert ab and not [ev for e in ab for ev in e.evidence if ev.kind == "carried"]
