"""The last stage: documents' places and events drawn as flows on a Folium map.

Every flow is a great-circle arc bent gently to the right of its direction of travel (so the two
directions between two places are two arcs), ending in an arrowhead computed here from geodesics
(no plugin script: it shows in every export). Width grows with the number of merged mentions,
colour gives the event type (Paul Tol's colour-blind-safe "vibrant" and "muted" schemes). The
output is deterministic: folium's random element ids are replaced, in `_stable_ids`, by ids
derived from the content, so the same input gives the same bytes.

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
TILES = {"gray": "Esri.WorldGrayCanvas", "positron": "CartoDB positron", "osm": "OpenStreetMap"}
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
    """The asserted events with two ends, as geometry; places override the documents' own points."""
    wanted = set(types) if types else None
    by_id = {fp.place.id: fp.place for doc in documents for fp in doc.places} | (places or {})
    chosen = []
    for doc in documents:
        for e in doc.events:
            if not e.asserted or e.confidence < min_confidence or (wanted and e.type not in wanted):
                continue
            if e.origin is None or e.destination is None or e.origin == e.destination:
                continue
            chosen.append((e, by_id[e.origin], by_id[e.destination]))
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for e, origin, destination in chosen:
        pair = (origin.id, destination.id)
        k = seen[pair]
        seen[pair] += 1
        arc = flow_arc(origin.point, destination.point, bend=BEND * (1 + 0.7 * k))
        weight = flow_weight(e.count)
        out.append(
            Flow(
                event=e, origin=origin, destination=destination, arc=tuple(arc),
                arrow=tuple(arrowhead(arc, weight=weight)) if e.directed else None, weight=weight,
                colour=TYPE_COLOURS.get(e.type, OTHER_COLOUR), period=period_of(e),
            )
        )  # fmt: skip
    return out


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
    quotes = "".join(f"<blockquote>{_escape(ev.text)}</blockquote>" for ev in e.evidence[:3])
    return "<br>".join(rows) + quotes


def _flow_tooltip(flow: Flow) -> str:
    e = flow.event
    arrow = "→" if e.directed else "–"
    when = f" ({_escape(e.date)})" if e.date else ""
    return f"{_escape(e.type)}: {_escape(flow.origin.name)} {arrow} {_escape(flow.destination.name)}{when}"


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
    this module, escaped), `h` an arrowhead's points and `ho` its options; `circle` draws circle
    markers (`a` one point). One element per layer keeps 10,000 flows to a second of rendering.
    """

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var group = {{ this._parent.get_name() }};
        {{ this.items|js }}.forEach(function (item) {
            var layers = [{{ "L.circleMarker" if this.circle else "L.polyline" }}(item.a, item.o)];
            if (item.h) { layers.push(L.polygon(item.h, item.ho)); }
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


class Styles(Macro):
    """The CSS of geomap's panels (title, legend, time slider), once per page."""

    _template = _TEMPLATES.from_string(
        """{% macro header(this, kwargs) %}
<style>
 .geomap-legend,.geomap-title,.geomap-time{background:rgba(255,255,255,.92);border-radius:4px;
   box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.45 sans-serif;padding:6px 9px}
 .geomap-legend b{display:block;margin-bottom:2px}
 .geomap-legend i{display:inline-block;width:22px;margin-right:6px;vertical-align:middle;border-top-style:solid}
 .geomap-title{font:bold 15px/1.4 sans-serif;padding:4px 10px;max-width:60vw}
</style>
{% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Styles"


class Panel(Macro):
    """A Leaflet control showing HTML made by this module (the title, the legend), through to_js."""

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
    (function () {
        var panel = L.control({position: {{ this.position|js }}});
        panel.onAdd = function () {
            var div = L.DomUtil.create("div", {{ this.css_class|js }});
            div.innerHTML = {{ this.content|js }};
            return div;
        };
        panel.addTo({{ this._parent.get_name() }});
    })();
{% endmacro %}"""
    )

    def __init__(self, css_class: str, position: str, content: str) -> None:
        super().__init__()
        self._name = "Panel"
        self.css_class = css_class
        self.position = position
        self.content = content


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
    """The map's background colour (the sea, when the land is drawn from shapes)."""

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


