"""Batches: `geomap extract` over an article table on one core, two, and a Dask LocalCluster; the
parent's peak memory at two batch sizes; and DuckDB aggregating a million events in a Parquet dataset.

    python benchmarks/batch.py [--n 10000] [--small 1000] [--repeat 3] [--events 1000000]
                               [--skip-extract] [--skip-duckdb]

The articles are LGL's texts (shared/geoparse-corpora/lgl) repeated, each with its own id and a
date, read from a JSONL table and written as streamed JSONL with the rules reader. Each run is a
fresh `python -m geomap` process, start-up included; the parent's peak memory is its own
high-water mark (VmHWM; workers not counted). The machine is shared and noisy: compare the ratios within one
run, not the seconds across runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "geoparse-corpora" / "lgl" / "gold.jsonl"

# Runs geomap's CLI and reports this process's own peak memory (KB on Linux) on its last line.
PARENT = """
import resource, runpy, sys
sys.argv = ["geomap", *sys.argv[1:]]
try:
    runpy.run_module("geomap", run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    try:  # VmHWM: this process's own peak (ru_maxrss may keep the peak of the process it was forked from)
        peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    except OSError:
        peak = usage.ru_maxrss
    print("maxrss", peak, usage.ru_utime + usage.ru_stime, file=sys.stderr)
"""


def table(path: Path, n: int) -> Path:
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = {"id": f"lgl-{i}", "date": f"2023-{i % 12 + 1:02d}-15", "text": texts[i % len(texts)]}
            f.write(json.dumps(row) + "\n")
    return path


def extract(source: Path, out: Path, *options: str) -> tuple[float, float, float]:
    """Seconds, the parent's peak memory (MB) and its CPU seconds in one `geomap extract` run."""
    command = [sys.executable, "-c", PARENT, "extract", str(source), "--reader", "rules", "--format", "jsonl",
               "-o", str(out), "-q", *options]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command[3:])}\n{done.stderr}")
    _, maxrss, cpu = done.stderr.strip().splitlines()[-1].split()
    return seconds, int(maxrss) / 1024, float(cpu)


# Starts and stops the engine as `geomap extract --engine dask --jobs 2` does, with no work between.
STARTUP = """
import sys, time
start = time.perf_counter()
from geomap.batch import Settings, _executor
with _executor("dask", 2, Settings(reader="rules"), None, None):
    ready = time.perf_counter()
print(ready - start, time.perf_counter() - start)
"""


def bench_extract(n: int, small: int, repeat: int, work: Path) -> None:
    big, little = table(work / "big.jsonl", n), table(work / "small.jsonl", small)
    runs = [
        ("--jobs 1", big, ["--jobs", "1"]),
        ("--jobs 2", big, ["--jobs", "2"]),
        ("dask LocalCluster, 2 workers", big, ["--engine", "dask", "--jobs", "2"]),
        ("--jobs 2", little, ["--jobs", "2"]),
    ]
    load = os.getloadavg()[0]  # other work on a shared machine shows here: ratios mean little above ~1
    print(f"{'run':<30} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'parent MB':>9} {'parent CPU s':>12}")
    seconds: dict[tuple[str, int], list[float]] = {}
    outputs = {}
    overheads = []
    for _ in range(repeat):  # the runs alternate, so that a busy spell slows all of them alike
        for name, source, options in runs:
            count = n if source is big else small
            out = work / f"out-{len(outputs)}.jsonl"
            took, memory, cpu = extract(source, out, *options)
            seconds.setdefault((name, count), []).append(took)
            outputs[(name, count, len(outputs))] = hashlib.sha256(out.read_bytes()).hexdigest()
            out.unlink()
            print(f"{name:<30} {count:>8,} {took:>8.1f} {count / took:>10.0f} {memory:>9.0f} {cpu:>12.1f}")
        done = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True)
        overheads.append(float(done.stdout.split()[1]))
    one, two = seconds[("--jobs 1", n)], seconds[("--jobs 2", n)]
    dask = seconds[("dask LocalCluster, 2 workers", n)]
    without = [d - o for d, o in zip(dask, overheads, strict=True)]
    print(f"medians of {repeat} alternating runs:")
    print(f"  --jobs 2 vs --jobs 1: {_ratios(one, two)} as fast")
    print(f"  dask vs --jobs 2: {_ratios(dask, two)} the time, the cluster's start and stop included")
    print(f"  starting and stopping the LocalCluster (distributed imported, 2 workers up with the gazetteer open, "
          f"closed): {statistics.median(overheads):.2f} s, runs {[round(o, 2) for o in overheads]}")  # fmt: skip
    print(f"  dask without its start and stop vs --jobs 2: {_ratios(without, two)} the time")
    big_outputs = {h for (name, count, _), h in outputs.items() if count == n}
    print(f"outputs identical: {len(big_outputs) == 1}")
    print(f"load average (1 min) {load:.1f} before the runs, {os.getloadavg()[0]:.1f} after")


