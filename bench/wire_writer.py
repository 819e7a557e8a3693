"""Rendering the wire corpus: ``corpus.jsonl`` (streamed) and ``truth.json``.

Pages are written in id order; ids are a permutation of the build order
(``w000000`` ...), so an id says nothing about who came first. Both files
are written to a temporary name and renamed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from outlets import curl
from wire_build import Page, WireBuilder
from wire_sources import AGGREGATORS, QUOTED, SOURCES, day_date


def date_text(page: Page) -> str | None:
    """The record's date as printed: ISO date, ISO date-time in the outlet's zone, or None.

    ``page.minute`` is the instant (minutes into ``page.day``, UTC) on one clock
    for all pages, so that a copy made after its source is printed after it
    too: each outlet prints that instant in its own zone's local time (which
    may fall on the day before or after).
    """
    if not page.dated:
        return None
    if page.minute is None:
        return day_date(page.day).isoformat()
    zone = page.outlet.zone  # "-04:00", "Z": printed as the outlet writes it
    instant = dt.datetime.combine(day_date(page.day), dt.time(), dt.timezone.utc) + dt.timedelta(minutes=page.minute)
    local = instant.astimezone(dt.datetime.fromisoformat(f"2000-01-01T00:00:00{zone}").tzinfo)
    return f"{local.replace(tzinfo=None).isoformat(timespec='seconds')}{zone}"


def render(page: Page) -> tuple[str, str, list[str]]:
    """``(title, text, printed top and tail lines)``: title, header, top lines, body, tail lines, boilerplate."""
    paras: list[str] = []
    pending = ""
    for p in page.body:
        if p.kind == "lead":
            pending += p.text
            continue
        paras.append(pending + p.text)
        pending = ""
    lines = page.top + page.tail
    title, top, tail, body = page.title, page.top, page.tail, "\n\n".join(paras)
    o = page.outlet
    if o.curly:  # house style; the outlet's boilerplate is stored curled already
        title, body = curl(title), curl(body)
        top, tail = [curl(x) for x in top], [curl(x) for x in tail]
        lines = top + tail
    parts = [title, o.header, *top, body, *tail, o.newsletter, o.footer]
    return title, "\n\n".join(p for p in parts if p), lines


def write(b: WireBuilder, seed: int, out: Path, options: dict) -> dict:
    """Write ``out/corpus.jsonl`` and ``out/truth.json``; return counts."""
    pages = b.pages
    perm = b.nprng.permutation(len(pages)).tolist()
    ids = [f"w{perm[k]:06d}" for k in range(len(pages))]
    order = sorted(range(len(pages)), key=ids.__getitem__)
    out.mkdir(parents=True, exist_ok=True)
    lines: set[str] = set()
    size = 0
    with (out / "corpus.tmp").open("w", encoding="utf-8", newline="\n") as fh:
        for k in order:
            page = pages[k]
            title, text, printed = render(page)
            lines.update(printed)
            rec = {"id": ids[k], "outlet": page.outlet.name}
            when = date_text(page)
            if when is not None:
                rec["date"] = when
            rec["title"] = title
            if page.author:
                rec["author"] = page.author
            rec["text"] = text
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            fh.write(line)
    (out / "corpus.tmp").replace(out / "corpus.jsonl")
    for o in [*b.subscribers, *b.portals, *b.outlets.values()]:
        lines.update(o.boilerplate().values())
    truth = _truth(b, ids, seed, options)
    truth["lines"] = sorted(lines)
    with (out / "truth.tmp").open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    (out / "truth.tmp").replace(out / "truth.json")
    kinds: dict[str, int] = {}
    for p in pages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    return {"documents": len(pages), "bytes": size, "stories": len(b.stories), "epochs": b.text.epoch + 1,
            "kinds": dict(sorted(kinds.items()))}  # fmt: skip


def sid_text(sid: int) -> str:
    return f"s{sid:05d}"


def _truth(b: WireBuilder, ids: list[str], seed: int, options: dict) -> dict:
    def ref(parent):
        return ids[parent] if isinstance(parent, int) else parent

    stories = {}
    for st in b.stories:
        stories[sid_text(st.sid)] = {
            "kind": st.kind,
            "source_name": st.name,
            "source_aliases": list(st.aliases),
            "members": sorted(ids[k] for k in dict.fromkeys(st.members)),
            "versions": [ids[k] for k in st.pages if k is not None],
            "title": st.titles[0] if st.titles else "",
            "day": day_date(st.day).isoformat(),
            "background": list(st.background),
            "statements": list(st.statements),
        }
    parents, comps = {}, {}
    for p in b.pages:
        doc = ids[p.key]
        entry = {"parent": ref(p.parent), "kind": p.kind, "story": sid_text(p.stories[0]) if p.stories else None}
        if p.version is not None:
            entry["version"] = p.version
        if p.credits:
            entry["credits"] = p.credits
        if p.carries:
            entry["carries"] = p.carries
        if p.kind == "second-generation":
            entry["shows"] = p.shows
        if p.compilation:
            entry["story"] = None
            entry["stories"] = [sid_text(s) for s in p.stories]
            comps[doc] = {"kind": p.compilation, "stories": entry["stories"]}
        parents[doc] = entry
    traps = []
    for t in b.traps:
        t = dict(t)
        if "page" in t:
            t["doc"] = ids[t.pop("page")]
        if "story" in t:
            t["story"] = sid_text(t["story"])
        traps.append(t)
    sources = {s.name: {"aliases": list(s.aliases), "agency": s.agency} for s in SOURCES}
    for name, _ in QUOTED:
        sources.setdefault(name, {"aliases": [], "agency": False})
    return {
        "generator": "wire",
        "seed": seed,
        "options": options,
        "documents": len(b.pages),
        "epochs": b.text.epoch + 1,
        "stories": stories,
        "parents": dict(sorted(parents.items())),
        "compilations": dict(sorted(comps.items())),
        "background": [{"stories": [sid_text(s) for s in g]} for g in b.background],
        "shared_statement_groups": [
            {"speaker": b.statements[g][3], "statement": b.statements[g][2], "stories": [sid_text(s) for s in sids]}
            for g, sids in enumerate(b.statement_groups)
        ],
        "traps": traps,
        "sources": sources,
        "aggregators": list(AGGREGATORS),
    }
