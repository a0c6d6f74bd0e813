"""Fiscal periods: whose fiscal calendar a fiscal date is on, and the Gregorian interval it covers.

Why separate from the patterns: a fiscal value ("FY2026-Q4") is read from the text alone, but its
dates depend on the company (Nvidia's FY2026 ends in January 2026, Microsoft's in June 2026, Sony's
FY2024 ends in March 2025). The calendars are data (rules/fiscal_calendars.yaml); this module holds
the pure arithmetic (``resolve_fiscal``, also for the facts stage, which knows its own subject) and
the choice of calendar for a date mention (``calendar_for``: the nearest ORG of the sentence, else the
article's most-mentioned ORG, else the country). Unknown company or unknown naming convention means
a null interval, never a guess.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from pipeline.errors import RulesError
from pipeline.extract import doc_text
from pipeline.rules import Rules, check_keys

NAMINGS = ("end_year", "start_year")
ENTRY_KEYS = ("fiscal_year_end", "approximate", "named_for", "source")
_FYE = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
#: FY2026, FY2026-Q4, FY2025-H1 (FYXXXX-Q3 when the year is unknown: never resolved)
FISCAL_VALUE = re.compile(r"FY(?P<year>\d{4})(?:-(?P<part>[QH])(?P<index>[1-4]))?")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class FiscalCalendar:
    """One entry of rules/fiscal_calendars.yaml."""

    key: str  # company id, or "country:IN"
    fiscal_year_end: str  # MM-DD
    named_for: str | None  # end_year | start_year | None (mixed usage)
    approximate: bool


@dataclass(frozen=True)
class Calendars:
    companies: dict[str, FiscalCalendar]
    countries: dict[str, FiscalCalendar]
    #: lowercased company name or alias -> company id
    company_names: dict[str, str]
    #: lowercased country name (GPE / NORP text) -> "country:XX" key
    country_names: dict[str, str]
    suffixes: frozenset[str]
    #: every company spelling of the calendars, case-sensitive, whole words: the statistical NER misses
    #: or mislabels some of them ("Walmart" untagged, "Cisco" as GPE), so they are also found by name
    name_regex: re.Pattern
    #: gazetteer id -> owner id (a subsidiary or product falls back to its owner's calendar)
    owners: dict[str, str]


def _entry(key: str, spec: dict, where: str, extra: tuple[str, ...]) -> FiscalCalendar:
    check_keys(spec, where=where, required=ENTRY_KEYS + extra, optional=("name",) if "aliases" in extra else ())
    fye = str(spec["fiscal_year_end"])
    if not _FYE.fullmatch(fye):
        raise RulesError(f"{where}: fiscal_year_end must be MM-DD, got {fye!r}")
    if spec["named_for"] is not None and spec["named_for"] not in NAMINGS:
        raise RulesError(f"{where}: named_for must be one of {NAMINGS} or null, got {spec['named_for']!r}")
    if not str(spec["source"]).strip():
        raise RulesError(f"{where}: source must say where the fiscal year comes from")
    return FiscalCalendar(key, fye, spec["named_for"], bool(spec["approximate"]))


def compile_calendars(rules: Rules) -> Calendars:
    """Validate rules/fiscal_calendars.yaml; company ids outside the gazetteer need aliases."""
    data = rules.get("fiscal_calendars")
    where = str(rules.path("fiscal_calendars"))
    check_keys(data, where=where, required=("suffixes", "companies", "countries"))
    gazetteer = {e["id"]: e for e in rules.get("gazetteer")["entities"]}
    companies, names = {}, {}
    for key, spec in data["companies"].items():
        here = f"{where}: companies.{key}"
        companies[key] = _entry(key, spec, here, ("aliases",))
        spellings = [spec.get("name") or key, *spec["aliases"]]
        if key in gazetteer:
            spellings += [gazetteer[key]["name"], *gazetteer[key].get("aliases", ())]
        elif not spec["aliases"] and not spec.get("name"):
            raise RulesError(f"{here}: not a gazetteer id, so it needs a name or aliases")
        for spelling in spellings:
            names.setdefault(_norm(spelling), key)
    countries, country_names = {}, {}
    for code, spec in data["countries"].items():
        key = f"country:{code}"
        countries[key] = _entry(key, spec, f"{where}: countries.{code}", ("aliases",))
        for spelling in spec["aliases"]:
            country_names[_norm(spelling)] = key
    owners = {e["id"]: e["owner"] for e in gazetteer.values() if e.get("owner")}
    spellings = sorted({s for key, spec in data["companies"].items() for s in [spec.get("name") or key, *spec["aliases"]]}, key=len, reverse=True)
    name_regex = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w])")
    suffixes = frozenset(s.lower() for s in data["suffixes"])
    return Calendars(companies, countries, names, country_names, suffixes, name_regex, owners)


def calendars(rules: Rules) -> Calendars:
    return rules.derived("fiscal.calendars", compile_calendars)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


# --- arithmetic -------------------------------------------------------------------------------------


def _day(year: int, mmdd: str) -> date:
    """MM-DD in ``year``, clipped to the month's length (02-29 in a common year is 02-28)."""
    month, day = int(mmdd[:2]), int(mmdd[3:])
    return date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, min(d.day, _calendar.monthrange(d.year + y, m + 1)[1]))


