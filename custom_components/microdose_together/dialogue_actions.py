"""Actions for check-ins, the prompt of the day, the intention and the history.

A refused call raises a translated ServiceValidationError and changes nothing.
Private text (notes, answers) leaves the store only through `get_history`, and
an answer only once both partners have answered.
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
from .core.checkins import SCORE_MAX, SCORE_MIN
from .core.limits import INTENTION_MAX_LENGTH, TEXT_MAX_LENGTH, clean_text
from .core.prompts import Theme
from .dialogue import LimitReachedError, NoPromptError
from .notifications import Delivery

SERVICE_CHECK_IN: Final = "check_in"
SERVICE_REQUEST_CHECK_IN: Final = "request_check_in"
SERVICE_SEND_PROMPT: Final = "send_prompt"
SERVICE_ANSWER_PROMPT: Final = "answer_prompt"
SERVICE_SET_INTENTION: Final = "set_intention"
SERVICE_GET_HISTORY: Final = "get_history"

ATTR_MOOD: Final = "mood"
ATTR_CONNECTION: Final = "connection"
ATTR_STRESS: Final = "stress"
ATTR_NOTE: Final = "note"
ATTR_THEME: Final = "theme"
ATTR_ANSWER: Final = "answer"
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
        vol.Optional(ATTR_NOTE): vol.All(cv.string, vol.Length(max=TEXT_MAX_LENGTH)),
    }
)
REQUEST_SCHEMA = ENTRY_SCHEMA.extend({vol.Optional(ATTR_PARTNER): PARTNER_FIELD})
SEND_PROMPT_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Optional(ATTR_THEME): vol.All(cv.string, vol.In([t.value for t in Theme]))}
)
ANSWER_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_PARTNER): PARTNER_FIELD,
        vol.Required(ATTR_ANSWER): vol.All(cv.string, vol.Length(max=TEXT_MAX_LENGTH)),
    }
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


async def _check_in(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    try:
        record = await coordinator.conversation.async_check_in(
            call.data[ATTR_PARTNER],
            mood=call.data[ATTR_MOOD],
            connection=call.data[ATTR_CONNECTION],
            stress=call.data[ATTR_STRESS],
            note=call.data.get(ATTR_NOTE),
        )
    except LimitReachedError as err:
        raise _limit_error(coordinator, err) from err
    return {"check_in_id": record.id}


def _phones_reached(deliveries: dict[int, Delivery], key: str) -> dict[str, Any]:
    """Return what became of each phone's message; raise if none was reached.

    A held message counts: it goes out when quiet hours end.
    """
    if deliveries and all(d is Delivery.FAILED for d in deliveries.values()):
        raise HomeAssistantError(translation_domain=DOMAIN, translation_key=key)
    return {str(slot): delivery.value for slot, delivery in deliveries.items()}


async def _request_check_in(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    slots = [call.data[ATTR_PARTNER]] if ATTR_PARTNER in call.data else PARTNER_SLOTS
    try:  # both or neither: a refusal changes nothing
        for slot in slots:
            coordinator.conversation.check_request_limit(slot)
    except LimitReachedError as err:
        raise _limit_error(coordinator, err) from err
    deliveries = {
        slot: await coordinator.conversation.async_request_check_in(slot)
        for slot in slots
    }
    return {"phones": _phones_reached(deliveries, "check_in_not_delivered")}


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


async def _answer_prompt(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    slot = call.data[ATTR_PARTNER]
    answer: str = call.data[ATTR_ANSWER]
    if not clean_text(answer):  # nothing left once control characters are gone
        raise validation_error("answer_empty")
    shared = coordinator.conversation.current_prompt
    if shared is not None and shared.revealed:
        raise validation_error("prompt_already_revealed")
    try:
        revealed = await coordinator.conversation.async_answer_prompt(slot, answer)
    except NoPromptError as err:
        raise validation_error("no_prompt_today") from err
    return {"revealed": revealed}


async def _set_intention(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    await coordinator.conversation.async_set_intention(call.data[ATTR_INTENTION])
    return None


async def _get_history(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    start: date = call.data[ATTR_START]
    end: date = call.data[ATTR_END]
    if end < start:
        raise validation_error(
            "history_range_reversed",
            {"start": start.isoformat(), "end": end.isoformat()},
        )
    if end - start > timedelta(days=HISTORY_MAX_DAYS):
        raise validation_error(
            "history_range_too_long", {"days": str(HISTORY_MAX_DAYS)}
        )
    history = coordinator.conversation.history(start, end)
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


CONVERSATION_SERVICES: dict[str, tuple[vol.Schema, Handler, SupportsResponse]] = {
    SERVICE_CHECK_IN: (CHECK_IN_SCHEMA, _check_in, SupportsResponse.OPTIONAL),
    SERVICE_REQUEST_CHECK_IN: (
        REQUEST_SCHEMA,
        _request_check_in,
        SupportsResponse.OPTIONAL,
    ),
    SERVICE_SEND_PROMPT: (SEND_PROMPT_SCHEMA, _send_prompt, SupportsResponse.OPTIONAL),
    SERVICE_ANSWER_PROMPT: (ANSWER_SCHEMA, _answer_prompt, SupportsResponse.OPTIONAL),
    SERVICE_SET_INTENTION: (INTENTION_SCHEMA, _set_intention, SupportsResponse.NONE),
    SERVICE_GET_HISTORY: (HISTORY_SCHEMA, _get_history, SupportsResponse.ONLY),
}
