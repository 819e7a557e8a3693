"""An OCR'd newspaper archive: stories reprinted hundreds of times, and what scan makes of them.

    python bench/archive.py [--copies 160 220 300 317] [--singles 100] [--ocr-rate 0.05] [--output FILE]

Builds ``bench/out/archive-sS-ocrR/corpus.jsonl`` (and ``truth.json``): each
story (a Reuters story cut to about 250 words, or any sentences given to
``reprints``) is printed by as many papers as ``--copies`` says, over a few
weeks of 1857; each copy may lose its last sentences or one in the middle
(reprints were cut to fit), is set in narrow columns whose line breaks
hyphenate long words ("syndi-\\ncation"), carries its dateline in an old form
("Boston, Jan. 10th, 1857.") and is read by a noisy OCR (``ocr_noise.py``).
``--singles`` stories are printed once. Then it scans the corpus in process
with ``--ocr`` and reports: into how many families each story's copies fell,
the copies left out of their story's family, the adjusted Rand index of the
families against the stories, the candidates, the wall time, and the size of
the JSON written with each ``--passage-text`` (``once``, the default;
``full``; ``none``).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from ocr_noise import noisy  # noqa: E402

OUT = BENCH / "out"
TOWNS = (
    "Boston Albany Hartford Providence Portland Salem Concord Worcester Springfield Utica Troy Buffalo Rochester "
    "Newark Trenton Richmond Raleigh Charleston Savannah Mobile Natchez Memphis Nashville Louisville Cincinnati "
    "Columbus Cleveland Detroit Chicago Galena Dubuque Milwaukee Madison Peoria Alton Lancaster Reading Wheeling"
).split()
PAPERS = "Gazette Herald Courier Journal Advertiser Register Sentinel Whig Democrat Standard Intelligencer Argus Patriot".split()
MONTHS = ("Jan.", "Feb.", "March", "April")


def wrap(text: str, width: int, rng: random.Random) -> str:
    """``text`` set in a column ``width`` characters wide; a long word at a line's end is hyphenated."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) >= 8 and room >= 3 and word.isalpha() and rng.random() < 0.7:
                cut = min(room, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line] if line else lines)


def dateline(day: int, rng: random.Random) -> tuple[str, str]:
    """``(text's dateline, metadata date)`` for ``day`` days after 1 January 1857, in old forms."""
    month, dom = divmod(day, 28)
    dom += 1
    suffix = {1: "st", 2: "d", 3: "d", 21: "st", 22: "d", 23: "d"}.get(dom, "th")
    town = rng.choice(TOWNS)
    forms = (f"{MONTHS[month]} {dom}, 1857", f"{dom}{suffix} {MONTHS[month]} 1857", f"{MONTHS[month]} {dom}{suffix}, 1857")
    return f"{town}, {rng.choice(forms)}.", f"1857-{month + 1:02d}-{dom:02d}"


def reprints(sentences: list[str], copies: int, rate: float, seed: int | str, first_day: int = 0) -> list[dict]:
    """``copies`` printings of one story (``sentences``), each cut a little, hyphenated and OCR'd: records."""
    rng = random.Random(f"archive-{seed}")
    # Each paper prints the story once (a paper printing one text three times would rightly
    # make it that paper's furniture).
    papers = rng.sample([f"{town} {paper}" for town in TOWNS for paper in PAPERS], copies)
    out = []
    for k in range(copies):
        kept = list(sentences)
        if len(kept) > 4 and rng.random() < 0.3:
            kept = kept[: len(kept) - rng.randint(1, 2)]
        if len(kept) > 4 and rng.random() < 0.2:
            del kept[rng.randrange(1, len(kept) - 1)]
        paras = [" ".join(kept[i : i + 3]) for i in range(0, len(kept), 3)]
        line, iso = dateline(min(first_day + rng.randint(0, 40), 111), rng)
        body = "\n\n".join(wrap(p, rng.randint(45, 70), rng) for p in paras)
        text = noisy(f"{line}\n\n{body}", rate, f"{seed}-{k}")
        out.append({"outlet": papers[k], "date": iso, "title": "", "text": text})
    return out


