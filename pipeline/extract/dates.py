"""Temporal expressions: rules find and read them, resolved against the article's publication date.

Why rules first: every pattern (rules/dates.yaml) knows what it matched, so the value, the interval,
the granularity and the modifier come from the match itself ("mid-December 2024" keeps its "mid",
"by 2025" stays the year 2025 with mod ``before``), where a general date parser fills missing parts
from the base date. spaCy's DATE entities are a second source of candidates; the ones no pattern
reads are normalised with dateparser (explicit settings, cached per span and anchor), never
``search_dates`` over the whole text (slow and noisy: see benchmarks/tempeval.py).

Conventions (tests/gold/README.md, "Dates"): spans exclude a leading preposition; "from 2018 to 2021"
is two mentions; a relative expression without an anchor keeps ``X`` for what it cannot know
(``XXXX-11``) and has no interval.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline import patterns as rx
from pipeline.extract import Context, doc_text
from pipeline.lexicon import alternation
from pipeline.extract.fiscal import (
    CalendarChooser,
    FiscalCalendar,
    containing_end,
    fiscal_value,
    name_of,
    part_bounds,
    year_end_for_name,
)
from pipeline.nlp import WordClasses, word_class, word_classes
from pipeline.numbers import parse_number, parse_ordinal, vocab
from pipeline.prefilter import Anchored, Gates
from pipeline.rules import Rules, check_keys, check_windows

#: a placeholder of the dates rules ("<MONTH>"); named groups ("(?P<month>") are lowercase
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*>")
RULE_KEYS = (
    "months", "ambiguous_months", "weekdays", "units", "relative", "modifiers", "preceding_mods",
    "preceding_mods_override", "month_cues", "leading_prepositions", "halves", "patterns", "refs", "sets",
    "set_metric_window", "set_metric_words", "negative_contexts", "non_date_labels", "spacy_fallback_requires",
    "ago_qualifiers", "emit_vague", "vague_patterns", "not_timeml_patterns", "ago_backward", "duration_forward", "windows", "quarters",
    "quarters_without_article", "fiscal_relatives", "seasons", "deadline_verbs", "deadline_preps",
    "fiscal_year_begins", "fiscal_year_began", "perfect_auxiliaries", "perfect_past_preps", "anaphor_bound_mods",
    "clock_units", "ago_event_dirs", "future_in_past_heads", "day_anaphors", "ago_event_not_before", "near_modals",
    "near_preps", "named_times", "day_parts", "day_part_deictics", "time_zones", "ago_story_units",
    "time_pair_between", "time_day_barrier", "day_part_meridiems",
)
#: rules/dates.yaml ``windows``: how far (characters) a reading looks before or after a date
WINDOW_KEYS = ("set_words_after", "preceding_mod_before", "month_cue_before", "period_end_slack_days")
PATTERN_KEYS = ("kind", "regex")
#: ``requires``: regexes that must all occur in a text for the pattern to match there (a cheap skip)
PATTERN_OPTIONAL = ("requires",)


@dataclass(frozen=True)
class Compiled:
    """Everything built once from rules/dates.yaml."""

    patterns: tuple[tuple[str, str, re.Pattern, tuple[re.Pattern, ...]], ...]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int]
    modifiers: dict[str, str]
    preceding: re.Pattern
    preceding_mods: dict[str, str]
    #: the mods of ``preceding_mods`` that make a date a bound, which "the month" never refers back to (``_last_month``)
    anaphor_bound_mods: frozenset[str]
    override: frozenset[str]
    month_cue: re.Pattern
    leading_prep: re.Pattern
    halves: dict[str, int]
    #: season word -> (TimeML code, first month)
    seasons: dict[str, tuple[str, int]]
    #: which quarter a word names ("third" -> 3, "last" -> 4)
    quarters: dict[str, int]
    refs: dict[str, str]
    sets: dict[str, str]
    set_window: int
    set_metric_words: frozenset[str]
    negatives: tuple[re.Pattern, ...]
    non_date_labels: frozenset[str]
    fallback_requires: re.Pattern
    ago_qualifiers: dict[str, str]
    emit_vague: bool
    vague_patterns: frozenset[str]
    #: patterns TimeML splits into several expressions ("the year ended March 31": a duration and a date)
    not_timeml_patterns: frozenset[str]
    ago_backward: frozenset[str]
    duration_forward: frozenset[str]
    #: rules/dates.yaml ``windows``
    windows: dict[str, int]
    #: verbs of moving a deadline and the prepositions of the new date (see ``_tense``)
    deadline_verbs: frozenset[str]
    deadline_preps: frozenset[str]
    #: words of a fiscal year's start that look back ("began": ``_fiscal_year_from_start``)
    fiscal_year_began: frozenset[str]
    #: auxiliaries of a present perfect ("has fluctuated"): a past tense for ``_tense``
    perfect_auxiliaries: frozenset[str]
    perfect_past_preps: frozenset[str]
    #: rules/dates.yaml ``clock_units``: hour/minute/second word -> H/M/S (durations PT7H of ``duration_clock``)
    clock_units: dict[str, str]
    #: rules/dates.yaml ``ago_event_dirs``: "before/after/prior" words after which a following word makes a duration
    ago_event_dirs: frozenset[str]
    #: rules/dates.yaml ``ago_event_not_before``: date words after "before/after" that keep the span a date
    ago_event_not_before: frozenset[str]
    #: rules/dates.yaml ``future_in_past_heads``: verbs of a plan or forecast ("was forecast to reach", "planned for")
    future_in_past_heads: frozenset[str]
    #: rules/dates.yaml ``near_modals`` / ``near_preps``: a modal of the date's verb, a word right before a weekday
    #: that read the nearest such date
    near_modals: frozenset[str]
    near_preps: frozenset[str]
    #: rules/dates.yaml ``day_anaphors``: "the same/previous/next" -> days from the day named last before ``day_anaphor``
    day_anaphors: dict[str, int]
    #: rules/dates.yaml ``named_times`` ("noon" -> "12:00"), ``day_parts`` ("morning" -> "MO"), ``day_part_deictics``
    #: ("last" -> -1: "last night" is yesterday's), ``ago_story_units`` (units of an "N days later" counted from the day
    #: the story named last)
    named_times: dict[str, str]
    day_parts: dict[str, str]
    day_part_deictics: dict[str, int]
    ago_story_units: frozenset[str]
    #: rules/dates.yaml ``time_pair_between``: what joins a time to the same instant in another zone bracketed after it
    #: ("8:30 p.m. (0030 UTC)"), matched from the first time's end to the second's start
    time_pair_between: re.Pattern
    #: rules/dates.yaml ``time_day_barrier``: a mark (a quotation's) between a time of day and a day of its sentence
    #: that makes the day another voice's, not the time's ('posting at 12:54 am ... on Twitter, "Tonight, ...')
    time_day_barrier: re.Pattern
    #: rules/dates.yaml ``day_part_meridiems``: the half of the clock a part of the day names ("4 in the morning": a.m.)
    day_part_meridiems: dict[str, str]
    #: each pattern's required-literal gate (same order as ``patterns``; its ``requires`` included),
    #: then each of ``negatives``' (from index ``len(patterns)``): a text lacking the literals is not
    #: searched with that regex (pipeline/prefilter.py)
    gates: Gates
    #: where each pattern (same order), then each negative context, can match in a text (its stretches
    #: around its required literals, pipeline/prefilter.py ``Anchored``); None: the whole text is searched
    anchored: tuple[Anchored | None, ...] = ()


def _alt(words) -> str:  # noqa: ANN001
    return alternation(words, flexible_space=True)


def _fiscal_fragments(data) -> dict[str, str]:  # noqa: ANN001
    """Placeholders of the fiscal patterns (rules/dates.yaml, "Fiscal periods"): each names its groups
    distinctly so one pattern can combine a quarter or half with a fiscal year."""
    halves = _alt(data["halves"])
    qord = _alt(data["quarters"])
    # relative words before "fiscal year" that make a date on their own ("this fiscal year")
    standalone = _alt(data["fiscal_relatives"])
    fiscal_year = r"(?:\bfiscal(?:[\s-]+year)?|\bfinancial[\s-]+year)"
    return {
        # a written fiscal year: "fiscal 2026", "fiscal year 2025", "FY26", "FY 2025", "FY2024-25"
        "<FYEAR>": rf"(?:{fiscal_year}\s+(?P<fy>(?:19|20)\d\d|'\d\d)|\bFY\s?'?(?P<fy2>(?:19|20)\d\d|\d\d))"
                   r"(?:[-/](?P<fyb>(?:19|20)?\d\d))?(?![\w%]|[.,]\d)",
        # a quarter, "fiscal" optional (the year makes it fiscal): "the fourth quarter", "Q2", "2Q"
        "<FQ>": rf"(?:(?:\bthe\s+)?(?:\bfiscal[\s-]+)?\b(?P<qord>{qord})(?:[\s-]+fiscal)?[\s-]+quarter\b"
                r"|(?:\bfiscal\s+)?(?:\bQ(?P<qn>[1-4])|\b(?P<qn2>[1-4])Q)\b)",
        # a quarter that says fiscal itself: "fiscal third quarter", "the third fiscal quarter", "fiscal Q3"
        "<FQF>": rf"(?:(?:\bthe\s+)?(?:\bfiscal[\s-]+(?P<qord>{qord})|\b(?P<qord2>{qord})[\s-]+fiscal)[\s-]+quarter\b"
                 r"|\bfiscal\s+Q(?P<qn>[1-4])\b)",
        "<FH>": rf"(?:(?:\bthe\s+)?(?:\bfiscal[\s-]+)?\b(?P<hw>{halves})(?:[\s-]+fiscal)?[\s-]+half\b"
                r"|(?:\bfiscal\s+)?(?:\bH(?P<hn>[12])|\b(?P<hn2>[12])H)\b)",
        "<FHF>": rf"(?:(?:\bthe\s+)?(?:\bfiscal[\s-]+(?P<hw>{halves})|\b(?P<hw2>{halves})[\s-]+fiscal)[\s-]+half\b"
                 r"|\bfiscal\s+H(?P<hn>[12])\b)",
        # the fiscal year of a quarter or half: "of this fiscal year", "of its fiscal year"
        "<FREL>": rf"(?P<frel>{standalone}|its\s+current|its|their|the)\s+(?:current\s+)?{fiscal_year}\b",
        "<FRELY>": rf"\b(?P<frel>{standalone})\s+{fiscal_year}\b",
        # a fiscal year given by its last day: "fiscal year ended March 31", "FY ending June 30, 2025"
        "<FENDED>": rf"(?:{fiscal_year}|\bFY)\s+(?:that\s+)?(?P<fend>ended|ending|ends|to)\s+(?:on\s+|in\s+)?"
                    r"<MONTH>(?:\.(?=\s+\d))?(?:\s+<DAY>(?:st|nd|rd|th)?)?(?:,?\s+<YEAR>)?",  # "Jan. 31": its day too
        # a fiscal year given by its first month: "the fiscal year starting in April", "financial year that began in July"
        "<FSTARTED>": rf"(?:{fiscal_year})\s+(?:that\s+|which\s+)?(?P<fbegin>{_alt([*data['fiscal_year_begins'], *data['fiscal_year_began']])})\s+"
                      r"(?:on\s+|in\s+)?<MONTH>(?:,?\s+<YEAR>)?",
    }


def compile_rules(rules: Rules) -> Compiled:
    """Expand the placeholders of every pattern and compile it once per Rules."""
    data = rules.get("dates")
    where = str(rules.path("dates"))
    check_keys(data, where=where, required=RULE_KEYS)
    v = vocab(rules)
    number_words = list(v.units) + list(v.tens)
    tens = _alt(v.tens)
    ones = _alt(w for w in v.units if w not in v.articles and w != "zero")
    num = rf"(?P<num>\d{{1,3}}(?:\.\d)?|(?:{tens})(?:-(?:{ones}))?|{_alt(number_words)})"
    ordinals = rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(v.ordinals)})"
    month_words = _alt(data["months"])
    units = data["units"]
    fragments = {
        **_fiscal_fragments(data),  # first: they contain <MONTH>, <DAY>, <YEAR>, expanded after them
        "<MONTH>": rf"(?-i:\b(?P<month>{month_words})\b)",
        "<MONTH_PLAIN>": rf"(?-i:\b(?:{month_words})\b)",
        "<DAY>": r"(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)",
        "<YEAR>": r"(?<![\w$¥€£.,/])(?P<year>(?:19|20)\d\d)(?!\w|[.,]\d|-\d\d-)",
        "<WEEKDAY>": rf"(?-i:\b(?P<weekday>{_alt(data['weekdays'])})\b)",
        "<MONTH_NAMES>": _full_names(data["months"]),
        "<WEEKDAY_NAMES>": _full_names(data["weekdays"]),
        "<NUM>": rf"\b{num}",
        "<UNITS>": rf"(?P<unit>{_alt(units)})\b",
        "<UNIT>": rf"(?P<unit>{_alt(u for u in units if not u.endswith('s'))})\b",
        "<CLOCK_UNITS>": rf"(?P<cunit>{_alt(data['clock_units'])})\b",
        "<TIME_DAY>": rf"(?:,?\s+(?:on\s+)?(?-i:\b(?P<weekday>{_alt(data['weekdays'])})\b)(?!\s+(?-i:morning|afternoon|evening|night)\b))?",
        "<TZ>": rf"(?-i:\b(?:{_alt(_zones(data['time_zones'], where))})\b)",
        "<ORD>": ordinals,
        "<REL>": rf"\b(?P<rel>{_alt(data['relative'])})",
        "<MOD>": rf"(?:\b(?P<mod>{_alt(data['modifiers'])})(?:(?<=-)|\s+))?",
        "<HALF>": rf"\b(?P<half>{_alt(data['halves'])})\s+half",
        "<SEASON>": rf"(?-i:\b(?P<season>{_alt(data['seasons'])})\b)",
        "<SEASON_ANY>": rf"\b(?P<season>{_alt(data['seasons'])})\b",
        "<QUARTER>": rf"(?:\b(?P<qcode>Q[1-4])\b|\b(?P<qord>the\s+(?:{_alt(data['quarters'])})|(?:{_alt(data['quarters_without_article'])}))[\s-]+quarter\b)",
    }
    def expand(source: str) -> str:
        for key, fragment in fragments.items():
            source = source.replace(key, fragment)
        left = _PLACEHOLDER.search(source)
        if left:  # a misspelt placeholder would stay in the regex as literal text and never match
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: unknown placeholder {left.group()}; known: {sorted(fragments)}")
        return source

    patterns = []
    for name, spec in data["patterns"].items():
        check_keys(spec, where=f"{where}: patterns.{name}", required=PATTERN_KEYS, optional=PATTERN_OPTIONAL)
        if not isinstance(spec.get("requires", ()), tuple):
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: patterns.{name}: requires must be a list of regexes")
        try:
            regex = rx.compile(expand(spec["regex"]), re.IGNORECASE)
            requires = tuple(_required(expand(r)) for r in spec.get("requires", ()))
            patterns.append((name, spec["kind"], regex, requires))
        except re.error as exc:
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: patterns.{name}: invalid regex ({exc})") from None
        if spec["kind"] not in RESOLVERS:
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: patterns.{name}: unknown kind {spec['kind']!r}")
    pre = data["preceding_mods"]
    bounds = data["anaphor_bound_mods"]
    if isinstance(bounds, str) or not set(bounds) <= set(pre.values()):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: anaphor_bound_mods: want a list of mods of preceding_mods "
                         f"({sorted(set(pre.values()))}), got {bounds!r}")
    negatives = tuple(rx.compile(p) for p in data["negative_contexts"])
    return Compiled(
        patterns=tuple(patterns),
        months=dict(data["months"]),
        ambiguous_months=frozenset(data["ambiguous_months"]),
        weekdays=dict(data["weekdays"]),
        units=dict(units),
        clock_units=_clock_units(data["clock_units"], where),
        ago_event_dirs=_ago_event_dirs(data["ago_event_dirs"], where),
        ago_event_not_before=_word_list(data["ago_event_not_before"], where, "ago_event_not_before"),
        future_in_past_heads=_word_list(data["future_in_past_heads"], where, "future_in_past_heads"),
        near_modals=_word_list(data["near_modals"], where, "near_modals"),
        near_preps=_word_list(data["near_preps"], where, "near_preps"),
        day_anaphors=_day_anaphors(data["day_anaphors"], where),
        named_times=_named_times(data["named_times"], where),
        day_parts=_day_parts(data["day_parts"], where),
        day_part_deictics=_day_part_deictics(data["day_part_deictics"], where),
        ago_story_units=_ago_story_units(data["ago_story_units"], where, units),
        time_pair_between=_regex(data["time_pair_between"], where, "time_pair_between"),
        time_day_barrier=_regex(data["time_day_barrier"], where, "time_day_barrier"),
        day_part_meridiems=_day_part_meridiems(data["day_part_meridiems"], where),
        relative={_norm(k): val for k, val in data["relative"].items()},
        modifiers={_norm(k): val for k, val in data["modifiers"].items()},
        preceding=rx.compile(rf"(?:^|[^\w-])(?P<p>{_alt(pre)})\s+$", re.IGNORECASE),
        preceding_mods={_norm(k): val for k, val in pre.items()},
        override=frozenset(data["preceding_mods_override"]),
        anaphor_bound_mods=frozenset(bounds),
        month_cue=rx.compile(rf"(?:^|\W)(?:{_alt(data['month_cues'])})\s+$", re.IGNORECASE),
        leading_prep=rx.compile(rf"^(?:{_alt(data['leading_prepositions'])})\s+", re.IGNORECASE),
        halves={_norm(k): val for k, val in data["halves"].items()},
        seasons=_seasons(data["seasons"], where),
        quarters={_norm(k): int(val) for k, val in data["quarters"].items()},
        refs={_norm(k): val for k, val in data["refs"].items()},
        sets={_norm(k): val for k, val in data["sets"].items()},
        set_window=int(data["set_metric_window"]),
        set_metric_words=frozenset(w.lower() for w in data["set_metric_words"]),
        negatives=negatives,
        non_date_labels=frozenset(data["non_date_labels"]),
        fallback_requires=rx.compile(expand(data["spacy_fallback_requires"]), re.IGNORECASE),
        ago_qualifiers={_norm(k): val for k, val in data["ago_qualifiers"].items()},
        emit_vague=bool(data["emit_vague"]),
        vague_patterns=frozenset(data["vague_patterns"]),
        not_timeml_patterns=frozenset(data["not_timeml_patterns"]),
        ago_backward=frozenset(_norm(w) for w in data["ago_backward"]),
        duration_forward=frozenset(_norm(w) for w in data["duration_forward"]),
        windows=check_windows(data["windows"], where=f"{where}: windows", keys=WINDOW_KEYS),
        deadline_verbs=frozenset(w.lower() for w in data["deadline_verbs"]),
        deadline_preps=frozenset(w.lower() for w in data["deadline_preps"]),
        fiscal_year_began=frozenset(_norm(w) for w in data["fiscal_year_began"]),
        perfect_auxiliaries=frozenset(w.lower() for w in data["perfect_auxiliaries"]),
        perfect_past_preps=frozenset(w.lower() for w in data["perfect_past_preps"]),
        gates=_gates(patterns, negatives),
        anchored=tuple(Anchored.of(regex) for regex in (*(p[2] for p in patterns), *negatives)),
    )


def _clock_units(data: Mapping[str, str], where: str) -> dict[str, str]:
    """``clock_units``: a unit word -> H, M or S (the letter after PT)."""
    if not isinstance(data, Mapping) or not data or any(not isinstance(k, str) or v not in ("H", "M", "S") for k, v in data.items()):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: clock_units: want a mapping of unit words to H, M or S, got {data!r}")
    return {k.lower(): v for k, v in data.items()}


def _word_list(words: object, where: str, key: str) -> frozenset[str]:
    """A rules key that is a list of single words (lowercased)."""
    if isinstance(words, str) or not isinstance(words, (list, tuple)) or not all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in words):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: {key}: want a list of single words, got {words!r}")
    return frozenset(w.strip().lower() for w in words)


def _day_anaphors(data: object, where: str) -> dict[str, int]:
    """``day_anaphors``: words -> a whole number of days (-7..7)."""
    if not isinstance(data, Mapping) or not data or any(
        not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, int) or not -7 <= v <= 7 for k, v in data.items()
    ):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: day_anaphors: want a mapping of words to days (-7..7), got {data!r}")
    return {_norm(k): v for k, v in data.items()}


def _zones(words: object, where: str) -> list[str]:
    """``time_zones``: a list of upper-case abbreviations."""
    if isinstance(words, str) or not isinstance(words, (list, tuple)) or not words or not all(
        isinstance(w, str) and re.fullmatch(r"[A-Z]{2,5}", w) for w in words
    ):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: time_zones: want a list of upper-case abbreviations (2-5 letters), got {words!r}")
    return list(words)


def _named_times(data: object, where: str) -> dict[str, str]:
    """``named_times``: a lower-case word -> "hh:mm" (00:00-24:00)."""
    if not isinstance(data, Mapping) or not data or any(
        not isinstance(k, str) or not isinstance(v, str) or not re.fullmatch(r"(?:[01]\d|2[0-3]):[0-5]\d|24:00", v)
        for k, v in data.items()
    ):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: named_times: want a mapping of words to hh:mm, got {data!r}")
    return {k.lower(): v for k, v in data.items()}


def _day_parts(data: object, where: str) -> dict[str, str]:
    """``day_parts``: a word -> a TIMEX3 part-of-day code (MO, MI, AF, EV, NI, DT)."""
    if not isinstance(data, Mapping) or not data or any(
        not isinstance(k, str) or v not in ("MO", "MI", "AF", "EV", "NI", "DT") for k, v in data.items()
    ):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: day_parts: want a mapping of words to MO, MI, AF, EV, NI or DT, got {data!r}")
    return {k.lower(): v for k, v in data.items()}


def _day_part_meridiems(data: object, where: str) -> dict[str, str]:
    """``day_part_meridiems``: a part of the day -> "a" or "p" (the half of a 12-hour clock it names)."""
    if not isinstance(data, Mapping) or not data or any(not isinstance(k, str) or v not in ("a", "p") for k, v in data.items()):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: day_part_meridiems: want a mapping of words to a or p, got {data!r}")
    return {k.lower(): v for k, v in data.items()}


def _day_part_deictics(data: object, where: str) -> dict[str, int]:
    """``day_part_deictics``: a word -> days from the article's date (-7..7)."""
    if not isinstance(data, Mapping) or not data or any(
        not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, int) or not -7 <= v <= 7 for k, v in data.items()
    ):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: day_part_deictics: want a mapping of words to days (-7..7), got {data!r}")
    return {_norm(k): v for k, v in data.items()}


