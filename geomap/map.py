"""The last stage: documents' places and events drawn as flows on a Folium map.

Every flow is a great-circle arc bent gently to the right of its direction of travel (so the two
directions between two places are two arcs), ending in an arrowhead the browser draws in screen
space (a few lines of JavaScript, `Runtime`: the same size in pixels at every zoom); the GeoJSON
export carries arrowheads computed here from geodesics. Width grows with the number of merged
mentions, colour gives the event type (Paul Tol's colour-blind-safe "vibrant" and "muted" schemes). The
output is deterministic: folium's random element ids are replaced, in `_stable_ids`, by ids
derived from the content, so the same input gives the same bytes. Every page opens with no
network: Leaflet is inlined once and the land is drawn from the bundled shapes, online tiles being
a layer above it.

All text that comes from data reaches the page through `_escape` (HTML) and then `to_js`
(JavaScript); nothing else inserts it. No data is ever compiled as a Jinja2 template: geomap's own
elements put their rendered output in the page as it is (`Macro`), and both escapes turn `{` and `}`
into entities or \\uXXXX, so even folium's elements, which compile their output again, never meet a
template delimiter that came from data.

>>> from geomap.document import extract
>>> m = render([extract("A planeload of arms left Pyongyang for Russia.")])
>>> "geomap-flow" in to_html(m)
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.resources
import itertools
import json
import math
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import folium
import jinja2
import xyzservices
from branca.element import Element, Figure, MacroElement

from geomap.document import Document
from geomap.errors import InputError
from geomap.events import Event
from geomap.gazetteer import LatLon, Place
from geomap.geometry import BEND, arrowhead, country_shapes, flow_arc, split_antimeridian

# Colours of the event types (Paul Tol, https://personal.sron.nl/~pault/: colour-blind safe).
TYPE_COLOURS = {
    "shipment": "#0077BB",
    "trade": "#33BBEE",
    "transfer": "#009988",
    "aid": "#117733",
    "travel": "#AA4499",
    "visit": "#CC6677",
    "meeting": "#DDAA33",
    "sanction": "#EE7733",
    "attack": "#CC3311",
    "migration": "#882255",
    "communication": "#332288",
    "other": "#888888",
}
OTHER_COLOUR = "#555555"
# Short names for --tiles; any other name must be an xyzservices provider's, "none" draws none.
# (CARTO's "positron" now needs an API key, which a page cannot keep secret: it is refused like any such.)
TILES = {"gray": "Esri.WorldGrayCanvas", "topo": "Esri.WorldTopoMap", "osm": "OpenStreetMap"}
DEFAULT_TILES = "gray"  # quiet, keyless, light grey: flows stand out
DATA_ATTRIBUTION = "Places: GeoNames (CC BY 4.0), Natural Earth (public domain); map: geomap"
MAP_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
# --- What is drawn --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    """An event drawn: its arc and (if directed) arrowhead, in (lat, lon), unwrapped."""

    event: Event
    origin: Place
    destination: Place
    arc: tuple[LatLon, ...]
    arrow: tuple[LatLon, ...] | None
    weight: float
    colour: str
    period: str
    columns: tuple[tuple[str, str], ...] = ()  # a flows CSV's own columns, shown in the popup
    sources: tuple[str, ...] = ()  # a flow across articles (geomap.corpus): the sources behind it
    links: tuple[tuple[str | None, str | None], ...] = ()  # each source's article (url, title), if given


def flow_weight(count: int) -> float:
    """Line width in pixels for an event merged from `count` mentions."""
    return min(2.0 + 1.5 * math.log2(max(count, 1)), 10.0)


def period_of(event: Event) -> str:
    """The month an event falls in ('2023-08'), its year, or 'undated'.

    A period names a CSS class and the time slider's selector, so a date edited into anything but
    letters, digits, '-' and '_' counts as undated.
    """
    period = str(event.date)[:7] if event.date else ""
    return period if re.fullmatch(r"[A-Za-z0-9_-]+", period) else "undated"


def flows(
    documents: Sequence[Document],
    *,
    types: Iterable[str] | None = None,
    min_confidence: float = 0.0,
    places: dict[str, Place] | None = None,
) -> list[Flow]:
    """The asserted events with two ends, as geometry; places override the documents' own points.

    A document made by `geomap.corpus.to_document` names the sources behind each event in
    `meta["sources"]`: the width then grows with their number, and popups list them, each by its
    article's title and url from `meta["links"]` where given."""
    wanted = set(types) if types else None
    by_id = {fp.place.id: fp.place for doc in documents for fp in doc.places} | (places or {})
    chosen = []
    for doc in documents:
        columns = doc.meta.get("columns")
        if not isinstance(columns, list) or len(columns) != len(doc.events):
            columns = [{}] * len(doc.events)
        sources = doc.meta.get("sources")
        if not isinstance(sources, list) or len(sources) != len(doc.events):
            sources = [()] * len(doc.events)
        links = doc.meta.get("links")
        if not isinstance(links, list) or len(links) != len(doc.events):
            links = [()] * len(doc.events)
        for e, extra, behind, about in zip(doc.events, columns, sources, links, strict=True):
            if not e.asserted or e.confidence < min_confidence or (wanted and e.type not in wanted):
                continue
            if e.origin is None or e.destination is None or e.origin == e.destination:
                continue
            extra = tuple((str(k), str(v)) for k, v in extra.items())
            behind = tuple(map(str, behind))
            about = tuple((_text_or_none(u), _text_or_none(t)) for u, t in about)
            chosen.append((e, by_id[e.origin], by_id[e.destination], extra, behind,
                           about if len(about) == len(behind) else ()))  # fmt: skip
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for e, origin, destination, extra, behind, about in chosen:
        pair = (origin.id, destination.id)
        k = seen[pair]
        seen[pair] += 1
        arc = flow_arc(origin.point, destination.point, bend=BEND * (1 + 0.7 * k))
        weight = flow_weight(len(behind) if behind else e.count)
        out.append(
            Flow(
                event=e, origin=origin, destination=destination, arc=tuple(arc),
                arrow=tuple(arrowhead(arc, weight=weight)) if e.directed else None, weight=weight,
                colour=TYPE_COLOURS.get(e.type, OTHER_COLOUR), period=period_of(e), columns=extra, sources=behind,
                links=about,
            )
        )  # fmt: skip
    return out


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


# --- Text for popups: escaped here, and only here -------------------------------------------------


def _escape(text: object) -> str:
    """HTML for text: `<>&"'` and also `{}` as entities, so no `{{`, `{%` or `{#` can form."""
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


