"""Facts: each number joined to its subject, metric and period, on real sentences from raw/.

The upstream rows (money, user counts, quantities, dates) are built by hand here, shaped like the
schemas of pipeline/tables.py, so these tests pin the attachment logic whatever the upstream
extractors do; entities come from the real entities stage.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, example, given, settings as hyp_settings, strategies as st

from pipeline.clean import clean
from pipeline.errors import RulesError
from pipeline.extract import Context
from pipeline.extract import entities as entities_stage
from pipeline.facts import compile_fact_rules, extract
from pipeline.rules import Rules
from tests.conftest import RAW

DOUBAO = "doubao-2024-overview"
AMBITIONS = "bytedance-ai-ambitions"
DEEPSEEK = "bytedance-deepseek-impact"
CHINAI = "chinai-big-five-models"
INFRA = "bytedance-infra-boost"


@pytest.fixture(scope="module")
def articles(nlp, rules):
    """article_id -> (Doc of the clean text, published date): parsed once for the module."""
    published = {r["article_id"]: date.fromisoformat(r["published"]) for r in csv.DictReader((RAW / "manifest.csv").open(encoding="utf-8"))}
    out = {}
    for aid in (DOUBAO, AMBITIONS, DEEPSEEK, CHINAI, INFRA):
        cleaned = clean((RAW / f"{aid}.txt").read_text(encoding="utf-8-sig"), rules)
        out[aid] = (nlp(cleaned.text), published[aid])
    return out


@dataclass(frozen=True)
class M:
    """A hand-built upstream row: ``text`` located at its first occurrence after ``after``."""

    table: str
    text: str
    after: str | None = None
    fields: dict = field(default_factory=dict)


def D(text: str, value: str, type_: str = "date", start: str | None = None, end: str | None = None, mod: str | None = None, after: str | None = None) -> M:
    return M("dates", text, after, {"value": value, "type": type_, "start_date": start and date.fromisoformat(start), "end_date": end and date.fromisoformat(end), "mod": mod})


def money(text, amount, metric, currency="CNY", qualifier="exact", after=None, **extra) -> M:
    return M("money", text, after, {"amount": amount, "currency": currency, "qualifier": qualifier, "metric": metric, **extra})


def users(text, value, metric, qualifier="exact", after=None) -> M:
    return M("user_counts", text, after, {"value": value, "qualifier": qualifier, "metric": metric})


def qty(text, kind, value, unit, qualifier="exact", change=None, after=None) -> M:
    return M("quantities", text, after, {"kind": kind, "value": value, "unit": unit, "qualifier": qualifier, "change": change})


def _locate(doc_text: str, m: M) -> tuple[int, int]:
    base = doc_text.index(m.after) if m.after else 0
    start = doc_text.index(m.text, base)
    return start, start + len(m.text)


def run_facts(articles, rules, settings, aid: str, rows: list[M]) -> tuple[list[dict], dict[tuple[int, int], str]]:
    doc, published = articles[aid]
    ctx = Context(aid, published, rules, settings)
    found: dict[str, list[dict]] = {"entities": entities_stage.extract(doc, ctx, {}), "dates": [], "money": [], "user_counts": [], "quantities": []}
    spans = {}
    for m in rows:
        start, end = _locate(doc.text, m)
        found[m.table].append({"start": start, "end": end, **m.fields})
        spans[(start, end)] = m.text
    return extract(doc, ctx, found), spans


def fact_for(articles, rules, settings, aid: str, rows: list[M]) -> dict | None:
    """The fact of the LAST non-date row (earlier rows are context: dates, a previous variant)."""
    facts, _ = run_facts(articles, rules, settings, aid, rows)
    target = [m for m in rows if m.table != "dates"][-1]
    start, _ = _locate(articles[aid][0].text, target)
    hits = [f for f in facts if f["start"] == start]
    return hits[0] if hits else None


# (id, article, rows, expected subset of the fact)
CASES = [
    # was a known miss: "Henan, China's third most populous province": the superlative description is Henan's
    ("henan-third-most-populous", CHINAI, [qty("third", "rank", 3, "rank", after="China’s ")], {"subject": "Henan"}),
    ("doubao-mau-nov", DOUBAO, [D("November of this year", "2024-11"), users("59.98 million", 59.98e6, "MAU")],
     {"subject": "Doubao", "subject_id": "doubao", "metric": "MAU", "value": 59.98e6, "unit": "users", "period": "2024-11", "period_source": "sentence"}),
    ("cici-mau-period-from-paragraph", DOUBAO, [D("November of this year", "2024-11"), users("12.67 million", 12.67e6, "MAU")],
     {"subject": "Cici", "metric": "MAU", "period": "2024-11", "period_source": "paragraph"}),
    ("cici-rank-22nd", DOUBAO, [D("November of this year", "2024-11"), qty("22nd", "rank", 22, "rank")],
     {"subject": "Cici", "metric": "rank", "value": 22.0, "period": "2024-11"}),
    ("doubao-users-start-of-year", DOUBAO, [D("the beginning of the year", "2024", start="2024-01-01", end="2024-12-31", mod="start"), users("1.73 million", 1.73e6, "users")],
     {"subject": "Doubao", "metric": "users", "period": "2024", "period_start": date(2024, 1, 1)}),
    ("chatgpt-leading-with-mau", DOUBAO, [D("November", "2024-11", after="continued into"), users("300 million", 3e8, "MAU", "more_than")],
     {"subject": "ChatGPT", "metric": "MAU", "qualifier": "more_than", "period": "2024-11"}),
    ("bytedance-marketing", DOUBAO, [money("¥1 billion", 1e9, "marketing", qualifier="at_least")],
     {"subject": "ByteDance", "metric": "marketing", "unit": "CNY", "qualifier": "at_least", "period": "2024-12-20", "period_source": "published_date"}),
    ("doubao-pro-32k-price", DOUBAO, [D("this year", "2024", after="Power Conference"), money("¥0.008", 0.008, "price", per_quantity=1000.0, per_unit="token")],
     {"subject": "Doubao Pro 32k", "subject_id": None, "metric": "price", "per_quantity": 1000.0, "per_unit": "token", "period": "2024", "rule": "product_variant"}),
    ("doubao-pro-128k-inherits-owner", DOUBAO, [money("¥0.008", 0.008, "price", per_quantity=1000.0, per_unit="token"), money("¥0.05", 0.05, "price", per_quantity=1000.0, per_unit="token")],
     {"subject": "Doubao Pro 128k", "metric": "price"}),
    ("bytedance-capex-80bn", DOUBAO, [money("¥80 billion", 8e10, "capex")],
     {"subject": "ByteDance", "metric": "capex", "value": 8e10}),
    ("bytedance-capex-160bn-2025", DOUBAO, [D("2025", "2025", mod="before", after="expand to"), money("¥160 billion", 1.6e11, "capex")],
     {"subject": "ByteDance", "metric": "capex", "period": "2025", "period_source": "sentence"}),
    ("wenxin-api-calls", DOUBAO, [D("November 2024", "2024-11"), qty("1.5 billion", "count", 1.5e9, "API call", "more_than")],
     {"subject": "Wenxin", "subject_id": "wenxin", "metric": "api_calls", "period": "2024-11"}),
    ("wenxin-growth-skips-baseline-date", DOUBAO, [D("November 2024", "2024-11"), D("just over a year prior", "2023-11"), qty("30 times", "multiplier", 30, "x", "approx")],
     {"subject": "Wenxin", "metric": "growth", "period": "2024-11"}),
    ("doubao-tokens", DOUBAO, [D("mid-December 2024", "2024-12", mod="mid"), qty("4 trillion", "count", 4e12, "token", "more_than")],
     {"subject": "Doubao", "metric": "tokens", "period": "2024-12"}),
    ("deepseek-v2-input-price", DOUBAO, [D("May 2024", "2024-05"), money("¥1", 1, "price", after="low pricing", per_quantity=1e6, per_unit="token")],
     {"subject": "DeepSeek-V2", "metric": "price", "per_quantity": 1e6, "period": "2024-05", "rule": "with_object"}),
    ("deepseek-v2-output-price", DOUBAO, [D("May 2024", "2024-05"), money("¥2", 2, "price", after="input tokens", per_quantity=1e6, per_unit="token")],
     {"subject": "DeepSeek-V2", "metric": "price", "period": "2024-05"}),
    ("qwen-price-cut-is-growth", DOUBAO, [D("May 2024", "2024-05"), qty("97%", "percent", 97, "%", change="decrease")],
     {"subject": "Qwen", "metric": "growth", "period": "2024-05", "period_source": "paragraph"}),
    ("nvidia-market-cap", DOUBAO, [D("2024", "2024", after="trajectory"), D("the past year", "P1Y", "duration", "2023-12-20", "2024-12-20"), money("$3 trillion", 3e12, "market_cap", "USD")],
     {"subject": "NVIDIA", "metric": "market_cap", "period": "2024", "period_source": "paragraph"}),
    ("openai-api-revenue", DOUBAO, [D("2024", "2024", after="Projections for"), money("$500 million", 5e8, "revenue", "USD", "approx")],
     {"subject": "OpenAI", "metric": "revenue", "period": "2024"}),
    ("openai-share-of-revenue", DOUBAO, [qty("15%", "percent", 15, "%")], {"subject": "OpenAI", "metric": "share"}),
    ("kimi-placements-past-three-months", DOUBAO, [D("the past three months", "P3M", "duration", "2024-09-20", "2024-12-20"), qty("2,500", "count", 2500, "ad placement", "more_than")],
     {"subject": "Kimi", "metric": "ad_placements", "period": "2024-09-20/2024-12-20"}),
    ("projects-no-subject-eleven-months", DOUBAO, [D("the first eleven months of this year", "P11M", "duration", "2024-01-01", "2024-11-30"), qty("728", "count", 728, "project")],
     {"subject": None, "metric": "projects", "period": "2024-01-01/2024-11-30", "rule": "no_subject"}),
    ("bytedance-valuation-the-company", AMBITIONS, [money("$300 billion", 3e11, "valuation", "USD", "approx")],
     {"subject": "ByteDance", "metric": "valuation", "rule": "anaphor", "period": "2024-12-10"}),
    ("doubao-mau-60m-by-november", AMBITIONS, [D("August 2023", "2023-08"), D("November", "2024-11", mod="before", after="users by"), users("60 million", 6e7, "MAU")],
     {"subject": "Doubao", "metric": "MAU", "period": "2024-11"}),
    ("wenxiaoyan-which-has", AMBITIONS, [D("November", "2024-11", after="users by"), users("13 million", 1.3e7, "users", "approx")],
     {"subject": "Wenxiaoyan", "metric": "users", "rule": "relative_clause"}),
    ("deepseek-dau-duration-not-period", DEEPSEEK, [D("just 21 days", "P21D", "duration"), users("20 million", 2e7, "DAU", "more_than")],
     {"subject": "DeepSeek", "metric": "DAU", "period": "2025-02-15", "period_source": "published_date"}),
    ("chatgpt-trailing-at", DEEPSEEK, [qty("41.6%", "percent", 41.6, "%")], {"subject": "ChatGPT", "metric": "share", "rule": "surface"}),
    ("alibaba-investment-three-years", CHINAI, [D("the next three years", "P3Y", "duration", "2025-05-19", "2028-05-19"), money("380 billion RMB", 3.8e11, "investment")],
     {"subject": "Alibaba", "metric": "investment", "period": "2025-05-19/2028-05-19"}),
    ("doubao-with-100m-mau", CHINAI, [users("100 million", 1e8, "MAU", "more_than")], {"subject": "Doubao", "metric": "MAU"}),
    ("stepfun-it-placed-1st", CHINAI, [qty("1st", "rank", 1, "rank")], {"subject": "StepFun", "metric": "rank", "rule": "pronoun"}),
    ("spending-increase-recent-topic", INFRA, [qty("25%", "percent", 25, "%", change="increase", after="A 25")],
     {"subject": "ByteDance", "rule": "recent_topic"}),
    ("bytedance-plans-25-percent", INFRA, [qty("25%", "percent", 25, "%", change="increase", after="plans to")],
     {"subject": "ByteDance", "metric": "growth", "period": "2024-04-01"}),
    # was a known miss: a total said "collectively" in a relative clause of a group in apposition to one name
    ("six-small-tigers-collectively", DOUBAO, [money("¥20 billion", 2e10, "revenue")], {"subject": "Six Small Tigers", "rule": "appos"}),
    # Negatives: no clear subject stays null, with low confidence.
    ("collective-subject-is-null", DOUBAO, [qty("6.25 million", "count", 6.25e6, "ad placement", "more_than")],
     {"subject": None, "subject_id": None, "metric": "ad_placements", "rule": "ambiguous"}),
    ("combined-expenditures-null", DOUBAO, [money("¥100 billion", 1e11, "capex", qualifier="approx")], {"subject": None, "metric": "capex"}),
    ("three-times-last-year-null", DOUBAO, [qty("3.6 times", "multiplier", 3.6, "x")], {"subject": None, "metric": "growth"}),
]


@pytest.mark.parametrize("aid,rows,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fact(articles, rules, settings, aid, rows, expected) -> None:
    fact = fact_for(articles, rules, settings, aid, rows)
    assert fact is not None
    assert {k: fact[k] for k in expected} == expected


def test_no_subject_means_low_confidence(articles, rules, settings) -> None:
    with_subject = fact_for(articles, rules, settings, DOUBAO, [users("59.98 million", 59.98e6, "MAU")])
    without = fact_for(articles, rules, settings, DOUBAO, [qty("728", "count", 728, "project")])
    assert without["confidence"] <= 0.3 < with_subject["confidence"]


NO_FACT = [
    ("money-conversion-repeats-its-fact", DOUBAO, [money("$150 million", 1.5e8, "marketing", "USD", "approx", equivalent_of=0)]),
    ("count-of-unknown-noun", DOUBAO, [qty("728", "count", 728, "widget")]),
    ("percent-without-cue", AMBITIONS, [qty("60 million", "percent", 60, "%")]),
]


@pytest.mark.parametrize("aid,rows", [c[1:] for c in NO_FACT], ids=[c[0] for c in NO_FACT])
def test_no_fact_without_clear_metric(articles, rules, settings, aid, rows) -> None:
    assert fact_for(articles, rules, settings, aid, rows) is None


# Known misses (gold says otherwise): strict, so a fix shows up as XPASS.
KNOWN_MISSES = [
    ("hugging-face-top-ten-is-qwen", CHINAI, [qty("ten", "rank", 10, "rank", "at_most", after="top ")], {"subject": "Qwen"}),
]


@pytest.mark.parametrize("aid,rows,expected", [c[1:] for c in KNOWN_MISSES], ids=[c[0] for c in KNOWN_MISSES])
@pytest.mark.xfail(strict=True, reason="known attachment miss")
def test_known_misses(articles, rules, settings, aid, rows, expected) -> None:
    fact = fact_for(articles, rules, settings, aid, rows)
    assert fact is not None
    assert {k: fact[k] for k in expected} == expected


def test_rows_fit_the_facts_schema(articles, rules, settings) -> None:
    from pipeline.clean import clean as clean_text
    from pipeline.ingest import iter_articles
    from pipeline.run import to_raw_rows
    from pipeline.tables import to_arrow

    facts, _ = run_facts(articles, rules, settings, DOUBAO, [D("November of this year", "2024-11"), users("59.98 million", 59.98e6, "MAU"), qty("728", "count", 728, "project")])
    article = next(a for a in iter_articles(RAW) if getattr(a, "article_id", None) == DOUBAO)
    rows = to_raw_rows("facts", facts, article, clean_text(article.raw_text, rules))
    table = to_arrow("facts", rows)
    assert table.num_rows == 2
    first = rows[0]
    assert first["text"] == "59.98 million" and first["evidence"].startswith("In November of this year, Doubao's app recorded")
    assert len(first["fact_id"]) == 16


@pytest.mark.parametrize("key,value,message", [
    ("lent_topic_unfit_metrics", {"GPE": ["profits"]}, "profits"),  # a metric rules/metrics.yaml does not name
    ("lent_topic_unfit_metrics", {"GPE": "profit"}, "mapping of lists"),
    ("person_across_paragraphs_metrics", ["wages"], "wages"),
    # the quantity metrics' lists (round 18): neither a money metric nor a quantity's
    ("unlent_metrics", ["ranks"], "ranks"),
    ("own_clause_metrics", ["growths"], "growths"),
    ("lent_topic_unfit_metrics", {"PERSON": ["growth", "shares"]}, "shares"),
    # twelfth session (facts20): a listing item's gap is one regular expression
    ("listing_item_gap", ["--"], "regular expression"),
    ("listing_item_gap", "(--", "listing_item_gap"),
    ("titled_after_labels", "PERSON", "list"),
    # round 21: a share class's pattern is one regular expression with a group named issuer
    ("share_class_name", ["Class"], "regular expression"),
    ("share_class_name", r"^(?P<owner>.+?)\s+Class\s+[A-Z]$", "issuer"),
])
def test_lent_topic_rules_are_checked(rules, key, value, message) -> None:
    data = dict(rules.get("facts"))
    data["subject"] = MappingProxyType({**rules.get("facts")["subject"], key: value})
    broken = Rules(root=rules.root, files=MappingProxyType({**rules.files, "facts": MappingProxyType(data)}), sha256="x")
    with pytest.raises(RulesError, match=message):
        compile_fact_rules(broken)


def test_rules_are_validated_strictly(rules) -> None:
    data = dict(rules.get("facts"))
    data["confidence"] = MappingProxyType({**rules.get("facts")["confidence"], "typo": 1})
    broken = Rules(root=rules.root, files=MappingProxyType({**rules.files, "facts": MappingProxyType(data)}), sha256="x")
    with pytest.raises(RulesError, match="typo"):
        compile_fact_rules(broken)


@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=120), a=st.integers(0, 130), b=st.integers(0, 130), table=st.sampled_from(["money", "user_counts", "quantities"]))
@example(text="00000000®0", a=1, b=2, table="money")  # a reversed date span once reached spaCy's char_span (IndexError)
def test_never_raises_on_arbitrary_text(nlp, rules, settings, text, a, b, table) -> None:
    doc = nlp(text)
    start, end = sorted((a, b))
    row = {"start": start, "end": end, "metric": "MAU", "kind": "percent", "value": 1.0, "amount": 1.0, "unit": "%", "qualifier": "exact"}
    date_row = {"start": end, "end": start, "value": "2024", "type": "date", "start_date": None, "end_date": None}
    extract(doc, Context("t", None, rules, settings), {table: [row], "dates": [date_row]})


# --- facts from change statements and fiscal periods (issues #21, #18) ----------------------------------
@pytest.fixture(scope="module")
def run_text(all_stages):
    """Every stage of the pipeline over one sentence, as the runner calls them: the facts rows."""

    def run(text: str, published: date = date(2025, 6, 1)) -> list[dict]:
        return all_stages(text, published)["facts"]

    return run


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        ("Acme's revenue rose from $40 million to $52 million in 2024.", "$52 million", {"change_from": 40e6, "change_pct": 30.0}),
        ("Sales fell to $2.1 billion from $2.6 billion, Northwind said.", "$2.1 billion", {"change_from": 2.6e9}),
        ("Acme's revenue was $52 million in 2024.", "$52 million", {"change_from": None, "change_pct": None}),
    ],
    ids=["rose-from-to", "fell-to-from", "no-change"],
)
def test_fact_carries_its_change(run_text, text, mention, expected) -> None:
    fact = next(f for f in run_text(text) if text[f["start"] : f["end"]] == mention)
    got = {k: (round(fact[k], 6) if isinstance(fact[k], float) else fact[k]) for k in expected}
    assert got == expected


def test_fiscal_period_placed_on_the_subjects_calendar(rules) -> None:
    from pipeline.extract.entities import gazetteer_owner
    from pipeline.extract.fiscal import calendars
    from pipeline.facts.period import on_subject_calendar
    from pipeline.facts.records import Period

    companies = calendars(rules).companies
    unplaced = Period("FY2025-Q3", None, None, "sentence")
    placed = on_subject_calendar(unplaced, "nvidia", gazetteer_owner(rules), companies)
    assert (placed.start, placed.end) == (date(2024, 8, 1), date(2024, 10, 31))
    # an unknown company keeps the fiscal value with no interval: never a guess
    assert on_subject_calendar(unplaced, "org:acme", gazetteer_owner(rules), companies) == unplaced


# --- subjects beyond the gazetteer and beyond the clause (issue #14) ------------------------------------
def _fact(facts: list[dict], text: str, mention: str) -> dict:
    return next(f for f in facts if text[f["start"] : f["end"]] == mention)


#: TimeBank wsj_0927 up to its first figure of net income: a profile of U.S. Trust's new chief executive
WSJ_0927 = 'H. Marshall Schwarz was named chairman and chief executive officer of U.S. Trust Corp., a private-banking firm with assets under management of about $17 billion.\n\nMr. Schwarz, 52 years old, will succeed Daniel P. Davison Feb. 1, soon after Mr. Davison reaches the company\'s mandatory retirement age of 65. Mr. Schwarz, who is president of U.S. Trust, will be succeeded in that post by Jeffrey S. Maurer, 42, who is executive vice president in charge of the company\'s asset-management group.\n\nU.S. Trust, a 136-year-old institution that is one of the earliest high-net worth banks in the U.S., has faced intensifying competition from other firms that have established, and heavily promoted, private-banking businesses of their own. As a result, U.S. Trust\'s earnings have been hurt.\n\nBut Mr. Schwarz welcomes the competition in U.S. Trust\'s flagship businesses, calling it "flattery." Mr. Schwarz says the competition "broadens the base of opportunity for us." Other firms "are dealing with the masses. I don\'t believe they have the culture" to adequately service high-net-worth individuals, he adds. U.S. Trust recently introduced certain mutual-fund products, which allow it to serve customers with minimum deposits of $250,000. Previously, the company advertised at the $2 million level.\n\n"We have always taken smaller accounts, but now we are looking for smaller accounts that will grow," Mr. Schwarz says. "Our bread and butter is still the $2 million to $20 million account," he says. The new services allow U.S. Trust to cater to the "new wealth," Mr. Schwarz says.\n\nQuarterly net income this year has risen just over comparable periods in 1988, when year-end net was below the 1987 level. In this year\'s third quarter, for example, net was $10.5 million, or $1.05 a share, compared with $10.'

SUBJECT_CASES = [
    # (id, text, mention, expected subset)
    ("gpe-budget", "Kenya approved a budget of 3.6 trillion shillings for the coming year.", "3.6 trillion shillings",
     {"subject": "Kenya", "subject_id": "gpe:kenya", "metric": "budget", "metric_text": "budget", "subject_source": "clause"}),
    ("person-fine", "A court fined Elon Musk $20 million over his tweets.", "$20 million",
     {"metric": "fine"}),
    ("org-deal-untagged-name", "Turkish low-cost airline Pegasus announces an agreement to acquire Czech Airlines for €154 million.", "€154 million",
     {"subject": "Pegasus", "metric": "deal_value", "metric_text": "acquire"}),
    ("commodity-price", "Brent crude oil surpasses US$110 per barrel after the strait was closed.", "US$110",
     {"subject": "Brent crude oil", "metric": "price"}),
    # WSJ, 1989 (wsj_0798, wsj_0670): a share's close is its price
    ("share-close-is-a-price", "On the Toronto Stock Exchange, Hudson's Bay shares closed at C$35, up 12.5 cents.", "C$35",
     {"subject": "Hudson's Bay", "metric": "price"}),
    ("closing-a-deal-is-no-price", "Acme Corp. closed a $5 million deal with Widget Inc.", "$5 million",
     {"subject": "Acme", "metric": "deal_value"}),
    ("pronoun-enclosing-clause", "Uganda announces that it will borrow US$358 million from the African Development Fund.", "US$358 million",
     {"subject": "Uganda", "rule": "pronoun", "metric": "loan"}),
    ("pay-in-penalties", "Australian bank ANZ agrees to pay AU$240 million in penalties for misconduct.", "AU$240 million",
     {"subject": "ANZ", "metric": "fine", "metric_text": "penalties"}),
    ("description-the-retailer", "Northwind plc reported a weak Christmas.\nThe retailer agreed to pay $5 million in damages.", "$5 million",
     {"subject": "Northwind", "rule": "anaphor", "subject_source": "article", "metric": "fine"}),
    ("paragraph-topic", "Northwind plc reported a weak Christmas season on Monday. The purchase price is 2.1 billion kronor.", "2.1 billion kronor",
     {"subject": "Northwind", "rule": "recent_topic", "subject_source": "paragraph", "metric": "deal_value"}),
    ("unclear-metric-kept-as-other", "Northwind said 40 million euros were involved.", "40 million euros",
     {"subject": "Northwind", "metric": "other"}),
    ("possessor-of-a-named-thing", "Israel's Leviathan natural gas field signs an export agreement worth up to US$35 billion.", "US$35 billion",
     {"subject": "Leviathan"}),
    ("commodity-of-a-price", "The American Automobile Association reports that the United States national average gas price has reached $4.02 a gallon.", "$4.02",
     {"subject": "gas", "metric": "price"}),
    ("judgment-against", "A United States appeals court overturns a $16.1 billion judgment against Argentina.", "$16.1 billion",
     {"subject": "Argentina", "rule": "noun_prep"}),
    ("people-as-its-country", "Kenya said on Monday it would pay the victims. The Kenyan government will pay 100,000 Kenyan shillings to each family.",
     "100,000 Kenyan shillings", {"subject": "Kenya", "subject_id": "gpe:kenya"}),
    ("relative-clause-is-an-aside", "National Intergroup, which owns 50% of the nation's sixth largest steelmaker -- National Steel Corp. -- posted net income for the fiscal second-quarter of $8.6 million.",
     "$8.6 million", {"subject": "National Intergroup", "metric": "profit"}),
    ("description-located-by-places", "Du Pont Co. said its earnings fell.\nThe Wilmington, Del., company reported net of $547 million.", "$547 million",
     {"subject": "Du Pont", "rule": "anaphor", "metric": "profit"}),
    # sentences of the tuning sets (TimeBank WSJ, AQUAINT, news-dev dev), issue #14 round 2
    ("reporter-of-a-metric-clause", "Separately, America West Airlines, Phoenix, Ariz., reported third-quarter profit jumped 45% to $5.8 million, or 28 cents a share.",
     "$5.8 million", {"subject": "America West Airlines", "subject_source": "clause"}),
    ("detail-of-another-noun-is-not-the-sentence-entity",
     "Aetna's employee benefits division posted a 34% profit gain to $106 million.\n\nThird-quarter results included net realized capital gains of $48 million, which included $27 million from the sale of Federated Investors in August.",
     "$27 million", {"subject": "Aetna"}),
    ("place-in-a-trading-phrase-is-not-the-subject",
     "Columbia announced the results after the close of the stock market. Its shares closed at $5.125 each in composite New York Stock Exchange trading, down 37.5 cents.",
     "$5.125", {"subject": "Columbia"}),
    ("reporting-clause-and-demonym-country", "The South Korean trade ministry reports that semiconductor exports reached a record ₩21 trillion (US$15 billion) in August.",
     "₩21 trillion", {"subject": "South Korea", "subject_id": "gpe:south-korea", "subject_source": "clause"}),
    ("a-government-named-by-its-own-country",
     "President Bill Clinton has requested $50 million in emergency funding for Tanzania and Kenya.\n\nThe U.S. government already has contributed $3.2 million in assistance to the two countries.",
     "$3.2 million", {"subject": "U.S.", "rule": "clause_subject"}),
    ("a-title-qualifier-is-not-the-subject", "U.S. President Bill Clinton has requested $50 million in emergency assistance funding from Congress.",
     "$50 million", {"subject": "Bill Clinton"}),
    ("an-analyst-and-their-firm-are-the-source",
     "Unisys is expected to do little better than break even in the fourth quarter.\n\nSo Steve Milunovich at First Boston said he is cutting his earnings estimate for next year to $2 a share from $3.",
     "$2", {"subject": "Unisys"}),
    ("a-place-that-locates-an-event-is-not-the-subject",
     "Travelers Corp. estimated that the California earthquake last month will result in a fourth-quarter pre-tax charge of less than $10 million.",
     "$10 million", {"subject": "Travelers"}),
    ("the-government-of-an-untagged-country", "The Government of Pakistan approves a $2 billion loan from China.",
     "$2 billion", {"subject": "Pakistan", "metric": "loan"}),
    ("a-capitalised-description-alone-is-not-a-name", "The Government announced a $5 billion budget.",
     "$5 billion", {"subject": None}),
    ("the-agent-of-a-participle", "The standard $50,000 reward comes on top of a $500,000 reward announced earlier by Attorney General Janet Reno, plus a $100,000 award offered previously by the FBI.",
     "$100,000", {"subject": "FBI", "rule": "agent"}),
    ("a-source-agent-is-not-the-subject", "Finnish elevator manufacturer Kone announces the acquisition of its German competitor, TK Elevator, in a €29.4 billion (US$34.4 billion) deal, described by Bloomberg L.P. as one of Europe's largest.",
     "€29.4 billion", {"subject": "Kone"}),
    ("for-x-is-not-deep-in-a-relative-clause", "FBI Director Louis Freeh said the U.S. government is offering a reward of up to $5 million for information that leads to the arrest of Bin Laden.",
     "$5 million", {"subject": "U.S."}),
    ("a-pronoun-after-the-one-name-of-its-sentence", "First of America Bank Corp. said it completed its acquisition of Midwest Financial Group Inc. for about $250 million.",
     "$250 million", {"subject": "First of America Bank", "rule": "pronoun"}),
    ("a-description-makes-a-sentence-topic",
     "Acme Corp. hired an adviser.\n\nThe company also retained attorney Martin P. Levin as an adviser.\n\nNet sales for this year's third quarter were $14 million, down from $21.4 million last year.",
     "$14 million", {"subject": "Acme", "rule": "recent_topic"}),
    ("an-untagged-name-of-the-subject-noun", "In American Stock Exchange composite trading, Citadel shares closed yesterday at $45.75, down 25 cents.",
     "$45.75", {"subject": "Citadel", "metric": "price"}),
    ("a-main-clause-pronoun-after-an-opening-phrase",
     "Acme Corp. reported results on Monday. In fiscal 1989, it had sales of about $40 million and an operating loss of $1.5 million.",
     "$40 million", {"subject": "Acme", "rule": "pronoun"}),
    ("a-located-description-is-a-topic-by-what-it-stands-for",
     "Ralston Purina Co. reported a 47% decline in fourth-quarter earnings.\n\nThe St. Louis company earned $45.2 million, or 65 cents a share. Sales in the latest period were $1.76 billion, a 13% increase.",
     "$1.76 billion", {"subject": "Ralston Purina", "rule": "recent_topic"}),
    ("a-per-share-restatement-the-parse-did-not-join",  # TimeBank wsj_0768
     "Norton had operating profit of $76.8 million, or $3.66 a share, up 11% from $69.5 million, or $3.31 a share.",
     "$3.66", {"metric": "profit"}),
    ("a-per-share-price-is-not-a-restatement",
     "Norton had operating profit of $76.8 million. The offer price was $43.50 a share.",
     "$43.50", {"metric": "price"}),
    ("we-in-a-quote-is-the-speakers-organisation",
     "\"We will invest $5 billion in India over the next five years,\" said Satya Nadella, the chief executive of Microsoft.",
     "$5 billion", {"subject": "Microsoft", "rule": "pronoun"}),
    ("we-of-a-speaker-with-no-organisation", "\"We need $10 billion,\" said John Smith.", "$10 billion", {"subject": None}),
    ("a-capitalised-metric-word-is-no-name", "Damages totalled $3 billion, the report by the World Bank said.", "$3 billion", {"subject": None}),
    ("it-of-a-located-description", "Hadson Corp. said it will record a loss.\n\nThe Oklahoma City energy and defense concern said it will record a $7.5 million reserve for its defense group.",
     "$7.5 million", {"subject": "Hadson", "rule": "pronoun"}),
    ("the-quantified-noun-names-the-metric", "The FBI said a $5 million reward has been offered for his capture.",
     "$5 million", {"metric": "other", "metric_text": "reward"}),
    ("a-time-noun-is-not-what-is-measured", "National Intergroup posted net income for the fiscal second-quarter of $8.6 million.",
     "$8.6 million", {"metric": "profit"}),
    ("an-apposition-names-the-subject", "The app's international counterpart, Cici, also boasts an impressive MAU of 12.67 million, placing it 22nd globally.",
     "12.67 million", {"subject": "Cici"}),
    ("no-entity-null-subject", "The price of a ticket is now $12.", "$12",
     {"subject": None, "subject_id": None, "subject_source": None}),
    # round 3 (tuned on the held-out documents retired to tuning; sentences from Current events pages)
    ("a-date-is-never-a-possessor",
     "The price of gold reaches an all-time high of US$4,644.56 per ounce, surpassing December's previous peak of $4,383.76.",
     "$4,383.76", {"subject": "gold"}),
    ("a-description-named-by-its-apposition",
     "American video game company Electronic Arts (EA) agrees to be acquired by a group of private investors, including "
     "Silver Lake, the Public Investment Fund of Saudi Arabia and Affinity Partners, in a deal valued at $55 billion.",
     "$55 billion", {"subject": "Electronic Arts", "rule": "clause_subject"}),
    ("the-fined-pays", "The European Commission fined Google €2.42 billion for abusing its dominance.", "€2.42 billion",
     {"subject": "Google", "metric": "fine"}),
    ("the-fined-pays-untagged-name",
     "The United Kingdom's Information Commissioner's Office (ICO) fines American social media network Reddit £14.5m for "
     "\"using the data of children under the age of 13 unlawfully\".", "£14.5m", {"subject": "Reddit", "metric": "fine"}),
    # headline-style present tense the model misreads as a noun (pipeline/present_tense.py re-parses it)
    ("a-misread-present-tense-fine-still-pays",
     "The Italian Competition Authority fines Irish low-cost carrier Ryanair €255 million (US$300 million) for allegedly "
     "abusing its dominant market position from April 2023 to April 2025 by restricting how travel agencies sell its flights.",
     "€255 million", {"subject": "Ryanair", "metric": "fine"}),
    ("a-misread-present-tense-price",
     "The price of oil surpasses US$100 per barrel for the first time in four years.", "US$100",
     {"subject": "oil", "metric": "price"}),
    ("a-traded-thing-an-amount-comes-from-is-no-owner",  # TimeBank wsj_0918, shortened
     "Du Pont said third-quarter profit rose.\n\nTwo segments posted lower earnings for the quarter. Profit from coal fell "
     "to $41 million from $58 million, partly because of a miners' strike.", "$41 million", {"subject": "Du Pont"}),
    ("a-traded-things-own-price-is-its", "The price of coal fell to $41 a ton.", "$41", {"subject": "coal"}),
    ("an-opening-at-phrase-makes-the-topic",  # TimeBank wsj_0950, shortened
     "At GMAC, net dropped 3.1% to $234.5 million from $241.9 million.\n\nAt EDS, third-quarter profit jumped 16% to a record "
     "$110.9 million. Revenue rose 12% to $1.37 billion from $1.22 billion.", "$1.37 billion",
     {"subject": "EDS", "rule": "recent_topic", "subject_source": "paragraph"}),
    ("an-opening-place-is-no-topic",
     "Acme Corp. reported results.\n\nIn Germany, sales jumped 16%. Revenue rose 12% to $1.37 billion.", "$1.37 billion",
     {"subject": "Acme"}),
    ("coordinated-names-own-it-together",
     "Saudi Arabia and Syria sign agreements covering a joint low-cost carrier, a new international airport in Aleppo, and "
     "a US$1 billion telecommunications project as part of broader investment efforts.", "US$1 billion",
     {"subject": "Saudi Arabia and Syria", "rule": "coordination"}),
    ("coordinated-fined-names-pay-together",
     "The European Union fines luxury brands Gucci, Chloé, and Loewe over €157 million (US$182.5 million) for violating EU "
     "competition laws through price fixing.", "€157 million", {"subject": "Gucci, Chloé, and Loewe", "metric": "fine"}),
    ("a-coordination-with-a-common-noun-has-no-one-subject",
     "Kimi, Doubao, and several other domestic models collectively raised $500 million.", "$500 million",
     {"subject": None, "rule": "ambiguous"}),
    ("the-company-is-what-its-sentence-is-about",
     "The Evergrande Group announces it will be delisted from the Hong Kong Stock Exchange on August 22 after trading remained "
     "suspended for over 18 months, with the company owing more than US$300 billion.", "US$300 billion",
     {"subject": "Evergrande", "rule": "anaphor"}),
    ("the-concern-is-the-previous-sentences-subject",
     "Coda Energy Inc. said it arranged a $50 million credit facility with NCNB Texas National Bank, a unit of NCNB Corp., of "
     "Charlotte, N.C. The Dallas oil and gas concern said that $10 million of the facility would be used to consolidate the "
     "company's $8.1 million of existing bank debt.", "$8.1 million", {"subject": "Coda Energy", "rule": "anaphor"}),
    ("a-profiles-person-lends-no-figures", WSJ_0927, "$10.5 million", {"subject": None}),  # the lede is about the new chief executive
    ("a-place-inside-the-object-is-not-the-with-phrase",
     "However, subsequently, West officially filed with the FEC and secured a place on the ballot in Oklahoma with a US$35,000 payment.",
     "US$35,000", {"subject": "West"}),
    ("respectively-pairs-names-and-amounts",
     "Oil prices, including Brent Crude and West Texas Intermediate, rise to over US$95 and $86 per barrel, respectively.",
     "$86", {"subject": "West Texas Intermediate", "rule": "respectively"}),
    ("respectively-first", "Apple and Microsoft reported profits of $20 billion and $18 billion, respectively.",
     "$20 billion", {"subject": "Apple", "rule": "respectively"}),
    ("valued-deal-is-a-deal-value", "Electronic Arts agrees to be acquired by a group of private investors in a deal valued at $55 billion.",
     "$55 billion", {"metric": "deal_value", "metric_text": "deal"}),
    ("worth-of-agreements-is-a-deal-value",
     "The United States Chamber of Commerce announces that Iraq has signed roughly $60 billion worth of agreements and partnerships.",
     "$60 billion", {"metric": "deal_value", "metric_text": "agreements"}),
    ("agreement-worth-is-a-deal-value",
     "Israel's Leviathan natural gas field signs the largest export agreement in the country's history, worth up to US$35 billion, to supply gas to Egypt.",
     "US$35 billion", {"metric": "deal_value"}),
    ("a-company-valued-keeps-valuation", "Stripe was valued at $91.5 billion in its latest funding round.", "$91.5 billion",
     {"metric": "valuation"}),
    ("a-trade-ministry-is-no-price", "China's trade surplus passes US$1 trillion for the first time despite significant tariffs.",
     "US$1 trillion", {"metric": "other"}),
    ("owing-is-debt", "The Evergrande Group announces it will be delisted, with the company owing more than US$300 billion.",
     "US$300 billion", {"metric": "debt"}),
    ("tax-revenues-are-tax", "The budget is supported by projected tax revenues of a record ¥83.7 trillion ($535 billion).",
     "¥83.7 trillion", {"metric": "tax"}),
    ("earned-is-profit", "For the nine months, Du Pont earned $2 billion, or $8.46 a share, up 18% from $1.69 billion.",
     "$2 billion", {"metric": "profit", "metric_text": "earned"}),
    ("earned-from-sales-is-revenue", "Projections for 2024 suggest that OpenAI will earn around $500 million from API sales.",
     "$500 million", {"metric": "revenue", "metric_text": "sales"}),
    ("tax-credit-is-tax", "The company had a tax credit of $1.4 million.", "$1.4 million", {"metric": "tax"}),
    ("a-charge-is-no-price", "The year-ago results included a $415 million charge in the 1988 second quarter.", "$415 million",
     {"metric": "other", "metric_text": "charge"}),
    ("the-earlier-value-measures-what-the-later-does",
     "Third-quarter sales dropped 11% to $1.27 billion from $1.43 billion a year ago. In composite trading on the New York "
     "Stock Exchange, shares rose.", "$1.43 billion", {"metric": "revenue"}),
    # a possessive pronoun before the amount's noun is resolved like a pronoun subject: the buyer's deal,
    # not the "of" object's (the target)
    ("its-acquisition-of-target", "Nippon Steel completes its US$14.9 billion acquisition of U.S. Steel after President "
     "Trump approves the deal.", "US$14.9 billion", {"subject": "Nippon Steel", "rule": "pronoun", "metric": "deal_value"}),
    ("their-with-no-subject-before-keeps-of", "Their US$2 billion purchase of Slack closed.", "US$2 billion",
     {"subject": "Slack"}),
    # object control: the object of "orders" / "forced" pays, not the subject of the verb above
    ("object-control-orders-to-pay", "A court in Paris orders Google to pay €250 million in damages to French publishers.",
     "€250 million", {"subject": "Google", "rule": "object_control", "metric": "fine"}),
    ("object-control-description", "Apple reported strong results. A federal judge later ordered the company to pay "
     "$300 million to a patent holder.", "$300 million", {"subject": "Apple"}),
    ("no-object-no-control", "Microsoft agreed to pay $20 million to settle the case.", "$20 million",
     {"subject": "Microsoft", "rule": "clause_subject"}),
    ("own-subject-no-control", "Regulators told Boeing that Airbus would pay $1 billion.", "$1 billion",
     {"subject": "Airbus"}),
    # an amount no word names a metric of is a price when it is a rate or the level of a traded thing
    ("rate-is-a-price", "Gold rises above US$4,000 per ounce for the first time.", "US$4,000",
     {"subject": "Gold", "metric": "price"}),
    ("traded-level-is-a-price", "Bitcoin falls below US$90,000, erasing its gains for the year.", "US$90,000",
     {"subject": "Bitcoin", "metric": "price"}),
    ("company-level-is-no-price", "Globex reported $5 million for the period.", "$5 million", {"metric": "other"}),
    # the possessor of the subject's head is its owner, also when the possessor's name has several words
    ("possessor-of-named-head", "Elon Musk's xAI raises US$6 billion in a funding round.", "US$6 billion",
     {"subject": "xAI", "metric": "funding"}),
    # an apposition of the amount restates the number; it does not name the owner
    ("amount-apposition-is-no-owner", "Nvidia loses nearly US$593 billion in market value, the largest one-day drop for "
     "any company in the history of the U.S. stock market.", "US$593 billion", {"subject": "NVIDIA"}),
    # a word with a subject of its own heads a clause whatever its tag; a traded word heading a subject is
    # a noun whatever its tag ("while gold/JJ climbs/NNS")
    ("clause-of-a-mistagged-verb", "Brent crude rises above US$77 a barrel, while gold climbs to a record US$2,830 an "
     "ounce as investors seek safe havens.", "US$2,830", {"subject": "gold", "metric": "price"}),
    ("headline-verb-before-to", "The price of copper climbs to a record US$13,400 per tonne on the London Metal Exchange.",
     "US$13,400", {"subject": "copper", "metric": "price"}),
    # a place a preposition only locates the phrase in is not what it is about
    ("located-place-is-no-subject", "Gold futures in New York hit a record US$3,534 per ounce after the announcement.",
     "US$3,534", {"subject": "Gold futures"}),
    ("located-place-not-before-to", "Spotify raises the price of its Premium plan in the United States to US$12.99 a month.",
     "US$12.99", {"subject": "Spotify"}),
    ("unlocated-place-stays", "France will spend €2 billion on new prisons.", "€2 billion", {"subject": "France"}),
    # a total said of several belongs to them together when they are one coordination
    ("combined-joint", "Mastercard and Visa are ordered by a London tribunal to pay a combined £1.1 billion in damages "
     "to British retailers.", "£1.1 billion", {"subject": "Mastercard and Visa", "rule": "coordination"}),
    # the object of a verb of valuing is what is valued ("which values it at": the pronoun's antecedent)
    ("valued-object-pronoun", "Klarna, the Swedish buy-now-pay-later company, raises US$1.37 billion in its initial public "
     "offering on the New York Stock Exchange, which values it at about US$15 billion.", "US$15 billion",
     {"subject": "Klarna", "metric": "valuation"}),
    ("valued-object-description", "Stripe reported a loss in 2024. A funding round that values the company at US$13 billion closed "
     "on Tuesday.", "US$13 billion", {"subject": "Stripe", "rule": "anaphor"}),
    ("valued-object-name", "A funding round that values Anthropic at US$183 billion closed on Tuesday.", "US$183 billion",
     {"subject": "Anthropic", "metric": "valuation"}),
    # a description stands for the subject of an earlier sentence of its paragraph, not for a name that
    # only passed through as an object; nor for a coordination
    ("description-is-the-earlier-subject", "Qantas was fined A$90 million. Judge Michael Lee said part of the penalty "
     "should be paid to the Transport Workers Union, which brought the case. The airline had already agreed last year "
     "to pay A$120 million in compensation to the sacked workers.", "A$120 million", {"subject": "Qantas", "rule": "anaphor"}),
    ("description-is-a-clause-subject-before", "Pinterest agrees to be acquired by Amazon for US$28 billion; the "
     "image-sharing platform, which has about 600 million monthly active users, would become part of Amazon.",
     "600 million", {"subject": "Pinterest"}),
    ("description-never-a-coordination", "Saudi Arabia and Qatar announce they will pay Syria's outstanding debt of $15 "
     "million to the World Bank that the country accumulated throughout its civil war from 2011, allowing Syria to work "
     "towards post-war recovery and reconstruction, which is estimated to cost at least $400 billion.", "$400 billion",
     {"subject": "Syria"}),
    ("app-description", "Telegram founder Pavel Durov says the messaging app has passed 1.2 billion monthly active users.",
     "1.2 billion", {"subject": "Telegram", "metric": "MAU"}),
    # the object of a verb of costing bears the cost
    ("cost-object-bears-it", "Toyota's operating profit will fall 17% to ¥3.4 trillion, the carmaker forecasts. U.S. "
     "tariffs cost the company an estimated ¥1.4 trillion last year.", "¥1.4 trillion", {"subject": "Toyota"}),
    # a named apposition names a subject noun its possessor only owns
    ("apposition-over-possessor", "Norway's sovereign wealth fund, the Government Pension Fund Global, reported on Tuesday "
     "a return of 2.5 trillion kroner for 2025.", "2.5 trillion kroner", {"subject": "Government Pension Fund Global"}),
    # a mixed-case word is a name whatever its tag ("IndiGo"/NNS), and an apposition naming the subject noun
    ("mixed-case-apposition-names-the-subject", "India's largest airline IndiGo on Wednesday placed a firm order for 60 "
     "Airbus A350 wide-body aircraft, a deal valued at about US$25 billion at list prices.", "US$25 billion",
     {"subject": "IndiGo", "metric": "deal_value"}),
    # the subject of an earlier sentence, also across a paragraph break (a judge's words in between)
    ("description-across-paragraph", "Ryanair said its profit doubled.\n\nJustice Michael Lee said part of the penalty "
     "should be paid to the Transport Workers Union. The airline had already agreed to pay A$120 million to workers.",
     "A$120 million", {"subject": "Ryanair"}),
    # a business description never stands for a public body
    ("business-description-not-a-public-body", "The European Commission fines Meta Platforms €798 million for tying its "
     "Facebook Marketplace service to the social network, which has more than 3 billion monthly active users.",
     "3 billion", {"subject": "Facebook Marketplace"}),
    ("public-body-description-stays", "The European Commission said it would spend €2 billion. The commission also "
     "approved €500 million in aid.", "€500 million", {"subject": "European Commission"}),
    # the earlier sentence's subject named by its apposition ("India's largest airline IndiGo")
    ("description-is-the-named-apposition", "India's largest airline IndiGo on Wednesday placed a firm order for 60 "
     "Airbus A350 aircraft.\n\nThe carrier reported a net profit of ₹7,258 crore for the fiscal year.", "₹7,258 crore",
     {"subject": "IndiGo"}),
    # "whose": the relative clause's antecedent owns the noun "whose" modifies
    ("whose-antecedent", "BYD sold 2.1 million vehicles in the period, more than Tesla, whose revenue fell to $44 billion "
     "over the same six months.", "$44 billion", {"subject": "Tesla", "rule": "relative_clause", "metric": "revenue"}),
    ("whose-person", "Petrobras chief executive Magda Chambriard, whose annual pay was capped at R$1.6 million by the "
     "government in 2025, said the company would keep drilling.", "R$1.6 million", {"subject": "Magda Chambriard"}),
    # a description appositive to a name: the name ("fined Coupang, the country's largest online retailer, ₩150 billion")
    ("appositive-description-of-a-name", "South Korea's regulator on Wednesday fined Coupang, the country's largest online "
     "retailer, ₩150 billion.", "₩150 billion", {"subject": "Coupang"}),
    # a possessive before a superlative makes a definite description, resolved to the entity named before
    # (not to the possessor), and the subject's head word names its metric
    ("superlative-description", "HSBC reported a charge of $1.1 billion.\n\nRevenue at Europe's largest bank by assets "
     "rose 5% to $17.8 billion in the quarter.", "$17.8 billion", {"subject": "HSBC", "metric": "revenue"}),
    # ... unless it is named right there
    ("description-named-by-apposition", "The People's Bank of China said its gold holdings were valued at US$310 billion. "
     "Poland's central bank, Narodowy Bank Polski, said it planned to raise the share of gold in its reserves, which total "
     "about zł 900 billion.", "zł 900 billion", {"subject": "Narodowy Bank Polski"}),
    # a name of one kind ("... Stock Exchange") is never what a description of another kind stands for
    ("description-of-another-kind", "Figma's shares more than double in their New York Stock Exchange debut, valuing the "
     "design software maker at about $56 billion.", "$56 billion", {"subject": "Figma"}),
    ("description-of-the-same-kind", "Qantas Airways said profit rose. The airline will pay A$120 million to workers.",
     "A$120 million", {"subject": "Qantas Airways"}),
    # a place that only locates a definite description ("the Shenzhen-based company") is not its subject
    ("place-based-description", "BYD said its net profit fell 18%.\n\nRevenue at the Shenzhen-based company rose 9% to "
     "¥405 billion.", "¥405 billion", {"subject": "BYD", "metric": "revenue"}),
    # a name modifying a traded word is the traded thing, whatever the NER says ("Brent"/ORG of "Brent crude"),
    # never what "the company" stands for
    ("ner-name-of-a-traded-thing-price", "Toyota reported a profit for the quarter as the price of Brent crude averaged "
     "US$63 a barrel.", "US$63", {"subject": "Brent crude", "metric": "price"}),
    ("ner-name-of-a-traded-thing", "Toyota reported a profit for the quarter as the price of Brent crude averaged US$63 "
     "a barrel.\n\nThe company cut its five-year investment plan to US$98 billion.", "US$98 billion", {"subject": "Toyota"}),
    # a name the article gives shares is a company's, whatever the NER said ("Netflix"/GPE), in every mention
    ("name-with-shares-is-a-company", "Netflix shares fall 10% after the streaming company reports a third-quarter "
     "profit of $2.5 billion.", "$2.5 billion", {"subject": "Netflix", "subject_id": "org:netflix"}),
    ("name-with-executives-is-a-company", "Petrobras chief executive Magda Chambriard said output rose.\n\nThe company "
     "cut its five-year investment plan to US$98 billion.", "US$98 billion", {"subject": "Petrobras"}),
    # a kind, not a party: an indefinite noun after "of", or one a name only classifies, has no subject and
    # no fallback lends it one; a bare indefinite subject is left to the fallbacks (often the article's product)
    ("generic-of-an-indefinite", "The National Association of Realtors said sales fell. The median price of an existing "
     "home sold in the United States rose to a record $435,300 in July.", "$435,300", {"subject": None, "rule": "ambiguous"}),
    # a name in the kind's own phrase is most often its maker: no kind ("a FTSE 100 chief executive" is the
    # price of this reading: it keeps FTSE)
    ("name-in-the-kind-is-its-maker", "The price of a Netflix subscription rose to $17.99 a month.", "$17.99",
     {"subject": "Netflix"}),
    # a body that acts for the state that possesses it is that state
    ("state-body-is-its-state", "Kenya's Treasury on Wednesday presented a budget of 4.2 trillion shillings for the "
     "2025/26 fiscal year.", "4.2 trillion shillings", {"subject": "Kenya", "metric": "budget"}),
    ("central-bank-is-no-state-body", "Poland's central bank, Narodowy Bank Polski, said its reserves total about zł 900 "
     "billion.", "zł 900 billion", {"subject": "Narodowy Bank Polski"}),
    # the antecedent of "which" is a name the NER missed ("SpaceX"/NNP): still the relative clause's subject
    ("which-antecedent-untagged-name", "Starlink accounts for most of the value of SpaceX, which was valued at $1.5 "
     "trillion in its June debut.", "$1.5 trillion", {"subject": "SpaceX", "rule": "relative_clause"}),
    # a currency word the parser read as a verb ("won"/VBD) does not hand the amount to another clause
    ("currency-read-as-a-verb", "Samsung's operating profit rose to 20.1 trillion won in the fourth quarter, while its "
     "smaller rival earned 19.2 trillion won.", "19.2 trillion won", {"subject": None}),
    ("currency-read-as-a-verb-own-clause", "Samsung's operating profit rose to 20.1 trillion won in the fourth quarter.",
     "20.1 trillion won", {"subject": "Samsung"}),
    # a place in apposition to a place locates it; "the city of X" is X
    ("place-located-by-a-place", "On Monday, the city of Chicago, Illinois, published a forecast showing a deficit of "
     "US$1.15 billion in its budget for 2026.", "US$1.15 billion", {"subject": "Chicago", "metric": "deficit"}),
    ("city-comma-state", "Austin, Texas, approved a budget of $5.9 billion.", "$5.9 billion", {"subject": "Austin"}),
    ("state-of-x-names-it", "The state of Texas will spend $2 billion on roads.", "$2 billion", {"subject": "Texas"}),
    ("list-of-places-is-no-locator", "Qatar, Kuwait and Oman pledged a combined $3 billion.", "$3 billion",
     {"subject": "Qatar, Kuwait and Oman"}),
    # a company's kind of number is never lent a person from beyond its clause
    ("no-person-for-a-share-price", "Spotify reported a profit of €1.1 billion.\n\n\"This was the year we proved it,\" "
     "chief executive Daniel Ek wrote in a letter to shareholders. Shares rose 9% to US$583 in New York trading.",
     "US$583", {"subject": "Spotify"}),
    ("a-person-may-be-lent-a-salary", "Magda Chambriard took over as chief executive in May. Her salary was set at R$1.6 "
     "million.", "R$1.6 million", {"subject": "Magda Chambriard", "metric": "salary"}),
    # "we" is an organisation, never the person quoted
    ("we-is-not-the-speaker", "Kenya's Treasury Cabinet Secretary John Mbadi presented the budget on Thursday.\n"
     "\"We expect to collect 2.6 trillion shillings in taxes next year,\" Mbadi told reporters.", "2.6 trillion shillings",
     {"subject": None}),
    ("we-is-the-speakers-organisation", "\"We will invest $5 billion,\" said Satya Nadella, the chief executive of "
     "Microsoft.", "$5 billion", {"subject": "Microsoft"}),
    # a name its clause calls "its" is an organisation's whatever the NER said; "whose" after a description
    ("its-makes-a-company", "Novo Nordisk says it will cut the monthly price of its weight-loss drug Wegovy to US$349.\n\n"
     "The company, whose market value has fallen to about kr 1.4 trillion, said sales would slow.", "kr 1.4 trillion",
     {"subject": "Novo Nordisk", "metric": "market_cap"}),
    # a description's antecedent: a name that acts or owns before one a preposition only brings in
    ("description-skips-a-prepositional-name", "Finance minister Nirmala Sitharaman presented India's budget on Sunday.\n\n"
     "Defence spending rises 14% after the country's brief conflict with Pakistan in May. The government also set aside "
     "₹12.2 lakh crore for capital expenditure.", "₹12.2 lakh crore", {"subject": "India"}),
    # a closed compound of a description word is that description; an object description is not the
    # description that is its clause's subject
    ("compound-description-object", "Nippon Steel completes its acquisition of United States Steel. The Tokyo-based "
     "company paid $55 per share in cash, valuing the Pittsburgh steelmaker at about $14.9 billion.", "$14.9 billion",
     {"subject": "United States Steel", "metric": "valuation"}),
    ("description-after-a-name-repeats-it", "Klarna, the Swedish buy-now-pay-later lender, raises $1.37 billion in its "
     "initial public offering in New York, valuing the company at $15.1 billion.", "$15.1 billion", {"subject": "Klarna"}),
    ("shares-of-a-name-make-it-a-company", "Shares of Novo Nordisk fall 20% after the Danish drugmaker cuts its sales "
     "forecast for 2026 to 280 billion kroner.", "280 billion kroner", {"subject": "Novo Nordisk"}),
    # a league's name does not stand for "the club"
    ("league-is-no-club", "Estevao joined Chelsea for a fee of €61.5 million, the London club announced on Monday.\n\n"
     "The Premier League club will pay €34 million up front.", "€34 million", {"subject": "Chelsea"}),
    # a statistic of a kind that names only places has no subject
    ("average-of-a-kind-in-a-place", "Meanwhile the average UK house price rose to £299,000, according to the lender "
     "Nationwide.", "£299,000", {"subject": None}),
    ("average-of-a-named-thing", "The average price of Brent crude rose to $80 a barrel.", "$80", {"subject": "Brent crude"}),
    # a list of one-sentence items (a portal's day) lends nothing across its lines: not Amazon; the line's own one actor
    # (``sentence_actor``, round 19: null-subjects-tuning.jsonl judges it Hurricane Melissa's; the NER tags "Melissa")
    ("items-lend-nothing-across-lines", "Amazon announces it will cut about 14,000 corporate jobs.\nHurricane Melissa "
     "makes landfall in Jamaica; early estimates put insured losses at $3–5 billion.\nGold trades at $4,000 an ounce.",
     "$3–5 billion", {"subject": "Melissa", "subject_source": "sentence"}),
    # a person's money said with a company's word: what a person earns is pay, what one is worth is wealth
    ("a-person-earns-pay", "HSBC's chief executive Georges Elhedery, who earned $8.6 million last year, said the bank "
     "would keep cutting costs.", "$8.6 million", {"subject": "Georges Elhedery", "metric": "salary"}),
    ("a-company-earns-profit", "Toyota earned $8.6 billion in the quarter.", "$8.6 billion", {"subject": "Toyota", "metric": "profit"}),
    ("a-person-is-worth-wealth", "Oracle co-founder Larry Ellison is worth $250 billion.", "$250 billion",
     {"subject": "Larry Ellison", "metric": "other"}),
    ("a-person-compensation-is-pay", "Pascal Soriot, the chief executive of AstraZeneca, received total compensation of "
     "£14.7 million for 2024.", "£14.7 million", {"subject": "Pascal Soriot", "metric": "salary"}),
    ("a-company-the-ner-calls-a-person-keeps-its-profit", "Separately, Citadel posted a third-quarter net loss of $2.3 "
     "million.", "$2.3 million", {"subject": "Citadel", "metric": "profit"}),
    # a place located by another place before a common noun only locates it ("The Van Nuys, Calif., thrift")
    ("place-and-its-locator-modify-a-noun", "The Van Nuys, Calif., thrift had net income of $132,000 a year ago.",
     "$132,000", {"subject": None}),
    ("bonds-are-debt", "Argentina repays US$4.3 billion of bonds.", "US$4.3 billion", {"subject": "Argentina", "metric": "debt"}),
    # a coordination inside one name ("Marks & Spencer") is that name, not a joint subject
    ("ampersand-name-is-one-name", "Marks & Spencer reported a profit of £875 million.", "£875 million",
     {"subject": "Marks & Spencer", "rule": "clause_subject"}),
    ("ampersand-title", "Disney's live-action remake of Lilo & Stitch took in an estimated $183 million over the "
     "weekend.", "$183 million", {"subject": "Lilo & Stitch"}),
    # "its" before a metric noun subject stands for the owner: in a second "that" complement, the speaker's
    # subject, not the first complement's; a relational noun ("its smaller rival") is not its possessor's
    ("its-metric-in-a-parallel-complement", "OpenAI says ChatGPT now has more than 500 million weekly active users and "
     "that its annualised revenue has reached $10 billion.", "$10 billion", {"subject": "OpenAI", "metric": "revenue"}),
    ("its-rival-is-not-it", "Samsung's operating profit rose to 20.1 trillion won, while its smaller rival earned 19.2 "
     "trillion won.", "19.2 trillion won", {"subject": None}),
    # a total said of a plural noun one name classifies is that name's (its members together)
    ("group-named-by-its-classifier", "Premier League clubs together spent about £370 million in the window.",
     "£370 million", {"subject": "Premier League"}),
    ("unnamed-group-total-is-nobodys", "Banks together lent $5 billion.", "$5 billion", {"subject": None}),
    # WSJ, 1989 (wsj_0810): "by X" under a metric noun is its agent; not for a fine (who imposes it does not pay it)
    ("agent-of-a-bid", "Marc Fournier said his board unanimously rejected as too low the $1.77 billion bid by Cie. Financiere "
     "de Paribas to bring its stake in Navigation Mixte to 66.7%.", "$1.77 billion", {"subject": "Cie. Financiere de Paribas", "rule": "noun_prep"}),
    ("agent-of-an-investment", "The company welcomed a $2 billion investment by SoftBank.", "$2 billion", {"subject": "SoftBank"}),
    ("who-imposes-a-fine-does-not-pay-it", "The regulator announced a $5 million penalty by the SEC on Monday.", "$5 million",
     {"subject": None}),
    # WSJ, 1989 (wsj_0981): a clause deeper in the subject phrase is an aside about its own noun
    ("maker-of-the-object-pays-nothing", "The refurbishment of the three DC-8-62 aircraft, made by McDonnell Douglas Corp., will "
     "cost around $24.5 million.", "$24.5 million", {"subject": None}),
    ("name-of-the-subject-phrase-still-owns", "The unit of Acme Corp. will spend around $24.5 million.", "$24.5 million",
     {"subject": "Acme"}),
    # WSJ, 1989 (wsj_0610, wsj_0768): an amount that sizes a market it modifies is that market's
    ("market-size", "Kellogg has been losing share in the $6 billion ready-to-eat cereal market.", "$6 billion",
     {"subject": "ready-to-eat cereal market", "subject_id": "thing:ready-to-eat-cereal-market", "rule": "market_size"}),
    ("industry-size", "So the impact on the $950 billion mutual fund industry as a whole probably will be slight.", "$950 billion",
     {"subject": "mutual fund industry", "rule": "market_size"}),
    ("market-leader-is-no-market-size", "Acme paid $5 billion for the market leader.", "$5 billion", {"subject": "Acme"}),
    # the past tense of a verb of valuing with an object values that object, as its present does
    ("valued-object-past-tense", "Elon Musk became richer after a sale of Acme Corp. shares valued the company at about $800 billion.",
     "$800 billion", {"subject": "Acme", "metric": "valuation"}),
    ("valued-passive-keeps-its-subject", "Acme was valued at $5 billion.", "$5 billion", {"subject": "Acme", "rule": "clause_subject"}),
    # WSJ, 1989 (wsj_0520): an exchange is where the shares trade, never what "the company" stands for
    ("exchange-is-no-company", "Nashua Corp. said it will buy back shares.\n\nIts stock has slumped recently, closing unchanged "
     "Friday at $29 a share in composite trading on the New York Stock Exchange; at that price, the company has a market "
     "value of about $278.4 million.", "$278.4 million", {"subject": "Nashua", "metric": "market_cap"}),
    ("exchange-by-its-own-description", "The New York Stock Exchange said its revenue rose. The exchange also said it paid $3 million.",
     "$3 million", {"subject": "New York Stock Exchange"}),
    # TimeBank wsj_0791: the place of "-based" only locates the company (the NER read "Norwood" as ORG, "Phoenix" as GPE)
    ("based-place-is-no-subject", "Norwood Partners Limited Partnership of Boston said it may make a tender offer for Phoenix "
     "Technologies Ltd.\n\nNorwood, Mass.-based Phoenix, a once-high-flying maker of software for personal computers, has had "
     "substantial losses in the past two quarters. Its stock, which was as high as $18.75 a share, has been trading under $4 "
     "a share recently.", "$18.75", {"subject": "Phoenix Technologies"}),
    ("based-company-is-the-subject", "Dallas-based Southwest Airlines earned $5 million.", "$5 million", {"subject": "Southwest Airlines"}),
    # TimeBank wsj_0173: a currency under "each" is a rate's unit, not whose amount it is; "the dollar" trades
    ("each-dollar-is-a-unit", "Under the plan, unsecured creditors, who are owed about $430 million, would receive about $92 "
     "million, or 21 cents for each dollar they are owed.", "21 cents", {"subject": None}),
    ("the-dollar-is-traded", "The dollar rose to 140 yen.", "140 yen", {"subject": "dollar"}),
    # names written "A and B" own an amount together even when the parse hangs "A" from "B" (written-facts-3, item of
    # the EU's first Digital Markets Act fines); the mirrors: one amount each, and a name joined to a no-name
    ("written-coordination-owns-together", "The European Commission on Tuesday fined Apple and Meta Platforms a combined "
     "€700 million, the first penalties under the Digital Markets Act.", "€700 million",
     {"subject": "Apple and Meta Platforms", "rule": "coordination"}),
    ("one-amount-each-is-no-coordination", "The regulator fined Apple €500 million and Meta €200 million.", "€200 million",
     {"subject": "Meta"}),
    ("a-name-and-its-buyer-are-no-list", "Google agreed to pay Epic Games and its founder $700 million.", "$700 million",
     {"subject": "Google"}),
    # a total said "collectively" in a relative clause of "a group of ..." in apposition to one name is that group's
    # (the form of tests/gold's "Six Small Tigers"); the mirrors: no name, or a name coordinated with others
    ("group-in-apposition-owns-its-total", 'The "Magnificent Seven," a group of American technology companies that have '
     "collectively added $5 trillion in market value, fell on Monday.", "$5 trillion", {"subject": "Magnificent Seven"}),
    ("unnamed-group-owns-nothing", "Several carmakers, which together spent $5 billion on batteries, asked the government "
     "for aid.", "$5 billion", {"subject": None}),
    ("name-among-a-group-owns-nothing-alone", "Toyota and several other carmakers, which together spent $5 billion on "
     "batteries, asked the government for aid.", "$5 billion", {"subject": None}),
    # a possessive the parse hung inside a long modifier run still owns the metric noun it is written before (WSJ,
    # 1989: wsj_0810); the mirror: a verb between the possessive and the noun ends the run (the main clause's subject
    # owns it then, by the clause rule)
    ("written-possessive-across-a-misparse", "Mr. Fournier said Navigation Mixte's 1989 unconsolidated, or "
     "parent-company, profit is likely to be 4.7 billion francs, up from 633.8 million francs last year.",
     "4.7 billion francs", {"subject": "Navigation Mixte", "rule": "possessive"}),
    ("a-verb-ends-the-possessive-run", "Navigation Mixte's shares rose 5%, while profit is likely to be 4.7 billion francs.",
     "4.7 billion francs", {"rule": "clause_subject"}),
    # a capital letter standing alone as a clause subject is a name (the platform X; written-facts-2, a portal day);
    # the mirrors: a letter that designates ("Class C warrants") and the word "I" are no names
    ("lone-capital-is-a-name", "Meta says its Threads app has passed 150 million daily active users, while X reports "
     "about 250 million.", "250 million", {"subject": "X", "rule": "clause_subject"}),
    ("a-designating-letter-is-no-name", "About 1.1 million Class C warrants were issued. Each of the Class C warrants "
     "will enable the holders to purchase one share at $5.50.", "$5.50", {"subject": None}),
    ("the-word-i-is-no-name", "I paid $5 million for the house.", "$5 million", {"subject": None}),
    # givers that name nobody leave an amount given to one name to that name (written-facts-3, a Wikinews-style story of
    # the Pakistan flood donors); the mirrors: a named giver keeps it, and two recipients share no single owner
    ("unnamed-givers-leave-it-to-the-recipient", "International donors pledged $4.2 billion to Pakistan at a conference "
     "in Geneva on Monday.", "$4.2 billion", {"subject": "Pakistan", "rule": "recipient"}),
    ("a-named-giver-keeps-it", "The World Bank pledged $1 billion to Syria on Monday.", "$1 billion", {"subject": "World Bank"}),
    ("two-recipients-own-nothing-alone", "International donors pledged $4.2 billion to Pakistan and Bangladesh.",
     "$4.2 billion", {"subject": None}),
    # an amount a verb sets for "the value / price / cost of X" is X's, not the estimating agent's (news-dev dev split,
    # the gold toilet stolen from Blenheim Palace: the speaker was the subject at 0.85); X a common noun naming
    # nobody leaves it to no one; X written "its ..." is whom "its" stands for; a place X is located in is not X
    ("the-valued-thing-owns-its-value-not-the-agent", "Dominic Hare, chief executive of the palace, placed the value of "
     "the artwork in the range of five to six million US dollars.", "five to six million US dollars",
     {"subject": None, "rule": "ambiguous"}),
    ("the-priced-thing-is-its-owners-through-its", "Spotify raises the price of its Premium plan in the United States "
     "to US$12.", "US$12", {"subject": "Spotify"}),
    ("a-named-valued-thing-owns-the-value", "Analysts placed the value of the Pikachu Illustrator Card at US$5 million.",
     "US$5 million", {"subject": "Pikachu Illustrator Card"}),
    # an amount taken "off the value of X" is X's loss (written-facts-3, a portal day: DeepSeek was the subject at 0.85)
    ("taken-off-the-value-of-a-name", "Chinese artificial intelligence start-up DeepSeek's release of its R1 reasoning "
     "model wipes about US$590 billion off the market value of Nvidia, the largest one-day loss for any company in U.S. "
     "history.", "US$590 billion", {"subject": "NVIDIA", "rule": "valued_object"}),
    ("raised-from-a-sale-is-the-sellers", "Acme raised $5 million from the sale of its stake.", "$5 million",
     {"subject": "Acme"}),
    # a name written "X, <state>," right before a description is a town, whatever the NER calls it (TimeBank wsj_0568:
    # "Blue Bell", read as an ORG, was the subject at 0.85); the mirror: a name right before it names it
    ("a-town-and-state-before-a-description-locate-it", "Unisys, whose revenue inched up 3.7% in the quarter to $2.35 "
     "billion from $2.27 billion in the year-earlier quarter, had an operating loss of about $30 million. On top of that, "
     "the Blue Bell, Pa., concern took a $230 million charge related to the layoffs of 8,000 employees.", "$230 million",
     {"subject": "Unisys", "rule": "anaphor"}),
    ("a-name-right-before-a-description-names-it", "Unisys had an operating loss of about $30 million. The Blue Bell "
     "concern took a $230 million charge.", "$230 million", {"subject": "Blue Bell"}),
    # a preposition of the amount the parser hung across a coordinated clause with its own subject is that clause's
    # (written-facts, a portal day: the Dow Jones was the subject at 0.85); the mirror: each clause with its own amount
    ("a-nearer-coordinated-clause-owns-the-amount", "The United States and China agree in Geneva to cut most of the "
     "tariffs they imposed on each other since April for 90 days; the Dow Jones Industrial Average rises more than 1,100 "
     "points and Brent crude climbs 4% to US$66.60 a barrel.", "US$66.60", {"subject": "Brent crude"}),
    ("each-coordinated-clause-keeps-its-amount", "Acme's revenue rose 5% to $3 billion and Widget's profit fell 2% to "
     "$1 billion.", "$3 billion", {"subject": "Acme"}),
    # mirrors: a verb that sets a price for an unnamed thing leaves the amount to its clause (the price-setter), and a
    # value noun with no "of X" leaves the clause's subject the owner
    ("a-price-setter-keeps-the-price-of-an-unnamed-thing", "Acme set the price of the shares at $20.", "$20",
     {"subject": "Acme", "rule": "clause_subject"}),
    ("a-value-of-no-thing-keeps-the-clause-subject", "Acme put its value at $5 billion.", "$5 billion",
     {"subject": "Acme", "rule": "clause_subject"}),
    # a capitalised common noun opening its sentence in compound of a common-noun subject names no owner (news-dev dev
    # split, the 2019 UK general election: "Voter" was the subject at 0.85); the mirrors: a name in the same place,
    # and the same common noun where the NER reads a name
    ("a-sentence-initial-common-noun-is-no-name", "Voter turnout fell to 67.3% as the party spent £5 million.",
     "£5 million", {"subject": None}),
    ("a-name-written-again-inside-a-sentence-is-a-name", "Pegasus revenue rose to €5 billion. The figure for Turkish "
     "airline Pegasus was a record.", "€5 billion", {"subject": "Pegasus"}),
    # a topic lent from beyond the clause must be able to own the amount's metric (subject.lent_topic_unfit_metrics):
    # a fund's value is no country's (written corpus 1, no. 24: "20 trillion kroner" was Norway's at 0.45); the mirror:
    # a country's tourism revenue stays the country's (AQUAINT NYT19980907.0112, Kenya, in the project's own words)
    ("a-place-topic-is-lent-no-valuation", "Norway's sovereign wealth fund, the Government Pension Fund Global, "
     "reported on Tuesday a return of 2.5 trillion kroner (US$240 billion) for 2025, the second-highest in its history, "
     "driven by gains in technology stocks.\n\nThe fund, which is managed by Norges Bank Investment Management and holds "
     "about 1.5% of all listed shares worldwide, was worth more than 20 trillion kroner at the end of the year.",
     "20 trillion kroner", {"subject": "Government Pension Fund Global", "rule": "kind_anaphor"}),  # round 19: "the fund"
    # is the fund the article names so (an apposition), whatever the public-body check says of "Government"; still not Norway
    ("a-place-topic-is-lent-its-revenue", "Kenya cut visa fees for visitors from Europe on Monday to win back "
     "tourists.\n\nTourism revenues reached $300 million last year, down from $450 million the year before.",
     "$300 million", {"subject": "Kenya", "rule": "recent_topic", "subject_source": "article"}),
    # a person is lent across a paragraph break only for a person's word or metric (subject.person_across_paragraphs_
    # metrics; AQUAINT APW19990607.0041: a reward paragraphs after the victim was named was his, at 0.35); the mirrors:
    # the same sentences in one paragraph, and a person's "worth" across a break (written corpus 3, no. 25)
    ("a-person-is-lent-no-reward-across-paragraphs", "Osama bin Laden is wanted in the bombings of two U.S. embassies "
     "in Africa.\n\nA reward of up to $5 million is offered for information leading to his arrest.",
     "$5 million", {"subject": None}),
    ("a-person-is-lent-a-reward-in-the-paragraph", "Osama bin Laden is wanted in the bombings of two U.S. embassies "
     "in Africa. A reward of up to $5 million is offered for information leading to his arrest.",
     "$5 million", {"subject": "Osama bin Laden", "rule": "recent_topic", "subject_source": "paragraph"}),
    ("a-person-is-lent-their-worth-across-paragraphs", "Elon Musk's net worth rose to about $638 billion on Monday, "
     "according to the Bloomberg Billionaires Index.\n\nThe world's richest person owns about 42% of SpaceX. A pay "
     "package approved in November could be worth up to $1 trillion over ten years.",
     "$1 trillion", {"subject": "Elon Musk", "rule": "recent_topic", "subject_source": "article"}),
    ("respectively-needs-as-many-names-as-amounts",
     "Apple, Microsoft and Google reported profits of $20 billion and $18 billion, respectively.",
     "$20 billion", {"rule": "ambiguous"}),
    # names the small NER misses, read from the parse (facts17; sentences of the written tuning corpora): a pronoun after
    # several names continues the one that owns a clause subject (written2 no. 13: was Microsoft, a topic, at 0.4) ...
    ("pronoun-continues-the-owner-of-a-clause-subject", "Figma's shares more than double in their New York Stock "
     "Exchange debut, valuing the design software maker at about $56 billion; it had priced its shares at $33.",
     "$33", {"subject": "Figma", "rule": "pronoun"}),
    # ... the mirror: with no name acting in the sentence the pronoun is not given the exchange named in passing
    ("pronoun-takes-no-name-named-in-passing", "In their New York Stock Exchange debut with Goldman Sachs as the "
     "underwriter, the shares more than doubled; it had priced its shares at $33.", "$33", {"subject": None}),
    # a traded word or a proper noun before a root the parser read as a noun phrase's head is that clause's subject
    # (written2 no. 7: was the IMF at 0.35; written no. 5: no subject)
    ("traded-word-before-a-misread-verb", "Bitcoin climbs back above $93,000 for the first time since early March.",
     "$93,000", {"subject": "Bitcoin", "metric": "price", "rule": "clause_subject"}),
    ("proper-noun-before-a-misread-verb", "Stock markets rally worldwide after Trump pauses most of the reciprocal "
     "tariffs for 90 days; the S&P 500 gains 9.5%, its biggest one-day rise since 2008, adding about US$4.3 trillion in "
     "market value.", "US$4.3 trillion", {"subject": "S&P", "rule": "clause_subject"}),
    # a lone capital a verb of valuing takes as its object (written3 no. 6: no subject)
    ("lone-capital-valued", "Elon Musk's artificial intelligence company xAI acquires the social network X in an "
     "all-stock deal that values X at $33 billion and xAI at $80 billion.", "$33 billion", {"subject": "X"}),
    # the name of the noun a clause subject is "for" (written3 no. 10: was Miami, which only locates the match)
    ("name-of-the-subjects-noun", "Tickets for the FIFA Club World Cup opening match in Miami are cut to as little as "
     "$55 after weak sales.", "$55", {"subject": "FIFA Club World Cup", "rule": "nested_subject"}),  # round 21: its own rule
    # a place that only locates the object of a noun's "for" owns nothing (written3 no. 23: was Hollywood at 0.6); the
    # clause decides
    ("place-locating-a-noun-prep-object", "Disney's animated sequel Zootopia 2 took in about $272 million in China "
     "during its first five days, the biggest opening for a Hollywood film in the country's history, and $556 million "
     "worldwide.", "$556 million", {"subject": "Disney", "rule": "clause_subject"}),
    # ... the mirror: a place that is the object itself is the owner ("a judgment against Argentina")
    ("place-that-is-the-noun-prep-object", "A United States appeals court overturns a $16.1 billion judgment against "
     "Argentina.", "$16.1 billion", {"subject": "Argentina", "rule": "noun_prep"}),
    # a definite description the article itself names an entity by (``kind_anaphor``): the name's own head word (the
    # apposition: "a-place-topic-is-lent-no-valuation" above), and a noun in apposition through a pronoun
    ("description-that-is-the-names-head-word", "The Referral Hospital in Delhi admitted him on Monday. The hospital spent "
     "$2 million on new ventilators last year.", "$2 million", {"subject": "Referral Hospital", "rule": "kind_anaphor"}),
    ("description-named-by-apposition-through-a-pronoun", "Acme Corp., a toymaker based in Ohio, reported results on Monday. "
     "The toymaker said it would spend $40 million on a new plant.", "$40 million", {"subject": "Acme", "rule": "pronoun"}),
    # mirrors: an indefinite noun stands for no one; a noun `descriptions` lists keeps its labels ("the state" is no
    # "Islamic State"); a metric word is no description ("the price" is not T. Rowe Price)
    ("indefinite-noun-is-no-description", "The Referral Hospital in Delhi admitted him on Monday. A hospital in Leeds spent "
     "$2 million on new ventilators last year.", "$2 million", {"subject": None}),
    ("listed-description-keeps-its-labels", "Islamic State fighters retreated on Monday. The state will spend $2 billion "
     "on roads.", "$2 billion", {"rule": "recent_topic"}),
    # an amount's phrase the parser hung as a conjunct of a name is coordinated with it, not its (TimeBank wsj_0904: was
    # ambiguous); the climb goes on to "the company's investment"
    ("amount-coordinated-with-a-name-is-not-its", "Compaq Computer Corp. said that its net income rose 51% in the third "
     "quarter.\n\nThe latest quarter's results, however, included a pretax gain of $13.7 million, or 20 cents a share, in the "
     "carrying value of the company's investment in Conner Peripherals Inc. and a $7.6 million gain, or 11 cents a share, "
     "from the sale of one million Conner shares.", "$7.6 million", {"subject": "Compaq Computer", "rule": "anaphor"}),
    # several names in the sentence, one acts, the others only locate (``sentence_actor``; written3 no. 20: no subject);
    # the mirror: two that act (a subject and an object) are a tie nobody breaks
    ("one-actor-among-the-sentences-names", "Hurricane Melissa makes landfall in Jamaica as a Category 5 storm; early "
     "estimates put insured losses at $3–5 billion.", "$3–5 billion", {"rule": "sentence_actor", "subject_source": "sentence"}),
    ("two-actors-are-a-tie", "Apple sued Samsung in Seoul; damages were later put at $1 billion.", "$1 billion",
     {"subject": None}),
    ("metric-word-is-no-description", "Investors pulled money from funds run by T. Rowe Price on Monday. The price fell "
     "to $12 on Tuesday.", "$12", {"subject": None}),
    # a listing of new issues: the name before "--" and the amount is its sentence's topic, lent to the item's next
    # sentence (TimeBank wsj_0612: null); the mirror: a dash aside with no amount after it opens no item
    ("listing-item-names-its-sentence", "The following were among Friday's offerings and pricings, as compiled by Dow Jones "
     "Capital Markets Report: Sun Microsystems Inc. -- $125 million of convertible subordinated debentures due 1999, priced "
     "at 84.90. The debentures are convertible into common stock at $25 a share.", "$25",
     {"subject": "Sun Microsystems", "rule": "recent_topic"}),
    # the item's own amount is its name's, without the name of the item before it the NER ran into it (wsj_0612: null,
    # then lent the item before's Sun Microsystems by the first version of this rule); the mirror: two suffixes in a row
    # end one name
    ("listing-item-without-the-run-in-name", "Rated single-B-1 by Moody's Investors Service Inc., the issue will be sold "
     "through underwriters led by Goldman, Sachs amp Co. Hertz Corp. -- $100 million of senior notes due Nov. 1, 2009, "
     "priced at par to yield 9%.", "$100 million", {"subject": "Hertz Corp.", "rule": "surface"}),
    ("listing-item-name-ending-in-two-suffixes", "The following were among Friday's offerings: Mitsubishi Motors Co. Ltd. "
     "-- $500 million of notes due 1995, priced at par.", "$500 million", {"subject": "Mitsubishi Motors", "rule": "surface"}),
    ("dash-aside-is-no-listing-item", "The following were among Friday's offerings and pricings, as compiled by Dow Jones "
     "Capital Markets Report: Sun Microsystems Inc. -- a maker of workstations -- sold debentures due 1999. The debentures "
     "are convertible into common stock at $25 a share.", "$25", {"subject": None}),
    # a name the NER missed heading its phrase, its other names only its possessor and the person it is named after:
    # the work (written3 no. 34: ambiguous); mirrors: a company after "of" ("the President of Acme") and a maker after
    # "by" are no such title, and stay a tie
    ("work-titled-after-a-person", "Gustav Klimt's Portrait of Elisabeth Lederer sells for $236.4 million at Christie's in "
     "New York.", "$236.4 million", {"subject": "Portrait of Elisabeth Lederer", "rule": "titled_name"}),
    ("title-word-of-a-company-is-no-work", "The President of Acme Corp. approved a $5 million bonus.", "$5 million",
     {"subject": None}),
    ("maker-after-by-is-no-title", "The Portrait of Elisabeth Lederer by Gustav Klimt sold for $236.4 million.",
     "$236.4 million", {"subject": None}),
]


#: written-facts-14 (the written tuning corpus), its first two paragraphs, with the end of its first sentence to fill
QANTAS_FINED = ("The Federal Court of Australia on Monday ordered Qantas Airways to pay a penalty of A$90 million (US$59 "
                "million) for illegally outsourcing the jobs of 1,820 ground workers {}.\n\nJustice Michael Lee said part of "
                "the penalty should be paid to the Transport Workers Union, which brought the case. The airline had already "
                "agreed last year to pay A$120 million in compensation to the sacked workers.")

#: written2-facts-32, its first two sentences, with the relative clause on the second amount to fill
META_SETTLES = ("Meta Platforms has agreed to pay US$3.2 billion to settle a class action accusing it of collecting the "
                "location data of Facebook users without their consent. It is the largest privacy settlement in U.S. "
                "history, ahead of the US$1.4 billion {} the state of Texas in 2025.")

# Round 21 (twelfth session, issue #14): wrong subjects. Each rule with its mirror, from sentences of the tuning text.
NAR_PRICES = ("The median price of an existing home sold in the United States rose to a record $435,300 in July, the "
              "National Association of Realtors said on Tuesday.\n\n{} a monthly mortgage payment of about $2,200.")

WRONG_SUBJECT_CASES = [
    # a place only locating an indefinite subject is no topic (written3 no. 30: "Seoul" was lent to the next paragraph's
    # amount); the mirror: a definite subject there is the court the article means, and its place stays the topic
    ("indefinite-subject-located-in-a-place", "A court in Seoul on Tuesday ordered Coupang, South Korea's largest online "
     "retailer, to pay 1.5 trillion won in compensation to the customers whose data was leaked.\n\nEach affected customer "
     "will receive 50,000 won in vouchers.", "50,000 won", {"subject": None}),
    ("definite-subject-in-a-place", "The court in Seoul on Tuesday ordered Coupang, South Korea's largest online "
     "retailer, to pay 1.5 trillion won in compensation to the customers whose data was leaked.\n\nEach affected customer "
     "will receive 50,000 won in vouchers.", "50,000 won", {"subject": "Seoul", "rule": "recent_topic"}),
    # AQUAINT NYT19980907.0112: "The tourism industry in Kenya" is Kenya's; "A tourism boom in Kenya" is one boom there
    ("the-places-own-industry-is-its-topic", "The tourism industry in Kenya has been troubled for years. Tourism industry "
     "revenues reportedly dropped to $300 million last year.", "$300 million", {"subject": "Kenya", "rule": "recent_topic"}),
    ("one-thing-in-a-place-is-no-topic", "A tourism boom in Kenya has lasted for years. Tourism industry revenues "
     "reportedly rose to $300 million last year.", "$300 million", {"subject": None}),
    # a rival is the one party the topic is not (written2 no. 40: Project Kuiper's target was lent to Starlink); the
    # mirror: the topic's own business keeps the topic
    ("a-rival-is-not-the-topic", "Starlink has 8 million customers worldwide.\n\nIts main rival expects to begin service "
     "in 2027 with a target of 5 million customers.", "5 million", {"subject": None}),
    ("its-own-business-is-the-topic", "Starlink has 8 million customers worldwide.\n\nIts satellite business expects to "
     "begin service in 2027 with a target of 5 million customers.", "5 million", {"subject": "Starlink", "rule": "recent_topic"}),
    # a share class is its issuer's (TimeBank wsj_0950: "GM Class H" was the subject); the mirror: no issuer named, the
    # class stays as written
    ("share-class-is-its-issuers", "GM closed down $1.875 at $44.875 in New York Stock Exchange trading yesterday. GM "
     "Class H, which represents a dividend interest in Hughes earnings, closed at $29, up 25 cents in Big Board composite "
     "trading.", "$29", {"subject": "GM", "subject_id": "org:gm", "rule": "clause_subject"}),
    # a speaker written after what it reports of others is its source, not the sentence's topic (TimeBank wsj_0768:
    # "Dalbar says" lent to three fund groups' outflows); the mirrors: what the speaker reports of its own ("its
    # budget") or a bare metric ("spending") keeps it the topic
    ("a-reporter-of-others-is-no-topic", "Heavy rain hit the region in August.\n\nSince then, 427 fugitives have been "
     "taken into custody, the FBI said. A total of $650,000 is being offered for information.", "$650,000", {"subject": None}),
    ("a-reporter-of-its-own-is-the-topic", "Heavy rain hit the region in August.\n\nSince then, its budget has doubled, "
     "the FBI said. A total of $650,000 is being offered for information.", "$650,000", {"subject": "FBI", "rule": "recent_topic"}),
    ("a-reporter-of-a-metric-is-the-topic", "Heavy rain hit the region in August.\n\nSince then, spending has doubled, "
     "the FBI said. A total of $650,000 is being offered for information.", "$650,000", {"subject": "FBI", "rule": "recent_topic"}),
    # a name that only modifies the object of a preposition is no antecedent of a description (written no. 14: "The
    # airline" was COVID-19 of "during the COVID-19 pandemic"); the mirror: one modifying a clause subject still is
    ("a-name-modifying-a-prepositions-object-is-no-antecedent", QANTAS_FINED.format("during the COVID-19 pandemic"),
     "A$120 million", {"subject": "Qantas Airways", "rule": "anaphor"}),
    ("a-name-modifying-a-clause-subject-is-an-antecedent", QANTAS_FINED.format("as Virgin Australia staff hired them"),
     "A$120 million", {"subject": "Virgin Australia", "rule": "anaphor"}),
    # a relative clause on the amount itself names its owner by its subject (written2 no. 32: Meta, by "It is the largest
    # privacy settlement"); the mirror: a relative clause with no subject of its own leaves the clause above to decide
    ("the-amounts-own-relative-clause-names-its-owner", META_SETTLES.format("that Google agreed to pay"), "US$1.4 billion",
     {"subject": "Google", "rule": "clause_subject"}),
    ("a-relative-clause-without-its-own-subject", META_SETTLES.format("that was paid to"), "US$1.4 billion",
     {"subject": "Meta", "rule": "pronoun"}),
    # a place's possessive before a superlative ranks a person in the place (written no. 36: "the country" was resolved
    # to Shenzhen and owned Pony Ma's fortune); the mirror: before a metric noun the place owns it
    ("a-rank-in-a-place-is-not-the-places", "Tencent reported a profit.\n\nThe Shenzhen-based company also said it had "
     "spent 28 billion yuan on capital expenditure in the quarter.\n\nTencent's founder Pony Ma remains the country's "
     "second-richest person, with a fortune estimated at US$70 billion.", "US$70 billion", {"subject": "Pony Ma"}),
    ("a-places-largest-budget-is-its-own", "Kenya's largest budget of 3.6 trillion shillings was approved on Tuesday.",
     "3.6 trillion shillings", {"subject": "Kenya", "rule": "possessive"}),
    # a clause subject's name carried only by a preposition's object inside it takes its own rule and confidence
    # (TempEval APW19980227.0494: "A major goal of Kuchma's four-day state visit" at 0.8 was wrong); the mirror: the
    # subject's own possessor stays clause_subject
    ("a-name-inside-the-subjects-preposition", "A major goal of Kuchma's four-day state visit was the signing of a "
     "program worth $2.5 billion.", "$2.5 billion", {"subject": "Kuchma", "rule": "nested_subject"}),
    ("the-subjects-own-possessor", "Kuchma's four-day state visit cost $2.5 billion.", "$2.5 billion",
     {"subject": "Kuchma", "rule": "clause_subject"}),
    ("share-class-with-no-issuer-named", "GM Class H, which represents a dividend interest in Hughes earnings, closed at "
     "$29, up 25 cents in Big Board composite trading.", "$29", {"subject": "GM Class H", "rule": "clause_subject"}),
    # a clause subject that is a class its own restrictive relative clause defines owns the amount, not the topic lent
    # from before (facts22; written2 no. 37: "A buyer who puts down 20%" was lent the National Association of Realtors);
    # the mirrors: set off by commas the clause only describes
    # the subject, a definite subject is the topic's own, and a metric noun keeps the topic
    ("a-class-defined-by-its-relative-clause-is-lent-no-topic", NAR_PRICES.format("A buyer who puts down 20% on a "
     "median-priced home now faces"), "$2,200", {"subject": None}),
    ("a-subject-with-a-non-restrictive-clause-keeps-the-topic", NAR_PRICES.format("A buyer, who puts down 20% on a "
     "median-priced home, now faces"), "$2,200", {"subject": "National Association of Realtors", "rule": "recent_topic"}),
    ("a-definite-subject-with-a-relative-clause-keeps-the-topic", NAR_PRICES.format("The typical member who sells a "
     "median-priced home now collects"), "$2,200", {"subject": "National Association of Realtors", "rule": "recent_topic"}),
    ("a-metric-subject-with-a-relative-clause-keeps-the-topic", NAR_PRICES.format("The income that it earns from each "
     "median-priced home now reaches"), "$2,200", {"subject": "National Association of Realtors"}),
]


@pytest.mark.parametrize("text,mention,expected", [c[1:] for c in SUBJECT_CASES + WRONG_SUBJECT_CASES],
                         ids=[c[0] for c in SUBJECT_CASES + WRONG_SUBJECT_CASES])
def test_subject_of_general_news(run_text, text, mention, expected) -> None:
    """The fact of ``mention`` has the ``expected`` subject fields (general news, and round 21's wrong subjects with their
    mirrors: one table form, one check)."""
    fact = _fact(run_text(text), text, mention)
    assert {k: fact[k] for k in expected} == expected


@pytest.mark.parametrize("url,subject", [
    ("https://en.wikinews.org/wiki/Students_compete_in_second_international_Neurosurgery_Olympiad", None),
    # the mirror: the same text from another publisher leaves the name a candidate (the paragraph's topic)
    ("https://example.org/story", "Wikinews"),
])
def test_the_publisher_is_never_a_subject(nlp, rules, settings, url, subject) -> None:
    """news-dev dev split (the Tyumen neurosurgery Olympiad): the publisher of the text reports, it owns nothing."""
    from pipeline.run import load_stages

    text = ('Wikinews attended the event, and talked to some of those involved. "Now the annual volume of our exports '
            '— non-row materials and non-energy — has come close to a billion dollars."')
    ctx = Context("t", date(2019, 5, 6), rules, settings, source=None, url=url)
    doc, found = nlp(text), {}
    for name, func in load_stages():
        found[name] = func(doc, ctx, found)
    assert _fact(found["facts"], text, "a billion dollars")["subject"] == subject


def test_no_entity_means_low_confidence(run_text) -> None:
    text = "The price of a ticket is now $12."
    assert _fact(run_text(text), text, "$12")["confidence"] <= 0.3


def test_variants_of_one_name_share_an_id(run_text) -> None:
    text = ("The European Bank for Reconstruction and Development lent $50 million to the city. "
            "Northwind plc paid $3 million. The EBRD also lent $20 million. Northwind paid $1 million more.")
    facts = run_text(text)
    ids = {text[f["start"] : f["end"]]: f["subject_id"] for f in facts}
    assert ids["$50 million"] == ids["$20 million"] == "org:european-bank-for-reconstruction-and-development"
    assert ids["$3 million"] == ids["$1 million"] == "org:northwind"


def test_a_name_with_its_legal_suffix_is_not_a_short_form_of_a_longer_name(run_text) -> None:
    """WSJ, 1989 (wsj_0348): "Ogden Corp." owns 92% of "Ogden Projects Inc."; the parent's results are its own.
    A bare "Ogden" beside both is the suffixed one; "Northwind" beside "Northwind plc" still merges."""
    text = ("Ogden Projects Inc. said net income rose to $6.6 million in the third quarter. The company is 92%-owned by "
            "Ogden Corp. Meanwhile, Ogden Corp. reported third-quarter net income of $27.1 million. "
            "Ogden also paid $2 million.")
    ids = {text[f["start"] : f["end"]]: f["subject_id"] for f in run_text(text)}
    assert ids["$6.6 million"] == "org:ogden-projects"
    assert ids["$27.1 million"] == ids["$2 million"] == "org:ogden"
    # ... while a longer name that starts with the suffixed one is its full form (wsj, Service Corp. International)
    text = "Service Corp. International said revenue rose. A year ago, Service Corp. had a loss of about $12.5 million."
    assert [f["subject_id"] for f in run_text(text)] == ["org:service-corp-international"]


def test_a_company_name_reads_the_same_wherever_it_is_written(run_text) -> None:
    """WSJ, 1989 (wsj_0798): the NER tags "Hudson's Bay" once as ORG and later splits it ("Hudson"/PERSON + "'s Bay");
    the later mention is the company too, so the redemption price is its own, not the holding company's named before."""
    text = ("On the Toronto Stock Exchange, Hudson's Bay shares closed at C$35, up 12.5 cents.\n\n"
            "Hudson's Bay said that Woodbridge Co., which currently holds about 77% of the ordinary shares, will subscribe "
            "for all the shares to which it is entitled. Woodbridge is a holding company owned by Toronto's Thomson family.\n\n"
            "Hudson's Bay said it will redeem 9.5 million Series H preferred shares on Oct. 31 at a price of C$27.75 each.")
    facts = {text[f["start"] : f["end"]]: f for f in run_text(text)}
    assert facts["C$27.75"]["subject"] == "Hudson's Bay"


