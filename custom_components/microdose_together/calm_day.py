"""Keeps today's calm-day verdict current for one couple.

The verdict is recomputed when something it depends on changes: local
midnight, a chosen calendar's state, a new check-in, the manual override,
and every 15 minutes. The interval is there because a calendar entity's state
only follows its current or next event: a meeting added for this afternoon
does not change it. Cloud calendars refresh their events about every 15
minutes, so reading them more often would only repeat the same answer.

A calendar that cannot be read is logged once when it starts failing and once
when it is back, not at every reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import logging
from typing import TYPE_CHECKING, Final

from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.event import (
    EventStateChangedData,
    async_track_state_change_event,
    async_track_time_interval,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .calm_sources import async_read_calendars
from .const import DOMAIN, ISSUE_CALENDAR_UNAVAILABLE
from .core.calm import CalmVerdict, assess_day, day_bounds
from .entity_issues import async_sync_entity_issues

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

REFRESH_INTERVAL: Final = timedelta(minutes=15)
REFRESH_COOLDOWN: Final = 2.0  # seconds; a burst of changes reads calendars once


class CalmDayWatcher:
    """Reads the calendars and the check-ins, and hands the verdict on."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: MicrodoseCoordinator,
        on_verdict: Callable[[CalmVerdict], None],
    ) -> None:
        """Prepare; nothing is read until `async_start`."""
        self._hass = hass
        self._coordinator = coordinator
        self._on_verdict = on_verdict
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._unsubscribe_calendars: CALLBACK_TYPE | None = None
        self._failing: set[str] = set()
        self._debouncer = Debouncer(
            hass,
            _LOGGER,
            cooldown=REFRESH_COOLDOWN,
            immediate=True,
            function=self.async_refresh,
        )

    @callback
    def async_start(self) -> None:
        """Listen for changes; the first reading waits until Home Assistant runs.

        Calendars are set up in any order at start-up, so reading them earlier
        would report calendars as missing that are only not loaded yet.
        """
        self._track_calendars()
        self._unsubscribers.append(
            async_track_time_interval(
                self._hass, self._async_interval, REFRESH_INTERVAL
            )
        )
        self._unsubscribers.append(async_at_started(self._hass, self._async_started))

    @callback
    def async_stop(self) -> None:
        """Stop listening (the entry unloads)."""
        self._untrack_calendars()
        while self._unsubscribers:
            self._unsubscribers.pop()()
        self._debouncer.async_shutdown()

    @callback
    def async_settings_changed(self) -> None:
        """Follow newly chosen calendars and limits without a reload."""
        self._untrack_calendars()
        self._track_calendars()
        self.async_request_refresh()

    @callback
    def _track_calendars(self) -> None:
        calendars = self._coordinator.settings.calm.calendars
        if calendars:
            self._unsubscribe_calendars = async_track_state_change_event(
                self._hass, list(calendars), self._async_calendar_changed
            )

    @callback
    def _untrack_calendars(self) -> None:
        if self._unsubscribe_calendars is not None:
            self._unsubscribe_calendars()
            self._unsubscribe_calendars = None

    @callback
    def async_request_refresh(self) -> None:
        """Recompute soon; many requests in a burst make one reading."""
        self._coordinator.config_entry.async_create_task(
            self._hass, self._debouncer.async_call(), f"{DOMAIN} calm day refresh"
        )

    async def _async_started(self, _hass: HomeAssistant) -> None:
        await self.async_refresh()

    @callback
    def _async_calendar_changed(self, _event: Event[EventStateChangedData]) -> None:
        self.async_request_refresh()

    @callback
    def _async_interval(self, _now: datetime) -> None:
        self.async_request_refresh()

    async def async_refresh(self) -> CalmVerdict:
        """Read today's calendars and check-ins, decide, and report the verdict."""
        coordinator = self._coordinator
        settings = coordinator.settings.calm
        today = coordinator.today()
        zone = dt_util.get_default_time_zone()
        start, end = day_bounds(today, zone)
        reading = await async_read_calendars(self._hass, settings.calendars, start, end)
        verdict = assess_day(
            day=today,
            tz=zone,
            events=reading.events,
            stress={
                partner.slot: coordinator.conversation.stress_today(partner.slot)
                for partner in coordinator.settings.partners
            },
            override=coordinator.override_today(),
            thresholds=settings.thresholds,
            calendar_unreadable=bool(reading.failed),
        )
        self._report_calendars(reading.failed)
        self._on_verdict(verdict)
        return verdict

    @callback
    def _report_calendars(self, failed: dict[str, str]) -> None:
        """Raise a repair for each calendar that failed; clear the ones back."""
        self._log_changes(failed)
        async_sync_entity_issues(
            self._hass,
            kind=ISSUE_CALENDAR_UNAVAILABLE,
            entry_id=self._coordinator.config_entry.entry_id,
            chosen=self._coordinator.settings.calm.calendars,
            failing=failed,
            placeholders={"couple": self._coordinator.settings.couple_name},
        )

    @callback
    def _log_changes(self, failed: dict[str, str]) -> None:
        """Log a calendar when it starts failing and when it is back, only then."""
        chosen = set(self._coordinator.settings.calm.calendars)
        for entity_id in sorted(failed.keys() - self._failing):
            _LOGGER.warning(
                "Cannot read %s for the calm day of %s (%s); the day is not calm "
                "until it can be read again",
                entity_id,
                self._coordinator.settings.couple_name,
                failed[entity_id],
            )
        for entity_id in sorted((self._failing - failed.keys()) & chosen):
            _LOGGER.info(
                "%s can be read again for the calm day of %s",
                entity_id,
                self._coordinator.settings.couple_name,
            )
        self._failing = set(failed)
