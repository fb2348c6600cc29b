"""The record that flows out of the pipeline: a document's places (and, later, its events).

>>> doc = extract("A planeload of arms left Pyongyang for Russia.")
>>> [(p.place.name, [m.text for m in p.mentions]) for p in doc.places]
[('Pyongyang', ['Pyongyang']), ('Russia', ['Russia'])]
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.errors import InputError, PlaceNotFound
from geomap.events import Event, Evidence, Lexicon, event_id, load_lexicon
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.mentions import Mention
from geomap.output import (
    CSV_BOOLEANS,
    CSV_COLUMNS,
    CSV_LISTS,
    CSV_NOT_NULL,
    CSV_NUMBERS,
    EVENT_FIELDS,
    PLACE_FIELDS,
    RECORD_FIELDS,
    csv_untext,
)  # fmt: skip
from geomap.pipeline import annotate
from geomap.places import FoundPlace
from geomap.schema import RECORD_SCHEMA, SCHEMA_VERSION, load_json, validate, validate_record


@dataclass(frozen=True)
class Document:
    """What geomap found in one text. `to_dict()` is the JSON record of `geomap extract`.

    `url` and `title` are where the article was published and its headline, as an article table
    gives them: data from the input, kept as text (only an http(s) url is ever drawn as a link)."""

    text: str
    places: tuple[FoundPlace, ...]
    events: tuple[Event, ...] = ()
    source: str | None = None
    date: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    url: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        for name in ("url", "title"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"{name} must be a string or None, not {type(value).__name__}")

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The record (schema 1.1): `url` and `title` only when known, so a record without them
        is what a 1.0 reader expects."""
        record: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "source": self.source}
        record |= {name: value for name in ("url", "title") if (value := getattr(self, name)) is not None}
        record |= {
            "date": self.date.isoformat() if self.date else None,
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
        }
        if include_text:
            record["text"] = self.text
        return record

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A document date from 'YYYY-MM-DD' (or a date); InputError for anything else."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date {value!r} is not a date of the form YYYY-MM-DD") from None


def extract(
    text: str,
    *,
    date: str | dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    source: str | None = None,
    lexicon: Lexicon | None = None,
    reader: str = "auto",
    url: str | None = None,
    title: str | None = None,
) -> Document:
    """Every place `text` names, resolved, and the events between them: the layers of
    `geomap.pipeline.annotate`, kept as a frozen record. `source`, `url` and `title` say where the
    text came from; they go into the record as they are.

    `reader` picks who reads the events: "syntax" (a dependency parse; needs `geomap[syntax]`),
    "rules" (the token-window rules) or "auto" (syntax when a spaCy model is installed).

    `date` is the document's date (else the one its dateline gives, if any): dates without a year,
    weekdays and "yesterday" are resolved against it.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    doc = annotate(text, date=parse_date(date), gazetteer=gazetteer or load_gazetteer(), lexicon=lexicon, reader=reader)
    return Document(
        text=text, places=tuple(doc.places), events=tuple(doc.events), source=source, date=doc.date, url=url,
        title=title,
    )  # fmt: skip


# --- Reading documents back: extract's own records (JSON, JSONL, GeoJSON, CSV), and a CSV of events --

EVENT_CSV_COLUMNS = ("origin", "destination", "type", "date", "label")
_DATE_FORMS = {4: "year", 7: "month", 10: "day"}


def read_documents(
    path: str | os.PathLike[str],
    *,
    gazetteer: Gazetteer | None = None,
    date: str | dt.date | None = None,
    lexicon: Lexicon | None = None,
    reader: str = "auto",
) -> list[Document]:
    """Documents from a file: an article (.txt, .md, .html) is extracted; `geomap extract` records
    (.json, .jsonl, .geojson, .csv: possibly edited by hand) or a CSV of events (origin,destination,type,
    date,label; places named as in the gazetteer) are read as they stand, so edited events can be drawn
    again. A record is checked against the schema (docs/record-schema.md); a bad one stops with
    `FILE: $.events[3].confidence: expected a number, got "high"`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _documents_from_csv_file(path, gazetteer, lexicon)
    if suffix in (".json", ".jsonl", ".geojson"):
        try:
            content = path.read_text(encoding="utf-8-sig")
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from None
        return documents_from_json(content, str(path), jsonl=suffix == ".jsonl")
    from geomap.text import HTML_SUFFIXES, TEXT_SUFFIXES, read_article

    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; expected an article (.txt, .md, .html) "
            "or records (.json, .jsonl, .geojson, .csv)"
        )
    # a page's headline is its record's title, as an article table's title column is
    text, title = read_article(path)
    return [
        extract(text, date=date, gazetteer=gazetteer, source=str(path), lexicon=lexicon, reader=reader, title=title)
    ]


