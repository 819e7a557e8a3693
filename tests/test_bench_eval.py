"""``make eval``'s own score: the labelled directions the set's scorer leaves out (``bench/eval.py``)."""

from __future__ import annotations

from bench_modules import bench_module

from syndtrace.lineage import Edge, Result

LABELS = {"directions": [{"source": 1333, "copy": 8215}, {"source": 1333, "copy": 11438}, {"source": 7240, "copy": 12499}]}


def result(*edges: tuple[str, str, str]) -> Result:
    return Result((), (), tuple(Edge(s, c, kind, 0.8, (), (), 50, 0.5) for s, c, kind in edges), (), (), ())


def test_a_direction_is_right_only_with_a_directed_edge_from_source_to_copy():
    got = bench_module("eval").directions(
        result(
            ("1333", "8215", "credited-reprint"),  # right
            ("11438", "1333", "copy"),  # the wrong way round
            ("12499", "7240", "undetermined"),  # no direction claimed: not right either
        ),
        LABELS,
    )
    assert got == (1, 3)


def test_every_labelled_direction_found_scores_all_and_a_set_without_labels_scores_none():
    edges = [("1333", "8215", "copy"), ("1333", "11438", "copy"), ("7240", "12499", "credited-reprint")]
    assert bench_module("eval").directions(result(*edges), LABELS) == (3, 3)
    assert bench_module("eval").directions(result(*edges), {}) == (0, 0)
