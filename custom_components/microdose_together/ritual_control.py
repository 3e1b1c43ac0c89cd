"""Runs one couple's evening ritual: once at a time, remembered across restarts.

The light snapshot and the auto-end time live in the couple's store, so a
ritual started before a restart can still be ended after it and the room
comes back as it was. Devices that no longer exist raise a repair naming them.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_time
from homeassistant.util import dt as dt_util

from .const import ISSUE_RITUAL_ENTITY_MISSING
from .entity_issues import async_sync_entity_issues
from .notifications import Delivery
from .ritual import (
    TARGET_PROMPT,
    RitualReport,
    RitualSettings,
    RitualStep,
    async_end_ritual,
    async_start_ritual,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

STORE_KEY = "ritual"


class RitualController:
    """Starts and ends the ritual and keeps what ending needs in the store."""

    def __init__(self, hass: HomeAssistant, coordinator: MicrodoseCoordinator) -> None:
        """Prepare; `async_restore` picks up a ritual left running."""
        self._hass = hass
        self._coordinator = coordinator
        self._auto_end: CALLBACK_TYPE | None = None
        # One start or end at a time: a second tap while the lights fade must
        # not take a snapshot of the dimmed room.
        self._lock = asyncio.Lock()

    @property
    def _running(self) -> dict[str, Any] | None:
        running: dict[str, Any] | None = self._coordinator.stored.get(STORE_KEY)
        return running

    @property
    def started_at(self) -> datetime | None:
        """Return when the running ritual started, if one runs."""
        running = self._running
        return dt_util.parse_datetime(running["started_at"]) if running else None

    @callback
    def async_restore(self) -> None:
        """Re-arm the auto-end of a ritual that was running before a restart."""
        running = self._running
        if running and running.get("auto_end_at"):
            end = dt_util.parse_datetime(running["auto_end_at"])
            if end is not None:
                self._arm_auto_end(max(end, dt_util.utcnow()))

    @callback
    def async_stop(self) -> None:
        """Drop the auto-end timer (the entry unloads; the store keeps it)."""
        if self._auto_end is not None:
            self._auto_end()
            self._auto_end = None

    async def async_start(self, settings: RitualSettings) -> dict[str, Any]:
        """Start tonight's ritual; starting twice keeps the first snapshot."""
        async with self._lock:
            return await self._async_start(settings)

    async def async_end(self) -> dict[str, Any]:
        """End the ritual and put the room back; a clear no-op when none runs."""
        async with self._lock:
            return await self._async_end()

    async def _async_start(self, settings: RitualSettings) -> dict[str, Any]:
        if self._running is not None:
            return {"started": False, "already_running": True, "steps": []}
        notify = self._async_send_prompt if settings.send_prompt else None
        report = await async_start_ritual(self._hass, settings, notify=notify)
        started = dt_util.utcnow()
        running: dict[str, Any] = {
            "started_at": started.isoformat(),
            "snapshot": report.snapshot,
            "auto_end_at": None,
        }
        if settings.auto_end_minutes:
            end = started + timedelta(minutes=settings.auto_end_minutes)
            running["auto_end_at"] = end.isoformat()
            self._arm_auto_end(end)
        self._coordinator.stored[STORE_KEY] = running
        self._coordinator.commit()
        self._report_missing(settings, report)
        self._coordinator.fire("ritual_started", _summary(report))
        return {"started": True, **report.as_dict()}

    async def _async_end(self) -> dict[str, Any]:
        running = self._running
        if running is None:
            return {"ended": False, "was_running": False, "steps": []}
        self.async_stop()
        settings = self._coordinator.ritual_settings
        report = await async_end_ritual(self._hass, settings, running["snapshot"])
        self._coordinator.stored.pop(STORE_KEY, None)
        self._coordinator.commit()
        self._report_missing(settings, report)
        self._coordinator.fire("ritual_ended", _summary(report))
        return {"ended": True, **report.as_dict()}

    async def _async_send_prompt(self) -> list[RitualStep]:
        """Send tonight's prompt; each phone is its own step in the report."""
        deliveries = await self._coordinator.conversation.async_send_prompt(
            reuse_today=True
        )
        return [
            RitualStep(
                "notify",
                f"{TARGET_PROMPT}_{slot}",
                delivery is not Delivery.FAILED,
                None if delivery is not Delivery.FAILED else "not_delivered",
            )
            for slot, delivery in deliveries.items()
        ]

    @callback
    def _arm_auto_end(self, when: datetime) -> None:
        self.async_stop()
        self._auto_end = async_track_point_in_time(
            self._hass, self._async_auto_end, when
        )

    async def _async_auto_end(self, _now: datetime) -> None:
        self._auto_end = None
        await self.async_end()

    @callback
    def _report_missing(self, settings: RitualSettings, report: RitualReport) -> None:
        """Name each ritual device that is gone; clear the ones seen again."""
        chosen = [*settings.lights, *report.snapshot]
        if settings.media_player:
            chosen.append(settings.media_player)
        async_sync_entity_issues(
            self._hass,
            kind=ISSUE_RITUAL_ENTITY_MISSING,
            entry_id=self._coordinator.config_entry.entry_id,
            chosen=chosen,
            failing=report.missing,
        )


def _summary(report: RitualReport) -> dict[str, Any]:
    """Return what the bus and the event entity carry: counts and failures."""
    return {
        "ok": report.ok,
        "failed": [
            {"step": step.step, "target": step.target, "error": step.error}
            for step in report.steps
            if not step.ok
        ],
    }
