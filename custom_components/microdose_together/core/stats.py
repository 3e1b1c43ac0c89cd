"""Small-sample statistics on the standard library: Welch's interval and t quantiles.

The couple's figures come from a few dozen days at most, so a difference of means
needs an interval that stays honest with small and unequal groups: Welch's, with
the Welch-Satterthwaite degrees of freedom and the Student t quantile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import math
from statistics import NormalDist, fmean, variance
from typing import Final

CONFIDENCE: Final = 0.95
# Past this many degrees of freedom the t quantile of a 95 % interval is within
# 3e-5 of the normal one, far below the rounding shown; the beta fraction would
# only grow slow.
NORMAL_DF: Final = 1e5
_FRACTION_STEPS: Final = 1000
_FRACTION_EPS: Final = 1e-15
_TINY: Final = 1e-300
_BISECTIONS: Final = 200


@dataclass(frozen=True, slots=True)
class WelchInterval:
    """A difference of two means with its confidence interval."""

    difference: float
    low: float
    high: float
    df: float


def welch_interval(
    first: Sequence[float], second: Sequence[float], confidence: float = CONFIDENCE
) -> WelchInterval:
    """Return mean(first) - mean(second) with Welch's confidence interval.

    Two equal, constant groups give a zero-width interval; their degrees of
    freedom are then taken as n1 + n2 - 2, since any value gives the same width.

    Raises:
        ValueError: a group has fewer than two values, or the confidence is not
            strictly between 0 and 1.
    """
    if len(first) < 2 or len(second) < 2:
        raise ValueError("each group needs at least two values")
    mean_1, mean_2 = fmean(first), fmean(second)
    share_1 = variance(first, mean_1) / len(first)
    share_2 = variance(second, mean_2) / len(second)
    spread = share_1 + share_2
    if spread > 0:
        df = spread**2 / (
            share_1**2 / (len(first) - 1) + share_2**2 / (len(second) - 1)
        )
    else:
        df = float(len(first) + len(second) - 2)
    half = t_quantile(0.5 + confidence / 2, df) * math.sqrt(spread)
    difference = mean_1 - mean_2
    return WelchInterval(difference, difference - half, difference + half, df)


def t_quantile(p: float, df: float) -> float:
    """Return the Student t quantile: the t with P(T <= t) = p for `df` > 0.

    The distribution function is inverted by bisection, which cannot diverge;
    an infinite (or very large) `df` gives the normal quantile.

    Raises:
        ValueError: p is not strictly between 0 and 1, or df is not positive.
    """
    if not 0 < p < 1:
        raise ValueError(f"p must lie strictly between 0 and 1, not {p!r}")
    if not df > 0:
        raise ValueError(f"degrees of freedom must be positive, not {df!r}")
    if df >= NORMAL_DF:
        return NormalDist().inv_cdf(p)
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2
    for _ in range(_BISECTIONS):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def t_cdf(t: float, df: float) -> float:
    """Return P(T <= t) for Student's t with `df` degrees of freedom."""
    square = t * t
    x, y = df / (df + square), square / (df + square)
    tail = 0.5 * _regularized_beta(df / 2, 0.5, x, y)
    return 1 - tail if t >= 0 else tail


def regularized_beta(a: float, b: float, x: float) -> float:
    """Return the regularized incomplete beta function I_x(a, b)."""
    return _regularized_beta(a, b, x, 1 - x)


def _regularized_beta(a: float, b: float, x: float, y: float) -> float:
    """Return I_x(a, b) given y = 1 - x computed without cancellation.

    The continued fraction converges fast only below (a + 1) / (a + b + 2), so
    above it the symmetry I_x(a, b) = 1 - I_y(b, a) is used; near t = 0 the t
    distribution needs y exact, which 1 - x would round away.
    """
    if x <= 0:
        return 0.0
    if y <= 0:
        return 1.0
    log_front = (
        math.lgamma(a + b)
        - math.lgamma(a)
        - math.lgamma(b)
        + a * math.log(x)
        + b * math.log(y)
    )
    front = math.exp(log_front)
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1 - front * _beta_fraction(b, a, y) / b


def _beta_fraction(a: float, b: float, x: float) -> float:
    """Evaluate the incomplete beta continued fraction by the modified Lentz method."""
    c, d = 1.0, _nonzero(1 - (a + b) * x / (a + 1))
    d = 1 / d
    result = d
    for m in range(1, _FRACTION_STEPS + 1):
        even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        for term in (even, odd):
            d = 1 / _nonzero(1 + term * d)
            c = _nonzero(1 + term / c)
            result *= d * c
        if abs(d * c - 1) < _FRACTION_EPS:
            break
    return result


def _nonzero(value: float) -> float:
    """Keep a Lentz step away from an exact zero."""
    return value if abs(value) > _TINY else _TINY
