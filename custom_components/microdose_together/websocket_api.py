"""Websocket commands: the couple's own way in for private text.

Notes and prompt answers never travel as action fields (Home Assistant keeps
those in its records); the couple's panel sends them here instead. The caller
is the signed-in user of the connection, and only a partner of the couple may
use these commands, always as their own slot: there is no partner field.

A refusal is a translated error and changes nothing; how the fields are read
is in `websocket_fields`.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .action_helpers import local_day, validation_error
from .const import ATTR_CONFIG_ENTRY_ID, ATTR_PARTNER_NAME, DOMAIN
from .coordinator import MicrodoseConfigEntry
from .dialogue import NoPromptError
from .dialogue_actions import (
    ATTR_CONNECTION,
    ATTR_END,
    ATTR_MOOD,
    ATTR_START,
    ATTR_STRESS,
    SCORE,
    async_record_check_in,
    history_for,
)
from .websocket_fields import command_schema, own_couple, private_text, read_fields
from .websocket_panel import PANEL_COMMANDS

WS_COUPLES: Final = f"{DOMAIN}/couples"
WS_CHECK_IN: Final = f"{DOMAIN}/check_in"
WS_ANSWER_PROMPT: Final = f"{DOMAIN}/answer_prompt"
WS_HISTORY: Final = f"{DOMAIN}/history"

ATTR_NOTE: Final = "note"
ATTR_ANSWER: Final = "answer"

COUPLES_FIELDS: Final = vol.Schema({})
CHECK_IN_FIELDS: Final = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Required(ATTR_MOOD): SCORE,
        vol.Required(ATTR_CONNECTION): SCORE,
        vol.Required(ATTR_STRESS): SCORE,
        vol.Optional(ATTR_NOTE): object,  # checked by private_text
    }
)
ANSWER_FIELDS: Final = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Required(ATTR_ANSWER): object,  # checked by private_text
    }
)
HISTORY_FIELDS: Final = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Required(ATTR_START): local_day,
        vol.Required(ATTR_END): local_day,
    }
)


@callback
def async_register_commands(hass: HomeAssistant) -> None:
    """Register the commands once, for every couple."""
    for command in (_couples, _check_in, _answer_prompt, _history, *PANEL_COMMANDS):
        async_register_command(hass, command)


@websocket_command(command_schema(WS_COUPLES))
@callback
def _couples(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Answer the couples the caller is a partner of, with their own slot."""
    read_fields(msg, COUPLES_FIELDS)
    entries: list[MicrodoseConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    couples = []
    for entry in entries:
        if entry.state is not ConfigEntryState.LOADED:
            continue
        settings = entry.runtime_data.settings
        slot = settings.slot_of_user(connection.user.id)
        if slot is None:
            continue
        couples.append(
            {
                ATTR_CONFIG_ENTRY_ID: entry.entry_id,
                "couple_name": settings.couple_name,
                "slot": slot,
                ATTR_PARTNER_NAME: settings.partner(slot).name,
            }
        )
    connection.send_result(msg["id"], couples)


@websocket_command(command_schema(WS_CHECK_IN))
@async_response
async def _check_in(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Record the caller's own check-in, with an optional private note."""
    data = read_fields(msg, CHECK_IN_FIELDS)
    coordinator, slot = own_couple(hass, connection, data[ATTR_CONFIG_ENTRY_ID])
    raw = data.get(ATTR_NOTE)
    note = None if raw is None else private_text(raw, ATTR_NOTE)
    record = await async_record_check_in(coordinator, slot, data, note)
    connection.send_result(msg["id"], {"check_in_id": record.id})


@websocket_command(command_schema(WS_ANSWER_PROMPT))
@async_response
async def _answer_prompt(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Keep the caller's answer to tonight's prompt; reveal both once both answered."""
    data = read_fields(msg, ANSWER_FIELDS)
    coordinator, slot = own_couple(hass, connection, data[ATTR_CONFIG_ENTRY_ID])
    answer = private_text(data[ATTR_ANSWER], ATTR_ANSWER)
    if not answer:  # nothing left once control characters are gone
        raise validation_error("answer_empty")
    shared = coordinator.conversation.current_prompt
    if shared is not None and shared.revealed:
        raise validation_error("prompt_already_revealed")
    try:
        revealed = await coordinator.conversation.async_answer_prompt(slot, answer)
    except NoPromptError as err:
        raise validation_error("no_prompt_today") from err
    connection.send_result(msg["id"], {"revealed": revealed})


@websocket_command(command_schema(WS_HISTORY))
@async_response
async def _history(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Answer the couple's history with the caller's own notes and shared answers."""
    data = read_fields(msg, HISTORY_FIELDS)
    coordinator, slot = own_couple(hass, connection, data[ATTR_CONFIG_ENTRY_ID])
    connection.send_result(
        msg["id"], history_for(coordinator, data[ATTR_START], data[ATTR_END], slot)
    )
