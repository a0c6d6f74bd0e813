"""Held-out numbers benchmark: the pipeline on newswire documents it was not tuned on.

Three gold files live in ``benchmarks/heldout/`` (see the README there: selection rule, conventions,
decisions, frozen sha256): ``timebank-numbers.jsonl`` (12 WSJ documents; used for fixes on 2026-11-23,
now a regression set, the default), ``aquaint-numbers.jsonl`` (16 AP/NYT/Xinhua documents) and
``platinum-numbers.jsonl`` (all 20 documents of the TempEval-3 platinum test set, the third set; it
labels every document of its suite, so documents without a mention are run and scored too, and
whatever is extracted from them is a false positive). The texts are not in the repository: they are
read from a shared TempEval-3 suite (``<shared>/peer-suites/tempeval3/<suite>.jsonl``; the suite is
``--suite`` or inferred from the gold file's name) and written to a temporary raw folder (article_id = doc_id, published = the document
creation date), the whole pipeline runs on it, and the tables are scored with the matching and scoring
functions of ``pipeline/validate.py`` (same article, overlapping span, one-to-one; value compared on
matched spans). Not part of pytest.

    python benchmarks/heldout.py [--gold FILE] [--suite timebank|aquaint|platinum] [--shared ../shared] [--details] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: gold files still held out (TempEval-3 platinum, never tuned on): their misses and false positives are never listed
HELD_OUT_GOLD = frozenset({"platinum-numbers.jsonl"})
GOLD = REPO / "benchmarks" / "heldout" / "timebank-numbers.jsonl"
#: suite name -> (JSONL file under <shared>, source label for the raw manifest)
SUITES = {
    "timebank": (Path("peer-suites") / "tempeval3" / "timebank.jsonl", "TempEval-3 TimeBank"),
    "aquaint": (Path("peer-suites") / "tempeval3" / "aquaint.jsonl", "TempEval-3 AQUAINT"),
    "platinum": (Path("peer-suites") / "tempeval3" / "platinum.jsonl", "TempEval-3 platinum"),
}
#: suites whose gold file labels every document (not a selection): all of them are run and scored,
#: those without gold rows with an empty gold list, so their false positives count
WHOLE_SUITES = frozenset({"platinum"})
#: the number types this gold file labels (dates and facts are out of its scope)
KINDS = ("money", "percent", "multiplier", "count", "rank", "user_count")


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold rows per doc_id, each checked by validate's own line checker and tagged with article_id."""
    from pipeline.validate import read_gold_file

    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_gold_file(path):
        gold[row["doc_id"]].append({**row, "article_id": row["doc_id"]})
    return dict(gold)


def suite_for(gold: Path, chosen: str | None) -> str:
    """The suite holding the gold file's texts: the one asked for, else the one its name starts with.

    Gold files are named ``<suite>-numbers.jsonl``, so the default gold file keeps reading TimeBank;
    a name that names no suite falls back to TimeBank, the suite of the first gold file.
    """
    if chosen:
        return chosen
    prefix = gold.name.split("-", 1)[0].lower()
    return prefix if prefix in SUITES else "timebank"


def load_docs(shared: Path, doc_ids: set[str] | None, suite_name: str = "timebank") -> dict[str, dict[str, Any]]:
    """The suite's documents with these ids (all of them when ``doc_ids`` is None); a missing id fails."""
    suite = shared / SUITES[suite_name][0]
    if not suite.is_file():
        sys.exit(f"{suite}: {SUITES[suite_name][1]} suite not found (pass --shared)")
    docs = {}
    with suite.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            if doc_ids is None or doc["doc_id"] in doc_ids:
                docs[doc["doc_id"]] = doc
    missing = (doc_ids or set()) - set(docs)
    if missing:
        sys.exit(f"{suite}: documents missing: {sorted(missing)}")
    return docs


