"""Limits on every path: prompts, check-in requests, check-ins, text, echoed input.

A looping automation, a stuck phone or a hostile caller must not flood the
partners' phones or the couple's history, and an error must never repeat a
caller's input at any length.
"""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
import voluptuous as vol

from .check_in_phone import tap_check_in_now
from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, tap

DAY = {"start": "2026-01-05", "end": "2026-01-05"}


async def _wait(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, **delta: Any
) -> None:
    freezer.tick(timedelta(**delta))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _actions(call: ServiceCall) -> list[str]:
    return [action["action"] for action in call.data["data"]["actions"]]


def _prompts(calls: list[ServiceCall]) -> list[ServiceCall]:
    return [call for call in calls if call.data.get("title") == "Tonight's prompt"]


async def _refused(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> ServiceValidationError:
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, entry, action, **data)
    assert str(err.value) != err.value.translation_key  # translated, not the key
    return err.value


async def _phone_check_in(
    hass: HomeAssistant,
    phone: list[ServiceCall],
    choices: tuple[int, int, int],
    user_id: str,
) -> None:
    """Tap "Check in now", then mood, connection and stress on the newest request."""
    await tap_check_in_now(hass, phone, user_id)
    for choice in choices:
        await tap(hass, _actions(phone[-1])[choice], user_id=user_id)


# ---- prompts per day ------------------------------------------------------


async def test_a_loop_of_send_prompt_sends_at_most_three_a_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """100 calls: three prompts per phone and in the store, the rest refused."""
    refused = []
    for _ in range(100):
        try:
            await act(hass, setup_entry, "send_prompt")
        except ServiceValidationError as err:
            refused.append(err)
    assert len(refused) == 97
    assert {err.translation_key for err in refused} == {"prompt_limit_reached"}
    assert "3 prompts" in str(refused[0])
    assert len(_prompts(phones[PHONE_1])) == 3
    assert len(_prompts(phones[PHONE_2])) == 3
    history = await act(hass, setup_entry, "get_history", **DAY)
    assert len(history["prompts"]) == 3

    await _wait(hass, freezer, days=1)  # a new local day
    await act(hass, setup_entry, "send_prompt")
    assert len(_prompts(phones[PHONE_1])) == 4


# ---- check-in requests per partner per hour --------------------------------


