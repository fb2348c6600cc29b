"""Flow precision and recall on short texts of our own (benchmarks/event_texts.jsonl).

    python benchmarks/events.py [--show]

Each line: a text, an optional document date, and the flows it asserts (or negates or supposes):
[type, origin, destination, modality, date]. A predicted event is right when its type, ends (by
place name; either order for undirected types) and modality match an expected flow; dates are
scored over the matched flows. The seed article's flows are checked by tests/test_events.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geomap.document import extract
from geomap.events import load_lexicon
from geomap.gazetteer import load_gazetteer

HERE = Path(__file__).resolve().parent


def flows(doc) -> list[tuple]:
    names = {p.place.id: p.place.name for p in doc.places}
    out = []
    for e in doc.events:
        ends = (names.get(e.origin), names.get(e.destination))
        out.append((e.type, *(ends if e.directed else sorted(ends)), e.modality, e.date))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=HERE / "event_texts.jsonl")
    parser.add_argument("--show", action="store_true", help="print every mistake")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    predicted_n = expected_n = right = dated = dates_right = 0
    for line in args.texts.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        doc = extract(case["text"], date=case.get("date"), gazetteer=gazetteer)
        got = flows(doc)
        expected = []
        for type_, origin, destination, modality, date in case["flows"]:
            directed = load_lexicon().types[type_].directed
            ends = (origin, destination) if directed else tuple(sorted((origin, destination)))
            expected.append((type_, *ends, modality, date))
        predicted_n += len(got)
        expected_n += len(expected)
        matched = []
        for e in expected:
            hit = next((g for g in got if g[:4] == e[:4] and g not in matched), None)
            if hit is not None:
                matched.append(hit)
                right += 1
                if e[4] is not None:
                    dated += 1
                    dates_right += hit[4] == e[4]
                    if args.show and hit[4] != e[4]:
                        print(f"DATE    {e} got {hit[4]}  | {case['text']}")
            elif args.show:
                print(f"MISSED  {e}  | {case['text']}")
        if args.show:
            for g in got:
                if g not in matched:
                    print(f"EXTRA   {g}  | {case['text']}")
    p = right / predicted_n if predicted_n else 0.0
    r = right / expected_n if expected_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"flows: expected {expected_n}, predicted {predicted_n}, right {right}")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  dates right {dates_right}/{dated}")


if __name__ == "__main__":
    main()
