"""Lists of character spans ``[start, end)`` of one document: merging, subtracting, covering.

A list is *merged* when sorted with no two spans touching or overlapping;
every function here returns merged lists. Spans are tuples, which never
change: the functions hand on a span they leave whole rather than build its
copy (at 100k articles the trace stage holds millions of them).
"""

from __future__ import annotations

Spans = list[tuple[int, int]]


def covered_by(spans_per_partner: list[Spans], times: int, merged: bool = False, below: int | None = None) -> Spans:
    """The parts of a document that at least ``times`` of its partners' span lists cover (and fewer than ``below``).

    ``merged``: each list is merged already, as the chains stage keeps them.
    """
    if not merged:  # a partner counts once wherever it covers
        spans_per_partner = [merge(spans) for spans in spans_per_partner]
    events = [(s, 1) for spans in spans_per_partner for s, _ in spans]
    events += [(e, -1) for spans in spans_per_partner for _, e in spans]
    events.sort()  # at one position, ends (-1) before starts
    below = len(spans_per_partner) + 1 if below is None else below
    out: Spans = []
    depth, last = 0, 0
    for at, step in events:
        if times <= depth < below and at > last:  # [last, at) is covered depth times
            if out and out[-1][1] == last:
                out[-1] = (out[-1][0], at)
            else:
                out.append((last, at))
        depth += step
        last = at
    return merge(out)


def merge(spans: Spans) -> Spans:
    """``spans`` sorted, with overlapping or touching spans joined and empty ones dropped."""
    if len(spans) < 2:  # most lists: no sort, no loop (a 100k scan merges 1.4 million of them)
        return [spans[0]] if spans and spans[0][1] > spans[0][0] else []
    out: Spans = []
    for span in sorted(spans):
        s, e = span
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        elif e > s:
            out.append(span)
    return out


def subtract(spans: Spans, cut: Spans, *, merged: bool = False) -> Spans:
    """``spans`` minus ``cut``; ``merged``: both are ``merge``'s output already (sorted, apart)."""
    if not merged:
        spans, cut = merge(spans), merge(cut)
    if not cut:  # most pairs' insertions: nothing to take away
        return spans
    out: Spans = []
    k, n = 0, len(cut)
    for span in spans:
        s, e = span
        while k < n and cut[k][1] <= s:  # both are sorted: a cut ending before this span ends before the next
            k += 1
        at, j = s, k
        while j < n and cut[j][0] < e:
            cs, ce = cut[j]
            if cs > at:
                out.append((at, cs))
            if ce > at:
                at = ce
            j += 1
        if at == s:
            out.append(span)
        elif at < e:
            out.append((at, e))
    return out


def intersect(a: Spans, b: Spans) -> Spans:
    """The parts both span lists cover."""
    return subtract(a, subtract(a, b))


def minority(agree: list[Spans], disagree: list[Spans]) -> Spans:
    """Where a document differs from two or more partners and from more partners than it agrees with.

    ``agree`` and ``disagree`` hold, per partner, the document's spans aligned
    with it and those it has that the partner lacks. The copy that changed a
    word differs there from most copies; the copies that kept it agree.
    """
    agree, disagree = [merge(s) for s in agree], [merge(s) for s in disagree]
    cuts = sorted({at for spans in disagree for span in spans for at in span})
    out: Spans = []
    for s, e in zip(cuts, cuts[1:]):
        differ = sum(any(a <= s and e <= b for a, b in spans) for spans in disagree)
        if differ >= 2 and differ > sum(any(a <= s and e <= b for a, b in spans) for spans in agree):
            out.append((s, e))
    return merge(out)
