"""The `geomap` command: a thin layer that parses options, calls the library and prints.

Library errors (GeomapError) become one-line messages and exit code 2, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from geomap.errors import GeomapError, PlaceNotFound
from geomap.gazetteer import GAZETTEER_ENV, Gazetteer, Place, load_gazetteer
from geomap.output import FORMATS

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UsageError(click.ClickException):
    """A GeomapError shown as 'Error: ...' with exit code 2."""

    exit_code = 2


def gazetteer_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--gazetteer FILE (repeatable, also $GEOMAP_GAZETTEER) and --country-point, opening the gazetteer."""

    @click.option(
        "--gazetteer",
        "gazetteer_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help=f"Your own places (CSV or JSON) that extend or override the bundled ones; also ${GAZETTEER_ENV}.",
    )
    @click.option(
        "--country-point",
        type=click.Choice(["label", "capital"]),
        default="label",
        show_default=True,
        help="Where a country sits: its Natural Earth label point (on land, mid-country) or its capital.",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, gazetteer_files: tuple[str, ...], country_point: str, **kwargs: Any) -> Any:
        try:
            gazetteer = load_gazetteer(*gazetteer_files, country_point=country_point)  # type: ignore[arg-type]
        except GeomapError as e:
            raise UsageError(str(e)) from None
        return command(*args, gazetteer=gazetteer, **kwargs)

    return wrapper


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="geomap")
def main() -> None:
    """Turn news text into maps of what moves between places."""


@main.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--all", "show_all", is_flag=True, help="List every candidate, best first, not just the best.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166-1 alpha-2 code).")
@click.option("--online", is_flag=True, help="Ask OpenStreetMap's Nominatim for names the gazetteer lacks (cached).")
@gazetteer_options
def geocode(
    names: tuple[str, ...], show_all: bool, fmt: str, country: str | None, online: bool, gazetteer: Gazetteer
) -> None:
    """Resolve place NAMES against the bundled gazetteer, one line per name.

    \b
    geomap geocode Pyongyang "North Korea" "South Korean"
    geomap geocode Paris --all --format json
    """
    fallback = None
    if online:
        from geomap.geocoder import OnlineFallback

        fallback = OnlineFallback()
    results: list[dict[str, Any]] = []
    missing: list[str] = []
    for name in names:
        places = gazetteer.candidates(name, country=country)
        if not places and fallback is not None:
            places = _online(fallback, name)
        if not places:
            hint = gazetteer.close_matches(name)
            missing.append(str(PlaceNotFound(name + (f" in {country.upper()}" if country else ""), tuple(hint))))
            continue
        if show_all:
            results.append({"query": name, "candidates": [p.to_dict() for p in places]})
        else:
            results.append({"query": name, "place": places[0].to_dict()})
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for result in results:
            for line in _text_lines(result):
                click.echo(line)
    for message in missing:
        click.echo(f"Error: {message}", err=True)
    if missing:
        sys.exit(2)


def _online(fallback: Any, name: str) -> list[Place]:
    from geomap.geocoder import location_place

    try:
        location = fallback.geocode(name)
    except GeomapError as e:
        raise UsageError(str(e)) from None
    return [location_place(location)] if location else []


def _describe(place: dict[str, Any]) -> str:
    where = ", ".join(p for p in (place["admin1"] if place["kind"] == "city" else None, place["country"]) if p)
    name = f"{place['name']} ({where})" if where else place["name"]
    return f"{name}\t{place['kind']}\t{place['lat']:.5f}, {place['lon']:.5f}\tid {place['id']}"


