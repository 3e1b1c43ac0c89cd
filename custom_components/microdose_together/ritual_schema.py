"""The ritual section of the options: lights, music, and how the room feels."""

from __future__ import annotations

from typing import Final

from homeassistant.helpers import selector
import voluptuous as vol

from .ritual_settings import (
    CONF_RITUAL_AREAS,
    CONF_RITUAL_AUTO_END,
    CONF_RITUAL_BRIGHTNESS,
    CONF_RITUAL_COLOR_TEMP,
    CONF_RITUAL_LIGHTS,
    CONF_RITUAL_MEDIA_CONTENT_ID,
    CONF_RITUAL_MEDIA_CONTENT_TYPE,
    CONF_RITUAL_MEDIA_PLAYER,
    CONF_RITUAL_SEND_PROMPT,
    CONF_RITUAL_SHUFFLE,
    CONF_RITUAL_TRANSITION,
    CONF_RITUAL_VOLUME,
    DEFAULT_RITUAL_BRIGHTNESS,
    DEFAULT_RITUAL_COLOR_TEMP,
    DEFAULT_RITUAL_MEDIA_CONTENT_TYPE,
    DEFAULT_RITUAL_TRANSITION,
)

# Fields a couple may leave empty; leaving one empty clears the old value.
RITUAL_OPTIONAL: Final = (
    CONF_RITUAL_LIGHTS,
    CONF_RITUAL_AREAS,
    CONF_RITUAL_MEDIA_PLAYER,
    CONF_RITUAL_MEDIA_CONTENT_ID,
    CONF_RITUAL_VOLUME,
)


def _number(
    minimum: float, maximum: float, step: float, unit: str | None = None
) -> selector.NumberSelector:
    config = selector.NumberSelectorConfig(min=minimum, max=maximum, step=step)
    if unit is not None:
        config["unit_of_measurement"] = unit
    return selector.NumberSelector(config)


def ritual_schema() -> vol.Schema:
    """Return the ritual form; defaults are the warm, dim "conversation" preset."""
    return vol.Schema(
        {
            vol.Optional(CONF_RITUAL_LIGHTS): selector.EntitySelector(
                selector.EntitySelectorConfig(domain="light", multiple=True)
            ),
            vol.Optional(CONF_RITUAL_AREAS): selector.AreaSelector(
                selector.AreaSelectorConfig(multiple=True)
            ),
            vol.Required(
                CONF_RITUAL_BRIGHTNESS, default=DEFAULT_RITUAL_BRIGHTNESS
            ): _number(1, 100, 1, "%"),
            vol.Required(
                CONF_RITUAL_COLOR_TEMP, default=DEFAULT_RITUAL_COLOR_TEMP
            ): selector.ColorTempSelector(
                selector.ColorTempSelectorConfig(
                    unit=selector.ColorTempSelectorUnit.KELVIN,
                    min=2000,
                    max=6500,
                )
            ),
            vol.Required(
                CONF_RITUAL_TRANSITION, default=DEFAULT_RITUAL_TRANSITION
            ): _number(0, 60, 1, "s"),
            vol.Optional(CONF_RITUAL_MEDIA_PLAYER): selector.EntitySelector(
                selector.EntitySelectorConfig(domain="media_player")
            ),
            vol.Optional(CONF_RITUAL_MEDIA_CONTENT_ID): selector.TextSelector(),
            vol.Required(
                CONF_RITUAL_MEDIA_CONTENT_TYPE,
                default=DEFAULT_RITUAL_MEDIA_CONTENT_TYPE,
            ): selector.TextSelector(),
            vol.Optional(CONF_RITUAL_VOLUME): _number(0, 1, 0.05),
            vol.Required(
                CONF_RITUAL_SHUFFLE, default=False
            ): selector.BooleanSelector(),
            vol.Required(
                CONF_RITUAL_SEND_PROMPT, default=True
            ): selector.BooleanSelector(),
            vol.Required(CONF_RITUAL_AUTO_END, default=0): _number(0, 240, 5, "min"),
        }
    )
