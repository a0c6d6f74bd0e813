"""User counts (MAU, DAU, users, subscribers…) and the other numbers of a story (percent, multiplier,
count, rank).

Why anchor-first: a bare "1.5 billion" says nothing; what makes it a user count is a user anchor right
after it ("59.98 million monthly active users") or right before it through a short bridge ("MAU of
12.67 million", "user base was just 1.73 million"). Everything else with digits or a magnitude word
is a count only when we can name what it counts ("728 projects", "daily token usage … exceeded 4
trillion"): a count without a unit is dropped, never guessed. Numbers are read by
``pipeline.numbers`` only; every word list lives in rules/counts.yaml.

Conventions (tests/gold/README.md): the span is the number with its magnitude ("59.98 million",
"84%", "33-fold", "22nd", "top 10"); qualifier words ("over", "approximately", "just") stay outside
it and go to ``qualifier``; quantities never repeat a money, user-count or date span.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from pipeline import patterns as rx
from pipeline.lexicon import alternation
from pipeline.extract import Context, changes, doc_matches, doc_text
from pipeline.numbers import NumberVocab, hyphen_ranges, magnitude_fractions, parse_number, parse_ordinal, parse_range, vocab
from pipeline.errors import RulesError
from pipeline.rules import Rules, check_keys, check_windows

RULE_KEYS = (
    "user_anchors", "anchor_modifiers", "forward_only_anchors", "bridges", "max_bridges", "anchor_attachments",
    "max_attachment_words",
    "anchor_negative_before", "anchor_negative_after", "qualifiers_before", "qualifiers_after",
    "range_separators", "between_words", "negative_before", "negative_after", "url_markers", "year_range", "counted_nouns",
    "not_counted", "lookback_triggers", "lookback_after", "lookback_chars", "singular_suffixes",
    "max_noun_modifiers", "percent_signs", "multiplier_suffixes", "multiplier_word_needs", "multiplier_clause_words", "frequency_after",
    "change_cues", "change_window_before", "change_window_after", "percent_by_max_words", "rank",
    "percent_of_words", "percent_of_not_after", "hyphen_units", "weight_units", "demonym_entity_types", "demonyms",
    "casualty_verbs", "difference_after", "ellipsis_after", "counting_verbs", "number_of_words", "acronym_anchors", "noun_tags",
    # issue 15: counted nouns from the parse, measures, user nouns
    "parse_counts", "count_exclusions", "measures", "user_nouns", "not_user_nouns", "user_metric_modifiers",
    "user_noun_bodies", "user_noun_events", "user_gap_preps",
    # issue 20 review: labels and words out of code
    "parse_labels", "of_word", "range_not_after", "percent_cue_not_after", "one_contrast_words", "one_object_verbs", "one_charge_nouns",
    "label_line_before", "label_line_after",
    # issue 15 round 4
    "one_ratio_after", "one_existential_deps", "one_ratio_base_before", "one_ratio_base_to",
    # issue 15 round 5
    "one_subject_verbs",
    # issue 15 round 6
    "one_more_words", "one_after_words",
    # issue 15 round 7
    "user_elided_max_ratio", "user_noun_crowd_verbs", "user_verbs",
    # issue 15 round 8
    "one_emphatic_after",
    # issue 15 round 9
    "user_noun_state_bodies",
    # issue 15 round 12
    "place_adverbs", "one_whole_of",
    # issue 15 round 14
    "user_noun_body_entity_types", "user_noun_owner_preps", "user_noun_owner_bodies",
)
LABEL_KEYS = ("preposition", "prep_object", "determiner", "possessive", "possessive_marker", "conjunct", "coordinator", "compound",
              "verb_object", "noun_clause", "subject", "metric_modifier", "number_modifier",
              "bare_number", "predicate", "relative_clause", "open_complement", "list_item", "auxiliary", "place_adverb")
RANK_KEYS = ("after", "hyphen_after", "before", "top_nouns", "top_words", "negative")
#: Characters of context a candidate may look at on either side (its sentence, capped): keeps every
#: per-candidate search bounded, so the stage stays linear on texts without sentence breaks.
MAX_WINDOW = 1000
#: the period hint of a user-count metric read from the parse (anchors carry their own)
PERIODS = {"DAU": "daily", "WAU": "weekly", "MAU": "monthly"}


def _alt(phrases, flexible_space: bool = True) -> str:  # noqa: ANN001
    """Regex alternation, longest first; spaces in a phrase match any whitespace."""
    return alternation(phrases, flexible_space=flexible_space)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _edge(phrase: str) -> str:
    """Word-boundary guards that also work for phrases starting or ending with a symbol ("~", "+")."""
    return (r"(?<![\w])" if phrase[:1].isalnum() else "") + "(?:" + re.escape(phrase).replace(r"\ ", r"\s+") + ")" + (
        r"(?![\w])" if phrase[-1:].isalnum() or phrase[-1:] == "." else ""
    )


def _tail_phrases(phrases: list[str]) -> str:
    """The alternation ``"|".join(_edge(p) for p in phrases)`` for a pattern that ends ``\\s*$`` (the qualifiers
    before a number), as two tries: the phrases that start with a letter or digit behind ``_edge``'s word
    boundary, then the others. The same matches: only whitespace may follow a phrase there, so ``_edge``'s
    look-ahead after it always holds; at one position at most one phrase reaches the end (two that match the same
    characters are the same normalised phrase), so the branches' order cannot choose another; and a branch's
    first character tells which trie it is in. ``search_tail`` tried ~80 branches, each with its own look-behind,
    at every word of a prefix (0.049 -> 0.011 s over the prefixes of the throughput corpus's 2,534 numbers)."""
    from pipeline.lexicon import trie

    words = [p for p in phrases if p[:1].isalnum()]
    others = [p for p in phrases if not p[:1].isalnum()]
    parts = ([r"(?<![\w])" + trie(words, flexible_space=True)] if words else []) + (
        [trie(others, flexible_space=True)] if others else [])
    return "(?:" + "|".join(parts) + ")"  # no phrase: an empty group, as the empty alternation was


def _start_guard(phrases: list[str]) -> str:
    """A look-ahead every match of ``_edge(p)`` for ``p`` in ``phrases`` passes at its first character: one
    test of the phrases' first characters (and the word boundary before those starting with a letter or digit),
    so ``search`` leaves a position that starts none of them without trying every branch (each branch's own
    look-behind kept ``re`` from skipping it: ~50 us a ``search_tail`` for the qualifiers). It only restates
    what each branch requires, so the matches are the same. Empty when a phrase is empty or starts with a space."""
    if not phrases or any(not p or p[0].isspace() for p in phrases):
        return ""
    words = sorted({p[0] for p in phrases if p[0].isalnum()})
    others = sorted({p[0] for p in phrases if not p[0].isalnum()})
    parts = [r"(?<![\w])(?=[" + "".join(re.escape(ch) for ch in words) + "])"] if words else []
    parts += ["(?=[" + "".join(re.escape(ch) for ch in others) + "])"] if others else []
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Compiled:
    """Everything built once from rules/counts.yaml."""

    #: Penn tags (rules/counts.yaml noun_tags): plural nouns, modifiers kept in a counted noun phrase,
    #: and the capitalized modifiers that may be a name
    plural_tags: frozenset[str]
    modifier_tags: frozenset[str]
    name_modifier_tags: frozenset[str]

    #: dependency labels (rules/counts.yaml parse_labels), the word "of", and verb tags (rules/pos.yaml)
    labels: dict[str, frozenset[str]]
    of_word: str
    one_contrast: re.Pattern
    one_object_verbs: frozenset[str]
    #: "charged with one count of murder": nouns a bare "of" + noun makes a charge, which "one" counts
    one_charge_nouns: frozenset[str]
    one_ratio_after: re.Pattern
    one_existential: frozenset[str]
    one_ratio_base: re.Pattern
    #: "six males to one female": the word joining a ratio's count to its base
    one_ratio_base_to: frozenset[str]
    one_whole_of: frozenset[str]
    one_subject_verbs: frozenset[str]
    #: "reported one more case": a word right after "one" that makes it a quantity
    one_more: re.Pattern
    #: "all but one victim": words right before "one" that make it a quantity
    one_after: re.Pattern
    #: "rely on one single proprietary server": a word right after "one" that stresses the quantity
    one_emphatic: re.Pattern
    verb_tags: frozenset[str]
    range_not_after: re.Pattern

    number: re.Pattern
    #: the number vocabulary (pipeline/numbers.py): hyphenated ranges of spelled-out ends are read with it
    numbers: NumberVocab
    anchors: dict[str, tuple[str, str | None]]
    forward_anchor: re.Pattern
    backward_anchor: re.Pattern
    anchor_neg_before: re.Pattern
    qual_before: re.Pattern
    qual_before_map: dict[str, str]
    #: characters of the longest qualifier phrase (search_tail)
    qual_before_longest: int
    qual_after: re.Pattern
    qual_after_map: dict[str, str]
    range_gap: re.Pattern
    between_gap: re.Pattern
    between_before: re.Pattern
    neg_before: tuple[re.Pattern, ...]
    neg_after: tuple[re.Pattern, ...]
    url_markers: tuple[str, ...]
    year_range: tuple[int, int]
    counted_map: dict[str, str]
    counted_re: re.Pattern
    hyphen_unit: re.Pattern
    hyphen_unit_map: dict[str, str]
    not_counted: frozenset[str]
    lookback_trigger: re.Pattern
    lookback_after: re.Pattern
    #: the same anaphors right before the number ("two qualifying polls, of which four are needed")
    lookback_before: re.Pattern
    #: a fact-box line "Total Dead: 192": the line before the number, the rest of the line
    label_line_before: re.Pattern
    label_line_after: re.Pattern
    casualty_words: frozenset[str]
    lookback_chars: int
    singular: tuple[tuple[str, str], ...]
    max_mods: int
    percent_after: re.Pattern
    multiplier_after: re.Pattern
    fold_word: re.Pattern
    multiplier_word_needs: re.Pattern
    #: issue 21: words that make "N times" a comparison unless a verb of doing stands before the number ("three times what
    #: officials had expected"; "asked three times what the fee was" counts askings)
    multiplier_clause_words: re.Pattern
    multiplier_clause_copulas: frozenset[str]
    frequency_after: tuple[re.Pattern, ...]
    cue_map: dict[str, str]
    cue_re: re.Pattern
    change_before: int
    change_after: int
    pct_by: re.Pattern
    pct_of: re.Pattern
    pct_direct: re.Pattern
    pct_after_cue: re.Pattern
    pct_of_number: re.Pattern
    pct_of_blocked: re.Pattern
    rank_ordinal: re.Pattern
    rank_after: re.Pattern
    rank_before: re.Pattern
    rank_top_n: re.Pattern
    rank_top_noun: re.Pattern
    rank_negative: re.Pattern
    weight_units: frozenset[str]
    demonym_types: frozenset[str]
    demonyms: frozenset[str]
    casualty_before: re.Pattern
    #: "nine shy of becoming a tropical storm": words after a bare number that make it a difference
    difference_after: re.Pattern
    casualty_after: re.Pattern
    casualty_unit: str
    #: the parse labels of a casualty word used as a noun ("an earlier toll of 27 dead", "Among the 12 dead")
    casualty_noun_deps: frozenset[str]
    ellipsis_before: re.Pattern
    counting_verbs: frozenset[str]
    #: adverbs of place that may follow a bare number of a gapped count ("including 3.4 million abroad")
    place_adverbs: frozenset[str]
    number_of_words: frozenset[str]
    #: a spelled-out number glued by a hyphen to a word ("ten-storey", "five-person"): the number finder
    #: of pipeline/numbers.py stops there ("ten-year" is an age), _hyphen_count decides. Found from the
    #: hyphens (``hyphen_word_after``: a letter, a hyphen, a letter, not a number word after it), then
    #: the number word ending right before one (``hyphen_word_number``, anchored at the end)
    hyphen_word_number: re.Pattern
    hyphen_word_after: re.Pattern
    #: rules/counts.yaml parse_counts.irregular_plurals ("lives" -> life), for the nouns read after a number
    irregular: dict[str, str]


def _currency_words(rules: Rules, keep: frozenset[str]) -> frozenset[str]:
    """One-word currency names of rules/money.yaml with their plurals ("shilling", "shillings"): never a
    counted noun, whatever money made of the number. Names in ``keep`` (weights such as "pound") stay."""
    data = rules.get("money")
    words = set()
    for name in (*data["names"], *data["subunits"]):
        name = str(name).lower()
        if name.isascii() and name.isalpha() and len(name) > 1 and name not in keep:
            words.update((name, name + "s", name + "es"))
    return frozenset(words)


def compile_rules(rules: Rules) -> Compiled:
    data = rules.get("counts")
    where = str(rules.path("counts"))
    check_keys(data, where=where, required=RULE_KEYS)
    check_keys(data["rank"], where=f"{where}: rank", required=RANK_KEYS)
    check_keys(data["multiplier_clause_words"], where=f"{where}: multiplier_clause_words", required=("words", "copulas"))  # issue 21
    v = vocab(rules)
    anchors = {_norm(k): (val[0], val[1]) for k, val in data["user_anchors"].items()}
    forward_only = {_norm(a) for a in data["forward_only_anchors"]}
    mods = _alt(data["anchor_modifiers"])
    acronym_paren = r"(?:\s*\((?:" + "|".join(re.escape(a) for a in data["acronym_anchors"]) + r")s?\))?"
    forward_anchor = rx.compile(
        r"^\s*(?:(?:" + mods + r")\s+){0,3}(?P<anchor>" + _alt(anchors) + r")(?![\w/])" + acronym_paren, re.I
    )
    backward = [a for a in anchors if a not in forward_only]
    bridges = _alt(data["bridges"])
    # "paying subscribers to its business plan rose to 2.1 million": a prepositional phrase of a few words (no number)
    # may hang on the anchor when at least one bridge follows it
    attached = (r"\s+(?:" + _alt(data["anchor_attachments"]) + r")(?:\s+[^\W\d_][\w'’.&-]*){1,"
                + str(int(data["max_attachment_words"])) + r"}")
    backward_anchor = rx.compile(
        r"(?<![\w/-])(?P<anchor>" + _alt(backward) + r")" + acronym_paren
        + r"(?:(?:\s+(?:" + bridges + r")){0," + str(int(data["max_bridges"])) + r"}|" + attached
        + r"(?:\s+(?:" + bridges + r")){1," + str(int(data["max_bridges"])) + r"})[\s,:]*$",
        re.I,
    )
    anchor_neg_before = rx.compile(r"(?:" + _alt(data["anchor_negative_before"]) + r")\s*$", re.I)
    qb_map = {_norm(p): q for q, phrases in data["qualifiers_before"].items() for p in phrases}
    qb_phrases = sorted(qb_map, key=len, reverse=True)
    qual_before = rx.compile(_start_guard(qb_phrases) + r"(?P<q>" + _tail_phrases(qb_phrases) + r")\s*$", re.I)
    qa_map = {_norm(p): q for q, phrases in data["qualifiers_after"].items() for p in phrases}
    qual_after = rx.compile(r"^\s*(?P<q>" + "|".join(_edge(p) for p in sorted(qa_map, key=len, reverse=True)) + r")", re.I)
    signs = _alt(data["percent_signs"])
    range_gap = rx.compile(r"^\s*(?:" + signs + r")?\s*(?:" + _alt(data["range_separators"]) + r")\s*$", re.I)
    between_gap = rx.compile(r"^\s*(?:" + signs + r")?\s+and\s+$", re.I)
    between_before = rx.compile(r"\b(?:" + _alt(data["between_words"]) + r")\s+$", re.I)
    counted_map = {_norm(form): unit for unit, forms in data["counted_nouns"].items() for form in forms}
    hyphen_map = {_norm(form): unit for unit, forms in data["hyphen_units"].items() for form in forms}
    cues = {_norm(w): d for d, words in data["change_cues"].items() for w in words}
    cue_alt = _alt(cues)
    rank = data["rank"]
    ordinal_words = _alt(v.ordinals)
    spelled = _alt([w for w in (*v.units, *v.tens) if w not in ("a", "an", "zero")])
    weight_units = frozenset(_norm(u) for u in data["weight_units"])
    weight_forms = frozenset(_norm(f) for u in weight_units for f in (u, *data["counted_nouns"].get(u, ())))
    qualifier_gap = r"\s+(?:(?:" + "|".join(_edge(p) for p in sorted(qb_map, key=len, reverse=True)) + r")\s+)?$"
    casualty = data["casualty_verbs"]
    check_keys(casualty, where=f"{where}: casualty_verbs", required=("unit", "verbs", "after", "noun_deps"))
    tags = data["noun_tags"]
    check_keys(tags, where=f"{where}: noun_tags", required=("plural", "modifier", "name_modifier"))
    check_keys(data["parse_labels"], where=f"{where}: parse_labels", required=LABEL_KEYS)
    from pipeline.nlp import word_classes

    return Compiled(
        labels={k: frozenset(str(x) for x in data["parse_labels"][k]) for k in LABEL_KEYS},
        of_word=_norm(str(data["of_word"])),
        one_object_verbs=frozenset(_norm(w) for w in data["one_object_verbs"]),
        one_charge_nouns=frozenset(_norm(w) for w in data["one_charge_nouns"]),
        one_existential=frozenset(data["one_existential_deps"]),
        one_subject_verbs=frozenset(_norm(w) for w in data["one_subject_verbs"]),
        one_ratio_base_to=frozenset(_norm(w) for w in data["one_ratio_base_to"]),
        one_whole_of=frozenset(_norm(w) for w in data["one_whole_of"]),
        one_ratio_base=rx.compile(r"(?<![\w-])(?:" + _alt(data["one_ratio_base_before"]) + r")[^\S\n]+$", re.I),
        one_ratio_after=rx.compile(r"[^\S\n]+(?:" + _alt(data["one_ratio_after"]) + r")(?![\w-])", re.I),
        one_contrast=rx.compile(r"(?<![\w-])(?:" + _alt(data["one_contrast_words"]) + r")(?![\w-])", re.I),
        one_more=rx.compile(r"[^\S\n]+(?:" + _alt(data["one_more_words"]) + r")(?![\w-])", re.I),
        one_after=rx.compile(r"(?<![\w-])(?:" + _alt(data["one_after_words"]) + r")[^\S\n]+$", re.I),
        one_emphatic=rx.compile(r"[^\S\n]+(?:" + _alt(data["one_emphatic_after"]) + r")(?![\w-])", re.I),
        verb_tags=word_classes(rules).verb_tags,
        range_not_after=rx.compile(r"(?<![\w-])(?:" + _alt(data["range_not_after"]) + r")\s+$", re.I),
        plural_tags=frozenset(tags["plural"]),
        modifier_tags=frozenset(tags["modifier"]),
        name_modifier_tags=frozenset(tags["name_modifier"]),
        number=rx.compile(v.number, re.I),
        numbers=v,
        anchors=anchors,
        forward_anchor=forward_anchor,
        backward_anchor=backward_anchor,
        anchor_neg_before=anchor_neg_before,
        qual_before=qual_before,
        qual_before_map=qb_map,
        qual_before_longest=max((len(p) for p in qb_map), default=0),
        qual_after=qual_after,
        qual_after_map=qa_map,
        range_gap=range_gap,
        between_gap=between_gap,
        between_before=between_before,
        neg_before=tuple(rx.compile(p) for p in data["negative_before"]),
        neg_after=tuple(rx.compile(p, re.I) for p in data["negative_after"]),
        url_markers=tuple(data["url_markers"]),
        year_range=(int(data["year_range"][0]), int(data["year_range"][1])),
        counted_map=counted_map,
        counted_re=rx.compile(r"(?<![\w-])(?P<noun>" + _alt(counted_map) + r")(?![\w-])", re.I),
        hyphen_unit=rx.compile(r"^[-‐](?P<unit>" + _alt(hyphen_map) + r")(?![\w-])", re.I),
        hyphen_unit_map=hyphen_map,
        not_counted=frozenset(_norm(w) for w in data["not_counted"]) | _currency_words(rules, weight_forms),
        lookback_trigger=rx.compile(
            r"(?<![\w])(?:" + _alt(data["lookback_triggers"]) + r")\s+(?:(?:" + "|".join(_edge(p) for p in qb_map) + r")\s+)?$",
            re.I,
        ),
        lookback_after=rx.compile(r"^\s*(?:" + _alt(data["lookback_after"]) + r")\b", re.I),
        label_line_before=rx.compile(str(data["label_line_before"])),
        label_line_after=rx.compile(str(data["label_line_after"])),
        casualty_words=frozenset(_norm(w) for w in casualty["after"]),
        lookback_before=rx.compile(r"(?<![\w-])(?:" + _alt(data["lookback_after"]) + r")[\s,]*$", re.I),
        lookback_chars=int(data["lookback_chars"]),
        singular=tuple((str(a), str(b)) for a, b in data["singular_suffixes"]),
        max_mods=int(data["max_noun_modifiers"]),
        percent_after=rx.compile(r"^\s?(?:" + signs + r")(?![\w])", re.I),
        multiplier_after=rx.compile(
            r"^(?:\s*-\s*|\s*)(?P<suffix>" + _alt(s for s in data["multiplier_suffixes"] if s != "x") + r")(?![\w])", re.I
        ),
        # "3x", "3×"; spelled "-fold" words come from changes.fold_words (issue 21: the number grammar reads them)
        fold_word=rx.compile(r"(?<![\w.,-])(?P<d>\d+(?:\.\d+)?)[x×](?![\w-])", re.I),
        multiplier_word_needs=rx.compile(r"^\s+(?:" + _alt(data["multiplier_word_needs"]) + r")\b", re.I),
        multiplier_clause_words=rx.compile(r"^\s+(?:" + _alt(data["multiplier_clause_words"]["words"]) + r")\b", re.I),
        multiplier_clause_copulas=frozenset(str(w).lower() for w in data["multiplier_clause_words"]["copulas"]),
        frequency_after=tuple(rx.compile(p, re.I) for p in data["frequency_after"]),
        cue_map=cues,
        cue_re=rx.compile(r"(?<![\w-])(?P<cue>" + cue_alt + r")(?![\w-])", re.I),
        change_before=int(data["change_window_before"]),
        change_after=int(data["change_window_after"]),
        pct_by=rx.compile(
            r"(?<![\w-])(?P<cue>" + cue_alt + r")(?:\s+[\w'’-]+){0," + str(int(data["percent_by_max_words"])) + r"}\s+by\s+$",
            re.I,
        ),
        pct_of=rx.compile(r"(?<![\w-])(?P<cue>" + cue_alt + r")\s+of\s+$", re.I),
        pct_direct=rx.compile(r"(?<![\w-])(?P<cue>" + cue_alt + r")\s+$", re.I),
        pct_after_cue=rx.compile(
            r"^\s*(?!(?:" + _alt(data["percent_cue_not_after"]) + r")\b)(?:[\w-]+\s+)?(?P<cue>" + cue_alt + r")(?![\w-])", re.I
        ),
        pct_of_number=rx.compile(r"(?<![\w-])(?:" + _alt(data["percent_of_words"]) + r")\s+of\s+(?=\S)", re.I),
        pct_of_blocked=rx.compile(
            r"(?:(?:^|[^\w-])(?:" + _alt(data["percent_of_not_after"]) + r")|\d|(?<![\w-])" + v.words + r")[\s%-]*$", re.I
        ),
        rank_ordinal=rx.compile(
            r"(?<![\w-])(?P<ord>\d+(?:st|nd|rd|th)|" + ordinal_words + r")(?P<hy>-(?:" + _alt(rank["hyphen_after"]) + r"))?(?![\w-])",
            re.I,
        ),
        rank_after=rx.compile(r"^\s+(?:" + _alt(rank["after"]) + r")(?![\w-])", re.I),
        rank_before=rx.compile(r"(?<![\w-])(?:" + _alt(rank["before"]) + r")\s+(?:the\s+)?$", re.I),
        rank_top_n=rx.compile(
            r"(?<![\w-])(?P<span>(?:" + _alt(rank["top_words"]) + r")(?:-[A-Za-z]+)?[\s-]+(?P<n>\d+|" + spelled + r"))(?![\w%.-]|\s*(?:%|percent))",
            re.I,
        ),
        rank_top_noun=rx.compile(
            r"(?<![\w-])the\s+(?P<span>" + _alt(rank["top_words"]) + r")\s+(?:" + _alt(rank["top_nouns"]) + r")(?![\w-])", re.I
        ),
        rank_negative=rx.compile(r"(?<![\w-])(?:" + _alt(rank["negative"]) + r")(?![\w-])", re.I),
        weight_units=weight_units,
        demonym_types=frozenset(data["demonym_entity_types"]),
        demonyms=frozenset(_norm(w) for w in data["demonyms"]),
        difference_after=rx.compile(r"[^\S\n]+(?:" + _alt(data["difference_after"]) + r")(?![\w-])", re.I),
        casualty_before=rx.compile(r"(?<![\w-])(?:" + _alt(casualty["verbs"]) + r")" + qualifier_gap, re.I),
        casualty_after=rx.compile(r"[^\S\n]+(?:" + _alt(casualty["after"]) + r")(?![\w-])", re.I),
        casualty_unit=str(casualty["unit"]),
        casualty_noun_deps=frozenset(str(d) for d in casualty["noun_deps"]),
        ellipsis_before=rx.compile(r"(?<![\w-])(?:" + _alt(data["ellipsis_after"]) + r")" + qualifier_gap, re.I),
        counting_verbs=frozenset(_norm(w) for w in data["counting_verbs"]),
        place_adverbs=frozenset(_norm(w) for w in data["place_adverbs"]),
        number_of_words=frozenset(_norm(w) for w in data["number_of_words"]),
        hyphen_word_number=rx.compile(
            r"(?<![\w-])(?:(?:" + _alt(w for w in v.tens if w not in ("a", "an")) + r")[-‐](?:" + spelled + r")|(?:" + spelled
            + r"))$",
            re.I,
        ),
        hyphen_word_after=rx.compile(r"(?<=[A-Za-z])[-‐](?=[^\W\d_])(?![-‐]?(?:" + spelled + r")(?![\w]))", re.I),
        irregular={_norm(str(k)): str(v) for k, v in data["parse_counts"]["irregular_plurals"].items()},
    )


def compiled(rules: Rules) -> Compiled:
    return rules.derived("counts", compile_rules)


# --- shared helpers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One number or one range ("60% to 75%") found in the text."""

    start: int
    end: int
    low_text: str
    high_text: str | None = None


@dataclass
class Reading:
    value: float
    low: float | None
    high: float | None
    spelled: bool
    has_magnitude: bool


#: key of the sentence and token bounds memoised in ``Doc.user_data``
_BOUNDS_KEY = "newsfacts.counts.bounds"


class Sentences:
    """Sentence (and line) bounds of a Doc, for windows that never cross a sentence."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        # built once per Doc (user counts and quantities both need them), never mutated
        bounds = doc.user_data.get(_BOUNDS_KEY)
        if bounds is None:
            sents = list(doc.sents)
            # the token starts read from the Doc's IDX column: iterating the Doc makes a Python Token per token
            token_starts = doc.to_array(IDX).tolist()
            bounds = ([s.start_char for s in sents] or [0], [s.end_char for s in sents] or [len(self.text)], token_starts)
            doc.user_data[_BOUNDS_KEY] = bounds
        self.starts, self.ends, self.token_starts = bounds
        self.doc = doc

    def bounds(self, pos: int) -> tuple[int, int]:
        """The sentence (and line) around ``pos``, at most ``MAX_WINDOW`` characters either side.

        Why the cap: every candidate searches its prefix and suffix, so on a hostile text with no
        sentence or line break (100 KB of "1,2.3,4 %") uncapped windows make the stage quadratic.
        News sentences are far shorter, so the cap never changes what ordinary text yields.
        """
        i = max(bisect_right(self.starts, pos) - 1, 0)
        start, end = max(self.starts[i], pos - MAX_WINDOW), min(self.ends[i], pos + MAX_WINDOW)
        start = max(start, self.text.rfind("\n", start, pos) + 1)
        nl = self.text.find("\n", pos, end)
        if nl != -1:
            end = min(end, nl)
        return start, max(end, pos)

    def before(self, pos: int, limit: int | None = None) -> str:
        start, _ = self.bounds(pos)
        if limit is not None:
            start = max(start, pos - limit)
        return self.text[start:pos]

    def after(self, pos: int, limit: int | None = None) -> str:
        _, end = self.bounds(max(pos - 1, 0))
        if limit is not None:
            end = min(end, pos + limit)
        return self.text[pos:end]

    def token_at_or_after(self, pos: int) -> int:
        return bisect_right(self.token_starts, pos - 1)


#: key of the number candidates memoised in ``Doc.user_data`` (with the id of the compiled rules they came from)
_CANDIDATES_KEY = "newsfacts.counts.candidates"


def doc_candidates(doc: Doc, text: str, c: Compiled) -> list[Candidate]:
    """``candidates(text, c)`` once per Doc: user counts and quantities both scan the same number grammar
    over the same text (0.07-0.10 s per 100k words each). The list is shared, so callers never mutate it."""
    memo = doc.user_data.get(_CANDIDATES_KEY)
    if memo is None or memo[0] != id(c):
        memo = (id(c), candidates(text, c, doc_matches(doc, c.number) if text is doc_text(doc) else None))
        doc.user_data[_CANDIDATES_KEY] = memo
    return memo[1]


def candidates(text: str, c: Compiled, matches: list[re.Match[str]] | None = None) -> list[Candidate]:
    """Every number, with adjacent pairs merged into ranges ("10-20 million", "between 10 and 20"), and the
    spelled-out forms the number pattern leaves alone: hyphenated ranges ("one-to-two hundred") and a bare
    magnitude with a fraction ("million-and-a-half"). ``matches``: ``c.number``'s matches over ``text``
    when the caller has them already (``doc_matches``)."""
    matches = list(c.number.finditer(text)) if matches is None else matches
    out: list[Candidate] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        if i + 1 < len(matches):
            n = matches[i + 1]
            gap = text[m.end() : n.start()]
            prefix = text[max(0, m.start() - 12) : m.start()]
            ranged = c.range_gap.match(gap) and not c.range_not_after.search(prefix)
            between = c.between_gap.match(gap) and c.between_before.search(prefix)
            # "60% to 75%": a percent sign inside the range needs one after it too; "in 1990 to 800,000"
            # is a year then a number, not a range
            year_then_number = _is_year(m.group(), c) and not _is_year(n.group(), c)
            if (ranged or between) and not year_then_number and ("%" not in gap or c.percent_after.match(text[n.end() :])):
                out.append(Candidate(m.start(), n.end(), m.group(), n.group()))
                i += 2
                continue
        out.append(Candidate(m.start(), m.end(), m.group()))
        i += 1
    extra = [Candidate(a, d, text[a:b], text[h:d]) for a, b, h, d in hyphen_ranges(text, c.numbers)]
    spans = [(k.start, k.end) for k in out]  # "an additional million-and-a-half" (not "a million and a half")
    extra += [Candidate(a, b, text[a:b]) for a, b in magnitude_fractions(text, c.numbers) if not _overlaps(a, b, spans)]
    return sorted(out + extra, key=lambda k: k.start) if extra else out


def _is_year(digits: str, c: Compiled) -> bool:
    """Four digits without a comma or magnitude in the year range of rules/counts.yaml ("1998")."""
    digits = digits.strip()
    return re.fullmatch(r"\d{4}", digits) is not None and c.year_range[0] <= int(digits) <= c.year_range[1]


def read(cand: Candidate, rules: Rules) -> Reading | None:
    """The value of a candidate via pipeline.numbers; None when it cannot be read."""
    try:
        if cand.high_text is None:
            parsed = parse_number(cand.low_text, rules)
            if parsed is None:
                return None
            return Reading(float(parsed.value), None, None, _spelled(cand.low_text), parsed.magnitude is not None)
        pair = parse_range(cand.low_text, cand.high_text, rules)
        high = parse_number(cand.high_text, rules)
        if pair is None or high is None or pair[0] >= pair[1]:
            return None  # (equal ends are no range: "a one-to-one meeting")
        low_v, high_v = _shared_multiplier(cand, pair, rules)
        return Reading(float((low_v + high_v) / Decimal(2)), float(low_v), float(high_v), _spelled(cand.low_text + cand.high_text), high.magnitude is not None)
    except (ArithmeticError, ValueError):
        return None


def _shared_multiplier(cand: Candidate, pair: tuple[Decimal, Decimal], rules: Rules) -> tuple[Decimal, Decimal]:
    """ "two to three hundred vehicles" is 200-300: a bare spelled low end smaller than the multiplier word
    that ends the high end ("hundred", "dozen") shares it, as a bare low end shares a magnitude
    (parse_range: "two to three million"); "ninety to a hundred" stays 90-100."""
    low, high = pair
    last = cand.high_text.split()[-1].lower() if cand.high_text and cand.high_text.split() else ""
    mult = (vocab(rules).multipliers or {}).get(last.rstrip("s")) or (vocab(rules).multipliers or {}).get(last)
    if mult is None or not _spelled(cand.low_text) or low >= mult or low != low.to_integral_value() or not low * mult <= high:
        return low, high
    return low * mult, high


def _whole_and_fraction(cand: Candidate, rules: Rules) -> bool:
    """A whole number of its magnitude and a part ("a million-and-a-half", "two and a half million": above the
    magnitude), not a part of one ("half a million", "a quarter of a million": below it, the labels' fraction)."""
    if cand.high_text is not None:
        return False
    parsed = parse_number(cand.low_text, rules)
    return parsed is not None and parsed.magnitude is not None and parsed.value > parsed.magnitude


def _spelled(text: str) -> bool:
    return not any(ch.isdigit() for ch in text)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _taken(found: dict[str, list[dict]], *tables: str) -> list[tuple[int, int]]:
    return [(r["start"], r["end"]) for t in tables for r in (found.get(t) or ()) if r.get("start") is not None]


def search_tail(pattern: re.Pattern, text: str, longest: int) -> re.Match | None:
    """``pattern.search(text)`` for a pattern anchored at the end (``...\\s*$``) whose phrases are at most
    ``longest`` characters: only the tail of ``text`` can hold a match, so only the tail is searched
    (searching a 1,000-character window from every position was the cost of hostile text). ``search``
    with a start position still lets look-behinds see the text before it, so the match is the same."""
    trailing = len(text) - len(text.rstrip())
    return pattern.search(text, max(0, len(text) - (3 * longest + trailing + 8)))


def qualifier(prefix: str, suffix: str, c: Compiled) -> tuple[str, int, int]:
    """(qualifier, chars of prefix it uses, chars of suffix it uses); "exact" when none is written."""
    after = c.qual_after.match(suffix)
    if after:
        return c.qual_after_map[_norm(after.group("q"))], 0, after.end()
    before = search_tail(c.qual_before, prefix, c.qual_before_longest)
    if before:
        return c.qual_before_map[_norm(before.group("q"))], len(prefix) - before.start(), 0
    return "exact", 0, 0


def _in_url(start: int, end: int, text: str, c: Compiled) -> bool:
    """True when the whitespace-free run around the span looks like a URL or a path."""
    lo, hi = max(0, start - MAX_WINDOW), min(len(text), end + MAX_WINDOW)  # bounded: see Sentences.bounds
    left = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), lo - 1) + 1
    right_candidates = [i for i in (text.find(" ", end, hi), text.find("\n", end, hi)) if i != -1]
    run = text[left : min(right_candidates) if right_candidates else hi]
    return any(marker in run for marker in c.url_markers)


