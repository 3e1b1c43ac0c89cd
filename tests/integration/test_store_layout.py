"""Store version 3: the couple's records as compact rows, with nothing lost.

`fixtures/store_v2.json` is a real file written by the release before this
layout: six lived days with doses (one flagged), check-ins with and without
notes, and prompts answered by both, by one or by no one; the notes and
answers hold "|", newlines, quotes, escapes and emoji.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.const import DOMAIN, STORAGE_VERSION
from custom_components.microdose_together.record_layout import (
    decode_history,
    encode_history,
)

from .helpers import write_file

FIXTURE = Path(__file__).parent / "fixtures" / "store_v2.json"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


async def _file_of(hass: HomeAssistant, entry: MockConfigEntry) -> Path:
    """Return where the couple's file is, holding the real version-2 file."""
    path = Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))
    old = json.loads(await hass.async_add_executor_job(_read, FIXTURE))
    content = json.dumps(old | {"key": path.name}, ensure_ascii=False, indent=2)
    await hass.async_add_executor_job(write_file, path, content)
    return path


async def test_a_version_2_file_upgrades_and_converts_back_exactly(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """v2 → v3 on load, smaller on disk; v3 → v2 gives back the very same data."""
    entry = make_entry()
    path = await _file_of(hass, entry)
    before = await hass.async_add_executor_job(_read, path)
    original = json.loads(before)["data"]

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert not issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    after = await hass.async_add_executor_job(_read, path)
    upgraded = json.loads(after)
    assert upgraded["version"] == STORAGE_VERSION == 3
    rows = upgraded["data"]
    assert all(type(row) is str for row in rows["checkins"]["records"])
    assert all(type(row) is str for row in rows["prompts"] + rows["doses"])
    assert decode_history(rows) == original  # v2 → v3 → v2: nothing lost
    assert encode_history(original) == rows  # and v2 → v3 is what was written
    assert len(after.encode()) < 0.6 * len(before.encode())

    # The couple's history is the one they lived: every note, answer and flag.
    coordinator = entry.runtime_data
    assert [r.as_dict() for r in coordinator.doses.records] == original["doses"]
    talk = coordinator.conversation
    assert talk.checkins.as_dict() == original["checkins"]
    assert [p.as_dict() for p in talk.prompts] == original["prompts"]


async def test_the_upgraded_file_reads_back_after_a_restart(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A dose after the upgrade is written as a row and read back with the rest."""
    entry = make_entry()
    path = await _file_of(hass, entry)
    original = json.loads(await hass.async_add_executor_job(_read, FIXTURE))["data"]
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-14T10:00:00+02:00"))
    dose = await entry.runtime_data.async_log_dose(1)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    coordinator = entry.runtime_data
    assert [r.id for r in coordinator.doses.records] == [
        *(raw["id"] for raw in original["doses"]),
        dose.id,
    ]
    assert coordinator.conversation.checkins.as_dict() == original["checkins"]
    saved = json.loads(await hass.async_add_executor_job(_read, path))
    assert saved["version"] == 3
    assert saved["data"]["doses"][-1].startswith(f"{dose.id}|1|")
