"""Phones, lights, players and calendars that fail or never answer.

Every outbound call has a time limit. A failing device is logged once per
failed call, reported (in the action's response, the ritual's steps or a repair
issue), and the next normal call works. PHACC's cleanup check fails a test that
leaves a task or timer behind, which proves a call given up on does not linger.

The limits keep their real, generous length: a device that never answers is
passed by moving Home Assistant's clock beyond the limit (see `hangs.py`), so a
busy machine cannot make a healthy call look like a timeout. The clock is not
frozen here, and quiet hours are switched off so the moment the suite runs
cannot matter (equal ends mean no quiet hours).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    async_fire_time_changed,
    mock_integration,
    mock_platform,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.notifications import SEND_TIMEOUT
from custom_components.microdose_together.record_layout import decode_history

from .conftest import PHONE_1, PHONE_2
from .hangs import Hangs, finish_past_hangs
from .helpers import act, async_set_up, state_of

NO_QUIET_HOURS = {"quiet_start": "00:00:00", "quiet_end": "00:00:00"}
FLAKY_PHONE = PHONE_2  # Sam's own phone
FLAKY_LIGHT = "light.flaky"
GOOD_LIGHT = "light.good"
FLAKY_PLAYER = "media_player.flaky"
FLAKY_CALENDAR = "calendar.flaky"
PACKAGE = "custom_components.microdose_together"

MODES = [
    "error",
    "crash",
    "hang",
]


class Device:
    """Answers as told: fine, with an error, with a crash, or never."""

    def __init__(self) -> None:
        """Start working."""
        self.mode = "ok"
        self.calls: list[ServiceCall] = []
        self.hangs = Hangs()

    async def answer(self, call: ServiceCall) -> None:
        """Behave as the test says."""
        self.calls.append(call)
        if self.mode == "error":
            raise HomeAssistantError("the device is unreachable")
        if self.mode == "crash":
            raise RuntimeError("the device's library broke")
        if self.mode == "hang":
            await self.hangs.hang()

    async def finish[T](self, hass: HomeAssistant, awaitable: Awaitable[T]) -> T:
        """Await a call that may reach this device, passing its hangs."""
        return await finish_past_hangs(hass, self.hangs, awaitable)


def _failures(caplog: pytest.LogCaptureFixture, name: str) -> list[str]:
    """Return what this integration logged at warning or above naming `name`."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith(PACKAGE)
        and record.levelno >= logging.WARNING
        and name in record.getMessage()
    ]


# ---- phones -------------------------------------------------------------------


@pytest.fixture
def flaky_phone(hass: HomeAssistant, phones: dict[str, list[ServiceCall]]) -> Device:
    """Sam's phone, which the test makes fail."""
    device = Device()
    hass.services.async_register("notify", FLAKY_PHONE.split(".")[1], device.answer)
    return device


def _with_flaky_sam(make_entry: Callable[..., MockConfigEntry], **options: Any) -> Any:
    return make_entry(options=options)


