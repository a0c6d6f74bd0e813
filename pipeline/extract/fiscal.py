"""Fiscal periods: whose fiscal calendar a fiscal date is on, and the Gregorian interval it covers.

Why separate from the patterns: a fiscal value ("FY2026-Q4") is read from the text alone, but its
dates depend on the company (Nvidia's FY2026 ends in January 2026, Microsoft's in June 2026, Sony's
FY2024 ends in March 2025). The calendars are data (rules/fiscal_calendars.yaml); this module holds
the pure arithmetic (``resolve_fiscal``, also for the facts stage, which knows its own subject) and
the choice of calendar for a date mention (``calendar_for``: the nearest ORG of the sentence, else the
article's most-mentioned ORG, else the country). A company with no listed calendar takes the one its
article states ("the fiscal year ending June 30", ``CalendarChooser.stated``): reading it from the text is
not a guess. Unknown company or unknown naming convention means a null interval, never a guess.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections import Counter
from collections.abc import Iterable
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
    #: a calendar the article states ("the fiscal year ending June 30", ``stated_calendars``), and its days-to-month-end
    stated: re.Pattern | None = None
    month_end_within: int = 7
    months: dict[str, int] | None = None
    quarters: dict[str, int] | None = None
    #: a fiscal quarter named without its last day ("the fiscal first quarter"): what "the quarter ended Sept. 30"
    #: after it is (``_state_calendars``)
    fiscal_quarter: re.Pattern | None = None


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
    check_keys(data, where=where, required=("suffixes", "companies", "countries"), optional=("stated",))
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
    stated, within, months, quarters, fiscal_quarter = None, 7, None, None, None
    if "stated" in data:
        stated, within, months, quarters, fiscal_quarter = _compile_stated(data["stated"], f"{where}: stated", rules)
    return Calendars(companies, countries, names, country_names, suffixes, name_regex, owners, stated, within, months, quarters,
                     fiscal_quarter)


def _alt(words: Iterable[object], space: str = r"\s+") -> str:
    """Regex alternation of ``words``, longest first (so "fiscal year" is tried before "fiscal"), a space matching
    ``space``: any run of whitespace ("year\\nended" across a line break), or with ``[\\s-]+`` a hyphen too
    ("fiscal-year")."""
    return "|".join(space.join(re.escape(w) for w in str(word).split()) for word in sorted(words, key=len, reverse=True))


#: the lists of words of rules/fiscal_calendars.yaml ``stated``, each non-empty
STATED_WORD_KEYS = ("year_heads", "end_verbs", "begin_verbs", "fiscal_years", "fiscal_words", "year_words", "quarter_words",
                    "month_prepositions")


def _compile_stated(spec: dict, where: str, rules: Rules) -> tuple[re.Pattern, int, dict[str, int], dict[str, int], re.Pattern]:
    """One pattern for the statements of a fiscal calendar (rules/fiscal_calendars.yaml ``stated``), from the words
    of that block and the month and quarter names of rules/dates.yaml; and the pattern of a fiscal quarter named
    without its last day (``Calendars.fiscal_quarter``)."""
    check_keys(spec, where=where, required=(*STATED_WORD_KEYS, "month_end_within"))
    for key in STATED_WORD_KEYS:
        if not isinstance(spec[key], (list, tuple)) or not spec[key] or not all(isinstance(w, str) and w.strip() for w in spec[key]):
            raise RulesError(f"{where}.{key}: a non-empty list of words")
    within = spec["month_end_within"]
    if not isinstance(within, int) or not 0 <= within < 15:
        raise RulesError(f"{where}.month_end_within: a number of days from 0 to 14, got {within!r}")
    dates = rules.get("dates")
    months = {_norm(k): int(v) for k, v in dates["months"].items()}
    quarters = {_norm(k): int(v) for k, v in dates["quarters"].items() if int(v) in (1, 2, 3, 4)}
    month = _alt(months)
    ordinal = _alt(quarters)
    hyphen = r"[\s-]+"  # "fiscal-first quarter", "fiscal year"
    years = _alt(spec["fiscal_years"], hyphen)  # "fiscal year", "financial year"
    word = _alt(spec["fiscal_words"], hyphen)  # "fiscal" alone
    fiscal = _alt([*spec["fiscal_years"], *spec["fiscal_words"]], hyphen)  # either, the whole year's first
    year, quarter = _alt(spec["year_words"]), _alt(spec["quarter_words"])
    period = (
        rf"(?P<fy>\b(?:{fiscal})\s+(?P<name>(?:19|20)\d\d))"  # fiscal 1990, which ends June 30, 1990
        rf"|\b(?P<head>{_alt(spec['year_heads'])})\s+(?:(?P<fiscal>{fiscal})[\s-]+)?(?:(?P<year>{year})|"
        rf"(?:(?P<ord>{ordinal})[\s-]+(?:(?P<fiscal2>{word})[\s-]+)?)?(?P<quarter>{quarter}))"
        rf"|\b(?P<fyear>{years})"  # Acme's fiscal year ends June 30
    )
    pattern = re.compile(
        rf"(?:{period}),?\s+(?:(?P<end>{_alt(spec['end_verbs'])})|(?P<begin>{_alt(spec['begin_verbs'])}))\s+"
        rf"(?:(?:{_alt(spec['month_prepositions'])})\s+)?(?P<month>{month})\b\.?(?:\s+(?P<day>[0-3]?\d)\b)?(?:,?\s+(?P<yr>(?:19|20)\d\d)\b)?",
        re.IGNORECASE,
    )
    fiscal_quarter = re.compile(rf"\b(?:{word})[\s-]+(?P<ord>\w+)[\s-]+(?:{quarter})\b|\b(?P<ord2>\w+)[\s-]+(?:{word})[\s-]+(?:{quarter})\b",
                                re.IGNORECASE)
    return pattern, within, months, quarters, fiscal_quarter


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


#: ``calendar_of`` of a calendar the article states: "article:" + the company's key ("article:?elco industries")
STATED_PREFIX = "article:"


def stated_key(key: str) -> str:
    """The ``calendar_of`` of a calendar stated for company ``key``: prefixed, so a reader of the dates table tells a
    calendar read from the article from a listed one (an unknown company's "?" dropped: "article:elco industries")."""
    return STATED_PREFIX + key.lstrip("?")


@dataclass(frozen=True)
class Statement:
    """A fiscal calendar the article states: where, the year's last day (MM-DD), and the naming when a written
    fiscal year is given with its last day."""

    start: int
    end: int
    fiscal_year_end: str
    named_for: str | None
    approximate: bool


def _month_end_day(month: int) -> int:
    """The last day of ``month`` in a common year (2001): a stated year end is a month and day (MM-DD) with no year,
    so a February one ends on the 28th."""
    return _calendar.monthrange(2001, month)[1]


def _statement(m: re.Match, cals: Calendars, last_fiscal_quarter: int | None) -> Statement | None:
    """The calendar one match of ``Calendars.stated`` gives, or None when it gives none (a December year end
    without the word fiscal, a quarter whose place in the year is unknown)."""
    month = (cals.months or {}).get(_norm(m.group("month")))
    if not month:
        return None
    fiscal_word = bool(m.group("fy") or m.group("fiscal") or m.group("fiscal2") or m.group("fyear"))
    if m.group("begin"):
        if not fiscal_word or m.group("day") or m.group("quarter"):
            return None  # "its fiscal year begins in October": a first month, nothing more precise
        last = 12 if month == 1 else month - 1
        return Statement(m.start(), m.end(), f"{last:02d}-{_month_end_day(last):02d}", None, False)
    length = _month_end_day(month)
    day = int(m.group("day")) if m.group("day") else length
    if not 1 <= day <= length:
        return None
    approximate = False
    if day != length:  # a 52/53-week year: a last day near a month's end is that month's end
        if length - day <= cals.month_end_within:
            day, approximate = length, True
        elif day <= cals.month_end_within:
            month = 12 if month == 1 else month - 1
            day, approximate = _month_end_day(month), True
    if m.group("quarter"):
        index = (cals.quarters or {}).get(_norm(m.group("ord") or ""))
        if index is None:
            index = last_fiscal_quarter  # "the fiscal first quarter ... For the quarter ended Sept. 30"
            fiscal_word = index is not None
        if index is None:
            return None
        month = (month - 1 + 3 * (4 - index)) % 12 + 1
        day = _month_end_day(month)
    fye = f"{month:02d}-{day:02d}"
    if fye == "12-31" and not fiscal_word:
        return None  # "the year ended Dec. 31", "the third quarter ended Sept. 30": the calendar year, no fiscal one
    named_for = None
    if m.group("name") and m.group("yr"):  # "fiscal 1990, which ends June 30, 1990"
        name, year = int(m.group("name")), int(m.group("yr"))
        named_for = "end_year" if name == year else "start_year" if name == year - 1 and fye != "12-31" else None
        if named_for is None:
            return None
    return Statement(m.start(), m.end(), fye, named_for, approximate)


def _same_company(a: str, b: str) -> bool:
    """Two names of an unknown company, one the first words of the other ("elco" / "elco industries")."""
    short, long = sorted((a, b), key=len)
    return bool(short) and (long == short or long.startswith(short + " "))


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
        #: calendars the article states, by company key (``stated_calendars``); the listed calendars they contradict
        self.stated: dict[str, FiscalCalendar] = {}
        self.contradicted: dict[str, str] = {}
        self._state_calendars()

    def _state_calendars(self) -> None:
        """Read the statements of a fiscal calendar in the article (rules/fiscal_calendars.yaml ``stated``) and give
        each to its company: the nearest ORG of its sentence, else the article's main company. A company with two
        different stated year ends gets none; a listed calendar wins, and a statement that contradicts it is kept
        in ``contradicted`` (company key -> stated MM-DD), not used."""
        if self.cals.stated is None:
            return
        text = doc_text(self.doc)
        found: dict[str, set[tuple[str, str | None, bool]]] = {}
        for m in self.cals.stated.finditer(text):
            last_quarter, named_at = None, None
            if m.group("quarter") and not m.group("ord"):
                before = list(self.cals.fiscal_quarter.finditer(text, max(0, m.start() - 400), m.start()))
                if before:
                    word = _norm(before[-1].group("ord") or before[-1].group("ord2"))
                    last_quarter = (self.cals.quarters or {}).get(word)
                    named_at = before[-1].span()
            stated = _statement(m, self.cals, last_quarter)
            if stated is None:
                continue
            org = self._nearest_org(stated.start, stated.end)
            if org is None and named_at is not None:  # the company of the fiscal quarter "the quarter" is
                org = self._nearest_org(*named_at)
            key = org.key if org is not None else self.main_org
            if key is None:
                continue
            found.setdefault(key, set()).add((stated.fiscal_year_end, stated.named_for, stated.approximate))
        for key, said in found.items():
            ends = {fye for fye, _, _ in said}
            if len(ends) != 1:
                continue  # two year ends for one company: none is trusted
            fye = ends.pop()
            listed = self._lookup(key)
            if listed is not None:
                if listed.fiscal_year_end != fye and not listed.approximate:
                    self.contradicted[key] = fye
                continue
            namings = {n for _, n, _ in said if n is not None}
            named_for = namings.pop() if len(namings) == 1 else None
            self.stated[key] = FiscalCalendar(stated_key(key), fye, named_for, all(a for _, _, a in said))

    def stated_for(self, ent_id: str | None, text: str) -> FiscalCalendar | None:
        """The calendar the article states for a company named ``text`` (gazetteer id ``ent_id``): what the facts
        stage gives a fact of that subject whose fiscal period the dates stage left unplaced."""
        if not self.stated:
            return None
        key = _company_key(ent_id or "", text, self.cals)
        return None if self._lookup(key) is not None else self._with_stated(key)

    def _nearest_org(self, start: int, end: int) -> Mention | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        lo, hi = (sent.start_char, sent.end_char) if sent is not None else (start, end)
        inside = [m for m in self.orgs if lo <= m.start and m.end <= hi]
        return min(inside, key=lambda m: min(abs(m.start - end), abs(start - m.end))) if inside else None

    def _lookup(self, key: str | None) -> FiscalCalendar | None:
        if key is None:
            return None
        return self.cals.companies.get(key) or self.cals.countries.get(key)

    def _with_stated(self, key: str | None) -> FiscalCalendar | None:
        """The listed calendar of ``key``, else the one the article states for it: an unknown company's short name
        ("Elco") finds the calendar stated for its long one ("Elco Industries Inc.") and the other way round."""
        found = self._lookup(key)
        if found is not None or key is None or not self.stated:
            return found
        if key in self.stated:
            return self.stated[key]
        if not key.startswith("?"):
            return None
        same = [cal for k, cal in self.stated.items() if k.startswith("?") and _same_company(k[1:], key[1:])]
        return same[0] if len(same) == 1 else None

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
            found = self._with_stated(company)
            # an unknown company: only a country named in the same sentence may stand in for it
            return found if found is not None else self._lookup(place.key if place else None)
        return self._lookup(place.key if place else self.main_place)
