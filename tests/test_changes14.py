"""Change statements, round 14 (issue 21, thirteenth session): the values a change statement links.

Every matched tuning statement whose from / to / by value the scorer called wrong was read (``benchmarks/README.md``,
"Change statements, round 14"). These cases are the classes that were the pipeline's, each a general rule with a
mirror where it must not fire: a day of a date is no later value, the part of a share is the later value, not its whole,
a participle after a change verb's amount gives the later value, and a "since <date>, when it stood at" clause gives
the earlier one. Sentences come from the tuning text (ids ``tun-`` for real news of ``--set tuning``, ``w<N>-`` for the
written corpora: written text, not real news) or were written for the check (``r14-``).
"""

from __future__ import annotations

import pytest

from pipeline.extract import Context
from pipeline.run import load_stages


@pytest.fixture(scope="module")
def run(nlp, rules, settings):
    stages = [(name, f) for name, f in load_stages() if name != "facts"]
    ctx = Context("test", None, rules, settings)

    def go(text: str) -> list[dict]:
        doc = nlp(text)
        found: dict[str, list[dict]] = {}
        for name, func in stages:
            found[name] = func(doc, ctx, found)
        rows = [r for r in found["changes"] if r["kind"] == "change"]
        for row in rows:
            row["text"] = text[row["start"] : row["end"]]
        return rows

    return go


# (id, sentence, the statement's change word (its row is the one whose span holds it), from, to, by)
VALUES = [
    # a participle after the amount of a change verb gives the later value (rules/changes.yaml amount_later_participles)
    ("tun-totaling", "On Thursday, the United Kingdom's (UK) Conservative Party netted an additional 66 seats, totaling 365 seats, "
     "surpassing the 326 seats needed for a majority in Parliament.", "netted", None, 365, 66),
    ("w5-bringing-it-to", "The council also voted to increase the city's rainy day fund by US$500 million, bringing it to nearly "
     "US$2 billion.", "increase", None, 2e9, 5e8),
    ("r14-reaching-after-percent", "Revenue rose 5%, reaching $10 billion.", "rose", None, 1e10, 5),
    # mirrors: the participle takes no value at once; a count amount does not take a sum of money as its later value
    ("r14-reaching-no-value", "Sales rose 5%, reaching consumers in 5 states.", "rose", None, None, 5),
    ("r14-reaching-other-measure", "The firm cut 300 jobs, reaching $5 million in savings.", "cut", None, None, 300),
    # the part of a share, not its whole, is the later value before a comma-led change phrase (share_whole_deps)
    ("w4-part-of-whole", "In the concurrent legislative election the DPP won 61 of the 113 seats, down from 68.", "down", 68, 61, None),
    # mirror: "of" hangs on a noun, so the number before the comma stays the later value
    ("r14-of-after-noun", "Sales of 5 million units, up from 4 million, were reported.", "up", 4e6, 5e6, None),
    # a bare day before a month name is a date, never the later value (the dates stage does not read "19 May" yet)
    ("w4-day-of-month", "About 900 million people were eligible to vote in the seven-phase election, held from 11 April to 19 May, "
     "an increase of 84 million over 2014.", "increase", None, None, 84e6),
    # mirror: a number not written right before the month stays a value
    ("r14-number-then-in-month", "Turnout rose to 19 in May.", "rose", None, 19, None),
    # "since <date>, when it stood at" gives the earlier value (since_level_clauses)
    ("w1-since-when-it-stood", "The bank has cut the rate by a total of 2.25 percentage points since June 2024, when it stood at 5%.",
     "cut", 5, None, 2.25),
    ("w5-since-when-it-stood-negative", "The European Central Bank kept its deposit rate at 4% in October after raising it by a total "
     "of 4.5 percentage points since July 2022, when it stood at -0.5%.", "raising", -0.5, None, 4.5),
    # mirrors: the clause gives no value at once; the date is missing
    ("r14-since-when-no-value", "Sales rose 5% since 2020, when it was founded by 3 people.", "rose", None, None, 5),
    ("r14-since-no-date", "Membership grew by 20 since then, when it was 500.", "grew", None, None, 20),
    # a hedge after the "of" of a level noun: the value after it is the earlier value
    ("w3-level-of-hedge", "The price of bitcoin falls below US$87,000, down about 30% from its record high of more than $126,000 set "
     "in early October.", "falls", 126000, 87000, 30),
    ("r14-possessive-level-of-hedge", "Shares fell 5% from Friday's close of about $18.27.", "fell", 18.27, None, 5),
    # mirrors: no value after the hedge; "of" after a noun that is no level
    ("r14-level-of-hedge-no-value", "Sales fell 5% from a level of more than half.", "fell", None, None, 5),
    ("r14-loss-of-hedge", "Profit fell 5% due to its loss of about $992,000.", "fell", None, None, 5),
]


@pytest.mark.parametrize(("text", "word", "from_", "to", "by"), [c[1:] for c in VALUES], ids=[c[0] for c in VALUES])
def test_values_of_a_statement(run, text, word, from_, to, by) -> None:
    rows = run(text)
    at = text.index(word)
    mine = [r for r in rows if r["start"] <= at < r["end"]]
    assert len(mine) == 1, rows
    row = mine[0]
    for col, want in (("from_value", from_), ("to_value", to), ("by_value", by)):
        assert row[col] == (None if want is None else pytest.approx(want)), (col, row)

