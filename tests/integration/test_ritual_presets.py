"""Ritual presets on Home Assistant's demo lights and player.

Journaling side by side, a walk together and a preset the couple adds: each
is its own scene, changes the room as its data says and puts it back exactly,
also when Home Assistant restarts in the middle of a walk.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.ritual_presets import (
    CONF_RITUAL_PRESETS,
    find_preset,
    next_preset_id,
    presets_from_options,
)

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .demo_home import (
    CEILING,
    KITCHEN,
    LIGHTS,
    PLAYER,
    look,
)
from .helpers import act, async_set_up, state_of

CONVERSATION_SCENE = "scene.alex_sam_evening_ritual"
JOURNALING_SCENE = "scene.alex_sam_journaling_side_by_side"
WALK_SCENE = "scene.alex_sam_a_walk_together"
SWITCH = "switch.alex_sam_ritual"
ALEX, SAM = "person.alex", "person.sam"
# 60 % of 255 is 153.
JOURNALING_BRIGHTNESS = 153


def room(hass: HomeAssistant) -> dict[str, Any]:
    """Return every ritual light as a person sees it, and the player."""
    player = hass.states.get(PLAYER)
    assert player is not None
    return {entity_id: look(hass, entity_id) for entity_id in LIGHTS} | {
        PLAYER: (
            player.state,
            player.attributes.get("volume_level"),
            player.attributes.get("media_content_id"),
        )
    }


def titles(calls: list[ServiceCall]) -> list[str]:
    """Return the titles of the messages a phone received, oldest first."""
    return [call.data.get("title", "") for call in calls]


async def tick(hass: HomeAssistant, clock: FrozenDateTimeFactory, **delta: int) -> None:
    """Move the clock on and let every timer due by then run."""
    clock.tick(timedelta(**delta))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def scene_on(hass: HomeAssistant, scene: str) -> None:
    """Tap a scene on the dashboard."""
    await hass.services.async_call(
        "scene", "turn_on", {"entity_id": scene}, blocking=True
    )
    await hass.async_block_till_done()


async def move(hass: HomeAssistant, person: str, where: str) -> None:
    """Let a partner's person leave or come home."""
    state = hass.states.get(person)
    assert state is not None
    hass.states.async_set(person, where, state.attributes)
    await hass.async_block_till_done()


