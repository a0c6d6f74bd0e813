"""Money's candidate forms searched only where a currency mark is (pipeline/prefilter.py ``Regions``,
money's ``_anchors``; issue 22 item 1): the candidates are the ones the whole-text search finds, for
real sentences, every lexicon entry in every place a form puts it, one-letter marks, symbols, "US$",
a text's start and end, CJK and a very long text; the break characters are worked out from the
patterns (and kept on disk), and the folding argument holds for the whole of Unicode."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import patterns
from pipeline.extract import money
from pipeline.first_chars import unconsumed_ascii
from pipeline.lexicon import all_subunits
from pipeline.prefilter import Regions, fold

REPO = Path(__file__).resolve().parent.parent
RAW_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]

#: real sentences (raw/, news-dev and peer-suite style) where the lookup has its edges
EDGE_TEXTS = [
    pytest.param("$5", id="text-is-one-amount"),
    pytest.param("$5 was the price; nothing else.", id="symbol-at-text-start"),
    pytest.param("The company said it lost 5 million dollars", id="name-at-text-end"),
    pytest.param("Prices were US$5, HK$3, A$2.50, C$ 7, R$10 and NT$30 at launch on Monday.", id="overlapping-currency-symbols"),
    pytest.param("It costs US$ 1.2 billion (about RM5bn) and USD3.14 per share.", id="us-dollar-forms"),
    pytest.param("A stamp was 10c, then 20 dollar 43c; the temperature was 30 C.", id="one-letter-cent-mark"),
    pytest.param("c $ 16.4 million was paid, and hk $ 3 for the fee", id="lower-cased-wire-symbols"),
    pytest.param("Shares rose 5% (to ¥1.2 billion) after \"a 20€ deal\": [£3] {₹500 crore}", id="symbols-next-to-breaks"),
    pytest.param("Revenue was ¥1.2 billion (about $165 million), up from ¥800 million a year earlier.", id="yen-and-dollar"),
    pytest.param("阿里巴巴宣布未来三年投资3800亿元人民币用于云计算，2025年2月24日发布。", id="cjk-yuan"),
    pytest.param("字节跳动的豆包模型每千tokens仅0.0008元，比行业便宜99.8%。", id="cjk-price"),
    pytest.param("Rupees 500 crore and ringgit 42; sen 100,000 on the tag; Sen. Smith paid 3 KRW.", id="names-before-the-number"),
    pytest.param("a 12-cent dividend, its one-yen bid and a 100-billion-forint support package", id="hyphen-names"),
    pytest.param("It was a dollar; a dollar store sold a euro coin for 5 euros.", id="article-amounts"),
    pytest.param("between $10 and $20 billion, between 10 and 20 dollars, 10-20 yuan", id="ranges"),
    pytest.param("The 5 DOLLARS and 3 Euros and 7 \u017fhekels and 2 \u212aRONER were paid.", id="folded-case-names"),
    pytest.param("1 298,00 € und 129,99 €; 9 800 Kč; 1'049.95 CHF; 20 zł; 5 KČ", id="non-english-formats"),
    pytest.param("He won 3 games; she won 3 billion won; the percent rose 5 cents", id="weak-names-and-cent-inside-words"),
    pytest.param("No currency here: 5 people, 3 times, 20 percent on Monday.", id="no-anchor"),
    pytest.param("", id="empty-text"),
]


@pytest.fixture(scope="module")
def plain_rules(rules):
    """money's rules with every form searched over whole texts: what the candidates were before."""
    return replace(money.money_rules(rules), regions=None)


def _both(text: str, rules, plain) -> tuple[list, list]:
    return money._candidates(text, rules, money.money_rules(rules)), money._candidates(text, rules, plain)