def _ago_story_units(words: object, where: str, units: Mapping[str, str]) -> frozenset[str]:
    """``ago_story_units``: unit letters of ``units`` (D, W, M ...)."""
    if isinstance(words, str) or not isinstance(words, (list, tuple)) or not set(words) <= set(units.values()):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: ago_story_units: want a list of unit letters of units ({sorted(set(units.values()))}), got {words!r}")
    return frozenset(words)


def _regex(text: object, where: str, key: str) -> re.Pattern:
    """A key holding one regex (compiled once, case-insensitive)."""
    try:
        if not isinstance(text, str) or not text:
            raise re.error("not a non-empty string")
        return re.compile(text, re.IGNORECASE)
    except re.error as e:
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: {key}: want one regex, got {text!r} ({e})") from None


def _ago_event_dirs(words: object, where: str) -> frozenset[str]:
    """``ago_event_dirs``: a list of words, each one the ``ago`` pattern's direction may be."""
    return _word_list(words, where, "ago_event_dirs")


def _seasons(data: Mapping[str, Mapping[str, object]], where: str) -> dict[str, tuple[str, int]]:
    """rules/dates.yaml ``seasons``: each word's TimeML code and first month, checked."""
    out = {}
    for word, spec in data.items():
        check_keys(spec, where=f"{where}: seasons.{word}", required=("code", "first_month"))
        first = spec["first_month"]
        if not (isinstance(first, int) and 1 <= first <= 12) or not re.fullmatch(r"[A-Z]{2}", str(spec["code"])):
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: seasons.{word}: code must be two capitals and first_month 1-12")
        out[_norm(word)] = (str(spec["code"]), first)
    return out


