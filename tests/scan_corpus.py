"""A small deterministic builder of synthetic news corpora for ``scan`` tests.

``Writer(seed)`` makes fresh story text: sentences of news-like words drawn
from a fixed vocabulary by a seeded ``random.Random``, so two stories built
from different draws share no 8-word run (``assert_unrelated`` checks it
rather than trusting it). ``article`` assembles a title, byline or
dateline, paragraphs and a footer; ``with_front_matter`` and ``record``
give the two ways ``scan`` reads metadata (front matter in a ``.txt``,
fields of a JSONL/CSV record). The ``*_corpus`` functions at the end are the
scenarios of ``tests/test_scan.py``: ``{file name: content}`` whose truth
(who copies whom, what is quoted, what is furniture) holds by construction.
Everything is synthetic: no real article text.
"""

from __future__ import annotations

import itertools
import json
import random
import re

FUNCTION = "the the the a a of of to to in in and and on for with at by from as that its after".split()
CONTENT = """
council mayor budget harbor bridge river valley county district school teacher student nurse hospital
clinic doctor patient farmer orchard wheat drought rainfall reservoir pipeline turbine factory worker
union contract strike wage pension tenant landlord rent housing permit zoning parcel highway tunnel
railway station freight cargo port vessel ferry captain crew storm flood levee shelter volunteer
firefighter wildfire smoke ridge canyon trail ranger park museum gallery library archive manuscript
festival concert orchestra choir stadium league season coach rookie pitcher goalie referee trophy
senator governor lawmaker committee hearing testimony subpoena verdict jury judge appeal lawsuit
settlement regulator agency inspector audit deficit surplus revenue tariff export import shipment
startup investor merger lender mortgage bakery brewery vineyard fishery salmon oyster lobster
glacier volcano quake tremor satellite rocket telescope laboratory vaccine outbreak infection
researcher survey census ballot precinct election candidate campaign donor pollster debate veteran
refugee migrant border customs passport airport runway pilot terminal commuter transit bus subway
grid outage battery solar reactor uranium copper lithium mine quarry timber sawmill warehouse
quietly sharply narrowly briefly steadily abruptly formally jointly publicly privately
approved rejected delayed postponed expanded trimmed audited surveyed inspected reopened shuttered
announced disclosed warned pledged urged blocked funded repaired flooded evacuated launched
rural coastal northern southern eastern western municipal federal regional seasonal temporary
aging crowded remote historic costly modest sweeping disputed unpaid overdue fragile sturdy
monday tuesday wednesday thursday friday weekend morning evening overnight afternoon
""".split()
FIRST = "Dana Marcus Ilse Tomas Priya Odile Kwame Renata Yusuf Greta Anton Leila Bruno Hana Felix Noor".split()
LAST = "Whitfield Okafor Lindqvist Barros Castellano Nakamura Petrov Adeyemi Moreau Halloran Szabo Quist".split()
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Writer:
    """Fresh news-like text from one seed; every call draws new words."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def sentence(self, words: int | None = None) -> str:
        n = words or self.rng.randint(14, 24)
        picked = [self.rng.choice(FUNCTION) if self.rng.random() < 0.3 else self.rng.choice(CONTENT) for _ in range(n)]
        if self.rng.random() < 0.4:  # a number or a named person now and then, like real copy
            picked[self.rng.randrange(1, n)] = self.rng.choice([str(self.rng.randint(2, 990)), self.name()])
        text = " ".join(picked)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def paragraphs(self, count: int, sentences: int = 3) -> list[str]:
        return [self.paragraph(sentences) for _ in range(count)]

    def story(self, words: int) -> list[str]:
        """Paragraphs of about ``words`` words in all (3 sentences, ~57 words each)."""
        out: list[str] = []
        while sum(len(p.split()) for p in out) < words:
            out.append(self.paragraph())
        return out

    def title(self) -> str:
        return " ".join(w.capitalize() for w in (self.rng.choice(CONTENT) for _ in range(6)))


def article(title: str, paragraphs: list[str], *, head: str | None = None, footer: str | None = None) -> str:
    """Title, optional byline/dateline line, paragraphs, optional footer; blank lines between."""
    parts = [title] + ([head] if head else []) + list(paragraphs) + ([footer] if footer else [])
    return "\n\n".join(parts) + "\n"


def with_front_matter(text: str, **fields: str) -> str:
    """``text`` under a ``---`` front-matter block of ``fields``."""
    head = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{head}---\n{text}"


def record(id: str, text: str, **fields: str) -> dict:
    return {"id": id, **fields, "text": text}


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def edit(paragraphs: list[str], rng: random.Random, changes: int = 2) -> list[str]:
    """A republisher's light touch: ``changes`` single words replaced, in different paragraphs."""
    out = list(paragraphs)
    for k in rng.sample(range(len(out)), min(changes, len(out))):
        words = out[k].split(" ")
        i = rng.randrange(3, len(words) - 3)
        words[i] = rng.choice(["reportedly", "officially", "nearly", "roughly"])
        out[k] = " ".join(words)
    return out


