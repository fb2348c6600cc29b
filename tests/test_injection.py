"""No data is ever run as a Jinja2 template: `{{ }}`, `{% %}` and `{# #}` in every field that reaches
a map (article text, a record read back, an events CSV, a user gazetteer, user event types, the
title) come out as text, through the CLI and through `geomap.map.render`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import map as flowmap
from geomap.cli import main
from geomap.document import read_documents
from geomap.errors import InputError
from geomap.events import Event, load_lexicon
from geomap.gazetteer import load_gazetteer

PAYLOADS = ("{{ 7*191 }}", "{% raw %}", "{# x #}", "{{ lipsum.__globals__ }}")
PAYLOAD = " ".join(PAYLOADS)
# fields shown on the page, and those only in GeoJSON (the rule) or only as the default title (source)
# (a record's country code and dates have a fixed form, so the schema refuses payloads there: see the last test)
SHOWN = ("evidence", "place", "admin1", "type", "csv-label", "record-place", "record-admin1", "mention",
         "record-type", "actor", "record-label", "record-evidence")  # fmt: skip
IN_GEOJSON = (*SHOWN, "rule")


def tagged(field: str) -> str:
    return f"{field}:{PAYLOAD}"


def shown(page: str) -> str:
    """The page's text as a browser reads it: JavaScript \\uXXXX escapes decoded, then HTML entities."""
    return html.unescape(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page))


def assert_never_run(text: str) -> None:
    assert not re.search(r"(?<![\w.])1337(?![\w.])", text), "a template expression was evaluated"
    assert "jinja2" not in text and "__builtins__" not in text
    for payload in PAYLOADS:  # never raw: only escaped, so no later template pass can read it
        assert payload not in text


def assert_page(page: str, fields: tuple[str, ...], title: str) -> None:
    assert_never_run(page)
    text = shown(page)
    for field in fields:
        assert tagged(field) in text, f"{field} is not shown literally"
    assert title in text


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """Every kind of input, each field carrying the payloads behind its name."""
    tmp = tmp_path_factory.mktemp("inputs")
    files = {name: tmp / name for name in ("article.txt", "record.json", "events.csv", "places.csv", "types.json")}
    new_type = tagged("type")
    files["types.json"].write_text(
        json.dumps({"types": {new_type: {"description": "d", "triggers": ["zapped", tagged("trigger")]}}}),
        encoding="utf-8",
    )
    rows = [["name", "lat", "lon", "kind", "country", "admin1", "aliases"],
            [tagged("place"), "48.5", "11.2", "city", "DE", tagged("admin1"), "Zorbaville"]]  # fmt: skip
    files["places.csv"].write_text("\n".join(",".join(json.dumps(c) for c in r) for r in rows) + "\n", "utf-8")
    files["article.txt"].write_text(
        f"Arms were shipped from Paris to Berlin on Aug. 8, 2023, evidence:{PAYLOAD}. Rome zapped Zorbaville.",
        encoding="utf-8",
    )
    files["events.csv"].write_text(
        f'origin,destination,type,date,label\nParis,Berlin,shipment,2023-09-01,"{tagged("csv-label")}"\n'
        f'Berlin,Paris,"{new_type}",2023-10-01,plain\n',
        encoding="utf-8",
    )
    point = {"lat": 59.9, "lon": 10.7, "population": None, "confidence": 1.0}
    record = {
        "source": tagged("source"),
        "date": None,
        "places": [
            {"id": "r1", "name": tagged("record-place"), "kind": "city", "country": "NO",
             "admin1": tagged("record-admin1"), **point,
             "mentions": [{"start": 0, "end": 5, "text": tagged("mention"), "via": "name"}]},
            {"id": "r2", "name": "Oslo", "kind": "city", "country": "NO", "admin1": None, **point, "lat": 40.0,
             "mentions": []},
        ],
        "events": [
            {"type": tagged("record-type"), "origin": "r1", "destination": "r2", "date": "2023-08",
             "actors": [tagged("actor")], "label": tagged("record-label"), "rule": tagged("rule"),
             "evidence": [{"start": 0, "end": 5, "text": tagged("record-evidence")}]},
        ],
    }  # fmt: skip
    files["record.json"].write_text(json.dumps(record), encoding="utf-8")
    return files


