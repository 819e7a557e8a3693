"""``--format html``: the result as one self-contained web page.

The page is a template (``syndtrace/data/report.html``) with the style
sheet (``report.css``) and the script (``report-*.js``, four parts joined in
one function) inlined, and the data as one JSON blob in a ``<script
type="application/json">`` element. The script draws the page from that
blob: families are drawn when they are opened, so a 10,000-article scan's
report opens in seconds. All text from the articles reaches the page
through the DOM's text nodes, never as markup; a Content-Security-Policy
lets only the page's own script and style run, and allows no network at all.

The data is the JSON output's (``syndtrace.render.json.result_to_dict``),
so a field added there shows up here, plus what a reader of the page needs:

- each document's ``text`` (once, not per passage; ``null`` for articles
  that share no passage and belong to no family, which a scan leaves out:
  nothing of theirs is shown, and their texts would double the page) and
  ``quotes``, the ``[start, end)`` spans of its text inside quotation marks,
  as the aligner saw them (``syndtrace.normalize.tokenize``);
- per passage side, ``diff``: ``[start, end)`` spans of the words that differ
  from the other side (``syndtrace.render.diff``, on the words the aligner
  compares); the side's ``text`` is dropped, the page cuts it from the
  document's; only bracketed insertions are kept (the others are the
  differing words again), and ``metadata_from``, ``encoding`` and
  ``whole_paragraphs`` are left out (the page does not show them);
- per family, ``days``: the first and last publication day of its members;
- ``totals``: the counts the page's header shows.

Every span is in Python string indices (code points) into the document's
text; the script converts them to the UTF-16 indices of JavaScript strings.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import replace
from importlib import resources
from string import Template
from typing import TextIO

import numpy as np
import orjson

from syndtrace.dates import day_of
from syndtrace.lineage import Result
from syndtrace.model import Document
from syndtrace.normalize import TokenStream, tokenize
from syndtrace.render.diff import differing_runs
from syndtrace.render.json import result_to_dict

__all__ = ["render_html", "report_data", "script_json", "script_json_chunks", "write_page"]


def render_html(result: Result, out: TextIO) -> None:
    """Write the report page for ``result`` to ``out``."""
    write_page(report_data(result), out)


def write_page(data: dict, out: TextIO) -> None:
    """Write the page that shows ``data`` (``report_data``'s) to ``out``."""
    css = _asset("report.css")
    js = _script()
    title = f"syndtrace {data['syndtrace']['command']}: {data['totals']['articles']} articles"
    page = Template(_asset("report.html")).substitute(
        title=html.escape(title),
        csp=f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}",
        css=css,
        js=js,
        payload="\0",
    )
    head, tail = page.split("\0")
    out.write(head)
    for chunk in script_json_chunks(data):
        out.write(chunk)
    out.write(tail)


def script_json(data: dict) -> str:
    """``data`` as JSON that can stand inside a ``<script>`` element.

    The HTML parser ends a script at ``</script`` and treats ``<!--`` in it
    specially, whatever the script's type, so every ``<`` is written as the
    JSON escape ``\\u003c`` (it can only stand inside a string). U+2028 and
    U+2029 are escaped too, for readers that take the JSON as JavaScript.
    ``JSON.parse`` gives back exactly ``data``.
    """
    return "".join(script_json_chunks(data))


_BATCH = 512  # list items encoded at a time


def script_json_chunks(data: dict) -> Iterator[str]:
    """``script_json(data)`` in pieces: a corpus's report data is tens of megabytes, never held as one string."""
    yield "{"
    for k, (key, value) in enumerate(data.items()):
        yield ("," if k else "") + _script_safe(orjson.dumps(key)) + ":"
        if not isinstance(value, list):
            yield _script_safe(orjson.dumps(value))
            continue
        yield "["
        for start in range(0, len(value), _BATCH):
            items = _script_safe(orjson.dumps(value[start : start + _BATCH]))[1:-1]  # without the brackets
            yield ("," if start else "") + items
        yield "]"
    yield "}"


def _script_safe(encoded: bytes) -> str:
    text = encoded.decode("utf-8")
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def report_data(result: Result) -> dict:
    """The page's data: the JSON output's, with texts, quotation and difference spans, and totals.

    A scan's documents that share no passage and belong to no family are
    counted but left out, with their texts: the page shows nothing of them.
    """
    in_passages = {side.doc for p in result.passages for side in (p.a, p.b)}
    docs = {d.id: d for d in result.documents}
    in_families = {m for f in result.families for m in f.members if m in docs}
    scan = result.command == "scan"
    shown = (in_passages | in_families) if scan else set(docs)
    # Read each text once, in document order (a scan reads them back from its inputs).
    texts = {d.id: result.document_text(d) for d in result.documents if d.id in shown}
    reading = replace(result, texts=texts.__getitem__) if result.texts is not None else result
    # The page holds each document's whole text and cuts passages from it: no passage texts.
    data = result_to_dict(reading, passage_text="none")
    data.pop("texts", None)

    referenced = shown | _edge_ends(data) | {i for node in data["tree"] for i in _tree_ids(node)}
    words = _Words(docs, texts)
    _add_differences(data["passages"], words, result)
    data["documents"] = [
        _with_text(doc, texts.get(doc["id"]), words) for doc in data["documents"] if not scan or doc["id"] in referenced
    ]
    for family in data["families"]:
        days = sorted(d for d in (day_of(docs[m].date) for m in family["members"] if m in docs) if d)
        family["days"] = [days[0], days[-1]] if days else []
    data["totals"] = {
        "inputs": len(result.documents) + len(result.problems),
        "articles": len(result.documents),
        "skipped": len(result.problems),
        "passages": len(result.passages),
        "edges": len(result.edges),
        "families": len(result.families),
        "in_families": len(in_families),
        "sharing": len(in_passages),
        "shared_quote_pairs": sum(1 for e in result.edges if e.kind == "shared-quote"),
        "listed": len(data["documents"]),
        "texts_left_out": len(result.documents) - len(texts),
    }
    return data


