"""The couple's insight figures over a range of days, and the days behind them.

Numbers only: the figures of core/insights.py (associations, not causes) and,
for a chart, each partner's day score and whether they dosed that day. Never
a note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .action_helpers import validation_error
from .const import PARTNER_SLOTS
from .coordinator import MicrodoseCoordinator
from .core.checkins import CheckIn
from .core.insights import for_range


def first_day(coordinator: MicrodoseCoordinator) -> date:
    """Return the first day anything was recorded, or the protocol's start."""
    days = [record.at.date() for record in coordinator.conversation.checkins.records]
    days += [record.day for record in coordinator.doses.records]
    return min([coordinator.protocol.start, *days])


def insight_range(
    coordinator: MicrodoseCoordinator, start: date | None, end: date | None
) -> tuple[date, date]:
    """Return the days asked for: by default from the first record to today.

    Raises:
        ServiceValidationError: the range ends before it starts.
    """
    first = start or first_day(coordinator)
    last = end or coordinator.today()
    if last < first:
        raise validation_error(
            "history_range_reversed",
            {"start": first.isoformat(), "end": last.isoformat()},
        )
    return first, last


def insights_between(
    coordinator: MicrodoseCoordinator, start: date | None, end: date | None
) -> dict[str, Any]:
    """Return both partners' and the couple's figures over the range, as numbers.

    Raises:
        ServiceValidationError: the range ends before it starts.
    """
    first, last = insight_range(coordinator, start, end)
    figures = for_range(
        coordinator.protocol,
        coordinator.conversation.checkins.records,
        coordinator.doses.records,
        start=first,
        end=last,
    )
    return figures.as_dict()


def day_series(
    coordinator: MicrodoseCoordinator, start: date, end: date
) -> list[dict[str, Any]]:
    """Return each day with a check-in, oldest first: both partners' day scores.

    A partner's day score is the day's last check-in (by time, then id, as the
    figures count it); a partner without one that day has None. `dosed` says
    whether the partner logged a dose that day.
    """
    latest: dict[tuple[int, date], CheckIn] = {}
    for checkin in coordinator.conversation.checkins.records:
        if not start <= checkin.day <= end:
            continue
        key = (checkin.partner, checkin.day)
        found = latest.get(key)
        if found is None or (checkin.at, checkin.id) > (found.at, found.id):
            latest[key] = checkin
    dosed = {(record.partner, record.day) for record in coordinator.doses.records}
    series = []
    for day in sorted({day for _, day in latest}):
        partners = {}
        for slot in PARTNER_SLOTS:
            last = latest.get((slot, day))
            partners[str(slot)] = {
                "mood": None if last is None else last.mood,
                "connection": None if last is None else last.connection,
                "dosed": (slot, day) in dosed,
            }
        series.append({"day": day.isoformat(), "partners": partners})
    return series
