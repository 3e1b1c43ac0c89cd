"""Runs one couple's evening ritual: once at a time, remembered across restarts.

What the room looked like and the auto-end time live in the couple's store,
so a ritual started before a restart can still be ended after it and the room
comes back as it was. A chosen device that does not exist keeps a repair that
names it for as long as it is chosen and missing.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
import logging
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.components.media_player.const import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import (
    async_track_point_in_time,
    async_track_state_added_domain,
    async_track_state_removed_domain,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .const import DOMAIN, ISSUE_RITUAL_ENTITY_MISSING
from .entity_issues import async_set_entity_issues
from .home_integrations import saved_handover
from .notifications import Delivery
from .ritual import (
    ERROR_MISSING,
    TARGET_PROMPT,
    RitualReport,
    RitualStep,
    async_end_ritual,
    async_hand_back,
    async_start_ritual,
)
from .ritual_settings import (
    RitualSettings,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

STORE_KEY: Final = "ritual"
# The Adaptive Lighting switches whose lights the running ritual holds.
MANUAL_KEY: Final = "manual_control"
# The day the ritual last brought tonight's prompt to the phones.
PROMPTED_KEY: Final = "ritual_prompted_on"


class RitualController:
    """Starts and ends the ritual and keeps what ending needs in the store."""

    def __init__(self, hass: HomeAssistant, coordinator: MicrodoseCoordinator) -> None:
        """Prepare; `async_restore` picks up a ritual left running."""
        self._hass = hass
        self._coordinator = coordinator
        self._auto_end: CALLBACK_TYPE | None = None
        self._watchers: list[CALLBACK_TYPE] = []
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
        """Re-arm the auto-end of a ritual left running; watch the chosen devices."""
        running = self._running
        if running and running.get("auto_end_at"):
            end = dt_util.parse_datetime(running["auto_end_at"])
            if end is not None:
                self._arm_auto_end(max(end, dt_util.utcnow()))
        self._watch_devices()

    @callback
    def async_stop(self) -> None:
        """Drop the timer and the watchers (the entry unloads; the store keeps it)."""
        self._cancel_auto_end()
        while self._watchers:
            self._watchers.pop()()

    @callback
    def async_check_devices(self) -> None:
        """Raise a repair for each chosen ritual device that does not exist.

        Call it whenever the ritual's options change; it also runs once Home
        Assistant has started, when a light or player comes or goes, and at
        each start and end.
        """
        settings = self._coordinator.ritual_settings
        chosen = [*settings.lights]
        if settings.media_player:
            chosen.append(settings.media_player)
        async_set_entity_issues(
            self._hass,
            kind=ISSUE_RITUAL_ENTITY_MISSING,
            entry_id=self._coordinator.config_entry.entry_id,
            failing=[e for e in chosen if self._hass.states.get(e) is None],
        )

    async def async_start(self, settings: RitualSettings) -> dict[str, Any]:
        """Start tonight's ritual; starting twice keeps the first snapshot.

        Raises HomeAssistantError when no light, player or phone answered;
        then the ritual is not marked as running, as nothing changed.
        """
        async with self._lock:
            return await self._async_start(settings)

    async def async_end(self) -> dict[str, Any]:
        """End the ritual and put the room back; a clear no-op when none runs.

        Raises HomeAssistantError when nothing could be put back. The ritual
        then stays on, so ending it again restores the room once the devices
        answer; only when none of them exists any more does it end anyway.
        """
        async with self._lock:
            return await self._async_end()

    async def _async_start(self, settings: RitualSettings) -> dict[str, Any]:
        if self._running is not None:
            return {"started": False, "already_running": True, "steps": []}
        notify = self._async_send_prompt if settings.send_prompt else None
        report = await async_start_ritual(self._hass, settings, notify=notify)
        self.async_check_devices()
        if report.nothing_happened:
            await async_hand_back(self._hass, report.manual)
            raise self._error("ritual_start_failed", report)
        started = dt_util.utcnow()
        running: dict[str, Any] = {
            "started_at": started.isoformat(),
            "snapshot": report.snapshot,
            "player": report.player,
            MANUAL_KEY: report.manual,
            "auto_end_at": None,
        }
        if settings.auto_end_minutes:
            end = started + timedelta(minutes=settings.auto_end_minutes)
            running["auto_end_at"] = end.isoformat()
            self._arm_auto_end(end)
        self._coordinator.stored[STORE_KEY] = running
        self._coordinator.commit()
        self._coordinator.fire("ritual_started", _summary(report))
        return {"started": True, **report.as_dict()}

    async def _async_end(self) -> dict[str, Any]:
        running = self._running
        if running is None:
            return {"ended": False, "was_running": False, "steps": []}
        self._cancel_auto_end()
        report = await async_end_ritual(
            self._hass,
            self._coordinator.ritual_settings,
            running["snapshot"],
            player=running.get("player"),
            manual=saved_handover(running.get(MANUAL_KEY)),
        )
        self.async_check_devices()
        retry = report.nothing_happened and any(
            step.error != ERROR_MISSING for step in report.steps
        )
        if retry:
            raise self._error("ritual_end_failed", report)
        self._coordinator.stored.pop(STORE_KEY, None)
        self._coordinator.commit()
        self._coordinator.fire("ritual_ended", _summary(report))
        if report.nothing_happened:
            raise self._error("ritual_end_devices_gone", report)
        return {"ended": True, **report.as_dict()}

    async def _async_send_prompt(self) -> list[RitualStep]:
        """Bring tonight's prompt to the phones, once an evening.

        Each phone is its own step in the report. A prompt already sent today
        is used again (a new one only when there is none) and goes only to a
        partner who has not answered it; a second start the same evening
        leaves the phones alone.
        """
        today = self._coordinator.today().isoformat()
        if self._coordinator.stored.get(PROMPTED_KEY) == today:
            return []
        deliveries = await self._coordinator.conversation.async_send_prompt(
            reuse_today=True
        )
        steps = [
            RitualStep(
                "notify",
                f"{TARGET_PROMPT}_{slot}",
                delivery is not Delivery.FAILED,
                None if delivery is not Delivery.FAILED else "not_delivered",
            )
            for slot, delivery in deliveries.items()
        ]
        if any(step.ok for step in steps):
            self._coordinator.stored[PROMPTED_KEY] = today
        return steps

    def _error(self, key: str, report: RitualReport) -> HomeAssistantError:
        """Return the translated error naming what did not answer."""
        phones = {  # a partner's phones, named the way the couple knows them
            f"{TARGET_PROMPT}_{partner.slot}": partner.name
            for partner in self._coordinator.settings.partners
        }
        failed = dict.fromkeys(phones.get(s.target, s.target) for s in report.steps)
        return HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders={"failed": ", ".join(failed)},
        )

    @callback
    def _watch_devices(self) -> None:
        """Check the chosen devices once started and when any comes or goes."""

        @callback
        def _started(_hass: HomeAssistant) -> None:
            self.async_check_devices()

        @callback
        def _changed(_event: Event[Any]) -> None:
            if self._hass.is_running:  # before, integrations are still loading
                self.async_check_devices()

        domains = [LIGHT_DOMAIN, MEDIA_PLAYER_DOMAIN]
        self._watchers += [
            async_at_started(self._hass, _started),
            async_track_state_added_domain(self._hass, domains, _changed),
            async_track_state_removed_domain(self._hass, domains, _changed),
        ]

    @callback
    def _cancel_auto_end(self) -> None:
        if self._auto_end is not None:
            self._auto_end()
            self._auto_end = None

    @callback
    def _arm_auto_end(self, when: datetime) -> None:
        self._cancel_auto_end()
        self._auto_end = async_track_point_in_time(
            self._hass, self._async_auto_end, when
        )

    async def _async_auto_end(self, _now: datetime) -> None:
        self._auto_end = None
        try:
            await self.async_end()
        except HomeAssistantError as err:
            _LOGGER.warning("Evening ritual: the automatic end failed: %s", err)


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