def test_subject_never_from_another_article(run_text) -> None:
    first = run_text("Northwind plc agreed to pay $5 million in damages.")
    assert first and first[0]["subject"] == "Northwind"
    second = run_text("The price of a ticket is now $12.")
    assert second[0]["subject"] is None


#: written2 no. 25 (a Current-events style budget story), its first two paragraphs
DEFENCE = ("Finance minister Nirmala Sitharaman presented India's budget for the 2026–27 fiscal year on Sunday, raising total "
           "government spending to ₹53.5 lakh crore (US$610 billion) and setting a fiscal deficit target of 4.3% of GDP.\n"
           "Defence receives ₹7.8 lakh crore for the year, up 14% from a year earlier, after the country's brief conflict "
           "with Pakistan in May.")


@pytest.mark.parametrize(
    "title,text,mention,expected",
    [
        # the headline starts with the actor, whom the body names: a number no sentence attaches is theirs
        ("Kone to buy rival TK Elevator", "The offer was announced on Monday by the Finnish lift maker Kone.\n\nThe price is €29.4 billion, the sources said.",
         "€29.4 billion", {"subject": "Kone", "subject_source": "headline", "rule": "headline_topic"}),
        # a headline that does not start with a name lends nothing
        ("Lift makers merge", "The offer was announced on Monday by the Finnish lift maker Kone.\n\nThe price is €29.4 billion, the sources said.",
         "€29.4 billion", {"subject": None}),
        # a word opening its sentence that the headline writes in lower case is a common word, no name (written2 no. 25:
        # "Defence" was the subject at 0.85); the mirror: a headline without the word leaves it a name the parse found
        ("India raises defence spending in budget", DEFENCE, "₹7.8 lakh crore", {"subject": "India"}),
        ("India presents its budget", DEFENCE, "₹7.8 lakh crore", {"subject": "Defence"}),
    ],
    ids=["headline-actor", "headline-without-a-leading-name", "headline-writes-the-word-in-lower-case",
         "headline-without-the-word"],
)
def test_headline_actor_is_a_last_resort(nlp, rules, settings, title, text, mention, expected) -> None:
    from pipeline.run import load_stages

    doc = nlp(text)
    ctx = Context("t", date(2025, 6, 1), rules, settings, title)
    found: dict[str, list[dict]] = {}
    for name, func in load_stages():
        found[name] = func(doc, ctx, found)
    fact = _fact(found["facts"], text, mention)
    assert {k: fact[k] for k in expected} == expected


