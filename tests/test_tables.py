"""Schemas: explicit, round-trip exactly, writes are atomic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.tables import MENTION_TABLES, SCHEMAS, AtomicTableWriter, read_table, to_arrow


@pytest.mark.parametrize("name", MENTION_TABLES)
def test_every_mention_table_shares_the_span_columns(name: str) -> None:
    names = SCHEMAS[name].names
    for col in ("article_id", "start", "end", "text"):
        assert col in names
    assert SCHEMAS[name].field("start").type == pa.int64()


def test_schema_round_trip(tmp_path: Path) -> None:
    row = {
        "article_id": "a", "start": 3, "end": 9, "text": "2024-11", "value": "2024-11", "type": "date",
        "start_date": date(2024, 11, 1), "end_date": date(2024, 11, 30), "granularity": "month",
        "mod": None, "is_relative": False, "anchor": date(2024, 12, 20), "calendar": "fiscal",
        "fiscal_year_end": "01-31", "calendar_of": "nvidia", "rule": "test", "time_zone": None,
    }
    with AtomicTableWriter("dates", tmp_path) as writer:
        writer.write([row])
    table = pq.read_table(tmp_path / "dates.parquet")
    assert table.schema.equals(SCHEMAS["dates"])
    assert table.to_pylist() == [row]
    frame = read_table("dates", tmp_path)
    assert str(frame["start"].dtype) == "Int64"
    assert str(frame["text"].dtype) == "string"
    assert str(frame["start_date"].dtype).startswith("datetime64")


def test_empty_table_is_written_with_its_schema(tmp_path: Path) -> None:
    with AtomicTableWriter("money", tmp_path):
        pass
    assert pq.read_schema(tmp_path / "money.parquet").equals(SCHEMAS["money"])


def test_unknown_column_is_an_error() -> None:
    with pytest.raises(KeyError, match="unknown column"):
        to_arrow("rejects", [{"path": "x", "severity": "error", "reason": "r", "oops": 1}])


def test_a_crash_leaves_the_previous_table_intact(tmp_path: Path) -> None:
    good = {"article_id": "a", "path": "a.txt", "severity": "error", "reason": "first run"}
    with AtomicTableWriter("rejects", tmp_path) as writer:
        writer.write([good])
    with pytest.raises(RuntimeError):
        with AtomicTableWriter("rejects", tmp_path) as writer:
            writer.write([{**good, "reason": "second run"}])
            raise RuntimeError("crash halfway")
    assert pq.read_table(tmp_path / "rejects.parquet").to_pylist() == [good]
    assert [p.name for p in tmp_path.iterdir()] == ["rejects.parquet"]  # no temp file left behind
