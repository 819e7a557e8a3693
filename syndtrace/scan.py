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
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from syndtrace.attribute import attribute_passages
from syndtrace.chunks import component_chunks
from syndtrace.corpus import FieldMap
from syndtrace.creditpairs import credited_pairs
from syndtrace.family import families
from syndtrace.fingerprint import OCR_MIN_SHARED, batch_char_fingerprints, batch_fingerprints, member
from syndtrace.gather import load_corpus, outlet_codes_of, publication_rank, wire_pages
from syndtrace.heap import release as release_freed_memory
from syndtrace.index import FEW_HOLDERS, candidate_pairs
from syndtrace.lineage import Result
from syndtrace.load import document_from_record
from syndtrace.model import Document, RawRecord, id_pair
from syndtrace.normalize import TokenStream, remask, tokenize
from syndtrace.pairstats import PackedPairStats, stats_rows
from syndtrace.pipeline import Analysed, compare_pair, number_passages, prepare_document
from syndtrace.pool import mapper
from syndtrace.progress import NullProgress, Progress
from syndtrace.release import release_hint
from syndtrace.settings import Settings
from syndtrace.statements import (
    DocPrints, Observed, SpanPrints, doc_prints, mark_statements, observe, side_prints, winnowed,
)  # fmt: skip
from syndtrace.storylinks import compiled_among
from syndtrace.texts import TextStore
from syndtrace.trace import trace
from syndtrace.verdict import pair_verdict

_BATCH = 400  # documents per fingerprint batch: large enough to amortise numpy calls
_CHUNKS_PER_WORKER = 16  # candidate-pair chunks dealt out per worker process
_STATE: dict = {}  # what forked workers read: records, their texts, settings, outlets, learned boilerplate


def scan(
    paths: list[str],
    settings: Settings | None = None,
    *,
    fields: FieldMap | None = None,
    progress: Progress | None = None,
    url_lists: list[str] | None = None,
    cache: str | None = None,
) -> Result:
    """Scan folders, corpus files, web archives and web pages for reprint families.

    ``url_lists`` are files of URLs to fetch, one a line (``--urls``);
    ``cache`` keeps what was fetched (``--cache``).
    """
    with _quiet_gc():
        return _scan(paths, settings or Settings(), fields, progress or NullProgress(), url_lists or [], cache)


def _draining(items: list) -> Iterator:
    """Yield the items of ``items`` while emptying it, so each can be freed once used."""
    items.reverse()
    while items:
        yield items.pop()


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