def _is_noise(
    cand: Candidate, reading: Reading, text: str, c: Compiled, hyphen_unit: bool = False, spelled_ok: bool = False,
    year_ok: bool = False,
) -> bool:
    """Model codes, list markers, URLs, currency amounts, years and small spelled-out numbers.

    With ``hyphen_unit`` the text after the number is a measure ("185-acre"), not a model code; with
    ``spelled_ok`` (counts: "twelve people", "a crew of four" are counts, issue 15) small spelled-out
    numbers other than "one" pass ("one" is mostly a pronoun or an article: "one of them", "One rival
    executive"); user counts keep them out ("two users" is never a product's audience). With ``year_ok``
    the parse made a year-like number a count of the plural noun after it ("1885 aftershocks")."""
    if _in_url(cand.start, cand.end, text, c):
        return True
    before, after = text[max(0, cand.start - 20) : cand.start], text[cand.end : cand.end + 20]
    if any(p.search(before) for p in c.neg_before) or (not hyphen_unit and any(p.search(after) for p in c.neg_after)):
        return True
    if reading.spelled and not reading.has_magnitude and not (spelled_ok and reading.value > 1):
        return True
    if cand.high_text is None and _is_year(cand.low_text, c) and not year_ok:
        return True
    return False


def _singular(word: str, c: Compiled) -> str:
    for suffix, repl in c.singular:
        if word.lower().endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: len(word) - len(suffix)] + repl
    return word


def forward_noun(sents: Sentences, end: int, c: Compiled) -> str | None:
    """The counted noun right after a number ("6.25 million advertising placements" -> "ad placement")."""
    doc = sents.doc
    i = sents.token_at_or_after(end)
    if i < len(doc) and doc[i].text in ("+",):
        i += 1
    words: list = []
    for k in range(i, min(i + c.max_mods + 1, len(doc))):
        tok = doc[k]
        if _norm(tok.text) in c.not_counted or tok.is_sent_start:
            return None
        words.append(tok)
        if plural_modifier(tok, c):
            continue  # "three suspected weapons sites", "two people smugglers": the noun after it is counted
        phrase_words = [t.text for t in words]
        for j in range(len(phrase_words)):
            unit = c.counted_map.get(_norm(" ".join(phrase_words[j:])))
            if unit and (tok.tag_ in c.plural_tags or tok.text.lower().endswith("s") or j < len(phrase_words) - 1):
                return unit
        plain = tok.is_alpha and (tok.is_lower or (tok.text[:-1].isupper() and tok.text.endswith("s")))
        demonym = tok.ent_type_ in c.demonym_types or tok.text.lower() in c.demonyms
        if tok.tag_ in c.plural_tags and demonym and tok.is_title and tok.text.endswith("s"):
            return _singular(tok.text, c)  # "including 12 Americans" -> American
        if tok.tag_ in c.plural_tags and plain and tok.text.lower().endswith("s"):
            compounds = [t.text for t in words[:-1] if t.dep_ in c.labels["compound"] and t.head.i == tok.i and t.is_lower]
            return " ".join([*compounds, c.irregular.get(_norm(tok.text)) or _singular(tok.text, c)])  # "14,000 lives" -> life
        # a name may qualify the counted noun ("one million Conner shares", "20 Afghan soldiers")
        named = tok.is_title and tok.tag_ in c.name_modifier_tags
        if not (tok.tag_ in c.modifier_tags and (tok.is_lower or tok.is_upper or named) and not tok.is_stop):
            return None
    return None


def plural_modifier(tok: Token, c: Compiled) -> bool:
    """A plural noun that modifies the plural noun right after it: the parse makes it a compound of that noun
    ("three suspected weapons sites") or, mis-parsing, gives both the same head and label ("sentenced two people
    smugglers": two objects). The noun after it is what a number before it counts (rules/counts.yaml
    noun_tags plural, parse_labels compound)."""
    doc = tok.doc
    if tok.tag_ not in c.plural_tags or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.tag_ not in c.plural_tags or not nxt.is_lower or not tok.is_lower or not tok.whitespace_:
        return False
    return (tok.dep_ in c.labels["compound"] and tok.head.i == nxt.i) or (tok.head.i == nxt.head.i and tok.dep_ == nxt.dep_)


# --- counted noun from the parse (rules/counts.yaml parse_counts, count_exclusions, user_nouns) -----


PARSE_KEYS = ("number_deps", "head_tags", "unit_text_deps", "collective_nouns",
              "of_the_determiners", "of_before", "more_after", "more_before", "more_before_window", "year_count_not_after_tags", "numbering_verbs",
              "irregular_plurals", "hyphen_noun_not", "hyphen_group_adjectives", "of_the_adjective_tags",
              "partitive_verb_links", "object_number_preps", "number_on_number_deps", "number_tags",
              "fraction_count_deps", "fraction_rate_words", "model_plural", "hyphen_noun_not_before",
              "reaching_min_value", "ordinal_entity_types",
              "of_the_body_entity_types", "comparative_number_deps", "comparative_tags",
              "size_nouns", "size_preps", "group_adjective_deps", "group_appos_deps", "rate_nouns",
              "estimate_nouns", "alternative_coordinators", "list_separator_tags", "elided_head_tags", "hedge_deps",
              "reported_clause_deps", "whole_after", "partitive_anaphors", "unhyphenated_determiners",
              "singular_endings", "number_brackets")
EXCLUSION_KEYS = ("name_before_tags", "label_before", "score_nouns", "era_after", "vague_words", "not_count_heads",
                  "age_words", "superlative_tags", "superlative_determiners", "code_min_digits",
                  "singular_head_tags", "age_verbs", "fraction_words", "proportion_bases", "place_entity_types",
                  "date_entity_types", "proportion_one_words", "quote_tags", "age_appos_entity_types")


@dataclass(frozen=True)
class ParseRules:
    """rules/counts.yaml sections read by the parse-based count rule, compiled once."""

    number_deps: frozenset[str]
    head_tags: frozenset[str]
    irregular: dict[str, str]
    unit_text_deps: frozenset[str]
    collective: frozenset[str]
    of_dets: frozenset[str]
    of_before: frozenset[str]
    more_after: re.Pattern
    #: "an additional million-and-a-half": a word right before a number that adds to the count before it
    more_before: re.Pattern
    #: how many characters before the number ``more_before`` is looked for in
    more_before_window: int
    year_not_after_tags: frozenset[str]
    era_after: re.Pattern
    age_before: re.Pattern
    vague: re.Pattern
    numbering: frozenset[str]
    hyphen_noun_not: frozenset[str]
    hyphen_group: frozenset[str]
    of_the_adjective_tags: frozenset[str]
    partitive_links: frozenset[str]
    object_preps: frozenset[str]
    number_on_number: frozenset[str]
    number_tags: frozenset[str]
    fraction_deps: frozenset[str]
    #: "a three round election", "the two party system": determiners before a size written without its hyphen
    unhyphenated_dets: frozenset[str]
    #: endings of a word in "s" that is no plural ("class", "virus"): ``_untagged_plural``
    singular_endings: tuple[str, ...]
    #: opening bracket -> closing bracket around a lone number ("its {four} businesses")
    number_brackets: dict[str, str]
    fraction_rate: re.Pattern
    model_plural: re.Pattern
    hyphen_not_before: frozenset[str]
    reaching_min: float
    code_digits: re.Pattern
    singular_head_tags: frozenset[str]
    age_verb_before: re.Pattern
    #: characters of the longest age verb and qualifier together (search_tail)
    age_verb_longest: int
    fraction: re.Pattern
    proportion_after: re.Pattern
    proportion_before: re.Pattern
    #: "one in three people": "one" and a word of count_exclusions proportion_one_words before the base
    proportion_one_in: re.Pattern
    #: the same seen from "one": a word of proportion_one_words and a number after it
    proportion_one_after: re.Pattern
    proportion_bases: frozenset[str]
    place_entity_types: frozenset[str]
    date_entity_types: frozenset[str]
    name_before_tags: frozenset[str]
    label_before: frozenset[str]
    score_nouns: frozenset[str]
    not_count_heads: frozenset[str]
    superlative_tags: frozenset[str]
    superlative_dets: frozenset[str]
    user_nouns: dict[str, str]
    not_user_nouns: frozenset[str]
    user_bodies: frozenset[str]
    user_events: frozenset[str]
    user_gap_preps: frozenset[str]
    #: "while X reports about 250 million": the largest ratio between a gapped user count and the one before it
    user_elided_ratio: float
    #: "500 drivers had gathered": verbs whose subject is a crowd, not a product's users
    user_crowd_verbs: frozenset[str]
    #: "90,000 schools now use Zoom": verb -> metric for the subject counted by a number
    user_verbs: dict[str, str]
    #: "12 original members of NATO": names of bodies of states; a user noun in a sentence naming one is a count
    user_state_bodies: re.Pattern | None
    #: "160,000 members of the Conservatives": entity types of an owner that is a body of people (NORP)
    user_body_entity_types: frozenset[str]
    #: "members of the party": bodies that count their members only as their owner, never as a sized group
    user_owner_bodies: frozenset[str]
    #: "a qualified minor party with at least 1,000 members": a preposition whose object is owned by the noun before it
    user_owner_preps: frozenset[str]
    user_metric_modifiers: tuple[tuple[str, str], ...]
    #: unit symbols of rules/counts.yaml measures.symbols (case-sensitive): one written apart right after a
    #: number is what the number measures, never part of a counted noun ("the 400 m hurdles")
    unit_symbols: frozenset[str]
    #: entity types of a rank word ("first"): "the first victim of the eight"
    ordinal_entity_types: frozenset[str]
    #: entity types of a body of people counted after "N of the" ("3000 of the National Guard")
    of_the_body_types: frozenset[str]
    #: "about 3 million more subscribers": the number's label under a comparative, and the comparative's tags
    comparative_deps: frozenset[str]
    comparative_tags: frozenset[str]
    #: "The total population ... is about 7.5 million": group nouns whose size a bare number predicated of them states
    size_nouns: frozenset[str]
    #: "estimated the population at just over one million": the prepositions that carry that size
    size_preps: frozenset[str]
    #: "turned out more than 2.9 million strong": the number's label under a group adjective ("strong")
    group_adjective_deps: frozenset[str]
    #: "The rebels, some 5,000 strong, attacked": the number's label under the noun when the adjective hangs on it
    group_appos_deps: frozenset[str]
    #: tags of quotation marks: a number inside a quoted modifier ('the "one country, two systems" model') is a name
    quote_tags: frozenset[str]
    #: "creating jobs at a rate of 358,000 a month": nouns of a rate whose "of N" counts the verb's object
    rate_nouns: frozenset[str]
    #: "far above the 235,000 forecast by economists": nouns of an estimate of the count before it
    estimate_nouns: frozenset[str]
    #: "four or five people": coordinators that join two numbers as alternatives (both approximate)
    alternative_coordinators: frozenset[str]
    #: "Nigel Judah, 58, finance director": entity types of a name whose apposed bare number is an age
    age_appos_types: frozenset[str]
    #: "two cases were aged above 60, two between 51 and 60": tags of the token before a list item
    list_separator_tags: frozenset[str]
    #: "two semi-automatic, two shotguns": tags of a word heading a number whose noun is elided
    elided_head_tags: frozenset[str]
    #: "very few, maybe not even five or ten": labels of a hedge on a number apposed to a plural noun
    hedge_deps: frozenset[str]
    #: "Analysts said the two would merge": labels of a reported clause, whose speaker is never the antecedent
    reported_deps: frozenset[str]
    #: "17 out of 18 districts": the words after a number that lead to the whole it is part of
    whole_after: re.Pattern
    #: "killing at least 12 of them": anaphors after a number that may stand for the nearest plural noun before it
    partitive_anaphor: re.Pattern


