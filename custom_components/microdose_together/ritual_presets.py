"""The couple's ritual presets: the practice's shared moments and their own.

Three presets come with the integration: the conversation (the evening ritual
as it always was, kept in the options' top level), journaling side by side and
a walk together. The built-in ones start from the conversation's lights, areas
and player, so a couple who chose the living room once finds every moment
there. Whatever the couple tunes or adds lives under one option key, preset
by preset, as the same option values the conversation uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, Final

from .ritual_settings import CONVERSATION, RitualSettings

CONF_RITUAL_PRESETS: Final = "ritual_presets"

JOURNALING: Final = "journaling"
WALK: Final = "walk"
BUILT_IN_PRESETS: Final = (CONVERSATION, JOURNALING, WALK)
# Presets a couple adds are numbered: custom_1, custom_2, ...
CUSTOM_PREFIX: Final = "custom_"


def built_in_defaults(conversation: RitualSettings) -> dict[str, RitualSettings]:
    """Return journaling and the walk as they are before the couple tunes them."""
    journaling = replace(
        conversation,
        preset=JOURNALING,
        brightness_pct=60,  # enough to write by, still warm
        color_temp_kelvin=2700,
        volume=0.2,
        shuffle=False,
        send_prompt=True,
        prompt_theme=JOURNALING,
        share_after_minutes=20,
        auto_end_minutes=0,
        light_mode="set",
        music_mode="play",
        end_when_home=False,
    )
    walk = replace(
        conversation,
        preset=WALK,
        light_mode="off",
        music_mode="pause",
        media_content_id=None,
        volume=None,
        shuffle=False,
        send_prompt=True,
        prompt_theme=WALK,
        share_after_minutes=0,
        end_when_home=True,
        auto_end_minutes=120,  # the room comes back even if nobody is tracked
    )
    return {JOURNALING: journaling, WALK: walk}


def presets_from_options(options: Mapping[str, Any]) -> dict[str, RitualSettings]:
    """Return every preset of the couple by id: built-in ones first, then theirs."""
    conversation = RitualSettings.from_options(options)
    tuned = _tuned(options)
    presets = {CONVERSATION: conversation}
    for preset_id, default in built_in_defaults(conversation).items():
        presets[preset_id] = RitualSettings.from_options(
            tuned.get(preset_id, {}), preset=preset_id, base=default
        )
    for preset_id, values in tuned.items():
        if is_custom(preset_id):
            presets[preset_id] = RitualSettings.from_options(
                values, preset=preset_id, base=replace(conversation, preset=preset_id)
            )
    return presets


def with_preset(
    options: Mapping[str, Any], preset_id: str, values: Mapping[str, Any] | None
) -> dict[str, Any]:
    """Return the options with one preset's values set, or removed when None.

    The conversation's values stay in the top level, where they always were.
    """
    if preset_id == CONVERSATION:
        return {**options, **(values or {})}
    tuned = dict(_tuned(options))
    if values is None:
        tuned.pop(preset_id, None)
    else:
        tuned[preset_id] = dict(values)
    return {**options, CONF_RITUAL_PRESETS: tuned}


def find_preset(
    presets: Mapping[str, RitualSettings], wanted: str
) -> RitualSettings | None:
    """Return the preset with this id, or else the couple's preset of this name."""
    if (preset := presets.get(wanted)) is not None:
        return preset
    name = wanted.strip().casefold()
    return next((p for p in presets.values() if p.name.casefold() == name), None)


def is_tuned(options: Mapping[str, Any], preset_id: str) -> bool:
    """Return whether the couple changed journaling or the walk from how it came."""
    return preset_id in BUILT_IN_PRESETS[1:] and preset_id in _tuned(options)


def is_custom(preset_id: str) -> bool:
    """Return whether the preset is one the couple added."""
    return (
        preset_id.startswith(CUSTOM_PREFIX)
        and preset_id[len(CUSTOM_PREFIX) :].isdigit()
    )


def next_preset_id(existing: Iterable[str]) -> str:
    """Return an id after every custom preset the couple has."""
    numbers = [int(p[len(CUSTOM_PREFIX) :]) for p in existing if is_custom(p)]
    return f"{CUSTOM_PREFIX}{max(numbers, default=0) + 1}"


def _tuned(options: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Return the presets' stored values, leaving out anything malformed."""
    stored = options.get(CONF_RITUAL_PRESETS)
    if not isinstance(stored, Mapping):
        return {}
    return {
        str(preset_id): values
        for preset_id, values in stored.items()
        if isinstance(values, Mapping)
        and (preset_id in BUILT_IN_PRESETS[1:] or is_custom(str(preset_id)))
    }