def _scan(paths: list[str], settings: Settings, fields: FieldMap | None, progress: Progress, url_lists, cache) -> Result:
    corpus = load_corpus(paths, settings, fields or FieldMap(), progress, url_lists=url_lists, cache=cache)
    records, texts, problems, notes = corpus.records, corpus.texts, corpus.problems, corpus.notes
    outlet_codes, outlet_keys = outlet_codes_of(records)
    hashes, docs, releases = _fingerprints(records, texts, [d.body_start for d in corpus.documents], settings, progress)
    release_freed_memory()
    progress.stage("indexed", 1)
    wire = wire_pages(corpus.documents)
    cand = candidate_pairs(
        hashes, docs, outlet_codes, corpus.titles, settings,
        min_shared=OCR_MIN_SHARED if settings.ocr else None, rank=publication_rank(corpus.documents),
        wire=wire, few_holders=0 if settings.ocr else FEW_HOLDERS, releases=None if settings.ocr else releases,
    )  # fmt: skip
    progress.advance("indexed")
    del hashes, docs
    release_freed_memory()
    versions = np.zeros(len(records), bool)
    versions[cand.versions] = True
    _STATE.update(
        records=records, texts=texts, settings=settings, boilerplate=cand.boilerplate, outlet=outlet_codes, versions=versions
    )  # fmt: skip
    try:
        aligned, metas, spans, observed, (floats, counts) = _align(cand, wire, outlet_keys, settings, progress)
    finally:
        _STATE.clear()
    release_freed_memory()
    # The last steps are serial and take seconds at 100k articles: say so on the bar.
    progress.stage("traced", 3)
    aligned, few, statements = mark_statements(aligned, spans, observed, settings, FEW_HOLDERS)
    del spans, observed
    release_freed_memory()
    progress.advance("traced")
    documents = [metas[i][0] if i in metas else plain for i, plain in enumerate(corpus.documents)]
    del corpus
    # Each document keeps its record's id and place: the records (every field of every input,
    # 62 MB at 100k articles) can go before the trace stage, the largest of the run.
    ids = [d.id for d in documents]
    index = {doc_id: k for k, doc_id in enumerate(ids)}
    del records
    by_id = {d.id: d for d in documents}
    raw = [(ids[i], ids[j], passages) for i, j, passages, _ in aligned]
    # Documents of pairs that share passages; a pair compared to no avail adds only its verdict.
    involved = sorted({k for i, j, passages, _ in aligned if passages for k in (i, j)})
    # The pairs' statistics stay numbers in arrays until the output (``syndtrace.pairstats``).
    rows = np.fromiter((row for _, _, _, row in aligned), np.int64, len(aligned))
    ends = np.array([(i, j) for i, j, _, _ in aligned], np.int64).reshape(-1, 2)
    stats = PackedPairStats(ids, ends, floats[rows], counts[rows])
    del rows, ends, floats, counts
    del aligned  # numbering copies every passage: let the unnumbered ones go as it does
    numbered, pairs = number_passages(_draining(raw), by_id, attribute=False)
    verdicts = [pair_verdict(by_id[p.x], by_id[p.y], p.passages, st, settings) for p, st in zip(pairs, stats)]
    words = {ids[i]: metas[i][1] for i in involved}
    # Tuples in id order, not frozensets (a quarter of the memory): at 100k nearly every aligned pair is one.
    rare = {id_pair(ids[i], ids[j]) for i, j in few}
    del few, ids
    # The compilations among the documents' links, found once for the trace and the families. Not
    # the links themselves: held through the trace, the peak of the run, they took 330 MiB at the
    # dense 108k corpus (2,489 -> 2,819 MiB); the families find them again.
    compiled = compiled_among(numbered, verdicts, words, settings)
    edges, sources, tree = trace(
        [documents[i] for i in involved], pairs, verdicts, words, settings, corpus=True, rare=rare,
        text=lambda doc_id: texts.text(index[doc_id]), compiled=compiled,
    )  # fmt: skip
    progress.advance("traced")
    fams = families([documents[i] for i in involved], edges, sources, numbered, verdicts, words, settings, compiled=compiled)
    progress.advance("traced")
    rewrites = ()
    if settings.rewrites:
        from syndtrace.rewrites import possible_rewrites

        progress.stage("rewrites looked for", 1)
        rewrites = possible_rewrites(documents, lambda d: texts.text(index[d.id]), edges, numbered, all_pairs=False)
        progress.advance("rewrites looked for")
    return Result(
        documents=tuple(documents),
        passages=tuple(numbered),
        edges=edges,
        sources=sources,
        pairs=stats,
        tree=tree,
        families=fams,
        verdicts=tuple(verdicts),
        problems=tuple(problems),
        notes=tuple(notes),
        settings=settings.to_dict(),
        command="scan",
        texts=lambda doc_id: texts.text(index[doc_id]),
        rewrites=rewrites,
        statements=statements,
    )


