"""The wire corpus while it is built: stories, pages, and the builder that holds them.

``WireBuilder`` holds everything a corpus is made of and draws its plan
(sources, days, background paragraphs, statements). ``wire_versions`` writes
each story's text and write-thrus, ``wire_copies`` its carriers,
``wire_pages`` the pages drawn on several stories (compilations), quoted
reports and solo articles, and ``wire_writer`` renders it all. See
``wire.py`` for the mix.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np

from reuters_pool import RUN, Pool, words_of
from outlets import FIRST, LAST
from synth import TextSource
from wire_sources import (
    CITIES, MONTHS, SOURCES, Outlet, Source, day_date, make_aggregators, make_subscribers, person, source_outlet,
)  # fmt: skip
from wire_text import Bank, Claims, Piece, piece

AGGREGATED_SHARE = 0.1  # stories of a partner carried only by portals
VERSION_PAGES_SHARE = 0.55  # wire stories with some of the agency's own pages in the corpus


@dataclass(slots=True)
class Story:
    """One story and its versions: a wire story, a partner's story, a quoted report or a solo article."""

    sid: int
    kind: str  # "wire", "aggregated", "quoted-report", "solo"
    name: str  # the family root syndtrace should name
    aliases: tuple[str, ...]
    source: Source | None
    day: int
    city: str
    reporter: str
    versions: list[list[Piece]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    times: list[int] = field(default_factory=list)  # minute of the day of each version
    pages: list[int | None] = field(default_factory=list)  # the source's page of each version, if in the corpus
    members: list[int] = field(default_factory=list)
    background: list[int] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    tail: str | None = None  # a credit line the story itself carries ("AP writer X contributed")

    @property
    def key(self) -> tuple:
        return ("s", self.sid)


@dataclass(slots=True)
class Page:
    """One corpus document while it is built."""

    key: int
    outlet: Outlet
    kind: str  # original, version, subscriber, aggregator, second-generation, rescrape, compilation, quoted, solo
    stories: list[int]
    day: int
    minute: int | None  # None: the date has no time
    dated: bool
    title: str
    body: list[Piece]
    top: list[str] = field(default_factory=list)  # lines above the body: caption, byline
    tail: list[str] = field(default_factory=list)  # credit lines below the body
    author: str | None = None
    parent: int | str | None = None  # a page key, a source name, or None for an original
    version: int | None = None
    additions: list[dict] = field(default_factory=list)  # what a subscriber added (second generations carry it)
    carries: list[dict] = field(default_factory=list)  # what a second generation took from its intermediate
    shows: list[str] = field(default_factory=list)  # what shows a second generation came after its intermediate
    credits: list[str] = field(default_factory=list)  # names the page credits
    compilation: str | None = None  # "latest", "brief", "embed"


class WireBuilder:
    """All stories and pages of one corpus, built from ``pool`` with ``seed``."""

    def __init__(
        self, pool: Pool, seed: int, stories: int, carriers: tuple[int, int], max_versions: int,
        background: tuple[float, int] = (0.05, 1),
    ) -> None:  # fmt: skip
        self.rng = rng = random.Random(seed)
        self.nprng = np.random.default_rng(seed)
        self.n_stories = stories
        self.carriers = carriers
        self.max_versions = max_versions
        # Background groups per story, and the paragraphs each group's stories share.
        self.background_share, self.background_paras = background
        self.days = max(5, math.ceil(stories / 6))
        self.statements = self._reserve_statements(pool, max(1, round(stories * 0.04)))
        self.text = TextSource(pool, self.nprng, {(i, j) for i, j, _, _ in self.statements})
        self.vocab = pool.vocab
        self.claims = Claims(self.text)
        self.bank = Bank(self.text)
        self.subscribers = make_subscribers(rng, max(300, math.ceil(carriers[1] * 1.25) + 60))
        self.sub_weights = np.array([o.weight for o in self.subscribers])
        self.portals = make_aggregators(rng)
        self.outlets: dict[str, Outlet] = {}
        self.stories: list[Story] = []
        self.pages: list[Page] = []
        self.background: list[list[int]] = []  # stories sharing each background paragraph
        self.bg_paras: dict[int, Piece] = {}
        self.edited: set[str] = set()  # sentences an edit made: no two pages make the same one
        self.statement_groups: list[list[int]] = []  # stories quoting each statement
        self.traps: list[dict] = []

    # -- helpers ---------------------------------------------------------------------------
    def _reserve_statements(self, pool: Pool, count: int) -> list[tuple[int, int, str, str]]:
        """Pool sentences of 20-40 words set aside as public statements: (story, sentence, text, speaker).

        A statement shares no 8-word run with the rest of its story (which stays in use).
        """
        cands = [
            (i, j) for i, st in enumerate(pool.stories) for j, s in enumerate(st.sentences)
            if 20 <= s.count(" ") + 1 <= 40 and '"' not in s and s.endswith(".")
        ]  # fmt: skip
        self.rng.shuffle(cands)
        # Speakers differ in surname or role, and roles have two words at most:
        # '..." Jane Roe, the finance minister, said in a statement.' has 8 words besides her first name.
        roles = ("finance minister", "mayor", "company chairman", "union leader", "bank governor", "senator")
        speakers = [(last, role) for last in LAST for role in roles]
        self.rng.shuffle(speakers)
        out = []
        for i, j in cands:
            if len(out) == count or not speakers:
                break
            sents = pool.stories[i].sentences
            rest = words_of(" ".join(sents[:j])) + ["|"] + words_of(" ".join(sents[j + 1 :]))
            grams = {tuple(rest[k : k + RUN]) for k in range(len(rest) - RUN + 1)}
            own = words_of(sents[j])
            if not any(tuple(own[k : k + RUN]) in grams for k in range(len(own) - RUN + 1)):
                last, role = speakers.pop()
                who = f"{self.rng.choice(FIRST)} {last}, the {role}"
                out.append((i, j, sents[j], who))
        return sorted(out)

    def outlet(self, name: str, zone: str = "Z") -> Outlet:
        """The outlet of a source's (or quoted outlet's) own pages, made once."""
        if name not in self.outlets:
            self.outlets[name] = source_outlet(self.rng, name, zone)
        return self.outlets[name]

    def pick_subscribers(self, count: int, exclude: set[str]) -> list[Outlet]:
        """``count`` distinct subscribers, big ones likelier (weighted sampling without replacement)."""
        keys = self.nprng.random(len(self.subscribers)) ** (1.0 / self.sub_weights)
        order = np.argsort(-keys, kind="stable").tolist()
        out = []
        for i in order:
            if self.subscribers[i].name not in exclude:
                out.append(self.subscribers[i])
                if len(out) == count:
                    break
        return out

    def add(self, page: Page) -> Page:
        """Register ``page`` (its key is its position) as a member of its stories."""
        page.key = len(self.pages)
        self.pages.append(page)
        for sid in page.stories:
            self.stories[sid].members.append(page.key)
        return page

    def when(self, day: int, after: int | None, next_day: float = 0.25) -> tuple[int, int | None, bool]:
        """A copy's ``(day, minute, dated)``: the same day or the next; a time, a date alone, or none."""
        rng = self.rng
        d = day + (rng.random() < next_day)
        r = rng.random()
        if r < 0.15:
            return d, None, False
        if r < 0.6:
            return d, None, True
        lo = after if (after is not None and d == day) else 0
        return d, rng.randint(min(lo, 1439), 1439), True

    def fresh(self, low: int, high: int, key: tuple) -> Piece:
        """A paragraph of fresh sentences."""
        return piece("para", self.bank.sentences(low, high), key)

    def dateline(self, story: Story) -> Piece | None:
        src = story.source
        if src is None or src.dateline is None:
            return None
        date = day_date(story.day)
        forms = src.dateline.split("|")
        form = forms[story.sid % len(forms)]
        line = form.format(CITY=story.city, City=story.city.title(), Mon=MONTHS[date.month - 1], d=date.day)
        return piece("lead", (line,), story.key)

    def insert(self, body: list[Piece], new: Piece, places: list[int]) -> bool:
        """Put ``new`` into ``body`` at the first of ``places`` whose junctions are free; True if it went in."""
        for at in places:
            trial = body[:at] + [new] + body[at:]
            lk = [("b", i) for i in range(at)] + [None] + [("b", i) for i in range(at, len(body))]
            if self.claims.body(trial, lk):
                body[:] = trial
                return True
        return False

    # -- stories ---------------------------------------------------------------------------
    def plan(self) -> None:
        """Draw every syndicated story's source and day, then the background paragraphs and statements."""
        rng = self.rng
        wires = [s for s in SOURCES if s.agency and s.weight > 0]
        partners = [s for s in SOURCES if s.partner]
        for sid in range(self.n_stories):
            aggregated = rng.random() < AGGREGATED_SHARE
            src = rng.choice(partners) if aggregated else rng.choices(wires, weights=[s.weight for s in wires])[0]
            self.stories.append(
                Story(sid, "aggregated" if aggregated else "wire", src.name, src.aliases, src,
                      rng.randrange(self.days), rng.choice(CITIES), person(rng))
            )  # fmt: skip

    def plan_groups(self, solos: list[int]) -> None:
        """Background paragraphs (one agency's stories) and statements (any stories, solos too)."""
        rng = self.rng
        by_source: dict[str, list[int]] = {}
        for st in self.stories:
            if st.kind == "wire":
                by_source.setdefault(st.name, []).append(st.sid)
        pools = [v for _, v in sorted(by_source.items()) if len(v) >= 2]
        for _ in range(max(1, round(self.n_stories * self.background_share))):
            pools = [v for v in pools if len(v) >= 2]
            if not pools:
                break
            sids = rng.choice(pools)
            picked = rng.sample(sids, min(len(sids), rng.randint(2, 3)))
            for sid in picked:
                sids.remove(sid)
            for _ in range(self.background_paras):  # one paragraph each: a follow-up reuses several
                for sid in picked:
                    self.stories[sid].background.append(len(self.background))
                self.background.append(sorted(picked))
        holders = [st.sid for st in self.stories if st.kind == "wire"] + solos
        for g in range(len(self.statements)):
            picked = sorted(rng.sample(holders, min(len(holders), rng.randint(2, 3))))
            for sid in picked:
                self.stories[sid].statements.append(g)
            self.statement_groups.append(picked)

    def version_pages(self, story: Story) -> None:
        """The source's own pages of some versions (url-less pages of outlet "Associated Press" and the like)."""
        rng = self.rng
        src = story.source
        share = VERSION_PAGES_SHARE if story.kind == "wire" else 0.5
        present = [False] * len(story.versions)
        if rng.random() < share:
            present = [rng.random() < 0.6 for _ in story.versions]
            if not any(present):
                present[rng.randrange(len(present))] = True
        outlet = self.outlet(src.page_outlet, src.zone)
        prev: int | str | None = None
        for k, body in enumerate(story.versions):
            if not present[k]:
                story.pages.append(None)
                if k == 0:
                    prev = story.name
                continue
            page = Page(0, outlet, "original" if prev is None else "version", [story.sid], story.day, story.times[k], True,
                        story.titles[k], body, version=k, parent=prev)  # fmt: skip
            if rng.random() < 0.6:
                page.top.append(f"By {story.reporter}")
            if story.tail:
                page.tail.append(story.tail)
            if rng.random() < 0.5:
                page.author = src.authors[0]
            self.add(page)
            story.pages.append(page.key)
            prev = page.key

    def parent_of(self, story: Story, version: int) -> int | str:
        """Where a first-generation copy of ``version`` hangs: the source's page of it, else the source."""
        key = story.pages[version] if version < len(story.pages) else None
        return key if key is not None else story.name
