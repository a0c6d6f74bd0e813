"""Re-parse headline-style sentences whose present-tense verb the parser read as a noun.

Why: Wikipedia's Current events pages, wire summaries and ledes are written in the historic present
("The European Union fines luxury brands Gucci, Chloé, and Loewe over €157 million", "Brent crude oil
surpasses US$110 per barrel"). The small English model reads "fines" / "surpasses" as a plural noun and
hangs the whole sentence from it, so the sentence has no verb, no grammatical subject and no object,
and every parse rule downstream (who pays, whose price, which clause a date belongs to) fails on it.
About 6 % of Current events sentences come out this way; in past-tense prose it is rare.

The same model parses the past tense of those sentences correctly ("The European Union fined ...").
So, for a sentence whose root is not a verb: take the first English (ASCII) word after a nominal that the tagger
itself finds plausible as a present-tense verb (its own probability for VB/VBZ/VBP, not a word list),
parse the sentence once more with that word in a regular past-tense spelling (``-ed``: the parser reads
the suffix, so "selled" parses like "sold"), and keep the new parse only if it is one tree rooted at
that word with a subject to its left. The word keeps its text; its tag becomes VBZ/VBP; the tokens
of the sentence take the new parse's heads and labels (the side parse runs tok2vec and the parser
only: the parser does not read tags, and the other tags stay as they were). Named entities are untouched.

Everything that decides (tags, labels, the probability floor, the spelling rules) is data in
rules/pos.yaml (``present_tense_repair``). The repair costs one sentence parse per repaired sentence;
sentences with a verb root (nearly all prose) cost one tag comparison.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.errors import RulesError
from pipeline.rules import Rules, check_keys, load_rules

REPAIR_KEYS = (
    "root_verb_tags", "candidate_tags", "verbal_deps", "nominal_tags", "min_verb_probability",
    "subject_deps", "past_spelling", "third_person_tag", "plural_tag", "attempts_per_sentence",
    "agreeing_form",
)
AGREEING_KEYS = ("min_verb_probability", "before_tags", "suffix", "next_tags")


@dataclass(frozen=True)
class RepairRules:
    """rules/pos.yaml ``present_tense_repair``, validated."""

    root_verb_tags: frozenset[str]
    candidate_tags: tuple[str, ...]
    verbal_deps: frozenset[str]
    nominal_tags: frozenset[str]
    min_verb_probability: float
    subject_deps: frozenset[str]
    past_spelling: tuple[tuple[str, str], ...]
    third_person_tag: str
    plural_tag: str
    attempts_per_sentence: int
    #: the lower floor for a third-person form right after a singular noun and before an amount or a noun
    #: phrase ("The price of oil surpasses US$100 per barrel": the tagger gives "surpasses" 0.001)
    agreeing_floor: float
    agreeing_before: frozenset[str]
    agreeing_suffix: str
    agreeing_next: frozenset[str]


def compile_repair_rules(rules: Rules) -> RepairRules:
    """Validate rules/pos.yaml ``present_tense_repair`` strictly."""
    where = f"{rules.path('pos')}: present_tense_repair"
    data = rules.get("pos").get("present_tense_repair")
    if not isinstance(data, Mapping):
        raise RulesError(f"{where}: missing or not a mapping")
    check_keys(data, where=where, required=REPAIR_KEYS)
    spelling = []
    for i, pair in enumerate(data["past_spelling"]):
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                raise RulesError(f"{where}: past_spelling[{i}] must be [ending, replacement], got {pair!r}")
        spelling.append((pair[0], pair[1]))
    attempts = data["attempts_per_sentence"]
    if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 1:
        raise RulesError(f"{where}: attempts_per_sentence must be a whole number >= 1, got {attempts!r}")
    agreeing = data["agreeing_form"]
    if not isinstance(agreeing, Mapping):
        raise RulesError(f"{where}: agreeing_form must be a mapping")
    check_keys(agreeing, where=f"{where}: agreeing_form", required=AGREEING_KEYS)
    floor = float(data["min_verb_probability"])
    if not 0.0 < floor < 1.0:
        raise RulesError(f"{where}: min_verb_probability must be between 0 and 1, got {floor}")
    return RepairRules(
        root_verb_tags=frozenset(data["root_verb_tags"]),
        candidate_tags=tuple(data["candidate_tags"]),
        verbal_deps=frozenset(data["verbal_deps"]),
        nominal_tags=frozenset(data["nominal_tags"]),
        min_verb_probability=floor,
        subject_deps=frozenset(data["subject_deps"]),
        past_spelling=tuple(spelling),
        third_person_tag=str(data["third_person_tag"]),
        plural_tag=str(data["plural_tag"]),
        attempts_per_sentence=int(data["attempts_per_sentence"]),
        agreeing_floor=float(agreeing["min_verb_probability"]),
        agreeing_before=frozenset(agreeing["before_tags"]),
        agreeing_suffix=str(agreeing["suffix"]),
        agreeing_next=frozenset(agreeing["next_tags"]),
    )


def repair_rules(rules: Rules) -> RepairRules:
    return rules.derived("pos.present_tense_repair", compile_repair_rules)


def past_spelling(word: str, spelling: tuple[tuple[str, str], ...]) -> str:
    """A regular past tense of a present-tense form: the first matching (ending -> replacement)."""
    for ending, replacement in spelling:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: len(word) - len(ending)] + replacement
    return word + "ed"


@Language.factory("newsfacts_present_tense_repair", default_config={"rules_dir": None})
def make_present_tense_repair(nlp: Language, name: str, rules_dir: str | None) -> "PresentTenseRepair":
    from pipeline.settings import Settings

    return PresentTenseRepair(nlp, repair_rules(load_rules(rules_dir or Settings().rules_dir)))


class PresentTenseRepair:
    """The spaCy component (after the parser); see the module docstring."""

    def __init__(self, nlp: Language, rules: RepairRules) -> None:
        self.nlp = nlp
        self.rules = rules
        self._upstream: list[str] | None = None
        self._softmax: tuple | bool | None = None

    def _parse_components(self) -> list[str]:
        """The model's components up to and including the parser (ours left out): what the side parse runs."""
        if self._upstream is None:
            names = []
            for pipe_name in self.nlp.pipe_names:
                if pipe_name.startswith("newsfacts_") or pipe_name in ("entity_ruler", "tagger"):
                    continue
                names.append(pipe_name)
                if pipe_name == "parser":
                    break
            self._upstream = names
        return self._upstream

    def _verb_probability(self, tok: Token) -> float:
        """P(tag in candidate_tags) for one token, from the tagger's own scores.

        The tagger is the shared tok2vec's output (``doc.tensor``) through one softmax layer, so the
        scores of one token are one row times that layer's weights: no second pass over the document.
        The model's tagger leaves its scores unnormalised at inference; they are normalised here.
        Returns 1.0 (trust the parse test alone) for a model whose tagger is built differently.
        """
        if self._softmax is None:
            tagger = self.nlp.get_pipe("tagger")
            layers = [layer for layer in tagger.model.walk() if layer.name == "softmax"]
            labels = list(tagger.labels)
            if len(layers) != 1:
                self._softmax = False
            else:
                weights = numpy.asarray(layers[0].get_param("W"), dtype="float64")
                bias = numpy.asarray(layers[0].get_param("b"), dtype="float64")
                columns = [labels.index(t) for t in self.rules.candidate_tags if t in labels]
                self._softmax = (weights, bias, columns)
        tensor = tok.doc.tensor
        if self._softmax is False or tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(tok.doc):
            return 1.0
        weights, bias, columns = self._softmax
        if tensor.shape[1] != weights.shape[1]:
            return 1.0
        scores = weights @ numpy.asarray(tensor[tok.i], dtype="float64") + bias
        scores = numpy.exp(scores - scores.max())
        return float(scores[columns].sum() / scores.sum())

    def _side_parse(self, text: str) -> Doc:
        side = self.nlp.make_doc(text)
        for pipe_name in self._parse_components():
            side = self.nlp.get_pipe(pipe_name)(side)
        return side

    def _repair(self, sent: Span) -> tuple[Doc, int] | None:
        """(side parse, index of the verb in the sentence) for the first candidate that parses well."""
        r = self.rules
        doc = sent.doc
        attempts = 0
        for tok in sent:
            if attempts >= r.attempts_per_sentence:
                break
            if tok.i == sent.start or not tok.is_alpha or not tok.is_lower or not tok.is_ascii:
                continue
            if tok.tag_ in r.root_verb_tags and tok.dep_ in r.verbal_deps:
                continue
            before = doc[tok.i - 1]
            if not (before.tag_ in r.nominal_tags or before.ent_type):
                continue
            probability = self._verb_probability(tok)
            if probability < r.min_verb_probability and not (
                probability >= r.agreeing_floor
                and before.tag_ in r.agreeing_before
                and tok.lower_.endswith(r.agreeing_suffix)
                and tok.i + 1 < sent.end
                and doc[tok.i + 1].tag_ in r.agreeing_next
            ):
                continue
            rel = tok.idx - sent.start_char
            text = sent.text
            alt = text[:rel] + past_spelling(tok.text, r.past_spelling) + text[rel + len(tok.text):]
            attempts += 1
            side = self._side_parse(alt)
            if len(side) != len(sent):
                continue
            if any(a.text != b.text for a, b in zip(side, sent) if b.i != tok.i):
                continue
            roots = [t for t in side if t.dep_ == "ROOT"]
            k = tok.i - sent.start
            if len(roots) != 1 or roots[0].i != k:
                continue
            if not any(c.dep_ in r.subject_deps and c.i < k for c in roots[0].children):
                continue
            return side, k
        return None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or "tagger" not in self.nlp.pipe_names:
            return doc
        r = self.rules
        todo = [s for s in doc.sents if s.root.tag_ not in r.root_verb_tags and len(s) > 2]
        if not todo:
            return doc
        fixes = [(s, fix) for s in todo if (fix := self._repair(s)) is not None]
        if not fixes:
            return doc
        arr = doc.to_array([HEAD, DEP, TAG])  # uint64: string hashes; HEAD is a signed offset stored wrapped
        strings = doc.vocab.strings
        for sent, (side, k) in fixes:
            for j, t in enumerate(side):
                i = sent.start + j
                arr[i, 0] = ((sent.start + t.head.i) - i) % 2**64
                arr[i, 1] = strings.add(t.dep_)
            verb = sent.start + k
            arr[verb, 2] = strings.add(r.third_person_tag if doc[verb].lower_.endswith("s") else r.plural_tag)
        ents = list(doc.ents)
        doc.from_array([HEAD, DEP, TAG], arr)
        doc.ents = ents
        return doc
