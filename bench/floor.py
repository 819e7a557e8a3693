"""How fast could any pure-Python scan of a corpus be? The floor, measured.

The issue's target is 100k articles end to end in 10 s on two cores. This
times the least a scan must do, each piece by the fastest tool at hand, on
one core in this process, and adds the pieces up with the parallel ones
divided by the core count (an ideal split, no overhead):

1. read the corpus file and parse every JSONL line (orjson; serial: the
   lines must be split and each parsed before anything else);
2. fingerprint every text (``syndtrace.fingerprint``, numpy over UTF-8
   bytes: the scan's own fastest stage; parallel);
3. pick candidate pairs (``syndtrace.index``, numpy sorts; serial);
4. align each candidate's words, nothing more (rapidfuzz's C++
   ``Indel.opcodes`` over ``str.split()`` word lists: no offsets, quotes,
   credits, direction, families or output; parallel), timed on a sample of
   the candidates and scaled to all of them.

A real scan also analyses articles (metadata, credits, quotations),
attributes passages, decides directions, builds the families and writes
the result, so it cannot be faster than this sum.

    python bench/floor.py bench/out/corpus-100000-s1/corpus.jsonl
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import orjson
from rapidfuzz.distance import Indel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from syndtrace.gather import title_code  # noqa: E402
from syndtrace.fingerprint import batch_fingerprints  # noqa: E402
from syndtrace.index import candidate_pairs  # noqa: E402
from syndtrace.names import outlet_key  # noqa: E402
from syndtrace.settings import Settings  # noqa: E402

_BATCH = 400  # texts per fingerprint batch, as syndtrace.scan uses


def floor(corpus: Path, cores: int, sample: int, seed: int) -> dict:
    """The measured pieces (seconds on one core) and their ideal sum on ``cores`` cores."""
    settings = Settings()
    t0 = time.perf_counter()
    data = corpus.read_bytes()
    records = [orjson.loads(line) for line in data.splitlines() if line.strip()]
    parsed = time.perf_counter() - t0

    t0 = time.perf_counter()
    parts = []
    for start in range(0, len(records), _BATCH):
        texts = [r["text"].encode("utf-8") for r in records[start : start + _BATCH]]
        hashes, docs = batch_fingerprints(texts, settings.shingle_size, settings.window)
        parts.append((hashes, docs + start))
    hashes = np.concatenate([h for h, _ in parts])
    docs = np.concatenate([d for _, d in parts])
    fingerprinted = time.perf_counter() - t0

    t0 = time.perf_counter()
    codes: dict[str, int] = {}
    outlet = np.array([codes.setdefault(outlet_key(r["outlet"]), len(codes)) if r.get("outlet") else -1 for r in records])
    # As the scan codes titles: the record's, else the text's first line (the generator writes both).
    title = np.array([title_code(r.get("title") or r["text"].lstrip()[:200].split("\n", 1)[0]) for r in records])
    cand = candidate_pairs(hashes, docs, outlet, title, settings)
    indexed = time.perf_counter() - t0

    pairs = list(zip(cand.left.tolist(), cand.right.tolist()))
    picked = random.Random(seed).sample(pairs, min(sample, len(pairs)))
    words = {k: records[k]["text"].split() for pair in picked for k in pair}
    t0 = time.perf_counter()
    for i, j in picked:
        Indel.opcodes(words[i], words[j])
    per_pair = (time.perf_counter() - t0) / max(1, len(picked))
    aligned = per_pair * len(pairs)

    total = parsed + indexed + (fingerprinted + aligned) / cores
    return {
        "articles": len(records),
        "megabytes": round(len(data) / 1e6),
        "candidates": len(pairs),
        "sampled_pairs": len(picked),
        "one_core_s": {
            "read_and_parse": round(parsed, 2),
            "fingerprint": round(fingerprinted, 2),
            "candidates": round(indexed, 2),
            "align_words": round(aligned, 2),
        },
        "align_ms_per_pair": round(per_pair * 1e3, 3),
        "cores": cores,
        "floor_s": round(total, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus.jsonl (bench/generate.py)")
    parser.add_argument("--cores", type=int, default=2, help="cores the parallel pieces are divided over [2]")
    parser.add_argument("--sample", type=int, default=5000, help="candidate pairs aligned to time the alignment [5000]")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = floor(args.corpus, args.cores, args.sample, args.seed)
    print(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode())
    split = out["one_core_s"]
    print(
        f"floor for {out['articles']:,} articles ({out['megabytes']} MB) on {out['cores']} cores: "
        f"{out['floor_s']} s = read+parse {split['read_and_parse']} + candidates {split['candidates']} "
        f"+ (fingerprint {split['fingerprint']} + word alignment {split['align_words']}) / {out['cores']}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
