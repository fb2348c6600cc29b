"""The `geomap` command: a thin layer that parses options, calls the library and prints.

Library errors (GeomapError) become one-line messages and exit code 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from geomap.errors import GeomapError, InputError, PlaceNotFound
from geomap.gazetteer import GAZETTEER_ENV, Gazetteer, Place, load_gazetteer
from geomap.output import FORMATS, OutputError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UsageError(click.ClickException):
    """A GeomapError shown as 'Error: ...' with exit code 2."""

    exit_code = 2


class Geomap(click.Group):
    """The command group, run so that every way a command can fail is one line on standard error.

    Bad input or options and failed writes: exit 2. A reader of standard output that goes away
    (`| head`): exit 0, as Unix tools do. Ctrl-C and SIGTERM: exit 130 and 143, after the write
    in progress has removed its temporary file. A bug: exit 1, its traceback with GEOMAP_DEBUG=1.
    """

    def main(self, args: Any = None, prog_name: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm) if _main_thread() else None
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
            code = 0
        except OutputError as e:  # standard output itself cannot be written (a full disk)
            _silence_stdout()
            _error_line(str(e))
            code = 2
        except click.ClickException as e:
            _error_line(_one_line(e, self))
            code = e.exit_code
        except click.Abort:
            _error_line("aborted")
            code = 130
        except Exception as e:  # a bug: one line to report, the traceback only when asked for
            if os.environ.get("GEOMAP_DEBUG"):
                raise
            _error_line(f"internal error, please report it (GEOMAP_DEBUG=1 shows where): {type(e).__name__}: {e}")
            code = 1
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code or 0)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C, so a half-written temporary file is removed


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # io.UnsupportedOperation (no file descriptor, as under a test runner) included
        pass


def _one_line(error: click.ClickException, group: click.Group) -> str:
    """Click's message on one line, with a pointer to the help instead of the usage block."""
    message = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


def _error_line(message: str) -> None:
    with contextlib.suppress(OSError):
        click.echo(f"Error: {message}", err=True)


def echo(data: str | bytes) -> None:
    """Write to standard output now; OutputError if it cannot be written (BrokenPipeError passes)."""
    try:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise OutputError(f"standard output: cannot write: {e.strerror}") from None


class Text(click.ParamType):
    """Text from the command line that is valid Unicode (bytes that are not UTF-8 are refused)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            self.fail(f"not valid UTF-8 text (character {e.start + 1})", param, ctx)
        except AttributeError:
            self.fail(f"expected text, got {type(value).__name__}", param, ctx)
        return value


class Date(click.ParamType):
    """A calendar date YYYY-MM-DD, years 1 to 9999."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(Text().convert(value, param, ctx).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date of the form YYYY-MM-DD (years 0001 to 9999)", param, ctx)


TEXT = Text()
DATE = Date()


def _checked(check: str) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback running geomap.map's `check` (imported when used: folium is slow to load),
    its InputError shown as one line "Error: Invalid value for '--option': ..."."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is not None:
            from geomap import map as flowmap

            try:
                getattr(flowmap, check)(value)
            except GeomapError as e:
                raise UsageError(f"Invalid value for '{param.opts[-1]}': {e}") from None
        return value

    return callback


# Options several commands share, defined once.
DATE_OPTION = click.option(
    "--date", type=DATE, help="The articles' date, YYYY-MM-DD (for dates the text gives relative to it)."
)
EVENT_TYPES = click.option(
    "--event-types", type=click.Path(dir_okay=False), help="Your own event types (JSON, as geomap's event_types.json)."
)
READER = click.option(
    "--reader",
    type=click.Choice(["auto", "syntax", "rules"]),
    default="auto",
    show_default=True,
    help="Who reads the events: syntax (a parse; needs geomap[syntax]), rules, or auto (syntax if installed).",
)
TYPES = click.option("--types", help="Only these event types, comma-separated (e.g. shipment,sanction).")
MIN_CONFIDENCE = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
    help="Leave out events geomap is less sure of.",
)  # fmt: skip
TILES = click.option(
    "--tiles", callback=_checked("tile_provider"),
    help="Online tiles above the bundled land: gray (default), topo, osm, a keyless xyzservices provider, or none.",
)  # fmt: skip
OFFLINE = click.option("--offline", is_flag=True, help="No online tiles at all: the page asks the network for nothing.")


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