@pytest.mark.parametrize("mode", MODES)
async def test_a_failing_phone_is_logged_reported_and_survived(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    flaky_phone: Device,
    make_entry: Callable[..., MockConfigEntry],
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    mode: str,
) -> None:
    """Sam's phone fails; Alex's still gets everything and nothing is lost."""
    entry = _with_flaky_sam(make_entry, **NO_QUIET_HOURS)
    await async_set_up(hass, entry)
    flaky_phone.mode = mode

    with pytest.raises(HomeAssistantError) as refused:
        await flaky_phone.finish(hass, act(hass, entry, "request_check_in", partner=2))
    assert refused.value.translation_key == "check_in_not_delivered"
    assert len(_failures(caplog, FLAKY_PHONE)) == 1

    caplog.clear()
    response = await flaky_phone.finish(hass, act(hass, entry, "send_prompt"))
    assert response["phones"] == {"1": "sent", "2": "failed"}
    assert phones[PHONE_1][-1].data["title"] == "Tonight's prompt"
    assert len(_failures(caplog, FLAKY_PHONE)) == 1

    caplog.clear()  # the check-in closes the request: clearing the phone fails
    await flaky_phone.finish(
        hass, act(hass, entry, "check_in", partner=2, mood=3, connection=3, stress=3)
    )
    assert len(_failures(caplog, FLAKY_PHONE)) == 1
    await entry.runtime_data.store.async_flush()
    saved = decode_history(hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"])
    assert [record["partner"] for record in saved["checkins"]["records"]] == [2]
    assert "2:checkin" not in saved["requests"]

    flaky_phone.mode = "ok"
    caplog.clear()
    response = await act(hass, entry, "send_prompt")
    assert response["phones"] == {"1": "sent", "2": "sent"}
    assert flaky_phone.calls[-1].data["title"] == "Tonight's prompt"
    assert _failures(caplog, FLAKY_PHONE) == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_failing_phone_does_not_hold_back_the_morning_messages(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    flaky_phone: Device,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    mode: str,
) -> None:
    """At 07:30 Sam's held message fails; Alex's, held after it, still goes out."""
    entry = _with_flaky_sam(make_entry)
    await async_set_up(hass, entry)
    night = dt_util.parse_datetime("2026-01-05T23:00:00+02:00")
    morning = dt_util.parse_datetime("2026-01-06T07:30:00+02:00")
    assert night is not None
    assert morning is not None
    dose_day_clock.move_to(night)
    await act(hass, entry, "request_check_in", partner=2)
    await act(hass, entry, "request_check_in", partner=1)
    assert phones[PHONE_1] == []
    flaky_phone.mode = mode

    dose_day_clock.move_to(morning)

    async def quiet_hours_end() -> None:
        async_fire_time_changed(hass, morning)
        await hass.async_block_till_done()

    await flaky_phone.finish(hass, quiet_hours_end())

    (question,) = phones[PHONE_1]
    assert question.data["title"] == "Check-in for Alex"
    assert len(_failures(caplog, FLAKY_PHONE)) == 1
    assert entry.runtime_data.stored_for_diagnostics()["held"] == []


async def test_a_timeout_is_named_in_the_log(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    flaky_phone: Device,
    make_entry: Callable[..., MockConfigEntry],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The warning says why the phone was not reached."""
    entry = _with_flaky_sam(make_entry, **NO_QUIET_HOURS)
    await async_set_up(hass, entry)
    flaky_phone.mode = "hang"
    with pytest.raises(HomeAssistantError):
        await flaky_phone.finish(hass, act(hass, entry, "request_check_in", partner=2))
    (warning,) = _failures(caplog, FLAKY_PHONE)
    assert warning.endswith(f"no answer within {SEND_TIMEOUT} s"), warning


# ---- lights and players --------------------------------------------------------


@pytest.fixture
def room(hass: HomeAssistant) -> dict[str, Device]:
    """A good light, a flaky light and a flaky player, without their integrations."""
    devices = {GOOD_LIGHT: Device(), FLAKY_LIGHT: Device(), FLAKY_PLAYER: Device()}
    attributes = {
        "supported_color_modes": ["brightness"],
        "color_mode": "brightness",
        "brightness": 200,
    }
    for light in (GOOD_LIGHT, FLAKY_LIGHT):
        hass.states.async_set(light, "on", attributes)
    hass.states.async_set(FLAKY_PLAYER, "idle", {"supported_features": 0})

    async def light_service(call: ServiceCall) -> None:
        entity_id = call.data["entity_id"]
        await devices[entity_id].answer(call)
        brightness = call.data.get("brightness", 255)
        if "brightness_pct" in call.data:
            brightness = round(call.data["brightness_pct"] * 255 / 100)
        hass.states.async_set(entity_id, "on", attributes | {"brightness": brightness})

    async def player_service(call: ServiceCall) -> None:
        await devices[call.data["entity_id"]].answer(call)

    for service in ("turn_on", "turn_off"):
        hass.services.async_register("light", service, light_service)
    for service in ("volume_set", "play_media", "media_pause"):
        hass.services.async_register("media_player", service, player_service)
    return devices


@pytest.mark.parametrize("mode", ["error", "crash", "hang"])
@pytest.mark.parametrize("failing", [FLAKY_LIGHT, FLAKY_PLAYER])
async def test_a_failing_light_or_player_gives_a_partial_ritual(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    room: dict[str, Device],
    make_entry: Callable[..., MockConfigEntry],
    caplog: pytest.LogCaptureFixture,
    failing: str,
    mode: str,
) -> None:
    """The rest of the room changes; each failed step is logged once and reported."""
    entry = make_entry(
        options=NO_QUIET_HOURS
        | {
            "ritual_lights": [GOOD_LIGHT, FLAKY_LIGHT],
            "ritual_media_player": FLAKY_PLAYER,
            "ritual_media_content_id": "evening-playlist",
            "ritual_volume": 0.3,
        }
    )
    await async_set_up(hass, entry)
    room[failing].mode = mode
    expected_error = {
        "error": "the device is unreachable",
        "crash": "the device's library broke",
        "hang": "timeout",
    }[mode]

    response = await room[failing].finish(hass, act(hass, entry, "start_ritual"))
    assert response["started"] is True
    failed = [step for step in response["steps"] if not step["ok"]]
    assert failed
    assert {step["target"] for step in failed} == {failing}
    assert {step["error"] for step in failed} == {expected_error}
    assert len(_failures(caplog, failing)) == len(failed)
    assert hass.states.get(GOOD_LIGHT).attributes["brightness"] == 64  # 25 %
    assert phones[PHONE_1][-1].data["title"] == "Tonight's prompt"
    assert state_of(hass, "switch.alex_sam_ritual") == "on"

    caplog.clear()
    response = await room[failing].finish(hass, act(hass, entry, "end_ritual"))
    assert response["ended"] is True
    assert hass.states.get(GOOD_LIGHT).attributes["brightness"] == 200
    failed = [step for step in response["steps"] if not step["ok"]]
    assert {step["target"] for step in failed} == {failing}
    assert len(_failures(caplog, failing)) == len(failed)
    assert state_of(hass, "switch.alex_sam_ritual") == "off"

    room[failing].mode = "ok"
    caplog.clear()
    response = await act(hass, entry, "start_ritual")
    assert response["ok"] is True
    assert _failures(caplog, failing) == []
    await act(hass, entry, "end_ritual")


# ---- calendars -------------------------------------------------------------------


async def _feels(hass: HomeAssistant, option: str) -> None:
    """Set "Today feels", which reads the calendars again before it returns."""
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.alex_sam_today_feels", "option": option},
        blocking=True,
    )


class FlakyCalendar(CalendarEntity):
    """A calendar with no events, whose reads the test makes fail."""

    _attr_name = "Flaky"

    def __init__(self) -> None:
        """Start working."""
        self.device = Device()

    @property
    def event(self) -> CalendarEvent | None:
        """Return no current event."""
        return None

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Answer as told."""
        await self.device.answer(ServiceCall(hass, "calendar", "get_events", {}))
        return []


@pytest.fixture
async def calendar(hass: HomeAssistant) -> FlakyCalendar:
    """A real calendar entity that can fail."""
    entity = FlakyCalendar()

    async def setup_platform(
        hass: HomeAssistant,
        config: Any,
        add_entities: AddEntitiesCallback,
        discovery_info: Any = None,
    ) -> None:
        add_entities([entity])

    mock_integration(hass, MockModule("test"))
    mock_platform(
        hass, "test.calendar", MockPlatform(async_setup_platform=setup_platform)
    )
    assert await async_setup_component(
        hass, "calendar", {"calendar": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return entity


@pytest.mark.parametrize(
    "mode",
    [
        "error",
        "crash",
        "hang",
    ],
)
async def test_a_failing_calendar_is_reported_and_the_day_still_decided(
    hass: HomeAssistant,
    phones: Any,
    calendar: FlakyCalendar,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    mode: str,
) -> None:
    """The verdict goes on without the calendar; a repair names it until it is back."""
    entry = make_entry(options=NO_QUIET_HOURS | {"calm_calendars": [FLAKY_CALENDAR]})
    await async_set_up(hass, entry)
    issue_id = f"calendar_unavailable_{entry.entry_id}_{FLAKY_CALENDAR}"
    calendar.device.mode = mode

    await calendar.device.finish(hass, _feels(hass, "not_calm"))
    assert state_of(hass, "binary_sensor.alex_sam_calm_day") == "off"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    calendar.device.mode = "ok"
    await _feels(hass, "automatic")
    assert state_of(hass, "binary_sensor.alex_sam_calm_day") == "on"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


@pytest.mark.parametrize("mode", ["error", "hang"])
async def test_a_failing_calendar_is_logged(
    hass: HomeAssistant,
    phones: Any,
    calendar: FlakyCalendar,
    make_entry: Callable[..., MockConfigEntry],
    caplog: pytest.LogCaptureFixture,
    mode: str,
) -> None:
    """Each failed read leaves one warning naming the calendar."""
    entry = make_entry(options=NO_QUIET_HOURS | {"calm_calendars": [FLAKY_CALENDAR]})
    await async_set_up(hass, entry)
    calendar.device.mode = mode
    caplog.clear()
    await calendar.device.finish(hass, _feels(hass, "calm"))
    assert len(_failures(caplog, FLAKY_CALENDAR)) == 1
