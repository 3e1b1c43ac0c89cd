"""Websocket commands of the couple's panel for what is not private text.

Today's view (once, or live through a subscription), the caller's own dose,
the shared intention, how today feels, the ritual and the insight figures.
The caller is the signed-in user of the connection and must be a partner of
the couple; a dose is always the caller's own. Each command says the same,
in the same words, as the matching action.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, Final

from homeassistant.components.websocket_api import messages
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import WebSocketCommandHandler
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import voluptuous as vol

from .action_helpers import local_day, validation_error
from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.calm import Override
from .core.limits import INTENTION_MAX_LENGTH
from .dialogue_actions import ATTR_END, ATTR_INTENTION, ATTR_START, HISTORY_MAX_DAYS
from .insight_view import day_series, first_day, insight_range, insights_between
from .panel_view import today_for
from .ritual_settings import CONVERSATION
from .services import (
    ATTR_ACKNOWLEDGE,
    ATTR_PRESET,
    async_log_dose_answer,
    chosen_preset,
)
from .websocket_fields import command_schema, own_couple, read_fields

WS_TODAY: Final = f"{DOMAIN}/today"
WS_SUBSCRIBE: Final = f"{DOMAIN}/subscribe"
WS_LOG_DOSE: Final = f"{DOMAIN}/log_dose"
WS_SET_INTENTION: Final = f"{DOMAIN}/set_intention"
WS_TODAY_FEELS: Final = f"{DOMAIN}/today_feels"
WS_START_RITUAL: Final = f"{DOMAIN}/start_ritual"
WS_END_RITUAL: Final = f"{DOMAIN}/end_ritual"
WS_INSIGHTS: Final = f"{DOMAIN}/insights"

ATTR_TODAY_FEELS: Final = "today_feels"

COUPLE_FIELDS: Final = vol.Schema({vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string})
LOG_DOSE_FIELDS: Final = COUPLE_FIELDS.extend(
    {vol.Optional(ATTR_ACKNOWLEDGE, default=False): bool}
)
INTENTION_FIELDS: Final = COUPLE_FIELDS.extend(
    {vol.Required(ATTR_INTENTION): vol.All(str, vol.Length(max=INTENTION_MAX_LENGTH))}
)
TODAY_FEELS_FIELDS: Final = COUPLE_FIELDS.extend(
    {vol.Required(ATTR_TODAY_FEELS): vol.In([choice.value for choice in Override])}
)
# The preset to start, by id or by the couple's name for it; the conversation if none.
START_RITUAL_FIELDS: Final = COUPLE_FIELDS.extend(
    {vol.Optional(ATTR_PRESET, default=CONVERSATION): str}
)
INSIGHTS_FIELDS: Final = COUPLE_FIELDS.extend(
    {vol.Optional(ATTR_START): local_day, vol.Optional(ATTR_END): local_day}
)


# A couple sends its first view at the end of its setup, before it is LOADED.
_SERVING: Final = (ConfigEntryState.LOADED, ConfigEntryState.SETUP_IN_PROGRESS)


def signal_today_changed(entry_id: str) -> str:
    """Return the signal sent whenever a couple's today changes."""
    return f"{DOMAIN}_today_changed_{entry_id}"


