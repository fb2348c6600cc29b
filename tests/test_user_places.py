from __future__ import annotations

import json
import re

import pytest

from geomap import Gazetteer, GazetteerFileError, load_gazetteer, read_user_places

GOOD_CSV = """name,lat,lon,kind,country,aliases,population
Pyongyang International Airport,39.2241,125.6700,site,KP,Sunan Airport|Sunan International Airport,
Acme Works,51.5,-0.1,,GB,,
"""


def test_csv_places_extend_the_gazetteer(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    gaz = Gazetteer(user_files=[path])
    airport = gaz.lookup("Sunan Airport")
    assert (airport.name, airport.kind, airport.country) == ("Pyongyang International Airport", "site", "KP")
    assert gaz.lookup("acme works").kind == "site"  # kind defaults to site
    assert gaz.lookup("Pyongyang").kind == "city"  # bundled places are still there
    assert gaz.by_id(airport.id) == airport
    assert gaz.info()["by_kind"]["site"] == 2


def test_user_place_comes_first_for_its_name_and_overrides_by_id(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            [
                {"name": "Paris", "lat": 33.66, "lon": -95.55, "kind": "city", "country": "US", "id": "my-paris"},
                {"id": "1871859", "name": "Pyongyang", "lat": 39.0, "lon": 125.7, "kind": "city", "country": "KP"},
            ]
        )
    )
    gaz = Gazetteer(user_files=[path])
    assert gaz.lookup("Paris").id == "my-paris"
    moved = gaz.lookup("P'yongyang")  # the bundled aliases still find the overridden place
    assert (moved.id, moved.lat, moved.lon) == ("1871859", 39.0, 125.7)
    assert gaz.by_id("1871859").lat == 39.0


def test_geojson_feature_collection(tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [125.67, 39.22]},
                        "properties": {"name": "Sunan", "kind": "site"},
                    }
                ],
            }
        )
    )
    place = read_user_places(path)[0]
    assert (place.lat, place.lon) == (39.22, 125.67)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lat,lon\nGood,1,2\nBad,north,2\n", "mine.csv:3: lat: 'north' is not a number"),
        ("name,lat,lon\n,1,2\n", "mine.csv:2: name: is empty"),
        ("name,lat,lon\nX,1,200\n", "mine.csv:2: lon: 200.0 is outside [-180, 180]"),
        ("name,lat,lon,kind\nX,1,2,village\n", "mine.csv:2: kind: 'village' is not one of"),
        ("name,lat,lon,country\nX,1,2,Korea\n", "mine.csv:2: country: 'KOREA' is not an ISO 3166-1 alpha-2 code"),
        ("name,lat,lon,population\nX,1,2,many\n", "mine.csv:2: population: 'many' is not a whole number"),
        ("name,lat\nX,1\n", "mine.csv:1: header lacks the column(s) lon"),
        ("name,lat,lon,colour\nX,1,2,red\n", "mine.csv:1: unknown column(s) colour"),
    ],
)
def test_bad_csv_rows_name_file_line_and_field(tmp_path, text, message):
    path = tmp_path / "mine.csv"
    path.write_text(text)
    with pytest.raises(GazetteerFileError) as err:
        Gazetteer(user_files=[path])
    assert message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"name": "X", "lat": 1}]', "mine.json: $[0].lon: None is not a number"),
        ('{"name": "X"}', "expected a list of places or a GeoJSON FeatureCollection"),
        ('[{"name": "X", "lat": 1,\n "lon": }]', "mine.json:2: not valid JSON"),
        ('[{"name": "X", "lat": 1, "lon": 2, "where": "here"}]', "mine.json: $[0].where: unknown field"),
    ],
)
def test_bad_json_names_file_item_and_field(tmp_path, text, message):
    path = tmp_path / "mine.json"
    path.write_text(text)
    with pytest.raises(GazetteerFileError, match=re.escape(message)):
        read_user_places(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerFileError, match="cannot read gazetteer file"):
        read_user_places(tmp_path / "nope.csv")


def test_environment_variable_adds_files(tmp_path, monkeypatch):
    path = tmp_path / "env.csv"
    path.write_text("name,lat,lon\nEnvtown,10,10\n")
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(path))
    assert load_gazetteer().lookup("Envtown").lat == 10.0
