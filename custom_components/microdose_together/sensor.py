"""Sensors: today's phase and schedule for the couple, dose figures per partner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .const import PARTNER_SLOTS
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.protocol import Phase
from .entity import MicrodoseEntity, PartnerEntity
from .snapshot import CoupleSnapshot, PartnerSnapshot

PARALLEL_UPDATES = 0

type StateValue = str | int | date | datetime | None


@dataclass(frozen=True, kw_only=True)
class CoupleSensorDescription(SensorEntityDescription):
    """A couple sensor and how to read it from the snapshot."""

    value_fn: Callable[[CoupleSnapshot], StateValue]


@dataclass(frozen=True, kw_only=True)
class PartnerSensorDescription(SensorEntityDescription):
    """A partner sensor and how to read it from the partner's snapshot."""

    value_fn: Callable[[PartnerSnapshot], StateValue]


COUPLE_SENSORS: tuple[CoupleSensorDescription, ...] = (
    CoupleSensorDescription(
        key="phase",
        translation_key="phase",
        device_class=SensorDeviceClass.ENUM,
        options=[phase.value for phase in Phase],
        value_fn=lambda snap: snap.phase.value,
    ),
    CoupleSensorDescription(
        key="next_dose",
        translation_key="next_dose",
        device_class=SensorDeviceClass.DATE,
        value_fn=lambda snap: snap.next_dose,
    ),
    CoupleSensorDescription(
        key="cycle_day",
        translation_key="cycle_day",
        value_fn=lambda snap: snap.position.day if snap.position else None,
    ),
    CoupleSensorDescription(
        key="break_ends",
        translation_key="break_ends",
        device_class=SensorDeviceClass.DATE,
        value_fn=lambda snap: snap.break_end,
    ),
)

PARTNER_SENSORS: tuple[PartnerSensorDescription, ...] = (
    PartnerSensorDescription(
        key="last_dose",
        translation_key="last_dose",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda partner: partner.last_dose,
    ),
    PartnerSensorDescription(
        key="doses_this_cycle",
        translation_key="doses_this_cycle",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda partner: partner.doses_this_cycle,
    ),
    PartnerSensorDescription(
        key="off_protocol_doses",
        translation_key="off_protocol_doses",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda partner: partner.off_protocol_doses,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's and both partners' sensors."""
    coordinator = entry.runtime_data
    entities: list[SensorEntity] = [
        CoupleSensor(coordinator, description) for description in COUPLE_SENSORS
    ]
    entities.extend(
        PartnerSensor(coordinator, description, slot)
        for slot in PARTNER_SLOTS
        for description in PARTNER_SENSORS
    )
    async_add_entities(entities)


class CoupleSensor(MicrodoseEntity, SensorEntity):
    """A figure about the couple's schedule."""

    entity_description: CoupleSensorDescription

    def __init__(
        self, coordinator: MicrodoseCoordinator, description: CoupleSensorDescription
    ) -> None:
        """Describe the sensor."""
        super().__init__(coordinator, description.key)
        self.entity_description = description

    @property
    def native_value(self) -> StateValue:
        """Return today's value."""
        return self.entity_description.value_fn(self.coordinator.data)


class PartnerSensor(PartnerEntity, SensorEntity):
    """A figure about one partner's doses."""

    entity_description: PartnerSensorDescription

    def __init__(
        self,
        coordinator: MicrodoseCoordinator,
        description: PartnerSensorDescription,
        slot: int,
    ) -> None:
        """Describe the sensor for one partner."""
        super().__init__(coordinator, description.key, slot)
        self.entity_description = description

    @property
    def native_value(self) -> StateValue:
        """Return the partner's value."""
        return self.entity_description.value_fn(
            self.coordinator.data.partners[self.slot]
        )
