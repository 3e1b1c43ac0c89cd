"""What the room looked like before the ritual, and how to bring it back.

Everything here is plain JSON, so it can be stored and still restore the room
after a restart in the middle of a ritual.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.components.light import (
    ATTR_BRIGHTNESS,
    ATTR_COLOR_MODE,
    ATTR_COLOR_TEMP_KELVIN,
    ATTR_HS_COLOR,
    ATTR_RGB_COLOR,
    ATTR_RGBW_COLOR,
    ATTR_RGBWW_COLOR,
    ATTR_SUPPORTED_COLOR_MODES,
    ATTR_WHITE,
    ATTR_XY_COLOR,
    color_supported,
    color_temp_supported,
)
from homeassistant.components.light.const import ColorMode
from homeassistant.components.media_player.const import ATTR_MEDIA_VOLUME_LEVEL
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    STATE_ON,
)
from homeassistant.core import State

# Snapshot keys besides the light attributes themselves.
SNAPSHOT_STATE: Final = "state"
# In a player's snapshot: the ritual paused it, and it was (or was not) playing.
SAVED_RESUME: Final = "resume"

# The attribute that holds a light's colour in each colour mode.
_COLOR_ATTRIBUTE: Final[dict[str, str]] = {
    ColorMode.COLOR_TEMP: ATTR_COLOR_TEMP_KELVIN,
    ColorMode.HS: ATTR_HS_COLOR,
    ColorMode.RGB: ATTR_RGB_COLOR,
    ColorMode.RGBW: ATTR_RGBW_COLOR,
    ColorMode.RGBWW: ATTR_RGBWW_COLOR,
    ColorMode.XY: ATTR_XY_COLOR,
}


def can_be_warmed(state: State) -> bool:
    """Return whether a light takes a colour temperature.

    Home Assistant converts a temperature into hs, rgb, rgbw, rgbww or xy for
    a light without a colour-temperature mode, so every colour light can be
    made warm; brightness-only and on/off lights cannot.
    """
    modes = state.attributes.get(ATTR_SUPPORTED_COLOR_MODES)
    return color_temp_supported(modes) or color_supported(modes)


def snapshot_light(state: State) -> dict[str, Any]:
    """Return what brings a light back: on or off, brightness, colour; plain JSON."""
    saved: dict[str, Any] = {SNAPSHOT_STATE: state.state}
    if state.state != STATE_ON:
        return saved
    mode = state.attributes.get(ATTR_COLOR_MODE)
    saved[ATTR_BRIGHTNESS] = state.attributes.get(ATTR_BRIGHTNESS)
    saved[ATTR_COLOR_MODE] = None if mode is None else str(mode)
    if (attr := _COLOR_ATTRIBUTE.get(str(mode))) is not None and (
        value := state.attributes.get(attr)
    ) is not None:
        saved[attr] = list(value) if isinstance(value, (list, tuple)) else value
    return saved


def restore_call(saved: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """Return the light action and data that bring a snapshotted light back."""
    if saved.get(SNAPSHOT_STATE) != STATE_ON:
        return SERVICE_TURN_OFF, {}
    data: dict[str, Any] = {}
    mode = str(saved.get(ATTR_COLOR_MODE))
    if (brightness := saved.get(ATTR_BRIGHTNESS)) is not None:
        # In white mode the white channel carries the brightness.
        data[ATTR_WHITE if mode == ColorMode.WHITE else ATTR_BRIGHTNESS] = brightness
    if (attr := _COLOR_ATTRIBUTE.get(mode)) is not None and (
        value := saved.get(attr)
    ) is not None:
        data[attr] = value
    return SERVICE_TURN_ON, data


def snapshot_player(
    state: State, *, with_volume: bool, resume: bool | None = None
) -> dict[str, Any]:
    """Return the player the ritual used and, if asked, its volume before.

    The volume is kept only when the ritual changes it, so a volume someone
    chose during the ritual is not overruled for nothing. `resume` is set by
    a preset that pauses the music: whether it was playing and should play
    again at the end.
    """
    volume = state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) if with_volume else None
    saved: dict[str, Any] = {
        ATTR_ENTITY_ID: state.entity_id,
        ATTR_MEDIA_VOLUME_LEVEL: float(volume) if volume is not None else None,
    }
    if resume is not None:
        saved[SAVED_RESUME] = resume
    return saved


def saved_resume(saved: object) -> bool | None:
    """Return whether to resume the music (a pausing preset), or None to pause it."""
    resume = saved.get(SAVED_RESUME) if isinstance(saved, Mapping) else None
    return resume if isinstance(resume, bool) else None


def saved_volume(saved: object) -> float | None:
    """Return the volume to put back, if a stored player snapshot has one."""
    if not isinstance(saved, Mapping):
        return None
    volume = saved.get(ATTR_MEDIA_VOLUME_LEVEL)
    if isinstance(volume, bool) or not isinstance(volume, (int, float)):
        return None
    return float(volume)


def saved_player(saved: object) -> str | None:
    """Return the player a stored snapshot names, if it names one."""
    entity_id = saved.get(ATTR_ENTITY_ID) if isinstance(saved, Mapping) else None
    return entity_id if isinstance(entity_id, str) and entity_id else None
