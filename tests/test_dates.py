"""Reading dates (``syndtrace.dates``): the forms read, the ones refused, and what is never compared."""

from __future__ import annotations

import pytest

from syndtrace.dates import day_of, find_dates, instant_of, parse_date, unreadable_date_notes
from syndtrace.direction import decide
from syndtrace.errors import SettingsError
from syndtrace.model import Document
from syndtrace.settings import Settings


@pytest.mark.parametrize(
    "given, iso",
    [
        ("2020-02-10", "2020-02-10"),
        ("2020-02-07T10:00:00Z", "2020-02-07T10:00:00Z"),  # ISO keeps its time
        ("2020-02-07T10:00:00.123Z", "2020-02-07T10:00:00.123Z"),  # and its zone after a fraction
        ("February 10, 2020", "2020-02-10"),
        ("Feb. 10, 2020", "2020-02-10"),
        ("Sept. 4, 2019", "2019-09-04"),
        ("September 4 2019", "2019-09-04"),
        ("10 February 2020", "2020-02-10"),
        ("Mon, 10 Feb 2020 14:00:00 +0000", "2020-02-10"),  # RFC 2822
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),  # Reuters-21578
        ("1-jun-1987", "1987-06-01"),
        ("2020/02/10", "2020-02-10"),
        ("2020/2/3", "2020-02-03"),
        # Digits alone, in metadata: a day, GDELT's UTC second, Unix seconds and milliseconds.
        ("20200210", "2020-02-10"),
        ("20200210143000", "2020-02-10T14:30:00Z"),
        ("1581343200", "2020-02-10T14:00:00Z"),
        ("1581343200123", "2020-02-10T14:00:00Z"),
    ],
)
def test_dates_read(given, iso):
    assert parse_date(given) == iso


@pytest.mark.parametrize(
    "given",
    [
        "10/02/2020",  # day and month could be either way round
        "2020",
        "Jan. 2",  # no year
        "February 30, 2020",
        "2021-02-29",
        "2020-13-01",
        "2020/2/30",
        "31-APR-1987",
        "yesterday",
        "20201310",
        "2020021014",  # a date and an hour, or Unix time in 2034: neither is read
        "123456789",
    ],
)
def test_dates_refused(given):
    assert parse_date(given) is None


@pytest.mark.parametrize(
    "given, dmy, mdy",
    [
        ("10/02/2020", "2020-02-10", "2020-10-02"),
        ("10.02.2020 14:00", "2020-02-10", "2020-10-02"),
        ("13-02-2020", "2020-02-13", None),  # no 13th month
        ("31/04/2020", None, None),
        ("10/02-2020", None, None),  # one separator throughout
        ("2020-02-10", "2020-02-10", "2020-02-10"),  # unambiguous forms read as ever
    ],
)
def test_numeric_dates_are_read_only_in_the_order_given(given, dmy, mdy):
    assert parse_date(given) == (given if given.startswith("2020") else None)
    assert (parse_date(given, "dmy"), parse_date(given, "mdy")) == (dmy, mdy)


def test_a_date_order_other_than_dmy_or_mdy_is_refused_saying_what_works():
    with pytest.raises(SettingsError, match=r"--date-order must be dmy .* or mdy"):
        Settings(date_order="ymd")


def test_find_dates_reads_wire_dates_in_text_with_offsets_but_never_bare_digits():
    text = "PARIS, 26-FEB-1987 - Talks resumed on 2020/02/10, not on 30-FEB-1987, for 20200210 dollars."
    assert find_dates(text) == [(7, 18, "1987-02-26"), (38, 48, "2020-02-10")]


def test_day_of_answers_only_for_iso_dates():
    assert day_of("2020-02-07T10:00:00-05:00") == "2020-02-07"
    assert day_of("2020-02-07") == "2020-02-07"
    # Kept as given because unread: as text, "9-MAR-1987" would sort after "1-JUN-1987".
    for value in ("9-MAR-1987", "1-JUN-1987", "10/02/2020", "2020-19-39", "", None):
        assert day_of(value) is None


def doc(id: str, date: str | None) -> Document:
    return Document(id=id, path=None, text="", outlet=id.title() + " News", date=date)


def test_unread_dates_give_no_date_evidence():
    # Compared as text, "09/06/2020" < "10/03/2020" would make b the earlier.
    verdict = decide(doc("a", "10/03/2020"), doc("b", "09/06/2020"), [])
    assert not [e for e in verdict.evidence if e.kind == "date"]
    assert not verdict.determined


def test_read_dates_are_compared_by_calendar():
    verdict = decide(doc("a", "1987-06-01"), doc("b", "1987-03-09"), [])
    (date,) = [e for e in verdict.evidence if e.kind == "date"]
    assert date.favours == "b"
    assert (verdict.source, verdict.copy) == ("b", "a")


def test_one_note_per_file_naming_the_first_unread_date():
    notes = unreadable_date_notes(
        [("feed.jsonl", 3, "10/02/2020"), ("feed.jsonl", 9, "11/02/2020"), ("a.txt", None, "last Tuesday")]
    )
    assert [(n.path, n.line) for n in notes] == [("feed.jsonl", 3), ("a.txt", None)]
    assert notes[0].reason.startswith("2 records' dates (this one '10/02/2020') are not in a form syndtrace reads")
    assert notes[1].message.startswith("a.txt: the date 'last Tuesday' is not in a form syndtrace reads")
    assert "2020-02-10" in notes[0].reason  # says what to write instead
    assert unreadable_date_notes([]) == []