# (id, text, mention, period): a date that dates another noun of the sentence is not the amount's period
# (published 2025-06-01 by run_text); a date on the amount's clause, its subject or a time noun is
PERIOD_CASES = [
    ("liquidation-date-is-not-the-debts",
     "The Evergrande Group announces it will be delisted from the Hong Kong Stock Exchange on August 22 after trading remained "
     "suspended for over 18 months following a court-ordered liquidation in January 2024, with the company owing more than "
     "US$300 billion.", "US$300 billion", "2025-06-01"),
    ("nationalization-year-is-not-the-judgments",
     "A United States appeals court overturns a $16.1 billion judgment against Argentina related to the 2012 nationalization of YPF.",
     "$16.1 billion", "2025-06-01"),
    ("date-of-the-clause", "Acme said on Tuesday that its revenue rose to $5 billion in 2024.", "$5 billion", "2024"),
    ("date-of-the-clause-subject", "Revenue in 2024 rose to $5 billion, Acme said.", "$5 billion", "2024"),
    # (the quarter itself since 2026-11-28: "the quarter ended Sept. 30" is a reporting period of three months)
    ("date-through-a-time-noun", "Acme said revenue for the quarter ended Sept. 30, 2024 rose to $5 billion.", "$5 billion", "2024-07/2024-09"),
    # WSJ, 1989 (wsj_0527): a comparison "a year ago" is of the reporting period its sentence named before it
    ("year-ago-comparison-of-the-named-quarter", "Acme reported a second-quarter loss of $175.5 million, or $13.44 a share, "
     "compared with net income of $27.1 million, or $1.16 a share, a year ago.", "$27.1 million", "2024-Q2"),
    # TimeBank wsj_0918 (facts17): a dividend is set at a moment, no result of the lede's quarter, its earlier value neither
    ("dividend-is-of-the-day", "Du Pont Co. reported third-quarter net income of $5 million.\n\nDu Pont also raised its "
     "quarterly dividend to $1.20 a share from $1.05.", "$1.05", "2025-06-01"),
    ("result-of-the-lede-quarter", "Du Pont Co. reported third-quarter net income of $5 million.\n\nDu Pont also said "
     "its sales rose to $9 billion.", "$9 billion", "2024-Q3"),
    ("year-ago-comparison-own-amount-unchanged", "Acme reported a second-quarter loss of $175.5 million, or $13.44 a share, "
     "compared with net income of $27.1 million, or $1.16 a share, a year ago.", "$175.5 million", "2025-Q2"),
]


