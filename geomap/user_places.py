"""The user's own places: CSV or JSON files that extend or override the bundled gazetteer.

A bad row raises GazetteerFileError naming the file, the line (or JSON path: `$[2].lat`) and the field.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from geomap.errors import GazetteerFileError
from geomap.gazetteer import KINDS, Place
from geomap.names import name_key
from geomap.schema import USER_PLACES_SCHEMA, load_json, validate

USER_FIELDS = ("id", "name", "kind", "country", "lat", "lon", "admin1", "population", "capital", "aliases")


def read_user_places(path: str | os.PathLike[str]) -> list[Place]:
    """Places from a CSV file (a header row with at least name, lat, lon) or a JSON file (a list of
    such objects, or a GeoJSON FeatureCollection of Points). A bad row raises GazetteerFileError
    naming the file, line and field."""
    path = Path(path)
    if path.suffix.lower() in (".json", ".geojson"):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise GazetteerFileError(f"{path}: cannot read gazetteer file: {_reason(e)}") from None
        return [_user_place(locate, row) for locate, row in _json_rows(path, text)]
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:  # the csv module on the file: see read_csv
            reader = csv.DictReader(f)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or ())
            if missing:
                raise GazetteerFileError(f"{path}:1: header lacks the column(s) {', '.join(sorted(missing))}")
            unknown = set(reader.fieldnames or ()) - set(USER_FIELDS)
            if unknown:
                raise GazetteerFileError(
                    f"{path}:1: unknown column(s) {', '.join(sorted(unknown))}; "
                    f"expected some of {', '.join(USER_FIELDS)}"
                )
            places, line = [], 2
            for row in reader:
                places.append(_user_place(lambda name, line=line: f"{path}:{line}: {name}", row))
                line = reader.line_num + 1
            return places
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerFileError(f"{path}: cannot read gazetteer file: {_reason(e)}") from None
    except csv.Error as e:
        raise GazetteerFileError(f"{path}: not readable as CSV: {e}") from None


def _reason(error: OSError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text (byte {error.start})"
    return error.strerror or str(error)


Locate = Callable[[str], str]  # a field's name → where it is, for a message: "FILE:LINE: lat"


def _json_rows(path: Path, text: str) -> Iterator[tuple[Locate, dict[str, Any]]]:
    """The place objects of a JSON list or a GeoJSON FeatureCollection of Points, each with its Locate."""
    data = load_json(text, str(path), error=GazetteerFileError)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        validate(data, USER_PLACES_SCHEMA, str(path), part="feature_collection", error=GazetteerFileError)
        for n, feature in enumerate(data["features"]):
            lon, lat = feature["geometry"]["coordinates"][:2]
            here = f"{path}: $.features[{n}]"
            yield (
                lambda name, here=here: (
                    f"{here}.geometry.coordinates" if name in ("lat", "lon") else f"{here}.properties.{name}"
                ),
                {**feature["properties"], "lat": lat, "lon": lon},
            )
    elif isinstance(data, list):
        validate(data, USER_PLACES_SCHEMA, str(path), part="list", error=GazetteerFileError)
        for n, item in enumerate(data):
            yield (lambda name, n=n: f"{path}: $[{n}].{name}"), item
    else:
        raise GazetteerFileError(f"{path}: $: expected a list of places or a GeoJSON FeatureCollection")


def _user_place(locate: Locate, row: dict[str, Any]) -> Place:
    def fail(field_name: str, problem: str) -> GazetteerFileError:
        return GazetteerFileError(f"{locate(field_name)}: {problem}")

    unknown = set(row) - set(USER_FIELDS)
    if unknown:
        raise fail(sorted(unknown)[0], f"unknown field; expected some of {', '.join(USER_FIELDS)}")
    name = str(row.get("name") or "").strip()
    if not name:
        raise fail("name", "is empty")
    coords = {}
    for axis, bound in (("lat", 90.0), ("lon", 180.0)):
        raw = row.get(axis)
        try:
            value = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise fail(axis, f"{raw!r} is not a number") from None
        if not -bound <= value <= bound or math.isnan(value):
            raise fail(axis, f"{value} is outside [-{bound:g}, {bound:g}]")
        coords[axis] = value
    kind = str(row.get("kind") or "site").strip()
    if kind not in KINDS:
        raise fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    country = str(row.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise fail("country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
    population = row.get("population")
    if population in (None, ""):
        population = None
    else:
        try:
            population = int(population)  # type: ignore[arg-type]
            if population < 0:
                raise ValueError
        except (TypeError, ValueError):
            raise fail("population", f"{population!r} is not a whole number >= 0") from None
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|")]
    place_id = str(row.get("id") or "").strip() or f"user:{name_key(name).replace(' ', '-')}"
    capital = str(row.get("capital") or "").strip().lower() in ("1", "true", "yes")
    return Place(
        id=place_id,
        name=name,
        kind=kind,
        country=country,
        lat=coords["lat"],
        lon=coords["lon"],
        admin1=(str(row.get("admin1") or "").strip() or None),
        population=population,
        capital=capital,
        aliases=tuple(a for a in aliases if a),
    )