def year_end_for_name(name: int, fiscal_year_end: str, named_for: str) -> date:
    """Last day of fiscal year ``name``: FY2026 named for its end year ends in 2026; named for its start
    year it ends in 2027, unless the year ends on December 31 (then both namings agree)."""
    end_year = name if named_for == "end_year" or fiscal_year_end == "12-31" else name + 1
    return _day(end_year, fiscal_year_end)


def year_bounds(end: date, fiscal_year_end: str) -> tuple[date, date]:
    """(first day, last day) of the fiscal year ending on ``end``."""
    return _day(end.year - 1, fiscal_year_end) + timedelta(days=1), end


def name_of(end: date, fiscal_year_end: str, named_for: str | None) -> int:
    """The name (year number) of the fiscal year ending on ``end``; end_year when the usage is unknown."""
    if named_for == "start_year":
        return year_bounds(end, fiscal_year_end)[0].year
    return end.year


def part_bounds(end: date, fiscal_year_end: str, part: str | None, index: int | None) -> tuple[date, date]:
    """Interval of quarter/half ``index`` ("Q"/"H") of the fiscal year ending on ``end`` (whole year when
    ``part`` is None): quarters are three calendar months counted from the year's first day."""
    start, last = year_bounds(end, fiscal_year_end)
    if part is None or index is None:
        return start, last
    months = 3 if part == "Q" else 6
    a = _add_months(start, months * (index - 1))
    b = _add_months(start, months * index) - timedelta(days=1)
    return a, min(b, last)


def containing_end(d: date, fiscal_year_end: str) -> date:
    """Last day of the fiscal year that contains ``d``."""
    end = _day(d.year, fiscal_year_end)
    return end if d <= end else _day(d.year + 1, fiscal_year_end)


def resolve_fiscal(value: str | None, fiscal_year_end: str | None, named_for: str | None) -> tuple[date | None, date | None]:
    """Gregorian (start_date, end_date) of a fiscal value (``FY2026``, ``FY2026-Q4``, ``FY2025-H1``) on a
    calendar whose year ends on ``fiscal_year_end`` (MM-DD) and is ``named_for`` its end_year or
    start_year. (None, None) when any of the three is unknown or malformed: never a guess.

    >>> resolve_fiscal("FY2026-Q4", "01-31", "end_year")   # Nvidia
    (datetime.date(2025, 11, 1), datetime.date(2026, 1, 31))
    """
    m = FISCAL_VALUE.fullmatch(value or "")
    if m is None or fiscal_year_end is None or not _FYE.fullmatch(fiscal_year_end) or named_for not in NAMINGS:
        return None, None
    part, index = m.group("part"), int(m.group("index")) if m.group("index") else None
    if part == "H" and index not in (1, 2):
        return None, None
    end = year_end_for_name(int(m.group("year")), fiscal_year_end, named_for)
    return part_bounds(end, fiscal_year_end, part, index)


