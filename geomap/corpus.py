"""Flows across articles: the same real-world flow, reported by many sources, merged into one.

The input is event rows, the flat shape of the Parquet dataset's `events` table (`parquet.flatten`):
a row an event with its `source`, `doc_date`, `type`, both ends spelled out (`origin`,
`origin_name`, `origin_country`, `origin_lat`, `origin_lon`, the same for `destination`),
`directed`, `date`, `modality`, `confidence` and `count`. `merge(rows, query)` is a pure function
over them; `query_dataset(directory, query)` gives the same flows from a dataset on disk with
DuckDB, which filters and aggregates the events without loading them into Python.

The rule, in both:

- Only asserted events with two different ends count (as on a one-article map). An event's
  **day** is its own date (a range's first day); a month or year date counts as the article's date
  when that falls inside it, else as its first day; an event without a usable date takes the
  article's date. An event with neither is **undated**.
- Events of one type between the same ends (a two-way event's ends in either order) are one
  flow while each is at most `window` days after the one before it: a quiet spell longer than the
  window starts a new flow. Undated events of the same ends and type make one undated flow of
  their own: they join no dated flow, since nothing says which one they belong to. With
  `period`, flows are calendar months (or years, or all time) instead of runs.
- `since`/`until` keep events whose day is in the range (undated ones are left out), `types` and
  `countries` (either end) filter events, `min_sources` filters flows. `by="country"` puts both ends
  at their countries (flows within one country, and ends without a country, drop out).
- A flow's sources are the distinct `source`s of its events (an event without one counts under
  ''); its names and points are the smallest of its events' (the same for every event of a place
  from the gazetteer), its confidence the highest. Each source's `url` and `title` (its article's,
  from the rows' `url` and `title`) are the smallest of its events' that are given, else None.

>>> row = dict(source="a", doc_date=None, type="shipment", origin="1", origin_name="Pyongyang",
...            origin_country="KP", origin_lat=39.0, origin_lon=125.8, destination="2",
...            destination_name="Russia", destination_country="RU", destination_lat=61.5,
...            destination_lon=105.3, directed=True, date="2023-08-08", modality="asserted",
...            confidence=0.9, count=1)
>>> [(f.origin_name, f.destination_name, f.sources, str(f.first)) for f in merge([row, row | {"source": "b",
...  "date": "2023-08-10"}, row | {"source": "c", "date": "2023-09-20"}])]
[('Pyongyang', 'Russia', ('a', 'b'), '2023-08-08'), ('Pyongyang', 'Russia', ('c',), '2023-09-20')]
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from geomap.errors import InputError

WINDOW = 7  # days
PERIODS = ("month", "year", "all")
BY = ("place", "country")
FORMATS = ("csv", "json", "jsonl", "parquet")
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Query:
    """What to merge and what to keep; InputError for a value out of range.

    >>> Query(window=-1)
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: window -1 is not a number of days from 0 to 3660
    """

    window: int = WINDOW
    period: str | None = None
    by: str = "place"
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float = 0.0
    min_sources: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.window, bool) or not isinstance(self.window, int) or not 0 <= self.window <= 3660:
            raise InputError(f"window {self.window!r} is not a number of days from 0 to 3660")
        if self.period is not None and self.period not in PERIODS:
            raise InputError(f"period {self.period!r} is not one of {', '.join(PERIODS)}")
        if self.by not in BY:
            raise InputError(f"by {self.by!r} is not one of {', '.join(BY)}")
        for code in self.countries:
            if not isinstance(code, str) or not COUNTRY_CODE.fullmatch(code):
                raise InputError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. RU)")
        if any(not isinstance(t, str) for t in self.types):
            raise InputError("types must be strings")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since {self.since} is after until {self.until}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f"min_confidence {self.min_confidence!r} is not from 0 to 1")
        if isinstance(self.min_sources, bool) or not isinstance(self.min_sources, int) or self.min_sources < 1:
            raise InputError(f"min_sources {self.min_sources!r} is not a whole number of at least 1")


@dataclass(frozen=True, slots=True)  # slots: a year of flows is many of them
class CorpusFlow:
    """One flow across articles: its ends, type, dates, and the sources behind it.

    `first`/`last` are the days of its earliest and latest events (None: undated); `period` is the
    calendar bucket with `Query.period` ('2023-08', '2023', 'all' or 'undated'), else None. `events`
    counts event rows, `mentions` their merged mentions (`count`), `sources` the distinct sources;
    `actors`, `labels` and `rules` are its events' distinct ones, sorted.
    """

    type: str
    directed: bool
    origin: str
    origin_name: str | None
    origin_country: str | None
    origin_lat: float | None
    origin_lon: float | None
    destination: str
    destination_name: str | None
    destination_country: str | None
    destination_lat: float | None
    destination_lon: float | None
    first: dt.date | None
    last: dt.date | None
    period: str | None
    events: int
    mentions: int
    confidence: float
    sources: tuple[str, ...]
    actors: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # the first EVIDENCE of its events' distinct evidence, in order
    urls: tuple[str | None, ...] = ()  # each source's article url (None: not given), in the order of `sources`
    titles: tuple[str | None, ...] = ()  # each source's article title, likewise

    @property
    def id(self) -> str:
        """Stable for the same flow in every run: its type, ends, direction and first day or period."""
        key = "|".join(str(x) for x in (self.type, self.origin, self.destination, self.directed, self.first,
                                         self.period))  # fmt: skip
        return "fl-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

    @property
    def date(self) -> str | None:
        """The flow's date as a record gives one: a day, a range 'first/last', or its period."""
        if self.period is not None:
            return None if self.period in ("all", "undated") else self.period
        if self.first is None:
            return None
        return self.first.isoformat() if self.first == self.last else f"{self.first}/{self.last}"

    def to_dict(self) -> dict[str, Any]:
        """A row of `geomap flows`: every field, dates in ISO, `sources` as their number and
        `source_ids` as the list, `source_urls` and `source_titles` beside it (null where not given)."""
        row = {name: getattr(self, name) for name in _FIELDS}
        row |= {"id": self.id, "first": _iso(self.first), "last": _iso(self.last), "sources": len(self.sources),
                "source_ids": list(self.sources), "source_urls": list(self.urls) or [None] * len(self.sources),
                "source_titles": list(self.titles) or [None] * len(self.sources),
                "confidence": round(self.confidence, 3),
                "actors": list(self.actors), "labels": list(self.labels), "evidence": list(self.evidence)}  # fmt: skip
        return {name: row[name] for name in COLUMNS}


