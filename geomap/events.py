"""The fourth stage: events between places, each with its type, direction, date and evidence.

Rules, not a model, and every rule general: a sentence's trigger words (from the type lexicon,
`data/event_types.json`) meet the places, demonyms and people the sentence names, and the words
before each place give its role:

- "from X", "out of X", "left X" → origin; "to Y", "into Y", "for Y" (after leaving), "against Y",
  "sanctions on Y" → destination; "in Y"/"at Y" → where it happened (the target of a sanction or a
  war, the destination of a visit); "between X and Y", "with Y" → parties of an undirected event;
  "by X" after a passive verb → the agent;
- with no preposition, a place before the trigger is its agent (the origin), after it its object
  (the destination): "Washington sanctioned Slovak national …"; in the passive ("were added to
  the list") the subject is the target;
- a demonym agent that takes something out of another country takes it home ("Russian aircraft
  were taking supplies out of Pyongyang" → Pyongyang → Russia);
- lists fan out ("companies in Slovakia, Russia and Kazakhstan": one event each); people named
  with their country once ("North Korean leader Kim Jong-un") stand for it everywhere ("Kim");
- an event that names one end only takes the other from the document's previous event of the
  same kind (the sanctioning country, the visited place), with lower confidence;
- negated or hypothetical events ("did not ship", "could send", "plans to transfer") are kept but
  marked with their `modality` and never drawn as fact; hedges ("believed to") lower confidence.

Repeated mentions of the same flow merge into one event with a count and all their evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import importlib.resources
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from geomap.dates import DateMention, find_dates
from geomap.errors import InputError
from geomap.gazetteer import Gazetteer, Place
from geomap.people import Person, find_people
from geomap.places import GOVERNMENT_VERBS, FoundPlace
from geomap.schema import EVENT_TYPES_SCHEMA, load_json, validate
from geomap.text import Token, tokens, word_after
from geomap.text import in_dateline as in_dateline_at
from geomap.text import sentences as split_sentences

# a promise named as a thing, after one of these, is no promise of what follows ("kept its promise and shipped")
PROMISES = frozenset({"promise", "promises", "pledge", "pledges"})
# triggers that only promise what they name ("Japan pledged aid to Nepal")
PLEDGES = PROMISES | {"pledged", "pledging", "promised", "promising"}
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
MODALITIES = ("asserted", "negated", "hypothetical")
REPORTING = frozenset("said says say told tells reported reports according added noted stated quoted".split())
BE = frozenset("is are was were be been being get got gets".split())
SKIPPED = frozenset("the a an its their his her our this that these those".split())
POSSESSIVE_PRONOUNS = frozenset("its their his her".split())
IRREGULAR_PARTICIPLES = frozenset(
    "sent taken brought sold bought struck shot flown given hit fled met left made done seen begun".split()
)
TITLE_WORDS = frozenset(
    "leader president minister national official officials citizen businessman businesswoman general envoy "
    "ambassador chief head spokesman spokeswoman diplomat foreign defense defence prime deputy secretary "
    "commander dictator king queen premier chairman delegation delegate representative officer crown prince "
    "princess emir sultan chancellor negotiator mediator adviser advisor aide spokesperson".split()
)
# Words before a title that keep it a title: "Georgia's top official", "the former prime minister".
TITLE_MODIFIERS = frozenset("top senior former acting new veteran then chief".split())
OFFICIAL_WORDS = frozenset(
    "leader president minister envoy ambassador delegation officials official diplomat secretary premier "
    "chancellor king queen commander general".split()
)
# Prepositions before a place, and the role they give it.
PREPOSITIONS = {
    ("from",): "origin",
    ("out", "of"): "origin",
    ("to",): "destination",
    ("into",): "destination",
    ("toward",): "destination",
    ("towards",): "destination",
    ("against",): "destination",
    ("onto",): "destination",
    ("on",): "target",
    ("for",): "for",
    ("in",): "location",
    ("at",): "location",
    ("inside",): "location",
    ("within",): "location",
    ("between",): "between",
    ("with",): "party",
    ("by",): "by",
    ("via",): "via",
    ("through",): "via",
    ("of",): "of",
}
# The prepositions that end with each word, in PREPOSITIONS' order: only those can end at a word.
_PREPOSITIONS_BY_LAST = {
    last: [(prep, role) for prep, role in PREPOSITIONS.items() if prep[-1] == last]
    for last in dict.fromkeys(prep[-1] for prep in PREPOSITIONS)
}
SUBJECT_WINDOW = 8  # tokens between an agent and its trigger, at most
INHERIT_SENTENCES = 3  # how far back an event may take its missing end from
UNIT_WINDOW = 15  # a place further than this from every trigger takes part in none
INHERITED = 0.6  # confidence factor for an end taken from the previous event
HEDGED = 0.8


# --- The type lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EventType:
    name: str
    description: str
    directed: bool
    triggers: tuple[str, ...]
    cargo: tuple[str, ...] = ()
    cargo_decides: bool = False
    moves: bool = False  # a movement: a scheduled one is a flow
    location_is_destination: bool = False  # "strikes in Gaza": where it happens is where it goes
    inherit: frozenset[str] = frozenset()  # ends a later event of the type may take from an earlier one
    capital_is_country: bool = False  # "recalled its ambassador to Moscow": the state is the end
    comes_to_focus: bool = False  # "donations from Spain", in a report on the US: they come to the US


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Event types and the words that signal them, as read from event_types.json. Built once per
    process and shared read-only, so compared and hashed by identity (readers cache tables per lexicon)."""

    types: Mapping[str, EventType]
    movement: frozenset[str]
    departure: frozenset[str]
    negation: frozenset[str]
    hypothetical: frozenset[str]
    hedges: frozenset[str]
    receiving: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    leaving: frozenset[str] = frozenset()
    irregular: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    phrases: Mapping[tuple[str, ...], tuple[str, str]] = field(default_factory=dict, repr=False)
    cargo: Mapping[str, str] = field(default_factory=dict, repr=False)

    def policy(self, type_: str, name: str) -> Any:
        """A per-type policy of the data (EventType's field `name`); False for a type not listed."""
        spec = self.types.get(type_)
        return getattr(spec, name) if spec else False

    def inherits(self, type_: str, end: str) -> bool:
        spec = self.types.get(type_)
        return spec is not None and end in spec.inherit

    def __post_init__(self) -> None:
        phrases, cargo = dict(self.phrases), dict(self.cargo)
        for t in self.types.values():
            for form in t.triggers:
                words = tuple(form.lower().split())
                for inflected in inflections(words[0], self.irregular) if len(words) == 1 else (words[0],):
                    phrases.setdefault((inflected,), ("type", t.name))
                phrases[words] = ("type", t.name)
            for word in t.cargo:
                cargo[word.lower()] = t.name
        for form in self.movement:
            phrases[(form,)] = ("movement", "")
        for form in self.departure:
            phrases[(form,)] = ("departure", "")
        # read-only: the bundled lexicon is built once per process and shared by every document
        for name, value in (("types", self.types), ("irregular", self.irregular), ("phrases", phrases),
                            ("cargo", cargo)):  # fmt: skip
            object.__setattr__(self, name, MappingProxyType(dict(value)))

    @functools.cached_property
    def one_word(self) -> Mapping[str, tuple[str, str]]:
        """The one-word triggers, by form: the types' one-word triggers with their inflections, and
        the movement and departure verbs; not the first words of phrases ('launched' of 'launched
        missiles' is no attack by itself)."""
        words: dict[str, tuple[str, str]] = {}
        for t in self.types.values():
            for form in t.triggers:
                if " " not in form.strip():
                    for inflected in inflections(form.lower(), self.irregular):
                        words.setdefault(inflected, ("type", t.name))
        words.update(dict.fromkeys(self.movement, ("movement", "")))
        words.update(dict.fromkeys(self.departure, ("departure", "")))
        return MappingProxyType(words)

    @functools.cached_property
    def longest(self) -> int:
        """Words in the longest trigger phrase."""
        return max(map(len, self.phrases), default=1)

    @functools.cached_property
    def openers(self) -> frozenset[str]:
        """The words a trigger phrase starts with: at any other word, `trigger_at` finds nothing."""
        return frozenset(self._lengths)

    @functools.cached_property
    def _lengths(self) -> dict[str, tuple[int, ...]]:
        """The lengths of the trigger phrases that start with each word, longest first."""
        lengths: dict[str, set[int]] = {}
        for phrase in self.phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        return {word: tuple(sorted(n, reverse=True)) for word, n in lengths.items()}

    def trigger_at(self, words: Sequence[str], i: int) -> tuple[int, str, str] | None:
        """(length, kind, type) of the longest trigger phrase starting at words[i]."""
        for length in self._lengths.get(words[i], ()):
            if i + length <= len(words):
                found = self.phrases.get(tuple(words[i : i + length]))
                if found:
                    return length, *found
        return None


