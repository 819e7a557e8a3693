"""Where a page's prose starts (``syndtrace.prose``), against the plain reading of its text."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from syndtrace.model import Document
from syndtrace.prose import PROSE_WORDS, ProseReader, plain_prose_before, prose_before, prose_marks

# Short words, bars and line breaks, so that lines of 15 words, with and without "|", are common.
_PIECES = st.sampled_from(["w", "word", "|", "a|b", " ", "  ", "\n", "\t", "\u00a0", "x "])
_TEXTS = st.lists(_PIECES, max_size=120).map("".join)


@given(_TEXTS, st.data())
@settings(max_examples=400)
def test_the_marks_answer_as_the_text_does(text, data):
    start = data.draw(st.integers(0, len(text)))
    marks = prose_marks(text, start)
    for at in range(len(text) + 2):
        assert prose_before(marks, at) == plain_prose_before(text, start, at), (text, start, at)


def test_a_headline_a_byline_and_a_menu_are_no_prose():
    para = " ".join(["word"] * PROSE_WORDS)
    text = "Short headline\nBy A Writer\nHome | News | " + para + "\n" + para + "\n"
    marks = prose_marks(text, 0)
    second = text.index(para + "\n" + para) + len(para) + 1
    assert not prose_before(marks, second)  # the menu line's words count only before its first "|"
    assert prose_before(marks, second + len(para))


def test_the_reader_reads_a_text_once_and_knows_no_stranger():
    para = " ".join(["word"] * PROSE_WORDS)
    docs = {"a": Document(id="a", path=None, text="", outlet="A")}
    read: list[str] = []
    reader = ProseReader(docs, lambda doc_id: read.append(doc_id) or "Headline\n" + para)
    assert reader.before("a", len("Headline\n") + 5) is False
    assert reader.before("a", len("Headline\n" + para)) is True
    assert read == ["a"]
    assert reader.before("b", 10) is None
