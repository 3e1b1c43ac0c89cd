"""Restarts at any moment of the day lose nothing and leave every timer armed.

The day is Wednesday 2026-01-07 in Helsinki, a rest day before the dose day of
Thursday 2026-01-08 (one day on, two off, from Monday 2026-01-05). Quiet hours
are the defaults, 22:30 to 07:30; the check-in is asked at 21:30.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.util import dt as dt_util
import orjson
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .demo_home import CEILING, LIGHTS, RITUAL_OPTIONS, async_set_up_demo, look
from .helpers import act, act_as, async_set_up, state_of, tap, ws_call

DAY = date(2026, 1, 7)
DOSE_DAY = DAY + timedelta(days=1)
QUIET_START, QUIET_END = time(22, 30), time(7, 30)
CHECK_IN_TIME = time(21, 30)


def _local(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, dt_util.get_default_time_zone())


async def _at(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: datetime
) -> None:
    freezer.move_to(when)
    async_fire_time_changed(hass, when)
    await hass.async_block_till_done()


def _actions(call: ServiceCall) -> list[str]:
    return [action["action"] for action in call.data["data"]["actions"]]


def _messages(calls: list[ServiceCall], since: int) -> list[ServiceCall]:
    """Return what reached a phone since a point, leaving out the clear commands."""
    return [c for c in calls[since:] if c.data["message"] != "clear_notification"]


def _purpose(call: ServiceCall) -> str:
    tag: str = call.data["data"]["tag"]
    return tag.rsplit("_", 1)[-1]


def _stored(entry: MockConfigEntry) -> bytes:
    return orjson.dumps(
        entry.runtime_data.stored_for_diagnostics(), option=orjson.OPT_SORT_KEYS
    )


async def _reload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()


async def _answer_check_in_dialog(
    hass: HomeAssistant, calls: list[ServiceCall], note: str
) -> None:
    """Go on from Alex's phone's last message: now, good, close, calm, then a note."""
    choices = {"not_today": "now", "good": "good", "close": "close", "high": "calm"}
    while (last := _actions(calls[-1])[-1].rsplit("|", 1)[-1]) != "done":
        choice = choices.pop(last)  # each step is answered once, in order
        await tap(
            hass,
            next(a for a in _actions(calls[-1]) if a.endswith(choice)),
            user_id=ALEX_USER_ID,
        )
    await tap(hass, _actions(calls[-1])[0], note, user_id=ALEX_USER_ID)


def _prompt_text(prompt: dict[str, Any], entry: MockConfigEntry) -> str:
    """Return the text of the prompt the action sent."""
    library = entry.runtime_data.conversation.library
    return library.get(prompt["prompt_id"]).text


def _is_quiet(moment: time) -> bool:
    return moment >= QUIET_START or moment < QUIET_END


MOMENTS = ["00:00:01", "07:29:59", "07:30:00", "12:00:00", "21:29:59", "21:30:01"]
MOMENTS += ["22:45:00", "23:59:59"]


@pytest.mark.parametrize("moment", MOMENTS)
async def test_restart_at_any_moment_of_the_day(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
    moment: str,
) -> None:
    """Doses, check-ins, answers, pauses, the dialog and held messages survive."""
    clock = time.fromisoformat(moment)
    quiet = _is_quiet(clock)
    dose_day_clock.move_to(_local(DAY, clock))
    entry = make_entry()
    await async_set_up(hass, entry)
    due = async_capture_events(hass, f"{DOMAIN}_check_in_due")
    started = async_capture_events(hass, f"{DOMAIN}_dose_day_started")
    revealed = async_capture_events(hass, f"{DOMAIN}_prompt_revealed")
    sent = {phone: len(calls) for phone, calls in phones.items()}

    # A day's worth of use, most of it not yet written to disk.
    dose = await act(hass, entry, "log_dose", partner=1, acknowledge_off_protocol=True)
    await act(hass, entry, "check_in", partner=2, mood=2, connection=4, stress=3)
    prompt = await act(hass, entry, "send_prompt")
    answered = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "answer_prompt",
        config_entry_id=entry.entry_id,
        answer="before the restart",
    )
    assert answered["result"] == {"revealed": False}
    await act(hass, entry, "request_check_in", partner=1)
    if not quiet:
        await tap(hass, _actions(phones[PHONE_1][-1])[0], user_id=ALEX_USER_ID)  # now
        mood_good = _actions(phones[PHONE_1][-1])[2]
        await tap(hass, mood_good, user_id=ALEX_USER_ID)
    await act(hass, entry, "set_intention", intention="stay close")
    await act(hass, entry, "pause_protocol")
    before = _stored(entry)
    history = await act(
        hass, entry, "get_history", start=DAY.isoformat(), end=DAY.isoformat()
    )
    held = entry.runtime_data.stored_for_diagnostics().get("held", [])
    assert bool(held) is quiet
    if quiet:  # nothing but silent clear commands reach a phone in quiet hours
        assert _messages(phones[PHONE_1], sent[PHONE_1]) == []
        assert _messages(phones[PHONE_2], sent[PHONE_2]) == []

    await _reload(hass, entry)

    assert _stored(entry) == before
    assert (
        await act(
            hass, entry, "get_history", start=DAY.isoformat(), end=DAY.isoformat()
        )
        == history
    )
    assert entry.runtime_data.doses.records[-1].id == dose["dose_id"]
    assert state_of(hass, "sensor.sam_mood") == "2"
    assert state_of(hass, "text.alex_sam_shared_intention") == "stay close"
    assert state_of(hass, "switch.alex_sam_protocol_paused") == "on"
    await act(hass, entry, "resume_protocol")  # refused if the pause were lost

    # What was held goes out when quiet hours end; the dialog and prompt go on.
    release = None
    if quiet:
        release_day = DAY if clock < QUIET_END else DOSE_DAY
        release = _local(release_day, QUIET_END)
        await _at(hass, dose_day_clock, release - timedelta(seconds=1))
        assert _messages(phones[PHONE_1], sent[PHONE_1]) == []
        assert _messages(phones[PHONE_2], sent[PHONE_2]) == []
        await _at(hass, dose_day_clock, release)
        (question,) = _messages(phones[PHONE_1], sent[PHONE_1])
        request = entry.runtime_data.conversation.requests["1:checkin"]["id"]
        assert f"|{request}|" in _actions(question)[0]
        (delivered,) = _messages(phones[PHONE_2], sent[PHONE_2])
        assert _purpose(delivered) == "prompt"
        assert delivered.data["message"] == _prompt_text(prompt, entry)
    await _answer_check_in_dialog(hass, phones[PHONE_1], "after the restart")
    (record,) = [
        r for r in entry.runtime_data.conversation.checkins.records if r.partner == 1
    ]
    assert (record.mood, record.connection, record.stress) == (4, 4, 2)
    assert record.note == "after the restart"
    if release is None or release.date() == DAY:
        (prompt_call,) = [
            c
            for c in _messages(phones[PHONE_2], sent[PHONE_2])
            if _purpose(c) == "prompt"
        ]
        await tap(
            hass, _actions(prompt_call)[0], "after the restart too", user_id=SAM_USER_ID
        )
        assert len(revealed) == 1
        history = await act_as(
            hass,
            ALEX_USER_ID,
            entry,
            "get_history",
            start=DAY.isoformat(),
            end=DAY.isoformat(),
        )
        assert history["prompts"][-1]["answers"] == {
            "1": "before the restart",
            "2": "after the restart too",
        }

    # The day still turns at midnight, and the check-in is still asked at 21:30.
    await _at(hass, dose_day_clock, _local(DOSE_DAY, time(0)))
    assert [event.data["date"] for event in started] == [DOSE_DAY.isoformat()]
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"
    if clock < CHECK_IN_TIME:
        assert due == []  # both checked in on the day (Alex by phone)
    asked_before = {phone: len(calls) for phone, calls in phones.items()}
    await _at(hass, dose_day_clock, _local(DOSE_DAY, CHECK_IN_TIME))
    checked_in_on_dose_day = release is not None and release.date() == DOSE_DAY
    expected = [2] if checked_in_on_dose_day else [1, 2]
    assert [event.data["partner"] for event in due] == expected
    for slot, phone in ((1, PHONE_1), (2, PHONE_2)):
        asked = _messages(phones[phone], asked_before[phone])
        # The dose day's morning note also came at 08:00 (test_snooze.py).
        assert [_purpose(call) for call in asked if _purpose(call) != "morning"] == (
            ["checkin"] if slot in expected else []
        )
    assert [event.data["date"] for event in started] == [DOSE_DAY.isoformat()]


async def test_ritual_across_a_restart_and_midnight(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Started at 23:50, restarted twice, the ritual still ends at 00:20 as it was."""
    dose_day_clock.move_to(_local(DAY, time(23, 50)))
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS | {"ritual_auto_end": 30})
    await async_set_up(hass, entry)
    started = async_capture_events(hass, f"{DOMAIN}_dose_day_started")
    ended = async_capture_events(hass, f"{DOMAIN}_ritual_ended")
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    await act(hass, entry, "start_ritual")
    assert look(hass, CEILING) != before[CEILING]
    snapshot = entry.runtime_data.stored_for_diagnostics()["ritual"]

    await _at(hass, dose_day_clock, _local(DAY, time(23, 55)))
    await _reload(hass, entry)
    await _reload(hass, entry)
    assert entry.runtime_data.stored_for_diagnostics()["ritual"] == snapshot
    assert state_of(hass, "switch.alex_sam_ritual") == "on"

    await _at(hass, dose_day_clock, _local(DOSE_DAY, time(0)))
    assert [event.data["date"] for event in started] == [DOSE_DAY.isoformat()]
    await _at(hass, dose_day_clock, _local(DOSE_DAY, time(0, 19, 59)))
    assert state_of(hass, "switch.alex_sam_ritual") == "on"
    assert ended == []
    await _at(hass, dose_day_clock, _local(DOSE_DAY, time(0, 20)))
    assert state_of(hass, "switch.alex_sam_ritual") == "off"
    assert len(ended) == 1
    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before


