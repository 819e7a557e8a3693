"""Which names does attribution take for news outlets in real prose? ``make eval``'s quoted-names score.

    python bench/quoted_names.py [--reuters DIR] [--verbose]

A shared passage that the words around it attribute to an outlet ("the
Jakarta Post said", "according to the Times") makes that outlet a quoted
source, drawn in the tree. On generated text every such name is an outlet;
in real prose most capitalised phrases before "said" are companies, public
bodies and people ("American Express said", "the Economic Planning Agency
said"). This reads every attribution phrase in the 19,043 bodies of
Reuters-21578 (1987 wire stories, read from ../shared/data at run time,
never copied), resolves each as a scan does
(``syndtrace.attribute.attributions``), and scores the names against hand
labels in ``bench/data/reuters-quoted-names.tsv``:

* precision: of the phrases resolved to a labelled name, the fraction
  resolved to an outlet [target 0.95];
* recall: of the outlets labelled, the fraction found under any of their
  spellings [target 0.90];
* unlabelled: names found that the file does not hold, printed to be
  labelled (a rule change that finds new names must have them read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from syndtrace.attribute import attributions  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))  # sibling modules, also when imported by tests
from reuters_pool import DEFAULT_REUTERS as REUTERS, bodies as reuters_bodies, paragraphs  # noqa: E402

LABELS = REPO / "bench" / "data" / "reuters-quoted-names.tsv"
TARGETS = {"precision": 0.95, "recall": 0.90}


def bodies(reuters: Path) -> list[str]:
    """Every story body of the collection, one paragraph a line (``reuters_pool.paragraphs``)."""
    return ["\n".join(paragraphs(body)) for body in reuters_bodies(reuters)]


def names_found(texts: list[str]) -> Counter:
    """How many attribution phrases of ``texts`` resolve to each outlet name."""
    return Counter(name for text in texts for name in attributions(text))


def read_labels(path: Path = LABELS) -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """``{name: label}`` over every spelling, and the outlets (label 1) as tuples of their spellings."""
    labels: dict[str, int] = {}
    outlets = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, *names = line.split("\t")
        if label not in ("0", "1") or not names:
            raise ValueError(f"{path}:{n}: expected LABEL<TAB>NAME[<TAB>SPELLING]..., LABEL 0 or 1")
        for name in names:
            if name in labels:
                raise ValueError(f"{path}:{n}: {name!r} is labelled twice")
            labels[name] = int(label)
        if label == "1":
            outlets.append(tuple(names))
    return labels, outlets


def score(found: Counter, labels: dict[str, int], outlets: list[tuple[str, ...]]) -> dict:
    """Precision over the labelled phrases, recall over the labelled outlets, and what is unlabelled."""
    right = sum(c for name, c in found.items() if labels.get(name) == 1)
    wrong = {name: c for name, c in found.items() if labels.get(name) == 0}
    missed = [names[0] for names in outlets if not any(n in found for n in names)]
    return {
        "phrases": sum(found.values()),
        "precision": right / (right + sum(wrong.values())) if right + sum(wrong.values()) else 0.0,
        "recall": (len(outlets) - len(missed)) / len(outlets) if outlets else 0.0,
        "wrong": dict(sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))),
        "missed": missed,
        "unlabelled": dict(sorted(((n, c) for n, c in found.items() if n not in labels), key=lambda kv: (-kv[1], kv[0]))),
    }


def report(res: dict) -> str:
    """The scores, the wrong names and the unlabelled ones, for a person to read."""
    lines = [
        f"quoted names (Reuters-21578)  precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
        f"({res['phrases']} phrases)",
        "   taken for outlets, wrongly: " + (", ".join(f"{n} ({c})" for n, c in res["wrong"].items()) or "none"),
        "   outlets missed: " + (", ".join(res["missed"]) or "none"),
    ]
    if res["unlabelled"]:
        lines.append("   unlabelled (label them in bench/data/reuters-quoted-names.tsv): "
                     + ", ".join(f"{n} ({c})" for n, c in res["unlabelled"].items()))  # fmt: skip
    return "\n".join(lines)


def below_target(res: dict) -> list[str]:
    """The scores under their targets, and unlabelled names (unread output is not scored)."""
    problems = [f"{k} {res[k]:.3f} < {t}" for k, t in TARGETS.items() if res[k] < t]
    if res["unlabelled"]:
        problems.append(f"{len(res['unlabelled'])} names unlabelled")
    return problems


def run(reuters: Path = REUTERS) -> dict:
    """Read the collection, resolve its attribution phrases, score them."""
    labels, outlets = read_labels()
    return score(names_found(bodies(reuters)), labels, outlets)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reuters", type=Path, default=REUTERS, help="the Reuters-21578 folder")
    args = ap.parse_args(argv)
    res = run(args.reuters)
    print(report(res))
    problems = below_target(res)
    for p in problems:
        print(f"  below target: quoted names {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
