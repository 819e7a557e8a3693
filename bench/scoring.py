"""Scoring a tool's found pairs against a generated corpus's ``truth.json``.

A truth pair counts as found when the tool links its two documents in either
direction (the caller decides what "links" means: an edge of any kind but
``shared-quote`` for syndtrace, at least one aligned passage for the
baseline). Recall is reported overall, per kind, and for excerpt pairs per
length band, since short excerpts are what set-similarity search misses.

``parents`` scores the tree: a copy's parent should be its true source (a
second-generation copy's, the intermediate it copied; a multi-source
article's, any of its sources).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

# Excerpt length bands (words copied), inclusive lower bounds.
BANDS = ((40, 80), (80, 120), (120, 201))


def load_truth(corpus_dir: Path) -> dict:
    """The ``truth.json`` of a generated corpus directory."""
    return json.loads((Path(corpus_dir) / "truth.json").read_text(encoding="utf-8"))


def pair_key(a: str, b: str) -> tuple[str, str]:
    """An unordered pair as a sorted tuple."""
    return (a, b) if a <= b else (b, a)


def related_pairs(truth: dict) -> set[tuple[str, str]]:
    """Pairs that may legitimately share text: truth pairs and members of one family."""
    rel = {pair_key(s, c) for s, c, _ in truth["pairs"]}
    for fam in truth["families"]:
        for i, a in enumerate(fam):
            for b in fam[i + 1 :]:
                rel.add(pair_key(a, b))
    return rel


def _ratio(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def score(found: Iterable[tuple[str, str]], truth: dict) -> dict:
    """Recall of the truth pairs among ``found`` (unordered), plus what else was found.

    Returns ``recall`` (overall), ``recall_excerpt`` (excerpt pairs only),
    ``recall_by_kind``, ``recall_excerpt_by_words`` (bands of words copied),
    ``pairs_found`` (truth pairs found), ``unrelated_found`` (found pairs that
    are neither truth pairs, family members nor shared-quote pairs) and
    ``shared_quote_found`` (shared-quote pairs linked anyway).
    """
    got = {pair_key(a, b) for a, b in found}
    hits: dict[str, list[int]] = {}
    bands = {f"{lo}-{hi - 1}": [0, 0] for lo, hi in BANDS}
    total_hit = 0
    for (src, cp, kind), words in zip(truth["pairs"], truth["pair_words"]):
        hit = pair_key(src, cp) in got
        total_hit += hit
        h = hits.setdefault(kind, [0, 0])
        h[0] += hit
        h[1] += 1
        if kind == "excerpt":
            for lo, hi in BANDS:
                if lo <= words < hi:
                    bands[f"{lo}-{hi - 1}"][0] += hit
                    bands[f"{lo}-{hi - 1}"][1] += 1
    quotes = {pair_key(a, b) for a, b in truth["shared_quote_pairs"]}
    related = related_pairs(truth)
    ex = hits.get("excerpt", [0, 0])
    return {
        "truth_pairs": len(truth["pairs"]),
        "pairs_found": total_hit,
        "recall": _ratio(total_hit, len(truth["pairs"])),
        "recall_excerpt": _ratio(ex[0], ex[1]),
        "recall_by_kind": {k: _ratio(h, n) for k, (h, n) in sorted(hits.items())},
        "recall_excerpt_by_words": {k: _ratio(h, n) for k, (h, n) in bands.items()},
        "unrelated_found": len(got - related - quotes),
        "shared_quote_found": len(got & quotes),
    }


def parents(parent_of: dict[str, str], truth: dict) -> dict:
    """How often a copy's parent in the tool's tree is its true source.

    ``parent_of`` maps a document id to its parent's id in the tree (absent at
    a root). Returns ``parent`` (all copies) and ``parent_by_kind`` (by the
    kind of copy: ``reprint``, ``second-generation``, ``excerpt``,
    ``multi-source``, where any of the article's sources counts).
    """
    sources: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for src, cp, kind in truth["pairs"]:
        sources.setdefault(cp, set()).add(src)
        kinds[cp] = kind
    hits: dict[str, list[int]] = {}
    for cp, srcs in sources.items():
        h = hits.setdefault(kinds[cp], [0, 0])
        h[0] += parent_of.get(cp) in srcs
        h[1] += 1
    return {
        "parent": _ratio(sum(h for h, _ in hits.values()), sum(n for _, n in hits.values())),
        "parent_by_kind": {k: _ratio(h, n) for k, (h, n) in sorted(hits.items())},
    }
