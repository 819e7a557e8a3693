"""Pages beyond one story's copies: compilations, quoted reports and solo articles.

* "The Latest" pages: timestamped items, each 1-3 paragraphs from one of the
  day's stories of one agency;
* news-in-brief and roundup pages: short items (a heading, the lede) from
  several stories of a day and the one before;
* pages that run one story and embed a second one ("Related coverage"),
  crediting both agencies;
* quoted-report groups: outlets' own articles quoting, in quotation marks and
  with "according to X" / "X reported", the same sentences of one outlet's
  report (the report itself sometimes in the corpus);
* solo articles nobody copies (some quote a statement, some carry a trap).

Each compilation is a member of every story it draws on.
"""

from __future__ import annotations

from reuters_pool import words_of
from wire_build import Page, Story, WireBuilder, person
from wire_sources import PLACES, QUOTED
from wire_text import Piece, group, piece
from wire_versions import build_versions

_QUOTED_MASTHEADS = ("Inquirer", "Intelligencer", "Courant", "Enquirer", "Gleaner", "Beacon", "Sun-Times", "Free Press")
_QUOTED_PLACES = ("Harbor City", "Lake Raven", "Port Alder", "Mount Verity", "Cobalt Springs", "North Ashby",
                  "Greyhaven", "Saltmarsh", "Copperton", "Bramble Bay", "Eastmere", "Fallow Creek")  # fmt: skip
ITEM_WORDS = 30  # fewest words of a compilation's item
BRIEF_TITLES = (
    "News in Brief", "World in Brief", "Nation & World Briefs", "Business Roundup", "The Day in Brief", "Around the World",
)  # fmt: skip


def _carrier(b: WireBuilder, story: Story) -> tuple[Page, list[int]]:
    """A page of ``story`` a compilation takes text from, and the pieces it may take (its own additions aside).

    Taking text from a page rather than from a version means what a compilation
    carries is in the corpus for a tool to find: a version nobody ran never is.
    """
    pages = [b.pages[k] for k in story.members if b.pages[k].kind in ("original", "version", "subscriber", "aggregator")]
    plain = [p for p in pages if not p.additions]
    page = b.rng.choice(plain or pages)
    skip = {a["piece"] for a in page.additions}
    return page, [i for i in range(len(page.body)) if i not in skip]


def _item(b: WireBuilder, story: Story, dateline: bool, low: int, high: int, from_top: bool) -> tuple[list[Piece], list]:
    """1-3 consecutive paragraphs of one of ``story``'s pages (at least ITEM_WORDS words where it has them),
    with their links."""
    rng = b.rng
    page, usable = _carrier(b, story)
    body = page.body
    paras = [i for i in usable if body[i].kind != "lead"]
    start = 0 if from_top else rng.randrange(len(paras))
    end = min(len(paras), start + rng.randint(low, high))
    while sum(body[i].words for i in paras[start:end]) < ITEM_WORDS and (end < len(paras) or start > 0):
        if end < len(paras):
            end += 1  # an item long enough to be worth finding
        else:
            start -= 1
    idx = paras[start:end]
    if dateline and idx[0] - 1 in usable and body[idx[0] - 1].kind == "lead":
        idx.insert(0, idx[0] - 1)
    return [body[i] for i in idx], [((story.sid, page.key), i) for i in idx]


def _compile(b: WireBuilder, page: Page, parts: list[tuple[Piece | None, list[Piece], list]]) -> bool:
    """Lay out ``(heading, pieces, links)`` items and claim their junctions; items that collide are left out."""
    body: list[Piece] = []
    lk: list = []
    for head, pieces, item_links in parts:
        if any(p is q for p in pieces for q in body):
            continue  # that text is on the page already
        trial = body + ([head] if head else []) + pieces
        trial_lk = lk + ([None] if head else []) + item_links
        if b.claims.body(trial, trial_lk):
            body, lk = trial, trial_lk
    page.body = body
    drawn = sorted({link[0][0] for link in lk if link is not None and isinstance(link[0], tuple)})
    page.stories = drawn
    return len(drawn) >= 2


