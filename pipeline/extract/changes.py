"""Growth, change and comparison: multipliers written as words, "N times" after a verb of doing, and
change statements that tie their numbers together ("rose from 40 million to 52 million").

Why a stage of its own: a change statement is a relation between mentions other stages found (money,
user counts, percents, counts) plus numbers nobody else keeps ("from fourteen to 31"), so it runs
after quantities and before facts, reads their rows, and writes one ``changes`` row per statement with
the spans of its from / to / by / multiplier numbers. Every word list lives in rules/changes.yaml;
qualifier words are those of rules/counts.yaml; numbers are read by ``pipeline.numbers`` only.

Three entry points besides the stage:
- ``word_multipliers(doc, rules)``: quantities rows for "doubled", "twice as", "half the size of"
  (called by ``pipeline.extract.counts.extract_quantities``);
- ``action_times(doc, start, rules)``: the verb of doing before an "N times" ("installed 3 million
  times"), which makes it a count of that action, never a multiplier (called by counts);
- ``change_for(start, end, change_rows)``: (change_from, change_pct) for a fact's mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from pipeline import patterns as rx
from pipeline.lexicon import alternation, trie
from pipeline.extract import Context, doc_matches, doc_stretch_matches, doc_text
from pipeline.numbers import Parsed, parse_number, vocab
from pipeline.rules import Rules, RulesError, check_keys

RULE_KEYS = (
    "multiplier_verbs", "multiplier_verb_not_before", "multiplier_nouns", "comparison_determiners", "ratio_adverbs",
    "ratio_adverb_before", "fractions", "ratio_nouns", "action_verbs", "comparison_after", "change_verbs",
    "change_nouns", "change_adverbs", "value_prepositions", "baselines", "baseline_lead", "baseline_standalone", "max_object_words",
    "max_gap_words", "gap_stoppers", "adverb_bounds", "change_nouns_plural", "count_not_after_gain_loss",
    "restatement_leads", "restatement_max_words", "lookback_max_words", "coordinators", "gap_adverbs", "respectively", "odds_words", "level_nouns", "compared_prepositions",
    "list_leads", "factor_phrases", "fraction_point_words", "earlier_value_nouns", "level_qualifiers", "basis_point_words",
    "direction_adverbs", "amount_determiners", "particle_share_words", "level_prepositions", "money_gain_nouns",
    "shortfall_words", "movement_units", "person_pronouns", "level_units", "small_move_verbs", "value_loss_nouns",
    "total_leads", "total_nouns", "matter_nouns", "movement_prepositions", "rate_nouns", "range_leads", "aside_verbs",
    "value_loss_prepositions", "value_loss_determiners", "merge_max_words", "period_prepositions", "level_hedges", "range_lead_sources", "percent_only_verbs", "from_to_only_nouns", "particle_deps", "particle_object_deps", "fillers", "period_units", "share_subject_deps", "object_count_prepositions", "multiplier_verb_not_prep",
    "supply_nouns", "from_to_verbs", "margin_verbs", "placing_verbs", "intransitive_only_verbs", "split_phrases",
    "neutral_particles", "hash_currency", "object_particles", "bound_move_verbs", "whole_nouns", "valuation_bases",
    "valuation_modifier_tags", "valuation_max_modifiers", "merge_time_adjuncts", "pence_suffixes", "level_participles", "value_only_verbs", "level_verbs",
    "level_participle_max_words", "paren_period_max_words", "object_modifier_deps", "duration_object_deps", "passive_deps",
    "earlier_date_prepositions", "point_articles", "single_points", "single_point_deps", "single_point_prepositions",
    "amount_later_participles", "share_whole_deps", "since_level_clauses", "since_level_prepositions",
)
VERB_GROUPS = ("direct", "direct_percent", "through_preposition")
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
#: an opening parenthesis with the spaces around it: a parenthesis stands for the comma of a restatement
OPEN_PAREN_RE = re.compile(r"\s*\(\s*")
#: a day of the month as a bare number ("19" of "19 May")
DAY_RE = rx.compile(r"0?[1-9]|[12]\d|3[01]")
#: the words of a stretch, as ``_stopped_before_comma`` reads them
LETTERS_RE = rx.compile(r"[A-Za-z]+")
#: the tags of a proper noun
NAME_TAGS = frozenset({"NNP", "NNPS"})
#: tags of the words a short noun phrase may hold between a preposition and its value ("from a previous 93",
#: "to a record low of P59.2", "from the current four")
NP_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "VBN", "RB"})
#: tags a gapped clause's subject may hold ("and Brent Crude to $97", "and profit 8%"): no verb
GAPPED_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "POS", "HYPH", "RB"})
#: of those, the ones that make a subject (an adverb alone, "and then to 60", continues the same quantity)
SUBJECT_TAGS = GAPPED_TAGS - {"RB"}
#: quantities rules (of this module) whose multiplier is a change; the other word forms compare
CHANGE_RULES = frozenset({"multiplier_verb", "multiplier_noun", "multiplier_factor"})
WORD_RE = rx.compile(r"[^\s,;:()\[\]\"“”]+")
SPACES_RE = rx.compile(r"\s+")
TO_RE = rx.compile(r"\s+to\s+")
#: the lead of a baseline date right after an amount (" from Oct. 13"): ``_from_date_end`` finds the date, ``_from_date_text`` reads it
FROM_DATE_LEAD_RE = rx.compile(r"\s+from\s+")
#: "rose a modest 2%", "rose a lower-than-anticipated 5.2%": an article and one or two adjectives before an amount
ARTICLE_WORDS_RE = rx.compile(r"(?:a|an)\s+(?P<w>(?:[A-Za-z]+(?:-[A-Za-z]+)*\s+){1,2})", re.I)
#: tags of the words of ARTICLE_WORDS_RE (a hyphen-joined word counts as an adjective)
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "VBN"})
#: an ordinal in digits is a word of the gap ("rise for the 30th consecutive month to 3.2%"), never a value
ORDINAL_RE = rx.compile(r"\d+(?:st|nd|rd|th)", re.I)
#: a year or a span of years in digits is a word of the gap ("lowers its inflation forecast for the 2026–27 fiscal year to
#: 3.8%"), never a value (years are no values)
YEAR_SPAN_RE = rx.compile(r"(?:1[89]|20)\d{2}(?:[-–/](?:\d{2}|(?:1[89]|20)\d{2}))?")
YEAR_TAIL_RE = rx.compile(r"[-–/](?:\d{2}|(?:1[89]|20)\d{2})(?![\w-])")
#: a year after a preposition of time: the reference of a comparison is an earlier time ("recorded in 2022")
EARLIER_YEAR_RE = rx.compile(r"(?<![\w-])(?:in|of|since|from)\s+(?:[A-Za-z]+\s+)?(?:1[89]|20)\d{2}(?![\w-])", re.I)
#: a figure written in a clause (digits, a currency sign before them); a year among them is no figure
FIGURE_RE = rx.compile(r"(?<![\w.,])[$€£¥₹₩]?\d[\d,]*(?:\.\d+)?(?![\w-])")
#: a range's ends lie within this ratio; "rises US$2 to US$66" is an amount and a later value
RANGE_MAX_RATIO = 3.0
#: a dash and digits right after a number: a score ("down 2–0", "fell 110-102")
SCORE_AFTER_RE = rx.compile(r"\s*[-–—]\s*\d")
#: a period right after a multiplier ("fivefold this year", "tenfold in a decade" stays a change)
PERIOD_AFTER_RE = rx.compile(
    r"\s+(?:this|last|next|that|a|an|each|every|the\s+past|the\s+last)\s+(?:[A-Za-z]+\s+)?(?:year|month|week|day|decade|quarter|century)s?(?![\w-])", re.I
)
#: "times" after a bare number: how often (the quantities stage keeps the multipliers among them)
TIMES_AFTER_RE = rx.compile(r"\s+times(?![\w-])", re.I)
POINTS_RE = rx.compile(r"(?<![\w-])points?(?![\w-])", re.I)
PERCENT_SIGN_RE = rx.compile(r"\s?%|\s+(?:percent|per cent)(?![\w-])", re.I)
#: "from" right after a change word ("went from 31 percent to 55 percent")
FROM_AFTER_RE = rx.compile(r"\s+from\s", re.I)
#: "of" and a possessive after a fraction: a share of the owner's own quantity, not a ratio to another figure
OF_POSSESSIVE_RE = rx.compile(r"\s+of\s+(?:its|their|his|her|our|my|your)(?![\w-])", re.I)
#: "to" or "by" right before a duration ("reduced his sentence to 10 years", "life expectancy fell by 1.5 years"), and
#: words after one that make it a time ago or a deadline
TO_BY_BEFORE_RE = rx.compile(r"(?<![\w-])(?:to|by)\s+$", re.I)
AGO_AFTER_RE = rx.compile(r"\s+(?:ago|earlier|before|later|after)(?![\w-])", re.I)
#: a percent sign or word ending the first end of a range ("12 percent to 580,000")
#: the fraction of a price written in eighths after its whole number ("45 3/8")
MIXED_FRACTION_RE = rx.compile(r" (\d{1,2})/(\d{1,2})(?![\d/])")
PERCENT_END_RE = rx.compile(r"(?:%|(?<![\w-])(?:percent|per cent))\s*$", re.I)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _alt(phrases) -> str:  # noqa: ANN001
    """Regex alternation, longest first; spaces match any whitespace."""
    return alternation(phrases, flexible_space=True)


def _words(phrases) -> re.Pattern:  # noqa: ANN001
    return rx.compile(r"(?<![\w-])(?:" + _alt(phrases) + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Cue:
    """One change word: its direction and how its numbers may follow it."""

    direction: str
    role: str  # direct | direct_percent | through_preposition | noun | adverb


@dataclass(frozen=True)
class Compiled:
    """rules/changes.yaml (and the qualifiers of rules/counts.yaml) compiled once."""

    mult_verbs: dict[str, tuple[float, str]]
    mult_verb_re: re.Pattern
    mult_not_before: frozenset[str]
    mult_nouns: frozenset[str]
    comparison_dets: frozenset[str]
    ratio_adverbs: dict[str, float]
    ratio_adverb_re: re.Pattern
    ratio_adverb_before: frozenset[str]
    fractions: dict[str, float]
    fraction_re: re.Pattern
    fraction_that_re: re.Pattern
    fraction_share_re: re.Pattern
    actions: dict[str, tuple[str, str | None]]
    comparison_after: frozenset[str]
    cues: dict[str, tuple[Cue, ...]]
    cue_re: re.Pattern
    qual_end: re.Pattern
    qual_start: re.Pattern
    qual_map: dict[str, str]
    prep_re: re.Pattern
    prep_map: dict[str, str]
    baseline_re: re.Pattern
    baseline_lead_re: re.Pattern
    max_object_words: int
    max_gap_words: int
    gap_stoppers: frozenset[str]
    adverb_bounds: frozenset[str]
    plural_nouns: frozenset[str]
    level_nouns: frozenset[str]
    noun_words: frozenset[str]
    count_not_after_gain_loss: frozenset[str]
    restatement_leads: frozenset[str]
    restatement_max_words: int
    lookback_max_words: int
    coordinators: frozenset[str]
    gap_adverbs: frozenset[str]
    respectively: re.Pattern
    odds_re: re.Pattern
    odds_words_re: re.Pattern
    list_lead_re: re.Pattern
    factor_re: re.Pattern
    fraction_point_re: re.Pattern
    fraction_by_re: re.Pattern
    range_unit_re: re.Pattern
    earlier_value_nouns: frozenset[str]
    valuation_base_re: re.Pattern
    #: tags of the words a valuation multiple's base may have before it ("20 times expected 1990 earnings")
    valuation_modifier_tags: frozenset[str]
    level_qualifiers: frozenset[str]
    #: a word, or a lead word of a two-word level qualifier and a word ("just above"), between white space
    level_after_re: re.Pattern
    #: a level qualifier of rules/changes.yaml at a position, with the spaces after it ("past " of "surged past $100":
    #: the counts stage's qualifiers_before lack "past", where it is mostly "the past 5 years")
    level_qual_re: re.Pattern
    #: the words of rules/changes.yaml period_units ("year" of "a 31-year low")
    period_unit_words: frozenset[str]
    direction_adverbs: dict[str, str]
    amount_determiner_re: re.Pattern
    basis_points_re: re.Pattern
    number: re.Pattern
    particle_share_re: re.Pattern
    level_prep_re: re.Pattern
    money_gain_nouns: frozenset[str]
    shortfall_re: re.Pattern
    movement_units: frozenset[str]
    person_pronouns: frozenset[str]
    compared_end_re: re.Pattern
    level_units: frozenset[str]
    small_move_verbs: frozenset[str]
    value_loss_re: re.Pattern
    total_after_re: re.Pattern
    matter_re: re.Pattern
    movement_prep_re: re.Pattern
    rate_re: re.Pattern
    #: the rate noun after a percent: "grew at a 2.5% annual rate"
    rate_after_re: re.Pattern
    baseline_words_re: re.Pattern
    range_lead_re: re.Pattern
    aside_re: re.Pattern
    merge_max_words: int
    #: time adjuncts a comma-led restatement may stand after ("for the first time since July")
    merge_adjunct_re: re.Pattern
    #: a number glued to a minor currency unit ("165.4p"): the pattern, and the currency with its divisor
    pence_re: re.Pattern | None
    pence: dict[str, tuple[str, float]]
    #: a comma and a participle of reaching after a change verb with no value of its own ("increased further, reaching 216")
    reached_re: re.Pattern
    #: the words of a period and the closing parenthesis after an earlier value in parentheses ("(from $1.9 billion a year
    #: earlier)": ``_paren_earlier``)
    paren_close_re: re.Pattern
    #: direct_percent words whose amount is never a count ("wiped out 300 homes" destroyed them)
    value_only_verbs: frozenset[str]
    #: base forms after "to" that take the later value at once ("gained 22 seats to reach 74")
    level_verbs: frozenset[str]
    period_prep_re: re.Pattern
    level_hedges: frozenset[str]
    level_hedge_re: re.Pattern
    range_lead_sources: frozenset[str]
    percent_only_verbs: frozenset[str]
    from_to_only_nouns: frozenset[str]
    particle_deps: frozenset[str]
    particle_object_deps: frozenset[str]
    #: a spoken filler word and the space after it ("uh ", "um, ")
    filler_re: re.Pattern
    period_unit_re: re.Pattern
    share_subject_deps: frozenset[str]
    object_count_prepositions: frozenset[str]
    supply_nouns: frozenset[str]
    from_to_verbs: frozenset[str]
    mult_not_prep: frozenset[str]
    margin_verbs: frozenset[str]
    placing_verbs: frozenset[str]
    intransitive_only_verbs: frozenset[str]
    #: "in half" after a change verb of decrease: the fraction the quantity was cut to (``fraction`` group)
    split_re: re.Pattern
    neutral_particles: frozenset[str]
    #: the currency WSJ writes as "#" (the pound sign of its 1989 wire), or "" for none
    hash_currency: str
    object_particles: frozenset[str]
    bound_move_verbs: frozenset[str]
    whole_nouns: frozenset[str]
    #: the last word of each value_loss_nouns phrase: an object of "lost" that is a value ("lost its market value by 5%")
    value_noun_heads: frozenset[str]
    #: parse labels of a noun that modifies a later noun: a number counting it is part of the object's words
    object_modifier_deps: frozenset[str]
    #: parse labels of a time noun that make it the amount of the change word it hangs on ("cutting 34 seconds from the record")
    duration_object_deps: frozenset[str]
    #: parse labels of a passive auxiliary: a through-preposition change word with one takes a percent right after it
    passive_deps: frozenset[str]
    #: "as many as on " after a multiplier: a date entity after it is an earlier time of the same quantity
    as_as_date_re: re.Pattern
    #: an article, at most one adjective and a single point ("a full percentage point", "a point"): one point, an amount
    #: only where the parse makes the point noun a change verb's object or the object of "by" (``_single_point``)
    single_point_re: re.Pattern
    #: the last word of each single-point phrase ("point"): an article without one skips ``single_point_re``
    single_point_words: tuple[str, ...]
    #: unit of each single-point phrase ("%" for a percentage point, None for an index's point)
    single_point_units: dict[str, str | None]
    single_point_deps: frozenset[str]
    single_point_preps: frozenset[str]
    #: after a change verb's amount, a comma and a participle of ``amount_later_participles``: the later value follows
    #: ("netted an additional 66 seats, totaling 365 seats"; ``_later_participle``)
    amount_later_re: re.Pattern
    #: the dependencies by which a number's noun is the whole of a share ("61 of the 113 seats": ``_share_whole``)
    share_whole_deps: frozenset[str]
    #: a word of ``since_level_prepositions`` ("since") before a date, and after the date a clause of
    #: ``since_level_clauses`` (``_since_level``)
    since_re: re.Pattern
    since_level_re: re.Pattern
    #: a capitalised month name of rules/dates.yaml ``months`` right after a bare number: the number is a day ("19 May")
    day_month_re: re.Pattern
    #: the stretches of each whole-text pattern of ``STRETCHED`` (pipeline/prefilter.py ``Anchored``; None: the whole text)
    stretches: Mapping[str, Any] = field(default_factory=dict)


#: keys that become a regex repeat count, so each a whole number >= 0
REPEAT_COUNT_KEYS = ("valuation_max_modifiers", "level_participle_max_words", "paren_period_max_words")
#: keys that are lists of parse tags or labels (a string there would become a set of letters)
TAG_LIST_KEYS = ("valuation_modifier_tags", "object_modifier_deps", "duration_object_deps", "passive_deps", "point_articles", "single_point_deps", "share_whole_deps",
                 "single_point_prepositions", "amount_later_participles", "since_level_clauses", "since_level_prepositions")


def _check_counts(data: Mapping[str, Any], where: str) -> None:
    """Each of ``REPEAT_COUNT_KEYS`` becomes a regex repeat count, so a whole number >= 0; each of ``TAG_LIST_KEYS`` a
    list of strings (a string there would become a set of letters)."""
    for key in REPEAT_COUNT_KEYS:
        limit = data[key]
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
            raise RulesError(f"{where}: {key}: want a whole number >= 0, got {limit!r}")
    for key in TAG_LIST_KEYS:
        tags = data[key]
        if isinstance(tags, str) or not all(isinstance(t, str) for t in tags):
            raise RulesError(f"{where}: {key}: want a list of tags, got {tags!r}")


def compile_rules(rules: Rules) -> Compiled:
    data = rules.get("changes")
    where = str(rules.path("changes"))
    check_keys(data, where=where, required=RULE_KEYS)
    _check_counts(data, where)
    single_points = _single_points(data["single_points"], where)
    check_keys(data["change_verbs"], where=f"{where}: change_verbs", required=VERB_GROUPS)
    cues: dict[str, list[Cue]] = {}
    for role in VERB_GROUPS:
        for direction, words in data["change_verbs"][role].items():
            for w in words:
                cues.setdefault(_norm(w), []).append(Cue(str(direction), role))
    for role, key in (("noun", "change_nouns"), ("noun", "change_nouns_plural"), ("adverb", "change_adverbs")):
        for direction, words in data[key].items():
            for w in words:
                cues.setdefault(_norm(w), []).append(Cue(str(direction), role))
    qual_map = {_norm(p): q for q, phrases in rules.get("counts")["qualifiers_before"].items() for p in phrases}
    qual_alt = "|".join(
        (r"(?<![\w])" if p[:1].isalnum() else "") + re.escape(p).replace(r"\ ", r"\s+") + (r"(?![\w])" if p[-1:].isalnum() else "")
        for p in sorted(qual_map, key=len, reverse=True)
    )
    prep_map = {_norm(k): str(v) for k, v in data["value_prepositions"].items()}
    prep_map.update({_norm(k): "compared" for k in data["compared_prepositions"]})
    fractions = {_norm(k): float(v) for k, v in data["fractions"].items()}
    ratio_nouns = _alt(data["ratio_nouns"])
    out = Compiled(
        mult_verbs={_norm(k): (float(v[0]), str(v[1])) for k, v in data["multiplier_verbs"].items()},
        mult_verb_re=_words(data["multiplier_verbs"]),
        mult_not_before=frozenset(_norm(w) for w in data["multiplier_verb_not_before"]),
        mult_nouns=frozenset(_norm(w) for w in data["multiplier_nouns"]),
        comparison_dets=frozenset(_norm(w) for w in data["comparison_determiners"]),
        ratio_adverbs={_norm(k): float(v) for k, v in data["ratio_adverbs"].items()},
        ratio_adverb_re=_words(data["ratio_adverbs"]),
        ratio_adverb_before=frozenset(_norm(w) for w in data["ratio_adverb_before"]),
        fractions=fractions,
        # "half the size of", "a third of the price of", "one-third as large as"
        fraction_re=rx.compile(
            r"(?<![\w-])(?P<f>" + _alt(fractions) + r")(?=\s+(?:of\s+)?(?:the|its|their|his|her|our)\s+(?:" + ratio_nouns
            + r")(?![\w-])|\s+as\s+[A-Za-z-]+\s+as\b)",
            re.I,
        ),
        fraction_share_re=rx.compile(r"(?<![\w-])(?P<f>" + _alt(fractions) + r")(?=\s+(?:the|its|their|his|her|our)(?![\w-]))", re.I),
        fraction_that_re=rx.compile(r"(?<![\w-])(?P<f>" + _alt(fractions) + r")\s+(?P<that>that|those)(?![\w-])", re.I),
        actions={_norm(k): (str(v[0]), None if v[1] is None else str(v[1])) for k, v in data["action_verbs"].items()},
        comparison_after=frozenset(_norm(w) for w in data["comparison_after"]),
        cues={k: tuple(v) for k, v in cues.items()},
        cue_re=_words(cues),
        qual_end=rx.compile(r"(?P<q>" + qual_alt + r")\s*$", re.I),
        qual_start=rx.compile(r"(?P<q>" + qual_alt + r")\s*", re.I),
        qual_map=qual_map,
        prep_re=rx.compile(r"(?P<p>" + _alt(prep_map) + r")\s+", re.I),
        prep_map=prep_map,
        baseline_re=rx.compile(
            r"(?:(?:" + _alt(data["baseline_lead"]) + r")\s+(?P<b>" + _alt(data["baselines"]) + r")|(?P<s>" + _alt(data["baseline_standalone"]) + r"))(?![\w-]|['’]s(?!\w))",  # not "from last year's $2.34 billion"
            re.I,
        ),
        baseline_lead_re=rx.compile(r"(?P<lead>" + _alt(data["baseline_lead"]) + r")\s+", re.I),
        max_object_words=int(data["max_object_words"]),
        max_gap_words=int(data["max_gap_words"]),
        gap_stoppers=frozenset(_norm(w) for w in data["gap_stoppers"]),
        adverb_bounds=frozenset(_norm(w) for w in data["adverb_bounds"]),
        plural_nouns=frozenset(_norm(w) for ws in data["change_nouns_plural"].values() for w in ws),
        level_nouns=frozenset(_norm(w) for w in data["level_nouns"]),
        noun_words=frozenset(_norm(w) for key in ("change_nouns", "change_nouns_plural") for ws in data[key].values() for w in ws),
        count_not_after_gain_loss=frozenset(_norm(w) for w in data["count_not_after_gain_loss"]),
        restatement_leads=frozenset(_norm(w) for w in data["restatement_leads"]),
        restatement_max_words=int(data["restatement_max_words"]),
        lookback_max_words=int(data["lookback_max_words"]),
        coordinators=frozenset(_norm(w) for w in data["coordinators"]),
        gap_adverbs=frozenset(_norm(w) for w in data["gap_adverbs"]),
        respectively=_words(data["respectively"]),
        odds_re=rx.compile(r"(?<![\w.,-])(?P<a>\d+)[-‐ ](?:" + _alt(data["odds_words"]) + r")[-‐ ](?P<b>\d[\d,]*(?:\.\d+)?)(?![\w-])", re.I),
        odds_words_re=rx.compile(r"(?<![\w.,-])(?P<a>[A-Za-z]+)[-‐](?:" + _alt(data["odds_words"]) + r")[-‐](?P<b>[A-Za-z]+)(?![\w-])", re.I),
        list_lead_re=rx.compile(r",\s*(?:" + _alt(data["list_leads"]) + r")\s+", re.I),
        factor_re=rx.compile(
            r"(?<![\w-])(?:" + _alt(data["factor_phrases"]) + r")\s+(?P<n>" + vocab(rules).number + r")(?![\w-])", re.I
        ),
        fraction_point_re=rx.compile(
            r"(?<![\w-])(?P<f>" + _alt(fractions) + r")\s+(?:of\s+)?(?:a\s+)?(?:" + _alt(data["fraction_point_words"]) + r")(?![\w-])", re.I
        ),
        fraction_by_re=rx.compile(r"\bby\s+(?:(?:" + qual_alt + r")\s+)?(?P<f>" + _alt(fractions) + r")(?![\w-])(?!\s+(?:a\s+)?(?:million|billion|trillion|dozen|hundred|thousand)\b)", re.I),
        range_unit_re=rx.compile(r"%|[$€£¥₹₩]|(?<![\w-])(?:" + _alt(rules.get("counts")["percent_signs"]) + r"|" + vocab(rules).magnitude + r")(?![\w-])", re.I),
        earlier_value_nouns=frozenset(_norm(w) for w in data["earlier_value_nouns"]),
        # "12 times earnings", "1.65 times book value", "4.9 times book": up to valuation_max_modifiers words, then a
        # financial base
        valuation_base_re=rx.compile(
            r"(?:\s+[\w.'’-]+){0," + str(int(data["valuation_max_modifiers"])) + r"}?\s+(?P<base>" + _alt(data["valuation_bases"]) + r")(?![\w-])",
            re.I,
        ),
        valuation_modifier_tags=frozenset(str(t) for t in data["valuation_modifier_tags"]),
        level_qualifiers=frozenset(_norm(w) for w in data["level_qualifiers"]),
        level_after_re=_level_after_re(data["level_qualifiers"], data["neutral_particles"]),
        level_qual_re=rx.compile(r"(?P<q>" + _alt(data["level_qualifiers"]) + r")\s+", re.I),
        direction_adverbs={_norm(w): str(d) for d, ws in data["direction_adverbs"].items() for w in ws},
        amount_determiner_re=rx.compile(r"(?:" + _alt(data["amount_determiners"]) + r")\s+", re.I),
        basis_points_re=rx.compile(r"\s*(?:" + _alt(data["basis_point_words"]) + r")(?![\w-])", re.I),
        number=rx.compile(vocab(rules).number, re.I),
        particle_share_re=rx.compile(r"\s+(?:" + _alt(data["particle_share_words"]) + r")(?![\w-])", re.I),
        level_prep_re=rx.compile(r"(?:" + _alt(data["level_prepositions"]) + r")\s+", re.I),
        money_gain_nouns=frozenset(_norm(w) for w in data["money_gain_nouns"]),
        shortfall_re=rx.compile(r"(?:\s+[A-Za-z]+){0,3}?\s+(?:" + _alt(data["shortfall_words"]) + r")(?![\w-])", re.I),
        movement_units=frozenset(_norm(w) for w in data["movement_units"]),
        person_pronouns=frozenset(_norm(w) for w in data["person_pronouns"]),
        compared_end_re=rx.compile(r"(?<![\w-])(?:" + _alt(data["compared_prepositions"]) + r")\s*$", re.I),
        level_units=frozenset(_norm(w) for w in data["level_units"]),
        small_move_verbs=frozenset(_norm(w) for w in data["small_move_verbs"]),
        # "in market value", "off the company's market value", "to its valuation"
        value_loss_re=rx.compile(
            r"\s+(?:" + _alt(data["value_loss_prepositions"]) + r")\s+(?:(?:" + _alt(data["value_loss_determiners"]) + r")\s+)?(?:[A-Za-z][\w.&-]*['’]s?\s+)?(?:"
            + _alt(data["value_loss_nouns"]) + r")(?![\w-])", re.I
        ),
        total_after_re=rx.compile(
            r"[^,;:()]{0,80}?,\s*(?:" + _alt(data["total_leads"]) + r")\s+(?:its|the|their|his|her|our)\s+(?:[A-Za-z-]+\s+){0,2}?(?:"
            + _alt(data["total_nouns"]) + r")\s+to\s+", re.I
        ),
        matter_re=rx.compile(r"(?:\s+[A-Za-z]+){0,2}?\s+of\s+(?:" + _alt(data["matter_nouns"]) + r")(?![\w-])", re.I),
        movement_prep_re=rx.compile(r"(?:\s+[A-Za-z]+){0,1}?\s+(?:" + _alt(data["movement_prepositions"]) + r")(?![\w-])", re.I),
        # "grows at an annualized rate of 3%": a rate after "at" gives the amount of a change verb
        baseline_words_re=_words(data["baselines"]),
        # ", Mr. Marous said,": one to three capitalised words (or a pronoun) and a verb of saying between commas
        aside_re=rx.compile(r"(?:(?:[A-Z][\w.'’-]*\s+){1,3}|(?:he|she|they|it)\s+)(?:" + _alt(data["aside_verbs"]) + r")\s*,"),
        range_lead_re=rx.compile(r"(?:" + _alt(data["range_leads"]) + r")\s+", re.I),
        rate_re=rx.compile(r"at\s+(?:an?|the)\s+(?:[A-Za-z-]+\s+){0,2}?(?:" + _alt(data["rate_nouns"]) + r")\s+of\s+", re.I),
        rate_after_re=rx.compile(r"(?:\s+[A-Za-z-]+){0,2}?\s+(?:" + _alt(data["rate_nouns"]) + r")(?![\w-])", re.I),
        merge_max_words=int(data["merge_max_words"]),
        merge_adjunct_re=rx.compile(r"(?:" + _alt(data["merge_time_adjuncts"]) + r")(?![\w-])", re.I),
        pence_re=(rx.compile(r"(?<![\w.,])(?P<n>\d+(?:\.\d+)?)(?P<u>" + _alt(data["pence_suffixes"]) + r")(?![\w-])(?!\.\w)", re.I)
                  if data["pence_suffixes"] else None),
        pence={_norm(k): (str(v[0]), float(v[1])) for k, v in (data["pence_suffixes"] or {}).items()},
        value_only_verbs=frozenset(_norm(w) for w in data["value_only_verbs"]),
        level_verbs=frozenset(_norm(w) for w in data["level_verbs"]),
        reached_re=rx.compile(r"(?:\s+[A-Za-z]+){0," + str(data["level_participle_max_words"]) + r"}?\s*,\s*(?:" + _alt(data["level_participles"]) + r")\s+", re.I),
        paren_close_re=rx.compile(r"(?:\s+(?:[A-Za-z]+|\d{4})){0," + str(data["paren_period_max_words"]) + r"}?\s*\)"),
        period_prep_re=rx.compile(r"\s+(?:" + _alt(data["period_prepositions"]) + r")\s+", re.I),
        level_hedges=frozenset(_norm(w) for w in data["level_hedges"]),
        level_hedge_re=rx.compile(r"(?P<q>" + _alt(data["level_hedges"]) + r")\s+", re.I),
        range_lead_sources=frozenset(str(w) for w in data["range_lead_sources"]),
        percent_only_verbs=frozenset(_norm(w) for w in data["percent_only_verbs"]),
        from_to_only_nouns=frozenset(_norm(w) for w in data["from_to_only_nouns"]),
        particle_deps=frozenset(str(d) for d in data["particle_deps"]),
        particle_object_deps=frozenset(str(d) for d in data["particle_object_deps"]),
        filler_re=rx.compile(r"(?:" + _alt(data["fillers"]) + r")(?![\w-])[\s,]*", re.I),
        period_unit_re=rx.compile(r"\s+(?:" + _alt(data["period_units"]) + r")(?![\w-])", re.I),
        period_unit_words=frozenset(_norm(w) for w in data["period_units"]),
        share_subject_deps=frozenset(str(w) for w in data["share_subject_deps"]),
        object_count_prepositions=frozenset(_norm(w) for w in data["object_count_prepositions"]),
        mult_not_prep=frozenset(_norm(w) for w in data["multiplier_verb_not_prep"]),
        supply_nouns=frozenset(_norm(w) for w in data["supply_nouns"]),
        from_to_verbs=frozenset(_norm(w) for w in data["from_to_verbs"]),
        margin_verbs=frozenset(_norm(w) for w in data["margin_verbs"]),
        placing_verbs=frozenset(_norm(w) for w in data["placing_verbs"]),
        intransitive_only_verbs=frozenset(_norm(w) for w in data["intransitive_only_verbs"]),
        neutral_particles=frozenset(_norm(w) for w in data["neutral_particles"]),
        hash_currency=str(data["hash_currency"] or ""),
        object_particles=frozenset(_norm(w) for w in data["object_particles"]),
        bound_move_verbs=frozenset(_norm(w) for w in data["bound_move_verbs"]),
        whole_nouns=frozenset(_norm(w) for w in data["whole_nouns"]),
        split_re=rx.compile(r"(?<![\w-])(?:" + _alt(data["split_phrases"]) + r")\s+(?P<f>" + _alt(fractions) + r")(?![\w-])", re.I),
        value_noun_heads=frozenset(_norm(w).split()[-1] for w in data["value_loss_nouns"]),
        object_modifier_deps=frozenset(str(d) for d in data["object_modifier_deps"]),
        duration_object_deps=frozenset(str(d) for d in data["duration_object_deps"]),
        passive_deps=frozenset(str(d) for d in data["passive_deps"]),
        as_as_date_re=rx.compile(r"\s+as\s+[A-Za-z]+\s+as\s+(?:" + _alt(data["earlier_date_prepositions"]) + r")\s+", re.I),
        single_point_re=rx.compile(
            r"(?<![\w-])(?:" + _alt(data["point_articles"]) + r")\s+(?P<adj>[A-Za-z]+(?:-[A-Za-z]+)*\s+)??(?P<u>"
            + _alt(single_points) + r")(?![\w-])", re.I
        ),
        single_point_words=tuple(sorted({_norm(k).split()[-1] for k in single_points})),
        single_point_units={_norm(k): (v or None) for k, v in single_points.items()},
        single_point_deps=frozenset(str(d) for d in data["single_point_deps"]),
        single_point_preps=frozenset(_norm(w) for w in data["single_point_prepositions"]),
        amount_later_re=rx.compile(r"(?:\s+[A-Za-z]+){0," + str(data["level_participle_max_words"]) + r"}?\s*,\s*(?:"
                                   + _alt(data["amount_later_participles"]) + r")\s+", re.I),
        share_whole_deps=frozenset(str(d) for d in data["share_whole_deps"]),
        since_re=rx.compile(r"\s+(?:" + _alt(data["since_level_prepositions"]) + r")\s+", re.I),
        since_level_re=rx.compile(r"\s*,\s*(?:" + _alt(data["since_level_clauses"]) + r")\s+", re.I),
        day_month_re=rx.compile(r"\s+(?:" + "|".join(re.escape(str(m)) for m in sorted(rules.get("dates")["months"], key=len, reverse=True))
                                + r")\b(?!['’]s)"),
    )
    from pipeline.prefilter import Anchored

    return replace(out, stretches={name: Anchored.of(getattr(out, name)) for name in STRETCHED})


#: the whole-text scans searched in their stretches (``doc_stretch_matches``): each passed its literal clause in most
#: articles and was tried at every word (issue 22, speed round 13)
STRETCHED = ("mult_verb_re", "fraction_that_re", "fraction_re", "fraction_share_re")


def _single_points(table: Any, where: str) -> dict[str, str]:  # noqa: ANN401
    """``single_points``: a mapping of a point phrase to its unit ("%", or "" for none)."""
    if not isinstance(table, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise RulesError(f"{where}: single_points: want a mapping of phrase to unit ('' for none), got {table!r}")
    return dict(table)


def compiled(rules: Rules) -> Compiled:
    return rules.derived("changes", compile_rules)


# --- small helpers over the Doc --------------------------------------------------------------------


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _sentence_bounds(doc: Doc, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``pos``, never crossing a line break."""
    tok = _token_at(doc, pos)
    start, end = (tok.sent.start_char, tok.sent.end_char) if tok is not None else (0, len(doc_text(doc)))
    start = max(start, doc_text(doc).rfind("\n", 0, pos) + 1)
    nl = doc_text(doc).find("\n", pos)
    return start, (min(end, nl) if nl != -1 else end)


