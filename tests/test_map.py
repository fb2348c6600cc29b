"""The map: arc geometry, the antimeridian, determinism, offline output, escaping, formats."""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import geometry
from geomap import map as flowmap
from geomap.cli import main
from geomap.document import extract
from geomap.errors import InputError
from geomap.gazetteer import distance_km

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"


@pytest.fixture(scope="module")
def seed_doc(gazetteer):
    return extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, source=str(SEED))


def test_arc_is_a_curved_great_circle_between_its_ends():
    seoul, la = (37.57, 126.98), (34.05, -118.24)
    arc = geometry.flow_arc(seoul, la)
    assert arc[0] == pytest.approx(seoul, abs=1e-4)
    assert (arc[-1][0], arc[-1][1] - 360) == pytest.approx(la, abs=1e-4)  # continued past 180°
    middle = arc[len(arc) // 2]
    assert middle[0] > 35 and 150 < middle[1] < 240  # over the North Pacific, not across Asia and Europe
    lons = [lon for _, lon in arc]
    assert all(abs(b - a) < 10 for a, b in itertools.pairwise(lons))  # continuous, no jump


@pytest.mark.parametrize(
    ("a", "b"),
    [((43.12, 131.89), (61.22, -149.90)), ((61.22, -149.90), (43.12, 131.89)), ((-17.8, 177.4), (-13.8, -171.8))],
)
def test_flows_across_the_antimeridian_take_the_short_way_continuously(a, b):
    arc = geometry.flow_arc(a, b)
    lons = [lon for _, lon in arc]
    assert all(abs(y - x) < 5 for x, y in itertools.pairwise(lons))
    assert max(lons) - min(lons) < 180  # short way: the span is the real one, not 360 minus it
    assert any(abs(lon) > 180 for lon in lons)  # it does cross, drawn on past the edge
    parts = geometry.split_antimeridian(arc)
    assert len(parts) == 2 and all(-180 <= lon <= 180 for part in parts for _, lon in part)
    assert abs(parts[0][-1][1]) == 180 and parts[0][-1][0] == parts[1][0][0]


def test_the_two_directions_are_two_arcs_and_arrowheads_point_at_the_destination():
    a, b = (39.03, 125.75), (55.75, 37.62)
    there, back = geometry.flow_arc(a, b), geometry.flow_arc(b, a)
    mid_there, mid_back = there[len(there) // 2], back[len(back) // 2]
    assert distance_km(mid_there, mid_back) > 500
    head = geometry.arrowhead(there, weight=3)
    assert head[0] == there[-1] and len(head) == 3
    assert all(0 < distance_km(there[-1], corner) < 600 for corner in head[1:])
    assert distance_km(there[0], head[1]) < distance_km(there[0], head[0])  # the corners sit behind the tip


def test_repeated_pairs_bend_apart(seed_doc):
    drawn = flowmap.flows([seed_doc])
    pairs = {}
    for f in drawn:
        key = (f.origin.id, f.destination.id)
        assert f.arc not in pairs.get(key, []), "one line drawn twice"
        pairs.setdefault(key, []).append(f.arc)
    assert any(len(arcs) > 1 for arcs in pairs.values())


def test_width_and_colour(seed_doc):
    drawn = flowmap.flows([seed_doc])
    by_count = {f.event.count: f.weight for f in drawn}
    assert by_count[3] > by_count[1]
    assert {f.colour for f in drawn if f.event.type == "sanction"} == {flowmap.TYPE_COLOURS["sanction"]}


def test_filters_types_confidence_and_facts_only(seed_doc):
    assert {f.event.type for f in flowmap.flows([seed_doc], types=["sanction"])} == {"sanction"}
    assert all(f.event.confidence >= 0.8 for f in flowmap.flows([seed_doc], min_confidence=0.8))
    assert all(f.event.asserted for f in flowmap.flows([seed_doc]))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_offline_page_refers_to_nothing_outside_and_is_the_same_twice(seed_doc):
    first = flowmap.to_html(flowmap.render([seed_doc], offline=True))
    second = flowmap.to_html(flowmap.render([seed_doc], offline=True))
    assert first == second
    links = _Links()
    links.feed(first)
    assert [u for u in links.urls if u.startswith(("http:", "https:", "//"))] == []
    assert 'href="https://' not in first and 'src="https://' not in first and 'src="http://' not in first


def test_default_page_inlines_leaflet_once_draws_land_and_has_tiles_only_as_a_layer(seed_doc):
    page = flowmap.to_html(flowmap.render([seed_doc]))
    links = _Links()
    links.feed(page)
    assert [u for u in links.urls if u.startswith(("http:", "https:", "//"))] == []  # nothing to load
    assert page.count("window.L=t}") == 1 and page.count("if (!window.L)") == 1  # Leaflet inlined, once
    assert "World_Light_Gray_Base" in page and "L.tileLayer(" in page  # online tiles, above the land
    assert 'createPane("geomapLand")' in page
    for absent in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "glyphicons"):
        assert absent not in page.lower(), absent
    assert "GeoNames (CC BY 4.0)" in page and "Natural Earth" in page


def test_cdn_page_loads_leaflet_from_the_network_and_is_smaller(seed_doc):
    inline = flowmap.to_html(flowmap.render([seed_doc]))
    cdn = flowmap.to_html(flowmap.render([seed_doc], cdn=True))
    assert "leaflet@1.9.3/dist/leaflet.js" in cdn and "window.L=t}" not in cdn
    assert len(inline) - len(cdn) > 100_000


def test_offline_page_asks_for_no_tiles(seed_doc):
    page = flowmap.to_html(flowmap.render([seed_doc], offline=True))
    assert "L.tileLayer(" not in page and "arcgisonline" not in page


def test_fragment_has_no_page_wide_css_and_loads_leaflet_only_when_missing(seed_doc):
    m = flowmap.render([seed_doc])
    fragment = flowmap.to_fragment(m)
    name = m.get_name()
    assert "html," not in fragment and "body" not in fragment.split("<script>")[0]
    assert "#map {" not in fragment and "<meta" not in fragment
    styles = re.findall(r"<style>(.*?)</style>", fragment, re.S)
    rules = [r.strip() for style in styles for r in re.findall(r"([^{}]+)\{[^{}]*\}", style)]
    assert rules and all(sel.strip().startswith(f"#{name}") for r in rules for sel in r.split(","))
    assert f"#{name}{{position:relative;width:100%;height:480px" in fragment
    assert fragment.count("if (!window.L)") == 1
    cdn = flowmap.to_fragment(flowmap.render([seed_doc], cdn=True))
    assert "window.L || document.write(" in cdn and '<script src="https' not in cdn
    sized = flowmap.to_fragment(flowmap.render([seed_doc], height="300px", width="60%"))
    assert "width:60%;height:300px" in sized


@pytest.mark.parametrize("bad", ["480", "12pt", "-5px", "1px", "99999px", "10px;color:red", "calc(1px)", "150%"])
def test_bad_lengths_are_refused(seed_doc, bad, tmp_path):
    with pytest.raises(InputError):
        flowmap.render([seed_doc], height=bad)
    result = run("map", str(SEED), "--height", bad, "-o", str(tmp_path / "m.html"))
    assert result.exit_code == 2 and result.output.startswith("Error: Invalid value for '--height': ")
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "m.html").exists()


