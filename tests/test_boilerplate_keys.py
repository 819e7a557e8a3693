"""``boilerplate_spans`` tries its costly pattern only where a key word allows; it finds what the plain way finds (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from syndtrace import boilerplate
from syndtrace.paragraphs import paragraph_spans

PIECES = [
    "Reporting by", "Editing by", "Additional reporting by", "Writing by", "Jane Roe", "by", "By", " by ", "the",
    "story", "fair use", "All Rights Reserved", "Getty Images", "(AP Photo/Evan Vucci)", "Photo: ", "cookie",
    "Subscribe to our newsletter", "in your inbox", "transcript provided by", "Home | World | Markets", "said",
    "İ", "ſ", "—", "/", "Reuters", "/ Reuters)", "terms of use", "newsletter", "This article first appeared in X",
]  # fmt: skip
GLUE = [" ", "  ", "\n", "\n\n", ", ", ". ", "; ", ""]


@st.composite
def texts(draw) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=30))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue))


def reference(paragraph: str) -> bool:
    """``is_boilerplate`` with every key looked for and the whole pattern tried whenever one is there."""
    keys = boilerplate._ANYWHERE_KEYS
    if boilerplate._FURNITURE.match(paragraph):
        return True
    if ("|" in paragraph or "•" in paragraph or "·" in paragraph) and boilerplate._NAV.match(paragraph):
        return True
    if boilerplate._STARTS.match(paragraph):
        return True
    if "/" in paragraph and len(paragraph.split()) <= boilerplate._CAPTION_WORDS and boilerplate._CAPTION_CREDIT.search(paragraph):
        return True
    if len(paragraph) >= 1200:
        return False
    low = paragraph.lower()
    return any(key in low for key in keys) and bool(boilerplate._ANYWHERE.search(paragraph))


@settings(max_examples=500, deadline=None)
@given(texts())
@example("Reporting by Jane Roe; Editing by John Doe")
@example("The story, told by Jane Roe\n\nEditing by")
def test_boilerplate_spans_match_the_plain_way(text):
    want = tuple((s, e) for s, e in paragraph_spans(text, 0) if reference(text[s:e]))
    assert boilerplate.boilerplate_spans(text, 0) == want
    for s, e in paragraph_spans(text, 0):
        assert boilerplate.is_boilerplate(text[s:e]) == reference(text[s:e])
