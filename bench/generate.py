"""Generate a syndication benchmark corpus with ground truth, from Reuters-21578.

    python bench/generate.py --articles 10000 --seed 1 --out bench/out/corpus-10000

writes ``DIR/corpus.jsonl`` (one ``{"id","outlet","date","title","text"}`` per
line) and ``DIR/truth.json``. Of N articles about 55% are originals nobody
copies; the rest form reprint families of 2-8 members around one original:
whole reprints with edits (credited or not), excerpts of 40-200 words inside
an article of their own, multi-source articles drawing on 2-3 families, and
second-generation copies of a reprint. Every outlet prints its boilerplate on
each of its articles, and some unrelated articles quote the same public
statement: neither is reuse.

The same ``--seed`` and ``--articles`` give byte-identical output: all choices
come from ``random.Random(seed)`` and ``numpy.random.default_rng(seed)``, and
nothing depends on ``hash()`` or set order. The Reuters text is for research
use only, so generated corpora live in ``bench/out`` (git-ignored) only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules, also when imported by tests

from outlets import Outlet, agency_credit, make_outlets, outlet_credit, person  # noqa: E402
from reuters_pool import DEFAULT_CACHE, DEFAULT_REUTERS, RUN, Pool, load_pool, words_of  # noqa: E402
from synth import Editor, Para, TextSource, group  # noqa: E402
from writer import write  # noqa: E402

SOLO_SHARE = 0.55  # originals nobody copies
FAMILY_SIZES = ((2, 30), (3, 22), (4, 15), (5, 12), (6, 9), (7, 7), (8, 5))
COPY_KINDS = (("reprint", 55), ("excerpt", 25), ("second-generation", 12), ("multi-source", 8))
WIRE_ROOT_SHARE = 0.3  # family roots published by an agency
QUOTE_GROUPS_PER_ARTICLE = 0.012  # shared-quote groups (2-3 articles each) per corpus article
DAYS = 731  # 2019-01-01 .. 2020-12-31
# How an article quotes a public statement: (words before, words after); the statement goes between.
_FRAMES = (('"', '," {who} said.'), ('{who} said: "', '"'), ('"', '" {who} said in a statement.'), ('In a statement, {who} said: "', '"'))


@dataclass(slots=True)
class Art:
    """An article while it is built; rendered to text at the end."""

    key: int
    outlet: int
    day: int
    title: str
    paras: list[Para]
    reporter: str = ""
    lead: str = ""  # inline dateline before the first paragraph ("PARIS (AFP) - ")
    top: str = ""  # byline or credit line above the body
    tail: str = ""  # credit line below the body
    families: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Link:
    """A truth pair: ``copy`` took ``words`` words from ``source``."""

    source: int
    copy: int
    kind: str
    words: int
    credit: str | None


def _count(paras: list[Para]) -> int:
    """Words as the checks count them (letter/digit runs), not whitespace tokens."""
    return sum(len(words_of(s)) for p in paras for s in p.sents)


class Builder:
    """Builds all articles of one corpus; see the module docstring for the mix."""

    def __init__(self, n: int, seed: int, pool: Pool) -> None:
        self.n = n
        self.rng = rng = random.Random(seed)
        self.nprng = np.random.default_rng(seed)
        self.outlets: list[Outlet] = make_outlets(rng)
        self.agencies = [i for i, o in enumerate(self.outlets) if o.agency]
        self.locals = [i for i, o in enumerate(self.outlets) if not o.agency]
        self.local_cum = list(np.cumsum([self.outlets[i].weight for i in self.locals]))
        self.quotes = self._reserve_quotes(pool, max(2, round(n * QUOTE_GROUPS_PER_ARTICLE)))
        reserved = {(i, j) for i, j, _, _ in self.quotes}
        self.text = TextSource(pool, self.nprng, reserved)
        self.editor = Editor(rng, pool.vocab, self.text.joins)
        # Quote groups fill in turn; an original joins the open group with this probability.
        self.quote_p = min(1.0, 2.5 * len(self.quotes) / (0.75 * n))
        self.quote_group = 0
        self.quote_members: list[list[int]] = [[] for _ in self.quotes]
        self.quote_caps = [rng.randint(2, 3) for _ in self.quotes]
        self.arts: list[Art] = []
        self.links: list[Link] = []
        self.families: list[list[int]] = []
        self.roots: list[Art] = []

    def _reserve_quotes(self, pool: Pool, count: int) -> list[tuple[int, int, str, str]]:
        """Pool sentences of 20-40 words set aside as public statements: (story, sentence, text, speaker).

        A statement must share no 8-word run with the rest of its story, which stays in use.
        """
        candidates = [
            (i, j)
            for i, st in enumerate(pool.stories)
            for j, s in enumerate(st.sentences)
            if 20 <= s.count(" ") + 1 <= 40 and '"' not in s and s.endswith(".")
        ]
        self.rng.shuffle(candidates)
        out = []
        for i, j in candidates:
            if len(out) == count:
                break
            sents = pool.stories[i].sentences
            rest = words_of(" ".join(sents[:j])) + ["|"] + words_of(" ".join(sents[j + 1 :]))
            grams = {tuple(rest[k : k + RUN]) for k in range(len(rest) - RUN + 1)}
            own = words_of(sents[j])
            if not any(tuple(own[k : k + RUN]) in grams for k in range(len(own) - RUN + 1)):
                out.append((i, j, sents[j], person(self.rng, initial=True)))
        return sorted(out)

    # -- choices ---------------------------------------------------------------------------
    def _day(self, after: int | None = None) -> int:
        if after is None:
            return self.rng.randrange(0, DAYS - 31)  # leave room for copies of copies
        return min(DAYS - 1, after + self.rng.randint(0, 10))

    def _local(self, exclude: set[int]) -> int:
        for _ in range(50):
            o = self.rng.choices(self.locals, cum_weights=self.local_cum)[0]
            if o not in exclude:
                return o
        return next(o for o in self.locals if o not in exclude)

    def _length(self) -> int:
        return int(min(1050, max(400, self.rng.gauss(700, 160))))

    # -- originals -------------------------------------------------------------------------
    def original(self, outlet: int, day: int, target: int) -> Art:
        """A new article of fresh text (maybe quoting a public statement)."""
        rng = self.rng
        o = self.outlets[outlet]
        title, lead, segments = self.text.take(target, o.tag if o.agency else "")
        key = len(self.arts)
        art = Art(key, outlet, day, title, group(segments, rng, key), lead=lead, reporter=person(rng))
        if o.agency:
            if rng.random() < 0.4:
                art.top = f"By {art.reporter}"
        if self.quote_group < len(self.quotes) and rng.random() < self.quote_p:
            self._quote(art)
        self.arts.append(art)
        return art

    def _quote(self, art: Art) -> None:
        """Quote the open group's public statement in ``art``, in the first frame whose joins fit."""
        g = self.quote_group
        _, _, q, who = self.quotes[g]
        tag = ("quote", g)  # members of one group may share the frame's words, nobody else
        frames = list(_FRAMES)
        self.rng.shuffle(frames)
        for before, after in frames:
            before, after = before.format(who=who), after.format(who=who)
            said = q[:-1] if after.startswith(",") else q
            # The frame's words around the statement are new joins, checked like any other.
            if not (self.text.joins(before, said, tag) and self.text.joins(said, after, tag)):
                continue
            if self._insert(art.paras, [Para((before + said + after,), art.key, g)]):
                self.quote_members[g].append(art.key)
                if len(self.quote_members[g]) >= self.quote_caps[g]:
                    self.quote_group += 1
                return

    def _insert(self, paras: list[Para], chunk: list[Para], places: list[int] | None = None) -> int:
        """Insert ``chunk`` between two paragraphs whose joins with it make no existing run.

        Returns the position used (``chunk`` now starts at ``paras[pos]``), 0 if none fits.
        """
        if places is None:
            places = list(range(1, len(paras) + 1))
            self.rng.shuffle(places)
        # Two sentences a side: a short one ("X reported:") must not hide the words beyond it.
        first, last = " ".join(chunk[0].sents[:2]), " ".join(chunk[-1].sents[-2:])
        for pos in places:
            if self.text.joins(" ".join(paras[pos - 1].sents[-2:]), first) and (
                pos == len(paras) or self.text.joins(last, " ".join(paras[pos].sents[:2]))
            ):
                paras[pos:pos] = chunk
                return pos
        return 0

    # -- copies ----------------------------------------------------------------------------
    def _copy_art(self, paras: list[Para], title: str, outlet: int, day: int) -> Art:
        art = Art(len(self.arts), outlet, day, title, paras)
        self.arts.append(art)
        return art

    def reprint(self, parent: Art, root: Art, exclude: set[int], second: bool) -> Art:
        """A whole reprint of ``parent`` (a second-generation copy when ``parent`` is a reprint)."""
        rng = self.rng
        paras = self.editor.edit_reprint(parent.paras, strength=0.6 if second else 1.0)
        title = parent.title if rng.random() < 0.7 else self.editor.change_words(parent.title)
        art = self._copy_art(paras, title, self._local(exclude), self._day(parent.day))
        credit = None
        if not second and self.outlets[root.outlet].agency:
            if rng.random() < 0.85:  # wire copies mostly credit the agency: dateline kept, maybe a byline
                credit, byline = agency_credit(rng, self.outlets[root.outlet], root.reporter)
                art.lead, art.top = root.lead, byline or ""
        elif not second:
            if rng.random() < 0.45:
                credit, where, line = outlet_credit(rng, self.outlets[root.outlet])
                setattr(art, where, line)
        else:
            r = rng.random()
            if r < 0.4:  # keeps the intermediate's credit lines as they stand
                art.lead, art.top, art.tail = parent.lead, parent.top, parent.tail
                credit = "inherited" if (parent.lead or parent.top or parent.tail) else None
            elif r < 0.7:
                credit, where, line = outlet_credit(rng, self.outlets[parent.outlet])
                setattr(art, where, line)
        kind = "second-generation" if second else "reprint"
        self.links.append(Link(parent.key, art.key, kind, _count(paras), credit))
        return art

    def _embed(self, host: Art, source: Art, kind: str, low: int, high: int, places: list[int] | None = None) -> int:
        """Put an unedited excerpt of ``source`` into ``host``, record the link; the position, 0 if none fits."""
        for _ in range(5):  # another excerpt when no place in the host fits this one
            chunk = self.editor.excerpt(source.paras, low, high)
            words = _count(chunk)
            credit = None
            intro = f"{self.outlets[source.outlet].name} reported:"
            if self.rng.random() < 0.4 and self.text.joins(intro, chunk[0].sents[0]):
                chunk[0] = chunk[0].with_sents((intro, *chunk[0].sents))
                credit = "attribution"
            pos = self._insert(host.paras, chunk, places)
            if pos:
                self.links.append(Link(source.key, host.key, kind, words, credit))
                return pos
        return 0

    def excerpt_host(self, source: Art, exclude: set[int]) -> Art:
        """An article of its own that embeds 1-3 paragraphs (40-200 words) of ``source``."""
        host = self.original(self._local(exclude), self._day(source.day), self.rng.randint(350, 900))
        if not self._embed(host, source, "excerpt", 40, 200):
            raise RuntimeError(f"no place for an excerpt in article {host.key}")  # never seen: joins rarely clash
        return host

    def multi_source(self, sources: list[Art], exclude: set[int]) -> tuple[Art, list[Art]]:
        """An article of its own around passages from 2-3 stories of different families.

        Returns the article and the sources it really quotes (one whose excerpts fit
        nowhere is left out, which the join checks make rare).
        """
        day = self._day(max(s.day for s in sources))
        art = self.original(self._local(exclude), day, self.rng.randint(150, 450))
        limit = len(art.paras)
        used = []
        for s in sources:
            # Each excerpt goes before the previous one, never inside it.
            places = list(range(1, limit + 1))
            self.rng.shuffle(places)
            pos = self._embed(art, s, "multi-source", 60, 200, places)
            if pos:
                limit = pos
                used.append(s)
        return art, used

    def family(self, size: int) -> None:
        """A root original and ``size - 1`` copies of it."""
        rng = self.rng
        fid = len(self.families)
        wire = rng.random() < WIRE_ROOT_SHARE
        outlet = rng.choice(self.agencies) if wire else self._local(set())
        root = self.original(outlet, self._day(), self._length())
        members, reprints, used = [root], [], {outlet}
        for _ in range(size - 1):
            kind = rng.choices([k for k, _ in COPY_KINDS], weights=[w for _, w in COPY_KINDS])[0]
            if kind == "second-generation" and reprints:
                copy = self.reprint(rng.choice(reprints), root, used, second=True)
            elif kind == "excerpt":
                copy = self.excerpt_host(root, used)
            elif kind == "multi-source" and self.roots:
                others = rng.sample(self.roots, min(len(self.roots), rng.randint(1, 2)))
                copy, quoted = self.multi_source([root, *others], used)
                for other in (q for q in quoted if q is not root):
                    for f in other.families:
                        self.families[f].append(copy.key)
                        copy.families.append(f)
            else:
                copy = self.reprint(root, root, used, second=False)
                reprints.append(copy)
            used.add(copy.outlet)
            members.append(copy)
        for m in members:
            m.families.append(fid)
        self.families.append([m.key for m in members])
        self.roots.append(root)

    def build(self) -> None:
        """Create all N articles: family and solo units in a shuffled order."""
        rng = self.rng
        rest = self.n - round(self.n * SOLO_SHARE)
        sizes = []
        while rest >= 2:
            size = min(rest, rng.choices([s for s, _ in FAMILY_SIZES], weights=[w for _, w in FAMILY_SIZES])[0])
            if rest - size == 1:
                size += 1 if size < 8 else -1
            sizes.append(size)
            rest -= size
        units = [0] * (self.n - sum(sizes)) + sizes
        rng.shuffle(units)  # mixes solo and family text through the epochs and the quote groups
        for size in units:
            if size:
                self.family(size)
            else:
                self.original(self._local(set()) if rng.random() > 0.1 else rng.choice(self.agencies), self._day(), self._length())
        assert len(self.arts) == self.n, (len(self.arts), self.n)


