"""Recognition on sentences of our own, against the real bundled gazetteer."""

from __future__ import annotations

import pytest

from geomap.document import extract
from geomap.mentions import find_mentions, recognise


def found(text, gazetteer):
    """The mentions that survive the whole pipeline (some need the document to decide)."""
    doc = extract(text, gazetteer=gazetteer)
    return sorted(((m.text, m.via) for p in doc.places for m in p.mentions), key=lambda tv: text.index(tv[0]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("South Korean intelligence said", [("South Korean", "demonym")]),
        ("Russian transport aircraft landed", [("Russian", "demonym")]),
        ("North Koreans and Russians met", [("North Koreans", "demonym"), ("Russians", "demonym")]),
        ("a Slovak national and a Kazakh firm", [("Slovak", "demonym"), ("Kazakh", "demonym")]),
        ("European leaders met", [("European", "demonym")]),
    ],
)
def test_demonyms_are_mentions_of_their_country(gazetteer, text, expected):
    assert found(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Peterson spoke for an hour.",
        "Under Secretary Brian E. Nelson said so.",
        "Kim Jong Un met him. Later Kim said nothing.",
        "Rep. Yoo told reporters.",
        "Mr. Lincoln arrived late.",
        "Paris Hilton arrived late.",
        "The Messenger's slogan",
        "222 Lakeview Avenue, Suite 1650",
        "In March, the talks began. May brought rain.",
        "Nice weather today, said the mayor.",
        "Read More",
        "Jones said the vote was close.",
        "Korea News Service reported it.",
    ],
)
def test_people_organisations_and_common_words_are_not_places(gazetteer, text):
    assert found(text, gazetteer) == []


def test_a_place_named_with_a_person_elsewhere_keeps_the_place(gazetteer):
    assert found("Jordan Peterson left Jordan.", gazetteer) == [("Jordan", "name")]
    assert found("She flew from Lincoln, Nebraska.", gazetteer) == [("Lincoln", "name"), ("Nebraska", "name")]


def test_organisation_names_count_when_the_place_is_named_alone_too(gazetteer):
    doc = extract("Gainesville Police said a Gainesville man was arrested.", gazetteer=gazetteer)
    assert [len(p.mentions) for p in doc.places] == [2]
    assert extract("Korea News Service reported it.", gazetteer=gazetteer).places == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He lives in West Palm Beach now.", ["West Palm Beach"]),
        ("Talks with South Korea and New York.", ["South Korea", "New York"]),
        ("The Democratic People's Republic of Korea said", ["Democratic People's Republic of Korea"]),
        ("Russia-North Korea military cooperation", ["Russia", "North Korea"]),
        ("flights to Bosnia and Herzegovina", ["Bosnia and Herzegovina"]),
        # Arabic's article before a sun letter joins a name as "al" and "el" do
        ("From Kenya he flew to Dar es Salaam.", ["Kenya", "Dar es Salaam"]),
    ],
)
def test_longest_name_wins_over_its_parts(gazetteer, text, expected):
    assert [t for t, _ in found(text, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. Treasury and the US said", [("U.S.", "abbreviation"), ("US", "abbreviation")]),
        ("the UK and the DPRK", [("UK", "abbreviation"), ("DPRK", "abbreviation")]),
        ("he told us about it", []),
        ("Gainesville, Fla., police", [("Gainesville", "name"), ("Fla.", "abbreviation")]),
        # an abbreviation of two dotted words is one name, not "Va." (Virginia) alone
        ("Greenwood, W. Va., police", [("Greenwood", "alias"), ("W. Va.", "abbreviation")]),
        ("West Palm Beach, FL 33401", [("West Palm Beach", "name"), ("FL", "code")]),
        ("IN THE NEWS: FL", []),
    ],
)
def test_abbreviations_and_postal_codes_match_exactly(gazetteer, text, expected):
    assert found(text, gazetteer) == expected


