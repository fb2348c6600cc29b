"""Score geomap's flows against the hand-annotated real-news set (benchmarks/flows/annotations).

The annotations follow ../shared/events/ANNOTATION.md and point into the corpus texts of
../shared/geoparse-corpora by (corpus, doc): no text is copied here. Predicted flows (asserted
events with both ends) are matched to gold flows one to one on (origin, destination): both ends
the same place (the same country for countries, within 161 km for towns, the same name or within
500 km for regions and seas), in the gold direction unless the gold flow is undirected. Reported
per split (dev: tuned on; test: never tuned on): precision, recall and F1; type and date accuracy
over the matched pairs; the same match at country level; and, for articles with no gold flow,
how many draw no arrow. A naive baseline is scored beside geomap: every ordered pair of places in
a sentence that has an event or movement word.

    python benchmarks/flows/score.py                 # both splits: the rules and syntax readers, the baseline
    python benchmarks/flows/score.py --split dev -v  # and every miss and false alarm of dev
    python benchmarks/flows/score.py --split dev --reader syntax -v  # one reader
    python benchmarks/flows/score.py --batch 4   # only the articles of batch 4 (sample.py)
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from geopy.distance import great_circle

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parents[2] / "shared" / "geoparse-corpora"


@dataclass(frozen=True)
class End:
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float


@dataclass(frozen=True)
class Flow:
    origin: End
    destination: End
    type: str
    date: str | None
    directed: bool
    evidence: str = ""


def same_place(a: End, b: End) -> bool:
    """The annotation guide's rule: countries by country, towns within 161 km, areas by name or 500 km."""
    if "country" in (a.kind, b.kind):
        return a.kind == b.kind and a.country == b.country
    km = great_circle((a.lat, a.lon), (b.lat, b.lon)).km
    if a.kind == "city" and b.kind == "city":
        return km <= 161
    return a.name.lower() == b.name.lower() or km <= 500 or (b.kind == "city" and km <= 161)


def as_countries(flow: Flow) -> Flow:
    def country(end: End) -> End:
        return End(end.country or end.name, "country", end.country or end.name, end.lat, end.lon)

    return Flow(country(flow.origin), country(flow.destination), flow.type, flow.date, flow.directed, flow.evidence)


def matches(pred: Flow, gold: Flow) -> bool:
    forward = same_place(pred.origin, gold.origin) and same_place(pred.destination, gold.destination)
    backward = same_place(pred.origin, gold.destination) and same_place(pred.destination, gold.origin)
    return forward or (backward and not gold.directed)


def match(predicted: list[Flow], gold: list[Flow], *, either_way: bool = False) -> list[tuple[Flow, Flow]]:
    """One-to-one pairs, greedily: each gold flow takes the first unmatched prediction that fits,
    preferring one of the same type (`either_way`: the ends in either direction)."""
    free = list(predicted)
    pairs = []
    for g in gold:
        fitting = [p for p in free if matches(p, replace(g, directed=False) if either_way else g)]
        if fitting:
            best = next((p for p in fitting if p.type == g.type), fitting[0])
            free.remove(best)
            pairs.append((best, g))
    return pairs


# --- Gold and predictions ---------------------------------------------------------------------------


def load_texts() -> dict[tuple[str, str], str]:
    texts = {}
    for corpus in ("geowebnews", "tr-news", "geovirus", "lgl"):
        for line in (CORPORA / corpus / "gold.jsonl").open(encoding="utf-8"):
            article = json.loads(line)
            texts[(corpus, str(article["id"]))] = article["text"]
    return texts