@pytest.mark.parametrize(("option", "bad"), [("--size", "big"), ("--size", "10x10"), ("--size", "1280x800x2"),
                                             ("--scale", "0"), ("--scale", "9"), ("--width", "wide")])  # fmt: skip
def test_bad_picture_options_are_refused_on_one_line(option, bad, tmp_path):
    result = run("map", str(SEED), "--format", "png", option, bad, "-o", str(tmp_path / "m.png"))
    assert result.exit_code == 2 and f"'{option}'" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "m.png").exists()


def test_title_is_the_headline_with_its_case(seed_doc, gazetteer):
    page = flowmap.to_html(flowmap.render([seed_doc]))
    assert (
        "<title>Kim Jong Un is Airlifting Arms to Russia, South Korean Intelligence Says - The Messenger</title>"
        in page
    )
    text = "# North Korea airlifts arms to Russia\n\nA planeload left Pyongyang for Russia."
    doc = extract(text, gazetteer=gazetteer, source="north-korea-airlifts-arms-to-russia.md")
    assert flowmap._default_title([doc]) == "North Korea airlifts arms to Russia"
    assert "<title>Mine</title>" in flowmap.to_html(flowmap.render([doc], title="Mine"))
    long = extract("A planeload of arms left Pyongyang for Russia. " * 5, gazetteer=gazetteer, source="a-b.txt")
    assert flowmap._default_title([long]) == "A b"  # a first line too long to be a headline


