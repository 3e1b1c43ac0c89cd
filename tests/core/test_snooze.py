"""Snoozed reminders as plain data: when to ask again, and the day at rest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core.snooze import (
    Reminder,
    Snooze,
    ask_again_at,
    parse_snooze_key,
    snooze_key,
)

NOW = datetime(2026, 1, 5, 21, 30, 42, 123, tzinfo=UTC)


def test_later_asks_again_on_a_whole_minute() -> None:
    """Asked at 21:30:42, thirty minutes on is 22:00:00."""
    snooze = Snooze.later(NOW, 30)
    assert snooze.ask_at == ask_again_at(NOW, 30)
    assert snooze.ask_at == datetime(2026, 1, 5, 22, 0, tzinfo=UTC)
    assert not snooze.rests_on(NOW.date())
    assert not snooze.is_empty_on(NOW.date())


def test_a_later_past_midnight_rests_the_day() -> None:
    """At 23:45 "in thirty minutes" would be tomorrow: the reminder rests instead."""
    late = NOW.replace(hour=23, minute=45)
    assert Snooze.later(late, 30) == Snooze.not_today(late.date())
    assert Snooze.later(late, 14).ask_at == datetime(2026, 1, 5, 23, 59, tzinfo=UTC)


def test_not_today_rests_only_that_day() -> None:
    """The next day nothing is left of it, so it can be forgotten."""
    snooze = Snooze.not_today(NOW.date())
    assert snooze.rests_on(NOW.date())
    assert not snooze.rests_on(NOW.date() + timedelta(days=1))
    assert snooze.is_empty_on(NOW.date() + timedelta(days=1))


@given(
    minutes=st.integers(min_value=1, max_value=240),
    rest=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1)),
)
def test_stored_form_reads_back_the_same(minutes: int, rest: date | None) -> None:
    """What is written is read back unchanged."""
    snooze = Snooze(ask_at=ask_again_at(NOW, minutes), resting_on=rest)
    assert Snooze.from_dict(snooze.as_dict()) == snooze
    assert Snooze.from_dict(Snooze().as_dict()) == Snooze()


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"ask_at": "2026-01-05T22:00:00+00:00", "extra": 1},
        {"ask_at": 5},
        {"ask_at": "2026-01-05T22:00:00"},  # no zone: which 22:00?
        {"ask_at": "soon"},
        {"resting_on": "yesterday"},
    ],
)
def test_a_damaged_snooze_is_refused(raw: object) -> None:
    """Hand-edited or foreign entries never become a timer."""
    with pytest.raises((ValueError, TypeError)):
        Snooze.from_dict(raw)


def test_keys_name_the_partner_and_the_reminder() -> None:
    """Each partner's reminders are kept apart."""
    assert snooze_key(2, Reminder.MORNING) == "2:morning"
    assert parse_snooze_key("1:checkin") == (1, Reminder.CHECK_IN)
    for key in (3, "3:checkin", "1:dance", "checkin"):
        with pytest.raises((ValueError, TypeError)):
            parse_snooze_key(key)
