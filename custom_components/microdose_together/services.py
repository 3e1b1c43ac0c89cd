"""Actions, registered once for every couple; each names its couple by entry id.

Refusals are ServiceValidationErrors with translated text that says why and
what to do instead; a refused call changes nothing.

Who calls decides what is allowed (`call.context.user_id`): every action is
for the couple's own users and for automations (no user); another user,
admins included, is refused. Acting as one partner (a dose, a check-in) is
for that partner's own user only. `get_history` is open to everyone, but
only a partner asking for themselves gets any text.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, translation
import voluptuous as vol

from .action_helpers import (
    ENTRY_SCHEMA,
    PARTNER_FIELD,
    Handler,
    coordinator_for,
    local_day,
    moment,
    validation_error,
    whole_number,
)
from .const import ATTR_PARTNER, DOMAIN
from .coordinator import MicrodoseCoordinator
from .core.doses import (
    PLAUSIBLE_LIMIT_G,
    DoseRefusedError,
    DoseRejectedError,
    Form,
    Refusal,
    effective_ceiling,
)
from .core.limits import echo
from .dialogue_actions import CONVERSATION_SERVICES, SERVICE_GET_HISTORY
from .identity import ensure_acts_as, ensure_in_couple
from .insight_actions import INSIGHT_SERVICES
from .partner_message import MESSAGE_SERVICES
from .ritual_presets import find_preset
from .ritual_settings import CONVERSATION, RitualSettings

SERVICE_LOG_DOSE = "log_dose"
SERVICE_DELETE_DOSE = "delete_dose"
SERVICE_SKIP_DOSE_DAY = "skip_dose_day"
SERVICE_POSTPONE_DOSE_DAY = "postpone_dose_day"
SERVICE_START_RITUAL = "start_ritual"
SERVICE_END_RITUAL = "end_ritual"
ATTR_BRIGHTNESS = "brightness"
ATTR_MEDIA_CONTENT_ID = "media_content_id"
ATTR_MEDIA_CONTENT_TYPE = "media_content_type"
ATTR_VOLUME = "volume"
# A ritual preset by id (conversation, journaling, walk, custom_1) or by the name given.
ATTR_PRESET = "preset"
SERVICE_PAUSE_PROTOCOL = "pause_protocol"
SERVICE_RESUME_PROTOCOL = "resume_protocol"

ATTR_AMOUNT = "amount"
ATTR_FORM = "form"
ATTR_TIME = "time"
ATTR_ACKNOWLEDGE = "acknowledge_off_protocol"
ATTR_DOSE_ID = "dose_id"
ATTR_DATE = "date"
ATTR_SAFETY_NOTE = "safety_note"
ATTR_SAFETY_NOTE_KEY = "safety_note_key"
SAFETY_NOTE_ABOVE_CEILING = "above_ceiling"

LOG_DOSE_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_PARTNER): PARTNER_FIELD,
        vol.Optional(ATTR_AMOUNT): vol.All(
            vol.Coerce(float), vol.Range(min=0, min_included=False, max=100)
        ),
        vol.Optional(ATTR_FORM): vol.All(cv.string, vol.In([f.value for f in Form])),
        vol.Optional(ATTR_TIME): moment,
        vol.Optional(ATTR_ACKNOWLEDGE, default=False): cv.boolean,
    }
)
DELETE_DOSE_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(ATTR_DOSE_ID): cv.string})
SKIP_SCHEMA = ENTRY_SCHEMA.extend({vol.Optional(ATTR_DATE): local_day})
START_RITUAL_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Optional(ATTR_PRESET, default=CONVERSATION): cv.string,
        vol.Optional(ATTR_BRIGHTNESS): vol.All(whole_number, vol.Range(min=1, max=100)),
        vol.Optional(ATTR_MEDIA_CONTENT_ID): cv.string,
        vol.Optional(ATTR_MEDIA_CONTENT_TYPE): cv.string,
        vol.Optional(ATTR_VOLUME): vol.All(vol.Coerce(float), vol.Range(min=0, max=1)),
    }
)


# Refusals about a day say which day; the key names it (today has no suffix).
_DAY_REFUSAL_KEYS = {
    Refusal.ALREADY_DOSED_TODAY: "already_dosed",
    Refusal.REST_DAY: "rest_day",
    Refusal.TOLERANCE_BREAK: "tolerance_break",
    Refusal.PAUSED: "paused",
}


def _refusal_key(reason: Refusal, day: date | None, today: date) -> str:
    """Return the text for a refusal, naming the day when it is not today."""
    if reason not in _DAY_REFUSAL_KEYS or day is None or day == today:
        return f"dose_refused_{reason}"
    if day == today - timedelta(days=1):
        when = "yesterday"
    elif day == today + timedelta(days=1):
        when = "tomorrow"
    else:
        when = "on_date"
    return f"dose_refused_{_DAY_REFUSAL_KEYS[reason]}_{when}"


def refusal_error(
    coordinator: MicrodoseCoordinator,
    slot: int,
    err: DoseRefusedError,
    form: Form | None = None,
) -> ServiceValidationError:
    """Explain a refused dose: the first reason decides the text."""
    next_dose = coordinator.next_dose(slot)
    practice = coordinator.settings.practice
    ceiling = effective_ceiling(form or practice.form, practice.ceilings)
    today = coordinator.today()
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=_refusal_key(err.reasons[0], err.day, today),
        translation_placeholders={
            "partner_name": coordinator.settings.partner(slot).name,
            "ceiling": f"{ceiling:g}",
            "next_dose": next_dose.isoformat() if next_dose else "-",
            "date": (err.day or today).isoformat(),
            "reasons": ", ".join(err.reasons),
        },
    )


def rejection_error(err: DoseRejectedError, form: Form) -> ServiceValidationError:
    """Explain a dose that cannot be true; no acknowledgement records it."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=f"dose_rejected_{err.reason}",
        translation_placeholders={"limit": f"{PLAUSIBLE_LIMIT_G[form]:g}"},
    )


