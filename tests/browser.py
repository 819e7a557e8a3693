"""Headless Chromium through Selenium, for the report's browser tests and ``docs/screenshots.py``.

The browser and its driver are Debian's (packages ``chromium`` and
``chromium-driver``). Selenium is given both paths, so its manager never
tries to fetch a browser of its own. Chromium runs headless, as root
(``--no-sandbox``), with a new empty profile and without the background
connections (updates, sync, QUIC) a closed network refuses.

``missing()`` says why a browser cannot be started here (``None`` when it
can). The tests skip for that reason, unless ``SYNDTRACE_BROWSER_TESTS`` is
``required`` (as ``.ci/run`` sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
REQUIRED = os.environ.get("SYNDTRACE_BROWSER_TESTS", "") == "required"


def missing() -> str | None:
    """Why headless Chromium cannot run here, or ``None`` when it can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return f"{path} not found (apt-get install chromium chromium-driver; package {package})"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 1000) -> Iterator:
    """A Selenium driver of headless Chromium whose console messages ``browser_log`` reads; quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="syndtrace-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path) -> list[dict]:
    """Load the file ``path`` (``get`` returns after the load event); the console messages of earlier pages are dropped."""
    browser_log(driver)
    driver.get(path.resolve().as_uri())
    return browser_log(driver)


def browser_log(driver) -> list[dict]:
    """The console messages and page errors since the last call: ``{'level', 'message', 'source'}``."""
    return driver.get_log("browser")