def _full_names(names: Mapping[str, int]) -> str:
    """Regex alternation of the written-out names of a ``months`` / ``weekdays`` table in calendar order:
    every name but the abbreviations, which are the names that begin another name of the same number
    ("Sept" of "September"); no word boundaries (the caller's regex decides). Why: spaCy's DATE fallback
    needs a name that cannot be a word of the sentence ("Mar" can)."""
    full = [
        (number, name)
        for name, number in names.items()
        if not any(other != name and other.startswith(name) for other, n in names.items() if n == number)
    ]
    return "|".join(re.escape(name) for _, name in sorted(full, key=lambda item: item[0]))


def _gates(patterns: list[tuple[str, str, re.Pattern, tuple[re.Pattern, ...]]], negatives: tuple[re.Pattern, ...]) -> Gates:
    """The literal gate of every pattern, in order, then of every negative context; a pattern's
    ``requires`` are necessary too, so their literals join its gate."""
    gates = Gates()
    for _, _, regex, requires in patterns:
        gates.add(regex, extra=requires)
    for regex in negatives:
        gates.add(regex)
    return gates


@lru_cache(maxsize=None)
def _required(source: str) -> re.Pattern:
    """One compiled ``requires`` regex, shared by the patterns that name it (so a text is searched once)."""
    return rx.compile(source, re.IGNORECASE)


def compiled(rules: Rules) -> Compiled:
    return rules.derived("dates.compiled", compile_rules)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


# --- calendar arithmetic ----------------------------------------------------------------------------


def add_months(d: date, n: int) -> date:
    """``d`` shifted by ``n`` months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    return date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def iso_week(d: date) -> tuple[str, date, date]:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{y}-W{w:02d}", monday, monday + timedelta(days=6)


def shift(d: date, n: int, unit: str) -> date:
    """``d`` plus ``n`` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    return add_months(d, months)


def at_grain(d: date, unit: str) -> tuple[str, date, date, str]:
    """(value, start, end, granularity) of the unit containing ``d``."""
    if unit == "D":
        return d.isoformat(), d, d, "day"
    if unit == "W":
        value, a, b = iso_week(d)
        return value, a, b, "week"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}", date(d.year, d.month, 1), month_end(d.year, d.month), "month"
    if unit == "Q":
        q = (d.month - 1) // 3 + 1
        return f"{d.year:04d}-Q{q}", date(d.year, 3 * q - 2, 1), month_end(d.year, 3 * q), "quarter"
    if unit == "DE":
        y = d.year - d.year % 10
        return f"{y // 10}X", date(y, 1, 1), date(y + 9, 12, 31), "decade"
    if unit == "CE":
        y = d.year - d.year % 100
        return f"{y // 100:02d}", date(y, 1, 1), date(y + 99, 12, 31), "century"
    return f"{d.year:04d}", date(d.year, 1, 1), date(d.year, 12, 31), "year"


def duration_value(n: float, unit: str) -> str:
    """TIMEX3 duration: P3M, P21D, P10Y for a decade."""
    if unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    amount = int(n) if float(n).is_integer() else n
    return f"P{amount}{unit}"


# --- resolution -------------------------------------------------------------------------------------


@dataclass
class Read:
    """What a pattern match means, before the preceding-word modifier is applied."""

    value: str
    type: str = "date"
    start_date: date | None = None
    end_date: date | None = None
    granularity: str | None = None
    mod: str | None = None
    is_relative: bool = False
    calendar: str = "gregorian"
    fiscal_year_end: str | None = None
    calendar_of: str | None = None
    #: a fiscal quarter or half whose year is not written ("fiscal third quarter"): context may give it
    needs_year: bool = False
    #: the fiscal year number written in the text (context for a later ``needs_year`` row)
    fiscal_name: int | None = None


class Match:
    """One regex match plus what resolvers need: the compiled rules, the anchor, the tense."""

    def __init__(
        self, m: re.Match, c: Compiled, rules: Rules, anchor: date | None, tense: str | None,
        fiscal: FiscalCalendar | None = None, context_year: int | None = None,
    ) -> None:
        self.m, self.c, self.rules, self.anchor, self.tense = m, c, rules, anchor, tense
        #: the fiscal calendar chosen for this mention (None: unknown) and a fiscal year from context
        self.fiscal, self.context_year = fiscal, context_year

    def g(self, name: str) -> str | None:
        try:
            return self.m.group(name)
        except IndexError:
            return None

    def mod(self) -> str | None:
        raw = self.g("mod")
        return self.c.modifiers.get(_norm(raw)) if raw else None

    def month(self) -> int | None:
        raw = self.g("month")
        return self.c.months.get(raw) if raw else None

    def num(self) -> float | None:
        raw = self.g("num")
        if raw is None:
            return None
        parsed = parse_number(raw, self.rules)
        return float(parsed.value) if parsed is not None else None

    def unit(self) -> str | None:
        raw = self.g("unit")
        return self.c.units.get(raw.lower()) if raw else None

    def ryear(self) -> int | None:
        """Offset of "this/last/next year" in a pattern's ``ryear`` group (None when absent)."""
        raw = self.g("ryear")
        if raw is None:
            return None
        key = _norm(raw)
        return 0 if key in ("the", "the same") else self.c.relative.get(key, 0)


def _year_for_month(month: int, anchor: date, tense: str | None, day: int = 1) -> int:
    """Nearest occurrence of ``month`` around the anchor, pushed to the past/future by the tense."""
    best = min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    when = (best, month, day)
    now = (anchor.year, anchor.month, anchor.day)
    if tense == "past" and when > now:
        best -= 1
    elif tense == "future" and when < now:
        best += 1
    return best


def r_day(x: Match) -> Read | None:
    month = x.month() or (int(x.g("imonth")) if x.g("imonth") else None)
    day = int(x.g("day") or x.g("iday") or 0)
    if not month or not day:
        return None
    year_text = x.g("year")
    if year_text:
        year, relative = int(year_text), False
    elif x.anchor is not None:
        year, relative = _year_for_month(month, x.anchor, x.tense, day), True
    else:
        if day > 31:
            return None
        return Read(f"XXXX-{month:02d}-{day:02d}", granularity="day", mod=x.mod(), is_relative=True)
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Read(d.isoformat(), start_date=d, end_date=d, granularity="day", mod=x.mod(), is_relative=relative)


def _month_read(year: int | None, month: int, mod: str | None, relative: bool) -> Read:
    if year is None:
        return Read(f"XXXX-{month:02d}", granularity="month", mod=mod, is_relative=True)
    value, a, b, gran = at_grain(date(year, month, 1), "M")
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=mod, is_relative=relative)


def r_month(x: Match) -> Read | None:
    month = x.month()
    return _month_read(int(x.g("year")), month, x.mod(), False) if month else None


def r_month_rel_year(x: Match) -> Read | None:
    month, offset = x.month(), x.ryear()
    if not month:
        return None
    year = x.anchor.year + (offset or 0) if x.anchor else None
    return _month_read(year, month, x.mod(), True)


def r_rel_month(x: Match) -> Read | None:
    """ "last October": the most recent October before the anchor's month; "next March" likewise."""
    month = x.month()
    offset = x.c.relative.get(_norm(x.g("rel") or ""))
    if not month or offset is None:
        return None
    if x.anchor is None:
        return _month_read(None, month, x.mod(), True)
    a = x.anchor
    if offset < 0:
        year = a.year if month < a.month else a.year - 1
    elif offset > 0:
        year = a.year if month > a.month else a.year + 1
    else:
        year = a.year
    return _month_read(year, month, x.mod(), True)


