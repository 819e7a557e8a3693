"""The Reuters-21578 story pool the benchmark corpus is built from.

Parses the SGML files (latin-1) into stories of sentences, drops what would
make the benchmark dishonest, and caches the result as a pickle in
``bench/out/`` (the pool is the same for every seed and size).

What gets dropped, and why:

* table-like bodies and sentences (earnings reports: "Shr 22 cts vs 15 cts"):
  they are not prose, and their formulae repeat across unrelated stories;
* every sentence holding an 8-word run that an *earlier* story already has
  (the collection has duplicate and "corrected" versions of stories): the
  generator promises that unrelated articles never share 8 words by accident,
  so each 8-word run must have one owner in the pool.

The Reuters text is licensed for research use only: it is read from
``../shared/data/reuters21578`` at run time and never copied into the repo.
"""

from __future__ import annotations

import hashlib
import html
from collections import Counter
from collections.abc import Iterator
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REUTERS = REPO.parent / "shared" / "data" / "reuters21578"
DEFAULT_CACHE = REPO / "bench" / "out" / "cache"
# Bump when parsing or filtering changes, so stale caches are not reused.
POOL_VERSION = 3
RUN = 8  # the length of "a long run": no two stories may share this many words

_STORY = re.compile(r"<REUTERS\b[^>]*>(.*?)</REUTERS>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_DATELINE = re.compile(r"<DATELINE>(.*?)</DATELINE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Reuters paragraphs start on a line indented by spaces (or a tab).
_PARA_BREAK = re.compile(r"\n[ \t]+")
_SENT_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"'(]?[A-Z])")
# A period after these does not end a sentence ("U.S. Treasury", "Corp. said").
_ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Gov|Sen|Rep|Gen|Lt|Col|vs|Bros|Jr|Sr)\.)$")
# ASCII letters and digits: Reuters is ASCII, and [^\W_] costs twice as much to match.
WORD = re.compile(r"[a-z0-9]+")
_ALPHA_START = re.compile(r"(?:^| )[\"'(]?[A-Za-z]")
_SHOUT = re.compile(r"\b[A-Z]{4,}\b")
# Ticker tags ("<BP>", "<srd>"): markup-like noise that says nothing.
_TICKER = re.compile(r"\s*<[^<>\n]{1,20}>")


@dataclass(frozen=True, slots=True)
class Story:
    """One usable Reuters story: title, dateline city and prose sentences.

    ``cuts`` holds the indices of sentences that did not follow their predecessor
    in the original (something between was dropped): the words across such a
    join are new text, which the generator checks before using.
    """

    title: str
    city: str
    sentences: tuple[str, ...]
    cuts: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Pool:
    """Every usable story, the vocabulary synthetic text draws words from, and the pool's 8-word runs.

    ``grams`` is the sorted array of hashes (``gram_hash``) of every 8-word window
    inside a run of originally adjacent sentences; ``word_ids`` numbers the words
    for those hashes.
    """

    stories: tuple[Story, ...]
    vocab: tuple[str, ...]
    word_ids: dict[str, int]
    grams: np.ndarray

    @property
    def words(self) -> int:
        """Total words in the pool (one pass over it)."""
        return sum(s.count(" ") + 1 for st in self.stories for s in st.sentences)


def words_of(text: str) -> list[str]:
    """Comparable words: lower-case runs of letters and digits (the check's tokenisation)."""
    return WORD.findall(text.lower())


