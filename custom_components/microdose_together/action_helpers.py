"""What every action shares: the couple field, the partner field, the lookup.

The websocket commands share the lookup and the refusals too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
import math
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN, PARTNER_SLOTS
from .core.limits import echo

if TYPE_CHECKING:
    from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator


def whole_number(value: Any) -> int:
    """Read a whole number: 3.5 is refused, never rounded to 3.

    Text such as "4" and floats such as 4.0 (what a UI slider may send) are
    taken; infinity, booleans and other non-numbers are invalid, not a crash.
    """
    number: Any = value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError as err:
            raise vol.Invalid(
                f"expected a whole number, got {echo(repr(value))}"
            ) from err
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise vol.Invalid(f"expected a whole number, got {echo(repr(value))}")
    if isinstance(number, float) and not (
        math.isfinite(number) and number.is_integer()
    ):
        raise vol.Invalid(f"expected a whole number, got {echo(repr(value))}")
    return int(number)


def local_day(value: Any) -> date:
    """Read a day; a moment given instead counts as its local day."""
    if isinstance(value, datetime):
        try:
            return dt_util.as_local(value).date() if value.tzinfo else value.date()
        except OverflowError as err:
            raise vol.Invalid("the moment is outside the calendar") from err
    day: date = cv.date(value)
    return day


def moment(value: Any) -> datetime:
    """Read a moment that has a local time (not beyond the calendar's edges)."""
    try:
        parsed: datetime = cv.datetime(value)
    except vol.Invalid as err:  # its text would repeat the whole input
        raise vol.Invalid(f"invalid time: {echo(value)}") from err
    try:
        dt_util.as_local(parsed)
    except OverflowError as err:
        raise vol.Invalid("the time is outside the calendar") from err
    return parsed


ENTRY_SCHEMA = vol.Schema({vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string})
PARTNER_FIELD = vol.All(whole_number, vol.In(PARTNER_SLOTS))

type Handler = Callable[[MicrodoseCoordinator, ServiceCall], Awaitable[ServiceResponse]]


def coordinator_for(hass: HomeAssistant, call: ServiceCall) -> MicrodoseCoordinator:
    """Return the loaded couple named by the call, or a translated error."""
    return coordinator_of(hass, call.data[ATTR_CONFIG_ENTRY_ID])


def coordinator_of(hass: HomeAssistant, entry_id: str) -> MicrodoseCoordinator:
    """Return the loaded couple with this entry id, or a translated error."""
    entry: MicrodoseConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": echo(entry_id)},
        )
    if entry.state is not ConfigEntryState.LOADED:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_loaded",
            translation_placeholders={"title": entry.title},
        )
    return entry.runtime_data


def validation_error(
    key: str, placeholders: dict[str, str] | None = None
) -> ServiceValidationError:
    """Return a translated refusal; the call changes nothing."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )
