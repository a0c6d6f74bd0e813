"""Facts found with subject + value whose metric or period the scorer calls wrong (issue #14, the other two fields).

For the TUNING sets only (the held-out sets refuse: their errors are never read). Runs the pipeline on each set as
``facts_heldout.py`` does, compares every matched fact with the scorer's own functions (``same_metric``,
``same_period``: periods as intervals across grains, metrics in the labels' vocabulary), and lists the facts right
at subject + value whose metric or period is off, with the sentence around the amount.

``--dump FILE`` writes every predicted amount row with its gold match (JSON lines); ``--diff OLD NEW`` lists the
rows whose metric or period differs between two dumps, with the gold verdict before and after: the rows a rule
change moved, to be read one by one.

    python benchmarks/facts_fields.py [--shared ../shared] [--set tuning|timebank|...] [--dump out.jsonl]
    python benchmarks/facts_fields.py --diff before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "newsdev"))

import facts_heldout as fh  # noqa: E402

#: the tuning sets of ``facts_heldout.py --set tuning``, by the short name used here
TUNING_SETS = ("gold", "timebank", "aquaint", "tempeval", "written", "written2", "written3", "wsj-tuning", "wsj2-tuning",
               "dev", "retired")


def load(name: str, shared: Path, tmp: Path) -> tuple[Path, dict[str, list[dict]]]:
    """One tuning set as (raw folder, gold rows per article), through facts_heldout's loaders."""
    if name == "gold":
        return fh.load_gold_articles()
    if name == "timebank":
        return fh.load_timebank(shared, tmp)
    if name == "aquaint":
        return fh.load_timebank(shared, tmp, fh.AQUAINT, "aquaint")
    if name == "tempeval":
        return fh.load_tempeval(shared, tmp, fh.TEMPEVAL_TUNING_IDS, fh.TEMPEVAL_TUNING, "tempeval")
    if name == "written":
        return fh.load_written(tmp)
    if name == "written2":
        return fh.load_written(tmp, fh.WRITTEN2_TEXTS, fh.WRITTEN2)
    if name == "written3":
        return fh.load_written(tmp, fh.WRITTEN3_TEXTS, fh.WRITTEN3)
    if name == "wsj-tuning":
        return fh.load_wsj(shared, tmp, "tuning", fh.WSJ_TUNING)
    if name == "wsj2-tuning":
        return fh.load_wsj(shared, tmp, "tuning", fh.WSJ2_TUNING, fh.WSJ2_IDS)
    if name == "dev":
        return fh.load_heldout(shared, tmp, fh.DEV, json.loads(fh.DEV_IDS.read_text(encoding="utf-8")))
    if name == "retired":
        from corpus import load_split

        return fh.load_heldout(shared, tmp, fh.HELDOUT, [d for d in load_split()["facts"] if fh.retired(d)])
    sys.exit(f"not a tuning set: {name}")


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (split at ". " / newlines, good enough to read), the amount in [brackets]."""
    lo = max(text.rfind("\n", 0, start), *(m.end() - 1 for m in re.finditer(r"[.!?]\s+(?=[A-Z\"'])", text[:start])), -1) + 1
    hi_m = re.search(r"[.!?](?=\s+[A-Z\"']|\s*$)|\n", text[end:])
    hi = end + (hi_m.end() if hi_m else len(text) - end)
    return (text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]).strip().replace("\n", " ")


def rows_of(name: str, shared: Path, tmp: Path) -> list[dict]:
    """Every predicted amount row of one set with its gold match and the scorer's verdicts."""
    import pandas as pd

    raw, gold = load(name, shared, tmp)
    out = tmp / f"out-{name}"
    fh.run_pipeline(raw, out)
    facts = pd.read_parquet(out / "facts.parquet")
    facts = facts.astype(object).where(facts.notna(), None)
    preds: dict[str, list[dict]] = defaultdict(list)
    for row in facts.to_dict("records"):
        preds[row["article_id"]].append(row)
    rows = []
    for aid, g_rows in gold.items():
        text = (raw / f"{aid}.txt").read_text(encoding="utf-8-sig")
        p_rows = [p for p in preds.get(aid, []) if fh.is_amount(p)]
        matched = {id(p): g for g, p in fh.match(g_rows, p_rows)}
        for p in p_rows:
            g = matched.get(id(p)) or {}
            sv = bool(g.get("subject")) and fh.subject_ok(g, p.get("subject")) and fh.value_ok(g, p.get("value"))
            rows.append({
                "set": name, "article": aid, "start": int(p["start"]), "end": int(p["end"]), "text": p.get("text"),
                "subject": p.get("subject"), "metric": p.get("metric"), "metric_text": p.get("metric_text"),
                "period": p.get("period"), "period_source": p.get("period_source"), "sv": sv,
                "gold_metric": g.get("metric"), "gold_metric_text": g.get("metric_text"), "gold_period": g.get("period"),
                "gold_period_text": g.get("period_text"),
                "metric_ok": bool(g) and fh.same_metric(p.get("metric"), g.get("metric")),
                "period_ok": bool(g) and fh.same_period(p.get("period"), g.get("period"), fh._bounds(p)),
                "sentence": sentence(text, int(p["start"]), int(p["end"])),
            })
    return rows


