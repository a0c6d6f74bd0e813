"""Extractors: one module per kind of mention, each a pure function ``extract(doc, ctx, found)``.

Each returns rows (dicts keyed by the columns of its table in ``pipeline.tables``) with ``start`` and
``end`` as offsets into ``doc.text`` (the *clean* text); the runner maps them to raw offsets and fills
``article_id`` and ``text``. Extractors never raise on odd text: a candidate that cannot be read is
dropped (and counted), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.rules import Rules
from pipeline.settings import Settings


@dataclass(frozen=True)
class Context:
    """What an extractor may know about the article besides its Doc."""

    article_id: str
    published: date | None
    rules: Rules
    settings: Settings
