"""Properties of the core stages on generated documents (hypothesis).

Documents are built from word lists with ``syndtrace.load.document_from_text``.
Two vocabularies: ``STORY`` (what articles share) and ``HOST`` (disjoint,
for text around a pasted article, so it can never extend a match by chance).
Neither holds a word that the boilerplate or credit patterns react to
("by", "photo", "subscribe", ...), so no word is masked unless a test wants it.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings, strategies as st
from rapidfuzz import fuzz

from references import maximal_runs
from syndtrace.align import SEED, _REPEAT_CAP, align_prepared, prepare
from syndtrace.lineage import Result
from syndtrace.load import document_from_text
from syndtrace.model import Passage
from syndtrace.normalize import WORD, normalize_word, tokenize
from syndtrace.pipeline import compare_documents
from syndtrace.settings import Settings
from syndtrace.shingle import shingle_hash, shingle_hashes, to32, word_hash, word_hashes
from syndtrace.sketch import estimate_jaccard, pair_stats, shingle_set, signature

STORY = (
    "council budget harbor river bridge mayor school board vote plan tax road water park police union port "
    "ship crane strike wage trail lodge snow resort winter summer county state city town rocket base militia "
    "officer army attack claim evidence forest elk farmer cattle bus route library grant bond lantern tower"
).split()
HOST = (
    "apple banana cherry grape lemon mango melon olive peach pear plum quince raisin walnut almond hazel "
    "cocoa ginger pepper saffron"
).split()
assert not set(STORY) & set(HOST)

DEFAULT = Settings()
# Modest by default so the suite stays fast; SYNDTRACE_EXAMPLES=1000 for a deep run.
EXAMPLES = int(os.environ.get("SYNDTRACE_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words_of(text: str) -> list[str]:
    return [normalize_word(m.group()) for m in WORD.finditer(text)]


def doc(text: str, doc_id: str):
    return document_from_text(text, doc_id=doc_id, path=f"{doc_id}.txt")


def lcs(x: list[str], y: list[str]) -> int:
    """Length of the longest common subsequence (plain dynamic programming)."""
    prev = [0] * (len(y) + 1)
    for xi in x:
        cur = [0]
        for j, yj in enumerate(y):
            cur.append(prev[j] + 1 if xi == yj else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


# --- generated article text ------------------------------------------------------------

# Between two words: white space, punctuation, dashes, ellipses, line and paragraph breaks.
SEPARATORS = [" ", " ", " ", " ", ", ", ". ", "; ", " — ", " - ", "\n", "\n\n", " ... ", ": "]
QUOTES = [('"', '"'), ("“", "”"), ("‘‘", "’’")]


@st.composite
def rendered(draw, words: list[str]) -> str:
    """``words`` as article text: capitalised sentences, random punctuation and breaks, maybe a quotation."""
    if not words:
        return ""
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) - 1, max_size=len(words) - 1))
    out = [words[0].capitalize()]
    for sep, w in zip(seps, words[1:]):
        out.append(sep)
        out.append(w.capitalize() if sep in (". ", "\n\n") else w)
    if len(words) > 2 and draw(st.integers(0, 3)) == 0:
        # Quote a stretch of words (the marks go around words, never inside one).
        i = draw(st.integers(0, len(words) - 2))
        j = draw(st.integers(i + 1, len(words) - 1))
        left, right = draw(st.sampled_from(QUOTES))
        out[2 * i] = left + out[2 * i]
        out[2 * j] = out[2 * j] + right
    return "".join(out) + "."


@st.composite
def doc_pair(draw) -> tuple[str, str]:
    """Two articles sharing 1-3 chunks (maybe reordered, edited), with optional metadata and credits."""
    story = st.lists(st.sampled_from(STORY), min_size=0, max_size=25)
    chunks = draw(st.lists(st.lists(st.sampled_from(STORY), min_size=8, max_size=40), min_size=1, max_size=3))
    order = draw(st.permutations(range(len(chunks))))
    parts_a: list[str] = []
    parts_b: list[str] = []
    for i, chunk in enumerate(chunks):
        parts_a += [draw(rendered(draw(story))), draw(rendered(chunk))]
    for i in order:
        chunk = list(chunks[i])
        edit = draw(st.sampled_from(["none", "none", "drop", "bracket", "change"]))
        at = draw(st.integers(1, len(chunk) - 1))
        if edit == "drop":
            del chunk[at : at + draw(st.integers(1, 3))]
        elif edit == "bracket":
            chunk.insert(at, "[the " + draw(st.sampled_from(STORY)) + "]")
        elif edit == "change":
            chunk[at] = draw(st.sampled_from(STORY))
        parts_b += [draw(rendered(draw(story))), draw(rendered(chunk))]
    texts = []
    for parts, outlet, day in ((parts_a, "Valley Ledger", 3), (parts_b, "Harbor Post", draw(st.sampled_from([1, 3, 5])))):
        body = "\n\n".join(p for p in parts if p)
        if draw(st.booleans()):
            body = f"---\noutlet: {outlet}\ndate: 2021-03-0{day}\n---\n" + body
        texts.append(body)
    if draw(st.booleans()):
        texts[1] += "\n\nThis article first appeared in the Valley Ledger."
    return texts[0], texts[1]


def passage_key(p: Passage) -> tuple:
    """A passage independent of its id and of which document is side ``a``."""
    sides = sorted(
        (s.doc, s.start, s.end, s.text, s.words, s.quoted, s.attribution, s.whole_paragraphs) for s in (p.a, p.b)
    )
    inserts = sorted((i.doc, i.start, i.end, i.text, i.bracketed) for i in p.insertions)
    quoted_docs = sorted({"a": [p.a.doc], "b": [p.b.doc], "both": [p.a.doc, p.b.doc], "none": []}[p.quote])
    return (tuple(sides), p.words, p.similarity, p.authored_words, tuple(inserts), tuple(quoted_docs))


def edge_keys(r: Result) -> list[tuple]:
    by_id = {p.id: passage_key(p) for p in r.passages}
    return sorted(
        (
            e.source, e.copy, e.kind, e.confidence, e.words, e.share,
            tuple(sorted(by_id[i] for i in e.passages)),
            tuple(sorted((ev.kind, ev.favours or "", ev.weight) for ev in e.evidence)),
        )
        for e in r.edges
    )  # fmt: skip


def tree_key(node) -> tuple:
    return (node.id, node.edge.kind if node.edge else None, tuple(tree_key(c) for c in node.children))


# --- passages slice back and really share their words ------------------------------------------


@FAST
@given(doc_pair())
def test_every_passage_side_slices_back_and_shares_min_words(texts):
    a, b = doc(texts[0], "a"), doc(texts[1], "b")
    result = compare_documents([a, b], DEFAULT)
    docs = {d.id: d for d in result.documents}
    for p in result.passages:
        for side in (p.a, p.b):
            assert 0 <= side.start < side.end <= len(docs[side.doc].text)
            assert docs[side.doc].text[side.start : side.end] == side.text
            # A side runs from a word's first character to a word's last one.
            assert WORD.match(side.text) and re.search(r"[^\W_]$", side.text)
        assert p.a.doc != p.b.doc
        assert p.words >= DEFAULT.min_words
        wa, wb = words_of(p.a.text), words_of(p.b.text)
        assert p.words <= min(len(wa), len(wb))
        # The aligned words are identical and in the same order on both sides.
        assert lcs(wa, wb) >= p.words
        # The score is rapidfuzz's ratio of the sides' words (align computes it in a band).
        assert p.similarity == round(fuzz.ratio(" ".join(wa), " ".join(wb)), 1)
        for ins in p.insertions:
            assert docs[ins.doc].text[ins.start : ins.end] == ins.text
            side = p.a if ins.doc == p.a.doc else p.b
            assert side.start <= ins.start <= ins.end <= side.end


def test_lcs_reference_is_right():
    # The helper the property above leans on.
    assert lcs("a b c d".split(), "a x c d".split()) == 3
    assert lcs([], ["a"]) == 0
    assert lcs("a b".split(), "b a".split()) == 1


# --- compare(a, b) and compare(b, a) agree ---------------------------------------------------------


@FAST
@given(doc_pair())
def test_compare_is_symmetric_in_its_inputs(texts):
    a, b = doc(texts[0], "a"), doc(texts[1], "b")
    ab = compare_documents([a, b], DEFAULT)
    ba = compare_documents([b, a], DEFAULT)
    assert sorted(passage_key(p) for p in ab.passages) == sorted(passage_key(p) for p in ba.passages)
    # The first input is side ``a`` of every passage.
    assert all(p.a.doc == "a" for p in ab.passages) and all(p.a.doc == "b" for p in ba.passages)
    assert edge_keys(ab) == edge_keys(ba)
    assert ab.sources == ba.sources
    assert [tree_key(n) for n in ab.tree] == [tree_key(n) for n in ba.tree]
    (s_ab,), (s_ba,) = ab.pairs, ba.pairs
    assert (s_ab.a, s_ab.b, s_ba.a, s_ba.b) == ("a", "b", "b", "a")
    assert (s_ab.jaccard, s_ab.jaccard_estimate) == (s_ba.jaccard, s_ba.jaccard_estimate)
    assert (s_ab.containment_a_in_b, s_ab.containment_b_in_a) == (s_ba.containment_b_in_a, s_ba.containment_a_in_b)
    assert (s_ab.shingles_a, s_ab.shingles_b) == (s_ba.shingles_b, s_ba.shingles_a)


@st.composite
def repetitive(draw):
    """Word salad from 2-5 words: many runs of equal length compete for the same words."""
    vocab = STORY[: draw(st.integers(2, 5))]
    return (
        draw(st.lists(st.sampled_from(vocab), min_size=10, max_size=60)),
        draw(st.lists(st.sampled_from(vocab), min_size=10, max_size=60)),
    )


# Found by this test against a compare_pair that aligned in input order: the tie-breaks of the
# one-to-one step then pick different runs, and compare(a, b) disagrees with compare(b, a).
TIE = (
    "council council council council budget " + "council " * 10 + "budget " + "council " * 8,
    "council " * 7 + "budget " + "council " * 7 + "budget " + "council " * 8,
)


@FAST
@given(repetitive())
@example((TIE[0].split(), TIE[1].split()))
def test_compare_is_symmetric_on_repetitive_text(seqs):
    a, b = doc(" ".join(seqs[0]), "a"), doc(" ".join(seqs[1]), "b")
    ab = compare_documents([a, b], DEFAULT)
    ba = compare_documents([b, a], DEFAULT)
    assert sorted(passage_key(p) for p in ab.passages) == sorted(passage_key(p) for p in ba.passages)
    assert edge_keys(ab) == edge_keys(ba)


# --- an article pasted into another is found whole -----------------------------------------------

# Separator kinds and how each may be written: the pasted copy may write any of them differently.
KINDS = {
    "space": [" ", "\n", "  ", " \n"],
    "comma": [", ", ",\n", " , "],
    "period": [". ", ".\n", ".  "],
    "ellipsis": ["... ", " . . . ", "… ", "...\n"],
    "open": [' "', " “", " ‘‘", " «"],
    "close": ['" ', "” ", "’’ ", "» "],
    "dash": [" — ", " -- ", " – ", "—"],
}
CASES = [str.lower, str.upper, str.capitalize, lambda w: w]


@st.composite
def pasted_article(draw):
    words = draw(st.lists(st.sampled_from(STORY), min_size=8, max_size=70))
    grams = Counter(zip(words, words[1:], words[2:]))
    assume(max(grams.values(), default=0) <= _REPEAT_CAP)  # a seed repeated more often is noise by design
    kinds = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=len(words) - 1, max_size=len(words) - 1))

    def render(variant: bool) -> str:
        out = []
        for i, w in enumerate(words):
            out.append(draw(st.sampled_from(CASES))(w) if variant else w)
            if i < len(kinds):
                out.append(draw(st.sampled_from(KINDS[kinds[i]])) if variant else KINDS[kinds[i]][0])
        return "".join(out)

    original = render(False)
    copy = render(True)
    before = " ".join(draw(st.lists(st.sampled_from(HOST), max_size=40)))
    after = " ".join(draw(st.lists(st.sampled_from(HOST), max_size=40)))
    joint_before = draw(st.sampled_from([" ", "\n", "\n\n", ": “", " — "]))
    joint_after = draw(st.sampled_from([" ", "\n", "\n\n", "” ", ". "]))
    host = before + joint_before + copy + joint_after + after
    offset = len(before) + len(joint_before)
    return words, original, host, (offset, offset + len(copy))


@FAST
@given(pasted_article())
def test_a_pasted_article_is_one_passage_covering_it(example):
    words, original, host, (c0, c1) = example
    pasted, page = doc(original, "pasted"), doc(host, "host")
    result = compare_documents([page, pasted], DEFAULT)
    assert len(result.passages) == 1, [(p.a.text, p.b.text) for p in result.passages]
    (p,) = result.passages
    mine, theirs = (p.a, p.b) if p.a.doc == "pasted" else (p.b, p.a)
    first, last = WORD.search(original), list(WORD.finditer(original))[-1]
    assert (mine.start, mine.end) == (first.start(), last.end())
    copy = host[c0:c1]
    first, last = WORD.search(copy), list(WORD.finditer(copy))[-1]
    assert (theirs.start, theirs.end) == (c0 + first.start(), c0 + last.end())
    assert p.words == len(words) and p.similarity == 100.0 and p.insertions == ()


# --- MinHash --------------------------------------------------------------------------------------


def random_sets(seed: int, n_a: int, n_b: int, common: int) -> tuple[np.ndarray, np.ndarray]:
    """Two sets of distinct 32-bit hashes of sizes n_a, n_b sharing exactly ``common``."""
    rng = np.random.RandomState(seed)
    pool = np.unique(rng.randint(0, 1 << 32, size=2 * (n_a + n_b), dtype=np.uint64)).astype(np.uint32)
    rng.shuffle(pool)
    assert len(pool) >= n_a + n_b - common
    a = pool[:n_a]
    b = np.concatenate([pool[:common], pool[n_a : n_a + n_b - common]])
    return a, b


# Derandomised: a 4-sigma bound still fails about once in 15,000 draws, and a
# statistical test must not flake; the examples are varied but fixed.
@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    n_a=st.integers(50, 800),
    n_b=st.integers(50, 800),
    frac=st.floats(0, 1),
    seed=st.integers(0, 2**32 - 1),
    perm_seed=st.integers(0, 1000),
    num_perm=st.sampled_from([64, 128, 256]),
)
def test_minhash_estimate_is_close_to_the_exact_jaccard(n_a, n_b, frac, seed, perm_seed, num_perm):
    common = int(frac * min(n_a, n_b))
    a, b = random_sets(seed, n_a, n_b, common)
    exact = common / (n_a + n_b - common)
    est = estimate_jaccard(signature(a, num_perm, perm_seed), signature(b, num_perm, perm_seed))
    # The estimate is a mean of num_perm Bernoulli(J) slots: sd sqrt(J(1-J)/k), at most 0.044 for
    # k = 128; allow 4 sd plus one slot for the discreteness near J = 0 or 1.
    tol = 4 * math.sqrt(exact * (1 - exact) / num_perm) + 1 / num_perm
    assert abs(est - exact) <= tol, (exact, est, tol)


def test_minhash_errors_have_the_spread_of_independent_slots():
    """Over many fixed pairs: unbiased, and as spread as independent permutations predict.

    Correlated permutations (a broken ``permutations``) would pass the
    per-pair bound above now and then yet blow up the spread here.
    """
    rng = np.random.RandomState(7)
    errors, variances = [], []
    for _ in range(300):
        n_a, n_b = rng.randint(50, 600, size=2)
        common = rng.randint(0, min(n_a, n_b) + 1)
        a, b = random_sets(int(rng.randint(1 << 31)), int(n_a), int(n_b), int(common))
        exact = common / (n_a + n_b - common)
        errors.append(estimate_jaccard(signature(a), signature(b)) - exact)
        variances.append(exact * (1 - exact) / 128)
    errors = np.array(errors)
    expected_rms = math.sqrt(np.mean(variances))
    assert abs(errors.mean()) < 4 * expected_rms / math.sqrt(len(errors))
    assert 0.8 < math.sqrt(np.mean(errors**2)) / expected_rms < 1.25


def test_pair_stats_exact_values_and_estimates():
    a, b = random_sets(3, 400, 300, 150)
    sa = shingle_set("x", a.astype(np.uint64) << np.uint64(32), 128, 1)
    sb = shingle_set("y", b.astype(np.uint64) << np.uint64(32), 128, 1)
    st_ = pair_stats(sa, sb)
    assert (st_.shingles_a, st_.shingles_b) == (400, 300)
    assert st_.jaccard == pytest.approx(150 / 550)
    assert st_.containment_a_in_b == pytest.approx(150 / 400)
    assert st_.containment_b_in_a == pytest.approx(150 / 300)
    assert st_.containment_a_in_b_estimate == pytest.approx(150 / 400, abs=0.12)
    assert st_.containment_b_in_a_estimate == pytest.approx(150 / 300, abs=0.12)
    # shingle_set feeds the top 32 bits of each 64-bit shingle to the signature.
    assert np.array_equal(sa.signature, signature(a, 128, 1))


# ``import datasketch`` costs most of a second (it pulls in scipy): import it once, lazily.
@pytest.fixture(scope="module")
def datasketch_minhash():
    from datasketch import MinHash

    return MinHash


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    hashes=st.lists(st.integers(0, 2**32 - 1), max_size=300),
    num_perm=st.integers(16, 300),
    seed=st.one_of(st.integers(0, 100), st.integers(0, 2**32 - 1)),
)
def test_signature_is_bit_identical_to_datasketch(datasketch_minhash, hashes, num_perm, seed):
    reference = datasketch_minhash(num_perm=num_perm, seed=seed, hashfunc=lambda x: x)
    reference.update_batch(hashes)
    ours = signature(np.asarray(hashes, dtype=np.uint32), num_perm, seed)
    assert ours.dtype == reference.hashvalues.dtype == np.uint32
    assert np.array_equal(ours, reference.hashvalues)


def test_signature_of_real_shingles_is_bit_identical_to_datasketch(datasketch_minhash):
    text = " ".join(np.random.RandomState(5).choice(STORY, 3000))
    sh = to32(np.unique(shingle_hashes(word_hashes(words_of(text)), 5)))
    assert len(sh) > 2000
    for num_perm, seed in ((128, 1), (256, 42), (64, 2**32 - 1)):
        reference = datasketch_minhash(num_perm=num_perm, seed=seed, hashfunc=lambda x: x)
        reference.update_batch([int(h) for h in sh])
        assert np.array_equal(signature(sh, num_perm, seed), reference.hashvalues)


def test_signature_over_more_than_one_chunk(datasketch_minhash):
    hashes = np.random.RandomState(9).randint(0, 1 << 32, size=10_000, dtype=np.uint64).astype(np.uint32)
    reference = datasketch_minhash(num_perm=128, seed=1, hashfunc=lambda x: x)
    reference.update_batch([int(h) for h in hashes])
    assert np.array_equal(signature(hashes, 128, 1), reference.hashvalues)


# --- shingle and word hashes: fast paths equal the reference definitions ---------------------------


@settings(max_examples=80, deadline=None)
@given(tokens=st.lists(st.integers(0, 2**64 - 1), max_size=80), k=st.integers(1, 12))
def test_shingle_hashes_equal_the_reference(tokens, k):
    arr = np.asarray(tokens, dtype=np.uint64)
    fast = shingle_hashes(arr, k)
    assert fast.dtype == np.uint64
    assert [int(h) for h in fast] == [shingle_hash(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]


def test_shingle_hashes_equal_the_reference_on_long_documents():
    # Longer than the 1024 powers first cached, after a short call has filled the cache.
    shingle_hashes(np.arange(10, dtype=np.uint64), 3)
    tokens = np.random.RandomState(11).randint(0, 2**63, size=5000, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    fast = shingle_hashes(tokens, 5)
    ref = [shingle_hash(tokens[i : i + 5]) for i in range(len(tokens) - 4)]
    assert [int(h) for h in fast] == ref
    # And a short call after the long one still agrees (cached powers are sliced, not reused whole).
    assert [int(h) for h in shingle_hashes(tokens[:7], 5)] == ref[:3]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=30))
def test_word_hashes_equal_the_reference(words):
    fast = word_hashes(words)
    assert fast.dtype == np.uint64
    assert [int(h) for h in fast] == [word_hash(w) for w in words]
    # Cached values are the same on a second call.
    assert np.array_equal(word_hashes(words), fast)


def test_hashes_are_pinned_and_stable_across_processes():
    # Pinned values: a change of definition must be deliberate (it changes every fingerprint).
    assert word_hash("kirkuk") == 1815293694500164185
    assert shingle_hash([word_hash(w) for w in "the rockets were launched from".split()]) == 4158540982117370800
    assert shingle_hash([1, 2, 3]) != shingle_hash([3, 2, 1])
    import subprocess
    import sys

    # Another process with another string-hash salt computes the same values (no builtin hash()).
    code = "from syndtrace.shingle import word_hash; print(word_hash('kirkuk'))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "123"}
    )
    assert int(out.stdout) == 1815293694500164185


# --- alignment against a slow reference ---------------------------------------------------------------


@st.composite
def planted(draw):
    """Two word sequences from a small vocabulary (many chance matches) with shared runs planted."""
    vocab = STORY[: draw(st.integers(4, 20))]
    a = draw(st.lists(st.sampled_from(vocab), min_size=0, max_size=80))
    b = draw(st.lists(st.sampled_from(vocab), min_size=0, max_size=80))
    for _ in range(draw(st.integers(0, 3))):
        run = draw(st.lists(st.sampled_from(vocab), min_size=8, max_size=25))
        i = draw(st.integers(0, len(a)))
        j = draw(st.integers(0, len(b)))
        a[i:i] = run
        b[j:j] = run
    return a, b


@settings(max_examples=EXAMPLES + 20, deadline=None)
@given(planted(), st.sampled_from([" ", "\n", ". "]))
def test_alignment_covers_every_maximal_common_run(seqs, sep):
    wa, wb = seqs
    da = doc(sep.join(wa) or "x", "a")
    db = doc(sep.join(wb) or "y", "b")
    pa, pb = prepare(da, tokenize(da)), prepare(db, tokenize(db))
    assert list(pa.tokens.words) == (wa or ["x"]) and list(pb.tokens.words) == (wb or ["y"])
    assert not pa.tokens.masked.any() and not pb.tokens.masked.any()
    passages = align_prepared(pa, pb, DEFAULT)

    def word_range(p, side):
        t = (pa if side.doc == "a" else pb).tokens
        return int(np.searchsorted(t.starts, side.start)), int(np.searchsorted(t.ends, side.end))

    spans = [(word_range(p, p.a), word_range(p, p.b)) for p in passages]
    runs = maximal_runs(wa, wb, 8)
    seeds_in_b = Counter(zip(wb, wb[1:], wb[2:]))
    for i, j, n in runs:
        # One-to-one use of words: a run competing for words with a run at least as long may
        # rightly lose some of them; and a seed repeated more than _REPEAT_CAP times is ignored.
        rivals = [
            (i2, j2, n2) for i2, j2, n2 in runs
            if (i2, j2) != (i, j) and n2 >= n and (i2 < i + n and i < i2 + n2 or j2 < j + n and j < j2 + n2)
        ]  # fmt: skip
        noisy = any(seeds_in_b[tuple(wa[k : k + SEED])] > _REPEAT_CAP for k in range(i, i + n - SEED + 1))
        if rivals or noisy:
            continue
        assert any(
            a0 <= i and i + n - 1 <= a1 and b0 <= j and j + n - 1 <= b1 for (a0, a1), (b0, b1) in spans
        ), f"run a[{i}:{i + n}] = b[{j}:{j + n}] ({' '.join(wa[i:i + n])}) is in no passage"
    # And nothing is invented: every passage's aligned words are a common subsequence.
    for p in passages:
        (a0, a1), (b0, b1) = word_range(p, p.a), word_range(p, p.b)
        assert lcs(wa[a0 : a1 + 1], wb[b0 : b1 + 1]) >= p.words >= DEFAULT.min_words


def test_maximal_runs_reference_is_right():
    a = "x a b c d e f g h y".split()
    b = "a b c d e f g h z x".split()
    assert maximal_runs(a, b, 8) == [(1, 0, 8)]
    assert maximal_runs(a, b, 9) == []
    assert (0, 9, 1) in maximal_runs(a, b, 1)
