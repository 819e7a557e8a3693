"""The web report (``--format html``) without a browser: its page, its data, its escaping, its CLI.

``test_report_browser.py`` runs the page in headless Chromium; these tests
hold what the Python side promises: one valid HTML file with exactly one
JSON payload that gives back the report's data, nothing from the articles
anywhere outside that payload, the same bytes for the same result, and
data (texts, quotation and difference spans) that agrees with the JSON output.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import html5lib
import orjson
import pytest
from click.testing import CliRunner

from factories import empty_result, realistic_result
from report_pages import CHANGED, INJECTED_TITLE, SCRIPT_BODY, astral, hostile, report, story_pair
from scan_corpus import digest_corpus, wire_corpus
from syndtrace.cli import main
from syndtrace.errors import EXIT_OK, EXIT_USAGE
from syndtrace.render.html import render_html, report_data, script_json, write_page
from syndtrace.scan import scan
from syndtrace.settings import Settings
from syndtrace.render.json import result_to_dict

PAYLOAD = re.compile(r'<script type="application/json" id="syndtrace-data">(.*?)</script>', re.S)


def page_of(result) -> str:
    out = io.StringIO()
    render_html(result, out)
    return out.getvalue()


def parse(page: str):
    """The page as html5lib's strict parser reads it: any parse error fails the test."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def payload(page: str) -> dict:
    (blob,) = PAYLOAD.findall(page)
    return json.loads(blob)


def outside_payload(page: str) -> str:
    return PAYLOAD.sub("", page)


def build(tmp_path: Path, make, *extra: str) -> Path:
    """``compare`` the articles ``make(tmp_path)`` writes, as a page and as JSON beside it."""
    paths = make(tmp_path)
    out = tmp_path / "report.html"
    report("compare", *paths, "--format", "html", "-o", str(out), *extra)
    report("compare", *paths, "--format", "json", "--passage-text", "full", "-o", str(tmp_path / "report.json"), *extra)
    return out


# --- the payload -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "</SCRIPT >", "<!-- <script>", "a\u2028b\u2029c", "back\\</script>", "🌊 & é", "\\u003c"],
)
def test_script_json_round_trips_and_cannot_end_its_script(value):
    data = {"text": value, "list": [value, {"k": value}], value: 1}
    blob = script_json(data)
    assert json.loads(blob) == data
    assert "<" not in blob  # so neither "</script" nor "<!--" can stand in it, in any case
    assert "\u2028" not in blob and "\u2029" not in blob


def test_the_payload_written_in_pieces_is_the_payload_in_one():
    data = {"a": list(range(1300)), "b": [{"t": "</script>", "u": "\u2028"}] * 600, "c": {"x": "<"}, "d": [], "e": 1}
    whole = orjson.dumps(data).decode("utf-8").replace("<", "\\u003c").replace("\u2028", "\\u2028")
    assert script_json(data) == whole
    assert json.loads(script_json(data)) == data


def test_the_page_is_valid_html_with_one_payload_that_round_trips():
    result = realistic_result()
    page = page_of(result)
    tree = parse(page)
    scripts = list(tree.iter("script"))
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert json.loads(scripts[0].text) == report_data(result) == payload(page)
    assert len(PAYLOAD.findall(page)) == 1


def test_the_page_runs_only_its_own_script_and_style_and_fetches_nothing():
    page = page_of(realistic_result())
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp.startswith("default-src 'none';")  # no network: no fetch, image, font or frame
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'$", csp)
    assert "unsafe-inline" not in csp
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", outside_payload(page))


def test_the_same_result_gives_the_same_bytes():
    assert page_of(realistic_result()) == page_of(realistic_result())


def test_a_scans_page_is_the_same_for_any_number_of_workers(tmp_path):
    for name, content in (wire_corpus() | digest_corpus()).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    pages = []
    for workers in (1, 2, 2):
        data = report_data(scan([str(tmp_path)], Settings(workers=workers)))
        assert data["settings"].pop("workers") == workers
        out = io.StringIO()
        write_page(data, out)
        pages.append(out.getvalue())
    assert pages[0] == pages[1] == pages[2]
    assert len(payload(pages[0])["families"]) == 4


def test_a_run_that_found_nothing_still_gives_a_page():
    page = page_of(empty_result())
    parse(page)
    data = payload(page)
    assert data["passages"] == [] and data["totals"]["passages"] == 0


# --- the data agrees with the JSON output ---------------------------------------------------------------


