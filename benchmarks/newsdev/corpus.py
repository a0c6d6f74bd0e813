"""Write documents of ``../shared/news-dev`` as a raw/ folder newsfacts can read, with stable ids.

news-dev ``doc_id``s carry characters an article id may not (``,``, ``%``, ``;``), so each document
gets ``article_id_for(doc_id)``: the id's safe characters plus a short sha256 tag, deterministic and
unique. Texts are written byte for byte (offsets into news-dev ``text`` are offsets into the raw file).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO.parent / "shared"


def article_id_for(doc_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._-")[:80] or "doc"
    return f"{safe}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8]}"


def load_newsdev(shared: Path = DEFAULT_SHARED) -> dict[str, dict]:
    path = shared / "news-dev" / "news-dev.jsonl"
    docs = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                doc = json.loads(line)
                docs[doc["doc_id"]] = doc
    return docs


def load_split(path: Path = REPO / "benchmarks" / "newsdev" / "split.json") -> dict[str, list[str]]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_raw(docs: list[dict], raw: Path) -> dict[str, str]:
    """Write ``docs`` into ``raw`` (created) with a manifest; return doc_id -> article_id."""
    raw.mkdir(parents=True, exist_ok=True)
    ids: dict[str, str] = {}
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "path", "title", "published", "source", "url", "language"])
        for doc in sorted(docs, key=lambda d: article_id_for(d["doc_id"])):
            aid = article_id_for(doc["doc_id"])
            ids[doc["doc_id"]] = aid
            (raw / f"{aid}.txt").write_bytes(doc["text"].encode("utf-8"))
            writer.writerow([aid, f"{aid}.txt", doc.get("title", ""), doc["published"], doc.get("set", ""), doc.get("url", ""), "en"])
    return ids