COLUMNS = (
    "id", "type", "directed", "origin", "origin_name", "origin_country", "origin_lat", "origin_lon", "destination",
    "destination_name", "destination_country", "destination_lat", "destination_lon", "first", "last", "period",
    "sources", "events", "mentions", "confidence", "source_ids", "source_urls", "source_titles", "actors", "labels",
    "evidence",
)  # fmt: skip
LISTS = ("source_ids", "source_urls", "source_titles", "actors", "labels", "evidence")
EVIDENCE = 3


_FIELDS = tuple(f.name for f in fields(CorpusFlow))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- The rule, in Python ----------------------------------------------------------------------------


def event_day(date: str | None, doc_date: dt.date | None) -> dt.date | None:
    """The day an event counts for (see the module's docstring).

    >>> event_day("2023-08", dt.date(2023, 8, 20)), event_day("2023", dt.date(2024, 1, 2))
    (datetime.date(2023, 8, 20), datetime.date(2023, 1, 1))
    >>> event_day("2023-08-01/2023-08-03", None), event_day(None, dt.date(2023, 8, 9))
    (datetime.date(2023, 8, 1), datetime.date(2023, 8, 9))
    """
    text = date.split("/", 1)[0] if isinstance(date, str) else ""
    try:
        if _DAY.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _MONTH.fullmatch(text):
            start = dt.date(int(text[:4]), int(text[5:]), 1)
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        elif _YEAR.fullmatch(text):
            start, end = dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        else:
            return doc_date
    except ValueError:
        return doc_date
    return doc_date if doc_date is not None and start <= doc_date <= end else start


_END = ("", "_name", "_country", "_lat", "_lon")


