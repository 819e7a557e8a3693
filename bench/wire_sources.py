"""Who publishes in the wire corpus: agencies and services, aggregators, subscribers.

A ``Source`` is where a syndicated story comes from, and its ``name`` is what
syndtrace should call the family's root: the agency (Associated Press,
Reuters, dpa ...) or, for a service that distributes its members' stories
(Tribune News Service, the Washington Post and New York Times news services,
States Newsroom), the member paper that wrote it. ``aliases`` are the other
names that also count as naming it (the service, a short form). Each source
prints credits the way real pages do: datelines ("WASHINGTON (AP) — "),
bylines ("By NAME | Bloomberg", "NAME, USA TODAY", "NAME / The Washington
Post"), footers ("Distributed by Tribune Content Agency, LLC.",
"©2019 Bloomberg L.P.") and metadata authors ("Associated Press").

Subscribers are made-up newspapers, TV stations and sites, as many as the
densest story needs, each with its boilerplate (``outlets._footer``) and
house style. Aggregators (Yahoo News, MSN, ...) carry partners' stories and
are never their original.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from outlets import _MASTHEADS, FIRST, LAST, _footer, curl
from outlets import _PLACES as PLACES

FIRST_DAY = dt.date(2019, 3, 4)  # day 0 of every corpus (a Monday)
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
CITIES = (
    "WASHINGTON", "NEW YORK", "LONDON", "PARIS", "BERLIN", "TOKYO", "BEIJING", "MOSCOW", "BRUSSELS",
    "HELSINKI", "MADRID", "ROME", "CAIRO", "NAIROBI", "JOHANNESBURG", "SYDNEY", "TORONTO", "MEXICO CITY",
    "SAO PAULO", "BUENOS AIRES", "CHICAGO", "LOS ANGELES", "HOUSTON", "ATLANTA", "DENVER", "SEATTLE",
    "GENEVA", "VIENNA", "ISTANBUL", "DUBAI", "SINGAPORE", "HONG KONG", "SEOUL", "MUMBAI", "NEW DELHI",
    "ISLAMABAD", "KARACHI", "JAKARTA", "MANILA", "BANGKOK", "FRANKFURT", "ZURICH", "STOCKHOLM", "OSLO",
)
UNIVERSITIES = (
    "University of Michigan", "Boston University", "University of Leeds", "Monash University",
    "University of Toronto", "Arizona State University", "King's College London", "University of Cape Town",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a syndicated story comes from, and how pages credit it.

    Templates take ``{r}`` (reporter), ``{r2}`` (another staff name), ``{city}``,
    ``{City}``, ``{year}``, ``{Mon}``, ``{d}``, ``{uni}``.
    """

    name: str  # the family root syndtrace should name
    page_outlet: str  # the outlet field of its own pages
    dateline: str | None  # "{CITY} (AP) — "; alternatives split by "|"; None: it prints none
    bylines: tuple[str, ...]
    tails: tuple[str, ...]  # credit lines at the foot of a page
    authors: tuple[str, ...]  # metadata author values that name it
    aliases: tuple[str, ...] = ()
    zone: str = "-04:00"
    weight: float = 1.0  # relative number of wire stories
    partner: bool = False  # aggregators carry its stories
    agency: bool = True  # False: a partner whose stories only aggregators carry


def _s(name, page, dateline, bylines, tails, authors, aliases=(), zone="-04:00", weight=1.0, partner=False, agency=True):
    return Source(
        name, page, dateline, tuple(bylines), tuple(tails), tuple(authors), tuple(aliases), zone, weight, partner, agency
    )


_TCA = "Distributed by Tribune Content Agency, LLC."
_SN = (
    "{m} is part of States Newsroom, a nonprofit news network supported by grants and a coalition of donors "
    "as a 501c(3) public charity."
)