def test_places_past_the_antimeridian_are_drawn_again_and_land_is_repeated(gazetteer):
    doc = extract("Flights from Vladivostok to Anchorage resumed.", gazetteer=gazetteer)
    page = flowmap.to_html(flowmap.render([doc]))
    assert "[0, -360, 360].forEach" in page  # the land, three worlds wide
    copies = re.findall(r'"a": \[([-\d.]+), ([-\d.]+)\], "o": \{"className": "geomap-place-copy"', page)
    assert [float(lon) for _, lon in copies] == pytest.approx([-149.9 + 360], abs=0.5)  # Anchorage, east of 180


def test_fragment_ids_differ_between_maps(gazetteer):
    a = flowmap.to_fragment(flowmap.render([extract("Iran shipped drones to Russia.", gazetteer=gazetteer)]))
    b = flowmap.to_fragment(flowmap.render([extract("Brazil exports coffee to China.", gazetteer=gazetteer)]))
    ids = lambda s: {w for w in s.replace('"', " ").split() if w.startswith("map_")}  # noqa: E731
    assert ids(a) and ids(b) and not ids(a) & ids(b)
    assert a.lstrip().startswith("<") and "<div" in a and "<script>" in a and "<html" not in a


def test_text_is_escaped_in_the_page(gazetteer):
    hostile = "</script><script>alert(1)</script>`${1}`\\1</div>\"'"
    doc = extract(f"Iran shipped drones to Russia. {hostile}", gazetteer=gazetteer, source=hostile)
    page = flowmap.to_html(flowmap.render([doc], title=hostile))
    assert "<script>alert(1)" not in page and "</div>\"'" not in page


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_map_command_writes_html_by_default_to_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "arms.txt"
    article.write_text("A planeload of arms left Pyongyang for Russia.")
    result = run("map", str(article))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "arms.html").read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["arms.html"]


def test_map_command_geojson_is_rfc7946(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Flights from Vladivostok to Anchorage resumed. Talks in Seoul.")
    out = tmp_path / "a.geojson"
    assert run("map", str(article), "--format", "geojson", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text())
    kinds = [f["geometry"]["type"] for f in data["features"]]
    assert "MultiLineString" in kinds and "Point" in kinds
    for f in data["features"]:
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in positions(f["geometry"]))


def positions(geometry):
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [coords]
    return coords if geometry["type"] == "LineString" else [c for part in coords for c in part]


