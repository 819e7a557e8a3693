"""``compare``: the whole pipeline over a handful of articles.

load -> normalize -> shingle -> sketch -> align -> attribute -> trace, every
pair of inputs aligned. ``scan`` (``syndtrace.scan``) reuses the per-pair
pieces here (``prepare_document``, ``compare_pair``) after its index has
picked the candidate pairs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np

from syndtrace.align import Prepared, align_prepared, prepare
from syndtrace.attribute import attribute_passages
from syndtrace.dates import parse_date, unreadable_date_notes
from syndtrace.errors import InputError
from syndtrace.load import load_file
from syndtrace.fetch import is_url
from syndtrace.lineage import Result
from syndtrace.model import Document, PairStats, Passage, RawRecord
from syndtrace.normalize import TokenStream, tokenize
from syndtrace.settings import Settings
from syndtrace.shingle import shingle_hashes
from syndtrace.sketch import ShingleSet, pair_stats, shingle_set
from syndtrace.trace import trace
from syndtrace.tracegraph import PairPassages
from syndtrace.verdict import pair_verdict


@dataclass(frozen=True, slots=True)
class Analysed:
    """A document with everything the per-pair stages need."""

    doc: Document
    prepared: Prepared
    shingles: ShingleSet
    words: int  # words outside publisher boilerplate


def prepare_document(doc: Document, settings: Settings, tokens: TokenStream | None = None) -> Analysed:
    """Normalise (unless ``tokens`` are given), shingle and sketch one document."""
    tokens = tokens if tokens is not None else tokenize(doc, settings.language)
    prepared = prepare(doc, tokens, settings.ocr)
    keep = ~tokens.masked
    sh = shingle_hashes(tokens.hashes[keep], settings.shingle_size)
    furniture = _furniture(tokens, settings.shingle_size) if not keep.all() else None
    sketch = shingle_set(doc.id, sh, settings.num_perm, settings.seed, furniture)
    return Analysed(doc, prepared, sketch, int(keep.sum()))


def _furniture(tokens: TokenStream, k: int) -> np.ndarray:
    """Shingles wholly inside publisher boilerplate: what says two pages share only furniture."""
    whole = shingle_hashes(tokens.hashes, k)
    if not len(whole):
        return whole
    inside = np.convolve(tokens.masked.astype(np.int32), np.ones(k, np.int32), "valid") == k
    return whole[inside[: len(whole)]]


def compare_pair(
    x: Analysed, y: Analysed, settings: Settings, *, keep_text: bool = True
) -> tuple[list[Passage], PairStats]:
    """Aligned passages (``x`` on side ``a``) and set statistics for one pair.

    ``keep_text=False``: the sides' texts are left out (``None``), for a scan.

    Alignment runs in a canonical order (smaller id first) and is swapped
    back, so ``compare_pair(x, y)`` and ``compare_pair(y, x)`` find the same
    passages with the sides exchanged.
    """
    swap = y.doc.id < x.doc.id
    first, second = (y, x) if swap else (x, y)
    passages = align_prepared(first.prepared, second.prepared, settings, keep_text=keep_text)
    stats = pair_stats(first.shingles, second.shingles)
    if swap:
        passages = [swap_passage(p) for p in passages]
        stats = swap_stats(stats)
    return passages, stats


def swap_passage(p: Passage) -> Passage:
    """The same passage with sides ``a`` and ``b`` exchanged."""
    quote = {"a": "b", "b": "a"}.get(p.quote, p.quote)
    return replace(p, a=p.b, b=p.a, quote=quote)


def swap_stats(s: PairStats) -> PairStats:
    """The same statistics seen from the other document."""
    return PairStats(
        s.b, s.a, s.shingles_b, s.shingles_a, s.jaccard, s.jaccard_estimate,
        s.containment_b_in_a, s.containment_b_in_a_estimate, s.containment_a_in_b, s.containment_a_in_b_estimate,
        s.boilerplate_shingles,
    )  # fmt: skip


def load_inputs(paths: list[str], settings: Settings, cache: str | None = None) -> list[Document]:
    """Load every path (a URL is fetched, through ``cache`` if given); refuse the same file twice;
    make ids unique and stable. A URL that gives no page is an ``InputError`` naming it."""
    pages = _fetch_pages([p for p in paths if is_url(p)], settings, cache)
    seen: dict[str, str] = {}
    docs = []
    for path in paths:
        if path in pages:
            docs.append(pages[path])
            continue
        if path != "-" and os.path.exists(path):
            key = os.path.realpath(path)
            if key in seen:
                raise InputError(f"the same file is given twice (also as {seen[key]}); give each article once", path)
            seen[key] = path
        docs.append(load_file(path, max_bytes=settings.max_bytes))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        # Two files with one name in different folders: their paths tell them apart.
        docs = [replace(d, id=d.path) if ids.count(d.id) > 1 and d.path else d for d in docs]
    # Identical files (metadata and all) are one article given twice. The same
    # body under different front matter is an exact reprint, and is compared.
    texts: dict[str, str] = {}
    for doc in docs:
        text = doc.text.strip()
        if text in texts:
            raise InputError(f"this article is identical to {texts[text]}; give each article once", doc.path)
        texts[text] = doc.path or doc.id
    return docs


def _fetch_pages(urls: list[str], settings: Settings, cache: str | None) -> dict[str, Document]:
    """The documents of the pages at ``urls``, fetched concurrently; the first URL that fails raises."""
    if not urls:
        return {}
    from syndtrace.pages import page_document, url_items

    pages: dict[str, Document] = {}
    for url, item in zip(urls, url_items([(u, None, None) for u in urls], settings, cache)):
        if not isinstance(item, RawRecord):
            raise InputError(item.reason, item.path)
        pages[url] = page_document(item)
    return pages


def compare(paths: list[str], settings: Settings | None = None, *, cache: str | None = None) -> Result:
    """Compare every pair of the given articles (files, saved pages, URLs) and trace who copied whom.

    ``cache`` is a folder that keeps fetched pages (``--cache``).
    """
    settings = settings or Settings()
    if len(paths) < 2:
        raise InputError("compare needs at least two articles", paths[0] if paths else None)
    return compare_documents(load_inputs(paths, settings, cache), settings)


def compare_documents(docs: list[Document], settings: Settings, command: str = "compare") -> Result:
    """The pipeline from loaded documents to a ``Result``."""
    order = settings.date_order
    if order:  # numeric dates, unread when the documents were loaded, in the order the user gave
        docs = [replace(d, date=parse_date(d.date, order) or d.date) if d.date else d for d in docs]
    analysed = [prepare_document(d, settings) for d in docs]
    raw: list[tuple[str, str, list[Passage]]] = []
    stats: list[PairStats] = []
    for x, y in combinations(analysed, 2):
        passages, pair = compare_pair(x, y, settings)
        stats.append(pair)
        raw.append((x.doc.id, y.doc.id, passages))
    by_id = {d.id: d for d in docs}
    numbered, pairs = number_passages(raw, by_id)
    verdicts = [pair_verdict(by_id[p.x], by_id[p.y], p.passages, st, settings) for p, st in zip(pairs, stats)]
    edges, sources, tree = trace(docs, pairs, verdicts, {a.doc.id: a.words for a in analysed}, settings)
    rewrites = ()
    if settings.rewrites:
        from syndtrace.rewrites import possible_rewrites

        rewrites = possible_rewrites(docs, lambda d: d.text, edges, numbered, all_pairs=True)
    unread = ((d.path or d.id, d.line, d.date) for d in docs if d.date and parse_date(d.date, order) is None)
    return Result(
        documents=tuple(docs),
        passages=tuple(numbered),
        edges=edges,
        sources=sources,
        pairs=tuple(stats),
        tree=tree,
        verdicts=tuple(verdicts),
        notes=tuple(unreadable_date_notes(unread, order)),
        settings=settings.to_dict(),
        command=command,
        rewrites=rewrites,
    )


def number_passages(raw, docs: dict[str, Document], attribute: bool = True) -> tuple[list[Passage], list[PairPassages]]:
    """Attribute (unless done already) and number passages ``p1, p2, ...`` in a stable order."""
    numbered: list[Passage] = []
    pairs: list[PairPassages] = []
    for x, y, passages in raw:
        passages = attribute_passages(passages, docs) if attribute else passages
        ordered = sorted(passages, key=lambda p: (p.a.start, p.b.start))
        mine = []
        for p in ordered:
            p = p.numbered(f"p{len(numbered) + 1}")
            numbered.append(p)
            mine.append(p)
        pairs.append(PairPassages(x, y, tuple(mine)))
    return numbered, pairs