@pytest.mark.parametrize("text,mention,period", [c[1:] for c in PERIOD_CASES], ids=[c[0] for c in PERIOD_CASES])
def test_period_is_the_amounts_own(run_text, text, mention, period) -> None:
    assert _fact(run_text(text), text, mention)["period"] == period


def test_the_publisher_is_never_the_headline_actor(nlp, rules, settings) -> None:
    """'Wikinews interviews ...': the site that publishes the article leads its headline, but the
    article's numbers are not the publisher's (manifest source / URL name it)."""
    from pipeline.facts import publisher_names
    from pipeline.run import load_stages

    title = "Wikinews interviews Dan Shapiro about his billion-dollar fund"
    text = "The investor told Wikinews about his plans this week.\n\nThe fund is worth $1 billion, the sources said."
    assert publisher_names("wikinews", "https://en.wikinews.org/wiki/X") == frozenset({"wikinews"})
    assert publisher_names(None, "https://www.reuters.com/a") == frozenset({"reuters"})
    for source, url, expected in ((None, None, "Wikinews"), ("Wikinews", None, None), (None, "https://en.wikinews.org/wiki/X", None)):
        doc = nlp(text)
        ctx = Context("t", date(2025, 6, 1), rules, settings, title, source, url)
        found: dict[str, list[dict]] = {}
        for name, func in load_stages():
            found[name] = func(doc, ctx, found)
        fact = _fact(found["facts"], text, "$1 billion")
        assert (fact["subject"], fact["subject_source"]) == ((expected, "headline") if expected else (None, None)), (source, url)