def r_month_bare(x: Match) -> Read | None:
    month = x.month()
    if not month:
        return None
    year = _year_for_month(month, x.anchor, x.tense) if x.anchor else None
    return _month_read(year, month, x.mod(), True)


def _quarter_or_half(x: Match, label: str, index: int, months: int) -> Read:
    year_text, offset = x.g("year"), x.ryear()
    first = (index - 1) * months + 1
    if year_text:
        year, relative = int(year_text), False
    else:
        year, relative = (x.anchor.year + (offset or 0) if x.anchor else None), True
        if year is not None and offset is None:  # no year written: "fourth-quarter net income" said in February
            year = _latest_part_year(year, first, months, x.anchor, x.tense)
        if year is not None and x.g("ago"):  # "the year-ago third quarter": that quarter a year earlier
            year -= 1
    gran = "quarter" if label == "Q" else "half"
    if year is None:
        return Read(f"XXXX-{label}{index}", granularity=gran, mod=x.mod(), is_relative=True)
    return Read(f"{year:04d}-{label}{index}", start_date=date(year, first, 1), end_date=month_end(year, first + months - 1), granularity=gran, mod=x.mod(), is_relative=relative)


def _latest_part_year(year: int, first: int, months: int, anchor: date, tense: str | None) -> int:
    """Year of a quarter / half named without one: the latest one begun by the anchor (news report
    results: "reports fourth-quarter net income" on 2026-02-05 is 2025's), or with a future verb the first
    one not yet over ("will report fourth-quarter results" in February: 2026's)."""
    if tense == "future":
        return year if month_end(year, first + months - 1) >= anchor else year + 1
    return year if date(year, first, 1) <= anchor else year - 1


def r_quarter(x: Match) -> Read | None:
    code = x.g("qcode") or x.g("q2")
    if code:
        index = int(code[-1])
    else:
        word = _norm(x.g("qord") or "").removeprefix("the ").strip()
        index = x.c.quarters.get(word, 0)
    return _quarter_or_half(x, "Q", index, 3) if 1 <= index <= 4 else None


def r_month_span(x: Match) -> Read | None:
    """ "the January-March quarter": a quarter named by its first and last month. A calendar quarter's months
    give that quarter (2025-Q1, its year as for "the first quarter"); any other three months ("the
    November-January quarter", a fiscal one) are the interval of those months, ending in the latest such last month
    begun by the anchor (or the year written)."""
    first, last = x.month(), x.c.months.get(x.g("month_to") or "")
    if not first or not last or (last - first) % 12 != 2:
        return None
    if first in (1, 4, 7, 10):
        return _quarter_or_half(x, "Q", (first + 2) // 3, 3)
    year_text = x.g("year")
    if year_text:
        year, relative = int(year_text), False
    elif x.anchor is not None:
        year, relative = _latest_part_year(x.anchor.year, last, 1, x.anchor, x.tense), True
    else:
        return None
    return _months_ending(year, last, 3, relative)


def r_year_span(x: Match) -> Read | None:
    """ "the 2024-25 season", "the 1989-90 school year": a period that runs across two calendar years, written as
    the ISO interval of those years (granularity year); the second year only as the next one."""
    first = int(x.g("year"))
    tail = x.g("year_to") or ""
    second = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail) if tail else None
    if second is None or second != first + 1:
        return None
    return Read(f"{first:04d}/{second:04d}", start_date=date(first, 1, 1), end_date=date(second, 12, 31),
                granularity="year", is_relative=False)


def r_latest_quarter(x: Match) -> Read | None:
    """ "the latest quarter", "the most recent quarter", "the just-ended quarter": the last calendar quarter over
    by the anchor (said on 1989-10-26: 1989-Q3)."""
    if x.anchor is None:
        return None
    own_quarter_start = date(x.anchor.year, (x.anchor.month - 1) // 3 * 3 + 1, 1)
    value, a, b, gran = at_grain(own_quarter_start - timedelta(days=1), "Q")  # the quarter before the anchor's own
    return Read(value, start_date=a, end_date=b, granularity=gran, is_relative=True)


def r_quarter_anaphor(x: Match) -> Read | None:
    """ "in the quarter": the quarter the article named last before it; read in ``extract`` from that earlier date
    (a row only when there is one)."""
    return Read("XXXX-QX", granularity="quarter", is_relative=True)


def r_month_anaphor(x: Match) -> Read | None:
    """ "for the month": the month the article named last before it; read in ``extract`` from that earlier date (a row
    only when there is one)."""
    return Read("XXXX-XX", granularity="month", is_relative=True)


def r_day_anaphor(x: Match) -> Read | None:
    """ "the same day", "the previous day": the day the article named last before it, moved by ``day_anaphors``; read in
    ``extract`` from that earlier date (a row only when there is one)."""
    if _norm(x.g("dayrel") or "") not in x.c.day_anaphors:
        return None
    return Read("XXXX-XX-XX", granularity="day", is_relative=True)


def r_half(x: Match) -> Read | None:
    code = x.g("hcode") or x.g("hcode2")
    index = int(code[-1]) if code else x.c.halves.get(_norm(x.g("half") or ""))
    return _quarter_or_half(x, "H", index, 6) if index in (1, 2) else None


def _season_bounds(year: int, first: int) -> tuple[date, date]:
    """First and last day of the season of ``year`` that begins in month ``first`` (a winter ends the next year)."""
    return date(year, first, 1), month_end(year + (first + 2 > 12), (first + 1) % 12 + 1)


def r_season(x: Match) -> Read | None:
    """ "this summer", "last winter", "summer 2019", "in the spring": a season as TimeML writes it (2019-SU),
    its interval three months from its first one. With no year written: "this" is the one of the article's
    year (a January or February article's winter began the December before), "last" the latest one over by
    the article date, "next" the first one not begun, and a bare "the spring" the latest one begun (news
    report the past) unless the verb is future."""
    found = x.c.seasons.get(_norm(x.g("season") or ""))
    if found is None:
        return None
    code, first = found
    year_text = x.g("year")
    rel = _norm(x.g("srel") or "").removeprefix("the ")
    if year_text:
        year, relative = int(year_text), False
    elif x.anchor is None:
        return Read(f"XXXX-{code}", granularity="season", mod=x.mod(), is_relative=True)
    else:
        relative = True
        a = x.anchor
        year = a.year - 1 if first == 12 and a.month < 3 else a.year  # the season of the article's year
        if rel in ("last", "past"):
            while _season_bounds(year, first)[1] >= a:
                year -= 1
        elif rel in ("next", "coming") or (rel != "this" and x.tense == "future"):
            while _season_bounds(year, first)[0] <= a:
                year += 1
        elif rel != "this":
            while _season_bounds(year, first)[0] > a:
                year -= 1
    start, end = _season_bounds(year, first)
    return Read(f"{year:04d}-{code}", start_date=start, end_date=end, granularity="season", mod=x.mod(), is_relative=relative)


def r_year(x: Match) -> Read | None:
    year = int(x.g("year"))
    value, a, b, gran = at_grain(date(year, 1, 1), "Y")
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=x.mod())


def r_decade(x: Match) -> Read | None:
    value, a, b, gran = at_grain(date(int(x.g("decade")), 1, 1), "DE")
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=x.mod())


def r_century(x: Match) -> Read | None:
    n = parse_ordinal(x.g("ord") or "", x.rules)
    if not n or n > 30:
        return None
    value, a, b, gran = at_grain(date(max(1, (n - 1) * 100), 1, 1), "CE")
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=x.mod())


_UNIT_WORDS = {"year": "Y", "month": "M", "week": "W", "quarter": "Q", "decade": "DE"}


def r_rel_unit(x: Match) -> Read | None:
    """ "this year", "last month", "earlier this year", "the end of the year"."""
    unit = _UNIT_WORDS.get((x.g("unit") or "").lower())
    rel = x.g("rel")
    offset = x.c.relative.get(_norm(rel)) if rel else 0
    if unit is None or offset is None:
        return None
    gran = {"Y": "year", "M": "month", "W": "week", "Q": "quarter", "DE": "decade"}[unit]
    if x.anchor is None:
        return Read({"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "DE": "XXX"}[unit], granularity=gran, mod=x.mod(), is_relative=True)
    value, a, b, gran = at_grain(shift(x.anchor, offset, unit), unit)
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=x.mod(), is_relative=True)


def r_deictic(x: Match) -> Read | None:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get((x.g("deictic") or "").lower())
    if offset is None:
        return None
    if x.anchor is None:
        return Read("XXXX-XX-XX", granularity="day", is_relative=True)
    d = x.anchor + timedelta(days=offset)
    return Read(d.isoformat(), start_date=d, end_date=d, granularity="day", is_relative=True)


def _word_before(text: str, start: int) -> str:
    """The lowercased word right before ``start`` ("" when none within a few characters)."""
    words = text[max(0, start - 12) : start].split()
    return words[-1].lower() if words and text[start - 1 : start].isspace() else ""


def r_weekday(x: Match) -> Read | None:
    """Weekday names: the most recent one (news report the past) unless "next" or future tense."""
    wd = x.c.weekdays.get(x.g("weekday") or "")
    if wd is None:
        return None
    if x.anchor is None:
        return Read("XXXX-WXX-" + str(wd + 1), granularity="day", mod=x.mod(), is_relative=True)
    rel = (x.g("wrel") or "").lower()
    back = (x.anchor.weekday() - wd) % 7
    forward = (wd - x.anchor.weekday()) % 7
    if rel == "next" or (rel != "last" and x.tense == "future"):
        d = x.anchor + timedelta(days=forward or (7 if rel == "next" else 0))
    elif rel in ("", "on") and (x.tense == "near" or _word_before(x.m.string, x.m.start()) in x.c.near_preps):
        # a future seen from a past moment ("was set to meet on Wednesday"), or the end of a span ("a 48-hour strike ...
        # until Saturday"): the nearest one
        d = x.anchor + timedelta(days=forward) if forward <= 3 else x.anchor - timedelta(days=back)
    elif rel == "last":
        d = x.anchor - timedelta(days=back or 7)
    else:
        d = x.anchor - timedelta(days=back)
    return Read(d.isoformat(), start_date=d, end_date=d, granularity="day", mod=x.mod(), is_relative=True)


#: granularity of a part of the day's row, by its TIMEX3 code
PART_GRAIN = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}


def r_time(x: Match) -> Read | None:
    """A time of day: "7:37 p.m." -> THH:MM (granularity minute, or hour when no minutes are written), "noon" -> T12:00.
    The day is put in ``extract`` (the day its sentence names, else the article's date)."""
    day = r_weekday(x) if x.g("weekday") and x.anchor is not None else None  # "9 a.m. Tuesday": that Tuesday
    read = _clock(x)
    return replace(read, start_date=day.start_date, end_date=day.end_date) if read and day and day.start_date else read


