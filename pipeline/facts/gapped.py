"""Gapped items of a change statement: "Revenue rose 12% to $5.1 billion, profit 8% to $900 million and orders 3%",
"Brent rose 2% to $80 a barrel and WTI 1.5% to $76".

Why a module of its own: the second and later items share the first clause's change word and hold no verb, so the parse
hangs their amounts from that verb, and the clause rules of ``subject`` / ``metric`` hand them the first clause's subject
and metric. The changes stage reads each item's verbless subject and records its span (``subject_start`` /
``subject_end``); here those words decide, by general rules:

- a name among them (an entity of the article's index) is the amount's subject;
- a word that names a money metric (``money_words`` of rules/facts.yaml, as everywhere) is the amount's metric, and
  a common noun that names none is its metric as written (``other``); the subject stays the first clause's owner
  ("Acme's revenue rose 12% and profit 8%": Acme's profit);
- a name with no metric word ("and WTI 1.5% to $76") measures what the same slot of the item before it measures.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.facts.candidates import Scene, candidates_in
from pipeline.facts.config import FactRules
from pipeline.facts.metric import word_metric
from pipeline.facts.records import OTHER_METRIC, Subject
from pipeline.facts.subject import subject_of

#: the rule (facts.rule) of a subject named by a gapped item's own words
GAPPED_RULE = "gapped_subject"


@dataclass(frozen=True)
class Item:
    """One gapped item's amount: its verbless subject's words, its slot ("by" / "to") and the same slot's amount of the
    item before it (None when that one wrote none)."""

    words: tuple[int, int]
    slot: str
    before: tuple[int, int] | None
    direction: str = "none"


def gapped_items(changes: list[dict]) -> dict[tuple[int, int], Item]:
    """Amount span -> its gapped item, for each by / to amount of a change row that records a gapped subject. The item
    before is the change row just before it in text order (the chain of a list: "12% ..., 8% ... and 3%")."""
    rows = sorted((c for c in changes if c.get("kind") == "change" and c.get("start") is not None), key=lambda c: (c["start"], c["end"]))
    out: dict[tuple[int, int], Item] = {}
    for k, row in enumerate(rows):
        if row.get("subject_start") is None or row.get("subject_end") is None:
            continue
        prev = rows[k - 1] if k else {}  # a listed first item ("including West Texas Intermediate to ...") has none before
        for slot in ("to", "by"):
            if row.get(f"{slot}_start") is None:
                continue
            before = (prev[f"{slot}_start"], prev[f"{slot}_end"]) if prev.get(f"{slot}_start") is not None else None
            out[(row[f"{slot}_start"], row[f"{slot}_end"])] = Item((row["subject_start"], row["subject_end"]), slot, before,
                                                                    row.get("direction") or "none")
    return out


def item_words(scene: Scene, item: Item) -> Span | None:
    span = scene.doc.char_span(item.words[0], item.words[1], alignment_mode="expand")
    return span if span is not None and len(span) else None


def item_subject(scene: Scene, words: Span) -> Subject | None:
    """The entity the item's words name ("WTI", "the S&P 500"), else None (a common noun: "profit", "orders")."""
    cands = candidates_in(scene, list(words), None)
    if not cands:
        return None
    ent, tok = cands[-1]
    return subject_of(scene, ent, tok, GAPPED_RULE, 0)


def names_something(words: Span, fr: FactRules) -> bool:
    """Whether the item's words hold a proper noun (``proper_noun_tags``): a name, not a kind of quantity of the first
    clause's owner."""
    return any(t.tag_ in fr.proper_noun_tags for t in words)


def item_metric(words: Span, fr: FactRules) -> tuple[str, str] | None:
    """(metric, metric_text) a money item's words name: the last word that names a money metric ("operating profit"),
    else the head noun as written under ``other`` ("orders"); None for a name ("WTI"), which names no metric."""
    for tok in reversed(words):
        metric = word_metric(tok, fr)
        if metric is not None:  # the word as written, with the word before it when the two name it ("net income")
            two = tok.i > words.start and f"{tok.nbor(-1).lower_} {tok.lower_}" in fr.money_words
            return metric, words.doc[tok.i - 1 : tok.i + 1].text if two else tok.text
    if names_something(words, fr):
        return None
    nouns = [t for t in words if t.tag_ in fr.common_noun_tags]
    return (OTHER_METRIC, nouns[-1].text) if nouns else None


def item_growth(table: str, row: dict, item: Item | None, fr: FactRules) -> tuple[str, float | None, str | None, None] | None:
    """The growth fact of a gapped item's percent by-amount ("..., and Mizuho 19.7%"): no change word stands beside it for
    the quantities table to mark it a rise or fall, but its change row says which (``percent_change`` by direction)."""
    if item is None or table != "quantities" or row.get("kind") != "percent" or item.slot != "by":
        return None
    metric = fr.percent_change.get(item.direction)
    value = row.get("value")
    return (metric, float(value) if value is not None else None, row.get("unit"), None) if metric else None
