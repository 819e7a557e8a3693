"""The JSON boundary: a ``Result`` as plain data, its schema, and an integrity check.

This is the only place dataclasses become dicts; every other renderer that
needs plain data (the JSONL export, for one) takes it from here so the shapes
never drift apart. The output is described by ``syndtrace/data/result.schema.json``
(JSON Schema draft 2020-12), whose ``schema_version`` is ``SCHEMA_VERSION``.

Order follows the ``Result``: the pipeline already sorts its sequences, so
rendering the same ``Result`` twice gives the same bytes. Floats are rounded
to fixed places so tiny arithmetic noise does not churn diffs of outputs.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import orjson

from syndtrace import SCHEMA_VERSION, __version__
from syndtrace.model import (
    Credit,
    Document,
    Edge,
    Evidence,
    Family,
    InputProblem,
    Insertion,
    PairStats,
    Passage,
    PassageSide,
    Result,
    Source,
    TreeNode,
)

__all__ = ["result_to_dict", "dumps", "schema", "check_references", "edge_to_dict", "node_names"]


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
        "chars": len(doc.text),
        "encoding": doc.encoding,
    }
    if doc.line is not None:
        out["line"] = doc.line
    return out


def _side(side: PassageSide) -> dict:
    return {
        "doc": side.doc,
        "start": side.start,
        "end": side.end,
        "text": side.text,
        "words": side.words,
        "quoted": _r(side.quoted, 4),
        "attribution": side.attribution,
        "whole_paragraphs": side.whole_paragraphs,
    }


def _insertion(ins: Insertion) -> dict:
    return {"doc": ins.doc, "start": ins.start, "end": ins.end, "text": ins.text, "bracketed": ins.bracketed}


def _passage(p: Passage) -> dict:
    return {
        "id": p.id,
        "a": _side(p.a),
        "b": _side(p.b),
        "words": p.words,
        "similarity": _r(p.similarity, 1),
        "authored_words": p.authored_words,
        "quote": p.quote,
        "insertions": [_insertion(i) for i in p.insertions],
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


def _pair(p: PairStats) -> dict:
    return {
        "a": p.a,
        "b": p.b,
        "shingles": {"a": p.shingles_a, "b": p.shingles_b},
        "jaccard": {"exact": _r(p.jaccard, 4), "estimate": _r(p.jaccard_estimate, 4)},
        "containment": {
            "a_in_b": {"exact": _r(p.containment_a_in_b, 4), "estimate": _r(p.containment_a_in_b_estimate, 4)},
            "b_in_a": {"exact": _r(p.containment_b_in_a, 4), "estimate": _r(p.containment_b_in_a_estimate, 4)},
        },
    }


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


def _family(fam: Family, names: dict[str, str], doc_ids: set[str]) -> dict:
    return {
        "id": fam.id,
        "root": fam.root,
        "root_name": fam.root_name,
        "members": list(fam.members),
        "tree": _node(fam.tree, names, doc_ids),
    }


def _problem(p: InputProblem) -> dict:
    return {"path": p.path, "line": p.line, "reason": p.reason}


def _sections(result: Result) -> list[tuple[str, Any]]:
    """The top-level keys in order, each with a dict or an iterable of list items (built lazily)."""
    names = node_names(result)
    doc_ids = {doc.id for doc in result.documents}
    return [
        ("syndtrace", {"version": __version__, "schema_version": SCHEMA_VERSION, "command": result.command}),
        ("settings", _plain(result.settings)),
        ("documents", map(_document, result.documents)),
        ("passages", map(_passage, result.passages)),
        ("edges", map(edge_to_dict, result.edges)),
        ("sources", map(_source, result.sources)),
        ("pairs", map(_pair, result.pairs)),
        ("tree", (_node(n, names, doc_ids) for n in result.tree)),
        ("families", (_family(f, names, doc_ids) for f in result.families)),
        ("problems", map(_problem, result.problems)),
    ]


def result_to_dict(result: Result) -> dict:
    """The whole ``Result`` as plain JSON data (dicts, lists, str, int, float, bool, None).

    The shape is ``syndtrace/data/result.schema.json``; document texts are
    left out (each passage side carries its own text and offsets).
    """
    return {key: value if isinstance(value, dict) else list(value) for key, value in _sections(result)}


def dumps(result: Result, *, indent: int | None = 2) -> str:
    """The ``Result`` as a JSON document, UTF-8 text as is, ending in a newline.

    Byte for byte what ``json.dumps(result_to_dict(result), ensure_ascii=False,
    indent=indent)`` writes (the tests hold it to that). NaN and Infinity are
    refused: they are not JSON, and emitting them would break ``jq`` and
    strict parsers downstream.
    """
    buffer = io.StringIO()
    dump(result, buffer, indent=indent)
    return buffer.getvalue()


_BATCH = 512  # list items encoded per write


def dump(result: Result, out, *, indent: int | None = 2) -> None:
    """Write exactly ``dumps(result)`` to ``out``, item by item.

    A corpus result runs to hundreds of megabytes of JSON. Building it as one
    dict tree and one string first doubled the peak memory, and the standard
    library's indenting encoder is pure Python (over half a minute at 100k
    articles). So each list item is converted only when written, and encoded
    by orjson, whose two-space indentation is re-based to the item's depth.
    """
    if indent != 2:
        out.write(json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent, allow_nan=False) + "\n")
        return
    for chunk in _indented(_sections(result)):
        out.write(chunk)


def _indented(sections: list[tuple[str, Any]]) -> Iterator[str]:
    yield "{"
    for k, (key, value) in enumerate(sections):
        yield ("\n" if k == 0 else ",\n") + "  " + _encode(key, "") + ": "
        if isinstance(value, dict):
            yield _encode(value, "  ")
            continue
        items = iter(value)
        batch = [_encode(item, "    ", first=True) for _, item in zip(range(_BATCH), items)]
        if not batch:
            yield "[]"
            continue
        yield "[\n"
        while batch:
            yield ",\n".join(batch)
            batch = [_encode(item, "    ", first=True) for _, item in zip(range(_BATCH), items)]
            if batch:
                yield ",\n"
        yield "\n  ]"
    yield "\n}\n"


def _encode(value: Any, pad: str, *, first: bool = False) -> str:
    """``value`` as indented JSON, every line after the first padded by ``pad`` (the first too if ``first``)."""
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    if pad:
        text = text.replace("\n", "\n" + pad)
    return pad + text if first else text


@cache
def _schema_text() -> str:
    return resources.files("syndtrace").joinpath("data", "result.schema.json").read_text(encoding="utf-8")


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of ``result_to_dict`` output; a fresh copy per call."""
    return json.loads(_schema_text())


