"""The evening ritual in Home Assistant: scene, switch, actions, restarts, repairs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import PHONE_1, PHONE_2
from .demo_home import (
    BED,
    CEILING,
    KITCHEN,
    LIGHTS,
    PLAYER,
    RITUAL_BRIGHTNESS,
    RITUAL_OPTIONS,
    async_set_up_demo,
    look,
)
from .helpers import act, async_set_up, state_of

SCENE = "scene.alex_sam_evening_ritual"
SWITCH = "switch.alex_sam_ritual"
STARTED = "sensor.alex_sam_ritual_started"


@pytest.fixture
async def ritual_entry(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """A couple whose ritual uses every demo light and the living-room player."""
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS)
    await async_set_up(hass, entry)
    return entry


async def test_scene_starts_and_switch_ends_the_ritual(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """One tap dims, plays and prompts; off puts the room back exactly."""
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    assert before[BED]["state"] == "off"
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")

    await hass.services.async_call(
        "scene", "turn_on", {"entity_id": SCENE}, blocking=True
    )
    await hass.async_block_till_done()

    for entity_id in LIGHTS:
        assert look(hass, entity_id)["state"] == "on"
        assert look(hass, entity_id)["brightness"] == RITUAL_BRIGHTNESS
    for entity_id in (BED, CEILING, KITCHEN):
        assert look(hass, entity_id)["color_temp_kelvin"] == 2200
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.attributes["media_content_id"] == "evening-playlist"
    assert player.attributes["volume_level"] == 0.3
    for phone in (PHONE_1, PHONE_2):
        assert phones[phone][-1].data["title"] == "Tonight's prompt"
    assert state_of(hass, SWITCH) == "on"
    assert state_of(hass, STARTED) == "2026-01-05T08:00:00+00:00"
    assert started[0].data == {
        "config_entry_id": ritual_entry.entry_id,
        "ok": True,
        "failed": [],
    }

    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": SWITCH}, blocking=True
    )
    await hass.async_block_till_done()
    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before
    assert state_of(hass, PLAYER) == "paused"
    assert state_of(hass, SWITCH) == "off"
    assert state_of(hass, STARTED) == "unknown"
    event = hass.states.get("event.alex_sam_ritual")
    assert event is not None
    assert event.attributes["event_type"] == "ritual_ended"


async def test_ending_after_a_restart_restores_the_room(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """The snapshot is in the store, so a reload in between changes nothing."""
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    response = await act(hass, ritual_entry, "start_ritual", brightness=50)
    assert response["started"] is True
    assert look(hass, CEILING)["brightness"] == 128  # 50 % tonight

    assert await hass.config_entries.async_reload(ritual_entry.entry_id)
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "on"

    response = await act(hass, ritual_entry, "end_ritual")
    await hass.async_block_till_done()
    assert response["ended"] is True
    assert response["ok"] is True
    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before


async def test_starting_twice_keeps_the_first_snapshot(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """A second start is answered plainly and does not overwrite the snapshot."""
    before = look(hass, CEILING)
    await act(hass, ritual_entry, "start_ritual")
    second = await act(hass, ritual_entry, "start_ritual", brightness=90)
    assert second == {"started": False, "already_running": True, "steps": []}
    assert look(hass, CEILING)["brightness"] == RITUAL_BRIGHTNESS
    await act(hass, ritual_entry, "end_ritual")
    await hass.async_block_till_done()
    assert look(hass, CEILING) == before

    assert await act(hass, ritual_entry, "end_ritual") == {
        "ended": False,
        "was_running": False,
        "steps": [],
    }


async def test_missing_light_and_failing_phone_give_a_partial_ritual(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The rest happens; the response names the failures; a repair names the light."""

    async def broken(call: ServiceCall) -> None:
        raise HomeAssistantError("phone unreachable")

    hass.services.async_register("notify", "mobile_app_broken", broken)
    await async_set_up_demo(hass)
    entry = make_entry(
        data={
            "couple_name": "Alex & Sam",
            "partners": [
                {"name": "Alex", "person": None, "notify": PHONE_1},
                {"name": "Sam", "person": None, "notify": "notify.mobile_app_broken"},
            ],
        },
        options=RITUAL_OPTIONS | {"ritual_lights": [CEILING, "light.gone"]},
    )
    await async_set_up(hass, entry)

    response = await act(hass, entry, "start_ritual")
    assert response["ok"] is False
    assert response["missing"] == ["light.gone"]
    failed = [
        (step["step"], step["target"], step["error"])
        for step in response["steps"]
        if not step["ok"]
    ]
    assert failed == [
        ("light", "light.gone", "missing"),
        ("notify", "prompt_2", "not_delivered"),
    ]
    assert look(hass, CEILING)["brightness"] == RITUAL_BRIGHTNESS
    assert len(phones[PHONE_1]) == 1
    issue = issue_registry.async_get_issue(
        DOMAIN, f"ritual_entity_missing_{entry.entry_id}_light.gone"
    )
    assert issue is not None
    assert issue.translation_placeholders == {"entity_id": "light.gone"}


async def test_auto_end_survives_a_restart(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """After the chosen minutes the room is put back, even across a reload."""
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS | {"ritual_auto_end": 30})
    await async_set_up(hass, entry)
    before = look(hass, CEILING)
    await act(hass, entry, "start_ritual")
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    dose_day_clock.tick(timedelta(minutes=29))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "on"

    dose_day_clock.tick(timedelta(minutes=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "off"
    assert look(hass, CEILING) == before


async def test_ritual_options(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """The ritual section shows the current choices and stores new ones."""
    result = await hass.config_entries.options.async_init(ritual_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ritual"}
    )
    assert result["step_id"] == "ritual"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "ritual_lights": [CEILING],
            "ritual_brightness": 30,
            "ritual_color_temp_kelvin": 2400,
            "ritual_transition": 3,
            "ritual_media_content_type": "music",
            "ritual_shuffle": False,
            "ritual_send_prompt": False,
            "ritual_auto_end": 45,
        },
    )
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()
    settings = ritual_entry.runtime_data.ritual_settings
    assert settings.lights == (CEILING,)
    assert settings.media_player is None  # left empty, so cleared
    assert settings.brightness_pct == 30
    assert settings.send_prompt is False
    assert settings.auto_end_minutes == 45


async def test_switch_starts_it_too(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """The dashboard switch is the other way in."""
    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": SWITCH}, blocking=True
    )
    assert state_of(hass, SWITCH) == "on"
    assert look(hass, CEILING)["brightness"] == RITUAL_BRIGHTNESS
