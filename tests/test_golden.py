"""Whole outputs for the seed article, held as golden files (pytest --update-golden rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

from geomap.document import extract
from geomap.map import render, to_html

ROOT = Path(__file__).resolve().parents[1]
SEED = "seeds/north-korea-airlifts-arms-to-russia.txt"


def seed(gazetteer):
    return extract((ROOT / SEED).read_text(encoding="utf-8"), gazetteer=gazetteer, source=SEED)


def test_seed_record(gazetteer, golden):
    golden("seed.record.json", json.dumps(seed(gazetteer).to_dict(), ensure_ascii=False, indent=1) + "\n")


def test_seed_map_page(gazetteer, golden):
    golden("seed.map.html", to_html(render([seed(gazetteer)])))
