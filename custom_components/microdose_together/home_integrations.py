"""Adaptive Lighting and Music Assistant, when the home has them.

Adaptive Lighting would undo the ritual's dim and then fight the restore, so
the lights it manages are marked as manually controlled for the ritual and
handed back at the end. A Music Assistant player takes the playlist through
Music Assistant's own action, which understands its names and URIs. Both are
found through the entity registry and used only when their actions exist;
without them the ritual behaves as it always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from homeassistant.components.switch.const import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

ADAPTIVE_LIGHTING_DOMAIN: Final = "adaptive_lighting"
SERVICE_SET_MANUAL_CONTROL: Final = "set_manual_control"
ATTR_CONFIGURED_LIGHTS: Final = "configured_lights"
ATTR_LIGHTS: Final = "lights"
ATTR_MANUAL_CONTROL: Final = "manual_control"

MUSIC_ASSISTANT_DOMAIN: Final = "music_assistant"
SERVICE_MA_PLAY_MEDIA: Final = "play_media"
ATTR_MEDIA_ID: Final = "media_id"
ATTR_MEDIA_TYPE: Final = "media_type"
ATTR_ENQUEUE: Final = "enqueue"
ENQUEUE_REPLACE: Final = "replace"


@callback
def async_adaptive_switches(
    hass: HomeAssistant, lights: Iterable[str]
) -> dict[str, list[str]]:
    """Return each Adaptive Lighting switch that is on and the lights it manages.

    Only the given lights are named, in their order; a switch that manages
    none of them is left out. Empty when Adaptive Lighting's action is absent.
    """
    if not hass.services.has_service(
        ADAPTIVE_LIGHTING_DOMAIN, SERVICE_SET_MANUAL_CONTROL
    ):
        return {}
    wanted = list(lights)
    switches: dict[str, list[str]] = {}
    for entry in er.async_get(hass).entities.values():
        if entry.platform != ADAPTIVE_LIGHTING_DOMAIN or entry.domain != SWITCH_DOMAIN:
            continue
        state = hass.states.get(entry.entity_id)
        if state is None or state.state != STATE_ON:
            continue
        configured = state.attributes.get(ATTR_CONFIGURED_LIGHTS) or ()
        if managed := [light for light in wanted if light in configured]:
            switches[entry.entity_id] = managed
    return switches


def manual_control_data(lights: list[str], *, manual: bool) -> dict[str, Any]:
    """Return `set_manual_control`'s data besides the switch it is called on."""
    return {ATTR_LIGHTS: list(lights), ATTR_MANUAL_CONTROL: manual}


def saved_handover(saved: object) -> dict[str, list[str]]:
    """Return the switches and lights a stored ritual handed over, if any."""
    if not isinstance(saved, Mapping):
        return {}
    return {
        switch: [light for light in lights if isinstance(light, str)]
        for switch, lights in saved.items()
        if isinstance(switch, str) and isinstance(lights, list)
    }


@callback
def async_is_music_assistant(hass: HomeAssistant, entity_id: str) -> bool:
    """Return whether Music Assistant provides the player and its action exists."""
    entry = er.async_get(hass).async_get(entity_id)
    return (
        entry is not None
        and entry.platform == MUSIC_ASSISTANT_DOMAIN
        and hass.services.has_service(MUSIC_ASSISTANT_DOMAIN, SERVICE_MA_PLAY_MEDIA)
    )


def music_assistant_play_data(media_id: str, media_type: str) -> dict[str, Any]:
    """Return Music Assistant's `play_media` data: the playlist replaces the queue."""
    return {
        ATTR_MEDIA_ID: media_id,
        ATTR_MEDIA_TYPE: media_type,
        ATTR_ENQUEUE: ENQUEUE_REPLACE,
    }
