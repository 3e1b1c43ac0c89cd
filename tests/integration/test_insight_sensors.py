"""Each partner's mood and connection on dose days against rest days, as sensors.

The scenario is the shared one (conftest.eighteen_days): eighteen days of the Fadiman
schedule from Monday 2026-01-05, Alex checking in every day and dosing on each
dose day (mood 4.5 on dose days, 2.5 on rest days: a difference of 2.0 within
[1.3, 2.7]), Sam checking in on three days only and never dosing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from unittest.mock import MagicMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.sensor import ATTR_STATE_CLASS, SensorStateClass
from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together import insight_figures

from .conftest import ALEX_USER_ID, EIGHTEEN_DAYS_NOTE
from .helpers import act_as, state_of

ALEX_MOOD = "sensor.alex_mood_on_dose_days_vs_rest_days"
ALEX_CONNECTION = "sensor.alex_connection_on_dose_days_vs_rest_days"
SAM_MOOD = "sensor.sam_mood_on_dose_days_vs_rest_days"
SAM_CONNECTION = "sensor.sam_connection_on_dose_days_vs_rest_days"
SENSORS = (ALEX_MOOD, ALEX_CONNECTION, SAM_MOOD, SAM_CONNECTION)
ATTRIBUTES = (
    "dose_day_mean",
    "rest_day_mean",
    "interval_low",
    "interval_high",
    "dose_days",
    "rest_days",
)


def _figures(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """Return the sensor's own attributes (the figures behind its state)."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return {name: state.attributes.get(name) for name in ATTRIBUTES}


async def _check_in(hass: HomeAssistant, entry: MockConfigEntry, mood: int) -> None:
    """Check Alex in with a mood; connection and stress stay the same."""
    await act_as(
        hass,
        ALEX_USER_ID,
        entry,
        "check_in",
        partner=1,
        mood=mood,
        connection=4,
        stress=2,
    )


async def _next_day(hass: HomeAssistant, clock: FrozenDateTimeFactory) -> None:
    """Move on one day, past midnight's timer."""
    clock.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


@pytest.fixture
def computed() -> Iterator[MagicMock]:
    """Count how often the whole history's figures are worked out from the sums."""
    with patch.object(
        insight_figures, "work_out", wraps=insight_figures.work_out
    ) as spy:
        yield spy


@pytest.fixture
def scanned() -> Iterator[MagicMock]:
    """Count how often every record is read again to rebuild the sums."""
    with patch.object(
        insight_figures, "full_scan", wraps=insight_figures.full_scan
    ) as spy:
        yield spy


