"""Every error geomap raises on purpose: catch `GeomapError` to catch them all."""

from __future__ import annotations


class GeomapError(Exception):
    """Root of geomap's errors; its message is one line meant for the user."""


class PlaceNotFound(GeomapError, LookupError):
    """No place in the gazetteer has that name (or id); the message names close matches."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no place named {name!r} in the gazetteer{hint}")


class GazetteerFileError(GeomapError, ValueError):
    """A user gazetteer file is unreadable or has a bad row; the message names file, line and field."""


class OnlineLookupError(GeomapError, ConnectionError):
    """The opt-in online geocoder failed or is not installed."""


class InputError(GeomapError, ValueError):
    """An input file or value cannot be read: wrong type, not UTF-8, a bad date."""


class ExportError(GeomapError, RuntimeError):
    """An output format cannot be made here (PNG without Chromium)."""


class ModelNotFound(GeomapError, ImportError):
    """The syntax reader was asked for, but spaCy or its English model is not installed."""
