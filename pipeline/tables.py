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

#: the column types the tables use, by the name the column tables below write them with
COLUMN_TYPES = {
    "string": pa.string(),
    "float64": pa.float64(),
    "int64": pa.int64(),
    "date32": pa.date32(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


def columns(table: str) -> list[pa.Field]:
    """The fields of a column table: one column a line, ``name type`` or ``name type not null``
    (``type`` a key of ``COLUMN_TYPES``); ``#`` starts a comment. Why a table: a schema is a list of
    columns to read down, and ``pa.field(..., nullable=False)`` on every line hid the names in noise."""
    fields = []
    for line in table.splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        name, kind, *null = words
        if kind not in COLUMN_TYPES or null not in ([], ["not", "null"]):
            raise ValueError(f"column table: cannot read {line.strip()!r}")
        fields.append(pa.field(name, COLUMN_TYPES[kind], nullable=not null))
    return fields


SPAN_FIELDS = columns("""
    article_id  string  not null
    start       int64   not null
    end         int64   not null
    text        string  not null
""")

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "less_than", "at_most", "range")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        columns("""
            article_id          string  not null
            path                string  not null
            title               string
            published           date32
            published_inferred  bool    not null
            source              string
            url                 string
            language            string
            encoding            string  not null
            n_chars             int64   not null
            content_sha256      string  not null
            pipeline_version    string  not null
            rules_sha256        string  not null
        """)
    ),
    "rejects": pa.schema(
        columns("""
            article_id  string
            path        string  not null
            severity    string  not null
            reason      string  not null
        """)
    ),
    "entities": pa.schema(
        SPAN_FIELDS
        + columns("""
            label           string  not null
            canonical_id    string
            canonical_name  string
            entity_type     string
            source          string  not null
        """)
    ),
    "money": pa.schema(
        SPAN_FIELDS
        + columns("""
            amount                float64
            amount_low            float64
            amount_high           float64
            currency              string
            currency_raw          string
            currency_rule         string
            qualifier             string   not null
            per_quantity          float64
            per_unit              string
            unit_price            float64
            amount_usd            float64
            amount_low_usd        float64
            amount_high_usd       float64
            amount_usd_reference  float64
            fx_rate               float64
            fx_rate_date          date32
            fx_source             string
            fx_note               string
            equivalent_of         int64
            metric                string   not null
            rule                  string   not null
        """)
    ),
    "user_counts": pa.schema(
        SPAN_FIELDS
        + columns("""
            value        float64
            value_low    float64
            value_high   float64
            qualifier    string   not null
            metric       string   not null
            period_hint  string
            rule         string   not null
        """)
    ),
    "quantities": pa.schema(
        SPAN_FIELDS
        + columns("""
            kind        string   not null
            value       float64
            value_low   float64
            value_high  float64
            unit        string
            qualifier   string   not null
            change      string
            rule        string   not null
            # issue 15: the counted noun as written with its modifiers; a measure's value in SI base units
            unit_text   string
            value_si    float64
        """)
    ),
    "dates": pa.schema(
        SPAN_FIELDS
        + columns("""
            value            string
            type             string  not null
            start_date       date32
            end_date         date32
            granularity      string
            mod              string
            is_relative      bool    not null
            anchor           date32
            # fiscal periods (issue 18): calendar gregorian | fiscal; the fiscal year's last day (MM-DD)
            # and whose calendar it is (company id, country:XX), null when unknown
            calendar         string
            fiscal_year_end  string
            calendar_of      string
            rule             string  not null
            # a time of day's zone as written ("UTC", "EDT"; null when none or not a time): never converted
            time_zone        string
        """)
    ),
    "facts": pa.schema(
        columns("fact_id  string  not null")
        + SPAN_FIELDS
        + columns("""
            subject         string
            subject_id      string
            subject_text    string
            subject_source  string
            metric          string   not null
            metric_text     string
            value           float64
            unit            string
            qualifier       string   not null
            per_quantity    float64
            per_unit        string
            period          string
            period_start    date32
            period_end      date32
            period_source   string
            change_from     float64
            change_pct      float64
            evidence_start  int64    not null
            evidence_end    int64    not null
            evidence        string   not null
            confidence      float64  not null
            rule            string   not null
        """)
    ),
}

# --- changes (issue 21): one row per change statement or multiplier, tying the numbers it relates ---
# (from / to / by / multiplier) to their mentions by span; written after quantities, before facts.
_VALUE_REF = [pa.field(f"{part}_{edge}", pa.int64()) for part in ("from", "to", "by", "multiplier") for edge in ("start", "end")]
SCHEMAS["changes"] = pa.schema(
    SPAN_FIELDS
    + columns("""
        kind             string   not null
        direction        string   not null
        unit             string
        from_value       float64
        to_value         float64
        by_value         float64
        by_unit          string
        absolute_change  float64
        relative_change  float64
        multiplier       float64
        baseline         string
    """)
    + _VALUE_REF
    + columns("""
        rule           string   not null
        subject_start  int64
        subject_end    int64
    """)
)


# --- consolidated (pipeline/consolidate.py): one row per subject, metric, unit and period across articles
SCHEMAS["consolidated"] = pa.schema(
    columns("""
        consolidated_id      string        not null
        subject_id           string        not null
        subject              string
        metric               string        not null
        metric_text          string
        unit                 string
        per_quantity         float64
        per_unit             string
        period               string        not null
        period_start         date32
        period_end           date32
        period_basis         string        not null
        modality             string        not null
        value                float64       not null
        qualifier            string        not null
        value_min            float64       not null
        value_max            float64       not null
        spread               float64
        value_usd            float64
        status               string        not null
        n_facts              int64         not null
        n_articles           int64         not null
        fact_ids             list<string>  not null
        article_ids          list<string>  not null
        conflict_fact_ids    list<string>  not null
        first_published      date32
        last_published       date32
        text                 string        not null
        evidence             string        not null
        evidence_fact_id     string        not null
        evidence_article_id  string        not null
    """)
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
