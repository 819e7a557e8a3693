"""``finditer`` for patterns that hold a key word: tried only around the key's occurrences.

Credit patterns ("This article first appeared in ...", "(Reuters) -") run
over whole articles, and Python's regex engine tries every position of the
text: 120-300 us an article each, although a match can only stand right
before one of a few fixed words. ``finditer_near`` finds those words with
``str.find`` (C speed) and tries the pattern only at the positions that
could start a match holding one, giving exactly ``pattern.finditer``'s
matches (the tests hold it to that). ``finditer_lines`` does the same for
patterns that can only match at a line's start (``(?<![^\n])``, or ``^``
under ``re.M``), and ``finditer_in_lines`` for patterns whose matches hold
a key word and never a line break: the engine is then started at a line's
start, or run over a line holding the key, instead of at every character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() leaves alone (or
# lengthens): with one of these in a text, occurrences found in its lower case may be incomplete.
FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f", "\u212a")


def finditer_near(
    pattern: re.Pattern,
    text: str,
    keys: tuple[str, ...],
    reach: int,
    pos: int = 0,
    *,
    fold: bool = False,
    spaces: bool = False,
    lowered: str | None = None,
) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, pos)``, found by trying only near ``keys``.

    Valid only for a pattern each of whose matches holds one of ``keys``
    (in any case when ``fold``), starting at most ``reach`` characters after
    the match starts, or, with ``spaces``, ``reach`` characters plus the
    white space right before the key ("was \\n originally"). ``lowered`` is
    ``text.lower()`` if the caller has it.
    """
    if fold:
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text) or any(c in text for c in FOLD_SPECIAL):
            yield from pattern.finditer(text, pos)  # offsets in the lower case would not line up
            return
        haystack = lowered
    else:
        haystack = text
    starts = sorted({at for key in keys for at in _occurrences(haystack, key, pos)})
    yield from finditer_at(pattern, text, starts, reach, pos, spaces=spaces)


def finditer_at(
    pattern: re.Pattern, text: str, starts: list[int], reach: int, pos: int = 0, *, spaces: bool = False
) -> Iterator[re.Match]:
    """``finditer_near``'s matches given where the keys stand: ``starts``, sorted, each at or after ``pos``."""
    tried = pos  # every start before this has been tried (or lies before a match's end)
    for key_at in starts:
        if key_at < tried:
            continue
        back = reach
        if spaces:
            back += key_at - _space_start(text, key_at)
        for start in range(max(tried, key_at - back), key_at + 1):
            m = pattern.match(text, start)
            if m:
                yield m
                tried = m.end()
                break
        else:
            tried = key_at + 1


def _occurrences(text: str, key: str, pos: int) -> Iterator[int]:
    at = text.find(key, pos)
    while at >= 0:
        yield at
        at = text.find(key, at + 1)


def _space_start(text: str, end: int) -> int:
    """Where the run of white space ending at ``end`` starts."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def finditer_lines(
    pattern: re.Pattern,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    choose: Callable[[int, int], re.Pattern | None] | None = None,
) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, trying only the starts of lines.

    Valid only for a pattern that can match nothing but at a line's start
    (``(?<![^\n])`` or ``^`` with ``re.M``: the start of ``text`` or right
    after a line break) and never matches the empty string. After a match
    ``finditer`` goes on from its end, so this goes on from the first line
    start at or after it.

    ``choose(start, end)``, given a line ``[start, end)``, may name the
    pattern to try there instead, or ``None`` to skip it: for a pattern whose
    matches never cross a line break, a simpler pattern that matches
    exactly as it does on lines lacking the words its other branches need.
    """
    endpos = len(text) if endpos is None else min(endpos, len(text))
    at = pos if pos == 0 or text[pos - 1] == "\n" else text.find("\n", pos, endpos) + 1
    if at <= 0 and pos > 0:
        return
    while at <= endpos:
        here = pattern
        if choose is not None:
            nl = text.find("\n", at, endpos)
            here = choose(at, endpos if nl < 0 else nl)
        m = here.match(text, at, endpos) if here is not None else None
        if m is not None:
            end = m.end()
            if end == m.start():
                raise ValueError(f"finditer_lines: {pattern.pattern!r} matched the empty string")
            yield m
            if text[end - 1] == "\n":  # the match took the line break: the next line starts at its end
                at = end
                continue
            at = end
        nl = text.find("\n", at, endpos)
        if nl < 0:
            return
        at = nl + 1


def finditer_in_lines(pattern: re.Pattern, text: str, key: str, pos: int = 0) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, pos)``, found only on the lines that hold ``key``.

    Valid only for a pattern every match of which holds ``key`` and no line
    break, and which looks at nothing before its start (no look-behind):
    such a match lies within one line holding ``key``, and ``finditer`` over
    that line alone finds it.
    """
    at = text.find(key, pos)
    while at >= 0:
        start = max(pos, text.rfind("\n", 0, at) + 1)
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield from pattern.finditer(text, start, end)
        at = text.find(key, end)
