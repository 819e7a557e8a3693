"""The wire generator (bench/wire.py), its checks (bench/wire_check.py) and its scorer (bench/wire_score.py).

The generator needs the Reuters-21578 files, in ``../shared/data/reuters21578``
beside the repository or where ``SYNDTRACE_REUTERS`` points (skipped
otherwise). It runs on a pool built from the first Reuters file, with 80
stories of 3-12 carriers: small enough for a second, synthetic epoch of text,
so both kinds of text are checked. The scorer's own tests need no Reuters
text.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench_modules import bench_module
from syndtrace.cli import main as cli

REPO = Path(__file__).resolve().parents[1]
REUTERS = Path(os.environ.get("SYNDTRACE_REUTERS") or REPO.parent / "shared" / "data" / "reuters21578")
STORIES, SEED, CARRIERS = 80, 7, (3, 12)
RUN = 8
WORD = re.compile(r"[a-z0-9]+")

needs_reuters = pytest.mark.skipif(not (REUTERS / "reut2-000.sgm").is_file(), reason=f"Reuters-21578 not found at {REUTERS}")
wire = bench_module("wire")
check = bench_module("wire_check")
scorer = bench_module("wire_score")


def _run(out: Path, seed: int = SEED, stories: int = STORIES, carriers=CARRIERS) -> dict:
    return wire.generate(stories, seed, out, carriers, 4, REUTERS, REPO / "bench" / "out" / "cache", pool_files=1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """``(out_dir, records, truth, summary)`` of the test corpus."""
    out = tmp_path_factory.mktemp("wire")
    summary = _run(out)
    records, truth = check.load(out)
    return out, records, truth, summary


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@needs_reuters
def test_same_options_same_bytes(corpus, tmp_path):
    out, _, _, _ = corpus
    _run(tmp_path / "again")
    for name in ("corpus.jsonl", "truth.json"):
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes(), name
    _run(tmp_path / "other", seed=SEED + 1)
    assert (tmp_path / "other" / "corpus.jsonl").read_bytes() != (out / "corpus.jsonl").read_bytes()


@needs_reuters
def test_records(corpus):
    _, records, truth, summary = corpus
    assert summary["epochs"] >= 2, "the test corpus should reach synthetic text"
    authors = {a for s in bench_module("wire_sources").SOURCES for a in s.authors}
    dated = undated = timed = 0
    for rec in records:
        assert set(rec) - {"date", "author"} == {"id", "outlet", "title", "text"}
        assert rec["text"].startswith(rec["title"])
        if "author" in rec:
            assert rec["author"] in authors, rec["author"]  # metadata authors only ever name an agency
        if "date" not in rec:
            undated += 1
        elif "T" in rec["date"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00(Z|[+-]\d\d:\d\d)", rec["date"])
            timed += 1
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"])
            dated += 1
    assert dated and undated and timed
    kinds = {p["kind"] for p in truth["parents"].values()}
    assert kinds >= {"original", "version", "subscriber", "aggregator", "second-generation", "compilation", "quoted", "solo"}
    assert {c["kind"] for c in truth["compilations"].values()} == {"latest", "brief", "embed"}
    assert truth["background"] and truth["shared_statement_groups"] and truth["traps"]


@needs_reuters
def test_truth_is_whole(corpus):
    _, records, truth, _ = corpus
    assert check.truth_problems(records, truth) == []
    ids = {r["id"] for r in records}
    names = {st["source_name"] for st in truth["stories"].values()}
    for doc, p in truth["parents"].items():
        assert p["parent"] is None or p["parent"] in ids or p["parent"] in names, (doc, p)


@needs_reuters
def test_versions_in_time_order(corpus):
    _, records, truth, _ = corpus
    by_id = {r["id"]: r for r in records}
    several = 0
    for st in truth["stories"].values():
        times = [by_id[v]["date"] for v in st["versions"]]
        assert all("T" in t for t in times)
        assert times == sorted(times)  # one agency, one zone: the text sorts as the time
        several += len(times) > 1
    assert several


def _reference_unrelated(records: list[dict], truth: dict) -> set[tuple[str, str]]:
    """Pairs of unrelated pages sharing an 8-word run, by plain dictionaries (slow, obviously right)."""
    lines = set(truth["lines"])
    keys = check.relation_keys(truth)
    holders: dict[tuple[str, ...], set[str]] = {}
    for rec in records:
        w = words("\n\n".join(p for p in rec["text"].split("\n\n")[1:] if p not in lines))
        for i in range(len(w) - RUN + 1):
            holders.setdefault(tuple(w[i : i + RUN]), set()).add(rec["id"])
    bad = set()
    for docs in holders.values():
        docs = sorted(docs)
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if not keys.get(a, frozenset()) & keys.get(b, frozenset()):
                    bad.add((a, b))
    return bad


@needs_reuters
def test_unrelated_pages_share_no_8_word_run(corpus):
    _, records, truth, _ = corpus
    assert _reference_unrelated(records, truth) == set()
    assert check.unrelated_runs(records, truth) == []


@needs_reuters
def test_the_run_check_finds_a_planted_run(corpus):
    _, records, truth, _ = corpus
    solos = [d for d, p in truth["parents"].items() if p["kind"] == "solo"]
    a, b = solos[:2]
    records = copy.deepcopy(records)
    rec_a = next(r for r in records if r["id"] == a)
    rec_b = next(r for r in records if r["id"] == b)
    lines = set(truth["lines"])
    body = [p for p in rec_a["text"].split("\n\n")[1:] if p not in lines and len(words(p)) >= 12]
    planted = " ".join(words(body[-1])[:12])  # twelve words of the solo's last paragraph
    rec_b["text"] = rec_b["text"].replace("\n\n", f"\n\nAs reported: {planted}.\n\n", 1)
    assert _reference_unrelated([rec_a, rec_b], truth) == {tuple(sorted((a, b)))}
    found = check.unrelated_runs(records, truth)  # the whole corpus: that pair and nothing else
    assert [tuple(sorted(x[:2])) for x in found] == [tuple(sorted((a, b)))]


def _instant(text: str) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if "T" in text else None


@needs_reuters
def test_second_generations_are_printed_after_their_intermediates(corpus):
    """Each outlet prints its own zone's time of one instant: a copy never reads as published before its source."""
    _, records, truth, _ = corpus
    by_id = {r["id"]: r for r in records}
    timed = later = 0
    for doc, p in truth["parents"].items():
        if p["kind"] != "second-generation":
            continue
        mine, theirs = by_id[doc].get("date"), by_id[p["parent"]].get("date")
        shows = set(p["shows"])
        if mine and theirs and _instant(mine) and _instant(theirs):
            timed += 1
            assert _instant(mine) >= _instant(theirs), (doc, mine, theirs)
            if _instant(mine) - _instant(theirs) >= dt.timedelta(minutes=30):
                later += 1
                assert "dated later" in shows, doc
        if not (mine and theirs):
            assert "dated later" not in shows, doc
        if "names its intermediate" in shows:
            assert by_id[p["parent"]]["outlet"] in by_id[doc]["text"], doc
    assert timed and later


