"""The evening ritual engine against Home Assistant's demo lights and players."""

from __future__ import annotations

import asyncio
from dataclasses import replace
import json
import logging
from typing import Any

from homeassistant.components.media_player import MediaPlayerEntityFeature
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
)
import pytest

from custom_components.microdose_together.ritual import (
    RitualReport,
    RitualStep,
    async_end_ritual,
    async_resolve_lights,
    async_start_ritual,
)
from custom_components.microdose_together.ritual_settings import (
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
    RitualSettings,
)

from .demo_home import (
    BED,
    CEILING,
    ENTRANCE,
    KITCHEN,
    LIGHTS,
    LIVING,
    OFFICE,
    PLAYER,
    RITUAL_BRIGHTNESS,
    RITUAL_OPTIONS,
    async_set_up_demo,
    look,
)
from .hangs import Hangs, finish_past_hangs


@pytest.fixture
async def demo(hass: HomeAssistant) -> None:
    """Set up only the demo lights and media players."""
    await async_set_up_demo(hass)


class Phones:
    """A stand-in for the prompt sender: counts calls, answers per partner."""

    def __init__(self, error: Exception | None = None) -> None:
        self.calls = 0
        self.error = error

    async def __call__(self) -> list[RitualStep]:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return [RitualStep("notify", "1", ok=True), RitualStep("notify", "2", ok=True)]


def is_warm(hass: HomeAssistant, entity_id: str) -> bool:
    """Return whether a light glows warm white: an orange hue, not red or pink.

    Home Assistant shows every colour light's colour as hs as well; 2200 K is
    a hue of about 30 degrees, the demo's red and pink are 0 and 345.
    """
    state = hass.states.get(entity_id)
    assert state is not None
    hue, saturation = state.attributes["hs_color"]
    return bool(20 <= hue <= 45 and saturation > 40)


def steps_of(report: RitualReport) -> list[tuple[str, str, bool, str | None]]:
    """Return each step as (step, target, ok, error) for one-line comparisons."""
    return [(s.step, s.target, s.ok, s.error) for s in report.steps]


async def test_start_dims_lights_warm_and_starts_the_playlist(
    hass: HomeAssistant, demo: None
) -> None:
    phones = Phones()
    settings = RitualSettings.from_options(RITUAL_OPTIONS)

    report = await async_start_ritual(hass, settings, notify=phones)
    await hass.async_block_till_done()

    for entity_id in LIGHTS:
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.state == "on", entity_id
        assert state.attributes["brightness"] == RITUAL_BRIGHTNESS, entity_id
    for entity_id in (BED, CEILING, KITCHEN):
        assert look(hass, entity_id)["color_mode"] == "color_temp"
        assert look(hass, entity_id)["color_temp_kelvin"] == 2200
    # Lights without a colour temperature are made warm in their own mode:
    # the red rgbw and rgbww lights and the pink hs light all glow 2200 K.
    for entity_id, mode in ((OFFICE, "rgbw"), (LIVING, "rgbww"), (ENTRANCE, "hs")):
        assert look(hass, entity_id)["color_mode"] == mode
        assert is_warm(hass, entity_id), look(hass, entity_id)

    player = hass.states.get(PLAYER)
    assert player is not None
    # The demo player was already playing; what changed is what it plays.
    assert player.state == "playing"
    assert player.attributes["media_content_id"] == "evening-playlist"
    assert player.attributes["volume_level"] == 0.3
    assert player.attributes["shuffle"] is True
    assert phones.calls == 1

    assert report.ok
    assert report.missing == []
    assert steps_of(report) == [
        *[("light", entity_id, True, None) for entity_id in LIGHTS],
        ("volume", PLAYER, True, None),
        ("play_media", PLAYER, True, None),
        ("shuffle", PLAYER, True, None),
        ("play", PLAYER, True, None),
        ("notify", "1", True, None),
        ("notify", "2", True, None),
    ]
    assert report.snapshot[BED] == {"state": "off"}
    assert report.snapshot[CEILING] == {
        "state": "on",
        "brightness": 180,
        "color_mode": "color_temp",
        "color_temp_kelvin": 2631,
    }
    assert report.snapshot[KITCHEN] == {
        "state": "on",
        "brightness": 180,
        "color_mode": "hs",
        "hs_color": [345, 75],
    }
    assert report.snapshot[OFFICE]["rgbw_color"] == [255, 0, 0, 255]


