"""The default output: a rich tree of who copied whom, then the passages.

Root sources at the top, each copy under what it copied from, with outlet,
date, how much it took and the evidence in a line or two; then each passage
with both versions, the words that differ highlighted. Colour only on a
terminal and never with NO_COLOR (rich's own rules); tests render at a fixed
width with no colour.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console, Group
from rich.text import Text
from rich.tree import Tree

from syndtrace.lineage import Edge, Result, Source, TreeNode
from syndtrace.model import Document, Passage
from syndtrace.names import distinct_labels
from syndtrace.render.diff import differing_spans

_KIND_TEXT = {
    "credited-reprint": "credited reprint",
    "version": "later version (write-thru)",
    "copy": "uncredited copy",
    "quoted": "quotes",
    "undetermined": "shares text (direction undetermined)",
    "shared-quote": "shares only quotations",
}
_EVIDENCE_LINES = 6  # compare shows a few articles: room for all the usual evidence
# The evidence a reader needs first: what the credits say, whose text it is, then the rest.
# "via" says why an edge hangs under a node other than the page the rest of its evidence is about
# (the original that page credits): shown first, it explains the placement the lines below describe.
_EVIDENCE_ORDER = {"via": 0, "credit": 0, "release": 0, "version": 0, "carried": 1, "siblings": 1, "framing": 2,
                   "insertion": 3, "date": 4, "agency": 5, "portal": 5, "fragment": 6, "quote": 7, "shared-quote": 8,
                   "conflict": 9}  # fmt: skip
_MARKUP = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")


class _Console(Console):
    """rich's console, but a closed pipe is reported to the caller rather than exiting with 1."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def make_console(out: TextIO, width: int | None = None, color: bool | None = None) -> Console:
    """A console for ``out``: colour follows the terminal and NO_COLOR unless forced."""
    if color is False:
        return _Console(file=out, width=width or 100, color_system=None, highlight=False, emoji=False)
    return _Console(file=out, width=width, highlight=False, emoji=False, force_terminal=color or None)


def render_tree(result: Result, console: Console) -> None:
    """Print the syndication tree and the passages."""
    docs = {d.id: d for d in result.documents}
    sources = {s.id: s for s in result.sources}
    if not result.passages and not result.edges:
        console.print(Text("No shared passages between " + ", ".join(d.label for d in result.documents) + ".", style="bold"))
        return
    root = Tree(Text("Syndication tree", style="bold"), guide_style="dim")
    for node in result.tree:
        add_node(root, node, docs, sources)
    console.print(root)
    # Two articles of one outlet (a page saved twice) are told apart by id wherever sides are named.
    names = {s.id: s.name for s in result.sources} | distinct_labels(result.documents)
    _shared_quotes(result, names, console)
    if result.passages:
        console.print()
        console.print(Text(f"Shared passages ({len(result.passages)})", style="bold"))
        for passage in result.passages:
            console.print(_passage(passage, names, result.side_text(passage.a), result.side_text(passage.b)))


def add_node(parent: Tree, node: TreeNode, docs, sources, evidence_lines: int = _EVIDENCE_LINES) -> None:
    """Add ``node`` and its subtree under ``parent``, each with its edge and evidence."""
    branch = parent.add(_node_label(node, docs, sources, evidence_lines))
    for child in node.children:
        add_node(branch, child, docs, sources, evidence_lines)


def _node_label(node: TreeNode, docs: dict[str, Document], sources: dict[str, Source], evidence_lines: int) -> Group:
    lines: list[Text] = []
    if node.id in docs:
        doc = docs[node.id]
        head = Text(doc.label, style="bold cyan")
        details = [x for x in (doc.author if doc.author != doc.label else None, doc.date) if x]
        if details:
            head.append("  " + " · ".join(details), style="dim")
        if doc.path:
            # On its own line: a long path wraps badly beside the outlet's name.
            lines.append(head)
            head = Text(location(doc), style="dim")
    else:
        src = sources[node.id]
        head = Text(src.name, style="bold magenta")
        details = [x for x in (src.author, src.date) if x]
        if details:
            head.append("  " + " · ".join(details))
        what = {"credited": "credited as the original", "quoted": "quoted", "agency": "wire agency credited"}[src.kind]
        head.append(f"  ({what}; not in the inputs)", style="italic")
    lines.append(head)
    if node.edge is not None:
        lines.extend(_edge_lines(node.edge, docs, sources, evidence_lines))
    return Group(*lines)