def runs(text: str, n: int = 8) -> set[tuple[str, ...]]:
    """Every run of ``n`` words (casefolded) in ``text``."""
    words = [w.casefold() for w in WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def assert_unrelated(*texts: str, n: int = 8, allow: str = "") -> None:
    """No two texts share an ``n``-word run, apart from runs inside ``allow`` (a deliberate shared piece)."""
    allowed = runs(allow, n)
    for (i, a), (j, b) in itertools.combinations(enumerate(texts), 2):
        common = (runs(a, n) & runs(b, n)) - allowed
        assert not common, f"texts {i} and {j} share {len(common)} {n}-word runs, e.g. {' '.join(sorted(common)[0])!r}"


# --- the corpora of tests/test_scan.py ---------------------------------------------------------


def page(outlet: str, date: str, title: str, paragraphs: list[str], head: str | None = None) -> str:
    return with_front_matter(article(title, paragraphs, head=head), outlet=outlet, date=date)


def wire_corpus() -> dict[str, str]:
    """An AP story and 3 credited reprints; a second story and 2 copies; 3 singletons."""
    rng, w = random.Random(11), Writer(1)
    ap, ap_title = w.story(450), w.title()
    other, other_title = w.story(350), w.title()
    singles = [Writer(100 + k) for k in range(3)]
    single_texts = [(s.title(), s.story(250)) for s in singles]
    dated = edit(ap, rng)
    dated[0] = "WASHINGTON (AP) — " + dated[0]
    docs = {
        "wire/ap.txt": page("Associated Press", "2024-03-01", ap_title, ap, "By Jane Roe, Associated Press"),
        "wire/courier.txt": page("Valley Courier", "2024-03-02", ap_title, edit(ap, rng), "By Jane Roe, Associated Press"),
        "wire/ledger.txt": page("Harbor Ledger", "2024-03-02", ap_title, dated),
        "wire/post.txt": page("Ridge Post", "2024-03-03", ap_title, edit(ap, rng)[:-1], "By Jane Roe, Associated Press"),
        "local/times.txt": page("County Times", "2024-04-01", other_title, other),
        "local/metro.txt": page("Metro Daily", "2024-04-02", other_title, edit(other, rng)),
        "local/lakeside.txt": page("Lakeside News", "2024-04-03", other_title, edit(other, rng)),
    }
    docs |= {f"solo/{k}.txt": page(f"Solo Gazette {k}", "2024-05-01", t, ps) for k, (t, ps) in enumerate(single_texts)}
    assert_unrelated(" ".join(ap), " ".join(other), *(" ".join(ps) for _, ps in single_texts))
    return docs


def digest_corpus() -> dict[str, str]:
    """Two unrelated stories with a copy each, and a "News in Brief" page taking a paragraph of each."""
    rng, wa, wb, wd = random.Random(12), Writer(10), Writer(11), Writer(12)
    a, b, own = wa.story(400), wb.story(400), wd.paragraphs(3, sentences=1)
    assert_unrelated(" ".join(a), " ".join(b), " ".join(own))
    brief = article("News in Brief", [own[0], a[1], own[1], b[2], own[2]])
    return {
        "a1.txt": page("Alpha Times", "2024-03-01", wa.title(), a),
        "a2.txt": page("Beta Daily", "2024-03-02", "Alpha story reprinted", edit(a, rng)),
        "b1.txt": page("Gamma Post", "2024-03-01", wb.title(), b),
        "b2.txt": page("Delta News", "2024-03-02", "Gamma story reprinted", edit(b, rng)),
        "digest.txt": with_front_matter(brief, outlet="Epsilon Herald", date="2024-03-03"),
    }


STATEMENT = Writer(20).sentence(30)
LEADS = ["The ministry said in a statement", "A spokesperson wrote", "Officials replied", "The agency posted", "Its notice read"]


def statement_corpus() -> dict[str, str]:
    """Five unrelated stories quoting one 30-word statement; the last runs it without quotation marks."""
    docs, bodies = {}, []
    for k, lead in enumerate(LEADS):
        w = Writer(30 + k)
        ps = w.story(300)
        ps.insert(2, f'{lead}: "{STATEMENT}"' if k < 4 else f"{lead}: {STATEMENT}")
        bodies.append(" ".join(ps))
        docs[f"q{k}.txt"] = page(f"Outlet {'ABCDE'[k]}", f"2024-06-0{k + 1}", w.title(), ps)
    assert_unrelated(*bodies, allow=STATEMENT)
    return docs


def partial_corpus() -> dict[str, str]:
    """Two ~40-word paragraphs of a 700-word story inside a 600-word article of its own."""
    w1, w2 = Writer(60), Writer(61)
    story, host = w1.story(620), w2.story(600)
    lifted = [" ".join(w1.sentence(20) for _ in range(2)) for _ in range(2)]
    story[3:3] = lifted
    assert_unrelated(" ".join(story), " ".join(host), allow=" ".join(lifted))
    return {
        "story.txt": page("Zeta Courier", "2024-07-01", w1.title(), story),
        "host.txt": page("Eta Journal", "2024-07-02", w2.title(), host[:3] + lifted + host[3:]),
    }


def generations(names: tuple[str, str, str], append: bool = False) -> dict[str, str]:
    """A story, a copy that inserts a sentence, and a copy of that copy carrying the insertion."""
    w, rng = Writer(2), random.Random(7)
    story, title, inserted = w.story(450), w.title(), w.sentence(22)
    mid = list(story)
    if append:  # at the end of the third paragraph
        mid[2] = f"{mid[2]} {inserted}"
    else:  # between the first and second sentences of the third paragraph
        first, rest = mid[2].split(". ", 1)
        mid[2] = f"{first}. {inserted} {rest}"
    mid = edit(mid, rng, 1)
    root, inter, second = names
    return {
        root: page("Northern Star", "2024-03-01", title, story),
        inter: page("Eastern Gazette", "2024-03-02", title, mid),
        second: page("Western Herald", "2024-03-03", title, edit(mid, rng, 1)),
    }


FOOTER = Writer(40).sentence(40)


def footer_corpus(as_jsonl: bool) -> dict[str, str]:
    """One outlet's four different stories, each ending in the same 40-word footer."""
    stories = [(w.title(), w.story(300)) for w in (Writer(50 + k) for k in range(4))]
    assert_unrelated(*(" ".join(ps) + " " + FOOTER for _, ps in stories), allow=FOOTER)
    texts = [article(t, ps, footer=FOOTER) for t, ps in stories]
    if as_jsonl:
        return {"ledger.jsonl": jsonl([record(f"s{k}", t, outlet="Harbor Ledger") for k, t in enumerate(texts)])}
    return {f"s{k}.txt": with_front_matter(t, outlet="Harbor Ledger", date=f"2024-03-0{k + 1}") for k, t in enumerate(texts)}


def write_thru_corpus() -> dict[str, str]:
    """One story in two versions, its wire's page not among them: two pages run the first version's
    lede, three the write-thru's, which replaced it; all run the same body, under the same title."""
    w = Writer(31)
    title, first, later, body = w.title(), w.paragraph(), w.paragraph(), w.story(400)
    assert_unrelated(first, later, " ".join(body))
    outlets = {"a": (first, "Alpha Times"), "b": (first, "Beta Daily"), "c": (later, "Gamma Post"),
               "d": (later, "Delta News"), "e": (later, "Epsilon Herald")}  # fmt: skip
    return {f"{k}.txt": page(outlet, "2024-03-01", title, [lede, *body]) for k, (lede, outlet) in outlets.items()}
