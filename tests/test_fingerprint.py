"""The scan fingerprinter against slow references.

``fingerprint.batch_fingerprints`` must select exactly the winnowed
fingerprints a plain sliding-window argmin selects, and its byte-level word
hashes must equal ``shingle.word_hash`` for ASCII words.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from syndtrace.fingerprint import batch_fingerprints, batch_tokens, sliding
from syndtrace.load import document_from_text
from syndtrace.normalize import tokenize
from syndtrace.shingle import shingle_hashes, word_hash

WORDS = st.sampled_from(
    ["the", "port", "strike", "Council", "said", "2021", "O'Brien", "vote", "—", "“quote”", "é", "...", "€5", "新华", "ſome", "Ёлка"]
)
TEXTS = st.lists(st.lists(WORDS, min_size=0, max_size=60).map(" ".join), min_size=1, max_size=6)


def reference_winnow(texts: list[bytes], k: int, window: int) -> set[tuple[int, int]]:
    """Every position holding the minimum of some window (ties all kept), plus short texts' minima.

    Keeping every tied position means the same shingle at the end of one text
    and the start of the next is a fingerprint of both.
    """
    words, owner = batch_tokens(texts)
    sh = shingle_hashes(words, k)
    n = len(sh)
    if not n:
        return set()
    valid = owner[:n] == owner[k - 1 :]
    big = np.where(valid, sh, np.uint64(2**64 - 1))
    picked = set()
    if n >= window:
        for j in range(n - window + 1):
            low = big[j : j + window].min()
            picked.update(j + i for i in np.flatnonzero(big[j : j + window] == low).tolist())
    for t in set(owner[:n][valid].tolist()):
        mine = [i for i in range(n) if valid[i] and owner[i] == t]
        if len(mine) < window or n < window:
            picked.add(min(mine, key=lambda i: (big[i], i)))
    return {(int(sh[i]), int(owner[i])) for i in picked if valid[i]}


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.integers(2, 5), st.integers(1, 20))
def test_winnowing_matches_sliding_argmin(texts, k, window):
    data = [t.encode("utf-8") for t in texts]
    hashes, docs = batch_fingerprints(data, k, window)
    assert set(zip(hashes.tolist(), docs.tolist())) == reference_winnow(data, k, window)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=80), st.integers(1, 40))
def test_sliding_min_and_max_match_numpy(values, window):
    arr = np.asarray(values, dtype=np.uint64)
    if window > len(arr):
        return
    view = np.lib.stride_tricks.sliding_window_view(arr, window)
    assert (sliding(arr, window, np.minimum) == view.min(axis=1)).all()
    assert (sliding(arr, window, np.maximum) == view.max(axis=1)).all()


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_word_hashes_equal_the_reference_on_each_path(texts):
    data = [t.encode("utf-8") for t in texts]
    hashes, owner = batch_tokens(data)
    expected = []
    for i, text in enumerate(texts):
        if re.search(r"[\u0300-\u1fff\u2e80-\U0010ffffſ]", text):
            # A character from U+0300 on (symbols aside): the exact tokenizer's words, cut at apostrophes.
            words = tokenize(document_from_text(text, doc_id="t", path="t.txt")).words if text.strip() else ()
            expected += [(i, word_hash(p)) for w in words for p in w.split("'") if p]
        else:
            # The byte path's words: runs of ASCII letters and digits and non-ASCII characters but
            # general punctuation, NBSP and guillemets (an apostrophe splits), ASCII lower-cased.
            words = re.findall(r"(?:[A-Za-z0-9]|[^\x00-\x7f\u00a0\u00ab\u00bb\u2010-\u205e])+", text)
            expected += [(i, word_hash(re.sub("[A-Z]", lambda m: m.group().lower(), w))) for w in words]
    assert list(zip(owner.tolist(), hashes.tolist())) == expected


def test_an_ascii_word_hashes_alike_on_both_paths():
    # "company's" and "O'Brien" in a text with an accented word (exact path) and in plain ASCII.
    plain, accented = "the company's chief O'Brien said", "the company's chief O'Brien said in Москва"
    hashes, owner = batch_tokens([plain.encode(), accented.encode()])
    assert hashes[owner == 0].tolist() == hashes[owner == 1].tolist()[:7]


def test_texts_in_other_scripts_take_the_tokenizers_words():
    texts = ["Xinhua 新华社北京电 ok", "plain ascii words", "اسلام آباد (اے پی پی)"]
    hashes, owner = batch_tokens([t.encode() for t in texts])
    for i, text in enumerate(texts):
        doc = document_from_text(text, doc_id="t", path="t.txt")
        assert hashes[owner == i].tolist() == tokenize(doc).hashes.tolist()
    assert (owner == 0).sum() == 1 + 6 + 1  # "xinhua", six characters, "ok"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=40), st.sets(st.integers(0, 60), max_size=30))
def test_member_matches_isin(values, members):
    from syndtrace.fingerprint import member

    arr = np.asarray(values, dtype=np.uint64)
    sorted_set = np.asarray(sorted(members), dtype=np.uint64)
    assert (member(arr, sorted_set) == np.isin(arr, sorted_set)).all()
