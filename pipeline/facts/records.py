"""Frozen records the facts stage passes between its steps.

Why frozen: each step (identity, discourse, subject, metric, period, confidence) is a pure function
of the article and these records; none may change what another step already decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Entity:
    """A subject candidate: a named span of the article, with its canonical identity when known."""

    start: int
    end: int
    #: gazetteer id, else a stable slug of the normalized name and type (see identity.py)
    id: str | None
    name: str
    #: gazetteer entity type (company, product…) or None
    type: str | None
    #: gazetteer owner id (Doubao -> bytedance)
    owner: str | None
    #: NER label of the span (ORG, PERSON, GPE…) or None for a gazetteer-only match
    label: str | None = None
    #: True when the gazetteer listed it
    listed: bool = True

    @property
    def key(self) -> str:
        return self.id or self.name


@dataclass(frozen=True)
class Subject:
    """Whose number it is, and how that was decided (``rule``, ``source``, ``climbs``)."""

    name: str | None
    id: str | None
    text: str | None
    rule: str
    climbs: int = 0
    gazetteer: bool = True
    #: clause | sentence | paragraph | headline | article (None when there is no subject)
    source: str | None = "clause"


NO_SUBJECT = "no_subject"
#: names that are all the conjuncts of one coordination, owning an amount together
JOINT_RULE = "coordination"
#: the metric of an amount no word names one for (rules/metrics.yaml has it as its catch-all)
OTHER_METRIC = "other"
AMBIGUOUS = "ambiguous"
#: a definite description resolved only by a noun this article names the entity with ("the hospital" after "St Mary's
#: Hospital"): trusted less than ``anaphor``, and no topic to lend on (``discourse._subject_topic``)
KIND_ANAPHOR = "kind_anaphor"
#: a rank, growth or share whose own clause has a subject that names nobody the article lists ("the province will
#: charge 25% more" with no "Ontario" tagged): that word's referent owns it, so no one is lent from elsewhere
UNNAMED_OWNER = "unnamed_owner"
#: a name the NER missed, titled after a person ("Gustav Klimt's Portrait of Elisabeth Lederer sells for $236.4 million")
TITLED_RULE = "titled_name"
#: a clause subject's name that only the object of a preposition inside the subject carries ("A major goal of Kuchma's
#: state visit was ..."): its own rule, so its own, lower confidence (round 21)
NESTED_RULE = "nested_subject"
#: an amount whose clause subject is a metric noun of a common-noun owner ("Average hourly earnings of production and
#: nonsupervisory employees rose 4 cents"): that class or thing as written, no name (thirteenth session, facts23)
COMMON_OWNER = "common_owner"
#: every value of ``Subject.rule`` (and so of facts.rule): rules/facts.yaml confidence.rules is checked
#: against it, so a misspelt rule name there is an error instead of silently scoring the default
SUBJECT_RULES = frozenset({
    "possessive", "clause_subject", "noun_prep", "agent", "appos", "relative_clause", "head_entity", "with_object",
    "surface", "payer_object", "recipient", "object_control", "valued_object", "respectively", "coordination", "product_variant", "market_size", "gapped_subject", "pronoun", "anaphor", KIND_ANAPHOR, "sentence_entity", "sentence_actor", "recent_topic", "paragraph_topic", "headline_topic", "article_topic",
    NO_SUBJECT, AMBIGUOUS, UNNAMED_OWNER, TITLED_RULE, NESTED_RULE, COMMON_OWNER,
})


@dataclass(frozen=True)
class Period:
    """The time a fact is about, and where it was read (sentence, paragraph, published_date)."""

    value: str | None
    start: date | None
    end: date | None
    source: str | None


@dataclass(frozen=True)
class Metric:
    """What a number measures: ``name`` from the vocabulary, ``value``/``unit`` normalized."""

    name: str
    value: float | None
    unit: str | None
    #: the governing word(s) as written ("acquisition", "monthly active users"), when read
    text: str | None = None