def _clock(x: Match) -> Read | None:
    named = x.g("named")
    if named:
        return Read("T" + x.c.named_times[named.lower()], type="time", granularity="minute", is_relative=True)
    hour = int(x.g("hour"))
    minute = x.g("minute")
    ampm = (x.g("ampm") or "").lower() or x.c.day_part_meridiems.get((x.g("dpart") or "").lower(), "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return Read(f"T{hour:02d}:{minute or '00'}", type="time", granularity="minute" if minute else "hour", is_relative=True)


def r_part_of_day(x: Match) -> Read | None:
    """ "this morning", "last night", "Sunday morning": the day (a deictic's, or the weekday's as ``r_weekday`` reads
    it) with its part: 2019-09-10TMO, start and end that day, granularity the part ("morning")."""
    part = x.c.day_parts.get((x.g("part") or "").lower())
    if part is None:
        return None
    pdrel = x.g("pdrel")
    if pdrel:
        if x.anchor is None:
            return Read("XXXX-XX-XXT" + part, type="time", granularity=PART_GRAIN[part], mod=x.mod(), is_relative=True)
        d = x.anchor + timedelta(days=x.c.day_part_deictics[_norm(pdrel)])
        day = Read(d.isoformat(), start_date=d, end_date=d, granularity="day", mod=x.mod(), is_relative=True)
    else:
        day = r_weekday(x)
        if day is None:
            return None
    return replace(day, value=f"{day.value}T{part}", type="time", granularity=PART_GRAIN[part])


GRAIN_ORDER = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
_GRAIN_UNIT = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}


#: a word after "before/after/prior [to]" (the event an ``ago_event_dirs`` span is counted from)
_EVENT_AFTER = re.compile(r"[ \t]+(?:to[ \t]+)?[\"“‘']?(\w*)")


def r_ago(x: Match, reference: date | None = None, ref_grain: str | None = None) -> Read | None:
    """ "two years ago", "seven months earlier": a date at the unit's granularity (or the reference's,
    when a date earlier in the sentence is the reference and is finer: "November 2024 ... a year prior"
    is 2023-11)."""
    n, unit = x.num(), x.unit()
    if n is None or unit is None or not float(n).is_integer() or n > 1000:
        return None
    event = _EVENT_AFTER.match(x.m.string, x.m.end()) if _norm(x.g("dir") or "") in x.c.ago_event_dirs else None
    if event is not None and event.group(1).lower() not in x.c.ago_event_not_before:
        # "two months after Red Hat was acquired": the length between two events, not a date from the article's
        return Read(duration_value(n, unit), type="duration", granularity=_GRAN[unit])
    direction = -1 if _norm(x.g("dir") or "") in x.c.ago_backward else 1
    qual = x.c.ago_qualifiers.get(_norm(x.g("qual") or ""))
    mod = {"more": "before" if direction < 0 else "after", "less": "after" if direction < 0 else "before"}.get(qual or "", qual)
    base = reference or x.anchor
    if base is None:
        return Read("XXXX", granularity=None, mod=mod, is_relative=True)
    grain = unit
    if ref_grain in _GRAIN_UNIT and GRAIN_ORDER.index(ref_grain) < GRAIN_ORDER.index(_GRAN[unit]):
        grain = _GRAIN_UNIT[ref_grain]
    try:
        value, a, b, gran = at_grain(shift(base, direction * int(n), unit), grain)
    except (ValueError, OverflowError):
        return None
    return Read(value, start_date=a, end_date=b, granularity=gran, mod=mod, is_relative=True)


_GRAN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}


def r_anchored_duration(x: Match) -> Read | None:
    """ "the past three months" (P3M, ending at the anchor), "the next three years" (starting there)."""
    unit = x.unit()
    n = x.num() if x.g("num") else 1.0
    if unit is None or n is None or n <= 0 or n > 1000:
        return None
    if not x.g("num") and (x.g("unit") or "").lower().endswith("s"):
        return None  # "the coming years" is fuzzy (PXY), not one year
    drel = _norm(x.g("drel") or "").removeprefix("the ")
    value = duration_value(n, unit)
    if drel in ("first", "final") or x.anchor is None or not float(n).is_integer():
        return Read(value, type="duration", granularity=_GRAN[unit], is_relative=drel not in ("first", "final"))
    try:
        if drel in x.c.duration_forward:
            a, b = x.anchor, shift(x.anchor, int(n), unit)
        else:
            a, b = shift(x.anchor, -int(n), unit), x.anchor
    except (ValueError, OverflowError):
        return None
    return Read(value, type="duration", start_date=a, end_date=b, granularity=_GRAN[unit], is_relative=True)


def r_first_n(x: Match) -> Read | None:
    """ "the first eleven months of this year": a duration covering the start of that year."""
    unit, n = x.unit(), x.num()
    if unit is None or n is None or not float(n).is_integer() or n <= 0:
        return None
    year_text, offset = x.g("year"), x.ryear()
    relative = not year_text
    year = int(year_text) if year_text else (x.anchor.year + (offset or 0) if x.anchor else None)
    value = duration_value(n, unit)
    if year is None:
        return Read(value, type="duration", granularity=_GRAN[unit], is_relative=True)
    try:
        if _norm(x.g("drel") or "").endswith("first"):
            a = date(year, 1, 1)
            b = shift(a, int(n), unit) - timedelta(days=1)
        else:
            b = date(year, 12, 31)
            a = shift(b + timedelta(days=1), -int(n), unit)
    except (ValueError, OverflowError):
        return None
    return Read(value, type="duration", start_date=a, end_date=b, granularity=_GRAN[unit], is_relative=relative)


def r_months_to(x: Match) -> Read | None:
    """ "the six months to December" said in February 2026: 2025-07/2025-12; "the year to March 2026":
    2025-04/2026-03. A reporting period named by its length and last month (the month's year is the one
    written, else the latest such month begun by the anchor, or with a future verb the next one)."""
    month = x.month()
    if not month:
        return None
    months = 12 if x.g("whole") else 3 if x.g("qwhole") else 6 if x.g("hwhole") else None
    if months is None:
        unit, n = x.unit(), x.num()
        if unit is None or n is None or not float(n).is_integer() or n <= 0 or unit not in _MONTHS_IN:
            return None
        months = int(n) * _MONTHS_IN[unit]
    if not 1 <= months <= 60:
        return None
    year_text = x.g("year")
    if year_text:
        year, relative = int(year_text), False
    elif x.anchor is not None:  # the latest such month begun by the anchor (reports look back), unless said of the future
        year, relative = _latest_part_year(x.anchor.year, month, 1, x.anchor, x.tense), True
    else:
        return None
    end = month_end(year, month)
    day, slack = (int(x.g("day")) if x.g("day") else None), x.c.windows["period_end_slack_days"]
    if day is not None and slack < day <= end.day - slack:
        # "the six months ended Aug. 12": the period ends that day, so it is the exact day interval
        # (1989-02-13/1989-08-12)
        try:
            last = date(year, month, day)
        except ValueError:
            return None
        first_day = shift(last + timedelta(days=1), -months, "M")
        return Read(f"{first_day.isoformat()}/{last.isoformat()}", start_date=first_day, end_date=last,
                    granularity="day", is_relative=relative)
    if day is not None and day <= slack:
        # "the six months ended Oct. 1", "the year ended July 2": a 52/53-week calendar's period that ends on the
        # weekday nearest a month's end, which is the month before
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _months_ending(year, month, months, relative)


def _months_ending(year: int, month: int, months: int, relative: bool) -> Read:
    """The ``months`` whole months ending with ``month`` of ``year``, as an ISO interval of months (2025-07/2025-12)."""
    first = shift(date(year, month, 1), -(months - 1), "M")
    return Read(f"{first.year:04d}-{first.month:02d}/{year:04d}-{month:02d}", start_date=first,
                end_date=month_end(year, month), granularity="month", is_relative=relative)


#: months in a unit a reporting period is counted in
_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12}


def r_fuzzy_duration(x: Match) -> Read | None:
    """ "recent quarters" (PXQ, up to the anchor), "the coming years" (PXY, from it)."""
    unit = x.unit()
    if unit is None:
        return None
    value = "PX" + ("Y" if unit in ("DE", "CE") else unit)
    direction = _norm(x.g("fdir") or "")
    start = end = None
    if x.anchor is not None:
        if direction.startswith(("recent", "the past", "the last")):
            end = x.anchor
        elif direction.startswith(("the coming", "the next")):
            start = x.anchor
    relative = start is not None or end is not None
    return Read(value, type="duration", start_date=start, end_date=end, granularity=_GRAN[unit], is_relative=relative)


def r_duration(x: Match) -> Read | None:
    n, unit = x.num(), x.unit()
    if n is None or unit is None or n <= 0 or n > 10000:
        return None
    return Read(duration_value(n, unit), type="duration", granularity=_GRAN[unit])


_CLOCK_GRAN = {"H": "hour", "M": "minute", "S": "second"}


def r_duration_clock(x: Match) -> Read | None:
    """ "a 48-hour strike" PT48H, "50 minutes" PT50M, "47.42 seconds" PT47.42S; "a second" is the ordinal, no row."""
    unit = x.c.clock_units.get((x.g("cunit") or "").lower())
    raw = x.g("cnum")
    n = float(raw) if raw else x.num()
    if unit is None or n is None or n <= 0 or n > 10000:
        return None
    before = x.m.string[max(0, x.m.start() - 16) : x.m.start()].lower().split()
    v = vocab(x.rules)
    if before and (before[-1] in v.tens or (before[-1] in v.units and before[-1] not in v.articles) or before[-1].isdigit()
                   or (before[-1] == "and" and len(before) > 1 and before[-2] in v.tens)):
        return None  # "twenty four hours", "twenty and four hours", "at six forty-three minutes": not PT4H, PT43M
    if (x.g("cunit") or "").lower() == "second" and "-" not in (x.g("csep") or ""):
        return None  # "february twenty second", "a second man": an ordinal ("a 30-second spot" is a length)
    if x.g("chalf"):
        n += 0.5  # "one hour and a half": PT1.5H
    amount = int(n) if float(n).is_integer() else n
    return Read(f"PT{amount}{unit}", type="duration", granularity=_CLOCK_GRAN[unit])


def r_ref(x: Match) -> Read | None:
    value = x.c.refs.get(_norm(x.g("ref") or ""))
    if value is None:
        return None
    if value == "PRESENT_REF" and x.anchor is not None:
        return Read(value, start_date=x.anchor, end_date=x.anchor, granularity="day", is_relative=True)
    return Read(value, is_relative=True)


