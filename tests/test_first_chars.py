"""The first-character skip table (pipeline/first_chars.py, issue 22): rule regexes compiled by
pipeline/patterns.py find exactly the matches re.compile's programs find, and the dates and money
candidates of real sentences are the same mentions as before, at a text's start and end, among
overlapping currency symbols, in CJK text and in a very long text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import patterns
from pipeline.compile import compile_all
from pipeline.extract import dates, money
from pipeline.first_chars import with_skip_table
from pipeline.rules import Rules

REPO = Path(__file__).resolve().parent.parent
RAW_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]

#: real sentences (raw/ and news-dev style) placed where scanning has its edges
EDGE_TEXTS = [
    pytest.param("March 5, 2024: ByteDance cut Doubao's price to ¥0.0008 per 1,000 tokens", id="date-and-money-at-text-start"),
    pytest.param("Alibaba said it would invest 380 billion yuan ($52.4 billion) by 2027", id="amount-and-year-at-text-end"),
    pytest.param("The deal closed in May", id="bare-month-last-word"),
    pytest.param("$5", id="text-is-one-amount"),
    pytest.param("2025", id="text-is-one-year"),
    pytest.param("Prices were US$5, HK$3, A$2.50, C$ 7, R$10 and NT$30 at launch on Monday.", id="overlapping-currency-symbols"),
    pytest.param("Revenue was ¥1.2 billion (about $165 million), up from ¥800 million a year earlier.", id="yen-and-dollar"),
    pytest.param("阿里巴巴宣布未来三年投资3800亿元人民币用于云计算，2025年2月24日发布。", id="cjk-yuan-and-date"),
    pytest.param("字节跳动的豆包模型每千tokens仅0.0008元，比行业便宜99.8%。在2024年5月", id="cjk-price"),
    pytest.param("The fiscal third quarter ended Sept. 30, 2025; FY2026 guidance was raised to $4 billion.", id="fiscal"),
    pytest.param("It rose 12 percent in the first half of 2024 and 3% in Q3, two years ago, every month.", id="halves-quarters-sets"),
    pytest.param("K-pop sales hit 5 kr; the ſhare price (İstanbul) rose to 12 KRW on Tuesday, July 4.", id="non-ascii-case-folding"),
]


def _finds(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.fixture(scope="module")
def rule_patterns(rules) -> list[tuple[str, int]]:
    """Every pattern the stages compile through pipeline/patterns.py (dates, money, counts, changes,
    facts, numbers...), as (source, flags)."""
    compile_all(rules)
    return sorted({key for key in patterns._memo if isinstance(key[0], str)})


@pytest.fixture(scope="module")
def reference_rules(rules):
    """The dates and money rules compiled with re.compile's own programs (no skip table): what the
    candidates were before."""
    plain = Rules(root=rules.root, files=rules.files, sha256=rules.sha256)
    saved = patterns.compile
    patterns.compile = lambda source, flags=0, **_: re.compile(source, flags)  # type: ignore[assignment]
    dates._required.cache_clear()
    try:
        built = dates.compile_rules(plain), money.compile_money(plain)
    finally:
        patterns.compile = saved  # type: ignore[assignment]
        dates._required.cache_clear()
    return built


def test_every_rule_pattern_finds_what_re_compile_finds(rule_patterns):
    """raw/ (whole articles) and the edge sentences, through every rule pattern, both programs."""
    texts = RAW_TEXTS + [p.values[0] for p in EDGE_TEXTS]
    with_table = 0
    for source, flags in rule_patterns:
        ours, theirs = patterns.compile(source, flags), re.compile(source, flags)
        with_table += ours != theirs
        for text in texts:
            assert _finds(ours, text) == _finds(theirs, text), (source[:80], text[:60])
    assert with_table >= 50, "the lexicon patterns (dates, money) carry a skip table"


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_dates_and_money_candidates_unchanged(text, rules, reference_rules):
    ref_dates, ref_money = reference_rules
    got = [(s, e, n, k, m.groupdict()) for s, e, n, k, m in dates.candidates(text, dates.compiled(rules))]
    want = [(s, e, n, k, m.groupdict()) for s, e, n, k, m in dates.candidates(text, ref_dates)]
    assert got == want
    assert money._candidates(text, rules, money.money_rules(rules)) == money._candidates(text, rules, ref_money)


def test_candidates_unchanged_on_a_very_long_text(rules, reference_rules):
    """raw/ eight times over as one text (~270k characters, ~840 date and ~160 money candidates), and
    raw/ articles one by one."""
    ref_dates, ref_money = reference_rules
    counts = []
    for text in ["\n\n".join(RAW_TEXTS * 8), *RAW_TEXTS]:
        got = [(s, e, n, m.groupdict()) for s, e, n, _, m in dates.candidates(text, dates.compiled(rules))]
        want = [(s, e, n, m.groupdict()) for s, e, n, _, m in dates.candidates(text, ref_dates)]
        assert got == want
        found = money._candidates(text, rules, money.money_rules(rules))
        assert found == money._candidates(text, rules, ref_money)
        counts.append((len(want), len(found)))
    assert counts[0][0] > 800 and counts[0][1] > 150, counts[0]


@pytest.mark.parametrize(
    ("source", "flags", "text"),
    [
        pytest.param(r"\bkelvin\b", re.I, "5 \u212aelvin or KELVIN", id="kelvin-sign-folds-to-k"),
        pytest.param("\u212a+", re.I, "kK\u212a", id="pattern-kelvin-sign-matches-ascii-k"),
        pytest.param(r"\bshare", re.I, "\u017fhare SHARE", id="long-s-folds-to-s"),
        pytest.param("\u017f", re.I, "sS\u017f", id="pattern-long-s-matches-ascii-s"),
        pytest.param(r"(?-i:\bMay\b)\s+\d", re.I, "may 5, May 6, MAY 7", id="case-sensitive-inside-ignorecase"),
        pytest.param(r"(?<![\w.])(?:19|20)\d\d\b", 0, "1999, x2000, 2024.", id="digits-behind-a-lookbehind"),
        pytest.param(r"(?:the\s+)?(?:early\s+)?\bQ[1-4]\b", re.I, "The q1 and early Q4", id="optional-prefixes"),
        pytest.param(r"\d*x", 0, "12x x", id="optional-first-item"),
    ],
)
def test_skip_table_keeps_re_semantics(source, flags, text, monkeypatch):
    monkeypatch.setattr(patterns, "_memo", {})
    assert _finds(patterns.compile(source, flags), text) == _finds(re.compile(source, flags), text)


@pytest.mark.parametrize(
    ("source", "flags", "added"),
    [
        pytest.param(r"\b(?:january|february)\b", re.I, True, id="ignorecase-words-get-a-table"),
        pytest.param(r"(?<!\w)(?:\$|US\$)\d", 0, True, id="lookbehind-first-gets-a-table"),
        pytest.param(r"a*", 0, False, id="may-match-empty"),
        pytest.param(r"(a)\1|b", 0, True, id="backreference-after-a-literal"),
        pytest.param(r"(a)?(?(1)c|d)", 0, False, id="conditional-after-an-optional-group-is-unknown"),
        pytest.param(r"[^a]x", 0, False, id="negated-class-too-wide"),
        pytest.param(r"march", 0, False, id="re-has-a-literal-prefix-already"),
    ],
)
def test_which_patterns_get_a_table(source, flags, added):
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    assert (with_skip_table(list(code), parsed, flags) != code) is added
