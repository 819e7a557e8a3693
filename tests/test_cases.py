"""Expected-output cases: ``compare`` on small article sets, checked against stored JSON.

Each folder under ``tests/cases`` is one case: its articles (``*.txt``),
an optional ``case.json`` (``description``; ``inputs``, paths relative to the
case folder, default every ``*.txt`` in name order; ``settings``, keyword
arguments of ``Settings``) and ``expected.json``, the ``--format json``
output of ``compare`` run from inside the case folder, so every path in it is
relative and the file is the same on every machine. The package version is
stored as ``<version>`` so a release does not churn every case.

``make cases`` (``pytest tests/test_cases.py --regen-cases``) rewrites the
``expected.json`` files from the current output; review them with ``git diff
tests/cases`` before committing. Beyond the snapshot, the key facts of each
case are asserted in plain code below, so a regenerated snapshot that loses
one of them still fails.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from syndtrace.lineage import Result, TreeNode
from syndtrace.model import Passage, PassageSide
from syndtrace.normalize import WORD, normalize_word
from syndtrace.pipeline import compare
from syndtrace.render.json import result_to_dict
from syndtrace.render.schema import check_references, schema
from syndtrace.settings import Settings

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
VALIDATOR = Draft202012Validator(schema())
VERSION_PLACEHOLDER = "<version>"


# --- running a case -------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    inputs: tuple[str, ...]
    settings: Settings
    description: str


def load_case(name: str) -> Case:
    folder = CASES_DIR / name
    spec_path = folder / "case.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8")) if spec_path.exists() else {}
    inputs = spec.get("inputs") or sorted(p.name for p in folder.glob("*.txt"))
    return Case(name, folder, tuple(inputs), Settings(**spec.get("settings", {})), spec.get("description", ""))


@contextmanager
def inside(folder: Path):
    """Run with ``folder`` as the working directory (restored afterwards)."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


@cache
def run_case(name: str) -> tuple[Result, dict]:
    """``compare`` on the case's inputs from inside its folder: the Result and its JSON data."""
    case = load_case(name)
    with inside(case.folder):
        result = compare(list(case.inputs), case.settings)
    return result, result_to_dict(result)


def snapshot_text(data: dict) -> str:
    data = json.loads(json.dumps(data))  # a deep copy
    data["syndtrace"]["version"] = VERSION_PLACEHOLDER
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --- every case -------------------------------------------------------------------


def test_cases_are_found():
    # A typo in CASES_DIR or an emptied folder would otherwise pass vacuously.
    assert {"seed-afp-globalresearch", "exact-reprint", "unrelated-pair", "three-way"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_case_inputs_exist(name):
    case = load_case(name)
    assert len(case.inputs) >= 2, f"{name}: compare needs at least two inputs"
    for rel in case.inputs:
        assert (case.folder / rel).is_file(), f"{name}: input {rel} is missing"


@pytest.mark.parametrize("name", CASES)
def test_case_matches_expected_json(name, regen_cases):
    _, data = run_case(name)
    actual = snapshot_text(data)
    path = CASES_DIR / name / "expected.json"
    if regen_cases:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing: run `make cases` and review it with `git diff tests/cases`"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{name}/expected.json",
                f"{name} (actual)",
                n=2,
            )
        )
        pytest.fail(
            f"output of case {name!r} changed; if the change is intended, run `make cases` "
            f"and review `git diff tests/cases`\n{diff[:8000]}",
            pytrace=False,
        )


@pytest.mark.parametrize("name", CASES)
def test_case_output_is_valid_and_consistent(name):
    result, data = run_case(name)
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert problems == []
    assert check_references(data) == []
    docs = {d.id: d for d in result.documents}
    for p in result.passages:
        for side in (p.a, p.b):
            assert docs[side.doc].text[side.start : side.end] == side.text, f"{p.id}: side of {side.doc} does not slice back"
        for ins in p.insertions:
            assert docs[ins.doc].text[ins.start : ins.end] == ins.text
        assert p.words >= result.settings["min_words"]


@pytest.mark.parametrize("name", CASES)
def test_case_output_is_machine_independent(name):
    _, data = run_case(name)
    text = snapshot_text(data)
    repo = str(Path(__file__).resolve().parent.parent)
    assert repo not in text
    for doc in data["documents"]:
        assert not os.path.isabs(doc["path"]), doc["path"]


# --- helpers for the facts -----------------------------------------------------------


def words(text: str) -> list[str]:
    """Normalised words, as the aligner sees them (quote, dash and case styles gone)."""
    return [normalize_word(m.group()) for m in WORD.finditer(text)]


