"""Paragraph spans of a text: the unit for boilerplate, quotes and fragments.

Paragraphs are separated by blank lines when the text has any; a text
without blank lines (one paragraph a line, as many scrapes are) splits at
every line break. Spans are ``[start, end)`` in the text given, stripped of
surrounding white space; empty paragraphs are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")


@lru_cache(maxsize=16)
def paragraph_spans(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """``[start, end)`` of each non-empty paragraph of ``text[start:]``, in order.

    Cached: several stages ask for the same document's paragraphs in turn
    (a ``str`` caches its own hash, so the look-up is cheap).
    """
    splitter = _BLANK if _BLANK.search(text, start) else _LINE
    spans: list[tuple[int, int]] = []
    pos = start
    for m in splitter.finditer(text, start):
        _add(text, pos, m.start(), spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
