"""The third stage: one place for every mention, chosen with what the document says as a whole.

Each candidate starts from the gazetteer's prior (population, capital, kind, how the name
matched) and gains from the rest of the document:

- "City, Region" and "City, Country" ("Paris, Texas", "Gainesville, Ga.", "West Palm Beach, FL")
  keep only the candidates that lie in the named region or country;
- a candidate in a country the document names elsewhere gains COUNTRY_BONUS, a country gains
  the same from places named in it;
- a town in a region the document names, and that region, gain CONTAINS_BONUS each ("Gainesville"
  and "Georgia" in one article: Gainesville, Georgia, and the US state);
- a town near the other towns the document names gains up to NEARBY_BONUS (local news names
  "Paris" and "Clarksville": Paris, Texas);
- one name means one place throughout a document.

Weak mentions (capitalised common words) are kept only when the document supports them.
The confidence is the chosen candidate's share of the softmax over its candidates' scores.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from geomap.gazetteer import EARTH_RADIUS_KM, KIND_BONUS, VIA_BONUS, LatLon, Place, distance_km
from geomap.mentions import Mention, Recognised
from geomap.names import name_key
from geomap.text import word_after

COUNTRY_BONUS = 1.5
# Words after a name that make it a region's: "the Krasnodar region", "Kherson province", "Rakhine state".
REGION_WORDS = frozenset("region province oblast krai governorate prefecture state".split())
# A sea or a region of several countries named beside a country the document names (within
# BESIDE_KM) gains BESIDE_BONUS (less than a place in that country gains), and BESIDE_EACH more for
# each further one, up to three.
BESIDE_KM = 2000.0
BESIDE_BONUS = 0.75
BESIDE_EACH = 0.5
CONTAINS_BONUS = 3.0
# A town near the other towns a document names gains this much: (within km, bonus).
NEARBY_BONUS = ((100.0, 2.5), (300.0, 1.5), (1000.0, 0.5))
LOCAL_KINDS = ("city", "admin2")
MAX_CANDIDATES = 40
WEAK_MIN_PROMINENCE = 6.0  # a weak mention of a city of a million needs no support
ROUNDS = 2
SURNAME_KM = 100.0  # a town named like a person stands with another town this near (_Context.supported)
SETTLE_MAX = 6  # names still swinging after the rounds whose choices are weighed together (2^6 tries)
SMALL_TOWN = 4.0  # prominence of a town of 10,000: smaller ones need company in the document
SHARPNESS = 2.0  # confidence: softmax over 2 x score, so a lead of one point is 88% against one rival
# "Washington said", "Moscow denied": a capital standing for its government.
CAPITAL_BONUS = 2.0
GOVERNMENT_VERBS = frozenset(
    "said says say announced announces accused accuses warned warns denied denies sanctioned "
    "sanctions imposed imposes rejected rejects demanded demands urged urges condemned condemns "
    "insisted insists claimed claims threatened threatens responded responds agreed agrees signed "
    "signs ordered orders wants wanted announce accuse warn deny sanction".split()
)


@dataclass(frozen=True)
class FoundPlace:
    """A place the document names, with every mention of it and how sure the resolution is."""

    place: Place
    confidence: float
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "admin1": p.admin1,
            "lat": p.lat,
            "lon": p.lon,
            "population": p.population,
            "capital": p.capital,
            "aliases": list(p.aliases),
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class _Group:
    """All mentions of one name in a document, and the candidates they share."""

    key: str
    recognised: list[Recognised]
    candidates: list[tuple[Place, str]]
    weak: bool
    surname: bool  # weak only as a person's name: a town named nearby backs it
    containers: set[str] | None = None  # ids allowed by "City, Region" patterns
    governs: bool = False  # a mention is followed by a verb of government: "Washington sanctioned"
    regional: bool = False  # every mention is followed by a word for a region: "the Krasnodar region"
    chosen: Place | None = None
    scores: dict[str, float] | None = None

    @functools.cached_property
    def ranked_by_size(self) -> frozenset[str]:
        """The admin-1 and admin-2 candidates that rank by their population alone: a region ranks
        below a town of its name where that town is its own ("Kabul") or a capital or a city of a
        million ("Washington"), not below a lesser town of another land ("Bali", Indonesia's
        province, over Bāli, India; "Cornwall", the county, over Cornwall, Ontario). Found once:
        the candidates do not change from round to round."""
        towns = [p for p, _ in self.candidates if p.kind in LOCAL_KINDS]
        if any(p.capital or (p.population or 0) >= 1_000_000 for p in towns):
            return frozenset()
        own = {(p.country, p.admin1) for p in towns}
        regions = [p for p, _ in self.candidates if p.kind == "admin1" and (p.country, p.name) not in own]
        # (a county, where no town of its own country bears its name)
        with_town = {p.country for p in towns if p.kind == "city"}
        counties = [p for p, _ in self.candidates if p.kind == "admin2" and p.country not in with_town]
        return frozenset(p.id for p in regions + counties)


def resolve(text: str, recognised: list[Recognised]) -> list[FoundPlace]:
    """Choose one place per mention; mentions of one place are gathered, in order of first mention."""
    keys = [name_key(r.mention.text) for r in recognised]  # each mention's group, worked out once
    groups = _groups(recognised, keys)
    _apply_containers(text, recognised, keys, groups)
    afters = [word_after(text, r.mention.end) for r in recognised]  # the word after each mention
    _apply_region_words(text, recognised, keys, afters, groups)
    for after, key in zip(afters, keys, strict=True):
        if after in GOVERNMENT_VERBS:
            groups[key].governs = True
    for group in groups.values():
        group.chosen = _best(group, {})
    context = None
    before: dict[str, Place | None] = {}
    for _ in range(ROUNDS):
        context = _Context(groups, context)
        before = {key: group.chosen for key, group in groups.items()}
        for group in groups.values():
            group.scores = context.scores(group)
            group.chosen = _best(group, group.scores)
    context = _settle(groups, before, _Context(groups, context))
    for group in groups.values():
        _region_of_the_town(group)
    named_alone = {g.chosen.id for g in groups.values() if g.chosen and not all(r.embedded for r in g.recognised)}
    found: dict[str, tuple[Place, float, list[Mention]]] = {}
    for group in sorted(groups.values(), key=lambda g: g.recognised[0].mention.start):
        place = group.chosen
        if place is None or (group.weak and not context.supported(group, place)):
            continue
        if place.kind == "city" and place.prominence < SMALL_TOWN and not context.anchored(group, place):
            continue  # a village in a country the text says nothing else about: a name, not a place
        if place.id not in named_alone:
            continue  # only ever inside an organisation's name ("Korea News Service")
        confidence = _confidence(group)
        entry = found.setdefault(place.id, (place, confidence, []))
        entry[2].extend(r.mention for r in group.recognised)
        found[place.id] = (place, max(entry[1], confidence), entry[2])
    return [
        FoundPlace(place, confidence, tuple(sorted(mentions, key=lambda m: m.start)))
        for place, confidence, mentions in found.values()
    ]


def _settle(groups: dict[str, _Group], before: dict[str, Place | None], context: _Context) -> _Context:
    """Names whose choice still changed in the last round (as 'Halifax' and 'Truro' swing, each to
    the other's country, both at once) take, together, the set of their last two choices that scores
    best as a whole ('Halifax' and 'Truro' in Nova Scotia, each near the other). Up to SETTLE_MAX
    names; the context of the choices made."""
    swinging = [g for key, g in groups.items() if before.get(key) is not None and g.chosen is not None
                and g.chosen.id != before[key].id and not g.weak]  # fmt: skip
    if not swinging or len(swinging) > SETTLE_MAX:
        return context
    options = [(g.chosen, before[g.key]) for g in swinging]
    best: tuple[float, tuple[Place, ...]] | None = None
    for choice in itertools.product(*options):
        for group, place in zip(swinging, choice, strict=True):
            group.chosen = place
        trial = _Context(groups, context)
        total = sum(trial.scores(g)[g.chosen.id] for g in swinging if g.chosen is not None)
        if best is None or total > best[0] + 1e-9:
            best = (total, choice)
    assert best is not None
    for group, place in zip(swinging, best[1], strict=True):
        group.chosen = place
    context = _Context(groups, context)
    for group in swinging:
        group.scores = context.scores(group)
    return context


def _groups(recognised: list[Recognised], keys: list[str]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for r, key in zip(recognised, keys, strict=True):
        if key not in groups:
            groups[key] = _Group(key, [], _countries_first(r.candidates[:MAX_CANDIDATES]), weak=True, surname=True)
        group = groups[key]
        group.recognised.append(r)
        group.weak = group.weak and r.weak
        group.surname = group.surname and r.surname
    return groups


# A town of at least this many people whose own name a word is (and at least half as large)
# outranks the towns of its country only called so ("Marion" beside Reseda, once Marion)
OWN_NAME_POPULATION = 5000


def _countries_first(candidates: Sequence[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """The candidates, less the towns that are only called so in a country of that very name:
    "Mexico" is the country, not Mexico City (which GeoNames also calls "Mexico"); "Kuwait" is not
    Kuwait City; and less the towns only called so that would outrank a capital whose own name it
    is: "Islamabad" is not Chattogram (of old called so, and larger). A smaller town of that
    alias stays for the text to choose ("Santiago" beside Havana is Santiago de Cuba)."""
    if all(via != "alias" for _, via in candidates):
        return list(candidates)  # only a town called so by an alias is ever left out
    named = {p.country for p, via in candidates if p.kind == "country" and via == "name"}
    capital = max((_base(p, via) for p, via in candidates if p.capital and p.kind in LOCAL_KINDS and via == "name"),
                  default=None)  # fmt: skip
    # ("Marion" is one of the Marions of the US, not Reseda, Los Angeles, once called so; but
    # "Saint Louis" is St. Louis, not the small Saint Louis, Michigan)
    towns: dict[str | None, int] = defaultdict(int)  # the largest town of each country whose own name it is
    for p, via in candidates:
        if p.kind in LOCAL_KINDS and via == "name":
            towns[p.country] = max(towns[p.country], p.population or 0)

    def shadowed(p: Place, via: str) -> bool:
        alias = p.kind in LOCAL_KINDS and via == "alias"
        own = towns.get(p.country, 0)
        home = p.country in named or (own >= OWN_NAME_POPULATION and own >= (p.population or 0) / 2)
        return alias and (home or (capital is not None and _base(p, via) >= capital))

    return [(p, via) for p, via in candidates if not shadowed(p, via)]


def _apply_containers(text: str, recognised: list[Recognised], keys: list[str], groups: dict[str, _Group]) -> None:
    """'Paris, Texas': Paris keeps the candidates in Texas, Texas the regions containing one."""
    for (a, key_a), (b, key_b) in itertools.pairwise(zip(recognised, keys, strict=True)):
        if text[a.mention.end : b.mention.start].strip() != ",":
            continue
        inner, outer = groups[key_a], groups[key_b]
        pairs = [(p, q) for p, _ in inner.candidates for q, _ in outer.candidates if _lies_in(p, q)]
        if pairs:
            inner.containers = (inner.containers or set()) | {p.id for p, _ in pairs}
            outer.containers = (outer.containers or set()) | {q.id for _, q in pairs}


def _apply_region_words(
    text: str, recognised: list[Recognised], keys: list[str], afters: list[str], groups: dict[str, _Group]
) -> None:
    """'Russia's Krasnodar region', 'the Bryansk and Belgorod regions': mark the names that every
    mention calls a region (see _region_of_the_town). `afters`: the word after each mention."""
    regional: dict[str, int] = defaultdict(int)  # how many of each name's mentions a region word follows
    for n, after in enumerate(afters):
        if after in REGION_WORDS:
            regional[keys[n]] += 1
        elif after.removesuffix("s") in REGION_WORDS:
            # and the names listed before a plural ("the Bryansk and Belgorod regions")
            first = n
            while first and text[recognised[first - 1].mention.end : recognised[first].mention.start].strip() in (
                ",", "and", ", and"
            ):  # fmt: skip
                first -= 1
            for key in set(keys[first : n + 1]):
                regional[key] += 1
    for key, count in regional.items():
        # (only where every mention is the region's: "Kursk region … fled from Kursk to Moscow" keeps the town)
        groups[key].regional = count == len(groups[key].recognised)


def _region_of_the_town(group: _Group) -> None:
    """A name chosen as a town that every mention calls a region becomes the admin-1 region of that
    name in the town's country, where there is one (not "the Gulf states", whose Gulf is no town,
    nor "Spain's Granada province", which is no admin-1 region)."""
    town = group.chosen
    if not group.regional or town is None or town.kind not in LOCAL_KINDS:
        return
    region = next((p for p, _ in _options(group) if p.kind == "admin1" and p.country == town.country), None)
    if region is not None:
        group.chosen = region
        if group.scores is not None:  # (the two swap scores: the region is as sure as the town was)
            scores = group.scores
            group.scores = {**scores, region.id: scores.get(town.id, 0.0), town.id: scores.get(region.id, 0.0)}


def _lies_in(place: Place, area: Place) -> bool:
    if place.id == area.id or place.country != area.country or place.country is None:
        return False
    if area.kind == "country":
        return place.kind != "country"
    return area.kind == "admin1" and place.kind == "city" and place.admin1 == area.name


def _options(group: _Group) -> list[tuple[Place, str]]:
    """The group's candidates that its "City, Region" patterns allow."""
    if group.containers is None:
        return group.candidates  # read, never changed
    return [(p, v) for p, v in group.candidates if p.id in group.containers]


