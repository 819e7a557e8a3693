"""Graph exports of a ``Result``: GraphML, GEXF 1.3 and Graphviz DOT.

All three draw the same directed graph: one node per document and per
external source (documents first, in result order), one edge per
``Result.edges`` entry, pointing from source to copy. Node attributes are
name, kind (``document``/``source``), outlet, date and the reprint family
the node belongs to; edge attributes are kind, confidence, words and share.

Names are arbitrary text (outlet names, titles), so escaping matters: the XML
formats are built with ``xml.etree.ElementTree`` and characters XML 1.0
cannot carry are replaced with U+FFFD; DOT strings are escaped by hand
(see ``dot_quote``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TextIO

from syndtrace import __version__
from syndtrace.lineage import Edge, Result

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"

# Characters XML 1.0 allows (its "Char" production); anything else, such as
# NUL, other C0 controls or lone surrogates, makes the file unparseable.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class GraphNode:
    """One node of the exported graph, with the attributes every format carries."""

    id: str
    name: str
    kind: str  # "document" or "source" ("unknown" for a dangling edge end)
    outlet: str | None = None
    date: str | None = None
    family: str | None = None


def graph_nodes(result: Result) -> list[GraphNode]:
    """The graph's nodes: documents, then sources, then any edge end neither names.

    A node's family is the first family (in result order) that holds it as
    root, member or tree node; one value keeps it usable as a partition in
    Gephi. Dangling edge ends become ``unknown`` nodes so importers that
    insist on declared nodes still read the file.
    """
    family: dict[str, str] = {}
    for fam in result.families:
        for node_id in (fam.root, *fam.members, *fam.tree.ids()):
            family.setdefault(node_id, fam.id)
    nodes = [
        GraphNode(d.id, d.label, "document", d.outlet, d.date, family.get(d.id)) for d in result.documents
    ]
    nodes += [GraphNode(s.id, s.name, "source", None, s.date, family.get(s.id)) for s in result.sources]
    seen = {n.id for n in nodes}
    for edge in result.edges:
        for end in (edge.source, edge.copy):
            if end not in seen:
                seen.add(end)
                nodes.append(GraphNode(end, end, "unknown", family=family.get(end)))
    return nodes


def xml_text(value: str) -> str:
    """``value`` with characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", value)


def _write_xml(root: ET.Element, out: TextIO) -> None:
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    # ElementTree escapes CR in attributes but writes it raw in text, and a
    # parser turns a raw CR into LF; a character reference survives. Raw CR
    # can only come from text here, so replacing it is safe.
    body = body.replace("\r", "&#13;")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(body)
    out.write("\n")


def _num(value: float) -> str:
    return repr(float(value))


# (attr.name, value getter) of the GraphML node keys, all strings.
_GRAPHML_NODE_KEYS = (
    ("label", lambda n: n.name),  # Gephi takes an attribute named "label" as the node label
    ("name", lambda n: n.name),
    ("kind", lambda n: n.kind),
    ("outlet", lambda n: n.outlet),
    ("date", lambda n: n.date),
    ("family", lambda n: n.family),
)
# (attr.name, GraphML attr.type, value as text) of the edge attributes.
_EDGE_ATTRS = (
    ("kind", "string", lambda e: e.kind),
    ("confidence", "double", lambda e: _num(round(e.confidence, 3))),
    ("words", "int", lambda e: str(e.words)),
    ("share", "double", lambda e: _num(round(e.share, 4))),
)


