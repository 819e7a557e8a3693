"""Packed insertions (``syndtrace.packed``) read back as the tuple of ``Insertion``s they stand for."""

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syndtrace.model import Insertion, Passage, PassageSide
from syndtrace.packed import PackedInsertions, bracketed_texts, insertion_rows, insertion_spans

DOCS = ("alpha", "beta")

insertion = st.builds(
    lambda doc, start, length, text, bracketed: Insertion(doc, start, start + length, text, bracketed),
    st.sampled_from(DOCS),
    st.integers(0, 2**31 - 1000),
    st.integers(0, 500),
    st.text(max_size=20),
    st.booleans(),
)


@given(st.lists(insertion, max_size=12))
def test_packed_reads_back_as_the_tuple(items):
    packed = PackedInsertions.pack(DOCS, items)
    ref = tuple(items)
    assert tuple(packed) == ref and packed == ref and len(packed) == len(ref)
    assert [packed[k] for k in range(len(ref))] == list(ref)
    assert [packed[-k] for k in range(1, len(ref) + 1)] == [ref[-k] for k in range(1, len(ref) + 1)]
    assert packed[1:3] == ref[1:3]
    assert hash(packed) == hash(ref)
    assert pickle.loads(pickle.dumps(packed)) == ref
    assert list(insertion_rows(packed)) == list(insertion_rows(ref)) == [(i.doc, i.start, i.end, i.text, i.bracketed) for i in ref]
    for doc in DOCS + ("gamma",):
        assert insertion_spans(packed, doc) == insertion_spans(ref, doc) == [(i.start, i.end) for i in ref if i.doc == doc]
        want = [i.text for i in ref if i.doc == doc and i.bracketed]
        assert bracketed_texts(packed, doc) == bracketed_texts(ref, doc) == want


def test_none_packs_to_the_empty_tuple_and_out_of_range_raises():
    assert PackedInsertions.pack(DOCS, []) == ()
    packed = PackedInsertions.pack(DOCS, [Insertion("beta", 3, 9, "[sic]", True)])
    assert packed[0] == Insertion("beta", 3, 9, "[sic]", True)
    with pytest.raises(IndexError):
        packed[1]


def test_a_passage_compares_the_same_with_either_form():
    side = PassageSide("alpha", 0, 10, None, 2)
    items = [Insertion("alpha", 4, 6, "xy", False), Insertion("beta", 1, 2, "[z]", True)]
    packed = Passage("p1", side, side, 2, 90.0, 2, "none", PackedInsertions.pack(DOCS, items))
    plain = Passage("p1", side, side, 2, 90.0, 2, "none", tuple(items))
    assert packed == plain and hash(packed) == hash(plain)
