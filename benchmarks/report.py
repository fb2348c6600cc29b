"""The report page: build time and size for the seed article and for 10, 1,000 and 10,000 flows,
the time Chromium takes to print its PDF, and (with --picture) the README's picture of a report.

    python benchmarks/report.py [--sizes 10 1000 10000] [--picture docs/report.png]

Times are the median of three builds (the map rendered, the summary and table made, the page
filled); the PDF is printed once, by headless Chromium, as `geomap report --format pdf` does.
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
from geomap import report
from geomap.document import extract
from geomap.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "north-korea-airlifts-arms-to-russia.txt"


def timed(build, runs: int = 3) -> tuple[float, str]:
    times, page = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        page = build()
        times.append(time.perf_counter() - start)
    return statistics.median(times), page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000, 10000])
    parser.add_argument("--picture", type=Path, help="write a PNG of the seed's report page here")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    seed = extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, source="seeds/" + SEED.name)
    cases = [("seed", [seed])] + [(f"{n} flows", [generated(n, gazetteer)]) for n in args.sizes]
    print(f"{'report':>12} {'seconds':>8} {'bytes':>11} {'pdf s':>7} {'pdf bytes':>10}")
    for name, documents in cases:
        seconds, page = timed(lambda documents=documents: report.report_html(documents, offline=True))
        pdf_s, pdf_bytes = "", ""
        if flowmap.find_chromium() and len(flowmap.flows(documents)) <= 1000:
            start = time.perf_counter()
            pdf_bytes = f"{len(report.to_pdf(page)):,}"
            pdf_s = f"{time.perf_counter() - start:.1f}"
        print(f"{name:>12} {seconds:8.2f} {len(page.encode('utf-8')):>11,} {pdf_s:>7} {pdf_bytes:>10}", flush=True)
    if args.picture:
        page = report.report_html([seed], offline=True)
        args.picture.write_bytes(flowmap.screenshot(page, size=(1400, 1000)))
        print(f"wrote {args.picture}")


if __name__ == "__main__":
    main()
