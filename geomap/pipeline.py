"""One document through the stages: each reads the layers found before it and adds its own.

As a spaCy `Doc` flows through its components, an `Annotated` flows through these stages, in this
order. The text is tokenised and split into sentences once, and its people and dates are found
once; every later stage takes them from the record instead of reading the text for them again.

    add_tokens          text                     → tokens, sentences
    add_people          tokens                   → people (well-known people who act for a state)
    add_dates           text, date               → date (given, else the dateline's), dates
    add_mentions        tokens, people           → mentions (with their gazetteer candidates)
    add_places          mentions                 → places (one per mention's name, resolved)
    add_events          all of the above         → events (by the rules or the syntax reader)
    add_implied_places  events                   → places, plus those only an event names
                                                   ("Washington sanctioned": the United States)

`annotate` runs them all; `geomap.document.extract` keeps the record's places and events as a
frozen `Document`. A stage run before a layer it reads has been added raises `ValueError`: it never
finds the layer again by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geomap.dates import DateMention, dateline, find_dates
from geomap.events import Event, Lexicon, extract_events
from geomap.gazetteer import Gazetteer
from geomap.mentions import Recognised, recognise
from geomap.people import Person, find_people
from geomap.places import FoundPlace, resolve
from geomap.text import Token, sentences, tokens


@dataclass
class Annotated:
    """One text and the layers the stages add to it (None: not added yet). Made per document,
    changed only by the stages, in order."""

    text: str
    date: dt.date | None = None  # the document's date, against which dates without a year are read
    tokens: list[Token] | None = None
    sentences: list[tuple[int, int]] | None = None  # (start, end) offsets
    people: list[Person] | None = None  # as find_people(tokens, alone=True): bare ones included
    dates: list[DateMention] | None = None
    mentions: list[Recognised] | None = None
    places: list[FoundPlace] | None = None
    events: list[Event] | None = None

    def need(self, *layers: str) -> None:
        """Raise ValueError unless the stages that add `layers` have run."""
        missing = [layer for layer in layers if getattr(self, layer) is None]
        if missing:
            raise ValueError(f"no {' or '.join(missing)} yet: run the stages in order (see geomap.pipeline)")


def annotate(
    text: str,
    *,
    date: dt.date | None = None,
    gazetteer: Gazetteer,
    lexicon: Lexicon | None = None,
    reader: str = "auto",
) -> Annotated:
    """`text` with every layer added, by each stage in turn.

    >>> from geomap import load_gazetteer
    >>> doc = annotate("Arms left Pyongyang for Russia on Aug. 8, 2023.", gazetteer=load_gazetteer(), reader="rules")
    >>> len(doc.tokens), doc.sentences, [d.text for d in doc.dates], [p.place.name for p in doc.places]
    (9, [(0, 47)], ['Aug. 8, 2023'], ['Pyongyang', 'Russia'])
    >>> name = {p.place.id: p.place.name for p in doc.places}
    >>> [(e.type, name[e.origin], name[e.destination], e.date) for e in doc.events]
    [('shipment', 'Pyongyang', 'Russia', '2023-08-08')]
    """
    doc = Annotated(text, date)
    add_tokens(doc)
    add_people(doc)
    add_dates(doc)
    add_mentions(doc, gazetteer)
    add_places(doc)
    add_events(doc, gazetteer=gazetteer, lexicon=lexicon, reader=reader)
    add_implied_places(doc, gazetteer)
    return doc


def add_tokens(doc: Annotated) -> None:
    """The words of the text, and the sentences they fall into."""
    doc.tokens = tokens(doc.text)
    doc.sentences = sentences(doc.text, doc.tokens)


def add_people(doc: Annotated) -> None:
    """The well-known people the tokens name: mentions leave their words to them, and the events
    stage takes them for their country (a bare short form only where no place was read)."""
    doc.need("tokens")
    doc.people = find_people(doc.tokens, alone=True)


def add_dates(doc: Annotated) -> None:
    """The document's date (given, else the one its dateline gives) and the date expressions."""
    doc.date = doc.date or dateline(doc.text)
    doc.dates = find_dates(doc.text, doc.date)


def add_mentions(doc: Annotated, gazetteer: Gazetteer) -> None:
    """Every candidate mention of a place, with the gazetteer's candidates for it."""
    doc.need("tokens", "people")
    doc.mentions = recognise(doc.text, gazetteer, doc.tokens, people=doc.people)


def add_places(doc: Annotated) -> None:
    """One place for each mention's name, mentions of one place gathered."""
    doc.need("mentions")
    doc.places = resolve(doc.text, doc.mentions)


def add_events(doc: Annotated, *, gazetteer: Gazetteer, lexicon: Lexicon | None = None, reader: str = "auto") -> None:
    """The events between the places, by the reader `reader` picks ("auto": syntax where a spaCy
    model is installed, else rules), from the tokens, sentences, people and dates found before."""
    doc.need("tokens", "sentences", "people", "dates", "places")
    from geomap.syntax import resolve_reader

    if resolve_reader(reader) == "syntax":
        from geomap.syntax import extract_events as read
    else:
        read = extract_events
    doc.events = read(
        doc.text, doc.places, date=doc.date, gazetteer=gazetteer, lexicon=lexicon,
        toks=doc.tokens, sentences=doc.sentences, people=doc.people, dates=doc.dates,
    )  # fmt: skip


def add_implied_places(doc: Annotated, gazetteer: Gazetteer) -> None:
    """The places events end at that the text names only through another ('Washington sanctioned':
    the United States), after those it names, in the order the events give them."""
    doc.need("places", "events")
    known = {fp.place.id for fp in doc.places}
    for place_id in dict.fromkeys(i for e in doc.events for i in (e.origin, e.destination, e.location) if i):
        if place_id not in known:
            doc.places.append(FoundPlace(gazetteer.by_id(place_id), 1.0, ()))
            known.add(place_id)
