"""Each partner's "Later" and "Not today" on the check-in request and morning note.

A "Later" is kept in the couple's store with the time to ask again, so a
restart re-arms it (a time passed while Home Assistant was down asks at once).
The question asked again goes out like any other message, so quiet hours hold
it until they end. Answering (checking in, logging the dose) drops what was
pending; one partner's snooze never touches the other's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_time
from homeassistant.util import dt as dt_util

from .const import CONF_SNOOZE_MINUTES
from .core.snooze import (
    DEFAULT_SNOOZE_MINUTES,
    Reminder,
    Snooze,
    parse_snooze_key,
    snooze_key,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

type AskAgain = Callable[[int, Reminder], Awaitable[None]]


def snooze_minutes(options: Mapping[str, Any]) -> int:
    """Return how long "Later" waits, as the couple chose in the options."""
    return int(options.get(CONF_SNOOZE_MINUTES, DEFAULT_SNOOZE_MINUTES))


def checked_snoozes(raw: object) -> dict[tuple[int, Reminder], Snooze]:
    """Read the stored snoozes; raises ValueError or TypeError if not of ours."""
    if not isinstance(raw, dict):
        raise TypeError("snoozed reminders are damaged")
    return {
        parse_snooze_key(key): Snooze.from_dict(value) for key, value in raw.items()
    }


class ReminderSnoozes:
    """The couple's snoozed reminders and the timers that ask again."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: MicrodoseCoordinator,
        ask_again: AskAgain,
    ) -> None:
        """Start with nothing snoozed; `load` reads the store."""
        self._hass = hass
        self._coordinator = coordinator
        self._ask_again = ask_again
        self._snoozes: dict[tuple[int, Reminder], Snooze] = {}
        self._timers: dict[tuple[int, Reminder], CALLBACK_TYPE] = {}

    def load(self, stored: Mapping[str, Any]) -> None:
        """Read the stored snoozes; raises ValueError or TypeError if damaged."""
        self._snoozes = checked_snoozes(stored.get("snoozes", {}))

    @callback
    def async_start(self) -> None:
        """Arm a timer for every "Later" still pending, past ones at once."""
        for key, snooze in self._snoozes.items():
            if snooze.ask_at is not None:
                self._arm(key, snooze.ask_at)

    @callback
    def async_stop(self) -> None:
        """Drop every timer; the pending times stay in the store."""
        while self._timers:
            _key, cancel = self._timers.popitem()
            cancel()

    def rests_today(self, slot: int, reminder: Reminder) -> bool:
        """Return whether the partner said "Not today" to this reminder today."""
        snooze = self._snoozes.get((slot, reminder))
        return snooze is not None and snooze.rests_on(self._coordinator.today())

    def pending_at(self, slot: int, reminder: Reminder) -> datetime | None:
        """Return when this reminder asks again, if "Later" is pending."""
        snooze = self._snoozes.get((slot, reminder))
        return snooze.ask_at if snooze else None

    @callback
    def async_later(self, slot: int, reminder: Reminder) -> None:
        """Ask again after the chosen minutes; past midnight, not today."""
        minutes = snooze_minutes(self._coordinator.config_entry.options)
        snooze = Snooze.later(dt_util.now(), minutes)
        self._set((slot, reminder), snooze)
        if snooze.ask_at is not None:
            self._arm((slot, reminder), snooze.ask_at)

    @callback
    def async_not_today(self, slot: int, reminder: Reminder) -> None:
        """Ask no more today; tomorrow's reminder comes as usual."""
        self._set((slot, reminder), Snooze.not_today(self._coordinator.today()))

    @callback
    def async_drop_later(self, slot: int, reminder: Reminder) -> None:
        """Drop a pending "Later": the partner answered, or was asked anew."""
        if self.pending_at(slot, reminder) is not None:
            self._set((slot, reminder), Snooze())

    @callback
    def _set(self, key: tuple[int, Reminder], snooze: Snooze) -> None:
        if (cancel := self._timers.pop(key, None)) is not None:
            cancel()
        today = self._coordinator.today()
        self._snoozes[key] = snooze
        self._snoozes = {
            other: kept
            for other, kept in self._snoozes.items()
            if not kept.is_empty_on(today)
        }
        self._save()

    @callback
    def _save(self) -> None:
        self._coordinator.stored["snoozes"] = {
            snooze_key(slot, reminder): snooze.as_dict()
            for (slot, reminder), snooze in self._snoozes.items()
        }
        self._coordinator.store.schedule_save()

    @callback
    def _arm(self, key: tuple[int, Reminder], moment: datetime) -> None:
        async def _async_due(_now: datetime) -> None:
            self._timers.pop(key, None)
            self._set(key, Snooze())
            await self._ask_again(*key)

        self._timers[key] = async_track_point_in_time(self._hass, _async_due, moment)
