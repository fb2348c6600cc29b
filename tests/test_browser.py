"""The maps opened in a real headless Chromium with the network blocked (Debian's chromium,
driven by Playwright). Skipped where no Chromium is installed, except on CI, where .ci/run
installs it and a missing browser is a failure."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest

from geomap import map as flowmap
from geomap.document import Document, documents_from_json, extract
from geomap.events import Event, Evidence, event_id, load_lexicon
from geomap.gazetteer import load_gazetteer
from geomap.places import FoundPlace

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
TILES = "server.arcgisonline.com"  # the default online tiles, the one thing a default page may ask for
CHROMIUM = flowmap.find_chromium()
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser tests: install Debian's chromium (.ci/run does)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")


@pytest.fixture(scope="module")
def browser():
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=list(flowmap.CHROMIUM_FLAGS[1:]))
        yield chromium
        chromium.close()


class Page:
    """A page opened from a file with every request but file: and data: refused, and its errors."""

    def __init__(
        self,
        browser,
        html: str,
        tmp_path: Path,
        *,
        init_script: str | None = None,
        size: tuple[int, int] = (1280, 800),
        leaflet: bool = True,
    ) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        path = tmp_path / "map.html"
        path.write_text(html, encoding="utf-8")
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.page = self.context.new_page()
        if init_script:
            self.page.add_init_script(init_script)
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(path.as_uri())
        if leaflet:
            self.page.wait_for_function("() => window.L !== undefined && document.querySelector('.leaflet-container')")

    def _console(self, msg) -> None:
        tile = msg.text.startswith("Failed to load resource") and any(TILES in u for u in self.requests)
        if msg.type == "error" and not tile:  # a refused tile is no error: the land shows through
            self.errors.append(msg.text)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def visible(self, selector: str) -> int:
        return self.page.evaluate(
            "(s) => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').length",
            selector,
        )


def test_seed_offline_map_in_a_browser_with_no_network(browser, gazetteer, tmp_path):
    doc = extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, source=str(SEED))
    drawn = flowmap.flows([doc])
    page = Page(browser, flowmap.to_html(flowmap.render([doc], offline=True)), tmp_path)
    assert page.count("path.geomap-flow") == len(drawn) > 10
    assert page.count("path.geomap-arrow") == sum(1 for f in drawn if f.event.directed)
    assert page.count("path.geomap-place") == len(doc.places)
    assert page.count("path.geomap-land") > 150  # the basemap drawn from the bundled shapes
    assert page.count(".geomap-legend") == 1 and page.count(".leaflet-control-layers") == 1
    assert page.count(".geomap-title") == 1 and page.count(".geomap-time-range") == 1
    assert page.requests == [] and page.errors == []
    page.context.close()


def generated(n_flows: int, gazetteer) -> Document:
    """A document with n_flows events between 300 real towns, spread over 12 months."""
    towns = [p for p in gazetteer.search("a", limit=300) if p.kind == "city"][:150]
    towns += [p for p in gazetteer.search("s", limit=300) if p.kind == "city"][:150]
    types = list(flowmap.TYPE_COLOURS)
    events = []
    for i in range(n_flows):
        a, b = towns[i % len(towns)], towns[(i * 7 + 3) % len(towns)]
        if a.id == b.id:
            b = towns[(i + 1) % len(towns)]
        date = dt.date(2023, 1 + i % 12, 1 + i % 28).isoformat()
        events.append(
            Event(event_id(types[i % len(types)], a.id, b.id, None, date, f"{i}"), types[i % len(types)], a.id, b.id,
                  directed=i % 5 != 0, date=date, date_precision="day", count=1 + i % 4,
                  evidence=(Evidence(0, 10, f"flow {i}"),))
        )  # fmt: skip
    return Document(text="", places=tuple(FoundPlace(t, 1.0, ()) for t in towns), events=tuple(events),
                    source="generated")  # fmt: skip


def test_two_thousand_flows_and_the_time_slider(browser, gazetteer, tmp_path):
    doc = generated(2000, gazetteer)
    drawn = flowmap.flows([doc])
    page = Page(browser, flowmap.to_html(flowmap.render([doc], offline=True)), tmp_path)
    assert page.count("path.geomap-flow") == 2000
    assert page.count("path.geomap-arrow") == sum(1 for f in drawn if f.event.directed) == 1600
    assert page.count(".geomap-legend") == 1 and page.count(".leaflet-control-layers") == 1
    march = sum(1 for f in drawn if f.period == "2023-03")
    page.page.evaluate(
        "() => { const r = document.querySelector('.geomap-time-range'); r.value = 3;"
        " r.dispatchEvent(new Event('input')); }"
    )
    assert page.page.locator(".geomap-time-label").inner_text() == "2023-03"
    assert page.visible("path.geomap-flow") == march
    page.page.evaluate(
        "() => { const r = document.querySelector('.geomap-time-range'); r.value = 0;"
        " r.dispatchEvent(new Event('input')); }"
    )
    assert page.visible("path.geomap-flow") == 2000
    assert page.requests == [] and page.errors == []
    page.context.close()


HOSTILE = "<script>window.pwned=1</script> \"quotes\" 'single' `tick` ${x} \\1 </div><img src=x onerror=window.pwned=2>"


def test_article_text_is_shown_as_text_never_run(browser, gazetteer, tmp_path):
    """Hostile text in every field: evidence, actors, label, title, an (edited) place name and type."""
    text = f"Iran shipped drones to Russia. {HOSTILE}"
    doc = extract(text, gazetteer=gazetteer, source=HOSTILE)
    event = doc.events[0]
    evil = Event(event.id, HOSTILE, event.origin, event.destination, actors=(HOSTILE,), label=HOSTILE,
                 evidence=(Evidence(0, len(text), text),), date="2023-01-01")  # fmt: skip
    first = doc.places[0]
    renamed = FoundPlace(replace(first.place, name=HOSTILE), first.confidence, first.mentions)
    doc = Document(text=text, places=(renamed, *doc.places[1:]), events=(evil,), source=HOSTILE)
    page = Page(browser, flowmap.to_html(flowmap.render([doc], offline=True, title=HOSTILE)), tmp_path)
    assert HOSTILE in page.page.locator(".leaflet-control-layers").inner_text()
    assert HOSTILE in page.page.locator(".geomap-legend").inner_text()
    page.page.evaluate("() => { const p = document.querySelector('path.geomap-flow'); p.dispatchEvent("
                       "new MouseEvent('click', {bubbles: true, clientX: 1, clientY: 1})); }")  # fmt: skip
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert HOSTILE in popup.inner_text()
    assert page.page.locator(".geomap-title").inner_text() == HOSTILE
    assert page.page.evaluate("() => window.pwned") is None
    assert page.errors == []
    page.context.close()


def test_two_fragments_on_one_report_page(browser, gazetteer, tmp_path):
    first = extract("Iran shipped drones to Russia.", gazetteer=gazetteer)
    second = extract("Brazil exports coffee to China.", gazetteer=gazetteer)
    parts = [flowmap.to_fragment(flowmap.render([d], offline=True)) for d in (first, second)]
    page_html = "<!doctype html><html><head><meta charset='utf-8'></head><body><h1>Report</h1>"
    page_html += "".join(f"<section style='height:400px'>{p}</section>" for p in parts) + "</body></html>"
    page = Page(browser, page_html, tmp_path)
    assert page.count(".leaflet-container") == 2
    assert page.count("path.geomap-flow") == 2
    assert page.errors == [] and page.requests == []
    page.context.close()


PAYLOADS = (
    "{{ 7*191 }}", "{% raw %}", "{# x #}", "{{ lipsum.__globals__ }}", "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>', "'-confirm(3)-'", "`${prompt(4)}`", "</script><script>alert(5)</script>",
    "javascript:alert(6)", "<svg onload=alert(7)>", "\u2028\u2029", "<!--", "]]>", "\\u003c", "&lt;b&gt;",
)  # fmt: skip
PAYLOAD = " ".join(PAYLOADS)
# Records every alert, confirm, prompt and console call the page makes.
HOOKS = """
window.__calls = [];
for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = (...args) => { window.__calls.push(name + ": " + args.join(" ")); };
}
for (const name of ["log", "info", "warn", "error", "debug"]) {
    const original = console[name];
    console[name] = (...args) => { window.__calls.push("console." + name + ": " + args.join(" ")); original(...args); };
}
"""
# Hover, then click, every flow, arrowhead and place; the texts of the tooltips and popups that open.
OPEN_ALL = """() => [...document.querySelectorAll("path.geomap-flow, path.geomap-arrow, path.geomap-place")].map(p => {
    const box = p.getBoundingClientRect(), at = {bubbles: true, clientX: box.x + box.width / 2,
                                                   clientY: box.y + box.height / 2};
    p.dispatchEvent(new MouseEvent("mouseover", at));
    p.dispatchEvent(new MouseEvent("mousemove", at));
    const tooltip = [...document.querySelectorAll(".leaflet-tooltip")].pop();  // the one just opened
    const tip = tooltip ? tooltip.textContent : null;
    p.dispatchEvent(new MouseEvent("mouseout", at));
    p.dispatchEvent(new MouseEvent("click", at));
    const popup = [...document.querySelectorAll(".leaflet-popup-content")].pop();
    return [p.getAttribute("class"), tip, popup ? popup.textContent : null];
})"""


def tagged(field: str) -> str:
    return f"{field}:{PAYLOAD}"


def hostile_documents(gazetteer_csv: Path, types_json: Path) -> list[Document]:
    """An article (with a user's place and event type) and an edited record, payloads in every field."""
    with gazetteer_csv.open("w", encoding="utf-8", newline="") as f:
        rows = [["name", "lat", "lon", "kind", "country", "admin1", "aliases"],
                [tagged("place"), 48.5, 11.2, "city", "DE", tagged("admin1"), "Zorbaville"]]  # fmt: skip
        csv.writer(f).writerows(rows)
    types_json.write_text(json.dumps({"types": {tagged("type"): {"triggers": ["zapped", tagged("trigger")]}}}))
    text = f"Arms were shipped from Paris to Berlin on Aug. 8, 2023, evidence:{PAYLOAD}. Rome zapped Zorbaville."
    article = extract(text, gazetteer=load_gazetteer(str(gazetteer_csv)), lexicon=load_lexicon(types_json),
                      source=tagged("article"))  # fmt: skip
    place = {"kind": "city", "lat": 59.9, "lon": 10.7, "mentions": []}
    record = {
        "source": tagged("source"),
        "places": [
            {**place, "id": "r1", "name": tagged("record-place"), "country": "NO",
             "admin1": tagged("record-admin1"), "mentions": [{"start": 0, "end": 5, "text": tagged("mention")}]},
            {**place, "id": "r2", "name": "Oslo", "lat": 40.0},
        ],
        "events": [
            {"type": tagged("record-type"), "origin": "r1", "destination": "r2", "date": "2023-08",
             "actors": [tagged("actor")], "label": tagged("record-label"), "rule": tagged("rule"),
             "evidence": [{"start": 0, "end": 5, "text": tagged("record-evidence")}]},
            {"type": "trade", "origin": "r2", "destination": "r1", "directed": True, "date": "2023-07",
             "label": "css"},
            {"type": "aid", "origin": "r2", "destination": "r1", "date": "2023-05-02", "label": "dated"},
        ],
    }  # fmt: skip
    (edited,) = documents_from_json(json.dumps(record), "record")
    # a record read back is validated (a country is two letters, a date ISO), but documents made in
    # Python are not: give those fields payloads too, as a user's own code could
    places = tuple(replace(fp, place=replace(fp.place, country=tagged("country"))) if fp.place.id == "r1" else fp
                   for fp in edited.places)  # fmt: skip
    css = '2023"){}*{background:url(https://evil.example/css)} .x{'
    events = (replace(edited.events[0], date=tagged("date")), replace(edited.events[1], date=css), edited.events[2])
    return [article, replace(edited, places=places, events=events)]


def test_payloads_in_every_field_never_run(browser, tmp_path):
    """Hover and click every path with payloads in every field: nothing runs, every text shows literally."""
    documents = hostile_documents(tmp_path / "places.csv", tmp_path / "types.json")
    html = flowmap.to_html(flowmap.render(documents, offline=True, title=tagged("title"), map_id="evil-map_1"))
    page = Page(browser, html, tmp_path, init_script=HOOKS)
    opened = page.page.evaluate(OPEN_ALL)
    drawn = flowmap.flows(documents)
    assert len(opened) == len(drawn) + sum(f.event.directed for f in drawn) + sum(len(d.places) for d in documents)
    assert all(tip and popup for _, tip, popup in opened), "a tooltip or popup did not open"
    tips = "\n".join(tip for _, tip, _ in opened)
    popups = "\n".join(popup for _, _, popup in opened)
    for field in ("place", "type", "record-place", "record-type", "date"):
        assert tagged(field) in tips, field
    for field in ("evidence", "place", "admin1", "type", "record-place", "record-admin1", "country", "mention",
                  "record-type", "date", "actor", "record-label", "record-evidence"):  # fmt: skip
        assert tagged(field) in popups, field
    text = page.page.evaluate("() => document.body.textContent")
    assert tagged("title") in page.page.locator(".geomap-title").text_content()
    assert page.page.title() == tagged("title")  # no ASCII whitespace to collapse in it
    for field in ("type", "record-type"):
        assert tagged(field) in page.page.locator(".leaflet-control-layers").text_content()
        assert tagged(field) in page.page.locator(".geomap-legend").text_content()
    periods = page.page.evaluate("() => document.querySelector('.geomap-time-range').max")
    for i in range(int(periods) + 1):  # every period of the time slider, the undated included
        page.page.evaluate(f"() => {{ const r = document.querySelector('.geomap-time-range'); r.value = {i};"
                           " r.dispatchEvent(new Event('input')); }")  # fmt: skip
    assert "1337" not in text and "jinja2" not in text
    assert page.page.evaluate("() => window.__calls") == []
    assert page.dialogs == [] and page.errors == [] and page.requests == []
    assert page.count("img") == 0 and page.count("svg [onload], [onerror], [onload]") == 0
    assert page.count("script") == page.page.evaluate("() => document.scripts.length") == html.count("<script")
    page.context.close()


def test_source_as_the_default_title_never_runs(browser, tmp_path):
    documents = hostile_documents(tmp_path / "places.csv", tmp_path / "types.json")[1:]
    page = Page(browser, flowmap.to_html(flowmap.render(documents, offline=True)), tmp_path, init_script=HOOKS)
    title = flowmap._default_title(documents)
    assert "<svg onload=alert(7)>" in title  # the source's name after its last slash
    assert page.page.locator(".geomap-title").text_content() == title
    assert page.page.title() == re.sub("[ \t\n\f\r]+", " ", title).strip()  # as document.title collapses it
    assert page.page.evaluate("() => window.__calls") == []
    assert page.dialogs == [] and page.errors == [] and page.requests == [] and page.count("img") == 0
    page.context.close()


# A url with no white space is a link, whatever it holds: the href must be it, exactly, and nothing else.
SNEAKY_URL = "https://news.example/b?q=\"><img/src=x/onerror=window.pwned=1>&r='-alert(2)-'"
# The flow's sources as its open popup lists them: each link's href, text, target and rel, and the text.
SOURCE_LINKS = """() => {
    const popup = [...document.querySelectorAll(".leaflet-popup-content")].pop();
    return [[...popup.querySelectorAll("a")].map(a => [a.getAttribute("href"), a.textContent, a.target, a.rel]),
            popup.innerText];
}"""


def test_a_corpus_popup_links_each_source_by_its_title(browser, tmp_path):
    """Two articles (a JSONL table with url and title, through `geomap extract` and `geomap map`) on
    one shipment: the flow's popup, opened in Chromium, names both by title, each a link to its url
    in a new tab; a third on the flow whose url is javascript: is named but never a link."""
    from click.testing import CliRunner

    from geomap.cli import main

    text = "A planeload of arms left Pyongyang for Russia on Aug. {}, 2023."
    table = [
        {"id": "a", "url": "https://news.example/a?x=1&y=2", "title": "Arms airlifted", "text": text.format(8)},
        {"id": "b", "url": SNEAKY_URL, "title": HOSTILE, "text": text.format(9)},
        {"id": "c", "url": "javascript:window.pwned=3", "title": "Evil", "text": text.format(10)},
    ]
    articles, records = tmp_path / "t.jsonl", str(tmp_path / "records.jsonl")
    articles.write_text("".join(json.dumps(r) + "\n" for r in table), encoding="utf-8")
    for args in (["extract", str(articles), "--reader", "rules", "--format", "jsonl", "-o", records],
                 ["map", records, "--offline", "-o", str(tmp_path / "m.html")]):  # fmt: skip
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    page = Page(browser, (tmp_path / "m.html").read_text(encoding="utf-8"), tmp_path, init_script=HOOKS)
    assert page.count("path.geomap-flow") == 1
    page.page.evaluate("() => { const p = document.querySelector('path.geomap-flow'); p.dispatchEvent("
                       "new MouseEvent('click', {bubbles: true, clientX: 1, clientY: 1})); }")  # fmt: skip
    page.page.locator(".leaflet-popup-content").wait_for()
    links, shown = page.page.evaluate(SOURCE_LINKS)
    assert links == [
        ["https://news.example/a?x=1&y=2", "Arms airlifted", "_blank", "noopener noreferrer"],
        [SNEAKY_URL, HOSTILE, "_blank", "noopener noreferrer"],
    ]
    assert "reported by 3 sources" in shown and "Evil (javascript:window.pwned=3)" in shown
    assert page.page.evaluate("() => document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
    assert page.page.evaluate("() => window.pwned") is None and page.page.evaluate("() => window.__calls") == []
    assert page.count("img") == 0 and page.dialogs == [] and page.errors == [] and page.requests == []
    page.context.close()


# --- Maps that read well in a report (issue 10) ----------------------------------------------------

OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll(".geomap-label")].filter(e => e.style.visibility !== "hidden")
        .map(e => e.getBoundingClientRect()).filter(b => b.width > 0);
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
            overlaps++;
        }
    }));
    return [boxes.length, overlaps];
}"""


@pytest.fixture(scope="module")
def seed_doc(gazetteer):
    return extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, source=str(SEED))


def test_default_page_draws_everything_with_the_network_blocked(browser, seed_doc, tmp_path):
    drawn = flowmap.flows([seed_doc])
    page = Page(browser, flowmap.to_html(flowmap.render([seed_doc])), tmp_path)
    page.page.wait_for_timeout(300)
    assert page.count("path.geomap-land") > 150 and page.count("path.geomap-country") > 0
    assert page.count("path.geomap-flow") == len(drawn) and page.count("path.geomap-arrow") > 0
    assert page.count(".geomap-legend") == 1 and page.count(".geomap-title") == 1
    labels, overlaps = page.page.evaluate(OVERLAPS)
    assert labels >= 5 and overlaps == 0
    assert page.requests and all(TILES in url for url in page.requests)  # only the optional tiles were asked for
    assert page.errors == []
    page.context.close()


def arrow_size(page: Page, name: str, zoom: float, at: list[float]) -> list[float]:
    page.page.evaluate(f"() => {{ window[{name!r}].setView({json.dumps(at)}, {zoom}, {{animate: false}}); }}")
    return page.page.evaluate(
        "() => [...document.querySelectorAll('path.geomap-arrow')].map(p => p.getBoundingClientRect())"
        ".filter(b => b.width > 0).map(b => Math.max(b.width, b.height))"
    )


def test_arrowheads_keep_their_size_in_pixels_at_every_zoom(browser, gazetteer, tmp_path):
    doc = extract("A planeload of arms left Pyongyang for Moscow.", gazetteer=gazetteer)
    (flow,) = flowmap.flows([doc])
    m = flowmap.render([doc], offline=True)
    page = Page(browser, flowmap.to_html(m), tmp_path)
    end = list(flow.arc[-1])
    sizes = {zoom: arrow_size(page, m.get_name(), zoom, end) for zoom in (2, 4.5, 7)}
    assert all(len(s) == 1 for s in sizes.values())
    assert sizes[2][0] == pytest.approx(sizes[7][0], abs=1) == pytest.approx(sizes[4.5][0], abs=1)
    length, _ = flowmap.arrow_size(flow.weight)
    assert length - 2 <= sizes[7][0] <= 2 * length  # the size asked for, not the ground's
    thick = flowmap.render([doc.__class__(text=doc.text, places=doc.places, source=doc.source,
                                          events=(doc.events[0].__class__(**{**doc.events[0].__dict__, "count": 8}),))],
                           offline=True)  # fmt: skip
    wide = Page(browser, flowmap.to_html(thick), tmp_path)
    assert arrow_size(wide, thick.get_name(), 7, end)[0] > sizes[7][0] + 4  # wider arcs, bigger heads
    assert page.errors == [] == wide.errors
    page.context.close()
    wide.context.close()


def test_labels_never_overlap_at_any_zoom(browser, gazetteer, tmp_path):
    doc = generated(300, gazetteer)
    m = flowmap.render([doc], offline=True)
    page = Page(browser, flowmap.to_html(m), tmp_path)
    for zoom in (2, 4, 6):
        page.page.evaluate(f"() => {{ window[{m.get_name()!r}].setView([45, 10], {zoom}, {{animate: false}}); }}")
        shown, overlaps = page.page.evaluate(OVERLAPS)
        assert shown >= 5 and overlaps == 0, zoom
    hidden = page.page.evaluate("() => document.querySelectorAll('.geomap-label[style*=hidden]').length")
    assert 0 < hidden < page.count(".geomap-label")  # some were hidden, not all
    page.context.close()


STYLES = """() => [...document.querySelectorAll("body, h1, p, .host")].map(e => {
    const s = getComputedStyle(e);
    return [e.tagName, s.margin, s.padding, s.fontFamily, s.fontSize, s.lineHeight, s.color, s.height === "auto"];
})"""
HOST = ("<!doctype html><html><head><meta charset='utf-8'><style>body{margin:40px 60px;font:17px/1.6 Georgia,serif;"
        "color:#123}h1{margin:0 0 20px;font-size:30px}p{margin:12px 0}.host{padding:8px}</style></head><body>"
        "<h1>Report</h1><p>Before the maps.</p>{maps}<p class='host'>After the maps.</p></body></html>")  # fmt: skip
COUNT_LEAFLET = """(() => { let value, sets = 0;
    Object.defineProperty(window, "L", {configurable: true, get: () => value, set: v => { sets++; value = v; }});
    window.__leafletLoads = () => sets; })();"""


@pytest.mark.parametrize("cdn", [False, True])
def test_two_fragments_leave_the_host_page_as_it_was(browser, gazetteer, tmp_path, cdn):
    """Margins and fonts of the host page, computed before and after two fragments are put in it; the
    two share one Leaflet (it is set once), and each takes its own 480 pixels."""
    docs = [
        extract(t, gazetteer=gazetteer) for t in ("Iran shipped drones to Russia.", "Brazil exports coffee to China.")
    ]
    parts = [flowmap.to_fragment(flowmap.render([d], cdn=cdn)) for d in docs]
    if cdn:  # the network is blocked: Leaflet comes from data: URIs, in the very place the CDN's address was
        js, css = flowmap.leaflet_assets()
        for name, kind, body in (("leaflet.js", "text/javascript", js), ("leaflet.css", "text/css", css)):
            parts = [p.replace(cdn_url(name), f"data:{kind},{quote(body)}") for p in parts]
    bare = Page(browser, HOST.replace("{maps}", ""), tmp_path, leaflet=False)
    styles = bare.page.evaluate(STYLES)
    bare.context.close()
    page = Page(browser, HOST.replace("{maps}", "".join(parts)), tmp_path, init_script=COUNT_LEAFLET)
    assert page.count(".leaflet-container") == 2 and page.count("path.geomap-flow") == 2
    assert page.page.evaluate(STYLES) == styles
    assert page.page.evaluate("() => window.__leafletLoads()") == 1
    heights = page.page.evaluate("() => [...document.querySelectorAll('.leaflet-container')].map(e => e.offsetHeight)")
    assert heights == [480, 480]
    assert page.errors == [] and all(TILES in url for url in page.requests)
    page.context.close()


def cdn_url(name: str) -> str:
    """The CDN's address as it stands in a --cdn fragment's script (through to_js)."""
    return flowmap.to_js(flowmap.LEAFLET_CDN + name)[1:-1]


def test_a_small_map_folds_its_controls(browser, seed_doc, tmp_path):
    fragment = flowmap.to_fragment(flowmap.render([seed_doc], offline=True, height="300px", width="500px"))
    page = Page(browser, f"<!doctype html><html><body>{fragment}</body></html>", tmp_path)
    assert page.count(".leaflet-control-layers") == 1 and page.count(".leaflet-control-layers-expanded") == 0
    assert page.page.evaluate("() => document.querySelector('details.geomap-legend').open") is False
    large = Page(browser, flowmap.to_html(flowmap.render([seed_doc], offline=True)), tmp_path)
    assert large.count(".leaflet-control-layers-expanded") == 1
    assert large.page.evaluate("() => document.querySelector('details.geomap-legend').open") is True
    page.context.close()
    large.context.close()


FLOWS_INSIDE = """() => {
    const map = document.querySelector(".leaflet-container").getBoundingClientRect();
    return [...document.querySelectorAll("path.geomap-flow")].map(p => p.getBoundingClientRect())
        .filter(b => b.left < map.left - 1 || b.top < map.top - 1 || b.right > map.right + 1 ||
                     b.bottom > map.bottom + 1).length;
}"""


@pytest.mark.parametrize("size", [(1400, 900), (1280, 800), (900, 1100), (640, 420)])
def test_the_first_view_shows_every_flow_at_any_window_size(browser, seed_doc, tmp_path, size):
    page = Page(browser, flowmap.to_html(flowmap.render([seed_doc], offline=True)), tmp_path, size=size)
    assert page.count("path.geomap-flow") > 10
    assert page.page.evaluate(FLOWS_INSIDE) == 0
    page.context.close()


# --- The report page (geomap report) ------------------------------------------------------------

ROWS = "() => [...document.querySelectorAll('.report-table tbody tr')].filter(r => !r.hidden).map(r => r.dataset.flow)"
CLICK_PATH = """(i) => {
    const p = document.querySelector("path.geomap-flow.geomap-f" + i), box = p.getBoundingClientRect();
    p.dispatchEvent(new MouseEvent("click", {bubbles: true, clientX: box.x + box.width / 2,
                                             clientY: box.y + box.height / 2})); }"""
IN_VIEW = """(i) => { const box = document.querySelector(`tr[data-flow="${i}"]`).getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight; }"""
HIGHLIGHTED = """() => [...document.querySelectorAll("path.report-hl")]
    .map(p => p.getAttribute("class").match(/geomap-f(\\d+)/)[1])"""


def report_page(browser, documents, tmp_path, **options):
    from geomap import report

    page = Page(browser, report.report_html(documents, offline=True, **options), tmp_path, size=(1280, 700),
                init_script=HOOKS)  # fmt: skip
    page.page.wait_for_function("() => document.querySelectorAll('path.geomap-flow').length > 0")
    return page


def test_report_row_and_arc_choose_each_other(browser, seed_doc, tmp_path):
    drawn = flowmap.flows([seed_doc])
    page = report_page(browser, [seed_doc], tmp_path)
    assert page.page.evaluate(ROWS) == [str(i) for i in range(len(drawn))]
    for i, f in enumerate(drawn):  # every flow's line, and arrowhead if it has one, can be found
        assert page.count(f"path.geomap-f{i}") == (2 if f.event.directed else 1)
    page.page.locator('tr[data-flow="2"]').click()  # row -> arc
    assert page.page.evaluate(HIGHLIGHTED) == ["2"] * page.count("path.geomap-f2")
    assert page.count(".geomap.report-focus") == 1 and page.count("tr.report-selected") == 1
    dimmed = page.page.evaluate("() => getComputedStyle(document.querySelector('path.geomap-f0')).opacity")
    assert float(dimmed) < 0.3
    last = len(drawn) - 1
    assert not page.page.evaluate(IN_VIEW, last)
    page.page.evaluate(CLICK_PATH, last)  # arc -> row, scrolled into view
    assert page.page.locator("tr.report-selected").get_attribute("data-flow") == str(last)
    assert page.page.evaluate(IN_VIEW, last)
    assert page.page.evaluate(HIGHLIGHTED) == [str(last)] * page.count(f"path.geomap-f{last}")
    page.page.locator(f'tr[data-flow="{last}"]').click()  # choosing it again lets it go
    assert page.count("tr.report-selected") == 0 and page.count(".report-focus") == 0
    page.page.locator('tr[data-flow="1"]').focus()
    page.page.keyboard.press("Enter")  # and from the keyboard
    assert page.page.locator("tr.report-selected").get_attribute("data-flow") == "1"
    assert page.page.evaluate("() => window.__calls") == [] and page.errors == [] and page.requests == []
    page.context.close()


def test_report_table_sorts_and_filters_and_the_map_follows(browser, seed_doc, tmp_path):
    drawn = flowmap.flows([seed_doc])
    page = report_page(browser, [seed_doc], tmp_path)
    page.page.locator(".report-sort[data-col='0']").click()
    dates = [drawn[int(i)].event.date or "" for i in page.page.evaluate(ROWS)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [""] * (len(dates) - len(dated))  # undated last
    page.page.locator(".report-sort[data-col='0']").click()
    dates = [drawn[int(i)].event.date or "" for i in page.page.evaluate(ROWS)]
    assert [d for d in dates if d] == sorted(dated, reverse=True)
    page.page.locator(".report-sort[data-col='4']").click()
    confidences = [drawn[int(i)].event.confidence for i in page.page.evaluate(ROWS)]
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
    page.page.select_option(".report-type", "sanction")
    sanctions = sorted(str(i) for i, f in enumerate(drawn) if f.event.type == "sanction")
    assert sorted(page.page.evaluate(ROWS)) == sanctions
    assert page.visible("path.geomap-flow") == len(sanctions)  # the map shows the rows shown
    assert page.page.locator(".report-shown").inner_text() == f"{len(sanctions)} of {len(drawn)} events"
    page.page.fill(".report-find", "kazakhstan")
    kept = page.page.evaluate(ROWS)
    assert kept and set(kept) < set(sanctions)
    assert all("kazakhstan" in page.page.locator(f'tr[data-flow="{i}"]').inner_text().lower() for i in kept)
    page.page.select_option(".report-type", "")
    page.page.fill(".report-find", "")
    assert len(page.page.evaluate(ROWS)) == len(drawn) == page.visible("path.geomap-flow")
    assert page.page.evaluate("() => window.__calls") == [] and page.errors == [] and page.requests == []
    page.context.close()


def test_report_payloads_in_every_field_never_run(browser, tmp_path):
    """Payloads in the headline, sources, table cells (date, type, places, evidence, source) and the
    map: every row and every arc chosen, sorted, filtered; nothing runs and every text shows as itself."""
    documents = hostile_documents(tmp_path / "places.csv", tmp_path / "types.json")
    documents[0] = replace(documents[0], source="https://example.org/?q=" + quote(PAYLOAD))
    drawn = flowmap.flows(documents)
    page = report_page(browser, documents, tmp_path, title=tagged("title"))
    assert page.page.locator("h1").text_content() == tagged("title") == page.page.title()
    sources = page.page.locator(".report-sources").text_content()
    assert tagged("source") in sources and "https://example.org/?q=" in sources
    assert page.count(".report-sources a") == 1  # only the http(s) source is a link
    assert page.page.locator(".report-sources a").get_attribute("href") == documents[0].source
    table = page.page.locator(".report-table tbody").text_content()
    for field in ("evidence", "place", "type", "record-place", "record-type", "date", "record-evidence"):
        assert tagged(field) in table, field
    titles = page.page.evaluate("() => [...document.querySelectorAll('.report-table td [title]')].map(e => e.title)")
    assert tagged("source") in titles  # a long source is cut short in its cell, whole in its title
    assert page.page.evaluate(ROWS) == [str(i) for i in range(len(drawn))]
    for i in range(len(drawn)):
        page.page.locator(f'tr[data-flow="{i}"]').click()
        page.page.evaluate(CLICK_PATH, i)
    for col in (0, 1, 2, 4, 5):
        page.page.locator(f".report-sort[data-col='{col}']").click()
    page.page.fill(".report-find", PAYLOAD)
    for value in page.page.evaluate("() => [...document.querySelectorAll('.report-type option')].map(o => o.value)"):
        page.page.select_option(".report-type", value)
    page.page.evaluate(OPEN_ALL)
    assert page.page.evaluate("() => window.__calls") == []
    assert page.dialogs == [] and page.errors == [] and page.requests == []
    assert page.count("img") == 0 and page.count("[onerror], [onload]") == 0
    page.context.close()


def svg_of(documents, tmp_path: Path, size=(900, 600), **options):
    """An SVG made by `map --format svg`'s path (headless Chromium, --dump-dom), parsed."""
    import xml.etree.ElementTree as ET

    data = flowmap.screenshot(flowmap.to_html(flowmap.render(documents, offline=True, **options)), size=size,
                              fmt="svg")  # fmt: skip
    return data, ET.fromstring(data)


