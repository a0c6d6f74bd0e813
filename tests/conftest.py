"""Shared fixtures: the rules and the spaCy pipeline are built once per test session (about 1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
RULES = REPO / "rules"
GOLD = REPO / "tests" / "gold"


@pytest.fixture(scope="session")
def rules():
    from pipeline.rules import load_rules

    return load_rules(RULES)


@pytest.fixture(scope="session")
def settings():
    from pipeline.settings import Settings

    return Settings(rules_dir=RULES, raw_dir=RAW).validated()


@pytest.fixture(scope="session")
def nlp(rules, settings):
    from pipeline.nlp import build_nlp

    return build_nlp(settings.model, rules)


@pytest.fixture(scope="session")
def all_stages(nlp, rules, settings):
    """Every stage of the pipeline over one text, as the runner calls them: ``(text, published, title)`` -> the rows of
    each table. The facts tests of several files read sentences through the whole pipeline; one helper keeps them alike."""
    from datetime import date

    from pipeline.extract import Context
    from pipeline.run import load_stages

    stages = load_stages()

    def run(text: str, published: date = date(2025, 6, 1), title: str | None = None) -> dict[str, list[dict]]:
        doc = nlp(text)
        ctx = Context("t", published, rules, settings, title)
        found: dict[str, list[dict]] = {}
        for name, func in stages:
            found[name] = func(doc, ctx, found)
        return found

    return run


@pytest.fixture(scope="session")
def extracted_raw(tmp_path_factory, settings):
    """The whole pipeline run once over raw/ into a temp folder: (out_dir, Summary)."""
    from dataclasses import replace

    from pipeline.run import run

    out = tmp_path_factory.mktemp("extracted")
    # no time budget: the tables the other tests compare must not depend on how loaded the machine is (budgets
    # have their own tests in test_reliability.py)
    summary = run(replace(settings, out_dir=out, incremental=False, budget_s_per_100kb=0))
    return out, summary
