"""Worker processes for the stages that fan out: a fork pool's ordered ``imap``, or plain ``map``.

Workers are forked, so they read what the parent built before the pool
started (a module's state dict) without copying it through pipes; results
come back in the order the jobs were given, so the output is the same for
any number of workers.
"""

from __future__ import annotations

import multiprocessing
import signal
from contextlib import contextmanager

from syndtrace.settings import Settings


@contextmanager
def mapper(settings: Settings, jobs: int):
    """``map``, or a fork pool's ordered ``imap`` when more than one worker would help.

    On success the pool is closed and joined; on an error or Ctrl-C it is
    terminated, so an interrupted run never waits on its workers.
    """
    workers = min(settings.worker_count, jobs)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield map
        return
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts)
    try:
        yield pool.imap
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which terminates them (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