def latest(b: WireBuilder, stories: list[Story]) -> Page | None:
    """A "The Latest" page: newest item first, each item a timestamp and 1-3 paragraphs of one story."""
    rng = b.rng
    src = stories[0].source
    own = rng.random() < 0.3
    outlet = b.outlet(src.page_outlet, src.zone) if own else b.pick_subscribers(1, set())[0]
    order = list(stories) + [rng.choice(stories) for _ in range(rng.randint(1, 4))]
    rng.shuffle(order)
    minute = rng.randint(1080, 1380)
    parts = []
    for st in order:
        stamp = f"{(minute // 60 - 1) % 12 + 1}:{minute % 60:02d} {'a.m.' if minute < 720 else 'p.m.'}"
        pieces, lk = _item(b, st, False, 1, 3, rng.random() < 0.5)
        parts.append((piece("head", (stamp,), st.key), pieces, lk))
        minute = max(0, minute - rng.randint(15, 90))
    page = Page(0, outlet, "compilation", [], stories[0].day, rng.randint(1080, 1439), True,
                f"The Latest: {stories[0].titles[0]}", [], compilation="latest")  # fmt: skip
    if not _compile(b, page, parts):
        return None
    page.top.append("By The Associated Press" if src.name == "Associated Press" else f"By {src.name}")
    if rng.random() < 0.5:
        page.author = src.authors[0]
    page.credits = [src.name]
    return b.add(page)


def brief(b: WireBuilder, stories: list[Story]) -> Page | None:
    """A news-in-brief page: each item a heading and the lede (with its dateline) of one story."""
    rng = b.rng
    parts = []
    for st in stories:
        pieces, lk = _item(b, st, True, 1, 2 if rng.random() < 0.3 else 1, True)
        parts.append((piece("head", (st.titles[0],), st.key), pieces, lk))
    day = max(st.day for st in stories)
    page = Page(0, b.pick_subscribers(1, set())[0], "compilation", [], day, None, True, rng.choice(BRIEF_TITLES), [],
                compilation="brief")  # fmt: skip
    if not _compile(b, page, parts):
        return None
    page.tail.append(rng.choice(("Compiled from wire reports.", "From wire services.", "Staff and wire reports")))
    page.credits = sorted({b.stories[s].name for s in page.stories})
    return b.add(page)


