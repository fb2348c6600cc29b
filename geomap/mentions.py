"""The second stage: every mention of a place in a text, with its offsets and how it was found.

Recognition needs no statistical model. Candidate spans are runs of capitalised words (with the
lowercase joining words place names contain: "Isle of Man", "Bosnia and Herzegovina") that the
gazetteer knows, longest first. A span is then kept or rejected on what surrounds it:

- a capitalised neighbour that is a proper name makes it part of a person's or an organisation's
  name ("Jordan Peterson", "Brian E. Nelson", "Kim Jong Un"); a street word makes it a street
  ("Lakeview Avenue"); a title before it makes it a person ("Rep. Yoo", "Mr. Lincoln");
- a capitalised common word ("Nice weather", "Reading is") that opens a sentence or stands in a
  title-case headline is not a place; months and weekdays never are;
- a name rejected as part of a person's name is rejected everywhere else in the same text
  ("Kim Jong Un … Kim said");
- letter abbreviations must match exactly ("U.S.", "UK", "DPRK", "Fla."), and postal codes only
  after a place and a comma ("West Palm Beach, FL").

Whether a capitalised word is "common" comes from English word frequencies bundled with the
gazetteer (how often the word is written lowercase against capitalised).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, compress, count, pairwise
from operator import attrgetter, itemgetter
from typing import NamedTuple

from geomap.gazetteer import Gazetteer, Place
from geomap.people import Person, find_people
from geomap.text import Token, in_dateline, tokens

MAX_SPAN = 7  # tokens: "Democratic People's Republic of Korea" is six

# Lowercase words that may stand inside a place name, between capitalised words.
JOINERS = frozenset(
    "of the de du des la le les el al upon on and da di do dos das del della y sur am an im en au aux "
    "van von der den ter 's ’s "
    "es ed ez ul ash az ad ar".split()  # (Arabic's article before a sun letter: "Dar es Salaam")
)
MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December Jan Feb "
    "Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday".split()
)
# Words before a name that make it a person's: "Rep. Yoo", "President Lincoln", "Mrs. Washington".
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Prof Sen Senator Rep Representative Gov Governor Gen General Col Colonel Lt "
    "Capt Sgt Adm Admiral President Minister Secretary Judge Justice Mayor Chief Officer Deputy Pope "
    "King Queen Prince Princess Sir Lord Lady Rev Reverend Father Sister Brother Bishop Rabbi Imam "
    "Sheikh Coach Detective Agent Sheriff Trooper Chancellor Premier Ambassador Councilman "
    "Councilwoman Commissioner Dean Chairman Spokesman Spokeswoman Director Leader Speaker Candidate "
    "Saint".split()
)
# A place this large is not erased from a text because one of its mentions looked like part of a
# person's name ("the Washington-Moscow route"): only that mention is.
MAJOR_CITY = 1_000_000
# Vehicle makes: a name after one is a model ("Ford Crown Victoria", "Dodge Durango"), and a make
# after a model year is the car ("a 1993 brown Cadillac"), not a place.
VEHICLE_MAKES = frozenset(
    "Acura Audi BMW Buick Cadillac Chevrolet Chevy Chrysler Dodge Ford GMC Holden Honda Hyundai Infiniti "
    "Isuzu Jeep Kia Lexus Lincoln Mazda Mercedes Mercury Mitsubishi Nissan Oldsmobile Plymouth Pontiac "
    "Porsche Saturn Subaru Suzuki Tesla Toyota Volkswagen VW Volvo".split()
)
# Words a sea's, a cape's or a mountain's name opens, which the gazetteer may know alone as another
# ("Gulf" is the Gulf of Mexico, or the Persian Gulf): before "of" and a name, a name of their own.
GENERIC_HEADS = frozenset("Gulf Bay Sea Cape Lake Strait Straits Sound".split())
# Words after a name by which a code before it is a road's or a flight's, not an aircraft's ("the M-5
# Damascus highway", "the MH-17 Amsterdam flight"): the name is a place.
CODED_THINGS = frozenset("summit summits highway motorway road route flight flights to training centre center".split())
# Prefixes of ships' names: "HMS Prince of Wales", "USS Carl Vinson", "MV Ruby" name no place.
SHIP_PREFIXES = frozenset("HMS HMAS HMCS HMNZS USS USNS RFA INS MV RMS".split())
# Words after a name that make it a street, a building or a company's name.
ROAD_WORDS = frozenset(
    "Avenue Ave Street St Road Rd Boulevard Blvd Drive Dr Lane Ln Way Court Ct Terrace Parkway Pkwy "
    "Highway Hwy Circle Cir Trail Place Pl Plaza Alley Pike Turnpike Expressway Freeway".split()
)
STREET_WORDS = ROAD_WORDS | frozenset("Inc Corp Ltd LLC Co Company Corporation Group Holdings".split())
# Head words of organisations' names: a place before them ("Korea News Service", "Gainesville
# Police Department") counts only if the document also names that place on its own.
ORGANISATION_WORDS = frozenset(
    "Agency Service Services Bureau Department Dept Police University College School Academy Institute "
    "Company Corporation Times Post News Herald Tribune Journal Gazette Star Chronicle Press Airlines Airways "
    "Bank Council Committee Association Foundation Hospital Center Centre Club Party Church Court Museum "
    "Stadium Airport Patrol Guard Army Navy Force Forces Ministry Office Team Board Commission Authority "
    "Federation Union League Society Group Network Channel Radio Television TV Zoo Library".split()
)
# organisations named for their town and a person ("Liverpool John Lennon Airport")
NAMED_HUBS = frozenset({"Airport", "Station"})
# particles inside Romance and Germanic names ("Costa del Sol", "Sierra de Guadarrama")
NAME_PARTICLES = frozenset("de del della di da do dos das du des la le van von der".split())
# nouns for places: a name after one and "of" is a place's ("the town of Sake", "the port of Mobile")
PLACE_NOUNS = frozenset("town city village port province region district county state island capital".split())
# prepositions after which a town's name that is also a person's is the town ("in Hutchinson")
PLACE_PREPOSITIONS = frozenset("in near outside into toward towards via".split())
# verb forms after which "to" or "from" names a journey's end ("flown to Darwin")
JOURNEY_VERBS = frozenset(
    "fly flies flew flown flying travel travels travelled traveled travelling traveling drive drives drove driven "
    "driving relocate relocated relocating headed heading arrive arrives arrived arriving flee fled fleeing "
    "airlifted evacuated deported extradited sailed trip trips journey journeyed flight flights bound commute "
    "commuted commuting smuggle smuggled smuggling trafficked trafficking shipped shipping shipment shipments "
    "imported importing exported exporting".split()
)  # (not "came from Powell", "returned the trophy to Harrison", "moved the ball to Hutchinson")
PLACED_SUFFIXES = ("-based", "-born", "-bound", "-headquartered")  # after a place's name
MOVING = frozenset("move moves moved moving relocates".split())  # (and JOURNEY_VERBS)
RELOCATED = frozenset("headquarters office offices operations production plant factory family families".split())
# words whose "in" takes a person ("confidence in Powell"), and verbs after which a name speaks
HELD_IN = frozenset("confidence faith trust interest interested belief believe believes believed pride role".split())
SPEAKING = frozenset(
    "said says say told tells added adds wrote writes noted notes explained explains asked asks spoke speaks "
    "replied replies argued argues insisted insists recalled recalls".split()
)
# words that end a state's name after another name ("the Russian Empire", "the Soviet Union");
# each is also a town's name (Empire, Oregon; Union, New Jersey; Republic, Missouri)
STATE_WORDS = frozenset("Empire Union Republic Kingdom Federation Commonwealth Caliphate Sultanate Emirate".split())
# ln(how much more often a word is written lowercase than capitalised): above COMMON_MARGIN a
# capitalised word is a common word ("Nice", "Reading", "Police": 0.6 to 2.3); below PROPER_MARGIN,
# or unknown, a proper name ("Peterson" -3.1, "Nelson" -2.5, "China" -2.0).
COMMON_MARGIN = 0.5
PROPER_MARGIN = -1.5
# In mid-sentence, a one-word place whose name is written lowercase at least as often as
# capitalised ("City Council", "the Center") needs the document's support.
WEAK_MARGIN = 0.0
# A one-word name this common as a person's name (percent of people, US census) is doubted when
# the place is smaller than PERSON_PROMINENCE (about 300,000 people): "Jones", "Sheldon", "Obama".
PERSON_SHARE = 0.005
PERSON_PROMINENCE = 5.5
# One-word names that are mostly adjectives of direction ("Western" is a region of Ghana).
DIRECTIONS = frozenset(
    "North South East West Northern Southern Eastern Western Central Northeast Northwest Southeast "
    "Southwest Upper Lower Middle Greater Inner Outer Mid".split()
)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a place: text[start:end] == text."""

    start: int
    end: int
    text: str
    via: str  # name, alias, abbreviation or demonym (code: a postal code after "Place, ")

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "via": self.via}