def r_set(x: Match) -> Read | None:
    value = x.c.sets.get(_norm(x.g("set") or ""))
    if value is None:
        return None
    unit = value[-1]
    n = int(value[1:-1])
    gran = "quarter" if (unit, n) == ("M", 3) else _GRAN[unit]
    return Read(value, type="set", granularity=gran)


def _fiscal_part(x: Match) -> tuple[str | None, int | None] | None:
    """("Q", 3), ("H", 1) or (None, None) for a whole year; None when unreadable."""
    qord = x.g("qord") or x.g("qord2")
    qn = x.g("qn") or x.g("qn2")
    if qord or qn:
        word = (qord or "").lower()
        index = int(qn) if qn else x.c.quarters.get(word)
        return ("Q", index) if index in (1, 2, 3, 4) else None
    hw = x.g("hw") or x.g("hw2")
    hn = x.g("hn") or x.g("hn2")
    if hw or hn:
        index = int(hn) if hn else x.c.halves.get(_norm(hw or ""))
        return ("H", index) if index in (1, 2) else None
    return None, None


def _written_year(raw: str, anchor: date | None) -> int:
    """ "2026", "26", "'26" -> 2026 (two digits: within 20 years ahead of the anchor, else the 1900s/2000s)."""
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    century = (anchor.year if anchor else 2000) // 100 * 100
    year = century + int(digits)
    return year - 100 if anchor and year > anchor.year + 20 else year


def r_fiscal(x: Match) -> Read | None:
    """A fiscal period: value ``FY2026``, ``FY2026-Q4``, ``FY2025-H1`` as written (or as the calendar
    names it), and its Gregorian interval only when the calendar places it (pipeline/extract/fiscal.py)."""
    part = _fiscal_part(x)
    if part is None:
        return None
    kind, index = part
    cal = x.fiscal
    fye = cal.fiscal_year_end if cal else None
    naming = cal.named_for if cal else None
    gran = {"Q": "quarter", "H": "half", None: "year"}[kind]
    name: int | None = None
    end: date | None = None  # last day of the fiscal year, when known
    relative = needs_year = False
    written = x.g("fy") or x.g("fy2") or x.g("fy3")
    if written:
        first = _written_year(written, x.anchor)
        if x.g("fyb"):  # "FY2024-25": the years it starts and ends in
            second = _written_year(x.g("fyb"), date(first, 1, 1))
            if second != first + 1:
                return None
            name = first if naming == "start_year" else second
            end = _day_or_none(second, fye) if fye and fye != "12-31" else None
        else:
            name = first
            end = year_end_for_name(name, fye, naming) if fye and naming else None
    elif x.g("fend"):  # "the fiscal year ended March 31[, 2025]": the text gives the calendar
        month = x.month()
        if not month:
            return None
        day = int(x.g("day")) if x.g("day") else calendar.monthrange(2001, month)[1]
        fye = f"{month:02d}-{day:02d}"
        if x.g("year"):
            end = _day_or_none(int(x.g("year")), fye)
        elif x.anchor is not None:
            relative = True
            end = containing_end(x.anchor, fye)
            if _norm(x.g("fend") or "") == "ended" or x.tense == "past":
                if end > x.anchor:  # "ended": the latest such day on or before the anchor
                    end = _day_or_none(end.year - 1, fye)
        else:
            relative = True
        name = name_of(end, fye, naming) if end else None
    elif x.g("fbegin"):  # "the fiscal year starting in April": the text gives the calendar by the year's first month
        end = _fiscal_year_from_start(x)
        if end is None:
            return None
        relative = not x.g("year")
        fye = f"{end.month:02d}-{end.day:02d}"
        name = name_of(end, fye, naming)
    elif x.g("frel") is not None:  # "this fiscal year", "the fourth quarter of its fiscal year"
        offset = x.c.relative.get(_norm(x.g("frel") or ""), 0)
        relative = True
        if x.anchor is not None and fye:
            end = _day_or_none(containing_end(x.anchor, fye).year + offset, fye)
            name = name_of(end, fye, naming) if end else None
        elif x.anchor is not None:
            name = x.anchor.year + offset
    else:  # "fiscal third quarter": the year comes from context, the calendar, or the anchor
        relative = needs_year = True
        if x.context_year is not None:
            name = x.context_year
            end = year_end_for_name(name, fye, naming) if fye and naming else None
        elif x.anchor is not None and fye and kind:
            end = _latest_part_end(x.anchor, fye, kind, index, x.tense)
            name = name_of(end, fye, naming)
        elif x.anchor is not None:
            name = x.anchor.year
    start_date = end_date = None
    if end is not None and fye:
        start_date, end_date = part_bounds(end, fye, kind, index)
    return Read(fiscal_value(name, kind, index), start_date=start_date, end_date=end_date, granularity=gran, mod=x.mod(),
                is_relative=relative, calendar="fiscal", fiscal_year_end=fye, calendar_of=cal.key if cal else None,
                needs_year=needs_year, fiscal_name=name if written or ((x.g("fend") or x.g("fbegin")) and x.g("year")) else None)


def _fiscal_year_from_start(x: Match) -> date | None:
    """Last day of the fiscal year that starts in the month written ("the fiscal year starting in April" said on
    2025-12-26: 2026-04-01 .. 2027-03-31): a written year gives its start; else a verb of the past ("began",
    ``fiscal_year_began``, or a past tense) takes the latest such month on or before the anchor, any other word the
    first one from the anchor's month on (a year still to start, as a budget "for the fiscal year starting in April"
    is)."""
    month = x.month()
    if not month:
        return None
    if x.g("year"):
        first = date(int(x.g("year")), month, 1)
    elif x.anchor is not None:
        first = date(x.anchor.year, month, 1)
        if _norm(x.g("fbegin") or "") in x.c.fiscal_year_began or x.tense == "past":
            if first > x.anchor:
                first = date(first.year - 1, month, 1)
        elif first < x.anchor.replace(day=1):
            first = date(first.year + 1, month, 1)
    else:
        return None
    return add_months(first, 12) - timedelta(days=1)


def _day_or_none(year: int, mmdd: str | None) -> date | None:
    if mmdd is None:
        return None
    try:
        return date(year, int(mmdd[:2]), min(int(mmdd[3:]), calendar.monthrange(year, int(mmdd[:2]))[1]))
    except ValueError:
        return None


def _latest_part_end(anchor: date, fye: str, kind: str, index: int, tense: str | None) -> date:
    """Year end of the quarter/half meant by "the fiscal third quarter" said at ``anchor``: the latest
    one begun by then (news reports results), or with a future verb the first one not yet over."""
    base = containing_end(anchor, fye).year
    ends = [_day_or_none(base + k, fye) for k in (-2, -1, 0, 1)]
    bounds = [(e, part_bounds(e, fye, kind, index)) for e in ends if e is not None]
    if tense == "future":
        return next(e for e, (_, b) in bounds if b >= anchor)
    return [e for e, (a, _) in bounds if a <= anchor][-1]


RESOLVERS = {
    "fiscal": r_fiscal,
    "day": r_day,
    "month": r_month,
    "month_rel_year": r_month_rel_year,
    "rel_month": r_rel_month,
    "month_bare": r_month_bare,
    "quarter": r_quarter,
    "month_span": r_month_span,
    "latest_quarter": r_latest_quarter,
    "quarter_anaphor": r_quarter_anaphor,
    "month_anaphor": r_month_anaphor,
    "day_anaphor": r_day_anaphor,
    "year_span": r_year_span,
    "half": r_half,
    "season": r_season,
    "year": r_year,
    "decade": r_decade,
    "century": r_century,
    "rel_unit": r_rel_unit,
    "deictic": r_deictic,
    "weekday": r_weekday,
    "ago": r_ago,
    "anchored_duration": r_anchored_duration,
    "first_n": r_first_n,
    "months_to": r_months_to,
    "fuzzy_duration": r_fuzzy_duration,
    "duration": r_duration,
    "duration_clock": r_duration_clock,
    "time": r_time,
    "part_of_day": r_part_of_day,
    "ref": r_ref,
    "set": r_set,
}
#: kinds whose year is guessed from the anchor and the verb's tense
TENSE_KINDS = frozenset({"day", "month_bare", "weekday", "part_of_day", "time", "fiscal", "quarter", "month_span", "half", "season"})


# --- dateparser, for spaCy DATE entities no pattern reads -------------------------------------------


@lru_cache(maxsize=64)
def _dateparser_for(anchor: date | None):  # noqa: ANN202 - dateparser is imported lazily
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


#: the settings of ``_dateparser_for`` and the fields of a stored answer: part of the answers' key
_DATEPARSER_BASIS = ["dateparser-read", 1, "past", "period", "first", "not-strict", "en"]


@lru_cache(maxsize=1)
def _dateparser_answers():  # noqa: ANN202 - a PintAnswers
    """dateparser's reads kept on disk (``<cache>/dateparser-answers``, the regex cache's folder and off
    switch): importing dateparser and its first parse cost ~0.15 s a process, for a handful of spans
    whose reading never changes for one dateparser version, one span and one anchor."""
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.pint_answers import PintAnswers

    try:
        release = version("dateparser")
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        release = "unknown"
    return PintAnswers(_DATEPARSER_BASIS, folder="dateparser-answers", version=release)


@lru_cache(maxsize=4096)
def normalise_with_dateparser(span: str, anchor: date | None) -> Read | None:
    """Value of a short span via dateparser (explicit settings; cached per span and anchor, in the
    process and on disk). Without an anchor dateparser fills missing parts from today, so the disk
    answer is keyed by today's date then."""
    answers = _dateparser_answers()
    question = f"{span}\t{anchor.isoformat() if anchor is not None else 'today ' + date.today().isoformat()}"
    stored = answers.get(question)
    if stored is None:
        return None
    if isinstance(stored, list) and len(stored) == 5:
        value, start, end, gran, relative = stored
        try:
            return Read(str(value), start_date=date.fromisoformat(start), end_date=date.fromisoformat(end), granularity=str(gran),
                        is_relative=bool(relative))
        except (TypeError, ValueError):
            pass  # not an answer this code wrote: ask dateparser again
    read = _read_with_dateparser(span, anchor)
    answers.put(question, None if read is None else [read.value, read.start_date.isoformat(), read.end_date.isoformat(),
                                                     read.granularity, read.is_relative])
    return read


def _read_with_dateparser(span: str, anchor: date | None) -> Read | None:
    try:
        data = _dateparser_for(anchor).get_date_data(span)
    except Exception:  # noqa: BLE001 - a third-party parser on odd text: drop the candidate
        return None
    if data is None or data.date_obj is None or data.period not in ("day", "week", "month", "year"):
        return None
    d = data.date_obj.date()
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[data.period]
    value, a, b, gran = at_grain(d, unit)
    relative = not re.search(r"\b(?:19|20)\d\d\b", span)
    if relative and anchor is None:
        return None
    return Read(value, start_date=a, end_date=b, granularity=gran, is_relative=relative)


