"""Versions of one outlet's story: write-thrus, updates, and which one each copy runs.

A wire sends a story out again and again as it develops (a new lede, a
paragraph added, a figure corrected), each under a new time and often a
new headline. Two pages of one outlet that hold most of the same story and
carry times with zones are two versions of it: the later updates the
earlier (edge kind ``version``, neither copied from anyone). Pages without
times, or saved at one instant, are the same page twice, or unordered
(``syndtrace.trace``'s "same-page" line).

A subscriber runs one version, often trimmed: of the versions it shares
text with, the one it shares the most with is the one it runs, and its
edge from that version says so (evidence ``version``), so a reader sees
which write-thru each copy matches.
"""

from __future__ import annotations

from collections.abc import Iterable

from syndtrace.dates import instant_of
from syndtrace.lineage import Edge, Evidence
from syndtrace.model import Document
from syndtrace.names import outlet_key

VERSION_KIND = "version"


def update_of(x: Document, y: Document, shared_words: int, words: dict[str, int]) -> tuple[str, str, Evidence] | None:
    """``(earlier, later, evidence)`` when ``x`` and ``y`` are two versions of one outlet's story, else ``None``.

    One outlet, both timed (an instant each, in order), and one holds most
    of the other's words (a version, not another story sharing background).
    """
    if not (x.outlet and y.outlet and outlet_key(x.outlet) == outlet_key(y.outlet)):
        return None
    ix, iy = instant_of(x.date), instant_of(y.date)
    if ix is None or iy is None or ix == iy:
        return None
    if shared_words < 0.5 * min(max(1, words.get(x.id, 0)), max(1, words.get(y.id, 0))):
        return None
    early, late = (x, y) if ix < iy else (y, x)
    why = (
        f"both are {x.outlet}'s pages of one story, sharing {shared_words} words: the one of "
        f"{late.date} is a later version (a write-thru) of the one of {early.date}"
    )
    return early.id, late.id, Evidence(VERSION_KIND, early.id, 1.0, why)


def matched_versions(edges: Iterable[Edge], docs: dict[str, Document]) -> dict[tuple[str, str], Evidence]:
    """``(version, copy)`` -> evidence that ``copy`` runs that version, for copies of several versions.

    The versions are documents linked by ``version`` edges (one outlet's
    write-thrus of one story); a copy with edges from two or more of them
    runs the one it shares the most words with.
    """
    edges = list(edges)
    versions = {n for e in edges if e.kind == VERSION_KIND for n in (e.source, e.copy)}
    if not versions:
        return {}
    into: dict[str, list[Edge]] = {}
    for e in edges:
        if e.source in versions and e.copy not in versions and e.kind in ("copy", "credited-reprint", "undetermined"):
            into.setdefault(e.copy, []).append(e)
    found = {}
    for copy, from_versions in into.items():
        if len(from_versions) < 2:
            continue
        ranked = sorted(from_versions, key=lambda e: (-e.words, e.source))
        best, runner = ranked[0], ranked[1]
        if best.words == runner.words:
            continue  # holds as much of each: the copy does not show which it runs
        when = docs[best.source].date
        found[(best.source, copy)] = Evidence(
            VERSION_KIND, best.source, 0.0,
            f"runs the version of {when}: it shares {best.words} words with it, {runner.words} with the one of "
            f"{docs[runner.source].date}",
        )  # fmt: skip
    return found