class _Match(NamedTuple):
    """A candidate span (a named tuple: one is built for every span the gazetteer knows)."""

    first: int  # token indices, end exclusive
    last: int
    start: int  # character offsets
    end: int
    via: str
    candidates: tuple[tuple[Place, str], ...]


# The candidate span that covers each token (by index): spans do not overlap.
Covering = dict[int, _Match]


@dataclass(frozen=True)
class Recognised:
    """A mention with the gazetteer's candidates for it (best first) and how sure recognition is.

    `weak` marks a mention that is only a place if the document supports it: a capitalised common
    word in mid-sentence ("leasing Western weapons", "Read More"), or a small town's name that is
    more often a person's (`surname`: "Lawton", "Hutchinson"); `embedded` one that stands in an
    organisation's name, which counts only if the document also names the place on its own.
    """

    mention: Mention
    candidates: tuple[tuple[Place, str], ...]
    weak: bool = False
    embedded: bool = False  # part of an organisation's name: "Korea News Service"
    surname: bool = False  # weak as a person's name ("Lawton", "Hutchinson"), not as a common word


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every mention of a place in `text`, in order.

    >>> from geomap import load_gazetteer
    >>> [(m.text, m.via) for m in find_mentions("Jordan Peterson flew from Kiev to Jordan.", load_gazetteer())]
    [('Kiev', 'alias'), ('Jordan', 'name')]
    """
    return [r.mention for r in recognise(text, gazetteer)]


def recognise(
    text: str, gazetteer: Gazetteer, toks: list[Token] | None = None, *, people: Sequence[Person] | None = None
) -> list[Recognised]:
    """Every candidate mention with its gazetteer candidates; weak ones await the document's support.
    `toks` and the well-known `people` the tokens name are found here unless given (a pipeline
    finds them once); bare people ('Clinton got rain', see `Person`) leave their words to places."""
    toks = tokens(text) if toks is None else toks
    if not toks:
        return []
    headline = _title_case_lines(text, toks)
    # every span that could be a name, looked up at once
    capitalised = list(compress(count(), map(attrgetter("capitalised"), toks)))  # the rest open no name
    # nor does "The": "The United States" is found from "United"
    options = {i: _options_at(text, toks, i) for i in capitalised if toks[i].text not in ("The", "THE")}
    found = gazetteer.matches_many(map(itemgetter(1), chain.from_iterable(options.values())))  # the surfaces
    words = _Words(gazetteer)
    matches = _spans(text, toks, options, found)
    covering = {i: m for m in matches for i in range(m.first, m.last)}
    kept: list[tuple[_Match, str]] = []
    person_names: set[str] = set()
    # well-known people (data/people.json): "Bashar al-Assad", "Kim Jong Un" hold no place
    if people is None:
        people = find_people(toks, capitalised=capitalised)
    in_people = {i for p in people if not p.bare for i in range(p.first, p.last)}
    bare = {(p.first, p.last) for p in people if p.bare}
    makes = {i for i in capitalised if toks[i].text in VEHICLE_MAKES}  # cars' makes: in few texts
    ships = {i for i in capitalised if toks[i].text in SHIP_PREFIXES}  # ships' prefixes: in fewer
    for match in matches:
        if in_people and in_people.intersection(range(match.first, match.last)) and match.via != "demonym":
            continue
        verdict = _judge(text, toks, match, covering, words, headline, makes, ships)
        if verdict == "place" and (match.first, match.last) in bare and match.candidates[0][0].kind == "city":
            # a well-known person's short name ("Obama urged Congress") is a town only where the text
            # supports it, as a surname is ("Clinton got rain", in a report on Iowa)
            verdict = "weak-name"
        if verdict == "person":
            person_names.add(text[match.start : match.end])
        elif verdict in ("place", "weak", "weak-name", "embedded"):
            kept.append((match, verdict))
    return [
        Recognised(
            Mention(m.start, m.end, text[m.start : m.end], m.via),
            m.candidates,
            weak=verdict in ("weak", "weak-name"),
            embedded=verdict == "embedded",
            surname=verdict == "weak-name",
        )
        for m, verdict in kept
        if not _named_person(m, text, person_names)
    ]


# --- Finding candidate spans ----------------------------------------------------------------------


Found = dict[str, tuple[tuple[Place, str], ...]]  # the gazetteer's matches by surface text
Option = tuple[int, str, int]  # a span a name may take: its end token (exclusive), text, end offset


def _options_at(text: str, toks: list[Token], i: int) -> list[Option]:
    """The spans a name starting at token i may take, in the order they are tried: longest first."""
    # how far a name may reach: capitalised words and joiners, on one line, no punctuation between
    before = toks[i]
    start = before.start
    j = i + 1
    reach = min(len(toks), i + MAX_SPAN)
    while j < reach:
        tok = toks[j]
        gap = tok.start - before.end  # "", " " or "-": at most one character
        # or ". " after an initial or a short abbreviation: "W. Va.", "St. Louis"
        dotted = gap == 2 and text[before.end : tok.start] == ". " and len(before.text) <= 2 and before.capitalised
        if (gap > 1 and not dotted) or (gap == 1 and text[before.end] not in " -"):
            break
        if not (tok.capitalised or tok.text.lower() in JOINERS):
            break
        before = tok
        j += 1
    options = []
    for end in range(j, i, -1):
        last = toks[end - 1]
        if last.capitalised:
            last_end = last.end
            surface = text[start:last_end]
            if text[last_end : last_end + 1] == "." and surface[-1] != ".":
                options.append((end, surface + ".", last_end + 1))  # 'Fla.' (an abbreviation) before 'Fla'
            options.append((end, surface, last_end))
    return options


def _spans(text: str, toks: list[Token], options: dict[int, list[Option]], found: Found) -> list[_Match]:
    """Longest gazetteer names first, left to right, without overlaps."""
    spans: list[_Match] = []
    covered = 0  # the tokens before this one are in a span already
    for i, spans_at in options.items():  # in token order; no name starts at the other tokens
        if i < covered:
            continue
        match = _longest_at(text, toks, i, spans_at, found, spans[-1] if spans else None)
        if match is not None:
            spans.append(match)
            covered = match.last
    return spans


def _longest_at(
    text: str, toks: list[Token], i: int, options: list[Option], found: Found, before: _Match | None
) -> _Match | None:
    for end, surface, char_end in options:
        candidates = found[surface]
        if not candidates:  # most spans tried name no place
            continue
        capitals = surface.isupper() and _in_capitals(text, surface, toks[i].start, char_end)
        accepted = _accept(surface, candidates, text, toks, i, before, capitals)
        if accepted:
            via, candidates = accepted
            return _Match(i, end, toks[i].start, char_end, via, candidates)
    return None


def _accept(
    surface: str,
    found: tuple[tuple[Place, str], ...],
    text: str,
    toks: list[Token],
    i: int,
    before: _Match | None,
    in_capitals: bool = False,
) -> tuple[str, tuple[tuple[Place, str], ...]] | None:
    """The candidates a surface form may really mean, and how the best was matched. `in_capitals`:
    the surface is a name written in capitals, not an abbreviation."""
    usable = []
    abbreviated = _looks_abbreviated(surface) and not in_capitals  # asked once, not for each candidate
    for place, via in found:
        if via == "code":
            # postal codes only right after "Place, ": "West Palm Beach, FL"
            exact = surface == place.name or surface in place.aliases
            if exact and _after_place_and_comma(text, toks, i, before) and place.kind in ("admin1", "country"):
                usable.append((place, via))
        elif via == "abbreviation" or abbreviated:
            if surface == place.name or surface in place.aliases:
                usable.append((place, "abbreviation" if via in ("name", "alias") else via))
        elif via == "name" and surface != place.name and not surface.isupper() and _camel(place.name):
            continue  # a name with a capital inside is written so: "Noma" is a person, not the NoMa district
        else:
            usable.append((place, via))
    if not usable:
        return None
    return usable[0][1], tuple(usable)


def _camel(name: str) -> bool:
    """Whether a one-word name has a capital after a small letter ('NoMa', 'SoHo', 'DeKalb')."""
    return " " not in name and any(a.islower() and b.isupper() for a, b in pairwise(name))


def _looks_abbreviated(surface: str) -> bool:
    """'US', 'UK', 'U.S.', 'Fla.': short capitals or a dotted abbreviation must match exactly."""
    letters = surface.replace(".", "").replace(" ", "")
    return (surface.isupper() and len(letters) <= 5) or surface.endswith(".")


def _in_capitals(text: str, surface: str, start: int, end: int) -> bool:
    """Whether a short word in capitals is a dateline's place ('KYIV (Reuters) -', 'ADRE, Chad —'),
    a name written in capitals rather than an abbreviation (four letters at least: not 'UN —')."""
    return surface.isupper() and sum(map(str.isalpha, surface)) >= 4 and in_dateline(text, start, end)


def _after_place_and_comma(text: str, toks: list[Token], i: int, before: _Match | None) -> bool:
    return before is not None and before.last == i and text[before.end : toks[i].start].strip() == ","


# --- Judging each span in its context ------------------------------------------------------------


class _Words:
    """Whether a capitalised word is a common English word, a proper name, a person's name."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.ratios: dict[str, float | None] = {}

    def _ratio(self, word: str) -> float | None:
        key = word.lower()
        if key not in self.ratios:
            self.ratios[key] = self.gazetteer.case_ratio(key)
        return self.ratios[key]

    def common(self, word: str, margin: float = COMMON_MARGIN) -> bool:
        ratio = self._ratio(word)
        return ratio is not None and ratio > margin

    def proper(self, word: str) -> bool:
        ratio = self._ratio(word)
        return ratio is None or ratio < PROPER_MARGIN

    def person(self, word: str) -> bool:
        return self.gazetteer.person_name_share(word) >= PERSON_SHARE


