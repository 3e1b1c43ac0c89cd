"""Diagnostics: enough to understand a problem, nothing personal."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .coordinator import MicrodoseConfigEntry

# Names, phones and every free text a couple writes stay out of diagnostics.
TO_REDACT = {
    "couple_name",
    "name",
    "partner_name",
    "person",
    "notify",
    "note",
    "answer",
    "answers",
    "text",
    "intention",
    "title",
    "message",
    "unique_id",
}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: MicrodoseConfigEntry
) -> dict[str, Any]:
    """Return the entry, its options and a redacted copy of what is stored."""
    coordinator = entry.runtime_data
    snapshot = coordinator.data
    return async_redact_data(
        {
            "entry": {
                "title": entry.title,
                "unique_id": entry.unique_id,
                "data": dict(entry.data),
                "options": dict(entry.options),
            },
            "today": {
                "day": snapshot.today.isoformat(),
                "phase": snapshot.phase,
                "next_dose": snapshot.next_dose.isoformat()
                if snapshot.next_dose
                else None,
            },
            "stored": coordinator.stored_for_diagnostics(),
        },
        TO_REDACT,
    )