async def test_every_preset_is_its_own_scene(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """The three built-in moments each have a scene on the couple's device."""
    for scene in (CONVERSATION_SCENE, JOURNALING_SCENE, WALK_SCENE):
        entry = entity_registry.async_get(scene)
        assert entry is not None
        assert entry.config_entry_id == ritual_entry.entry_id
        assert state_of(hass, scene) == "unknown"  # never activated


async def test_journaling_lights_for_writing_then_asks_to_share_a_line(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Warm light to write by, quiet music, a journaling prompt; a note at 20 min."""
    before = room(hass)
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")
    ended = async_capture_events(hass, f"{DOMAIN}_ritual_ended")

    await scene_on(hass, JOURNALING_SCENE)

    for entity_id in LIGHTS:
        assert look(hass, entity_id)["state"] == "on"
        assert look(hass, entity_id)["brightness"] == JOURNALING_BRIGHTNESS
    for entity_id in (CEILING, KITCHEN):
        assert look(hass, entity_id)["color_temp_kelvin"] == 2700
    assert room(hass)[PLAYER] == ("playing", 0.2, "evening-playlist")
    for phone in (PHONE_1, PHONE_2):
        assert titles(phones[phone]) == ["Something to write about"]
    assert started[-1].data["preset"] == "journaling"
    assert state_of(hass, SWITCH) == "on"

    await tick(hass, dose_day_clock, minutes=19, seconds=59)
    assert titles(phones[PHONE_1]) == ["Something to write about"]
    await tick(hass, dose_day_clock, seconds=1)
    for phone in (PHONE_1, PHONE_2):
        assert titles(phones[phone])[-1] == "A line for each other"
        assert "share one line" in phones[phone][-1].data["message"]
    await tick(hass, dose_day_clock, hours=2)
    assert len(phones[PHONE_1]) == 2  # the note comes once

    response = await act(hass, ritual_entry, "end_ritual")
    await hass.async_block_till_done()
    assert response["preset"] == "journaling"
    assert response["ok"] is True
    after = room(hass)
    assert {k: v for k, v in after.items() if k != PLAYER} == {
        k: v for k, v in before.items() if k != PLAYER
    }
    assert after[PLAYER][:2] == ("paused", before[PLAYER][1])
    assert ended[-1].data["preset"] == "journaling"


async def test_ending_journaling_early_sends_no_share_note(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The note belongs to the moment: ended before, it never comes."""
    await act(hass, ritual_entry, "start_ritual", preset="journaling")
    await tick(hass, dose_day_clock, minutes=5)
    await act(hass, ritual_entry, "end_ritual")
    await tick(hass, dose_day_clock, minutes=30)
    assert titles(phones[PHONE_1]) == ["Something to write about"]


async def test_share_note_survives_a_restart(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The note's time is in the store; a time passed while down fires at start."""
    await act(hass, ritual_entry, "start_ritual", preset="journaling")
    assert await hass.config_entries.async_unload(ritual_entry.entry_id)
    await tick(hass, dose_day_clock, minutes=25)
    assert titles(phones[PHONE_2]) == ["Something to write about"]
    await async_set_up(hass, ritual_entry)
    assert titles(phones[PHONE_2]) == ["Something to write about"]
    await tick(hass, dose_day_clock, seconds=0)  # the loop runs what is due
    assert titles(phones[PHONE_2])[-1] == "A line for each other"
    assert await hass.config_entries.async_reload(ritual_entry.entry_id)
    await tick(hass, dose_day_clock, minutes=30)
    assert len(phones[PHONE_2]) == 2  # not again after another restart


async def _playing(hass: HomeAssistant) -> None:
    await hass.services.async_call(
        "media_player", "media_play", {"entity_id": PLAYER}, blocking=True
    )
    await hass.async_block_till_done()
    assert state_of(hass, PLAYER) == "playing"


def _questions(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    """Return the walk questions a phone received."""
    return [c.data for c in calls if c.data.get("title") == "A question for the walk"]


async def test_a_moments_question_leaves_tonights_prompt_as_it_was(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """Alex answered tonight's prompt; the walk's question does not take its place."""
    entry_id = ritual_entry.entry_id
    conversation = ritual_entry.runtime_data.conversation
    await act(hass, ritual_entry, "send_prompt")
    (tonight,) = conversation.prompts
    reply = await ws(
        ALEX_USER_ID, "answer_prompt", config_entry_id=entry_id, answer="alex-words"
    )
    assert reply["result"] == {"revealed": False}

    await act(hass, ritual_entry, "start_ritual", preset="walk")
    (question,) = _questions(phones[PHONE_2])
    assert "actions" not in question["data"]  # to talk over, not to answer here
    assert conversation.prompts == [tonight]
    assert "2:prompt" in conversation.requests  # Sam's reply still has its place

    reply = await ws(
        SAM_USER_ID, "answer_prompt", config_entry_id=entry_id, answer="sam-words"
    )
    assert reply["result"] == {"revealed": True}
    assert tonight.answers == {1: "alex-words", 2: "sam-words"}
    await act(hass, ritual_entry, "end_ritual")

    # The next evening's walk asks another question.
    await tick(hass, dose_day_clock, days=1)
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    first, second = _questions(phones[PHONE_2])
    assert first["message"] != second["message"]


async def test_walk_turns_off_pauses_and_ends_when_both_are_home(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Lights off, music paused, a walk question; home again puts the room back."""
    await _playing(hass)
    before = room(hass)
    ended = async_capture_events(hass, f"{DOMAIN}_ritual_ended")

    response = await act(hass, ritual_entry, "start_ritual", preset="walk")
    await hass.async_block_till_done()
    assert response["started"] is True
    assert response["preset"] == "walk"
    assert {look(hass, entity_id)["state"] for entity_id in LIGHTS} == {"off"}
    assert state_of(hass, PLAYER) == "paused"
    for phone in (PHONE_1, PHONE_2):
        assert titles(phones[phone]) == ["A question for the walk"]

    await move(hass, ALEX, "not_home")
    await move(hass, SAM, "not_home")
    await move(hass, ALEX, "home")
    assert state_of(hass, SWITCH) == "on"  # Sam is still out
    assert not ended
    await move(hass, SAM, "home")
    await hass.async_block_till_done()

    assert state_of(hass, SWITCH) == "off"
    assert room(hass) == before  # the lights as they were, the music playing again
    assert ended[-1].data == {
        "config_entry_id": ritual_entry.entry_id,
        "preset": "walk",
        "ok": True,
        "failed": [],
    }


async def test_walk_started_with_music_off_leaves_it_off(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """Music that was not playing is not paused, and not started at the end."""
    await hass.services.async_call(
        "media_player", "media_pause", {"entity_id": PLAYER}, blocking=True
    )
    await hass.async_block_till_done()
    assert state_of(hass, PLAYER) == "paused"
    before = room(hass)
    response = await act(hass, ritual_entry, "start_ritual", preset="walk")
    assert "pause_media" not in {step["step"] for step in response["steps"]}
    response = await act(hass, ritual_entry, "end_ritual")
    await hass.async_block_till_done()
    assert {step["step"] for step in response["steps"]} == {"restore_light"}
    assert room(hass) == before


async def test_restart_in_the_middle_of_the_walk(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Who went out and came back while Home Assistant was down still counts."""
    await _playing(hass)
    before = room(hass)
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    await move(hass, ALEX, "not_home")
    await move(hass, SAM, "not_home")

    assert await hass.config_entries.async_unload(ritual_entry.entry_id)
    await move(hass, ALEX, "home")
    await tick(hass, dose_day_clock, minutes=10)
    await async_set_up(hass, ritual_entry)
    assert state_of(hass, SWITCH) == "on"
    assert {look(hass, entity_id)["state"] for entity_id in LIGHTS} == {"off"}

    await move(hass, SAM, "home")
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "off"
    assert room(hass) == before


async def test_both_home_during_a_restart_ends_the_walk_at_start(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
) -> None:
    """Back home while Home Assistant was down: the room comes back once it runs."""
    before = room(hass)
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    await move(hass, SAM, "not_home")
    assert await hass.config_entries.async_unload(ritual_entry.entry_id)
    await move(hass, SAM, "home")
    await async_set_up(hass, ritual_entry)
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "off"
    assert room(hass) == before


async def test_walk_ends_after_its_time_when_nobody_moves(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Both at home all along (no one tracked leaving): two hours end it."""
    before = room(hass)
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    await tick(hass, dose_day_clock, minutes=119)
    assert state_of(hass, SWITCH) == "on"
    await tick(hass, dose_day_clock, minutes=1)
    assert state_of(hass, SWITCH) == "off"
    assert room(hass) == before


async def test_an_unknown_preset_is_refused_and_changes_nothing(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """A preset that does not exist is named back, with the couple's presets."""
    before = room(hass)
    with pytest.raises(ServiceValidationError) as caught:
        await act(hass, ritual_entry, "start_ritual", preset="sauna")
    assert caught.value.translation_key == "ritual_preset_unknown"
    assert caught.value.translation_placeholders == {
        "preset": "sauna",
        "presets": "conversation, journaling, walk",
    }
    assert room(hass) == before
    assert state_of(hass, SWITCH) == "off"


async def _options(
    hass: HomeAssistant, entry: MockConfigEntry, preset: str, values: dict[str, Any]
) -> dict[str, Any]:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ritual"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"ritual_preset": preset}
    )
    assert result["step_id"] == "ritual_preset"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], values
    )
    await hass.async_block_till_done()
    return dict(result)


async def test_couple_tunes_a_built_in_preset(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """Journaling's own values are kept apart from the conversation's."""
    result = await _options(
        hass,
        ritual_entry,
        "journaling",
        {
            "ritual_lights": [CEILING],
            "ritual_brightness": 70,
            "ritual_color_temp_kelvin": 3000,
            "ritual_transition": 2,
            "ritual_media_content_type": "playlist",
            "ritual_shuffle": False,
            "ritual_send_prompt": False,
            "ritual_auto_end": 60,
            "ritual_light_mode": "set",
            "ritual_music_mode": "play",
            "ritual_prompt_theme": "journaling",
            "ritual_share_after": 15,
            "ritual_end_when_home": False,
        },
    )
    assert result["type"] == "create_entry"
    presets = ritual_entry.runtime_data.ritual_presets
    assert presets["journaling"].lights == (CEILING,)
    assert presets["journaling"].media_player is None  # left empty, so cleared
    assert presets["journaling"].share_after_minutes == 15
    assert presets["conversation"].lights == tuple(LIGHTS)  # untouched
    assert presets["walk"].lights == tuple(LIGHTS)

    # Tuned once, journaling offers to go back to how it came.
    result = await _options(hass, ritual_entry, "journaling", {"reset_preset": True})
    assert result["type"] == "create_entry"
    assert "ritual_presets" not in ritual_entry.options or (
        "journaling" not in ritual_entry.options["ritual_presets"]
    )
    journaling = ritual_entry.runtime_data.ritual_presets["journaling"]
    assert journaling.lights == tuple(LIGHTS)
    assert journaling.brightness_pct == 60
    assert journaling.share_after_minutes == 20
    assert state_of(hass, JOURNALING_SCENE) == "unknown"  # the scene stays


async def test_only_a_tuned_built_in_preset_offers_a_reset(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """Untouched journaling and the conversation have nothing to go back to."""
    for preset in ("journaling", "walk", "conversation"):
        result = await hass.config_entries.options.async_init(ritual_entry.entry_id)
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"next_step_id": "ritual"}
        )
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"ritual_preset": preset}
        )
        fields = {str(key) for key in result["data_schema"].schema}
        assert "reset_preset" not in fields
        assert "remove_preset" not in fields
        hass.config_entries.options.async_abort(result["flow_id"])


async def test_couple_adds_names_and_removes_a_preset(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """A preset they add is a scene by its name, starts by name, and can go."""
    values = {
        "ritual_lights": [CEILING],
        "ritual_brightness": 40,
        "ritual_color_temp_kelvin": 2200,
        "ritual_transition": 0,
        "ritual_media_content_type": "playlist",
        "ritual_shuffle": False,
        "ritual_send_prompt": False,
        "ritual_auto_end": 0,
        "ritual_light_mode": "set",
        "ritual_music_mode": "play",
        "ritual_prompt_theme": "tonight",
        "ritual_share_after": 0,
        "ritual_end_when_home": False,
    }
    result = await _options(hass, ritual_entry, "new", values | {"ritual_name": " "})
    assert result["errors"] == {"ritual_name": "ritual_name_missing"}
    for name, refusal in (
        ("Walk", "ritual_name_taken"),  # the walk's id: it would start the walk
        ("s" * 41, "ritual_name_too_long"),
    ):
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], values | {"ritual_name": name}
        )
        assert result["errors"] == {"ritual_name": refusal}
    assert CONF_RITUAL_PRESETS not in ritual_entry.options
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], values | {"ritual_name": "Sauna evening"}
    )
    await hass.async_block_till_done()
    assert result["type"] == "create_entry"
    scene = "scene.alex_sam_sauna_evening"
    assert state_of(hass, scene) == "unknown"

    response = await act(hass, ritual_entry, "start_ritual", preset="sauna Evening")
    assert response["preset"] == "custom_1"
    assert look(hass, CEILING)["brightness"] == 102  # 40 %
    assert state_of(hass, "light.bed_light") == "off"  # not one of its lights
    await act(hass, ritual_entry, "end_ritual")

    # A second preset cannot take the first one's name; the first keeps it.
    result = await _options(
        hass, ritual_entry, "new", values | {"ritual_name": "SAUNA EVENING "}
    )
    assert result["errors"] == {"ritual_name": "ritual_name_taken"}
    result = await _options(
        hass, ritual_entry, "custom_1", values | {"ritual_name": "Sauna evening"}
    )
    assert result["type"] == "create_entry"

    result = await _options(
        hass,
        ritual_entry,
        "custom_1",
        values | {"ritual_name": "Sauna evening", "remove_preset": True},
    )
    assert result["type"] == "create_entry"
    assert "custom_1" not in ritual_entry.runtime_data.ritual_presets
    assert entity_registry.async_get(scene) is None
    assert hass.states.get(scene) is None


