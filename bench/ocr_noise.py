"""OCR noise for generated corpora: a share of the characters changed as OCR changes them.

``noisy(text, rate, seed)`` changes each character other than a line break
with probability ``rate``. A changed letter is, half the time, misread the
way OCR of old newspapers misreads it (``CONFUSIONS``: "m" read as "rn",
"e" as "c", "h" as "li", "l" as "1", ...), otherwise replaced by a random
letter, dropped, or followed by a stray letter. A changed space is dropped
(two words run together) or read as a full stop. Some confusions are ones
``syndtrace.ocr`` folds away, others ("h" as "li", "a" as "o", "t" as "f")
are not: the noise is not tailored to the tool.

Deterministic: the same text, rate and seed give the same output.
"""

from __future__ import annotations

import random

import numpy as np

CONFUSIONS = {
    "m": ("rn", "in"), "e": ("c", "o"), "c": ("e",), "h": ("li", "b"), "b": ("h",), "l": ("1", "i", "I"),
    "i": ("l", "1", "í"), "o": ("0", "a"), "a": ("o", "n"), "s": ("5", "f"), "n": ("u", "ri"), "u": ("n", "ii"),
    "d": ("cl",), "w": ("vv",), "t": ("f", "l"), "f": ("t",), "r": ("n",), "g": ("q",),
}  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def noisy(text: str, rate: float, seed: int | str) -> str:
    """``text`` with about ``rate`` of its characters (line breaks aside) changed as OCR changes them."""
    if rate <= 0 or not text:
        return text
    rng = random.Random(f"ocr-{seed}")
    gen = np.random.default_rng(rng.getrandbits(64))
    hit = np.flatnonzero(gen.random(len(text)) < rate).tolist()
    out, pos = [], 0
    for i in hit:
        c = text[i]
        if c == "\n":
            continue
        out.append(text[pos:i])
        pos = i + 1
        out.append(_change(c, rng))
    out.append(text[pos:])
    return "".join(out)


def _change(c: str, rng: random.Random) -> str:
    if c == " ":
        return "" if rng.random() < 0.5 else "."
    lower = c.lower()
    if lower in CONFUSIONS and rng.random() < 0.5:
        new = rng.choice(CONFUSIONS[lower])
        return new.upper() if c.isupper() and len(new) == 1 else new
    r = rng.random()
    if r < 0.4:
        return rng.choice(_LETTERS)
    if r < 0.7:
        return ""
    return c + rng.choice(_LETTERS)
