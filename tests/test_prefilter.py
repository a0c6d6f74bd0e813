"""Required-literal gates (pipeline/prefilter.py, issue 22): a gate says no only when the pattern
cannot match, so the dates candidates of real sentences are the same with the gates as with every
pattern searched; case folding beyond ASCII (the Kelvin sign, "ſ", "İ", "ı") is checked against the
engine for the whole of Unicode; and the changes statement loop's cue trie finds what the cue
alternation finds."""

from __future__ import annotations

import marshal
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.extract import changes, dates
from pipeline.prefilter import Gates, fold, required_clauses
from pipeline.published import infer_published, published_patterns

REPO = Path(__file__).resolve().parent.parent
RAW_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]

#: real sentences (raw/ and news-dev style) where gates have edges: a date at the text's start or end,
#: fiscal and quarter wording, CJK, and letters that fold to ASCII only under re.IGNORECASE
EDGE_TEXTS = [
    pytest.param("March 5, 2024: ByteDance cut Doubao's price to ¥0.0008 per 1,000 tokens", id="date-at-text-start"),
    pytest.param("Alibaba said it would invest 380 billion yuan ($52.4 billion) by 2027", id="year-at-text-end"),
    pytest.param("2025", id="text-is-one-year"),
    pytest.param("The fiscal third quarter ended Sept. 30, 2025; FY2026 guidance was raised to $4 billion.", id="fiscal"),
    pytest.param("Revenue in the financial year 2024-25 rose, and in fiscal 2026 it fell; Q3 was flat.", id="financial-year"),
    pytest.param("It rose 12 percent in the first half of 2024 and 3% in Q3, two years ago, every month.", id="halves-quarters-sets"),
    pytest.param("阿里巴巴宣布未来三年投资3800亿元人民币用于云计算，2025年2月24日发布。", id="cjk"),
    pytest.param("In the FİSCAL YEAR 2025 and the ﬁrst QUARTER, ſales rose; the fıscal 2024 target was met.", id="dotted-capital-i-and-long-s"),
    pytest.param("Shares closed on MONDAY, JULY 4; a \u212aelvin-sign 'K' stands in \u212aY, three weeks ago.", id="kelvin-sign"),
    pytest.param("Last week, revenue climbed. " * 400 + "It fell in the fourth quarter of 2023.", id="very-long-text"),
]


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        pytest.param(r"fiscal\s+year", re.I, [{"fiscal"}, {"year"}], id="words-apart"),
        pytest.param(r"a(?:\s+b)", 0, [{"a"}, {"b"}], id="a-run-is-not-joined-across-a-space"),
        pytest.param(r"x\s+b", 0, [{"x"}, {"b"}], id="run-broken-by-space"),
        pytest.param(r"Q[1-4]\b", 0, [{"q1", "q2", "q3", "q4"}], id="small-class"),
        pytest.param(r"(?:the\s+)?(?:first|second)\s+half", re.I, [{"second", "first"}, {"half"}], id="optional-part-gives-nothing"),
        pytest.param(r"(?:ago|later)|(?:\d+\s+)?days", re.I, [{"ago", "later", "days"}], id="alternation-of-clauses"),
        pytest.param(r"(?:ago|\d+)", 0, [], id="an-unknown-alternative-gives-nothing"),
        pytest.param(r"(?:april|apr)\.?", re.I, [{"apr"}], id="implied-string-dropped"),
        pytest.param(r"元|人民币", 0, [{"元", "人民币"}], id="uncased-cjk-kept"),
        pytest.param(r"руб", re.I, [], id="cased-non-ascii-unknown"),
        pytest.param(r"(?<![\w-])(?:rose|fell)(?![\w-])", re.I, [{"rose", "fell"}], id="lookarounds-consume-nothing"),
    ],
)
def test_required_clauses(pattern, flags, expected):
    assert {frozenset(c) for c in required_clauses(pattern, flags)} == {frozenset(c) for c in expected}


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="re's case folding is CPython's")
def test_fold_covers_every_ignore_case_match_of_an_ascii_letter():
    """Every non-ASCII character an ignore-case regex matches to an ASCII letter folds to that letter
    (else a gate could say no to a real match), for the whole of Unicode."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        if letter.fullmatch(ch):
            assert [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.IGNORECASE)] == [fold(ch)], hex(code)


@pytest.mark.parametrize("text", [*EDGE_TEXTS, *(pytest.param(t, id=f"raw-{i}") for i, t in enumerate(RAW_TEXTS))])
def test_gates_never_say_no_to_a_match(rules, text):
    """For every gated regex (the dates patterns, dates' negative contexts, the publication-date
    patterns): a text with a match passes its gate, and each match itself meets every clause; so the
    rows are the ones every regex searched would give."""
    c, p = dates.compiled(rules), published_patterns(rules)
    gated = [(c.gates, regex) for _, _, regex, _ in c.patterns] + [(c.gates, regex) for regex in c.negatives]
    gated += [(p.gates, p.full), (p.gates, p.full_dmy), (p.gates, p.month_year)]
    index = {id(g): 0 for g, _ in gated}
    for gates, regex in gated:
        order = index[id(gates)]
        index[id(gates)] += 1
        matches = [m.group() for m in regex.finditer(text)]
        if matches:
            assert gates.for_text(text).may_match(order), regex.pattern[:80]
        for found in matches:
            for clause in gates.clauses[order]:
                assert any(s in fold(found) for s in clause), (regex.pattern[:80], found, sorted(clause))


@pytest.mark.parametrize("text", [*EDGE_TEXTS, *(pytest.param(t, id=f"raw-{i}") for i, t in enumerate(RAW_TEXTS))])
def test_published_date_same_as_every_pattern_searched(rules, text):
    p = published_patterns(rules)
    open_gates = Gates(clauses=[(), (), ()])
    assert infer_published(text, rules) == _infer_with(replace(p, gates=open_gates), text, rules)


def _infer_with(patterns, text, rules):
    """infer_published with ``patterns`` in place of the rules' own."""
    saved = rules._cache.get("published")
    rules._cache["published"] = patterns
    try:
        return infer_published(text, rules)
    finally:
        rules._cache["published"] = saved


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_dates_candidates_same_as_every_pattern_searched(rules, text):
    c = dates.compiled(rules)
    open_gates = Gates(clauses=[() for _ in c.patterns])
    ungated = dates.candidates(text, replace(c, gates=open_gates))
    assert [(s, e, n) for s, e, n, _, _ in dates.candidates(text, c)] == [(s, e, n) for s, e, n, _, _ in ungated]