async def test_check_in_requests_are_limited_per_partner_and_hour(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Six requests in an hour reach Alex (the reminder blueprint at its busiest).

    The seventh is refused and nothing is sent to either phone, even when both
    were asked; Sam can still be asked alone, and Alex again after the hour.
    """
    for _ in range(6):  # check-in time plus five reminders, five minutes apart
        await act(hass, setup_entry, "request_check_in", partner=1)
        await _wait(hass, freezer, minutes=5)
    assert len(phones[PHONE_1]) == 6
    before = setup_entry.runtime_data.stored_for_diagnostics()

    err = await _refused(hass, setup_entry, "request_check_in", partner=1)
    assert err.translation_key == "check_in_request_limit_reached"
    assert "Alex" in str(err)
    err = await _refused(hass, setup_entry, "request_check_in")
    assert err.translation_key == "check_in_request_limit_reached"
    assert len(phones[PHONE_1]) == 6
    assert phones[PHONE_2] == []
    assert setup_entry.runtime_data.stored_for_diagnostics() == before

    await act(hass, setup_entry, "request_check_in", partner=2)
    assert len(phones[PHONE_2]) == 1

    await _wait(hass, freezer, minutes=35)  # the first request is an hour old
    await act(hass, setup_entry, "request_check_in", partner=1)
    assert len(phones[PHONE_1]) == 7


async def test_check_in_time_skips_a_partner_asked_too_often(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The daily request is not sent past the limit, and the timer goes on."""
    freezer.move_to(dt_util.parse_datetime("2026-01-05T21:00:00+02:00"))
    for _ in range(6):
        await act(hass, setup_entry, "request_check_in", partner=1)
    freezer.move_to(dt_util.parse_datetime("2026-01-05T21:30:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert len(phones[PHONE_1]) == 6
    assert len(phones[PHONE_2]) == 1  # Sam is still asked
    assert "was asked for a check-in 6 times this hour" in caplog.text


# ---- check-ins per partner per day -----------------------------------------


async def test_check_ins_are_limited_per_partner_and_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Ten a day for Alex; the eleventh changes nothing; Sam and tomorrow go on."""
    scores = {"mood": 3, "connection": 3, "stress": 3}
    for _ in range(10):
        await act(hass, setup_entry, "check_in", partner=1, **scores)
    before = setup_entry.runtime_data.stored_for_diagnostics()
    err = await _refused(hass, setup_entry, "check_in", partner=1, **scores)
    assert err.translation_key == "check_in_limit_reached"
    assert "Alex" in str(err)
    assert "10" in str(err)
    assert setup_entry.runtime_data.stored_for_diagnostics() == before

    await act(hass, setup_entry, "check_in", partner=2, **scores)
    await _wait(hass, freezer, days=1)
    await act(hass, setup_entry, "check_in", partner=1, **scores)
    history = await act(
        hass, setup_entry, "get_history", start="2026-01-05", end="2026-01-06"
    )
    assert [r["partner"] for r in history["check_ins"]] == [1] * 10 + [2, 1]


async def test_a_phone_check_in_past_the_daily_limit_is_dropped(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The eleventh check-in tapped on the phone records nothing; the log says why."""
    for _ in range(10):
        await act(
            hass, setup_entry, "check_in", partner=2, mood=3, connection=3, stress=3
        )
    await act(hass, setup_entry, "request_check_in", partner=2)
    await _phone_check_in(hass, phones[PHONE_2], (2, 2, 0), SAM_USER_ID)
    conversation = setup_entry.runtime_data.conversation
    assert len(conversation.checkins.records) == 10
    assert "2:checkin" not in conversation.requests
    # the request, mood, connection, stress: no note step
    assert len(phones[PHONE_2]) == 4
    assert "checked in 10 times today" in caplog.text


# ---- text length and control characters on the phone path -----------------


async def test_a_reply_of_a_million_characters_stores_and_sends_at_most_the_limit(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The answer keeps its first 2,000 characters; the reveal carries neither."""
    await act(hass, setup_entry, "send_prompt")
    huge = "we went on " * 100_000  # 1,100,000 characters
    await tap(hass, _actions(phones[PHONE_1][-1])[0], huge, user_id=ALEX_USER_ID)
    await tap(
        hass, _actions(phones[PHONE_2][-1])[0], "short and sweet", user_id=SAM_USER_ID
    )

    history = await act_as(hass, SAM_USER_ID, setup_entry, "get_history", **DAY)
    answers = history["prompts"][0]["answers"]
    assert len(answers["1"]) <= 2000
    assert answers["1"] == huge[:2000].strip()
    assert answers["2"] == "short and sweet"
    for phone in (PHONE_1, PHONE_2):
        reveal = phones[phone][-1].data
        assert reveal["title"].endswith("answered too")
        assert "short and sweet" not in repr(reveal)
        assert "we went on" not in repr(reveal)
    assert "longer than 2000 characters" in caplog.text
    assert "we went on" not in caplog.text


async def test_a_phone_note_loses_control_characters_and_keeps_line_breaks(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Escape codes and NULs never reach the store; a too-long note is cut."""
    await act(hass, setup_entry, "request_check_in", partner=1)
    await _phone_check_in(hass, phones[PHONE_1], (1, 1, 1), ALEX_USER_ID)
    reply = _actions(phones[PHONE_1][-1])[0]
    await tap(
        hass,
        reply,
        "\x1b[2Jtired\x00 but\x07 close\r\nreally " + "z" * 5000,
        user_id=ALEX_USER_ID,
    )
    history = await act_as(hass, ALEX_USER_ID, setup_entry, "get_history", **DAY)
    note = history["check_ins"][0]["note"]
    assert note.startswith("[2Jtired but close\nreally zzz")
    assert len(note) == 2000


async def test_a_prompt_answer_from_the_phone_is_cleaned(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Both answers are kept without control characters, line breaks intact."""
    await act(hass, setup_entry, "send_prompt")
    await tap(
        hass,
        _actions(phones[PHONE_1][-1])[0],
        "line one\x00\nline\x08 two\t!",
        user_id=ALEX_USER_ID,
    )
    await tap(
        hass, _actions(phones[PHONE_2][-1])[0], "\x7fok\ud800", user_id=SAM_USER_ID
    )
    history = await act_as(hass, ALEX_USER_ID, setup_entry, "get_history", **DAY)
    assert history["prompts"][0]["answers"] == {
        "1": "line one\nline two !",
        "2": "ok",
    }


# ---- errors never repeat long input ----------------------------------------


async def test_an_unknown_couple_is_named_short(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A 10,000-character entry id is repeated as 40 characters at most."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "microdose_together",
            "request_check_in",
            {"config_entry_id": "n" * 10_000},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == "entry_not_found"
    shown = err.value.translation_placeholders["entry_id"]
    assert len(shown) == 40
    assert shown.endswith("…")
    assert len(str(err.value)) < 200


async def test_an_unknown_dose_id_is_named_short(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Deleting a dose by a huge id does not repeat it."""
    err = await _refused(hass, setup_entry, "delete_dose", dose_id="d" * 100_000)
    assert err.translation_key == "dose_not_found"
    assert len(str(err)) < 200


async def test_a_reserved_button_id_is_named_short(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A button id of the integration's own is refused without repeating all of it."""
    err = await _refused(
        hass,
        setup_entry,
        "notify_partners",
        message="hello",
        actions=[{"action": "MDT|" + "x" * 50_000, "title": "Go"}],
    )
    assert err.translation_key == "message_action_reserved"
    assert len(str(err)) < 300


async def test_a_partner_that_is_not_a_number_is_named_short(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A score or slot given as a huge text is not repeated in the error."""
    with pytest.raises(vol.Invalid) as err:
        await act(hass, setup_entry, "request_check_in", partner="p" * 100_000)
    assert len(str(err.value)) < 300


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("log_dose", {"partner": 1, "time": "t" * 100_000}),
        ("notify_partners", {"message": "hi", "tag": "Not A Slug " * 10_000}),
    ],
)
async def test_an_unreadable_time_or_tag_is_named_short(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    action: str,
    data: dict[str, Any],
) -> None:
    """Home Assistant's own checks would repeat all of it; these do not."""
    with pytest.raises(vol.Invalid) as err:
        await act(hass, setup_entry, action, **data)
    assert len(str(err.value)) < 300


async def test_a_logged_warning_never_carries_the_reply(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever the integration logs about a long note, the note is not in it."""
    caplog.set_level(logging.DEBUG, logger="custom_components.microdose_together")
    await act(hass, setup_entry, "request_check_in", partner=2)
    await _phone_check_in(hass, phones[PHONE_2], (0, 0, 0), SAM_USER_ID)
    secret = "only for me " * 1000
    await tap(hass, _actions(phones[PHONE_2][-1])[0], secret, user_id=SAM_USER_ID)
    assert "longer than 2000 characters" in caplog.text
    assert "only for me" not in caplog.text


@pytest.mark.parametrize("message", ["command_launch_app", "TTS", "clear_badge"])
async def test_a_companion_app_command_is_not_a_message(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    message: str,
) -> None:
    """notify_partners sends only what a phone shows, so nothing held is a command."""
    err = await _refused(hass, setup_entry, "notify_partners", message=message)
    assert err.translation_key == "message_is_a_command"
    assert phones[PHONE_1] == []
    assert phones[PHONE_2] == []


async def test_a_message_with_a_long_tag_and_button_id_survives_a_restart(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """What notify_partners takes is what the store's check takes back."""
    freezer.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    await act(
        hass,
        setup_entry,
        "notify_partners",
        partner=1,
        message="Walk?",
        tag="a" * 300,
        actions=[{"action": "WALK_" + "Y" * 3000, "title": "Yes"}],
    )
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    freezer.move_to(dt_util.parse_datetime("2026-01-06T07:30:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert "Walk?" in [call.data["message"] for call in phones[PHONE_1]]
    assert not ir.async_get(hass).async_get_issue(
        "microdose_together", f"store_reset_{setup_entry.entry_id}"
    )
