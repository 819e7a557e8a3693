"""Attribute stage, part 1: to whom does the text around a passage attribute it?

Looks in the passage's own paragraph (and, for a block quote introduced by a
line ending in a colon, "The Times added in detail:", the paragraph before)
for attribution phrases: "told the Times", "the Times reported", "according
to Reuters", "CNN reported". Only news organisations become attributions
(people quoted are speakers, not sources). Short names are resolved against
longer ones in the same article: "the Times" is "The New York Times" when the
article names the New York Times anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from syndtrace.model import Document, Passage
from syndtrace.names import canonical, known, names_an_outlet
from syndtrace.normalize import blank_markup

_NAME = r"\*?(?P<{g}>(?:[A-Z][\w.&'’-]*)(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.&'’-]*){{0,4}})\*?"
# The leading lookahead only skips positions no branch can start at (it lets the
# regex engine skip ahead instead of trying both branches at every character).
_ATTRIBUTION = re.compile(
    # The lead-in opens a sentence as often as not: "According to the Times, ...".
    r"(?=[tarcqiwA-Z*])(?:\b(?:[Tt]old|[Aa]ccording to|[Rr]eported by|[Cc]ited by|[Qq]uoted by|[Qq]uoted in|[Ii]n an interview with|"
    r"[Ww]rote in|[Ww]riting in|[Tt]elling)"
    r"[ \t]+(?:the[ \t]+)?"
    # "told the British newspaper The Guardian": a description may stand between lead-in and name.
    r"(?:(?:[A-Z][\w-]*[ \t]+)?(?:magazine|newspaper|daily|weekly|tabloid|broadcaster|news agency|news service|"
    r"website|news site|network|channel|station)[ \t]+)?" + _NAME.format(g="after")
    + r"|(?:\b[Tt]he[ \t]+)?" + _NAME.format(g="before")
    # One word may stand between the name and the verb ("the Times also said", "the Post newspaper
    # reported"), but not a person of it ("a Gazette spokesman said" is the Gazette's voice, not its
    # reporting), nor "reports": "Press reports said" are many outlets' reports.
    + r"[ \t]+(?:(?!(?:spokes(?:man|woman|person)|officials?|executives?|chairman|president|sources?|reports?)\b)\w+[ \t]+)?"
    r"(?:reported|reports|added|wrote|writes|noted|revealed|said|says|tweeted|published)\b)"
)
# How far around a passage an attribution phrase may stand.
_WINDOW = 160


_CAPITALISED = re.compile(r"(?:[A-Z][\w.&'’-]*[ \t]+){1,4}[A-Z][\w.&'’-]*")


@dataclass(frozen=True, slots=True)
class _Context:
    """Per-document data attribution needs, computed once per document."""

    doc: Document
    text: str  # markup blanked, offsets unchanged
    # (start, end) or its windows -> attribution: in a family of n copies one span recurs in n - 1 pairs.
    seen: dict = field(default_factory=dict)
    # name -> resolved outlet; built lazily, as most windows name no one worth resolving.
    resolved: dict = field(default_factory=dict)
    # line (start, end) -> its capitalised phrases: a document resolves many names (every
    # "X said"), often on the same lines.
    lines: dict = field(default_factory=dict)


def attribute_passages(
    passages: list[Passage], docs: dict[str, Document], contexts: dict[str, _Context] | None = None
) -> list[Passage]:
    """Fill ``attribution`` on both sides of every passage.

    ``contexts`` may be kept by the caller across calls (a scan worker attributes
    pair after pair of the same documents): each document is prepared once.
    """
    contexts = {} if contexts is None else contexts

    def context(doc_id: str) -> _Context:
        if doc_id not in contexts:
            contexts[doc_id] = _context(docs[doc_id])
        return contexts[doc_id]

    out = []
    for p in passages:
        a = _near(context(p.a.doc), p.a.start, p.a.end)
        b = _near(context(p.b.doc), p.b.start, p.b.end)
        a, b = _one_name(a, b)
        if a != p.a.attribution or b != p.b.attribution:  # most passages attribute to no one: keep them as they are
            p = replace(p, a=replace(p.a, attribution=a), b=replace(p.b, attribution=b))
        out.append(p)
    return out


def attributions(text: str) -> list[str]:
    """The outlet each attribution phrase of ``text`` names ("the Jakarta Post said"), in text order.

    Each phrase is resolved alone, as the words around a passage are: what
    ``bench/quoted_names.py`` scores on real prose. Phrases naming no outlet
    ("American Express said") give nothing.
    """
    ctx = _context(Document(id="", path=None, text=text))
    found = (_search(ctx, ((m.start(), m.end()),)) for m in _ATTRIBUTION.finditer(ctx.text))
    return [name for name in found if name]


def _one_name(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    """Two sides' attributions of one passage, the short one named as the long one when it ends it.

    One article writes "the Eastport Beacon reported", another, quoting the
    same words, "the Beacon reported": one outlet, named fully by one of them.
    """
    if a and b and a != b:
        short, long = sorted((a, b), key=len)
        if long.endswith(" " + short):
            return long, long
    return a, b


def _context(doc: Document) -> _Context:
    return _Context(doc, blank_markup(doc.text))


def phrases_ending(text: str, name: str, lines: dict | None = None) -> set[str]:
    """The capitalised phrases of 2-5 words in ``text`` that end with ``name`` (and are not just it).

    The phrases are ``_CAPITALISED.finditer(text)``'s matches. No match crosses a
    line break and the pattern looks at nothing outside its match, so a line's
    matches are the same whether the scan starts at the text's start or the
    line's: only the lines that hold ``name`` are scanned (the tests hold this
    to the whole-text scan). ``lines`` keeps each line's phrases for the next name.
    """
    lines = {} if lines is None else lines
    found: set[str] = set()
    at = text.find(name) if name else -1
    while at >= 0:
        end = text.find("\n", at)
        span = (text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end)
        if span not in lines:
            lines[span] = tuple(m.group() for m in _CAPITALISED.finditer(text, *span))
        found.update(p for p in lines[span] if p.endswith(name) and p != name)
        at = text.find(name, span[1])  # the next line holding it (a name holds no line break)
    return found


def _near(ctx: _Context, start: int, end: int) -> str | None:
    key = (start, end)
    if key not in ctx.seen:
        windows = _windows(ctx, start, end)
        # The words around the passage first: '"..., Reuters said. ...," Der Spiegel reported' quotes
        # Der Spiegel, whose report named Reuters. Only the parts outside the span are searched so.
        outside = tuple((lo, hi) for a, b in windows for lo, hi in ((a, min(b, start)), (max(a, end), b)) if lo < hi)
        found = _search(ctx, outside) if outside else None
        if found is None:
            # Spans of one short paragraph share their windows (the whole paragraph): search those once.
            if windows not in ctx.seen:
                ctx.seen[windows] = _search(ctx, windows)
            found = ctx.seen[windows]
        ctx.seen[key] = found
    return ctx.seen[key]


def _windows(ctx: _Context, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Where an attribution of ``[start, end)`` may stand, in the order they are searched."""
    doc, text = ctx.doc, ctx.text
    para_start = text.rfind("\n", doc.body_start, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    lo, hi = max(para_start, start - _WINDOW), min(para_end, end + _WINDOW)
    if hi - lo > 4 * _WINDOW:
        # A long passage: attributions stand at its edges, not deep inside it.
        windows = [(lo, start + 2 * _WINDOW), (end - 2 * _WINDOW, hi)]
    else:
        windows = [(lo, hi)]
    intro_end = para_start - 1
    while intro_end > doc.body_start and text[intro_end - 1].isspace():
        intro_end -= 1
    if intro_end > doc.body_start and text[intro_end - 1] == ":":
        # A block quote: the paragraph that introduces it carries the attribution.
        windows.insert(0, (text.rfind("\n", doc.body_start, intro_end) + 1, intro_end))
    return tuple(windows)


# Words that say the name after them is a news organisation: "the German magazine Der Spiegel".
# Not a bare "agency" ("the EC statistics agency Eurostat"), "paper" ("in the paper Bangemann wrote")
# or "station" ("the power station"): public bodies and documents are described so too.
_DESCRIBED = re.compile(
    r"\b(?:magazine|newspaper|(?:trade|party|business|financial|evening|morning|daily|weekly)[ \t]+paper|daily|"
    r"weekly|tabloid|broadsheet|broadcaster|(?:news|press|wire)[ \t]+agency|news service|website|news site|outlet|"
    r"network|channel|(?:radio|television|TV)[ \t]+station)[ \t]+$"
)


# A capitalised word and "and" or "&" just before a name: the name ends a longer one.
_JOINED = re.compile(r"(?P<before>(?:\b[A-Z][\w.'’-]*[ \t]+){1,4})(?:and|&)[ \t]+$")


def _joined(text: str, at: int) -> bool:
    """Whether the name at ``at`` ends a longer name joined by "and": "American Telephone and
    Telegraph", "McAndrews and Forbes". Not a list of outlets: "From Associated Press and Reuters reports"."""
    if not text[max(0, at - 12) : at].rstrip(" \t").endswith(("and", "&")):
        return False  # most names follow no "and": skip the search
    m = _JOINED.search(text, max(0, at - 60), at)
    if m is None:
        return False
    words = m.group("before").split()
    return not any(known(" ".join(words[i:])) for i in range(len(words)))


def _search(ctx: _Context, windows: tuple[tuple[int, int], ...]) -> str | None:
    for lo, hi in windows:
        for m in _ATTRIBUTION.finditer(ctx.text, lo, hi):
            group = "after" if m.group("after") else "before"
            name = m.group(group)
            if _DESCRIBED.search(ctx.text, max(0, m.start(group) - 40), m.start(group)):
                described = re.sub(r"[*_]", "", name).strip(" .,;:")
                if sentence_tail(described) != described:
                    continue  # "the newspaper Asahi Shimbun. Kuroda said": Kuroda speaks, in a new sentence
                return canonical(described)
            if _joined(ctx.text, m.start(group)):
                continue  # "American Telephone and Telegraph said", "McAndrews and Forbes said": one firm's name
            if name not in ctx.resolved:
                ctx.resolved[name] = _resolve(name, ctx)
            resolved = ctx.resolved[name]
            if resolved:
                return resolved
    return None


def _resolve(name: str, ctx: _Context) -> str | None:
    name = sentence_tail(re.sub(r"[*_]", "", name).strip(" .,;:"))
    if not name:
        return None
    # "the Times" -> the longest capitalised phrase ending in it ("The New York Times").
    candidates = sorted(phrases_ending(ctx.text, name, ctx.lines), key=lambda p: (-len(p), p))
    companies: list[str] = []
    for cand in candidates + [name]:
        cand = _bare(cand)
        if not cand:
            continue
        if known(cand):
            return canonical(cand)
        owned = re.split(r"['’]s[ \t]+", cand)[-1]
        if owned != cand and known(owned):
            return canonical(owned)  # "Turner Broadcasting System Inc's CNN": the owner's name before the outlet's
        if _COMPANY_END.search(cand) or _COMPANY_START.match(cand):
            companies.append(cand)  # its shorter forms ("Standard Oil" of "Standard Oil Co") are it too
        elif names_an_outlet(cand) and cand[0].isupper() and not any(c.startswith(cand) for c in companies):
            return canonical(cand)
    return None


# What stands around a title in prose but is not part of it: an article ("A Gazette"), a descriptor
# ("English-language South China Morning Post"), a possessive ("NBC Television's"), and an agency's
# initials after its name ("the Saudi Press Agency SPA said").
_LEAD = re.compile(r"^(?:(?:The|the|A|An|And|But)(?:[ \t]+|$)|[\w.]+-(?:language|based|owned|run)[ \t]+)")
_TRAIL = re.compile(r"(?:['’]s|(?<=Agency)[ \t]+[A-Z]{2,5})$")


def _bare(cand: str) -> str:
    return _TRAIL.sub("", _LEAD.sub("", sentence_tail(cand)))


# A company's legal name, not a newsroom's, whatever newsroom word it holds: "Federal Express
# Corp said", "Cray Research Inc said", "New York Times Co said" (the publisher's owner); or a
# phrase opening with the end of one ("Corp. Lone Star", run over a full stop).
_COMPANY_END = re.compile(r"\b(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|SA|AG|NV)\.?$")
_COMPANY_START = re.compile(r"(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC)\.?[ \t]")


# A word that ends a sentence: three letters or more, not a short form that takes a full stop
# inside a name ("Federal Express Corp. Unit", "Gov. Smith"); two letters ("Co.", "St.") never do.
_SHORT_FORMS = "Corp|Bros|Assn|Dept|Govt|Intl|Natl|Inc|Ltd|Gov|Sen|Rep|Gen|Col|Capt|Sgt|Rev|Prof|Ave|Blvd|Mrs"
_SENTENCE_END = re.compile(rf"(?<![\w.])(?!(?:{_SHORT_FORMS})\.)[A-Za-z][a-z]{{2,}}\.[ \t]+")


def sentence_tail(phrase: str) -> str:
    """The part of a capitalised phrase after the last sentence it runs across.

    Capitalised words run on over a full stop: "the Asahi Shimbun. Kuroda
    said" holds the phrase "Asahi Shimbun. Kuroda", which names no outlet
    that Kuroda spoke for. Short forms ("Co.", "Corp.") and initials ("U.S.")
    end no sentence.
    """
    ends = list(_SENTENCE_END.finditer(phrase))
    return phrase[ends[-1].end() :] if ends else phrase