def corpus_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Flows across articles (geomap.corpus): how reports merge, which are kept, at what scale."""

    @click.option("--window", type=click.IntRange(0, 3660), metavar="DAYS",
                  help="Reports of the same ends and type at most DAYS apart are one flow  [default: 7]")  # fmt: skip
    @click.option("--period", type=click.Choice(["month", "year", "all"]),
                  help="Instead of --window: a flow per ends, type and calendar month, year, or all time.")  # fmt: skip
    @click.option("--since", type=DATE, help="Only events on or after this day (undated ones are left out).")
    @click.option("--until", type=DATE, help="Only events on or before this day (undated ones are left out).")
    @click.option("--countries", metavar="CC,CC", type=TEXT,
                  help="Only events with either end in these countries (ISO 3166-1 alpha-2, e.g. KP,RU).")  # fmt: skip
    @click.option(
        "--min-sources", type=click.IntRange(min=1), help="Only flows reported by at least this many sources."
    )
    @click.option("--by", type=click.Choice(["place", "country"]), default="place", show_default=True,
                  help="The ends of a flow: its places, or their countries.")  # fmt: skip
    @functools.wraps(command)
    def wrapper(*args: Any, window: int | None, period: str | None, since: dt.date | None, until: dt.date | None,
                countries: str | None, min_sources: int | None, by: str, **kwargs: Any) -> Any:  # fmt: skip
        if window is not None and period is not None:
            raise UsageError("--window and --period exclude each other: runs of reports, or calendar periods")
        if since and until and since > until:
            raise UsageError(f"--since {since} is after --until {until}")
        codes = tuple(dict.fromkeys(c.strip().upper() for c in countries.split(",") if c.strip())) if countries else ()
        if countries is not None and not codes:
            raise UsageError("Invalid value for '--countries': no country code given")
        settings = {"window": window, "period": period, "since": since, "until": until, "countries": codes,
                    "min_sources": min_sources, "by": by}  # fmt: skip
        asked = any(v for k, v in settings.items() if k != "by") or by != "place"
        return command(*args, corpus=settings, corpus_asked=asked, **kwargs)

    return wrapper


def _corpus_query(
    settings: dict[str, Any], types: list[str] | None, min_confidence: float, gazetteer: Gazetteer
) -> Any:
    """The corpus.Query of the options, the country codes checked against the gazetteer."""
    from geomap.corpus import COUNTRY_CODE, WINDOW, Query

    for code in settings["countries"]:
        if not COUNTRY_CODE.fullmatch(code) or gazetteer.get_country(code) is None:
            raise UsageError(f"Invalid value for '--countries': {code!r} is no ISO 3166-1 alpha-2 country code")
    window = settings["window"]
    return Query(
        window=WINDOW if window is None else window, period=settings["period"], by=settings["by"],
        types=tuple(types or ()), countries=settings["countries"], since=settings["since"], until=settings["until"],
        min_confidence=min_confidence, min_sources=settings["min_sources"] or 1,
    )  # fmt: skip


def _datasets(inputs: tuple[str, ...]) -> list[str]:
    """The inputs that are directories: a Parquet dataset, read alone; any other directory is refused."""
    from geomap.corpus import is_dataset

    found = [name for name in inputs if name != "-" and os.path.isdir(name)]
    for name in found:
        if not is_dataset(name):
            raise UsageError(f"{name}: is a directory but not a geomap Parquet dataset (no events/*/*.parquet)")
    if found and len(inputs) > 1:
        raise UsageError("a Parquet dataset is read alone: give its directory and no other input")
    return found


def _corpus_flows(inputs: tuple[str, ...], query: Any, documents: list[Any] | None, gazetteer: Gazetteer) -> list[Any]:
    """The flows across the inputs' articles: DuckDB over a dataset, else merged here."""
    from geomap import corpus

    if documents is None:
        flows = corpus.query_dataset(_datasets(inputs)[0], query)
    else:
        flows = corpus.merge(corpus.event_rows(documents), query)
    return corpus.locate_countries(flows, gazetteer) if query.by == "country" else flows