SVG_NS = "{http://www.w3.org/2000/svg}"


def test_svg_of_the_seed_has_the_map_as_shapes_and_text(browser, seed_doc, tmp_path):
    data, root = svg_of([seed_doc], tmp_path)
    assert data.startswith(b"<?xml") and root.tag == SVG_NS + "svg" and root.get("viewBox") == "0 0 900 600"
    classes = [p.get("class", "") for p in root.iter(SVG_NS + "path")]
    assert sum("geomap-flow" in c for c in classes) == len(flowmap.flows([seed_doc]))
    assert sum("geomap-arrow" in c for c in classes) > 0 and sum("geomap-land" in c for c in classes) > 100
    assert sum("geomap-place" in c for c in classes) > 3 and sum("geomap-country" in c for c in classes) > 0
    texts = [t.text or "" for t in root.iter(SVG_NS + "text")]
    assert {"Russia", "North Korea", "Legend", "shipment (2)"} <= set(texts)
    assert "Kim Jong Un is Airlifting Arms" in "".join(texts)  # the title, wrapped over lines
    assert {e.tag.removeprefix(SVG_NS) for e in root.iter()} <= {"svg", "g", "path", "rect", "line", "text"}
    assert not re.search(rb"https?:", data.replace(b'xmlns="http://www.w3.org/2000/svg"', b""))
    assert b"href" not in data and b"<script" not in data.lower()
    # opened on its own it draws, asks for nothing, and its labels are where the page had them
    (tmp_path / "map.svg").write_bytes(data)
    page = Page(browser, "", tmp_path, size=(900, 600), leaflet=False)
    page.page.goto((tmp_path / "map.svg").as_uri())
    shown = page.page.evaluate("() => [...document.querySelectorAll('text')].filter(t => t.getBBox().width > 0).length")
    assert shown == len(texts) and page.requests == [] and page.errors == []
    page.page.screenshot(path=str(tmp_path / "svg.png"))
    assert (tmp_path / "svg.png").stat().st_size > 20_000
    page.context.close()


