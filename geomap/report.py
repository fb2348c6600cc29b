"""The briefing page: one self-contained HTML page for a reader with ten minutes.

The headline and the sources, the map (`geomap.map.render` as a fragment), a short summary (flows by
type, the main corridors, the date range) and a table of the events drawn: date, type, from → to,
the evidence sentence with its place names marked (from the mentions' offsets), confidence and
source. The table sorts and filters; choosing a row highlights its arc, choosing an arc scrolls to
its row (`report.js`, a few lines of plain JavaScript). Print CSS makes a clean A4 page, and
`to_pdf` prints it with headless Chromium.

The page is `data/report.html` with its CSS and JS (package files), each `<!--@name@-->` marker
replaced once, in one pass, by HTML made here: text from data goes through `map._escape`, and the
script's data through `map.to_js` into a `<script type="application/json">`. Nothing is compiled as
a template, and the same input gives the same bytes.

>>> from geomap.document import extract
>>> page = report_html([extract("Arms were shipped from Pyongyang to Russia on Aug. 8, 2023.")])
>>> "<mark class=\\"report-place report-from\\">Pyongyang</mark>" in page
True
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from geomap import map as flowmap
from geomap.document import Document
from geomap.events import Event, Evidence
from geomap.gazetteer import Place
from geomap.map import Flow, _escape, to_js

MAP_ID = "report-map"
MAP_HEIGHT = "70vh"  # on screen, beside the table; print CSS sets its own
CORRIDORS = 5  # the main corridors the summary names
A4_WIDTH = 794  # CSS pixels (210 mm at 96 per inch): the window a PDF is laid out in


@dataclass(frozen=True)
class Row:
    """A row of the events table: one flow drawn on the map (`index` is its index in `map.flows`)."""

    index: int
    flow: Flow
    evidence: tuple[tuple[str, str], ...]  # (text, "" or the marked place's role: from, to, place)
    more: int  # evidence sentences not shown
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """What the summary says: flows by type, the main corridors, the dates."""

    by_type: tuple[tuple[str, int], ...]
    # from, to, directed, mentions, and (type, flows)
    corridors: tuple[tuple[str, str, bool, int, tuple[tuple[str, int], ...]], ...]
    first: str | None
    last: str | None
    undated: int
    not_drawn: int  # events that are not flows: hedged, or at one place


def rows(drawn: Sequence[Flow], documents: Sequence[Document]) -> list[Row]:
    """The table's rows, in the order of `drawn`, each with its evidence marked and its sources."""
    by_event: dict[int, list[Document]] = defaultdict(list)
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        for e in doc.events:
            by_event[id(e)].append(doc)
            if doc not in by_id[e.id]:
                by_id[e.id].append(doc)
    out = []
    for i, f in enumerate(drawn):
        docs = by_event.get(id(f.event)) or by_id.get(f.event.id, [])
        evidence = f.event.evidence
        marked = mark_evidence(evidence[0], docs, f.event) if evidence else ()
        sources = tuple(dict.fromkeys(d.source for d in docs if d.source))
        out.append(Row(i, f, marked, max(len(evidence) - 1, 0), sources))
    return out


def mark_evidence(evidence: Evidence, documents: Sequence[Document], event: Event) -> tuple[tuple[str, str], ...]:
    """The evidence sentence cut at the place mentions inside it: (text, role) pieces, role "" for
    plain text, else "from", "to" or "place". A mention counts only where the sentence holds its very
    text at its offset (a record edited by hand may not).

    >>> from geomap.document import extract
    >>> doc = extract("Arms were shipped from Pyongyang to Russia.")
    >>> mark_evidence(doc.events[0].evidence[0], [doc], doc.events[0])
    (('Arms were shipped from ', ''), ('Pyongyang', 'from'), (' to ', ''), ('Russia', 'to'), ('.', ''))
    """
    text, spans = evidence.text, []
    for doc in documents:
        for fp in doc.places:
            role = "from" if fp.place.id == event.origin else "to" if fp.place.id == event.destination else "place"
            for m in fp.mentions:
                start = m.start - evidence.start
                if start >= 0 and start + len(m.text) <= len(text) and m.text and text[start:].startswith(m.text):
                    spans.append((start, start + len(m.text), role))
        if spans:
            break
    pieces, at = [], 0
    for start, end, role in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if start < at:
            continue  # overlaps one already marked
        if start > at:
            pieces.append((text[at:start], ""))
        pieces.append((text[start:end], role))
        at = end
    if at < len(text):
        pieces.append((text[at:], ""))
    return tuple(pieces)


