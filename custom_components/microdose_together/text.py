"""Text: the couple's shared intention, editable from the dashboard by the couple."""

from __future__ import annotations

from homeassistant.components.text import TextEntity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry
from .core.limits import INTENTION_MAX_LENGTH
from .entity import MicrodoseEntity
from .identity import ensure_in_couple

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's shared intention."""
    async_add_entities([IntentionText(entry.runtime_data, "intention")])


class IntentionText(MicrodoseEntity, TextEntity):
    """What the couple hold in mind together ("listen more than we talk")."""

    _attr_native_min = 0
    _attr_native_max = INTENTION_MAX_LENGTH

    @property
    def native_value(self) -> str:
        """Return the intention."""
        return self.coordinator.data.conversation.intention

    async def async_set_value(self, value: str) -> None:
        """Change the intention."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        await self.coordinator.conversation.async_set_intention(value)
