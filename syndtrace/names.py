"""Outlet names: canonical forms, aliases, and which outlets are wire agencies.

The table lives in ``data/outlets.txt`` (one outlet a line) so that adding an
outlet is a data change, not a code change. Unknown names pass through
cleaned (markup and a leading "the" dropped, whitespace folded).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Words that make a capitalised phrase look like a news organisation rather than a person.
_OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|News|Journal|Press|Herald|Tribune|Guardian|Telegraph|Gazette|Chronicle|"
    r"Magazine|Daily|Observer|Economist|Wire|Agency|Radio|TV|Television|Network|Dispatch|Star|"
    r"Sun|Mirror|Express|Record|Review|Register|Reporter|Bulletin|Standard|Insider|Monitor|"
    r"Dreams|Research|Report|Media|Broadcasting|Service|Examiner|Courant|Gleaner|Beacon|Ledger|Sentinel|"
    r"Courier|Clarion|Mercury|Argus|Globe|Inquirer|Enquirer|Bugle|Advocate|Statesman|Spectator|Intelligencer|"
    r"Advertiser)\b"
)


WIRE_KINDS = ("agency", "service", "network")
KINDS = WIRE_KINDS + ("portal",)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A known outlet: its canonical name, aliases, kind and dateline tags.

    ``kind`` is ``agency``, ``service`` or ``network`` (a wire: outlets run
    its stories, and its credit makes it a story's root), ``portal`` (never
    the original of what it carries), or ``""`` (an ordinary publisher).
    """

    name: str
    aliases: tuple[str, ...]
    kind: str = ""
    datelines: tuple[str, ...] = ()

    @property
    def agency(self) -> bool:
        """Whether it is a wire of any kind (agency, news service, network)."""
        return self.kind in WIRE_KINDS


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    name = re.sub(r"[*_<>]|</?u>", "", name).strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"\s+", " ", name)


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of ``data/outlets.txt``, in file order."""
    found = []
    text = resources.files("syndtrace").joinpath("data/outlets.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("|") if p.strip()]
        names = [p for p in parts if "=" not in p]
        attrs = [p.split("=", 1) for p in parts if "=" in p]
        kind = next((v.strip() for k, v in attrs if k.strip() == "kind"), "")
        if kind and kind not in KINDS:
            raise ValueError(f"data/outlets.txt: unknown kind {kind!r} for {names[0]!r}")
        tags = tuple(v.strip() for k, v in attrs if k.strip() == "dateline")
        found.append(Outlet(names[0], tuple(names[1:]), kind, tags))
    return tuple(found)


@lru_cache(maxsize=1)
def _table() -> dict[str, Outlet]:
    return {_key(name): outlet for outlet in outlets() for name in (outlet.name, *outlet.aliases)}


@lru_cache(maxsize=1)
def dateline_tags() -> dict[str, str]:
    """Dateline tag ("AP", "AFP", "CNN") -> the canonical name of the wire that prints it."""
    return {tag: outlet.name for outlet in outlets() for tag in outlet.datelines}


def known(name: str) -> Outlet | None:
    """The known outlet ``name`` refers to (any alias, any case), or ``None``."""
    return _table().get(_key(name))


@lru_cache(maxsize=65536)  # called per credit per pair in a scan; the table is fixed
def canonical(name: str) -> str:
    """The canonical form of an outlet name (cleaned as-is when unknown)."""
    hit = known(name)
    if hit:
        return hit.name
    cleaned = re.sub(r"[*_]|</?u>", "", name).strip(" \t,.;:")
    return re.sub(r"\s+", " ", cleaned)


@lru_cache(maxsize=65536)
def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: "The Weekly Journal", "Weekly Journal" and
    "*weekly journal*" all key alike, and any alias of a known outlet keys as the outlet.

    Use it to ask whether a credit names an outlet (``canonical`` keeps "The" and
    case, which are how a name is shown, not what it is).
    """
    return _key(canonical(name))


def by_last_words(short: str, full: str) -> bool:
    """Whether ``short`` names the outlet ``full`` by its last words, as outlet keys: "the Courant"
    of The Kestrel Bay Courant, "the Free Press" of the Sunnyvale Free Press."""
    return outlet_key(full).endswith(" " + outlet_key(short))


def is_agency(name: str | None) -> bool:
    """Whether ``name`` is a wire: an agency (Associated Press, Reuters), a news service or a network."""
    hit = known(name) if name else None
    return bool(hit and hit.agency)


def is_publisher(name: str | None) -> bool:
    """Whether ``name`` is an outlet the list knows, portals aside: a wire, or a paper whose stories travel."""
    hit = known(name) if name else None
    return bool(hit and hit.kind != "portal")


def is_portal(name: str | None) -> bool:
    """Whether ``name`` is a portal or aggregator (Yahoo News, MSN): never the original of what it carries."""
    hit = known(name) if name else None
    return bool(hit and hit.kind == "portal")


def looks_like_outlet(name: str) -> bool:
    """Heuristic: a known outlet, or a phrase with a newsroom word ("Times", "Post", ...)."""
    return known(name) is not None or bool(_OUTLET_WORDS.search(name))


def slug(name: str) -> str:
    """A stable id fragment for a name: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", _key(name)).strip("-") or "unnamed"


def source_id(name: str) -> str:
    """The id of a source outside the inputs named ``name`` (its canonical name: ``canonical``)."""
    return "src:" + slug(name)


def possessive(name: str) -> str:
    """English possessive of a name: "Common Dreams'", "Reuters'", "CNN's"."""
    return name + ("'" if name.endswith("s") else "'s")


def distinct_labels(docs: Iterable) -> dict[str, str]:
    """Each document's ``label`` by id, for one sentence of evidence, with its id where another shares it.

    Two pages of one outlet (a re-scrape, a wire archive's repeat) would
    otherwise read "Reuters' text is dated 1987-03-06, Reuters' 1987-03-27".
    """
    docs = list(docs)
    counts = Counter(d.label for d in docs)
    return {d.id: d.label if counts[d.label] == 1 else f"{d.label} ({d.id})" for d in docs}