def load_gold() -> list[tuple[dict, list[Flow]]]:
    """(sample item, gold flows) for every annotated article of sample.jsonl."""
    out = []
    for line in (HERE / "sample.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        path = HERE / "annotations" / f"{item['corpus']}-{item['doc']}.json"
        if not path.exists():
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        places = {p["name"]: End(p["name"], p["kind"], p.get("country"), p["lat"], p["lon"]) for p in record["places"]}
        flows = [
            Flow(places[f["origin"]], places[f["destination"]], f["type"], f.get("date"), f.get("directed", True))
            for f in record["flows"]
        ]
        out.append((item | {"date": record.get("date")}, flows))
    return out


def _end(place) -> End:
    return End(place.name, place.kind, place.country, place.lat, place.lon)


def geomap_flows(text: str, date: str | None, gazetteer, **options) -> list[Flow]:
    from geomap.document import extract

    doc = extract(text, date=date, gazetteer=gazetteer, **options)
    by_id = {fp.place.id: fp.place for fp in doc.places}
    return [
        Flow(_end(by_id[e.origin]), _end(by_id[e.destination]), e.type, e.date, e.directed,
             e.evidence[0].text if e.evidence else "")
        for e in doc.events
        if e.asserted and e.origin and e.destination and e.origin != e.destination
    ]  # fmt: skip


def baseline_flows(text: str, date: str | None, gazetteer) -> list[Flow]:
    """Every ordered pair of places named in one sentence that has an event or movement word."""
    from geomap.document import extract
    from geomap.events import load_lexicon

    lexicon = load_lexicon()
    words = {t.lower() for spec in lexicon.types.values() for t in spec.triggers} | set(lexicon.movement)
    doc = extract(text, date=date, gazetteer=gazetteer, reader="rules")
    mentions = sorted((m.start, fp.place) for fp in doc.places for m in fp.mentions)
    flows = []
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", text):
        if not set(re.findall(r"[a-z]+", sentence.group().lower())) & words:
            continue
        inside = list(dict.fromkeys(p for start, p in mentions if sentence.start() <= start < sentence.end()))
        flows += [Flow(_end(a), _end(b), "other", None, True, sentence.group()) for a, b in itertools.pairwise(inside)]
    return flows


# --- Figures --------------------------------------------------------------------------------------


def figures(results: Iterable[tuple[list[Flow], list[Flow]]]) -> dict[str, float | int]:
    results = list(results)
    tp = n_pred = n_gold = type_ok = date_ok = dated = 0
    ctp = loose = 0
    quiet = empty = 0
    for predicted, gold in results:
        pairs = match(predicted, gold)
        tp += len(pairs)
        n_pred += len(predicted)
        n_gold += len(gold)
        type_ok += sum(p.type == g.type for p, g in pairs)
        dated += sum(g.date is not None for _, g in pairs)
        date_ok += sum(g.date is not None and p.date == g.date for p, g in pairs)
        loose += len(match(predicted, gold, either_way=True))
        ctp += len(match([as_countries(p) for p in predicted], [as_countries(g) for g in gold]))
        if not gold:
            empty += 1
            quiet += not predicted

    def prf(hits: int) -> tuple[float, float, float]:
        p = hits / n_pred if n_pred else 0.0
        r = hits / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(tp)
    cp, cr, cf = prf(ctp)
    return {
        "articles": len(results), "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
        "type_accuracy": round(type_ok / tp, 3) if tp else None,
        "date_accuracy": round(date_ok / dated, 3) if dated else None,
        # of the flows whose two ends were found, in either direction: how many point the gold way
        "direction_accuracy": round(tp / loose, 3) if loose else None,
        "country_precision": round(cp, 3), "country_recall": round(cr, 3), "country_f1": round(cf, 3),
        "no_flow_articles": empty, "no_flow_articles_quiet": quiet,
    }  # fmt: skip


def run(
    readers: dict[str, Callable[..., list[Flow]]], splits: list[str], verbose: bool, batches: set[int] | None = None
) -> dict[str, dict[str, dict]]:
    from geomap.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    texts = load_texts()
    gold = load_gold()
    report: dict[str, dict[str, dict]] = {}
    for split in splits:
        chosen = [(item, flows) for item, flows in gold
                  if item["split"] == split and (batches is None or item["batch"] in batches)]  # fmt: skip
        report[split] = {}
        for name, reader in readers.items():
            results = []
            for item, flows in chosen:
                predicted = reader(texts[(item["corpus"], item["doc"])], item["date"], gazetteer)
                results.append((predicted, flows))
                if verbose and name != "baseline":
                    _show(item, predicted, flows, name)
            report[split][name] = figures(results)
    return report


def _show(item: dict, predicted: list[Flow], gold: list[Flow], reader: str) -> None:
    pairs = match(predicted, gold)
    hit_p = {id(p) for p, _ in pairs}
    hit_g = {id(g) for _, g in pairs}
    name = f"{reader:<6} {item['corpus']}-{item['doc']}"
    for p, g in pairs:
        if p.type != g.type:
            print(f"{name}  TYPE   {g.origin.name} -> {g.destination.name}: {p.type} for {g.type}")
    for g in gold:
        if id(g) not in hit_g:
            print(f"{name}  MISS   {g.origin.name} -> {g.destination.name} ({g.type})")
    for p in predicted:
        if id(p) not in hit_p:
            print(f"{name}  FALSE  {p.origin.name} -> {p.destination.name} ({p.type}): {p.evidence[:110]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument(
        "--reader",
        choices=["all", "rules", "syntax", "baseline"],
        default="all",
        help="score one reader (default: all three)",
    )
    parser.add_argument("--batch", help="score only these batches of sample.jsonl, e.g. 4 or 1,2,3")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    readers = {
        "rules": functools.partial(geomap_flows, reader="rules"),
        "syntax": functools.partial(geomap_flows, reader="syntax"),
        "baseline": baseline_flows,
    }
    chosen = readers if args.reader == "all" else {args.reader: readers[args.reader]}
    batches = {int(b) for b in args.batch.split(",")} if args.batch else None
    report = run(chosen, splits, args.verbose, batches)
    for split, by_reader in report.items():
        for name, f in by_reader.items():
            print(
                f"{split:<5} {name:<9} P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f}  "
                f"type {f['type_accuracy']}  direction {f['direction_accuracy']}  date {f['date_accuracy']}  "
                f"country F1 {f['country_f1']:.3f}  "
                f"({f['articles']} articles, {f['gold']} gold, {f['predicted']} drawn; "
                f"{f['no_flow_articles_quiet']}/{f['no_flow_articles']} no-flow articles quiet)"
            )
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
