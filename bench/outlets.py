"""Outlets of the synthetic corpus: names, house style, boilerplate, credit lines.

About 200 outlets: four wire agencies and made-up local and online
publications. Each outlet has a footer and, for some, a navigation line, a
newsletter prompt and a photo credit, printed on *every* one of its
articles: text that repeats across an outlet's stories and must never count
as reuse. Some outlets print curly quotes and em dashes, so a reprint between
two houses changes its quotation marks and dashes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

AGENCIES = (
    # (name, dateline tag, city for the byline desk)
    ("Associated Press", "AP", "NEW YORK"),
    ("Reuters", "Reuters", "LONDON"),
    ("Agence France-Presse", "AFP", "PARIS"),
    ("United Press International", "UPI", "WASHINGTON"),
)
_PLACES = (
    "Riverside", "Northfield", "Maple Valley", "Cedar Falls", "Lakeshore", "Brookhaven", "Fairmont",
    "Westbury", "Ashford", "Glenwood", "Harborview", "Pinecrest", "Oakridge", "Millbrook", "Stonebridge",
    "Clearwater", "Elmhurst", "Kingsport", "Redwood", "Silver Lake", "Bayside", "Hillcrest", "Fox Hollow",
    "Granite City", "Sunnyvale", "Willow Creek", "Eastport", "Marlow", "Bellhaven", "Dunmore", "Prescott",
    "Wexford", "Carrington", "Halden", "Ironwood", "Juniper", "Kestrel Bay", "Larkspur", "Moorfield",
    "Newhaven", "Orchard Park", "Port Ellis", "Quarry Hill", "Rosedale", "Sandown", "Thornbury", "Upton",
    "Valemont", "Whitby", "Yarrow", "Zephyr Cove", "Ambleside", "Blackwater", "Coldspring", "Deerfield",
)
_MASTHEADS = (
    "Courier", "Gazette", "Herald", "Tribune", "Times", "Post", "Chronicle", "Observer", "Ledger",
    "Sentinel", "Examiner", "Journal", "Dispatch", "Record", "Review", "Bulletin", "Star", "Globe",
    "News", "Monitor", "Independent", "Register", "Press", "Telegraph", "Mercury", "Argus", "Clarion",
)
_ONLINE = (
    "The Free Wire", "Policy Digest", "NewsHub Online", "The Civic Report", "Open Ledger Media",
    "The Daily Signal Box", "Frontline Dispatches", "Common Ground News", "The Progressive Desk",
    "Global Affairs Watch", "Market Pulse Daily", "The Insight Review", "Worldview Network",
    "The Grassroots Journal", "Capital Briefing", "The Long View", "Evening Bulletin Online",
    "The Plain Word Wire", "Counterpoint Magazine", "Morning Brief Media",
)
_SECTIONS = ("News", "Business", "World", "Opinion", "Sport", "Politics", "Culture", "Science", "Local", "Markets")
FIRST = (
    "Jane", "John", "Maria", "David", "Sarah", "Michael", "Laura", "James", "Elena", "Robert", "Anna",
    "Peter", "Grace", "Thomas", "Nadia", "Samuel", "Olivia", "Daniel", "Ruth", "Marcus", "Helen", "Victor",
    "Ingrid", "Omar", "Chloe", "Felix", "Priya", "Henry", "Lucia", "Kenji", "Amara", "Tobias", "Irene",
)
LAST = (
    "Roe", "Doe", "Alvarez", "Brennan", "Castillo", "Dufresne", "Eriksen", "Fischer", "Gallagher",
    "Haddad", "Ibarra", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quinlan", "Rossi", "Sandoval", "Thorne", "Umarov", "Varga", "Whitfield", "Xu", "Yilmaz", "Zeller",
    "Abernathy", "Bianchi", "Chandra", "Delacroix", "Esposito", "Fairweather", "Gundersen", "Holloway",
)
# Credit lines naming a non-agency source; the name is filled in.
CREDIT_TEMPLATES = (
    ("first-appeared", "This article first appeared in {src}."),
    ("first-appeared", "This story first appeared on {src}."),
    ("originally-published", "This article was originally published by {src}."),
    ("original-source", "The original source of this article is {src}."),
    ("republished", "Republished with permission from {src}."),
)


@dataclass(frozen=True, slots=True)
class Outlet:
    """One publication and the boilerplate it prints on every article."""

    name: str
    agency: bool
    tag: str  # dateline tag for agencies ("AP"), "" otherwise
    curly: bool
    footer: str
    header: str | None
    newsletter: str | None
    photo: str | None
    weight: float

    def boilerplate(self) -> dict[str, str]:
        """The outlet's repeated lines by kind (for truth.json)."""
        parts = {"footer": self.footer, "header": self.header, "newsletter": self.newsletter, "photo": self.photo}
        return {k: v for k, v in parts.items() if v}


