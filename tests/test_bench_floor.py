"""``bench/floor.py``: the least any pure-Python scan must spend, with the scan's own candidates."""

from __future__ import annotations

from bench_modules import bench_module
from scan_corpus import jsonl, record, wire_corpus

from syndtrace.load import parse_front_matter
from syndtrace.scan import scan
from syndtrace.settings import Settings


def test_the_floor_aligns_exactly_the_scans_candidates_and_adds_up(tmp_path):
    docs = wire_corpus()  # front matter in .txt files: the same articles as JSONL records
    records = []
    for name, text in docs.items():
        front, start = parse_front_matter(text)
        records.append(record(name, text[start:], **front))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl(records), encoding="utf-8")
    got = bench_module("floor").floor(corpus, cores=2, sample=1000, seed=1)
    result = scan([str(corpus)], Settings(workers=1))
    assert got["articles"] == len(docs)
    assert got["candidates"] == got["sampled_pairs"] == len(result.pairs) > 0
    split = got["one_core_s"]
    serial, parallel = split["read_and_parse"] + split["candidates"], split["fingerprint"] + split["align_words"]
    assert abs(got["floor_s"] - (serial + parallel / 2)) < 0.05  # rounded pieces
