"""The whole history's dose-day figures, kept until a record or the schedule changes.

Working the figures out reads every check-in, so doing it on each snapshot would
make every state write cost more with each year of history. A day's category
depends on dates only, so a new day without a new record changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .core.checkins import CheckIn
from .core.doses import DoseRecord
from .core.insights import Insights, for_range
from .core.protocol import Protocol

type _Mark = tuple[int, str | None]


def whole_history(
    protocol: Protocol,
    checkins: Sequence[CheckIn],
    doses: Sequence[DoseRecord],
) -> Insights:
    """Return the figures of every recorded day.

    The range spans the records and the protocol's start rather than ending
    today, so the figures do not depend on the date.
    """
    days = [protocol.start, *(c.day for c in checkins), *(d.day for d in doses)]
    return for_range(protocol, checkins, doses, start=min(days), end=max(days))


def _mark(records: Sequence[CheckIn] | Sequence[DoseRecord]) -> _Mark:
    """Return a cheap sign of change: the length and the last record's id.

    Records are only appended or removed, and each new one has a new id.
    """
    return len(records), records[-1].id if records else None


class HistoryFigures:
    """The last figures worked out, and what they were worked out from.

    The protocol and the record lists are compared by identity (a change
    replaces the protocol; a reload replaces the lists), the lists' contents
    by their length and last id.
    """

    def __init__(self) -> None:
        """Start with nothing worked out."""
        self._insights: Insights | None = None
        self._protocol: Protocol | None = None
        self._checkins: Sequence[CheckIn] | None = None
        self._doses: Sequence[DoseRecord] | None = None
        self._marks: tuple[_Mark, _Mark] | None = None

    def get(
        self,
        protocol: Protocol,
        checkins: Sequence[CheckIn],
        doses: Sequence[DoseRecord],
    ) -> Insights:
        """Return the figures, working them out again only after a change."""
        marks = (_mark(checkins), _mark(doses))
        if (
            self._insights is None
            or protocol is not self._protocol
            or checkins is not self._checkins
            or doses is not self._doses
            or marks != self._marks
        ):
            self._insights = whole_history(protocol, checkins, doses)
            self._protocol, self._checkins, self._doses = protocol, checkins, doses
            self._marks = marks
        return self._insights
