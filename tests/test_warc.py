"""Web archives (``syndtrace.warc``, ``syndtrace.pages.warc_items``): pages, skipped records, damage.

Archives are written here with warcio's own writer, record by record, so a
record can be cut short by slicing its bytes before the next is appended:
a record cut off in the middle of an archive is the next record's bytes
arriving early, which warcio's reader does not notice.
"""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from syndtrace.cli import main
from syndtrace.errors import EXIT_PARTIAL, InputError
from syndtrace.model import InputNote, InputProblem, RawRecord
from syndtrace.pages import warc_items
from syndtrace.render.json import result_to_dict
from syndtrace.render.schema import check_references, schema
from syndtrace.scan import scan
from syndtrace.settings import Settings
from syndtrace.warc import WarcPage, WarcSkipped, WarcTrouble, read_warc

ROOT = Path(__file__).resolve().parent.parent
WEB = Path(__file__).resolve().parent / "data" / "web"
LEDGER = (WEB / "valley-ledger.html").read_bytes()
COURIER = (WEB / "riverside-courier.htm").read_bytes()
VALIDATOR = Draft202012Validator(schema())


def record(gz: bool, uri: str, body: bytes, *, kind: str = "response", ctype: str = "text/html; charset=utf-8",
           status: str = "200 OK", date: str = "2021-03-08T10:00:00Z", extra: list | None = None) -> bytes:  # fmt: skip
    """One WARC record's bytes, as warcio writes it (one gzip member when ``gz``)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    if kind in ("response", "revisit"):
        headers = [("Content-Type", ctype), *(extra or [])]
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date})
    else:
        rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), warc_content_type=ctype, warc_headers_dict={"WARC-Date": date})
    writer.write_record(rec)
    return out.getvalue()


def request(gz: bool, uri: str) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    http = StatusAndHeaders("GET / HTTP/1.1", [("User-Agent", "crawler"), ("Host", "x")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", http_headers=http))
    return out.getvalue()


def page(n: int) -> bytes:
    """A small page of its own story (no two share text)."""
    words = " ".join(f"w{n}x{k}" for k in range(40))
    return (f"<html><head><title>Story {n}</title></head><body><nav>Home News</nav><article><h1>Story {n}</h1>"
            f"<p>{words}.</p><p>Second paragraph of story {n} with {words}.</p></article></body></html>").encode()  # fmt: skip


def build(path: Path, parts: list[bytes]) -> list[int]:
    """Write the records; return the offset where each begins."""
    offsets, at = [], 0
    for part in parts:
        offsets.append(at)
        at += len(part)
    path.write_bytes(b"".join(parts))
    return offsets


def items(path: Path, max_bytes: int = 10**7) -> list:
    return list(read_warc(str(path), max_bytes))


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_pages_are_read_and_everything_else_is_counted(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    parts = [
        record(gz, "urn:info", b"software: test\r\n", kind="warcinfo", ctype="application/warc-fields"),
        request(gz, "https://valleyledger.example/lighthouse"),
        record(gz, "https://valleyledger.example/lighthouse", LEDGER),
        record(gz, "https://valleyledger.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), ctype="image/png"),
        record(gz, "https://valleyledger.example/app.js", b"console.log(1)", ctype="application/javascript"),
        record(gz, "https://valleyledger.example/old", b"<html>moved</html>", status="301 Moved Permanently"),
        record(gz, "https://valleyledger.example/lighthouse", b"", kind="revisit"),
        record(gz, "https://riverside.example/2021/03/lighthouse", COURIER, ctype="text/html; charset=windows-1252"),
    ]
    offsets = build(path, parts)
    got = items(path)
    pages = [i for i in got if isinstance(i, WarcPage)]
    assert [(p.uri, p.offset) for p in pages] == [
        ("https://valleyledger.example/lighthouse", offsets[2]),
        ("https://riverside.example/2021/03/lighthouse", offsets[7]),
    ]
    assert pages[0].body == LEDGER and pages[1].body == COURIER
    assert pages[0].date == "2021-03-08T10:00:00Z" and pages[1].content_type == "text/html; charset=windows-1252"
    assert not any(isinstance(i, WarcTrouble) for i in got)
    skipped = got[-1]
    assert isinstance(skipped, WarcSkipped)
    assert dict(skipped.counts) == {
        "warcinfo": 1, "request": 1, "image/png": 1, "application/javascript": 1, "HTTP 301": 1, "revisit": 1,
    }  # fmt: skip
    assert skipped.summary().startswith("6 records are not HTML pages and were skipped: ")


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_record_cut_off_in_the_middle_or_at_the_end_is_reported_and_reading_goes_on(tmp_path, gz):
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    recs = [record(gz, f"https://ex.example/{n}", page(n)) for n in range(5)]
    parts = [recs[0], recs[1], recs[2][: len(recs[2]) // 2], recs[3], recs[4][:-60]]
    offsets = build(path, parts)
    got = items(path)
    assert [(type(i).__name__, i.offset) for i in got] == [
        ("WarcPage", offsets[0]),
        ("WarcPage", offsets[1]),
        ("WarcTrouble", offsets[2]),
        ("WarcPage", offsets[3]),
        ("WarcTrouble", offsets[4]),
    ]
    middle, end = got[2], got[4]
    assert "cut off" in middle.reason and f"skipped to the next record, at offset {offsets[3]}" in middle.reason
    assert "cut off" in end.reason and "skipped to" not in end.reason
    if not gz:  # the URI is in the headers, which survive in a plain archive
        assert middle.reason.startswith("https://ex.example/2: cut off: the next record begins at offset")
        # Bytes read against bytes declared: warcio reads the short record without complaint.
        assert end.reason.startswith("https://ex.example/4: cut off: the archive ends after")
        assert "of the" in end.reason and "bytes its Content-Length declares" in end.reason


def test_a_gzip_member_whose_record_is_shorter_than_its_content_length_is_cut_off(tmp_path):
    # The member is whole and decompresses; the record in it declares more bytes than it holds.
    whole = gzip.decompress(record(True, "https://ex.example/short", page(1)))
    head, _, body = whole.partition(b"\r\n\r\n")
    short = gzip.compress(head + b"\r\n\r\n" + body[:-200] + b"\r\n\r\n")
    path = tmp_path / "short.warc.gz"
    offsets = build(path, [short, record(True, "https://ex.example/next", page(2))])
    got = items(path)
    assert isinstance(got[0], WarcTrouble) and got[0].offset == offsets[0]
    assert got[0].reason.startswith("https://ex.example/short: cut off")
    assert isinstance(got[1], WarcPage) and got[1].uri == "https://ex.example/next"


def test_damaged_gzip_data_in_the_middle_costs_that_record_only(tmp_path):
    recs = [record(True, f"https://ex.example/{n}", page(n)) for n in range(3)]
    bad = bytearray(recs[1])
    bad[len(bad) // 2 : len(bad) // 2 + 40] = b"\x00" * 40
    path = tmp_path / "damaged.warc.gz"
    offsets = build(path, [recs[0], bytes(bad), recs[2]])
    got = items(path)
    assert [(type(i).__name__, i.offset) for i in got] == [
        ("WarcPage", offsets[0]), ("WarcTrouble", offsets[1]), ("WarcPage", offsets[2]),
    ]  # fmt: skip


def test_a_page_over_the_size_limit_is_reported_and_reading_goes_on(tmp_path):
    path = tmp_path / "big.warc"
    big = b"<html><body><article>" + b"<p>" + b"word " * 5000 + b"</p></article></body></html>"
    offsets = build(path, [record(False, "https://ex.example/big", big), record(False, "https://ex.example/ok", page(3))])
    got = items(path, max_bytes=10_000)
    assert isinstance(got[0], WarcTrouble) and got[0].offset == offsets[0]
    assert got[0].reason == "https://ex.example/big: the page is over the 10,000-byte limit; skipped"
    assert isinstance(got[1], WarcPage)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("plain.warc.gz", None, "named .gz but not gzip-compressed"),
        ("notes.warc", b"These are my notes about web archives.\n", "this is not a WARC file"),
        ("empty.warc.gz", b"", "the file is empty"),
        ("other.warc.gz", gzip.compress(b"just some compressed text\n"), "this is not a WARC file"),
    ],
)
def test_an_archive_that_cannot_be_read_at_all_is_an_error_naming_it(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(record(False, "https://ex.example/1", page(1)) if data is None else data)
    with pytest.raises(InputError) as err:
        items(path)
    assert err.value.path == str(path) and reason in err.value.reason
    # As a scan input it is one problem, and the batch goes on.
    found = list(warc_items(str(path), Settings()))
    assert len(found) == 1 and isinstance(found[0], InputProblem) and reason in found[0].reason


def test_a_large_record_streams_through_in_little_memory(tmp_path):
    # A 24 MB video between two pages: read and skipped without ever being held.
    path = tmp_path / "video.warc.gz"
    video = bytes(24 * 2**20)
    build(path, [record(True, "https://ex.example/1", page(1)), record(True, "https://ex.example/v.mp4", video, ctype="video/mp4"),
                 record(True, "https://ex.example/2", page(2))])  # fmt: skip
    del video
    tracemalloc.start()
    try:
        got = items(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i.uri for i in got if isinstance(i, WarcPage)] == ["https://ex.example/1", "https://ex.example/2"]
    assert peak < 2 * 2**20, f"reading the archive held {peak:,} bytes at once"


# --- as a scan input -----------------------------------------------------------------------


def crawl(tmp_path: Path, gz: bool = True) -> tuple[Path, list[int]]:
    """The exact-reprint story as a crawl: both pages, a page without its own date, and trouble."""
    undated = b"<html><head><title>Ferry cuts</title></head><body><article><h1>Ferry cuts</h1><p>" + b" ".join(
        f"ferry{k}".encode() for k in range(60)
    ) + b"</p></article></body></html>"
    cut = record(gz, "https://ex.example/cut", page(7))
    parts = [
        record(gz, "https://valleyledger.example/lighthouse", LEDGER, date="2021-03-08T10:00:00Z"),
        record(gz, "https://valleyledger.example/logo.png", b"\x89PNG" + bytes(100), ctype="image/png"),
        cut[: len(cut) // 2],
        record(gz, "https://riverside.example/lighthouse", COURIER, ctype="text/html; charset=windows-1252"),
        record(gz, "https://ferries.example/cuts", undated, date="2021-03-09T08:15:00Z"),
        record(gz, "https://valleyledger.example/404", (WEB / "no-article.html").read_bytes()),
    ]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    return path, build(path, parts)


def test_a_web_archive_scan_finds_the_reprint_and_reports_the_rest(tmp_path):
    path, offsets = crawl(tmp_path)
    found = list(warc_items(str(path), Settings()))
    records = [i for i in found if isinstance(i, RawRecord)]
    assert [r.id for r in records] == [
        "https://valleyledger.example/lighthouse", "https://riverside.example/lighthouse", "https://ferries.example/cuts",
    ]  # fmt: skip
    assert [r.offset for r in records] == [offsets[0], offsets[3], offsets[4]]
    problems = [i for i in found if isinstance(i, InputProblem)]
    assert [(p.path, p.offset) for p in problems] == [(str(path), offsets[2]), (str(path), offsets[5])]
    assert problems[0].reason.startswith("cut off")
    assert problems[1].reason == "https://valleyledger.example/404: no article text found in this page (its main text is 3 words)"
    notes = [i for i in found if isinstance(i, InputNote)]
    assert [n.reason for n in notes] == ["1 record is not an HTML page and was skipped: 1 image/png"]

    result = scan([str(path)], Settings(workers=1))
    assert [(e.source, e.copy, e.kind) for e in result.edges] == [
        ("https://valleyledger.example/lighthouse", "https://riverside.example/lighthouse", "credited-reprint")
    ]
    data = result_to_dict(result)
    assert list(VALIDATOR.iter_errors(data)) == [] and check_references(data) == []
    docs = {d["id"]: d for d in data["documents"]}
    ledger, ferry = docs["https://valleyledger.example/lighthouse"], docs["https://ferries.example/cuts"]
    # The page's own date wins over the capture date; a page without one takes the WARC-Date, and says so.
    assert (ledger["date"], ledger["metadata_from"]["date"]) == ("2021-03-03", "page")
    assert (ferry["date"], ferry["metadata_from"]["date"]) == ("2021-03-09T08:15:00Z", "warc-date")
    for doc in docs.values():
        assert doc["path"] == str(path) and doc["source_url"] == doc["id"] and doc["text_source"] == "extracted-html"
    assert ledger["offset"] == offsets[0] and docs["https://riverside.example/lighthouse"]["offset"] == offsets[3]
    assert [p["offset"] for p in data["problems"]] == [offsets[2], offsets[5]]
    assert [n["reason"] for n in data["notes"]] == ["1 record is not an HTML page and was skipped: 1 image/png"]


def test_scan_cli_on_a_web_archive_says_what_it_skipped(tmp_path):
    path, offsets = crawl(tmp_path, gz=False)
    result = CliRunner().invoke(main, ["scan", str(path), "--format", "json", "-q", "--workers", "1"])
    assert result.exit_code == EXIT_PARTIAL, result.stderr
    lines = result.stderr.splitlines()
    assert f"syndtrace: skipped {path} at offset {offsets[2]}: https://ex.example/cut: cut off: the next record begins at offset {offsets[3]}, inside the bytes its Content-Length declares; skipped to the next record, at offset {offsets[3]}" in lines
    assert f"syndtrace: skipped {path} at offset {offsets[5]}: https://valleyledger.example/404: no article text found in this page (its main text is 3 words)" in lines
    assert f"syndtrace: note: {path}: 1 record is not an HTML page and was skipped: 1 image/png" in lines
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 3 and len(data["families"]) == 1


def test_a_folder_scan_reads_archives_by_their_two_extensions(tmp_path):
    folder = tmp_path / "crawls"
    folder.mkdir()
    crawl(folder, gz=True)
    (folder / "notes.gz").write_bytes(gzip.compress(b"not an archive"))  # not .warc.gz: not read
    result = scan([str(folder)], Settings(workers=1))
    assert len(result.documents) == 3
    assert all(p.path.endswith("crawl.warc.gz") for p in result.problems)