@needs_reuters
def test_second_generations_carry_their_intermediates_additions(corpus):
    _, records, truth, _ = corpus
    assert check.second_generation_problems(records, truth) == []
    by_id = {r["id"]: r for r in records}
    seconds = [(d, p) for d, p in truth["parents"].items() if p["kind"] == "second-generation"]
    assert seconds
    kinds = set()
    for doc, p in seconds:
        inter = truth["parents"][p["parent"]]
        assert inter["kind"] == "subscriber" and inter["story"] == p["story"]
        assert by_id[doc]["outlet"] != by_id[p["parent"]]["outlet"]
        kinds |= {c["kind"] for c in p["carries"]}
    assert kinds >= {"local", "footer"}


@needs_reuters
def test_compilations_draw_on_each_of_their_stories(corpus):
    _, records, truth, _ = corpus
    assert check.compilation_problems(records, truth) == []


@needs_reuters
def test_carriers_per_story(tmp_path):
    _run(tmp_path, stories=6, carriers=(40, 40))
    _, truth = check.load(tmp_path)
    for sid, st in truth["stories"].items():
        if st["kind"] == "wire":
            first = [m for m in st["members"] if truth["parents"][m]["kind"] in ("subscriber", "aggregator")]
            assert len(first) == 40, sid


def test_carriers_option_is_checked(capsys):
    with pytest.raises(SystemExit) as err:
        wire.main(["--stories", "10", "--out", "x", "--carriers", "30-3", "--reuters", str(REPO)])
    assert err.value.code == 2
    assert "--carriers" in capsys.readouterr().err


