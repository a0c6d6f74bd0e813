"""Required-literal gates for rule regexes: skip a whole-text search that cannot find anything (issue 22).

Why: the dates and money stages search every article with each of their ~60 lexicon patterns. Most
patterns cannot match most articles (a fiscal-quarter pattern needs "quarter" or "Q1"..., a suffix
money pattern needs a currency word), yet ``re`` still walks the whole text trying a match wherever a
first character fits: about half of those stages' time, for no match. The hand-written ``requires``
of rules/dates.yaml catch some of it with more regex searches.

What: from the parsed pattern (``re``'s own parser), a conjunction of clauses; each clause is a set of
lowercase ASCII strings at least one of which every match contains. A clause comes from a run of
literal characters ("quarter"), small classes (``Q[1-4]`` gives q1..q4), alternations of such runs and
repeats that must occur at least once; optional parts, ``\\s``, ``\\d`` and lookarounds give nothing
(they break a run). A text can hold a match only if, for every clause, one of its strings occurs in
the text folded to lowercase (``fold``: also the few non-ASCII letters that ``re.IGNORECASE`` matches
to an ASCII letter, e.g. the Kelvin sign or a dotless i; a test checks the whole of Unicode against
the engine). The gate is thus a necessary condition: when it says no, the search would have found
nothing, so skipping it changes no output; when it says yes, the search runs exactly as before.
Each clause is checked with ``in`` on the folded text (a few strings) or one case-sensitive literal
alternation (many strings, e.g. every currency name), and its answer is shared by every pattern that
has the same clause (``Gates``: one memo per text).
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:  # CPython's regex engine: which characters have case (absent elsewhere: no non-ASCII literals)
    import _sre
except ImportError:  # pragma: no cover
    _sre = None  # type: ignore[assignment]
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

#: part of every stored clause file's key: clauses worked out by an earlier version of this module are not read
CLAUSES_VERSION = "clauses-1"
#: non-ASCII characters ``re.IGNORECASE`` matches to an ASCII letter, and that letter; ``str.lower``
#: maps the Kelvin sign itself but keeps "ſ" and "ı" and turns "İ" into two characters
_FOLD_SPECIAL = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
#: an exact set (the strings a part matches) larger than this becomes a clause and the run starts again
_MAX_EXACT = 64
#: clauses kept per pattern (the most selective ones): each costs a scan of the folded text
_MAX_CLAUSES = 3
#: a clause with more strings than this is checked by one compiled alternation instead of ``in`` each
_MAX_IN_CHECKS = 8
_REPEATS = tuple(getattr(c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(c, name))
_ATOMIC = getattr(c, "ATOMIC_GROUP", None)
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)


def fold(text: str) -> str:
    """``text`` in lowercase, with every non-ASCII letter that an ignore-case regex matches to an ASCII
    letter replaced by that letter: an ASCII string occurs in the result wherever a rule regex could
    match it, whatever the case (so a gate on the folded text never says no to a real match)."""
    if not text.isascii():
        for special, ascii_letter in _FOLD_SPECIAL:
            if special in text:
                text = text.replace(special, ascii_letter)
    return text.lower()


Clause = frozenset  # of lowercase ASCII strings: at least one occurs in the folded text of any match


@dataclass(frozen=True)
class _Info:
    """What a part of a pattern tells about its matches: ``exact`` (every string it can match, folded)
    when known and small, else ``clauses`` (each met by every match)."""

    exact: frozenset[str] | None
    clauses: tuple[Clause, ...] = ()


_ANY = _Info(None)
_EMPTY = _Info(frozenset({""}))


def _char(code: int) -> str | None:
    """The folded form of a literal character, or None when a match may hold other characters for it:
    an ASCII character (any case: ``fold`` lowers the text), or a character without case (a currency
    sign, a CJK character), which even an ignore-case regex matches only as itself."""
    ch = chr(code)
    if ch.isascii():
        return ch.lower()
    return None if _sre is None or _sre.unicode_iscased(code) else ch


def _class_strings(items: list) -> frozenset[str] | None:
    """The folded characters a small class of ASCII literals and ranges matches (``[1-4]``), else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            ch = _char(av)
            if ch is None:
                return None
            chars.add(ch)
        elif op is c.RANGE and av[1] < 128 and av[1] - av[0] < 16:
            chars.update(chr(x).lower() for x in range(av[0], av[1] + 1))
        else:  # a negation, a category (\d, \w), a wide or non-ASCII range
            return None
    return frozenset(chars)