def _qualifier(doc: Doc, start: int, c: Compiled) -> str:
    """The qualifier written right before ``start`` in its sentence ("more than doubled"), else exact."""
    sent_start, _ = _sentence_bounds(doc, start)
    m = c.qual_end.search(doc_text(doc)[sent_start:start])
    return c.qual_map[_norm(m.group("q"))] if m else "exact"


def _quantity_row(start: int, end: int, value: float, qualifier: str, direction: str | None, rule: str) -> dict:
    return {
        "start": start, "end": end, "kind": "multiplier", "value": value, "value_low": None, "value_high": None,
        "unit": "x", "qualifier": qualifier, "change": direction, "rule": rule,
    }


# --- multipliers written as words ------------------------------------------------------------------


def word_multipliers(doc: Doc, rules: Rules) -> list[dict]:
    """Quantities rows for "doubled", "a doubling of", "double the effort", "twice as fast", "half the size of".

    The parse decides: a verb or a noun before "of" is a change; a predeterminer (or a form before a
    determiner) compares; an adjective ("a double murder"), a hyphenated word ("double-digit") and a
    lone adverb ("arrested twice") are not multipliers."""
    c = compiled(rules)
    text = doc_text(doc)
    rows = []
    for m in doc_stretch_matches(doc, c.mult_verb_re, c.stretches.get("mult_verb_re")):
        tok = _token_at(doc, m.start())
        if tok is None or tok.idx != m.start() or tok.idx + len(tok.text) != m.end():
            continue  # part of a longer token ("double-digit" split oddly) or a name glued to it
        word = _norm(m.group())
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        factor, direction = c.mult_verbs[word]
        if (tok.tag_.startswith("VB") or _verb_read_as_noun(doc, tok, m.start(), c)) and (not tok.is_title or tok.is_sent_start):
            if _object_word(tok) in c.mult_not_before or any(ch.dep_ == "prt" and ch.lower_ in c.mult_not_before for ch in tok.children):
                continue  # "redoubled its efforts", "doubled down on its strategy"
            if any(ch.dep_ == "prep" and ch.lower_ in c.mult_not_prep and any(g.dep_ == "pobj" for g in ch.children) for ch in tok.children):
                continue  # "The building doubles as a museum": serves as ("Sales doubled as demand rose" stays one)
            rule = "multiplier_verb"
        elif word in c.mult_nouns and nxt is not None and nxt.lower_ == "of":
            rule = "multiplier_noun"
        elif tok.tag_ == "PDT" or (nxt is not None and nxt.lower_ in c.comparison_dets and (tok.tag_ != "JJ" or _qualifier(doc, m.start(), c) != "exact")):
            rule = "multiplier_predeterminer"
        elif nxt is not None and _qualifier(doc, m.start(), c) != "exact" and any(t.tag_ == "POS" for t in doc[nxt.i : nxt.i + 3]):
            rule = "multiplier_predeterminer"  # "more than double analysts' expectations": a ratio to another figure
        else:
            continue
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), direction, rule))
    for m in c.ratio_adverb_re.finditer(text):
        tok = _token_at(doc, m.end())
        after = re.match(r"\s+([\w-]+)", text[m.end() :])
        nxt = _token_at(doc, m.end() + (after.start(1) if after else 0)) if after else None
        if after is None or not (_norm(after.group(1)) in c.ratio_adverb_before or (nxt is not None and nxt.tag_ in COMPARATIVE_TAGS)):
            continue
        factor = c.ratio_adverbs[_norm(m.group())]
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), "increase", "multiplier_adverb"))
    for m in doc_stretch_matches(doc, c.fraction_that_re, c.stretches.get("fraction_that_re")):
        # "worth only half that now", "Its sales are half those of its rival": a ratio to a figure named before or after
        # ("that" a demonstrative, not the relative of "half that voted"; "half those polled" is a share of a group)
        that = _token_at(doc, m.start("that"))
        if that is None or that.tag_ != "DT":
            continue
        if m.group("that").lower() == "those" and not re.match(r"\s+of\s", text[m.end() :]):
            continue
        factor = c.fractions[_norm(m.group("f"))]
        rows.append(_quantity_row(m.start(), m.start() + len(m.group("f")), factor, _qualifier(doc, m.start(), c), "decrease", "multiplier_fraction"))
    for m in doc_stretch_matches(doc, c.fraction_re, c.stretches.get("fraction_re")):
        if _after_change_verb(doc, m.start(), c):
            continue  # "have lost a third of their value": the share that changed, an amount of the change word
        if _subject_share(doc, m.end("f"), c):
            continue  # "Half the population lives in poverty": a share of the clause's subject, not a ratio
        whole = re.match(r"\s+(?:of\s+)?[A-Za-z]+\s+([A-Za-z]+)", text[m.end("f") :])
        if whole is not None and _norm(whole.group(1)) in c.whole_nouns and _restated_count(doc, m.start(), c):
            # "about 33.7 million customers, nearly two-thirds of the population": a count restated as a share of a whole
            # ("100 units, half the level of last year" compares)
            continue
        if OF_POSSESSIVE_RE.match(text, m.end("f")):
            continue  # "spends nearly a third of its revenue on interest": a share of the owner's own quantity ("a third of the price of")
        factor = c.fractions[_norm(m.group("f"))]
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), "decrease", "multiplier_fraction"))
    for m in c.split_re.finditer(text):
        # "Magna recently cut its quarterly dividend in half": the prepositional phrase of a change verb of decrease, by the parse
        prep = _token_at(doc, m.start())
        verb = prep.head if prep is not None else None
        cues = c.cues.get(_norm(verb.text), ()) if verb is not None else ()
        if verb is not None and verb.tag_.startswith("VB") and any(q.role in VERB_GROUPS and q.direction == "decrease" for q in cues) \
                and not any(t.dep_ in ("nsubj", "nsubjpass") and _norm(t.text) in c.person_pronouns for t in verb.children):
            # "He was cut in half by the blast": a body, no quantity (a pronoun only: the NER takes "Magna" for a person)
            rows.append(_quantity_row(m.start("f"), m.end("f"), c.fractions[_norm(m.group("f"))], _qualifier(doc, m.start(), c), "decrease",
                                      "multiplier_factor"))
    for m in c.factor_re.finditer(text) if "factor" in text.lower() else ():
        row = _factor_multiplier(doc, m, rules, c)
        if row is not None:
            rows.append(row)
    return rows