def _walk(node: dict, parent: dict | None, where: str):
    """Yield ``(node, parent, where)`` for a JSON tree node and its descendants."""
    yield node, parent, where
    for i, child in enumerate(node.get("children", ())):
        yield from _walk(child, node, f"{where}.children[{i}]")


def check_references(d: dict) -> list[str]:
    """Referential integrity of ``result_to_dict`` output; returns the problems found.

    The schema checks shapes; this checks that ids point at something: edge
    ends and tree nodes are documents or sources, edge passages exist,
    passage sides and pairs name documents, offsets lie inside their
    document, and each tree node's edge joins it to its parent. An empty
    list means the output is consistent. Run it on output that passes the
    schema: it reads the keys the schema requires without checking for them.
    """
    problems: list[str] = []
    chars = {}
    for i, doc in enumerate(d.get("documents", [])):
        if doc["id"] in chars:
            problems.append(f"documents[{i}]: duplicate document id {doc['id']!r}")
        chars[doc["id"]] = doc["chars"]
        for j, credit in enumerate(doc.get("credits", [])):
            if not 0 <= credit["start"] <= credit["end"] <= doc["chars"]:
                problems.append(f"documents[{i}].credits[{j}]: span outside the document's {doc['chars']} chars")
    source_ids: set[str] = set()
    for i, src in enumerate(d.get("sources", [])):
        if src["id"] in source_ids:
            problems.append(f"sources[{i}]: duplicate source id {src['id']!r}")
        if src["id"] in chars:
            problems.append(f"sources[{i}]: source id {src['id']!r} is also a document id")
        source_ids.add(src["id"])
    nodes = set(chars) | source_ids

    def span(where: str, ref: dict) -> None:
        if ref["doc"] not in chars:
            problems.append(f"{where}: unknown document {ref['doc']!r}")
        elif not 0 <= ref["start"] <= ref["end"] <= chars[ref["doc"]]:
            problems.append(f"{where}: span [{ref['start']}, {ref['end']}) outside {ref['doc']!r}")

    passage_ids: set[str] = set()
    for i, p in enumerate(d.get("passages", [])):
        where = f"passages[{i}]"
        if p["id"] in passage_ids:
            problems.append(f"{where}: duplicate passage id {p['id']!r}")
        passage_ids.add(p["id"])
        span(f"{where}.a", p["a"])
        span(f"{where}.b", p["b"])
        for j, ins in enumerate(p.get("insertions", [])):
            span(f"{where}.insertions[{j}]", ins)
            if ins["doc"] not in (p["a"]["doc"], p["b"]["doc"]):
                problems.append(f"{where}.insertions[{j}]: {ins['doc']!r} is neither side of the passage")

    # (source, copy) -> kinds, both directions: an undetermined edge stores its
    # ends in id order, so the tree may hang either end under the other.
    linked: dict[tuple[str, str], set[str]] = {}
    for i, e in enumerate(d.get("edges", [])):
        where = f"edges[{i}]"
        for end in ("source", "copy"):
            if e[end] not in nodes:
                problems.append(f"{where}: {end} {e[end]!r} is neither a document nor a source")
        if e["source"] == e["copy"]:
            problems.append(f"{where}: edge from {e['source']!r} to itself")
        for pid in e["passages"]:
            if pid not in passage_ids:
                problems.append(f"{where}: unknown passage {pid!r}")
        for j, ev in enumerate(e.get("evidence", [])):
            if ev["favours"] is not None and ev["favours"] not in nodes:
                problems.append(f"{where}.evidence[{j}]: favours unknown node {ev['favours']!r}")
        linked.setdefault((e["source"], e["copy"]), set()).add(e["kind"])
        linked.setdefault((e["copy"], e["source"]), set()).add(e["kind"])

    for i, p in enumerate(d.get("pairs", [])):
        for end in ("a", "b"):
            if p[end] not in chars:
                problems.append(f"pairs[{i}]: {end} {p[end]!r} is not a document")

    def tree(where: str, root: dict) -> None:
        seen: set[str] = set()
        for node, parent, at in _walk(root, None, where):
            if node["id"] not in nodes:
                problems.append(f"{at}: node {node['id']!r} is neither a document nor a source")
            if node["id"] in seen:
                problems.append(f"{at}: node {node['id']!r} appears twice in one tree")
            seen.add(node["id"])
            edge = node["edge"]
            if parent is None:
                continue
            if edge is None:
                problems.append(f"{at}: node {node['id']!r} has a parent but no edge to it")
                continue
            if edge["kind"] not in linked.get((parent["id"], node["id"]), ()):
                problems.append(f"{at}: no {edge['kind']} edge joins {parent['id']!r} and {node['id']!r}")
            for pid in edge["passages"]:
                if pid not in passage_ids:
                    problems.append(f"{at}: unknown passage {pid!r}")

    for i, root in enumerate(d.get("tree", [])):
        if root["edge"] is not None:
            problems.append(f"tree[{i}]: a root node has an edge")
        tree(f"tree[{i}]", root)
    for i, fam in enumerate(d.get("families", [])):
        where = f"families[{i}]"
        for m in [fam["root"], *fam["members"]]:
            if m not in nodes:
                problems.append(f"{where}: member {m!r} is neither a document nor a source")
        if fam["tree"]["id"] != fam["root"]:
            problems.append(f"{where}: tree is rooted at {fam['tree']['id']!r}, not the family root {fam['root']!r}")
        tree(f"{where}.tree", fam["tree"])
    return problems
