"""The annotated real-news flow set (benchmarks/flows) is consistent: every article of the sample
has a record, every record names its ends among its places, and every evidence span is a piece of
the corpus text that names something of the flow."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

FLOWS = Path(__file__).resolve().parents[1] / "benchmarks" / "flows"
TYPES = {"shipment", "transfer", "trade", "migration", "travel", "visit", "meeting", "sanction", "attack",
         "communication", "aid", "other"}  # fmt: skip


@pytest.fixture(scope="module")
def score():
    sys.path.insert(0, str(FLOWS))
    try:
        import score

        yield score
    finally:
        sys.path.remove(str(FLOWS))


def test_every_sampled_article_has_a_valid_record(score):
    texts = score.load_texts()
    sample = [json.loads(line) for line in (FLOWS / "sample.jsonl").open(encoding="utf-8")]
    assert len(sample) == len({(i["corpus"], i["doc"]) for i in sample}) == 510
    for item in sample:
        record = json.loads((FLOWS / "annotations" / f"{item['corpus']}-{item['doc']}.json").read_text("utf-8"))
        text = texts[(item["corpus"], item["doc"])]
        names = {p["name"] for p in record["places"]}
        for place in record["places"]:
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, place
        for flow in record["flows"]:
            assert {flow["origin"], flow["destination"]} <= names, (item, flow)
            assert flow["type"] in TYPES, (item, flow)
            start, end = flow["evidence"]["start"], flow["evidence"]["end"]
            assert 0 <= start < end <= len(text), (item, flow)


def test_the_split_is_the_fixed_rule_s(score):
    import sample as sampling

    for line in (FLOWS / "sample.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        assert item["split"] == sampling.split_of(item["corpus"], item["doc"])


@pytest.mark.parametrize(("folder", "count"), [("probes", 1224), ("heldout-probes", 372)])
def test_every_probe_sentence_names_its_flows_in_the_guide_s_types(folder, count):
    """benchmarks/flows/probes (a development set for phrasing) and heldout-probes (scored, never
    shown): written sentences, each with the flows a careful annotator records (origin, destination
    and type): well formed, in the guide's types, with two distinct ends."""
    cases = [json.loads(line) for path in sorted((FLOWS / folder).glob("*.jsonl")) for line in path.open()]
    assert len(cases) == count
    for case in cases:
        assert case["text"].strip() and isinstance(case["expected"], list)
        for origin, destination, type_ in case["expected"] + case.get("optional", []):
            assert type_ in TYPES and origin and destination and origin != destination


def test_an_optional_flow_drawn_is_neither_right_nor_wrong(tmp_path, gazetteer, syntax_model):
    sys.path.insert(0, str(FLOWS))
    try:
        import probes
    finally:
        sys.path.remove(str(FLOWS))
    text = "Kenya received aid from Japan. Kenyan officials met Chinese envoys in Nairobi."
    plain, doubtful = tmp_path / "plain.jsonl", tmp_path / "doubtful.jsonl"
    plain.write_text(json.dumps({"text": text, "expected": [["Japan", "Kenya", "aid"]]}) + "\n", encoding="utf-8")
    optional = {"text": text, "expected": [["Japan", "Kenya", "aid"]], "optional": [["China", "Kenya", "meeting"]]}
    doubtful.write_text(json.dumps(optional) + "\n", encoding="utf-8")
    n, found, drawn = probes.score(plain, gazetteer, False)
    assert (n, found) == (1, 1) and drawn >= 2  # the meeting is drawn, and counted wrong
    assert probes.score(doubtful, gazetteer, False) == (1, 1, drawn - 1)  # optional: not counted