def _as_clause(info: _Info) -> Clause | None:
    """The one clause that says "this part occurs" (its exact strings, or its most selective clause)."""
    if info.exact is not None:
        return None if "" in info.exact or not info.exact else Clause(info.exact)
    return _best(info.clauses)[0] if info.clauses else None


def _score(clause: Clause) -> tuple[int, int]:
    """Most selective first: the longest shortest string, then the fewest strings."""
    return (-min(len(s) for s in clause), len(clause))


def _minimal(clause: Clause) -> Clause:
    """The same condition with fewer strings: one that contains another is implied by it ("april" by "apr")."""
    return Clause(s for s in clause if not any(t != s and t in s for t in clause))


def _best(clauses: Iterable[Clause]) -> list[Clause]:
    """Distinct clauses, minimal, most selective first."""
    return sorted({_minimal(cl) for cl in clauses}, key=lambda cl: (_score(cl), sorted(cl)))


def _sequence(items: list) -> _Info:
    """A concatenation: exact strings joined while the set stays small; every part's clauses kept."""
    current: frozenset[str] = frozenset({""})
    clauses: list[Clause] = []
    exact = True  # every part so far had exact strings (else the sequence's strings are not known)

    def flush() -> None:
        nonlocal current
        if current and "" not in current:
            clauses.append(Clause(current))
        current = frozenset({""})

    for op, av in items:
        info = _item(op, av)
        if info.exact is None:
            exact = False
            flush()
            clauses.extend(info.clauses)
            continue
        if len(current) * len(info.exact) <= _MAX_EXACT:
            current = frozenset(a + b for a in current for b in info.exact)
            continue
        exact = False  # the joined strings are too many to list: each part becomes a clause instead
        flush()
        if len(info.exact) <= _MAX_EXACT:
            current = info.exact
        elif "" not in info.exact:
            clauses.append(Clause(info.exact))
    if exact:
        return _Info(current)
    flush()
    return _Info(None, tuple(clauses))


def _item(op: object, av: object) -> _Info:
    if op is c.LITERAL:
        ch = _char(av)  # type: ignore[arg-type]
        return _ANY if ch is None else _Info(frozenset({ch}))
    if op is c.IN:
        chars = _class_strings(av)  # type: ignore[arg-type]
        return _ANY if chars is None else _Info(chars)
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is c.SUBPATTERN:
        return _sequence(av[3].data)  # type: ignore[index]
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(av.data)  # type: ignore[attr-defined]
    if op is c.BRANCH:
        infos = [_sequence(alt.data) for alt in av[1]]  # type: ignore[index]
        if all(i.exact is not None for i in infos):
            union = frozenset().union(*(i.exact for i in infos))  # type: ignore[arg-type]
            return _Info(union) if len(union) <= _MAX_EXACT else _Info(None, () if "" in union else (Clause(union),))
        parts = [_as_clause(i) for i in infos]
        if any(p is None for p in parts):
            return _ANY
        return _Info(None, (Clause().union(*parts),))  # type: ignore[arg-type]
    if op in _REPEATS:
        low, high, sub = av  # type: ignore[misc]
        if high == 0:
            return _EMPTY
        info = _sequence(sub.data)
        if low == 0:
            if high == 1 and info.exact is not None:
                return _Info(info.exact | {""})
            return _ANY
        if low == high == 1:
            return info
        clause = _as_clause(info)
        return _Info(None, (clause,)) if clause is not None else _ANY
    return _ANY  # NOT_LITERAL, ANY, a backreference, a conditional: nothing known