@websocket_command(command_schema(WS_TODAY))
@callback
def _today(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Answer today's view for the caller."""
    data = read_fields(msg, COUPLE_FIELDS)
    coordinator, slot = own_couple(hass, connection, data[ATTR_CONFIG_ENTRY_ID])
    connection.send_result(msg["id"], today_for(coordinator, slot))


@websocket_command(command_schema(WS_SUBSCRIBE))
@callback
def _subscribe(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send today's view now and after every change, until unsubscribed.

    Each change asks again who the caller is in the couple (a reload or a
    relinked partner may have changed it): someone who is no longer a partner
    gets nothing more.
    """
    entry_id = read_fields(msg, COUPLE_FIELDS)[ATTR_CONFIG_ENTRY_ID]
    own_couple(hass, connection, entry_id)  # refuse before subscribing

    @callback
    def _send_today() -> None:
        entry: MicrodoseConfigEntry | None = hass.config_entries.async_get_entry(
            entry_id
        )
        if entry is None or entry.state not in _SERVING:
            return  # unloaded: a reloaded couple signals again when it is set up
        coordinator = entry.runtime_data
        slot = coordinator.settings.slot_of_user(connection.user.id)
        if slot is not None:
            connection.send_message(
                messages.event_message(msg["id"], today_for(coordinator, slot))
            )

    connection.subscriptions[msg["id"]] = async_dispatcher_connect(
        hass, signal_today_changed(entry_id), _send_today
    )
    connection.send_result(msg["id"])
    _send_today()


type CoupleAct = Callable[
    [MicrodoseCoordinator, int, dict[str, Any]], Awaitable[dict[str, Any] | None]
]


def _couple_command(
    command: str, fields: vol.Schema, act: CoupleAct
) -> WebSocketCommandHandler:
    """Return a command that reads its fields, checks the caller, acts, answers."""

    @websocket_command(command_schema(command))
    @async_response
    async def _handle(
        hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
    ) -> None:
        data = read_fields(msg, fields)
        coordinator, slot = own_couple(hass, connection, data[ATTR_CONFIG_ENTRY_ID])
        connection.send_result(msg["id"], await act(coordinator, slot, data))

    return _handle


async def _log_own_dose(
    coordinator: MicrodoseCoordinator, slot: int, data: dict[str, Any]
) -> dict[str, Any]:
    """Log the caller's own dose at the couple's amount and form."""
    return await async_log_dose_answer(
        coordinator, slot, acknowledged=data[ATTR_ACKNOWLEDGE]
    )


async def _set_intention(
    coordinator: MicrodoseCoordinator, _slot: int, data: dict[str, Any]
) -> None:
    """Set the couple's shared intention."""
    await coordinator.conversation.async_set_intention(data[ATTR_INTENTION])


async def _say_how_today_feels(
    coordinator: MicrodoseCoordinator, _slot: int, data: dict[str, Any]
) -> None:
    """Say how today feels, or go back to the automatic decision."""
    await coordinator.async_set_override(Override(data[ATTR_TODAY_FEELS]))


async def _start_ritual(
    coordinator: MicrodoseCoordinator, _slot: int, data: dict[str, Any]
) -> dict[str, Any]:
    """Start the chosen ritual preset; answer its step report."""
    preset = chosen_preset(coordinator, data[ATTR_PRESET])
    return await coordinator.ritual.async_start(preset)


async def _end_ritual(
    coordinator: MicrodoseCoordinator, _slot: int, _data: dict[str, Any]
) -> dict[str, Any]:
    """End the evening ritual; answer its step report."""
    return await coordinator.ritual.async_end()


async def _insights(
    coordinator: MicrodoseCoordinator, _slot: int, data: dict[str, Any]
) -> dict[str, Any]:
    """Answer the couple's figures and the day scores behind them, numbers only.

    Without dates: the last year up to today (from the first record, when
    that is later). At most a year at a time, as the history.
    """
    end = data.get(ATTR_END) or coordinator.today()
    year_ago = end - timedelta(days=HISTORY_MAX_DAYS - 1)
    start = data.get(ATTR_START) or max(first_day(coordinator), year_ago)
    start, end = insight_range(coordinator, start, end)
    if end - start >= timedelta(days=HISTORY_MAX_DAYS):  # both days count
        raise validation_error(
            "history_range_too_long", {"days": str(HISTORY_MAX_DAYS)}
        )
    figures = insights_between(coordinator, start, end)
    return figures | {"series": day_series(coordinator, start, end)}


PANEL_COMMANDS: Final[tuple[WebSocketCommandHandler, ...]] = (
    _today,
    _subscribe,
    _couple_command(WS_LOG_DOSE, LOG_DOSE_FIELDS, _log_own_dose),
    _couple_command(WS_SET_INTENTION, INTENTION_FIELDS, _set_intention),
    _couple_command(WS_TODAY_FEELS, TODAY_FEELS_FIELDS, _say_how_today_feels),
    _couple_command(WS_START_RITUAL, START_RITUAL_FIELDS, _start_ritual),
    _couple_command(WS_END_RITUAL, COUPLE_FIELDS, _end_ritual),
    _couple_command(WS_INSIGHTS, INSIGHTS_FIELDS, _insights),
)
