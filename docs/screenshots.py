"""Take the README's screenshots of the web report, in headless Chromium.

    .venv/bin/python docs/screenshots.py

writes ``docs/report-compare.png`` (``syndtrace compare`` of the two seed
articles in ``fixtures/``) and ``docs/report-scan.png`` (``syndtrace scan``
of a small synthetic corpus: the scenarios of ``tests/scan_corpus.py`` in
one folder, so no real article text). Needs Debian's ``chromium`` and
``chromium-driver`` and the ``dev`` extra (Selenium), as the browser tests do;
Debian's ``pngquant``, when present, makes the PNGs a third of the size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import browser  # noqa: E402
import scan_corpus  # noqa: E402
from report_pages import report  # noqa: E402

SEED = [f"fixtures/{name}" for name in ("afp-soleimani-uncredited-copy.txt", "globalresearch-reprint-of-commondreams.txt")]
SCENARIOS = {
    "wire": scan_corpus.wire_corpus,
    "digest": scan_corpus.digest_corpus,
    "statement": scan_corpus.statement_corpus,
    "partial": scan_corpus.partial_corpus,
    "generations": lambda: scan_corpus.generations(("root.txt", "copy.txt", "copy-of-copy.txt")),
}


def corpus(folder: Path) -> Path:
    for scenario, make in SCENARIOS.items():
        for name, content in make().items():
            path = folder / name if "/" in name else folder / scenario / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return folder


def shoot(driver, page: Path, png: Path, steps: str = "") -> None:
    """Load ``page``, run the JavaScript ``steps``, and save the window as ``png``."""
    problems = [e for e in browser.open_page(driver, page) if e["level"] == "SEVERE"]
    if steps:
        driver.execute_script(steps)
        time.sleep(0.3)
    problems += [e for e in browser.browser_log(driver) if e["level"] == "SEVERE"]
    if problems:
        raise SystemExit(f"{page}: console errors: {problems}")
    driver.save_screenshot(str(png))
    if shutil.which("pngquant"):  # a third of the size, no visible change (Debian's pngquant)
        subprocess.run(["pngquant", "--quality", "70-95", "--speed", "1", "--force", "--output", str(png), str(png)], check=True)
    else:
        print("pngquant not found: the screenshot is kept as Chromium wrote it (about three times larger)")
    print(f"{png.relative_to(REPO)}: {png.stat().st_size // 1024} KB")


def main() -> None:
    why = browser.missing()
    if why:
        raise SystemExit(f"cannot take screenshots: {why}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seed = work / "seed.html"
        os.chdir(REPO)  # so the report names the seed articles as fixtures/...
        report("compare", *SEED, "--format", "html", "-o", str(seed))
        scan = work / "scan.html"
        corpus(work / "corpus")
        os.chdir(work)  # so the report names the files as corpus/...
        report("scan", "corpus", "-q", "--format", "html", "-o", str(scan))
        with browser.chromium(width=1200, height=1400) as driver:
            shoot(driver, seed, REPO / "docs" / "report-compare.png")
            # The list of families, the first open: its tree, then its pairs (closed: it has six).
            shoot(driver, scan, REPO / "docs" / "report-scan.png",
                  "document.querySelector('details.group').open = true;")


if __name__ == "__main__":
    main()