def _restated_count(doc: Doc, start: int, c: Compiled) -> bool:
    """Whether the fraction at ``start`` follows a comma after a count and its counted noun (a qualifier may stand
    between), by the parse: it restates that count as a share of a whole ("about 33.7 million customers, nearly two-thirds
    of the population", "40 million households, half the total"). A ratio after an amount with no noun stays one ("fell to
    $5, half the price of a year ago")."""
    text = doc_text(doc)
    sent_start, _ = _sentence_bounds(doc, start)
    q = c.qual_end.search(text[sent_start:start])
    before = text[: sent_start + q.start() if q else start].rstrip()  # past "nearly", "more than"
    comma = _token_at(doc, len(before) - 1)
    if not before.endswith(",") or comma is None or comma.i < 1:
        return False
    k = comma.i
    nouns = 0
    for t in reversed(doc[max(0, k - 4) : k]):
        if t.tag_ == "CD":
            return nouns > 0
        if not t.tag_.startswith("NN") or nouns == 2:
            return False
        nouns += 1
    return False


def _subject_share(doc: Doc, end: int, c: Compiled) -> bool:
    """Whether the fraction ending at ``end`` heads or quantifies the subject of its clause, by the parse ("Half the
    population lives in poverty", "About a third of the population was vaccinated"): a share of a group. A ratio
    measures something else ("The moon is half the size of the planet", "sells for a third of the price")."""
    tok = _token_at(doc, end - 1)
    if tok is None:
        return False
    noun = tok if tok.dep_ in c.share_subject_deps or tok.head.i <= tok.i else tok.head
    return noun.dep_ in c.share_subject_deps


def _after_change_verb(doc: Doc, start: int, c: Compiled) -> bool:
    """Whether a change verb stands right before ``start`` (a qualifier may sit between): "lost a third of their
    value", "cut nearly half the budget"."""
    text = doc_text(doc)
    sent_start, _ = _sentence_bounds(doc, start)
    head = text[sent_start:start]
    q = c.qual_end.search(head)
    head = head[: q.start()] if q else head
    w = re.search(r"([A-Za-z]+)\s+$", head)
    if w is None or _norm(w.group(1)) not in c.cues:
        return False
    tok = _token_at(doc, sent_start + w.start(1))
    return tok is not None and tok.tag_.startswith("VB") and any(cue.role in VERB_GROUPS for cue in c.cues[_norm(w.group(1))])


def _verb_read_as_noun(doc: Doc, tok: Token, start: int, c: Compiled) -> bool:
    """Whether an inflected multiplier form the tagger read as a plural noun is the verb of a headline-style
    sentence: right after a qualifier ("Nvidia's quarterly profit more than doubles to US$19.3 billion": the
    model makes "more" the root and "doubles" its object) or in a sentence with no verb at all. A base form
    ("double the effort") never is. An adjective with an auxiliary of its own is a verb too ("global capacity
    would more than double by 2030")."""
    if tok.tag_ == "JJ" and any(ch.dep_ in ("aux", "auxpass") for ch in tok.children):
        return True
    if tok.tag_ != "NNS":
        return False
    if _qualifier(doc, start, c) != "exact":
        return True
    return not any(t.tag_.startswith(("VB", "MD")) for t in tok.sent)


def _factor_multiplier(doc: Doc, m: re.Match, rules: Rules, c: Compiled) -> dict | None:
    """"cutting the amount of water ... by, reportedly, a factor of two" -> 0.5; "increased by a factor of
    ten" -> 10. Only after "by" (an aside between commas may stand between), and only when a change word
    stands earlier in the sentence: its direction says whether the factor multiplies or divides. "differ
    by a factor of two" (no direction) and "a factor of safety" are no multipliers."""
    text = doc_text(doc)
    sent_start, _ = _sentence_bounds(doc, m.start())
    head = text[sent_start : m.start()]
    if not re.search(r"\bby\s*(?:,\s*[A-Za-z]+\s*,\s*)?$", head, re.I):
        return None
    try:
        parsed = parse_number(m.group("n"), rules)
    except (ArithmeticError, ValueError):
        parsed = None
    if parsed is None or not parsed.value or parsed.value <= 1:
        return None
    cue = None
    for hit in c.cue_re.finditer(head):
        tok = _token_at(doc, sent_start + hit.start())
        role = _cue_role(tok, c.cues[_norm(hit.group())], _norm(hit.group()))
        if role is not None and role.role in VERB_GROUPS and role.direction in ("increase", "decrease"):
            cue = role  # the nearest change word before "by"
    if cue is None:
        return None
    factor = float(parsed.value) if cue.direction == "increase" else 1 / float(parsed.value)
    return _quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), cue.direction, "multiplier_factor")


def _object_word(tok: Token) -> str:
    """The head noun of a verb's direct object ("redoubled its efforts" -> efforts), else ""."""
    for child in tok.children:
        if child.dep_ == "dobj":
            return child.lower_
    return ""


def multiplier_kind(doc: Doc, row: dict, rules: Rules) -> str:
    """``change`` ("revenue doubled", "grew 33-fold") or ``comparison`` ("twice as fast as sales",
    "2.4 times the mass of the Sun", "3x faster than") for a quantities multiplier row. A comparison with the
    same quantity at an earlier time is a change ("2.3 times the number recorded in 2022", "twice as many as a
    year earlier"): the issue's "something became N times what it was"."""
    kind = _written_kind(doc, row, rules)
    if kind == "comparison" and _earlier_reference(doc, row, compiled(rules)):
        return "change"
    return kind


def _clause_after(doc: Doc, end: int) -> str:
    """The words after a multiplier up to the next comma, semicolon or colon, or the sentence end."""
    text = doc_text(doc)
    # the multiplier's own last character: the space after it belongs to no token, and the sentence of no token is the
    # whole text ("cabbage cost 2.5 times as much as a year ago. Chocolate prices increased by 20.4%": one clause, not two)
    _, sent_end = _sentence_bounds(doc, max(end - 1, 0))
    stop = re.search(r"[,;:]", text[end:sent_end])
    return text[end : end + stop.start() if stop else sent_end]


def _earlier_reference(doc: Doc, row: dict, c: Compiled) -> bool:
    """Whether the clause after a multiplier names an earlier time as its reference: a year ("recorded in 2022"),
    a baseline period ("as many as a year earlier") or a date after "as <word> as on/in" ("as many as on 1 October"), before the next comma, semicolon or sentence end, and writes
    no figure of its own (a figure makes it a comparison of two written numbers, as the tuning and the second and
    third written corpora label "more than four times the 247 cases recorded in the same period of 2025")."""
    clause = _clause_after(doc, row["end"])
    # "almost four times as many as on 1 October": the same quantity at an earlier date (a DATE entity, by the NER); the
    # date's own digits are no figure of the clause
    lead = c.as_as_date_re.match(clause)
    tok = _token_at(doc, row["end"] + lead.end()) if lead is not None else None
    date_end = _ent_end(tok) - row["end"] if tok is not None and tok.ent_type_ == "DATE" and tok.ent_iob_ == "B" else 0
    figures = [f for f in FIGURE_RE.finditer(clause) if f.start() >= date_end]
    if any(not YEAR_SPAN_RE.fullmatch(f.group().lstrip("$€£¥₹₩")) for f in figures):
        return False  # "more than triple the ₩6.5 trillion it earned a year earlier": two written figures compared
    return bool(date_end or EARLIER_YEAR_RE.search(clause) or c.baseline_words_re.search(clause))


def _ent_end(tok: Token) -> int:
    """The end character of the entity that begins at ``tok``."""
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return doc[k - 1].idx + len(doc[k - 1].text)


def _valuation_multiple(doc: Doc, row: dict, c: Compiled) -> bool:
    """Whether "N times" is a valuation multiple: a financial base (``valuation_bases``: earnings, book value, sales, cash
    flow...) follows it, after at most ``valuation_max_modifiers`` modifiers (``valuation_modifier_tags``), and no verb of change governs it ("The stock trades at 1.65 times
    book value", "sells for 12 times earnings"). A price stated as a multiple of a base is a comparison of two things, never
    a change; "Earnings grew 12 times in a decade" is one."""
    text = doc_text(doc)
    m = c.valuation_base_re.match(text, row["end"])
    if m is None:
        return False
    words = [t for t in doc.char_span(row["end"], m.start("base"), alignment_mode="expand") or ()] if m.start("base") > row["end"] else []
    if any(t.tag_ not in c.valuation_modifier_tags for t in words if not t.is_space):
        return False  # "12 times in the last year, sales ...": the base word is no object of the multiplier
    tok = _token_at(doc, row["end"] - 1)
    for head in tok.ancestors if tok is not None else ():
        if head.tag_.startswith("VB"):
            return not any(q.role in VERB_GROUPS for q in c.cues.get(_norm(head.text), ()))
    return True


def _written_kind(doc: Doc, row: dict, rules: Rules) -> str:
    """The kind the multiplier's own words give: its rule, then the word after it."""
    if row["rule"] in CHANGE_RULES:
        return "change"
    if row["rule"].startswith("multiplier_") and row["rule"] not in ("multiplier_word", "multiplier_x"):
        return "comparison"
    c = compiled(rules)
    if _valuation_multiple(doc, row, c):
        return "comparison"  # "trades at 12 times earnings": a price against a financial base, no change (issue 21)
    after = re.match(r"\s+([\w-]+)", doc_text(doc)[row["end"] :])
    if after is None:
        return "change"
    nxt = _token_at(doc, row["end"] + after.start(1))
    if _norm(after.group(1)) in c.comparison_after or (nxt is not None and nxt.tag_ in COMPARATIVE_TAGS):
        return "comparison"
    if PERIOD_AFTER_RE.match(doc_text(doc), row["end"]):
        return "change"  # "has risen fivefold this year": a period, not the figure compared with
    if nxt is not None and (nxt.tag_ in ("DT", "PRP$", "PDT") or any(t.tag_ == "POS" for t in doc[nxt.i : nxt.i + 4])):
        return "comparison"  # "1.65 times Deseret's book value", "three times a typical salary"
    return "change"


#: a word glued or hyphenated to "fold" ("tenfold", "five-fold", "twenty-fivefold"); the number grammar decides whether it
#: is a number ("manifold", "scaffold" are not)
FOLD_WORD_RE = rx.compile(r"(?<![\w.,-])(?P<w>[A-Za-z]+(?:[-‐][A-Za-z]+)*?)[-‐]?fold(?![\w-])", re.I)


def fold_words(text: str) -> Iterator[re.Match]:
    """The spelled "-fold" words of a text (called by counts, which reads their number with the number grammar): only
    texts that hold "fold" are scanned."""
    return FOLD_WORD_RE.finditer(text) if "fold" in text.lower() else iter(())


def fold_word_not_multiplier(doc: Doc, start: int, end: int, rules: Rules) -> bool:
    """Whether the spelled "-fold" word at ``start``-``end`` ("fivefold", "five-fold", "a hundredfold"; counts finds them
    and reads the number with the number grammar) is no factor: an adjective of a noun that is no change noun ("the
    four-fold path", "a twofold approach"; "a three-fold increase" is one)."""
    nxt = _word_after(doc, end)
    return nxt is not None and nxt.tag_.startswith("NN") and _norm(nxt.text) not in compiled(rules).noun_words


def comparative_at(doc: Doc, pos: int) -> bool:
    """Whether the word after ``pos`` is a comparative by the parse ("ten times harder than a man"):
    spelled-out "N times" before it is a multiplier (called by counts)."""
    tok = _word_after(doc, pos)
    return tok is not None and tok.tag_ in COMPARATIVE_TAGS


#: white space and then a word character: the start of the next word, when nothing but space comes first
SPACE_BEFORE_WORD_RE = rx.compile(r"\s+(?=\w)")


def _word_after(doc: Doc, pos: int) -> Token | None:
    """The token of the word that follows ``pos`` after white space alone (None after punctuation or at the end): the
    word a multiplier written at ``pos`` modifies or is compared by. Matched in place, not on a copy of the rest of the
    text (counts asks once per multiplier)."""
    after = SPACE_BEFORE_WORD_RE.match(doc_text(doc), pos)
    return _token_at(doc, after.end()) if after else None


# --- "N times" after a verb of doing ---------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    verb: str
    unit: str
    metric: str | None


def action_times(doc: Doc, start: int, rules: Rules) -> Action | None:
    """The verb of doing an "N times" at ``start`` counts ("was installed 3 million times", "has been
    viewed more than 5 million times on YouTube"), else None.

    Read from the parse (the verb the number's "times" hangs from) and, when the parse is odd, from
    the words right before the number (a qualifier may sit between)."""
    c = compiled(rules)
    sent_start, _ = _sentence_bounds(doc, start)
    prefix = doc_text(doc)[sent_start:start]
    q = c.qual_end.search(prefix)
    if q:
        prefix = prefix[: q.start()]
    last = re.search(r"([A-Za-z]+)\s*$", prefix)
    last_tok = _token_at(doc, sent_start + last.start(1)) if last else None
    if last and _norm(last.group(1)) in c.actions and last_tok is not None and last_tok.tag_.startswith("VB"):
        # a verb by the parse: "like ten times harder" is a preposition, not "liked"
        unit, metric = c.actions[_norm(last.group(1))]
        return Action(last.group(1), unit, metric)
    times = next((t for t in doc[_token_index(doc, start) :] if t.lower_ == "times"), None) if doc_text(doc) else None
    if times is None or times.idx - start > 40:
        return None
    verb = next((t for t in times.ancestors if t.tag_.startswith("VB")), None)
    if verb is None or verb.idx > start:
        return None
    for form in (verb.lower_, verb.lemma_.lower()):
        if form in c.actions:
            unit, metric = c.actions[form]
            return Action(verb.text, unit, metric)
    return None


def _token_index(doc: Doc, pos: int) -> int:
    tok = _token_at(doc, pos)
    return tok.i if tok is not None else len(doc)


# --- change statements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A number a change statement may use: a mention of another table, or a bare number."""

    start: int
    end: int
    value: float
    unit: str | None
    multiplier: bool = False
    #: for a multiplier: change | comparison (only a change multiplier belongs to a change statement)
    kind: str | None = None
    #: where the number comes from: money | user_counts | percent | count | measure | multiplier | bare
    source: str = "bare"
    #: for a range another stage read from "A to B" where each end stands alone ("$2 billion to $10
    #: billion", "523 to 1,501"): the two ends, for "rose by A to B" (by A, to B)
    ends: tuple["Value", "Value"] | None = None