def _judge(
    text: str,
    toks: list[Token],
    match: _Match,
    covering: Covering,
    words: _Words,
    headline: set[int],
    makes: set[int],
    ships: set[int],
) -> str:
    """'place', 'person' (part of a person's name: reject it here and elsewhere) or 'no'."""
    first, last = toks[match.first], toks[match.last - 1]
    surface = text[match.start : match.end]
    demonym = match.via == "demonym"
    single = match.last - match.first == 1
    if (single and surface in MONTHS_AND_DAYS) or words.gazetteer.is_not_a_place(surface):
        return "no"
    previous = toks[match.first - 1] if match.first > 0 else None
    following = toks[match.last] if match.last < len(toks) else None
    if previous is not None and previous.text.rstrip(".") in TITLES and _joined(text, previous, first, allow_dot=True):
        return "no" if demonym else "person"
    if ships and _ship(text, toks, match, ships):
        return "no"
    if not demonym and makes and _vehicle(text, toks, match, makes):
        return "person"  # like a person's name, the model's name is no place anywhere in the text
    if not demonym and _an_aircrafts_name(text, toks, match):
        return "person"  # "a C-130 Hercules", "a CH-47 Chinook": like a person's name, no place
    in_headline = first.start in headline
    # a capitalised common word opening a sentence or in a title-case headline is just a word
    opening = first.sentence_start or in_headline
    if single and not demonym and not first.upper and opening and words.common(surface) and not _strong(match):
        return "no"
    if match.via in ("abbreviation", "code"):
        return "place"
    next_in_name = following is not None and following.capitalised and _joined(text, last, following)
    if next_in_name and following is not None:
        if following.text in STREET_WORDS:
            return "no"
        hyphen = text[last.end : following.start] == "-"
        if hyphen and not demonym and not _is_notable_place_token(match.last, covering):
            return "no"  # one half of a hyphenated name: "Wal-Mart", "Rolls-Royce"; not "Seoul-Busan"
        if hyphen and _names_a_road(text, toks, match.last):
            return "no"  # "the Lagos-Ibadan Expressway": a road's name
        opens = previous is None or not (previous.capitalised and _joined(text, previous, first))
        if not demonym and _before_organisation(text, toks, match.last, covering, opens=opens):
            return "embedded"  # "The Moscow Times": a paper's name, not a person's
        # ("Delhi-Bengaluru flight": a large place after the hyphen makes two places, no person's name)
        if (
            not demonym
            and not hyphen
            and not _is_region_token(match.last, covering)
            and _proper(text, following, words, in_headline)
        ):
            return "person"
    prev_in_name = previous is not None and previous.capitalised and _joined(text, previous, first)
    # "the Washington-Moscow route": two places joined by a hyphen, not a double-barrelled name
    paired = (
        previous is not None and text[previous.end : first.start] == "-" and _is_place_token(match.first - 1, covering)
    )
    if (
        prev_in_name
        and previous is not None
        and not (demonym and _strong(match))
        and not paired
        and not _is_region_token(match.first - 1, covering)
        and _proper(text, previous, words, in_headline)
    ):
        return "no" if demonym else "person"  # ("Irvine Welsh": a region's demonym after a name is a surname)
    if not demonym and _before_organisation(text, toks, match.last, covering):
        return "embedded"
    country = match.candidates[0][0].kind == "country"  # ("the Tour de France", "Banco de Mexico": still its)
    if not demonym and not country and _after_a_name_particle(text, toks, match.first):
        return "no"  # "Costa del Sol", "Mario de Santiago": the end of a longer name the gazetteer lacks
    if single and surface in GENERIC_HEADS and _of_a_name(text, toks, match.last):
        return "no"  # "the Gulf of Carpentaria": the start of a name the gazetteer lacks
    if match.first >= 2 and toks[match.first - 2].text in GENERIC_HEADS and _of_a_name(text, toks, match.first - 1):
        return "no"  # "the Cape of Good Hope": its end
    opening = previous is not None and previous.sentence_start and match.first - 1 not in covering  # "In Union, N.J."
    named_before = prev_in_name and not opening
    if single and not demonym and named_before and surface in STATE_WORDS and not _strong(match):
        return "no"  # "the Russian Empire", "the Soviet Union": a state's name, not Empire, Oregon
    if not demonym and _called_a_place(toks, match):
        return "place"  # "the town of Sake", "the port of Mobile": named as a place, a common word or not
    if not demonym and text[match.end : match.end + 20].lower().startswith(PLACED_SUFFIXES):
        return "place"  # "Brandon-based Westgrain Seeds", "a Lagos-bound tanker": said to be somewhere
    if single and not demonym and not _strong(match):
        # a place only if the document supports it: "leasing Western weapons", "Jones said"
        if words.common(surface, margin=WEAK_MARGIN) or surface in DIRECTIONS:
            # (a country by another name that is a word, though, is no place: "Island businesses say")
            return "no" if match.candidates[0][0].kind in ("country", "continent") else "weak"
        if match.candidates[0][0].prominence < PERSON_PROMINENCE and words.person(surface):
            # a person's name too, unless a preposition of place comes before it ("in Lawton";
            # not "in Lawton's office"; "to" and "from" take people as often: "passed to Jackson")
            # (not "confidence in Powell", "interested in Harrison")
            before = toks[match.first - 2].text.lower() if match.first >= 2 else ""
            where = previous is not None and previous.text.lower() in PLACE_PREPOSITIONS and before not in HELD_IN
            out_of = previous is not None and previous.text == "of" and toks[match.first - 2].text.lower() == "out"
            if previous is not None and (previous.text.lower() in ("to", "from") or out_of):
                # "flew to Darwin", "flown from Bali to Darwin", "drove back from Lawton": a journey's
                # end, not "passed to Jackson": a verb of journeys a few words before, in the clause,
                # or a large place at the other end ("brought from Atlanta to Dalton")
                at = match.first - (2 if out_of else 1)
                where = where or _journey_before(text, toks, at) or _other_end(text, toks, match, covering)
            if where and text[match.end : match.end + 2] not in ("'s", "’s"):
                return "place"
            if following is not None and following.text.lower() in SPEAKING:
                return "person"  # "Garland told reporters in Dallas": who speaks is a person, a town nearby or not
            return "weak-name"
    return "place"


