"""Snoozed reminders: "Later" asks again after a while, "Not today" rests till tomorrow.

One state per partner and reminder, so one partner's snooze never touches the
other's. Times are passed in (local, aware); nothing reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Final

SNOOZE_MINUTES_MIN: Final = 10
SNOOZE_MINUTES_MAX: Final = 240
DEFAULT_SNOOZE_MINUTES: Final = 30


class Reminder(StrEnum):
    """The reminders a partner can snooze (also their notification tag purpose)."""

    CHECK_IN = "checkin"
    MORNING = "morning"


@dataclass(frozen=True, slots=True)
class Snooze:
    """When to ask again, and the day on which not to ask at all."""

    ask_at: datetime | None = None
    resting_on: date | None = None

    @staticmethod
    def not_today(today: date) -> Snooze:
        """Ask no more on `today`; the next day's reminder comes as usual."""
        return Snooze(resting_on=today)

    @staticmethod
    def later(now: datetime, minutes: int) -> Snooze:
        """Ask again after `minutes`; after midnight that is "Not today".

        A reminder belongs to its day: asked again tomorrow, it would speak
        of a day that has passed.
        """
        ask_at = ask_again_at(now, minutes)
        if ask_at.date() != now.date():
            return Snooze.not_today(now.date())
        return Snooze(ask_at=ask_at)

    def rests_on(self, day: date) -> bool:
        """Return whether the partner said "Not today" on `day`."""
        return self.resting_on == day

    def is_empty_on(self, day: date) -> bool:
        """Return whether nothing is pending on `day` or after (safe to forget)."""
        return self.ask_at is None and not self.rests_on(day)

    def as_dict(self) -> dict[str, str]:
        """Return the stored form."""
        stored = {}
        if self.ask_at is not None:
            stored["ask_at"] = self.ask_at.isoformat()
        if self.resting_on is not None:
            stored["resting_on"] = self.resting_on.isoformat()
        return stored

    @classmethod
    def from_dict(cls, raw: object) -> Snooze:
        """Read the stored form; raises ValueError or TypeError if not of ours."""
        if not isinstance(raw, dict) or not raw.keys() <= {"ask_at", "resting_on"}:
            raise ValueError("a snoozed reminder is damaged")
        ask_text, rest_text = _text(raw, "ask_at"), _text(raw, "resting_on")
        ask_at = datetime.fromisoformat(ask_text) if ask_text else None
        if ask_at is not None and ask_at.tzinfo is None:
            raise ValueError("a snoozed reminder has a time without a zone")
        resting_on = date.fromisoformat(rest_text) if rest_text else None
        return cls(ask_at=ask_at, resting_on=resting_on)


def _text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"a snoozed reminder's {key} is not text")
    return value


def ask_again_at(now: datetime, minutes: int) -> datetime:
    """Return when "Later" asks again: whole minutes, so the time reads well."""
    return now.replace(second=0, microsecond=0) + timedelta(minutes=minutes)


def snooze_key(slot: int, reminder: Reminder) -> str:
    """Return the stored key of one partner's reminder."""
    return f"{slot}:{reminder.value}"


def parse_snooze_key(key: object) -> tuple[int, Reminder]:
    """Read a stored key; raises ValueError or TypeError for one not of ours."""
    if not isinstance(key, str):
        raise TypeError("a snoozed reminder's key is not text")
    slot, _, reminder = key.partition(":")
    if slot not in ("1", "2"):
        raise ValueError("a snoozed reminder names no partner")
    return int(slot), Reminder(reminder)