def _values(doc: Doc, found: dict[str, list[dict]], rules: Rules, c: Compiled) -> dict[int, Value]:
    """Numbers by start offset: money, user counts, percents and counts of earlier stages, then bare
    numbers no stage kept ("from fourteen to 31"), never inside a date."""
    out: dict[int, Value] = {}
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for r in found.get("money") or ():
        if r.get("amount") is not None:
            ends = _range_ends(text, r, r.get("amount_low"), r.get("amount_high"), r.get("currency"), "money", c)
            out[r["start"]] = Value(r["start"], r["end"], float(r["amount"]), r.get("currency"), source="money", ends=ends)
        spans.append((r["start"], r["end"]))
    for r in found.get("user_counts") or ():
        if r.get("value") is not None:
            out[r["start"]] = Value(r["start"], r["end"], float(r["value"]), r.get("metric"), source="user_counts")
        spans.append((r["start"], r["end"]))
    for r in found.get("quantities") or ():
        if r["kind"] == "count" and re.match(r"[-‐][A-Za-z]", text[r["end"] : r["end"] + 2]):
            spans.append((r["start"], r["end"]))  # "from a four-tier structure to a two-rate structure": a modifier
            continue
        if r.get("value") is not None and r["kind"] in ("percent", "count", "measure", "multiplier"):
            unit = "%" if r["kind"] == "percent" else r.get("unit")
            kind = multiplier_kind(doc, r, rules) if r["kind"] == "multiplier" else None
            ends = None if kind else _range_ends(text, r, r.get("value_low"), r.get("value_high"), unit, r["kind"], c)
            bp = c.basis_points_re.match(text, r["end"]) if r["kind"] == "count" else None
            if bp is not None or (unit and c.basis_points_re.fullmatch(unit)):
                # "by 50 basis points", "by 25 bps": in percentage points
                end = bp.end() if bp is not None else r["end"]
                out[r["start"]] = Value(r["start"], end, float(r["value"]) / 100, "%", source="percent")
            else:
                out[r["start"]] = Value(r["start"], r["end"], float(r["value"]), unit, r["kind"] == "multiplier", kind, r["kind"], ends)
        spans.append((r["start"], r["end"]))
    for m in c.fraction_point_re.finditer(text) if "point" in text.lower() else ():
        # "by a quarter percentage point", "by half a point": the fraction is the amount, in points (the
        # dates stage may read "a quarter" as three months: before a point it never is)
        if not any(s < m.end() and m.start() < e for s, e in spans):
            out[m.start()] = Value(m.start(), m.end(), c.fractions[_norm(m.group("f"))], "%", source="percent")
            spans.append((m.start(), m.end()))
    lowered = text.lower()
    for m in c.single_point_re.finditer(text) if any(w in lowered for w in c.single_point_words) else ():
        # "dropped a full percentage point", "raised rates by a point": one point, where the parse makes the point noun the
        # object of a verb or of "by" ("fell to a point where", "scored a point" in a list of stats: no change word takes it)
        if m.start() in out or any(s < m.end() and m.start() < e for s, e in spans) or not _single_point(doc, m, c):
            continue
        point_unit = c.single_point_units[_norm(m.group("u"))]
        out[m.start()] = Value(m.start(), m.end(), 1.0, point_unit, source="percent" if point_unit else "bare")
        spans.append((m.start(), m.end()))
    # a date that starts inside a word is no date ("443.6 million Thursday" read as "on Thursday")
    spans += [(r["start"], r["end"]) for r in found.get("dates") or () if not (r["start"] > 0 and text[r["start"] - 1].isalnum())]
    odds = [m for m in c.odds_re.finditer(text)] + ([m for m in c.odds_words_re.finditer(text)] if re.search(r"[-‐]in[-‐]", text) else [])
    for m in odds:
        # "1-in-59,000", "a three-in-five chance": odds are a probability, in percent (a change of a
        # chance: "drops to 1-in-59,000")
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        try:
            one, many = parse_number(m.group("a"), rules), parse_number(m.group("b"), rules)
        except (ArithmeticError, ValueError):
            continue
        if one is not None and many is not None and many.value and one.value <= many.value:
            out[m.start()] = Value(m.start(), m.end(), float(one.value / many.value) * 100, "%", source="percent")
            spans.append((m.start(), m.end()))
    for m in doc_matches(doc, c.number):  # the same scan the counts stages made (shared per Doc)
        inside = [s for s, e in spans if s < m.end() and m.start() < e]
        if inside and min(inside) > m.start():
            # "an increase of 84 million over 2014": the lexicon reads "N over <year>" as a fraction; the number before
            # the date is the value
            m = c.number.match(text, m.start(), len(text[: min(inside)].rstrip()))
            m = m if m is not None and not re.search(r"\s", text[m.end() : min(inside)].strip()) else None
            inside = [] if m is not None else inside
        if inside or m is None:
            continue
        hashed = m.start() > 0 and text[m.start() - 1] == "#" and bool(c.hash_currency)
        if hashed and (re.search(r"\d[.,]\d", m.group()) or re.search(r"\s[A-Za-z]", m.group())):
            parsed_hash = _parse_or_none(m.group(), rules)
            if parsed_hash is not None:
                # WSJ's "#" is the pound sign: "slipped 5% to #89.7 million", "dropped 11 to #10.86" (a decimal, a thousands
                # comma or a scale word; "#1 seller" stays a list number)
                out[m.start() - 1] = Value(m.start() - 1, m.end(), float(parsed_hash.value), c.hash_currency, source="money")
                spans.append((m.start() - 1, m.end()))
                continue
        if re.fullmatch(r"\d{4}", m.group()) or re.search(r"[A-Za-z][-‐]$|[#/]$", text[max(0, m.start() - 2) : m.start()]):
            continue  # a year, a model code, a list number
        if TIMES_AFTER_RE.match(text, m.end()):
            continue  # "was cut 15 times with a knife": a frequency the quantities stage left out, never an amount
        if DAY_RE.fullmatch(m.group()) and c.day_month_re.match(text, m.end()):
            continue  # "held from 11 April to 19 May, an increase of ...": a day of a date the dates stage left out, never a value
        last = _token_at(doc, m.end() - 1)
        if re.match(r"[-‐][A-Za-z]", text[m.end() : m.end() + 2]) or ("-" in m.group() and last is not None and last.dep_ in ("compound", "amod")):
            continue  # a compound modifier: "third-quarter", "five-year", "15-day"
        try:
            parsed = parse_number(m.group(), rules)
        except (ArithmeticError, ValueError):
            parsed = None
        if parsed is None:
            continue
        sign = PERCENT_SIGN_RE.match(text, m.end())
        fraction = _norm(m.group()) in c.fractions or (parsed.value < 1 and not any(ch.isdigit() for ch in m.group()))
        if fraction and _modifies_next(doc, m.end()) and not (last is not None and last.tag_ == "PDT") and not _date_next(text, m.end(), found):
            continue  # "by a third party", "a half brother": an adjective of the noun after it ("fell by about a fifth last year": a date's noun is none)
        if fraction:
            out[m.start()] = Value(m.start(), m.end(), float(parsed.value) * 100, "%")  # "up nearly one-third"
        elif c.basis_points_re.match(text, m.end()):  # "by 50 basis points": in percentage points
            out[m.start()] = Value(m.start(), c.basis_points_re.match(text, m.end()).end(), float(parsed.value) / 100, "%", source="percent")
        elif sign and any(ch.isdigit() for ch in m.group()):
            # a percent no earlier stage kept ("by a quarter percentage point to 2.5%")
            out[m.start()] = Value(m.start(), sign.end(), float(parsed.value), "%", source="percent")
        else:
            out[m.start()] = Value(m.start(), m.end(), float(parsed.value), None)
    for m in c.pence_re.finditer(text) if c.pence_re is not None else ():
        # "fell 1.2p to 165.4p a litre": a number glued to a minor currency unit no stage reads, in the major unit
        if (m.start() in out and out[m.start()].source != "bare") or any(s < m.end() and m.start() < e for s, e in spans):
            continue
        currency, per = c.pence[_norm(m.group("u"))]
        out[m.start()] = Value(m.start(), m.end(), float(m.group("n")) / per, currency, source="money")
    for start, v in list(out.items()):
        # a price in eighths at a sentence's end: "Philip Morris added 1 1/4 to 45 3/8." (the number pattern stops before the
        # fraction there; "to 45 3/8 in trading" is read whole)
        frac = MIXED_FRACTION_RE.match(text, v.end)
        if v.source == "bare" and v.unit is None and not v.multiplier and frac is not None and re.fullmatch(r"[\d,]+", text[v.start : v.end]):
            num, den = int(frac.group(1)), int(frac.group(2))
            if 0 < num < den:
                out.pop(frac.start(1), None)
                out[start] = Value(v.start, frac.end(), v.value + num / den, None)
    for m in doc_stretch_matches(doc, c.fraction_share_re, c.stretches.get("fraction_share_re")):
        # "having lost roughly half its value", "cut half its staff": a fraction before a determiner (a predeterminer
        # by the parse) is the share of the noun after it; a change word before it takes it as its amount
        tok = _token_at(doc, m.start())
        if tok is not None and tok.tag_ == "PDT" and m.start() not in out and not any(s < m.end() and m.start() < e for s, e in spans):
            out[m.start()] = Value(m.start(), m.end(), c.fractions[_norm(m.group("f"))] * 100, "%")
    #: the dates stage reads "a quarter" as three months: right after "by" (and a qualifier) it is a share
    durations = {(r["start"], r["end"]) for r in found.get("dates") or () if r.get("type") == "duration"}
    date_starts = {r["start"] for r in found.get("dates") or ()}
    for m in c.fraction_by_re.finditer(text):
        # "has been cut by half", "fell by a third": a bare fraction after "by" is the share that changed
        f = m.start("f")
        after = SPACES_RE.match(text, m.end())
        if _modifies_next(doc, m.end()) and not (after is not None and after.end() in date_starts):
            continue  # "hacked by a third party": an adjective of the noun after it ("fell by more than half last year": a date's noun is none)
        if f not in out and not any(s < m.end() and f < e for s, e in spans if not ((s, e) == (f, m.end()) and (s, e) in durations)):
            out[f] = Value(f, m.end(), c.fractions[_norm(m.group("f"))] * 100, "%")
    durations: dict[int, Value] = {}
    for r in found.get("dates") or ():
        n = c.number.match(text, r["start"])
        unit = re.match(r"\s*([A-Za-z]+)", text[n.end() : r["end"]]) if n is not None else None
        if r.get("type") != "duration" or n is None or unit is None or re.fullmatch(r"\d{4}", n.group()):
            continue
        try:
            parsed = parse_number(n.group(), rules)
        except (ArithmeticError, ValueError):
            parsed = None
        if parsed is not None:
            durations[r["start"]] = Value(r["start"], r["end"], float(parsed.value), unit.group(1).lower(), source="measure")
    for start, v in durations.items():
        # "cutting the maintenance lifetime ... from 10 years to 2", "reduced from 30 years to 25 years": a
        # duration followed by "to <number>" is a length that changes, not a period ("up 5% from 2023",
        # "extended by two weeks" stay dates)
        to = TO_RE.match(text, v.end)
        later = to.end() if to else -1
        if later in out or later in durations:
            out[start] = v
            if later in durations:
                out[later] = durations[later]
        elif TO_BY_BEFORE_RE.search(text, max(0, start - 8), start) and not AGO_AFTER_RE.match(text, v.end):
            # "reduced his sentence to 10 years", "life expectancy fell by 1.5 years": a length reached or the amount, a
            # value of a change word before it (no change word: "sentenced to 10 years" is no statement)
            out.setdefault(start, v)
    return out


def _single_point(doc: Doc, m: re.Match, c: Compiled) -> bool:
    """Whether an article-led single point (``single_point_re``) is an amount by the parse: its point noun the object of a
    verb (``single_point_deps``: "dropped a full percentage point") or of a preposition of ``single_point_prepositions``
    ("by a point"), and its one adjective, if any, an adjective ("a full", "a whole"; "a percentage point" has none)."""
    noun = _token_at(doc, m.end() - 1)
    if noun is None:
        return False
    adj = m.group("adj")
    if adj is not None:
        tok = _token_at(doc, m.start("adj"))
        if tok is None or not tok.tag_.startswith("JJ"):
            return False
    if noun.dep_ in c.single_point_deps:
        return noun.head.tag_.startswith("VB")
    return noun.dep_ == "pobj" and _norm(noun.head.text) in c.single_point_preps


def _date_next(text: str, end: int, found: dict[str, list[dict]]) -> bool:
    """Whether a date of the dates stage starts right after ``end``, past white space: the parse may hang a spelled fraction
    on the date's noun as an adjective ("by about a fifth last year"), which a date's noun never takes."""
    after = SPACES_RE.match(text, end)
    k = after.end() if after is not None else end
    return any(r["start"] == k for r in found.get("dates") or ())


def _parse_or_none(words: str, rules: Rules) -> Parsed | None:
    """``parse_number`` or None when the words are no number."""
    try:
        return parse_number(words, rules)
    except (ArithmeticError, ValueError):
        return None


def _range_ends(text: str, row: dict, low: float | None, high: float | None, unit: str | None, source: str, c: Compiled) -> tuple[Value, Value] | None:
    """The two ends of a range mention written "A to B" when each end stands alone: both bare ("523 to
    1,501") or both with their own unit ("$2 billion to $10 billion"). A percent sign, scale word or
    currency written only after the second number is shared by both ends: "5 to 10 percent", "2 to 3
    million" are ranges, never two values."""
    if low is None or high is None:
        return None
    mention = text[row["start"] : row["end"]]
    to = re.search(r"\s+to\s+", mention)
    if to is None:
        return None
    first, second = mention[: to.start()], mention[to.end() :]
    if PERCENT_END_RE.search(first) and not c.range_unit_re.search(second):
        # "increased 12 percent to 580,000": a percent written on the first end only is never shared (a shared unit
        # is written after the second), so the ends are an amount in percent and a later value
        a = Value(row["start"], row["start"] + to.start(), float(low), "%", source="percent")
        return a, Value(row["start"] + to.end(), row["end"], float(high), None if unit == "%" else unit, source="count")
    if bool(c.range_unit_re.search(second)) != bool(c.range_unit_re.search(first)):
        return None
    a = Value(row["start"], row["start"] + to.start(), float(low), unit, source=source)
    b = Value(row["start"] + to.end(), row["end"], float(high), unit, source=source)
    return a, b


def _modifies_next(doc: Doc, end: int) -> bool:
    """Whether the word ending at ``end`` modifies a noun after it, by the parse ("a third party")."""
    last = _token_at(doc, end - 1)
    return last is not None and last.dep_ in ("amod", "compound", "nummod") and last.head.i > last.i and last.head.tag_.startswith("NN")


@dataclass
class Statement:
    cue_start: int
    cue_end: int
    direction: str
    start: int
    end: int
    slots: dict[str, Value]
    baseline: str | None = None
    multiplier: Value | None = None
    rule: str = "change"
    #: the slot filled last ("to" in "rising to US$78.01 and $73.86, respectively")
    last_slot: str | None = None
    #: "to" led to a level without its value ("raises interest rates to their highest level since 2008, at 5.25%",
    #: "rising to a high for the year of $42.875"): a value after "at" or "of" further on is the later value
    level_pending: bool = False
    #: a gapped clause's own verbless subject ("and profit 8%", "and WTI 1.5% to $76"): its char span, written to the
    #: changes table so the facts stage reads the item's subject and metric there, not the first clause's
    subject_start: int | None = None
    subject_end: int | None = None


def _cue_role(tok: Token | None, cue: tuple[Cue, ...], phrase: str = "", particle_amount: bool = False, amount_after: bool = False,
              neutral: frozenset[str] = frozenset(), level_after: bool = False) -> Cue | None:
    """Which reading of a change word the parse supports: a noun after a determiner or adjective ("an
    increase of", "a 12% rise"), a verb, or an adverb ("up 12%", never the particle of "made up 40% of";
    a particle with its amount right after it is one: ``particle_amount``, "income edged up 0.3%"). A noun
    that modifies the noun after it is no change ("the growth range of 2% to 2.5%", "a revenue growth forecast").
    A change verb the tagger read as a plural noun is still a verb when an amount follows it (``amount_after``:
    "Brent crude plummets 13% to US$94.80", "the S&P 500 soars 9.5%"): a plural noun takes no bare amount; nor, for a word
    that is also a plural noun of change, a level qualifier and a value right after it (``level_after``: "The price of gold
    rises above $5,000 an ounce")."""
    if tok is None:
        return None
    prev = tok.nbor(-1) if tok.i > 0 else None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ == "RP" and nxt.lower_ not in ("up", "down") and " " not in phrase and nxt.lower_ not in neutral:
        return None  # "cutting off water", "lays off" is a listed phrase of its own ("fell back 20 points" is the verb's)
    after_noun = prev is not None and prev.tag_ in ("NN", "NNS") and not (nxt is not None and nxt.tag_ in ("DT", "PRP$"))
    nouny = tok.tag_.startswith("NN") and prev is not None and (prev.tag_ in ("DT", "PRP$", "JJ", "CD", "POS") or prev.text == "%" or after_noun)
    if nouny and not any(c.role == "noun" for c in cue) and tok.dep_ == "ROOT" and not any(t.tag_.startswith(("VB", "MD")) for t in tok.sent):
        # a verbless sentence whose root is a change verb tagged as a plural noun: "Bitcoin plummets 15%",
        # "The rupee sinks to a record low of 90 per dollar" (the tagger reads the headline style as nouns)
        nouny = False
    elif nouny and not any(c.role == "noun" for c in cue) and tok.tag_ == "NNS" and amount_after:
        nouny = False  # "Brent crude plummets 13% to US$94.80, while ...": a headline verb in a sentence with other verbs
    elif nouny and tok.tag_ == "NNS" and level_after and any(c.role in VERB_GROUPS for c in cue):
        nouny = False  # "The price of gold rises above $5,000 an ounce": a headline verb before the level it crossed
    for want in (("noun",) if nouny else ("direct", "direct_percent", "through_preposition", "adverb", "noun")):
        for c in cue:
            if c.role != want:
                continue
            if want == "adverb" and tok.tag_ == "RP" and not particle_amount:
                continue
            if want == "adverb" and tok.dep_ == "amod" and prev is not None and prev.tag_ == "DT":
                continue  # "in exchange for a lower 15% tariff": an adjective of the noun phrase
            if want == "noun" and (not tok.tag_.startswith("NN") or (tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.tag_.startswith("NN"))):
                continue
            if want in VERB_GROUPS and not (tok.tag_.startswith("VB") or tok.tag_.startswith("NN") or tok.tag_ in ("JJ", "RB", "IN")):
                continue
            return c
    return None


def _value_after_np(doc: Doc, j: int, limit: int, values: dict[int, Value], c: Compiled, possessive: bool = False) -> Value | None:
    """The value after a short noun phrase that follows a preposition: "from a previous 93", "from the
    current four", "to a record low of P59.2", "to a seasonally adjusted annual rate of 781,000". At most five words (a
    hyphenated word counts once), tagged as determiners, adjectives or
    nouns by the parse; a noun in the phrase needs "of" before the value and a level word before "of"
    ("to the company 500", "due to its loss of $992,000" are not), or is a named scale ("Category 1")."""
    tok = _token_at(doc, j)
    if tok is None or tok.idx != j:
        return None
    nouns = 0  # nouns so far
    hyphens = 0  # "to an all-time low of 87": the hyphen of a compound word is no word of the phrase
    for k in range(tok.i, len(doc)):
        t = doc[k]
        if t.idx >= limit or k >= tok.i + 6 + 2 * hyphens:  # a hyphen joins two tokens into one word ("to a seasonally adjusted annual rate of")
            return None
        if t.tag_ == "HYPH" and k > tok.i:
            hyphens += 1
            continue
        if k > tok.i and t.tag_ == "CD" and k + 2 < len(doc) and doc[k + 1].tag_ == "HYPH" and _norm(doc[k + 2].text) in c.period_unit_words:
            hyphens += 1  # "slumped to a 31-year low of $1.20": the age of the level, one word with its unit, no value
            continue
        if t.lower_ == "of" and k > tok.i:
            if _norm(doc[k - 1].text) not in c.level_nouns and not (possessive and _norm(doc[k - 1].text) in c.earlier_value_nouns):
                # "to a record low of", "from an earlier estimate of 15", never "due to its third-quarter loss of $992,000"
                return None
            nxt = t.nbor(1) if t.i + 1 < len(doc) else None
            # a hedge may stand after "of": "from its record high of more than $126,000" (``_value_at_once``)
            return _value_at_once(doc_text(doc), nxt.idx, limit, values, c) if nxt is not None else None
        if k > tok.i and t.idx in values and not nouns:
            v = values[t.idx]
            head = _token_at(doc, v.end - 1)
            if v.source == "money" and doc[k - 1].lower_ in ("a", "an") and _modifies_next(doc, v.end) and head is not None \
                    and _norm(head.head.text) not in c.level_nouns:
                # "was reduced by a $619 million dispute": the amount names a thing (the cause), no value ("rose to a $5 billion
                # record" is one)
                return None
            return None if v.multiplier else v
        if k > tok.i and t.idx in values and nouns == 1 and (doc[k - 1].tag_ == "NNP" or (doc[k - 1].tag_ == "NN" and doc[k - 1].is_title)):
            v = values[t.idx]  # a named scale: "downgraded to Category 1", "into a Category 5 hurricane"
            return None if v.multiplier else v
        q = c.qual_start.match(doc_text(doc), t.idx, limit) if k > tok.i and nouns and _norm(doc[k - 1].text) in c.level_nouns else None
        if q is not None and q.end() > t.idx and q.end() in values:
            v = values[q.end()]  # "surge to an all-time high above US$11,000", "to a record above US$2,700": a level and a bound
            return None if v.multiplier else v
        if k > tok.i and t.idx in values and nouns and all(_norm(x.text) in c.level_nouns for x in doc[tok.i : k] if x.tag_.startswith("NN")):
            v = values[t.idx]  # a level word right before the value: "rises to a record US$2,450 per ounce"
            return None if v.multiplier else v
        if possessive and t.tag_ == "POS" and k > tok.i and t.i + 1 < len(doc):
            # "up from last year's $2.34 billion": a possessive phrase before the value (a count after it is
            # what the owner has: "to the company's 500 employees")
            v = values.get(doc[t.i + 1].idx)
            if v is None and t.i + 3 < len(doc) and _norm(doc[t.i + 1].text) in c.level_nouns and doc[t.i + 2].lower_ == "of":
                # "down $55.90 from Friday's close of $18.27": the owner's level and its value (a hedge may stand before it)
                v = _value_at_once(doc_text(doc), doc[t.i + 3].idx, limit, values, c)
            return v if v is not None and not v.multiplier and v.source != "count" else None
        # a change word as a participle of the phrase's own noun or value is no change word: "from a revised $9.6 billion",
        # "from an adjusted $4.5 billion", "to a seasonally adjusted annual rate of 781,000 units"
        own = t.tag_ == "VBN" and t.dep_ == "amod" and t.idx < t.head.idx < limit
        if t.tag_ not in NP_TAGS or (_norm(t.text) in c.cues and not own) or _norm(t.text) in c.gap_stoppers or any(ch.isdigit() for ch in t.text):
            return None
        nouns += t.tag_.startswith("NN")
    return None


def _paren_earlier(text: str, later: Value, limit: int, values: dict[int, Value], c: Compiled) -> tuple[Value, int] | None:
    """The earlier value in a parenthesis right after a later value, and the end of the parenthesis: "slowed to 2.3% (from
    3.0%)", "in France to 3.8% (from 4.5%)" (a preposition of rules/changes.yaml ``value_prepositions`` that gives the
    earlier value, then a value in the later value's measure, then the closing parenthesis); else None ("to $5 billion
    (US$3.6 billion)" restates the later value)."""
    m = OPEN_PAREN_RE.match(text[later.end : limit])
    p = c.prep_re.match(text, later.end + m.end(), limit) if m is not None else None
    if p is None or c.prep_map[_norm(p.group("p"))] != "from":
        return None
    j = p.end()
    q = c.qual_start.match(text, j, limit)
    j = q.end() if q is not None and q.end() in values else j  # "(from about 4.5%)"
    v = values.get(j)
    # a few words of a period may stand before the parenthesis closes ("(from $1.9 billion a year earlier)", "(from 4.5% in 2019)")
    close = c.paren_close_re.match(text[v.end : limit]) if v is not None else None
    if v is None or close is None or v.multiplier or not _same_measure(v, later):
        return None
    return v, v.end + close.end()


