"""How every websocket command of the couple reads its message and its caller.

The fields are checked here rather than in the command schemas, because Home
Assistant's reply to a schema error repeats the value it refused (and logs
it): a note sent under a wrong key, or as a score, must never end up in an
error or the log. So a command's schema reads only its type and lets every
other key through, and `read_fields` refuses unknown or invalid fields naming
only the keys. A refusal is a translated error and changes nothing.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.core import HomeAssistant
import voluptuous as vol

from .action_helpers import coordinator_of, validation_error
from .coordinator import MicrodoseCoordinator
from .core.limits import TEXT_MAX_LENGTH, cut_text, echo
from .identity import partner_slot

# Keys of every command message, read by Home Assistant itself.
_ENVELOPE: Final = frozenset({"id", "type"})


def command_schema(command: str) -> vol.All:
    """Return a command's schema: its type only, every other key let through."""
    return vol.All(vol.Schema({vol.Required("type"): command}, extra=vol.ALLOW_EXTRA))


def _names(keys: Any) -> dict[str, str]:
    """Return the keys as a placeholder, short and clean; never their values."""
    return {"fields": echo(", ".join(sorted({str(key) for key in keys})))}


def read_fields(msg: dict[str, Any], fields: vol.Schema) -> dict[str, Any]:
    """Return the command's fields checked; refuse unknown or invalid ones.

    The refusal names the fields only: the values may be private text.
    """
    given = {key: value for key, value in msg.items() if key not in _ENVELOPE}
    known = {str(marker) for marker in fields.schema}
    if unknown := [key for key in given if key not in known]:
        raise validation_error("unknown_fields", _names(unknown))
    try:
        checked: dict[str, Any] = fields(given)
    except vol.MultipleInvalid as err:
        bad = [key for error in err.errors for key in error.path[:1]]
        raise validation_error("invalid_fields", _names(bad)) from None
    return checked


def own_couple(
    hass: HomeAssistant, connection: ActiveConnection, entry_id: str
) -> tuple[MicrodoseCoordinator, int]:
    """Return the couple and the caller's own slot in it, or refuse."""
    coordinator = coordinator_of(hass, entry_id)
    return coordinator, partner_slot(coordinator.settings, connection.user.id)


def private_text(value: Any, field: str) -> str:
    """Return the text cleaned; refuse what is not text or longer than allowed."""
    if not isinstance(value, str):
        raise validation_error(f"{field}_not_text")
    text, too_long = cut_text(value)
    if too_long:
        raise validation_error(f"{field}_too_long", {"max": str(TEXT_MAX_LENGTH)})
    return text