def _base(place: Place, via: str) -> float:
    return place.prominence + VIA_BONUS[via]


def _best(group: _Group, scores: dict[str, float]) -> Place | None:
    options = _options(group)
    if len(options) < 2:
        return options[0][0] if options else None
    # the highest score rounded to 9 places, ties to the least id (the first of equals): what
    # min() with the key (-round(score, 9), id) gives, without a key tuple per candidate and with
    # only the scores next to the highest rounded (rounding keeps order: the others round lower)
    # scores() gave every candidate its score; before it, _base
    raw = [scores[p.id] for p, _ in options] if scores else [p.prominence + VIA_BONUS[v] for p, v in options]
    high = max(raw)
    top, near = round(high, 9), high - 1e-6 * max(1.0, abs(high))
    best: Place | None = None
    for (place, _), score in zip(options, raw, strict=True):
        if score >= near and round(score, 9) == top and (best is None or place.id < best.id):
            best = place
    return best


class _Context:
    """What the document's other mentions (as currently resolved) say about each candidate."""

    def __init__(self, groups: dict[str, _Group], before: _Context | None = None) -> None:
        self.countries: dict[str, set[str]] = defaultdict(set)  # country code -> groups naming it
        towns: list[tuple[str, LatLon]] = []  # towns and counties as now resolved
        self.country_points: list[tuple[str, LatLon]] = []  # the countries as now resolved
        for group in groups.values():
            if group.weak:
                continue
            chosen = group.chosen
            if chosen is not None and chosen.country:
                self.countries[chosen.country].add(group.key)
            if chosen is not None and chosen.kind in LOCAL_KINDS:
                towns.append((group.key, chosen.point))
            if chosen is not None and chosen.kind == "country":
                self.country_points.append((group.key, chosen.point))
        # what the candidates say does not change from round to round, nor do the distances to the
        # towns when the same towns are chosen again
        if before is None:
            self.admin1, self.candidate_admin1 = _regions(groups)
        else:
            self.admin1, self.candidate_admin1 = before.admin1, before.candidate_admin1
        self.towns = before.towns if before is not None and before.towns.points == towns else _Towns(towns)

    def scores(self, group: _Group) -> dict[str, float]:
        out = {}
        key, countries, admin1, candidate_admin1 = group.key, self.countries, self.admin1, self.candidate_admin1
        in_named_country = any(p.country and _others(countries.get(p.country), key) for p, _ in group.candidates)
        for place, via in group.candidates:
            score = place.prominence + VIA_BONUS[via]  # _base
            if group.governs and place.capital:
                score += CAPITAL_BONUS
            country = place.country
            named = bool(country) and _others(countries.get(country), key)
            if named:
                score += COUNTRY_BONUS
            # only towns lie in a region, and only regions hold towns: the kind decides which to ask
            # (_contained_in_named_region and _contains_named_town, written out: this runs for
            # every candidate of every name, in every round)
            if place.kind in LOCAL_KINDS:
                if place.admin1 and country and _others(candidate_admin1.get((country, place.admin1)), key):
                    # (the region named says the country: "California" lifts Pittsburg, CA once, not twice)
                    score += CONTAINS_BONUS - (COUNTRY_BONUS if named else 0.0)
                score += self._nearby(group, place)
                if place.kind == "admin2" and place.id in group.ranked_by_size:
                    score -= KIND_BONUS["admin2"]  # the county's handicap lifted
            elif country is None and not in_named_country:
                # "the Gulf" beside Saudi Arabia and Qatar: a sea or a region of no one country is
                # backed by the countries named beside it, the more the likelier (unless the name
                # has a place in one of them: "Kurdistan, Iran" is the province)
                beside = self._named_countries_beside(group, place)
                score += BESIDE_BONUS + BESIDE_EACH * (min(beside, 3) - 1) if beside else 0.0
            elif place.kind == "admin1":
                if country and _others(admin1.get((country, place.name)), key):
                    score += CONTAINS_BONUS
                if place.id in group.ranked_by_size:
                    score -= KIND_BONUS["admin1"]  # the region's handicap lifted
            out[place.id] = score
        return out

    def _named_countries_beside(self, group: _Group, place: Place) -> int:
        """How many countries the document names (not by this name) lie within BESIDE_KM of the place."""
        return sum(
            key != group.key and distance_km(point, place.point) <= BESIDE_KM for key, point in self.country_points
        )

    def supported(self, group: _Group, place: Place) -> bool:
        """Whether a weak mention's place is backed by the rest of the document: it is large, or
        named with its region ("Mobile, Ala."), or its region is named elsewhere ("Mobile" and
        "Alabama"), or it is a region and a town in it is named; or, weak only as a person's name,
        it is a town within 100 km of another the document names ("drove from Lawton to Tulsa")."""
        if place.prominence >= WEAK_MIN_PROMINENCE or group.containers is not None:
            return True
        if group.surname and place.kind in LOCAL_KINDS and self.towns.nearest(place.point, group.key) <= SURNAME_KM:
            return True
        return self._contained_in_named_region(group, place) or self._contains_named_town(group, place)

    def anchored(self, group: _Group, place: Place) -> bool:
        """Whether the document names something else in the place's country, or near it."""
        in_country = _others(self.countries.get(place.country or ""), group.key)
        return in_country or group.containers is not None or self._nearby(group, place) > 0

    def _nearby(self, group: _Group, place: Place) -> float:
        """NEARBY_BONUS by the distance to the nearest town the document names (not this name)."""
        nearest = self.towns.nearest(place.point, group.key)
        for km, bonus in NEARBY_BONUS:
            if nearest <= km:
                return bonus
        return 0.0

    def _contained_in_named_region(self, group: _Group, place: Place) -> bool:
        """A town whose admin-1 region another mention may name ("Gainesville" and "Georgia")."""
        if place.kind not in LOCAL_KINDS or not place.admin1 or not place.country:
            return False
        return _others(self.candidate_admin1.get((place.country, place.admin1)), group.key)

    def _contains_named_town(self, group: _Group, place: Place) -> bool:
        """A region in which another mention may name a town ("Georgia" and "Gainesville")."""
        if place.kind != "admin1" or not place.country:
            return False
        return _others(self.admin1.get((place.country, place.name)), group.key)


