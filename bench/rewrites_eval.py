"""How ``--rewrites`` fares on churnalism-dev: news written from press releases, most of it rewritten.

    python bench/rewrites_eval.py [--data ../shared/data/churnalism-dev]

Scans the corpus (reuse edges, as ``scan`` finds them), embeds every
document's lead once (cached in ``bench/out/churnalism-leads.npy``), then
applies ``syndtrace.rewrites``' rule at several cosine thresholds. A marked
pair is *right* when both documents belong to one study (the labels'
``group``): a story and its release, or two stories of one release. Recall
is over the stories that do not reuse their release verbatim (the labels'
``reuses`` false, "release-minor"): is (story, release) marked? The texts
stay in the data folder; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from syndtrace import rewrites  # noqa: E402
from syndtrace.scan import scan  # noqa: E402
from syndtrace.settings import Settings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "churnalism-dev")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.84, 0.86, 0.88, 0.90, 0.92])
    args = ap.parse_args(argv)
    labels = json.loads((args.data / "labels.json").read_text(encoding="utf-8"))
    result = scan([str(args.data / "corpus.jsonl")], Settings())
    docs = list(result.documents)
    cache = BENCH / "out" / "churnalism-leads.npy"
    leads_text = None
    if cache.exists() and len(np.load(cache)) == len(docs):
        vectors = np.load(cache)
    else:
        embed = rewrites.embedder()
        leads_text = [rewrites.lead(d, result.document_text(d)) for d in docs]
        vectors = np.concatenate([embed(leads_text[k : k + 32]) for k in range(0, len(leads_text), 32)])
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors)
    group = {d: v["group"] for d, v in labels["documents"].items()}
    minor = {(s, v["release"]) for s, v in labels["stories"].items() if not v["reuses"] and v.get("release")}
    print(f"{'cosine':>6} {'marked':>6} {'one study':>9} {'precision':>9} {'minor stories found':>19}")
    for threshold in args.thresholds:
        rewrites.MIN_COSINE = threshold
        found = rewrites.possible_rewrites(
            docs, result.document_text, result.edges, result.passages, all_pairs=False, embed=lambda texts: vectors
        )
        right = sum(group.get(r.a) == group.get(r.b) for r in found)
        pairs = {frozenset((r.a, r.b)) for r in found}
        hit = sum(frozenset(p) in pairs for p in minor)
        precision = right / len(found) if found else 0.0
        print(f"{threshold:>6.2f} {len(found):>6} {right:>9} {precision:>9.3f} {hit:>8}/{len(minor)} ({hit / len(minor):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
