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

from .conftest import (
    ALEX_USER_ID,
    PHONE_1,
    PHONE_2,
    PHONE_NAMES,
    SAM_USER_ID,
    add_phone,
)
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
from .helpers import act, async_set_up, state_of, tap

SCENE = "scene.alex_sam_evening_ritual"
SWITCH = "switch.alex_sam_ritual"
STARTED = "sensor.alex_sam_ritual_started"
PROMPT = "sensor.alex_sam_prompt_of_the_day"
BOTH_ANSWERED = "binary_sensor.alex_sam_both_answered"
GONE = "light.gone"
LAMP = "light.lamp"


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
        "preset": "conversation",
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
    assert second == {
        "started": False,
        "already_running": True,
        "preset": "conversation",
        "steps": [],
    }
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

    hass.services.async_register("notify", PHONE_2.removeprefix("notify."), broken)
    await async_set_up_demo(hass)
    entry = make_entry(
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
        result["flow_id"], {"ritual_preset": "conversation"}
    )
    assert result["step_id"] == "ritual_preset"
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


# ---- the evening ritual in a real home: music, repairs, prompt, errors ----------


async def test_the_music_plays_and_its_volume_comes_back_after_a_restart(
    hass: HomeAssistant, ritual_entry: MockConfigEntry
) -> None:
    """A paused player plays, shuffled; ending puts its volume back, paused."""
    await hass.services.async_call(
        "media_player", "media_pause", {"entity_id": PLAYER}, blocking=True
    )
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.attributes["volume_level"] == 1.0

    await act(hass, ritual_entry, "start_ritual")
    await hass.async_block_till_done()
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "playing"
    assert player.attributes["shuffle"] is True
    assert player.attributes["volume_level"] == 0.3

    assert await hass.config_entries.async_reload(ritual_entry.entry_id)
    await hass.async_block_till_done()
    response = await act(hass, ritual_entry, "end_ritual")
    await hass.async_block_till_done()

    assert response["ok"] is True
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "paused"
    assert player.attributes["volume_level"] == 1.0