def _event_types_asked(types: str | None, lexicon: Any) -> list[str] | None:
    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    unknown = sorted(set(wanted or ()) - set(lexicon.types))
    if unknown:
        raise UsageError(f"unknown event type(s) {', '.join(unknown)}; known: {', '.join(lexicon.types)}")
    return wanted


@click.group(cls=Geomap, context_settings=CONTEXT)
@click.version_option(package_name="geomap")
def main() -> None:
    """Turn news text into maps of what moves between places."""


@main.command()
@click.argument("names", nargs=-1, required=True, type=TEXT)
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
        echo(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        echo("".join(line + "\n" for result in results for line in _text_lines(result)))
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
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*FORMATS, "parquet")),
    default="json",
    show_default=True,
    help="json: a record (a list of them for several); jsonl: a record a line, written as each is done; "
    "geojson: the places and events; csv: a row per document, place and event; parquet: a dataset directory "
    "(-o DIR) of places, events and documents tables by month (needs geomap[scale]).",
)
@DATE_OPTION
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="Write here (json, geojson, csv: atomically; jsonl, parquet: as records are done) instead of "
              "standard output; - is standard output.")  # fmt: skip
@click.option("--text", "include_text", is_flag=True, help="Include each document's text (offsets point into it).")
@EVENT_TYPES
@READER
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Processes (or Dask workers) to use  [default: all cores]"
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool here; dask: a dask.distributed cluster (needs geomap[scale]).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    type=TEXT,
    help="With --engine dask: the scheduler (tcp://host:8786); default a local cluster of --jobs workers.",
)
@click.option(
    "--errors",
    type=click.Choice(["skip", "stop"]),
    default="skip",
    show_default=True,
    help="A document that fails: reported and skipped (exit 1 at the end), or stop the batch (exit 2).",
)
@click.option("--resume", is_flag=True, help="Continue an interrupted jsonl or parquet output: skip the ids it holds.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary (failures are still reported).")
@click.option(
    "--table",
    is_flag=True,
    help="Read .jsonl, .csv, .parquet inputs (and - as JSONL) as article tables, not geomap records.",
)
@click.option("--text-field", metavar="NAME", type=TEXT, help="An article table's text column  [default: text]")
@click.option("--id-field", metavar="NAME", type=TEXT, help="An article table's id column  [default: id]")
@click.option("--date-field", metavar="NAME", type=TEXT, help="An article table's date column  [default: date]")
@click.option("--url-field", metavar="NAME", type=TEXT, help="An article table's url column, kept in the record  "
              "[default: url]")  # fmt: skip
@click.option("--title-field", metavar="NAME", type=TEXT, help="An article table's headline column, kept in the "
              "record  [default: title]")  # fmt: skip