def documents_from_json(content: str, where: str, *, jsonl: bool = False) -> list[Document]:
    """Documents from `geomap extract` JSON: one record, a list of them, one a line (jsonl), or the
    GeoJSON FeatureCollection of `--format geojson`. A problem names the record by its path
    (`FILE: $[2].places[0].lat: …`) or, in JSONL, by its line (`FILE:7: $.places[0].lat: …`)."""
    if jsonl:
        # records are split on "\n" alone: U+2028 or NEL may stand unescaped inside a JSON string
        lines = [(f"{where}:{n}", line) for n, line in enumerate(content.split("\n"), start=1) if line.strip()]
        return [_document_from_record(load_json(line, here), here) for here, line in lines]
    data = load_json(content, where)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _documents_from_geojson(data, where)
    if isinstance(data, list):
        return [_document_from_record(record, where, root=f"$[{n}]") for n, record in enumerate(data)]
    return [_document_from_record(data, where)]


def _document_from_record(record: Any, where: str, root: str = "$") -> Document:
    """The document a record describes, once the schema has vouched for its shape."""
    validate_record(record, where, root=root)
    places = tuple(
        FoundPlace(
            Place(
                id=p["id"], name=p["name"], kind=p.get("kind", "site"), country=p.get("country"),
                lat=float(p["lat"]), lon=float(p["lon"]), admin1=p.get("admin1"), population=p.get("population"),
                capital=p.get("capital", False), aliases=tuple(p.get("aliases", ())),
            ),
            float(p.get("confidence", 1.0)),
            tuple(Mention(m["start"], m["end"], m["text"], m.get("via", "name")) for m in p.get("mentions", ())),
        )
        for p in record["places"]
    )  # fmt: skip
    ids = {fp.place.id for fp in places}
    events = []
    for i, e in enumerate(record.get("events", ())):
        here = f"{where}: {root}.events[{i}]"
        for end in ("origin", "destination", "location"):
            if e.get(end) is not None and e[end] not in ids:
                raise InputError(f"{here}.{end}: no place with id {e[end]!r} in this record's places")
        if all(e.get(end) is None for end in ("origin", "destination", "location")):
            raise InputError(f"{here}: needs an origin and a destination, or a location")
        if e.get("date") is not None and _date_precision(e["date"]) is None:
            raise InputError(f"{here}.date: {e['date']!r} is not a real date")
        events.append(
            Event(
                id=e.get("id", ""), type=e["type"], origin=e.get("origin"), destination=e.get("destination"),
                directed=e.get("directed", True), location=e.get("location"), date=e.get("date"),
                date_precision=e.get("date_precision"), actors=tuple(e.get("actors", ())),
                evidence=tuple(Evidence(v["start"], v["end"], v["text"]) for v in e.get("evidence", ())),
                confidence=float(e.get("confidence", 1.0)), rule=e.get("rule", "edited"),
                modality=e.get("modality", "asserted"), count=e.get("count", 1), label=e.get("label"),
            )
        )  # fmt: skip
    return Document(
        text=record.get("text", ""), places=places, events=tuple(_with_ids(events)),
        source=record.get("source"), date=parse_date(record.get("date")), url=record.get("url"),
        title=record.get("title"),
    )  # fmt: skip


def _with_ids(events: list[Event]) -> list[Event]:
    from dataclasses import replace

    return [e if e.id else replace(e, id=event_id(e.type, e.origin, e.destination, e.location, e.date, e.modality))
            for e in events]  # fmt: skip


