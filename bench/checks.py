"""Checks of a generated corpus against its own promises (used at any size).

    python bench/checks.py bench/out/corpus-10000

* no two *unrelated* articles share an 8-word run of article text, where
  related means: in one truth pair or family, or a shared-quote pair, and
  article text means the text without its title line, its outlet's
  boilerplate lines and credit lines (those repeat by design);
* every excerpt and multi-source pair shares a run of at least 40 words.

The tests run the same ideas with plain Python at N=300; this version is
vectorised (numpy) so it also runs at 100k articles.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuters_pool import RUN, _gram_hashes, words_of  # noqa: E402


def load(corpus_dir: Path) -> tuple[list[dict], dict]:
    """``(records, truth)`` of a generated corpus directory."""
    with (corpus_dir / "corpus.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    truth = json.loads((corpus_dir / "truth.json").read_text(encoding="utf-8"))
    return records, truth


def article_text(rec: dict, truth: dict, _skip: dict = {}) -> str:  # noqa: B006 - per-truth cache
    """The record's text minus its title line, outlet boilerplate and credit lines."""
    key = id(truth)
    if key not in _skip:
        _skip.clear()
        _skip[key] = set(truth["credit_lines"])
    skip = _skip[key] | set(truth["boilerplate"].get(rec["outlet"], {}).values())
    paras = rec["text"].split("\n\n")
    return "\n\n".join(p for p in paras[1:] if p not in skip)


def relations(truth: dict) -> set[tuple[str, str]]:
    """Every related pair (sorted ids): truth pairs, same-family pairs and shared-quote pairs."""
    rel = {tuple(sorted(p[:2])) for p in truth["pairs"]}
    rel |= {tuple(sorted(p)) for p in truth["shared_quote_pairs"]}
    for fam in truth["families"]:
        for i, a in enumerate(fam):
            for b in fam[i + 1 :]:
                rel.add((a, b) if a < b else (b, a))
    return rel


def word_ids(texts) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Every text's words as integer ids (from 1), concatenated; the text each word belongs to; the words by id - 1.

    No corpus-wide list of word strings: 100k articles are 75M words.
    """
    index: dict[str, int] = {}
    parts: list[np.ndarray] = []
    for text in texts:
        words = words_of(text)
        for w in dict.fromkeys(words):
            if w not in index:
                index[w] = len(index) + 1
        parts.append(np.fromiter(map(index.__getitem__, words), dtype=np.int64, count=len(words)))
    ids = np.concatenate(parts) if parts else np.zeros(0, np.int64)
    return ids, np.repeat(np.arange(len(parts)), [len(p) for p in parts]), list(index)


def unrelated_runs(records: list[dict], truth: dict) -> list[tuple[str, str, str]]:
    """Unrelated article pairs sharing an 8-word run: ``(id_a, id_b, the run)``."""
    ids, docs, vocab = word_ids(article_text(rec, truth) for rec in records)
    grams = _gram_hashes(ids, RUN)
    gdoc = docs[: len(grams)]
    inside = docs[RUN - 1 :] == gdoc
    grams, gdoc, gpos = grams[inside], gdoc[inside], np.flatnonzero(inside)
    order = np.lexsort((gdoc, grams))
    grams, gdoc, gpos = grams[order], gdoc[order], gpos[order]
    # Keep one window per (gram, doc), then grams present in two or more documents.
    first = np.ones(len(grams), bool)
    first[1:] = (grams[1:] != grams[:-1]) | (gdoc[1:] != gdoc[:-1])
    grams, gdoc, gpos = grams[first], gdoc[first], gpos[first]
    same = grams[1:] == grams[:-1]
    rel = relations(truth)
    found: dict[tuple[str, str], str] = {}
    starts = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))) == 1)
    ends = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))) == -1)
    for s, e in zip(starts.tolist(), ends.tolist()):
        members = gdoc[s : e + 1].tolist()
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = tuple(sorted((records[a]["id"], records[b]["id"])))
                if pair not in rel and pair not in found:
                    p = int(gpos[s])
                    found[pair] = " ".join(vocab[int(t) - 1] for t in ids[p : p + RUN])
    return [(a, b, run) for (a, b), run in sorted(found.items())]


def longest_common_run(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words ``a`` and ``b`` share (seeded by 8-word windows)."""
    where: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(b) - RUN + 1):
        where.setdefault(tuple(b[i : i + RUN]), []).append(i)
    best = 0
    for i in range(len(a) - RUN + 1):
        for j in where.get(tuple(a[i : i + RUN]), ()):
            k = RUN
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def main(argv: list[str]) -> int:
    """Run both checks on the corpus directory ``argv[0]``; non-zero exit on a violation."""
    corpus_dir = Path(argv[0])
    t0 = time.perf_counter()
    records, truth = load(corpus_dir)
    by_id = {r["id"]: r for r in records}
    bad = unrelated_runs(records, truth)
    short = []
    for (src, cp, kind), words in zip(truth["pairs"], truth["pair_words"]):
        if kind in ("excerpt", "multi-source"):
            run = longest_common_run(words_of(by_id[src]["text"]), words_of(by_id[cp]["text"]))
            if run < 40:
                short.append((src, cp, kind, words, run))
    print(f"{len(records)} articles checked in {time.perf_counter() - t0:.1f}s")
    print(f"unrelated pairs sharing an {RUN}-word run: {len(bad)}")
    for a, b, run in bad[:10]:
        print(f"  {a} {b}: {run}")
    print(f"excerpt/multi-source pairs sharing under 40 words in a run: {len(short)}")
    for row in short[:10]:
        print("  ", *row)
    return 1 if bad or short else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
