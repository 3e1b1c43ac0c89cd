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
import voluptuous as vol

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.record_layout import decode_history

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
    return [] if stored is None else decode_history(stored["data"]).get("doses", [])


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


async def test_a_dose_in_the_future_is_refused_even_acknowledged(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Tomorrow 10:00 is not stored; a phone a few minutes ahead still is."""
    logged = async_capture_events(hass, f"{DOMAIN}_dose_logged")
    for moment in ("2026-01-06T10:00:00+02:00", "2026-01-05T10:05:01+02:00"):
        with pytest.raises(ServiceValidationError) as err:
            await _log(
                hass, setup_entry, partner=2, time=moment, acknowledge_off_protocol=True
            )
        assert err.value.translation_key == "dose_rejected_in_the_future"
        assert "has not come yet" in str(err.value)
    await _flush(hass, freezer)
    assert _stored_doses(hass_storage, setup_entry) == []
    assert state_of(hass, "sensor.sam_last_dose") == "unknown"
    assert logged == []

    await _log(hass, setup_entry, partner=2, time="2026-01-05T10:05:00+02:00")
    assert state_of(hass, "sensor.sam_last_dose") == "2026-01-05T08:05:00+00:00"


@pytest.mark.parametrize(
    ("now", "time", "key", "words"),
    [
        (
            "2026-01-06T09:00:00+02:00",
            "2026-01-05T08:00:00+02:00",
            "dose_refused_already_dosed_yesterday",
            "Alex already logged a dose yesterday",
        ),
        (
            "2026-01-08T09:00:00+02:00",
            "2026-01-07T09:00:00+02:00",
            "dose_refused_rest_day_yesterday",
            "Yesterday was a rest day",
        ),
        (
            "2026-01-08T09:00:00+02:00",
            "2026-01-06T09:00:00+02:00",
            "dose_refused_rest_day_on_date",
            "2026-01-06 is a rest day",
        ),
        (
            "2026-01-07T23:58:00+02:00",
            "2026-01-08T00:01:00+02:00",
            "dose_refused_already_dosed_tomorrow",
            "Alex has already logged a dose for tomorrow",
        ),
        (
            "2026-01-06T23:58:00+02:00",
            "2026-01-07T00:01:00+02:00",
            "dose_refused_rest_day_tomorrow",
            "Tomorrow is a rest day",
        ),
        (
            "2026-02-03T09:00:00+02:00",
            "2026-02-02T09:00:00+02:00",
            "dose_refused_tolerance_break_yesterday",
            "Yesterday was in your tolerance break",
        ),
        (
            "2026-02-04T09:00:00+02:00",
            "2026-02-02T09:00:00+02:00",
            "dose_refused_tolerance_break_on_date",
            "2026-02-02 is in your tolerance break",
        ),
        (
            "2026-01-08T09:00:00+02:00",
            "2026-01-05T09:00:00+02:00",
            "dose_refused_already_dosed_on_date",
            "Alex has already logged a dose on 2026-01-05",
        ),
    ],
)
async def test_a_refusal_about_another_day_names_that_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    now: str,
    time: str,
    key: str,
    words: str,
) -> None:
    """Never "Today is a rest day" for a dose given yesterday's or tomorrow's time."""
    await _log(hass, setup_entry)  # Monday's dose for Alex
    freezer.move_to(dt_util.parse_datetime(now))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    if key == "dose_refused_already_dosed_tomorrow":  # a phone a minute ahead
        await _log(hass, setup_entry, time="2026-01-08T00:00:00+02:00")
    before = setup_entry.runtime_data.stored_for_diagnostics()
    with pytest.raises(ServiceValidationError) as err:
        await _log(hass, setup_entry, time=time)
    assert err.value.translation_key == key
    assert words in str(err.value)
    assert "Today" not in str(err.value)
    assert setup_entry.runtime_data.stored_for_diagnostics() == before


_ACK = {"acknowledge_off_protocol": True}


async def test_a_probable_typo_is_refused_kindly_even_acknowledged(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """50 g dried or 3.5 g fresh truffle is not a microdose: nothing is stored."""
    for amount, form in ((50, "dried"), (0.95, "dried"), (3.5, "fresh_truffle")):
        for ack in (True, False):
            with pytest.raises(ServiceValidationError) as err:
                await _log(
                    hass,
                    setup_entry,
                    amount=amount,
                    form=form,
                    acknowledge_off_protocol=ack,
                )
            assert err.value.translation_key == "dose_rejected_implausible_amount"
            limit = "0.9 g" if form == "dried" else "3 g"
            assert f"more than {limit}" in str(err.value)
            assert "typo" in str(err.value)
    await _flush(hass, freezer)
    assert _stored_doses(hass_storage, setup_entry) == []
    assert state_of(hass, "sensor.alex_last_dose") == "unknown"


async def test_an_acknowledged_dose_above_the_ceiling_carries_a_safety_note(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Kept and flagged; the response calmly says: start low, ask for support."""
    response = await _log(hass, setup_entry, amount=0.9, **_ACK)
    assert response["flags"] == ["above_ceiling"]
    assert response["safety_note_key"] == "above_ceiling"
    note = response["safety_note"]
    assert "start low" in note
    assert "health professional" in note
    assert state_of(hass, "sensor.alex_off_protocol_doses") == "1"

    # A dose flagged for another reason only carries no note.
    plain = await _log(hass, setup_entry, partner=2, amount=0.1)
    assert "safety_note" not in plain
    rest = await _log(hass, setup_entry, partner=2, amount=0.1, **_ACK)
    assert rest["flags"] == ["already_dosed_today"]
    assert "safety_note" not in rest


async def test_the_safety_note_follows_the_language(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """In Finnish the note is Finnish."""
    hass.config.language = "fi"
    response = await _log(hass, setup_entry, amount=2.5, form="fresh_truffle", **_ACK)
    assert response["flags"] == ["above_ceiling"]
    assert "aloita pienestä" in response["safety_note"]


async def test_above_ceiling_names_the_ceiling_of_the_form_taken(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """1.2 g fresh truffle is refused against the 1 g truffle ceiling, not 0.3 g."""
    with pytest.raises(ServiceValidationError) as err:
        await _log(hass, setup_entry, amount=1.2, form="fresh_truffle")
    assert err.value.translation_key == "dose_refused_above_ceiling"
    assert "ceiling of 1 g" in str(err.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("partner", 1.5), ("partner", "2.5"), ("partner", True)],
)
async def test_a_partner_that_is_not_a_whole_slot_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
    field: str,
    value: Any,
) -> None:
    """Partner 1.5 names nobody: refused, not rounded down to Alex."""
    with pytest.raises(vol.Invalid):
        await _log(hass, setup_entry, **{field: value})
    await _flush(hass, freezer)
    assert _stored_doses(hass_storage, setup_entry) == []
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"
