"""The `notify_partners` action: a message of the couple's own to their phones.

Automations and blueprints use it instead of naming phones: each partner's
phone is the one chosen at setup, and a message sent in quiet hours waits for
them to end, as every other message of the integration does. The text is an
action field, so it lands in Home Assistant's records: it is for reminders and
notes, never for anything private.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any, Final

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .action_helpers import ENTRY_SCHEMA, PARTNER_FIELD, Handler, validation_error
from .const import ATTR_PARTNER, DOMAIN, PARTNER_SLOTS
from .coordinator import MicrodoseCoordinator
from .core.limits import echo
from .notifications import (
    ACTION_PREFIX,
    SEPARATOR,
    Delivery,
    is_phone_command,
    notification_tag,
)

SERVICE_NOTIFY_PARTNERS: Final = "notify_partners"

ATTR_TITLE: Final = "title"
ATTR_MESSAGE: Final = "message"
ATTR_TAG: Final = "tag"
ATTR_ACTIONS: Final = "actions"
ATTR_ACTION: Final = "action"

# A push travels in about 4 kB; these leave room for the rest of the payload.
MESSAGE_MAX_LENGTH: Final = 1000
TITLE_MAX_LENGTH: Final = 100
# Android shows three buttons at most.
ACTIONS_MAX: Final = 3
BUTTON_TITLE_MAX_LENGTH: Final = 40


def _tag(value: Any) -> str:
    """Read a tag: lowercase letters, digits and _, as Home Assistant's slugs."""
    try:
        tag: str = cv.slug(value)
    except vol.Invalid as err:  # its text would repeat the whole input
        raise vol.Invalid(f"invalid tag {echo(value)}") from err
    return tag


BUTTON_SCHEMA = vol.Schema(
    {vol.Required(ATTR_ACTION): cv.string, vol.Required(ATTR_TITLE): cv.string}
)
NOTIFY_PARTNERS_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_MESSAGE): cv.string,
        vol.Optional(ATTR_TITLE): cv.string,
        vol.Optional(ATTR_PARTNER): PARTNER_FIELD,
        vol.Optional(ATTR_TAG): _tag,
        vol.Optional(ATTR_ACTIONS, default=list): vol.All(
            cv.ensure_list, [BUTTON_SCHEMA]
        ),
    }
)


def _checked_text(value: str | None, max_length: int, key: str) -> str | None:
    """Return the text stripped; refuse it when it is longer than the phones take."""
    if value is None:
        return None
    text = value.strip()
    if len(text) > max_length:
        raise validation_error(key, {"max": str(max_length)})
    return text


def _buttons(actions: list[dict[str, str]]) -> list[dict[str, str]]:
    """Check the buttons; an id of the integration's own replies is not for them."""
    if len(actions) > ACTIONS_MAX:
        raise validation_error("message_too_many_actions", {"max": str(ACTIONS_MAX)})
    buttons = []
    for button in actions:
        action = button[ATTR_ACTION].strip()
        title = _checked_text(
            button[ATTR_TITLE], BUTTON_TITLE_MAX_LENGTH, "message_action_too_long"
        )
        if not action or not title:
            raise validation_error("message_action_empty")
        if action.startswith(ACTION_PREFIX + SEPARATOR):
            raise validation_error("message_action_reserved", {"action": echo(action)})
        buttons.append({ATTR_ACTION: action, ATTR_TITLE: title})
    return buttons


def _payload(
    entry_id: str,
    slot: int,
    *,
    title: str | None,
    message: str,
    tag: str,
    buttons: list[dict[str, str]],
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tag": notification_tag(entry_id, slot, f"message_{tag}"),
        "group": DOMAIN,
    }
    if buttons:
        data["actions"] = buttons
    payload: dict[str, Any] = {"message": message, "data": data}
    if title:
        payload[ATTR_TITLE] = title
    return payload


async def _notify_partners(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    message = _checked_text(
        call.data[ATTR_MESSAGE], MESSAGE_MAX_LENGTH, "message_too_long"
    )
    if not message:
        raise validation_error("message_empty")
    if is_phone_command(message):
        raise validation_error("message_is_a_command", {"message": echo(message)})
    title = _checked_text(call.data.get(ATTR_TITLE), TITLE_MAX_LENGTH, "title_too_long")
    buttons = _buttons(call.data[ATTR_ACTIONS])
    # Without a tag each message stands on its own; with one, the next message
    # of that tag replaces it, on the phone and while it waits for quiet hours.
    tag = call.data.get(ATTR_TAG) or secrets.token_hex(6)
    slots = [call.data[ATTR_PARTNER]] if ATTR_PARTNER in call.data else PARTNER_SLOTS
    entry_id = coordinator.config_entry.entry_id
    quiet_hours = coordinator.settings.conversation.quiet_hours
    phones = coordinator.conversation.phones
    deliveries = await asyncio.gather(
        *(
            phones.async_send(
                slot,
                _payload(
                    entry_id,
                    slot,
                    title=title,
                    message=message,
                    tag=tag,
                    buttons=buttons,
                ),
                quiet_hours,
            )
            for slot in slots
        )
    )
    if all(delivery is Delivery.FAILED for delivery in deliveries):
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="message_not_delivered",
            translation_placeholders={
                "partners": ", ".join(
                    coordinator.settings.partner(slot).name for slot in slots
                )
            },
        )
    return {
        "phones": {
            str(slot): delivery.value
            for slot, delivery in zip(slots, deliveries, strict=True)
        }
    }


MESSAGE_SERVICES: dict[str, tuple[vol.Schema, Handler, SupportsResponse]] = {
    SERVICE_NOTIFY_PARTNERS: (
        NOTIFY_PARTNERS_SCHEMA,
        _notify_partners,
        SupportsResponse.OPTIONAL,
    ),
}