async def test_a_ritual_stored_by_an_older_version_still_ends(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """A snapshot without the player part restores the lights and pauses."""
    await async_set_up_demo(hass)
    before = look(hass, CEILING)
    await hass.services.async_call(
        "light", "turn_on", {"entity_id": CEILING, "brightness": 10}, blocking=True
    )
    entry = make_entry(options=RITUAL_OPTIONS)
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = {
        "version": 2,
        "minor_version": 1,
        "key": key,
        "data": {
            "ritual": {
                "started_at": "2026-01-05T07:30:00+00:00",
                "auto_end_at": None,
                "snapshot": {
                    CEILING: {
                        "state": "on",
                        "brightness": before["brightness"],
                        "color_mode": "color_temp",
                        "color_temp_kelvin": before["color_temp_kelvin"],
                    }
                },
            }
        },
    }
    await async_set_up(hass, entry)
    assert state_of(hass, SWITCH) == "on"

    response = await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()

    assert response["ok"] is True
    assert look(hass, CEILING) == before
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "paused"
    assert player.attributes["volume_level"] == 1.0  # never changed, left alone
    assert state_of(hass, SWITCH) == "off"


async def test_a_missing_chosen_light_keeps_its_repair(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The repair follows the options: gone and chosen, it stays; back, it goes."""
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS | {"ritual_lights": [CEILING, GONE]})
    await async_set_up(hass, entry)
    issue_id = f"ritual_entity_missing_{entry.entry_id}_{GONE}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None  # at setup

    await act(hass, entry, "start_ritual")
    await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    hass.states.async_set(GONE, "off")  # the light is back
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    hass.states.async_remove(GONE)  # and gone again
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    hass.config_entries.async_update_entry(
        entry, options=entry.options | {"ritual_lights": [CEILING]}
    )
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None  # not chosen


async def test_the_ritual_uses_tonights_prompt_and_prompts_once_an_evening(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A revealed prompt stays revealed; a second start leaves the phones alone."""
    sent = async_capture_events(hass, f"{DOMAIN}_prompt_sent")
    await act(hass, ritual_entry, "send_prompt")
    prompt = state_of(hass, PROMPT)
    for phone, user_id, answer in (
        (PHONE_1, ALEX_USER_ID, "first"),
        (PHONE_2, SAM_USER_ID, "second"),
    ):
        action = phones[phone][-1].data["data"]["actions"][0]["action"]
        await tap(hass, action, answer, user_id=user_id)
    assert state_of(hass, BOTH_ANSWERED) == "on"
    asked = {phone: _prompts(calls) for phone, calls in phones.items()}

    for _ in range(2):  # start, end, and start again the same evening
        response = await act(hass, ritual_entry, "start_ritual")
        assert response["ok"] is True
        assert not [step for step in response["steps"] if step["step"] == "notify"]
        await act(hass, ritual_entry, "end_ritual")
    assert state_of(hass, PROMPT) == prompt
    assert state_of(hass, BOTH_ANSWERED) == "on"
    assert {phone: _prompts(calls) for phone, calls in phones.items()} == asked
    assert len(sent) == 1


async def test_a_second_ritual_the_same_evening_does_not_prompt_again(
    hass: HomeAssistant,
    ritual_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The first start brings tonight's prompt; the next evening brings a new one."""
    await act(hass, ritual_entry, "start_ritual")
    await act(hass, ritual_entry, "end_ritual")
    prompt = state_of(hass, PROMPT)
    assert [len(_prompts(calls)) for calls in phones.values()] == [1, 1]

    response = await act(hass, ritual_entry, "start_ritual")
    await act(hass, ritual_entry, "end_ritual")
    assert response["ok"] is True
    assert [len(_prompts(calls)) for calls in phones.values()] == [1, 1]

    dose_day_clock.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await act(hass, ritual_entry, "start_ritual")
    assert [len(_prompts(calls)) for calls in phones.values()] == [2, 2]
    assert state_of(hass, PROMPT) != prompt


@pytest.fixture
def lamp(hass: HomeAssistant) -> dict[str, bool]:
    """A lamp without its integration, whose actions the test makes fail."""
    control = {"failing": False}
    hass.states.async_set(LAMP, "on", {"supported_color_modes": ["brightness"]})

    async def answer(call: ServiceCall) -> None:
        if control["failing"]:
            raise HomeAssistantError("the lamp is unreachable")
        state = "off" if call.service == "turn_off" else "on"
        attributes = {"supported_color_modes": ["brightness"]}
        hass.states.async_set(LAMP, state, attributes | dict(call.data))

    for service in ("turn_on", "turn_off"):
        hass.services.async_register("light", service, answer)
    return control


@pytest.mark.parametrize("how", ["action", "scene", "switch"])
async def test_a_ritual_where_nothing_answers_is_an_error(
    hass: HomeAssistant,
    partner_users: Any,
    lamp: dict[str, bool],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    how: str,
) -> None:
    """No light and no phone answered: a translated error, and no ritual runs."""

    async def broken(call: ServiceCall) -> None:
        raise HomeAssistantError("phone unreachable")

    for user_id, device_name in PHONE_NAMES.items():  # both phones fail
        add_phone(hass, user_id, device_name)
    for phone in (PHONE_1, PHONE_2):
        hass.services.async_register("notify", phone.removeprefix("notify."), broken)
    entry = make_entry(options={"ritual_lights": [LAMP]})
    await async_set_up(hass, entry)
    lamp["failing"] = True
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")

    if how == "action":
        start = act(hass, entry, "start_ritual")
    else:
        start = hass.services.async_call(
            how, "turn_on", {"entity_id": {"scene": SCENE}.get(how, SWITCH)}, True
        )
    with pytest.raises(HomeAssistantError) as caught:
        await start
    assert caught.value.translation_domain == DOMAIN
    assert caught.value.translation_key == "ritual_start_failed"
    assert caught.value.translation_placeholders == {"failed": f"{LAMP}, Alex, Sam"}
    assert state_of(hass, SWITCH) == "off"
    assert started == []
    assert "ritual" not in entry.runtime_data.stored_for_diagnostics()

    lamp["failing"] = False  # once it answers, the ritual starts
    response = await act(hass, entry, "start_ritual")
    assert response["started"] is True
    assert state_of(hass, SWITCH) == "on"


async def test_an_end_where_nothing_answers_keeps_the_ritual_on(
    hass: HomeAssistant,
    phones: Any,
    lamp: dict[str, bool],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The room is still dimmed, so the switch stays on and a retry restores it."""
    entry = make_entry(options={"ritual_lights": [LAMP]})
    await async_set_up(hass, entry)
    await act(hass, entry, "start_ritual")
    assert state_of(hass, LAMP) == "on"
    lamp["failing"] = True

    with pytest.raises(HomeAssistantError) as caught:
        await hass.services.async_call(
            "switch", "turn_off", {"entity_id": SWITCH}, blocking=True
        )
    assert caught.value.translation_key == "ritual_end_failed"
    assert caught.value.translation_placeholders == {"failed": LAMP}
    assert state_of(hass, SWITCH) == "on"

    lamp["failing"] = False
    response = await act(hass, entry, "end_ritual")
    assert response["ok"] is True
    assert state_of(hass, SWITCH) == "off"


async def test_a_walk_whose_end_failed_still_ends_when_they_are_home_again(
    hass: HomeAssistant,
    phones: Any,
    lamp: dict[str, bool],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The lamp did not answer when they came home; the next return ends the walk."""

    async def everyone(where: str) -> None:
        for person in ("person.alex", "person.sam"):
            hass.states.async_set(person, where)
        await hass.async_block_till_done()

    await everyone("home")
    entry = make_entry(options={"ritual_lights": [LAMP]})
    await async_set_up(hass, entry)
    await act(hass, entry, "start_ritual", preset="walk")
    assert state_of(hass, LAMP) == "off"
    await everyone("not_home")
    lamp["failing"] = True
    await everyone("home")  # the end is tried, and fails
    assert state_of(hass, SWITCH) == "on"
    assert state_of(hass, LAMP) == "off"

    lamp["failing"] = False
    await hass.async_block_till_done()
    assert state_of(hass, SWITCH) == "on"  # not tried again and again
    await everyone("not_home")
    await everyone("home")
    assert state_of(hass, SWITCH) == "off"
    assert state_of(hass, LAMP) == "on"


async def test_an_end_with_every_device_gone_ends_and_says_so(
    hass: HomeAssistant,
    phones: Any,
    lamp: dict[str, bool],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Nothing is left to put back, so the ritual ends, with an error and a repair."""
    entry = make_entry(options={"ritual_lights": [LAMP]})
    await async_set_up(hass, entry)
    await act(hass, entry, "start_ritual")
    hass.states.async_remove(LAMP)

    with pytest.raises(HomeAssistantError) as caught:
        await act(hass, entry, "end_ritual")
    assert caught.value.translation_key == "ritual_end_devices_gone"
    assert state_of(hass, SWITCH) == "off"
    issue_id = f"ritual_entity_missing_{entry.entry_id}_{LAMP}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None


async def test_an_automatic_end_that_fails_is_logged_not_raised(
    hass: HomeAssistant,
    phones: Any,
    lamp: dict[str, bool],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """At the chosen minute the lamp does not answer: a warning; the ritual stays."""
    entry = make_entry(options={"ritual_lights": [LAMP], "ritual_auto_end": 30})
    await async_set_up(hass, entry)
    await act(hass, entry, "start_ritual")
    lamp["failing"] = True

    dose_day_clock.tick(timedelta(minutes=30))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    assert state_of(hass, SWITCH) == "on"
    assert "the automatic end failed" in caplog.text


def _prompts(calls: list[ServiceCall]) -> list[ServiceCall]:
    """Return the prompt messages among a phone's calls."""
    return [call for call in calls if call.data.get("title") == "Tonight's prompt"]
