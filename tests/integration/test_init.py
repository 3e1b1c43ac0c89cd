"""Setting up and unloading a couple: devices, runtime data, nothing left behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.calm import Override

from .conftest import COUPLE_DATA, PHONE_1, PHONE_2, PRACTICE_OPTIONS


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
    Home Assistant's own files (registries and the like) save a while after a
    change, each with a listener until then: both counts are taken once those
    saves are done, so how long the test took never matters.
    """
    entry = make_entry()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(entry.entry_id)
    await _let_delayed_saves_happen(hass)
    listeners_before = hass.bus.async_listeners()

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    await entry.runtime_data.async_pause()  # leaves a delayed save pending
    assert hass.bus.async_listeners() != listeners_before

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.NOT_LOADED
    assert hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"]["protocol_state"][
        "pauses"
    ], "the pending save was written on unload"
    ours = [
        handle
        for handle in hass.loop._scheduled  # type: ignore[attr-defined]
        if not handle.cancelled() and DOMAIN in repr(handle)
    ]
    assert ours == []
    await _let_delayed_saves_happen(hass)
    assert hass.bus.async_listeners() == listeners_before


async def _let_delayed_saves_happen(hass: HomeAssistant) -> None:
    """Move the clock past every delayed save, so none is left pending."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(hours=1))
    await hass.async_block_till_done()


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


async def test_removing_a_couple_takes_its_repairs_along(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
) -> None:
    """A repair about a couple that no longer exists would only confuse."""
    kept = make_entry()
    removed = make_entry(
        options={"ritual_lights": ["light.gone"], "calm_calendars": ["calendar.gone"]}
    )
    assert await hass.config_entries.async_setup(kept.entry_id)  # sets up both
    await hass.async_block_till_done()
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    await removed.runtime_data.async_set_override(Override.AUTOMATIC)

    def issues_of(entry: MockConfigEntry) -> set[str]:
        return {
            issue_id
            for domain, issue_id in issue_registry.issues
            if domain == DOMAIN and entry.entry_id in issue_id
        }

    assert len(issues_of(removed)) == 2  # the light and the calendar
    await hass.config_entries.async_remove(removed.entry_id)
    await hass.async_block_till_done()
    assert issues_of(removed) == set()


# Saved before partners were users: one notify action per partner.
OLD_DATA: dict[str, Any] = {
    "couple_name": "Alex & Sam",
    "partners": [
        {"name": "Alex", "person": "person.alex", "notify": PHONE_1},
        {"name": "Sam", "person": None, "notify": PHONE_2},
    ],
}


def _old_couple(
    hass: HomeAssistant, unique_id: str | None = None, minor_version: int = 1
) -> MockConfigEntry:
    """A couple saved by 1.1 (or 1.2), identified by the phones' notify actions."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex & Sam",
        unique_id=unique_id or f"{PHONE_1}+{PHONE_2}",
        data=OLD_DATA,
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=minor_version,
    )
    entry.add_to_hass(hass)
    return entry


def _companion_phones(
    hass: HomeAssistant, device_registry: dr.DeviceRegistry
) -> list[str]:
    """Both partners' phones as the companion app registers them."""
    ids = []
    for name in ("Alex phone", "Sam phone"):
        app_id = f"app-{name.split()[0].lower()}"
        app = MockConfigEntry(
            domain="mobile_app", data={"device_name": name, "device_id": app_id}
        )
        app.add_to_hass(hass)
        ids.append(
            device_registry.async_get_or_create(
                config_entry_id=app.entry_id, identifiers={("mobile_app", app_id)}
            ).id
        )
    return ids


def _asked_to_link(hass: HomeAssistant, entry: MockConfigEntry) -> bool:
    """Tell whether the couple has the repair that links partners to users."""
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, f"partners_not_linked_{entry.entry_id}"
    )
    return issue is not None and issue.is_fixable


async def test_an_older_couple_moves_to_phone_devices_then_to_users(
    hass: HomeAssistant,
    phones: Any,
    dose_day_clock: Any,
    device_registry: dr.DeviceRegistry,
) -> None:
    """1.1 couples load, known by their phones' devices, and are asked to link."""
    alex, sam = _companion_phones(hass, device_registry)
    entry = _old_couple(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (1, 3)
    assert entry.unique_id == "+".join(
        sorted([f"mobile_app:{alex}", f"mobile_app:{sam}"])
    )
    assert entry.data == OLD_DATA  # users are linked by the repair, not guessed
    assert dict(entry.options) == PRACTICE_OPTIONS
    assert _asked_to_link(hass, entry)


async def test_a_couple_saved_by_1_2_moves_to_1_3(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """1.2 couples keep their id and data; only the repair links them."""
    entry = _old_couple(hass, unique_id="kept id", minor_version=2)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (1, 3)
    assert entry.unique_id == "kept id"
    assert entry.data == OLD_DATA
    assert _asked_to_link(hass, entry)


async def test_an_older_couple_without_companion_phones_keeps_its_id(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """Notify targets that are not companion-app phones stay known by name."""
    entry = _old_couple(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.minor_version == 3
    assert entry.unique_id == f"{PHONE_1}+{PHONE_2}"


async def test_an_older_couple_with_a_notify_group_is_known_by_its_name(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """A 1.1 couple that chose a notify group keeps it in its id until linked."""
    entry = _old_couple(hass)
    partners = [dict(partner) for partner in OLD_DATA["partners"]]
    partners[1]["notify"] = "notify.family_group"
    hass.config_entries.async_update_entry(
        entry, data={**OLD_DATA, "partners": partners}
    )
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.minor_version == 3
    assert entry.unique_id == f"notify.family_group+{PHONE_1}"
    assert _asked_to_link(hass, entry)


async def test_migration_never_gives_two_couples_one_id(
    hass: HomeAssistant,
    phones: Any,
    dose_day_clock: Any,
    device_registry: dr.DeviceRegistry,
) -> None:
    """If a couple already has the new id, the older one keeps its own."""
    alex, sam = _companion_phones(hass, device_registry)
    new_id = "+".join(sorted([f"mobile_app:{alex}", f"mobile_app:{sam}"]))
    MockConfigEntry(  # a current couple that happens to hold that id
        domain=DOMAIN,
        unique_id=new_id,
        data=COUPLE_DATA,
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=3,
    ).add_to_hass(hass)
    entry = _old_couple(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.minor_version == 3
    assert entry.unique_id == f"{PHONE_1}+{PHONE_2}"


async def test_a_couple_from_a_newer_release_is_not_loaded(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """Going back to an older release never rewrites a newer couple."""
    entry = MockConfigEntry(
        domain=DOMAIN, data=COUPLE_DATA, options=PRACTICE_OPTIONS, version=2
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR
    assert entry.version == 2
    assert not _asked_to_link(hass, entry)


async def test_a_current_couple_is_not_asked_to_link(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Partners set up as users have nothing to link, at this or any later setup."""
    assert not _asked_to_link(hass, setup_entry)
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert not _asked_to_link(hass, setup_entry)
