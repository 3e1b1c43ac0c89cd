"""Diagnostics: useful figures, no names, phones or private words."""

from __future__ import annotations

from typing import Any

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


async def test_diagnostics_hold_no_private_words(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: Any
) -> None:
    """Notes, answers, the intention and held messages are all redacted."""
    entry_id = setup_entry.entry_id
    calls = [
        (
            "check_in",
            {
                "partner": 1,
                "mood": 3,
                "connection": 4,
                "stress": 2,
                "note": "private note words",
            },
        ),
        ("set_intention", {"intention": "private intention words"}),
        ("send_prompt", {}),
        ("answer_prompt", {"partner": 1, "answer": "private answer one"}),
        ("answer_prompt", {"partner": 2, "answer": "private answer two"}),
    ]
    for action, data in calls:
        await hass.services.async_call(
            "microdose_together",
            action,
            {"config_entry_id": entry_id, **data},
            blocking=True,
        )
    # A reveal held during quiet hours sits in the store with both answers.
    freezer.move_to("2026-01-05T23:00:00+02:00")
    await setup_entry.runtime_data.conversation._async_send_reveal(
        setup_entry.runtime_data.conversation.current_prompt
    )
    assert setup_entry.runtime_data.conversation.phones.held_as_list()

    diagnostics = await async_get_config_entry_diagnostics(hass, setup_entry)
    text = repr(diagnostics)
    for private in ("private note", "private intention", "private answer"):
        assert private not in text
    assert diagnostics["stored"]["checkins"]["records"][0]["mood"] == 3
