"""CPU seconds of each extractor stage over already parsed Docs: the per-stage figure a loaded machine
cannot move (issue 22).

Why: ``throughput.py`` times stages inside a whole run with the wall clock, which other sessions on
a shared machine stretch by 1.5-2x (load 3-4 on 2 cores); the model's parse also dominates that run.
Here the throughput corpus is parsed once and kept as a DocBin, then every stage runs over the same
Docs ``--repeats`` times, timed with this process's CPU clock (``time.process_time``); medians are
printed, in seconds per 100k words. To compare two versions of the code, run ``time`` with each on
``PYTHONPATH`` against the same DocBin (the Docs do not depend on the extractors).

    python benchmarks/stage_times.py parse DOCBIN [--shared ../shared] [--words 100000]
    python benchmarks/stage_times.py time DOCBIN [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def parse(docbin: Path, shared: Path, words: int) -> None:
    """The throughput corpus (raw/ + news-dev dev, cleaned), parsed by the model newsfacts builds."""
    from spacy.tokens import DocBin
    from throughput import _texts, build_corpus

    from pipeline.clean import clean
    from pipeline.nlp import build_nlp
    from pipeline.rules import load_rules
    from pipeline.settings import Settings

    rules = load_rules(REPO / "rules")
    nlp = build_nlp(Settings(rules_dir=REPO / "rules").model, rules)
    with tempfile.TemporaryDirectory() as tmp:
        n_docs, n_words = build_corpus(shared, words, Path(tmp))
        texts = [clean(text, rules).text for text in _texts(Path(tmp))]
    out = DocBin(store_user_data=False)
    for doc in nlp.pipe(texts, batch_size=64):
        out.add(doc)
    out.to_disk(docbin)
    print(f"{n_docs} documents, {n_words} words -> {docbin}")


def time_stages(docbin: Path, repeats: int) -> None:
    """Each stage's CPU seconds per 100k words over the Docs (medians of ``repeats`` passes)."""
    import spacy
    from spacy.tokens import DocBin

    from pipeline.extract import Context, remember_text
    from pipeline.rules import load_rules
    from pipeline.run import load_stages
    from pipeline.settings import Settings

    docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("en").vocab))
    doc_text_of = {id(doc): doc.text for doc in docs}
    for doc in docs:
        remember_text(doc, doc_text_of[id(doc)])
    words = sum(len(doc.text.split()) for doc in docs)
    rules = load_rules(REPO / "rules")
    settings = Settings(rules_dir=REPO / "rules").validated()
    stages = load_stages()
    warm: dict = {}
    for name, func in stages:  # the rule compile, once, outside the figures
        warm[name] = func(docs[0], Context("warm-up", None, rules, settings), warm)
    contexts = [Context(f"doc{i}", None, rules, settings) for i in range(len(docs))]
    passes: dict[str, list[float]] = {name: [] for name, _ in stages}
    for _ in range(repeats):
        spent = dict.fromkeys(passes, 0.0)
        for doc in docs:  # per-Doc memos of the stages (sentence bounds, number candidates) are paid in every
            doc.user_data.clear()  # pass, as in a run where each Doc is seen once; the text stays remembered
            remember_text(doc, doc_text_of[id(doc)])
        for doc, ctx in zip(docs, contexts, strict=True):
            found: dict = {}
            for name, func in stages:
                t = time.process_time()
                found[name] = func(doc, ctx, found)
                spent[name] += time.process_time() - t
        for name, seconds in spent.items():
            passes[name].append(seconds)
    per = 100_000 / words
    print(f"{REPO} ({len(docs)} documents, {words} words; CPU s per 100k words, median of {repeats}):")
    print("  " + ", ".join(f"{name} {statistics.median(v) * per:.3f}" for name, v in passes.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("parse", "time"))
    parser.add_argument("docbin", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.command == "parse":
        parse(args.docbin, args.shared, args.words)
    else:
        time_stages(args.docbin, args.repeats)


if __name__ == "__main__":
    main()
