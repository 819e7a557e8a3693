"""Carried additions: which of two copies of a third copied the other (``syndtrace.chains``).

Spans are built by hand: an original ``orig`` of 10 paragraphs of 100
characters (60 words... near enough: 6 characters a word), copies holding
some of them at the same offsets, and text of their own after offset 1000.
"""

from __future__ import annotations

from syndtrace.chains import carried_additions
from syndtrace.model import Document, Insertion, Passage, PassageSide


def docs(*ids: str) -> dict[str, Document]:
    return {i: Document(id=i, path=None, text="", outlet=i.title()) for i in ids}


def upstream_of(*pairs: tuple[str, str]):
    decided = set(pairs)
    return lambda o, d: (o, d) in decided


def passage(a: str, b: str, start: int, end: int, inserted: tuple[int, int] | None = None) -> Passage:
    """``a`` and ``b`` share ``[start, end)``, at the same offsets in both; ``inserted``: words only ``a`` has."""
    words = (end - start) // 6
    ins = (Insertion(a, *inserted, "x", True),) if inserted else ()
    return Passage("p", PassageSide(a, start, end, None, words), PassageSide(b, start, end, None, words), words, 99.0, words, "none", ins)


def test_a_copy_that_carries_a_local_paragraph_copied_the_page_that_added_it():
    # "mid" ran paragraphs 0-8 of "orig" and added a local paragraph at 1000-1200; "late" copied
    # "mid": the local paragraph, and paragraphs 0-5 (it trimmed the rest).
    pairs = {
        ("orig", "mid"): (passage("orig", "mid", 0, 900),),
        ("orig", "late"): (passage("orig", "late", 0, 600),),
        ("mid", "late"): (passage("mid", "late", 0, 600), passage("mid", "late", 1000, 1200)),
    }
    found = carried_additions(pairs, upstream_of(("orig", "mid"), ("orig", "late")), docs("orig", "mid", "late"))
    ev = found[("mid", "late")]
    assert (ev.kind, ev.favours, ev.weight) == ("carried", "mid", 1.5)
    assert ev.detail.startswith("Late carries about 33 words that only Mid added to Orig's text")


def test_subscribers_trimming_the_same_wire_story_differently_are_siblings():
    # Word counts differ (one kept more), but neither holds anything "orig" lacks.
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 500),),
        ("a", "b"): (passage("a", "b", 0, 500),),
    }
    assert carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}


def test_each_adding_its_own_paragraph_is_no_evidence():
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 900),),
        ("a", "b"): (passage("a", "b", 0, 900),),  # their local paragraphs (after 1000) differ
    }
    assert carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")) == {}


def test_an_editors_bracket_carried_into_the_copy_counts_as_an_addition():
    # "mid" inserted a bracket inside paragraph 2 (its passage with "orig" marks it inserted);
    # "late" has it aligned with "mid".
    pairs = {
        ("orig", "mid"): (passage("mid", "orig", 0, 900, inserted=(230, 262)),),
        ("orig", "late"): (passage("orig", "late", 0, 400),),
        ("mid", "late"): (passage("mid", "late", 0, 400),),
    }
    found = carried_additions(pairs, upstream_of(("orig", "mid"), ("orig", "late")), docs("orig", "mid", "late"))
    assert found[("mid", "late")].favours == "mid"


def test_news_written_from_one_release_need_a_sentence_in_common_not_a_changed_word():
    # "mid" changed a word of "orig" (230-238) and "late" has the change: between copies of a
    # wire's page, that shows one copied the other. Two reporters rewriting one press release
    # change a word alike often enough ("said" to "claimed"): there, a sentence is asked for.
    pairs = {
        ("orig", "mid"): (passage("mid", "orig", 0, 900, inserted=(230, 238)),),
        ("orig", "late"): (passage("orig", "late", 0, 400),),
        ("mid", "late"): (passage("mid", "late", 0, 400),),
    }
    upstream = upstream_of(("orig", "mid"), ("orig", "late"))
    assert carried_additions(pairs, upstream, docs("orig", "mid", "late"))[("mid", "late")].favours == "mid"
    released = docs("orig", "mid", "late") | {"orig": Document(id="orig", path=None, text="", outlet="Press release")}
    assert carried_additions(pairs, upstream, released) == {}
    # A sentence that only "mid" added, carried into "late", still shows it.
    pairs[("orig", "mid")] = (passage("mid", "orig", 0, 900, inserted=(230, 290)),)
    assert carried_additions(pairs, upstream, released)[("mid", "late")].favours == "mid"


