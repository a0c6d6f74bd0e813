"""A first-character skip table for rule regexes that Python's ``re`` leaves without one (issue 22).

Why: ``re`` searches a pattern by trying a full match at every position of the text, unless the
compiled program starts with an "info" block naming a literal prefix or the set of characters a match
can begin with; then the engine (C code) skips every position whose character is not in the set and
only tries the others. ``re`` builds that set only for case-sensitive patterns: with ``IGNORECASE``
(every lexicon pattern of rules/) or a leading ``\\b``/lookbehind, it gives up, and the dates and
money patterns were tried at each of the ~600,000 characters of 100k words, 47 + 11 times. Most
positions fail at once, but each failed try still costs the engine's set-up.

What: from the parsed pattern, the ASCII characters a match can begin with (zero-width assertions and
optional parts looked through, each consuming item asked with the flags in force there, so
``(?-i:...)`` and case folding are the engine's own), plus every non-ASCII character. The set is a
superset of the true first characters, and the engine only uses it to skip positions where no match
can begin, so every search finds exactly the matches it found before (a test compares them on real
texts). Patterns that may match the empty string, or whose start cannot be worked out (a
backreference, a conditional), keep re's own info block.
"""

from __future__ import annotations

from functools import lru_cache

from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as c  # type: ignore[attr-defined]

_ASCII = tuple(chr(i) for i in range(128))
#: a set this large skips too few positions to pay for its own check
_MAX_USEFUL = 96
_REPEATS = tuple(getattr(c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(c, name))
_ATOMIC = getattr(c, "ATOMIC_GROUP", None)
_CONSUMING = (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY)
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)


@lru_cache(maxsize=4096)
def _item_chars(op: object, av: object, flags: int) -> frozenset[str] | None:
    """The ASCII characters one consuming item (a literal, a class, ``.``) matches under ``flags``,
    asked of the engine itself (case folding, ``\\w`` and ``(?-i:)`` are then exactly re's)."""
    state = _parser.State()
    state.flags = flags
    try:
        item = _compiler.compile(_parser.SubPattern(state, [(op, _thaw(av))]), flags)
    except Exception:  # noqa: BLE001 - an item this code does not know: no skip table
        return None
    return frozenset(ch for ch in _ASCII if item.match(ch))


def _freeze(av: object) -> object:
    """A hashable form of an item's argument (lists of class members), for the memo."""
    if isinstance(av, list):
        return tuple((op, _freeze(x)) for op, x in av)
    return av


def _thaw(av: object) -> object:
    if isinstance(av, tuple) and av and isinstance(av[0], tuple):
        return [(op, _thaw(x)) for op, x in av]
    return av


def _first(items: list, flags: int) -> tuple[frozenset[str], bool] | None:
    """(ASCII characters a match of the item sequence may begin with, whether it may match empty);
    None when unknown."""
    chars: set[str] = set()
    for op, av in items:
        found = _first_of(op, av, flags)
        if found is None:
            return None
        first, empty = found
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _first_of(op: object, av: object, flags: int) -> tuple[frozenset[str], bool] | None:
    if op in _CONSUMING:
        if op is c.IN and not all(isinstance(x, tuple) and len(x) == 2 for x in av):
            return None
        chars = _item_chars(op, _freeze(av), flags)
        return None if chars is None else (chars, False)
    if op in _ZERO_WIDTH:  # consumes nothing: the next item begins at the same character
        return frozenset(), True
    if op is c.SUBPATTERN:
        _, add, remove, sub = av
        return _first(sub.data, (flags | add) & ~remove)
    if _ATOMIC is not None and op is _ATOMIC:
        return _first(av.data, flags)
    if op is c.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in av[1]:
            found = _first(alternative.data, flags)
            if found is None:
                return None
            chars |= found[0]
            empty |= found[1]
        return frozenset(chars), empty
    if op in _REPEATS:
        low, high, sub = av
        if high == 0:
            return frozenset(), True
        found = _first(sub.data, flags)
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # a backreference, a conditional: unknown


def first_ascii(parsed: _parser.SubPattern, flags: int) -> frozenset[str]:
    """The ASCII characters a match of ``parsed`` may begin with; every ASCII character when that is
    unknown or a match may be empty (pipeline/prefilter.py ``Anchored``)."""
    found = _first(parsed.data, flags | parsed.state.flags)
    return frozenset(_ASCII) if found is None or found[1] else found[0]


def with_skip_table(code: list[int], parsed: _parser.SubPattern, flags: int) -> list[int]:
    """``code`` (what ``re._compiler._code`` made of ``parsed``) with a first-character set in its info
    block when re left none and one can be worked out; else ``code`` unchanged."""
    if not code or code[0] != c.INFO or code[2] != 0 or code[3] == 0 or not isinstance(parsed.state.str, str):
        return code  # re found a prefix or set itself, or the pattern may match the empty string
    flags = flags | parsed.state.flags
    found = _first(parsed.data, flags)
    if found is None or found[1] or len(found[0]) > _MAX_USEFUL:
        return code
    # the ASCII part as re packs it (a bitmap or ranges), then every non-ASCII character: case folding
    # beyond ASCII ("K" for "k") never needs working out, and English text is nearly all ASCII
    ascii_part, _ = _compiler._optimize_charset([(c.LITERAL, ord(ch)) for ch in sorted(found[0])])
    charset = [*ascii_part, (c.RANGE, (0x80, 0x10FFFF))]
    info = [c.INFO, 0, c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags & ~c.SRE_FLAG_IGNORECASE, info)
    info[1] = len(info) - 1
    return info + code[1 + code[1] :]


def unconsumed_ascii(parsed: _parser.SubPattern, flags: int) -> frozenset[str]:
    """The ASCII characters that no consuming item anywhere in the pattern matches (its main path and
    every lookaround), each item asked of the engine with the flags in force there.

    Why: a match never holds such a character, and no lookahead can look past one (it would have to
    consume it), so the stretches of text between them can be searched apart, each with ``pos`` and
    an ``endpos`` just past its closing character, and give exactly the matches of the whole-text
    search (pipeline/prefilter.py ``Regions``). Non-ASCII characters are never in the set (case
    folding beyond ASCII is not worked out here). Empty when the pattern holds an item this walk does
    not know (a backreference, a conditional): then the text is never split."""
    out: set[str] = set()
    return frozenset(ch for ch in _ASCII if ch not in out) if _consumed(parsed.data, flags | parsed.state.flags, out) else frozenset()


def _consumed(items: list, flags: int, out: set[str]) -> bool:
    """Add to ``out`` every ASCII character an item of ``items`` (or of a part nested in them) may
    consume; False when an item is not known."""
    for op, av in items:
        if op in _CONSUMING:
            if op is c.IN and not all(isinstance(x, tuple) and len(x) == 2 for x in av):
                return False
            chars = _item_chars(op, _freeze(av), flags)
            if chars is None:
                return False
            out |= chars
        elif op is c.AT:
            continue
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _consumed(av[1].data, flags, out):
                return False
        elif op is c.SUBPATTERN:
            _, add, remove, sub = av
            if not _consumed(sub.data, (flags | add) & ~remove, out):
                return False
        elif _ATOMIC is not None and op is _ATOMIC:
            if not _consumed(av.data, flags, out):
                return False
        elif op is c.BRANCH:
            if not all(_consumed(alternative.data, flags, out) for alternative in av[1]):
                return False
        elif op in _REPEATS:
            if not _consumed(av[2].data, flags, out):
                return False
        else:  # a backreference, a conditional: unknown
            return False
    return True
