"""Unreadable data inside the newer parts of the couple's file.

tests/integration/test_store.py already covers a file that is truncated, emptied,
of a future version, without a version, not a mapping, or with a broken protocol
state. This module adds what is stored since: check-ins, prompts, open phone
requests, messages held for quiet hours, the running ritual and the calm-day
override. Whatever one of them holds, Home Assistant must still set the couple
up, keep the file aside unchanged, say so in a repair issue, and go on working.
The cases are written as version 2 files, so each is also migrated first: the
file kept aside is still the one the older release wrote. Since version 3 the
records are compact rows; a row that cannot be read is kept aside the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
import json
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, tap, write_file, ws_call

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
# In the cases below, @ENTRY@ becomes the couple's entry id: the message or
# request is then the couple's own in every way but the one being tested.
OWN_TAG = "microdose_together_@ENTRY@_1_checkin"
OWN_HELD = {
    "message": "How is your mood?",
    "title": "Check-in for Alex",
    "data": {
        "tag": OWN_TAG,
        "group": "microdose_together",
        "actions": [{"action": "MDT|@ENTRY@|1|abcdef123456|good", "title": "Good"}],
    },
}

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
        {"checkins": {"records": [GOOD_CHECKIN | {"note": {"html": "<b>"}}]}},
        id="checkin_note_not_text",
    ),
    pytest.param(
        {"prompts": [GOOD_PROMPT | {"answers": {"1": ["a", "list"]}}]},
        id="prompt_answer_not_text",
    ),
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
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": {
                        "message": "command_launch_app",
                        "data": {"tag": OWN_TAG, "group": "microdose_together"},
                    },
                }
            ]
        },
        id="held_companion_app_command",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {"data": OWN_HELD["data"] | {"package_name": "com.example"}},
                }
            ]
        },
        id="held_with_a_foreign_field",
    ),
    pytest.param(
        {"held": [{"slot": 1, "payload": {"anything": "else"}}]},
        id="held_unknown_payload",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {"data": OWN_HELD["data"] | {"url": "https://example.com"}},
                }
            ]
        },
        id="held_link_to_another_site",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {"data": OWN_HELD["data"] | {"url": "/lovelace/0"}},
                }
            ]
        },
        id="held_link_we_never_send",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {
                        "data": OWN_HELD["data"]
                        | {"url": "/microdose-together/prompt?couple=other"}
                    },
                }
            ]
        },
        id="held_link_to_another_couples_panel",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {
                        "data": OWN_HELD["data"]
                        | {
                            "url": "/microdose-together/prompt?couple=@ENTRY@",
                            "clickAction": "/lovelace/0",
                        }
                    },
                }
            ]
        },
        id="held_links_that_disagree",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {"data": OWN_HELD["data"] | {"visibility": "public"}},
                }
            ]
        },
        id="held_shown_on_a_locked_screen",
    ),
    pytest.param(
        {"held": [{"slot": 1, "payload": OWN_HELD | {"message": "x" * 5001}}]},
        id="held_message_too_long",
    ),
    pytest.param(
        {"held": [{"slot": 2, "payload": OWN_HELD}]},
        id="held_for_the_other_partners_tag",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {
                        "data": OWN_HELD["data"]
                        | {"actions": [{"action": "MDT|other|1|ab|good", "title": "x"}]}
                    },
                }
            ]
        },
        id="held_button_of_another_couple",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD | {"data": OWN_HELD["data"] | {"tag": 5}},
                }
            ]
        },
        id="held_tag_not_text",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {"data": OWN_HELD["data"] | {"actions": "Go"}},
                }
            ]
        },
        id="held_buttons_not_a_list",
    ),
    pytest.param(
        {
            "held": [
                {
                    "slot": 1,
                    "payload": OWN_HELD
                    | {
                        "data": OWN_HELD["data"]
                        | {
                            "actions": [
                                {
                                    "action": "URI",
                                    "title": "Open",
                                    "uri": "https://example.com",
                                }
                            ]
                        }
                    },
                }
            ]
        },
        id="held_button_opens_a_link",
    ),
    pytest.param(
        {"requests": {"1:checkin": {"id": "abcdef123456"}}},
        id="request_without_step",
    ),
    pytest.param(
        {"requests": {"1:checkin": {"id": "abcdef123456", "step": "dance"}}},
        id="request_unknown_step",
    ),
    pytest.param(
        {
            "requests": {
                "1:checkin": {
                    "id": "abcdef123456",
                    "step": "note",
                    "mood": 3,
                    "connection": 3,
                    "stress": 3,
                }
            }
        },
        id="request_note_without_its_check_in",
    ),
    pytest.param(
        {
            "requests": {
                "1:checkin": {"id": "abcdef123456", "step": "stress", "mood": 3}
            }
        },
        id="request_missing_an_earlier_score",
    ),
    pytest.param(
        {"requests": {"2:prompt": {"id": "abcdef123456"}}},
        id="prompt_request_without_day",
    ),
    pytest.param(
        {"requests": {"2:prompt": {"id": "abcdef123456", "day": "someday"}}},
        id="prompt_request_day_not_a_date",
    ),
    pytest.param(
        {"requests": {"3:checkin": {"id": "abcdef123456", "step": "mood"}}},
        id="request_of_a_third_partner",
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
    ).replace("@ENTRY@", entry.entry_id)
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


async def _set_up_with(
    hass: HomeAssistant, entry: MockConfigEntry, section: dict[str, Any]
) -> Path:
    """Write an otherwise good file holding `section`, then set the couple up."""
    path = Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))
    data = {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "doses": [],
    } | section
    content = json.dumps(
        {"version": 2, "minor_version": 1, "key": path.name, "data": data}
    ).replace("@ENTRY@", entry.entry_id)
    await hass.async_add_executor_job(write_file, path, content)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    return path


async def test_a_stored_launch_app_command_is_never_sent(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A held `command_launch_app` is set aside with a repair, not sent at release."""
    entry = make_entry()
    payload = {
        "message": "command_launch_app",
        "data": {
            "tag": OWN_TAG,
            "group": "microdose_together",
            "package_name": "com.example.app",
        },
    }
    await _set_up_with(hass, entry, {"held": [{"slot": 1, "payload": payload}]})
    dose_day_clock.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    assert phones[PHONE_1] == []
    assert phones[PHONE_2] == []
    assert issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    assert entry.runtime_data.stored_for_diagnostics().get("held", []) == []


