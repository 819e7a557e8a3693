"""The default ``scan`` output: reprint families as a forest, then the totals.

Largest families first; each has a summary line (root, size, when) and its
tree, drawn like ``compare``'s (``syndtrace.render.tree``) but without the
passage texts, which a corpus run would drown in: ``--format json`` has them.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from syndtrace.dates import day_of
from syndtrace.familytree import gifts_by_source, outside_tree
from syndtrace.lineage import Edge, Family, Result
from syndtrace.model import Document
from syndtrace.render.tree import add_node, location


def render_forest(result: Result, console: Console) -> None:
    """Print every family's tree and the run's totals."""
    docs = {d.id: d for d in result.documents}
    sources = {s.id: s for s in result.sources}
    in_family = {m for f in result.families for m in f.members}
    names = {f.id: f.root_name for f in result.families}
    gifts = gifts_by_source(result.edges)
    for family in result.families:
        dates = sorted(d for d in (day_of(docs[m].date) for m in family.members) if d)
        when = f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (f", {dates[0]}" if dates else "")
        head = Text(f"{family.id}  {family.root_name}", style="bold")
        head.append(f"  ({len(family.members)} articles{when})")
        tree = Tree(head, guide_style="dim")
        add_node(tree, family.tree, docs, sources, evidence_lines=1)
        for line in _outside_lines(family, gifts, docs):
            tree.add(line)
        for line in _link_lines(family, names):
            tree.add(line)
        console.print(tree)
    quotes = sum(1 for e in result.edges if e.kind == "shared-quote")
    singletons = len(result.documents) - len(in_family)
    found = len(result.documents) + len(result.problems)
    console.print(
        Text(
            f"{found} inputs found: {len(result.documents)} articles loaded, {len(result.problems)} skipped · "
            f"{len(result.families)} families · {singletons} singletons · {quotes} pairs sharing only quotations",
            style="bold",
        )
    )


def _outside_lines(family: Family, gifts: dict[str, list[Edge]], docs: dict[str, Document]) -> list[Text]:
    """A line for each member the family's tree leaves out (``syndtrace.familytree.outside_tree``), with what it gave."""
    lines = []
    for member, gave in outside_tree(family, gifts):
        doc = docs[member]
        line = Text(doc.label, style="bold cyan")
        line.append("".join(f"  {x}" for x in (doc.date, location(doc) if doc.path else doc.id) if x), style="dim")
        for e in gave:
            line.append(f"\n  also gave {e.words} words to {docs[e.copy].label} ({e.copy}; {e.kind}), whose parent is shown above")
        lines.append(line)
    return lines


def _link_lines(family: Family, names: dict[str, str]) -> list[Text]:
    """A line for each other story the family shares text with (``Family.links``): a link, not a merge."""
    lines = []
    for lk in family.links:
        line = Text(f"shares text with {lk.family} ({names.get(lk.family, lk.family)})", style="dim")
        pairs = f"{lk.pairs} pairs of members" if lk.pairs > 1 else "one pair of members"
        line.append(f": up to {lk.words} words, {pairs}; another story, not a copy of this one", style="dim")
        lines.append(line)
    return lines
