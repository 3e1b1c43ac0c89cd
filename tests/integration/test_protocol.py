"""The protocol in Home Assistant: states, midnight, pause, skip, calendar, events."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .helpers import act, async_set_up, state_of

# Fadiman from Monday 2026-01-05 with a 4+2 cycle (written out by hand).
FIRST_CYCLE_DOSE_DAYS = [
    "2026-01-05",
    "2026-01-08",
    "2026-01-11",
    "2026-01-14",
    "2026-01-17",
    "2026-01-20",
    "2026-01-23",
    "2026-01-26",
    "2026-01-29",
    "2026-02-01",
]


async def _midnight(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, day: str
) -> None:
    moment = dt_util.parse_datetime(f"{day}T00:00:00").replace(
        tzinfo=dt_util.get_default_time_zone()
    )
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def test_states_on_the_first_dose_day(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Day one of the first cycle is a dose day with nothing logged yet."""
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-05"
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "1"
    assert state_of(hass, "sensor.alex_sam_break_ends") == "unknown"
    assert state_of(hass, "binary_sensor.alex_sam_dose_day") == "on"
    assert state_of(hass, "switch.alex_sam_protocol_paused") == "off"
    assert state_of(hass, "sensor.alex_last_dose") == "unknown"
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "0"
    assert state_of(hass, "sensor.sam_off_protocol_doses") == "0"
    phase = hass.states.get("sensor.alex_sam_phase")
    assert phase is not None
    assert phase.attributes["options"] == [
        "dose_day",
        "rest_day",
        "tolerance_break",
        "paused",
    ]


