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
_NEWTON_STEPS: Final = 100
_NEWTON_TOLERANCE: Final = 1e-9
_LARGEST_GUESS: Final = 1e6
_SERIES_BELOW: Final = 0.5
_SERIES_STEPS: Final = 2000
_STIRLING_FROM: Final = 20.0
# B(2k) / (2k (2k - 1)), the coefficients of Stirling's series for log-gamma.
_STIRLING: Final = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188)


@dataclass(frozen=True, slots=True)
class WelchInterval:
    """A difference of two means with its confidence interval."""

    difference: float
    low: float
    high: float
    df: float


@dataclass(frozen=True, slots=True)
class Moments:
    """What Welch's interval needs of one group: its size, mean and sample variance."""

    count: int
    mean: float
    variance: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Moments:
        """Return the moments of a list of values (at least two)."""
        mean = fmean(values)
        return cls(len(values), mean, variance(values))


def welch_interval(
    first: Sequence[float], second: Sequence[float], confidence: float = CONFIDENCE
) -> WelchInterval:
    """Return mean(first) - mean(second) with Welch's confidence interval.

    Raises:
        ValueError: a group has fewer than two values, or the confidence is not
            strictly between 0 and 1.
    """
    if len(first) < 2 or len(second) < 2:
        raise ValueError("each group needs at least two values")
    return welch_from_moments(Moments.of(first), Moments.of(second), confidence)


def welch_from_moments(
    first: Moments, second: Moments, confidence: float = CONFIDENCE
) -> WelchInterval:
    """Return Welch's interval from each group's moments, so no values are reread.

    Two equal, constant groups give a zero-width interval; their degrees of
    freedom are then taken as n1 + n2 - 2, since any value gives the same width.

    Raises:
        ValueError: a group has fewer than two values, or the confidence is not
            strictly between 0 and 1.
    """
    if first.count < 2 or second.count < 2:
        raise ValueError("each group needs at least two values")
    share_1 = first.variance / first.count
    share_2 = second.variance / second.count
    spread = share_1 + share_2
    if spread > 0:
        df = spread**2 / (
            share_1**2 / (first.count - 1) + share_2**2 / (second.count - 1)
        )
    else:
        df = float(first.count + second.count - 2)
    half = t_quantile(0.5 + confidence / 2, df) * math.sqrt(spread)
    difference = first.mean - second.mean
    return WelchInterval(difference, difference - half, difference + half, df)


def t_quantile(p: float, df: float) -> float:
    """Return the Student t quantile: the t with P(T <= t) = p for `df` > 0.

    Newton's method from the Cornish-Fisher expansion needs three or four
    steps, whatever the degrees of freedom, so five years of days cost no more
    than five weeks; a step that would leave the bracket known to hold the
    answer halves it instead, so it cannot diverge. An infinite (or very
    large) `df` gives the normal quantile.

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
    low, high = 0.0, math.inf
    t = _cornish_fisher(p, df)
    for _ in range(_NEWTON_STEPS):
        error = t_cdf(t, df) - p
        if error == 0:
            return t
        if error < 0:
            low = t
        else:
            high = t
        following = t - error / _t_pdf(t, df)
        if not low < following < high:
            following = (low + high) / 2 if high < math.inf else 2 * t
        if abs(following - t) <= _NEWTON_TOLERANCE * following:
            return following  # converging quadratically: the next step is noise
        t = following
    return t


def _cornish_fisher(p: float, df: float) -> float:
    """Return a first guess at the upper t quantile: the normal one, corrected."""
    z = NormalDist().inv_cdf(p)
    z2 = z * z
    terms = (
        z * (z2 + 1) / 4,
        z * ((5 * z2 + 16) * z2 + 3) / 96,
        z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384,
        z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160,
    )
    guess = z + sum(term / df ** (power + 1) for power, term in enumerate(terms))
    return min(max(guess, z), _LARGEST_GUESS)


def _t_pdf(t: float, df: float) -> float:
    """Return the density of Student's t at `t`."""
    log_density = (
        math.lgamma((df + 1) / 2)
        - math.lgamma(df / 2)
        - 0.5 * math.log(df * math.pi)
        - (df + 1) / 2 * math.log1p(t * t / df)
    )
    return math.exp(log_density)


def t_cdf(t: float, df: float) -> float:
    """Return P(T <= t) for Student's t with `df` degrees of freedom.

    Above zero with T**2 / (df + T**2) at most a half, the central part
    P(|T| <= t) comes from the power series, which needs a few dozen terms
    however large `df` grows; elsewhere the continued fraction is quicker.
    """
    square = t * t
    x, y = df / (df + square), square / (df + square)
    if t > 0 and y <= _SERIES_BELOW:
        return 0.5 + 0.5 * _beta_series(0.5, df / 2, y, x)
    tail = 0.5 * _regularized_beta(df / 2, 0.5, x, y)
    return 1 - tail if t >= 0 else tail


def _log_gamma_ratio(a: float, b: float) -> float:
    """Return log(Gamma(a + b) / Gamma(b)) without the cancellation of large b.

    For large b the two log-gammas are large and nearly equal, so their
    difference would keep only a few digits; Stirling's series of the
    difference keeps them all.
    """
    if b < _STIRLING_FROM:
        return math.lgamma(a + b) - math.lgamma(b)
    ratio = (b - 0.5) * math.log1p(a / b) + a * math.log(b + a) - a
    for k, coefficient in enumerate(_STIRLING, start=1):
        power = 1 - 2 * k
        ratio += coefficient * ((a + b) ** power - b**power)
    return ratio


def _beta_series(a: float, b: float, x: float, y: float) -> float:
    """Return I_x(a, b) by its power series (given y = 1 - x); for x <= 1/2."""
    log_front = (
        _log_gamma_ratio(a, b) - math.lgamma(a) + a * math.log(x) + b * math.log(y)
    )
    term = total = 1.0
    for n in range(_SERIES_STEPS):
        term *= (a + b + n) / (a + 1 + n) * x
        total += term
        if term <= total * _FRACTION_EPS:
            break
    return math.exp(log_front) * total / a


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
