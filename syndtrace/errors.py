"""The ``SyndtraceError`` family.

Every error carries the path it is about (``None`` when it is about no file),
an optional line number, and a reason phrased for the person at the terminal:
what is wrong and, where we can tell, what to do. The CLI maps each class to a
documented exit code (see ``EXIT_CODES`` and the README).
"""

from __future__ import annotations

# Exit codes, documented in the README ("Exit codes"). Kept here, beside the
# errors that produce them, so the CLI and the docs test read one table.
EXIT_OK = 0
EXIT_PARTIAL = 1  # the run finished but some inputs were skipped
EXIT_USAGE = 2  # click's own code for bad options
EXIT_INPUT = 3  # an input cannot be used and the command needs it
EXIT_OUTPUT = 4  # the output cannot be written
EXIT_INTERRUPTED = 130  # Ctrl-C

EXIT_CODES = {
    EXIT_OK: "success (including 'no shared passages')",
    EXIT_PARTIAL: "finished, but some inputs were reported and skipped",
    EXIT_USAGE: "bad command line or settings",
    EXIT_INPUT: "an input cannot be used (missing, empty, binary, undecodable, duplicated)",
    EXIT_OUTPUT: "the output file cannot be written",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}


class SyndtraceError(Exception):
    """Base of every error syndtrace raises on purpose."""

    exit_code = EXIT_INPUT

    def __init__(self, reason: str, path: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        super().__init__(self.message)

    def __reduce__(self):
        # Raised in a worker process, it crosses back whole (path and line, not only the message).
        return type(self), (self.reason, self.path, self.line)

    @property
    def message(self) -> str:
        """``path:line: reason``, the form editors and grep understand."""
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.reason


class InputError(SyndtraceError):
    """An input file or record cannot be used (missing, empty, binary, ...)."""

    exit_code = EXIT_INPUT


class SettingsError(SyndtraceError):
    """A setting is out of range; the reason says which values work."""

    exit_code = EXIT_USAGE


class OutputError(SyndtraceError):
    """The output cannot be written (or would overwrite an input)."""

    exit_code = EXIT_OUTPUT
