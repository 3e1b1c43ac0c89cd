"""A ritual preset's settings: what the options say the room should become.

One preset is one shared moment (a conversation, journaling side by side, a
walk). Kept apart from the engine in ritual.py, which reads them; the options
flow, the presets (ritual_presets.py) and the couple's coordinator use them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

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
CONF_RITUAL_NAME: Final = "ritual_name"
# A preset's name fits on a dashboard tile and in a spoken sentence.
RITUAL_NAME_MAX_LENGTH: Final = 40
CONF_RITUAL_LIGHT_MODE: Final = "ritual_light_mode"
CONF_RITUAL_MUSIC_MODE: Final = "ritual_music_mode"
CONF_RITUAL_PROMPT_THEME: Final = "ritual_prompt_theme"
CONF_RITUAL_SHARE_AFTER: Final = "ritual_share_after"
CONF_RITUAL_END_WHEN_HOME: Final = "ritual_end_when_home"

# What a preset does to the lights: set them (dim or bright, warm) or turn them off.
LightMode = Literal["set", "off"]
LIGHT_MODES: Final[tuple[LightMode, ...]] = ("set", "off")
# What it does to the music: play the playlist, or pause what is playing.
MusicMode = Literal["play", "pause"]
MUSIC_MODES: Final[tuple[MusicMode, ...]] = ("play", "pause")
# Tonight's prompt from the rotation, or a prompt of the preset's own moment.
PROMPT_TONIGHT: Final = "tonight"
PROMPT_THEMES: Final = (PROMPT_TONIGHT, "journaling", "walk")

CONVERSATION: Final = "conversation"

# A dim, warm room: the "conversation" preset.
DEFAULT_RITUAL_BRIGHTNESS: Final = 25
DEFAULT_RITUAL_COLOR_TEMP: Final = 2200
DEFAULT_RITUAL_TRANSITION: Final = 5
DEFAULT_RITUAL_MEDIA_CONTENT_TYPE: Final = "playlist"


@dataclass(frozen=True, slots=True)
class RitualSettings:
    """What one preset does to the room, read once from the options."""

    preset: str = CONVERSATION
    # The couple's own name for a preset they added; built-in ones are translated.
    name: str = ""
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
    light_mode: LightMode = "set"
    music_mode: MusicMode = "play"
    prompt_theme: str = PROMPT_TONIGHT
    # Minutes after the start to ask both to share one line (0: never).
    share_after_minutes: int = 0
    # End by itself once both partners, having gone out, are home again.
    end_when_home: bool = False

    @classmethod
    def from_options(
        cls,
        options: Mapping[str, Any],
        *,
        preset: str = CONVERSATION,
        base: RitualSettings | None = None,
    ) -> RitualSettings:
        """Read a preset from option values; absent keys take `base`'s values.

        Without `base` absent keys take the conversation's defaults.
        """
        base = base or cls()
        volume = options.get(CONF_RITUAL_VOLUME, base.volume)
        return cls(
            preset=preset,
            name=str(options.get(CONF_RITUAL_NAME, base.name)),
            lights=_ids(options.get(CONF_RITUAL_LIGHTS, base.lights)),
            areas=_ids(options.get(CONF_RITUAL_AREAS, base.areas)),
            brightness_pct=int(
                options.get(CONF_RITUAL_BRIGHTNESS, base.brightness_pct)
            ),
            color_temp_kelvin=int(
                options.get(CONF_RITUAL_COLOR_TEMP, base.color_temp_kelvin)
            ),
            transition=float(options.get(CONF_RITUAL_TRANSITION, base.transition)),
            media_player=options.get(CONF_RITUAL_MEDIA_PLAYER, base.media_player)
            or None,
            media_content_id=options.get(
                CONF_RITUAL_MEDIA_CONTENT_ID, base.media_content_id
            )
            or None,
            media_content_type=options.get(
                CONF_RITUAL_MEDIA_CONTENT_TYPE, base.media_content_type
            )
            or DEFAULT_RITUAL_MEDIA_CONTENT_TYPE,
            volume=None if volume is None else float(volume),
            shuffle=bool(options.get(CONF_RITUAL_SHUFFLE, base.shuffle)),
            send_prompt=bool(options.get(CONF_RITUAL_SEND_PROMPT, base.send_prompt)),
            auto_end_minutes=int(
                options.get(CONF_RITUAL_AUTO_END, base.auto_end_minutes)
            ),
            light_mode=_choice(
                options.get(CONF_RITUAL_LIGHT_MODE), LIGHT_MODES, base.light_mode
            ),
            music_mode=_choice(
                options.get(CONF_RITUAL_MUSIC_MODE), MUSIC_MODES, base.music_mode
            ),
            prompt_theme=_choice(
                options.get(CONF_RITUAL_PROMPT_THEME), PROMPT_THEMES, base.prompt_theme
            ),
            share_after_minutes=int(
                options.get(CONF_RITUAL_SHARE_AFTER, base.share_after_minutes)
            ),
            end_when_home=bool(
                options.get(CONF_RITUAL_END_WHEN_HOME, base.end_when_home)
            ),
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
            CONF_RITUAL_LIGHT_MODE: self.light_mode,
            CONF_RITUAL_MUSIC_MODE: self.music_mode,
            CONF_RITUAL_PROMPT_THEME: self.prompt_theme,
            CONF_RITUAL_SHARE_AFTER: self.share_after_minutes,
            CONF_RITUAL_END_WHEN_HOME: self.end_when_home,
            CONF_RITUAL_NAME: self.name or None,
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


def _choice[T: str](value: Any, allowed: tuple[T, ...], default: T) -> T:
    """Return the option value if it is one of the allowed ones, else the default."""
    return next((choice for choice in allowed if choice == value), default)


def _ids(value: Any) -> tuple[str, ...]:
    """Return entity or area ids from an option, in order and without repeats."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(dict.fromkeys(str(item) for item in value))
