"""Select: how today feels, when the couple knows better than the calendars.

Only the couple (or an automation) has that say.
"""

from __future__ import annotations

from homeassistant.components.select import SelectEntity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.calm import Override
from .entity import MicrodoseEntity
from .identity import ensure_in_couple

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's calm-day override."""
    async_add_entities([TodayFeelsSelect(entry.runtime_data, "today_feels")])


class TodayFeelsSelect(MicrodoseEntity, SelectEntity):
    """Automatic, calm or not calm; back to automatic at midnight."""

    def __init__(self, coordinator: MicrodoseCoordinator, key: str) -> None:
        """Offer the three choices."""
        super().__init__(coordinator, key)
        self._attr_options = [override.value for override in Override]

    @property
    def current_option(self) -> str:
        """Return today's choice."""
        return self.coordinator.data.override.value

    async def async_select_option(self, option: str) -> None:
        """Decide again with the couple's say."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        await self.coordinator.async_set_override(Override(option))
