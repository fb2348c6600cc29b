"""A geopy-style geocoder backed by the bundled gazetteer, and the opt-in online fallback.

Code written for geopy's geocoders works offline by swapping in `OfflineGeocoder`:

>>> location = OfflineGeocoder().geocode("Pyongyang")
>>> location.address, round(location.latitude, 2), location.raw["country"]
('Pyongyang, KP', 39.03, 'KP')
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any, Protocol

from geopy.location import Location

from geomap.errors import OnlineLookupError
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.names import name_key

USER_AGENT = "geomap/0.1 (offline news geoparser; https://pypi.org/project/geomap/)"


def place_location(place: Place) -> Location:
    """A geopy Location for a Place: 'Name, Admin1, CC' as address, the Place's fields as raw."""
    parts = [place.name, place.admin1 if place.admin1 and place.admin1 != place.name else None, place.country]
    address = ", ".join(p for p in dict.fromkeys(parts) if p)
    return Location(address, (place.lat, place.lon, 0.0), place.to_dict())


def location_place(location: Location) -> Place:
    """A Place (kind 'site', id 'nominatim:…') for an answer of the online geocoder."""
    raw = location.raw or {}
    country = (raw.get("address") or {}).get("country_code")
    osm = f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}".strip("/") or name_key(location.address)
    return Place(
        id=f"nominatim:{osm}",
        name=location.address.split(",")[0].strip(),
        kind="site",
        country=country.upper() if country and len(country) == 2 else None,
        lat=location.latitude,
        lon=location.longitude,
    )


class OfflineGeocoder:
    """Same call shape as geopy's geocoders (`geocode`, `reverse`), answered from the gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, fallback: OnlineFallback | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.fallback = fallback

    def geocode(
        self, query: str, *, exactly_one: bool = True, country_codes: str | list[str] | None = None, **_: Any
    ) -> Location | list[Location] | None:
        """The place called `query` (or every candidate, best first, with exactly_one=False)."""
        codes = [country_codes] if isinstance(country_codes, str) else list(country_codes or [None])
        places: list[Place] = []
        for code in codes:
            places.extend(self.gazetteer.candidates(query, country=code))
        if not places and self.fallback is not None:
            location = self.fallback.geocode(query)
            return (location if exactly_one else [location]) if location else None
        if not places:
            return None
        locations = [place_location(p) for p in places]
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True, **_: Any) -> Location | list[Location] | None:
        """The nearest town within 500 km of a point given as (lat, lon), "lat, lon" or a geopy Point;
        where there is none, the country the point lies in; at sea, None."""
        lat, lon = _lat_lon(query)
        place = self.gazetteer.nearest(lat, lon) or self.gazetteer.country_at(lat, lon)
        if place is None:
            return None
        location = place_location(place)
        return location if exactly_one else [location]


def _lat_lon(query: Any) -> tuple[float, float]:
    from geopy.point import Point

    point = query if isinstance(query, Point) else Point(query)
    return point.latitude, point.longitude


class _Geocoder(Protocol):
    def geocode(self, query: str, *, exactly_one: bool = ...) -> Any: ...


class OnlineFallback:
    """Nominatim for names the gazetteer lacks: rate limited, with a persistent cache.

    Never used unless asked for (`--online`). Cached answers, found or not, return at once
    without touching the network or the rate limiter.
    """

    def __init__(
        self,
        cache_path: str | os.PathLike[str] | None = None,
        *,
        geocoder: _Geocoder | None = None,
        min_delay_seconds: float = 1.0,
    ) -> None:
        self.cache_path = Path(cache_path) if cache_path else default_cache_path()
        self._geocoder = geocoder
        self._min_delay = min_delay_seconds
        self._limited: Any = None

    def _lookup(self, query: str) -> Any:
        if self._limited is None:
            from geopy.extra.rate_limiter import RateLimiter

            if self._geocoder is None:
                from geopy.geocoders import Nominatim

                self._geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
            self._limited = RateLimiter(
                self._geocoder.geocode, min_delay_seconds=self._min_delay, max_retries=1, swallow_exceptions=False
            )
        return self._limited(query, exactly_one=True)

    def geocode(self, query: str) -> Location | None:
        key = name_key(query)
        with closing(self._cache()) as db, db:
            row = db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        if row is not None:
            answer = json.loads(row[0])
            return Location(answer["address"], (answer["lat"], answer["lon"], 0.0), answer["raw"]) if answer else None
        try:
            location = self._lookup(query)
        except Exception as e:  # geopy raises many kinds; all mean "the online lookup failed"
            raise OnlineLookupError(f"online lookup of {query!r} failed: {e}") from None
        answer = None
        if location is not None:
            answer = {
                "address": location.address,
                "lat": location.latitude,
                "lon": location.longitude,
                "raw": location.raw,
            }
        with closing(self._cache()) as db, db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, json.dumps(answer), time.time()))
        return location

    def _cache(self) -> sqlite3.Connection:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.cache_path)
        db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT, fetched REAL)")
        return db


def default_cache_path() -> Path:
    """$GEOMAP_CACHE, else $XDG_CACHE_HOME/geomap, else ~/.cache/geomap: the online answers file."""
    base = os.environ.get("GEOMAP_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "geomap"
    )
    return Path(base) / "nominatim.sqlite"