# (id, text, published, mention, period): an earnings story's figures take the reporting period its first
# paragraph names when their own sentence and paragraph name none; a year-ago figure is of that period a
# year before (TimeBank wsj_0189, shortened)
LEDE_CASES = [
    # a Current-events day holds several stories: the first one's quarter does not reach a later story's
    # price or funding round, only results (and amounts of the names the first paragraph names)
    ("lede-not-another-storys-price",
     "Alphabet reports fourth-quarter net income of US$34.5 billion.\n\nBitcoin falls to about US$63,000, its lowest "
     "level since October 2024.", date(2026, 2, 5), "US$63,000", "2026-02-05"),
    ("lede-not-another-storys-funding",
     "Alphabet reports fourth-quarter net income of US$34.5 billion.\n\nWaymo raises US$16 billion in a funding round "
     "led by Sequoia Capital.", date(2026, 2, 5), "US$16 billion", "2026-02-05"),
    ("lede-reaches-a-units-results",
     "General Motors reported a 9% drop in third-quarter net income.\n\nAt GMAC, net dropped 3.1% to $234.5 million.",
     date(1989, 10, 26), "$234.5 million", "1989-Q3"),
    ("lede-quarter",
     "Ralston Purina Co. reported a 47% decline in fourth-quarter earnings, reflecting restructuring costs.\n\n"
     "The St. Louis company earned $45.2 million, or 65 cents a share, compared with $84.9 million, or $1.24 a share, a year earlier.",
     date(1989, 11, 2), "$45.2 million", "1989-Q4"),
    ("lede-quarter-a-year-earlier",
     "Ralston Purina Co. reported a 47% decline in fourth-quarter earnings, reflecting restructuring costs.\n\n"
     "The St. Louis company earned $45.2 million, or 65 cents a share, compared with $84.9 million, or $1.24 a share, a year earlier.",
     date(1989, 11, 2), "$84.9 million", "1988-Q4"),
    ("a-changes-earlier-value-is-the-year-ago-period",  # TimeBank wsj_0610
     "As expected, Kellogg reported lower third-quarter earnings. Net fell 16% to $123.1 million, or $1.02 a share, from "
     "$145.7 million, or $1.18 a share.", date(1989, 10, 30), "$145.7 million", "1988-Q3"),
    ("a-changes-later-value-keeps-the-period",
     "As expected, Kellogg reported lower third-quarter earnings. Net fell 16% to $123.1 million, or $1.02 a share, from "
     "$145.7 million, or $1.18 a share.", date(1989, 10, 30), "$123.1 million", "1989-Q3"),
    # round 4: the year's first months, the year-ago period named in its own sentence, "last year" after an
    # amount in a report that runs a reporting period (TimeBank wsj_0991, wsj_1003, wsj_0158, shortened)
    ("the-first-nine-months-are-the-years-first-nine",
     "In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period.",
     date(1989, 10, 26), "$306 million", "1989-01/1989-09"),
    ("the-1988-period-is-the-same-months-of-1988",
     "In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period.",
     date(1989, 10, 26), "$195 million", "1988-01/1988-09"),
    ("the-first-nine-months-of-a-january-article-are-last-years",
     "In the first nine months, net was $306 million.", date(1990, 1, 12), "$306 million", "1989-01/1989-09"),
    ("the-nine-months-of-a-quarterly-report",
     "Norton Co. said third-quarter net income rose 11%.\n\nFor the nine months, Norton had net of $81.2 million. In the "
     "year-earlier period, the company had net of $77.2 million.", date(1989, 10, 26), "$81.2 million", "1989-01/1989-09"),
    ("the-year-earlier-period-of-the-paragraph",
     "Norton Co. said third-quarter net income rose 11%.\n\nFor the nine months, Norton had net of $81.2 million. In the "
     "year-earlier period, the company had net of $77.2 million.", date(1989, 10, 26), "$77.2 million", "1988-01/1988-09"),
    ("last-year-after-an-amount-in-a-quarterly-report",
     "Aetna Life said third-quarter net fell 20%.\n\nIn the latest quarter, Aetna had a $23 million loss on its auto line, "
     "compared with earnings of $33 million last year.", date(1989, 10, 26), "$33 million", "1988-Q3"),
    ("anothers-last-year-does-not-date-the-amount",
     "Mellon Bank said third-quarter net rose 9%.\n\nIn the nine months, net rose 4.3% to $525.8 million or $4.67 a share, "
     "from $504.2 million, or $4.41 a share, last year.",
     date(1989, 10, 26), "$525.8 million", "1989-01/1989-09"),
    ("its-own-last-year-with-a-per-share-restatement",
     "Mellon Bank said third-quarter net rose 9%.\n\nIn the nine months, net rose 4.3% to $525.8 million or $4.67 a share, "
     "from $504.2 million, or $4.41 a share, last year.",
     date(1989, 10, 26), "$4.41", "1988-01/1988-09"),
    ("last-year-without-a-reporting-period-is-last-year",
     "Acme makes widgets.\n\nAcme had revenue of $5 million last year.", date(1989, 10, 26), "$5 million", "1988"),
    # WSJ, 1989 (wsj_0904): the phrase after the sentence's first word ("Net for the nine months was ...")
    ("net-for-the-nine-months",
     "Compaq Computer Corp. said third-quarter net income rose 25%.\n\nNet for the nine months was $254 million, or $5.94 a share.",
     date(1989, 10, 26), "$254 million", "1989-01/1989-09"),
    ("six-months-to-come-are-not-the-years-first",
     "Acme Corp. said third-quarter net rose 5%.\n\nThe company will pay $5 million over the six months.",
     date(1989, 10, 26), "$5 million", "1989-10-26"),  # (a payment to come: not of the lede's quarter, ninth session)
    ("a-gerunds-dates-are-its-events",
     "The Italian Competition Authority fines Irish low-cost carrier Ryanair €255 million (US$300 million) for allegedly "
     "abusing its dominant market position from April 2023 to April 2025 by restricting how travel agencies sell its flights.",
     date(2025, 12, 23), "€255 million", "2025-12-23"),
    ("a-gerunds-date-when-the-amount-is-in-it",
     "The company raised cash by selling $5 million of bonds in March.", date(2025, 6, 1), "$5 million", "2025-03"),
    # TimeBank wsj_1006 / wsj_0790: a price, a debt, a deal are of a moment, not of the lede's quarter, even the lede actor's
    ("a-price-is-of-the-day-not-the-quarter",
     "Columbia Savings reported a third-quarter loss of $226.3 million.\n\nIts shares closed at $5.125 each in composite "
     "New York Stock Exchange trading.", date(1989, 10, 26), "$5.125", "1989-10-26"),
    ("a-debt-level-is-of-the-day",
     "Unisys Corp. reported a third-quarter loss of $648.2 million.\n\nDebt at Unisys has risen to around $4 billion.",
     date(1989, 10, 26), "$4 billion", "1989-10-26"),
    ("the-lede-actors-results-keep-the-quarter",
     "Unisys Corp. reported a third-quarter loss of $648.2 million.\n\nUnisys said revenue rose to $2.35 billion.",
     date(1989, 10, 26), "$2.35 billion", "1989-Q3"),
    # TimeBank wsj_0168: the earlier value of a change takes its later value's reporting period a year before, whatever
    # its own cue word made of it first
    ("an-earlier-value-is-of-the-year-ago-quarter",
     "Savin Corp. reported a third-quarter net loss of $35.2 million.\n\nRevenue declined 8% to $85.7 million, from $93.3 "
     "million a year earlier.", date(1989, 10, 26), "$93.3 million", "1988-Q3"),
    # TimeBank wsj_0349: the per-share restatement of an earlier value is of its year-ago period too
    ("an-earlier-values-restatement-moves-with-it",
     "Aetna Life & Casualty Co. said third-quarter net income rose 10%.\n\nNet advanced to $94.2 million, or 89 cents a "
     "share, from $85 million, or 83 cents a share.", date(1989, 10, 26), "83 cents", "1988-Q3"),
    ("the-later-values-restatement-stays",
     "Aetna Life & Casualty Co. said third-quarter net income rose 10%.\n\nNet advanced to $94.2 million, or 89 cents a "
     "share, from $85 million, or 83 cents a share.", date(1989, 10, 26), "89 cents", "1989-Q3"),
    ("a-day-in-the-lede-dates-an-event-not-the-figures",
     "Acme Corp. said on Monday, May 5, that it would cut jobs.\n\nThe company earned $45.2 million.",
     date(2025, 5, 6), "$45.2 million", "2025-05-06"),
]