def _of_a_name(text: str, toks: list[Token], index: int) -> bool:
    """Whether token index opens ' of ' and a capitalised word ('Gulf of Carpentaria')."""
    return (
        index + 1 < len(toks)
        and toks[index].text == "of"
        and toks[index + 1].capitalised
        and _joined(text, toks[index], toks[index + 1])
    )


def _after_a_name_particle(text: str, toks: list[Token], index: int) -> bool:
    """Whether a word follows a particle of a Romance or Germanic name after a capitalised word
    ('Costa del Sol', 'Sierra de Guadarrama'): it ends a name of its own, unless the gazetteer
    knows that name whole ('Rio de Janeiro' matches as one)."""
    if index < 2:
        return False
    particle, before = toks[index - 1], toks[index - 2]
    return (
        particle.text in NAME_PARTICLES
        and before.capitalised
        and _joined(text, before, particle)
        and _joined(text, particle, toks[index])
    )


def _called_a_place(toks: list[Token], match: _Match) -> bool:
    """Whether a name follows a noun for a place and 'of' ('the town of Sake', 'the port of Mobile')."""
    i = match.first
    return i >= 2 and toks[i - 1].text == "of" and toks[i - 2].text in PLACE_NOUNS  # (not "City of Hope")


def _other_end(text: str, toks: list[Token], match: _Match, covering: Covering, reach: int = 6) -> bool:
    """Whether a name after 'to' has a large place after 'from' a few words before it, in its
    clause, or a name after 'from' (or 'out of') one after 'to' just after it: the two ends of one
    path ('from Atlanta to Dalton', 'out of Anderson to Louisville'; not 'from Smith to Jones')."""
    if match.last + 1 < len(toks) and toks[match.last].text == "to" and not _parted(text, toks, match.last - 1):
        return _is_notable_place_token(match.last + 1, covering)
    if toks[match.first - 1].text != "to":
        return False
    for j in range(match.first - 2, max(-1, match.first - 2 - reach), -1):
        if _parted(text, toks, j):
            return False
        if toks[j].text == "from":
            return _is_notable_place_token(j + 1, covering)
    return False