def _forms(text: str, mr: money.MoneyRules) -> list[tuple[str, list]]:
    """Every form's raw matches (spans and groups) within the windows, before any reading."""
    windows = mr.regions.windows(text) if mr.regions is not None else [(0, len(text))]
    return [(name, [(m.span(), m.groups()) for s, e in windows for m in p.finditer(text, s, e)]) for name, p in mr.candidates]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_candidates_as_with_whole_text_search(text, rules, plain_rules):
    got, want = _both(text, rules, plain_rules)
    assert got == want
    assert _forms(text, money.money_rules(rules)) == _forms(text, plain_rules)


def test_real_sentences_keep_their_amounts(rules):
    """The lookup does not only agree with the old search: the amounts are there."""
    text = "Prices were US$5 and HK$3 on Monday; a stamp cost 10c. It plans 380 billion yuan ($52.4 billion)."
    found = money._candidates(text, rules, money.money_rules(rules))
    assert [(m.currency_raw, str(m.amount)) for m in found] == [
        ("US$", "5"), ("HK$", "3"), ("c", "0.10"), ("yuan", "380000000000"), ("$", "52400000000.0"),
    ]


def test_raw_articles_and_a_very_long_text(rules, plain_rules):
    """raw/ one by one and eight times over as one text (~270k characters): same candidates, and
    most of the text is not searched."""
    mr = money.money_rules(rules)
    long_text = "\n\n".join(RAW_TEXTS * 8)
    for text in [*RAW_TEXTS, long_text]:
        got, want = _both(text, rules, plain_rules)
        assert got == want
        assert _forms(text, mr) == _forms(text, plain_rules)
    covered = sum(e - s for s, e in mr.regions.windows(long_text))
    assert len(money._candidates(long_text, rules, mr)) > 150
    assert covered < 0.6 * len(long_text), covered / len(long_text)


def _lexicon_entries(rules) -> list[str]:
    data = rules.get("money")
    words = [*data["prefix_symbols"], *data["codes"], *data["names"], *all_subunits(data), *data["lowercase_codes"],
             *data["names_before_number"], *data["subunits_before_number"]]
    return sorted({str(w) for w in words})


def test_every_lexicon_entry_in_every_place(rules, plain_rules):
    """Each symbol, code, name and mark of rules/money.yaml as written, in capitals and in lower case,
    before and after a number, glued and spaced, after an article, a hyphen, "between", inside a
    bracket and at both ends of a text: every form finds what it found over the whole text."""
    mr = money.money_rules(rules)
    shapes = (
        "{w}5", "{w} 5", "5{w}", "5 {w}", "5 {w}s", "paid {w} 42 million.", "paid 42 million {w}.", "a {w}",
        "a 12-{w} dividend", "between 10 and 20 {w}", "between {w}10 and {w}20", "10-20 {w}", "{w}2-3 billion",
        "(\"{w}5\")", "({w} 5)", "it was 5 {w}", "x{w}5 and 5{w}x", "{w}",
    )
    checked = 0
    for word in _lexicon_entries(rules):
        for variant in {word, word.upper(), word.lower(), word.title()}:
            filled = [shape.format(w=variant) for shape in shapes]
            # each shape in a stretch of its own (";" is a break), and all in one stretch
            for piece in ("; ".join(filled), " ".join(filled), "\n".join(filled)):
                assert _forms(piece, mr) == _forms(piece, plain_rules), (word, piece[:80])
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    ("source", "flags", "unconsumed"),
    [
        pytest.param(r"\d+", 0, "not digits", id="digits"),
        pytest.param(r"\d+(?=%)", 0, "not digits or %", id="a-lookahead-consumes-too"),
        pytest.param(r"(?<![(\w])\d", 0, "not digits, word characters or (", id="a-lookbehind-consumes-too"),
        pytest.param(r"(?i)k", 0, "not k or K", id="ignorecase-both-cases"),
        pytest.param(r"(?i:a)(?-i:B)", 0, "not a, A or B", id="case-switched-inside"),
        pytest.param(r"[^\S\n]+", 0, "not whitespace but the newline", id="negated-class"),
        pytest.param(r"x.", 0, "only the newline", id="any-character"),
        pytest.param(r"(a)\1", 0, "nothing: a backreference is not known", id="backreference"),
    ],
)
def test_unconsumed_characters(source, flags, unconsumed):
    from re import _parser

    got = unconsumed_ascii(_parser.parse(source, flags), flags)
    everything = {chr(i) for i in range(128)}
    want = {
        "not digits": everything - set("0123456789"),
        "not digits or %": everything - set("0123456789%"),
        "not digits, word characters or (": everything - {ch for ch in everything if re.match(r"\w", ch)} - {"("},
        "not k or K": everything - {"k", "K"},
        "not a, A or B": everything - {"a", "A", "B"},
        "not whitespace but the newline": everything - ({ch for ch in everything if ch.isspace()} - {"\n"}),
        "only the newline": {"\n"},
        "nothing: a backreference is not known": set(),
    }[unconsumed]
    assert got == want


