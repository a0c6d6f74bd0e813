"""Compile and check every rules file before the first article (and before the model loads).

Why: stage rules used to compile lazily inside the per-article ``except``, so a typo in a rules file
became one "stage failed" reject per article instead of one clear error. ``compile_all`` builds what
every stage derives from ``rules/`` (each memoised on the ``Rules`` object, so nothing is compiled twice)
and turns any failure into one ``RulesError`` naming the file; a rules file no stage reads is an error
too (a misspelt file name would otherwise be silently ignored).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pipeline.errors import RulesError
from pipeline.rules import Rules


def _compilers() -> list[tuple[str, Callable[[Rules], Any]]]:
    """(rules file stem, accessor that compiles it) for every stage; imported here, not at module
    load, so that importing this module costs nothing."""
    from pipeline import clean, consolidate, nlp, numbers, present_tense, prices, published
    from pipeline.extract import changes, counts, dates, entities, fiscal, measures, money
    from pipeline.facts import config as facts_config
    from pipeline.lexicon import metric_vocabulary

    stages: dict[str, tuple[Callable[[Rules], Any], ...]] = {
        "cleaning": (lambda r: r.derived("cleaning", clean.compile_cleaning_rules),),
        "pos": (nlp.word_classes, present_tense.repair_rules),
        "numbers": (numbers.vocab,),
        "gazetteer": (entities.canonical_index, entities.gazetteer_owner),
        "entities": (lambda r: frozenset(r.get("entities")["keep_labels"]),),
        "dates": (dates.compiled, published.published_patterns),
        "money": (money.money_rules, prices.price_rules),  # money_rules builds the currency lexicon too
        "fx": (money.money_rules,),
        "counts": (counts.compiled, counts.parse_rules, measures.measure_rules),
        "changes": (changes.compiled,),
        "fiscal_calendars": (fiscal.calendars,),
        "facts": (facts_config.fact_rules,),
        "metrics": (metric_vocabulary, money.money_rules, facts_config.fact_rules),
        "consolidate": (consolidate.sameness_rules,),
    }
    return [(name, compile_) for name, compilers in stages.items() for compile_ in compilers]


def compile_all(rules: Rules) -> None:
    """Compile every stage's rules once; raise one ``RulesError`` naming the file on the first problem."""
    compilers = _compilers()
    known = {name for name, _ in compilers}
    unknown = sorted(set(rules.files) - known)
    if unknown:
        raise RulesError(f"{rules.path(unknown[0])}: unknown rules file (no stage reads it); known: {sorted(known)}")
    for name, compile_ in compilers:
        try:
            compile_(rules)
        except RulesError as exc:
            text = str(exc)
            raise RulesError(text if str(rules.root) in text else f"{rules.path(name)}: {text}") from None
        except re.error as exc:
            raise RulesError(f"{rules.path(name)}: bad regular expression ({exc})") from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise RulesError(f"{rules.path(name)}: {type(exc).__name__}: {exc}") from None
