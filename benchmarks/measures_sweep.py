"""Measures on real unlabelled text: the measure sweep tuning sample (issue 15 item 3, twelfth session).

    python benchmarks/measures_sweep.py [--shared ../shared] [--details]

``benchmarks/newsdev/measures-sweep-tuning.jsonl`` (how it was made: its .md) holds, for 48 documents of
news-dev's dev split and TempEval-3 tuning text, every measure read there (``type: measure``) and every number
before a word pint or a unit list reads as a unit that is no measure (``type: none``: scores, index points,
event names, magnitudes, money per barrel). Only the sampled spans are scored, as ``counts_heldout.py --set
spelled`` does: recall on the measure rows, precision of our measure rows that overlap a sampled span. A
tuning set (``--details`` allowed); refused if a document is in a held-out set of benchmarks/heldout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from counts_heldout import (default_shared, in_sample, line, ours, read_jsonl, sampled_set, score,  # noqa: E402
                            with_text)
from heldout import check_offsets  # noqa: E402

LABELS = REPO / "benchmarks" / "newsdev" / "measures-sweep-tuning.jsonl"


def sample(shared: Path) -> tuple[dict, dict, dict]:
    """Gold rows, texts and sampled spans of the measures sweep (``counts_heldout.sampled_set``)."""
    return sampled_set(shared, read_jsonl(LABELS), LABELS.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=default_shared())
    ap.add_argument("--details", action="store_true", help="list misses and false positives (a tuning set)")
    args = ap.parse_args(argv)

    from pipeline.validate import load_params, sentence_of

    _, tolerance = load_params(REPO / "params.yaml")
    gold, docs, spans = sample(args.shared)
    check_offsets(gold, docs)
    with tempfile.TemporaryDirectory(prefix="measures-sweep-") as tmp:
        base = Path(tmp) / "sweep"
        base.mkdir()
        preds, _ = ours(docs, base)
    preds = in_sample(with_text(preds, docs), spans)
    n = sum(len(r) for r in gold.values())
    print(f"## measures sweep: {len(docs)} documents, {n} measure rows, {sum(len(s) for s in spans.values()) - n} not measures")
    print("(only the sampled spans are scored: a prediction overlapping none is outside the sample)")
    for gtype, s in score(gold, preds, {"measure": ("measure",)}, tolerance).items():
        print(line(f"ours {gtype}", s))
        if args.details and gtype == "measure":
            texts = {d: doc["text"] for d, doc in docs.items()}
            for tag, rows in (("MISS", s.misses), ("FP", s.false_positives), ("WRONG", [p for _, p, _ in s.wrong])):
                for r in rows:
                    t = texts[r["article_id"]]
                    print(f"  {tag:<4} {t[r['start']:r['end']]!r} unit={r.get('unit')!r} value={r.get('value')!r}\n       > {sentence_of(t, r['start'], r['end'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
