"""Progress on stderr for long runs: a rich progress bar on a terminal, nothing elsewhere.

The library reports through this small interface (``stage``/``advance``),
so it never prints by itself; ``--quiet`` passes ``enabled=False``.
"""

from __future__ import annotations

import sys


class Progress:
    """Context manager showing one bar per stage (loaded, sketched, indexed, pairs aligned, traced).

    A scan of stories carried more often than the cap may add "credited pages aligned" after
    "pairs aligned" (``syndtrace.creditpairs``).
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar = None
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self._bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def stage(self, name: str, total: int | None = None) -> None:
        """Start (or resize) the bar for stage ``name``."""
        if self._bar is None:
            return
        if name in self._tasks:
            self._bar.update(self._tasks[name], total=total)
        else:
            self._tasks[name] = self._bar.add_task(name, total=total)

    def advance(self, name: str, amount: int = 1) -> None:
        """Move stage ``name`` forward."""
        if self._bar is not None and name in self._tasks:
            self._bar.advance(self._tasks[name], amount)


class NullProgress(Progress):
    """Reports nothing (library callers that pass no progress)."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