async def test_midnight_rollover_and_day_events(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """States change exactly at local midnight; the day's events are fired."""
    started = async_capture_events(hass, f"{DOMAIN}_dose_day_started")
    breaks = async_capture_events(hass, f"{DOMAIN}_break_started")
    ended = async_capture_events(hass, f"{DOMAIN}_break_ended")

    freezer.move_to(dt_util.parse_datetime("2026-01-05T23:59:59+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"

    await _midnight(hass, freezer, "2026-01-06")
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-08"
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "2"
    assert state_of(hass, "binary_sensor.alex_sam_dose_day") == "off"
    assert started == []

    await _midnight(hass, freezer, "2026-01-08")
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    assert [event.data["date"] for event in started] == ["2026-01-08"]

    await _midnight(hass, freezer, "2026-02-02")
    assert state_of(hass, "sensor.alex_sam_phase") == "tolerance_break"
    assert state_of(hass, "sensor.alex_sam_break_ends") == "2026-02-16"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-02-16"
    assert [event.data["ends"] for event in breaks] == ["2026-02-16"]
    assert ended == []

    await _midnight(hass, freezer, "2026-02-16")
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "1"
    assert len(ended) == 1
    assert ended[0].data["config_entry_id"] == setup_entry.entry_id
    event_state = hass.states.get("event.alex_sam_protocol")
    assert event_state is not None
    assert event_state.attributes["event_type"] == "dose_day_started"


async def test_pause_and_resume(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """One tap pauses everything; paused days push later dose days back."""
    await hass.services.async_call(
        "switch",
        "turn_on",
        {"entity_id": "switch.alex_sam_protocol_paused"},
        blocking=True,
    )
    assert state_of(hass, "sensor.alex_sam_phase") == "paused"
    assert state_of(hass, "binary_sensor.alex_sam_dose_day") == "off"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "unknown"

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "pause_protocol",
            {"config_entry_id": setup_entry.entry_id},
            blocking=True,
        )
    assert err.value.translation_key == "already_paused"

    # Paused on 5th and 6th; back on the 7th, which takes the place of the 5th.
    await _midnight(hass, freezer, "2026-01-07")
    assert state_of(hass, "sensor.alex_sam_phase") == "paused"
    await hass.services.async_call(
        DOMAIN,
        "resume_protocol",
        {"config_entry_id": setup_entry.entry_id},
        blocking=True,
    )
    assert state_of(hass, "switch.alex_sam_protocol_paused") == "off"
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "1"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-07"

    # Turning the switch off again changes nothing; the action says why.
    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": "switch.alex_sam_protocol_paused"},
        blocking=True,
    )
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "resume_protocol",
            {"config_entry_id": setup_entry.entry_id},
            blocking=True,
        )
    assert err.value.translation_key == "not_paused"


async def test_a_pause_after_a_logged_dose_begins_tomorrow(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Today's dose stays on a dose day: the schedule counts it, nothing stacks."""
    await act(hass, setup_entry, "log_dose", partner=1)
    await hass.services.async_call(
        "switch",
        "turn_on",
        {"entity_id": "switch.alex_sam_protocol_paused"},
        blocking=True,
    )
    assert state_of(hass, "switch.alex_sam_protocol_paused") == "on"
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"  # as it was dosed
    assert setup_entry.runtime_data.protocol.paused_on(date(2026, 1, 6))

    await _midnight(hass, freezer, "2026-01-06")
    assert state_of(hass, "sensor.alex_sam_phase") == "paused"
    # Back on the 8th: the 5th was cycle day 1, so the 8th is day 2, a rest day.
    await _midnight(hass, freezer, "2026-01-08")
    await act(hass, setup_entry, "resume_protocol")
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "2"
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"


async def test_pausing_and_resuming_on_a_dosed_day_leaves_no_pause(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Changing one's mind the same day undoes the pause completely."""
    before = setup_entry.runtime_data.protocol
    await act(hass, setup_entry, "log_dose", partner=2)
    await act(hass, setup_entry, "pause_protocol")
    await act(hass, setup_entry, "resume_protocol")
    assert state_of(hass, "switch.alex_sam_protocol_paused") == "off"
    assert setup_entry.runtime_data.protocol.pauses == before.pauses


async def test_skip_dose_day(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """Skipping today's dose makes it a rest day; a rest day cannot be skipped."""
    await hass.services.async_call(
        DOMAIN,
        "skip_dose_day",
        {"config_entry_id": setup_entry.entry_id},
        blocking=True,
    )
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-08"

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "skip_dose_day",
            {"config_entry_id": setup_entry.entry_id, "date": "2026-01-09"},
            blocking=True,
        )
    assert err.value.translation_key == "skip_not_a_dose_day"
    assert "2026-01-09 is not a dose day, so there is nothing to skip" in str(err.value)


async def test_skip_is_refused_once_a_partner_dosed_that_day(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """After Alex's dose, skipping today would refuse Sam's: refused, nothing moves."""
    await act(hass, setup_entry, "log_dose", partner=1)
    before = setup_entry.runtime_data.stored_for_diagnostics()
    for data in ({}, {"date": "2026-01-05"}):
        with pytest.raises(ServiceValidationError) as err:
            await act(hass, setup_entry, "skip_dose_day", **data)
        assert err.value.translation_key == "skip_already_dosed"
        assert "already recorded on 2026-01-05" in str(err.value)
    assert setup_entry.runtime_data.stored_for_diagnostics() == before
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    # Sam's dose still goes through the guard as on any dose day.
    response = await act(hass, setup_entry, "log_dose", partner=2)
    assert response["flags"] == []
    # Another dose day, with no dose yet, can still be skipped ahead of time.
    await act(hass, setup_entry, "skip_dose_day", date="2026-01-08")
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-11"


async def test_postpone_on_a_rest_day_has_its_own_words(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Not the skip text: there is no dose to move, and when the next one is."""
    freezer.move_to(dt_util.parse_datetime("2026-01-06T09:00:00+02:00"))
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, setup_entry, "postpone_dose_day")
    assert err.value.translation_key == "not_a_dose_day"
    text = str(err.value)
    assert "nothing to skip" not in text
    assert "no dose to move" in text
    assert "the next dose day is 2026-01-08" in text


async def test_next_dose_moves_on_once_both_partners_dosed(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Today is the next dose day until both have taken it; then the next one."""
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-05"
    await act(hass, setup_entry, "log_dose", partner=1)
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-05"
    # What the refusals say agrees: Alex's next is Thursday, Sam's is today.
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, setup_entry, "log_dose", partner=1)
    assert "the next dose day is 2026-01-08" in str(err.value)
    with pytest.raises(ServiceValidationError) as err:
        await act(
            hass, setup_entry, "log_dose", partner=2, time="2026-01-04T09:00:00+02:00"
        )
    assert "the next dose day is 2026-01-05" in str(err.value)

    await act(hass, setup_entry, "log_dose", partner=2)
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-08"
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"


async def test_calendar_lists_the_core_dose_days(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The calendar shows each dose day and the break as one event."""
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {
            "entity_id": "calendar.alex_sam_protocol",
            "start_date_time": "2026-01-01T00:00:00+02:00",
            "end_date_time": "2026-02-20T00:00:00+02:00",
        },
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events: list[dict[str, Any]] = response["calendar.alex_sam_protocol"]["events"]
    dose_days = [e["start"] for e in events if e["summary"] == "Dose day"]
    assert dose_days == [*FIRST_CYCLE_DOSE_DAYS, "2026-02-16", "2026-02-19"]
    breaks = [e for e in events if e["summary"] == "Tolerance break"]
    assert [(e["start"], e["end"]) for e in breaks] == [("2026-02-02", "2026-02-16")]
    protocol = setup_entry.runtime_data.protocol
    core_days = protocol.dose_days(date(2026, 1, 1), date(2026, 2, 19))
    assert dose_days == [day.isoformat() for day in core_days]

    calendar = hass.states.get("calendar.alex_sam_protocol")
    assert calendar is not None
    assert calendar.state == "on"
    assert calendar.attributes["message"] == "Dose day"


async def test_paused_days_show_in_the_calendar(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A pause is one calendar event from its first day."""
    await setup_entry.runtime_data.async_pause()
    await _midnight(hass, freezer, "2026-01-08")
    await setup_entry.runtime_data.async_resume()
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {
            "entity_id": "calendar.alex_sam_protocol",
            "start_date_time": "2026-01-05T00:00:00+02:00",
            "duration": {"days": 6},
        },
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events = response["calendar.alex_sam_protocol"]["events"]
    assert [(e["summary"], e["start"], e["end"]) for e in events] == [
        ("Protocol paused", "2026-01-05", "2026-01-08"),
        ("Dose day", "2026-01-08", "2026-01-09"),
    ]


async def test_options_change_applies_without_restart(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A gentler schedule chosen in the options shows at once."""
    await _midnight(hass, freezer, "2026-01-06")
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    result = await hass.config_entries.options.async_init(setup_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "protocol"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "weekdays", "weeks_on": 4, "weeks_off": 2}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"weekdays": ["1"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-06"
    next_week = (date(2026, 1, 6) + timedelta(days=7)).isoformat()
    await _midnight(hass, freezer, "2026-01-07")
    assert state_of(hass, "sensor.alex_sam_next_dose") == next_week


async def test_unknown_couple_is_a_clear_error(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An action naming no couple of ours is refused with the id."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "pause_protocol", {"config_entry_id": "nope"}, blocking=True
        )
    assert err.value.translation_key == "entry_not_found"
    await hass.config_entries.async_unload(setup_entry.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "pause_protocol",
            {"config_entry_id": setup_entry.entry_id},
            blocking=True,
        )
    assert err.value.translation_key == "entry_not_loaded"


@pytest.mark.parametrize(
    ("time_zone", "change_day"),
    [
        ("Europe/Helsinki", "2026-03-29"),  # 03:00 becomes 04:00
        ("Europe/Helsinki", "2026-10-25"),  # 04:00 becomes 03:00
        ("America/New_York", "2026-03-08"),  # 02:00 becomes 03:00
        ("America/New_York", "2026-11-01"),  # 02:00 becomes 01:00
    ],
)
async def test_daylight_saving_change_moves_no_dose_day(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Any,
    freezer: FrozenDateTimeFactory,
    time_zone: str,
    change_day: str,
) -> None:
    """Hour by hour over a clock change: each dose day starts once, at midnight."""
    await hass.config.async_set_time_zone(time_zone)
    zone = dt_util.get_default_time_zone()
    change = date.fromisoformat(change_day)
    first = change - timedelta(days=2)
    freezer.move_to(datetime.combine(first, time(12), zone))
    entry = make_entry(
        options={"preset": "every_other_day", "start_date": first.isoformat()}
    )
    await async_set_up(hass, entry)
    started = async_capture_events(hass, f"{DOMAIN}_dose_day_started")

    seen: dict[date, str] = {}
    moment = datetime.combine(first, time(12), zone).astimezone(dt_util.UTC)
    end = datetime.combine(change + timedelta(days=3), time(12), zone)
    while moment < end:
        moment += timedelta(hours=1)
        freezer.move_to(moment)
        async_fire_time_changed(hass, moment)
        await hass.async_block_till_done()
        local = dt_util.as_local(moment)
        phase = state_of(hass, "sensor.alex_sam_phase")
        assert seen.setdefault(local.date(), phase) == phase, local

    expected = [change, change + timedelta(days=2)]
    assert [date.fromisoformat(e.data["date"]) for e in started] == expected
    dose_days = [day for day, phase in seen.items() if phase == "dose_day"]
    assert dose_days == [first, *expected]
    assert [e.time_fired.astimezone(zone).time() for e in started] == [time(0)] * 2


async def test_pause_switch_both_ways(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The switch pauses and resumes the protocol like the actions do."""
    for service, phase in (("turn_on", "paused"), ("turn_off", "dose_day")):
        await hass.services.async_call(
            "switch",
            service,
            {"entity_id": "switch.alex_sam_protocol_paused"},
            blocking=True,
        )
        assert state_of(hass, "sensor.alex_sam_phase") == phase
