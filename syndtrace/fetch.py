"""Fetching web pages: given URLs in, HTML bodies (or a reason per URL) out.

urllib3 does the HTTP: connection reuse, timeouts, redirects (at most
``Settings.fetch_redirects``) and retries with exponential backoff
(``Settings.fetch_retries``) for connection errors, timeouts and the statuses
that say "try again" (429, 500, 502, 503, 504). On top of it:

* A user agent that names syndtrace (``USER_AGENT``).
* A size cap (``Settings.max_bytes``): a larger ``Content-Length`` is refused
  before the body is read, and a body is read in chunks and dropped once it
  passes the cap, so a 50 MB page never sits in memory.
* Only HTML is accepted (``text/html``, ``application/xhtml+xml``, or no
  content type and a body that starts like HTML).
* Every failure is a ``FetchError`` (an ``InputError``) naming the URL and
  saying what went wrong: the name did not resolve, the server could not be
  reached, timed out, answered with an error status, redirected too often,
  sent something that is not HTML, or sent too much.
* ``fetch_all`` fetches many URLs on threads, at most ``Settings.fetch_per_host``
  at once from one host, and hands the results back in the order given.
* A cache folder (``--cache DIR``) keeps every page fetched, under the
  SHA-256 of its URL, so a rerun reads it from disk without the network.

urllib3 is imported only when a URL is fetched.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from syndtrace import __version__
from syndtrace.errors import InputError
from syndtrace.settings import Settings

USER_AGENT = f"syndtrace/{__version__} (+https://pypi.org/project/syndtrace/; tracing news syndication)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 1 << 16
_AHEAD = 4  # results fetched ahead of the one awaited, per thread: bounds the bodies held


def is_url(text: str) -> bool:
    """Whether an input names a web page (``http://`` or ``https://``) rather than a file."""
    return text[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page fetched: the URL as given, the URL it was finally served from, its content type and body."""

    url: str
    final_url: str
    content_type: str | None
    body: bytes
    cached: bool = False


class FetchError(InputError):
    """A URL that gave no usable page; ``kind`` is one of ``dns``, ``connect``, ``timeout``,
    ``status``, ``redirects``, ``not-html``, ``too-large``, ``bad-url``."""

    def __init__(self, reason: str, path: str | None = None, line: int | None = None, kind: str = "") -> None:
        super().__init__(reason, path, line)
        self.kind = kind

    def __reduce__(self):
        return type(self), (self.reason, self.path, self.line, self.kind)


class Fetcher:
    """Fetches pages with the settings' limits, through an optional cache folder.

    Thread-safe: ``fetch_all`` calls ``fetch`` from several threads, sharing
    one connection pool.
    """

    def __init__(self, settings: Settings, cache: str | None = None) -> None:
        self.settings = settings
        self.cache = Cache(cache) if cache else None
        self._pool = None
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def fetch(self, url: str) -> Fetched:
        """The page at ``url`` (from the cache when it holds it). Raises ``FetchError`` naming ``url``."""
        if self.cache is not None:
            hit = self.cache.get(url)
            if hit is not None:
                return hit
        host = _host(url)
        with self._host_slot(host):
            page = self._fetch(url)
        if self.cache is not None:
            self.cache.put(page)
        return page

    def _host_slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self.settings.fetch_per_host)
            return slot

    def _manager(self):
        with self._lock:
            if self._pool is None:
                import urllib3

                # urllib3 logs each retry as a warning; syndtrace reports the URL's fate itself.
                logger = logging.getLogger("urllib3")
                if not logger.handlers:
                    logger.addHandler(logging.NullHandler())
                    logger.propagate = False

                self._pool = urllib3.PoolManager(
                    num_pools=64, maxsize=self.settings.fetch_per_host, headers={"User-Agent": USER_AGENT}
                )
            return self._pool

    def _fetch(self, url: str) -> Fetched:
        import urllib3
        from urllib3.exceptions import HTTPError, LocationParseError, MaxRetryError

        s = self.settings
        # Passed with each request: a PoolManager's own retries do not reach redirects (urllib3 #2475).
        retries = urllib3.Retry(
            total=s.fetch_retries + s.fetch_redirects,
            connect=s.fetch_retries,
            read=s.fetch_retries,
            status=s.fetch_retries,
            other=0,
            redirect=s.fetch_redirects,
            status_forcelist=_RETRY_STATUSES,
            backoff_factor=s.fetch_backoff,
            raise_on_redirect=True,
            raise_on_status=False,
            # A server asking for an hour's wait would stall the whole run: backoff is ours.
            respect_retry_after_header=False,
        )
        timeout = urllib3.Timeout(connect=s.fetch_timeout, read=s.fetch_timeout)
        try:
            response = self._manager().request(
                "GET", url, preload_content=False, retries=retries, timeout=timeout, redirect=True
            )
        except MaxRetryError as exc:
            raise _failure(url, exc.reason, s) from None
        except LocationParseError:
            raise FetchError("not a valid URL", url, kind="bad-url") from None
        except HTTPError as exc:
            raise _failure(url, exc, s) from None
        try:
            return self._body(url, response)
        except FetchError:
            # A body left unread would be taken for the next response on this connection.
            response.close()
            raise
        finally:
            response.release_conn()

    def _body(self, url: str, response) -> Fetched:
        from urllib3.exceptions import HTTPError

        s = self.settings
        final = url
        for step in response.retries.history if response.retries is not None else ():
            if step.redirect_location:
                final = urljoin(final, step.redirect_location)
        if response.status >= 400 or response.status < 200:
            raise FetchError(f"the server answered HTTP {response.status} {response.reason or ''}".rstrip(), url, kind="status")
        if 300 <= response.status < 400:
            raise FetchError(f"redirected with HTTP {response.status} but no usable Location", url, kind="status")
        content_type = response.headers.get("Content-Type")
        mime = (content_type or "").split(";", 1)[0].strip().lower()
        if mime and mime not in _HTML_TYPES:
            response.close()
            raise FetchError(f"not HTML: the server sent {mime}", url, kind="not-html")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > s.max_bytes:
            response.close()
            raise FetchError(_too_large(f"{int(length):,} bytes", s), url, kind="too-large")
        parts, size = [], 0
        try:
            for chunk in response.stream(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > s.max_bytes:
                    response.close()  # the rest is never read
                    raise FetchError(_too_large(f"more than {s.max_bytes:,} bytes", s), url, kind="too-large")
                parts.append(chunk)
        except HTTPError as exc:
            raise _failure(url, exc, s) from None
        body = b"".join(parts)
        if not mime and not _looks_like_html(body):
            raise FetchError("not HTML: the server gave no content type and the body is not HTML", url, kind="not-html")
        return Fetched(url, final, content_type, body)


def fetch_all(urls: Iterable[str], fetcher: Fetcher, threads: int = 8) -> Iterator[Fetched | FetchError]:
    """Fetch ``urls`` on up to ``threads`` threads; yield each page or ``FetchError`` in the order given.

    Only a few results are fetched ahead of the one awaited, so a long list
    never holds many bodies at once.
    """

    def one(url: str) -> Fetched | FetchError:
        try:
            return fetcher.fetch(url)
        except FetchError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="syndtrace-fetch") as pool:
        pending: deque[Future] = deque()
        it = iter(urls)
        for url in it:
            pending.append(pool.submit(one, url))
            if len(pending) >= threads * _AHEAD:
                break
        while pending:
            yield pending.popleft().result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(pool.submit(one, nxt))


class Cache:
    """Pages kept on disk by the SHA-256 of their URL: ``DIR/ab/abcd....html`` and its ``.json`` (URL, type).

    Written atomically (a temporary file renamed into place), so an
    interrupted run never leaves half a page to be read as whole.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the cache folder: {exc.strerror or exc}", folder) from None

    def _paths(self, url: str) -> tuple[str, str]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        base = os.path.join(self.folder, key[:2], key)
        return base + ".html", base + ".json"

    def get(self, url: str) -> Fetched | None:
        body_path, meta_path = self._paths(url)
        try:
            with open(meta_path, encoding="utf-8") as fp:
                meta = json.load(fp)
            with open(body_path, "rb") as fp:
                body = fp.read()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or meta.get("size") != len(body):
            return None  # another URL's page under a colliding name, or a body cut short: fetch again
        return Fetched(url, meta.get("final_url") or url, meta.get("content_type"), body, cached=True)

    def put(self, page: Fetched) -> None:
        body_path, meta_path = self._paths(page.url)
        meta = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type, "size": len(page.body)}
        try:
            os.makedirs(os.path.dirname(body_path), exist_ok=True)
            _write_atomic(body_path, page.body)
            # The metadata last: a page is in the cache once its .json says so.
            _write_atomic(meta_path, json.dumps(meta, sort_keys=True).encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot write to the cache folder: {exc.strerror or exc}", self.folder) from None


def _write_atomic(path: str, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{(parts.hostname or '').lower()}:{parts.port or ''}"
    except ValueError:
        return url


def _too_large(size: str, s: Settings) -> str:
    return f"too large: the page is {size}, over the {s.max_bytes:,}-byte limit"


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")) or b"<html" in head


def _failure(url: str, reason: BaseException | None, s: Settings) -> FetchError:
    """The ``FetchError`` for urllib3's account of why ``url`` gave nothing."""
    from urllib3.exceptions import (
        ConnectTimeoutError, NameResolutionError, NewConnectionError, ProtocolError, ReadTimeoutError,
        ResponseError, SSLError,
    )  # fmt: skip

    tries = f" ({s.fetch_retries + 1} tries)" if s.fetch_retries else ""
    if isinstance(reason, NameResolutionError):
        host = urlsplit(url).hostname or url
        return FetchError(f"DNS: the name {host!r} does not resolve{tries}", url, kind="dns")
    # urllib3 makes NewConnectionError a ConnectTimeoutError: ask for it first.
    if isinstance(reason, NewConnectionError) and not isinstance(reason, (socket.timeout, TimeoutError)):
        if "timed out" not in str(reason):
            return FetchError(f"cannot connect to the server (connection refused or unreachable){tries}", url, kind="connect")
    if isinstance(reason, (ConnectTimeoutError, ReadTimeoutError)):
        return FetchError(f"timed out: no answer within {s.fetch_timeout:g} s{tries} (--timeout)", url, kind="timeout")
    if isinstance(reason, ResponseError) and "redirect" in str(reason):
        return FetchError(f"too many redirects (more than {s.fetch_redirects})", url, kind="redirects")
    if isinstance(reason, ResponseError):
        return FetchError(f"the server kept failing: {reason}{tries}", url, kind="status")
    if isinstance(reason, SSLError):
        return FetchError(f"TLS error: {reason}", url, kind="connect")
    if isinstance(reason, ProtocolError):
        return FetchError(f"the connection broke: {reason}{tries}", url, kind="connect")
    return FetchError(f"cannot fetch it: {reason}", url, kind="connect")