def _parted(text: str, toks: list[Token], j: int) -> bool:
    """Whether a clause ends between toks[j] and toks[j + 1]."""
    return toks[j + 1].sentence_start or any(c in ',;:.()"“”' for c in text[toks[j].end : toks[j + 1].start])


def _journey_before(text: str, toks: list[Token], index: int, reach: int = 6) -> bool:
    """Whether a verb or noun of journeys comes within `reach` words before toks[index], in its clause."""
    for j in range(index - 1, max(-1, index - 1 - reach), -1):
        if _parted(text, toks, j):
            return False
        if toks[j].text.lower() in JOURNEY_VERBS:
            return True
        if toks[j].text.lower() in MOVING and any(t.text.lower() in RELOCATED for t in toks[j + 1 : index]):
            return True  # "moved its headquarters to Regina" (not "moved the ball to Hutchinson")
    return False


def _vehicle(text: str, toks: list[Token], match: _Match, makes: set[int]) -> bool:
    """A car's name: a model after its make ('Ford Crown Victoria'), or a make after a model year
    and perhaps a colour ('a 1993 brown Cadillac')."""
    i = match.first
    if not makes.intersection(range(i - 2, match.last)):
        return False  # no make in or just before the name
    for _ in range(2):  # "Ford Crown Victoria": the make may stand two words before
        if i == 0 or not toks[i - 1].capitalised or not _joined(text, toks[i - 1], toks[i]):
            break
        i -= 1
        if toks[i].text in VEHICLE_MAKES:
            return True
    if text[match.start : match.end] not in VEHICLE_MAKES:
        return False
    before = [t.text for t in toks[max(0, match.first - 2) : match.first]]
    return any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in before)


