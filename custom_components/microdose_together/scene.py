"""Scene: the evening ritual, one tap on the dashboard to begin.

Rituals are presets; "conversation" (dim warm, a playlist, tonight's prompt)
is the first. More presets can join the tuple below, each its own scene.
Only the couple (or an automation) can start one.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components.scene import Scene
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry
from .entity import MicrodoseEntity
from .identity import ensure_in_couple

PARALLEL_UPDATES = 0

RITUAL_PRESETS: Final = ("conversation",)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add one scene per ritual preset."""
    async_add_entities(
        RitualScene(entry.runtime_data, f"ritual_{preset}") for preset in RITUAL_PRESETS
    )


class RitualScene(MicrodoseEntity, Scene):
    """Activating it starts the ritual (a second tap keeps the first snapshot)."""

    async def async_activate(self, **kwargs: Any) -> None:
        """Start the ritual with the couple's settings."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        await self.coordinator.ritual.async_start(self.coordinator.ritual_settings)