def test_map_command_fragment_and_events_csv(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("origin,destination,type,date,label\nPyongyang,Moscow,shipment,2023-08-08,arms\n")
    out = tmp_path / "f.html"
    assert run("map", str(events), "--format", "fragment", "-o", str(out)).exit_code == 0
    assert "geomap-flow" in out.read_text() and "<html" not in out.read_text()


def test_png_needs_chromium(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    monkeypatch.setattr(flowmap, "find_chromium", lambda: None)
    result = run("map", str(article), "--format", "png", "-o", str(tmp_path / "a.png"))
    assert result.exit_code == 2
    assert "PNG export needs Chromium: install Debian's chromium" in result.output
    assert not (tmp_path / "a.png").exists()


@pytest.mark.skipif(flowmap.find_chromium() is None, reason="no Chromium installed")
def test_png_through_chromium(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    out = tmp_path / "a.png"
    assert run("map", str(article), "--format", "png", "-o", str(out)).exit_code == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_map_bad_inputs_exit_2(tmp_path):
    assert run("map", str(tmp_path / "none.txt")).exit_code == 2
    article = tmp_path / "a.txt"
    article.write_text("x")
    result = run("map", str(article), "--types", "teleport")
    assert result.exit_code == 2 and "unknown event type(s) teleport" in result.output


def test_capital_country_points_move_countries_in_json_input(tmp_path, gazetteer):
    record = extract("Iran shipped drones to Russia.", gazetteer=gazetteer).to_dict()
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record))
    out = tmp_path / "r.geojson"
    assert run("map", str(path), "--format", "geojson", "--country-point", "capital", "-o", str(out)).exit_code == 0
    points = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in json.loads(out.read_text())["features"]
              if f["geometry"]["type"] == "Point"}  # fmt: skip
    assert distance_km((points["Russia"][1], points["Russia"][0]), (55.75, 37.62)) < 30  # Moscow


def test_html_on_standard_input_is_read_as_a_page(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>Drones for Russia</title><script>var city='Paris';</script></head>"
        "<body><nav>Berlin Madrid Rome</nav><h1>Drones for Russia</h1><p>Iran shipped drones to Russia.</p>"
        "<footer>Offices in Tokyo</footer></body></html>"
    )
    out = tmp_path / "m.geojson"
    result = CliRunner().invoke(main, ["map", "-", "--format", "geojson", "-o", str(out)], input=page.encode())
    assert result.exit_code == 0, result.output
    names = {f["properties"].get("name") for f in json.loads(out.read_text())["features"]}
    assert {"Iran", "Russia"} <= names and not names & {"Paris", "Berlin", "Madrid", "Rome", "Tokyo"}
    html_out = tmp_path / "m.html"
    assert CliRunner().invoke(main, ["map", "-", "-o", str(html_out)], input=page.encode()).exit_code == 0
    assert "<title>Drones for Russia</title>" in html_out.read_text()


