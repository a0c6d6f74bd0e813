"""``newsfacts report``: a static HTML review site built from the tables, like a user would read them.

Never imports an extractor: it reads extracted/*.parquet (via ``pipeline.load``'s reader), the
metrics file of ``newsfacts validate``, the gold files and the raw texts. Opens from disk, offline.
"""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.commands import EXTRACTED, add_command, path

__all__ = ["Built", "build_report", "register"]


def __getattr__(name: str) -> Any:
    """``build_report`` and ``Built`` are imported on first use: the CLI registers ``report`` on every
    run, and importing the site builder (pandas, matplotlib) would cost every ``extract`` a second."""
    if name in ("Built", "build_report"):
        from pipeline.report import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register(sub: argparse._SubParsersAction) -> None:
    add_command(
        sub,
        cmd_report,
        (
            EXTRACTED,
            path("--gold", "tests/gold", "folder of gold <article_id>.jsonl files; optional (default: tests/gold/)"),
            path("--raw", "raw", "folder of the raw articles, for the text (default: raw/)"),
            path("--out", None, "folder for the site (default: EXTRACTED/report/)"),
        ),
    )


def cmd_report(args: argparse.Namespace) -> int:
    """write a static HTML review site of an extraction run

    Write a self-contained static site (opens from disk, no network): an index of articles with row
    counts and validation scores, one page per article with every extracted span highlighted (marked
    against gold where a gold file exists), a filterable facts page with plots, and a page of
    consolidated facts across articles (series on a date axis, conflicts with their sources side by side).
    """
    from pipeline.report.build import build_report

    out = args.out if args.out is not None else args.extracted / "report"
    built = build_report(args.extracted, out, gold=args.gold, raw=args.raw)
    scores = "with validation scores" if built.metrics else "no metrics file (run `newsfacts validate` for scores)"
    print(
        f"newsfacts report: {built.articles} article page(s), {built.facts} fact(s), {built.plots} plot(s), {built.consolidated} consolidated row(s), "
        f"gold for {built.gold} article(s), {scores}\n  open {built.index}"
    )
    return 0
