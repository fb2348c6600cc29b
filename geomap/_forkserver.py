"""The last module the fork server started by `geomap.batch._forkserver` imports. What the modules
before it loaded (distributed, geomap.batch) lives as long as the server and every worker forked from
it, so the garbage collector is told to leave it alone (`gc.freeze()`, as Python's documentation
advises before fork()): a full collection in a Dask worker walked them, 35 ms every few hundred
articles where the rest took 6 ms, and the server spent 0.15-0.2 s collecting them when it stopped,
after geomap had (a caller reading geomap's output to its end, as subprocess.run does, waited for
that). Imported anywhere else, a doctest run say, it does nothing."""

from __future__ import annotations

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


if _in_fork_server():
    import gc

    gc.freeze()
