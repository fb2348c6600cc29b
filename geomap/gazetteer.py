"""The bundled world gazetteer: look places up by name, by id or by position, offline.

The data is one read-only SQLite file inside the package (built by `gazetteer/build.py`), so
opening it costs a few milliseconds and nothing is loaded until a name is asked for. Users add
or override places with their own CSV or JSON file (see `geomap.user_places`).

>>> gaz = load_gazetteer()
>>> gaz.lookup("Pyongyang").country
'KP'
>>> gaz.lookup("South Korean").name
'South Korea'
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from geomap.errors import PlaceNotFound
from geomap.names import name_key

LatLon = tuple[float, float]
CountryPoint = Literal["label", "capital"]

KINDS = ("continent", "country", "admin1", "admin2", "region", "water", "city", "site")
VIA = ("name", "alias", "abbreviation", "demonym", "code")  # the order build.py stores them in
GAZETTEER_ENV = "GEOMAP_GAZETTEER"
EARTH_RADIUS_KM = 6371.0088

# Ranking of places that share a name: log10(population) plus these bonuses, so that
# Paris, France (2.1 M, capital) comes before Paris, Texas (25 k), a country before a region of the
# same name, and a city before its province unless the province is 30 times as populous (admin-1
# populations are sums over GeoNames towns, which count some districts twice).
KIND_BONUS = {
    "continent": 1.5,
    "country": 1.0,
    "region": 0.0,
    "water": 0.0,
    "admin1": -1.5,
    "admin2": -1.5,
    "city": 0.0,
    "site": 0.0,
}
CAPITAL_BONUS = 0.3
VIA_BONUS = {"name": 0.5, "alias": 0.0, "abbreviation": 0.5, "demonym": 0.5, "code": 0.0}
NO_POPULATION_PROMINENCE = 7.0  # curated regions and seas rank like a place of ten million
USER_BONUS = 100.0  # the user's own places come first for their names
# Answers remembered per gazetteer, by name and by word: texts ask the same names again and again,
# and most of what recognition asks is no place at all ("It", "March", "Department").
REMEMBERED = 65_536
MMAP_BYTES = 64 << 20  # more than the bundled file (18 MB)


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. `id` is the GeoNames id where there is one.

    >>> Place("1", "Nowhere", "city", None, 91.0, 0.0)
    Traceback (most recent call last):
    ...
    ValueError: latitude 91.0 of 'Nowhere' is outside [-90, 90]
    """

    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    admin1: str | None = None
    population: int | None = None
    capital: bool = False
    aliases: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0:
            raise ValueError(f"latitude {self.lat} of {self.name!r} is outside [-90, 90]")
        if not -180.0 <= self.lon <= 180.0:
            raise ValueError(f"longitude {self.lon} of {self.name!r} is outside [-180, 180]")
        if self.kind not in KINDS:
            raise ValueError(f"kind {self.kind!r} of {self.name!r} is not one of {', '.join(KINDS)}")

    @property
    def point(self) -> LatLon:
        return (self.lat, self.lon)

    @functools.cached_property
    def prominence(self) -> float:
        """How likely a bare mention of this place's name means it (see KIND_BONUS)."""
        return _prominence(self.population, self.kind, self.capital)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of every field."""
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A GeoJSON Feature (RFC 7946: longitude first)."""
        props = self.to_dict()
        del props["lat"], props["lon"]
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": [self.lon, self.lat]},
            "properties": props,
        }


def _prominence(population: int | None, kind: str, capital: bool) -> float:
    if population is None:
        return NO_POPULATION_PROMINENCE
    return math.log10(population + 1) + KIND_BONUS[kind] + (CAPITAL_BONUS if capital else 0.0)


def distance_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance on the mean Earth radius (haversine), for ranking and tests."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _rank_key(place: Place, via: str, user: bool) -> tuple:
    score = place.prominence + VIA_BONUS[via] + (USER_BONUS if user else 0.0)
    return (-round(score, 9), KINDS.index(place.kind), place.id)


