"""What a number measures: the metric of a money, user-count or quantity row, with its value and unit.

Money and user-count rows carry their metric from their extractor; quantities get one from their kind,
their counted noun, or (percentages) a change word or the nearest cue word.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.facts.config import FactRules

def _near_cue(text: str, start: int, end: int, cues: tuple[tuple[str, re.Pattern], ...], window: int) -> str | None:
    """The metric whose cue is nearest to [start, end) within ``window`` characters."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    best: tuple[int, str] | None = None
    for metric, pattern in cues:
        for m in pattern.finditer(text, lo, hi):
            dist = start - m.end() if m.end() <= start else max(0, m.start() - end)
            if best is None or dist < best[0]:
                best = (dist, metric)
    return best[1] if best else None


def describe(table: str, row: dict, doc: Doc, fr: FactRules, text: str | None = None) -> tuple[str, float | None, str | None] | None:
    """(metric, value, unit) of one mention, or None when its metric is not clear. ``text`` is
    ``doc.text`` when the caller already has it (Doc.text re-joins every token on each access)."""
    if table == "money":
        metric = row.get("metric")
        if not metric or metric in fr.money_skip_metrics:
            return None
        if fr.money_skip_equivalents and row.get("equivalent_of") is not None:
            return None
        return metric, _value(row, "amount"), row.get("currency")
    if table == "user_counts":
        return (row["metric"], _value(row, "value"), "users") if row.get("metric") else None
    kind = row.get("kind")
    unit = row.get("unit")
    metric = fr.quantity_kinds.get(kind or "")
    if metric is None and unit and unit.lower() in fr.count_units:
        metric = fr.count_units[unit.lower()]
    if metric is None and kind == "percent":
        metric = fr.percent_change.get(row.get("change") or "")
        if metric is None:
            metric = _near_cue(doc.text if text is None else text, row["start"], row["end"], fr.percent_cues, fr.cue_window)
    return (metric, _value(row, "value"), unit) if metric else None


def _value(row: dict, key: str) -> float | None:
    value = row.get(key)
    if value is None and row.get(f"{key}_low") is not None and row.get(f"{key}_high") is not None:
        value = (row[f"{key}_low"] + row[f"{key}_high"]) / 2
    return None if value is None else float(value)
