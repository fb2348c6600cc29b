"""The published record schema: every format reads back whole, and a bad file stops in one line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.document import Document, extract, read_documents
from geomap.errors import GazetteerFileError, InputError
from geomap.events import load_lexicon
from geomap.output import FORMATS, render
from geomap.schema import SCHEMA_VERSION, load_schema, record_schema, validate_record
from geomap.user_places import read_user_places

ROOT = Path(__file__).resolve().parents[1]
SEED = "seeds/north-korea-airlifts-arms-to-russia.txt"
CORPORA = ROOT.parent / "shared" / "geoparse-corpora"


def corpus_texts(per_corpus: int = 4) -> list[str]:
    """The first few articles of each gold corpus beside the repository (about 20)."""
    texts = []
    for gold in sorted(CORPORA.glob("*/gold.jsonl")):
        lines = [line for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
        texts += [json.loads(line)["text"] for line in lines[:per_corpus]]
    return texts


@pytest.fixture(scope="module")
def documents(gazetteer) -> list[Document]:
    texts = [(ROOT / SEED).read_text(encoding="utf-8"), *corpus_texts()]
    # every third has a url and a title (schema 1.1), one a spreadsheet would run as a formula
    about = [{"url": f"https://example.org/{n}?a=1&b=2", "title": f'=Head, "line" {n}'} if n % 3 == 1 else {}
             for n in range(len(texts))]  # fmt: skip
    return [
        extract(text, gazetteer=gazetteer, source=f"article-{n}", date="2024-02-29" if n % 2 else None, **about[n])
        for n, text in enumerate(texts)
    ]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def record(**changes) -> dict:
    """A small valid record with two places and an event between them, changed as asked."""
    base = {
        "schema_version": "1.0",
        "source": "a.txt",
        "date": "2023-08-10",
        "places": [
            {"id": "1", "name": "Pyongyang", "kind": "city", "lat": 39.03, "lon": 125.75, "mentions": []},
            {"id": "2", "name": "Russia", "kind": "country", "lat": 58.2, "lon": 44.7},
        ],
        "events": [{"id": "ev-1", "type": "shipment", "origin": "1", "destination": "2", "confidence": 0.9}],
    }
    return {**base, **changes}


def event(**changes) -> dict:
    return {"id": "ev-1", "type": "shipment", "origin": "1", "destination": "2", **changes}


# --- Every format reads back to the same record ----------------------------------------------------


def test_the_corpus_is_there():
    assert len(corpus_texts()) >= 20, f"expected the gold corpora in {CORPORA}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("include_text", [False, True])
def test_every_format_reads_back_to_the_same_records(documents, tmp_path, gazetteer, fmt, include_text):
    path = write(tmp_path, f"out.{fmt}", render(documents, fmt, include_text=include_text))
    back = read_documents(path, gazetteer=gazetteer)
    assert [d.to_dict(include_text=include_text) for d in back] == [
        d.to_dict(include_text=include_text) for d in documents
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_document_reads_back_from_every_format(documents, tmp_path, gazetteer, fmt):
    path = write(tmp_path, f"seed.{fmt}", render(documents[:1], fmt))
    (back,) = read_documents(path, gazetteer=gazetteer)
    assert back.to_dict() == documents[0].to_dict() and back.events


def test_every_record_written_meets_the_schema(documents):
    for doc in documents:
        validate_record(doc.to_dict(include_text=True), doc.source or "?")


def test_records_keep_capital_and_aliases(gazetteer, tmp_path):
    doc = extract("Troops moved from Moscow to Kyiv.", gazetteer=gazetteer)
    place = doc.to_dict()["places"][0]
    assert place["capital"] is True and "Moskva" in place["aliases"]
    (back,) = read_documents(write(tmp_path, "r.json", doc.to_json()))
    assert back.places[0].place.capital and back.places[0].place.aliases == doc.places[0].place.aliases


def test_the_version_comes_first_and_may_be_left_out(tmp_path, documents):
    assert next(iter(documents[0].to_dict())) == "schema_version" and SCHEMA_VERSION == "1.1"
    old = record()
    del old["schema_version"]
    (doc,) = read_documents(write(tmp_path, "old.json", json.dumps(old)))
    assert doc.to_dict()["schema_version"] == "1.1" and doc.events[0].confidence == 0.9  # written as today's


def test_a_record_of_1_0_reads_and_1_1_keeps_url_and_title(tmp_path):
    """1.1 adds the optional url and title: a 1.0 record (without them) reads as before and is written
    back without them; a 1.1 record keeps them through every format."""
    (old,) = read_documents(write(tmp_path, "old.json", json.dumps(record())))
    assert (old.url, old.title) == (None, None) and "url" not in old.to_dict() and "title" not in old.to_dict()
    new = record(schema_version="1.1", url="https://example.org/a?b=1", title="Arms to Russia")
    (doc,) = read_documents(write(tmp_path, "new.json", json.dumps(new)))
    assert (doc.url, doc.title) == ("https://example.org/a?b=1", "Arms to Russia")
    assert list(doc.to_dict())[:5] == ["schema_version", "source", "url", "title", "date"]
    for fmt in FORMATS:
        (back,) = read_documents(write(tmp_path, f"back.{fmt}", render([doc], fmt)))
        assert back.to_dict() == doc.to_dict(), fmt
    rows = list(csv.reader(io.StringIO(render([old], "csv"))))
    keep = [i for i, name in enumerate(rows[0]) if name not in ("url", "title")]
    before = io.StringIO()  # the CSV of 1.0, without the two columns, still reads
    csv.writer(before).writerows([[row[i] for i in keep] for row in rows])
    assert read_documents(write(tmp_path, "old.csv", before.getvalue()))[0].to_dict() == old.to_dict()
    with pytest.raises(InputError, match=r"new.json: \$.title: expected a string or null, got 5"):
        read_documents(write(tmp_path, "new.json", json.dumps({**new, "title": 5})))
    with pytest.raises(InputError, match="url must be a string"):
        Document(text="", places=(), url=5)  # type: ignore[arg-type]


def test_the_schemas_are_valid_and_published():
    import jsonschema

    for name in ("record.schema.json", "event_types.schema.json", "user_places.schema.json"):
        jsonschema.Draft202012Validator.check_schema(load_schema(name))
    jsonschema.validate(json.loads((ROOT / "geomap/data/event_types.json").read_text()), load_schema(
        "event_types.schema.json"
    ))  # fmt: skip
    assert record_schema() == json.loads((ROOT / "geomap/data/record.schema.json").read_text())
    assert "data/record.schema.json" in (ROOT / "pyproject.toml").read_text()
    assert "record.schema.json" in (ROOT / "docs/record-schema.md").read_text()


def test_reading_json_records_imports_jsonschema_only_then():
    code = "import sys, geomap.document, geomap.cli; assert 'jsonschema' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- A bad record stops in one line that names file, path and problem -----------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"events": [event(), event(), event(), event(confidence="high")]},
         '$.events[3].confidence: expected a number, got "high"'),
        ({"events": [event(confidence=None)]}, "$.events[0].confidence: expected a number, got null"),
        ({"events": [event(confidence=1.5)]}, "$.events[0].confidence: 1.5 is greater than the maximum 1"),
        ({"events": [event(confidence=True)]}, "$.events[0].confidence: expected a number, got true"),
        ({"events": [event(date=2023)]}, "$.events[0].date: expected a string or null, got 2023"),
        ({"events": [event(date="2023-13")]}, "$.events[0].date: '2023-13' is not a real date"),
        ({"events": [event(date="Aug 8")]}, '$.events[0].date: "Aug 8" does not have the form'),
        ({"events": [7]}, "$.events[0]: expected an object, got 7"),
        ({"events": "shipment"}, '$.events: expected an array, got "shipment"'),
        ({"events": [event(actors=5)]}, "$.events[0].actors: expected an array, got 5"),
        ({"events": [event(actors="Kim")]}, '$.events[0].actors: expected an array, got "Kim"'),
        ({"events": [event(actors=["Kim", 3])]}, "$.events[0].actors[1]: expected a string, got 3"),
        ({"events": [event(modality="maybe")]}, '$.events[0].modality: "maybe" is not one of "asserted"'),
        ({"events": [event(origin="9")]}, "$.events[0].origin: no place with id '9' in this record's places"),
        ({"events": [event(origin=None, destination=None)]}, "$.events[0]: needs an origin and a destination"),
        ({"events": [event(count=0)]}, "$.events[0].count: 0 is less than the minimum 1"),
        ({"events": [{"origin": "1"}]}, "$.events[0]: lacks the field 'type'"),
        ({"events": [event(confidance=1)]}, "$.events[0]: unknown field 'confidance'"),
        ({"source": ["a", "b"]}, "$.source: expected a string or null, got an array"),
        ({"date": "2023-02-30"}, '$.date: "2023-02-30" is not a valid date'),
        ({"date": "2023-08"}, '$.date: "2023-08" does not have the form'),
        ({"places": [{"id": "1", "name": "X", "lat": True, "lon": 0}], "events": []},
         "$.places[0].lat: expected a number, got true"),
        ({"places": [{"id": "1", "name": "X", "lat": 0, "lon": -181}], "events": []},
         "$.places[0].lon: -181 is less than the minimum -180"),
        ({"places": [{"id": 1, "name": "X", "lat": 0, "lon": 0}], "events": []},
         "$.places[0].id: expected a string, got 1"),
        ({"places": [{"id": "1", "name": "X", "lat": 0, "lon": 0, "kind": "town"}], "events": []},
         '$.places[0].kind: "town" is not one of "continent"'),
        ({"places": [{"id": "1", "name": "X", "lat": 0}], "events": []}, "$.places[0]: lacks the field 'lon'"),
        ({"places": [{"id": "1", "name": "X", "lat": 0, "lon": 0, "capital": "yes"}], "events": []},
         '$.places[0].capital: expected true or false, got "yes"'),
        ({"places": [{"id": "1", "name": "X", "lat": 0, "lon": 0, "mentions": [{"start": -1, "end": 1,
          "text": "X"}]}], "events": []}, "$.places[0].mentions[0].start: -1 is less than the minimum 0"),
        ({"schema_version": "2.0"}, "$.schema_version: version '2.0' is not one this geomap reads (it reads 1.x)"),
        ({"schema_version": 1}, "$.schema_version: expected a string, got 1"),
        ({"extra": 1}, "$: unknown field 'extra'"),
    ],
)  # fmt: skip
def test_a_bad_record_names_file_path_and_problem(tmp_path, changes, message):
    path = write(tmp_path, "bad.json", json.dumps(record(**changes)))
    with pytest.raises(InputError) as err:
        read_documents(path)
    assert str(err.value).startswith(f"{path}: {message}")
    assert "\n" not in str(err.value)


def test_a_bad_record_in_a_list_or_a_jsonl_file_is_named(tmp_path):
    bad = record(places=[{"id": "1", "name": "X", "lat": "north", "lon": 0}], events=[])
    path = write(tmp_path, "many.json", json.dumps([record(), record(), bad]))
    with pytest.raises(InputError, match=r"many\.json: \$\[2\]\.places\[0\]\.lat: expected a number"):
        read_documents(path)
    path = write(tmp_path, "many.jsonl", "\n".join(json.dumps(r) for r in (record(), record(), bad)))
    with pytest.raises(InputError, match=r"many\.jsonl:3: \$\.places\[0\]\.lat: expected a number"):
        read_documents(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json: not readable: nested too deeply"),
        ("deep.jsonl", "[" * 100_000 + "]" * 100_000, "deep.jsonl:1: not readable: nested too deeply"),
        ("nan.json", json.dumps(record()).replace("0.9", "NaN"), "nan.json: not valid JSON: NaN is not"),
        ("bin.json", b"\xff\xfe\x00{", "bin.json: not UTF-8 text"),
        ("list.json", "[1]", "list.json: $[0]: expected an object, got 1"),
    ],
)
def test_unreadable_json_is_one_line(tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as err:
        read_documents(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_the_cli_turns_a_bad_record_into_exit_2(tmp_path):
    from click.testing import CliRunner

    from geomap.cli import main

    path = write(tmp_path, "bad.json", json.dumps(record(events=[event(confidence="high")])))
    result = CliRunner().invoke(main, ["map", str(path), "--offline", "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 2 and '$.events[0].confidence: expected a number, got "high"' in result.output


def test_geojson_features_are_named_by_their_path(documents, tmp_path, gazetteer):
    data = json.loads(render(documents[:1], "geojson"))
    place = next(k for k, f in enumerate(data["features"]) if f["properties"]["layer"] == "place")
    data["features"][place]["properties"]["confidence"] = "high"
    path = write(tmp_path, "bad.geojson", json.dumps(data))
    with pytest.raises(InputError, match=rf"\$\.features\[{place}\]\.properties\.confidence: expected a number"):
        read_documents(path)
    data["features"][place]["geometry"] = None
    path = write(tmp_path, "bad.geojson", json.dumps(data))
    with pytest.raises(InputError, match=rf"\$\.features\[{place}\]\.geometry: expected an object, got null"):
        read_documents(path)


# --- CSV: the csv module on the file, and no formula a spreadsheet would run ------------------------

AWKWARD = "two\nlines, a\u2028separator and a\u0085NEL"


def test_csv_of_events_keeps_newlines_and_separators_inside_a_quoted_field(tmp_path, gazetteer):
    rows = [["origin", "destination", "type", "date", "label"], ["Pyongyang", "Russia", "shipment", "2023", AWKWARD]]
    path = tmp_path / "events.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([*rows, ["Seoul", "", "meeting", "20230", ""]])
    with pytest.raises(InputError, match=r"events\.csv:4: date: '20230'"):  # the label spans lines 2-3
        read_documents(path, gazetteer=gazetteer)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    (doc,) = read_documents(path, gazetteer=gazetteer)
    assert [e.label for e in doc.events] == [AWKWARD]


def test_user_gazetteer_csv_keeps_newlines_and_separators_inside_a_quoted_field(tmp_path):
    path = tmp_path / "mine.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["name", "lat", "lon", "admin1"], ["Here", "1", "2", AWKWARD], ["There", "x", "2"]])
    with pytest.raises(GazetteerFileError, match=r"mine\.csv:4: lat: 'x' is not a number"):
        read_user_places(path)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["name", "lat", "lon", "admin1"], ["Here", "1", "2", AWKWARD]])
    assert [p.admin1 for p in read_user_places(path)] == [AWKWARD]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_awkward_text_round_trips(tmp_path, gazetteer, fmt):
    doc = extract(f"Iran shipped drones from Tehran to Moscow.\n{AWKWARD}", gazetteer=gazetteer, source=AWKWARD)
    path = write(tmp_path, f"out.{fmt}", render([doc, doc], fmt, include_text=True))
    assert [d.to_dict(include_text=True) for d in read_documents(path)] == [doc.to_dict(include_text=True)] * 2


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path, gazetteer):
    doc = read_documents(write(tmp_path, "r.json", json.dumps(record(
        source="=HYPERLINK(\"http://x\")",
        places=[{"id": "1", "name": "+Pyongyang", "lat": -39.03, "lon": -3.7, "admin1": "@SUM(A1)",
                 "aliases": ["-x"]},
                {"id": "2", "name": "'quoted", "lat": 58.2, "lon": 44.7, "admin1": "\tTab"}],
        events=[event(label="-2+3", rule="\rrule", actors=["=cmd"])],
    ))))[0]  # fmt: skip
    text = render([doc], "csv")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'+Pyongyang" in cells and "'@SUM(A1)" in cells
    assert "'-2+3" in cells and "'\rrule" in cells and "''quoted" in cells and "'\tTab" in cells
    assert "-3.7" in cells and "-39.03" in cells  # numbers stay numbers
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) and cell not in ("-3.7", "-39.03")
                   for cell in cells)  # fmt: skip
    (back,) = read_documents(write(tmp_path, "r.csv", text))
    assert back.to_dict() == doc.to_dict()


def test_a_hand_written_csv_of_events_is_told_apart_by_its_header(tmp_path, gazetteer):
    path = write(tmp_path, "events.csv", "origin,destination,type,date,label\nPyongyang,Russia,shipment,2023,\n")
    (doc,) = read_documents(path, gazetteer=gazetteer)
    assert [e.rule for e in doc.events] == ["csv"]
    bad = render([doc], "csv").replace("event,0,", "event,7,")
    with pytest.raises(InputError, match=r"r\.csv:5: record: no record row 7 above this row"):
        read_documents(write(tmp_path, "r.csv", bad))
    bad = render([doc], "csv").replace("39.03385", "nan")
    assert "nan" in bad
    with pytest.raises(InputError, match=r"r\.csv:3: lat: expected a number, got 'nan'"):
        read_documents(write(tmp_path, "r.csv", bad))
    bad = render([doc], "csv").replace(",shipment,", ",,")
    with pytest.raises(InputError, match=r"r\.csv:5: \$: lacks the field 'type'|r\.csv:5: \$\.type: is empty"):
        read_documents(write(tmp_path, "r.csv", bad))


# --- Event types and user gazetteers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"types": {}}]', "types.json: $: expected an object, got an array"),
        ('{"types": {"x": {"triggers": ["x"], "cargo": 5}}}', "types.json: $.types.x.cargo: expected an array, got 5"),
        ('{"types": {"x": {"triggers": "hacked"}}}', '$.types.x.triggers: expected an array, got "hacked"'),
        ('{"types": {"x": {"triggers": []}}}', "$.types.x.triggers: is an empty list"),
        ('{"types": {"x": {"triggers": ["x"], "directed": "yes"}}}', "$.types.x.directed: expected true or false"),
        ('{"typs": {}}', "types.json: $: lacks the field 'types'"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "types.json: not UTF-8 text"),
        ("{", "types.json:1: not valid JSON"),
    ],
)
def test_bad_event_types_name_file_path_and_problem(tmp_path, content, message):
    with pytest.raises(InputError) as err:
        load_lexicon(write(tmp_path, "types.json", content))
    assert message in str(err.value) and "\n" not in str(err.value)


def point(properties=None, geometry=None) -> dict:
    return {"type": "Feature", "geometry": geometry or {"type": "Point", "coordinates": [2, 1]},
            "properties": {"name": "Here"} if properties is None else properties}  # fmt: skip


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([point(), {"type": "Feature", "properties": {"name": "X"}}], "$.features[1]: lacks the field 'geometry'"),
        ([{**point(), "geometry": None}], "$.features[0].geometry: expected an object, got null"),
        ([point(geometry={"type": "LineString", "coordinates": [[0, 0], [1, 1]]})],
         '$.features[0].geometry.type: expected "Point", got "LineString"'),
        ([{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}}],
         "$.features[0]: lacks the field 'properties'"),
        ([point(geometry={"type": "Point", "coordinates": ["2", "1"]})],
         '$.features[0].geometry.coordinates[0]: expected a number, got "2"'),
        ([point(geometry={"type": "Point", "coordinates": 5})],
         "$.features[0].geometry.coordinates: expected an array, got 5"),
        ([point(geometry={"type": "Point", "coordinates": [200, 1]})],
         "$.features[0].geometry.coordinates: 200.0 is outside [-180, 180]"),
        ([point({"name": ""})], "$.features[0].properties.name: is empty"),
        ("many", '$.features: expected an array, got "many"'),
    ],
)  # fmt: skip
def test_bad_geojson_gazetteers_name_file_path_and_problem(tmp_path, features, message):
    path = write(tmp_path, "mine.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(GazetteerFileError) as err:
        read_user_places(path)
    assert str(err.value).startswith(f"{path}: {message}") and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1]", "mine.json: $[0]: expected an object, got 1"),
        ("[" * 100_000, "mine.json: not readable: nested too deeply"),
        ('{"name": "X"}', "mine.json: $: expected a list of places or a GeoJSON FeatureCollection"),
    ],
)
def test_bad_json_gazetteers_are_one_line(tmp_path, content, message):
    with pytest.raises(GazetteerFileError) as err:
        read_user_places(write(tmp_path, "mine.json", content))
    assert message in str(err.value) and "\n" not in str(err.value)