def _compile_parse(rules: Rules) -> ParseRules:
    data = rules.get("counts")
    where = str(rules.path("counts"))
    check_keys(data["parse_counts"], where=f"{where}: parse_counts", required=PARSE_KEYS)
    check_keys(data["count_exclusions"], where=f"{where}: count_exclusions", required=EXCLUSION_KEYS)
    p, x = data["parse_counts"], data["count_exclusions"]

    def words(items) -> frozenset[str]:  # noqa: ANN001
        return frozenset(_norm(str(w)) for w in items)

    endings = p["singular_endings"]
    if isinstance(endings, str) or not all(isinstance(w, str) and w for w in endings):  # a string: a tuple of letters
        raise RulesError(f"{where}: parse_counts.singular_endings: want a list of word endings, got {endings!r}")
    brackets = p["number_brackets"]
    if not isinstance(brackets, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in brackets.items()):
        raise RulesError(f"{where}: parse_counts.number_brackets: want a mapping of opening to closing bracket, got {brackets!r}")
    mods = sorted(((_norm(k), str(v)) for k, v in data["user_metric_modifiers"].items()), key=lambda kv: -len(kv[0]))
    return ParseRules(
        number_deps=frozenset(p["number_deps"]),
        head_tags=frozenset(p["head_tags"]),
        irregular={_norm(str(k)): str(v) for k, v in p["irregular_plurals"].items()},
        unit_text_deps=frozenset(p["unit_text_deps"]),
        collective=words(p["collective_nouns"]),
        of_dets=words(p["of_the_determiners"]),
        of_before=words(p["of_before"]),
        more_after=rx.compile(r"[^\S\n]+(?:" + _alt(p["more_after"]) + r")(?![\w-])", re.I),
        more_before=rx.compile(r"(?<![\w-])(?:" + _alt(p["more_before"]) + r")[^\S\n]+$", re.I),
        more_before_window=check_windows(
            {"more_before_window": p["more_before_window"]}, where=f"{where}: parse_counts", keys=("more_before_window",)
        )["more_before_window"],
        year_not_after_tags=frozenset(p["year_count_not_after_tags"]),
        age_before=rx.compile(
            r"(?<![\w-])(?:" + _alt(x["age_words"]) + r")[^\S\n]+(?:(?:" + _alt(data["between_words"]) + r")[^\S\n]+)?$", re.I
        ),
        vague=rx.compile(r"(?<![\w-])(?:" + _alt(x["vague_words"]) + r")(?![\w-])", re.I),
        era_after=rx.compile(r"[^\S\n]+(?:" + "|".join(re.escape(str(w)) for w in sorted(x["era_after"], key=len, reverse=True)) + r")(?![\w])"),
        numbering=words(p["numbering_verbs"]),
        hyphen_noun_not=words(p["hyphen_noun_not"]),
        hyphen_group=words(p["hyphen_group_adjectives"]),
        of_the_adjective_tags=frozenset(p["of_the_adjective_tags"]),
        partitive_links=frozenset(p["partitive_verb_links"]),
        object_preps=words(p["object_number_preps"]),
        number_on_number=frozenset(p["number_on_number_deps"]),
        number_tags=frozenset(p["number_tags"]),
        fraction_deps=frozenset(p["fraction_count_deps"]),
        unhyphenated_dets=words(p["unhyphenated_determiners"]),
        singular_endings=tuple(_norm(str(w)) for w in endings),
        number_brackets=dict(brackets),
        model_plural=rx.compile(str(p["model_plural"])),
        hyphen_not_before=words(p["hyphen_noun_not_before"]),
        reaching_min=float(p["reaching_min_value"]),
        code_digits=rx.compile(r"\d{%d,}" % int(x["code_min_digits"])),
        singular_head_tags=frozenset(x["singular_head_tags"]),
        age_verb_longest=max(len(str(w)) for w in x["age_verbs"]) + max(len(w) for w in qualifier_words(data)) + 1,
        age_verb_before=rx.compile(
            r"(?<![\w-])(?:" + _alt(x["age_verbs"]) + r")[^\S\n]+(?:(?:" + _alt(qualifier_words(data)) + r")[^\S\n]+)?$", re.I
        ),
        fraction=rx.compile(r"(?<![\w-])(?:" + _alt(x["fraction_words"]) + r")(?![\w-])", re.I),
        proportion_after=rx.compile(
            r"[^\S\n]+(?:out[^\S\n]+)?of[^\S\n]+(?:every[^\S\n]+)?(?:" + _alt(x["proportion_bases"]) + r")(?![\w,.-]|[.,]\d)", re.I
        ),
        proportion_bases=frozenset(_norm(str(w)) for w in x["proportion_bases"]),
        place_entity_types=frozenset(x["place_entity_types"]),
        date_entity_types=frozenset(x["date_entity_types"]),
        proportion_one_in=rx.compile(
            r"(?<![\w-])(?:one|1)[^\S\n]+(?:" + _alt(x["proportion_one_words"]) + r")[^\S\n]+(?:every[^\S\n]+)?$", re.I
        ),
        proportion_one_after=rx.compile(
            r"[^\S\n]+(?:" + _alt(x["proportion_one_words"]) + r")[^\S\n]+(?:every[^\S\n]+)?(?:\d|" + vocab(rules).words + r"(?![\w-]))",
            re.I,
        ),
        proportion_before=rx.compile(
            r"(?:\d|(?<![\w-])" + vocab(rules).words + r")[^\S\n]+(?:out[^\S\n]+)?of[^\S\n]+(?:every[^\S\n]+)?$", re.I
        ),
        fraction_rate=rx.compile(r"[^\S\n]+(?:" + _alt(p["fraction_rate_words"]) + r")[^\S\n]+\d", re.I),
        name_before_tags=frozenset(x["name_before_tags"]),
        label_before=words(x["label_before"]),
        score_nouns=words(x["score_nouns"]),
        not_count_heads=words(x["not_count_heads"]),
        superlative_tags=frozenset(x["superlative_tags"]),
        superlative_dets=words(x["superlative_determiners"]),
        user_nouns={_norm(str(k)): str(v) for k, v in data["user_nouns"].items()},
        not_user_nouns=words(data["not_user_nouns"]),
        user_bodies=words(data["user_noun_bodies"]),
        user_events=words(data["user_noun_events"]),
        user_gap_preps=words(data["user_gap_preps"]),
        user_elided_ratio=float(data["user_elided_max_ratio"]),
        user_crowd_verbs=words(data["user_noun_crowd_verbs"]),
        user_verbs={_norm(str(k)): str(v) for k, v in data["user_verbs"].items()},
        user_state_bodies=rx.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(str(w)) for w in sorted(data["user_noun_state_bodies"], key=len, reverse=True))
            + r")(?![\w-])") if data["user_noun_state_bodies"] else None,
        user_body_entity_types=frozenset(str(t) for t in data["user_noun_body_entity_types"]),
        user_owner_preps=words(data["user_noun_owner_preps"]),
        user_owner_bodies=words(data["user_noun_owner_bodies"]),
        user_metric_modifiers=tuple(mods),
        unit_symbols=frozenset(str(w) for w in data["measures"]["symbols"]),
        ordinal_entity_types=frozenset(p["ordinal_entity_types"]),
        of_the_body_types=frozenset(p["of_the_body_entity_types"]),
        comparative_deps=frozenset(p["comparative_number_deps"]),
        comparative_tags=frozenset(p["comparative_tags"]),
        size_nouns=words(p["size_nouns"]),
        size_preps=words(p["size_preps"]),
        group_adjective_deps=frozenset(p["group_adjective_deps"]),
        group_appos_deps=frozenset(p["group_appos_deps"]),
        quote_tags=frozenset(str(t) for t in x["quote_tags"]),
        rate_nouns=words(p["rate_nouns"]),
        estimate_nouns=words(p["estimate_nouns"]),
        alternative_coordinators=words(p["alternative_coordinators"]),
        age_appos_types=frozenset(x["age_appos_entity_types"]),
        list_separator_tags=frozenset(str(t) for t in p["list_separator_tags"]),
        elided_head_tags=frozenset(str(t) for t in p["elided_head_tags"]),
        hedge_deps=frozenset(str(t) for t in p["hedge_deps"]),
        reported_deps=frozenset(str(t) for t in p["reported_clause_deps"]),
        partitive_anaphor=rx.compile(r"^\s*(?:" + _alt(p["partitive_anaphors"]) + r")\b", re.I),
        whole_after=rx.compile(r"[^\S\n]+(?:" + _alt(p["whole_after"]) + r")[^\S\n]+", re.I),
    )


def qualifier_words(data: dict) -> list[str]:
    """Every qualifier phrase of rules/counts.yaml written before a number ("just", "about", "at least")."""
    return [str(p) for phrases in data["qualifiers_before"].values() for p in phrases]


def parse_rules(rules: Rules) -> ParseRules:
    return rules.derived("counts_parse", _compile_parse)


@dataclass(frozen=True)
class CountedNoun:
    """The noun a number counts: its head token, lemma (``unit`` in the singular), the noun with its
    modifiers (``unit_text``) and the rule that found it."""

    head: Token
    lemma: str
    unit: str
    unit_text: str
    rule: str


def _number_token(sents: Sentences, cand: Candidate) -> Token | None:
    """The token of the number that hangs from outside it ("million" in "3.4 million homes")."""
    span = sents.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return outside[-1] if outside else span[-1]


