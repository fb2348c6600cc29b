"""Speed against a baseline, and output identity: this tree's geomap (NEW) against another
revision's (OLD, by default the commit this branch left main at), in one run.

    python benchmarks/speed.py bench [--base REV] [--repeat 5] [--readers rules,syntax]
    python benchmarks/speed.py identity [--base REV] [--readers rules,syntax]

OLD is exported with `git archive` into a temporary directory and imported from there. Every
measurement runs in a fresh subprocess pinned to one core (`taskset -c 0` where there is one),
OLD and NEW alternating, repeated; the figures are medians and the ratios are taken between
runs of the same script, so a noisy machine slows both alike. Each subprocess opens the gazetteer
(and the syntax model) and extracts the seed article once before its clock starts.

bench measures (1) LGL's 588 articles one by one, articles/s, in a fresh process and in one that
has read GeoWebNews's 200 articles before (as a worker some way into a batch: the gazetteer's
answers are remembered per process); (2) one 1 MB document (LGL's articles concatenated, a blank
line between) against the same articles one by one.
identity writes the JSON records of the seed article, every LGL and GeoWebNews article, and the
1 MB document with OLD and NEW, and compares them byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "geoparse-corpora"
SEED = ROOT / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
BIG = 1_000_000  # characters


def articles(corpus: str) -> list[str]:
    return [json.loads(line)["text"] for line in (CORPORA / corpus / "gold.jsonl").open(encoding="utf-8")]


def big_document() -> tuple[str, list[str]]:
    """LGL's articles, in order, until they make a million characters; and those articles."""
    parts: list[str] = []
    for text in articles("lgl") * 2:
        parts.append(text)
        if sum(map(len, parts)) + 2 * len(parts) >= BIG:
            break
    return "\n\n".join(parts), parts


# --- In the subprocess: one package, one task -------------------------------------------------------


def worker(task: str, reader: str, out: str | None) -> None:
    from geomap.document import extract
    from geomap.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    if reader == "syntax":
        from geomap.syntax import load_model

        load_model()
    extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, reader=reader)  # imports, first queries

    def run(texts: list[str]) -> tuple[float, list[str]]:
        start = time.process_time()
        documents = [extract(t, gazetteer=gazetteer, reader=reader) for t in texts]
        return time.process_time() - start, [d.to_json() for d in documents]

    result: dict[str, object] = {}
    if task == "corpus-in-batch":  # a worker some way into a batch: it has read other articles before
        run(articles("geowebnews"))
    if task in ("corpus", "corpus-in-batch"):
        texts = articles("lgl")
        result["seconds"], _ = run(texts)
        result["docs"] = len(texts)
    elif task == "big":
        document, parts = big_document()
        result["one_by_one"], _ = run(parts)
        result["big"], _ = run([document])
        result["chars"], result["docs"] = len(document), len(parts)
    elif task == "identity":
        document, _ = big_document()
        texts = [SEED.read_text(encoding="utf-8"), *articles("lgl"), *articles("geowebnews"), document]
        _, records = run(texts)
        Path(out).write_text("\n".join(records) + "\n", encoding="utf-8")  # type: ignore[arg-type]
    print(json.dumps(result))


# --- In the parent ----------------------------------------------------------------------------------