@gazetteer_options
def extract(
    inputs: tuple[str, ...],
    fmt: str,
    date: dt.date | None,
    output: str | None,
    include_text: bool,
    event_types: str | None,
    reader: str,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    errors: str,
    resume: bool,
    quiet: bool,
    table: bool,
    text_field: str | None,
    id_field: str | None,
    date_field: str | None,
    url_field: str | None,
    title_field: str | None,
    gazetteer: Gazetteer,
) -> None:
    """The places INPUTS name and the events between them.

    INPUTS are articles (.txt, .md, .html), directories of them (searched recursively), globs
    ('news/**/*.html'), article tables (.jsonl, .csv, .parquet with id, date, url, title, text
    columns; a column other than the text that is missing is left out, unless named by its
    --…-field option), - for standard input, or events to read back as they stand: this command's own
    records (edited or not) or a CSV of origin,destination,type,date,label. Many documents run on
    every core; a document that fails is reported and the others go on (exit code 1).

    \b
    geomap extract seeds/north-korea-airlifts-arms-to-russia.txt
    geomap extract news/ --format jsonl -o records.jsonl --resume
    geomap extract archive.csv --text-field body --format parquet -o corpus/
    geomap extract my-events.csv --format geojson
    """
    from geomap import batch

    # a LocalCluster's fork server imports distributed from here on, beside this command's own
    # imports and checks: from its start to the first task, 0.55 s, not 0.61 s (8 alternating runs)
    batch.prepare(engine, scheduler)
    from geomap.events import load_lexicon
    from geomap.syntax import resolve_reader

    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    named = {"id": id_field, "date": date_field, "url": url_field, "title": title_field}
    defaults = batch.Fields()
    fields = batch.Fields(
        text=text_field or defaults.text, named=frozenset(role for role, name in named.items() if name),
        **{role: name or getattr(defaults, role) for role, name in named.items()},
    )  # fmt: skip
    as_table = True if table or text_field or fields.named else None
    try:
        _check_output(output, tuple(i for i in inputs if i != "-"), gazetteer, event_types)
        load_lexicon(event_types)  # a bad file stops here, once, not in every worker
        settings = batch.Settings(
            gazetteer_files=tuple(str(f) for f in gazetteer.user_files),
            country_point=gazetteer.country_point,
            event_types=str(Path(event_types).resolve()) if event_types else None,
            reader=_reader(reader, resolve_reader),
            date=date.isoformat() if date else None,
            include_text=include_text,
            as_json=fmt == "jsonl",
        )
        sources = batch.plan(inputs, table=as_table, fields=fields, exclude=[output] if output else [])
        sink = batch.open_sink(output, fmt, resume=resume, write=_write, stdout=echo)
        done = frozenset(sink.finished()) if resume else frozenset()
        progress = Progress(None if quiet or not _tty() else batch.count(sources), enabled=not quiet and _tty())
        tally = _run_batch(batch, sources, settings, sink, done, fields, progress, jobs, engine, scheduler, errors)
    except GeomapError as e:
        raise UsageError(str(e)) from None
    if tally.records == 0 and not tally.failed and not done:  # an empty table or file, as an empty article
        raise UsageError(f"no documents in {', '.join(click.format_filename(f) for f in inputs)}: nothing to extract")
    if not quiet and (tally.total > 1 or done):
        click.echo(tally.summary(len(done)), err=True)
    if tally.failed:
        sys.exit(2 if tally.stopped or not (tally.ok or done) else 1)


def _reader(reader: str, resolve: Callable[[str], str]) -> str:
    """The events reader every worker uses, decided once (auto: syntax when its model is installed)."""
    from geomap.syntax import model_name

    chosen = resolve(reader)
    if chosen == "syntax" and model_name() is None:
        from geomap.syntax import load_model

        load_model()  # raises ModelNotFound with the line that says what to install
    return chosen


class Tally:
    """Counts of a batch: documents done and failed, and the time it took."""

    def __init__(self) -> None:
        import time

        self.start = time.monotonic()
        self.ok = self.failed = self.records = 0
        self.stopped = False

    @property
    def total(self) -> int:
        return self.ok + self.failed

    def summary(self, skipped: int) -> str:
        import time

        seconds = time.monotonic() - self.start
        rate = self.total / seconds if seconds > 0 else 0.0
        parts = [f"{self.total:,} documents: {self.ok:,} done", f"{self.failed:,} failed"]
        if skipped:
            parts.append(f"{skipped:,} done before")
        if self.stopped:
            parts.append("stopped at the first failure")
        return f"geomap: {', '.join(parts)} in {seconds:.1f} s ({rate:,.1f}/s)"