def has(side: PassageSide | str, snippet: str) -> bool:
    """Whether ``snippet``'s words occur, in order and contiguous, in the side's words."""
    hay = " " + " ".join(words(side if isinstance(side, str) else side.text)) + " "
    return " " + " ".join(words(snippet)) + " " in hay


def starts_with(side: PassageSide, snippet: str) -> bool:
    return words(side.text)[: len(words(snippet))] == words(snippet)


def ends_with(side: PassageSide, snippet: str) -> bool:
    return words(side.text)[-len(words(snippet)) :] == words(snippet)


def side_of(p: Passage, doc_id: str) -> PassageSide:
    assert doc_id in (p.a.doc, p.b.doc), f"{p.id} is not in {doc_id}"
    return p.a if p.a.doc == doc_id else p.b


def passages_with(result: Result, *snippets: str) -> list[Passage]:
    """Passages whose both sides contain every snippet."""
    return [p for p in result.passages if all(has(p.a, s) and has(p.b, s) for s in snippets)]


def one_passage_with(result: Result, *snippets: str) -> Passage:
    found = passages_with(result, *snippets)
    assert len(found) == 1, f"expected one passage with {snippets}, found {[p.id for p in found]}"
    return found[0]


def tree_shape(node: TreeNode) -> tuple:
    """``(id, edge kind, (children...))`` with children in output order."""
    return (node.id, node.edge.kind if node.edge else None, tuple(tree_shape(c) for c in node.children))


def edge_kinds(result: Result) -> list[tuple[str, str, str]]:
    return sorted((e.source, e.copy, e.kind) for e in result.edges)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- seed-afp-globalresearch -----------------------------------------------------------

AFP = "afp-soleimani-uncredited-copy"
GR = "globalresearch-reprint-of-commondreams"


@pytest.fixture(scope="module")
def seed() -> Result:
    return run_case("seed-afp-globalresearch")[0]


def test_seed_finds_exactly_the_six_passages(seed):
    assert len(seed.passages) == 6
    doubts = one_passage_with(seed, "raised doubts about who fired the rockets")
    assert all(ends_with(s, "was responsible") for s in (doubts.a, doubts.b))
    title = one_passage_with(seed, "Ahmed Adnan, the Iraqi chief of intelligence for the federal police")
    daesh = one_passage_with(seed, "All the indications are that it was Daesh", "We know Daesh's movements")
    evidence = one_passage_with(seed, "circumstantial evidence and long experience in the area")
    assert all(ends_with(s, "Khataib Hezbollah was behind it") for s in (evidence.a, evidence.b))
    block = one_passage_with(seed, "The rockets were launched from a Sunni Muslim part")
    for s in (block.a, block.b):
        assert starts_with(s, "The rockets were launched from a Sunni Muslim part")
        assert ends_with(s, "These facts all point to the Islamic State, Iraqi officials say")
        assert has(s, "Khataib Hezbollah has not had a presence in Kirkuk Province since 2014")
    forces = one_passage_with(seed, "We as Iraqi forces cannot even come to this area")
    for s in (forces.a, forces.b):
        assert ends_with(s, "come here and find that firing position and launch an attack")
    found = {p.id for p in (doubts, title, daesh, evidence, block, forces)}
    assert found == {p.id for p in seed.passages}


def test_seed_forces_quote_spans_afps_bracketed_insertion(seed):
    forces = one_passage_with(seed, "We as Iraqi forces cannot even come to this area")
    afp = side_of(forces, AFP)
    assert "[where the rockets were launched from]" in afp.text
    bracketed = [i for i in forces.insertions if i.bracketed]
    assert [(i.doc, i.text) for i in bracketed] == [(AFP, "[where the rockets were launched from]")]
    # The aligned words exclude the insertion: fewer than the words of AFP's side.
    assert forces.words < len(words(afp.text))


def test_seed_reports_nothing_from_publisher_boilerplate(seed):
    docs = {d.id: d for d in seed.documents}
    gr = docs[GR]
    footer = gr.text.index("Disclaimer: The contents of this article")
    # Not vacuous: the footer is marked as boilerplate...
    assert any(s <= footer < e for s, e in gr.boilerplate)
    # ...and no passage side touches any boilerplate span.
    for p in seed.passages:
        for side in (p.a, p.b):
            for span in docs[side.doc].boilerplate:
                assert not overlaps((side.start, side.end), span), f"{p.id} overlaps boilerplate {span} of {side.doc}"
    assert not any(has(s, "Global Research") for p in seed.passages for s in (p.a, p.b))


