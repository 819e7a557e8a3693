"""``scan``: reprint families across a corpus.

load (``syndtrace.corpus``) -> fingerprint (``syndtrace.fingerprint``, in
worker processes) -> candidate pairs (``syndtrace.index``) -> align each
candidate with the ``compare`` core (workers) -> trace -> families.

Determinism: worker results are gathered in input order and everything is
sorted before it leaves this module, so the output is the same for any
``--workers``. Workers are forked, so they read the loaded corpus without
copying it through pipes.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
import signal
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from syndtrace.attribute import attribute_passages
from syndtrace.corpus import FieldMap, iter_inputs
from syndtrace.family import families, same_story
from syndtrace.fingerprint import batch_fingerprints, member
from syndtrace.index import candidate_pairs
from syndtrace.load import document_from_text, parse_front_matter
from syndtrace.model import Document, InputProblem, RawRecord, Result
from syndtrace.names import outlet_key
from syndtrace.normalize import TokenStream, remask, tokenize
from syndtrace.pipeline import Analysed, compare_pair, number_passages, prepare_document
from syndtrace.progress import NullProgress, Progress
from syndtrace.settings import Settings
from syndtrace.statements import DocPrints, doc_prints, learn, mark_all, side_prints, winnowed
from syndtrace.unionfind import UnionFind
from syndtrace.trace import trace

_BATCH = 400  # documents per fingerprint batch: large enough to amortise numpy calls
_STATE: dict = {}  # what forked workers read: records, settings, learned boilerplate


def scan(
    paths: list[str], settings: Settings | None = None, *, fields: FieldMap | None = None, progress: Progress | None = None
) -> Result:
    """Scan folders and corpus files for reprint families."""
    with _quiet_gc():
        return _scan(paths, settings or Settings(), fields, progress or NullProgress())


@contextmanager
def _quiet_gc():
    """No cyclic garbage collection during a scan.

    A scan holds millions of long-lived objects and makes no reference cycles
    worth collecting; every full collection walks them all (seconds each at
    100k articles, and more often the more there are), and in forked workers
    it writes to every object's header, copying the parent's pages.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _scan(paths: list[str], settings: Settings, fields: FieldMap | None, progress: Progress) -> Result:
    records, problems = _load(paths, settings, fields, progress)
    outlet_codes, title_codes = _codes(records)
    hashes, docs = _fingerprints(records, settings, progress)
    progress.stage("indexed", 1)
    cand = candidate_pairs(hashes, docs, outlet_codes, title_codes, settings)
    progress.advance("indexed")
    del hashes, docs
    _STATE.update(records=records, settings=settings, boilerplate=cand.boilerplate, outlet=outlet_codes)
    try:
        aligned, metas = _align(cand, settings, progress)
    finally:
        _STATE.clear()
    # The last steps are serial and take seconds at 100k articles: say so on the bar.
    progress.stage("traced", 3)
    aligned = _mark_statements(aligned, settings)
    progress.advance("traced")
    documents = [_document(i, r, metas.get(i)) for i, r in enumerate(records)]
    by_id = {d.id: d for d in documents}
    raw = [(records[i].id, records[j].id, passages) for i, j, passages, _ in aligned]
    numbered, pairs = number_passages(raw, by_id, attribute=False)
    involved = sorted({i for i, *_ in aligned} | {j for _, j, *_ in aligned})
    words = {records[i].id: metas[i][1] for i in involved}
    edges, sources, tree = trace([documents[i] for i in involved], pairs, words, settings)
    progress.advance("traced")
    fams = families([documents[i] for i in involved], edges, sources, numbered, settings)
    progress.advance("traced")
    return Result(
        documents=tuple(documents),
        passages=tuple(numbered),
        edges=edges,
        sources=sources,
        pairs=tuple(stats for _, _, _, stats in aligned),
        tree=tree,
        families=fams,
        problems=tuple(problems),
        settings=settings.to_dict(),
        command="scan",
    )


def _load(paths, settings, fields, progress) -> tuple[list[RawRecord], list[InputProblem]]:
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    progress.stage("loaded")
    for item in iter_inputs(paths, settings, fields):
        if isinstance(item, RawRecord):
            records.append(item)
            progress.advance("loaded")
        else:
            problems.append(item)
    return records, problems


