"""Credit lines as real pages print them (``syndtrace.credits``), and what each makes of a page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syndtrace import credits as credits_module
from syndtrace.credits import find_credits
from syndtrace.direction import agency_of, decide, origin_of
from syndtrace.load import document_from_text
from syndtrace.names import dateline_tags, is_agency, is_portal, known, outlets

BODY = "The city council approved the new budget on Tuesday after a long debate about school funding.\n\n"


def page(text: str, outlet: str = "Valley Ledger", author: str | None = None):
    head = f"---\noutlet: {outlet}\n" + (f"author: {author}\n" if author else "") + "---\n"
    return document_from_text(head + text, doc_id="x", path=None)


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("HELSINKI (AP) — " + BODY, "Associated Press"),
        ("WASHINGTON (Reuters) - " + BODY, "Reuters"),
        ("(CNN) — " + BODY, "CNN"),
        ("PARIS (AFP) - " + BODY, "Agence France-Presse"),
        ("By Jane Roe | Bloomberg\n\n" + BODY, "Bloomberg"),
        ("Jane Roe, USA TODAY\n\n" + BODY, "USA TODAY"),
        (BODY + "Associated Press writer John Doe in Denver contributed to this report.\n", "Associated Press"),
        (BODY + "Distributed by Tribune Content Agency, LLC.\n", "Tribune News Service"),
        (BODY + "©2018 Bloomberg L.P.\n", "Bloomberg"),
        ("اسلام آباد (اے پی پی) " + BODY, "Associated Press of Pakistan"),
        ("北京 (新华社) " + BODY, "Xinhua"),
        ("NEW DELHI, March 31 (PTI) " + BODY, "Press Trust of India"),
        ("Brussels, March 16 (EFE).- " + BODY, "Agencia EFE"),
        ("Title of the story\n\nPTI\n\n" + BODY, "Press Trust of India"),
        (BODY + "© Agence France-Presse\n", "Agence France-Presse"),
        (BODY + "Reuters contributed to this report.\n", "Reuters"),
        (BODY + "KFF Health News is a national newsroom that produces in-depth journalism about health issues.\n", "KFF Health News"),
        (BODY + "Georgia Recorder is part of States Newsroom, a nonprofit news network supported by grants.\n", "States Newsroom"),
        # A wire's staff titles: the wire's name (or its dateline tag) before the beat and the role.
        ("By JOSH BOAK, AP Economics Writer\n\n" + BODY, "Associated Press"),
        ("By Jane Roe, Associated Press Writer\n\n" + BODY, "Associated Press"),
        ("By Jane Roe, Associated Press Chief Political Writer\n\n" + BODY, "Associated Press"),
        ("By Peter Whitfield, PA Political Correspondent\n\n" + BODY, "Press Association"),
        ("By PA REPORTER\n\n" + BODY, "Press Association"),
        ("Jane Roe, PA Health Editor\n\n" + BODY, "Press Association"),
    ],
)
def test_a_wire_credit_as_pages_print_it(text, wire):
    assert agency_of(page(text)) == wire


def test_the_records_author_field_may_name_the_wire_or_the_original():
    assert agency_of(page(BODY, author="Associated Press")) == "Associated Press"
    assert agency_of(page(BODY, author="Jane Roe")) is None
    assert origin_of(page(BODY, author="The New York Times"))[0] == "The New York Times"
    assert origin_of(page(BODY, author="Valley Ledger")) is None  # its own outlet
    assert origin_of(page(BODY, author="MSN")) is None  # a portal is never the original


@pytest.mark.parametrize(
    ("text", "original"),
    [
        ("Jane Roe / The Washington Post\n\n" + BODY, "The Washington Post"),
        ("— New York Daily News\n\n" + BODY, "New York Daily News"),
        (BODY + "This story originally appeared on Wired.\n", "Wired"),
        (BODY + "This article is republished from The Conversation under a Creative Commons license.\n", "The Conversation"),
        (BODY + "Republished with permission of The Hill.\n", "The Hill"),
        (BODY + "The Washington Post's Elena Holloway contributed to this report.\n", "The Washington Post"),
        (BODY + "Edited by Wexford Herald staff.\n", "Wexford Herald"),
        (BODY + "Compiled by Wexford Herald from wire reports.\n", "Wexford Herald"),
        (BODY + "Copyright 2005-2020 The Sunnyvale Post. Reproduction without written permission is prohibited.\n", None),
    ],
)
def test_an_original_as_pages_print_it(text, original):
    found = origin_of(page(text))
    assert (found[0] if found else None) == original
    if original is None:  # a copyright line names an outlet: read without its years
        assert [c.source for c in page(text).credits if c.kind == "copyright"] == ["The Sunnyvale Post"]


@pytest.mark.parametrize(
    "text",
    [
        "A Reuters/Ipsos poll found that most voters approved of the budget.\n\n" + BODY,
        "(AP Photo/Evan Vucci)\n\n" + BODY,
        '"We will not back down," the mayor told Reuters on Tuesday.\n\n' + BODY,
        "The Associated Press (AP) reported the vote first.\n\n" + BODY,
        "Jane Roe, Chicago\n\n" + BODY,
        "By Jane Roe, Staff Writer\n\n" + BODY,
        "By AFP Staff\n\n" + BODY,  # American Free Press's own staff (the seed): no title names a wire
        "By Jane Roe, Senior Political Correspondent\n\n" + BODY,
        "Police\n\n" + BODY,
        "The Associated Press is a news cooperative, the mayor noted in a speech.\n\n" + BODY * 30,
    ],
)
def test_lines_that_only_look_like_credits_credit_nothing(text):
    doc = page(text)
    assert agency_of(doc) is None and origin_of(doc) is None, doc.credits


def test_a_portal_is_never_the_original_of_what_it_carries():
    yahoo = page("By Jane Roe | Bloomberg\n\n" + BODY, outlet="Yahoo News")
    other = page("By Jane Roe\n\n" + BODY, outlet="Valley Ledger")
    verdict = decide(yahoo, other, [])
    assert "portal" in [e.kind for e in verdict.evidence] and verdict.source == other.id or verdict.copy == yahoo.id
    assert is_portal("MSN") and not is_portal("Bloomberg")


def test_the_data_file_knows_the_wires_the_issue_lists():
    for name in ("AP", "Reuters", "AFP" and "Agence France-Presse", "Bloomberg", "CNN Newsource", "USA TODAY Network",
                 "Tribune News Service", "Washington Post News Service", "New York Times News Service", "McClatchy",
                 "KFF Health News", "The Conversation", "ProPublica", "States Newsroom", "PA Media", "dpa", "Xinhua",
                 "PTI", "ANI", "APP", "EFE"):  # fmt: skip
        assert is_agency(name), name
    for name in ("Yahoo News", "MSN", "AOL", "Google News", "NewsBreak", "SmartNews", "Flipboard"):
        assert is_portal(name), name
    assert dateline_tags()["AFP"] == "Agence France-Presse" and known("AFP") is None  # "By AFP Staff" is American Free Press
    assert len({o.name for o in outlets()}) == len(outlets())


def test_find_credits_spans_hold_the_line():
    text = "HELSINKI (AP) — " + BODY + "Distributed by Tribune Content Agency.\n"
    for c in find_credits(text):
        assert text[c.start : c.end].strip() == c.text


def test_a_papers_story_sent_out_by_its_news_service_hangs_the_service_under_the_paper():
    from syndtrace.pipeline import compare_documents
    from syndtrace.settings import Settings

    story = BODY * 6
    both = page("Jane Roe / Chicago Tribune\n\n" + story + "Distributed by Tribune Content Agency, LLC.\n", "Valley Ledger")
    service = page(story + "Distributed by Tribune Content Agency, LLC.\n", "Hill Courier")
    docs = [replace(both, id="both"), replace(service, id="service")]
    result = compare_documents(docs, Settings())
    edges = {(e.source, e.copy): e for e in result.edges}
    up = edges[("src:chicago-tribune", "src:tribune-news-service")]
    assert up.kind == "credited-reprint" and "as the wire that distributed it" in up.evidence[0].detail
    # A wire agency's dateline beside a paper's byline names two sources: no such edge.
    ap = page("Jane Roe / Chicago Tribune\n\nHELSINKI (AP) — " + story, "Valley Ledger")
    result = compare_documents([replace(ap, id="ap"), replace(service, id="service")], Settings())
    assert not [e for e in result.edges if e.source.startswith("src:") and e.copy.startswith("src:")]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # Lines a paper prints on its own pages, which a copy of its page keeps.
        ("Wexford Herald staff contributed to this report.", ("contributed", "Wexford Herald")),
        ("© Wexford Herald. All rights reserved. Tips: newsroom@wexford.example", ("copyright", "Wexford Herald")),
        ("© 2019 The Wexford Herald. All rights reserved.", ("copyright", "The Wexford Herald")),
        # Lines that name no newsroom.
        ("Our staff contributed to this report.", None),
        ("Jane Roe contributed to this report.", None),
        ("© Jane Roe", None),
    ],
)
def test_a_papers_own_credit_lines_name_it_though_it_is_no_known_outlet(line, credit):
    found = [(c.kind, c.source) for c in find_credits(BODY + line + "\n")]
    assert found == ([credit] if credit else [])


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # Xinhua's dispatch line opens its stories and their copies: "Xinhua, Beijing, June 3, dispatch".
        ("新华社北京6月3日电 记者从国家粮食和物资储备局获悉。\n", ("Xinhua", "新华社北京6月3日电")),
        ("　新华社北京6月3日电\n记者从国家粮食和物资储备局获悉。\n", ("Xinhua", "新华社北京6月3日电")),
        # A wire's tag in full-width or lenticular brackets, where a paper credits it.
        ("标题\n（新华社）北京消息，今年夏粮收购工作已在主产区全面展开。\n", ("Xinhua", "（新华社）")),
        ("気象庁は大雨特別警報を発表した。【共同】\n", ("Kyodo News", "【共同】")),
        # The agency named in prose, or a common word, credits nothing.
        ("文中提到新华社说的话电\n", None),
        ("両国は共同で声明を発表した。\n", None),
    ],
)
def test_other_scripts_agencies_datelines_credit_them(text, credit):
    found = [(c.source, c.text) for c in find_credits(text) if c.kind == "dateline"]
    assert found == ([credit] if credit else [])


@given(st.text(alphabet="新华社共同电（）【】北京 \n\t\u3000ab", max_size=60))
def test_script_datelines_found_near_their_tags_are_every_match(text):
    pattern, _ = credits_module._script_dateline()
    assert [m.span() for m in credits_module.finditer_near(pattern, text, _keys(), 3)] == [
        m.span() for m in pattern.finditer(text)
    ]


def _keys():
    return credits_module._script_dateline()[1]


def test_a_page_whose_author_field_names_the_others_outlet_credits_it():
    # "author": "The Washington Post" in a subscriber's metadata, no credit line in its text.
    copy = replace(page(BODY * 4, "Yarrow Post", author="The Washington Post"), id="copy")
    post = replace(page(BODY * 4, "The Washington Post"), id="post")
    verdict = decide(copy, post, [])
    assert (verdict.source, verdict.copy) == ("post", "copy")
    assert any('author "The Washington Post"' in e.detail for e in verdict.evidence)


def test_a_page_compiled_by_a_paper_from_a_service_does_not_make_the_paper_the_services_original():
    from syndtrace.pipeline import compare_documents
    from syndtrace.settings import Settings

    story = BODY * 6
    compiled = page("Compiled by The Prescott Observer from wire reports.\n\n" + story
                    + "Distributed by Tribune Content Agency, LLC.\n", "Carrington Monitor")  # fmt: skip
    service = page(story + "Distributed by Tribune Content Agency, LLC.\n", "Hill Courier")
    result = compare_documents([replace(compiled, id="compiled"), replace(service, id="service")], Settings())
    assert not [e for e in result.edges if e.source.startswith("src:") and e.copy.startswith("src:")]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Roe", "Jane Roe"),
        # All capitals: the joining word is capitalised too, and a staff title follows the name.
        ("By MIA DE GRAAF FOR DAILYMAIL.COM and REUTERS", "MIA DE GRAAF"),
        ("By BEN SPENCER MEDICAL CORRESPONDENT FOR THE DAILY MAIL", "BEN SPENCER"),
        ("By SOPHIE BORLAND HEALTH EDITOR FOR THE DAILY MAIL", "SOPHIE BORLAND"),
        ("By Mary Health", "Mary Health"),  # no role word: no title, whatever the name
        ("By Daily Mail Reporter", "Daily Mail Reporter"),  # a newsroom's staff byline, no person's
    ],
)
def test_a_bylines_author_is_the_name_without_its_title(line, author):
    assert page("Title of the story\n\n" + line + "\n\n" + BODY).author == author