def test_a_new_version_that_many_carry_is_the_wires_not_one_outlets():
    # "orig" is the first version; "a", "b", "c", "d" all run the write-thru, whose new lede
    # (1000-1300) is in none of "orig": it is the wire's text, not an addition of one of them.
    names = ("a", "b", "c", "d")
    pairs: dict = {("orig", n): (passage("orig", n, 0, 900),) for n in names}
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            pairs[(x, y)] = (passage(x, y, 0, 900), passage(x, y, 1000, 1300))
    up = upstream_of(*(("orig", n) for n in names))
    assert carried_additions(pairs, up, docs("orig", *names)) == {}


def test_two_copies_keeping_as_much_of_the_original_are_related_but_undirected():
    pairs = {
        ("orig", "a"): (passage("orig", "a", 0, 900),),
        ("orig", "b"): (passage("orig", "b", 0, 900),),
        ("a", "b"): (passage("a", "b", 0, 900), passage("a", "b", 1000, 1200)),
    }
    (ev,) = carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), docs("orig", "a", "b")).values()
    assert (ev.favours, ev.weight) == (None, 0.0)


def test_without_a_common_source_there_is_nothing_to_measure_against():
    pairs = {("mid", "late"): (passage("mid", "late", 0, 600), passage("mid", "late", 1000, 1200))}
    assert carried_additions(pairs, upstream_of(), docs("mid", "late")) == {}


def test_copies_of_a_wire_story_missing_from_the_inputs_show_a_carried_correction():
    # Five subscribers credit one wire whose page is not among the inputs. "mid" corrected a figure
    # (its word at 300-305 differs from every other copy), and "late" has "mid"'s figure.
    names = ("mid", "late", "c", "d", "e")
    pairs: dict = {}
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            fixed = {x, y} & {"mid", "late"}
            if len(fixed) == 1:  # one has the correction, the other the wire's figure: both differ there
                pairs[(x, y)] = (passage(x, y, 0, 900, inserted=(300, 305)),)
            else:
                pairs[(x, y)] = (passage(x, y, 0, 900),)
    # A passage's insertion marks side a's words: give each side's its own.
    for (x, y), (p,) in list(pairs.items()):
        if len({x, y} & {"mid", "late"}) == 1:
            ins = tuple(Insertion(d, 300, 305, "x", False) for d in (x, y))
            pairs[(x, y)] = (Passage("p", p.a, p.b, p.words, 99.0, p.words, "none", ins),)
    kin = lambda x, y: "The Wire"  # noqa: E731 - every pair credits it
    found = carried_additions(pairs, upstream_of(), docs(*names), kin)
    assert list(found) == [("mid", "late")]
    ev = found[("mid", "late")]
    assert (ev.kind, ev.favours) == ("carried", None)
    assert "differ from the other copies of The Wire's story" in ev.detail
    # Without the credit, two copies of nothing known are left alone.
    assert carried_additions(pairs, upstream_of(), docs(*names)) == {}


# --- copies of a story whose original is not among the inputs -------------------------------


def shared(a: str, b: str, a_span: tuple[int, int], b_span: tuple[int, int]) -> Passage:
    """``a`` and ``b`` share a passage at ``a_span`` of ``a`` and ``b_span`` of ``b``."""
    words = (a_span[1] - a_span[0]) // 6
    return Passage("p", PassageSide(a, *a_span, None, words), PassageSide(b, *b_span, None, words), words, 99.0, words, "none", ())


def story_pairs(layouts: dict[str, list[tuple[int, int, int]]]) -> dict:
    """Pairs of copies from where each holds the story's text: ``(story offset, own offset, length)`` runs."""
    names = sorted(layouts)
    pairs = {}
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            found = []
            for sx, ox, nx in layouts[x]:
                for sy, oy, ny in layouts[y]:
                    lo, hi = max(sx, sy), min(sx + nx, sy + ny)
                    if hi - lo >= 50:
                        found.append(shared(x, y, (ox + lo - sx, ox + hi - sx), (oy + lo - sy, oy + hi - sy)))
            if found:
                pairs[(x, y)] = tuple(found)
    return pairs


