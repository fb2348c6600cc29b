"""The record that flows out of the pipeline: a document's places (and, later, its events).

>>> doc = extract("A planeload of arms left Pyongyang for Russia.")
>>> [(p.place.name, [m.text for m in p.mentions]) for p in doc.places]
[('Pyongyang', ['Pyongyang']), ('Russia', ['Russia'])]
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.dates import dateline
from geomap.errors import InputError, PlaceNotFound
from geomap.events import Event, Evidence, Lexicon, event_id, extract_events, load_lexicon
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.mentions import Mention, recognise
from geomap.places import FoundPlace, resolve
from geomap.text import tokens


@dataclass(frozen=True)
class Document:
    """What geomap found in one text. `to_dict()` is the JSON record of `geomap extract`."""

    text: str
    places: tuple[FoundPlace, ...]
    events: tuple[Event, ...] = ()
    source: str | None = None
    date: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {
            "source": self.source,
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
) -> Document:
    """Every place `text` names, resolved, and the events between them.

    `date` is the document's date (else the one its dateline gives, if any): dates without a year,
    weekdays and "yesterday" are resolved against it.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    gazetteer = gazetteer or load_gazetteer()
    when = parse_date(date) or dateline(text)
    toks = tokens(text)
    places = resolve(text, recognise(text, gazetteer, toks))
    events = extract_events(text, places, date=when, gazetteer=gazetteer, lexicon=lexicon, toks=toks)
    # an event may end at a place the text names only through another ("Washington sanctioned": the US)
    known = {fp.place.id for fp in places}
    for place_id in dict.fromkeys(i for e in events for i in (e.origin, e.destination, e.location) if i):
        if place_id not in known:
            places.append(FoundPlace(gazetteer.by_id(place_id), 1.0, ()))
            known.add(place_id)
    return Document(text=text, places=tuple(places), events=tuple(events), source=source, date=when)


# --- Reading documents back: extract's own JSON, and a simple CSV of events ----------------------

EVENT_CSV_COLUMNS = ("origin", "destination", "type", "date", "label")
_DATE_FORMS = {4: "year", 7: "month", 10: "day"}


