"""The weekly summary: the last seven days in numbers, to both phones, once a week.

The couple sets up on Monday 2026-01-05 (Helsinki), the first dose day of a
Fadiman schedule, so the week's dose days are Monday 5, Thursday 8 and Sunday
11 January. By default the summary arrives on Sunday at 18:00, held through
quiet hours (22:30 to 07:30) like every other message.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, async_set_up, tap

PHONES = {1: PHONE_1, 2: PHONE_2}
OWNERS = {1: ALEX_USER_ID, 2: SAM_USER_ID}
ALEX_NOTE = "alex-weekly-private-note-7d3f"
ALEX_ANSWER = "alex-weekly-private-answer-c81e"
SAM_ANSWER = "sam-weekly-private-answer-42ab"
INTENTION = "weekly-shared-intention-9b05"
PRIVATE_WORDS = (ALEX_NOTE, ALEX_ANSWER, SAM_ANSWER, INTENTION)
INTENTION_ENTITY = "text.alex_sam_shared_intention"
CONVERSATION_EVENTS = "event.alex_sam_conversation"
EVENT = f"{DOMAIN}_weekly_summary"

# What both phones read on Sunday 11 January at 18:00 after the week below.
WEEK_MESSAGE = (
    "Alex: checked in on 2 of 7 days · mood 4.5/5 · connection 3.5/5 · doses 3\n"
    "Sam: checked in on 1 of 7 days · mood 2.0/5 · connection 3.0/5 · doses 2\n"
    "Dose days on the schedule: 3. Today: a dose day.\n"
    "Next dose day: Wednesday 14 January."
)
WEEK_MESSAGE_FI = (
    "Alex: kuulumiset kirjattu 2/7 päivänä · mieliala 4,5/5 · yhteys 3,5/5"
    " · annoksia 3\n"
    "Sam: kuulumiset kirjattu 1/7 päivänä · mieliala 2,0/5 · yhteys 3,0/5"
    " · annoksia 2\n"
    "Annospäiviä aikataulussa: 3. Tänään: annospäivä.\n"
    "Seuraava annospäivä: keskiviikko 14. tammikuuta."
)
WEEK_NUMBERS = {
    "start": "2026-01-05",
    "end": "2026-01-11",
    "days": 7,
    "partners": {
        "1": {"checkin_days": 2, "mood": 4.5, "connection": 3.5, "doses": 3},
        "2": {"checkin_days": 1, "mood": 2.0, "connection": 3.0, "doses": 2},
    },
    "scheduled_doses": 3,
    "phase": "dose_day",
    "next_dose": "2026-01-14",
    "baseline": False,
}


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _summaries(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    """Return the weekly summaries among a phone's messages."""
    return [
        dict(call.data)
        for call in calls
        if call.data.get("data", {}).get("tag", "").endswith("_weekly")
    ]


def _messages(phones: dict[str, list[ServiceCall]]) -> dict[int, list[str]]:
    return {
        slot: [sent["message"] for sent in _summaries(phones[phone])]
        for slot, phone in PHONES.items()
    }


async def _check_in(
    ws: Callable[..., Any], entry: MockConfigEntry, user: str, **data: Any
) -> None:
    reply = await ws(user, "check_in", config_entry_id=entry.entry_id, stress=2, **data)
    assert reply["success"], reply


async def _dose(ws: Callable[..., Any], entry: MockConfigEntry, user: str) -> None:
    reply = await ws(user, "log_dose", config_entry_id=entry.entry_id)
    assert reply["success"], reply


async def _answer_tonights_prompt(
    hass: HomeAssistant, entry: MockConfigEntry, phones: dict[str, list[ServiceCall]]
) -> None:
    """Each partner answers tonight's prompt on their own phone."""
    await act(hass, entry, "send_prompt")
    for slot, answer in ((1, ALEX_ANSWER), (2, SAM_ANSWER)):
        (prompt,) = [
            call
            for call in phones[PHONES[slot]]
            if call.data["data"]["tag"].endswith("_prompt")
        ]
        (reply,) = [action["action"] for action in prompt.data["data"]["actions"]]
        await tap(hass, reply, answer, user_id=OWNERS[slot])


