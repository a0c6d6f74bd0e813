"""The facts index reads token sets from the Doc's attribute columns instead of Python Tokens and Spans
(pipeline/facts/identity.py, issue 22): each reading must be exactly the one the Token / Span API gives,
on real sentences with entities of every kind next to each other, at the text's edges and none at all."""

from __future__ import annotations

import pytest
from spacy.attrs import LOWER, TAG

from pipeline.facts.config import fact_rules
from pipeline.facts.identity import _entity_token_indices, _last_words, _string_ids, _tokens_where

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
