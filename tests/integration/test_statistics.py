"""Mood, connection and stress become long-term statistics in the recorder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
    do_adhoc_statistics,
    statistics_during_period,
)

from custom_components.microdose_together.const import DOMAIN

SCORES = ("sensor.alex_mood", "sensor.alex_connection", "sensor.alex_stress")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Start the recorder before Home Assistant, then load this integration."""


async def test_scores_compile_into_statistics(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The recorder accepts the scores and keeps their five-minute means."""
    start = dt_util.parse_datetime("2026-01-05T10:00:00+00:00")
    assert start is not None
    freezer.move_to(start)
    entry = make_entry()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await hass.services.async_call(
        DOMAIN,
        "check_in",
        {
            "config_entry_id": entry.entry_id,
            "partner": 1,
            "mood": 4,
            "connection": 5,
            "stress": 2,
        },
        blocking=True,
    )
    for entity_id in SCORES:
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.attributes["state_class"] == "measurement"
    await async_wait_recording_done(hass)

    freezer.move_to(start + timedelta(minutes=10))
    do_adhoc_statistics(hass, start=start)
    await async_wait_recording_done(hass)

    stats = await recorder_mock.async_add_executor_job(
        statistics_during_period, hass, start, None, set(SCORES), "5minute"
    )
    means = {entity_id: rows[0]["mean"] for entity_id, rows in stats.items()}
    assert means == {
        "sensor.alex_mood": 4.0,
        "sensor.alex_connection": 5.0,
        "sensor.alex_stress": 2.0,
    }