# --- the extractor ----------------------------------------------------------------------------------


def _tense(span: Span | None, wc: WordClasses, c: Compiled) -> str | None:
    """ "past" / "future" from the verb governing the span (a cheap walk up the parse).

    A new date set by a verb of moving a deadline ("The offer was extended to Nov. 16", "postponed until March")
    has no tense of its own: the verb's past says when the deadline moved, not when it falls (``deadline_verbs``
    and ``deadline_preps`` in rules/dates.yaml), so the nearest such date is meant."""
    if span is None:
        return None
    tok = span.root
    prep = tok.head
    if prep is not tok and prep.lower_ in c.deadline_preps:
        verb = prep.head.head if prep.head.dep_ in ("prt", "advmod") else prep.head  # "pushed back to Dec. 1"
        if verb.lower_ in c.deadline_verbs:
            return None
    through_noun = False
    for _ in range(4):
        if word_class(tok, wc) == "verb":
            break
        if tok.head is tok:
            return None
        tok = tok.head
        through_noun = through_noun or (tok.tag_.startswith("NN") and word_class(tok, wc) != "verb")
    else:
        return None
    # "raised cash by selling $5 million of bonds in March": a gerund or participle without an auxiliary
    # of its own, which the date modifies directly (not through a noun: "by setting a Jan. 14 return date"
    # dates the return, not the setting), takes the tense of the finite verb it hangs from
    for _ in range(0 if through_noun else 3):
        if tok.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in tok.children) or tok.head is tok:
            break
        up = tok.head.head if tok.head.tag_ == "IN" and tok.head.head is not tok.head else tok.head
        if word_class(up, wc) != "verb":
            break
        tok = up
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if words & {"will", "'ll", "shall", "wo"} or tok.lower_ in ("will", "'ll"):
        return "future"
    # "the Senate announced it would meet on Monday", "It was forecast to reach Florida possibly on Wednesday", "The
    # Senate was to meet Monday", "they were originally planned for April 28": a future seen from a past moment, which
    # may have come by the article's date or not: "near" (the nearest such weekday; other dates read as with no tense)
    if words & c.near_modals and "have" not in words:
        return "near"
    if tok.tag_ == "VB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children) and tok.head is not tok and (
        tok.head.lower_ in c.future_in_past_heads or tok.head.lower_ in ("is", "are", "was", "were")
    ):
        return "near"
    if tok.tag_ == "VBN" and tok.lower_ in c.future_in_past_heads and (tok.dep_ == "acl" or any(ch.dep_ == "auxpass" for ch in tok.children)):
        return "near"
    if tok.tag_ == "VBD" or any(ch.tag_ == "VBD" for ch in tok.children if ch.dep_ in ("aux", "auxpass")):
        return "past"
    # "Nashua's stock has fluctuated sharply ..., rising to a high ... in June from $29.75 in March": a present perfect
    # tells of what has happened by now, so a month it dates through one of ``perfect_past_preps`` is at or before the
    # anchor (``perfect_auxiliaries``)
    if tok.tag_ == "VBN" and words & c.perfect_auxiliaries and span.root.head.lower_ in c.perfect_past_preps:
        return "past"  # not a date set ("has set Nov. 10 as the deadline") or an end ("has extended ... through January")
    # "The plant opened in March": a participle heading its clause with a subject of its own and no auxiliary
    # is a simple past the tagger read as VBN (a bare participle cannot be a finite verb otherwise)
    if tok.tag_ == "VBN" and not words and any(c.dep_ == "nsubj" for c in tok.children):
        return "past"
    return None


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _is_metric_set(text: str, end: int, c: Compiled) -> bool:
    """ "monthly" in "monthly active users" qualifies a metric, it is not a date."""
    following = re.findall(r"[A-Za-z]+", text[end : end + c.windows["set_words_after"]])[: c.set_window]
    return any(w.lower() in c.set_metric_words for w in following)


def candidates(text: str, c: Compiled) -> list[tuple[int, int, str, str, re.Match]]:
    """Every pattern match, best first: longest, then the earlier pattern in rules/dates.yaml."""
    found = []
    present: dict[re.Pattern, bool] = {}  # each ``requires`` regex searched at most once per text
    gates = c.gates.for_text(text)
    for order, (name, kind, regex, requires) in enumerate(c.patterns):
        if not gates.may_match(order):
            continue  # a literal every match contains is absent: nothing to find
        if not all(present[r] if r in present else present.setdefault(r, r.search(text) is not None) for r in requires):
            continue  # a part every match needs is absent: the pattern cannot match this text
        for m in gates.finditer(regex, c.anchored[order]):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, name, kind, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    return [(start, end, name, kind, m) for start, end, _, name, kind, m in found]


def _row(start: int, end: int, read: Read, rule: str, anchor: date | None, timeml: bool = False,
         time_zone: str | None = None) -> dict:
    value = read.value
    if timeml and read.calendar == "fiscal":
        value = value.removeprefix("FY")  # TimeML writes "fiscal 1989" as 1989, "the fiscal first quarter" as 1989-Q1
    return {
        "start": start,
        "end": end,
        "value": value,
        "type": read.type,
        "start_date": read.start_date,
        "end_date": read.end_date,
        "granularity": read.granularity,
        "mod": read.mod,
        "is_relative": read.is_relative,
        "anchor": anchor if read.is_relative else None,
        "calendar": read.calendar,
        "fiscal_year_end": read.fiscal_year_end,
        "calendar_of": read.calendar_of,
        "rule": rule,
        "time_zone": time_zone,
    }


def _preceding_mod(text: str, start: int, read: Read, c: Compiled) -> str | None:
    m = c.preceding.search(text, max(0, start - c.windows["preceding_mod_before"]), start)
    if not m:
        return read.mod
    mod = c.preceding_mods.get(_norm(m.group("p")))
    if mod is None:
        return read.mod
    if read.mod is None or mod in c.override:
        return mod
    return read.mod


def timeml_mode(ctx: Context, c: Compiled, timeml: bool | None = None) -> bool:
    """TimeML conventions on: ``timeml`` when given, else ``--timeml`` / ``NEWSFACTS_TIMEML`` (settings),
    else rules' ``emit_vague``."""
    if timeml is not None:
        return timeml
    return bool(getattr(ctx.settings, "timeml", False)) or c.emit_vague


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]], timeml: bool | None = None) -> list[dict]:
    """One row per temporal expression of the article (see the module docstring).

    TimeML conventions (``timeml_mode``): vague references get rows ("now" PRESENT_REF, "recent years"
    PXY) and fiscal values are written as TimeML does (``2026-Q4`` for ``FY2026-Q4``).
    """
    c = compiled(ctx.rules)
    wc = word_classes(ctx.rules)
    timeml = timeml_mode(ctx, c, timeml)
    skip = c.not_timeml_patterns if timeml else c.vague_patterns
    chooser: CalendarChooser | None = None  # built on the first fiscal candidate only
    text = doc_text(doc)
    anchor = ctx.published
    gates, first = c.gates.for_text(text), len(c.patterns)
    blocked = [
        m.span() for i, regex in enumerate(c.negatives) if gates.may_match(first + i)
        for m in gates.finditer(regex, c.anchored[first + i])
    ]
    ents = doc.ents  # spaCy builds the tuple of Spans on every access: read it once
    blocked += [(e.start_char, e.end_char) for e in ents if e.label_ in c.non_date_labels]
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, str, str, re.Match, Read]] = []
    for start, end, name, kind, m in candidates(text, c):
        if name in skip or _overlaps((start, end), taken) or _overlaps((start, end), blocked):
            continue
        if kind == "set" and _is_metric_set(text, end, c):
            taken.append((start, end))  # a metric: spaCy's DATE for it must not come back either
            continue
        if kind == "month_bare" and not m.group("mod") and m.group("month") in c.ambiguous_months:
            if not c.month_cue.search(text, max(0, start - c.windows["month_cue_before"]), start):
                continue
        # a time of day needs a tense only for the weekday written with it ("9 a.m. Tuesday")
        needs_tense = kind in TENSE_KINDS and (kind != "time" or m.groupdict().get("weekday") is not None)
        tense = _tense(doc.char_span(start, end, alignment_mode="expand"), wc, c) if needs_tense and anchor else None
        fiscal = None
        if kind == "fiscal":
            chooser = chooser or CalendarChooser(doc, ctx.rules)
            fiscal = chooser.choose(start, end)
        try:
            read = RESOLVERS[kind](Match(m, c, ctx.rules, anchor, tense, fiscal))
        except (ValueError, OverflowError, KeyError, TypeError):
            read = None
        if read is None:
            continue  # unreadable: a shorter candidate inside it may still be read
        taken.append((start, end))
        kept.append((start, end, name, kind, m, read))
    kept.sort(key=lambda k: k[0])
    rows = []
    days: dict[int, date | None] = {}  # the day each time of day took (a bracketed time of another zone follows it)
    for i, (start, end, name, kind, m, read) in enumerate(kept):
        row_anchor = anchor
        if kind == "ago" and _norm(m.group("dir") or "") != "ago":
            ref = _reference(doc, kept[:i], start)
            if ref is not None:
                again = r_ago(Match(m, c, ctx.rules, anchor, None), ref.start_date, ref.granularity)
                if again is not None:
                    read, row_anchor = again, ref.start_date
            elif read.type == "date" and Match(m, c, ctx.rules, anchor, None).unit() in c.ago_story_units:
                # "died two days later" after "on May 25": a story's day, not the article's
                named = _last_day(kept[:i], text, c)
                again = r_ago(Match(m, c, ctx.rules, anchor, None), named, "day") if named is not None else None
                if again is not None:
                    read, row_anchor = again, named
        if kind in ("quarter_anaphor", "month_anaphor"):
            named = _last_quarter(kept[:i]) if kind == "quarter_anaphor" else _last_month(kept[:i], text, c)
            if named is None:
                continue  # "the quarter" with no quarter named before it: no reading
            read = replace(named, mod=None)
            if m.groupdict().get("ago"):  # "the quarter a year ago": the same quarter a year before
                read = _a_year_before(read)
        if kind == "day_anaphor":
            named = _last_day(kept[:i], text, c)
            if named is None:
                continue  # "the same day" with no day named before it: no reading
            d = named + timedelta(days=c.day_anaphors[_norm(m.group("dayrel"))])
            read = Read(d.isoformat(), start_date=d, end_date=d, granularity="day", is_relative=True)
        if read.needs_year:
            context_year = _fiscal_context(text, kept[:i], start)
            if context_year is not None:
                again = r_fiscal(Match(m, c, ctx.rules, anchor, None, chooser.choose(start, end) if chooser else None, context_year))
                if again is not None:
                    read = again
        time_zone = None
        if kind == "time":
            # the day its sentence names, else the last day the story named before it ("caught fire yesterday morning.
            # ... had control of the blaze by 8:00am"), else the article's date
            day = read.start_date or _paired_day(text, kept, i, days, c) or _sentence_day(doc, kept, i, c)
            if day is None and _tense(doc.char_span(start, end, alignment_mode="expand"), wc, c) == "past":
                day = _story_day(kept[:i], text, start) or _last_day(kept[:i], text, c) or anchor
            # else a time of no day told in a verb not in the past is habitual or planned ("is held everyday at 1 pm",
            # "a quiet zone after 10pm", "planned to implement a curfew between 10 p.m. and 4 a.m."): no day, no interval
            time_zone = m.groupdict().get("tz")
            days[i] = day
            if day is not None:
                read = replace(read, value=day.isoformat() + read.value, start_date=day, end_date=day)
                row_anchor = day
            else:
                read = replace(read, value="XXXX-XX-XX" + read.value, start_date=None, end_date=None)
                row_anchor = None
        if read.type in ("date", "time"):
            read.mod = _preceding_mod(text, start, read, c)
        rows.append(_row(start, end, read, name, row_anchor, timeml, time_zone))
    rows.extend(_spacy_fallback(ents, text, c, anchor, blocked + taken))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _a_year_before(read: Read) -> Read:
    """The same period a year earlier ("2025-Q3" -> "2024-Q3", "FY2025-Q1" -> "FY2024-Q1", its days too)."""
    start = shift(read.start_date, -1, "Y") if read.start_date else None  # shift keeps a February 29 in its month
    end = shift(read.end_date, -1, "Y") if read.end_date else None
    value = re.sub(r"\d{4}", lambda y: f"{int(y.group()) - 1:04d}", read.value, count=1)
    return replace(read, value=value, start_date=start, end_date=end)


