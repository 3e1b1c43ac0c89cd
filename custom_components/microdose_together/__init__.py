"""Microdose Together: a couple's shared microdosing practice in Home Assistant."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .entity import couple_device_info, partner_device_info
from .services import async_setup_services
from .store import CoupleStore

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions once, for every couple."""
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> bool:
    """Load one couple's history and bring up its entities."""
    coordinator = MicrodoseCoordinator(hass, entry)
    await coordinator.async_setup()
    entry.runtime_data = coordinator
    _register_devices(hass, entry)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    return True


async def async_unload_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> bool:
    """Unload the entities and write anything still pending."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.store.async_flush()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> None:
    """Delete the couple's file when the couple is removed."""
    await CoupleStore(hass, entry.entry_id).async_remove()


async def _async_entry_updated(
    hass: HomeAssistant, entry: MicrodoseConfigEntry
) -> None:
    """Apply new names, phones or options by reloading (history is in the store)."""
    await hass.config_entries.async_reload(entry.entry_id)


def _register_devices(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> None:
    """Create the couple's device and one per partner, names kept current."""
    registry = dr.async_get(hass)
    settings = entry.runtime_data.settings
    registry.async_get_or_create(
        config_entry_id=entry.entry_id, **couple_device_info(entry.entry_id, settings)
    )
    for partner in settings.partners:
        registry.async_get_or_create(
            config_entry_id=entry.entry_id,
            **partner_device_info(entry.entry_id, settings, partner.slot),
        )