async def _safety_note(hass: HomeAssistant, key: str) -> str:
    """Return a short, calm safety note in Home Assistant's language."""
    strings = await translation.async_get_translations(
        hass, hass.config.language, "selector", [DOMAIN]
    )
    return strings.get(f"component.{DOMAIN}.selector.safety_note.options.{key}", key)


async def async_log_dose_answer(
    coordinator: MicrodoseCoordinator,
    slot: int,
    *,
    amount_g: float | None = None,
    form: Form | None = None,
    taken_at: datetime | None = None,
    acknowledged: bool = False,
) -> dict[str, Any]:
    """Log a partner's dose, or refuse it with the guard's translated reason.

    Shared by the action and the couple's panel, so both say the same thing.
    """
    try:
        record = await coordinator.async_log_dose(
            slot,
            amount_g=amount_g,
            form=form,
            taken_at=taken_at,
            acknowledged=acknowledged,
        )
    except DoseRefusedError as err:
        raise refusal_error(coordinator, slot, err, form) from err
    except DoseRejectedError as err:
        practice_form = coordinator.settings.practice.form
        raise rejection_error(err, form or practice_form) from err
    response: dict[str, Any] = {
        ATTR_DOSE_ID: record.id,
        "off_protocol": record.off_protocol,
        "flags": [str(flag) for flag in sorted(record.flags)],
    }
    if Refusal.ABOVE_CEILING in record.flags:
        response[ATTR_SAFETY_NOTE_KEY] = SAFETY_NOTE_ABOVE_CEILING
        response[ATTR_SAFETY_NOTE] = await _safety_note(
            coordinator.hass, SAFETY_NOTE_ABOVE_CEILING
        )
    return response


