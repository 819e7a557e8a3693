"""Three-way evidence for the trace stage: a copy that carries its source's edits.

Two documents ``x`` and ``y`` both descend from a third, ``o`` (each pair
decided ``o`` -> copy). Every republisher changes a few words, drops a
sentence, adds a bracket; a copy made from a copy inherits those changes.
Counting the words each pair shares identically (``Passage.words``) tells
the two cases apart:

* siblings (``o`` -> ``x``, ``o`` -> ``y``): ``x`` and ``y`` differ by both
  their edits, so they share fewer words with each other than each shares
  with ``o``;
* a chain (``o`` -> ``x`` -> ``y``): ``y`` kept ``x``'s edits, so ``y``
  shares more words with ``x`` than with ``o``, and ``x`` (one set of edits
  from ``o``) shares more with ``o`` than ``y`` (two sets) does.

In the chain case ``x`` sits between ``o`` and ``y``: ``y`` copied ``x``
("edits" evidence favouring ``x``). On the 10k bench corpus, measured from
the true original, the chain test holds for 97% of the generator's
second-generation copies and for 0.4% of ordered pairs of sibling reprints.
"""

from __future__ import annotations

from collections.abc import Callable

from syndtrace.model import Document, Evidence
from syndtrace.names import distinct_labels, possessive

EDITS_WEIGHT = 1.5  # as strong as an editor's bracket: both say which side edited the text
# Common sources tried per pair, nearest first: a story reprinted hundreds of times would
# otherwise cost (copies)^3 comparisons.
_SOURCES_TRIED = 8


def carried_edits(
    shared: dict[tuple[str, str], int], upstream: Callable[[str, str], bool], docs: dict[str, Document]
) -> dict[tuple[str, str], Evidence]:
    """``(x, y)`` -> "edits" evidence that one of the two copied the other.

    ``shared`` maps each pair of documents that share passages, ``(x, y)``, to
    the words they share identically; the evidence is keyed the same way.
    ``upstream(o, d)`` says whether the pair of ``o`` and ``d`` was decided
    with ``o`` as the source. Of the pair's common sources, the one sharing
    the most words with the two speaks for it (ties: the source's id).
    """
    words_of = {frozenset(pair): n for pair, n in shared.items()}

    def words(a: str, b: str) -> int:
        return words_of.get(frozenset((a, b)), 0)

    sources: dict[str, list[str]] = {}
    for a, b in shared:
        for src, doc in ((a, b), (b, a)):
            if upstream(src, doc):
                sources.setdefault(doc, []).append(src)
    for doc, found in sources.items():
        found.sort(key=lambda s: (-words(doc, s), s))
        del found[_SOURCES_TRIED:]

    evidence: dict[tuple[str, str], Evidence] = {}
    for (x, y), xy in shared.items():
        common = set(sources.get(x, ())) & set(sources.get(y, ()))
        if not common:
            continue
        # The common source nearest both is their original; a sibling dated earlier is
        # "upstream" by date alone, and measured from it, siblings can look like a chain.
        o = min(common, key=lambda s: (-(words(x, s) + words(y, s)), s))
        xo, yo = words(x, o), words(y, o)
        best = None
        if xy > yo and xo > yo:  # x is between o and y
            best = (o, x, y)
        elif xy > xo and yo > xo:
            best = (o, y, x)
        if best is not None:
            o, near, far = best
            name = distinct_labels(docs[d] for d in (near, far, o))
            n, f, src = name[near], name[far], name[o]
            evidence[(x, y)] = Evidence(
                "edits",
                near,
                EDITS_WEIGHT,
                f"{f} shares {xy} words with {n} but only {words(far, o)} with {src}, which {n} shares "
                f"{words(near, o)} with: {f} carries {possessive(n)} changes to {possessive(src)} text",
            )
    return evidence
