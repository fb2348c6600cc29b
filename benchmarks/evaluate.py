"""Geoparsing accuracy on public gold corpora, with geotext beside it as a baseline.

    python benchmarks/evaluate.py                          # all six corpora in ../shared
    python benchmarks/evaluate.py path/to/gold.jsonl --limit 50 --errors 20

Recognition: a predicted mention is right when it overlaps a gold toponym (precision), a gold
toponym is found when a prediction overlaps it (recall). Resolution: over gold toponyms with
coordinates that a prediction overlaps, the share whose predicted place lies within 161 km of the
gold point (accuracy@161 km) and the median error in km. The error is 0 when the prediction is
the gold GeoNames id itself; for a predicted country it is the distance from the gold point to
the country's shape (0 inside), and for a predicted admin-1 region the distance to the convex hull
of its towns: an area has no one true point, and geomap's (an on-land label point, the centre of
a region's towns) differs from a corpus's (GeoNames' or Wikipedia's) by up to thousands of km.
`pt161` is the strict figure: the distance between the two points, whatever the kind.

geotext (pip install 'geomap[bench]') gives names without offsets or coordinates: each name it
returns is found at every whole-word occurrence in the text, and placed at geomap's gazetteer's
first candidate for it (population prior), so its resolution figures measure that prior.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geomap.document import extract
from geomap.errors import PlaceNotFound
from geomap.gazetteer import Gazetteer, distance_km, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "geoparse-corpora"
NEWS = ("lgl", "tr-news", "geovirus", "geowebnews", "wotr", "geocorpora")

Span = tuple[int, int, float | None, float | None, str | None]  # start, end, lat, lon, place id


@dataclass
class Score:
    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0
    errors_km: list[float] = field(default_factory=list)
    point_errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, predicted: list[Span], gold: list[dict]) -> list[tuple[str, str]]:
        """Count one document; return its mistakes as (kind, text) for --errors."""
        mistakes = []
        self.predicted += len(predicted)
        self.gold += len(gold)
        for p in predicted:
            if any(_overlap(p, g) for g in gold):
                self.predicted_right += 1
            else:
                mistakes.append(("false", p))
        for g in gold:
            hits = [p for p in predicted if _overlap(p, g)]
            if hits:
                self.gold_found += 1
                if g.get("lat") is not None and hits[0][2] is not None:
                    km = error_km(g, hits[0])
                    self.errors_km.append(km)
                    self.point_errors_km.append(distance_km((g["lat"], g["lon"]), hits[0][2:4]))
                    if km > 161:
                        mistakes.append(("far", (g, hits[0], km)))
            else:
                mistakes.append(("missed", g))
        return mistakes

    def row(self) -> dict[str, float]:
        p = self.predicted_right / self.predicted if self.predicted else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = sum(e <= 161 for e in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0
        med = statistics.median(self.errors_km) if self.errors_km else 0.0
        pt = sum(e <= 161 for e in self.point_errors_km) / len(self.point_errors_km) if self.point_errors_km else 0.0
        return {"P": p, "R": r, "F1": f, "acc161": acc, "pt161": pt, "median_km": med, "resolved": len(self.errors_km)}


def error_km(gold: dict, predicted: Span) -> float:
    """How far the predicted place is from the gold point (see the module's docstring)."""
    place_id = predicted[4]
    if place_id is not None and str(gold.get("geonameid")) == place_id:
        return 0.0
    shape = _country_shapes().get(place_id or "") or _region_hull(place_id)
    if shape is not None:
        from shapely.geometry import Point

        point = Point(gold["lon"], gold["lat"])
        if shape.contains(point):
            return 0.0
        from shapely.ops import nearest_points

        edge = nearest_points(shape, point)[0]
        return distance_km((gold["lat"], gold["lon"]), (edge.y, edge.x))
    return distance_km((gold["lat"], gold["lon"]), (predicted[2], predicted[3]))


_SHAPES: dict[str, object] = {}
_HULLS: dict[str, object] = {}


def _region_hull(place_id: str | None):
    """The convex hull of an admin-1 region's towns, or None for any other place."""
    if place_id not in _HULLS:
        from shapely.geometry import MultiPoint

        gazetteer = load_gazetteer()
        try:
            place = gazetteer.by_id(place_id) if place_id else None
        except PlaceNotFound:
            place = None
        hull = None
        if place is not None and place.kind == "admin1":
            points = [(p.lon, p.lat) for p in gazetteer.members(place)]
            lons = [x for x, _ in points]
            if len(points) >= 3 and max(lons) - min(lons) < 180:
                hull = MultiPoint(points).convex_hull
                hull = hull if hull.geom_type == "Polygon" else None
        _HULLS[place_id] = hull
    return _HULLS[place_id]


def _country_shapes() -> dict:
    """Country shapes keyed by the country's place id in geomap's gazetteer."""
    if not _SHAPES:
        from shapely.geometry import shape

        from geomap.geometry import country_shapes

        by_iso = {p.country: p.id for p in load_gazetteer() if p.kind == "country"}
        for iso, feature in country_shapes().items():
            if iso in by_iso:
                _SHAPES[by_iso[iso]] = shape(feature["geometry"])
    return _SHAPES


def _overlap(p: Span, g: dict) -> bool:
    return p[0] < g["end"] and g["start"] < p[1]


def geomap_spans(text: str, gazetteer: Gazetteer) -> list[Span]:
    doc = extract(text, gazetteer=gazetteer)
    return sorted((m.start, m.end, f.place.lat, f.place.lon, f.place.id) for f in doc.places for m in f.mentions)


def geotext_spans(text: str, gazetteer: Gazetteer) -> list[Span]:
    from geotext import GeoText

    found = GeoText(text)
    names = set(found.cities) | set(found.countries) | set(getattr(found, "nationalities", []))
    spans = []
    for name in sorted(names):
        place = gazetteer.get(name)
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            spans.append(
                (m.start(), m.end(), place.lat if place else None, place.lon if place else None, place and place.id)
            )
    return sorted(spans)


def evaluate(
    docs: Iterable[dict], parse: Callable[[str, Gazetteer], list[Span]], gazetteer: Gazetteer
) -> tuple[Score, list]:
    score, mistakes = Score(), []
    start = time.perf_counter()
    for doc in docs:
        predicted = parse(doc["text"], gazetteer)
        for kind, what in score.add(predicted, doc["toponyms"]):
            mistakes.append((kind, what, doc))
    score.seconds = time.perf_counter() - start
    return score, mistakes


def show_mistakes(mistakes: list, limit: int) -> None:
    for kind, what, doc in mistakes[:limit]:
        text = doc["text"]
        if kind == "false":
            s, e = what[0], what[1]
            print(f"  FALSE  {text[s:e]!r:30} …{text[max(0, s - 40) : e + 40]!r}")
        elif kind == "missed":
            s, e = what["start"], what["end"]
            print(f"  MISSED {text[s:e]!r:30} …{text[max(0, s - 40) : e + 40]!r}")
        else:
            g, p, km = what
            gold, ours = f"({g['lat']:.2f},{g['lon']:.2f})", f"({p[2]:.2f},{p[3]:.2f})"
            print(f"  FAR    {g['name']!r:30} {km:7.0f} km  gold {gold} ours {ours}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold.jsonl files (default: the six corpora)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    parser.add_argument("--errors", type=int, default=0, help="print the first N mistakes of geomap per corpus")
    parser.add_argument("--no-geotext", action="store_true", help="skip the geotext baseline")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    paths = args.gold or [CORPORA / name / "gold.jsonl" for name in NEWS]
    gazetteer = load_gazetteer()
    systems = {"geomap": geomap_spans}
    if not args.no_geotext:
        systems["geotext"] = geotext_spans
    results = {}
    print(f"{'corpus':<12} {'system':<8} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'pt161':>6}", end="")
    print(f" {'median':>8} {'n':>6} {'sec':>6}")
    for path in paths:
        docs = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
        corpus = path.parent.name
        for system, parse in systems.items():
            score, mistakes = evaluate(docs, parse, gazetteer)
            row = score.row()
            results[f"{corpus}/{system}"] = {**row, "docs": len(docs), "seconds": round(score.seconds, 1)}
            print(
                f"{corpus:<12} {system:<8} {len(docs):>5} {row['P']:>6.3f} {row['R']:>6.3f} {row['F1']:>6.3f} "
                f"{row['acc161']:>7.3f} {row['pt161']:>6.3f} {row['median_km']:>7.1f}k {row['resolved']:>6} "
                f"{score.seconds:>6.1f}"
            )
            if system == "geomap" and args.errors:
                show_mistakes(mistakes, args.errors)
            sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
