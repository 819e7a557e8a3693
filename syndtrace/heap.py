"""Freed memory handed back to the system: what keeps a scan's peak near what it holds.

numpy arrays below glibc's mmap threshold (which grows to 32 MB as large
arrays are freed) are allocated from the C heap, and freed back into it,
where they stay resident: Python's own allocator cannot reuse them, and a
worker forked next counts them again in its own memory. ``release`` returns
such pages after a numpy-heavy step.
"""

from __future__ import annotations

import ctypes
import sys


def release() -> None:
    """Hand freed heap pages back to the system (glibc's ``malloc_trim``; elsewhere nothing happens).

    Examples: the index's sort buffers (about 300 MB at 100k articles); the
    parts of the statements' join (``statements.Observed.concat``), before
    it sorts the join.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # a C library without it (musl)
        return
    trim(0)
