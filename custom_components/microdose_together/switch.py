"""Switches: pause the whole protocol; start and end the evening ritual.

They are the couple's: another user switching them changes nothing.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry
from .entity import MicrodoseEntity
from .identity import ensure_in_couple

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's switches."""
    coordinator = entry.runtime_data
    async_add_entities(
        [
            ProtocolPausedSwitch(coordinator, "protocol_paused"),
            RitualSwitch(coordinator, "ritual"),
        ]
    )


class ProtocolPausedSwitch(MicrodoseEntity, SwitchEntity):
    """On while the protocol is paused; paused days do not advance it."""

    @property
    def is_on(self) -> bool:
        """Return whether the protocol is paused today."""
        return self.coordinator.data.paused

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Pause from today (nothing happens if already paused)."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        if not self.coordinator.data.paused:
            await self.coordinator.async_pause()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Resume today (nothing happens if not paused)."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        if self.coordinator.data.paused:
            await self.coordinator.async_resume()


class RitualSwitch(MicrodoseEntity, SwitchEntity):
    """On while the evening ritual runs; off puts the room back as it was."""

    @property
    def is_on(self) -> bool:
        """Return whether the ritual runs."""
        return self.coordinator.data.ritual_started is not None

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Start the ritual."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        await self.coordinator.ritual.async_start(self.coordinator.ritual_settings)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """End the ritual and restore the room."""
        ensure_in_couple(self.coordinator.settings, self._context or Context())
        await self.coordinator.ritual.async_end()
