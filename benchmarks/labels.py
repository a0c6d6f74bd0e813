"""Reading a blind labeller's report: which documents were read whole.

Why: a labeller's ``.md`` report lists every document read whole (zero-row ones included, so that anything the
pipeline finds in them counts against precision) in a Markdown table. Labellers lay it out their own way (a row
number or none, a suite column, per-type counts, two documents a row), so the documents are found as the cells of
the report's document table that are listed documents, not by position.
"""

from __future__ import annotations

import sys
from pathlib import Path


def table_doc_ids(report: Path, listed: set[str]) -> list[str]:
    """The documents of ``report``'s document table (of its Markdown tables, the one naming most ``listed`` documents),
    in reading order. Exits with the file's name when there is none or a document is in it twice."""
    if not report.is_file():
        sys.exit(f"report not found: {report.name}")
    tables: list[list[str]] = []
    inside = False
    for line in report.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("|"):
            inside = False
            continue
        if not inside:
            tables.append([])
            inside = True
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        tables[-1].extend(cell for cell in cells if cell in listed)
    ids = max(tables, key=len, default=[])
    if not ids or len(ids) != len(set(ids)):
        sys.exit(f"no document table, or a document listed twice, in {report.name}")
    return ids
