"""Sensors: the schedule and prompt, each partner's doses, check-ins and figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

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
from .core.insights import Category, rounded
from .core.protocol import Phase
from .entity import MicrodoseEntity, PartnerEntity
from .snapshot import CoupleSnapshot

PARALLEL_UPDATES = 0

type StateValue = str | int | date | datetime | None


@dataclass(frozen=True, kw_only=True)
class CoupleSensorDescription(SensorEntityDescription):
    """A couple sensor and how to read it from the snapshot."""

    value_fn: Callable[[CoupleSnapshot], StateValue]
    attributes_fn: Callable[[CoupleSnapshot], dict[str, Any]] | None = None


@dataclass(frozen=True, kw_only=True)
class PartnerSensorDescription(SensorEntityDescription):
    """A partner sensor and how to read it from the partner's snapshot."""

    value_fn: Callable[[CoupleSnapshot, int], StateValue]


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
    CoupleSensorDescription(
        key="ritual_started",
        translation_key="ritual_started",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda snap: snap.ritual_started,
    ),
    CoupleSensorDescription(
        key="prompt",
        translation_key="prompt",
        value_fn=lambda snap: _short(snap.conversation.prompt_text),
        attributes_fn=lambda snap: {
            "prompt_id": snap.conversation.prompt_id,
            "theme": snap.conversation.prompt_theme,
        },
    ),
)


def _score_reader(score: str) -> Callable[[CoupleSnapshot, int], StateValue]:
    """Read one check-in score (1-5) of a partner's latest check-in."""

    def _read(snap: CoupleSnapshot, slot: int) -> StateValue:
        value: int | None = getattr(snap.conversation.partners[slot], score)
        return value

    return _read


PARTNER_SENSORS: tuple[PartnerSensorDescription, ...] = (
    PartnerSensorDescription(
        key="last_dose",
        translation_key="last_dose",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda snap, slot: snap.partners[slot].last_dose,
    ),
    PartnerSensorDescription(
        key="doses_this_cycle",
        translation_key="doses_this_cycle",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda snap, slot: snap.partners[slot].doses_this_cycle,
    ),
    PartnerSensorDescription(
        key="off_protocol_doses",
        translation_key="off_protocol_doses",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda snap, slot: snap.partners[slot].off_protocol_doses,
    ),
    *(
        PartnerSensorDescription(
            key=score,
            translation_key=score,
            state_class=SensorStateClass.MEASUREMENT,
            value_fn=_score_reader(score),
        )
        for score in ("mood", "connection", "stress")
    ),
    PartnerSensorDescription(
        key="last_check_in",
        translation_key="last_check_in",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda snap, slot: snap.conversation.partners[slot].last_check_in,
    ),
    PartnerSensorDescription(
        key="check_in_streak",
        translation_key="check_in_streak",
        value_fn=lambda snap, slot: snap.conversation.partners[slot].streak,
    ),
)


@dataclass(frozen=True, kw_only=True)
class DoseDaySensorDescription(SensorEntityDescription):
    """A partner's dose-day difference of one check-in score."""

    score: str


DOSE_DAY_SENSORS: tuple[DoseDaySensorDescription, ...] = tuple(
    DoseDaySensorDescription(
        key=f"{score}_dose_day_difference",
        translation_key=f"{score}_dose_day_difference",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        score=score,
    )
    for score in ("mood", "connection")
)

STATE_MAX_LENGTH = 255


def _short(text: str | None) -> str | None:
    """Fit a text into a state (255 characters at most)."""
    if text is None or len(text) <= STATE_MAX_LENGTH:
        return text
    return text[: STATE_MAX_LENGTH - 1] + "…"


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
    entities.extend(
        DoseDaySensor(coordinator, description, slot)
        for slot in PARTNER_SLOTS
        for description in DOSE_DAY_SENSORS
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

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the attributes some sensors carry (never private text)."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator.data)


class PartnerSensor(PartnerEntity, SensorEntity):
    """A figure about one partner's doses or check-ins."""

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
        return self.entity_description.value_fn(self.coordinator.data, self.slot)


class DoseDaySensor(PartnerEntity, SensorEntity):
    """A partner's score on dose days minus on rest days, over the whole history.

    An association, not an effect of the dose (core/insights.py). Unknown until
    both groups hold enough days for an interval; numbers only, never a note.
    """

    entity_description: DoseDaySensorDescription

    def __init__(
        self,
        coordinator: MicrodoseCoordinator,
        description: DoseDaySensorDescription,
        slot: int,
    ) -> None:
        """Describe the sensor for one partner."""
        super().__init__(coordinator, description.key, slot)
        self.entity_description = description

    @property
    def native_value(self) -> float | None:
        """Return the difference, or None while there are too few days."""
        figures = self.coordinator.insights.partners[self.slot]
        interval = figures.differences[self.entity_description.score].interval
        return None if interval is None else rounded(interval.difference)

    @property
    def extra_state_attributes(self) -> dict[str, float | int | None]:
        """Return both means, the interval and the day counts behind the figure."""
        score = self.entity_description.score
        figures = self.coordinator.insights.partners[self.slot]
        difference = figures.differences[score]
        interval = difference.interval
        dose = figures.categories[Category.DOSE_DAY]
        rest = figures.categories[Category.REST_DAY]
        return {
            "dose_day_mean": rounded(getattr(dose, score)),
            "rest_day_mean": rounded(getattr(rest, score)),
            "interval_low": rounded(interval.low) if interval else None,
            "interval_high": rounded(interval.high) if interval else None,
            "dose_days": difference.dose_days,
            "rest_days": difference.rest_days,
        }
