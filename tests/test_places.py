"""Resolution with the document as context, on texts of our own."""

from __future__ import annotations

import pytest

from geomap.document import extract


def resolved(text, gazetteer):
    return {
        m.text: (p.place.name, p.place.admin1, p.place.country)
        for p in extract(text, gazetteer=gazetteer).places
        for m in p.mentions
    }


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The fair in Paris, Texas drew crowds.", "Paris", ("Paris", "Texas", "US")),
        ("Officials in Paris, Tenn., said the road is closed.", "Paris", ("Paris", "Tennessee", "US")),
        ("Paris, France hosted the summit.", "Paris", ("Paris", "Île-de-France", "FR")),
        ("A man from Gainesville, Ga., was charged.", "Gainesville", ("Gainesville", "Georgia", "US")),
        ("The summit opened in Paris.", "Paris", ("Paris", "Île-de-France", "FR")),
    ],
)
def test_city_region_and_city_country_patterns(gazetteer, text, name, expected):
    assert resolved(text, gazetteer)[name] == expected


def test_the_region_named_elsewhere_decides_the_town(gazetteer):
    places = resolved("Gainesville police arrested a man. In Georgia, Gainesville is calm.", gazetteer)
    assert places["Gainesville"][1:] == ("Georgia", "US")
    assert places["Georgia"] == ("Georgia", None, "US")  # the US state, not the country


def test_nearby_towns_decide_an_ambiguous_name(gazetteer):
    places = resolved("Crews from Clarksville and Bogata reached Paris by noon.", gazetteer)
    assert places["Paris"][1:] == ("Texas", "US")


def test_two_names_that_swing_together_settle_near_each_other(gazetteer):
    # round by round, each name moved to the other's country at once (Halifax to England beside
    # Truro, England; Truro to Nova Scotia beside Halifax, N.S.): weighed together, both are in Nova Scotia
    places = resolved("The train left Halifax for Truro on Monday.", gazetteer)
    assert places["Halifax"][1:] == places["Truro"][1:] == ("Nova Scotia", "CA")


def test_one_name_means_one_place_throughout(gazetteer):
    doc = extract("Paris, Texas is small. Paris has a tower too. In Paris the fair opened.", gazetteer=gazetteer)
    (paris,) = [p for p in doc.places if p.place.name == "Paris"]
    assert paris.place.admin1 == "Texas" and len(paris.mentions) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ebola spread in Congo.", "CD"),  # alone, the far larger country of the two
        ("Fighting in eastern Congo near Goma displaced thousands.", "CD"),
        ("Congo's president visited Brazzaville.", "CG"),  # a town of the other decides
        ("The Republic of Congo reported cases. Congo said more.", "CG"),  # the long form named before
        ("The Democratic Republic of Congo sent samples to Kinshasa. Congo said more.", "CD"),
    ],
)
def test_congo_is_either_country_as_the_document_says(gazetteer, text, expected):
    """Both Congos are called "Congo": the name has both candidates, and the rest of the text
    chooses, as for any ambiguous name (GeoNames and Natural Earth give it only to the Republic)."""
    assert resolved(text, gazetteer)["Congo"][2] == expected


def test_a_capital_s_own_name_is_no_other_town_s_old_one(gazetteer):
    # GeoNames gives "Islamabad" to Chattogram too (its Mughal name), a town of 3.9 million
    assert resolved("He arrived in Islamabad on Monday.", gazetteer)["Islamabad"] == ("Islamabad", "Islamabad", "PK")
    # a smaller town of a capital's name stays for the text to choose
    text = "Castro's ashes were carried from Havana to Santiago, in eastern Cuba."
    assert resolved(text, gazetteer)["Santiago"][0] == "Santiago de Cuba"
    assert resolved("Offshore firms in Georgetown, Cayman Islands, were fined.", gazetteer)["Georgetown"][2] == "KY"


