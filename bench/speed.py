"""Setting a couple up, and starting the ritual, against Home Assistant's own ways.

Set-up is compared with the `schedule` helper holding as many entities; the
ritual with a script that makes the same calls one after another. Both sides
run in the same process, turn about, so a busy moment hurts both alike.
"""

from __future__ import annotations

import cProfile
import io
from pathlib import Path
import pstats
from typing import Any, Final

from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers.entity_component import DATA_INSTANCES, EntityComponent
from homeassistant.loader import async_get_integration
from homeassistant.setup import async_setup_component

from custom_components.microdose_together import PLATFORMS
from custom_components.microdose_together.const import DOMAIN

from .home import (
    LIGHTS,
    NO_QUIET_HOURS,
    PHONES,
    PLAYER,
    PLAYLIST,
    RITUAL,
    add_couple,
    add_latency,
    add_phones,
    async_set_up,
    couple_entry,
    demo_room,
    ensure,
    entity_ids,
    fresh_home,
    timed_ms,
)
from .results import Runs, pair

# What a lived-in home already runs before ours: every home runs the frontend.
HOME_DOMAINS: Final = (
    "http",
    "frontend",
    "panel_custom",
    "repairs",
    *(str(p) for p in PLATFORMS),
)
DEVICE_SERVICES: Final = (
    ("light", "turn_on"),
    ("light", "turn_off"),
    ("media_player", "volume_set"),
    ("media_player", "play_media"),
    ("media_player", "media_pause"),
    *(("notify", phone.removeprefix("notify.")) for phone in PHONES),
)
RITUAL_BRIGHTNESS: Final = 64  # 25 % of 255, as Home Assistant rounds it
PROMPT_TITLE: Final = "Tonight's prompt"


async def setup_cost(base: Path, runs: Runs) -> dict[str, Any]:
    """Time one couple's entry against `schedule` with as many entities.

    "fresh": a new Home Assistant with only its core, so each side also sets up
    what it depends on (ours: http, the frontend and its panel, repairs).
    "warm": a new Home Assistant in which what a lived-in home already runs
    (http, the frontend, panel_custom, repairs, the entity platforms) is set up
    and both integrations are loaded, so only their own set-up is timed.
    """
    figures: dict[str, Any] = {}
    for variant in ("fresh", "warm"):
        ours: list[float] = []
        theirs: list[float] = []
        count = 0
        for run in range(runs.total):
            warm = variant == "warm"
            ours_ms, count = await _time_couple(base / f"{variant}-ours-{run}", warm)
            theirs_ms = await _time_schedules(
                base / f"{variant}-schedule-{run}", warm, count
            )
            if runs.kept(run):
                ours.append(ours_ms)
                theirs.append(theirs_ms)
        figures[variant] = pair(ours, theirs)
        figures["entities"] = count
    return figures


async def _time_couple(config_dir: Path, warm: bool) -> tuple[float, int]:
    """Return the couple's set-up time and how many entities it registered."""
    async with fresh_home(config_dir) as hass:
        await _prepare(hass, warm=warm)
        couple = await add_couple(hass)
        add_phones(hass, couple)
        entry = couple_entry(hass, couple.data)
        elapsed = await timed_ms(lambda: async_set_up(hass, entry))
        return elapsed, len(entity_ids(hass, entry))


async def _time_schedules(config_dir: Path, warm: bool, count: int) -> float:
    """Return the set-up time of `count` schedule helpers from YAML."""
    async with fresh_home(config_dir) as hass:
        await _prepare(hass, warm=warm)
        config = _schedules(count)
        elapsed = await timed_ms(lambda: _set_up_schedules(hass, config))
        ensure(len(hass.states.async_all("schedule")) == count, "schedules")
        await _remove_schedules(hass)
        return elapsed


async def profile_setup(base: Path, runs: Runs) -> str:
    """Return where the time of the couple's warm set-up goes (cProfile)."""
    profiler = cProfile.Profile()
    for run in range(runs.total):
        async with fresh_home(base / f"profile-{run}") as hass:
            await _prepare(hass, warm=True)
            couple = await add_couple(hass)
            add_phones(hass, couple)
            entry = couple_entry(hass, couple.data)
            if runs.kept(run):
                profiler.enable()
            await async_set_up(hass, entry)
            profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(30)
    return out.getvalue()


async def _prepare(hass: HomeAssistant, *, warm: bool) -> None:
    if not warm:
        return
    for domain in HOME_DOMAINS:
        ensure(await async_setup_component(hass, domain, {}), domain)
    for domain in (DOMAIN, "schedule"):
        await (await async_get_integration(hass, domain)).async_get_component()
    await hass.async_block_till_done()


def _schedules(count: int) -> dict[str, Any]:
    """Return `schedule` YAML with `count` entries, each a weekly hour."""
    hour = [{"from": "07:00:00", "to": "08:00:00"}]
    return {
        "schedule": {
            f"bench_{n}": {"name": f"Bench {n}", "monday": hour} for n in range(count)
        }
    }


async def _set_up_schedules(hass: HomeAssistant, config: dict[str, Any]) -> None:
    ensure(await async_setup_component(hass, "schedule", config), "schedule")
    await hass.async_block_till_done()


async def _remove_schedules(hass: HomeAssistant) -> None:
    """Remove the helpers, which also stops their timers (a stop leaves them)."""
    component: EntityComponent[Any] = hass.data[DATA_INSTANCES]["schedule"]
    for entity in list(component.entities):
        await entity.async_remove()


