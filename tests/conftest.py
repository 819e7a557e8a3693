"""Shared pytest configuration.

``--regen-cases`` makes ``tests/test_cases.py`` rewrite each case's
``expected.json`` from the current output instead of comparing against it
(``make cases``); review the result with ``git diff tests/cases``.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-cases",
        action="store_true",
        default=False,
        help="rewrite tests/cases/*/expected.json from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def regen_cases(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites expected outputs (``--regen-cases``)."""
    return bool(request.config.getoption("--regen-cases"))
