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
    "Gazetteer",
    "GazetteerFileError",
    "GeomapError",
    "OnlineLookupError",
    "Place",
    "PlaceNotFound",
    "load_gazetteer",
    "read_user_places",
]