def test_seed_tree_is_nyt_then_common_dreams_then_the_two_copies(seed):
    assert len(seed.tree) == 1
    root = seed.tree[0]
    assert seed.node_name(root.id) == "The New York Times"
    assert [seed.node_name(c.id) for c in root.children] == ["Common Dreams"]
    cd = root.children[0]
    assert cd.edge.kind == "quoted"
    assert sorted((c.id, c.edge.kind) for c in cd.children) == [(AFP, "copy"), (GR, "credited-reprint")]
    assert all(c.children == () for c in cd.children)
    copy = next(c.edge for c in cd.children if c.id == AFP)
    assert set(copy.passages) == {p.id for p in seed.passages}
    sources = {s.id: s for s in seed.sources}
    assert sources[root.id].kind == "quoted" and sources[cd.id].kind == "credited"


# --- exact-reprint --------------------------------------------------------------------------


def test_exact_reprint_is_one_credited_reprint_edge():
    result, _ = run_case("exact-reprint")
    assert edge_kinds(result) == [("valley-ledger", "riverside-courier", "credited-reprint")]
    assert result.sources == ()
    assert [tree_shape(n) for n in result.tree] == [
        ("valley-ledger", None, (("riverside-courier", "credited-reprint", ()),))
    ]
    edge = result.edges[0]
    assert edge.share > 0.9
    assert any(ev.kind == "credit" and ev.favours == "valley-ledger" and ev.weight == 3 for ev in edge.evidence)
    assert all(p.similarity == 100.0 for p in result.passages)
    body = one_passage_with(result, "The town council voted 5-2 on Tuesday night")
    assert all(ends_with(s, "reopen to visitors in the spring of 2023 if the grants arrive on time") for s in (body.a, body.b))


def test_exact_reprint_metadata_and_credit():
    result, _ = run_case("exact-reprint")
    docs = {d.id: d for d in result.documents}
    reprint = docs["riverside-courier"]
    assert (reprint.outlet, reprint.date) == ("Riverside Courier", "2021-03-05")
    assert [(c.kind, c.source) for c in reprint.credits] == [("first-appeared", "Valley Ledger")]
    original = docs["valley-ledger"]
    assert (original.outlet, original.date, original.credits) == ("Valley Ledger", "2021-03-03", ())


def test_exact_reprint_credit_span_ends_at_the_name():
    result, _ = run_case("exact-reprint")
    credit = next(d for d in result.documents if d.id == "riverside-courier").credits[0]
    assert credit.text == "This article first appeared in the Valley Ledger"


# --- excerpt-with-credit ---------------------------------------------------------------------

REUTERS = "reuters-port-strike"
OBSERVER = "coastal-observer-analysis"
UNION = (
    "The union is demanding a 9% pay rise to cover inflation and a written guarantee that no jobs will be cut "
    "when automated cranes come into service next year. Operators have offered 5% and a joint committee to "
    "study the effect of automation"
)
SPOKESMAN = (
    "A spokesman for the terminal operators' association said the employers remained open to talks but would "
    "not agree to a guarantee that \"freezes the port in the past\". No new talks had been scheduled as of "
    "Tuesday evening"
)


def test_excerpt_finds_the_two_embedded_paragraphs():
    result, _ = run_case("excerpt-with-credit")
    assert len(result.passages) == 2
    union = one_passage_with(result, UNION)
    spokesman = one_passage_with(result, SPOKESMAN)
    assert union.similarity == spokesman.similarity == 100.0
    # Nothing of the Observer's own reporting is reported as shared.
    assert not any(has(s, "Saltmarsh") for p in result.passages for s in (p.a, p.b))


def test_excerpt_edge_is_a_credited_reprint_of_part_of_the_wire_story():
    result, _ = run_case("excerpt-with-credit")
    edge = next(e for e in result.edges if e.copy == OBSERVER)
    assert (edge.source, edge.kind) == (REUTERS, "credited-reprint")
    assert 0.1 < edge.share < 0.5  # an excerpt, not the whole article
    assert any(ev.kind == "credit" and ev.favours == REUTERS and ev.weight == 3 for ev in edge.evidence)
    observer = next(d for d in result.documents if d.id == OBSERVER)
    assert ("originally-published", "Reuters") in [(c.kind, c.source) for c in observer.credits]


def test_excerpt_wire_story_is_the_root_not_a_reprint_of_itself():
    result, _ = run_case("excerpt-with-credit")
    assert result.sources == ()
    assert [tree_shape(n) for n in result.tree] == [(REUTERS, None, ((OBSERVER, "credited-reprint", ()),))]


