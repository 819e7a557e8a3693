"""Score a syndtrace scan of a wire corpus (``bench/wire.py``) against its ``truth.json``.

    python bench/wire_score.py DIR/truth.json out.json [--json] [--check]
    python bench/wire_score.py DIR/truth.json --gold-prediction > gold.json

``out.json`` is ``syndtrace scan DIR/corpus.jsonl --format json``; only its
``documents``, ``sources``, ``tree`` and ``families`` (members, root_name,
tree) are read. Reported (targets from issue 12 in brackets):

* ARI against story families [0.95]: the adjusted Rand index of the
  families (a page in none is a singleton; a page in several counts in the
  first, which is the largest) against the stories, over every page but
  the compilations. A story with one page is a singleton too. Also: how many
  compilations are members of every story's family (below);
* siblings drawn as siblings [0.95]: of first-generation copies (subscribers
  and portal pages), the fraction whose parent in the drawn tree is the
  story's source: a page of it (any version) or the source node named for
  it, not another copy. The tree is the family's that holds most of the
  story's pages, else any family's, else the run's ``tree``;
* second-generation parents: the fraction of second-generation copies
  whose tree parent is their true intermediate; [0.90] the same fraction
  over the copies whose text or dates show which came first (the truth's
  ``shows``: the copy names its intermediate, is trimmed, adds a paragraph,
  or is dated later). The others hold the same text as their intermediate
  and carry no date that orders the two: nothing says which copied the
  other, and a tree that placed them would be guessing. Also reported: the
  fraction an edge links to their intermediate in either direction (drawn
  under it, or "one copied the other");
* sources named [0.95]: the fraction of stories with two or more pages whose
  family (the one holding most of its pages) has a ``root_name`` naming the
  story's source. Names are compared by key: case, a leading "The",
  punctuation and spacing aside, with syndtrace/data/outlets.txt's aliases
  (read as data) and the story's own aliases (a service, a short form).
  ``strict`` counts the story's own name only;
* quoted-report families: the fraction of quoted-report groups whose pages
  are all in one family rooted at the quoted outlet.

``--json`` adds the first 20 misses of each kind, with ids, outlets and
titles. ``--check`` exits 1 when one of the four gated scores misses its target.
``--gold-prediction`` writes the truth as syndtrace-shaped JSON, which
scores 1.0 throughout: the scorer's self-check. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from math import comb
from pathlib import Path

OUTLETS = Path(__file__).resolve().parents[1] / "syndtrace" / "data" / "outlets.txt"
# Issue 12 asked 0.90 of every second generation; about a fifth of the generator's show no order
# at all (the same text, the same day or undated), so the gate is on those whose text or dates do.
TARGETS = {"ari": 0.95, "siblings": 0.95, "second_generation_shown": 0.90, "sources": 0.95}
FIRST_GENERATION = ("subscriber", "aggregator")
SHOWN = 20  # misses listed per kind (--all-misses lists every one)


def clean(name: str) -> str:
    """A name's comparable form: lower case, no leading "the", punctuation and spacing folded."""
    name = re.sub(r"[^\w&'’+-]+", " ", name.lower()).strip()
    name = re.sub(r"^the ", "", name)
    return re.sub(r"\s+", " ", name.replace("’", "'"))


def known_aliases(path: Path = OUTLETS) -> dict[str, str]:
    """alias key -> canonical key, from syndtrace's outlet table (empty when it is not there)."""
    table: dict[str, str] = {}
    if not path.is_file():
        return table
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        # "name | alias | ... | kind=agency | dateline=AP": the key=value attributes are no names.
        names = [p.strip() for p in raw.split("|") if p.strip() and "=" not in p]
        for n in names:
            table[clean(n)] = clean(names[0])
    return table


