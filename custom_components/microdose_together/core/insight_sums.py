"""The whole history's insight figures, kept up to date one record at a time.

Working the figures out from every record would make each check-in cost more
with each year of history. Here each partner's day-observation (the day's last
check-in) sits in the score tallies of its category, and a record only moves
what it touches: a new or replacing check-in swaps one observation, a dose
logged or deleted can move the observations of its day and the day after
between categories. A schedule change may recategorise any day, so it starts
over from the records (it is rare). `for_range` in insights.py stays the
reference these figures always equal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from types import MappingProxyType

from .checkins import PARTNERS, CheckIn
from .doses import DoseRecord
from .insights import (
    SCORES,
    Category,
    Figures,
    Insights,
    ScoreTally,
    categorize,
)
from .protocol import ONE_DAY, Protocol

type _Tallies = dict[str, ScoreTally]


class _Dosed:
    """One partner's dose days, as `categorize` asks about them."""

    __slots__ = ("_counts", "_partner")

    def __init__(self, counts: Counter[tuple[int, date]], partner: int) -> None:
        self._counts = counts
        self._partner = partner

    def __contains__(self, day: object) -> bool:
        return self._counts[(self._partner, day)] > 0  # type: ignore[index]


class InsightSums:
    """Score tallies per partner and category, and the figures they give.

    The figures are worked out again only when a tally changed, and then only
    for the partner whose tallies changed (and the couple's pooled ones).
    """

    def __init__(self, protocol: Protocol) -> None:
        """Start with no records, for the given schedule."""
        self.protocol = protocol
        self._latest: dict[tuple[int, date], CheckIn] = {}
        self._doses: Counter[tuple[int, date]] = Counter()
        self._dosed = {partner: _Dosed(self._doses, partner) for partner in PARTNERS}
        self._tallies: dict[int, dict[Category, _Tallies]] = {p: {} for p in PARTNERS}
        self._days: Counter[date] = Counter({protocol.start: 1})
        self._first = self._last = protocol.start
        self._figures: dict[int, Figures] = {}
        self._couple: Figures | None = None

    @classmethod
    def of(
        cls,
        protocol: Protocol,
        checkins: Iterable[CheckIn],
        doses: Iterable[DoseRecord],
    ) -> InsightSums:
        """Return the sums of every record (doses first: they decide categories)."""
        sums = cls(protocol)
        for dose in doses:
            sums.add_dose(dose)
        for checkin in checkins:
            sums.add_checkin(checkin)
        return sums

    # ---- records -----------------------------------------------------------

    def add_checkin(self, checkin: CheckIn) -> None:
        """Count a check-in; it replaces its day's observation if it is later."""
        self._count_day(checkin.day)
        key = (checkin.partner, checkin.day)
        found = self._latest.get(key)
        if found is not None and (checkin.at, checkin.id) <= (found.at, found.id):
            return
        category = self._category(*key)
        if found is not None:
            self._move(found, category, -1)
        self._latest[key] = checkin
        self._move(checkin, category, 1)

    def add_dose(self, dose: DoseRecord) -> None:
        """Count a dose: its day becomes a dose day, the next a day after."""
        self._count_day(dose.day)
        self._change_doses(dose.partner, dose.day, 1)

    def remove_dose(self, dose: DoseRecord) -> None:
        """Forget a deleted dose; its day may go back to what the schedule says.

        Raises:
            KeyError: no such dose was counted.
        """
        if self._doses[(dose.partner, dose.day)] <= 0:
            raise KeyError(dose.id)
        self._uncount_day(dose.day)
        self._change_doses(dose.partner, dose.day, -1)

    # ---- figures -----------------------------------------------------------

    def insights(self) -> Insights:
        """Return the figures of every recorded day (from the first to the last)."""
        partners = {}
        for partner in PARTNERS:
            found = self._figures.get(partner)
            if found is None:
                found = Figures.from_tallies(self._tallies[partner])
                self._figures[partner] = found
            partners[partner] = found
        if self._couple is None:
            self._couple = Figures.from_tallies(self._pooled())
        return Insights(
            start=self._first,
            end=self._last,
            partners=MappingProxyType(partners),
            couple=self._couple,
        )

    def _pooled(self) -> dict[Category, _Tallies]:
        pooled: dict[Category, _Tallies] = {}
        for groups in self._tallies.values():
            for category, tallies in groups.items():
                into = pooled.setdefault(category, {})
                for score, found in tallies.items():
                    into[score] = into.get(score, ScoreTally()) + found
        return pooled

    # ---- bookkeeping -------------------------------------------------------

    def _category(self, partner: int, day: date) -> Category:
        return categorize(self.protocol, self._dosed[partner], day)

    def _move(self, checkin: CheckIn, category: Category, by: int) -> None:
        """Add (by=1) or take away (by=-1) an observation in a category."""
        groups = self._tallies[checkin.partner]
        tallies = groups.setdefault(category, {s: ScoreTally() for s in SCORES})
        for score in SCORES:
            tallies[score] = tallies[score].moved(getattr(checkin, score), by)
        self._figures.pop(checkin.partner, None)
        self._couple = None

    def _change_doses(self, partner: int, day: date, by: int) -> None:
        """Change the dose count of a day; move the observations it recategorises."""
        touched = [
            (found, self._category(partner, other))
            for other in (day, day + ONE_DAY)
            if (found := self._latest.get((partner, other))) is not None
        ]
        self._doses[(partner, day)] += by
        if not self._doses[(partner, day)]:
            del self._doses[(partner, day)]
        for found, before in touched:
            after = self._category(partner, found.day)
            if after is not before:
                self._move(found, before, -1)
                self._move(found, after, 1)

    def _count_day(self, day: date) -> None:
        self._days[day] += 1
        self._first, self._last = min(self._first, day), max(self._last, day)

    def _uncount_day(self, day: date) -> None:
        self._days[day] -= 1
        if self._days[day]:
            return
        del self._days[day]
        if day in (self._first, self._last):  # rare: only then look at every day
            self._first, self._last = min(self._days), max(self._days)
