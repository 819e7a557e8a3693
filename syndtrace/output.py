"""Writing a rendered result: stdout, or a file written atomically.

``-o FILE`` never overwrites one of the run's inputs, and a failed write
leaves any existing FILE as it was (we write a temporary file beside it and
rename it into place).
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from typing import Iterator, TextIO

from syndtrace.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _existing_mode(path: str) -> int | None:
    """The permission bits of the file about to be replaced, kept as they were."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return None


def check_target(path: str, inputs: list[str], option: str = "-o") -> None:
    """``OutputError`` unless ``path`` can take an output: not an input, not a folder, in a folder that exists.

    ``option`` names the option that gave ``path``, for the message.
    """
    target = os.path.realpath(path)
    for given in inputs:
        if given != "-" and os.path.exists(given) and os.path.realpath(given) == target:
            raise OutputError(f"refusing to overwrite an input file with the output; choose another {option}", path)
    if os.path.isdir(path):
        raise OutputError(f"this is a directory; {option} takes a file name", path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"the folder {folder} does not exist", path)


@contextmanager
def open_output(path: str | None, inputs: list[str], option: str = "-o") -> Iterator[TextIO]:
    """Yield a text stream for the output; on success, move it into place (``check_target`` first)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    check_target(path, inputs, option)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".syndtrace-", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        # mkstemp makes the file private (0600); give it the mode any new file gets here.
        os.chmod(tmp, _existing_mode(path) or 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
