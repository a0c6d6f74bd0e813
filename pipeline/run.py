"""Run the pipeline over a folder of articles and write every table, batch by batch.

The order of stages is fixed and data flows one way: each extractor sees the Doc and the rows of the
stages before it (quantities must not repeat money or user counts; facts need everything). Offsets are
produced on the clean text and mapped back to raw offsets here, in one place, so no extractor can get
that wrong.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import logging
import multiprocessing
import os
import pickle
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.clean import CleanText, clean
from pipeline.collector import collect_less_often
from pipeline.extract import Context, remember_text
from pipeline.fx import fx_key
from pipeline.ingest import Article, Problem, iter_articles
from pipeline.rules import Rules, load_rules
from pipeline.segment import ArticleTimeout, segment_spans, time_budget
from pipeline.settings import Settings
from pipeline.tables import TABLE_NAMES, AtomicTableWriter
from pipeline.version import __version__

if TYPE_CHECKING:  # spaCy is imported only when the model is needed: a fully cached run skips it
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: (table, "module:function") in run order. Each function is ``f(doc, ctx, found) -> list[dict]``.
STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "pipeline.extract.entities:extract"),
    ("dates", "pipeline.extract.dates:extract"),
    ("money", "pipeline.extract.money:extract"),
    ("user_counts", "pipeline.extract.counts:extract_user_counts"),
    ("quantities", "pipeline.extract.counts:extract_quantities"),
    ("changes", "pipeline.extract.changes:extract"),
    ("facts", "pipeline.facts:extract"),
)

#: Extra offset columns (clean coordinates) the runner maps to raw offsets.
OFFSET_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "facts": (("evidence_start", "evidence_end"),),
    "changes": tuple((f"{part}_start", f"{part}_end") for part in ("from", "to", "by", "multiplier", "subject")),
}
OFFSET_POINTS: dict[str, tuple[str, ...]] = {"money": ("equivalent_of",)}


def load_stages() -> "list[tuple[str, Callable[[Doc, Context, dict[str, list[dict]]], list[dict]]]]":
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
    #: articles whose rows came from the incremental cache
    cached: int = 0
    #: what consolidation across articles did (pipeline.consolidate.Outcome), once every article is written
    consolidation: object = None

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
        from pipeline.facts import fact_id  # the facts package imports spaCy: only when rows are made

        for row in out:
            row["fact_id"] = fact_id(row["article_id"], row["start"], row["end"], row["metric"], row.get("subject_id") or row.get("subject"))
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


#: glibc's malloc options (malloc.h): M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: blocks up to this size come from the heap, and freed memory is kept until this much is free at its top
MMAP_THRESHOLD_BYTES, TRIM_THRESHOLD_BYTES = 256 << 20, 512 << 20
_malloc_tuned = False


def keep_freed_memory() -> bool:
    """Ask glibc's malloc to keep the memory a batch frees for the next batch; True when it agreed.

    Why: the model's arrays for a batch of 64 articles (tens of MB) were handed back to the kernel after
    each batch, by munmap or by trimming the heap, and faulted in again page by page for the next one:
    in a whole ``newsfacts extract`` over 100k words, ~190,000 more page faults than the same model
    piping the same texts alone, ~0.9 s of kernel time (issue 22). With both thresholds fixed high,
    those arrays come from the heap and stay mapped between batches; the peak memory barely moves (the
    largest batch's is kept, not returned and re-requested each time: 621 -> 646 MB at 100k words).
    Where the call is unknown (not glibc), nothing changes.
    """
    global _malloc_tuned
    if _malloc_tuned:
        return True
    try:
        import ctypes

        libc = ctypes.CDLL(None)  # the symbols the process already has: libc's among them on Linux
        mallopt = getattr(libc, "mallopt", None)
        if mallopt is None or not hasattr(libc, "gnu_get_libc_version"):
            return False
        _malloc_tuned = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) & bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
    except (OSError, AttributeError, TypeError, ValueError):
        return False
    return _malloc_tuned


class Extractor:
    """Holds the model, the rules and the stages: built once, then fed batches of articles."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        collect_less_often()  # before the rule compile and the model load, which make millions of objects
        keep_freed_memory()
        from pipeline.nlp import build_nlp

        from pipeline.compile import compile_all

        self.rules = load_rules(settings.rules_dir)
        compile_all(self.rules)  # a broken rules file stops here, once, before the model loads
        self.nlp = build_nlp(settings.model, self.rules)
        self.stages = load_stages()
        # The model, the compiled rules and the imported modules live as long as the process: frozen,
        # the cyclic collector no longer walks their millions of objects on each full collection that
        # the stages' short-lived rows trigger (~0.1-0.2 s per 100k words). Nothing is freed later that
        # would have been freed otherwise: they stay referenced until exit anyway.
        gc.freeze()

    def process_batch(self, articles: list[Article]) -> Iterator[tuple[Article, dict[str, list[dict]] | None, Problem | None]]:
        """Yield (article, rows per table, None) or (article, None, problem) for each article.

        The article boundary holds whatever happens inside: an error in cleaning, in spaCy or in a
        stage, or a time budget overrun, becomes that article's problem and the next article goes on.
        Long texts are parsed in segments (pipeline.segment); offsets are shifted back here.
        """
        size = self.settings.segment_chars
        prepared: list[tuple[Article, CleanText | None, list[tuple[int, int]], Problem | None]] = []
        for article in articles:
            try:
                cleaned = clean(article.raw_text, self.rules)
                prepared.append((article, cleaned, segment_spans(cleaned.text, size), None))
            except Exception as exc:  # noqa: BLE001 - the article boundary
                log.exception("%s: cleaning failed", article.path)
                prepared.append((article, None, [], _failure(article, "clean", exc)))
        together = self._parse_together(prepared)
        for (article, cleaned_text, spans, problem), parsed in zip(prepared, together, strict=True):
            if problem is not None or cleaned_text is None:
                yield article, None, problem
                continue
            ctx = Context(article.article_id, article.published, self.rules, self.settings, article.title, article.source, article.url)
            merged: dict[str, list[dict]] = {}
            stage = "spacy"
            budget = self.settings.budget_seconds(len(article.raw_text))
            try:
                with time_budget(budget if parsed is None or budget is None else budget - parsed[1]):
                    if parsed is not None:  # parsed with the batch: the rest of its budget is for the stages
                        docs: Iterable[Doc] = parsed[0]
                    else:  # parsed alone, inside its own budget
                        docs = self.nlp.pipe((cleaned_text.text[s:e] for s, e in spans), batch_size=self.settings.batch_size)
                    for (offset, end), doc in zip(spans, docs, strict=True):
                        remember_text(doc, cleaned_text.text[offset:end])
                        found: dict[str, list[dict]] = {}
                        for stage, func in self.stages:
                            found[stage] = func(doc, ctx, found)
                        for table, rows in found.items():
                            merged.setdefault(table, []).extend(shift_rows(table, rows, offset))
                        stage = "spacy"
                    stage = "offsets"
                    result = {table: to_raw_rows(table, rows, article, cleaned_text) for table, rows in merged.items()}
            except Exception as exc:  # noqa: BLE001 - the article boundary: record, never stop the batch
                if not isinstance(exc, ArticleTimeout):
                    log.exception("%s: stage %s failed", article.path, stage)
                yield article, None, _failure(article, stage, exc)
                continue
            yield article, result, None


    def _parse_together(self, prepared: list[tuple[Article, CleanText | None, list[tuple[int, int]], Problem | None]]) -> "list[tuple[list[Doc], float] | None]":
        """Parse the one-segment articles of a batch in one ``nlp.pipe``: per article, (docs, its share
        of the parse seconds), or None for an article to parse alone.

        Why: the model runs ~15 % faster on a batch of texts than on one text at a time (larger matrix
        products, one pipe set-up), and every Doc is the same either way (each text is parsed on its
        own inside the batch). The article boundary still holds: the batch's parse runs inside the sum
        of its articles' budgets and each article is charged a share of it proportional to its length;
        if the batch's parse fails or overruns, every article is parsed alone again inside its own
        budget, exactly as without batching, so the one that fails is the one rejected. Articles of
        several segments (over ``segment_chars``) are always parsed alone, so memory stays bounded.
        """
        together: list[tuple[list[Doc], float] | None] = [None] * len(prepared)
        chosen = [i for i, (_, cleaned, spans, problem) in enumerate(prepared) if problem is None and cleaned is not None and len(spans) == 1]
        if len(chosen) < 2:
            return together
        texts = [prepared[i][1].text for i in chosen]  # type: ignore[union-attr]
        budgets = [self.settings.budget_seconds(len(prepared[i][0].raw_text)) for i in chosen]
        started = time.perf_counter()
        try:
            with time_budget(None if None in budgets else sum(budgets)):  # type: ignore[arg-type]
                docs = list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        except Exception:  # noqa: BLE001 - e.g. a timeout: each article is parsed alone instead
            log.debug("batch parse failed; parsing its articles one by one", exc_info=True)
            return together
        seconds = time.perf_counter() - started
        chars = sum(len(t) for t in texts) or 1
        for i, text, doc, budget in zip(chosen, texts, docs, budgets, strict=True):
            share = seconds * len(text) / chars
            if budget is None or share < budget:
                together[i] = ([doc], share)
        return together


def _failure(article: Article, stage: str, exc: BaseException) -> Problem:
    """The reject of an article that failed: ``timeout: ...`` for a budget overrun, else the stage and error."""
    if isinstance(exc, ArticleTimeout):
        return Problem(article.article_id, article.path, "error", f"timeout: {exc} (stopped in stage {stage})")
    return Problem(article.article_id, article.path, "error", f"stage {stage} failed: {type(exc).__name__}: {exc}")


def shift_rows(table: str, rows: list[dict], offset: int) -> list[dict]:
    """Rows of one segment with every clean offset moved by the segment's start (no-op at 0)."""
    if offset == 0:
        return rows
    out = []
    for row in rows:
        row = dict(row)
        for col in ("start", "end", *(c for pair in OFFSET_PAIRS.get(table, ()) for c in pair), *OFFSET_POINTS.get(table, ())):
            if row.get(col) is not None:
                row[col] += offset
        out.append(row)
    return out


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Outcome = tuple[Article, "dict[str, list[dict]] | None", "Problem | None"]

# --- worker processes: one Extractor (model + rules) per process, built once -----------------------
_WORKER: Extractor | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER
    _WORKER = Extractor(settings)


def _worker_process(articles: list[Article]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.process_batch(articles))


class ResultCache:
    """Per-article results keyed by content, publication date, pipeline version, rules, model and the
    settings that change rows (¥ default, TimeML mode).

    Why: daily batches re-read mostly unchanged folders; an article whose inputs are all unchanged
    gives the same rows, so we reuse them instead of running the model again. Entries not used by a
    run are pruned at its end, so the cache never outgrows the folder it mirrors.
    """

    def __init__(self, folder: Path, settings: Settings, rules: Rules) -> None:
        self.folder = folder
        self.salt = f"{__version__}|{rules.sha256}|{settings.model}|{settings.yen_default}|{fx_key(settings.fx_rates)}|timeml={settings.timeml}"
        self.used: set[str] = set()
        self.hits = 0

    def key(self, article: Article) -> str:
        basis = f"{self.salt}|{article.article_id}|{article.path}|{article.content_sha256}|{article.published}|{article.published_inferred}|{article.title}|{article.source}|{article.url}|{article.language}|{article.encoding}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    def get(self, article: Article) -> dict[str, list[dict]] | None:
        key = self.key(article)
        self.used.add(key)
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                result = pickle.load(handle)  # noqa: S301 - our own cache files, keyed by content hash
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        self.hits += 1
        return result

    def put(self, article: Article, result: dict[str, list[dict]]) -> None:
        key = self.key(article)
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.tmp-{os.getpid()}"
        with tmp.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / f"{key}.pickle")

    def prune(self) -> None:
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pickle"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