def _an_aircrafts_name(text: str, toks: list[Token], match: _Match) -> bool:
    """Whether a name follows a model's code, capitals, a hyphen and a number ('C-130 Hercules',
    'CH-47 Chinook', 'UH-60 Black Hawk'), so that it is the model's; not after a group's code ('the
    G-7 Cornwall summit'), before a word of `CODED_THINGS` ('the M-5 Damascus highway', 'the MH-17
    Amsterdam flight') or joined to a word by a hyphen ('an Il-76 Moscow-bound plane')."""
    i = match.first
    if i < 2:
        return False
    letters, number = toks[i - 2], toks[i - 1]
    code = (
        number.text.isdigit()
        and text[letters.end : number.start] == "-"
        and text[number.end : toks[i].start] == " "
        and letters.text[:1].isupper()
        and len(letters.text) <= 3
        and letters.text.isalpha()
    )
    if not code or letters.text == "G":
        return False
    after = toks[match.last] if match.last < len(toks) else None
    hyphened = after is not None and text[toks[match.last - 1].end : after.start] == "-"
    return not hyphened and not (after is not None and after.text.lower() in CODED_THINGS)


def _ship(text: str, toks: list[Token], match: _Match, ships: set[int]) -> bool:
    """Whether a name is (in) a ship's: 'HMS Prince of Wales', 'USS Pennsylvania'. `ships`: where
    the text writes a ship's prefix."""
    i = match.first
    if not ships.intersection(range(i - 4, i)):
        return False  # (most names)
    for _ in range(4):  # "USS Dwight D. Eisenhower": a few words of the name before this one
        if i == 0 or not _joined(text, toks[i - 1], toks[i], allow_dot=True):
            return False
        i -= 1
        if toks[i].text in SHIP_PREFIXES:
            return True
        if not (toks[i].capitalised or toks[i].text in ("of", "the")):
            return False
    return False