def test_two_copies_alone_sharing_a_local_paragraph_inside_the_story_copied_one_another():
    # Story text 0-900 (plus 5000-5200: "mid"'s local paragraph, placed after its paragraph 4).
    # c, d and e ran the story whole; "late" copied "mid", local paragraph included, and trimmed
    # the last paragraph: it keeps less of what every copy shares, so "mid" is the nearer.
    whole = [(0, 0, 900)]
    layouts = {
        "c": whole, "d": whole, "e": whole,
        "mid": [(0, 0, 500), (5000, 500, 200), (500, 700, 400)],
        "late": [(0, 0, 500), (5000, 500, 200), (500, 700, 300)],
    }  # fmt: skip
    found = carried_additions(story_pairs(layouts), upstream_of(), docs(*layouts))
    assert list(found) == [("late", "mid")]
    ev = found[("late", "mid")]
    assert (ev.kind, ev.favours, ev.weight) == ("carried", "mid", 1.5)
    assert "Late carries about 33 words that, of the story's copies, only Mid has" in ev.detail
    # The run says many documents carry what the two share (a write-thru's text, which the few
    # copies each was compared with lack): no evidence. Where it says few do, the same as above.
    pairs = story_pairs(layouts)
    assert carried_additions(pairs, upstream_of(), docs(*layouts), rare=lambda x, y: False) == {}
    assert carried_additions(pairs, upstream_of(), docs(*layouts), rare=lambda x, y: {x, y} == {"mid", "late"}) == found


def test_the_tail_only_two_copies_left_untrimmed_is_the_story_not_an_addition():
    # Copies cut a story from the bottom at different points; "a" and "b" kept all of it.
    layouts = {"a": [(0, 0, 900)], "b": [(0, 0, 900)], "c": [(0, 0, 600)], "d": [(0, 0, 500)], "e": [(0, 0, 400)]}
    assert carried_additions(story_pairs(layouts), upstream_of(), docs(*layouts)) == {}
    # Where two other copies stop at one point, the story ends there: what follows was added.
    layouts["d"] = layouts["c"]
    (ev,) = carried_additions(story_pairs(layouts), upstream_of(), docs(*layouts)).values()
    assert (ev.kind, ev.favours) == ("carried", None) and "no other copy of the story has" in ev.detail


def test_a_lede_a_write_thru_replaced_is_the_story_not_an_addition():
    # "a" and "b" ran the first version, whose lede (story text 0-150) a write-thru replaced with
    # another (story text 2000-2150) that c, d and e ran: each copy has a lede there.
    prose = " ".join(["word"] * 29) + "\n"  # 150 characters: one paragraph of prose
    first = [(0, 0, 150), (150, 150, 750)]
    later = [(2000, 0, 150), (150, 150, 750)]
    layouts = {"a": first, "b": first, "c": later, "d": later, "e": later}
    texts = {i: Document(id=i, path=None, text=prose * 6, outlet=i.title()) for i in layouts}
    assert carried_additions(story_pairs(layouts), upstream_of(), texts) == {}
    # A framing sentence put on top, where the other copies have only a headline, is an addition.
    headline = "A short headline\n".ljust(150, " ")
    texts.update({i: Document(id=i, path=None, text=headline + prose * 5, outlet=i.title()) for i in "cde"})
    layouts.update({i: [(150, 150, 750)] for i in "cde"})
    (ev,) = carried_additions(story_pairs(layouts), upstream_of(), texts).values()
    assert ev.kind == "carried"


def test_a_scans_documents_hold_no_text_so_the_ledes_are_read_back():
    # As in the test above, but the documents hold no text, as a scan's do: the rule reads the
    # copies' texts by id. Without the reader, "c"'s lede is not seen and "a" and "b" would
    # share an addition.
    prose = " ".join(["word"] * 29) + "\n"
    first = [(0, 0, 150), (150, 150, 750)]
    later = [(2000, 0, 150), (150, 150, 750)]
    layouts = {"a": first, "b": first, "c": later, "d": later, "e": later}
    bare = docs(*layouts)
    read: list[str] = []

    def text(doc_id: str) -> str:
        read.append(doc_id)
        return prose * 6

    assert carried_additions(story_pairs(layouts), upstream_of(), bare, text=text) == {}
    assert read and len(read) == len(set(read))  # each text read once, when first needed
    assert list(carried_additions(story_pairs(layouts), upstream_of(), bare)) == [("a", "b")]