def run(*args: str):
    return CliRunner().invoke(main, ["map", *args], catch_exceptions=False)


def map_args(inputs: dict[str, Path], out: Path, fmt: str) -> list[str]:
    return [str(inputs["article.txt"]), str(inputs["record.json"]), str(inputs["events.csv"]),
            "--gazetteer", str(inputs["places.csv"]), "--event-types", str(inputs["types.json"]),
            "--title", tagged("title"), "--format", fmt, "-o", str(out)]  # fmt: skip


@pytest.mark.parametrize("fmt", ["html", "fragment"])
def test_cli_pages_show_every_field_as_text(inputs, tmp_path, fmt):
    out = tmp_path / "map.html"
    result = run(*map_args(inputs, out, fmt))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert_page(page, SHOWN, tagged("title"))
    if fmt == "html":
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title and html.unescape(title.group(1)) == tagged("title")


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(k) + strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_cli_geojson_keeps_every_field_as_data(inputs, tmp_path):
    out = tmp_path / "map.geojson"
    result = run(*map_args(inputs, out, "geojson"))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])1337(?![\w.])", text)
    values = "\n".join(strings(json.loads(text)))
    for field in IN_GEOJSON:
        assert tagged(field) in values, field


def test_cli_corpus_popups_show_titles_and_urls_as_text(inputs, tmp_path):
    """A corpus map lists each flow's sources by their records' titles and urls: text, never a template."""
    record = json.loads(inputs["record.json"].read_text(encoding="utf-8"))
    linked = "https://news.example/" + PAYLOAD.replace(" ", "")  # no white space: a link, its href escaped
    files = []
    for n, about in enumerate([{"title": tagged("record-title"), "url": linked}, {"url": tagged("record-url")}]):
        files.append(tmp_path / f"r{n}.json")
        files[-1].write_text(json.dumps({**record, "schema_version": "1.1", "source": f"s{n}", **about}), "utf-8")
    out = tmp_path / "map.html"
    result = run(*map(str, files), "--title", tagged("title"), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "reported by 2 sources" in page
    assert_page(page, ("record-title", "record-url", "record-evidence"), tagged("title"))
    assert f'href="{linked}"' in shown(page).replace('\\"', '"')  # the popup's HTML, its entities read


def test_render_api_with_the_default_title_from_the_source(inputs):
    gazetteer = load_gazetteer(str(inputs["places.csv"]))
    lexicon = load_lexicon(inputs["types.json"])
    documents = [doc for name in ("article.txt", "record.json", "events.csv")
                 for doc in read_documents(inputs[name], gazetteer=gazetteer, lexicon=lexicon)]  # fmt: skip
    m = flowmap.render(documents, title=tagged("title"), offline=True)
    assert_page(flowmap.to_html(m), SHOWN, tagged("title"))
    assert_page(flowmap.to_fragment(m), SHOWN, tagged("title"))
    geojson = json.dumps(flowmap.to_geojson(flowmap.flows(documents), documents))
    assert not re.search(r"(?<![\w.])1337(?![\w.])", geojson)
    record = [d for d in documents if d.source == tagged("source")]
    page = flowmap.to_html(flowmap.render(record))  # one document: its source names the map
    assert_never_run(page)
    assert "Source:" + PAYLOADS[0] in shown(page)
    assert "<title>Source:&#123;&#123; 7*191 &#125;&#125;" in page


def test_dates_that_are_no_iso_dates_are_undated():
    event = Event("e", "trade", "a", "b", date='2023"){}*{background:url(//x)}')
    assert flowmap.period_of(event) == "undated"
    assert flowmap.period_of(Event("e", "trade", "a", "b", date="2023-08-01/2023-08-02")) == "2023-08"


def test_script_json_escapes_what_could_end_a_script_or_start_a_template():
    value = {"t": "</script><!-- {{ x }} {% y %} {# z #} '&\u2028\u2029"}
    js = flowmap.to_js(value)
    assert json.loads(js) == value
    assert not set("<>&'{}\u2028\u2029") & set(js.removeprefix("{").removesuffix("}"))


@pytest.mark.parametrize("bad", ['"', "<", "`", "a b", "1a", "", "a;alert(1)", "a\nb"])
def test_bad_map_ids_are_refused_on_one_line(inputs, tmp_path, bad):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(inputs["events.csv"]), "--map-id", bad, "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert result.output.startswith("Error: Invalid value for '--map-id': ")
    assert "Traceback" not in result.output and not out.exists()
    with pytest.raises(InputError):
        flowmap.render([], map_id=bad)


@pytest.mark.parametrize("good", ["a", "report-map_2", "Z9"])
def test_good_map_ids_prefix_the_element_ids(inputs, tmp_path, good):
    out = tmp_path / "map.html"
    result = run(str(inputs["record.json"]), "--map-id", good, "-o", str(out), "--offline")
    assert result.exit_code == 0, result.output
    assert f"map_{good.replace('-', '_')}00001 = L.map(" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["nosuchtiles", "https://example.org/{z}/{x}/{y}.png", "{{ 7*191 }}"])