def summarise(drawn: Sequence[Flow], documents: Sequence[Document]) -> Summary:
    """Flows by type (most first), the main corridors (by mentions), the first and last dates."""
    types = Counter(f.event.type for f in drawn)
    pairs: dict[tuple[str, str, bool], list[Flow]] = defaultdict(list)
    for f in drawn:
        ends = (f.origin.id, f.destination.id) if f.event.directed else tuple(sorted((f.origin.id, f.destination.id)))
        pairs[(*ends, f.event.directed)].append(f)  # type: ignore[arg-type]
    names: dict[str, Place] = {p.id: p for f in drawn for p in (f.origin, f.destination)}
    ranked = sorted(
        pairs.items(),
        key=lambda kv: (-sum(f.event.count for f in kv[1]), -len(kv[1]), names[kv[0][0]].name, names[kv[0][1]].name,
                        kv[0]),
    )  # fmt: skip
    corridors = tuple(
        (names[a].name, names[b].name, directed, sum(f.event.count for f in fs),
         tuple(sorted(Counter(f.event.type for f in fs).items(), key=lambda tn: (-tn[1], tn[0]))))
        for (a, b, directed), fs in ranked[:CORRIDORS]
    )  # fmt: skip
    dates = sorted(part for f in drawn if f.event.date for part in str(f.event.date).split("/"))
    events = sum(1 for doc in documents for _ in doc.events)
    return Summary(
        by_type=tuple(sorted(types.items(), key=lambda tn: (-tn[1], tn[0]))),
        corridors=corridors,
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        undated=sum(1 for f in drawn if not f.event.date),
        not_drawn=max(events - len(drawn), 0),
    )


def headline(documents: Sequence[Document], title: str | None = None) -> str:
    """The page's headline: `title`, else one article's own headline, else a count."""
    if title is not None:
        return title
    if len(documents) == 1:
        return flowmap._default_title(documents) or "Report"
    return f"{len(documents)} articles"


def link(source: str, *, short: bool = False) -> str:
    """A source as HTML: an http(s) URL becomes a link, anything else stays text; escaped both ways.
    `short` shows a URL's host and path, a file's name, up to 48 characters (the whole in a title).

    >>> link("https://example.org/a?b=1&c=2")
    '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>'
    >>> link("javascript:alert(1)")
    'javascript:alert(1)'
    >>> link("news/2023/arms.txt", short=True)
    '<span title="news/2023/arms.txt">arms.txt</span>'
    """
    is_url = flowmap.is_web_url(source)
    parts = urlsplit(source) if is_url else None
    shown = source
    if short:
        shown = (parts.netloc + parts.path.rstrip("/")) if is_url and parts else source.rstrip("/").rsplit("/", 1)[-1]
        shown = shown if len(shown) <= 48 else shown[:47] + "…"
    if is_url:
        title = f' title="{_escape(source)}"' if shown != source else ""
        return f'<a href="{_escape(source)}" rel="noopener noreferrer"{title}>{_escape(shown)}</a>'
    return f'<span title="{_escape(source)}">{_escape(shown)}</span>' if shown != source else _escape(source)


# --- The page -------------------------------------------------------------------------------------


@functools.cache
def _asset(name: str) -> str:
    return (importlib.resources.files("geomap") / "data" / name).read_text(encoding="utf-8")


_MARKER = re.compile(r"<!--@([a-z]+)@-->")


def _fill(template: str, parts: dict[str, str]) -> str:
    """Each marker replaced by its part, in one pass: a part is never searched for markers again."""
    return _MARKER.sub(lambda m: parts[m.group(1)], template)


def _sources_html(documents: Sequence[Document]) -> str:
    items = []
    for doc in documents:
        line = flowmap.headline(doc) if len(documents) > 1 else None
        where = "standard input" if doc.source == "-" else link(doc.source) if doc.source else "no source given"
        if doc.url and doc.url != doc.source:  # an article table's url: where it was published
            where += f" ({link(doc.url)})"
        items.append(f"<li>{_escape(line) + ' — ' if line else ''}{where}</li>")
    return "\n".join(items)


def _summary_html(s: Summary, drawn: Sequence[Flow], documents: Sequence[Document]) -> str:
    flows_n = len(drawn)
    if not flows_n:
        named = len({fp.place.id for doc in documents for fp in doc.places})
        return (f"<p>No flows: the text names {named} place{'s' if named != 1 else ''}, but no event between two of "
                f"them{f' ({s.not_drawn} hedged, or at one place)' if s.not_drawn else ''}.</p>")  # fmt: skip
    places = len({p for f in drawn for p in (f.origin.id, f.destination.id)})
    lead = f"<p>{flows_n} flow{'s' if flows_n != 1 else ''} between {places} places"
    lead += f" from {len(documents)} articles" if len(documents) > 1 else ""
    if s.first:
        lead += f", {_escape(s.first)}" + (f" to {_escape(s.last)}" if s.last != s.first else "")
    if s.undated:
        lead += f" ({s.undated} undated)"
    lead += "."
    if s.not_drawn:
        lead += f" {s.not_drawn} other event{'s' if s.not_drawn != 1 else ''} (hedged, or at one place) not drawn."
    lead += "</p>"
    types = "".join(
        f'<li><i style="background:{flowmap.TYPE_COLOURS.get(t, flowmap.OTHER_COLOUR)}"></i>{_escape(t)} '
        f"<b>{n}</b></li>"
        for t, n in s.by_type
    )
    corridors = "".join(
        f"<li>{_escape(a)} {'→' if directed else '–'} {_escape(b)}: {n} mention{'s' if n != 1 else ''} "
        f"({', '.join(_escape(t) + (f' ×{k}' if k > 1 else '') for t, k in kinds)})</li>"
        for a, b, directed, n, kinds in s.corridors
    )
    out = lead
    if types:
        out += f'<div class="report-cols"><div><h3>Flows by type</h3><ul class="report-types">{types}</ul></div>'
        out += f'<div><h3>Main corridors</h3><ol class="report-corridors">{corridors}</ol></div></div>'
    return out