_IN_SCRIPT = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&'{}\u2028\u2029"})
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def to_js(value: object) -> str:
    """JSON to embed in a <script>, with `<>&'{}` and U+2028/9 in its strings as \\uXXXX.

    It can close no tag, break no line and hold no Jinja delimiter (an opening brace of JSON itself is
    followed by a quote or `}`, never by `{`, `%` or `#`).

    >>> to_js({"t": "</script>{{ x }}"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u007b\\\\u007b x \\\\u007d\\\\u007d"}'
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=True)
    return _JSON_STRING.sub(lambda m: m.group(0).translate(_IN_SCRIPT), text)


def _flow_popup(flow: Flow) -> str:
    e = flow.event
    arrow = "→" if e.directed else "–"
    rows = [
        f"<b>{_escape(e.type)}</b>: {_escape(flow.origin.name)} {arrow} {_escape(flow.destination.name)}",
        f"date: {_escape(e.date or 'not given')}",
        f"confidence: {e.confidence:.2f}" + (f" · {e.count} mentions" if e.count > 1 else ""),
    ]
    if e.actors:
        rows.append("actors: " + _escape("; ".join(map(str, e.actors))))
    if e.label:
        rows.append("label: " + _escape(e.label))
    rows.extend(f"{_escape(name)}: {_escape(value)}" for name, value in flow.columns)
    if flow.sources:
        rows.append(_reported_by(flow.sources) + ":")
        more = len(flow.sources) - SOURCES_LISTED
        links = flow.links or ((None, None),) * len(flow.sources)
        listed = [_source_html(s, url, title) for s, (url, title) in zip(flow.sources, links, strict=True)]
        if any(url or title for url, title in links):  # titles: one a line
            rows.extend(listed[:SOURCES_LISTED] + ([f"and {more:,} more"] if more > 0 else []))
        else:
            rows.append("; ".join(listed[:SOURCES_LISTED]) + (f" and {more:,} more" if more > 0 else ""))
    quotes = "".join(f"<blockquote>{_escape(ev.text)}</blockquote>" for ev in e.evidence[:3])
    return "<br>".join(rows) + quotes


def _flow_tooltip(flow: Flow) -> str:
    e = flow.event
    arrow = "→" if e.directed else "–"
    when = f" ({_escape(e.date)})" if e.date else ""
    by = f", {_reported_by(flow.sources)}" if flow.sources else ""
    return f"{_escape(e.type)}: {_escape(flow.origin.name)} {arrow} {_escape(flow.destination.name)}{when}{by}"


SOURCES_LISTED = 12  # a popup names this many of a flow's sources


def is_web_url(value: str) -> bool:
    """Whether `value` may become a link: an http or https URL with a host, all printable and with no
    white space. Anything else (`javascript:`, `data:`, a file name) is only ever shown as text.

    >>> is_web_url("https://example.org/a?b=1"), is_web_url("javascript:alert(1)"), is_web_url("http:///x")
    (True, False, False)
    """
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and value.isprintable()
        and not any(c.isspace() for c in value)
    )  # fmt: skip


def _source_html(source: str, url: str | None, title: str | None) -> str:
    """One source behind a flow: its article's title (else its id), a link to its url when that is
    http(s) (opened in a new tab, sending no referrer); any other url follows as text."""
    shown = _escape(title or source or "(no source)")
    hint = f' title="{_escape(source)}"' if title and source else ""  # the source's id, on hover
    if url and is_web_url(url):
        return f'<a href="{_escape(url)}" target="_blank" rel="noopener noreferrer"{hint}>{shown}</a>'
    return (f"<span{hint}>{shown}</span>" if hint else shown) + (f" ({_escape(url)})" if url else "")


def _reported_by(sources: Sequence[str]) -> str:
    return f"reported by {len(sources):,} source{'s' if len(sources) != 1 else ''}"


def _place_popup(place: Place, mentions: int, surfaces: list[str]) -> str:
    where = ", ".join(_escape(p) for p in (place.admin1, place.country) if p)
    said = ", ".join(f"“{_escape(s)}”" for s in surfaces[:5])
    kind = _escape(place.kind) + (f", {where}" if where else "")
    return f"<b>{_escape(place.name)}</b> ({kind})<br>{mentions} mentions: {said}"


# --- Folium pieces --------------------------------------------------------------------------------

_TEMPLATES = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
_TEMPLATES.filters["js"] = to_js


class Literal(Element):
    """Text that goes in the page as it is: never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Literal"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class Macro(MacroElement):
    """A MacroElement whose rendered header, html and script go in the figure as Literals.

    branca's `MacroElement.render` adds each macro's output as `Element(output)`, which compiles the
    output again as a Jinja2 template: a `{{ ... }}` in the data it holds would be run. Here the data
    is rendered once, by our own template, and never read as a template again.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "a Macro renders inside a Figure"
        for part in ("header", "html", "script"):
            macro = getattr(self._template.module, part, None)
            if macro is not None:
                output = str(macro(self, kwargs)).removesuffix("\n")  # as Jinja2 drops a template's last newline
                getattr(figure, part).add_child(Literal(output), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class Shapes(Macro):
    """Many paths in one go: the flows (or places) of a layer, as data read by one loop of JS.

    Each item: `a` the points, `o` Leaflet path options, `t` tooltip and `p` popup HTML (made by
    this module, escaped), `h` an arrowhead's size in pixels (`l` length, `w` half width, `b` how far
    its tip stops short of the arc's end: the destination's circle) and `ho` its options; `circle`
    draws circle markers (`a` one point). One element per layer keeps 10,000 flows to a second of
    rendering. Arrowheads are `L.GeomapArrow`s (see `Runtime`): drawn in screen space.
    """

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var group = {{ this._parent.get_name() }};
        {{ this.items|js }}.forEach(function (item) {
            var layers = [{{ "L.circleMarker" if this.circle else "L.polyline" }}(item.a, item.o)];
            if (item.h) { layers.push(new L.GeomapArrow(item.a, item.h, item.ho)); }
            layers.forEach(function (layer) {
                layer.bindTooltip(item.t, {sticky: true});
                layer.bindPopup(item.p, {maxWidth: 380});
                layer.addTo(group);
            });
        });
    })();
{% endmacro %}"""
    )

    def __init__(self, items: list[dict], *, circle: bool = False) -> None:
        super().__init__()
        self._name = "Shapes"
        self.items = items
        self.circle = circle


class FlowMap(folium.Map):
    """folium's Map without its page-wide CSS (`html, body`, `#map`), CDN links or jQuery: a map
    element sized by geomap's own scoped rules, rendered like a Macro (never compiled again)."""

    _template = _TEMPLATES.from_string(
        """{% macro html(this, kwargs) %}
<div class="folium-map geomap" id={{ this.get_name()|js }}></div>
{% endmacro %}
{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.map({{ this.get_name()|js }}, {{ this.leaflet_options|js }});
    L.control.scale().addTo({{ this.get_name() }});
{% endmacro %}"""
    )
    render = Macro.render

    def __init__(self) -> None:
        super().__init__(location=[20, 0], zoom_start=2, tiles=None, control_scale=False)
        self.default_js, self.default_css = [], []
        self.leaflet_options = {"center": [20, 0], "zoom": 2, "zoomSnap": 0.25, "worldCopyJump": False,
                                "preferCanvas": False}  # fmt: skip


