"""Facts: the metric field (issue #14, thirteenth session, metrics16), on real sentences of the tuning sets (the written
corpora, TimeBank WSJ, the WSJ tuning parts, news-dev dev and retired), each rule with a mirror it must leave alone.

Found with ``benchmarks/facts_fields.py`` (facts right at subject + value whose metric the scorer calls wrong); the
conventions are those of benchmarks/heldout/briefs/FACTS_BRIEF.md.
"""

from __future__ import annotations

import pytest

from tests.test_facts import _fact, run_text  # noqa: F401  (run_text is a fixture)

# (id, text, mention, metric, metric_text or None when any)
CASES = [
    # a verb of valuing with a direct object values that object, not the deal or offer its clause hangs from (written3)
    ("values-its-object",
     "Elon Musk's artificial intelligence company xAI acquires the social network X in an all-stock deal that values X "
     "at $33 billion and xAI at $80 billion.", "$33 billion", "valuation", "values"),
    ("values-the-whole-of",
     "The offer, which values the whole of Coates at #301 million, has already been accepted by Coates executives and "
     "other shareholders owning 12.4% of the company.", "#301 million", "valuation", None),
    ("mirror-a-deal-valued-at",
     "Mars agrees to buy Kellanova in a deal valued at about US$36 billion.", "US$36 billion", "deal_value", None),
    ("mirror-valuing-the-company-after-a-bid",
     "Paramount Skydance launches a hostile bid for Warner Bros. Discovery at $30 a share in cash, valuing the company, "
     "including debt, at about $108 billion.", "$108 billion", "valuation", "valuing"),
    # "value" names a valuation as a verb only (metrics.verb_metrics)
    ("value-as-a-verb",
     "Anthropic is reported to be preparing an initial public offering that could value the company at more than "
     "$300 billion as early as 2026.", "$300 billion", "valuation", "value"),
    ("mirror-value-as-a-noun",
     "The value of the deal was put at about $5 billion, Acme said.", "$5 billion", "deal_value", None),
    # what a company buys back or redeems of its own shares, saves or sets aside is `other`, no deal
    ("buy-back", "The bank said it would buy back up to $3 billion of its shares.", "$3 billion", "other", None),
    ("redeem",
     "Proceeds of the offering will be used to redeem C$264 million of preferred shares and to reduce short-term debt, "
     "the company said.", "C$264 million", "other", "redeem"),
    ("mirror-buy", "Acme agreed to buy Widget Inc. for $5 billion.", "$5 billion", "deal_value", None),
    ("save",
     "German vehicle manufacturer Daimler Truck announces it will cut around 5,000 jobs in the country by 2030 in an "
     "effort to save €1 billion following a drop in sales.", "€1 billion", "other", "save"),
    ("set-aside", "It had already set aside $1.2 billion for the breach and reported a net loss of $310 million for the "
     "fourth quarter.", "$1.2 billion", "other", None),
    ("set-aside-for-a-metric",
     "The government also set aside ₹12.2 lakh crore for capital expenditure on roads, railways and ports.",
     "₹12.2 lakh crore", "capex", "expenditure"),
    ("mirror-set-a-price", "Acme set the price of its shares at $33.", "$33", "price", None),
    # what a film grosses is its revenue, over the money table's cue from its cost (which stays a cost)
    ("grossed-over-a-cost",
     "The film, which cost an estimated $150 million to produce, has now grossed more than $1 billion globally, the "
     "studio said on Sunday.", "$1 billion", "revenue", "grossed"),
    ("mirror-the-cost-beside-it",
     "The film, which cost an estimated $150 million to produce, has now grossed more than $1 billion globally, the "
     "studio said on Sunday.", "$150 million", "cost", None),
    # a market's size is its revenue, not a securities market's (sized_noun_metrics, sized_noun_skips)
    ("market-size",
     "Kellogg has been losing share in the $6 billion ready-to-eat cereal market.", "$6 billion", "revenue", "market"),
    ("mirror-a-securities-market",
     "The withdrawals could spell trouble for the $200 billion junk market.", "$200 billion", "other", "market"),
    # rules/metrics.yaml: a budget gap is a deficit, a cash pile or gold holdings reserves, a court's judgment a fine
    ("budget-gap",
     "Comptroller Brad Lander warned that the city faces a gap of up to $6.4 billion in fiscal 2027, when federal "
     "pandemic aid runs out.", "$6.4 billion", "deficit", "gap"),
    ("cash-pile", "Berkshire Hathaway's cash pile rises to a record $382 billion in the first quarter.", "$382 billion",
     "reserves", None),
    ("gold-holdings",
     "The People's Bank of China, which has bought gold for 23 consecutive months, said its gold holdings were valued "
     "at US$310 billion at the end of September.", "US$310 billion", "reserves", None),
    ("judgment",
     "A United States appeals court overturns a $16.1 billion judgment against Argentina related to the 2012 "
     "nationalization of oil company YPF.", "$16.1 billion", "fine", "judgment"),
    ("mirror-a-gap-elsewhere", "Despite a gap in its filings, Acme reported revenue of $5 million.", "$5 million",
     "revenue", None),
    # what a state borrows with no lender named is its deficit; a lender named, or a company, keeps the loan
    ("state-borrowed",
     "The UK government borrowed £20.2 billion in April, £3 billion more than forecast by the Office for Budget "
     "Responsibility, official figures showed on Tuesday.", "£20.2 billion", "deficit", "borrowed"),
    ("state-borrowing-noun",
     "The Bank of England holds interest rates at 3.5%; the UK government's borrowing for August comes in at £18 "
     "billion.", "£18 billion", "deficit", None),
    ("mirror-borrowed-from-a-lender",
     "Uganda announces that it will borrow US$358 million from the African Development Fund.", "US$358 million",
     "loan", None),
    ("mirror-a-company-borrows", "Acme Corp. borrowed $50 million to fund the expansion.", "$50 million", "loan", None),
    # a development bank's financing is a loan (lent_over_metrics); money raised with no lender stays funding
    ("lenders-financing", "The World Bank approves US$1.5 billion in financing for Pakistan's energy sector.",
     "US$1.5 billion", "loan", "financing"),
    ("mirror-financing-with-no-lender",
     "Klarna, the Swedish buy-now-pay-later lender, raises $1.37 billion in its initial public offering in New York.",
     "$1.37 billion", "funding", None),
    # what a thing is worth takes the metric of the noun it is the "of" of, when its own words name none
    ("award-of-shares-worth",
     "Tesla's board grants an interim award of 96 million shares worth about US$29 billion to chief executive Elon Musk, "
     "who is appealing a court ruling that voided his 2018 pay package.", "US$29 billion", "salary", "award"),
    ("mirror-a-basket-of-goods-worth", "The company sold a basket of goods worth $5 million.", "$5 million", "other",
     "worth"),
    # prize money is pay (FACTS_BRIEF.md: salary includes prize money); money alone names nothing
    ("prize-money", "The governing body will pay $896 million in prize money to the teams.", "$896 million", "salary",
     None),
    ("mirror-money-alone", "The governing body will pay $896 million in money to the teams.", "$896 million", "other",
     None),
]


