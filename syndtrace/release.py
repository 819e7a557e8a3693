"""Press releases: the marks that tell a release from the news written from it.

News is written from press releases, never the other way round, and a
release's dates say little (it is dated when posted, the stories when the
embargo lifts: often the day before). So a release is told by its text:

* a header near the top: "Press Release", "Acupuncture in Medicine Press
  Release", "Press Release from Thorax: 23 February 2017", "News release",
  "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL ...", "PUBLIC RELEASE:" (a
  EurekAlert page), "Issued by University of Leicester Press Office on 9
  February 2016";
* a journal's own study announced in the opening, when the document's
  outlet is that journal: "finds a study in The BMJ today"; or a study
  "published online in the journal Sexually Transmitted Infections", when
  the outlet publishes journals (``data/publishers.txt``: the BMJ's
  releases name the journal, not the publisher);
* furniture at the foot, each on a line of its own: "[Ends]", "ENDS", "###",
  "Notes to editors", "Notes for editors", "Editor's notes", "About the
  journal", "Media contact", "For media enquiries contact ...", "... are
  available for interview", a press office's address.

A news story prints none of these as lines of their own ("said in a press
release" is prose, not a header; "Trading Halted Pending News Release" is a
headline about one). Each mark becomes a ``Credit`` of kind
``press-release`` naming the issuer when the header names one: the release
credits its text to itself. The record itself may say so too: an outlet
field of "press release" (``names_a_release``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from syndtrace.anchored import FOLD_SPECIAL, finditer_lines
from syndtrace.model import Credit, Document
from syndtrace.names import canonical, data_rows, outlet_key

RELEASE_KIND = "press-release"
_HEAD_CHARS = 600  # how far into the body a release header stands
# A header line: the issuer may precede ("Acupuncture in Medicine Press Release") or follow
# ("Press Release from Thorax: 23 February 2017").
_HEADER = re.compile(
    r"^[ \t*_#]*(?:(?P<before>[A-Z][\w&.,'’ -]{1,80}?)[ \t]+)?(?:press|news|media)[ \t]+release\b"
    r"(?:[ \t]+(?:from|by)[ \t]+(?P<after>[A-Z][\w&.'’ -]{1,80}?))?[ \t]*(?::[^\n]{0,60})?$"
    r"|^[ \t*_#]*(?:for immediate release|embargo(?:ed)?\b[^\n]{0,80}|public release[ \t]*:[^\n]{0,60})$"
    # "Issued by University of Leicester Press Office on 9 February 2016"
    r"|^[ \t*_#]*issued[ \t]+by[ \t]+(?:the[ \t]+)?(?P<office>[A-Z][\w&.,'’ -]{1,80}?)[ \t]+press[ \t]+office\b[^\n]{0,60}$",
    re.I | re.M,
)
# A line about a release, not a release's header: a headline "Endotronics Halted Pending News
# Release" (a 1987 Reuters story) ends in the words, but a preposition or a participle stands
# before them where a header names its issuer ("The BMJ Press Release").
_ABOUT_A_RELEASE = re.compile(
    r"\b(?:pending|awaiting|after|before|following|ahead[ \t]+of|in|on|of|for|from|with|without|per|via|by|"
    r"issued|issues|issue|sent|sends|send|posted|posts|put[ \t]+out|released|releases|publish(?:ed|es)?)$",
    re.I,
)


def _head_headers(text: str, body_start: int) -> Iterator[re.Match]:
    """``_HEADER``'s matches (line by line) in the first ``_HEAD_CHARS`` of the body, less the lines about a release.

    Only an opening holding a header's words is searched.
    """
    end = min(len(text), body_start + _HEAD_CHARS)
    low_head = text[body_start:end].lower()
    if not ("release" in low_head or "embargo" in low_head or "issued by" in low_head):
        return
    for m in finditer_lines(_HEADER, text, body_start, end):
        before = (m.group("before") or "").strip()
        if not (before and _ABOUT_A_RELEASE.search(before)):
            yield m


# Foot furniture, each a line of its own (or the start of one). The first group (an end mark,
# notes to editors) only a release prints; the rest (a journal's blurb, a media contact) news
# sites print too, in their own footers ("For media inquiries: ..."): two of them are needed.
_FOOT_MARKS = (
    r"(?P<strong>"
    r"\[?[ \t]*-*[ \t]*ends?[ \t]*-*[ \t]*\]?[ \t]*$"
    r"|#{3}[ \t]*$"
    r"|notes?[ \t]+(?:to|for)[ \t]+editors?\b"
    r"|editors?['’]?s?[ \t]+notes?\b)",
    r"about[ \t]+the[ \t]+(?:journal|university|study|research|institute|college|trust|foundation)[ \t]*:?[ \t]*$",
    r"media[ \t]+(?:contacts?|enquiries|inquiries)\b",
    r"press[ \t]+(?:contacts?|enquiries|inquiries)\b",
    r"for[ \t]+media[ \t]+(?:enquiries|inquiries)\b",
    r"for[ \t]+(?:further|more)[ \t]+information,?[ \t]+(?:please[ \t]+)?contact\b",
)
_FOOT_LONG = (
    r"[^\n]{0,120}\b(?:is|are)[ \t]+available[ \t]+for[ \t]+interview",
    # A press office's address: the line gives an e-mail address or a telephone number.
    r"(?=[^\n]{0,300}?(?:@[\w-]+\.|\+?\d[\d ()-]{7,}\d))[^\n]{0,160}\bpress[ \t]?office\b",
)
_FOOT = re.compile(r"^[ \t*_]*(?:" + "|".join(_FOOT_MARKS + _FOOT_LONG) + ")", re.I | re.M)
# The same without its last two branches, which scan the whole line (tens of microseconds a
# line): on a line holding neither "available" and "interview" nor "press" and "office" they
# cannot match, and the rest match as in ``_FOOT``. A line holding none of ``_MARK_WORDS``
# either (in its lower case) is not tried at all.
_FOOT_SHORT = re.compile(r"^[ \t*_]*(?:" + "|".join(_FOOT_MARKS) + ")", re.I | re.M)
_MARK_WORDS = ("end", "press", "about", "media", "editor", "information", "###")
_FOOT_KEYS = (
    "end", "###", "editor", "about the", "media", "press", "information", "interview",
)  # fmt: skip
_OUTLET_SAYS = re.compile(r"\b(?:press|news|media)[ \t]+release\b|\bpress[ \t]+office\b", re.I)
_PRESS_OFFICE = re.compile(r"(?:the[ \t]+)?(?P<name>[A-Z][\w&'’-]*(?:[ \t]+(?:of|for|and|&)?[ \t]*[A-Z][\w&'’-]*){0,5})[ \t]+[Pp]ress[ \t]?[Oo]ffice")


def release_marks(text: str, body_start: int = 0, outlet: str | None = None) -> tuple[Credit, ...]:
    """The press-release marks in ``text[body_start:]``, as ``Credit``s of kind ``press-release``.

    Empty unless the text reads as a release: a header, an end mark or notes
    to editors, two other foot marks (module docstring), or, when ``outlet``
    (the document's own, from its record) is a journal, its opening
    announcing its own study ("finds a study in The BMJ today"). Spans
    index ``text``. ``source`` is the issuer a header or a press office
    names ("Thorax", "University of Leeds"), else "press release".
    """
    marks: list[Credit] = []
    strong = 0
    head_end = min(len(text), body_start + _HEAD_CHARS)
    own = _own_study(text, body_start, head_end, outlet) or _publisher_study(text, body_start, head_end, outlet)
    if own is not None:
        marks.append(own)
        strong += 1
    for m in _head_headers(text, body_start):
        issuer = (m.group("before") or m.group("after") or m.group("office") or "").strip(" ,.:-")
        marks.append(Credit(RELEASE_KIND, _issuer(issuer), m.start(), m.end(), m.group(0).strip()))
        strong += 1
    low = text.lower()
    if any(key in low for key in _FOOT_KEYS):
        for m in _foot_marks(text, body_start, low):
            line = m.group(0).strip()
            office = _PRESS_OFFICE.search(line)
            marks.append(Credit(RELEASE_KIND, _issuer(office.group("name") if office else ""), m.start(), m.end(), line))
            strong += m.group("strong") is not None
    weak = len({c.text.lower() for c in marks}) - strong
    return tuple(marks) if strong or weak >= 2 else ()


# The marks a release alone prints as a line of its own: an end mark, notes to editors.
_STRONG_FOOT = re.compile(r"^[ \t*_]*" + _FOOT_MARKS[0], re.I | re.M)
_SHORT_LINE = 60  # an end mark padded longer than this ("-------- ENDS --------") is missed: a hint may miss


def release_hint(text: str, body_start: int = 0, outlet: str | None = None) -> bool:
    """Whether ``text`` shows a release's strongest marks, read cheaply: for the index, before any analysis.

    The record's outlet names a release (``names_a_release``), a header
    stands near the top, or an end mark or notes to editors stands at a
    line's start: each alone makes ``release_marks`` call the text a
    release. The weaker signs (two foot marks, a journal's own study) take
    longer to read and are left to the analysis: a hint may miss a release,
    never names what no mark shows.
    """
    if names_a_release(outlet) or next(_head_headers(text, body_start), None):
        return True
    # Line by line, trying the pattern only where it can match: an end mark is a short line of its
    # own ("[Ends]", "- ENDS -", "###"); notes to editors name the editor. (Lower-casing whole
    # articles to find the words took twice the time.)
    editors = "ditor" in text or "DITOR" in text
    at = body_start
    for line in text[body_start:].split("\n"):
        if (
            line
            and (len(line) <= _SHORT_LINE or (editors and ("ditor" in line or "DITOR" in line)))
            and _STRONG_FOOT.match(text, at)
        ):
            return True
        at += len(line) + 1
    return False


# A journal's release announces a study in the journal itself, in its opening: "finds a study in
# The BMJ today", "published today in The Lancet", "reports a study published by The BMJ this week".
# A news story copying the sentence says so of another outlet's journal, not its own.
_OWN_STUDY = re.compile(
    r"(?:\b(?:finds|reports|shows|suggests|according[ \t]+to)[ \t]+(?:an?[ \t]+|new[ \t]+|the[ \t]+)*)?"
    r"\b(?:published|appears?|study|research|paper|trial|analysis|review)\b[^.\n]{0,40}?\b(?:in|by)[ \t]+"
    r"(?:the[ \t]+journal[ \t]+)?(?P<name>(?:The[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,4})"
    r"[ \t]+(?:today|this[ \t]+week)\b"
    r"|\bpublished[ \t]+(?:today|this[ \t]+week)[ \t]+in[ \t]+(?:the[ \t]+journal[ \t]+)?"
    r"(?P<name2>(?:The[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,4})"
)


# A study announced in the opening as published in a journal: "reveals research published online in
# the journal Sexually Transmitted Infections", "published in the online edition of Postgraduate
# Medical Journal", "warn doctors in the journal Injury Prevention".
_IN_A_JOURNAL = re.compile(
    r"\bpublished(?:[ \t]+(?:online|today|this[ \t]+week))*[ \t]+(?:in|by)[ \t]+(?:the[ \t]+)?(?:online[ \t]+)?"
    r"(?:edition[ \t]+of[ \t]+(?:the[ \t]+)?)?(?:journal[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:of|and|&|in|for)?[ \t]*[A-Z][\w&'’-]*){0,6}"
    r"|\bin[ \t]+the[ \t]+(?:online[ \t]+)?journal[ \t]+[A-Z][\w&'’-]*(?:[ \t]+(?:of|and|&|in|for)?[ \t]*[A-Z][\w&'’-]*){0,6}"
)


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    """``data/publishers.txt``: each name's and alias's outlet key -> the publisher's canonical name."""
    return {outlet_key(name): names[0] for names in data_rows("publishers.txt") for name in names}


def _publisher_study(text: str, start: int, end: int, outlet: str | None) -> Credit | None:
    """The opening's announcement of a study in a journal, when ``outlet`` (the document's own) is a
    scholarly publisher (``data/publishers.txt``): its press office's release, as a mark, or None."""
    publisher = _publishers().get(outlet_key(outlet)) if outlet else None
    if publisher is None or ("journal" not in text[start:end].lower() and "published" not in text[start:end]):
        return None
    m = _IN_A_JOURNAL.search(text, start, end)
    return Credit(RELEASE_KIND, publisher, m.start(), m.end(), m.group(0)) if m else None


def _own_study(text: str, start: int, end: int, outlet: str | None) -> Credit | None:
    """The phrase of the opening announcing a study in ``outlet`` itself ("finds a study in The BMJ
    today"), as a release mark, or None. ``[start, end)`` is the opening, in ``text``."""
    if not outlet or ("today" not in text[start:end] and "this week" not in text[start:end]):
        return None
    own = outlet_key(outlet)
    for m in _OWN_STUDY.finditer(text, start, end):
        if outlet_key(m.group("name") or m.group("name2")) == own:
            return Credit(RELEASE_KIND, canonical(outlet), m.start(), m.end(), m.group(0))
    return None


def _foot_marks(text: str, body_start: int, low: str) -> Iterator[re.Match]:
    """``_FOOT.finditer(text, body_start)``, trying each line with the least pattern that can match it.

    ``low`` is ``text.lower()``. A text whose lower case the pattern's
    ignore-case matching may not agree with (characters such as the long s)
    is searched whole.
    """
    if len(low) != len(text) or any(c in text for c in FOLD_SPECIAL):
        return _FOOT.finditer(text, body_start)

    # The lines (by their starts) holding the words each pattern needs: a word holds no line break.
    short = set().union(*(_lines_with(low, word, body_start) for word in _MARK_WORDS))
    long = (_lines_with(low, "interview", body_start) & _lines_with(low, "available", body_start)) | (
        _lines_with(low, "office", body_start) & _lines_with(low, "press", body_start)
    )

    def choose(start: int, end: int) -> re.Pattern | None:
        return _FOOT if start in long else _FOOT_SHORT if start in short else None

    return finditer_lines(_FOOT, text, body_start, choose=choose)


def _lines_with(text: str, word: str, pos: int) -> set[int]:
    """The starts of the lines of ``text`` that hold ``word`` at or after ``pos``."""
    found = set()
    at = text.find(word, pos)
    while at >= 0:
        found.add(text.rfind("\n", 0, at) + 1)
        at = text.find(word, at + 1)
    return found


def foot_spans(text: str, marks: tuple[Credit, ...], body_start: int = 0) -> tuple[tuple[int, int], ...]:
    """Paragraph spans of a release's foot: from its first foot mark in the second half of the body on.

    "[Ends]", "Notes for editors", "About the journal", media contacts: what
    follows is the issuer's furniture (the journal's blurb, the press
    office's address), printed on every release it sends. Two releases of one
    issuer share it, and that is not one reusing the other. A mark in the
    first half is not trusted to end anything.
    """
    from syndtrace.paragraphs import paragraph_spans

    half = body_start + (len(text) - body_start) // 2
    starts = [c.start for c in marks if c.start >= half and _FOOT.match(text, c.start)]
    if not starts:
        return ()
    foot = min(starts)
    return tuple((s, e) for s, e in paragraph_spans(text, body_start) if e > foot)


def _issuer(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    publisher = _publishers().get(outlet_key(name)) if name else None
    if publisher is not None:
        return publisher  # "The BMJ Press Release": a publisher's initials are its name
    # A header's words before "Press Release" may be a date or a section ("SCIENCE NEWS"), not a name.
    if not name or not re.search(r"[a-z]", name) or re.match(r"^\d", name):
        return "press release"
    return name


def names_a_release(outlet: str | None) -> bool:
    """Whether a record's outlet field says the document is a press release ("press release", "X Press Office")."""
    return bool(outlet and _OUTLET_SAYS.search(outlet))


def is_release(doc: Document) -> bool:
    """Whether ``doc`` is a press release: a mark in its text, or its record says so."""
    return names_a_release(doc.outlet) or any(c.kind == RELEASE_KIND for c in doc.credits)


def release_evidence_line(doc: Document) -> str:
    """What shows ``doc`` to be a press release, for an evidence sentence."""
    mark = next((c for c in doc.credits if c.kind == RELEASE_KIND), None)
    if mark is not None:
        return f'"{mark.text[:80]}"'
    return f'its outlet is given as "{doc.outlet}"'