SOURCES: tuple[Source, ...] = (
    _s("Associated Press", "Associated Press", "{CITY} (AP) — ",
       ["By {r} | Associated Press", "By {R} Associated Press", "{r}, Associated Press", "By The Associated Press"],
       ["Associated Press writer {r2} in {City} contributed to this report.",
        "Copyright {year} The Associated Press. All rights reserved. "
        "This material may not be published, broadcast, rewritten or redistributed."],
       ["Associated Press", "The Associated Press", "AP"], ["AP", "The Associated Press"], "-04:00", 20, True),
    _s("Reuters", "Reuters", "{CITY} (Reuters) - ",
       ["By {r}", "{r} | Reuters", "By {r}, Reuters"],
       ["Reporting by {r}; Editing by {r2}", "Reporting by {r} in {City}; Additional reporting by {r2}; Editing by {r3}"],
       ["Reuters", "Thomson Reuters"], ["Thomson Reuters"], "Z", 14, True),
    _s("Agence France-Presse", "AFP", "{CITY} (AFP) - ",
       ["By {r} | AFP", "{r} with AFP"], ["— AFP", "© Agence France-Presse"],
       ["AFP", "Agence France-Presse"], ["AFP", "Agence France Presse"], "+01:00", 6),
    _s("Bloomberg", "Bloomberg", "(Bloomberg) -- ",
       ["By {r} | Bloomberg", "{r}, Bloomberg News"],
       ["©{year} Bloomberg L.P.", "To contact the reporter on this story: {r} in {City}."],
       ["Bloomberg", "Bloomberg News"], ["Bloomberg News"], "-04:00", 6, True),
    _s("CNN", "CNN", "{CITY} (CNN) — |(CNN) — ",
       ["By {r}, CNN", "{r}, CNN"],
       ["The-CNN-Wire ™ & © {year} Cable News Network, Inc., a WarnerMedia Company. All rights reserved.",
        "CNN's {r2} contributed to this report."],
       ["CNN", "CNN Wire"], ["CNN Newsource", "CNN Wire"], "-04:00", 5, True),
    _s("USA Today", "USA TODAY", None,
       ["{r}, USA TODAY", "{R}, USA TODAY"], ["Contributing: {r2}, USA TODAY", "Follow {r} on Twitter: @{handle}"],
       ["USA TODAY"], ["USA TODAY Network", "Gannett"], "-04:00", 4, True),
    _s("Chicago Tribune", "Chicago Tribune", None,
       ["By {r}, Chicago Tribune", "{r} / Chicago Tribune"],
       ["©{year} Chicago Tribune. Visit chicagotribune.com. " + _TCA, _TCA],
       ["Chicago Tribune"], ["Tribune News Service", "Tribune Content Agency"], "-05:00", 1.5),
    _s("Los Angeles Times", "Los Angeles Times", None,
       ["By {r}, Los Angeles Times", "{r} / Los Angeles Times"],
       ["©{year} Los Angeles Times. Visit latimes.com. " + _TCA, _TCA],
       ["Los Angeles Times"], ["Tribune News Service", "Tribune Content Agency", "LA Times"], "-07:00", 1.5),
    _s("New York Daily News", "New York Daily News", None,
       ["By {r}, New York Daily News", "{r}"], ["— New York Daily News", "©{year} New York Daily News. " + _TCA],
       ["New York Daily News"], ["Tribune News Service", "Tribune Content Agency"], "-04:00", 1),
    _s("The Washington Post", "The Washington Post", "{CITY} — ",
       ["{r} / The Washington Post", "By {r}, The Washington Post"],
       ["— The Washington Post", "The Washington Post's {r2} contributed to this report."],
       ["The Washington Post"], ["Washington Post News Service"], "-04:00", 4),
    _s("The New York Times", "The New York Times", "{CITY} — ",
       ["{r} / The New York Times", "By {r}, New York Times News Service"],
       ["This article originally appeared in The New York Times.", "c.{year} The New York Times Company"],
       ["The New York Times"], ["New York Times News Service"], "-04:00", 4),
    _s("McClatchy Washington Bureau", "McClatchy Washington Bureau", "{CITY} — ",
       ["By {r}, McClatchy Washington Bureau"],
       ["©{year} McClatchy Washington Bureau. Visit mcclatchydc.com. " + _TCA],
       ["McClatchy Washington Bureau"], ["McClatchy", "McClatchy DC"], "-04:00", 2),
    _s("KFF Health News", "KFF Health News", None,
       ["By {r}, KFF Health News"],
       ["KFF Health News is a national newsroom that produces in-depth journalism about health issues "
        "and is one of the core operating programs at KFF."],
       ["KFF Health News"], ["Kaiser Health News", "KHN"], "-04:00", 2),
    _s("The Conversation", "The Conversation", None,
       ["{r}, {uni}"],
       ["This article is republished from The Conversation under a Creative Commons license. Read the original article."],
       ["The Conversation"], [], "-04:00", 3, True),
    _s("ProPublica", "ProPublica", None,
       ["By {r}, ProPublica"],
       ["This story was originally published by ProPublica.", "Republished with permission from ProPublica.",
        "ProPublica is a Pulitzer Prize-winning investigative newsroom. "
        "Sign up for The Big Story newsletter to receive stories like this one in your inbox."],
       ["ProPublica"], [], "-04:00", 2),
    _s("Kansas Reflector", "Kansas Reflector", None,
       ["By {r}, Kansas Reflector"],
       ["This story originally appeared on Kansas Reflector.", _SN.format(m="Kansas Reflector"),
        "Republished with permission from Kansas Reflector."],
       ["Kansas Reflector"], ["States Newsroom"], "-05:00", 1),
    _s("Georgia Recorder", "Georgia Recorder", None,
       ["By {r}, Georgia Recorder"],
       ["This story originally appeared on Georgia Recorder.", _SN.format(m="Georgia Recorder")],
       ["Georgia Recorder"], ["States Newsroom"], "-04:00", 1),
    _s("PA Media", "PA Media", None,
       ["By {r}, PA", "By {r}, PA Political Correspondent"], ["— PA Media", "PA Media"],
       ["PA Media", "PA"], ["Press Association", "PA"], "+01:00", 2),
    _s("Deutsche Presse-Agentur", "dpa", "{City} (dpa) - ",
       ["dpa"], ["dpa {r}"], ["dpa"], ["dpa"], "+02:00", 2),
    _s("Xinhua", "Xinhua", "{CITY}, {Mon} {d} (Xinhua) -- ",
       ["Xinhua"], ["Enditem"], ["Xinhua"], ["Xinhua News Agency"], "+08:00", 2),
    _s("Press Trust of India", "PTI", "{CITY}, {Mon} {d} (PTI) ",
       ["PTI"], ["(This story has not been edited by staff and is auto-generated from a syndicated feed.)"],
       ["PTI"], ["PTI"], "+05:30", 2),
    _s("ANI", "ANI", "{City} [India], {Mon} {d} (ANI): ",
       ["ANI"], ["(ANI)"], ["ANI"], ["Asian News International"], "+05:30", 1),
    _s("Associated Press of Pakistan", "APP", "{CITY}, {Mon} {d} (APP): ",
       ["APP"], ["— APP"], ["APP"], ["APP"], "+05:00", 1),
    _s("EFE", "EFE", "{City}, {Mon} {d} (EFE).- ",
       ["EFE"], ["— EFE"], ["EFE"], ["Agencia EFE"], "+02:00", 1),
    # Partners whose stories reach the corpus only through aggregators (and their own page).
    _s("Wired", "Wired", None, ["{r}, Wired"], ["This story originally appeared on wired.com."], ["Wired"],
       ["WIRED", "wired.com"], weight=0, partner=True, agency=False),
    _s("Fortune", "Fortune", None, ["By {r}, Fortune"], ["This article originally appeared on Fortune.com"],
       ["Fortune"], ["Fortune.com"], weight=0, partner=True, agency=False),
    _s("Business Insider", "Business Insider", None, ["{r}, Business Insider"],
       ["Read the original article on Business Insider"], ["Business Insider"], ["Insider"],
       weight=0, partner=True, agency=False),
    _s("The Independent", "The Independent", None, ["{r}, The Independent"],
       ["This article originally appeared on The Independent."], ["The Independent"], [], "+01:00", 0, True, False),
    _s("HuffPost", "HuffPost", None, ["{r}, HuffPost"], ["This article originally appeared on HuffPost."],
       ["HuffPost"], ["Huffington Post"], weight=0, partner=True, agency=False),
)