async def test_each_partner_has_both_sensors(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Named on the partner's device; unknown, with no days, before any check-in."""
    registry = er.async_get(hass)
    for slot, name in ((1, "alex"), (2, "sam")):
        for score in ("mood", "connection"):
            unique_id = (
                f"{setup_entry.entry_id}_partner_{slot}_{score}_dose_day_difference"
            )
            entity_id = registry.async_get_entity_id(
                "sensor", "microdose_together", unique_id
            )
            assert entity_id == f"sensor.{name}_{score}_on_dose_days_vs_rest_days"
    for entity_id in SENSORS:
        assert state_of(hass, entity_id) == STATE_UNKNOWN
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.attributes[ATTR_STATE_CLASS] == SensorStateClass.MEASUREMENT
        assert "unit_of_measurement" not in state.attributes
        assert _figures(hass, entity_id) == {
            "dose_day_mean": None,
            "rest_day_mean": None,
            "interval_low": None,
            "interval_high": None,
            "dose_days": 0,
            "rest_days": 0,
        }


async def test_the_difference_after_eighteen_days(
    hass: HomeAssistant, eighteen_days: MockConfigEntry
) -> None:
    """Alex's six dose days against six rest days; Sam has too few days."""
    assert state_of(hass, ALEX_MOOD) == "2.0"
    assert _figures(hass, ALEX_MOOD) == {
        "dose_day_mean": 4.5,
        "rest_day_mean": 2.5,
        "interval_low": 1.3,
        "interval_high": 2.7,
        "dose_days": 6,
        "rest_days": 6,
    }
    # Connection was 4 every day: no difference, and an interval of no width.
    assert state_of(hass, ALEX_CONNECTION) == "0.0"
    assert _figures(hass, ALEX_CONNECTION)["interval_low"] == 0.0
    assert _figures(hass, ALEX_CONNECTION)["interval_high"] == 0.0
    # Sam never dosed: three rest days (moods 4, 3, 2), no dose days.
    assert state_of(hass, SAM_MOOD) == STATE_UNKNOWN
    assert _figures(hass, SAM_MOOD) == {
        "dose_day_mean": None,
        "rest_day_mean": 3.0,
        "interval_low": None,
        "interval_high": None,
        "dose_days": 0,
        "rest_days": 3,
    }
    assert state_of(hass, SAM_CONNECTION) == STATE_UNKNOWN


async def test_a_later_rest_day_moves_the_figure(
    hass: HomeAssistant,
    eighteen_days: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Sunday the 25th is a rest day; a mood of 5 lifts the rest-day mean."""
    for _ in range(3):
        await _next_day(hass, dose_day_clock)
    assert dt_util.now().date().isoformat() == "2026-01-25"
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    assert state_of(hass, ALEX_MOOD) == "2.0"  # a new day alone changes nothing

    await _check_in(hass, eighteen_days, 5)

    # Rest days: 2, 3, 2, 3, 2, 3 and 5 -> 20/7 = 2.857; 4.5 - 2.857 = 1.643.
    assert state_of(hass, ALEX_MOOD) == "1.64"
    figures = _figures(hass, ALEX_MOOD)
    assert figures["rest_day_mean"] == 2.86
    assert figures["rest_days"] == 7
    assert figures["dose_days"] == 6


async def test_worked_out_only_when_a_record_changes(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
    computed: MagicMock,
    scanned: MagicMock,
) -> None:
    """Midnight and an intention rebuild every state, but the figures stay cached.

    Each record is taken into the running sums as it comes: nothing reads the
    whole history again after set-up.
    """
    await _check_in(hass, setup_entry, 4)
    assert computed.call_count == 1  # once for all four sensors

    await _next_day(hass, dose_day_clock)
    await act_as(
        hass,
        ALEX_USER_ID,
        setup_entry,
        "set_intention",
        intention="listen more than we talk",
    )
    await hass.async_block_till_done()
    assert state_of(hass, "text.alex_sam_shared_intention") == (
        "listen more than we talk"
    )
    assert computed.call_count == 1

    await _check_in(hass, setup_entry, 3)
    assert computed.call_count == 2

    dose_day_clock.tick(timedelta(days=2))  # Thursday the 8th, a dose day
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert computed.call_count == 2
    await act_as(hass, ALEX_USER_ID, setup_entry, "log_dose", partner=1)
    assert computed.call_count == 3
    assert scanned.call_count == 0


async def test_no_note_ever_reaches_a_state(
    hass: HomeAssistant, eighteen_days: MockConfigEntry
) -> None:
    """The note planted on the first day is in no state; the figures are numbers."""
    for state in hass.states.async_all():
        assert EIGHTEEN_DAYS_NOTE not in state.state
        assert EIGHTEEN_DAYS_NOTE not in repr(state.attributes)
    for entity_id in SENSORS:
        for value in _figures(hass, entity_id).values():
            assert value is None or isinstance(value, int | float)


async def test_a_deleted_dose_moves_its_day_back_without_a_rescan(
    hass: HomeAssistant, eighteen_days: MockConfigEntry, scanned: MagicMock
) -> None:
    """The first dose deleted: that day is a rest day again, figures as a recount."""
    coordinator = eighteen_days.runtime_data
    first = coordinator.doses.records[0]
    await act_as(hass, ALEX_USER_ID, eighteen_days, "delete_dose", dose_id=first.id)
    await hass.async_block_till_done()
    assert _figures(hass, ALEX_MOOD)["dose_days"] == 5
    # Monday and the Tuesday after it (no longer a day after) are rest days now.
    assert _figures(hass, ALEX_MOOD)["rest_days"] == 8
    assert coordinator.insights == insight_figures.whole_history(
        coordinator.protocol,
        coordinator.conversation.checkins.records,
        coordinator.doses.records,
    )
    assert scanned.call_count == 0
