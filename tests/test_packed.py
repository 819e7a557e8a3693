"""Packed insertions (``syndtrace.packed``) read back as the tuple of ``Insertion``s they stand for."""

import pickle

from hypothesis import given
from hypothesis import strategies as st

from syndtrace.model import Insertion, Passage, PassageSide
from syndtrace.packed import PackedInsertions

DOCS = ("alpha", "beta")

insertion = st.builds(
    lambda doc, start, length, bracketed: Insertion(doc, start, start + length, f"w{start}", bracketed),
    st.sampled_from(DOCS),
    st.integers(0, 2**31 - 1000),
    st.integers(0, 500),
    st.booleans(),
)


@given(st.lists(insertion, max_size=12))
def test_packed_reads_back_as_the_tuple(items):
    packed = PackedInsertions.pack(DOCS, items, keep_text=True)
    ref = tuple(items)
    assert tuple(packed) == ref and packed == ref and len(packed) == len(ref)
    assert [packed[k] for k in range(len(ref))] == list(ref)
    assert [packed[-k] for k in range(1, len(ref) + 1)] == [ref[-k] for k in range(1, len(ref) + 1)]
    assert packed[1:3] == ref[1:3]
    assert hash(packed) == hash(ref)
    assert pickle.loads(pickle.dumps(packed)) == ref


@given(st.lists(insertion, min_size=1, max_size=12))
def test_without_text_only_brackets_keep_their_words(items):
    packed = PackedInsertions.pack(DOCS, items, keep_text=False)
    assert [i.text for i in packed] == [i.text if i.bracketed else None for i in items]
    assert [(i.doc, i.start, i.end, i.bracketed) for i in packed] == [(i.doc, i.start, i.end, i.bracketed) for i in items]


def test_none_packs_to_the_empty_tuple_and_out_of_range_raises():
    assert PackedInsertions.pack(DOCS, [], keep_text=True) == ()
    packed = PackedInsertions.pack(DOCS, [Insertion("beta", 3, 9, "[sic]", True)], keep_text=False)
    assert packed[0] == Insertion("beta", 3, 9, "[sic]", True)
    try:
        packed[1]
    except IndexError:
        pass
    else:
        raise AssertionError("packed[1] of one insertion did not raise IndexError")


def test_a_passage_compares_the_same_with_either_form():
    side = PassageSide("alpha", 0, 10, None, 2)
    items = [Insertion("alpha", 4, 6, "xy", False), Insertion("beta", 1, 2, "[z]", True)]
    packed = Passage("p1", side, side, 2, 90.0, 2, "none", PackedInsertions.pack(DOCS, items, keep_text=True))
    plain = Passage("p1", side, side, 2, 90.0, 2, "none", tuple(items))
    assert packed == plain and hash(packed) == hash(plain)
