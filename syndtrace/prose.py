"""Where a page's prose starts: is there a paragraph of it before a given offset?

Three-way evidence (``syndtrace.chains``) asks, of another copy of a story,
whether it has a lede of its own before the text it shares: a write-thru's
lede stands there, or only a headline, a byline or a menu. A scan's
documents hold no text (``model``), so the question is answered from a few
offsets worked out once per document from its text, read back when first
needed; ``prose_before`` gives what the plain reading of the text would.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PROSE_WORDS = 15  # a line this long is a paragraph of the story, not a headline, byline or menu
_NEVER = 1 << 62  # no "|" on the line: it stays prose however far the text runs
_WORD = re.compile(r"\S+")  # what ``str.split()`` splits out: both use str.isspace's whitespace

Marks = tuple[int, ...]  # flat (after, until) pairs: prose stands before ``at`` when after < at <= until


def prose_marks(text: str, start: int) -> Marks:
    """Offsets that answer ``prose_before`` for ``text`` whose body starts at ``start``.

    A line of ``text[start:at]`` (split at "\\n") is prose when it holds
    ``PROSE_WORDS`` words or more and no "|" (a menu's separator). Of a line
    from ``ls``, cut at ``at``: its 15th word counts once ``at`` passes the
    word's first character (``after``), and its "|" counts from the character
    after it (``until``: the bar's offset). The first line that is prose
    whole and holds no "|" ends the list: every later ``at`` has prose
    before it.
    """
    marks: list[int] = []
    pos, n = start, len(text)
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        words = _WORD.finditer(text, pos, end)
        fifteenth = next((m.start() for k, m in enumerate(words, 1) if k == PROSE_WORDS), None)
        if fifteenth is not None:
            bar = text.find("|", pos, end)
            if bar < 0:
                marks += (fifteenth, _NEVER)
                break
            if bar > fifteenth:
                marks += (fifteenth, bar)
        pos = end + 1
    return tuple(marks)


def prose_before(marks: Marks, at: int) -> bool:
    """Whether a paragraph of prose stands between the body's start and ``at`` (``prose_marks``' text)."""
    return any(marks[k] < at <= marks[k + 1] for k in range(0, len(marks), 2))


def plain_prose_before(text: str, start: int, at: int) -> bool:
    """``prose_before`` read off the text itself: the reference the tests hold it to."""
    return any(len(para.split()) >= PROSE_WORDS and "|" not in para for para in text[start:at].split("\n"))


class ProseReader:
    """Each document's ``prose_marks``, worked out when first asked for and kept (a few integers a document).

    ``docs`` maps ids to documents; ``text`` reads a document's text by id
    where the document holds none (a scan's); without it, an empty text has
    no prose.
    """

    __slots__ = ("_docs", "_text", "_marks")

    def __init__(self, docs: dict, text: Callable[[str], str] | None = None) -> None:
        self._docs, self._text = docs, text
        self._marks: dict[str, Marks] = {}

    def before(self, doc_id: str, at: int) -> bool | None:
        """Whether document ``doc_id`` has prose before ``at``; None when it is not among the documents."""
        doc = self._docs.get(doc_id)
        if doc is None:
            return None
        if doc_id not in self._marks:
            text = doc.text if doc.text or self._text is None else self._text(doc_id)
            self._marks[doc_id] = prose_marks(text, doc.body_start)
        return prose_before(self._marks[doc_id], at)
