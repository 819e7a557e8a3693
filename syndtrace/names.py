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
    r"Dreams|Research|Report|Media|Broadcasting|Service)\b"
)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A known outlet: its canonical name, aliases and whether it is a wire agency."""

    name: str
    aliases: tuple[str, ...]
    agency: bool


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    name = re.sub(r"[*_<>]|</?u>", "", name).strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"\s+", " ", name)


@lru_cache(maxsize=1)
def _table() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    text = resources.files("syndtrace").joinpath("data/outlets.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("|")]
        agency = parts[-1] == "agency"
        names = [p for p in parts[:-1] if p]
        outlet = Outlet(names[0], tuple(names[1:]), agency)
        for name in names:
            table[_key(name)] = outlet
    return table


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


def is_agency(name: str | None) -> bool:
    """Whether ``name`` is a wire agency (Associated Press, Reuters, ...)."""
    hit = known(name) if name else None
    return bool(hit and hit.agency)


def looks_like_outlet(name: str) -> bool:
    """Heuristic: a known outlet, or a phrase with a newsroom word ("Times", "Post", ...)."""
    return known(name) is not None or bool(_OUTLET_WORDS.search(name))


def slug(name: str) -> str:
    """A stable id fragment for a name: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", _key(name)).strip("-") or "unnamed"


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
