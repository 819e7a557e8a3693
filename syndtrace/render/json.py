"""The JSON boundary: a ``Result`` as plain data, written as JSON.

This is the only place dataclasses become dicts; every other renderer that
needs plain data (the JSONL export, for one) takes it from here so the shapes
never drift apart. The output is described by ``syndtrace/data/result.schema.json``
(JSON Schema draft 2020-12), whose ``schema_version`` is ``SCHEMA_VERSION``;
``syndtrace.render.schema`` loads it and checks the references within an output.

Order follows the ``Result``: the pipeline already sorts its sequences, so
rendering the same ``Result`` twice gives the same bytes.

Passage texts (``passage_text``): a scan's families repeat one text in many
passages (a story reprinted 300 times is aligned 1,200 times), so by default
(``"once"``) sides carry offsets only and ``texts`` holds each document's
shared text once, as the merged spans of its passage sides. ``"full"`` puts
each side's text on the side (schema_version 1's shape); ``"none"`` writes
no passage text at all (``--no-passage-text``). Floats are rounded
to fixed places so tiny arithmetic noise does not churn diffs of outputs.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from syndtrace import SCHEMA_VERSION, __version__
from syndtrace.familytree import gifts_by_source, outside_tree
from syndtrace.lineage import Edge, Evidence, Family, Result, Rewrite, Source, TreeNode
from syndtrace.model import Credit, Document, InputProblem, Insertion, PairStats, PairVerdict, Passage, PassageSide
from syndtrace.packed import insertion_rows
from syndtrace.render.jsonstream import indented

__all__ = ["result_to_dict", "dumps", "dump", "edge_to_dict", "node_names", "side_text", "shared_spans", "PASSAGE_TEXT"]


def _r(value: float, places: int) -> float:
    # float() first: round() on an int returns an int, and the schema and
    # consumers expect the same JSON type for a field on every row.
    value = float(value)
    if not math.isfinite(value):
        # NaN and Infinity are not JSON (orjson would quietly write null): a bug upstream, so fail loudly.
        raise ValueError(f"non-finite number {value!r} in a result")
    return round(value, places)


def _plain(value: Any) -> Any:
    """Settings as JSON-ready data: tuples become lists, sets sorted lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        # Sets have no order of their own; sort so output is deterministic.
        return sorted((_plain(v) for v in value), key=repr)
    return value


def node_names(result: Result) -> dict[str, str]:
    """Display name of every document and source id, as ``Result.node_name`` gives it.

    ``node_name`` scans both tuples per call; a ``scan`` result names every
    node of a large forest, so renderers look names up here instead.
    Documents win over sources on a shared id, as in ``node_name``.
    """
    names = {src.id: src.name for src in result.sources}
    names.update((doc.id, doc.label) for doc in result.documents)
    return names


def _credit(credit: Credit) -> dict:
    return {
        "kind": credit.kind,
        "source": credit.source,
        "author": credit.author,
        "date": credit.date,
        "start": credit.start,
        "end": credit.end,
        "text": credit.text,
    }


def _document(doc: Document) -> dict:
    out = {
        "id": doc.id,
        "path": doc.path,
        "outlet": doc.outlet,
        "date": doc.date,
        "title": doc.title,
        "author": doc.author,
        "url": doc.url,
        "credits": [_credit(c) for c in doc.credits],
        "metadata_from": dict(doc.provenance),
        # The text itself stays out (scan outputs would carry the corpus);
        # its length lets a reader check offsets without it.
        "chars": doc.chars,
        "encoding": doc.encoding,
        # What the offsets index: the file as decoded, or the article extracted from a web page.
        "text_source": doc.text_source,
        "source_url": doc.source_url,
    }
    if doc.line is not None:
        out["line"] = doc.line
    if doc.offset is not None:
        out["offset"] = doc.offset
    return out


PASSAGE_TEXT = ("once", "full", "none")


def _side(side: PassageSide, text: str | None) -> dict:
    out = {"doc": side.doc, "start": side.start, "end": side.end}
    if text is not None:
        out["text"] = text
    out.update({
        "words": side.words,
        "quoted": _r(side.quoted, 4),
        "attribution": side.attribution,
        "whole_paragraphs": side.whole_paragraphs,
    })  # fmt: skip
    return out


def _insertions(insertions: Sequence[Insertion]) -> list[dict]:
    return [
        {"doc": doc, "start": start, "end": end, "text": text, "bracketed": bracketed}
        for doc, start, end, text, bracketed in insertion_rows(insertions)
    ]


