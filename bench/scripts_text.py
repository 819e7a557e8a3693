"""Generated corpora in other scripts: each English word becomes a real word of another language.

``converter(script)`` returns a function that rewrites a generated text: every
word of lower-case or capitalised letters becomes a word of the target
language, the same English word always the same word (a stable hash picks
it), so copies stay copies and unrelated articles stay unrelated (they share
no 8-word run in English, so none in the new script either). Words in
capitals (datelines' "PARIS", agencies' "AFP") and numbers stay as they are,
as wire copy in these languages keeps Latin agency names. Nothing is
transliterated: the words are real words of the language, drawn from the
word lists Faker ships (``faker.providers.lorem``; Faker is MIT-licensed,
https://github.com/joke2k/faker). Chinese, Japanese and Thai are written
without spaces between words; Chinese and Japanese take their own
punctuation and corner-bracket quotation marks, Arabic and Persian the
Arabic comma and mirrored quotation marks (”…“), as their press writes them.

The text is word salad in the target language: good for measuring
tokenising and matching, not for reading.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable

LOCALES = {"zh": "zh_CN", "ja": "ja_JP", "ar": "ar_AA", "fa": "fa_IR", "th": "th_TH"}
SPACELESS = {"zh", "ja", "th"}
_WORD = re.compile(r"\b[A-Za-z][a-z]*\b")
_SPACELESS_CHAR = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff"
_GAP = re.compile(rf"(?<=[{_SPACELESS_CHAR}])[ ]+(?=[{_SPACELESS_CHAR}])")
_PUNCT = {  # (replacements, then quotation marks translated all at once)
    "zh": (((". ", "。"), (", ", "，")), {}),
    "ja": (((". ", "。"), (", ", "、")), {"“": "「", "”": "」"}),
    "ar": (((", ", "، "),), {"“": "”", "”": "“"}),
    "fa": (((", ", "، "),), {"“": "”", "”": "“"}),
    "th": ((), {}),
}


def word_list(script: str) -> list[str]:
    """The target language's words (Faker's lorem list), deduplicated in their order."""
    if script not in LOCALES:
        raise ValueError(f"unknown script {script!r}; one of {', '.join(sorted(LOCALES))}")
    module = importlib.import_module(f"faker.providers.lorem.{LOCALES[script]}")
    return list(dict.fromkeys(w for w in module.Provider.word_list if w.strip()))


def converter(script: str) -> Callable[[str], str]:
    """A function rewriting generated English text in ``script``'s language (see the module docstring)."""
    words = word_list(script)
    cache: dict[str, str] = {}

    def word(m: re.Match) -> str:
        key = m.group().lower()
        if key not in cache:
            digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
            cache[key] = words[int.from_bytes(digest, "little") % len(words)]
        return cache[key]

    def convert(text: str) -> str:
        # Straight quotes become curly first, so that each script's pairs can be set.
        text = re.sub(r'"(?=\w)', "“", text)
        text = text.replace('"', "”")
        text = _WORD.sub(word, text)
        replacements, quotes = _PUNCT[script]
        for a, b in replacements:
            text = text.replace(a, b)
        text = text.translate(str.maketrans(quotes))
        if script in SPACELESS:
            text = _GAP.sub("", text)
        return text

    return convert
