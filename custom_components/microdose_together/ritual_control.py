"""Runs one couple's ritual: one preset at a time, remembered across restarts.

What the room looked like, which preset runs and its timers (the automatic
end, the "share one line" note) live in the couple's store, so a ritual
started before a restart can still be ended after it and the room comes back
as it was. A walk watches the partners' persons and ends once both, having
gone out, are home again. A chosen device that does not exist keeps a repair
that names it for as long as it is chosen and missing.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
import logging
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.components.media_player.const import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.const import STATE_HOME, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import (
    async_track_point_in_time,
    async_track_state_added_domain,
    async_track_state_change_event,
    async_track_state_removed_domain,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .const import DOMAIN, ISSUE_RITUAL_ENTITY_MISSING
from .core.prompts import Occasion
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
from .ritual_notes import async_send_moment_question, async_send_share_note
from .ritual_settings import CONVERSATION, PROMPT_TONIGHT, RitualSettings

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

STORE_KEY: Final = "ritual"
# The Adaptive Lighting switches whose lights the running ritual holds.
MANUAL_KEY: Final = "manual_control"
# The day the ritual last brought a prompt to the phones, and of which themes.
PROMPTED_KEY: Final = "ritual_prompted_on"
# A walk's end waits for someone to have left before both are home again.
AWAY_SEEN_KEY: Final = "away_seen"
_UNTRACKED: Final = frozenset({STATE_UNKNOWN, STATE_UNAVAILABLE})


class RitualController:
    """Starts and ends the ritual and keeps what ending needs in the store."""

    def __init__(self, hass: HomeAssistant, coordinator: MicrodoseCoordinator) -> None:
        """Prepare; `async_restore` picks up a ritual left running."""
        self._hass = hass
        self._coordinator = coordinator
        self._auto_end: CALLBACK_TYPE | None = None
        self._share: CALLBACK_TYPE | None = None
        self._home_watch: CALLBACK_TYPE | None = None
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

    @property
    def preset(self) -> str | None:
        """Return the preset that runs, if one runs."""
        running = self._running
        return str(running.get("preset", CONVERSATION)) if running else None

    @callback
    def async_restore(self) -> None:
        """Re-arm the timers and the walk's watch of a ritual left running.

        A time that passed while Home Assistant was down fires at once.
        """
        self._arm_running(self._running)
        self._watch_devices()

    @callback
    def async_stop(self) -> None:
        """Drop the timers and the watchers (the entry unloads; the store keeps it)."""
        self._disarm_running()
        while self._watchers:
            self._watchers.pop()()

    @callback
    def async_check_devices(self) -> None:
        """Raise a repair for each chosen ritual device that does not exist.

        Call it whenever the ritual's options change; it also runs once Home
        Assistant has started, when a light or player comes or goes, and at
        each start and end.
        """
        chosen: dict[str, None] = {}
        for settings in self._coordinator.ritual_presets.values():
            chosen.update(dict.fromkeys(settings.lights))
            if settings.media_player:
                chosen[settings.media_player] = None
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
            return {
                "started": False,
                "already_running": True,
                "preset": self.preset,
                "steps": [],
            }
        notify = (
            partial(self._async_send_prompt, settings.prompt_theme)
            if settings.send_prompt
            else None
        )
        report = await async_start_ritual(self._hass, settings, notify=notify)
        self.async_check_devices()
        if report.nothing_happened:
            await async_hand_back(self._hass, report.manual)
            raise self._error("ritual_start_failed", report)
        started = dt_util.utcnow()
        running: dict[str, Any] = {
            "preset": settings.preset,
            "started_at": started.isoformat(),
            "snapshot": report.snapshot,
            "player": report.player,
            MANUAL_KEY: report.manual,
            "transition": settings.transition,
            "auto_end_at": _after(started, settings.auto_end_minutes),
            "share_at": _after(started, settings.share_after_minutes),
            "end_when_home": settings.end_when_home,
            AWAY_SEEN_KEY: False,
        }
        self._coordinator.stored[STORE_KEY] = running
        self._arm_running(running)
        self._coordinator.commit()
        self._coordinator.fire("ritual_started", _summary(settings.preset, report))
        return {"started": True, "preset": settings.preset, **report.as_dict()}

    async def _async_end(self) -> dict[str, Any]:
        running = self._running
        if running is None:
            return {"ended": False, "was_running": False, "steps": []}
        self._disarm_running()
        preset = str(running.get("preset", CONVERSATION))
        settings = self._coordinator.ritual_presets.get(
            preset, self._coordinator.ritual_settings
        )
        if isinstance(transition := running.get("transition"), (int, float)):
            settings = replace(settings, transition=float(transition))
        report = await async_end_ritual(
            self._hass,
            settings,
            running["snapshot"],
            player=running.get("player"),
            manual=saved_handover(running.get(MANUAL_KEY)),
        )
        self.async_check_devices()
        retry = report.nothing_happened and any(
            step.error != ERROR_MISSING for step in report.steps
        )
        if retry:
            self._keep_watching(running)
            raise self._error("ritual_end_failed", report)
        self._coordinator.stored.pop(STORE_KEY, None)
        self._coordinator.commit()
        self._coordinator.fire("ritual_ended", _summary(preset, report))
        if report.nothing_happened:
            raise self._error("ritual_end_devices_gone", report)
        return {"ended": True, "preset": preset, **report.as_dict()}

    async def _async_send_prompt(self, theme: str) -> list[RitualStep]:
        """Bring the preset's prompt to the phones, once an evening per theme.

        Each phone is its own step in the report. Tonight's prompt, already
        sent today, is used again (a new one only when there is none) and goes
        only to a partner who has not answered it. Journaling and the walk
        send a question of their own, which leaves tonight's prompt as it
        was. A second start of the same kind the same evening leaves the
        phones alone.
        """
        today = self._coordinator.today().isoformat()
        prompted = _prompted_themes(self._coordinator.stored.get(PROMPTED_KEY), today)
        if theme in prompted:
            return []
        conversation = self._coordinator.conversation
        if theme == PROMPT_TONIGHT:
            deliveries = await conversation.async_send_prompt(reuse_today=True)
        else:
            deliveries = await async_send_moment_question(
                self._coordinator, Occasion(theme)
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
            self._coordinator.stored[PROMPTED_KEY] = {
                "day": today,
                "themes": [*prompted, theme],
            }
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
    def _arm_running(self, running: dict[str, Any] | None) -> None:
        """Arm the automatic end, the share note and the walk's watch, as stored."""
        self._disarm_running()
        if running is None:
            return
        now = dt_util.utcnow()
        if (end := _stored_time(running.get("auto_end_at"))) is not None:
            self._auto_end = async_track_point_in_time(
                self._hass, self._async_auto_end, max(end, now)
            )
        if (share := _stored_time(running.get("share_at"))) is not None:
            self._share = async_track_point_in_time(
                self._hass, self._async_share, max(share, now)
            )
        if running.get("end_when_home") and (persons := self._persons()):
            self._home_watch = async_track_state_change_event(
                self._hass, persons, self._async_person_moved
            )
            self._async_person_moved(None)  # someone may have left or come back

    @callback
    def _keep_watching(self, running: dict[str, Any]) -> None:
        """Arm again after an end that did not work, without trying again at once.

        The walk ends the next time both are home after someone went out, and
        the share note still comes; an automatic end whose time has passed is
        not tried again (a tap, or the walk's return, ends the ritual).
        """
        running[AWAY_SEEN_KEY] = False
        if (end := _stored_time(running.get("auto_end_at"))) is not None and (
            end <= dt_util.utcnow()
        ):
            running["auto_end_at"] = None
        self._coordinator.commit()
        self._arm_running(running)

    @callback
    def _disarm_running(self) -> None:
        for unsub in (self._auto_end, self._share, self._home_watch):
            if unsub is not None:
                unsub()
        self._auto_end = self._share = self._home_watch = None

    def _persons(self) -> list[str]:
        """Return the partners' persons, as the couple linked them."""
        return [p.person for p in self._coordinator.settings.partners if p.person]

    @callback
    def _async_person_moved(self, _event: Event[EventStateChangedData] | None) -> None:
        """Note a partner going out; end the walk once both are home again."""
        running = self._running
        if running is None:
            return
        states = [self._hass.states.get(person) for person in self._persons()]
        # A person nobody tracks (unknown) can say nothing about the walk.
        home = [
            state.state == STATE_HOME
            for state in states
            if state is not None and state.state not in _UNTRACKED
        ]
        if not home:
            return
        if not all(home):
            if not running.get(AWAY_SEEN_KEY):
                running[AWAY_SEEN_KEY] = True
                self._coordinator.commit()
            return
        if running.get(AWAY_SEEN_KEY):
            self._coordinator.config_entry.async_create_task(
                self._hass, self._async_end_by_itself(), "microdose_together_walk_end"
            )

    async def _async_share(self, _now: datetime) -> None:
        """Ask both to share one line, once; a note that comes too late is dropped."""
        self._share = None
        running = self._running
        if running is None or running.get("share_at") is None:
            return
        running["share_at"] = None
        self._coordinator.commit()
        await async_send_share_note(self._coordinator)

    async def _async_auto_end(self, _now: datetime) -> None:
        self._auto_end = None
        await self._async_end_by_itself()

    async def _async_end_by_itself(self) -> None:
        try:
            await self.async_end()
        except HomeAssistantError as err:
            _LOGGER.warning("Ritual: the automatic end failed: %s", err)


def _after(start: datetime, minutes: int) -> str | None:
    """Return the stored time a number of minutes after the start (0: never)."""
    return (start + timedelta(minutes=minutes)).isoformat() if minutes else None


def _stored_time(value: Any) -> datetime | None:
    return dt_util.parse_datetime(value) if isinstance(value, str) else None


def _prompted_themes(stored: Any, today: str) -> list[str]:
    """Return the themes the ritual brought to the phones today.

    Older versions kept only the day, which meant tonight's prompt.
    """
    if stored == today:
        return [PROMPT_TONIGHT]
    if isinstance(stored, dict) and stored.get("day") == today:
        return [str(theme) for theme in stored.get("themes", [])]
    return []


def _summary(preset: str, report: RitualReport) -> dict[str, Any]:
    """Return what the bus and the event entity carry: the preset and failures."""
    return {
        "preset": preset,
        "ok": report.ok,
        "failed": [
            {"step": step.step, "target": step.target, "error": step.error}
            for step in report.steps
            if not step.ok
        ],
    }
