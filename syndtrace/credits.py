"""Credit lines: the places where an article says whose text it is.

As real pages print them:

* lead-ins: "The original source of this article is Common Dreams",
  "originally published by ...", "This story originally appeared on ...",
  "Republished with permission of ...", "This article is republished from
  The Conversation under a Creative Commons license";
* datelines: "WASHINGTON (Reuters) -", "HELSINKI (AP) —", "(CNN) —", and
  the tags of other scripts' agencies ("(اے پی پی)", "(新华社)"), taken from
  ``data/outlets.txt``;
* bylines: "By Jane Roe, Associated Press", "By The Associated Press",
  "By Jane Roe | Bloomberg", "Jane Roe, USA TODAY", "Jane Roe / The
  Washington Post", "— New York Daily News";
* footers: "Associated Press writer Jane Roe contributed to this report",
  "Distributed by Tribune Content Agency", "©2018 Bloomberg L.P.",
  copyright notices ("Copyright © Jake Johnson, Common Dreams, 2020");
* republication headers ("Global Research, February 10, 2020 Common
  Dreams 7 February 2020").

Lines that only look like credits credit nothing: a poll's name
("Reuters/Ipsos"), a photo credit ("(AP Photo/Evan Vucci)"), "told
Reuters" (a quotation's source: ``syndtrace.attribute``). Each credit
becomes a ``Credit`` with its span in ``Document.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from syndtrace.anchored import finditer_at, finditer_in_lines, finditer_lines, finditer_near
from syndtrace.dates import DATE_PATTERN, iso_from_match
from syndtrace.model import Credit
from syndtrace.names import canonical, dateline_tags, is_agency, known, looks_like_outlet

# A name as credit lines print it: capitalised words, possibly with markup around them.
_NAME = r"(?:<u>)?\*?(?P<src>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:(?:of|and|&|the|de)[ \t]+)?[A-Z0-9][\w.&'’-]*){0,6})\*?(?:</u>)?"

_ORIGINAL = re.compile(r"\bThe original source of this (?:article|story|piece) is\s+" + _NAME)
# The lead-in words are matched in any case; the name itself must be capitalised.
_ORIG_PUB = re.compile(r"(?i:\b(?:was\s+|is\s+)?originally (?:published|posted|appeared) (?:by|in|on|at)\s+(?:the\s+)?)" + _NAME)
_FIRST = re.compile(r"(?i:\b(?:this|the) (?:article|story|piece|post|report) (?:was )?(?:first|originally) (?:appeared|published|ran) (?:in|on|at|by)\s+(?:the\s+)?)" + _NAME)
_REPUB = re.compile(r"(?i:\b(?:republished|reprinted) (?:with (?:the )?permission )?(?:from|by|of)\s+(?:the\s+)?)" + _NAME)
_DISTRIBUTED = re.compile(r"(?i:\b(?:distributed|syndicated) by\s+(?:the\s+)?)" + _NAME)
# "Edited by Wexford Herald staff.", "Compiled by Wexford Herald from wire reports.": the page that
# edited the text before this one ran it.
_EDITED = re.compile(
    r"(?<![^\n])[ \t]*(?i:(?:edited|compiled) by\s+(?:the\s+)?)" + _NAME
    + r"(?=[ \t]+staff\b|[ \t]+(?i:from[ \t]+(?:wire|news[ \t]+agency|agency)[ \t]+reports)\b)"
)
# "Associated Press writer Jane Roe contributed", "The Washington Post's Jane Roe contributed",
# "Reuters contributed to this report".
_CONTRIBUTED = re.compile(
    r"(?P<src>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3})(?:['’]s\b|[ \t]+(?:writers?|reporters?|correspondents?|(?P<staff>staff))\b)?"
    r"[^\n]{0,120}?\b(?:also[ \t]+)?contributed\b[^\n]{0,40}"  # to the line's end: "... contributed to this report."
)
# Capitalised words, as an outlet's name in a copyright notice: "Valley Ledger", "The Ledger-Star".
_CAPITALISED = re.compile(r"(?:The[ \t]+)?[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z0-9][\w.&'’-]*){0,5}")
# Words that stand before "staff contributed" without naming a newsroom ("Our staff", "Other staff").
_NOT_NEWSROOMS = {"our", "other", "additional", "the", "news", "editorial", "newsroom", "wire", "staff"}
# A wire's tagline, printed under every story it sends out: "KFF Health News is a national
# newsroom ...", "Georgia Recorder is part of States Newsroom, a nonprofit news network ...".
_TAGLINE = re.compile(
    r"(?<![^\n])[ \t]*(?P<own>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})[ \t]+is[ \t]+"
    r"(?:(?:a|an|one)[ \t]+(?:of[ \t]+the[ \t]+)?(?:[\w-]+[ \t]+){0,4}?(?:newsroom|news[ \t]+service|news[ \t]+organi[sz]ation|wire|network|agency)\b"
    r"|(?:part|a[ \t]+member|an[ \t]+affiliate)[ \t]+of[ \t]+(?P<parent>(?:the[ \t]+)?[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4}))"
    r"[^\n]*"
)
_DATELINE_REACH = 60  # from the line's start to the agency's "("
_MONTHS = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
# Each lead-in pattern with what ``finditer_near`` needs: the words every match holds, how far
# into a match they may start, whether in any case, and whether white space may stretch that.
_LEAD_INS = (
    ("original-source", _ORIGINAL, ("The original source",), 0, False, False),
    ("originally-published", _ORIG_PUB, ("originally",), len("was"), True, True),
    ("first-appeared", _FIRST, ("first", "originally"), len("this article was "), True, False),
    ("republished", _REPUB, ("republished", "reprinted"), 0, True, False),
    ("distributed", _DISTRIBUTED, ("distributed", "syndicated"), 0, True, False),
    ("edited", _EDITED, ("edited by", "compiled by"), 8, True, False),
)
_BYLINE_REACH = 2000  # characters from the top and from the foot where bylines are looked for
_BYLINE = re.compile(
    r"(?<![^\n])\W*By\s+(?:(?P<author>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,|\s+(?:of|for)|[ \t]*[|/])\s+)?"
    r"(?P<src>(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5})\s*(?:$|\n)"
)
# A staff title after a wire's name: "AP Business Writer", "Associated Press Writer", "PA Political
# Correspondent". The wire is the name before the beat and the role. Not "Staff": "By AFP Staff"
# is American Free Press's own byline, whose initials are Agence France-Presse's tag.
ROLE_WORDS = frozenset(("writer", "correspondent", "reporter", "editor", "columnist"))  # a staff title ends in one
_ROLES = ROLE_WORDS | {"writers", "correspondents", "reporters"}
# A byline without "By": "Jane Roe, USA TODAY", "Jane Roe / The Washington Post", "— New York
# Daily News". Only a known outlet counts here: "Jane Roe, Chicago" is a name and a place.
_BARE_BYLINE = re.compile(
    r"(?<![^\n])[ \t]*(?:(?P<author>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*(?:,|[|/])|[—–-]{1,2})[ \t]*"
    r"(?P<src>(?:The[ \t]+)?[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})[ \t]*(?=\n|$)"
)
_COPYRIGHT = re.compile(r"\b(?:Copyright|COPYRIGHT)\b[ \t]*(?:©|\(c\))?[ \t]*(?P<body>[^\n]{2,160})")
# "©2018 Bloomberg L.P.", "© 2024 The Associated Press": the sign and a year, no "Copyright".
_COPYRIGHT_SIGN = re.compile(r"(?<![\w©])©[ \t]*(?:\d{4}[ \t]*)?(?P<body>[^\n]{2,120})")
# A known outlet's name, or a wire's dateline tag, alone on a line near the top or the foot: "PTI".
_NAME_LINE = re.compile(r"(?<![^\n])[ \t]*(?:[—–-]{1,2}[ \t]*)?(?P<src>[A-Za-z][\w.&' -]{1,40}?)[ \t]*(?=\n|$)")


def find_credits(text: str, body_start: int = 0, known_names: set[str] | None = None) -> tuple[Credit, ...]:
    """Every credit line in ``text[body_start:]``, in text order (duplicates dropped)."""
    credits: list[Credit] = []
    low = text.lower()
    for kind, pattern, keys, reach, fold, spaces in _LEAD_INS:
        for m in finditer_near(pattern, text, keys, reach, body_start, fold=fold, spaces=spaces, lowered=low):
            name = _trim_name(m.group("src"))
            if name:
                credits.append(Credit(kind, canonical(name), m.start(), m.end(), m.group(0).strip()))
    tags = dateline_tags()
    for m in finditer_at(_dateline(), text, _tag_starts(text, tags, body_start), _DATELINE_REACH, body_start):
        group = next(g for g in ("src", "src2", "src3") if m.group(g))
        line = m.group(0).strip()
        credits.append(Credit("dateline", tags[m.group(group)], m.end() - len(line), m.end(), line))
    credits.extend(_script_datelines(text, body_start))
    if "contributed" in text:
        for m in finditer_in_lines(_CONTRIBUTED, text, "contributed", body_start):
            # "Jane Roe contributed" names a person; "Wexford Herald staff contributed", a newsroom.
            if known(m.group("src")) or (m.group("staff") and m.group("src").lower() not in _NOT_NEWSROOMS):
                credits.append(Credit("contributed", canonical(m.group("src")), m.start(), m.end(), m.group(0).strip()))
    if " is " in text:
        for m in finditer_lines(_TAGLINE, text, body_start):
            name = m.group("parent") or m.group("own")
            if is_agency(name):
                credits.append(Credit("tagline", canonical(name), m.start("own"), m.end(), m.group(0).strip()))
    # A credited byline stands at the top or the foot of an article, not in its middle.
    head_end = min(len(text), body_start + _BYLINE_REACH)
    tail_start = max(head_end, len(text) - _BYLINE_REACH)
    # Every byline holds "By"; most articles have none at either end, and the pattern is slow to fail.
    bylines = [
        m for lo, hi in ((body_start, head_end), (tail_start, len(text))) if "By" in text[lo:hi]
        for m in finditer_lines(_BYLINE, text, lo, hi)
    ]
    for m in bylines:
        src = _titled(m.group("src")) or m.group("src")
        if (known(src) or (m.group("author") and looks_like_outlet(src))) and len(src.split()) <= 4:
            credits.append(
                Credit("byline-agency", canonical(src), m.start(), m.end(), m.group(0).strip(), author=m.group("author"))
            )
    tags = dateline_tags()
    for lo, hi in ((body_start, head_end), (tail_start, len(text))):
        for m in finditer_lines(_NAME_LINE, text, lo, hi):
            name = tags.get(m.group("src").strip(), m.group("src").strip())
            outlet = known(name)
            # A wire or a known publisher alone on a line is a byline ("PTI", "The Washington Post");
            # a bare "CP" is too short to trust, and a portal credits nothing of its own.
            if outlet and outlet.kind != "portal" and m.group("src").strip() not in ("CP",):
                line = m.group(0).strip()
                credits.append(Credit("byline-agency", canonical(name), m.end() - len(line), m.end(), line))
        for m in finditer_lines(_BARE_BYLINE, text, lo, hi):
            src = _titled(m.group("src")) or m.group("src")
            if known(src) and not m.group(0).lstrip().startswith("By "):
                line = m.group(0).strip()
                credits.append(Credit("byline-agency", canonical(src), m.end() - len(line), m.end(), line, author=m.group("author")))
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


def _titled(src: str) -> str | None:
    """The known wire or outlet a byline's staff title names: "AP Business Writer" -> "AP"; else None.

    The longest known name (or wire's dateline tag) the title opens with,
    before at least its role word: "Associated Press Writer" -> "Associated
    Press", "PA Political Correspondent" -> "Press Association". A title
    after no known name ("Staff Writer") names no outlet.
    """
    words = src.split()
    if len(words) < 2 or words[-1].lower() not in _ROLES:
        return None
    tags = dateline_tags()  # a wire's dateline tag too: "PA Political Correspondent"
    for k in range(len(words) - 1, 0, -1):
        name = " ".join(words[:k])
        if known(name):
            return name
        if name in tags:
            return tags[name]
    return None


def _tag_starts(text: str, tags: dict[str, str], pos: int) -> list[int]:
    """Where a "(TAG)" of a dateline tag stands in ``text[pos:]``, in order.

    As ``finditer_near`` would find them by looking for each tag, but with one
    pass over the text's "(": a tag holds no ")", so the first ")" after a
    "(" closes the only tag that can stand there.
    """
    longest = max(map(len, tags), default=0)
    found = []
    at = text.find("(", pos)
    while at >= 0:
        close = text.find(")", at + 1, at + 2 + longest)
        if close > 0 and text[at + 1 : close] in tags:
            found.append(at)
        at = text.find("(", at + 1)
    return found


@lru_cache(maxsize=1)
def _script_dateline() -> tuple[re.Pattern, tuple[str, ...]] | None:
    """The datelines of agencies that print theirs in their own script, and those tags.

    Chinese agencies open a story with the tag and its dispatch, "新华社北京6月3日电"
    (Xinhua, Beijing, June 3, dispatch); Chinese and Japanese papers bracket a
    wire's tag in full-width or lenticular brackets anywhere on a line:
    "（新华社）", "【共同】".
    """
    tags = sorted((t for t in dateline_tags() if not t.isascii()), key=len, reverse=True)
    if not tags:
        return None
    names = "|".join(map(re.escape, tags))
    pattern = re.compile(
        r"(?<![^\n])[ \t\u3000]{0,3}(?P<src>" + names + r")[^\n]{0,24}?电"
        r"|[（【](?P<src2>" + names + r")[）】]"
    )
    return pattern, tuple(tags)


def _script_datelines(text: str, body_start: int) -> list[Credit]:
    """Credits from the datelines of ``_script_dateline`` in ``text[body_start:]``."""
    found = _script_dateline()
    if found is None or text.isascii():
        return []
    pattern, keys = found
    tags = dateline_tags()
    out = []
    # A tag stands at most three characters (white space) after a dispatch's start, one after a bracket.
    for m in finditer_near(pattern, text, keys, 3, body_start):
        tag = m.group("src") or m.group("src2")
        out.append(Credit("dateline", tags[tag], m.start(), m.end(), m.group(0).strip()))
    return out


def _trim_name(name: str) -> str:
    # Credit lines run on into the next sentence ("Common Dreams Copyright ..."): stop at such words.
    name = re.split(r"\s+(?:Copyright|and is|under|on \w+day|All|with|via|where)\b", name)[0]
    return name.strip(" .,;:*")


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    """A dateline: up to 60 characters from a line's start, then "(TAG)" and a dash.

    Tags in Latin letters need the dash: "the Associated Press (AP) said" is
    prose. Other scripts' agencies print theirs without one ("(اے پی پی)").
    """
    latin = sorted((t for t in dateline_tags() if t.isascii()), key=len, reverse=True)
    other = sorted((t for t in dateline_tags() if not t.isascii()), key=len, reverse=True)
    # "WASHINGTON (Reuters) -"; "Brussels, March 16 (EFE).-"; "NEW DELHI, March 31 (PTI) The ...",
    # where a date before the tag shows it is a dateline even without a dash.
    tags = "|".join(map(re.escape, latin))
    alternatives = [
        r"\((?P<src>" + tags + r")\)\s*(?:[-—–]|\.-)",
        r"(?:" + _MONTHS + r")\.?[ \t]+\d{1,2}[ \t]*\((?P<src3>" + tags + r")\)",
    ]
    if other:
        alternatives.append(r"\((?P<src2>" + "|".join(map(re.escape, other)) + r")\)")
    # (?<![^\n]): at a line's start, also where a search begins after front matter.
    return re.compile(r"(?<![^\n])[^\n]{0,60}?(?:" + "|".join(alternatives) + ")")


def _copyrights(text: str, body_start: int) -> list[Credit]:
    found = []
    if "©" in text:
        for m in finditer_near(_COPYRIGHT_SIGN, text, ("©",), 0, body_start):
            parts = re.split(r"(\.\s|\s+All rights|,|\s+-\s+)", m.group("body"), maxsplit=1)
            name = parts[0].strip()
            # A known outlet ("© Bloomberg L.P."), or a publisher's notice: "© Valley Ledger. All rights
            # reserved." (a bare "© Jane Roe" under a photo credits the photo).
            reserved = len(parts) > 2 and (parts[1] + parts[2]).lstrip(". ").lower().startswith("all rights")
            name = next((n for n in (name, name.strip(" .")) if known(n)), None) or (
                name.strip(" .") if reserved and _CAPITALISED.fullmatch(name.strip(" .")) else None
            )
            if name:
                found.append(Credit("copyright", canonical(name), m.start(), m.end(), m.group(0).strip()))
    for m in finditer_near(_COPYRIGHT, text, ("Copyright", "COPYRIGHT"), 0, body_start):
        body = re.sub(r"</?u>|[*_]", "", m.group("body"))
        body = re.split(r"\.\s|\s+All rights|\s+This material", body)[0]
        items = [p.strip(" .") for p in re.split(r",|\s+-\s+", body)]
        items = [p for p in items if p and not re.fullmatch(r"(?:\d{4}\s*)+", p)]
        items = [re.sub(r"^\d{4}(?:\s*[-–]\s*\d{4})?\s+", "", p) for p in items]  # "2005-2020 The Sunnyvale Post"
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
    credited = {c.source for c in credits}
    # A known name counts only where a credit names it too: most articles have no such name
    # and are spared the date search.
    names = {c.source for c in credits if c.kind != "dateline"} | (known_names & credited)
    head_end = min(len(text), body_start + 1500)
    # Only a name standing in the head can come before one of its dates: most heads hold none.
    names = {name for name in names if text.find(name, body_start, head_end) >= 0}
    if not names:
        return []
    found = []
    for m in DATE_PATTERN.finditer(text, body_start, head_end):
        before = text[max(body_start, m.start() - 80) : m.start()].rstrip(" ,")
        for name in names:
            if before.endswith(name):
                start = m.start() - (len(text[max(body_start, m.start() - 80) : m.start()]) - len(before)) - len(name)
                found.append(
                    Credit("republished", name, start, m.end(), text[start : m.end()], date=iso_from_match(m))
                )
    return found
