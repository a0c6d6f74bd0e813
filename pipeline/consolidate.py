"""Consolidate facts across articles: one value per subject, metric, unit and period, with its sources.

Why a stage of its own: the facts table has one row per sentence that states a number, so "Doubao had
59.98 million MAU in November" and "Doubao, with 60 million monthly users by November" are two rows.
Analysts want one value, its sources, and to see at once where sources disagree. This module is a set
of pure functions over the facts table (plus the articles' publication dates and the mention tables'
range ends and US$ rates); the rules of sameness are data in rules/consolidate.yaml.

A group is (subject_id, metric, unit, per_unit, period, period_basis, modality), and for a metric of
``metric_text_metrics`` (``other``: no category fits) also the governing word as written, since two
uncategorized amounts ("a redemption", "dividend payments") are two things, not one in conflict. In it every fact
allows an interval of values (its written precision, its qualifier, its range); the consensus is the
candidate value allowed by the most articles (then the most facts), ties going to exact and precisely
written figures. ``status`` is ``agreed`` when every fact states the same value, ``rounded`` when they
differ but all allow the consensus, ``conflict`` otherwise (``conflict_fact_ids`` name the facts that
do not allow it).

Deterministic and idempotent: computed from the whole facts table after every article is written, so
an incremental run (cached articles) gives the same table as a full one.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.lexicon import bounded
from pipeline.rules import Rules, check_keys

AGREED, ROUNDED, CONFLICT = "agreed", "rounded", "conflict"
TEXT_BASIS, PUBLISHED_BASIS = "text", "published"
ACTUAL = "actual"
PUBLISHED_DATE = "published_date"

#: the classes of rules/consolidate.yaml ``qualifiers``: each a set of fact qualifiers, a field of
#: ``SamenessRules`` of the same name (which facts are exact, bounds, ranges)
QUALIFIER_CLASSES = ("point", "lower_bound", "upper_bound", "range")

#: mention tables whose range ends a fact may carry: table -> (low column, high column)
RANGE_COLUMNS = {"money": ("amount_low", "amount_high"), "user_counts": ("value_low", "value_high"), "quantities": ("value_low", "value_high")}


# --- rules -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SamenessRules:
    """rules/consolidate.yaml, checked and compiled once."""

    cap: Mapping[str, float]
    floor: float
    point: frozenset[str]
    lower_bound: frozenset[str]
    upper_bound: frozenset[str]
    range: frozenset[str]
    preference: tuple[str, ...]
    published_date: str
    modality_window: int
    modality_metrics: frozenset[str]
    modality_cues: tuple[tuple[str, re.Pattern[str]], ...]
    skip_metrics: frozenset[str]
    metric_text_metrics: frozenset[str]
    parts_tolerance: float
    same_sentence_leave_out: bool

    def rank(self, qualifier: str) -> int:
        return self.preference.index(qualifier) if qualifier in self.preference else len(self.preference)


def _words(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(bounded(words), re.IGNORECASE)


def compile_rules(data: Mapping[str, Any], where: str = "rules/consolidate.yaml") -> SamenessRules:
    """Check every key (a misspelt one is an error naming the file) and compile the cue patterns."""
    check_keys(data, where=where, required=("rounding", "qualifiers", "periods", "modality", "skip_metrics", "metric_text_metrics", "parts", "same_sentence"))
    rounding, quals, periods, modality, parts = (data[k] for k in ("rounding", "qualifiers", "periods", "modality", "parts"))
    check_keys(rounding, where=f"{where}: rounding", required=("cap", "floor"))
    check_keys(quals, where=f"{where}: qualifiers", required=(*QUALIFIER_CLASSES, "preference"))
    check_keys(periods, where=f"{where}: periods", required=("published_date",))
    check_keys(modality, where=f"{where}: modality", required=("window", "metrics", "cues"))
    check_keys(parts, where=f"{where}: parts", required=("tolerance",))
    from pipeline.errors import RulesError

    if periods["published_date"] not in ("day", "month", "year", "skip"):
        raise RulesError(f"{where}: periods.published_date must be day | month | year | skip, got {periods['published_date']!r}")
    if data["same_sentence"] not in ("leave_out", "keep"):
        raise RulesError(f"{where}: same_sentence must be leave_out | keep, got {data['same_sentence']!r}")
    for key in ("skip_metrics", "metric_text_metrics"):  # a string there would become a set of letters
        if isinstance(data[key], str) or not all(isinstance(m, str) for m in data[key]):
            raise RulesError(f"{where}: {key} must be a list of metric names, got {data[key]!r}")
    return SamenessRules(
        cap=dict(rounding["cap"]),
        floor=float(rounding["floor"]),
        **{name: frozenset(quals[name]) for name in QUALIFIER_CLASSES},
        preference=tuple(quals["preference"]),
        published_date=str(periods["published_date"]),
        modality_window=int(modality["window"]),
        modality_metrics=frozenset(modality["metrics"]),
        modality_cues=tuple((name, _words(words)) for name, words in modality["cues"].items()),
        skip_metrics=frozenset(data["skip_metrics"]),
        metric_text_metrics=frozenset(data["metric_text_metrics"]),
        parts_tolerance=float(parts["tolerance"]),
        same_sentence_leave_out=data["same_sentence"] == "leave_out",
    )


def sameness_rules(rules: Rules) -> SamenessRules:
    return rules.derived("consolidate", lambda r: compile_rules(r.get("consolidate"), str(r.path("consolidate"))))


# --- one fact as consolidation sees it --------------------------------------------------------------

_NUMBER = re.compile(r"\d[\d,.]*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def written_precision(text: str | None) -> tuple[float, int]:
    """(half a unit of the last significant digit of the first number written in ``text`` as a fraction
    of that number, its count of significant digits): "59.98 million" -> (0.005/59.98, 4); "60 million"
    -> (5/60, 1); "2,500" -> (50/2500, 2). Why from the text: 60000000 says nothing about whether the
    writer rounded; "60 million" does. A number without digits ("two million") is one digit (0.5, 1)."""
    match = _NUMBER.search(text or "")
    if match is None:
        return 0.5, 1
    digits = match.group().rstrip(".,")
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    elif digits.count(",") == 1 and "." not in digits:
        digits = digits.replace(",", ".")  # a decimal comma ("129,99")
    digits = digits.replace(",", "")
    try:
        number = float(digits)
    except ValueError:
        return 0.5, 1
    if number <= 0:
        return 0.5, 1
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".", 1)[1])
        significant = len(digits.replace(".", "").lstrip("0"))
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0")))
        significant = len(digits.strip("0"))
    return 0.5 * unit / number, max(significant, 1)


@dataclass(frozen=True)
class Fact:
    """One fact row with what consolidation needs; ``value``/``low``/``high`` in the group's rate basis."""

    fact_id: str
    article_id: str
    published: date | None
    start: int
    text: str
    evidence: str
    evidence_start: int
    subject: str | None
    value: float
    low: float | None
    high: float | None
    qualifier: str
    #: relative half-unit of the last written digit (see ``written_precision``)
    precision: float
    #: significant digits as written ("59.98 million": 4, "60 million": 1)
    digits: int
    confidence: float
    #: US$ per unit of the fact's currency (money only), from the money table
    usd_rate: float | None = None

    def interval(self, r: SamenessRules) -> tuple[float, float]:
        """Every value this fact allows (see rules/consolidate.yaml)."""
        floor = r.floor * abs(self.value)
        if self.qualifier in r.lower_bound:
            return self.value - floor, math.inf
        if self.qualifier in r.upper_bound:
            return -math.inf, self.value + floor
        if self.qualifier in r.range and self.low is not None and self.high is not None:
            tol = min(self.precision, r.cap.get(self.qualifier, r.cap.get("exact", 0.0)))
            return self.low - max(tol * abs(self.low), floor), self.high + max(tol * abs(self.high), floor)
        tol = max(min(self.precision, r.cap.get(self.qualifier, r.cap.get("exact", 0.0))) * abs(self.value), floor)
        return self.value - tol, self.value + tol

    def allows(self, value: float, r: SamenessRules) -> bool:
        lo, hi = self.interval(r)
        return lo <= value <= hi

    def priority(self, r: SamenessRules) -> tuple:
        """Smaller is preferred as the consensus value and the best source."""
        return (r.rank(self.qualifier), -self.digits, -self.confidence, self.published or date.max, self.article_id, self.start)


