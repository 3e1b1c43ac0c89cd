"""Quiet hours: when a message to a phone must wait, and until when.

Wall-clock times in the couple's time zone are passed in; the window may cross
midnight (22:00 to 07:00 is the common case).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window in which no notification is sent; equal ends mean none."""

    start: time
    end: time

    def is_quiet(self, moment: datetime) -> bool:
        """Return whether `moment` (local wall-clock time) falls in the window."""
        now = moment.time().replace(tzinfo=None)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= now < self.end
        return now >= self.start or now < self.end

    def release_at(self, moment: datetime) -> datetime | None:
        """Return when a message held at `moment` may go out; None if not quiet.

        The answer keeps the tzinfo of `moment`; the caller turns the local wall
        time into a real instant, which matters only on clock-change nights.
        """
        if not self.is_quiet(moment):
            return None
        release = moment.replace(
            hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0
        )
        if release <= moment:
            release += timedelta(days=1)
        return release