def _period(day: dt.date | None, period: str) -> str:
    if period == "all":
        return "all"
    if day is None:
        return "undated"
    return f"{day.year:04d}-{day.month:02d}" if period == "month" else f"{day.year:04d}"


def merge(rows: Iterable[Mapping[str, Any]], query: Query | None = None) -> list[CorpusFlow]:
    """The flows of event rows under `query` (default: `Query()`), in `sort_flows` order."""
    q = query or Query()
    types, countries = frozenset(q.types), frozenset(q.countries)
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for row in rows:
        if (row.get("modality") or "asserted") != "asserted":
            continue
        confidence = row.get("confidence")
        confidence = 0.0 if confidence is None else float(confidence)
        if confidence < q.min_confidence or (types and row.get("type") not in types):
            continue
        if countries and row.get("origin_country") not in countries and row.get("destination_country") not in countries:
            continue
        day = event_day(row.get("date"), row.get("doc_date"))
        if (q.since and (day is None or day < q.since)) or (q.until and (day is None or day > q.until)):
            continue
        ends = [tuple(row.get(side + suffix) for suffix in _END) for side in ("origin", "destination")]
        key_o, key_d = (end[2] if q.by == "country" else end[0] for end in ends)
        if key_o is None or key_d is None or key_o == key_d:
            continue
        directed = True if row.get("directed") is None else bool(row["directed"])
        if not directed and key_o > key_d:
            key_o, key_d = key_d, key_o
            ends.reverse()
        count = row.get("count")
        groups[(row.get("type"), directed, key_o, key_d)].append(
            (day, row.get("source") or "", 1 if count is None else int(count), confidence, ends[0], ends[1],
             tuple(row.get("actors") or ()), row.get("label"), row.get("rule"), row.get("evidence"), row.get("url"),
             row.get("title"))
        )  # fmt: skip
    out = []
    for key, events in groups.items():
        if q.period is not None:
            buckets: dict[str, list[tuple]] = defaultdict(list)
            for event in events:
                buckets[_period(event[0], q.period)].append(event)
            runs = [(label, run) for label, run in buckets.items()]
        else:
            runs = [(None, [e for e in events if e[0] is None])] if any(e[0] is None for e in events) else []
            dated = sorted((e for e in events if e[0] is not None), key=lambda e: e[0])
            run: list[tuple] = []
            for event in dated:
                if run and (event[0] - run[-1][0]).days > q.window:
                    runs.append((None, run))
                    run = []
                run.append(event)
            if run:
                runs.append((None, run))
        for label, run in runs:
            sources = tuple(sorted({e[1] for e in run}))
            if len(sources) < q.min_sources:
                continue
            days = [e[0] for e in run if e[0] is not None]
            origin = tuple(_least(e[4][i] for e in run) for i in range(1, 5))
            destination = tuple(_least(e[5][i] for e in run) for i in range(1, 5))
            texts = [_distinct(a for e in run for a in e[6])] + [_distinct(e[i] for e in run) for i in (7, 8, 9)]
            texts[3] = texts[3][:EVIDENCE]
            first, last = min(days, default=None), max(days, default=None)
            urls, titles = source_links(sources, ((e[1], e[10], e[11]) for e in run))
            out.append(_flow(key, origin, destination, first, last, label, len(run), sum(e[2] for e in run),
                             max(e[3] for e in run), sources, q.by, *texts, urls=urls, titles=titles))  # fmt: skip
    return sort_flows(out)


def source_links(
    sources: Sequence[str], about: Iterable[tuple[str, str | None, str | None]]
) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    """Each source's url and title, from (source, url, title) triples: the smallest given, else None.

    >>> source_links(["a", "b"], [("a", "https://a.example/2", None), ("a", "https://a.example/1", "A")])
    (('https://a.example/1', None), ('A', None))
    """
    urls: dict[str, str] = {}
    titles: dict[str, str] = {}
    for source, url, title in about:
        for known, value in ((urls, url), (titles, title)):
            if value is not None and (source not in known or value < known[source]):
                known[source] = value
    return tuple(urls.get(s) for s in sources), tuple(titles.get(s) for s in sources)


