"""The published shapes of geomap's JSON: the `geomap extract` record and the event-types file.

Both are JSON Schema (draft 2020-12) files in geomap/data/. `jsonschema` is imported only when
something is validated, so commands that never read JSON back start without it.

>>> validate_record({"schema_version": "1.0", "places": [{"id": "1", "name": "Oz", "lat": 91, "lon": 0}]}, "oz.json")
Traceback (most recent call last):
...
geomap.errors.InputError: oz.json: $.places[0].lat: 91 is greater than the maximum 90
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

from geomap.errors import InputError

SCHEMA_VERSION = "1.1"  # MAJOR.MINOR: a reader refuses another major version; 1.1 added url, title
RECORD_SCHEMA = "record.schema.json"
EVENT_TYPES_SCHEMA = "event_types.schema.json"
USER_PLACES_SCHEMA = "user_places.schema.json"
_TYPE_NAMES = {"object": "an object", "array": "an array", "string": "a string", "number": "a number",
               "integer": "a whole number", "boolean": "true or false", "null": "null"}  # fmt: skip


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema bundled in geomap/data/, by file name."""
    return json.loads((importlib.resources.files("geomap") / "data" / name).read_text(encoding="utf-8"))


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a `geomap extract` record (a fresh copy: callers may change it)."""
    return json.loads(json.dumps(load_schema(RECORD_SCHEMA)))


def validate_record(record: Any, where: str, *, root: str = "$") -> None:
    """Check one record against the schema and its version; InputError `WHERE: PATH: problem` if bad.

    `root` is the record's own path in its file (`$[2]` for the third of a list).
    """
    if isinstance(record, dict) and isinstance(record.get("schema_version"), str):
        version = record["schema_version"]
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError(
                f"{where}: {root}.schema_version: version {version!r} is not one this geomap reads "
                f"(it reads {SCHEMA_VERSION.split('.')[0]}.x)"
            )
    validate(record, RECORD_SCHEMA, where, root=root)


def validate(
    instance: Any, schema: str, where: str, *, root: str = "$", part: str | None = None, error: type = InputError
) -> None:
    """Check `instance` against a bundled schema (or its `$defs` entry `part`); raise `error`
    (a GeomapError class) with the first problem as `WHERE: PATH: problem`."""
    try:
        found = min(_validator(schema, part).iter_errors(instance), key=_rank, default=None)
    except RecursionError:
        raise error(f"{where}: {root}: nested too deeply to check") from None
    if found is not None:
        path = root + found.json_path[1:]
        raise error(f"{where}: {path}: {describe(found)}")


def _rank(error: Any) -> tuple[int, ...]:
    """The error to report first: the one in the earliest list item (events[3] before events[5])."""
    return (*(i if isinstance(i, int) else 0 for i in error.absolute_path), -len(error.absolute_path))


@functools.cache
def _validator(schema: str, part: str | None) -> Any:
    import jsonschema

    body = load_schema(schema)
    if part is not None:
        body = {"$defs": body["$defs"], "$ref": f"#/$defs/{part}"}
    cls = jsonschema.Draft202012Validator
    return cls(body, format_checker=cls.FORMAT_CHECKER)


def load_json(content: str, where: str, *, error: type = InputError) -> Any:
    """Parsed JSON, or `error` (a GeomapError class) in one line: not JSON, NaN or Infinity (not JSON
    either), or nested too deeply for Python's parser."""

    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(content, parse_constant=refuse)
    except json.JSONDecodeError as e:
        raise error(f"{where}:{e.lineno}: not valid JSON: {e.msg}") from None
    except ValueError as e:
        raise error(f"{where}: not valid JSON: {e}") from None
    except RecursionError:
        raise error(f"{where}: not readable: nested too deeply") from None


def describe(error: Any) -> str:
    """A jsonschema ValidationError as one short sentence for a user."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        names = [_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
        return f"expected {' or '.join(names)}, got {_show(value)}"
    if kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        return f"lacks the field {missing[0]!r}" if missing else error.message
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = sorted(k for k in value if k not in allowed) if isinstance(value, dict) else []
        names = f"; expected some of {', '.join(allowed)}" if allowed else ""
        return f"unknown field {extra[0]!r}{names}" if extra else error.message
    if kind == "enum":
        return f"{_show(value)} is not one of {', '.join(_show(v) for v in expected)}"
    if kind == "const":
        return f"expected {_show(expected)}, got {_show(value)}"
    if kind == "pattern":
        return f"{_show(value)} does not have the form {expected}"
    if kind == "format":
        return f"{_show(value)} is not a valid {expected}"
    if kind == "minimum":
        return f"{_show(value)} is less than the minimum {expected}"
    if kind == "maximum":
        return f"{_show(value)} is greater than the maximum {expected}"
    if kind == "minLength":
        return "is empty" if expected == 1 else f"is shorter than {expected} characters"
    if kind == "minItems":
        return "is an empty list" if expected == 1 else f"has fewer than {expected} items"
    return error.message


def _show(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else type(value).__name__
    text = {"dict": "an object", "list": "an array"}.get(text, text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
