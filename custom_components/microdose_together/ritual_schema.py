"""The ritual section of the options: which preset, then how its room feels."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from homeassistant.helpers import selector
import voluptuous as vol

from .ritual_presets import BUILT_IN_PRESETS
from .ritual_settings import (
    CONF_RITUAL_AREAS,
    CONF_RITUAL_AUTO_END,
    CONF_RITUAL_BRIGHTNESS,
    CONF_RITUAL_COLOR_TEMP,
    CONF_RITUAL_END_WHEN_HOME,
    CONF_RITUAL_LIGHT_MODE,
    CONF_RITUAL_LIGHTS,
    CONF_RITUAL_MEDIA_CONTENT_ID,
    CONF_RITUAL_MEDIA_CONTENT_TYPE,
    CONF_RITUAL_MEDIA_PLAYER,
    CONF_RITUAL_MUSIC_MODE,
    CONF_RITUAL_NAME,
    CONF_RITUAL_PROMPT_THEME,
    CONF_RITUAL_SEND_PROMPT,
    CONF_RITUAL_SHARE_AFTER,
    CONF_RITUAL_SHUFFLE,
    CONF_RITUAL_TRANSITION,
    CONF_RITUAL_VOLUME,
    DEFAULT_RITUAL_BRIGHTNESS,
    DEFAULT_RITUAL_COLOR_TEMP,
    DEFAULT_RITUAL_MEDIA_CONTENT_TYPE,
    DEFAULT_RITUAL_TRANSITION,
    LIGHT_MODES,
    MUSIC_MODES,
    PROMPT_THEMES,
)

# The preset to tune, or a new one.
CONF_PRESET_CHOICE: Final = "ritual_preset"
NEW_PRESET: Final = "new"
# Removes a preset the couple added.
CONF_REMOVE_PRESET: Final = "remove_preset"
CONF_RESET_PRESET: Final = "reset_preset"

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


def preset_choice_schema(custom: Mapping[str, str]) -> vol.Schema:
    """Return the choice of preset: the built-in ones, the couple's, a new one.

    The couple's presets are shown by the names they gave them.
    """
    options: list[selector.SelectOptionDict] = [
        {"value": preset, "label": preset} for preset in BUILT_IN_PRESETS
    ]
    options += [{"value": key, "label": name} for key, name in custom.items()]
    options.append({"value": NEW_PRESET, "label": NEW_PRESET})
    return vol.Schema(
        {
            vol.Required(
                CONF_PRESET_CHOICE, default=BUILT_IN_PRESETS[0]
            ): selector.SelectSelector(
                selector.SelectSelectorConfig(
                    options=options,
                    translation_key=CONF_PRESET_CHOICE,
                    mode=selector.SelectSelectorMode.LIST,
                )
            )
        }
    )


def _select(key: str, values: tuple[str, ...]) -> selector.SelectSelector:
    return selector.SelectSelector(
        selector.SelectSelectorConfig(
            options=list(values),
            translation_key=key,
            mode=selector.SelectSelectorMode.DROPDOWN,
        )
    )


def ritual_schema(*, named: bool = False, forget: str | None = None) -> vol.Schema:
    """Return one preset's form; defaults are the warm, dim "conversation".

    A preset the couple adds has a name (`named`). `forget` offers a last
    toggle: `CONF_REMOVE_PRESET` for a preset they added before,
    `CONF_RESET_PRESET` for a built-in one they tuned.
    """
    fields: dict[vol.Marker, object] = {}
    if named:
        fields[vol.Required(CONF_RITUAL_NAME)] = selector.TextSelector()
    removal: dict[vol.Marker, object] = {}
    if forget is not None:
        removal[vol.Required(forget, default=False)] = selector.BooleanSelector()
    return vol.Schema(
        {
            **fields,
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
            vol.Required(CONF_RITUAL_LIGHT_MODE, default=LIGHT_MODES[0]): _select(
                CONF_RITUAL_LIGHT_MODE, LIGHT_MODES
            ),
            vol.Required(CONF_RITUAL_MUSIC_MODE, default=MUSIC_MODES[0]): _select(
                CONF_RITUAL_MUSIC_MODE, MUSIC_MODES
            ),
            vol.Required(CONF_RITUAL_PROMPT_THEME, default=PROMPT_THEMES[0]): _select(
                CONF_RITUAL_PROMPT_THEME, PROMPT_THEMES
            ),
            vol.Required(CONF_RITUAL_SHARE_AFTER, default=0): _number(0, 120, 5, "min"),
            vol.Required(
                CONF_RITUAL_END_WHEN_HOME, default=False
            ): selector.BooleanSelector(),
            **removal,
        }
    )
