"""Documentation stays true: every column of every table is documented in extracted/README.md."""

from __future__ import annotations

import re

import pytest

from pipeline.tables import SCHEMAS
from tests.conftest import REPO

DOC = (REPO / "extracted" / "README.md").read_text(encoding="utf-8")


def _section(name: str) -> str:
    match = re.search(rf"^## {name}\n(.*?)(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert match, f"extracted/README.md has no section for {name}"
    return match.group(1)


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_column_is_documented(table: str) -> None:
    section = _section(table)
    documented = set(re.findall(r"^\| ([a-z0-9_, ]+) \|", section, re.MULTILINE))
    names = {n.strip() for cell in documented for n in cell.split(",")}
    missing = [c for c in SCHEMAS[table].names if c not in names]
    assert not missing, f"{table}: undocumented column(s) {missing}"
