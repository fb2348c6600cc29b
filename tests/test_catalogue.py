"""The catalogue of bad input: every case through the command it hurts, each ending in exit code 2,
one line on standard error that names the problem, no traceback, and no file created or changed.

Each case is (command line, files it needs, standard input, a piece of the expected message).
Files are made in a fresh directory, which is also the working directory (so `geomap map`'s
default output/ would land there); the directory is compared before and after.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main

ARTICLE = "A planeload of arms left Pyongyang for Russia on Aug. 8, 2023.\n"
NOT_UTF8 = "\udcff\udcfe"  # how Python hands over command-line bytes that are not UTF-8


def record(**changes: object) -> dict:
    """A valid extract record (Pyongyang → Russia) with the given top-level or nested changes."""
    rec: dict = {
        "source": "a.txt",
        "date": "2023-08-10",
        "places": [
            {"id": "1871859", "name": "Pyongyang", "kind": "city", "country": "KP", "admin1": "Pyongyang",
             "lat": 39.03385, "lon": 125.75432, "population": 3222000, "confidence": 0.99,
             "mentions": [{"start": 26, "end": 35, "text": "Pyongyang", "via": "name"}]},
            {"id": "2017370", "name": "Russia", "kind": "country", "country": "RU", "admin1": None,
             "lat": 61.5, "lon": 105.3, "population": 144000000, "confidence": 0.99,
             "mentions": [{"start": 40, "end": 46, "text": "Russia", "via": "name"}]},
        ],
        "events": [
            {"id": "ev-1", "type": "shipment", "origin": "1871859", "destination": "2017370", "location": None,
             "directed": True, "date": "2023-08-08", "date_precision": "day", "actors": [], "modality": "asserted",
             "confidence": 0.9, "count": 1, "rule": "edited", "label": None,
             "evidence": [{"start": 0, "end": 62, "text": ARTICLE.strip()}]},
        ],
    }  # fmt: skip
    for path, value in changes.items():
        target = rec
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is DELETE:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return rec


DELETE = object()


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


RECORDS: dict[str, tuple[object, str]] = {
    # name: (file content: a dict is JSON-encoded, a str written as it is; a piece of the message)
    "confidence-string": (record(events__0__confidence="high"), "$.events[0].confidence"),
    "confidence-null": (record(events__0__confidence=None), "$.events[0].confidence"),
    "place-confidence-string": (record(places__0__confidence="sure"), "$.places[0].confidence"),
    "event-date-number": (record(events__0__date=20230808), "$.events[0].date"),
    "event-date-not-iso": (record(events__0__date="Aug. 8"), "$.events[0].date"),
    "record-date-number": (record(date=20230810), "$.date"),
    "event-a-number": (record(events__0=7), "$.events[0]"),
    "events-a-string": (record(events="shipment"), "$.events"),
    "actors-a-number": (record(events__0__actors=3), "$.events[0].actors"),
    "actors-a-string": (record(events__0__actors="Kim"), "$.events[0].actors"),
    "source-a-list": (record(source=["a", "b"]), "$.source"),
    "lat-true": (record(places__0__lat=True), "$.places[0].lat"),
    "lat-out-of-range": (record(places__0__lat=200), "$.places[0].lat"),
    "lon-string": (record(places__1__lon="east"), "$.places[1].lon"),
    "place-without-id": (record(places__0__id=DELETE), "id"),
    "places-missing": (record(places=DELETE), "places"),
    "mention-start-string": (record(places__0__mentions__0__start="26"), "$.places[0].mentions[0].start"),
    "modality-unknown": (record(events__0__modality="rumoured"), "$.events[0].modality"),
    "origin-not-a-place": (record(events__0__origin="999"), "origin"),
    "type-a-number": (record(events__0__type=5), "$.events[0].type"),
    "count-a-string": (record(events__0__count="two"), "$.events[0].count"),
    "directed-a-string": (record(events__0__directed="yes"), "$.events[0].directed"),
    "evidence-a-string": (record(events__0__evidence="it said so"), "$.events[0].evidence"),
    "record-a-number": (7, "$"),
    "deep-nesting": (nested(100_000), "nest"),
    "not-json": ('{"places": [', "JSON"),
    "unknown-schema-version": (record(schema_version="99.0"), "schema_version"),
}

GAZETTEERS: dict[str, tuple[str, object, str]] = {
    # name: (file name, content, a piece of the message)
    "csv-no-lat": ("g.csv", "name,lon\nSunan,125.6\n", "lat"),
    "csv-lat-text": ("g.csv", "name,lat,lon\nSunan,north,125.6\n", "lat"),
    "csv-lat-range": ("g.csv", "name,lat,lon\nSunan,95,125.6\n", "lat"),
    "csv-kind": ("g.csv", "name,lat,lon,kind\nSunan,39,125.6,spaceport\n", "kind"),
    "csv-empty-name": ("g.csv", "name,lat,lon\n,39,125.6\n", "name"),
    "csv-not-utf8": ("g.csv", b"name,lat,lon\n\xff\xfe,39,125\n", "UTF-8"),
    "geojson-no-geometry": (
        "g.geojson",
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Sunan"}}]},
        "geometry",
    ),
    "geojson-polygon": (
        "g.geojson",
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Sunan"},
                    "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
                }
            ],
        },
        "Point",
    ),
    "geojson-no-properties": (
        "g.geojson",
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [125.6, 39.2]}}],
        },
        "properties",
    ),
    "geojson-coordinates-text": (
        "g.geojson",
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Sunan"},
                    "geometry": {"type": "Point", "coordinates": ["125.6", "39.2"]},
                }
            ],
        },
        "coordinates",
    ),
    "json-item-not-object": ("g.json", ["Sunan"], "[0]"),
    "json-a-number": ("g.json", 5, "g.json"),
    "json-bad": ("g.json", "[{", "JSON"),
    "missing": ("", None, "nowhere.csv"),
}

EVENT_TYPES: dict[str, tuple[object, str]] = {
    "a-list": ([{"shipment": {}}], "types"),
    "types-a-string": ({"types": "shipment"}, "$.types"),
    "cargo-a-number": ({"types": {"airlift": {"triggers": ["airlifted"], "cargo": 5}}}, "cargo"),
    "triggers-missing": ({"types": {"airlift": {"cargo": ["arms"]}}}, "triggers"),
    "trigger-a-number": ({"types": {"airlift": {"triggers": [5]}}}, "triggers"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "UTF-8"),
    "not-json": ("{types:", "JSON"),
}

EVENT_CSVS: dict[str, tuple[object, str]] = {
    "no-origin-column": ("destination,type\nRussia,shipment\n", "origin"),
    "unknown-place": ("origin,destination,type,date,label\nPyongyng,Russia,shipment,,\n", "Pyongyng"),
    "unknown-type": ("origin,destination,type,date,label\nPyongyang,Russia,smuggling,,\n", "smuggling"),
    "bad-date": ("origin,destination,type,date,label\nPyongyang,Russia,shipment,2023-13-01,\n", "date"),
    "empty-origin": ("origin,destination,type,date,label\n,Russia,shipment,,\n", "origin"),
    "not-utf8": (b"origin,destination,type\n\xffPyongyang,Russia,shipment\n", "UTF-8"),
}


def _content(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value).encode("utf-8")


Case = tuple[list[str], dict[str, bytes], bytes | None, str]


def _cases() -> dict[str, Case]:
    article = {"a.txt": ARTICLE.encode()}
    cases: dict[str, Case] = {}
    for name, (content, message) in RECORDS.items():
        for command in ("extract", "map"):
            cases[f"{command}-record-{name}"] = ([command, "rec.json"], {"rec.json": _content(content)}, None, message)
    bad_line = json.dumps(record(events__0__confidence="high"))
    cases["extract-jsonl-bad-line"] = (
        ["extract", "rec.jsonl"], {"rec.jsonl": f"{json.dumps(record())}\n{bad_line}\n".encode()}, None, "confidence",
    )  # fmt: skip
    cases["extract-json-list-second-bad"] = (
        ["extract", "rec.json"], {"rec.json": _content([record(), record(places__1__lat="x")])}, None, "[1]",
    )  # fmt: skip
    for name, (file_name, content, message) in GAZETTEERS.items():
        files = dict(article)
        if content is not None:
            files[file_name] = _content(content)
        where = file_name or "nowhere.csv"
        for command in (["extract", "a.txt"], ["map", "a.txt"], ["geocode", "Pyongyang"]):
            cases[f"{command[0]}-gazetteer-{name}"] = ([*command, "--gazetteer", where], files, None, message)
    for name, (content, message) in EVENT_TYPES.items():
        files = {**article, "types.json": _content(content)}
        for command in ("extract", "map"):
            cases[f"{command}-event-types-{name}"] = (
                [command, "a.txt", "--event-types", "types.json"], files, None, message,
            )  # fmt: skip
    for name, (content, message) in EVENT_CSVS.items():
        for command in ("extract", "map"):
            cases[f"{command}-events-csv-{name}"] = ([command, "ev.csv"], {"ev.csv": _content(content)}, None, message)
    articles = {
        "missing": ([], "missing.txt"),
        "unsupported-suffix": ({"a.pdf": b"%PDF-1.4"}, "unsupported file type"),
        "no-suffix": ({"README": ARTICLE.encode()}, "unsupported file type"),
        "not-utf8": ({"bad.txt": b"Arms went to \xff\xfe Russia"}, "not UTF-8"),
        "empty": ({"empty.txt": b""}, "is empty"),
        "blank": ({"blank.md": b" \n\t\n"}, "is empty"),
        "html-without-text": ({"tags.html": b"<html><head><script>x()</script></head><body></body></html>"}, "empty"),
    }
    for name, (files, message) in articles.items():
        file_name = next(iter(files), "missing.txt")
        for command in ("extract", "map"):
            cases[f"{command}-article-{name}"] = ([command, file_name], dict(files), None, message)
    for command in ("extract", "map"):
        cases[f"{command}-stdin-not-utf8"] = ([command, "-"], {}, b"\xff\xfe arms to Russia", "not UTF-8")
        cases[f"{command}-stdin-empty"] = ([command, "-"], {}, b"", "is empty")
        # extract reads a directory's articles (tests/test_batch.py); one without any is bad input
        files = {"dir/x.pdf": b"%PDF-1.4"} if command == "extract" else {"dir/x.txt": ARTICLE.encode()}
        cases[f"{command}-directory"] = ([command, "dir"], files, None, "directory")
        for date in ("2023-02-30", "yesterday", "10000-01-01", "2023-8-8x", NOT_UTF8):
            cases[f"{command}-date-{date.encode('utf-8', 'surrogateescape').hex()[:12]}"] = (
                [command, "a.txt", "--date", date], article, None, "--date",
            )  # fmt: skip
        cases[f"{command}-format-unknown"] = ([command, "a.txt", "--format", "xml"], article, None, "--format")
        cases[f"{command}-output-is-input"] = ([command, "a.txt", "-o", "a.txt"], article, None, "is also an input")
        cases[f"{command}-output-a-directory"] = (
            [command, "a.txt", "-o", "out"], {**article, "out/keep": b"x"}, None, "directory",
        )  # fmt: skip
        cases[f"{command}-unknown-option"] = ([command, "a.txt", "--colour"], article, None, "--colour")
    # batches (geomap.batch): the options, article tables, outputs that cannot stream or resume
    table = {"t.csv": b"id,title,body\n1,Arms,Arms left Pyongyang for Russia.\n"}
    batch = {
        "jobs-0": (["a.txt", "--jobs", "0"], article, "--jobs"),
        "jobs-text": (["a.txt", "--jobs", "many"], article, "many"),
        "engine-unknown": (["a.txt", "--engine", "spark"], article, "spark"),
        "scheduler-without-dask": (["a.txt", "--scheduler", "tcp://127.0.0.1:1"], article, "--engine dask"),
        "errors-unknown": (["a.txt", "--errors", "ignore"], article, "ignore"),
        "table-without-text-column": (["t.csv", "--table"], table, "'text' column"),
        "table-text-field-missing": (["t.csv", "--text-field", "content"], table, "'content' column"),
        "jsonl-table-without-text": (["t.jsonl", "--table"], {"t.jsonl": b'{"id": 1, "body": "x"}\n'}, "'text'"),
        "glob-no-match": (["news/*.txt"], {}, "no file matches"),
        "resume-json": (["a.txt", "--resume", "-o", "out.json"], article, "--resume"),
        "resume-stdout": (["a.txt", "--resume", "--format", "jsonl"], article, "-o"),
        "parquet-stdout": (["a.txt", "--format", "parquet"], article, "-o DIR"),
        "table-row-empty-text": (["t.csv"], {"t.csv": b"id,text\n7,\n"}, "is empty"),
        "table-row-bad-date": (["t.csv"], {"t.csv": b"id,date,text\n7,last week,Arms to Russia.\n"}, "last week"),
    }
    for name, (args, files, message) in batch.items():
        cases[f"extract-batch-{name}"] = (["extract", *args], files, None, message)
    for map_id in ('a"b', "a<b", "a`b", "1abc", "", "a b", "x'};alert(1);//"):
        cases[f"map-id-{map_id.encode().hex()[:16] or 'empty'}"] = (
            ["map", "a.txt", "--map-id", map_id], article, None, "--map-id",
        )  # fmt: skip
    # flows across articles (geomap/corpus.py): geomap map and geomap flows share the options
    two = {**article, "b.txt": ARTICLE.encode()}
    corpus = {
        "window-negative": (["--window", "-1"], "--window"),
        "window-text": (["--window", "week"], "week"),
        "window-and-period": (["--window", "3", "--period", "month"], "--period"),
        "period-unknown": (["--period", "week"], "week"),
        "since-not-a-date": (["--since", "2023-02-30"], "--since"),
        "until-not-a-date": (["--until", "soon"], "--until"),
        "since-after-until": (["--since", "2023-09-01", "--until", "2023-08-01"], "after --until"),
        "countries-three-letters": (["--countries", "RUS"], "'RUS'"),
        "countries-unknown": (["--countries", "KP,ZZ"], "'ZZ'"),
        "countries-empty": (["--countries", ","], "--countries"),
        "min-sources-0": (["--min-sources", "0"], "--min-sources"),
        "by-unknown": (["--by", "city"], "city"),
        "types-unknown": (["--types", "smuggling"], "smuggling"),
    }
    for name, (args, message) in corpus.items():
        for command in ("map", "flows"):
            cases[f"{command}-corpus-{name}"] = ([command, "a.txt", "b.txt", *args], two, None, message)
    for command in ("map", "flows"):
        cases[f"{command}-corpus-not-a-dataset"] = ([command, "dir"], {"dir/x.txt": ARTICLE.encode()}, None, "dataset")
        cases[f"{command}-corpus-dataset-and-more"] = (
            [command, "ds", "a.txt"], {**article, "ds/events/month=2023-08/part-00000.parquet": b"PAR1"}, None, "alone",
        )  # fmt: skip
        cases[f"{command}-corpus-output-is-input"] = ([command, "a.txt", "b.txt", "-o", "b.txt"], two, None, "input")
    cases["flows-format-unknown"] = (["flows", "a.txt", "--format", "xml"], article, None, "--format")
    cases["flows-output-a-directory"] = (
        ["flows", "a.txt", "-o", "out"],
        {**article, "out/keep": b"x"},
        None,
        "directory",
    )
    cases["flows-dataset-not-parquet"] = (
        ["flows", "ds"], {"ds/events/month=2023-08/part-00000.parquet": b"not parquet"}, None, "ds",
    )  # fmt: skip
    cases["flows-article-not-utf8"] = (["flows", "bad.txt"], {"bad.txt": b"Arms \xff Russia"}, None, "not UTF-8")
    cases["map-tiles-unknown"] = (["map", "a.txt", "--tiles", "{{7*191}}"], article, None, "--tiles")
    cases["map-tiles-url"] = (["map", "a.txt", "--tiles", "javascript:alert(1)"], article, None, "--tiles")
    cases["map-types-unknown"] = (["map", "a.txt", "--types", "smuggling"], article, None, "smuggling")
    cases["map-min-confidence-2"] = (["map", "a.txt", "--min-confidence", "2"], article, None, "--min-confidence")
    cases["map-min-confidence-text"] = (["map", "a.txt", "--min-confidence", "high"], article, None, "high")
    cases["map-title-not-utf8"] = (["map", "a.txt", "--title", NOT_UTF8], article, None, "--title")
    cases["map-arrows-unknown"] = (["map", "a.txt", "--arrows", "sideways"], article, None, "--arrows")
    cases["map-arrows-template"] = (["map", "a.txt", "--arrows", "{{7*191}}"], article, None, "--arrows")
    cases["map-arrows-empty"] = (["map", "a.txt", "--arrows", ""], article, None, "--arrows")
    cases["map-svg-size-small"] = (["map", "a.txt", "--format", "svg", "--size", "10x10"], article, None, "--size")
    cases["map-svg-size-text"] = (["map", "a.txt", "--format", "svg", "--size", "big"], article, None, "--size")
    cases["map-format-svgz"] = (["map", "a.txt", "--format", "svgz"], article, None, "--format")
    cases["geocode-not-utf8"] = (["geocode", NOT_UTF8], {}, None, "UTF-8")
    cases["geocode-unknown-name"] = (["geocode", "Qqqqzz"], {}, None, "Qqqqzz")
    cases["geocode-format-unknown"] = (["geocode", "Paris", "--format", "xml"], {}, None, "--format")
    cases["geocode-no-names"] = (["geocode"], {}, None, "NAMES")
    cases["geocode-country-point-unknown"] = (["geocode", "Paris", "--country-point", "centre"], {}, None, "centre")
    cases["search-not-utf8"] = (["gazetteer", "search", NOT_UTF8], {}, None, "UTF-8")
    cases["search-no-match"] = (["gazetteer", "search", "Qqqqzz"], {}, None, "Qqqqzz")
    cases["search-limit-0"] = (["gazetteer", "search", "Par", "--limit", "0"], {}, None, "--limit")
    cases["info-format-unknown"] = (["gazetteer", "info", "--format", "xml"], {}, None, "--format")
    cases["unknown-command"] = (["draw"], {}, None, "draw")
    for name, content in (("empty.jsonl", b""), ("empty.json", b"[]"), ("blank.jsonl", b"\n\n")):
        for command in ("extract", "map", "report", "flows"):
            cases[f"{command}-no-documents-{name}"] = ([command, name], {name: content}, None, "no documents")
    return cases


CASES = _cases()


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


def test_the_catalogue_is_large():
    assert len(CASES) >= 80
    assert {args[0] for args, *_ in CASES.values()} >= {"extract", "map", "flows", "geocode", "gazetteer"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_exit_2_and_changes_nothing(name, tmp_path, monkeypatch):
    args, files, stdin, message = CASES[name]
    for file_name, content in files.items():
        (tmp_path / file_name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file_name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(main, args, input=stdin)
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.stderr, result.stderr
    assert _snapshot(tmp_path) == before
    assert not any(Path(tmp_path).rglob(".*.tmp"))
    assert os.getcwd() == str(tmp_path)
