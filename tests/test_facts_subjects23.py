"""Subjects of amounts whose owner the text writes as a common noun (#14, thirteenth session, facts23).

Real sentences: the TempEval tuning text (NYT19980206.0460, labelled in the TempEval facts tuning set) and the devreads
Wikinews article on fentanyl test strips (unlabelled dev-split text), each with mirrors where the rule must not fire.
Every stage of the pipeline runs, as the runner calls them.
"""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def run(all_stages):
    """Every stage over one text: the facts rows."""

    def facts(text: str) -> list[dict]:
        return all_stages(text, date(2025, 6, 1))["facts"]

    return facts


def _row(facts: list[dict], text: str, mention: str) -> dict:
    found = [f for f in facts if text[f["start"] : f["end"]] == mention]
    assert len(found) == 1, (mention, facts)
    return found[0]


# NYT19980206.0460 (TempEval tuning): the label names the class of workers; main left both amounts without a subject
WAGES = ("The demand for workers also led employers to raise wages again last month. Average hourly earnings of "
         "production and nonsupervisory employees rose 4 cents, to $12.51.")
# devreads, Wikinews (11-month-old baby finds illegal drugs in playground): main lent the paragraph's Vancouver
STRIPS = ("Researchers in Vancouver distributed take-home test strip kits which were capable of detecting fentanyl "
          "presence in other drugs. Dr Sukhpreet Klaire, the lead author of the study and an addiction medicine "
          "specialist, said {} was 75 cents.")

CASES = [
    # a metric noun whose owner an "of" phrase writes as a common noun: that class or thing, as written
    ("earnings-of-a-class-of-workers", WAGES, "4 cents",
     {"subject": "production and nonsupervisory employees", "rule": "common_owner"}),
    ("the-level-the-earnings-rose-to", WAGES, "$12.51",
     {"subject": "production and nonsupervisory employees", "rule": "common_owner"}),
    ("the-cost-of-a-product-is-not-the-topics", STRIPS.format("the cost of the accurate test strip kit"), "75 cents",
     {"subject": "accurate test strip kit", "rule": "common_owner"}),
    # mirrors: an owner word the rule leaves to the others
    # "its": the pronoun's entity (the topic's own kit)
    ("a-possessive-pronoun-keeps-its-entity", "Acme Corp. makes test strip kits in Vancouver. The company said the "
     "cost of its accurate test strip kit was 75 cents.", "75 cents", {"subject": "Acme"}),
    # shares: the topic company's stock
    ("the-price-of-the-shares-is-the-topics", "Acme Corp. said on Monday it would sell its unit. The price of the "
     "shares rose to $20.", "$20", {"subject": "Acme", "rule": "recent_topic"}),
    # a part of an organisation: its parent's (the labelling conventions: a segment's result is its parent's)
    ("a-part-of-the-topic-keeps-the-topic", "National Intergroup Inc. said it agreed to sell its extrusion division. "
     "Sales of the division were $40 million in fiscal 1989.", "$40 million", {"subject": "National Intergroup"}),
    # a metric noun after "of" ("the cost of the acquisition"): whose acquisition the story says, not a thing
    ("a-metric-noun-after-of-keeps-the-topic", "Acme Corp. agreed on Monday to buy Widget Co. The cost of the "
     "acquisition was $20 million.", "$20 million", {"subject": "Acme"}),
    # a name inside the phrase (a NORP the index does not list): not a common owner
    ("a-named-word-in-the-phrase-is-not-a-common-owner", "Officials said the cost of the new Chinese bridge was "
     "$2 billion.", "$2 billion", {"rule": "no_subject"}),
]


@pytest.mark.parametrize("text,mention,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_common_owner(run, text, mention, expected) -> None:
    """The fact of ``mention`` has the ``expected`` subject fields."""
    fact = _row(run(text), text, mention)
    assert {k: fact[k] for k in expected} == expected