def export(rev: str, into: Path) -> str:
    """`rev`'s tree in `into`; returns the commit."""
    commit = subprocess.run(["git", "rev-parse", rev], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    archive = subprocess.run(["git", "archive", commit.strip()], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return commit.strip()


def spawn(package: Path, task: str, reader: str, out: Path | None = None) -> dict:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, __file__, "_worker", task, reader, str(out or "")]
    env = {**os.environ, "PYTHONPATH": str(package)}
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def bench(old: Path, readers: list[str], repeat: int, big_repeat: int) -> None:
    for reader in readers:
        for task, title in (("corpus", "a fresh process"), ("corpus-in-batch", "after GeoWebNews's 200 articles")):
            runs: dict[str, list[float]] = {"old": [], "new": []}
            for _ in range(repeat):
                for name, package in (("old", old), ("new", ROOT)):
                    r = spawn(package, task, reader)
                    runs[name].append(r["docs"] / r["seconds"])
            ratios = [n / o for o, n in zip(runs["old"], runs["new"], strict=True)]
            print(f"LGL's 588 articles, {reader} reader, {title}: articles/s (CPU time, one core), {repeat} runs:")
            for name in ("old", "new"):
                print(f"  {name}: median {statistics.median(runs[name]):.0f}  runs {[round(x) for x in runs[name]]}")
            print(f"  new/old: median {statistics.median(ratios):.2f}x  runs {[round(x, 2) for x in ratios]}")
            sys.stdout.flush()
        if not big_repeat:
            continue
        big: dict[str, list[dict]] = {"old": [], "new": []}
        for _ in range(big_repeat):
            for name, package in (("old", old), ("new", ROOT)):
                big[name].append(spawn(package, "big", reader))
        first = big["new"][0]
        print(f"One document of {first['chars']:,} characters ({first['docs']} LGL articles) against those "
              f"articles one by one, {reader} reader, {big_repeat} alternating runs:")  # fmt: skip
        for name in ("old", "new"):
            rs = big[name]
            print(f"  {name}: document {statistics.median(r['big'] for r in rs):.2f} s, one by one "
                  f"{statistics.median(r['one_by_one'] for r in rs):.2f} s, document/one-by-one median "
                  f"{statistics.median(r['big'] / r['one_by_one'] for r in rs):.2f}x  "
                  f"runs {[round(r['big'] / r['one_by_one'], 2) for r in rs]}")  # fmt: skip
        speedups = [o["big"] / n["big"] for o, n in zip(big["old"], big["new"], strict=True)]
        print(f"  the document, old/new time: median {statistics.median(speedups):.1f}x")
        sys.stdout.flush()


def identity(old: Path, readers: list[str], where: Path) -> bool:
    same = True
    for reader in readers:
        outputs = {}
        for name, package in (("old", old), ("new", ROOT)):
            outputs[name] = where / f"{name}-{reader}.jsonl"
            spawn(package, "identity", reader, outputs[name])
        a, b = outputs["old"].read_bytes(), outputs["new"].read_bytes()
        lines_a, lines_b = a.splitlines(), b.splitlines()
        differing = [i for i, (x, y) in enumerate(zip(lines_a, lines_b, strict=False)) if x != y]
        ok = a == b
        same &= ok
        print(f"{reader} reader: {len(lines_a)} records (seed, 588 LGL, 200 GeoWebNews, the 1 MB document), "
              f"{len(a):,} bytes: {'byte-identical' if ok else f'DIFFERENT at records {differing[:10]}'}")  # fmt: skip
    return same


def main() -> None:
    if sys.argv[1:2] == ["_worker"]:
        worker(sys.argv[2], sys.argv[3], sys.argv[4] or None)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["bench", "identity"])
    parser.add_argument("--base", default=None, help="the OLD revision (default: git merge-base HEAD main)")
    parser.add_argument("--readers", default="rules,syntax")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big-repeat", type=int, default=3)
    args = parser.parse_args()
    base = args.base
    if base is None:
        base = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout.strip()  # fmt: skip
    readers = args.readers.split(",")
    with tempfile.TemporaryDirectory(prefix="geomap-old-") as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        commit = export(base, old)
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "geomap"], cwd=ROOT, capture_output=True, text=True)
        print(f"OLD {commit[:10]}, NEW this tree (HEAD {head.stdout.strip()}{', modified' if dirty.stdout else ''})")
        if args.what == "bench":
            bench(old, readers, args.repeat, args.big_repeat)
        elif not identity(old, readers, Path(tmp)):
            sys.exit(1)


if __name__ == "__main__":
    main()
