"""Publisher boilerplate in a single article, recognised by its wording.

Disclaimers, navigation and share bars, reprint and copyright notices, membership,
newsletter and comment prompts, section headers ("Region: ... Theme: ..."),
photo captions and credits. Such paragraphs are never reported as shared
passages, but they stay in the text: credits live there and the metadata
stage reads them. Boilerplate learned from a corpus (text repeated across
one outlet's stories) is ``syndtrace.corpus_boilerplate``'s job.
"""

from __future__ import annotations

import re

from syndtrace.paragraphs import paragraph_spans

# A paragraph that *starts* like this is publisher furniture.
_STARTS = re.compile(
    r"^\W*(?:note to readers|disclaimer|comment on .{0,60}?articles|become a member|articles by\s*:|"
    r"for media inquiries|share this|share on|subscribe\b|sign up\b|click here|follow us\b|"
    r"read more\b|related\s*:|related articles|advertisement\b|copyright\b|©|\(c\)\s*\d{4}|"
    r"all rights reserved|this material may not be|the original source of this article|"
    r"this (?:article|story|piece|post) (?:was )?(?:first|originally) (?:appeared|published)|"
    r"originally published|reprinted (?:with|by)|republished (?:with|from)|support (?:our|independent)|"
    r"help us deliver|we rely on|donate\b|newsletter\b|get the latest|by signing up|"
    r"photo\s*:|image\s*:|credit\s*:|caption\s*:|file photo|\(ap photo|in this .{0,120}? (?:file )?photo|"
    r"watch\s*:|video\s*:|listen\s*:|top stories|more from|trending|you may also like|"
    r"region\s*:|theme\s*:|in-depth report\s*:|tags\s*:|filed under|posted in|"
    r"by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$)",
    re.I,
)
_SIGN_OFF_PATTERN = r"\W*(?:additional )?(?:reporting|writing|editing) by\b"
# Phrases that mark a paragraph as boilerplate wherever they stand in it.
_ANYWHERE = re.compile(
    r"contains copyrighted material|fair use|grants permission to cross-post|all rights reserved|"
    r"may not be published, broadcast|terms of (?:use|service)|privacy policy|cookie|"
    r"\(AP Photo\b|Getty Images|/ Reuters\)|\bPhoto: |In-depth Report:|"
    r"authoritative record of .{0,40}programming|transcript (?:provided|produced) by|"
    # newsletter prompts, whatever words lead into them ("Get The Pinecrest Times in your inbox: ...")
    r"in your inbox|subscribe to our\b|sign up for (?:our|the \w+(?: \w+){0,3}) newsletter|"
    # a wire's sign-off: "Reporting by Jane Roe; Editing by John Doe"
    r"^" + _SIGN_OFF_PATTERN,
    re.I,
)
# The sign-off alone: the only branch of _ANYWHERE a paragraph whose only key is " by " can match.
_SIGN_OFF = re.compile(_SIGN_OFF_PATTERN, re.I)
# Literal pieces of every _ANYWHERE alternative: a paragraph with none of them
# cannot match, and `in` on a lower-cased paragraph is far cheaper than the regex.
_ANYWHERE_KEYS = (
    "copyrighted", "fair use", "cross-post", "rights reserved", "may not be published", "terms of",
    "privacy policy", "cookie", "ap photo", "getty images", "/ reuters)", "photo: ", "in-depth report",
    "authoritative record", "transcript", "in your inbox", "subscribe to our", "newsletter", " by ",
)  # fmt: skip
# A photo credit as captions print it: "(J. Scott Applewhite/Associated Press/File 2019)",
# "(Photo by X / Getty Images)". The slash tells it from a dateline's "(AP) —".
_CAPTION_CREDIT = re.compile(
    r"\([^()\n]{0,80}?[/|]\s*(?:AP|Associated Press|AFP|Getty Images|Reuters|EPA|Bloomberg|Pool)\b[^()\n]{0,40}\)"
)
_CAPTION_WORDS = 120  # longest caption paragraph, in words
# A paragraph of only punctuation or a lone marker ("*", "###", "—").
_FURNITURE = re.compile(r"^[\W_]*$")


def boilerplate_spans(text: str, body_start: int = 0) -> tuple[tuple[int, int], ...]:
    """``[start, end)`` spans of ``text`` (from ``body_start``) that are publisher boilerplate."""
    # A key the whole text lacks is in none of its paragraphs: look for the others only.
    low = text.lower()
    keys = tuple(key for key in _ANYWHERE_KEYS if key in low)
    spans = []
    for start, end in paragraph_spans(text, body_start):
        para = text[start:end]
        if is_boilerplate(para, keys):
            spans.append((start, end))
    return tuple(spans)


# A navigation bar: three or more short items between bars or bullets ("Home | World | Markets").
_NAV = re.compile(r"^\W*[\w&'’.-]+(?: [\w&'’.-]+){0,2}(?:\s*[|•·]\s*[\w&'’.-]+(?: [\w&'’.-]+){0,2}){2,}\W*$")


def is_boilerplate(paragraph: str, keys: tuple[str, ...] | None = None) -> bool:
    """Whether one paragraph reads as publisher furniture rather than story text.

    ``keys``: the ``_ANYWHERE_KEYS`` its text holds, if the caller knows them.
    """
    keys = _ANYWHERE_KEYS if keys is None else keys
    if _FURNITURE.match(paragraph):
        return True
    if ("|" in paragraph or "•" in paragraph or "·" in paragraph) and _NAV.match(paragraph):
        return True
    if _STARTS.match(paragraph):
        return True
    # Long story paragraphs may mention "cookie" or "fair use"; only short ones are furniture.
    if "/" in paragraph and len(paragraph.split()) <= _CAPTION_WORDS and _CAPTION_CREDIT.search(paragraph):
        return True
    if len(paragraph) >= 1200 or not keys:
        return False
    low = paragraph.lower()
    present = [key for key in keys if key in low]
    if not present:
        return False
    if present == [" by "]:  # most paragraphs of news: only the sign-off, at the start, may match
        return bool(_SIGN_OFF.match(paragraph))
    return bool(_ANYWHERE.search(paragraph))