def _before_organisation(text: str, toks: list[Token], index: int, covering: Covering, *, opens: bool = False) -> bool:
    """Whether the capitalised words after a name end an organisation's name ("… News Service");
    where the name `opens` the organisation's, also with a hub the gazetteer calls a place after
    other words ("Liverpool John Lennon Airport"; not "the Charles Webb Center", a person's)."""
    for j in range(index, min(index + 5, len(toks))):
        if not (toks[j].capitalised and _joined(text, toks[j - 1], toks[j])):
            return False
        if toks[j].text in ORGANISATION_WORDS and (
            (opens and j > index and toks[j].text in NAMED_HUBS) or not _is_place_token(j, covering)
        ):
            return True
        if _is_place_token(j, covering):
            return False
    return False


def _names_a_road(text: str, toks: list[Token], index: int) -> bool:
    """Whether the capitalised words joined from `index` on end in a road's word ('Ibadan Expressway')."""
    for j in range(index, min(index + 3, len(toks))):
        if toks[j].text in ROAD_WORDS:
            return True
        if not toks[j].capitalised or j + 1 == len(toks) or not _joined(text, toks[j], toks[j + 1]):
            return False
    return False


def _strong(match: _Match) -> bool:
    """Countries and continents are places even when their name is a common word ("Turkey", "Chad");
    not by another name that is one ("Island", Iceland's own: "Island businesses say")."""
    return match.candidates[0][0].kind in ("country", "continent") and match.via != "alias"