def _documents_from_geojson(data: dict[str, Any], where: str) -> list[Document]:
    """Documents from the FeatureCollection of `geomap extract --format geojson`: its `records` hold
    each document's own fields, its features (tagged with `layer` and `record`) the places and events."""
    validate(data, RECORD_SCHEMA, where, part="feature_collection")
    records = [{**head, "places": [], "events": []} for head in data["records"]]
    for k, feature in enumerate(data["features"]):
        properties = dict(feature["properties"])
        layer, n = properties.pop("layer"), properties.pop("record")
        properties.pop("source", None)
        here = f"$.features[{k}].properties"
        if n >= len(records):
            raise InputError(f"{where}: {here}.record: no record {n} in $.records")
        if layer == "place":
            lon, lat = feature["geometry"]["coordinates"][:2]
            properties = {**properties, "lat": lat, "lon": lon}
        validate(properties, RECORD_SCHEMA, where, root=here, part=layer)
        records[n][f"{layer}s"].append(properties)
    return [_document_from_record(record, where, root=f"$.records[{n}]") for n, record in enumerate(records)]


def _documents_from_csv_file(path: Path, gazetteer: Gazetteer | None, lexicon: Lexicon | None) -> list[Document]:
    """`geomap extract --format csv` records (the header starts with `row`), or a CSV of events."""
    rows = read_csv(path)
    if rows and rows[0][1][:1] == ["row"]:
        return documents_from_csv(rows, str(path))
    return [events_from_csv(rows, str(path), gazetteer or load_gazetteer(), lexicon or load_lexicon())]


def read_csv(path: Path) -> list[tuple[int, list[str]]]:
    """A CSV file's rows, each with the line it starts on (a quoted newline makes a row span two).
    Read by the csv module from the file itself: a U+2028 or NEL inside a field is not a new row."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader, rows, line = csv.reader(f), [], 1
            for row in reader:
                rows.append((line, row))
                line = reader.line_num + 1
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from None
    except csv.Error as e:
        raise InputError(f"{path}:{line}: not readable as CSV: {e}") from None
    return [(n, row) for n, row in rows if any(row)]


def documents_from_csv(rows: list[tuple[int, list[str]]], where: str) -> list[Document]:
    """Documents from the CSV of `geomap extract --format csv` (its rows as `read_csv` gives them): a row
    per document (`row` = record), per place and per event, each tied to its document by `record`."""
    header, lines = rows[0][1], rows[1:]
    unknown = set(header) - {*CSV_COLUMNS, "text"}
    if unknown:
        raise InputError(f"{where}:1: unknown column(s) {', '.join(sorted(unknown))}")
    records: dict[int, dict[str, Any]] = {}
    fields = {"record": RECORD_FIELDS, "place": PLACE_FIELDS, "event": EVENT_FIELDS}
    for line, row in lines:
        here = f"{where}:{line}"
        cells = dict(zip(header, row, strict=False))
        kind = cells.get("row", "")
        if kind not in fields:
            raise InputError(f"{here}: row: {kind!r} is not one of record, place, event")
        values = {name: _csv_value(name, cells[name], here) for name in ("record", *fields[kind]) if name in cells}
        n = values.pop("record", None)
        if not isinstance(n, int):
            raise InputError(f"{here}: record: expected the number of a record row, got {cells.get('record')!r}")
        if kind == "record":
            if n in records:
                raise InputError(f"{here}: record: a second record row {n}")
            records[n] = {**values, "places": [], "events": []}
            continue
        if n not in records:
            raise InputError(f"{here}: record: no record row {n} above this row")
        validate(values, RECORD_SCHEMA, here, part=kind)
        records[n][f"{kind}s"].append(values)
    return [_document_from_record(record, f"{where}: record {n}") for n, record in records.items()]


def _csv_value(name: str, cell: str, where: str) -> Any:
    """A cell of the records CSV as the record's value (see geomap.output.CSV_COLUMNS)."""
    if cell == "":
        return [] if name in CSV_LISTS else "" if name in CSV_NOT_NULL else None
    try:
        if name in CSV_NUMBERS:
            number = CSV_NUMBERS[name](cell)
            if not math.isfinite(number):
                raise ValueError
            return number
        if name in CSV_BOOLEANS:
            return {"true": True, "false": False}[cell]
        if name in CSV_LISTS:
            return load_json(cell, f"{where}: {name}")
    except (KeyError, ValueError):
        kind = "true or false" if name in CSV_BOOLEANS else "a whole number" if CSV_NUMBERS[name] is int else "a number"
        raise InputError(f"{where}: {name}: expected {kind}, got {cell!r}") from None
    return csv_untext(cell)


