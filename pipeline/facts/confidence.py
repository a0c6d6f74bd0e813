"""How far to trust a fact: the attachment rule's base confidence, less its distance and guesses.

Why from the rule: each rule has a measured precision (rules/facts.yaml, ``confidence``); climbing
clauses, a name the gazetteer does not list and a period taken from further away each lower it.
"""

from __future__ import annotations

from pipeline.facts.config import FactRules
from pipeline.facts.records import Period, Subject


def confidence(subject: Subject, period: Period, fr: FactRules) -> float:
    conf = fr.rule_confidence.get(subject.rule, fr.rule_confidence.get("no_subject", 0.3))
    if subject.name is not None:
        conf -= fr.per_clause_climb * subject.climbs
        if not subject.gazetteer:
            conf -= fr.non_gazetteer
        conf -= fr.source_penalty.get(subject.source or "clause", 0.0)
    conf -= fr.period_penalty.get(period.source or "published_date", 0.0)
    return round(min(1.0, max(fr.floor, conf)), 3)
