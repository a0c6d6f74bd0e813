"""The one reader of gold files: line checks, JSONL reading, gold rows per article.

Why its own module: the scorer (validate), the labelling round trip (gold_io) and the benchmarks all
read gold files; one reader means one set of checks and one way of naming a bad ``path:line``, and no
module has to reach into another's private functions to get them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import NewsfactsError

#: gold mention type -> (table, value of the table's ``kind`` column or None). Facts are scored apart.
TYPE_TABLES: dict[str, tuple[str, str | None]] = {
    "money": ("money", None),
    "user_count": ("user_counts", None),
    "percent": ("quantities", "percent"),
    "multiplier": ("quantities", "multiplier"),
    "count": ("quantities", "count"),
    "rank": ("quantities", "rank"),
    "date": ("dates", None),
}
FACT = "fact"
TYPES = (*TYPE_TABLES, FACT)
#: Cross-article rows (tests/gold/README.md, "Consolidated rows"): scored apart, never labelled in a text.
CONSOLIDATED = "consolidated"
GOLD_TYPES = (*TYPES, CONSOLIDATED)

#: Fields every gold line must carry (a test and the loader both check them).
REQUIRED_MENTION = ("type", "text", "start", "end", "value")
REQUIRED_FACT = ("type", "subject", "metric", "value", "evidence_start", "evidence_end")
REQUIRED_CONSOLIDATED = ("type", "subject", "metric", "unit", "period", "value", "status", "articles")
CONSOLIDATED_STATUSES = ("agreed", "rounded", "conflict")

class GoldError(NewsfactsError):
    """A gold file cannot be read: the message names the file and the line."""


def check_gold_line(row: Any, where: str) -> None:
    if not isinstance(row, dict):
        raise GoldError(f"{where}: expected a JSON object, got {type(row).__name__}")
    kind = row.get("type")
    if kind not in GOLD_TYPES:
        raise GoldError(f"{where}: unknown type {kind!r}; expected one of {', '.join(GOLD_TYPES)}")
    if kind == CONSOLIDATED:
        _check_consolidated_line(row, where)
        return
    required = REQUIRED_FACT if kind == FACT else REQUIRED_MENTION
    missing = [k for k in required if k not in row]
    if missing:
        raise GoldError(f"{where}: {kind} line lacks field(s) {', '.join(missing)}")
    offsets = ("evidence_start", "evidence_end") if kind == FACT else ("start", "end")
    start, end = (row[k] for k in offsets)
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or not 0 <= start < end:
        raise GoldError(f"{where}: {offsets[0]}/{offsets[1]} must be integers with 0 <= start < end, got {start!r}, {end!r}")
    if kind != FACT and not isinstance(row["text"], str):
        raise GoldError(f"{where}: text must be a string")
    if kind != FACT and len(row["text"]) != end - start:
        raise GoldError(f"{where}: text {row['text']!r} has {len(row['text'])} characters but end - start = {end - start}")


def _check_consolidated_line(row: dict, where: str) -> None:
    missing = [k for k in REQUIRED_CONSOLIDATED if k not in row]
    if missing:
        raise GoldError(f"{where}: consolidated line lacks field(s) {', '.join(missing)}")
    if row["status"] not in CONSOLIDATED_STATUSES:
        raise GoldError(f"{where}: status must be one of {', '.join(CONSOLIDATED_STATUSES)}, got {row['status']!r}")
    articles = row["articles"]
    if not isinstance(articles, list) or not articles or not all(isinstance(a, str) for a in articles):
        raise GoldError(f"{where}: articles must be a non-empty list of article ids")


def iter_jsonl(path: Path, error: type[NewsfactsError]) -> Iterator[tuple[str, Any]]:
    """``(where, record)`` for each non-blank line of a JSONL file; ``error`` names ``path:line``.

    One reader for gold files and labelling-tool exports, so both report bad input the same way.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None


def read_gold_file(path: Path) -> list[dict[str, Any]]:
    """One gold file's rows; a malformed line raises GoldError naming ``path:line``."""
    rows = []
    for where, row in iter_jsonl(path, GoldError):
        check_gold_line(row, where)
        rows.append(row)
    return rows


def read_gold(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold rows per article id, from every ``<article_id>.jsonl`` of ``gold_dir``."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: gold folder not found")
    gold = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        gold[path.stem] = [{**row, "article_id": path.stem} for row in read_gold_file(path)]
    return gold



def plain(value: Any) -> Any:
    """pandas NA/NaN/NaT -> None and numpy scalars -> Python, so comparisons see plain values."""
    if value is None:
        return None
    try:
        if value != value or str(value) in ("<NA>", "NaT"):  # NaN, pd.NA, NaT
            return None
    except (TypeError, ValueError):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
