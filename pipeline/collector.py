"""The cyclic garbage collector's thresholds for a run: raised once, as the process starts its work.

Why (issue 22): at Python's default (700, 10, 10) a ``newsfacts extract`` over 100k words made ~590
collections: ~70 during the imports, ~310 while the rules compiled and the model loaded (each full
collection walks every object made so far, and the load makes millions that all stay: 0.5-0.8 s of
collector time, measured on a loaded machine) and ~210 during the parse and the stages, whose
short-lived Tokens, Spans and rows reference counting frees anyway. At (20,000, 20, 20) the same run makes
27 collections. Nothing is kept longer but for reference cycles, which wait longer to be freed; no output
depends on when garbage is collected. Standard library only, so the CLI can call it before its heavy imports.
"""

from __future__ import annotations

import gc

#: generation 0: net allocations of tracked objects between collections; 1 and 2: collections of the
#: generation below between two of these
GC_THRESHOLDS = (20_000, 20, 20)


def collect_less_often() -> tuple[int, int, int]:
    """Raise the collector's thresholds to at least ``GC_THRESHOLDS``; return the ones in force. A collector
    already set less eager on a generation keeps that generation's threshold; one turned off stays off."""
    current = gc.get_threshold()
    if current[0] > 0:  # a threshold of 0 turns the collector off: left off
        gc.set_threshold(*(max(c, w) for c, w in zip(current, GC_THRESHOLDS, strict=True)))
    return gc.get_threshold()