def generate(
    n: int,
    seed: int,
    out: Path,
    reuters_dir: Path = DEFAULT_REUTERS,
    cache_dir: Path = DEFAULT_CACHE,
    pool_files: int | None = None,
    ocr_rate: float = 0.0,
    script: str = "",
) -> dict:
    """Generate an ``n``-article corpus for ``seed`` into ``out``; return a summary (with timings).

    ``pool_files`` limits the Reuters pool to the first files (quick tests).
    ``ocr_rate``: the share of each article's characters changed as OCR
    changes them (``ocr_noise.py``), every article read separately.
    ``script``: write the articles in another script (``scripts_text.py``).
    """
    if n < 20:
        raise ValueError("--articles must be at least 20")
    t0 = time.perf_counter()
    pool = load_pool(reuters_dir, cache_dir, pool_files)
    t1 = time.perf_counter()
    builder = Builder(n, seed, pool)
    builder.build()
    t2 = time.perf_counter()
    summary = write(builder, seed, out, ocr_rate=ocr_rate, script=script)
    t3 = time.perf_counter()
    summary.update(pool_s=round(t1 - t0, 2), build_s=round(t2 - t1, 2), write_s=round(t3 - t2, 2), total_s=round(t3 - t0, 2))
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True, help="number of articles N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="directory for corpus.jsonl and truth.json")
    ap.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS, help="the Reuters-21578 directory")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the parsed pool is cached")
    ap.add_argument("--pool-files", type=int, default=None, help="use only the first K Reuters files (quick runs)")
    ap.add_argument("--ocr-rate", type=float, default=0.0, help="share of characters changed by OCR noise (0.05: 5%%)")
    ap.add_argument("--script", default="", help="write the text in another script: zh, ja, ar, fa, th (scripts_text.py)")
    args = ap.parse_args(argv)
    if not args.reuters.is_dir():
        ap.error(f"Reuters-21578 not found at {args.reuters} (pass --reuters)")
    summary = generate(
        args.articles, args.seed, args.out, args.reuters, args.cache, args.pool_files, args.ocr_rate, args.script
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