def _split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph at sentence ends, gluing back splits after abbreviations."""
    parts = _SENT_END.split(paragraph)
    out: list[str] = []
    for part in parts:
        if out and _ABBREV.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _prose(sentence: str) -> bool:
    """True for a sentence that reads as prose rather than a table row."""
    n = sentence.count(" ") + 1  # whitespace is already single spaces
    if n < 8 or n > 70 or sentence[-1] not in ".!?\"'":
        return False
    alpha = len(_ALPHA_START.findall(sentence))
    upper = len(_SHOUT.findall(sentence))
    return alpha >= 0.7 * n and upper <= 0.3 * n


def _title_case(title: str) -> str:
    """Reuters titles are upper case; make them read like headlines."""
    small = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"}
    words = title.lower().split()
    out = [w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(out)


def parse_story(raw: str) -> Story | None:
    """One ``<REUTERS>`` element's inside to a ``Story``, or None when it has no usable prose."""
    body_m = _BODY.search(raw)
    if not body_m:
        return None
    body = _TICKER.sub("", _CONTROL.sub("", html.unescape(body_m.group(1)))).rstrip()
    if body[-6:].lower() == "reuter":  # the wire's sign-off, not prose
        body = body[:-6]
    sentences: list[str] = []
    cuts: set[int] = set()
    dropped = False
    for para in paragraphs(body):
        for sent in _split_sentences(para) if para else ():
            if not _prose(sent):
                dropped = True
                continue
            if dropped and sentences:
                cuts.add(len(sentences))
            dropped = False
            sentences.append(sent)
    if sum(s.count(" ") + 1 for s in sentences) < 40:
        return None
    title_m = _TITLE.search(raw)
    title = " ".join(_TICKER.sub("", html.unescape(title_m.group(1))).split()) if title_m else ""
    # Titles stay under RUN words so that a reused title cannot make a long run.
    title = _title_case(" ".join(title.split()[: RUN - 2])) or "News Update"
    date_m = _DATELINE.search(raw)
    city = ""
    if date_m:
        city = html.unescape(date_m.group(1)).strip().split(",")[0].strip()
        if not re.fullmatch(r"[A-Z][A-Z .'-]{1,30}", city):
            city = ""
    return Story(title, city, tuple(sentences), frozenset(cuts))


def _gram_hashes(ids: np.ndarray, n: int = RUN) -> np.ndarray:
    """Polynomial hash of every ``n``-word window of ``ids`` (uint64, wraps)."""
    base = np.uint64(1_000_003)
    h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    for j in range(n):
        h = h * base + ids[j : len(ids) - n + 1 + j].astype(np.uint64)
    return h


def gram_hash(ids: list[int]) -> int:
    """``_gram_hashes`` of one window, in plain Python (same value)."""
    h = 0
    for i in ids:
        h = (h * 1_000_003 + i) & 0xFFFFFFFFFFFFFFFF
    return h


def _runs(stories: list[Story]) -> tuple[list[str], np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """All words in order, with each word's story and run number, and each sentence's word range."""
    tokens: list[str] = []
    story_of: list[int] = []
    run_of: list[int] = []
    bounds: list[tuple[int, int]] = []
    run = 0
    for si, st in enumerate(stories):
        for k, sent in enumerate(st.sentences):
            if k == 0 or k in st.cuts:
                run += 1
            a = len(tokens)
            tokens.extend(words_of(sent))
            bounds.append((a, len(tokens)))
            story_of.extend([si] * (len(tokens) - a))
            run_of.extend([run] * (len(tokens) - a))
    return tokens, np.asarray(story_of, dtype=np.int64), np.asarray(run_of, dtype=np.int64), bounds


def _number(tokens: list[str]) -> tuple[dict[str, int], np.ndarray]:
    """Word ids by first appearance (dict.fromkeys and map keep the loop in C)."""
    index = dict.fromkeys(tokens)
    for i, word in enumerate(index):
        index[word] = i + 1
    return index, np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))


def dedupe(stories: list[Story]) -> list[Story]:
    """Drop sentences with an 8-word run owned by an earlier story (first story keeps it)."""
    tokens, story_a, run_a, bounds = _runs(stories)
    _, ids = _number(tokens)
    grams = _gram_hashes(ids)
    g_story = story_a[: len(grams)]
    # Only windows inside one run are real text; joins are checked when the generator makes them.
    inside = run_a[RUN - 1 :] == run_a[: len(grams)]
    _, first, inverse = np.unique(grams, return_index=True, return_inverse=True)
    owner = g_story[first][inverse]
    foreign = inside & (owner != g_story)
    # Taint every word covered by a foreign window, then drop sentences with a tainted word.
    delta = np.zeros(len(ids) + 1, dtype=np.int64)
    starts = np.flatnonzero(foreign)
    np.add.at(delta, starts, 1)
    np.add.at(delta, starts + RUN, -1)
    tainted = (np.cumsum(delta)[:-1] > 0).astype(np.int64)
    b = np.asarray(bounds, dtype=np.int64).reshape(-1, 2)
    # Sentences are never empty (_prose wants 8 words), so reduceat's segments are sound.
    bad = (np.add.reduceat(tainted, b[:, 0]) > 0).tolist() if len(b) else []
    out = []
    k = 0
    for st in stories:
        kept: list[str] = []
        cuts: set[int] = set()
        gap = False
        for j, sent in enumerate(st.sentences):
            if bad[k]:
                gap = True
            else:
                if kept and (gap or j in st.cuts):
                    cuts.add(len(kept))
                gap = False
                kept.append(sent)
            k += 1
        if sum(s.count(" ") + 1 for s in kept) >= 40:
            out.append(Story(st.title, st.city, tuple(kept), frozenset(cuts)))
    return out