@pytest.mark.parametrize("text,mention,metric,metric_text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_metric_of_an_amount(run_text, text, mention, metric, metric_text) -> None:  # noqa: F811
    fact = _fact(run_text(text), text, mention)
    assert fact["metric"] == metric
    if metric_text is not None:
        assert fact["metric_text"] == metric_text


def test_verb_metrics_need_a_verb(rules) -> None:
    """A word of metrics.verb_metrics names its metric only as a verb: the noun "value" names none."""
    from pipeline.facts.config import compile_fact_rules

    fr = compile_fact_rules(rules)
    assert fr.verb_metrics["value"] == "valuation" and "value" not in fr.money_words
    assert fr.verb_metrics["buy back"] == "other"


@pytest.mark.parametrize("text,mention,metric", [
    # a cue of the money table is no second half of a hyphenated word: "weight-loss" names no loss (written, Novo Nordisk)
    ("Danish drugmaker Novo Nordisk said on Monday that it will cut the monthly price of its weight-loss drug Wegovy and "
     "its diabetes treatment Ozempic to US$349 for American customers paying in cash.", "US$349", "price"),
    ("The low-cost airline Acme paid $40 million.", "$40 million", "other"),
    # mirrors: a cue after a space keeps its metric, and "non-interest income" (listed whole) stays revenue
    ("Acme reported a pre-tax loss of $5 million.", "$5 million", "profit"),
    ("The bank's non-interest income rose to $5 billion.", "$5 billion", "revenue"),
], ids=["weight-loss", "low-cost", "mirror-pre-tax-loss", "mirror-non-interest-income"])
def test_money_cue_not_in_a_hyphenated_word(all_stages, text, mention, metric) -> None:
    found = all_stages(text)
    money = next(r for r in found["money"] if text[r["start"] : r["end"]] == mention)
    assert money["metric"] == metric
    assert _fact(found["facts"], text, mention)["metric"] == metric
