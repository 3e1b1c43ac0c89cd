"""Check-ins, the prompt of the day and the shared intention, for one couple.

This is the dialogue between the partners' phones and Home Assistant:
what is asked, what comes back, and what stays private until both replied.
The coordinator owns the store and the snapshot; this keeps the rest.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, datetime
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util, ulid as ulid_util

from .core.checkins import CheckIn, CheckInLog, SharedPrompt, other_partner
from .core.limits import (
    CHECKIN_REQUEST_WINDOW,
    CHECKIN_REQUESTS_PER_HOUR,
    CHECKINS_PER_DAY,
    INTENTION_MAX_LENGTH,
    PROMPTS_PER_DAY,
    TEXT_MAX_LENGTH,
    clean_text,
    cut_text,
)
from .core.prompts import (
    Occasion,
    PromptLibrary,
    Theme,
    choose_for_occasion,
    choose_next,
)
from .core.snooze import Reminder
from .morning_note import MorningNote
from .notifications import (
    ASK_STEP,
    CHECKIN_STEPS,
    CHOICE_ANSWER,
    CHOICE_DONE,
    CHOICE_LATER,
    CHOICE_NOTE,
    CHOICE_NOW,
    MORNING_PURPOSE,
    NOTE_STEP,
    SNOOZE_CHOICES,
    ActionId,
    Delivery,
    NotificationTexts,
    PhoneChannel,
    checkin_step_payload,
    clear_payload,
    new_request_id,
    notification_tag,
    prompt_payload,
    reveal_payload,
)
from .phone_checks import CHECKIN_ORDER, check_held, checked_requests
from .phones import private_notify_services
from .prompt_files import async_prompt_library
from .reminder_snooze import ReminderSnoozes

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator
    from .core.quiet_hours import QuietHours
    from .settings import CoupleSettings

_LOGGER = logging.getLogger(__name__)


class NoPromptError(ValueError):
    """There is no prompt to answer today."""


class LimitReachedError(Exception):
    """One of the couple's limits was reached; nothing was changed.

    `key` names the limit (it is also the translation key of the refusal);
    `slot` is the partner it was reached for, if it counts per partner.
    """

    def __init__(self, key: str, limit: int, slot: int | None = None) -> None:
        """Name the limit, its number and the partner."""
        super().__init__(f"{key} ({limit})")
        self.key = key
        self.limit = limit
        self.slot = slot


class Conversation:
    """The couple's check-ins, prompts, intention and open phone requests."""

    def __init__(self, hass: HomeAssistant, coordinator: MicrodoseCoordinator) -> None:
        """Start empty; `async_load` reads the library and the stored history."""
        self._hass = hass
        self._coordinator = coordinator
        self.checkins = CheckInLog()
        self.prompts: list[SharedPrompt] = []
        # The last prompt sent on each day, so finding today's reads no history.
        self._prompt_on: dict[date, SharedPrompt] = {}
        self.intention = ""
        self.requests: dict[str, dict[str, Any]] = {}
        # When each partner's phone was last asked for a check-in (this run).
        self._asked_at: dict[int, list[datetime]] = {}
        self.library = PromptLibrary(())
        self.phones = PhoneChannel(
            hass, self._phone_services, self._save_held, self._async_as_released
        )
        self.snoozes = ReminderSnoozes(hass, coordinator, self._async_ask_again)
        self.morning = MorningNote(hass, coordinator, self)

    async def async_load_library(self) -> None:
        """Read the built-in prompts in the home's language, plus the couple's."""
        library = await async_prompt_library(self._hass, self._hass.config.language)
        custom = self._settings.conversation.custom_prompts
        self.library = library.with_custom(custom)

    def load(self, stored: dict[str, Any]) -> None:
        """Read the stored history; raises ValueError, KeyError or TypeError."""
        self.checkins = CheckInLog.from_dict(stored.get("checkins", {"records": []}))
        self.prompts = [
            SharedPrompt.from_dict(raw) for raw in stored.get("prompts", [])
        ]
        self._prompt_on = {shared.day: shared for shared in self.prompts}
        self.intention = str(stored.get("intention", ""))
        self.requests = checked_requests(stored.get("requests", {}))
        check_held(stored.get("held", []), self._entry_id)
        self.snoozes.load(stored)

    @callback
    def async_start(self, stored: dict[str, Any]) -> None:
        """Hold again the phone messages that waited for quiet hours to end."""
        self.phones.async_restore_held(stored.get("held", []), self._quiet_hours)
        self.snoozes.async_start()

    @callback
    def async_stop(self) -> None:
        """Drop the quiet-hours and snooze timers; what they wait for is stored."""
        self.phones.async_shutdown()
        self.snoozes.async_stop()

    def _phone_services(self, slot: int) -> list[str]:
        """Return the notify actions that reach the partner's own phones only."""
        user_id = self._settings.partner(slot).user_id
        return private_notify_services(self._hass, user_id)

    @property
    def _settings(self) -> CoupleSettings:
        return self._coordinator.settings

    @property
    def _entry_id(self) -> str:
        return self._coordinator.config_entry.entry_id

    @property
    def _quiet_hours(self) -> QuietHours:
        return self._coordinator.settings.conversation.quiet_hours

    def stress_today(self, slot: int) -> int | None:
        """Return the partner's latest stress score today, if they checked in."""
        latest = self.checkins.latest_on(slot, self._coordinator.today())
        return latest.stress if latest else None

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
        """Record a check-in now.

        Raises ValueError for a score outside 1-5, LimitReachedError when the
        partner has checked in as often as a day allows.
        """
        record = self._record_check_in(slot, mood, connection, stress, note)
        open_request = self.requests.pop(f"{slot}:checkin", None)
        self.save()  # saved before the phone is told, whatever the phone does
        if open_request is not None:
            await self.async_clear_phone(slot, "checkin")
        return record

    @callback
    def _record_check_in(
        self, slot: int, mood: int, connection: int, stress: int, note: str | None
    ) -> CheckIn:
        moment = dt_util.now().replace(microsecond=0)  # seconds are plenty
        if self.checkins.count_on(slot, moment.date()) >= CHECKINS_PER_DAY:
            raise LimitReachedError("check_in_limit_reached", CHECKINS_PER_DAY, slot)
        record = CheckIn(
            id=ulid_util.ulid_now(),
            partner=slot,
            day=moment.date(),
            at=moment,
            mood=mood,
            connection=connection,
            stress=stress,
            note=clean_text(note or "") or None,
        )
        self.checkins.add(record)
        self.snoozes.async_drop_later(slot, Reminder.CHECK_IN)
        # A new stress score may change the calm-day verdict.
        self._coordinator.calm_watcher.async_request_refresh()
        self._coordinator.fire(
            "check_in_recorded",
            self._coordinator.partner_payload(slot)
            | {
                "check_in_id": record.id,
                "mood": mood,
                "connection": connection,
                "stress": stress,
            },
        )
        return record

    def check_request_limit(self, slot: int) -> None:
        """Raise LimitReachedError if the phone was asked as often as an hour allows."""
        since = dt_util.utcnow() - CHECKIN_REQUEST_WINDOW
        asked = [moment for moment in self._asked_at.get(slot, []) if moment > since]
        self._asked_at[slot] = asked
        if len(asked) >= CHECKIN_REQUESTS_PER_HOUR:
            raise LimitReachedError(
                "check_in_request_limit_reached", CHECKIN_REQUESTS_PER_HOUR, slot
            )

    async def async_request_check_in(self, slot: int) -> Delivery:
        """Ask a partner's phone for a check-in; a new request replaces the last.

        The first message asks whether now suits ("Check in now", "Later",
        "Not today"); the scores follow on the phone. Returns what became of
        the message; a failed one stays open, so the next request (or a
        reminder) can reach the phone. Raises LimitReachedError when the phone
        was asked as often as an hour allows.
        """
        self.check_request_limit(slot)
        self._asked_at.setdefault(slot, []).append(dt_util.utcnow())
        self.snoozes.async_drop_later(slot, Reminder.CHECK_IN)  # asked now instead
        request = {"id": new_request_id(), "step": ASK_STEP}
        self.requests[f"{slot}:checkin"] = request
        self.save()
        delivery = await self._async_send_checkin_step(slot, request)
        self._coordinator.fire(
            "check_in_requested", self._coordinator.partner_payload(slot)
        )
        return delivery

    async def _async_send_checkin_step(
        self, slot: int, request: dict[str, Any]
    ) -> Delivery:
        texts = await NotificationTexts.async_load(self._hass)
        action = ActionId(self._entry_id, slot, request["id"], "")
        payload = checkin_step_payload(
            texts,
            action,
            request["step"],
            partner=self._settings.partner(slot).name,
            other=self._settings.partner(other_partner(slot)).name,
        )
        return await self.phones.async_send(slot, payload, self._quiet_hours)

    # ---- the prompt of the day -------------------------------------------

    @property
    def current_prompt(self) -> SharedPrompt | None:
        """Return the latest prompt, if one was sent today."""
        return self._prompt_of(self._coordinator.today())

    async def async_send_prompt(
        self, theme: Theme | None = None, *, reuse_today: bool = False
    ) -> dict[int, Delivery]:
        """Send the prompt to both phones and say what became of each message.

        With `reuse_today`, tonight's prompt goes again to whoever has not
        answered it, and a revealed one is left as it is (the ritual does
        this); a new prompt is chosen only when none was sent today, or
        without `reuse_today`. Raises ValueError when no enabled theme can
        give one, LimitReachedError when today's prompts are all sent.
        """
        shared = self.current_prompt
        if not (reuse_today and shared is not None):
            today = self._coordinator.today()
            if sum(1 for sent in self.prompts if sent.day == today) >= PROMPTS_PER_DAY:
                raise LimitReachedError("prompt_limit_reached", PROMPTS_PER_DAY)
            prompt = choose_next(
                self.library,
                [sent.prompt_id for sent in self.prompts],
                self._settings.conversation.themes,
                theme,
            )
            shared = SharedPrompt(
                day=self._coordinator.today(),
                prompt_id=prompt.id,
                theme=prompt.theme.value,
            )
            self._add_prompt(shared)
        return await self._async_send_shared(shared)

    async def async_send_occasion_prompt(
        self, occasion: Occasion
    ) -> dict[int, Delivery]:
        """Send an occasion's prompt (a cycle review) as today's shared prompt.

        It takes the same way as the evening prompt: each answer stays private
        until both answered, then both are revealed. Being today's prompt, it
        is also what the evening ritual sends again. It is not counted against
        the day's limit, which is for prompts asked for; an occasion comes once.
        Raises ValueError when the library has no prompt for the occasion.
        """
        prompt = choose_for_occasion(
            self.library, [sent.prompt_id for sent in self.prompts], occasion
        )
        shared = SharedPrompt(
            day=self._coordinator.today(), prompt_id=prompt.id, theme=occasion.value
        )
        self._add_prompt(shared)
        return await self._async_send_shared(shared)

    async def _async_send_shared(self, shared: SharedPrompt) -> dict[int, Delivery]:
        """Send a shared prompt to each partner who has not answered it."""
        text = self.library.get(shared.prompt_id).text
        texts = await NotificationTexts.async_load(self._hass)
        title = texts.get(  # an occasion's prompt has a title of its own
            f"{shared.theme}_prompt_title"
            if shared.theme in Occasion
            else "prompt_title"
        )
        slots = [p.slot for p in self._settings.partners if not shared.answered(p.slot)]
        if not slots:
            return {}  # both answered tonight's prompt: nothing to send
        sends = []
        for slot in slots:
            request = {"id": new_request_id(), "day": shared.day.isoformat()}
            self.requests[f"{slot}:prompt"] = request
            action = ActionId(self._entry_id, slot, request["id"], "")
            sends.append(
                self.phones.async_send(
                    slot,
                    prompt_payload(texts, action, text, title=title),
                    self._quiet_hours,
                )
            )
        self.save()
        self._coordinator.fire(
            "prompt_sent", {"prompt_id": shared.prompt_id, "theme": shared.theme}
        )
        return dict(zip(slots, await asyncio.gather(*sends), strict=True))

    async def async_answer_prompt(
        self, slot: int, text: str, day: date | None = None
    ) -> bool:
        """Keep a partner's answer private; reveal both once both answered.

        `day` answers the prompt of an earlier day (a reply to a prompt that
        waited for quiet hours to end); by default it is today's. Returns
        whether this answer revealed the pair. Raises NoPromptError when there
        is no such prompt, ValueError for a blank answer or a closed one.
        """
        shared = self._prompt_of(day or self._coordinator.today())
        if shared is None:
            raise NoPromptError("no prompt was sent that day")
        completes = shared.answer(slot, clean_text(text))
        if completes:
            shared.reveal()
        open_request = self.requests.pop(f"{slot}:prompt", None)
        self.save()  # saved before the phones are told, whatever they do
        if open_request is not None:
            await self.async_clear_phone(slot, "prompt")
        if completes:
            self._coordinator.fire("prompt_revealed", {"prompt_id": shared.prompt_id})
            await self._async_send_reveal(shared)
        return completes

    def _prompt_of(self, day: date) -> SharedPrompt | None:
        """Return the last prompt sent on `day`."""
        return self._prompt_on.get(day)

    def _add_prompt(self, shared: SharedPrompt) -> None:
        """Keep a newly sent prompt, the latest of its day."""
        self.prompts.append(shared)
        self._prompt_on[shared.day] = shared

    async def _async_send_reveal(self, shared: SharedPrompt) -> None:
        texts = await NotificationTexts.async_load(self._hass)
        await asyncio.gather(
            *(
                self.phones.async_send(
                    partner.slot,
                    self._reveal_payload(texts, shared, partner.slot),
                    self._quiet_hours,
                )
                for partner in self._settings.partners
            )
        )

    def _reveal_payload(
        self, texts: NotificationTexts, shared: SharedPrompt, slot: int
    ) -> dict[str, Any]:
        """Return one partner's reveal; the answers only if the couple chose so."""
        answers = None
        if self._settings.conversation.show_answers_in_notifications:
            answers = (shared.other_answer(slot), shared.answers[slot])
        return reveal_payload(
            texts,
            self._entry_id,
            slot,
            other=self._settings.partner(other_partner(slot)).name,
            answers=answers,
        )

    async def _async_as_released(
        self, slot: int, payload: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Return a held message as it should go out now, or None to drop it.

        A reveal held through quiet hours carries answers only if the couple
        still wants them in the push; one held before that was a choice, or
        while it was on, goes out without them. A morning note goes out only
        on its own dose day, and only while that partner is still to dose.
        """
        data = payload.get("data", {})
        if data.get("tag") == notification_tag(self._entry_id, slot, MORNING_PURPOSE):
            return payload if self.morning.is_open(slot) else None
        is_reveal = data.get("tag") == notification_tag(
            self._entry_id, slot, "prompt"
        ) and not data.get("actions")
        if not is_reveal or self._settings.conversation.show_answers_in_notifications:
            return payload
        texts = await NotificationTexts.async_load(self._hass)
        other = self._settings.partner(other_partner(slot)).name
        return reveal_payload(texts, self._entry_id, slot, other=other)

    async def async_set_intention(self, text: str) -> None:
        """Set the couple's shared intention; ValueError if it is too long."""
        cleaned = clean_text(text)
        if len(cleaned) > INTENTION_MAX_LENGTH:
            raise ValueError(f"at most {INTENTION_MAX_LENGTH} characters")
        self.intention = cleaned
        self.save()

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
                    "revealed": shared.revealed,
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

    # ---- replies from the phones -----------------------------------------

    async def async_handle_phone_action(
        self, action: ActionId, reply_text: str | None, user_id: str | None
    ) -> bool:
        """Apply a tap or reply from a phone; anything not open is ignored.

        The companion app stamps a tap with the user it is signed in as; only
        the partner the request was sent to counts. Anyone else's tap (another
        user's app, a forged event, one without a user) changes nothing.
        """
        if action.entry_id != self._entry_id:
            return False
        owner = self._settings.partner(action.slot).user_id
        if owner is None or user_id != owner:
            _LOGGER.debug(
                "Ignored a notification action for partner %s from another user",
                action.slot,
            )
            return False
        if reply_text is not None:
            reply_text, was_cut = cut_text(reply_text)
            if was_cut:  # a phone cannot show an error: keep what fits
                _LOGGER.warning(
                    "A phone reply was longer than %s characters; kept the first %s",
                    TEXT_MAX_LENGTH,
                    TEXT_MAX_LENGTH,
                )
        return await self._async_open_request_reply(action, reply_text)

    async def _async_open_request_reply(
        self, action: ActionId, reply_text: str | None
    ) -> bool:
        """Hand a partner's own tap to the open request it answers."""
        slot = action.slot
        checkin = self.requests.get(f"{slot}:checkin")
        if checkin is not None and checkin["id"] == action.request_id:
            return await self._async_checkin_reply(
                slot, checkin, action.choice, reply_text
            )
        morning = self.requests.get(f"{slot}:morning")
        if (
            morning is not None
            and morning["id"] == action.request_id
            and action.choice in SNOOZE_CHOICES
        ):
            return await self._async_snooze_reply(slot, Reminder.MORNING, action.choice)
        prompt = self.requests.get(f"{slot}:prompt")
        if (
            prompt is not None
            and prompt["id"] == action.request_id
            and action.choice == CHOICE_ANSWER
            and (reply_text or "").strip()
        ):
            return await self._async_prompt_reply(slot, prompt, reply_text or "")
        _LOGGER.debug("Ignored a notification action that matches no open request")
        return False

    async def _async_prompt_reply(
        self, slot: int, request: dict[str, Any], reply_text: str
    ) -> bool:
        try:  # the prompt of the day it was sent, even if read the next morning
            await self.async_answer_prompt(
                slot, reply_text, date.fromisoformat(request["day"])
            )
        except ValueError:  # that prompt is gone or already shared
            _LOGGER.debug("Ignored an answer to a prompt that is closed")
            return False
        return True

    async def _async_checkin_reply(
        self, slot: int, request: dict[str, Any], choice: str, reply_text: str | None
    ) -> bool:
        step = request.get("step")
        if step not in CHECKIN_ORDER or (
            step == NOTE_STEP and "check_in_id" not in request
        ):
            _LOGGER.warning("Ignored a tap on a check-in request without a known step")
            return False
        if step == ASK_STEP:
            return await self._async_ask_reply(slot, choice)
        if step == NOTE_STEP:
            return await self._async_note_reply(slot, request, choice, reply_text)
        value = CHECKIN_STEPS[step].get(choice)
        if value is None:
            return False
        answers = {**request, step: value}
        next_step = CHECKIN_ORDER[CHECKIN_ORDER.index(step) + 1]
        following = {**answers, "id": new_request_id(), "step": next_step}
        if next_step == NOTE_STEP:
            record = self._record_phone_check_in(slot, answers)
            if record is None:
                del self.requests[f"{slot}:checkin"]
                self.save()
                return False
            following["check_in_id"] = record.id
        self.requests[f"{slot}:checkin"] = following
        self.save()
        await self._async_send_checkin_step(slot, following)
        return True

    async def _async_ask_reply(self, slot: int, choice: str) -> bool:
        """Go on into the scores now, or put the check-in off."""
        if choice in SNOOZE_CHOICES:
            return await self._async_snooze_reply(slot, Reminder.CHECK_IN, choice)
        if choice != CHOICE_NOW:
            return False
        following = {"id": new_request_id(), "step": CHECKIN_ORDER[1]}
        self.requests[f"{slot}:checkin"] = following
        self.save()
        await self._async_send_checkin_step(slot, following)
        return True

    async def _async_snooze_reply(
        self, slot: int, reminder: Reminder, choice: str
    ) -> bool:
        """Close the reminder on every phone; ask again later, or tomorrow."""
        del self.requests[f"{slot}:{reminder.value}"]
        if choice == CHOICE_LATER:
            self.snoozes.async_later(slot, reminder)
        else:
            self.snoozes.async_not_today(slot, reminder)
        self.save()
        await self.async_clear_phone(slot, reminder.value)
        return True

    async def _async_ask_again(self, slot: int, reminder: Reminder) -> None:
        """Ask once more after a "Later" (held, as any message, in quiet hours)."""
        if reminder is Reminder.MORNING:
            await self.morning.async_send(slot)
            return
        await self._async_request_within_limit(slot)

    async def _async_request_within_limit(self, slot: int) -> None:
        """Ask for a check-in unless the hour's requests are used up (logged)."""
        try:
            await self.async_request_check_in(slot)
        except LimitReachedError:
            _LOGGER.warning(
                "Partner %s was asked for a check-in %s times this hour; "
                "not asking again now",
                slot,
                CHECKIN_REQUESTS_PER_HOUR,
            )

    async def _async_note_reply(
        self, slot: int, request: dict[str, Any], choice: str, reply_text: str | None
    ) -> bool:
        if choice == CHOICE_NOTE and (reply_text or "").strip():
            self.checkins.set_note(request["check_in_id"], slot, reply_text)
        elif choice != CHOICE_DONE:
            return False
        del self.requests[f"{slot}:checkin"]
        self.save()
        await self.async_clear_phone(slot, "checkin")
        return True

    @callback
    def _record_phone_check_in(
        self, slot: int, answers: dict[str, Any]
    ) -> CheckIn | None:
        """Record the scores tapped on the phone; None (logged) if that cannot be."""
        try:  # scores kept in the store between taps: whole numbers 1-5 only
            return self._record_check_in(
                slot, answers["mood"], answers["connection"], answers["stress"], None
            )
        except (KeyError, ValueError) as err:
            _LOGGER.warning("Dropped a phone check-in with unusable scores: %s", err)
        except LimitReachedError:
            _LOGGER.warning(
                "Dropped a phone check-in: partner %s checked in %s times today",
                slot,
                CHECKINS_PER_DAY,
            )
        return None

    async def async_clear_phone(self, slot: int, purpose: str) -> None:
        """Remove the partner's notification of this purpose from their phones."""
        tag = notification_tag(self._entry_id, slot, purpose)
        await self.phones.async_send(
            slot,
            clear_payload(tag),
            self._quiet_hours,
        )

    def built_at_write(self) -> dict[str, Callable[[], Any]]:
        """Return how to write the record sections, called only when the store writes.

        Building years of records on every change would make each check-in
        cost more with each year; the store asks for them once per write.
        """
        return {
            "checkins": self.checkins.as_dict,
            "prompts": lambda: [shared.as_dict() for shared in self.prompts],
        }

    @callback
    def save(self) -> None:
        """Keep the conversation's state, and show the change at once."""
        for section in self.built_at_write():
            self._coordinator.stored[section] = None  # built when written
        self._coordinator.stored["intention"] = self.intention
        self._coordinator.stored["requests"] = self.requests
        self._coordinator.commit()

    @callback
    def _save_held(self) -> None:
        self._coordinator.stored["held"] = self.phones.held_as_list()
        self._coordinator.store.schedule_save()

    async def async_checkin_time(self, now: datetime) -> None:
        """At check-in time, ask each partner who is due, on their own phone."""
        self._coordinator.refresh_now()
        for slot, figures in self._coordinator.data.conversation.partners.items():
            if figures.due and not self.snoozes.rests_today(slot, Reminder.CHECK_IN):
                self._coordinator.fire(
                    "check_in_due", self._coordinator.partner_payload(slot)
                )
                await self._async_request_within_limit(slot)
