"""Records as a Parquet dataset, the corpus format: three flat tables, partitioned by month.

    DIR/documents/month=2023-08/part-00000.parquet   a row a document: source, url, title, date, counts
    DIR/places/month=2023-08/part-00000.parquet      a row a place a document names
    DIR/events/month=2023-08/part-00000.parquet      a row an event, both ends spelled out

Every row carries its document's `source`, `url` and `title` (null where the input gave none), so
an event or a place names its article without a join. `month` is the document's date (YYYY-MM;
`unknown` without a date), as Hive-style directories that
DuckDB (`read_parquet('DIR/events/*/*.parquet', hive_partitioning = true)`), pandas
(`pd.read_parquet('DIR/events')`), Dask and Spark read as they are. Rows are gathered for a
thousand documents, then written as one part per table and month, each part written whole
(a temporary file renamed): a run that is stopped leaves only whole parts, and `resume` adds parts
after the last (first bringing any part of an older geomap's schema to the current columns, so
that every part has them all). pyarrow is imported only here (`geomap[scale]`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from geomap.errors import InputError
from geomap.output import OutputError

TABLES = ("documents", "places", "events")
_PART = re.compile(r"part-(\d+)\.parquet$")


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, f, i, b, d = pa.string(), pa.float64(), pa.int64(), pa.bool_(), pa.date32()
    end = [(f"{side}{suffix}", t) for side in ("origin", "destination", "location")
           for suffix, t in (("", s), ("_name", s), ("_country", s), ("_lat", f), ("_lon", f))]  # fmt: skip
    return {
        "documents": pa.schema([("source", s), ("url", s), ("title", s), ("date", d), ("schema_version", s),
                                ("places", i), ("events", i)]),
        "places": pa.schema([
            ("source", s), ("url", s), ("title", s), ("doc_date", d), ("id", s), ("name", s), ("kind", s),
            ("country", s), ("admin1", s), ("lat", f), ("lon", f), ("population", i), ("capital", b),
            ("confidence", f), ("mentions", i), ("mention", s),
        ]),
        "events": pa.schema([
            ("source", s), ("url", s), ("title", s), ("doc_date", d), ("id", s), ("type", s), *end,
            ("directed", b), ("date", s), ("date_precision", s), ("modality", s), ("confidence", f), ("count", i),
            ("rule", s), ("label", s), ("actors", pa.list_(s)), ("evidence", s),
        ]),
    }  # fmt: skip


def flatten(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of one record (`Document.to_dict()`) in each table.

    >>> rec = {"schema_version": "1.0", "source": "a", "date": "2023-08-10", "events": [],
    ...        "places": [{"id": "1", "name": "Oz", "kind": "city", "lat": 1.0, "lon": 2.0, "mentions": []}]}
    >>> rows = flatten(rec)
    >>> rows["documents"][0]["places"], rows["places"][0]["name"], rows["places"][0]["url"], rows["events"]
    (1, 'Oz', None, [])
    """
    source = record.get("source")
    about = {"source": source, "url": record.get("url"), "title": record.get("title")}
    date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    places = {p["id"]: p for p in record["places"]}
    place_rows = [
        {
            **about, "doc_date": date, "id": p["id"], "name": p["name"], "kind": p.get("kind"),
            "country": p.get("country"), "admin1": p.get("admin1"), "lat": p["lat"], "lon": p["lon"],
            "population": p.get("population"), "capital": p.get("capital"), "confidence": p.get("confidence"),
            "mentions": len(p.get("mentions", ())),
            "mention": p["mentions"][0]["text"] if p.get("mentions") else None,
        }
        for p in record["places"]
    ]  # fmt: skip
    event_rows = []
    for e in record["events"]:
        row = {**about, "doc_date": date, "id": e.get("id"), "type": e["type"]}
        for side in ("origin", "destination", "location"):
            place = places.get(e.get(side)) or {}
            row |= {side: e.get(side), f"{side}_name": place.get("name"), f"{side}_country": place.get("country"),
                    f"{side}_lat": place.get("lat"), f"{side}_lon": place.get("lon")}  # fmt: skip
        row |= {
            "directed": e.get("directed"), "date": e.get("date"), "date_precision": e.get("date_precision"),
            "modality": e.get("modality"), "confidence": e.get("confidence"), "count": e.get("count"),
            "rule": e.get("rule"), "label": e.get("label"), "actors": list(e.get("actors", ())),
            "evidence": " … ".join(v["text"] for v in e.get("evidence", ())) or None,
        }  # fmt: skip
        event_rows.append(row)
    document = {**about, "date": date, "schema_version": record.get("schema_version"),
                "places": len(place_rows), "events": len(event_rows)}  # fmt: skip
    return {"documents": [document], "places": place_rows, "events": event_rows}


