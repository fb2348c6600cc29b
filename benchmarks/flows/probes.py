"""Written probe sentences: how many of their flows the syntax reader draws, ends only.

    python benchmarks/flows/probes.py [--show | --heldout]

Helpers each wrote one set in the style of a kind of reporting and annotated it by
../shared/events/ANNOTATION.md, without seeing the real-news sample or the reader's code: four
first (wire-service travel, local news travel, trade and shipping, conflict and diplomacy), four
more later (outbreak reporting, local crime and courts, world affairs, sports and business), and
three sets of passages of three to seven sentences (`reports-*`: world news, people on the move,
local news) whose flows' ends are spread over sentences, as real reports' are. They are written to
find what the reader misses, and the sessions that had them wrote mechanisms for what they showed:
a development set for phrasing, not a test. Two more helpers wrote `heldout-probes/`, a mix of
all those kinds of reporting (`mixed`, sentences; `reports`, passages): `--heldout` scores them,
and they are never shown, so that they measure whether mechanisms made for the other sets carry
to new text.

A third held-out set, `heldout-probes/passages.jsonl` (150 passages of one to five sentences, a
fifth with no flow), was written by a helper as a fair sample of news, not aimed at any mechanism;
its lines may list `optional` flows, defensible but doubtful, which count neither as drawn nor as
expected.

A flow is found when a drawn arrow has its two ends (by place name, accents and case aside, or a
gazetteer name the expected name may stand for; either way round for a meeting); `--show` lists
the sentences whose flows are not all found, or that draw a flow none expects.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent / "probes"
HELDOUT = Path(__file__).resolve().parent / "heldout-probes"


def key(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def score(path: Path, gazetteer, show: bool) -> tuple[int, int, int]:
    from geomap.document import extract

    def names(name: str) -> set[str]:
        """The name, and the gazetteer's names of the places it may be ('Cologne' is Köln)."""
        return {key(name), *(key(p.name) for p in gazetteer.candidates(name))}

    expected_n = found = drawn = 0
    for line in path.open(encoding="utf-8"):
        case = json.loads(line)
        doc = extract(case["text"], gazetteer=gazetteer, reader="syntax")
        by_id = {p.place.id: p.place.name for p in doc.places}
        arrows = {(key(by_id[e.origin]), key(by_id[e.destination])) for e in doc.events
                  if e.asserted and e.origin and e.destination and e.origin != e.destination}  # fmt: skip
        expected = [(names(o), names(d), t) for o, d, t in case["expected"]]
        optional = [(names(o), names(d), t) for o, d, t in case.get("optional", [])]

        def fits(arrow: tuple[str, str], flow: tuple[set[str], set[str], str]) -> bool:
            o, d, t = flow
            return (arrow[0] in o and arrow[1] in d) or (t == "meeting" and arrow[1] in o and arrow[0] in d)

        hits = [any(fits(a, flow) for a in arrows) for flow in expected]
        extra = [a for a in arrows if not any(fits(a, flow) for flow in expected)]
        doubtful = [a for a in extra if any(fits(a, flow) for flow in optional)]  # neither right nor wrong
        expected_n, found = expected_n + len(expected), found + sum(hits)
        drawn += len(arrows) - len(doubtful)
        if show and (not all(hits) or extra):
            print(f"  {case['text'][:110]}\n    expected {case['expected']}\n    drawn    {sorted(arrows)}")
    return expected_n, found, drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--heldout", action="store_true", help="score the held-out set instead (never --show it)")
    args = parser.parse_args()
    if args.heldout and args.show:
        parser.error("the held-out set is scored, never shown: what it misses must not steer the rules")
    from geomap.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    total = [0, 0, 0]
    for path in sorted((HELDOUT if args.heldout else HERE).glob("*.jsonl")):
        n, found, drawn = score(path, gazetteer, args.show)
        total = [total[0] + n, total[1] + found, total[2] + drawn]
        print(f"{path.stem:<14} flows {n:>4}  found {found:>4}  drawn {drawn:>4}  "
              f"P {found / max(drawn, 1):.3f}  R {found / max(n, 1):.3f}")  # fmt: skip
    n, found, drawn = total
    print(f"{'all':<14} flows {n:>4}  found {found:>4}  drawn {drawn:>4}  "
          f"P {found / max(drawn, 1):.3f}  R {found / max(n, 1):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