def _superlative_cut(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A number between "the" and a superlative, in the object of a preposition, is the size of a ranked
    set, not a count: "among the 10 largest bank holding companies", "one of the two most popular apps"
    (rules/counts.yaml count_exclusions superlative_tags, superlative_determiners); "the two larger
    parties", "his three best friends" and a subject or object ("The three best performers in this
    contest are awarded") stay counts."""
    doc = sents.doc
    i = sents.token_at_or_after(cand.end)
    first = sents.token_at_or_after(cand.start)
    if i >= len(doc) or first == 0 or doc[i].tag_ not in pr.superlative_tags:
        return False
    if _norm(doc[first - 1].text) not in pr.superlative_dets:
        return False
    tok = _number_token(sents, cand)
    return tok is None or tok.head.dep_ in c.labels["prep_object"]


def _fraction_count(cand: Candidate, reading: Reading, noun: CountedNoun | None, glued: bool, sents: Sentences,
                    c: Compiled, pr: ParseRules, rules: Rules) -> bool:
    """A decimal without a magnitude word is a count only when the parse makes it the number of a
    plural noun right after it ("23.5 common shares", "1.439 shares of common stock", "1.5 children per
    woman"), or of a singular noun when it is below one ("0.82 share for each Williams share"): never a
    scale or a rating ("a 7.0 magnitude quake", "3.5 stars": rules/counts.yaml hyphen_noun_not), never
    a statistic's rate ("18.9 deaths per 100,000 people": fraction_rate_words), never a word pint reads
    as a unit that measures.deny keeps from being a measure ("0.002 moles of oxygen per cubic meter")."""
    from pipeline.extract.measures import measure_rules

    if glued or noun is None or noun.rule != "count_parse_noun" or cand.high_text is not None:
        return False
    if pr.fraction_rate.match(sents.text, noun.head.idx + len(noun.head.text)):
        return False
    if noun.head.lower_ in measure_rules(rules).deny or noun.lemma in measure_rules(rules).deny:
        return False
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in pr.fraction_deps or tok.head.i != noun.head.i:
        return False
    if noun.lemma in pr.hyphen_noun_not:
        return False
    return noun.head.tag_ in c.plural_tags or reading.value < 1


def _is_label(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, rules: Rules) -> bool:
    """A number inside a name or a label: a proper noun right before it ("Flight 217", "Boeing 737",
    "Fortune 500"; not before a unit pint knows: "placed Humberto 75 miles north") or a label word ("page
    12", "Route 66", "section 3"); or an age: an age word before it, a bound between them or not ("two aged
    fourteen", "cases aged above 60")."""
    prefix = sents.before(cand.start, 80)  # an age word, a bound and "between" fit in it
    if "age" in prefix.lower():
        bound = search_tail(c.qual_before, prefix, c.qual_before_longest)
        if pr.age_before.search(prefix[: bound.start()] if bound else prefix):
            return True
    doc = sents.doc
    i = sents.token_at_or_after(cand.start) - 1
    if i < 0 or doc[i].idx + len(doc[i]) > cand.start or doc[i].is_punct:
        return False
    prev = doc[i]
    if _norm(prev.text) in pr.label_before:
        return True
    named = prev.tag_ in pr.name_before_tags and (prev.is_title or prev.is_upper) and not prev.is_sent_start
    if not named or prev.ent_type_ in c.demonym_types or _gapped_after_name(prev, sents.doc[i + 1], c):
        return False
    from pipeline.extract.measures import measure_after

    found = measure_after(sents.text, cand.end, rules)
    return found is None or found.duration  # "placed Humberto 75 miles (120 kilometers) north": a measure, not a name


def _gapped_after_name(name: Token, tok: Token, c: Compiled) -> bool:
    """Is ``tok`` a number the parse hangs on the name right before it, that name being a conjunct of a noun
    counted by a number ("Biden had been awarded 453 delegates and Sanders 382": a gapped "Sanders [had
    been awarded] 382 [delegates]"), not a name's number ("Flight 217")?"""
    lab = c.labels
    if tok.head.i != name.i or tok.dep_ not in lab["number_modifier"] or name.dep_ not in lab["conjunct"]:
        return False
    if any(k.dep_ in lab["determiner"] for k in name.children):
        return False  # "20 trucks and a Boeing 737": a model after an article
    noun = name.head
    return noun.i < name.i and any(k.dep_ in lab["number_modifier"] and k.like_num for k in noun.children)


def _gapped_after_subject(subject: Token, tok: Token, c: Compiled) -> bool:
    """Is ``tok`` the last word of a gapped clause, a number the parse hangs on the subject right before it, that
    subject being a conjunct of a verb whose object a number counts: "The opposition alliance won 212 seats, and a
    Kurdish-backed alliance 66", "Warren won 8 delegates, and Klobuchar 7" (a gapped "[won] 66 [seats]")."""
    lab = c.labels
    if tok.head.i != subject.i or tok.dep_ not in lab["number_modifier"] or subject.dep_ not in lab["conjunct"]:
        return False
    verb = subject.head
    if verb.i > subject.i or verb.tag_ not in c.verb_tags or any(k.i > tok.i for k in subject.children):
        return False
    return any(k.dep_ in lab["verb_object"] and k.i < subject.i and any(
        n.dep_ in lab["number_modifier"] and n.like_num for n in k.children) for k in verb.children)


def _head_ok(head: Token, c: Compiled, pr: ParseRules) -> bool:
    """A head noun that can be counted: a common noun (or a demonym), not a time, label or score word."""
    lemma = _lemma(head, c, pr)
    if lemma in pr.not_count_heads or lemma in pr.score_nouns:
        return False
    if lemma not in pr.user_nouns and (_norm(head.text) in c.not_counted or lemma in c.not_counted):
        return False
    demonym = head.ent_type_ in c.demonym_types or head.text.lower() in c.demonyms
    if demonym and head.tag_ in c.plural_tags:
        return True
    cased = head.is_lower or head.is_upper or (head.is_sent_start and head.text[1:].islower())  # "Soldiers numbering 600"
    return head.tag_ in pr.head_tags and cased and any(ch.isalpha() for ch in head.text)


def _lemma(tok: Token, c: Compiled, pr: ParseRules) -> str:
    """The singular of a noun (the pipeline runs no lemmatizer): irregular plurals of rules/counts.yaml,
    else the suffix rules for a plural tag; a singular noun as written."""
    word = _norm(tok.text)
    if word in pr.irregular:
        return pr.irregular[word]
    if tok.tag_ in c.plural_tags or (tok.tag_ in pr.singular_head_tags and _untagged_plural(tok, c, pr)):
        return _norm(_singular(tok.text, c))
    return word


def _untagged_plural(tok: Token, c: Compiled, pr: ParseRules) -> bool:
    """A plural the tagger reads as a singular noun (words it has not seen: "52 cafés", "3,800 robotaxis"): it ends
    in "s" (not in one of rules/counts.yaml parse_counts singular_endings: "ss", "us") and a number other than one
    modifies it."""
    word = tok.lower_
    if not word.endswith("s") or word.endswith(pr.singular_endings):
        return False
    return any(k.dep_ in c.labels["number_modifier"] and k.like_num and k.lower_ not in ("one", "1") for k in tok.children)


def _counted(head: Token, tok: Token, rule: str, c: Compiled, pr: ParseRules) -> CountedNoun:
    """unit = the head's lemma (a demonym as written, singular: "Americans" -> American); unit_text keeps
    the modifiers between the number and the head that hang from it ("regional airport control tower")."""
    glued = _glued_word(head)
    doc = head.doc
    first = head.i  # where the counted word starts
    if glued is None and head.i - 2 > tok.i and _is_hyphen(doc[head.i - 1]) and not doc[head.i - 1].whitespace_ \
            and not doc[head.i - 2].whitespace_ and doc[head.i - 2].is_alpha and head.tag_ in c.plural_tags:
        glued, first = doc[head.i - 2 : head.i + 1].text, head.i - 2  # "the 12 first-graders" (the number hangs on "graders")
    if glued is not None:  # "co-authors" (parsed "co", "-", "authors") -> co-author
        unit = _singular(glued, c)
    else:
        unit = _lemma(head, c, pr) if head.is_lower or head.is_upper or (
            head.is_sent_start and head.ent_type_ not in c.demonym_types) else _singular(head.text, c)
    between = head.doc[tok.i + 1 : first] if tok.i < first else ()
    inside = range(tok.i + 1, head.i + 1)
    mods = [t for t in between if t.dep_ in pr.unit_text_deps and t.head.i in inside]
    doc = head.doc
    while mods and mods[0].i - 2 > tok.i and _is_hyphen(doc[mods[0].i - 1]) and not doc[mods[0].i - 1].whitespace_ \
            and not doc[mods[0].i - 2].whitespace_:
        mods.insert(0, doc[mods[0].i - 2])  # the first half of a hyphenated modifier ("light-hearted joke")
    text = " ".join([*(t.text for t in mods), unit])
    if mods and any(t.dep_ in c.labels["conjunct"] for t in between):
        # coordinated modifiers are kept as written ("Bronco and Bronco Sport vehicle")
        text = " ".join(head.doc[mods[0].i : head.i].text.split()) + " " + unit
    elif mods and all(t in mods or _is_hyphen(t) for t in head.doc[mods[0].i : head.i]):
        # modifiers glued by hyphens are kept as written ("part-time worker", not "part time worker")
        text = " ".join(head.doc[mods[0].i : head.i].text.split()) + " " + unit
    return CountedNoun(head, _norm(unit), unit, text, rule)


def _quoted_name(cand: Candidate, noun: CountedNoun, sents: Sentences, pr: ParseRules) -> bool:
    """Whether the number stands inside quotation marks and its counted noun modifies a noun after the
    closing mark: a quoted name, slogan or label ('governed under the "one country, two systems" model',
    'the "three strikes" law'), never a count. A quote that is a phrase of its own ('said "two people
    died"') is not one: its noun modifies nothing after the mark."""
    head = noun.head
    outer = head.head
    if head.dep_ not in pr.unit_text_deps or outer.i <= head.i:
        return False
    doc = head.doc
    if not any(t.tag_ in pr.quote_tags for t in doc[head.i + 1 : outer.i]):
        return False
    tok = _number_token(sents, cand)
    if tok is None:
        return False
    for t in reversed(doc[doc[tok.i].sent.start : tok.i]):
        if t.tag_ in pr.quote_tags:
            return not t.whitespace_  # the nearest mark before the number opens a quote (glued to its first word)
    return False


def _is_hyphen(tok: Token) -> bool:
    return tok.text in ("-", "‐")


def _glued_word(tok: Token) -> str | None:
    """The hyphenated word a token opens when the tokenizer split it ("co", "-", "authors"), else None."""
    doc, i = tok.doc, tok.i
    while i + 2 < len(doc) and not doc[i].whitespace_ and _is_hyphen(doc[i + 1]) and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
        i += 2
    return doc[tok.i : i + 1].text if i > tok.i else None


def counted_noun(sents: Sentences, cand: Candidate, c: Compiled, pr: ParseRules) -> CountedNoun | None:
    """The noun the parse makes the number count, else None. In order: the number modifies a noun after
    it ("149 regional airport control towers": nummod/quantmod/compound); "5,000 of the residents"; "the
    protesters, numbering 3,000"; "a team of 30", "a crew of four" (a collective noun)."""
    if sents.text[cand.end : cand.end + 1].isalpha():
        return None  # glued letters: an ordinal, a model or a generation ("21st", "737MAX", "5G")
    tok = _number_token(sents, cand)
    if tok is None:
        return None
    head = tok.head
    if head.tag_ in pr.name_before_tags and head.dep_ in pr.unit_text_deps and head.head.i > head.i and tok.dep_ in pr.number_deps:
        head = head.head  # "200,000 Bronco and Bronco Sport vehicles": the parse hangs the number on the name
    if tok.dep_ in pr.number_on_number and head.tag_ in pr.number_tags and head.i > tok.i:
        before = sents.text[max(0, head.idx - 20) : head.idx]
        if any(p.search(before) for p in c.neg_before):
            return None  # "three per 100,000 people": the other number is a rate's base
        tok, head = head, head.head  # "from 1,200 to 1,500 workers": 1,200 counts what 1,500 counts
    if tok.dep_ in pr.number_deps and head.i > tok.i and plural_modifier(head, c):
        head = head.doc[head.i + 1]  # "two people smugglers" (parsed as two objects): the smugglers are counted
    number_dep = tok.dep_ in pr.number_deps
    if tok.dep_ in pr.comparative_deps and head.tag_ in pr.comparative_tags and head.i == tok.i + 1 \
            and head.dep_ in pr.unit_text_deps and head.head.i > head.i:
        head, number_dep = head.head, True  # "about 3 million more subscribers": the number hangs on "more"
    # words between the number and its noun, a hyphenated word as one ("two pro-British Protestant towns")
    glued = sum(2 for t in head.doc[tok.i + 1 : head.i] if _is_hyphen(t) and not t.whitespace_) if head.i > tok.i else 0
    if number_dep and head.i > tok.i and head.i - tok.i - glued <= c.max_mods + 3:
        between = head.doc[tok.i + 1 : head.i]
        # modifiers of the noun, or of the number itself ("4 or more people")
        # a quoted noun phrase is still the counted noun ('26 "armed criminals" had been killed'; a quoted name
        # that modifies a noun after it is not: _quoted_name)
        closing = _closing_bracket(tok, pr)  # "its {four} businesses": the brackets around the number only
        if all(t.head.i == head.i or t.head.i in range(tok.i, head.i) for t in between) and not any(
            t.is_punct and t.text not in ("-", "‐") and t.tag_ not in pr.quote_tags and t.i != closing for t in between
        ):
            if _code_number(cand, head, c, pr):
                return None  # "its 80486 computer chip": a model or code number, not a count
            if between and tok.whitespace_ and between[0].text in pr.unit_symbols:
                return None  # "the 400 m hurdles", "keep 2 m distance": the number measures the symbol's unit
            if any(_norm(t.text) in c.not_counted and not _is_hyphen(t.doc[t.i - 1]) for t in between):
                return None  # "a forty or fifty minute team": the size of a time, not a count of teams ("part-time" is a word)
            if _head_ok(head, c, pr) or _title_plural(head, tok, c, pr) or pr.model_plural.match(head.text):
                return _counted(head, tok, "count_parse_noun", c, pr)  # "eighteen B-17s" -> B-17
            if cand.high_text is None and _lemma(head, c, pr) in pr.score_nouns and len(between) == 1:
                return _score_modifier(between[0], head, tok, c, pr)  # "with a 149 vote margin": votes
            body = _partitive_body(head, c, pr)
            if body is not None:
                return CountedNoun(head, body, body, body, "count_of_the_body")  # "five of the nine CentOS Governing Board"
        return None
    lab = c.labels
    preps = _of_preps(tok, c, pr)
    if cand.high_text is not None and not preps:  # "275 to 350 of its 21,000 jobs": "of" hangs on 350
        high = sents.doc.char_span(cand.end - len(cand.high_text), cand.end, alignment_mode="expand")
        preps = _of_preps(high[-1], c, pr) if high is not None and len(high) else []
    for prep in preps:
        for noun in (t for t in prep.children if t.dep_ in lab["prep_object"] and t.tag_ in c.plural_tags):
            # "the residents", "its models", "the territory's delegates" (a possessive noun phrase)
            dets = [t for t in noun.children if t.dep_ in lab["determiner"]
                    or (t.dep_ in lab["possessive"] and not any(k.dep_ in lab["possessive_marker"] for k in t.children))]
            if all(_norm(d.text) in pr.of_dets for d in dets) and _head_ok(noun, c, pr):
                return _counted(noun, noun, "count_of_the", c, pr)
        for adj in (t for t in prep.children if t.dep_ in lab["prep_object"] and _adjective_noun(t, c, pr)):
            return CountedNoun(adj, _norm(adj.text), _norm(adj.text), _norm(adj.text), "count_of_the_adjective")
        for body in (t for t in prep.children if t.dep_ in lab["prep_object"] and t.ent_type_ in pr.of_the_body_types):
            name = _body_name(body, c, pr)
            if name is not None:
                return CountedNoun(body, name, name, name, "count_of_the_body")  # "3000 of the National Guard"
    if tok.dep_ in lab["verb_object"] and _norm(head.text) in pr.numbering:
        # "the protesters, numbering 3,000", "Soldiers numbering 600" (the verb modifies the noun), or "a crowd
        # numbering about 20,000 gathered" (the parser makes the noun the verb's subject); a plural or a
        # collective noun ("crowd": collective_nouns)
        nouns = [head.head] if head.dep_ in lab["noun_clause"] else [
            t for t in head.children if t.dep_ in lab["subject"] and t.i == head.i - 1]
        for noun in nouns:
            if (noun.tag_ in c.plural_tags or _norm(noun.text) in pr.collective) and _head_ok(noun, c, pr):
                return _counted(noun, noun, "count_numbering", c, pr)
    if tok.dep_ in lab["prep_object"] and head.lower_ == c.of_word and _norm(head.head.text) in pr.collective:
        group = head.head
        if group.tag_ not in c.plural_tags and group.is_lower:
            return _counted(group, group, "count_collective", c, pr)
    return None


def _score_modifier(word: Token, head: Token, tok: Token, c: Compiled, pr: ParseRules) -> CountedNoun | None:
    """ "with a 149 vote margin": one number (not a pair, which is a score: "a 52-48 vote") before a
    singular noun modifying a score noun counts that noun (votes), unless it is a word of a score or a time
    ("a 20 point lead", "a 3 goal lead": count_exclusions not_count_heads)."""
    lemma = _lemma(word, c, pr)
    if word.dep_ not in pr.unit_text_deps or word.head.i != head.i or word.tag_ not in pr.singular_head_tags or not word.is_lower:
        return None
    if lemma in pr.not_count_heads or lemma in c.not_counted:
        return None
    return CountedNoun(word, lemma, lemma, lemma, "count_score_noun")


def _names_one(noun: CountedNoun, reading: Reading, c: Compiled, pr: ParseRules) -> bool:
    """A number above one on a singular noun that heads its phrase names one thing, it counts none: a
    call sign read out ("TWA's eight hundred heavy climb", "TWA eight hundred center"), a model or a
    label the name rules cannot see. A count of more than one takes a plural, unless the noun is an
    invariant plural or a collective ("3000 crew", "five Armed Forces personnel": rules/counts.yaml
    irregular_plurals, collective_nouns), modifies a noun after it ("a 3 bedroom house"; not a rating
    of hyphen_noun_not: "a five star hotel") or is a measure of a plural ("40 head of cattle"). A noun
    glued by a hyphen to a stop word is an adjective standing for people ("the sixteen on-board")."""
    head = noun.head
    if noun.rule != "count_parse_noun" or reading.value <= 1 or head.tag_ not in pr.singular_head_tags:
        return False
    if any(k.dep_ in c.labels["conjunct"] and k.i < head.i for t in head.children if t.i < head.i for k in t.children):
        return False  # "two and one package per transaction": the noun agrees with the last number
    word = _norm(head.text)
    if head.dep_ in pr.unit_text_deps and head.head.i > head.i:
        return word in pr.hyphen_noun_not  # "a 3 bedroom house" counts bedrooms; "a five star hotel" is a rating
    doc = head.doc
    if head.i > 1 and _is_hyphen(doc[head.i - 1]) and not doc[head.i - 1].whitespace_ and not doc[head.i - 2].whitespace_ \
            and doc[head.i - 2].is_stop:
        return True  # "the sixteen on-board": an adjective made of a particle and a noun stands for the people
    if word in pr.irregular or word in pr.collective:
        return False
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    lab = c.labels
    if word.endswith("s") or (after is not None and after.is_lower and after.is_alpha and after.lower_.endswith("s")
                              and not _verb_of(head, after, lab)):
        return False  # a plural the tagger missed ("52 cafés"), or the real head after it ("fifteen youth suicides")
    return not any(p.dep_ in lab["preposition"] and p.lower_ == c.of_word
                   and any(o.dep_ in lab["prep_object"] and o.tag_ in c.plural_tags for o in p.children)
                   for p in head.children)


def _verb_of(noun: Token, word: Token, lab: dict[str, frozenset[str]]) -> bool:
    """``word`` (right after ``noun``) is the verb of the clause, not a plural noun the tagger missed: an
    auxiliary, or the verb whose subject ``noun`` is, in no noun's slot ("The two party system is broken", "The
    two party system seems broken"; not "with fifteen youth suicides", where the parser makes "youth" the
    subject of "suicides", itself the object of "with")."""
    if word.pos_ == "AUX" or word.dep_ in lab["auxiliary"]:
        return True
    return noun.dep_ in lab["subject"] and noun.head.i == word.i and word.dep_ not in lab["prep_object"] | lab["verb_object"]


def _unhyphenated(cand: Candidate, noun: CountedNoun, sents: Sentences, c: Compiled, pr: ParseRules) -> CountedNoun | None:
    """After a determiner of rules/counts.yaml parse_counts unhyphenated_determiners ("a", "an", "the"), a
    number above one on a singular noun is a size written without its hyphen: it counts the word right after
    it ("in a three round election" = "a three-round election", "a 500 page report", "Pierce derided the two
    party system": newsdev-counts-3.md decision 9), as ``_hyphen_count`` does with the hyphen; None elsewhere
    ("TWA's eight hundred heavy climb") or when that word is no countable noun (a rating: "a five star hotel")."""
    doc = sents.doc
    first = sents.token_at_or_after(cand.start)
    tok = _number_token(sents, cand)
    if tok is None or first == 0 or doc[first - 1].lower_ not in pr.unhyphenated_dets or tok.i + 1 >= noun.head.i:
        return None
    word = doc[tok.i + 1]
    if not (word.is_alpha and word.is_lower) or word.is_stop or word.head.i != noun.head.i or _norm(word.text) in pr.hyphen_noun_not:
        return None  # not a particle glued to a noun ("the sixteen on-board": an adjective standing for people)
    lemma = _norm(word.text)  # a singular word (a tagged adjective too: "round")
    if word.tag_ in c.plural_tags or lemma in pr.not_count_heads or lemma in pr.score_nouns or lemma in c.not_counted:
        return None
    return CountedNoun(word, _norm(word.text), _norm(word.text), _norm(word.text), "count_unhyphenated")


def _proportion_base(cand: Candidate, sents: Sentences, pr: ParseRules) -> bool:
    """The base of a proportion: "10" in "6 of 10 Americans", "3 out of every 100 voters" (a base of
    rules/counts.yaml proportion_bases right after a number and "(out) of")."""
    if pr.proportion_one_in.search(sents.text, max(0, cand.start - 24), cand.start) is not None:
        return True  # "one in three people", "1 in 5 Americans": any base after "one in" (searched in the tail only)
    return _norm(cand.low_text) in pr.proportion_bases and pr.proportion_before.search(sents.before(cand.start, 40)) is not None


def _score_value(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A number that is the object of "of" after a score noun of rules/counts.yaml count_exclusions
    score_nouns ("won 365 of the 650 seats, a majority of 80", "a margin of 5,000", "a lead of 12") is the
    size of that score, not a count of what the sentence counted before it."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in c.labels["prep_object"] or tok.head.lower_ != c.of_word:
        return False
    noun = tok.head.head
    return noun.i < tok.head.i and _lemma(noun, c, pr) in pr.score_nouns


def _date_part(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A number that is a conjunct of a word the entity recogniser puts in a date or a time ("on March 4
    and 5": "5" hangs on "March"): rules/counts.yaml count_exclusions date_entity_types. Not the number's
    own entity type: the recogniser calls bare numbers dates too ("Biden, with 54")."""
    tok = _number_token(sents, cand)
    if tok is None:
        return False
    head = tok.head
    return tok.dep_ in c.labels["conjunct"] and head.ent_type_ in pr.date_entity_types and head.is_alpha


def _code_number(cand: Candidate, head: Token, c: Compiled, pr: ParseRules) -> bool:
    """A long run of digits with no comma before a singular noun is a model or a code ("its 80486
    computer chip"): a count of more than one takes a plural, unless the noun is an invariant plural or
    a collective ("3000 crew", "1500 staff": rules/counts.yaml irregular_plurals, collective_nouns)."""
    if cand.high_text is not None or not pr.code_digits.fullmatch(cand.low_text.strip()):
        return False
    word = _norm(head.text)
    return head.tag_ not in c.plural_tags and word not in pr.irregular and word not in pr.collective


def _title_plural(head: Token, tok: Token, c: Compiled, pr: ParseRules) -> bool:
    """A capitalised plural the number counts, with nothing but names or lower-case modifiers between
    them: a group or a model the demonym lists do not hold ("all 11 Justices", "1.7 million
    Hongkongers", "46,000 Tesla Cybertrucks", "two other Presidents", "Two Democratic Representatives"). Not a name's head in the singular ("10 Downing Street"), not after a capitalised number
    word (the "Six Small Tigers"), not a time or label word."""
    between = head.doc[tok.i + 1 : head.i]
    first = head.doc[tok.left_edge.i] if tok.left_edge.i < tok.i else tok
    if first.is_title and first.is_alpha and not first.is_sent_start:
        return False  # a capitalised number word is part of the name: the "Six Small Tigers"
    plural = head.tag_ in c.plural_tags or (head.tag_ in pr.name_before_tags and not head.text.endswith("ss")
                                            and head.ent_type_ not in pr.place_entity_types)  # "2 million Rwanda Hutus"/NNP
    return (plural and head.is_title and head.is_alpha and head.text.endswith("s") and len(head) > 3
            and all((t.tag_ in pr.name_before_tags and t.is_title) or (t.tag_ in c.modifier_tags and t.is_lower) for t in between)
            and _norm(_singular(head.text, c)) not in pr.not_count_heads and head.lower_ not in c.not_counted)


def _adjective_noun(tok: Token, c: Compiled, pr: ParseRules) -> bool:
    """An adjective standing as a noun after "the" ("four of the deceased", "two of the injured"): a
    lower-case word with an adjective tag of rules/counts.yaml, the determiner "the" and nothing else."""
    kids = list(tok.children)
    return (tok.tag_ in pr.of_the_adjective_tags and tok.is_lower and tok.is_alpha and len(kids) == 1
            and kids[0].dep_ in c.labels["determiner"] and kids[0].lower_ == "the")


def _fronted_adjective(noun: Token, c: Compiled, pr: ParseRules) -> str | None:
    """The adjective standing as the noun of a fronted "Of the (N) <adjective>," ("Of the dead, 546 were in
    Lombardy" -> dead, "Of the 31 dead", "Of the 27 injured, 14 had gunshot wounds" -> injured): the object of
    "of" is the adjective with "the" (and a number), or the number with "the" and the adjective as its clause."""
    lab = c.labels
    if noun.tag_ in pr.number_tags:  # "the 27 injured": the parser hangs the participle on the number
        adj = [t for t in noun.children if t.i == noun.i + 1 and t.dep_ in lab["noun_clause"] and not list(t.children)]
        dets = [t for t in noun.children if t.dep_ in lab["determiner"]]
        if len(adj) == 1 and len(dets) == 1 and dets[0].lower_ == "the" and adj[0].tag_ in pr.of_the_adjective_tags \
                and adj[0].is_lower and adj[0].is_alpha:
            return _norm(adj[0].text)
        return None
    kids = [t for t in noun.children if t.dep_ not in lab["number_modifier"]]
    if (noun.tag_ in pr.of_the_adjective_tags and noun.is_lower and noun.is_alpha and len(kids) == 1
            and kids[0].dep_ in lab["determiner"] and kids[0].lower_ == "the"):
        return _norm(noun.text)
    return None


def _hyphen_count(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, rules: Rules) -> CountedNoun | None:
    """The noun counted by a number glued with a hyphen to the word after it, when that word modifies a
    noun after it: "a 40-member team" (member), "the ten-storey building" (storey), "a five-person crew";
    with an adjective of rules/counts.yaml hyphen_group_adjectives the modified noun ("a 50-strong mob").
    Not a unit pint knows or a duration ("185-acre", "a 24-hour": measures decide), not a compound that
    goes on ("two-party-preferred", "10-year-old"), not a range or a code ("3-1", "K2-18b")."""
    doc, text = sents.doc, sents.text
    if cand.high_text is not None or not re.match(r"[-‐][^\W\d_]", text[cand.end : cand.end + 2]):
        return None
    tok = _number_token(sents, cand)
    if tok is None or tok.i + 3 >= len(doc) or tok.whitespace_:
        return None
    hyphen, word = doc[tok.i + 1], doc[tok.i + 2]
    if not _is_hyphen(hyphen) or word.idx != hyphen.idx + 1 or not word.whitespace_:
        return None
    if not word.is_alpha or not word.is_lower or _norm(word.text) in pr.hyphen_noun_not:
        return None
    from pipeline.extract.measures import measure_after

    noun = word.head
    # the modified noun may be a name ("the existing 700-room Marina Hotel")
    if noun.i <= word.i or (noun.tag_ not in pr.head_tags and noun.tag_ not in c.plural_tags and noun.tag_ not in pr.name_before_tags):
        return None
    if any(_norm(t.text) in pr.hyphen_not_before for t in doc[word.i + 1 : noun.i + 1]):
        return None  # part of an index's name: "the Financial Times 100-share index", "the 100-share index stocks"
    if word.text.lower() in pr.hyphen_group:
        if tok.head.i == word.i and _head_ok(noun, c, pr):
            return _counted(noun, noun, "count_hyphen_group", c, pr)
        return None
    if tok.head.i != word.i or word.tag_ not in pr.head_tags or word.tag_ in c.plural_tags:
        return None
    if measure_after(text, word.idx, rules) is not None or not _head_ok(word, c, pr):
        return None
    return CountedNoun(word, _lemma(word, c, pr), _lemma(word, c, pr), _lemma(word, c, pr), "count_hyphen_noun")


def _of_preps(tok: Token, c: Compiled, pr: ParseRules) -> list[Token]:
    """The "of" right after a number ("5,000 of the residents"), or after one of rules/counts.yaml
    ``of_before`` ("29 out of 30 charges")."""
    doc = tok.doc
    out = []
    prep_labels, of = c.labels["preposition"], c.of_word
    for prep in (t for t in tok.children if t.dep_ in prep_labels and t.i == tok.i + 1):
        if prep.lower_ == of:
            out.append(prep)
        elif _norm(prep.text) in pr.of_before:
            out.extend(t for t in prep.children if t.dep_ in prep_labels and t.lower_ == of and t.i == prep.i + 1)
    if not out and tok.i + 2 < len(doc) and _norm(doc[tok.i + 1].text) in pr.of_before and doc[tok.i + 2].lower_ == of:
        out.append(doc[tok.i + 2])  # the parser hangs "of" from "out" or from the number: either way
    return [p for p in out if p.dep_ in prep_labels]


def _year_count(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A year-like number that counts the plural noun right after it ("1885 aftershocks had occurred"):
    the parse attaches it to that noun and no determiner, possessive or preposition stands before it,
    unless that word is a qualifier of the number ("over 1800 people", not "in 1800 towns")."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in pr.number_deps or tok.head.i != tok.i + 1:
        return False
    head = tok.head
    if head.tag_ not in c.plural_tags or not head.is_lower or not _head_ok(head, c, pr):
        return False
    if tok.i == 0 or tok.doc[tok.i - 1].tag_ not in pr.year_not_after_tags:
        return True
    return search_tail(c.qual_before, sents.before(cand.start), c.qual_before_longest) is not None


def _user_body(noun: Token, c: Compiled, pr: ParseRules) -> bool:
    """A user noun that counts the members of a body of people, not the users of a product: the body owns
    the noun and is a noun of rules/counts.yaml user_noun_bodies ("six crew members", "an army of 1 million
    members", "The council has 12 members", "The team signed 3 new players", "160,000 members of the
    Conservative Party", "a qualified minor party with at least 1,000 members") or, as the "of" object, the
    possessor or the noun before a preposition of user_noun_owner_preps, a name the entity recogniser puts
    in user_noun_body_entity_types (a political or religious group: "members of the Conservatives"). Such
    numbers stay counts: the issue's user counts are users of a product, service, platform or company, and a
    party's, union's or tribe's members are people (newsdev-counts-3.md decision 6). A club's or a company's
    members stay users ("12 original members of the Rotary Club", "Costco said it had 118 million members").
    Not the members of a body of states either (user_noun_state_bodies, named in the sentence: "12 original
    members of NATO", "The enlargement of NATO from 16 members to 19": countries, not users of a product,
    service, platform or company, as the labelling brief and tuning batch 5 have them). The crowd of an
    event (user_noun_events) is a count too: "18,250 to 63,000 visitors attended the rally", "the concert
    drew 50,000 listeners", "visitors to the festival"."""
    lab = c.labels
    if pr.user_state_bodies is not None and pr.user_state_bodies.search(noun.sent.text):
        return True  # "There were 12 original members of NATO": member states, no product's users

    def body(tok: Token) -> bool:  # by lemma too: "3,000 members of the armed forces"
        return _norm(tok.text) in pr.user_bodies or _lemma(tok, c, pr) in pr.user_bodies

    def owner(tok: Token) -> bool:
        """A body as the owner: by its word (user_noun_owner_bodies too: "the union's 40,000 members"), or a
        name of a group of people ("the Conservatives", NORP)."""
        return body(tok) or _norm(tok.text) in pr.user_owner_bodies or _lemma(tok, c, pr) in pr.user_owner_bodies \
            or (tok.ent_type_ in pr.user_body_entity_types and tok.tag_ not in c.verb_tags)

    if any(kid.dep_ in lab["possessive"] and owner(kid) for kid in noun.children):
        return True  # "the party's 1,000 members"
    head = noun.head
    if noun.dep_ in lab["prep_object"] and _norm(head.text) in pr.user_owner_preps and head.i > 0:
        # "a qualified minor party with at least 1,000 members": the noun right before the preposition owns
        # them, wherever the parser hangs the phrase (here on the verb "attained")
        before = noun.doc[head.i - 1]
        if before.tag_ in pr.head_tags or before.tag_ in c.plural_tags or before.pos_ == "PROPN":
            if owner(before):
                return True

    def bodies(tok: Token) -> bool:
        """The owner, or a quantifier's "of" body: "Each of the 24 squads has 26 players"."""
        return owner(tok) or (tok.tag_ not in pr.head_tags and tok.tag_ not in c.plural_tags and any(
            p.lower_ == c.of_word and any(t.dep_ in lab["prep_object"] and body(t) for t in p.children)
            for p in tok.children if p.dep_ in lab["preposition"]))

    for kid in noun.children:
        if kid.dep_ in lab["compound"] and owner(kid):
            return True  # "six crew members", "Conservative Party members"
        if kid.dep_ in lab["preposition"] and kid.lower_ == c.of_word and any(
            t.dep_ in lab["prep_object"] and owner(t) for t in kid.children
        ):
            return True
    if noun.dep_ in lab["prep_object"] and head.lower_ == c.of_word and body(head.head):
        return True
    if noun.dep_ in lab["verb_object"] and head.tag_ in c.verb_tags:
        if any(t.dep_ in lab["subject"] and (bodies(t) or _norm(t.text) in pr.user_events) for t in head.children):
            return True
    if noun.dep_ in lab["subject"] and head.tag_ in c.verb_tags:  # "18,250 to 63,000 visitors attended the rally"
        if any(t.dep_ in lab["verb_object"] and _norm(t.text) in pr.user_events for t in head.children):
            return True
        if _norm(head.text) in pr.user_crowd_verbs:
            return True  # "500 drivers had gathered outside the company's office": a crowd
    if any(kid.dep_ in lab["preposition"] and any(t.dep_ in lab["prep_object"] and _norm(t.text) in pr.user_events for t in kid.children)
           for kid in noun.children):
        return True  # "50,000 visitors to the festival"
    return False


def _user_gap(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A number with no noun of its own under a preposition of rules/counts.yaml user_gap_preps ("55
    million potential customers, including about 35 million in the top 10 markets", "5 million users,
    up from 3 million"): it counts what the user count before it in the sentence counts."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in c.labels["prep_object"] or _norm(tok.head.text) not in pr.user_gap_preps:
        return False
    return forward_noun(sents, cand.end, c) is None and all(
        t.dep_ in c.labels["preposition"] for t in tok.children if t.i > tok.i
    )


def _user_anaphor(cand: Candidate, sents: Sentences, prefix_used: int, c: Compiled) -> bool:
    """A number right after an anaphor of rules/counts.yaml lookback_after ("of whom", "of them"; a
    qualifier between them or not): it counts part of the users counted before it in the sentence."""
    prefix = sents.before(cand.start)
    return search_tail(c.lookback_before, prefix[: len(prefix) - prefix_used], 16) is not None


#: the words right after an anaphor's number, up to the first punctuation ("263 million paid for its Premium")
CLAUSE_WORDS = re.compile(r"(?:[^\S\n]+[^\W\d_]+){1,6}")


def _clause_metric(sents: Sentences, cand: Candidate, pr: ParseRules) -> str | None:
    """The metric of a word of rules/counts.yaml user_metric_modifiers among the few words after the number,
    before any punctuation: "of whom 263 million paid for its Premium tier" are paying users, not the monthly
    active users they are part of; None when no such word is there."""
    m = CLAUSE_WORDS.match(sents.text, cand.end)
    if m is None:
        return None
    phrase = _norm(m.group())
    for modifier, metric in pr.user_metric_modifiers:
        if re.search(r"(?<![\w-])" + re.escape(modifier) + r"(?![\w-])", phrase):
            return metric
    return None


def _user_elided(cand: Candidate, reading: Reading, previous: dict, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A bare number (no noun of its own, an object or a conjunct: ``_bare_number``) after a user count of
    its sentence counts the same users, as "while X reports about 250 million" after "Threads has passed 150
    million daily active users" (gapping); the two figures counting the same thing, the gapped one is
    within a factor of rules/counts.yaml user_elided_max_ratio of the first ("... users, and is valued at
    60" is no user count)."""
    if forward_noun(sents, cand.end, c) is not None or counted_noun(sents, cand, c, pr) is not None:
        return False
    if not _bare_number(cand, sents, c) or _next_word_not_counted(sents, cand.end, c):
        return False
    low, high = sorted((reading.value, float(previous["value"] or 0)))
    return low > 0 and high / low <= pr.user_elided_ratio


def _user_verb_noun(noun: CountedNoun, c: Compiled, pr: ParseRules, after_users: bool = False) -> str | None:
    """The metric of a verb of rules/counts.yaml user_verbs whose subject is the noun the number counts
    (``counted_noun``) and whose object is a name: "More than 90,000 schools in 20 countries now use Zoom"
    (institutions using a product are its users); never a noun of not_user_nouns ("3 million people use
    WeChat" stays a count of people). With ``after_users`` (a user count before it in the sentence, round 13) the
    object may be a definite noun phrase, the product that count is of: "paying subscribers to its business plan
    rose to 2.1 million, and some 260,000 companies used the plan"."""
    if noun.lemma in pr.not_user_nouns or noun.head.dep_ not in c.labels["subject"]:
        return None
    verb = noun.head.head
    metric = pr.user_verbs.get(_norm(verb.text))
    if metric is None or verb.i < noun.head.i or verb.tag_ not in c.verb_tags:
        return None
    lab = c.labels
    named = any(t.dep_ in lab["verb_object"] and (t.tag_ in pr.name_before_tags or (
        after_users and t.tag_ in pr.head_tags and any(k.dep_ in lab["determiner"] | lab["possessive"] for k in t.children)))
        for t in verb.children)
    return metric if named else None


def _user_noun(noun: CountedNoun, c: Compiled, pr: ParseRules) -> tuple[str, str] | None:
    """(metric, noun) when the noun the parse makes the number count (``counted_noun``) is a user noun of
    rules/counts.yaml ("200,000 Belfast customers", "500,000 monthly active listeners" -> MAU)."""
    if noun.lemma not in pr.user_nouns or noun.lemma in pr.not_user_nouns or _user_body(noun.head, c, pr):
        return None
    mods = " ".join(_norm(t.text) for t in noun.head.children if t.i < noun.head.i and t.dep_ in c.labels["metric_modifier"])
    for phrase, metric in pr.user_metric_modifiers:
        if re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", mods):
            return metric, noun.lemma
    return pr.user_nouns[noun.lemma], noun.lemma


# --- user counts -----------------------------------------------------------------------------------


def _anchor(sents: Sentences, cand: Candidate, suffix_used: int, prefix_used: int, c: Compiled) -> tuple[str, str] | None:
    """(anchor text, rule) after the number, else before it through a bridge; None without one."""
    after = sents.after(cand.end)[suffix_used:]
    m = c.forward_anchor.match(after)
    if m:
        return m.group("anchor"), "anchor_after"
    if forward_noun(sents, cand.end, c) is not None or _next_word_not_counted(sents, cand.end, c):
        # "users ... reached 4 trillion tokens": the number counts something else; "Customers at the store were
        # 12 years old": a word of not_counted after it says what it is (an age, a time, a share)
        return None
    prefix = sents.before(cand.start)
    prefix = prefix[: len(prefix) - prefix_used]
    m = c.backward_anchor.search(prefix)
    if m and not c.anchor_neg_before.search(prefix[: m.start()]):
        return m.group("anchor"), "anchor_before"
    return None


def extract_user_counts(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One row per number of users (MAU, DAU, users, subscribers…) tied to a user anchor."""
    c = compiled(ctx.rules)
    pr = parse_rules(ctx.rules)
    text = doc_text(doc)
    sents = Sentences(doc)
    taken = _taken(found, "money", "dates")
    rows: list[dict] = []
    for cand in doc_candidates(doc, text, c):
        if _overlaps(cand.start, cand.end, taken):
            continue
        reading = read(cand, ctx.rules)
        # issue 21: "installed 3 million times", "downloaded more than one million times" are user counts
        # (downloads), whatever "times" says; a small spelled number is not ("installed it five times")
        action = changes.action_times(doc, cand.start, ctx.rules) if re.match(r"\s+times\b", text[cand.end :]) else None
        action = action if action is not None and action.metric is not None and reading is not None \
            and (not reading.spelled or reading.has_magnitude) else None
        if reading is None or (action is None and _is_noise(cand, reading, text, c)):
            continue
        qual, prefix_used, suffix_used = qualifier(sents.before(cand.start), sents.after(cand.end), c)
        if action is not None:
            metric, period, rule = action.metric, None, "action_times"
        else:
            hit = _anchor(sents, cand, suffix_used, prefix_used, c)
            if hit is not None:
                metric, period = c.anchors[_norm(hit[0])]
                rule = hit[1]
            else:
                counted = None if _is_label(cand, sents, c, pr, ctx.rules) else counted_noun(sents, cand, c, pr)
                noun = None if counted is None else _user_noun(counted, c, pr)
                previous = _previous_count(rows, sents, cand.start)
                used = None if noun is not None or counted is None else _user_verb_noun(counted, c, pr, previous is not None)
                if noun is not None:
                    metric, period, rule = noun[0], PERIODS.get(noun[0]), "user_noun_parse"
                elif used is not None:
                    metric, period, rule = used, None, "user_verb"  # "90,000 schools now use Zoom"
                elif previous is not None and _user_gap(cand, sents, c, pr):
                    # gapping, as for counts: "55 million potential customers, including about 35 million
                    # in the nation's top 10 markets"
                    metric, period, rule = previous["metric"], previous["period_hint"], "user_gapped"
                elif previous is not None and _user_anaphor(cand, sents, prefix_used, c):
                    # "Monthly active users reached 675 million ..., of whom 263 million paid for its Premium tier"
                    metric = _clause_metric(sents, cand, pr) or previous["metric"]
                    period, rule = PERIODS.get(metric, previous["period_hint"] if metric == previous["metric"] else None), "user_anaphor"
                elif previous is not None and _user_elided(cand, reading, previous, sents, c, pr):
                    # "Threads has passed 150 million daily active users, while X reports about 250 million"
                    metric, period, rule = previous["metric"], previous["period_hint"], "user_elided"
                else:
                    continue
        if qual == "exact" and not prefix_used and not suffix_used:
            qual = _coordinated_qualifier(cand, sents, c, pr, rows)  # "about 45,000 drivers and 3.5 million customers"
        rows.append(
            {
                "start": cand.start,
                "end": cand.end,
                "value": reading.value,
                "value_low": reading.low,
                "value_high": reading.high,
                "qualifier": "range" if cand.high_text else qual,
                "metric": metric,
                "period_hint": period,
                "rule": rule,
            }
        )
    return rows


# --- quantities ------------------------------------------------------------------------------------


def _after_verb_of_no_change(doc: Doc, start: int, c: Compiled) -> bool:
    """Is the number right after a verb that is no change word ("stabbed 14 times", "was arrested 5
    times")? Then "N times" with no comparison after it counts occurrences; after a change word it is a
    multiplier ("grew 3 times by 2030")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return prev.tag_.startswith("VB") and _norm(prev.text) not in c.cue_map


def _after_verb_of_doing(doc: Doc, start: int, c: Compiled) -> bool:
    """Is the number right after a verb that is no change word and no copula (issue 21)? "He asked three times what the fee
    was" (how often he asked); "Revenue was three times what analysts expected" and "about three times what officials had
    expected" compare."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ not in c.multiplier_clause_copulas and _after_verb_of_no_change(doc, start, c)


def _after_verb_object(sents: Sentences, cand: Candidate, c: Compiled) -> bool:
    """Is "N times" an adverb of a verb whose object stands between them ("The Fed cut rates 3 times in
    2019", "raised its dividend four times")? Then it says how often the verb was done to the object; a
    multiplier of a change is the verb's own measure ("its user base grew 3 times in a year"), or compared
    ("increased its output 3 times over"), which the caller has ruled out."""
    doc = sents.doc
    i = sents.token_at_or_after(cand.end)
    if i >= len(doc) or doc[i].lower_ != "times":
        return False
    verb = doc[i].head
    if verb.i >= doc[i].i or verb.tag_ not in c.verb_tags:
        return False
    return any(t.dep_ in c.labels["verb_object"] and verb.i < t.i < doc[i].i for t in verb.children)


def _fold_predicate(sents: Sentences, start: int, c: Compiled) -> bool:
    """Is the "-fold" word at ``start`` the predicate of a copula whose subject is no change word ("The aim
    is twofold: to cut costs and to grow", "the problem is threefold")? Then it counts the subject's parts;
    "The increase was twofold" (a change cue subject) and "twofold higher" (a comparison) stay multipliers."""
    doc = sents.doc
    i = sents.token_at_or_after(start)
    if i >= len(doc) or doc[i].dep_ not in c.labels["predicate"]:
        return False
    verb = doc[i].head
    subjects = [t for t in verb.children if t.dep_ in c.labels["subject"]]
    if _norm(verb.text) in c.cue_map:
        return False  # "Sales grew fivefold": the factor of the change verb it complements (issue 21)
    return bool(subjects) and not any(_norm(t.text) in c.cue_map for t in subjects)


def _nearest_cue(before: str, after: str, c: Compiled) -> str | None:
    """Direction of the change cue nearest to the number within the windows, if any."""
    best: tuple[int, str] | None = None
    for m in c.cue_re.finditer(before):
        dist = len(before) - m.end()
        if best is None or dist < best[0]:
            best = (dist, c.cue_map[_norm(m.group("cue"))])
    for m in c.cue_re.finditer(after):
        dist = m.start()
        if best is None or dist < best[0]:
            best = (dist, c.cue_map[_norm(m.group("cue"))])
    return best[1] if best else None


def _percent_change(prefix: str, suffix: str, c: Compiled) -> str | None:
    """ "slashed prices by 97%", "an increase of 25%", "rose 5%", "up 5%", "a 25% spending increase"."""
    for pattern in (c.pct_by, c.pct_of, c.pct_direct):
        m = pattern.search(prefix)
        if m:
            return c.cue_map.get(_norm(m.group("cue")))
    m = c.pct_after_cue.match(suffix)
    if m:
        return c.cue_map.get(_norm(m.group("cue")))
    return None


def _row(
    start: int, end: int, kind: str, reading: Reading, unit: str, qual: str, change: str | None, rule: str,
    unit_text: str | None = None, value_si: float | None = None,
) -> dict:
    return {
        "unit_text": unit_text,
        "value_si": value_si,
        "start": start,
        "end": end,
        "kind": kind,
        "value": reading.value,
        "value_low": reading.low,
        "value_high": reading.high,
        "unit": unit,
        "qualifier": qual,
        "change": change,
        "rule": rule,
    }


#: nothing but the end of a clause after "N times" (no figure compared with it: "1.65 times Deseret's book value")
CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)\]]|$)")


def _percents_and_multipliers(cands: list[Candidate], sents: Sentences, ctx: Context, c: Compiled) -> list[dict]:
    text = sents.text
    rows = []
    for k, cand in enumerate(cands):
        after = text[cand.end : cand.end + 30]
        pct = c.percent_after.match(after)
        mult = c.multiplier_after.match(after)
        if not (pct or mult):
            continue
        if pct and k and _converted_unit(cand, cands[k - 1], sents, ctx):
            continue  # "124 light-years (38 pc)": a parsec restating the measure before it, not 38%
        before_text = text[max(0, cand.start - 3) : cand.start]
        if re.search(r"[A-Za-z][-‐]$|#\s*$", before_text) or _in_url(cand.start, cand.end, text, c):
            continue  # a model code ("GPT-4x") or part of a URL
        reading = read(cand, ctx.rules)
        if reading is None:
            continue
        end = cand.end + (pct or mult).end()
        prefix = sents.before(cand.start)
        suffix = sents.after(end)
        qual, _, _ = qualifier(prefix, suffix, c)
        qual = "range" if cand.high_text else qual
        if pct:
            bound = search_tail(c.qual_before, prefix, c.qual_before_longest)  # "by nearly 50%": the cue sits before the qualifier
            change = _percent_change(prefix[: bound.start()] if bound else prefix, suffix, c)
            rows.append(_row(cand.start, end, "percent", reading, "%", qual, change, "percent"))
            continue
        #: "gone up 2.5 times since 2010": a factor that is no whole number is never how often something was done
        fractional = reading.value is not None and not float(reading.value).is_integer()
        if mult.group("suffix").lower() == "times":
            if any(p.match(suffix) for p in c.frequency_after) and not fractional:
                continue
            # issue 21: "installed 3 million times" counts the action (downloads: a user count), and
            # "N million times" with no comparison after it counts occurrences: never a multiplier
            action = changes.action_times(sents.doc, cand.start, ctx.rules)
            if action is not None:
                rows.append(_row(cand.start, cand.end, "count", reading, action.unit, qual, None, "count_action_times"))
                continue
            compared = c.multiplier_word_needs.match(suffix) or changes.comparative_at(sents.doc, end) or (
                c.multiplier_clause_words.match(suffix) and not _after_verb_of_doing(sents.doc, cand.start, c))
            if (reading.spelled or reading.has_magnitude) and not compared:
                continue
            if not compared and not fractional and _after_verb_of_no_change(sents.doc, cand.start, c):
                continue  # "The victim was stabbed 14 times.": how often it was done, not how many fold
            if not compared and not fractional and _after_verb_object(sents, cand, c):
                continue  # "The Fed cut rates 3 times in 2019": how often it was done to its object
        change = _nearest_cue(sents.before(cand.start, c.change_before), sents.after(end, c.change_after), c)
        if mult.group("suffix").lower() == "times" and change is None and not compared and not fractional and CLAUSE_END.match(suffix):
            continue  # "has been to the final 3 times.": nothing compared, no change word: how often, not how many fold
        rows.append(_row(cand.start, end, "multiplier", reading, "x", qual, change, "multiplier"))
    rows += _percent_of_number(cands, sents, ctx, c)
    # "3x"; "tenfold", "five-fold", "a hundredfold" (issue 21; the number regex never ends in a letter)
    for m in itertools.chain(c.fold_word.finditer(text), changes.fold_words(text)):
        word = m.groupdict().get("w")
        try:
            parsed = parse_number(word or m.group("d"), ctx.rules)
        except (ArithmeticError, ValueError):
            parsed = None
        if parsed is None or parsed.value <= 1 or (word and _fold_predicate(sents, m.start(), c)):
            continue  # "The aim is twofold:": the number of its parts, not a multiplier
        if word and changes.fold_word_not_multiplier(sents.doc, m.start(), m.end(), ctx.rules):
            continue  # "the four-fold path": an adjective of a noun that is no change (issue 21)
        reading = Reading(float(parsed.value), None, None, True, False)
        qual, _, _ = qualifier(sents.before(m.start()), sents.after(m.end()), c)
        change = _nearest_cue(sents.before(m.start(), c.change_before), sents.after(m.end(), c.change_after), c)
        rule = "multiplier_word" if word else "multiplier_x"
        rows.append(_row(m.start(), m.end(), "multiplier", reading, "x", qual, change, rule))
    return rows


def _converted_unit(cand: Candidate, before: Candidate, sents: Sentences, ctx: Context) -> bool:
    """The number opens a bracket right after a measure ("124 light-years (38 pc)") and the word after it is a
    unit of the same dimension as that measure's: a conversion, whatever else the word may mean ("pc": percent)."""
    from pipeline.extract.measures import measure_after, same_dimension

    text = sents.text
    if not CONVERSION_OPEN.search(text, max(before.end, cand.start - 8), cand.start) or sents.bounds(before.start) != sents.bounds(cand.start):
        return False
    gap = text[before.end : cand.start]
    measured = measure_after(text, before.end + (1 if gap[:1] in HYPHENS else 0), ctx.rules)
    converted = measure_after(text, cand.end, ctx.rules, loose=True)
    if measured is None or converted is None or measured.duration or converted.duration or measured.end > cand.start:
        return False
    return same_dimension(measured.unit, converted.unit, ctx.rules)


def _percent_of_number(cands: list[Candidate], sents: Sentences, ctx: Context, c: Compiled) -> list[dict]:
    """ "per cent of 210", "percents of twenty": the percent word leads and the number ends the clause.

    Not after a number or a determiner ("5 percent of 10 million", "the percent of 18-to-29-year-olds
    who...") and not when a word follows the number ("percent of 10 respondents"): rules/counts.yaml."""
    text = sents.text
    starts = {cand.start: cand for cand in cands if cand.high_text is None}
    rows = []
    for m in c.pct_of_number.finditer(text):
        cand = starts.get(m.end())
        if cand is None or re.match(r"[^\S\n]*[\w-]", text[cand.end :]):
            continue
        if c.pct_of_blocked.search(sents.before(m.start())):
            continue
        reading = read(cand, ctx.rules)
        if reading is None:
            continue
        qual, _, _ = qualifier(sents.before(m.start()), sents.after(cand.end), c)
        rows.append(_row(m.start(), cand.end, "percent", reading, "%", qual, None, "percent_of_number"))
    return rows


def _ranks(sents: Sentences, ctx: Context, c: Compiled) -> list[dict]:
    text = sents.text
    rows = []
    for m in c.rank_top_n.finditer(text):
        parsed = parse_number(m.group("n"), ctx.rules)
        if parsed is None or parsed.value <= 0:
            continue
        reading = Reading(float(parsed.value), None, None, False, False)
        rows.append(_row(m.start("span"), m.end("span"), "rank", reading, "rank", "at_most", None, "rank_top_n"))
    for m in c.rank_top_noun.finditer(text):
        reading = Reading(1.0, None, None, True, False)
        rows.append(_row(m.start("span"), m.end("span"), "rank", reading, "rank", "exact", None, "rank_top_position"))
    idioms = [(m.start(), m.end()) for m in c.rank_negative.finditer(text)]
    for m in c.rank_ordinal.finditer(text):
        value = parse_ordinal(m.group("ord"), ctx.rules)
        if value is None or value <= 0 or _overlaps(m.start(), m.end(), idioms):
            continue
        if m.group("hy"):
            rule = "rank_hyphenated"
        elif c.rank_after.match(sents.after(m.end())):
            rule = "rank_cue_after"
        elif c.rank_before.search(sents.before(m.start())):
            rule = "rank_cue_before"
        else:
            continue
        reading = Reading(float(value), None, None, False, False)
        rows.append(_row(m.start(), m.end(), "rank", reading, "rank", "exact", None, rule))
    return rows


def _counts(cands: list[Candidate], sents: Sentences, ctx: Context, c: Compiled) -> list[dict]:
    """Counts and measures, in order of evidence: a hyphenated or following unit pint knows (a
    measure), a listed counted noun, the noun the parse attaches the number to, an elided noun."""
    text = sents.text
    pr = parse_rules(ctx.rules)
    rows: list[dict] = []
    extra = [*_glued_measures(text, cands, ctx), *_hyphen_word_numbers(text, cands, c)]
    for cand in sorted([*cands, *extra], key=lambda k: k.start):
        reading = read(cand, ctx.rules)
        hyphen = text[cand.end : cand.end + 1] in HYPHENS and (
            c.hyphen_unit.match(text[cand.end :]) is not None or _pint_hyphen(cand, text, pr, ctx.rules))
        glued = None if hyphen else _hyphen_count(cand, sents, c, pr, ctx.rules)  # "a 40-member team"
        unit_after = hyphen or glued is not None
        year_ok = cand.high_text is None and _is_year(cand.low_text, c) and _year_count(cand, sents, c, pr)
        if reading is None or _is_noise(cand, reading, text, c, unit_after, spelled_ok=True, year_ok=year_ok):
            # noise only for being "one": the parse may still make it a quantity
            if reading is None or _is_noise(cand, replace(reading, value=2.0), text, c, unit_after, True, year_ok) \
                    or not (_one_counts(cand, reading, sents, c, pr, rows, glued) or _one_measure(cand, reading, sents, c, ctx.rules)
                            or _casualty_shared_noun(cand, cands, sents, c, pr) is not None):  # "killed one and injured eight people"
                continue
        if _is_label(cand, sents, c, pr, ctx.rules) or pr.era_after.match(text, cand.end) or pr.vague.search(text, cand.start, cand.end):
            continue
        if _superlative_cut(cand, sents, c, pr):
            continue  # "among the 10 largest bank holding companies": a rank's cut-off, not a count
        one_in = _norm(cand.low_text) in ("one", "1") and pr.proportion_one_after.match(text, cand.end) is not None
        if one_in or pr.proportion_after.match(text, cand.end) or (cand.high_text is None and _proportion_base(cand, sents, pr)):
            continue  # "6 of 10 Americans": a proportion (60%), neither number a count
        prefix = sents.before(cand.start)
        suffix = sents.after(cand.end)
        qual, prefix_used, suffix_used = qualifier(prefix, suffix, c)
        qual = "range" if cand.high_text else _conversion_qualifier(qual, prefix, rows)
        unwritten = qual == "exact" and not prefix_used and not suffix_used
        if qual == "more_than" and reading.value < pr.reaching_min and _verb_before(cand, sents, c):
            qual = "exact"  # "The House passed two articles": a verb of crossing bounds a threshold, not what it acts on
        # "received the nomination over two other contenders": a preposition, not a bound (counts only: "Temperatures
        # fell below minus 5 °C" is a bound of a measure, and "under 1.5 metres of water" is read either way)
        preposition = qual in ("more_than", "less_than") and prefix_used and _prepositional_bound(cand, sents, c)
        converted = bool(rows) and rows[-1]["kind"] == "measure" and CONVERSION_OPEN.search(prefix) is not None
        measure = _measure(cand, reading, hyphen, text, ctx, qual, converted)
        if measure is not None:
            if measure["kind"] == "measure" and not _event_name(cand, measure, sents, c, pr):
                if unwritten:  # "about 5.5 metres and 7 metres": a list's approximation covers its measures too
                    measure["qualifier"] = _coordinated_qualifier(cand, sents, c, pr, rows)
                rows.append(measure)
            continue  # a duration ("six months") is the dates table's business
        if pr.fraction.search(text, cand.start, cand.end) and not _whole_and_fraction(cand, ctx.rules):
            continue  # "about a half million people": a fraction, not a count (measures keep theirs)
        # a listed counted noun keeps its canonical unit ("engineers" -> employee); unit_text is as written
        noun = glued or counted_noun(sents, cand, c, pr)
        estimated = None if glued else _estimated_count(cand, sents, c, pr, rows)
        if estimated is not None:
            noun = None  # "far above the 235,000 forecast by economists": the jobs counted before it
        if noun is not None and _quoted_name(cand, noun, sents, pr):
            continue  # 'under the "one country, two systems" model': a quoted name, not a count
        if noun is not None and _names_one(noun, reading, c, pr):
            noun = _unhyphenated(cand, noun, sents, c, pr)  # "a three round election" counts rounds
            if noun is None:
                continue  # "TWA eight hundred center": a name read out, not a count of centers
        if not reading.has_magnitude and re.search(r"[.]\d", text[cand.start : cand.end]) \
                and not _fraction_count(cand, reading, noun, glued is not None, sents, c, pr, ctx.rules):
            continue  # "7.0 magnitude", "4.5 per 100,000", "a .223-calibre rifle" are no counts; "23.5 common shares" is
        unit, rule = (None, "") if glued else (forward_noun(sents, cand.end, c), "count_noun_after")
        if unit is not None and not glued and pr.more_after.match(text, cand.end):
            before = _previous_count(rows, sents, cand.start)
            if before is not None:
                unit, rule = before["unit"], "count_more"  # "eight states, with write-in access in 23 others": states
        if estimated is not None:
            unit, rule = estimated["unit"], "count_estimate"
        unit_text = noun.unit_text if noun is not None else unit
        if unit is None and noun is not None:
            small = reading.spelled and not reading.has_magnitude
            if noun.lemma in pr.user_nouns and glued is None and not small and not _user_body(noun.head, c, pr):
                continue  # a user count (the user-count stage's business): never a count
            measure = _head_measure(cand, reading, noun, text, ctx, qual)
            if measure is not None:
                if measure["kind"] == "measure":
                    if unwritten:
                        measure["qualifier"] = _coordinated_qualifier(cand, sents, c, pr, rows)
                    rows.append(measure)
                continue  # "five or six feet": the counted noun is a unit pint knows
            unit, rule = noun.unit, noun.rule
        small_spelled = reading.spelled and not reading.has_magnitude
        previous = _previous_count(rows, sents, cand.start)
        if unit is None and previous is not None and (pr.more_after.match(text, cand.end) or pr.more_before.search(sents.before(cand.start, pr.more_before_window))):
            unit, rule = previous["unit"], "count_more"  # "six nationals were killed, and seven more injured"
        if unit is None and previous is not None and _determined_number(cand, sents, c, pr):
            unit, rule = previous["unit"], "count_the_n"  # "The ten states ...; the ten with the lowest ..."
        if unit is None and previous is None:
            antecedent = _pronoun_antecedent(cand, sents, c, pr)
            if antecedent is not None:
                unit, rule = antecedent, "count_pronoun"  # "to ban the players saying, 'these two will be denied entry'"
        if unit is None and previous is None:
            hedged = _hedged_appos_noun(cand, sents, c, pr)
            if hedged is not None:
                unit, rule, unit_text = hedged.unit, hedged.rule, hedged.unit_text  # "chess players, very few, maybe not even five"
        if unit is None and reading.value == 1:
            own = _own_noun(cand, sents, c, pr)
            if own is not None:
                unit, rule, unit_text = own, "count_own_noun", own  # "eight wins and one loss": a loss, not a win
        if unit is None:
            whole = _whole_after(cand, cands, sents, c, pr)
            if whole is not None:
                unit, rule, unit_text = whole, "count_out_of", whole  # "control of 17 out of 18 of the area's districts"
        if unit is None:
            shared = _casualty_shared_noun(cand, cands, sents, c, pr)
            if shared is not None:
                unit, rule, unit_text = shared, "count_casualty_shared", shared  # "killed one and injured eight people"
        if unit is None:
            conj = _conjunct_count(cand, sents, c, rows)
            if conj is not None:
                unit, rule = conj["unit"], "count_conjunct"  # "three delegates in Colorado and one in Arkansas"
        if unit is None and search_tail(pr.age_verb_before, prefix, pr.age_verb_longest):
            continue  # "a boy who just turned 6": an age, whatever was counted before it
        if unit is None and _date_part(cand, sents, c, pr):
            continue  # "on March 4 and 5": the day of a date, never an elided count
        if unit is None and _apposed_age(cand, sents, c, pr):
            continue  # "Nigel Judah, 58, finance director": an age, never the executives counted before it
        if unit is None and _score_value(cand, sents, c, pr):
            continue  # "a majority of 80", "a margin of 5,000": the size of a score, never an elided count
        if unit is None and noun is None and c.difference_after.match(text, cand.end):
            difference = _difference(cand, reading, sents, rows, ctx, qual)
            if difference is not None:
                rows.append(difference)  # "winds of 30 miles per hour, just nine shy of becoming a tropical storm"
            continue
        if unit is None and not _next_word_not_counted(sents, cand.end, c):
            # a small spelled-out number with no noun after a casualty verb stays out ("killing four")
            unit, rule = _elided_noun(cand, reading, sents, c, pr, rows, suffix[suffix_used:], casualty=not small_spelled)
        if unit is None:
            continue
        if rule in ("count_gapped", "count_conjunct", "count_ellipsis", "count_parallel") and _item_exceeds_whole(cand, reading, sents, c, rows):
            continue  # "His two sons, 12 and 14, were at home": ages, not a part of the two
        if _norm(unit) in c.weight_units and not _is_weight(text, cand, ctx):
            continue  # "10 pounds" without a weight cue is money's business, never a count
        if unwritten:
            qual = _coordinated_qualifier(cand, sents, c, pr, rows)  # "about 500 films and 7,500 episodes": both approx
        if preposition:
            qual = "exact"
        rows.append(_row(cand.start, cand.end, "count", reading, unit, qual, None, rule, unit_text))
    return rows


#: the hyphens that glue a number to a unit or a noun ("185-acre", "a 40-member team")
HYPHENS = ("-", "‐")
GLUED_NUMBER = rx.compile(r"(?<![\w.,$€£¥-])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?=[A-Za-zµ])")


def _glued_measures(text: str, cands: list[Candidate], ctx: Context) -> list[Candidate]:
    """Numbers with a unit symbol glued on ("20cm", "6m", "500kg"): the number finder stops at letters
    (so that "4G" or "H20s" are never numbers), so these are found here, only when pint and
    rules/counts.yaml measures.symbols accept the glued letters as a unit."""
    from pipeline.extract.measures import measure_after

    taken = [(k.start, k.end) for k in cands]
    out = []
    for m in GLUED_NUMBER.finditer(text):
        if not _overlaps(m.start(), m.end(), taken) and measure_after(text, m.end(), ctx.rules) is not None:
            out.append(Candidate(m.start(), m.end(), m.group()))
    return out


#: "about 250 miles (400 km)": the opening of a conversion in brackets right after a quantity
CONVERSION_OPEN = re.compile(r"[A-Za-z°]\.?[^\S\n]*\([^\S\n]*~?$")
#: the same seen from the unit before it: "50 m (165 ft)", up to the end of the bracket's number
CONVERSION_AFTER = re.compile(r"[^\S\n]*\([^\S\n]*(?:~|about[^\S\n]+)?\d[\d,]*(?:\.\d+)?")


def _coordinated_qualifier(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, rows: list[dict]) -> str:
    """The qualifier of a number with none written, coordinated with an approximate count before it: an
    approximation written before a list covers its members ("about 500 films and 7,500 episodes", "about
    100 million people in the United States and six million in Canada", "about 45,000 drivers and 3.5
    million customers": the labels' convention). The parse joins the number, or the noun it counts, to the
    earlier number or its noun as a conjunct. Bounds ("more than", "at least") are not carried: "exact"."""
    if _alternative_number(cand, sents, c, pr):
        return "approx"  # "four or five people", "five or six feet": either, so neither exactly
    earlier = _sentence_rows(rows, sents, cand.start)
    tok = _number_token(sents, cand) if earlier else None
    if tok is None:
        return "exact"
    conj = c.labels["conjunct"]
    nodes = [tok, tok.head] if tok.dep_ in pr.number_deps or tok.dep_ in pr.comparative_deps else [tok]
    targets = {n.head.i for n in nodes if n.dep_ in conj and n.head.i < n.i}
    if not targets:
        return "exact"
    for row in earlier:
        num = _number_token(sents, Candidate(row["start"], row["end"], ""))
        if num is not None and (num.i in targets or num.head.i in targets):
            return "approx" if row["qualifier"] == "approx" else "exact"
    return "exact"


def _alternative_number(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """Is the number one of two numbers joined by a coordinator of rules/counts.yaml parse_counts
    alternative_coordinators ("There were four or five people inside", "five or six feet")? Written as
    alternatives, neither is exact: both are approximate (the tuning labels' convention)."""
    tok = _number_token(sents, cand)
    if tok is None:
        return False
    lab = c.labels

    def joined(first: Token, second: Token) -> bool:
        return (second.dep_ in lab["conjunct"] and second.head.i == first.i and first.tag_ in pr.number_tags
                and second.tag_ in pr.number_tags
                and any(t.dep_ in lab["coordinator"] and _norm(t.text) in pr.alternative_coordinators
                        and first.i < t.i < second.i for t in first.children))

    return joined(tok, next((t for t in tok.children if t.dep_ in lab["conjunct"]), tok)) or joined(tok.head, tok)


def _estimated_count(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, rows: list[dict]) -> dict | None:
    """The count before the number in its sentence when the parse hangs the number on a noun of
    rules/counts.yaml parse_counts estimate_nouns: "the economy added 358,000 jobs last month, far above the
    235,000 forecast by economists" (an estimate of the same figure counts jobs); None otherwise."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in pr.number_deps or tok.head.i <= tok.i or _norm(tok.head.text) not in pr.estimate_nouns:
        return None
    previous = _previous_count(rows, sents, cand.start)
    return previous if previous is not None and previous["kind"] == "count" else None


def _apposed_age(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A bare number the parse apposes (parse_labels list_item) to a name of rules/counts.yaml count_exclusions
    age_appos_entity_types: "Nigel Judah, 58, finance director" states an age, never a count of the executives
    counted before it in the sentence."""
    tok = _number_token(sents, cand)
    return tok is not None and tok.dep_ in c.labels["list_item"] and tok.head.i < tok.i \
        and tok.head.ent_type_ in pr.age_appos_types


def _rate_object(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The plural object of a verb whose rate a bare number states: "the economy has been creating jobs at a
    rate of 358,000 a month" -> job (the number is the object of "of" under a noun of rules/counts.yaml
    parse_counts rate_nouns, itself the object of a preposition of that verb). The object has no number of
    its own and comes before the number."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.dep_ not in lab["prep_object"] or tok.head.lower_ != c.of_word:
        return None
    rate = tok.head.head
    if _norm(rate.text) not in pr.rate_nouns or rate.dep_ not in lab["prep_object"]:
        return None
    verb = rate.head.head
    if rate.head.dep_ not in lab["preposition"] or verb.tag_ not in c.verb_tags:
        return None
    for noun in verb.children:
        if (noun.dep_ in lab["verb_object"] and noun.i < tok.i and noun.tag_ in c.plural_tags and noun.is_lower
                and _head_ok(noun, c, pr) and not any(k.dep_ in lab["number_modifier"] for k in noun.children)):
            return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)
    return None


def _conversion_qualifier(qual: str, prefix: str, rows: list[dict]) -> str:
    """The qualifier of the measure a bracketed conversion restates ("about 250 miles (400 km)":
    both approx; the gold conventions), when the number has none of its own."""
    if qual != "exact" or not rows or rows[-1]["kind"] != "measure" or not CONVERSION_OPEN.search(prefix):
        return qual
    gap = len(prefix) - prefix.rfind("(")
    tail = prefix[: len(prefix) - gap]
    unit = rows[-1].get("unit_text") or ""
    return rows[-1]["qualifier"] if unit and tail.rstrip().endswith(unit.split()[-1]) else qual


def _hyphen_word_numbers(text: str, cands: list[Candidate], c: Compiled) -> list[Candidate]:
    """Spelled-out numbers glued by a hyphen to a word ("the ten-storey building", "a five-person crew"):
    candidates that only ``_hyphen_count`` (or a hyphen unit) can keep; the rest stay noise."""
    taken = [(k.start, k.end) for k in cands]
    out = []
    for h in c.hyphen_word_after.finditer(text):
        lo = max(0, h.start() - 24)
        m = c.hyphen_word_number.search(text[lo : h.start()])
        if m is not None and not _overlaps(lo + m.start(), h.start(), taken):
            out.append(Candidate(lo + m.start(), h.start(), m.group()))
    return out


def _pint_hyphen(cand: Candidate, text: str, pr: ParseRules, rules: Rules) -> bool:
    """Is the number glued by a hyphen to a word pint reads as a unit ("the 16-kilogram capsule", "a 9-volt
    battery"; rules/counts.yaml hyphen_units list the common ones)? Not a word of parse_counts.hyphen_noun_not,
    which pint may read but news does not ("18-karat gold" is a purity); a duration ("a 24-hour search") is
    a unit too, for the caller to drop."""
    from pipeline.extract.measures import measure_after

    if cand.high_text is not None:
        return False
    word = re.match(r"[^\W\d_]+", text[cand.end + 1 : cand.end + 40])
    if word is None or _norm(word.group()) in pr.hyphen_noun_not:
        return False
    return measure_after(text, cand.end + 1, rules) is not None


def _measure(cand: Candidate, reading: Reading, hyphen: bool, text: str, ctx: Context, qual: str,
             converted: bool = False) -> dict | None:
    """A ``measure`` row for a number followed by a unit pint knows ("6 km", "185-acre", "20cm"), a
    row of kind ``duration`` (never written) for a time unit, else None. ``converted``: the number opens
    a bracketed conversion of the measure before it ("75 ft (~23 m)"), where a lone "m" is a unit; so is
    one that a bracketed measure right after it restates ("around 50 m (165 ft) apart")."""
    from pipeline.extract.measures import lone_symbol_after, measure_after, measure_rules, to_si, uncertainty_before

    at = cand.end + 1 if hyphen else cand.end
    found = measure_after(text, at, ctx.rules, loose=converted)
    if found is not None and not found.duration and uncertainty_before(text, cand.start, ctx.rules):
        return {"kind": "uncertainty"}  # "1010 ± 195 light years": 195 is the error of the measure before it
    if found is None and not hyphen and lone_symbol_after(text, at, ctx.rules):
        # "around 50 m (165 ft) apart": a lone "m" that a bracketed measure restates is a unit too
        loose = measure_after(text, at, ctx.rules, loose=True)
        bracket = CONVERSION_AFTER.match(text, loose.end) if loose is not None else None
        if bracket is not None:
            restated = measure_after(text, bracket.end(), ctx.rules)
            found = loose if restated is not None and not restated.duration and not loose.duration else None
    if found is None:
        return None
    if found.duration:
        return {"kind": "duration"}
    if found.unit in measure_rules(ctx.rules).weight_units and not _is_weight(text, cand, ctx):
        return {"kind": "money_weight"}  # "10 pounds" without a weight cue: money's business
    unit_text = " ".join(text[at if found.start is None else found.start : found.end].split())
    rule = "measure_hyphen_unit" if hyphen else "measure_unit_after"
    return _row(cand.start, cand.end, "measure", reading, found.unit, qual, None, rule, unit_text, to_si(reading.value, found.unit, ctx.rules))


def _difference(cand: Candidate, reading: Reading, sents: Sentences, rows: list[dict], ctx: Context, qual: str) -> dict | None:
    """A bare number before a word of difference_after ("nine shy of becoming a tropical storm", "five short of
    a majority") is a difference in the unit of the last count or measure of its sentence before it, not one a
    bracket restates ("30 miles per hour (45 kilometers per hour), just nine shy of": miles per hour); none
    there, or a unit with an offset (a difference of degrees Celsius is no temperature): nothing."""
    from pipeline.extract.measures import to_si

    start, _ = sents.bounds(cand.start)
    before = [r for r in rows if start <= r["start"] < cand.start and r["kind"] in ("count", "measure")]
    before = [r for r in before if sents.text.count("(", start, r["start"]) <= sents.text.count(")", start, r["start"])]
    if not before or cand.high_text is not None:
        return None
    last = before[-1]
    if last["kind"] == "count":
        return _row(cand.start, cand.end, "count", reading, last["unit"], qual, None, "count_difference")
    if to_si(0.0, last["unit"], ctx.rules) != 0:
        return None
    return _row(cand.start, cand.end, "measure", reading, last["unit"], qual, None, "measure_difference",
                last["unit_text"], to_si(reading.value, last["unit"], ctx.rules))


def _event_name(cand: Candidate, row: dict, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A plural unit modifying the noun after it names an event ("won the 400 metres hurdles final", "the 100
    metres freestyle"): a measure that modifies a noun is written singular ("a 400-metre track"), so the
    plural is part of the event's name, never a measure of anything in the sentence."""
    doc = sents.doc
    i = sents.token_at_or_after(cand.end)
    if i >= len(doc) or doc[i].text != row["unit_text"]:
        return False
    unit = doc[i]
    return unit.tag_ in c.plural_tags and unit.dep_ in pr.unit_text_deps and unit.head.i > unit.i and unit.head.tag_ in pr.head_tags


def _head_measure(cand: Candidate, reading: Reading, noun: CountedNoun, text: str, ctx: Context, qual: str) -> dict | None:
    """A measure row when the noun the parse makes the number count is a unit pint knows, away from the
    number ("about five or six feet": "five" hangs from "feet"); a ``duration`` kind for a time unit;
    None when the noun is not a unit."""
    from pipeline.extract.measures import measure_after, to_si

    if noun.rule != "count_parse_noun" or noun.head.idx <= cand.end:
        return None
    found = measure_after(text, noun.head.idx, ctx.rules)
    if found is None or not text[cand.end : noun.head.idx].strip():
        return None
    if found.duration:
        return {"kind": "duration"}
    if found.unit in _weight_units(ctx) and not _is_weight(text, cand, ctx):
        return {"kind": "money_weight"}
    unit_text = " ".join(text[noun.head.idx : found.end].split())
    return _row(cand.start, cand.end, "measure", reading, found.unit, qual, None, "measure_parse_unit", unit_text,
                to_si(reading.value, found.unit, ctx.rules))


def _weight_units(ctx: Context) -> frozenset[str]:
    from pipeline.extract.measures import measure_rules

    return measure_rules(ctx.rules).weight_units


def _next_word_not_counted(sents: Sentences, end: int, c: Compiled) -> bool:
    """ "20 years after", "5 percent", "100,000 shillings": the word after the number says what it is."""
    word = re.match(r"[^\S\n]*([^\W\d_]+)", sents.text[end:])
    return word is not None and _norm(word.group(1)) in c.not_counted


def _is_weight(text: str, cand: Candidate, ctx: Context) -> bool:
    """The weight reading of rules/money.yaml for the number and the word after it ("500 pounds")."""
    from pipeline.extract.money import is_weight, money_rules

    word = re.match(r"\s*[\w-]+", text[cand.end :])
    return is_weight(text, cand.start, cand.end + (word.end() if word else 0), money_rules(ctx.rules))


def _verb_before(cand: Candidate, sents: Sentences, c: Compiled) -> bool:
    """Is the word right before the number a verb (a qualifier of rules/counts.yaml written as a verb:
    "passed", "topped", "exceeded")? Such a verb makes the number a bound only on a threshold crossed,
    from parse_counts.reaching_min_value up ("has passed 5 million downloads", "deaths surpassed 100,000");
    below it the number counts what the verb acts on ("The House passed two articles of impeachment",
    "crossed three borders")."""
    i = sents.token_at_or_after(cand.start) - 1
    return i >= 0 and sents.doc[i].tag_ in c.verb_tags


def _determined_number(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> bool:
    """A number the parse uses as a noun phrase of its own, with a determiner ("the ten with the lowest
    rates"): it stands for the noun of the count before it in the sentence."""
    tok = _number_token(sents, cand)
    return tok is not None and tok.dep_ not in pr.number_deps and any(
        t.dep_ in c.labels["determiner"] and _norm(t.text) in pr.of_dets for t in tok.children
    )


def _one_counts(cand: Candidate, reading: Reading, sents: Sentences, c: Compiled, pr: ParseRules, rows: list[dict],
                glued: CountedNoun | None = None) -> bool:
    """ "one" states a quantity only where the parse and the sentence say so: coordinated with a count
    ("three delegates in Colorado and one in Arkansas"), or modifying the noun right after it among
    other counts of the sentence and not one half of a contrast ("fourteen civilians, five personnel,
    and one member of the Coast Guard"; not "One rival executive remarked", "two units: one group ...
    while another", "I can't tell you one thing"), or after a bound or "only" ("At least one seat was
    pictured", "only one studio album"; not "about one person in ten"), or stressed ("rely on one single
    proprietary server"), or glued to a noun the article counts with other numbers ("ALDI also introduced a
    one-pack limit" beside "the four-pack restriction" and "two 12-roll packs"; not "a one-time charge")."""
    if not reading.spelled or reading.value != 1 or reading.has_magnitude or cand.high_text is not None:
        return False
    if _conjunct_count(cand, sents, c, rows) is not None or _partitive_noun(cand, sents, c, pr) is not None:
        return True  # "... and one in Arkansas"; "Of the eight victims, ... and one was asphyxiated"
    if _joined_subject_count(cand, sents, c, pr, rows) is not None and (
            _predicate_noun(cand, sents, c, pr, singular=True) is not None or not _one_pair(cand, sents, c)):
        # "Three hospitals in the city were damaged and one was destroyed", "..., one was a sailor and one was a
        # soldier"; not a pair of pronouns splitting two ("Two men were killed: one was swept away ... and one fell")
        return True
    tok = _number_token(sents, cand)
    if tok is not None and not any(k.lower_ == c.of_word for k in tok.children) \
            and not c.one_contrast.search(sents.text, cand.end, sents.bounds(cand.start)[1]) \
            and any(k.dep_ in c.labels["conjunct"] for k in tok.children):
        # one of several parts a count is split into ("they were two Argentinians, one from France, and a fourth
        # from Germany"); one member picked out is a pronoun ("three books, one with his wife"), as is "one of them"
        if _list_whole(tok, rows, sents, c, pr) is not None:
            return True
        previous = _previous_count(rows, sents, cand.start)
        if previous is not None and _parallel_item(cand, sents, c, pr, previous):
            return True
    if tok is None or tok.dep_ not in c.labels["number_modifier"] or tok.head.i <= tok.i:
        return False
    if _ratio_base(tok.head, c):
        return False  # "as high as six males to one female": the base of a ratio (tuning decision 16)
    if _ratio_base(tok.head, c, c.one_whole_of):
        return False  # "Three members of one family died": the one whole they belong to, an article
    bound = search_tail(c.qual_before, sents.before(cand.start), c.qual_before_longest)
    if bound is not None and c.qual_before_map[_norm(bound.group("q"))] != "approx":
        return True  # a bound or "only" makes it a quantity: "At least one seat", "only one studio album"
    noun = tok.head
    if c.one_emphatic.match(sents.text, cand.end):
        return True  # "rather than rely on one single proprietary server": the quantity stressed
    if glued is not None and glued.lemma in _counted_lemmas(sents, c, pr):
        return True  # "a one-pack limit" where the article also counts packs ("two 12-roll packs")
    if c.one_more.match(sents.text, cand.end) and _verb_object(noun, c):
        return True  # "reported one more case" (not a heading's "one more trip around Havana")
    if c.one_after.search(sents.before(cand.start, 24)) and (noun.dep_ in c.labels["subject"] or _verb_object(noun, c)):
        return True  # "all but one victim was found dismembered"
    if noun.dep_ in c.labels["verb_object"] and _norm(noun.head.text) in c.one_object_verbs and noun.head.i < tok.i:
        return True  # "Day had one child"
    if _charge(noun, c):
        return True  # "charged with one count of murder" (not "One count of the ballots showed a tie")
    if noun.dep_ in c.labels["verb_object"] and noun.head.i < tok.i and any(k.dep_ in c.one_existential for k in noun.head.children):
        return True  # "there was one passenger seriously injured, and two more with minor injuries"
    if c.one_ratio_after.match(sents.text, noun.idx + len(noun.text)):
        return True  # the count of a ratio: "shareholders will receive one right for each 105 common shares"
    if noun.dep_ in c.labels["subject"] and _norm(noun.head.text) in c.one_subject_verbs and noun.head.i > noun.i:
        return True  # "One person is killed.", "one suspect was arrested": the count of an event's victims
    if noun.dep_ in c.labels["subject"] and noun.head.i > noun.i and _event_word_in_clause(noun.head, c):
        return True  # "One child was, according to the fire service, among the dead."
    if _verb_object(noun, c) and _lemma(noun, c, pr) in _counted_lemmas(sents, c, pr):
        return True  # "to purchase one share of common stock" in an article that counts shares: a quantity
    if tok.is_sent_start:
        return False
    _, end = sents.bounds(cand.start)
    others = [r for r in _sentence_rows(rows, sents, cand.start) if r["kind"] == "count"]
    if others and c.one_ratio_base.search(sents.before(cand.start, 12)) and others[0]["unit"] == _lemma(noun, c, pr):
        return False  # the base of an exchange ratio: "three Paribas shares for one Navigation Mixte share"
    return bool(others) and not c.one_contrast.search(sents.text, cand.end, end)


def _ratio_base(noun: Token, c: Compiled, words: frozenset[str] | None = None) -> bool:
    """The noun is the object of a word of one_ratio_base_to that the parse hangs on the noun of a count before it
    ("six males to one female"): the base of a ratio, which the labels leave out; a change "from five stores to one
    store" hangs "to" on its verb and stays a count. ``words``: other such prepositions (one_whole_of: "Three
    members of one family")."""
    prep = noun.head
    words = c.one_ratio_base_to if words is None else words
    if noun.dep_ not in c.labels["prep_object"] or prep.lower_ not in words or prep.head.i >= prep.i:
        return False
    return any(k.dep_ in c.labels["number_modifier"] for k in prep.head.children)


def _charge(noun: Token, c: Compiled) -> bool:
    """A charge: one of one_charge_nouns with "of" and an offence with no determiner after it ("one count of
    murder", "one charge of assault"); "one count of the ballots" is a tally, not a charge."""
    if _norm(noun.text) not in c.one_charge_nouns:
        return False
    for prep in noun.children:
        if prep.lower_ == c.of_word and prep.i > noun.i:
            objects = [k for k in prep.children if k.dep_ in c.labels["prep_object"]]
            return bool(objects) and not any(k.dep_ in c.labels["determiner"] for k in objects[0].children)
    return False


def _event_word_in_clause(verb: Token, c: Compiled) -> bool:
    """Whether a word of rules/counts.yaml one_subject_verbs stands after ``verb`` in its own clause (no
    other subject between them in the tree): "One child was ... among the dead" (not "One activist said
    two people were killed", where "killed" has a subject of its own)."""
    for tok in verb.subtree:
        if tok.i <= verb.i or _norm(tok.text) not in c.one_subject_verbs:
            continue
        node, own = tok, True
        while node.i != verb.i and node.head.i != node.i:
            if any(k.dep_ in c.labels["subject"] for k in node.children):
                own = False
                break
            node = node.head
        if own and node.i == verb.i:
            return True
    return False


def _verb_object(noun: Token, c: Compiled) -> bool:
    """The noun is the object of a verb written before it, or a conjunct of such an object ("purchase one
    share", "pay $12 cash and one new preferred share")."""
    if noun.dep_ in c.labels["conjunct"]:
        noun = noun.head
    return noun.dep_ in c.labels["verb_object"] and noun.head.i < noun.i and noun.head.tag_.startswith("VB")


#: key of the lemmas a Doc counts with a number above one, memoised in ``Doc.user_data``
_COUNTED_KEY = "newsfacts.counts.counted_lemmas"


def _counted_lemmas(sents: Sentences, c: Compiled, pr: ParseRules) -> frozenset[str]:
    """The nouns the article counts with a number above one (the parse's number modifier of a noun: "3.3
    million common shares"): "one" before the object of a verb counts the same noun as a quantity there
    ("enable the holders to purchase one share"), while elsewhere "one share" may be an article. Read once
    per Doc, and only when a "one" asks."""
    doc = sents.doc
    memo = doc.user_data.get(_COUNTED_KEY)
    if memo is None:
        memo = frozenset(
            _lemma(t.head, c, pr) for t in doc
            if t.dep_ in c.labels["number_modifier"] and t.head.i > t.i and t.like_num
            and t.head.tag_ in c.plural_tags
        )
        doc.user_data[_COUNTED_KEY] = memo
    return memo


def _one_measure(cand: Candidate, reading: Reading, sents: Sentences, c: Compiled, rules: Rules) -> bool:
    """ "one" before a unit pint knows states a measure where its sentence measures with another number
    too ("buried one foot below the ground, about 200 feet behind the house"), and not as one half of a
    contrast ("one foot in front of the other"): elsewhere "one foot", "one mile" are idioms or articles."""
    from pipeline.extract.measures import measure_after

    if not reading.spelled or reading.value != 1 or reading.has_magnitude or cand.high_text is not None:
        return False
    found = measure_after(sents.text, cand.end, rules)
    if found is None or found.duration:
        return False
    start, end = sents.bounds(cand.start)
    if c.one_contrast.search(sents.text, cand.end, end):
        return False
    for m in c.number.finditer(sents.text, start, end):
        if m.start() == cand.start or _norm(m.group()) in ("one", "a", "an"):
            continue
        other = measure_after(sents.text, m.end(), rules)
        if other is not None and not other.duration:
            return True
    return False


def _sentence_rows(rows: list[dict], sents: Sentences, pos: int) -> list[dict]:
    """The rows found before ``pos`` in its sentence (rows are in text order: only the tail is read, so
    the cost stays bounded on text without sentence breaks)."""
    start, _ = sents.bounds(pos)
    out = []
    for row in reversed(rows):
        if row["start"] < start:
            break
        if row["start"] < pos:
            out.append(row)
    return out


def _conjunct_count(cand: Candidate, sents: Sentences, c: Compiled, rows: list[dict]) -> dict | None:
    """The count whose noun a bare number is coordinated with ("three delegates in Colorado and one in
    Arkansas": the parse makes "one" a conjunct of "delegates"), or the counted number it is a conjunct
    of ("Five people died: three in China and one in Hong Kong"), else None."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in c.labels["conjunct"] or tok.head.i >= tok.i:
        return None
    head = tok.head
    for row in _sentence_rows(rows, sents, cand.start):
        num = _number_token(sents, Candidate(row["start"], row["end"], ""))
        if num is not None and head.i in (num.i, num.head.i) and row["kind"] == "count":
            return row
    return None


def _item_exceeds_whole(cand: Candidate, reading: Reading, sents: Sentences, c: Compiled, rows: list[dict]) -> bool:
    """Whether a bare number is an item of a list hung on a counted noun (parse_labels list_item, or a
    conjunct of such an item) and is larger than the count of that noun: a part cannot exceed its whole,
    so "His two sons, 12 and 14," gives ages, while "two Argentinians, one from France" is a part."""
    tok = _number_token(sents, cand)
    lab = c.labels
    for _ in range(4):  # up a bounded list of conjuncts ("12 and 14")
        if tok is None or tok.dep_ not in lab["conjunct"] or tok.head.i >= tok.i:
            break
        tok = tok.head
    if tok is None or tok.dep_ not in lab["list_item"] or tok.head.i >= tok.i:
        return False
    noun = tok.head
    for row in _sentence_rows(rows, sents, cand.start):
        num = _number_token(sents, Candidate(row["start"], row["end"], ""))
        if num is not None and num.head.i == noun.i and row["kind"] == "count" and row.get("rule") != "count_hedged_appos":
            return reading.value > row["value"]  # (a hedged item's own number is no whole: "five or ten")
    return False


def _elided_noun(
    cand: Candidate, reading: Reading, sents: Sentences, c: Compiled, pr: ParseRules, rows: list[dict], rest: str,
    casualty: bool = True,
) -> tuple[str | None, str]:
    """(unit, rule) for a number whose counted noun is not written after it, else (None, "").

    In order: an anaphor ("133 of them": the previous count's noun, else a listed noun before), a verb
    of reaching after a listed noun ("token usage exceeded 4 trillion"), a casualty verb ("injured more
    than 5,500": people), a gapped conjunct ("259 people on the plane and 11 on the ground"), and the
    subject of a counting verb ("The victims numbered 213") or of "the number of <nouns>"."""
    window = sents.before(cand.start, c.lookback_chars)
    previous = _previous_count(rows, sents, cand.start)
    if previous is not None and search_tail(c.lookback_before, sents.before(cand.start), 16) is not None:
        return previous["unit"], "count_anaphor"  # "two qualifying polls, of which four are needed"
    if c.lookback_after.match(rest):
        if previous is not None:
            return previous["unit"], "count_anaphor"
        nouns = list(c.counted_re.finditer(window))
        if nouns:
            return c.counted_map[_norm(nouns[-1].group("noun"))], "count_noun_before"
        if pr.partitive_anaphor.match(rest):
            antecedent = _plural_antecedent(cand, sents, c, pr)
            if antecedent is not None:
                return antecedent, "count_anaphor_noun"  # "opened fire on protesters ..., killing at least 12 of them"
    if c.lookback_trigger.search(window):
        nouns = list(c.counted_re.finditer(window))
        if nouns:
            return c.counted_map[_norm(nouns[-1].group("noun"))], "count_noun_before"
        reached = _reaching_noun(cand, reading, sents, c, pr)
        if reached is not None:
            return reached, "count_reaching_subject"  # "with coronavirus deaths surpassing 100,000"
    prefix = sents.before(cand.start)
    if casualty and c.casualty_before.search(prefix) and previous is not None and c.casualty_before.search(sents.before(previous["start"])):
        # "killed 17 workers and injured at least 30": the casualty count before it gives the noun; with none
        # ("killing 21 and injuring 19", "a bus carrying 46 passengers ... killing 21") a bare number stays out
        return previous["unit"], "count_casualty_verb"
    if c.casualty_after.match(sents.text, cand.end):
        # "Six people were killed and at least 58 injured": the count before it gives the noun; with none
        # ("left five dead and at least 30 injured", "more than 1,700 injured") the number names nothing, as
        # the labels read it (a bare number with no noun in its sentence is no count) and as casualty verbs do
        if previous is not None:
            return previous["unit"], "count_casualty_after"
        return (c.casualty_unit, "count_casualty_after") if _casualty_noun(cand, sents, c) else (None, "")
    if reading.value == 1 and reading.spelled and _joined_subject_count(cand, sents, c, pr, rows) is not None:
        own = _predicate_noun(cand, sents, c, pr, singular=True)
        if own is not None:
            return own, "count_joined_subject"  # "Eleven of the service members were Marines, one was a sailor"
    if previous is not None and c.ellipsis_before.search(prefix):
        return previous["unit"], "count_ellipsis"
    rated = _rate_object(cand, sents, c, pr)
    if rated is not None:
        return rated, "count_rate"  # "creating jobs at a rate of 358,000 a month"
    subject = _subject_noun(cand, sents, c, pr)
    if subject is not None:
        return subject, "count_subject"
    size = _size_noun(cand, sents, c, pr)
    if size is not None:
        return size, "count_size"  # "The total population of Hong Kong is about 7.5 million"
    group = _group_adjective_noun(cand, sents, c, pr)
    if group is not None:
        return group, "count_group_adjective"  # "Hong Kongers turned out more than 2.9 million strong"
    predicate = _predicate_noun(cand, sents, c, pr)
    if predicate is not None:
        return predicate, "count_predicate"  # "Of the 31 dead, six were children"
    joined = _joined_subject_count(cand, sents, c, pr, rows, objects=reading.value > 1)
    if joined is not None:
        # "Eleven of the service members were Marines, one was a sailor": "one" takes its own predicate noun;
        # "Three hospitals ... were damaged and one was destroyed": the count's noun
        own = _predicate_noun(cand, sents, c, pr, singular=reading.value == 1)
        return own or joined["unit"], "count_joined_subject"
    label = _label_line(cand, sents, c)
    if label is not None:
        return label, "count_label_line"  # "Total Dead: 192", "Americans: 12"
    partitive = _partitive_noun(cand, sents, c, pr)
    if partitive is not None:
        return partitive, "count_partitive"  # "Of the eight victims, three were stabbed"
    whole = _of_the_number_noun(cand, sents, c, pr)
    if whole is not None:
        return whole, "count_of_the_n"  # "McArthur's first victim of the eight"
    tok = _number_token(sents, cand)
    if previous is not None and tok is not None and tok.i > 0 and _gapped_after_name(tok.doc[tok.i - 1], tok, c):
        return previous["unit"], "count_gapped_name"  # "453 delegates and Sanders 382"
    if previous is not None and tok is not None and tok.i > 0 and _gapped_after_subject(tok.doc[tok.i - 1], tok, c):
        return previous["unit"], "count_gapped_subject"  # "The opposition alliance won 212 seats, and a Kurdish-backed alliance 66"
    inferred = previous is not None and previous["rule"] in ("count_casualty_verb", "count_casualty_after")
    if previous is not None and not inferred and not c.casualty_before.search(prefix) and _bare_number(cand, sents, c):
        # the noun of a count whose noun is written or gapped itself (not one read off a casualty verb)
        whole = _from_elsewhere(cand, sents, previous, rows, c, pr)  # "two Argentinians, one from France"
        return whole["unit"], "count_gapped"  # "Warren had 8 delegates, and Klobuchar had 7"
    if previous is not None and not inferred and not c.casualty_before.search(prefix) and _parallel_item(cand, sents, c, pr, previous):
        return previous["unit"], "count_parallel"  # "two cases were aged above 60, two between 51 and 60"
    if previous is None:
        obj = _object_noun(cand, sents, c, pr)
        if obj is not None:
            return obj, "count_verb_object"  # "had the most pledged delegates, with 60"
    return None, ""


def _plural_antecedent(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The noun a partitive anaphor after a number ("12 of them": rules/counts.yaml parse_counts partitive_anaphors)
    stands for when no count comes before it in the sentence: the nearest plural common noun before the number
    that no number counts ("soldiers opened fire on protesters at the toll gate ..., killing at least 12 of them":
    protesters). None with none ("They met, and 12 of them left")."""
    tok = _number_token(sents, cand)
    if tok is None:
        return None
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.tag_ in c.plural_tags and t.is_lower and t.is_alpha and _head_ok(t, c, pr) \
                and not any(k.dep_ in c.labels["number_modifier"] for k in t.children) and not plural_modifier(t, c):
            return _lemma(t, c, pr)
    return None


def _prepositional_bound(cand: Candidate, sents: Sentences, c: Compiled) -> bool:
    """Whether the bound word right before the number ("over", "under", "above") is a preposition whose object is
    the counted noun after the number ("Carroll received the nomination over two other contenders", "He was chosen
    over three rivals") of a verb, not a modifier of the number ("over 400 firefighters participated": the parser
    hangs that "over" on the number, parse_labels quantmod) nor a bound of a bare number ("the total may have
    climbed above 8,000"). Read for counts only (see _counts)."""
    tok = _number_token(sents, cand)
    if tok is None or tok.i == 0:
        return False
    word = tok.doc[tok.i - 1]
    lab = c.labels
    # the object is the noun after the number; "climbed above 8,000" (the number its own object) stays a bound
    # and the preposition hangs on a verb: "waves over 30 feet high" (on a noun) is a bound
    return word.dep_ in lab["preposition"] and word.head.tag_ in c.verb_tags and tok.head.i > tok.i and any(
        k.dep_ in lab["prep_object"] and k.i == tok.head.i for k in word.children)


def _own_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The singular noun right after a "one" the parse makes it modify, once the rules of "one" have made it a
    quantity: "I scored eight wins and one loss", "215 votes in favor, ten abstentions, and one vote against" (the
    score words _head_ok turns away still name what is counted here; without this the elided-noun rules gave
    the count before it, "win", "abstention"). Never a time or another word of not_counted / not_count_heads."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in pr.number_deps or tok.head.i != tok.i + 1:
        return None
    head = tok.head
    if head.tag_ not in pr.singular_head_tags or not head.is_lower or not head.is_alpha:
        return None
    lemma = _lemma(head, c, pr)
    if lemma in c.not_counted or lemma in pr.not_count_heads:
        return None
    return lemma


def _whole_after(cand: Candidate, cands: list[Candidate], sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The noun of the number after "out of" (rules/counts.yaml parse_counts whole_after) for a number with no noun
    of its own: "giving them control of 17 out of 18 of the area's districts" (the part counts what the whole
    counts; a proportion's base, "3 out of 10 voters", was set aside before)."""
    m = pr.whole_after.match(sents.text, cand.end)
    if m is None:
        return None
    nxt = next((k for k in cands if k.start == m.end()), None)
    if nxt is None or sents.bounds(nxt.start) != sents.bounds(cand.start):
        return None
    noun = forward_noun(sents, nxt.end, c)
    if noun is not None:
        return noun
    counted = counted_noun(sents, nxt, c, pr)
    return counted.unit if counted is not None else None


def _casualty_shared_noun(cand: Candidate, cands: list[Candidate], sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The noun of a later count that a bare number shares: the number is the object of a casualty verb
    (rules/counts.yaml casualty_verbs) and a later casualty verb joined to that verb has as object a count
    with its noun written ("killed one and injured eight people": person, the noun written once for both;
    newsdev-counts-3.md decision 2). None when the later number has no noun either ("killing 21 and injuring
    19" names nothing, as the labels read it) or the verbs are not joined."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.dep_ not in lab["verb_object"] or not c.casualty_before.search(sents.before(cand.start)):
        return None
    verb = tok.head
    for nxt in cands:
        if nxt.start <= cand.end or sents.bounds(nxt.start) != sents.bounds(cand.start):
            continue
        later = _number_token(sents, nxt)
        if later is None or later.dep_ not in lab["number_modifier"]:
            continue
        noun = later.head
        joined = noun.head
        if noun.dep_ not in lab["verb_object"] or joined.dep_ not in lab["conjunct"] or joined.head.i != verb.i:
            continue
        if not c.casualty_before.search(sents.before(nxt.start)):
            continue
        counted = counted_noun(sents, nxt, c, pr)
        return counted.unit if counted is not None else None
    return None


def _casualty_noun(cand: Candidate, sents: Sentences, c: Compiled) -> bool:
    """The casualty word right after the number is a noun the number modifies ("an earlier toll of 27 dead",
    "Among the 12 dead were three children", "Of the 27 injured": people), not a predicate ("the tremor left
    five dead", "more than 1,700 injured": no noun in the sentence)."""
    tok = _number_token(sents, cand)
    if tok is None or tok.i + 1 >= len(tok.doc):
        return False
    word = tok.doc[tok.i + 1]
    if any(k.dep_ in c.labels["determiner"] for k in (*tok.children, *word.children) if k.i < tok.i):
        return True  # "Of the 27 injured, 14 had gunshot wounds": a determiner makes the two words a noun phrase
    return tok.dep_ in c.labels["number_modifier"] and tok.head.i == word.i and word.dep_ in c.casualty_noun_deps


def _reaching_noun(cand: Candidate, reading: Reading, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The plural noun that reaches the number, for a number with no noun after a verb of reaching
    (rules/counts.yaml lookback_triggers): the verb's subject ("Confirmed infections reached 12,000") or
    the noun the verb's clause modifies ("with coronavirus deaths surpassing 100,000"); the number is the
    verb's object or the object of its "to" ("rose to 3,000"). The noun has no number of its own, and the
    number is at least rules/counts.yaml parse_counts.reaching_min_value: below it a plural subject
    reaching a number is mostly a price or a level ("Its shares rose to 35")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or reading.value < pr.reaching_min:
        return None
    follow = lab["conjunct"] | lab["coordinator"] | lab["preposition"]
    if any(t.i > tok.i and t.dep_ not in follow and not t.is_punct and not t.is_space for t in tok.children):
        return None
    verb = tok.head
    if tok.dep_ in lab["prep_object"] and verb.lower_ == "to":
        verb = verb.head
    elif tok.dep_ not in lab["verb_object"]:
        return None
    if verb.tag_ not in c.verb_tags:
        return None
    nouns = [t for t in verb.children if t.dep_ in lab["subject"]]
    if verb.dep_ in lab["noun_clause"]:
        nouns.append(verb.head)
    for noun in nouns:
        if (noun.i < verb.i and noun.tag_ in c.plural_tags and noun.is_lower and noun.is_alpha and _head_ok(noun, c, pr)
                and not any(k.dep_ in lab["number_modifier"] for k in noun.children)):
            return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)
    return None


def _label_line(cand: Candidate, sents: Sentences, c: Compiled) -> str | None:
    """The unit of a number alone on a fact-box line after its label ("Total Dead: 192" -> person,
    "Americans: 12" -> American): the label's last word, a plural noun or a casualty word."""
    text = sents.text
    line_start = text.rfind("\n", max(0, cand.start - 60), cand.start) + 1
    line_end = text.find("\n", cand.end)
    m = c.label_line_before.match(text[line_start : cand.start]) if line_start > 0 or cand.start < 60 else None
    if m is None or not c.label_line_after.match(text[cand.end : line_end if line_end != -1 else len(text)]):
        return None
    word = m.group("label").split()[-1]
    if _norm(word) in c.casualty_words:
        return c.casualty_unit
    if word.isalpha() and len(word) > 3 and word.lower().endswith("s") and not word.isupper():
        return _singular(word if word.lower() in c.demonyms else word.lower(), c)
    return None


def _predicate_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, singular: bool = False) -> str | None:
    """The plural predicate noun of a copula whose subject is a bare number: "Of the 31 dead, six were
    children" -> child, "31 were Spanish nationals" -> national (a predicate of rules/counts.yaml
    parse_labels predicate; no number of its own, a countable noun or a demonym). ``singular``: a singular
    noun too, for a "one" that another count of its sentence makes a quantity ("one was a sailor")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.dep_ not in lab["subject"] or any(t.i > tok.i for t in tok.children) or tok.head.i < tok.i:
        return None
    for noun in tok.head.children:
        if noun.dep_ not in lab["predicate"] or noun.i < tok.head.i or (
                noun.tag_ not in c.plural_tags and not (singular and noun.tag_ in pr.head_tags)):
            continue
        if any(k.dep_ in lab["number_modifier"] for k in noun.children) or not _head_ok(noun, c, pr):
            return None
        return c.counted_map.get(_norm(noun.text)) or _counted(noun, noun, "count_predicate", c, pr).unit
    return None


def _joined_subject_count(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, rows: list[dict],
                          objects: bool = False) -> dict | None:
    """The count of its sentence a bare number splits or adds to: the number is the subject of a verb joined
    (rules/counts.yaml partitive_verb_links, a bounded walk either way) to the verb whose subject is that count's
    number or noun: "Three hospitals in the city were damaged and one was destroyed", "Eleven of the service
    members were Marines, one was a sailor", "217 people had been confirmed dead and that more than 15,000
    remained stranded". A subject with words of its own after it is not bare ("one of them"), nor one the tagger reads
    as a pronoun ("Five candidates ran in the primary; one must win a majority"); None if none. With ``objects``
    (a number above one with no noun, round 13), the count may also be the object of its verb: "City officials
    estimated the crowd at more than 10,000 ..., and organisers said 200,000 took part" (crowd)."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if (tok is None or tok.dep_ not in lab["subject"] or tok.tag_ not in pr.number_tags or tok.head.i < tok.i
            or any(t.i > tok.i for t in tok.children)):
        return None
    def verb(t: Token) -> Token:  # "15,000 remained stranded": the parser hangs the subject on an auxiliary
        return t.head.head if t.head.dep_ in lab["auxiliary"] else t.head

    for row in _sentence_rows(rows, sents, cand.start):
        if row["kind"] != "count":
            continue
        num = _number_token(sents, Candidate(row["start"], row["end"], ""))
        if num is None:
            continue
        subject = num if num.dep_ in lab["subject"] else num.head if num.dep_ in lab["number_modifier"] else None
        if subject is not None and subject.dep_ in lab["subject"] and _joined_verbs(verb(tok), verb(subject), pr):
            return row
        governor = _object_verb(num, subject, c) if objects else None
        if governor is not None and governor.i != verb(tok).i and _joined_verbs(verb(tok), governor, pr):
            return row
    return None


def _object_verb(num: Token, noun: Token | None, c: Compiled) -> Token | None:
    """The verb whose object (rules/counts.yaml parse_labels verb_object, or the object of a preposition under it)
    a count is: its noun's, or the bare number's ("estimated the crowd at more than 10,000": estimated); else None."""
    lab = c.labels
    node = noun if noun is not None else num
    if node.dep_ in lab["prep_object"] and node.head.dep_ in lab["preposition"]:
        node = node.head
    elif node.dep_ not in lab["verb_object"]:
        return None
    verb = node.head
    return verb if verb.tag_ in c.verb_tags else None


def _one_pair(cand: Candidate, sents: Sentences, c: Compiled) -> bool:
    """Whether another bare "one" is a subject in the sentence of this one: "one ... and one ...", the pronouns of
    a split ("Two men were killed: one was swept away ... and one fell"), as "one ... the other" is."""
    tok = _number_token(sents, cand)
    if tok is None:
        return False
    return any(t.i != tok.i and t.lower_ == tok.lower_ and t.dep_ in c.labels["subject"] and not any(k.i > t.i for k in t.children)
               for t in tok.sent)


def _joined_verbs(one: Token, other: Token, pr: ParseRules, steps: int = 3) -> bool:
    """Whether either verb reaches the other up a chain of partitive_verb_links of at most ``steps`` links."""
    for start, goal in ((one, other), (other, one)):
        node = start
        for _ in range(steps):
            if node.dep_ not in pr.partitive_links or node.head.i == node.i:
                break
            node = node.head
            if node.i == goal.i:
                return True
    return False


def _partitive_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The unit of a fronted "of the <nouns>" for a number that is a subject with no noun of its own:
    "of the 40 passengers, 22 were Cuban"; "Of the eight victims, three were stabbed, two were strangled
    ... and one was asphyxiated" (the "of" hangs from one verb, the numbers are subjects of verbs joined
    to it: rules/counts.yaml partitive_verb_links), or from a quantifier that is the subject of such a verb
    ("Most of the victims drowned, while five were electrocuted and four died in landslides")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.dep_ not in lab["subject"] or any(t.i > tok.i for t in tok.children):
        return None
    found = _fronted_of(tok, tok, c, pr)  # the parser may hang the fronted "of" on the number itself
    verb = tok.head
    for _ in range(4):  # a bounded walk up the joined verbs
        found = found or _fronted_of(verb, tok, c, pr)
        for subj in (t for t in verb.children if t.dep_ in lab["subject"] and t.i < tok.i):
            if found is None and subj.tag_ not in pr.head_tags and subj.tag_ not in c.plural_tags:
                found = _fronted_of(subj, tok, c, pr)  # "Most of the victims drowned": a quantifier's "of the"
        if found is not None:
            return found
        if verb.dep_ not in pr.partitive_links or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _fronted_of(owner: Token, tok: Token, c: Compiled, pr: ParseRules) -> str | None:
    """The unit of an "of the <nouns>" (or "of the <adjective>") hanging from ``owner`` before the number ``tok``."""
    lab = c.labels
    for prep in owner.children:
        if prep.dep_ not in lab["preposition"] or prep.lower_ != c.of_word or prep.i > tok.i:
            continue
        for noun in prep.children:
            if noun.dep_ not in lab["prep_object"]:
                continue
            # "Of the eight victims", "of its two hospitals" (a possessive determiner, not a noun's: "the city's")
            dets = [t for t in noun.children if t.dep_ in lab["determiner"]
                    or (t.dep_ in lab["possessive"] and not any(k.dep_ in lab["possessive_marker"] for k in t.children))]
            if noun.tag_ in c.plural_tags and dets and all(_norm(d.text) in pr.of_dets for d in dets) and _head_ok(noun, c, pr):
                return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)
            adjective = _fronted_adjective(noun, c, pr) if noun.i < tok.i else None
            if adjective is not None:
                return adjective  # "Of the dead, 546 were in Lombardy"
    return None


def _closing_bracket(tok: Token, pr: ParseRules) -> int:
    """The index of the closing bracket right after a number that its opening bracket right before it wraps alone
    (rules/counts.yaml parse_counts.number_brackets: "its {four} businesses"), else -1; not after another number
    ("four (4) businesses")."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or pr.number_brackets.get(doc[tok.i - 1].text) != doc[tok.i + 1].text:
        return -1
    if tok.i > 1 and (doc[tok.i - 2].like_num or doc[tok.i - 2].tag_ in pr.number_tags):
        return -1
    return tok.i + 1


def _partitive_body(body: Token, c: Compiled, pr: ParseRules) -> str | None:
    """The name of a body of people (as ``_body_name``) that a number inside its name sizes after a partitive "N of
    the" ("At least five of the nine CentOS Governing Board": nine members, the unit of the five)."""
    prep = body.head
    if body.dep_ not in c.labels["prep_object"] or prep.lower_ != c.of_word or body.ent_type_ not in pr.of_the_body_types:
        return None
    if prep.head.i >= prep.i or prep.head.tag_ not in pr.number_tags:
        return None
    return _body_name(body, c, pr)


def _body_name(body: Token, c: Compiled, pr: ParseRules) -> str | None:
    """The name of a body of people after "N of the" ("3000 of the National Guard" -> National Guard): a
    proper noun (name_before_tags) with one determiner of of_the_determiners and its name's own words before
    it, nothing else."""
    if body.tag_ not in pr.name_before_tags:
        return None
    left = [t for t in body.children if t.i < body.i]
    dets = [t for t in left if t.dep_ in c.labels["determiner"]]
    words = [t for t in left if t.dep_ in c.labels["compound"] and t.tag_ in pr.name_before_tags]
    if len(dets) != 1 or _norm(dets[0].text) not in pr.of_dets or len(dets) + len(words) != len(left):
        return None
    return " ".join(t.text for t in sorted([*words, body], key=lambda t: t.i))


def _of_the_number_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """ "McArthur's first victim of the eight was ...": a number with no noun, after "of" and a determiner
    (rules/counts.yaml of_the_determiners), counts the noun "of" hangs from when a rank picks that noun out
    of them (an ordinal or a superlative: "the first victim", "the youngest victim")."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in c.labels["prep_object"] or tok.head.lower_ != c.of_word:
        return None
    if not any(k.dep_ in c.labels["determiner"] and _norm(k.text) in pr.of_dets for k in tok.children):
        return None
    noun = tok.head.head
    if noun.i >= tok.head.i or noun.tag_ not in pr.head_tags or not _head_ok(noun, c, pr):
        return None
    if not any(k.tag_ in pr.superlative_tags or k.ent_type_ in pr.ordinal_entity_types for k in noun.children):
        return None  # a member picked by rank ("first", "youngest"), not "the decision of the two"
    return _lemma(noun, c, pr)


def _object_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The plural object of the verb a bare number hangs from through a preposition of rules/counts.yaml
    object_number_preps: "Sanders had the most pledged delegates, with 60" -> delegate. The object has
    no number of its own and comes before the number."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.dep_ not in lab["prep_object"] or any(t.i > tok.i for t in tok.children):
        return None
    prep = tok.head
    if _norm(prep.text) not in pr.object_preps:
        return None
    head = prep.head
    nouns = [head] if head.dep_ in lab["verb_object"] else [t for t in head.children if t.dep_ in lab["verb_object"]]
    for noun in nouns:
        if (noun.i < tok.i and noun.tag_ in c.plural_tags and noun.is_lower and _head_ok(noun, c, pr)
                and not any(k.dep_ in lab["number_modifier"] for k in noun.children)):
            return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)
    return None


def _bare_number(cand: Candidate, sents: Sentences, c: Compiled) -> bool:
    """A number the parse uses as a noun phrase of its own (an object, a subject, a conjunct: "Klobuchar
    had 7", "with 60", "has earned 914"), with nothing after it in its phrase but a prepositional phrase
    ("including 3,800 in Germany"): it stands for the noun counted before it in the sentence (gapping)."""
    tok = _number_token(sents, cand)
    if tok is None or tok.dep_ not in c.labels["bare_number"]:
        return False
    # only a prepositional phrase, a participle clause or the rest of a list may follow it ("including
    # 3,800 in Germany", "including 254,200 bought from Sept. 14", "36 in North Cotabato, 29 in South
    # Cotabato and seven in General Santos City")
    lab = c.labels
    # ...or a relative clause about people ("including 200 who were under the age of 18")
    follow = lab["preposition"] | lab["conjunct"] | lab["coordinator"] | lab["noun_clause"] | lab["relative_clause"]
    # ...or an adverb of place ("including 3.4 million abroad")
    return all(t.dep_ in follow or t.is_punct or (t.dep_ in lab["place_adverb"] and _norm(t.text) in c.place_adverbs)
               for t in tok.children if t.i > tok.i)


def _is_noun(tok: Token, c: Compiled, pr: ParseRules) -> bool:
    """A common or proper noun by its Penn tag (parse_counts head_tags, noun_tags plural, name_before_tags)."""
    return tok.tag_ in pr.head_tags or tok.tag_ in c.plural_tags or tok.tag_ in pr.name_before_tags


def _row_noun(row: dict, sents: Sentences, c: Compiled, pr: ParseRules) -> Token | None:
    """The noun a count row's number modifies, written after it ("two cases" -> cases), else None (a count
    whose noun was read off a verb, a predicate or an earlier count)."""
    num = _number_token(sents, Candidate(row["start"], row["end"], ""))
    if num is None or row["kind"] != "count" or num.dep_ not in c.labels["number_modifier"] or num.head.i <= num.i:
        return None
    return num.head if _is_noun(num.head, c, pr) else None


def _parallel_item(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules, previous: dict) -> bool:
    """Whether a number with no noun of its own opens an item of a list or coordination after a count of a
    written noun in its sentence, so that it counts that noun (gapping by a parallel number, issue 15 round
    10): "two cases were aged above 60, two between 51 and 60" (the parser hangs the second "two" on the
    verb), "the five firearms he allegedly used — two semi-automatic, two shotguns" (an adjective, one of
    parse_counts elided_head_tags, heads the number and stands for the elided noun). The item opens right
    after a list separator (parse_counts list_separator_tags) or a coordinator; a number hung on another
    number is a range's end ("between 51 and 60"), never an item; a noun of its own after it is its noun."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or tok.i == 0 or not _spelled(cand.low_text) or _row_noun(previous, sents, c, pr) is None:
        return False  # digits after a comma in a list are as often prices, tallies or values: written words only
    before = tok.doc[tok.i - 1]
    if before.tag_ not in pr.list_separator_tags and before.dep_ not in lab["coordinator"]:
        return False
    if tok.head.tag_ in pr.number_tags or tok.dep_ in lab["prep_object"] or tok.dep_ in lab["subject"]:
        return False  # a subject has a verb of its own: no gapped item ("Five candidates ran; one must win")
    if tok.dep_ in lab["number_modifier"]:
        head = tok.head  # "two semi-automatic": an adjective heading its own phrase, no noun after it
        return head.i > tok.i and head.tag_ in pr.elided_head_tags and head.dep_ not in lab["subject"] and not (
            head.dep_ in pr.unit_text_deps and head.head.i > head.i) and not any(k.i > head.i and _is_noun(k, c, pr) for k in head.children)
    return not any(k.i > tok.i and _is_noun(k, c, pr) for k in tok.children)


def _list_whole(tok: Token, rows: list[dict], sents: Sentences, c: Compiled, pr: ParseRules) -> dict | None:
    """The count of the noun a bare number is an item of (parse_labels list_item: "two Argentinians, one
    from France"; "three men, two from Leeds"), above one, before it in the sentence, else None."""
    if tok.dep_ not in c.labels["list_item"] or tok.head.i >= tok.i:
        return None
    for row in _sentence_rows(rows, sents, tok.idx):
        noun = _row_noun(row, sents, c, pr)
        if noun is not None and noun.i == tok.head.i and row["value"] > 1:
            return row
    return None


def _from_elsewhere(cand: Candidate, sents: Sentences, previous: dict, rows: list[dict], c: Compiled, pr: ParseRules) -> dict:
    """The count a gapped item stands for: the previous one, except for an item from a place of its own after
    a count of a demonym ("they were two Argentinians, one from France": not an Argentinian), which stands
    for the count before that one in the sentence ("Four of the deceased"), when there is one."""
    tok = _number_token(sents, cand)
    noun = _row_noun(previous, sents, c, pr)
    if tok is None or noun is None or not (noun.ent_type_ in c.demonym_types or noun.text.lower() in c.demonyms):
        return previous
    placed = any(p.dep_ in c.labels["preposition"] and any(o.ent_type_ in pr.place_entity_types for o in p.children)
                 for p in tok.children)
    if not placed:
        return previous
    earlier = [r for r in _sentence_rows(rows, sents, previous["start"]) if r["kind"] == "count"]
    return earlier[0] if earlier else previous


def _hedged_appos_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> CountedNoun | None:
    """The plural noun a hedged bare number is apposed to restates the size of: "from the chess players, I
    think, Iranian Chess players, very few, maybe not even five or ten reached out" (parse_counts hedge_deps;
    the noun has no number of its own; an age apposed to a noun is not hedged: "His sons, 12 and 14")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or not _spelled(cand.low_text) or tok.dep_ not in lab["list_item"] or tok.head.i >= tok.i:
        return None
    noun = tok.head
    if noun.tag_ not in c.plural_tags or not _head_ok(noun, c, pr) or _numbered(noun, c):
        return None
    if not any(k.dep_ in pr.hedge_deps and k.i < tok.i for k in tok.children):
        return None
    if any(k.i > tok.i and _is_noun(k, c, pr) for k in tok.children):
        return None
    return _counted(noun, noun, "count_hedged_appos", c, pr)


def _pronoun_antecedent(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The noun a numeral used as a pronoun stands for ("... the decision to ban the players saying, 'As a
    first step, these two will be denied entry'": players): the number is a subject with a determiner of
    parse_counts of_the_determiners and nothing else of its own, and its sentence names before it exactly
    one plural common noun with no number of its own (the labels' convention: an ellipsis takes the noun of
    its sentence; with none, or with two that could be meant, nothing: "the two were considering a merger")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or not _spelled(cand.low_text) or tok.dep_ not in lab["subject"]:
        return None  # a numeral used as a pronoun is written in words ("these two"; "the 36" is a figure)
    kids = list(tok.children)
    if not kids or not all(k.dep_ in lab["determiner"] and _norm(k.text) in pr.of_dets and k.i < tok.i for k in kids):
        return None
    start, _ = sents.bounds(cand.start)
    found = set()
    # the subject of a verb whose reported clause (parse_counts reported_clause_deps) holds the number says
    # something about the two, never is them ("Analysts said the two would merge")
    speakers, node = set(), tok
    while node.head.i != node.i:
        if node.dep_ in pr.reported_deps:
            speakers |= {k.i for k in node.head.children if k.dep_ in lab["subject"]}
        node = node.head
    # the antecedent is a subject or an object ("to ban the players"), not a preposition's object ("after the talks"),
    # and a definite set (a determiner of of_the_determiners: "the players"), not a generic plural ("Analysts said")
    roles = lab["subject"] | lab["verb_object"] | lab["conjunct"]
    for t in sents.doc[sents.token_at_or_after(start) : kids[0].i]:
        if (t.tag_ in c.plural_tags and t.is_lower and t.is_alpha and t.dep_ in roles
                and any(k.dep_ in lab["determiner"] and _norm(k.text) in pr.of_dets for k in t.children)
                and t.i not in speakers and _head_ok(t, c, pr) and not _numbered(t, c)):
            found.add(c.counted_map.get(_norm(t.text)) or _lemma(t, c, pr))
    return found.pop() if len(found) == 1 else None


def _previous_count(rows: list[dict], sents: Sentences, pos: int) -> dict | None:
    """The last count found before ``pos`` in the same sentence."""
    return next(iter(_sentence_rows(rows, sents, pos)), None)


def _subject_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The plural subject counted by the verb the number hangs from: "The victims ... numbered 213"
    (counting verbs only) or "The number of visitors ... jumped from fewer than 100,000" (any verb)."""
    span = sents.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = next((t for t in span[-1].ancestors if t.tag_ in c.verb_tags), None)
    if verb is None:
        return None
    lab = c.labels
    subjects = [t for t in verb.children if t.dep_ in lab["subject"]]
    if not subjects and verb.dep_ in lab["open_complement"] and _norm(verb.text) in c.counting_verbs:
        # "the remaining protesters, thought to number fewer than 100": the subject of the verb above
        subjects = [t for t in verb.head.children if t.dep_ in lab["subject"] and t.i < verb.head.i]
    for subj in subjects:
        if _norm(verb.text) in c.counting_verbs and subj.tag_ in c.plural_tags and subj.is_lower and subj.is_alpha:
            return c.counted_map.get(_norm(subj.text)) or _singular(subj.text, c)
    # "the number of <nouns>" in the verb's subject or object phrase: "The number of visitors ... jumped
    # from fewer than 100,000", "reduced the number of polling stations from 180 to 5", "Italy, the
    # country with the highest number of deaths, had around 27,000"; not "a number of" (vague)
    for arg in (t for t in verb.children if t.dep_ in lab["subject"] or t.dep_ in lab["verb_object"]):
        if arg.i > span[0].i:
            continue
        for word in arg.subtree:
            if _norm(word.text) not in c.number_of_words or any(k.dep_ in lab["determiner"] and k.lower_ in ("a", "an") for k in word.children):
                continue
            for prep in (t for t in word.children if t.dep_ in lab["preposition"] and t.lower_ == c.of_word):
                for noun in (t for t in prep.children if t.dep_ in lab["prep_object"] and t.tag_ in c.plural_tags and t.is_lower):
                    return c.counted_map.get(_norm(noun.text)) or _singular(noun.text, c)
                for those in (t for t in prep.children if t.dep_ in lab["prep_object"] and _norm(t.text) in pr.of_dets):
                    for adj in (t for t in those.children if t.i == those.i + 1 and t.tag_ in pr.of_the_adjective_tags):
                        # "the total number of those infected until now is 1501": the infected (as "Of the 27 injured")
                        return _norm(adj.text)
            named = _noun_before_total(word, c, pr)
            if named is not None:
                return named  # "Trump's victory brings his delegate total to 86"
            noun = word.head
            if (word.dep_ in pr.unit_text_deps and noun.i > word.i and noun.tag_ in c.plural_tags and noun.is_lower
                    and _head_ok(noun, c, pr)):
                return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)  # "total shares outstanding to 28.7 million"
    return None


def _numbered(noun: Token, c: Compiled) -> bool:
    """Whether a number other than a year modifies the noun ("the total 2020 population" has none)."""
    return any(k.dep_ in c.labels["number_modifier"] and not (k.like_num and _is_year(k.text, c)) for k in noun.children)


def _size_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The group noun (rules/counts.yaml parse_counts.size_nouns) whose size a bare number states: the number
    is the predicate of a verb ("The total population of Hong Kong is about 7.5 million") or the object of a
    size preposition under it ("estimated the total 2020 population of the state at just over one million",
    "The crowd was put at 20,000"), and the verb's subject or object before the number is that noun, with no
    number of its own. A number with words after it in its phrase is not bare ("is 60 percent Muslim")."""
    tok = _number_token(sents, cand)
    lab = c.labels
    if tok is None or any(t.i > tok.i and not t.is_punct and t.dep_ not in lab["preposition"] for t in tok.children):
        return None
    if tok.dep_ in lab["prep_object"] and _norm(tok.head.text) in pr.size_preps:
        verb = tok.head.head
    elif tok.dep_ in lab["predicate"]:
        verb = tok.head
    else:
        return None
    if verb.tag_ not in c.verb_tags:
        return None
    for arg in verb.children:
        if (arg.dep_ in lab["subject"] or arg.dep_ in lab["verb_object"]) and arg.i < tok.i \
                and _norm(arg.text) in pr.size_nouns and not _numbered(arg, c):
            return _lemma(arg, c, pr)
    return None


def _group_adjective_noun(cand: Candidate, sents: Sentences, c: Compiled, pr: ParseRules) -> str | None:
    """The group a number sizes through an adjective of rules/counts.yaml hyphen_group_adjectives written
    apart ("Hong Kongers turned out more than 2.9 million strong" -> Hong Konger, "The army, 200,000 strong,
    crossed" -> army): the noun the adjective hangs from, else the subject of its verb; a plural (a name's
    words kept: "Hong Kongers") or a collective noun, with no number of its own."""
    tok = _number_token(sents, cand)
    if tok is None:
        return None
    if tok.dep_ in pr.group_appos_deps and tok.head.i < tok.i:
        adjective = next((t for t in tok.children if t.i == tok.i + 1 and _norm(t.text) in pr.hyphen_group), None)
        head = tok.head  # "The rebels, some 5,000 strong, attacked": the parser hangs "strong" on the number
    elif tok.dep_ in pr.group_adjective_deps and _norm(tok.head.text) in pr.hyphen_group and tok.head.i > tok.i:
        adjective = tok.head
        head = adjective.head
    else:
        return None
    if adjective is None:
        return None
    if any(t.i > adjective.i and not t.is_punct and t.dep_ not in c.labels["open_complement"] for t in adjective.children):
        return None  # "strong" must end its phrase (or lead to "to vote ..."): not "200,000 strong in numbers"
    if head.tag_ in pr.head_tags or head.tag_ in c.plural_tags:
        nouns = [head]  # "The army, 200,000 strong"
    elif head.tag_ in c.verb_tags:
        nouns = [t for t in head.children if t.dep_ in c.labels["subject"] and t.i < adjective.i]  # "Hong Kongers turned out ..."
    else:
        return None
    for noun in nouns:
        if _numbered(noun, c) or _lemma(noun, c, pr) in pr.not_count_heads:
            continue
        if noun.tag_ in c.plural_tags and not noun.is_lower:
            words = [t.text for t in noun.children if t.dep_ in c.labels["compound"] and t.i < noun.i]
            return " ".join([*words, _singular(noun.text, c)])  # "Hong Kongers" -> Hong Konger
        if (noun.tag_ in c.plural_tags or _norm(noun.text) in pr.collective) and _head_ok(noun, c, pr):
            return c.counted_map.get(_norm(noun.text)) or _lemma(noun, c, pr)
    return None


def _noun_before_total(word: Token, c: Compiled, pr: ParseRules) -> str | None:
    """The noun written right before a word of rules/counts.yaml number_of_words, as its modifier ("his
    delegate total", "the vote count"): its lemma, the counted thing. The parser may hang both words on
    the verb ("brings his delegate total to 86": "delegate" a dative), so a lower-case common noun right
    before the word, hanging on it or on the word's head, is taken."""
    if word.i == 0:
        return None
    prev = word.doc[word.i - 1]
    if prev.head.i not in (word.i, word.head.i) or prev.tag_ not in pr.head_tags or not prev.is_lower or not prev.is_alpha:
        return None
    lemma = _lemma(prev, c, pr)
    if lemma in pr.not_count_heads or lemma in c.not_counted or _norm(prev.text) in c.not_counted:
        return None  # "the percent total", "the year total"; a score noun counts here ("the vote count")
    return c.counted_map.get(_norm(prev.text)) or lemma


def extract_quantities(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """Percents, multipliers, ranks and counts not already a money, user-count or date mention."""
    c = compiled(ctx.rules)
    sents = Sentences(doc)
    text = doc_text(doc)
    cands = doc_candidates(doc, text, c)
    # characters already spoken for: a bytearray, so each overlap test costs the span's length, not the
    # number of rows so far (a list of spans made this step quadratic on long number-dense texts)
    taken = bytearray(len(text) + 1)
    for start, end in _taken(found, "money", "user_counts", "dates"):
        taken[start:end] = b"\x01" * (end - start)
    rows: list[dict] = []
    # priority: percent/multiplier, then rank, then count; a later kind never overlaps an earlier one
    mults = _percents_and_multipliers(cands, sents, ctx, c) + changes.word_multipliers(doc, ctx.rules)  # issue 21
    for group in (mults, _ranks(sents, ctx, c), _counts(cands, sents, ctx, c)):
        for row in sorted(group, key=lambda r: (r["start"], -r["end"])):
            start, end = row["start"], row["end"]
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            rows.append(row)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows
