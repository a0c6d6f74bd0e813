"""Facts that are no amount (#14 round 18): whose rank, growth or share it is, on real sentences.

The sentences are those of benchmarks/newsdev/other-facts-tuning.jsonl (unlabelled news-dev and TempEval tuning text),
each rule with a mirror where it must not fire. Every stage of the pipeline runs, as the runner calls them.
"""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def run(all_stages):
    """Every stage over one text (optionally with a headline): the facts rows."""

    def facts(text: str, title: str | None = None) -> list[dict]:
        return all_stages(text, date(2025, 6, 1), title)["facts"]

    return facts


def _row(facts: list[dict], text: str, mention: str) -> dict | None:
    return next((f for f in facts if text[f["start"] : f["end"]] == mention), None)


DERAKHSHANI = ("Iranian International Master Dorsa Derakhshani discusses her chess career",
               "Iran's chess federation banned Dorsa Derakhshani in 2017.\n\nSo when I was a little over four, I finished fourth grade.")
SAMBA = ("Norway's Karsten Warholm won the 400 m hurdles at the World Championships in Doha.\n\n"
         "Third place and the bronze medal went to Abderrahman Samba of Qatar with a time of 48.03 seconds.")
PENGUINS = ("Dee Boersma leads the study.\n\nMembers of the Boersma lab and volunteers spend approximately six months each "
            "year at Punta Tombo. I was fortunate enough to spend nearly four months at the colony between 2015 and 2017. "
            "It's an incredible, otherworldly place. The colony has declined by over 40% since the study started.")

ABC_NEWS = ("Here's ABC News's Jim Laurie.\n\nNot that long ago, the news about real estate here was that the sky was the "
            "limit. So when Wong Kwan spent seventy million dollars for this house, he thought it was a great deal. He sold "
            "the property to five buyers and said he'd double his money.")

CASES = [
    # a rank is never lent from beyond its sentence (was Iran, the headline's, at 0.6); mirror: a rank its clause says
    ("rank-not-lent", *DERAKHSHANI, "fourth", {"subject": None}),
    ("rank-of-its-clause", None, "Melbourne has the 10th largest immigrant population among world metropolitan areas.", "10th",
     {"subject": "Melbourne", "rule": "clause_subject"}),
    # what went to someone is theirs (was Warholm, the sentence before's, at 0.45)
    ("rank-went-to", None, SAMBA, "Third", {"subject": "Abderrahman Samba", "rule": "recipient"}),
    # ... a coordination of receivers owns it together, no one alone; a receiver with no name: none
    ("rank-went-to-two", None, "First place went to Ohio State and Michigan.", "First", {"subject": None}),
    ("rank-went-to-no-name", None, "Second place went to the team from Ohio.", "Second", {"subject": None}),
    # a person is lent no growth (was the interviewee Dee Boersma at 0.4); mirror: a company still is
    ("growth-not-lent-a-person", None, PENGUINS, "40%", {"subject": None}),
    ("growth-lent-a-company", None, "Meanwhile, Ogden Corp. reported third-quarter net income of $27.1 million.\n\n"
     "Revenue rose 33% to $378.1 million from $283.8 million.", "33%", {"subject": "Ogden"}),
    # a complement clause whose subject stands for someone unnamed keeps the number (was the premier at 0.8) ...
    ("complement-description-unnamed", None, "Ontario Premier Doug Ford announces that the province will charge 25% more for "
     "electricity supplied to the United States.", "25%", {"subject": None, "rule": "unnamed_owner"}),
    # ... mirrors: a named complement subject owns it; a common noun there lets the clause above say whose it is; money climbs
    ("complement-named", None, "Ontario Premier Doug Ford said that Ontario will charge 25% more for electricity.", "25%",
     {"subject": "Ontario"}),
    ("complement-common-noun", None, "South Korea's trade ministry reports that exports rose 12% to ₩21 trillion.", "12%",
     {"subject": "South Korea"}),
    ("complement-money", None, "South Korea's trade ministry reports that exports rose 12% to ₩21 trillion.", "₩21 trillion",
     {"subject": "South Korea"}),
    # what a tariff is "on" is taxed, not the owner (was aluminum at 0.85); mirrors: the tariff's owner; a traded thing's price
    ("tariff-on-a-thing", None, "U.S. president Donald Trump announces that the tariff on steel and aluminum imports will be "
     "doubled to 50%, potentially raising prices for housing, autos, and other goods.", "doubled", {"subject": "Donald Trump"}),
    ("tariff-of-a-country", None, "Canada's tariff on aluminum rose 10% in May.", "10%", {"subject": "Canada"}),
    ("price-of-a-thing", None, "Aluminum prices rose 10% in May.", "10%", {"subject": "Aluminum"}),
    # a verb changing what a common noun owns: that noun's, no one named (was Kuchma, whose visit the clause above is about)
    ("changed-thing-of-a-common-noun", None, "A major goal of Kuchma's four-day state visit was the signing of a 10-year economic "
     "program aimed at doubling the two nations' trade turnover.", "doubling", {"subject": None, "rule": "unnamed_owner"}),
    ("changed-thing-of-its-subject", None, "Apple doubled its revenue in 2024.", "doubled", {"subject": "Apple"}),
    # a noun only this article's names give ("the news" after "ABC News": kind_anaphor) makes no topic to lend on (was
    # ABC News at 0.4, recent_topic, once facts19's kind anaphors met facts18's growth rows; TimeBank ABC19980108.1830.0711);
    # mirror: a description the rules list ("the company") still does
    ("kind-description-lends-no-topic", None, ABC_NEWS, "double", {"subject": None}),
    ("listed-description-still-lends", None, "Compaq Computer Corp. reported its results on Tuesday.\n\nThe company said "
     "demand for its computers was strong. Net income doubled in the quarter.", "doubled", {"subject": "Compaq Computer"}),
]


@pytest.mark.parametrize("title,text,mention,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_subject_of_a_rank_growth_or_share(run, title, text, mention, expected) -> None:
    row = _row(run(text, title), text, mention)
    assert row is not None, f"no fact for {mention!r}"
    assert {k: row[k] for k in expected} == expected


def test_a_list_name_is_no_rank(run) -> None:
    """'placing it 4th in the Top 500': the list's name makes no rank fact; the rank does; a lower-case "top 10" does."""
    text = ("On a partial system test, Jupiter has achieved a preliminary 793.4 Petaflop/s, placing it 4th in the Top 500 "
            "behind El Capitan, Frontier, and Aurora at the US Department of Energy.")
    facts = run(text)
    assert _row(facts, text, "Top 500") is None
    assert _row(facts, text, "4th")["subject"] == "Jupiter"
    mirror = "Apple is among the top 10 companies in the world."
    assert _row(run(mirror), mirror, "top 10")["metric"] == "rank"


def test_no_owner_means_low_confidence(run) -> None:
    text = "Ontario Premier Doug Ford announces that the province will charge 25% more for electricity."
    assert _row(run(text), text, "25%")["confidence"] <= 0.3
