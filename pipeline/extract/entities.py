"""Named entities with canonical ids: the gazetteer first, the statistical NER beside it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract import Context
from pipeline.rules import Rules

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def canonical_index(rules: Rules) -> dict[str, tuple[str, str, str]]:
    """lowercased alias -> (id, canonical name, type), built once per Rules."""

    def build(r: Rules) -> dict[str, tuple[str, str, str]]:
        index: dict[str, tuple[str, str, str]] = {}
        for entity in r.get("gazetteer")["entities"]:
            for alias in (entity["name"], *entity.get("aliases", ())):
                index.setdefault(alias.lower(), (entity["id"], entity["name"], entity["type"]))
        return index

    return rules.derived("canonical_index", build)


def by_id(rules: Rules) -> dict[str, tuple[str, str, str]]:
    """entity id -> (id, canonical name, type)."""
    return rules.derived("canonical_by_id", lambda r: {v[0]: v for v in canonical_index(r).values()})


def gazetteer_owner(rules: Rules) -> dict[str, str]:
    """entity id -> owner id (Doubao -> bytedance)."""
    return rules.derived(
        "gazetteer_owner",
        lambda r: {e["id"]: e["owner"] for e in r.get("gazetteer")["entities"] if e.get("owner")},
    )


def resolve(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """Canonical (id, name, type) for a surface form, possessive stripped; None if unknown."""
    key = _POSSESSIVE.sub("", text.strip()).lower()
    return canonical_index(rules).get(key)


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One row per named entity; gazetteer matches carry their canonical id."""
    keep = set(ctx.rules.get("entities")["keep_labels"])
    rows: list[dict] = []
    for ent in doc.ents:
        if ent.label_ not in keep:
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        # Possessives belong to the grammar, not the name: "ByteDance's" -> "ByteDance".
        m = _POSSESSIVE.search(text)
        if m and len(text) > len(m.group(0)):
            end -= len(m.group(0))
        if ent.ent_id_:
            resolved = by_id(ctx.rules).get(ent.ent_id_)
        else:
            resolved = resolve(text[: end - start], ctx.rules)  # not doc.text: it re-joins every token
        rows.append(
            {
                "start": start,
                "end": end,
                "label": ent.label_,
                "canonical_id": resolved[0] if resolved else None,
                "canonical_name": resolved[1] if resolved else None,
                "entity_type": resolved[2] if resolved else None,
                "source": "gazetteer" if ent.ent_id_ else "model",
            }
        )
    return rows