def _regions(groups: dict[str, _Group]) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], set[str]]]:
    """The groups with a candidate town in each (country, admin-1 region), and those with a
    candidate region of that name."""
    admin1: dict[tuple[str, str], set[str]] = defaultdict(set)
    candidate_admin1: dict[tuple[str, str], set[str]] = defaultdict(set)
    for group in groups.values():
        if group.weak:
            continue
        for place, _ in group.candidates:
            if place.kind == "admin1" and place.country:
                candidate_admin1[(place.country, place.name)].add(group.key)
            if place.kind in LOCAL_KINDS and place.country and place.admin1:
                admin1[(place.country, place.admin1)].add(group.key)
    return admin1, candidate_admin1


def _others(keys: set[str] | None, key: str) -> bool:
    """Whether `keys` holds a key other than `key` (without building the difference)."""
    return keys is not None and len(keys) > (key in keys)


class _Towns:
    """Points by key, for the distance from a candidate to the nearest town a document names.

    On a long text every candidate against every named town was quadratic, so beyond a few
    points they are also kept in cells of a grid over the unit sphere, one grid per NEARBY_BONUS
    radius, and a question looks at the 27 cells around its point only. Distances are still
    `distance_km`'s: the grid only leaves out points that cannot be near. Each answer is
    remembered, for the rounds that choose the same towns again."""

    FEW = 32  # up to this many points, look at them all

    def __init__(self, points: list[tuple[str, LatLon]]) -> None:
        self.points = points
        # each town's latitude and longitude in radians and the cosine of its latitude, worked out
        # once rather than for every candidate measured against it
        self.measured = [_radians(key, point) for key, point in points]
        # a cell a little wider than the chord of its radius: a point within the radius of another
        # lies in one of the 27 cells around the other's
        self.sizes = {km: 1.001 * 2 * math.sin(km / (2 * EARTH_RADIUS_KM)) for km, _ in sorted(NEARBY_BONUS)}
        self.cells: dict[float, dict[tuple[int, int, int], list[_Measured]]] = {km: {} for km in self.sizes}
        if len(points) > self.FEW:
            for (_, point), town in zip(points, self.measured, strict=True):
                for km, size in self.sizes.items():
                    self.cells[km].setdefault(_cell(point, size), []).append(town)
        self.answers: dict[tuple[LatLon, str], float] = {}

    def nearest(self, point: LatLon, exclude: str) -> float:
        """The distance from `point` to the nearest point not under the key `exclude`; exact up to
        the largest radius, and beyond it infinite."""
        answer = self.answers.get((point, exclude))
        if answer is None:
            answer = self.answers[(point, exclude)] = self._nearest(point, exclude)
        return answer

    def _nearest(self, point: LatLon, exclude: str) -> float:
        here = _radians(exclude, point)
        if len(self.points) <= self.FEW:
            # the nearest by haversine term, then its distance: the distance grows with the term
            # (sqrt, asin and the product keep order), so it is the least distance, to the bit.
            # The term is _term's, written out: this is asked for every candidate town of a text.
            # A loop, not min() over a generator: a text names few towns (3.5 on average in LGL).
            _, lat1, lon1, cos1 = here
            sin = math.sin
            least = None
            for key, lat2, lon2, cos2 in self.measured:
                if key != exclude:
                    term = sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * sin((lon2 - lon1) / 2) ** 2
                    if least is None or term < least:
                        least = term
            return math.inf if least is None else _km(least)
        for km, size in self.sizes.items():  # smallest radius first: in a dense text the answer is close by
            x, y, z = _cell(point, size)
            cells = self.cells[km]
            near = [
                d
                for cell in itertools.product((x - 1, x, x + 1), (y - 1, y, y + 1), (z - 1, z, z + 1))
                for town in cells.get(cell, ())
                if town[0] != exclude and (d := _distance(here, town)) <= km
            ]
            if near:
                return min(near)
        return math.inf