def render_graphml(result: Result, out: TextIO) -> None:
    """Write the graph as GraphML (directed), readable by Gephi, yEd, networkx and igraph."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for key, _ in _GRAPHML_NODE_KEYS:
        ET.SubElement(root, "key", {"id": f"n_{key}", "for": "node", "attr.name": key, "attr.type": "string"})
    for key, attr_type, _ in _EDGE_ATTRS:
        ET.SubElement(root, "key", {"id": f"e_{key}", "for": "edge", "attr.name": key, "attr.type": attr_type})
    graph = ET.SubElement(root, "graph", {"id": "syndtrace", "edgedefault": "directed"})
    for node in graph_nodes(result):
        el = ET.SubElement(graph, "node", {"id": xml_text(node.id)})
        for key, get in _GRAPHML_NODE_KEYS:
            value = get(node)
            if value is not None:  # GraphML: a missing <data> means "no value"
                ET.SubElement(el, "data", {"key": f"n_{key}"}).text = xml_text(value)
    for i, edge in enumerate(result.edges):
        el = ET.SubElement(
            graph, "edge", {"id": f"e{i}", "source": xml_text(edge.source), "target": xml_text(edge.copy)}
        )
        for key, _, get in _EDGE_ATTRS:
            ET.SubElement(el, "data", {"key": f"e_{key}"}).text = xml_text(get(edge))
    _write_xml(root, out)


_GEXF_NODE_ATTRS = ("kind", "outlet", "date", "family")
_GEXF_TYPES = {"string": "string", "double": "double", "int": "integer"}


def render_gexf(result: Result, out: TextIO) -> None:
    """Write the graph as GEXF 1.3 (directed, static), Gephi's native format.

    The node name is the GEXF ``label``; the edge kind is an attribute value,
    since ``kind`` on ``<edge>`` is GEXF's own (multigraph edge kind).
    """
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    # No lastmodifieddate: it would make two renders of one result differ.
    ET.SubElement(meta, "creator").text = f"syndtrace {__version__}"
    ET.SubElement(meta, "description").text = "News syndication: edges point from source to copy."
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node", "mode": "static"})
    for name in _GEXF_NODE_ATTRS:
        ET.SubElement(node_attrs, "attribute", {"id": name, "title": name, "type": "string"})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge", "mode": "static"})
    for name, attr_type, _ in _EDGE_ATTRS:
        ET.SubElement(edge_attrs, "attribute", {"id": name, "title": name, "type": _GEXF_TYPES[attr_type]})
    nodes = ET.SubElement(graph, "nodes")
    for node in graph_nodes(result):
        el = ET.SubElement(nodes, "node", {"id": xml_text(node.id), "label": xml_text(node.name)})
        values = ET.SubElement(el, "attvalues")
        for name in _GEXF_NODE_ATTRS:
            value = getattr(node, name)
            if value is not None:
                ET.SubElement(values, "attvalue", {"for": name, "value": xml_text(value)})
    edges = ET.SubElement(graph, "edges")
    for i, edge in enumerate(result.edges):
        el = ET.SubElement(
            edges, "edge", {"id": f"e{i}", "source": xml_text(edge.source), "target": xml_text(edge.copy)}
        )
        values = ET.SubElement(el, "attvalues")
        for name, _, get in _EDGE_ATTRS:
            ET.SubElement(values, "attvalue", {"for": name, "value": xml_text(get(edge))})
    _write_xml(root, out)


# Control characters other than tab/newline/CR: Graphviz reads C strings, so
# NUL would cut the file short, and the rest are never meant in a label.
_DOT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def dot_quote(value: str) -> str:
    """``value`` as a DOT double-quoted string.

    Backslash is doubled first (Graphviz reads ``\\n``, ``\\N``, ``\\G`` ... in
    labels as escapes, and a trailing backslash would swallow the closing
    quote), then ``"`` becomes ``\\"`` and line breaks become ``\\n``/``\\r``
    so every string stays on one line. The mapping is one-to-one, so two
    distinct ids never collide.
    """
    value = _DOT_CONTROL.sub("\ufffd", value)
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{value}"'


def _dot_label(*lines: str | None) -> str:
    # In a label, CR LF and lone CR are line breaks like LF; normalise them so
    # a CR LF does not render as two breaks.
    text = "\n".join(line for line in lines if line)
    return dot_quote(text.replace("\r\n", "\n").replace("\r", "\n"))


# Why these styles: solid for what we believe is reuse; dashed for pairs that
# are not (known) copying, so the eye separates them at a glance.
_DOT_EDGE_STYLE = {
    "credited-reprint": 'style=solid, color="#2e7d32"',
    "copy": 'style=bold, color="#c62828"',
    "quoted": 'style=solid, color="#1565c0"',
    "shared-quote": 'style=dashed, color="#757575"',
    "undetermined": 'style=dashed, color="#757575", dir=none',  # direction unknown
}


def _dot_node(node: GraphNode) -> str:
    shape = "box" if node.kind == "document" else "ellipse"
    label = _dot_label(node.name, node.date)
    return f"{dot_quote(node.id)} [label={label}, shape={shape}];"


def _dot_edge(edge: Edge) -> str:
    style = _DOT_EDGE_STYLE.get(edge.kind, "style=dashed")
    label = dot_quote(f"{edge.kind} {edge.confidence:.2f}")
    return f"{dot_quote(edge.source)} -> {dot_quote(edge.copy)} [label={label}, {style}];"


def render_dot(result: Result, out: TextIO) -> None:
    """Write the graph as a Graphviz digraph (``dot -Tsvg``), one cluster per family.

    A node belongs to one cluster at most (Graphviz draws it in the first it
    is declared in), so a node shared by two families sits in the first.
    """
    nodes = graph_nodes(result)
    out.write("digraph syndtrace {\n")
    out.write('  graph [rankdir=LR, fontname="Helvetica"];\n')
    out.write('  node [fontname="Helvetica"];\n')
    out.write('  edge [fontname="Helvetica", fontsize=10];\n')
    placed: set[str] = set()
    by_id = {node.id: node for node in nodes}
    for n, fam in enumerate(result.families, start=1):
        out.write(f"  subgraph cluster_{n} {{\n")
        out.write(f"    label={_dot_label(fam.id, fam.root_name)};\n")
        out.write("    style=rounded;\n")
        for node_id in dict.fromkeys((fam.root, *fam.members, *fam.tree.ids())):
            if node_id in by_id and node_id not in placed:
                placed.add(node_id)
                out.write(f"    {_dot_node(by_id[node_id])}\n")
        out.write("  }\n")
    for node in nodes:
        if node.id not in placed:
            out.write(f"  {_dot_node(node)}\n")
    for edge in result.edges:
        out.write(f"  {_dot_edge(edge)}\n")
    out.write("}\n")
