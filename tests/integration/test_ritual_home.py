"""The ritual in a home with Adaptive Lighting and Music Assistant.

Neither can be installed here, so stand-ins provide what the ritual looks
for: their actions, and registry entries on their platforms. Every action
call is read from the bus, in the order Home Assistant received it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player import MediaPlayerEntityFeature
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)

from .demo_home import BED, CEILING, KITCHEN, LIGHTS, RITUAL_OPTIONS, async_set_up_demo
from .helpers import act, async_set_up

AL_SWITCH = "switch.adaptive_lighting_living_room"
AL_RESTING = "switch.adaptive_lighting_bedroom"  # off: leaves its light alone
MA_PLAYER = "media_player.music_assistant_living_room"
PLAYLIST = "library://playlist/12"
WATCHED = {"light", "media_player", "adaptive_lighting", "music_assistant"}
MA_FEATURES = (
    MediaPlayerEntityFeature.PLAY
    | MediaPlayerEntityFeature.PAUSE
    | MediaPlayerEntityFeature.PLAY_MEDIA
    | MediaPlayerEntityFeature.SHUFFLE_SET
    | MediaPlayerEntityFeature.VOLUME_SET
)


def _add_adaptive_lighting(hass: HomeAssistant) -> None:
    """Two Adaptive Lighting switches: one on with two ritual lights, one off."""
    ent_reg = er.async_get(hass)
    for entity_id, state, lights in (
        (AL_SWITCH, "on", [CEILING, "light.hallway", KITCHEN]),
        (AL_RESTING, "off", [BED]),
    ):
        object_id = entity_id.removeprefix("switch.")
        entry = ent_reg.async_get_or_create(
            "switch", "adaptive_lighting", object_id, suggested_object_id=object_id
        )
        assert entry.entity_id == entity_id
        hass.states.async_set(entity_id, state, {"configured_lights": lights})


def _add_music_assistant_player(hass: HomeAssistant) -> None:
    """A player that Music Assistant provides, playing at half volume."""
    object_id = MA_PLAYER.removeprefix("media_player.")
    entry = er.async_get(hass).async_get_or_create(
        "media_player", "music_assistant", object_id, suggested_object_id=object_id
    )
    assert entry.entity_id == MA_PLAYER
    hass.states.async_set(
        MA_PLAYER, "idle", {"supported_features": MA_FEATURES, "volume_level": 0.5}
    )


def _calls(events: list[Any], domain: str | None = None) -> list[tuple[Any, ...]]:
    """Return the watched calls as (domain, service, entity, rest of the data)."""
    calls = []
    for event in events:
        data = dict(event.data["service_data"])
        if event.data["domain"] not in WATCHED:
            continue
        if domain is not None and event.data["domain"] != domain:
            continue
        entity = data.pop("entity_id", None)
        calls.append((event.data["domain"], event.data["service"], entity, data))
    return calls


def _index(calls: list[tuple[Any, ...]], domain: str, service: str) -> list[int]:
    return [i for i, call in enumerate(calls) if call[:2] == (domain, service)]


@pytest.fixture
async def home(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The demo lights plus Adaptive Lighting's and Music Assistant's entities."""
    await async_set_up_demo(hass)
    _add_adaptive_lighting(hass)
    _add_music_assistant_player(hass)


async def test_adaptive_lighting_and_music_assistant_across_a_restart(
    hass: HomeAssistant, home: None, make_entry: Callable[..., MockConfigEntry]
) -> None:
    """Lights go to manual before the dim and come back after the restore."""
    manual = async_mock_service(hass, "adaptive_lighting", "set_manual_control")
    played = async_mock_service(hass, "music_assistant", "play_media")
    options = RITUAL_OPTIONS | {
        "ritual_media_player": MA_PLAYER,
        "ritual_media_content_id": PLAYLIST,
    }
    entry = make_entry(options=options)
    await async_set_up(hass, entry)
    events = async_capture_events(hass, EVENT_CALL_SERVICE)

    response = await act(hass, entry, "start_ritual")
    await hass.async_block_till_done()

    assert response["ok"] is True
    calls = _calls(events)
    handover = ("adaptive_lighting", "set_manual_control", AL_SWITCH)
    assert calls[0] == (
        *handover,
        {"lights": [CEILING, KITCHEN], "manual_control": True},
    )
    assert len(manual) == 1
    dims = _index(calls, "light", "turn_on")
    assert sorted(calls[i][2] for i in dims) == sorted(LIGHTS)
    assert min(dims) > 0  # every light dims after Adaptive Lighting let go
    assert [call for call in calls if call[2] == MA_PLAYER] == [
        ("media_player", "volume_set", MA_PLAYER, {"volume_level": 0.3}),
        (
            "music_assistant",
            "play_media",
            MA_PLAYER,
            {"media_id": PLAYLIST, "media_type": "playlist", "enqueue": "replace"},
        ),
        ("media_player", "shuffle_set", MA_PLAYER, {"shuffle": True}),
    ]
    assert len(played) == 1
    assert ("manual_control", AL_SWITCH, True) in {
        (step["step"], step["target"], step["ok"]) for step in response["steps"]
    }

    # A restart in the middle: the store remembers what Adaptive Lighting gave.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    events.clear()

    response = await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()

    assert response["ended"] is True
    calls = _calls(events)
    restores = [i for i, call in enumerate(calls) if call[0] == "light"]
    assert sorted(calls[i][2] for i in restores) == sorted(LIGHTS)
    assert calls[-1] == (
        *handover,
        {"lights": [CEILING, KITCHEN], "manual_control": False},
    )
    assert max(restores) < len(calls) - 1
    assert [call[1] for call in calls if call[2] == MA_PLAYER] == [
        "media_pause",
        "volume_set",
    ]
    assert calls[_index(calls, "media_player", "volume_set")[0]][3] == {
        "volume_level": 0.5
    }
    assert [call.data["manual_control"] for call in manual] == [True, False]