class InlineAssets(Literal):
    """Leaflet's JavaScript and CSS (with its images as data: URIs) inside the page."""

    def __init__(self, js: str, css: str) -> None:
        super().__init__(f"<style>{css}</style>\n<script>{js}</script>")
        self._name = "InlineAssets"


def leaflet_assets() -> tuple[str, str]:
    """Leaflet 1.9.3 from the xstatic-leaflet package (the version folium uses)."""
    import xstatic.pkg.leaflet as xleaflet

    base = importlib.resources.files(xleaflet) / "data"
    js = (base / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    # the default attribution prefix links to leafletjs.com; geomap sets its own, so no URL stays
    js = js.replace('<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">', "<a>")
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        image = (base / "images" / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(image).decode()})"

    return js, re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


# --- The map --------------------------------------------------------------------------------------


def render(
    documents: Sequence[Document],
    *,
    title: str | None = None,
    types: Iterable[str] | None = None,
    min_confidence: float = 0.0,
    tiles: str | None = DEFAULT_TILES,
    offline: bool = False,
    places: dict[str, Place] | None = None,
    map_id: str | None = None,
) -> folium.Map:
    """A folium.Map of the documents' flows and places (it shows in Jupyter as it is).

    `offline`: no tiles but the bundled country shapes, Leaflet inlined, no external reference.
    `places` replaces documents' places by id (e.g. countries at their capitals). `map_id` makes
    element ids unique when several maps share a page (default: derived from the content).
    A bad `tiles` or `map_id` raises InputError.
    """
    if map_id is not None:
        check_map_id(map_id)
    tile_name = None if offline else tile_provider(tiles)
    drawn = flows(documents, types=types, min_confidence=min_confidence, places=places)
    shown = {fp.place.id: (places or {}).get(fp.place.id, fp.place) for doc in documents for fp in doc.places}
    points = [p for f in drawn for p in f.arc] + [(p.lat, p.lon) for p in shown.values()]
    m = folium.Map(location=[20, 0], zoom_start=2, tiles=tile_name, prefer_canvas=False, world_copy_jump=False,
                   control_scale=True)  # fmt: skip
    if offline:
        m.default_js, m.default_css = [], []
        js, css = leaflet_assets()
        m.get_root().header.add_child(InlineAssets(js, css), name="leaflet_inline")
        m.add_child(Background("#d4e6f3"))  # the sea, under the land shapes
    shapes = country_shapes()
    if offline:
        _land(m, shapes)
    _countries(m, documents, shapes, places)
    by_type: dict[str, list[Flow]] = defaultdict(list)
    for f in drawn:
        by_type[f.event.type].append(f)
    for type_ in sorted(by_type, key=_type_order):
        group = folium.FeatureGroup(name=f"{_escape(type_)} ({len(by_type[type_])})", show=True)
        group.add_child(Shapes([_flow_item(f) for f in by_type[type_]]))
        group.add_to(m)
    _markers(m, documents, places)
    folium.LayerControl(collapsed=False).add_to(m)
    m.add_child(Styles())
    m.add_child(Panel("geomap-legend", "bottomright", _legend(drawn)))
    heading = title if title is not None else _default_title(documents)
    if heading:
        m.add_child(Panel("geomap-title", "topleft", _escape(heading)))
        m.get_root().title = _escape(heading)
    periods = sorted({f.period for f in drawn} - {"undated"}) + (
        ["undated"] if any(f.period == "undated" for f in drawn) else []
    )
    if len(periods) > 1 or (periods and periods != ["undated"]):
        m.add_child(TimeFilter(periods))
    m.add_child(Attribution(DATA_ATTRIBUTION, plain=offline))
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30))
    _stable_ids(m.get_root(), map_id or _content_id(documents, title, types, min_confidence, tiles, offline))
    return m


