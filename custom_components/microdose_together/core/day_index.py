"""Indexes of calendar days, kept up to date as records come and go.

A log that answers "how many in this range?" or "how long is the streak?" by
reading every record pays more with every year of history. These answer from
what was kept when each record arrived, so a question costs the same on the
first day and after years.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


class DayRuns:
    """Days seen, grouped into runs of consecutive days.

    Each day points towards the first day of its run (a union-find forest
    whose root is always the run's earliest day), so adding a day and asking
    how long the run behind it is take near-constant time, in any order.
    """

    def __init__(self) -> None:
        """Start with no days."""
        self._towards_first: dict[date, date] = {}

    def __contains__(self, day: object) -> bool:
        """Tell whether `day` was added."""
        return day in self._towards_first

    def add(self, day: date) -> None:
        """Add a day, joining the runs just before and after it."""
        links = self._towards_first
        if day in links:
            return
        # The calendar's first and last days have no neighbour on that side.
        if day > date.min and (before := day - ONE_DAY) in links:
            links[day] = self._first(before)
        else:
            links[day] = day
        if day < date.max and (after := day + ONE_DAY) in links:
            # `after` starts its run (`day` was missing), so it is that run's root.
            links[after] = links[day]

    def run_ending(self, day: date) -> int:
        """Return how many consecutive days end at `day` (0 when it is absent)."""
        if day not in self._towards_first:
            return 0
        return (day - self._first(day)).days + 1

    def _first(self, day: date) -> date:
        """Return the first day of `day`'s run, shortening the path walked."""
        links = self._towards_first
        root = day
        while links[root] != root:
            root = links[root]
        while links[day] != root:
            links[day], day = root, links[day]
        return root


class SortedDays:
    """A multiset of days kept sorted, to count those in a range by bisection."""

    def __init__(self) -> None:
        """Start with no days."""
        self._days: list[date] = []

    def add(self, day: date) -> None:
        """Add one occurrence of `day` (appending is cheap when days come in order)."""
        insort(self._days, day)

    def remove(self, day: date) -> None:
        """Remove one occurrence of `day`.

        Raises:
            KeyError: `day` is not held.
        """
        index = bisect_left(self._days, day)
        if index == len(self._days) or self._days[index] != day:
            raise KeyError(day)
        del self._days[index]

    def count(self, start: date, end: date) -> int:
        """Return how many held days lie in [start, end]."""
        if end < start:
            return 0
        return bisect_right(self._days, end) - bisect_left(self._days, start)

    def between(self, start: date, end: date) -> list[date]:
        """Return the held days in [start, end], in order."""
        if end < start:
            return []
        return self._days[
            bisect_left(self._days, start) : bisect_right(self._days, end)
        ]
