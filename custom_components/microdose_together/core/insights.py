"""How the couple's check-in scores sit around their dose days.

These figures are associations, not causes: a better mood on dose days may come
from the dose, from the days chosen for dosing, or from the hope put into them.
Expectations shape self-reports, so the figures describe the couple's own
experience and do not measure what psilocybin does.

Each partner's day is one observation: the last check-in of the day (by `at`,
ties broken by the larger id, so the order of records never matters). A day falls
in one category, decided by what the partner did before what the schedule says:

- dose_day: the partner logged a dose that day (flagged, off-protocol doses too);
  a scheduled dose day without a dose is a rest day.
- day_after: the day after a day the partner dosed, without a dose of its own.
- baseline: before the protocol's first day.
- paused: a paused day, kept apart because a pause often means illness or travel.
- tolerance_break: a day of the schedule's tolerance break.
- rest_day: any other day of the protocol.

The couple's figures pool both partners' day-observations: a day both checked in
counts twice, each under that partner's own category. The two scores of one day
are not independent, so the couple's interval is somewhat narrower than it should be.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from .checkins import PARTNERS, SCORE_MAX, SCORE_MIN, CheckIn
from .doses import DoseRecord
from .protocol import ONE_DAY, Phase, Protocol
from .stats import Moments, WelchInterval, welch_from_moments

SCORES: Final = ("mood", "connection", "stress")
# Fewer days than this in either group give an interval too wide to mean anything.
MIN_DAYS_PER_GROUP: Final = 5
_DIGITS: Final = 2


class Category(StrEnum):
    """What a partner's check-in day was, in the order figures are listed."""

    BASELINE = "baseline"
    DOSE_DAY = "dose_day"
    DAY_AFTER = "day_after"
    REST_DAY = "rest_day"
    TOLERANCE_BREAK = "tolerance_break"
    PAUSED = "paused"


_PHASE_CATEGORIES: Final[Mapping[Phase, Category]] = MappingProxyType(
    {Phase.PAUSED: Category.PAUSED, Phase.TOLERANCE_BREAK: Category.TOLERANCE_BREAK}
)


def categorize(protocol: Protocol, dosed: Container[date], day: date) -> Category:
    """Return the category of `day` for a partner who dosed on the `dosed` days."""
    if day in dosed:
        return Category.DOSE_DAY
    if day - ONE_DAY in dosed:
        return Category.DAY_AFTER
    if day < protocol.start:
        return Category.BASELINE
    return _PHASE_CATEGORIES.get(protocol.phase(day), Category.REST_DAY)


def rounded(value: float | None, digits: int = _DIGITS) -> float | None:
    """Round for display; adding 0.0 turns a rounded -0.0 into 0.0."""
    return None if value is None else round(value, digits) + 0.0


_SCALE: Final = range(SCORE_MIN, SCORE_MAX + 1)
_EMPTY_COUNTS: Final = (0,) * len(_SCALE)


@dataclass(frozen=True, slots=True)
class ScoreTally:
    """How many day-observations gave each value of one score, 1 to 5.

    Scores are whole numbers on a short scale, so these counts hold the count,
    sum and sum of squares, and give the mean and variance exactly as the
    statistics module works them out from the values: adding or taking away
    one observation is all a new check-in costs.
    """

    counts: tuple[int, ...] = _EMPTY_COUNTS

    @classmethod
    def of(cls, values: Iterable[int]) -> ScoreTally:
        """Count a list of scores."""
        counts = list(_EMPTY_COUNTS)
        for value in values:
            counts[value - SCORE_MIN] += 1
        return cls(tuple(counts))

    def moved(self, value: int, by: int) -> ScoreTally:
        """Return the tally with `by` more (or, negative, fewer) of `value`."""
        counts = list(self.counts)
        counts[value - SCORE_MIN] += by
        if counts[value - SCORE_MIN] < 0:
            raise ValueError(f"no observation of {value} to take away")
        return ScoreTally(tuple(counts))

    def __add__(self, other: ScoreTally) -> ScoreTally:
        """Pool two tallies (the couple's figures pool both partners')."""
        return ScoreTally(
            tuple(a + b for a, b in zip(self.counts, other.counts, strict=True))
        )

    @property
    def count(self) -> int:
        """Return how many observations there are."""
        return sum(self.counts)

    @property
    def total(self) -> int:
        """Return the sum of the observed values."""
        return sum(n * value for n, value in zip(self.counts, _SCALE, strict=True))

    @property
    def squares(self) -> int:
        """Return the sum of the squared values."""
        return sum(
            n * value * value for n, value in zip(self.counts, _SCALE, strict=True)
        )

    def mean(self) -> float | None:
        """Return the mean (as statistics.fmean gives it), None without values."""
        count = self.count
        return self.total / count if count else None

    def moments(self) -> Moments:
        """Return size, mean and variance as statistics.variance(values) gives them.

        The variance's exact value is (n·Σx² - (Σx)²) / (n·(n - 1)), whole
        numbers over whole numbers; Python divides those correctly rounded, as
        the statistics module rounds its exact fraction.
        """
        count, total = self.count, self.total
        return Moments(
            count,
            total / count,
            (count * self.squares - total * total) / (count * (count - 1)),
        )