def _with_text(doc: dict, text: str | None, words: _Words) -> dict:
    """A document's dict as the page takes it: with its text and quotation spans."""
    del doc["metadata_from"], doc["encoding"]
    doc["text"] = text
    doc["quotes"] = words.quotes(doc["id"]) if text is not None else []
    return doc


def _add_differences(passages: list[dict], words: _Words, result: Result) -> None:
    """Give each passage side its ``diff`` spans; drop what the page does not use."""
    # One family's passages one after another, so its members' words are made about once each.
    family = {}
    for k, fam in enumerate(result.families):
        for member in fam.members:
            family.setdefault(member, k)
    last = len(result.families)

    def order(p: dict) -> tuple:
        a, b = p["a"]["doc"], p["b"]["doc"]
        return min(family.get(a, last), family.get(b, last)), a, b

    for passage in sorted(passages, key=order):
        a, b = passage["a"], passage["b"]
        a["diff"], b["diff"] = _differing(words(a["doc"]), a, words(b["doc"]), b)
        # Unbracketed insertions are the differing words again; only an editor's brackets are said.
        passage["insertions"] = [i for i in passage["insertions"] if i["bracketed"]]
        for side in (a, b):
            side.pop("text", None)
            del side["whole_paragraphs"]  # the page cuts the text from the document's


class _Words:
    """Each document's words (``syndtrace.normalize.tokenize``), made when asked for, the last few kept.

    Passages come family by family, so the same documents are asked for
    again soon; keeping every one would hold a corpus's word arrays at once.
    The quotation spans of every document seen are kept (they are few).
    """

    _KEEP = 512

    def __init__(self, docs: dict[str, Document], texts: dict[str, str]) -> None:
        self._docs = docs
        self._texts = texts
        self._kept: OrderedDict[str, TokenStream] = OrderedDict()
        self._quotes: dict[str, list[list[int]]] = {}

    def __call__(self, doc_id: str) -> TokenStream:
        tokens = self._kept.get(doc_id)
        if tokens is None:
            doc = self._docs[doc_id]
            tokens = tokenize(doc if doc.text else replace(doc, text=self._texts[doc_id]))
            self._quotes[doc_id] = [list(span) for span in tokens.quotes]
            self._kept[doc_id] = tokens
            if len(self._kept) > self._KEEP:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(doc_id)
        return tokens

    def quotes(self, doc_id: str) -> list[list[int]]:
        """``[start, end)`` spans of the document's text inside quotation marks."""
        if doc_id not in self._quotes:
            self(doc_id)
        return self._quotes[doc_id]


def _differing(ta: TokenStream, a: dict, tb: TokenStream, b: dict) -> tuple[list[list[int]], list[list[int]]]:
    """Spans of the words of passage sides ``a`` and ``b`` that differ, in their documents' texts."""
    sa = _word_range(ta, a["start"], a["end"])
    sb = _word_range(tb, b["start"], b["end"])
    runs_a, runs_b = differing_runs(ta.hashes[sa].tolist(), tb.hashes[sb].tolist())
    return _spans(ta, sa.start, runs_a), _spans(tb, sb.start, runs_b)


def _word_range(tokens: TokenStream, start: int, end: int) -> slice:
    """The words wholly inside ``[start, end)`` of the text, as a slice of ``tokens``' arrays."""
    lo = int(np.searchsorted(tokens.starts, start, side="left"))
    hi = int(np.searchsorted(tokens.ends, end, side="right"))
    return slice(lo, max(lo, hi))


def _spans(tokens: TokenStream, first: int, runs) -> list[list[int]]:
    return [[int(tokens.starts[first + i]), int(tokens.ends[first + j - 1])] for i, j in runs]


def _edge_ends(data: dict) -> set[str]:
    return {e[key] for e in data["edges"] for key in ("source", "copy")}


def _tree_ids(node: dict):
    yield node["id"]
    for child in node["children"]:
        yield from _tree_ids(child)


_SCRIPT_PARTS = ("report-data.js", "report-list.js", "report-family.js", "report-reader.js")


def _script() -> str:
    """The page's script: its parts in order, sharing one function's scope, in strict mode."""
    parts = "\n".join(_asset(name) for name in _SCRIPT_PARTS)
    return '(function () {\n"use strict";\n\n' + parts + "})();\n"


def _asset(name: str) -> str:
    return resources.files("syndtrace.data").joinpath(name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    """The CSP source expression that allows exactly the inline element whose content is ``source``."""
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
