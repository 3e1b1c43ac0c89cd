"""Actions for check-ins, the prompt of the day, the intention and the history.

A refused call raises a translated ServiceValidationError and changes nothing.
No action takes private text: Home Assistant copies action data into its
`call_service` events, which the recorder keeps. Notes and answers come in by
phone replies and the couple's websocket commands, and go out only to their
owner (`get_history` called by the partner themselves), an answer only once
both partners have answered.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .action_helpers import (
    ENTRY_SCHEMA,
    PARTNER_FIELD,
    Handler,
    local_day,
    validation_error,
    whole_number,
)
from .const import ATTR_PARTNER, DOMAIN, PARTNER_SLOTS
from .coordinator import MicrodoseCoordinator
from .core.checkins import SCORE_MAX, SCORE_MIN, CheckIn
from .core.limits import INTENTION_MAX_LENGTH
from .core.prompts import Theme
from .core.snooze import Reminder
from .dialogue import LimitReachedError
from .identity import ensure_acts_as
from .notifications import Delivery

SERVICE_CHECK_IN: Final = "check_in"
SERVICE_REQUEST_CHECK_IN: Final = "request_check_in"
SERVICE_SEND_PROMPT: Final = "send_prompt"
# What `request_check_in` answers for a partner who said "Not today".
NOT_TODAY: Final = "not_today"
LATER: Final = "later"
SERVICE_SET_INTENTION: Final = "set_intention"
SERVICE_GET_HISTORY: Final = "get_history"

ATTR_MOOD: Final = "mood"
ATTR_CONNECTION: Final = "connection"
ATTR_STRESS: Final = "stress"
ATTR_THEME: Final = "theme"
ATTR_INTENTION: Final = "intention"
ATTR_START: Final = "start"
ATTR_END: Final = "end"

HISTORY_MAX_DAYS: Final = 366


SCORE = vol.All(whole_number, vol.Range(min=SCORE_MIN, max=SCORE_MAX))

CHECK_IN_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_PARTNER): PARTNER_FIELD,
        vol.Required(ATTR_MOOD): SCORE,
        vol.Required(ATTR_CONNECTION): SCORE,
        vol.Required(ATTR_STRESS): SCORE,
    }
)
REQUEST_SCHEMA = ENTRY_SCHEMA.extend({vol.Optional(ATTR_PARTNER): PARTNER_FIELD})
SEND_PROMPT_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Optional(ATTR_THEME): vol.All(cv.string, vol.In([t.value for t in Theme]))}
)
INTENTION_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_INTENTION): vol.All(
            cv.string, vol.Length(max=INTENTION_MAX_LENGTH)
        )
    }
)
HISTORY_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Required(ATTR_START): local_day, vol.Required(ATTR_END): local_day}
)


def _limit_error(
    coordinator: MicrodoseCoordinator, err: LimitReachedError
) -> ServiceValidationError:
    """Return the translated refusal of a limit, naming the partner it is for."""
    placeholders = {"max": str(err.limit)}
    if err.slot is not None:
        placeholders["partner"] = coordinator.settings.partner(err.slot).name
    return validation_error(err.key, placeholders)


async def async_record_check_in(
    coordinator: MicrodoseCoordinator,
    slot: int,
    scores: dict[str, Any],
    note: str | None = None,
) -> CheckIn:
    """Record a check-in (scores already checked), or refuse it past the limit."""
    try:
        return await coordinator.conversation.async_check_in(
            slot,
            mood=scores[ATTR_MOOD],
            connection=scores[ATTR_CONNECTION],
            stress=scores[ATTR_STRESS],
            note=note,
        )
    except LimitReachedError as err:
        raise _limit_error(coordinator, err) from err


async def _check_in(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    slot = call.data[ATTR_PARTNER]
    ensure_acts_as(coordinator.settings, call.context, slot)
    record = await async_record_check_in(coordinator, slot, dict(call.data))
    return {"check_in_id": record.id}


def _phones_reached(deliveries: dict[int, Delivery], key: str) -> dict[str, Any]:
    """Return what became of each phone's message; raise if none was reached.

    A held message counts: it goes out when quiet hours end.
    """
    if deliveries and all(d is Delivery.FAILED for d in deliveries.values()):
        raise HomeAssistantError(translation_domain=DOMAIN, translation_key=key)
    return {str(slot): delivery.value for slot, delivery in deliveries.items()}


def _snoozed_answer(
    coordinator: MicrodoseCoordinator, call: ServiceCall, slot: int
) -> str | None:
    """Return how a partner's snooze answers a request someone else made.

    Only the partner's own request overrides their "Not today" or a pending
    "Later"; an automation's, or the other partner's, leaves it standing.
    """
    if coordinator.settings.slot_of_user(call.context.user_id) == slot:
        return None
    snoozes = coordinator.conversation.snoozes
    if snoozes.rests_today(slot, Reminder.CHECK_IN):
        return NOT_TODAY
    if snoozes.pending_at(slot, Reminder.CHECK_IN) is not None:
        return LATER
    return None


async def _request_check_in(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    if ATTR_PARTNER in call.data:
        ensure_acts_as(coordinator.settings, call.context, call.data[ATTR_PARTNER])
    slots = [call.data[ATTR_PARTNER]] if ATTR_PARTNER in call.data else PARTNER_SLOTS
    snoozed = {
        slot: answer
        for slot in slots
        if (answer := _snoozed_answer(coordinator, call, slot)) is not None
    }
    asked = [slot for slot in slots if slot not in snoozed]
    try:  # both or neither: a refusal changes nothing
        for slot in asked:
            coordinator.conversation.check_request_limit(slot)
    except LimitReachedError as err:
        raise _limit_error(coordinator, err) from err
    deliveries = {
        slot: await coordinator.conversation.async_request_check_in(slot)
        for slot in asked
    }
    phones = _phones_reached(deliveries, "check_in_not_delivered")
    return {"phones": phones | {str(slot): a for slot, a in snoozed.items()}}


async def _send_prompt(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    theme = Theme(call.data[ATTR_THEME]) if ATTR_THEME in call.data else None
    enabled = coordinator.settings.conversation.themes
    if theme is not None and theme not in enabled:
        raise validation_error("theme_not_enabled", {"theme": theme.value})
    if theme is None and not enabled:
        raise validation_error("no_theme_enabled")
    try:
        deliveries = await coordinator.conversation.async_send_prompt(theme)
    except LimitReachedError as err:
        raise _limit_error(coordinator, err) from err
    phones = _phones_reached(deliveries, "prompt_not_delivered")
    shared = coordinator.conversation.current_prompt
    return {
        "prompt_id": shared.prompt_id if shared else None,
        "theme": shared.theme if shared else None,
        "phones": phones,
    }


async def _set_intention(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    await coordinator.conversation.async_set_intention(call.data[ATTR_INTENTION])
    return None


def history_for(
    coordinator: MicrodoseCoordinator, start: date, end: date, reader: int | None
) -> dict[str, Any]:
    """Return the couple's history between two days, as `reader` may see it.

    Scores, doses and which prompts were answered are for anyone (Home
    Assistant shows them in states anyway). A partner (`reader`) also gets
    their own notes, their own answer (`own_answer`, before it is shared too)
    and both answers once both were shared; nobody else gets any note or
    answer, not even an empty one.
    """
    if end < start:
        raise validation_error(
            "history_range_reversed",
            {"start": start.isoformat(), "end": end.isoformat()},
        )
    if end - start >= timedelta(days=HISTORY_MAX_DAYS):  # both days count
        raise validation_error(
            "history_range_too_long", {"days": str(HISTORY_MAX_DAYS)}
        )
    conversation = coordinator.conversation
    history = conversation.history(start, end)
    for check_in in history["check_ins"]:
        if reader is None or check_in["partner"] != reader:
            del check_in["note"]
    own = {
        (shared.day.isoformat(), shared.prompt_id): shared.answers.get(reader)
        for shared in conversation.prompts
        if reader is not None
    }
    for prompt in history["prompts"]:
        if reader is None:
            del prompt["answers"]
        else:  # their own answer, shared or not yet
            prompt["own_answer"] = own.get((prompt["day"], prompt["prompt_id"]))
    history["doses"] = [
        {
            "dose_id": record.id,
            "partner": record.partner,
            "day": record.day.isoformat(),
            "taken_at": record.taken_at.isoformat(),
            "amount_g": record.amount_g,
            "form": record.form.value,
            "off_protocol": record.off_protocol,
            "flags": sorted(flag.value for flag in record.flags),
        }
        for record in coordinator.doses.between(start, end)
    ]
    return history


async def _get_history(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    """Anyone may ask; only a partner asking for themselves gets their text."""
    reader = coordinator.settings.slot_of_user(call.context.user_id)
    return history_for(coordinator, call.data[ATTR_START], call.data[ATTR_END], reader)


CONVERSATION_SERVICES: dict[str, tuple[vol.Schema, Handler, SupportsResponse]] = {
    SERVICE_CHECK_IN: (CHECK_IN_SCHEMA, _check_in, SupportsResponse.OPTIONAL),
    SERVICE_REQUEST_CHECK_IN: (
        REQUEST_SCHEMA,
        _request_check_in,
        SupportsResponse.OPTIONAL,
    ),
    SERVICE_SEND_PROMPT: (SEND_PROMPT_SCHEMA, _send_prompt, SupportsResponse.OPTIONAL),
    SERVICE_SET_INTENTION: (INTENTION_SCHEMA, _set_intention, SupportsResponse.NONE),
    SERVICE_GET_HISTORY: (HISTORY_SCHEMA, _get_history, SupportsResponse.ONLY),
}