def _run_batch(
    batch: Any, sources: Any, settings: Any, sink: Any, done: frozenset[str], fields: Any, progress: Progress,
    jobs: int | None, engine: str, scheduler: str | None, errors: str,
) -> Tally:  # fmt: skip
    """Run the batch into the sink, reporting each failure as it comes; the sink is closed (what is
    finished is kept) whatever stops the run, except that a stopped whole-file output is not written."""
    tally = Tally()
    results = batch.run(
        batch.items(sources, fields=fields, skip=done), settings, jobs=jobs or batch.default_jobs(),
        engine=engine, scheduler=scheduler,
    )  # fmt: skip
    try:
        for result in results:
            if result.error is None:
                for record in result.records:
                    sink.add(record)
                tally.ok += 1
                tally.records += len(result.records)
            else:
                tally.failed += 1
                progress.clear()
                _error_line(_failure(result.id, result.error))
                if errors == "stop":
                    tally.stopped = True
                    if hasattr(sink, "discard"):
                        sink.discard()
                    break
            progress.update(tally)
    finally:
        results.close()
        progress.clear()
        sink.close()
    return tally


def _failure(ident: str, message: str) -> str:
    """One line naming the failed document: its id first (unless the message starts with it), any
    character that could steer a terminal shown escaped (ids and messages quote untrusted input)."""
    named = message.startswith(ident) or (ident == "-" and message.startswith("standard input"))
    line = message if named else f"{ident}: {message}"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(line.split()))


def _tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """One line on standard error, rewritten at most five times a second: documents, documents a
    second, the time left (when the total is known) and the failures so far."""

    def __init__(self, total: int | None, *, enabled: bool) -> None:
        import time

        self.total, self.enabled = total, enabled
        self.start = time.monotonic()
        self.shown = self.start + 0.8  # the first line after a second: a rate over the pool's start-up misleads
        self.drawn = False

    def update(self, tally: Tally) -> None:
        import time

        now = time.monotonic()
        if not self.enabled or now - self.shown < 0.2:
            return
        self.shown = now
        rate = tally.total / (now - self.start) if now > self.start else 0.0
        line = f"{tally.total:,}" + (f"/{self.total:,}" if self.total else "") + f" documents  {rate:,.1f}/s"
        if self.total and rate > 0:
            left = max(self.total - tally.total, 0) / rate
            line += f"  ETA {int(left // 60)}:{int(left % 60):02d}"
        line += f"  {tally.failed:,} failed"
        with contextlib.suppress(OSError):
            sys.stderr.write("\r" + line + "\x1b[K")
            sys.stderr.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            with contextlib.suppress(OSError):
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            self.drawn = False


MAP_FORMATS = ("html", "fragment", "geojson", "png", "pdf", "svg")
MAP_SUFFIX = {"html": ".html", "fragment": ".html", "geojson": ".geojson", "png": ".png", "pdf": ".pdf", "svg": ".svg"}


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """--size WxH as (width, height), or one line "Error: Invalid value for '--size': ..."."""
    if value is None:
        return None
    from geomap import map as flowmap

    try:
        return flowmap.parse_size(value)
    except GeomapError as e:
        raise UsageError(f"Invalid value for '--size': {e}") from None


@main.command("map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Default: output/<first input's name>.<format>; - is standard output.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(MAP_FORMATS), default="html", show_default=True,
              help="html: a page that opens with no network; fragment: a <div> and its <script> for a report "
              "page; geojson: the arcs, arrowheads and places; png, pdf: a picture; svg: the picture as shapes and "
              "text, no tiles (png, pdf, svg need Chromium).")  # fmt: skip
@click.option("--title", type=TEXT, help="Heading of the map (default: the article's headline, else its name).")
@TYPES
@MIN_CONFIDENCE
@TILES
@OFFLINE
@click.option("--cdn", is_flag=True, help="Load Leaflet from jsDelivr instead of inlining it: a smaller page "
              "that needs the network.")  # fmt: skip
