"""Small helpers the Home Assistant tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant, SupportsResponse
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.microdose_together.const import DOMAIN


def write_file(path: Path, content: str) -> None:
    """Write a file, making its folder (run it in the executor)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def state_of(hass: HomeAssistant, entity_id: str) -> str:
    """Return an entity's state, failing clearly if the entity does not exist."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


async def async_set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Set up a couple's entry and wait until it is loaded."""
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED


async def act(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> Any:
    """Call one of the couple's actions and return its response, if it has one."""
    supports = hass.services.supports_response(DOMAIN, action)
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=supports is not SupportsResponse.NONE,
    )


async def act_as(
    hass: HomeAssistant,
    user_id: str | None,
    entry: MockConfigEntry,
    action: str,
    **data: Any,
) -> Any:
    """Call one of the couple's actions as a Home Assistant user (None: automation)."""
    supports = hass.services.supports_response(DOMAIN, action)
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=supports is not SupportsResponse.NONE,
        context=Context(user_id=user_id),
    )


async def tap(
    hass: HomeAssistant,
    action: str,
    reply_text: str | None = None,
    *,
    user_id: str | None,
) -> None:
    """Tap a notification button (or send a text reply) on a user's phone.

    The companion app fires the event with its owner's user in the context.
    """
    data: dict[str, Any] = {"action": action}
    if reply_text is not None:
        data["reply_text"] = reply_text
    hass.bus.async_fire(
        "mobile_app_notification_action", data, context=Context(user_id=user_id)
    )
    await hass.async_block_till_done()


def explained_fields(
    strings: dict[str, str], category: str, steps: list[Any], language: str
) -> set[tuple[str, str]]:
    """Check every field of every form has a label and help; return what was seen.

    A label may not hold a placeholder: 2025.4 shows one there as an error.
    """
    seen: set[tuple[str, str]] = set()
    for step in steps:
        assert step["type"] is FlowResultType.FORM
        prefix = f"component.{DOMAIN}.{category}.step.{step['step_id']}"
        for key in step["data_schema"].schema:
            field = str(key)
            label = strings.get(f"{prefix}.data.{field}")
            assert label, (language, step["step_id"], field)
            assert "{" not in label, "2025.4 shows a placeholder in a label as an error"
            help_text = strings.get(f"{prefix}.data_description.{field}")
            assert help_text, (language, step["step_id"], field)
            seen.add((step["step_id"], field))
    return seen


async def ws_client_as(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, user_id: str
) -> Any:
    """Open a websocket connection signed in as a user, as their browser would."""
    user = await hass.auth.async_get_user(user_id)
    assert user is not None, user_id
    refresh = await hass.auth.async_create_refresh_token(user, CLIENT_ID)
    return await hass_ws_client(hass, hass.auth.async_create_access_token(refresh))


async def ws_call(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    user_id: str,
    command: str,
    **data: Any,
) -> dict[str, Any]:
    """Send one of the couple's websocket commands as a signed-in user.

    Returns Home Assistant's reply: `success`, then `result` or `error`.
    """
    client = await ws_client_as(hass, hass_ws_client, user_id)
    await client.send_json_auto_id({"type": f"{DOMAIN}/{command}", **data})
    reply: dict[str, Any] = await client.receive_json()
    await client.close()
    return reply