def _outcomes(
    batches: Iterator[list[Article]],
    settings: Settings,
    extractor: Extractor | None,
) -> Iterator[list[Outcome]]:
    """Process batches in order, in-process or on ``settings.workers`` processes, bounded in flight."""
    if settings.workers <= 1:
        local = extractor  # built on the first cache miss: a fully cached run never loads the model
        for batch in batches:
            if batch and local is None:
                local = Extractor(settings)
            yield list(local.process_batch(batch)) if batch and local else []
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_worker_init, initargs=(settings,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.submit(_worker_process, batch) if batch else None)
            if len(in_flight) >= 2 * settings.workers:
                head = in_flight.popleft()
                yield head.result() if head is not None else []
        while in_flight:
            head = in_flight.popleft()
            yield head.result() if head is not None else []


def run(settings: Settings, progress: Callable[[int], None] | None = None, extractor: Extractor | None = None, consolidate: bool = True) -> Summary:
    """Extract every article of ``settings.raw_dir`` into ``settings.out_dir``; see the module docstring.

    Streaming: articles are read, processed and written one batch at a time (one Parquet row group per
    batch and table), so memory is bounded by the batch size, not the corpus.
    """
    started = time.perf_counter()
    out_dir = prepare_out(Path(settings.out_dir))
    with out_lock(out_dir):
        remove_stale_temp_files(out_dir)
        return _run_locked(settings, out_dir, started, progress, extractor, consolidate)