AGGREGATORS = ("Yahoo News", "MSN", "AOL", "NewsBreak", "SmartNews", "Flipboard", "Yahoo Finance")

# Outlets whose reports others quote ("according to X", "X reported"); some made up.
QUOTED = (
    ("Inter-Continental News Service", ("the Inter-Continental News Service",)),
    ("The New York Times", ("The New York Times", "the Times")),
    ("The Wall Street Journal", ("The Wall Street Journal", "the Journal")),
    ("Politico", ("Politico",)),
    ("Financial Times", ("the Financial Times", "the FT")),
    ("Der Spiegel", ("Der Spiegel", "the German magazine Der Spiegel")),
    ("The Northern Ledger", ("The Northern Ledger", "the Ledger")),
    ("Harbor City Examiner", ("the Harbor City Examiner",)),
    ("Axios", ("Axios",)),
    ("The Guardian", ("The Guardian", "the British newspaper The Guardian")),
)

_SECTIONS = ("News", "Business", "World", "Opinion", "Sport", "Politics", "Culture", "Science", "Local", "Markets")
_ZONES = ("-04:00", "-05:00", "-06:00", "-07:00", "+00:00", "+01:00", "Z")


@dataclass(frozen=True, slots=True)
class Outlet:
    """A page's outlet: its boilerplate lines (printed on every page) and house style."""

    name: str
    curly: bool
    footer: str
    header: str | None
    newsletter: str | None
    zone: str
    weight: float
    kind: str  # "subscriber", "aggregator" or "source"

    def boilerplate(self) -> dict[str, str]:
        """The outlet's repeated lines by kind, as printed."""
        parts = {"footer": self.footer, "header": self.header, "newsletter": self.newsletter}
        return {k: v for k, v in parts.items() if v}