async def test_a_prompt_held_overnight_is_not_answered_into_the_void(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A prompt sent in quiet hours is not delivered stale, or its answer is kept."""
    dose_day_clock.move_to(_local(DAY, time(22, 45)))
    entry = make_entry()
    await async_set_up(hass, entry)
    await act(hass, entry, "send_prompt")
    await _reload(hass, entry)
    await _at(hass, dose_day_clock, _local(DOSE_DAY, QUIET_END))

    delivered = [c for c in _messages(phones[PHONE_1], 0) if _purpose(c) == "prompt"]
    for call in delivered:
        await tap(
            hass, _actions(call)[0], "my answer from the morning", user_id=ALEX_USER_ID
        )
    history = await act(
        hass, entry, "get_history", start=DAY.isoformat(), end=DOSE_DAY.isoformat()
    )
    answered = [slot for shared in history["prompts"] for slot in shared["answered"]]
    assert answered == ([1] if delivered else [])


async def test_a_restart_does_not_bring_tonights_prompt_again(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The ritual prompts once an evening, and remembers it across a restart."""
    dose_day_clock.move_to(_local(DAY, time(20, 30)))
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS)
    await async_set_up(hass, entry)
    await act(hass, entry, "start_ritual")
    await act(hass, entry, "end_ritual")
    prompted = {phone: len(_messages(calls, 0)) for phone, calls in phones.items()}
    assert prompted == {PHONE_1: 1, PHONE_2: 1}

    await _reload(hass, entry)
    response = await act(hass, entry, "start_ritual")

    assert response["ok"] is True
    assert {p: len(_messages(calls, 0)) for p, calls in phones.items()} == prompted