def _text_lines(result: dict[str, Any]) -> list[str]:
    query = result["query"]
    if "place" in result:
        return [f"{query}\t{_describe(result['place'])}"]
    return [f"{query}\t{n}. {_describe(p)}" for n, p in enumerate(result["candidates"], start=1)]


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json: a record (a list of them for several files); jsonl: a record a line; "
    "geojson: the places as points; csv: a row per place.",
)
@click.option("--date", help="The documents' date, YYYY-MM-DD (for dates the text gives relative to it).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--text", "include_text", is_flag=True, help="Include each document's text (offsets point into it).")
@click.option(
    "--event-types", type=click.Path(dir_okay=False), help="Your own event types (JSON, as geomap's event_types.json)."
)
@gazetteer_options
def extract(
    files: tuple[str, ...],
    fmt: str,
    date: str | None,
    output: str | None,
    include_text: bool,
    event_types: str | None,
    gazetteer: Gazetteer,
) -> None:
    """The places FILES name and the events between them.

    FILES are articles (.txt, .md, .html; - for standard input), or events to read back as they
    stand: this command's own JSON (edited or not) or a CSV of origin,destination,type,date,label.

    \b
    geomap extract seeds/north-korea-airlifts-arms-to-russia.txt
    geomap extract news/*.html --format jsonl -o places.jsonl
    geomap extract my-events.csv --format geojson
    """
    from geomap.events import load_lexicon
    from geomap.output import render, write_atomic

    try:
        documents = _read_inputs(files, date, gazetteer, load_lexicon(event_types))
        result = render(documents, fmt, include_text=include_text)
        if output:
            write_atomic(output, result)
        else:
            click.echo(result, nl=False)
    except GeomapError as e:
        raise UsageError(str(e)) from None


def _checked(check: str) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback running geomap.map's `check` (imported when used: folium is slow to load),
    its InputError shown as one line "Error: Invalid value for '--option': ..."."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        from geomap import map as flowmap

        if value is not None:
            try:
                getattr(flowmap, check)(value)
            except GeomapError as e:
                raise UsageError(f"Invalid value for '{param.opts[-1]}': {e}") from None
        return value

    return callback


MAP_FORMATS = ("html", "fragment", "geojson", "png")
MAP_SUFFIX = {"html": ".html", "fragment": ".html", "geojson": ".geojson", "png": ".png"}


@main.command("map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Default: output/<first input's name>.<format>.")
@click.option("--format", "fmt", type=click.Choice(MAP_FORMATS), default="html", show_default=True,
              help="html: a page; fragment: a <div> and its <script> for a report; geojson: the arcs and places; "
              "png: a picture (needs Chromium).")  # fmt: skip
@click.option("--title", help="Heading of the map (default: the input's name).")
@click.option("--types", help="Only these event types, comma-separated (e.g. shipment,sanction).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out events geomap is less sure of.")  # fmt: skip
@click.option("--tiles", callback=_checked("tile_provider"),
              help="Basemap: gray (default), positron, osm, an xyzservices provider name, or none.")  # fmt: skip
@click.option("--offline", is_flag=True, help="One self-contained file: Leaflet inlined, land drawn from shapes.")
@click.option("--date", help="The articles' date, YYYY-MM-DD (for dates given relative to it).")
@click.option("--map-id", callback=_checked("check_map_id"),
              help="Prefix of element ids (a letter, then letters, digits, - or _), to put several maps on one page "
              "(default: from the content).")  # fmt: skip
