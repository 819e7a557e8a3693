"""The benchmark's scoring of a tree against a generated corpus's truth (``bench/scoring.py``)."""

from __future__ import annotations

import json

from bench_modules import bench_module

TRUTH = {
    "pairs": [
        ["orig", "r1", "reprint"],
        ["orig", "r2", "reprint"],
        ["r1", "second", "second-generation"],
        ["orig", "multi", "multi-source"],
        ["other", "multi", "multi-source"],
        ["orig", "ex", "excerpt"],
    ],
}


def test_a_copy_scores_when_it_hangs_under_its_true_source():
    tree = {"r1": "orig", "r2": "r1", "second": "r1", "multi": "other", "ex": "src:wire"}
    got = bench_module("scoring").parents(tree, TRUTH)
    assert got["parent_by_kind"] == {"excerpt": 0.0, "multi-source": 1.0, "reprint": 0.5, "second-generation": 1.0}
    assert got["parent"] == round(3 / 5, 4)


def test_a_second_generation_copy_under_the_original_misses():
    got = bench_module("scoring").parents({"r1": "orig", "r2": "orig", "second": "orig"}, TRUTH)
    assert got["parent_by_kind"]["second-generation"] == 0.0
    assert got["parent_by_kind"]["multi-source"] == 0.0  # a root: no parent at all


def test_the_cli_row_counts_pairs_of_corpus_documents_only(tmp_path, monkeypatch):
    # JSONL holds edges only; an edge from an outside source ("src:reuters", "quoted") is no pair
    # of documents, whatever its other end (the 1M run once counted 33,861 such as unrelated pairs).
    run = bench_module("run")
    (tmp_path / "corpus.jsonl").write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    edges = [
        {"source": "a", "copy": "b", "kind": "copy"},
        {"source": "src:reuters", "copy": "a", "kind": "quoted"},
        {"source": "a", "copy": "b", "kind": "shared-quote"},
    ]

    def fake_child(cmd):
        out = cmd[cmd.index("-o") + 1]
        with open(out, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(e) + "\n" for e in edges)
        return 1.0, 10.0, 0, ""

    monkeypatch.setattr(run, "run_child", fake_child)
    assert run.run_cli(tmp_path, 1, "jsonl")["found"] == [("a", "b")]
