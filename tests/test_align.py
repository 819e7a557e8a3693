"""The alignment's one-to-one step and seed runs, against plain-Python references (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from references import maximal_runs
from syndtrace.align import SEED, Run, exact_runs, one_to_one, prepare
from syndtrace.load import document_from_text
from syndtrace.normalize import tokenize


def greedy_reference(runs: list[Run], min_len: int) -> list[Run]:
    """Longest runs first, each cut to its longest stretch of words unused on both sides."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for run in sorted(runs, key=lambda r: (-r.n, r.a0 + r.b0, r.a0)):
        free = [run.a0 + k not in used_a and run.b0 + k not in used_b for k in range(run.n)]
        best, best_at, k = 0, 0, 0
        while k < run.n:
            if free[k]:
                end = k
                while end < run.n and free[end]:
                    end += 1
                if end - k > best:
                    best, best_at = end - k, k
                k = end
            else:
                k += 1
        if not best or (best < run.n and best < min_len):
            continue
        piece = Run(run.a0 + best_at, run.b0 + best_at, best)
        used_a.update(range(piece.a0, piece.a0 + piece.n))
        used_b.update(range(piece.b0, piece.b0 + piece.n))
        kept.append(piece)
    return sorted(kept, key=lambda r: (r.a0, r.b0))


# Distinct (a0, b0) starts, as exact runs have: two runs never start at the same cell.
RUNS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(1, 12)), max_size=25, unique_by=lambda t: t[:2]
)


@settings(max_examples=300, deadline=None)
@given(RUNS)
def test_one_to_one_equals_the_plain_greedy(raw):
    runs = [Run(*r) for r in raw]
    arrays = tuple(np.array([r[k] for r in runs], dtype=np.int64) for k in range(3))
    got = one_to_one(arrays, 60, 60, SEED)
    assert got == greedy_reference(runs, SEED)
    for side in (0, 1):  # no word of either side is used twice
        words = [w for r in got for w in range(r[side], r[side] + r.n)]
        assert len(words) == len(set(words))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcd"), min_size=1, max_size=30), st.lists(st.sampled_from("abcd"), min_size=1, max_size=30))
def test_exact_runs_are_the_maximal_common_runs(wa, wb):
    # A four-letter vocabulary repeats seeds, so the path for seeds found more than once is
    # exercised; 30 words hold no seed more often than the repeat cap (32), which drops it.
    docs = [document_from_text(" ".join(w), doc_id=name, path=f"{name}.txt") for w, name in ((wa, "a"), (wb, "b"))]
    prepared = [prepare(d, tokenize(d)) for d in docs]
    a0, b0, n = exact_runs(*prepared)
    assert set(zip(a0.tolist(), b0.tolist(), n.tolist())) == set(maximal_runs(wa, wb, SEED))


def test_score_falls_back_when_a_hash_collision_makes_a_run_of_different_words():
    # Give document b the word hashes of a: every seed then "matches", so runs pair unequal
    # words, and the bound the runs give for the Indel distance is wrong (even negative).
    from dataclasses import replace as dc_replace

    from rapidfuzz import fuzz

    from syndtrace.align import _similarity

    a_text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    b_text = "aa bb cc dd ee ff gg hh ii kk ll mm"
    docs = [document_from_text(t, doc_id=n, path=f"{n}.txt") for t, n in ((a_text, "a"), (b_text, "b"))]
    ta, tb = (tokenize(d) for d in docs)
    tb = dc_replace(tb, hashes=ta.hashes.copy())
    pa, pb = prepare(docs[0], ta), prepare(docs[1], tb)
    runs = one_to_one(exact_runs(pa, pb), len(ta), len(tb), SEED)
    assert runs == [Run(0, 0, 12)]
    # Split the run so that the chain has a gap and is scored.
    chain = [Run(0, 0, 5), Run(6, 6, 6)]
    expected = round(fuzz.ratio(" ".join(ta.words), " ".join(tb.words)), 1)
    assert _similarity(pa, pb, chain) == expected
