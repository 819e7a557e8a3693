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


# --- Unicode: NFKC first with a map back, words in any script -----------------------------------

# Latin, Arabic letters with marks (fatha, maddah, superscript alef), a decomposed and a precomposed
# alef madda, presentation forms, full-width letters, a ligature, Han, Kana, Thai with its marks,
# Devanagari with a vowel sign, digits of three scripts, joiners, apostrophes, hyphenated breaks.
SCRIPT_PIECES = [
    "news", "Agency", "café", "ا", "ب", "\u064e", "\u0653", "\u0670", "آ", "ا\u0653", "ﻻ", "ﺏ", "Ｎｅｗｓ",
    "ﬁ", "新", "华", "社", "の", "ニュース", "ไทย", "\u0e31", "\u0e48", "हि", "न्दी", "٣", "۳", "3",
    "\u200c", "'", "’", " ", "  ", "\n", "-\n", "，", "。", "「", "」", "”", "“", "’’", "‘‘", "ـ",
]  # fmt: skip


@given(st.lists(st.sampled_from(SCRIPT_PIECES), min_size=1, max_size=40).map("".join))
def test_word_spans_match_the_reference(text):
    from references import reference_words
    from syndtrace.normalize import word_spans

    starts, ends = word_spans(text)
    assert list(zip(starts.tolist(), ends.tolist())) == reference_words(text)


@given(st.lists(st.sampled_from(SCRIPT_PIECES), min_size=1, max_size=40).map("".join))
def test_every_words_original_slice_normalises_to_it(text):
    from syndtrace.load import document_from_text
    from syndtrace.normalize import tokenize
    from syndtrace.scripts import match_form, normal_text

    assume(text.strip())
    doc = document_from_text(text, doc_id="a", path="a.txt")
    tokens = tokenize(doc)
    starts, ends = tokens.starts.tolist(), tokens.ends.tolist()
    assert starts == sorted(starts) and all(s < e for s, e in zip(starts, ends))
    assert all(e <= s for e, s in zip(ends, starts[1:]))  # words never overlap in the original
    for word, s, e in zip(tokens.words, starts, ends):
        assert match_form(normal_text(doc.text[s:e])[0]) == word


def test_combining_marks_and_precomposed_letters_are_one_word():
    from syndtrace.load import document_from_text
    from syndtrace.normalize import tokenize

    # A decomposed alef madda, a superscript alef, a fatha and a tatweel neither split a word nor
    # make it another: each pair is the same word written two ways.
    text = "آج ا\u0653ج رحمٰن رحمن کَتاب کتاب خبـــر خبر"
    words = tokenize(document_from_text(text, doc_id="u", path="u.txt")).words
    assert len(words) == 8
    assert words[0::2] == words[1::2]


def test_spaceless_scripts_are_cut_into_characters_and_mixed_text_works():
    from syndtrace.load import document_from_text
    from syndtrace.normalize import tokenize

    text = "新华社北京电 Apple公司发布了iPhone。東京のニュース。ข่าวไทย"
    doc = document_from_text(text, doc_id="c", path="c.txt")
    tokens = tokenize(doc)
    assert tokens.words[:6] == tuple("新华社北京电")
    assert "apple" in tokens.words and "iphone" in tokens.words
    # Thai: a consonant keeps its tone mark ("ข่"); the mark is dropped only for matching.
    slices = [doc.text[s:e] for s, e in zip(tokens.starts.tolist(), tokens.ends.tolist())]
    assert slices[-6:] == ["ข่", "า", "ว", "ไ", "ท", "ย"]
    assert tokens.words[-6:] == ("ข", "า", "ว", "ไ", "ท", "ย")


def test_full_width_letters_ligatures_and_other_digits_match_their_plain_forms():
    from syndtrace.normalize import normalize_word

    assert normalize_word("Ｎｅｗｓ") == normalize_word("news") == "news"
    assert normalize_word("ﬁnance") == "finance"
    assert normalize_word("٣٠") == normalize_word("۳۰") == "30"
    assert normalize_word("Café") == normalize_word("cafe")


def test_hyphenated_line_breaks_join_and_offsets_keep_the_hyphen():
    from syndtrace.load import document_from_text
    from syndtrace.normalize import tokenize

    text = "The syndi-\ncation of news in Anglo-\nSaxon lands."
    doc = document_from_text(text, doc_id="h", path="h.txt")
    tokens = tokenize(doc)
    assert "syndication" in tokens.words and "anglo" in tokens.words and "saxon" in tokens.words
    k = tokens.words.index("syndication")
    assert doc.text[tokens.starts[k] : tokens.ends[k]] == "syndi-\ncation"


def test_quotation_marks_in_each_scripts_conventions():
    from syndtrace.normalize import quote_spans

    def quoted(text, mirrored=False):
        return [text[s:e] for s, e in quote_spans(text, [(0, len(text))], mirrored)]

    # Urdu mirrored pairs: the text between two quotations is not quoted.
    urdu = "انہوں نے کہا ’’ملک ترقی کرے گا‘‘ اور پھر ”ہم کامیاب ہوں گے“ بعد میں"
    assert quoted(urdu, mirrored=True) == ["ملک ترقی کرے گا", "ہم کامیاب ہوں گے"]
    assert quoted("Er sagte „Wir kommen“ und ging.") == ["Wir kommen"]
    assert quoted("Il a dit « nous venons » puis") == [" nous venons "]
    assert quoted("首相は「景気は回復している」と述べ、『年内』とした。") == ["景気は回復している", "年内"]
    assert quoted("He said “we will come” and left.") == ["we will come"]


def test_the_quotation_convention_follows_the_script_or_the_language():
    from syndtrace.scripts import mirrored_quotes

    assert mirrored_quotes("انہوں نے کہا ’’ملک ترقی کرے گا‘‘ and a few English words")
    assert not mirrored_quotes("An English text quoting ”اسلام“ once.")
    assert not mirrored_quotes("انہوں نے کہا", "en") and mirrored_quotes("plain text", "ur")
