"""Every pair of a family's members and the passages they share (``scan --family-pairs FILE``).

A scan aligns each document with a few others: the candidates its index
picks (a story's hubs, the wire's page, the copies that share text few
documents carry). In a family of 2,000 copies of one wire story that is a
few thousand of its two million pairs, and ``pairs[]`` lists only those.
A reader asking which text two of the subscribers share, when the scan
compared each with the wire's page and not with each other, gets it here:

* a pair the scan aligned comes as the scan aligned it, with the passage
  ids of the main output (``compared: true``);
* any other pair is aligned now, as the scan aligns a pair: the same
  documents (with the boilerplate the scan learned for their outlets), the
  same aligner and attribution, and the statements the scan learned across
  the corpus marked the same way (``compared: false``, passages without
  ids). Aligned so, the scan's own pairs come out the same, offsets,
  verdicts and counts (tests/test_family_pairs.py).

Pairs come family by family (the families' order), then by the two ids,
each pair once with side ``a`` the smaller id; the same for any number of
workers. They are made as they are written, so the number of pairs (a
family of n members has n(n-1)/2) costs time, not memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from syndtrace.attribute import attribute_passages
from syndtrace.lineage import Result
from syndtrace.model import Document, PairVerdict, Passage
from syndtrace.pipeline import Analysed, compare_pair, prepare_document, swap_passage
from syndtrace.pool import mapper
from syndtrace.progress import NullProgress, Progress
from syndtrace.settings import Settings
from syndtrace.statements import DocPrints, doc_prints, mark_passages
from syndtrace.verdict import pair_verdict

# Pairs dealt out to a worker at once: whole rows (one member's pairs with the later members) up to
# about this many, so a worker's results in flight stay a few megabytes in a family of thousands.
_PAIRS_PER_JOB = 2000
_STATE: dict = {}  # what forked workers read (the result, its documents by id, the settings) and hold


@dataclass(frozen=True, slots=True)
class FamilyPair:
    """Two members of family ``family`` and what they share; side ``a`` of every passage is document ``a``.

    ``a`` sorts before ``b``. Sides are ``[start, end)`` in their document's
    text (the text the main output's offsets index). ``compared``: the scan
    aligned this pair itself, and the passages carry its ids.
    """

    family: str
    a: str
    b: str
    compared: bool
    verdict: PairVerdict
    passages: tuple[Passage, ...]


def family_pairs(result: Result, settings: Settings, progress: Progress | None = None) -> Iterator[FamilyPair]:
    """Every pair of members of each of ``result``'s families, with its passages (see the module's doc).

    ``result`` is a scan's; ``settings`` the ones it ran with (they decide
    the alignment of the pairs it did not compare). A document in two
    families (a compilation) is paired within each.
    """
    progress = progress or NullProgress()
    by_id = {d.id: d for d in result.documents}
    compared = _compared(result)
    # A row is one member's pairs with the members after it: (family, its members, the member's place).
    rows = []
    for fam in result.families:
        members = tuple(sorted(m for m in fam.members if m in by_id))
        rows += [(fam.id, members, k) for k in range(len(members) - 1)]
    total = sum(len(members) - 1 - k for _, members, k in rows)
    progress.stage("family pairs written", total)
    jobs = _jobs(rows)
    statements = result.statements if result.statements is not None else np.empty(0, np.uint64)
    _STATE.update(result=result, by_id=by_id, settings=settings, compared=set(compared), statements=statements)
    try:
        with mapper(settings, len(jobs)) as run:
            for job, aligned in zip(jobs, run(_align_job, jobs)):
                for (family, members, k), found in zip(job, aligned):
                    a, later = members[k], members[k + 1 :]
                    for b in later:
                        known = compared.get((a, b))
                        if known is not None:
                            yield FamilyPair(family, a, b, True, *known)
                        else:
                            yield FamilyPair(family, a, b, False, *found[b])
                    progress.advance("family pairs written", len(later))
    finally:
        _STATE.clear()


def _jobs(rows: list[tuple[str, tuple[str, ...], int]]) -> list[list[tuple[str, tuple[str, ...], int]]]:
    """Consecutive rows grouped into jobs of about ``_PAIRS_PER_JOB`` pairs (a longer row is a job alone)."""
    jobs: list[list] = []
    size = _PAIRS_PER_JOB
    for row in rows:
        pairs = len(row[1]) - 1 - row[2]
        if size + pairs > _PAIRS_PER_JOB:
            jobs.append([])
            size = 0
        jobs[-1].append(row)
        size += pairs
    return jobs


def _compared(result: Result) -> dict[tuple[str, str], tuple[PairVerdict, tuple[Passage, ...]]]:
    """The scan's own pairs: ``(a, b)`` (``a`` the smaller id) -> verdict and passages, side ``a`` on ``a``."""
    passages: dict[tuple[str, str], list[Passage]] = {}
    for p in result.passages:
        key = (p.a.doc, p.b.doc) if p.a.doc < p.b.doc else (p.b.doc, p.a.doc)
        passages.setdefault(key, []).append(p if p.a.doc == key[0] else swap_passage(p))
    out = {}
    for v in result.verdicts:
        key = (v.a, v.b) if v.a < v.b else (v.b, v.a)
        if key[0] != v.a:
            v = replace(v, a=key[0], b=key[1])
        out[key] = (v, tuple(passages.get(key, ())))
    return out


