"""A long fuzz run of `extract` outside CI: random news-like texts and document dates, every property checked.

    python benchmarks/fuzz.py [--n 100000] [--seed 0] [--jobs 2] [--reader auto|rules|syntax]

Texts and dates come from tests/fuzztext.py (the generator and checks tests/test_properties.py uses),
text i from random.Random(f"{seed}:{i}"), so a failure is reproduced from its number alone. Prints
the texts run, failures by kind with a first example each, and texts a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzztext import problems, random_date, random_text

from geomap.document import extract
from geomap.gazetteer import Gazetteer, load_gazetteer

CHUNK = 500
_gazetteer: Gazetteer | None = None


def _open_gazetteer() -> None:
    global _gazetteer
    _gazetteer = load_gazetteer()


def case(seed: int, i: int) -> tuple[str, dt.date | None]:
    """Text number `i` of the run with this seed, and its document date."""
    rng = random.Random(f"{seed}:{i}")
    return random_text(rng), random_date(rng)


def run_chunk(
    seed: int, first: int, last: int, reader: str = "auto"
) -> tuple[Counter[str], dict[str, tuple[int, str, str, str]]]:
    """Texts failing, in all ("any") and by kind, over texts first..last-1, with the first example of
    each kind: (i, text, date, detail)."""
    if _gazetteer is None:
        _open_gazetteer()
    failures: Counter[str] = Counter()
    examples: dict[str, tuple[int, str, str, str]] = {}
    for i in range(first, last):
        text, when = case(seed, i)
        try:
            found = problems(text, extract(text, date=when, gazetteer=_gazetteer, reader=reader))
        except Exception as e:
            found = [(f"raises {type(e).__name__}", str(e))]
        failures["any"] += bool(found)
        for kind, detail in dict(found).items():  # a kind counts once a text
            failures[kind] += 1
            examples.setdefault(kind, (i, text, str(when), detail))
    return failures, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="texts to run (default 100,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes, each opening the gazetteer once")
    parser.add_argument("--reader", choices=["auto", "rules", "syntax"], default="auto", help="the events' reader")
    args = parser.parse_args()
    chunks = [(args.seed, a, min(a + CHUNK, args.n), args.reader) for a in range(0, args.n, CHUNK)]
    failures: Counter[str] = Counter()
    examples: dict[str, tuple[int, str, str, str]] = {}
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs, initializer=_open_gazetteer) as pool:
        for counts, firsts in pool.map(run_chunk, *zip(*chunks, strict=True)):
            failures.update(counts)
            for kind, example in firsts.items():
                if kind not in examples or example[0] < examples[kind][0]:
                    examples[kind] = example
    seconds = time.perf_counter() - start
    print(f"texts: {args.n}  seed: {args.seed}  jobs: {args.jobs}  reader: {args.reader}")
    print(f"seconds: {seconds:.1f}  texts/s: {args.n / seconds:.0f}")
    failed = failures.pop("any", 0)
    print(f"texts failing: {failed}" + (", by kind:" if failed else ""))
    for kind, count in failures.most_common():
        i, text, when, detail = examples[kind]
        print(f"  {kind}: {count}\n    first: text {i}, date {when}: {text!r}\n    {detail}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
