"""A story's carriers: subscribers and portals (first generation), second generations, re-scrapes."""

from __future__ import annotations

import math

from wire_build import Page, Story, WireBuilder
from wire_sources import SOURCES, Outlet, fill, person
from wire_text import Piece, change_words, edit_sentence, links

PORTAL_SHARE = 0.3  # wire stories of a partner agency that a portal or two also carries
SECOND_GEN_RATE = 0.08  # second-generation copies per first-generation subscriber
RESCRAPE_RATE = 0.01  # subscriber pages saved twice
LOCAL_P, FRAMING_P, BRACKET_P, CORRECTION_P, OWN_CREDIT_P = 0.25, 0.06, 0.10, 0.06, 0.10
PHOTO_TRAP_P = 0.05  # subscriber pages with another agency's photo credit
MULTI_CREDIT_P = 0.04  # subscriber pages crediting a second agency whose text they do not carry
UNCREDITED_P = 0.04  # subscriber pages with no credit at all
OWN_CREDITS = ("{o} staff contributed to this report.", "Compiled by {o} from wire reports.", "Edited by {o} staff.")


def credit(b: WireBuilder, page: Page, story: Story, portal: bool = False) -> bool:
    """Choose how ``page`` credits ``story``'s source; returns whether it keeps the dateline."""
    rng = b.rng
    src = story.source
    if not portal and rng.random() < UNCREDITED_P:
        return False
    keep = src.dateline is not None and rng.random() < (0.95 if portal else 0.8)
    if portal and rng.random() < 0.5:
        page.top.append(src.authors[0])
    if rng.random() < (0.4 if portal else 0.45):
        page.top.append(fill(rng.choice(src.bylines), rng, story.day, story.city, story.reporter))
    if rng.random() < 0.5 or not (keep or page.top):
        page.tail.append(fill(rng.choice(src.tails), rng, story.day, story.city, person(rng)))
    if story.tail and rng.random() < 0.7:
        page.tail.append(story.tail)
    if rng.random() < (0.8 if portal else 0.3):
        page.author = rng.choice(src.authors)
    page.credits.append(story.name)
    if not portal and rng.random() < MULTI_CREDIT_P:
        other = rng.choice([s for s in SOURCES if s.agency and s.name != story.name and s.weight >= 4])
        if rng.random() < 0.5:
            page.tail.append(f"{other.name} contributed to this report.")
        else:
            page.top.append(f"From {story.name} and {other.name} reports")
        page.credits.append(other.name)
    if rng.random() < PHOTO_TRAP_P:
        if story.name == "Associated Press":
            page.top.insert(0, f"FILE PHOTO: {story.titles[0]}. REUTERS/{person(rng)}")
            b.traps.append({"page": len(b.pages), "kind": "photo", "names": "Reuters"})
        else:
            page.top.insert(0, f"(AP Photo/{person(rng)})")
            b.traps.append({"page": len(b.pages), "kind": "photo", "names": "Associated Press"})
    return keep


def subscriber(b: WireBuilder, story: Story, outlet: Outlet, portal: bool = False) -> Page:
    """A first-generation copy: one version, trimmed, maybe with its own additions, credited its way."""
    rng = b.rng
    k = rng.choices(range(len(story.versions)), weights=[1 + i for i in range(len(story.versions))])[0]
    vb = story.versions[k]
    day, minute, dated = b.when(story.day, story.times[k])
    title = story.titles[k]
    if not portal and rng.random() < 0.4:  # its own headline
        title = change_words(rng, b.vocab, title, rng.randint(1, 2))
    page = Page(0, outlet, "aggregator" if portal else "subscriber", [story.sid], day, minute, dated, title, [],
                version=k, parent=b.parent_of(story, k))  # fmt: skip
    keep_lead = credit(b, page, story, portal)
    body, lk = list(vb), links("v", len(vb))
    first = 1 if vb and vb[0].kind == "lead" else 0
    made: list[tuple[dict, Piece]] = []  # each addition and the piece that holds it
    if not portal:
        for how, p in (("bracket", BRACKET_P), ("correction", CORRECTION_P)):
            if rng.random() < p:
                i = rng.randrange(first, len(body))
                edit = edit_sentence(b.claims, rng, body, i, "bracket" if how == "bracket" else "figure", b.edited)
                if edit:
                    body[i] = edit[0]
                    made.append(({"kind": how, "text": edit[1]}, edit[0]))
    paras = len(body) - first
    if rng.random() < (0.15 if portal else 0.5) and paras > 3:
        keep = rng.randint(max(2, math.ceil(0.35 * paras)), paras - 1)
        body, lk = body[: first + keep], lk[: first + keep]
    if first and not keep_lead:
        body, lk = body[1:], lk[1:]
    if not portal:
        plain = (list(body), list(lk))
        added = []
        if rng.random() < LOCAL_P:
            new = b.fresh(25, 70, story.key)
            at = len(body) if rng.random() < 0.6 else min(len(body), 2 if keep_lead and first else 1)
            body.insert(at, new)
            lk.insert(at, None)
            added.append(({"kind": "local", "text": new.text}, new))
        if rng.random() < FRAMING_P:
            new = b.fresh(12, 35, story.key)
            body.insert(0, new)
            lk.insert(0, None)
            added.append(({"kind": "framing", "text": new.text}, new))
        if added and not b.claims.body(body, lk):
            (body, lk), added = plain, []
        made += added
    page.body = body
    for info, obj in made:
        at = next((i for i, p in enumerate(body) if p is obj), None)
        if at is not None:  # an edit the trim cut away is no addition
            page.additions.append({**info, "piece": at})
    if not portal and rng.random() < OWN_CREDIT_P:
        line = rng.choice(OWN_CREDITS)
        page.tail.append(line.format(o=outlet.name))
        page.additions.append({"kind": "credit", "text": page.tail[-1], "piece": None})
    return b.add(page)


