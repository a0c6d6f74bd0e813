"""The report's presentation settings (theme.yaml) and static assets, read once per build."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.displacy.render import DEFAULT_ENTITY_COLOR, DEFAULT_LABEL_COLORS

#: Colour value in theme.yaml meaning "displaCy's default colour for this label" (ORG, PRODUCT, ...).
DISPLACY = "displacy"


@dataclass(frozen=True)
class Theme:
    """Colours, labels, column choices and gold mapping: everything the pages need that is not data."""

    types: dict[str, dict[str, Any]]
    facts: dict[str, Any]
    columns: dict[str, list[str]]
    gold_types: dict[str, str]
    status: dict[str, dict[str, str]]
    status_text: dict[str, str]
    plots: dict[str, Any]
    conversions: dict[str, Any]

    def background(self, table: str, status: str, label: str | None = None) -> str:
        """CSS background of a span; a type whose colour is ``displacy`` takes displaCy's colour for its label."""
        color = (self.facts if table == "facts" else self.types[table])["color"]
        if color == DISPLACY:
            color = DEFAULT_LABEL_COLORS.get((label or "").upper(), DEFAULT_ENTITY_COLOR)
        return self.status[status]["background"].format(color=color)


@lru_cache(maxsize=1)
def theme() -> Theme:
    data = yaml.safe_load(resources.files(__package__).joinpath("theme.yaml").read_text(encoding="utf-8"))
    return Theme(**data)


@cache
def asset(name: str) -> str:
    """A CSS or JS file of static/, inlined into every page so the site opens from disk offline."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")
