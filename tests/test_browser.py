"""The maps opened in a real headless Chromium with the network blocked (Debian's chromium,
driven by Playwright). Skipped where no Chromium is installed, except on CI, where .ci/run
installs it and a missing browser is a failure."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

from geomap import map as flowmap
from geomap.document import Document, extract
from geomap.events import Event, Evidence, event_id
from geomap.places import FoundPlace

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
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

    def __init__(self, browser, html: str, tmp_path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        path = tmp_path / "map.html"
        path.write_text(html, encoding="utf-8")
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.L !== undefined && document.querySelector('.leaflet-container')")

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