def show(r: dict) -> str:
    marks = []
    if not r["metric_ok"]:
        marks.append(f"metric {r['metric']} ({r['metric_text']!r}) gold {r['gold_metric']} ({r['gold_metric_text']!r})")
    if not r["period_ok"]:
        marks.append(f"period {r['period']} ({r['period_source']}) gold {r['gold_period']} ({r['gold_period_text']!r})")
    return f"  {r['set']} {r['article']} {r['text']!r} {r['subject']!r}: " + "; ".join(marks) + f"\n      {r['sentence']}"


def diff(old: Path, new: Path) -> None:
    """The rows whose metric or period differs between two dumps, with the verdict before -> after."""
    key = lambda r: (r["set"], r["article"], r["start"], r["end"])  # noqa: E731
    before = {key(r): r for r in map(json.loads, old.read_text(encoding="utf-8").splitlines())}
    after = {key(r): r for r in map(json.loads, new.read_text(encoding="utf-8").splitlines())}
    gained = lost = 0
    for k in sorted(set(before) | set(after), key=str):
        a, b = before.get(k), after.get(k)
        if a is None or b is None:
            print(f"  ROW {'NEW' if a is None else 'GONE'} {k}")
            continue
        if a["sv"] != b["sv"] or a["subject"] != b["subject"]:
            print(f"  SUBJECT/VALUE MOVED {k}: {a['subject']!r} -> {b['subject']!r}")
        if (a["metric"], a["period"]) == (b["metric"], b["period"]):
            continue
        ok_a, ok_b = a["metric_ok"] and a["period_ok"], b["metric_ok"] and b["period_ok"]
        gained += ok_b and not ok_a and b["sv"]
        lost += ok_a and not ok_b and b["sv"]
        verdict = "RIGHT" if ok_a == ok_b and ok_b else "FIXED" if ok_b else "BROKEN" if ok_a else "still wrong"
        print(f"  {verdict:11} {k[0]} {k[1]} {b['text']!r} sv={b['sv']}: metric {a['metric']} -> {b['metric']}, "
              f"period {a['period']} -> {b['period']} (gold {b['gold_metric']}, {b['gold_period']})\n      {b['sentence']}")
    print(f"\nall four right, rows with subject + value: +{gained} / -{lost}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=fh.REPO.parent / "shared")
    ap.add_argument("--set", default="tuning", help="tuning (every tuning set) or one of: " + ", ".join(TUNING_SETS))
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--diff", type=Path, nargs=2, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    names = TUNING_SETS if args.set == "tuning" else tuple(args.set.split(","))
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        for name in names:
            rows += rows_of(name, args.shared, Path(tmp_name))
    if args.dump:
        args.dump.write_text("".join(json.dumps(r, default=str) + "\n" for r in rows), encoding="utf-8")
    off = [r for r in rows if r["sv"] and not (r["metric_ok"] and r["period_ok"])]
    for r in off:
        print(show(r))
    counts = Counter((r["set"], "metric" if not r["metric_ok"] else "", "period" if not r["period_ok"] else "") for r in off)
    print("\nfound with subject + value, fields off, by set:")
    for name in names:
        print(f"  {name:12} metric only {counts[(name, 'metric', '')]:3d}  period only {counts[(name, '', 'period')]:3d}  "
              f"both {counts[(name, 'metric', 'period')]:3d}")


if __name__ == "__main__":
    main()
