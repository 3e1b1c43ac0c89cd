"""Binary sensors: dose day, calm day, both answered; each partner's check-in due."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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

    is_on_fn: Callable[[CoupleSnapshot], bool | None]
    attributes_fn: Callable[[CoupleSnapshot], dict[str, Any]] | None = None


COUPLE_BINARY_SENSORS: tuple[CoupleBinaryDescription, ...] = (
    CoupleBinaryDescription(
        key="dose_day",
        translation_key="dose_day",
        is_on_fn=lambda snap: snap.phase is Phase.DOSE_DAY,
    ),
    CoupleBinaryDescription(
        key="calm_day",
        translation_key="calm_day",
        is_on_fn=lambda snap: snap.calm.calm if snap.calm else None,
        attributes_fn=lambda snap: {
            "reasons": [str(reason) for reason in snap.calm.reasons]
            if snap.calm
            else [],
            "busy_minutes": snap.calm.busy_minutes if snap.calm else None,
            "event_count": snap.calm.event_count if snap.calm else None,
        },
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
    def is_on(self) -> bool | None:
        """Return today's answer (unknown until first decided)."""
        return self.entity_description.is_on_fn(self.coordinator.data)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return reason codes and counts; never an event title."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator.data)


class CheckInDueSensor(PartnerEntity, BinarySensorEntity):
    """On from check-in time until the partner has checked in today."""

    @property
    def is_on(self) -> bool:
        """Return whether the partner's check-in is due."""
        return self.coordinator.data.conversation.partners[self.slot].due
