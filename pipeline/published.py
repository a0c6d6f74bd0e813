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
from datetime import date

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_FULL = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
_FULL_DMY = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\s+((?:19|20)\d{2})\b")
_MONTH_YEAR = re.compile(r"(?:(mid|early|late)[- ])?" + _MONTH + r",?\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w$¥€£-])((?:19|20)\d{2})(?![\w%-])")
_FUTURE_CUE = re.compile(r"\b(by|until|before|through)\s+$", re.IGNORECASE)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS["sep" if key == "sept" else key]


def infer_published(text: str) -> date | None:
    """Return the inferred publication date, or None when the text names no usable date."""
    found: list[date] = []
    for m in _FULL.finditer(text):
        try:
            found.append(date(int(m.group(3)), _month(m.group(1)), int(m.group(2))))
        except (ValueError, KeyError):
            continue
    for m in _FULL_DMY.finditer(text):
        try:
            found.append(date(int(m.group(3)), _month(m.group(2)), int(m.group(1))))
        except (ValueError, KeyError):
            continue
    for m in _MONTH_YEAR.finditer(text):
        try:
            year, month = int(m.group(3)), _month(m.group(2))
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
