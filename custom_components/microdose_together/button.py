"""Buttons: each partner logs today's dose with one press.

A partner's button is theirs: pressed by another user it records nothing.
"""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .const import PARTNER_SLOTS
from .coordinator import MicrodoseConfigEntry
from .core.doses import DoseRefusedError
from .entity import PartnerEntity
from .identity import ensure_acts_as
from .services import refusal_error

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add a log-dose button per partner."""
    async_add_entities(
        LogDoseButton(entry.runtime_data, "log_dose", slot) for slot in PARTNER_SLOTS
    )


class LogDoseButton(PartnerEntity, ButtonEntity):
    """Log the configured starting amount for this partner, through the guard."""

    async def async_press(self) -> None:
        """Record the dose, or explain kindly why it is refused."""
        # Home Assistant sets the pressing call's context on the entity.
        ensure_acts_as(self.coordinator.settings, self._context or Context(), self.slot)
        try:
            await self.coordinator.async_log_dose(self.slot)
        except DoseRefusedError as err:
            raise refusal_error(self.coordinator, self.slot, err) from err
