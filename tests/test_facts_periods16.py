"""Facts: the period field, round four (issue #14, thirteenth session, periods16), on real sentences of the tuning sets
(TimeBank WSJ, the WSJ tuning parts, the written corpora, TempEval), each rule with a mirror it must leave alone.

Found with ``benchmarks/facts_fields.py`` (facts right at subject + value whose period the scorer calls wrong); the
conventions are those of benchmarks/heldout/briefs/FACTS_BRIEF.md: the clause's date, else the paragraph's, else the
publication day.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_facts import _fact, run_text  # noqa: F401  (run_text is a fixture)

WSJ_DAY = date(1989, 10, 26)

# (id, text, published, mention, period)
CASES = [
    # a day that meets the amount's path only above a date that meets it lower is the day it was told (written2 Roblox,
    # written Norway's fund): the amount is of its own clause's period
    ("the-day-it-was-said-yields",
     "Roblox, the online gaming platform popular with children, said on Thursday that it averaged 121 million daily active "
     "users in the first three months of 2026, up 24% from a year earlier, and that users spent 27 billion hours on the "
     "platform.", date(2026, 4, 30), "121 million", "2026-01-01/2026-03-31"),
    ("the-day-it-was-reported-yields",
     "Norway's sovereign wealth fund, the Government Pension Fund Global, reported on Tuesday a return of 2.5 trillion "
     "kroner (US$240 billion) for 2025, the second-highest in its history, driven by gains in technology stocks.",
     date(2026, 1, 27), "2.5 trillion kroner", "2025"),
    ("mirror-a-told-day-alone-stays",
     "Roblox said on Thursday that it has 121 million daily active users.", date(2026, 4, 30), "121 million", "2026-04-30"),
    # a relative clause of the amount, or of the noun it counts, is the amount's own (TempEval CNN, written3 Coupang)
    ("the-amounts-own-relative-clause",
     "Oil prices have come down from the middle of October from a twenty-two dollar barrel level down to the fourteen "
     "dollars we're seeing today.", date(1998, 2, 23), "fourteen dollars", "1998-02-23"),
    ("the-counted-nouns-relative-clause",
     "A court in Seoul on Tuesday ordered Coupang, South Korea's largest online retailer, to pay 1.5 trillion won (US$1 "
     "billion) in compensation to the 33.7 million customers whose personal data was leaked last year.", date(2026, 3, 24),
     "33.7 million", "2025"),
    ("mirror-another-nouns-relative-clause",
     "Coupang, which is listed in New York and reported revenue of US$31.2 billion last year, had earlier offered vouchers "
     "worth ₩50,000 to each affected customer.", date(2026, 2, 18), "₩50,000", "2026-02-18"),
    # a date under the earlier value of a change is that value's (written2 OpenAI, Premier League)
    ("the-earlier-values-date-is-its-own",
     "OpenAI says ChatGPT now has more than 500 million weekly active users and that its annualised revenue has reached $10 "
     "billion, up from $5.5 billion in December.", date(2025, 6, 11), "$10 billion", "2025-06-11"),
    ("mirror-the-earlier-value-keeps-it",
     "OpenAI says ChatGPT now has more than 500 million weekly active users and that its annualised revenue has reached $10 "
     "billion, up from $5.5 billion in December.", date(2025, 6, 11), "$5.5 billion", "2024-12"),
    ("the-later-value-loses-a-year-old-month",
     "Premier League clubs together spent about £370 million in the window, down from £815 million in January 2023.",
     date(2025, 2, 19), "£370 million", "2025-02-19"),
    # a year-ago modifier of the amount's noun or its verb's subject moves a borrowed reporting period a year back
    # (TimeBank wsj_1011), not one its sentence names (wsj_0144)
    ("year-earlier-results",
     "America West Airlines reported a third-quarter loss of $2.4 million.\n\nYear-earlier results included an "
     "extraordinary gain of $1.6 million from a buy-back of convertible subordinated debentures.", WSJ_DAY, "$1.6 million",
     "1988-Q3"),
    ("mirror-year-ago-results-of-a-named-quarter",
     "The year-ago results included a $415 million charge in the 1988 second quarter for underperforming real estate and "
     "mortgage loans.", WSJ_DAY, "$415 million", "1988-Q2"),
    ("mirror-this-years-results-keep-the-quarter",
     "America West Airlines reported a third-quarter loss of $2.4 million.\n\nResults included an extraordinary gain of "
     "$1.6 million from a buy-back of convertible subordinated debentures.", WSJ_DAY, "$1.6 million", "1989-Q3"),
    # a year-ago phrase between the amount's noun and the amount moves any period, and the per-share restatement with it
    # (TimeBank wsj_0568)
    ("earnings-a-year-earlier-of",
     "But the company said Friday that it had losses of $673.3 million through the first nine months, compared with "
     "earnings a year earlier of $382.2 million, or $2.22 a share fully diluted, as revenue inched up 1.4% to $7.13 billion "
     "from $7.03 billion.", date(1989, 10, 30), "$382.2 million", "1988-01/1988-09"),
    ("its-restatement-moves-with-it",
     "But the company said Friday that it had losses of $673.3 million through the first nine months, compared with "
     "earnings a year earlier of $382.2 million, or $2.22 a share fully diluted, as revenue inched up 1.4% to $7.13 billion "
     "from $7.03 billion.", date(1989, 10, 30), "$2.22", "1988-01/1988-09"),
    ("mirror-the-running-amount-keeps-it",
     "But the company said Friday that it had losses of $673.3 million through the first nine months, compared with "
     "earnings a year earlier of $382.2 million, or $2.22 a share fully diluted, as revenue inched up 1.4% to $7.13 billion "
     "from $7.03 billion.", date(1989, 10, 30), "$673.3 million", "1989-01/1989-09"),
    # "for the same period" alone is the period just named, not the year before (written2 Virgin Australia); with a
    # year-ago phrase after it, it is
    ("the-same-period-is-the-one-named",
     "Qantas Airways reported an underlying profit before tax of A$1.39 billion for the six months to December on Thursday, "
     "up 12% from a year earlier.\n\nIts smaller rival Virgin Australia, which returned to the stock market in June, posted "
     "a profit of A$248 million for the same period.", date(2026, 2, 26), "A$248 million", "2025-07/2025-12"),
    ("mirror-the-same-period-a-year-earlier",
     "Qantas Airways reported an underlying profit before tax of A$1.39 billion for the six months to December on Thursday, "
     "up 12% from a year earlier.\n\nIts smaller rival Virgin Australia posted a profit of A$248 million in the same "
     "period a year earlier.", date(2026, 2, 26), "A$248 million", "2024-07/2024-12"),
    # a date right after "due" is a debt's maturity (wsj_0612), in the sentence and as the paragraph's date
    ("a-maturity-is-no-period",
     "Hertz Corp. -- $100 million of senior notes due Nov. 1, 2009, priced at par to yield 9%.", date(1989, 10, 30),
     "$100 million", "1989-10-30"),
    ("a-maturity-is-no-paragraph-date",
     "Sun Microsystems Inc. -- $125 million of 6 3/8% convertible subordinated debentures due Oct. 15, 1999, priced at "
     "84.90 to yield 7.51%. The debentures are convertible into common stock at $25 a share, representing a 24% conversion "
     "premium over Thursday's closing price.", date(1989, 10, 30), "$25", "1989-10-30"),
    ("mirror-due-next-year",
     "The company said $5 million of payments are due next year.", date(2025, 6, 1), "$5 million", "2026"),
    # a flow's day yields to a year or reporting period of its sentence (written3 Spain); a level keeps its day
    ("a-flows-day-yields-to-its-year",
     "The government of Spain on Tuesday approved an extra €10.5 billion for defence and security this year, bringing the "
     "country's military spending to 2% of gross domestic product for the first time.", date(2025, 3, 11), "€10.5 billion",
     "2025"),
    ("mirror-a-level-keeps-its-day",
     "Brent crude rose to US$80 a barrel on Tuesday, its highest level this year.", date(2025, 6, 4), "US$80", "2025-06-03"),
    # a date opening with this / last / next is no baseline by the word after it (written2 MSF, written3 Ryanair)
    ("this-year-after-a-clause",
     "The medical charity Médecins Sans Frontières (MSF) said on Tuesday that it faced a shortfall of about €240 million "
     "this year after several governments cut their aid budgets.", date(2025, 8, 26), "€240 million", "2025"),
    ("last-year-after-a-clause",
     "Its chief executive Michael O'Leary, who received a bonus of €50 million last year after a share-price target in his "
     "contract was met, said fares would be \"flat to slightly up\" over the winter.", date(2026, 10, 20), "€50 million",
     "2025"),
    ("mirror-a-count-of-months-after-is-a-baseline",
     "The app reached 1 million users seven months after its launch.", date(2025, 6, 4), "1 million", "2025-06-04"),
    # an investment is not lent the lede's reporting period through its subject (written2 Petrobras, BYD); results are
    ("an-investment-plan-is-of-the-day",
     "BYD reported a 30% rise in net profit for the first half of 2026.\n\nOverseas sales are a bright spot: BYD is building "
     "a €1 billion factory in Hungary. BYD's revenue rose 9% to ¥405 billion.", date(2026, 8, 31), "€1 billion",
     "2026-08-31"),
    ("mirror-the-ledes-revenue-keeps-the-half",
     "BYD reported a 30% rise in net profit for the first half of 2026.\n\nOverseas sales are a bright spot: BYD is building "
     "a €1 billion factory in Hungary. BYD's revenue rose 9% to ¥405 billion.", date(2026, 8, 31), "¥405 billion",
     "2026-H1"),
]


@pytest.mark.parametrize("text,published,mention,period", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_period_of_the_amount(run_text, text, published, mention, period) -> None:  # noqa: F811
    assert _fact(run_text(text, published), text, mention)["period"] == period
