"""The couple's live state: owns the store and the domain objects, pushes updates.

Event-driven, never polled: the snapshot is rebuilt when something is recorded
and at local midnight, when the day (and so the phase) changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util, ulid as ulid_util

from .calm_day import CalmDayWatcher
from .const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_PARTNER,
    ATTR_PARTNER_NAME,
    DOMAIN,
    PARTNER_SLOTS,
)
from .core.calm import CalmVerdict, Override
from .core.doses import DoseLog, DoseRecord, DoseRefusedError, Form, Refusal
from .core.insights import Insights
from .core.protocol import Phase, Protocol
from .cycle_review import async_review_cycle
from .dialogue import Conversation
from .insight_figures import HistoryFigures
from .ritual_control import RitualController
from .ritual_presets import presets_from_options
from .ritual_settings import CONVERSATION
from .settings import CoupleSettings, parse_settings
from .snapshot import CoupleSnapshot, build_conversation, build_snapshot
from .store import CoupleStore, StoredData, check_layout
from .weekly_summary import WeeklySummary

_LOGGER = logging.getLogger(__name__)


type MicrodoseConfigEntry = ConfigEntry[MicrodoseCoordinator]
type EventListener = Callable[[str, dict[str, Any]], None]


class MicrodoseCoordinator(DataUpdateCoordinator[CoupleSnapshot]):
    """One couple: settings, stored history and today's view of them."""

    config_entry: MicrodoseConfigEntry

    def __init__(self, hass: HomeAssistant, entry: MicrodoseConfigEntry) -> None:
        """Prepare; async_setup loads the store."""
        super().__init__(
            hass, _LOGGER, config_entry=entry, name=f"{DOMAIN} {entry.title}"
        )
        self.settings: CoupleSettings = parse_settings(entry.data, entry.options)
        self.store = CoupleStore(hass, entry.entry_id, self._data_to_store)
        self._stored: StoredData = {}
        self.protocol: Protocol = self.settings.practice.protocol()
        self.doses = DoseLog(records=[])
        self.conversation = Conversation(hass, self)
        self.calm: CalmVerdict | None = None
        self.calm_watcher = CalmDayWatcher(hass, self, self._set_calm)
        self.ritual_presets = presets_from_options(entry.options)
        self.ritual_settings = self.ritual_presets[CONVERSATION]
        self.ritual = RitualController(hass, self)
        self._event_listeners: list[EventListener] = []
        self._daily_timers: list[CALLBACK_TYPE] = []
        self.weekly_summary = WeeklySummary(hass, self)
        self._history_figures = HistoryFigures()

    async def async_setup(self) -> None:
        """Load the history and arm the midnight and check-in timers."""
        await self.conversation.async_load_library()
        self._stored = await self.store.async_load()
        try:
            self._load_domain()
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            await self.store.async_reject(f"stored history: {err}")
            self._stored = {}
            self._load_domain()
        self.config_entry.async_on_unload(
            async_track_time_change(
                self.hass, self._async_midnight, hour=0, minute=0, second=0
            )
        )
        self._arm_daily_timers()
        self.config_entry.async_on_unload(self._disarm_daily_timers)
        self.conversation.async_start(self._stored)
        self.config_entry.async_on_unload(self.conversation.async_stop)
        self.calm_watcher.async_start()
        self.config_entry.async_on_unload(self.calm_watcher.async_stop)
        self.ritual.async_restore()
        self.config_entry.async_on_unload(self.ritual.async_stop)
        self.async_set_updated_data(self._build_snapshot())
        self.config_entry.async_create_task(self.hass, async_review_cycle(self))

    async def async_apply_options(self) -> None:
        """Take new options in place, so no entity goes unavailable on a save.

        Options change how the couple practises, never which entities exist,
        so nothing needs a reload: the settings, schedule, prompts, timers and
        calm-day calendars follow, and every entity shows the new state.
        """
        entry = self.config_entry
        self.settings = parse_settings(entry.data, entry.options)
        self.protocol = self.settings.practice.protocol(self.protocol_state)
        self.ritual_presets = presets_from_options(entry.options)
        self.ritual_settings = self.ritual_presets[CONVERSATION]
        await self.conversation.async_load_library()
        self._arm_daily_timers()
        self.calm_watcher.async_settings_changed()
        self.ritual.async_check_devices()
        self.async_set_updated_data(self._build_snapshot())

    @callback
    def _arm_daily_timers(self) -> None:
        """Arm the check-in request and the morning note at the chosen times."""
        self._disarm_daily_timers()
        for moment, action in (
            (
                self.settings.conversation.checkin_time,
                self.conversation.async_checkin_time,
            ),
            (self.settings.practice.reminder_time, self._async_morning),
        ):
            self._daily_timers.append(
                async_track_time_change(
                    self.hass,
                    action,
                    hour=moment.hour,
                    minute=moment.minute,
                    second=moment.second,
                )
            )
        if (weekly := self.weekly_summary.async_arm()) is not None:
            self._daily_timers.append(weekly)

    @callback
    def _disarm_daily_timers(self) -> None:
        while self._daily_timers:
            self._daily_timers.pop()()

    def _load_domain(self) -> None:
        check_layout(self._stored)
        self.protocol = self.settings.practice.protocol(self.protocol_state)
        self.doses = DoseLog(
            records=[DoseRecord.from_dict(raw) for raw in self._stored.get("doses", [])]
        )
        self.conversation.load(self._stored)
        for section in self._built_at_write():
            if section in self._stored:
                self._stored[section] = None  # the domain objects hold them now

    @property
    def protocol_state(self) -> dict[str, Any]:
        """Return the stored pauses, skipped and moved days."""
        state: dict[str, Any] = self._stored.get("protocol_state", {})
        return state

    def today(self) -> date:
        """Return the couple's local calendar day."""
        return dt_util.now().date()

    @property
    def insights(self) -> Insights:
        """Return the whole history's figures, worked out only after a change."""
        return self._history_figures.get(
            self.protocol, self.conversation.checkins.records, self.doses.records
        )

    def completed_cycles(self) -> int:
        """Return how many tolerance cycles are behind the couple."""
        return self.protocol.completed_cycles(self.today())

    def next_cycle_start(self) -> date:
        """Return the first day of the next cycle (when more frequent is allowed)."""
        today = self.today()
        position = self.protocol.position(today)
        if position is None:
            return max(today, self.protocol.start)
        return today + timedelta(days=self.protocol.cycle_length - position.day + 1)

    # ---- recording -------------------------------------------------------

    async def async_log_dose(
        self,
        slot: int,
        *,
        amount_g: float | None = None,
        form: Form | None = None,
        taken_at: datetime | None = None,
        acknowledged: bool = False,
    ) -> DoseRecord:
        """Record a dose through the guard.

        Raises DoseRefusedError if refused, DoseRejectedError if it cannot be
        true (a time ahead of now, an implausible amount).
        """
        practice = self.settings.practice
        now = dt_util.now()
        moment = dt_util.as_local(taken_at or now.replace(microsecond=0))
        day = moment.date()
        record = self.doses.log(
            record_id=ulid_util.ulid_now(),
            partner=slot,
            day=day,
            taken_at=moment,
            now=now,
            amount_g=practice.starting_amount_g if amount_g is None else amount_g,
            form=form or practice.form,
            phase=self.protocol.phase(day),
            ceilings=practice.ceilings,
            acknowledged=acknowledged,
        )
        self._store_doses()
        self.fire(
            "dose_logged",
            self.partner_payload(slot)
            | {
                "dose_id": record.id,
                "amount_g": record.amount_g,
                "form": record.form,
                "off_protocol": record.off_protocol,
                "flags": sorted(record.flags),
            },
        )
        if record.day == self.today():
            await self.conversation.morning.async_dose_logged(slot)
        return record

    async def async_delete_dose(self, dose_id: str) -> DoseRecord:
        """Remove a mistaken record; raises KeyError if there is none."""
        record = self.doses.delete(dose_id)
        self._store_doses()
        return record

    def next_dose(self, slot: int | None = None) -> date | None:
        """Return the next dose day for a partner, or for the couple.

        Today stays the next dose day until the partner (or, for the couple,
        both partners) took today's dose.
        """
        slots = PARTNER_SLOTS if slot is None else (slot,)
        return self.doses.next_dose_date(self.protocol, self.today(), slots)

    async def async_skip_dose_day(self, day: date | None = None) -> date:
        """Skip one dose day (today unless given).

        Raises DoseRefusedError when a dose is already recorded that day (the
        other partner's dose would then be refused), ValueError when the day
        is not a dose day.
        """
        target = day or self.today()
        if self.doses.dosed_on(target):
            raise DoseRefusedError((Refusal.ALREADY_DOSED_TODAY,), target)
        self._change_protocol(self.protocol.skip(target))
        return target

    async def async_pause(self) -> None:
        """Pause the whole protocol; paused days do not advance it.

        The pause begins today, or tomorrow when a dose was already logged
        today: that day stays the dose day it was.
        """
        today = self.today()
        start = today + timedelta(days=1) if self.doses.dosed_on(today) else today
        self._change_protocol(self.protocol.pause(start))
        self.fire("protocol_paused")

    async def async_resume(self) -> None:
        """Resume the protocol today."""
        self._change_protocol(self.protocol.resume(self.today()))
        self.fire("protocol_resumed")

    # ---- calm day ----------------------------------------------------------

    def override_today(self) -> Override:
        """Return today's manual say; it lapses at midnight."""
        stored = self._stored.get("calm_override") or {}
        if stored.get("day") == self.today().isoformat():
            return Override(stored["value"])
        return Override.AUTOMATIC

    async def async_set_override(self, override: Override) -> CalmVerdict:
        """Set how today feels (or go back to automatic) and decide again."""
        self._stored["calm_override"] = {
            "day": self.today().isoformat(),
            "value": override.value,
        }
        self.store.schedule_save()
        return await self.calm_watcher.async_refresh()

    @callback
    def _set_calm(self, verdict: CalmVerdict) -> None:
        if verdict == self.calm:
            return  # nothing to show; spare every entity a state write
        self.calm = verdict
        self.async_set_updated_data(self._build_snapshot())

    async def _async_morning(self, now: datetime) -> None:
        """On a dose day, send each partner's morning note; say if it is not calm."""
        if self.protocol.phase(self.today()) is not Phase.DOSE_DAY:
            return
        verdict = await self.calm_watcher.async_refresh()
        if not verdict.calm:
            self.fire(
                "dose_day_not_calm",
                {
                    "date": self.today().isoformat(),
                    "reasons": [str(reason) for reason in verdict.reasons],
                },
            )
        await self.conversation.morning.async_at_reminder_time()

    async def async_postpone_dose_day(self) -> date:
        """Move today's dose to the next day the schedule allows.

        Raises DoseRefusedError when a partner has already dosed today (moving
        it would give a second dose day in a row), ValueError when today is not
        a dose day or no later day in this on-period can take it.
        """
        today = self.today()
        if self.doses.dosed_on(today):
            raise DoseRefusedError((Refusal.ALREADY_DOSED_TODAY,), today)
        protocol, target = self.protocol.postpone(today)
        self._change_protocol(protocol)
        self.fire(
            "dose_day_postponed",
            {"from": today.isoformat(), "to": target.isoformat()},
        )
        return target

    # ---- events ----------------------------------------------------------

    @callback
    def async_add_event_listener(self, listener: EventListener) -> CALLBACK_TYPE:
        """Let the event entity hear what the bus hears."""
        self._event_listeners.append(listener)
        return lambda: self._event_listeners.remove(listener)

    @callback
    def fire(self, event_type: str, data: dict[str, Any] | None = None) -> None:
        """Fire a bus event and tell the event entity, with the shared vocabulary."""
        payload = {ATTR_CONFIG_ENTRY_ID: self.config_entry.entry_id} | (data or {})
        self.hass.bus.async_fire(f"{DOMAIN}_{event_type}", payload)
        for listener in list(self._event_listeners):
            listener(event_type, payload)

    def partner_payload(self, slot: int) -> dict[str, Any]:
        """Return the partner fields every partner event carries."""
        return {ATTR_PARTNER: slot, ATTR_PARTNER_NAME: self.settings.partner(slot).name}

    # ---- persistence and refresh -----------------------------------------

    def stored_for_diagnostics(self) -> StoredData:
        """Return a copy of what is stored (diagnostics redacts the private parts)."""
        return self._data_to_store()

    @callback
    def _change_protocol(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self._stored["protocol_state"] = protocol.state_as_dict()
        self.commit()

    @callback
    def _store_doses(self) -> None:
        self._stored["doses"] = None  # built when written
        self.commit()

    @property
    def stored(self) -> StoredData:
        """Return the couple's stored data, for the parts that keep their own.

        The record sections (doses, check-ins, prompts) hold None here: their
        domain objects are the truth, written out only when the store writes.
        """
        return self._stored

    @callback
    def commit(self) -> None:
        """Save soon and show the change at once."""
        self.store.schedule_save()
        self.async_set_updated_data(self._build_snapshot())

    def _built_at_write(self) -> dict[str, Callable[[], Any]]:
        """Return how to write each record section from its domain object."""
        return {
            "doses": lambda: [record.as_dict() for record in self.doses.records]
        } | self.conversation.built_at_write()

    def _data_to_store(self) -> StoredData:
        """Return everything to write; the record lists are built only now."""
        data = dict(self._stored)
        for section, build in self._built_at_write().items():
            if section in data:
                data[section] = build()
        return data

    @callback
    def _async_midnight(self, now: datetime) -> None:
        """Show the new day and fire its events (yesterday as the schedule saw it)."""
        self.async_set_updated_data(self._build_snapshot())
        today = self.data.today
        self._fire_day_events(
            self.protocol.phase(today - timedelta(days=1)), self.data.phase
        )
        self.calm_watcher.async_request_refresh()  # a new day, a new verdict

    @callback
    def _fire_day_events(self, yesterday: Phase, today: Phase) -> None:
        """Fire in the order the day unfolds: a break ends before dosing starts."""
        if yesterday is Phase.TOLERANCE_BREAK and today is not Phase.TOLERANCE_BREAK:
            self.fire("break_ended")
        if today is Phase.TOLERANCE_BREAK and yesterday is not Phase.TOLERANCE_BREAK:
            end = self.data.break_end
            self.fire("break_started", {"ends": end.isoformat() if end else None})
            self.config_entry.async_create_task(self.hass, async_review_cycle(self))
        if today is Phase.DOSE_DAY:
            self.fire("dose_day_started", {"date": self.data.today.isoformat()})

    @callback
    def refresh_now(self) -> None:
        """Show the current moment (for timers that change what is due)."""
        self.async_set_updated_data(self._build_snapshot())

    def _build_snapshot(self) -> CoupleSnapshot:
        now = dt_util.now()
        talk = self.conversation
        shared = talk.current_prompt
        prompt = talk.library.find(shared.prompt_id) if shared else None
        conversation = build_conversation(
            now,
            protocol=self.protocol,
            checkins=talk.checkins,
            prompt=shared,
            prompt_text=prompt.text if prompt else None,
            intention=talk.intention,
            settings=self.settings.conversation,
            slots=PARTNER_SLOTS,
        )
        return build_snapshot(
            now.date(),
            self.protocol,
            self.doses,
            PARTNER_SLOTS,
            conversation=conversation,
            calm=self.calm,
            override=self.override_today(),
            ritual_started=self.ritual.started_at,
        )