async def test_a_tap_on_a_stored_request_without_a_step_changes_nothing(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The handler does not crash: the tap is ignored, and says so in the log."""
    caplog.set_level(logging.DEBUG, logger="custom_components.microdose_together")
    entry = make_entry()
    await _set_up_with(hass, entry, {"requests": {"1:checkin": {"id": "abcdef123456"}}})
    await tap(hass, f"MDT|{entry.entry_id}|1|abcdef123456|good", user_id=ALEX_USER_ID)

    assert "Ignored a notification action" in caplog.text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert entry.runtime_data.conversation.checkins.records == []
    assert phones[PHONE_1] == []


async def test_the_couples_own_held_messages_survive_a_restart(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    issue_registry: ir.IssueRegistry,
    dose_day_clock: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A check-in, a reveal and a message of the couple's own all pass the check."""
    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await act(hass, setup_entry, "request_check_in", partner=1)
    await act(hass, setup_entry, "send_prompt")
    for user_id, answer in ((ALEX_USER_ID, "one"), (SAM_USER_ID, "two")):
        reply = await ws_call(
            hass,
            hass_ws_client,
            user_id,
            "answer_prompt",
            config_entry_id=setup_entry.entry_id,
            answer=answer,
        )
        assert reply["success"], reply
    await act(
        hass,
        setup_entry,
        "notify_partners",
        message="Walk tomorrow?",
        title="Us",
        tag="walk",
        actions=[{"action": "WALK_YES", "title": "Yes"}],
    )
    held = setup_entry.runtime_data.stored_for_diagnostics()["held"]
    # Each phone: the check-in (asked at 21:30 too), the reveal and the message.
    assert len(held) == 6
    shown = [c for c in phones[PHONE_1] if c.data["message"] != "clear_notification"]
    assert shown == []
    cleared = len(phones[PHONE_1]), len(phones[PHONE_2])

    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert not issue_registry.async_get_issue(
        DOMAIN, f"store_reset_{setup_entry.entry_id}"
    )
    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-06T07:30:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert len(phones[PHONE_1]) == cleared[0] + 3
    assert {call.data["message"] for call in phones[PHONE_2][cleared[1] :]} == {
        "Time for your check-in: three quick taps on how today feels.",
        "Walk tomorrow?",
        "Open Together in Home Assistant to read both answers.",
    }


GOOD_ROW = "01JCHECKIN0000000000000000|1||2026-01-05T08:00:00+00:00|3|3|3"
DAMAGED_ROWS = [
    pytest.param({"checkins": {"records": [GOOD_ROW, "01J|1|2026"]}}, id="cut_short"),
    pytest.param(
        {"checkins": {"records": [GOOD_ROW, "01J|1||2026-01-05T08:00|3|private|3"]}},
        id="text_in_a_score",
    ),
    pytest.param({"doses": ["01J|1||2026-01-05T08:00|lots|dried|"]}, id="dose_amount"),
    pytest.param({"prompts": ["2026-01-05|p|t|1|12|500|private"]}, id="answer_length"),
    pytest.param({"prompts": ["2026-01-05|p|t|perhaps"]}, id="revealed_unknown"),
]


@pytest.mark.parametrize("section", DAMAGED_ROWS)
async def test_a_row_that_cannot_be_read_keeps_the_file_aside(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
    section: dict[str, Any],
) -> None:
    """A damaged compact row: set-up goes on clean, the file is kept as it was."""
    entry = make_entry()
    path = Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))
    data = {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "doses": [],
        "checkins": {"records": [GOOD_ROW]},
    } | section
    content = json.dumps(
        {"version": 3, "minor_version": 1, "key": path.name, "data": data}
    )
    await hass.async_add_executor_job(write_file, path, content)

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    issue = issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    assert issue is not None
    error = issue.translation_placeholders["error"]
    assert error.startswith("stored history")
    assert "cannot be read" in error
    assert "private" not in error
    kept = path.parent / issue.translation_placeholders["kept_as"]
    assert await hass.async_add_executor_job(kept.read_text) == content
    coordinator = entry.runtime_data
    assert coordinator.conversation.checkins.records == []

    # The couple goes on: a new record is written to a fresh, readable file.
    dose = await coordinator.async_log_dose(1)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert [record.id for record in entry.runtime_data.doses.records] == [dose.id]