class Runtime(Macro):
    """The few lines of JavaScript geomap adds to Leaflet, once per page (a second map reuses them).

    `L.GeomapArrow` is an arrowhead drawn in screen space: a triangle computed from the last segment
    of its arc in layer pixels each time Leaflet projects it (every zoom), so it keeps its size in
    pixels at every zoom, and its tip stops at the edge of the destination's circle; or, with `m` in
    its head (`--arrows middle`), centred halfway along the arc as drawn, pointing along it.
    """

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    L.GeomapArrow = L.GeomapArrow || L.Polygon.extend({
        initialize: function (arc, head, options) {
            this._head = head;
            this._end = [L.latLng(arc[arc.length - 2]), L.latLng(arc[arc.length - 1])];
            this._arc = head.m ? arc.map(function (p) { return L.latLng(p); }) : null;
            L.Polygon.prototype.initialize.call(this, this._end, options);
        },
        _project: function () {
            var a = this._map.latLngToLayerPoint(this._end[0]), b = this._map.latLngToLayerPoint(this._end[1]);
            var h = this._head;
            if (h.m) { var mid = this._middle(); a = mid[0]; b = mid[1]; }
            var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
            if (!(d > 1e-9)) { dx = 1; dy = 0; d = 1; }
            var ux = dx / d, uy = dy / d, tx = b.x - ux * h.b, ty = b.y - uy * h.b;
            var bx = tx - ux * h.l, by = ty - uy * h.l;
            var ring = [L.point(tx, ty), L.point(bx - uy * h.w, by + ux * h.w), L.point(bx + uy * h.w, by - ux * h.w)];
            this._rings = [ring];
            this._rawPxBounds = L.bounds(ring);
            this._updateBounds();
        },
        _middle: function () {  // mid-arc: a point before and the point halfway along the arc in pixels,
            var map = this._map, points = this._arc.map(function (p) { return map.latLngToLayerPoint(p); });
            var total = 0, i;  // the second pushed on by half the head, so the head's middle sits there
            for (i = 1; i < points.length; i++) { total += points[i].distanceTo(points[i - 1]); }
            var half = total / 2;
            for (i = 1; i < points.length - 1; i++) {
                var step = points[i].distanceTo(points[i - 1]);
                if (step >= half) { break; }
                half -= step;
            }
            var a = points[i - 1], b = points[i], d = b.distanceTo(a) || 1;
            var along = half + this._head.l / 2;
            return [a, L.point(a.x + (b.x - a.x) * along / d, a.y + (b.y - a.y) * along / d)];
        }
    });
{% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Runtime"


class Styles(Macro):
    """The map's own CSS: its size, geomap's panels (title, legend, time slider) and labels, every
    rule under the map's id, so a page that holds the map keeps its own look."""

    _template = _TEMPLATES.from_string(
        """{% macro header(this, kwargs) %}
{%- set m = "#" ~ this._parent.get_name() %}
<style>
 {{ m }}{position:relative;width:{{ this.width }};height:{{ this.height }};font:12px/1.45 sans-serif}
 {{ m }} .geomap-legend,{{ m }} .geomap-title,{{ m }} .geomap-time{background:rgba(255,255,255,.92);
   border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.45 sans-serif;padding:6px 9px;margin:0}
 {{ m }} .geomap-legend summary{font-weight:bold;cursor:pointer}
 {{ m }} .geomap-legend b{display:block;margin-top:4px}
 {{ m }} .geomap-legend i{display:inline-block;width:22px;margin-right:6px;vertical-align:middle;border-top-style:solid}
 {{ m }} .geomap-title{font:bold 15px/1.4 sans-serif;padding:4px 10px;max-width:60%}
 {{ m }} .geomap-label{white-space:nowrap;font:600 12px/16px sans-serif;color:#222;background:none;border:none;
   text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}
 {{ m }} .geomap-label-minor{font-weight:normal;color:#444}
</style>
{% endmacro %}"""
    )

    def __init__(self, *, width: str, height: str) -> None:
        super().__init__()
        self._name = "Styles"
        self.width = check_length(width)
        self.height = check_length(height)


class PageStyles(Literal):
    """The rules only a whole page has (left out of a fragment): no margin, and a map that fills the
    window unless it was given a size."""

    def __init__(self, map_name: str, *, fill: bool) -> None:
        fill_rule = f"body>#{map_name}{{position:absolute;top:0;right:0;bottom:0;left:0;width:auto;height:auto}}"
        super().__init__(
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<style>html,body{{margin:0;padding:0;height:100%}}{fill_rule if fill else ''}</style>"
        )
        self._name = "PageStyles"


class Panel(Macro):
    """A Leaflet control showing HTML made by this module (the title, the legend), through to_js.

    `fold`: the HTML is a <details>, closed when the map is small (under 640 x 520 pixels)."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }}, panel = L.control({position: {{ this.position|js }}});
        panel.onAdd = function () {
            var div = L.DomUtil.create({{ ("details" if this.fold else "div")|js }}, {{ this.css_class|js }});
            div.innerHTML = {{ this.content|js }};
            {% if this.fold %}var size = map.getSize();
            div.open = size.x >= 640 && size.y >= 520;
            L.DomEvent.disableClickPropagation(div);{% endif %}
            return div;
        };
        panel.addTo(map);
    })();
{% endmacro %}"""
    )

    def __init__(self, css_class: str, position: str, content: str, *, fold: bool = False) -> None:
        super().__init__()
        self._name = "Panel"
        self.css_class = css_class
        self.position = position
        self.content = content
        self.fold = fold


class TimeFilter(Macro):
    """A slider over the months with events: all of them, or one month's flows only."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var periods = {{ this.periods|js }};
        var control = L.control({position: "bottomleft"});
        control.onAdd = function () {
            var div = L.DomUtil.create("div", "geomap-time");
            div.innerHTML = '<label>Time: <span class="geomap-time-label">all dates</span><br>' +
                '<input type="range" class="geomap-time-range" min="0" step="1" value="0"></label>';
            var range = div.querySelector("input"), label = div.querySelector("span");
            var style = document.createElement("style");
            document.head.appendChild(style);
            range.max = periods.length;
            range.addEventListener("input", function () {
                var i = parseInt(range.value, 10);
                label.textContent = i === 0 ? "all dates" : periods[i - 1];
                style.textContent = i === 0 ? "" :
                    "#" + {{ this._parent.get_name()|js }} + " .geomap-flow:not(.geomap-p-" + periods[i - 1] +
                    "), #" + {{ this._parent.get_name()|js }} + " .geomap-arrow:not(.geomap-p-" + periods[i - 1] +
                    ") {display: none}";
            });
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        control.addTo({{ this._parent.get_name() }});
    })();
{% endmacro %}"""
    )

    def __init__(self, periods: list[str]) -> None:
        super().__init__()
        self._name = "TimeFilter"
        self.periods = periods


class Background(Macro):
    """The map's background colour (the sea, under the land shapes)."""

    _template = _TEMPLATES.from_string(
        """{% macro header(this, kwargs) %}
<style>#{{ this._parent.get_name() }}{background:{{ this.colour }}}</style>
{% endmacro %}"""
    )

    def __init__(self, colour: str) -> None:
        if not re.fullmatch(r"#[0-9A-Fa-f]{3,8}", colour):
            raise ValueError(f"not a colour: {colour!r}")
        super().__init__()
        self._name = "Background"
        self.colour = colour


