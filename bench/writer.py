"""Rendering a built corpus: ``corpus.jsonl`` and ``truth.json``.

Separate from ``generate.py`` (which decides what each article contains) so
that the output format lives in one short place. Both files are written to a
temporary name and renamed, so a reader never sees half a corpus.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ocr_noise import noisy
from outlets import Outlet, curl

if TYPE_CHECKING:  # only for annotations: generate imports this module
    from generate import Art, Builder

FIRST_DAY = dt.date(2019, 1, 1)


def render(art: Art, outlet: Outlet) -> tuple[str, str]:
    """``(title, text)`` as printed; text: title, outlet header lines, credits, body, credit, footer."""
    body = [" ".join(p.sents) for p in art.paras]
    if art.lead:
        body[0] = art.lead + body[0]
    if art.top:
        body.insert(0, art.top)
    if art.tail:
        body.append(art.tail)
    text = "\n\n".join(body)
    title = art.title
    if outlet.curly:  # house style; the outlet's boilerplate is stored already curled
        text, title = curl(text), curl(title)
    parts = [title, outlet.header, outlet.photo, text, outlet.newsletter, outlet.footer]
    return title, "\n\n".join(p for p in parts if p)


def write(builder: Builder, seed: int, out: Path, *, ocr_rate: float = 0.0, script: str = "") -> dict:
    """Render every article to ``out/corpus.jsonl`` and the ground truth to ``out/truth.json``.

    ``script``: every text in another script (``scripts_text.py``); ``ocr_rate``:
    then each article's text read by a noisy OCR (``ocr_noise.py``); the
    record's title stays clean, as an archive's catalogue gives it.
    """
    convert = None
    if script:
        from scripts_text import converter

        convert = converter(script)
    arts, outlets = builder.arts, builder.outlets
    perm = builder.nprng.permutation(len(arts)).tolist()  # ids carry no hint of who came first
    ids = [f"a{perm[k]:06d}" for k in range(len(arts))]
    order = sorted(range(len(arts)), key=ids.__getitem__)
    out.mkdir(parents=True, exist_ok=True)
    credit_lines: set[str] = set()
    size = 0
    with (out / "corpus.tmp").open("w", encoding="utf-8", newline="\n") as fh:
        for k in order:
            art = arts[k]
            outlet = outlets[art.outlet]
            for line in (art.top, art.tail):
                if line:
                    credit_lines.add(curl(line) if outlet.curly else line)
            day = (FIRST_DAY + dt.timedelta(days=art.day)).isoformat()
            title, text = render(art, outlet)
            if convert is not None:
                title, text = convert(title), convert(text)
            if ocr_rate:
                text = noisy(text, ocr_rate, f"{seed}-{art.key}")
            rec = {"id": ids[k], "outlet": outlet.name, "date": day, "title": title, "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            size += len(line)
            fh.write(line)
    (out / "corpus.tmp").replace(out / "corpus.jsonl")

    def related(a: int, b: int) -> bool:
        return bool(set(arts[a].families) & set(arts[b].families))

    holders: dict[int, list[int]] = {}
    for art in arts:
        for q in sorted({p.qid for p in art.paras if p.qid >= 0}):
            holders.setdefault(q, []).append(art.key)
    quote_pairs = sorted(
        sorted((ids[a], ids[b]))
        for keys in holders.values()
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if not related(a, b)
    )
    links = sorted(builder.links, key=lambda l: (ids[l.source], ids[l.copy]))
    truth = {
        "articles": len(arts),
        "seed": seed,
        "pairs": [[ids[l.source], ids[l.copy], l.kind] for l in links],
        # Parallel to "pairs": words the copy took, and how it credited its source (None: not at all).
        "pair_words": [l.words for l in links],
        "pair_credit": [l.credit for l in links],
        "families": sorted(sorted(ids[k] for k in dict.fromkeys(f)) for f in builder.families),
        "shared_quote_pairs": quote_pairs,
        "agencies": [o.name for o in outlets if o.agency],
        "boilerplate": {o.name: o.boilerplate() for o in outlets},
        "credit_lines": sorted(credit_lines),
        "epochs": builder.text.epoch + 1,
        "ocr_rate": ocr_rate,
        "script": script,
    }
    with (out / "truth.tmp").open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    (out / "truth.tmp").replace(out / "truth.json")
    return {"articles": len(arts), "bytes": size, "pairs": len(links), "epochs": truth["epochs"]}
