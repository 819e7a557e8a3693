"""Machine-readable exports of a ``Result``'s edges, mainly for ``scan`` outputs.

Every exporter has the signature ``render_X(result, out)`` and writes text to
``out``; ``FORMATS`` maps the format names the CLI accepts to them. The
row-per-edge formats (JSONL, CSV) live here; the graph formats (GraphML,
GEXF, DOT) in ``syndtrace.render.graph``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Callable, TextIO

from syndtrace.lineage import Result
from syndtrace.model import Passage, PassageSide
from syndtrace.render.graph import render_dot, render_gexf, render_graphml
from syndtrace.render.json import edge_to_dict, node_names

if TYPE_CHECKING:
    from syndtrace.familypairs import FamilyPair

__all__ = ["FORMATS", "CSV_COLUMNS", "render_jsonl", "render_family_pairs", "render_csv", "render_graphml", "render_gexf", "render_dot"]


def render_jsonl(result: Result, out: TextIO) -> None:
    """One JSON object per edge per line: the JSON output's edge plus ``source_name``/``copy_name``.

    Lines are written as they are made, so a scan with millions of edges
    never holds the whole export in memory.
    """
    names = node_names(result)
    for edge in result.edges:
        row = edge_to_dict(edge)
        # Names sit beside their ids so a reader of one line needs nothing else.
        obj = {
            "source": row.pop("source"),
            "source_name": names.get(edge.source, edge.source),
            "copy": row.pop("copy"),
            "copy_name": names.get(edge.copy, edge.copy),
            **row,
        }
        out.write(json.dumps(obj, ensure_ascii=False, allow_nan=False))
        out.write("\n")


def render_family_pairs(pairs: Iterable[FamilyPair], out: TextIO) -> int:
    """One JSON object per pair of family members per line (``scan --family-pairs``); return how many.

    Each line: ``family``, ``a``, ``b`` (``a`` the smaller id), ``compared``
    (the scan aligned the pair itself), the pair's ``verdict`` with
    ``words``, ``authored_words``, ``quoted_words`` and ``first_appearance``,
    and ``passages``: ``id`` (the main output's, or null for a pair aligned
    after the scan), sides ``a`` and ``b`` (``start``, ``end``: ``[start,
    end)`` in that document's text; ``words``, ``quoted``), ``words``,
    ``similarity``, ``authored_words``, ``quote``. Written as made.
    """
    count = 0
    for fp in pairs:
        v = fp.verdict
        row = {
            "family": fp.family,
            "a": fp.a,
            "b": fp.b,
            "compared": fp.compared,
            "verdict": v.verdict,
            "words": v.words,
            "authored_words": v.authored_words,
            "quoted_words": v.quoted_words,
            "first_appearance": v.first_appearance,
            "passages": [_pair_passage(p) for p in fp.passages],
        }
        out.write(json.dumps(row, ensure_ascii=False, allow_nan=False))
        out.write("\n")
        count += 1
    return count


def _pair_passage(p: Passage) -> dict:
    def side(s: PassageSide) -> dict:
        return {"start": s.start, "end": s.end, "words": s.words, "quoted": float(round(s.quoted, 4))}

    return {
        "id": p.id or None,
        "a": side(p.a),
        "b": side(p.b),
        "words": p.words,
        "similarity": float(round(p.similarity, 1)),
        "authored_words": p.authored_words,
        "quote": p.quote,
    }


CSV_COLUMNS = (
    "source",
    "source_name",
    "copy",
    "copy_name",
    "kind",
    "confidence",
    "words",
    "share",
    "passages",
    "evidence",
)


def render_csv(result: Result, out: TextIO) -> None:
    """Edges as CSV with a header row (columns ``CSV_COLUMNS``).

    ``passages`` holds the passage ids separated by spaces, ``evidence`` the
    evidence details joined with `` | ``. Rows end in ``\\r\\n`` as RFC 4180
    says, so open a file for it with ``newline=""``. Not ``\\n``: the csv module
    only quotes a field for the line-end characters of its terminator, and a
    name holding a lone CR would then split its row when read back.
    """
    names = node_names(result)
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for edge in result.edges:
        row = edge_to_dict(edge)  # the same rounding as the JSON output
        writer.writerow(
            (
                edge.source,
                names.get(edge.source, edge.source),
                edge.copy,
                names.get(edge.copy, edge.copy),
                edge.kind,
                row["confidence"],
                edge.words,
                row["share"],
                " ".join(edge.passages),
                " | ".join(ev.detail for ev in edge.evidence),
            )
        )


FORMATS: dict[str, Callable[[Result, TextIO], None]] = {
    "jsonl": render_jsonl,
    "csv": render_csv,
    "graphml": render_graphml,
    "gexf": render_gexf,
    "dot": render_dot,
}
