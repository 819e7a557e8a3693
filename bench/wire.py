"""Generate a wire-syndication corpus with ground truth, from Reuters-21578.

    python bench/wire.py --stories 300 --seed 1 --out bench/out/wire-300-s1
    python bench/wire.py --stories 50 --carriers 2000-2000 --out bench/out/wire-dense

writes ``DIR/corpus.jsonl`` (``{"id","outlet","date","title","text"}`` per
line, plus ``"author"`` where the page's metadata names an agency; ``date``
is left out of pages that print none) and ``DIR/truth.json`` (see
bench/README.md, "The wire corpus").

``--stories S`` syndicated stories, about 90% of them wire stories of an
agency or service (AP, Reuters, AFP, Bloomberg, CNN, USA Today, Tribune and
the Post/Times news services, McClatchy, KFF Health News, The Conversation,
ProPublica, States Newsroom, PA Media, dpa, Xinhua, PTI, ANI, APP, EFE) and
10% a partner's story carried only by portals (Yahoo News, MSN, AOL,
NewsBreak, SmartNews, Flipboard). A wire story has 1..``--versions``
write-thrus (a new lede, paragraphs added at the top and in the middle, a
figure corrected, a paragraph dropped); the agency's own pages of some
versions are in the corpus. ``--carriers MIN-MAX`` first-generation
carriers per wire story (default 3-30; up to thousands): subscribers that
each run one version, trimmed from the bottom, some with a local paragraph,
a framing sentence, an editor's bracket, a correction or their own credit
line, each crediting the source its own way, and a portal or two. About 8%
of subscribers are copied again by another outlet (a second generation,
which always carries something only its intermediate added). On top:
"The Latest" and news-in-brief pages and pages embedding a second story
(members of every story they draw on), background paragraphs one agency
reuses across its stories (``--background`` groups a story, default 0.05,
of 2-3 stories each, sharing ``--background-paras`` paragraphs, default 1), statements several stories quote, quoted-report
groups (S x 0.06) and solo articles (S x 0.4), and lines that only look like
credits ("told Reuters", "a Reuters/Ipsos poll", "(AP Photo/...)").

The same options give byte-identical files. The Reuters text is for research
use only: corpora go to ``bench/out`` (git-ignored) and nowhere else.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules, also when imported by tests

from reuters_pool import DEFAULT_CACHE, DEFAULT_REUTERS, load_pool  # noqa: E402
from wire_build import Story, WireBuilder  # noqa: E402
from wire_copies import carry  # noqa: E402
from wire_pages import compilations, quoted_groups, solo  # noqa: E402
from wire_versions import build_versions  # noqa: E402
from wire_writer import write  # noqa: E402

HERE = Path(__file__).resolve().parent
CODE = ("wire.py", "wire_build.py", "wire_versions.py", "wire_copies.py", "wire_pages.py", "wire_text.py",
        "wire_sources.py", "wire_writer.py", "synth.py", "outlets.py", "reuters_pool.py")  # fmt: skip
QUOTED_SHARE = 0.06  # quoted-report groups per story
SOLO_SHARE = 0.4  # solo articles per story


def generate(
    stories: int,
    seed: int,
    out: Path,
    carriers: tuple[int, int] = (3, 30),
    versions: int = 4,
    reuters_dir: Path = DEFAULT_REUTERS,
    cache_dir: Path = DEFAULT_CACHE,
    pool_files: int | None = None,
    background: tuple[float, int] = (0.05, 1),
) -> dict:
    """Generate the corpus into ``out``; return a summary with counts and timings.

    ``background``: background groups per story (each of 2-3 stories of one
    agency) and the paragraphs each group's stories share.
    """
    if stories < 5:
        raise ValueError("--stories must be at least 5")
    if not 1 <= carriers[0] <= carriers[1]:
        raise ValueError("--carriers must be MIN-MAX with 1 <= MIN <= MAX")
    if not 1 <= versions <= 9:
        raise ValueError("--versions must be 1-9")
    if not (0 < background[0] <= 1 and 1 <= background[1] <= 6):
        raise ValueError("--background must be 0-1 (groups per story) and --background-paras 1-6")
    t0 = time.perf_counter()
    pool = load_pool(reuters_dir, cache_dir, pool_files)
    t1 = time.perf_counter()
    b = WireBuilder(pool, seed, stories, carriers, versions, background)
    b.plan()
    solos = []
    for _ in range(round(stories * SOLO_SHARE)):
        st = Story(len(b.stories), "solo", "", (), None, b.rng.randrange(b.days), "", b.rng.choice(("Jane Roe", "John Doe")))
        b.stories.append(st)
        solos.append(st)
    b.plan_groups([st.sid for st in solos])
    for st in b.stories[:stories]:
        build_versions(b, st)
        b.version_pages(st)
        carry(b, st)
    compilations(b)
    quoted_groups(b, max(1, round(stories * QUOTED_SHARE)))
    for st in solos:
        solo(b, st)
    t2 = time.perf_counter()
    options = {"stories": stories, "carriers": list(carriers), "versions": versions, "pool_files": pool_files}
    if background != (0.05, 1):
        options["background"] = list(background)
    summary = write(b, seed, out, options)
    t3 = time.perf_counter()
    summary.update(pool_s=round(t1 - t0, 2), build_s=round(t2 - t1, 2), write_s=round(t3 - t2, 2), total_s=round(t3 - t0, 2))
    return summary


def stamp(options: list[str]) -> str:
    """A hash of the generator's code and options: a cached corpus is reused only when it matches."""
    h = hashlib.sha256(" ".join(options).encode())
    for name in CODE:
        h.update((HERE / name).read_bytes())
    return h.hexdigest()[:16]


def ensure(out: Path, options: list[str]) -> Path:
    """``out``, generated with ``options`` (command-line form) unless it holds a corpus this code made with them.

    A corpus left from an older generator is made again, never scored as if it were current.
    """
    want = stamp(options)
    stamp_file = out / "generator.stamp"
    if (out / "truth.json").exists() and stamp_file.exists() and stamp_file.read_text().strip() == want:
        return out
    if main([*options, "--out", str(out)]) != 0:
        raise RuntimeError("bench/wire.py failed")
    stamp_file.write_text(want + "\n")
    return out


def _range(text: str) -> tuple[int, int]:
    lo, _, hi = text.partition("-")
    try:
        return int(lo), int(hi or lo)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX (e.g. 3-30), got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, required=True, help="syndicated stories S")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="directory for corpus.jsonl and truth.json")
    ap.add_argument(
        "--carriers", type=_range, default=(3, 30), help="first-generation carriers per wire story, MIN-MAX (3-30)"
    )
    ap.add_argument("--versions", type=int, default=4, help="most write-thrus of a wire story (4)")
    ap.add_argument("--background", type=float, default=0.05, help="background groups per story (0.05)")
    ap.add_argument(
        "--background-paras", type=int, default=1, help="paragraphs a background group's stories share (1)"
    )
    ap.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS, help="the Reuters-21578 directory")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the parsed pool is cached")
    ap.add_argument("--pool-files", type=int, default=None, help="use only the first K Reuters files (quick runs)")
    args = ap.parse_args(argv)
    if not args.reuters.is_dir():
        ap.error(f"Reuters-21578 not found at {args.reuters} (pass --reuters)")
    try:
        summary = generate(
            args.stories, args.seed, args.out, args.carriers, args.versions, args.reuters, args.cache, args.pool_files,
            (args.background, args.background_paras),
        )
    except ValueError as exc:
        ap.error(str(exc))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
