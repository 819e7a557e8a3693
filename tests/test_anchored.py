"""``finditer_near``, ``finditer_lines`` and ``finditer_in_lines`` give exactly ``pattern.finditer``'s matches
for every pattern they serve (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

import pytest

from syndtrace import credits, release
from syndtrace.anchored import finditer_in_lines, finditer_lines, finditer_near
from syndtrace.names import dateline_tags

PIECES = [
    "was", "is", "originally", "ORIGINALLY", "published", "posted", "by", "in", "the", "The", "This", "this",
    "article", "story", "was first", "first", "appeared", "republished", "Reprinted", "with permission", "from",
    "The original source of this article is", "Copyright", "COPYRIGHT", "©", "(AP)", "(Reuters)", "(dpa)", "—", "-",
    "Common Dreams", "Jake Johnson", "2020", "WASHINGTON", "ſ", "İ", "K", "x" * 70, "(CNN)", "(AFP)", "(اے پی پی)",
    "distributed by", "Syndicated by", "Tribune Content Agency", "Edited by", "EDITED BY", "staff", "Wexford Herald",
    "By", "By Jane Roe, Associated Press", "Jane Roe", "USA TODAY", "/", "|", "PTI", "AP", "KFF Health News",
    "is a national newsroom", "is part of", "States Newsroom", "contributed", "also contributed to this report",
    "writer", "'s", "Reuters", "[Ends]", "###", "Notes to editors", "media contacts", "press office", "+44 20 7946 0000",
    "is available for interview", "Press Release", "FOR IMMEDIATE RELEASE", "©2018 Bloomberg L.P.", "©", "(c)",
    "(Tribune)", "(", ")", "((AP)", "Press Office", "press@uni.ac.uk", "About the journal", "END", "**",
    "For further information, please contact", "Media contacts", "Dr Roe is available for interview", "office",
]  # fmt: skip
GLUE = [" ", " ", "  ", "\n", " \n ", "\t", ", ", ". ", "", "\n\n", "\n  "]


@st.composite
def texts(draw) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=30))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue))


def spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(texts(), st.integers(0, 5))
@example("It was \n\n  originally published by Common Dreams.", 0)
@example("This article was first appeared in The Nation", 0)
@example("\n" + "x" * 59 + " (Reuters) - ", 0)
@example("\n" + "x" * 58 + " (اے پی پی) ", 0)
@example("This article firſt appeared in The Nation", 0)  # re.IGNORECASE matches ſ to s; str.lower does not
def test_every_credit_pattern_finds_what_finditer_finds(text, pos):
    pos = min(pos, len(text))
    for _, pattern, keys, reach, fold, spaces in credits._LEAD_INS:
        near = finditer_near(pattern, text, keys, reach, pos, fold=fold, spaces=spaces)
        assert spans(near) == spans(pattern.finditer(text, pos)), pattern.pattern
    agencies = tuple(f"({a})" for a in dateline_tags())
    near = finditer_near(credits._dateline(), text, agencies, credits._DATELINE_REACH, pos)
    assert spans(near) == spans(credits._dateline().finditer(text, pos))
    near = finditer_near(credits._COPYRIGHT, text, ("Copyright", "COPYRIGHT"), 0, pos)
    assert spans(near) == spans(credits._COPYRIGHT.finditer(text, pos))


# Patterns that match only at a line's start, and those whose matches hold a key and no line break.
LINE_PATTERNS = [credits._TAGLINE, credits._BYLINE, credits._NAME_LINE, credits._BARE_BYLINE, credits._EDITED,
                 release._FOOT, release._HEADER]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(), st.integers(0, 40), st.integers(0, 400))
@example("\nBy Jane Roe, Associated Press\n", 0, 400)
@example("x\n\n  By Jane Roe, Associated Press\nKFF Health News is a national newsroom", 1, 400)
@example("Notes to editors\n###\n[Ends]", 3, 12)
def test_line_patterns_find_what_finditer_finds(text, pos, length):
    pos = min(pos, len(text))
    end = min(len(text), pos + length)
    for pattern in LINE_PATTERNS:
        assert spans(finditer_lines(pattern, text, pos, end)) == spans(pattern.finditer(text, pos, end)), pattern.pattern
        assert spans(finditer_lines(pattern, text, pos)) == spans(pattern.finditer(text, pos)), pattern.pattern


@settings(max_examples=500, deadline=None)
@given(texts(), st.integers(0, 40))
@example("Associated Press writer Jane Roe contributed to this report.\nReuters contributed", 0)
def test_contributed_lines_find_what_finditer_finds(text, pos):
    pos = min(pos, len(text))
    found = finditer_in_lines(credits._CONTRIBUTED, text, "contributed", pos)
    assert spans(found) == spans(credits._CONTRIBUTED.finditer(text, pos))


@settings(max_examples=300, deadline=None)
@given(texts(), st.integers(0, 40))
@example("(AP) (Reuters)) ((dpa) - (اے پی پی)", 0)
def test_dateline_tags_are_found_as_each_tag_would_be(text, pos):
    pos = min(pos, len(text))
    tags = dateline_tags()
    each = sorted({at for tag in tags for at in _all(text, f"({tag})", pos)})
    assert credits._tag_starts(text, tags, pos) == each


def _all(text: str, key: str, pos: int) -> list[int]:
    found, at = [], text.find(key, pos)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1)
    return found


def test_a_pattern_matching_empty_is_refused():
    import re

    with pytest.raises(ValueError):
        list(finditer_lines(re.compile(r"(?m)^"), "a\nb"))


@settings(max_examples=500, deadline=None)
@given(texts(), st.integers(0, 40))
@example("** END\nAbout the journal\nThe Press Office: press@uni.ac.uk\nDr Roe is available for interview", 0)
@example("Media contacts\nThe preſs office, +44 20 7946 0000", 0)
def test_foot_marks_find_what_finditer_finds(text, pos):
    pos = min(pos, len(text))
    assert spans(release._foot_marks(text, pos, text.lower())) == spans(release._FOOT.finditer(text, pos))