_Measured = tuple[str, float, float, float]  # a key, latitude and longitude in radians, cos(latitude)


def _radians(key: str, point: LatLon) -> _Measured:
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return key, lat, lon, math.cos(lat)


def _distance(a: _Measured, b: _Measured) -> float:
    """`distance_km` between two measured points: the same operations in the same order, so the
    same float, without converting either point again."""
    return _km(_term(a, b))


def _term(a: _Measured, b: _Measured) -> float:
    """The haversine of the angle between two measured points."""
    _, lat1, lon1, cos1 = a
    _, lat2, lon2, cos2 = b
    return math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2


def _km(h: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _cell(point: LatLon, size: float) -> tuple[int, int, int]:
    lat, lon = math.radians(point[0]), math.radians(point[1])
    x, y, z = math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)
    return math.floor(x / size), math.floor(y / size), math.floor(z / size)


def _confidence(group: _Group) -> float:
    scores = group.scores or {}
    options = _options(group)
    values = [scores.get(p.id, _base(p, v)) for p, v in options]
    if not values or group.chosen is None:
        return 0.0
    top = scores.get(group.chosen.id, max(values))
    share = 1.0 / sum(math.exp(SHARPNESS * (v - top)) for v in values)
    return share * (0.6 if group.weak else 1.0)