def _skip_restatement(text: str, i: int, limit: int, values: dict[int, Value], c: Compiled) -> int:
    """Past a restatement of the value that ends at ``i``: "#89.7 million ($141.9 million)", "$108.8
    million, or $1.35 a share": a parenthesis holding a number, or a lead word ("or") with a value and a
    few words; else ``i``."""
    paren = re.match(r"\s*\([^()]{0,60}\)", text[i:limit])
    if paren and (any(ch.isdigit() for ch in paren.group()) or any(i + k in values for k in range(paren.end()))):
        i += paren.end()  # a number in digits or in words ("five pence (eight U.S. cents)")
    # a unit word or two may stand before the comma: "tumbles 1,679 points, or 4%, to 40,545"
    lead = re.match(r"(?:\s+[A-Za-z]+){0,2}\s*,\s*(\w+)\s+", text[i:limit])
    if lead and _norm(lead.group(1)) in c.restatement_leads and (i + lead.end()) in values:
        j = values[i + lead.end()].end
        for _ in range(c.restatement_max_words):
            sp = re.match(r"\s+", text[j:limit])
            if sp is not None and j + sp.end() in values and not values[j + sp.end()].multiplier:
                j = values[j + sp.end()].end  # "fell 3/4 point, or $7.50 for each $1,000 face amount, to 99 1/2"
                continue
            w = re.match(r"\s+([A-Za-z]+)(?=[\s,.;]|$)", text[j:limit])
            if w is None or _norm(w.group(1)) in c.prep_map or _norm(w.group(1)) in c.gap_stoppers or _norm(w.group(1)) in c.cues:
                break
            j += w.end()
        return j
    return i


def _noun_coordination(doc: Doc, pos: int) -> bool:
    """Whether the "and"/"or" at ``pos`` joins two nouns ("steel and aluminum"), not two clauses."""
    tok = _token_at(doc, pos)
    if tok is None or tok.dep_ != "cc":
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
    return tok.head.tag_.startswith(("NN", "JJ")) and nxt is not None and not nxt.tag_.startswith(("VB", "MD"))


def _estimate_object(doc: Doc, st: Statement, of_pos: int, c: Compiled) -> bool:
    """Whether the "of" at ``of_pos`` follows the change word's direct object when that object names an
    estimate ("halving the previous projection of 1.5%"): then the value after "of" is the earlier one."""
    of = _token_at(doc, of_pos)
    cue = _token_at(doc, st.cue_start)
    if of is None or cue is None or of.i == 0:
        return False
    noun = doc[of.i - 1]
    return _norm(noun.text) in c.earlier_value_nouns and noun.dep_ == "dobj" and noun.head.i == cue.i


def _name_number(doc: Doc, pos: int) -> bool:
    """Whether the number at ``pos`` is part of a name ("the lifetime of CentOS Linux 8 from 10 years to
    2", "Windows 10"): a cardinal right after the proper noun it modifies, by the parse. Such a number is
    no value of the change and does not end its object."""
    tok = _token_at(doc, pos)
    if tok is None or tok.idx != pos or tok.tag_ != "CD" or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    return prev.tag_ in NAME_TAGS and tok.head.i == prev.i and tok.dep_ in ("nummod", "appos", "compound")


def _object_count(doc: Doc, v: Value, c: Compiled) -> bool:
    """Whether a count stands inside the object of a change word, after a preposition of place or scope and before its
    counted noun: "raises the price of its premium plan in 50 markets by US$1", "cut prices at 300 stores by 10%"."""
    if v.source != "count" or v.multiplier:
        return False
    tok, last = _token_at(doc, v.start), _token_at(doc, v.end - 1)
    if tok is None or last is None or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    return _norm(prev.text) in c.object_count_prepositions and _modifies_next(doc, v.end)


def _object_modifier(doc: Doc, v: Value, c: Compiled) -> bool:
    """Whether a number inside the object of a change word counts a noun that only modifies a later noun of that object
    ("lowered his 100 metres freestyle world record to 46.40 seconds": "metres" is a compound of "record", by the parse).
    Such a number names which quantity changed, not a value of the change, so it is a word of the object; a number of the
    object's own head noun ("cut 20 stores' prices") still ends it."""
    if v.multiplier:
        return False
    tok = _token_at(doc, v.start)
    if tok is None or tok.idx != v.start or tok.tag_ != "CD" or tok.dep_ != "nummod":
        return False
    noun = tok.head
    return noun.i > tok.i and noun.dep_ in c.object_modifier_deps and noun.head.i > noun.i and noun.head.tag_.startswith("NN")


def _duration_object(doc: Doc, st: Statement, v: Value, c: Compiled) -> str | None:
    """The unit (the noun, singular) when the time noun after the bare number ``v`` right after a change word is that word's
    direct object, by the parse: then the time is the amount cut or added ("cutting 34 seconds from the previous record",
    "The airline cut 20 minutes from the flight time"), not the time of the change ("The roof collapsed 20 minutes after
    the blast": an adverb); None otherwise."""
    tok = _token_at(doc, v.start)
    if tok is None or tok.dep_ != "nummod":
        return None
    noun = tok.head
    if noun.i > tok.i and noun.dep_ in c.duration_object_deps and noun.head.idx == st.cue_start:
        word = _norm(noun.text)
        return word[:-1] if word.endswith("s") else word  # the singular of a period_units word ("seconds" -> "second")
    return None


def _passive(doc: Doc, st: Statement, c: Compiled) -> bool:
    """Whether the change word is a passive verb, by the parse (a child of ``passive_deps``: "Emissions have been reduced
    40%", "Fuel prices were raised 20 percent"): its subject is the quantity, so no object stands before the amount."""
    tok = _token_at(doc, st.cue_start)
    return tok is not None and tok.idx == st.cue_start and tok.tag_ == "VBN" and any(t.dep_ in c.passive_deps for t in tok.children)


def _recipients(doc: Doc, st: Statement, to_start: int, v: Value, c: Compiled) -> bool:
    """Whether the count after "to" names who a supply was cut off from or given to, not the later value: the object's last
    noun is a supply ("Pacific Gas and Electric cut power to about 172,000 customers"; "cut staff to 500" is a change), or,
    with no object between, the passive subject of the change word is ("Power was cut to about 724,000 homes", by the parse;
    "Staff was cut to 500" is a change)."""
    if v.source not in ("count", "bare", "user_counts") or v.unit == "%" or v.multiplier:
        return False
    first, last = _token_index(doc, st.cue_start), _token_index(doc, to_start)
    nouns = [t for t in doc[first:last] if st.cue_end <= t.idx < to_start and t.tag_.startswith("NN")]
    if not nouns and first < len(doc):
        nouns = [t for t in doc[first].children if t.dep_ == "nsubjpass" and t.tag_.startswith("NN")]
    return bool(nouns) and (_norm(nouns[-1].text) in c.supply_nouns or nouns[-1].lemma_.lower() in c.supply_nouns)


def _code_word(word: str, start: int, end: int, values: dict[int, Value]) -> bool:
    """Whether a word of the gap mixing letters and digits is a name or code, no value ("raise production of its A320
    family to 75 aircraft a month", "the COVID-19 fund"): no value starts inside it ("5bn", "US$5" are values)."""
    return bool(re.search(r"[A-Za-z]", word)) and not any(start <= k < end for k in range(start, end) if k in values)


def _reduced_relative(doc: Doc, pos: int) -> bool:
    """Whether the word at ``pos`` is a past participle with no subject or auxiliary of its own: inside the object of a
    change word it modifies the noun before it ("lifted the market value of all gold ever mined to about US$32
    trillion", "raised the price of goods made in China to 25%"), it starts no clause."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.tag_ == "VBN" and not any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in tok.children)


def _object_relative(doc: Doc, st: Statement, pos: int) -> bool:
    """Whether the word at ``pos`` belongs to a relative clause on a noun of the change word's object: the clause says which
    of the noun is meant, the values after it are the change word's ("cut the amount of onions that retailers may stock from
    10 tonnes to 2"; the parse hangs them on the clause's verb). The clause's own pronoun or verb, by the parse."""
    tok = _token_at(doc, pos)
    if tok is None:
        return False
    verb = tok if tok.dep_ == "relcl" else tok.head if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" else None
    return verb is not None and verb.dep_ == "relcl" and verb.head.tag_.startswith("NN") and st.cue_end <= verb.head.idx < tok.idx


def _object_gerund(doc: Doc, pos: int, c: Compiled) -> bool:
    """Whether the word at ``pos`` is a gerund after a preposition of a noun before it: inside the object of a change word it
    says what the noun is for ("raised the minimum age for buying tobacco from 18 to 21"); after a word that ends an object
    ("a week after reaching a record of US$121") it starts no object."""
    tok = _token_at(doc, pos)
    if tok is None or tok.tag_ != "VBG" or tok.dep_ != "pcomp":
        return False
    prep, noun = tok.head, tok.head.head
    return prep.i == tok.i - 1 and _norm(prep.text) not in c.gap_stoppers and noun.tag_.startswith("NN") and noun.i < prep.i


def _object_after_particle(cue: Token | None, c: Compiled) -> Token | None:
    """The direct object of the verb whose particle the change adverb ``cue`` is, when it starts right after the
    particle ("pushing down the yield on the benchmark 30-year Treasury bond to ...")."""
    if cue is None or cue.dep_ not in c.particle_deps:
        return None
    return next((o for o in cue.head.children if o.dep_ in c.particle_object_deps and o.left_edge.i == cue.i + 1), None)


def _particle_object(doc: Doc, st: Statement, pos: int, c: Compiled) -> bool:
    """Whether the word at ``pos`` is in that object: the object stands between the particle and its values, as
    "pushed the yield down to" has it before the particle."""
    obj, tok = _object_after_particle(_token_at(doc, st.cue_start), c), _token_at(doc, pos)
    return obj is not None and tok is not None and obj.left_edge.i <= tok.i <= obj.right_edge.i


