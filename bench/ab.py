"""Measure a change: in-process scans of two source trees, run alternately, back to back.

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/ab.py /tmp/before . bench/out/corpus-100000-s1/corpus.jsonl --rounds 3

The machines are shared and drift by tens of percent over minutes, so two
``make bench`` runs half an hour apart cannot tell a 20% change from noise.
Here each round runs ``syndtrace.scan.scan`` once per tree, one right after
the other, each in a fresh interpreter with that tree first on
``sys.path``; every stage's wall time and the CPU time of the parent and of
its worker processes are printed, then the medians per tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# Run in the child, with the tree first on sys.path: the scan, with bench/stages.py's sink.
_CHILD = r"""
import json, sys, time
sys.path.append(sys.argv[3])
from stages import Stages
from syndtrace.scan import scan
from syndtrace.settings import Settings

import syndtrace
assert syndtrace.__file__.startswith(sys.argv[4]), f"imported {syndtrace.__file__}, not the tree's"
sink = Stages()
t0 = time.perf_counter()
scan([sys.argv[1]], Settings(workers=int(sys.argv[2])), progress=sink)
print(json.dumps({"total": time.perf_counter() - t0, "stages": sink.usage()}))
"""


def run_once(tree: Path, corpus: str, workers: int) -> dict:
    """One in-process scan of ``corpus`` with the code of ``tree``; its timings.

    The child runs in ``tree``: ``python -c`` puts its working directory
    first on ``sys.path``, before ``PYTHONPATH``, so run from elsewhere (this
    repository) it would import that directory's ``syndtrace`` instead.
    """
    env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
    cmd = [sys.executable, "-c", _CHILD, str(Path(corpus).resolve()), str(workers), str(BENCH), str(tree.resolve())]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree.resolve())
    if out.returncode:
        raise SystemExit(f"{tree}: the scan failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="source tree of the old code (a git worktree)")
    ap.add_argument("after", type=Path, help="source tree of the new code")
    ap.add_argument("corpus", help="a JSONL corpus, e.g. bench/out/corpus-10000-s1/corpus.jsonl")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    totals: dict[str, list[float]] = {"before": [], "after": []}
    for round_ in range(1, args.rounds + 1):
        for label, tree in (("before", args.before), ("after", args.after)):
            timing = run_once(tree, args.corpus, args.workers)
            totals[label].append(timing["total"])
            stages = ", ".join(
                f"{name} {s['wall']:.1f} s (cpu {s['parent_cpu']:.1f} + workers {s['workers_cpu']:.1f})"
                for name, s in timing["stages"].items()
            )  # fmt: skip
            print(f"round {round_} {label:6} total {timing['total']:.1f} s: {stages}", flush=True)
    before, after = statistics.median(totals["before"]), statistics.median(totals["after"])
    print(f"median total: before {before:.1f} s, after {after:.1f} s ({before / after:.2f}x)")


if __name__ == "__main__":
    main()