def _codes(records: list[RawRecord]) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes per document for its outlet (-1 unknown) and its title (first line)."""
    outlets: dict[str, int] = {}
    outlet = np.full(len(records), -1, dtype=np.int64)
    title = np.empty(len(records), dtype=np.int64)
    for i, rec in enumerate(records):
        fields = dict(rec.fields)
        name = fields.get("outlet")
        if name:
            outlet[i] = outlets.setdefault(outlet_key(name), len(outlets))
        # The title, else the first line of the body (front matter is not the story).
        head = fields.get("title") or _body(rec.text).lstrip()[:200].split("\n", 1)[0]
        title[i] = zlib.crc32(re.sub(r"\W+", " ", head.lower()).encode("utf-8"))
    return outlet, title


@contextmanager
def _mapper(settings: Settings, jobs: int):
    """``map``, or a fork pool's ordered ``imap`` when more than one worker would help.

    On success the pool is closed and joined; on an error or Ctrl-C it is
    terminated, so an interrupted scan never waits on its workers.
    """
    workers = min(settings.worker_count, jobs)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield map
        return
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts)
    try:
        yield pool.imap
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which terminates them (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _fingerprints(records, settings, progress) -> tuple[np.ndarray, np.ndarray]:
    _STATE.update(records=records, settings=settings)
    batches = list(range(0, len(records), _BATCH))
    progress.stage("sketched", len(records))
    parts = []
    try:
        with _mapper(settings, len(batches)) as mapper:
            for start, part in zip(batches, mapper(_fingerprint_batch, batches)):
                parts.append(part)
                progress.advance("sketched", min(_BATCH, len(records) - start))
    finally:
        _STATE.clear()
    if not parts:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    return np.concatenate([h for h, _ in parts]), np.concatenate([d for _, d in parts])


def _fingerprint_batch(start: int) -> tuple[np.ndarray, np.ndarray]:
    records, settings = _STATE["records"], _STATE["settings"]
    texts = [_body(r.text).encode("utf-8") for r in records[start : start + _BATCH]]
    hashes, docs = batch_fingerprints(texts, settings.shingle_size, settings.window)
    return hashes, docs + start


def _body_start(text: str) -> int:
    """Where the article begins after any front matter (0 without one)."""
    return parse_front_matter(text)[1] if text.startswith(("---", "\ufeff---")) else 0


def _body(text: str) -> str:
    return text[_body_start(text) :]


def _align(cand, settings, progress):
    """Align every candidate pair; return ``(aligned, metas)`` in candidate order.

    Pairs are chunked by connected component of the candidate graph, so a
    document is analysed by one worker only, once, and only passages and
    metadata travel back to the parent.
    """
    pairs = list(zip(cand.left.tolist(), cand.right.tolist()))
    progress.stage("pairs aligned", len(pairs))
    chunks = _component_chunks(pairs, settings.worker_count * 4)
    aligned: list = []
    metas: dict[int, tuple[Document, int]] = {}
    with _mapper(settings, len(chunks)) as mapper:
        for part, (found, meta) in zip(chunks, mapper(_align_chunk, chunks)):
            aligned.extend(found)
            metas.update(meta)
            progress.advance("pairs aligned", len(part))
    order = {pair: k for k, pair in enumerate(pairs)}  # candidate order, whatever the workers
    aligned.sort(key=lambda item: order[(item[0], item[1])])
    return aligned, metas


def _mark_statements(aligned: list, settings: Settings) -> list:
    """Learn the corpus's widely quoted statements and mark the passages made of them.

    Returns ``(i, j, passages, stats)`` per pair: the side prints have served and are let go.
    """
    # One observation per document span: a span found against each of its story's
    # other copies would only repeat the same fingerprints (learn counts documents).
    observations, seen = [], set()
    for i, j, passages, _, sides in aligned:
        for p, (side_a, side_b) in zip(passages, sides):
            for doc, side, prints in ((i, p.a, side_a), (j, p.b, side_b)):
                if (doc, side.start, side.end) not in seen:
                    seen.add((doc, side.start, side.end))
                    observations.append((doc, *prints))
    # Documents linked by substantial authored overlap are one group (one story's copies).
    groups = UnionFind()
    for i, j, passages, _, _ in aligned:
        if same_story(passages, settings):
            groups.union(i, j)
    found = learn(observations, {d: groups.find(d) for d in list(groups.parent)})
    flat = mark_all([p for _, _, ps, _, _ in aligned for p in ps], [s for *_, sides in aligned for s in sides], found)
    out, at = [], 0
    for i, j, passages, stats, _ in aligned:
        out.append((i, j, flat[at : at + len(passages)], stats))  # the prints are no longer needed
        at += len(passages)
    return out


def _component_chunks(pairs: list[tuple[int, int]], buckets: int) -> list[list[tuple[int, int]]]:
    """Pairs grouped by connected component, components dealt to ``buckets`` chunks (largest first)."""
    uf = UnionFind()
    for i, j in pairs:
        uf.union(i, j)
    components: dict[int, list[tuple[int, int]]] = {}
    for pair in pairs:
        components.setdefault(uf.find(pair[0]), []).append(pair)
    chunks: list[list[tuple[int, int]]] = [[] for _ in range(max(1, buckets))]
    for comp in sorted(components.values(), key=lambda c: (-len(c), c[0])):
        min(chunks, key=len).extend(comp)
    return [c for c in chunks if c]


def _align_chunk(pairs: list[tuple[int, int]]):
    settings = _STATE["settings"]
    cache: dict[int, Analysed] = {}
    prints: dict[int, DocPrints] = {}
    contexts: dict = {}
    # A document is dropped from the caches after its last pair in the chunk, so a
    # worker holds the documents in play, not every document of its chunk.
    left = Counter(i for pair in pairs for i in pair)
    found, meta = [], {}
    for i, j in pairs:
        x = cache.get(i) or cache.setdefault(i, _analyse(i))
        y = cache.get(j) or cache.setdefault(j, _analyse(j))
        passages, stats = compare_pair(x, y, settings)
        if passages:
            # Attributed here, where the documents are at hand, not serially in the parent.
            passages = attribute_passages(passages, {x.doc.id: x.doc, y.doc.id: y.doc}, contexts)
            for k, a in ((i, x), (j, y)):
                if k not in prints:
                    prints[k] = doc_prints(a.prepared.tokens, settings.shingle_size, settings.window)
                if k not in meta:  # documents travel back without their text: the parent holds it
                    meta[k] = (replace(a.doc, text=""), a.words)
            sides = [(side_prints(prints[i], p.a.start, p.a.end), side_prints(prints[j], p.b.start, p.b.end)) for p in passages]
            found.append((i, j, passages, stats, sides))
        for k, a in ((i, x), (j, y)):
            left[k] -= 1
            if not left[k]:
                del cache[k]
                prints.pop(k, None)
                contexts.pop(a.doc.id, None)
    return found, meta


def _analyse(i: int) -> Analysed:
    """Build, enrich and prepare document ``i``, masking its outlet's learned boilerplate."""
    rec: RawRecord = _STATE["records"][i]
    settings: Settings = _STATE["settings"]
    doc = document_from_text(rec.text, doc_id=rec.id, path=rec.path, record=dict(rec.fields), line=rec.line)
    tokens = tokenize(doc)
    furniture = _STATE["boilerplate"].get(int(_STATE["outlet"][i]))
    if furniture is not None and len(furniture):
        learned = _learned(tokens, furniture, settings)
        if learned:
            doc = replace(doc, boilerplate=tuple(sorted(set(doc.boilerplate) | set(learned))))
            tokens = remask(tokens, doc.boilerplate)
    return prepare_document(doc, settings, tokens)


