"""geomap: turn news text into maps of what moves between places.

>>> import geomap
>>> geomap.load_gazetteer().lookup("Kiev").name
'Kyiv'
"""

from __future__ import annotations

from geomap.errors import GazetteerFileError, GeomapError, OnlineLookupError, PlaceNotFound
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.user_places import read_user_places

__all__ = [
    "Document",
    "Gazetteer",
    "GazetteerFileError",
    "GeomapError",
    "OnlineLookupError",
    "Place",
    "PlaceNotFound",
    "extract",
    "load_gazetteer",
    "read_user_places",
]


def __getattr__(name: str):
    """`geomap.extract` and `geomap.Document`, imported when first used: the geoparser's modules
    stay out of the start-up of commands that do not need them (`geomap geocode`)."""
    if name in ("extract", "Document"):
        from geomap import document

        return getattr(document, name)
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
