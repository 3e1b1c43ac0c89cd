"""Home Assistant's demo lights and media player, as the ritual tests use them."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.ritual_settings import (
    CONF_RITUAL_LIGHTS,
    CONF_RITUAL_MEDIA_CONTENT_ID,
    CONF_RITUAL_MEDIA_PLAYER,
    CONF_RITUAL_SHUFFLE,
    CONF_RITUAL_VOLUME,
)

BED = "light.bed_light"  # off, colour temperature and hs
CEILING = "light.ceiling_lights"  # colour temperature 2631 K
KITCHEN = "light.kitchen_lights"  # hs colour, can do colour temperature
OFFICE = "light.office_rgbw_lights"  # rgbw only
LIVING = "light.living_room_rgbww_lights"  # rgbww only
ENTRANCE = "light.entrance_color_white_lights"  # hs or white, no temperature
LIGHTS = [BED, CEILING, KITCHEN, OFFICE, LIVING, ENTRANCE]
PLAYER = "media_player.living_room"  # plays media, volume, shuffle, pause

RITUAL_OPTIONS: dict[str, Any] = {
    CONF_RITUAL_LIGHTS: LIGHTS,
    CONF_RITUAL_MEDIA_PLAYER: PLAYER,
    CONF_RITUAL_MEDIA_CONTENT_ID: "evening-playlist",
    CONF_RITUAL_VOLUME: 0.3,
    CONF_RITUAL_SHUFFLE: True,
}
# 25 % of 255 is 63.75; Home Assistant rounds it to the nearest step.
RITUAL_BRIGHTNESS = 64
LOOK = (
    "brightness",
    "color_mode",
    "color_temp_kelvin",
    "hs_color",
    "rgbw_color",
    "rgbww_color",
)


async def async_set_up_demo(hass: HomeAssistant) -> None:
    """Set up only the demo lights and media players (real entities)."""
    assert await async_setup_component(hass, "homeassistant", {})
    entry = MockConfigEntry(domain="demo")
    entry.add_to_hass(hass)
    with patch(
        "homeassistant.components.demo.COMPONENTS_WITH_CONFIG_ENTRY_DEMO_PLATFORM",
        [Platform.LIGHT, Platform.MEDIA_PLAYER],
    ):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()


def look(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """Return what a person sees of a light: on or off, brightness, colour."""
    state = hass.states.get(entity_id)
    assert state is not None
    return {"state": state.state} | {k: state.attributes.get(k) for k in LOOK}