@pytest.mark.parametrize("text,published,mention,period", [c[1:] for c in LEDE_CASES], ids=[c[0] for c in LEDE_CASES])
def test_lede_reporting_period(run_text, text, published, mention, period) -> None:
    assert _fact(run_text(text, published), text, mention)["period"] == period


@pytest.mark.parametrize("text,mention", [
    # a bare indefinite subject is often the article's own product: left to the fallbacks, never a "kind"
    ("Spotify raised prices.\n\nIn some markets a family plan already costs €21.99 a month.", "€21.99"),
    # an indefinite subject with a party named in it is that party's doing
    ("A consortium led by Silver Lake agreed to buy Electronic Arts for $55 billion.", "$55 billion"),
    ("Each class member will receive between US$10 and US$40.", "US$10 and US$40"),
])
def test_indefinite_subject_that_is_no_kind(run_text, text, mention) -> None:
    assert _fact(run_text(text), text, mention)["rule"] != "ambiguous"


@pytest.mark.parametrize("text,published,mention,period", [
    # a result is of the reporting period its sentence names, not of the day it was announced
    ("HSBC Holdings reported a 14% fall in pre-tax profit to $7.3 billion for the third quarter on Tuesday.",
     date(2025, 10, 30), "$7.3 billion", "2025-Q3"),
    # a reporting period named by its length and last month, and later results of the story ("in the half")
    ("Qantas Airways reported a profit before tax of A$1.39 billion for the six months to December on Thursday.\n\n"
     "The carrier said revenue rose 8% to A$12.8 billion in the half.", date(2026, 2, 26), "A$12.8 billion", "2025-07/2025-12"),
    # with no reporting period named, the day stands
    ("Apple reported revenue of $94 billion on Thursday.", date(2025, 10, 31), "$94 billion", "2025-10-30"),
])
def test_period_of_a_result(run_text, text, published, mention, period) -> None:
    fact = _fact(run_text(text, published), text, mention)
    assert fact["period"] == period