def test_a_copys_own_words_on_top_are_no_write_thru_lede():
    # "a" and "b" alone open with the same paragraph (story text 5000-5150); c, d and e each open
    # with a paragraph of prose of their own, which no other copy runs: their own framing, not
    # another version's lede, so they do not say the two copies' opening is the story's.
    prose = " ".join(["word"] * 29) + "\n"
    layouts = {"a": [(5000, 0, 150), (0, 150, 750)], "b": [(5000, 0, 150), (0, 150, 750)]}
    layouts |= {k: [(9000 + 1000 * n, 0, 150), (0, 150, 750)] for n, k in enumerate("cde")}
    texts = {i: Document(id=i, path=None, text=prose * 6, outlet=i.title()) for i in layouts}
    (ev,) = carried_additions(story_pairs(layouts), upstream_of(), texts).values()
    assert ev.kind == "carried" and "no other copy of the story has" in ev.detail
    # Had c, d and e run one lede of their own (a write-thru's), the opening would be the story's.
    layouts |= {k: [(9000, 0, 150), (0, 150, 750)] for k in "cde"}
    assert carried_additions(story_pairs(layouts), upstream_of(), texts) == {}


def test_text_put_on_top_of_the_originals_text_is_an_addition_whatever_other_versions_run():
    # "orig", among the inputs, has only a headline above the story; "a" put a paragraph on top
    # and "b" copied it, trimming the end. "c" and "d" run a write-thru whose lede (story text
    # 2000-2150) stands where a's paragraph does: against the original's page, it is still a's.
    prose = " ".join(["word"] * 29) + "\n"
    layouts = {"orig": [(0, 150, 750)], "a": [(5000, 0, 150), (0, 150, 750)], "b": [(5000, 0, 150), (0, 150, 600)]}
    layouts |= {k: [(2000, 0, 150), (0, 150, 750)] for k in "cd"}
    texts = {i: Document(id=i, path=None, text=prose * 6, outlet=i.title()) for i in layouts}
    texts["orig"] = Document(id="orig", path=None, text="Headline\n".ljust(150) + prose * 5, outlet="Orig")
    found = carried_additions(story_pairs(layouts), upstream_of(("orig", "a"), ("orig", "b")), texts)
    ev = found[("a", "b")]
    assert (ev.kind, ev.favours) == ("carried", "a") and ev.detail.startswith("B carries about 25 words that only A added")


def test_copies_of_a_version_that_replaced_the_lede_say_nothing_of_a_bracket_in_it():
    # "a" put a bracket (60-110) into the first version's lede (0-150) and "b" copied it; c and d
    # run that lede without it. e, f and g run a write-thru whose own lede replaced the first one:
    # they lack the text around the bracket too, so they do not outvote c and d.
    prose = " ".join(["word"] * 29) + "\n"
    texts = {i: Document(id=i, path=None, text=prose * 6, outlet=i.title()) for i in "abcdefg"}
    pairs = {("a", "b"): (passage("a", "b", 0, 900),), ("c", "d"): (passage("c", "d", 0, 900),)}
    pairs |= {(x, y): (passage(x, y, 0, 900, inserted=(60, 110)),) for x in "ab" for y in "cd"}
    pairs |= {(x, y): (passage(x, y, 150, 900),) for x in "abcd" for y in "efg"}
    pairs |= {(x, y): (passage(x, y, 0, 900),) for x, y in ("ef", "eg", "fg")}
    (ev,) = carried_additions(pairs, upstream_of(), texts).values()
    assert ev.kind == "carried" and "about 8 words that no other copy of the story has" in ev.detail


def test_a_lede_two_copies_kept_from_a_version_the_inputs_lack_is_no_addition():
    # "orig" is the wire's write-thru (new lede at 0-150); "a" and "b" ran the earlier version,
    # whose lede (0-150 in both) the write-thru replaced: text "orig" lacks, which only they
    # share, yet the story's, not an addition of one of them.
    prose = " ".join(["word"] * 29) + "\n"
    texts = {i: Document(id=i, path=None, text=prose * 6, outlet=i.title()) for i in ("orig", "a", "b")}
    pairs = {
        ("orig", "a"): (shared("orig", "a", (150, 900), (150, 900)),),
        ("orig", "b"): (shared("orig", "b", (150, 900), (150, 900)),),
        ("a", "b"): (shared("a", "b", (0, 900), (0, 900)),),
    }
    assert carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), texts) == {}
    # Had "orig" no lede of its own there, the two would share an addition.
    texts["orig"] = Document(id="orig", path=None, text="Headline\n".ljust(150) + prose * 5, outlet="Orig")
    assert list(carried_additions(pairs, upstream_of(("orig", "a"), ("orig", "b")), texts)) == [("a", "b")]