def test_excerpt_passages_are_whole_paragraphs():
    result, _ = run_case("excerpt-with-credit")
    for p in result.passages:
        for side in (p.a, p.b):
            assert "\n" not in side.text, f"{p.id} crosses a paragraph break in {side.doc}: {side.text[-20:]!r}"
            assert side.whole_paragraphs, f"{p.id} in {side.doc}"


# --- unrelated-pair ---------------------------------------------------------------------------


def test_unrelated_pair_shares_nothing():
    result, _ = run_case("unrelated-pair")
    assert result.passages == () and result.edges == () and result.sources == ()
    # Each document stands alone: a root without children.
    assert [tree_shape(n) for n in result.tree] == [("library-hours", None, ()), ("river-flood-warning", None, ())]
    (pair,) = result.pairs
    assert pair.jaccard < 0.02 and pair.jaccard_estimate < 0.1
    assert pair.shingles_a > 100 and pair.shingles_b > 100


# --- reordered-passages -----------------------------------------------------------------------

TIMES = "mill-creek-times"
WEEKLY = "county-weekly"


def test_reordered_paragraphs_are_separate_passages():
    result, _ = run_case("reordered-passages")
    assert len(result.passages) == 4
    times = next(d for d in result.documents if d.id == TIMES)
    from syndtrace.paragraphs import paragraph_spans

    paragraphs = [times.text[s:e] for s, e in paragraph_spans(times.text, times.body_start)]
    for p in result.passages:
        mine = side_of(p, TIMES)
        # Each passage is one whole paragraph of the Times (less its final full stop).
        assert mine.whole_paragraphs
        assert sum(1 for para in paragraphs if para.rstrip(".") == mine.text) == 1, mine.text[:60]
        assert p.similarity == 100.0
    by_times = sorted(result.passages, key=lambda p: side_of(p, TIMES).start)
    weekly_order = [side_of(p, WEEKLY).start for p in by_times]
    assert weekly_order != sorted(weekly_order)  # the order really differs
    # The paragraph the Weekly embeds after a sentence of its own is not whole there.
    superintendent = one_passage_with(result, "Superintendent Carla Voss had proposed")
    assert not side_of(superintendent, WEEKLY).whole_paragraphs


def test_reordered_copy_edge():
    result, _ = run_case("reordered-passages")
    assert edge_kinds(result) == [(TIMES, WEEKLY, "copy")]
    assert set(result.edges[0].passages) == {p.id for p in result.passages}


# --- edited-quote ---------------------------------------------------------------------------

GAZETTE = "northfield-gazette"
METRO = "metro-daily-roundup"


def test_edited_quote_is_one_passage_across_the_cut_and_the_insertion():
    result, _ = run_case("edited-quote")
    quote = one_passage_with(result, "We studied every corner of this budget", "we had to find it somewhere")
    gazette, metro = side_of(quote, GAZETTE), side_of(quote, METRO)
    assert starts_with(gazette, "Mayor Ellen Cho defended the plan") and starts_with(metro, "Mayor Ellen Cho defended the plan")
    assert ". . ." in metro.text and "[Governor Dan Ruiz]" in metro.text
    assert has(gazette, "our parks and our police officers")  # the words the ellipsis cut
    assert not has(metro, "our parks and our police officers")
    assert [(i.doc, i.text, i.bracketed) for i in quote.insertions if i.bracketed] == [
        (METRO, "[Governor Dan Ruiz]", True)
    ]
    assert quote.quote == "both"
    assert 80 < quote.similarity < 100


def test_edited_quote_copy_edge_points_from_the_gazette():
    result, _ = run_case("edited-quote")
    assert edge_kinds(result) == [(GAZETTE, METRO, "copy")]
    evidence = {ev.kind: ev for ev in result.edges[0].evidence}
    assert evidence["insertion"].favours == GAZETTE
    assert evidence["date"].favours == GAZETTE
    metro = next(d for d in result.documents if d.id == METRO)
    assert metro.outlet == "Metro Daily"


# --- three-way ---------------------------------------------------------------------------------

MOUNTAIN, LAKESIDE, PINE = "mountain-times", "lakeside-daily", "pine-county-news"