def _fingerprints(
    records, texts: TextStore, body_starts: list[int], settings, progress
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every record's fingerprints over its body (front matter is not the story): ``(hashes, record index)``,
    and per record whether its text shows a press release's strongest marks (``release.release_hint``)."""
    _STATE.update(records=records, texts=texts, body_starts=body_starts, settings=settings)
    batches = list(range(0, len(records), _BATCH))
    progress.stage("sketched", len(records))
    parts = []
    try:
        with mapper(settings, len(batches)) as run:
            for start, part in zip(batches, run(_fingerprint_batch, batches)):
                parts.append(part)
                progress.advance("sketched", min(_BATCH, len(records) - start))
    finally:
        _STATE.clear()
    if not parts:
        return np.empty(0, np.uint64), np.empty(0, np.int64), np.zeros(len(records), bool)
    return tuple(np.concatenate([part[k] for part in parts]) for k in range(3))


def _fingerprint_batch(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    records, store, settings = _STATE["records"], _STATE["texts"], _STATE["settings"]
    body_starts = _STATE["body_starts"]
    end = min(start + _BATCH, len(records))
    bodies = [store.text(k) for k in range(start, end)]
    texts = [text[body_starts[k] :].encode("utf-8") for k, text in enumerate(bodies, start)]
    releases = np.zeros(len(bodies), bool)
    if not settings.ocr:  # an OCR'd archive's character anchors pair by their own rule
        releases[:] = [release_hint(text, body_starts[k], dict(records[k].fields).get("outlet")) for k, text in enumerate(bodies, start)]
    if settings.ocr:
        hashes, docs = batch_char_fingerprints(texts)
    else:
        hashes, docs = batch_fingerprints(texts, settings.shingle_size, settings.window)
    return hashes, docs + start, releases


def _align(cand, wire: np.ndarray, outlet_keys: dict[str, int], settings, progress):
    """Align every candidate pair, then the pairs credits ask for; return ``(aligned, metas, spans, observed,
    stats)``, ``stats`` the pairs' statistics as ``(floats, counts)`` rows (``pairstats.stats_rows``).

    The second round (``creditpairs.credited_pairs``) compares a story's
    copy with the pages of an outlet it credits that the index did not pair
    it with (``wire``: the known publishers' pages, never asked for;
    ``outlet_keys``: each outlet key's code); its pairs follow the candidates
    in ``aligned``.
    """
    parts: list[SpanPrints] = []
    observations: list[Observed] = []
    stat_parts: list[tuple[np.ndarray, np.ndarray]] = []
    pairs = list(zip(cand.left.tolist(), cand.right.tolist()))
    aligned, metas = _align_pairs(pairs, settings, progress, parts, observations, stat_parts)
    analysed = {i: doc for i, (doc, _) in metas.items()}
    more = credited_pairs(aligned, analysed, _STATE["outlet"], outlet_keys, cand.story_docs, wire)
    if more:
        extra, extra_metas = _align_pairs(more, settings, progress, parts, observations, stat_parts, "credited pages aligned")
        aligned += extra
        metas = extra_metas | metas
    stats = tuple(map(np.concatenate, zip(*stat_parts))) if stat_parts else stats_rows([])
    return aligned, metas, SpanPrints.concat(parts), Observed.concat(observations), stats


def _align_pairs(
    pairs: list[tuple[int, int]], settings, progress, parts: list, observations: list, stat_parts: list, stage="pairs aligned"
):
    """Align ``pairs``; return ``(aligned, metas)``, ``aligned`` in the order of ``pairs``.

    Pairs are chunked by connected component of the candidate graph, so a
    document is analysed by one worker only, once, and only passages, their
    sides' unquoted fingerprints (appended to ``parts``), each document's
    statement votes (appended to ``observations``) and metadata travel back
    to the parent. Each item of ``aligned`` is ``(i, j, passages, row,
    sides)``, where ``row`` is the pair's row of statistics in the
    concatenation of ``stat_parts`` (appended to, as ``(floats, counts)``)
    and ``sides[k]`` holds the indexes of passage ``k``'s two sides in the
    concatenation of ``parts``.
    """
    progress.stage(stage, len(pairs))
    # Many more chunks than workers: the last chunk leaves one worker idle while the others
    # finish theirs (8 chunks on 2 workers idled one for 6 s of the 30k scan's 43).
    chunks = component_chunks(pairs, settings.worker_count * _CHUNKS_PER_WORKER, settings.worker_count)
    aligned: list = []
    metas: dict[int, tuple[Document, int]] = {}
    offset = sum(len(part) for part in parts)
    stat_offset = sum(len(floats) for floats, _ in stat_parts)
    with mapper(settings, len(chunks)) as run:
        for part, (found, meta, spans, observed, stats) in zip(chunks, run(_align_chunk, chunks)):
            aligned.extend((i, j, passages, row + stat_offset, sides + offset) for i, j, passages, row, sides in found)
            metas.update(meta)
            parts.append(spans)
            observations.append(observed)  # a document in two chunks votes once (Observed.concat)
            stat_parts.append(stats)
            offset += len(spans)
            stat_offset += len(stats[0])
            progress.advance(stage, len(part))
    order = {pair: k for k, pair in enumerate(pairs)}  # candidate order, whatever the workers
    aligned.sort(key=lambda item: order[(item[0], item[1])])
    return aligned, metas


def _align_chunk(pairs: list[tuple[int, int]]):
    """Align one chunk's pairs: ``(found, meta, spans, observed, stats)`` for ``_align``; span and stats rows are the chunk's."""
    settings = _STATE["settings"]
    cache: dict[int, Analysed] = {}
    prints: dict[int, DocPrints] = {}
    contexts: dict = {}
    # A document is dropped from the caches after its last pair in the chunk, so a
    # worker holds the documents in play, not every document of its chunk.
    left = Counter(i for pair in pairs for i in pair)
    # Each document span's fingerprints once: a span aligned against every other copy of
    # its story would repeat them (and statement learning counts documents, not pairs).
    span_index: dict[tuple[int, int, int], int] = {}
    spans: list[tuple[int, np.ndarray, np.ndarray]] = []

    def span(doc: int, start: int, end: int) -> int:
        key = (doc, start, end)
        if key not in span_index:
            span_index[key] = len(spans)
            spans.append((doc, *side_prints(prints[doc], start, end)))
        return span_index[key]

    found, meta, stats_list = [], {}, []
    for i, j in pairs:
        x = cache.get(i) or cache.setdefault(i, _analyse(i))
        y = cache.get(j) or cache.setdefault(j, _analyse(j))
        passages, stats = compare_pair(x, y, settings, keep_text=False)  # the parent reads texts back
        row = len(stats_list)
        stats_list.append(stats)  # sent back as arrays (``pairstats``): the parent holds no PairStats objects
        for k, a in ((i, x), (j, y)):
            if k not in meta:  # documents travel back without their text: the parent reads it back
                meta[k] = (replace(a.doc, text=""), a.words)
        if not passages:  # compared, shares nothing worth a passage: its verdict still goes out
            found.append((i, j, passages, row, np.empty((0, 2), np.int64)))
        else:
            # Attributed here, where the documents are at hand, not serially in the parent.
            passages = attribute_passages(passages, {x.doc.id: x.doc, y.doc.id: y.doc}, contexts)
            for k, a in ((i, x), (j, y)):
                if k not in prints:
                    prints[k] = doc_prints(a.prepared.tokens, settings.shingle_size, settings.window)
            sides = np.array([(span(i, p.a.start, p.a.end), span(j, p.b.start, p.b.end)) for p in passages], np.int64)
            found.append((i, j, passages, row, sides))
        for k, a in ((i, x), (j, y)):
            left[k] -= 1
            if not left[k]:
                del cache[k]
                prints.pop(k, None)
                contexts.pop(a.doc.id, None)
    return found, meta, SpanPrints.pack([(h, q) for _, h, q in spans]), observe(spans), stats_rows(stats_list)


def _analyse(i: int) -> Analysed:
    """Build, enrich and prepare document ``i``, masking its outlet's learned boilerplate."""
    rec: RawRecord = _STATE["records"][i]
    settings: Settings = _STATE["settings"]
    text = _STATE["texts"].text(i)
    doc = document_from_record(rec, text)
    tokens = tokenize(doc, settings.language)
    furniture = _STATE["boilerplate"].get(int(_STATE["outlet"][i]))
    if furniture is not None and len(furniture) and not _STATE["versions"][i]:  # a version keeps its text
        learned = _learned(tokens, furniture, settings, doc.text)
        if learned:
            doc = replace(doc, boilerplate=tuple(sorted(set(doc.boilerplate) | set(learned))))
            tokens = remask(tokens, doc.boilerplate)
    return prepare_document(doc, settings, tokens)


def _learned(tokens: TokenStream, furniture: np.ndarray, settings: Settings, text: str = "") -> list[tuple[int, int]]:
    """Paragraphs at least half of whose fingerprints are the outlet's learned furniture.

    With ``--ocr`` the fingerprints are character anchors, taken paragraph by paragraph of ``text``.
    """
    if settings.ocr:
        found = []
        for span in tokens.paragraphs:
            prints, _ = batch_char_fingerprints([text[span[0] : span[1]].encode("utf-8", "surrogatepass")])
            if len(prints) and 2 * int(member(prints, furniture).sum()) >= len(prints):
                found.append(span)
        return found
    sh, picked = winnowed(tokens, settings.shingle_size, settings.window)
    if not len(sh):
        return []
    para = tokens.paragraph[picked]
    total = np.bincount(para, minlength=len(tokens.paragraphs))
    bad = np.bincount(para[member(sh[picked], furniture)], minlength=len(tokens.paragraphs))
    return [tokens.paragraphs[k] for k in np.flatnonzero((total > 0) & (bad * 2 >= total)).tolist()]
