"""Clean scraped article text while keeping a map back to raw offsets.

Scraped news is full of debris lines ("Advertisements", "Leave a reply") and of sentence boundaries
whose ". " was lost ("fruitionAmidst", "ChinaThis"), which spaCy then reads as one token and one
sentence. We repair both with edits recorded against the raw text, so every span found in the clean
text maps back exactly: ``clean.to_raw(start, end)`` gives offsets into the text as read from raw/.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.rules import Rules, check_keys


class Edit(NamedTuple):
    """Replace raw[start:end] by ``text`` (start == end: an insertion)."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class CleanText:
    """Clean text plus, for every clean character, the raw range it came from.

    Inserted characters (the ". " of a repaired boundary) have an empty raw range, so a span that
    starts or ends on them maps to the nearest real characters; replacement characters map to the
    whole raw range they replace.
    """

    raw: str
    text: str
    edits: tuple[Edit, ...]
    _starts: array
    _ends: array

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the raw span covering the same characters."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside clean text of length {len(self.text)}")
        if start == end:
            pos = self._starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        # Skip inserted (zero-width) characters at either edge.
        while start < end and self._starts[start] == self._ends[start]:
            start += 1
        while end > start and self._starts[end - 1] == self._ends[end - 1]:
            end -= 1
        if start == end:
            pos = self._starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def raw_span_text(self, start: int, end: int) -> tuple[int, int, str]:
        """Map a clean span and return (raw_start, raw_end, raw_text[raw_start:raw_end])."""
        rs, re_ = self.to_raw(start, end)
        return rs, re_, self.raw[rs:re_]


