"""pipeline/lexicon.py: the alternations, the nearest cue, cue voting and the currency lexicon that money
(running text) and prices (single price strings) share. No spaCy model needed."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from pipeline.lexicon import YEN_SIGN, alternation, bounded, cue_winner, currencies, nearest_cue, trie

# (id, words, text, what the alternation finds first) — longest first: "US$" before "$"
ALTERNATIONS = [
    ("longest-first", ["$", "US$"], "costs US$5", "US$"),
    ("phrase-before-word", ["dollar", "hong kong dollar"], "50 hong kong dollars", "hong kong dollar"),
    ("escaped", ["ca.", "c"], "ca. 5", "ca."),
    ("yaml-number", [2024, "FY"], "in 2024", "2024"),
]


@pytest.mark.parametrize("words,text,found", [c[1:] for c in ALTERNATIONS], ids=[c[0] for c in ALTERNATIONS])
def test_alternation_tries_the_longest_word_first(words, text, found) -> None:
    assert re.search(alternation(words), text).group(0) == found
    assert re.search(trie(str(w) for w in words), text).group(0) == found


def test_alternation_text_is_the_same_in_every_order() -> None:
    """A total order (length, then alphabet): the pattern text, and so the regex cache key, is stable."""
    words = ["won", "yen", "kr", "rmb", "usd"]
    assert alternation(words) == alternation(reversed(words)) == alternation(set(words))


# (id, words, edge, text, found or None)
BOUNDED = [
    ("not-inside-a-word", ["over"], r"\w", "moreover, over 5", "over"),
    ("whole-word-only", ["over"], r"\w", "moreover", None),
    ("hyphen-edge", ["view"], r"[\w-]", "pay-per-view", None),
    ("hyphen-allowed-by-default", ["view"], r"\w", "pay-per-view", "view"),
]


@pytest.mark.parametrize("words,edge,text,found", [c[1:] for c in BOUNDED], ids=[c[0] for c in BOUNDED])
def test_bounded(words, edge, text, found) -> None:
    m = re.search(bounded(words, edge=edge), text)
    assert (m.group(0) if m else None) == found


# (id, cue spans, amount span, (distance, index) or None) — ties go to the earlier cue
NEAREST = [
    ("none", [], (10, 14), None),
    ("before", [(0, 5)], (10, 14), (5, 0)),
    ("after", [(20, 25)], (10, 14), (6, 0)),
    ("overlapping", [(8, 12)], (10, 14), (0, 0)),
    ("nearer-after", [(0, 2), (16, 20)], (10, 14), (2, 1)),
    ("tie-goes-before", [(0, 7), (17, 20)], (10, 14), (3, 0)),
    ("far-ones-skipped", [(0, 1), (2, 3), (30, 31), (40, 41)], (10, 14), (7, 1)),
]


@pytest.mark.parametrize("spans,amount,expected", [c[1:] for c in NEAREST], ids=[c[0] for c in NEAREST])
def test_nearest_cue(spans, amount, expected) -> None:
    assert nearest_cue(spans, *amount) == expected
    if spans:  # the binary search agrees with a scan of every cue
        from pipeline.lexicon import distance

        scan = min((distance(*amount, *s), i) for i, s in enumerate(spans))
        assert nearest_cue(spans, *amount) == scan


# (id, text, winner) for cues of two currencies: strictly the most matches wins
CUES = [("NOK", re.compile(r"\bOslo\b|\bNorw\w+")), ("DKK", re.compile(r"\bCopenhagen\b|\bDan\w+"))]
VOTES = [
    ("one-cue", "150 kr at an Oslo store", "NOK"),
    ("more-cues-win", "Danish retailer in Copenhagen, unlike Norway", "DKK"),
    ("tie", "from Oslo to Copenhagen", None),
    ("no-cue", "Pris från 172 kr", None),
]


@pytest.mark.parametrize("text,winner", [c[1:] for c in VOTES], ids=[c[0] for c in VOTES])
def test_cue_winner(text, winner) -> None:
    assert cue_winner(text, CUES) == winner


# (id, as written, (code, rule, factor, lexicon key)) from rules/money.yaml
ENTRIES = [
    ("symbol", "US$", ("USD", "symbol", Decimal(1), "us$")),
    ("plural-name", "dinars", ("KWD", "code_or_name", Decimal(1), "dinar")),
    ("subunit", "cents", ("USD", "subunit", Decimal("0.01"), "cent")),
    ("yen-sign", "¥", (YEN_SIGN, "symbol", Decimal(1), "¥")),
    ("unknown", "apples", (None, "unknown", Decimal(1), "apples")),
]


@pytest.mark.parametrize("raw,expected", [c[1:] for c in ENTRIES], ids=[c[0] for c in ENTRIES])
def test_currency_entry(rules, raw, expected) -> None:
    assert currencies(rules).entry(raw) == expected


def test_shared_name_and_yen_votes_from_the_money_rules(rules) -> None:
    lexicon = currencies(rules)
    assert lexicon.shared_name("dinar", "Iraq's central bank said") == "IQD"
    assert lexicon.shared_name("dinar", "It cost 10 dinars.") is None  # no cue: the caller's default
    assert lexicon.shared_name("euro", "Berlin") is None  # not a shared name
    assert lexicon.yen_vote("Alibaba in Hangzhou") > 0
    assert lexicon.yen_vote("Sony in Tokyo") < 0
    assert lexicon.yen_vote("a company") == 0
