"""The article as the subject rules see it (``Scene``), and which entities in a phrase may be subjects.

Why a Scene: every subject rule needs the same read-only view of the article (its Doc, its text read
once, the entity index, the compiled rules, paragraphs, product-variant owners); passing one frozen
object keeps the rules pure functions instead of methods sharing mutable state.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice

from spacy.tokens import Doc, Span, Token

from pipeline.facts.config import FactRules
from pipeline.facts.identity import EntityIndex
from pipeline.facts.records import Entity


@dataclass(frozen=True)
class Scene:
    doc: Doc
    #: Doc.text re-joins every token on each access: read once, sliced many times
    text: str
    index: EntityIndex
    fr: FactRules
    paragraphs: list[tuple[int, int]]
    #: sentence start -> (token index, owner entity) of each possessive product variant in it
    #: ("Doubao's Pro 32k model"), in text order: later variants of that sentence inherit the owner
    variant_owners: dict[int, tuple[tuple[int, Entity], ...]]
    #: the Doc's sentences, read once (``Token.sent`` walks the sentence on every access: quadratic on
    #: a long one), and their first token indices for a binary search
    sents: tuple[Span, ...] = ()
    sent_starts: tuple[int, ...] = ()
    #: per-article memo of answers that depend only on the sentence (its only entity, its topic): a
    #: sentence with many numbers asks the same question once
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    #: the article's headline from the manifest ("" when none)
    title: str = ""
    #: character spans of the article's amounts (money and user counts, conversions left out), in text
    #: order: "X and Y rose to $95 and $86, respectively" pairs them with names by position
    amounts: tuple[tuple[int, int], ...] = ()
    #: lowercased names of the article's publisher (manifest ``source``, the URL's site name): never the
    #: headline's actor
    publisher: frozenset[str] = frozenset()

    def sentence(self, i: int) -> Span:
        """The sentence holding token ``i``."""
        return self.sents[bisect.bisect_right(self.sent_starts, i) - 1]

    @property
    def items(self) -> bool:
        """Is the article a list of one-sentence items (a news portal's day: each line its own story)? Then
        nothing is lent across paragraphs: the line before is another story (memoised)."""
        if "items" not in self.memo:
            paras = [(start, end) for start, end in self.paragraphs if self.text[start:end].strip()]
            starts = self._sent_chars()
            counts = [bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start) for start, end in paras]
            listed = len(counts) >= self.fr.item_list_min and sum(c == 1 for c in counts) >= self.fr.item_list_share * len(counts)
            # a story told in one-sentence paragraphs (newswire) refers back: "The company also retained ..."
            self.memo["items"] = listed and not any(self._refers_back(start) for start, _ in paras[1:])
        return self.memo["items"]

    def _sent_chars(self) -> list[int]:
        """First character of each sentence (memoised: read once per article)."""
        if "sent_chars" not in self.memo:
            self.memo["sent_chars"] = [s.start_char for s in self.sents]
        return self.memo["sent_chars"]

    def _refers_back(self, start: int) -> bool:
        """Is the main clause subject of the first sentence of the paragraph at ``start`` a pronoun, a pronoun's
        possession or a definite description ("It rose", "The British paper, packaging and publishing concern,
        said")?"""
        fr = self.fr
        i = bisect.bisect_left(self._sent_chars(), start)
        if i >= len(self.sents):
            return False
        for tok in self.sents[i].root.children:  # the main clause's subject: an item may say "the company" later
            if tok.dep_ not in fr.subject_deps:
                continue
            word = tok.lower_
            if word in fr.pronouns or word in fr.personal_pronouns:
                return True
            if any(c.dep_ == "poss" and (c.lower_ in fr.possessive_pronouns or c.lower_ in fr.personal_pronouns) for c in tok.children):
                return True
            phrase = list(tok.subtree)  # "The British paper, packaging and publishing concern, said": a
            if phrase[0].lower_ in fr.anaphor_determiners and any(t.lower_ in fr.descriptions for t in phrase):  # description
                return True
        return False


@lru_cache(maxsize=4)
def common_nouns(model: str) -> frozenset[str]:
    """The common nouns of English the model's own lemmatizer knows (its ``lemma_index`` table of nouns, WordNet's
    index: "voter", "defence", "turnout"), read once per model from its installed package; empty when the model
    ships no such table, which leaves every parse-found name as it was."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    try:
        root = get_package_path(model)
    except Exception:  # noqa: BLE001  (a model given by path, or none installed: no table)
        return frozenset()
    for path in sorted(root.glob("**/lemmatizer/lookups")):
        lookups = Lookups().from_disk(path)
        if lookups.has_table("lemma_index"):
            return frozenset(w for w in lookups.get_table("lemma_index").get("noun", ()) if w.isalpha())
    return frozenset()


def named_only_by_position(doc: Doc, ent: Entity, model: str, fr: FactRules) -> bool:
    """'Voter turnout was down by about 1.5%': a name the parse alone found (``PROPN``: no NER label, no
    gazetteer) that is one word opening its sentence, a modifier in compound of a common noun, nowhere else
    capitalised inside a sentence, and a common noun of English (``common_nouns`` of the ``model``), is
    capitalised by its place, not because it names anyone ("Nvidia revenue" is kept; so is a word standing alone
    as the subject, "Acme's revenue": a company may bear a common noun's name)."""
    if ent.label != "PROPN" or ent.listed:
        return False
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if not (tok.is_sent_start and tok.is_title and tok.dep_ == "compound" and tok.head.tag_ in fr.common_noun_tags):
        return False
    # the noun list holds names too ("pegasus", "amazon"): a name the article also writes capitalised inside a
    # sentence is a name ("Pegasus revenue rose ... Turkish airline Pegasus")
    if any(t.text == tok.text and not t.is_sent_start for t in doc):
        return False
    return tok.lower_ in common_nouns(model)  # read last: most articles never get here, and the list loads once


def without_non_names(doc: Doc, index: EntityIndex, model: str, publisher: frozenset[str], fr: FactRules) -> EntityIndex:
    """The index without candidates that name no owner: a capitalised common noun (``named_only_by_position``)
    and the publisher of the text ("Wikinews attended the event": the source is never whose amount it is)."""
    drop = {id(e) for e in index.ents if e.name.lower() in publisher or named_only_by_position(doc, e, model, fr)}
    if not drop:
        return index
    ents = tuple(e for e in index.ents if id(e) not in drop)
    return EntityIndex(ents, {i: e for i, e in index.by_token.items() if id(e) not in drop}, tuple(e.start for e in ents))


def usable(scene: Scene, ent: Entity, tok: Token, top: Token | None) -> bool:
    """Not a comparison ("a ChatGPT-like app"), not a source ("according to Reuters"), not a traded thing
    an amount comes from ("Profit from coal fell to $41 million": Du Pont's profit, not coal's)."""
    after = scene.text[ent.end : ent.end + 8]
    if any(after.startswith(s) for s in scene.fr.entity_suffix_skip):
        return False
    if ent.label == "COMMODITY" and tok.head.lower_ in scene.fr.source_preps and tok.head.dep_ == "prep":
        return False
    if ent.label == "COMMODITY" and any(c.dep_ == "det" and c.lower_ in scene.fr.rate_determiners for c in tok.children):
        return False  # "21 cents for each dollar they are owed": a rate's unit
    if _locates(scene, ent, tok):
        return False
    for anc in islice(chain((tok,), tok.ancestors), scene.fr.max_depth):
        if anc.lower_ in scene.fr.source_words:
            return False
        if top is not None and anc.i == top.i:
            break
    return True


def _locates(scene: Scene, ent: Entity, tok: Token) -> bool:
    """Is the name the place of a locating participle ("Norwood" of "Norwood, Mass.-based Phoenix", "Dallas" of
    "Dallas-based Southwest")? It only says where the name it modifies is."""
    head = tok
    while head.head.i != head.i and ent.start <= head.head.idx < ent.end:  # the name's own last word
        head = head.head
    if head.dep_ not in scene.fr.place_modifier_deps or head.head.i == head.i:
        return False
    word = head.head.lower_
    return any(word == w or word.endswith("-" + w) for w in scene.fr.locating_participles)


def candidates_in(scene: Scene, tokens: list[Token], top: Token | None) -> list[tuple[Entity, Token]]:
    """Usable entities among ``tokens``, each once, with the first token that carries it."""
    seen: dict[str, tuple[Entity, Token]] = {}
    for tok in tokens:
        ent = scene.index.at(tok.i)
        if ent is not None and ent.key not in seen and usable(scene, ent, tok, top):
            seen[ent.key] = (ent, tok)
    return list(seen.values())


def drop_owners(cands: list[tuple[Entity, Token]]) -> list[tuple[Entity, Token]]:
    """A product and its owner in one phrase ("Baidu's Wenxin model"): the product is the subject."""
    ids = {e.id for e, _ in cands if e.id}
    owned = {e.owner for e, _ in cands if e.owner in ids}
    return [(e, t) for e, t in cands if e.id not in owned]


def variant_tokens(head: Token, skip: set[int], fr: FactRules) -> list[Token]:
    """Name-like modifiers of a product head ("Pro", "32k" of "Pro 32k model")."""
    return [
        t for t in head.subtree
        if t.i < head.i and t.i not in skip and t.dep_ in ("compound", "nmod", "nummod") and fr.variant_token.match(t.text)
    ]


def possessive_variant(tok: Token, fr: FactRules) -> list[Token]:
    """'Doubao's Pro 32k model': the name-like modifiers of the head the possessor owns."""
    if not fr.variant_names or tok.dep_ != "poss" or tok.head.lower_ not in fr.product_heads:
        return []
    return variant_tokens(tok.head, {t.i for t in tok.subtree}, fr)


def variant_owner_map(doc: Doc, index: EntityIndex, fr: FactRules) -> dict[int, tuple[tuple[int, Entity], ...]]:
    """Per sentence, the possessive product variants and their owner entity, in text order."""
    out: dict[int, list[tuple[int, Entity]]] = {}
    if not fr.variant_names:
        return {}
    for i, ent in index.by_token.items():
        tok = doc[i]
        if possessive_variant(tok, fr):
            out.setdefault(tok.sent.start, []).append((i, ent))
    return {k: tuple(sorted(v, key=lambda p: p[0])) for k, v in out.items()}


def phrase_tokens(head: Token, fr: FactRules) -> list[Token]:
    """The tokens that name what a noun phrase is about: its subtree without the clauses and asides
    hanging from it ("National Intergroup, which owns 50% of National Steel, posted ...": National
    Intergroup alone), and without places that only locate a description ("The Wilmington, Del.,
    company": the company, not Wilmington)."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in fr.aside_deps:
            skip.update(t.i for t in child.subtree)
    # a clause deeper in the phrase is an aside about its own noun ("the refurbishment of the three DC-8-62
    # aircraft, made by McDonnell Douglas Corp., will cost": the maker of the aircraft pays nothing)
    for tok in head.subtree:
        if tok.i != head.i and tok.i not in skip and tok.dep_ in fr.nested_aside_deps:
            skip.update(t.i for t in tok.subtree)
    return [t for t in head.subtree if t.i not in skip]


def named_apposition(scene: Scene, noun: Token) -> list[tuple[Entity, Token]]:
    """'American video game company Electronic Arts (EA) agrees ...': a common noun whose apposition is a
    name is that name (an apposition is otherwise an aside, not the phrase's name)."""
    if noun.tag_ in scene.fr.proper_noun_tags:
        return []
    return [c for a in noun.children if a.dep_ == "appos" for c in candidates_in(scene, phrase_tokens(a, scene.fr), a)]
