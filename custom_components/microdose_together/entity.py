"""Base entity: translated names, one device for the couple and one per partner.

The devices are described once, when the couple is set up (`__init__.py`);
each entity only names the device it belongs to, so adding an entity does not
compare every detail of the device again. Every entity of a couple listens to
the couple's coordinator. An update is written only for the entities whose
shown state changed: one check-in writes the few figures it moved, not all of
the couple's entities again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.components.calendar import CalendarEntity
from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import MicrodoseCoordinator
from .settings import CoupleSettings

MANUFACTURER = "Microdose Together"

# Kinds written on every update even when their state stays the same. A
# calendar's write also refreshes the events shown by subscribed calendar
# cards (newer Home Assistant), and the list of days can change (a day further
# ahead skipped, moved or paused) while the current or next event does not.
WRITTEN_ON_EVERY_UPDATE: tuple[type, ...] = (CalendarEntity,)

type Shown = tuple[Any, ...]


def couple_identifier(entry_id: str) -> tuple[str, str]:
    """Return the identifier of the couple's device."""
    return (DOMAIN, entry_id)


def partner_identifier(entry_id: str, slot: int) -> tuple[str, str]:
    """Return the identifier of one partner's device."""
    return (DOMAIN, f"{entry_id}_partner_{slot}")


def couple_device_info(entry_id: str, settings: CoupleSettings) -> DeviceInfo:
    """Describe the couple's device."""
    return DeviceInfo(
        identifiers={couple_identifier(entry_id)},
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
        identifiers={partner_identifier(entry_id, slot)},
        name=settings.partner(slot).name,
        manufacturer=MANUFACTURER,
        model="Partner",
        entry_type=DeviceEntryType.SERVICE,
    )


def _copied(attributes: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Keep attributes as they are now, as the state machine keeps them."""
    return dict(attributes) if attributes else None


class CoupleCoordinatorEntity(CoordinatorEntity[MicrodoseCoordinator]):
    """Writes a coordinator update only when what the entity shows changed.

    What a write shows (availability, state, attributes, unit, icon, picture,
    features) is remembered at every write, whichever path made it: adding the
    entity, an update, the entity's own write after a press or an event, or a
    timer. An update that would show the same again writes nothing.
    """

    _shown: Shown | None = None  # what the last write showed; None: none yet

    def __init__(self, coordinator: MicrodoseCoordinator) -> None:
        """Listen to the couple's coordinator."""
        super().__init__(coordinator)
        self._on_every_update = isinstance(self, WRITTEN_ON_EVERY_UPDATE)

    def _what_is_shown(self) -> Shown:
        """Return what a state write would show now."""
        if not self.available:
            shown: Shown = (False, None, None, None)
        else:
            state = self.state
            shown = (
                True,
                None if state is None else str(state),
                _copied(self.state_attributes),
                _copied(self.extra_state_attributes),
            )
        return (
            *shown,
            _copied(self.capability_attributes),
            self.unit_of_measurement,
            self.icon,
            self.entity_picture,
            self.supported_features,
        )

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the update, unless the entity would show the same again."""
        if self._on_every_update or self.force_update:
            super()._handle_coordinator_update()
            return
        if self._shown is not None and self._what_is_shown() == self._shown:
            return
        self.async_write_ha_state()

    @callback
    def _async_write_ha_state(self) -> None:
        """Write the state and remember what it shows (every write comes here)."""
        super()._async_write_ha_state()
        if not self._on_every_update:
            self._shown = self._what_is_shown()

    async def async_will_remove_from_hass(self) -> None:
        """Forget the last write: once added again, the first update writes."""
        await super().async_will_remove_from_hass()
        self._shown = None


class MicrodoseEntity(CoupleCoordinatorEntity):
    """An entity on the couple's device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: MicrodoseCoordinator, key: str) -> None:
        """Name the entity by translation key; unique id from the entry id."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self._attr_translation_key = key
        self._attr_unique_id = f"{entry_id}_{key}"
        self._attr_device_info = DeviceInfo(identifiers={couple_identifier(entry_id)})


class PartnerEntity(CoupleCoordinatorEntity):
    """An entity on one partner's device, identified by the partner's slot."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: MicrodoseCoordinator, key: str, slot: int) -> None:
        """Name the entity by translation key; unique id from entry id and slot."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self.slot = slot
        self._attr_translation_key = key
        self._attr_unique_id = f"{entry_id}_partner_{slot}_{key}"
        self._attr_device_info = DeviceInfo(
            identifiers={partner_identifier(entry_id, slot)}
        )