def _align_job(rows: list[tuple[str, tuple[str, ...], int]]) -> list[dict[str, tuple[PairVerdict, tuple[Passage, ...]]]]:
    """For each row ``(family, members, k)``: ``b`` -> verdict and passages of each pair of member ``k`` and a
    later member ``b`` that the scan did not compare."""
    compared, settings, held = _STATE["compared"], _STATE["settings"], _STATE.setdefault("held", {})
    statements = _STATE["statements"]
    out = []
    for family, members, k in rows:
        a, later = members[k], members[k + 1 :]
        if held.get("family") != family:
            # A worker keeps one family's documents, prepared once: its jobs come mostly from one family.
            held.clear()
            held.update(family=family, docs={}, contexts={}, prints={})
        docs, contexts, prints = held["docs"], held["contexts"], held["prints"]
        found = {}
        for b in later:
            if (a, b) in compared:
                continue
            x, y = _analysed(a, docs), _analysed(b, docs)
            passages, stats = compare_pair(x, y, settings, keep_text=False)
            if passages:
                passages = attribute_passages(passages, {x.doc.id: x.doc, y.doc.id: y.doc}, contexts)
                passages = mark_passages(passages, {d.doc.id: _prints(d, prints) for d in (x, y)}, statements)
            found[b] = (pair_verdict(x.doc, y.doc, passages, stats, settings), tuple(passages))
        out.append(found)
    return out


def _analysed(doc_id: str, docs: dict[str, Analysed]) -> Analysed:
    """Document ``doc_id`` prepared as the scan prepared it: its text back, with its outlet's learned boilerplate."""
    if doc_id not in docs:
        result: Result = _STATE["result"]
        doc: Document = _STATE["by_id"][doc_id]
        # The scan's document holds every boilerplate span it masked, learned ones too: tokenizing
        # it masks them all, as the scan's worker did.
        docs[doc_id] = prepare_document(replace(doc, text=result.document_text(doc)), _STATE["settings"])
    return docs[doc_id]


def _prints(d: Analysed, prints: dict[str, DocPrints]) -> DocPrints:
    if d.doc.id not in prints:
        settings: Settings = _STATE["settings"]
        prints[d.doc.id] = doc_prints(d.prepared.tokens, settings.shingle_size, settings.window)
    return prints[d.doc.id]


def write_family_pairs(result: Result, settings: Settings, path: str, inputs: list[str], progress: Progress | None = None) -> int:
    """Write ``family_pairs`` to ``path`` as JSON lines (``render.export.render_family_pairs``); return the count.

    ``inputs`` are the files no output may overwrite; the file appears only
    once complete (``output.open_output``).
    """
    from syndtrace.output import open_output
    from syndtrace.render.export import render_family_pairs

    with open_output(path, inputs, "--family-pairs") as stream:
        return render_family_pairs(family_pairs(result, settings, progress), stream)
