"""Dates as news prints them, turned into ISO ``YYYY-MM-DD``.

Recognised, for any year from 1600 on: "February 10, 2020", "Feb. 10,
2020", "7 February 2020" (so also RFC 2822's "Mon, 10 Feb 2020 14:00:00
+0000"), the ordinals of older papers ("Jan. 3d, 1857", "3d January 1857",
"the 2d of March, 1790", "3rd Jan. 1857"), "26-FEB-1987" (wire
archives), "2020/02/10", and ISO "2020-02-07" (optionally with a time, kept
as given); in metadata also digits alone ("20200210", GDELT's
"20200210143000", Unix time). "10/02/2020" is read only when the corpus's
order is given (``Settings.date_order``): either order is possible. A date
without a year ("Jan. 2") is not a publication date and is ignored, and so
is an impossible one ("February 30, 2020").

A date given in metadata that none of these reads is kept as given but
never compared: ``day_of`` answers only for real ISO dates, so direction
evidence and date ranges never order strings such as "9-MAR-1987" and
"1-JUN-1987" letter by letter. ``unreadable_date_notes`` tells the user.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timezone

from syndtrace.model import InputNote

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{name}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?:1[6-9]|20)\d\d"  # 1600-2099: archives of old newspapers too
_ORDINAL = r"(?:st|nd|rd|th|d)?"  # "1st", "2d", "3d", "4th": older papers write "2d" and "3d"
DATE_PATTERN = re.compile(
    r"\b(?:"
    + _MONTH.format(name="m1")
    + rf"\s+(?P<d1>\d{{1,2}}){_ORDINAL},?\s+(?P<y1>{_YEAR})"
    + rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?"
    + _MONTH.format(name="m2")
    + rf",?\s+(?P<y2>{_YEAR})"
    # Wire archives: "26-FEB-1987", any letter case.
    + rf"|(?P<d3>\d{{1,2}})-(?P<m3>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))-(?P<y3>{_YEAR})"
    # Year first is unambiguous with slashes too: "2020/02/10".
    + rf"|(?P<y4>{_YEAR})/(?P<m4>[01]?\d)/(?P<d4>[0-3]?\d)"
    + rf"|(?P<iso>(?P<y5>{_YEAR})-(?P<m5>[01]\d)-(?P<d5>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)"
    + r")\b"
)
_ISO_DAY = re.compile(rf"({_YEAR})-([01]\d)-([0-3]\d)")
# Numbers alone, one separator throughout: "10/02/2020", "10.02.2020" (read in a given order).
_NUMERIC = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2({_YEAR})\b")
# Digits alone: "20200210" or GDELT's "20200210143000" (UTC), or Unix time in seconds
# (10 digits) or milliseconds (13), as feeds and databases export it, from 2001 up to
# 2030: later ten-digit values begin "19" or "20" and may be a date with an hour.
_UNIX_END = 1_900_000_000  # 2030-03-17
_COMPACT = re.compile(rf"(?P<y>{_YEAR})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d))?")


def iso_from_match(m: re.Match) -> str | None:
    """The ISO form of a ``DATE_PATTERN`` match, or ``None`` for an impossible date."""
    if m.group("iso"):
        return m.group("iso") if _real(m.group("y5"), m.group("m5"), m.group("d5")) else None
    if m.group("y4"):
        year, month, day = m.group("y4", "m4", "d4")
    else:
        word = m.group("m1") or m.group("m2") or m.group("m3")
        month = str(_MONTHS[word[:3].lower()])
        day = m.group("d1") or m.group("d2") or m.group("d3")
        year = m.group("y1") or m.group("y2") or m.group("y3")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}" if _real(year, month, day) else None


def _real(year: str, month: str, day: str) -> bool:
    """Whether the calendar has this day (no 30 February, no month 13)."""
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Every full date in ``text[start:end]`` as ``(start, end, iso)`` spans of ``text``."""
    found = []
    for m in DATE_PATTERN.finditer(text, start, len(text) if end is None else end):
        iso = iso_from_match(m)
        if iso:
            found.append((m.start(), m.end(), iso))
    return found


def parse_date(value: str, order: str = "") -> str | None:
    """Normalise a date given in metadata (front matter, a record) to ISO, if it reads as one.

    Besides ``DATE_PATTERN``'s forms, a metadata field may hold a date as
    digits alone (``_COMPACT``), which running text never does, and, when
    the corpus's ``order`` is known ("dmy" or "mdy", ``Settings.date_order``),
    as numbers: "10/02/2020", "10.02.2020" (the day only).
    """
    value = value.strip()
    m = DATE_PATTERN.search(value)
    if m:
        return iso_from_match(m)
    if value.isdigit():
        return _compact(value)
    numeric = _NUMERIC.match(value) if order else None
    if numeric is None:
        return None
    first, _, second, year = numeric.groups()
    day, month = (first, second) if order == "dmy" else (second, first)
    return f"{year}-{int(month):02d}-{int(day):02d}" if _real(year, month, day) else None


def _compact(digits: str) -> str | None:
    """A date written as digits alone (``_COMPACT``, or Unix time), in ISO; ``None`` if it is neither."""
    m = _COMPACT.fullmatch(digits)
    if m:
        if not _real(*m.group("y", "m", "d")):
            return None
        day = f"{m.group('y')}-{m.group('m')}-{m.group('d')}"
        return day if m.group("H") is None else f"{day}T{m.group('H')}:{m.group('M')}:{m.group('S')}Z"
    seconds = int(digits) // 1000 if len(digits) == 13 else int(digits)
    if len(digits) in (10, 13) and seconds < _UNIX_END:
        return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def day_of(iso: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or date-time, for comparing publication days.

    ``None`` for anything else, such as a metadata date ``parse_date`` could
    not read: compared as text, "9-MAR-1987" would come after "1-JUN-1987".
    """
    m = _ISO_DAY.match(iso) if iso else None
    return m.group() if m and _real(*m.groups()) else None


def instant_of(iso: str | None) -> datetime | None:
    """The moment an ISO date-time with a time zone names ("2018-06-01T16:48:23-04:00"), else ``None``.

    A day alone, or a time without a zone, is no instant: it cannot be
    ordered against another zone's time.
    """
    if not iso or len(iso) <= 10 or not day_of(iso):
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def unreadable_date_notes(dates: Iterable[tuple[str, int | None, str]], order: str = "") -> list[InputNote]:
    """One note per input file for metadata dates that ``parse_date`` could not read.

    ``dates`` are ``(path, line, value)``, the values as given; ``order`` is
    the one they were read with. Such a date is kept in the output as given,
    but gives no date evidence, which the user should know: a corpus in one
    unread format loses every date.
    """
    first: dict[str, tuple[int | None, str]] = {}
    count: dict[str, int] = {}
    for path, line, value in dates:
        first.setdefault(path, (line, value))
        count[path] = count.get(path, 0) + 1
    notes = []
    for path, (line, value) in first.items():
        n = count[path]
        what = f"the date {value!r} is" if n == 1 else f"{n} records' dates (this one {value!r}) are"
        fix = "it gives" if n == 1 else "they give"
        numeric = ", or name the order of numeric ones with --date-order dmy or mdy" if not order and _NUMERIC.match(value) else ""
        notes.append(
            InputNote(
                path,
                f"{what} not in a form syndtrace reads, so {fix} no evidence of who published first;"
                f" write dates as 2020-02-10 or February 10, 2020{numeric}",
                line,
            )
        )
    return notes