def read_documents(
    path: str | os.PathLike[str],
    *,
    gazetteer: Gazetteer | None = None,
    date: str | dt.date | None = None,
    lexicon: Lexicon | None = None,
) -> list[Document]:
    """Documents from a file: an article (.txt, .md, .html) is extracted; a `geomap extract` record
    (.json, .jsonl: possibly edited by hand) or a CSV of events (origin,destination,type,date,label,
    places named as in the gazetteer) is read as it stands, so edited events can be drawn again."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".geojson", ".csv"):
        try:
            content = path.read_text(encoding="utf-8-sig")
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from None
        if suffix == ".csv":
            return [events_from_csv(content, str(path), gazetteer or load_gazetteer(), lexicon or load_lexicon())]
        return documents_from_json(content, str(path), jsonl=suffix == ".jsonl")
    from geomap.text import HTML_SUFFIXES, TEXT_SUFFIXES, read_text

    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; expected an article (.txt, .md, .html) "
            "or events (.json, .jsonl, .csv)"
        )
    return [extract(read_text(path), date=date, gazetteer=gazetteer, source=str(path), lexicon=lexicon)]


def documents_from_json(content: str, where: str, *, jsonl: bool = False) -> list[Document]:
    """Documents from `geomap extract` JSON: one record, a list of them, or one a line."""
    try:
        if jsonl:
            records = [json.loads(line) for line in content.splitlines() if line.strip()]
        else:
            data = json.loads(content)
            records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as e:
        raise InputError(f"{where}:{e.lineno}: not valid JSON: {e.msg}") from None
    return [_document_from_record(record, f"{where}: record {n}") for n, record in enumerate(records, start=1)]


def _document_from_record(record: Any, where: str) -> Document:
    if not isinstance(record, dict) or not isinstance(record.get("places"), list):
        raise InputError(f"{where}: expected a geomap extract record with a 'places' list")
    places = []
    for i, item in enumerate(record["places"]):
        here = f"{where}: places[{i}]"
        try:
            place = Place(
                id=str(item["id"]), name=item["name"], kind=item.get("kind") or "site", country=item.get("country"),
                lat=float(item["lat"]), lon=float(item["lon"]), admin1=item.get("admin1"),
                population=item.get("population"),
            )  # fmt: skip
            mentions = tuple(
                Mention(int(m["start"]), int(m["end"]), str(m["text"]), str(m.get("via", "name")))
                for m in item.get("mentions", ())
            )
        except (KeyError, TypeError) as e:
            raise InputError(f"{here}: missing or malformed field {e}") from None
        except ValueError as e:
            raise InputError(f"{here}: {e}") from None
        places.append(FoundPlace(place, float(item.get("confidence", 1.0)), mentions))
    ids = {p.place.id for p in places}
    events = []
    for i, item in enumerate(record.get("events") or []):
        here = f"{where}: events[{i}]"
        try:
            for end in ("origin", "destination", "location"):
                if item.get(end) is not None and str(item[end]) not in ids:
                    raise InputError(f"{here}.{end}: no place with id {item[end]!r} in this record's places")
            events.append(
                Event(
                    id=str(item.get("id") or ""), type=str(item["type"]), origin=_str(item.get("origin")),
                    destination=_str(item.get("destination")), directed=bool(item.get("directed", True)),
                    location=_str(item.get("location")), date=item.get("date"),
                    date_precision=item.get("date_precision"), actors=tuple(item.get("actors") or ()),
                    evidence=tuple(Evidence(int(e["start"]), int(e["end"]), str(e["text"]))
                                   for e in item.get("evidence") or ()),
                    confidence=float(item.get("confidence", 1.0)), rule=str(item.get("rule") or "edited"),
                    modality=str(item.get("modality") or "asserted"), count=int(item.get("count") or 1),
                    label=item.get("label"),
                )
            )  # fmt: skip
        except (KeyError, TypeError) as e:
            raise InputError(f"{here}: missing or malformed field {e}") from None
        except ValueError as e:
            raise InputError(f"{here}: {e}") from None
    when = record.get("date")
    return Document(
        text=str(record.get("text") or ""), places=tuple(places), events=tuple(_with_ids(events)),
        source=record.get("source"), date=parse_date(when) if when else None,
    )  # fmt: skip


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _with_ids(events: list[Event]) -> list[Event]:
    from dataclasses import replace

    return [e if e.id else replace(e, id=event_id(e.type, e.origin, e.destination, e.location, e.date, e.modality))
            for e in events]  # fmt: skip


def events_from_csv(content: str, where: str, gazetteer: Gazetteer, lexicon: Lexicon) -> Document:
    """A document of hand-made events: one row an event, places named as in the gazetteer."""
    reader = csv.DictReader(content.splitlines())
    missing = {"origin", "destination", "type"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{where}:1: header lacks the column(s) {', '.join(sorted(missing))}; "
                         f"expected {','.join(EVENT_CSV_COLUMNS)}")  # fmt: skip
    found: dict[str, FoundPlace] = {}
    events = []
    for row in reader:
        here = f"{where}:{reader.line_num}"
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
                rule="csv", label=(row.get("label") or "").strip() or None,
            )
        )  # fmt: skip
    return Document(text="", places=tuple(found.values()), events=tuple(events), source=where)


def _csv_date(raw: str | None, where: str) -> tuple[str | None, str | None]:
    """'2023', '2023-08', '2023-08-08' or a range '2023-08-01/2023-08-02', and its precision."""
    raw = (raw or "").strip()
    if not raw:
        return None, None
    parts = raw.split("/")
    precision = _DATE_FORMS.get(len(parts[0]))
    try:
        for part in parts:
            if len(part) != len(parts[0]) or precision is None:
                raise ValueError
            dt.date.fromisoformat(part + {"year": "-01-01", "month": "-01", "day": ""}[precision])
    except ValueError:
        raise InputError(f"{where}: date: {raw!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a range a/b of them") from None
    return raw, precision
