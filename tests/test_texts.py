"""Tests for syndtrace.texts: a scan reads article texts back from their files, exactly."""

from __future__ import annotations

import io
import json
import pickle
import sys

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from syndtrace.corpus import FieldMap, iter_inputs
from syndtrace.errors import InputError
from syndtrace.model import RawRecord
from syndtrace.scan import scan
from syndtrace.settings import Settings
from syndtrace.texts import TextStore
from tests.scan_corpus import wire_corpus

SETTINGS = Settings()


def stored(paths, fields=None) -> tuple[list[RawRecord], TextStore]:
    """Every record under ``paths`` (with its text) and a store holding them all."""
    fields = fields or FieldMap()
    store = TextStore(fields.column("text"))
    records = [item for item in iter_inputs([str(p) for p in paths], SETTINGS, fields) if isinstance(item, RawRecord)]
    for rec in records:
        assert store.add(rec).text == ""  # the parent keeps no text
    return records, store


def test_jsonl_lines_and_text_files_are_read_back_exactly(tmp_path):
    lines = [
        {"id": "a", "text": "Plain ASCII.\nSecond paragraph."},
        {"id": "b", "text": "Curly \u201cquotes\u201d and a caf\u00e9, escaped", "outlet": "X"},
        {"id": "c", "text": "An emoji \U0001f600 beyond the BMP\r\nand a CRLF inside"},
    ]
    body = "\n\n".join(json.dumps(r, ensure_ascii=k == 1) for k, r in enumerate(lines))  # blank lines between
    (tmp_path / "corpus.jsonl").write_bytes(body.replace("\n\n", "\r\n\n").encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes("\ufeffA text file with a BOM.\n".encode("utf-8"))
    (tmp_path / "front.md").write_text("---\nid: f\noutlet: Y\n---\nThe body \u2019s here.\n", encoding="utf-8")
    records, store = stored([tmp_path])
    assert [r.id for r in records] == ["bom.txt", "a", "b", "c", "f"]
    assert all(r.span is not None for r in records)
    assert store.held() == 0
    for k, rec in enumerate(records):
        assert store.text(k) == rec.text
        assert store.text(k) == rec.text  # a second read (from the cache) is the same


def test_texts_with_nothing_to_go_back_to_are_held(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("id,text\nr1,A CSV article.\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "j1", "text": "A JSON article."}), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes("Une temp\u00eate en cp1252, assez longue pour la d\u00e9tection.\n".encode("cp1252"))
    line = json.dumps({"id": "s1", "text": "From standard input."}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line)))
    records, store = stored([tmp_path, "-"])
    assert [r.id for r in records] == ["r1", "j1", "c.txt", "s1"]
    assert all(r.span is None for r in records)
    assert store.held() == 4
    assert [store.text(k) for k in range(4)] == [r.text for r in records]


def test_a_file_changed_during_the_scan_is_an_error_naming_it(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "First version."}) + "\n", encoding="utf-8")
    _, store = stored([path])
    _, unread = stored([path])
    path.write_text(json.dumps({"id": "a", "text": "Other version."}) + "\n", encoding="utf-8")  # same size
    with pytest.raises(InputError) as info:
        store.text(0)
    assert info.value.path == str(path) and info.value.line == 1
    assert "changed while it was being scanned" in info.value.reason
    path.unlink()
    with pytest.raises(InputError, match="cannot read it again"):
        unread.text(0)  # never opened, and now gone
    store.close()


def test_input_errors_cross_process_boundaries_whole():
    err = pickle.loads(pickle.dumps(InputError("it changed", "a/b.jsonl", 7)))
    assert (type(err), err.reason, err.path, err.line, str(err)) == (InputError, "it changed", "a/b.jsonl", 7, "a/b.jsonl:7: it changed")


def test_a_corpus_of_many_jsonl_files_keeps_few_open(tmp_path, monkeypatch):
    import syndtrace.texts as texts_module

    monkeypatch.setattr(texts_module, "_OPEN_FILES", 3)
    for k in range(8):
        (tmp_path / f"day{k}.jsonl").write_text(json.dumps({"id": f"r{k}", "text": f"Article {k}."}) + "\n", encoding="utf-8")
    records, store = stored([tmp_path])
    for _ in range(2):  # reopened after being let go
        assert [store.text(k) for k in range(8)] == [r.text for r in records]
        store._cache.clear()
    assert len(store._open) == 3
    store.close()
    assert not store._open


def test_records_orjson_refuses_are_read_back_by_the_loaders_parser(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "a", "score": NaN, "text": "Text beside a NaN."}\n', encoding="utf-8")
    records, store = stored([path])
    assert store.text(0) == records[0].text == "Text beside a NaN."


def test_field_map_names_the_text_field_read_back(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "body": "In the body field.", "text": "not this"}) + "\n", encoding="utf-8")
    records, store = stored([path], FieldMap.parse(["text=body"]))
    assert store.text(0) == records[0].text == "In the body field."


# Any text a JSONL record can hold (lone surrogates are input problems, tested in test_corpus).
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda t: not t.isspace())


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=1, max_size=5), ascii_only=st.booleans())
def test_read_back_equals_the_loaded_text(tmp_path, texts, ascii_only):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"r{k}", "text": t}, ensure_ascii=ascii_only) for k, t in enumerate(texts)) + "\n",
        encoding="utf-8",
    )
    records, store = stored([path])
    assert [store.text(k) for k in range(len(records))] == [r.text for r in records] == texts


def test_scan_results_read_passage_texts_back(tmp_path):
    for name, content in wire_corpus().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = scan([str(tmp_path)], Settings(workers=1))
    assert result.passages
    by_id = {d.id: d for d in result.documents}
    for doc in result.documents:
        assert doc.text == "" and doc.chars == len(result.document_text(doc))
    for p in result.passages:
        for side in (p.a, p.b):
            assert side.text is None
            assert result.side_text(side) == result.document_text(by_id[side.doc])[side.start : side.end]


def test_cli_stops_with_exit_3_when_an_input_changes_mid_scan(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import syndtrace.scan as scan_module
    from syndtrace.cli import main

    for name, content in wire_corpus().items():
        (tmp_path / "c" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "c" / name).write_text(content, encoding="utf-8")
    victim = sorted((tmp_path / "c").rglob("*.*"))[0]
    loaded = scan_module.load_corpus

    def load_then_edit(*args, **kwargs):
        corpus = loaded(*args, **kwargs)
        data = victim.read_bytes()
        victim.write_bytes(data.replace(b"e", b"a", 1))  # same size, other bytes
        return corpus

    monkeypatch.setattr(scan_module, "load_corpus", load_then_edit)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["scan", "-q", "--workers", "1", str(tmp_path / "c"), "--format", "json", "-o", str(out)])
    assert result.exit_code == 3, result.output
    assert str(victim) in result.stderr and "changed while it was being scanned" in result.stderr
    assert not out.exists()  # no half-written output
