"""Dates as news prints them, turned into ISO ``YYYY-MM-DD``.

Recognised: "February 10, 2020", "Feb. 10, 2020", "7 February 2020",
"2020-02-07" (optionally with a time, kept as given), "10/02/2020" is *not*
read (day/month order is ambiguous). A date without a year ("Jan. 2") is not
a publication date and is ignored.
"""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{name}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_PATTERN = re.compile(
    r"\b(?:"
    + _MONTH.format(name="m1")
    + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format(name="m2")
    + r",?\s+(?P<y2>(?:19|20)\d\d)"
    + r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)"
    + r")\b"
)


def iso_from_match(m: re.Match) -> str | None:
    """The ISO form of a ``DATE_PATTERN`` match, or ``None`` for an impossible date."""
    if m.group("iso"):
        return m.group("iso")
    month_word = m.group("m1") or m.group("m2")
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y1") or m.group("y2"))
    month = _MONTHS[month_word[:4].lower().rstrip(".")] if month_word[:4].lower() == "sept" else _MONTHS[month_word[:3].lower()]
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Every full date in ``text[start:end]`` as ``(start, end, iso)`` spans of ``text``."""
    found = []
    for m in DATE_PATTERN.finditer(text, start, len(text) if end is None else end):
        iso = iso_from_match(m)
        if iso:
            found.append((m.start(), m.end(), iso))
    return found


def parse_date(value: str) -> str | None:
    """Normalise a date given in metadata (front matter, a record) to ISO, if it reads as one."""
    value = value.strip()
    m = DATE_PATTERN.search(value)
    return iso_from_match(m) if m else None


def day_of(iso: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date-time, for comparing publication days."""
    return iso[:10] if iso and len(iso) >= 10 else None
