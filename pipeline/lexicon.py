"""The lexicon layer the extractors share: regex alternations of word lists, the nearest cue to a
span, cue voting, and the currency lexicon of rules/money.yaml.

Why one module: money (running text) and prices (single price strings) read the same currencies and
decide a shared name ("kr", "dinar", "¥") the same way; counts, changes, dates, facts and consolidate
build the same alternations. Each of these had its own copy, and copies drift.

Why a total order in ``ordered``: words of the same length used to come in the order of a ``set`` — a
different pattern text in every process (hash randomisation). Matching was the same, but the text was
not, so a compiled pattern could not be kept between processes (pipeline/patterns.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pipeline import patterns as rx
from pipeline.errors import RulesError
from pipeline.rules import Rules, check_keys

#: the code a bare "¥" stands for until cue words decide between yuan and yen
YEN_SIGN = "YEN_SIGN"


# --- alternations ------------------------------------------------------------------------------------

def ordered(words: Iterable[object]) -> list[str]:
    """Distinct ``words`` as text, longest first (so "US$" is tried before "$"), ties alphabetical."""
    return sorted({str(w) for w in words}, key=lambda w: (-len(w), w))


def alternation(words: Iterable[object], *, flexible_space: bool = False) -> str:
    """Regex alternation of the literal ``words``, longest first; with ``flexible_space`` a space in a
    phrase matches any run of whitespace ("per cent" in "per\\ncent")."""
    out = []
    for w in ordered(words):
        e = re.escape(w)
        out.append(e.replace(r"\ ", r"\s+") if flexible_space else e)
    return "|".join(out)


def bounded(words: Iterable[object], *, edge: str = r"\w") -> str:
    """Alternation that must not start or end inside a word ("over" not in "moreover"); ``edge`` is the
    character class that may not touch it (``[\\w-]``: not inside "pay-per-view" either)."""
    return rf"(?<!{edge})(?:{alternation(words)})(?!{edge})"


def trie(words: Iterable[str], *, flexible_space: bool = False) -> str:
    """An alternation of ``words`` as a trie ("t(?:en|h(?:ree|irty)|wo)"), longest first at every branch:
    Python's re tries plain alternatives one by one, and the number grammar's run at every word of every
    article. Matches what ``alternation`` matches (with ``flexible_space``, a space matches any run of
    whitespace, as there)."""
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if flexible_space and ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root) if root else "(?!)"


def cue(word: str) -> str:
    """One cue word or symbol: word boundaries only on a side that is a word character ("$" in "$5")."""
    head = r"(?<!\w)" if word[:1].isalnum() else ""
    tail = r"(?!\w)" if word[-1:].isalnum() else ""
    return head + re.escape(word) + tail


# --- cues ------------------------------------------------------------------------------------------

def distance(start: int, end: int, span_start: int, span_end: int) -> int:
    """Characters between [start, end) and a span; 0 when they touch or overlap."""
    if span_end <= start:
        return start - span_end
    return span_start - end if span_start >= end else 0


def nearest_cue(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """(distance, index) of the span of ``spans`` nearest to [start, end) (one overlapping it is at
    distance 0), the one before it on a tie with one after; None when there is none. ``spans`` are sorted and do not overlap (one ``finditer``), so the nearest
    is the last one starting before ``end`` or the first one starting at or after it: a binary search,
    not a scan (a run-on sentence with many amounts was quadratic)."""
    k = bisect.bisect_left(spans, (end, -1))
    best: tuple[int, int] | None = None
    for j in (k - 1, k):
        if 0 <= j < len(spans):
            d = distance(start, end, *spans[j])
            if best is None or d < best[0]:
                best = (d, j)
    return best


def cue_winner(text: str, cues: Sequence[tuple[str, re.Pattern]]) -> str | None:
    """The label with strictly the most cue matches in ``text``, or None (no cue, or a tie)."""
    counts = sorted(((len(p.findall(text)), label) for label, p in cues), reverse=True)
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


# --- currencies ----------------------------------------------------------------------------------

#: rules/money.yaml tables that name a currency, and the one of sub-units ("cent", "pence")
CURRENCY_TABLES = ("prefix_symbols", "codes", "names")


@dataclass(frozen=True)
class Currencies:
    """The currency lexicon of rules/money.yaml: what a symbol, code or name stands for, and how a name
    several currencies share is decided."""

    #: lower-cased symbol, code or name -> ISO code (or YEN_SIGN)
    currency_of: Mapping[str, str]
    #: lower-cased sub-unit -> (ISO code, factor): "cent" -> (USD, 0.01)
    subunit_of: Mapping[str, tuple[str, Decimal]]
    #: names that are also ordinary words ("won"): money only with a magnitude or a symbol
    weak_names: frozenset[str]
    #: lexicon key of a shared name ("dinar") -> (code, cue pattern) per candidate currency
    ambiguous: Mapping[str, tuple[tuple[str, re.Pattern], ...]]
    #: cue words for a bare ¥: (yuan, yen)
    yen_cues: tuple[re.Pattern, re.Pattern]

    def entry(self, raw: str) -> tuple[str | None, str, Decimal, str]:
        """(ISO code or YEN_SIGN, rule, factor, lexicon key) for a symbol/code/name as written; the key
        is the entry it came from ("dinar" for "dinars"). (None, "unknown", 1, raw) when none."""
        key = raw.lower().strip()
        if key in self.subunit_of and key not in self.currency_of:
            code, factor = self.subunit_of[key]
            return code, "subunit", factor, key
        if key in self.currency_of:
            code = self.currency_of[key]
            return code, ("symbol" if not key.isalpha() or not key.isascii() else "code_or_name"), Decimal(1), key
        for suffix in ("es", "s"):
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and stem in self.currency_of:
                return self.currency_of[stem], "code_or_name", Decimal(1), stem
            if key.endswith(suffix) and stem in self.subunit_of:
                code, factor = self.subunit_of[stem]
                return code, "subunit", factor, stem
        return None, "unknown", Decimal(1), key

    def yen_vote(self, text: str) -> int:
        """Positive for yuan, negative for yen, 0 when the cues tie or are absent."""
        cny, jpy = self.yen_cues
        return len(cny.findall(text)) - len(jpy.findall(text))

    def shared_name(self, key: str, text: str) -> str | None:
        """The code the cue words of ``text`` pick for a shared name ("dinar"), or None (not a shared
        name, no cue, or a tie)."""
        cues = self.ambiguous.get(key)
        return cue_winner(text, cues) if cues else None


def all_subunits(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """rules/money.yaml ``subunits`` plus the qualified ones ``qualified_subunits`` derives from ``names``:
    for ``cent: [dollar, euro]``, every name "<words> dollar" gives "<words> cent" of its currency
    ("canadian cent" -> CAD) and the name "euro" gives "euro cent" (EUR), all with the cent's factor.
    Why derived: "37.5 Canadian cents" and "20 euro cents" are one amount of that currency (0.375 CAD,
    0.20 EUR); listing each country's cent by hand would copy the names table."""
    out: dict[str, Mapping[str, Any]] = dict(data["subunits"])
    for subunit, heads in (data.get("qualified_subunits") or {}).items():
        base = data["subunits"].get(subunit)
        if base is None:
            raise RulesError(f"qualified_subunits.{subunit}: not in subunits")
        for name, code in data["names"].items():
            key = str(name).lower()
            for head in heads:
                if key == str(head).lower():
                    out.setdefault(f"{key} {subunit}", {"currency": code, "factor": base["factor"]})
                elif key.endswith(" " + str(head).lower()):
                    out.setdefault(f"{key[: -len(str(head)) - 1]} {subunit}", {"currency": code, "factor": base["factor"]})
    return out


