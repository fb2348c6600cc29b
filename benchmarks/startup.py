"""Cold start: `geomap geocode Pyongyang` against `python -c pass`, and its peak memory.

    python benchmarks/startup.py [--runs 20]

Each run is a new process, so the gazetteer is opened from disk every time (the OS page cache
stays warm, as it would for a user running the command twice).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time in ms and the largest peak RSS in MB over `runs` runs."""
    times, peak = [], 0.0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    base, base_mem = timed([sys.executable, "-c", "pass"], runs)
    geo, geo_mem = timed([sys.executable, "-m", "geomap", "geocode", "Pyongyang"], runs)
    imp, _ = timed([sys.executable, "-c", "import geomap.cli"], runs)
    click, _ = timed([sys.executable, "-c", "import click"], runs)
    print(f"python -c pass            {base:7.1f} ms  peak {base_mem:6.1f} MB")
    print(f"import click              {click:7.1f} ms  (the floor for any click command)")
    print(f"import geomap.cli         {imp:7.1f} ms")
    print(f"geomap geocode Pyongyang  {geo:7.1f} ms  peak {geo_mem:6.1f} MB  ({geo / base:.1f}x python -c pass)")


if __name__ == "__main__":
    main()