async def test_end_brings_the_room_back_and_pauses_the_music(
    hass: HomeAssistant, demo: None
) -> None:
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    settings = RitualSettings.from_options(RITUAL_OPTIONS)
    started = await async_start_ritual(hass, settings, notify=Phones())
    await hass.async_block_till_done()
    assert look(hass, BED)["state"] == "on"
    assert look(hass, KITCHEN)["color_mode"] == "color_temp"

    assert started.player == {"entity_id": PLAYER, "volume_level": 1.0}

    report = await async_end_ritual(
        hass, settings, started.snapshot, player=started.player
    )
    await hass.async_block_till_done()

    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before
    assert look(hass, BED)["state"] == "off"
    assert look(hass, KITCHEN)["hs_color"] == (345, 75)
    # The red rgbww light is red again, in its own mode.
    assert look(hass, LIVING)["rgbww_color"] == (255, 0, 0, 255, 0)
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "paused"
    assert player.attributes["volume_level"] == 1.0  # as loud as before
    assert report.ok
    assert report.missing == []
    assert steps_of(report) == [
        *[("restore_light", entity_id, True, None) for entity_id in LIGHTS],
        ("pause_media", PLAYER, True, None),
        ("restore_volume", PLAYER, True, None),
    ]


async def test_a_paused_player_plays_the_playlist_shuffled(
    hass: HomeAssistant, demo: None
) -> None:
    await hass.services.async_call(
        "media_player", "media_pause", {"entity_id": PLAYER}, blocking=True
    )
    settings = RitualSettings.from_options(RITUAL_OPTIONS)

    report = await async_start_ritual(hass, settings, notify=None)
    await hass.async_block_till_done()

    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "playing"
    assert player.attributes["media_content_id"] == "evening-playlist"
    assert player.attributes["shuffle"] is True
    assert report.ok


