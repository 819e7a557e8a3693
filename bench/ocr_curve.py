"""Recall against OCR noise (``make bench``): the generator's corpus read by a noisy OCR.

    python bench/ocr_curve.py [--articles 2000] [--rates 0 0.02 0.05 0.10] [--output FILE]

For each rate, the corpus of ``--articles`` articles (``generate.py
--ocr-rate``: every article's text has that share of its characters changed,
each article read separately, so both sides of a pair carry their own
errors) is scanned in this process with ``--ocr`` and without it. Printed
and written as JSON: recall over the truth pairs (all, excerpts), the
candidates aligned, unrelated pairs linked (false pairs: neither a truth
pair, one family nor a shared quote) and the wall time. Corpora are cached
in ``bench/out/corpus-N-sS-ocrR`` like ``run.py``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import OUT, doc_pairs, generator_stamp  # noqa: E402
from scoring import load_truth, score  # noqa: E402
from stages import Stages  # noqa: E402


def ensure_noisy_corpus(size: int, seed: int, rate: float, reuters: Path | None = None) -> Path:
    """The corpus for ``size``/``seed`` at OCR ``rate``, generated unless a matching one exists."""
    from generate import DEFAULT_REUTERS, generate

    out = OUT / f"corpus-{size}-s{seed}-ocr{rate:g}"
    stamp_file = out / "generator.stamp"
    stamp = generator_stamp()
    if (out / "truth.json").exists() and stamp_file.exists() and stamp_file.read_text().strip() == stamp:
        return out
    generate(size, seed, out, reuters or DEFAULT_REUTERS, ocr_rate=rate)
    stamp_file.write_text(stamp + "\n")
    return out


def scan_scores(corpus: Path, ocr: bool, workers: int) -> dict:
    """One in-process scan of ``corpus``: recall, candidates, unrelated pairs, wall."""
    from syndtrace.scan import scan
    from syndtrace.settings import Settings

    stages = Stages()
    t0 = time.perf_counter()
    result = scan([str(corpus / "corpus.jsonl")], Settings(workers=workers, ocr=ocr), progress=stages)
    wall = time.perf_counter() - t0
    ids = {d.id for d in result.documents}
    edges = [{"source": e.source, "copy": e.copy, "kind": e.kind} for e in result.edges]
    s = score(doc_pairs(edges, ids), load_truth(corpus))
    return {
        "ocr": ocr,
        "wall_s": round(wall, 1),
        "candidates": stages.totals().get("pairs aligned"),
        "recall": s["recall"],
        "recall_excerpt": s["recall_excerpt"],
        "recall_by_kind": s["recall_by_kind"],
        "unrelated": s["unrelated_found"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rates", type=float, nargs="+", default=[0.0, 0.02, 0.05, 0.10])
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--reuters", type=Path, default=None, help="the Reuters-21578 directory")
    ap.add_argument("--output", type=Path, default=OUT / "ocr-curve.json")
    args = ap.parse_args(argv)
    rows = []
    print(f"{'OCR rate':>8} {'--ocr':>5} {'recall':>7} {'excerpt':>7} {'candidates':>10} {'unrelated':>9} {'wall s':>7}")
    for rate in args.rates:
        corpus = ensure_noisy_corpus(args.articles, args.seed, rate, args.reuters)
        for ocr in (True, False):
            row = {"rate": rate, **scan_scores(corpus, ocr, args.workers)}
            rows.append(row)
            print(
                f"{rate:>8.0%} {'on' if ocr else 'off':>5} {row['recall']:>7.3f} {row['recall_excerpt'] or 0:>7.3f}"
                f" {row['candidates'] or 0:>10,} {row['unrelated']:>9} {row['wall_s']:>7.1f}",
                flush=True,
            )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"articles": args.articles, "seed": args.seed, "rows": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
