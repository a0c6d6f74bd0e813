"""Identity check for refactors and speed work: are all tables byte-identical before and after?

A change that must not alter output (a refactor, a speed fix) is checked by running this script on the
code before the change and again after, into two folders, then comparing every Parquet table with
pyarrow's ``Table.equals`` (``articles.rules_sha256`` excepted: it changes with any rules edit).
The corpus is raw/, the 285-document TempEval throughput corpus and the news-dev ``dev`` documents
(never the held-out sets).

    python benchmarks/identity.py build [--shared ../shared] [--corpus DIR]   # once
    python benchmarks/identity.py run OUT [--corpus DIR]                       # per version of the code
    python benchmarks/identity.py cmp OUT_BEFORE OUT_AFTER
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "benchmarks" / "newsdev"))
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "newsfacts-identity-corpus"


def build(shared: Path, corpus: Path) -> int:
    from corpus import load_newsdev, load_split, write_raw
    from throughput import build_corpus

    shutil.rmtree(corpus, ignore_errors=True)
    docs, split = load_newsdev(shared), load_split()
    write_raw([docs[d] for d in split["dev"]], corpus)
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(shared, 100_000, Path(tmp), source="tempeval")
        extra = sorted(Path(tmp).glob("*.txt")) + sorted((REPO / "raw").glob("*.txt"))
        with (corpus / "manifest.csv").open("a", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for path in extra:
                name = f"{'raw-' if path.parent == REPO / 'raw' else ''}{path.stem}"
                shutil.copy(path, corpus / f"{name}.txt")
                writer.writerow([name, f"{name}.txt", "", "2024-12-20", "", "", "en"])
    return len(list(corpus.glob("*.txt")))


def run(corpus: Path, out: Path) -> None:
    from pipeline.run import run as extract
    from pipeline.settings import Settings

    shutil.rmtree(out, ignore_errors=True)
    settings = Settings(rules_dir=REPO / "rules", raw_dir=corpus).validated()
    summary = extract(replace(settings, out_dir=out, incremental=False))
    print(summary.articles, "articles", summary.rows, f"{summary.seconds:.1f} s", len(summary.errors), "errors")


def compare(before: Path, after: Path) -> bool:
    import pyarrow.parquet as pq

    same = True
    for path in sorted(before.glob("*.parquet")):
        a, b = pq.read_table(path), pq.read_table(after / path.name)
        if path.stem == "articles":
            a, b = a.drop(["rules_sha256"]), b.drop(["rules_sha256"])
        equal = a.equals(b)
        same &= equal
        print(f"{path.stem:14} {a.num_rows:7} {b.num_rows:7} {'SAME' if equal else 'DIFF'}")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("build", "run", "cmp"))
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if args.command == "build":
        print(build(args.shared, args.corpus), "documents in", args.corpus)
    elif args.command == "run":
        run(args.corpus, args.paths[0])
    else:
        sys.exit(0 if compare(args.paths[0], args.paths[1]) else 1)


if __name__ == "__main__":
    main()
