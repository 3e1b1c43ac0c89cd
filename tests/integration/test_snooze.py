"""Reminders a partner puts off: "Later" asks again, "Not today" waits a day."""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.snooze import Reminder

from .check_in_phone import request_buttons, tap_check_in_now
from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, async_set_up, tap, write_file

ASK = "Time for your check-in: three quick taps on how today feels."
CLEAR = "clear_notification"


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _shown(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    """Return the messages a phone showed (not the silent clear commands)."""
    return [call.data for call in calls if call.data["message"] != CLEAR]


def _asks(calls: list[ServiceCall]) -> int:
    return sum(data["message"] == ASK for data in _shown(calls))


def _mornings(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [d for d in _shown(calls) if d["data"]["tag"].endswith("_morning")]


@pytest.fixture
async def couple(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Alex and Sam on their first dose day, 10:00, "Later" set to 20 minutes."""
    entry = make_entry(options={"snooze_minutes": 20})
    await async_set_up(hass, entry)
    return entry


@pytest.fixture
async def early_couple(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Alex and Sam set up at 07:00 on their first dose day, before the morning note."""
    await _at(hass, dose_day_clock, "2026-01-05T07:00:00+02:00")
    entry = make_entry()
    await async_set_up(hass, entry)
    return entry


async def _later(
    hass: HomeAssistant, calls: list[ServiceCall], user_id: str, choice: int = 1
) -> None:
    """Tap "Later" (or, with choice 2, "Not today") on the phone's last message."""
    buttons = [a["action"] for a in calls[-1].data["data"]["actions"]]
    await tap(hass, buttons[choice], user_id=user_id)


async def test_later_asks_again_after_the_chosen_minutes_and_not_before(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Twenty minutes after "Later" the request comes again; the scores still follow."""
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    assert phones[PHONE_1][-1].data["message"] == CLEAR  # gone from every phone
    assert "1:checkin" not in couple.runtime_data.conversation.requests

    await _at(hass, dose_day_clock, "2026-01-05T10:19:59+02:00")
    assert _asks(phones[PHONE_1]) == 1
    await _at(hass, dose_day_clock, "2026-01-05T10:20:00+02:00")
    assert _asks(phones[PHONE_1]) == 2
    await _at(hass, dose_day_clock, "2026-01-05T11:00:00+02:00")
    assert _asks(phones[PHONE_1]) == 2  # once, not every twenty minutes
    assert phones[PHONE_2] == []  # Sam's reminders are Sam's own

    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    assert phones[PHONE_1][-1].data["message"] == "How is your mood right now?"


async def test_not_today_rests_until_the_next_days_check_in_time(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Alex rests today's reminders; Sam's go on; tomorrow Alex is asked again."""
    due = async_capture_events(hass, f"{DOMAIN}_check_in_due")
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID, choice=2)  # not today
    await _at(hass, dose_day_clock, "2026-01-05T21:30:00+02:00")
    assert _asks(phones[PHONE_1]) == 1  # only the first request
    assert _asks(phones[PHONE_2]) == 1
    assert [event.data["partner"] for event in due] == [2]  # nothing to re-ask

    await _at(hass, dose_day_clock, "2026-01-06T21:30:00+02:00")
    assert _asks(phones[PHONE_1]) == 2
    assert [event.data["partner"] for event in due] == [2, 1, 2]


async def test_an_automation_does_not_ask_again_after_not_today(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """The reminder blueprint skips Alex, who said "Not today"; Alex may still ask."""
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID, choice=2)  # not today

    response = await act_as(hass, None, couple, "request_check_in")
    assert response == {"phones": {"1": "not_today", "2": "sent"}}
    assert _asks(phones[PHONE_1]) == 1
    assert _asks(phones[PHONE_2]) == 1

    response = await act_as(hass, ALEX_USER_ID, couple, "request_check_in", partner=1)
    assert response == {"phones": {"1": "sent"}}
    assert _asks(phones[PHONE_1]) == 2


async def test_the_other_partners_request_leaves_a_snooze_standing(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Sam asking for both does not reach Alex while Alex's snooze holds."""
    snoozes = couple.runtime_data.conversation.snoozes
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    pending = snoozes.pending_at(1, Reminder.CHECK_IN)
    assert pending is not None

    for asker in (SAM_USER_ID, None):  # the other partner, then an automation
        response = await act_as(hass, asker, couple, "request_check_in")
        assert response["phones"]["1"] == "later"
    assert _asks(phones[PHONE_1]) == 1
    assert snoozes.pending_at(1, Reminder.CHECK_IN) == pending
    await _at(hass, dose_day_clock, "2026-01-05T10:20:00+02:00")
    assert _asks(phones[PHONE_1]) == 2  # the "Later" came as Alex asked

    await _later(hass, phones[PHONE_1], ALEX_USER_ID, choice=2)  # not today
    response = await act_as(hass, SAM_USER_ID, couple, "request_check_in")
    assert response["phones"]["1"] == "not_today"
    assert _asks(phones[PHONE_1]) == 2

    response = await act_as(hass, ALEX_USER_ID, couple, "request_check_in")
    assert response["phones"]["1"] == "sent"  # Alex's own request still asks
    assert _asks(phones[PHONE_1]) == 3


async def test_a_later_that_lands_in_quiet_hours_waits_for_them_to_end(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Asked at 22:20 (quiet from 22:30), "Later" is held until 07:30."""
    await _at(hass, dose_day_clock, "2026-01-05T22:20:00+02:00")
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    asked = _asks(phones[PHONE_1])  # 21:30's request and this one
    await _at(hass, dose_day_clock, "2026-01-05T22:40:00+02:00")
    await _at(hass, dose_day_clock, "2026-01-06T07:29:59+02:00")
    assert _asks(phones[PHONE_1]) == asked
    await _at(hass, dose_day_clock, "2026-01-06T07:30:00+02:00")
    assert _asks(phones[PHONE_1]) == asked + 1


@pytest.mark.parametrize(
    "back_at",
    [
        pytest.param("2026-01-05T10:05:00+02:00", id="restart_before_the_time"),
        pytest.param("2026-01-05T10:45:00+02:00", id="down_past_the_time"),
    ],
)
async def test_a_later_survives_a_restart(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    back_at: str,
) -> None:
    """The time to ask again is stored; one that passed while down asks at once."""
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    assert await hass.config_entries.async_unload(couple.entry_id)
    await hass.async_block_till_done()
    dose_day_clock.move_to(dt_util.parse_datetime(back_at))
    await async_set_up(hass, couple)
    await _at(hass, dose_day_clock, "2026-01-05T10:50:00+02:00")
    assert _asks(phones[PHONE_1]) == 2  # asked again, exactly once
    await _at(hass, dose_day_clock, "2026-01-05T12:00:00+02:00")
    assert _asks(phones[PHONE_1]) == 2


@pytest.mark.parametrize("answer", ["action", "panel", "phone"])
async def test_checking_in_drops_a_pending_later(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
    answer: str,
) -> None:
    """Checked in meanwhile (action, panel, or a request Alex made): no re-ask."""
    scores = {"mood": 3, "connection": 3, "stress": 3}
    await act(hass, couple, "request_check_in", partner=1)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    if answer == "action":
        await act(hass, couple, "check_in", partner=1, **scores)
    elif answer == "panel":
        reply = await ws(
            ALEX_USER_ID, "check_in", config_entry_id=couple.entry_id, **scores
        )
        assert reply["success"], reply
    else:
        await act_as(hass, ALEX_USER_ID, couple, "request_check_in", partner=1)
        await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
        for _step in range(3):
            buttons = phones[PHONE_1][-1].data["data"]["actions"]
            await tap(hass, buttons[1]["action"], user_id=ALEX_USER_ID)
    asks = _asks(phones[PHONE_1])
    await _at(hass, dose_day_clock, "2026-01-05T12:00:00+02:00")
    assert _asks(phones[PHONE_1]) == asks
    assert couple.runtime_data.conversation.checkins.records


async def test_the_other_partners_taps_snooze_nothing(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Sam pressing Alex's "Later" or "Not today" leaves Alex's request as it was."""
    await act(hass, couple, "request_check_in", partner=1)
    request = couple.runtime_data.conversation.requests["1:checkin"]
    sent = len(phones[PHONE_1])
    for button in request_buttons(phones[PHONE_1][-1]):
        await tap(hass, button, user_id=SAM_USER_ID)
    assert len(phones[PHONE_1]) == sent
    assert couple.runtime_data.conversation.requests["1:checkin"] == request
    await _at(hass, dose_day_clock, "2026-01-05T11:00:00+02:00")
    assert _asks(phones[PHONE_1]) == 1
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)  # Alex's own tap counts
    await _at(hass, dose_day_clock, "2026-01-05T11:20:00+02:00")
    assert _asks(phones[PHONE_1]) == 2


async def test_the_morning_note_reaches_only_those_still_to_dose(
    hass: HomeAssistant,
    early_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Alex dosed at 07:00; at 08:00 only Sam's phone gets the dose-day note."""
    entry = early_couple
    await act(hass, entry, "set_intention", intention="listen more")
    await act(hass, entry, "log_dose", partner=1)
    await _at(hass, dose_day_clock, "2026-01-05T08:00:00+02:00")
    assert _mornings(phones[PHONE_1]) == []
    (note,) = _mornings(phones[PHONE_2])
    assert note["title"] == "A dose day, Sam"
    assert note["message"] == (
        "Today is a dose day. No alcohol today.\nYour intention: listen more"
    )
    link = f"/microdose-together/dose?couple={entry.entry_id}"
    data = note["data"]
    assert data["tag"] == f"{DOMAIN}_{entry.entry_id}_2_morning"
    assert data["visibility"] == "private"
    assert (data["url"], data["clickAction"]) == (link, link)
    main, later, not_today = data["actions"]
    assert main == {"action": "URI", "title": "Open Together", "uri": link}
    assert (later["title"], not_today["title"]) == ("Later", "Not today")
    assert later["action"].startswith(f"MDT|{entry.entry_id}|2|")

    await _at(hass, dose_day_clock, "2026-01-06T08:00:00+02:00")  # a rest day
    assert len(_mornings(phones[PHONE_2])) == 1


async def test_a_later_morning_note_comes_again_until_the_dose_is_logged(
    hass: HomeAssistant,
    early_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Sam's "Later" brings the note back in 30 minutes; the dose closes it."""
    entry = early_couple
    await _at(hass, dose_day_clock, "2026-01-05T08:00:00+02:00")
    await _later(hass, phones[PHONE_2], SAM_USER_ID)
    await _later(hass, phones[PHONE_1], ALEX_USER_ID, choice=2)  # not today
    await _at(hass, dose_day_clock, "2026-01-05T08:29:59+02:00")
    assert len(_mornings(phones[PHONE_2])) == 1
    await _at(hass, dose_day_clock, "2026-01-05T08:30:00+02:00")
    assert len(_mornings(phones[PHONE_2])) == 2
    assert len(_mornings(phones[PHONE_1])) == 1  # Alex rested it

    await _later(hass, phones[PHONE_2], SAM_USER_ID)
    await act(hass, entry, "log_dose", partner=2)
    assert phones[PHONE_2][-1].data["message"] == CLEAR
    await _at(hass, dose_day_clock, "2026-01-05T10:00:00+02:00")
    assert len(_mornings(phones[PHONE_2])) == 2  # answered: nothing more
    assert (
        entry.runtime_data.conversation.snoozes.pending_at(2, Reminder.MORNING) is None
    )


async def _later_on_the_morning_note(
    hass: HomeAssistant, calls: list[ServiceCall], user_id: str
) -> None:
    """Tap "Later" on the morning note, wherever it is among the phone's messages."""
    later = _mornings(calls)[-1]["data"]["actions"][1]
    assert later["title"] == "Later"
    await tap(hass, later["action"], user_id=user_id)


async def test_a_morning_note_put_off_into_the_night_is_not_sent_the_next_day(
    hass: HomeAssistant,
    early_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Held by quiet hours, the note would say "today is a dose day" on a rest day."""
    phone_channel = early_couple.runtime_data.conversation.phones
    snoozes = early_couple.runtime_data.conversation.snoozes
    await _at(hass, dose_day_clock, "2026-01-05T08:00:00+02:00")
    await _at(hass, dose_day_clock, "2026-01-05T22:15:00+02:00")
    await _later_on_the_morning_note(hass, phones[PHONE_2], SAM_USER_ID)
    await _at(hass, dose_day_clock, "2026-01-05T22:45:00+02:00")  # quiet hours
    assert [item["slot"] for item in phone_channel.held_as_list()] == [2]
    await _at(hass, dose_day_clock, "2026-01-05T23:45:00+02:00")
    await _later_on_the_morning_note(hass, phones[PHONE_1], ALEX_USER_ID)
    assert snoozes.rests_today(1, Reminder.MORNING)  # 00:15 would be tomorrow
    assert snoozes.pending_at(1, Reminder.MORNING) is None
    await _at(hass, dose_day_clock, "2026-01-06T07:30:00+02:00")  # a rest day
    for phone in (PHONE_1, PHONE_2):
        assert len(_mornings(phones[phone])) == 1
    assert phone_channel.held_as_list() == []


async def test_logging_the_dose_closes_an_open_morning_note(
    hass: HomeAssistant,
    early_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Dosed from the panel while the note is on the phone: the note goes away."""
    entry = early_couple
    await _at(hass, dose_day_clock, "2026-01-05T08:00:00+02:00")
    await act(hass, entry, "log_dose", partner=1)
    assert phones[PHONE_1][-1].data == {
        "message": CLEAR,
        "data": {"tag": f"{DOMAIN}_{entry.entry_id}_1_morning"},
    }
    assert "1:morning" not in entry.runtime_data.conversation.requests
    assert "2:morning" in entry.runtime_data.conversation.requests


async def test_a_later_past_the_hours_limit_is_not_sent(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Six requests within the hour are the most; "Later" then waits for none."""
    for _ in range(6):
        await act(hass, couple, "request_check_in", partner=1)
    await tap(hass, request_buttons(phones[PHONE_1][-1])[0] + "x", user_id=ALEX_USER_ID)
    assert phones[PHONE_1][-1].data["message"] == ASK  # not a choice: no step on
    await _later(hass, phones[PHONE_1], ALEX_USER_ID)
    await _at(hass, dose_day_clock, "2026-01-05T10:20:00+02:00")
    assert _asks(phones[PHONE_1]) == 6
    assert "was asked for a check-in 6 times this hour" in caplog.text


@pytest.mark.parametrize(
    "snoozes",
    [
        pytest.param([], id="not_a_mapping"),
        pytest.param({"1:checkin": {"ask_at": "soon"}}, id="not_a_time"),
        pytest.param({"3:checkin": {}}, id="no_such_partner"),
    ],
)
async def test_a_damaged_snooze_sets_the_file_aside(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    real_storage: None,
    dose_day_clock: FrozenDateTimeFactory,
    snoozes: object,
) -> None:
    """A hand-edited snooze never becomes a timer; the couple gets a repair."""
    entry = make_entry()
    path = Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))
    content = json.dumps(
        {
            "version": 2,
            "minor_version": 1,
            "key": path.name,
            "data": {"doses": [], "snoozes": snoozes},
        }
    )
    await hass.async_add_executor_job(write_file, path, content)
    await async_set_up(hass, entry)
    assert issue_registry.async_get_issue(DOMAIN, f"store_reset_{entry.entry_id}")
    await _at(hass, dose_day_clock, "2026-01-05T12:00:00+02:00")
    assert phones[PHONE_1] == []