class Land(Macro):
    """The bundled basemap: every country's shape, in a pane beneath the tiles, drawn three times
    (one world and its copies east and west) so that flows past the antimeridian end on land. The
    countries the text names are shaded from the same data, as a layer named by this element's
    variable. The shapes travel as whole numbers of hundredths of a degree, each ring a start and
    then steps (see `land_data`)."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.featureGroup();
    (function () {
        var map = {{ this._parent.get_name() }}, pane = map.createPane("geomapLand"), named = {{ this.named|js }};
        pane.style.zIndex = 150;
        var land = {fillColor: "#f4f3ef", color: "#c8c8c8", weight: 0.6, fillOpacity: 1, className: "geomap-land",
                    interactive: false, pane: "geomapLand", smoothFactor: 1.5};
        var shade = {fillColor: "#f2c45a", color: "#c9962a", weight: 1, fillOpacity: 0.25, className: "geomap-country",
                     interactive: false};
        var countries = {{ this.data }};
        [0, -360, 360].forEach(function (shift) {
            countries.forEach(function (polygons, i) {
                var latlngs = polygons.map(function (rings) {
                    return rings.map(function (text) {
                        var ring = text.split(",").map(function (v) { return parseInt(v, 36); });
                        var x = ring[0] / 100 + shift, y = ring[1] / 100, out = [[y, x]];
                        for (var k = 2; k < ring.length; k += 2) {
                            x += ring[k] / 100; y += ring[k + 1] / 100; out.push([y, x]);
                        }
                        return out;
                    });
                });
                L.polygon(latlngs, land).addTo(map);
                if (named.indexOf(i) >= 0) { L.polygon(latlngs, shade).addTo({{ this.get_name() }}); }
            });
        });
        {{ this.get_name() }}.addTo(map);
    })();
{% endmacro %}"""
    )

    def __init__(self, named: Iterable[str] = ()) -> None:
        super().__init__()
        self._name = "Land"
        self.data = land_data()
        codes = list(simple_shapes())
        self.named = sorted(codes.index(iso) for iso in set(named) if iso in codes)


@functools.cache
def simple_shapes() -> dict[str, dict]:
    """The bundled country shapes simplified to about 3 km, coordinates in hundredths of a degree:
    enough for a basemap at the zooms a flow map is read at, and a fifth of the bytes."""
    from shapely import set_precision
    from shapely.geometry import mapping, shape

    out = {}
    for iso, feature in sorted(country_shapes().items()):
        geometry = set_precision(shape(feature["geometry"]).simplify(0.03, preserve_topology=True), 0.01)
        out[iso] = {**feature, "geometry": json.loads(json.dumps(mapping(geometry)))}
    return out


@functools.cache
def land_data() -> str:
    """Every country's polygons as compact JSON: each ring a string of integers in base 36 (hundredths
    of a degree), a start and then steps."""
    countries = []
    for feature in simple_shapes().values():
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings_of = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                points = [(round(x * 100), round(y * 100)) for x, y in ring]
                flat = list(points[0])
                for (x0, y0), (x1, y1) in itertools.pairwise(points):
                    flat += [x1 - x0, y1 - y0]
                rings.append(",".join(_base36(v) for v in flat))
            rings_of.append(rings)
        countries.append(rings_of)
    return json.dumps(countries, separators=(",", ":"))  # digits, letters, '-' and ',': nothing to escape


def _base36(value: int) -> str:
    """An integer in base 36 (shorter than decimal, and no longer than three digits here).

    >>> _base36(-1337), _base36(35)
    ('-115', 'z')
    """
    digits, n = "", abs(value)
    while True:
        n, d = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + digits
        if not n:
            return ("-" if value < 0 else "") + digits