def test_three_way_gives_one_tree_with_every_document():
    result, _ = run_case("three-way")
    assert len(result.tree) == 1
    assert len(result.pairs) == 3

    def ids(node: TreeNode) -> set[str]:
        return {node.id}.union(*(ids(c) for c in node.children))

    assert {MOUNTAIN, LAKESIDE, PINE} <= ids(result.tree[0])
    assert (MOUNTAIN, LAKESIDE, "credited-reprint") in edge_kinds(result)
    assert (LAKESIDE, PINE, "credited-reprint") in edge_kinds(result)
    # Lakeside's own paragraph reaches Pine County only through Lakeside.
    local = one_passage_with(result, "Lakeside business owners welcomed the news")
    assert {local.a.doc, local.b.doc} == {LAKESIDE, PINE}


def test_three_way_tree_is_source_then_reprint_then_copy_of_the_reprint():
    result, _ = run_case("three-way")
    outlets = {d.outlet for d in result.documents}
    assert [s.name for s in result.sources if s.name in outlets] == []
    assert [tree_shape(n) for n in result.tree] == [
        (MOUNTAIN, None, ((LAKESIDE, "credited-reprint", ((PINE, "credited-reprint", ()),)),))
    ]


def test_every_case_has_facts():
    """A new case must come with asserts of its key facts, not only a snapshot."""
    source = Path(__file__).read_text(encoding="utf-8")
    for name in CASES:
        assert re.search(rf'run_case\("{re.escape(name)}"\)', source), f"no fact test runs case {name!r}"


# --- other scripts and OCR'd archives ---------------------------------------------------------------


def edge_between(result: Result, source: str, copy: str):
    (edge,) = [e for e in result.edges if (e.source, e.copy) == (source, copy)]
    return edge


def test_urdu_copy_is_one_passage_whatever_its_marks_and_quotes():
    result, _ = run_case("urdu-agency-copy")
    (p,) = result.passages
    assert p.words >= 130 and p.similarity == 100.0  # decomposed madda, fatha and tatweel change no word
    for side in (p.a, p.b):
        # Two quotations of 7 and 9 words are quoted; the text between them (mirrored marks read
        # the wrong way round made it "quoted") is not.
        assert 0.05 < side.quoted < 0.2
    assert p.quote == "none" and p.authored_words >= 110
    # The copy's dateline, "(اے پی پی)", credits APP, whose own page it is.
    edge = edge_between(result, "app-wire", "daily-khabar")
    assert edge.kind == "credited-reprint"
    assert any(e.kind == "credit" and "(اے پی پی)" in e.detail for e in edge.evidence)


def test_arabic_copy_with_case_endings_and_tatweel_matches_word_for_word():
    result, _ = run_case("arabic-agency-copy")
    (p,) = result.passages
    assert p.words >= 70 and p.similarity == 100.0
    assert 0.05 < p.a.quoted < 0.2 and 0.05 < p.b.quoted < 0.2
    assert edge_between(result, "wire", "portal").kind == "copy"


def test_chinese_copy_is_matched_character_by_character():
    result, _ = run_case("chinese-xinhua-copy")
    (p,) = result.passages
    assert p.words >= 160  # characters: Chinese has no spaces between words
    assert p.similarity < 100.0  # 一千万 became １０００万
    assert has(p.b, "新华社北京6月3日电") and has(p.a, "收购进度快于上年同期")
    assert p.a.quoted > 0.1  # the official's words in “…”
    # The copy keeps Xinhua's dispatch line, "新华社北京6月3日电": it credits the agency.
    edge = edge_between(result, "xinhua", "portal")
    assert edge.kind == "credited-reprint" and any("新华社北京6月3日电" in e.detail for e in edge.evidence)


def test_japanese_copy_reads_corner_brackets_and_full_width_digits():
    result, _ = run_case("japanese-wire-copy")
    (p,) = result.passages
    assert p.words >= 180 and p.similarity == 100.0  # ８日 and 8日 are one after NFKC
    assert p.a.quoted == p.b.quoted == round(len("命を守るための行動を直ちに取ってほしい") / p.words, 4)  # inside 「…」
    # 共同通信 is Kyodo News, a wire: the local paper's same-day page is its copy.
    assert edge_between(result, "wire", "local").kind == "copy"


def test_ocr_archive_reprint_is_one_passage_dated_in_1857():
    result, _ = run_case("ocr-archive-reprint")
    (p,) = result.passages
    assert p.words >= 60 and p.similarity < 100.0
    dates = {d.id: d.date for d in result.documents}
    assert dates == {"courier": "1857-01-03", "argus": "1857-01-10"}
    edge = edge_between(result, "courier", "argus")
    assert edge.kind == "copy" and [e.kind for e in edge.evidence] == ["date"]