def apply_edits(raw: str, edits: list[Edit]) -> CleanText:
    """Apply non-overlapping edits (sorted here) and build the offset map."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    starts = array("l")
    ends = array("l")
    pos = 0
    kept: list[Edit] = []
    for edit in edits:
        if edit.start < pos:  # overlapping edit: the earlier one wins, deterministically
            continue
        parts.append(raw[pos : edit.start])
        starts.extend(range(pos, edit.start))
        ends.extend(range(pos + 1, edit.start + 1))
        parts.append(edit.text)
        starts.extend([edit.start] * len(edit.text))
        ends.extend([edit.end] * len(edit.text))  # a replacement covers what it replaced
        pos = edit.end
        kept.append(edit)
    parts.append(raw[pos:])
    starts.extend(range(pos, len(raw)))
    ends.extend(range(pos + 1, len(raw) + 1))
    return CleanText(raw=raw, text="".join(parts), edits=tuple(kept), _starts=starts, _ends=ends)


@dataclass(frozen=True)
class CleaningRules:
    """rules/cleaning.yaml compiled once."""

    boilerplate: re.Pattern[str]
    drop_single_lowercase_word_lines: bool
    insert: str
    min_lowercase_run: int
    starters: frozenset[str]
    protected: tuple[str, ...]  # longest first, so "TikTok" wins over "Tik"
    names: frozenset[str]  # gazetteer names: a glued name on either side is a boundary too


def compile_cleaning_rules(rules: Rules) -> CleaningRules:
    data = rules.get("cleaning")
    where = str(rules.path("cleaning"))
    check_keys(data, where=where, required=("boilerplate_lines", "glue"), optional=("drop_single_lowercase_word_lines",))
    glue = data["glue"]
    check_keys(glue, where=f"{where}: glue", required=("insert", "min_lowercase_run", "sentence_starters", "protected_names"))
    try:
        boilerplate = re.compile(
            r"^[ \t]*(?:" + "|".join(f"(?:{p})" for p in data["boilerplate_lines"]) + r")[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
    except re.error as exc:
        raise type(exc)(f"{where}: boilerplate_lines: {exc}") from None
    names: set[str] = set()
    camel: set[str] = set(glue["protected_names"])
    for entity in rules.get("gazetteer")["entities"]:
        for alias in (entity["name"], *entity.get("aliases", ())):
            for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", alias):
                names.add(word)
                if re.search(r"[a-z][A-Z]", word):
                    camel.add(word)
    return CleaningRules(
        boilerplate=boilerplate,
        drop_single_lowercase_word_lines=bool(data.get("drop_single_lowercase_word_lines", False)),
        insert=str(glue["insert"]),
        min_lowercase_run=int(glue["min_lowercase_run"]),
        starters=frozenset(glue["sentence_starters"]),
        protected=tuple(sorted(camel, key=len, reverse=True)),
        names=frozenset(names),
    )


_WORD = re.compile(r"[A-Za-z]+")
_SINGLE_LOWER_WORD_LINE = re.compile(r"^[ \t]*[a-z]{2,}[ \t]*$", re.MULTILINE)
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
_CAMEL = re.compile(r"[a-z][A-Z]")


def _boundary_in_word(word: str, rules: CleaningRules) -> int | None:
    """Return the index inside ``word`` where a lost sentence boundary sits, or None."""
    if word in rules.protected:
        return None
    for name in rules.protected:  # "TikTokTheir" -> after "TikTok"; "rivalsByteDance" -> before it
        if word.startswith(name) and len(word) > len(name) and word[len(name)].isupper():
            return len(name)
        if word.endswith(name) and len(word) > len(name) and word[-len(name) - 1].islower():
            cut = len(word) - len(name)
            return cut if _boundary_in_word(word[:cut], rules) is None else _boundary_in_word(word[:cut], rules)
    for i in range(1, len(word)):
        if not (word[i].isupper() and word[i - 1].islower()):
            continue
        left, right = word[:i], word[i:]
        run = len(left) - len(left.rstrip("abcdefghijklmnopqrstuvwxyz"))
        if run < rules.min_lowercase_run:
            continue
        head = _TITLE_WORD.match(right)
        if head is None:
            continue
        head_word = head.group(0)
        if head_word in rules.starters or head_word in rules.names or left in rules.names:
            return i
        if run >= 6 and len(head_word) >= 4:
            return i
    return None


def glue_edits(raw: str, rules: CleaningRules) -> list[Edit]:
    """Insertion edits that restore lost sentence boundaries inside glued words."""
    edits: list[Edit] = []
    # Speed: a boundary needs a lowercase letter followed by a capital in the word, unless the word
    # starts or ends with a protected name that has no such pair ("GPUs", "AILab"). Any other word
    # (most words) cannot have one: skip it without trying every protected name.
    plain = tuple(name for name in rules.protected if _CAMEL.search(name) is None)
    for match in _WORD.finditer(raw):
        word = match.group(0)
        if len(word) < 4:
            continue
        if _CAMEL.search(word) is None and not (word.startswith(plain) or word.endswith(plain)):
            continue
        cut = _boundary_in_word(word, rules)
        if cut is not None:
            at = match.start() + cut
            edits.append(Edit(at, at, rules.insert, "glued_sentence"))
    return edits


def boilerplate_edits(raw: str, rules: CleaningRules) -> list[Edit]:
    """Deletion edits for whole boilerplate lines (the newline itself stays)."""
    edits = [Edit(m.start(), m.end(), "", "boilerplate_line") for m in rules.boilerplate.finditer(raw) if m.end() > m.start()]
    if rules.drop_single_lowercase_word_lines:
        edits.extend(Edit(m.start(), m.end(), "", "debris_line") for m in _SINGLE_LOWER_WORD_LINE.finditer(raw))
    return edits


def clean(raw: str, rules: Rules) -> CleanText:
    """Clean one article's raw text; see the module docstring for why and how."""
    compiled: CleaningRules = rules.derived("cleaning", compile_cleaning_rules)
    deletions = boilerplate_edits(raw, compiled)
    deleted = [(e.start, e.end) for e in deletions]
    insertions = [e for e in glue_edits(raw, compiled) if not any(s <= e.start < t for s, t in deleted)]
    return apply_edits(raw, deletions + insertions)
