"""Flows across articles (geomap/corpus.py): the merging rule, its filters, DuckDB's copy of it, and
the `geomap flows` / `geomap map` commands over many records and over a Parquet dataset."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.corpus import CorpusFlow, Query, event_day, merge, query_dataset, to_table

PYONGYANG = dict(origin="1871859", origin_name="Pyongyang", origin_country="KP", origin_lat=39.03385,
                 origin_lon=125.75432)  # fmt: skip
RUSSIA = dict(destination="2017370", destination_name="Russia", destination_country="RU", destination_lat=61.5,
              destination_lon=105.3)  # fmt: skip
VLADIVOSTOK = dict(destination="2013348", destination_name="Vladivostok", destination_country="RU",
                   destination_lat=43.10562, destination_lon=131.87353)  # fmt: skip


def row(source: str, date: str | None = "2023-08-08", **changes: object) -> dict:
    """An event row as the dataset's events table holds it: Pyongyang → Russia, a shipment."""
    base = {"source": source, "doc_date": dt.date(2023, 8, 10), "id": "ev-1", "type": "shipment", **PYONGYANG,
            **RUSSIA, "directed": True, "date": date, "date_precision": "day", "modality": "asserted",
            "confidence": 0.9, "count": 1}  # fmt: skip
    return base | changes


def test_two_articles_on_one_shipment_are_one_flow_with_two_sources():
    [flow] = merge([row("a.txt", "2023-08-08"), row("b.txt", "2023-08-11", count=2)])
    assert flow.sources == ("a.txt", "b.txt")
    assert (flow.first, flow.last, flow.events, flow.mentions) == (dt.date(2023, 8, 8), dt.date(2023, 8, 11), 2, 3)
    assert flow.date == "2023-08-08/2023-08-11"


def test_a_flow_names_each_source_by_its_url_and_title():
    [flow] = merge([
        row("a", url="https://a.example/2", title="Arms airlifted"), row("a", "2023-08-09", url="https://a.example/1"),
        row("b", "2023-08-10", title="Shells by rail"), row("c", "2023-08-11"),
    ])  # fmt: skip
    assert flow.sources == ("a", "b", "c")
    assert flow.urls == ("https://a.example/1", None, None)  # the smallest given, else None
    assert flow.titles == ("Arms airlifted", "Shells by rail", None)
    table = flow.to_dict()
    assert (table["source_urls"], table["source_titles"]) == (list(flow.urls), list(flow.titles))


def test_different_weeks_are_two_flows():
    flows = merge([row("a.txt", "2023-08-01"), row("b.txt", "2023-08-20")])
    assert [(f.first, f.sources) for f in flows] == [
        (dt.date(2023, 8, 1), ("a.txt",)),
        (dt.date(2023, 8, 20), ("b.txt",)),
    ]
    assert len(merge([row("a.txt", "2023-08-01"), row("b.txt", "2023-08-20")], Query(window=30))) == 1


def test_the_window_runs_from_report_to_report():
    # each report at most 7 days after the one before: one flow, however long the run
    rows = [row(f"s{i}", f"2023-08-{d:02d}") for i, d in enumerate((1, 7, 14, 21, 28, 30))]
    assert [len(f.sources) for f in merge(rows)] == [6]
    assert [len(f.sources) for f in merge(rows, Query(window=6))] == [2, 2, 1, 1]


def test_one_source_twice_counts_once_and_types_and_ends_stay_apart():
    flows = merge([row("a", "2023-08-08"), row("a", "2023-08-09"), row("b", type="trade"),
                   row("c", **VLADIVOSTOK)])  # fmt: skip
    assert sorted((f.type, f.destination_name, f.sources) for f in flows) == [
        ("shipment", "Russia", ("a",)),
        ("shipment", "Vladivostok", ("c",)),
        ("trade", "Russia", ("b",)),
    ]


def test_undated_events_make_one_flow_of_their_own():
    flows = merge([row("a", None, doc_date=None), row("b", None, doc_date=None), row("c", "2023-08-08")])
    assert [(f.first, f.sources) for f in flows] == [(None, ("a", "b")), (dt.date(2023, 8, 8), ("c",))]
    # an event without its own date takes the article's
    [flow] = merge([row("a", None, doc_date=dt.date(2023, 8, 9)), row("c", "2023-08-08")])
    assert flow.sources == ("a", "c")


