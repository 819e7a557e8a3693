"""Benchmark syndtrace's scan against the plain datasketch pipeline (``make bench``).

    python bench/run.py --sizes 10000 100000 [--repeat 3] [--workers 2]
                        [--skip-baseline] [--skip-syndtrace] [--variants usual tuned]

For each size: generate the corpus (or reuse ``bench/out/corpus-N-sS`` when
its generator stamp matches), then in this one run time

* ``syndtrace.scan.scan`` in this process (wall time, stage split, candidates);
* the CLI end to end as a child process, ``syndtrace scan corpus.jsonl
  --format json -o ... --quiet`` (wall time and peak RSS, taken from
  ``os.wait4``: the largest resident set of the CLI or its workers);
* the baseline (``bench/baseline.py``) as a child process, per variant.

Recall: a truth pair is found when the tool links its two documents in either
direction: an edge of any kind but ``shared-quote`` for syndtrace, at least
one aligned passage for the baseline. ``unrelated`` counts linked pairs the
truth does not relate (not a pair, not one family, not a shared quote);
``base/synd`` is the baseline's wall time over syndtrace's (the CLI's when
it ran). ``parent`` (in-process scan only) is how often a copy hangs under
its true source in the tree (``scoring.parents``). The table is printed and
written to ``bench/out/results.json``; walls are medians over ``--repeat``
runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

from scoring import load_truth, parents, score  # noqa: E402
from stages import Stages  # noqa: E402

GENERATOR_FILES = ("generate.py", "synth.py", "outlets.py", "reuters_pool.py", "writer.py", "ocr_noise.py", "scripts_text.py")


def generator_stamp() -> str:
    """A hash of the generator's code: a cached corpus is reused only when it matches."""
    h = hashlib.sha256()
    for name in GENERATOR_FILES:
        h.update((BENCH / name).read_bytes())
    return h.hexdigest()[:16]


def ensure_corpus(size: int, seed: int) -> tuple[Path, float | None]:
    """The corpus directory for ``size``/``seed``, generated unless a matching one exists."""
    out = OUT / f"corpus-{size}-s{seed}"
    stamp_file = out / "generator.stamp"
    stamp = generator_stamp()
    if (out / "truth.json").exists() and stamp_file.exists() and stamp_file.read_text().strip() == stamp:
        return out, None
    from generate import generate

    t0 = time.perf_counter()
    summary = generate(size, seed, out)
    elapsed = time.perf_counter() - t0
    stamp_file.write_text(stamp + "\n")
    print(f"generated {size} articles in {elapsed:.1f}s ({summary['bytes'] / 1e6:.0f} MB)", file=sys.stderr)
    return out, elapsed


def doc_pairs(edges, ids: set[str]) -> list[tuple[str, str]]:
    """Document pairs linked by a reuse edge (any kind but ``shared-quote``; sources not in the corpus dropped)."""
    return [(e["source"], e["copy"]) for e in edges if e["kind"] != "shared-quote" and e["source"] in ids and e["copy"] in ids]