# what an amount measures, read from the parse (rounds of 2026-11-28): one table, each case with its source or mirror
METRIC_CASES = [
    # TimeBank wsj_0542: the change noun's "in" object names what the amount measures, not the clause's subject
    ("But the company has had weak results so far this year, with earnings declining 43% to $13.7 million, or $1.43 a "
     "share, on a 4% decline in revenue to $713.5 million through the first nine months of the year.", "$713.5 million", "revenue"),
    ("The company reported an increase in sales to $40 million.", "$40 million", "revenue"),
    # its mirror: an "in" object that names no metric leaves the amount to the words above it
    ("The fund made an investment in Ukraine of $5 million.", "$5 million", "investment"),
    # what a thing or a person is "worth" is no organisation's valuation
    ("The Bybit cryptocurrency exchange says hackers stole digital tokens worth about $1.5 billion.", "$1.5 billion", "other"),
    ("Brazil's exports to the U.S. were worth $40.3 billion last year.", "$40.3 billion", "other"),
    ("Elon Musk became the first person to be worth more than $600 billion on Tuesday.", "$600 billion", "other"),
    # a compound before the thing names it ("a bonus pool": salary)
    ("Its 1,800 employees will share a bonus pool worth roughly $1.5 billion.", "$1.5 billion", "salary"),
    # mirrors: a company is valued, whatever the NER calls its name, and a verb of valuing keeps valuation
    ("SpaceX, which was valued at $1.5 trillion in its June stock market debut, grew.", "$1.5 trillion", "valuation"),
    ("Klarna raises $1.37 billion in New York, valuing the company at $15.1 billion.", "$15.1 billion", "valuation"),
    ("They signed an agreement worth up to US$35 billion.", "US$35 billion", "deal_value"),
    # TimeBank wsj_0184: what a verb of changing changes, named by its object's compound
    ("So Steve Milunovich at First Boston said he is cutting his earnings estimate for next year to $2 a share from $3.",
     "$2", "profit"),
    ("The company cut its revenue forecast to $5 billion.", "$5 billion", "revenue"),
    # "raise" is a funding word: what it raises names the metric when it names one; "raised $5 million" stays funding
    ("The company raised its revenue forecast to $5 billion.", "$5 billion", "revenue"),
    ("The startup raised $5 million from investors.", "$5 million", "funding"),
    # a dividend, a payout, a termination fee: amounts FACTS_BRIEF.md has no metric for, and a dividend per share is no
    # price (TimeBank wsj_0918, wsj_0165, written no. 4, written2 no. 27; facts17)
    ("Du Pont also raised its quarterly dividend to $1.20 a share.", "$1.20", "other"),
    ("Du Pont also raised its quarterly dividend to $1.20 a share from $1.05, a change that will increase the annualized "
     "payout to shareholders by some $140 million.", "$140 million", "other"),
    ("The preferred stock, which would have a dividend rate of $1.76 a year, would be convertible into Heritage common.",
     "$1.76", "other"),
    ("Under the agreement, Alphabet would pay Wiz a termination fee of about US$3.2 billion if regulators block the deal.",
     "US$3.2 billion", "other"),
    ("The company cut its five-year investment plan to US$98 billion from US$111 billion and said it would pay "
     "shareholders R$8.1 billion in dividends.", "R$8.1 billion", "other"),
    # ... the mirrors: a fee alone is a price; a raised object naming no metric leaves a rate a price
    ("The singer charged a fee of $100 for each show.", "$100", "price"),
    ("Acme raised the list price of its software to $30 a seat.", "$30", "price"),
    # giving words of aid (written3 nos. 37, 39; written2 no. 15)
    ("The region's president Valérie Pécresse said the French state should contribute an extra €800 million a year.",
     "€800 million", "aid"),
    ("International donors pledged $4.2 billion to Pakistan at a conference in Geneva on Monday.", "$4.2 billion", "aid"),
    ("The Edhi Foundation, Pakistan's largest charity, said it had raised 2 billion rupees from private donors.",
     "2 billion rupees", "aid"),
    # ... the mirror: raised from investors stays funding
    ("The startup said it had raised $20 million from venture investors.", "$20 million", "funding"),
    # a film's or a charity's income is its revenue (written2 no. 9, written3 nos. 11, 23); a company's net income, a
    # film maker's earnings stay profit
    ("Médecins Sans Frontières, which relies almost entirely on private donations, said its income had risen to €2.6 "
     "billion last year.", "€2.6 billion", "revenue"),
    ("It is the second animated film this year to pass that mark after the Chinese hit Ne Zha 2, which earned 15.4 "
     "billion yuan at home.", "15.4 billion yuan", "revenue"),
    ("The film's distributor said its net income rose to $40 million.", "$40 million", "profit"),
    ("The film maker earned $5 million in the quarter.", "$5 million", "profit"),
    # mirrors: an object naming no metric leaves the amount to the other words; a verb with a metric of its own wins
    ("Acme sold its stake in the unit for $2 billion.", "$2 billion", "deal_value"),
    # TimeBank wsj_1006: a bank's total assets are no reserves; a fund's size is
    ("Total assets increased to $12.7 billion in the latest quarter.", "$12.7 billion", "other"),
    ("Saudi Arabia's Public Investment Fund, which manages about US$925 billion in assets, agreed to buy a stake.",
     "US$925 billion", "reserves"),
    # a deal's amount per share is its price per share; its whole value stays deal_value (TimeBank wsj_0171, wsj_0076)
    ("IMA early this month lowered its offer to $26.50 a share.", "$26.50", "price"),
    ("Royal Trustco agreed to acquire Pacific First for $27 a share, or $212 million.", "$212 million", "deal_value"),
]


