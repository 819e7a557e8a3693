"""Index stage for corpus scans: fingerprints in, candidate pairs out.

An inverted index of winnowed fingerprints (``syndtrace.fingerprint``),
built by sorting rather than with Python dicts:

* *Boilerplate learned from the corpus*: a fingerprint found in at least
  ``boilerplate_min_stories`` documents of one outlet *with different
  titles* is that outlet's furniture (footer, newsletter prompt, photo
  credit) and is dropped from that outlet's postings. Re-scrapes of one
  story share a title, so they are not mistaken for boilerplate. Nor are
  a wire's write-thrus, each under a new headline: where "furniture" would
  be most of a long stretch of a page (``VERSION_PRINTS`` fingerprints or
  more, and more than half of the page's), it is the story, and the page
  keeps every posting (``Candidates.versions``); the furniture is then
  learned again with an outlet's versions counting as one title, so that a
  story's text they hold is no furniture of the outlet's other pages (its
  "The Latest" carrying an item of the story).
* *Document-frequency cap*: a fingerprint in more than ``max_df`` documents
  is a stock phrase and pairs nothing, unless it is a story's: then its
  copies are paired as ``syndtrace.storyindex`` says.
* *Candidates*: document pairs sharing at least ``min_shared_fingerprints``
  fingerprints; or two copies of a story over the cap that share fewer, one
  of them held by ``FEW_HOLDERS`` documents or fewer (what one copy added and
  a copy of it carried), counted over all they share; and a copy holding
  another outlet's furniture (its footer, carried into a copy of its page)
  with that outlet's pages of its story (``_foreign_furniture``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from syndtrace.fingerprint import member
from syndtrace.settings import Settings
from syndtrace.postings import DocPostings
from syndtrace.storyindex import story_fingerprints, story_pairs


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate pairs ``(left[i], right[i])`` (document indexes, left < right) and shared fingerprint counts."""

    left: np.ndarray
    right: np.ndarray
    shared: np.ndarray
    boilerplate: dict[int, np.ndarray]  # outlet code -> sorted fingerprint hashes that are its furniture
    # Documents whose "furniture" is most of them: versions of a story, which keep all their text.
    versions: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    # The copies of stories over the cap (sorted), each compared with a few of the others only.
    story_docs: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))


_PARTS = 8  # hash partitions, indexed one at a time (a power of two)
# A page whose furniture fingerprints number at least this many (about 200 words), and more than
# half of its fingerprints, is a version of a story under a new headline: no footer is that long.
VERSION_PRINTS = 20
# A fingerprint held by this many documents or fewer is one outlet's addition to a story and its copies'.
FEW_HOLDERS = 4
# A page holding this many fingerprints of another outlet's furniture carries that outlet's line: its
# footer, or a credit it prints on each page ("Compiled by KUNS-TV from wire reports.", one fingerprint).
FOREIGN_PRINTS = 1


# Fingerprints a press release and a document that is none must share to be aligned.
RELEASE_SHARED = 1


