"""Events between places: the seed article's flows, each direction cue, lists, modality, dates,
merging, and events read back from JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geomap.document import extract, read_documents
from geomap.errors import InputError
from geomap.events import load_lexicon

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"


def flows(text, gazetteer, date=None):
    """(type, origin, destination, modality, date) by place name; undirected ends sorted."""
    doc = extract(text, gazetteer=gazetteer, date=date)
    names = {p.place.id: p.place.name for p in doc.places}
    out = []
    for e in doc.events:
        ends = (names[e.origin], names[e.destination])
        out.append((e.type, *(ends if e.directed else sorted(ends)), e.modality, e.date))
    return out


@pytest.fixture(scope="module")
def seed(gazetteer):
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, gazetteer=gazetteer)


def is_(place, wanted):
    """A place is 'Pyongyang' by name, or 'KP' if it is that country (or a place in it, for 'US')."""
    return place.name == wanted or (place.country == wanted and (place.kind == "country" or wanted == "US"))


def find(doc, type_, origin, destination):
    places = {p.place.id: p.place for p in doc.places}
    return [
        e for e in doc.events
        if e.type == type_ and is_(places[e.origin], origin) and is_(places[e.destination], destination)
    ]  # fmt: skip


# The flows the seed article asserts (issue 4), each with what must hold of it.
SEED_FLOWS = [
    ("shipment", "Pyongyang", "Russia", "2023-08-08", 2),  # "left Pyongyang for Russia on Aug. 8" + "out of Pyongyang"
    ("travel", "RU", "Pyongyang", "2023-08-01/2023-08-02", 1),  # personnel "visited by Russian military aircraft"
    ("visit", "RU", "Pyongyang", "2023-07-25", 1),  # Shoigu at the airport in Pyongyang, July 25, 2023
    ("meeting", "KP", "RU", "2023-07", 2),  # "meeting between … Shoigu and … Kim", "the July meeting"
    ("shipment", "KP", "RU", None, 3),  # "shipping supplies to the Russian army", "Airlifting Arms to Russia" x2
    ("trade", "KP", "RU", None, 1),  # "North Korean arms sales to Russia"
    ("sanction", "US", "SK", "2023-03", 2),  # "Washington sanctioned Slovak national", companies in Slovakia
    ("sanction", "US", "RU", None, 1),
    ("sanction", "US", "KZ", None, 1),
    ("attack", "RU", "UA", None, 1),  # "its war in Ukraine"
    ("communication", "KP", "RU", None, 1),  # "Putin and Kim exchanged letters"
]


@pytest.mark.parametrize(("type_", "origin", "destination", "date", "count"), SEED_FLOWS)
def test_seed_flows(seed, type_, origin, destination, date, count):
    text, doc = seed
    matches = find(doc, type_, origin, destination)
    assert len(matches) == 1, [e.to_dict() for e in doc.events]
    event = matches[0]
    assert (event.date, event.count, event.modality) == (date, count, "asserted")
    assert event.evidence and all(text[ev.start : ev.end] == ev.text for ev in event.evidence)
    assert 0 < event.confidence <= 1 and event.rule


def test_seed_asserts_no_other_flow(seed):
    _, doc = seed
    places = {p.place.id: p.place for p in doc.places}
    unexpected = []
    for e in doc.events:
        o, d = places[e.origin], places[e.destination]
        listed = any(t == e.type and is_(o, eo) and is_(d, ed) for t, eo, ed, _, _ in SEED_FLOWS)
        sanctioned_firms = e.type == "sanction" and d.kind == "continent"  # "companies based in Europe and Asia"
        if e.asserted and not listed and not sanctioned_firms:
            unexpected.append((e.type, o.name, d.name))
    assert unexpected == []


def test_seed_marks_what_it_only_supposes(seed):
    _, doc = seed
    supposed = {e.type for e in doc.events if e.modality == "hypothetical"}
    assert "other" in supposed  # "We expect Russia-North Korea military cooperation to speed up"


def test_seed_actors_and_people_standing_for_countries(seed):
    _, doc = seed
    (meeting,) = find(doc, "meeting", "KP", "RU")
    assert "Russian Defense Minister Sergei Shoigu" in meeting.actors
    assert "North Korean leader Kim Jong-un" in meeting.actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran shipped drones from Tehran to Moscow.", ("shipment", "Tehran", "Moscow")),
        ("The Moscow to Pyongyang flight landed.", ("travel", "Moscow", "Pyongyang")),
        ("A plane carrying arms left Minsk for Damascus.", ("shipment", "Minsk", "Damascus")),
        ("Trucks took grain out of Odesa.", None),  # no agent, no destination: no flow
        ("Chinese ships took oil out of Venezuela.", ("shipment", "Venezuela", "China")),
        ("Refugees crossed into Poland from Ukraine.", ("migration", "Ukraine", "Poland")),
        ("Moscow-bound flights from Istanbul resumed.", ("travel", "Istanbul", "Moscow")),
        ("Iran's deliveries of drones to Russia grew.", ("shipment", "Iran", "Russia")),
        ("To Armenia from Georgia, trucks brought fuel.", ("shipment", "Georgia", "Armenia")),
        ("Shells were delivered to Russia by North Korea.", ("shipment", "North Korea", "Russia")),
        ("Russia invaded Ukraine.", ("attack", "Russia", "Ukraine")),
        ("Kenya imported wheat from Ukraine.", ("trade", "Ukraine", "Kenya")),
        ("Japan pledged aid to Turkey.", ("aid", "Japan", "Turkey")),
        ("Germany transferred funds to Ukraine.", ("transfer", "Germany", "Ukraine")),
        ("The French president visited Beijing.", ("visit", "France", "Beijing")),
        # (a capital a state writes to is its state)
        ("The North Korean leader sent a letter to Moscow.", ("communication", "North Korea", "Russia")),
    ],
)
def test_direction_cues(gazetteer, text, expected):
    got = [f[:3] for f in flows(text, gazetteer)]
    assert got == ([expected] if expected else [])


def test_actor_country_is_the_origin_and_lists_fan_out(gazetteer):
    text = "The United States sanctioned companies in Slovakia, Russia and Kazakhstan."
    assert flows(text, gazetteer) == [
        ("sanction", "United States", "Slovakia", "asserted", None),
        ("sanction", "United States", "Russia", "asserted", None),
        ("sanction", "United States", "Kazakhstan", "asserted", None),
    ]


def test_undirected_events(gazetteer):
    assert flows("Talks between India and Pakistan were held in Geneva.", gazetteer) == [
        ("meeting", "India", "Pakistan", "asserted", None)
    ]
    doc = extract("Talks between India and Pakistan were held in Geneva.", gazetteer=gazetteer)
    assert not doc.events[0].directed


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Canada did not ship weapons to Taiwan.", "negated"),
        ("Egypt denied shipping rockets to Russia.", "negated"),
        ("Turkey could send troops to Libya.", "hypothetical"),
        ("Qatar plans to transfer funds to Lebanon.", "hypothetical"),
        ("Canada shipped weapons to Taiwan.", "asserted"),
    ],
)
def test_negated_and_hypothetical_events_are_marked(gazetteer, text, modality):
    (event,) = extract(text, gazetteer=gazetteer).events
    assert event.modality == modality and event.asserted == (modality == "asserted")


@pytest.mark.parametrize("reader", ["rules", "auto"])
def test_a_pledge_is_hypothetical_with_either_reader(gazetteer, reader):
    (event,) = extract("Japan pledged aid to Nepal.", gazetteer=gazetteer, reader=reader).events
    assert event.modality == "hypothetical"
    (event,) = extract("Japan sent aid to Nepal.", gazetteer=gazetteer, reader=reader).events
    assert event.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Russia shipped tanks to Belarus on March 3, 2022.", None, ("2022-03-03", "day")),
        ("Russia shipped tanks to Belarus in March.", "2023-05-01", ("2023-03", "month")),
        ("Russia shipped tanks to Belarus in March.", None, (None, None)),
        ("Russia shipped tanks to Belarus on Tuesday.", "2023-08-10", ("2023-08-08", "day")),
        ("Russia shipped tanks to Belarus on Tuesday.", None, (None, None)),
        ("Russia shipped tanks to Belarus on Dec. 30.", "2024-01-03", ("2023-12-30", "day")),
        ("Russia shipped tanks to Belarus on Aug. 1 and 2.", "2023-08-10", ("2023-08-01/2023-08-02", "day")),
        # a year after a word of time is a date of its own ("in 2021"); a bare number is not
        ("Russia shipped tanks to Belarus in 2021.", None, ("2021", "year")),
        ("Russia shipped 2021 tanks to Belarus.", None, (None, None)),
    ],
)
def test_dates_with_and_without_a_document_date(gazetteer, text, date, expected):
    (event,) = extract(text, gazetteer=gazetteer, date=date).events
    assert (event.date, event.date_precision) == expected


def test_dateline_gives_the_document_date(gazetteer):
    doc = extract("Published Aug. 10, 2023\nRussia shipped tanks to Belarus on Tuesday.", gazetteer=gazetteer)
    assert doc.date.isoformat() == "2023-08-10" and doc.events[0].date == "2023-08-08"


def test_repeated_flows_merge_with_a_count_and_all_evidence(gazetteer):
    text = "Iran shipped drones to Russia. Later, Iran shipped more drones to Russia on May 3, 2023."
    (event,) = extract(text, gazetteer=gazetteer).events
    assert event.count == 2 and len(event.evidence) == 2
    assert event.date == "2023-05-03"  # the one date the text gives
    assert [ev.text for ev in event.evidence] == ["Iran shipped drones to Russia.", text[31:]]


def test_event_ids_are_stable_and_records_serialise(gazetteer):
    text = "Iran shipped drones to Russia on May 3, 2023."
    first, second = extract(text, gazetteer=gazetteer), extract(text, gazetteer=gazetteer)
    assert [e.id for e in first.events] == [e.id for e in second.events]
    record = json.loads(first.to_json())
    assert record["events"][0]["type"] == "shipment" and record["events"][0]["date"] == "2023-05-03"


# --- The lexicon --------------------------------------------------------------------------------


def test_every_trigger_is_reachable():
    lexicon = load_lexicon()
    for type_ in lexicon.types.values():
        for form in type_.triggers:
            words = form.lower().split()
            assert lexicon.trigger_at(words, 0) == (len(words), "type", type_.name), form
    for form in lexicon.movement | lexicon.departure:
        assert lexicon.trigger_at([form], 0)[1] in ("movement", "departure"), form


def test_every_type_has_an_event_from_its_own_triggers(gazetteer):
    lexicon = load_lexicon()
    for type_ in lexicon.types.values():
        noun = next(t for t in type_.triggers if " " not in t)
        doc = extract(f"The {noun} between Iran and Iraq.", gazetteer=gazetteer) if not type_.directed else extract(
            f"Iran's {noun} to Iraq.", gazetteer=gazetteer
        )  # fmt: skip
        assert [e.type for e in doc.events] == [type_.name], noun


def test_users_add_their_own_event_types(tmp_path, gazetteer):
    mine = tmp_path / "types.json"
    mine.write_text(json.dumps({"types": {"cyberattack": {"triggers": ["hacked", "hack"], "directed": True}}}))
    doc = extract("Russia hacked Estonia.", gazetteer=gazetteer, lexicon=load_lexicon(mine))
    assert [(e.type, e.directed) for e in doc.events] == [("cyberattack", True)]
    bad = tmp_path / "bad.json"
    bad.write_text('{"types": {"x": {}}}')
    with pytest.raises(InputError, match=r"bad.json: \$\.types\.x: lacks the field 'triggers'"):
        load_lexicon(bad)


def test_a_trigger_is_a_lemma(tmp_path, gazetteer):
    mine = tmp_path / "types.json"
    mine.write_text(json.dumps({"types": {"cyberattack": {"triggers": ["hack"], "directed": True}}}))
    lexicon = load_lexicon(mine)
    for text in ("Russia hacked Estonia.", "Russia hacks Estonia.", "Russia was hacking Estonia."):
        doc = extract(text, gazetteer=gazetteer, lexicon=lexicon, reader="rules")
        assert [e.type for e in doc.events] == ["cyberattack"], text
    bundled = load_lexicon()
    assert bundled.trigger_at(["struck"], 0)[1:] == ("type", "attack")  # an irregular form from the data
    assert bundled.trigger_at(["aids"], 0) is None  # 'aid' lists its forms: AIDS is a disease


def test_per_type_policies_are_data(tmp_path, gazetteer):
    # where it happens is where it goes: a user's type says so, or does not
    for policy, expected in ((True, [("Russia", "Estonia")]), (False, [])):
        mine = tmp_path / f"types-{policy}.json"
        spec = {"triggers": ["hacking"], "location_is_destination": policy}
        mine.write_text(json.dumps({"types": {"cyberattack": spec}}))
        doc = extract("Russia's hacking in Estonia.", gazetteer=gazetteer, lexicon=load_lexicon(mine))
        names = {p.place.id: p.place.name for p in doc.places}
        assert [(names[e.origin], names[e.destination]) for e in doc.events if e.destination] == expected
    bad = tmp_path / "bad-policy.json"
    bad.write_text(json.dumps({"types": {"x": {"triggers": ["x"], "inherit": ["location"]}}}))
    with pytest.raises(InputError, match=r"bad-policy\.json: \$\.types\.x\.inherit"):
        load_lexicon(bad)


# --- Reading events back -------------------------------------------------------------------------


def test_round_trip_extract_edit_read(tmp_path, gazetteer):
    record = extract("Iran shipped drones from Tehran to Moscow on May 3, 2023.", gazetteer=gazetteer).to_dict()
    record["events"][0]["type"] = "trade"  # the analyst corrects the type
    record["events"][0]["id"] = ""  # and lets geomap give it a new id
    record["places"][0]["lat"] = 35.0  # and moves a place
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(record))
    (doc,) = read_documents(path, gazetteer=gazetteer)
    (event,) = doc.events
    assert (event.type, event.date, event.modality) == ("trade", "2023-05-03", "asserted")
    assert event.id.startswith("ev-") and doc.places[0].place.lat == 35.0
    assert doc.to_dict()["events"][0]["evidence"] == record["events"][0]["evidence"]


def test_csv_events_resolve_names_through_the_gazetteer(tmp_path, gazetteer):
    path = tmp_path / "events.csv"
    path.write_text(
        "origin,destination,type,date,label\n"
        "Pyongyang,Russia,shipment,2023-08-08,arms airlift\n"
        '"Paris, Texas",Kyiv,aid,2023,\n'
        "Seoul,,meeting,2023-08,briefing\n"
    )
    (doc,) = read_documents(path, gazetteer=gazetteer)
    places = {p.place.id: p.place for p in doc.places}
    first, second, third = doc.events
    assert (places[first.origin].name, places[first.destination].name, first.label) == (
        "Pyongyang",
        "Russia",
        "arms airlift",
    )
    assert (first.date, first.date_precision) == ("2023-08-08", "day")
    assert places[second.origin].admin1 == "Texas" and second.date_precision == "year"
    assert third.origin is None and places[third.location].name == "Seoul" and not third.directed


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Atlantisville,Russia,shipment,,", "events.csv:2: origin: no place named 'Atlantisville'"),
        ("Pyongyng,Russia,shipment,,", "did you mean 'Pyongyang'"),
        ("Pyongyang,Russia,teleport,,", "events.csv:2: type: 'teleport' is not one of shipment"),
        ("Pyongyang,Russia,shipment,8 Aug 2023,", "events.csv:2: date: '8 Aug 2023' is not YYYY"),
        (",Russia,shipment,,", "events.csv:2: origin: is empty"),
    ],
)
def test_bad_csv_rows_name_the_row(tmp_path, gazetteer, row, message):
    path = tmp_path / "events.csv"
    path.write_text("origin,destination,type,date,label\n" + row + "\n")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(".", r"\.")):
        read_documents(path, gazetteer=gazetteer)


def test_bad_json_names_the_record_and_field(tmp_path, gazetteer):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"places": [], "events": [{"type": "shipment", "origin": "1", "destination": "2"}]}))
    with pytest.raises(InputError, match=r"bad.json: \$\.events\[0\]\.origin: no place with id '1'"):
        read_documents(path, gazetteer=gazetteer)


def test_a_date_before_a_comma_is_not_bound_to_the_next_word(gazetteer):
    doc = extract(
        "Planes left Tehran for Damascus on Sunday, carrying weapons.", gazetteer=gazetteer, date="2024-04-10"
    )
    assert [(e.type, e.date) for e in doc.events] == [("shipment", "2024-04-07")]


def test_reciprocal_words_make_an_event_go_both_ways(gazetteer):
    (event,) = extract("Russia and North Korea exchanged letters.", gazetteer=gazetteer).events
    assert (event.type, event.directed) == ("communication", False)
    (visit,) = extract("Japan and China resumed mutual visits.", gazetteer=gazetteer).events
    assert (visit.type, visit.directed) == ("visit", False)


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT (AP) — Turkey has shelled a city in Syria.",
        "BAIKONUR, Kazakhstan — Turkey has shelled a city in Syria.",
    ],
)
def test_a_dateline_is_where_the_report_was_filed(gazetteer, text):
    assert flows(text, gazetteer) == [("attack", "Turkey", "Syria", "asserted", None)]


@pytest.mark.parametrize(
    "text",
    [
        "A storm system moving into Kansas from Nebraska will drop rain.",  # nothing named moves
        "Rising from a student in Boston to a producer in Hollywood took years of hard work and risks.",
    ],
)
def test_verbs_of_moving_need_something_that_moves(gazetteer, text):
    assert flows(text, gazetteer) == []


def test_talks_with_a_list_pair_the_agent_with_each(gazetteer):
    assert sorted(
        f[1:3] for f in flows("Clinton said the United States held talks with Syria and Iran.", gazetteer)
    ) == [
        ("Iran", "United States"),
        ("Syria", "United States"),
    ]


def test_a_comma_alone_makes_no_list(gazetteer):
    text = "During Iraq's invasion of Kuwait, Egypt was instrumental in forming the coalition."
    assert flows(text, gazetteer) == [("attack", "Iraq", "Kuwait", "asserted", None)]


def test_fleeing_a_place_makes_it_the_origin(gazetteer):
    assert flows("His family fled Iraq for Jordan in 2006.", gazetteer)[0][:3] == ("migration", "Iraq", "Jordan")


def test_an_end_is_taken_only_from_a_recent_sentence(gazetteer):
    near = "Washington sanctioned two firms in Iran. Later, companies in Syria were added to the list."
    far = near.replace("Later,", "It rained. The market rose. Prices fell. Later,")
    assert ("sanction", "United States", "Syria", "asserted", None) in flows(near, gazetteer)
    assert ("sanction", "United States", "Syria", "asserted", None) not in flows(far, gazetteer)


def test_a_capital_acting_is_its_country(gazetteer):
    doc = extract("In March, Washington sanctioned Slovak national Ashot Mkrtychev.", gazetteer=gazetteer)
    (event,) = doc.events
    places = {p.place.id: p for p in doc.places}
    assert (places[event.origin].place.name, places[event.destination].place.name) == ("United States", "Slovakia")
    assert event.actors == ("Washington",) and places[event.origin].mentions == ()  # named only through Washington
    assert flows("Moscow denied shipping arms to Syria.", gazetteer) == [
        ("shipment", "Russia", "Syria", "negated", None)
    ]


def test_the_bundled_lexicon_is_built_once_and_read_only():
    lexicon = load_lexicon()
    assert load_lexicon() is lexicon
    with pytest.raises(TypeError):
        lexicon.phrases[("teleported",)] = ("type", "travel")  # type: ignore[index]
    with pytest.raises(TypeError):
        lexicon.types["x"] = lexicon.types["shipment"]  # type: ignore[index]


def test_trigger_at_finds_the_longest_phrase_as_trying_every_length_does():
    lexicon = load_lexicon()
    words = "the air strikes on kyiv were air strikes and the arms shipments sent out of air".split()
    words += [w for phrase in list(lexicon.phrases)[::7] for w in phrase]

    def every_length(i):
        for length in range(lexicon.longest, 0, -1):
            found = lexicon.phrases.get(tuple(words[i : i + length]))
            if found and i + length <= len(words):
                return length, *found
        return None

    assert [lexicon.trigger_at(words, i) for i in range(len(words))] == [every_length(i) for i in range(len(words))]


@pytest.mark.parametrize("reader", ["rules", "auto"])
def test_a_promise_kept_is_no_promise(gazetteer, reader):
    (event,) = extract(
        "China kept its promise and shipped doses to Cambodia.", gazetteer=gazetteer, reader=reader
    ).events
    assert event.modality == "asserted"
