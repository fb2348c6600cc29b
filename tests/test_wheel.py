"""The built wheel carries every data file, and the README's first command works from it alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_data_and_maps_the_seed_from_it(tmp_path):
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
    data = {f"geomap/data/{f.name}" for f in (ROOT / "geomap" / "data").iterdir() if f.is_file()}
    assert data | {"geomap/py.typed"} <= names
    sqlite = zipfile.ZipFile(wheel).getinfo("geomap/data/gazetteer.sqlite")
    assert sqlite.file_size == (ROOT / "geomap/data/gazetteer.sqlite").stat().st_size
    assert wheel.stat().st_size < 15_000_000

    # the package as the wheel installs it, ahead of this checkout: the seed's map must come out
    installed = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(installed)
    work = tmp_path / "work"
    work.mkdir()
    seed = ROOT / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
    env = {**os.environ, "PYTHONPATH": str(installed)}
    run = subprocess.run(
        [sys.executable, "-m", "geomap", "map", str(seed), "--offline"], cwd=work, env=env, capture_output=True,
        text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    page = work / "output" / "north-korea-airlifts-arms-to-russia.html"
    assert "geomap-flow" in page.read_text(encoding="utf-8")
    where = subprocess.run([sys.executable, "-c", "import geomap; print(geomap.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert where.stdout.startswith(str(installed))