@lru_cache(maxsize=None)
def required_clauses(pattern: str, flags: int = 0) -> tuple[Clause, ...]:
    """The clauses every match of ``pattern`` meets (the most selective few); () when nothing is known.

    Flags do not matter: literals are compared folded, and ``fold`` covers ignore-case matching. Long
    A pattern's clauses are kept on disk beside the compiled programs (pipeline/patterns.py, same folder
    and off switch): parsing the dates patterns again in every process cost ~0.05 s of start-up."""
    if not isinstance(pattern, str):
        return ()
    from pipeline import patterns as rx

    path = _cache_path(f"{_key(pattern)}.clauses")
    stored = _stored(path)
    if isinstance(stored, list) and all(isinstance(c, list) and c and all(isinstance(s, str) and s for s in c) for c in stored):
        return tuple(Clause(strings) for strings in stored)
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return ()
    info = _sequence(parsed.data)
    clauses = info.clauses if info.exact is None else ((Clause(info.exact),) if "" not in info.exact and info.exact else ())
    chosen = tuple(_best(clauses)[:_MAX_CLAUSES])
    if path is not None:
        rx.write_atomically(path, marshal.dumps([sorted(c) for c in chosen]))
    return chosen


def first_ascii(pattern: str, flags: int = 0) -> frozenset[str]:
    """The ASCII characters a match of ``pattern`` may begin with (pipeline/first_chars.py; every one
    when that cannot be worked out or the pattern may match the empty string), kept on disk like the
    clauses."""
    from pipeline import patterns as rx
    from pipeline.first_chars import first_ascii as work_out

    path = _cache_path(f"{_key(f'first|{flags}|' + pattern)}.first")
    stored = _stored(path)
    if isinstance(stored, str) and stored.isascii():
        return frozenset(stored)
    try:
        found = work_out(_parser.parse(pattern, flags), flags)
    except Exception:  # noqa: BLE001 - re cannot parse it: every character
        found = frozenset(chr(i) for i in range(128))
    if path is not None:
        rx.write_atomically(path, marshal.dumps("".join(sorted(found))))
    return found


def _cache_path(name: str) -> Path | None:
    """Where a worked-out answer about a pattern is kept (the compiled-regex cache folder), or None when caching is off."""
    from pipeline import patterns as rx

    folder = rx.cache_dir()
    return folder / name if folder is not None else None


def _stored(path: Path | None) -> object:
    """The value kept at ``path``, or None when there is none or it cannot be read (then it is worked out again); the
    caller checks its shape."""
    if path is None:
        return None
    try:
        return marshal.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing or corrupt: work it out again
        return None


def _key(pattern: str) -> str:
    """The file name of a pattern's clauses: what they are worked out from (this module's version)."""
    basis = f"{CLAUSES_VERSION}|{sys.version}|".encode() + pattern.encode("utf-8", "surrogatepass")
    return hashlib.sha256(basis).hexdigest()


@dataclass
class Gates:
    """The gates of a stage's patterns, built once per process; ``open(...)`` per text.

    ``add(pattern)`` registers a pattern and returns its index; ``for_text(text)`` gives a checker whose
    ``may_match(index)`` is False only when that pattern cannot match anywhere in the text."""

    clauses: list[tuple[Clause, ...]] = field(default_factory=list)
    _regexes: dict[Clause, re.Pattern] = field(default_factory=dict)
    #: the last text's answers: a stage asks for the same text from two places (dates' negatives, candidates)
    _last: "TextGates | None" = field(default=None, repr=False, compare=False)

    def add(self, pattern: re.Pattern | str, flags: int = 0, extra: Iterable[re.Pattern | str] = ()) -> int:
        """Register ``pattern`` (and patterns whose matches every match needs, e.g. dates' ``requires``,
        whose clauses are necessary too)."""
        found: list[Clause] = []
        for p in (pattern, *extra):
            source, fl = (p.pattern, p.flags) if isinstance(p, re.Pattern) else (p, flags)
            found.extend(required_clauses(source, fl))
        chosen = tuple(_best(found)[:_MAX_CLAUSES])
        for clause in chosen:
            if len(clause) > _MAX_IN_CHECKS and clause not in self._regexes:
                from pipeline import patterns as rx  # cached on disk like every long rule regex
                from pipeline.lexicon import trie

                self._regexes[clause] = rx.compile(trie(clause))
        self.clauses.append(chosen)
        return len(self.clauses) - 1

    def for_text(self, text: str) -> "TextGates":
        last = self._last
        if last is not None and last._text is text:
            return last
        self._last = TextGates(self, text)
        return self._last


