"""The ritual: set the room, start or pause the music, send the prompt.

Lights, music and phones are asked at the same time, so the room changes as
one. Each device answers for itself: a missing, unavailable, slow or failing
one becomes a failed step in the report, never an exception, so the rest of
the ritual still happens and the caller can raise a repair issue. What the
room looked like before (room_state.py) is plain JSON so it can be stored and
still restore the room after a restart in the middle of a ritual.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field
import logging
from typing import Any, Final, Literal

from homeassistant.components.light import (
    ATTR_BRIGHTNESS_PCT,
    ATTR_COLOR_TEMP_KELVIN,
    ATTR_TRANSITION,
)
from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.components.media_player.const import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_SHUFFLE,
    ATTR_MEDIA_VOLUME_LEVEL,
    DOMAIN as MEDIA_PLAYER_DOMAIN,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_PLAY,
    SERVICE_SHUFFLE_SET,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_SET,
    STATE_PLAYING,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import HomeAssistant, State, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .home_integrations import (
    ADAPTIVE_LIGHTING_DOMAIN,
    MUSIC_ASSISTANT_DOMAIN,
    SERVICE_MA_PLAY_MEDIA,
    SERVICE_SET_MANUAL_CONTROL,
    async_adaptive_switches,
    async_is_music_assistant,
    manual_control_data,
    music_assistant_play_data,
)
from .ritual_settings import (
    RitualSettings,
)
from .room_state import (
    can_be_warmed,
    restore_call,
    saved_player,
    saved_resume,
    saved_volume,
    snapshot_light,
    snapshot_player,
)

_LOGGER = logging.getLogger(__name__)

DEFAULT_TIMEOUT: Final = 10.0

# Step targets that are not entities.
TARGET_PROMPT: Final = "prompt"

ERROR_MISSING: Final = "missing"
ERROR_TIMEOUT: Final = "timeout"

StepName = Literal[
    "manual_control",
    "light",
    "light_off",
    "volume",
    "play_media",
    "shuffle",
    "play",
    "notify",
    "restore_light",
    "pause_media",
    "resume_media",
    "restore_volume",
    "release_control",
]

# Steps that tell Adaptive Lighting to keep out and come back; they change
# nothing a person sees, so they do not count as the ritual happening.
HANDOVER_STEPS: Final = frozenset({"manual_control", "release_control"})

_UNUSABLE_STATES: Final = frozenset({STATE_UNAVAILABLE, STATE_UNKNOWN})


@dataclass(frozen=True, slots=True)
class RitualStep:
    """One thing the ritual asked of one device, and whether it happened."""

    step: StepName
    target: str
    ok: bool
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the step as plain data for action responses and events."""
        return asdict(self)


