"""The whole history's dose-day figures, kept up to date record by record.

Reading every check-in again on each change would make every check-in cost
more with each year of history. The running sums (core/insight_sums.py) take
each new record as it comes; only a new schedule or a reload reads them all.
A day's category depends on dates only, so a new day without a new record
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .core.checkins import CheckIn
from .core.doses import DoseRecord
from .core.insight_sums import InsightSums
from .core.insights import Insights, for_range
from .core.protocol import Protocol


def whole_history(
    protocol: Protocol,
    checkins: Sequence[CheckIn],
    doses: Sequence[DoseRecord],
) -> Insights:
    """Return the figures of every recorded day, worked out from every record.

    The reference the running sums always equal. The range spans the records
    and the protocol's start rather than ending today, so the figures do not
    depend on the date.
    """
    days = [protocol.start, *(c.day for c in checkins), *(d.day for d in doses)]
    return for_range(protocol, checkins, doses, start=min(days), end=max(days))


def full_scan(
    protocol: Protocol,
    checkins: Sequence[CheckIn],
    doses: Sequence[DoseRecord],
) -> InsightSums:
    """Return running sums built from every record (set-up, reload, new schedule)."""
    return InsightSums.of(protocol, checkins, doses)


def work_out(sums: InsightSums) -> Insights:
    """Return the figures the sums give now."""
    return sums.insights()


class HistoryFigures:
    """The running sums, the last figures, and which records they have taken.

    The protocol and the record lists are compared by identity (a change
    replaces the protocol; a reload replaces the lists). Records are only
    appended, so the check-ins taken are a prefix of the list; a dose can
    also be deleted, which the dose ids show.
    """

    def __init__(self) -> None:
        """Start with nothing taken."""
        self._sums: InsightSums | None = None
        self._insights: Insights | None = None
        self._protocol: Protocol | None = None
        self._checkins: Sequence[CheckIn] | None = None
        self._doses: Sequence[DoseRecord] | None = None
        self._taken_checkins = 0
        self._last_checkin: str | None = None
        self._taken_doses: dict[str, DoseRecord] = {}
        self._last_dose: str | None = None

    def get(
        self,
        protocol: Protocol,
        checkins: Sequence[CheckIn],
        doses: Sequence[DoseRecord],
    ) -> Insights:
        """Return the figures, taking in only what changed since the last call."""
        sums = self._sums
        if (
            sums is None
            or protocol is not self._protocol
            or checkins is not self._checkins
            or doses is not self._doses
            or not self._take_checkins(sums, checkins)
        ):
            sums = self._start_over(protocol, checkins, doses)
        changed = self._take_doses(sums, doses)
        if changed or self._insights is None:
            self._insights = work_out(sums)
        return self._insights

    def _start_over(
        self,
        protocol: Protocol,
        checkins: Sequence[CheckIn],
        doses: Sequence[DoseRecord],
    ) -> InsightSums:
        sums = full_scan(protocol, checkins, doses)
        self._sums, self._insights = sums, None
        self._protocol, self._checkins, self._doses = protocol, checkins, doses
        self._taken_checkins = len(checkins)
        self._last_checkin = checkins[-1].id if checkins else None
        self._taken_doses = {dose.id: dose for dose in doses}
        self._last_dose = doses[-1].id if doses else None
        return sums

    def _take_checkins(self, sums: InsightSums, checkins: Sequence[CheckIn]) -> bool:
        """Take the check-ins appended since; False if the list changed otherwise."""
        taken = self._taken_checkins
        if len(checkins) < taken or (
            taken and checkins[taken - 1].id != self._last_checkin
        ):
            return False
        if len(checkins) == taken:
            return True
        for checkin in checkins[taken:]:
            sums.add_checkin(checkin)
        self._taken_checkins = len(checkins)
        self._last_checkin = checkins[-1].id
        self._insights = None
        return True

    def _take_doses(self, sums: InsightSums, doses: Sequence[DoseRecord]) -> bool:
        """Take the doses logged or deleted since; return whether any were."""
        taken = self._taken_doses
        last = doses[-1].id if doses else None
        if len(doses) == len(taken) and last == self._last_dose:
            return self._insights is None
        if len(doses) > len(taken) and (
            not taken or doses[len(taken) - 1].id == self._last_dose
        ):
            added: Sequence[DoseRecord] = doses[len(taken) :]
            removed: list[DoseRecord] = []
        else:  # a deletion: rare, so compare the ids
            now = {dose.id for dose in doses}
            added = [dose for dose in doses if dose.id not in taken]
            removed = [dose for dose_id, dose in taken.items() if dose_id not in now]
        for dose in removed:
            sums.remove_dose(dose)
            del taken[dose.id]
        for dose in added:
            sums.add_dose(dose)
            taken[dose.id] = dose
        self._last_dose = last
        return True