def test_gates_skip_patterns_that_cannot_match(rules):
    """The gates do skip: a sentence without fiscal, quarter or half words opens none of those patterns."""
    c = dates.compiled(rules)
    gates = c.gates.for_text("Shares of the company rose on Monday after the announcement.")
    closed = {name for order, (name, *_) in enumerate(c.patterns) if not gates.may_match(order)}
    assert {"fiscal_year", "quarter_bare", "half_year", "iso_date"} <= closed
    assert "weekday" not in closed


@pytest.mark.parametrize(
    "text",
    [
        *EDGE_TEXTS,
        pytest.param("Sales rose 5% and costs fell; revenue was revised down, then revised  up.", id="flexible-space-phrases"),
        pytest.param("up-to-date figures; the down payment; it grew.", id="hyphen-bounds"),
        *(pytest.param(t, id=f"raw-{i}") for i, t in enumerate(RAW_TEXTS)),
    ],
)
def test_changes_cue_trie_finds_what_the_alternation_finds(rules, text):
    c = changes.compiled(rules)
    trie = changes._cue_trie(rules, c)
    assert trie is not c.cue_re
    assert [(m.span(), m.group()) for m in trie.finditer(text)] == [(m.span(), m.group()) for m in c.cue_re.finditer(text)]


@pytest.mark.parametrize(
    "content", [None, b"", b"\x00garbage", marshal.dumps([[1, 2]]), marshal.dumps([[]])], ids=["stored", "empty", "garbage", "foreign", "empty-clause"]
)
def test_clauses_kept_on_disk_read_back_the_same(rules, tmp_path, monkeypatch, content):
    """A pattern's clauses are stored beside the compiled programs and read back in a 'new process'
    (cleared memo) equal; a broken file is worked out again, never trusted."""
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path))
    regex = dates.compiled(rules).patterns[0][2]
    required_clauses.cache_clear()
    first = required_clauses(regex.pattern, regex.flags)
    (path,) = tmp_path.glob("*.clauses")
    if content is not None:
        path.write_bytes(content)
    required_clauses.cache_clear()
    assert required_clauses(regex.pattern, regex.flags) == first
    assert first, "the first dates pattern has a literal every match needs"
    required_clauses.cache_clear()