def test_event_day_of_coarse_dates():
    assert event_day("2023-08", dt.date(2023, 8, 20)) == dt.date(2023, 8, 20)
    assert event_day("2023-08", dt.date(2023, 9, 2)) == dt.date(2023, 8, 1)
    assert event_day("2023-02-30", dt.date(2023, 3, 1)) == dt.date(2023, 3, 1)  # not a day: the article's
    assert event_day("nonsense", None) is None


def test_two_way_events_merge_in_either_direction():
    talks = dict(type="meeting", directed=False)
    back = {**{k.replace("origin", "destination"): v for k, v in PYONGYANG.items()},
            **{k.replace("destination", "origin"): v for k, v in RUSSIA.items()}}  # fmt: skip
    [flow] = merge([row("a", **talks), row("b", **talks, **back)])
    assert flow.sources == ("a", "b") and not flow.directed
    # a shipment each way is two flows
    assert len(merge([row("a"), row("b", **back)])) == 2


def test_filters():
    rows = [row("a", "2023-07-01"), row("b", "2023-08-08", type="trade"), row("c", "2023-09-01", confidence=0.2),
            row("d", "2023-09-02", **(VLADIVOSTOK | {"destination_country": "CN"})),
            row("e", "2023-09-03", modality="denied"), row("f", None, doc_date=None)]  # fmt: skip

    def sources(**query: object) -> list[str]:
        return sorted(s for f in merge(rows, Query(window=0, **query)) for s in f.sources)  # type: ignore[arg-type]

    assert sources() == ["a", "b", "c", "d", "f"]  # not e: denied
    assert sources(since=dt.date(2023, 8, 1)) == ["b", "c", "d"]  # undated left out too
    assert sources(until=dt.date(2023, 8, 8)) == ["a", "b"]
    assert sources(types=("trade",)) == ["b"]
    assert sources(min_confidence=0.5) == ["a", "b", "d", "f"]
    assert sources(countries=("CN",)) == ["d"]
    assert sources(countries=("KP",)) == ["a", "b", "c", "d", "f"]
    many = [row("x", "2023-08-08"), row("y", "2023-08-09"), row("z", "2023-09-30")]
    assert [f.sources for f in merge(many, Query(min_sources=2))] == [("x", "y")]


def test_by_country_aggregates_ends_and_drops_domestic_flows():
    rows = [row("a"), row("b", **VLADIVOSTOK), row("c", origin="x", origin_name="Moscow", origin_country="RU"),
            row("d", origin_country=None)]  # fmt: skip
    [flow] = merge(rows, Query(by="country"))
    assert (flow.origin, flow.destination, flow.sources) == ("KP", "RU", ("a", "b"))
    assert flow.origin_lat is None  # until located


def test_period_month_groups_by_calendar_month():
    rows = [row("a", "2023-08-01"), row("b", "2023-08-31"), row("c", "2023-09-01"), row("d", None, doc_date=None)]
    flows = merge(rows, Query(period="month"))
    assert sorted((f.period, f.sources) for f in flows) == [
        ("2023-08", ("a", "b")), ("2023-09", ("c",)), ("undated", ("d",)),
    ]  # fmt: skip
    assert [f.sources for f in merge(rows, Query(period="all"))] == [("a", "b", "c", "d")]


@pytest.mark.parametrize(
    "bad",
    [dict(window=-1), dict(window="7"), dict(period="week"), dict(by="city"), dict(countries=("RUS",)),
     dict(since=dt.date(2023, 2, 1), until=dt.date(2023, 1, 1)), dict(min_sources=0), dict(min_confidence=2.0)],
)  # fmt: skip
def test_a_bad_query_is_refused(bad):
    from geomap.errors import InputError

    with pytest.raises(InputError):
        Query(**bad)


# --- DuckDB gives the same flows as the Python path ---------------------------------------------------