@dataclass(slots=True)
class RitualReport:
    """What a start or end of the ritual did, device by device.

    Devices that could not be asked at all (gone, unavailable) come first,
    then the answers in the order lights, music, phones.
    """

    steps: list[RitualStep] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    snapshot: dict[str, dict[str, Any]] = field(default_factory=dict)
    player: dict[str, Any] | None = None
    # Adaptive Lighting switches that took the lights' manual control, and which.
    manual: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Return whether every step happened."""
        return all(step.ok for step in self.steps)

    @property
    def nothing_happened(self) -> bool:
        """Return whether there was something to do and none of it happened."""
        seen = [step for step in self.steps if step.step not in HANDOVER_STEPS]
        return bool(seen) and not any(step.ok for step in seen)

    def as_dict(self) -> dict[str, Any]:
        """Return the steps for an action response; the snapshot stays private."""
        return {
            "ok": self.ok,
            "steps": [step.as_dict() for step in self.steps],
            "missing": list(self.missing),
        }


NotifyCallable = Callable[[], Awaitable[list[RitualStep]]]


async def async_start_ritual(
    hass: HomeAssistant,
    settings: RitualSettings,
    *,
    notify: NotifyCallable | None,
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109 - a limit per device call
) -> RitualReport:
    """Snapshot the lights, then set them, start the music and send the prompt.

    A preset that turns the lights off does so instead of dimming them; one
    that pauses the music pauses a playing player and remembers to resume it.

    Each light, the media player and the phones run side by side; a slow
    device delays only its own step. Lights that Adaptive Lighting manages
    are marked as manually controlled before any of them is dimmed.
    """
    report = RitualReport()
    groups: list[Awaitable[list[RitualStep]]] = []
    dims: list[_Call] = []
    for entity_id in async_resolve_lights(hass, settings):
        if (state := _usable_state(hass, entity_id, "light", report)) is None:
            continue
        report.snapshot[entity_id] = snapshot_light(state)
        if settings.light_mode == "off":
            off = {ATTR_TRANSITION: settings.transition}
            dims.append(
                _Call("light_off", entity_id, LIGHT_DOMAIN, SERVICE_TURN_OFF, off)
            )
            continue
        data: dict[str, Any] = {
            ATTR_BRIGHTNESS_PCT: settings.brightness_pct,
            ATTR_TRANSITION: settings.transition,
        }
        if can_be_warmed(state):
            data[ATTR_COLOR_TEMP_KELVIN] = settings.color_temp_kelvin
        dims.append(_Call("light", entity_id, LIGHT_DOMAIN, SERVICE_TURN_ON, data))
    handover = async_adaptive_switches(hass, (call.entity_id for call in dims))
    groups.append(_hand_over_then_dim(hass, handover, dims, timeout))
    if settings.media_player is not None:
        step: StepName = (
            "play_media" if settings.music_mode == "play" else "pause_media"
        )
        player = _usable_state(hass, settings.media_player, step, report)
        if player is not None and settings.music_mode == "pause":
            playing = player.state == STATE_PLAYING
            report.player = snapshot_player(player, with_volume=False, resume=playing)
            if playing:
                groups.append(
                    _run(
                        hass, [_Call("pause_media", player.entity_id, *_PAUSE)], timeout
                    )
                )
        elif player is not None:
            with_volume = settings.volume is not None
            report.player = snapshot_player(player, with_volume=with_volume)
            music_assistant = async_is_music_assistant(hass, player.entity_id)
            calls = _media_calls(settings, player, music_assistant=music_assistant)
            groups.append(_run(hass, calls, timeout))
    if notify is not None and settings.send_prompt:
        groups.append(_notify(notify, timeout))
    for steps in await asyncio.gather(*groups):
        report.steps.extend(steps)
    report.manual = {
        step.target: handover[step.target]
        for step in report.steps
        if step.step == "manual_control" and step.ok
    }
    return report


async def async_end_ritual(
    hass: HomeAssistant,
    settings: RitualSettings,
    snapshot: Mapping[str, Mapping[str, Any]],
    *,
    player: Mapping[str, Any] | None = None,
    manual: Mapping[str, list[str]] | None = None,
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109 - a limit per device call
) -> RitualReport:
    """Bring every snapshotted light back as it was; pause or resume the music.

    `manual` names the Adaptive Lighting switches the start took the lights
    from; they get them back once the room is restored, so they do not fight
    the restore.

    `player` is what the start kept of the media player: which one it used
    and, if the ritual changed it, the volume to put back after the pause.
    Without it (a snapshot stored by an older version) the chosen player is
    paused and its volume left as it is. A preset that paused the music
    resumes it only if it was playing before.
    """
    report = RitualReport()
    groups: list[Awaitable[list[RitualStep]]] = []
    for entity_id, saved in snapshot.items():
        if _usable_state(hass, entity_id, "restore_light", report) is None:
            continue
        service, data = restore_call(saved)
        data[ATTR_TRANSITION] = settings.transition
        call = _Call("restore_light", entity_id, LIGHT_DOMAIN, service, data)
        groups.append(_run(hass, [call], timeout))
    used = saved_player(player) or settings.media_player
    resume = saved_resume(player)
    step: StepName = "pause_media" if resume is None else "resume_media"
    if (
        used is not None
        and resume is not False
        and _usable_state(hass, used, step, report)
    ):
        if resume:
            calls = [
                _Call("resume_media", used, MEDIA_PLAYER_DOMAIN, SERVICE_MEDIA_PLAY)
            ]
        else:
            calls = [_Call("pause_media", used, *_PAUSE)]
        if (volume := saved_volume(player)) is not None:
            level = {ATTR_MEDIA_VOLUME_LEVEL: volume}
            calls.append(_Call("restore_volume", used, *_VOLUME, level))
        groups.append(_run(hass, calls, timeout))
    for steps in await asyncio.gather(*groups):
        report.steps.extend(steps)
    report.steps.extend(await async_hand_back(hass, manual or {}, timeout))
    return report


async def async_hand_back(
    hass: HomeAssistant,
    manual: Mapping[str, list[str]],
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109 - a limit per device call
) -> list[RitualStep]:
    """Give the lights back to the Adaptive Lighting switches they came from.

    Nothing to do when Adaptive Lighting is gone: it has no lights to take back.
    """
    if not manual or not hass.services.has_service(
        ADAPTIVE_LIGHTING_DOMAIN, SERVICE_SET_MANUAL_CONTROL
    ):
        return []
    calls = [
        _Call(
            "release_control",
            switch,
            ADAPTIVE_LIGHTING_DOMAIN,
            SERVICE_SET_MANUAL_CONTROL,
            manual_control_data(lights, manual=False),
        )
        for switch, lights in manual.items()
    ]
    return await _run(hass, calls, timeout)


async def _hand_over_then_dim(
    hass: HomeAssistant,
    handover: Mapping[str, list[str]],
    dims: list[_Call],
    seconds: float,
) -> list[RitualStep]:
    """Mark Adaptive Lighting's lights as manual, then dim every light at once.

    A failed handover is reported and the lights are dimmed all the same.
    """
    calls = [
        _Call(
            "manual_control",
            switch,
            ADAPTIVE_LIGHTING_DOMAIN,
            SERVICE_SET_MANUAL_CONTROL,
            manual_control_data(lights, manual=True),
        )
        for switch, lights in handover.items()
    ]
    steps = await _run(hass, calls, seconds)
    for dimmed in await asyncio.gather(*(_run(hass, [c], seconds) for c in dims)):
        steps.extend(dimmed)
    return steps


@callback
def async_resolve_lights(hass: HomeAssistant, settings: RitualSettings) -> list[str]:
    """Return the listed lights, then the lights placed in the listed areas.

    A light belongs to an area by its own area or, when it has none, by its
    device's, as when Home Assistant targets an area; hidden, disabled and
    configuration entities stay out, as they do there.
    """
    lights = dict.fromkeys(settings.lights)
    ent_reg = er.async_get(hass)
    dev_reg = dr.async_get(hass)
    for area_id in settings.areas:
        entries = list(er.async_entries_for_area(ent_reg, area_id))
        for device in dr.async_entries_for_area(dev_reg, area_id):
            entries.extend(
                entry
                for entry in er.async_entries_for_device(ent_reg, device.id)
                if entry.area_id is None
            )
        lights.update(
            dict.fromkeys(
                entry.entity_id
                for entry in entries
                if entry.domain == LIGHT_DOMAIN
                and entry.disabled_by is None
                and entry.hidden_by is None
                and entry.entity_category is None
            )
        )
    return list(lights)


@dataclass(frozen=True, slots=True)
class _Call:
    """One action on one entity, named by the ritual step it serves."""

    step: StepName
    entity_id: str
    domain: str
    service: str
    data: dict[str, Any] = field(default_factory=dict)
    # A step that must have happened first (play only what was just given).
    after: StepName | None = None


_PAUSE: Final = (MEDIA_PLAYER_DOMAIN, SERVICE_MEDIA_PAUSE)
_VOLUME: Final = (MEDIA_PLAYER_DOMAIN, SERVICE_VOLUME_SET)


def _media_calls(
    settings: RitualSettings, player: State, *, music_assistant: bool
) -> list[_Call]:
    """Return the player's calls in the order a person would make them.

    The volume first, so the first note is right; then the playlist. Shuffle
    comes after it because many players reset shuffle with a new queue, and
    play last, because a paused player stays paused when given new media.
    Music Assistant takes the playlist through its own action, which replaces
    the queue and starts playing by itself.
    """
    wanted: list[tuple[StepName, str, str, dict[str, Any]]] = []
    if settings.volume is not None:
        volume = {ATTR_MEDIA_VOLUME_LEVEL: settings.volume}
        wanted.append(("volume", MEDIA_PLAYER_DOMAIN, SERVICE_VOLUME_SET, volume))
    features = int(player.attributes.get(ATTR_SUPPORTED_FEATURES, 0))
    content = settings.media_content_id
    if content is not None and music_assistant:
        play = music_assistant_play_data(content, settings.media_content_type)
        wanted.append(
            ("play_media", MUSIC_ASSISTANT_DOMAIN, SERVICE_MA_PLAY_MEDIA, play)
        )
    elif content is not None:
        play = {
            ATTR_MEDIA_CONTENT_ID: content,
            ATTR_MEDIA_CONTENT_TYPE: settings.media_content_type,
        }
        wanted.append(("play_media", MEDIA_PLAYER_DOMAIN, SERVICE_PLAY_MEDIA, play))
    if settings.shuffle and features & MediaPlayerEntityFeature.SHUFFLE_SET:
        shuffle = {ATTR_MEDIA_SHUFFLE: True}
        wanted.append(("shuffle", MEDIA_PLAYER_DOMAIN, SERVICE_SHUFFLE_SET, shuffle))
    if (
        content is not None
        and not music_assistant
        and features & MediaPlayerEntityFeature.PLAY
    ):
        wanted.append(("play", MEDIA_PLAYER_DOMAIN, SERVICE_MEDIA_PLAY, {}))
    return [
        _Call(
            step,
            player.entity_id,
            domain,
            service,
            data,
            after="play_media" if step == "play" else None,
        )
        for step, domain, service, data in wanted
    ]


async def _run(
    hass: HomeAssistant, calls: list[_Call], seconds: float
) -> list[RitualStep]:
    """Make the calls one after another, each waited for within the time limit.

    A call whose `after` step failed is left out: it would act on the wrong
    thing (play what was on before the playlist failed).
    """
    steps: list[RitualStep] = []
    for call in calls:
        if call.after is not None and not any(
            step.ok for step in steps if step.step == call.after
        ):
            continue
        try:
            async with asyncio.timeout(seconds):
                await hass.services.async_call(
                    call.domain,
                    call.service,
                    {ATTR_ENTITY_ID: call.entity_id, **call.data},
                    blocking=True,
                )
        except Exception as err:  # noqa: BLE001 - one device must not stop the rest
            steps.append(_failed(call.step, call.entity_id, _error(err)))
        else:
            steps.append(RitualStep(call.step, call.entity_id, ok=True))
    return steps


async def _notify(notify: NotifyCallable, seconds: float) -> list[RitualStep]:
    """Send the prompt to the phones; a failure is one failed step, not a crash."""
    try:
        async with asyncio.timeout(seconds):
            return await notify()
    except Exception as err:  # noqa: BLE001 - the room still changes without phones
        return [_failed("notify", TARGET_PROMPT, _error(err))]


def _usable_state(
    hass: HomeAssistant, entity_id: str, step: StepName, report: RitualReport
) -> State | None:
    """Return the entity's state, or record why the ritual must skip it."""
    if (state := hass.states.get(entity_id)) is None:
        report.missing.append(entity_id)
        report.steps.append(_failed(step, entity_id, ERROR_MISSING))
        return None
    if state.state in _UNUSABLE_STATES:
        report.steps.append(_failed(step, entity_id, state.state))
        return None
    return state


def _error(err: Exception) -> str:
    """Return a short reason for a failed call.

    Home Assistant's own errors carry a translation key, which stays the same
    across languages and releases; other errors give their message.
    """
    if isinstance(err, TimeoutError):
        return ERROR_TIMEOUT
    if isinstance(err, HomeAssistantError) and err.translation_key:
        return err.translation_key
    return str(err) or type(err).__name__


def _failed(step: StepName, target: str, error: str) -> RitualStep:
    """Log a failed step once, without a traceback, and return it."""
    _LOGGER.warning("Evening ritual: %s for %s failed: %s", step, target, error)
    return RitualStep(step, target, ok=False, error=error)