def person(rng: random.Random, initial: bool = False) -> str:
    """A made-up person's name; with ``initial``, a middle initial makes it rarer."""
    if initial:
        return f"{rng.choice(FIRST)} {chr(rng.randrange(65, 91))}. {rng.choice(LAST)}"
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _domain(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum()).removeprefix("the") + ".example"


def _footer(rng: random.Random, name: str) -> str:
    domain = _domain(name)
    pieces = [
        f"© {name}. All rights reserved.",
        f"Copyright {rng.randint(1990, 2015)}-2020 {name}. Reproduction without written permission is prohibited.",
        f"{name} is an independent newsroom. Tips: newsroom@{domain}, phone {rng.randint(200, 989)}-555-{rng.randint(1000, 9999)}.",
        f"Read more at {domain} and follow {name} for updates.",
        f"Corrections policy: {name} corrects errors promptly. Write to editor@{domain}.",
        f"Subscriber services {rng.randint(200, 989)}-555-{rng.randint(1000, 9999)}. {name}, {rng.randint(1, 999)} {rng.choice(LAST)} Street.",
    ]
    first = rng.randrange(2)  # every footer opens with a copyright notice
    rest = rng.sample(pieces[2:], rng.randint(1, 2))
    return " ".join([pieces[first], *rest])


def make_outlets(rng: random.Random, count: int = 200) -> list[Outlet]:
    """``count`` outlets (the agencies first), each with its boilerplate and a size weight."""
    names = [f"The {p} {m}" if rng.random() < 0.5 else f"{p} {m}" for p in _PLACES for m in _MASTHEADS]
    names = list(dict.fromkeys(names))  # dedupe, keep order
    rng.shuffle(names)
    daily = [f"The {w} {m}" for w in ("Daily", "Morning", "Evening", "Weekly") for m in _MASTHEADS]
    rng.shuffle(daily)
    local = len(_ONLINE) + 20
    chosen = list(_ONLINE) + daily[:20] + names[: max(0, count - len(AGENCIES) - local)]
    outlets: list[Outlet] = []
    for name, tag, _city in AGENCIES:
        outlets.append(Outlet(name, True, tag, False, _footer(rng, name), None, None, None, 3.0))
    for i, name in enumerate(chosen):
        sections = rng.sample(_SECTIONS, rng.randint(4, 7))
        header = f"Home | {' | '.join(sections)}" if rng.random() < 0.4 else None
        newsletter = None
        if rng.random() < 0.35:
            newsletter = rng.choice(
                (
                    f"Sign up for the {name} newsletter to get our top stories every morning.",
                    f"Get {name} in your inbox: subscribe to our free daily briefing.",
                    f"Enjoyed this? Support {name} and subscribe today.",
                )
            )
        photo = f"Photo: {rng.choice(('File image', 'Staff photographer', person(rng)))} / {name}" if rng.random() < 0.3 else None
        # Zipf-like sizes: a few big outlets, a long tail of small ones.
        weight = 1.0 / (i + 8) ** 0.7
        curly = rng.random() < 0.3
        footer = _footer(rng, name)
        if curly:  # boilerplate is stored exactly as printed
            footer, header, newsletter, photo = (curl(x) if x else x for x in (footer, header, newsletter, photo))
        outlets.append(Outlet(name, False, "", curly, footer, header, newsletter, photo, weight))
    return outlets


def agency_credit(rng: random.Random, agency: Outlet, reporter: str) -> tuple[str, str | None]:
    """How a credited wire copy names the agency beyond the dateline it keeps: ``(kind, byline)``."""
    if rng.random() < 0.65:
        return "dateline", None
    if rng.random() < 0.7:
        return "byline-agency", f"By {reporter}, {agency.name}"
    return "byline-agency", "By The Associated Press" if agency.name == "Associated Press" else f"By {agency.name}"


def outlet_credit(rng: random.Random, source: Outlet) -> tuple[str, str, str]:
    """A credit line naming a non-agency source: ``(kind, where, text)``; where is ``top`` or ``tail``."""
    kind, template = rng.choice(CREDIT_TEMPLATES)
    return kind, ("top" if rng.random() < 0.3 else "tail"), template.format(src=source.name)


def curl(text: str) -> str:
    """House style of curly-quote outlets: typographic quotes, apostrophes and dashes."""
    if '"' in text:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if '"' in line:
                # Alternate open/close per line, so an unbalanced quote never leaks onward.
                bits = line.split('"')
                lines[i] = bits[0] + "".join(("“" if j % 2 == 0 else "”") + b for j, b in enumerate(bits[1:]))
        text = "\n".join(lines)
    return text.replace("'", "’").replace(" - ", " — ").replace("--", "—")
