"""Well-known people who act for a state (geomap.people, data/people.json), with the real data."""

from __future__ import annotations

import pytest

from geomap.document import extract
from geomap.people import find_people, load_people
from geomap.text import tokens


def named(text, **options):
    toks = tokens(text)
    return [(" ".join(t.text for t in toks[p.first : p.last]), p.country) for p in find_people(toks, **options)]


def test_full_names_are_found_with_their_country():
    assert named("Bashar al-Assad met Kim Jong Un and Vladimir Putin.") == [
        ("Bashar al Assad", "SY"),
        ("Kim Jong Un", "KP"),
        ("Vladimir Putin", "RU"),
    ]


def test_a_short_form_needs_the_full_name_or_a_title():
    assert named("Vladimir Putin spoke. Later Putin left.") == [("Vladimir Putin", "RU"), ("Putin", "RU")]
    assert named("President Clinton spoke.") == [("Clinton", "US")]
    assert named("Clinton got rain.") == []
    # where no stage took the word for a place, it may stand alone
    assert named("Clinton got rain.", alone=True) == [("Clinton", "US")]


def test_alone_finds_the_same_people_and_marks_those_only_it_takes_as_bare():
    toks = tokens("Vladimir Putin spoke. Later Putin left. President Clinton met Xi. Clinton got rain.")
    everyone = find_people(toks, alone=True)
    assert [(toks[p.first].text, p.bare) for p in everyone] == [
        ("Vladimir", False), ("Putin", False), ("Clinton", False), ("Xi", True), ("Clinton", True),
    ]  # fmt: skip
    # so a pipeline finds them once, for recognition (the sure ones) and for events (all)
    assert find_people(toks) == [p for p in everyone if not p.bare]


def test_every_entry_has_a_country_the_gazetteer_knows(gazetteer):
    people = load_people()
    countries = {country for _, country in people.full.values()}
    assert len(people.full) > 1500
    assert all(gazetteer.get_country(code) is not None for code in countries)


def test_no_place_inside_a_leader_s_name(gazetteer):
    doc = extract("Bashar al-Assad met Kim Jong Un in Damascus.", gazetteer=gazetteer)
    assert [m.text for p in doc.places for m in p.mentions] == ["Damascus"]
    # the states they act for are the ends of what they do
    names = {p.place.id: p.place.name for p in doc.places}
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert [{names[e.origin], names[e.destination]} for e in meetings] == [{"North Korea", "Syria"}]


def test_a_town_named_like_a_leader_stays_a_town(gazetteer):
    doc = extract("Heavy rain fell on Clinton, Iowa, on Monday.", gazetteer=gazetteer)
    assert "Clinton" in [p.place.name for p in doc.places]


def test_a_short_form_that_speaks_is_the_person():
    from geomap.text import tokens

    said = find_people(tokens("During his visit to Japan, Obama said the alliance was strong."))
    assert [(p.name, p.country, p.bare) for p in said] == [("Barack Obama", "US", False)]
    # a town that says nothing stays a town for recognition (only `alone` takes it, as bare)
    assert find_people(tokens("Rain fell on Obama and Tsuruga on Monday.")) == []


def test_leaders_of_states_large_and_small_have_their_country():
    text = (
        "Jalal Talabani met Jakaya Kikwete. Michelle Bachelet called Tarja Halonen. "
        "Later President Bachelet and Kikwete said nothing."
    )
    assert named(text) == [
        ("Jalal Talabani", "IQ"),
        ("Jakaya Kikwete", "TZ"),
        ("Michelle Bachelet", "CL"),
        ("Tarja Halonen", "FI"),
        ("Bachelet", "CL"),
        ("Kikwete", "TZ"),
    ]


def test_a_short_form_after_another_given_name_is_someone_else():
    # "Mukhu Aliyev", Dagestan's leader, is not Ilham Aliyev of Azerbaijan, nor "Hussein Obama" the president
    assert named("Ilham Aliyev spoke, and Mukhu Aliyev, Dagestan's leader, and Hussein Obama listened.") == [
        ("Ilham Aliyev", "AZ")
    ]
    assert named("Mukhu Aliyev met officials.", alone=True) == [("Aliyev", "AZ")]  # a sentence's first word: unknown
    # a title, the person's own given name, a day or "The" before it leave the form the person's
    assert named("Ilham Aliyev spoke. President Aliyev, Ilham Aliyev and The Aliyev government listened.") == [
        ("Ilham Aliyev", "AZ"), ("Aliyev", "AZ"), ("Ilham Aliyev", "AZ"), ("Aliyev", "AZ"),
    ]  # fmt: skip
    assert named("On Tuesday Putin flew home.", alone=True) == [("Putin", "RU")]


@pytest.mark.parametrize("reader", ["syntax", "rules"])
def test_someone_else_of_a_leader_s_name_does_not_act_for_the_state(gazetteer, syntax_model, reader):
    text = "Vladimir Putin held a meeting on Friday with Dagestan's leader, Mukhu Aliyev, in Moscow."
    doc = extract(text, gazetteer=gazetteer, reader=reader)
    names = {p.place.id: p.place.name for p in doc.places}
    assert "Azerbaijan" not in names.values()
    assert [(names[e.origin], names[e.destination], e.type) for e in doc.events] == [("Russia", "Dagestan", "meeting")]


def test_a_title_before_a_word_of_a_name_given_in_full_is_that_person():
    text = "Crown Prince Mohammed bin Salman spoke. Later Prince Mohammed and Mr. Kim left, then President Salman."
    assert named(text) == [("Mohammed bin Salman", "SA"), ("Mohammed", "SA"), ("Salman", "SA")]
    # only after the full name, and only a word of it
    assert named("Prince Mohammed spoke before Mohammed bin Salman arrived.") == [("Mohammed bin Salman", "SA")]