@dataclass
class Group:
    key: tuple
    subject_id: str
    metric: str
    unit: str | None
    per_quantity: float | None
    per_unit: str | None
    period: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    modality: str
    metric_text: str | None = None
    facts: list[Fact] = field(default_factory=list)


# --- keys: period basis, modality, parts ------------------------------------------------------------


def _month_end(d: date) -> date:
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def published_period(published: date, granularity: str) -> tuple[str, date, date]:
    """The "as of" period of a fact dated only by its article: the publication month (by default)."""
    if granularity == "year":
        return str(published.year), date(published.year, 1, 1), date(published.year, 12, 31)
    if granularity == "month":
        return published.strftime("%Y-%m"), published.replace(day=1), _month_end(published)
    return published.isoformat(), published, published


def modality(evidence: str, offset: int, metric: str, r: SamenessRules) -> str:
    """The modality (rules/consolidate.yaml: forecast) or ``actual``, from the nearest cue in the ``window`` characters of the sentence
    before the number (``offset`` is the number's start within ``evidence``)."""
    if r.modality_metrics and metric not in r.modality_metrics:
        return ACTUAL
    before = evidence[max(0, offset - r.modality_window) : max(0, offset)]
    best: tuple[int, str] | None = None
    for name, pattern in r.modality_cues:
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else ACTUAL