async def _log_dose(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    slot = call.data[ATTR_PARTNER]
    ensure_acts_as(coordinator.settings, call.context, slot)
    return await async_log_dose_answer(
        coordinator,
        slot,
        amount_g=call.data.get(ATTR_AMOUNT),
        form=Form(call.data[ATTR_FORM]) if ATTR_FORM in call.data else None,
        taken_at=call.data.get(ATTR_TIME),
        acknowledged=call.data[ATTR_ACKNOWLEDGE],
    )


async def _delete_dose(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    dose_id = call.data[ATTR_DOSE_ID]
    record = next((r for r in coordinator.doses.records if r.id == dose_id), None)
    if record is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="dose_not_found",
            translation_placeholders={"dose_id": echo(dose_id)},
        )
    ensure_acts_as(coordinator.settings, call.context, record.partner)
    await coordinator.async_delete_dose(dose_id)
    return None


def chosen_preset(coordinator: MicrodoseCoordinator, wanted: str) -> RitualSettings:
    """Return the couple's preset by id or name, or refuse naming their presets."""
    if (preset := find_preset(coordinator.ritual_presets, wanted)) is None:
        raise validation_error(
            "ritual_preset_unknown",
            {"preset": echo(wanted), "presets": ", ".join(coordinator.ritual_presets)},
        )
    return preset


async def _start_ritual(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    settings = chosen_preset(coordinator, call.data[ATTR_PRESET]).with_overrides(
        brightness_pct=call.data.get(ATTR_BRIGHTNESS),
        media_content_id=call.data.get(ATTR_MEDIA_CONTENT_ID),
        media_content_type=call.data.get(ATTR_MEDIA_CONTENT_TYPE),
        volume=call.data.get(ATTR_VOLUME),
    )
    return await coordinator.ritual.async_start(settings)


async def _end_ritual(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    return await coordinator.ritual.async_end()


async def _postpone(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    today = coordinator.today()
    try:
        target = await coordinator.async_postpone_dose_day()
    except DoseRefusedError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="postpone_already_dosed"
        ) from err
    except ValueError as err:
        key = (
            "not_a_dose_day"
            if not coordinator.protocol.is_dose_day(today)
            else ("no_day_to_postpone_to")
        )
        next_dose = coordinator.next_dose()
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders={
                "date": today.isoformat(),
                "next_dose": next_dose.isoformat() if next_dose else "-",
            },
        ) from err
    return {"moved_to": target.isoformat()}


async def _skip_dose_day(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    day: date | None = call.data.get(ATTR_DATE)
    placeholders = {"date": (day or coordinator.today()).isoformat()}
    try:
        await coordinator.async_skip_dose_day(day)
    except DoseRefusedError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="skip_already_dosed",
            translation_placeholders=placeholders,
        ) from err
    except ValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="skip_not_a_dose_day",
            translation_placeholders=placeholders,
        ) from err
    return None


async def _pause(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    try:
        await coordinator.async_pause()
    except ValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="already_paused"
        ) from err
    return None


async def _resume(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    try:
        await coordinator.async_resume()
    except ValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="not_paused"
        ) from err
    return None


# Scores, doses and the schedule are in every user's states anyway.
OPEN_TO_EVERY_USER = frozenset({SERVICE_GET_HISTORY})

SERVICES: dict[str, tuple[vol.Schema, Handler, SupportsResponse]] = {
    SERVICE_LOG_DOSE: (LOG_DOSE_SCHEMA, _log_dose, SupportsResponse.OPTIONAL),
    SERVICE_DELETE_DOSE: (DELETE_DOSE_SCHEMA, _delete_dose, SupportsResponse.NONE),
    SERVICE_SKIP_DOSE_DAY: (SKIP_SCHEMA, _skip_dose_day, SupportsResponse.NONE),
    SERVICE_POSTPONE_DOSE_DAY: (ENTRY_SCHEMA, _postpone, SupportsResponse.OPTIONAL),
    SERVICE_START_RITUAL: (
        START_RITUAL_SCHEMA,
        _start_ritual,
        SupportsResponse.OPTIONAL,
    ),
    SERVICE_END_RITUAL: (ENTRY_SCHEMA, _end_ritual, SupportsResponse.OPTIONAL),
    SERVICE_PAUSE_PROTOCOL: (ENTRY_SCHEMA, _pause, SupportsResponse.NONE),
    SERVICE_RESUME_PROTOCOL: (ENTRY_SCHEMA, _resume, SupportsResponse.NONE),
}


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register every action once, for all couples."""
    for name, (schema, handler, supports_response) in (
        SERVICES | CONVERSATION_SERVICES | MESSAGE_SERVICES | INSIGHT_SERVICES
    ).items():
        hass.services.async_register(
            DOMAIN,
            name,
            _bind(hass, handler, couple_only=name not in OPEN_TO_EVERY_USER),
            schema=schema,
            supports_response=supports_response,
        )


def _bind(
    hass: HomeAssistant, handler: Handler, *, couple_only: bool
) -> Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]:
    async def _call(call: ServiceCall) -> ServiceResponse:
        coordinator = coordinator_for(hass, call)
        if couple_only:
            ensure_in_couple(coordinator.settings, call.context)
        return await handler(coordinator, call)

    return _call