def fiscal_value(name: int | None, part: str | None, index: int | None) -> str:
    year = f"{name:04d}" if name is not None else "XXXX"
    return f"FY{year}" + (f"-{part}{index}" if part else "")


# --- which calendar ---------------------------------------------------------------------------------


def _clean_name(text: str, suffixes: frozenset[str]) -> str:
    words = _POSSESSIVE.sub("", text.strip()).replace(",", " ").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in suffixes:
        words = words[:-1]
    return _norm(" ".join(words))


def _company_key(ent_id: str, text: str, cals: Calendars) -> str:
    """The calendar key of an ORG mention, or the mention itself (``?name``) when no calendar knows it."""
    seen = set()
    while ent_id and ent_id not in seen:
        if ent_id in cals.companies:
            return ent_id
        seen.add(ent_id)
        ent_id = cals.owners.get(ent_id, "")
    for candidate in (_norm(_POSSESSIVE.sub("", text)), _clean_name(text, cals.suffixes)):
        if candidate in cals.company_names:
            return cals.company_names[candidate]
    return "?" + _clean_name(text, cals.suffixes)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str  # company id, "country:XX", or "?name" for an unknown ORG


class CalendarChooser:
    """Built once per article, only when it has a fiscal expression: its ORG and country mentions."""

    def __init__(self, doc: Doc, rules: Rules) -> None:
        self.cals = calendars(rules)
        self.doc = doc
        noise = rules.get("entities")["noise_texts"]
        skip_org = set(noise.get("ORG", ())) | set(noise.get("*", ()))
        self.orgs: list[Mention] = []
        self.places: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ == "ORG" and _POSSESSIVE.sub("", ent.text) not in skip_org:
                key = _company_key(ent.ent_id_, ent.text, self.cals)
                if key.startswith("?") and _norm(ent.text) in self.cals.country_names:
                    continue  # "U.S." tagged ORG: a place, not a company
                self.orgs.append(Mention(ent.start_char, ent.end_char, key))
            if ent.label_ in ("GPE", "NORP", "ORG"):
                key = self.cals.country_names.get(_clean_name(ent.text, frozenset()))
                if key:
                    self.places.append(Mention(ent.start_char, ent.end_char, key))
        for m in self.cals.name_regex.finditer(doc_text(doc)):
            if not any(o.start < m.end() and m.start() < o.end for o in self.orgs):
                self.orgs.append(Mention(m.start(), m.end(), self.cals.company_names[_norm(m.group())]))
        counts = Counter(m.key for m in self.orgs)
        self.main_org = max(counts, key=lambda k: (counts[k], -min(m.start for m in self.orgs if m.key == k))) if counts else None
        pcounts = Counter(m.key for m in self.places)
        self.main_place = max(pcounts, key=lambda k: (pcounts[k], -min(m.start for m in self.places if m.key == k))) if pcounts else None

    def _lookup(self, key: str | None) -> FiscalCalendar | None:
        if key is None:
            return None
        return self.cals.companies.get(key) or self.cals.countries.get(key)

    def choose(self, start: int, end: int) -> FiscalCalendar | None:
        """The calendar of a fiscal date at ``start:end`` (see the module docstring); None when unknown."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        lo, hi = (sent.start_char, sent.end_char) if sent is not None else (start, end)

        def nearest(mentions: list[Mention]) -> Mention | None:
            inside = [m for m in mentions if lo <= m.start and m.end <= hi]
            return min(inside, key=lambda m: min(abs(m.start - end), abs(start - m.end))) if inside else None

        org = nearest(self.orgs)
        place = nearest(self.places)
        company = org.key if org is not None else self.main_org
        if company is not None:
            found = self._lookup(company)
            # an unknown company: only a country named in the same sentence may stand in for it
            return found if found is not None else self._lookup(place.key if place else None)
        return self._lookup(place.key if place else self.main_place)
