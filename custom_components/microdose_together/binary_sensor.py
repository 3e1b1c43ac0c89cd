"""Binary sensors: is today a dose day."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry
from .core.protocol import Phase
from .entity import MicrodoseEntity

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's binary sensors."""
    async_add_entities([DoseDaySensor(entry.runtime_data, "dose_day")])


class DoseDaySensor(MicrodoseEntity, BinarySensorEntity):
    """On when the protocol says today is a dose day."""

    @property
    def is_on(self) -> bool:
        """Return whether today is a dose day."""
        return self.coordinator.data.phase is Phase.DOSE_DAY
