"""Run the same per-article code on a Dask cluster and write partitioned Parquet datasets.

Why Dask: a newsroom archive (millions of articles) outgrows one machine, and Dask distributed is an
existing engine users already run. The driver only plans (which files, which manifest metadata); each
task reads its articles from the shared raw folder, processes them with a model loaded once per worker
process, and writes one part file per table (``<out>/<table>/part-00042.parquet``), atomically. The
result is a set of plain Parquet datasets that pandas, pyarrow, DuckDB and Spark read as they are, with
the same rows, in the same order, as the local executor's single files.

Workers must see ``raw_dir`` and ``out_dir`` at the same paths (a shared filesystem).
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from pipeline.ingest import ManifestRow, Problem, plan_articles, read_article
from pipeline.errors import ArticleRejected
from pipeline.settings import Settings
from pipeline.tables import TABLE_NAMES, AtomicTableWriter

log = logging.getLogger(__name__)

#: One Extractor per worker process, keyed by settings: the model loads once per worker, not per task.
_EXTRACTORS: dict = {}


def _extractor(settings: Settings):  # noqa: ANN202 - pipeline.run.Extractor, imported lazily
    from pipeline.run import Extractor

    if settings not in _EXTRACTORS:
        _EXTRACTORS[settings] = Extractor(settings)
    return _EXTRACTORS[settings]


def process_partition(index: int, rows: list[ManifestRow], settings: Settings) -> dict:
    """Read, process and write one partition; return row counts and problems (as plain tuples)."""
    from pipeline.run import article_row, problem_row

    extractor = _extractor(settings)
    raw_dir, out_dir = Path(settings.raw_dir), Path(settings.out_dir)
    problems: list[Problem] = []
    articles = []
    for row in rows:
        try:
            article, warnings = read_article(raw_dir, row, int(settings.max_article_mb * 1e6), extractor.rules)
        except ArticleRejected as exc:
            problems.append(Problem(exc.article_id, exc.path, "error", exc.reason))
            continue
        problems.extend(warnings)
        articles.append(article)
    tables: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    processed = 0
    for article, result, problem in extractor.process_batch(articles):
        if problem is not None:
            problems.append(problem)
            continue
        processed += 1
        tables["articles"].append(article_row(article, extractor.rules))
        for table, table_rows in (result or {}).items():
            tables[table].extend(table_rows)
    tables["rejects"].extend(problem_row(p) for p in problems)
    counts = {}
    for name, table_rows in tables.items():
        with AtomicTableWriter(name, out_dir, path=out_dir / name / f"part-{index:05d}.parquet") as writer:
            writer.write(table_rows)
        counts[name] = len(table_rows)
    return {"articles": processed, "rows": counts, "problems": [(p.article_id, p.path, p.severity, p.reason) for p in problems]}


def run_dask(settings: Settings, scheduler: str | None = None, consolidate: bool = True):  # noqa: ANN201 - returns pipeline.run.Summary
    """Extract ``settings.raw_dir`` on a Dask cluster (a LocalCluster when ``scheduler`` is None)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the extra being installed
        raise SystemExit("the dask executor needs dask[distributed]: pip install -e '.[dask]'") from exc
    from pipeline.run import Summary

    started = time.perf_counter()
    raw_dir, out_dir = Path(settings.raw_dir), Path(settings.out_dir)
    planned, plan_problems = plan_articles(raw_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in TABLE_NAMES:  # a re-run replaces the datasets, never mixes old and new parts
        shutil.rmtree(out_dir / name, ignore_errors=True)
        (out_dir / f"{name}.parquet").unlink(missing_ok=True)  # a local run's file would shadow it
        (out_dir / name).mkdir()
    partitions = [planned[i : i + settings.batch_size] for i in range(0, len(planned), settings.batch_size)]
    # Planning problems (duplicates, missing files) go to part 0 of rejects, ahead of the rest.
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    summary = Summary()
    try:
        futures = [client.submit(process_partition, i + 1, part, settings, pure=False) for i, part in enumerate(partitions)]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    from pipeline.run import problem_row

    with AtomicTableWriter("rejects", out_dir, path=out_dir / "rejects" / "part-00000.parquet") as writer:
        writer.write([problem_row(p) for p in plan_problems])
    for name in TABLE_NAMES:
        if name != "rejects":
            with AtomicTableWriter(name, out_dir, path=out_dir / name / "part-00000.parquet"):
                pass
    summary.rejects.extend(plan_problems)
    summary.rows = {name: 0 for name in TABLE_NAMES}
    summary.rows["rejects"] = len(plan_problems)
    for result in results:
        summary.articles += result["articles"]
        for name, count in result["rows"].items():
            summary.rows[name] += count
        summary.rejects.extend(Problem(*p) for p in result["problems"])
    from pipeline.rules import load_rules
    from pipeline.run import consolidate_run

    if consolidate:
        consolidate_run(out_dir, load_rules(settings.rules_dir), summary, partitioned=True)
    summary.seconds = time.perf_counter() - started
    return summary