def random_rows(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    ends = [("1", "A", "KP", 39.0, 125.7), ("2", "B", "RU", 61.5, 105.3), ("3", "C", "RU", 43.1, 131.9),
            ("4", "D", None, 10.0, 10.0), ("5", "E", "CN", 35.0, 103.0)]  # fmt: skip
    dates = [None, "2023-08-01", "2023-08-05", "2023-08-13", "2023-08-30", "2023-09-02", "2023-08", "2023",
             "2023-08-03/2023-08-04", "2024-02-30", "soon", "2022-12-31"]  # fmt: skip
    doc_dates = [None, dt.date(2023, 8, 10), dt.date(2023, 9, 1), dt.date(2024, 1, 5)]
    rows = []
    for i in range(n):
        (o, on, oc, ola, olo), (d, dn, dc, dla, dlo) = rng.choice(ends), rng.choice(ends)
        rows.append({
            "source": rng.choice(["a", "b", "c", "d", None, "é"]), "doc_date": rng.choice(doc_dates), "id": f"e{i}",
            "type": rng.choice(["shipment", "meeting", "trade"]), "origin": o, "origin_name": on,
            "origin_country": oc, "origin_lat": ola, "origin_lon": olo, "destination": d, "destination_name": dn,
            "destination_country": dc, "destination_lat": dla, "destination_lon": dlo,
            "directed": rng.choice([True, True, False, None]), "date": rng.choice(dates), "date_precision": None,
            "modality": rng.choice(["asserted", "asserted", "denied", None]),
            "confidence": rng.choice([0.2, 0.5, 0.9, None]), "count": rng.choice([1, 2, None]), "rule": "test",
            "label": None, "actors": [], "evidence": None,
            "url": rng.choice([None, "https://x.example/1", "https://x.example/2", "javascript:1"]),
            "title": rng.choice([None, "T1", "T2", "é"]),
        })  # fmt: skip
    return rows


def write_dataset(root, rows: list[dict], *, without: tuple[str, ...] = ()) -> None:
    """The events table of a dataset, its columns in `without` left out (a dataset of an older geomap)."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from geomap.parquet import _schemas, month

    schema = _schemas()["events"]
    for name in without:
        schema = schema.remove(schema.get_field_index(name))
    by_month: dict[str, list[dict]] = {}
    for r in rows:
        by_month.setdefault(month(r["doc_date"]), []).append(r)
    for key, group in sorted(by_month.items()):
        folder = root / "events" / f"month={key}"
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(group, schema=schema), folder / "part-00000.parquet")


QUERIES = [
    Query(), Query(window=0), Query(window=30), Query(by="country"), Query(period="month"), Query(period="year"),
    Query(period="all", by="country"), Query(since=dt.date(2023, 8, 2), until=dt.date(2023, 8, 31)),
    Query(types=("shipment", "meeting"), countries=("RU",), min_confidence=0.5), Query(min_sources=2),
    Query(types=("nothing",)),
]  # fmt: skip


@pytest.mark.parametrize("seed", [0, 1])
def test_duckdb_gives_the_same_flows_as_python(tmp_path, seed):
    pytest.importorskip("duckdb")
    rows = random_rows(400, seed)
    write_dataset(tmp_path, rows)
    for query in QUERIES:
        python = merge(rows, query)
        assert query_dataset(tmp_path, query) == python, query
        assert to_table(query_dataset(tmp_path, query), "csv") == to_table(python, "csv")
    assert len(merge(rows)) > 20


def test_duckdb_keeps_the_events_of_one_day_in_one_run(tmp_path):
    """A day's events after a gap start one run together, however DuckDB orders them."""
    pytest.importorskip("duckdb")
    rows = [row("a", "2023-08-01")] + [row(f"s{n:02d}", "2023-08-10", id=f"e{n}") for n in range(40)]
    write_dataset(tmp_path, rows)
    assert [len(f.sources) for f in query_dataset(tmp_path, Query(window=0))] == [40, 1]
    assert query_dataset(tmp_path, Query(window=0)) == merge(rows, Query(window=0))


def test_a_dataset_written_before_urls_and_titles_still_reads(tmp_path):
    pytest.importorskip("duckdb")
    rows = random_rows(100, 2)
    write_dataset(tmp_path, rows, without=("url", "title"))
    plain = [{k: v for k, v in r.items() if k not in ("url", "title")} for r in rows]
    flows = query_dataset(tmp_path)
    assert flows == merge(plain) and flows
    assert all(set(f.urls) == set(f.titles) == {None} for f in flows)


def test_a_directory_that_is_no_dataset_is_refused(tmp_path):
    from geomap.errors import InputError

    with pytest.raises(InputError, match="not a geomap Parquet dataset"):
        query_dataset(tmp_path)


# --- Tables -----------------------------------------------------------------------------------------


def test_tables_are_deterministic_and_read_back():
    flows = merge([row("a"), row("b", "2023-08-09"), row("=cmd", "2023-09-30")])
    csv_text = to_table(flows, "csv")
    assert csv_text.splitlines()[0].startswith("id,type,directed,origin,")
    assert "a; b" in csv_text and "'=cmd" in csv_text  # a source that looks like a formula stays text
    rows = json.loads(to_table(flows, "json"))
    assert rows[0]["sources"] == 2 and rows[0]["source_ids"] == ["a", "b"]
    assert [json.loads(line) for line in to_table(flows, "jsonl").splitlines()] == rows
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(to_table(flows, "parquet")))
    assert table.column("source_ids").to_pylist() == [["a", "b"], ["=cmd"]]
    assert table.column("source_urls").to_pylist() == [[None, None], [None]]
    titled = merge([row("a", title="=A; b"), row("b", "2023-08-09", url="https://b.example/?q=1")])
    about = next(csv.DictReader(io.StringIO(to_table(titled, "csv"))))
    assert (about["source_urls"], about["source_titles"]) == ("; https://b.example/?q=1", "'=A; b; ")
    assert json.loads(to_table(titled, "json"))[0]["source_titles"] == ["=A; b", None]
    assert to_table(flows, "parquet") == to_table(flows, "parquet")
    assert isinstance(flows[0], CorpusFlow)


