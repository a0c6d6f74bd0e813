"""rules/facts.yaml, validated strictly and compiled once per Rules into a frozen ``FactRules``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.errors import RulesError
from pipeline.facts.records import SUBJECT_RULES
from pipeline.nlp import WordClasses, word_classes
from pipeline.lexicon import bounded, metric_vocabulary
from pipeline.rules import Rules, check_keys

@dataclass(frozen=True)
class FactRules:
    money_skip_metrics: frozenset[str]
    money_skip_equivalents: bool
    quantity_kinds: dict[str, str]
    comparison_kinds: frozenset[str]
    count_units: dict[str, str]
    percent_cues: tuple[tuple[str, re.Pattern], ...]
    percent_change: dict[str, str]
    cue_window: int
    governor_depth: int
    governor_preps: frozenset[str]
    #: lemma or lowercased word -> money metric
    money_words: dict[str, str]
    money_words_first: frozenset[str]
    restating_conjunctions: frozenset[str]
    #: the metric of words of valuing ("valued", "worth"): the thing they describe may name another
    valuing_metric: str
    price_metric: str
    tax_metric: str
    taxed_preps: frozenset[str]
    changed_object_deps: frozenset[str]
    price_subject_labels: frozenset[str]
    valuing_clause_deps: frozenset[str]
    source_preps: frozenset[str]
    measured_noun_deps: frozenset[str]
    common_noun_tags: frozenset[str]
    measured_noun_skip_entities: frozenset[str]
    #: time unit words of rules/dates.yaml (``units``): "quarter", "years"
    time_nouns: frozenset[str]
    ner_labels: frozenset[str]
    proper_noun_tags: frozenset[str]
    traded_modifier_deps: frozenset[str]
    aside_deps: frozenset[str]
    max_depth: int
    topic_lookback: int
    speech_verbs: frozenset[str]
    collective_words: frozenset[str]
    norp_heads: frozenset[str]
    #: demonym (lowercased) -> country name
    demonym_countries: dict[str, str]
    traded_nouns: frozenset[str]
    corporate_suffixes: frozenset[str]
    #: description noun -> NER labels it can stand for ("retailer" -> ORG)
    descriptions: dict[str, frozenset[str]]
    source_words: frozenset[str]
    entity_suffix_skip: tuple[str, ...]
    anaphor_nouns: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_entity_types: frozenset[str]
    relative_pronouns: frozenset[str]
    pronouns: frozenset[str]
    first_person: frozenset[str]
    surface: tuple[tuple[str, re.Pattern], ...]
    #: the tags that may stand between a written "<name>'s" and the metric noun it owns, and how many (``_written_possessor``)
    possessor_gap_tags: frozenset[str]
    #: one-letter capital words that are words, not names (``identity._lone_capital``)
    lone_capital_skip: frozenset[str]
    #: dependencies of the amount under a verb of giving whose recipient owns it (``subject.recipient``)
    recipient_amount_deps: frozenset[str]
    possessor_gap_max: int
    #: how a name owns a clause subject ("Figma's shares"): a pronoun after several names continues it (``discourse.pronoun``)
    subject_owner_deps: frozenset[str]
    #: tags of a sentence root that is a verb the tagger read as a noun ("Bitcoin climbs/NNS back above"; ``identity.misread_verb``)
    misread_verb_tags: frozenset[str]
    #: NER labels of the amount a plural-noun root must take through a preposition to be a misread verb
    misread_verb_amounts: frozenset[str]
    #: how the article names an entity's kind ("St Mary's Hospital" ... "the hospital"; "Coupang, the country's largest
    #: online retailer"): dependencies of a common noun in apposition with the name, the tags a description's noun
    #: must bear, and the words after which a name's head word is no longer read ("Bank of England": bank)
    kind_apposition_deps: frozenset[str]
    kind_noun_tags: frozenset[str]
    kind_apposition_marks: frozenset[str]
    #: dependencies by which an amount's phrase hangs from a name it is only coordinated with (``subject.in_sentence``)
    sibling_deps: frozenset[str]
    name_head_breaks: frozenset[str]
    #: the gap between a name and an amount that opens an item of a listing ("Sun Microsystems Inc. -- $125 million"):
    #: the name is its sentence's topic (``discourse._listing_item``)
    listing_item_gap: re.Pattern
    #: a phrase named after a person ("Portrait of Elisabeth Lederer"): the labels of the name the NER missed that heads
    #: it and of the person after its "of" (``subject._titled_after``)
    unnamed_title_labels: frozenset[str]
    titled_after_labels: frozenset[str]
    #: a film's or a charity's income is its revenue (``metric.not_for_profit``)
    gross_income_words: frozenset[str]
    revenue_owner_nouns: frozenset[str]
    income_modifier_deps: frozenset[str]
    revenue_owner_metric: str
    #: the text between two names of a list, and before its last name (``written_coordination``)
    coordination_gaps: tuple[re.Pattern, re.Pattern]
    product_heads: frozenset[str]
    variant_names: bool
    variant_token: re.Pattern
    noun_preps: frozenset[str]
    agent_noun_preps: frozenset[str]
    agent_free_metrics: frozenset[str]
    metric_nouns: frozenset[str]
    subject_deps: frozenset[str]
    name_internal_deps: frozenset[str]
    modifier_deps: frozenset[str]
    place_labels: frozenset[str]
    headline_labels: frozenset[str]
    complement_deps: frozenset[str]
    sentence_actor_deps: frozenset[str]
    actor_preps: frozenset[str]
    not_name_labels: frozenset[str]
    payer_object_verbs: frozenset[str]
    payer_object_deps: frozenset[str]
    controlled_deps: frozenset[str]
    valued_object_verbs: frozenset[str]
    valued_nouns: frozenset[str]
    valued_noun_preps: frozenset[str]
    valued_from_preps: frozenset[str]
    estimating_verbs: frozenset[str]
    valued_object_deps: frozenset[str]
    controller_deps: frozenset[str]
    possessive_pronouns: frozenset[str]
    relative_possessives: frozenset[str]
    lede_metrics: frozenset[str]
    point_metrics: frozenset[str]
    rate_price_metrics: frozenset[str]
    object_first_metrics: frozenset[str]
    borrowed_period_sources: frozenset[str]
    future_auxiliaries: frozenset[str]
    quantity_nouns: frozenset[str]
    measured_noun_metrics: dict[str, str]
    time_rate_after: re.Pattern
    year_ago_values: re.Pattern
    #: a plain year, and the year-ago phrases that move one (``period.year_before``)
    year_values: re.Pattern
    year_ago_year_after: re.Pattern
    rate_after: re.Pattern
    public_body_words: frozenset[str]
    name_kinds: dict[str, frozenset[str]]
    generic_descriptions: frozenset[str]
    strict_name_kinds: frozenset[str]
    propagated_labels: frozenset[str]
    nested_aside_deps: frozenset[str]
    market_nouns: frozenset[str]
    locating_participles: frozenset[str]
    rate_determiners: frozenset[str]
    #: verbs of giving and the prepositions of their recipient (``subject.recipient``)
    recipient_verbs: frozenset[str]
    passing_verbs: frozenset[str]
    recipient_preps: frozenset[str]
    market_size_deps: frozenset[str]
    state_body_words: frozenset[str]
    state_labels: frozenset[str]
    indefinite_determiners: frozenset[str]
    stock_nouns: frozenset[str]
    relabelled_as_company: frozenset[str]
    stock_owner_deps: frozenset[str]
    number_tags: frozenset[str]
    person_free_metrics: frozenset[str]
    naming_preps: frozenset[str]
    neuter_possessives: frozenset[str]
    neuter_pronouns: frozenset[str]
    #: ``neuter_possessives`` as one whole-word pattern (a cheap test before walking a clause)
    neuter_possessive_words: re.Pattern
    statistic_modifiers: frozenset[str]
    item_list_min: int
    personal_pronouns: frozenset[str]
    plural_noun_tags: frozenset[str]
    amount_of_preps: frozenset[str]
    person_metric_words: dict[str, str]
    person_passive_metric_words: dict[str, str]
    built_noun_metrics: dict[str, str]
    #: words (a verb and its particle, "buy back") that name a metric only as a verb, facts only (``metric.word_metric``)
    verb_metrics: dict[str, str]
    #: a market's size (``metric.governing_word``: only as the noun an amount quantifies) and the modifiers that stop it
    sized_noun_metrics: dict[str, str]
    sized_noun_skips: frozenset[str]
    #: a state's borrowing with no lender named (``metric.borrowed_by_state``): the words and the metric
    state_borrowing_words: frozenset[str]
    #: what a verb of ``verb_metrics`` naming `other` sets money aside "for" names its metric (``metric._set_aside_for``)
    verb_for_preps: frozenset[str]
    #: metrics a lender's payout (``metric.lent``) overrides as a loan ("approves US$1.5 billion in financing")
    lent_over_metrics: frozenset[str]
    state_borrowing_metric: str
    purpose_deps: frozenset[str]
    purpose_markers: frozenset[str]
    #: ... and the dependencies of such a clause under the verb's object (``metric._purpose``)
    purpose_object_deps: frozenset[str]
    #: a word of how much (``quantity_nouns``) in one of these positions passes the search for a governing word on
    climbed_quantity_deps: frozenset[str]
    #: a noun of measure under a verb's preposition with a child of these is no bare noun (``metric._in_what``)
    measure_noun_blocking_deps: frozenset[str]
    #: names of lenders whose payouts are loans (``metric.lent``) and that metric
    lenders: frozenset[str]
    lender_metric: str
    #: a percentage of a whole ("3.8% of the population"): the prepositions and the metric (``metric.of_a_whole``)
    percent_of_whole_preps: frozenset[str]
    percent_of_whole_changes: frozenset[str]
    #: subjects whose level is a price ("Shares rose 9% to US$583": ``metric.of_shares``)
    share_nouns: frozenset[str]
    #: a price paid "for" (these) a person is that metric (``metric.for_a_person``: a transfer fee)
    transfer_preps: frozenset[str]
    person_price_metric: str
    #: what one thing sells for at an auction (``metric.at_auction``): a price, not a deal (``deal_metric``)
    auction_words: frozenset[str]
    deal_metric: str
    percent_of_whole_metric: str
    item_list_share: float
    company_label: str
    person_labels: frozenset[str]
    place_modifier_deps: frozenset[str]
    public_body_descriptions: frozenset[str]
    article_topic_skip_labels: frozenset[str]
    lent_topic_unfit_metrics: dict[str, frozenset[str]]
    unlent_metrics: frozenset[str]
    own_clause_metrics: frozenset[str]
    person_across_paragraphs_metrics: frozenset[str]
    respective_words: frozenset[str]
    date_types: frozenset[str]
    paragraph_date_types: frozenset[str]
    skip_values: re.Pattern
    lede_values: re.Pattern
    year_ago_after: re.Pattern
    restating_gap: re.Pattern
    year_to_date: re.Pattern
    year_to_date_with_lede: re.Pattern
    year_to_date_with_lede_before: re.Pattern
    #: how many characters before a phrase ``year_to_date_with_lede_before`` is searched in (``period.opens_sentence``)
    year_to_date_with_lede_window: int
    year_ago_sentence: re.Pattern
    event_clause_deps: frozenset[str]
    baseline_before: re.Pattern
    #: ... for an amount of ``point_metrics`` only (``period.find_period``)
    level_baseline_before: re.Pattern
    baseline_after: re.Pattern
    baseline_window: int
    published_granularity: str
    rule_confidence: dict[str, float]
    per_clause_climb: float
    non_gazetteer: float
    period_penalty: dict[str, float]
    source_penalty: dict[str, float]
    floor: float
    #: verb / adposition from tag and label (rules/pos.yaml): the model's attribute_ruler is not run
    word_classes: WordClasses
    #: prepositions whose place object only locates a common-noun subject (round 21: no topic)
    locating_preps: frozenset[str]
    #: nouns of a party other than the one the story is about ("its rival", "his kidnappers"): no topic lent
    other_party_nouns: frozenset[str]
    #: "GM Class H": a share class named after its issuer (group ``issuer``)
    share_class_name: re.Pattern
    #: a restrictive relative clause's dependency ("Developers who build games on Roblox"): the subject is a class (facts22)
    defining_clause_deps: frozenset[str]
    #: ``subject.common_owner``: the prepositions that write a metric noun's owner as a common noun phrase ("earnings
    #: of production ... employees"), the dependencies dropped from the front of the name (its determiner), how many
    #: words the name may have (a longer phrase is a clause, no owner's name), and the nouns of a part or security of
    #: the topic ("sales of the division"), which stay the topic's
    common_owner_preps: frozenset[str]
    common_owner_dropped_deps: frozenset[str]
    common_owner_max_words: int
    common_owner_part_nouns: frozenset[str]
    #: a clause under an amount or the noun it counts whose date is the amount's ("the 33.7 million customers whose
    #: personal data was leaked last year"); the labels by which an earlier value of a change hangs from its preposition
    own_clause_deps: frozenset[str]
    earlier_value_deps: frozenset[str]
    #: "Year-earlier results included ...": a modifier of the amount's noun (or its verb's subject) that dates it a year back
    year_ago_modifier: re.Pattern
    #: "earnings a year earlier of $382.2 million": a year-ago phrase right before the amount, searched up to its start
    year_ago_before: re.Pattern
    #: "notes due Nov. 1, 2009": a written date right after one of these words is a maturity, never a fact's period
    maturity_before: re.Pattern
    #: "this year after several governments cut ...": a date opening with one of these is no baseline by the word after it
    self_anchored_dates: re.Pattern
    #: metrics the lede's reporting period never reaches through its subject ("a five-year investment plan")
    unlent_lede_metrics: frozenset[str]

    def is_price_word(self, word: str) -> bool:
        """A word of ``money_words`` that names a price ("price", "fare"): what a traded thing before it
        is priced by ("the gas price")."""
        return self.money_words.get(word) == "price"

    def is_metric_noun(self, word: str) -> bool:
        """A noun that names what a number measures ("profit", "capital expenditures"): a clause whose
        subject is one says nothing about *whose* number it is, so the search may climb to the clause
        that says it ("Acme reported [profit jumped to $5.8 million]"). One vocabulary: ``metric_nouns``
        plus every word of ``money_words``."""
        return word in self.metric_nouns or word in self.money_words


def _words(words: object) -> re.Pattern:
    return re.compile(bounded(words, edge=r"[\w-]"), re.IGNORECASE)  # type: ignore[arg-type]


#: word lists of rules/facts.yaml read into sets, each into the ``FactRules`` field of its key (a new list
#: key is its name here and its field there): taken as written (NER labels, Penn tags, dependency labels,
#: rule and date types) ...
_SETS = (
    "money_skip_metrics", "measured_noun_deps", "common_noun_tags",
    "measured_noun_skip_entities", "ner_labels", "proper_noun_tags", "traded_modifier_deps",
    "aside_deps", "anaphor_entity_types", "subject_deps", "name_internal_deps", "modifier_deps", "place_labels",
    "headline_labels", "complement_deps", "sentence_actor_deps", "date_types", "paragraph_date_types",
    "not_name_labels", "payer_object_deps", "valuing_clause_deps", "article_topic_skip_labels", "event_clause_deps",
    "controlled_deps", "controller_deps", "valued_object_deps", "lede_metrics", "point_metrics", "borrowed_period_sources", "rate_price_metrics", "object_first_metrics", "place_modifier_deps", "relabelled_as_company", "state_labels", "stock_owner_deps", "propagated_labels", "nested_aside_deps", "market_size_deps", "changed_object_deps",
    "number_tags", "person_free_metrics", "lent_over_metrics", "person_across_paragraphs_metrics", "plural_noun_tags", "person_labels", "comparison_kinds", "purpose_deps", "purpose_object_deps", "climbed_quantity_deps", "measure_noun_blocking_deps", "possessor_gap_tags", "lone_capital_skip", "recipient_amount_deps",
    "subject_owner_deps", "misread_verb_tags", "misread_verb_amounts", "income_modifier_deps",
    "kind_apposition_deps", "kind_noun_tags", "sibling_deps", "kind_apposition_marks",
    "unnamed_title_labels", "titled_after_labels", "defining_clause_deps", "common_owner_dropped_deps",
    "own_clause_deps", "earlier_value_deps", "unlent_lede_metrics",
)
#: ... or lowercased (English words, matched against lowercased text)
_WORD_SETS = (
    "governor_preps", "source_preps", "restating_conjunctions", "speech_verbs", "collective_words", "norp_heads", "traded_nouns",
    "corporate_suffixes", "source_words", "anaphor_nouns", "anaphor_determiners", "relative_pronouns", "pronouns",
    "first_person", "product_heads", "noun_preps", "metric_nouns", "actor_preps", "payer_object_verbs", "respective_words",
    "possessive_pronouns", "valued_object_verbs", "public_body_words", "public_body_descriptions", "relative_possessives",
    "generic_descriptions", "stock_nouns", "indefinite_determiners", "state_body_words", "naming_preps",
    "neuter_possessives", "neuter_pronouns", "statistic_modifiers", "personal_pronouns", "amount_of_preps",
    "strict_name_kinds", "agent_noun_preps", "agent_free_metrics", "market_nouns", "locating_participles", "rate_determiners",
    "recipient_verbs", "passing_verbs", "taxed_preps", "recipient_preps", "valued_nouns", "valued_noun_preps", "valued_from_preps", "estimating_verbs",
    "future_auxiliaries", "quantity_nouns", "purpose_markers", "lenders", "percent_of_whole_preps", "percent_of_whole_changes", "share_nouns", "transfer_preps", "auction_words",
    "gross_income_words", "revenue_owner_nouns", "name_head_breaks", "locating_preps", "other_party_nouns", "common_owner_preps", "common_owner_part_nouns",
    "sized_noun_skips", "state_borrowing_words", "verb_for_preps",
)
#: keys of rules/facts.yaml whose value must be a list (a string there would become a set of letters)
_LIST_KEYS = frozenset((*_SETS, *_WORD_SETS, "description_suffixes", "price_subject_labels", "entity_suffix_skip", "baseline_before", "baseline_after", "level_baseline_before", "maturity_before", "self_anchored_dates"))


def _word_sets(lists: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """The ``_SETS`` and ``_WORD_SETS`` fields of ``FactRules`` from the (already checked) sections."""
    return {
        **{key: frozenset(lists[key]) for key in _SETS},
        **{key: frozenset(w.lower() for w in lists[key]) for key in _WORD_SETS},
    }


def _mapping(pairs: object, where: str) -> dict[str, str]:
    """{word: name} with string keys and values, keys lowercased."""
    items = list(dict(pairs).items()) if hasattr(pairs, "items") else None  # type: ignore[call-overload]
    if items is None or not all(isinstance(k, str) and isinstance(v, str) for k, v in items):
        raise RulesError(f"{where}: expected a mapping of words to names")
    return {k.lower(): v for k, v in items}


def _pattern(value: object, where: str) -> re.Pattern:
    """One regular expression written as a string."""
    if not isinstance(value, str):
        raise RulesError(f"{where}: expected a regular expression as a string")
    try:
        return re.compile(value)
    except re.error as err:
        raise RulesError(f"{where}: {err}") from err


def _coordination_gaps(gaps: object, where: str) -> tuple[re.Pattern, re.Pattern]:
    """``{between: regex, last: regex}``: the gaps of a list of names written as text."""
    if not hasattr(gaps, "items") or set(dict(gaps)) != {"between", "last"}:  # type: ignore[call-overload]
        raise RulesError(f"{where}: expected a mapping with the keys between and last")
    try:
        return re.compile(str(gaps["between"]), re.IGNORECASE), re.compile(str(gaps["last"]), re.IGNORECASE)  # type: ignore[index]
    except re.error as err:
        raise RulesError(f"{where}: {err}") from err


class Descriptions(dict):
    """Description word -> the labels of the names it may stand for. A closed compound that ends in one
    of the ``suffixes`` is that description too ("steelmaker", "drugmaker", "planemaker" -> maker): the
    kind is in the last word, and listing every compound would be a lexicon of one-offs."""

    def __init__(self, words: dict[str, frozenset[str]], suffixes: tuple[str, ...]) -> None:
        super().__init__(words)
        self.suffixes = suffixes
        self._bases: dict[str, str | None] = {}  # word -> its description suffix, looked up once per word

    def _base(self, word: object) -> str | None:
        if not isinstance(word, str):
            return None
        if word not in self._bases:
            self._bases[word] = next((s for s in self.suffixes if word.endswith(s) and len(word) > len(s) + 2
                                      and word[: -len(s)].isalpha()), None)
        return self._bases[word]

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or self._base(word) is not None

    def get(self, word: object, default: object = None) -> object:  # type: ignore[override]
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        base = self._base(word)
        return dict.__getitem__(self, base) if base is not None and dict.__contains__(self, base) else default


def _share_class(pattern: object, where: str) -> re.Pattern:
    """``share_class_name``: a regex with an ``issuer`` group, compiled once."""
    compiled = _pattern(pattern, where)
    if "issuer" not in compiled.groupindex:
        raise RulesError(f"{where}: expected a group named issuer")
    return compiled


def _descriptions(groups: object, suffixes: object) -> Descriptions:
    out: dict[str, set[str]] = {}
    for label, words in dict(groups).items():  # type: ignore[call-overload]
        for word in words:
            out.setdefault(str(word).lower(), set()).add(str(label))
    return Descriptions({k: frozenset(v) for k, v in out.items()}, tuple(str(x).lower() for x in suffixes))  # type: ignore[union-attr]


def compile_fact_rules(rules: Rules) -> FactRules:
    """Validate rules/facts.yaml strictly and compile its cue lists once per run."""
    data = rules.get("facts")
    where = str(rules.path("facts"))
    check_keys(data, where=where, required=("metrics", "subject", "period", "confidence"))
    m, s, p, c = data["metrics"], data["subject"], data["period"], data["confidence"]
    vocabulary = metric_vocabulary(rules)  # rules/metrics.yaml: the money metric words, shared with the money table
    check_keys(m, where=f"{where}: metrics", required=(
        "money_skip_metrics", "money_skip_equivalents", "quantity_kinds", "count_units", "percent_cues",
        "percent_change", "cue_window", "governor_depth", "person_metric_words", "amount_of_preps", "governor_preps", "source_preps", "restating_conjunctions", "valuing_metric", "price_metric", "tax_metric", "price_subject_labels", "valuing_clause_deps", "object_first_metrics", "measured_noun_deps", "common_noun_tags", "measured_noun_skip_entities", "quantity_nouns", "measured_noun_metrics", "person_passive_metric_words", "comparison_kinds", "built_noun_metrics", "purpose_deps", "purpose_markers", "lenders", "lender_metric", "percent_of_whole_preps", "percent_of_whole_metric", "percent_of_whole_changes", "share_nouns", "transfer_preps", "person_price_metric", "auction_words", "deal_metric", "purpose_object_deps", "climbed_quantity_deps", "measure_noun_blocking_deps",
        "gross_income_words", "revenue_owner_nouns", "income_modifier_deps", "revenue_owner_metric", "verb_metrics", "sized_noun_metrics", "sized_noun_skips", "state_borrowing_words", "state_borrowing_metric", "verb_for_preps", "lent_over_metrics"))
    check_keys(s, where=f"{where}: subject", required=(
        "ner_labels", "proper_noun_tags", "traded_modifier_deps", "aside_deps", "max_depth", "topic_lookback", "speech_verbs", "collective_words", "norp_heads", "demonym_countries", "traded_nouns", "corporate_suffixes", "descriptions", "source_words", "entity_suffix_skip", "anaphor_nouns", "anaphor_determiners",
        "anaphor_entity_types", "relative_pronouns", "pronouns", "first_person", "surface_patterns", "product_heads", "variant_names", "variant_token", "noun_preps",
        "metric_nouns", "subject_deps", "name_internal_deps", "modifier_deps", "place_labels", "headline_labels", "complement_deps", "sentence_actor_deps", "actor_preps",
        "not_name_labels", "payer_object_verbs", "payer_object_deps", "respective_words", "coordination_gaps",
        "article_topic_skip_labels", "controlled_deps", "controller_deps", "possessive_pronouns",
        "valued_object_verbs", "valued_object_deps", "public_body_words", "public_body_descriptions",
        "relative_possessives", "name_kinds", "strict_name_kinds", "propagated_labels", "nested_aside_deps", "market_nouns", "market_size_deps", "changed_object_deps", "agent_noun_preps", "agent_free_metrics", "generic_descriptions", "place_modifier_deps", "stock_nouns",
        "locating_participles", "rate_determiners", "relabelled_as_company", "company_label", "person_labels", "indefinite_determiners", "state_body_words", "state_labels",
        "stock_owner_deps", "number_tags", "person_free_metrics", "naming_preps", "possessor_gap_tags", "possessor_gap_max", "lone_capital_skip", "recipient_verbs", "passing_verbs", "taxed_preps", "recipient_preps", "recipient_amount_deps", "valued_nouns", "valued_noun_preps", "valued_from_preps", "estimating_verbs",
        "neuter_possessives", "neuter_pronouns", "description_suffixes", "statistic_modifiers", "item_list_min",
        "lent_topic_unfit_metrics", "unlent_metrics", "own_clause_metrics", "person_across_paragraphs_metrics", "item_list_share", "personal_pronouns", "plural_noun_tags",
        "subject_owner_deps", "misread_verb_tags", "misread_verb_amounts", "kind_apposition_deps", "kind_noun_tags",
        "name_head_breaks", "sibling_deps", "kind_apposition_marks", "listing_item_gap",
        "unnamed_title_labels", "titled_after_labels", "locating_preps", "other_party_nouns", "share_class_name", "defining_clause_deps",
        "common_owner_preps", "common_owner_dropped_deps", "common_owner_max_words", "common_owner_part_nouns"))
    check_keys(p, where=f"{where}: period", required=(
        "date_types", "paragraph_date_types", "skip_values", "lede_values", "year_ago_after", "year_to_date",
        "year_to_date_with_lede", "year_to_date_with_lede_before", "year_to_date_with_lede_window", "lede_metrics", "point_metrics", "borrowed_period_sources", "rate_price_metrics", "year_ago_sentence", "event_clause_deps", "baseline_before", "baseline_after", "baseline_window", "level_baseline_before",
        "published_granularity", "future_auxiliaries", "time_rate_after", "year_ago_values", "rate_after",
        "year_values", "year_ago_year_after", "own_clause_deps", "earlier_value_deps", "year_ago_modifier", "maturity_before", "self_anchored_dates", "unlent_lede_metrics", "year_ago_before"))
    check_keys(c, where=f"{where}: confidence", required=("rules", "per_clause_climb", "non_gazetteer", "source", "period", "floor"))
    unknown_rules = sorted(set(c["rules"]) - SUBJECT_RULES)
    if unknown_rules:
        raise RulesError(f"{where}: confidence.rules: unknown rule(s) {unknown_rules}; rules are {sorted(SUBJECT_RULES)}")
    for section, block in (("metrics", m), ("subject", s), ("period", p)):
        for key, value in block.items():
            if key in _LIST_KEYS and not isinstance(value, (list, tuple)):
                raise RulesError(f"{where}: {section}.{key}: expected a list, got {type(value).__name__} {value!r}")
    if not isinstance(s["lent_topic_unfit_metrics"], Mapping) or not all(isinstance(v, (list, tuple)) for v in s["lent_topic_unfit_metrics"].values()):
        raise RulesError(f"{where}: subject.lent_topic_unfit_metrics: expected a mapping of lists")
    # a metric of money (rules/metrics.yaml) or of a quantity (a rank, a growth, a share: metrics.quantity_kinds,
    # count_units, percent_cues, percent_change)
    known = (set(vocabulary.metric_of.values()) | set(dict(m["quantity_kinds"]).values()) | set(dict(m["count_units"]).values())
             | set(dict(m["percent_cues"])) | set(dict(m["percent_change"]).values()))
    unknown_metrics = sorted(({x for v in s["lent_topic_unfit_metrics"].values() for x in v} | set(s["person_across_paragraphs_metrics"])
                              | set(s["unlent_metrics"]) | set(s["own_clause_metrics"])) - known)
    if unknown_metrics:
        raise RulesError(f"{where}: subject.lent_topic_unfit_metrics / unlent_metrics / own_clause_metrics / person_across_paragraphs_metrics: metric(s) {unknown_metrics} not in rules/metrics.yaml nor a quantity's metric")
    for key in ("measured_noun_metrics", "person_passive_metric_words", "built_noun_metrics", "verb_metrics", "sized_noun_metrics"):
        unknown_metrics = sorted(set(dict(m[key]).values()) - set(vocabulary.metric_of.values()))
        if unknown_metrics:
            raise RulesError(f"{where}: metrics.{key}: metric(s) {unknown_metrics} not in rules/metrics.yaml")
    if m["percent_of_whole_metric"] not in m["percent_cues"]:
        raise RulesError(f"{where}: metrics.percent_of_whole_metric: {m['percent_of_whole_metric']!r} is none of percent_cues")
    for key in ("lender_metric", "person_price_metric", "deal_metric", "revenue_owner_metric", "tax_metric", "state_borrowing_metric"):
        if m[key] not in set(vocabulary.metric_of.values()):
            raise RulesError(f"{where}: metrics.{key}: {m[key]!r} not a metric of rules/metrics.yaml")
    window = p["year_to_date_with_lede_window"]
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise RulesError(f"{where}: period.year_to_date_with_lede_window: want a whole number >= 0, got {window!r}")
    longest = s["common_owner_max_words"]
    if not isinstance(longest, int) or isinstance(longest, bool) or longest < 1:  # int() took "5" or 5.9 silently
        raise RulesError(f"{where}: subject.common_owner_max_words: want a whole number >= 1, got {longest!r}")
    if p["published_granularity"] not in ("year", "month", "day"):
        raise RulesError(f"{where}: period.published_granularity must be year, month or day")
    return FactRules(
        **_word_sets({**m, **s, **p}),
        money_skip_equivalents=bool(m["money_skip_equivalents"]),
        quantity_kinds=dict(m["quantity_kinds"]),
        count_units={k.lower(): v for k, v in m["count_units"].items()},
        percent_cues=tuple((metric, _words(words)) for metric, words in m["percent_cues"].items()),
        percent_change=dict(m["percent_change"]),
        neuter_possessive_words=_words(s["neuter_possessives"]),
        person_metric_words=_mapping(m["person_metric_words"], where=f"{where}: metrics.person_metric_words"),
        measured_noun_metrics=_mapping(m["measured_noun_metrics"], where=f"{where}: metrics.measured_noun_metrics"),
        built_noun_metrics=_mapping(m["built_noun_metrics"], where=f"{where}: metrics.built_noun_metrics"),
        verb_metrics=_mapping(m["verb_metrics"], where=f"{where}: metrics.verb_metrics"),
        sized_noun_metrics=_mapping(m["sized_noun_metrics"], where=f"{where}: metrics.sized_noun_metrics"),
        person_passive_metric_words=_mapping(m["person_passive_metric_words"], where=f"{where}: metrics.person_passive_metric_words"),
        cue_window=int(m["cue_window"]),
        governor_depth=int(m["governor_depth"]),
        money_words=dict(vocabulary.metric_of),
        money_words_first=vocabulary.facts_first,
        company_label=str(s["company_label"]),
        name_kinds={str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in dict(s["name_kinds"]).items()},
        valuing_metric=str(m["valuing_metric"]),
        price_metric=str(m["price_metric"]),
        tax_metric=str(m["tax_metric"]),
        lender_metric=str(m["lender_metric"]),
        person_price_metric=str(m["person_price_metric"]),
        deal_metric=str(m["deal_metric"]),
        revenue_owner_metric=str(m["revenue_owner_metric"]),
        state_borrowing_metric=str(m["state_borrowing_metric"]),
        percent_of_whole_metric=str(m["percent_of_whole_metric"]),
        price_subject_labels=frozenset(str(x).upper() for x in m["price_subject_labels"]),
        time_nouns=frozenset(str(w).lower() for w in rules.get("dates")["units"]),
        topic_lookback=int(s["topic_lookback"]),
        lent_topic_unfit_metrics={str(k).upper(): frozenset(str(x) for x in v) for k, v in s["lent_topic_unfit_metrics"].items()},
        unlent_metrics=frozenset(str(x) for x in s["unlent_metrics"]),
        own_clause_metrics=frozenset(str(x) for x in s["own_clause_metrics"]),
        item_list_min=int(s["item_list_min"]),
        possessor_gap_max=int(s["possessor_gap_max"]),
        common_owner_max_words=int(s["common_owner_max_words"]),
        item_list_share=float(s["item_list_share"]),
        max_depth=int(s["max_depth"]),
        demonym_countries=_mapping(s["demonym_countries"], where=f"{where}: subject.demonym_countries"),
        descriptions=_descriptions(s["descriptions"], s["description_suffixes"]),
        entity_suffix_skip=tuple(s["entity_suffix_skip"]),
        surface=tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in s["surface_patterns"].items()),
        listing_item_gap=_pattern(s["listing_item_gap"], where=f"{where}: subject.listing_item_gap"),
        coordination_gaps=_coordination_gaps(s["coordination_gaps"], where=f"{where}: subject.coordination_gaps"),
        variant_names=bool(s["variant_names"]),
        variant_token=re.compile(s["variant_token"]),
        skip_values=re.compile(p["skip_values"]),
        lede_values=re.compile(p["lede_values"]),
        year_ago_after=re.compile(p["year_ago_after"], re.IGNORECASE),
        restating_gap=re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(w) for w in m["restating_conjunctions"]) + r")\s+", re.IGNORECASE),
        year_to_date=re.compile(p["year_to_date"], re.IGNORECASE),
        year_to_date_with_lede=re.compile(p["year_to_date_with_lede"], re.IGNORECASE),
        year_to_date_with_lede_before=re.compile(p["year_to_date_with_lede_before"], re.IGNORECASE),
        year_ago_sentence=re.compile(p["year_ago_sentence"], re.IGNORECASE),
        time_rate_after=re.compile(p["time_rate_after"], re.IGNORECASE),
        year_ago_values=re.compile(p["year_ago_values"]),
        year_values=re.compile(p["year_values"]),
        year_ago_year_after=re.compile(p["year_ago_year_after"], re.IGNORECASE),
        rate_after=re.compile(p["rate_after"], re.IGNORECASE),
        year_ago_modifier=re.compile(p["year_ago_modifier"], re.IGNORECASE),
        year_ago_before=re.compile(p["year_ago_before"], re.IGNORECASE),
        self_anchored_dates=re.compile(r"(?:" + "|".join(re.escape(w) for w in p["self_anchored_dates"]) + r")\b", re.IGNORECASE),
        maturity_before=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in p["maturity_before"]) + r")\s+$", re.IGNORECASE),
        baseline_before=re.compile(r"(?:" + "|".join(re.escape(w) for w in p["baseline_before"]) + r")\s*$", re.IGNORECASE),
        baseline_after=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in p["baseline_after"]) + r")\b", re.IGNORECASE),
        level_baseline_before=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in p["level_baseline_before"]) + r")\s+(?:early\s+|late\s+|mid-?)?$",
                                         re.IGNORECASE),
        baseline_window=int(p["baseline_window"]),
        year_to_date_with_lede_window=window,
        published_granularity=p["published_granularity"],
        rule_confidence={k: float(v) for k, v in c["rules"].items()},
        per_clause_climb=float(c["per_clause_climb"]),
        non_gazetteer=float(c["non_gazetteer"]),
        period_penalty={k: float(v) for k, v in c["period"].items()},
        source_penalty={k: float(v) for k, v in c["source"].items()},
        floor=float(c["floor"]),
        word_classes=word_classes(rules),
        share_class_name=_share_class(s["share_class_name"], where=f"{where}: subject.share_class_name"),
    )


def fact_rules(rules: Rules) -> FactRules:
    return rules.derived("facts", compile_fact_rules)
