"""The headline present-tense repair (pipeline/present_tense.py): real Current events sentences whose verb
the small model reads as a noun get a verb root and a subject; sentences it parses well are untouched."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from spacy.attrs import DEP, HEAD, TAG

from pipeline.errors import RulesError
from pipeline.present_tense import compile_repair_rules, past_spelling, repair_rules
from pipeline.rules import Rules

# (sentence, the verb, its subject's head word, the verb's tag after the repair)
REPAIRED = [
    ("The European Union fines luxury brands Gucci, Chloé, and Loewe over €157 million (US$182.5 million) for violating "
     "EU competition laws through price fixing.", "fines", "Union", "VBZ"),
    ("The Italian Competition Authority fines Irish low-cost carrier Ryanair €255 million (US$300 million) for allegedly "
     "abusing its dominant market position.", "fines", "Authority", "VBZ"),
    ("Astronauts Sunita Williams and Barry Wilmore return to Earth aboard the SpaceX Crew-9 Dragon 2 capsule after nine "
     "months on the International Space Station (ISS).", "return", "Williams", "VBP"),
    ("American fashion retailer Claire's closes all of its 154 stores in Ireland and the United Kingdom with the loss of "
     "1,300 jobs after collapsing into administration for a second time in a year.", "closes", "Claire", "VBZ"),
    # the tagger gives "surpasses" 0.001 and "tops" 0.007 here: tried as a third-person form after a singular noun
    ("The price of oil surpasses US$100 per barrel for the first time in four years.", "surpasses", "price", "VBZ"),
    ("The price of gold tops US$3,000 per ounce for the first time.", "tops", "price", "VBZ"),
    ("The U.S. Department of the Treasury postpones sanctions on Serbian oil company Naftna Industrija Srbije until "
     "October 8, 2025.", "postpones", "Department", "VBZ"),
]

# sentences the repair must leave exactly as the model parsed them
UNTOUCHED = [
    "Toshiba sold its memory unit to a consortium led by Bain Capital for US$18 billion.",  # a verb root already
    "European stock exchanges including the German DAX, the French CAC 40, and the British FTSE 100 report losses "
    "afterwards.",  # "exchanges" is the noun it looks like: no parse rooted there holds
    "Le bilan est lourd, plusieurs policiers ont perdu la vie.",  # not English
    "Games store display",  # a caption, no verb to find
    "Rats, you mean, in general in the experiment?",  # a pronoun subject is not a misread headline
    "Friday, January 4, 2019",
]


def _parse_without_repair(nlp, text):
    with nlp.select_pipes(disable=["newsfacts_present_tense_repair"]):
        return nlp(text)


def test_component_runs_after_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("newsfacts_present_tense_repair") == names.index("parser") + 1


@pytest.mark.parametrize("text,verb,subject,tag", REPAIRED, ids=[r[1] + "-" + r[2] for r in REPAIRED])
def test_misread_present_tense_gets_a_verb_root(nlp, text, verb, subject, tag) -> None:
    before = _parse_without_repair(nlp, text)
    assert not before[:].root.tag_.startswith("VB") or [t.text for t in before if t.dep_ == "ROOT"] != [verb]
    doc = nlp(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    assert [t.text for t in roots] == [verb]
    assert roots[0].tag_ == tag
    assert [c.text for c in roots[0].children if c.dep_ == "nsubj"] == [subject]
    # the text, the tokens and the named entities are the model's own
    assert [t.text for t in doc] == [t.text for t in before]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in before.ents]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_sentences_parsed_well_or_without_a_verb_are_untouched(nlp, text) -> None:
    before = _parse_without_repair(nlp, text)
    after = nlp(text)
    assert (after.to_array([HEAD, DEP, TAG]) == before.to_array([HEAD, DEP, TAG])).all()


def test_other_sentences_and_boundaries_of_the_article_stay(nlp) -> None:
    text = ("Ryanair reported a profit of €1.9 billion.\nThe Italian Competition Authority fines Irish low-cost carrier "
            "Ryanair €255 million.\nThe airline said it would appeal.")
    before = _parse_without_repair(nlp, text)
    after = nlp(text)
    assert [s.text for s in after.sents] == [s.text for s in before.sents]
    first, _, last = list(after.sents)
    b_first, _, b_last = list(before.sents)
    for a, b in ((first, b_first), (last, b_last)):
        assert [(t.head.i, t.dep_, t.tag_) for t in a] == [(t.head.i, t.dep_, t.tag_) for t in b]
    assert [t.text for t in list(after.sents)[1] if t.dep_ == "ROOT"] == ["fines"]


@pytest.mark.parametrize("word,past", [
    ("fines", "fined"), ("surpasses", "surpassed"), ("announces", "announced"), ("return", "returned"),
    ("rallies", "rallied"), ("closes", "closed"), ("lifts", "lifted"), ("experience", "experienced"),
    ("pledge", "pledged"), ("reaches", "reached"), ("pushes", "pushed"), ("fixes", "fixed"), ("rally", "rallied"),
])
def test_past_spelling(rules, word, past) -> None:
    assert past_spelling(word, repair_rules(rules).past_spelling) == past


@pytest.mark.parametrize("key,value,message", [
    ("past_spelling", [["es"]], "past_spelling"),
    ("min_verb_probability", 1.5, "min_verb_probability"),
    ("attempts_per_sentence", 0, "attempts_per_sentence"),
    ("typo_key", 1, "typo_key"),
    ("agreeing_form", {"suffix": "s"}, "agreeing_form"),
])
def test_bad_rules_name_the_key(rules, key, value, message) -> None:
    pos = dict(rules.get("pos"))
    repair = dict(pos["present_tense_repair"])
    repair[key] = value
    pos["present_tense_repair"] = MappingProxyType(repair)
    broken = Rules(root=rules.root, files=MappingProxyType({**rules.files, "pos": MappingProxyType(pos)}), sha256="x")
    with pytest.raises(RulesError, match=message):
        compile_repair_rules(broken)


def test_a_doc_without_the_tok2vec_tensor_leaves_the_choice_to_the_parse_test(nlp) -> None:
    """A Doc the shared tok2vec did not fill (another model, a Doc built by hand) gets no probability
    filter: the side parse alone decides, and later Docs still get the filter."""
    repair = nlp.get_pipe("newsfacts_present_tense_repair")
    bare = nlp.make_doc("The price of oil surpasses US$100 per barrel.")
    assert repair._verb_probability(bare[4]) == 1.0
    parsed = nlp("The price of oil surpasses US$100 per barrel.")
    assert repair._verb_probability(parsed[1]) < 0.05  # "price" is no verb