def docs_in_scope(gold: dict[str, list[dict]], shared: Path, suite_name: str) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Gold and texts of the documents to score: the gold's own documents, or for a whole-suite gold
    file every document of the suite (an empty gold list where nothing is labelled), so that false
    positives on mention-free documents are not silently dropped."""
    if suite_name not in WHOLE_SUITES:
        return gold, load_docs(shared, set(gold), suite_name)
    docs = load_docs(shared, None, suite_name)
    stray = set(gold) - set(docs)
    if stray:
        sys.exit(f"gold documents not in the {suite_name} suite: {sorted(stray)}")
    return {doc_id: gold.get(doc_id, []) for doc_id in docs}, docs


def check_offsets(gold: dict[str, list[dict]], docs: dict[str, dict]) -> None:
    """The gold spans must still be exact in the texts read at run time (a changed suite fails loudly)."""
    bad = [r for rows in gold.values() for r in rows if docs[r["doc_id"]]["text"][r["start"] : r["end"]] != r["text"]]
    if bad:
        sys.exit(f"{len(bad)} gold span(s) do not match the suite's texts, e.g. {bad[0]}")


def write_raw(docs: dict[str, dict], raw: Path, source: str = SUITES["timebank"][1]) -> None:
    """One <doc_id>.txt per document (bytes as in the JSONL, newlines untouched) and a manifest."""
    raw.mkdir(parents=True)
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "path", "title", "published", "source", "url", "language"])
        for doc_id, doc in sorted(docs.items()):
            (raw / f"{doc_id}.txt").write_bytes(doc["text"].encode("utf-8"))
            writer.writerow([doc_id, f"{doc_id}.txt", "", doc["dct"], source, "", "en"])


def run_pipeline(raw: Path, out: Path) -> float:
    from pipeline.run import run
    from pipeline.settings import Settings

    settings = Settings(rules_dir=REPO / "rules", raw_dir=raw).validated()
    summary = run(replace(settings, out_dir=out, incremental=False))
    if summary.errors:
        sys.exit(f"pipeline rejected articles: {summary.errors}")
    if summary.articles != len(list(raw.glob("*.txt"))):
        sys.exit(f"pipeline processed {summary.articles} articles, expected {len(list(raw.glob('*.txt')))}")
    return summary.seconds


def describe(row: dict, gold: bool) -> str:
    keys = ("value", "unit", "qualifier", "value_low", "value_high") if gold else (
        "amount", "currency", "value", "unit", "kind", "qualifier", "amount_low", "amount_high", "value_low", "value_high")
    return " ".join(f"{k}={row[k]!r}" for k in keys if row.get(k) is not None)


def listing(tag: str, row: dict, texts: dict[str, str], detail: str) -> str:
    from pipeline.validate import sentence_of

    sentence = sentence_of(texts.get(row["article_id"]), row["start"], row["end"])
    text = texts[row["article_id"]][row["start"] : row["end"]]
    return f"  {tag:<6} {row['article_id']} [{row['start']}:{row['end']}] {text!r} {detail}\n         > {sentence}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="folder holding peer-suites/ (default: ../shared relative to the repo)")
    ap.add_argument("--gold", type=Path, default=GOLD, help="held-out gold JSONL (default: benchmarks/heldout/timebank-numbers.jsonl)")
    ap.add_argument("--suite", choices=sorted(SUITES), default=None,
                    help="TempEval-3 suite holding the texts (default: inferred from the gold file name, e.g. aquaint-numbers.jsonl -> aquaint, "
                         "platinum-numbers.jsonl -> platinum; else timebank)")
    ap.add_argument("--details", action="store_true", help="also list matches whose span is not exact or whose qualifier differs")
    ap.add_argument("--keep", type=Path, default=None, help="write the raw folder and tables here instead of a temporary folder")
    args = ap.parse_args(argv)

    from pipeline.validate import TYPE_TABLES, Result, load_params, read_predictions, score_mentions

    suite = suite_for(args.gold, args.suite)
    gold, docs = docs_in_scope(load_gold(args.gold), args.shared, suite)
    check_offsets(gold, docs)
    texts = {d: doc["text"] for d, doc in docs.items()}
    _, tolerance = load_params(REPO / "params.yaml")

    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        base = args.keep or Path(tmp)
        raw, out = base / "raw", base / "extracted"
        write_raw(docs, raw, SUITES[suite][1])
        seconds = run_pipeline(raw, out)
        preds = read_predictions(out, gold)

    scores = {kind: score_mentions(kind, gold, preds[TYPE_TABLES[kind][0]], tolerance) for kind in KINDS}
    result = Result(scores, sorted(gold))
    metrics = result.metrics()

    n_words = sum(len(t.split()) for t in texts.values())
    print(f"held-out: {len(gold)} {SUITES[suite][1]} documents ({n_words} words), gold {args.gold.name}; pipeline {seconds:.1f} s; "
          f"value tolerance {tolerance}")
    header = f"{'type':<11} {'gold':>5} {'pred':>5} {'TP':>4} {'P':>6} {'R':>6} {'F1':>6} {'exactF1':>8} {'value':>6} {'qualif':>6}"
    print(header)
    print("-" * len(header))
    for kind in (*KINDS, "mentions"):
        m = metrics[kind]
        qual = f"{m['qualifier_accuracy']:>6.3f}" if "qualifier_accuracy" in m else f"{'':>6}"
        name = "pooled" if kind == "mentions" else kind
        print(f"{name:<11} {m['gold']:>5} {m['predicted']:>5} {m['tp']:>4} {m['precision']:>6.3f} {m['recall']:>6.3f} "
              f"{m['f1']:>6.3f} {m['exact_f1']:>8.3f} {m['value_accuracy']:>6.3f} {qual}")
    print("(P/R/F1: overlapping span, one-to-one; value: accuracy on matched spans, money also needs the currency)")

    if args.gold.name in HELD_OUT_GOLD:
        # a held-out set is read as figures only: its rows would show what to tune on
        print(f"(rows of {args.gold.name} withheld: a held-out set, figures only)")
        return 0
    for kind, score in scores.items():
        lines = [listing("MISS", g, texts, describe(g, True)) for g in score.misses]
        lines += [listing("FP", p, texts, describe(p, False)) for p in score.false_positives]
        for g, p, failed in score.wrong:
            failed = [f for f in failed if f != "metric"]  # metric is not labelled in this gold file
            if "value" in failed or (failed and args.details):
                lines.append(listing("WRONG " + "/".join(failed), p, texts, f"gold: {g['text']!r} {describe(g, True)} | got: {describe(p, False)}"))
        if args.details:
            for g, p in score.matches:
                if (g["start"], g["end"]) != (p["start"], p["end"]):
                    lines.append(listing("SPAN", p, texts, f"gold span {g['text']!r} [{g['start']}:{g['end']}]"))
        if lines:
            print(f"\n## {kind}: {len(score.misses)} missed, {len(score.false_positives)} false positive(s), "
                  f"{sum('value' in f for _, _, f in score.wrong)} wrong value(s)")
            for line in lines:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
