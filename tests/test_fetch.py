"""URLs as inputs (``syndtrace.fetch``, ``compare URL URL``, ``scan --urls FILE``), against a local server.

Nothing leaves the machine: every test talks to an HTTP server on 127.0.0.1
that this module starts and stops (``http.server`` on a thread). A DNS
failure is made by refusing the name in ``socket.getaddrinfo`` rather than
by asking a resolver. Timeouts and backoff are set to fractions of a second
through ``Settings``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from syndtrace.cli import main
from syndtrace.errors import EXIT_INPUT, EXIT_OK, EXIT_PARTIAL
from syndtrace.fetch import USER_AGENT, Fetched, Fetcher, FetchError, fetch_all
from syndtrace.pipeline import compare
from syndtrace.scan import scan
from syndtrace.settings import Settings

WEB = Path(__file__).resolve().parent / "data" / "web"
LEDGER = (WEB / "valley-ledger.html").read_bytes()
COURIER = (WEB / "riverside-courier.htm").read_bytes()
FAST = dict(fetch_timeout=0.3, fetch_retries=1, fetch_backoff=0.01)


class Site:
    """What the server saw: hits per path, user agents, and the most ``/hold/`` requests in flight at once
    (other tests' slow requests may still be running on the server)."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.agents: set[str] = set()
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: Site

    def log_message(self, *args) -> None:  # the test output stays clean
        pass

    def send(self, status: int, body: bytes, ctype: str | None = "text/html; charset=utf-8", headers=()) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        site = self.site
        with site.lock:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            site.agents.add(self.headers.get("User-Agent", ""))
        try:
            self.route(site.hits[self.path])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a page over the size cap)

    def route(self, hit: int) -> None:
        path = self.path
        if path == "/ledger":
            self.send(200, LEDGER)
        elif path == "/courier":
            self.send(200, COURIER, "text/html; charset=windows-1252")
        elif path.startswith("/hold/"):  # held a moment, to see how many are fetched at once
            with self.site.lock:
                self.site.in_flight += 1
                self.site.most_in_flight = max(self.site.most_in_flight, self.site.in_flight)
            time.sleep(0.15)
            with self.site.lock:  # before the answer: the client cannot ask again until it has it
                self.site.in_flight -= 1
            self.send(200, LEDGER)
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, LEDGER)
        elif path == "/moved":
            self.send(301, b"", None, [("Location", "/ledger")])
        elif path.startswith("/loop"):
            self.send(302, b"", None, [("Location", f"/loop{hit}")])
        elif path == "/missing":
            self.send(404, b"<html><body>Not found</body></html>")
        elif path == "/flaky":  # fails once, then serves the page
            self.send(503, b"busy") if hit == 1 else self.send(200, LEDGER)
        elif path == "/down":
            self.send(503, b"busy")
        elif path == "/logo.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif path == "/untyped":
            self.send(200, LEDGER, None)
        elif path == "/declared-huge":  # says 50 MB; the client must refuse before reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 2**20))
            self.end_headers()
            self.wfile.write(b"<html>")
        elif path == "/endless":  # no length given: 50 MB streamed until the client stops reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"lorem ipsum " * 5000 + b"</p>\n"
            for _ in range(50 * 2**20 // len(chunk)):
                self.wfile.write(chunk)
        elif path == "/empty-article":
            self.send(200, (WEB / "no-article.html").read_bytes())
        else:
            self.send(404, b"no such page")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (a timeout, a size cap) is what the tests ask for


@pytest.fixture(scope="module")
def server():
    site = Site()
    handler = type("BoundHandler", (Handler,), {"site": site})
    httpd = QuietServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def fetcher(**settings) -> Fetcher:
    return Fetcher(Settings(**{**FAST, **settings}))


# --- one URL ---------------------------------------------------------------------------------


def test_a_page_is_fetched_with_a_user_agent_that_names_syndtrace(server):
    base, site = server
    page = fetcher().fetch(f"{base}/ledger")
    assert page.body == LEDGER and page.content_type == "text/html; charset=utf-8"
    assert USER_AGENT.startswith("syndtrace/") and USER_AGENT in site.agents


def test_redirects_are_followed_up_to_the_limit(server):
    base, _ = server
    page = fetcher().fetch(f"{base}/moved")
    assert page.url == f"{base}/moved" and page.final_url.endswith("/ledger") and page.body == LEDGER
    with pytest.raises(FetchError) as err:
        fetcher(fetch_redirects=3).fetch(f"{base}/loop")
    assert err.value.kind == "redirects" and "too many redirects (more than 3)" in err.value.reason


def test_a_try_again_status_is_retried_with_backoff(server):
    base, site = server
    assert fetcher(fetch_retries=2).fetch(f"{base}/flaky").body == LEDGER
    assert site.hits["/flaky"] == 2
    with pytest.raises(FetchError) as err:
        fetcher(fetch_retries=2).fetch(f"{base}/down")
    assert err.value.kind == "status" and "HTTP 503" in err.value.reason
    assert site.hits["/down"] == 3  # the first try and two retries


@pytest.mark.parametrize(
    "path, kind, reason",
    [
        ("/missing", "status", "the server answered HTTP 404 Not Found"),
        ("/logo.png", "not-html", "not HTML: the server sent image/png"),
        ("/declared-huge", "too-large", "too large: the page is 52,428,800 bytes, over the 1,000,000-byte limit"),
        ("/endless", "too-large", "too large: the page is more than 1,000,000 bytes, over the 1,000,000-byte limit"),
        ("/slow", "timeout", "timed out: no answer within 0.3 s (2 tries) (--timeout)"),
    ],
)
def test_each_failure_says_what_went_wrong(server, path, kind, reason):
    base, _ = server
    with pytest.raises(FetchError) as err:
        fetcher(max_bytes=1_000_000).fetch(base + path)
    assert (err.value.kind, err.value.reason, err.value.path) == (kind, reason, base + path)


def test_a_name_that_does_not_resolve_is_a_dns_failure(monkeypatch):
    real = socket.getaddrinfo

    def refuse(host, *args, **kwargs):
        if host == "news.nowhere.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(FetchError) as err:
        fetcher(fetch_retries=0).fetch("http://news.nowhere.test/story")
    assert err.value.kind == "dns" and err.value.reason == "DNS: the name 'news.nowhere.test' does not resolve"


def test_a_server_that_is_not_there_cannot_be_reached():
    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as err:
        fetcher(fetch_retries=0).fetch(f"http://127.0.0.1:{port}/story")
    assert err.value.kind == "connect" and err.value.reason.startswith("cannot connect to the server")


def test_a_page_without_a_content_type_is_read_when_it_is_html(server):
    base, _ = server
    assert fetcher().fetch(f"{base}/untyped").body == LEDGER


# --- many URLs ----------------------------------------------------------------------------------


def test_fetch_all_keeps_the_order_given_and_limits_each_host(server):
    base, site = server
    urls = [f"{base}/hold/{n}" for n in range(6)] + [f"{base}/missing"]
    site.most_in_flight = 0
    # A timeout long enough that a loaded machine never retries: a retry leaves the timed-out request
    # held on the server, and three would then be in flight at once.
    got = list(fetch_all(urls, fetcher(fetch_per_host=2, fetch_timeout=10.0), threads=6))
    assert [g.url if isinstance(g, Fetched) else g.path for g in got] == urls
    assert all(isinstance(g, Fetched) for g in got[:-1]) and isinstance(got[-1], FetchError)
    # Six threads, one host, two at a time.
    assert site.most_in_flight == 2


def test_the_cache_serves_a_rerun_without_the_network(server, tmp_path):
    base, site = server
    cache = tmp_path / "cache"
    first = Fetcher(Settings(**FAST), str(cache)).fetch(f"{base}/courier")
    hits = site.hits["/courier"]
    again = Fetcher(Settings(**FAST), str(cache)).fetch(f"{base}/courier")
    assert site.hits["/courier"] == hits and again.cached and not first.cached
    assert (again.body, again.content_type, again.final_url) == (first.body, first.content_type, first.final_url)
    stored = sorted(p.name for p in cache.rglob("*") if p.is_file())
    assert len(stored) == 2 and stored[0].endswith(".html") and stored[1].endswith(".json")


# --- compare and scan ------------------------------------------------------------------------------


def test_compare_two_urls(server):
    base, _ = server
    result = CliRunner().invoke(main, ["compare", f"{base}/ledger", f"{base}/courier", "--format", "json"])
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    assert [(e["source"], e["copy"], e["kind"]) for e in data["edges"]] == [(f"{base}/ledger", f"{base}/courier", "credited-reprint")]
    docs = {d["id"]: d for d in data["documents"]}
    assert docs[f"{base}/courier"]["source_url"] == f"{base}/courier" and docs[f"{base}/courier"]["text_source"] == "extracted-html"
    assert docs[f"{base}/ledger"]["path"] == f"{base}/ledger"


def test_compare_follows_a_redirect_and_keeps_where_the_page_came_from(server):
    base, _ = server
    result = compare([f"{base}/moved", f"{base}/courier"], Settings(**FAST))
    moved = next(d for d in result.documents if d.id == f"{base}/moved")
    assert moved.source_url == f"{base}/ledger" and moved.outlet == "Valley Ledger"


def test_compare_stops_on_a_url_that_times_out_and_names_it(server):
    base, _ = server
    result = CliRunner().invoke(main, ["compare", f"{base}/ledger", f"{base}/slow", "--timeout", "0.2"])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"syndtrace: error: {base}/slow: timed out: no answer within 0.2 s")


