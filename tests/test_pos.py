"""Word classes without the attribute_ruler: rules/pos.yaml answers exactly as the model's ruler would.

The pipeline excludes the model's attribute_ruler (a Matcher over ~180 patterns, ~13 % of the model's
time) and asks ``pipeline.nlp.word_class`` instead. These tests run the model's own attribute_ruler
over the tags, dependency labels and words its patterns name, and check every answer; then that dates
still read the tense on news sentences (facts climb clauses through the same function: tests/test_facts.py
and the gold tests run it on raw/).
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.extract import Context
from pipeline.extract.dates import extract as extract_dates
from pipeline.nlp import EXCLUDED_COMPONENTS, word_class, word_classes

#: ordinary words next to the ones the ruler's patterns name: a verb, an adposition, a noun, whitespace
PLAIN_WORDS = ("grow", "of", "revenue", "\n", " ")
#: a dependency label that no pattern and no list names: it stands for all such labels
UNNAMED_DEP = "amod"


def _named(value: object, key: str) -> set[str]:
    """Every string a pattern gives ``key`` (LOWER, TAG, DEP), alone or in an IN / NOT_IN list."""
    found: set[str] = set()
    if isinstance(value, dict):
        for k, sub in value.items():
            if k == key and isinstance(sub, str):
                found.add(sub)
            elif k == key and isinstance(sub, dict):
                found.update(w for op in ("IN", "NOT_IN") for w in sub.get(op, ()) if isinstance(w, str) and w)
            else:
                found |= _named(sub, key)
    elif isinstance(value, (list, tuple)):
        for sub in value:
            found |= _named(sub, key)
    return found


@pytest.fixture(scope="module")
def model(settings):
    """The model with its tagger/parser label sets and its attribute_ruler (nothing else is run)."""
    return spacy.load(settings.model, exclude=["lemmatizer", "senter", "ner", "tok2vec"])


def _expected(pos: str) -> str | None:
    return "verb" if pos in ("VERB", "AUX") else "adposition" if pos == "ADP" else None


def _compare(model, wc, words: list[str], tag: str, dep: str) -> list[tuple]:  # noqa: ANN001
    """Run the ruler over ``words`` (all tagged ``tag``, labelled ``dep``), each once after another
    word with the same label and once after "there" labelled expl; return the disagreements."""
    doc_words = list(words) + [x for w in words for x in ("there", w)]
    doc_tags = [tag] * len(words) + [x for _ in words for x in ("EX", tag)]
    doc_deps = [dep] * len(words) + [x for _ in words for x in ("expl", dep)]
    doc = Doc(model.vocab, words=doc_words, spaces=[False] * len(doc_words), tags=doc_tags, deps=doc_deps,
              heads=list(range(len(doc_words))))
    got = [word_class(tok, wc) for tok in doc]  # before the ruler: pos_ is unset
    model.get_pipe("attribute_ruler")(doc)
    return [(tok.text, tag, dep, doc[tok.i - 1].dep_ if tok.i else None, tok.pos_, answer)
            for tok, answer in zip(doc, got) if answer != _expected(tok.pos_)]


def _words_by_tag(pos_patterns: list, tags: list[str]) -> dict[str, set[str]]:
    """The tags under which each word a POS-setting pattern names is special to the ruler: the tags
    its token pattern names, or all tags when it names none ("do" heading a clause, "there is")."""
    found: dict[str, set[str]] = {tag: set() for tag in tags}
    for entry in pos_patterns:
        for token in (t for alternative in entry["patterns"] for t in alternative):
            words = _named(token, "LOWER")
            for tag in (_named(token, "TAG") if "TAG" in token else tags):
                found.setdefault(tag, set()).update(words)
    return found


def test_word_class_equals_the_models_attribute_ruler(model, rules):
    """Every tag x every label for plain words, after a plain word and after "there" labelled expl.
    Then every word rules/pos.yaml lists x every tag, and every word a POS-setting pattern of the
    ruler names x the tags that pattern names (under other tags it is a plain word to both), each x
    every label a pattern or rules/pos.yaml names + one label neither names (labels no one names are
    alike to both). The ruler is slow (~30 us a token), hence not the full product."""
    wc = word_classes(rules)
    patterns = model.get_pipe("attribute_ruler").patterns
    pos_patterns = [p for p in patterns if "POS" in p["attrs"]]
    listed = {name: set(getattr(wc, name)) for name in wc.__dataclass_fields__}
    matched = [p["patterns"] for p in patterns]
    tags = sorted(set(model.get_pipe("tagger").labels) | _named(matched, "TAG")
                  | {t for name, v in listed.items() if name.endswith("_tags") for t in v})
    deps = sorted(model.get_pipe("parser").labels)
    named_deps = sorted(_named(matched, "DEP") | {d for name, v in listed.items() if name.endswith("_deps") for d in v}
                        | {UNNAMED_DEP})
    listed_words = {w for name, v in listed.items() if name.endswith("_words") or name == "expletive_verbs" for w in v}
    special = _words_by_tag(pos_patterns, tags)
    assert UNNAMED_DEP in deps and UNNAMED_DEP not in _named(matched, "DEP")
    assert {"because", "had", "is"} <= listed_words and {"him", "been"} <= special["PRP"] | special["VBN"]
    assert {"BES", "_SP", "IN", "MD"} <= set(tags)
    mismatches = []
    for tag in tags:
        for dep in deps:
            mismatches += _compare(model, wc, list(PLAIN_WORDS), tag, dep)
        words = sorted(listed_words | special.get(tag, set()))
        for dep in named_deps:
            mismatches += _compare(model, wc, words, tag, dep)
    assert not mismatches, mismatches[:20]


def test_built_pipeline_has_no_attribute_ruler_and_sets_no_pos(nlp, rules):
    assert "attribute_ruler" in EXCLUDED_COMPONENTS
    assert "attribute_ruler" not in nlp.pipe_names
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Doubao's daily active users rose because ByteDance cut prices in May.")
    assert all(tok.pos == 0 for tok in doc)  # word_class reads tags and labels, not pos_
    wc = word_classes(rules)
    assert [word_class(t, wc) for t in doc if t.text in ("rose", "because", "in")] == ["verb", None, "adposition"]


def test_a_model_that_sets_pos_itself_is_trusted(settings, rules):
    """With its attribute_ruler kept, pos_ is set and word_class reads it (a morphologizer would too)."""
    full = spacy.load(settings.model, exclude=["lemmatizer", "senter", "ner"])
    wc = word_classes(rules)
    doc = full("There is a rule that every model will grow by 2025.")
    assert any(tok.pos for tok in doc)
    assert [word_class(t, wc) for t in doc] == [_expected(t.pos_) for t in doc]


def test_a_model_without_tagger_or_parser_does_not_crash(rules, settings):
    """Another model may lack components: no tags, no labels -> no verb, no adposition, no error."""
    doc = spacy.blank("en")("Doubao will grow in 2025.")
    wc = word_classes(rules)
    assert [word_class(t, wc) for t in doc] == [None] * len(doc)
    rows = extract_dates(doc, Context("t", date(2024, 6, 10), rules, settings), {})
    assert [r["value"] for r in rows] == ["2025"]


# (id, sentence, published, span, value): the tense of the governing verb moves a bare month or
# weekday to the past or the future of the publication date.
TENSE_CASES = [
    ("past-simple", "ByteDance cut the price of its Doubao models in August.", "2024-06-10", "August", "2023-08"),
    ("future-will", "ByteDance will cut the price of its Doubao models in March.", "2024-06-10", "March", "2025-03"),
    ("past-auxiliary", "Doubao's daily active users had doubled by April, the company said.", "2024-03-10", "April", "2023-04"),
    ("weekday-future", "ByteDance will publish the results of the test on Friday, a spokesperson said.", "2024-06-12", "on Friday", "2024-06-14"),
    ("future-contracted", "We'll open the platform to outside developers in February, the company said.", "2024-06-10", "February", "2025-02"),
]


@pytest.mark.parametrize("case", TENSE_CASES, ids=[c[0] for c in TENSE_CASES])
def test_dates_read_the_tense_without_the_attribute_ruler(nlp, rules, settings, case):
    _, sentence, published, span, value = case
    doc = nlp(sentence)
    rows = extract_dates(doc, Context("t", date.fromisoformat(published), rules, settings), {})
    hits = [r for r in rows if sentence[r["start"] : r["end"]] == span]
    assert hits, [sentence[r["start"] : r["end"]] for r in rows]
    assert hits[0]["value"] == value
