"""Press releases told by their text (``syndtrace.release``), and what the pipeline makes of them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scan_corpus import Writer, page

from syndtrace.direction import decide
from syndtrace.fingerprint import batch_fingerprints
from syndtrace.load import document_from_text
from syndtrace.release import foot_spans, is_release, names_a_release, release_hint, release_marks
from syndtrace.scan import scan
from syndtrace.settings import Settings

BODY = (
    "Eating two apples a day is linked to a lower risk of gout, finds research published today.\n\n"
    "The team followed 4,200 adults for twelve years and recorded what they ate and when they fell ill.\n\n"
    '"Apples are cheap and easy to eat," said Professor Ann Lowe, who led the study at Northfield University.\n\n'
)


def test_a_header_naming_the_issuer_marks_a_release_and_names_it():
    text = "Tuesday 3 May 2016\n\nJournal of Orchard Health Press Release\n\nApples and gout\n\n" + BODY
    marks = release_marks(text)
    assert [(c.kind, c.source) for c in marks] == [("press-release", "Journal of Orchard Health")]
    assert text[marks[0].start : marks[0].end].strip() == "Journal of Orchard Health Press Release"
    after = release_marks("Press Release from Thorax: 23 February 2017\n\n" + BODY)
    assert [c.source for c in after] == ["Thorax"]
    office = release_marks("Apples and gout\n\nIssued by University of Leicester Press Office on 9 February 2016\n\n" + BODY)
    assert [c.source for c in office] == ["University of Leicester"]
    # A headline about a release is no header: a preposition or a participle, not an issuer, stands
    # before the words (a 1987 Reuters story).
    assert release_marks("Endotronics Halted Pending News Release\n\n" + BODY) == ()
    assert release_marks("Shares Slip After Press Release\n\n" + BODY) == ()
    assert not release_hint("Endotronics Halted Pending News Release\n\n" + BODY)
    assert [c.source for c in release_marks("The BMJ press release\n\n" + BODY)] == ["BMJ"]  # initials, a name
    assert [c.source for c in release_marks("SCIENCE NEWS Press Release\n\n" + BODY)] == ["press release"]  # a section
    assert release_hint("The BMJ press release\n\n" + BODY)
    # Prose naming a press office is no header.
    assert release_marks(BODY + "The study was issued by the university press office last week.\n") == ()


def test_an_end_mark_or_notes_to_editors_marks_a_release():
    for foot in ("[Ends]", "ENDS", "-ENDS-", "###", "Notes to editors", "Notes for editors:"):
        assert release_marks(BODY + foot + "\n\nThe study was funded by the Orchard Trust.\n"), foot


def test_a_journal_announcing_its_own_study_is_its_release_and_a_story_repeating_it_is_not():
    opening = "Statins and the media\n\nMore patients stopped statins, finds a study in The BMJ today.\n\n"
    (mark,) = release_marks(opening + BODY, 0, "BMJ")
    assert (mark.kind, mark.source) == ("press-release", "BMJ")  # the record's outlet, which the text names
    assert mark.text == "finds a study in The BMJ today"  # what an evidence line quotes
    assert release_marks("Eating apples helps, published today in the journal Thorax.\n\n" + BODY, 0, "Thorax")
    # A news page repeats the sentence word for word; its own outlet is not the journal.
    assert release_marks(opening + BODY, 0, "dailymail.co.uk") == ()
    assert release_marks(opening + BODY) == ()
    # Deep in the text, past the opening, the sentence announces nothing.
    assert release_marks(BODY * 6 + opening, 0, "BMJ") == ()


def test_a_publishers_release_announces_a_study_in_one_of_its_journals():
    # The BMJ's releases name the journal, not the publisher: "BMJ", a headline, then the study.
    for opening in (
        "Apples and gout\n\nBMJ\n\nApples help, reveals research published online in the journal Orchard Health.\n\n",
        "Apples and gout\n\nBMJ\n\nApples help, finds a study published in the online edition of Orchard Medical Journal.\n\n",
        "Apples and gout\n\nBMJ\n\nApples help, warn doctors in the journal Orchard Health.\n\n",
    ):
        (mark,) = release_marks(opening + BODY, 0, "BMJ")
        assert (mark.kind, mark.source) == ("press-release", "BMJ") and "Orchard" in mark.text
        # A news page opening with the same sentence is news: its outlet publishes no journals.
        assert release_marks(opening + BODY, 0, "dailymail.co.uk") == ()
    # A publisher's page that announces no study in its opening is not marked so.
    assert release_marks("Apples and gout\n\nBMJ\n\n" + BODY, 0, "BMJ") == ()
    assert release_marks("Apples and gout\n\n" + BODY * 6 + "It was published in the journal Orchard Health.\n", 0, "BMJ") == ()


def test_a_news_footer_with_one_media_contact_line_is_not_a_release():
    # Outlets print "For media inquiries: ..." in their own footers (Global Research does).
    page = BODY + "For media inquiries: publications@example.org\n"
    assert release_marks(page) == ()
    # Two contact-type lines together are a release's foot.
    assert release_marks(page + "Media contact: Jo Bloggs, +44 20 7946 0000\n")


def test_news_prose_about_a_press_release_is_no_mark():
    story = (
        "The university said in a press release on Tuesday that the findings were preliminary.\n\n"
        "A spokesman for the press office declined to comment further.\n\n" + BODY
    )
    assert release_marks(story) == ()


def test_the_index_hint_sees_the_strongest_marks_and_nothing_release_marks_would_not():
    strong = [
        "Journal of Orchard Health Press Release\n\nApples and gout\n\n" + BODY,
        "EMBARGOED UNTIL 00:01 Tuesday\n\n" + BODY,
        *(BODY + foot + "\n\nThe study was funded by the Orchard Trust.\n" for foot in ("[Ends]", "ENDS", "-ENDS-", "###")),
        BODY + "Notes to editors\n\n1. The study is published in Orchard Health.\n",
        BODY + "NOTES FOR EDITORS: the study is published in Orchard Health.\n",
        BODY + "  **Editor's notes**\n",
    ]
    for text in strong:
        assert release_hint(text) and release_marks(text), text
    assert release_hint(BODY, 0, "press release") and release_hint(BODY, 0, "Northfield University Press Office")
    news = [
        BODY,
        "The university said in a press release on Tuesday that the findings were preliminary.\n\n" + BODY,
        BODY + "The editor of the journal, Dr Ruth Hale, said the notes to editors were clear.\n",
        BODY + "It ends a decade of research.\n\nThe End of the affair\n",
        BODY + "For media inquiries: publications@example.org\n",
    ]
    for text in news:
        assert not release_hint(text, 0, "Northfield Gazette"), text
    # The weaker signs are left to the analysis: two contact lines make a release the hint misses.
    two = BODY + "For media inquiries: publications@example.org\nMedia contact: Jo Bloggs, +44 20 7946 0000\n"
    assert release_marks(two) and not release_hint(two)
    # Front matter is no part of the body: the hint reads from ``body_start`` on.
    front = "ENDS\n"
    assert not release_hint(front + BODY, len(front)) and release_hint(front + BODY)


def test_the_record_can_say_it_is_a_release():
    assert names_a_release("press release") and names_a_release("Northfield University Press Office")
    assert not names_a_release("The Press-Herald") and not names_a_release(None)


def test_a_releases_foot_is_boilerplate_from_its_first_mark_in_the_second_half():
    text = BODY + "[Ends]\n\nAbout the journal\n\nThe Journal of Orchard Health is one of 60 journals.\n"
    doc = document_from_text(text, doc_id="rel", path=None)
    assert is_release(doc)
    foot = text.index("[Ends]")
    assert foot_spans(text, doc.credits) == tuple(s for s in doc.boilerplate if s[0] >= foot)
    assert all(s[0] >= foot for s in foot_spans(text, doc.credits))
    assert any(text[s:e] == "About the journal" for s, e in doc.boilerplate)
    # A mark in the first half ends nothing.
    early = "###\n\n" + BODY + BODY
    assert foot_spans(early, release_marks(early)) == ()


def test_a_release_is_the_source_of_a_story_dated_the_day_before_it():
    release = document_from_text(
        "---\ndate: 2016-05-04\n---\nPress Release\n\n" + BODY + "Notes to editors\n", doc_id="rel", path=None
    )
    story = document_from_text("---\ndate: 2016-05-03\noutlet: Daily Planet\n---\n" + BODY, doc_id="story", path=None)
    verdict = decide(story, release, [])
    assert verdict.determined and (verdict.source, verdict.copy) == ("rel", "story")
    kinds = [e.kind for e in verdict.evidence]
    # Embargoed copy: the date is not held against the release, and there is no conflict.
    assert "release" in kinds and "date" not in kinds and "conflict" not in kinds
    # A week earlier is not an embargo: the date is evidence (outweighed).
    early = document_from_text("---\ndate: 2016-04-27\noutlet: Daily Planet\n---\n" + BODY, doc_id="story", path=None)
    assert "date" in [e.kind for e in decide(early, release, []).evidence]


def test_a_scan_aligns_a_story_lifting_one_sentence_of_a_release(tmp_path):
    # One lifted 22-word sentence is one shared fingerprint (checked below): under the usual rule of
    # two, the index would not pair them; a release is written to be written from, so it does.
    w = Writer(80)
    lifted = w.sentence(22)
    release, story = w.story(350), Writer(580).story(300)
    release.insert(2, lifted)
    story.insert(1, lifted)
    cfg = Settings(workers=1)
    hashes, docs = batch_fingerprints([" ".join(release).encode(), " ".join(story).encode()], cfg.shingle_size, cfg.window)
    assert len(np.intersect1d(hashes[docs == 0], hashes[docs == 1])) == 1

    def scanned(folder, release_foot: str):
        folder.mkdir()
        (folder / "release.txt").write_text(page("Northfield University", "2024-05-02", "Apples and gout", release) + release_foot)
        (folder / "story.txt").write_text(page("Daily Planet", "2024-05-01", "Apples may help", story))
        return scan([str(folder)], cfg)

    found = scanned(tmp_path / "with", "\nNotes to editors\n\nThe study is published in Orchard Health.\n")
    (edge,) = [e for e in found.edges if e.kind != "shared-quote"]
    ids = {Path(d.path).name: d.id for d in found.documents}
    # Drawn under the release, although the story is dated the day before it (an embargo).
    assert (edge.source, edge.copy) == (ids["release.txt"], ids["story.txt"])
    # Two articles neither of which is a release: one fingerprint pairs nothing.
    assert not scanned(tmp_path / "without", "").pairs