def parts_of_totals(rows: list[dict], r: SamenessRules) -> set[str]:
    """fact_ids that are parts of a total stated in the same sentence: two or more facts of one subject,
    metric, unit and sentence whose values add up to another fact's value there."""
    by_sentence: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        by_sentence[(row["article_id"], row["evidence_start"], row["subject_id"], row["metric"], row["unit"], row.get("per_unit"))].append(row)
    parts: set[str] = set()
    for same in by_sentence.values():
        if len(same) < 3:
            continue
        for total in same:
            rest = [x for x in same if x is not total]
            added = sum(float(x["value"]) for x in rest)
            if abs(added - float(total["value"])) <= r.parts_tolerance * abs(float(total["value"])):
                parts.update(x["fact_id"] for x in rest)
                break
    return parts


# --- grouping ---------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """The consolidated rows and what happened to every fact (for the CLI summary and the note)."""

    rows: list[dict]
    facts_in: int = 0
    skipped: Counter = field(default_factory=Counter)

    @property
    def grouped(self) -> int:
        return sum(r["n_facts"] for r in self.rows)

    @property
    def cross_article(self) -> int:
        """Facts in a row that draws on two or more articles."""
        return sum(r["n_facts"] for r in self.rows if r["n_articles"] > 1)

    @property
    def conflicts(self) -> int:
        return sum(1 for r in self.rows if r["status"] == CONFLICT)


