"""The first module the fork server started by `geomap.batch._forkserver` imports. What its
preloads (distributed, geomap.batch) make lives as long as the server and every worker forked from
it, so the garbage collector is off while they load (its collections took 0.04-0.05 s of
distributed's 0.25 s import) and, before the first fork, told to leave it alone (`gc.freeze()`, as
Python's documentation advises before fork()): a full collection in a Dask worker walked it, 35 ms
every few hundred articles where the rest took 6 ms, and the server spent 0.15-0.2 s collecting it
when it stopped, after geomap had (a caller reading geomap's output to its end, as subprocess.run
does, waited for that). Imported anywhere else, a doctest run say, it does nothing."""

from __future__ import annotations

import os
import sys


def _in_fork_server() -> bool:
    """Whether multiprocessing's fork server is importing this module (its preload)."""
    from multiprocessing import forkserver

    frame = sys._getframe()
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            return True
        frame = frame.f_back
    return False


def _before_fork(server: int = os.getpid()) -> None:
    """In the fork server, before its first fork: what the preloads made is frozen and the collector
    is on again (in the worker forked, too). Nothing in a process forked from it."""
    import gc

    if os.getpid() == server and not gc.isenabled():
        gc.freeze()
        gc.enable()


if _in_fork_server():
    import gc

    gc.disable()
    os.register_at_fork(before=_before_fork)
