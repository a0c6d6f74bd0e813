"""Confidence intervals for the small held-out figures.

The held-out sets of issues 14, 15 and 21 hold 13 to 300 labelled rows, so one row moves a recall by up
to eight points. A figure printed without its interval invites reading noise as progress (or as a
regression). The scorers print a Wilson score interval beside each rate: it stays inside [0, 1], is not
degenerate at 0/n or n/n, and is the interval recommended for binomial proportions of this size
(Brown, Cai and DasGupta, "Interval Estimation for a Binomial Proportion", Statistical Science 2001).
"""

from __future__ import annotations

import math

# two-sided 95 %: the standard normal quantile of 0.975
Z_95 = 1.959963984540054


def wilson(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of successes / trials; (0.0, 1.0) when there are no trials."""
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError(f"wilson: need 0 <= successes <= trials, got {successes}/{trials}")
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def interval_text(successes: int, trials: int) -> str:
    """'[0.57, 0.83]': the 95 % Wilson interval as the scorers print it beside a rate."""
    low, high = wilson(successes, trials)
    return f"[{low:.2f}, {high:.2f}]"