def _run_locked(
    settings: Settings, out_dir: Path, started: float, progress: Callable[[int], None] | None, extractor: Extractor | None, consolidate: bool
) -> Summary:
    rules = extractor.rules if extractor else load_rules(settings.rules_dir)
    if extractor is None:
        from pipeline.compile import compile_all

        compile_all(rules)  # every rules file checked once, before any article or model (memoised: free later)
    summary = Summary()
    cache = ResultCache(out_dir / ".cache", settings, rules) if settings.incremental else None
    writers = {name: AtomicTableWriter(name, out_dir) for name in TABLE_NAMES}
    # Per batch: articles in order, problems, and the rows of cache hits (None for a miss).
    pending: deque[tuple[list[Article], list[Problem], list[dict | None]]] = deque()

    def batches() -> Iterator[list[Article]]:
        for batch in batched(iter_articles(Path(settings.raw_dir), int(settings.max_article_mb * 1e6), rules), settings.batch_size):
            articles = [a for a in batch if isinstance(a, Article)]
            problems = [p for p in batch if isinstance(p, Problem)]
            cached = [cache.get(a) if cache else None for a in articles]
            pending.append((articles, problems, cached))
            yield [a for a, c in zip(articles, cached, strict=True) if c is None]

    try:
        for processed in _outcomes(batches(), settings, extractor):
            articles, problems, cached = pending.popleft()
            fresh = {o[0].article_id: o for o in processed}
            rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
            for article, hit in zip(articles, cached, strict=True):
                if hit is not None:
                    result, problem = hit, None
                else:
                    _, result, problem = fresh[article.article_id]
                    if result is not None and cache is not None:
                        cache.put(article, result)
                if problem is not None:
                    problems.append(problem)
                    continue
                assert result is not None
                summary.articles += 1
                rows["articles"].append(article_row(article, rules))
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
    if cache is not None:
        cache.prune()
        summary.cached = cache.hits
    if consolidate:
        consolidate_run(out_dir, rules, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def consolidate_run(out_dir: Path, rules: Rules, summary: Summary, partitioned: bool = False) -> None:
    """Consolidation is across articles: it reads the tables just published, so an incremental run
    (rows from the cache) and a full one give the same consolidated table."""
    from pipeline.consolidate import write_consolidated

    summary.consolidation = write_consolidated(out_dir, rules, partitioned)
    summary.rows["consolidated"] = len(summary.consolidation.rows)


# --- output folder safety (issue 16): checked before any model loads; one writer at a time ----------
LOCK_NAME = ".newsfacts.lock"


def prepare_out(out_dir: Path) -> Path:
    """Create ``out_dir`` (its parent must exist) and prove it writable, or raise a one-line SettingsError.

    Why here and first: a typo'd or read-only --out should fail in a second, not after the model
    has loaded and a batch has been processed.
    """
    from pipeline.errors import SettingsError

    if not out_dir.parent.is_dir():
        raise SettingsError(f"{out_dir}: cannot write tables: parent folder {out_dir.parent} does not exist")
    try:
        out_dir.mkdir(exist_ok=True)
        probe = out_dir / f".write-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise SettingsError(f"{out_dir}: cannot write tables ({exc.strerror or exc})") from None
    return out_dir


@contextlib.contextmanager
def out_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` for the run: a second run on it exits with a clear message.

    ``NEWSFACTS_LOCK_WAIT`` (seconds) makes the second run wait that long for the first instead. The
    lock is an flock on OUT/.newsfacts.lock, released by the kernel when the holder dies (even SIGKILL).
    """
    import fcntl

    from pipeline.errors import SettingsError

    wait = float(os.environ.get("NEWSFACTS_LOCK_WAIT") or 0)
    handle = (out_dir / LOCK_NAME).open("a+")
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise SettingsError(
                        f"{out_dir}: another newsfacts run is writing here ({holder}); wait for it to finish, "
                        "use another --out, or set NEWSFACTS_LOCK_WAIT=SECONDS to wait"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock


def remove_stale_temp_files(out_dir: Path) -> int:
    """Delete temp files a killed run left (tables and cache entries); safe because we hold the lock."""
    removed = 0
    for pattern in (".*.tmp-*", ".write-probe-*"):
        for folder in (out_dir, out_dir / ".cache"):
            for path in folder.glob(pattern) if folder.is_dir() else ():
                path.unlink(missing_ok=True)
                removed += 1
    return removed