@click.option(
    "--height",
    callback=_checked("check_length"),
    help="Height of the map, a CSS length (default: the window for a page, 480px for a fragment).",
)
@click.option("--width", callback=_checked("check_length"), help="Width of the map, a CSS length (default: 100%).")
@click.option("--size", callback=_size, metavar="WxH", help="Size of a png, pdf or svg in pixels [default: 1280x800].")
@click.option(
    "--scale",
    type=click.FloatRange(0.5, 4),
    default=1.0,
    show_default=True,
    help="Device pixels per pixel of a png (2 for print).",
)
@click.option("--arrows", type=click.Choice(("end", "middle")), default="end", show_default=True,
              help="Where arrowheads sit: at the arcs' ends, or halfway along them.")  # fmt: skip
@DATE_OPTION
@click.option("--map-id", callback=_checked("check_map_id"),
              help="Prefix of element ids (a letter, then letters, digits, - or _), to put several maps on one page "
              "(default: from the content).")  # fmt: skip
@EVENT_TYPES
@READER
@corpus_options
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
    cdn: bool,
    height: str | None,
    width: str | None,
    size: tuple[int, int] | None,
    scale: float,
    arrows: str,
    date: dt.date | None,
    map_id: str | None,
    event_types: str | None,
    reader: str,
    corpus: dict[str, Any],
    corpus_asked: bool,
    gazetteer: Gazetteer,
) -> None:
    """Draw the flows of INPUTS on a map: articles (.txt, .md, .html; - for standard input), or
    events from `geomap extract` (.json, .jsonl, edited or not), a CSV of flows (origin,destination,
    type,date,label; or origin_lat,origin_lon,dest_lat,dest_lon with count or weight), or a Parquet
    dataset directory (`geomap extract --format parquet`, read with DuckDB).

    Several documents, a dataset, or any of --window ... --by make a corpus map: the same flow
    reported by several articles (same ends and type, each report within --window days of the one
    before) is drawn once, as wide as the sources behind it, which its popup lists.

    \b
    geomap map seeds/north-korea-airlifts-arms-to-russia.txt
    geomap map events.csv --types shipment,sanction --format png --size 1600x1000 -o shipments.png
    geomap map article.txt --format fragment --height 420px -o map.html
    geomap map article.txt --format svg --size 1200x800 --arrows middle -o map.svg
    geomap map corpus/ --since 2023-08-01 --until 2023-08-31 --min-sources 2 --by country
    """
    from pathlib import Path

    from geomap.events import load_lexicon

    stem = "stdin" if inputs[0] == "-" else Path(inputs[0]).stem
    target = output or str(Path("output") / f"{stem}{MAP_SUFFIX[fmt]}")
    try:
        _check_output(target, inputs, gazetteer, event_types)
        lexicon = load_lexicon(event_types)
        wanted = _event_types_asked(types, lexicon)
        query = _corpus_query(corpus, wanted, min_confidence, gazetteer)
        documents = None if _datasets(inputs) else _read_inputs(inputs, date, gazetteer, lexicon, reader)
        # folium (through pandas and pyarrow) starts threads; once they run, a SIGTERM may land on one
        # of them and leave this thread blocked reading standard input: imported after the input is
        # read (and a bad input is refused without loading it)
        from geomap import map as flowmap

        if documents is None or corpus_asked or len(documents) > 1:  # a corpus: flows across its articles
            from geomap.corpus import places_of, to_document

            flows = _corpus_flows(inputs, query, documents, gazetteer)
            own = places_of(documents) if documents is not None and query.by == "place" else None
            documents = [to_document(flows, gazetteer=gazetteer, places=own)]
            wanted, min_confidence = None, 0.0
        places = _country_points(documents, gazetteer)
        picture = fmt in flowmap.EXPORT_FORMATS  # a picture needs no network unless tiles are asked for
        m = flowmap.render(
            documents, title=title, types=wanted, min_confidence=min_confidence,
            tiles=tiles or flowmap.DEFAULT_TILES, offline=offline or (picture and tiles is None) or fmt == "svg",
            cdn=cdn, places=places, map_id=map_id, height=height, width=width, arrows=arrows,
        )  # fmt: skip
        if fmt == "html":
            result: str | bytes = flowmap.to_html(m)
        elif fmt == "fragment":
            result = flowmap.to_fragment(m)
        elif fmt == "geojson":
            drawn = flowmap.flows(documents, types=wanted, min_confidence=min_confidence, places=places)
            result = json.dumps(flowmap.to_geojson(drawn, documents, places), ensure_ascii=False) + "\n"
        else:
            result = flowmap.screenshot(flowmap.to_html(m), size=size or (1280, 800), scale=scale, fmt=fmt)
        _write(target, result)
        if target != "-":
            click.echo(f"wrote {click.format_filename(target)}", err=True)
    except GeomapError as e:
        raise UsageError(str(e)) from None


