"""The curve: time and memory of a scan against the number of articles, as a PNG.

    python bench/plot.py bench/out/results-10k.json bench/out/results-100k.json bench/out/results-1m.json \
        --output docs/curve.png

Reads ``bench/run.py`` result files and plots, per corpus size, the CLI's
wall time (else the in-process scan's) and peak RSS, with the time per
article beside them: a scan whose cost grows with the articles draws a
straight line on these log-log axes, and a flat time per article.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def points(paths: list[Path]) -> list[dict]:
    """One point per corpus size: ``articles``, ``wall_s``, ``peak_rss_mb`` (the CLI's where it ran)."""
    by_size: dict[int, dict] = {}
    for path in paths:
        for row in json.loads(path.read_text())["rows"]:
            if not row["tool"].startswith("syndtrace"):
                continue
            have = by_size.get(row["size"])
            # The CLI, end to end with the JSON written, wins over the in-process scan.
            if have is None or row["tool"] == "syndtrace-cli":
                point = {"articles": row["size"], "wall_s": row["wall_s"], "tool": row["tool"]}
                point["peak_rss_mb"] = row.get("peak_rss_mb") or (have or {}).get("peak_rss_mb")
                by_size[row["size"]] = point
    return [by_size[k] for k in sorted(by_size)]


def plot(pts: list[dict], output: Path) -> None:
    """Draw the three panels into ``output`` (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [p["articles"] for p in pts]
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    panels = (
        ("wall time (s)", [p["wall_s"] for p in pts]),
        ("time per article (ms)", [1000 * p["wall_s"] / p["articles"] for p in pts]),
        ("peak memory (MB)", [p["peak_rss_mb"] for p in pts]),
    )
    for ax, (label, values) in zip(axes, panels):
        shown = [(x, y) for x, y in zip(n, values) if y is not None]
        ax.plot([x for x, _ in shown], [y for _, y in shown], marker="o")
        for x, y in shown:
            ax.annotate(f"{y:,.0f}" if y >= 10 else f"{y:.2f}", (x, y), textcoords="offset points", xytext=(4, 4), fontsize=8)
        ax.set_xscale("log")
        if label != "time per article (ms)":
            ax.set_yscale("log")
        else:  # from zero: a flat line is the claim, and a cropped axis would make noise look like growth
            ax.set_ylim(0, 1.2 * max(y for _, y in shown))
        ax.set_xlabel("articles")
        ax.set_title(label, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
    fig.suptitle("syndtrace scan (2 workers): sparse corpora of bench/generate.py", fontsize=10)
    fig.tight_layout()
    fig.savefig(output, dpi=100)


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", type=Path, nargs="+", help="bench/run.py result files")
    ap.add_argument("--output", type=Path, default=Path("docs/curve.png"))
    args = ap.parse_args(argv)
    pts = points(args.results)
    if not pts:
        ap.error("no syndtrace rows in the result files")
    plot(pts, args.output)
    for p in pts:
        rss = f"{p['peak_rss_mb']:.0f} MB" if p["peak_rss_mb"] else "-"
        print(f"{p['articles']:>9,} articles  {p['wall_s']:8.1f} s  {1000 * p['wall_s'] / p['articles']:.3f} ms/article  {rss}  ({p['tool']})")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
