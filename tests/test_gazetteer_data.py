"""The bundled data files: the curated tables made it into the gazetteer, shapes are valid."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geomap.gazetteer import KINDS, Place
from geomap.names import name_key

CURATED = Path(__file__).resolve().parents[1] / "gazetteer" / "curated"


def rows(name: str) -> list[dict[str, str]]:
    with open(CURATED / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_curated_region_is_in_the_gazetteer(gazetteer):
    for row in rows("regions.csv"):
        found = gazetteer.matches(row["name"])
        assert found, row["name"]
        # either our own entry, or the GeoNames region it was merged into (Crimea, Gaza Strip)
        assert any(p.id == f"geomap:{row['slug']}" or p.kind == "admin1" for p, _ in found), row["name"]


def test_every_curated_country_name_resolves_to_its_country(gazetteer):
    wrong = []
    for row in rows("country_names.csv"):
        place = gazetteer.candidates(row["form"], kinds=["country"])[0]
        if place.country != row["country"]:
            wrong.append((row["form"], row["country"], place.country))
    assert wrong == []


def test_no_curated_form_names_two_countries():
    owners: dict[str, set[str]] = {}
    for row in rows("country_names.csv"):
        owners.setdefault(name_key(row["form"]), set()).add(row["country"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_country_shapes_are_valid_and_cover_the_countries(gazetteer, country_shapes):
    assert len(country_shapes) >= 200
    assert all(shape.is_valid and not shape.is_empty for shape in country_shapes.values())
    countries = {p.country for p in gazetteer if p.kind == "country"}
    assert {"KP", "KR", "RU", "UA", "SK", "KZ", "US", "FR"} <= set(country_shapes) <= countries | {"XK"}


@pytest.mark.parametrize("iso", ["RU", "US", "FJ", "KI"])
def test_shapes_that_cross_the_antimeridian_stay_within_longitude_range(country_shapes, iso):
    minx, _, maxx, _ = country_shapes[iso].bounds
    assert -180 <= minx <= maxx <= 180


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Floods hit Java on Monday.", "Java", "ID"),  # the island, not the town of Java, Georgia
        ("Migrants landed on Lesbos from Turkey.", "Lesbos", "GR"),
        ("The ferry sank off Sulawesi.", "Sulawesi", "ID"),
    ],
)
def test_large_islands_are_places_of_their_country(text, name, country):
    from geomap.document import extract

    found = {fp.place.name: fp.place for fp in extract(text).places}
    assert found[name].kind == "region" and found[name].country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Britain's counties go by bare names; without a word on the country, the county outranks a
        # lesser town of its name abroad (Cornwall, Ontario), as a region does
        ("Flooding hit Devon and Cornwall on Monday.", {"Devon": "admin2", "Cornwall": "admin2"}),
        ("Police in Dorset and Fife made arrests.", {"Dorset": "admin2", "Fife": "admin2"}),
        ("The ferry to Shetland was cancelled.", {"Shetland Islands": "admin2"}),  # "X Islands" is "X" too
        # a council named after its town is the town ("City of York" is York; "Liverpool" the city)
        ("Fans travelled from Liverpool to York.", {"Liverpool": "city", "York": "city"}),
    ],
)
def test_british_counties_by_their_bare_names(text, expected):
    from geomap.document import extract

    found = {fp.place.name: fp.place for fp in extract(text).places}
    assert {name: place.kind for name, place in found.items()} == expected
    assert all(place.country == "GB" for place in found.values())


def test_no_british_council_is_named_as_its_town(gazetteer):
    councils = [p for p in gazetteer.candidates("York") + gazetteer.candidates("Leeds") if p.kind == "admin2"]
    assert councils == []
    assert [p.name for p in gazetteer.candidates("Ceredigion") if p.kind == "admin2"] == ["Ceredigion"]


def test_every_bundled_place_passes_the_checks_a_place_makes(gazetteer):
    # the gazetteer builds its places without Place.__init__ (they are read by the thousand), so
    # what __post_init__ would refuse must not be in the file: every row is made into a Place here
    made = [Place(**{f: getattr(p, f) for f in Place.__dataclass_fields__}) for p in gazetteer]
    assert len(made) > 170_000
    assert {p.kind for p in made} <= set(KINDS)