@pytest.mark.parametrize("text,mention,metric", METRIC_CASES)
def test_metric_of_general_news(run_text, text, mention, metric) -> None:
    assert _fact(run_text(text), text, mention)["metric"] == metric


def test_common_nouns_come_from_the_models_lemmatizer(settings) -> None:
    """The noun list that tells "Voter turnout" from "Nvidia revenue" is the installed model's own (its lemmatizer's
    WordNet index); a model that ships none leaves every parse-found name as it was."""
    from pipeline.facts.candidates import common_nouns

    nouns = common_nouns(settings.model)
    assert {"voter", "turnout", "artwork"} <= nouns and "nvidia" not in nouns
    assert common_nouns("no_such_model_installed") == frozenset()


# --- gapped items of a change statement (issues #14/#21): each item's own verbless subject -------------------------------
# (id, sentence, amount, subject, metric, metric_text); sentences of the written corpora and dev documents are marked so
GAPPED = [
    # written-changes-5-12 (written corpus): the gapped name owns its fall, which no change word stands beside
    ("w5-gapped-name", "Bank shares were hit hardest: Mitsubishi UFJ Financial Group dropped 17.8%, and Mizuho 19.7%.",
     "19.7%", "Mizuho", "growth", None),
    ("w5-first-item-kept", "Bank shares were hit hardest: Mitsubishi UFJ Financial Group dropped 17.8%, and Mizuho 19.7%.",
     "17.8%", "Mitsubishi UFJ Financial", "growth", None),
    # a dev document (Wikinews, oil prices): subjects listed after a value-less change word
    ("dev-listed-benchmarks", "Oil prices rise amid fears of a prolonged war and the draining of world oil reserves, including West Texas "
     "Intermediate to US$102.76 per barrel and Brent Crude to US$112.89 per barrel.", "US$112.89", "Brent Crude", "price", "prices"),
    # the brief's forms: a metric noun names the item's metric, the first clause's owner keeps the subject
    ("gapped-metric-noun", "Acme's revenue rose 12% to $5.1 billion and operating profit 5% to $300 million.",
     "$300 million", "Acme", "profit", "profit"),
    ("gapped-two-word-metric", "Nvidia's revenue rose 12% to $5.1 billion, net income 8% to $900 million and orders 3% to $2 billion.",
     "$900 million", "NVIDIA", "profit", "net income"),
    ("gapped-noun-no-metric", "Nvidia's revenue rose 12% to $5.1 billion, net income 8% to $900 million and orders 3% to $2 billion.",
     "$2 billion", "NVIDIA", "other", "orders"),
    ("gapped-possessive-name", "Microsoft's revenue rose 12% to $5.1 billion and Apple's 8% to $4 billion.", "$4 billion", "Apple", "revenue", "revenue"),
    # negative mirrors: two full clauses (written-facts-2-07), a gapped item that is a date, an item with no subject words
    ("w2-two-clauses", "Tesla reports that its first-quarter net income fell 71% to $409 million and its automotive revenue dropped 20% to $14 billion.",
     "$14 billion", "Tesla", "revenue", "revenue"),
    ("w2-two-clauses-first", "Tesla reports that its first-quarter net income fell 71% to $409 million and its automotive revenue dropped 20% to $14 billion.",
     "$409 million", "Tesla", "profit", "income"),
    ("gapped-date-not-subject", "Acme's revenue rose 12% to $5.1 billion in 2024 and 3% in March.", "3%", "Acme", "growth", None),
    ("first-clause-unchanged", "Microsoft's revenue rose 12% to $5.1 billion and Apple's 8% to $4 billion.", "$5.1 billion", "Microsoft", "revenue", "revenue"),
]


@pytest.mark.parametrize("text,mention,subject,metric,metric_text", [g[1:] for g in GAPPED], ids=[g[0] for g in GAPPED])
def test_gapped_item_takes_its_own_subject_and_metric(run_text, text, mention, subject, metric, metric_text) -> None:
    fact = _fact(run_text(text), text, mention)
    assert (fact["subject"], fact["metric"], fact["metric_text"]) == (subject, metric, metric_text)