def compile_currencies(rules: Rules) -> Currencies:
    data = rules.get("money")
    where = str(rules.path("money"))
    currency_of = {k.lower(): v for table in CURRENCY_TABLES for k, v in data[table].items()}
    for name, sub in data["subunits"].items():
        check_keys(sub, where=f"{where}: subunits.{name}", required=("currency", "factor"))
    try:
        subunits = all_subunits(data)
    except RulesError as exc:
        raise RulesError(f"{where}: {exc}") from None
    subunit_of = {k.lower(): (v["currency"], Decimal(str(v["factor"]))) for k, v in subunits.items()}
    for name, cues in data["ambiguous_names"].items():
        if name.lower() not in currency_of and name.lower() not in subunit_of:
            raise RulesError(f"{where}: ambiguous_names.{name} is not in names or subunits")
        for code, words in cues.items():
            if not (isinstance(code, str) and len(code) == 3 and code.isupper()) or not words:
                raise RulesError(f"{where}: ambiguous_names.{name}.{code}: want an ISO code and a list of cue words")
    yen = data["yen"]
    return Currencies(
        currency_of=currency_of,
        subunit_of=subunit_of,
        weak_names=frozenset(w.lower() for w in data["weak_names"]),
        ambiguous={
            name.lower(): tuple((code, rx.compile("|".join(cue(c) for c in words))) for code, words in cues.items())
            for name, cues in data["ambiguous_names"].items()
        },
        yen_cues=(rx.compile(bounded(yen["cny_cues"]), re.IGNORECASE), rx.compile(bounded(yen["jpy_cues"]), re.IGNORECASE)),
    )


