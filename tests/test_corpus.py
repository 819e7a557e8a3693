"""Tests for syndtrace.corpus (and syndtrace.records): reading scan's inputs."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from syndtrace.corpus import FieldMap, iter_inputs
from syndtrace.errors import SettingsError
from syndtrace.model import InputNote, InputProblem, RawRecord
from syndtrace.settings import Settings

SETTINGS = Settings()
SPANISH = (
    "El niño comió un plátano en la estación. La señora preguntó por qué había tanta gente allí. "
    "¿Dónde está el tren?\n"
) * 5


def run(paths, settings=SETTINGS, fields=None):
    """iter_inputs as two lists (notes left out: ``notes``), checking the type of every item on the way."""
    records, problems = [], []
    for item in iter_inputs([str(p) for p in paths], settings, fields):
        assert isinstance(item, (RawRecord, InputProblem, InputNote))
        if not isinstance(item, InputNote):
            (records if isinstance(item, RawRecord) else problems).append(item)
    return records, problems


def notes(paths, fields=None) -> list[str]:
    """The messages of iter_inputs's notes."""
    return [i.message for i in iter_inputs([str(p) for p in paths], SETTINGS, fields) if isinstance(i, InputNote)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def jsonl(*objs) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


# Folders, ids, ordering ---------------------------------------------------


def test_folder_is_read_recursively_in_relative_path_order(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", "Story b.\n")
    write(root / "2020" / "feb" / "a.txt", "Story a.\n")
    write(root / "a.md", "Story md.\n")
    write(root / "sub" / "c.jsonl", jsonl({"text": "one"}, {"id": "x", "text": "two"}))
    write(root / "sub" / "d.csv", "text\nthree\n")
    write(root / "sub" / "e.json", json.dumps({"text": "four"}))
    write(root / ".git" / "HEAD.txt", "hidden folder\n")
    write(root / ".draft.txt", "hidden file\n")
    write(root / "photo.png", b"\x89PNG\x00\x00")
    write(root / "notes.docx", "not an article type\n")
    records, problems = run([root])
    assert problems == []
    assert [r.id for r in records] == [
        "2020/feb/a.txt", "a.md", "b.txt", "sub/c.jsonl:1", "x", "sub/d.csv:2", "sub/e.json",
    ]
    assert [r.text for r in records] == ["Story a.\n", "Story md.\n", "Story b.\n", "one", "two", "three", "four"]
    assert records[0].path == os.path.join(str(root), "2020", "feb", "a.txt")
    assert records[3].line == 1 and records[0].line is None


def test_paths_are_read_in_the_order_given(tmp_path):
    write(tmp_path / "one" / "a.txt", "First folder.\n")
    write(tmp_path / "two" / "a.txt", "Second folder.\n")
    records, problems = run([tmp_path / "two", tmp_path / "one"])
    assert [r.text for r in records] == ["Second folder.\n"]
    # Both are "a.txt" relative to their folder: the second is a duplicate id.
    assert len(problems) == 1 and "duplicate id 'a.txt'" in problems[0].reason


def test_a_file_named_directly_keeps_its_path_as_id_and_any_extension(tmp_path):
    a = write(tmp_path / "story.article", "Plain text with an odd extension.\n")
    b = write(tmp_path / "x.jsonl", jsonl({"text": "rec"}))
    records, problems = run([a, b])
    assert problems == []
    assert [r.id for r in records] == [str(a), f"{b}:1"]


def test_the_same_file_reached_twice_is_reported(tmp_path):
    write(tmp_path / "c" / "2020" / "a.txt", "Once.\n")
    records, problems = run([tmp_path / "c", tmp_path / "c" / "2020"])
    assert [r.id for r in records] == ["2020/a.txt"]
    assert len(problems) == 1 and "already read" in problems[0].reason


def test_missing_path_empty_folder_and_folder_without_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "other" / "x.pdf", "pdf")
    write(tmp_path / "ok.txt", "Still read.\n")
    records, problems = run([tmp_path / "nope", tmp_path / "empty", tmp_path / "other", tmp_path / "ok.txt"])
    assert [r.text for r in records] == ["Still read.\n"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("nope", "no such file or directory"),
        ("empty", "no .txt, .md, .json, .jsonl, .csv, .html, .htm, .warc or .warc.gz files here"),
        ("other", "no .txt, .md, .json, .jsonl, .csv, .html, .htm, .warc or .warc.gz files here"),
    ]


# Front matter -------------------------------------------------------------


def test_front_matter_gives_fields_and_id_and_text_keeps_it(tmp_path):
    text = (
        "---\nid: story-1\noutlet:  Daily Planet \ntitle: \"Quoted title\"\nsection: ignored\n---\n"
        "The article body.\n"
    )
    path = write(tmp_path / "a.md", text)
    (record,), problems = run([path])
    assert problems == []
    assert record.id == "story-1"
    assert record.text == text
    assert record.fields == (("outlet", "Daily Planet"), ("title", "Quoted title"))


def test_front_matter_without_body_is_a_problem(tmp_path):
    path = write(tmp_path / "a.txt", "---\ntitle: Nothing\n---\n\n")
    records, problems = run([path])
    assert records == [] and problems == [InputProblem(str(path), "the article has front matter but no text")]


# JSONL ---------------------------------------------------------------------


def test_jsonl_ids_fields_and_line_numbers(tmp_path):
    path = write(
        tmp_path / "corpus.jsonl",
        jsonl({"id": 7, "text": "int id", "outlet": " Planet ", "date": 2020, "author": ["A", "B"]})
        + "\n"  # blank line 2 keeps its number
        + jsonl({"text": "no id", "url": "", "title": {"nested": 1}}, {"id": " s ", "text": "str id"}),
    )
    records, problems = run([path])
    assert problems == []
    assert [(r.id, r.line, r.text) for r in records] == [
        ("7", 1, "int id"), (f"{path}:3", 3, "no id"), ("s", 4, "str id"),
    ]
    assert records[0].fields == (("author", "A, B"), ("date", "2020"), ("outlet", "Planet"))
    assert records[1].fields == ()  # an empty url is absent; an object for a title is left out, and noted
    assert notes([path]) == [
        f"{path}:3: the 'title' field is an object, not text, so it was left out; give it as text, a number "
        "or a list of texts, or name another field with --field title=NAME"
    ]


def test_metadata_left_out_is_noted_once_per_field_and_file_naming_the_first_record(tmp_path):
    """A CMS export's ``"author": {"name": ...}``: each record keeps its text, the field is left out, once told."""
    records = [{"id": f"r{k}", "text": f"story {k}", "byline": {"name": "A"}, "outlet": "Daily"} for k in range(3)]
    records[1]["byline"] = None  # absent: not counted
    records.append({"id": "r3", "text": "story 3", "byline": True, "outlet": [1, 2]})
    path = write(tmp_path / "corpus.jsonl", jsonl(*records))
    fields = FieldMap.parse(["author=byline"])
    got, problems = run([path], fields=fields)
    assert problems == [] and [r.id for r in got] == ["r0", "r1", "r2", "r3"]
    assert [r.fields for r in got] == [(("outlet", "Daily"),)] * 3 + [()]
    assert notes([path], fields) == [
        f"{path}:1: the 'byline' field is an object in 3 records (this one the first), not text, so it was left out; "
        "give it as text, a number or a list of texts, or name another field with --field author=NAME",
        f"{path}:4: the 'outlet' field is a list, not text, so it was left out; "
        "give it as text, a number or a list of texts, or name another field with --field outlet=NAME",
    ]


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"text": "unterminated', "invalid JSON"),
        ('["a", "list"]', "expected a JSON object"),
        ('"just a string"', "expected a JSON object"),
        ('{"body": "x"}', "has no 'text' field"),
        ('{"text": "   "}', "'text' field is empty"),
        ('{"text": 12}', "'text' field is a number, not a string"),
        ('{"text": "ok", "id": 1.5}', "an id must be a string or an integer"),
        ('{"text": "ok", "id": true}', "an id must be a string or an integer"),
        ('{"text": "a lone \\ud800 escape"}', "'text' field holds a lone surrogate escape (\\ud800) at character 8"),
        ('{"text": "ok", "outlet": "Bad \\uDC00"}', "'outlet' field holds a lone surrogate"),
        ('{"text": "ok", "id": "x\\udbff"}', "'id' field holds a lone surrogate"),
    ],
)
def test_malformed_jsonl_lines_are_reported_with_line_and_reading_goes_on(tmp_path, line, reason):
    path = write(tmp_path / "c.jsonl", jsonl({"text": "before"}) + line + "\n" + jsonl({"text": "after"}))
    records, problems = run([path])
    assert [r.text for r in records] == ["before", "after"]
    assert len(problems) == 1
    assert problems[0].line == 2 and problems[0].path == str(path)
    assert reason in problems[0].reason


