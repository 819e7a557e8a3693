"""Attribution's fast paths against the plain scans they replace (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from syndtrace.attribute import _CAPITALISED, phrases_ending

WORDS = ["The", "New", "York", "Times", "times", "Post", "post", "NYTimes", "of", "the", "said", "A", "B.", "U.S.", "Reuters"]
GLUE = [" ", " ", " ", "\t", "\n", "\n\n", ", ", ". ", " - ", "’s "]


@st.composite
def texts(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=40))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, glue))


@settings(max_examples=400, deadline=None)
@given(texts(), st.sampled_from(["Times", "York Times", "Post", "A", "s", "Reuters", "New York", "Times\tof"]))
def test_phrases_ending_equals_the_whole_text_scan(text, name):
    whole = {m.group() for m in _CAPITALISED.finditer(text)}
    lines: dict = {}
    for other in ("Times", name):  # a line's phrases kept from one name serve the next
        assert phrases_ending(text, other, lines) == {p for p in whole if p.endswith(other) and p != other}