def test_money_breaks_are_punctuation_no_form_uses(rules):
    breaks = money.money_rules(rules).regions.breaks
    chars = {chr(i) for i in range(128) if breaks.match(chr(i))}
    assert {"(", "\"", ";", ":", "?", "!"} <= chars
    assert not chars & set("$.,-/' \n\tabcXYZ0123456789%~")


def test_windows_merge_neighbours_and_skip_stretches_without_an_anchor():
    regions = Regions(breaks=re.compile("[;]"), anchors=(re.compile(r"\$"),))
    assert regions.windows("a; b $1; c; $2; d; e") == [(2, 8), (11, 15)]
    assert regions.windows("$1;$2") == [(0, 5)]
    assert regions.windows("nothing; here") == []
    assert Regions(breaks=None, anchors=(re.compile("x"),)).windows("a x b") == [(0, 5)]


def test_unconsumed_kept_on_disk(tmp_path, monkeypatch):
    """Asked before the pattern is compiled: worked out from the parse that compiles it, kept beside its
    program, read back with it in a new process (empty memos) with no parse at all; asked after the
    pattern was compiled, it costs one more parse and gives the same answer."""
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path))
    for memo in ("_memo", "_unconsumed"):
        monkeypatch.setattr(patterns, memo, {})
    source = r"(?<![\w(])(?:" + "|".join(f"word{i}" for i in range(200)) + r")\b"
    parses = patterns.parsed_for_unconsumed
    first = patterns.unconsumed(source, re.I)
    assert patterns.parsed_for_unconsumed == parses, "one parse compiled it and gave the answer"
    assert len(list(tmp_path.glob("*.unconsumed"))) == len(list(tmp_path.glob("*.marshal"))) == 1
    assert "@" in first and not {"(", "w", "W", "0", "_"} & first  # the lookbehind reads "(" too
    for memo in ("_memo", "_unconsumed"):
        monkeypatch.setattr(patterns, memo, {})
    compiled = patterns.compiled_from_source
    assert patterns.unconsumed(source, re.I) == first
    assert (patterns.compiled_from_source, patterns.parsed_for_unconsumed) == (compiled, parses), "read back"
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", "off")
    for memo in ("_memo", "_unconsumed"):
        monkeypatch.setattr(patterns, memo, {})
    patterns.compile(source, re.I)
    assert patterns.unconsumed(source, re.I) == first
    assert patterns.parsed_for_unconsumed == parses + 1, "compiled before it was asked: parsed again"


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="re's case folding is CPython's")
def test_folded_word_boundaries_hold_for_all_of_unicode():
    """The folded anchors put ``(?<![a-z])`` and ``(?![a-z])`` where the forms put ``[A-Za-z]`` under
    ignore-case (or ``\\w``): right only if the characters an ignore-case ``[A-Za-z]`` matches are
    exactly those ``fold`` turns into an ASCII letter, and if ``fold`` keeps every length."""
    letter = re.compile("[A-Za-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        folded = fold(ch)
        assert len(folded) == 1, hex(code)
        assert bool(letter.match(ch)) == (folded.isascii() and folded.isalpha()), hex(code)
