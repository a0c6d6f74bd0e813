"""Spans of one article for review: every extracted mention, its fact, and its status against gold.

Generic over the table schemas: the side-table columns come from theme.yaml's candidate lists, so a
new column or table needs a line of YAML, not code. Matching here is for display (which span to mark
how); the official scores are the metrics file written by ``newsfacts validate``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline.report.config import Theme
from pipeline.tables import SCHEMAS

#: Gold fields compared with the extracted row when both have them (shown as "differs: ...").
COMPARED = ("value", "unit", "qualifier", "metric", "subject", "period")


@dataclass
class Span:
    """One highlighted span and its side-table row."""

    table: str
    start: int
    end: int
    text: str
    label: str
    fields: dict[str, Any] = field(default_factory=dict)
    status: str = "none"
    gold: dict[str, Any] | None = None
    differs: list[str] = field(default_factory=list)
    text_ok: bool = True
    n: int = 0

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def clean(value: Any) -> Any:
    """pandas NA/NaN/NaT -> None, numpy scalars -> Python, so pages and comparisons see plain values."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def pick(row: dict[str, Any], table: str, candidates: list[str]) -> Any:
    names = SCHEMAS[table].names
    for name in candidates:
        if name in names:
            return clean(row.get(name))
    return None


def row_fields(row: dict[str, Any], table: str, theme: Theme) -> dict[str, Any]:
    """The side-table view of a row: value, low, high, unit, qualifier, detail, per_quantity, per_unit."""
    out = {key: pick(row, table, cands) for key, cands in theme.columns.items()}
    out["metric"] = clean(row.get("metric")) if "metric" in SCHEMAS[table].names else None
    return out


def span_label(table: str, row: dict[str, Any], theme: Theme) -> str:
    spec = theme.facts if table == "facts" else theme.types[table]
    if "label_column" in spec:
        return str(clean(row.get(spec["label_column"])) or table).upper()
    return str(spec["label"])


def extracted_spans(tables: dict[str, pd.DataFrame], article_id: str, text: str | None, theme: Theme, facts: list[Span]) -> list[Span]:
    """Mentions of every table in theme order, with the fact of the same span folded in.

    ``facts`` are this article's fact spans (see ``fact_spans``); one whose span no mention has is
    kept as a span of its own, so every extracted number is highlighted.
    """
    spans: list[Span] = []
    by_span: dict[tuple[int, int], Span] = {}
    for table in theme.types:
        frame = tables[table]
        for row in frame[frame["article_id"] == article_id].to_dict("records"):
            span = _span(table, row, text, theme)
            spans.append(span)
            if table != "entities":  # a fact's number is a money/count/quantity mention, never an entity
                by_span.setdefault((span.start, span.end), span)
    for span in facts:
        host = by_span.get((span.start, span.end))
        if host is None:
            spans.append(span)
        else:
            for key in ("subject", "period"):
                host.fields[key] = span.fields.get(key)
    spans.sort(key=lambda s: (s.start, -(s.end - s.start), s.table))
    return spans


def fact_spans(tables: dict[str, pd.DataFrame], article_id: str, text: str | None, theme: Theme) -> list[Span]:
    frame = tables["facts"]
    return [_span("facts", row, text, theme) for row in frame[frame["article_id"] == article_id].to_dict("records")]


def _span(table: str, row: dict[str, Any], text: str | None, theme: Theme) -> Span:
    start, end = int(row["start"]), int(row["end"])
    fields = row_fields(row, table, theme)
    if table == "facts":
        fields.update(subject=clean(row.get("subject")), period=clean(row.get("period")), fact_id=clean(row.get("fact_id")))
    return Span(
        table=table,
        start=start,
        end=end,
        text=str(row["text"]),
        label=span_label(table, row, theme),
        fields=fields,
        text_ok=text is None or text[start:end] == row["text"],
    )


def gold_spans(rows: list[dict[str, Any]], text: str | None, theme: Theme) -> list[Span]:
    """Gold rows placed in the text; facts are placed by their mention_text inside the evidence."""
    spans = []
    for row in rows:
        table = theme.gold_types.get(str(row.get("type")))
        if table is None:
            continue
        placed = _place(row, text)
        if placed is None:
            continue
        start, end = placed
        spec = theme.facts if table == "facts" else theme.types[table]
        label = str(spec.get("label") or row.get("type")).upper()
        fields = {
            "value": row.get("value"),
            "low": row.get("value_low"),
            "high": row.get("value_high"),
            "unit": row.get("unit"),
            "qualifier": row.get("qualifier") or row.get("mod"),
            "detail": row.get("metric") or row.get("date_type") or row.get("type"),
            "metric": row.get("metric"),
            "per_quantity": row.get("per_quantity"),
            "per_unit": row.get("per_unit"),
            "subject": row.get("subject"),
            "period": row.get("period"),
        }
        spans.append(Span(table, start, end, text[start:end] if text else str(row.get("text") or row.get("mention_text") or ""), label, fields, "miss", row))
    return spans


def _place(row: dict[str, Any], text: str | None) -> tuple[int, int] | None:
    start, end = row.get("start"), row.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return start, end
    needle = row.get("mention_text") or row.get("text")
    if not needle or text is None:
        return None
    lo, hi = row.get("evidence_start"), row.get("evidence_end")
    if isinstance(lo, int) and isinstance(hi, int) and hi > lo:
        at = text.find(needle, lo, hi)
        if at >= 0:
            return at, at + len(needle)
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def review(extracted: list[Span], gold: list[Span]) -> list[Span]:
    """Mark extracted spans match/partial/fp against gold of the same table; return the missed gold.

    One-to-one, greedy: exact spans first, then the largest overlap; a label that agrees (e.g. the
    quantity kind) wins a tie.
    """
    tables = {g.table for g in gold}
    for span in extracted:
        if span.table in tables:
            span.status = "fp"
    pairs = []
    for i, p in enumerate(extracted):
        for j, g in enumerate(gold):
            if p.table == g.table and p.overlaps(g.start, g.end):
                exact = (p.start, p.end) == (g.start, g.end)
                overlap = min(p.end, g.end) - max(p.start, g.start)
                pairs.append((not exact, -overlap, p.label != g.label, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for inexact, _, _, i, j in sorted(pairs):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = extracted[i], gold[j]
        p.status = "partial" if inexact else "match"
        p.gold = g.gold
        p.differs = differences(p.fields, g.fields)
    return [g for j, g in enumerate(gold) if j not in used_g]


def differences(pred: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    out = []
    for key in COMPARED:
        p, g = pred.get(key), gold.get(key)
        if p is None or g is None:
            continue
        if isinstance(p, (int, float)) and isinstance(g, (int, float)):
            if not math.isclose(float(p), float(g), rel_tol=1e-6, abs_tol=1e-9):
                out.append(f"{key}: gold {g:g}")
        elif str(p) != str(g):
            out.append(f"{key}: gold {g}")
    return out