REPORT_FORMATS = ("html", "pdf")


@main.command("report")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Default: output/<first input's name>.report.<format>; - is standard output.")  # fmt: skip
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="html",
    show_default=True,
    help="html: one page that opens with no network; pdf: that page printed on A4 (needs Chromium).",
)
@click.option("--title", type=TEXT, help="Headline of the report (default: the article's own, else a count).")
@TYPES
@MIN_CONFIDENCE
@TILES
@OFFLINE
@DATE_OPTION
@EVENT_TYPES
@READER
@gazetteer_options
def report_command(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    title: str | None,
    types: str | None,
    min_confidence: float,
    tiles: str | None,
    offline: bool,
    date: dt.date | None,
    event_types: str | None,
    reader: str,
    gazetteer: Gazetteer,
) -> None:
    """A one-page briefing on INPUTS (articles, or events as `geomap map` reads them): the headline
    and sources, the map, a summary (flows by type, main corridors, dates) and a table of the
    events with their evidence, which sorts and filters and is linked to the map both ways.

    \b
    geomap report seeds/north-korea-airlifts-arms-to-russia.txt
    geomap report a.html b.html --title "Arms to Russia" -o briefing.html
    geomap report events.json --types shipment --format pdf -o briefing.pdf
    """
    from geomap.events import load_lexicon

    stem = "stdin" if inputs[0] == "-" else Path(inputs[0]).stem
    target = output or str(Path("output") / f"{stem}.report.{fmt}")
    try:
        _check_output(target, inputs, gazetteer, event_types)
        lexicon = load_lexicon(event_types)
        wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
        unknown = sorted(set(wanted or ()) - set(lexicon.types))
        if unknown:
            raise UsageError(f"unknown event type(s) {', '.join(unknown)}; known: {', '.join(lexicon.types)}")
        documents = _read_inputs(inputs, date, gazetteer, lexicon, reader)
        from geomap import map as flowmap  # after the input is read: see map_command
        from geomap import report

        page = report.report_html(
            documents, title=title, types=wanted, min_confidence=min_confidence,
            tiles=tiles or flowmap.DEFAULT_TILES, offline=offline or (fmt == "pdf" and tiles is None),
            places=_country_points(documents, gazetteer),
        )  # fmt: skip
        _write(target, page if fmt == "html" else report.to_pdf(page))
        if target != "-":
            click.echo(f"wrote {click.format_filename(target)}", err=True)
    except GeomapError as e:
        raise UsageError(str(e)) from None


FLOW_FORMATS = ("csv", "json", "jsonl", "parquet")


@main.command("flows")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (atomically) instead of standard output; - is standard output.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(FLOW_FORMATS), default="csv", show_default=True,
              help="csv (source ids joined by '; '), json (a list), jsonl (a flow a line), parquet (one file; "
              "needs geomap[scale]).")  # fmt: skip