def _passage(p: Passage, side_text: Callable[[PassageSide], str | None]) -> dict:
    return {
        "id": p.id,
        "a": _side(p.a, side_text(p.a)),
        "b": _side(p.b, side_text(p.b)),
        "words": p.words,
        "similarity": _r(p.similarity, 1),
        "authored_words": p.authored_words,
        "quote": p.quote,
        "insertions": _insertions(p.insertions),
    }


def _evidence(ev: Evidence) -> dict:
    return {"kind": ev.kind, "favours": ev.favours, "weight": _r(ev.weight, 3), "detail": ev.detail}


def edge_to_dict(edge: Edge) -> dict:
    """One edge as it appears in the JSON ``edges`` list (the JSONL export reuses it)."""
    return {
        "source": edge.source,
        "copy": edge.copy,
        "kind": edge.kind,
        "confidence": _r(edge.confidence, 3),
        "passages": list(edge.passages),
        "words": edge.words,
        "share": _r(edge.share, 4),
        "evidence": [_evidence(e) for e in edge.evidence],
    }


def _source(src: Source) -> dict:
    return {
        "id": src.id,
        "name": src.name,
        "kind": src.kind,
        "why": src.why,
        "author": src.author,
        "date": src.date,
        # Emitted as stored, not forced to False: the schema pins it to false,
        # so a pipeline bug that marks a corpus document as a Source shows up.
        "in_corpus": src.in_corpus,
    }


def _pair(p: PairStats, verdict: PairVerdict | None) -> dict:
    out = {
        "a": p.a,
        "b": p.b,
        "shingles": {"a": p.shingles_a, "b": p.shingles_b},
        "jaccard": {"exact": _r(p.jaccard, 4), "estimate": _r(p.jaccard_estimate, 4)},
        "containment": {
            "a_in_b": {"exact": _r(p.containment_a_in_b, 4), "estimate": _r(p.containment_a_in_b_estimate, 4)},
            "b_in_a": {"exact": _r(p.containment_b_in_a, 4), "estimate": _r(p.containment_b_in_a_estimate, 4)},
        },
        "boilerplate_shingles": p.boilerplate_shingles,
    }
    if verdict is not None:
        out.update(
            verdict=verdict.verdict,
            words=verdict.words,
            authored_words=verdict.authored_words,
            quoted_words=verdict.quoted_words,
            first_appearance=verdict.first_appearance,
        )
    return out


def _pairs(result: Result) -> Iterator[dict]:
    """``pairs`` items, each with its verdict (a result built before verdicts existed has none)."""
    verdicts = {(v.a, v.b): v for v in result.verdicts}
    for p in result.pairs:
        verdict = verdicts.get((p.a, p.b))
        if verdict is None and verdicts:
            raise ValueError(f"pair {p.a!r}, {p.b!r} has no verdict")
        yield _pair(p, verdict)


def _node(node: TreeNode, names: dict[str, str], doc_ids: set[str]) -> dict:
    edge = None
    if node.edge is not None:
        # A compact reference: the full edge (evidence and all) is in "edges".
        edge = {
            "kind": node.edge.kind,
            "confidence": _r(node.edge.confidence, 3),
            "passages": list(node.edge.passages),
        }
    return {
        "id": node.id,
        "name": names.get(node.id, node.id),
        "kind": "document" if node.id in doc_ids else "source",
        "edge": edge,
        "children": [_node(child, names, doc_ids) for child in node.children],
    }


def _family(fam: Family, names: dict[str, str], doc_ids: set[str], gifts: dict[str, list[Edge]]) -> dict:
    return {
        "id": fam.id,
        "root": fam.root,
        "root_name": fam.root_name,
        "members": list(fam.members),
        "tree": _node(fam.tree, names, doc_ids),
        # Members the tree leaves out (second originals), so a reader of the tree alone misses none.
        "outside_tree": [
            {
                "id": member,
                "name": names.get(member, member),
                "gave": [{"copy": e.copy, "kind": e.kind, "words": e.words, "passages": list(e.passages)} for e in gave],
            }
            for member, gave in outside_tree(fam, gifts)
        ],
        # Other stories it shares text with without being one story (a background paragraph, an excerpt).
        "links": [{"family": lk.family, "words": lk.words, "pairs": lk.pairs} for lk in fam.links],
    }


def _rewrite(r: Rewrite) -> dict:
    return {
        "a": r.a,
        "b": r.b,
        "kind": "possible-rewrite",
        "cosine": _r(r.cosine, 4),
        "numbers": list(r.numbers),
        "names": list(r.names),
        "verbatim_words": r.verbatim_words,
    }


