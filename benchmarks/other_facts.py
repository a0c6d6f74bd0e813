"""Facts that are no amount (#14 round 18): ranks, growth, shares and other percentages, on real tuning text.

The held-out facts sets score money and user-count facts only, but the facts table also carries a rank ("came in
second"), a growth ("fell 5%"), a share ("59.2% of Coates Brothers") and users read them too. This scores their
subjects on ``benchmarks/newsdev/other-facts-tuning.jsonl``: every such row the pipeline wrote at the round's start on
the 252 news-dev ``dev`` documents no held-out file names and the TempEval-3 documents the tuning files of
``benchmarks/newsdev`` name (held-out ones left out), each read in context and judged by FACTS_BRIEF.md's subject
rule (see its .md). A tuning set: listing its rows (``--dump``) is allowed.

For each judged row the predicted fact of the same span (largest overlap, one-to-one; ``facts_heldout.match``) is
- ``right``  its subject is the judged one, an alias or an alt subject (``facts_heldout.subject_ok``), or both are
  null (a row nobody owns, or not a fact at all: "finished first grade");
- ``wrong``  it names a subject, and not the judged one (also any subject on a row judged to have none);
- ``null``   it names none where the judged row does;
- ``gone``   no fact of that span is written any more (right for a row judged to be no fact, metric ``none``).
Printed: the counts, precision (right / rows with a subject), and both by metric (as written) and by confidence
band; ``new`` counts the rows written on these documents that no judged row covers (to be read and judged).

    python benchmarks/other_facts.py --set otherfacts [--shared ../shared] [--dump rows.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "newsdev"))
sys.path.insert(0, str(REPO / "benchmarks"))
from facts_heldout import BANDS, _jsonl_rows, _tempeval_raw, is_amount, match, run_pipeline, subject_ok  # noqa: E402

OTHERFACTS = REPO / "benchmarks" / "newsdev" / "other-facts-tuning.jsonl"
#: the judged metric of a span that is no fact ("the Top 500", "first grade")
NO_FACT = "none"


def load_otherfacts(shared: Path, tmp: Path, labels: Path = OTHERFACTS) -> list[tuple[Path, dict[str, list[dict]]]]:
    """The judged rows as raw folders (news-dev, TempEval-3), each with its rows grouped by article id."""
    from corpus import article_id_for, load_newsdev, write_raw

    rows = _jsonl_rows([labels])
    parts: list[tuple[Path, dict[str, list[dict]]]] = []
    news = [r for r in rows if r["pool"] == "newsdev"]
    if news:
        docs = load_newsdev(shared)
        wanted = sorted({r["doc_id"] for r in news})
        ids = write_raw([docs[d] for d in wanted], tmp / "raw-otherfacts-newsdev")
        gold: dict[str, list[dict]] = {ids[d]: [] for d in wanted}
        for r in news:
            if docs[r["doc_id"]]["text"][r["start"] : r["end"]] != r["mention_text"]:
                sys.exit(f"judged span does not match the text: {r}")
            gold[article_id_for(r["doc_id"])].append(r)
        parts.append((tmp / "raw-otherfacts-newsdev", gold))
    tempeval = [r for r in rows if r["pool"] == "tempeval"]
    if tempeval:
        listed = [{"suite": s, "doc_id": d} for s, d in sorted({(r["suite"], r["doc_id"]) for r in tempeval})]
        parts.append(_tempeval_raw(shared, tmp / "raw-otherfacts-tempeval", listed, tempeval, "TempEval-3", labels.name))
    return parts


def verdict(gold: dict, pred: dict | None) -> str:
    """right / wrong / null / gone of one judged row against the predicted fact of its span."""
    if pred is None:
        return "right" if gold.get("metric") == NO_FACT else "gone"
    named = pred.get("subject") is not None
    if gold.get("subject") is None:  # nobody's; an alt subject a reader may also name ("the United States" of wages)
        alts = list(gold.get("alt_subjects") or ())
        return "wrong" if named and not (alts and subject_ok({"subject": alts[0], "subject_aliases": alts[1:]}, pred["subject"])) else "right"
    if not named:
        return "null"
    return "right" if subject_ok(gold, pred["subject"]) else "wrong"


def band(conf: Any) -> str:
    c = float(conf or 0.0)
    lo, hi = next((lo, hi) for lo, hi in BANDS if lo <= c < hi)
    return f"{lo:.1f}-{min(hi, 1.0):.1f}"


def score(parts: list[tuple[dict[str, list[dict]], dict[str, list[dict]]]]) -> tuple[list[dict], int]:
    """Judged rows with their predicted row and verdict; and the number of unjudged rows written on these documents."""
    scored: list[dict] = []
    new = 0
    for gold, preds in parts:
        for aid, rows in gold.items():
            others = [p for p in preds.get(aid, []) if not is_amount(p)]
            pairs = {id(g): p for g, p in match(rows, others)}
            matched = {id(p) for p in pairs.values()}
            new += sum(1 for p in others if id(p) not in matched)
            for g in rows:
                p = pairs.get(id(g))
                scored.append({"gold": g, "pred": p, "verdict": verdict(g, p)})
    return scored, new


def _line(label: str, counts: Counter) -> str:
    named = counts["right_named"] + counts["wrong"]
    prec = f"{counts['right_named'] / named:.3f}" if named else "-"
    return (f"  {label:<22} rows {sum(counts[k] for k in ('right', 'wrong', 'null', 'gone')):>3}  right {counts['right']:>3} "
            f"(named {counts['right_named']:>3})  wrong {counts['wrong']:>3}  null {counts['null']:>3}  gone {counts['gone']:>3}"
            f"  precision {prec}")


def report(scored: list[dict], new: int) -> None:
    total: Counter = Counter()
    by_metric: dict[str, Counter] = defaultdict(Counter)
    by_band: dict[str, Counter] = defaultdict(Counter)
    for s in scored:
        v, p = s["verdict"], s["pred"]
        keys = [v] + (["right_named"] if v == "right" and p is not None and p.get("subject") is not None else [])
        for k in keys:
            total[k] += 1
            by_metric[(p or {}).get("metric") or "(gone)"][k] += 1
            if p is not None and p.get("subject") is not None:
                by_band[band(p.get("confidence"))][k] += 1
    print(f"other facts (ranks, growth, shares; judged tuning rows {len(scored)}, unjudged rows written {new})")
    print(_line("all", total))
    print(" by metric (as written):")
    for m in sorted(by_metric):
        print(_line(m, by_metric[m]))
    print(" by confidence band (rows with a subject):")
    for b in sorted(by_band, reverse=True):
        print(_line(b, by_band[b]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("otherfacts",), default="otherfacts")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--labels", type=Path, default=OTHERFACTS, help=argparse.SUPPRESS)
    ap.add_argument("--dump", type=Path, help="write every judged row with its predicted row and verdict (JSONL)")
    args = ap.parse_args()
    import pandas as pd

    results = []
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        for i, (raw, gold) in enumerate(load_otherfacts(args.shared, tmp, args.labels)):
            out = tmp / f"out-{i}"
            run_pipeline(raw, out)
            facts = pd.read_parquet(out / "facts.parquet")
            preds: dict[str, list[dict]] = defaultdict(list)
            for row in facts.astype(object).where(facts.notna(), None).to_dict("records"):  # nulls as None, not NaN
                preds[row["article_id"]].append(row)
            results.append((gold, preds))
    scored, new = score(results)
    report(scored, new)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as handle:
            for s in scored:
                p = s["pred"] or {}
                handle.write(json.dumps({"doc_id": s["gold"]["doc_id"], "start": s["gold"]["start"], "text": s["gold"]["mention_text"],
                                         "judged": s["gold"]["subject"], "subject": p.get("subject"), "metric": p.get("metric"),
                                         "confidence": p.get("confidence"), "rule": p.get("rule"), "verdict": s["verdict"]},
                                        ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