def _distinct(values: Iterable[Any]) -> tuple[str, ...]:
    """The distinct values that are not None, sorted (SQL's list_sort(list_distinct(...)))."""
    return tuple(sorted({v for v in values if v is not None}))


def _least(values: Iterable[Any]) -> Any:
    """The smallest value that is not None (SQL's min), or None."""
    return min((v for v in values if v is not None), default=None)


def _flow(
    key: tuple, origin: Sequence[Any], destination: Sequence[Any], first: dt.date | None, last: dt.date | None,
    period: str | None, events: int, mentions: int, confidence: float, sources: Sequence[str], by: str,
    actors: Sequence[str] = (), labels: Sequence[str] = (), rules: Sequence[str] = (), evidence: Sequence[str] = (),
    *, urls: Sequence[str | None] = (), titles: Sequence[str | None] = (),
) -> CorpusFlow:  # fmt: skip
    """A flow from its aggregates, the same whichever path computed them. By country, an end's name
    is its code and its point is unknown until `locate_countries`."""
    type_, directed, key_o, key_d = key
    if by == "country":
        origin, destination = (key_o, key_o, None, None), (key_d, key_d, None, None)
    return CorpusFlow(
        type=type_, directed=bool(directed), origin=key_o, origin_name=origin[0], origin_country=origin[1],
        origin_lat=origin[2], origin_lon=origin[3], destination=key_d, destination_name=destination[0],
        destination_country=destination[1], destination_lat=destination[2], destination_lon=destination[3],
        first=first, last=last, period=period, events=int(events), mentions=int(mentions),
        confidence=float(confidence), sources=tuple(sources), actors=tuple(actors), labels=tuple(labels),
        rules=tuple(rules), evidence=tuple(evidence), urls=tuple(urls), titles=tuple(titles),
    )  # fmt: skip


def sort_flows(flows: Iterable[CorpusFlow]) -> list[CorpusFlow]:
    """Most sources first; ties by type, ends, direction, then time (undated last): a total order."""
    return sorted(flows, key=lambda f: (-len(f.sources), f.type, f.origin, f.destination, not f.directed,
                                        f.first is None, f.first or dt.date.min, f.period or ""))  # fmt: skip


def event_rows(documents: Iterable[Any]) -> list[dict[str, Any]]:
    """The event rows of documents (`Document`s or their records), as the dataset's events table has them."""
    from geomap.parquet import flatten

    rows: list[dict[str, Any]] = []
    for doc in documents:
        rows.extend(flatten(doc if isinstance(doc, dict) else doc.to_dict())["events"])
    return rows


def locate_countries(flows: Iterable[CorpusFlow], gazetteer: Any) -> list[CorpusFlow]:
    """Flows by country with their ends' names and points from the gazetteer (a code it lacks keeps
    the code as its name and no point)."""
    out = []
    countries: dict[str, Any] = {}
    for f in flows:
        ends = {}
        for side in ("origin", "destination"):
            code = getattr(f, side)
            if code not in countries:
                countries[code] = gazetteer.get_country(code)
            place = countries[code] if getattr(f, f"{side}_lat") is None else None
            if place is not None:
                ends |= {f"{side}_name": place.name, f"{side}_lat": place.lat, f"{side}_lon": place.lon}
        out.append(replace(f, **ends) if ends else f)
    return out


# --- The same rule, in DuckDB -----------------------------------------------------------------------

_DAY_SQL = r"""
    coalesce(CASE
        WHEN regexp_full_match(d0, '\d{4}-\d{2}-\d{2}') THEN try_cast(d0 AS DATE)
        WHEN regexp_full_match(d0, '\d{4}-\d{2}') THEN CASE
            WHEN doc_date >= try_cast(d0 || '-01' AS DATE)
                AND doc_date < try_cast(d0 || '-01' AS DATE) + INTERVAL 1 MONTH THEN doc_date
            ELSE try_cast(d0 || '-01' AS DATE) END
        WHEN regexp_full_match(d0, '\d{4}') THEN CASE
            WHEN doc_date >= try_cast(d0 || '-01-01' AS DATE)
                AND doc_date < try_cast(d0 || '-01-01' AS DATE) + INTERVAL 1 YEAR THEN doc_date
            ELSE try_cast(d0 || '-01-01' AS DATE) END
    END, doc_date)"""