def inflections(lemma: str, irregular: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """A trigger lemma and its English inflections, deterministic and without a model
    ('hack': hacks, hacked, hacking); a lemma the data lists under `inflections` has those forms
    instead ('strike': struck; 'aid' has no 'aids').
    A word that already looks inflected ('shelled', 'bombing') stands for itself only.

    >>> inflections("hack")
    ('hack', 'hacked', 'hacking', 'hacks')
    >>> inflections("ship")
    ('ship', 'shipped', 'shipping', 'ships')
    """
    w = lemma.lower()
    if irregular and w in irregular:
        return tuple(sorted({w, *irregular[w]}))
    out = {w}
    if not w.isalpha() or len(w) < 3 or w.endswith(("ed", "ing")):
        return tuple(sorted(out))
    vowel = "aeiou"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        out.add(w + "es")
    elif w.endswith("y") and w[-2] not in vowel:
        out.add(w[:-1] + "ies")
    else:
        out.add(w + "s")
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in vowel:
        out |= {w[:-1] + "ied", w + "ing"}
    elif w[-1] not in vowel + "wxy" and w[-2] in vowel and w[-3] not in vowel and len(w) <= 4:
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # one short syllable: ship, shipped
    else:
        out |= {w + "ed", w + "ing"}
    return tuple(sorted(out))


def load_lexicon(path: str | os.PathLike[str] | None = None) -> Lexicon:
    """The bundled lexicon, with the types of a user's JSON file (same shape) added or replaced.
    The bundled one alone is built once per process (it is read-only)."""
    if path is None:
        return _bundled()
    data = _bundled_lexicon()
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: cannot read event types: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from None
    extra = load_json(content, str(path))
    validate(extra, EVENT_TYPES_SCHEMA, str(path))  # the shape of geomap/data/event_types.json
    data = {**data, "types": {**data["types"], **extra["types"]}}
    return _lexicon(data)


@functools.cache
def _bundled() -> Lexicon:
    return _lexicon(_bundled_lexicon())


@functools.cache
def _bundled_lexicon() -> dict[str, Any]:
    return json.loads((importlib.resources.files("geomap") / "data" / "event_types.json").read_text(encoding="utf-8"))


def _lexicon(data: dict[str, Any]) -> Lexicon:
    """The Lexicon of data in the shape of data/event_types.schema.json (checked before, or bundled)."""
    types = {}
    for name, spec in data["types"].items():
        types[name] = EventType(
            name=name,
            description=spec.get("description", ""),
            directed=bool(spec.get("directed", True)),
            triggers=tuple(spec["triggers"]),
            cargo=tuple(spec.get("cargo", ())),
            cargo_decides=bool(spec.get("cargo_decides", False)),
            moves=bool(spec.get("moves", False)),
            location_is_destination=bool(spec.get("location_is_destination", False)),
            inherit=frozenset(spec.get("inherit", ())),
            capital_is_country=bool(spec.get("capital_is_country", False)),
            comes_to_focus=bool(spec.get("comes_to_focus", False)),
        )
    return Lexicon(
        types=types,
        movement=frozenset(data["movement"]["verbs"]),
        departure=frozenset(data["movement"]["departure"]),
        negation=frozenset(data["negation"]),
        hypothetical=frozenset(data["hypothetical"]),
        hedges=frozenset(data["hedges"]),
        receiving=frozenset(data.get("receiving", {}).get("forms", ())),
        reciprocal=frozenset(data.get("reciprocal", {}).get("words", ())),
        irregular={k.lower(): tuple(v) for k, v in data.get("inflections", {}).items() if k != "about"},
        leaving=frozenset(data["movement"].get("leaving", {}).get("forms", ())),
    )


# --- The records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """The sentence an event was read from: text[start:end] == text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Event:
    """Something that happened between places (or at one place: `location`, no origin).

    `origin`, `destination` and `location` are place ids of the document's places. `date` is ISO
    (a day, a month "2023-03", or a range "2023-08-01/2023-08-02") with its `date_precision`.
    """

    id: str
    type: str
    origin: str | None
    destination: str | None
    directed: bool = True
    location: str | None = None
    date: str | None = None
    date_precision: str | None = None
    actors: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0
    rule: str = ""
    modality: str = "asserted"
    count: int = 1
    label: str | None = None

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise ValueError(f"modality {self.modality!r} is not one of {', '.join(MODALITIES)}")
        if self.origin is None and self.destination is None and self.location is None:
            raise ValueError("an event needs an origin and a destination, or a location")

    @property
    def asserted(self) -> bool:
        return self.modality == "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "origin": self.origin,
            "destination": self.destination,
            "location": self.location,
            "directed": self.directed,
            "date": self.date,
            "date_precision": self.date_precision,
            "actors": list(self.actors),
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "count": self.count,
            "rule": self.rule,
            "label": self.label,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def event_id(
    type_: str, origin: str | None, destination: str | None, location: str | None, date: str | None, modality: str
) -> str:
    """A stable id: the same flow on the same date gets the same id in every run."""
    key = "|".join(str(x) for x in (type_, origin, destination, location, date, modality))
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


# --- Reading the text -----------------------------------------------------------------------------


@dataclass
class _Party:
    """A place, demonym or person in the text, standing for a place."""

    first: int  # token indices, end exclusive
    last: int
    place: Place
    kind: str  # place, demonym or person
    actor: str | None = None
    confidence: float = 1.0


@dataclass
class _Trigger:
    first: int
    last: int
    kind: str  # type, movement or departure
    type: str
    word: str


@dataclass
class _Draft:
    type: str
    origin: _Party
    destination: _Party
    location: _Party | None
    directed: bool
    trigger: _Trigger
    sentence: tuple[int, int]
    rule: str
    confidence: float
    modality: str
    actors: tuple[str, ...]
    date: DateMention | None


def extract_events(
    text: str,
    places: Sequence[FoundPlace],
    *,
    date: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    toks: list[Token] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    people: Sequence[Person] | None = None,
    dates: Sequence[DateMention] | None = None,
) -> list[Event]:
    """The events `text` asserts (and those it negates or supposes, marked) between its places.

    The text's tokens, `sentences` (spans), well-known `people` (`find_people(toks, alone=True)`)
    and `dates` (`find_dates(text, date)`) are found here unless given: a pipeline finds them once.
    """
    lexicon = lexicon or load_lexicon()
    toks = tokens(text) if toks is None else toks
    if not toks:
        return []
    words = list(map(str.lower, map(attrgetter("text"), toks)))  # per word, without a Python call
    starts = list(map(attrgetter("start"), toks))
    parties = find_parties(text, toks, starts, places, gazetteer, people)
    in_party = {i for p in parties for i in range(p.first, p.last)}
    triggers = _triggers(words, lexicon, in_party)
    dates = find_dates(text, date) if dates is None else dates
    # parties, triggers and dates are in text order: each sentence's are a slice, found by bisection
    party_first = [p.first for p in parties]
    trigger_first = [t.first for t in triggers]
    date_start = [d.start for d in dates]
    drafts: list[_Draft] = []
    for s_start, s_end in split_sentences(text, toks) if sentences is None else sentences:
        first = bisect.bisect_left(starts, s_start)
        last = bisect.bisect_left(starts, s_end)
        here = parties[bisect.bisect_left(party_first, first) : bisect.bisect_left(party_first, last)]
        sentence_triggers = triggers[bisect.bisect_left(trigger_first, first) : bisect.bisect_left(trigger_first, last)]
        if not here and not sentence_triggers:
            continue  # no place and no trigger: no event (most sentences of a long text)
        sentence_dates = dates[bisect.bisect_left(date_start, s_start) : bisect.bisect_left(date_start, s_end)]
        here = [p for p in here if not _is_source(text, toks, words, p, (first, last), sentence_triggers, here)]
        _sentence_events(
            text, toks, words, (s_start, s_end), (first, last), here, sentence_triggers, sentence_dates, lexicon, drafts
        )
    return merge_drafts(text, as_states(drafts, lexicon, gazetteer))


def find_parties(
    text: str,
    toks: list[Token],
    starts: list[int],
    places: Sequence[FoundPlace],
    gazetteer: Gazetteer | None,
    well_known: Sequence[Person] | None = None,
) -> list[_Party]:
    """Every mention of a place, plus the people the text ties to a country, and the `well_known`
    people (`find_people(toks, alone=True)`, found here unless given) where no place was read."""
    out: list[_Party] = []
    for found in places:
        for m in found.mentions:
            first = bisect.bisect_left(starts, m.start)
            last = bisect.bisect_left(starts, m.end)
            kind = "demonym" if m.via == "demonym" else "place"
            place = government(found.place, word_after(text, m.end), gazetteer)
            actor = m.text if place is not found.place else None
            out.append(_Party(first, max(last, first + 1), place, kind, actor=actor, confidence=found.confidence))
    out.sort(key=lambda p: p.first)
    out = [p for i, p in enumerate(out) if not _is_container(text, toks, out, i)]
    people: dict[str, _Party] = {}
    taken = {i for p in out for i in range(p.first, p.last)}
    for party in out:
        phrase, names = _actor_phrase(text, toks, party, gazetteer, taken)
        party.actor = party.actor or phrase
        if party.kind == "demonym" or party.place.kind == "country":
            for name in names:
                people.setdefault(name, party)
    # only at the words that are one of their names (found in C), not a Python loop over every word
    for i in compress(count(), map(people.__contains__, map(attrgetter("text"), toks))) if people else ():
        tok = toks[i]
        owner = people.get(tok.text)
        inside = owner is not None and 0 <= tok.start - toks[owner.first].start < len(owner.actor or "")
        if owner is not None and i not in taken and not inside:
            out.append(_Party(i, i + 1, owner.place, "person", actor=owner.actor or tok.text))
            taken.add(i)
    # well-known people who act for a state ("Putin flew to Ankara"), where no place was read
    if gazetteer is None:
        well_known = ()
    elif well_known is None:
        well_known = find_people(toks, alone=True)
    for person in well_known:
        country = gazetteer.get_country(person.country)
        if country is not None and not taken.intersection(range(person.first, person.last)):
            out.append(_Party(person.first, person.last, country, "person", actor=person.name))
    return sorted(out, key=lambda p: p.first)


def government(place: Place, following: str, gazetteer: Gazetteer | None) -> Place:
    """'Washington sanctioned', 'Moscow denied': a capital acting stands for its country's government,
    so the event's end is the country (the country's place from the gazetteer)."""
    if not (place.capital and place.country and following in GOVERNMENT_VERBS and gazetteer is not None):
        return place
    return gazetteer.get_country(place.country) or place


def _is_container(text: str, toks: list[Token], parties: list[_Party], i: int) -> bool:
    """'Pyongyang, North Korea': the country after the town only says where the town is (but
    'Utah, Colorado and Idaho' lists three states: a state holds no state)."""
    if i == 0:
        return False
    before, party = parties[i - 1], parties[i]
    inner, outer = before.place, party.place
    contains = (
        inner.country == outer.country
        and outer.kind in ("country", "admin1")
        and inner.kind not in ("country", outer.kind)
    )
    return contains and text[toks[before.last - 1].end : toks[party.first].start].strip() == ","


@functools.cache
def _backers() -> frozenset[str]:
    """The words after a place and a hyphen by which it says who backs, funds or flags a group, not
    that the group is the place's own ("Iran-backed militias", "a Liberian-flagged tanker"): the
    syntax reader's `flags` (data/frames.json), read once, and only when a hyphen asks."""
    data = json.loads((importlib.resources.files("geomap") / "data" / "frames.json").read_text(encoding="utf-8"))
    return frozenset(data["flags"])


def _actor_phrase(
    text: str, toks: list[Token], party: _Party, gazetteer: Gazetteer | None, taken: set[int]
) -> tuple[str | None, list[str]]:
    """'Russian Defense Minister Sergei Shoigu': the phrase a place starts, and its people's names."""
    j = party.last
    names: list[str] = []
    if j + 1 < len(toks) and toks[j].text in ("'s", "’s") and toks[j].start == toks[j - 1].end:
        j += 1  # "Saudi Arabia's Crown Prince Mohammed"
    start = j
    while j < len(toks) and j - start < 7 and j not in taken:
        gap = text[toks[j - 1].end : toks[j].start]
        word = toks[j].text
        # "Secretary of State Hillary Clinton", "Minister for Trade Ana Soto": a title's own "of"
        linking = word in ("of", "for") and toks[j - 1].text.lower() in TITLE_WORDS and j + 1 < len(toks) and (
            toks[j + 1].text[:1].isupper())  # fmt: skip
        modifying = word in TITLE_MODIFIERS and j + 1 < len(toks) and toks[j + 1].text.lower() in TITLE_WORDS
        if gap == "-" and word.lower() in _backers():
            return None, []  # "the Iran-backed Huthi rebels" are not Iran's people
        if gap not in (" ", "-") or not (
            word[:1].isupper() or word.lower() in TITLE_WORDS or gap == "-" or linking or modifying
        ):
            break
        if word[:1].isupper() and word.lower() not in TITLE_WORDS and _proper_name(word, gazetteer):
            names.append(word)
        j += 1
    if j == start:
        return None, []
    # "Russia's foreign minister, Sergei Lavrov, said": a title's name in apposition
    if toks[j - 1].text.lower() in TITLE_WORDS and j < len(toks) and text[toks[j - 1].end : toks[j].start] == ", ":
        k = j
        while (
            k < len(toks)
            and k - j < 4
            and toks[k].text[:1].isupper()
            and text[toks[k - 1].end : toks[k].start] in (", ", " ")
        ):
            k += 1
        closed = k == len(toks) or toks[k].text in (",", ".") or toks[k].text[:1].islower()
        appositive = [t.text for t in toks[j:k] if _proper_name(t.text, gazetteer)]
        if 1 < k - j <= 3 and closed and len(appositive) == k - j and not taken.intersection(range(j, k)):
            names += appositive
            j = k
    return text[toks[party.first].start : toks[j - 1].end], names


def _proper_name(word: str, gazetteer: Gazetteer | None) -> bool:
    if len(word) < 3 or word.isupper():
        return False
    if gazetteer is None:
        return True
    ratio = gazetteer.case_ratio(word)
    return ratio is None or ratio < -1.5


def _triggers(words: list[str], lexicon: Lexicon, in_party: set[int]) -> list[_Trigger]:
    """Trigger phrases, longest first; neighbours that name one event ('pledged aid', 'sent a
    letter', 'refugees fled') become one trigger of the typed word's type."""
    merged: list[_Trigger] = []
    for trigger in _trigger_words(words, lexicon, in_party):
        previous = merged[-1] if merged else None
        if previous is not None and trigger.first - previous.last <= 2 and _one_event(previous, trigger):
            typed = previous if previous.kind == "type" else trigger
            merged[-1] = _Trigger(previous.first, trigger.last, "type", typed.type, typed.word)
        else:
            merged.append(trigger)
    return merged


def _one_event(a: _Trigger, b: _Trigger) -> bool:
    if "departure" in (a.kind, b.kind) or "type" not in (a.kind, b.kind):
        return False
    return a.kind == "movement" or b.kind == "movement" or a.type == b.type


def _trigger_words(words: list[str], lexicon: Lexicon, in_party: set[int]) -> list[_Trigger]:
    """Trigger phrases left to right, each starting after the one before ends."""
    found = []
    free = 0  # the first word not inside a trigger found
    openers = lexicon.openers  # at other words no phrase starts
    for i in list(compress(count(), map(openers.__contains__, words))):
        hit = None if i < free or i in in_party else lexicon.trigger_at(words, i)
        if hit is not None:
            length, kind, type_ = hit
            found.append(_Trigger(i, i + length, kind, type_, " ".join(words[i : i + length])))
            free = i + length
    return found


def in_dateline(text: str, toks: list[Token], party: _Party) -> bool:
    """'BEIRUT (AP) —', 'BAIKONUR, Kazakhstan —': where a report was filed, not who did what."""
    return in_dateline_at(text, toks[party.first].start, toks[party.last - 1].end)


def _is_source(
    text: str,
    toks: list[Token],
    words: list[str],
    party: _Party,
    bounds: tuple[int, int],
    triggers: list[_Trigger],
    parties: list[_Party],
) -> bool:
    """'…, South Korean intelligence said': who reports an event is not part of it."""
    first, last = bounds
    if party.first >= 2 and words[party.first - 2 : party.first] == ["according", "to"]:
        return True
    if in_dateline(text, toks, party):
        return True
    others = {p.first for p in parties if p is not party}
    others.update(t.first for t in triggers)  # a list or a trigger ends the reporting clause
    for j in range(party.last, min(last, party.last + 10)):
        if j in others:
            break
        if words[j] in REPORTING:
            # "India on Friday, the Treasury said": that verb has a subject of its own
            between = text[toks[party.last - 1].end : toks[j].start]
            return _COMMA_WORD.search(between) is None
    # inside a reporting frame: "Yoo told reporters in Seoul that …"
    for j in range(party.first - 1, max(first - 1, party.first - 6), -1):
        if words[j] in REPORTING:
            return any(words[k] == "that" for k in range(party.last, min(last, party.last + 3)))
    return False


# --- One sentence ---------------------------------------------------------------------------------


def _units(text: str, toks: list[Token], parties: list[_Party]) -> list[list[_Party]]:
    """Parties written as one list ("Slovakia, Russia, and Kazakhstan", "Russia-North Korea")."""
    units: list[list[_Party]] = []
    gaps: list[list[str]] = []
    for party in parties:
        if units:
            previous = units[-1][-1]
            gap = text[toks[previous.last - 1].end : toks[party.first].start]
            # ", and" ends a list of three or more; after a single item it starts a new clause
            clause = "," in gap and _AND_OR.search(gap) and len(units[-1]) < 2
            if _LIST_GAP.fullmatch(gap) and not clause and party.first > previous.last - 1:
                units[-1].append(party)
                gaps[-1].append(gap)
                continue
        units.append([party])
        gaps.append([])
    # a list is closed by "and", "or" or a hyphen; commas alone ("Kuwait, Egypt was …") join nothing
    out: list[list[_Party]] = []
    for unit, joins in zip(units, gaps, strict=True):
        closed = any(_CLOSES_LIST.search(g) for g in joins)
        out.extend([unit] if closed or len(unit) == 1 else [[p] for p in unit])
    return out


_COMMA_WORD = re.compile(r",\s*\w")
_AND_OR = re.compile(r"\b(and|or)\b")
_CLOSES_LIST = re.compile(r"\band\b|\bor\b|&|-|–")
_LIST_GAP = re.compile(r"[ ,]*(?:(?:and|or|&|-|–)[ ]*)?(?:the )?|-|–")


def _role(words: list[str], unit: list[_Party], sentence_first: int) -> str | None:
    """The role the words before a list give it: origin, destination, location, party, ... or None."""
    after = unit[-1].last
    if words[after : after + 1] == ["bound"]:
        return "destination"  # "Moscow-bound flights"
    i = unit[0].first - 1
    skipped = 0
    while i >= sentence_first and skipped < 3:
        for prep, role in _PREPOSITIONS_BY_LAST.get(words[i], ()):
            n = len(prep)
            if n == 1 or tuple(words[i - n + 1 : i + 1]) == prep:
                return role
        if words[i] in SKIPPED or words[i] in ("three", "two", "several", "some", "many"):
            i -= 1
            skipped += 1
            continue
        if words[i] in ("based", "headquartered", "located", "registered"):
            i -= 1
            continue
        return None
    return None


def _sentence_events(
    text: str,
    toks: list[Token],
    words: list[str],
    sentence: tuple[int, int],
    bounds: tuple[int, int],
    parties: list[_Party],
    triggers: list[_Trigger],
    dates: list[DateMention],
    lexicon: Lexicon,
    drafts: list[_Draft],
) -> None:
    """Adds the sentence's events to `drafts`, the document's so far (an event may take an end
    from an earlier one)."""
    first, last = bounds
    units = _units(text, toks, parties)
    triggers = [t for t in triggers if t.kind != "departure" or _departs(words, t, units)]  # not "second left"
    if not triggers:
        drafts.extend(_presence(words, units, sentence, first, dates))
        return
    by_trigger: dict[int, list[list[_Party]]] = {id(t): [] for t in triggers}
    for unit in units:
        nearest = min(triggers, key=lambda t: (_distance(unit, t), t.first))
        if _distance(unit, nearest) <= UNIT_WINDOW:
            by_trigger[id(nearest)].append(unit)
    bound_dates = bind_dates(text, toks, triggers, dates)
    for trigger in triggers:
        units_here, date = by_trigger[id(trigger)], bound_dates.get(id(trigger))
        drafts.extend(
            _trigger_events(
                text, toks, words, sentence, first, last, trigger, units_here, triggers, date, lexicon, drafts
            )
        )


def _distance(unit: list[_Party], trigger: _Trigger) -> int:
    return min(min(abs(p.first - trigger.last + 1), abs(p.last - 1 - trigger.first)) for p in unit)


def bind_dates(
    text: str, toks: list[Token], triggers: list[_Trigger], dates: list[DateMention]
) -> dict[int, DateMention]:
    """Each trigger's date: one written right before it ('the July meeting', no punctuation between)
    is its own; the others go to the nearest trigger."""
    out: dict[int, DateMention] = {}
    free = list(dates)
    for trigger in triggers:
        start = toks[trigger.first].start
        for d in free:
            if 0 <= start - d.end <= 12 and d.value is not None and text[d.end : start].strip(" ") == "":
                out[id(trigger)] = d
                free.remove(d)
                break
    for trigger in triggers:
        if id(trigger) in out or not free:
            continue
        start = toks[trigger.first].start
        out[id(trigger)] = min(free, key=lambda d: (d.value is None, abs(d.start - start)))  # may be shared
    return out


def _cargo_type(words: list[str], trigger: _Trigger, lexicon: Lexicon, first: int, last: int) -> str | None:
    best = None
    for j in range(max(first, trigger.first - 5), min(last, trigger.last + 8)):
        kind = lexicon.cargo.get(words[j])
        if kind is not None:
            distance = abs(j - trigger.first)
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None


def _event_type(words: list[str], trigger: _Trigger, lexicon: Lexicon, first: int, last: int) -> str | None:
    cargo = _cargo_type(words, trigger, lexicon, first, last)
    if trigger.kind == "type":
        spec = lexicon.types[trigger.type]
        return cargo if spec.cargo_decides and cargo and cargo != "visit" else trigger.type
    if cargo:
        return cargo
    # "left Seoul for Tokyo" is someone travelling; "storm moving into", "take risks" are no flow
    return "travel" if trigger.kind == "departure" else None


def _passive(words: list[str], trigger: _Trigger, first: int) -> bool:
    word = words[trigger.first]
    participle = word.endswith("ed") or word in IRREGULAR_PARTICIPLES
    before = [w for w in words[max(first, trigger.first - 3) : trigger.first] if w not in ("also", "already", "not")]
    return participle and any(w in BE for w in before[-2:])


def _modality(words: list[str], trigger: _Trigger, first: int, lexicon: Lexicon) -> tuple[str, bool]:
    window = words[max(first, trigger.first - 6) : trigger.first]
    # "Officials who could not be named said Iran shipped …": what precedes a reporting verb
    # qualifies the reporter, not the report
    reported = [k for k, w in enumerate(window) if w in REPORTING]
    if reported:
        window = window[reported[-1] + 1 :]
        first = max(first, trigger.first - 6) + reported[-1] + 1
    hedged = any(w in lexicon.hedges for w in words[first : trigger.first])
    if any(w in lexicon.negation for w in window) or any(
        w.startswith("den") and w in lexicon.negation for w in words[first : trigger.first]
    ):
        return "negated", hedged
    # (or the trigger itself: "Japan pledged aid to Nepal"; not a noun: "kept its promise and shipped")
    supposing = [k for k in range(trigger.first - len(window), trigger.first) if words[k] in lexicon.hypothetical]
    supposing += [trigger.first] if words[trigger.first] in PLEDGES else []
    if any(not (words[k] in PROMISES and k > 0 and words[k - 1] in DETERMINERS) for k in supposing):
        return "hypothetical", hedged
    return "asserted", hedged


def _trigger_events(
    text: str,
    toks: list[Token],
    words: list[str],
    sentence: tuple[int, int],
    first: int,
    last: int,
    trigger: _Trigger,
    units: list[list[_Party]],
    triggers: list[_Trigger],
    date: DateMention | None,
    lexicon: Lexicon,
    previous: list[_Draft],
) -> list[_Draft]:
    type_ = _event_type(words, trigger, lexicon, first, last)
    if type_ is None:
        return []  # a verb of moving with nothing named that moves
    spec = lexicon.types.get(type_)
    directed = spec.directed if spec else True
    if any(w in lexicon.reciprocal for w in words[max(first, trigger.first - 1) : trigger.last]):
        directed = False  # "exchanged letters", "mutual visits"
    passive = _passive(words, trigger, first)
    modality, hedged = _modality(words, trigger, first, lexicon)
    roles: dict[str, list[_Party]] = {}
    for unit in units:
        role = _role(words, unit, first)
        before = unit[-1].last <= trigger.first
        if role in (None, "of"):
            if before and (trigger.first - unit[-1].last <= SUBJECT_WINDOW or _possessive_before(words, trigger)):
                role = "patient" if passive else "agent"
            elif before:
                continue
            elif _same_clause(text, toks, trigger, unit):
                leaving = trigger.kind == "departure" or words[trigger.last - 1] in lexicon.leaving
                role = "origin" if leaving else "object"  # "left Pyongyang", "fled Iraq"
            else:
                continue
        elif role == "by":
            role = "agent"  # "delivered by Russia", "visited by Russian military aircraft"
        elif role == "for":
            role = "destination" if trigger.kind == "departure" or trigger.first < unit[0].first else "via"
        roles.setdefault(role, []).extend(unit)
    base = 0.9
    rule = trigger.kind if trigger.kind != "type" else "trigger"
    if not directed:
        return [
            make_draft(type_, a, b, (roles.get("location") or [None])[0], False, trigger, sentence, f"{rule}:parties",
                   base, modality, hedged, date)
            for a, b in _pairs(roles)
        ]  # fmt: skip
    origins = roles.get("origin", [])
    destinations = roles.get("destination", []) + roles.get("target", [])
    agents = roles.get("agent", [])
    how = "explicit"
    if not destinations:
        destinations = roles.get("object", []) + roles.get("patient", [])
        how = "object"
    if not destinations and lexicon.policy(type_, "location_is_destination"):
        destinations = roles.get("location", [])
        how = "location"
    if not destinations and roles.get("party"):
        # "deals with North Korea and Iran": a directed type with parties becomes undirected events, one a pair
        return [
            make_draft(type_, a, b, None, False, trigger, sentence, f"{rule}:with", base * 0.9, modality, hedged, date)
            for a in distinct(origins or agents)
            for b in distinct(roles["party"])
            if a.place.id != b.place.id
        ]  # fmt: skip
    if origins and not destinations:
        homeward = [
            a for a in agents if a.kind in ("demonym", "person") and a.place.country != origins[0].place.country
        ]
        if homeward:
            destinations, how = homeward[:1], "homeward"
    if any(w in lexicon.receiving for w in words[trigger.first : trigger.last]) and agents:
        destinations, agents, how = destinations or agents, [], "receiving"  # "Kenya imported wheat from Ukraine"
    if not origins:
        origins = agents
    confidence = base if how == "explicit" else 0.8 if how in ("object", "location") else 0.7
    if destinations and not origins:
        inherited = None
        if lexicon.inherits(type_, "origin"):
            inherited = _previous(previous, type_, lambda d: d.origin is not None, sentence, text)
        if inherited is None:
            return []
        origins, rule, confidence = [inherited.origin], f"{rule}:previous-origin", confidence * INHERITED  # type: ignore[list-item]
    if origins and not destinations and lexicon.inherits(type_, "destination"):
        country = origins[0].place.country
        inherited = _previous(
            previous,
            None,
            lambda d: (
                lexicon.inherits(d.type, "destination")
                and d.origin is not None
                and d.destination is not None
                and d.origin.place.country == country
            ),
            sentence,
            text,
            within=None,  # the same origin country and a movement: anywhere in the document
        )
        if inherited is None:
            return []
        destinations, rule, confidence = [inherited.destination], f"{rule}:previous-destination", confidence * INHERITED  # type: ignore[list-item]
    drafts = []
    for origin in distinct(origins):
        for destination in distinct(destinations):
            if origin.place.id == destination.place.id:
                continue
            drafts.append(
                make_draft(
                    type_,
                    origin,
                    destination,
                    None,
                    True,
                    trigger,
                    sentence,
                    f"{rule}:{how}",
                    confidence,
                    modality,
                    hedged,
                    date,
                )
            )
    return drafts


def _same_clause(text: str, toks: list[Token], trigger: _Trigger, unit: list[_Party]) -> bool:
    """Whether no comma, semicolon, colon or quotation mark stands between a trigger and a list after it."""
    gap = text[toks[trigger.last - 1].end : toks[unit[0].first].start]
    return not any(c in gap for c in ',;:“”"')


def _pairs(roles: dict[str, list[_Party]]) -> list[tuple[_Party, _Party]]:
    """Who an undirected event joins: 'between X and Y' pairs the list; 'A … with X and Y' pairs A
    with each; else everyone named as agent or object ('Russia and North Korea exchanged letters')."""
    named = distinct(p for r in ("agent", "object", "destination", "origin", "patient") for p in roles.get(r, []))
    withs = distinct(roles.get("party", []))
    if withs:
        return [(a, w) for a in named for w in withs if a.place.id != w.place.id]
    # "between Russian … Shoigu and North Korean … Kim": the second of the pair follows "and"
    members = distinct([*roles.get("between", []), *named])
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]


