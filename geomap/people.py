"""People who act for a state (data/people.json): 'Putin flew to Ankara' is a flight from Russia.

A full name always stands for its country, and a place inside it is no place ('Kim Jong Un',
'Bashar al-Assad'). A short form ('Putin', 'Clinton') stands for the person only where the text
also names the person in full, or puts a title before the short form ('President Clinton'), or
(for the events stage, `alone`) where no other stage read the word as a place: a local report on
'Clinton, Iowa' keeps its town. Loaded once per process and shared read-only.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import json
from collections.abc import Sequence
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

from geomap.text import Token, tokens

# Words before a short form that make it the person's ("President Clinton", "Mr Putin").
TITLES = frozenset(
    "President Premier Chancellor Minister Secretary King Queen Prince Emir Sheikh Sultan Mr Mrs Ms Dr "
    "Gen General Leader Ayatollah".split()
)
# Capitalised words before a short form that are no given name ("Tuesday Putin", "Kremlin Xi").
NOT_GIVEN_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Tsar Czar Comrade Citizen Candidate Senator Governor Vice Team Camp "
    "The A An This That These Those His Her Its Our Their And But Or If When While As After Before Since Under With "
    "For By Of In On At To From Then So Yet Both Neither Either Not Only Even Also What Why How Where Who".split()
)
# Words after a short form that make it the person's: what people, not towns, do ("Obama said").
SAYS = frozenset("said says told tells added insisted argued warned wrote announced declared stressed".split())


class Person(NamedTuple):
    """A named person in a text: tokens first..last (exclusive), and the country they act for.
    `bare`: a short form with neither a title nor the full name in the text ('Clinton got rain'),
    the person's only where no other stage read the word as a place."""

    first: int
    last: int
    name: str
    country: str
    bare: bool = False


class People(NamedTuple):
    """Names as tuples of words: full names and short forms, each with the full name and country."""

    full: dict[tuple[str, ...], tuple[str, str]]
    short: dict[tuple[str, ...], list[tuple[str, str]]]
    longest: int
    first_words: frozenset[str]  # a word no name starts with is skipped at once


@functools.cache
def load_people() -> People:
    """data/people.json, read once per process."""
    data = json.loads((importlib.resources.files("geomap") / "data" / "people.json").read_text(encoding="utf-8"))
    full: dict[tuple[str, ...], tuple[str, str]] = {}
    short: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for entry in data["people"]:
        full[_words(entry["name"])] = (entry["name"], entry["country"])
        for form in entry.get("short", []):
            short.setdefault(_words(form), []).append((entry["name"], entry["country"]))
    names = (*full, *short)
    return People(full, short, max(map(len, names)), frozenset(k[0] for k in names))


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokens(name))


def find_people(
    toks: list[Token],
    people: People | None = None,
    *,
    alone: bool = False,
    capitalised: Sequence[int] | None = None,
) -> list[Person]:
    """The people of `people` that the tokens name, longest name first, in text order. `alone`:
    take a short form with one country for its person everywhere (for words that no other
    stage took for a place), marked `bare` where only this makes it the person's: the same list
    without `alone` is the one with `alone` less its bare people, so a pipeline finds them once.
    `capitalised`: the indices of the capitalised tokens, if known."""
    people = people or load_people()
    first_words = people.first_words
    # a name starts with a capital, and with one of few words: the rest of the text is passed over
    if capitalised is None:  # the few words that open a name, found in C, then those capitalised
        openers = list(compress(count(), map(first_words.__contains__, map(attrgetter("text"), toks))))
        openers = [i for i in openers if toks[i].capitalised]
    else:
        openers = [i for i in capitalised if toks[i].text in first_words]
    named: list[Person] = []
    shorts: list[tuple[int, int, list[tuple[str, str]]]] = []
    if not openers:
        return named
    free = 0  # the first token no name found so far covers
    for i in openers:
        if i < free:
            continue
        words = [t.text for t in toks[i : i + people.longest]]
        for n in range(len(words), 0, -1):
            key = tuple(words[:n])
            if key in people.full:
                name, country = people.full[key]
                named.append(Person(i, i + n, name, country))
                free = i + n
                break
            if key in people.short:
                shorts.append((i, i + n, people.short[key]))
                free = i + n
                break
    # a short form is the person's where the text names the person in full, titles the form, or
    # has it say something ("Obama said": a town says nothing)
    in_full = {p.name for p in named}
    for first, last, candidates in shorts:
        if _someone_else(toks, first, candidates):
            continue
        titled = first > 0 and toks[first - 1].text.rstrip(".") in TITLES
        titled = titled or (last < len(toks) and toks[last].text in SAYS)
        in_text = [c for c in candidates if c[0] in in_full]
        bare = not in_text and not titled  # only `alone` takes it for the person
        chosen = in_text or (candidates if titled or alone else [])
        countries = {country for _, country in chosen}
        if len(countries) == 1:
            named.append(Person(first, last, chosen[0][0], countries.pop(), bare))
    return sorted(named + _titled_again(toks, named))


def _titled_again(toks: list[Token], named: list[Person]) -> list[Person]:
    """A title before a word of a name the text gave in full before it is that person again: after
    'Crown Prince Mohammed bin Salman', 'Prince Mohammed'; after 'Kim Jong Un', 'Mr Kim'."""
    by_word: dict[str, list[Person]] = {}  # a word of a full name -> the people so named, in text order
    for p in sorted(named):
        if p.last - p.first > 1 and not p.bare:
            for word in p.name.split():
                by_word.setdefault(word, []).append(p)
    if not by_word:
        return []
    covered = {i for p in named for i in range(p.first, p.last)}
    out = []
    for i in compress(count(), map(TITLES.__contains__, (t.text.rstrip(".") for t in toks[:-1]))):
        word = toks[i + 1]
        if i + 1 in covered or not word.capitalised or len(word.text) < 3 or word.text not in by_word:
            continue
        so_named = by_word[word.text]
        before = so_named[: bisect.bisect_right([p.last for p in so_named], i)]
        if before:
            out.append(Person(i + 1, i + 2, before[-1].name, before[-1].country))
    return out


def _someone_else(toks: list[Token], first: int, candidates: list[tuple[str, str]]) -> bool:
    """A short form right after a given name that none of its people has: 'Dagestan's leader, Mukhu
    Aliyev' is not Ilham Aliyev, 'Laura Bush' no president. A title ('President Bush'), a word that
    opens the sentence ('Yesterday Putin said') or a capital word that is no name ('US', 'Kremlin's')
    leaves the form as it was."""
    if first == 0:
        return False
    before = toks[first - 1]
    name_like = before.capitalised and before.text[1:].islower() and before.text.isalpha()
    if not name_like or before.sentence_start or before.end + 1 != toks[first].start:
        return False
    if before.text in TITLES or before.text in NOT_GIVEN_NAMES:
        return False
    return all(before.text not in full.split() for full, _ in candidates)
