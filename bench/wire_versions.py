"""A story's text: its first version (with background paragraphs, statements, traps) and its write-thrus."""

from __future__ import annotations

from reuters_pool import words_of
from wire_build import Story, WireBuilder
from wire_sources import fill, person
from wire_text import Piece, change_words, edit_sentence, group, links, piece

TRAP_P = 0.15  # wire stories and solos whose text names another agency (told Reuters, a Reuters/Ipsos poll)


def first_version(b: WireBuilder, story: Story, low: int, high: int) -> list[Piece]:
    """The story's first text: fresh paragraphs, a dateline, its background paragraphs, statements, traps."""
    rng = b.rng
    title, _, segments = b.text.take(rng.randint(low, high))
    story.titles.append(title)
    sents = [s for seg in segments for s in seg]
    body = [piece("para", p, story.key) for p in group(sents, rng)]
    lead = b.dateline(story)
    if lead is not None and not b.insert(body, lead, [0]):
        # Another story of the agency opens with the same seven words (two Reuters stories can):
        # "(AP) — " before both would be a run they share. This one goes without a dateline.
        lead = None
    first = 1 if lead is not None else 0
    n = len(body)
    for bg in list(story.background):
        places = list(range(max(first + 1, n // 2), n + 1))
        rng.shuffle(places)
        if not b.insert(body, background_para(b, bg), places):
            story.background.remove(bg)
            b.background[bg].remove(story.sid)
    for g in list(story.statements):
        if not statement(b, body, g, first):
            story.statements.remove(g)
            b.statement_groups[g].remove(story.sid)
    if story.kind in ("wire", "solo") and rng.random() < TRAP_P:
        trap(b, body, story, first)
    return body


def background_para(b: WireBuilder, bg: int) -> Piece:
    """Background paragraph ``bg``: one text, reused in each of its stories."""
    if bg not in b.bg_paras:
        b.bg_paras[bg] = b.fresh(35, 70, ("bg", bg))
    return b.bg_paras[bg]


def statement(b: WireBuilder, body: list[Piece], g: int, first: int) -> bool:
    """Quote statement ``g`` in a paragraph of its own, in the first frame whose windows are free."""
    rng = b.rng
    _, _, said, who = b.statements[g]
    frames = [('"', '," {who} said.'), ("{who} said: \"", '"'), ('"', '" {who} said in a statement.')]
    rng.shuffle(frames)
    places = list(range(first + 1, len(body) + 1))
    rng.shuffle(places)
    for before, after in frames:
        before, after = before.format(who=who), after.format(who=who)
        text = before + (said[:-1] if after.startswith(",") else said) + after
        new = piece("para", (text,), ("st", g))
        cut1 = len(words_of(before))
        cut2 = cut1 + len(words_of(said))
        at = places[0]
        trial = body[:at] + [new] + body[at:]
        if b.claims.inside(trial, at, new, [cut1, cut2]) and b.insert(body, new, places):
            return True
    return False


def trap(b: WireBuilder, body: list[Piece], story: Story, first: int) -> None:
    """A sentence naming an agency that is not the story's source: "told Reuters", a poll."""
    rng = b.rng
    options = []
    if story.name != "Reuters":
        options += [("told", '"{s}," {who} told Reuters.', "Reuters")]
        options += [("poll", "{s}, according to a Reuters/Ipsos poll.", "Reuters")]
    if story.name != "Associated Press":
        options += [("poll", "{s}, an AP-NORC poll found.", "Associated Press")]
    if story.name != "Agence France-Presse":
        options += [("told", '"{s}," {who} told AFP.', "Agence France-Presse")]
    kind, template, named = rng.choice(options)
    s = b.bank.sentences(12, 30)[0]
    text = template.format(s=s[:-1] if s[-1] in ".!?" else s, who=person(rng))
    new = piece("para", (text,), story.key)
    lead_words = len(words_of(template.split("{s}")[0]))
    cuts = [lead_words, lead_words + len(words_of(s))]
    places = list(range(first + 1, len(body) + 1))
    rng.shuffle(places)
    at = places[0]
    trial = body[:at] + [new] + body[at:]
    if b.claims.inside(trial, at, new, cuts) and b.insert(body, new, places):
        b.traps.append({"story": story.sid, "kind": kind, "names": named, "text": text})


def write_thru(b: WireBuilder, story: Story, prev: list[Piece]) -> list[Piece]:
    """The next version: a new lede, paragraphs added at the top and in the middle, one dropped, a figure corrected."""
    rng = b.rng
    first = 1 if prev and prev[0].kind == "lead" else 0
    for _ in range(8):
        body = list(prev)
        lk: list = links("v", len(prev))
        if rng.random() < 0.85:
            lede = b.fresh(20, 45, story.key)
            if rng.random() < 0.6:
                body.insert(first, lede)
                lk.insert(first, None)
            else:
                body[first], lk[first] = lede, None
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 2)):
                body.insert(first + 1, b.fresh(25, 60, story.key))
                lk.insert(first + 1, None)
        if rng.random() < 0.5 and len(body) > first + 4:
            at = rng.randrange(first + 3, len(body))
            body.insert(at, b.fresh(25, 60, story.key))
            lk.insert(at, None)
        if rng.random() < 0.4 and len(body) > first + 6:
            at = rng.randrange(len(body) // 2, len(body))
            if body[at].kind == "para" and body[at].key == story.key:
                del body[at], lk[at]
        if b.claims.body(body, lk):
            break
    else:
        body = list(prev)  # never seen: eight draws all collided
    if rng.random() < 0.4:
        i = rng.randrange(first, len(body))
        made = edit_sentence(b.claims, rng, body, i, "figure", b.edited) if body[i].key == story.key else None
        if made:
            body[i] = made[0]
    return body


def build_versions(b: WireBuilder, story: Story, low: int = 450, high: int = 800) -> None:
    """The story's versions (1..max_versions write-thrus; one for a partner's story) and their times."""
    rng = b.rng
    story.versions.append(first_version(b, story, low, high))
    count = 1 if story.kind != "wire" else rng.randint(1, b.max_versions)
    minute = rng.randint(360, 900)
    story.times.append(minute)
    for _ in range(count - 1):
        story.versions.append(write_thru(b, story, story.versions[-1]))
        story.titles.append(change_words(rng, b.vocab, story.titles[-1]) if rng.random() < 0.5 else story.titles[-1])
        minute = min(1439, minute + rng.randint(30, 150))
        story.times.append(minute)
    # A line naming the story's own staff ("Associated Press writer X contributed") is the story's, on every page.
    staff = [t for t in story.source.tails if "{r" in t] if story.source is not None else []
    if staff and rng.random() < 0.5:
        story.tail = fill(rng.choice(staff), rng, story.day, story.city, person(rng))