def check_map_id(map_id: str) -> str:
    """`map_id` if it can prefix element ids (a letter, then letters, digits, '-', '_'); else InputError."""
    if not MAP_ID.fullmatch(map_id):
        raise InputError(f"{map_id!r} is no map id: use a letter, then letters, digits, '-' or '_'")
    return map_id


def tile_provider(tiles: str | None) -> str | None:
    """The xyzservices name for --tiles (a short name or a provider's), None for none; else InputError."""
    if tiles is None or tiles.lower() == "none":
        return None
    if tiles.lower() in TILES:
        return TILES[tiles.lower()]
    hint = f"use {', '.join(TILES)}, none or an xyzservices provider name (e.g. OpenStreetMap.Mapnik)"
    query = "OpenStreetMap.Mapnik" if tiles.lower() == "openstreetmap" else tiles  # as folium reads it
    try:
        provider = xyzservices.providers.query_name(query)
    except ValueError:
        raise InputError(f"unknown tiles {tiles!r}: {hint}") from None
    try:
        with warnings.catch_warnings():  # folium warns when it builds the URL itself
            warnings.simplefilter("ignore")
            provider.build_url()
    except ValueError:
        raise InputError(f"tiles {tiles!r} need an API key, which geomap cannot pass: {hint}") from None
    return tiles


def _type_order(type_: str) -> tuple[int, str]:
    """Types in the order of TYPE_COLOURS, then the user's own alphabetically."""
    order = list(TYPE_COLOURS)
    return (order.index(type_) if type_ in order else len(order), type_)


def _default_title(documents: Sequence[Document]) -> str:
    """'seeds/north-korea-airlifts-arms-to-russia.txt' -> 'North korea airlifts arms to russia'."""
    sources = [d.source for d in documents if d.source]
    if len(sources) == 1:
        words = re.sub(r"\.\w+$", "", sources[0].rsplit("/", 1)[-1]).replace("-", " ").replace("_", " ")
        return words[:1].upper() + words[1:]
    return f"{len(documents)} documents" if len(documents) > 1 else ""


def _flow_item(f: Flow) -> dict:
    classes = f"geomap-p-{f.period}"
    item = {
        "a": [list(p) for p in f.arc],
        "o": {"color": f.colour, "weight": f.weight, "opacity": 0.85, "dashArray": None if f.event.directed else "6 6",
              "className": f"geomap-flow {classes}", "fill": False},
        "t": _flow_tooltip(f),
        "p": _flow_popup(f),
    }  # fmt: skip
    if f.arrow:
        item["h"] = [list(p) for p in f.arrow]
        item["ho"] = {"color": f.colour, "weight": 1, "fillColor": f.colour, "fillOpacity": 0.95, "opacity": 0.95,
                      "className": f"geomap-arrow {classes}"}  # fmt: skip
    return item


def _markers(m: folium.Map, documents: Sequence[Document], places: dict[str, Place] | None) -> None:
    counts: Counter[str] = Counter()
    surfaces: dict[str, list[str]] = defaultdict(list)
    found: dict[str, Place] = {}
    for doc in documents:
        for fp in doc.places:
            found[fp.place.id] = (places or {}).get(fp.place.id, fp.place)
            counts[fp.place.id] += max(len(fp.mentions), 1)
            surfaces[fp.place.id].extend(
                s for s in dict.fromkeys(mn.text for mn in fp.mentions) if s not in surfaces[fp.place.id]
            )
    group = folium.FeatureGroup(name=f"places ({len(found)})", show=True)
    items = [
        {"a": [place.lat, place.lon], "t": _escape(place.name), "p": _place_popup(place, counts[pid], surfaces[pid]),
         "o": {"radius": min(4 + 2 * math.sqrt(counts[pid]), 16), "color": "#333333", "weight": 1.5, "fill": True,
               "fillColor": "#ffffff", "fillOpacity": 0.9, "className": "geomap-place"}}
        for pid, place in found.items()
    ]  # fmt: skip
    group.add_child(Shapes(items, circle=True))
    group.add_to(m)