# -- the scorer -------------------------------------------------------------------------------------------------


def _truth() -> dict:
    """A hand-made truth: an AP story with its page, three subscribers and a second generation, a Reuters
    story known only through two subscribers, a compilation of both, and a solo."""
    parents = {
        "ap1": {"parent": None, "kind": "original", "story": "s1"},
        "sub1": {"parent": "ap1", "kind": "subscriber", "story": "s1"},
        "sub2": {"parent": "ap1", "kind": "subscriber", "story": "s1"},
        "sub3": {"parent": "Associated Press", "kind": "subscriber", "story": "s1"},
        "gen2": {"parent": "sub1", "kind": "second-generation", "story": "s1"},
        "r1": {"parent": "Reuters", "kind": "subscriber", "story": "s2"},
        "r2": {"parent": "Reuters", "kind": "aggregator", "story": "s2"},
        "brief": {"parent": None, "kind": "compilation", "story": None, "stories": ["s1", "s2"]},
        "solo": {"parent": None, "kind": "solo", "story": "s3"},
    }
    stories = {
        "s1": {"kind": "wire", "source_name": "Associated Press", "source_aliases": ["AP"], "title": "t1",
               "members": ["ap1", "brief", "gen2", "sub1", "sub2", "sub3"], "versions": ["ap1"]},
        "s2": {"kind": "wire", "source_name": "Reuters", "source_aliases": [], "title": "t2",
               "members": ["brief", "r1", "r2"], "versions": []},
        "s3": {"kind": "solo", "source_name": "Local Times", "source_aliases": [], "title": "t3",
               "members": ["solo"], "versions": []},
    }  # fmt: skip
    return {"stories": stories, "parents": parents, "compilations": {"brief": {"kind": "brief", "stories": ["s1", "s2"]}}}


def _family(gold: dict, member: str) -> dict:
    return next(f for f in gold["families"] if member in f["members"] and member != "brief")


def _node(tree: dict, nid: str) -> tuple[dict, dict | None]:
    """``(node, parent node)`` of ``nid`` in ``tree``."""
    todo = [(tree, None)]
    while todo:
        node, up = todo.pop()
        if node["id"] == nid:
            return node, up
        todo += [(c, node) for c in node["children"]]
    raise KeyError(nid)


def _move(gold: dict, member: str, under: str) -> None:
    """Hang ``member`` under ``under`` in the gold family tree that holds it."""
    tree = _family(gold, member)["tree"]
    node, up = _node(tree, member)
    up["children"].remove(node)
    _node(tree, under)[0]["children"].append(node)


def _scores(truth: dict, out: dict) -> tuple:
    r = scorer.score(truth, out, scorer.Names({}))
    parts = ("siblings", "second_generation", "sources", "compilations")
    return (r["ari"], *(r[k]["ratio"] for k in parts))


def test_gold_prediction_scores_one():
    truth = _truth()
    assert _scores(truth, scorer.gold_prediction(truth)) == (1.0, 1.0, 1.0, 1.0, 1.0)


def test_a_subscriber_under_a_sibling_is_a_miss():
    truth = _truth()
    gold = scorer.gold_prediction(truth)
    _move(gold, "sub2", "sub3")
    r = scorer.score(truth, gold, scorer.Names({}))
    assert r["siblings"]["ratio"] == 0.8  # 4 of 5 first-generation copies
    assert r["siblings"]["misses"] == {"under another subscriber": 1}
    assert r["ari"] == 1.0 and r["second_generation"]["ratio"] == 1.0


def test_a_second_generation_under_the_source_is_a_miss():
    truth = _truth()
    gold = scorer.gold_prediction(truth)
    _move(gold, "gen2", "ap1")
    assert _scores(truth, gold) == (1.0, 1.0, 0.0, 1.0, 1.0)


