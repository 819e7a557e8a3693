"""Checks of a generated wire corpus against its promises (any size).

    python bench/wire_check.py bench/out/wire-300-s1

* unrelated pages share no 8-word run of article text. Two pages are related
  when they are members of one story (compilations are members of each story
  they draw on), or their stories share a background paragraph or quote the
  same statement. Article text is the text without its title line and
  without the lines ``truth["lines"]`` lists (every outlet's boilerplate,
  every credit, byline and caption line as printed), which repeat by design;
* the truth is whole: every parent and member exists, every page but a
  compilation is in exactly one story, a first-generation copy hangs under its
  source (a page of it or its name), a second generation under a subscriber;
* every second generation carries text its intermediate added that no other
  page of the story has (the intermediate's other copies and its outlet's
  other pages aside);
* every compilation shares a run of at least 20 words with each story it
  draws on.

Vectorised with numpy like ``checks.py``; a few seconds for 10,000 pages.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checks import longest_common_run, word_ids  # noqa: E402
from reuters_pool import RUN, _gram_hashes, words_of  # noqa: E402

FIRST_GENERATION = ("subscriber", "aggregator")


def load(corpus_dir: Path) -> tuple[list[dict], dict]:
    """``(records, truth)`` of a generated corpus directory."""
    with (Path(corpus_dir) / "corpus.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    truth = json.loads((Path(corpus_dir) / "truth.json").read_text(encoding="utf-8"))
    return records, truth


def article_text(rec: dict, lines: set[str]) -> str:
    """The record's text without its title line and the repeated lines."""
    return "\n\n".join(p for p in rec["text"].split("\n\n")[1:] if p not in lines)


def relation_keys(truth: dict) -> dict[str, frozenset[str]]:
    """Each page's keys: its stories, and their background paragraphs and statements. Related pages share one."""
    keys: dict[str, set[str]] = {}
    for sid, st in truth["stories"].items():
        own = {f"s:{sid}"} | {f"bg:{b}" for b in st["background"]} | {f"st:{g}" for g in st["statements"]}
        for m in st["members"]:
            keys.setdefault(m, set()).update(own)
    return {k: frozenset(v) for k, v in keys.items()}


def unrelated_runs(records: list[dict], truth: dict) -> list[tuple[str, str, str]]:
    """Unrelated page pairs sharing an 8-word run: ``(id_a, id_b, the run)``, one example per pair of key sets."""
    lines = set(truth["lines"])
    keys = relation_keys(truth)
    sig_of: dict[frozenset[str], int] = {}
    sig_list = [sig_of.setdefault(keys.get(r["id"], frozenset({r["id"]})), len(sig_of)) for r in records]
    sigs = np.array(sig_list, dtype=np.int64)
    sig_keys = list(sig_of)
    ids, docs, vocab = word_ids(article_text(rec, lines) for rec in records)
    if len(ids) < RUN:
        return []
    grams = _gram_hashes(ids, RUN)
    gdoc = docs[: len(grams)]
    inside = docs[RUN - 1 :] == gdoc
    grams, gdoc, gpos = grams[inside], gdoc[inside], np.flatnonzero(inside)
    gsig = sigs[gdoc]
    order = np.lexsort((gsig, grams))
    grams, gdoc, gpos, gsig = grams[order], gdoc[order], gpos[order], gsig[order]
    # One entry per (gram, key set); then the grams two or more key sets hold.
    first = np.ones(len(grams), bool)
    first[1:] = (grams[1:] != grams[:-1]) | (gsig[1:] != gsig[:-1])
    grams, gdoc, gpos, gsig = grams[first], gdoc[first], gpos[first], gsig[first]
    same = np.concatenate(([False], grams[1:] == grams[:-1], [False]))
    edges = np.diff(same.astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) + 1  # runs [start, end)
    verdict: dict[tuple[int, int], bool] = {}
    found: dict[tuple[int, int], tuple[str, str, str]] = {}
    for s, e in zip(starts.tolist(), ends.tolist()):
        held = gsig[s:e].tolist()
        for i, a in enumerate(held):
            for j in range(i + 1, len(held)):
                b = held[j]
                pair = (a, b) if a < b else (b, a)
                if pair not in verdict:
                    verdict[pair] = bool(sig_keys[a] & sig_keys[b])
                if not verdict[pair] and pair not in found:
                    p = int(gpos[s])
                    run = " ".join(vocab[int(t) - 1] for t in ids[p : p + RUN])
                    found[pair] = (records[int(gdoc[s + i])]["id"], records[int(gdoc[s + j])]["id"], run)
    return sorted(found.values())


