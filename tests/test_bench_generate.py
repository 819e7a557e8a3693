"""The benchmark corpus generator (bench/generate.py) keeps its promises at N=300.

Needs the Reuters-21578 files in ``../shared/data/reuters21578`` beside the
repository (skipped otherwise). The generator runs on a pool built from the
first Reuters file only, which makes it reuse text in a second, synthetic
epoch, so both kinds of text are checked; the pool is cached in
``bench/out/cache`` after the first run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench_modules import bench_module

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "data" / "reuters21578"
N = 300
SEED = 7
RUN = 8
WORD = re.compile(r"[a-z0-9]+")

pytestmark = pytest.mark.skipif(
    not (REUTERS / "reut2-000.sgm").is_file(), reason=f"Reuters-21578 not found at {REUTERS}"
)


def _run(out: Path, seed: int = SEED) -> dict:
    bench_module("generate").generate(N, seed, out, REUTERS, REPO / "bench" / "out" / "cache", pool_files=1)
    return json.loads((out / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """``(out_dir, records by id, truth)`` of one N=300 corpus."""
    out = tmp_path_factory.mktemp("corpus")
    truth = _run(out)
    with (out / "corpus.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return out, {r["id"]: r for r in records}, truth


def words(text: str) -> list[str]:
    """Letter/digit runs, lower-cased: punctuation and line breaks never matter."""
    return WORD.findall(text.lower())


def article_text(rec: dict, truth: dict) -> str:
    """The text without its title line, its outlet's boilerplate lines and credit lines."""
    skip = set(truth["credit_lines"]) | set(truth["boilerplate"][rec["outlet"]].values())
    return "\n\n".join(p for p in rec["text"].split("\n\n")[1:] if p not in skip)


def test_same_seed_same_bytes(corpus, tmp_path):
    out, _, _ = corpus
    _run(tmp_path / "again")
    for name in ("corpus.jsonl", "truth.json"):
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes(), name
    _run(tmp_path / "other", seed=SEED + 1)
    assert (tmp_path / "other" / "corpus.jsonl").read_bytes() != (out / "corpus.jsonl").read_bytes()


def test_records_and_truth_ids(corpus):
    _, by_id, truth = corpus
    assert len(by_id) == truth["articles"] == N
    for rec in by_id.values():
        assert set(rec) == {"id", "outlet", "date", "title", "text"}
        assert rec["text"].startswith(rec["title"])
        assert re.fullmatch(r"20(19|20)-\d\d-\d\d", rec["date"])
    kinds = {p[2] for p in truth["pairs"]}
    assert kinds == {"reprint", "excerpt", "multi-source", "second-generation"}
    assert len(truth["pair_words"]) == len(truth["pair_credit"]) == len(truth["pairs"])
    ids = [i for p in truth["pairs"] for i in p[:2]]
    ids += [i for f in truth["families"] for i in f] + [i for p in truth["shared_quote_pairs"] for i in p]
    assert set(ids) <= set(by_id)
    assert truth["shared_quote_pairs"], "some unrelated articles should quote one statement"
    for src, cp, _ in truth["pairs"]:
        assert by_id[src]["date"] <= by_id[cp]["date"], (src, cp)  # ISO dates sort as text
    solo = N - len({i for f in truth["families"] for i in f})
    assert 0.45 * N <= solo <= 0.65 * N


def _shares_run(a: list[str], b: list[str], n: int) -> bool:
    grams = {tuple(a[i : i + n]) for i in range(len(a) - n + 1)}
    return any(tuple(b[i : i + n]) in grams for i in range(len(b) - n + 1))


def test_excerpts_share_at_least_40_words(corpus):
    _, by_id, truth = corpus
    pairs = [(p, w) for p, w in zip(truth["pairs"], truth["pair_words"]) if p[2] in ("excerpt", "multi-source")]
    assert pairs
    for (src, cp, kind), n in pairs:
        assert 40 <= n <= 200, (src, cp, n)
        assert _shares_run(words(by_id[src]["text"]), words(by_id[cp]["text"]), 40), (src, cp, kind)


def test_unrelated_articles_share_no_8_word_run(corpus):
    _, by_id, truth = corpus
    related = {frozenset(p[:2]) for p in truth["pairs"]} | {frozenset(p) for p in truth["shared_quote_pairs"]}
    family_of: dict[str, set[int]] = {}
    for k, fam in enumerate(truth["families"]):
        for i in fam:
            family_of.setdefault(i, set()).add(k)
    holders: dict[tuple[str, ...], set[str]] = {}
    for doc_id, rec in by_id.items():
        w = words(article_text(rec, truth))
        for i in range(len(w) - RUN + 1):
            holders.setdefault(tuple(w[i : i + RUN]), set()).add(doc_id)
    bad = []
    for gram, docs in holders.items():
        if len(docs) < 2:
            continue
        docs = sorted(docs)
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if frozenset((a, b)) not in related and not (family_of.get(a, set()) & family_of.get(b, set())):
                    bad.append((a, b, " ".join(gram)))
    assert not bad, bad[:5]


def test_every_outlet_prints_its_boilerplate(corpus):
    _, by_id, truth = corpus
    per_outlet: dict[str, int] = {}
    for rec in by_id.values():
        lines = truth["boilerplate"][rec["outlet"]]
        assert "footer" in lines
        for line in lines.values():
            assert line in rec["text"], (rec["id"], line)
        per_outlet[rec["outlet"]] = per_outlet.get(rec["outlet"], 0) + 1
    # Some outlet publishes several stories, so its boilerplate really repeats.
    assert max(per_outlet.values()) >= 5


def test_ocr_rate_and_script_change_the_text_only(tmp_path):
    gen = bench_module("generate")
    out = tmp_path / "noisy"
    gen.generate(N, SEED, out, REUTERS, REPO / "bench" / "out" / "cache", pool_files=1, ocr_rate=0.05, script="zh")
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    clean = _run(tmp_path / "clean")
    assert truth["pairs"] == clean["pairs"] and truth["families"] == clean["families"]
    assert (truth["ocr_rate"], truth["script"]) == (0.05, "zh")
    first = json.loads((out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert re.search(r"[\u4e00-\u9fff]", first["text"])
