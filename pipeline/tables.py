"""Explicit pyarrow schemas for every output table, and atomic, incremental Parquet writing.

Why explicit schemas: inferred types drift with the data (an all-null column becomes ``null``, an
integer column becomes float after one NaN), which breaks notebooks and ``dvc metrics diff`` between
runs. Why atomic: a crash or Ctrl-C must never leave a half-written table behind; we write to a temp
file in the same directory and ``os.replace`` it at the end. Why incremental: row groups are written
per batch, so memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

SPAN_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("start", pa.int64(), nullable=False),
    pa.field("end", pa.int64(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
]

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "less_than", "at_most", "range")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("path", pa.string(), nullable=False),
            pa.field("title", pa.string()),
            pa.field("published", pa.date32()),
            pa.field("published_inferred", pa.bool_(), nullable=False),
            pa.field("source", pa.string()),
            pa.field("url", pa.string()),
            pa.field("language", pa.string()),
            pa.field("encoding", pa.string(), nullable=False),
            pa.field("n_chars", pa.int64(), nullable=False),
            pa.field("content_sha256", pa.string(), nullable=False),
            pa.field("pipeline_version", pa.string(), nullable=False),
            pa.field("rules_sha256", pa.string(), nullable=False),
        ]
    ),
    "rejects": pa.schema(
        [
            pa.field("article_id", pa.string()),
            pa.field("path", pa.string(), nullable=False),
            pa.field("severity", pa.string(), nullable=False),
            pa.field("reason", pa.string(), nullable=False),
        ]
    ),
    "entities": pa.schema(
        SPAN_FIELDS
        + [
            pa.field("label", pa.string(), nullable=False),
            pa.field("canonical_id", pa.string()),
            pa.field("canonical_name", pa.string()),
            pa.field("entity_type", pa.string()),
            pa.field("source", pa.string(), nullable=False),
        ]
    ),
    "money": pa.schema(
        SPAN_FIELDS
        + [
            pa.field("amount", pa.float64()),
            pa.field("amount_low", pa.float64()),
            pa.field("amount_high", pa.float64()),
            pa.field("currency", pa.string()),
            pa.field("currency_raw", pa.string()),
            pa.field("currency_rule", pa.string()),
            pa.field("qualifier", pa.string(), nullable=False),
            pa.field("per_quantity", pa.float64()),
            pa.field("per_unit", pa.string()),
            pa.field("unit_price", pa.float64()),
            pa.field("amount_usd", pa.float64()),
            pa.field("amount_low_usd", pa.float64()),
            pa.field("amount_high_usd", pa.float64()),
            pa.field("amount_usd_reference", pa.float64()),
            pa.field("fx_rate", pa.float64()),
            pa.field("fx_rate_date", pa.date32()),
            pa.field("fx_source", pa.string()),
            pa.field("fx_note", pa.string()),
            pa.field("equivalent_of", pa.int64()),
            pa.field("metric", pa.string(), nullable=False),
            pa.field("rule", pa.string(), nullable=False),
        ]
    ),
    "user_counts": pa.schema(
        SPAN_FIELDS
        + [
            pa.field("value", pa.float64()),
            pa.field("value_low", pa.float64()),
            pa.field("value_high", pa.float64()),
            pa.field("qualifier", pa.string(), nullable=False),
            pa.field("metric", pa.string(), nullable=False),
            pa.field("period_hint", pa.string()),
            pa.field("rule", pa.string(), nullable=False),
        ]
    ),
    "quantities": pa.schema(
        SPAN_FIELDS
        + [
            pa.field("kind", pa.string(), nullable=False),
            pa.field("value", pa.float64()),
            pa.field("value_low", pa.float64()),
            pa.field("value_high", pa.float64()),
            pa.field("unit", pa.string()),
            pa.field("qualifier", pa.string(), nullable=False),
            pa.field("change", pa.string()),
            pa.field("rule", pa.string(), nullable=False),
            # issue 15: the counted noun as written with its modifiers; a measure's value in SI base units
            pa.field("unit_text", pa.string()),
            pa.field("value_si", pa.float64()),
        ]
    ),
    "dates": pa.schema(
        SPAN_FIELDS
        + [
            pa.field("value", pa.string()),
            pa.field("type", pa.string(), nullable=False),
            pa.field("start_date", pa.date32()),
            pa.field("end_date", pa.date32()),
            pa.field("granularity", pa.string()),
            pa.field("mod", pa.string()),
            pa.field("is_relative", pa.bool_(), nullable=False),
            pa.field("anchor", pa.date32()),
            # fiscal periods (issue 18): calendar gregorian | fiscal; the fiscal year's last day (MM-DD)
            # and whose calendar it is (company id, country:XX), null when unknown
            pa.field("calendar", pa.string()),
            pa.field("fiscal_year_end", pa.string()),
            pa.field("calendar_of", pa.string()),
            pa.field("rule", pa.string(), nullable=False),
        ]
    ),
    "facts": pa.schema(
        [
            pa.field("fact_id", pa.string(), nullable=False),
        ]
        + SPAN_FIELDS
        + [
            pa.field("subject", pa.string()),
            pa.field("subject_id", pa.string()),
            pa.field("subject_text", pa.string()),
            pa.field("subject_source", pa.string()),
            pa.field("metric", pa.string(), nullable=False),
            pa.field("metric_text", pa.string()),
            pa.field("value", pa.float64()),
            pa.field("unit", pa.string()),
            pa.field("qualifier", pa.string(), nullable=False),
            pa.field("per_quantity", pa.float64()),
            pa.field("per_unit", pa.string()),
            pa.field("period", pa.string()),
            pa.field("period_start", pa.date32()),
            pa.field("period_end", pa.date32()),
            pa.field("period_source", pa.string()),
            pa.field("change_from", pa.float64()),
            pa.field("change_pct", pa.float64()),
            pa.field("evidence_start", pa.int64(), nullable=False),
            pa.field("evidence_end", pa.int64(), nullable=False),
            pa.field("evidence", pa.string(), nullable=False),
            pa.field("confidence", pa.float64(), nullable=False),
            pa.field("rule", pa.string(), nullable=False),
        ]
    ),
}

# --- changes (issue 21): one row per change statement or multiplier, tying the numbers it relates ---
# (from / to / by / multiplier) to their mentions by span; written after quantities, before facts.
_VALUE_REF = [pa.field(f"{part}_{edge}", pa.int64()) for part in ("from", "to", "by", "multiplier") for edge in ("start", "end")]
SCHEMAS["changes"] = pa.schema(
    SPAN_FIELDS
    + [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("direction", pa.string(), nullable=False),
        pa.field("unit", pa.string()),
        pa.field("from_value", pa.float64()),
        pa.field("to_value", pa.float64()),
        pa.field("by_value", pa.float64()),
        pa.field("by_unit", pa.string()),
        pa.field("absolute_change", pa.float64()),
        pa.field("relative_change", pa.float64()),
        pa.field("multiplier", pa.float64()),
        pa.field("baseline", pa.string()),
    ]
    + _VALUE_REF
    + [pa.field("rule", pa.string(), nullable=False)]
)


# --- consolidated (pipeline/consolidate.py): one row per subject, metric, unit and period across articles
SCHEMAS["consolidated"] = pa.schema(
    [
        pa.field("consolidated_id", pa.string(), nullable=False),
        pa.field("subject_id", pa.string(), nullable=False),
        pa.field("subject", pa.string()),
        pa.field("metric", pa.string(), nullable=False),
        pa.field("unit", pa.string()),
        pa.field("per_quantity", pa.float64()),
        pa.field("per_unit", pa.string()),
        pa.field("period", pa.string(), nullable=False),
        pa.field("period_start", pa.date32()),
        pa.field("period_end", pa.date32()),
        pa.field("period_basis", pa.string(), nullable=False),
        pa.field("modality", pa.string(), nullable=False),
        pa.field("value", pa.float64(), nullable=False),
        pa.field("qualifier", pa.string(), nullable=False),
        pa.field("value_min", pa.float64(), nullable=False),
        pa.field("value_max", pa.float64(), nullable=False),
        pa.field("spread", pa.float64()),
        pa.field("value_usd", pa.float64()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("n_facts", pa.int64(), nullable=False),
        pa.field("n_articles", pa.int64(), nullable=False),
        pa.field("fact_ids", pa.list_(pa.string()), nullable=False),
        pa.field("article_ids", pa.list_(pa.string()), nullable=False),
        pa.field("conflict_fact_ids", pa.list_(pa.string()), nullable=False),
        pa.field("first_published", pa.date32()),
        pa.field("last_published", pa.date32()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("evidence", pa.string(), nullable=False),
        pa.field("evidence_fact_id", pa.string(), nullable=False),
        pa.field("evidence_article_id", pa.string(), nullable=False),
    ]
)

#: Tables whose rows are mentions found in an article's text (all share SPAN_FIELDS).
MENTION_TABLES = ("entities", "money", "user_counts", "quantities", "dates", "facts", "changes")
#: Tables computed across articles after every article is written (never per article or batch).
CROSS_ARTICLE_TABLES = ("consolidated",)
#: Tables written per article batch by the extractors.
TABLE_NAMES = tuple(name for name in SCHEMAS if name not in CROSS_ARTICLE_TABLES)


def to_arrow(name: str, rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Build a table with the declared schema; an unknown or missing key is a programming error."""
    schema = SCHEMAS[name]
    names = set(schema.names)
    rows = list(rows)
    for row in rows:
        extra = set(row) - names
        if extra:
            raise KeyError(f"table {name}: unknown column(s) {sorted(extra)}")
    _arrays_without_pandas()
    return pa.Table.from_pylist(rows, schema=schema)


