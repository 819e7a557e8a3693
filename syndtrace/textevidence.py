"""Direction evidence the shared passages hold themselves: brackets, fragments, framing.

For a pair of documents (``syndtrace.direction.decide``): an editor's
bracket inserted into the shared text (the side holding it is the copy),
words lifted out of running prose (whole paragraphs on one side, cut out of
a longer paragraph on the other), and framing around a third party's
quotations carried by both, or one side presenting as quoted what the other
runs in its own voice.
"""

from __future__ import annotations

from syndtrace.lineage import Evidence
from syndtrace.model import Document, Passage
from syndtrace.names import outlet_key, possessive
from syndtrace.packed import bracketed_texts


def insertion_evidence(x: Document, y: Document, passages: list[Passage], name: dict[str, str]) -> list[Evidence]:
    items = []
    for doc, other in ((x, y), (y, x)):
        brackets = [text for p in passages for text in bracketed_texts(p.insertions, doc.id)]
        if brackets:
            shown = "; ".join(f"\"{text}\"" for text in brackets[:2])
            items.append(Evidence("insertion", other.id, 1.5, f"{name[doc.id]} inserts an editor's bracket into the shared text: {shown}"))
    return items


def fragment_evidence(x: Document, y: Document, passages: list[Passage], name: dict[str, str]) -> list[Evidence]:
    """Words lifted out of running prose: whole paragraphs on one side, cut out of a paragraph on the other.

    Only a real cut counts: the paragraphs around the fragment side hold at
    least a quarter as many words again as the passage (and at least 10). A
    copy that merely adds a sentence to a long paragraph leaves the original
    "whole" beside a slightly longer paragraph, which says nothing about who
    lifted what.
    """
    lifted_from = {x.id: 0, y.id: 0}
    for p in passages:
        for whole, cut in ((p.a, p.b), (p.b, p.a)):
            if whole.whole_paragraphs and not cut.whole_paragraphs:
                if cut.around >= max(10, cut.words / 4):
                    lifted_from[cut.doc] += p.words
    items = []
    for doc, other in ((x, y), (y, x)):
        net = lifted_from[doc.id] - lifted_from[other.id]
        if net >= 40:
            items.append(
                Evidence(
                    "fragment",
                    doc.id,
                    1.0 if net >= 100 else 0.5,
                    f"{lifted_from[doc.id]} shared words stand as whole paragraphs in {name[other.id]} but are cut "
                    f"out of longer paragraphs of {name[doc.id]} (against {lifted_from[other.id]} the other way)",
                )
            )
    return items


def framing_evidence(x: Document, y: Document, passages: list[Passage], name: dict[str, str]) -> list[Evidence]:
    items = []
    # Framing around a third party's quotation: not around the words of one of the pair itself.
    own = {outlet_key(d.outlet) for d in (x, y) if d.outlet}
    framed = [
        p for p in passages
        if p.authored_words and p.a.quoted > 0 and p.b.quoted > 0
        and (p.a.attribution or p.b.attribution) and outlet_key(p.a.attribution or p.b.attribution) not in own
    ]  # fmt: skip
    if framed:
        who = framed[0].a.attribution or framed[0].b.attribution
        words = sum(p.authored_words for p in framed)
        items.append(
            Evidence(
                "framing",
                None,
                0.0,
                f"both carry the same {words} unquoted words of framing around quotations of {who} "
                f"in {len(framed)} passage(s): one copied the other rather than each quoting {who}",
            )
        )
    for doc, other, mine, theirs in ((x, y, "a", "b"), (y, x, "b", "a")):
        recast = [
            p for p in passages
            if getattr(p, theirs).attribution and not getattr(p, mine).attribution
            and getattr(p, mine).quoted < 0.2 and p.words >= 20
        ]
        if recast:
            who = getattr(recast[0], theirs).attribution
            items.append(
                Evidence(
                    "framing",
                    doc.id,
                    1.0,
                    f"{name[other.id]} presents {sum(p.words for p in recast)} words as {possessive(who)} that {name[doc.id]} "
                    "runs in its own voice, unquoted",
                )
            )
    return items