type ScoreTallies = Mapping[str, ScoreTally]


def tally(checkins: Sequence[CheckIn]) -> dict[str, ScoreTally]:
    """Return each score's tally over some day-observations."""
    return {score: ScoreTally.of(_values(checkins, score)) for score in SCORES}


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """How many days a category holds and its mean scores (None without days)."""

    days: int
    mood: float | None
    connection: float | None
    stress: float | None

    @classmethod
    def of(cls, checkins: Sequence[CheckIn]) -> GroupSummary:
        """Summarise one category's day-observations."""
        return cls.from_tallies(tally(checkins))

    @classmethod
    def from_tallies(cls, tallies: ScoreTallies) -> GroupSummary:
        """Summarise one category from its score tallies."""
        return cls(
            days=tallies[SCORES[0]].count,
            mood=tallies["mood"].mean(),
            connection=tallies["connection"].mean(),
            stress=tallies["stress"].mean(),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers."""
        means = {score: rounded(getattr(self, score)) for score in SCORES}
        return {"days": self.days} | means


@dataclass(frozen=True, slots=True)
class DoseDayDifference:
    """Dose-day mean minus rest-day mean of one score, with its interval.

    Below MIN_DAYS_PER_GROUP days in either group there is no interval and no
    difference: a bare number invites more reading than a few days can carry.
    """

    dose_days: int
    rest_days: int
    interval: WelchInterval | None

    @property
    def enough(self) -> bool:
        """Tell whether both groups hold enough days for a comparison."""
        return self.interval is not None

    @classmethod
    def of(cls, dose: Sequence[int], rest: Sequence[int]) -> DoseDayDifference:
        """Compare one score's dose-day and rest-day values."""
        return cls.from_tallies(ScoreTally.of(dose), ScoreTally.of(rest))

    @classmethod
    def from_tallies(cls, dose: ScoreTally, rest: ScoreTally) -> DoseDayDifference:
        """Compare one score's dose-day and rest-day tallies."""
        enough = min(dose.count, rest.count) >= MIN_DAYS_PER_GROUP
        interval = (
            welch_from_moments(dose.moments(), rest.moments()) if enough else None
        )
        return cls(dose.count, rest.count, interval)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers; the interval's are None when not enough."""
        counts = {
            "dose_days": self.dose_days,
            "rest_days": self.rest_days,
            "enough": self.enough,
        }
        found = self.interval
        if found is None:
            return counts | dict.fromkeys(("difference", "low", "high", "df"))
        return counts | {
            "difference": rounded(found.difference),
            "low": rounded(found.low),
            "high": rounded(found.high),
            "df": rounded(found.df, 1),
        }


EMPTY_TALLIES: Final[ScoreTallies] = MappingProxyType(
    dict.fromkeys(SCORES, ScoreTally())
)


@dataclass(frozen=True, slots=True)
class Figures:
    """One partner's figures, or the couple's pooled ones."""

    categories: Mapping[Category, GroupSummary]
    differences: Mapping[str, DoseDayDifference]

    @classmethod
    def of(cls, groups: Mapping[Category, Sequence[CheckIn]]) -> Figures:
        """Summarise day-observations grouped by category."""
        return cls.from_tallies({c: tally(found) for c, found in groups.items()})

    @classmethod
    def from_tallies(cls, groups: Mapping[Category, ScoreTallies]) -> Figures:
        """Summarise the categories' score tallies (a missing one is empty)."""
        dose = groups.get(Category.DOSE_DAY, EMPTY_TALLIES)
        rest = groups.get(Category.REST_DAY, EMPTY_TALLIES)
        return cls(
            categories=MappingProxyType(
                {
                    c: GroupSummary.from_tallies(groups.get(c, EMPTY_TALLIES))
                    for c in Category
                }
            ),
            differences=MappingProxyType(
                {
                    score: DoseDayDifference.from_tallies(dose[score], rest[score])
                    for score in SCORES
                }
            ),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers."""
        return {
            "categories": {c.value: s.as_dict() for c, s in self.categories.items()},
            "dose_day_vs_rest_day": {
                score: difference.as_dict()
                for score, difference in self.differences.items()
            },
        }


@dataclass(frozen=True, slots=True)
class Insights:
    """Figures for the check-in days from `start` to `end`, both included."""

    start: date
    end: date
    partners: Mapping[int, Figures]
    couple: Figures

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data (slots as string keys)."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "partners": {str(p): f.as_dict() for p, f in self.partners.items()},
            "couple": self.couple.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class CycleInsights:
    """Figures for one tolerance cycle, and how often each partner checked in.

    `days` counts the cycle's active days up to today; paused days belong to no
    cycle, so they count neither for the figures nor for the check-in rate.
    """

    cycle: int
    complete: bool
    days: int
    checkin_rates: Mapping[int, float]
    insights: Insights

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data (slots as string keys)."""
        rates = {str(p): rounded(r) for p, r in self.checkin_rates.items()}
        return {
            "cycle": self.cycle,
            "complete": self.complete,
            "days": self.days,
            "checkin_rate": rates,
        } | self.insights.as_dict()


def for_range(
    protocol: Protocol,
    checkins: Iterable[CheckIn],
    doses: Iterable[DoseRecord],
    *,
    start: date,
    end: date,
) -> Insights:
    """Return the figures for check-in days from `start` to `end`, both included.

    Doses before `start` still count, so the range's first day can be a day after.

    Raises:
        ValueError: `end` lies before `start`.
    """
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    days = _latest_per_day(checkins, lambda day: start <= day <= end)
    return _insights(protocol, days, doses, start, end)


def for_cycle(
    protocol: Protocol,
    checkins: Iterable[CheckIn],
    doses: Iterable[DoseRecord],
    cycle: int,
    *,
    today: date,
) -> CycleInsights:
    """Return the figures of tolerance cycle `cycle` (1-based) up to `today`.

    Raises:
        ValueError: the cycle has not begun by `today`.
    """
    cycle_days = _cycle_days(protocol, cycle, today)
    if not cycle_days:
        raise ValueError(f"cycle {cycle} has not begun by {today}")
    days = _latest_per_day(checkins, cycle_days.__contains__)
    rates = {
        partner: sum(1 for p, _ in days if p == partner) / len(cycle_days)
        for partner in PARTNERS
    }
    return CycleInsights(
        cycle=cycle,
        complete=protocol.completed_cycles(today) >= cycle,
        days=len(cycle_days),
        checkin_rates=MappingProxyType(rates),
        insights=_insights(protocol, days, doses, min(cycle_days), max(cycle_days)),
    )


def _cycle_days(protocol: Protocol, cycle: int, today: date) -> frozenset[date]:
    """Return the active days of `cycle` up to `today`."""
    found: set[date] = set()
    day = protocol.start
    while day <= today:
        position = protocol.position(day)
        if position is not None:
            if position.cycle > cycle:
                break
            if position.cycle == cycle:
                found.add(day)
        day += ONE_DAY
    return frozenset(found)


def _latest_per_day(
    checkins: Iterable[CheckIn], include: Callable[[date], bool]
) -> dict[tuple[int, date], CheckIn]:
    """Keep each partner's last check-in of every included day."""
    latest: dict[tuple[int, date], CheckIn] = {}
    for checkin in checkins:
        if not include(checkin.day):
            continue
        key = (checkin.partner, checkin.day)
        found = latest.get(key)
        if found is None or (checkin.at, checkin.id) > (found.at, found.id):
            latest[key] = checkin
    return latest


def _insights(
    protocol: Protocol,
    days: Mapping[tuple[int, date], CheckIn],
    doses: Iterable[DoseRecord],
    start: date,
    end: date,
) -> Insights:
    """Group the day-observations by partner and category, then summarise.

    The order within a group does not matter: means and variances are exact sums.
    """
    dosed: dict[int, set[date]] = {partner: set() for partner in PARTNERS}
    for dose in doses:
        dosed[dose.partner].add(dose.day)
    frozen = {partner: frozenset(found) for partner, found in dosed.items()}
    groups: dict[int, dict[Category, list[CheckIn]]] = {p: {} for p in PARTNERS}
    for (partner, day), checkin in days.items():
        category = categorize(protocol, frozen[partner], day)
        groups[partner].setdefault(category, []).append(checkin)
    pooled = {
        category: [c for partner in PARTNERS for c in groups[partner].get(category, [])]
        for category in Category
    }
    return Insights(
        start=start,
        end=end,
        partners=MappingProxyType({p: Figures.of(groups[p]) for p in PARTNERS}),
        couple=Figures.of(pooled),
    )


def _values(checkins: Sequence[CheckIn], score: str) -> list[int]:
    """Return one score of each check-in."""
    return [int(getattr(checkin, score)) for checkin in checkins]