def _ratios(a: list[float], b: list[float]) -> str:
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    return f"{statistics.median(ratios):.2f}x (runs {', '.join(f'{r:.2f}' for r in ratios)})"


def bench_duckdb(events: int, work: Path) -> None:
    """A million synthetic events in a dataset partitioned by month, aggregated by DuckDB in a
    process of its own (its peak memory is that process's)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geomap.parquet import _schemas

    schema = _schemas()["events"]
    rng = random.Random(0)
    places = [(str(1000 + i), f"Place {i}", rng.choice("AB CD EF GH IJ".split())) for i in range(300)]
    types = ["shipment", "transfer", "trade", "travel", "visit", "meeting", "sanction", "attack", "migration", "aid"]
    root = work / "events-dataset"
    per_month = events // 12
    start = time.perf_counter()
    for m in range(12):
        rows = []
        for i in range(per_month):
            (o, on, oc), (d, dn, dc) = rng.choice(places), rng.choice(places)
            rows.append({"source": f"s{m}-{i // 5}", "id": f"ev-{m}-{i}", "type": rng.choice(types),
                         "origin": o, "origin_name": on, "origin_country": oc, "destination": d,
                         "destination_name": dn, "destination_country": dc, "directed": True,
                         "date": f"2023-{m + 1:02d}-{i % 28 + 1:02d}", "modality": "asserted",
                         "confidence": rng.random(), "count": 1, "rule": "synthetic", "actors": []})  # fmt: skip
        folder = root / f"month=2023-{m + 1:02d}"
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / "part-00000.parquet", compression="zstd")
    made = time.perf_counter() - start
    size = sum(p.stat().st_size for p in root.rglob("*.parquet")) / 1e6
    query = f"""
import resource, time, duckdb
start = time.perf_counter()
rows = duckdb.sql(\"\"\"SELECT origin, destination, type, month, count(*) AS events, count(DISTINCT source) AS sources,
    avg(confidence) AS confidence FROM read_parquet('{root}/*/*.parquet', hive_partitioning = true)
    WHERE modality = 'asserted' GROUP BY ALL\"\"\").fetchall()
print(len(rows), time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    base = "import resource, duckdb; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    idle = int(subprocess.run([sys.executable, "-c", base], capture_output=True, text=True, check=True).stdout)
    timings = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", query], capture_output=True, text=True, check=True).stdout.split()
        timings.append((float(out[1]), int(out[2]), int(out[0])))
    seconds, peak, groups = sorted(timings)[1]
    print(f"{events:,} events in 12 monthly partitions ({size:.0f} MB of Parquet, made in {made:.0f} s)")
    print(f"DuckDB GROUP BY origin, destination, type, month: {groups:,} groups in {seconds:.2f} s (median of 3); "
          f"peak memory {peak / 1024:.0f} MB ({(peak - idle) / 1024:.0f} MB above an idle DuckDB process)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the large batch")
    parser.add_argument("--small", type=int, default=1_000, help="articles in the small batch (memory)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of the extraction benchmarks")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-duckdb", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_extract:
            bench_extract(args.n, args.small, args.repeat, Path(tmp))
        if not args.skip_duckdb:
            bench_duckdb(args.events, Path(tmp))


if __name__ == "__main__":
    main()