@TYPES
@MIN_CONFIDENCE
@DATE_OPTION
@EVENT_TYPES
@READER
@corpus_options
@gazetteer_options
def flows_command(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    types: str | None,
    min_confidence: float,
    date: dt.date | None,
    event_types: str | None,
    reader: str,
    corpus: dict[str, Any],
    corpus_asked: bool,
    gazetteer: Gazetteer,
) -> None:
    """The flows across INPUTS' articles as a table: the same flow reported by several articles
    (same ends and type, each report within --window days of the one before) is one row, with the
    number of distinct sources behind it and their ids. INPUTS are as for `geomap map`: articles,
    records, or a Parquet dataset directory, which DuckDB filters and aggregates where it lies.

    \b
    geomap flows records.jsonl --min-sources 2
    geomap flows corpus/ --period month --format parquet -o monthly.parquet
    geomap flows corpus/ --by country --countries RU,UA --since 2023-01-01 --format json
    """
    from geomap.corpus import to_table
    from geomap.events import load_lexicon

    try:
        _check_output(output, inputs, gazetteer, event_types)
        lexicon = load_lexicon(event_types)
        query = _corpus_query(corpus, _event_types_asked(types, lexicon), min_confidence, gazetteer)
        documents = None if _datasets(inputs) else _read_inputs(inputs, date, gazetteer, lexicon, reader)
        _write(output, to_table(_corpus_flows(inputs, query, documents, gazetteer), fmt))
    except GeomapError as e:
        raise UsageError(str(e)) from None


def _check_output(output: str | None, inputs: tuple[str, ...], gazetteer: Gazetteer, event_types: str | None) -> None:
    """Refuse an output that is one of the files read: the articles, user gazetteers, event types."""
    from geomap.output import check_not_input

    if output and output != "-":
        check_not_input(output, [*inputs, *gazetteer.user_files, *([event_types] if event_types else [])])


def _write(output: str | None, result: str | bytes) -> None:
    """To the file `output` names (atomically, or through a device or pipe), or to standard output."""
    from geomap.output import write_atomic

    if output and output != "-":
        write_atomic(output, result)
    else:
        echo(result)


def _read_inputs(
    names: tuple[str, ...], date: dt.date | None, gazetteer: Gazetteer, lexicon: Any, reader: str = "auto"
) -> list[Any]:
    """Documents from files (articles, extract JSON, events CSV) and '-' (an article on stdin)."""
    from geomap.document import extract, read_documents
    from geomap.text import decode_article

    documents = []
    for name in names:
        if name == "-":
            text = decode_article(sys.stdin.buffer.read(), "standard input")
            documents.append(extract(text, date=date, gazetteer=gazetteer, source=name, lexicon=lexicon, reader=reader))
        else:
            documents.extend(read_documents(name, gazetteer=gazetteer, date=date, lexicon=lexicon, reader=reader))
    if not documents:  # an empty list of records: nothing to draw, as an empty article
        raise InputError(f"no documents in {', '.join(click.format_filename(n) for n in names)}: nothing to draw")
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
        echo(json.dumps(info, indent=2) + "\n")
        return
    lines = [f"{info['places']:,} places, {info['names']:,} names  ({info['path']})"]
    lines += [f"  {kind:<10} {count:>9,}" for kind, count in info["by_kind"].items()]
    lines.append(f"cities of at least {info['min_city_population']:,} people")
    sources = ", ".join(f"{k} {v}" for k, v in info["sources"].items())
    lines.append(f"sources: {sources}, Natural Earth {info['natural_earth']}")
    lines.append(f"licence: {info['licence']}")
    lines += [f"user file: {f}" for f in info["user_files"]]
    echo("".join(line + "\n" for line in lines))


@gazetteer.command("search")
@click.argument("text", type=TEXT)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@gazetteer_options
def gazetteer_search(text: str, limit: int, fmt: str, gazetteer: Gazetteer) -> None:
    """Places whose names start with TEXT, most prominent first."""
    places: list[Place] = gazetteer.search(text, limit=limit)
    if fmt == "json":
        echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2) + "\n")
    else:
        echo("".join(_describe(place.to_dict()) + "\n" for place in places))
    if not places:
        raise UsageError(f"no place name starts with {text!r}")
