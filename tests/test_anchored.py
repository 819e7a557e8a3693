"""``finditer_near`` gives exactly ``pattern.finditer``'s matches for every credit pattern (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from syndtrace import credits
from syndtrace.anchored import finditer_near
from syndtrace.names import dateline_tags

PIECES = [
    "was", "is", "originally", "ORIGINALLY", "published", "posted", "by", "in", "the", "The", "This", "this",
    "article", "story", "was first", "first", "appeared", "republished", "Reprinted", "with permission", "from",
    "The original source of this article is", "Copyright", "COPYRIGHT", "©", "(AP)", "(Reuters)", "(dpa)", "—", "-",
    "Common Dreams", "Jake Johnson", "2020", "WASHINGTON", "ſ", "İ", "K", "x" * 70, "(CNN)", "(AFP)", "(اے پی پی)",
    "distributed by", "Syndicated by", "Tribune Content Agency", "Edited by", "EDITED BY", "staff", "Wexford Herald",
]  # fmt: skip
GLUE = [" ", " ", "  ", "\n", " \n ", "\t", ", ", ". ", ""]


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