# Runs argv[2:] and writes its peak RSS (kB) to the file argv[1]. A child forked from
# this benchmark process counts the benchmark's own pages (hundreds of MB after an
# in-process scan) in its ru_maxrss until it execs; forked from this small launcher it
# does not, so the figure is the command's own.
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_child(cmd: list[str]) -> tuple[float, float | None, int, str]:
    """Run ``cmd``; return ``(wall s, peak RSS MB, exit code, stderr tail)``.

    ``os.wait4`` gives a child's own rusage; its ``ru_maxrss`` is the largest
    resident set of the child or any descendant it waited for (kB on Linux).
    It is read by a small launcher process (``_LAUNCHER``), not here.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, peak.name, *cmd], stdout=subprocess.DEVNULL, stderr=err, cwd=REPO
        )
        proc.wait()
        wall = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
        kb = peak.read().strip()
    return wall, (int(kb) / 1024 if kb else None), proc.returncode, tail


def run_scan(corpus: Path, workers: int | None) -> dict:
    """``syndtrace.scan.scan`` in this process."""
    from syndtrace.scan import scan
    from syndtrace.settings import Settings

    settings = Settings(workers=workers or 0)
    stages = Stages()
    t0 = time.perf_counter()
    result = scan([str(corpus / "corpus.jsonl")], settings, progress=stages)
    end = time.perf_counter()
    ids = {d.id for d in result.documents}
    edges = [{"source": e.source, "copy": e.copy, "kind": e.kind} for e in result.edges]
    totals = stages.totals()
    parent_of: dict[str, str] = {}
    stack = list(result.tree)
    while stack:
        node = stack.pop()
        for child in node.children:
            parent_of[child.id] = node.id
            stack.append(child)
    return {
        "wall_s": end - t0,
        "peak_rss_mb": None,  # shared with this process; see the CLI row
        "candidates": totals.get("pairs aligned"),
        "aligned_pairs": len(result.pairs),
        "stages_s": stages.split(end),
        "found": doc_pairs(edges, ids),
        "parent_of": parent_of,
    }


def run_cli(corpus: Path, workers: int | None, fmt: str = "json") -> dict:
    """The CLI end to end, as a child process, writing ``fmt``.

    ``jsonl`` streams the edges one per line and is read back a line at a time:
    a million articles' JSON (pairs and passages, several GB) would not fit
    in this process's memory once parsed.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"scan.{fmt}"
        cmd = [str(REPO / ".venv" / "bin" / "syndtrace"), "scan", str(corpus / "corpus.jsonl"), "--format", fmt,
               "-o", str(out), "--quiet"]  # fmt: skip
        if workers:
            cmd += ["--workers", str(workers)]
        wall, rss, code, err = run_child(cmd)
        if code not in (0, 1) or not out.exists():  # 1: some inputs were skipped, still a result
            raise RuntimeError(f"syndtrace scan failed (exit {code}):\n{err}")
        if fmt == "jsonl":
            with out.open(encoding="utf-8") as lines:
                data = {"edges": [json.loads(line) for line in lines if line.strip()]}
        else:
            data = json.loads(out.read_text(encoding="utf-8"))
    # JSONL holds edges only, and their ends include outside sources ("src:..."): the documents are the corpus's records.
    ids = {d["id"] for d in data.get("documents", [])} or corpus_ids(corpus / "corpus.jsonl")
    return {"format": fmt, "wall_s": wall, "peak_rss_mb": rss, "candidates": None, "aligned_pairs": len(data.get("pairs", [])),
            "found": doc_pairs(data["edges"], ids)}  # fmt: skip


def corpus_ids(path: Path) -> set[str]:
    """The ids of a generated corpus's records, read a line at a time."""
    with path.open(encoding="utf-8") as lines:
        return {json.loads(line)["id"] for line in lines if line.strip()}


def run_baseline(corpus: Path, variant: str) -> dict:
    """``bench/baseline.py`` as a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "baseline.json"
        cmd = [sys.executable, str(BENCH / "baseline.py"), str(corpus), "--variant", variant, "--json", str(out)]
        wall, rss, code, err = run_child(cmd)
        if code != 0:
            raise RuntimeError(f"baseline {variant} failed (exit {code}):\n{err}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return {"wall_s": wall, "peak_rss_mb": rss, "candidates": data["candidates"], "aligned_pairs": data["aligned_pairs"],
            "stages_s": data["stages_s"], "score": data["score"], "aligner": data["aligner"]}  # fmt: skip


def measure(name: str, fn, repeat: int, truth: dict) -> dict:
    """Run ``fn`` ``repeat`` times; keep the median wall, the largest RSS and the first run's findings."""
    runs = []
    for k in range(repeat):
        print(f"  {name}: run {k + 1}/{repeat}", file=sys.stderr, flush=True)
        runs.append(fn())
    row = dict(runs[0])
    row["walls_s"] = [round(r["wall_s"], 2) for r in runs]
    row["wall_s"] = round(statistics.median(r["wall_s"] for r in runs), 2)
    rss = [r["peak_rss_mb"] for r in runs if r["peak_rss_mb"] is not None]
    row["peak_rss_mb"] = round(max(rss), 1) if rss else None
    if "found" in row:
        row["score"] = score(row.pop("found"), truth)
    if "parent_of" in row:
        row["score"].update(parents(row.pop("parent_of"), truth))
    return {"tool": name, **row}