def test_a_towns_own_name_outranks_an_old_name_in_its_country(gazetteer):
    # GeoNames gives "Marion" to Reseda, Los Angeles (65,000) too: the Marions (37,000 in Iowa) are
    # the ones called so, whatever California beside it says
    text = "The band leaves Marion, Iowa on Dec. 28 for Pasadena, Calif."
    assert resolved(text, gazetteer)["Marion"] == ("Marion", "Iowa", "US")
    assert "Marion" not in resolved("The band leaves Marion on Dec. 28 for Pasadena, Calif.", gazetteer)
    # but not a town much larger than any of its own name: "Saint Louis" is St. Louis
    text = "Flights from Saint Louis to Chicago were delayed, Missouri officials said."
    assert resolved(text, gazetteer)["Saint Louis"][0] == "St. Louis"


def test_washington_acting_is_the_capital(gazetteer):
    for text in ("In March, Washington sanctioned the firm.", "Washington said it would respond."):
        assert resolved(text, gazetteer)["Washington"] == ("Washington", "District of Columbia", "US")


def test_confidence_is_lower_for_ambiguous_names(gazetteer):
    doc = extract("They met in Springfield. Then they flew to Pyongyang.", gazetteer=gazetteer)
    conf = {p.place.name: p.confidence for p in doc.places}
    assert conf["Pyongyang"] > 0.9 > conf["Springfield"] > 0.0


def test_the_seed_article_names_exactly_its_real_places(gazetteer):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt").read_text()
    doc = extract(text, gazetteer=gazetteer)
    names = {p.place.name for p in doc.places}
    assert names == {
        "Pyongyang",
        "Seoul",
        "Russia",
        "North Korea",
        "South Korea",
        "Ukraine",
        "Slovakia",
        "Kazakhstan",
        "United States",
        "Washington",
        "Europe",
        "Asia",
        "West Palm Beach",
        "Florida",
    }
    for found in doc.places:
        for m in found.mentions:
            assert text[m.start : m.end] == m.text
    demonyms = {m.text for p in doc.places for m in p.mentions if m.via == "demonym"}
    assert demonyms == {"South Korean", "North Korean", "Russian", "Slovak"}
    assert {p.place.name: p.place.id for p in doc.places}["Washington"] == "4140963"


def test_the_nearest_town_is_the_same_by_grid_as_by_measuring_all():
    import math
    import random

    from geomap.gazetteer import distance_km
    from geomap.places import NEARBY_BONUS, _Towns

    rng = random.Random(7)
    # clusters, the poles and the antimeridian: where a grid over latitude and longitude would fail
    centres = [(40.0, -100.0), (89.5, 0.0), (-89.9, 120.0), (0.0, 179.9), (0.0, -179.9), (51.5, 0.0)]
    points = [
        (f"k{n % 40}", (max(-90.0, min(90.0, lat + rng.gauss(0, 4))), (lon + rng.gauss(0, 6) + 180) % 360 - 180))
        for n, (lat, lon) in enumerate(rng.choice(centres) for _ in range(400))
    ]
    towns = _Towns(points)
    assert len(points) > towns.FEW
    largest = max(km for km, _ in NEARBY_BONUS)
    for key, point in points[:150] + [("new", (rng.uniform(-90, 90), rng.uniform(-180, 180))) for _ in range(50)]:
        every = min((distance_km(point, other) for k, other in points if k != key), default=math.inf)
        assert towns.nearest(point, key) == (every if every <= largest else math.inf)


def test_a_province_outranks_a_lesser_town_of_another_land(gazetteer):
    # Bali, Indonesia's province, not Bāli, a town of 300,000 in India; but "Washington" stays the
    # capital, and a province still yields to its own town of the same name
    doc = extract("Leaders met in Bali on Monday.", gazetteer=gazetteer)
    assert [(p.place.name, p.place.kind, p.place.country) for p in doc.places] == [("Bali", "admin1", "ID")]
    doc = extract("Officials in Washington said the talks went well.", gazetteer=gazetteer)
    assert [(p.place.name, p.place.country, p.place.capital) for p in doc.places] == [("Washington", "US", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sea of no one country is the one beside the countries the text names
        ("Saudi Arabia imposed an embargo on a fellow US ally in the Gulf, Qatar.", "Persian Gulf"),
        ("Iran seized a tanker in the Gulf.", "Persian Gulf"),
        ("Oil rigs in the Gulf were evacuated before the hurricane hit Louisiana.", "Gulf of Mexico"),
    ],
)
def test_a_sea_is_the_one_beside_the_countries_named(gazetteer, text, expected):
    assert resolved(text, gazetteer)["Gulf"][0] == expected