@click.option(
    "--event-types", type=click.Path(dir_okay=False), help="Your own event types (JSON, as geomap's event_types.json)."
)
@gazetteer_options
def map_command(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    title: str | None,
    types: str | None,
    min_confidence: float,
    tiles: str | None,
    offline: bool,
    date: str | None,
    map_id: str | None,
    event_types: str | None,
    gazetteer: Gazetteer,
) -> None:
    """Draw the flows of INPUTS on a map: articles (.txt, .md, .html; - for standard input), or
    events from `geomap extract` (.json, edited or not) or a CSV (origin,destination,type,date,label).

    \b
    geomap map seeds/north-korea-airlifts-arms-to-russia.txt --offline
    geomap map events.csv --types shipment,sanction --format png -o shipments.png
    """
    from pathlib import Path

    from geomap import map as flowmap
    from geomap.events import load_lexicon
    from geomap.output import write_atomic

    try:
        lexicon = load_lexicon(event_types)
        wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
        unknown = sorted(set(wanted or ()) - set(lexicon.types))
        if unknown:
            raise UsageError(f"unknown event type(s) {', '.join(unknown)}; known: {', '.join(lexicon.types)}")
        documents = _read_inputs(inputs, date, gazetteer, lexicon)
        places = _country_points(documents, gazetteer)
        png_offline = fmt == "png" and tiles is None  # a picture needs no network unless tiles are asked for
        m = flowmap.render(
            documents, title=title, types=wanted, min_confidence=min_confidence,
            tiles=tiles or flowmap.DEFAULT_TILES, offline=offline or png_offline, places=places, map_id=map_id,
        )  # fmt: skip
        if fmt == "html":
            result: str | bytes = flowmap.to_html(m)
        elif fmt == "fragment":
            result = flowmap.to_fragment(m)
        elif fmt == "geojson":
            drawn = flowmap.flows(documents, types=wanted, min_confidence=min_confidence, places=places)
            result = json.dumps(flowmap.to_geojson(drawn, documents, places), ensure_ascii=False) + "\n"
        else:
            result = flowmap.screenshot(flowmap.to_html(m))
        stem = "stdin" if inputs[0] == "-" else Path(inputs[0]).stem
        target = Path(output) if output else Path("output") / f"{stem}{MAP_SUFFIX[fmt]}"
        write_atomic(target, result)
        click.echo(f"wrote {target}", err=True)
    except GeomapError as e:
        raise UsageError(str(e)) from None


def _read_inputs(names: tuple[str, ...], date: str | None, gazetteer: Gazetteer, lexicon: Any) -> list[Any]:
    """Documents from files (articles, extract JSON, events CSV) and '-' (an article on stdin)."""
    from geomap.document import extract, read_documents

    documents = []
    for name in names:
        if name == "-":
            documents.append(extract(sys.stdin.read(), date=date, gazetteer=gazetteer, source=name, lexicon=lexicon))
        else:
            documents.extend(read_documents(name, gazetteer=gazetteer, date=date, lexicon=lexicon))
    return documents


def _country_points(documents: list[Any], gazetteer: Gazetteer) -> dict[str, Place] | None:
    """With --country-point capital, countries read from JSON records move to their capitals too."""
    if gazetteer.country_point != "capital":
        return None
    points = {}
    for doc in documents:
        for fp in doc.places:
            if fp.place.kind == "country":
                try:
                    points[fp.place.id] = gazetteer.by_id(fp.place.id)
                except PlaceNotFound:
                    continue
    return points


@main.group()
def gazetteer() -> None:
    """Inspect the bundled gazetteer."""


@gazetteer.command("info")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@gazetteer_options
def gazetteer_info(fmt: str, gazetteer: Gazetteer) -> None:
    """Counts of places by kind, sources and their versions, licence."""
    info = gazetteer.info()
    if fmt == "json":
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"{info['places']:,} places, {info['names']:,} names  ({info['path']})")
    for kind, count in info["by_kind"].items():
        click.echo(f"  {kind:<10} {count:>9,}")
    click.echo(f"cities of at least {info['min_city_population']:,} people")
    click.echo(
        "sources: "
        + ", ".join(f"{k} {v}" for k, v in info["sources"].items())
        + f", Natural Earth {info['natural_earth']}"
    )
    click.echo(f"licence: {info['licence']}")
    for f in info["user_files"]:
        click.echo(f"user file: {f}")


@gazetteer.command("search")
@click.argument("text")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@gazetteer_options
def gazetteer_search(text: str, limit: int, fmt: str, gazetteer: Gazetteer) -> None:
    """Places whose names start with TEXT, most prominent first."""
    places: list[Place] = gazetteer.search(text, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2))
    else:
        for place in places:
            click.echo(_describe(place.to_dict()))
    if not places:
        raise UsageError(f"no place name starts with {text!r}")
