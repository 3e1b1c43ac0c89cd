"""State writes: an update writes only the entities whose shown state changed.

Each write is counted twice: by a spy on the entity's write, and by the event
the state machine fires for it (`state_changed` for a change, `state_reported`
for the same state again; both releases fire one of them for every write).
The calendar is written on every update (entity.py says why).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import (
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    STATE_UNAVAILABLE,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import async_get_platforms
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN, STORAGE_SAVE_DELAY

from .conftest import ALEX_USER_ID
from .helpers import act_as, state_of

CALENDAR = "calendar.alex_sam_protocol"
CHECK_IN_MOVES = {
    "event.alex_sam_conversation",
    "sensor.alex_mood",
    "sensor.alex_connection",
    "sensor.alex_stress",
    "sensor.alex_last_check_in",
    "sensor.alex_check_in_streak",
}
DAY_DEPENDENT = {
    "sensor.alex_sam_phase",
    "sensor.alex_sam_cycle_day",
    "binary_sensor.alex_sam_dose_day",
}


@dataclass
class Writes:
    """What was written, per entity of the couple."""

    ours: set[str]
    written: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    reported: Counter[str] = field(default_factory=Counter)

    @property
    def in_all(self) -> int:
        """Return how many writes reached the state machine."""
        return self.written.total()

    def unchanged(self) -> set[str]:
        """Return the entities written at least once with nothing new."""
        return set(self.reported)


def _ours(hass: HomeAssistant, entry: MockConfigEntry) -> set[str]:
    registry = er.async_get(hass)
    return {
        item.entity_id
        for item in er.async_entries_for_config_entry(registry, entry.entry_id)
    }


def _entities(hass: HomeAssistant) -> list[Entity]:
    return [
        entity
        for platform in async_get_platforms(hass, DOMAIN)
        for entity in platform.entities.values()
    ]


@contextmanager
def counted_writes(hass: HomeAssistant, entry: MockConfigEntry) -> Iterator[Writes]:
    """Count the couple's state writes, by spy and by state machine event."""
    writes = Writes(_ours(hass, entry))
    original = Entity._async_write_ha_state

    def spy(entity: Entity) -> None:
        if entity.entity_id in writes.ours:
            writes.written[entity.entity_id] += 1
        original(entity)

    @callback
    def is_ours(data: Any) -> bool:
        return bool(data["entity_id"] in writes.ours)

    @callback
    def on_changed(event: Event[Any]) -> None:
        writes.changed[event.data["entity_id"]] += 1

    @callback
    def on_reported(event: Event[Any]) -> None:
        writes.reported[event.data["entity_id"]] += 1

    stop = [
        hass.bus.async_listen(EVENT_STATE_CHANGED, on_changed, event_filter=is_ours),
        hass.bus.async_listen(EVENT_STATE_REPORTED, on_reported, event_filter=is_ours),
    ]
    try:
        with patch.object(Entity, "_async_write_ha_state", spy):
            yield writes
    finally:
        for unsubscribe in stop:
            unsubscribe()
    # Every write fired exactly one of the two events, on both releases.
    assert writes.written == writes.changed + writes.reported