# --- The commands ---------------------------------------------------------------------------------------

ARTICLES = {
    "a.txt": "A planeload of arms left Pyongyang for Russia on Aug. 8, 2023.\n",
    "b.txt": "North Korea shipped shells from Pyongyang to Russia on August 10, 2023, officials said.\n",
    "c.txt": "North Korea shipped shells from Pyongyang to Russia on August 29, 2023.\n",
}


@pytest.fixture
def articles(tmp_path, monkeypatch):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_flows_command_merges_two_articles_and_keeps_another_week_apart(articles):
    out = json.loads(invoke("flows", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "json").stdout)
    assert [(f["origin_name"], f["destination_name"], f["source_ids"]) for f in out] == [
        ("Pyongyang", "Russia", ["a.txt", "b.txt"]),
        ("Pyongyang", "Russia", ["c.txt"]),
    ]
    two = json.loads(invoke("flows", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "json",
                            "--min-sources", "2", "--until", "2023-08-31").stdout)  # fmt: skip
    assert [f["sources"] for f in two] == [2]
    by_country = json.loads(invoke("flows", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "json",
                                   "--by", "country", "--period", "all").stdout)  # fmt: skip
    assert [(f["origin"], f["origin_name"], f["destination"], f["sources"]) for f in by_country] == [
        ("KP", "North Korea", "RU", 3)
    ]
    assert by_country[0]["origin_lat"] is not None


def test_a_dataset_through_duckdb_gives_what_the_records_give(articles):
    pytest.importorskip("duckdb")
    invoke("extract", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "parquet", "-o", "ds", "-q")
    for options in ([], ["--by", "country"], ["--period", "month", "--countries", "kp"]):
        from_records = invoke("flows", "a.txt", "b.txt", "c.txt", "--reader", "rules", *options).stdout
        assert invoke("flows", "ds", *options).stdout == from_records
        assert from_records.count("\n") >= 2
    invoke("flows", "ds", "--format", "parquet", "-o", "flows.parquet")
    first = (articles / "flows.parquet").read_bytes()
    invoke("flows", "ds", "--format", "parquet", "-o", "flows.parquet")
    assert (articles / "flows.parquet").read_bytes() == first


