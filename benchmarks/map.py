"""Rendering speed and size: 10, 1,000 and 10,000 flows, time and HTML bytes per flow.

    python benchmarks/map.py [--sizes 10 1000 10000]

Flows run between real towns of the gazetteer, spread over twelve months; times are the median
of three renders (folium map built and HTML written to a string), for the default page (Leaflet
and the simplified land inlined: a fixed ~0.7 MB) and the --cdn one (Leaflet from the network).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_browser import generated

from geomap import map as flowmap
from geomap.gazetteer import load_gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000, 10000])
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    print(f"{'flows':>7} {'page':>8} {'seconds':>8} {'ms/flow':>8} {'bytes':>11} {'bytes/flow':>11}")
    for n in args.sizes:
        doc = generated(n, gazetteer)
        for cdn in (False, True):
            times, size = [], 0
            for _ in range(3):
                start = time.perf_counter()
                size = len(flowmap.to_html(flowmap.render([doc], cdn=cdn)).encode("utf-8"))
                times.append(time.perf_counter() - start)
            t = statistics.median(times)
            name = "cdn" if cdn else "default"
            print(f"{n:>7} {name:>8} {t:>8.2f} {1000 * t / n:>8.2f} {size:>11,} {size / n:>11,.0f}")


if __name__ == "__main__":
    main()
