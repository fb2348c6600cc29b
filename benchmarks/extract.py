"""Pipeline speed: `extract` (places and events) over the corpora's texts, one core.

    python benchmarks/extract.py [corpus ...] [--reader rules|syntax|all]

Reports documents (articles) and kilobytes of text a second for each corpus and events reader, the
gazetteer (and the syntax reader's model) opened once, before the clock starts.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from geomap.document import extract
from geomap.gazetteer import load_gazetteer

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "geoparse-corpora"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=["lgl", "tr-news", "geovirus", "geowebnews", "wotr"])
    parser.add_argument("--reader", choices=["rules", "syntax", "all"], default="all")
    args = parser.parse_args()
    readers = ["rules", "syntax"] if args.reader == "all" else [args.reader]
    gazetteer = load_gazetteer()
    if "syntax" in readers:
        from geomap.syntax import load_model

        load_model()
    print(f"{'corpus':<12} {'reader':<7} {'docs':>6} {'KB':>8} {'seconds':>8} {'docs/s':>8} {'KB/s':>7} {'events':>7}")
    for name in args.corpora:
        texts = [json.loads(line)["text"] for line in (CORPORA / name / "gold.jsonl").open(encoding="utf-8")]
        kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
        for reader in readers:
            start = time.perf_counter()
            events = sum(len(extract(t, gazetteer=gazetteer, reader=reader).events) for t in texts)
            seconds = time.perf_counter() - start
            print(f"{name:<12} {reader:<7} {len(texts):>6} {kb:>8.0f} {seconds:>8.2f} {len(texts) / seconds:>8.0f} "
                  f"{kb / seconds:>7.0f} {events:>7}")  # fmt: skip


if __name__ == "__main__":
    main()
