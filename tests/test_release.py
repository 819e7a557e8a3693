"""Press releases told by their text (``syndtrace.release``), and what the pipeline makes of them."""

from __future__ import annotations

from syndtrace.direction import decide
from syndtrace.load import document_from_text
from syndtrace.release import foot_spans, is_release, names_a_release, release_marks

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
