"""Everything the report reads, the way a user would: the tables, the metrics file, gold, raw texts.

Nothing here imports an extractor. Each input may be absent (a run without validation, an article
without gold, a raw folder that moved): the pages then say so instead of failing.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import NewsfactsError
from pipeline.tables import SCHEMAS, read_table, table_path

log = logging.getLogger(__name__)

METRICS_FILE = "metrics.json"


@dataclass
class RunData:
    """One extraction run plus the files around it."""

    tables: dict[str, pd.DataFrame]
    metrics: dict[str, float] | None
    gold: dict[str, list[dict[str, Any]]]
    texts: dict[str, str | None]
    missing_tables: list[str] = field(default_factory=list)

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    def rows(self, table: str, article_id: str) -> pd.DataFrame:
        frame = self.tables[table]
        return frame[frame["article_id"] == article_id]


def load_run(extracted: Path, gold_dir: Path | None, raw_dir: Path | None) -> RunData:
    extracted = Path(extracted)
    if not table_path("articles", extracted).exists():
        raise NewsfactsError(f"{extracted}: no articles table; run `newsfacts extract --out {extracted}` first")
    tables: dict[str, pd.DataFrame] = {}
    missing: list[str] = []
    for name in SCHEMAS:
        if not table_path(name, extracted).exists():  # an older run: shown empty, and named
            missing.append(name)
        tables[name] = read_table(name, extracted, missing_ok=True)
    ids = [str(a) for a in tables["articles"]["article_id"]]
    return RunData(
        tables=tables,
        metrics=read_metrics(extracted / METRICS_FILE),
        gold=read_gold(gold_dir, ids),
        texts=read_texts(raw_dir, tables["articles"]),
        missing_tables=missing,
    )


def read_metrics(path: Path) -> dict[str, float] | None:
    """Flat ``{"money.f1": 0.9, ...}``; nested objects are flattened with dots. None when absent."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        log.warning("%s: unreadable metrics file (%s); report shows no scores", path, exc)
        return None
    return dict(_flatten(data))


def _flatten(data: Any, prefix: str = ""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _flatten(value, f"{prefix}{key}.")
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield prefix.rstrip("."), float(data)


def read_gold(gold_dir: Path | None, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Gold rows per article id, for the articles of this run that have a gold file."""
    gold: dict[str, list[dict[str, Any]]] = {}
    if gold_dir is None or not Path(gold_dir).is_dir():
        return gold
    for article_id in article_ids:
        path = Path(gold_dir) / f"{article_id}.jsonl"
        if not path.is_file():
            continue
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                log.warning("%s:%d: skipped unreadable gold line (%s)", path, n, exc)
        gold[article_id] = rows
    return gold


def read_texts(raw_dir: Path | None, articles: pd.DataFrame) -> dict[str, str | None]:
    """Raw text per article, decoded as the run recorded it (so offsets line up); None if unreadable."""
    texts: dict[str, str | None] = {}
    for row in articles.itertuples(index=False):
        texts[str(row.article_id)] = None
        if raw_dir is None:
            continue
        path = Path(raw_dir) / str(row.path)
        try:
            texts[str(row.article_id)] = path.read_bytes().decode(str(row.encoding))
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            log.warning("%s: raw text unavailable (%s); its page shows tables only", path, exc)
    return texts
