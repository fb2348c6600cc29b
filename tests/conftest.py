"""Shared fixtures: the real bundled gazetteer, opened once for the whole run."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from geomap.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def country_shapes():
    """Natural Earth country shapes bundled with geomap, as shapely geometries by ISO code."""
    from shapely.geometry import shape

    data = json.loads((files("geomap") / "data" / "countries.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["iso"]: shape(f["geometry"]) for f in data["features"]}


@pytest.fixture(autouse=True)
def _no_user_gazetteer_env(monkeypatch):
    """Tests see only the files they pass, never a $GEOMAP_GAZETTEER of the machine."""
    monkeypatch.delenv("GEOMAP_GAZETTEER", raising=False)