def _departs(words: list[str], trigger: _Trigger, units: list[list[_Party]]) -> bool:
    """'left Pyongyang', 'left for Russia', 'left the capital for': a departure names where from or to."""
    following = words[trigger.last : trigger.last + 3]
    starts = {p.first for unit in units for p in unit}
    return bool(following) and (
        following[0] in ("for", "from")
        or trigger.last in starts
        or (following[0] in SKIPPED and trigger.last + 1 in starts)
    )


def _possessive_before(words: list[str], trigger: _Trigger) -> bool:
    """'its war in Ukraine': a possessive pronoun before the trigger points back to the subject."""
    return trigger.first > 0 and words[trigger.first - 1] in POSSESSIVE_PRONOUNS


def _previous(
    drafts: list[_Draft],
    type_: str | None,
    wanted: Callable[[_Draft], bool],
    sentence: tuple[int, int],
    text: str,
    *,
    within: int | None = INHERIT_SENTENCES,
) -> _Draft | None:
    """The latest asserted event of the kind wanted, at most `within` sentences back (None: anywhere)."""
    for draft in reversed(drafts):
        if within is not None:
            between = text[draft.sentence[1] : sentence[0]]
            if len(re.findall(r"[.!?][\"”’)]*(?:\s|$)", between)) >= within:
                return None
        if (type_ is None or draft.type == type_) and wanted(draft) and draft.modality == "asserted":
            return draft
    return None


