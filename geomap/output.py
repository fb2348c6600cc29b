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
CSV_COLUMNS = (
    "source", "id", "name", "kind", "country", "admin1", "lat", "lon", "confidence", "mentions", "surfaces",
)  # fmt: skip


class OutputError(GeomapError, OSError):
    """An output file cannot be written."""


def render(documents: Sequence[Document], fmt: str, *, include_text: bool = False) -> str:
    """The documents in one of FORMATS: json (one record, or a list for several), jsonl (a record a
    line), geojson (a FeatureCollection of the places and events, RFC 7946), csv (a row per place)."""
    if fmt == "json":
        records = [d.to_dict(include_text=include_text) for d in documents]
        return json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(d.to_json(include_text=include_text) + "\n" for d in documents)
    if fmt == "geojson":
        return json.dumps(geojson(documents), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return places_csv(documents)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def geojson(documents: Sequence[Document]) -> dict[str, Any]:
    """A FeatureCollection: a Point for every place, and for every event between two places the
    great-circle line from origin to destination (cut at the antimeridian, RFC 7946 3.1.9), with
    the event's record as properties (`modality` says whether it is a fact)."""
    from geomap.geometry import flow_arc, split_antimeridian

    features = []
    for doc in documents:
        points = {fp.place.id: fp.place.point for fp in doc.places}
        for event in doc.events:
            if event.origin is None or event.destination is None or event.origin == event.destination:
                continue
            arc = flow_arc(points[event.origin], points[event.destination], bend=0.0, samples=32)
            parts = [[[lon, lat] for lat, lon in part] for part in split_antimeridian(arc)]
            geometry = (
                {"type": "LineString", "coordinates": parts[0]}
                if len(parts) == 1
                else {"type": "MultiLineString", "coordinates": parts}
            )
            features.append({"type": "Feature", "geometry": geometry, "properties": {"source": doc.source,
                                                                                     **event.to_dict()}})  # fmt: skip
        for found in doc.places:
            props = found.to_dict()
            lat, lon = props.pop("lat"), props.pop("lon")
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"source": doc.source, **props},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def places_csv(documents: Sequence[Document]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for doc in documents:
        for found in doc.places:
            p = found.place
            surfaces = "|".join(dict.fromkeys(m.text for m in found.mentions))
            writer.writerow(
                [doc.source, p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon,
                 round(found.confidence, 3), len(found.mentions), surfaces]
            )  # fmt: skip
    return buffer.getvalue()


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
