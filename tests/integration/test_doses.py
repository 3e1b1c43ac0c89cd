"""Logging doses through the guard: buttons, actions, refusals, restarts."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .helpers import state_of


async def _log(hass: HomeAssistant, entry: MockConfigEntry, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        "log_dose",
        {"config_entry_id": entry.entry_id, "partner": 1} | data,
        blocking=True,
        return_response=True,
    )


async def _flush(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    freezer.tick(30)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _stored_doses(hass_storage: dict[str, Any], entry: MockConfigEntry) -> list[Any]:
    stored = hass_storage.get(f"{DOMAIN}.{entry.entry_id}")
    return [] if stored is None else stored["data"].get("doses", [])


async def test_button_logs_once_and_refuses_stacking(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The first press records the starting amount; the second is refused kindly."""
    logged = async_capture_events(hass, f"{DOMAIN}_dose_logged")
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.alex_log_dose"}, blocking=True
    )
    assert state_of(hass, "sensor.alex_last_dose") == "2026-01-05T08:00:00+00:00"
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "1"
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "0"
    assert len(logged) == 1
    assert logged[0].data["partner"] == 1
    assert logged[0].data["partner_name"] == "Alex"
    assert logged[0].data["amount_g"] == 0.1
    assert logged[0].data["form"] == "dried"
    assert logged[0].data["off_protocol"] is False
    event_state = hass.states.get("event.alex_sam_protocol")
    assert event_state is not None
    assert event_state.attributes["event_type"] == "dose_logged"

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.alex_log_dose"}, blocking=True
        )
    assert err.value.translation_key == "dose_refused_already_dosed_today"
    assert "Alex has already logged a dose today" in str(err.value)
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "1"
    assert len(logged) == 1


async def test_refused_dose_stores_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Above the ceiling, or on a rest day: refused, no state and no record."""
    with pytest.raises(ServiceValidationError) as err:
        await _log(hass, setup_entry, amount=0.35)
    assert err.value.translation_key == "dose_refused_above_ceiling"
    assert "0.3 g" in str(err.value)

    freezer.move_to(dt_util.parse_datetime("2026-01-06T09:00:00+02:00"))
    with pytest.raises(ServiceValidationError) as err:
        await _log(hass, setup_entry, partner=2)
    assert err.value.translation_key == "dose_refused_rest_day"
    assert "2026-01-08" in str(err.value)

    await _flush(hass, freezer)
    assert _stored_doses(hass_storage, setup_entry) == []
    assert state_of(hass, "sensor.sam_last_dose") == "unknown"
    assert state_of(hass, "sensor.alex_last_dose") == "unknown"


async def test_acknowledged_dose_is_kept_and_flagged(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """With the acknowledgement the dose is stored and counted as off protocol."""
    freezer.move_to(dt_util.parse_datetime("2026-01-06T09:00:00+02:00"))
    response = await _log(
        hass, setup_entry, partner=2, amount=0.15, acknowledge_off_protocol=True
    )
    assert response["off_protocol"] is True
    assert response["flags"] == ["rest_day"]
    assert state_of(hass, "sensor.sam_off_protocol_doses") == "1"
    assert state_of(hass, "sensor.alex_off_protocol_doses") == "0"

    await _flush(hass, freezer)
    stored = _stored_doses(hass_storage, setup_entry)
    assert len(stored) == 1
    assert stored[0]["id"] == response["dose_id"]
    assert stored[0]["amount_g"] == 0.15


async def test_log_dose_with_time_and_form(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A dose given a past time is logged on that time's day."""
    await _log(
        hass,
        setup_entry,
        partner=2,
        time="2026-01-05T07:15:00",
        amount=0.8,
        form="fresh_truffle",
    )
    assert state_of(hass, "sensor.sam_last_dose") == "2026-01-05T05:15:00+00:00"


async def test_delete_mistaken_dose(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A record can be deleted by id; an unknown id is a clear error."""
    response = await _log(hass, setup_entry)
    await hass.services.async_call(
        DOMAIN,
        "delete_dose",
        {"config_entry_id": setup_entry.entry_id, "dose_id": response["dose_id"]},
        blocking=True,
    )
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"
    assert state_of(hass, "sensor.alex_last_dose") == "unknown"
    # Deleting frees the day again.
    await _log(hass, setup_entry)

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "delete_dose",
            {"config_entry_id": setup_entry.entry_id, "dose_id": "missing"},
            blocking=True,
        )
    assert err.value.translation_key == "dose_not_found"


async def test_restart_keeps_every_record(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Records written before a reload are all there after it."""
    await _log(hass, setup_entry)
    await _log(hass, setup_entry, partner=2)
    before = {
        entity: state_of(hass, entity)
        for entity in ("sensor.alex_last_dose", "sensor.sam_last_dose")
    }
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    after = {entity: state_of(hass, entity) for entity in before}
    assert after == before
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "1"
    with pytest.raises(ServiceValidationError):
        await _log(hass, setup_entry, partner=2)
