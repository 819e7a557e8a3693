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


def reference_words(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every word of ``text`` by ``normalize.word_spans``'s definition, char by char.

    Word characters are ``str.isalnum()``; a combining mark takes the class of
    the character its run of marks sits on; an apostrophe (' or ’), ZWNJ or
    ZWJ between two word characters is one; a character of a script written
    without spaces (with its marks) is a word of its own.
    """
    import unicodedata

    from syndtrace.scripts import _SPACELESS

    def is_mark(c: str) -> bool:
        return unicodedata.category(c).startswith("M")

    def spaceless(c: str) -> bool:
        return any(lo <= ord(c) <= hi for lo, hi in _SPACELESS) and (c.isalnum() or is_mark(c))

    n = len(text)
    word = [c.isalnum() for c in text]
    base = [-1] * n
    last = -1
    for i, c in enumerate(text):
        if not is_mark(c):
            last = i
        base[i] = last
        if is_mark(c) and last >= 0:
            word[i] = word[last]
    for i in range(1, n - 1):
        if text[i] in "'’\u200c\u200d" and word[i - 1] and word[i + 1]:
            word[i] = True
    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not word[i]:
            i += 1
            continue
        j = i + 1
        while j < n and word[j]:
            own_cluster = is_mark(text[j]) or not (spaceless(text[j]) or spaceless(text[base[j - 1]]))
            if not own_cluster:
                break
            j += 1
        spans.append((i, j))
        i = j
    return spans