def test_data_is_the_json_output_with_texts_and_spans(tmp_path):
    out = build(tmp_path, story_pair)
    data = payload(out.read_text(encoding="utf-8"))
    plain = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for doc in plain["documents"]:
        assert len(texts[doc["id"]]) == doc["chars"]
    assert [e["kind"] for e in data["edges"]] == [e["kind"] for e in plain["edges"]]
    assert data["settings"] == plain["settings"]
    (shown,), (given,) = data["passages"], plain["passages"]
    for key in "ab":
        side = shown[key]
        # The page cuts each side from its document's text: the same text the JSON output carries.
        assert texts[side["doc"]][side["start"] : side["end"]] == given[key]["text"]
        assert "text" not in side
    changed_a = [texts[shown["a"]["doc"]][s:e] for s, e in shown["a"]["diff"]]
    changed_b = [texts[shown["b"]["doc"]][s:e] for s, e in shown["b"]["diff"]]
    assert (changed_a, changed_b) == ([old for old, _ in CHANGED], [new for _, new in CHANGED])


def test_quotation_spans_are_the_quoted_parts(tmp_path):
    paths = story_pair(tmp_path)
    quoted = "Engineers said: “the oldest pipes lose a fifth of their water before the plant.”"
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        Path(path).write_text(text.replace("Work is expected", quoted + " Work is expected"), encoding="utf-8")
    out = tmp_path / "q.html"
    report("compare", *paths, "--format", "html", "-o", str(out))
    for doc in payload(out.read_text(encoding="utf-8"))["documents"]:
        assert [doc["text"][s:e] for s, e in doc["quotes"]] == ["the oldest pipes lose a fifth of their water before the plant."]


def test_offsets_stay_python_string_indices_with_emoji(tmp_path):
    out = build(tmp_path, astral)
    data = payload(out.read_text(encoding="utf-8"))
    plain = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    texts = {d["id"]: d["text"] for d in data["documents"]}
    side = data["passages"][0]["a"]
    assert "🌊" in texts[side["doc"]][: side["start"]]
    assert texts[side["doc"]][side["start"] : side["end"]] == plain["passages"][0]["a"]["text"]


# --- escaping ------------------------------------------------------------------------------------------------


def test_nothing_from_the_articles_stands_outside_the_payload(tmp_path):
    out = build(tmp_path, hostile)
    page = out.read_text(encoding="utf-8")
    parse(page)
    outside = outside_payload(page)
    for needle in ("onerror", "onmouseover", "onload", "alert", "pwned", "<img", "<svg", "Evil Outlet", "Mallory", "javascript:"):
        assert needle not in outside
    data = payload(page)
    evil = next(d for d in data["documents"] if d["title"] == INJECTED_TITLE)
    assert SCRIPT_BODY in evil["text"] and evil["url"] == "javascript:alert(1)"
    assert page.count("<script") == 2 and page.count("</script>") == 2


# --- scan -------------------------------------------------------------------------------------------------------


def test_a_scan_lists_only_articles_that_share_text(tmp_path):
    for name, content in wire_corpus().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "scan.html"
    report("scan", str(tmp_path / "wire"), str(tmp_path / "local"), str(tmp_path / "solo"), "-q", "--format", "html", "-o", str(out))
    data = payload(out.read_text(encoding="utf-8"))
    totals = data["totals"]
    members = {m for f in data["families"] for m in f["members"]}
    assert totals["articles"] == 10 and totals["families"] == 2 and totals["in_families"] == len(members) == 7
    assert {d["id"] for d in data["documents"]} == members  # the 3 singletons are counted, not listed
    assert totals["listed"] == 7 and totals["texts_left_out"] == 3
    assert all(d["text"] for d in data["documents"])
    assert [f["days"] for f in data["families"]] == [["2024-03-01", "2024-03-03"], ["2024-04-01", "2024-04-03"]]


def test_report_data_keeps_fields_it_does_not_know():
    """A field the JSON output gains (a pair's verdict, a family's links) reaches the page unchanged."""
    result = realistic_result()
    data = report_data(result)
    plain = result_to_dict(result)
    assert set(plain["pairs"][0]) <= set(data["pairs"][0])
    assert set(plain["families"][0]) <= set(data["families"][0])


# --- the command line ---------------------------------------------------------------------------------------------


def test_compare_writes_a_page_to_a_file_or_a_pipe(tmp_path):
    paths = story_pair(tmp_path)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["compare", *paths, "--format", "html", "-o", str(out)])
    assert result.exit_code == EXIT_OK and result.stdout == ""
    piped = CliRunner().invoke(main, ["compare", *paths, "--format", "html"])
    assert piped.exit_code == EXIT_OK and piped.stdout == out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["compare", "scan"])
def test_a_page_is_not_printed_on_a_terminal(tmp_path, monkeypatch, command):
    paths = story_pair(tmp_path)
    args = [command, *paths, "--format", "html"] + (["-q"] if command == "scan" else [])
    monkeypatch.setattr("syndtrace.cli._stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_USAGE and result.stdout == ""
    assert "-o FILE" in result.stderr
    written = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "ok.html")])
    assert written.exit_code == EXIT_OK and (tmp_path / "ok.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