def truth_problems(records: list[dict], truth: dict) -> list[str]:
    """Ways the truth is not whole (see the module docstring)."""
    ids = {r["id"] for r in records}
    stories, parents, comps = truth["stories"], truth["parents"], truth["compilations"]
    out = []
    if set(parents) != ids:
        out.append(f"parents cover {len(parents)} pages, the corpus has {len(ids)}")
    holds: dict[str, list[str]] = {}
    for sid, st in stories.items():
        for m in st["members"]:
            if m not in ids:
                out.append(f"story {sid}: member {m} is not in the corpus")
            holds.setdefault(m, []).append(sid)
        for v in st["versions"]:
            if v not in st["members"] or parents[v]["kind"] not in ("original", "version"):
                out.append(f"story {sid}: version page {v} is not one of its pages")
    for doc in sorted(ids):
        mine = sorted(holds.get(doc, []))
        if doc in comps:
            if mine != sorted(comps[doc]["stories"]) or len(mine) < 2:
                out.append(f"compilation {doc}: member of {mine}, draws on {comps[doc]['stories']}")
        elif len(mine) != 1:
            out.append(f"{doc}: member of {len(mine)} stories")
    for doc, p in parents.items():
        parent, kind = p["parent"], p["kind"]
        st = stories.get(p["story"]) if p["story"] else None
        if kind in FIRST_GENERATION + ("quoted",):
            if not (parent in st["versions"] or parent == st["source_name"]):
                out.append(f"{doc}: {kind} hangs under {parent}, not its source")
        elif kind in ("second-generation", "rescrape"):
            if parent not in parents or parents[parent]["kind"] != "subscriber" or parents[parent]["story"] != p["story"]:
                out.append(f"{doc}: {kind} of {parent}, which is not a subscriber of its story")
        elif kind == "version":
            if not (parent == st["source_name"] or parent in st["versions"]):
                out.append(f"{doc}: version after {parent}")
        elif parent is not None and parent not in ids and kind != "compilation":
            out.append(f"{doc}: parent {parent} is not in the corpus")
    return out


def _phrase(text: str) -> str:
    return " " + " ".join(words_of(text)) + " "


def second_generation_problems(records: list[dict], truth: dict) -> list[str]:
    """Second generations without evidence only their intermediate could have given them."""
    by_id = {r["id"]: r for r in records}
    parents, stories = truth["parents"], truth["stories"]
    out = []
    flat: dict[str, str] = {}

    def text(doc: str) -> str:
        if doc not in flat:
            flat[doc] = _phrase(by_id[doc]["text"])
        return flat[doc]

    copies: dict[str, set[str]] = {}
    for doc, p in parents.items():
        if isinstance(p["parent"], str):
            copies.setdefault(p["parent"], set()).add(doc)
    for doc, p in parents.items():
        if p["kind"] != "second-generation":
            continue
        inter = p["parent"]
        carried = [_phrase(c["text"]) for c in p.get("carries", [])]
        if not carried:
            out.append(f"{doc}: second generation carrying nothing")
            continue
        if not all(c in text(doc) and c in text(inter) for c in carried):
            out.append(f"{doc}: a carried text is missing from it or from {inter}")
            continue
        # What the intermediate added may also be on its own outlet's other pages (its footer) and its other copies.
        kin = {inter} | copies.get(inter, set())
        kin |= {m for m in stories[p["story"]]["members"] if by_id[m]["outlet"] == by_id[inter]["outlet"]}
        others = [m for m in stories[p["story"]]["members"] if m not in kin]
        if not any(all(c not in text(m) for m in others) for c in carried):
            out.append(f"{doc}: everything it carries from {inter} is also elsewhere in the story")
    return out


def compilation_problems(records: list[dict], truth: dict) -> list[str]:
    """Compilations sharing under 20 words in a run with some story they draw on."""
    by_id = {r["id"]: r for r in records}
    out = []
    for doc, c in truth["compilations"].items():
        mine = words_of(by_id[doc]["text"])
        for sid in c["stories"]:
            members = [m for m in truth["stories"][sid]["members"] if m not in truth["compilations"]]
            if not any(longest_common_run(mine, words_of(by_id[m]["text"])) >= 20 for m in members):
                out.append(f"compilation {doc}: under 20 words in a run with story {sid}")
    return out


def main(argv: list[str]) -> int:
    """Run every check on the corpus directory ``argv[0]``; exit 1 on a violation."""
    t0 = time.perf_counter()
    records, truth = load(Path(argv[0]))
    problems = truth_problems(records, truth)
    bad = unrelated_runs(records, truth)
    problems += [f"unrelated {a} {b} share: {run}" for a, b, run in bad]
    problems += second_generation_problems(records, truth)
    problems += compilation_problems(records, truth)
    print(f"{len(records)} pages checked in {time.perf_counter() - t0:.1f}s: {len(problems)} problems")
    for line in problems[:20]:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
