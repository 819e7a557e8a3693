"""``make eval``'s quoted-names score (``bench/quoted_names.py``): its labels file and its arithmetic."""

from __future__ import annotations

from collections import Counter

import pytest
from bench_modules import bench_module


def test_the_shipped_labels_read_and_hold_each_name_once():
    labels, outlets = bench_module("quoted_names").read_labels()
    assert labels["American Express"] == 0 and labels["Jakarta Post"] == 1
    assert ("Saudi Press Agency", "Saudi Press Agency SPA") in outlets  # spellings of one outlet
    assert all(labels[n] == 1 for names in outlets for n in names)


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text("# comment\n1\tReuters\n2\tReuters\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.tsv:3: expected LABEL"):
        bench_module("quoted_names").read_labels(path)
    path.write_text("1\tReuters\n0\tReuters\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.tsv:2: 'Reuters' is labelled twice"):
        bench_module("quoted_names").read_labels(path)


def test_precision_counts_phrases_recall_counts_outlets_under_any_spelling():
    q = bench_module("quoted_names")
    labels = {"Reuters": 1, "Saudi Press Agency": 1, "Saudi Press Agency SPA": 1, "Jakarta Post": 1, "Star": 0}
    outlets = [("Reuters",), ("Saudi Press Agency", "Saudi Press Agency SPA"), ("Jakarta Post",)]
    res = q.score(Counter({"Reuters": 6, "Saudi Press Agency SPA": 2, "Star": 2, "Les Echos": 1}), labels, outlets)
    assert res["precision"] == 8 / 10 and res["recall"] == 2 / 3
    assert res["missed"] == ["Jakarta Post"] and res["wrong"] == {"Star": 2} and res["unlabelled"] == {"Les Echos": 1}
    assert q.below_target(res) == ["precision 0.800 < 0.95", "recall 0.667 < 0.9", "1 names unlabelled"]
