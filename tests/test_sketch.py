"""The sketch stage's set helper against numpy's own (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, strategies as st

from syndtrace.sketch import sorted_unique

# Small values repeat often; large ones exercise the full uint64 range.
VALUES = st.lists(st.one_of(st.integers(0, 20), st.integers(0, 2**64 - 1)), max_size=200)


@given(VALUES)
def test_sorted_unique_equals_np_unique(values):
    arr = np.array(values, dtype=np.uint64)
    got = sorted_unique(arr)
    assert got.dtype == np.uint64 and got.tolist() == np.unique(arr).tolist()
