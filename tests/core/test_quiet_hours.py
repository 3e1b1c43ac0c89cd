"""Quiet hours: inside or outside the window, and when a held message goes out."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from custom_components.microdose_together.core.quiet_hours import QuietHours

NIGHT = QuietHours(time(22, 0), time(7, 0))
SIESTA = QuietHours(time(13, 0), time(15, 30))


@pytest.mark.parametrize(
    ("hours", "moment", "release"),
    [
        (NIGHT, "2026-01-05T21:59:59", None),
        (NIGHT, "2026-01-05T22:00:00", "2026-01-06T07:00:00"),
        (NIGHT, "2026-01-05T23:30:00", "2026-01-06T07:00:00"),
        (NIGHT, "2026-01-06T00:00:00", "2026-01-06T07:00:00"),
        (NIGHT, "2026-01-06T06:59:59", "2026-01-06T07:00:00"),
        (NIGHT, "2026-01-06T07:00:00", None),
        (SIESTA, "2026-01-05T12:59:00", None),
        (SIESTA, "2026-01-05T13:00:00", "2026-01-05T15:30:00"),
        (SIESTA, "2026-01-05T15:29:59", "2026-01-05T15:30:00"),
        (SIESTA, "2026-01-05T15:30:00", None),
        (QuietHours(time(9), time(9)), "2026-01-05T09:00:00", None),
    ],
)
def test_release_time(hours: QuietHours, moment: str, release: str | None) -> None:
    """The window includes its start and excludes its end, across midnight too."""
    at = datetime.fromisoformat(moment)
    expected = datetime.fromisoformat(release) if release else None
    assert hours.release_at(at) == expected
    assert hours.is_quiet(at) is (expected is not None)
