"""Shared fixtures: the real bundled gazetteer, opened once for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def country_shapes():
    """Natural Earth country shapes bundled with geomap, as shapely geometries by ISO code."""
    from shapely.geometry import shape

    from geomap.geometry import country_shapes

    return {iso: shape(feature["geometry"]) for iso, feature in country_shapes().items()}


@pytest.fixture(autouse=True)
def _no_user_gazetteer_env(monkeypatch):
    """Tests see only the files they pass, never a $GEOMAP_GAZETTEER of the machine."""
    monkeypatch.delenv("GEOMAP_GAZETTEER", raising=False)


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from today's output")


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/NAME (line endings normalised), or rewrite it with --update-golden."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        text = text.replace("\r\n", "\n")
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file (pytest --update-golden if intended)"

    return check