def location(doc: Document) -> str:
    """Where to find ``doc``: its file, and for a record of a corpus file its id and line.

    Every record of ``corpus.jsonl`` has the same path; the id and line tell them apart.
    """
    if doc.line is None:
        return doc.path
    return f"{doc.id} · {doc.path}:{doc.line}"


def _edge_lines(edge: Edge, docs: dict[str, Document], sources: dict[str, Source], evidence_lines: int) -> list[Text]:
    kind = _KIND_TEXT[edge.kind]
    if edge.kind == "quoted":
        quoted = sources[edge.source].name if edge.source in sources else docs[edge.source].label
        kind = f"quotes {quoted} in {len(edge.passages)} shared passage{'s' if len(edge.passages) != 1 else ''}"
    line = Text(f"{kind}", style="green" if edge.kind != "undetermined" else "yellow")
    # An undetermined edge has no direction: no confidence in one, and neither side "took" anything.
    if edge.kind not in ("quoted", "undetermined"):
        line.append(f", confidence {edge.confidence:.2f}")
    if edge.passages and edge.kind != "quoted":
        count = f"{len(edge.passages)} passage{'s' if len(edge.passages) != 1 else ''}, {edge.words} words"
        # A later version updates its own outlet's story: it "keeps" what it shares, it took nothing.
        line.append(f" · {count}" if edge.kind == "undetermined" else f" · {'keeps' if edge.kind == 'version' else 'took'} {count}")
        if edge.copy in docs and edge.kind != "undetermined":
            line.append(f", {edge.share:.0%} of its text")
        line.append(f" ({', '.join(edge.passages)})", style="dim")
    elif edge.kind == "credited-reprint" and not edge.passages and edge.copy in docs:
        # (A service distributing a paper's story, both outside the inputs, holds no article of ours.)
        line.append(f" · the whole article ({edge.words} words)")
    lines = [line]
    shown = sorted(edge.evidence, key=lambda e: (_EVIDENCE_ORDER.get(e.kind, 9), -e.weight))
    for ev in shown[:evidence_lines]:
        lines.append(Text(f"  {ev.kind}: {_MARKUP.sub('', ev.detail)}", style="dim"))
    if len(shown) > evidence_lines:
        lines.append(Text(f"  … and {len(shown) - evidence_lines} more (see --format json)", style="dim"))
    return lines


def _shared_quotes(result: Result, names: dict[str, str], console: Console) -> None:
    quotes = [e for e in result.edges if e.kind == "shared-quote"]
    for edge in quotes:
        console.print(
            Text(f"{names[edge.source]} and {names[edge.copy]} share only quotations "
                 f"({', '.join(edge.passages)}): " + edge.evidence[0].detail, style="yellow")
        )


def _passage(p: Passage, names: dict[str, str], a: str, b: str) -> Group:
    """The passage's header line and both sides' texts (``a``, ``b``), differences highlighted.

    ``names`` gives each document's name as the passages show it.
    """
    head = Text(f"\n{p.id}", style="bold")
    head.append(f"  {p.words} words · similarity {p.similarity:.1f}")
    if p.quote == "statement":
        head.append(" · a statement widely quoted in the corpus")
    elif p.quote != "none":
        where = {"both": "in both", "a": f"in {names[p.a.doc]}", "b": f"in {names[p.b.doc]}"}[p.quote]
        head.append(f" · quoted {where}")
    attributions = sorted({s.attribution for s in (p.a, p.b) if s.attribution})
    if attributions:
        head.append(" · attributed to " + ", ".join(attributions))
    text_a, text_b = _highlight(a, b)
    lines = [head]
    for side, text in ((p.a, text_a), (p.b, text_b)):
        label = Text(f"  {names[side.doc]} [{side.start}:{side.end}]  ", style="cyan")
        lines.append(label + text)
    for ins in p.insertions:
        if ins.bracketed:
            lines.append(Text(f"  inserted by {names[ins.doc]}: {ins.text}", style="yellow"))
    return Group(*lines)


def _highlight(a: str, b: str) -> tuple[Text, Text]:
    """Both texts with the words that differ (after normalisation) in bold yellow."""
    ta, tb = Text(a), Text(b)
    spans_a, spans_b = differing_spans(a, b)
    for start, end in spans_a:
        ta.stylize("bold yellow", start, end)
    for start, end in spans_b:
        tb.stylize("bold yellow", start, end)
    return ta, tb