_PANDAS_CHECKED: list[bool] = []


class _NoPandas:
    """A meta-path finder that refuses pandas (see ``_arrays_without_pandas``)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"{name} is not needed here", name=name)


def _arrays_without_pandas() -> None:
    """Let pyarrow build arrays from our Python rows without importing pandas.

    Why: ``pa.array`` asks on its first call whether its input is a pandas object, and to ask it
    imports pandas (~0.4 s, a fifth of a one-article run's start-up, issue 22). While pandas is not
    imported nothing can be a pandas object, so that first question is asked with pandas' import
    refused for the moment: pyarrow then builds arrays from rows exactly as before. Anything that
    needs pandas later (``Table.to_pandas`` in ``read_table``) makes pyarrow import it then, as usual.
    Nothing happens when pandas is already imported.
    """
    if _PANDAS_CHECKED:
        return
    _PANDAS_CHECKED.append(True)
    import sys

    if "pandas" in sys.modules:
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], type=pa.int64())
    finally:
        sys.meta_path.remove(finder)


class AtomicTableWriter:
    """Write one table in row groups to a temp file; publish it with ``os.replace`` on ``close``.

    ``abort`` (or leaving the ``with`` block by an exception) deletes the temp file, so the previous
    version of the table stays intact.
    """

    def __init__(self, name: str, out_dir: Path, path: Path | None = None) -> None:
        self.name = name
        self.schema = SCHEMAS[name]
        self.path = Path(path) if path is not None else Path(out_dir) / f"{name}.parquet"
        self.tmp = self.path.parent / f".{self.path.name}.tmp-{os.getpid()}"
        self.rows = 0
        self._writer: pq.ParquetWriter | None = None

    def write(self, rows: list[Mapping[str, Any]]) -> None:
        if not rows:
            return
        table = to_arrow(self.name, rows)
        if self._writer is None:
            self.tmp.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self._writer.write_table(table)
        self.rows += table.num_rows

    def close(self) -> None:
        if self._writer is None:  # no rows at all: still publish an empty table with the schema
            self.tmp.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(self.schema.empty_table(), self.tmp, compression="zstd")
        else:
            self._writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> "AtomicTableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            self.close()
        else:
            self.abort()


def table_path(name: str, extracted: str | Path) -> Path:
    """``<name>.parquet`` (local executor) or the partitioned dataset folder ``<name>/`` (Dask)."""
    single = Path(extracted) / f"{name}.parquet"
    folder = Path(extracted) / name
    if not single.exists() and folder.is_dir():
        return folder
    return single


def read_arrow(name: str, extracted: str | Path = "extracted") -> pa.Table:
    """Read one table (single file or partitioned dataset) with its declared schema, in row order."""
    path = table_path(name, extracted)
    if path.is_dir():
        parts = sorted(p for p in path.glob("part-*.parquet"))
        if not parts:
            return SCHEMAS[name].empty_table()
        return pa.concat_tables(pq.read_table(p, schema=SCHEMAS[name]) for p in parts)
    return pq.read_table(path, schema=SCHEMAS[name])


def read_rows(name: str, extracted: str | Path = "extracted") -> list[dict]:
    """One table as a list of row dicts ([] when it was never written), in row order.

    Through ``ParquetFile``, not ``pq.read_table``: the latter imports pyarrow.dataset, which imports
    pandas (~0.4 s); row readers such as consolidation need neither."""
    path = table_path(name, extracted)
    if not path.exists():
        return []
    parts = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    rows: list[dict] = []
    for part in parts:
        rows.extend(pq.ParquetFile(part).read().to_pylist())
    return rows


def read_table(name: str, extracted: str | Path = "extracted", missing_ok: bool = False):  # noqa: ANN201 - pandas lazily
    """Read one table into pandas with nullable dtypes that match the schema (dates as datetime64).

    ``missing_ok`` gives an empty frame with the same dtypes when the table was never written (an
    older run), so readers such as the report need no second copy of the casts.
    """
    import pandas as pd

    if name not in SCHEMAS:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join(SCHEMAS)}")
    if missing_ok and not table_path(name, extracted).exists():
        table = SCHEMAS[name].empty_table()
    else:
        table = read_arrow(name, extracted)
    frame = table.to_pandas(types_mapper=_pandas_type)
    for field in SCHEMAS[name]:
        if pa.types.is_date32(field.type):
            frame[field.name] = pd.to_datetime(frame[field.name])
    return frame


def _pandas_type(arrow_type: pa.DataType):  # noqa: ANN202
    import pandas as pd

    if pa.types.is_string(arrow_type):
        return pd.StringDtype()
    if pa.types.is_int64(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_float64(arrow_type):
        return pd.Float64Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    return None
