"""bench/dense.py: the recall of copied pairs and the story carried most, from a truth and a scan's JSON."""

from __future__ import annotations

from bench_modules import bench_module

TRUTH = {
    "parents": {
        "ap1": {"parent": "Associated Press", "kind": "original", "story": "s1"},
        "sub1": {"parent": "ap1", "kind": "subscriber", "story": "s1"},
        "sub2": {"parent": "ap1", "kind": "subscriber", "story": "s1"},
        "gen2": {"parent": "sub2", "kind": "second-generation", "story": "s1"},
        "sub3": {"parent": "Associated Press", "kind": "subscriber", "story": "s2"},
    },
    "stories": {
        "s1": {"source_name": "Associated Press", "members": ["ap1", "sub1", "sub2", "gen2"]},
        "s2": {"source_name": "Associated Press", "members": ["sub3"]},
    },
    "compilations": {},
}


def _out(edges, members):
    return {
        "documents": [{"id": d} for d in TRUTH["parents"]],
        "edges": [{"source": s, "copy": c, "kind": k} for s, c, k in edges],
        "families": [{"id": 1, "members": members, "root_name": "Associated Press"}],
    }


def test_a_copied_pair_is_linked_by_an_edge_either_way_but_not_by_a_shared_quote():
    dense = bench_module("dense")
    out = _out([("ap1", "sub1", "copy"), ("gen2", "sub2", "undetermined"), ("ap1", "sub2", "shared-quote")], [])
    r = dense.pair_recall(TRUTH, out)
    # Pairs whose parent is a page: sub1, sub2, gen2 (ap1 and sub3 hang under a name).
    assert (r["hit"], r["total"], r["missed_by_kind"]) == (2, 3, {"subscriber": 1})


def test_the_largest_story_counts_the_pages_its_family_holds():
    dense = bench_module("dense")
    big = dense.largest_story(TRUTH, _out([], ["ap1", "sub1", "gen2"]))
    assert big == {"story": "s1", "source": "Associated Press", "pages": 4, "in_its_family": 3,
                   "root_name": "Associated Press"}  # fmt: skip
