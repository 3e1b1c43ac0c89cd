"""Scene: a ritual preset, one tap on the dashboard to begin.

Each preset is its own scene: the conversation (dim warm, a playlist,
tonight's prompt), journaling side by side, a walk together, and every preset
the couple adds. Only the couple (or an automation) can start one.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.scene import Scene
from homeassistant.const import Platform
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .entity import MicrodoseEntity
from .identity import ensure_in_couple
from .ritual_presets import is_custom

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add one scene per ritual preset; forget the scenes of removed presets."""
    coordinator = entry.runtime_data
    registry = er.async_get(hass)
    kept = {
        f"{entry.entry_id}_ritual_{preset}" for preset in coordinator.ritual_presets
    }
    for entity in er.async_entries_for_config_entry(registry, entry.entry_id):
        if entity.domain == Platform.SCENE and entity.unique_id not in kept:
            registry.async_remove(entity.entity_id)
    async_add_entities(
        RitualScene(coordinator, preset) for preset in coordinator.ritual_presets
    )


class RitualScene(MicrodoseEntity, Scene):
    """Activating it starts its preset (a second tap keeps the first snapshot)."""

    def __init__(self, coordinator: MicrodoseCoordinator, preset: str) -> None:
        """Name a built-in preset by translation, the couple's own by its name."""
        super().__init__(coordinator, f"ritual_{preset}")
        self._preset = preset
        if is_custom(preset):
            self._attr_translation_key = None
            self._attr_name = coordinator.ritual_presets[preset].name

    async def async_activate(self, **kwargs: Any) -> None:
        """Start the ritual with this preset's settings."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        settings = self.coordinator.ritual_presets.get(self._preset)
        if settings is not None:  # a preset removed a moment ago starts nothing
            await self.coordinator.ritual.async_start(settings)