def embed(b: WireBuilder, main: Story, second: Story) -> Page | None:
    """A copy of ``main`` that embeds 2-3 paragraphs of ``second`` and credits both sources."""
    rng = b.rng
    carrier, usable = _carrier(b, main)
    k = carrier.version
    keep = usable[: rng.randint(max(2, len(usable) // 2), len(usable))]
    pieces, lk = _item(b, second, False, 2, 3, rng.random() < 0.5)
    parts = [(None, [carrier.body[i] for i in keep], [((main.sid, carrier.key), i) for i in keep]),
             (piece("head", ("Related coverage",), second.key), pieces, lk)]  # fmt: skip
    day, minute, dated = b.when(main.day, main.times[k])
    page = Page(0, b.pick_subscribers(1, set())[0], "compilation", [], day, minute, dated, main.titles[k], [],
                parent=b.parent_of(main, k), version=k, compilation="embed")  # fmt: skip
    if not _compile(b, page, parts) or page.body[0] is not carrier.body[keep[0]]:
        return None
    page.tail.append(f"{second.name} contributed to this report.")
    page.credits = [main.name, second.name]
    if rng.random() < 0.3:
        page.author = main.source.authors[0]
    return b.add(page)


def compilations(b: WireBuilder) -> None:
    """The Latest pages for (agency, day) groups, news-in-brief pages, and embeds."""
    rng = b.rng
    groups: dict[tuple[str, int], list[Story]] = {}
    for st in b.stories:
        if st.kind == "wire":
            groups.setdefault((st.name, st.day), []).append(st)
    for (_, _), sts in sorted(groups.items()):
        if len(sts) >= 2 and rng.random() < 0.6:
            latest(b, rng.sample(sts, min(len(sts), rng.randint(2, 4))))
    wires = [st for st in b.stories if st.kind == "wire"]
    by_day: dict[int, list[Story]] = {}
    for st in wires:
        by_day.setdefault(st.day, []).append(st)
    for _ in range(max(1, round(b.n_stories * 0.05))):
        day = rng.randrange(b.days)
        pool = by_day.get(day, []) + by_day.get(day - 1, [])
        if len(pool) >= 3:
            brief(b, rng.sample(pool, min(len(pool), rng.randint(3, 6))))
    for _ in range(max(1, round(b.n_stories * 0.04))):
        main = rng.choice(wires)
        near = by_day.get(main.day, []) + by_day.get(main.day + 1, [])
        others = [st for st in near if st is not main and st.name != main.name]
        if others:
            embed(b, main, rng.choice(others))


def quoted_group(b: WireBuilder, sid: int, name: str, forms: tuple[str, ...]) -> None:
    """Outlets' own articles quoting the same 2-3 sentences of ``name``'s report."""
    rng = b.rng
    story = Story(sid, "quoted-report", name, (), None, rng.randrange(b.days), "", person(rng))
    b.stories.append(story)
    build_versions(b, story, 350, 600)
    report = story.versions[0]
    multi = [p for p in report if p.kind == "para" and len(p.sents) >= 2 and p.key == story.key]
    quote = list(rng.choice(multi).sents[:3]) if multi else [report[0].sents[0]]
    if rng.random() < 0.4:
        page = Page(0, b.outlet(name, "-04:00"), "original", [sid], story.day, story.times[0], True, story.titles[0], report)
        page.top.append(f"By {story.reporter}")
        b.add(page)
        story.pages.append(page.key)
    else:
        story.pages.append(None)
    parent = story.pages[0] if story.pages[0] is not None else name
    usable = list(forms)
    for n in range(rng.randint(3, 5)):
        form = forms[0] if n == 0 else rng.choice(usable)  # one of them names the outlet in full
        title, _, segments = b.text.take(rng.randint(250, 450))
        body = [piece("para", p, story.key) for p in group([s for seg in segments for s in seg], rng, 1, 3)]
        frames = [
            (f"According to {form}, \"", '"'),
            ('"', f'," {form} reported.'),
            (f'{form[0].upper() + form[1:]} reported that "', '"'),
            (f'In its report, {form} said: "', '"'),
        ]
        rng.shuffle(frames)
        placed = False
        for before, after in frames:
            # A quotation inside the quoted report's words takes single quotes, as writers print it:
            # nested double quotes would leave the inner words outside any quotation.
            said = [s.replace('"', "'") for s in quote]
            if after.startswith(","):
                said[-1] = said[-1].rstrip(".")
            sents = [before + said[0], *said[1:]]
            sents[-1] += after
            new = piece("para", sents, story.key)
            cut1 = len(words_of(before))
            cut2 = cut1 + len(words_of(" ".join(quote)))
            places = list(range(1, min(4, len(body)) + 1))
            rng.shuffle(places)
            trial = body[: places[0]] + [new] + body[places[0] :]
            if b.claims.inside(trial, places[0], new, [cut1, cut2]) and b.insert(body, new, places):
                placed = True
                break
        if not placed:
            continue
        day, minute, dated = b.when(story.day, story.times[0], next_day=0.4)
        page = Page(0, b.pick_subscribers(1, set())[0], "quoted", [sid], day, minute, dated, title, body, parent=parent)
        page.credits = [name]
        b.add(page)


def quoted_groups(b: WireBuilder, count: int) -> None:
    """``count`` quoted-report groups, each quoting a different outlet (made-up ones once the list runs out).

    Two groups never quote one outlet: their frames ("In its report, the Harbor
    City Examiner said:") would be 8 words that unrelated pages share.
    """
    places = _QUOTED_PLACES + PLACES
    extra = [(f"The {p} {m}", (f"the {p} {m}", f"the {m}")) for m in _QUOTED_MASTHEADS for p in places]
    b.rng.shuffle(extra)
    for n in range(count):
        if n < len(QUOTED):
            name, forms = QUOTED[n]
        else:  # past the made-up names too (S above 9,000): numbered editions
            k, (name, forms) = divmod(n - len(QUOTED), len(extra))[0], extra[(n - len(QUOTED)) % len(extra)]
            if k:
                name, forms = f"{name} {k + 1}", (f"{forms[0]} {k + 1}", forms[1])
        quoted_group(b, len(b.stories), name, forms)


def solo(b: WireBuilder, story: Story) -> None:
    """A local article nobody copies."""
    outlet = b.pick_subscribers(1, set())[0]
    story.name = outlet.name
    build_versions(b, story, 350, 800)
    day, minute, dated = b.when(story.day, None, next_day=0)
    page = Page(0, outlet, "solo", [story.sid], day, minute, dated, story.titles[0],
                story.versions[0], parent=None)  # fmt: skip
    if b.rng.random() < 0.5:
        page.top.append(f"By {story.reporter}")
    b.add(page)

