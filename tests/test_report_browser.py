"""The web report in a real browser: headless Chromium (Debian's) driven by Selenium.

The page loads with no console errors; a family opens (drawn only then);
the side-by-side view highlights the words that differ; the filters by
outlet and by text work; a passage's "in context" link shows it in its whole
article, emoji before it or not; and articles whose every field carries
markup and script show it as text and run none of it (with the page's
Content-Security-Policy, and without it: escaping alone must hold).

Skipped when Chromium or its driver is missing, unless
``SYNDTRACE_BROWSER_TESTS=required`` (``.ci/run``), when that fails instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import browser
from report_pages import CHANGED, INJECTED_TITLE, SCRIPT_BODY, astral, hostile, report, story_pair
from scan_corpus import wire_corpus
from syndtrace.render.html import write_page

REPO = Path(__file__).resolve().parent.parent
SEED = [str(REPO / "fixtures" / name) for name in ("afp-soleimani-uncredited-copy.txt", "globalresearch-reprint-of-commondreams.txt")]

why = browser.missing()
if why and browser.REQUIRED:
    raise RuntimeError(f"SYNDTRACE_BROWSER_TESTS=required, but the browser tests cannot run: {why}")
pytestmark = pytest.mark.skipif(why is not None, reason=f"no headless browser: {why}")


@pytest.fixture(scope="module")
def driver():
    with browser.chromium() as d:
        d.set_script_timeout(10)
        yield d


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The reports the tests open, built once through the CLI."""
    folder = tmp_path_factory.mktemp("reports")
    out: dict[str, Path] = {}

    def compare(name: str, paths: list[str]) -> None:
        out[name] = folder / f"{name}.html"
        report("compare", *paths, "--format", "html", "-o", str(out[name]))

    compare("seed", SEED)
    for name, make in (("story", story_pair), ("hostile", hostile), ("astral", astral)):
        (folder / name).mkdir()
        compare(name, make(folder / name))
    corpus = folder / "wire"
    for name, content in wire_corpus().items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(content, encoding="utf-8")
    out["scan"] = folder / "scan.html"
    report("scan", str(corpus), "-q", "--format", "html", "-o", str(out["scan"]))
    return out


def errors(entries: list[dict]) -> list[str]:
    return [e["message"] for e in entries if e["level"] in ("SEVERE", "ERROR")]


