"""Pair verdicts: what two compared documents share, said in one word.

``reuse``, ``shared-quote``, ``boilerplate`` or ``unrelated``, with the
word counts behind it (``PairVerdict``), so that a consumer of the JSON need
not add up passages to learn which pairs reuse text.

Quotation is not copying when both sides quote a third party: two stories
that carry the same statement of a minister share it because each quoted
the minister. But when one side is where the quotation first appeared, the
other took it from there:

* a press release: its quotations are its own (the researcher said them *to
  the release*), and a story that lifts them reuses the release;
* the page of the outlet the other side attributes the words to ("told The
  Times", "The Times reported") when that page is among the inputs.

Then the quotations count as reused words (``PairVerdict.reused_words``).
"""

from __future__ import annotations

from collections.abc import Sequence

from syndtrace.model import Document, PairStats, PairVerdict, Passage
from syndtrace.names import by_last_words, outlet_key
from syndtrace.release import is_release
from syndtrace.settings import Settings

VERDICTS = ("reuse", "shared-quote", "boilerplate", "unrelated")


def pair_verdict(
    x: Document, y: Document, passages: Sequence[Passage], stats: PairStats | None, settings: Settings
) -> PairVerdict:
    """The verdict on ``x`` and ``y`` (``x`` on side ``a`` of every passage)."""
    if not passages:
        shares_furniture = stats is not None and stats.boilerplate_shingles > 0
        return PairVerdict(x.id, y.id, "boilerplate" if shares_furniture else "unrelated")
    words = sum(p.words for p in passages)
    authored = sum(p.authored_words for p in passages)
    first = first_appearance(x, y, passages)
    verdict = PairVerdict(x.id, y.id, "reuse", words, authored, words - authored, first)
    if verdict.reused_words < settings.min_authored_words:
        verdict = PairVerdict(x.id, y.id, "shared-quote", words, authored, words - authored, first)
    return verdict


def first_appearance(x: Document, y: Document, passages: Sequence[Passage]) -> str | None:
    """The id of the side whose own words the shared quotations are, if one is (module docstring)."""
    rx, ry = is_release(x), is_release(y)
    if rx != ry:
        return x.id if rx else y.id
    credits_x = any(_names(p.b.attribution, x.outlet) for p in passages)
    credits_y = any(_names(p.a.attribution, y.outlet) for p in passages)
    if credits_x != credits_y:
        return x.id if credits_x else y.id
    return None


def _names(attribution: str | None, outlet: str | None) -> bool:
    """Whether an attribution names the outlet: in full, or by its last words (``names.by_last_words``:
    "the Courant" for The Kestrel Bay Courant, whose page need not print its own name)."""
    key = outlet_key(outlet) if outlet else ""
    if not attribution or not key:
        return False
    return outlet_key(attribution) == key or by_last_words(attribution, outlet)