def _countries(
    m: folium.Map, documents: Sequence[Document], shapes: dict[str, dict], places: dict[str, Place] | None
) -> None:
    """The countries the text names, shaded with their Natural Earth shapes."""
    named = sorted({fp.place.country for doc in documents for fp in doc.places
                    if fp.place.kind == "country" and fp.place.country in shapes})  # fmt: skip
    if not named:
        return
    data = {"type": "FeatureCollection", "features": [shapes[iso] for iso in named]}
    folium.GeoJson(
        data, name=f"countries named ({len(named)})",
        style_function=lambda _: {"fillColor": "#f2c45a", "color": "#c9962a", "weight": 1, "fillOpacity": 0.25,
                                  "className": "geomap-country"},
        interactive=False,
    ).add_to(m)  # fmt: skip


def _land(m: folium.Map, shapes: dict[str, dict]) -> None:
    """The offline basemap: every country's shape, drawn from the bundled data."""
    data = {"type": "FeatureCollection", "features": [shapes[iso] for iso in sorted(shapes)]}
    folium.GeoJson(
        data, name="land", control=False, interactive=False,
        style_function=lambda _: {"fillColor": "#f4f3ef", "color": "#c8c8c8", "weight": 0.6, "fillOpacity": 1,
                                  "className": "geomap-land"},
    ).add_to(m)  # fmt: skip


def _legend(drawn: list[Flow]) -> str:
    counts = Counter(f.event.type for f in drawn)
    rows = [
        f'<i style="border-top-color:{TYPE_COLOURS.get(t, OTHER_COLOUR)};border-top-width:4px"></i>{_escape(t)} ({n})'
        for t, n in sorted(counts.items(), key=lambda tn: _type_order(tn[0]))
    ]  # fmt: skip
    widths = [
        f'<i style="border-top-color:#555;border-top-width:{flow_weight(n):.0f}px"></i>'
        f"{n} mention{'s' if n > 1 else ''}" for n in (1, 3, 10)
    ]  # fmt: skip
    kinds = '<i style="border-top-color:#555;border-top-width:2px;border-top-style:dashed"></i>two-way (talks)'
    if not rows:
        return "<b>No flows</b>"
    return (
        "<b>Event type</b>"
        + "<br>".join(rows)
        + "<b style='margin-top:6px'>Width</b>"
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


def to_fragment(m: folium.Map) -> str:
    """A <div> and its <script> (with the assets they need) to embed in a report page."""
    figure: Figure = m.get_root()  # type: ignore[assignment]
    figure.render()
    header = figure.header.render()
    body = figure.html.render()
    script = figure.script.render()
    return f"{header}\n{body}\n<script>\n{script}\n</script>\n"


def to_geojson(drawn: Sequence[Flow], documents: Sequence[Document], places: dict[str, Place] | None = None) -> dict:
    """The drawn arcs as LineStrings (cut at the antimeridian into MultiLineStrings, RFC 7946) and
    the places as Points."""
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
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
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


def screenshot(page: str, *, size: tuple[int, int] = (1280, 800)) -> bytes:
    """A PNG of an HTML page drawn by headless Chromium; ExportError if there is none."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from geomap.errors import ExportError

    binary = find_chromium()
    if binary is None:
        raise ExportError("PNG export needs Chromium: install Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="geomap-png-") as tmp:
        html_path, png_path = Path(tmp) / "map.html", Path(tmp) / "map.png"
        html_path.write_text(page, encoding="utf-8")
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--screenshot={png_path}",
                   f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=5000", html_path.as_uri()]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ExportError(f"Chromium could not draw the map: {e}") from None
        if not png_path.exists():
            raise ExportError("Chromium drew no PNG (is it a working headless Chromium?)")
        return png_path.read_bytes()