def candidate_pairs(
    hashes: np.ndarray,
    docs: np.ndarray,
    outlet: np.ndarray,
    title: np.ndarray,
    settings: Settings,
    *,
    parts: int = _PARTS,
    min_shared: int | None = None,
    rank: np.ndarray | None = None,
    wire: np.ndarray | None = None,
    few_holders: int = FEW_HOLDERS,
    releases: np.ndarray | None = None,
) -> Candidates:
    """Pairs of documents that share enough fingerprints to be worth aligning.

    ``hashes``/``docs`` are the postings (one per fingerprint per document);
    ``outlet`` and ``title`` are per-document integer codes (``-1``: unknown).
    ``min_shared`` overrides ``settings.min_shared_fingerprints`` (``--ocr``'s
    character anchors need more). ``rank``: per document, its place in
    publication order (default: the index), for a story's pairs; ``wire``:
    per document, whether an outlet the outlet list knows published it (a
    wire, or a paper whose stories travel: ``names.is_publisher``);
    ``few_holders``: two copies of a story over the cap sharing a fingerprint
    held by this many documents or fewer are paired (``FEW_HOLDERS`` for
    words; 0, none, for ``--ocr``'s character anchors, which two noisy
    copies share by a like misreading as often as by one copying the other).
    ``releases``: per document, whether it reads as a press release
    (``release.release_hint``): a release and a document that is none are
    paired on one shared fingerprint (``RELEASE_SHARED``).

    Everything here groups postings by fingerprint, so the postings are
    split by the hash's low bits into ``parts`` and indexed part by part:
    the sorts and masks take about 100 bytes a posting, 800 MB for the 8
    million postings of 100k articles if done at once.
    """
    if parts < 1 or parts & (parts - 1):
        raise ValueError(f"parts must be a power of two, not {parts}")  # the low bits pick the part
    n_docs = int(docs.max()) + 1 if len(docs) else 0
    rank = np.arange(n_docs) if rank is None else rank
    part_of = (hashes & np.uint64(parts - 1)).astype(np.uint8)
    # First pass: how much of each document its outlet's furniture would take (every title counted):
    # the pages it would take most of are versions of a story. The run's furniture is the second pass's.
    masked = np.zeros(n_docs, np.int64)
    for part in range(parts):
        sel = part_of == part
        h, d = _postings(hashes[sel], docs[sel])
        keep, _ = _drop_boilerplate(h, d, outlet, title, settings.boilerplate_min_stories)
        masked += np.bincount(d[~keep], minlength=n_docs)
    held = np.bincount(docs, minlength=n_docs)
    versions = np.flatnonzero((masked >= VERSION_PRINTS) & (masked * 2 > held))
    is_version = np.zeros(n_docs, bool)
    is_version[versions] = True
    codes, counts, few_codes = [], [], []
    frequent: list[np.ndarray] = []  # documents of each fingerprint over the cap
    # Second pass: furniture again, with an outlet's versions counting as one title, one story's. A
    # story's text that the versions hold under their several headlines is no furniture of the
    # outlet's other pages: its compilation ("The Latest") carrying an item of the story keeps it.
    learned: dict[int, list[np.ndarray]] = {}
    for part in range(parts):
        sel = part_of == part
        part_codes, part_counts, part_few = _part_pairs(
            hashes[sel], docs[sel], outlet, title, n_docs, is_version, settings, frequent, few_holders, learned
        )
        codes.append(part_codes)
        counts.append(part_counts)
        few_codes.append(part_few)
    del part_of
    boilerplate = {code: np.sort(np.concatenate(found)) for code, found in sorted(learned.items())}
    pair_codes, at = np.unique(np.concatenate(codes), return_inverse=True)
    shared = np.bincount(at, weights=np.concatenate(counts), minlength=len(pair_codes)).astype(np.int64)
    need = settings.min_shared_fingerprints if min_shared is None else min_shared
    ok = shared >= need
    if releases is not None and len(pair_codes):
        # A release is written to be written from, in fragments: a story lifting two sentences of it
        # (one 20-word run, which winnowing gives one fingerprint) is its story. Two releases are not.
        one = releases[pair_codes // n_docs] != releases[pair_codes % n_docs]
        ok |= one & (shared >= RELEASE_SHARED)
    # Pairs sharing too few fingerprints under the cap, one of them held by few documents besides, may
    # still be two copies of one story, one carrying what the other alone added to it: judged below.
    weak = np.intersect1d(pair_codes[~ok], np.concatenate(few_codes)) if frequent else np.empty(0, np.int64)
    del few_codes
    pair_codes, shared = pair_codes[ok], shared[ok]
    stories: list[np.ndarray] = []
    story_docs = np.empty(0, np.int64)
    if frequent:
        # Whether documents share long runs is judged on what they share beyond their outlets' furniture.
        # Only the documents of frequent fingerprints are ever asked about: index theirs alone.
        asked = member(docs, np.unique(np.concatenate(frequent)))
        postings = DocPostings(*_without_furniture(hashes[asked], docs[asked], outlet, boilerplate, is_version), n_docs)
        del asked
        stories = story_fingerprints(frequent, postings)
    if stories:
        story_docs = np.unique(np.concatenate(stories)).astype(np.int64)
        asked = member(docs, story_docs)
        foreign = _foreign_furniture(hashes[asked], docs[asked], outlet, boilerplate)
        del asked
        left, right, story_shared = story_pairs(
            stories, postings, rank, need, wire, (weak // max(n_docs, 1), weak % max(n_docs, 1)), outlet, foreign
        )
        # A pair also found under the cap keeps the larger count (the story's counts them all).
        both = np.concatenate((pair_codes, left * max(n_docs, 1) + right))
        counts_all = np.concatenate((shared, story_shared))
        order = np.lexsort((-counts_all, both))
        both, counts_all = both[order], counts_all[order]
        first = np.ones(len(both), dtype=bool)
        first[1:] = both[1:] != both[:-1]
        pair_codes, shared = both[first], counts_all[first]
    return Candidates(pair_codes // max(n_docs, 1), pair_codes % max(n_docs, 1), shared, boilerplate, versions, story_docs)


def _furniture_arrays(boilerplate: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(hashes, outlet codes)``: every outlet's furniture fingerprints, one entry per (fingerprint, outlet)."""
    f_hash = np.concatenate(list(boilerplate.values()))
    f_outlet = np.concatenate([np.full(len(v), code, np.int64) for code, v in boilerplate.items()])
    return f_hash, f_outlet


def _without_furniture(hashes, docs, outlet, boilerplate: dict[int, np.ndarray], is_version: np.ndarray):
    """The postings less those of a fingerprint that is the document's outlet's furniture (versions keep theirs).

    One int64 key per (fingerprint's rank among the furniture, outlet), as in
    ``_drop_boilerplate``: no pass per outlet.
    """
    if not boilerplate:
        return hashes, docs
    f_hash, f_outlet = _furniture_arrays(boilerplate)
    ranks = np.unique(f_hash)
    n_outlets = int(outlet.max()) + 1
    f_key = np.sort(np.searchsorted(ranks, f_hash).astype(np.int64) * n_outlets + f_outlet)
    doc_outlet = outlet[docs]
    candidates = np.flatnonzero((doc_outlet >= 0) & member(hashes, ranks))
    key = np.searchsorted(ranks, hashes[candidates]).astype(np.int64) * n_outlets + doc_outlet[candidates]
    keep = np.ones(len(hashes), dtype=bool)
    keep[candidates[member(key, f_key)]] = False
    keep |= is_version[docs]
    return hashes[keep], docs[keep]


def _foreign_furniture(hashes, docs, outlet, boilerplate: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(doc, outlet)`` arrays: the pages holding ``FOREIGN_PRINTS`` or more fingerprints of another outlet's furniture.

    Only fingerprints that are one outlet's furniture alone count: its
    footer, which names it ("© The Willow Creek Sentinel ... 836 Ibarra
    Street"), not a stock line many outlets print. A page of another outlet
    that holds it copied a page of that outlet, footer and all.
    """
    empty = np.empty(0, np.int64)
    if not boilerplate or not len(hashes):
        return empty, empty
    f_hash, f_outlet = _furniture_arrays(boilerplate)
    unique, first, count = np.unique(f_hash, return_index=True, return_counts=True)
    alone, alone_outlet = unique[count == 1], f_outlet[first[count == 1]]
    hit = member(hashes, alone)
    held_by, of = docs[hit].astype(np.int64), alone_outlet[np.searchsorted(alone, hashes[hit])]
    foreign = outlet[held_by] != of
    n_outlets = int(outlet.max()) + 1
    keys, n = np.unique(held_by[foreign] * n_outlets + of[foreign], return_counts=True)
    keys = keys[n >= FOREIGN_PRINTS]
    return keys // n_outlets, keys % n_outlets


def _postings(hashes, docs):
    """One partition's postings sorted by fingerprint, without those of fingerprints in one document only."""
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    del order
    boundaries = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    # Postings of fingerprints in one document only can pair nothing; drop them early.
    multi = np.repeat(sizes >= 2, sizes)
    return hashes[multi], docs[multi]


def _part_pairs(
    hashes, docs, outlet, title, n_docs: int, is_version: np.ndarray, settings: Settings, frequent: list, few_holders: int,
    furniture: dict,
):  # fmt: skip
    """One hash partition: ``(pair codes, shared fingerprint counts, few)``.

    ``few``: the codes of the pairs sharing a fingerprint of ``few_holders`` holders or fewer.

    A pair code is ``left * n_docs + right`` (``left < right``). Furniture is
    learned with an outlet's versions (``is_version``, by document) counting
    as one title, and appended to ``furniture`` (outlet code -> arrays);
    versions keep their furniture postings. The documents of each
    fingerprint over the cap are appended to ``frequent``.
    """
    empty = np.empty(0, np.int64)
    hashes, docs = _postings(hashes, docs)
    keep, part_furniture = _drop_boilerplate(hashes, docs, outlet, title, settings.boilerplate_min_stories, is_version)
    for code, found in part_furniture.items():
        furniture.setdefault(code, []).append(found)
    keep |= is_version[docs]
    hashes, docs = hashes[keep], docs[keep]
    if not len(hashes):
        return empty, empty, empty
    boundaries = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    codes, few = [], []
    for size in np.unique(sizes):
        if size < 2:
            continue
        group_starts = starts[sizes == size]
        if size > settings.max_df:
            frequent.extend(docs[g : g + size] for g in group_starts.tolist())
            continue
        members = docs[group_starts[:, None] + np.arange(size)]  # (groups, size), sorted per row
        iu, ju = np.triu_indices(size, 1)
        codes.append(members[:, iu].astype(np.int64).ravel() * n_docs + members[:, ju].ravel())
        if size <= few_holders:
            few.append(codes[-1])
    if not codes:
        return empty, empty, empty
    pair_codes, counts = np.unique(np.concatenate(codes), return_counts=True)
    return pair_codes, counts.astype(np.int64), np.unique(np.concatenate(few)) if few else empty


def _drop_boilerplate(hashes, docs, outlet, title, min_stories: int, versions: np.ndarray | None = None):
    """Mask postings of fingerprints that are one outlet's furniture; return the mask and the furniture.

    ``versions`` (by document): pages that are versions of a story under
    new headlines; together they count as one title, one story's. Everything
    is sorting and binary search over the postings (never a pass per outlet:
    a corpus of 100k articles has hundreds of outlets).
    """
    doc_outlet = outlet[docs]
    keep = np.ones(len(hashes), dtype=bool)
    boilerplate: dict[int, np.ndarray] = {}
    idx = np.flatnonzero(doc_outlet >= 0)
    if not len(idx):
        return keep, boilerplate
    # Distinct (hash, outlet, title) triples, then the titles per (hash, outlet).
    h, o, t = hashes[idx], doc_outlet[idx], title[docs[idx]]
    if versions is not None:
        t = np.where(versions[docs[idx]], -2, t)  # -1 is "no title"
    order = np.lexsort((t, o, h))
    h, o, t = h[order], o[order], t[order]
    pair_changes = np.ones(len(h), dtype=bool)
    pair_changes[1:] = (h[1:] != h[:-1]) | (o[1:] != o[:-1])
    new_triple = pair_changes.copy()
    new_triple[1:] |= t[1:] != t[:-1]
    pair_of_triple = np.cumsum(pair_changes)[new_triple] - 1  # each distinct triple's (hash, outlet) pair
    titles = np.bincount(pair_of_triple)
    first = np.flatnonzero(pair_changes)
    furniture = titles >= min_stories
    if not furniture.any():
        return keep, boilerplate
    f_hash, f_outlet = h[first][furniture], o[first][furniture]
    for code in np.unique(f_outlet).tolist():
        boilerplate[code] = np.sort(f_hash[f_outlet == code])
    # A posting is furniture when its (hash, outlet) is: rank the hash among the
    # furniture hashes, and pair the rank with the outlet in one int64 key.
    ranks = np.unique(f_hash)
    n_outlets = int(outlet.max()) + 1
    f_key = np.sort(np.searchsorted(ranks, f_hash).astype(np.int64) * n_outlets + f_outlet)
    candidates = idx[member(hashes[idx], ranks)]
    key = np.searchsorted(ranks, hashes[candidates]).astype(np.int64) * n_outlets + doc_outlet[candidates]
    keep[candidates[member(key, f_key)]] = False
    return keep, boilerplate
