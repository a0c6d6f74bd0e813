"""Write "devreads": the real text anyone may read and tune on, as one raw/ folder.

Why: precision reads and recall sweeps need real news that no held-out set names. devreads is every news-dev document
of the ``dev`` split that no file of ``benchmarks/heldout`` names (nor a ``heldout`` list of an id file in
``benchmarks/newsdev``), plus every TempEval-3 document that only tuning files (``benchmarks/newsdev``, ``tests``) name.
On 2026-11-28 (twelfth session) that was 252 + 103 = 355 documents. Helpers built rules from reading its rows; it is
never a held-out figure.

    python benchmarks/devreads.py OUT [--shared ../shared]     # writes OUT/raw (with manifest.csv)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "newsdev"))
from corpus import load_newsdev, load_split, write_raw  # noqa: E402

SUITES = ("timebank", "aquaint", "platinum")


def _text_of(paths: list[Path]) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="ignore") for p in paths if p.is_file())


def held_out_text() -> str:
    """Every file of benchmarks/heldout, and the ``heldout`` lists of benchmarks/newsdev's id files, as one text."""
    text = _text_of(sorted((REPO / "benchmarks" / "heldout").rglob("*")))
    for path in sorted((REPO / "benchmarks" / "newsdev").glob("*.ids.json")):
        listed = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(listed, dict):
            text += "".join(json.dumps(v) for k, v in listed.items() if "heldout" in k and isinstance(v, list))
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    held = held_out_text()
    newsdev = load_newsdev(args.shared)
    dev = [d for d in load_split()["dev"] if d not in held]
    raw = args.out / "raw"
    write_raw([newsdev[d] for d in dev], raw)
    tuning = _text_of(sorted((REPO / "benchmarks" / "newsdev").glob("*")) + sorted((REPO / "tests").rglob("*")))
    added = 0
    with (raw / "manifest.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for suite in SUITES:
            for line in (args.shared / "peer-suites" / "tempeval3" / f"{suite}.jsonl").read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                named = re.compile(re.escape(doc["doc_id"]) + r"(?![\w.])")
                if named.search(tuning) and not named.search(held):
                    (raw / f"{doc['doc_id']}.txt").write_bytes(doc["text"].encode("utf-8"))
                    writer.writerow([doc["doc_id"], f"{doc['doc_id']}.txt", "", doc["dct"], f"tempeval3-{suite}", "", "en"])
                    added += 1
    print(f"{len(dev)} news-dev dev documents + {added} TempEval-3 documents in {raw}")


if __name__ == "__main__":
    main()
