"""The Wilson intervals the held-out scorers print (benchmarks/intervals.py) against published values."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.intervals import interval_text, wilson  # noqa: E402

# reference values worked by hand from the closed form: 0/n has upper bound z^2/(n+z^2), n/n lower bound n/(n+z^2)
CASES = [
    (5, 10, 0.2366, 0.7634),
    (0, 10, 0.0, 0.2775),
    (10, 10, 0.7225, 1.0),
]


@pytest.mark.parametrize("k,n,low,high", CASES)
def test_wilson_matches_reference(k: int, n: int, low: float, high: float) -> None:
    got_low, got_high = wilson(k, n)
    assert got_low == pytest.approx(low, abs=5e-4)
    assert got_high == pytest.approx(high, abs=5e-4)


def test_no_trials_is_the_whole_range_and_bad_counts_raise() -> None:
    assert wilson(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(3, 2)
    assert interval_text(8, 13) == "[0.36, 0.82]"
