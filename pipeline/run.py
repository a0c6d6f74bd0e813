"""Run the pipeline over a folder of articles and write every table, batch by batch.

The order of stages is fixed and data flows one way: each extractor sees the Doc and the rows of the
stages before it (quantities must not repeat money or user counts; facts need everything). Offsets are
produced on the clean text and mapped back to raw offsets here, in one place, so no extractor can get
that wrong.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from pipeline.clean import CleanText, clean
from pipeline.extract import Context
from pipeline.ingest import Article, Problem, iter_articles
from pipeline.nlp import build_nlp
from pipeline.rules import Rules, load_rules
from pipeline.settings import Settings
from pipeline.tables import TABLE_NAMES, AtomicTableWriter
from pipeline.version import __version__

log = logging.getLogger(__name__)

#: (table, "module:function") in run order. Each function is ``f(doc, ctx, found) -> list[dict]``.
STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "pipeline.extract.entities:extract"),
)

#: Extra offset columns (clean coordinates) the runner maps to raw offsets.
OFFSET_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {"facts": (("evidence_start", "evidence_end"),)}
OFFSET_POINTS: dict[str, tuple[str, ...]] = {"money": ("equivalent_of",)}


def load_stages() -> list[tuple[str, Callable[[Doc, Context, dict[str, list[dict]]], list[dict]]]]:
    stages = []
    for table, target in STAGES:
        module, func = target.split(":")
        stages.append((table, getattr(importlib.import_module(module), func)))
    return stages


@dataclass
class Summary:
    """What a run did: shown by the CLI, returned to callers and tests."""

    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    rejects: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.rejects if p.severity == "error"]


def to_raw_rows(table: str, rows: list[dict], article: Article, cleaned: CleanText) -> list[dict]:
    """Map clean offsets to raw offsets, add article_id and the raw text; order rows deterministically."""
    out = []
    for row in rows:
        row = dict(row)
        start, end, text = cleaned.raw_span_text(row["start"], row["end"])
        row.update(article_id=article.article_id, start=start, end=end, text=text)
        for a, b in OFFSET_PAIRS.get(table, ()):
            if row.get(a) is not None and row.get(b) is not None:
                row[a], row[b] = cleaned.to_raw(row[a], row[b])
                if table == "facts":
                    row["evidence"] = article.raw_text[row[a] : row[b]]
        for col in OFFSET_POINTS.get(table, ()):
            if row.get(col) is not None:
                row[col] = cleaned.to_raw(row[col], row[col] + 1)[0]
        out.append(row)
    out.sort(key=lambda r: (r["start"], r["end"], str(r.get("metric") or r.get("label") or r.get("kind") or "")))
    if table == "facts":
        for row in out:
            key = f"{row['article_id']}|{row['start']}|{row['end']}|{row['metric']}|{row.get('subject_id') or row.get('subject') or ''}"
            row["fact_id"] = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return out


def article_row(article: Article, rules: Rules) -> dict:
    return {
        "article_id": article.article_id,
        "path": article.path,
        "title": article.title,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "encoding": article.encoding,
        "n_chars": len(article.raw_text),
        "content_sha256": article.content_sha256,
        "pipeline_version": __version__,
        "rules_sha256": rules.sha256,
    }


def problem_row(problem: Problem) -> dict:
    return {"article_id": problem.article_id, "path": problem.path, "severity": problem.severity, "reason": problem.reason}


class Extractor:
    """Holds the model, the rules and the stages: built once, then fed batches of articles."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = load_rules(settings.rules_dir)
        self.nlp = build_nlp(settings.model, self.rules)
        self.stages = load_stages()

    def process_batch(self, articles: list[Article]) -> Iterator[tuple[Article, dict[str, list[dict]] | None, Problem | None]]:
        """Yield (article, rows per table, None) or (article, None, problem) for each article."""
        cleaned = [clean(a.raw_text, self.rules) for a in articles]
        docs = self.nlp.pipe((c.text for c in cleaned), batch_size=self.settings.batch_size)
        for article, cleaned_text, doc in zip(articles, cleaned, docs, strict=True):
            ctx = Context(article.article_id, article.published, self.rules, self.settings)
            found: dict[str, list[dict]] = {}
            stage = "?"
            try:
                for stage, func in self.stages:
                    found[stage] = func(doc, ctx, found)
                result = {table: to_raw_rows(table, rows, article, cleaned_text) for table, rows in found.items()}
            except Exception as exc:  # noqa: BLE001 - the article boundary: record, never stop the batch
                log.exception("%s: stage %s failed", article.path, stage)
                yield article, None, Problem(article.article_id, article.path, "error", f"stage {stage} failed: {type(exc).__name__}: {exc}")
                continue
            yield article, result, None


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(settings: Settings, progress: Callable[[int], None] | None = None, extractor: Extractor | None = None) -> Summary:
    """Extract every article of ``settings.raw_dir`` into ``settings.out_dir``; see the module docstring."""
    started = time.perf_counter()
    extractor = extractor or Extractor(settings)
    out_dir = Path(settings.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    writers = {name: AtomicTableWriter(name, out_dir) for name in TABLE_NAMES}
    try:
        items = iter_articles(Path(settings.raw_dir))
        for batch in batched(items, settings.batch_size):
            articles = [a for a in batch if isinstance(a, Article)]
            problems = [p for p in batch if isinstance(p, Problem)]
            rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
            for article, result, problem in extractor.process_batch(articles):
                if problem is not None:
                    problems.append(problem)
                    continue
                assert result is not None
                summary.articles += 1
                rows["articles"].append(article_row(article, extractor.rules))
                for table, table_rows in result.items():
                    rows[table].extend(table_rows)
                if progress:
                    progress(1)
            rows["rejects"].extend(problem_row(p) for p in problems)
            summary.rejects.extend(problems)
            for name, table_rows in rows.items():
                writers[name].write(table_rows)
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    for writer in writers.values():
        writer.close()
        summary.rows[writer.name] = writer.rows
    summary.seconds = time.perf_counter() - started
    return summary
