"""The record that flows out of the pipeline: a document's places (and, later, its events).

>>> doc = extract("A planeload of arms left Pyongyang for Russia.")
>>> [(p.place.name, [m.text for m in p.mentions]) for p in doc.places]
[('Pyongyang', ['Pyongyang']), ('Russia', ['Russia'])]
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from geomap.dates import dateline
from geomap.errors import InputError
from geomap.events import Event, Lexicon, extract_events
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.mentions import recognise
from geomap.places import FoundPlace, resolve


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
    places = resolve(text, recognise(text, gazetteer))
    events = extract_events(text, places, date=when, gazetteer=gazetteer, lexicon=lexicon)
    return Document(text=text, places=tuple(places), events=tuple(events), source=source, date=when)