class Tiles(Macro):
    """Online tiles, a layer above the bundled land: offline they stay empty and the land shows."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.tileLayer({{ this.url|js }}, {{ this.options|js }});
    {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = "Tiles"
        provider = _provider(name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.url = provider.build_url()
        self.options = {"attribution": provider.get("html_attribution", provider.get("attribution", "")),
                        "maxZoom": provider.get("max_zoom", 18), "className": "geomap-tiles"}  # fmt: skip


class Labels(Macro):
    """Place names beside their circles, most important first; a label that would overlap one
    shown before it is hidden (checked again after every zoom)."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }}, pane = map.createPane("geomapLabels");
        pane.style.zIndex = 450;
        pane.style.pointerEvents = "none";
        var labels = {{ this.items|js }}.map(function (item) {
            var icon = L.divIcon({className: item.c, html: item.t, iconSize: null, iconAnchor: [-item.r - 3, 8]});
            return L.marker(item.a, {icon: icon, interactive: false, keyboard: false, pane: "geomapLabels"}).addTo(map);
        });
        function declutter() {  // all boxes read first, then all written: one layout, not one a label
            var shown = [], elements = labels.map(function (label) { return label.getElement(); });
            var boxes = elements.map(function (el) { return el ? el.getBoundingClientRect() : null; });
            var hidden = boxes.map(function (box) {
                if (!box) { return true; }
                var clash = shown.some(function (b) {
                    return box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom;
                });
                if (!clash) { shown.push(box); }
                return clash;
            });
            elements.forEach(function (el, i) { if (el) { el.style.visibility = hidden[i] ? "hidden" : ""; } });
        }
        map.on("zoomend viewreset resize", declutter);
        map.whenReady(declutter);
    })();
{% endmacro %}"""
    )

    def __init__(self, items: list[dict]) -> None:
        super().__init__()
        self._name = "Labels"
        self.items = items


class Layers(Macro):
    """The layer control, listing the overlays in order; folded into a button on a small map."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }}, size = map.getSize();
        var control = L.control.layers(null, null, {collapsed: size.x < 640 || size.y < 520, position: "topright"});
        {%- for name, layer in this.overlays %}
        control.addOverlay({{ layer.get_name() }}, {{ name|js }});
        {%- endfor %}
        control.addTo(map);
    })();
{% endmacro %}"""
    )

    def __init__(self, overlays: list[tuple[str, Element]]) -> None:
        super().__init__()
        self._name = "Layers"
        self.overlays = overlays


class FitView(Macro):
    """The first view: all flows and places, clear of the title, at any size of the map, fitted
    again when the map is resized until the reader moves it."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }}, bounds = L.latLngBounds({{ this.bounds|js }}), moved = false;
        function fit() {
            var box = map.getContainer().getBoundingClientRect(), top = 24, right = 24;
            var title = map.getContainer().querySelector(".geomap-title");
            if (title) { top = Math.max(top, title.getBoundingClientRect().bottom - box.top + 12); }
            map.getContainer().querySelectorAll(".leaflet-right .leaflet-control").forEach(function (control) {
                right = Math.max(right, box.right - control.getBoundingClientRect().left + 12);
            });
            map.fitBounds(bounds, {paddingTopLeft: [24, Math.min(top, box.height / 3)], animate: false,
                                   paddingBottomRight: [Math.min(right, box.width / 3), 24], maxZoom: 9});
        }
        fit();
        map.getContainer().geomapFit = fit;
        map.getContainer().addEventListener("pointerdown", function () { moved = true; });
        map.getContainer().addEventListener("wheel", function () { moved = true; }, {passive: true});
        map.on("resize", function () { if (!moved) { fit(); } });
        if (window.ResizeObserver) {
            new ResizeObserver(function () { map.invalidateSize({animate: false}); }).observe(map.getContainer());
        }
    })();
{% endmacro %}"""
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FitView"
        self.bounds = bounds


class Attribution(Macro):
    """The data's attribution; without tiles, Leaflet's prefix without its link either."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    {% if this.plain %}{{ this._parent.get_name() }}.attributionControl.setPrefix("Leaflet");{% endif %}
    {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|js }});
{% endmacro %}"""
    )

    def __init__(self, text: str, *, plain: bool) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text
        self.plain = plain


LEAFLET_CDN = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/"


class LeafletAssets(Literal):
    """Leaflet itself: inlined (its CSS, with its images as data: URIs, added by the script), run only
    when the page has no `window.L` yet, so several fragments on one page share one Leaflet; or, with
    `cdn`, loaded from jsDelivr (a fragment loads it only when missing, too)."""

    def __init__(self, *, cdn: bool) -> None:
        if cdn:
            tags = f'<link rel="stylesheet" href="{LEAFLET_CDN}leaflet.css">\n'
            tags += f'<script src="{LEAFLET_CDN}leaflet.js"></script>'
            self.fragment_text = "<script>window.L || document.write(" + to_js(tags) + ");</script>"
        else:
            js, css = leaflet_assets()
            style = (
                f"var s = document.createElement('style'); s.textContent = {to_js(css)}; document.head.appendChild(s);"
            )
            tags = f"<script>if (!window.L) {{\n(function () {{ {style} }})();\n{js}\n}}</script>"
            self.fragment_text = tags
        super().__init__(tags)
        self._name = "LeafletAssets"


@functools.cache
def leaflet_assets() -> tuple[str, str]:
    """Leaflet 1.9.3 from the xstatic-leaflet package (the version folium uses)."""
    import xstatic.pkg.leaflet as xleaflet

    base = importlib.resources.files(xleaflet) / "data"
    js = (base / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    # the default attribution prefix links to leafletjs.com; geomap sets its own, so no URL stays
    js = js.replace('<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">', "<a>")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        image = (base / "images" / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(image).decode()})"

    return js, re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


# --- The map --------------------------------------------------------------------------------------

LENGTH = re.compile(r"(\d{1,5}(?:\.\d{1,3})?)(px|%|vh|vw|em|rem)")
LENGTH_RANGES = {"px": (50, 20000), "%": (1, 100), "vh": (1, 100), "vw": (1, 100), "em": (3, 1000), "rem": (3, 1000)}
DEFAULT_HEIGHT = "480px"
LABELS_OTHER = 10  # labels for places at no flow's end: the most mentioned, this many
ARROWS = ("end", "middle")  # where a flow's arrowhead sits: at the destination, or halfway along the arc


def check_arrows(arrows: str) -> str:
    """`arrows` if it is a place for arrowheads (end, middle); else InputError."""
    if arrows not in ARROWS:
        raise InputError(f"{arrows!r} is no place for arrowheads: use {' or '.join(ARROWS)}")
    return arrows


def check_length(length: str) -> str:
    """`length` if it is a CSS length for the map (e.g. 480px, 100%, 60vh, 30em); else InputError.

    >>> check_length("480px")
    '480px'
    """
    match = LENGTH.fullmatch(length) if isinstance(length, str) else None
    if match is None:
        raise InputError(f"{length!r} is no length: use a number and px, %, vh, vw, em or rem (e.g. 480px)")
    low, high = LENGTH_RANGES[match.group(2)]
    if not low <= float(match.group(1)) <= high:
        raise InputError(f"{length!r} is out of range: {match.group(2)} from {low} to {high}")
    return length


def render(
    documents: Sequence[Document],
    *,
    title: str | None = None,
    types: Iterable[str] | None = None,
    min_confidence: float = 0.0,
    tiles: str | None = DEFAULT_TILES,
    offline: bool = False,
    cdn: bool = False,
    places: dict[str, Place] | None = None,
    map_id: str | None = None,
    height: str | None = None,
    width: str | None = None,
    flow_ids: bool = False,
    arrows: str = "end",
) -> folium.Map:
    """A folium.Map of the documents' flows and places (it shows in Jupyter as it is).

    Every page opens with no network: Leaflet is inlined and the land is drawn from the bundled
    shapes, with the online `tiles` as a layer above it (empty when offline). `offline`: no online
    tiles at all, so the page asks for nothing. `cdn`: Leaflet from jsDelivr instead, a page 150 kB
    smaller that needs the network. `places` replaces documents' places by id (e.g. countries at their
    capitals). `map_id` makes element ids unique when several maps share a page (default: derived from
    the content). `height` and `width` are CSS lengths (default: the window as a page, 480px x 100% as
    a fragment). `flow_ids`: each flow's line and arrowhead also carry the class `geomap-f<i>`, `i` its
    index in `flows(...)` with the same arguments, so a page around the map can find a flow's paths (the
    report links its table rows to them). `arrows`: arrowheads at the arcs' ends (default) or halfway
    along them ("middle"). A bad `tiles`, `map_id`, `height`, `width` or `arrows` raises InputError.
    """
    check_arrows(arrows)
    if map_id is not None:
        check_map_id(map_id)
    for length in (height, width):
        if length is not None:
            check_length(length)
    tile_name = None if offline else tile_provider(tiles)
    drawn = flows(documents, types=types, min_confidence=min_confidence, places=places)
    shown = {fp.place.id: (places or {}).get(fp.place.id, fp.place) for doc in documents for fp in doc.places}
    counts = _mention_counts(documents)
    points = [p for f in drawn for p in f.arc] + [(p.lat, p.lon) for p in shown.values()]
    m = FlowMap()
    figure = m.get_root()
    figure.header.add_child(LeafletAssets(cdn=cdn), name="leaflet")
    m.add_child(Runtime())
    m.add_child(Styles(width=width or "100%", height=height or DEFAULT_HEIGHT))
    m.add_child(Background("#d4e6f3"))  # the sea, under the land shapes
    land = Land(_named_countries(documents))
    m.add_child(land)
    overlays: list[tuple[str, Element]] = []
    if tile_name is not None:
        tile_layer = Tiles(tile_name)
        m.add_child(tile_layer)
        overlays.append((f"online map tiles ({_escape(tiles)})", tile_layer))
    if land.named:
        overlays.append((f"countries named ({len(land.named)})", land))
    by_type: dict[str, list[Flow]] = defaultdict(list)
    for f in drawn:
        by_type[f.event.type].append(f)
    radius = {pid: _radius(counts[pid]) for pid in shown}
    index = {id(f): i for i, f in enumerate(drawn)} if flow_ids else {}
    for type_ in sorted(by_type, key=_type_order):
        name = f"{_escape(type_)} ({len(by_type[type_])})"
        group = folium.FeatureGroup(name=name, show=True)
        items = [_flow_item(f, radius.get(f.destination.id, 6.0), index.get(id(f)), arrows) for f in by_type[type_]]
        group.add_child(Shapes(items))
        group.add_to(m)
        overlays.append((name, group))
    copies = _copies(shown, drawn)
    overlays.append(_markers(m, documents, shown, counts, copies))
    m.add_child(Labels(_labels(shown, drawn, counts, copies)))
    m.add_child(Layers(overlays))
    heading = title if title is not None else _default_title(documents)
    if heading:
        m.add_child(Panel("geomap-title", "topleft", _escape(heading)))
        figure.title = _escape(heading)
    m.add_child(Panel("geomap-legend", "bottomright", _legend(drawn), fold=True))
    periods = sorted({f.period for f in drawn} - {"undated"}) + (
        ["undated"] if any(f.period == "undated" for f in drawn) else []
    )
    if len(periods) > 1 or (periods and periods != ["undated"]):
        m.add_child(TimeFilter(periods))
    m.add_child(Attribution(DATA_ATTRIBUTION, plain=tile_name is None))
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.add_child(FitView([[min(lats), min(lons)], [max(lats), max(lons)]]))
    prefix = map_id or _content_id(
        documents,
        title,
        types,
        min_confidence,
        tiles,
        offline,
        cdn,
        height,
        width,
        *((arrows,) if arrows != "end" else ()),
    )
    _stable_ids(figure, prefix)
    figure.header.add_child(PageStyles(m.get_name(), fill=height is None and width is None), name="geomap_page")
    return m


def check_map_id(map_id: str) -> str:
    """`map_id` if it can prefix element ids (a letter, then letters, digits, '-', '_'); else InputError."""
    if not MAP_ID.fullmatch(map_id):
        raise InputError(f"{map_id!r} is no map id: use a letter, then letters, digits, '-' or '_'")
    return map_id


def _provider(tiles: str) -> xyzservices.TileProvider:
    name = TILES.get(tiles.lower(), tiles)
    return xyzservices.providers.query_name("OpenStreetMap.Mapnik" if name.lower() == "openstreetmap" else name)


def tile_provider(tiles: str | None) -> str | None:
    """The xyzservices name for --tiles (a short name or a provider's), None for none; else InputError."""
    if tiles is None or tiles.lower() == "none":
        return None
    hint = f"use {', '.join(TILES)}, none or an xyzservices provider name (e.g. OpenStreetMap.Mapnik)"
    try:
        provider = _provider(tiles)
    except ValueError:
        raise InputError(f"unknown tiles {tiles!r}: {hint}") from None
    if provider.requires_token():
        raise InputError(f"tiles {tiles!r} need an API key, which geomap cannot pass: {hint}")
    return TILES.get(tiles.lower(), tiles)


def _type_order(type_: str) -> tuple[int, str]:
    """Types in the order of TYPE_COLOURS, then the user's own alphabetically."""
    order = list(TYPE_COLOURS)
    return (order.index(type_) if type_ in order else len(order), type_)


def headline(document: Document) -> str | None:
    """The article's headline, case kept: its record's `title` (an article table's), else the title
    its reader found (`meta["title"]`: an HTML page's <h1> or <title>), else the first line of its
    text when that is short enough to be one.

    >>> headline(Document(text="# North Korea airlifts arms to Russia\\n\\nPyongyang ...", places=()))
    'North Korea airlifts arms to Russia'
    """
    for title in (document.title, document.meta.get("title")):
        if isinstance(title, str) and title.strip():
            return " ".join(title.split())
    for line in document.text.splitlines():
        line = " ".join(line.strip().lstrip("#").split())
        if line:
            return line if len(line) <= 160 else None
    return None


def _default_title(documents: Sequence[Document]) -> str:
    """One document: its headline, else its file's name ('seeds/arms-to-russia.txt' -> 'Arms to russia')."""
    if len(documents) == 1 and (line := headline(documents[0])):
        return line
    sources = [d.source for d in documents if d.source]
    if len(sources) == 1:
        words = re.sub(r"\.\w+$", "", sources[0].rsplit("/", 1)[-1]).replace("-", " ").replace("_", " ")
        return words[:1].upper() + words[1:]
    return f"{len(documents)} documents" if len(documents) > 1 else ""


def arrow_size(weight: float) -> tuple[float, float]:
    """An arrowhead's length and half width in pixels, for an arc `weight` pixels wide."""
    length = round(7 + 2 * weight, 1)
    return length, round(0.45 * length, 1)


def _flow_item(f: Flow, end_radius: float, index: int | None = None, arrows: str = "end") -> dict:
    classes = f"geomap-p-{f.period}" + (f" geomap-f{index}" if index is not None else "")
    item = {
        "a": [list(p) for p in f.arc],
        "o": {"color": f.colour, "weight": f.weight, "opacity": 0.85, "dashArray": None if f.event.directed else "6 6",
              "className": f"geomap-flow {classes}", "fill": False},
        "t": _flow_tooltip(f),
        "p": _flow_popup(f),
    }  # fmt: skip
    if f.arrow:
        length, half = arrow_size(f.weight)
        item["h"] = (
            {"l": length, "w": half, "b": end_radius + 1.5}
            if arrows == "end"
            else {"l": length, "w": half, "b": 0, "m": 1}
        )
        item["ho"] = {"color": f.colour, "weight": 1, "fillColor": f.colour, "fillOpacity": 0.95, "opacity": 0.95,
                      "className": f"geomap-arrow {classes}"}  # fmt: skip
    return item


def _mention_counts(documents: Sequence[Document]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for doc in documents:
        for fp in doc.places:
            counts[fp.place.id] += max(len(fp.mentions), 1)
    return counts


def _radius(mentions: int) -> float:
    return round(min(4 + 2 * math.sqrt(mentions), 16), 2)


def _copies(shown: dict[str, Place], drawn: Sequence[Flow]) -> dict[str, list[float]]:
    """Shifts (±360) at which a place is drawn again: where flows that cross the antimeridian reach."""
    lons = [lon for f in drawn for _, lon in f.arc]
    if not lons or (min(lons) >= -180 and max(lons) <= 180):
        return {}
    west, east = min(lons) - 15, max(lons) + 15
    return {
        pid: shifts for pid, p in shown.items() if (shifts := [s for s in (-360.0, 360.0) if west <= p.lon + s <= east])
    }


def _markers(
    m: folium.Map, documents: Sequence[Document], shown: dict[str, Place], counts: Counter[str],
    copies: dict[str, list[float]],
) -> tuple[str, Element]:  # fmt: skip
    surfaces: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        for fp in doc.places:
            surfaces[fp.place.id].extend(
                s for s in dict.fromkeys(mn.text for mn in fp.mentions) if s not in surfaces[fp.place.id]
            )
    name = f"places ({len(shown)})"
    group = folium.FeatureGroup(name=name, show=True)
    items = []
    for pid, place in shown.items():
        for shift in (0.0, *copies.get(pid, ())):
            items.append(
                {"a": [place.lat, place.lon + shift], "t": _escape(place.name),
                 "p": _place_popup(place, counts[pid], surfaces[pid]),
                 "o": {"radius": _radius(counts[pid]), "color": "#333333", "weight": 1.5, "fill": True,
                       "fillColor": "#ffffff", "fillOpacity": 0.9,
                       "className": "geomap-place-copy" if shift else "geomap-place"}}
            )  # fmt: skip
    group.add_child(Shapes(items, circle=True))
    group.add_to(m)
    return name, group


def _labels(
    shown: dict[str, Place], drawn: Sequence[Flow], counts: Counter[str], copies: dict[str, list[float]]
) -> list[dict]:
    """Labels, most important first: the places at flows' ends (by the mentions of their flows), then
    the most mentioned others. Ties break on the name and id, so the order is stable."""
    weight: Counter[str] = Counter()
    for f in drawn:
        weight[f.origin.id] += f.event.count
        weight[f.destination.id] += f.event.count
    ends = sorted((pid for pid in shown if weight[pid]), key=lambda p: (-weight[p], -counts[p], shown[p].name, p))
    others = sorted((pid for pid in shown if not weight[pid]), key=lambda p: (-counts[p], shown[p].name, p))
    items = []
    for pid in ends + others[:LABELS_OTHER]:
        place = shown[pid]
        css = "geomap-label" if weight[pid] else "geomap-label geomap-label-minor"
        for shift in (0.0, *copies.get(pid, ())):
            items.append({"a": [place.lat, place.lon + shift], "t": _escape(place.name), "r": _radius(counts[pid]),
                          "c": css})  # fmt: skip
    return items


def _named_countries(documents: Sequence[Document]) -> list[str]:
    """The countries the text names (shaded on the map)."""
    return sorted({fp.place.country for doc in documents for fp in doc.places
                   if fp.place.kind == "country" and fp.place.country})  # fmt: skip


def _legend(drawn: list[Flow]) -> str:
    counts = Counter(f.event.type for f in drawn)
    rows = [
        f'<i style="border-top-color:{TYPE_COLOURS.get(t, OTHER_COLOUR)};border-top-width:4px"></i>{_escape(t)} ({n})'
        for t, n in sorted(counts.items(), key=lambda tn: _type_order(tn[0]))
    ]  # fmt: skip
    unit = "source" if any(f.sources for f in drawn) else "mention"
    widths = [
        f'<i style="border-top-color:#555;border-top-width:{flow_weight(n):.0f}px"></i>'
        f"{n} {unit}{'s' if n > 1 else ''}" for n in (1, 3, 10)
    ]  # fmt: skip
    kinds = '<i style="border-top-color:#555;border-top-width:2px;border-top-style:dashed"></i>two-way (talks)'
    if not rows:
        return "<summary>No flows</summary>"
    return (
        "<summary>Legend</summary><b>Event type</b>"
        + "<br>".join(rows)
        + "<b>Width</b>"
        + "<br>".join(widths)
        + "<br>"
        + kinds
    )


# --- Determinism and fragments --------------------------------------------------------------------


def _content_id(documents: Sequence[Document], *options: object) -> str:
    payload = json.dumps([[d.to_dict() for d in documents], [str(o) for o in options]], sort_keys=True)
    return "g" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:8]


def _stable_ids(root: Element, prefix: str) -> None:
    """Replace folium's random element ids by prefix + a counter, in document order ('-' becomes '_':
    the ids name JavaScript variables)."""
    counter = itertools.count()
    prefix = prefix.replace("-", "_")

    def walk(element: Element) -> None:
        element._id = f"{prefix}{next(counter):05d}"
        for child in element._children.values():
            walk(child)

    walk(root)


def to_html(m: folium.Map) -> str:
    """The whole page, the same bytes for the same map."""
    return m.get_root().render()


PAGE_ONLY = ("meta_http", "geomap_page")


def to_fragment(m: folium.Map) -> str:
    """A <div> and its <script> to put in a report page: no rule for `html` or `body`, every style
    under the map's id, Leaflet run only if the page has none yet (so fragments share one)."""
    figure: Figure = m.get_root()  # type: ignore[assignment]
    figure.render()
    header = "\n".join(
        getattr(child, "fragment_text", None) or child.render()
        for name, child in figure.header._children.items()
        if name not in PAGE_ONLY
    )
    body = figure.html.render()
    script = figure.script.render()
    return f"{header}\n{body}\n<script>\n{script}\n</script>\n"


def to_geojson(drawn: Sequence[Flow], documents: Sequence[Document], places: dict[str, Place] | None = None) -> dict:
    """The drawn arcs as LineStrings (cut at the antimeridian into MultiLineStrings, RFC 7946), their
    arrowheads as Polygons (`part`: arrowhead, sized on the ground), and the places as Points."""
    features = []
    for f in drawn:
        parts = [[[lon, lat] for lat, lon in part] for part in split_antimeridian(f.arc)]
        geometry = (
            {"type": "LineString", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiLineString", "coordinates": parts}
        )
        props = {k: v for k, v in f.event.to_dict().items() if k != "evidence"}
        props |= {"origin_name": f.origin.name, "destination_name": f.destination.name, "colour": f.colour,
                  "weight": f.weight, "evidence": [ev.text for ev in f.event.evidence]}  # fmt: skip
        if f.sources:
            props |= {"sources": len(f.sources), "source_ids": list(f.sources)}
            if f.links:
                props |= {"source_urls": [u for u, _ in f.links], "source_titles": [t for _, t in f.links]}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
        if f.arrow:
            shift = 360.0 * round(f.arrow[0][1] / 360.0)
            ring = [[round(lon - shift, 5), lat] for lat, lon in (*f.arrow, f.arrow[0])]
            features.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                             "properties": {"id": f.event.id, "part": "arrowhead", "colour": f.colour}})  # fmt: skip
    seen = set()
    for doc in documents:
        for fp in doc.places:
            if fp.place.id in seen:
                continue
            seen.add(fp.place.id)
            place = (places or {}).get(fp.place.id, fp.place)
            props = fp.to_dict()
            props.pop("lat"), props.pop("lon")
            features.append(
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                 "properties": props}
            )  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def find_chromium() -> str | None:
    """A Chromium or Chrome binary on PATH, for PNG export."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--hide-scrollbars",
)  # fmt: skip


EXPORT_FORMATS = ("png", "pdf", "svg")
SIZE = re.compile(r"(\d{2,5})x(\d{2,5})")


def parse_size(size: str) -> tuple[int, int]:
    """'1280x800' -> (1280, 800): a picture's size in CSS pixels, each side 100 to 10000; else InputError."""
    match = SIZE.fullmatch(size.strip().lower()) if isinstance(size, str) else None
    if match is None:
        raise InputError(f"{size!r} is no size: use WIDTHxHEIGHT in pixels (e.g. 1280x800)")
    width, height = int(match.group(1)), int(match.group(2))
    if not (100 <= width <= 10000 and 100 <= height <= 10000):
        raise InputError(f"{size!r} is out of range: each side from 100 to 10000 pixels")
    return width, height


