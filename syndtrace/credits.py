"""Credit lines: the places where an article says whose text it is.

"The original source of this article is Common Dreams", "originally
published by ...", "This article first appeared in ...", wire datelines
("WASHINGTON (AP) —", "(Reuters) -"), agency bylines ("By Jane Roe,
Associated Press", "By The Associated Press"), copyright notices
("Copyright © Jake Johnson, Common Dreams, 2020") and republication headers
("Global Research, February 10, 2020 Common Dreams 7 February 2020").
Each becomes a ``Credit`` with its span in ``Document.text``.
"""

from __future__ import annotations

import re

from syndtrace.anchored import finditer_near
from syndtrace.dates import DATE_PATTERN, iso_from_match
from syndtrace.model import Credit
from syndtrace.names import canonical, known, looks_like_outlet

# A name as credit lines print it: capitalised words, possibly with markup around them.
_NAME = r"(?:<u>)?\*?(?P<src>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:(?:of|and|&|the|de)[ \t]+)?[A-Z0-9][\w.&'’-]*){0,6})\*?(?:</u>)?"

_ORIGINAL = re.compile(r"\bThe original source of this (?:article|story|piece) is\s+" + _NAME)
# The lead-in words are matched in any case; the name itself must be capitalised.
_ORIG_PUB = re.compile(r"(?i:\b(?:was\s+|is\s+)?originally (?:published|posted|appeared) (?:by|in|on|at)\s+(?:the\s+)?)" + _NAME)
_FIRST = re.compile(r"(?i:\b(?:this|the) (?:article|story|piece|post|report) (?:was )?(?:first|originally) (?:appeared|published|ran) (?:in|on|at|by)\s+(?:the\s+)?)" + _NAME)
_REPUB = re.compile(r"(?i:\b(?:republished|reprinted) (?:with permission )?(?:from|by)\s+(?:the\s+)?)" + _NAME)
_DATELINE_AGENCIES = ("AP", "Reuters", "AFP", "UPI", "Bloomberg", "CNN", "dpa")
_DATELINE = re.compile(r"(?:^|\n)[^\n]{0,60}?\((?P<src>" + "|".join(_DATELINE_AGENCIES) + r")\)\s*[-—–]")
_DATELINE_REACH = 61  # from the line break to the agency's "("
# Each lead-in pattern with what ``finditer_near`` needs: the words every match holds, how far
# into a match they may start, whether in any case, and whether white space may stretch that.
_LEAD_INS = (
    ("original-source", _ORIGINAL, ("The original source",), 0, False, False),
    ("originally-published", _ORIG_PUB, ("originally",), len("was"), True, True),
    ("first-appeared", _FIRST, ("first", "originally"), len("this article was "), True, False),
    ("republished", _REPUB, ("republished", "reprinted"), 0, True, False),
)
_BYLINE_REACH = 2000  # characters from the top and from the foot where bylines are looked for
_BYLINE = re.compile(
    r"(?:^|\n)\W*By\s+(?:(?P<author>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,|\s+(?:of|for))\s+)?"
    r"(?P<src>(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*(?:$|\n)"
)
_COPYRIGHT = re.compile(r"\b(?:Copyright|COPYRIGHT)\b[ \t]*(?:©|\(c\))?[ \t]*(?P<body>[^\n]{2,160})")


def find_credits(text: str, body_start: int = 0, known_names: set[str] | None = None) -> tuple[Credit, ...]:
    """Every credit line in ``text[body_start:]``, in text order (duplicates dropped)."""
    credits: list[Credit] = []
    low = text.lower()
    for kind, pattern, keys, reach, fold, spaces in _LEAD_INS:
        for m in finditer_near(pattern, text, keys, reach, body_start, fold=fold, spaces=spaces, lowered=low):
            name = _trim_name(m.group("src"))
            if name:
                credits.append(Credit(kind, canonical(name), m.start(), m.end(), m.group(0).strip()))
    agencies = tuple(f"({agency})" for agency in _DATELINE_AGENCIES)
    for m in finditer_near(_DATELINE, text, agencies, _DATELINE_REACH, body_start):
        credits.append(Credit("dateline", canonical(m.group("src")), m.start("src") - 1, m.end(), m.group(0).strip()))
    # A credited byline stands at the top or the foot of an article, not in its middle.
    head_end = min(len(text), body_start + _BYLINE_REACH)
    tail_start = max(head_end, len(text) - _BYLINE_REACH)
    # Every byline holds "By"; most articles have none at either end, and the pattern is slow to fail.
    bylines = [
        m for lo, hi in ((body_start, head_end), (tail_start, len(text))) if "By" in text[lo:hi]
        for m in _BYLINE.finditer(text, lo, hi)
    ]
    for m in bylines:
        src = m.group("src")
        if known(src) or (m.group("author") and looks_like_outlet(src)):
            credits.append(
                Credit("byline-agency", canonical(src), m.start(), m.end(), m.group(0).strip(), author=m.group("author"))
            )
    credits.extend(_copyrights(text, body_start))
    credits.extend(_republication_header(text, body_start, known_names or set(), credits))
    seen: set[tuple[str, str, int]] = set()
    unique = []
    for credit in sorted(credits, key=lambda c: (c.start, c.kind)):
        key = (credit.kind, credit.source, credit.start)
        if key not in seen:
            seen.add(key)
            unique.append(credit)
    return tuple(unique)


def _trim_name(name: str) -> str:
    # Credit lines run on into the next sentence ("Common Dreams Copyright ..."): stop at such words.
    name = re.split(r"\s+(?:Copyright|and is|under|on \w+day|All|with|via|where)\b", name)[0]
    return name.strip(" .,;:*")


def _copyrights(text: str, body_start: int) -> list[Credit]:
    found = []
    for m in finditer_near(_COPYRIGHT, text, ("Copyright", "COPYRIGHT"), 0, body_start):
        body = re.sub(r"</?u>|[*_]", "", m.group("body"))
        body = re.split(r"\.\s|\s+All rights|\s+This material", body)[0]
        items = [p.strip(" .") for p in re.split(r",|\s+-\s+", body)]
        items = [p for p in items if p and not re.fullmatch(r"(?:\d{4}\s*)+", p)]
        items = [re.sub(r"^\d{4}\s+", "", p) for p in items]
        if not items:
            continue
        outlet = items[-1]
        author = items[0] if len(items) > 1 and not looks_like_outlet(items[0]) else None
        found.append(Credit("copyright", canonical(outlet), m.start(), m.end(), m.group(0).strip(), author=author))
    return found


def _republication_header(text: str, body_start: int, known_names: set[str], credits: list[Credit]) -> list[Credit]:
    """Two "<name>, <date>" pairs near the top: the later-named one is the original.

    Only names already credited elsewhere in the article count, so that an
    ordinary dateline with a date is not mistaken for a republication header.
    """
    names = {c.source for c in credits if c.kind != "dateline"} | known_names
    if not names:
        return []
    head_end = min(len(text), body_start + 1500)
    found = []
    for m in DATE_PATTERN.finditer(text, body_start, head_end):
        before = text[max(body_start, m.start() - 80) : m.start()].rstrip(" ,")
        for name in names:
            if before.endswith(name) and name in {c.source for c in credits}:
                start = m.start() - (len(text[max(body_start, m.start() - 80) : m.start()]) - len(before)) - len(name)
                found.append(
                    Credit("republished", name, start, m.end(), text[start : m.end()], date=iso_from_match(m))
                )
    return found