async def _settle(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float
) -> None:
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _nothing_stale(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Write every entity again: none may show something new (no skipped change)."""
    with counted_writes(hass, entry) as writes:
        for entity in _entities(hass):
            entity.async_write_ha_state()
        await hass.async_block_till_done()
    assert writes.written.keys() == writes.ours
    assert not writes.changed


async def test_set_up_writes_every_entity(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Each entity's first write, when added, is made: every one has a state."""
    ours = _ours(hass, setup_entry)
    assert len(ours) >= 38
    assert {entity.entity_id for entity in _entities(hass)} == ours
    for entity_id in ours:
        assert state_of(hass, entity_id) != STATE_UNAVAILABLE, entity_id
    await _nothing_stale(hass, setup_entry)


async def test_one_check_in_writes_only_what_it_changed(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A check-in writes its partner's scores and the event; nothing else again."""
    await _settle(hass, dose_day_clock, STORAGE_SAVE_DELAY + 1)
    with counted_writes(hass, setup_entry) as writes:
        await act_as(
            hass,
            ALEX_USER_ID,
            setup_entry,
            "check_in",
            partner=1,
            mood=4,
            connection=4,
            stress=2,
        )
        await _settle(hass, dose_day_clock, 5)  # past the calm-day refresh

    assert set(writes.changed) >= CHECK_IN_MOVES
    assert not any(entity_id.startswith("sensor.sam_") for entity_id in writes.changed)
    # Each changed entity once; the only unchanged write is the calendar's.
    assert set(writes.changed.values()) == {1}
    assert writes.reported == Counter({CALENDAR: 1})
    assert writes.in_all == len(writes.changed) + 1
    assert writes.in_all < len(writes.ours) // 3
    assert state_of(hass, "sensor.alex_mood") == "4"
    await _nothing_stale(hass, setup_entry)


async def test_a_press_is_written_once_by_the_entity_itself(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A button's press and the protocol event are written by themselves, once.

    The coordinator update that follows shows them the same again: no re-write.
    """
    await _settle(hass, dose_day_clock, STORAGE_SAVE_DELAY + 1)
    with counted_writes(hass, setup_entry) as writes:
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.alex_log_dose"}, blocking=True
        )
        await _settle(hass, dose_day_clock, 5)

    assert writes.changed["button.alex_log_dose"] == 1
    assert writes.changed["event.alex_sam_protocol"] == 1
    assert writes.changed["sensor.alex_doses_this_cycle"] == 1
    assert "button.sam_log_dose" not in writes.written
    assert writes.unchanged() <= {CALENDAR}
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "1"
    await _nothing_stale(hass, setup_entry)


async def test_midnight_writes_the_day_dependent_entities(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """At midnight the phase, cycle day and dose day move; scores stay unwritten."""
    await _settle(hass, dose_day_clock, STORAGE_SAVE_DELAY + 1)
    before = {entity_id: state_of(hass, entity_id) for entity_id in DAY_DEPENDENT}
    assert before["binary_sensor.alex_sam_dose_day"] == "on"
    assert before["sensor.alex_sam_cycle_day"] == "1"

    with counted_writes(hass, setup_entry) as writes:
        dose_day_clock.move_to(dt_util.parse_datetime("2026-01-06T00:00:00+02:00"))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
        await _settle(hass, dose_day_clock, 5)  # past the new day's calm verdict

    assert set(writes.changed) >= DAY_DEPENDENT
    assert state_of(hass, "binary_sensor.alex_sam_dose_day") == "off"
    assert state_of(hass, "sensor.alex_sam_cycle_day") == "2"
    assert state_of(hass, "sensor.alex_sam_phase") != before["sensor.alex_sam_phase"]
    assert "sensor.alex_mood" not in writes.written
    assert "switch.alex_sam_protocol_paused" not in writes.written
    assert writes.unchanged() <= {CALENDAR}
    await _nothing_stale(hass, setup_entry)


async def test_unavailable_and_back_are_written(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Losing the data writes every entity unavailable; its return writes them back."""
    await _settle(hass, dose_day_clock, STORAGE_SAVE_DELAY + 1)
    coordinator = setup_entry.runtime_data
    before = {state.entity_id: state for state in hass.states.async_all()}
    ours = _ours(hass, setup_entry)

    with counted_writes(hass, setup_entry) as writes:
        coordinator.async_set_update_error(RuntimeError("store unreadable"))
        await hass.async_block_till_done()
    assert set(writes.changed) == ours
    assert not writes.reported
    for entity_id in ours:
        assert state_of(hass, entity_id) == STATE_UNAVAILABLE, entity_id

    with counted_writes(hass, setup_entry) as writes:
        coordinator.async_set_updated_data(coordinator.data)
        await hass.async_block_till_done()
    assert set(writes.changed) == ours
    assert not writes.reported
    for entity_id in ours:
        back = hass.states.get(entity_id)
        assert back is not None
        assert back.state == before[entity_id].state, entity_id
        assert back.attributes == before[entity_id].attributes, entity_id
    await _nothing_stale(hass, setup_entry)
