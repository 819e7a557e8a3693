"""Slow, obviously right references that more than one test module holds the fast code to."""

from __future__ import annotations


def maximal_runs(a: list[str], b: list[str], min_len: int) -> list[tuple[int, int, int]]:
    """Every maximal common run ``(i, j, n)``: ``a[i:i+n] == b[j:j+n]``, extendable neither way."""
    runs = []
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] != b[j] or (i and j and a[i - 1] == b[j - 1]):
                continue
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n >= min_len:
                runs.append((i, j, n))
    return runs
