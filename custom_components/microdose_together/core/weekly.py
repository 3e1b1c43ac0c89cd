"""The couple's week in numbers: what the weekly summary to both phones says.

Only counts and means, never a note, an answer or the intention: the summary
goes to both partners and passes through the phones' push service. A week's
means describe how the days felt to the couple; they do not say why.

Each partner's day counts once, with the last check-in of the day (by `at`,
ties broken by the larger id), as in the insights.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import fmean
from types import MappingProxyType
from typing import Any, Final

from .checkins import PARTNERS, CheckIn
from .doses import DoseLog
from .insights import rounded
from .protocol import Phase, Protocol

WEEK_DAYS: Final = 7
# One decimal is as much as a week of 1-5 self-reports can say.
_DIGITS: Final = 1


@dataclass(frozen=True, slots=True)
class PartnerWeek:
    """One partner's week: days checked in, mean scores (None without), doses."""

    checkin_days: int
    mood: float | None
    connection: float | None
    doses: int

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers."""
        return {
            "checkin_days": self.checkin_days,
            "mood": rounded(self.mood, _DIGITS),
            "connection": rounded(self.connection, _DIGITS),
            "doses": self.doses,
        }


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """The seven days from `start` to `end` (today), and what comes next."""

    start: date
    end: date
    partners: Mapping[int, PartnerWeek]
    scheduled_doses: int
    phase: Phase
    next_dose: date | None
    # Today is before the protocol's first day: the check-ins are the baseline.
    baseline: bool

    @property
    def days(self) -> int:
        """Return how many days the week holds."""
        return (self.end - self.start).days + 1

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready numbers and dates (slots as string keys)."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "partners": {str(p): week.as_dict() for p, week in self.partners.items()},
            "scheduled_doses": self.scheduled_doses,
            "phase": self.phase.value,
            "next_dose": self.next_dose.isoformat() if self.next_dose else None,
            "baseline": self.baseline,
        }


def week_summary(
    protocol: Protocol,
    checkins: Iterable[CheckIn],
    doses: DoseLog,
    *,
    today: date,
) -> WeekSummary:
    """Return the summary of the seven days that end with `today`."""
    start = today - timedelta(days=WEEK_DAYS - 1)
    latest: dict[tuple[int, date], CheckIn] = {}
    for checkin in checkins:
        if not start <= checkin.day <= today:
            continue
        key = (checkin.partner, checkin.day)
        found = latest.get(key)
        if found is None or (checkin.at, checkin.id) > (found.at, found.id):
            latest[key] = checkin
    partners = {
        partner: _partner_week(
            [c for (p, _day), c in latest.items() if p == partner],
            doses.count(partner, start, today),
        )
        for partner in PARTNERS
    }
    return WeekSummary(
        start=start,
        end=today,
        partners=MappingProxyType(partners),
        scheduled_doses=len(protocol.dose_days(start, today)),
        phase=protocol.phase(today),
        next_dose=doses.next_dose_date(protocol, today),
        baseline=today < protocol.start,
    )


def _partner_week(days: list[CheckIn], doses: int) -> PartnerWeek:
    """Summarise one partner's check-in days of the week."""
    if not days:
        return PartnerWeek(0, None, None, doses)
    return PartnerWeek(
        checkin_days=len(days),
        mood=fmean(c.mood for c in days),
        connection=fmean(c.connection for c in days),
        doses=doses,
    )


def next_summary_at(now: datetime, weekday: int, at: time) -> datetime:
    """Return the first moment after `now` on `weekday` (Monday is 0) at `at`.

    `now` is aware local time; the answer keeps its time zone, so a week that
    crosses a clock change still ends at the chosen wall-clock time.
    """
    day = now.date() + timedelta(days=(weekday - now.weekday()) % WEEK_DAYS)
    moment = datetime.combine(day, at, tzinfo=now.tzinfo)
    if moment <= now:
        moment = datetime.combine(day + timedelta(days=WEEK_DAYS), at, now.tzinfo)
    return moment
