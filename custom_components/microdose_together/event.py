"""Event entity: what happened in the couple's practice, for automations and history."""

from __future__ import annotations

from typing import Any

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .entity import MicrodoseEntity

PARALLEL_UPDATES = 0

PROTOCOL_EVENTS = [
    "dose_logged",
    "dose_day_started",
    "break_started",
    "cycle_review",
    "break_ended",
    "protocol_paused",
    "protocol_resumed",
    "dose_day_not_calm",
    "dose_day_postponed",
]
RITUAL_EVENTS = ["ritual_started", "ritual_ended"]
CONVERSATION_EVENTS = [
    "check_in_requested",
    "check_in_recorded",
    "prompt_sent",
    "prompt_revealed",
    "weekly_summary",
]


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the couple's event entities: the protocol and the conversation."""
    coordinator = entry.runtime_data
    async_add_entities(
        [
            CoupleEventEntity(coordinator, "protocol", PROTOCOL_EVENTS),
            CoupleEventEntity(coordinator, "conversation", CONVERSATION_EVENTS),
            CoupleEventEntity(coordinator, "ritual", RITUAL_EVENTS),
        ]
    )


class CoupleEventEntity(MicrodoseEntity, EventEntity):
    """Mirrors the bus events (without the domain prefix) as an entity."""

    def __init__(
        self, coordinator: MicrodoseCoordinator, key: str, event_types: list[str]
    ) -> None:
        """Listen for one group of the couple's events."""
        super().__init__(coordinator, key)
        self._attr_event_types = event_types

    async def async_added_to_hass(self) -> None:
        """Listen to the couple's events while the entity exists."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_event_listener(self._async_handle_event)
        )

    @callback
    def _async_handle_event(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type not in self._attr_event_types:
            return
        self._trigger_event(event_type, data)
        self.async_write_ha_state()