def test_surrogate_pair_escapes_are_one_character_not_a_problem(tmp_path):
    path = write(tmp_path / "c.jsonl", '{"text": "smile \\ud83d\\ude00 ok", "outlet": "\\ud83d\\ude00 News"}\n')
    records, problems = run([path])
    assert problems == [] and records[0].text == "smile \U0001f600 ok"


def test_jsonl_line_not_utf8_is_decoded_by_detection_once(tmp_path, monkeypatch):
    import syndtrace.records as records_module

    calls = []
    real = records_module.decode_bytes
    monkeypatch.setattr(records_module, "decode_bytes", lambda *a: calls.append(a[2]) or real(*a))
    line = json.dumps({"text": SPANISH}, ensure_ascii=False).encode("latin-1")
    path = write(tmp_path / "c.jsonl", line + b"\n" + line.replace(b"text", b"id\": \"2\", \"text") + b"\n")
    records, problems = run([path])
    assert problems == []
    assert [r.text for r in records] == [SPANISH, SPANISH]
    assert all(r.encoding != "utf-8" for r in records)
    assert calls == [1]  # line 2 reuses the encoding detected for line 1


def test_stdin_dash_reads_jsonl(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(jsonl({"text": "from stdin"}, {"id": "k", "text": "keyed"}).encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    records, problems = run(["-"])
    assert problems == []
    assert [(r.id, r.path, r.text) for r in records] == [
        ("<stdin>:1", "<stdin>", "from stdin"), ("k", "<stdin>", "keyed"),
    ]


# JSON ----------------------------------------------------------------------


def test_json_list_items_get_line_numbers_and_unique_ids(tmp_path):
    pretty = write(tmp_path / "p.json", json.dumps([{"text": "a"}, {"text": "b"}, 3], indent=2))
    compact = write(tmp_path / "c.json", json.dumps([{"text": "a"}, {"text": "b"}]))
    records, problems = run([pretty, compact])
    assert [r.id for r in records] == [f"{pretty}:2", f"{pretty}:5", f"{compact}:1:2", f"{compact}:1:17"]
    assert [(p.line, p.reason) for p in problems] == [(8, "expected each list item to be a JSON object, got a number")]


def test_invalid_json_file_is_one_problem(tmp_path):
    broken = write(tmp_path / "b.json", '[{"text": "a"},\n {"text": "b"')
    lines = write(tmp_path / "l.json", jsonl({"text": "a"}, {"text": "b"}))
    records, problems = run([broken, lines])
    assert records == []
    assert [p.line for p in problems] == [2, 2]
    assert "name it .jsonl" in problems[1].reason


# CSV -----------------------------------------------------------------------


def test_csv_multiline_fields_report_the_row_start_line(tmp_path):
    path = write(
        tmp_path / "c.csv",
        'id,text,outlet\r\n'
        '1,"first\nspans\nthree lines",Planet\r\n'  # lines 2-4
        ',second,\r\n'  # line 5, no id
        '\r\n'  # blank line 6
        '3,"fourth, with comma\nand a break"\r\n'  # lines 7-8: too few columns
        '4,"fifth ""quoted""",Sun\r\n',  # line 9
    )
    records, problems = run([path])
    assert [(r.id, r.line, r.text) for r in records] == [
        ("1", 2, "first\nspans\nthree lines"), (f"{path}:5", 5, "second"), ("4", 9, 'fifth "quoted"'),
    ]
    assert records[0].fields == (("outlet", "Planet"),) and records[1].fields == ()
    assert [(p.line, p.reason.split(";")[0]) for p in problems] == [
        (7, "the row has 2 columns but the header has 3"),
    ]


def test_csv_without_text_column_is_one_problem(tmp_path):
    path = write(tmp_path / "c.csv", "id,body\n1,a\n2,b\n")
    records, problems = run([path])
    assert records == [] and len(problems) == 1
    assert "no 'text' column" in problems[0].reason and "--field text=COLUMN" in problems[0].reason


def test_csv_repeated_column_name_reads_the_first(tmp_path):
    path = write(tmp_path / "c.csv", "text,outlet,text\nfirst,P,second\n")
    (record,), problems = run([path])
    assert problems == [] and record.text == "first" and record.fields == (("outlet", "P"),)


def test_csv_long_fields_and_bom(tmp_path):
    long_text = "word " * 60_000  # 300 KB: over the csv module's default field limit
    path = write(tmp_path / "c.csv", "\ufeffid,text\n" + f'a,"{long_text}"\n')
    (record,), problems = run([path])
    assert problems == [] and record.id == "a" and record.text == long_text


def test_csv_turning_non_utf8_midway_resumes_without_loss(tmp_path):
    rows = [f"r{i},plain ascii row number {i} " + "x" * 200 for i in range(100)]  # ~20 KB before the bad row
    tail = "".join(f'last{i},"{SPANISH}"\n' for i in range(3))  # quoted: SPANISH has line breaks
    data = ("id,text\n" + "\n".join(rows) + "\n").encode() + tail.encode("latin-1")
    path = write(tmp_path / "c.csv", data)
    records, problems = run([path])
    assert problems == []
    assert [r.id for r in records] == [f"r{i}" for i in range(100)] + ["last0", "last1", "last2"]
    assert [r.line for r in records[-3:]] == [102, 108, 114]  # 5 text lines + the closing quote each
    # Which single-byte code page detection picks for a mostly-ASCII file is
    # charset-normalizer's call (cp1250 here); the row itself must be whole.
    assert len(records[-1].text) == len(SPANISH) and records[-1].text.startswith("El ni")
    assert records[0].encoding == "utf-8" and records[-1].encoding != "utf-8"


# Field mapping -------------------------------------------------------------


def test_field_map_renames_jsonl_and_csv_fields(tmp_path):
    fields = FieldMap.parse(["text=body", " Outlet = publisher", "id=guid"])
    assert fields.column("text") == "body" and fields.column("outlet") == "publisher"
    assert fields.column("date") == "date"
    j = write(tmp_path / "c.jsonl", jsonl({"guid": "g1", "body": "B", "publisher": "P", "text": "ignored"}))
    c = write(tmp_path / "c.csv", "guid,publisher,body\ng2,Q,C\n")
    records, problems = run([j, c], fields=fields)
    assert problems == []
    assert [(r.id, r.text, r.fields) for r in records] == [
        ("g1", "B", (("outlet", "P"),)), ("g2", "C", (("outlet", "Q"),)),
    ]
    _, problems = run([write(tmp_path / "d.jsonl", jsonl({"text": "t"}))], fields=fields)
    assert "no 'body' field" in problems[0].reason and "--field text=NAME" in problems[0].reason
    _, problems = run([write(tmp_path / "e.jsonl", '{"body": "B", "publisher": "P \\udc00"}\n')], fields=fields)
    assert "the 'publisher' field holds a lone surrogate" in problems[0].reason


@pytest.mark.parametrize("spec, detail", [
    ("text", "bad --field 'text'"),
    ("text=", "bad --field 'text='"),
    ("=body", "bad --field '=body'"),
    ("body=text", "unknown field 'body'"),
])
def test_bad_field_specs_explain_the_syntax(spec, detail):
    with pytest.raises(SettingsError) as info:
        FieldMap.parse([spec])
    assert detail in info.value.reason
    assert "--field takes NAME=COLUMN, e.g. text=body; NAME is one of id, outlet, date, title, url, author, text" in (
        info.value.reason
    )


def test_field_given_twice_is_refused():
    with pytest.raises(SettingsError, match="already read from 'a'"):
        FieldMap.parse(["text=a", "text=b"])
    assert FieldMap.parse(["text=a", "text=a"]) == FieldMap((("text", "a"),))


# Duplicates and bad inputs ------------------------------------------------------


def test_duplicate_ids_name_both_places_and_reading_goes_on(tmp_path):
    a = write(tmp_path / "a.jsonl", "\n\n" + jsonl({"id": "x", "text": "first"}))
    b = write(tmp_path / "b.jsonl", jsonl({"id": "y", "text": "y"}, {"id": "x", "text": "again"}, {"text": "later"}))
    records, problems = run([a, b])
    assert [r.text for r in records] == ["first", "y", "later"]
    assert problems == [
        InputProblem(str(b), f"duplicate id 'x' (first seen at {a}:3); ids must be unique, so this one was skipped", 2)
    ]


def test_bad_files_are_reported_and_the_rest_is_read(tmp_path):
    limit = Settings(max_bytes=1000)
    files = {
        "empty.txt": b"",
        "blank.jsonl": b"\n \n",
        "empty.csv": b"",
        "binary.txt": b"abc\x00\x01\x02def",
        "binary.jsonl": b'{"text": "a"}\n\x00\x00\x00\n',
        "latin1.txt": SPANISH.encode("latin-1"),
        "garbage.txt": bytes(range(128, 256)) * 4,
        "huge.txt": b"word " * 300,
        "zz-ok.txt": b"Fine.\n",
    }
    for name, data in files.items():
        write(tmp_path / name, data)
    records, problems = run([tmp_path], settings=limit)
    assert [(r.id, r.text) for r in records] == [("latin1.txt", SPANISH), ("zz-ok.txt", "Fine.\n")]
    assert records[0].encoding != "utf-8"
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert sorted(reasons) == sorted(set(files) - {"latin1.txt", "zz-ok.txt"})
    for name in ("empty.txt", "blank.jsonl", "empty.csv"):
        assert "empty" in reasons[name]
    assert "binary" in reasons["binary.txt"] and "binary" in reasons["binary.jsonl"]
    assert "cannot decode" in reasons["garbage.txt"]
    assert "1,500 bytes, over the 1,000-byte limit (--max-bytes)" in reasons["huge.txt"]


def test_max_bytes_is_per_record_for_record_files(tmp_path):
    limit = Settings(max_bytes=1000)
    small = "short text " * 50  # 550 bytes
    j = write(tmp_path / "c.jsonl", jsonl(*({"text": small} for _ in range(5)), {"text": "é" * 600}))
    c = write(tmp_path / "c.csv", "text\n" + f"{small}\n" * 5 + "x" * 1001 + "\n")
    records, problems = run([j, c], settings=limit)
    assert len(records) == 10  # both files are well over 1,000 bytes as a whole
    assert [(Path(p.path).name, p.line) for p in problems] == [("c.jsonl", 6), ("c.csv", 7)]
    assert "1,200 bytes, over the 1,000-byte limit" in problems[0].reason
    assert "1,001 bytes" in problems[1].reason


def test_unreadable_file_and_folder_are_reported(tmp_path, monkeypatch):
    # Simulated: permission bits do not stop root, who may run the tests.
    import syndtrace.corpus as corpus

    secret = write(tmp_path / "c" / "a.txt", "secret\n")
    write(tmp_path / "c" / "locked" / "b.txt", "hidden away\n")
    write(tmp_path / "c" / "z.txt", "readable\n")
    real_open, real_scandir = open, os.scandir

    def fake_open(path, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    def fake_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(corpus, "open", fake_open, raising=False)
    monkeypatch.setattr(corpus.os, "scandir", fake_scandir)
    records, problems = run([tmp_path / "c"])
    assert [r.id for r in records] == ["z.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("a.txt", "permission denied: cannot read the file"),
        ("locked", "cannot read this folder: Permission denied"),
    ]


# Property ------------------------------------------------------------------------

record_strategy = st.fixed_dictionaries(
    {"text": st.text(min_size=1).filter(lambda t: not t.isspace())},
    optional={
        "id": st.one_of(st.integers(), st.text(min_size=1).filter(lambda t: t.strip())),
        "outlet": st.text(),
    },
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(record_strategy, min_size=1, max_size=12), st.booleans())
def test_jsonl_round_trip(tmp_path, recs, ascii_only):
    path = tmp_path / "prop.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in recs), encoding="utf-8")
    records, problems = run([path])
    assert len(records) + len(problems) == len(recs)
    expected_ids, seen = [], set()
    for line, rec in enumerate(recs, 1):
        rid = str(rec["id"]).strip() if "id" in rec else f"{path}:{line}"
        if rid not in seen:
            seen.add(rid)
            expected_ids.append((rid, rec["text"]))
    assert [(r.id, r.text) for r in records] == expected_ids
    assert all("duplicate id" in p.reason for p in problems)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(-(2**80), 2**80)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@hsettings(max_examples=300, deadline=None)
@given(value=_JSON, ascii_only=st.booleans())
def test_record_lines_parse_as_json_would(value, ascii_only):
    from syndtrace.jsonvalues import load_json_line

    raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    # json.dumps tells 1 from 1.0 and keeps key order: equal dumps, same object.
    assert json.dumps(load_json_line(raw)) == json.dumps(json.loads(raw))


@pytest.mark.parametrize("raw", [b'{"a": NaN}', b'{"a": 1e400}', b'{"a": "\\ud800"}', b'{"n": -9223372036854775809}'])
def test_lines_orjson_reads_otherwise_go_to_json(raw):
    from syndtrace.jsonvalues import load_json_line

    assert repr(load_json_line(raw)) == repr(json.loads(raw))
