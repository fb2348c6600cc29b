"""`geomap report`: the briefing page (its parts, its determinism, its options) and its PDF, checked
by rendering the PDF with pdftoppm and reading its pixels. The page in a browser is in
test_browser.py; hostile text in it, in test_injection.py and test_browser.py."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import map as flowmap
from geomap import report
from geomap.cli import main
from geomap.document import Document, extract
from geomap.events import Event, Evidence

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
ARTICLE = "Arms were shipped from Pyongyang to Russia on Aug. 8, 2023. Iran shipped drones to Russia in July 2023.\n"


@pytest.fixture(scope="module")
def seed_doc(gazetteer):
    return extract(SEED.read_text(encoding="utf-8"), gazetteer=gazetteer, source=str(SEED))


def run(*args: str):
    return CliRunner().invoke(main, ["report", *args])


def test_rows_follow_the_flows_and_mark_the_places_of_their_evidence(seed_doc):
    drawn = flowmap.flows([seed_doc])
    rows = report.rows(drawn, [seed_doc])
    assert [r.index for r in rows] == list(range(len(drawn))) and len(rows) > 5
    for row in rows:
        assert "".join(text for text, _ in row.evidence) == row.flow.event.evidence[0].text
        assert row.sources == (str(SEED),)
        names = {fp.place.id: {m.text for m in fp.mentions} for fp in seed_doc.places}
        for text, role in row.evidence:  # a place marked as an end is named as that end
            assert role != "from" or text in names[row.flow.origin.id]
            assert role != "to" or text in names[row.flow.destination.id]
    assert sum(1 for r in rows for _, role in r.evidence if role == "to") >= len(rows) // 2
    doc = extract(ARTICLE)
    first = report.rows(flowmap.flows([doc]), [doc])[0]
    assert {(text, role) for text, role in first.evidence if role} == {("Pyongyang", "from"), ("Russia", "to")}


def test_a_mention_the_sentence_does_not_hold_at_its_offset_is_not_marked():
    doc = extract("Arms were shipped from Pyongyang to Russia.")
    edited = Evidence(0, 43, "Arms were shipped from the north to Russia.")  # a record edited by hand
    assert report.mark_evidence(edited, [doc], doc.events[0]) == (
        ("Arms were shipped from the north to ", ""), ("Russia", "to"), (".", ""),
    )  # fmt: skip
    assert report.mark_evidence(Evidence(0, 43, "Moved."), [doc], doc.events[0]) == (("Moved.", ""),)


def test_summary_counts_types_ranks_corridors_and_spans_the_dates(seed_doc):
    drawn = flowmap.flows([seed_doc])
    s = report.summarise(drawn, [seed_doc])
    assert sum(n for _, n in s.by_type) == len(drawn)
    assert [n for _, n in s.by_type] == sorted((n for _, n in s.by_type), reverse=True)
    mentions = [c[3] for c in s.corridors]
    assert mentions == sorted(mentions, reverse=True) and len(s.corridors) == report.CORRIDORS
    assert s.first == "2023-03" and s.last == "2023-08-08"
    assert s.undated == sum(1 for f in drawn if not f.event.date)
    assert s.not_drawn == len(seed_doc.events) - len(drawn)


@pytest.mark.parametrize(
    ("source", "linked"),
    [("https://example.org/news?id=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
     ("data:text/html,<b>x</b>", False), ("ftp://example.org/a", False), ("https://exa mple.org/", False),
     ("HTTPS://EXAMPLE.ORG/A", True), ("https:///nohost", False), ("news/a.txt", False), ("//example.org/a", False)],
)  # fmt: skip
def test_only_http_urls_become_links(source, linked):
    out = report.link(source)
    assert ("<a href=" in out) is linked
    assert "<" not in re.sub(r'<a href="[^"<>]*" rel="noopener noreferrer"( title="[^"<>]*")?>|</a>', "", out)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == source


def test_the_page_has_every_part_and_is_the_same_twice(seed_doc):
    page = report.report_html([seed_doc], offline=True)
    assert page == report.report_html([seed_doc], offline=True)
    assert page.count("<tr data-flow=") == len(flowmap.flows([seed_doc]))
    assert "<h1>Kim Jong Un is Airlifting Arms to Russia, South Korean Intelligence Says - The Messenger</h1>" in page
    assert "Flows by type" in page and "Main corridors" in page and "2023-03 to 2023-08-08" in page
    assert page.count("if (!window.L)") == 1 and not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    for i in range(len(flowmap.flows([seed_doc]))):
        assert f"geomap-f{i} " in page or f'geomap-f{i}"' in page  # each flow's paths can be found
    assert not re.search(r"<!--@[a-z]+@-->", page)  # every marker filled


def test_several_articles_list_their_headlines_and_sources(gazetteer, tmp_path):
    docs = [extract(f"{t}\n\n{t}", gazetteer=gazetteer, source=s) for t, s in (
        ("Iran shipped drones to Russia.", "https://example.org/drones"),
        ("Brazil exports coffee to China.", "coffee.txt"),
    )]  # fmt: skip
    page = report.report_html(docs, offline=True)
    assert "<h1>2 articles</h1>" in page
    assert '<li>Iran shipped drones to Russia. — <a href="https://example.org/drones"' in page
    assert "<li>Brazil exports coffee to China. — coffee.txt</li>" in page
    assert report.report_html(docs, title="Drones and coffee", offline=True).count("<h1>Drones and coffee</h1>") == 1


def test_an_article_tables_title_is_the_headline_and_its_url_a_link(gazetteer):
    docs = [extract("Iran shipped drones to Russia.", gazetteer=gazetteer, source=s, url=u, title=t) for s, u, t in (
        ("a1", "https://example.org/drones?a=1&b=2", "Drones  for\nRussia"), ("a2", "javascript:alert(1)", "Evil"),
    )]  # fmt: skip
    assert flowmap.headline(docs[0]) == "Drones for Russia"
    assert "<h1>Drones for Russia</h1>" in report.report_html(docs[:1], offline=True)
    page = report.report_html(docs, offline=True)
    assert '<li>Drones for Russia — a1 (<a href="https://example.org/drones?a=1&amp;b=2"' in page
    assert "<li>Evil — a2 (javascript:alert(1))</li>" in page


def test_a_merged_flow_names_every_source_it_came_from(gazetteer):
    place = extract("Iran shipped drones to Russia.", gazetteer=gazetteer)
    event = Event("ev-1", "shipment", place.events[0].origin, place.events[0].destination, date="2023-01",
                  evidence=(Evidence(0, 30, "Iran shipped drones to Russia."),))  # fmt: skip
    docs = [Document(text="", places=place.places, events=(event,), source=s) for s in ("a.txt", "b.txt")]
    merged = flowmap.flows(docs)[:1]  # as a merge of the two articles' one flow would give
    assert report.rows(merged, docs)[0].sources == ("a.txt", "b.txt")


def test_report_command_writes_html_by_default_to_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("a.txt", "--offline")
    assert result.exit_code == 0, result.output
    page = Path("output/a.report.html").read_text(encoding="utf-8")
    assert page.count("<tr data-flow=") == 2
    assert run("a.txt", "--offline", "-o", "again.html").exit_code == 0
    assert Path("again.html").read_bytes() == Path("output/a.report.html").read_bytes()
    out = run("a.txt", "--offline", "-o", "-", "--types", "shipment")
    assert out.exit_code == 0 and out.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--types", "nosuch"], "unknown event type(s) nosuch"), (["--tiles", "nosuch"], "Invalid value for '--tiles'"),
     (["--format", "svg"], "Invalid value for '--format'"), (["--min-confidence", "2"], "'--min-confidence'"),
     (["-o", "a.txt"], "a.txt")],
)  # fmt: skip
def test_bad_options_are_one_line_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    before = Path("a.txt").read_bytes()
    result = run("a.txt", *args)
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not Path("output").exists() and Path("a.txt").read_bytes() == before


def test_pdf_needs_chromium(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(flowmap, "find_chromium", lambda: None)
    result = run(str(tmp_path / "a.txt"), "--format", "pdf", "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 2 and "PDF export needs Chromium" in result.output
    assert not (tmp_path / "a.pdf").exists()


def is_sea(rgb: list[int]) -> bool:
    r, g, b = rgb
    return abs(r - 0xD4) < 12 and abs(g - 0xE6) < 12 and abs(b - 0xF3) < 12  # the map's background


def row_cells(row: list[int], width: int) -> list[list[int]]:
    return [row[3 * x : 3 * x + 3] for x in range(width)]


def ink(pixels: list[list[int]], box: tuple[float, float, float, float]) -> tuple[float, float]:
    """The share of pixels in a box (fractions of the page) that are not white, and that are sea blue."""
    height, width = len(pixels), len(pixels[0]) // 3
    x0, y0, x1, y1 = int(box[0] * width), int(box[1] * height), int(box[2] * width), int(box[3] * height)
    cells = [pixels[y][3 * x : 3 * x + 3] for y in range(y0, y1) for x in range(x0, x1)]
    inked = sum(1 for r, g, b in cells if min(r, g, b) < 235)
    sea = sum(map(is_sea, cells))
    return inked / len(cells), sea / len(cells)


def read_ppm(data: bytes) -> list[list[int]]:
    """A binary PPM (P6, 8 bits) as rows of r, g, b values."""
    fields, at = [], 0
    while len(fields) < 4:
        match = re.compile(rb"\s*(#[^\n]*\n\s*)*(\S+)").match(data, at)
        assert match
        fields.append(match.group(2))
        at = match.end()
    assert fields[0] == b"P6" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    body = data[at + 1 :]
    return [list(body[y * width * 3 : (y + 1) * width * 3]) for y in range(height)]


@pytest.mark.skipif(flowmap.find_chromium() is None or shutil.which("pdftoppm") is None,
                    reason="needs Chromium and pdftoppm (poppler-utils)")  # fmt: skip
def test_pdf_is_a4_with_the_map_above_the_table(seed_doc, tmp_path):
    pdf = report.to_pdf(report.report_html([seed_doc], offline=True))
    assert pdf.startswith(b"%PDF-")
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / "r.pdf"), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    (page,) = tmp_path.glob("p*.ppm")
    pixels = read_ppm(page.read_bytes())
    height, width = len(pixels), len(pixels[0]) // 3
    assert abs(height / width - 297 / 210) < 0.01  # A4
    # a map band (sea blue, land, arcs), found where the summary ends, then the table under it
    band = [y for y in range(height) if sum(map(is_sea, row_cells(pixels[y], width))) > 0.3 * width]
    assert band and (band[-1] - band[0]) / height > 0.25, "no map on the first page"
    top, bottom = band[0] / height, band[-1] / height
    inked, sea = ink(pixels, (0.1, top, 0.9, bottom))
    assert sea > 0.3 and inked > 0.5  # the sea, with land and flows drawn on it
    assert ink(pixels, (0.05, 0.0, 0.95, 0.06))[0] > 0.02  # the headline
    table = ink(pixels, (0.05, bottom + 0.03, 0.95, 0.97))
    assert 0.02 < table[0] < 0.5 and table[1] < 0.01  # text rows, no map


def test_a_text_without_flows_says_so(gazetteer):
    page = report.report_html([extract("Paris is nice.", gazetteer=gazetteer, source="-")], offline=True)
    assert "<p>No flows: the text names 1 place, but no event between two of them.</p>" in page
    assert "<li>standard input</li>" in page and "<tr data-flow" not in page
