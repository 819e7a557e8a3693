"""Every pair of a family's members (``syndtrace.familypairs``, ``scan --family-pairs FILE``).

The reference for a pair the scan did not compare is the scan's own way of
aligning a pair: aligned so, every pair it did compare comes out as it did.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from itertools import combinations

import pytest
from click.testing import CliRunner
from scan_corpus import Writer, edit, page, statement_corpus, wire_corpus

import syndtrace.familypairs as familypairs
from syndtrace.cli import main
from syndtrace.familypairs import family_pairs
from syndtrace.scan import scan
from syndtrace.settings import Settings


def carried_corpus() -> dict[str, str]:
    """One story carried by 14 outlets with their own light edits, beside the wire and statement scenarios.

    The statement scenario's page that runs the statement unquoted is
    carried twice, cut in two at the statement: the two halves share
    nothing but it, which the scan learns is a statement.
    """
    rng, w = random.Random(5), Writer(70)
    story, title = w.story(420), w.title()
    docs = {f"carried/{k:02d}.txt": page(f"Carrier {k:02d}", f"2024-08-{k + 1:02d}", title, edit(story, rng)) for k in range(14)}
    quotes = statement_corpus()
    docs |= {f"quotes/{name}": text for name, text in quotes.items()}
    head, body = quotes["q4.txt"].split("\n---\n", 1)
    paragraphs = body.strip().split("\n\n")  # the title, then the story with the statement third
    docs["quotes/q4-top.txt"] = page("Outlet F", "2024-06-07", paragraphs[0], paragraphs[1:4])
    docs["quotes/q4-rest.txt"] = page("Outlet G", "2024-06-08", paragraphs[0] + " (continued)", paragraphs[3:])
    return docs | wire_corpus()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("family-pairs")
    for name, text in carried_corpus().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


# A low cap on a fingerprint's documents: the 14 carriers pair through their story's hubs, not all 91 ways
# (the seven pages carrying one statement stay under it, so the scan learns the statement).
SETTINGS = Settings(max_df=8, workers=1)


@pytest.fixture(scope="module")
def scanned(corpus):
    result = scan([str(corpus)], SETTINGS)
    return result, list(family_pairs(result, SETTINGS))


def test_every_pair_of_every_family_once_in_order(scanned):
    result, pairs = scanned
    want = [(f.id, a, b) for f in result.families for a, b in combinations(sorted(f.members), 2)]
    assert [(p.family, p.a, p.b) for p in pairs] == want
    carriers = next(f for f in result.families if any("/carried/" in (d.path or "") for d in result.documents if d.id in f.members))
    assert len(carriers.members) == 14
    # The point of the option: the scan compared only some of the carriers' 91 pairs.
    in_carriers = [p for p in pairs if p.family == carriers.id]
    assert len(in_carriers) == 91 and 0 < sum(p.compared for p in in_carriers) < 91
    # The pairs it did not compare still share the story, word for word but for the edits.
    fresh = [p for p in in_carriers if not p.compared]
    assert all(p.verdict.verdict == "reuse" and p.passages and all(x.id == "" for x in p.passages) for p in fresh)
    assert all(x.a.doc == p.a and x.b.doc == p.b for p in pairs for x in p.passages)


def test_compared_pairs_are_the_scans_own(scanned):
    result, pairs = scanned
    by_pair = {}
    for p in result.passages:
        by_pair.setdefault(frozenset((p.a.doc, p.b.doc)), set()).add(p.id)
    for fp in pairs:
        if fp.compared:
            assert {x.id for x in fp.passages} == by_pair.get(frozenset((fp.a, fp.b)), set())


def test_aligned_afresh_the_scans_pairs_come_out_the_same(scanned, monkeypatch):
    # Offsets, attributions, statements marked, verdicts and counts.
    result, pairs = scanned
    assert result.statements is not None and len(result.statements)
    halves = next(p for p in pairs if {p.a, p.b} == {_id(result, "q4-top.txt"), _id(result, "q4-rest.txt")})
    assert [x.quote for x in halves.passages] == ["statement"] and halves.verdict.verdict == "shared-quote"
    monkeypatch.setattr(familypairs, "_compared", lambda result: {})
    fresh = list(family_pairs(result, SETTINGS))
    assert [(p.a, p.b) for p in fresh] == [(p.a, p.b) for p in pairs]
    compared = [(p, q) for p, q in zip(pairs, fresh) if p.compared]
    assert compared
    for p, q in compared:
        assert [replace(x, id="") for x in p.passages] == list(q.passages) and p.verdict == q.verdict


def test_the_same_for_any_number_of_workers(corpus, scanned):
    _, pairs = scanned
    two = Settings(max_df=8, workers=2)
    assert list(family_pairs(scan([str(corpus)], two), two)) == pairs


def test_cli_writes_one_line_a_pair_beside_the_output(corpus, tmp_path):
    out, lines = tmp_path / "result.json", tmp_path / "pairs.jsonl"
    run = CliRunner().invoke(
        main, ["scan", str(corpus), "--max-df", "8", "-q", "--format", "json", "-o", str(out), "--family-pairs", str(lines)]
    )
    assert run.exit_code == 0, run.output
    data = json.loads(out.read_text())
    rows = [json.loads(line) for line in lines.read_text().splitlines()]
    assert len(rows) == sum(len(f["members"]) * (len(f["members"]) - 1) // 2 for f in data["families"])
    row = next(r for r in rows if not r["compared"])
    assert set(row) == {"family", "a", "b", "compared", "verdict", "words", "authored_words", "quoted_words", "first_appearance", "passages"}
    # Offsets index the documents' texts, as in the main output: a passage's two sides open and
    # close on the same words (its first and last aligned runs), with its aligned words between.
    texts = {d["id"]: open(d["path"], encoding="utf-8").read() for d in data["documents"]}
    for passage in row["passages"]:
        a, b = (texts[doc][side["start"] : side["end"]].split() for doc, side in ((row["a"], passage["a"]), (row["b"], passage["b"])))
        assert a[:5] == b[:5] and a[-5:] == b[-5:] and min(len(a), len(b)) >= passage["words"]


def test_cli_refuses_to_write_pairs_over_an_input_or_the_output(corpus, tmp_path):
    victim = corpus / "carried" / "00.txt"
    before = victim.read_bytes()
    run = CliRunner().invoke(main, ["scan", str(corpus), "-q", "--family-pairs", str(victim)])
    assert run.exit_code != 0 and "input" in run.output and victim.read_bytes() == before
    out = tmp_path / "same.json"
    run = CliRunner().invoke(main, ["scan", str(corpus), "-q", "--format", "json", "-o", str(out), "--family-pairs", str(out)])
    assert run.exit_code == 2 and "--family-pairs" in run.output


def _id(result, name: str) -> str:
    return next(d.id for d in result.documents if (d.path or "").endswith("/" + name))
