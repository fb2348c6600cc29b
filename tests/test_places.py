"""Resolution with the document as context, on texts of our own."""

from __future__ import annotations

import pytest

from geomap.document import extract


def resolved(text, gazetteer):
    return {
        m.text: (p.place.name, p.place.admin1, p.place.country)
        for p in extract(text, gazetteer=gazetteer).places
        for m in p.mentions
    }


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The fair in Paris, Texas drew crowds.", "Paris", ("Paris", "Texas", "US")),
        ("Officials in Paris, Tenn., said the road is closed.", "Paris", ("Paris", "Tennessee", "US")),
        ("Paris, France hosted the summit.", "Paris", ("Paris", "Île-de-France", "FR")),
        ("A man from Gainesville, Ga., was charged.", "Gainesville", ("Gainesville", "Georgia", "US")),
        ("The summit opened in Paris.", "Paris", ("Paris", "Île-de-France", "FR")),
    ],
)
def test_city_region_and_city_country_patterns(gazetteer, text, name, expected):
    assert resolved(text, gazetteer)[name] == expected


def test_the_region_named_elsewhere_decides_the_town(gazetteer):
    places = resolved("Gainesville police arrested a man. In Georgia, Gainesville is calm.", gazetteer)
    assert places["Gainesville"][1:] == ("Georgia", "US")
    assert places["Georgia"] == ("Georgia", None, "US")  # the US state, not the country


def test_nearby_towns_decide_an_ambiguous_name(gazetteer):
    places = resolved("Crews from Clarksville and Bogata reached Paris by noon.", gazetteer)
    assert places["Paris"][1:] == ("Texas", "US")


def test_one_name_means_one_place_throughout(gazetteer):
    doc = extract("Paris, Texas is small. Paris has a tower too. In Paris the fair opened.", gazetteer=gazetteer)
    (paris,) = [p for p in doc.places if p.place.name == "Paris"]
    assert paris.place.admin1 == "Texas" and len(paris.mentions) == 3


def test_washington_acting_is_the_capital(gazetteer):
    for text in ("In March, Washington sanctioned the firm.", "Washington said it would respond."):
        assert resolved(text, gazetteer)["Washington"] == ("Washington", "District of Columbia", "US")


def test_confidence_is_lower_for_ambiguous_names(gazetteer):
    doc = extract("They met in Springfield. Then they flew to Pyongyang.", gazetteer=gazetteer)
    conf = {p.place.name: p.confidence for p in doc.places}
    assert conf["Pyongyang"] > 0.9 > conf["Springfield"] > 0.0


def test_the_seed_article_names_exactly_its_real_places(gazetteer):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt").read_text()
    doc = extract(text, gazetteer=gazetteer)
    names = {p.place.name for p in doc.places}
    assert names == {
        "Pyongyang", "Seoul", "Russia", "North Korea", "South Korea", "Ukraine", "Slovakia", "Kazakhstan",
        "United States", "Washington", "Europe", "Asia", "West Palm Beach", "Florida",
    }  # fmt: skip
    for found in doc.places:
        for m in found.mentions:
            assert text[m.start : m.end] == m.text
    demonyms = {m.text for p in doc.places for m in p.mentions if m.via == "demonym"}
    assert demonyms == {"South Korean", "North Korean", "Russian", "Slovak"}
    assert {p.place.name: p.place.id for p in doc.places}["Washington"] == "4140963"
