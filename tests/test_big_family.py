"""A story reprinted 300 times, each copy OCR'd on its own, is one family (bench/archive.py's copies)."""

from __future__ import annotations

import json

from bench_modules import bench_module
from test_ocr import STORY

from syndtrace.storyindex import STORY_LINKS, STORY_NEAREST
from syndtrace.scan import scan
from syndtrace.settings import Settings

OTHERS = [
    "The schooner Mary Ellen, Captain Hatch, went ashore on the bar during the gale of Sunday night, and it is "
    "feared that she will prove a total loss. The crew were taken off by the life boat after great exertions.",
    "At a meeting of the Common Council last evening an ordinance was passed for the paving of Water street, and "
    "the committee on lamps reported in favor of lighting the wharves with gas during the winter months.",
    "Mr. Edward Thornby, the celebrated lecturer upon chemistry, will deliver the first of a course of six "
    "lectures at the Lyceum Hall on Monday evening next. Tickets for the course may be had at the bookstores.",
]


def test_three_hundred_noisy_copies_become_one_family(tmp_path):
    archive = bench_module("archive")
    sentences = [s.strip() + "." for s in STORY.split(". ") if s.strip()]
    copies = archive.reprints(sentences, 300, 0.05, "test")
    records = [{"id": f"c{k:03d}", **rec} for k, rec in enumerate(copies)]
    records += [{"id": f"o{k}", "outlet": "Other Paper", "date": "1857-02-01", "text": text} for k, text in enumerate(OTHERS)]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = scan([str(path)], Settings(ocr=True, workers=1))
    (family,) = result.families
    assert sorted(family.members) == sorted(r["id"] for r in records[:300])
    # Each copy is aligned with a few copies (published near it, and its story's hubs), not all 299 others.
    assert len(result.pairs) < 300 * (STORY_LINKS + STORY_NEAREST + 1)
    # Dates from the text's old dateline reach the documents ("Hartford, Jan. 10th, 1857.").
    assert all(d.date and d.date.startswith("1857-") for d in result.documents if d.id.startswith("c"))


def test_without_ocr_and_below_the_cap_the_copies_still_pair(tmp_path):
    # The same mechanism with exact copies and a low --max-df: the story's fingerprints are over
    # the cap, yet its copies are one family and a stock phrase they share with others pairs nothing.
    archive = bench_module("archive")
    sentences = [s.strip() + "." for s in STORY.split(". ") if s.strip()]
    copies = archive.reprints(sentences, 40, 0.0, "exact")
    stock = "Terms of this paper, two dollars a year, payable in advance."
    records = [{"id": f"c{k:03d}", **rec, "text": rec["text"] + "\n\n" + stock} for k, rec in enumerate(copies)]
    records += [{"id": f"o{k:02d}", "outlet": f"Paper {k}", "text": OTHERS[k % 3] + f" No. {k}.\n\n" + stock} for k in range(30)]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = scan([str(path)], Settings(max_df=8, workers=1))
    story = [f for f in result.families if any(m.startswith("c") for m in f.members)]
    assert len(story) == 1 and sorted(story[0].members) == sorted(r["id"] for r in records[:40])