def test_offsets_point_at_the_text_even_after_non_ascii(gazetteer):
    text = "über Zürich — “naïve” 東京 trip: the delegation flew from Kyiv to Pyongyang 🚀 and São Paulo."
    mentions = find_mentions(text, gazetteer)
    assert [m.text for m in mentions] == ["Zürich", "Kyiv", "Pyongyang", "São Paulo"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_empty_and_placeless_texts(gazetteer):
    assert find_mentions("", gazetteer) == []
    assert find_mentions("   \n\n", gazetteer) == []
    assert find_mentions("nothing to see here, all lowercase words", gazetteer) == []


def test_common_words_need_support_from_the_document(gazetteer):
    weak = [r for r in recognise("They sold Western weapons.", gazetteer) if r.weak]
    assert [r.mention.text for r in weak] == ["Western"]


def test_a_town_named_like_a_person_is_a_place_after_a_preposition_of_place(gazetteer):
    assert found("A man was arrested in Lawton on Monday.", gazetteer) == [("Lawton", "name")]
    assert found("The fire spread toward Lawton overnight.", gazetteer) == [("Lawton", "name")]
    # not a person's, nor after "to" or "from", which take people as often
    assert found("They met in Lawton's office.", gazetteer) == []
    assert found("Lawton said the plan was good.", gazetteer) == []
    assert found("The pass from Lawton found Smith.", gazetteer) == []
    # after "to" or "from", where a verb or noun of journeys comes shortly before
    assert found("They drove back to Lawton on Sunday.", gazetteer) == [("Lawton", "name")]
    assert found("The tourist was flown from Bali to Darwin.", gazetteer) == [("Bali", "name"), ("Darwin", "name")]
    assert found("He passed the ball to Lawton.", gazetteer) == []
    assert found("He flew home, and wrote to Lawton.", gazetteer) == []  # another clause
    # goods go between places as people do
    text = "Two men were charged with smuggling cartons of cigarettes from Virginia to New York City."
    assert ("Virginia", "name") in found(text, gazetteer)
    # or where a large place is the other end of the path, and after "out of" as after "from"
    assert ("Lawton", "name") in found("The drugs were brought from Atlanta to Lawton.", gazetteer)
    assert ("Lawton", "name") in found("The drugs were brought from Lawton to Atlanta.", gazetteer)
    assert found("The pass went from Smith to Lawton.", gazetteer) == []
    assert found("The pass went from Atlanta, and then to Lawton.", gazetteer) == [("Atlanta", "name")]
    assert found("He drove out of Lawton on Monday.", gazetteer) == [("Lawton", "name")]
    assert found("He got the most out of Lawton on Monday.", gazetteer) == []


@pytest.mark.parametrize(
    "text",
    [
        "Markets showed little confidence in Powell after the Fed meeting.",
        "The announcement came from Powell on Monday.",
        "The team returned the trophy to Harrison on Sunday.",
        "Garland told reporters in Dallas that he was happy.",  # Garland, Texas lies beside Dallas
    ],
)
def test_a_person_in_such_places_stays_a_person(gazetteer, text):
    assert not [m for m in found(text, gazetteer) if m[0] in ("Powell", "Harrison", "Garland")]


def test_a_town_named_like_a_person_is_backed_by_a_town_named_nearby(gazetteer):
    recognised = recognise("Storms hit Lawton and Wichita Falls.", gazetteer)
    assert [(r.mention.text, r.weak, r.surname) for r in recognised] == [
        ("Lawton", True, True),
        ("Wichita Falls", False, False),
    ]
    # Lawton, Oklahoma lies 80 km from Wichita Falls, Texas: the name is the town
    doc = extract("Storms hit Lawton and Wichita Falls.", gazetteer=gazetteer)
    assert [(p.place.name, p.place.admin1) for p in doc.places] == [("Lawton", "Oklahoma"), ("Wichita Falls", "Texas")]
    # a common word is not backed so ("Western" is a town's name too)
    western = recognise("They sold Western boots in Kansas City.", gazetteer)[0]
    assert (western.mention.text, western.weak, western.surname) == ("Western", True, False)


@pytest.mark.parametrize(
    "text",
    ["The White House said no.", "Talks with Hamas stalled.", "He drives a Toyota.", "Wal-Mart opened a store."],
)
def test_names_news_uses_for_something_else_are_not_places(gazetteer, text):
    assert found(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artists left the Russian Empire for America.", [("Russian", "demonym"), ("America", "alias")]),
        ("Troops of the Ottoman Empire marched on Vienna.", [("Vienna", "name")]),
        ("He left the Soviet Union in 1979.", []),
        # not after a name, the town it is
        ("She drove from Union, N.J., to Newark.", [("Union", "name"), ("N.J.", "abbreviation"), ("Newark", "name")]),
        ("In Union, N.J., a man was arrested.", [("Union", "name"), ("N.J.", "abbreviation")]),
    ],
)
def test_a_word_that_ends_a_state_s_name_is_no_town_there(gazetteer, text, expected):
    """Empire (Oregon), Union (New Jersey), Republic (Missouri) are towns, but not after a name."""
    assert found(text, gazetteer) == expected