def test_scan_urls_reports_each_failure_and_goes_on(server, tmp_path):
    base, _ = server
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# the lighthouse story\n{base}/ledger\n\n{base}/missing\n{base}/courier\nnot a url\n{base}/logo.png\n{base}/empty-article\n"
    )
    result = CliRunner().invoke(main, ["scan", "--urls", str(listing), "--format", "json", "-q", "--workers", "1", "--timeout", "0.5"])
    assert result.exit_code == EXIT_PARTIAL, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("syndtrace: skipped")]
    assert skipped == [
        f"syndtrace: skipped {listing}:4: {base}/missing: the server answered HTTP 404 Not Found",
        f"syndtrace: skipped {listing}:7: {base}/logo.png: not HTML: the server sent image/png",
        f"syndtrace: skipped {listing}:8: {base}/empty-article: no article text found in this page (its main text is 3 words)",
        f"syndtrace: skipped {listing}:6: not an http:// or https:// URL: 'not a url'",
    ]
    data = json.loads(result.stdout)
    assert sorted(d["id"] for d in data["documents"]) == [f"{base}/courier", f"{base}/ledger"]
    assert [(e["source"], e["copy"]) for e in data["edges"]] == [(f"{base}/ledger", f"{base}/courier")]


def test_scan_mixes_urls_files_and_the_cache(server, tmp_path):
    base, site = server
    cache = tmp_path / "cache"
    before = site.hits.get("/courier", 0)
    first = scan([str(WEB / "valley-ledger.html"), f"{base}/courier"], Settings(workers=1, **FAST), cache=str(cache))
    again = scan([str(WEB / "valley-ledger.html"), f"{base}/courier"], Settings(workers=1, **FAST), cache=str(cache))
    assert site.hits["/courier"] == before + 1  # the rerun read the page from the cache
    assert [(e.source, e.copy, e.kind) for e in first.edges] == [(str(WEB / "valley-ledger.html"), f"{base}/courier", "credited-reprint")]
    assert again.edges == first.edges


def test_scan_needs_paths_or_a_url_list():
    result = CliRunner().invoke(main, ["scan"])
    assert result.exit_code == 2 and "give PATHS to scan, or --urls FILE" in result.stderr
