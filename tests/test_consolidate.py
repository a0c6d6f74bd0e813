"""Consolidation across articles: a synthetic three-article corpus gives exactly the expected rows.

The corpus is written as the facts stage would write it (one row per sentence that states a number),
so these tests do not depend on how well the facts stage attaches subjects: they check the rules of
sameness (rules/consolidate.yaml) and the consensus. The real run over raw/ is checked at the end.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from pipeline.consolidate import (
    AGREED,
    CONFLICT,
    ROUNDED,
    compile_rules,
    consolidate,
    modality,
    sameness_rules,
    written_precision,
)
from pipeline.errors import RulesError

PUBLISHED = {"a": date(2024, 12, 1), "b": date(2024, 12, 5), "c": date(2024, 12, 10)}

#: (article, sentence, number as written, subject_id, metric, value, unit, qualifier, period, extra)
SENTENCES = [
    # agreeing + rounded + hedged: one figure written three ways
    ("a", "Doubao recorded 59.98 million monthly active users in November.", "59.98 million", "doubao", "MAU", 59.98e6, "users", "exact", "2024-11", {}),
    ("b", "Doubao had 60 million monthly active users by November.", "60 million", "doubao", "MAU", 60e6, "users", "exact", "2024-11", {}),
    ("c", "Doubao reached about 60 million MAU in November.", "60 million", "doubao", "MAU", 60e6, "users", "approx", "2024-11", {}),
    # the same figure dated only by the publication day: an "as of" row of its own
    ("a", "Doubao now has 60 million monthly active users.", "60 million", "doubao", "MAU", 60e6, "users", "exact", "2024-12-01", {"period_source": "published_date"}),
    # agreed: the same exact figure in two articles
    ("a", "ByteDance's revenue was $110 billion in 2023.", "$110 billion", "bytedance", "revenue", 110e9, "USD", "exact", "2023", {}),
    ("b", "ByteDance made $110 billion of revenue in 2023.", "$110 billion", "bytedance", "revenue", 110e9, "USD", "exact", "2023", {}),
    # conflict: two articles say 12, one says 15
    ("a", "ByteDance spent $12 billion on capex in 2025.", "$12 billion", "bytedance", "capex", 12e9, "USD", "exact", "2025", {}),
    ("b", "ByteDance's capex reached $12 billion in 2025.", "$12 billion", "bytedance", "capex", 12e9, "USD", "exact", "2025", {}),
    ("c", "ByteDance spent $15 billion on capex in 2025.", "$15 billion", "bytedance", "capex", 15e9, "USD", "exact", "2025", {}),
    # a plan for the same year stays apart from the reported figures
    ("c", "ByteDance plans to spend $20 billion on capex in 2025.", "$20 billion", "bytedance", "capex", 20e9, "USD", "exact", "2025", {}),
    # different periods never merge: a quarter and its year
    ("a", "ByteDance spent $3 billion on capex in the fourth quarter of 2024.", "$3 billion", "bytedance", "capex", 3e9, "USD", "exact", "2024-Q4", {}),
    ("b", "ByteDance spent $10 billion on capex in 2024.", "$10 billion", "bytedance", "capex", 10e9, "USD", "exact", "2024", {}),
    # hedged and rounded: "about $100 billion" agrees with $98.6 billion
    ("a", "OpenAI was valued at about $100 billion in October.", "$100 billion", "openai", "valuation", 100e9, "USD", "approx", "2024-10", {}),
    ("c", "OpenAI's valuation was $98.6 billion in October.", "$98.6 billion", "openai", "valuation", 98.6e9, "USD", "exact", "2024-10", {}),
    # a lower bound agrees with a figure above it ...
    ("a", "ChatGPT had more than 300 million MAU in November.", "300 million", "chatgpt", "MAU", 300e6, "users", "more_than", "2024-11", {}),
    ("b", "ChatGPT counted 310 million MAU in November.", "310 million", "chatgpt", "MAU", 310e6, "users", "exact", "2024-11", {}),
    # ... not with one below it
    ("a", "DeepSeek had more than 20 million DAU in January.", "20 million", "deepseek", "DAU", 20e6, "users", "more_than", "2025-01", {}),
    ("c", "DeepSeek had 15 million DAU in January.", "15 million", "deepseek", "DAU", 15e6, "users", "exact", "2025-01", {}),
    # a range agrees with a figure inside it
    ("a", "Anthropic drew 60% to 75% of its revenue from the API in 2024.", "60% to 75%", "anthropic", "share", 67.5, "%", "range", "2024", {"low": 60.0, "high": 75.0}),
    ("b", "Anthropic drew 70% of its revenue from the API in 2024.", "70%", "anthropic", "share", 70.0, "%", "exact", "2024", {}),
    # rates in different bases: ¥0.8 per million tokens = ¥0.0008 per thousand
    ("a", "Doubao Pro charges ¥0.8 per million tokens in 2024.", "¥0.8", "doubao_pro", "price", 0.8, "CNY", "exact", "2024", {"per_quantity": 1e6, "per_unit": "token", "usd": 0.11}),
    ("b", "Doubao Pro costs ¥0.0008 per thousand tokens in 2024.", "¥0.0008", "doubao_pro", "price", 0.0008, "CNY", "exact", "2024", {"per_quantity": 1e3, "per_unit": "token"}),
    # a total and its parts in one sentence: the parts are left out
    ("b", "Alibaba will spend ¥160 billion in 2026, earmarking ¥90 billion for clusters and ¥70 billion for networks.", "¥160 billion", "alibaba", "capex", 160e9, "CNY", "exact", "2026", {"usd": 22e9}),
    ("b", "Alibaba will spend ¥160 billion in 2026, earmarking ¥90 billion for clusters and ¥70 billion for networks.", "¥90 billion", "alibaba", "capex", 90e9, "CNY", "exact", "2026", {}),
    ("b", "Alibaba will spend ¥160 billion in 2026, earmarking ¥90 billion for clusters and ¥70 billion for networks.", "¥70 billion", "alibaba", "capex", 70e9, "CNY", "exact", "2026", {}),
    # one sentence never disagrees with itself: two values of one group in one sentence are left out
    ("c", "Tariffs on steel rise from 25% to 50% in 2025.", "25%", "usa", "tariff", 25.0, "%", "exact", "2025", {}),
    ("c", "Tariffs on steel rise from 25% to 50% in 2025.", "50%", "usa", "tariff", 50.0, "%", "exact", "2025", {}),
    # without a subject or of a skipped metric: not consolidated
    ("c", "The market was worth $5 billion in 2024.", "$5 billion", None, "market_cap", 5e9, "USD", "exact", "2024", {}),
    ("c", "Kimi ranked 3rd in December.", "3rd", "kimi", "rank", 3.0, "rank", "exact", "2024-12", {}),
]

#: (subject_id, metric, period, period_basis, modality) -> (value, status, n_facts, n_articles, value_min, value_max)
EXPECTED = {
    ("alibaba", "capex", "2026", "text", "forecast"): (160e9, AGREED, 1, 1, 160e9, 160e9),
    ("anthropic", "share", "2024", "text", "actual"): (70.0, ROUNDED, 2, 2, 60.0, 75.0),
    ("bytedance", "capex", "2024", "text", "actual"): (10e9, AGREED, 1, 1, 10e9, 10e9),
    ("bytedance", "capex", "2024-Q4", "text", "actual"): (3e9, AGREED, 1, 1, 3e9, 3e9),
    ("bytedance", "capex", "2025", "text", "actual"): (12e9, CONFLICT, 3, 3, 12e9, 15e9),
    ("bytedance", "capex", "2025", "text", "forecast"): (20e9, AGREED, 1, 1, 20e9, 20e9),
    ("bytedance", "revenue", "2023", "text", "actual"): (110e9, AGREED, 2, 2, 110e9, 110e9),
    ("chatgpt", "MAU", "2024-11", "text", "actual"): (310e6, ROUNDED, 2, 2, 300e6, 310e6),
    ("deepseek", "DAU", "2025-01", "text", "actual"): (15e6, CONFLICT, 2, 2, 15e6, 20e6),
    ("doubao", "MAU", "2024-11", "text", "actual"): (59.98e6, ROUNDED, 3, 3, 59.98e6, 60e6),
    ("doubao", "MAU", "2024-12", "published", "actual"): (60e6, AGREED, 1, 1, 60e6, 60e6),
    ("doubao_pro", "price", "2024", "text", "actual"): (0.8, AGREED, 2, 2, 0.8, 0.8),
    ("openai", "valuation", "2024-10", "text", "actual"): (98.6e9, ROUNDED, 2, 2, 98.6e9, 100e9),
}


def corpus() -> tuple[list[dict], dict, dict]:
    """(fact rows, range ends by span, US$ per unit by span) of the three articles."""
    rows, ranges, usd = [], {}, {}
    offsets = {a: 0 for a in PUBLISHED}
    sentence_at: dict[tuple[str, str], int] = {}
    for n, (article, sentence, number, subject_id, metric, value, unit, qualifier, period, extra) in enumerate(SENTENCES):
        if (article, sentence) not in sentence_at:
            sentence_at[(article, sentence)] = offsets[article]
            offsets[article] += len(sentence) + 1
        ev_start = sentence_at[(article, sentence)]
        start = ev_start + sentence.index(number)
        span = (article, start, start + len(number))
        if "low" in extra:
            ranges[span] = (extra["low"], extra["high"])
        if "usd" in extra:
            usd[span] = extra["usd"] / value
        rows.append({
            "fact_id": f"f{n:02d}", "article_id": article, "start": start, "end": start + len(number), "text": number,
            "subject": subject_id.title() if subject_id else None, "subject_id": subject_id, "metric": metric, "value": value,
            "unit": unit, "qualifier": qualifier, "per_quantity": extra.get("per_quantity"), "per_unit": extra.get("per_unit"),
            "period": period, "period_start": None, "period_end": None, "period_source": extra.get("period_source", "sentence"),
            "evidence_start": ev_start, "evidence_end": ev_start + len(sentence), "evidence": sentence, "confidence": 0.9,
        })
    return rows, ranges, usd


@pytest.fixture(scope="module")
def outcome(rules):
    facts, ranges, usd = corpus()
    return consolidate(facts, PUBLISHED, sameness_rules(rules), ranges, usd)


def _key(row: dict) -> tuple:
    return (row["subject_id"], row["metric"], row["period"], row["period_basis"], row["modality"])


def test_exactly_the_expected_rows(outcome) -> None:
    assert sorted(_key(r) for r in outcome.rows) == sorted(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED), ids=["/".join(k) for k in sorted(EXPECTED)])
def test_value_status_and_sources(outcome, key) -> None:
    row = next(r for r in outcome.rows if _key(r) == key)
    value, status, n_facts, n_articles, low, high = EXPECTED[key]
    got = (row["value"], row["status"], row["n_facts"], row["n_articles"], row["value_min"], row["value_max"])
    assert got[1:4] == (status, n_facts, n_articles)
    assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip((got[0], *got[4:]), (value, low, high), strict=True)), got
    assert len(row["fact_ids"]) == n_facts and len(row["article_ids"]) == n_articles
    assert bool(row["conflict_fact_ids"]) == (status == CONFLICT)
    assert row["evidence_fact_id"] in row["fact_ids"]


def test_conflict_names_the_disagreeing_source(outcome, rules) -> None:
    facts, *_ = corpus()
    by_id = {f["fact_id"]: f for f in facts}
    capex = next(r for r in outcome.rows if _key(r) == ("bytedance", "capex", "2025", "text", "actual"))
    assert [by_id[f]["text"] for f in capex["conflict_fact_ids"]] == ["$15 billion"]
    assert math.isclose(capex["spread"], 0.25)
    dau = next(r for r in outcome.rows if _key(r) == ("deepseek", "DAU", "2025-01", "text", "actual"))
    assert [by_id[f]["qualifier"] for f in dau["conflict_fact_ids"]] == ["more_than"]


def test_best_source_and_dates(outcome) -> None:
    mau = next(r for r in outcome.rows if _key(r) == ("doubao", "MAU", "2024-11", "text", "actual"))
    assert mau["text"] == "59.98 million" and mau["evidence_article_id"] == "a"  # the exact, precisely written one
    assert (mau["first_published"], mau["last_published"]) == (date(2024, 12, 1), date(2024, 12, 10))


def test_money_keeps_its_currency_and_carries_usd(outcome) -> None:
    alibaba = next(r for r in outcome.rows if r["subject_id"] == "alibaba")
    assert alibaba["unit"] == "CNY" and math.isclose(alibaba["value_usd"], 22e9)
    price = next(r for r in outcome.rows if r["subject_id"] == "doubao_pro")
    assert price["per_quantity"] == 1e6 and math.isclose(price["value_usd"], 0.11)
    revenue = next(r for r in outcome.rows if r["metric"] == "revenue")
    assert revenue["value_usd"] == revenue["value"]  # a US$ figure is its own US$ value
    mau = next(r for r in outcome.rows if r["metric"] == "MAU")
    assert mau["value_usd"] is None


def test_left_out_facts_are_counted(outcome) -> None:
    assert outcome.skipped["no subject"] == 1
    assert outcome.skipped["metric rank not consolidated"] == 1
    assert outcome.skipped["part of a total in the same sentence"] == 2
    assert outcome.skipped["several values for one group in one sentence"] == 2
    assert outcome.grouped + sum(outcome.skipped.values()) == outcome.facts_in


def test_deterministic_whatever_the_order(rules) -> None:
    facts, ranges, usd = corpus()
    first = consolidate(facts, PUBLISHED, sameness_rules(rules), ranges, usd).rows
    again = consolidate(list(reversed(facts)), PUBLISHED, sameness_rules(rules), ranges, usd).rows
    assert first == again


# --- the rules of sameness, one at a time -------------------------------------------------------------

PRECISION = [
    ("59.98 million", 0.005 / 59.98, 4),
    ("60 million", 5 / 60, 1),
    ("$100 billion", 50 / 100, 1),
    ("2,500", 50 / 2500, 2),
    ("1.5bn", 0.05 / 1.5, 2),
    ("5998万", 0.5 / 5998, 4),
    ("60.0 million", 0.05 / 60, 3),
    ("two to three million yuan", 0.5, 1),
]


@pytest.mark.parametrize(("text", "relative", "digits"), PRECISION, ids=[c[0] for c in PRECISION])
def test_written_precision(text: str, relative: float, digits: int) -> None:
    got = written_precision(text)
    assert math.isclose(got[0], relative, rel_tol=1e-9) and got[1] == digits


MODALITY = [
    ("reported", "ByteDance spent $12 billion", "$12 billion", "actual"),
    ("plan", "ByteDance plans to spend $20 billion", "$20 billion", "forecast"),
    ("will", "capital expenditures will expand to ¥160 billion", "¥160 billion", "forecast"),
    ("estimate", "analysts estimated revenue of $5 billion", "$5 billion", "forecast"),
    ("nearest-cue-beyond-window", "It will, after years of effort and many detours through the regulators and courts, have reported $5 billion", "$5 billion", "actual"),
]


@pytest.mark.parametrize(("sentence", "number", "expected"), [c[1:] for c in MODALITY], ids=[c[0] for c in MODALITY])
def test_modality(rules, sentence: str, number: str, expected: str) -> None:
    assert modality(sentence, sentence.index(number), "capex", sameness_rules(rules)) == expected


def test_a_misspelt_rules_key_is_an_error(rules) -> None:
    data = {k: v for k, v in rules.get("consolidate").items()}
    data["skip_metric"] = data.pop("skip_metrics")
    with pytest.raises(RulesError, match="skip_metric"):
        compile_rules(data)


@pytest.mark.parametrize("key", ["skip_metrics", "metric_text_metrics"])
def test_a_metric_list_written_as_one_name_is_an_error(rules, key: str) -> None:
    data = dict(rules.get("consolidate"))
    data[key] = "other"  # as a set: {"o", "t", "h", "e", "r"}
    with pytest.raises(RulesError, match=key):
        compile_rules(data)


# --- the real run over raw/ -----------------------------------------------------------------------------


def test_raw_run_consolidates_doubao_mau_across_two_articles(extracted_raw) -> None:
    import pipeline

    out, summary = extracted_raw
    table = pipeline.load("consolidated", out)
    assert len(table) == summary.rows["consolidated"] > 0
    assert table["consolidated_id"].is_unique
    row = table[(table["subject_id"] == "doubao") & (table["metric"] == "MAU") & (table["period"] == "2024-11")].iloc[0]
    assert (row["value"], row["status"], row["n_articles"]) == (59_980_000, ROUNDED, 2)
    facts = pipeline.load("facts", out)
    assert set(row["fact_ids"]) <= set(facts["fact_id"])


def test_same_sentence_values_can_be_kept(rules) -> None:
    data = dict(rules.get("consolidate"))
    data["same_sentence"] = "keep"
    facts, ranges, usd = corpus()
    rows = consolidate(facts, PUBLISHED, compile_rules(data), ranges, usd).rows
    tariff = next(r for r in rows if r["metric"] == "tariff")
    assert (tariff["status"], tariff["n_facts"]) == (CONFLICT, 2)


def _other(fact_id: str, article: str, sentence: str, number: str, value: float, metric_text: str | None) -> dict:
    start = sentence.index(number)
    return {"fact_id": fact_id, "article_id": article, "start": start, "end": start + len(number), "text": number,
            "subject": "Hudson's Bay", "subject_id": "org:hudson-s-bay", "metric": "other", "metric_text": metric_text,
            "value": value, "unit": "CAD", "qualifier": "exact", "per_quantity": None, "per_unit": None, "period": "2025",
            "period_start": None, "period_end": None, "period_source": "sentence", "evidence_start": 0,
            "evidence_end": len(sentence), "evidence": sentence, "confidence": 0.9}


def test_uncategorized_amounts_group_by_their_governing_word(rules) -> None:
    # devreads (news-dev dev split): a redemption and dividend payments of one company and year are two things
    facts = [
        _other("r1", "a", "Hudson's Bay completed the redemption of C$264 million of notes in 2025.", "C$264 million", 264e6, "redemption"),
        _other("d1", "b", "Hudson's Bay made dividend payments of C$42 million in 2025.", "C$42 million", 42e6, "payments"),
        _other("r2", "c", "The Redemption of C$264 million closed in 2025.", "C$264 million", 264e6, "Redemption"),
    ]
    rows = consolidate(facts, PUBLISHED, sameness_rules(rules), {}, {}).rows
    by_text = {r["metric_text"]: (r["n_facts"], r["status"]) for r in rows}
    assert by_text == {"redemption": (2, AGREED), "payments": (1, AGREED)}


def test_categorized_metrics_keep_their_group_and_id(rules) -> None:
    # the mirror: for a named metric the governing word is no part of the group (nor of its id)
    facts, ranges, usd = corpus()
    rows = consolidate(facts, PUBLISHED, sameness_rules(rules), ranges, usd).rows
    assert all(r["metric_text"] is None for r in rows)
    data = dict(rules.get("consolidate"))
    data["metric_text_metrics"] = []
    before = consolidate(facts, PUBLISHED, compile_rules(data), ranges, usd).rows
    assert [r["consolidated_id"] for r in rows] == [r["consolidated_id"] for r in before]