def test_hyphenated_places_still_split(gazetteer):
    assert [t for t, _ in found("the Russia-Ukraine war and Seoul-based firms", gazetteer)] == [
        "Russia",
        "Ukraine",
        "Seoul",
    ]


def test_a_day_after_a_place_is_no_surname(gazetteer):
    # "in Montana Sunday" is news style for a date, not a person called Montana Sunday; before the
    # fix every mention of Montana in the text was dropped as part of that person's name
    text = "Four people died in a crash in Montana Sunday. The family was flying to Montana for a ski trip."
    assert found(text, gazetteer) == [("Montana", "name"), ("Montana", "name")]


@pytest.mark.parametrize(
    "text",
    [
        "She was struck by a Ford Crown Victoria driven by a man.",  # a model after its make
        "A 1993 brown Cadillac hit the truck.",  # a make after a model year
        "A Dodge Durango hit the wall. Later the Durango pulled up.",  # the model named again
    ],
)
def test_cars_are_not_places(gazetteer, text):
    assert found(text, gazetteer) == []


@pytest.mark.parametrize(
    "text",
    [
        "Igor told The Moscow Times on Monday. Flights to Moscow resumed.",  # a paper's name
        "The airline cut the Washington-Moscow route. Flights to Moscow resumed.",  # two places hyphenated
        # an airport named for a person and its town, though the gazetteer knows a place "Airport"
        "The flight left Moscow Sergei Korolev Airport at noon. Flights to Moscow resumed.",
    ],
)
def test_one_odd_mention_does_not_erase_a_major_city(gazetteer, text):
    # before: each was read as part of a person's name, and so every mention of Moscow was dropped
    assert ("Moscow", "name") in found(text, gazetteer)


def test_a_person_named_after_a_small_town_still_hides_it(gazetteer):
    # "Kim" after "Kim Jong Un" is the person, wherever it stands
    assert found("Kim Jong Un spoke. Kim later flew to Moscow.", gazetteer) == [("Moscow", "name")]


@pytest.mark.parametrize(
    "text",
    [
        "Côr Meibion Pontypridd sang at the festival on Saturday. Most of the singers come from Pontypridd.",
        "Côr Meibion Llanelli sang at the festival on Saturday. The choir was back in Llanelli by Sunday.",
    ],
)
def test_a_town_in_a_name_is_still_the_town_where_a_preposition_of_place_puts_it(gazetteer, text):
    # "Côr Meibion X" reads as a person's name, which hides X elsewhere; "in X", "from X" is the town
    town = text.split()[2]
    assert found(text, gazetteer) == [(town, "name")]


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        # a name with a capital inside is written so: another casing is someone else
        ("Noma had moved to Delft.", "Noma", False),
        ("The NoMa district grew.", "NoMa", True),
        ("He lives in DeKalb, Illinois.", "DeKalb", True),
    ],
)
def test_a_name_with_a_capital_inside_must_be_written_so(gazetteer, text, name, found):
    names = {m.text for p in extract(text, gazetteer=gazetteer).places for m in p.mentions}
    assert (name in names) == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's place in capitals is a name, not an abbreviation that must match exactly
        ("KYIV (Reuters) - Talks resumed.", [("KYIV", "name")]),
        ("ADRE, Chad — Refugees arrived.", [("ADRE", "name"), ("Chad", "name")]),
        ("SEOUL, South Korea (AP) - Talks resumed.", [("SEOUL", "name"), ("South Korea", "name")]),
        ("Talks ended. ROME (AP) - The pope spoke.", [("ROME", "name")]),
        # short capitals elsewhere stay abbreviations: nothing matches them loosely
        ("UN — Talks resumed.", []),
        ("ROME fans cheered.", []),
    ],
)
def test_a_dateline_in_capitals_names_its_place(gazetteer, text, expected):
    assert found(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text",
    [
        "HMS Prince of Wales sailed into port.",
        "The USS Pennsylvania docked.",
        "The USS Dwight D. Eisenhower left.",
    ],
)
def test_ships_names_are_not_places(gazetteer, text):
    assert found(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common word named as a place is one
        ("Fighting raged around the town of Sake.", [("Sake", "name")]),
        ("Fighting raged around Sake.", []),
    ],
)
def test_a_name_called_a_town_is_a_place(gazetteer, text, expected):
    assert found(text, gazetteer) == expected


def test_a_capitalised_city_of_is_a_name(gazetteer):
    # "City of Hope" is a hospital, not Hope
    assert ("Hope", "name") not in found("A boy was flown from Las Vegas to City of Hope in Los Angeles.", gazetteer)