# A picture shows the legend open and fits the flows again around it.
PICTURE_SCRIPT = """<script>document.querySelectorAll(".geomap").forEach(function (map) {
    map.querySelectorAll("details.geomap-legend").forEach(function (d) { d.open = true; });
    if (map.geomapFit) { map.geomapFit(); }
});</script>"""


# An SVG is the map as drawn, read back from the page once it has settled: the panes' SVG paths
# (land, shaded countries, arcs, arrowheads, circles) copied with their drawing attributes only and
# moved by where each pane's <svg> sits, then the visible labels, the title, the legend and the
# attribution as <text>, rectangles and lines at the places the browser laid them out. The result
# goes in the DOM as base64 (no markup of its own), for `--dump-dom` to hand back.
SVG_SCRIPT = """<script>window.addEventListener("load", function () { setTimeout(function () {
    var NS = "http://www.w3.org/2000/svg", map = document.querySelector(".geomap"), box = map.getBoundingClientRect();
    var W = Math.round(box.width), H = Math.round(box.height);
    var KEEP = ["d", "stroke", "stroke-opacity", "stroke-width", "stroke-linecap", "stroke-linejoin",
                "stroke-dasharray", "fill", "fill-opacity", "fill-rule", "class"];
    function el(name, attrs, parent) {
        var e = document.createElementNS(NS, name);
        Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
        if (parent) { parent.appendChild(e); }
        return e;
    }
    function r(v) { return Math.round(v * 100) / 100; }
    var svg = el("svg", {xmlns: NS, width: W, height: H, viewBox: "0 0 " + W + " " + H,
                         "font-family": "sans-serif"});
    el("rect", {width: W, height: H, fill: getComputedStyle(map).backgroundColor}, svg);
    var layers = [].slice.call(map.querySelectorAll(".leaflet-pane svg")).map(function (s, i) {
        var pane = s.closest(".leaflet-pane"), z = parseInt(getComputedStyle(pane).zIndex, 10) || 0;
        return {svg: s, z: z, i: i};
    }).sort(function (a, b) { return a.z - b.z || a.i - b.i; });
    layers.forEach(function (layer) {
        var at = layer.svg.getBoundingClientRect(), view = layer.svg.viewBox.baseVal;
        var dx = r(at.left - box.left - view.x), dy = r(at.top - box.top - view.y);
        var g = el("g", {transform: "translate(" + dx + " " + dy + ")"}, svg);
        layer.svg.querySelectorAll("path").forEach(function (p) {
            var d = p.getAttribute("d");
            if (!d || d === "M0 0" || getComputedStyle(p).display === "none") { return; }
            var attrs = {};
            KEEP.forEach(function (k) { if (p.hasAttribute(k)) { attrs[k] = p.getAttribute(k); } });
            el("path", attrs, g);
        });
    });
    function texts(root, parent) {  // every text node of root, line by line, where the browser put it
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), node, range = document.createRange();
        while ((node = walker.nextNode())) {
            var style = getComputedStyle(node.parentElement), value = node.data, line = null, lines = [];
            if (!value.trim() || style.visibility === "hidden") { continue; }
            for (var k = 0; k < value.length; k++) {
                range.setStart(node, k); range.setEnd(node, k + 1);
                var b = range.getBoundingClientRect();
                if (!b.width && !b.height) { if (line) { line.text += value[k]; } continue; }
                if (!line || Math.abs(b.top - line.top) > 2) {
                    line = {text: "", left: b.left, top: b.top, bottom: b.bottom};
                    lines.push(line);
                }
                line.text += value[k];
            }
            lines.forEach(function (l) {
                if (!l.text.trim()) { return; }
                var t = el("text", {x: r(l.left - box.left), y: r((l.top + l.bottom) / 2 - box.top),
                    "dominant-baseline": "central", "font-size": style.fontSize, "font-weight": style.fontWeight,
                    fill: style.color, "xml:space": "preserve"}, parent);
                if (style.textShadow && style.textShadow !== "none") {
                    t.setAttribute("stroke", "#ffffff"); t.setAttribute("stroke-width", "3");
                    t.setAttribute("stroke-linejoin", "round"); t.setAttribute("paint-order", "stroke");
                }
                t.textContent = l.text.replace(/\\s+/g, " ");
            });
        }
    }
    function panel(p) {
        var b = p.getBoundingClientRect(), style = getComputedStyle(p);
        if (!b.width || style.display === "none" || style.visibility === "hidden") { return; }
        var g = el("g", {"class": p.className.replace(/[^A-Za-z0-9_ -]/g, "")}, svg);
        el("rect", {x: r(b.left - box.left), y: r(b.top - box.top), width: r(b.width), height: r(b.height),
                    rx: parseFloat(style.borderTopLeftRadius) || 0, fill: style.backgroundColor}, g);
        p.querySelectorAll("i").forEach(function (i) {
            var ib = i.getBoundingClientRect(), is = getComputedStyle(i), w = parseFloat(is.borderTopWidth) || 1;
            var line = {x1: r(ib.left - box.left), x2: r(ib.right - box.left), y1: r(ib.top - box.top + w / 2),
                        y2: r(ib.top - box.top + w / 2), stroke: is.borderTopColor, "stroke-width": w};
            if (is.borderTopStyle === "dashed") { line["stroke-dasharray"] = "6 4"; }
            el("line", line, g);
        });
        texts(p, g);
    }
    var labels = el("g", {"class": "geomap-labels"}, svg);
    map.querySelectorAll(".geomap-label").forEach(function (label) {
        if (getComputedStyle(label).visibility !== "hidden") { texts(label, labels); }
    });
    map.querySelectorAll(".geomap-title, .geomap-legend, .leaflet-control-attribution").forEach(panel);
    var text = new XMLSerializer().serializeToString(svg), bytes = new TextEncoder().encode(text), binary = "";
    for (var k = 0; k < bytes.length; k += 8192) {
        binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 8192));
    }
    document.body.setAttribute("data-geomap-svg", btoa(binary));
}, 300); });</script>"""
SVG_DUMP = re.compile(r'data-geomap-svg="([A-Za-z0-9+/=]*)"')
SVG_ELEMENTS = {"svg", "g", "path", "rect", "line", "text"}


