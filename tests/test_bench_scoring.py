"""The benchmark's scoring of a tree against a generated corpus's truth (``bench/scoring.py``)."""

from __future__ import annotations

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