def test_html_page_to_standard_output(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    result = CliRunner().invoke(main, ["map", str(article), "-o", "-", "--cdn"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert not (tmp_path / "-").exists()


def test_a_flows_csv_with_coordinates_counts_and_its_own_columns(tmp_path):
    flows_csv = tmp_path / "flows.csv"
    flows_csv.write_text(
        "origin_lat,origin_lng,dest_lat,dest_lng,origin,count,commodity,date\n"
        "39.03,125.75,55.75,37.62,Pyongyang,1200,shells,2023-08\n"
        "43.12,131.89,61.22,-149.90,,3,{{ 7*191 }} <b>,\n"
        "55.75,37.62,39.03,125.75,Moscow,1,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "f.geojson"
    assert run("map", str(flows_csv), "--format", "geojson", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text())
    lines = [f for f in data["features"] if f["geometry"]["type"] in ("LineString", "MultiLineString")]
    assert [f["properties"]["count"] for f in lines] == [1200, 3, 1]
    assert lines[0]["properties"]["weight"] > lines[1]["properties"]["weight"] > lines[2]["properties"]["weight"]
    assert {f["properties"]["type"] for f in lines} == {"other"}
    names = {f["properties"]["name"] for f in data["features"] if f["geometry"]["type"] == "Point"}
    assert "Pyongyang" in names and "61.2200, -149.9000" in names
    page = tmp_path / "f.html"
    assert run("map", str(flows_csv), "-o", str(page)).exit_code == 0
    text = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), page.read_text())  # as JS reads it
    assert "commodity: shells" in text and "commodity: &#123;&#123; 7*191 &#125;&#125; &lt;b&gt;" in text
    assert "1337" not in text


def test_the_named_events_csv_takes_a_weight_too(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("origin,destination,type,weight,note\nPyongyang,Moscow,shipment,40,by air\n")
    out = tmp_path / "e.geojson"
    assert run("map", str(events), "--format", "geojson", "-o", str(out)).exit_code == 0
    (line,) = [f for f in json.loads(out.read_text())["features"] if f["geometry"]["type"] == "LineString"]
    assert line["properties"]["count"] == 40 and line["properties"]["weight"] > 8


@pytest.mark.parametrize(
    ("row", "message"),
    [("91,0,0,0", "origin_lat: 91 is outside [-90, 90]"), ("0,x,0,0", "origin_lon: expected a number, got 'x'"),
     ("0,0,0,0,-3", "count: expected a number of at least 0"), ("0,0,1,1,1,teleport", "type: 'teleport' is not")],
)  # fmt: skip
def test_bad_flows_csv_rows_are_one_line_errors(tmp_path, row, message):
    flows_csv = tmp_path / "flows.csv"
    flows_csv.write_text(f"origin_lat,origin_lon,dest_lat,dest_lon,count,type\n{row}\n")
    result = run("map", str(flows_csv), "-o", str(tmp_path / "f.html"))
    assert result.exit_code == 2 and f"flows.csv:2: {message}" in result.output, result.output


@pytest.mark.skipif(flowmap.find_chromium() is None, reason="no Chromium installed")
def test_png_size_and_scale_and_a_pdf(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    png, pdf = tmp_path / "a.png", tmp_path / "a.pdf"
    assert (
        run("map", str(article), "--format", "png", "--size", "600x400", "--scale", "2", "-o", str(png)).exit_code == 0
    )
    data = png.read_bytes()
    assert int.from_bytes(data[16:20], "big") == 1200 and int.from_bytes(data[20:24], "big") == 800
    assert run("map", str(article), "--format", "pdf", "--size", "800x500", "-o", str(pdf)).exit_code == 0
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF") and re.search(rb"/MediaBox \[0 0 600 375", body)  # 800x500 px in points


@pytest.mark.parametrize("bad", ["sideways", "", "END", "{{ 7*191 }}", None])
def test_arrows_other_than_end_or_middle_are_refused(seed_doc, bad):
    with pytest.raises(InputError, match="arrowheads"):
        flowmap.render([seed_doc], arrows=bad)


def test_middle_arrows_change_the_page_and_end_keeps_its_bytes(seed_doc):
    page = flowmap.to_html(flowmap.render([seed_doc]))
    assert flowmap.to_html(flowmap.render([seed_doc], arrows="end")) == page
    middle = flowmap.to_html(flowmap.render([seed_doc], arrows="middle"))
    assert middle != page and '"m": 1' in middle
    assert middle == flowmap.to_html(flowmap.render([seed_doc], arrows="middle"))


def test_svg_needs_chromium(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    monkeypatch.setattr(flowmap, "find_chromium", lambda: None)
    result = run("map", str(article), "--format", "svg", "-o", str(tmp_path / "a.svg"))
    assert result.exit_code == 2 and "SVG export needs Chromium" in result.output
    assert not (tmp_path / "a.svg").exists()


@pytest.mark.skipif(flowmap.find_chromium() is None, reason="no Chromium installed")
def test_svg_through_the_cli_is_the_same_bytes_each_time(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Iran shipped drones to Russia.")
    one, two = tmp_path / "a.svg", tmp_path / "b.svg"
    for out in (one, two):
        assert run("map", str(article), "--format", "svg", "--size", "600x400", "-o", str(out)).exit_code == 0
    assert one.read_bytes() == two.read_bytes() and b'viewBox="0 0 600 400"' in one.read_bytes()
    result = run("map", str(article), "--format", "svg", "--size", "600x400", "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes == one.read_bytes()


def test_an_html_article_is_titled_by_its_h1_case_kept(tmp_path):
    article = tmp_path / "a.html"
    article.write_text(
        "<html><head><title>arms | the site</title></head><body><nav>Home</nav>"
        "<h1>North Korea Airlifts Arms to Russia</h1><p>Iran shipped drones to Russia.</p></body>"
    )
    out = tmp_path / "a.html.html"
    assert run("map", str(article), "-o", str(out)).exit_code == 0
    assert "<title>North Korea Airlifts Arms to Russia</title>" in out.read_text(encoding="utf-8")