def distinct(parties: Iterable[_Party]) -> list[_Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.place.id not in seen:
            seen.add(p.place.id)
            out.append(p)
    return out


def _presence(
    words: list[str], units: list[list[_Party]], sentence: tuple[int, int], first: int, dates: list[DateMention]
) -> list[_Draft]:
    """A sentence with no trigger where an official of one country is at a place of another:
    'Russian Defense Minister Sergei Shoigu … at the airport in Pyongyang' is a visit."""
    officials = [
        p
        for unit in units
        for p in unit
        if p.actor and any(w.lower() in OFFICIAL_WORDS for w in p.actor.split()) and p.kind in ("demonym", "person")
    ]
    places = [unit[0] for unit in units if _role(words, unit, first) == "location"]
    date = next((d for d in dates if d.value), None)
    drafts = []
    for official in officials[:1]:
        for place in places[:1]:
            if place.place.country and place.place.country != official.place.country:
                trigger = _Trigger(official.first, official.last, "presence", "visit", "")
                drafts.append(
                    make_draft(
                        "visit",
                        official,
                        place,
                        None,
                        True,
                        trigger,
                        sentence,
                        "presence",
                        0.6,
                        "asserted",
                        False,
                        date,
                    )
                )
    return drafts


def make_draft(
    type_: str,
    origin: _Party,
    destination: _Party,
    location: _Party | None,
    directed: bool,
    trigger: _Trigger,
    sentence: tuple[int, int],
    rule: str,
    confidence: float,
    modality: str,
    hedged: bool,
    date: DateMention | None,
) -> _Draft:
    confidence *= min(origin.confidence, destination.confidence) * (HEDGED if hedged else 1.0)
    actors = tuple(a for a in (origin.actor, destination.actor if not directed else None) if a)
    return _Draft(
        type_, origin, destination, location, directed, trigger, sentence, rule, confidence, modality, actors, date
    )


# --- Merging -------------------------------------------------------------------------------------


STATE_GOODS = frozenset({"shipment", "aid", "transfer", "trade"})  # what one state may send another


def as_states(drafts: list[_Draft], lexicon: Lexicon, gazetteer: Gazetteer | None) -> list[_Draft]:
    """Drafts of a type whose ends are states (`capital_is_country`: 'recalled its ambassador to
    Moscow') with a capital at an end put its country there."""
    if gazetteer is None:
        return drafts

    def state(party: _Party) -> _Party:
        country = gazetteer.get_country(party.place.country) if party.place.capital and party.place.country else None
        return replace(party, place=country) if country is not None else party

    def by_its_capital(party: _Party) -> bool:  # "Tehran supplied", a state named by its seat
        capital = gazetteer.capital_of(party.place.country) if party.place.kind == "country" else None
        return capital is not None and party.actor is not None and party.actor in (capital.name, *capital.aliases)

    def a_state(party: _Party) -> bool:  # "Kyiv", "the Kremlin", "the North Korean leader"; not "Australian students"
        titled = party.kind == "demonym" and len((party.actor or "").split()) > 1
        return party.place.kind == "country" and (party.kind in ("place", "person") or titled)

    def as_state(d: _Draft) -> _Draft:
        if not d.directed:
            return d
        if lexicon.policy(d.type, "capital_is_country"):
            return replace(d, origin=state(d.origin), destination=state(d.destination))
        if d.type in STATE_GOODS and by_its_capital(d.origin):
            # a capital a state named by its own seat sends or gives to: "Tehran has supplied drones to
            # Moscow", state to state
            return replace(d, destination=state(d.destination))
        if d.type == "communication":
            # between states, the capital at either end of a note or a call: "Kyiv sent a note to
            # Budapest", "Macron received a call from Kyiv"; not "letters to pen pals in Tokyo"
            origin = state(d.origin) if a_state(d.destination) else d.origin
            return replace(d, origin=origin, destination=state(d.destination) if a_state(d.origin) else d.destination)
        return d

    return [as_state(d) for d in drafts]


def merge_drafts(text: str, drafts: list[_Draft]) -> list[Event]:
    """One event per flow: the same type, ends, modality and (compatible) date."""
    events: list[Event] = []
    flows: dict[tuple, list[int]] = {}  # (type, origin, destination, modality, directed) -> indices of events
    for d in drafts:
        origin, destination = d.origin.place.id, d.destination.place.id
        if not d.directed:
            origin, destination = sorted((origin, destination))
        location = d.location.place.id if d.location else None
        value = d.date.value if d.date else None
        precision = d.date.precision if d.date and d.date.value else None
        evidence = Evidence(d.sentence[0], d.sentence[1], text[d.sentence[0] : d.sentence[1]])
        flow = (d.type, origin, destination, d.modality, d.directed)
        for i in flows.get(flow, ()):
            e = events[i]
            if e.date is None or value is None or e.date == value:
                new_evidence = e.evidence if evidence in e.evidence else (*e.evidence, evidence)
                date, date_precision = (e.date, e.date_precision) if e.date else (value, precision)
                events[i] = replace(
                    e,
                    id=event_id(e.type, e.origin, e.destination, e.location or location, date, e.modality),
                    location=e.location or location,
                    date=date,
                    date_precision=date_precision,
                    actors=tuple(dict.fromkeys((*e.actors, *d.actors))),
                    evidence=new_evidence,
                    count=len(new_evidence),
                    confidence=max(e.confidence, d.confidence),
                    rule=e.rule if d.rule in e.rule.split(",") else f"{e.rule},{d.rule}",
                )
                break
        else:
            flows.setdefault(flow, []).append(len(events))
            events.append(
                Event(
                    id=event_id(d.type, origin, destination, location, value, d.modality),
                    type=d.type,
                    origin=origin,
                    destination=destination,
                    directed=d.directed,
                    location=location,
                    date=value,
                    date_precision=precision,
                    actors=d.actors,
                    evidence=(evidence,),
                    confidence=d.confidence,
                    rule=d.rule,
                    modality=d.modality,
                )
            )
    return events
