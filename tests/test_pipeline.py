"""One annotated document through the stages (geomap.pipeline): every layer is added, each is found
once, and a stage given a layer uses it rather than finding its own."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import geomap.dates
import geomap.people
import geomap.text
from geomap.dates import DateMention, find_dates
from geomap.document import extract
from geomap.events import extract_events
from geomap.mentions import recognise
from geomap.people import Person, find_people, load_people
from geomap.pipeline import Annotated, add_events, add_mentions, add_places, add_tokens, annotate
from geomap.text import sentences, tokens

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
LAYERS = ("date", "tokens", "sentences", "people", "dates", "mentions", "places", "events")
TWO = "Arms left Pyongyang for Russia on Aug. 8, 2023. Tanks left Minsk for Kyiv."


@pytest.fixture(params=["rules", "syntax"])
def reader(request):
    if request.param == "syntax":
        request.getfixturevalue("syntax_model")  # skips without spaCy
    return request.param


def flows(events, places):
    name = {fp.place.id: fp.place.name for fp in places}
    return [(name[e.origin], name[e.destination], e.date) for e in events if e.origin and e.destination]


def test_annotate_adds_every_layer_from_the_ones_before(gazetteer, reader):
    text = SEED.read_text(encoding="utf-8")
    doc = annotate(text, date=dt.date(2023, 8, 10), gazetteer=gazetteer, reader=reader)
    assert all(getattr(doc, layer) for layer in LAYERS), [layer for layer in LAYERS if not getattr(doc, layer)]
    assert doc.tokens == tokens(text)
    assert doc.sentences == sentences(text, doc.tokens)
    assert doc.people == find_people(doc.tokens, alone=True)
    assert doc.dates == find_dates(text, doc.date)
    assert {m.mention for m in doc.mentions} >= {m for fp in doc.places for m in fp.mentions}
    record = extract(text, date="2023-08-10", gazetteer=gazetteer, reader=reader)
    assert (tuple(doc.places), tuple(doc.events), doc.date) == (record.places, record.events, record.date)


def test_each_layer_is_found_once_per_document(gazetteer, reader, monkeypatch):
    """Tokens, sentences, people, dates and the dateline: one call each for a whole extract."""
    load_people()  # reading the names tokenises them, once per process
    extract("warm-up: Paris", gazetteer=gazetteer, reader=reader)  # imports the reader's modules
    calls: dict[str, int] = {}
    for module, name in ((geomap.text, "tokens"), (geomap.text, "sentences"), (geomap.people, "find_people"),
                         (geomap.dates, "find_dates"), (geomap.dates, "dateline")):  # fmt: skip
        original = getattr(module, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] = calls.get(_name, 0) + 1
            return _original(*args, **kwargs)

        # wherever a module of geomap holds the function, under whatever name
        for held in [m for n, m in sys.modules.items() if n == "geomap" or n.startswith("geomap.")]:
            for attribute, value in list(vars(held).items()):
                if value is original:
                    monkeypatch.setattr(held, attribute, counted)
    extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, reader=reader)
    assert calls == {"tokens": 1, "sentences": 1, "find_people": 1, "find_dates": 1, "dateline": 1}


def test_a_stage_before_its_layers_says_so():
    doc = Annotated("Arms left Pyongyang.")
    with pytest.raises(ValueError, match="no mentions yet"):
        add_places(doc)
    add_tokens(doc)
    with pytest.raises(ValueError, match="no people yet"):
        add_mentions(doc, None)
    with pytest.raises(ValueError, match="no people or dates or places yet"):
        add_events(doc, gazetteer=None)


def test_recognition_leaves_the_words_of_the_people_given_to_them(gazetteer):
    text = "Arms left Jordan for Russia."
    assert [r.mention.text for r in recognise(text, gazetteer)] == ["Jordan", "Russia"]
    jordan = Person(2, 3, "A. Jordan", "US")
    assert [r.mention.text for r in recognise(text, gazetteer, people=[jordan])] == ["Russia"]
    # a bare short form ("Clinton got rain") leaves the word to a place
    assert [r.mention.text for r in recognise(text, gazetteer, people=[jordan._replace(bare=True)])] == [
        "Jordan",
        "Russia",
    ]


def test_a_reader_uses_the_sentences_people_and_dates_given(gazetteer, reader):
    read = extract_events
    if reader == "syntax":
        from geomap.syntax import extract_events as read
    doc = annotate(TWO, gazetteer=gazetteer, reader=reader)
    places, toks = doc.places, doc.tokens
    assert flows(read(TWO, places, gazetteer=gazetteer, toks=toks), places) == [
        ("Pyongyang", "Russia", "2023-08-08"),
        ("Minsk", "Kyiv", None),
    ]
    # only the sentences given are read
    assert read(TWO, places, gazetteer=gazetteer, toks=toks, sentences=[]) == []
    assert flows(read(TWO, places, gazetteer=gazetteer, toks=toks, sentences=doc.sentences[1:]), places) == [
        ("Minsk", "Kyiv", None)
    ]
    # the dates given, not those of the text
    moved = [DateMention(34, 40, "Aug. 8", "1999-01-02", "day")]
    assert flows(read(TWO, places, gazetteer=gazetteer, toks=toks, dates=moved), places)[0][2] == "1999-01-02"
    # the people given, not those of people.json: "Smith" acts for France
    text = "Smith flew to Berlin."
    places = annotate(text, gazetteer=gazetteer, reader=reader).places
    assert read(text, places, gazetteer=gazetteer) == []
    smith = Person(0, 1, "John Smith", "FR")
    events = read(text, places, gazetteer=gazetteer, people=[smith])
    assert [(e.origin, e.destination, e.actors) for e in events] == [
        (gazetteer.get_country("FR").id, places[0].place.id, ("John Smith",))
    ]
