"""The couple's live state: owns the store and the domain objects, pushes updates.

Event-driven, never polled: the snapshot is rebuilt when something is recorded
and at local midnight, when the day (and so the phase) changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, datetime, timedelta
import logging
import secrets
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
from .core.checkins import CheckIn, CheckInLog, SharedPrompt, other_partner
from .core.doses import DoseLog, DoseRecord, DoseRefusedError, Form, Refusal
from .core.prompts import PromptLibrary, Theme, choose_next
from .core.protocol import Phase, Protocol
from .notifications import (
    CHECKIN_STEPS,
    CHOICE_ANSWER,
    CHOICE_DONE,
    CHOICE_NOTE,
    NOTE_STEP,
    ActionId,
    Delivery,
    NotificationTexts,
    PhoneChannel,
    checkin_step_payload,
    clear_payload,
    notification_tag,
    prompt_payload,
    reveal_payload,
)
from .prompt_files import async_prompt_library
from .ritual import RitualSettings
from .ritual_control import RitualController
from .settings import CoupleSettings, parse_settings
from .snapshot import CoupleSnapshot, build_conversation, build_snapshot
from .store import CoupleStore, StoredData

_LOGGER = logging.getLogger(__name__)


type MicrodoseConfigEntry = ConfigEntry[MicrodoseCoordinator]
type EventListener = Callable[[str, dict[str, Any]], None]

INTENTION_MAX_LENGTH = 255
CHECKIN_ORDER = (*CHECKIN_STEPS, NOTE_STEP)


class NoPromptError(ValueError):
    """There is no prompt to answer today."""


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
        self.checkins = CheckInLog()
        self.prompts: list[SharedPrompt] = []
        self.intention = ""
        self.requests: dict[str, dict[str, Any]] = {}
        self.library = PromptLibrary(())
        self.phones = PhoneChannel(
            hass,
            {
                partner.slot: partner.notify_service
                for partner in self.settings.partners
            },
            self._store_held,
        )
        self.calm: CalmVerdict | None = None
        self.calm_watcher = CalmDayWatcher(hass, self, self._set_calm)
        self.ritual_settings = RitualSettings.from_options(entry.options)
        self.ritual = RitualController(hass, self)
        self._event_listeners: list[EventListener] = []

    async def async_setup(self) -> None:
        """Load the history and arm the midnight and check-in timers."""
        conversation = self.settings.conversation
        library = await async_prompt_library(self.hass, self.hass.config.language)
        self.library = library.with_custom(conversation.custom_prompts)
        self._stored = await self.store.async_load()
        try:
            self._load_domain()
        except (ValueError, KeyError, TypeError) as err:
            await self.store.async_reject(f"stored history: {err}")
            self._stored = {}
            self._load_domain()
        self.config_entry.async_on_unload(
            async_track_time_change(
                self.hass, self._async_midnight, hour=0, minute=0, second=0
            )
        )
        due = conversation.checkin_time
        self.config_entry.async_on_unload(
            async_track_time_change(
                self.hass,
                self._async_checkin_time,
                hour=due.hour,
                minute=due.minute,
                second=due.second,
            )
        )
        reminder = self.settings.practice.reminder_time
        self.config_entry.async_on_unload(
            async_track_time_change(
                self.hass,
                self._async_morning,
                hour=reminder.hour,
                minute=reminder.minute,
                second=reminder.second,
            )
        )
        self.config_entry.async_on_unload(self.phones.async_shutdown)
        self.calm_watcher.async_start()
        self.config_entry.async_on_unload(self.calm_watcher.async_stop)
        self.ritual.async_restore()
        self.config_entry.async_on_unload(self.ritual.async_stop)
        self.phones.async_restore_held(
            self._stored.get("held", []), conversation.quiet_hours
        )
        self.async_set_updated_data(self._build_snapshot())

    def _load_domain(self) -> None:
        self.protocol = self.settings.practice.protocol(self.protocol_state)
        self.doses = DoseLog(
            records=[DoseRecord.from_dict(raw) for raw in self._stored.get("doses", [])]
        )
        self.checkins = CheckInLog.from_dict(
            self._stored.get("checkins", {"records": []})
        )
        self.prompts = [
            SharedPrompt.from_dict(raw) for raw in self._stored.get("prompts", [])
        ]
        self.intention = str(self._stored.get("intention", ""))
        self.requests = dict(self._stored.get("requests", {}))

    @property
    def protocol_state(self) -> dict[str, Any]:
        """Return the stored pauses, skipped and moved days."""
        state: dict[str, Any] = self._stored.get("protocol_state", {})
        return state

    def today(self) -> date:
        """Return the couple's local calendar day."""
        return dt_util.now().date()

    def completed_cycles(self) -> int:
        """Return how many tolerance cycles are behind the couple."""
        return self.protocol.completed_cycles(self.today())

    def next_cycle_start(self) -> date:
        """Return the first day of the next cycle (when more frequent is allowed)."""
        today = self.today()
        position = self.protocol.position(today)
        if position is None:
            return max(today, self.protocol.start)
        cycle_days = 7 * (self.protocol.weeks_on + self.protocol.weeks_off)
        return today + timedelta(days=cycle_days - position.day + 1)

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
        """Record a dose through the guard; raises DoseRefusedError if refused."""
        practice = self.settings.practice
        moment = dt_util.as_local(taken_at or dt_util.now())
        day = moment.date()
        record = self.doses.log(
            record_id=ulid_util.ulid_now(),
            partner=slot,
            day=day,
            taken_at=moment,
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
        return record

    async def async_delete_dose(self, dose_id: str) -> DoseRecord:
        """Remove a mistaken record; raises KeyError if there is none."""
        record = self.doses.delete(dose_id)
        self._store_doses()
        return record

    async def async_skip_dose_day(self, day: date | None = None) -> date:
        """Skip one dose day (today unless given); raises ValueError otherwise."""
        target = day or self.today()
        self._change_protocol(self.protocol.skip(target))
        return target

    async def async_pause(self) -> None:
        """Pause the whole protocol from today; paused days do not advance it."""
        self._change_protocol(self.protocol.pause(self.today()))
        self.fire("protocol_paused")

    async def async_resume(self) -> None:
        """Resume the protocol today."""
        self._change_protocol(self.protocol.resume(self.today()))
        self.fire("protocol_resumed")

    # ---- check-ins ---------------------------------------------------------

    async def async_check_in(
        self,
        slot: int,
        *,
        mood: int,
        connection: int,
        stress: int,
        note: str | None = None,
    ) -> CheckIn:
        """Record a check-in now; raises ValueError for a score outside 1-5."""
        record = self._record_check_in(slot, mood, connection, stress, note)
        if self.requests.pop(f"{slot}:checkin", None) is not None:
            await self._async_clear_phone(slot, "checkin")
        self._store_conversation()
        return record

    @callback
    def _record_check_in(
        self, slot: int, mood: int, connection: int, stress: int, note: str | None
    ) -> CheckIn:
        moment = dt_util.now()
        record = CheckIn(
            id=ulid_util.ulid_now(),
            partner=slot,
            day=moment.date(),
            at=moment,
            mood=mood,
            connection=connection,
            stress=stress,
            note=(note or "").strip() or None,
        )
        self.checkins.add(record)
        self.calm_watcher.async_request_refresh()  # stress may have changed
        self.fire(
            "check_in_recorded",
            self.partner_payload(slot)
            | {
                "check_in_id": record.id,
                "mood": mood,
                "connection": connection,
                "stress": stress,
            },
        )
        return record

    async def async_request_check_in(self, slot: int) -> None:
        """Ask a partner's phone for a check-in; a new request replaces the last."""
        request = {"id": _request_id(), "step": CHECKIN_ORDER[0]}
        self.requests[f"{slot}:checkin"] = request
        self._store_conversation()
        await self._async_send_checkin_step(slot, request)
        self.fire("check_in_requested", self.partner_payload(slot))

    async def _async_send_checkin_step(
        self, slot: int, request: dict[str, Any]
    ) -> None:
        texts = await NotificationTexts.async_load(self.hass)
        action = ActionId(self.config_entry.entry_id, slot, request["id"], "")
        payload = checkin_step_payload(
            texts,
            action,
            request["step"],
            partner=self.settings.partner(slot).name,
            other=self.settings.partner(other_partner(slot)).name,
        )
        await self.phones.async_send(
            slot, payload, self.settings.conversation.quiet_hours
        )

    # ---- the prompt of the day -------------------------------------------

    @property
    def current_prompt(self) -> SharedPrompt | None:
        """Return the latest prompt, if one was sent today."""
        if self.prompts and self.prompts[-1].day == self.today():
            return self.prompts[-1]
        return None

    async def async_send_prompt(
        self, theme: Theme | None = None, *, reuse_today: bool = False
    ) -> dict[int, Delivery]:
        """Send the prompt to both phones and say what became of each message.

        With `reuse_today`, tonight's prompt goes again to whoever has not
        answered it (the ritual does this); otherwise the next prompt is chosen.
        Raises ValueError when no enabled theme can give one.
        """
        shared = self.current_prompt
        if not (reuse_today and shared is not None and not shared.revealed):
            prompt = choose_next(
                self.library,
                [sent.prompt_id for sent in self.prompts],
                self.settings.conversation.themes,
                theme,
            )
            shared = SharedPrompt(
                day=self.today(), prompt_id=prompt.id, theme=prompt.theme.value
            )
            self.prompts.append(shared)
        text = self.library.get(shared.prompt_id).text
        texts = await NotificationTexts.async_load(self.hass)
        slots = [p.slot for p in self.settings.partners if not shared.answered(p.slot)]
        sends = []
        for slot in slots:
            request = {"id": _request_id(), "day": shared.day.isoformat()}
            self.requests[f"{slot}:prompt"] = request
            action = ActionId(self.config_entry.entry_id, slot, request["id"], "")
            sends.append(
                self.phones.async_send(
                    slot,
                    prompt_payload(texts, action, text),
                    self.settings.conversation.quiet_hours,
                )
            )
        self._store_conversation()
        self.fire("prompt_sent", {"prompt_id": shared.prompt_id, "theme": shared.theme})
        return dict(zip(slots, await asyncio.gather(*sends), strict=True))

    async def async_answer_prompt(self, slot: int, text: str) -> bool:
        """Keep a partner's answer private; reveal both once both answered.

        Returns whether this answer revealed the pair. Raises NoPromptError when
        no prompt was sent today, ValueError for a blank answer or a closed one.
        """
        shared = self.current_prompt
        if shared is None:
            raise NoPromptError("no prompt was sent today")
        completes = shared.answer(slot, text)
        if self.requests.pop(f"{slot}:prompt", None) is not None:
            await self._async_clear_phone(slot, "prompt")
        self._store_conversation()
        if completes:
            shared.reveal()
            self._store_conversation()
            self.fire("prompt_revealed", {"prompt_id": shared.prompt_id})
            await self._async_send_reveal(shared)
        return completes

    async def _async_send_reveal(self, shared: SharedPrompt) -> None:
        texts = await NotificationTexts.async_load(self.hass)
        await asyncio.gather(
            *(
                self.phones.async_send(
                    partner.slot,
                    reveal_payload(
                        texts,
                        self.config_entry.entry_id,
                        partner.slot,
                        other=self.settings.partner(other_partner(partner.slot)).name,
                        other_answer=shared.other_answer(partner.slot),
                        own_answer=shared.answers[partner.slot],
                    ),
                    self.settings.conversation.quiet_hours,
                )
                for partner in self.settings.partners
            )
        )

    async def async_set_intention(self, text: str) -> None:
        """Set the couple's shared intention; ValueError if it is too long."""
        cleaned = text.strip()
        if len(cleaned) > INTENTION_MAX_LENGTH:
            raise ValueError(f"at most {INTENTION_MAX_LENGTH} characters")
        self.intention = cleaned
        self._store_conversation()

    def history(self, start: date, end: date) -> dict[str, Any]:
        """Return check-ins and revealed answers between two days (inclusive).

        An answer not yet revealed stays private even here: only who answered.
        """
        prompts = []
        for shared in self.prompts:
            if not start <= shared.day <= end:
                continue
            prompt = self.library.find(shared.prompt_id)
            prompts.append(
                {
                    "day": shared.day.isoformat(),
                    "prompt_id": shared.prompt_id,
                    "theme": shared.theme,
                    "text": prompt.text if prompt else None,
                    "answered": sorted(shared.answers),
                    "answers": (
                        {str(slot): answer for slot, answer in shared.answers.items()}
                        if shared.revealed
                        else {}
                    ),
                }
            )
        return {
            "check_ins": [
                record.as_dict() for record in self.checkins.between(start, end)
            ],
            "prompts": prompts,
        }

    # ---- calm day ----------------------------------------------------------

    def stress_today(self, slot: int) -> int | None:
        """Return the partner's latest stress score today, if they checked in."""
        latest = self.checkins.latest_on(slot, self.today())
        return latest.stress if latest else None

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
        self.calm = verdict
        self.async_set_updated_data(self._build_snapshot())

    async def _async_morning(self, now: datetime) -> None:
        """On a dose day that is not calm, say so at the morning reminder time."""
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

    async def async_postpone_dose_day(self) -> date:
        """Move today's dose to the next day the schedule allows.

        Raises DoseRefusedError when a partner has already dosed today (moving
        it would give a second dose day in a row), ValueError when today is not
        a dose day or no later day in this on-period can take it.
        """
        today = self.today()
        dosed = [
            partner.slot
            for partner in self.settings.partners
            if self.doses.count(partner.slot, today, today)
        ]
        if dosed:
            raise DoseRefusedError((Refusal.ALREADY_DOSED_TODAY,))
        protocol, target = self.protocol.postpone(today)
        self._change_protocol(protocol)
        self.fire(
            "dose_day_postponed",
            {"from": today.isoformat(), "to": target.isoformat()},
        )
        return target

    # ---- replies from the phones -----------------------------------------

    async def async_handle_phone_action(
        self, action: ActionId, reply_text: str | None
    ) -> bool:
        """Apply a tap or reply from a phone; anything not open is ignored."""
        if action.entry_id != self.config_entry.entry_id:
            return False
        slot = action.slot
        checkin = self.requests.get(f"{slot}:checkin")
        if checkin is not None and checkin["id"] == action.request_id:
            return await self._async_checkin_reply(
                slot, checkin, action.choice, reply_text
            )
        prompt = self.requests.get(f"{slot}:prompt")
        if (
            prompt is not None
            and prompt["id"] == action.request_id
            and action.choice == CHOICE_ANSWER
            and (reply_text or "").strip()
            and self.current_prompt is not None
        ):
            await self.async_answer_prompt(slot, reply_text or "")
            return True
        _LOGGER.debug("Ignored a notification action that matches no open request")
        return False

    async def _async_checkin_reply(
        self, slot: int, request: dict[str, Any], choice: str, reply_text: str | None
    ) -> bool:
        step = request["step"]
        if step == NOTE_STEP:
            if choice == CHOICE_NOTE and (reply_text or "").strip():
                self.checkins.set_note(request["check_in_id"], slot, reply_text)
            elif choice != CHOICE_DONE:
                return False
            del self.requests[f"{slot}:checkin"]
            self._store_conversation()
            await self._async_clear_phone(slot, "checkin")
            return True
        value = CHECKIN_STEPS[step].get(choice)
        if value is None:
            return False
        answers = {**request, step: value}
        next_step = CHECKIN_ORDER[CHECKIN_ORDER.index(step) + 1]
        following = {**answers, "id": _request_id(), "step": next_step}
        if next_step == NOTE_STEP:
            record = self._record_check_in(
                slot, answers["mood"], answers["connection"], answers["stress"], None
            )
            following["check_in_id"] = record.id
        self.requests[f"{slot}:checkin"] = following
        self._store_conversation()
        await self._async_send_checkin_step(slot, following)
        return True

    async def _async_clear_phone(self, slot: int, purpose: str) -> None:
        tag = notification_tag(self.config_entry.entry_id, slot, purpose)
        await self.phones.async_send(
            slot, clear_payload(tag), self.settings.conversation.quiet_hours
        )

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
        self._stored["doses"] = [record.as_dict() for record in self.doses.records]
        self.commit()

    @callback
    def _store_conversation(self) -> None:
        self._stored["checkins"] = self.checkins.as_dict()
        self._stored["prompts"] = [shared.as_dict() for shared in self.prompts]
        self._stored["intention"] = self.intention
        self._stored["requests"] = self.requests
        self.commit()

    @callback
    def _store_held(self) -> None:
        self._stored["held"] = self.phones.held_as_list()
        self.store.schedule_save()

    @property
    def stored(self) -> StoredData:
        """Return the couple's stored data, for the parts that keep their own."""
        return self._stored

    @callback
    def commit(self) -> None:
        """Save soon and show the change at once."""
        self.store.schedule_save()
        self.async_set_updated_data(self._build_snapshot())

    def _data_to_store(self) -> StoredData:
        return dict(self._stored)

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
        if today is Phase.DOSE_DAY:
            self.fire("dose_day_started", {"date": self.data.today.isoformat()})

    async def _async_checkin_time(self, now: datetime) -> None:
        """At check-in time, ask each partner who is due, on their own phone."""
        self.async_set_updated_data(self._build_snapshot())
        for slot, figures in self.data.conversation.partners.items():
            if figures.due:
                self.fire("check_in_due", self.partner_payload(slot))
                await self.async_request_check_in(slot)

    def _build_snapshot(self) -> CoupleSnapshot:
        now = dt_util.now()
        shared = self.current_prompt
        prompt = self.library.find(shared.prompt_id) if shared else None
        conversation = build_conversation(
            now,
            protocol=self.protocol,
            checkins=self.checkins,
            prompt=shared,
            prompt_text=prompt.text if prompt else None,
            intention=self.intention,
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


def _request_id() -> str:
    """Return a short, unguessable id for one notification request."""
    return secrets.token_hex(6)
