"""Markup blanking: the shortcut for texts without markup changes nothing (hypothesis)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from syndtrace.normalize import MARKUP, blank_markup

PIECES = ["word", " ", "\n", "<u>", "</u>", "<", ">", "&amp;", "&#8217;", "&", "http://x.org/a", "https://y", "http", "ht"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_blank_markup_equals_the_plain_substitution(text):
    expected = MARKUP.sub(lambda m: " " * len(m.group()), text)
    assert blank_markup(text) == expected and len(expected) == len(text)
