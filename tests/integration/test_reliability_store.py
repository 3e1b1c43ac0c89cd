"""Unreadable data inside the newer parts of the couple's file.

tests/integration/test_store.py already covers a file that is truncated, emptied,
of a future version, without a version, not a mapping, or with a broken protocol
state. This module adds what is stored since: check-ins, prompts, open phone
requests, messages held for quiet hours, the running ritual and the calm-day
override. Whatever one of them holds, Home Assistant must still set the couple
up, keep the file aside unchanged, say so in a repair issue, and go on working.
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
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.const import DOMAIN

from .helpers import write_file

STARTED = "2026-01-05T07:00:00+00:00"
GOOD_CHECKIN = {
    "id": "01JCHECKIN0000000000000000",
    "partner": 1,
    "day": "2026-01-05",
    "at": "2026-01-05T08:00:00+00:00",
    "mood": 3,
    "connection": 3,
    "stress": 3,
    "note": None,
}
GOOD_PROMPT = {
    "day": "2026-01-05",
    "prompt_id": "communication_01",
    "theme": "communication",
    "answers": {},
    "revealed": False,
}
HELD = {"message": "hello", "data": {"tag": "microdose_together_x_1_checkin"}}

# Each case is one part of an otherwise good file. The ones marked as bugs make
# setup fail (or carry the broken part into the running couple) today.
CASES = [
    pytest.param({"checkins": [1]}, id="checkins_not_a_mapping"),
    pytest.param(
        {"checkins": {"records": [GOOD_CHECKIN | {"mood": 9}]}},
        id="checkin_score_out_of_range",
    ),
    pytest.param(
        {"checkins": {"records": [GOOD_CHECKIN, GOOD_CHECKIN]}},
        id="checkin_recorded_twice",
    ),
    pytest.param({"prompts": {"day": "2026-01-05"}}, id="prompts_not_a_list"),
    pytest.param(
        {"prompts": [GOOD_PROMPT | {"answers": {"3": "who?"}}]},
        id="prompt_answer_of_a_third_partner",
    ),
    pytest.param({"requests": [1, 2]}, id="requests_not_a_mapping"),
    pytest.param(
        {"prompts": [GOOD_PROMPT | {"answers": ["one", "two"]}]},
        id="prompt_answers_not_a_mapping",
    ),
    pytest.param({"requests": {"1:checkin": "mood"}}, id="request_not_a_mapping"),
    pytest.param({"held": 5}, id="held_not_a_list"),
    pytest.param({"held": [{"slot": 1}]}, id="held_without_payload"),
    pytest.param({"held": [{"slot": "Alex", "payload": HELD}]}, id="held_for_a_name"),
    pytest.param(
        {"held": [{"slot": 3, "payload": HELD}]}, id="held_for_a_third_partner"
    ),
    pytest.param({"ritual": [STARTED]}, id="ritual_not_a_mapping"),
    pytest.param(
        {"ritual": {"snapshot": {}, "auto_end_at": None}}, id="ritual_without_start"
    ),
    pytest.param(
        {"ritual": {"started_at": 5, "snapshot": {}, "auto_end_at": None}},
        id="ritual_start_not_a_time",
    ),
    pytest.param(
        {"ritual": {"started_at": STARTED, "snapshot": {}, "auto_end_at": 7}},
        id="ritual_auto_end_not_a_time",
    ),
    pytest.param(
        {"ritual": {"started_at": STARTED, "snapshot": ["light.x"]}},
        id="ritual_snapshot_not_a_mapping",
    ),
    pytest.param({"calm_override": "calm"}, id="override_not_a_mapping"),
    pytest.param(
        {"calm_override": {"day": "2026-01-05", "value": "sunny"}},
        id="override_unknown_value",
    ),
    pytest.param({"calm_override": {"day": "2026-01-05"}}, id="override_without_value"),
]


@pytest.mark.parametrize("section", CASES)
async def test_unreadable_section_is_kept_aside(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
    section: dict[str, Any],
) -> None:
    """Setup goes on clean, the file is kept as it was, a repair says where."""
    entry = make_entry()
    path = Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))
    data = {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "doses": [],
        "checkins": {"records": [GOOD_CHECKIN]},
    } | section
    content = json.dumps(
        {"version": 2, "minor_version": 1, "key": path.name, "data": data}
    )
    await hass.async_add_executor_job(write_file, path, content)

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    issue = issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_placeholders["error"].startswith("stored history")
    kept = path.parent / issue.translation_placeholders["kept_as"]
    assert await hass.async_add_executor_job(kept.read_text) == content
    coordinator = entry.runtime_data
    assert coordinator.stored_for_diagnostics().get("checkins") is None
    assert coordinator.data.phase == "dose_day"

    # The couple goes on: a new record is written to a fresh, readable file.
    dose = await coordinator.async_log_dose(1)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert [record.id for record in entry.runtime_data.doses.records] == [dose.id]
