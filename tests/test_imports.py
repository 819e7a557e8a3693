"""``compare`` on text files never imports the web libraries (trafilatura costs ~0.15 s, its lxml more).

Each check runs the CLI in a fresh interpreter and lists the heavy modules it
loaded; the same run on web pages must load them, so the check can fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
HEAVY = ("trafilatura", "lxml", "htmldate", "justext", "courlan", "warcio", "urllib3", "charset_normalizer")

# argv: the module names to look for, then the command line.
_PROBE = """
import sys
from syndtrace.cli import main
watched = set(sys.argv[1].split(","))
try:
    main(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & watched)
sys.stderr.write("\\nEXIT %s LOADED %s\\n" % (code, ",".join(heavy)))
"""


def loaded(*args: str) -> tuple[int, list[str]]:
    """The exit code of ``syndtrace ARGS`` and the heavy modules it imported."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(HEAVY), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("EXIT "), proc.stderr
    _, code, _, names = (last.split(" ") + [""])[:4]
    return int(code), [n for n in names.split(",") if n]


def test_compare_on_text_files_imports_no_web_library():
    code, heavy = loaded("compare", *(str(p) for p in sorted(FIXTURES.glob("*.txt"))), "--format", "json")
    assert code == 0 and heavy == []


def test_compare_on_web_pages_does_import_them():
    code, heavy = loaded("compare", *(str(p) for p in sorted(FIXTURES.glob("*.html"))), "--format", "json")
    assert code == 0 and "trafilatura" in heavy and "lxml" in heavy
