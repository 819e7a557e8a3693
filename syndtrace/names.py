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


def data_rows(filename: str) -> list[list[str]]:
    """The ``|``-separated fields of each line of ``syndtrace/data/<filename>``, blank and ``#`` lines left out."""
    text = resources.files("syndtrace").joinpath("data", filename).read_text(encoding="utf-8")
    rows = []
    for raw in text.splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            rows.append([p.strip() for p in raw.split("|") if p.strip()])
    return rows


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of ``data/outlets.txt``, in file order."""
    found = []
    for parts in data_rows("outlets.txt"):
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
    """Heuristic: a known outlet, or a phrase with a newsroom word ("Times", "Post", ...).

    Loose on purpose: it is asked of names that stand where a credit stands
    ("By Jane Roe | The Larkspur Star", "(c) 2020 Jane Roe, Quarry Hill Record"),
    whose place already says "outlet". A name in running prose needs
    ``names_an_outlet``.
    """
    return known(name) is not None or bool(_OUTLET_WORDS.search(name))


# The head nouns of newspaper, magazine and broadcaster titles: "the Jakarta Post", "China Daily".
_TITLE_HEADS = frozenset(
    "Times Post News Journal Herald Tribune Guardian Telegraph Gazette Chronicle Magazine Daily Weekly Observer "
    "Economist Dispatch Mirror Bulletin Examiner Courant Gleaner Beacon Ledger Sentinel Courier Clarion Mercury "
    "Argus Globe Inquirer Enquirer Bugle Advocate Statesman Spectator Intelligencer Advertiser Press Radio TV "
    "Television Newsweek".split()
)
# Heads that companies and public bodies carry as often as newsrooms ("American Express", "Lone Star",
# "Customs Service", "Economic Planning Agency", "Computer Network"): a title only with a newsroom
# word before them ("Sunday Express", "Kyodo News Service", "Saudi Press Agency", "Cable News Network").
_SHARED_HEADS = frozenset(
    "Star Sun Express Standard Record Review Mail Monitor Reports Agency Service Network Broadcasting Association".split()
)
_HEAD_SUPPORT = _TITLE_HEADS | frozenset("Sunday Evening Morning Business Financial".split())
# Words of a company's, a public body's or a person's name, wherever they stand in it: "Public Service
# Co of New Mexico", "Walter Reed Army Institute of Research", "Standard Federal Bank", "National Press Club".
_NOT_NEWSROOM = frozenset(
    "Inc Corp Co Cos Ltd Plc PLC LLC LP Company Corporation Brothers Securities Bank Fund Trust Group Holdings "
    "Institute Commission Department Ministry University Club League Council Committee Board Exchange "
    "President Chairman Minister Spokesman Secretary Director Economist Analyst".split()
)
# Heads that, with generic words only before them, name a kind of body: "News Agency", "Press Service".
_BODIES = frozenset("Agency Service Association Network Broadcasting Reports".split())
_GENERIC = _TITLE_HEADS | _SHARED_HEADS | frozenset(
    "The National International Public State Central Official Station Stations Channel Channels".split()
)
# Not names on their own: "Press reports said", "Weekly figures published by the Bank of France".
_MEDIA = frozenset("Press Radio TV Television News Magazine Daily Weekly".split())
_TRUSTS = ("Press Trust",)  # "Press Trust of India" is a wire, not a trust company


def names_an_outlet(name: str) -> bool:
    """Whether a capitalised phrase found in running prose ("X said", "according to X") names a newsroom.

    A known outlet does; otherwise the phrase must be built like a title: its
    head noun (the last word, or the word before "of": "Times of Zambia") a
    title's ("Jakarta Post", "Farmers Daily", "Tehran Radio"), or "Radio" or
    "TV" before a name ("Radio Pakistan"). A head noun alone ("the Beacon")
    names a paper, but not a medium ("Press reports said"). Heads that
    companies and public bodies share ("Express", "Star", "Agency",
    "Service") need a newsroom word before them; a company's, a body's or a
    person's word anywhere ("Co", "Institute", "President") rules the phrase
    out, and so does a kind of body in generic words ("News Agency").
    Precision and recall on real prose are measured by
    ``bench/quoted_names.py`` (``make eval``).
    """
    if known(name) is not None:
        return True
    words = name.split()
    if len(words) == 1:
        # "the Beacon reported": a paper named by its head noun, which a longer name in the same
        # article, or on the other side of a shared passage, completes. Not a medium ("Press", "Radio").
        return name in _TITLE_HEADS and name not in _MEDIA
    if any(w.strip(".,'’") in _NOT_NEWSROOM for w in words) and not any(t in name for t in _TRUSTS):
        return False
    head_at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    head, before = words[head_at], words[:head_at]
    if head in _TITLE_HEADS:
        return True
    if head in _SHARED_HEADS:
        if head in _BODIES and all(w in _GENERIC for w in before):
            return False  # "News Agency", "National Press Association": a kind of body, not one
        return any(w in _HEAD_SUPPORT for w in before)
    # "Radio Pakistan", "TV Globo"; not "Television Stations" or "Radio Network", which are kinds of thing.
    return words[0] in ("Radio", "TV", "Television") and not any(w in _GENERIC for w in words[1:])


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