class TextGates:
    """One text's answers: each clause checked at most once (patterns share clauses)."""

    __slots__ = ("_gates", "_folded", "_text", "_answers", "_reversed")

    def __init__(self, gates: Gates, text: str) -> None:
        self._gates = gates
        self._text = text
        self._folded: str | None = None
        self._reversed: str | None = None
        self._answers: dict[Clause, bool] = {}

    def finditer(self, regex: re.Pattern, anchored: "Anchored | None") -> Iterable[re.Match]:
        """``regex.finditer(text)``'s matches, searched only in the stretches ``anchored`` allows (see there);
        the whole text when ``anchored`` is None. Ask ``may_match`` first: this does not."""
        text = self._text
        if anchored is None:
            return regex.finditer(text)
        if self._folded is None:
            self._folded = fold(text)
        if len(self._folded) != len(text):  # cannot happen (fold keeps lengths): then search everything
            return regex.finditer(text)
        if self._reversed is None:
            self._reversed = text[::-1]
        return anchored.finditer(regex, text, self._folded, self._reversed)

    def _holds(self, clause: Clause) -> bool:
        answer = self._answers.get(clause)
        if answer is None:
            if self._folded is None:
                self._folded = fold(self._text)
            folded = self._folded
            regex = self._gates._regexes.get(clause)
            answer = regex.search(folded) is not None if regex is not None else any(s in folded for s in clause)
            self._answers[clause] = answer
        return answer

    def may_match(self, index: int) -> bool:
        """False only when pattern ``index`` cannot match anywhere in this text. (Asked of every pattern of a
        stage for every text, mostly answered from ``_answers``: that lookup is written out here rather
        than a generator and a call per clause.)"""
        answers = self._answers
        for clause in self._gates.clauses[index]:
            answer = answers.get(clause)
            if answer is None:
                answer = self._holds(clause)
            if not answer:
                return False
        return True


@dataclass(frozen=True)
class Anchored:
    """Where one pattern can match in a text: the stretches between its own "break" characters that hold
    one of the strings of its most selective required clause (issue 22, round 12).

    Why: the dates patterns passed their whole-text literal gate in most articles (a month name, "19",
    "year" occur in most), and were then tried at every word of the text, ~0.5 s per 100k words, for a
    few matches each. A pattern's own break characters (the ASCII characters none of its items can
    consume, in its main path or a lookaround: ``patterns.unconsumed``) are many for a lexicon pattern
    (every letter that none of its words holds: "j", "k", "m" for "currently|right now|...", every
    digit for "last week"), so the stretches around its clause strings are short.

    Why exact: the same argument as ``Regions``, for one pattern. Every match holds one of the clause's
    strings (``required_clauses``, in the folded text, which keeps offsets) and lies inside one stretch
    (it cannot consume a break, and no lookahead of it can look past one); a stretch is searched with
    the full text, ``pos`` at its start (lookbehinds and ``\\b`` see the text before it) and ``endpos``
    just past its closing break, and gives the whole-text matches there; stretches are visited in text
    order, each at most once, and every stretch that holds a clause string is visited (the next string
    is looked for from the end of the stretch just searched). A newline is never a break
    (``break_class``)."""

    #: the clause's strings, searched in ``fold(text)``
    anchor: re.Pattern
    #: one character class of the pattern's break characters
    breaks: re.Pattern

    @classmethod
    def of(cls, regex: re.Pattern) -> "Anchored | None":
        """The stretches of ``regex``; None when it has no required clause of strings of two characters or
        more, no break character, or a match cannot begin at two lowercase letters or more (then re's
        first-character skip, pipeline/first_chars.py, already tries it at few places: "month_day" begins
        at a capital, "months_to" at a "t"; its whole-text search cost less than the stretches' lookups
        over the throughput corpus)."""
        # the flags the pattern was compiled with: ``re`` adds UNICODE to a str pattern's, and ``patterns.unconsumed``
        # asked with those would compile (or read back) the pattern a second time under that key
        flags = regex.flags & ~re.UNICODE if isinstance(regex.pattern, str) else regex.flags
        clauses = required_clauses(regex.pattern, flags)
        if not clauses or min(len(s) for s in clauses[0]) < 2:
            return None  # "r" or "%": a stretch at nearly every clause of the text
        if sum(ch.islower() for ch in first_ascii(regex.pattern, flags)) < 2:
            return None
        breaks = break_class([(regex.pattern, flags)])
        if breaks is None:
            return None
        from pipeline import patterns as rx
        from pipeline.lexicon import trie

        return cls(rx.compile(trie(clauses[0]), store=True), breaks)

    def finditer(self, regex: re.Pattern, text: str, folded: str, reversed_text: str) -> Iterable[re.Match]:
        """The matches of ``regex`` in ``text`` (``folded``: ``fold(text)``; ``reversed_text``: ``text[::-1]``)."""
        n = len(text)
        find, cut = self.anchor.search, self.breaks.search
        pos = 0
        while True:
            hit = find(folded, pos)
            if hit is None:
                return
            at = hit.start()
            before = cut(reversed_text, n - at)  # the last break before ``at``: reversed index n-1-i
            after = cut(text, at)
            pos = after.end() if after is not None else n
            yield from regex.finditer(text, n - before.start() if before is not None else 0, pos)
            if pos >= n:
                return


