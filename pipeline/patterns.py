"""Regexes built from the rules, compiled once per process and kept compiled on disk between processes.

Why: the number grammar and the money, counts and dates lexicons make patterns of 20k-110k characters.
Python's regex parser is pure Python (about 7 µs a character), so compiling them cost 4-5 s in every
process (every run, every ``--workers`` process, every Dask worker): more than spaCy's own load. The
work is the same every time, so its result is kept: the compiled program of a pattern (the code list
``_sre.compile`` takes, with its group names) is stored under a hash of the Python version, the
engine's magic number, the flags and the pattern text, and read back in a millisecond.

The stored program is what ``re.compile`` would make, with one addition: when ``re`` left the program
without a first-character set (every case-insensitive lexicon pattern), one is worked out
(pipeline/first_chars.py), so the engine skips the positions where no match can begin instead of trying
a match at every character (about 3x faster searches); matches are identical (tests compare them on
real texts). Patterns under 100 characters get the same program, compiled in the process and not
stored (from 100 characters on, reading the file is cheaper than re's pure-Python parser). Any
problem (no cache folder, a corrupt or foreign file, an engine that rejects the code) falls back to
``re.compile``: the cache can make a run faster, never different. Where: ``NEWSFACTS_REGEX_CACHE``
(a folder, or ``off``), else ``$XDG_CACHE_HOME/newsfacts/regex`` (``~/.cache/newsfacts/regex``).
Entries are a few hundred kB each, named by content, written atomically; stale ones are harmless and
can be deleted at any time.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path

from pipeline.first_chars import unconsumed_ascii, with_skip_table

try:  # the engine CPython's re module compiles to; absent elsewhere (then: plain re.compile)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    _sre = None  # type: ignore[assignment]

#: patterns shorter than this compile in a fraction of a millisecond: not worth a file (the ~80 dates and
#: money patterns of 100-500 characters together cost ~0.03 s of every start-up when compiled from source)
MIN_CACHED_LENGTH = 100
#: part of every stored program's key: a program made by an earlier version of ``_program`` is not read
PROGRAM_VERSION = "first-chars-1"
_memo: dict[tuple[str, int], re.Pattern] = {}
#: how many patterns this process compiled from source (not read back): tests count these
compiled_from_source = 0
#: (pattern, flags) -> the ASCII characters no match of it can hold (``unconsumed``), as worked out
_unconsumed: dict[tuple[str, int], frozenset[str]] = {}
#: how many patterns this process parsed only for ``unconsumed`` (compiled before it was asked, or their
#: program read from the cache without the answer beside it): tests count these
parsed_for_unconsumed = 0
#: (pattern, flags) of the patterns being compiled by ``unconsumed``: ``_program`` walks their parse too
_walk: set[tuple[str, int]] = set()


def cache_dir(kind: str = "regex") -> Path | None:
    """The folder of stored programs (``kind`` "regex"; "pint" for pint's parsed unit definitions, see
    pipeline/extract/measures.py), or None when caching is off. Asked once per stored pattern (~400 times as
    the rules compile): the answer is kept per value of the environment variables it reads."""
    env = os.environ
    return _cache_dir(kind, env.get("NEWSFACTS_REGEX_CACHE", ""), env.get("XDG_CACHE_HOME"), env.get("HOME"))


@functools.lru_cache(maxsize=16)
def _cache_dir(kind: str, raw: str, xdg: str | None, home: str | None) -> Path | None:  # noqa: ARG001 - home: part of the key
    raw = raw.strip()
    if raw.lower() in ("off", "0", "false", "no"):
        return None
    if raw:
        return Path(raw) if kind == "regex" else Path(raw) / kind
    base = xdg or str(Path.home() / ".cache")
    return Path(base) / "newsfacts" / kind


def _key(pattern: str, flags: int) -> str:
    basis = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{PROGRAM_VERSION}|{flags}|".encode() + pattern.encode("utf-8", "surrogatepass")
    return hashlib.sha256(basis).hexdigest()


def _program(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile (with a first-character set where re made none),
    as plain data."""
    global compiled_from_source
    compiled_from_source += 1
    parsed = _parser.parse(pattern, flags)
    code = with_skip_table(_compiler._code(parsed, flags), parsed, flags)
    if (pattern, int(flags)) in _walk:  # asked by ``unconsumed``: the parse is at hand
        _unconsumed.setdefault((pattern, int(flags)), unconsumed_ascii(parsed, flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the opcodes are int subclasses, which marshal does not store
    return (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def _from_program(pattern: str, program: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _read(path: Path, pattern: str) -> re.Pattern | None:
    try:
        program = marshal.loads(path.read_bytes())
        return _from_program(pattern, program)
    except Exception:  # noqa: BLE001 - missing, corrupt or foreign: compile from source instead
        return None


def _write(path: Path, program: tuple) -> None:
    try:
        data = marshal.dumps(program)
    except ValueError:
        return
    write_atomically(path, data)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a reader never sees half of it); any OS problem is
    ignored: read-only home, full disk: the run goes on, it just works the answer out next time too."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def compile(pattern: str, flags: int = 0, *, store: bool = False) -> re.Pattern:  # noqa: A001 - the re.compile of the rules
    """``re.compile(pattern, flags)``, compiled at most once per process and, for long patterns (or any
    with ``store``: a class of 60 escaped characters is short but parses in ~0.5 ms), read back from the
    on-disk cache when another process already compiled it."""
    flags = int(flags)
    key = (pattern, flags)
    found = _memo.get(key)
    if found is not None:
        return found
    folder = cache_dir() if _sre is not None and (store or len(pattern) >= MIN_CACHED_LENGTH) else None
    compiled: re.Pattern | None = None
    if folder is None and _sre is not None and isinstance(pattern, str):
        try:
            compiled = _from_program(pattern, _program(pattern, flags))
        except Exception:  # noqa: BLE001 - an engine this code does not know: the public way
            compiled = None
    elif folder is not None:
        path = folder / f"{_key(pattern, flags)}.marshal"
        compiled = _read(path, pattern)
        if compiled is None:
            try:
                program = _program(pattern, flags)
                compiled = _from_program(pattern, program)
            except Exception:  # noqa: BLE001 - an engine this code does not know: the public way
                compiled = None
            else:
                _write(path, program)
                _write_unconsumed(path, _unconsumed.get(key))
    if compiled is None:
        compiled = re.compile(pattern, flags)
    _memo[key] = compiled
    return compiled


def _unconsumed_path(program_path: Path) -> Path:
    return program_path.with_suffix(".unconsumed")


def _write_unconsumed(program_path: Path, chars: frozenset[str] | None) -> None:
    if chars is not None:
        write_atomically(_unconsumed_path(program_path), marshal.dumps("".join(sorted(chars))))


def unconsumed(pattern: str, flags: int = 0) -> frozenset[str]:
    """The ASCII characters that no match of ``pattern`` can hold and no lookahead of it can look past
    (pipeline/first_chars.py ``unconsumed_ascii``), for pipeline/prefilter.py ``Regions``.

    Ask before compiling the pattern: when it is compiled from source then, the one parse gives both
    (the parse of money's forms costs ~2 s, the walk ~0.1 s); the answer is kept on disk beside the
    program (same key, same folder and off switch), so a process that reads the program back reads
    this too. A pattern compiled earlier in the process, or a program stored without the answer (an
    older cache), is parsed once more. Empty (never split a text) when it cannot be worked out:
    another Python implementation, or a pattern re cannot parse."""
    flags = int(flags)
    key = (pattern, flags)
    found = _unconsumed.get(key)
    if found is not None:
        return found
    folder = cache_dir() if _sre is not None and len(pattern) >= MIN_CACHED_LENGTH else None
    path = _unconsumed_path(folder / f"{_key(pattern, flags)}.marshal") if folder is not None else None
    if key not in _memo and _sre is not None:
        _walk.add(key)
        try:
            compile(pattern, flags)
        finally:
            _walk.discard(key)
        found = _unconsumed.get(key)
        if found is not None:
            return found
    if path is not None:
        try:
            stored = marshal.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, corrupt or foreign: work it out again
            stored = None
        if isinstance(stored, str) and stored.isascii():
            found = _unconsumed[key] = frozenset(stored)
            return found
    found = frozenset()
    if _sre is not None:
        global parsed_for_unconsumed
        parsed_for_unconsumed += 1
        try:
            found = unconsumed_ascii(_parser.parse(pattern, flags), flags)
        except Exception:  # noqa: BLE001 - re cannot parse it here: never split
            found = frozenset()
        if path is not None:
            write_atomically(path, marshal.dumps("".join(sorted(found))))
    _unconsumed[key] = found
    return found
