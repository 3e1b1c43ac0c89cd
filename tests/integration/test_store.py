"""Storage: migration, unreadable files kept aside, data surviving a restart."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.record_layout import decode_history

from .helpers import async_set_up, write_file

STORE_KEY = f"{DOMAIN}.{{entry_id}}"


def _store_path(hass: HomeAssistant, entry: MockConfigEntry) -> Path:
    return Path(hass.config.path(".storage", STORE_KEY.format(entry_id=entry.entry_id)))


async def test_version_1_file_is_migrated(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    hass_storage: dict[str, Any],
) -> None:
    """A version-1 file's open pause becomes a stored pause: today is paused."""
    entry = make_entry()
    hass_storage[STORE_KEY.format(entry_id=entry.entry_id)] = {
        "version": 1,
        "minor_version": 1,
        "key": STORE_KEY.format(entry_id=entry.entry_id),
        "data": {"doses": [], "paused_since": "2026-01-01"},
    }
    await async_set_up(hass, entry)
    stored = hass_storage[STORE_KEY.format(entry_id=entry.entry_id)]
    assert stored["version"] == 3
    assert stored["data"]["protocol_state"]["pauses"] == [
        {"start": "2026-01-01", "end": None}
    ]
    assert "paused_since" not in stored["data"]
    diagnostics_phase = entry.runtime_data.data.phase
    assert diagnostics_phase == "paused"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"version": 2, "key": "x", "data": {"doses": [', "not valid JSON"),
        ("", "not valid JSON"),
        (json.dumps({"version": 9, "minor_version": 1, "key": "x", "data": {}}), "9"),
        (json.dumps({"unexpected": True}), "version"),
        (
            json.dumps({"version": 2, "minor_version": 1, "key": "x", "data": [1]}),
            "unexpected",
        ),
        (
            json.dumps(
                {
                    "version": 2,
                    "minor_version": 1,
                    "key": "x",
                    "data": {"protocol_state": {"pauses": [{"start": "soon"}]}},
                }
            ),
            "stored history",
        ),
    ],
    ids=[
        "truncated",
        "emptied",
        "future_version",
        "no_version",
        "not_a_mapping",
        "bad_state",
    ],
)
async def test_unreadable_file_is_kept_aside(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
    content: str,
    reason: str,
) -> None:
    """Setup continues clean, the old file is kept, a repair issue says where."""
    entry = make_entry()
    path = _store_path(hass, entry)
    await hass.async_add_executor_job(write_file, path, content)

    await async_set_up(hass, entry)

    issue = issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    assert issue is not None
    assert issue.is_fixable
    assert reason in issue.translation_placeholders["error"]
    kept = path.parent / issue.translation_placeholders["kept_as"]
    assert await hass.async_add_executor_job(kept.read_text) == content
    assert entry.runtime_data.data.phase == "dose_day"


async def test_data_survives_restart(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """A pause written before a reload is read back after it."""
    entry = make_entry()
    await async_set_up(hass, entry)
    coordinator = entry.runtime_data
    await coordinator.async_pause()
    assert coordinator.data.phase == "paused"

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.runtime_data is not coordinator
    assert entry.runtime_data.data.phase == "paused"


async def test_saves_are_delayed_and_coalesced(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Changes are written after a short delay, together."""
    entry = make_entry()
    await async_set_up(hass, entry)
    key = STORE_KEY.format(entry_id=entry.entry_id)
    coordinator = entry.runtime_data
    dose = await coordinator.async_log_dose(1)
    await coordinator.async_pause()
    assert key not in hass_storage

    dose_day_clock.tick(9)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert key not in hass_storage

    dose_day_clock.tick(2)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    stored = decode_history(hass_storage[key]["data"])
    assert [record["id"] for record in stored["doses"]] == [dose.id]
    # Alex dosed today, so the pause begins tomorrow.
    assert stored["protocol_state"]["pauses"] == [{"start": "2026-01-06", "end": None}]


async def test_repair_issue_is_acknowledged(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    hass_client: ClientSessionGenerator,
) -> None:
    """The repair explains what happened; confirming it closes the issue."""
    entry = make_entry()
    await hass.async_add_executor_job(write_file, _store_path(hass, entry), "{")
    await async_set_up(hass, entry)
    issue_id = f"store_reset_{entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert response.status == HTTPStatus.OK
    flow = await response.json()
    assert flow["step_id"] == "confirm"
    assert "kept_as" in flow["description_placeholders"]

    response = await client.post(f"/api/repairs/issues/fix/{flow['flow_id']}")
    assert response.status == HTTPStatus.OK
    assert (await response.json())["type"] == "create_entry"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
