"""Machine-readable exports: JSONL, CSV, GraphML, GEXF and DOT parse back to what was written."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from factories import NYT_ID, empty_result, realistic_result
from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.lineage import Edge, Result
from syndtrace.render.export import CSV_COLUMNS, FORMATS, render_csv, render_jsonl
from syndtrace.render.graph import GEXF_NS, GRAPHML_NS, dot_quote, xml_text
from syndtrace.render.json import result_to_dict

G = f"{{{GRAPHML_NS}}}"
X = f"{{{GEXF_NS}}}"

# Names that break naive writers: quotes, backslashes, markup, a trailing
# backslash, line breaks, a control character, and text outside the BMP.
NASTY = 'The "Daily" \\ Bugle <&> \\N\r\n\x01 😀 \\'


def render(fmt: str, result: Result) -> str:
    buf = io.StringIO()
    FORMATS[fmt](result, buf)
    return buf.getvalue()


def with_names(result: Result, doc_name: str, source_name: str | None = None, doc_id: str | None = None) -> Result:
    """``result`` with its first document's outlet (and id) and its source's name replaced."""
    doc = result.documents[0]
    new_id = doc_id if doc_id is not None else doc.id
    documents = (replace(doc, outlet=doc_name, id=new_id),) + result.documents[1:]
    # Keep the graph connected: edges naming the old id follow the rename.
    edges = tuple(
        replace(e, source=new_id if e.source == doc.id else e.source, copy=new_id if e.copy == doc.id else e.copy)
        for e in result.edges
    )
    sources = tuple(replace(s, name=source_name) for s in result.sources) if source_name else result.sources
    return replace(result, documents=documents, edges=edges, sources=sources, families=(), tree=())


def test_registry_names_every_format():
    assert sorted(FORMATS) == ["csv", "dot", "gexf", "graphml", "jsonl"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("make", [realistic_result, empty_result, lambda: Result((), (), (), (), (), ())])
def test_rendering_twice_gives_identical_bytes(fmt, make):
    assert render(fmt, make()).encode() == render(fmt, make()).encode()


# --- JSONL ----------------------------------------------------------------------


def test_jsonl_has_one_edge_per_line_with_names():
    result = realistic_result()
    lines = render("jsonl", result).splitlines()
    assert len(lines) == len(result.edges)
    expected = result_to_dict(result)["edges"]
    for line, edge in zip(lines, expected, strict=True):
        row = json.loads(line)
        assert row["source_name"] == result.node_name(row["source"])
        assert row["copy_name"] == result.node_name(row["copy"])
        del row["source_name"], row["copy_name"]
        assert row == edge
    assert json.loads(lines[0])["source_name"] == "The New York Times"
    assert "—" in lines[1]  # UTF-8 as is, not \u2014


def test_jsonl_is_streamed_and_empty_without_edges():
    writes: list[str] = []

    class Recorder(io.StringIO):
        def write(self, s: str) -> int:
            writes.append(s)
            return super().write(s)

    render_jsonl(realistic_result(), Recorder())
    assert len(writes) >= len(realistic_result().edges)  # not one write of a joined blob
    assert render("jsonl", empty_result()) == ""


# --- CSV ------------------------------------------------------------------------


def test_csv_round_trips_through_csv_reader():
    result = realistic_result()
    rows = list(csv.reader(io.StringIO(render("csv", result), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(result.edges)
    by_copy = {r[2]: dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]}
    afp = by_copy["afp-0042"]
    assert afp["source_name"] == "Common Dreams"
    assert afp["copy_name"] == "American Free Press — Online"
    assert (afp["kind"], afp["confidence"], afp["words"], afp["share"], afp["passages"]) == (
        "copy", "0.712", "37", "0.5", "p2"
    )
    assert afp["evidence"].split(" | ") == [ev.detail for ev in result.edges[1].evidence]
    assert by_copy["commondreams"]["source"] == NYT_ID
    assert by_copy["commondreams"]["passages"] == ""


def test_csv_of_empty_result_is_just_the_header():
    assert render("csv", empty_result()) == ",".join(CSV_COLUMNS) + "\r\n"


@settings(max_examples=80, deadline=None)
@given(name=st.text(min_size=1))
def test_csv_round_trips_any_name(name):
    result = with_names(realistic_result(), name)
    buf = io.StringIO(newline="")
    render_csv(result, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert len(rows) == 1 + len(result.edges)
    assert rows[2][3] == name  # copy_name of commondreams -> afp edge


# --- GraphML ----------------------------------------------------------------------


def graphml_data(el: ET.Element) -> dict[str, str]:
    return {d.get("key"): d.text or "" for d in el.findall(f"{G}data")}


def test_graphml_parses_with_declared_keys_counts_and_values():
    result = realistic_result()
    root = ET.fromstring(render("graphml", result))
    assert root.tag == f"{G}graphml"
    keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.findall(f"{G}key")}
    assert keys["n_name"] == ("node", "name", "string")
    assert keys["e_confidence"] == ("edge", "confidence", "double")
    assert keys["e_words"] == ("edge", "words", "int")
    (graph,) = root.findall(f"{G}graph")
    assert graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): graphml_data(n) for n in graph.findall(f"{G}node")}
    edges = graph.findall(f"{G}edge")
    assert len(nodes) == len(result.documents) + len(result.sources) == 4
    assert len(edges) == len(result.edges) == 3
    assert nodes[NYT_ID] == {
        "n_label": "The New York Times", "n_name": "The New York Times", "n_kind": "source",
        "n_date": "2020-02-06", "n_family": "family-1",
    }
    assert nodes["commondreams"]["n_outlet"] == "Common Dreams"
    assert nodes["commondreams"]["n_kind"] == "document"
    assert "n_date" not in nodes["afp-0042"]  # no value: no <data>
    e1 = edges[1]
    assert (e1.get("source"), e1.get("target")) == ("commondreams", "afp-0042")
    assert graphml_data(e1) == {"e_kind": "copy", "e_confidence": "0.712", "e_words": "37", "e_share": "0.5"}
    # Every edge end is a declared node (importers such as Gephi need that).
    assert {e.get(end) for e in edges for end in ("source", "target")} <= set(nodes)


def test_graphml_of_empty_result():
    graph = ET.fromstring(render("graphml", empty_result())).find(f"{G}graph")
    assert len(graph.findall(f"{G}node")) == 2
    assert graph.findall(f"{G}edge") == []
    assert all("n_family" not in graphml_data(n) for n in graph.findall(f"{G}node"))


def test_graphml_adds_dangling_edge_ends_as_unknown_nodes():
    result = realistic_result()
    result = replace(result, edges=result.edges + (Edge("commondreams", "elsewhere", "copy", 0.5),))
    graph = ET.fromstring(render("graphml", result)).find(f"{G}graph")
    nodes = {n.get("id"): graphml_data(n) for n in graph.findall(f"{G}node")}
    assert nodes["elsewhere"]["n_kind"] == "unknown"


@settings(max_examples=150, deadline=None)
@given(
    name=st.text(st.characters(exclude_categories=()), min_size=1),
    doc_id=st.text(st.characters(exclude_categories=()), min_size=1),
)
def test_graphml_and_gexf_round_trip_any_name_and_id(name, doc_id):
    # Lone surrogates and C0 controls are included: XML cannot hold them, so
    # they come back as U+FFFD; everything else must come back exactly.
    result = with_names(realistic_result(), name, source_name=name, doc_id=doc_id + "\x00id")
    want_id = xml_text(doc_id + "\x00id")
    graph = ET.fromstring(render("graphml", result)).find(f"{G}graph")
    node = graph.find(f"{G}node")
    assert node.get("id") == want_id
    assert graphml_data(node)["n_name"] == xml_text(name)
    assert sum(e.get("target") == want_id for e in graph.findall(f"{G}edge")) == 1
    gexf = ET.fromstring(render("gexf", result))
    labels = [n.get("label") for n in gexf.iter(f"{X}node")]
    assert labels[0] == labels[-1] == xml_text(name)


# --- GEXF ---------------------------------------------------------------------------


def test_gexf_is_directed_static_1_3_with_declared_attributes():
    result = realistic_result()
    root = ET.fromstring(render("gexf", result))
    assert (root.tag, root.get("version")) == (f"{X}gexf", "1.3")
    graph = root.find(f"{X}graph")
    assert (graph.get("defaultedgetype"), graph.get("mode")) == ("directed", "static")
    declared = {
        a.get("class"): {x.get("id"): x.get("type") for x in a.findall(f"{X}attribute")}
        for a in graph.findall(f"{X}attributes")
    }
    assert declared == {
        "node": {"kind": "string", "outlet": "string", "date": "string", "family": "string"},
        "edge": {"kind": "string", "confidence": "double", "words": "integer", "share": "double"},
    }
    nodes = graph.find(f"{X}nodes").findall(f"{X}node")
    edges = graph.find(f"{X}edges").findall(f"{X}edge")
    assert (len(nodes), len(edges)) == (4, 3)

    def values(el):
        return {v.get("for"): v.get("value") for v in el.iter(f"{X}attvalue")}

    nyt = next(n for n in nodes if n.get("id") == NYT_ID)
    assert nyt.get("label") == "The New York Times"
    assert values(nyt) == {"kind": "source", "date": "2020-02-06", "family": "family-1"}
    reprint = edges[2]
    assert (reprint.get("source"), reprint.get("target")) == ("commondreams", "globalresearch")
    assert reprint.get("kind") is None  # GEXF's own "kind" attribute is left alone
    assert values(reprint) == {"kind": "credited-reprint", "confidence": "0.97", "words": "47", "share": "0.6235"}
    # Every attvalue refers to a declared attribute of its class.
    for el, cls in [(n, "node") for n in nodes] + [(e, "edge") for e in edges]:
        assert set(values(el)) <= set(declared[cls])


# --- DOT ------------------------------------------------------------------------------


def dot_lex(line: str) -> tuple[str, list[str]]:
    """Split a DOT line into its skeleton (strings replaced by ``S``) and its unescaped strings.

    Fails if a string is unterminated, so an unescaped quote inside a label
    shows up as a broken skeleton or a leftover quote.
    """
    skeleton, strings, i = [], [], 0
    while i < len(line):
        c = line[i]
        if c != '"':
            skeleton.append(c)
            i += 1
            continue
        i += 1
        value = []
        while True:
            assert i < len(line), f"unterminated string in {line!r}"
            c = line[i]
            if c == "\\":
                nxt = line[i + 1]
                value.append({"n": "\n", "r": "\r"}.get(nxt, nxt))
                i += 2
            elif c == '"':
                i += 1
                break
            else:
                value.append(c)
                i += 1
        strings.append("".join(value))
        skeleton.append("S")
    return "".join(skeleton), strings


def test_dot_has_nodes_styled_edges_and_a_cluster_per_family():
    text = render("dot", realistic_result())
    assert text.startswith("digraph syndtrace {\n") and text.endswith("}\n")
    assert text.count("subgraph cluster_") == 1
    lines = text.splitlines()
    edges = [dot_lex(line) for line in lines if " -> " in line]
    assert len(edges) == 3
    assert edges[1][1][:2] == ["commondreams", "afp-0042"]
    nodes = [dot_lex(line) for line in lines if "shape=" in line]
    assert len(nodes) == 4
    assert ["src:the-new-york-times", "The New York Times\n2020-02-06"] in [s for _, s in nodes]


def test_dot_dashes_undetermined_and_shared_quote_edges():
    result = realistic_result()
    edges = (replace(result.edges[1], kind="undetermined"), replace(result.edges[2], kind="shared-quote"))
    text = render("dot", replace(result, edges=result.edges[:1] + edges))
    styles = [line for line in text.splitlines() if " -> " in line]
    assert "style=dashed" not in styles[0]
    assert "style=dashed" in styles[1] and "dir=none" in styles[1]
    assert "style=dashed" in styles[2]


def test_dot_without_families_has_no_clusters():
    assert "subgraph" not in render("dot", empty_result())


def test_dot_escapes_quotes_and_backslashes():
    assert dot_quote('say "hi" \\o/') == '"say \\"hi\\" \\\\o/"'
    assert dot_quote("ends with \\") == '"ends with \\\\"'
    assert dot_quote("two\nlines") == '"two\\nlines"'
    name = 'The "Daily" \\ Bugle'
    text = render("dot", with_names(realistic_result(), name))
    assert '"The \\"Daily\\" \\\\ Bugle"' in text
    for line in text[:-1].split("\n"):
        dot_lex(line)  # every string terminates on its own line


@settings(max_examples=150, deadline=None)
@given(name=st.text(min_size=1), doc_id=st.text(min_size=1))
def test_dot_strings_round_trip_any_name_and_id(name, doc_id):
    result = with_names(realistic_result(), name, doc_id=doc_id)
    text = render("dot", result)
    # split("\n"), not splitlines(): names may hold U+0085 or U+2028, which
    # splitlines() breaks on but DOT treats as ordinary characters.
    lines = text[:-1].split("\n")
    assert lines[0] == "digraph syndtrace {" and lines[-1] == "}"
    clean = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", name).replace("\r\n", "\n").replace("\r", "\n")
    clean_id = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", doc_id)
    node_lines = [dot_lex(line) for line in lines if line.endswith(", shape=box];")]
    skeleton, strings = node_lines[0]
    # Only the two strings we wrote: the id and the label, nothing spilled out.
    assert skeleton.strip() == "S [label=S, shape=box];"
    assert strings == [clean_id, clean]
    edge = next(dot_lex(line) for line in lines if " -> " in line and clean_id in dot_lex(line)[1])
    assert edge[0].strip().startswith("S -> S [label=S, ")


def test_a_nasty_name_survives_every_format():
    result = with_names(realistic_result(), NASTY, source_name=NASTY)
    # XML: the CR must survive as a character reference, the control char becomes U+FFFD.
    graph = ET.fromstring(render("graphml", result)).find(f"{G}graph")
    assert graphml_data(graph.find(f"{G}node"))["n_name"] == NASTY.replace("\x01", "\ufffd")
    gexf_labels = [n.get("label") for n in ET.fromstring(render("gexf", result)).iter(f"{X}node")]
    assert gexf_labels[0] == NASTY.replace("\x01", "\ufffd")
    # DOT: one statement per line, the label unescapes to the name (CR LF as one break).
    dot_lines = render("dot", result)[:-1].split("\n")
    labels = [dot_lex(line)[1][1] for line in dot_lines if "shape=" in line]
    assert NASTY.replace("\x01", "\ufffd").replace("\r\n", "\n") in labels
    # CSV and JSONL keep the name exactly.
    rows = list(csv.reader(io.StringIO(render("csv", result), newline="")))
    assert rows[1][1] == NASTY and rows[2][3] == NASTY
    assert json.loads(render("jsonl", result).split("\n")[0])["source_name"] == NASTY
