"""The plain datasketch pipeline that syndtrace's speed target is measured against.

    python bench/baseline.py bench/out/corpus-10000 --variant usual [--json OUT]

What anyone would write first: per document, lower-case the text, take its
words (``\\w+``), make the set of 5-word shingles, and hash it into a
``datasketch.MinHash(num_perm=128)``; insert every sketch into a
``MinHashLSH`` and query each one back for candidate pairs; align every
candidate pair with syndtrace's own aligner, so that both tools do the same
alignment work and differ only in how they find candidates.

Variants:

* ``usual``: threshold 0.5, datasketch's default weights, one ``MinHash``
  per document and plain ``insert`` (the tutorial code);
* ``tuned``: a recall-leaning threshold and weights, ``MinHash.bulk`` per
  batch of documents and ``insertion_session``: the same algorithm with its
  overheads cut, so the comparison is not against a straw man.

Reported: time per stage, candidate pairs, pairs with at least one aligned
passage, and recall on the truth pairs (a truth pair is found when the
pipeline outputs a passage for it).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from datasketch import MinHash, MinHashLSH

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import load_truth, score  # noqa: E402

WORD = re.compile(r"\w+")
SHINGLE = 5
NUM_PERM = 128
BATCH = 1000  # documents per shingling/sketching batch (bounds memory at 100k documents)
VARIANTS = {
    "usual": {"threshold": 0.5, "weights": (0.5, 0.5), "bulk": False},
    # Recall-leaning: false negatives weigh 0.7 when datasketch picks bands and rows.
    "tuned": {"threshold": 0.2, "weights": (0.3, 0.7), "bulk": True},
}


def read_corpus(path: Path) -> list[dict]:
    """Records of a ``corpus.jsonl`` (or of ``DIR/corpus.jsonl``)."""
    path = Path(path)
    if path.is_dir():
        path = path / "corpus.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    """The document's distinct ``k``-word shingles, UTF-8 encoded (datasketch hashes bytes)."""
    words = WORD.findall(text.lower())
    return [s.encode("utf-8") for s in {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}]


def syndtrace_aligner() -> tuple[str, Callable[[dict, dict], int]]:
    """``(name, align)``: ``align(rec_a, rec_b)`` returns how many passages syndtrace aligns.

    Uses ``syndtrace.pipeline.align_documents`` when it exists; otherwise the
    per-pair core ``scan`` itself uses (``prepare_document`` + ``compare_pair``).
    Each document is built (and prepared) once and cached, as scan does.
    """
    from syndtrace import pipeline
    from syndtrace.load import document_from_text
    from syndtrace.settings import Settings

    settings = Settings()
    cache: dict[str, object] = {}
    direct = getattr(pipeline, "align_documents", None)

    def build(rec: dict):
        if rec["id"] not in cache:
            fields = {k: rec[k] for k in ("outlet", "date", "title") if rec.get(k)}
            doc = document_from_text(rec["text"], doc_id=rec["id"], path=None, record=fields)
            cache[rec["id"]] = doc if direct else pipeline.prepare_document(doc, settings)
        return cache[rec["id"]]

    if direct:
        return "syndtrace.pipeline.align_documents", lambda a, b: len(direct(build(a), build(b), settings))
    return "syndtrace.pipeline.compare_pair", lambda a, b: len(pipeline.compare_pair(build(a), build(b), settings)[0])


def run(records: list[dict], variant: str, align: Callable[[dict, dict], int] | None) -> dict:
    """Run the pipeline; return stage timings, counts and the found pairs (``"found"``)."""
    opts = VARIANTS[variant]
    stages = dict.fromkeys(("shingle", "minhash", "lsh_insert", "lsh_query", "align"), 0.0)
    sketches: list[MinHash] = []
    for start in range(0, len(records), BATCH):
        t0 = time.perf_counter()
        batch = [shingles(r["text"]) for r in records[start : start + BATCH]]
        t1 = time.perf_counter()
        if opts["bulk"]:
            sketches.extend(MinHash.bulk(batch, num_perm=NUM_PERM))
        else:
            for sh in batch:
                m = MinHash(num_perm=NUM_PERM)
                m.update_batch(sh)
                sketches.append(m)
        stages["shingle"] += t1 - t0
        stages["minhash"] += time.perf_counter() - t1
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=opts["threshold"], num_perm=NUM_PERM, weights=opts["weights"])
    if opts["bulk"]:
        with lsh.insertion_session() as session:
            for i, m in enumerate(sketches):
                session.insert(i, m, check_duplication=False)
    else:
        for i, m in enumerate(sketches):
            lsh.insert(i, m)
    t1 = time.perf_counter()
    candidates: set[tuple[int, int]] = set()
    for i, m in enumerate(sketches):
        for j in lsh.query(m):
            if j != i:
                candidates.add((i, j) if i < j else (j, i))
    t2 = time.perf_counter()
    stages["lsh_insert"], stages["lsh_query"] = t1 - t0, t2 - t1
    found = []
    if align is None:  # harness check without an aligner: every candidate counts as found
        found = [(records[i]["id"], records[j]["id"]) for i, j in sorted(candidates)]
    else:
        for i, j in sorted(candidates):
            if align(records[i], records[j]):
                found.append((records[i]["id"], records[j]["id"]))
    stages["align"] = time.perf_counter() - t2
    return {
        "variant": variant,
        "lsh_params": {"threshold": opts["threshold"], "weights": list(opts["weights"]), "bands": lsh.b, "rows": lsh.r},
        "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "candidates": len(candidates),
        "aligned_pairs": len(found),
        "found": found,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: run one variant on one corpus, print (or write) a JSON summary."""
    ap = argparse.ArgumentParser(description="Plain datasketch MinHash-LSH pipeline (benchmark baseline).")
    ap.add_argument("corpus", type=Path, help="a generated corpus directory (corpus.jsonl + truth.json)")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="usual")
    ap.add_argument("--align", choices=("syndtrace", "none"), default="syndtrace",
                    help="none: skip alignment and count every candidate as found (harness check)")
    ap.add_argument("--json", type=Path, help="write the summary here instead of stdout")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    records = read_corpus(args.corpus)
    t_read = time.perf_counter() - t0
    name, align = syndtrace_aligner() if args.align == "syndtrace" else ("none", None)
    result = run(records, args.variant, align)
    found = result.pop("found")
    result.update(
        tool=f"baseline-{args.variant}",
        aligner=name,
        articles=len(records),
        read_s=round(t_read, 2),
        wall_s=round(time.perf_counter() - t0, 2),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    truth_file = (args.corpus if args.corpus.is_dir() else args.corpus.parent) / "truth.json"
    if truth_file.exists():
        result["score"] = score(found, load_truth(truth_file.parent))
    text = json.dumps(result, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