def _learned(tokens: TokenStream, furniture: np.ndarray, settings: Settings) -> list[tuple[int, int]]:
    """Paragraphs at least half of whose fingerprints are the outlet's learned furniture."""
    sh, picked = winnowed(tokens, settings.shingle_size, settings.window)
    if not len(sh):
        return []
    para = tokens.paragraph[picked]
    total = np.bincount(para, minlength=len(tokens.paragraphs))
    bad = np.bincount(para[member(sh[picked], furniture)], minlength=len(tokens.paragraphs))
    return [tokens.paragraphs[k] for k in np.flatnonzero((total > 0) & (bad * 2 >= total)).tolist()]


def _document(i: int, rec: RawRecord, meta) -> Document:
    """The output ``Document`` for record ``i``: enriched if it was aligned, else from its record."""
    if meta is not None:
        return replace(meta[0], text=rec.text)
    fields = dict(rec.fields)
    body_start = _body_start(rec.text)
    first = rec.text[body_start:].lstrip().split("\n", 1)[0].strip()[:300] or None
    provenance = sorted((k, "record") for k in ("outlet", "date", "title", "url", "author") if k in fields)
    return Document(
        id=rec.id, path=rec.path, text=rec.text, body_start=body_start,
        title=fields.get("title") or first, outlet=fields.get("outlet"), date=fields.get("date"),
        author=fields.get("author"), url=fields.get("url"), provenance=tuple(provenance),
        encoding=rec.encoding, line=rec.line,
    )  # fmt: skip
