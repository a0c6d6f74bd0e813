"""Infer a publication date from the text when the manifest gives none.

Why this heuristic: news text describes the past, so the latest fully or partly specified calendar
date it mentions is a lower bound for when it was written and usually close to it. We take the latest
"Month D, YYYY", "D Month YYYY", "mid-/early-/late- Month YYYY" or "Month YYYY" mention (the end of that
month for month precision); with only bare years, the 31 December of the latest year that is not
announced as future ("by 2025", "until 2030" are skipped).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pipeline import patterns as rx
from pipeline.lexicon import alternation
from pipeline.prefilter import Gates
from pipeline.rules import Rules, load_rules

_YEAR = re.compile(r"(?<![\w$¥€£-])((?:19|20)\d{2})(?![\w%-])")
_FUTURE_CUE = re.compile(r"\b(by|until|before|through)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DatePatterns:
    """The month names of rules/dates.yaml (``months``, the one list) as the patterns read here."""

    #: lower-cased month name or abbreviation -> month number ("sept" -> 9)
    months: Mapping[str, int]
    full: re.Pattern
    full_dmy: re.Pattern
    month_year: re.Pattern
    #: the three patterns' required-literal gates, in that order (a month name and a year's "19"/"20"):
    #: most articles lack one, and then the three whole-text searches are skipped (issue 22)
    gates: Gates


def compile_published(rules: Rules) -> DatePatterns:
    months = rules.get("dates")["months"]
    month = r"(" + alternation(months) + r")\.?"
    full = rx.compile(month + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
    full_dmy = rx.compile(r"\b(\d{1,2})\s+" + month + r"\s+((?:19|20)\d{2})\b")
    month_year = rx.compile(r"(?:(mid|early|late)[- ])?" + month + r",?\s+((?:19|20)\d{2})\b", re.IGNORECASE)
    gates = Gates()
    for pattern in (full, full_dmy, month_year):
        gates.add(pattern)
    return DatePatterns(
        months={str(k).lower(): int(v) for k, v in months.items()}, full=full, full_dmy=full_dmy, month_year=month_year, gates=gates
    )


def published_patterns(rules: Rules) -> DatePatterns:
    """The patterns, built once per Rules object."""
    return rules.derived("published", compile_published)


def infer_published(text: str, rules: Rules | None = None) -> date | None:
    """Return the inferred publication date, or None when the text names no usable date. ``rules``:
    the rules folder whose month names are read (default: the project's rules/)."""
    if rules is None:
        from pipeline.settings import Settings

        rules = load_rules(Settings().rules_dir)
    p = published_patterns(rules)
    gates = p.gates.for_text(text)
    found: list[date] = []
    for m in p.full.finditer(text) if gates.may_match(0) else ():
        try:
            found.append(date(int(m.group(3)), p.months[m.group(1).lower()], int(m.group(2))))
        except (ValueError, KeyError):
            continue
    for m in p.full_dmy.finditer(text) if gates.may_match(1) else ():
        try:
            found.append(date(int(m.group(3)), p.months[m.group(2).lower()], int(m.group(1))))
        except (ValueError, KeyError):
            continue
    for m in p.month_year.finditer(text) if gates.may_match(2) else ():
        try:
            year, month = int(m.group(3)), p.months[m.group(2).lower()]
        except KeyError:
            continue
        day = {"early": 10, "mid": 20}.get((m.group(1) or "").lower(), calendar.monthrange(year, month)[1])
        found.append(date(year, month, day))
    if found:
        return max(found)
    years = []
    for m in _YEAR.finditer(text):
        if _FUTURE_CUE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        years.append(int(m.group(1)))
    if years:
        return date(max(years), 12, 31)
    return None