# A CSV of flows with coordinates, as flowmap.blue and kepler.gl users have them: each end's latitude
# and longitude under one of these names (case ignored), its name optional; `count` or `weight` the size.
FLOW_COORDINATES = {
    "origin_lat": ("origin_lat", "origin_latitude", "o_lat", "from_lat", "lat_origin"),
    "origin_lon": ("origin_lon", "origin_lng", "origin_longitude", "o_lon", "o_lng", "from_lon", "from_lng",
                   "lon_origin"),
    "dest_lat": ("dest_lat", "destination_lat", "dest_latitude", "destination_latitude", "d_lat", "to_lat",
                 "lat_dest"),
    "dest_lon": ("dest_lon", "dest_lng", "destination_lon", "destination_lng", "dest_longitude",
                 "destination_longitude", "d_lon", "d_lng", "to_lon", "to_lng", "lon_dest"),
    "origin": ("origin", "origin_name", "from", "source"),
    "destination": ("destination", "dest", "dest_name", "destination_name", "to", "target"),
}  # fmt: skip
FLOW_KNOWN = {"type", "date", "label", "count", "weight", "id"}


def _flow_columns(header: list[str]) -> dict[str, int] | None:
    """Where the coordinate form's columns stand in `header`, or None if it is not that form."""
    lowered = [h.strip().lower() for h in header]
    found = {}
    for key, names in FLOW_COORDINATES.items():
        for name in names:
            if name in lowered:
                found[key] = lowered.index(name)
                break
    coordinates = ("origin_lat", "origin_lon", "dest_lat", "dest_lon")
    return found if all(k in found for k in coordinates) else None


def _coordinate(cell: str, low: float, high: float, where: str) -> float:
    try:
        value = float(cell.strip())
    except ValueError:
        raise InputError(f"{where}: expected a number, got {cell!r}") from None
    if not (math.isfinite(value) and low <= value <= high):
        raise InputError(f"{where}: {cell.strip()} is outside [{low:g}, {high:g}]")
    return value


def _size(row: dict[str, str], where: str) -> int:
    """A flow's `count` (or `weight`) as the count of mentions that sets its width: at least 1."""
    for column in ("count", "weight"):
        raw = (row.get(column) or "").strip()
        if raw:
            try:
                value = float(raw)
            except ValueError:
                raise InputError(f"{where}: {column}: expected a number, got {raw!r}") from None
            if not math.isfinite(value) or value < 0:
                raise InputError(f"{where}: {column}: expected a number of at least 0, got {raw!r}")
            return max(1, min(round(value), 10**9))
    return 1


def flows_from_csv(rows: list[tuple[int, list[str]]], where: str, lexicon: Lexicon) -> Document:
    """A document of flows with coordinates (header first): origin_lat, origin_lon, dest_lat, dest_lon,
    optional names (origin, destination), `count` or `weight` (the width), `type` (default other),
    `date`, `label`. Any other column is kept, by event, in `meta["columns"]`, and shown in the popup."""
    header = [h.strip() for h in rows[0][1]]
    at = _flow_columns(header)
    assert at is not None
    used = {header[i] for i in at.values()} | {h for h in header if h.lower() in FLOW_KNOWN}
    extra_columns = [h for h in header if h and h not in used]
    found: dict[str, FoundPlace] = {}
    events, extras = [], []
    for line, cells in rows[1:]:
        here = f"{where}:{line}"
        row = {h.lower(): c for h, c in zip(header, cells, strict=False)}
        cell = {key: (cells[i] if i < len(cells) else "") for key, i in at.items()}
        ends = []
        for end, lat_key, lon_key in (("origin", "origin_lat", "origin_lon"), ("destination", "dest_lat", "dest_lon")):
            lat = _coordinate(cell[lat_key], -90, 90, f"{here}: {header[at[lat_key]]}")
            lon = _coordinate(cell[lon_key], -180, 180, f"{here}: {header[at[lon_key]]}")
            name = (cell.get(end) or "").strip() or f"{lat:.4f}, {lon:.4f}"
            place_id = f"xy:{lat:.5f},{lon:.5f}"
            if place_id not in found:
                found[place_id] = FoundPlace(Place(id=place_id, name=name, kind="site", country=None, lat=lat, lon=lon),
                                             1.0, ())  # fmt: skip
            ends.append(place_id)
        type_ = (row.get("type") or "").strip() or "other"
        if type_ not in lexicon.types:
            raise InputError(f"{here}: type: {type_!r} is not one of {', '.join(lexicon.types)}")
        value, precision = _csv_date(row.get("date"), here)
        origin, destination = ends
        events.append(
            Event(
                id=event_id(type_, origin, destination, None, value, f"asserted:{line}"), type=type_, origin=origin,
                destination=destination, directed=lexicon.types[type_].directed, date=value, date_precision=precision,
                rule="csv", count=_size(row, here), label=(row.get("label") or "").strip() or None,
            )
        )  # fmt: skip
        extras.append({h: c for h, c in zip(header, cells, strict=False) if h in extra_columns and c.strip()})
    document = Document(text="", places=tuple(found.values()), events=tuple(events), source=where)
    document.meta["columns"] = extras
    return document