class Gazetteer:
    """Places by name, id and position: the bundled data plus the user's own places.

    Open it once and share it: it is read-only, cheap to open, safe to use from several threads,
    and pickles as its file paths so worker processes reopen the same file.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        user_files: Iterable[str | os.PathLike[str]] = (),
        country_point: CountryPoint = "label",
    ) -> None:
        if country_point not in ("label", "capital"):
            raise ValueError(f"country_point must be 'label' or 'capital', not {country_point!r}")
        self._resources = ExitStack()
        if path is None:
            resource = importlib.resources.files("geomap") / "data" / "gazetteer.sqlite"
            path = self._resources.enter_context(importlib.resources.as_file(resource))
        self.path = Path(path)
        self.country_point = country_point
        self.user_files = tuple(Path(f) for f in user_files)
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        # read through a memory map: a page of the file costs no system call and no copy (the
        # names a text asks for lie all over the index), and processes share the pages
        self._db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        self._user_names: dict[str, list[tuple[Place, str]]] = {}
        self._user_ids: dict[str, Place] = {}
        if self.user_files:
            from geomap.user_places import read_user_places

            for file in self.user_files:
                for place in read_user_places(file):
                    self._add_user_place(place)
        self._keys: list[str] | None = None
        self._countries: Any = None  # geometry.CountryIndex, built on first use
        self._by_code: dict[str, Place] | None = None  # countries by ISO code, read on first use
        self._capitals: dict[str, Place] | None = None  # national capitals by country code, read on first use
        # read-only after opening, so answers are remembered (bounded; immutable values)
        self._answers: dict[str, tuple[tuple[Place, str], ...]] = {}  # by name, see matches_many
        self._row = functools.lru_cache(maxsize=REMEMBERED)(self._fetch_one)

    # Pickling: reopen the same files in the receiving process.
    def __reduce__(self):
        return (_reopen, (str(self.path), [str(f) for f in self.user_files], self.country_point))

    def close(self) -> None:
        self._db.close()
        self._resources.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- Looking up ------------------------------------------------------------------------

    def candidates(self, name: str, *, country: str | None = None, kinds: Iterable[str] | None = None) -> list[Place]:
        """Every place called `name` (name, alias, abbreviation, demonym or code), best first.

        >>> [(p.name, p.country) for p in load_gazetteer().candidates("Paris")][:2]
        [('Paris', 'FR'), ('Paris', 'US')]
        """
        return [place for place, _ in self.matches(name, country=country, kinds=kinds)]

    def matches(
        self, name: str, *, country: str | None = None, kinds: Iterable[str] | None = None
    ) -> list[tuple[Place, str]]:
        """Like `candidates`, with how each place matched (`via`: name, alias, ...).

        A name the gazetteer lacks as a whole may be "Place, Region" or "Place, Country": then
        the places called "Place" that lie in that region or country.

        >>> [(p.name, p.admin1) for p, via in load_gazetteer().matches("Paris, Texas")]
        [('Paris', 'Texas')]
        """
        ranked = self._ranked(name)
        if country is None and kinds is None:
            return list(ranked)
        wanted = set(kinds) if kinds is not None else None
        country = country.upper() if country else None
        return [
            (p, via)
            for p, via in ranked
            if (country is None or p.country == country) and (wanted is None or p.kind in wanted)
        ]

    def matches_many(self, names: Iterable[str]) -> dict[str, tuple[tuple[Place, str], ...]]:
        """`matches` of each name (as tuples: they are shared), those not asked before looked up
        together, in one query: recognition asks for every span of a text that could be a name.

        >>> found = load_gazetteer().matches_many(["Paris", "Department"])
        >>> found["Paris"][0][0].country, found["Department"]
        ('FR', ())
        """
        asked = dict.fromkeys(names)  # each name once, in order
        # the remembered answers, and None for the rest (a loop in C: most names were asked before)
        out: dict[str, Any] = dict(zip(asked, map(self._answers.get, asked), strict=True))
        unknown = {name: name_key(name) for name, known in out.items() if known is None}  # name -> its key
        if unknown:
            named = self._named_many(set(unknown.values()))
            answers = self._answers
            for name, key in unknown.items():
                found = named.get(key)
                # most names asked are no place ("It", "Police Department"): nothing to rank
                ranked = self._rank(name, found) if found or "," in name else ()
                if len(answers) >= REMEMBERED:  # as _remember does, without a call per name
                    answers.clear()
                answers[name] = out[name] = ranked
        return out

    def _ranked(self, name: str) -> tuple[tuple[Place, str], ...]:
        """Every place called `name` with how it matched, best first (see `matches`)."""
        found = self._answers.get(name)
        if found is None:
            found = self._remember(name, self._rank(name, self._named(name_key(name))))
        return found

    def _rank(self, name: str, found: list[tuple[Place, str, bool]]) -> tuple[tuple[Place, str], ...]:
        """The places found for `name`'s key, else for "Place, Region", best first."""
        if not found and "," in name:
            head, _, tail = name.rpartition(",")
            found = [(p, via, user) for p, via, user in self._named(name_key(head)) if self._lies_in(p, tail)]
        if len(found) > 1:  # most names that are a place name one
            found = sorted(found, key=lambda t: _rank_key(*t))
        return tuple((p, via) for p, via, _ in found)

    def _remember(self, name: str, found: tuple[tuple[Place, str], ...]) -> tuple[tuple[Place, str], ...]:
        if len(self._answers) >= REMEMBERED:
            self._answers.clear()  # bounded; a long batch asks its common names again soon enough
        self._answers[name] = found
        return found

    def _named(self, key: str) -> list[tuple[Place, str, bool]]:
        """Every place with this name key: (place, via, whether it is the user's)."""
        return self._named_many({key}).get(key, [])

    def _named_many(self, keys: set[str]) -> dict[str, list[tuple[Place, str, bool]]]:
        """`_named` of each key, in one query for every few hundred keys."""
        asked = sorted(filter(None, keys))
        found: dict[str, dict[str, tuple[Place, str, bool]]] = {}
        user_ids = self._user_ids
        for n in range(0, len(asked), 500):
            part = asked[n : n + 500]
            rows = self._db.execute(
                f"SELECT n.key, n.via, {_COLUMNS} FROM name n JOIN place p ON p.rowid = n.place"
                f" WHERE n.key IN ({','.join('?' * len(part))})",
                part,
            )
            for row in rows:
                place_row = row[2:]
                place = (user_ids and user_ids.get(_row_id(place_row))) or self._place(place_row)
                places = found.get(row[0])
                if places is None:
                    places = found[row[0]] = {}
                places[place.id] = (place, VIA[row[1]], place.id in user_ids)
        if self._user_names:  # the user's places, by the keys asked
            for key in asked:
                for place, via in self._user_names.get(key, ()):
                    found.setdefault(key, {})[place.id] = (place, via, True)
        return {key: list(places.values()) for key, places in found.items()}

    def _lies_in(self, place: Place, container: str) -> bool:
        """Whether `place` is in a country or admin-1 region called `container` ("TX", "Texas")."""
        for area, _, _ in self._named(name_key(container)):
            if area.kind == "country" and area.country == place.country and place.kind != "country":
                return True
            if area.kind == "admin1" and area.country == place.country and area.name == place.admin1:
                return True
        return False

    def get(self, name: str, default: Place | None = None, *, country: str | None = None) -> Place | None:
        """The best place called `name`, or `default`; never raises."""
        found = self.candidates(name, country=country)
        return found[0] if found else default

    def lookup(self, name: str, *, country: str | None = None) -> Place:
        """The best place called `name`; raises PlaceNotFound naming close matches."""
        found = self.candidates(name, country=country)
        if not found:
            raise PlaceNotFound(name, tuple(self.close_matches(name)))
        return found[0]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.candidates(name))

    def by_id(self, place_id: str) -> Place:
        """The place with this id (GeoNames id, or e.g. 'geomap:black-sea'); raises PlaceNotFound."""
        place_id = str(place_id)
        place = self._user_ids.get(place_id) or self._bundled(place_id)
        if place is None:
            raise PlaceNotFound(place_id)
        return place

    def nearest(
        self, lat: float, lon: float, *, kinds: Iterable[str] = ("city",), max_km: float = 500.0
    ) -> Place | None:
        """The place of one of `kinds` nearest to a point, within `max_km`; None if there is none."""
        kinds = tuple(kinds)
        candidates = [p for p in self._user_ids.values() if p.kind in kinds]
        # The SQL orders towns in a latitude band by an equirectangular distance (longitudes
        # wrapped across the antimeridian), in units of 1e-5 degree; haversine decides among the best.
        band = round(max_km / 111.0 * 1e5)
        marks = ",".join("?" * len(kinds))
        lat5, lon5 = round(lat * 1e5), round(lon * 1e5)
        rows = self._db.execute(
            f"""SELECT {_COLUMNS} FROM place p WHERE p.kind IN ({marks}) AND p.lat BETWEEN ? AND ?
                ORDER BY (p.lat - ?) * (p.lat - ?)
                       + ((p.lon - ? + 54000000) % 36000000 - 18000000) * ((p.lon - ? + 54000000) % 36000000 - 18000000)
                       * ? LIMIT 25""",
            (*kinds, lat5 - band, lat5 + band, lat5, lat5, lon5, lon5, math.cos(math.radians(lat)) ** 2),
        )
        candidates += [self._place(row) for row in rows if _row_id(row) not in self._user_ids]
        scored = sorted((distance_km((lat, lon), p.point), p.id, p) for p in candidates)
        return scored[0][2] if scored and scored[0][0] <= max_km else None

    def members(self, region: Place) -> list[Place]:
        """The towns and counties of an admin-1 region, in id order (for its extent)."""
        if region.id.isdigit():
            rowid = int(region.id)
        else:
            found = self._db.execute("SELECT rowid FROM place WHERE ref = ?", (region.id,)).fetchone()
            if found is None:
                return []
            rowid = found[0]
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.admin1 = ? ORDER BY p.rowid", (rowid,))
        return [self._place(r) for r in rows]

    def country_at(self, lat: float, lon: float) -> Place | None:
        """The country whose Natural Earth shape contains the point; None at sea.

        >>> load_gazetteer().country_at(47.0, 2.0).name
        'France'
        """
        if self._countries is None:
            from geomap.geometry import CountryIndex

            self._countries = CountryIndex()
        code = self._countries.country_at(lat, lon)
        return self.get_country(code) if code else None

    def get_country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        if self._by_code is None:  # one scan of the table (it has no index by country) for all of them
            by_code: dict[str, Place] = {}
            for row in self._db.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.kind = 'country' ORDER BY p.rowid"):
                by_code.setdefault(row[4], self._place(row))
            self._by_code = by_code
        return self._by_code.get(code.upper())

    def capital_of(self, code: str) -> Place | None:
        """The national capital of the country with this ISO code (its most populous, where a country
        has two: Sucre and La Paz), or None."""
        if self._capitals is None:
            capitals: dict[str, Place] = {}
            query = f"SELECT {_COLUMNS} FROM place p WHERE p.capital = 1 AND p.kind = 'city' ORDER BY p.population DESC"
            for row in self._db.execute(query):
                capitals.setdefault(row[4], self._place(row))
            self._capitals = capitals
        return self._capitals.get(code.upper())

    def search(self, text: str, *, limit: int = 20) -> list[Place]:
        """Places whose names start with `text`, most prominent first."""
        key = name_key(text)
        if not key:
            return []
        rows = self._db.execute(
            f"SELECT n.via, {_COLUMNS} FROM name n JOIN place p ON p.rowid = n.place WHERE n.key >= ? AND n.key < ?",
            (key, key + "\uffff"),
        )
        best: dict[str, tuple] = {}
        for via, *row in rows:
            place = self._user_ids.get(_row_id(row)) or self._place(row)
            rank = _rank_key(place, VIA[via], place.id in self._user_ids)
            best[place.id] = min(best.get(place.id, (rank, place)), (rank, place), key=lambda t: t[0])
        for k, entries in self._user_names.items():
            if k.startswith(key):
                for place, via in entries:
                    best[place.id] = (_rank_key(place, via, True), place)
        return [place for _, place in sorted(best.values(), key=lambda t: t[0])[:limit]]

    def close_matches(self, name: str, *, limit: int = 5) -> list[str]:
        """Names in the gazetteer that look like `name`, for 'did you mean' messages."""
        from rapidfuzz import fuzz, process

        if self._keys is None:
            self._keys = [k for (k,) in self._db.execute("SELECT DISTINCT key FROM name")] + list(self._user_names)
        key = name_key(name)
        hits = process.extract(key, self._keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=70)
        names: list[str] = []
        for hit_key, _, _ in sorted(hits, key=lambda h: (-h[1], h[0])):
            place = self.matches(hit_key)[0][0]
            surface = next((a for a in (place.name, *place.aliases) if name_key(a) == hit_key), place.name)
            if surface not in names:
                names.append(surface)
        return names[:limit]

    def common_word(self, word: str, *, margin: float = 0.5) -> bool:
        """Whether an English word is written lowercase e**margin times as often as capitalised.

        >>> gaz = load_gazetteer()
        >>> gaz.common_word("nice"), gaz.common_word("paris")
        (True, False)
        """
        ratio = self.case_ratio(word)
        return ratio is not None and ratio > margin

    def case_ratio(self, word: str) -> float | None:
        """ln(how often `word` is written lowercase / capitalised) in English; None if not a word.

        Common nouns are positive ("police" 2.3), proper names negative ("nelson" -2.5).
        """
        row = self._row("SELECT lower - title FROM word WHERE word = ?", word.lower())
        return None if row is None else row[0]

    def is_not_a_place(self, name: str) -> bool:
        """Names that news uses for something else than the place that has them: "White House"
        (a town in Tennessee, and the US presidency), "Hamas", "Toyota" (gazetteer/curated)."""
        return self._row("SELECT 1 FROM not_place WHERE name = ?", name) is not None

    def person_name_share(self, word: str) -> float:
        """The percentage of people (US census) with this first or last name: 0.621 for "Jones"."""
        row = self._row("SELECT percent FROM person WHERE name = ?", word.lower())
        return 0.0 if row is None else row[0]

    def _fetch_one(self, query: str, value: str) -> tuple | None:
        return self._db.execute(query, (value,)).fetchone()

    def info(self) -> dict[str, Any]:
        """Counts of places by kind, the sources and their versions, and the licence."""
        counts = dict(self._db.execute("SELECT kind, count(*) FROM place GROUP BY kind ORDER BY kind"))
        for place in self._user_ids.values():
            if self._bundled(place.id) is None:
                counts[place.kind] = counts.get(place.kind, 0) + 1
        meta = dict(self._db.execute("SELECT key, value FROM meta ORDER BY key"))
        return {
            "path": str(self.path),
            "places": sum(counts.values()),
            "names": self._db.execute("SELECT count(*) FROM name").fetchone()[0],
            "by_kind": counts,
            "sources": {k.removeprefix("source:"): v for k, v in meta.items() if k.startswith("source:")},
            "natural_earth": meta.get("natural_earth"),
            "min_city_population": int(meta.get("min_population", 0)),
            "licence": meta.get("licence"),
            "user_files": [str(f) for f in self.user_files],
        }

    def __iter__(self) -> Iterator[Place]:
        """Every bundled place (then the user's), in id order."""
        for row in self._db.execute(f"SELECT {_COLUMNS} FROM place p ORDER BY p.rowid"):
            yield self._user_ids.get(_row_id(row)) or self._place(row)
        yield from (p for p in self._user_ids.values() if self._bundled(p.id) is None)

    # --- Internals --------------------------------------------------------------------------

    def _place(self, row: tuple) -> Place:
        rowid, ref, name, kind, country, admin1, lat, lon, alt_lat, alt_lon, population, capital, aliases = row
        if kind == "country" and self.country_point == "capital" and alt_lat is not None:
            lat, lon = alt_lat, alt_lon
        # Built without Place.__init__: the bundled rows were checked when the file was built, and
        # a frozen dataclass's __init__ sets each field through object.__setattr__, a cost paid for
        # every place a text's names find (thousands in a fresh process). The prominence, which
        # ranking asks of nearly every place, is set with the fields.
        place = object.__new__(Place)
        capital = bool(capital)
        place.__dict__.update(
            id=ref or str(rowid),
            name=name,
            kind=kind,
            country=country,
            lat=lat / 1e5,
            lon=lon / 1e5,
            admin1=admin1,
            population=population,
            capital=capital,
            aliases=tuple(aliases.split("|")) if aliases else (),
            prominence=_prominence(population, kind, capital),
        )
        return place

    def _bundled(self, place_id: str) -> Place | None:
        """The bundled place with this id, ignoring the user's files."""
        if place_id.isdigit():
            row = self._db.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.rowid = ?", (int(place_id),)).fetchone()
        else:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.ref = ?", (place_id,)).fetchone()
        return self._place(row) if row else None

    def _add_user_place(self, place: Place) -> None:
        """A user place with a bundled id replaces it (keeping its names); any other is added."""
        old = self._bundled(place.id)
        if old is not None:
            place = replace(place, aliases=tuple(dict.fromkeys((*old.aliases, *place.aliases))))
        self._user_ids[place.id] = place
        for surface in dict.fromkeys((place.name, *place.aliases)):
            entries = self._user_names.setdefault(name_key(surface), [])
            entries[:] = [(p, v) for p, v in entries if p.id != place.id]
            entries.append((place, "name" if surface == place.name else "alias"))


# The place columns every query reads, in the order Gazetteer._place unpacks them.
_COLUMNS = (
    "p.rowid, p.ref, p.name, p.kind, p.country, (SELECT a.name FROM place a WHERE a.rowid = p.admin1),"
    " p.lat, p.lon, p.alt_lat, p.alt_lon, p.population, p.capital, p.aliases"
)


def _row_id(row: tuple) -> str:
    return row[1] or str(row[0])


def _reopen(path: str, user_files: list[str], country_point: CountryPoint) -> Gazetteer:
    return Gazetteer(path, user_files=user_files, country_point=country_point)


@functools.cache
def _cached(user_files: tuple[str, ...], country_point: CountryPoint) -> Gazetteer:
    return Gazetteer(user_files=user_files, country_point=country_point)


def load_gazetteer(*user_files: str | os.PathLike[str], country_point: CountryPoint = "label") -> Gazetteer:
    """The bundled gazetteer plus the user's files and those named in $GEOMAP_GAZETTEER, opened once."""
    env = [f for f in os.environ.get(GAZETTEER_ENV, "").split(os.pathsep) if f]
    files = tuple(str(Path(f).resolve()) for f in (*env, *user_files))
    return _cached(files, country_point)