def month(date: dt.date | None) -> str:
    return f"{date.year:04d}-{date.month:02d}" if date else "unknown"


class ParquetSink:
    """Records into a dataset directory (see the module's docstring), in parts of `every` documents."""

    def __init__(self, directory: str, *, resume: bool = False, every: int = 1000) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("--format parquet needs pyarrow: pip install 'geomap[scale]'") from None
        self.root = Path(directory)
        self.every = every
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.pending = 0
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"{directory}: is a file; --format parquet writes a directory")
        parts = [int(m.group(1)) for p in self.root.glob("*/*/part-*.parquet") if (m := _PART.search(p.name))]
        if parts and not resume:
            raise OutputError(f"{directory}: holds a dataset already; --resume continues it, or write elsewhere")
        self.part = max(parts, default=-1) + 1
        if parts:
            self._unify()

    def _unify(self) -> None:
        """Bring the parts written by an older geomap to the current schema before adding parts of
        it: a part of a dataset begun before records had a url and a title (schema 1.0) lacks those
        columns, and readers that take a dataset's schema from its first part (pandas, Dask, DuckDB
        without union_by_name) then dropped them from every part. Missing columns are added as
        nulls, in the current order; a column the current schema lacks is kept, after them. Each
        part is replaced whole (a temporary file renamed), so a stopped run leaves whole parts and
        the next `resume` unifies the rest."""
        import io

        import pyarrow as pa
        import pyarrow.parquet as pq

        from geomap.output import write_atomic

        for table, schema in _schemas().items():
            for path in sorted(self.root.glob(f"{table}/*/part-*.parquet")):
                try:
                    have = pq.read_schema(path)
                    if have.names[: len(schema)] == schema.names and all(
                        have.field(f.name).type == f.type for f in schema
                    ):
                        continue
                    old = pq.read_table(path)
                    columns = [
                        old.column(f.name).cast(f.type) if f.name in have.names else pa.nulls(len(old), f.type)
                        for f in schema
                    ]
                except (OSError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
                    raise OutputError(f"{path}: cannot read to resume: {' '.join(str(e).split())}") from None
                extra = [f for f in have if f.name not in schema.names]
                unified = pa.Table.from_arrays(
                    columns + [old.column(f.name) for f in extra], schema=pa.schema([*schema, *extra])
                )
                buffer = io.BytesIO()
                pq.write_table(unified, buffer, compression="zstd")
                write_atomic(path, buffer.getvalue())

    def finished(self) -> set[str]:
        """The sources of the documents already in the dataset."""
        import pyarrow.parquet as pq

        done: set[str] = set()
        for path in sorted(self.root.glob("documents/*/part-*.parquet")):
            try:
                done.update(s for s in pq.read_table(path, columns=["source"]).column("source").to_pylist() if s)
            except OSError as e:
                raise OutputError(f"{path}: cannot read to resume: {e}") from None
        return done

    def add(self, record: dict[str, Any]) -> None:
        for table, rows in flatten(record).items():
            self.rows[table] += rows
        self.pending += 1
        if self.pending >= self.every:
            self.flush()

    def flush(self) -> None:
        """Write the rows gathered so far: one part per table and month."""
        import io

        import pyarrow as pa
        import pyarrow.parquet as pq

        from geomap.output import write_atomic

        if not self.pending:
            return
        schemas = _schemas()
        for table, rows in self.rows.items():
            by_month: dict[str, list[dict[str, Any]]] = {}
            for row in rows:
                by_month.setdefault(month(row["date" if table == "documents" else "doc_date"]), []).append(row)
            for key, group in sorted(by_month.items()):
                buffer = io.BytesIO()
                pq.write_table(pa.Table.from_pylist(group, schema=schemas[table]), buffer, compression="zstd")
                write_atomic(self.root / table / f"month={key}" / f"part-{self.part:05d}.parquet", buffer.getvalue())
        self.rows = {t: [] for t in TABLES}
        self.pending = 0
        self.part += 1

    def close(self) -> None:
        self.flush()


def dataset_files(directory: str | os.PathLike[str], table: str) -> list[str]:
    """A table's parts, listed here for DuckDB's read_parquet (with hive_partitioning = true): a
    folder named with glob characters ('[1]', '*') must not be read as a pattern by DuckDB."""
    return sorted(str(p) for p in Path(directory).glob(f"{table}/*/*.parquet"))