def test_unknown_tiles_are_refused_on_one_line(inputs, tmp_path, bad):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(inputs["events.csv"]), "--tiles", bad, "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: Invalid value for '--tiles': ")
    assert len(result.output.strip().splitlines()) == 1
    assert all(name in result.output for name in ("gray", "topo", "osm", "none"))
    assert "Traceback" not in result.output and not out.exists()
    with pytest.raises(InputError):
        flowmap.render([], tiles=bad)


@pytest.mark.parametrize("tiles", ["CartoDB.Positron", "CartoDB positron", "Thunderforest.OpenCycleMap"])
def test_tiles_that_need_an_api_key_are_refused(inputs, tmp_path, tiles):
    result = CliRunner().invoke(main, ["map", str(inputs["events.csv"]), "--tiles", tiles])
    assert result.exit_code == 2 and "need an API key" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("tiles", ["gray", "topo", "osm", "none", "OpenStreetMap.Mapnik"])
def test_known_tiles_draw(inputs, tmp_path, tiles):
    out = tmp_path / "map.html"
    assert run(str(inputs["record.json"]), "--tiles", tiles, "-o", str(out)).exit_code == 0


@pytest.mark.parametrize(("path", "field"), [(("places", 0, "country"), "country"), (("events", 0, "date"), "date")])
def test_payloads_in_fields_of_a_fixed_form_are_refused(inputs, tmp_path, path, field):
    record = json.loads(inputs["record.json"].read_text(encoding="utf-8"))
    record[path[0]][path[1]][path[2]] = tagged(field)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    result = CliRunner().invoke(main, ["map", str(bad), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 2 and f"$.{path[0]}[{path[1]}].{field}" in result.stderr
    assert "1337" not in result.output and not (tmp_path / "m.html").exists()


def report_table(page: str) -> str:
    body = re.search(r"<tbody>(.*)</tbody>", page, re.S)
    assert body, "no table"
    return body.group(1)


def test_cli_report_shows_every_field_as_text(inputs, tmp_path):
    """The report: the map's fields as in a map page, and the table's cells, the headline and the
    sources in the page's own HTML, escaped (never a template, never a tag)."""
    out = tmp_path / "report.html"
    args = map_args(inputs, out, "html")
    result = CliRunner().invoke(main, ["report", *args[: args.index("--format")], "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert_page(page, SHOWN, tagged("title"))
    assert f"<h1>{flowmap._escape(tagged('title'))}</h1>" in page
    assert html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1)) == tagged("title")
    table = report_table(page)
    assert_never_run(table)
    for field in ("evidence", "place", "type", "record-place", "record-type", "record-evidence"):
        assert tagged(field) in shown(table), field
    sources = re.search(r'<ul class="report-sources">(.*?)</ul>', page, re.S).group(1)
    assert tagged("source") in shown(sources) and "<a " not in sources  # no http(s) source: no link
    assert "<script" not in table + sources and "<img" not in table + sources


def test_report_api_sources_and_headline_of_several_documents(inputs):
    from geomap import report

    gazetteer = load_gazetteer(str(inputs["places.csv"]))
    lexicon = load_lexicon(inputs["types.json"])
    documents = [doc for name in ("article.txt", "record.json", "events.csv")
                 for doc in read_documents(inputs[name], gazetteer=gazetteer, lexicon=lexicon)]  # fmt: skip
    page = report.report_html(documents, offline=True)
    assert_never_run(page)
    assert f"<h1>{len(documents)} articles</h1>" in page
    assert tagged("source") in shown(page) and tagged("evidence") in shown(report_table(page))
