"""Extractors: one module per kind of mention, each a pure function ``extract(doc, ctx, found)``.

Each returns rows (dicts keyed by the columns of its table in ``pipeline.tables``) with ``start`` and
``end`` as offsets into ``doc.text`` (the *clean* text); the runner maps them to raw offsets and fills
``article_id`` and ``text``. Extractors never raise on odd text: a candidate that cannot be read is
dropped (and counted), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pipeline.rules import Rules
from pipeline.settings import Settings

if TYPE_CHECKING:
    import re
    from collections.abc import Iterable

    from spacy.tokens import Doc

#: key of the memoised text in ``Doc.user_data`` (a plain string: spaCy's own keys are tuples)
_TEXT_KEY = "newsfacts.text"
#: key of the memoised whole-text matches in ``Doc.user_data`` (a dict: id of a compiled pattern -> (it, its matches))
_MATCHES_KEY = "newsfacts.matches"
_FOLDED_KEY = "newsfacts.folded"


@dataclass(frozen=True)
class Context:
    """What an extractor may know about the article besides its Doc."""

    article_id: str
    published: date | None
    rules: Rules
    settings: Settings
    #: the manifest's headline, when it has one (facts: the headline's actor is a last-resort subject)
    title: str | None = None
    #: the manifest's ``source`` and ``url``: who published the article ("Wikinews interviews ...": the
    #: publisher named in a headline is not what the article's numbers are about)
    source: str | None = None
    url: str | None = None


def doc_text(doc: "Doc") -> str:
    """``doc.text``, joined once per Doc: spaCy re-joins every token on each ``Doc.text`` access (about
    a millisecond for a news article), and the stages asked for it thousands of times per 100k words.
    The text of a Doc never changes (retokenizing keeps it), so the memo cannot go stale."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def doc_matches(doc: "Doc", regex: "re.Pattern[str]") -> list["re.Match[str]"]:
    """``list(regex.finditer(doc_text(doc)))``, once per Doc and pattern: the counts stages and the changes
    stage each scanned the whole text with the same number grammar (~0.055 s per 100k words a scan). The
    memo is keyed by the pattern object's id and keeps the object (so the id cannot be reused while the entry
    lives): hashing a Pattern hashes its whole compiled code, ~0.1 ms for the number grammar. The list is
    shared, so callers never mutate it."""
    memo = doc.user_data.get(_MATCHES_KEY)
    if memo is None:
        memo = doc.user_data[_MATCHES_KEY] = {}
    entry = memo.get(id(regex))
    if entry is None or entry[0] is not regex:
        entry = memo[id(regex)] = (regex, list(regex.finditer(doc_text(doc))))
    return entry[1]


def doc_stretch_matches(doc: "Doc", regex: "re.Pattern[str]", anchored: object) -> "Iterable[re.Match[str]]":
    """``regex.finditer(doc_text(doc))``'s matches, searched only in the stretches ``anchored`` allows
    (pipeline/prefilter.py ``Anchored``, which gives the whole-text matches; the whole text when it is None). The
    folded and the reversed text the stretches are found in are made once per Doc."""
    text = doc_text(doc)
    if anchored is None:
        return regex.finditer(text)
    aux = doc.user_data.get(_FOLDED_KEY)
    if aux is None:
        from pipeline.prefilter import fold

        aux = doc.user_data[_FOLDED_KEY] = (fold(text), text[::-1])
    if len(aux[0]) != len(text):  # cannot happen (fold keeps lengths): then search everything
        return regex.finditer(text)
    return anchored.finditer(regex, text, *aux)  # type: ignore[attr-defined]


def remember_text(doc: "Doc", text: str) -> None:
    """Give ``doc_text`` the text the Doc was parsed from, so no stage pays spaCy's join (~1 ms an
    article, the first ``doc_text`` of every Doc). spaCy's tokenizer never drops or changes a
    character, so the two are equal; the one cheap check (the last token ends where the text ends)
    keeps a Doc made some other way on the join."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT_KEY] = text
