"""News-like random text and document dates, and the properties every extract record must keep.

Shared by tests/test_properties.py (hypothesis draws from the same word lists) and benchmarks/fuzz.py
(which uses `random_text` and `random_date` with a seeded `random.Random`, no hypothesis needed).

>>> import random
>>> rng = random.Random(1)
>>> isinstance(random_text(rng), str), random_date(rng) is None or random_date(rng).year >= 1
(True, True)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from functools import cache
from typing import Any

# places, demonyms and abbreviations the bundled gazetteer knows, some ambiguous; people and groups that are not in it
PLACES = (
    "Paris", "Pyongyang", "Russia", "South Korean", "North Korea", "North Korean", "Seoul", "Moscow", "Kyiv",
    "Kiev", "Ukraine", "Ukrainian", "China", "Chinese", "Beijing", "Washington", "United States", "U.S.", "US",
    "UK", "Britain", "British", "Iran", "Iranian", "Tehran", "Syria", "Damascus", "Israel", "Gaza", "Jordan",
    "Georgia", "Turkey", "Turkish", "Congo", "Niger", "Chad", "Vladivostok", "Rason", "Black Sea", "Europe",
    "Asia", "Middle East", "New York", "Tokyo", "Japanese", "France", "French", "Germany", "Berlin",
    "Crimea", "Donetsk", "Red Sea", "Yemen", "Taiwan",
    "Hong Kong", "São Paulo", "Zürich", "Côte d'Ivoire", "DPRK", "EU", "NATO", "Africa", "Sahel",
)  # fmt: skip
PEOPLE = ("Kim Jong Un", "Putin", "Sergei Shoigu", "Houthi", "Hamas", "Wagner")
DATES = (
    "Aug. 8", "yesterday", "Yesterday", "today", "Tuesday", "on Sunday", "March 2023", "in March", "In March",
    "July 25, 2023", "Tuesday, July 25, 2023", "Aug. 1 and 2", "Aug. 1-2", "Sept. 30, 2019", "8 August",
    "8 August 2023", "Feb. 29", "Feb. 29, 2024", "2023-08-08", "Dec. 31", "Jan. 1", "November 1", "since May",
    "last December", "Published Aug. 10, 2023\n", "2024-02-30", "1st", "31st", "Aug. 8-2", "Aug. 1-12",
    "Dec. 30 and 31", "Feb. 28 and 30", "Aug. 8 to 8", "Jun 5and3", "Aug. 1to2", "May 3and",
)  # fmt: skip
GLUE = (
    "the", "a", "of", "arms", "weapons", "oil", "officials", "troops", "President", "Defense Minister", "said",
    "and", "by", "at the airport in", "not", "never", "may", "could", "reportedly", "allegedly", "it", "has",
    "was", "were", "been", "his", "their", "delegation", "talks", "between", "with", "in", "on", "into",
    "across", "via", "through", "back", "home", "for", "toward", "aid", "money", "sanctions", "against",
)  # fmt: skip
PUNCT = (
    ".", ",", ";", ":", "!", "?", "—", "–", "-", "'", '"', "“", "”", "(", ")", "\n", "\n\n", "\r\n", "\t", "’s",
    "'s", "...", "/", "&", "#", "@", "*", "\u00a0", "\u200b", "\ufeff", "\u2028",
)  # fmt: skip
SEPARATORS = (" ", " ", " ", " ", "", ", ", ". ", "\n", " — ")
# code points to draw from: scripts news is written in, combining marks, spaces, joiners, emoji
_UNICODE_RANGES = (
    (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF), (0x600, 0x6FF),
    (0x900, 0x97F), (0x2000, 0x206F), (0x3040, 0x30FF), (0x4E00, 0x4FFF), (0xAC00, 0xAD00), (0x1F300, 0x1F64F),
    (0x0, 0x1F), (0x10000, 0x10FFFF),
)  # fmt: skip
# document dates: the ends of the calendar, years before 1000, and None beside ordinary dates
EDGE_DATES = (
    dt.date.min, dt.date.max, dt.date(1, 1, 2), dt.date(1, 1, 7), dt.date(1, 12, 31), dt.date(9999, 12, 25),
    dt.date(9999, 12, 28), dt.date(9999, 1, 1), dt.date(999, 12, 31), dt.date(1000, 1, 1), dt.date(99, 3, 1),
    dt.date(2024, 2, 29), dt.date(2023, 12, 31), dt.date(2024, 1, 1),
)  # fmt: skip
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@cache
def triggers() -> tuple[str, ...]:
    """Every word of the bundled event lexicon: triggers, cargo, movement, negation, hedges …"""
    from geomap.events import load_lexicon

    lexicon = load_lexicon()
    words = {form for t in lexicon.types.values() for form in (*t.triggers, *t.cargo)}
    for group in ("movement", "departure", "negation", "hypothetical", "hedges", "receiving", "reciprocal"):
        words |= set(getattr(lexicon, group))
    return tuple(sorted(words | {"from", "to", "shipped", "sent", "sanctioned", "visited"}))


def random_unicode(rng: random.Random, size: int) -> str:
    """`size` code points from varied scripts, controls and joiners (never a lone surrogate)."""
    out = []
    for _ in range(size):
        low, high = rng.choice(_UNICODE_RANGES)
        c = rng.randint(low, high)
        out.append(chr(c) if not 0xD800 <= c <= 0xDFFF else "\ufffd")
    return "".join(out)


def random_text(rng: random.Random, max_pieces: int = 40) -> str:
    """A text of places, event words, dates, glue words, punctuation and random unicode."""
    pieces = []
    for _ in range(rng.randint(0, max_pieces)):
        kind = rng.choices(("place", "trigger", "date", "glue", "punct", "unicode"), (25, 20, 10, 15, 15, 8))[0]
        if kind == "unicode":
            piece = random_unicode(rng, rng.randint(1, 6))
        else:
            words = {"place": PLACES + PEOPLE, "trigger": triggers(), "date": DATES, "glue": GLUE, "punct": PUNCT}
            piece = rng.choice(words[kind])
        if rng.random() < 0.05:
            piece = piece.upper() if rng.random() < 0.5 else piece.lower()
        pieces.append(piece + rng.choice(SEPARATORS))
    return "".join(pieces)


def random_date(rng: random.Random) -> dt.date | None:
    """A document date: None, an ordinary date, one at the ends of the calendar or before year 1000."""
    kind = rng.choices(("none", "ordinary", "edge", "early", "late"), (15, 40, 20, 15, 10))[0]
    if kind == "none":
        return None
    if kind == "edge":
        return rng.choice(EDGE_DATES)
    low, high = {"ordinary": (1990, 2030), "early": (1, 999), "late": (9990, 9999)}[kind]
    start, end = dt.date(low, 1, 1).toordinal(), dt.date(high, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def iso_date(value: str) -> bool:
    """Whether `value` is YYYY, YYYY-MM, YYYY-MM-DD or a range a/b of them (a before b), and a real date."""
    if not ISO_DATE.match(value):
        return False
    parts = value.split("/")
    try:
        days = [dt.date.fromisoformat(part + {4: "-01-01", 7: "-01", 10: ""}[len(part)]) for part in parts]
    except ValueError:
        return False
    return days == sorted(days)


def problems(text: str, doc: Any) -> list[tuple[str, str]]:
    """Each property `doc = geomap.extract(text, ...)` breaks, as (kind, detail); [] when it keeps them all."""
    from geomap.document import documents_from_json
    from geomap.errors import InputError
    from geomap.schema import validate_record

    found: list[tuple[str, str]] = []
    ids = {fp.place.id for fp in doc.places}
    for fp in doc.places:
        if not (-90 <= fp.place.lat <= 90 and -180 <= fp.place.lon <= 180):
            found.append(("coordinates", f"{fp.place.id} at {fp.place.lat}, {fp.place.lon}"))
        for m in fp.mentions:
            if text[m.start : m.end] != m.text:
                found.append(("mention span", f"text[{m.start}:{m.end}] = {text[m.start : m.end]!r} != {m.text!r}"))
    for e in doc.events:
        for end in ("origin", "destination", "location"):
            value = getattr(e, end)
            if value is not None and value not in ids:
                found.append(("event end", f"{e.id}.{end} = {value!r} is no place of the record"))
        for ev in e.evidence:
            if text[ev.start : ev.end] != ev.text:
                found.append(("evidence span", f"text[{ev.start}:{ev.end}] != {ev.text!r}"))
        if e.date is not None and not iso_date(e.date):
            found.append(("date not ISO", f"{e.id}.date = {e.date!r}"))
        if (e.date is None) != (e.date_precision is None):
            found.append(("date precision", f"{e.id}: date {e.date!r}, precision {e.date_precision!r}"))
    for include_text in (False, True):
        record = doc.to_dict(include_text=include_text)
        try:
            validate_record(record, "record")
        except InputError as e:
            found.append(("schema", str(e)))
        try:
            (back,) = documents_from_json(json.dumps(record), "round trip")
            again = back.to_dict(include_text=include_text)
        except Exception as e:
            found.append(("round trip", f"{type(e).__name__}: {e}"))
            continue
        if again != record:
            diff = [k for k in record if record[k] != again.get(k)]
            found.append(("round trip", f"to_dict(include_text={include_text}) differs in {diff}"))
    return found