async def test_the_player_is_asked_in_order_and_only_for_what_it_can(
    hass: HomeAssistant,
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    async def record(call: ServiceCall) -> None:
        calls.append((call.service, dict(call.data)))

    for service in ("volume_set", "play_media", "shuffle_set", "media_play"):
        hass.services.async_register("media_player", service, record)
    settings = RitualSettings(
        media_player="media_player.speaker",
        media_content_id="evening-playlist",
        volume=0.2,
        shuffle=True,
    )
    can_play_and_shuffle = int(
        MediaPlayerEntityFeature.PLAY | MediaPlayerEntityFeature.SHUFFLE_SET
    )
    hass.states.async_set(
        "media_player.speaker", "paused", {"supported_features": can_play_and_shuffle}
    )

    await async_start_ritual(hass, settings, notify=None)

    speaker = {"entity_id": "media_player.speaker"}
    assert calls == [
        ("volume_set", speaker | {"volume_level": 0.2}),
        (
            "play_media",
            speaker
            | {
                "media_content_id": "evening-playlist",
                "media_content_type": "playlist",
            },
        ),
        ("shuffle_set", speaker | {"shuffle": True}),
        ("media_play", speaker),
    ]

    # A player that can do neither gets neither; without a playlist, no play.
    calls.clear()
    hass.states.async_set("media_player.speaker", "paused", {"supported_features": 0})
    await async_start_ritual(hass, settings, notify=None)
    hass.states.async_set(
        "media_player.speaker", "paused", {"supported_features": can_play_and_shuffle}
    )
    await async_start_ritual(
        hass, replace(settings, media_content_id=None, volume=None), notify=None
    )
    assert [service for service, _ in calls] == [
        "volume_set",
        "play_media",
        "shuffle_set",
    ]


async def test_a_damaged_player_snapshot_still_pauses_the_chosen_player(
    hass: HomeAssistant, demo: None
) -> None:
    settings = RitualSettings(media_player=PLAYER)
    await hass.services.async_call(
        "media_player",
        "volume_set",
        {"entity_id": PLAYER, "volume_level": 0.6},
        blocking=True,
    )

    for damaged in ({"entity_id": 5, "volume_level": True}, ["not", "a", "dict"]):
        report = await async_end_ritual(hass, settings, {}, player=damaged)
        assert steps_of(report) == [("pause_media", PLAYER, True, None)]
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.state == "paused"
    assert player.attributes["volume_level"] == 0.6


async def test_a_stored_snapshot_still_restores_after_a_restart(
    hass: HomeAssistant, demo: None
) -> None:
    # The entrance light starts in white mode, and someone turns it red mid-ritual.
    await hass.services.async_call(
        "light", "turn_on", {"entity_id": ENTRANCE, "white": 150}, blocking=True
    )
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    assert before[ENTRANCE]["color_mode"] == "white"
    settings = RitualSettings.from_options(RITUAL_OPTIONS)
    started = await async_start_ritual(hass, settings, notify=None)
    await hass.services.async_call(
        "light",
        "turn_on",
        {"entity_id": ENTRANCE, "hs_color": (0, 100)},
        blocking=True,
    )

    stored = json.loads(json.dumps(started.snapshot))
    assert stored == started.snapshot
    report = await async_end_ritual(hass, settings, stored)
    await hass.async_block_till_done()

    assert report.ok
    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before


async def test_missing_and_failing_devices_give_a_partial_ritual(
    hass: HomeAssistant, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    hass.states.async_set("light.porch", "unavailable")

    async def speaker_offline(call: ServiceCall) -> None:
        raise HomeAssistantError(
            "The speaker is offline",
            translation_domain="demo",
            translation_key="speaker_offline",
        )

    hass.services.async_register("media_player", "play_media", speaker_offline)
    settings = RitualSettings.from_options(
        RITUAL_OPTIONS | {CONF_RITUAL_LIGHTS: ["light.gone", "light.porch", KITCHEN]}
    )
    phones = Phones(error=RuntimeError("phone unreachable"))

    with caplog.at_level(logging.WARNING):
        report = await async_start_ritual(hass, settings, notify=phones)
    await hass.async_block_till_done()

    assert look(hass, KITCHEN)["brightness"] == RITUAL_BRIGHTNESS
    player = hass.states.get(PLAYER)
    assert player is not None
    assert player.attributes["volume_level"] == 0.3
    assert player.attributes["media_content_id"] == "eyU3bRy2x44"
    assert phones.calls == 1
    assert not report.ok
    assert report.missing == ["light.gone"]
    assert list(report.snapshot) == [KITCHEN]
    assert report.as_dict() == {
        "ok": False,
        "missing": ["light.gone"],
        "steps": [
            {"step": "light", "target": "light.gone", "ok": False, "error": "missing"},
            {
                "step": "light",
                "target": "light.porch",
                "ok": False,
                "error": "unavailable",
            },
            {"step": "light", "target": KITCHEN, "ok": True, "error": None},
            {"step": "volume", "target": PLAYER, "ok": True, "error": None},
            {
                "step": "play_media",
                "target": PLAYER,
                "ok": False,
                "error": "speaker_offline",
            },
            # Shuffled, but not played: it would play what was on before.
            {"step": "shuffle", "target": PLAYER, "ok": True, "error": None},
            {
                "step": "notify",
                "target": "prompt",
                "ok": False,
                "error": "phone unreachable",
            },
        ],
    }
    ritual_logs = [
        r for r in caplog.records if r.name.endswith(".ritual") and "failed" in r.msg
    ]
    assert len(ritual_logs) == 4
    assert all(r.exc_info is None for r in ritual_logs)


async def test_end_reports_what_is_gone_and_restores_the_rest(
    hass: HomeAssistant, demo: None
) -> None:
    settings = RitualSettings.from_options(
        RITUAL_OPTIONS
        | {CONF_RITUAL_LIGHTS: [KITCHEN], CONF_RITUAL_MEDIA_PLAYER: "media_player.gone"}
    )
    started = await async_start_ritual(hass, settings, notify=None)
    assert started.missing == ["media_player.gone"]
    assert steps_of(started) == [
        ("play_media", "media_player.gone", False, "missing"),
        ("light", KITCHEN, True, None),
    ]
    hass.states.async_set("light.porch", "unknown")
    snapshot = started.snapshot | {
        "light.removed": {"state": "on", "brightness": 10},
        "light.porch": {"state": "off"},
    }

    report = await async_end_ritual(hass, settings, snapshot)
    await hass.async_block_till_done()

    assert look(hass, KITCHEN)["brightness"] == 180
    assert look(hass, KITCHEN)["hs_color"] == (345, 75)
    assert report.missing == ["light.removed", "media_player.gone"]
    assert steps_of(report) == [
        ("restore_light", "light.removed", False, "missing"),
        ("restore_light", "light.porch", False, "unknown"),
        ("pause_media", "media_player.gone", False, "missing"),
        ("restore_light", KITCHEN, True, None),
    ]


async def test_shuffle_only_where_the_player_supports_it(
    hass: HomeAssistant, demo: None
) -> None:
    settings = RitualSettings(media_player="media_player.browse", shuffle=True)

    report = await async_start_ritual(hass, settings, notify=None)
    await hass.async_block_till_done()

    assert report.steps == []
    player = hass.states.get("media_player.browse")
    assert player is not None
    assert player.attributes["shuffle"] is False


async def test_unavailable_player_is_skipped(hass: HomeAssistant) -> None:
    calls: list[ServiceCall] = []

    async def play(call: ServiceCall) -> None:
        calls.append(call)

    hass.services.async_register("media_player", "play_media", play)
    hass.states.async_set("media_player.speaker", "unavailable")
    settings = RitualSettings(media_player="media_player.speaker", media_content_id="x")

    report = await async_start_ritual(hass, settings, notify=None)

    assert calls == []
    assert report.missing == []
    assert steps_of(report) == [
        ("play_media", "media_player.speaker", False, "unavailable")
    ]


class Gate:
    """Holds every call until the expected number are in flight together.

    A one-at-a-time engine never fills the gate: its first call runs into the
    engine's own time limit, so the test fails instead of hanging.
    """

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.in_flight: list[str] = []
        self.peak = 0
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._open = asyncio.Event()

    async def hold(self, name: str, data: dict[str, Any] | None = None) -> None:
        self.calls.append((name, data or {}))
        self.in_flight.append(name)
        self.peak = max(self.peak, len(self.in_flight))
        if len(self.in_flight) == self.expected:
            self._open.set()
        await self._open.wait()
        self.in_flight.remove(name)

    def register(self, hass: HomeAssistant, domain: str, service: str) -> None:
        async def handler(call: ServiceCall) -> None:
            await self.hold(f"{domain}.{service}", dict(call.data))

        hass.services.async_register(domain, service, handler)


def by_call(call: tuple[str, dict[str, Any]]) -> tuple[str, str]:
    """Order recorded calls by action, then entity, whatever order they came in."""
    return call[0], str(call[1].get("entity_id"))


async def test_lights_music_and_phones_are_asked_at_once(hass: HomeAssistant) -> None:
    hass.states.async_set("light.one", "off", {"supported_color_modes": ["onoff"]})
    hass.states.async_set(
        "light.two", "off", {"supported_color_modes": ["color_temp", "hs"]}
    )
    hass.states.async_set("media_player.speaker", "idle", {"supported_features": 0})
    gate = Gate(expected=4)
    gate.register(hass, "light", "turn_on")
    gate.register(hass, "media_player", "play_media")
    gate.register(hass, "media_player", "shuffle_set")

    async def phones() -> list[RitualStep]:
        await gate.hold("phones")
        return [RitualStep("notify", "1", ok=True)]

    settings = RitualSettings(
        lights=("light.one", "light.two"),
        media_player="media_player.speaker",
        media_content_id="evening-playlist",
        shuffle=True,
    )

    report = await async_start_ritual(hass, settings, notify=phones)

    assert gate.peak == 4
    assert report.ok
    assert steps_of(report) == [
        ("light", "light.one", True, None),
        ("light", "light.two", True, None),
        ("play_media", "media_player.speaker", True, None),
        ("notify", "1", True, None),
    ]
    # Warm white only where the light has a colour temperature; no shuffle
    # for a player that cannot.
    assert sorted(gate.calls, key=by_call) == [
        (
            "light.turn_on",
            {"entity_id": "light.one", "brightness_pct": 25, "transition": 5},
        ),
        (
            "light.turn_on",
            {
                "entity_id": "light.two",
                "brightness_pct": 25,
                "transition": 5,
                "color_temp_kelvin": 2200,
            },
        ),
        (
            "media_player.play_media",
            {
                "entity_id": "media_player.speaker",
                "media_content_id": "evening-playlist",
                "media_content_type": "playlist",
            },
        ),
        ("phones", {}),
    ]


async def test_end_restores_every_light_and_the_music_at_once(
    hass: HomeAssistant,
) -> None:
    for entity_id in ("light.lamp", "light.strip", "light.spot"):
        hass.states.async_set(entity_id, "on")
    hass.states.async_set("media_player.speaker", "playing")
    gate = Gate(expected=4)
    gate.register(hass, "light", "turn_on")
    gate.register(hass, "light", "turn_off")
    gate.register(hass, "media_player", "media_pause")
    snapshot = {
        "light.lamp": {"state": "off"},
        "light.strip": {
            "state": "on",
            "brightness": 100,
            "color_mode": "xy",
            "xy_color": [0.5, 0.4],
        },
        "light.spot": {"state": "on", "brightness": 30, "color_mode": "brightness"},
    }
    settings = RitualSettings(media_player="media_player.speaker", transition=2)

    report = await async_end_ritual(hass, settings, snapshot)

    assert gate.peak == 4
    assert report.ok
    assert sorted(gate.calls, key=by_call) == [
        ("light.turn_off", {"entity_id": "light.lamp", "transition": 2}),
        (
            "light.turn_on",
            {"entity_id": "light.spot", "brightness": 30, "transition": 2},
        ),
        (
            "light.turn_on",
            {
                "entity_id": "light.strip",
                "brightness": 100,
                "xy_color": [0.5, 0.4],
                "transition": 2,
            },
        ),
        ("media_player.media_pause", {"entity_id": "media_player.speaker"}),
    ]


async def test_a_device_that_never_answers_becomes_a_timeout_step(
    hass: HomeAssistant,
) -> None:
    hass.states.async_set("light.slow", "on", {"supported_color_modes": ["onoff"]})
    hangs = Hangs()

    async def hang(call: ServiceCall) -> None:
        await hangs.hang()

    async def silent_phones() -> list[RitualStep]:
        await hangs.hang()
        return []

    hass.services.async_register("light", "turn_on", hang)
    settings = RitualSettings(lights=("light.slow",))

    report = await finish_past_hangs(
        hass, hangs, async_start_ritual(hass, settings, notify=silent_phones)
    )

    assert steps_of(report) == [
        ("light", "light.slow", False, "timeout"),
        ("notify", "prompt", False, "timeout"),
    ]
    assert report.snapshot == {
        "light.slow": {"state": "on", "brightness": None, "color_mode": None}
    }


async def test_a_service_that_does_not_exist_is_a_failed_step(
    hass: HomeAssistant,
) -> None:
    # The light exists but the light integration behind it has not loaded.
    hass.states.async_set("light.early", "off")

    report = await async_start_ritual(
        hass, RitualSettings(lights=("light.early",)), notify=None
    )

    assert len(report.steps) == 1
    step = report.steps[0]
    assert (step.step, step.target, step.ok) == ("light", "light.early", False)
    assert step.error == "service_not_found"
    assert report.missing == []


async def test_lights_in_listed_areas_join(hass: HomeAssistant, demo: None) -> None:
    areas = ar.async_get(hass)
    living = areas.async_create("Living room")
    office = areas.async_create("Office")
    entities = er.async_get(hass)
    devices = dr.async_get(hass)

    def device_of(entity_id: str) -> str:
        entry = entities.async_get(entity_id)
        assert entry is not None
        assert entry.device_id is not None
        return entry.device_id

    def place(entity_id: str, area_id: str, **changes: Any) -> None:
        # Newer Home Assistant gives an entity its own area only with its own name.
        entities.async_update_entity(entity_id, name=entity_id, **changes)
        entities.async_update_entity(entity_id, area_id=area_id)

    # Kitchen joins through its device, ceiling through its own area.
    devices.async_update_device(device_of(KITCHEN), area_id=living.id)
    place(CEILING, living.id)
    # The office light's device is in the room, but the light itself is not.
    devices.async_update_device(device_of(OFFICE), area_id=living.id)
    place(OFFICE, office.id)
    # A hidden light, a disabled light and a switch in the room stay out.
    place(BED, living.id, hidden_by=er.RegistryEntryHider.USER)
    spare = entities.async_get_or_create(
        "light", "demo", "spare", disabled_by=er.RegistryEntryDisabler.USER
    )
    entities.async_update_entity(spare.entity_id, area_id=living.id)
    switch = entities.async_get_or_create("switch", "demo", "kettle")
    entities.async_update_entity(switch.entity_id, area_id=living.id)
    settings = RitualSettings.from_options(
        {CONF_RITUAL_LIGHTS: ENTRANCE, CONF_RITUAL_AREAS: [living.id, living.id]}
    )

    assert async_resolve_lights(hass, settings) == [ENTRANCE, CEILING, KITCHEN]
    report = await async_start_ritual(hass, settings, notify=None)
    await hass.async_block_till_done()

    assert list(report.snapshot) == [ENTRANCE, CEILING, KITCHEN]
    for entity_id in (ENTRANCE, CEILING, KITCHEN):
        assert look(hass, entity_id)["brightness"] == RITUAL_BRIGHTNESS
    for entity_id in (OFFICE, LIVING):
        assert look(hass, entity_id)["brightness"] == 180
    assert look(hass, BED)["state"] == "off"


async def test_no_prompt_when_the_couple_turned_it_off(hass: HomeAssistant) -> None:
    phones = Phones()
    settings = RitualSettings.from_options({CONF_RITUAL_SEND_PROMPT: False})

    report = await async_start_ritual(hass, settings, notify=phones)

    assert phones.calls == 0
    assert report.steps == []
    assert report.ok


def test_settings_from_options_and_tonights_overrides() -> None:
    defaults = RitualSettings.from_options({})
    assert defaults == RitualSettings(
        lights=(),
        areas=(),
        brightness_pct=25,
        color_temp_kelvin=2200,
        transition=5,
        media_player=None,
        media_content_id=None,
        media_content_type="playlist",
        volume=None,
        shuffle=False,
        send_prompt=True,
        auto_end_minutes=0,
    )
    settings = RitualSettings.from_options(
        {
            CONF_RITUAL_LIGHTS: [CEILING, KITCHEN, CEILING],
            CONF_RITUAL_AREAS: "living_room",
            CONF_RITUAL_BRIGHTNESS: 40.0,
            CONF_RITUAL_COLOR_TEMP: 2700,
            CONF_RITUAL_TRANSITION: 8,
            CONF_RITUAL_MEDIA_PLAYER: "",
            CONF_RITUAL_MEDIA_CONTENT_ID: "spotify:playlist:1",
            CONF_RITUAL_MEDIA_CONTENT_TYPE: "music",
            CONF_RITUAL_VOLUME: "0.4",
            CONF_RITUAL_SHUFFLE: True,
            CONF_RITUAL_SEND_PROMPT: False,
            CONF_RITUAL_AUTO_END: 45,
        }
    )
    assert settings == RitualSettings(
        lights=(CEILING, KITCHEN),
        areas=("living_room",),
        brightness_pct=40,
        color_temp_kelvin=2700,
        transition=8.0,
        media_player=None,
        media_content_id="spotify:playlist:1",
        media_content_type="music",
        volume=0.4,
        shuffle=True,
        send_prompt=False,
        auto_end_minutes=45,
    )

    tonight = settings.with_overrides(brightness_pct=10, volume=0.0)
    assert tonight.brightness_pct == 10
    assert tonight.volume == 0.0
    assert tonight.media_content_id == "spotify:playlist:1"
    assert settings.with_overrides() == settings
    assert settings.with_overrides(
        media_content_id="radio", media_content_type="channel"
    ) == RitualSettings(
        lights=(CEILING, KITCHEN),
        areas=("living_room",),
        brightness_pct=40,
        color_temp_kelvin=2700,
        transition=8.0,
        media_player=None,
        media_content_id="radio",
        media_content_type="channel",
        volume=0.4,
        shuffle=True,
        send_prompt=False,
        auto_end_minutes=45,
    )


def test_settings_round_trip_through_options() -> None:
    """What the options flow shows is what was stored."""
    settings = RitualSettings.from_options(RITUAL_OPTIONS | {CONF_RITUAL_AUTO_END: 20})
    assert RitualSettings.from_options(settings.as_options()) == settings
    assert CONF_RITUAL_VOLUME not in RitualSettings().as_options()
