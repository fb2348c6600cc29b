"""The built wheel carries the gazetteer data and py.typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_data(tmp_path):
    # build from a copy: an in-tree build would leave build/ and *.egg-info in the checkout
    source = tmp_path / "src"
    shutil.copytree(ROOT / "geomap", source / "geomap", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)], check=True
    )
    (wheel,) = tmp_path.glob("geomap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"geomap/data/gazetteer.sqlite", "geomap/data/countries.geojson", "geomap/py.typed"} <= names
    sqlite = zipfile.ZipFile(wheel).getinfo("geomap/data/gazetteer.sqlite")
    assert sqlite.file_size == (ROOT / "geomap/data/gazetteer.sqlite").stat().st_size
    assert wheel.stat().st_size < 15_000_000
