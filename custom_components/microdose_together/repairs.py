"""Repair flows: every issue this integration raises can be acknowledged."""

from __future__ import annotations

from homeassistant.components.repairs import ConfirmRepairFlow, RepairsFlow
from homeassistant.core import HomeAssistant


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Confirm that the couple has read what happened; the issue then closes."""
    return ConfirmRepairFlow()
