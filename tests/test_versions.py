"""One outlet's versions of a story (``syndtrace.versions``): write-thrus ordered, and which one each copy runs."""

from __future__ import annotations

from syndtrace.lineage import Edge
from syndtrace.model import Document
from syndtrace.versions import matched_versions, update_of

WORDS = {"v1": 600, "v2": 640, "v3": 660, "sub": 400, "other": 500}


def page(doc_id: str, date: str | None, outlet: str = "Associated Press") -> Document:
    return Document(id=doc_id, path=None, text="", outlet=outlet, date=date)


def test_a_later_timed_page_of_one_outlet_holding_the_story_is_a_write_thru():
    v1, v2 = page("v1", "2019-03-22T14:46:00-04:00"), page("v2", "2019-03-22T16:22:00-04:00")
    early, late, ev = update_of(v2, v1, 560, WORDS)
    assert (early, late, ev.kind, ev.favours) == ("v1", "v2", "version", "v1")
    assert "2019-03-22T16:22:00-04:00 is a later version (a write-thru)" in ev.detail


def test_no_version_without_times_across_outlets_or_for_a_shared_background_paragraph():
    v1, v2 = page("v1", "2019-03-22T14:46:00-04:00"), page("v2", "2019-03-22T16:22:00-04:00")
    assert update_of(page("v1", "2019-03-22"), page("v2", "2019-03-23"), 560, WORDS) is None  # days, no instants
    assert update_of(v1, page("v2", "2019-03-22T16:22:00-04:00", outlet="Reuters"), 560, WORDS) is None
    assert update_of(v1, v2, 60, WORDS) is None  # another story sharing a paragraph
    assert update_of(v1, page("v2", "2019-03-22T18:46:00+00:00"), 560, WORDS) is None  # one instant, two zones


def test_a_copy_runs_the_version_it_shares_the_most_with():
    docs = {d: page(d, f"2019-03-22T1{k}:00:00Z") for k, d in enumerate(("v1", "v2", "v3"))} | {"sub": page("sub", None, "Gazette")}
    edges = [
        Edge("v1", "v2", "version", 0.9, (), (), 560, 0.9), Edge("v2", "v3", "version", 0.9, (), (), 600, 0.9),
        Edge("v1", "sub", "credited-reprint", 0.9, (), (), 320, 0.8), Edge("v2", "sub", "credited-reprint", 0.9, (), (), 390, 0.9),
        Edge("v3", "sub", "credited-reprint", 0.9, (), (), 350, 0.8),
    ]  # fmt: skip
    (key, ev), = matched_versions(edges, docs).items()
    assert key == ("v2", "sub") and ev.favours == "v2"
    assert ev.detail == "runs the version of 2019-03-22T11:00:00Z: it shares 390 words with it, 350 with the one of 2019-03-22T12:00:00Z"
    # A copy holding as much of two versions does not show which it runs.
    tied = [e if e.source != "v3" else Edge("v3", "sub", "credited-reprint", 0.9, (), (), 390, 0.9) for e in edges]
    assert matched_versions(tied, docs) == {}
