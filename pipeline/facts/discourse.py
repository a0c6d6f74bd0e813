"""Discourse: paragraphs, and what "the company" or a sentence-initial "It" refers to.

Why separate: these rules look beyond the number's clause (earlier sentences, the paragraph), so they
are where a subject can be taken from the wrong place; keeping them apart keeps that reach visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.facts.candidates import candidates_in, drop_owners
from pipeline.facts.records import Subject

if TYPE_CHECKING:
    from pipeline.facts.candidates import Scene


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line spans of the clean text: scraped articles keep one paragraph per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line) + 1))
        pos += len(line) + 1
    return spans


def containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span holding ``pos`` ((0, 0) when none does)."""
    for s, e in spans:
        if s <= pos < e or (s == e == pos):
            return s, e
    return 0, 0


def anaphor(scene: "Scene", tokens: list[Token], climbs: int) -> "Subject | None":
    """'The company's valuation': the latest company named earlier in the same paragraph."""
    fr = scene.fr
    for tok in tokens:
        if tok.lower_ not in fr.anaphor_nouns or scene.index.at(tok.i) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in fr.anaphor_determiners for c in tok.children):
            continue
        p_start = containing(scene.paragraphs, tok.idx)[0]
        before = [e for e in scene.index.ents if p_start <= e.start and e.end <= tok.idx and e.id and e.type in fr.anaphor_entity_types]
        if before:
            ent = before[-1]
            return Subject(ent.name, ent.id, scene.text[tok.idx : tok.idx + len(tok)], "anaphor", climbs, source="paragraph")
    return None


def pronoun(scene: "Scene", subj: Token, climbs: int) -> "Subject | None":
    """'Stepfun has earned ... It has ranked among the top 10': a sentence-initial pronoun is the
    previous sentence's subject entity, when that sentence (same paragraph) has exactly one."""
    sent = subj.sent
    if sent.start == 0:
        return None
    before = scene.doc[sent.start - 1].sent
    if containing(scene.paragraphs, before.start_char) != containing(scene.paragraphs, sent.start_char):
        return None
    subjects = [t for t in before if t.dep_ in scene.fr.subject_deps and t.head.dep_ == "ROOT"]
    for s in subjects:
        cands = drop_owners(candidates_in(scene, list(s.subtree), s))
        if len(cands) == 1:
            ent, _ = cands[0]
            return Subject(ent.name, ent.id, subj.text, "pronoun", climbs, gazetteer=ent.listed, source="sentence")
    return None
