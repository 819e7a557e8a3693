"""bench/plot.py: the curve's points from bench/run.py results, and the PNG it draws."""

from __future__ import annotations

import json

import pytest

from bench_modules import bench_module


def _results(path, rows):
    path.write_text(json.dumps({"rows": rows}))
    return path


def test_points_take_the_cli_where_it_ran_and_the_scan_elsewhere(tmp_path):
    plot = bench_module("plot")
    a = _results(tmp_path / "a.json", [
        {"tool": "syndtrace-scan", "size": 10000, "wall_s": 9.0, "peak_rss_mb": None},
        {"tool": "syndtrace-cli", "size": 10000, "wall_s": 10.0, "peak_rss_mb": 150.0},
        {"tool": "baseline-usual", "size": 10000, "wall_s": 30.0, "peak_rss_mb": 600.0},
    ])  # fmt: skip
    b = _results(tmp_path / "b.json", [{"tool": "syndtrace-scan", "size": 1000000, "wall_s": 1500.0, "peak_rss_mb": None}])
    pts = plot.points([b, a])
    assert [(p["articles"], p["wall_s"], p["peak_rss_mb"], p["tool"]) for p in pts] == [
        (10000, 10.0, 150.0, "syndtrace-cli"),
        (1000000, 1500.0, None, "syndtrace-scan"),
    ]


def test_the_plot_is_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    plot = bench_module("plot")
    pts = [{"articles": 10**k, "wall_s": 2.0 * 10 ** (k - 3), "peak_rss_mb": 100.0 * k, "tool": "syndtrace-cli"} for k in (4, 5, 6)]
    out = tmp_path / "curve.png"
    plot.plot(pts, out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
