from __future__ import annotations

import pytest
from geopy.location import Location
from geopy.point import Point

from geomap import OnlineLookupError
from geomap.geocoder import OfflineGeocoder, OnlineFallback


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return OfflineGeocoder(gazetteer)


def test_geocode_returns_a_geopy_location(geocoder):
    loc = geocoder.geocode("Pyongyang")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "1871859" and loc.raw["kind"] == "city"
    assert abs(loc.latitude - 39.034) < 0.01 and abs(loc.longitude - 125.754) < 0.01


def test_geocode_all_candidates_and_country_filter(geocoder):
    every = geocoder.geocode("Paris", exactly_one=False)
    assert len(every) > 5 and every[0].raw["country"] == "FR"
    assert geocoder.geocode("Paris", country_codes="US").raw["country"] == "US"
    assert geocoder.geocode("Nowhereville-on-Sea") is None


@pytest.mark.parametrize("query", [(39.02, 125.74), "39.02, 125.74", Point(39.02, 125.74)])
def test_reverse_takes_geopy_point_shapes(geocoder, query):
    assert geocoder.reverse(query).raw["name"] == "Pyongyang"


class FakeNominatim:
    """Stands in for geopy's Nominatim: counts calls, never touches the network."""

    def __init__(self):
        self.calls = []

    def geocode(self, query, exactly_one=True):
        self.calls.append(query)
        if query == "Nowhere":
            return None
        return Location("Somewhere, Earth", (1.0, 2.0, 0.0), {"display_name": "Somewhere"})


def test_online_fallback_caches_answers_and_does_not_wait_on_hits(tmp_path, gazetteer):
    fake = FakeNominatim()
    fallback = OnlineFallback(tmp_path / "cache.sqlite", geocoder=fake, min_delay_seconds=5.0)
    geocoder = OfflineGeocoder(gazetteer, fallback=fallback)
    assert geocoder.geocode("Somewhere Lane").address == "Somewhere, Earth"
    assert geocoder.geocode("Nowhere") is None
    again = OfflineGeocoder(
        gazetteer, fallback=OnlineFallback(tmp_path / "cache.sqlite", geocoder=fake, min_delay_seconds=5.0)
    )
    assert again.geocode("somewhere lane").point[:2] == (1.0, 2.0)
    assert again.geocode("Nowhere") is None
    # cache hits ask nothing online, so the 5 s rate limit (applied to each online call) never waits;
    # checked by the calls, not by a clock, which a busy machine would make flaky
    assert fake.calls == ["Somewhere Lane", "Nowhere"]
    assert geocoder.geocode("Seoul").raw["country"] == "KR"  # the gazetteer still answers first
    assert fake.calls == ["Somewhere Lane", "Nowhere"]


def test_online_failure_is_a_geomap_error(tmp_path):
    class Broken:
        def geocode(self, query, exactly_one=True):
            raise OSError("network unreachable")

    fallback = OnlineFallback(tmp_path / "c.sqlite", geocoder=Broken(), min_delay_seconds=0)
    with pytest.raises(OnlineLookupError, match="network unreachable"):
        fallback.geocode("Anywhere")


def test_reverse_far_from_towns_gives_the_country_and_at_sea_nothing(geocoder):
    assert geocoder.reverse((-80.0, 30.0)).raw["name"] == "Antarctica"  # no town within 500 km
    assert geocoder.reverse((0.0, -30.0)) is None  # the mid-Atlantic


def test_country_at_a_point(gazetteer):
    assert gazetteer.country_at(39.03, 125.75).country == "KP"
    assert gazetteer.country_at(51.5, -0.12).name == "United Kingdom"
    assert gazetteer.country_at(-60.0, -30.0) is None
