"""Normalising: markup blanking and joined words match their plain definitions (hypothesis)."""

from __future__ import annotations

from hypothesis import assume, given, strategies as st

from syndtrace.normalize import MARKUP, blank_markup

PIECES = ["word", " ", "\n", "<u>", "</u>", "<", ">", "&amp;", "&#8217;", "&", "http://x.org/a", "https://y", "http", "ht"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_blank_markup_equals_the_plain_substitution(text):
    expected = MARKUP.sub(lambda m: " " * len(m.group()), text)
    assert blank_markup(text) == expected and len(expected) == len(text)


WORDISH = ["Word", "word", "don't", "Daesh’s", "café", "ÉCOLE", "İstanbul", "ß", "ﬁne", "x2", " ", "  ", "\n", "\n\n", ", ", "—", "“", "”"]


@given(st.lists(st.sampled_from(WORDISH), min_size=1, max_size=30).map("".join))
def test_joined_words_equal_the_plain_join(text):
    from itertools import accumulate

    from syndtrace.load import document_from_text
    from syndtrace.normalize import tokenize

    assume(text.strip())
    tokens = tokenize(document_from_text(text, doc_id="a", path="a.txt"))
    joined, at = tokens.joined
    assert joined == " ".join(tokens.words)
    assert at == list(accumulate((len(w) + 1 for w in tokens.words), initial=0))
    for i in range(len(tokens.words)):
        for j in range(i + 1, min(len(tokens.words), i + 4) + 1):
            assert joined[at[i] : at[j] - 1] == " ".join(tokens.words[i:j])
