"""Diagnostics: useful figures, no names, phones or private words."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.diagnostics import (
    async_get_config_entry_diagnostics,
)


async def test_diagnostics_are_redacted(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
) -> None:
    """Names and notify targets never leave Home Assistant in diagnostics."""
    # Called directly: the frozen clock of the fixture predates any auth token.
    diagnostics = await async_get_config_entry_diagnostics(hass, setup_entry)
    text = repr(diagnostics)
    for private in ("Alex", "Sam", "mobile_app_alex_phone", "mobile_app_sam_phone"):
        assert private not in text
    assert diagnostics["entry"]["options"]["preset"] == "fadiman"
    assert diagnostics["today"] == {
        "day": "2026-01-05",
        "phase": "dose_day",
        "next_dose": "2026-01-05",
    }
    assert diagnostics["entry"]["data"]["partners"][0]["notify"] == "**REDACTED**"