def _checked_svg(text: str) -> str:
    """The SVG Chromium handed back, if it holds only the shapes and text geomap draws (no script, no
    link, no foreign element or event attribute); else ExportError. An XML declaration goes before it."""
    import xml.etree.ElementTree as ET

    from geomap.errors import ExportError

    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise ExportError(f"Chromium made no well-formed SVG: {e}") from None
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        bad = [k for k in element.attrib if k.rsplit("}", 1)[-1].lower().startswith(("on", "href"))]
        if name not in SVG_ELEMENTS or bad or not element.tag.startswith("{http://www.w3.org/2000/svg}"):
            raise ExportError(f"the SVG holds an element geomap does not draw: {name} {bad}")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def screenshot(page: str, *, size: tuple[int, int] = (1280, 800), scale: float = 1.0, fmt: str = "png") -> bytes:
    """A PNG (or a one-page PDF of the same size, or an SVG of what the page shows: `SVG_SCRIPT`) of an
    HTML page drawn by headless Chromium, `size` in CSS pixels, `scale` device pixels to one (2 for
    print; an SVG has none); ExportError if there is no Chromium."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from geomap.errors import ExportError

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"not an export format: {fmt!r}")
    binary = find_chromium()
    if binary is None:
        raise ExportError(f"{fmt.upper()} export needs Chromium: install Debian's chromium (apt-get install chromium)")
    page_rule = f"@page{{size:{size[0]}px {size[1]}px;margin:0}}" if fmt == "pdf" else ""  # one page, no margins
    page = page.replace("</head>", f"<style>{page_rule}.leaflet-control-layers{{display:none}}</style></head>", 1)
    if fmt == "svg":  # --dump-dom's window is shorter than --window-size: the map is given the size itself
        fixed = (
            f".geomap{{width:{size[0]}px!important;height:{size[1]}px!important;"
            "right:auto!important;bottom:auto!important}"
        )
        page = page.replace("</head>", f"<style>{fixed}</style></head>", 1)
    page = page.replace("</body>", PICTURE_SCRIPT + (SVG_SCRIPT if fmt == "svg" else "") + "</body>", 1)
    with tempfile.TemporaryDirectory(prefix="geomap-export-") as tmp:
        html_path, out_path = Path(tmp) / "map.html", Path(tmp) / f"map.{fmt}"
        html_path.write_text(page, encoding="utf-8")
        target = {"png": [f"--screenshot={out_path}"], "pdf": [f"--print-to-pdf={out_path}", "--no-pdf-header-footer"],
                  "svg": ["--dump-dom"]}[fmt]  # fmt: skip
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", *target,
                   f"--window-size={size[0]},{size[1]}", f"--force-device-scale-factor={scale:g}",
                   "--virtual-time-budget=5000", html_path.as_uri()]  # fmt: skip
        try:
            env = {**os.environ, "HOME": tmp}
            done = subprocess.run(command, capture_output=True, timeout=120, check=False, env=env)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ExportError(f"Chromium could not draw the map: {e}") from None
        if fmt == "svg":
            found = SVG_DUMP.search(done.stdout.decode("utf-8", "replace"))
            if found is None:
                raise ExportError("Chromium drew no SVG (is it a working headless Chromium?)")
            return _checked_svg(base64.b64decode(found.group(1)).decode("utf-8")).encode("utf-8")
        if not out_path.exists():
            raise ExportError(f"Chromium drew no {fmt.upper()} (is it a working headless Chromium?)")
        return out_path.read_bytes()