def currencies(rules: Rules) -> Currencies:
    """The currency lexicon, built once per Rules object."""
    return rules.derived("currencies", compile_currencies)


@dataclass(frozen=True)
class MetricVocabulary:
    """rules/metrics.yaml, checked once: the one money metric vocabulary of the money table and facts."""

    #: metric -> its cue words as written
    words: Mapping[str, tuple[str, ...]]
    #: lowercased word -> its metric (a word belongs to one metric only)
    metric_of: Mapping[str, str]
    #: the money table's window (characters) and the metrics it knows, first wins
    money_window: int
    money_priority: tuple[str, ...]
    #: metrics of a governing word that win over the money table's cue in facts
    facts_first: frozenset[str]


def metric_vocabulary(rules: Rules) -> MetricVocabulary:
    """rules/metrics.yaml compiled once per Rules (issue #20 item 3)."""
    return rules.derived("metrics", _compile_metric_vocabulary)


def _compile_metric_vocabulary(rules: Rules) -> MetricVocabulary:
    data = rules.get("metrics")
    where = str(rules.path("metrics"))
    check_keys(data, where=where, required=("vocabulary", "money", "facts"))
    check_keys(data["money"], where=f"{where}: money", required=("window", "priority"))
    check_keys(data["facts"], where=f"{where}: facts", required=("first",))
    metric_of: dict[str, str] = {}
    for metric, words in data["vocabulary"].items():
        if isinstance(words, str) or not words:
            raise RulesError(f"{where}: vocabulary.{metric}: expected a non-empty list of words")
        for word in words:
            key = str(word).lower()
            if key in metric_of and metric_of[key] != metric:
                raise RulesError(f"{where}: vocabulary: {word!r} is listed under {metric_of[key]} and {metric}")
            metric_of[key] = metric
    for section, key in (("money", "priority"), ("facts", "first")):
        unknown = [m for m in data[section][key] if m not in data["vocabulary"]]
        if isinstance(data[section][key], str) or unknown:
            raise RulesError(f"{where}: {section}.{key}: expected a list of vocabulary metrics, unknown {unknown}")
    return MetricVocabulary(
        words={metric: tuple(str(w) for w in words) for metric, words in data["vocabulary"].items()},
        metric_of=metric_of,
        money_window=int(data["money"]["window"]),
        money_priority=tuple(data["money"]["priority"]),
        facts_first=frozenset(data["facts"]["first"]),
    )