def _problem(p: InputProblem) -> dict:
    out = {"path": p.path, "line": p.line, "reason": p.reason}
    if p.offset is not None:  # a web archive's record
        out["offset"] = p.offset
    return out


def shared_spans(result: Result) -> Iterator[dict]:
    """Each document's passage sides merged into spans, with their text: the ``texts`` items.

    In the order of ``result.documents``, spans by start; overlapping or
    touching sides become one span. A document's text is read once.
    """
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for p in result.passages:
        for side in (p.a, p.b):
            by_doc.setdefault(side.doc, []).append((side.start, side.end))
    for doc in result.documents:
        spans = sorted(by_doc.pop(doc.id, ()))
        if not spans:
            continue
        text = result.document_text(doc)
        merged = [list(spans[0])]
        for start, end in spans[1:]:
            if start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            yield {"doc": doc.id, "start": start, "end": end, "text": text[start:end]}


def _sections(result: Result, passage_text: str = "once") -> list[tuple[str, Any]]:
    """The top-level keys in order, each with a dict or an iterable of list items (built lazily)."""
    if passage_text not in PASSAGE_TEXT:
        raise ValueError(f"passage_text must be one of {', '.join(PASSAGE_TEXT)}, not {passage_text!r}")
    names = node_names(result)
    doc_ids = {doc.id for doc in result.documents}
    gifts = gifts_by_source(result.edges) if result.families else {}
    side_text = result.side_text if passage_text == "full" else (lambda side: None)
    header = {"version": __version__, "schema_version": SCHEMA_VERSION, "command": result.command}
    header["passage_text"] = passage_text
    return [
        ("syndtrace", header),
        ("settings", _plain(result.settings)),
        ("documents", map(_document, result.documents)),
        ("passages", (_passage(p, side_text) for p in result.passages)),
        ("texts", shared_spans(result) if passage_text == "once" else iter(())),
        ("edges", map(edge_to_dict, result.edges)),
        ("sources", map(_source, result.sources)),
        ("pairs", _pairs(result)),
        ("tree", (_node(n, names, doc_ids) for n in result.tree)),
        ("families", (_family(f, names, doc_ids, gifts) for f in result.families)),
        ("problems", map(_problem, result.problems)),
        ("notes", map(_problem, result.notes)),
        ("rewrites", map(_rewrite, result.rewrites)),
    ]


def result_to_dict(result: Result, passage_text: str = "once") -> dict:
    """The whole ``Result`` as plain JSON data (dicts, lists, str, int, float, bool, None).

    The shape is ``syndtrace/data/result.schema.json``; document texts are
    left out, passage texts written as ``passage_text`` says (see the module
    docstring).
    """
    return {key: value if isinstance(value, dict) else list(value) for key, value in _sections(result, passage_text)}


def side_text(data: dict, side: dict) -> str | None:
    """A passage side's text in JSON output of any ``passage_text``: its own, or cut from ``texts``."""
    if "text" in side:
        return side["text"]
    for span in data.get("texts", ()):
        if span["doc"] == side["doc"] and span["start"] <= side["start"] and side["end"] <= span["end"]:
            return span["text"][side["start"] - span["start"] : side["end"] - span["start"]]
    return None


def dumps(result: Result, *, indent: int | None = 2, passage_text: str = "once") -> str:
    """The ``Result`` as a JSON document, UTF-8 text as is, ending in a newline.

    Byte for byte what ``json.dumps(result_to_dict(result), ensure_ascii=False,
    indent=indent)`` writes (the tests hold it to that). NaN and Infinity are
    refused: they are not JSON, and emitting them would break ``jq`` and
    strict parsers downstream.
    """
    buffer = io.StringIO()
    dump(result, buffer, indent=indent, passage_text=passage_text)
    return buffer.getvalue()



def dump(result: Result, out, *, indent: int | None = 2, passage_text: str = "once") -> None:
    """Write exactly ``dumps(result)`` to ``out``, item by item.

    A corpus result runs to hundreds of megabytes of JSON. Building it as one
    dict tree and one string first doubled the peak memory, and the standard
    library's indenting encoder is pure Python (over half a minute at 100k
    articles). So each list item is converted only when written, and encoded
    by orjson, whose two-space indentation is re-based to the item's depth.
    """
    if indent != 2:
        data = result_to_dict(result, passage_text)
        out.write(json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False) + "\n")
        return
    for chunk in indented(_sections(result, passage_text)):
        out.write(chunk)
