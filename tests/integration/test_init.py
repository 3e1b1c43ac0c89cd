"""Setting up and unloading a couple: devices, runtime data, nothing left behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.const import DOMAIN


async def test_devices_for_couple_and_partners(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """One device for the couple and one per partner, linked to it."""
    devices = dr.async_entries_for_config_entry(device_registry, setup_entry.entry_id)
    by_name = {device.name: device for device in devices}
    assert set(by_name) == {"Alex & Sam", "Alex", "Sam"}
    couple = by_name["Alex & Sam"]
    assert couple.identifiers == {(DOMAIN, setup_entry.entry_id)}
    assert by_name["Alex"].via_device_id == couple.id
    assert by_name["Sam"].identifiers == {(DOMAIN, f"{setup_entry.entry_id}_partner_2")}


async def test_unload_leaves_nothing_behind(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    hass_storage: dict[str, Any],
) -> None:
    """Each load and unload leaves no bus listeners and no timers of ours.

    The first round loads Home Assistant's own platforms, which stay; after
    it, a full round with a pending save must end exactly where it began.
    """
    entry = make_entry()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    listeners_before = hass.bus.async_listeners()

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    await entry.runtime_data.async_pause()  # leaves a delayed save pending
    assert hass.bus.async_listeners() != listeners_before

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.NOT_LOADED
    assert hass.bus.async_listeners() == listeners_before
    assert hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"]["protocol_state"][
        "pauses"
    ], "the pending save was written on unload"
    ours = [
        handle
        for handle in hass.loop._scheduled  # type: ignore[attr-defined]
        if not handle.cancelled() and DOMAIN in repr(handle)
    ]
    assert ours == []


async def test_removing_the_couple_deletes_its_file(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """The store goes with the entry."""
    key = f"{DOMAIN}.{setup_entry.entry_id}"
    await setup_entry.runtime_data.async_pause()
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    assert key in hass_storage
    await hass.config_entries.async_remove(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert key not in hass_storage
