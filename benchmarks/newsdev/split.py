"""Deterministic split of ``../shared/news-dev`` into held-out sets and a development pool.

Why: a held-out figure only means something if the documents were chosen by a rule fixed before any
change was tuned, and if no two held-out sets (facts, counts, changes) share a document. The rule
uses only each document's ``doc_id`` (sha256 bucket) and cheap surface cues, never the pipeline:

- ``money_doc``: the text has a money amount or a user-count-like phrase (``MONEY_CUE`` / ``USER_CUE``).
- ``facts``: money docs with bucket 0..7 (80 %), the held-out set of the facts issue (#14).
- ``counts``: wikinews docs that are not money docs, bucket 0..5, in sha256 order, the held-out set of
  the counts issue (#15); labellers take them in this order until the label quota is met.
- ``changes``: docs in neither set above with a change cue (``CHANGE_CUE``), in sha256 order, the
  first 30: the held-out set of the change/multiplier issue (#21).
- ``dev``: everything else (money docs with bucket 8..9 included): tune on these only.

    python benchmarks/newsdev/split.py [--shared ../shared] [--write benchmarks/newsdev/split.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MONEY_CUE = re.compile(
    r"(?:US\$|A\$|C\$|HK\$|NZ\$|R\$|[$€£¥₹₩])\s?\d"
    r"|\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:dollars?|euros?|pounds|yen|yuan|rupees?|won|francs?"
    r"|kronor|krona|rubles?|roubles?|pesos?|reais|rand)\b"
    r"|\b(?:USD|EUR|GBP|CNY|JPY|INR)\s?\d",
    re.IGNORECASE,
)
USER_CUE = re.compile(
    r"\d[\d,.]*\s*(?:million|billion)?\s+(?:\w+\s){0,2}(?:users|subscribers|customers|accounts|members"
    r"|downloads|viewers|players|listeners|readers|visitors)\b",
    re.IGNORECASE,
)
CHANGE_CUE = re.compile(
    r"\b(?:doubl|tripl|quadrupl|halv|rose|fell|risen|fallen|increas|decreas|declin|grew|grown|surg|plung"
    r"|jump|drop|climb|soar|-fold|times)\w*",
    re.IGNORECASE,
)
N_CHANGES = 30


#: 2026-11-27 (third session): the ``facts`` documents whose sha256("retire:" + doc_id) is 0 or 1 mod 5 were retired to
#: tuning before anything was tuned on them (benchmarks/heldout/newsdev-facts.md); the rest stays held out. The same rule
#: splits the counts and changes labels made on the ``facts`` documents in the eleventh session (newsdev-counts-3,
#: newsdev-changes-3): a document already free to read for facts is a tuning document for them too, and a document of
#: the facts kept half stays held out for everything.
RETIRE_SALT, RETIRE_BUCKETS, RETIRE_OF = "retire:", 2, 5


def retired_from_facts(doc_id: str) -> bool:
    """Is this ``facts`` document one of those retired to tuning (a fixed hash rule, not a choice)?"""
    return int(hashlib.sha256((RETIRE_SALT + doc_id).encode()).hexdigest(), 16) % RETIRE_OF < RETIRE_BUCKETS


def bucket(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 10


def order(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


def split(docs: list[dict]) -> dict[str, list[str]]:
    """doc_ids per set, each list in sha256 order."""
    docs = sorted(docs, key=lambda d: order(d["doc_id"]))
    money = {d["doc_id"] for d in docs if MONEY_CUE.search(d["text"]) or USER_CUE.search(d["text"])}
    facts = [d["doc_id"] for d in docs if d["doc_id"] in money and bucket(d["doc_id"]) <= 7]
    counts = [
        d["doc_id"] for d in docs
        if d["set"] == "wikinews" and d["doc_id"] not in money and bucket(d["doc_id"]) <= 5
    ]
    taken = set(facts) | set(counts)
    changes = [d["doc_id"] for d in docs if d["doc_id"] not in taken and CHANGE_CUE.search(d["text"])][:N_CHANGES]
    taken |= set(changes)
    dev = [d["doc_id"] for d in docs if d["doc_id"] not in taken]
    return {"facts": facts, "counts": counts, "changes": changes, "dev": dev}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    path = args.shared / "news-dev" / "news-dev.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sets = split(docs)
    for name, ids in sets.items():
        print(f"{name:8} {len(ids):4} documents")
    if args.write:
        args.write.write_text(json.dumps(sets, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