def _row_html(row: Row) -> str:
    f, e = row.flow, row.flow.event
    arrow = "→" if e.directed else "–"
    evidence = "".join(
        f'<mark class="report-place report-{role}">{_escape(text)}</mark>' if role else _escape(text)
        for text, role in row.evidence
    )
    if row.more:
        evidence += f' <span class="report-more">(+{row.more} more)</span>'
    sources = "<br>".join(link(s, short=True) for s in row.sources)
    date = str(e.date or "")
    colour = f.colour
    return (
        f'<tr data-flow="{row.index}" data-type="{_escape(e.type)}" tabindex="0">'
        f'<td data-sort="{_escape(date)}">{_escape(date) or "—"}</td>'
        f'<td data-sort="{_escape(e.type)}"><i style="background:{colour}"></i>{_escape(e.type)}</td>'
        f'<td data-sort="{_escape(f.origin.name)} {_escape(f.destination.name)}">{_escape(f.origin.name)} '
        f"{arrow} {_escape(f.destination.name)}</td>"
        f"<td>{evidence}</td>"
        f'<td data-sort="{e.confidence!r}" class="report-num">{e.confidence:.2f}</td>'
        f'<td data-sort="{_escape(" ".join(row.sources))}">{sources}</td></tr>'
    )


def report_html(
    documents: Sequence[Document],
    *,
    title: str | None = None,
    types: Iterable[str] | None = None,
    min_confidence: float = 0.0,
    tiles: str | None = flowmap.DEFAULT_TILES,
    offline: bool = False,
    cdn: bool = False,
    places: dict[str, Place] | None = None,
) -> str:
    """The report page for `documents`: a string of HTML that opens with no network (unless `cdn`).

    Options as `geomap.map.render`'s; a bad `tiles` raises InputError.
    """
    wanted = list(types) if types else None
    m = flowmap.render(
        documents, title="", types=wanted, min_confidence=min_confidence, tiles=tiles, offline=offline, cdn=cdn,
        places=places, map_id=MAP_ID, height=MAP_HEIGHT, flow_ids=True,
    )  # fmt: skip
    drawn = flowmap.flows(documents, types=wanted, min_confidence=min_confidence, places=places)
    table = rows(drawn, documents)
    heading = headline(documents, title)
    bounds = [[[min(p[0] for p in f.arc), min(p[1] for p in f.arc)], [max(p[0] for p in f.arc),
               max(p[1] for p in f.arc)]] for f in drawn]  # fmt: skip
    config = {"map": m.get_name(), "bounds": bounds}
    type_options = "".join(
        f'<option value="{_escape(t)}">{_escape(t)} ({n})</option>' for t, n in summarise(drawn, documents).by_type
    )
    parts = {
        "title": _escape(heading),
        "css": _asset("report.css"),
        "headline": _escape(heading),
        "sources": _sources_html(documents),
        "summary": _summary_html(summarise(drawn, documents), drawn, documents),
        "map": flowmap.to_fragment(m),
        "types": type_options,
        "rows": "\n".join(_row_html(r) for r in table),
        "count": str(len(table)),
        "data": to_js(config),
        "js": _asset("report.js"),
        "attribution": _escape(flowmap.DATA_ATTRIBUTION),
    }
    return _fill(_asset("report.html"), parts)


# Laid out for print before Chromium prints: the class report.js adds on `beforeprint`.
PRINT_CLASS = '<script>document.documentElement.classList.add("report-print");</script>'


def to_pdf(page: str) -> bytes:
    """The report printed to an A4 PDF by headless Chromium (the map laid out at the printed width
    first); ExportError if there is no Chromium."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from geomap.errors import ExportError

    binary = flowmap.find_chromium()
    if binary is None:
        raise ExportError("PDF export needs Chromium: install Debian's chromium (apt-get install chromium)")
    page = page.replace("<body>", "<body>" + PRINT_CLASS, 1)
    with tempfile.TemporaryDirectory(prefix="geomap-report-") as tmp:
        html_path, out_path = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        html_path.write_text(page, encoding="utf-8")
        command = [binary, *flowmap.CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out_path}",
                   "--no-pdf-header-footer", f"--window-size={A4_WIDTH},1123", "--virtual-time-budget=5000",
                   html_path.as_uri()]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ExportError(f"Chromium could not print the report: {e}") from None
        if not out_path.exists():
            raise ExportError("Chromium printed no PDF (is it a working headless Chromium?)")
        return out_path.read_bytes()
