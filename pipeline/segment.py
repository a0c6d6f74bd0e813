"""Cut long texts into segments spaCy can parse, and stop an article that overruns its time budget.

Why segments: spaCy refuses texts over ``nlp.max_length`` (E088) and its memory grows with the text,
so one 2 MB article used to stop a whole batch. A text longer than the segment size is cut at the
last paragraph break (else line break, else sentence end, else whitespace) before the limit; each
segment is parsed and extracted alone and its offsets are shifted back, so rows keep offsets into the
whole text. Texts under the segment size (all ordinary news) are one segment: their rows are unchanged.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Where a segment may end, best first: after a blank line, a line break, a sentence end, any space.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*\s")
_WHITESPACE = re.compile(r"\s")


def _last_cut(window: str) -> int | None:
    """Index just after the best boundary in ``window`` that leaves at least a quarter of it, or None."""
    floor = len(window) // 4
    for sep in ("\n\n", "\n"):
        i = window.rfind(sep, floor)
        if i != -1:
            return i + len(sep)
    for pattern in (_SENTENCE_END, _WHITESPACE):
        last = None
        for last in pattern.finditer(window, floor):
            pass
        if last is not None:
            return last.end()
    return None


def segment_spans(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) spans covering ``text`` in order, each at most ``size`` characters.

    A run of ``size`` characters with no whitespace at all (a hostile token) is cut where it must.
    Linear: each window is scanned once.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while len(text) - pos > size:
        cut = _last_cut(text[pos : pos + size])
        end = pos + (cut if cut else size)
        spans.append((pos, end))
        pos = end
    spans.append((pos, len(text)))
    return spans


class ArticleTimeout(Exception):
    """An article ran past its time budget (raised inside the stage that was running)."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in the running code once ``seconds`` have passed (SIGALRM, main thread).

    Why SIGALRM and not a thread: the pipeline is CPU-bound Python; the signal handler runs between
    bytecodes, so a runaway loop in an extractor is stopped where it is. Outside the main thread (or
    on a platform without SIGALRM) there is no guard and the block simply runs.
    """
    usable = seconds is not None and seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(signum, frame):  # noqa: ANN001, ARG001
        raise ArticleTimeout(f"over the {seconds:.0f} s budget")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