def test_a_region_of_several_countries_gives_way_to_a_place_in_a_named_one(gazetteer):
    # Kurdistan is also a region across four countries; with Iran named, it is Iran's province
    assert resolved("The protest of teachers in Kurdistan, Iran.", gazetteer)["Kurdistan"][2] == "IR"


@pytest.mark.parametrize(
    ("text", "name", "capital"),
    [
        ("Flu cases in Mexico City rose. Eleven residents had travelled to Mexico.", "Mexico", "Mexico City"),
        ("Protests spread from Kuwait City. Kuwait closed its borders.", "Kuwait", "Kuwait City"),
    ],
)
def test_a_country_s_name_is_the_country_beside_its_capital(gazetteer, text, name, capital):
    found = resolved(text, gazetteer)
    assert found[name] == (name, None, found[capital][2])  # the country, not the capital it also names
    assert found[capital][0] == capital


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's name before a word for a region is the region of that name
        ("Drones hit a refinery in Russia's Krasnodar region.", {"Krasnodar": "admin1"}),
        (
            "Drones were shot down over the Krasnodar, Bryansk and Belgorod regions.",
            {"Krasnodar": "admin1", "Bryansk": "admin1", "Belgorod": "admin1"},
        ),
        ("Russia attacked the Kherson region.", {"Kherson": "admin1"}),
        # not without such a word, nor where the name is no town's ("the Gulf states": a sea)
        ("Russia attacked Kherson.", {"Kherson": "city"}),
        ("Oil rose as the Gulf states cut output.", {"Gulf": "water"}),
    ],
)
def test_a_word_for_a_region_after_a_town_s_name_makes_it_the_region(gazetteer, text, expected):
    doc = extract(text, gazetteer=gazetteer)
    kinds = {m.text: p.place.kind for p in doc.places for m in p.mentions}
    assert {name: kinds.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # the region of the town's own country, not another country's of that name
        ("Firefighters were sent from Seville to Spain's Cordoba province.", "Cordoba", ("city", "ES")),
        ("Argentina's Cordoba province was hit by drought.", "Cordoba", ("admin1", "AR")),
        # a name also used alone keeps the town
        (
            "Ukrainian forces pushed into Russia's Kursk region. Residents fled from Kursk to Moscow.",
            "Kursk",
            ("city", "RU"),
        ),
    ],
)
def test_a_region_word_keeps_the_town_s_country_and_its_other_mentions(gazetteer, text, name, expected):
    doc = extract(text, gazetteer=gazetteer)
    assert {m.text: (p.place.kind, p.place.country) for p in doc.places for m in p.mentions}[name] == expected


def test_a_region_named_is_one_clue_with_its_country(gazetteer):
    # "California" names the state and so the US: Pittsburg, California gains for the one, not
    # twice, and stays behind Pittsburgh (300,000 against 70,000)
    text = "Researchers in California said a doctor in Pittsburgh agreed."
    assert resolved(text, gazetteer)["Pittsburgh"] == ("Pittsburgh", "Pennsylvania", "US")
    # the region named still decides between towns of one name
    assert resolved("Flooding hit Paris, and Texas officials said roads closed.", gazetteer)["Paris"][1] == "Texas"


@pytest.mark.parametrize(
    "text",
    [
        "Obama urged Congress to act on Monday.",  # Obama, Fukui: a well-known person's short name
        "Obama flew to Berlin on Monday.",
    ],
)
def test_a_well_known_persons_short_name_is_no_town_the_text_does_not_support(gazetteer, text):
    assert "Obama" not in {p.place.name for p in extract(text, gazetteer=gazetteer).places}
    # where the text says it is the town, it is
    text = "The festival in Obama, Fukui, drew crowds from Kyoto and Osaka."
    assert "Obama" in {p.place.name for p in extract(text, gazetteer=gazetteer).places}
