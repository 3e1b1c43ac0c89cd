"""Binary sensors: a dose day and both answers in for the couple; check-in due."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .const import PARTNER_SLOTS
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.protocol import Phase
from .entity import MicrodoseEntity, PartnerEntity
from .snapshot import CoupleSnapshot

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class CoupleBinaryDescription(BinarySensorEntityDescription):
    """A yes-or-no about the couple, read from the snapshot."""

    is_on_fn: Callable[[CoupleSnapshot], bool]


COUPLE_BINARY_SENSORS: tuple[CoupleBinaryDescription, ...] = (
    CoupleBinaryDescription(
        key="dose_day",
        translation_key="dose_day",
        is_on_fn=lambda snap: snap.phase is Phase.DOSE_DAY,
    ),
    CoupleBinaryDescription(
        key="both_answered",
        translation_key="both_answered",
        is_on_fn=lambda snap: snap.conversation.both_answered,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's binary sensors and each partner's check-in due."""
    coordinator = entry.runtime_data
    entities: list[BinarySensorEntity] = [
        CoupleBinarySensor(coordinator, description)
        for description in COUPLE_BINARY_SENSORS
    ]
    entities.extend(
        CheckInDueSensor(coordinator, "check_in_due", slot) for slot in PARTNER_SLOTS
    )
    async_add_entities(entities)


class CoupleBinarySensor(MicrodoseEntity, BinarySensorEntity):
    """A yes-or-no about the couple's day."""

    entity_description: CoupleBinaryDescription

    def __init__(
        self, coordinator: MicrodoseCoordinator, description: CoupleBinaryDescription
    ) -> None:
        """Describe the sensor."""
        super().__init__(coordinator, description.key)
        self.entity_description = description

    @property
    def is_on(self) -> bool:
        """Return today's answer."""
        return self.entity_description.is_on_fn(self.coordinator.data)


class CheckInDueSensor(PartnerEntity, BinarySensorEntity):
    """On from check-in time until the partner has checked in today."""

    @property
    def is_on(self) -> bool:
        """Return whether the partner's check-in is due."""
        return self.coordinator.data.conversation.partners[self.slot].due
