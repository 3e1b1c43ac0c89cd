"""What goes into the review of a cycle when its tolerance break begins.

Numbers only, the ones the insights already hold: how many of the cycle's days
each partner checked in, and each partner's mean mood and connection on dose
days beside rest days. Like every insight figure they describe what went
together, not what caused it. Below the days the insights need for a
comparison, a partner's means are left out rather than shown on too few days.

The cycle's days are its dosing weeks before the break (paused days belong to
no cycle); the break itself holds no dose days to compare. A cycle in which
neither partner checked in (say, the integration was installed on the break's
first day) has nothing to review, and gets no review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from .checkins import PARTNERS, CheckIn
from .doses import DoseRecord
from .insights import Category, Figures, GroupSummary, for_cycle, rounded
from .protocol import ONE_DAY, Phase, Protocol

REVIEWED_SCORES = ("mood", "connection")


@dataclass(frozen=True, slots=True)
class PartnerReview:
    """One partner's cycle in numbers; means are None when there are too few days."""

    checked_in_days: int
    dose_days: int
    rest_days: int
    dose_day_means: Mapping[str, float] | None
    rest_day_means: Mapping[str, float] | None

    @property
    def enough(self) -> bool:
        """Tell whether there were enough dose and rest days to set side by side."""
        return self.dose_day_means is not None

    @classmethod
    def of(cls, figures: Figures) -> PartnerReview:
        """Take the review's numbers from one partner's insight figures."""
        dose = figures.categories[Category.DOSE_DAY]
        rest = figures.categories[Category.REST_DAY]
        enough = figures.differences["mood"].enough
        return cls(
            checked_in_days=sum(group.days for group in figures.categories.values()),
            dose_days=dose.days,
            rest_days=rest.days,
            dose_day_means=_means(dose) if enough else None,
            rest_day_means=_means(rest) if enough else None,
        )

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers."""
        return {
            "checked_in_days": self.checked_in_days,
            "dose_days": self.dose_days,
            "rest_days": self.rest_days,
            "enough": self.enough,
            "dose_day_means": _rounded(self.dose_day_means),
            "rest_day_means": _rounded(self.rest_day_means),
        }


@dataclass(frozen=True, slots=True)
class CycleReview:
    """The review of cycle `cycle`, whose dosing weeks ran from `start` to `end`."""

    cycle: int
    start: date
    end: date
    days: int
    partners: Mapping[int, PartnerReview]

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers (slots as string keys)."""
        return {
            "cycle": self.cycle,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "partners": {
                str(p): review.as_dict() for p, review in self.partners.items()
            },
        }


def review_at_break(
    protocol: Protocol,
    checkins: Iterable[CheckIn],
    doses: Iterable[DoseRecord],
    today: date,
) -> CycleReview | None:
    """Return the review of the cycle whose break begins `today`, else None.

    The break's first day is its first active one (a pause moves it); the
    cycle's dosing weeks lie before it. None too when nobody checked in then.
    """
    position = protocol.position(today)
    if (
        position is None
        or protocol.phase(today) is not Phase.TOLERANCE_BREAK
        or position.day != protocol.on_period_length + 1
    ):
        return None
    found = for_cycle(protocol, checkins, doses, position.cycle, today=today - ONE_DAY)
    partners = {p: PartnerReview.of(found.insights.partners[p]) for p in PARTNERS}
    if not any(review.checked_in_days for review in partners.values()):
        return None
    return CycleReview(
        cycle=found.cycle,
        start=found.insights.start,
        end=found.insights.end,
        days=found.days,
        partners=MappingProxyType(partners),
    )


def _means(group: GroupSummary) -> Mapping[str, float]:
    """Return a group's mean of each reviewed score (the group is not empty)."""
    return MappingProxyType({score: getattr(group, score) for score in REVIEWED_SCORES})


def _rounded(means: Mapping[str, float] | None) -> dict[str, float | None] | None:
    if means is None:
        return None
    return {score: rounded(value) for score, value in means.items()}