def _clause_verb(doc: Doc, pos: int) -> bool:
    """Whether the word at ``pos`` is a verb heading its own clause (not a participle modifying a noun)."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound")


def _read_slots(st: Statement, role: str, doc: Doc, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled) -> None:
    """Fill ``st`` from the words after its change word: "from A", "to B", "by C", "of C", a direct
    number, a baseline ("from a year earlier"); stop at a clause boundary or a word too far."""
    text = doc_text(doc)
    i = st.cue_end
    skipped = 0
    first = True
    #: a percent inside the object ("boosts Nestle's 7% share of the market to 12%"): the earlier value once
    #: a later value in its unit is written
    held: Value | None = None
    while i < limit:
        gap = re.match(r"[\s,]*", text[i:limit])
        i += gap.end() if gap else 0
        if i >= limit:
            break
        filler = c.filler_re.match(text, i, limit)
        if filler is not None:  # a spoken filler is no word of the statement ("jumped up uh twenty percent")
            i = filler.end()
            continue
        back = re.match(r"([A-Za-z]+)(?![\w-])", text[i:limit]) if i == st.cue_end + gap.end() and first and skipped == 0 else None
        tok_back = _token_at(doc, i) if back is not None and _norm(back.group(1)) in c.neutral_particles else None
        # the parse may hang the particle on a level qualifier right after it ("climbed back above 2,600": "back" modifies "above")
        on_level = tok_back is not None and tok_back.head.i == tok_back.i + 1 and _norm(tok_back.head.text) in c.level_qualifiers
        if tok_back is not None and tok_back.tag_ in ("RP", "RB") and (tok_back.head.idx == st.cue_start or on_level):
            i += back.end()  # "Stock prices fell back 20 points to 2,600": the verb's particle, no object word
            continue
        b = c.baseline_re.match(text, i, limit)
        if b:
            st.baseline = b.group("b") or b.group("s")
            i = b.end()
            continue
        level = _level_value(doc, st, role, i, limit, values, c)
        if level is not None:
            st.slots["to"], st.last_slot, st.end, first, skipped = level, "to", level.end, False, 0
            i = _skip_restatement(text, level.end, limit, values, c)
            continue
        p = c.prep_re.match(text, i, limit)
        slot = None
        j = i
        #: "of" after a level "to" led to: its value follows at once ("to the highest of its four levels" counts the levels)
        pending_of = False
        if p:
            word = _norm(p.group("p"))
            slot = c.prep_map[word]
            if word == "of" and not (first and (role == "noun" or (skipped == 0 and _norm(text[st.cue_start : st.cue_end]) in c.noun_words))):
                # "declines of at least 43%" read as a verb by the parse is still the noun
                slot = "from" if "from" not in st.slots and _estimate_object(doc, st, i, c) else None
                if slot is None and st.level_pending and "to" not in st.slots:
                    slot = "to"  # "rising to a high for the year of $42.875 a share": the level's value after its words
                    pending_of = True
            j = p.end()
            filler = c.filler_re.match(text, j, limit)
            j = filler.end() if filler is not None else j  # "to uh five dollars"
        elif first and skipped == 0 and role in VERB_GROUPS and (rate := c.rate_re.match(text, i, limit)) is not None:
            slot, j = "by", rate.end()  # "grows at an annualized rate of 3%"
        elif first and skipped == 0 and role in ("direct", "direct_percent") and (rate := re.match(r"at\s+an?\s+", text[i:limit], re.I)) is not None \
                and (v := values.get(i + rate.end())) is not None and v.unit == "%" and c.rate_after_re.match(text, v.end, limit):
            # "The economy grew at a 2.5% annual rate", "expanded at a 2.5% rate" ("slowed at a 3% rate" gives the rate it slowed
            # to, no amount: a verb of change through a preposition takes none)
            slot, j = "by", i + rate.end()
        elif first and skipped == 0 and role in ("direct", "direct_percent", "adverb"):
            slot = "by"
            det = c.amount_determiner_re.match(text, i, limit)
            if det is not None and det.end() in values:
                j = det.end()  # "lost all 5", "added another 1,000 cases"
            else:
                j = _after_adjectives(doc, i, limit, values) or i  # "rose a lower-than-anticipated 5.2%"
        elif first and skipped == 0 and role == "through_preposition" and _passive(doc, st, c):
            slot = "passive_by"  # "Emissions have been reduced 40% since 1990": a passive verb's amount right after it, a percent only
        elif first and skipped > 0 and role == "adverb" and not st.slots and st.multiplier is None and i in values and _particle_object(doc, st, i, c):
            slot = "by"  # "pushed up Jaguar's share price five pence ... to 720 pence": the amount in apposition to the particle's object
        elif first and skipped > 0 and role in ("through_preposition", "direct") and not st.slots and st.multiplier is None:
            # "boosted its quarterly dividend 20%", "increase an individual's retirement benefits 10% to 20%": a
            # percent right after the object
            slot = "percent_by"
        if slot is not None:
            k, quals = j, []
            while (q := c.level_hedge_re.match(text, k, limit) or c.qual_start.match(text, k, limit)
                   or (c.level_qual_re.match(text, k, limit) if not p and not quals else None)) is not None and q.end() > k:
                quals.append(_norm(q.group("q")))  # "trim only about 275 to 350"
                k = _value_in_hedge(q, values) or q.end()
            if quals and k in values:
                if not p and quals[0] in c.level_qualifiers:
                    cue_tok = _token_at(doc, st.cue_start)
                    if slot != "by" or st.slots or st.multiplier is not None or role not in ("direct", "direct_percent") \
                            or cue_tok is None or not (cue_tok.tag_.startswith("VB") or cue_tok.dep_ == "ROOT"):
                        break  # "up above 40 °C", "rose 5% above", "Gains above 5% are taxed": a level, not an amount
                    slot = "to"  # "Gold climbed above $400 an ounce": the level a change verb crossed, a bound on its later value
                if not p and slot == "by" and quals[0] in c.level_hedges:
                    slot = "to"  # "Brent crude oil falls as low as US$58.40": the level it reached
                j = k
            lead = c.range_lead_re.match(text, j, limit) if p is not None or slot == "by" else None
            if lead is not None and lead.end() in values and values[lead.end()].source in c.range_lead_sources and not values[lead.end()].multiplier:
                # "raises its forecast to between US$64 billion and US$72 billion", "grow by between 10% and 12%": the
                # range another stage read (its midpoint)
                j = lead.end()
            v = values.get(j)
            if v is not None and not p and slot == "by" and v.source == "bare" and c.period_unit_re.match(text, v.end, limit):
                time_unit = _duration_object(doc, st, v, c)
                if time_unit is None:
                    break  # "The roof collapsed 20 minutes after the blast", "shares fell 20 minutes after the open": a time, no amount
                v = replace(v, unit=time_unit)  # "cutting 34 seconds from the previous record": the time cut
            if v is None and p and slot == "to":
                v = _verb_at_value(doc, j, limit, values, c)  # "fell 50 cents to close at $20"
            if v is None and p and slot != "percent_by" and not pending_of:
                v = _value_after_np(doc, j, limit, values, c, possessive=slot in ("from", "to"))
            if v is None and p and slot == "to" and _level_phrase(doc, j, limit, c):
                st.level_pending = True
            if slot == "compared":
                # "rose to $5 billion, compared with $4.5 billion": the earlier value, when it is in the unit
                # of the later one ("rose 5% versus 3%" compares two rates of growth)
                later = st.slots.get("to")
                slot = "from" if v is not None and later is not None and _same_measure(v, later) else None
                v = v if slot else None
            if slot == "passive_by":
                slot = "by" if v is not None and v.unit == "%" and not v.multiplier else None  # "was raised $50 million": funding
                v = v if slot else None
            if slot == "percent_by":
                # only right after the object's noun ("its quarterly dividend 20%"), not "stake above 10%"
                before = len(text[:j].rstrip()) - 1
                prev_tok = _token_at(doc, before) if before >= 0 else None
                after_noun = prev_tok is not None and prev_tok.tag_.startswith("NN")
                slot = "by" if after_noun and v is not None and v.unit == "%" and not v.multiplier else None
                v = v if slot else None
            if v is not None and v.source in ("bare", "count") and SCORE_AFTER_RE.match(text, v.end, limit):
                break  # "was down 2–0 at half-time", "fell 110-102 to the Celtics": a score, not an amount
            if v is not None and slot == "to" and not st.slots and _recipients(doc, st, i, v, c):
                break  # "cut power to about 172,000 customers": who lost the supply
            if v is not None and slot in ("from", "to") and _before_change_noun(text, v, limit, c):
                v = None  # "rebounding from a 0.5% contraction": the amount of another change, not a value of this one
            if v is not None and v.kind == "change" and st.multiplier is None and slot == "by":
                st.multiplier = v
                st.end, i, first, skipped = v.end, v.end, False, 0
                continue
            other = st.slots.get("to" if slot == "from" else "from") if slot in ("from", "to") else None
            if v is not None and other is not None and not v.multiplier and _other_measure(v, other):
                break  # "Sales rose 10% to $5 billion from 300 stores": a source in another measure, no earlier value
            if v is not None and not v.multiplier and slot is not None and slot not in st.slots:
                if role == "direct_percent" and not p and v.source in ("count", "bare", "user_counts") \
                        and _norm(text[st.cue_start : st.cue_end]) in c.value_only_verbs:
                    break  # "The flood wiped out 300 homes": what was destroyed, no amount of change
                if role == "direct_percent" and not p:
                    percent_only = _norm(text[st.cue_start : st.cue_end]) in c.percent_only_verbs and v.unit != "%"
                    total = None if percent_only else _total_after(text, v, limit, values, c)
                    if total is not None:
                        # "added 18.9 million paid subscribers ..., bringing its total to 301.6 million": the amount and the new total
                        st.slots["by"], st.slots["to"], st.last_slot, st.end = v, total, "to", total.end
                        i, first, skipped = total.end, False, 0
                        continue
                    later = _later_after(doc, v, limit, values, c)
                    if (percent_only and not later) or not (_gain_loss_value(v, text, limit, c) or later):
                        break
                if slot == "from" and v.ends is not None and "to" not in st.slots:
                    # "have risen from about 270 to 338 parts per billion": a range another stage read is both values
                    st.slots["from"], st.slots["to"] = v.ends
                    st.last_slot, st.end, first, skipped = "to", v.end, False, 0
                    i = _skip_restatement(text, v.end, limit, values, c)
                    continue
                of = p is not None and _norm(p.group("p")) == "of"  # "growth of 3% to 4%": a range of the noun's amount
                if slot == "by" and v.ends is not None and "to" not in st.slots and ((p is not None and not of) or _two_values(text, v)) \
                        and not _forecast_range(doc, st, v):
                    # "increased by 523 to 1,501": a range another stage read is the amount and the later value
                    # (not when the parse makes "to" part of the number: "could boost value by 5% to 10%")
                    st.slots["by"], st.slots["to"] = v.ends
                    st.last_slot, st.end, first, skipped = "to", v.end, False, 0
                    i = _skip_restatement(text, v.end, limit, values, c)
                    continue
                st.slots[slot] = v
                st.last_slot = slot
                st.end, first, skipped = v.end, False, 0
                earlier = _paren_earlier(text, v, limit, values, c) if slot == "to" and "from" not in st.slots else None
                if earlier is not None:
                    # "inflation in Germany slowed to 2.3% (from 3.0%)": the earlier value in parentheses after the later one
                    st.slots["from"], st.end, i = earlier[0], earlier[0].end, earlier[1]
                    continue
                i = _skip_restatement(text, v.end, limit, values, c)
                continue
            if p and c.prep_map[_norm(p.group("p"))] in ("from", "compared") and j in dates:
                # "from 2023", "doubled compared with 2024": the baseline period
                st.baseline = text[j : dates[j]]
                i = dates[j]
                continue
        if i in dates:  # "rose in 2024 to": a date is part of the gap
            i = _date_end(text, i, limit, dates)
            skipped += 1
            continue
        aside = c.aside_re.match(text, i, limit) if text[:i].rstrip().endswith(",") else None
        if aside is not None:
            i = aside.end()  # "rise slightly, Mr. Marous said, from an estimated $470 million": a speaker's aside
            continue
        w = WORD_RE.match(text, i, limit)
        if w is None:
            break
        word = _norm(w.group().rstrip("."))
        pct = values.get(i)
        if held is None and pct is not None and pct.unit == "%" and not pct.multiplier and not st.slots and st.multiplier is None \
                and role in ("direct", "through_preposition") and skipped > 0 and _modifies_next(doc, pct.end):
            held, i = pct, pct.end  # "boosts Nestle's 7% share of the U.S. candy market to 12%"
            skipped += 1
            continue
        unit = c.period_unit_re.match(text, pct.end, limit) if pct is not None and pct.source == "bare" and st.slots else None
        if unit is not None:
            i = unit.end()  # "risen by 2,300 in the past 24 hours, to a total of 21,000": a period is part of the gap
            skipped += 1
            continue
        if pct is not None and not st.slots and st.multiplier is None and _object_modifier(doc, pct, c):
            i = pct.end  # "lowered his 100 metres freestyle world record to 46.40 seconds": a number of the object's words
            skipped += 1
            continue
        if pct is not None and not st.slots and st.multiplier is None and _object_count(doc, pct, c):
            i = pct.end  # "raises the price of its premium plan in 50 markets by US$1": a count inside the object
            skipped += 1
            continue
        if not st.slots and c.list_lead_re.match(text, len(text[:i].rstrip()) - 1, limit) and text[:i].rstrip().endswith(","):
            break  # "Sales rose in 3 regions, including Asia to $5 billion": a list of subjects, not the object
        times = TIMES_AFTER_RE.match(text, w.end(), limit) if any(ch.isdigit() for ch in word) and i not in values else None
        if times is not None:
            i = times.end()  # "Rates were cut 3 times last year, to 1.75%": how often, a word of the gap, no value
            skipped += 1
            continue
        if (any(ch.isdigit() for ch in word) and not _name_number(doc, i) and not ORDINAL_RE.fullmatch(word) and not YEAR_SPAN_RE.fullmatch(word)
                and not _code_word(word, i, w.end(), values)) or (word in c.cues and not first):
            break
        after = SPACES_RE.match(text, w.end(), limit)
        if after is not None and after.end() in dates:
            # "doubled since 2010, from 1.2 million to 2.6 million", "for the first time since 2020, to 3.75%":
            # a word before a date and the date are part of the gap
            i = _date_end(text, after.end(), limit, dates)
            skipped += 1
            continue
        relative = not st.slots and st.multiplier is None and _object_relative(doc, st, i)
        if word in c.gap_stoppers and not (word in c.coordinators and not st.slots and _noun_coordination(doc, i)) and not relative:
            break
        if role == "adverb" and not st.slots and not _particle_object(doc, st, i, c):
            break  # an adverb takes no object: "up 12%", "down to 1%", never "lower legislature ... to his five"
        if _clause_verb(doc, i) and not relative and not (not st.slots and st.multiplier is None and (_reduced_relative(doc, i) or _object_gerund(doc, i, c))):
            break  # "to six following the landslide caused by the 5.0", "added, referring to the two": a new clause
        if word in c.cues and first and skipped == 0 and role != "noun":
            break
        skipped += 1
        if skipped > (c.max_object_words if not st.slots and st.multiplier is None else c.max_gap_words):
            break
        i = w.end()
    later = st.slots.get("to")
    if held is not None and later is not None and "from" not in st.slots and later.unit == held.unit and later.start > held.end:
        st.slots["from"] = held


def _date_end(text: str, start: int, limit: int, dates: dict[int, int]) -> int:
    """The end of the date at ``start``, with the rest of a span of years the dates stage read as its first year ("for
    the 2026–27 fiscal year", "in 2024-25")."""
    tail = YEAR_TAIL_RE.match(text, dates[start], limit)
    return tail.end() if tail else dates[start]


def _two_values(text: str, v: Value) -> bool:
    """Whether a range another stage read right after a change word ("rises more than US$2 to US$66", "rises
    0.3 percentage points to 4.2%") is an amount and a later value: its ends are written in points and in percent,
    or lie too far apart for one range (the higher at least ``RANGE_MAX_RATIO`` times the lower); "benefits 10% to
    20%" stays a range."""
    if v.ends is None:
        return False
    low, high = v.ends[0].value, v.ends[1].value
    return _points_to_percent(text, v) or (v.ends[0].unit == "%" and v.ends[1].unit != "%") or (low > 0 and high / low >= RANGE_MAX_RATIO)


def _points_to_percent(text: str, v: Value) -> bool:
    """Whether a range another stage read is an amount in points and a later percent: "rises 0.3 percentage
    points to 4.2%" (never a range: its ends are written in two different units)."""
    if v.ends is None:
        return False
    first, second = text[v.ends[0].start : v.ends[0].end], text[v.ends[1].start : v.ends[1].end]
    return bool(POINTS_RE.search(first)) and not POINTS_RE.search(second)


def _same_measure(a: Value, b: Value) -> bool:
    """Whether two values measure the same thing: the same unit, or two plain numbers of things (counts or
    bare numbers whose counted nouns differ or are missing: "rises to 200, compared to 150 yesterday", where
    the counts stage took "yesterday" for the counted noun). A percent, money or a measure needs its unit."""
    if a.unit == b.unit:
        return True
    plain = ("count", "bare")
    return a.source in plain and b.source in plain and a.unit != "%" and b.unit != "%"


def _other_measure(a: Value, b: Value) -> bool:
    """Whether two values are of different kinds of measure, so one cannot be the other's earlier or later value: money
    against a count, a percent against money ("Sales rose to $5 billion from 300 stores", "Its share rose to 20% from 5
    million users"). A bare number ("from 10 tonnes to 2") goes with any; counts of different nouns go together
    ("from 5 employees in 2010 to 500 today")."""
    def kind(v: Value) -> str:
        return "%" if v.unit == "%" else "count" if v.source in ("count", "user_counts") else v.source
    return "bare" not in (a.source, b.source) and kind(a) != kind(b)


def _forecast_range(doc: Doc, st: Statement, v: Value) -> bool:
    """Whether "by A to B" is a range of a forecast amount: the change word has a modal ("could boost the
    company's value by 5% to 10%") and the parse makes "to" part of the number (quantmod). A reported change
    ("increased by 523 to 1,501", "was cut by $2 billion to $10 billion") keeps amount and later value."""
    to = TO_RE.match(doc_text(doc), v.ends[0].end) if v.ends is not None else None
    tok = _token_at(doc, to.start() + to.group().index("to")) if to else None
    cue = _token_at(doc, st.cue_start)
    modal = cue is not None and any(t.tag_ == "MD" for t in cue.children)
    return modal and tok is not None and tok.lower_ == "to" and tok.dep_ == "quantmod"


def _after_adjectives(doc: Doc, i: int, limit: int, values: dict[int, Value]) -> int | None:
    """Where the amount starts after an article and one or two adjectives right after a change word:
    "rose a lower-than-anticipated 5.2%", "fell a steep 12%" (the parse says adjective; a hyphen-joined word
    is one); None when there is none."""
    text = doc_text(doc)
    m = ARTICLE_WORDS_RE.match(text, i, limit)
    if m is None or m.end() not in values or values[m.end()].multiplier:
        return None
    for w in re.finditer(r"\S+", m.group("w")):
        tok = _token_at(doc, m.start("w") + w.start())
        if "-" not in w.group() and (tok is None or tok.tag_ not in ADJECTIVE_TAGS):
            return None
    return m.end()


def _verb_at_value(doc: Doc, j: int, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The value of "to <verb> at <value>" after a change: "fell 50 cents to close at $20", "shed 47.3 points
    to close at 2082.1" (the verb a base form by the parse)."""
    text = doc_text(doc)
    w = re.match(r"([A-Za-z]+)\s+", text[j:limit])
    tok = _token_at(doc, j) if w else None
    if w is None or tok is None or tok.idx != j or tok.tag_ != "VB":
        return None
    if _norm(w.group(1)) in c.level_verbs:
        # "The Greens gained 22 seats to reach 74", "rose 5% to reach a record $2 billion": the value right after the verb
        v = _value_at_once(text, j + w.end(), limit, values, c)
        return v if v is not None and not _modifies_next(doc, v.end) else None
    at = c.level_prep_re.match(text, j + w.end(), limit)
    v = values.get(at.end()) if at else None
    return v if v is not None and not v.multiplier and not _modifies_next(doc, v.end) else None


def _level_phrase(doc: Doc, j: int, limit: int, c: Compiled) -> bool:
    """Whether the words at ``j`` name a level without its value: a superlative or a level noun within a few words
    ("to their highest level since 2008", "to its weakest level against the dollar")."""
    tok = _token_at(doc, j)
    if tok is None:
        return False
    for t in doc[tok.i : tok.i + 4]:
        if t.idx >= limit:
            break
        if t.tag_ == "JJS" or _norm(t.text) in c.level_nouns:
            return True
    return False


def _level_value(doc: Doc, st: Statement, role: str, i: int, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The later value as a level after "at", once the statement has its amount or its change word is an
    adverb: "was down 15.82 at 2681.76", "settled 42.0 points lower at 1678.5". Not a number that modifies
    the noun after it ("fell 5% at one point"), unless that noun is the unit of an index ("at 4,800 points")."""
    if "to" in st.slots or not ("by" in st.slots or role == "adverb" or st.level_pending):
        return None
    at = c.level_prep_re.match(doc_text(doc), i, limit)
    v = values.get(at.end()) if at else None
    if v is None or v.multiplier or (_modifies_next(doc, v.end) and not _level_unit_after(doc, v.end, c)):
        return None
    return v


def _level_unit_after(doc: Doc, end: int, c: Compiled) -> bool:
    """Whether the number ending at ``end`` modifies a unit of an index level ("closes down 2.1% at 4,800
    points"), not a noun of its own ("fell 5% at one point", "at 3 stores")."""
    last = _token_at(doc, end - 1)
    return last is not None and _norm(last.head.text) in c.level_units


def _total_after(text: str, v: Value, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The new total a clause after the amount gives: "added 18.9 million paid subscribers in the fourth quarter,
    bringing its total to 301.6 million" (a lead verb, a possessive or article, a total noun, "to", the value)."""
    m = c.total_after_re.match(text, v.end, limit)
    if m is None:
        return None
    k = m.end()
    q = c.qual_start.match(text, k, limit)
    k = q.end() if q is not None and q.end() > k else k
    total = values.get(k)
    return total if total is not None and not total.multiplier and total.unit != "%" else None


def _gain_loss_value(v: Value, text: str, limit: int, c: Compiled) -> bool:
    """Whether a number right after "gained"/"lost" is a change: a percent ("shares gained 5%"), or a
    count or bare number ("gained 13 seats", "Labour lost 42") that is no score ("lost 22 to 10") and no
    contest ("lost 3 games"), or a measure ("added 585 gigawatts"); never money ("lost $2 billion" is a loss)
    unless a value noun follows it ("loses US$593 billion in market value"); a user count ("Bluesky gained 12 million
    users": the user base grew by that many) is one."""
    if v.unit == "%":
        return True
    if v.source == "money":
        # "the company loses nearly US$593 billion in market value": a change of a value, not a loss in the accounts
        return c.value_loss_re.match(text, v.end, limit) is not None
    if v.source in ("measure", "user_counts"):
        return True  # "the world added 585 gigawatts of renewable power capacity", "lost 5 kilograms", "gained 12 million users"
    if v.source not in ("count", "bare"):
        return False
    after = re.match(r"\s*(?:[-–]\s*\d|to\s+\d)|\s+([A-Za-z]+)", text[v.end : limit])
    if after is not None and after.group(1) is None:
        return False  # a score
    unit = _norm(after.group(1)) if after is not None else ""
    return unit not in c.count_not_after_gain_loss and (v.unit or "") not in c.count_not_after_gain_loss


def _later_after(doc: Doc, v: Value, limit: int, values: dict[int, Value], c: Compiled) -> bool:
    """Whether "to" and a later value in the amount's own measure follow the amount of "gained"/"lost" (a restatement or a
    unit word may stand between): the amount is a move of a price or level, not a loss or a tally ("IBM gained 1 3/8 to
    104 1/2", "Coffee futures gained 2.35 cents to $1.2845 a pound", "retreated 105.36 points to 35,069.85"; "lost $5
    million to fraud", "lost 42 seats to the Tories" are none)."""
    text = doc_text(doc)
    j = _skip_restatement(text, v.end, limit, values, c)
    to = re.match(r"(?:\s+[A-Za-z]+)?\s*,?\s+to\s+", text[j:limit])  # a unit word may stand between ("105.36 points to")
    if to is None or v.multiplier or (v.unit or "") in c.count_not_after_gain_loss:
        return False  # "lost 3 games to 1": a score
    later = values.get(j + to.end()) or _value_after_np(doc, j + to.end(), limit, values, c)
    return later is not None and not later.multiplier and _same_measure(v, later)


def _cue_trie(rules: Rules, c: Compiled) -> re.Pattern:
    """``c.cue_re`` as a trie, for the statement loop's whole-text scan: the same matches (the cue words
    are distinct lowercase phrases, so at most one branch fits each character and the longest phrase
    that fits wins, as in the longest-first alternation), without trying ~200 phrases one by one at
    every word (issue 22)."""
    def build(_: Rules) -> re.Pattern:
        if not all(word.isascii() for word in c.cues):  # case folding beyond ASCII: keep the alternation
            return c.cue_re
        return rx.compile(r"(?<![\w-])(?:" + trie(c.cues, flexible_space=True) + r")(?![\w-])", re.I)

    return rules.derived("changes.cue_trie", build)  # built once per rules, the ASCII check included


def _statements(doc: Doc, found: dict[str, list[dict]], rules: Rules, c: Compiled) -> list[Statement]:
    text = doc_text(doc)
    values = _values(doc, found, rules, c)
    dates = {r["start"]: r["end"] for r in found.get("dates") or ()}
    by_end = {v.end: v for v in values.values()}
    out: list[Statement] = []
    used: set[int] = set()
    cue_hits = [(m.start(), m.end(), _norm(m.group()), "cue") for m in _cue_trie(rules, c).finditer(text)]
    mult_hits = [
        (q["start"], q["end"], "", "multiplier") for q in found.get("quantities") or () if q["kind"] == "multiplier" and q["rule"] == "multiplier_verb"
    ]
    for start, end, word, what in sorted(cue_hits + mult_hits):
        _, limit = _sentence_bounds(doc, start)
        if what == "multiplier":
            mult = values.get(start)
            q = next(r for r in found["quantities"] if r["start"] == start)
            st = Statement(start, end, q.get("change") or "none", start, end, {}, multiplier=mult, rule="change_multiplier")
            _read_slots(st, "through_preposition", doc, limit, values, dates, c)
        else:
            if out and out[-1].cue_start < start < out[-1].end and out[-1].slots:
                continue  # a change word inside the object of the statement before: "raises its forecast for China's growth to 5%"
            if word in c.from_to_verbs and not FROM_AFTER_RE.match(text, end, limit):
                continue  # "go" and its forms are a change word only before "from A to B" (checked in full below)
            tok = _token_at(doc, start)
            amount_after = _amount_after(doc, end, limit, values, c)
            particle = (_particle_amount(doc, tok, end, values, c) or (amount_after and _after_small_move(text, start, c))
                        or _particle_object_values(doc, tok, values, c))
            cue = _cue_role(tok, c.cues[word], word, particle, amount_after, c.neutral_particles, _level_after(text, end, limit, values, c))
            if cue is None or tok is None or tok.idx != start:
                continue
            if word in c.intransitive_only_verbs and any(ch.dep_ == "dobj" for ch in tok.children):
                continue  # "accelerate defense spending to 2% of its GDP": a plan for an object ("inflation accelerated to 5.4%" is one)
            if cue.role == "adverb" and _placing_particle(tok, c):
                continue  # "a buyer who puts down 20% on a home", "investors put up $50 million": an amount put or paid
            if cue.role == "adverb" and _person_moves(tok, c):
                continue  # "He went up to 5 floors", "She went up 3 floors": a person moving, not a quantity changing
            bound = cue.role == "adverb" and word in c.adverb_bounds and re.match(r"\s+to\b", text[end:]) \
                and (not _after_small_move(text, start, c) or _after_small_move(text, start, c, bound_verbs=True))
            st = Statement(start, end, cue.direction, start, end, {}, rule=f"change_{cue.role}")
            _read_slots(st, cue.role, doc, limit, values, dates, c)
            if bound and not ("from" in st.slots and "to" in st.slots and _same_measure(st.slots["from"], st.slots["to"])):
                continue  # "up to 5 million": a bound, not a change ("down to 1%" is one; so is "up to 500 from 300 last week")
            if word in c.from_to_verbs and not ("from" in st.slots and "to" in st.slots and _same_measure(st.slots["from"], st.slots["to"])):
                continue  # "went from 31 percent to 55 percent" is a change; "went to 45 charities", "went up 5%" (the particle's) are not
            if cue.role == "noun" and "by" not in st.slots and word not in c.plural_nouns:
                # "a 12% increase", "a $5 billion cut", "a 25% spending increase" ("three increases" counts events)
                for gap_end in range(start - 1, max(0, start - 25), -1):
                    v = by_end.get(gap_end)
                    if v is not None and re.fullmatch(r"[\s-]*(?:[A-Za-z]+\s+)?", text[v.end : start]) and not v.multiplier:
                        st.slots["by"] = v
                        st.start = v.start
                        break
                    if v is not None and v.kind == "change" and re.fullmatch(r"[\s-]*", text[v.end : start]):
                        st.multiplier, st.start = v, v.start
                        break
            nxt_tok = tok.nbor(1) if tok.i + 1 < len(doc) else None
            modifies = nxt_tok is not None and nxt_tok.tag_.startswith("NN")
            if cue.role == "adverb" and not st.slots and not modifies:  # not "a 10% down payment"
                # "wages 3.8 percent higher than a year earlier", "shares closed 3% lower": the percent before
                v = by_end.get(len(text[:start].rstrip()))
                if v is not None and v.unit == "%" and not v.multiplier and v.start not in used:
                    st.slots["by"], st.start = v, v.start
            if _not_a_change(doc, st, tok, cue, word, limit, c) or (cue.role == "adverb" and word in c.object_particles and _verb_object_amount(doc, st, c)):
                st.slots.clear()
            if cue.role in ("adverb", "noun") and st.slots and "to" not in st.slots:
                before = _value_before(doc, st.start, values, by_end, used, dates, c)
                sent_start, _ = _sentence_bounds(doc, st.start)
                lead = c.compared_end_re.search(text, sent_start, before.start) if before is not None else None
                if lead is not None and "from" not in st.slots:
                    # "net was $5 million, compared with $4 million, up 25%": the compared value is the earlier
                    # one, the value before it the later one (in the same unit; else neither)
                    later = _value_before(doc, lead.start(), values, by_end, used, dates, c)
                    if later is not None and later.unit == before.unit:
                        st.slots["from"], st.slots["to"], st.start = before, later, later.start
                elif before is not None:
                    # "revenue was $5.2 billion, up 12% from a year earlier", "$1.01 billion, a 43% increase
                    # from $704.4 million", "13 facilities in operation, up from seven": the later value
                    st.slots["to"] = before
                    st.start = before.start
        if st.direction == "none":
            # "revised the death toll down to 12": the direction an adverb inside the statement gives
            said = {c.direction_adverbs[w] for w in re.findall(r"[a-z]+", text[st.cue_end : st.end].lower()) if w in c.direction_adverbs}
            st.direction = said.pop() if len(said) == 1 else st.direction
        reached = _reached_level(st, doc, limit, values, c) if not st.slots and st.multiplier is None and what == "cue" else None
        if reached is not None:
            st.slots["to"], st.last_slot, st.end = reached, "to", reached.end  # "Cases have since increased further, reaching 216"
        later = _later_participle(st, doc, limit, values, c) if set(st.slots) == {"by"} and st.multiplier is None and what == "cue" else None
        if later is not None:
            st.slots["to"], st.last_slot, st.end = later, "to", later.end  # "netted an additional 66 seats, totaling 365 seats"
        earlier = _since_level(st, text, limit, values, dates, c) if st.slots and "from" not in st.slots and what == "cue" else None
        if earlier is not None:
            st.slots["from"], st.end = earlier, max(st.end, earlier.end)  # "cut ... by 2.25 percentage points since June 2024, when it stood at 5%"
        if not st.slots and st.multiplier is None:
            for extra in _listed(st, doc, limit, values, dates, c):
                out.append(extra)
                used |= {v.start for v in extra.slots.values()}
            continue
        if out and what == "cue" and _continues(out[-1], st, doc, dates, c):
            continue  # "rose to 40, up from 27": merged into the statement before
        out.append(st)
        used |= {v.start for v in st.slots.values()}
        for extra in _gapped(st, doc, limit, values, dates, c):
            out.append(extra)
            used |= {v.start for v in extra.slots.values()}
    return _dedupe(out)


def _reached_level(st: Statement, doc: Doc, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The later value a change verb with no value of its own reaches in a participle clause right after it: "Cases in
    Birmingham have since increased further, reaching 216 in January", "inflation rose sharply, reaching a record 11.1%"
    (at most two words before the comma, none a change word; the value at once after the participle, a hedge or "a
    record"; "rose, reaching consumers in 5 states" reaches no value). A noun of change ("a rise, reaching") is none."""
    text = doc_text(doc)
    m = c.reached_re.match(text, st.cue_end, limit)
    tok = _token_at(doc, st.cue_start) if m is not None else None
    if m is None or tok is None or not tok.tag_.startswith("VB") or _stopped_before_comma(text, st.cue_end, m, c):
        return None
    return _value_at_once(text, m.end(), limit, values, c)


def _stopped_before_comma(text: str, start: int, m: re.Match, c: Compiled) -> bool:
    """Does a change word or a gap stopper stand among the words from ``start`` to the comma of ``m`` (a participle
    pattern that matched there: ``reached_re``, ``amount_later_re``)? Then the participle clause after the comma
    follows another statement or clause ("rose and then fell, reaching"), not the one that ends at ``start``."""
    return any(_norm(w) in c.cues or _norm(w) in c.gap_stoppers
               for w in LETTERS_RE.findall(text[start : m.start() + len(m.group().split(",")[0])]))


def _later_participle(st: Statement, doc: Doc, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The later value a participle clause right after a change verb's amount gives (``amount_later_participles``): "the
    Conservative Party netted an additional 66 seats, totaling 365 seats" (by 66, to 365), "voted to increase the rainy day
    fund by US$500 million, bringing it to nearly US$2 billion". At most ``level_participle_max_words`` words (a unit) between
    the amount and the comma, the value at once after the participle; an amount that is no percent takes a later value of
    its own measure only ("rose 5%, reaching $10 billion" is one; "cut 300 jobs, reaching $5 million in savings" none)."""
    by = st.slots["by"]
    tok = _token_at(doc, st.cue_start)
    if tok is None or not tok.tag_.startswith("VB") or by.end < st.end:
        return None
    text = doc_text(doc)
    m = c.amount_later_re.match(text, by.end, limit)
    if m is None or _stopped_before_comma(text, by.end, m, c):
        return None
    later = _value_at_once(text, m.end(), limit, values, c)
    if later is None or (by.unit != "%" and (_other_measure(by, later) or later.unit == "%")):
        return None
    return later


def _since_level(st: Statement, text: str, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled) -> Value | None:
    """The earlier value a clause after "since <date>," gives right after a statement (``since_level_clauses``): "The bank
    has cut the rate by a total of 2.25 percentage points since June 2024, when it stood at 5%" (from 5). The date must be
    one the dates stage read; the value at once after the clause, in the measure of the statement's values ("rose 5% since
    2020, when it was founded" takes none)."""
    m = c.since_re.match(text, st.end, limit)
    end = dates.get(m.end()) if m is not None else None
    lead = c.since_level_re.match(text, end, limit) if end is not None else None
    earlier = _value_at_once(text, lead.end(), limit, values, c) if lead is not None else None
    if earlier is None or any(_other_measure(v, earlier) for v in st.slots.values() if v.unit != "%" or earlier.unit == "%"):
        return None
    later = st.slots.get("to")
    return None if later is not None and not _same_measure(later, earlier) else earlier


def _value_at_once(text: str, k: int, limit: int, values: dict[int, Value], c: Compiled) -> Value | None:
    """The value that starts at ``k``, past an amount determiner ("a record 11.1%": ``amount_determiners``) and then a
    hedge ("about 9 million": rules/counts.yaml ``qualifiers_before``) each only when a value follows it, that multiplies nothing: the later
    value a verb of reaching takes at once ("to reach 74", ", reaching a record 11.1%"); else None."""
    det = c.amount_determiner_re.match(text, k, limit)
    k = det.end() if det is not None and det.end() in values else k
    q = c.qual_start.match(text, k, limit)
    if q is not None and q.end() > k:
        inside = _value_in_hedge(q, values)  # "more than a million": the value starts at the hedge's article
        if inside is not None or q.end() in values:
            k = inside or q.end()
    v = values.get(k)
    return v if v is not None and not v.multiplier else None


def _value_in_hedge(q: re.Match, values: dict[int, Value]) -> int | None:
    """The start of a value that begins inside the hedge ``q`` and runs past it, else None: the hedges "over a" and "more
    than a" (rules/counts.yaml ``qualifiers_before``) end with the article the number grammar reads as the number's first
    word ("by more than a million", "by over a hundred": the value is "a million", "a hundred")."""
    end = q.end()
    for k in range(q.start() + 1, end):
        v = values.get(k)
        if v is not None and v.end > end:
            return k
    return None


def _before_change_noun(text: str, v: Value, limit: int, c: Compiled) -> bool:
    """Whether a change noun follows the value at once ("from a 0.5% contraction", "to a 3% rise")."""
    w = re.match(r"[\s-]+([A-Za-z]+)", text[v.end : limit])
    return w is not None and _norm(w.group(1)) in c.noun_words


def _after_small_move(text: str, start: int, c: Compiled, bound_verbs: bool = False) -> bool:
    """Whether the word before "up"/"down" at ``start`` is a verb of moving ("inflation edges up to 2%", "the
    rate ticks up to 4.3%", "ticket prices went up from $5 to $7"): then the particle is the change word with
    its values after it, and "up to" a change to a later value, not a bound ("has up to 5 million users").
    ``bound_verbs``: whether that word is one of the present forms of "go" after which "up to" is still a bound ("The
    temperature goes up to 20,000 Kelvin", "it can go up to 30%": a range; "prices went up to $7" is a change)."""
    w = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30) : start])
    return w is not None and _norm(w.group(1)) in (c.bound_move_verbs if bound_verbs else c.small_move_verbs)


def _level_after(text: str, end: int, limit: int, values: dict[int, Value], c: Compiled) -> bool:
    """Whether a level qualifier ("above", "below", "just under") and a value follow a change word at once ("rises above
    $5,000")."""
    m = c.level_after_re.match(text, end, limit)
    return m is not None and _norm(m.group("q")) in c.level_qualifiers and m.end() in values


def _level_after_re(qualifiers: list[str], neutral: Sequence[str] = ()) -> re.Pattern:
    """The pattern ``_level_after`` reads a qualifier with: a word, after the lead word of a two-word qualifier of
    rules/changes.yaml ``level_qualifiers`` ("just" of "just under") when one is written, so the lead words stay data; a
    neutral particle of the verb may stand before it ("The KOSPI climbs back above 2,600": ``neutral_particles``)."""
    leads = sorted({q.split()[0] for q in qualifiers if len(q.split()) == 2})
    lead = r"(?:(?:" + "|".join(re.escape(w) for w in leads) + r")\s+)?" if leads else ""
    back = r"(?:(?:" + "|".join(re.escape(w) for w in sorted(neutral)) + r")\s+)?" if neutral else ""
    return rx.compile(r"\s+" + back + r"(?P<q>" + lead + r"[A-Za-z]+)\s+", re.I)


def _amount_after(doc: Doc, end: int, limit: int, values: dict[int, Value], c: Compiled) -> bool:
    """Whether an amount follows a change word at once: a value ("plummets 13%"), or a value preposition and a
    value, possibly after a qualifier or a short noun phrase ("soars to a record US$3,600", "falls by nearly 5%")."""
    text = doc_text(doc)
    gap = SPACES_RE.match(text, end, limit)
    j = gap.end() if gap else end
    p = c.prep_re.match(text, j, limit)
    if p is not None and c.prep_map[_norm(p.group("p"))] in ("to", "by", "from"):
        j = p.end()
    rate = c.rate_re.match(text, j, limit) if p is None else None
    j = rate.end() if rate is not None else j  # "shrinks at an annualized rate of 0.7%"
    q = c.level_hedge_re.match(text, j, limit) or c.qual_start.match(text, j, limit)
    k = q.end() if q is not None and q.end() > j else j
    v = values.get(k) or (_value_after_np(doc, k, limit, values, c) if p is not None else None)
    return v is not None and not v.multiplier


def _particle_amount(doc: Doc, tok: Token | None, end: int, values: dict[int, Value], c: Compiled) -> bool:
    """Whether a change adverb the parse reads as a particle has its amount right after it: a percent, money
    or a bare number ("edged up 0.3%", "closing up $11"), not followed by "of" ("made up 40% of the board")."""
    if tok is None or tok.tag_ != "RP":
        return False
    text = doc_text(doc)
    gap = re.match(r"\s+", text[end:])
    at = end + gap.end() if gap else None
    filler = c.filler_re.match(text, at) if at is not None else None
    if filler is not None:  # "jumped up uh twenty percent" (a transcript's spoken filler)
        at = filler.end()
    v = values.get(at) if at is not None else None
    if v is None or v.multiplier or not (v.unit == "%" or v.source in ("money", "bare")):
        return False
    return c.particle_share_re.match(text, v.end) is None


def _particle_object_values(doc: Doc, tok: Token | None, values: dict[int, Value], c: Compiled) -> bool:
    """Whether a change adverb that is a verb's particle has that verb's direct object right after it and then both
    values of a change: "pushing down the yield on the 30-year Treasury bond to 5.92 percent from 5.93 percent"."""
    obj = _object_after_particle(tok, c)
    if obj is None:
        return False
    k = obj.right_edge.i + 1
    amount = next((values[t.idx] for t in doc[obj.i + 1 : k] if t.idx in values and t.dep_ == "nummod" and t.head.dep_ == "appos"), None)
    if amount is not None and k + 1 < len(doc) and doc[k].lower_ == "to":
        # the amount in apposition to the object, then the later value: "pushed up Jaguar's share price five pence (eight
        # U.S. cents) to a near-record 720 pence" (the same measure: "picked up the phone 5 times to 5 people" is none)
        _, limit = _sentence_bounds(doc, doc[k].idx)
        later = values.get(doc[k + 1].idx) or _value_after_np(doc, doc[k + 1].idx, limit, values, c)
        return later is not None and not later.multiplier and not amount.multiplier and amount.source != "bare" and _same_measure(amount, later)
    if not (k + 1 < len(doc) and doc[k].lower_ in ("to", "from") and doc[k + 1].idx in values):
        return False
    # both ends written, as a change states them ("to 5.92 percent from 5.93 percent"): "picked up the phone to 5
    # people" or "turned down the offer from 3 firms" is no change
    other = "from" if doc[k].lower_ == "to" else "to"
    rest = re.match(r"\s+" + other + r"\s+", doc_text(doc)[values[doc[k + 1].idx].end :])
    return rest is not None and values[doc[k + 1].idx].end + rest.end() in values


def _not_a_change(doc: Doc, st: Statement, tok: Token, cue: Cue, word: str, limit: int, c: Compiled) -> bool:
    """Statements whose amount says they are no change of a quantity: a gain in money ("an after-tax gain of
    about $30 million", a profit), a shortfall ("fell five cents a share short of his projections"), a person
    or thing moving a distance ("He fell 20 feet from the roof", "falling 20 feet into a ravine"), matter that
    fell ("drops up to 60 centimetres of snow")."""
    by = st.slots.get("by")
    if by is None:
        return False
    if cue.role == "noun" and word in c.money_gain_nouns and by.source == "money":
        return True
    if c.shortfall_re.match(doc_text(doc), by.end, limit):
        return True
    if by.source == "measure" and c.matter_re.match(doc_text(doc), by.end, limit):
        return True  # "drops up to 60 centimetres of snow": matter that fell
    if word in c.margin_verbs and _margin(tok, by, c):
        return True  # "Jo Swinson lost her seat in East Dunbartonshire by 149 votes": the margin of a contest lost
    if cue.role == "direct_percent" and by.source in ("count", "bare") and _person_subject(tok, c):
        return True  # "He added 15 points and 7 rebounds": a player's tally, not a change of a quantity
    if (by.unit or "") in c.movement_units and (c.movement_prep_re.match(doc_text(doc), by.end, limit) or _from_place(doc, by.end, limit, c)):
        return True  # "falling 20 feet into a ravine", "falling 20 feet from scaffolding": a distance moved
    if (by.unit or "") in c.movement_units:
        return _person_subject(tok, c)
    return False


def _margin(tok: Token, by: Value, c: Compiled) -> bool:
    """Whether the amount of "lost"/"gained" comes after the verb's own direct object, by the parse: the object is what was
    lost or won as a whole, the amount the margin ("lost her seat by 149 votes", "lost the race by 3 points"); "lost 42
    seats", "lost 5% of its value" have the amount as the object, "lost its market value by 5%" a value as the object."""
    objects = [t for t in tok.children if t.dep_ == "dobj" and t.idx < by.start]
    return any(not (t.idx <= by.start < t.idx + len(t.text)) and _norm(t.text) not in c.value_noun_heads for t in objects)


def _from_place(doc: Doc, end: int, limit: int, c: Compiled) -> bool:
    """Whether "from" and a bare noun follow a length (a unit word between): the place a thing fell from ("falling 20
    feet from scaffolding", the tagger may read it as a gerund), not an earlier level ("fell 3 feet from its peak",
    "from 10 feet")."""
    m = re.match(r"(?:\s+[A-Za-z]+)?\s+from\s+([A-Za-z]+)(?![\w-])", doc_text(doc)[end:limit])
    tok = _token_at(doc, end + m.start(1)) if m else None
    return tok is not None and tok.tag_ in ("NN", "NNS", "VBG") and _norm(tok.text) not in c.level_nouns


def _person_subject(tok: Token, c: Compiled) -> bool:
    """Whether the subject of the change word is a person: "he"/"she" or a PERSON entity, by the parse."""
    subject = [t for t in tok.children if t.dep_ in ("nsubj", "nsubjpass")]
    return any(_norm(t.text) in c.person_pronouns or t.ent_type_ == "PERSON" for t in subject)


def _verb_object_amount(doc: Doc, st: Statement, c: Compiled) -> bool:
    """Whether the amount of a change adverb ("off": ``object_particles``) is the direct object of a verb, by the parse: the
    adverb is that verb's particle and the amount what it acted on ("The bank wrote off $500 million in bad loans", "plans to
    spin roughly off #4 billion in assets"), no change; "closed at $100, off $8.625" has no object, and a verb of moving or
    of change keeps it."""
    by = st.slots.get("by")
    last = _token_at(doc, by.end - 1) if by is not None else None
    if last is None or last.dep_ != "dobj" or not last.head.tag_.startswith("VB"):
        return False
    verb = _norm(last.head.text)
    return verb not in c.small_move_verbs and verb not in c.cues


def _placing_particle(tok: Token, c: Compiled) -> bool:
    """Whether a change adverb is the particle of a verb of placing or paying right before it, by the parse: the amount
    after it is what was put or paid ("a buyer who puts down 20% on a home", "investors put up $50 million"), no change;
    the particle of a verb of moving is one ("shares edged up 0.3%", "closed down 42 cents"), and so is a passive one, whose
    subject is the quantity ("prices were put up 5%")."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    return (prev is not None and prev.tag_.startswith("VB") and tok.head.i == prev.i and _norm(prev.text) in c.placing_verbs
            and not any(ch.dep_ == "auxpass" for ch in prev.children))


def _person_moves(tok: Token, c: Compiled) -> bool:
    """Whether a change adverb follows a verb of moving whose subject is a person ("He went up to 5 floors"): then
    the particle tells where the person went ("prices went up 5%" is a change)."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    return prev is not None and prev.tag_.startswith("VB") and _norm(prev.text) in c.small_move_verbs and _person_subject(prev, c)


def _listed(st: Statement, doc: Doc, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled) -> list[Statement]:
    """Statements for the subjects a value-less change word lists after a lead: "Oil prices rise amid fears
    of a prolonged war ..., including West Texas Intermediate to US$102.76 per barrel and Brent Crude to
    US$112.89 per barrel". Each listed subject is read as a gapped clause (a verbless subject, then a
    preposition and a value); none is taken when a number stands between the change word and the lead
    (it belonged to the change word and was not a value of it: "rose in 2 of 5 regions, including")."""
    text = doc_text(doc)
    lead = c.list_lead_re.search(text, st.cue_end, limit)
    if lead is None or any(ch.isdigit() for ch in text[st.cue_end : lead.start()]):
        return []
    first = _gapped_clause(st, doc, lead.end(), limit, values, dates, c)
    if first is None or not first.slots:
        return []
    first.rule = f"{st.rule}_listed"
    return [first] + _gapped(first, doc, limit, values, dates, c)


def _continues(prev: Statement, st: Statement, doc: Doc, dates: dict[int, int], c: Compiled) -> bool:
    """Merge a comma-led change phrase into the statement right before it when it restates the same change
    with the side that statement lacks: "The death toll rose to 40, up from 27" (from 27 to 40), "fell to
    3.5% in May, down from 3.7% in April", "increased from $10 to $12, a 20% rise" (by 20%). Only across one
    comma and a few words (a date, unit words), in the same direction, and only a side the statement has
    not written: an earlier value needs a later one ("fell 5%, down from 7%" is a rate, not two sides)."""
    if st.direction != prev.direction or st.start < prev.end or not st.slots or st.multiplier is not None:
        return False
    if "from" in st.slots and "to" not in prev.slots:
        return False
    restated = _restated_points(prev, st)
    if (any(k in prev.slots for k in st.slots) and not restated) or set(st.slots) - {"from", "by"}:
        return False
    text = doc_text(doc)
    # "Unemployment fell to 4.1% (down from 4.3%) in March": the restatement in parentheses right after the value
    i, words, commas = (st.start, 0, 1) if OPEN_PAREN_RE.fullmatch(text[prev.end : st.start]) else (prev.end, 0, 0)
    while i < st.start:
        if i in dates:
            i = dates[i]
            continue
        adjunct = c.merge_adjunct_re.match(text, i, st.start)
        if adjunct is not None and words < c.merge_max_words:
            i, words = adjunct.end(), words + 1  # "falls below US$70,000 for the first time since November 2024, down 44%"
            continue
        gap = re.match(r"\s+|,", text[i : st.start])
        if gap:
            commas += gap.group() == ","
            i += gap.end()
            continue
        w = re.match(r"[A-Za-z]+", text[i : st.start])
        if w is None or _norm(w.group()) in c.gap_stoppers or _norm(w.group()) in c.cues or words >= c.merge_max_words:
            return False
        words += 1
        i += w.end()
    if commas != 1 or not re.search(r"(?:,\s*(?:(?:a|an)\s+)?|^\s*\(\s*)$", text[prev.end : st.start]):
        return False
    if restated:
        prev.end = max(prev.end, st.end)  # the same fall in the later value's own measure: one statement, its percent kept
        return True
    for k, v in st.slots.items():
        prev.slots[k] = v
    prev.end = max(prev.end, st.end)
    prev.baseline = prev.baseline or st.baseline
    return True


def _restated_points(prev: Statement, st: Statement) -> bool:
    """Whether ``st`` restates ``prev``'s amount in the measure of its later value: "The Nikkei plunged 12.4% to close at
    31,458.42, a fall of 4,451.28 points", "rebounded 10.2% to 34,675.46, gaining 3,217.04 points" (one change, the index
    points of the percent). Only a lone amount after a percent amount and a later value in that amount's measure; "fall
    14%, wiping about US$150 billion off the company's market value" (money against an index level) is a change of another
    quantity."""
    by, later, amount = prev.slots.get("by"), prev.slots.get("to"), st.slots.get("by")
    if set(st.slots) != {"by"} or by is None or later is None or amount is None or by.unit != "%":
        return False
    return amount.unit != "%" and not amount.multiplier and _same_measure(amount, later)


def _value_before(
    doc: Doc, start: int, values: dict[int, Value], by_end: dict[int, Value], used: set[int], dates: dict[int, int], c: Compiled
) -> Value | None:
    """The value a comma-led change phrase at ``start`` qualifies: "$66.50 a share, up $1.50", "net was
    $7.4 million, or 22 cents a share, down from $32.3 million", "a record ₩21 trillion (US$15 billion) in
    August, up nearly one-third". Between the value and the comma stand at most a few unit words, a date
    and a restatement (in parentheses or after "or"); a value an earlier statement used is not taken."""
    text = doc_text(doc)
    date_ends = {e: s for s, e in dates.items()}
    sent_start, _ = _sentence_bounds(doc, start)
    head = text[sent_start:start]
    art = re.search(r"(?:\b(?:a|an)\s+)?$", head)  # "…, a 43% increase"
    head = head[: art.start()] if art else head
    comma = re.search(r"(?:,|\()\s*$", head)  # "61.2% (up from 58.4% in 2019)": a parenthesis as the comma
    if comma is None:
        return None
    pos = sent_start + len(head[: comma.start()].rstrip())
    for _ in range(2):  # once more past a restatement just before the comma (", or 22 cents a share")
        words = 0
        k = pos
        while True:
            v = by_end.get(k)
            if v is not None:
                break
            if k in date_ends and date_ends[k] >= sent_start:  # "in August": a date is part of the gap
                k = sent_start + len(text[sent_start : date_ends[k]].rstrip())
                continue
            paren = re.search(r"\([^()]{0,60}\)$", text[sent_start:k])
            if paren and any(ch.isdigit() for ch in paren.group()):  # "(US$15 billion)": a restatement
                k = sent_start + len(text[sent_start : sent_start + paren.start()].rstrip())
                continue
            w = re.search(r"\s*\b([A-Za-z]+)\s*$", text[sent_start:k])
            if w is None or words >= c.lookback_max_words or _norm(w.group(1)) in c.gap_stoppers or _norm(w.group(1)) in c.cues:
                v = None
                break
            k = sent_start + w.start()
            words += 1
        if v is None:
            return None
        lead = re.search(r",\s*(\w+)\s+$", text[sent_start : v.start])
        if lead and _norm(lead.group(1)) in c.restatement_leads:
            pos = sent_start + lead.start()  # skip the restatement, look again before it
            continue
        if v.multiplier or v.start in used:
            return None
        part = _share_whole(doc, v, values, c)
        if part is not None:
            return None if part.multiplier or part.start in used else part  # "won 61 of the 113 seats, down from 68": 61
        return v
    return None


def _share_whole(doc: Doc, v: Value, values: dict[int, Value], c: Compiled) -> Value | None:
    """The part of a share whose whole is ``v``, by the parse: the value's noun (its last word, or the noun it counts) is the
    object (``share_whole_deps``) of "of" under a number, and that number is a value: "the DPP won 61 of the 113 seats, down
    from 68" (the later value is 61, not the 113 seats there are). None when ``v`` is no such whole ("sales of 5 million
    units, up from 4 million": "of" hangs on a noun)."""
    tok = _token_at(doc, v.end - 1)
    if tok is None:
        return None
    noun = tok.head if tok.dep_ == "nummod" else tok
    prep = noun.head
    if noun.dep_ not in c.share_whole_deps or prep.lower_ != "of" or prep.head.tag_ != "CD" or prep.head.i >= noun.i:
        return None
    part = prep.head
    for start, w in values.items():
        if start <= part.idx < w.end and w.end <= prep.idx:
            return w
    return None


def _gapped(st: Statement, doc: Doc, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled) -> list[Statement]:
    """Statements that share ``st``'s change word without repeating it.

    - "rising to US$78.01 and $73.86, respectively": one more later value per coordinated number;
    - gapping: "West Texas Intermediate rising to US$94.20 per barrel and Brent Crude to US$97.23",
      "revenue rose 12% and profit 8%" (the second subject holds no verb: the parse says so);
    - "rose from 40 to 52 and then to 60": the later value of ``st`` is the earlier one of the next."""
    text = doc_text(doc)
    coord = "|".join(re.escape(w) for w in sorted(c.coordinators))
    out: list[Statement] = []
    prev = st
    while prev.last_slot is not None:
        # "down 4.5% from the previous Friday and 6.8% from Oct. 13": each amount with its own baseline date
        base = _from_date_end(text, prev.end, limit, dates)
        if base is not None and prev.baseline is None:
            prev.baseline = _from_date_text(text, prev.end, base)  # the baseline date of that amount ("the previous Friday")
        gap_start = base if base is not None else (_between_dates_end(text, prev.end, limit, dates) or prev.end)
        # "rose 0.4% month-on-month and 3.2% year-on-year": each amount with its own baseline words
        own_base = _baseline_at(text, prev.end, limit, c) if base is None and prev.last_slot == "by" else None
        if own_base is not None:
            gap_start = own_base.end()
            prev.baseline = prev.baseline or own_base.group("b") or own_base.group("s")
        close = re.match(r"\s*\)", text[gap_start:limit])
        gap_start += close.end() if close is not None and "(" in text[prev.start : gap_start] else 0  # "(from 3.0%), in France ..."
        # "rose by 18% to about 9 million in 2022, and deaths by 43% to 136,000": the period of the statement before the comma
        period = _period_end(text, gap_start, limit, dates, c) if base is None else None
        gap_start = period if period is not None and re.match(r"\s*,", text[period:limit]) else gap_start
        # a few unit words may follow the value ("per barrel") before the comma or coordinator
        m = re.match(
            r"(?:\s+(?!(?:" + coord + r")\b)[A-Za-z]+){0,3}?\s*(?:(?P<comma>,)\s*(?:(?P<co>" + coord + r")\s+)?|(?P<co2>" + coord + r")\s+)",
            text[gap_start:limit],
            re.I,
        )
        if m is None:
            break
        j = gap_start + m.end()
        q = c.qual_start.match(text, j, limit)
        if q is not None and q.end() > j and q.end() in values and prev.last_slot == "by":
            j = q.end()  # "rise 9% in September alone and about 60% since January"
        v = values.get(j)
        if v is not None:
            # each amount with its own period: "down 4.5% from the previous Friday and 6.8% from Oct. 13", "rise 9% in
            # September alone and about 60% since January"
            period_before = base is not None or any(prev.end < d < j for d in dates)
            dated = period_before and prev.last_slot == "by" and v.unit == prev.slots["by"].unit and _period_end(text, v.end, limit, dates, c) is not None
            same_unit = prev.last_slot == "by" and v.unit == prev.slots["by"].unit
            v_base = _baseline_at(text, v.end, limit, c) if own_base is not None and same_unit else None
            dated = dated or v_base is not None
            listed = c.respectively.search(text, v.end, limit) or dated or (prev.last_slot == "by" and _coordinated_objects(doc, prev.slots["by"], v))
            if v.multiplier or not listed:
                break  # "to 5 and 6" without "respectively" is no list of later values
            nxt = Statement(prev.cue_start, prev.cue_end, prev.direction, v.start, v.end, {prev.last_slot: v}, rule=f"{prev.rule}_gapped", last_slot=prev.last_slot)
            if v_base is not None:
                nxt.baseline = v_base.group("b") or v_base.group("s")
        elif m.group("co") or m.group("co2"):
            nxt = _gapped_clause(prev, doc, j, limit, values, dates, c)
        elif m.group("comma"):
            # "The Dow rose 15 points, the S&P 500 2 points and the Nasdaq 3 points": a listed item after a bare comma (a
            # noun subject and its own value; "rose 5%, the company said" holds a verb, "rose 5%, or $2" a coordinator)
            nxt = _gapped_clause(prev, doc, j, limit, values, dates, c, listed=True)
        else:
            nxt = None
        if nxt is None:
            break
        out.append(nxt)
        prev = nxt
    return out


def _period_end(text: str, pos: int, limit: int, dates: dict[int, int], c: Compiled) -> int | None:
    """The end of a period right at ``pos``: a preposition of ``period_prepositions`` and a date ("from Oct. 13",
    "since January"), else None."""
    m = c.period_prep_re.match(text, pos, limit)
    if m is None:
        return None
    return _date_after(text, m.end(), limit, dates)


def _date_after(text: str, k: int, limit: int, dates: dict[int, int]) -> int | None:
    """The end of a date at ``k``, after at most two lowercase words ("the previous Friday")."""
    for _ in range(3):
        if k in dates:
            return dates[k]
        w = re.match(r"[a-z]+\s+", text[k:limit])
        if w is None:
            return None
        k += w.end()
    return dates.get(k)


def _between_dates_end(text: str, pos: int, limit: int, dates: dict[int, int]) -> int | None:
    """The end of " between <date> and <date>" right at ``pos``, the period of an amount ("fell by 67% between 2008 and 2017,
    and in forests by 41%"), else None."""
    m = re.match(r"\s+between\s+", text[pos:limit])
    first = _date_after(text, pos + m.end(), limit, dates) if m is not None else None
    a = re.match(r"\s+and\s+", text[first:limit]) if first is not None else None
    return _date_after(text, first + a.end(), limit, dates) if a is not None else None


def _from_date_end(text: str, pos: int, limit: int, dates: dict[int, int]) -> int | None:
    """The end of " from <date>" right at ``pos`` (a baseline period: "from Oct. 13", "from the previous
    Friday"), else None."""
    m = FROM_DATE_LEAD_RE.match(text[pos:limit])
    return _date_after(text, pos + m.end(), limit, dates) if m is not None else None


def _baseline_at(text: str, pos: int, limit: int, c: Compiled) -> re.Match | None:
    """A baseline right after the value ending at ``pos``, past its spaces ("month-on-month", "from a year earlier")."""
    sp = SPACES_RE.match(text, pos, limit)
    return c.baseline_re.match(text, sp.end() if sp is not None else pos, limit)


def _from_date_text(text: str, pos: int, end: int) -> str:
    """The date of " from <date>" between ``pos`` and its end ``end`` (found by ``_from_date_end``), as written."""
    m = FROM_DATE_LEAD_RE.match(text[pos:end])
    return text[pos + (m.end() if m is not None else 0) : end]


def _coordinated_objects(doc: Doc, first: Value, second: Value) -> bool:
    """Whether two counts are coordinated objects of one change word, by the parse: "lay off 4,700
    employees and 3,000 contractors" (the second noun a conjunct of the first, each with its number).
    "rose 12% and 8%" or "cut 4,800 jobs and hired 300" are not."""
    a, b = _token_at(doc, first.end - 1), _token_at(doc, second.end - 1)
    if a is None or b is None or a.dep_ != "nummod" or b.dep_ != "nummod":
        return False
    return b.head.dep_ == "conj" and b.head.head.i == a.head.i and a.head.tag_.startswith("NN") and b.head.tag_.startswith("NN")


#: white space within a line
INLINE_SPACE_RE = rx.compile(r"[^\S\n]+")


def _value_after_name(text: str, v: Value, limit: int, values: dict[int, Value]) -> int | None:
    """Where another value starts after the bare number ``v`` and a space alone ("S&P 500 2 points"): then ``v``, right
    after a proper noun, ends the name and that value is the clause's. None when no value follows so."""
    if v.source != "bare" and v.source != "count":
        return None
    gap = INLINE_SPACE_RE.match(text, v.end, limit)
    return gap.end() if gap is not None and gap.end() in values else None


def _gapped_clause(
    prev: Statement, doc: Doc, j: int, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled, listed: bool = False,
) -> Statement | None:
    """A clause after "and" (or, ``listed``, after a bare comma of a list) that repeats ``prev``'s change without its
    word: a verbless subject of at most a few words, then a value or a preposition and a value."""
    text = doc_text(doc)
    i = j
    words: list[Token] = []
    while i < limit and len(words) <= c.max_gap_words:
        if i in values and words and words[-1].tag_ in NAME_TAGS and (after_name := _value_after_name(text, values[i], limit, values)) is not None:
            # "the S&P 500 2 points", "the FTSE 100 30 points": the number ends the name, the value follows it
            tok = _token_at(doc, i)
            if tok is None:
                return None
            words.append(tok)
            i = after_name
            continue
        if i in values or c.prep_re.match(text, i, limit):
            break
        tok = _token_at(doc, i)
        # a preposition may lead the verbless subject: "fell by 67% ..., and in forests by 41%"
        lead = tok is not None and tok.tag_ == "IN" and not words
        if tok is None or tok.idx != i or (tok.tag_ not in GAPPED_TAGS and not lead) or any(ch.isdigit() for ch in tok.text) or _norm(tok.text) in c.cues:
            return None
        if _norm(tok.text) in c.gap_stoppers:
            return None
        words.append(tok)
        i = tok.idx + len(tok.text)
        ws = re.match(r"\s*", text[i:limit])
        i += ws.end() if ws else 0
    if i >= limit or len(words) > c.max_gap_words:
        return None
    subject = [t for t in words if t.tag_ in SUBJECT_TAGS]
    if not subject and not all(_norm(t.text) in c.gap_adverbs for t in words):
        return None
    led = bool(words) and words[0].tag_ == "IN" and c.prep_re.match(text, i, limit) is not None
    if listed and (not any(t.tag_.startswith("NN") for t in subject) or (i not in values and not led)):
        # a listed item names its subject and writes its value at once, or a preposition leads both its subject and its value
        # ("inflation in Germany slowed to 2.3% (from 3.0%), in France to 3.8% (from 4.5%)")
        return None
    st = Statement(prev.cue_start, i, prev.direction, i, i, {}, rule=f"{prev.rule}_gapped")
    if subject:  # the words from the first that makes a subject to the last ("the S&P 500", never a leading "in")
        st.subject_start, st.subject_end = subject[0].idx, words[-1].idx + len(words[-1].text)
    if not subject and "to" in prev.slots:
        st.slots["from"] = prev.slots["to"]  # "and then to 60": continues from the last value
    v = values.get(i)
    if v is not None:
        if "by" not in prev.slots or v.multiplier or v.unit != prev.slots["by"].unit:
            return None
        st.slots["by"], st.last_slot, st.end = v, "by", v.end
        if prev.last_slot != "by":
            # "Revenue rose 3% to $2 billion, and operating profit 5% to $300 million": the amount, then the later value
            st.cue_end = v.end
            _read_slots(st, "through_preposition", doc, limit, values, dates, c)
            st.cue_end = i
    else:
        _read_slots(st, "through_preposition", doc, limit, values, dates, c)
    filled = {k for k, v in st.slots.items() if not (k == "from" and not subject and v is prev.slots.get("to"))}
    if not filled:
        return None
    return st


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """One statement per number: a later statement reusing a number of an earlier one is dropped."""
    used: set[int] = set()
    kept = []
    for st in statements:
        # a gapped continuation ("and then to 60") shares its earlier value with the statement before it
        starts = {v.start for k, v in st.slots.items() if not (k == "from" and st.rule.endswith("_gapped"))}
        starts |= {st.multiplier.start} if st.multiplier else set()
        if starts & used:
            continue
        used |= starts
        kept.append(st)
    return kept


def _change_row(st: Statement) -> dict:
    f, t, b = st.slots.get("from"), st.slots.get("to"), st.slots.get("by")
    sign = {"increase": 1.0, "decrease": -1.0}.get(st.direction)
    absolute = pct = None
    if f is not None and t is not None:
        absolute = t.value - f.value
        pct = absolute / f.value * 100 if f.value else None
    elif b is not None and b.unit != "%" and sign is not None and (t is None or t.unit == b.unit) and (f is None or f.unit == b.unit):
        absolute = sign * b.value
    if pct is None and b is not None and b.unit == "%" and sign is not None and (t is None or t.unit != "%"):
        pct = sign * b.value
    if pct is None and st.multiplier is not None:
        pct = (st.multiplier.value - 1) * 100
    direction = st.direction
    if direction == "none" and absolute is not None:
        direction = "increase" if absolute > 0 else "decrease" if absolute < 0 else "none"
    row = {
        "start": st.start,
        "end": st.end,
        "kind": "change",
        "direction": direction,
        "unit": next((v.unit for v in (t, f) if v is not None and v.unit), None) or (b.unit if b is not None and b.unit != "%" else None),
        "from_value": f.value if f else None,
        "to_value": t.value if t else None,
        "by_value": b.value if b else None,
        "by_unit": b.unit if b else None,
        "absolute_change": absolute,
        "relative_change": pct,
        "multiplier": st.multiplier.value if st.multiplier else None,
        "baseline": st.baseline,
        "rule": st.rule,
        "subject_start": st.subject_start,
        "subject_end": st.subject_end,
    }
    for name, v in (("from", f), ("to", t), ("by", b), ("multiplier", st.multiplier)):
        row[f"{name}_start"], row[f"{name}_end"] = (v.start, v.end) if v is not None else (None, None)
    return row


def _multiplier_row(doc: Doc, q: dict, rules: Rules) -> dict:
    """A multiplier no change statement used: "revenue doubled", "2.4 times the mass of the Sun"."""
    kind = multiplier_kind(doc, q, rules)
    value = float(q["value"])
    if kind == "comparison":
        direction = "increase" if value > 1 else "decrease" if value < 1 else "none"
    else:
        direction = q.get("change") or ("increase" if value > 1 else "decrease" if value < 1 else "none")
    v = Value(q["start"], q["end"], value, "x", True)
    row = _change_row(Statement(q["start"], q["end"], direction, q["start"], q["end"], {}, multiplier=v, rule=f"{kind}_multiplier"))
    row["kind"] = kind
    if kind == "comparison":
        row["relative_change"] = None
    return row


def _end_missing(st: Statement, text: str, c: Compiled) -> bool:
    """A noun of growth in size (``from_to_only_nouns``: "expansion", "enlargement") states a change only with both its
    values written ("the enlargement of NATO from 16 members to 19") or a percent: "an expansion of 500 stores", "a $2
    billion expansion of the plant" and "the expansion into 12 countries" say what was added or what it cost."""
    if st.rule != "change_noun" or _norm(text[st.cue_start : st.cue_end]) not in c.from_to_only_nouns:
        return False
    by = st.slots.get("by")
    return not (("from" in st.slots and "to" in st.slots) or (by is not None and by.unit == "%"))


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One row per change statement or multiplier; see the module docstring."""
    c = compiled(ctx.rules)
    text = doc_text(doc)
    rows = [_change_row(st) for st in _statements(doc, found, ctx.rules, c) if not _end_missing(st, text, c)]
    used = {r["multiplier_start"] for r in rows if r["multiplier_start"] is not None}
    for q in found.get("quantities") or ():
        if q["kind"] == "multiplier" and q["start"] not in used:
            rows.append(_multiplier_row(doc, q, ctx.rules))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def change_for(mention_start: int, mention_end: int, change_rows: list[dict]) -> tuple[float | None, float | None] | None:
    """(change_from, change_pct) for the fact whose mention spans [mention_start, mention_end): the
    written earlier value and the relative change in percent of the change statement whose later
    ("to") value is that mention — or whose by-amount or multiplier is, when no later value is written
    ("rose 12%", "revenue doubled"). None when no statement produced the mention or it has neither.

    ``change_rows`` are rows of the changes table of the same article, in the same coordinates as the
    mention (clean offsets inside the pipeline, raw offsets when read back from Parquet)."""
    for row in change_rows:
        if row.get("kind") != "change":
            continue
        spans = [(row.get("to_start"), row.get("to_end"))]
        if row.get("to_start") is None:
            spans += [(row.get("by_start"), row.get("by_end")), (row.get("multiplier_start"), row.get("multiplier_end"))]
        if (mention_start, mention_end) in spans:
            result = (row.get("from_value"), row.get("relative_change"))
            return None if result == (None, None) else result
    return None


__all__ = ["Action", "action_times", "change_for", "comparative_at", "compiled", "extract", "multiplier_kind", "word_multipliers"]