def test_a_dataset_folder_named_with_glob_characters_is_read_as_named(articles):
    """DuckDB reads a path as a glob: the parts are listed by geomap, so '[1]' or '*' is only a name."""
    pytest.importorskip("duckdb")
    invoke("extract", "a.txt", "b.txt", "--reader", "rules", "--format", "parquet", "-o", "ds'x\"[1]", "-q")
    invoke("extract", "c.txt", "--reader", "rules", "--format", "parquet", "-o", "ds1", "-q")
    flows = invoke("flows", "ds'x\"[1]", "--format", "json").stdout
    assert sorted({s for f in json.loads(flows) for s in f["source_ids"]}) == ["a.txt", "b.txt"]


def test_map_of_a_corpus_draws_a_flow_once_with_its_sources(articles):
    invoke("map", "a.txt", "b.txt", "c.txt", "--reader", "rules", "-o", "m.html")
    page = (articles / "m.html").read_text(encoding="utf-8")
    assert page.count("reported by 2 sources") == 2  # the tooltip and the popup
    assert "a.txt; b.txt" in page and "reported by 1 source" in page
    invoke("map", "a.txt", "b.txt", "c.txt", "--reader", "rules", "-o", "again.html")
    assert (articles / "again.html").read_text(encoding="utf-8") == page
    geojson = json.loads(invoke("map", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "geojson",
                                "-o", "-").stdout)  # fmt: skip
    arcs = [f["properties"] for f in geojson["features"] if f["properties"].get("source_ids")]
    assert sorted(a["sources"] for a in arcs) == [1, 2]
    one = invoke("map", "a.txt", "--reader", "rules", "-o", "-").stdout  # one article: drawn as before
    assert "reported by" not in one


def test_map_of_a_dataset(articles):
    pytest.importorskip("duckdb")
    invoke("extract", "a.txt", "b.txt", "c.txt", "--reader", "rules", "--format", "parquet", "-o", "ds", "-q")
    invoke("map", "ds", "--by", "country", "--period", "all", "-o", "m.html")
    page = (articles / "m.html").read_text(encoding="utf-8")
    assert "reported by 3 sources" in page and "North Korea" in page


def test_map_of_a_corpus_lists_its_sources_by_title_with_links(articles):
    """Two articles on one shipment: the popup names both by title, each a link to its url; a third
    whose url is javascript: is named, its url shown as text, never a link."""
    import html
    import re

    table = [
        {"id": "a", "url": "https://news.example/a?x=1&y=2", "title": "Arms airlifted", "text": ARTICLES["a.txt"]},
        {"id": "b", "url": "https://news.example/b", "title": "Shells <b>by</b> air", "text": ARTICLES["b.txt"]},
        {"id": "c", "url": "javascript:alert(1)", "title": "Evil", "text": ARTICLES["b.txt"]},
    ]
    (articles / "t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in table), encoding="utf-8")
    invoke("extract", "t.jsonl", "--reader", "rules", "--format", "jsonl", "-o", "records.jsonl", "-q")
    invoke("map", "records.jsonl", "-o", "m.html")
    page = (articles / "m.html").read_text(encoding="utf-8")
    script = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), page).replace('\\"', '"')
    assert "reported by 3 sources" in script
    assert ('<a href="https://news.example/a?x=1&amp;y=2" target="_blank" rel="noopener noreferrer" title="a">'
            "Arms airlifted</a>") in script  # fmt: skip
    assert ">Shells &lt;b&gt;by&lt;/b&gt; air</a>" in script
    assert '<span title="c">Evil</span> (javascript:alert(1))' in script
    assert not re.search(r"href=[\"']?\s*javascript", html.unescape(script), re.I)
    flows = json.loads(invoke("flows", "records.jsonl", "--format", "json").stdout)
    assert flows[0]["source_titles"] == ["Arms airlifted", "Shells <b>by</b> air", "Evil"]
    assert flows[0]["source_urls"][2] == "javascript:alert(1)"