def test_svg_shows_payloads_as_text_and_runs_nothing(tmp_path):
    documents = hostile_documents(tmp_path / "places.csv", tmp_path / "types.json")
    data, root = svg_of(documents, tmp_path, title=tagged("title"))
    text = " ".join("".join(t.text or "" for t in root.iter(SVG_NS + "text")).split())
    shown = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "{{ 7*191 }}", "<svg onload=alert(7)>")
    for payload in shown:
        assert payload in text, payload
    assert not re.search(rb"(?<![\w.])1337(?![\w.])", data)
    drawn = {"svg", "g", "path", "rect", "line", "text"}
    assert not [e for e in root.iter() if e.tag.removeprefix(SVG_NS) not in drawn]
    assert not [k for e in root.iter() for k in e.attrib if k.lower().startswith(("on", "href"))]
    assert b"<script" not in data and b"<img" not in data


def test_middle_arrowheads_sit_halfway_along_their_arcs(browser, gazetteer, tmp_path):
    doc = extract("A planeload of arms left Pyongyang for Moscow.", gazetteer=gazetteer)
    (flow,) = flowmap.flows([doc])
    length, _ = flowmap.arrow_size(flow.weight)
    gaps = {}
    for arrows in ("middle", "end"):
        m = flowmap.render([doc], offline=True, arrows=arrows)
        page = Page(browser, flowmap.to_html(m), tmp_path)
        for zoom in (2, 4):
            middle = list(flow.arc[len(flow.arc) // 2])
            view = f"window[{m.get_name()!r}].setView({json.dumps(middle)}, {zoom}, {{animate: false}})"
            page.page.evaluate(f"() => {{ {view}; }}")
            gaps[arrows, zoom] = page.page.evaluate("""() => {
                const line = document.querySelector('path.geomap-flow');
                const head = document.querySelector('path.geomap-arrow');
                const half = line.getPointAtLength(line.getTotalLength() / 2), box = head.getBBox();
                return Math.hypot(box.x + box.width / 2 - half.x, box.y + box.height / 2 - half.y);
            }""")
        assert page.errors == []
        page.context.close()
    assert gaps["middle", 2] < length / 2 + 2 and gaps["middle", 4] < length / 2 + 2, gaps  # in pixels
    assert gaps["end", 4] > 10 * length  # the default stays at the end