def test_a_second_generation_linked_but_undirected_counts_apart():
    """Under the source, but an edge says it and its intermediate share what only one added: linked, not placed."""
    truth = _truth()
    truth["parents"]["gen2"]["shows"] = []
    gold = scorer.gold_prediction(truth)
    _move(gold, "gen2", "ap1")
    r = scorer.score(truth, gold, scorer.Names({}))
    assert r["second_generation"]["ratio"] == 0.0 and r["second_generation_linked"]["ratio"] == 0.0
    assert r["second_generation_shown"]["total"] == 0  # nothing in its text or dates shows the order
    siblings = {"kind": "siblings", "favours": None, "weight": 0.0, "detail": "neither copied the other"}
    gold["edges"] = [{"source": "gen2", "copy": "sub1", "kind": "undetermined", "evidence": [siblings]}]
    assert scorer.score(truth, gold, scorer.Names({}))["second_generation_linked"]["ratio"] == 0.0
    carried = {"kind": "carried", "favours": None, "weight": 0.0, "detail": "one copied the other"}
    gold["edges"] = [{"source": "gen2", "copy": "sub1", "kind": "undetermined", "evidence": [carried]}]
    assert scorer.score(truth, gold, scorer.Names({}))["second_generation_linked"]["ratio"] == 1.0
    truth["parents"]["gen2"]["shows"] = ["trimmed"]
    r = scorer.score(truth, gold, scorer.Names({}))
    assert (r["second_generation_shown"]["hit"], r["second_generation_shown"]["total"]) == (0, 1)


def test_merged_families_lower_ari_and_sources():
    truth = _truth()
    gold = scorer.gold_prediction(truth)
    a, b = _family(gold, "sub1"), _family(gold, "r1")
    a["members"] = sorted(set(a["members"]) | set(b["members"]))
    a["tree"]["children"] += b["tree"]["children"]
    gold["families"].remove(b)
    ari, siblings, second, sources, comps = _scores(truth, gold)
    assert ari < 1.0
    assert sources == 0.5  # the Reuters story's family is now rooted at the Associated Press
    assert siblings == 0.6  # the Reuters copies hang under an Associated Press node
    assert (second, comps) == (1.0, 1.0)


def test_a_page_left_out_and_a_wrong_root_name():
    truth = _truth()
    gold = scorer.gold_prediction(truth)
    fam = _family(gold, "r1")
    fam["members"].remove("r2")
    node, up = _node(fam["tree"], "r2")
    up["children"].remove(node)
    fam["root_name"] = "Reuters/Ipsos"
    r = scorer.score(truth, gold, scorer.Names({}))
    assert r["ari"] < 1.0 and r["sources"]["ratio"] == 0.5
    assert r["siblings"]["misses"] == {"in no tree": 1}
    assert r["misses"]["sources"][0]["root_name"] == "Reuters/Ipsos"


def test_names_compare_by_key_and_alias():
    names = scorer.Names(scorer.known_aliases())
    story = {"source_name": "Associated Press", "source_aliases": []}
    for printed in ("Associated Press", "The Associated Press", "associated press", "AP", "apnews.com"):
        assert names.names(story, printed), printed
    assert not names.names(story, "Associated Press of Pakistan")
    assert not names.names(story, "Reuters")
    assert not names.names({"source_name": "PA Media", "source_aliases": []}, "Associated Press")
    story = {"source_name": "Chicago Tribune", "source_aliases": ["Tribune News Service"]}
    assert names.names(story, "Tribune News Service") and not names.names(story, "Tribune News Service", strict=True)


def test_ari_by_hand():
    assert scorer.ari([0, 0, 1, 1], [5, 5, 7, 7]) == 1.0
    assert scorer.ari([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)  # computed by hand from the pair counts


@needs_reuters
def test_scorer_reads_syndtrace_output(tmp_path):
    _run(tmp_path, stories=5, carriers=(3, 4))
    out = tmp_path / "out.json"
    args = ["scan", str(tmp_path / "corpus.jsonl"), "--format", "json", "-q", "--workers", "1", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    truth = json.loads((tmp_path / "truth.json").read_text())
    r = scorer.score(truth, json.loads(out.read_text()))
    assert r["documents_in_output"] == r["documents"] == truth["documents"]
    assert r["families"] >= 1
    assert 0 < r["siblings"]["total"] and r["siblings"]["total"] == sum(
        p["kind"] in ("subscriber", "aggregator") for p in truth["parents"].values()
    )
