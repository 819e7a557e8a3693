"""Attribution's fast paths against the plain scans they replace (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from syndtrace.attribute import _CAPITALISED, phrases_ending

WORDS = ["The", "New", "York", "Times", "times", "Post", "post", "NYTimes", "of", "the", "said", "A", "B.", "U.S.", "Reuters"]
GLUE = [" ", " ", " ", "\t", "\n", "\n\n", ", ", ". ", " - ", "’s "]


@st.composite
def texts(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=40))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, glue))


@settings(max_examples=400, deadline=None)
@given(texts(), st.sampled_from(["Times", "York Times", "Post", "A", "s", "Reuters", "New York", "Times\tof"]))
def test_phrases_ending_equals_the_whole_text_scan(text, name):
    whole = {m.group() for m in _CAPITALISED.finditer(text)}
    lines: dict = {}
    for other in ("Times", name):  # a line's phrases kept from one name serve the next
        assert phrases_ending(text, other, lines) == {p for p in whole if p.endswith(other) and p != other}


def _attributed(text_a: str, quote: str, text_b: str):
    from syndtrace.attribute import attribute_passages
    from syndtrace.model import Document, Passage, PassageSide

    docs = {}
    sides = []
    for doc_id, text in (("a", text_a), ("b", text_b)):
        full = text.replace("QUOTE", quote)
        docs[doc_id] = Document(id=doc_id, path=None, text=full)
        start = full.index(quote)
        sides.append(PassageSide(doc_id, start, start + len(quote), None, 20))
    (p,) = attribute_passages([Passage("p1", sides[0], sides[1], 20, 100.0, 0)], docs)
    return p.a.attribution, p.b.attribution


QUOTE = '"The plant will close at the end of the year and four hundred jobs will go with it, the company said."'


def test_a_lead_in_opening_a_sentence_attributes_the_quotation():
    assert _attributed("According to the Inter-Continental News Service, QUOTE\n", QUOTE, "Nothing to see. QUOTE\n")[0] == (
        "Inter-Continental News Service"
    )


def test_a_name_described_as_a_news_organisation_is_one_whatever_its_words():
    got, _ = _attributed("In its report, the German magazine Der Spiegel said: QUOTE\n", QUOTE, "QUOTE\n")
    assert got == "Der Spiegel"
    got, _ = _attributed("The Harbor City Examiner reported that QUOTE\n", QUOTE, "QUOTE\n")
    assert got == "Harbor City Examiner"


def test_a_short_name_on_one_side_is_the_full_name_on_the_other():
    a, b = _attributed("The Eastport Beacon reported that QUOTE\n", QUOTE, "The Beacon reported that QUOTE\n")
    assert a == b == "Eastport Beacon"


def test_the_attribution_around_a_quotation_comes_before_one_inside_it():
    # The report Der Spiegel is quoted from named Reuters; the page quotes Der Spiegel.
    inner = '"The service is due to be connected soon at the new headquarters in Beijing, Reuters said. The bank expects a final dividend,"'
    got, _ = _attributed("Background first.\n\nQUOTE Der Spiegel reported.\n", inner, "QUOTE\n")
    assert got == "Der Spiegel"
    # With nothing around it, a name inside the passage still attributes it.
    got, _ = _attributed("Background first.\n\nQUOTE\n", inner, "QUOTE\n")
    assert got == "Reuters"


def test_a_capitalised_phrase_running_over_a_full_stop_names_no_outlet():
    from syndtrace.attribute import sentence_tail

    # "...told the Asahi Shimbun. Kuroda said" is Kuroda speaking, not an outlet called "Asahi Shimbun. Kuroda".
    assert sentence_tail("Asahi Shimbun. Kuroda") == "Kuroda"
    assert sentence_tail("British Broadcasting Corporation. He") == "He"
    for whole in ("St. Louis Post-Dispatch", "U.S. News", "Federal Express Corp. Unit", "Gov. Smith", "The New York Times"):
        assert sentence_tail(whole) == whole
    # The newspaper is described, but "said" is Kuroda's, in the next sentence.
    text = "Rates will rise, he told the Japanese newspaper Asahi Shimbun. Kuroda said QUOTE\n"
    got, _ = _attributed(text, QUOTE, "QUOTE\n")
    assert got is None


def test_a_lead_in_may_describe_the_outlet_before_naming_it():
    cases = {
        "According to the British newspaper The Guardian, QUOTE\n": "The Guardian",
        "He told the German magazine Der Spiegel: QUOTE\n": "Der Spiegel",
        "He told the German magazine Stern: QUOTE\n": "Stern",  # described, though no list knows it
    }
    for lead, want in cases.items():
        assert _attributed(lead, QUOTE, "QUOTE\n")[0] == want, lead


def test_a_company_that_says_something_is_no_outlet():
    # Newsroom words in a legal name: "Express", "Research", "Times" in "New York Times Co".
    for name in ("Federal Express Corp", "Cray Research Inc", "New York Times Co"):
        got, _ = _attributed(f"{name} said QUOTE\n", QUOTE, "QUOTE\n")
        assert got is None, name
    assert _attributed("The Daily Express reported QUOTE\n", QUOTE, "QUOTE\n")[0] == "Daily Express"


def test_real_titles_name_outlets_and_real_firms_bodies_and_people_do_not():
    # Names as Reuters-21578 prints them before "said" (bench/data/reuters-quoted-names.tsv).
    from syndtrace.names import names_an_outlet

    for name in ("Jakarta Post", "Farmers Daily", "Tehran Radio", "Times of Zambia", "Radio Pakistan", "Sunday Express",
                 "Kyodo News Service", "South African Press Association", "Business Journal of New Jersey", "Beacon"):  # fmt: skip
        assert names_an_outlet(name), name
    for name in ("American Express", "Lone Star", "Economic Planning Agency", "Moody's Investors Service",
                 "Customs Service", "Computer Network", "Public Service Co of New Mexico", "Nomura Research Institute",
                 "Tribune President Stanton Cook", "National Press Club", "News Agency", "Orient-Express", "Press"):  # fmt: skip
        assert not names_an_outlet(name), name


def test_prose_around_a_name_that_is_no_outlet_s_report():
    cases = {
        "the official Saudi Press Agency SPA said QUOTE\n": "Saudi Press Agency",  # the initials after the name
        "Turner Broadcasting System Inc's CNN said QUOTE\n": "CNN",  # the owner before the outlet
        "Turner Broadcasting System Inc’s CNN said QUOTE\n": "CNN",
        "the official news agency MTI said QUOTE\n": "MTI",
        "American Telephone and Telegraph said QUOTE\n": None,  # one firm's name, not The Telegraph
        "Both Associated Press and Reuters reported QUOTE\n": "Reuters",  # a list of outlets
        "A Gazette spokesman said QUOTE\n": None,  # the paper's voice, not its reporting
        "Press reports said QUOTE\n": None,
        "the EC statistics agency Eurostat said QUOTE\n": None,  # a public body described as an agency
        "In the paper Bangemann wrote, QUOTE\n": None,  # a paper that is a document
    }
    for lead, want in cases.items():
        assert _attributed(lead, QUOTE, "QUOTE\n")[0] == want, lead


def test_attributions_reads_each_phrase_of_a_text_alone_and_gives_only_outlets():
    from syndtrace.attribute import attributions

    text = (
        "American Express said profits rose. The Jakarta Post said the deal was near.\n"
        "According to Reuters, talks went on. Press reports said more.\n"
    )
    assert attributions(text) == ["Jakarta Post", "Reuters"]