async def ritual_latency(base: Path, runs: Runs) -> dict[str, Any]:
    """Time `start_ritual` against a script making the same calls in turn.

    Every light, media and phone action waits `runs.latency_s` before it acts,
    as a real device would. The ritual brings tonight's prompt to the phones
    once a day, so each run is a new home's first ritual of the day: both
    phones are reached every time, as the script reaches them.
    """
    ours: list[float] = []
    theirs: list[float] = []
    steps = 0
    for run in range(runs.total):
        async with fresh_home(base / f"ritual-{run}") as hass, demo_room(hass):
            ours_ms, theirs_ms, steps = await _ritual_run(hass, runs.latency_s)
        if runs.kept(run):
            ours.append(ours_ms)
            theirs.append(theirs_ms)
    return {"latency_ms": runs.latency_s * 1000, "steps": steps} | pair(ours, theirs)


async def _ritual_run(
    hass: HomeAssistant, latency_s: float
) -> tuple[float, float, int]:
    """Time one ritual, then the script, in a room set up the same for both."""
    couple = await add_couple(hass)
    ensure(couple.phones == PHONES, f"phones named as expected: {couple.phones}")
    phones = add_phones(hass, couple)
    entry = couple_entry(hass, couple.data, RITUAL | NO_QUIET_HOURS)
    await async_set_up(hass, entry)
    script = {"sequence": _script_steps(hass)}
    ensure(
        await async_setup_component(hass, "script", {"script": {"ritual": script}}),
        "script",
    )
    add_latency(hass, latency_s, DEVICE_SERVICES)
    room = {light: hass.states.get(light) for light in LIGHTS}

    async def start() -> None:
        response = await hass.services.async_call(
            DOMAIN,
            "start_ritual",
            {"config_entry_id": entry.entry_id},
            blocking=True,
            return_response=True,
        )
        ensure(response and response["ok"], f"ritual: {response}")

    async def run_script() -> None:
        await hass.services.async_call("script", "ritual", blocking=True)

    await _reset_player(hass)
    ours_ms = await timed_ms(start)
    _check_room(hass, phones, 1)
    await _call(hass, DOMAIN, "end_ritual", config_entry_id=entry.entry_id)
    ensure(_looks_like(hass, room), "the ritual's end restores the room")

    await _reset_player(hass)
    theirs_ms = await timed_ms(run_script)
    _check_room(hass, phones, 2)
    await _call(hass, "scene", "turn_on", entity_id="scene.before_ritual")
    ensure(_looks_like(hass, room), "the scene restores the room")
    return ours_ms, theirs_ms, len(script["sequence"])


async def _call(hass: HomeAssistant, domain: str, service: str, **data: Any) -> None:
    await hass.services.async_call(domain, service, data, blocking=True)


async def _reset_player(hass: HomeAssistant) -> None:
    """Leave the player loud and on other music, so each run has work to do."""
    await _call(hass, "media_player", "volume_set", entity_id=PLAYER, volume_level=0.8)
    await _call(
        hass,
        "media_player",
        "play_media",
        entity_id=PLAYER,
        media_content_id="morning-news",
        media_content_type="music",
    )


def _script_steps(hass: HomeAssistant) -> list[dict[str, Any]]:
    """Return the ritual as a script: snapshot, each light, volume, play, phones."""
    steps: list[dict[str, Any]] = [
        {
            "action": "scene.create",
            "data": {"scene_id": "before_ritual", "snapshot_entities": list(LIGHTS)},
        }
    ]
    for light in LIGHTS:
        state = hass.states.get(light)
        ensure(state, light)
        data: dict[str, Any] = {"brightness_pct": 25, "transition": 5}
        if state and "color_temp" in state.attributes["supported_color_modes"]:
            data["color_temp_kelvin"] = 2200
        steps.append(
            {"action": "light.turn_on", "target": {"entity_id": light}, "data": data}
        )
    media = {"entity_id": PLAYER}
    steps += [
        {
            "action": "media_player.volume_set",
            "target": media,
            "data": {"volume_level": 0.3},
        },
        {
            "action": "media_player.play_media",
            "target": media,
            "data": {"media_content_id": PLAYLIST, "media_content_type": "playlist"},
        },
    ]
    steps += [
        {
            "action": phone,
            "data": {"title": PROMPT_TITLE, "message": "What did you feel today?"},
        }
        for phone in PHONES
    ]
    return steps


def _check_room(
    hass: HomeAssistant, phones: dict[str, list[ServiceCall]], messages: int
) -> None:
    """Stop unless every light is dim, the playlist plays and both phones heard.

    `messages`: how many each phone should have had, the last being the prompt.
    """
    for light in LIGHTS:
        state = hass.states.get(light)
        ensure(state and state.attributes.get("brightness") == RITUAL_BRIGHTNESS, light)
    player = hass.states.get(PLAYER)
    ensure(player and player.attributes.get("media_content_id") == PLAYLIST, PLAYER)
    ensure(player and player.attributes.get("volume_level") == 0.3, "volume")
    for phone, calls in phones.items():
        ensure(len(calls) == messages, f"{phone} has tonight's prompt")
        ensure(calls[-1].data.get("title") == PROMPT_TITLE, f"{phone}: {calls[-1]}")


def _looks_like(hass: HomeAssistant, room: dict[str, Any]) -> bool:
    """Return whether each light is as it was (state and attributes)."""
    for light, before in room.items():
        now = hass.states.get(light)
        if now is None or before is None:
            return False
        if (now.state, dict(now.attributes)) != (before.state, dict(before.attributes)):
            return False
    return True
