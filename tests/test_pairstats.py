"""Pair statistics kept as arrays (``syndtrace.pairstats``) read back as the ``PairStats`` they stand for."""

import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from syndtrace.model import PairStats
from syndtrace.pairstats import PackedPairStats, stats_rows

IDS = ("a000", "a001", "b002", "c003")

fraction = st.floats(0, 1, allow_nan=False)
pair_stats = st.builds(
    lambda ends, sizes, floats, shared: PairStats(IDS[ends[0]], IDS[ends[1]], *sizes, *floats, shared),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(*[fraction] * 6),
    st.integers(0, 10**5),
)


def pack(items: list[PairStats]) -> PackedPairStats:
    floats, counts = stats_rows(items)
    ends = np.array([(IDS.index(s.a), IDS.index(s.b)) for s in items], np.int64).reshape(-1, 2)
    return PackedPairStats(IDS, ends, floats, counts)


@given(st.lists(pair_stats, max_size=12))
def test_packed_reads_back_as_the_tuple(items):
    packed, ref = pack(items), tuple(items)
    assert tuple(packed) == ref and packed == ref and len(packed) == len(ref)
    assert [packed[k] for k in range(len(ref))] == list(ref)
    assert [packed[-k] for k in range(1, len(ref) + 1)] == [ref[-k] for k in range(1, len(ref) + 1)]
    assert packed[1:3] == ref[1:3] and packed[::2] == ref[::2]
    assert hash(packed) == hash(ref)
    # Floats come back as the same floats, counts as ints (the JSON writes them as they are).
    assert all(type(s.jaccard) is float and type(s.shingles_a) is int for s in packed)


def test_out_of_range_and_disagreeing_rows_raise():
    packed = pack([PairStats("a000", "b002", 4, 5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 3)])
    with pytest.raises(IndexError):
        packed[1]
    with pytest.raises(IndexError):
        packed[-2]
    floats, counts = stats_rows([])
    with pytest.raises(ValueError):
        PackedPairStats(IDS, np.zeros((1, 2), np.int64), floats, counts)
    assert len(PackedPairStats(IDS, np.zeros((0, 2), np.int64), floats, counts)) == 0


def test_a_scans_pairs_are_packed_and_the_same_as_its_objects(tmp_path):
    from scan_corpus import wire_corpus

    from syndtrace.scan import scan
    from syndtrace.settings import Settings

    for name, text in wire_corpus().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = scan([str(tmp_path)], Settings(workers=1))
    assert isinstance(result.pairs, PackedPairStats) and len(result.pairs)
    assert result.pairs == pickle.loads(pickle.dumps(tuple(result.pairs)))
    assert [(s.a, s.b) for s in result.pairs] == [(v.a, v.b) for v in result.verdicts]