async def test_an_untracked_person_leaves_the_walk_to_the_other(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """A person nobody tracks says nothing; the tracked partner's return ends it."""
    await move(hass, SAM, "unknown")
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    await move(hass, ALEX, "not_home")
    assert state_of(hass, SWITCH) == "on"
    await move(hass, ALEX, "home")
    assert state_of(hass, SWITCH) == "off"


async def test_nobody_tracked_leaves_the_walk_to_its_time(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Without tracked persons, only the walk's time (or a tap) ends it."""
    await move(hass, SAM, "unknown")
    await move(hass, ALEX, "unavailable")
    await act(hass, ritual_entry, "start_ritual", preset="walk")
    await move(hass, ALEX, "unknown")
    assert state_of(hass, SWITCH) == "on"
    await tick(hass, dose_day_clock, hours=2)
    assert state_of(hass, SWITCH) == "off"


def test_presets_from_options_leave_out_what_is_not_a_preset() -> None:
    """Stored values that are no preset are ignored, not fatal."""
    presets = presets_from_options(
        {
            CONF_RITUAL_PRESETS: {
                "journaling": {"ritual_brightness": 80},
                "custom_2": {"ritual_name": "Sauna", "ritual_light_mode": "sparkle"},
                "custom_x": {"ritual_name": "Bad id"},
                "sauna": {"ritual_name": "Not numbered"},
                "custom_3": "not a mapping",
            }
        }
    )
    assert list(presets) == ["conversation", "journaling", "walk", "custom_2"]
    assert presets["journaling"].brightness_pct == 80
    assert presets["journaling"].color_temp_kelvin == 2700  # the preset's default
    assert presets["custom_2"].light_mode == "set"  # unknown mode: the default
    assert next_preset_id(presets) == "custom_3"
    assert find_preset(presets, " SAUNA ") is presets["custom_2"]
    assert find_preset(presets, "walk") is presets["walk"]
    assert find_preset(presets, "nothing") is None
    assert presets_from_options({CONF_RITUAL_PRESETS: ["journaling"]}).keys() == {
        "conversation",
        "journaling",
        "walk",
    }


async def test_a_missing_light_does_not_stop_the_walk(
    hass: HomeAssistant, ritual_home: Callable[..., Awaitable[MockConfigEntry]]
) -> None:
    """One light gone: it is reported, the rest go off and come back."""
    walk = {"ritual_lights": [CEILING, "light.gone", KITCHEN]}
    entry = await ritual_home(**{CONF_RITUAL_PRESETS: {"walk": walk}})
    before = room(hass)

    response = await act(hass, entry, "start_ritual", preset="walk")
    assert response["started"] is True
    assert response["ok"] is False
    assert response["missing"] == ["light.gone"]
    assert look(hass, CEILING)["state"] == look(hass, KITCHEN)["state"] == "off"
    assert look(hass, "light.bed_light") == before["light.bed_light"]  # not the walk's

    response = await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()
    assert response["preset"] == "walk"
    assert room(hass) == before


async def test_a_share_note_due_in_quiet_hours_is_left_out(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Journaling begun at 22:15 asks no one to share at 22:35, nor at 07:30."""
    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-05T22:15:00+02:00"))
    await act(hass, ritual_entry, "start_ritual", preset="journaling")
    await tick(hass, dose_day_clock, minutes=20)
    await tick(hass, dose_day_clock, hours=10)
    for phone in (PHONE_1, PHONE_2):
        assert "A line for each other" not in titles(phones[phone])
    assert ritual_entry.runtime_data.stored["ritual"]["share_at"] is None


async def test_a_walk_in_quiet_hours_sends_no_question(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A late walk still changes the room; its question is not kept for the morning."""
    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    response = await act(hass, ritual_entry, "start_ritual", preset="walk")
    assert response["started"] is True
    assert {look(hass, entity_id)["state"] for entity_id in LIGHTS} == {"off"}
    await tick(hass, dose_day_clock, hours=9)
    for phone in (PHONE_1, PHONE_2):
        assert _questions(phones[phone]) == []
    assert "ritual_questions_asked" not in ritual_entry.runtime_data.stored