class Names:
    """Does a name a tool printed name a story's source?"""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = aliases

    def key(self, name: str) -> str:
        k = clean(name)
        return self.aliases.get(k, k)

    def names(self, story: dict, name: str | None, strict: bool = False) -> bool:
        if not name:
            return False
        wanted = {self.key(story["source_name"])}
        if not strict:
            wanted |= {self.key(a) for a in story.get("source_aliases", [])}
        return self.key(name) in wanted


def ari(truth_labels: list, predicted: list) -> float:
    """Adjusted Rand index of two labelings of the same items."""
    n = len(truth_labels)
    if n < 2:
        return 1.0
    pairs = sum(comb(v, 2) for v in Counter(zip(truth_labels, predicted)).values())
    a = sum(comb(v, 2) for v in Counter(truth_labels).values())
    b = sum(comb(v, 2) for v in Counter(predicted).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (pairs - expected) / (top - expected)


def _walk(node: dict, parent: str | None, up: dict[str, str | None], names: dict[str, str]) -> None:
    nid = str(node.get("id"))
    if nid not in up:
        up[nid] = parent
    names.setdefault(nid, str(node.get("name") or nid))
    for child in node.get("children") or []:
        _walk(child, nid, up, names)


class Prediction:
    """syndtrace's JSON, read into families, their members and their trees' parents."""

    def __init__(self, out: dict) -> None:
        self.docs = {str(d["id"]): d for d in out.get("documents", [])}
        self.node_names: dict[str, str] = {str(s["id"]): str(s["name"]) for s in out.get("sources", [])}
        # Pairs an edge says are one copy of the other, in either direction: a determined edge, or an
        # undetermined one whose evidence is text one carries of what only the other added.
        self.linked = {
            frozenset((str(e["source"]), str(e["copy"])))
            for e in out.get("edges", [])
            if e.get("kind") not in ("undetermined", "shared-quote") or any(v.get("kind") == "carried" for v in e.get("evidence", []))
        }
        self.families = out.get("families", [])
        self.members = [set(map(str, f.get("members", []))) for f in self.families]
        self.up: list[dict[str, str | None]] = []
        for f in self.families:
            up: dict[str, str | None] = {}
            if isinstance(f.get("tree"), dict):
                _walk(f["tree"], None, up, self.node_names)
            self.up.append(up)
        self.top: dict[str, str | None] = {}
        trees = out.get("tree") or []
        for t in [trees] if isinstance(trees, dict) else trees:
            _walk(t, None, self.top, self.node_names)
        self.families_of: dict[str, list[int]] = {}
        for i, m in enumerate(self.members):
            for doc in m:
                self.families_of.setdefault(doc, []).append(i)
        self.first_family = {doc: fams[0] for doc, fams in self.families_of.items()}

    def family_of(self, members: list[str]) -> int | None:
        """The family holding most of ``members`` (the first such), None if none holds any."""
        counts = Counter(i for m in members for i in self.families_of.get(m, ()))
        if not counts:
            return None
        best = max(counts.values())
        return min(i for i, c in counts.items() if c == best)

    def parent(self, doc: str, family: int | None) -> tuple[str, str | None]:
        """``(where, parent)``: where is ``tree`` (parent None: the tree's root) or ``none`` (in no tree)."""
        order = ([family] if family is not None else []) + self.families_of.get(doc, [])
        for i in order:
            if doc in self.up[i]:
                return "tree", self.up[i][doc]
        if doc in self.top:
            return "tree", self.top[doc]
        return "none", None

    def describe(self, node: str | None) -> str:
        if node is None:
            return "-"
        d = self.docs.get(node)
        if d is not None:
            return f"{node} ({d.get('outlet') or '?'})"
        return f"{node} [{self.node_names.get(node, '?')}]"


def _ratio(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def score(truth: dict, out: dict, names: Names | None = None, shown: int | None = SHOWN) -> dict:
    """Every score of the module docstring, with counts and the first misses."""
    names = names or Names(known_aliases())
    pred = Prediction(out)
    stories, parents, comps = truth["stories"], truth["parents"], truth["compilations"]
    plain = {sid: [m for m in st["members"] if m not in comps] for sid, st in stories.items()}
    fam = {sid: pred.family_of(plain[sid]) for sid, st in stories.items() if len(st["members"]) >= 2}
    res: dict = {"documents": len(parents), "documents_in_output": sum(d in pred.docs for d in parents),
                 "stories": len(stories),
                 "stories_with_pages": sum(len(st["members"]) >= 2 for st in stories.values()),
                 "families": len(pred.families)}  # fmt: skip
    misses: dict[str, list] = {}

    # ARI over pages that are not compilations.
    docs = sorted(d for d in parents if d not in comps)
    story_of = {d: parents[d]["story"] for d in docs}
    guess = [pred.first_family.get(d, "solo:" + d) for d in docs]
    res["ari"] = round(ari([story_of[d] for d in docs], guess), 4)
    merged = []
    for i, m in enumerate(pred.members):
        held = Counter(story_of[d] for d in m if d in story_of)
        if len(held) > 1:
            merged.append({"family": pred.families[i].get("id"), "root_name": pred.families[i].get("root_name"),
                           "stories": dict(held.most_common(6)), "pages": len(m)})  # fmt: skip
    split = []
    for sid, m in plain.items():
        where = Counter(pred.first_family.get(d, "none") for d in m)
        if len(m) >= 2 and len(where) > 1:
            split.append({"story": sid, "title": stories[sid]["title"], "source": stories[sid]["source_name"],
                          "pages": len(m), "families": {str(k): v for k, v in where.most_common(6)}})  # fmt: skip
    merged.sort(key=lambda x: -x["pages"])
    split.sort(key=lambda x: -x["pages"])
    misses["merged_families"], misses["split_stories"] = merged[:shown], split[:shown]
    res["merged_families"], res["split_stories"] = len(merged), len(split)

    # Compilations in every story's family.
    whole = 0
    for doc, c in sorted(comps.items()):
        ok = all(fam.get(s) is not None and doc in pred.members[fam[s]] for s in c["stories"])
        whole += ok
        if not ok:
            misses.setdefault("compilations", []).append({"id": doc, "kind": c["kind"], "stories": c["stories"]})
    res["compilations"] = {"in_every_family": whole, "total": len(comps), "ratio": _ratio(whole, len(comps))}

    def page(doc: str) -> dict:
        d = pred.docs.get(doc, {})
        return {"id": doc, "outlet": d.get("outlet"), "title": d.get("title")}

    # Siblings and second generations.
    why_sib, why_gen = Counter(), Counter()
    hit_sib = total_sib = hit_gen = total_gen = 0
    shown_hit = shown_total = linked = 0
    for doc, p in sorted(parents.items()):
        if p["kind"] not in FIRST_GENERATION + ("second-generation",):
            continue
        sid = p["story"]
        st = stories[sid]
        where, up = pred.parent(doc, fam.get(sid))
        if p["kind"] == "second-generation":
            total_gen += 1
            ok = up == p["parent"]
            hit_gen += ok
            linked += ok or frozenset((doc, p["parent"])) in pred.linked
            if p.get("shows"):
                shown_total += 1
                shown_hit += ok
            reason = None if ok else _reason(where, up, sid, st, truth, pred, names)
            if not ok:
                why_gen[reason] += 1
                misses.setdefault("second_generation", []).append(
                    {**page(doc), "story": sid, "want": pred.describe(p["parent"]), "got": pred.describe(up), "why": reason})
            continue
        total_sib += 1
        ok = where == "tree" and (up in st["versions"] or (up not in pred.docs and names.names(st, pred.node_names.get(up))))
        hit_sib += ok
        if not ok:
            reason = _reason(where, up, sid, st, truth, pred, names)
            why_sib[reason] += 1
            misses.setdefault("siblings", []).append(
                {**page(doc), "story": sid, "source": st["source_name"], "got": pred.describe(up), "why": reason})
    res["siblings"] = {"hit": hit_sib, "total": total_sib, "ratio": _ratio(hit_sib, total_sib),
                       "misses": dict(why_sib.most_common())}  # fmt: skip
    res["second_generation"] = {"hit": hit_gen, "total": total_gen, "ratio": _ratio(hit_gen, total_gen),
                                "misses": dict(why_gen.most_common())}  # fmt: skip
    # Apart: the copies whose text or dates show the direction (truth ``shows``), and the copies an
    # edge links to their intermediate, in whichever direction (one copied the other).
    res["second_generation_shown"] = {"hit": shown_hit, "total": shown_total, "ratio": _ratio(shown_hit, shown_total)}
    res["second_generation_linked"] = {"hit": linked, "total": total_gen, "ratio": _ratio(linked, total_gen)}

    # Sources named and quoted-report families.
    hit = strict = total = q_hit = q_total = 0
    for sid, st in sorted(stories.items()):
        if len(st["members"]) < 2:
            continue
        f = fam.get(sid)
        root = pred.families[f].get("root_name") if f is not None else None
        total += 1
        ok = names.names(st, root)
        hit += ok
        strict += names.names(st, root, strict=True)
        if not ok:
            misses.setdefault("sources", []).append(
                {"story": sid, "kind": st["kind"], "title": st["title"], "source": st["source_name"], "root_name": root,
                 "root": pred.describe(pred.families[f].get("root")) if f is not None else None})  # fmt: skip
        if st["kind"] == "quoted-report":
            q_total += 1
            together = f is not None and all(m in pred.members[f] for m in plain[sid])
            q_hit += together and ok
            if not (together and ok):
                misses.setdefault("quoted_reports", []).append(
                    {"story": sid, "source": st["source_name"], "root_name": root, "pages": len(plain[sid]),
                     "in_its_family": sum(m in pred.members[f] for m in plain[sid]) if f is not None else 0})  # fmt: skip
    res["sources"] = {"hit": hit, "total": total, "ratio": _ratio(hit, total), "strict": _ratio(strict, total)}
    res["quoted_reports"] = {"hit": q_hit, "total": q_total, "ratio": _ratio(q_hit, q_total)}
    res["misses"] = {k: v[:shown] for k, v in misses.items()}
    return res


def _reason(where: str, up: str | None, sid: str, st: dict, truth: dict, pred: Prediction, names: Names) -> str:
    """Why a copy's drawn parent is not the one it should have."""
    if where == "none":
        return "in no tree"
    if up is None:
        return "at the top of its tree"
    if up in st["versions"]:
        return "under the source's page"
    if up not in pred.docs:
        return "under the source node" if names.names(st, pred.node_names.get(up)) else "under another source node"
    if up in truth["compilations"]:
        return "under a compilation"
    p = truth["parents"].get(up)
    if p is None:
        return "under a page not in the truth"
    if p["story"] != sid:
        return "under a page of another story"
    kinds = {"subscriber": "under another subscriber", "aggregator": "under a portal page",
             "second-generation": "under a second generation", "rescrape": "under a re-scrape"}  # fmt: skip
    return kinds.get(p["kind"], f"under a {p['kind']} page")


def slug(name: str) -> str:
    return "src:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def gold_prediction(truth: dict) -> dict:
    """The truth as syndtrace's JSON: one family per story with two or more pages, rooted at its source node,
    each page under its true parent, compilations under each story's root. Scores 1.0 throughout."""
    parents, comps = truth["parents"], truth["compilations"]
    families, sources, trees = [], {}, []
    for _, st in sorted(truth["stories"].items()):
        members = st["members"]
        if len(members) < 2:
            continue
        root_id = slug(st["source_name"])
        sources[root_id] = {"id": root_id, "name": st["source_name"], "kind": "agency", "why": "", "author": None,
                            "date": None, "in_corpus": False}  # fmt: skip
        root = {"id": root_id, "name": st["source_name"], "kind": "source", "edge": None, "children": []}
        nodes = {m: {"id": m, "name": m, "kind": "document", "edge": None, "children": []} for m in members}
        for m in members:
            up = None if m in comps else parents[m]["parent"]
            (nodes[up] if up in nodes else root)["children"].append(nodes[m])
        families.append({"id": f"f{len(families) + 1}", "root": root_id, "root_name": st["source_name"],
                         "members": sorted(members), "tree": root})  # fmt: skip
        trees.append(root)
    return {"documents": [{"id": d} for d in sorted(parents)], "passages": [], "edges": [],
            "sources": [sources[k] for k in sorted(sources)], "tree": trees, "families": families}  # fmt: skip


def _line(label: str, part: dict | float | None, target: float | None = None) -> str:
    if isinstance(part, dict):
        value, extra = part["ratio"], f"  {part['hit']}/{part['total']}"
    else:
        value, extra = part, ""
    shown = "-" if value is None else f"{value:.3f}"
    goal = f"  (target {target:.2f})" if target is not None else ""
    return f"{label:38} {shown:>6}{extra}{goal}"


def report(res: dict) -> str:
    """The scores as text."""
    comps = res["compilations"]
    out = [
        f"{res['documents']} pages, {res['stories_with_pages']} stories with two or more pages; "
        f"syndtrace drew {res['families']} families",
        _line("ARI against story families", res["ari"], TARGETS["ari"]),
        _line("siblings drawn as siblings", res["siblings"], TARGETS["siblings"]),
        _line("second-generation parents", res["second_generation"])
        + f"  ({res['second_generation']['total'] - res['second_generation_shown']['total']} show no order)",
        _line("  where text or dates show the order", res["second_generation_shown"], TARGETS["second_generation_shown"]),
        _line("  linked to the intermediate at all", res["second_generation_linked"]),
        _line("sources named", res["sources"], TARGETS["sources"]) + f"  strict {res['sources']['strict']}",
        _line("quoted-report families", res["quoted_reports"]),
        _line("compilations in every story's family",
              {"ratio": comps["ratio"], "hit": comps["in_every_family"], "total": comps["total"]}),
        f"families holding pages of two or more stories: {res['merged_families']}; "
        f"stories split over families: {res['split_stories']}",
    ]  # fmt: skip
    for key in ("siblings", "second_generation"):
        if res[key]["misses"]:
            out.append(f"{key} misses: " + ", ".join(f"{k} {v}" for k, v in res[key]["misses"].items()))
    return "\n".join(out)


def below_target(res: dict) -> list[str]:
    """The scores under their targets, as ``name value < target``."""
    values = {"ari": res["ari"], "siblings": res["siblings"]["ratio"],
              "second_generation_shown": res["second_generation_shown"]["ratio"], "sources": res["sources"]["ratio"]}  # fmt: skip
    return [f"{k} {v} < {TARGETS[k]}" for k, v in values.items() if v is not None and v < TARGETS[k]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("truth", type=Path)
    ap.add_argument("output", type=Path, nargs="?", help="syndtrace scan --format json output")
    ap.add_argument("--json", action="store_true", help="the scores and the first misses as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a score misses its target")
    ap.add_argument("--all-misses", action="store_true", help=f"with --json, every miss (not the first {SHOWN} of each kind)")
    ap.add_argument("--gold-prediction", action="store_true", help="write the truth as syndtrace JSON")
    args = ap.parse_args(argv)
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    if args.gold_prediction:
        json.dump(gold_prediction(truth), sys.stdout)
        return 0
    if args.output is None:
        ap.error("the syndtrace output is needed (or --gold-prediction)")
    res = score(truth, json.loads(args.output.read_text(encoding="utf-8")), shown=None if args.all_misses else SHOWN)
    print(json.dumps(res, indent=1, ensure_ascii=False) if args.json else report(res))
    failed = below_target(res)
    if args.check and failed:
        print("below target: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