def wait(driver, script: str, *args):
    """Poll ``script`` (a JavaScript expression's body returning a value) until it is truthy; return that value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 10, poll_frequency=0.05).until(lambda d: d.execute_script(script, *args))


def texts(driver, selector: str, root=None) -> list[str]:
    found = (root or driver).find_elements("css selector", selector)
    return [e.get_attribute("textContent") for e in found]


def open_group(driver, index: int):
    group = driver.find_elements("css selector", "details.group")[index]
    group.find_element("css selector", "summary").click()
    wait(driver, "return arguments[0].querySelector('.group-body')", group)
    return group


# --- loading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seed", "scan", "story", "astral", "hostile"])
def test_loads_with_no_console_errors(driver, pages, name):
    assert errors(browser.open_page(driver, pages[name])) == []
    assert driver.find_elements("css selector", "details.group")
    # Open everything there is to open: families, pairs, every article in context.
    driver.execute_script("for (const d of document.querySelectorAll('details')) d.open = true;")
    wait(driver, "return document.querySelectorAll('details.group .group-body').length === document.querySelectorAll('details.group').length")
    driver.execute_script("for (const d of document.querySelectorAll('details.pair')) d.open = true;")
    for href in [a.get_attribute("href") for a in driver.find_elements("css selector", ".side-head a")]:
        driver.get(href)
        wait(driver, "return !document.getElementById('reader').hidden")
    assert errors(browser.browser_log(driver)) == []


# --- families ----------------------------------------------------------------------------------------------


def test_a_family_expands_when_opened(driver, pages):
    browser.open_page(driver, pages["scan"])
    groups = driver.find_elements("css selector", "details.group")
    assert len(groups) == 2  # wire_corpus: an AP story with 3 reprints, a local story with 2 copies
    assert driver.find_elements("css selector", ".group-body") == []  # nothing drawn before it is opened
    summary = groups[0].find_element("css selector", "summary").text
    assert "Associated Press" in summary and "4 articles" in summary and "2024-03-01 to 2024-03-03" in summary
    group = open_group(driver, 0)
    names = texts(driver, ".tree .name", group)
    assert {"Associated Press", "Valley Courier", "Harbor Ledger", "Ridge Post"} <= set(names)
    assert texts(driver, ".edge", group) and texts(driver, ".evidence li", group)
    assert len(driver.find_elements("css selector", ".group-body")) == 1  # the other family is still undrawn


# --- side by side ----------------------------------------------------------------------------------------------


def test_side_by_side_highlights_the_differing_words(driver, pages):
    browser.open_page(driver, pages["story"])
    sides = driver.find_elements("css selector", ".passage .side")
    assert len(sides) == 2
    original, copy = sides  # the original on the left: the copy took its text
    assert "Millbrook Ledger" in original.find_element("css selector", ".side-head").text
    assert texts(driver, "mark.diff", original) == [old for old, _ in CHANGED]
    assert texts(driver, "mark.diff", copy) == [new for _, new in CHANGED]
    background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", original.find_element("css selector", "mark.diff"))
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_quoted_parts_are_marked(driver, pages):
    browser.open_page(driver, pages["seed"])
    quoted = texts(driver, "#passage-p1 .side-text .quoted")
    assert quoted and all(q.strip() for q in quoted)
    assert "Iraqi military and intelligence officials" in "".join(quoted)
    assert "the Times reported" not in "".join(quoted)  # the words around the quotation are not marked


def test_in_context_shows_the_passage_in_its_whole_article_after_an_emoji(driver, pages):
    browser.open_page(driver, pages["astral"])
    for side in driver.find_elements("css selector", ".passage .side"):
        shown = side.find_element("css selector", ".side-text").get_attribute("textContent")
        side.find_element("css selector", ".side-head a").click()
        wait(driver, "return !document.getElementById('reader').hidden")
        current = "".join(texts(driver, "#reader .current"))
        assert current == shown
        whole = driver.find_element("css selector", "#reader .reader-text").get_attribute("textContent")
        assert shown in whole and len(whole) > len(shown)
        driver.find_element("css selector", "#reader .close").click()
        wait(driver, "return document.getElementById('reader').hidden")
    # From the tree: the whole article, no passage picked; closing it leaves the page where it was.
    driver.execute_script("window.scrollTo(0, 40)")
    driver.find_element("css selector", ".tree a[href^='#read=']").click()
    wait(driver, "return !document.getElementById('reader').hidden")
    assert texts(driver, "#reader .current") == [] and texts(driver, "#reader .shared")
    driver.find_element("css selector", "#reader .close").click()
    assert driver.execute_script("return document.getElementById('reader').hidden && !location.hash && window.scrollY") == 40
    # The emoji article's side, cut by code points in Python, is cut the same in JavaScript.
    emoji_side = next(t for t in texts(driver, ".side-text") if "🗳" in t)
    assert emoji_side.startswith("The county water board voted 🗳 on")


# --- the filter ----------------------------------------------------------------------------------------------------


def visible_groups(driver) -> list[str]:
    return [g.find_element("css selector", "summary").text for g in driver.find_elements("css selector", "#groups details.group")]


def test_filter_by_outlet(driver, pages):
    from selenium.webdriver.support.ui import Select

    browser.open_page(driver, pages["scan"])
    assert len(visible_groups(driver)) == 2
    select = Select(driver.find_element("id", "outlet-filter"))
    assert "Metro Daily (1)" in [o.text for o in select.options]
    select.select_by_value("Metro Daily")
    wait(driver, "return document.querySelectorAll('#groups details.group').length === 1")
    (only,) = visible_groups(driver)
    assert "County Times" in only and "Metro Daily" in only
    select.select_by_value("")
    wait(driver, "return document.querySelectorAll('#groups details.group').length === 2")


def payload(page: Path) -> dict:
    blob = re.search(r'<script type="application/json" id="syndtrace-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    return json.loads(blob.group(1))


def test_filter_by_text_in_titles_and_passages(driver, pages):
    data = payload(pages["scan"])
    texts_of = {d["id"]: d["text"] for d in data["documents"]}
    first, second = (set(f["members"]) for f in data["families"])
    # A word of a passage of the second family that no article of the first family has.
    shared = " ".join(texts_of[p["a"]["doc"]][p["a"]["start"] : p["a"]["end"]] for p in data["passages"] if p["a"]["doc"] in second)
    others = " ".join(texts_of[m] for m in first).lower()
    word = next(w for w in re.findall(r"[a-z]{6,}", shared) if w not in others)
    browser.open_page(driver, pages["scan"])
    box = driver.find_element("id", "text-filter")
    box.send_keys(word.upper())  # case does not matter
    wait(driver, "return document.querySelectorAll('#groups details.group').length === 1")
    assert "County Times" in visible_groups(driver)[0]
    assert "1 matching" in driver.find_element("id", "filter-count").text
    box.clear()
    box.send_keys("Ridge Post")  # an outlet, found in the members' names
    wait(driver, "return document.querySelectorAll('#groups details.group').length === 1 && "
         "document.querySelector('#groups summary').textContent.includes('Associated Press')")
    box.clear()
    box.send_keys("no such words anywhere")
    wait(driver, "return document.querySelectorAll('#groups details.group').length === 0")
    assert "no group matches" in driver.find_element("id", "filter-count").text


# --- pair verdicts and family links ---------------------------------------------------------------------------


def test_a_pairs_verdict_and_a_familys_links_are_shown(driver, pages, tmp_path):
    data = payload(pages["scan"])
    first, second = data["families"]
    pairs = [p for p in data["pairs"] if {p["a"], p["b"]} <= set(first["members"])]
    assert pairs and all(p["verdict"] == "reuse" for p in pairs)
    first["links"] = [{"family": second["id"], "words": 42, "pairs": 3}]
    page = tmp_path / "linked.html"
    with open(page, "w", encoding="utf-8") as out:
        write_page(data, out)
    assert errors(browser.open_page(driver, page)) == []
    group = open_group(driver, 0)
    shown = texts(driver, ".verdict", group)
    assert len(shown) == len(pairs)
    assert all(t.startswith("reuse: ") and "words shared" in t and "outside quotation marks" in t for t in shown)
    (linked,) = group.find_elements("css selector", ".links li")
    assert second["id"] in linked.text and second["root_name"] in linked.text
    assert "up to 42 words shared, 3 pairs of members" in linked.text
    linked.find_element("css selector", "a").click()
    wait(driver, "return document.querySelectorAll('details.group')[1].open")
    assert errors(browser.browser_log(driver)) == []


# --- injection ------------------------------------------------------------------------------------------------------


def without_csp(page: Path, folder: Path) -> Path:
    bare = folder / ("bare-" + page.name)
    text = page.read_text(encoding="utf-8")
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    assert stripped != text
    bare.write_text(stripped, encoding="utf-8")
    return bare


@pytest.mark.parametrize("policy", ["with its policy", "without its policy"])
def test_injected_markup_shows_as_text_and_runs_nothing(driver, pages, tmp_path, policy):
    from selenium.common.exceptions import NoAlertPresentException

    page = pages["hostile"] if policy == "with its policy" else without_csp(pages["hostile"], tmp_path)
    logged = browser.open_page(driver, page)
    driver.execute_script("for (const d of document.querySelectorAll('details')) d.open = true;")
    for href in [a.get_attribute("href") for a in driver.find_elements("css selector", "a[href^='#read=']")]:
        driver.get(href)
        wait(driver, "return !document.getElementById('reader').hidden")
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert driver.execute_script("return window.pwned") is None
    assert driver.find_elements("css selector", "img, svg, b[onmouseover], i, iframe") == []
    assert len(driver.find_elements("css selector", "script")) == 2
    body = driver.find_element("tag name", "body").get_attribute("textContent")
    assert INJECTED_TITLE in body and "<b onmouseover=alert(1)>Evil Outlet</b>" in body and SCRIPT_BODY in body
    hrefs = [a.get_attribute("href") or "" for a in driver.find_elements("css selector", "a")]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert errors(logged + browser.browser_log(driver)) == []
