"""The facts index reads token sets from the Doc's attribute columns instead of Python Tokens and Spans
(pipeline/facts/identity.py, issue 22): each reading must be exactly the one the Token / Span API gives,
on real sentences with entities of every kind next to each other, at the text's edges and none at all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.attrs import LOWER, TAG

from pipeline.facts.config import fact_rules
from pipeline.facts.identity import (
    _LONE_CAPITAL,
    _MIXED_CASE,
    _entity_token_indices,
    _last_words,
    _lone_capital_tokens,
    _mixed_case,
    _mixed_case_tokens,
    _string_ids,
    _tokens_where,
)

REPO = Path(__file__).resolve().parent.parent

SENTENCES = [
    "Tencent's revenue rose 11% to 167 billion yuan in the third quarter of 2024, the company said on Wednesday.",
    "On Dec. 3, 2024, ByteDance said Doubao had 59.98 million monthly active users in November.",
    "Brent crude oil surpasses US$110 per barrel while gold climbs to $2,400 an ounce and iron ore slips.",
    "Nigeria fully repays its debt of $3.4 billion to the IMF, three months early.",
    "Hudson's Bay shares closed at C$35 on Friday; Hudson's Bay said it will redeem 1.2 million notes.",
    "while X reports about 250 million daily users, the first quarter saw 5 percent growth at 9 a.m.",
    "no entity here at all",
    "2024",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(SENTENCES))


@pytest.fixture(scope="module")
def fr(rules):
    return fact_rules(rules)


@pytest.mark.parametrize("labels", [None, frozenset({"DATE"}), frozenset({"ORG", "GPE"}), frozenset({"NOPE"})])
def test_entity_tokens_are_the_tokens_of_doc_ents(docs, fr, labels):
    labels = fr.not_name_labels if labels is None else labels
    for doc in docs:
        expected = [t.i for e in doc.ents if e.label_ in labels for t in e]
        assert _entity_token_indices(doc, labels) == expected, doc.text


def test_entity_tokens_follow_ents_set_by_hand(nlp):
    doc = nlp.make_doc("Apple and Google met in Paris on Monday")
    doc.ents = [doc.char_span(0, 5, "ORG"), doc.char_span(10, 16, "ORG"), doc.char_span(24, 29, "GPE")]
    assert _entity_token_indices(doc, frozenset({"ORG"})) == [0, 2]
    assert _entity_token_indices(doc, frozenset({"GPE", "DATE"})) == [5]
    assert _entity_token_indices(nlp.make_doc(""), frozenset({"ORG"})) == []


def test_tokens_where_finds_the_tokens_the_token_api_finds(docs, fr):
    words = _last_words(fr.traded_nouns)
    for doc in docs:
        by_tag = [t.i for t in _tokens_where(doc, TAG, _string_ids(doc, fr.proper_noun_tags))]
        assert by_tag == [t.i for t in doc if t.tag_ in fr.proper_noun_tags], doc.text
        by_word = [t.i for t in _tokens_where(doc, LOWER, _string_ids(doc, words))]
        assert by_word == [t.i for t in doc if t.lower_ in words], doc.text
    assert any(_tokens_where(doc, LOWER, _string_ids(doc, words)) for doc in docs)  # the sentences hold traded words


#: the two scans as first written, opening with the character before the capital (a class, a look-behind): the
#: engine tries them at every character; the module's versions open with the capital (speed round 14)
PLAIN_MIXED_CASE = re.compile(r"[^\W\d_A-Z][A-Z]")
PLAIN_LONE_CAPITAL = re.compile(r"(?<![\w.'&-])[A-Z](?![\w.'&-])")

CAPITAL_EDGES = [
    "", "A", "X reports", "reports X", "aB", "Ab", "AB", "éA", "ßX", "3D", "_X", "a_B", "x.Y", "U.S.", "J. Smith",
    "AT&T", "S&P 500", "a-B", "Plan-B", "O'Neil", "rock 'n' X", "aBcD", "aBC", "eBay, iPhone and OpenAI", "IndiGo",
    "(X) [Y] {Z} \"W\"", "X\nY", "\u00c9X", "xA\u0301", "Class C warrants, Plan B and the letter Q.",
]


def _strings_of(test_file: str) -> list[str]:
    """Every sentence-like string constant of a test module: real sentences of the facts tables."""
    tree = ast.parse((REPO / "tests" / test_file).read_text(encoding="utf-8"))
    return sorted({node.value for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 12 and " " in node.value})


def test_capital_scans_find_what_the_plain_patterns_find():
    """The mixed-case scan matches the capital (``before=1`` gives its pair's span) and the lone-capital scan reads the
    character before its capital from after it: the same places as the plain patterns, on edge texts and real text."""
    texts = CAPITAL_EDGES + [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]
    texts += _strings_of("test_facts.py") + _strings_of("test_facts_other.py")
    mixed = lone = 0
    for text in texts:
        want = [m.span() for m in PLAIN_MIXED_CASE.finditer(text)]
        assert [(m.start() - 1, m.end()) for m in _MIXED_CASE.finditer(text)] == want, text[:200]
        mixed += len(want)
        want = [m.span() for m in PLAIN_LONE_CAPITAL.finditer(text)]
        assert [m.span() for m in _LONE_CAPITAL.finditer(text)] == want, text[:200]
        lone += len(want)
    assert mixed > 50 and lone > 50  # the texts hold both: the comparison is not over empty lists


def test_capital_tokens_are_the_tokens_the_token_api_finds(nlp):
    doc = nlp("IndiGo and eBay rose while X fell; the U.S. firm AT&T and iPhone maker Apple met J. Smith. A day, I said.")
    assert [t.text for t in _mixed_case_tokens(doc, doc.text)] == [t.text for t in doc if _mixed_case(t)] == ["IndiGo", "eBay", "iPhone"]
    assert [t.text for t in _lone_capital_tokens(doc, doc.text)] == ["X", "A", "I"]