async def test_a_failed_handover_is_reported_and_the_room_still_dims(
    hass: HomeAssistant, home: None, make_entry: Callable[..., MockConfigEntry]
) -> None:
    """Adaptive Lighting refusing is one failed step; nothing to hand back."""

    async def refuse(call: ServiceCall) -> None:
        raise HomeAssistantError("adaptive lighting is busy")

    hass.services.async_register("adaptive_lighting", "set_manual_control", refuse)
    entry = make_entry(options=RITUAL_OPTIONS)
    await async_set_up(hass, entry)
    events = async_capture_events(hass, EVENT_CALL_SERVICE)

    response = await act(hass, entry, "start_ritual")
    await hass.async_block_till_done()

    assert response["started"] is True
    assert response["ok"] is False
    failed = [step for step in response["steps"] if not step["ok"]]
    assert failed == [
        {
            "step": "manual_control",
            "target": AL_SWITCH,
            "ok": False,
            "error": "adaptive lighting is busy",
        }
    ]
    assert sorted(c[2] for c in _calls(events, "light")) == sorted(LIGHTS)

    events.clear()
    response = await act(hass, entry, "end_ritual")
    assert response["ok"] is True
    assert _calls(events, "adaptive_lighting") == []


async def test_without_their_actions_the_ritual_is_as_before(
    hass: HomeAssistant, home: None, make_entry: Callable[..., MockConfigEntry]
) -> None:
    """Registry entries alone change nothing: no handover, the usual play_media."""
    options = RITUAL_OPTIONS | {"ritual_media_player": MA_PLAYER}
    entry = make_entry(options=options)
    await async_set_up(hass, entry)
    events = async_capture_events(hass, EVENT_CALL_SERVICE)

    await act(hass, entry, "start_ritual")
    await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()

    calls = _calls(events)
    assert not [c for c in calls if c[0] in {"adaptive_lighting", "music_assistant"}]
    assert [c[1] for c in calls if c[2] == MA_PLAYER] == [
        "volume_set",
        "play_media",
        "shuffle_set",
        "media_play",
        "media_pause",
        "volume_set",
    ]
    play = next(c for c in calls if c[1] == "play_media")
    assert play[3] == {
        "media_content_id": "evening-playlist",
        "media_content_type": "playlist",
    }


async def test_a_start_where_no_light_answers_hands_the_lights_back(
    hass: HomeAssistant,
    partner_users: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Adaptive Lighting let go but nothing dimmed: it gets its lights back."""
    _add_adaptive_lighting(hass)
    hass.states.async_set(CEILING, "on", {"supported_color_modes": ["brightness"]})
    async_mock_service(
        hass, "light", "turn_on", raise_exception=HomeAssistantError("unreachable")
    )
    manual = async_mock_service(hass, "adaptive_lighting", "set_manual_control")
    entry = make_entry(
        options={"ritual_lights": [CEILING], "ritual_send_prompt": False}
    )
    await async_set_up(hass, entry)

    with pytest.raises(HomeAssistantError) as caught:
        await act(hass, entry, "start_ritual")

    assert caught.value.translation_key == "ritual_start_failed"
    assert [
        (c.data["entity_id"], c.data["lights"], c.data["manual_control"])
        for c in manual
    ] == [
        (AL_SWITCH, [CEILING], True),
        (AL_SWITCH, [CEILING], False),
    ]
