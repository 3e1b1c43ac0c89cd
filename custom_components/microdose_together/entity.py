"""Base entity: translated names, one device for the couple and one per partner."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import MicrodoseCoordinator
from .settings import CoupleSettings

MANUFACTURER = "Microdose Together"


def couple_device_info(entry_id: str, settings: CoupleSettings) -> DeviceInfo:
    """Describe the couple's device."""
    return DeviceInfo(
        identifiers={(DOMAIN, entry_id)},
        name=settings.couple_name,
        manufacturer=MANUFACTURER,
        model="Couple",
        entry_type=DeviceEntryType.SERVICE,
    )


def partner_device_info(
    entry_id: str, settings: CoupleSettings, slot: int
) -> DeviceInfo:
    """Describe one partner's device (linked to the couple's at set-up)."""
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry_id}_partner_{slot}")},
        name=settings.partner(slot).name,
        manufacturer=MANUFACTURER,
        model="Partner",
        entry_type=DeviceEntryType.SERVICE,
    )


class MicrodoseEntity(CoordinatorEntity[MicrodoseCoordinator]):
    """An entity on the couple's device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: MicrodoseCoordinator, key: str) -> None:
        """Name the entity by translation key; unique id from the entry id."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self._attr_translation_key = key
        self._attr_unique_id = f"{entry_id}_{key}"
        self._attr_device_info = couple_device_info(entry_id, coordinator.settings)


class PartnerEntity(CoordinatorEntity[MicrodoseCoordinator]):
    """An entity on one partner's device, identified by the partner's slot."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: MicrodoseCoordinator, key: str, slot: int) -> None:
        """Name the entity by translation key; unique id from entry id and slot."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self.slot = slot
        self._attr_translation_key = key
        self._attr_unique_id = f"{entry_id}_partner_{slot}_{key}"
        self._attr_device_info = partner_device_info(
            entry_id, coordinator.settings, slot
        )