_SIDES = ", ".join(
    f"CASE WHEN swap THEN destination{s} ELSE origin{s} END AS o{s}, "
    f"CASE WHEN swap THEN origin{s} ELSE destination{s} END AS d{s}"
    for s in _END[1:]
)

# Every value from the user is a parameter ($name); the text of the query is constant.
_EVENTS_SQL = f"""
WITH raw AS (
    SELECT coalesce(source, '') AS source, type, origin, origin_name, origin_country, origin_lat, origin_lon,
        destination, destination_name, destination_country, destination_lat, destination_lon,
        coalesce(directed, true) AS directed, coalesce("count", 1) AS mentions,
        coalesce(confidence, 0.0) AS confidence, CAST(doc_date AS DATE) AS doc_date, split_part(date, '/', 1) AS d0,
        actors, label, rule, evidence, {{url}}, {{title}}
    FROM read_parquet($files, hive_partitioning = true, union_by_name = true)
    WHERE coalesce(modality, 'asserted') = 'asserted' AND coalesce(confidence, 0.0) >= $min_confidence
        AND (len($types) = 0 OR list_contains($types, type))
        AND (len($countries) = 0 OR list_contains($countries, origin_country)
             OR list_contains($countries, destination_country))
), dated AS (
    SELECT *, CAST({_DAY_SQL} AS DATE) AS day,
        CASE WHEN $by = 'country' THEN origin_country ELSE origin END AS ko,
        CASE WHEN $by = 'country' THEN destination_country ELSE destination END AS kd
    FROM raw
), ends AS (
    SELECT *, (NOT directed AND ko > kd) AS swap FROM dated
    WHERE ko IS NOT NULL AND kd IS NOT NULL AND ko <> kd
        AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
), flows AS (
    SELECT source, type, directed, day, mentions, confidence, actors, label, rule, evidence, url, title,
        CASE WHEN swap THEN kd ELSE ko END AS o, CASE WHEN swap THEN ko ELSE kd END AS d, {_SIDES}
    FROM ends
)"""

_AGGREGATES = """type, directed, o, d, min(o_name), min(o_country), min(o_lat), min(o_lon), min(d_name),
    min(d_country), min(d_lat), min(d_lon), min(day), max(day)"""
_TAIL = f"""count(*), sum(mentions), max(confidence), list_sort(list_distinct(list(source))),
    list_sort(list_distinct(flatten(list(actors)))), list_sort(list_distinct(list(label))),
    list_sort(list_distinct(list(rule))), list_slice(list_sort(list_distinct(list(evidence))), 1, {EVIDENCE}),
    list_distinct(list(struct_pack(s := source, u := url, t := title)))"""

WINDOW_SQL = f"""{_EVENTS_SQL}, gaps AS (
    SELECT *, CASE WHEN day - lag(day) OVER w > $window THEN 1 ELSE 0 END AS brk FROM flows
    WINDOW w AS (PARTITION BY type, directed, o, d, day IS NULL ORDER BY day)
), runs AS (
    -- RANGE, not ROWS: events of one day share the sum (with ROWS, the two windows may order a day's
    -- events differently, and one that follows the break in `gaps` could precede it here)
    SELECT *, sum(brk) OVER (PARTITION BY type, directed, o, d, day IS NULL ORDER BY day
                             RANGE UNBOUNDED PRECEDING) AS run FROM gaps
)
SELECT {_AGGREGATES}, NULL AS period, {_TAIL} FROM runs
GROUP BY type, directed, o, d, day IS NULL, run
HAVING count(DISTINCT source) >= $min_sources"""

PERIOD_SQL = f"""{_EVENTS_SQL}, bucketed AS (
    SELECT *, CASE WHEN $period = 'all' THEN 'all' WHEN day IS NULL THEN 'undated'
        WHEN $period = 'month' THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y') END AS period FROM flows
)
SELECT {_AGGREGATES}, period, {_TAIL} FROM bucketed
GROUP BY type, directed, o, d, period
HAVING count(DISTINCT source) >= $min_sources"""