# --- regions: search only the stretches of a text that can hold a match -----------------------------

@dataclass(frozen=True)
class Regions:
    """Where a stage's patterns can match in a text: the stretches between "break" characters that
    hold an anchor; the patterns are searched there only (issue 22, item 1).

    Why: a lexicon pattern whose every match holds a currency mark (money's forms) still walks the
    whole text trying its number grammar at every word, though most sentences name no currency. A
    whole-text literal gate cannot help there (the lexicon holds one-letter marks such as "c", which
    every text contains), but a lookup of the marks, each with the word boundaries its patterns put
    around it, finds the few places a match can be, and the patterns run there only.

    Why exact: ``breaks`` are characters no item of any of the patterns can consume, in the main path
    or in a lookaround (pipeline/first_chars.py ``unconsumed_ascii``): a match never spans one, and no
    lookahead sees past one. So each stretch between two breaks can be searched on its own, with the
    full text, ``pos`` at its start (lookbehinds still see what comes before) and ``endpos`` just past
    its closing break (lookaheads see that break, the last thing they could see anyway), and gives the
    matches the whole-text search gives there. ``anchors`` (searched in the text) and
    ``folded_anchors`` (searched in ``fold(text)``, which keeps every offset) are a necessary
    condition the caller vouches for: every match of every pattern holds a match of one of them. A
    stretch without one is not searched: the search would have found nothing. The windows returned
    are stretches with an anchor, neighbours merged; searching them gives exactly the whole-text
    matches, in the same order.
    """

    #: one character class of the break characters (None: the text is one stretch)
    breaks: re.Pattern | None
    anchors: tuple[re.Pattern, ...]
    folded_anchors: tuple[re.Pattern, ...] = ()

    def windows(self, text: str) -> list[tuple[int, int]]:
        """(pos, endpos) of each stretch of ``text`` that may hold a match, in text order."""
        starts = [m.start() for anchor in self.anchors for m in anchor.finditer(text)]
        if self.folded_anchors:
            folded = fold(text)
            if len(folded) != len(text):  # cannot happen (fold keeps lengths): then search everything
                return [(0, len(text))]
            starts.extend(m.start() for anchor in self.folded_anchors for m in anchor.finditer(folded))
        if not starts:
            return []
        if self.breaks is None:
            return [(0, len(text))]
        cuts = [m.start() for m in self.breaks.finditer(text)]
        out: list[tuple[int, int]] = []
        for at in sorted(set(starts)):
            k = bisect.bisect_right(cuts, at)
            if out and at < out[-1][1]:
                continue  # in the stretch just taken
            start = cuts[k - 1] + 1 if k else 0
            end = cuts[k] + 1 if k < len(cuts) else len(text)
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


def break_class(patterns: Iterable[tuple[str, int]], keep: Iterable[str] = ()) -> re.Pattern | None:
    """One character class of the ASCII characters no pattern of ``patterns`` ((source, flags) pairs)
    can consume (pipeline/patterns.py ``unconsumed``), minus the characters of ``keep`` (e.g. every
    character of the anchors, which must lie inside a stretch); None when there is none."""
    from pipeline import patterns as rx

    common: frozenset[str] | None = None
    for source, flags in patterns:
        chars = rx.unconsumed(source, flags)
        common = chars if common is None else common & chars
    # a newline is never a break: with ``endpos`` just past one, "$" would match before it
    chars = sorted((common or frozenset()) - set("".join(keep)) - {"\n"})
    if not chars:
        return None
    return rx.compile("[" + "".join(re.escape(ch) for ch in chars) + "]", store=True)
