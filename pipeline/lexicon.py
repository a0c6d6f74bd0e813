"""Lexicon helpers shared by the extractors: one regex-alternation builder.

Why one: the money, prices, counts and changes modules each had their own copy, ordering words by
length only, so words of the same length came in the order of a ``set`` — a different pattern text in
every process (hash randomisation). Matching was the same (two words of one length that match at one
place match the same text), but the text of the pattern was not, so a compiled pattern could not be
kept between processes (pipeline/patterns.py). Here the order is total: longest first, then
alphabetical.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def ordered(words: Iterable[str]) -> list[str]:
    """Distinct ``words``, longest first (so "US$" is tried before "$"), ties in alphabetical order."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words: Iterable[str], *, flexible_space: bool = False) -> str:
    """Regex alternation of the literal ``words``, longest first; with ``flexible_space`` a space in a
    phrase matches any run of whitespace ("per cent" in "per\\ncent")."""
    out = []
    for w in ordered(words):
        e = re.escape(w)
        out.append(e.replace(r"\ ", r"\s+") if flexible_space else e)
    return "|".join(out)