def second_generation(b: WireBuilder, story: Story, inter: Page, outlet: Outlet) -> Page | None:
    """A copy of subscriber ``inter``'s page that carries something only ``inter`` added."""
    rng = b.rng
    texts = [a for a in inter.additions if a["piece"] is not None]
    footer = {"kind": "footer", "text": inter.outlet.footer, "piece": None}
    lines = [a for a in inter.additions if a["piece"] is None] + [footer]
    if texts:  # the page's own text, and now and then its credit line or footer, which a copy of a page may keep
        chosen = rng.sample(texts, rng.randint(1, min(2, len(texts))))
        chosen += [a for a in lines if rng.random() < (0.25 if a is footer else 0.5)]
    else:  # nothing of its own in the text: its credit line, else its footer
        chosen = lines[:1]
    must = max([a["piece"] for a in chosen if a["piece"] is not None], default=-1)
    first = 1 if inter.body and inter.body[0].kind == "lead" else 0
    low = max(must + 1, min(len(inter.body), first + max(3, math.ceil(0.4 * (len(inter.body) - first)))))
    cut = rng.randint(low, len(inter.body)) if rng.random() < 0.4 else len(inter.body)
    body, lk = list(inter.body[:cut]), links("i", cut)
    carried = [a for a in texts if a["piece"] < cut]
    carried += [a for a in lines if a in chosen]
    if not carried:
        return None
    own = False
    if rng.random() < 0.1:
        new = b.fresh(25, 60, story.key)
        if b.claims.body(body + [new], lk + [None]):
            body.append(new)
            own = True
    day, minute, dated = b.when(inter.day, inter.minute, next_day=0.35)
    title = inter.title if rng.random() < 0.7 else change_words(rng, b.vocab, inter.title)
    page = Page(0, outlet, "second-generation", [story.sid], day, minute, dated, title, body,
                version=inter.version, parent=inter.key)  # fmt: skip
    page.top = list(inter.top) if rng.random() < 0.7 else []
    credit_lines = [t for t in inter.tail if not any(a["text"] == t for a in lines)]
    page.tail = list(credit_lines) if rng.random() < 0.7 else []
    page.tail += [a["text"] for a in lines if a in chosen]
    names_inter = rng.random() < 0.15
    if names_inter:
        page.tail.append(f"This story originally appeared on {inter.outlet.name}.")
    page.author = inter.author if rng.random() < 0.6 else None
    page.credits = list(inter.credits)
    page.carries = [{"kind": a["kind"], "text": a["text"]} for a in carried]
    page.shows = _shows(page, inter, cut < len(inter.body), own, names_inter)
    return b.add(page)


def _shows(page: Page, inter: Page, trimmed: bool, own: bool, names_inter: bool) -> list[str]:
    """What in a second generation's text or dates says which of it and ``inter`` came first.

    Carrying ``inter``'s addition shows only that one copied the other; the
    direction shows where the copy names ``inter`` (its credit or footer
    line, or the copy's own "originally appeared on" line: ``names_inter``,
    since the same words in a source's tail name the source), keeps less of
    the story (trimmed), adds a paragraph of its own, or is dated later
    (another day, or 30 minutes or more). Neither page dated, or both dated the same day without times, and
    one text the same as the other: nothing does, and the scorer counts such
    copies apart (``bench/wire_score.py``).
    """
    shows = []
    if names_inter or any(c["kind"] in ("credit", "footer") for c in page.carries):
        shows.append("names its intermediate")
    if trimmed:
        shows.append("trimmed")
    if own:
        shows.append("own paragraph")
    if page.dated and inter.dated:
        if page.day != inter.day or (page.minute is not None and inter.minute is not None and page.minute - inter.minute >= 30):
            shows.append("dated later")
    return shows


def carry(b: WireBuilder, story: Story) -> None:
    """All of ``story``'s carriers: subscribers and portals, then second generations and re-scrapes."""
    rng = b.rng
    if story.kind == "aggregated":
        for outlet in rng.sample(b.portals, rng.randint(2, min(5, len(b.portals)))):
            subscriber(b, story, outlet, portal=True)
        return
    count = rng.randint(*b.carriers)
    portals = []
    if story.source.partner and rng.random() < PORTAL_SHARE:
        portals = rng.sample(b.portals, min(count - 1, rng.randint(1, 2))) if count > 1 else []
    subs = b.pick_subscribers(count - len(portals), set())
    firsts = [subscriber(b, story, o) for o in subs] + [subscriber(b, story, o, portal=True) for o in portals]
    used = {o.name for o in subs}
    # A page with nothing of its own is copied again now and then too: the copy keeps its footer.
    eligible = [p for p in firsts if p.kind == "subscriber" and (p.additions or rng.random() < 0.06)]
    want = min(len(eligible), int(len(subs) * SECOND_GEN_RATE + rng.random()))
    if want:
        outlets = b.pick_subscribers(want, used)
        for inter, outlet in zip(rng.sample(eligible, want), outlets):
            second_generation(b, story, inter, outlet)
    for p in firsts:
        if p.kind == "subscriber" and rng.random() < RESCRAPE_RATE:
            again = Page(0, p.outlet, "rescrape", [story.sid], p.day, None, rng.random() < 0.7, p.title, p.body,
                         list(p.top), list(p.tail), p.author, p.key, p.version, credits=list(p.credits))  # fmt: skip
            b.add(again)
