"""The evening ritual's settings: what the options say the room should become.

Kept apart from the engine in ritual.py, which reads them; the options flow
and the couple's coordinator use them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

# Option keys for the ritual, set in the options flow.
CONF_RITUAL_LIGHTS: Final = "ritual_lights"
CONF_RITUAL_AREAS: Final = "ritual_areas"
CONF_RITUAL_BRIGHTNESS: Final = "ritual_brightness"
CONF_RITUAL_COLOR_TEMP: Final = "ritual_color_temp_kelvin"
CONF_RITUAL_TRANSITION: Final = "ritual_transition"
CONF_RITUAL_MEDIA_PLAYER: Final = "ritual_media_player"
CONF_RITUAL_MEDIA_CONTENT_ID: Final = "ritual_media_content_id"
CONF_RITUAL_MEDIA_CONTENT_TYPE: Final = "ritual_media_content_type"
CONF_RITUAL_VOLUME: Final = "ritual_volume"
CONF_RITUAL_SHUFFLE: Final = "ritual_shuffle"
CONF_RITUAL_SEND_PROMPT: Final = "ritual_send_prompt"
CONF_RITUAL_AUTO_END: Final = "ritual_auto_end"

# A dim, warm room: the "conversation" preset.
DEFAULT_RITUAL_BRIGHTNESS: Final = 25
DEFAULT_RITUAL_COLOR_TEMP: Final = 2200
DEFAULT_RITUAL_TRANSITION: Final = 5
DEFAULT_RITUAL_MEDIA_CONTENT_TYPE: Final = "playlist"


@dataclass(frozen=True, slots=True)
class RitualSettings:
    """What the ritual does to the room, read once from the options."""

    lights: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    brightness_pct: int = DEFAULT_RITUAL_BRIGHTNESS
    color_temp_kelvin: int = DEFAULT_RITUAL_COLOR_TEMP
    transition: float = DEFAULT_RITUAL_TRANSITION
    media_player: str | None = None
    media_content_id: str | None = None
    media_content_type: str = DEFAULT_RITUAL_MEDIA_CONTENT_TYPE
    volume: float | None = None
    shuffle: bool = False
    send_prompt: bool = True
    auto_end_minutes: int = 0

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> RitualSettings:
        """Read the ritual from entry options; absent keys take the defaults."""
        volume = options.get(CONF_RITUAL_VOLUME)
        return cls(
            lights=_ids(options.get(CONF_RITUAL_LIGHTS)),
            areas=_ids(options.get(CONF_RITUAL_AREAS)),
            brightness_pct=int(
                options.get(CONF_RITUAL_BRIGHTNESS, DEFAULT_RITUAL_BRIGHTNESS)
            ),
            color_temp_kelvin=int(
                options.get(CONF_RITUAL_COLOR_TEMP, DEFAULT_RITUAL_COLOR_TEMP)
            ),
            transition=float(
                options.get(CONF_RITUAL_TRANSITION, DEFAULT_RITUAL_TRANSITION)
            ),
            media_player=options.get(CONF_RITUAL_MEDIA_PLAYER) or None,
            media_content_id=options.get(CONF_RITUAL_MEDIA_CONTENT_ID) or None,
            media_content_type=options.get(CONF_RITUAL_MEDIA_CONTENT_TYPE)
            or DEFAULT_RITUAL_MEDIA_CONTENT_TYPE,
            volume=None if volume is None else float(volume),
            shuffle=bool(options.get(CONF_RITUAL_SHUFFLE, False)),
            send_prompt=bool(options.get(CONF_RITUAL_SEND_PROMPT, True)),
            auto_end_minutes=int(options.get(CONF_RITUAL_AUTO_END, 0)),
        )

    def as_options(self) -> dict[str, Any]:
        """Return the settings as option values (empty ones left out)."""
        options = {
            CONF_RITUAL_LIGHTS: list(self.lights),
            CONF_RITUAL_AREAS: list(self.areas),
            CONF_RITUAL_BRIGHTNESS: self.brightness_pct,
            CONF_RITUAL_COLOR_TEMP: self.color_temp_kelvin,
            CONF_RITUAL_TRANSITION: self.transition,
            CONF_RITUAL_MEDIA_PLAYER: self.media_player,
            CONF_RITUAL_MEDIA_CONTENT_ID: self.media_content_id,
            CONF_RITUAL_MEDIA_CONTENT_TYPE: self.media_content_type,
            CONF_RITUAL_VOLUME: self.volume,
            CONF_RITUAL_SHUFFLE: self.shuffle,
            CONF_RITUAL_SEND_PROMPT: self.send_prompt,
            CONF_RITUAL_AUTO_END: self.auto_end_minutes,
        }
        return {key: value for key, value in options.items() if value is not None}

    def with_overrides(
        self,
        *,
        brightness_pct: int | None = None,
        media_content_id: str | None = None,
        media_content_type: str | None = None,
        volume: float | None = None,
    ) -> RitualSettings:
        """Return these settings with tonight's choices from an action call."""
        changes: dict[str, Any] = {
            "brightness_pct": brightness_pct,
            "media_content_id": media_content_id,
            "media_content_type": media_content_type,
            "volume": volume,
        }
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _ids(value: Any) -> tuple[str, ...]:
    """Return entity or area ids from an option, in order and without repeats."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(dict.fromkeys(str(item) for item in value))
