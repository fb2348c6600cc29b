"""Flows across articles over a Parquet dataset: `geomap flows` on a million synthetic events.

    python benchmarks/corpus.py [--events 1000000] [--runs 3]

The events are those of benchmarks/batch.py's DuckDB figure (300 places, 10 types, 12 monthly
partitions, a source every five events), with countries and points for both ends and a document
date. Each run is a fresh `python -m geomap flows` process, start-up included; its peak memory is
its own high-water mark (VmHWM: DuckDB runs inside it). Beside them, in the same run, the bare
DuckDB GROUP BY of batch.py, for comparison. The machine is shared and noisy: the median of the runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import PARENT  # (the same wrapper: CLI run, peak memory on the last line)


def make_dataset(root: Path, events: int) -> float:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geomap.parquet import _schemas

    schema = _schemas()["events"]
    rng = random.Random(0)
    places = [(str(1000 + i), f"Place {i}", rng.choice("AB CD EF GH IJ".split()), rng.uniform(-60, 60),
               rng.uniform(-179, 179)) for i in range(300)]  # fmt: skip
    types = ["shipment", "transfer", "trade", "travel", "visit", "meeting", "sanction", "attack", "migration", "aid"]
    per_month = events // 12
    for m in range(12):
        rows = []
        for i in range(per_month):
            (o, on, oc, ola, olo), (d, dn, dc, dla, dlo) = rng.choice(places), rng.choice(places)
            day = i % 28 + 1
            rows.append({"source": f"s{m}-{i // 5}", "doc_date": dt.date(2023, m + 1, day), "id": f"ev-{m}-{i}",
                         "type": rng.choice(types), "origin": o, "origin_name": on, "origin_country": oc,
                         "origin_lat": ola, "origin_lon": olo, "destination": d, "destination_name": dn,
                         "destination_country": dc, "destination_lat": dla, "destination_lon": dlo, "directed": True,
                         "date": f"2023-{m + 1:02d}-{day:02d}", "modality": "asserted", "confidence": rng.random(),
                         "count": 1, "rule": "synthetic", "actors": []})  # fmt: skip
        folder = root / "events" / f"month=2023-{m + 1:02d}"
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / "part-00000.parquet", compression="zstd")
    return sum(p.stat().st_size for p in root.rglob("*.parquet")) / 1e6


def flows(root: Path, out: Path, *options: str) -> tuple[float, float, int]:
    """Seconds, peak memory (MB) and rows written of one `geomap flows` run."""
    command = [sys.executable, "-c", PARENT, "flows", str(root), "-o", str(out), *options]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command[3:])}\n{done.stderr}")
    peak = int(done.stderr.strip().splitlines()[-1].split()[1])
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.read_metadata(out).num_rows
    else:
        rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    return seconds, peak / 1024, rows


BARE = """
import resource, sys, time, duckdb
start = time.perf_counter()
rows = duckdb.sql(\"\"\"SELECT origin, destination, type, month, count(*) AS events, count(DISTINCT source) AS sources,
    avg(confidence) AS confidence FROM read_parquet('{files}', hive_partitioning = true)
    WHERE modality = 'asserted' GROUP BY ALL\"\"\").fetchall()
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(len(rows), time.perf_counter() - start, peak)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        start = time.perf_counter()
        size = make_dataset(root, args.events)
        print(f"{args.events:,} events in 12 monthly partitions: {size:.0f} MB of Parquet, made in "
              f"{time.perf_counter() - start:.0f} s")  # fmt: skip
        runs = [
            ("flows --period month (parquet)", "m.parquet", ["--period", "month", "--format", "parquet"]),
            ("flows --window 7 (parquet)", "w.parquet", ["--format", "parquet"]),
            ("flows --by country --period month", "c.csv", ["--by", "country", "--period", "month"]),
            ("flows --period month --min-sources 2", "s.csv", ["--period", "month", "--min-sources", "2"]),
        ]
        print(f"{'run':<40} {'flows':>9} {'seconds':>8} {'peak MB':>8}")
        for name, file_name, options in runs:
            results = [flows(root, Path(tmp) / file_name, *options) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in results)
            peak = statistics.median(r[1] for r in results)
            print(f"{name:<40} {results[0][2]:>9,} {seconds:>8.2f} {peak:>8.0f}")
        bare = []
        for _ in range(args.runs):
            code = BARE.replace("{files}", str(root / "events" / "*" / "*.parquet"))
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            groups, seconds, peak = out.split()
            bare.append((float(seconds), int(peak) / 1024, int(groups)))
        seconds, peak, groups = sorted(bare)[len(bare) // 2]
        print(f"{'bare DuckDB GROUP BY (batch.py), no output':<40} {groups:>9,} {seconds:>8.2f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
