"""A syndtrace progress sink for benchmarks: when each stage starts, its size, and the clocks then.

``bench/run.py`` reads the stage split from it; ``bench/ab.py`` also the CPU
time of the process and of its finished worker processes per stage.
"""

from __future__ import annotations

import resource
import time

Clocks = tuple[float, float, float]  # wall, this process's CPU, its finished children's CPU (seconds)


def clocks() -> Clocks:
    """The three clocks now."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


class Stages:
    """Passed to ``syndtrace.scan.scan`` as ``progress``: records each stage's start (a resize keeps it)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, Clocks, int | None]] = []

    def stage(self, name: str, total: int | None = None) -> None:
        if not self.marks or self.marks[-1][0] != name:
            self.marks.append((name, clocks(), total))
        else:
            self.marks[-1] = (name, self.marks[-1][1], total)

    def advance(self, name: str, amount: int = 1) -> None:
        pass

    def totals(self) -> dict[str, int | None]:
        """Each stage's size, as the scan last gave it."""
        return {name: total for name, _, total in self.marks}

    def split(self, end: float) -> dict[str, float]:
        """Wall seconds from each stage's start to the next one's (the last to ``end``)."""
        times = [at[0] for _, at, _ in self.marks] + [end]
        return {name: round(times[k + 1] - times[k], 2) for k, (name, _, _) in enumerate(self.marks)}

    def usage(self) -> dict[str, dict[str, float]]:
        """Per stage until now: wall seconds, and CPU seconds of this process and of its finished workers.

        A pool's workers count when they are joined, which ``scan`` does at the end of their stage.
        """
        ends = [at for _, at, _ in self.marks[1:]] + [clocks()]
        return {
            name: dict(zip(("wall", "parent_cpu", "workers_cpu"), (b - a for a, b in zip(at, stop))))
            for (name, at, _), stop in zip(self.marks, ends)
        }