def _last_quarter(before: list) -> Read | None:
    """The last quarter read before a "the quarter" (an earnings story names its quarter first, then says "in the
    quarter"), or three months that are one ("for the first three months of the year ... Revenue for the quarter":
    2025-Q1); None when no quarter with a known year was named."""
    for *_, read in reversed(before):
        if read.granularity == "quarter" and "X" not in read.value:
            return read
        quarter = _as_quarter(read)
        if quarter is not None:
            return quarter
    return None


def _as_quarter(read: Read) -> Read | None:
    """A date or duration whose days are exactly one calendar quarter, read as that quarter; else None."""
    a, b = read.start_date, read.end_date
    if a is None or b is None or a.day != 1 or a.month % 3 != 1 or b != month_end(a.year, a.month + 2):
        return None
    value, start, end, gran = at_grain(a, "Q")
    return Read(value, start_date=start, end_date=end, granularity=gran, is_relative=True)


#: a calendar month's value ("2025-10"), not a fiscal or partly unknown one
MONTH_VALUE_RE = re.compile(r"\d{4}-\d{2}")


def _last_month(before: list, text: str, c: Compiled) -> Read | None:
    """The last calendar month read before a "the month" ("China's exports fell 1.1% in October ... a trade surplus of
    $90.1 billion for the month"); None when no month with a known year was named. Not a comparison's month ("a year
    earlier": 2024-10) nor a bound ("the first decline since February")."""
    for start, _, _, kind, _, read in reversed(before):
        if kind == "ago" or _preceding_mod(text, start, read, c) in c.anaphor_bound_mods:
            continue
        if read.granularity == "month" and MONTH_VALUE_RE.fullmatch(read.value or ""):
            return read
    return None


#: a calendar day's value ("2019-09-26")
DAY_VALUE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _last_day(before: list, text: str, c: Compiled) -> date | None:
    """The last calendar day read before a "the same day" ("On Tuesday, the Democratic Party held primary elections ...
    The same day, ... Trump became"); None when no day was named. Not a bound ("since Wednesday")."""
    for start, _, _, kind, _, read in reversed(before):
        if _preceding_mod(text, start, read, c) in c.anaphor_bound_mods:
            continue
        if read.granularity == "day" and read.type == "date" and DAY_VALUE_RE.fullmatch(read.value or "") and read.start_date:
            return read.start_date
        if kind == "part_of_day" and read.start_date:  # "On Sunday morning ... The next day"
            return read.start_date
    return None


def _paired_day(text: str, kept: list, i: int, days: dict, c: Compiled) -> date | None:
    """The day of a time bracketed after another time of day as the same instant in another zone ("at around 8:30
    p.m. (0030 UTC)", "at 12:54 am local time (0454 UTC)"): the first time's day, moved by the day the pair itself
    shows (the zones' difference is read from the two clocks, taken within -12..+14 hours: 20:30 then 00:30 is four
    hours behind, so the next day). None when ``kept[i]`` is not such a time or the first one took no day."""
    after = kept[i + 1] if i + 1 < len(kept) else None
    if after is not None and after[3] == "time" and after[5].start_date is not None and \
            c.time_pair_between.fullmatch(text, kept[i][1], after[0]):
        # "at 4 in the morning (4 a.m. EDT Thursday)": the bracketed time's own day, moved back by the pair's difference
        first, second = _minutes(kept[i][5].value), _minutes(after[5].value)
        if first is None or second is None:
            return None
        return after[5].start_date + timedelta(days=(second + _zone_lead(first, second)) // 1440)
    if i == 0 or kept[i - 1][3] != "time" or days.get(i - 1) is None:
        return None
    if not c.time_pair_between.fullmatch(text, kept[i - 1][1], kept[i][0]):
        return None
    first, second = _minutes(kept[i - 1][5].value), _minutes(kept[i][5].value)
    if first is None or second is None:
        return None
    return days[i - 1] + timedelta(days=(first - _zone_lead(first, second)) // 1440)


def _zone_lead(first: int, second: int) -> int:
    """The first clock's lead over the second (minutes) when both tell one instant, taken within -12..+14 hours."""
    offset = (first - second) % 1440
    return offset - 1440 if offset > 14 * 60 else offset


_CLOCK_RE = re.compile(r"T(\d\d):(\d\d)$")


def _minutes(value: str | None) -> int | None:
    """Minutes after midnight of a time row's value ("T20:30", "2019-08-21T20:30"): None for a part of a day."""
    m = _CLOCK_RE.search(value or "")
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def _story_day(before: list, text: str, start: int) -> date | None:
    """The day a time of day with none in its sentence is told on: the first day (or part of a day) its paragraph names
    before it, else the first one of the article's lead (its first paragraph that is not a dateline, "Saturday, August
    24, 2019" alone on its line), where a news story tells its event's day ("was discovered dead on Wednesday ... when
    they reached the scene at around 8:30 p.m."); a later day of the paragraph is often another event's ("On Wednesday,
    the Supreme Court issued a ruling ... following the August 2 resignation ... was sworn in at 5:00 p.m."). None when
    neither names one."""
    own = text.rfind("\n", 0, start) + 1
    lead = None
    first_of_lead = None
    for s, e, _, kind, _, read in before:
        p0, p1 = text.rfind("\n", 0, s) + 1, text.find("\n", e)
        if text[p0:p1 if p1 >= 0 else len(text)].strip() == text[s:e].strip():
            continue  # a dateline
        lead = p0 if lead is None else lead
        is_day = read.start_date is not None and (kind == "part_of_day" or read.granularity == "day" and read.type == "date"
                                                  and DAY_VALUE_RE.fullmatch(read.value or "") is not None)
        if not is_day:
            continue
        if p0 == own:
            return read.start_date
        if p0 == lead and first_of_lead is None:
            first_of_lead = read.start_date
    return first_of_lead


def _sentence_day(doc: Doc, kept: list, i: int, c: Compiled) -> date | None:
    """The day the sentence of ``kept[i]`` (a time of day) names: its nearest row of a calendar day or a part of a day
    ("at 7:37 p.m. on Wednesday", "Saturday 8:00 p.m."); None when it names none."""
    start = kept[i][0]
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    s0, s1 = span.sent.start_char, span.sent.end_char
    best = None
    for j, (s, e, _, kind, _, read) in enumerate(kept):
        if j == i or s < s0 or e > s1 or read.start_date is None or kind == "time":
            continue
        if read.granularity == "day" and read.type == "date" and DAY_VALUE_RE.fullmatch(read.value or "") or kind == "part_of_day":
            dist = s - kept[i][1] if s >= kept[i][1] else start - e
            if c.time_day_barrier.search(doc.text, min(e, kept[i][1]), max(s, start)):
                continue  # a day inside a quotation the time is not in: another voice's day
            if best is None or dist < best[0]:
                best = (dist, read.start_date)
    return best[1] if best else None


def _fiscal_context(text: str, before: list, start: int) -> int | None:
    """The fiscal year written last before ``start`` in the same paragraph ("fiscal 2025 ... the fiscal
    third quarter"): what a fiscal quarter or half without a year belongs to."""
    paragraph = text.rfind("\n", 0, start) + 1
    for s, _, _, _, _, read in reversed(before):
        if s < paragraph:
            return None
        if read.fiscal_name is not None:
            return read.fiscal_name
    return None


def _reference(doc: Doc, before: list, start: int) -> Read | None:
    """The last resolved date earlier in the same sentence: what "seven months earlier" counts from."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not before:
        return None
    sent_start = span.sent.start_char
    for s, _, _, kind, _, read in reversed(before):
        if s < sent_start:
            return None
        if read.type == "date" and read.start_date is not None and read.granularity in _GRAIN_UNIT:
            return read
        if kind == "part_of_day" and read.start_date is not None:  # "Sunday morning, ... two days later": its day
            return replace(read, type="date", granularity="day")
    return None


def _spacy_fallback(ents: tuple[Span, ...], text: str, c: Compiled, anchor: date | None, covered: list[tuple[int, int]]) -> list[dict]:
    """spaCy DATE entities no pattern matched: trim the preposition, normalise with dateparser.

    ``ents`` and ``text`` are ``doc.ents`` and ``doc.text``, read once by the caller (spaCy rebuilds
    both on every access)."""
    rows = []
    for ent in ents:
        if ent.label_ != "DATE" or _overlaps((ent.start_char, ent.end_char), covered):
            continue
        span = ent.text
        trim = c.leading_prep.match(span)
        start = ent.start_char + (trim.end() if trim else 0)
        span = text[start : ent.end_char]
        if not span.strip() or not c.fallback_requires.search(span):
            continue
        cached = normalise_with_dateparser(span, anchor)
        if cached is None:
            continue
        read = replace(cached)  # the cached Read is shared: never mutate it
        read.mod = _preceding_mod(text, start, read, c)
        rows.append(_row(start, ent.end_char, read, "spacy_dateparser", anchor))
    return rows
