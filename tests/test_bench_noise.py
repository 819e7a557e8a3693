"""The generator's OCR noise (bench/ocr_noise.py) and other-script text (bench/scripts_text.py)."""

from __future__ import annotations

import re

import pytest
from bench_modules import bench_module
from rapidfuzz.distance import Levenshtein

TEXT = (
    "The council voted on Tuesday to restore the lighthouse, and the mayor said the work would begin "
    "in September.\n\nOpponents said the money would be better spent on the harbor's sewer lines. "
) * 20


def test_noise_is_deterministic_and_zero_rate_changes_nothing():
    noisy = bench_module("ocr_noise").noisy
    assert noisy(TEXT, 0.0, 1) == TEXT
    assert noisy(TEXT, 0.05, 1) == noisy(TEXT, 0.05, 1) != noisy(TEXT, 0.05, 2)


@pytest.mark.parametrize("rate", [0.02, 0.05, 0.10])
def test_noise_changes_about_the_rate_of_characters_and_keeps_line_breaks(rate):
    noisy = bench_module("ocr_noise").noisy
    out = noisy(TEXT, rate, 3)
    assert out.count("\n") == TEXT.count("\n")
    # Each change is one to two edits (a confusion "m" -> "rn" is two).
    edits = Levenshtein.distance(TEXT, out)
    assert 0.6 * rate * len(TEXT) < edits < 1.8 * rate * len(TEXT)


def test_other_scripts_map_each_english_word_to_one_real_word():
    converter = bench_module("scripts_text").converter
    zh = converter("zh")
    a, b = zh("The council voted on Tuesday."), zh("the council voted on Tuesday, PARIS (AFP) said.")
    assert a[:6] == b[:6] and " " not in a  # the same words, written without spaces
    assert "PARIS (AFP)" in b  # capitals stay as they are
    assert not re.search(r"[A-Za-z]", zh("council voted"))
    ar = converter("ar")("He said “the council voted” today.")
    assert "”" in ar and "“" in ar and ar.index("”") < ar.index("“")  # mirrored, as Arabic writes them
    ja = converter("ja")("He said “the council voted” today.")
    assert "「" in ja and "」" in ja


def test_an_unknown_script_is_refused():
    with pytest.raises(ValueError, match="unknown script"):
        bench_module("scripts_text").word_list("xx")