def pool_grams(stories: list[Story]) -> tuple[dict[str, int], np.ndarray]:
    """``(word_ids, sorted unique hashes of every window inside a run)`` of the final pool."""
    tokens, _, run_a, _ = _runs(stories)
    index, ids = _number(tokens)
    grams = _gram_hashes(ids)
    inside = run_a[RUN - 1 :] == run_a[: len(grams)]
    return index, np.unique(grams[inside])


def paragraphs(body: str) -> list[str]:
    """A story body's paragraphs, each on one line: a paragraph starts on an indented line, and
    the other line breaks only wrap its text."""
    return [" ".join(para.split()) for para in _PARA_BREAK.split(body.strip())]


def bodies(reuters_dir: Path) -> Iterator[str]:
    """Every story's body as the collection prints it (entities decoded), file by file, all of them."""
    for path in _files(reuters_dir, None):
        yield from (html.unescape(raw) for raw in _BODY.findall(path.read_text(encoding="latin-1")))


def _files(reuters_dir: Path, limit: int | None) -> list[Path]:
    return sorted(reuters_dir.glob("reut2-*.sgm"))[:limit]


def build_pool(reuters_dir: Path, limit: int | None = None) -> Pool:
    """Parse the ``reut2-*.sgm`` files (the first ``limit``, or all) into a deduplicated ``Pool``."""
    files = _files(reuters_dir, limit)
    if not files:
        raise FileNotFoundError(f"no reut2-*.sgm files in {reuters_dir}")
    stories: list[Story] = []
    for path in files:
        text = path.read_text(encoding="latin-1")
        for m in _STORY.finditer(text):
            st = parse_story(m.group(1))
            if st is not None:
                stories.append(st)
    stories = dedupe(stories)
    word_ids, grams = pool_grams(stories)
    counts = Counter(words_of(" ".join(s for st in stories for s in st.sentences)))
    # Replacement words: real, alphabetic, seen at least twice (no typos), sorted for determinism.
    vocab = tuple(sorted(w for w, c in counts.items() if c >= 2 and w.isalpha() and 3 <= len(w) <= 14))
    return Pool(tuple(stories), vocab, word_ids, grams)


def load_pool(reuters_dir: Path = DEFAULT_REUTERS, cache_dir: Path = DEFAULT_CACHE, limit: int | None = None) -> Pool:
    """The pool, from the pickle cache when it matches the source files, else parsed and cached.

    ``limit`` builds a smaller pool from the first files only (the tests use two
    files: a cold build then takes about a second instead of ten).
    """
    files = _files(reuters_dir, limit)
    # The stamp covers the source files and this module's code, so edits here rebuild the cache.
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    stamp = (POOL_VERSION, code, tuple((f.name, f.stat().st_size) for f in files))
    cache = cache_dir / (f"reuters_pool-{limit}.pkl" if limit else "reuters_pool.pkl")
    if cache.exists():
        try:
            with cache.open("rb") as fh:
                saved_stamp, stories, vocab, word_ids, grams = pickle.load(fh)
            if saved_stamp == stamp:
                return Pool(tuple(Story(*st) for st in stories), vocab, word_ids, grams)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass  # a damaged or foreign cache is rebuilt below
    pool = build_pool(reuters_dir, limit)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        # Plain tuples, not dataclasses: the pickle must not depend on how this module was imported.
        plain = [(st.title, st.city, st.sentences, st.cuts) for st in pool.stories]
        pickle.dump((stamp, plain, pool.vocab, pool.word_ids, pool.grams), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cache)  # atomic: a concurrent reader never sees half a pickle
    return pool
