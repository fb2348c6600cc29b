"""`geomap extract`: formats, inputs, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from geomap.cli import main

TEXT = "A planeload of arms left Pyongyang for Russia, South Korean intelligence said."


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_json_record_has_the_contract_fields(article):
    result = run("extract", str(article), "--date", "2023-08-10")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert list(record) == ["schema_version", "source", "date", "places", "events"]
    assert record["schema_version"] == "1.1"
    assert (record["source"], record["date"]) == (str(article), "2023-08-10")
    (event,) = record["events"]
    assert (event["type"], event["origin"], event["destination"]) == ("shipment", "1871859", "2017370")
    pyongyang = record["places"][0]
    assert {"id", "name", "kind", "country", "lat", "lon", "confidence", "mentions"} <= set(pyongyang)
    assert (pyongyang["name"], pyongyang["kind"], pyongyang["country"]) == ("Pyongyang", "city", "KP")
    assert pyongyang["mentions"] == [{"start": 25, "end": 34, "text": "Pyongyang", "via": "name"}]
    assert [p["name"] for p in record["places"]] == ["Pyongyang", "Russia", "South Korea"]
    assert record["places"][2]["mentions"][0]["via"] == "demonym"


def test_several_files_and_jsonl_give_a_record_per_input(article, tmp_path):
    other = tmp_path / "b.html"
    other.write_text("<html><body><p>Talks in <b>Seoul</b>.</p><script>Paris</script></body></html>")
    listed = json.loads(run("extract", str(article), str(other)).stdout)
    assert [r["source"] for r in listed] == [str(article), str(other)]
    lines = run("extract", str(article), str(other), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["places"][0]["name"] for line in lines] == ["Pyongyang", "Seoul"]
    html = json.loads(run("extract", str(other), "--text").stdout)
    start, end = html["places"][0]["mentions"][0]["start"], html["places"][0]["mentions"][0]["end"]
    assert html["text"][start:end] == "Seoul"


def test_standard_input(article):
    record = json.loads(run("extract", "-", input="Flights from Kyiv to Seoul.").stdout)
    assert record["source"] == "-" and [p["name"] for p in record["places"]] == ["Kyiv", "Seoul"]


def test_geojson_is_a_feature_collection_of_points(article):
    data = json.loads(run("extract", str(article), "--format", "geojson").stdout)
    assert data["type"] == "FeatureCollection"
    (flow,) = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert flow["properties"]["type"] == "shipment" and flow["geometry"]["coordinates"][0] == pytest.approx(
        [125.75432, 39.03385]
    )
    first = next(f for f in data["features"] if f["geometry"]["type"] == "Point")
    assert first["type"] == "Feature" and first["geometry"]["type"] == "Point"
    lon, lat = first["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90 and lat == pytest.approx(39.03, abs=0.01)
    assert first["properties"]["name"] == "Pyongyang" and "lat" not in first["properties"]


def test_csv_has_a_row_per_document_place_and_event(article):
    rows = list(csv.DictReader(io.StringIO(run("extract", str(article), "--format", "csv").stdout)))
    assert [(r["row"], r["name"] or r["type"]) for r in rows] == [
        ("record", ""), ("place", "Pyongyang"), ("place", "Russia"), ("place", "South Korea"), ("event", "shipment")
    ]  # fmt: skip
    assert rows[0]["schema_version"] == "1.1" and {r["source"] for r in rows} == {str(article)}
    assert json.loads(rows[3]["mentions"])[0]["text"] == "South Korean" and rows[1]["lat"] == "39.03385"
    assert (rows[4]["origin"], rows[4]["destination"], rows[4]["directed"]) == ("1871859", "2017370", "true")


def test_output_file_is_written_atomically(article, tmp_path):
    out = tmp_path / "out" / "places.json"
    assert run("extract", str(article), "-o", str(out)).stdout == ""
    assert json.loads(out.read_text())["places"][0]["name"] == "Pyongyang"
    assert [p.name for p in out.parent.iterdir()] == ["places.json"]  # no temporary file left


def test_a_failed_run_leaves_the_old_output_alone(tmp_path):
    out = tmp_path / "places.json"
    out.write_text("old")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 2 and out.read_text() == "old"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "Error: missing.txt: cannot read: No such file or directory"),
        (["extract", "a.pdf"], "Error: a.pdf: unsupported file type '.pdf'; expected an article (.txt, .md, .html)"),
        (
            ["extract", "ARTICLE", "--date", "2023-02-30"],
            "Error: Invalid value for '--date': '2023-02-30' is not a date",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(article, args, message):
    args = [str(article) if a == "ARTICLE" else a for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_empty_input_is_an_error_not_an_empty_record():
    result = CliRunner().invoke(main, ["extract", "-"], input=" \n")
    assert result.exit_code == 2 and result.stderr == "Error: standard input: is empty: no text to read\n"


def test_events_csv_in_and_bad_row_exit_2(tmp_path):
    good = tmp_path / "events.csv"
    good.write_text("origin,destination,type,date,label\nPyongyang,Russia,shipment,2023-08-08,airlift\n")
    record = json.loads(run("extract", str(good)).stdout)
    assert record["events"][0]["label"] == "airlift" and {p["name"] for p in record["places"]} == {
        "Pyongyang",
        "Russia",
    }
    bad = tmp_path / "bad.csv"
    bad.write_text("origin,destination,type,date,label\nPyongyang,Rusia,shipment,,\n")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"{bad}:2: destination: no place named 'Rusia'" in result.stderr and "'Russia'" in result.stderr


def test_extract_json_reads_back_to_the_same_record(article, tmp_path):
    first = run("extract", str(article), "-o", str(tmp_path / "a.json"))
    assert first.exit_code == 0
    again = json.loads(run("extract", str(tmp_path / "a.json")).stdout)
    assert again == json.loads((tmp_path / "a.json").read_text())


def test_python_api_extract_is_the_package_function():
    import geomap

    doc = geomap.extract("Flights from Kyiv to Seoul.")
    assert isinstance(doc, geomap.Document) and [p.place.name for p in doc.places] == ["Kyiv", "Seoul"]
