"""Entity identity for facts: one index of subject candidates per article, one key function.

Why one place: the subject rules, the fact id and the entities table must agree on what "the same
entity" is; before this module each decided it its own way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.extract import Context
from pipeline.extract.entities import by_id, gazetteer_owner
from pipeline.facts.config import FactRules
from pipeline.facts.records import Entity

_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class EntityIndex:
    """Subject candidates of one article, in text order, and the candidate of each token."""

    ents: tuple[Entity, ...]
    by_token: dict[int, Entity]

    def at(self, i: int) -> Entity | None:
        return self.by_token.get(i)


def entity_rows(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """The entities stage's rows, or the Doc's own entities when that stage did not run."""
    rows = found.get("entities")
    if rows is not None:
        return rows
    ids = by_id(ctx.rules)
    return [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "canonical_id": e.ent_id_ or None,
         "canonical_name": ids.get(e.ent_id_, (None, None, None))[1], "entity_type": ids.get(e.ent_id_, (None, None, None))[2]}
        for e in doc.ents
    ]


def build_index(doc: Doc, text: str, ctx: Context, rows: list[dict], fr: FactRules) -> EntityIndex:
    """Gazetteer entities plus NER names of the allowed labels, indexed by token."""
    owners = gazetteer_owner(ctx.rules)
    ents: list[Entity] = []
    index: dict[int, Entity] = {}
    for row in rows:
        cid = row.get("canonical_id")
        surface = text[row["start"] : row["end"]]
        if not cid and (row.get("label") not in fr.ner_labels or len(_LETTER.findall(surface)) < 3):
            continue
        ent = Entity(row["start"], row["end"], cid, row.get("canonical_name") or surface, row.get("entity_type"),
                     owners.get(cid or ""), row.get("label"), cid is not None)
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None:
            continue
        ents.append(ent)
        for tok in span:
            index.setdefault(tok.i, ent)
    ents.sort(key=lambda e: e.start)
    return EntityIndex(tuple(ents), index)