def _proper(text: str, token: Token, words: _Words, in_headline: bool) -> bool:
    """A capitalised word that is a proper name (a person's, a company's), not a common word."""
    if token.text.lower() in JOINERS or token.text in MONTHS_AND_DAYS:
        return False  # "in Montana Sunday": a date follows the place, no surname
    if len(token.text) == 1 and text[token.end : token.end + 1] == ".":
        return True  # an initial: "Brian E. Nelson"
    if in_headline or len(token.text) == 1:
        return False
    return token.capitalised and not token.upper and words.proper(token.text)


def _joined(text: str, a: Token, b: Token, *, allow_dot: bool = False) -> bool:
    """Whether two neighbouring tokens are written as parts of one name (a space or hyphen between)."""
    gap = text[a.end : b.start]
    initial = len(a.text) == 1 and a.text.isupper()  # "Brian E. Nelson"
    return gap in (" ", "-") or ((allow_dot or initial) and gap in (". ", "."))


def _is_place_token(index: int, covering: Covering) -> bool:
    return index in covering


def _is_region_token(index: int, covering: Covering) -> bool:
    """Whether a token is part of a country's or region's name: "Kansas City Missouri" is two places,
    "Paris Hilton" (Hilton is a town too) is a person, and so is "Irvine Welsh" (a region's demonym
    after a name is a surname; a country's is not: "Beijing Chinese officials")."""
    m = covering.get(index)
    if m is None:
        return False
    kind = m.candidates[0][0].kind
    return kind == "country" or (kind == "admin1" and m.via != "demonym")


def _is_notable_place_token(index: int, covering: Covering) -> bool:
    """Whether a token is part of a large place's name (a region, or a town of 100,000)."""
    m = covering.get(index)
    return m is not None and (m.candidates[0][0].kind != "city" or m.candidates[0][0].prominence >= 5.0)


def _named_person(match: _Match, text: str, person_names: set[str]) -> bool:
    """A one-word name that the text also uses as part of a person's name ("Kim" after "Kim Jong Un"),
    unless a preposition of place puts it where a town is ("Côr Meibion Cwmbran … back in Cwmbran")."""
    place = match.candidates[0][0]
    if (
        place.kind in ("country", "continent")
        or place.capital
        or (place.population or 0) >= MAJOR_CITY  # one odd "person" cannot erase Moscow
        or match.via == "demonym"
        or text[match.start : match.end] not in person_names
    ):
        return False
    before = text[max(0, match.start - 30) : match.start].split()  # (the word before, not the whole text)
    return not (before and before[-1].lower() in PLACE_PREPOSITIONS | {"from"})


def _title_case_lines(text: str, toks: list[Token]) -> set[int]:
    """Start offsets of tokens on lines written in title case ("Kim Jong Un Is Airlifting Arms")."""
    inside: set[int] = set()
    starts = list(map(attrgetter("start"), toks))
    lines: list[list[Token]] = []
    first = 0  # the first token of the line
    while first < len(toks):
        line_end = text.find("\n", toks[first].start)
        last = len(toks) if line_end < 0 else bisect.bisect_left(starts, line_end, first)
        lines.append(toks[first:last])
        first = last
    for line_toks in lines:
        if len(line_toks) >= 3 and title_case(line_toks):  # fewer than three words of any length are none
            inside.update(t.start for t in line_toks)
    return inside


def title_case(line_toks: list[Token]) -> bool:
    """Whether at least three of the words longer than three letters are, and 80% of them capitalised.

    Counted word by word, it stops where the lowercase words already make 80% unreachable: a
    paragraph (often a whole text) is settled in its first half. `capitalised / long >= 0.8` is
    `capitalised >= 4 * lowercase` in whole numbers."""
    capitalised = lowercase = 0
    left = len(line_toks)
    for t in line_toks:
        left -= 1
        word = t.text
        if len(word) > 3 and word[0].isalpha():
            if t.capitalised:
                capitalised += 1
            else:
                lowercase += 1
                if 4 * lowercase > capitalised + left:  # even if every word left were capitalised
                    return False
    return capitalised + lowercase >= 3 and capitalised >= 4 * lowercase