def events_from_csv(rows: list[tuple[int, list[str]]], where: str, gazetteer: Gazetteer, lexicon: Lexicon) -> Document:
    """A document of hand-made events (rows as `read_csv` gives them, header first): one row an
    event, places named as in the gazetteer; or, when the header has each end's latitude and
    longitude, flows with coordinates (`flows_from_csv`)."""
    header = rows[0][1] if rows else []
    if _flow_columns(header) is not None:
        return flows_from_csv(rows, where, lexicon)
    missing = {"origin", "destination", "type"} - set(header)
    if missing:
        raise InputError(f"{where}:1: header lacks the column(s) {', '.join(sorted(missing))}; "
                         f"expected {','.join(EVENT_CSV_COLUMNS)}, or origin_lat,origin_lon,dest_lat,dest_lon "
                         "with count or weight")  # fmt: skip
    found: dict[str, FoundPlace] = {}
    events, extras = [], []
    known = {"origin", "destination", *FLOW_KNOWN}
    for line, cells in rows[1:]:
        here, row = f"{where}:{line}", dict(zip(header, cells, strict=False))
        ends = {}
        for column in ("origin", "destination"):
            name = (row.get(column) or "").strip()
            if not name:
                ends[column] = None
                continue
            try:
                place = gazetteer.lookup(name)
            except PlaceNotFound as e:
                raise InputError(f"{here}: {column}: {e}") from None
            found.setdefault(place.id, FoundPlace(place, 1.0, ()))
            ends[column] = place.id
        if ends["origin"] is None:
            raise InputError(f"{here}: origin: is empty")
        type_ = (row.get("type") or "").strip()
        if type_ not in lexicon.types:
            raise InputError(f"{here}: type: {type_!r} is not one of {', '.join(lexicon.types)}")
        value, precision = _csv_date(row.get("date"), here)
        directed = lexicon.types[type_].directed
        origin, destination, location = ends["origin"], ends["destination"], None
        if destination is None:
            origin, location = None, ends["origin"]
        events.append(
            Event(
                id=event_id(type_, origin, destination, location, value, "asserted"), type=type_, origin=origin,
                destination=destination, directed=directed, location=location, date=value, date_precision=precision,
                rule="csv", label=(row.get("label") or "").strip() or None, count=_size(row, here),
            )
        )  # fmt: skip
        extras.append({h: c for h, c in row.items() if h not in known and c.strip()})
    document = Document(text="", places=tuple(found.values()), events=tuple(events), source=where)
    document.meta["columns"] = extras
    return document


def _csv_date(raw: str | None, where: str) -> tuple[str | None, str | None]:
    """'2023', '2023-08', '2023-08-08' or a range '2023-08-01/2023-08-02', and its precision."""
    raw = (raw or "").strip()
    if not raw:
        return None, None
    precision = _date_precision(raw)
    if precision is None:
        raise InputError(f"{where}: date: {raw!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a range a/b of them")
    return raw, precision


def _date_precision(raw: str) -> str | None:
    """year, month or day for an ISO date or a range a/b of two of one form; None for anything else."""
    parts = raw.split("/")
    precision = _DATE_FORMS.get(len(parts[0]))
    if precision is None or len(parts) > 2 or any(len(part) != len(parts[0]) for part in parts):
        return None
    try:
        for part in parts:
            dt.date.fromisoformat(part + {"year": "-01-01", "month": "-01", "day": ""}[precision])
    except ValueError:
        return None
    return precision
