"""Writing results: the record formats of `geomap extract`, written atomically.

Every format is a pure function from documents to text; `write_atomic` is the only thing that
touches the disk, and a file it writes is either the whole new output or the old file untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import GeomapError

if TYPE_CHECKING:  # the records' module pulls in the whole pipeline: not needed to name a format
    from geomap.document import Document

FORMATS = ("json", "jsonl", "geojson", "csv")

# The CSV of records: a row per document ("record"), per place and per event, told apart by `row`;
# `record` numbers the documents (from 0) and ties places and events to theirs. A cell holds one value;
# lists (aliases, mentions, actors, evidence) are JSON; an empty cell is null (an empty list for a
# list, an empty string for the text columns that cannot be null).
RECORD_FIELDS = ("schema_version", "source", "url", "title", "date", "text")  # text last: only with --text
PLACE_FIELDS = (
    "id", "name", "kind", "country", "admin1", "lat", "lon", "population", "capital", "aliases", "confidence",
    "mentions",
)  # fmt: skip
EVENT_FIELDS = (
    "id", "type", "origin", "destination", "location", "directed", "date", "date_precision", "actors", "modality",
    "confidence", "count", "rule", "label", "evidence",
)  # fmt: skip
CSV_COLUMNS = ("row", "record", *dict.fromkeys((*RECORD_FIELDS[:-1], *PLACE_FIELDS, *EVENT_FIELDS)))
CSV_NUMBERS = {"record": int, "population": int, "count": int, "lat": float, "lon": float, "confidence": float}
CSV_BOOLEANS = frozenset({"capital", "directed"})
CSV_LISTS = frozenset({"aliases", "mentions", "actors", "evidence"})
CSV_NOT_NULL = frozenset({"schema_version", "id", "name", "kind", "type", "modality", "rule", "text"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a spreadsheet runs a cell starting so


class OutputError(GeomapError, OSError):
    """An output file cannot be written."""


def render(documents: Sequence[Document], fmt: str, *, include_text: bool = False) -> str:
    """The documents in one of FORMATS: json (one record, or a list for several), jsonl (a record a
    line), geojson (a FeatureCollection of the places and events, RFC 7946), csv (a row per document,
    place and event). Each reads back (`geomap.document.read_documents`) to the same records."""
    return render_records([d.to_dict(include_text=include_text) for d in documents], fmt)


def render_records(records: Sequence[dict[str, Any]], fmt: str) -> str:
    """`render` of records already made (`Document.to_dict`), as a batch's workers hand them back."""
    if fmt == "json":
        return json.dumps(records[0] if len(records) == 1 else list(records), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if fmt == "geojson":
        return json.dumps(geojson_records(records), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return csv_records(records)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def geojson(documents: Sequence[Document], *, include_text: bool = False) -> dict[str, Any]:
    """A FeatureCollection (RFC 7946): for every event the great-circle line from origin to destination
    (cut at the antimeridian), or the point where it happened; a Point for every place.

    Each feature's properties are its record fields, plus `layer` ("event" or "place"), `record` (its
    document's index in the collection's foreign member `records`, which holds each document's
    schema_version, source, url, title, date and text) and `source`, so the file reads back to the
    same records.
    """
    return geojson_records([d.to_dict(include_text=include_text) for d in documents])


def geojson_records(records_in: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """`geojson` of records already made."""
    from geomap.geometry import flow_arc, split_antimeridian

    records, features = [], []
    for n, whole in enumerate(records_in):
        record = dict(whole)
        places, events = [dict(p) for p in record.pop("places")], record.pop("events")
        records.append(record)
        points = {p["id"]: (p["lat"], p["lon"]) for p in places}
        for event in events:
            origin, destination = event["origin"], event["destination"]
            if origin is not None and destination is not None and origin != destination:
                arc = flow_arc(points[origin], points[destination], bend=0.0, samples=32)
                parts = [[[lon, lat] for lat, lon in part] for part in split_antimeridian(arc)]
                geometry = (
                    {"type": "LineString", "coordinates": parts[0]}
                    if len(parts) == 1
                    else {"type": "MultiLineString", "coordinates": parts}
                )
            else:
                lat, lon = points[event["location"] or origin or destination]
                geometry = {"type": "Point", "coordinates": [lon, lat]}
            properties = {"layer": "event", "record": n, "source": record["source"], **event}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
        for place in places:
            lat, lon = place.pop("lat"), place.pop("lon")
            geometry = {"type": "Point", "coordinates": [lon, lat]}
            properties = {"layer": "place", "record": n, "source": record["source"], **place}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "records": records, "features": features}


def records_csv(documents: Sequence[Document], *, include_text: bool = False) -> str:
    """The records as CSV: a row per document, per place and per event (see CSV_COLUMNS above; a `text`
    column is added with include_text). Text cells a spreadsheet would run as a formula get a leading
    `'` (`csv_text`); the numbers are written as numbers."""
    return csv_records([d.to_dict(include_text=include_text) for d in documents])


def csv_records(records: Sequence[dict[str, Any]]) -> str:
    """`records_csv` of records already made (a `text` column when the first record has its text)."""
    columns = CSV_COLUMNS + (("text",) if records and "text" in records[0] else ())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n")  # RFC 4180; and a lone \r is quoted
    writer.writeheader()
    for n, record in enumerate(records):
        rows = [("record", {k: record[k] for k in RECORD_FIELDS if k in record})]
        rows += [("place", place) for place in record["places"]] + [("event", event) for event in record["events"]]
        for kind, fields in rows:
            cells = {name: _csv_cell(name, value) for name, value in fields.items()}
            writer.writerow({**cells, "row": kind, "record": n, "source": _csv_cell("source", record["source"])})
    return buffer.getvalue()


def _csv_cell(name: str, value: Any) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name in CSV_LISTS:
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, (int, float)):
        return value
    return csv_text(value)


def csv_text(value: str) -> str:
    """A text cell no spreadsheet runs: one that starts as a formula (or with the `'` that marks
    one) gets a leading `'`. `csv_untext` undoes it.

    >>> csv_text("=SUM(A1)"), csv_text("'quoted"), csv_text("Kyiv")
    ("'=SUM(A1)", "''quoted", 'Kyiv')
    """
    return "'" + value if value.startswith((*FORMULA_STARTS, "'")) else value


def csv_untext(cell: str) -> str:
    """The text `csv_text` was given."""
    return cell[1:] if cell.startswith("'") else cell


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a whole file or nothing, respecting what `path` names.

    A regular file (or a new one) is written to a temporary file beside it, then renamed over it:
    the old file stays whole until the new one is. A symlink is followed: its target is replaced
    and the link stays. A device, a named pipe or a socket is written through (renaming over one
    would replace it with a regular file). A directory is refused. The temporary file is removed
    whatever stops the write, Ctrl-C included.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(path, payload)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror}") from None
    try:
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {e.strerror}") from None
    except BaseException:  # KeyboardInterrupt, SystemExit from SIGTERM: leave nothing behind
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: str | os.PathLike[str], payload: bytes) -> None:
    """Write into a device, a named pipe or a socket as it is (no temporary file, no rename)."""
    try:
        with open(path, "wb") as f:
            f.write(payload)
    except BrokenPipeError:
        raise
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror}") from None


def check_not_input(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """OutputError if `output` is one of `inputs` (the same file by any path): writing would destroy it."""
    out = Path(os.path.realpath(output))
    for name in inputs:
        if str(name) == "-":
            continue
        source = Path(os.path.realpath(name))
        try:
            same = out == source or (out.exists() and source.exists() and os.path.samefile(out, source))
        except OSError:
            same = False
        if same:
            raise OutputError(f"{output}: is also an input ({name}); write the output elsewhere with -o")
