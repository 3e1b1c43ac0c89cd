"""What a couple's set-up leaves behind: entities on their devices, a live calendar."""

from __future__ import annotations

from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID

CALENDAR = "calendar.alex_sam_protocol"
PAUSED = "switch.alex_sam_protocol_paused"


async def test_every_entity_is_on_its_couples_or_partners_device(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Partner figures sit on the partner's device, the rest on the couple's."""
    entry_id = setup_entry.entry_id
    devices = dr.async_entries_for_config_entry(device_registry, entry_id)
    assert {
        (device.name, identifier)
        for device in devices
        for identifier in device.identifiers
    } == {
        ("Alex & Sam", (DOMAIN, entry_id)),
        ("Alex", (DOMAIN, f"{entry_id}_partner_1")),
        ("Sam", (DOMAIN, f"{entry_id}_partner_2")),
    }
    assert {device.manufacturer for device in devices} == {"Microdose Together"}
    device_names = {device.id: device.name for device in devices}
    entities = er.async_entries_for_config_entry(entity_registry, entry_id)
    assert len(entities) >= 38
    for entity in entities:
        assert entity.unique_id.startswith(f"{entry_id}_")
        if "_partner_1_" in entity.unique_id:
            expected = "Alex"
        elif "_partner_2_" in entity.unique_id:
            expected = "Sam"
        else:
            expected = "Alex & Sam"
        assert device_names.get(entity.device_id) == expected, entity.entity_id
        state = hass.states.get(entity.entity_id)
        assert state is not None, entity.entity_id
        assert state.name.startswith(f"{expected} "), state.name


async def test_the_calendar_follows_a_pause_at_once(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Pausing and resuming show at once as the calendar's current event."""

    def current_event() -> tuple[str, str]:
        state = hass.states.get(CALENDAR)
        assert state is not None
        return state.state, state.attributes["message"]

    assert current_event() == ("on", "Dose day")
    alex = Context(user_id=ALEX_USER_ID)
    for service, expected in (
        ("turn_on", ("on", "Protocol paused")),
        ("turn_off", ("on", "Dose day")),
    ):
        await hass.services.async_call(
            "switch", service, {"entity_id": PAUSED}, blocking=True, context=alex
        )
        await hass.async_block_till_done()
        assert current_event() == expected, service
