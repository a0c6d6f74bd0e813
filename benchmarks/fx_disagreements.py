"""Where articles' own currency conversions disagree with the ECB reference rate of their date.

"380 billion yuan ($52.4 billion)": newsfacts keeps the article's $52.4 billion as ``amount_usd`` and
the ECB figure as ``amount_usd_reference``. This script extracts a corpus with publication dates and
prints every such pair, largest disagreement first, plus how the US$ figures of all money rows were
obtained (``fx_source``) and why some have none (``fx_note``).

Corpus (``--sets``, comma-separated): ``raw`` (this repository's raw/), ``dev`` (the news-dev
development pool of benchmarks/newsdev/split.json: never the held-out facts/counts/changes sets) and
``tempeval`` (the TempEval-3 documents of the throughput corpus, dated by their DCT: 1989-2000 and 2013,
so mostly before the ECB series).

    python benchmarks/fx_disagreements.py [--shared ../shared] [--sets raw,dev,tempeval] [--top 15]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MANIFEST = ("article_id", "path", "title", "published", "source", "url", "language", "notes")


def documents(shared: Path, sets: list[str]) -> list[dict]:
    """(article_id, published, text, source) for each document of the chosen sets."""
    docs: list[dict] = []
    if "raw" in sets:
        with (REPO / "raw" / "manifest.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                path = REPO / "raw" / (row.get("path") or f"{row['article_id']}.txt")
                docs.append({"id": row["article_id"], "published": row["published"], "text": path.read_text(encoding="utf-8-sig"), "source": "raw"})
    if "dev" in sets:
        dev = set(json.loads((REPO / "benchmarks" / "newsdev" / "split.json").read_text(encoding="utf-8"))["dev"])
        for line in (shared / "news-dev" / "news-dev.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            if doc["doc_id"] in dev:
                docs.append({"id": doc["doc_id"], "published": doc["published"], "text": doc["text"], "source": "news-dev dev"})
    if "tempeval" in sets:
        for name in ("platinum", "timebank", "aquaint"):
            path = shared / "peer-suites" / "tempeval3" / f"{name}.jsonl"
            for line in path.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                docs.append({"id": doc["doc_id"], "published": doc["dct"], "text": doc["text"], "source": f"tempeval {name}"})
    return docs


def write_corpus(docs: list[dict], folder: Path) -> dict[str, str]:
    """raw/-style folder with a manifest giving each publication date; returns article_id -> origin."""
    folder.mkdir(parents=True, exist_ok=True)
    origin: dict[str, str] = {}
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST)
        writer.writeheader()
        for doc in docs:
            aid = re.sub(r"[^A-Za-z0-9_.-]+", "_", doc["id"])[:90]
            while aid in origin:
                aid += "_"
            origin[aid] = doc["source"]
            (folder / f"{aid}.txt").write_text(doc["text"], encoding="utf-8")
            writer.writerow({"article_id": aid, "path": f"{aid}.txt", "title": doc["id"], "published": doc["published"], "source": doc["source"], "language": "en"})
    return origin


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--sets", default="raw,dev,tempeval")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--threshold", type=float, default=0.05)
    args = ap.parse_args(argv)

    import pandas as pd

    import pipeline
    from pipeline.report.pages import conversion_disagreements
    from pipeline.run import run
    from pipeline.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="newsfacts-fx-"))
    try:
        docs = documents(args.shared, args.sets.split(","))
        write_corpus(docs, work / "raw")
        started = time.perf_counter()
        summary = run(replace(Settings(rules_dir=REPO / "rules"), raw_dir=work / "raw", out_dir=work / "out", incremental=False).validated())
        seconds = time.perf_counter() - started
        money = pipeline.load("money", work / "out")
        articles = pipeline.load("articles", work / "out").set_index("article_id")
        texts = {aid: (work / "raw" / f"{aid}.txt").read_text(encoding="utf-8") for aid in articles.index}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"corpus: {len(docs)} documents ({args.sets}), {summary.articles} extracted in {seconds:.0f} s; {len(money)} money rows")
    print("\nUS$ figure by fx_source:")
    print(money["fx_source"].fillna("(none)").value_counts().to_string())
    print("\nwhy no US$ figure, or an old rate (fx_note, top 12):")
    notes = money.loc[money["fx_source"].fillna("") != "article", "fx_note"].dropna()
    print(notes.str.replace(r"rate of \S+, (\d+) days", "rate more than 7 days", regex=True).value_counts().head(12).to_string())

    checked, off = conversion_disagreements(money, args.threshold)
    every = money[(money["fx_source"] == "article") & money["amount_usd_reference"].notna()]
    every = every.assign(difference=every["amount_usd"] / every["amount_usd_reference"] - 1)
    no_ref = money[(money["fx_source"] == "article") & money["amount_usd_reference"].isna()]
    print(f"\narticle conversions: {checked + len(no_ref)} ({len(no_ref)} without a reference rate); "
          f"{len(off)} differ from the reference by more than {args.threshold:.0%}"
          + (f"; median |difference| {every['difference'].abs().median():.1%}" if checked else ""))
    for r in every.sort_values("difference", key=lambda d: d.abs(), ascending=False).head(args.top).to_dict("records"):
        partner = money[(money["article_id"] == r["article_id"]) & ((money["equivalent_of"] == r["start"]) | (money["start"] == r["equivalent_of"]))]
        usd_text = partner["text"].iloc[0] if len(partner) else "?"
        published = articles.loc[r["article_id"], "published"]
        text = texts[r["article_id"]]
        context = re.sub(r"\s+", " ", text[max(0, int(r["start"]) - 60) : int(r["end"]) + 60])
        print(f"  {r['difference']:+7.1%}  {r['text']!r} = {usd_text!r} (ref US${r['amount_usd_reference']:,.4g}, {r['fx_note']}); "
              f"{r['article_id']} {pd.Timestamp(published).date() if not pd.isna(published) else '-'}\n           …{context}…")
    for r in no_ref.to_dict("records"):
        print(f"  (no reference) {r['text']!r} {r['currency']} in {r['article_id']}: {r['fx_note']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