def test_instants_need_a_time_and_a_zone():
    assert instant_of("2018-06-01T12:52:09-04:00") < instant_of("2018-06-01T17:10:26Z")
    for value in ("2018-06-01", "2018-06-01T12:52:09", "06/01/2018 12:52", None):
        assert instant_of(value) is None


@pytest.mark.parametrize(
    "dates, reading_order",
    [
        (("2018-06-01T12:52:09-04:00", "2018-06-01T05:10:26-04:00"), ("b", "a")),  # published first on top
        (("2018-06-01T05:10:26-04:00", "2018-06-01T12:52:09-04:00"), ("a", "b")),
        (("2018-06-01T05:10:26-04:00", "2018-06-01T12:52:09"), ("a", "b")),  # a naive time: ids decide
        (("2018-06-01T12:52:09-04:00", "2018-06-01"), ("a", "b")),
    ],
)
def test_an_undetermined_pair_reads_from_the_one_published_first(dates, reading_order):
    verdict = decide(doc("a", dates[0]), doc("b", dates[1]), [])
    assert not verdict.determined and not verdict.evidence  # the hour is no evidence
    assert (verdict.source, verdict.copy) == reading_order


def test_evidence_between_two_pages_of_one_outlet_names_each_by_id():
    early = Document(id="r2572", path=None, text="", outlet="Harbor Ledger", date="1987-03-06")
    late = Document(id="r10415", path=None, text="", outlet="Harbor Ledger", date="1987-03-27")
    (date,) = decide(late, early, []).evidence
    assert date.detail == "Harbor Ledger (r2572)'s text is dated 1987-03-06, Harbor Ledger (r10415)'s 1987-03-27"
    (other,) = decide(late, doc("a", "1987-03-01"), []).evidence
    assert other.detail == "A News' text is dated 1987-03-01, Harbor Ledger's 1987-03-27"  # distinct labels stay


@pytest.mark.parametrize(
    "value, iso",
    [
        ("Jan. 3, 1857", "1857-01-03"),
        ("3d January 1857", "1857-01-03"),
        ("January 3d, 1857", "1857-01-03"),
        ("3rd Jan. 1857", "1857-01-03"),
        ("2d March, 1790", "1790-03-02"),
        ("the 22d of February, 1732", "1732-02-22"),
        ("1st May 1601", "1601-05-01"),
        ("4th July 1776", "1776-07-04"),
        ("1857-01-03", "1857-01-03"),
        ("18570103", "1857-01-03"),
        ("Jan. 3, 1599", None),  # before 1600: no newspaper to trace
        ("February 30, 1857", None),
        ("1700-02-29", None),  # not a leap year
    ],
)
def test_historical_dates_from_1600_on(value, iso):
    assert parse_date(value) == iso


def test_historical_dates_in_the_head_of_a_text_and_as_direction_evidence():
    from syndtrace.load import document_from_text

    text = "THE WEEKLY HERALD.\n\nBoston, Saturday, Jan. 10th, 1857.\n\nA fire broke out on the wharf last evening."
    assert document_from_text(text, doc_id="h", path="h.txt").date == "1857-01-10"
    (date,) = decide(doc("b", "1857-01-10"), doc("a", "1857-01-03"), []).evidence
    assert date.kind == "date" and date.favours == "a"
    assert day_of("1857-01-03") == "1857-01-03"


def test_the_hour_decides_only_between_pages_known_to_be_linked():
    # Other copies showed that one of the two carries what only the other added: of two pages of
    # one day, the one published first is then the likelier source.
    from syndtrace.lineage import Evidence

    linked = (Evidence("carried", None, 0.0, "a and b share words no other copy has: one copied the other"),)
    a, b = doc("a", "2018-06-01T12:52:09-04:00"), doc("b", "2018-06-01T05:10:26-04:00")
    verdict = decide(a, b, [], linked)
    (hour,) = [e for e in verdict.evidence if e.kind == "date"]
    assert (hour.favours, hour.weight) == ("b", 0.5)
    assert hour.detail == "B News was published at 09:10 UTC, A News at 16:52 UTC on the same day"
    assert (verdict.source, verdict.copy) == ("b", "a")
    assert not decide(a, b, []).determined  # unlinked, the hour is no evidence


def test_the_hour_still_decides_between_linked_pages_that_credit_an_undated_original():
    # Both reprint ProPublica ("originally published by ProPublica", no date): their text is
    # ProPublica's, but which of the two pages ran first is still when each was published.
    from dataclasses import replace

    from syndtrace.lineage import Evidence
    from syndtrace.load import document_from_text

    text = "Water rates rise\n\nThe city raised water rates on Monday.\n\nThis story was originally published by ProPublica."
    base = document_from_text(text, doc_id="x", path="x.txt")
    a = replace(base, id="a", outlet="A News", date="2018-06-01T12:52:09-04:00")
    b = replace(base, id="b", outlet="B News", date="2018-06-01T05:10:26-04:00")
    linked = (Evidence("carried", None, 0.0, "a and b share words no other copy has: one copied the other"),)
    verdict = decide(a, b, [], linked)
    assert [e.favours for e in verdict.evidence if e.kind == "date"] == ["b"]
    assert (verdict.source, verdict.copy) == ("b", "a")


def test_a_known_publishers_page_reads_above_a_page_of_an_outlet_the_list_does_not_know():
    # Reading order, not evidence: a tree that must hang one under the other shows the Post on top.
    post = Document(id="z", path=None, text="", outlet="The Washington Post", date="2018-06-01T12:52:09-04:00")
    local = Document(id="a", path=None, text="", outlet="Yarrow Post", date="2018-06-01T05:10:26-04:00")
    verdict = decide(local, post, [])
    assert not verdict.determined and (verdict.source, verdict.copy) == ("z", "a")
