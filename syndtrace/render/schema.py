"""The JSON output's schema, and the referential checks a schema cannot express.

``syndtrace/data/result.schema.json`` (JSON Schema draft 2020-12) describes
the shape of ``syndtrace.render.json`` output; ``check_references`` checks
that its ids and offsets point at something.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

__all__ = ["schema", "check_references"]


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
    passage sides, ``texts`` spans and pairs name documents, offsets lie
    inside their document (and a ``texts`` span's text is as long as it), and each tree node's edge joins it to its parent. An empty
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

    for i, t in enumerate(d.get("texts", [])):
        span(f"texts[{i}]", t)
        if len(t["text"]) != t["end"] - t["start"]:
            problems.append(f"texts[{i}]: {len(t['text'])} characters of text for a span of {t['end'] - t['start']}")

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

    for i, r in enumerate(d.get("rewrites", [])):
        for end in ("a", "b"):
            if r[end] not in chars:
                problems.append(f"rewrites[{i}]: {end} {r[end]!r} is not a document")

    for i, p in enumerate(d.get("pairs", [])):
        for end in ("a", "b"):
            if p[end] not in chars:
                problems.append(f"pairs[{i}]: {end} {p[end]!r} is not a document")
        if p.get("first_appearance") not in (None, p["a"], p["b"]):
            problems.append(f"pairs[{i}]: first_appearance {p['first_appearance']!r} is neither side of the pair")
        if "words" in p and p["authored_words"] + p["quoted_words"] != p["words"]:
            problems.append(f"pairs[{i}]: authored_words and quoted_words do not add up to words")

    def link(at: str, kind: str, above: str, below: str, passages: list[str]) -> None:
        """A compact edge reference (a tree node's, an outside member's gift) names a real edge."""
        if kind not in linked.get((above, below), ()):
            problems.append(f"{at}: no {kind} edge joins {above!r} and {below!r}")
        for pid in passages:
            if pid not in passage_ids:
                problems.append(f"{at}: unknown passage {pid!r}")

    def tree(where: str, root: dict) -> set[str]:
        """Check one tree; return the ids it holds."""
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
            link(at, edge["kind"], parent["id"], node["id"], edge["passages"])
        return seen

    for i, root in enumerate(d.get("tree", [])):
        if root["edge"] is not None:
            problems.append(f"tree[{i}]: a root node has an edge")
        tree(f"tree[{i}]", root)
    family_ids = {fam["id"] for fam in d.get("families", [])}
    for i, fam in enumerate(d.get("families", [])):
        where = f"families[{i}]"
        for k, lk in enumerate(fam.get("links", [])):
            if lk["family"] not in family_ids or lk["family"] == fam["id"]:
                problems.append(f"{where}.links[{k}]: {lk['family']!r} is not another family")
        for m in [fam["root"], *fam["members"]]:
            if m not in nodes:
                problems.append(f"{where}: member {m!r} is neither a document nor a source")
        if fam["tree"]["id"] != fam["root"]:
            problems.append(f"{where}: tree is rooted at {fam['tree']['id']!r}, not the family root {fam['root']!r}")
        held = tree(f"{where}.tree", fam["tree"])
        if "outside_tree" not in fam:  # an output written before the field was added
            continue
        left_out = {out["id"] for out in fam["outside_tree"]}
        for m in fam["members"]:
            if m not in held and m not in left_out:
                problems.append(f"{where}: member {m!r} is neither in the tree nor in outside_tree")
        for k, out in enumerate(fam["outside_tree"]):
            at = f"{where}.outside_tree[{k}]"
            if out["id"] not in fam["members"] or out["id"] in held:
                problems.append(f"{at}: {out['id']!r} is not a member left out of the tree")
            for gift in out["gave"]:
                if gift["copy"] not in held:
                    problems.append(f"{at}: it gave to {gift['copy']!r}, which is not in the tree")
                link(at, gift["kind"], out["id"], gift["copy"], gift["passages"])
    return problems