def person(rng: random.Random) -> str:
    """A made-up staff name."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct subscriber names: papers from places and mastheads, then TV call signs."""
    papers = [f"The {p} {m}" if rng.random() < 0.5 else f"{p} {m}" for p in PLACES for m in _MASTHEADS]
    rng.shuffle(papers)
    names = papers[: int(count * 0.8)]
    taken = set(names)
    while len(names) < count:
        sign = rng.choice("KW") + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
        name = f"{sign}-TV" if rng.random() < 0.5 else f"{sign} News {rng.randint(2, 13)}"
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def _outlet(rng: random.Random, name: str, kind: str, weight: float, curly: bool | None = None) -> Outlet:
    header = None
    if kind == "subscriber" and rng.random() < 0.4:
        header = f"Home | {' | '.join(rng.sample(_SECTIONS, rng.randint(4, 7)))}"
    newsletter = None
    if kind == "subscriber" and rng.random() < 0.35:
        newsletter = rng.choice(
            (f"Sign up for the {name} newsletter to get our top stories every morning.",
             f"Get {name} in your inbox: subscribe to our free daily briefing.")
        )
    curly = rng.random() < 0.3 if curly is None else curly
    footer = _footer(rng, name)
    if curly:
        footer, header, newsletter = (curl(x) if x else x for x in (footer, header, newsletter))
    return Outlet(name, curly, footer, header, newsletter, rng.choice(_ZONES), weight, kind)


def make_subscribers(rng: random.Random, count: int) -> list[Outlet]:
    """``count`` subscriber outlets with Zipf-like weights (a few big, a long tail)."""
    return [_outlet(rng, name, "subscriber", 1.0 / (i + 8) ** 0.7) for i, name in enumerate(_names(rng, count))]


def make_aggregators(rng: random.Random) -> list[Outlet]:
    """The portals: straight quotes, a footer each."""
    return [_outlet(rng, name, "aggregator", 1.0, curly=False) for name in AGGREGATORS]


def source_outlet(rng: random.Random, name: str, zone: str) -> Outlet:
    """The outlet of a source's own pages (or a quoted outlet's)."""
    o = _outlet(rng, name, "source", 1.0, curly=False)
    return Outlet(o.name, False, o.footer, None, None, zone, 1.0, "source")


def day_date(day: int) -> dt.date:
    """The date of day number ``day`` of the corpus."""
    return FIRST_DAY + dt.timedelta(days=day)


def fill(template: str, rng: random.Random, day: int, city: str, reporter: str) -> str:
    """A credit template with its names, place and date filled in."""
    date = day_date(day)
    return template.format(
        r=reporter, R=reporter.upper(), r2=person(rng), r3=person(rng), CITY=city, City=city.title(), year=date.year,
        Mon=MONTHS[date.month - 1], d=date.day, uni=rng.choice(UNIVERSITIES),
        handle=reporter.split()[-1].lower() + str(rng.randint(1, 99)),
    )  # fmt: skip