def _clean(value: Any) -> Any:
    """pandas NA / NaN / NaT -> None; numpy scalars and Timestamps -> plain Python."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):
        return None
    if str(value) == "<NA>":
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if hasattr(value, "item"):
        return value.item()
    return value


def metric_text_key(row: Mapping[str, Any], r: SamenessRules) -> str | None:
    """The governing word of a fact of a ``metric_text_metrics`` metric as a group key: lower-cased, spaces
    collapsed (None for other metrics, and for a fact with no metric_text: those group by metric alone)."""
    if row.get("metric") not in r.metric_text_metrics:
        return None
    text = " ".join(str(row.get("metric_text") or "").lower().split())
    return text or None


def consolidation_id(key: tuple) -> str:
    return hashlib.sha1("|".join("" if k is None else str(k) for k in key).encode("utf-8")).hexdigest()[:16]


def fact_records(facts: Iterable[Mapping[str, Any]]) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in facts]


def group_facts(
    facts: list[dict],
    published: Mapping[str, date | None],
    ranges: Mapping[tuple[str, int, int], tuple[float | None, float | None]],
    usd_rates: Mapping[tuple[str, int, int], float],
    r: SamenessRules,
) -> tuple[list[Group], Counter]:
    """Facts -> groups of one subject, metric, unit, period, period basis and modality; and the count of
    facts left out, per reason."""
    skipped: Counter = Counter()
    usable = []
    for row in facts:
        if row.get("subject_id") is None:
            skipped["no subject"] += 1
        elif row.get("value") is None:
            skipped["no value"] += 1
        elif row["metric"] in r.skip_metrics:
            skipped[f"metric {row['metric']} not consolidated"] += 1
        else:
            usable.append(row)
    parts = parts_of_totals(usable, r)
    skipped["part of a total in the same sentence"] += len(parts)
    groups: dict[tuple, Group] = {}
    per_quantities: dict[tuple, Counter] = defaultdict(Counter)
    staged: list[tuple[tuple, dict]] = []
    for row in usable:
        if row["fact_id"] in parts:
            continue
        pub = published.get(row["article_id"])
        if row.get("period_source") == PUBLISHED_DATE:
            if r.published_date == "skip" or pub is None:
                skipped["dated only by publication"] += 1
                continue
            period, p_start, p_end = published_period(pub, r.published_date)
            basis = PUBLISHED_BASIS
        elif row.get("period") is None:
            skipped["no period"] += 1
            continue
        else:
            period, p_start, p_end, basis = row["period"], row.get("period_start"), row.get("period_end"), TEXT_BASIS
        offset = int(row["start"]) - int(row["evidence_start"])
        mod = modality(str(row.get("evidence") or ""), offset, row["metric"], r)
        key = (row["subject_id"], row["metric"], row.get("unit"), row.get("per_unit"), period, basis, mod)
        written = metric_text_key(row, r)
        if written is not None:  # only then: every other group keeps the id it had
            key = (*key, written)
        if key not in groups:
            groups[key] = Group(key, row["subject_id"], row["metric"], row.get("unit"), None, row.get("per_unit"), period, p_start, p_end, basis, mod,
                                metric_text=written)
        group = groups[key]
        group.period_start = group.period_start or p_start
        group.period_end = group.period_end or p_end
        staged.append((key, row))
    if r.same_sentence_leave_out:
        staged = _drop_same_sentence_values(staged, r, skipped)
        still = {key for key, _ in staged}
        groups = {k: g for k, g in groups.items() if k in still}
    for key, row in staged:
        if row.get("per_quantity"):
            per_quantities[key][float(row["per_quantity"])] += 1
    for key, counts in per_quantities.items():  # rates in one basis: the most used "per N", the largest on a tie
        groups[key].per_quantity = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    for key, row in staged:
        group = groups[key]
        scale = group.per_quantity / float(row["per_quantity"]) if group.per_quantity and row.get("per_quantity") else 1.0
        span = (row["article_id"], int(row["start"]), int(row["end"]))
        low, high = ranges.get(span, (None, None))
        precision, digits = written_precision(row.get("text"))
        group.facts.append(
            Fact(
                fact_id=row["fact_id"], article_id=row["article_id"], published=published.get(row["article_id"]),
                start=int(row["start"]), text=str(row.get("text") or ""), evidence=str(row.get("evidence") or ""),
                evidence_start=int(row["evidence_start"]), subject=row.get("subject"),
                value=float(row["value"]) * scale,
                low=None if low is None else float(low) * scale, high=None if high is None else float(high) * scale,
                qualifier=str(row.get("qualifier") or "exact"), precision=precision, digits=digits,
                confidence=float(row.get("confidence") or 0.0), usd_rate=usd_rates.get(span),
            )
        )
    return [groups[k] for k in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k))], skipped


def _drop_same_sentence_values(staged: list[tuple[tuple, dict]], r: SamenessRules, skipped: Counter) -> list[tuple[tuple, dict]]:
    """Leave out the facts of a sentence that gives several different values for one group."""
    values: dict[tuple, set[float]] = defaultdict(set)
    for key, row in staged:
        scale = 1.0 / float(row["per_quantity"]) if row.get("per_quantity") else 1.0
        values[(key, row["article_id"], row["evidence_start"])].add(round(float(row["value"]) * scale, 12))
    kept = []
    for key, row in staged:
        if len(values[(key, row["article_id"], row["evidence_start"])]) > 1:
            skipped["several values for one group in one sentence"] += 1
        else:
            kept.append((key, row))
    return kept


# --- one group -> one row ---------------------------------------------------------------------------


def consensus(facts: list[Fact], r: SamenessRules) -> Fact:
    """The fact whose value most articles (then most facts) allow; ties go to its priority (exact,
    precisely written, confident, early)."""

    def support(candidate: Fact) -> tuple[int, int]:
        allowing = [f for f in facts if f.allows(candidate.value, r)]
        return len({f.article_id for f in allowing}), len(allowing)

    return min(facts, key=lambda f: (tuple(-s for s in support(f)), f.priority(r), f.fact_id))


def status_of(facts: list[Fact], value: float, r: SamenessRules) -> tuple[str, list[Fact]]:
    """(status, facts that do not allow ``value``)."""
    outside = [f for f in facts if not f.allows(value, r)]
    if outside:
        return CONFLICT, outside
    first = facts[0]
    same_value = all(abs(f.value - first.value) <= r.floor * max(abs(f.value), abs(first.value)) for f in facts)
    same_kind = all(f.qualifier in r.point for f in facts) or len({f.qualifier for f in facts}) == 1
    return (AGREED if same_value and same_kind else ROUNDED), []


def consolidate_group(group: Group, r: SamenessRules) -> dict:
    facts = sorted(group.facts, key=lambda f: (f.published or date.max, f.article_id, f.start, f.fact_id))
    best = consensus(facts, r)
    status, outside = status_of(facts, best.value, r)
    low = min(f.low if f.low is not None and f.qualifier in r.range else f.value for f in facts)
    high = max(f.high if f.high is not None and f.qualifier in r.range else f.value for f in facts)
    rate = best.usd_rate if best.usd_rate is not None else next((f.usd_rate for f in sorted(facts, key=lambda f: f.priority(r)) if f.usd_rate is not None), None)
    if rate is None and group.unit == "USD":
        rate = 1.0
    published = [f.published for f in facts if f.published is not None]
    subjects = Counter(f.subject for f in facts if f.subject)
    return {
        "consolidated_id": consolidation_id(group.key),
        "subject_id": group.subject_id,
        "subject": min(subjects, key=lambda s: (-subjects[s], s)) if subjects else None,
        "metric": group.metric,
        "metric_text": group.metric_text,
        "unit": group.unit,
        "per_quantity": group.per_quantity,
        "per_unit": group.per_unit,
        "period": group.period,
        "period_start": group.period_start,
        "period_end": group.period_end,
        "period_basis": group.period_basis,
        "modality": group.modality,
        "value": best.value,
        "qualifier": best.qualifier,
        "value_min": low,
        "value_max": high,
        "spread": (high / low - 1) if low > 0 else None,
        "value_usd": None if rate is None else best.value * rate,
        "status": status,
        "n_facts": len(facts),
        "n_articles": len({f.article_id for f in facts}),
        "fact_ids": [f.fact_id for f in facts],
        "article_ids": sorted({f.article_id for f in facts}),
        "conflict_fact_ids": [f.fact_id for f in outside],
        "first_published": min(published) if published else None,
        "last_published": max(published) if published else None,
        "text": best.text,
        "evidence": best.evidence,
        "evidence_fact_id": best.fact_id,
        "evidence_article_id": best.article_id,
    }


# --- the whole table --------------------------------------------------------------------------------


def consolidate(
    facts: Iterable[Mapping[str, Any]],
    published: Mapping[str, date | None],
    r: SamenessRules,
    ranges: Mapping[tuple[str, int, int], tuple[float | None, float | None]] | None = None,
    usd_rates: Mapping[tuple[str, int, int], float] | None = None,
) -> Outcome:
    """Facts (rows of the facts table) -> consolidated rows, sorted by their group key."""
    rows = fact_records(facts)
    groups, skipped = group_facts(rows, published, ranges or {}, usd_rates or {}, r)
    return Outcome([consolidate_group(g, r) for g in groups], len(rows), skipped)


def _present(value: Any) -> bool:
    """Not null and not NaN: what ``notna()`` meant when these tables were read through pandas (its
    nullable float dtype reads a stored NaN as missing)."""
    return value is not None and value == value


def mention_ranges(tables: Mapping[str, list[dict]]) -> dict[tuple[str, int, int], tuple[float | None, float | None]]:
    """(article_id, start, end) -> (low, high) of every range mention of the money / count tables
    (each table a list of row dicts)."""
    out: dict[tuple[str, int, int], tuple[float | None, float | None]] = {}
    for name, (lo, hi) in RANGE_COLUMNS.items():
        for row in tables.get(name) or ():
            if _present(row[lo]) and _present(row[hi]):
                out[(str(row["article_id"]), int(row["start"]), int(row["end"]))] = (float(row[lo]), float(row[hi]))
    return out


def money_usd_rates(money: list[dict] | None) -> dict[tuple[str, int, int], float]:
    """(article_id, start, end) -> US$ per unit of the amount's currency, from the money table's
    ``amount_usd`` (the article's own conversion, else the ECB reference of its publication date)."""
    out: dict[tuple[str, int, int], float] = {}
    for row in money or ():
        amount, usd = row["amount"], row["amount_usd"]
        if _present(amount) and _present(usd) and amount != 0:
            out[(str(row["article_id"]), int(row["start"]), int(row["end"]))] = float(usd) / float(amount)
    return out


def consolidate_tables(extracted: Any, rules: Rules) -> Outcome:
    """Read facts, articles and the mention tables of a run and consolidate them (nothing written).

    Read with pyarrow as plain rows, not through pandas: rows are all consolidation needs, and
    importing pandas cost ~0.4 s of every ``newsfacts extract`` (issue 22)."""
    from pipeline.tables import read_rows

    tables = {name: read_rows(name, extracted) for name in ("facts", "articles", "money", "user_counts", "quantities")}
    published = {str(a["article_id"]): _clean(a["published"]) for a in tables["articles"]}
    return consolidate(tables["facts"], published, sameness_rules(rules), mention_ranges(tables), money_usd_rates(tables["money"]))


def write_consolidated(extracted: Any, rules: Rules, partitioned: bool = False) -> Outcome:
    """Consolidate a run and write ``consolidated.parquet`` beside its tables, atomically; or, for a
    run written as partitioned datasets (the Dask executor), ``consolidated/part-00000.parquet``."""
    import shutil
    from pathlib import Path

    from pipeline.tables import AtomicTableWriter

    outcome = consolidate_tables(extracted, rules)
    folder = Path(extracted)
    path = None
    if partitioned:  # like every Dask table: one dataset folder, never beside a stale single file
        shutil.rmtree(folder / "consolidated", ignore_errors=True)
        (folder / "consolidated.parquet").unlink(missing_ok=True)
        (folder / "consolidated").mkdir(parents=True)
        path = folder / "consolidated" / "part-00000.parquet"
    with AtomicTableWriter("consolidated", folder, path=path) as writer:
        writer.write(outcome.rows)
    return outcome