def test_a_regions_demonym_names_it_unless_it_is_a_surname(gazetteer):
    def places(text):
        return [(m.text, fp.place.name) for fp in extract(text, gazetteer=gazetteer).places for m in fp.mentions]

    assert places("Welsh farmers protested in Cardiff.") == [("Welsh", "Wales"), ("Cardiff", "Cardiff")]
    assert places("Chechen fighters travelled to Syria.") == [("Chechen", "Chechnya"), ("Syria", "Syria")]
    assert places("Irvine Welsh said he was happy.") == []  # a surname, and a first name no town
    assert places("In Beijing Chinese officials said.") == [("Beijing", "Beijing"), ("Chinese", "China")]
    assert places("Kansas City Missouri police said.") == [("Kansas City", "Kansas City"), ("Missouri", "Missouri")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the end of a longer name after "del", "de", "van": no town of its own (not Seoul, alias "Sol")
        ("He fled to Spain's Costa del Sol in 2021.", [("Spain", "name")]),
        ("The artist Mario de Santiago lives in Lyon.", [("Lyon", "name")]),
        ("Rail chief Roger van Boxtel visited Utrecht.", [("Utrecht", "name")]),
        # a name the gazetteer knows whole, and a country, still are
        ("They flew to Rio de Janeiro.", [("Rio de Janeiro", "name")]),
        ("He rode in the Tour de France.", [("France", "name")]),
    ],
)
def test_a_word_after_a_name_particle_ends_a_longer_name(gazetteer, text, expected):
    assert found(text, gazetteer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aircraft's name after its model's code
        ("A C-130 Hercules flew from Brisbane to Mount Isa.", ["Brisbane", "Mount Isa"]),
        ("A CH-47 Chinook landed in Kabul.", ["Kabul"]),
        ("Hercules is a town in California.", ["Hercules", "California"]),
        # a sea or a cape the gazetteer lacks, opened by a word it knows alone as another
        ("The cyclone strengthened in the Gulf of Carpentaria.", []),
        ("Ships sailed around the Cape of Good Hope.", []),
        ("Tankers crossed the Gulf of Aden.", ["Gulf of Aden"]),
    ],
)
def test_names_that_hold_a_place_name_but_name_none(gazetteer, text, expected):
    assert [t for t, _ in found(text, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code before a name that is a group's, a road's or a flight's leaves the place
        ("Biden attended the G-7 Cornwall summit.", ["Cornwall"]),
        ("The M-5 Damascus highway was cut.", ["Damascus"]),
        ("The MH-17 Amsterdam to Kuala Lumpur flight was downed.", ["Amsterdam", "Kuala Lumpur"]),
        ("An Il-76 Moscow-bound cargo plane landed.", ["Moscow"]),
    ],
)
def test_a_place_after_a_code_that_is_no_aircrafts(gazetteer, text, expected):
    assert [t for t, _ in found(text, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two places joined by a hyphen are both places, not a double-barrelled name
        ("A Delhi-Bengaluru flight was diverted to Nagpur.", ["Delhi", "Bengaluru", "Nagpur"]),
        ("Amsterdam-London trains run hourly.", ["Amsterdam", "London"]),
        # (but a road named for two towns names neither, and a hyphenated surname stays a person's)
        ("Police stopped a truck on the Lagos-Ibadan Expressway in Ogun State.", ["Ogun State"]),
        ("Mary Smith-Jones flew to Paris.", ["Paris"]),
    ],
)
def test_places_joined_by_a_hyphen(gazetteer, text, expected):
    assert [t for t, _ in found(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a country's other name that is an English word ("Island", Iceland's own) is that word
        "Island businesses say the disruption could not have come at a worse time.",
        "Commanding, Folly Island: have a few shots fired each day.",
    ],
)
def test_a_countrys_other_name_that_is_a_word_is_no_place(gazetteer, text):
    assert all(t != "Island" for t, _ in found(text, gazetteer))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town named like a person is a place before "-based", and after a move of a firm's home
        ("Brandon-based Westgrain Seeds moved its headquarters to Regina.", ["Brandon", "Regina"]),
        # (not a person's name after a move of a thing: "moved the ball to Hutchinson")
        ("He moved the ball to Hutchinson.", []),
    ],
)
def test_a_town_named_like_a_person_said_to_be_somewhere(gazetteer, text, expected):
    assert [t for t, _ in found(text, gazetteer)] == expected
