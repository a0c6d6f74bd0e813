"""Reading a blind labeller's report: which documents were read whole.

Why: a labeller's ``.md`` report lists every document read whole (zero-row ones included, so that anything the
pipeline finds in them counts against precision) in a Markdown table whose first cell is the row number. Labellers
add columns of their own (a suite, per-type counts), so the doc_id is found as the first cell that is a listed
document, not by position.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_TABLE_ROW = re.compile(r"^\|\s*\d+\s*\|(.*)\|\s*$", re.M)


def table_doc_ids(report: Path, listed: set[str]) -> list[str]:
    """The documents of ``report``'s table, in its order: the first cell of each numbered row that is in ``listed``.
    Exits with the file's name when there is no such row or a document is listed twice."""
    if not report.is_file():
        sys.exit(f"report not found: {report.name}")
    ids: list[str] = []
    for match in _TABLE_ROW.finditer(report.read_text(encoding="utf-8")):
        cells = [cell.strip().strip("`") for cell in match.group(1).split("|")]
        found = [cell for cell in cells if cell in listed]
        if found:  # (another numbered table of the report names none)
            ids.append(found[0])
    if not ids or len(ids) != len(set(ids)):
        sys.exit(f"no or duplicate documents in the table of {report.name}")
    return ids
