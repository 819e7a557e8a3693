"""Metadata guessed from an article's text: title, byline, outlet, date, credits.

Values given in front matter or a corpus record always win; this stage only
fills what is missing, and records ``text`` as the provenance of what it
guessed. It also marks publisher boilerplate (``syndtrace.boilerplate``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from syndtrace.boilerplate import boilerplate_spans
from syndtrace.credits import ROLE_WORDS, find_credits
from syndtrace.dates import find_dates, parse_date
from syndtrace.model import Document
from syndtrace.names import canonical, known
from syndtrace.paragraphs import paragraph_spans
from syndtrace.release import RELEASE_KIND, foot_spans, release_marks

_MARKUP = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>|[*_#]+")
# A byline's name: capitalised words up to a joining word, which an all-capitals byline capitalises
# too ("By MIA DE GRAAF FOR DAILYMAIL.COM and REUTERS").
_NAME_WORD = r"(?!(?i:for|and|of|at|in|with|from)\b)[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^\W*By[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})", re.M)
# A staff title after the name, not part of it: "By BEN SPENCER MEDICAL CORRESPONDENT FOR THE ...".
_TITLE_WORDS = frozenset(
    "writer correspondent reporter editor columnist chief senior deputy associate political medical health science "
    "business economics education environment consumer crime technology transport sports foreign diplomatic legal "
    "home social affairs defence defense security investigations".split()
)
_STAFF = re.compile(r"^(?P<outlet>.+?)\s+Staff$")
_ARTICLES_BY = re.compile(r"\bArticles by:[ \t]*(?:<u>)?(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")
# Boilerplate that names its own publisher ("Become a Member of Global Research").
_PUBLISHER = re.compile(
    r"\b(?:Become a Member of|Comment on|Subscribe to|Support|Donate to)\s+(?P<name>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3}?)(?:[ \t]+Articles|[ \t]+on\b|[.!]|[ \t]*$)",
    re.M,
)
_PUBLISHER_KEYS = ("Become a Member", "Comment on", "Subscribe to", "Support", "Donate to")
# How far into the body a byline, dateline or publication date may stand.
_HEAD_CHARS = 1500
_HEADLINE_WORDS = 20  # a first paragraph of one line and no more words is a headline
# A header line (a date, a byline with a date) is short; a sentence of the story rarely is.
_HEADER_LINE = 80
_BYLINE_START = re.compile(r"\W*By\s+[A-Z]")  # "By Jake Johnson Global Research, February 10, 2020 ..."
_DATE_LEAD = re.compile(r"\b(?:published|updated|posted|last modified|date)\b[^\n]{0,40}$", re.I)


def enrich(doc: Document) -> Document:
    """Fill title, author, outlet, date and credits from the text where not given."""
    text, start = doc.text, doc.body_start
    provenance = dict(doc.provenance)
    values: dict[str, str | None] = {
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.outlet,
        "date": parse_date(doc.date) or doc.date if doc.date else None,
    }

    def guess(name: str, value: str | None) -> None:
        if value and not values[name]:
            values[name] = value
            provenance[name] = "text"

    paragraphs = paragraph_spans(text, start)
    headline = None
    if paragraphs:
        first = text[paragraphs[0][0] : paragraphs[0][1]].split("\n")[0]
        guess("title", _clean(first)[:300] or None)
        # The first line is the headline when it is the title, or a short line of its own (a record's
        # title field may be the wire's headline while the page prints its own).
        alone = "\n" not in text[paragraphs[0][0] : paragraphs[0][1]] and len(first.split()) <= _HEADLINE_WORDS
        if alone or (values["title"] and _clean(first) == _clean(values["title"])):
            headline = (paragraphs[0][0], paragraphs[0][0] + len(first))

    publishers = (
        [canonical(m.group("name")) for m in _PUBLISHER.finditer(text, start)]
        if any(key in text for key in _PUBLISHER_KEYS)
        else []
    )
    marks = release_marks(text, start, values["outlet"])
    credits = tuple(sorted(find_credits(text, start, set(publishers)) + marks, key=lambda c: (c.start, c.kind)))
    credited = {c.source for c in credits if c.kind in ("original-source", "originally-published", "first-appeared", "republished")}

    # Guesses only fill what is missing: skip the searches whose answer could not be used.
    if not (values["author"] and values["outlet"]):
        author = _author(text, start, credited | set(publishers))
        if author and author.endswith(" Staff"):
            guess("outlet", _STAFF.match(author).group("outlet"))
        guess("author", author)
    own = [p for p in publishers if p not in credited]
    guess("outlet", own[0] if own else None)
    # A release's header names its issuer ("Press Release from Thorax"): the release's own outlet.
    guess("outlet", next((c.source for c in marks if c.kind == RELEASE_KIND and c.source != "press release"), None))
    if not values["date"]:
        guess("date", _publication_date(text, start, credits))

    return replace(
        doc,
        title=values["title"],
        author=values["author"],
        outlet=values["outlet"],
        date=values["date"],
        credits=credits,
        headline=headline,
        provenance=tuple(sorted(provenance.items())),
        boilerplate=tuple(sorted(set(boilerplate_spans(text, start)) | set(foot_spans(text, marks, start)))),
    )


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", _MARKUP.sub("", line)).strip()


def _author(text: str, start: int, names: set[str]) -> str | None:
    # Both patterns hold a fixed string, which most articles lack: look for it first.
    m = _BYLINE.search(text, start, start + _HEAD_CHARS) if "By" in text[start : start + _HEAD_CHARS] else None
    if m:
        name = m.group("name")
        # "By Jake Johnson Global Research, ..." runs into an outlet name: cut it there.
        for outlet in sorted(names, key=len, reverse=True):
            if name.endswith(" " + outlet.split()[0]) or f" {outlet.split()[0]} " in f" {name} ":
                name = name.split(" " + outlet.split()[0])[0]
        words = name.split()
        if words and words[-1].lower() in ROLE_WORDS:  # a title ends in its role: "HEALTH EDITOR"
            while len(words) > 2 and words[-1].lower() in _TITLE_WORDS:  # a name keeps two words
                words.pop()
            if known(" ".join(words)):
                words = name.split()  # "Daily Mail Reporter": a newsroom's staff byline, kept whole
        return " ".join(words) or None
    m = _ARTICLES_BY.search(text, start) if text.find("Articles by:", start) >= 0 else None
    return m.group("name") if m else None


def _publication_date(text: str, start: int, credits) -> str | None:
    """The first full date near the top that stands in a header line, not in the story's prose.

    A page prints its date on a line of its own, or beside its byline or
    outlet ("Global Research, February 10, 2020", "Posted by X at Sep 12,
    2016 10:32 AM", "Published: 3 May 2016"). A date inside a sentence of the
    story ("On February 1, 1987, the company said ...") is what the story is
    about, not when it was published. An original's date in a credit line is
    the original's.
    """
    credit_spans = [(c.start, c.end) for c in credits if c.kind == "republished"]
    for d_start, d_end, iso in find_dates(text, start, start + _HEAD_CHARS):
        if any(s <= d_start and d_end <= e for s, e in credit_spans):
            continue
        line_start = text.rfind("\n", 0, d_start) + 1
        line_end = text.find("\n", d_end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if len(line) <= _HEADER_LINE or _DATE_LEAD.search(text, line_start, d_start) or _BYLINE_START.match(line):
            return iso
    return None