@pytest.fixture
async def lived_week(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> MockConfigEntry:
    """Live Monday to Sunday morning of the first week.

    Monday: both dose; Alex checks in (mood 4, connection 4) with a private
    note, Sam too (2, 3); both answer tonight's prompt; the shared intention is
    set. Tuesday: Alex checks in (5, 3). Thursday: Alex doses. Sunday 10:00:
    both dose, so the next dose day is Wednesday 14 January.
    """
    entry = setup_entry
    for user in (ALEX_USER_ID, SAM_USER_ID):
        await _dose(ws, entry, user)
    await _check_in(ws, entry, ALEX_USER_ID, mood=4, connection=4, note=ALEX_NOTE)
    await _check_in(ws, entry, SAM_USER_ID, mood=2, connection=3)
    await _answer_tonights_prompt(hass, entry, phones)
    await hass.services.async_call(
        "text",
        "set_value",
        {"entity_id": INTENTION_ENTITY, "value": INTENTION},
        blocking=True,
    )
    await _at(hass, dose_day_clock, "2026-01-06T10:00:00+02:00")
    await _check_in(ws, entry, ALEX_USER_ID, mood=5, connection=3)
    await _at(hass, dose_day_clock, "2026-01-08T10:00:00+02:00")
    await _dose(ws, entry, ALEX_USER_ID)
    await _at(hass, dose_day_clock, "2026-01-11T10:00:00+02:00")
    for user in (ALEX_USER_ID, SAM_USER_ID):
        await _dose(ws, entry, user)
    return entry


async def _set_reminders(
    hass: HomeAssistant, entry: MockConfigEntry, **changes: Any
) -> dict[str, Any]:
    """Change the reminders section of the options; return its defaults as shown."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "notifications"}
    )
    assert result["type"] is FlowResultType.FORM
    shown = {str(key): key.default() for key in result["data_schema"].schema}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], shown | changes
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    return shown


async def test_sunday_evening_both_phones_get_the_week(
    hass: HomeAssistant,
    lived_week: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 18:00 on Sunday each phone gets the same numbers; automations get them too."""
    events = async_capture_events(hass, EVENT)
    await _at(hass, freezer, "2026-01-11T17:59:59+02:00")
    assert _messages(phones) == {1: [], 2: []}
    assert events == []

    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    entry_id = lived_week.entry_id
    link = f"/microdose-together/insights?couple={entry_id}"
    for slot, phone in PHONES.items():
        assert _summaries(phones[phone]) == [
            {
                "title": "Your week together",
                "message": WEEK_MESSAGE,
                "data": {
                    "tag": f"{DOMAIN}_{entry_id}_{slot}_weekly",
                    "group": DOMAIN,
                    "visibility": "private",
                    "url": link,
                    "clickAction": link,
                },
            }
        ]
    (event,) = events
    assert dict(event.data) == {"config_entry_id": entry_id} | WEEK_NUMBERS
    state = hass.states.get(CONVERSATION_EVENTS)
    assert state is not None
    assert state.attributes["event_type"] == "weekly_summary"
    assert state.attributes["scheduled_doses"] == 3

    await _at(hass, freezer, "2026-01-11T18:00:01+02:00")
    assert _messages(phones) == {1: [WEEK_MESSAGE], 2: [WEEK_MESSAGE]}


async def test_no_private_words_in_the_summary(
    hass: HomeAssistant,
    lived_week: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Notes, answers and the intention are in the week, and nowhere in the summary."""
    stored = repr(lived_week.runtime_data.stored_for_diagnostics())
    assert all(word in stored for word in (ALEX_NOTE, ALEX_ANSWER, SAM_ANSWER))
    events = async_capture_events(hass, EVENT)
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")

    sent = json.dumps(
        [_summaries(phones[phone]) for phone in PHONES.values()], ensure_ascii=False
    )
    assert WEEK_MESSAGE in json.loads(sent)[0][0]["message"]
    fired = json.dumps([dict(event.data) for event in events])
    entity = hass.states.get(CONVERSATION_EVENTS)
    assert entity is not None
    shown = repr((entity.state, dict(entity.attributes)))
    for word in PRIVATE_WORDS:
        assert word not in sent
        assert word not in fired
        assert word not in shown


async def test_in_finnish_for_a_finnish_home(
    hass: HomeAssistant,
    lived_week: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The summary speaks the home's language, decimals and dates included."""
    hass.config.language = "fi"
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    (sent,) = _summaries(phones[PHONE_2])
    assert sent["title"] == "Viikkonne yhdessä"
    assert sent["message"] == WEEK_MESSAGE_FI


async def test_not_sent_on_other_days(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Monday to Saturday at 18:00 nothing is summed up; Sunday it is."""
    events = async_capture_events(hass, EVENT)
    for day in range(5, 11):
        await _at(hass, freezer, f"2026-01-{day:02d}T18:00:00+02:00")
    assert _messages(phones) == {1: [], 2: []}
    assert events == []
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    assert [len(found) for found in _messages(phones).values()] == [1, 1]
    assert len(events) == 1


async def test_turned_off_nothing_is_sent(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """With the summary off, Sunday evening passes without one or its event."""
    shown = await _set_reminders(hass, setup_entry, weekly_summary=False)
    assert shown["weekly_summary"] is True
    assert setup_entry.options["weekly_summary"] is False
    events = async_capture_events(hass, EVENT)
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    assert _messages(phones) == {1: [], 2: []}
    assert events == []


async def test_a_new_day_and_time_take_over_at_once(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Moved to Wednesday 07:45 in the options: sent then, and no longer on Sunday."""
    shown = await _set_reminders(
        hass, setup_entry, weekly_summary_day="2", weekly_summary_time="07:45:00"
    )
    assert (shown["weekly_summary_day"], shown["weekly_summary_time"]) == (
        "6",
        "18:00:00",
    )
    assert setup_entry.options["weekly_summary_day"] == 2
    await _at(hass, freezer, "2026-01-07T07:44:59+02:00")
    assert _messages(phones) == {1: [], 2: []}
    await _at(hass, freezer, "2026-01-07T07:45:00+02:00")
    first = _messages(phones)
    assert [len(found) for found in first.values()] == [1, 1]
    assert first[1][0].startswith("Alex: no check-ins this week · doses 0\n")
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    assert _messages(phones) == first


async def test_held_through_quiet_hours_and_sent_when_they_end(
    hass: HomeAssistant,
    lived_week: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Due at 23:00 on Sunday, it waits until 07:30 on Monday, then goes to both."""
    await _set_reminders(hass, lived_week, weekly_summary_time="23:00:00")
    events = async_capture_events(hass, EVENT)
    await _at(hass, freezer, "2026-01-11T23:00:00+02:00")
    assert len(events) == 1  # automations hear of it at once
    await _at(hass, freezer, "2026-01-12T07:29:59+02:00")
    assert _messages(phones) == {1: [], 2: []}
    await _at(hass, freezer, "2026-01-12T07:30:00+02:00")
    assert _messages(phones) == {1: [WEEK_MESSAGE], 2: [WEEK_MESSAGE]}


async def test_held_through_a_restart_and_sent_once(
    hass: HomeAssistant,
    lived_week: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A summary waiting for the morning is kept by a restart, and goes out once."""
    await _set_reminders(hass, lived_week, weekly_summary_time="23:00:00")
    await _at(hass, freezer, "2026-01-11T23:00:00+02:00")
    assert await hass.config_entries.async_reload(lived_week.entry_id)
    await hass.async_block_till_done()
    assert not ir.async_get(hass).async_get_issue(
        DOMAIN, f"store_reset_{lived_week.entry_id}"
    )
    await _at(hass, freezer, "2026-01-12T07:30:00+02:00")
    assert _messages(phones) == {1: [WEEK_MESSAGE], 2: [WEEK_MESSAGE]}


async def test_a_baseline_week_before_the_first_day(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """A week early, the summary calls the check-ins a baseline and names day one."""
    entry = make_entry(options={"start_date": "2026-01-12"})
    await async_set_up(hass, entry)
    await _check_in(ws, entry, SAM_USER_ID, mood=3, connection=4)
    await _at(hass, dose_day_clock, "2026-01-11T18:00:00+02:00")
    (sent,) = _summaries(phones[PHONE_1])
    assert sent["message"] == (
        "Alex: no check-ins this week · doses 0\n"
        "Sam: checked in on 1 of 7 days · mood 3.0/5 · connection 4.0/5 · doses 0\n"
        "A baseline week: check-ins before your first day give the later"
        " comparison something to stand on.\n"
        "Next dose day: Monday 12 January."
    )


async def test_paused_no_dose_day_ahead(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """While the protocol is paused the summary says so instead of a next day."""
    await _at(hass, freezer, "2026-01-09T10:00:00+02:00")
    await act(hass, setup_entry, "pause_protocol")
    await _at(hass, freezer, "2026-01-11T18:00:00+02:00")
    (sent,) = _summaries(phones[PHONE_1])
    assert sent["message"].endswith(
        "Dose days on the schedule: 2. Today: paused.\n"
        "The protocol is paused, so no dose day lies ahead yet."
    )


@pytest.mark.parametrize(
    ("language", "word"), [("en", "baseline"), ("fi", "lähtötaso")]
)
async def test_setup_says_early_check_ins_are_the_baseline(
    hass: HomeAssistant, language: str, word: str
) -> None:
    """The first-day field in setup invites starting to check in a week early."""
    strings = await async_get_translations(hass, language, "config", [DOMAIN])
    help_text = strings[
        f"component.{DOMAIN}.config.step.protocol.data_description.start_date"
    ]
    assert word in help_text
