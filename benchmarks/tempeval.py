"""TempEval-3 Task A on our dates extractor, next to dateparser's search_dates (not part of pytest).

Scores the way TempEval-3 defines them (UzZaman et al. 2013): relaxed extent match (overlap) P/R/F1,
strict extent match F1, and for relaxed-matched pairs type and value accuracy; value F1 (the official
ranking) = relaxed F1 x value accuracy. The published HeidelTime / SUTime figures are printed beside
ours (from the suite's SOURCE.md). dateparser's search_dates runs on the same documents to show why we
never call it on whole articles: its time and its noise.

    python benchmarks/tempeval.py [--shared ../shared] [--set platinum|timebank|aquaint] [--details]

Two runs of ours are printed side by side with the published HeidelTime and SUTime figures: as
``newsfacts extract`` ships (our gold's conventions) and as ``newsfacts extract --timeml``.

Optionally also the Duckling Time and Recognizers-Text DateTime suites (``--peer-suites``): span
recall/precision by overlap and value accuracy where the expected value is a plain date/month/year.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: SOURCE.md, Table 3 of the TE3 paper (platinum set): relaxed F1, P, R, strict F1, value F1
PUBLISHED = {
    "HeidelTime-t": (90.30, 93.08, 87.68, 81.34, 77.61),
    "SUTime": (90.32, 89.36, 91.30, 79.57, 67.38),
    "NavyTime-1,2": (90.32, 89.36, 91.30, 79.57, 70.97),
    "ClearTK-1,2": (90.23, 93.75, 86.96, 82.71, 64.66),
}
TYPES = {"date": "DATE", "duration": "DURATION", "set": "SET", "time": "TIME"}


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    relaxed: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0
    seconds: float = 0.0
    misses: list = field(default_factory=list)

    def add(self, gold: list[dict], pred: list[dict], doc_id: str) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        used: set[int] = set()
        for g in gold:
            match = None
            for i, p in enumerate(pred):
                if i not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                    match = i
                    break
            if match is None:
                self.misses.append((doc_id, "MISS", g["text"], g["value"], None))
                continue
            used.add(match)
            p = pred[match]
            self.relaxed += 1
            self.strict += (p["start"], p["end"]) == (g["start"], g["end"])
            self.type_ok += p.get("type") == g["type"]
            if same_value(p.get("value"), g["value"]):
                self.value_ok += 1
            else:
                self.misses.append((doc_id, "VALUE", g["text"], g["value"], p.get("value")))
        for i, p in enumerate(pred):
            if i not in used:
                self.misses.append((doc_id, "FP", p["text"], None, p.get("value")))

    def row(self) -> dict[str, float]:
        p = self.relaxed / self.pred if self.pred else 0.0
        r = self.relaxed / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        sp = self.strict / self.pred if self.pred else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        strict_f1 = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        return {"relaxed_f1": 100 * f1, "P": 100 * p, "R": 100 * r, "strict_f1": 100 * strict_f1,
                "value_f1": 100 * f1 * value_acc, "value_acc": 100 * value_acc, "type_acc": 100 * type_acc}


def same_value(ours: str | None, gold: str) -> bool:
    """Our values are TIMEX3 except decades: we write 201X where TimeML writes 201."""
    if ours is None:
        return False
    if re.fullmatch(r"\d{3}X", ours):
        ours = ours[:3]
    return ours == gold


def load(shared: Path, name: str) -> list[dict]:
    path = shared / "peer-suites" / "tempeval3" / f"{name}.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def run_ours(docs: list[dict], timeml: bool = False) -> Score:
    """Our dates stage as ``newsfacts extract`` runs it, or with ``--timeml`` (the same Settings field
    the flag and NEWSFACTS_TIMEML set): no rules are edited for the benchmark."""
    from pipeline.extract import Context
    from pipeline.extract.dates import extract
    from pipeline.nlp import build_nlp
    from pipeline.rules import load_rules
    from pipeline.settings import Settings

    settings = Settings.from_env(rules_dir=REPO / "rules", timeml=timeml)
    rules = load_rules(settings.rules_dir)
    nlp = build_nlp(settings.model, rules)
    score = Score()
    spacy_seconds = 0.0
    for d in docs:
        t0 = time.perf_counter()
        doc = nlp(d["text"])
        t1 = time.perf_counter()
        rows = extract(doc, Context(d["doc_id"], date.fromisoformat(d["dct"]), rules, settings), {})
        score.seconds += time.perf_counter() - t1
        spacy_seconds += t1 - t0
        pred = [{"start": r["start"], "end": r["end"], "text": d["text"][r["start"]:r["end"]], "value": r["value"],
                 "type": TYPES.get(r["type"])} for r in rows]
        score.add(d["timexes"], pred, d["doc_id"])
    print(f"  (spaCy parse {spacy_seconds:.2f}s, shared with every extractor; dates extractor {score.seconds:.2f}s)")
    return score


def run_search_dates(docs: list[dict]) -> Score:
    """dateparser.search_dates over each whole document (languages=['en'], RELATIVE_BASE = DCT)."""
    from datetime import datetime

    from dateparser.search import search_dates

    from pipeline.extract.dates import normalise_with_dateparser

    score = Score()
    for d in docs:
        dct = date.fromisoformat(d["dct"])
        t0 = time.perf_counter()
        found = search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day), "RETURN_TIME_AS_PERIOD": True}) or []
        score.seconds += time.perf_counter() - t0
        pred, cursor = [], 0
        for text, _ in found:  # no offsets are returned: find each substring in order
            start = d["text"].find(text, cursor)
            if start < 0:
                start = d["text"].find(text)
            if start < 0:
                continue
            cursor = start + len(text)
            read = normalise_with_dateparser(text, dct)
            pred.append({"start": start, "end": start + len(text), "text": text, "value": read.value if read else None, "type": "DATE"})
        score.add(d["timexes"], pred, d["doc_id"])
    return score


def run_peer_suite(path: Path) -> None:
    """Duckling / Recognizers-Text time cases: overlap span P/R and value accuracy on plain date values."""
    from pipeline.extract import Context
    from pipeline.extract.dates import extract
    from pipeline.nlp import build_nlp
    from pipeline.rules import load_rules
    from pipeline.settings import Settings

    settings = Settings.from_env(rules_dir=REPO / "rules", timeml=True)  # as `newsfacts extract --timeml`
    rules = load_rules(settings.rules_dir)
    nlp = build_nlp(settings.model, rules)
    cases = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    gold = pred = hit = comparable = value_ok = 0
    # times of day (our `time` rows) against the suite's time-like cases: scored apart, so that the date-like figure
    # stays what it was before the table had times
    t_gold = t_pred = t_hit = t_pred_hit = 0
    t0 = time.perf_counter()
    for case in cases:
        ref = date.fromisoformat(case["reference_date"][:10]) if case.get("reference_date") else None
        rows = extract(nlp(case["text"]), Context(case["id"], ref, rules, settings), {})
        expected = [e for e in case["expected"] if e["type"] in ("date", "daterange", "duration", "set")]
        times = [e for e in case["expected"] if e["type"] in ("time", "timerange", "datetime", "datetimerange")]
        ours_t = [r for r in rows if r["type"] == "time"]
        t_gold += len(times)
        t_pred += len(ours_t)
        t_hit += sum(any(r["start"] < e["end"] and e["start"] < r["end"] for r in ours_t) for e in times)
        t_pred_hit += sum(any(r["start"] < e["end"] and e["start"] < r["end"] for e in times) for r in ours_t)
        rows = [r for r in rows if r["type"] != "time"]
        gold += len(expected)
        pred += len(rows)
        for e in expected:
            match = next((r for r in rows if r["start"] < e["end"] and e["start"] < r["end"]), None)
            if match is None:
                continue
            hit += 1
            value = e.get("value")
            if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
                comparable += 1
                value_ok += match["value"] == value
    seconds = time.perf_counter() - t0
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    print(f"{path.parent.name}/{path.name}: {len(cases)} cases, date-like expected {gold}: overlap P {100 * p:.1f} R {100 * r:.1f}; "
          f"value acc on plain dates {value_ok}/{comparable}; {seconds:.1f}s")
    print(f"  times of day: time-like expected {t_gold}, our time rows {t_pred}: overlap P "
          f"{100 * t_pred_hit / t_pred if t_pred else 0.0:.1f} R {100 * t_hit / t_gold if t_gold else 0.0:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder holding peer-suites/ (default: ../shared)")
    parser.add_argument("--set", default="platinum", choices=("platinum", "timebank", "aquaint"))
    parser.add_argument("--details", action="store_true", help="print every miss, value error and false positive of ours")
    parser.add_argument("--no-search-dates", action="store_true", help="skip dateparser's search_dates")
    parser.add_argument("--peer-suites", action="store_true", help="also run the Duckling Time and Recognizers-Text DateTime suites")
    args = parser.parse_args()
    try:
        docs = load(args.shared, args.set)
    except OSError as exc:
        raise SystemExit(f"TempEval-3 suite not found under {args.shared} ({exc}); pass --shared") from None
    print(f"TempEval-3 {args.set}: {len(docs)} documents, {sum(len(d['timexes']) for d in docs)} gold TIMEX3")
    # TimeML labels vague references ("now" PRESENT_REF, "recent years" PXY) and writes "fiscal 1989" as
    # 1989; our gold does not (no vague rows, FY1989): show the default run and the --timeml run.
    results = {"newsfacts (default)": run_ours(docs), "newsfacts --timeml": run_ours(docs, timeml=True)}
    if not args.no_search_dates:
        results["dateparser search_dates"] = run_search_dates(docs)
    header = f"{'system':26} {'relaxF1':>7} {'P':>6} {'R':>6} {'strictF1':>8} {'valueF1':>7} {'valAcc':>6} {'typeAcc':>7} {'seconds':>7}"
    print(header)
    for name, score in results.items():
        r = score.row()
        print(f"{name:26} {r['relaxed_f1']:7.2f} {r['P']:6.2f} {r['R']:6.2f} {r['strict_f1']:8.2f} {r['value_f1']:7.2f} {r['value_acc']:6.1f} {r['type_acc']:7.1f} {score.seconds:7.2f}")
    if args.set == "platinum":
        for name, (f1, p, r, strict, value) in PUBLISHED.items():
            print(f"{name + ' (published)':26} {f1:7.2f} {p:6.2f} {r:6.2f} {strict:8.2f} {value:7.2f} {100 * value / f1:6.1f} {'n/a':>7} {'':>7}")
    if args.details:
        for miss in results["newsfacts --timeml"].misses:
            print(*miss, sep=" | ")
    if args.peer_suites:
        for rel in ("duckling/time.jsonl", "recognizers-text/datetime.jsonl"):
            path = args.shared / "peer-suites" / rel
            if path.exists():
                run_peer_suite(path)
            else:
                print(f"{rel}: not found under {args.shared}, skipped")


if __name__ == "__main__":
    main()