def build(copies: list[int], singles: int, rate: float, seed: int, out: Path, reuters: Path | None = None) -> Path:
    """Write the archive corpus to ``out``; the truth lists each story's copies."""
    from reuters_pool import DEFAULT_CACHE, DEFAULT_REUTERS, load_pool

    pool = load_pool(reuters or DEFAULT_REUTERS, DEFAULT_CACHE, None)
    rng = random.Random(seed)
    usable = [st for st in pool.stories if sum(s.count(" ") + 1 for s in st.sentences) >= 180]
    chosen = rng.sample(usable, len(copies) + singles)
    records, stories = [], []
    for s, n in enumerate(copies):
        sentences, words = [], 0
        for sent in chosen[s].sentences:
            if words >= 250:
                break
            sentences.append(sent)
            words += sent.count(" ") + 1
        recs = reprints(sentences, n, rate, f"{seed}-{s}", first_day=rng.randint(0, 60))
        stories.append(len(recs))
        records += [(s, r) for r in recs]
    for k, st in enumerate(chosen[len(copies) :]):
        (r,) = reprints(list(st.sentences[:12]), 1, rate, f"{seed}-single-{k}", first_day=rng.randint(0, 100))
        records.append((None, r))
    rng.shuffle(records)
    out.mkdir(parents=True, exist_ok=True)
    families: dict[int, list[str]] = {}
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i, (story, rec) in enumerate(records):
            rec = {"id": f"n{i:05d}", **rec}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if story is not None:
                families.setdefault(story, []).append(rec["id"])
    truth = {"families": [families[s] for s in sorted(families)], "documents": len(records), "ocr_rate": rate}
    (out / "truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    return out


def adjusted_rand(truth: list[int], found: list[int]) -> float:
    """The adjusted Rand index of two labelings (Hubert and Arabie)."""
    def comb2(x: int) -> int:
        return x * (x - 1) // 2

    n = len(truth)
    pairs = sum(comb2(c) for c in Counter(zip(truth, found)).values())
    a = sum(comb2(c) for c in Counter(truth).values())
    b = sum(comb2(c) for c in Counter(found).values())
    expected = a * b / comb2(n)
    top = (a + b) / 2
    return 1.0 if top == expected else (pairs - expected) / (top - expected)


def measure(corpus: Path, ocr: bool = True) -> dict:
    """Scan the archive and compare its families with the stories."""
    from syndtrace.render.json import dump
    from syndtrace.scan import scan
    from syndtrace.settings import Settings

    truth = json.loads((corpus / "truth.json").read_text())
    t0 = time.perf_counter()
    result = scan([str(corpus / "corpus.jsonl")], Settings(ocr=ocr))
    wall = time.perf_counter() - t0
    ids = [d.id for d in result.documents]
    story_of = {d: s for s, fam in enumerate(truth["families"]) for d in fam}
    family_of: dict[str, int] = {}
    for f, fam in enumerate(sorted(result.families, key=lambda f: -len(f.members))):
        for m in fam.members:
            family_of.setdefault(m, f)
    labels_t = [story_of.get(d, -1 - k) for k, d in enumerate(ids)]
    labels_f = [family_of.get(d, -10**6 - k) for k, d in enumerate(ids)]
    per_story = []
    for s, fam in enumerate(truth["families"]):
        counts = Counter(family_of.get(d) for d in fam)
        main = max((c for f, c in counts.items() if f is not None), default=0)
        per_story.append({"copies": len(fam), "families": len([f for f in counts if f is not None]),
                          "outside_main_family": len(fam) - main, "singletons": counts.get(None, 0)})  # fmt: skip
    sizes = {}
    for mode in ("once", "full", "none"):
        buf = io.StringIO()
        dump(result, buf, passage_text=mode)
        sizes[mode] = len(buf.getvalue().encode("utf-8"))
    return {"ocr": ocr, "wall_s": round(wall, 1), "documents": len(ids), "passages": len(result.passages),
            "edges": len(result.edges), "ari": round(adjusted_rand(labels_t, labels_f), 4), "stories": per_story,
            "json_bytes": sizes}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[160, 220, 300, 317])
    ap.add_argument("--singles", type=int, default=100)
    ap.add_argument("--ocr-rate", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuters", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=OUT / "archive.json")
    args = ap.parse_args(argv)
    corpus = build(args.copies, args.singles, args.ocr_rate, args.seed, OUT / f"archive-s{args.seed}-ocr{args.ocr_rate:g}", args.reuters)
    rows = [measure(corpus, ocr=True), measure(corpus, ocr=False)]
    for row in rows:
        print(json.dumps(row))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