_COLUMNS_SQL = "DESCRIBE SELECT * FROM read_parquet($files, hive_partitioning = true, union_by_name = true)"


def is_dataset(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a directory holding a geomap Parquet dataset's events table."""
    root = Path(path)
    return root.is_dir() and any((root / "events").glob("*/*.parquet"))


def query_dataset(directory: str | os.PathLike[str], query: Query | None = None) -> list[CorpusFlow]:
    """`merge` over a Parquet dataset's events (`geomap extract --format parquet`), run by DuckDB:
    the events are filtered and aggregated where they lie; only the flows reach Python."""
    q = query or Query()
    if not is_dataset(directory):
        raise InputError(f"{directory}: is a directory but not a geomap Parquet dataset (no events/*/*.parquet)")
    try:
        import duckdb
    except ImportError:
        raise InputError("reading a Parquet dataset needs DuckDB: pip install 'geomap[scale]'") from None
    from geomap.parquet import dataset_files

    params: dict[str, Any] = {
        "files": dataset_files(directory, "events"), "types": list(q.types), "countries": list(q.countries),
        "min_confidence": float(q.min_confidence), "by": q.by, "since": q.since, "until": q.until,
        "min_sources": q.min_sources,
    }  # fmt: skip
    if q.period is None:
        sql, params["window"] = WINDOW_SQL, q.window
    else:
        sql, params["period"] = PERIOD_SQL, q.period
    typed = {"types": "VARCHAR[]", "countries": "VARCHAR[]", "since": "DATE", "until": "DATE"}
    files = params["files"]
    for name, kind in typed.items():  # typed once, so that an empty list or a NULL has a type
        sql = sql.replace(f"${name}", f"CAST(${name} AS {kind})")
    connection = duckdb.connect()
    try:
        connection.execute("SET enable_progress_bar = false")  # standard error is geomap's
        # a dataset written before records had a url and a title (schema 1.0) lacks their columns
        names = {r[0] for r in connection.execute(_COLUMNS_SQL, {"files": files}).fetchall()}
        for name in ("url", "title"):
            sql = sql.replace(f"{{{name}}}", name if name in names else f"CAST(NULL AS VARCHAR) AS {name}")
        result = connection.execute(sql, params)
        out = []
        while batch := result.fetchmany(50_000):
            for r in batch:
                urls, titles = source_links(r[18], ((a["s"], a["u"], a["t"]) for a in r[23]))
                out.append(_flow(r[:4], r[4:8], r[8:12], *r[12:19], q.by, *r[19:23], urls=urls, titles=titles))
    except duckdb.Error as e:
        raise InputError(f"{directory}: DuckDB cannot read the dataset: {' '.join(str(e).split())}") from None
    finally:
        connection.close()
    return sort_flows(out)


# --- Tables --------------------------------------------------------------------------------------------


def to_table(flows: Sequence[CorpusFlow], fmt: str) -> str | bytes:
    """The flows as a CSV (lists joined by '; '), JSON (a list), JSONL or Parquet file."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    if fmt == "json":  # row by row: a year of flows is never held twice
        return "[\n" + ",\n".join(_indented(f.to_dict()) for f in flows) + "\n]\n" if flows else "[]\n"
    if fmt == "jsonl":
        return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in flows)
    if fmt == "parquet":
        return _parquet(flows)
    from geomap.output import csv_text

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in flows:
        row = f.to_dict()
        for name in LISTS:  # a source without a url or title is an empty item (or cell) at its place
            row[name] = "; ".join(v or "" for v in row[name]) if any(row[name]) else ""
        writer.writerow(
            ["" if v is None else ("true" if v else "false") if isinstance(v, bool) else
             csv_text(v) if isinstance(v, str) else v for v in row.values()]
        )  # fmt: skip
    return buffer.getvalue()


def _indented(row: dict[str, Any]) -> str:
    """A row as an item of an indented JSON list (as `json.dumps(rows, indent=2)` writes it)."""
    return "\n".join("  " + line for line in json.dumps(row, ensure_ascii=False, indent=2).split("\n"))


def _parquet(flows: Sequence[CorpusFlow]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("--format parquet needs pyarrow: pip install 'geomap[scale]'") from None
    s, f, i, b = pa.string(), pa.float64(), pa.int64(), pa.bool_()
    types = {"directed": b, "origin_lat": f, "origin_lon": f, "destination_lat": f, "destination_lon": f,
             "sources": i, "events": i, "mentions": i, "confidence": f}  # fmt: skip
    types |= {name: pa.list_(s) for name in LISTS}
    schema = pa.schema([(name, types.get(name, s)) for name in COLUMNS])
    buffer = io.BytesIO()
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for f in flows:
        for name, value in f.to_dict().items():
            columns[name].append(value)
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), buffer, compression="zstd")
    return buffer.getvalue()


# --- Maps ----------------------------------------------------------------------------------------------


def to_document(
    flows: Sequence[CorpusFlow], *, gazetteer: Any = None, places: Mapping[str, Any] | None = None,
    title: str | None = None,
) -> Any:  # fmt: skip
    """A `Document` that `geomap.map.render` draws as these flows: an event a flow (its count the
    mentions, its evidence, actors, labels and rules its events'), the sources behind each in
    `meta["sources"]` (the width and the popup use them) and their (url, title) in `meta["links"]`.
    An end is the `FoundPlace` that `places` gives for its id (the articles' own, with their
    mentions), else a place at the flow's point (its kind from the gazetteer, if given)."""
    from geomap.document import Document
    from geomap.events import Event, Evidence
    from geomap.gazetteer import Place
    from geomap.places import FoundPlace

    found: dict[str, Any] = {}
    events, sources, links = [], [], []
    for f in flows:
        for side in ("origin", "destination"):
            pid = getattr(f, side)
            lat, lon = getattr(f, f"{side}_lat"), getattr(f, f"{side}_lon")
            if pid in found:
                continue
            if places and pid in places:
                found[pid] = places[pid]
            elif lat is not None and lon is not None:
                country = getattr(f, f"{side}_country")
                known = None if country == pid else _known(gazetteer, pid)
                kind = "country" if country == pid else known.kind if known else "site"
                place = Place(id=pid, name=getattr(f, f"{side}_name") or pid, kind=kind, country=country, lat=lat,
                              lon=lon, admin1=known.admin1 if known else None)  # fmt: skip
                found[pid] = FoundPlace(place, 1.0, ())
        if f.origin not in found or f.destination not in found:
            continue
        precision = None if f.date is None else {4: "year", 7: "month"}.get(len(f.date), "day")
        events.append(Event(
            id=f.id, type=f.type, origin=f.origin, destination=f.destination, directed=f.directed, date=f.date,
            date_precision=precision, confidence=f.confidence, rule="; ".join(f.rules) or "corpus",
            count=max(f.mentions, 1), actors=f.actors, label="; ".join(f.labels) or None,
            evidence=tuple(Evidence(0, len(text), text) for text in f.evidence),
        ))  # fmt: skip
        sources.append(list(f.sources))
        links.append(list(zip(f.urls or [None] * len(f.sources), f.titles or [None] * len(f.sources), strict=True)))
    everyone = {s for f in flows for s in f.sources}
    heading = title or f"{_plural(len(events), 'flow')} from {_plural(len(everyone), 'source')}"
    return Document(text="", places=tuple(found.values()), events=tuple(events),
                    meta={"sources": sources, "links": links, "title": heading})  # fmt: skip


def places_of(documents: Iterable[Any]) -> dict[str, Any]:
    """The documents' places by id, each with the mentions of every document that names it."""
    from geomap.places import FoundPlace

    out: dict[str, Any] = {}
    for doc in documents:
        for fp in doc.places:
            seen = out.get(fp.place.id)
            out[fp.place.id] = fp if seen is None else FoundPlace(seen.place, seen.confidence,
                                                                   seen.mentions + fp.mentions)  # fmt: skip
    return out


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _known(gazetteer: Any, pid: str) -> Any:
    if gazetteer is None:
        return None
    from geomap.errors import PlaceNotFound

    try:
        return gazetteer.by_id(pid)
    except (PlaceNotFound, LookupError, ValueError):
        return None