def _fmt(value, spec: str = "") -> str:
    return "-" if value is None else format(value, spec)


def table(rows: list[dict]) -> str:
    """The results as a fixed-width text table."""
    head = ("size", "tool", "wall s", "RSS MB", "candidates", "found", "recall", "excerpt", "unrelated", "parent", "base/synd")
    lines = [head]
    for r in rows:
        s = r["score"]
        lines.append((
            str(r["size"]), r["tool"], _fmt(r["wall_s"], ".1f"), _fmt(r["peak_rss_mb"], ".0f"), _fmt(r["candidates"]),
            f"{s['pairs_found']}/{s['truth_pairs']}", _fmt(s["recall"], ".3f"), _fmt(s["recall_excerpt"], ".3f"),
            str(s["unrelated_found"]), _fmt(s.get("parent"), ".3f"), _fmt(r.get("ratio"), ".2f"),
        ))  # fmt: skip
    widths = [max(len(line[k]) for line in lines) for k in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) if k != 1 else c.ljust(w) for k, (c, w) in enumerate(zip(line, widths))) for line in lines)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description="syndtrace vs a plain datasketch pipeline: speed, memory, recall.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool; the median wall time is reported")
    ap.add_argument("--baseline-repeat", type=int, help="runs per baseline variant (default: --repeat)")
    ap.add_argument("--workers", type=int, help="syndtrace worker processes (default: all cores)")
    ap.add_argument("--seed", type=int, default=1, help="corpus generator seed")
    ap.add_argument("--variants", nargs="+", default=["usual", "tuned"], choices=["usual", "tuned"])
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--skip-syndtrace", action="store_true")
    ap.add_argument("--skip-cli", action="store_true", help="time scan in-process only")
    ap.add_argument("--skip-inprocess", action="store_true", help="time the CLI only (a million articles: one scan, not two)")
    ap.add_argument("--cli-format", choices=["json", "jsonl"], default="json",
                    help="what the CLI writes (jsonl: edges streamed, for corpora whose JSON is too large to read back)")
    ap.add_argument("--output", type=Path, default=OUT / "results.json")
    args = ap.parse_args(argv)
    # The code measured is the code at the start: a long run must not name a later commit.
    commit = _git("rev-parse", "--short", "HEAD") + ("-dirty" if _git("status", "--porcelain", "--", "syndtrace") else "")
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    rows: list[dict] = []
    generated: dict[int, float | None] = {}
    for size in args.sizes:
        corpus, gen_s = ensure_corpus(size, args.seed)
        generated[size] = gen_s
        truth = load_truth(corpus)
        print(f"size {size}: {corpus}", file=sys.stderr)
        here: list[dict] = []
        if not args.skip_syndtrace:
            if not args.skip_inprocess:
                here.append(measure("syndtrace-scan", lambda c=corpus: run_scan(c, args.workers), args.repeat, truth))
            if not args.skip_cli:
                here.append(measure("syndtrace-cli", lambda c=corpus: run_cli(c, args.workers, args.cli_format),
                                    args.repeat, truth))  # fmt: skip
        if not args.skip_baseline:
            for variant in args.variants:
                here.append(measure(f"baseline-{variant}", lambda c=corpus, v=variant: run_baseline(c, v),
                                    args.baseline_repeat or args.repeat, truth))  # fmt: skip
        # The speed target compares end-to-end walls: the CLI when it ran, else scan in-process.
        ref = next((r["wall_s"] for r in here if r["tool"] == "syndtrace-cli"), None)
        ref = ref or next((r["wall_s"] for r in here if r["tool"] == "syndtrace-scan"), None)
        for r in here:
            r["size"] = size
            r["ratio"] = round(r["wall_s"] / ref, 2) if ref and r["tool"].startswith("baseline") else None
        rows.extend(here)
    print(table(rows))
    env = {
        "python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
        "workers": args.workers, "repeat": args.repeat, "seed": args.seed,
        "commit": commit,
        "started": started,
        "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"environment": env, "generated_s": generated, "rows": rows}, indent=1) + "\n")
    print(f"written: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
