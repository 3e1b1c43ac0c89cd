"""Check-ins and prompts in Home Assistant: phones, replies, privacy, history."""

from __future__ import annotations

from datetime import timedelta
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.microdose_together.const import DOMAIN

from .check_in_phone import tap_check_in_now
from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, async_set_up, state_of, tap, ws_call

REQUEST = re.compile(r"^MDT\|(?P<entry>[^|]+)\|(?P<slot>[12])\|(?P<id>[0-9a-f]{12})\|")
PRIVATE = ("tired but close", "my secret answer", "their secret answer")


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _actions(call: ServiceCall) -> list[str]:
    return [action["action"] for action in call.data["data"]["actions"]]


def _no_private_text(hass: HomeAssistant) -> None:
    """Walk every state and attribute in Home Assistant."""
    for state in hass.states.async_all():
        text = repr((state.state, dict(state.attributes)))
        for private in PRIVATE:
            assert private not in text, state.entity_id


async def test_check_in_shows_scores_not_the_note(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Scores, time and streak appear; the note stays in the store."""
    recorded = async_capture_events(hass, f"{DOMAIN}_check_in_recorded")
    reply = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        mood=4,
        connection=5,
        stress=2,
        note="tired but close",
    )
    assert reply["success"], reply
    assert state_of(hass, "sensor.alex_mood") == "4"
    assert state_of(hass, "sensor.alex_connection") == "5"
    assert state_of(hass, "sensor.alex_stress") == "2"
    assert state_of(hass, "sensor.alex_last_check_in") == "2026-01-05T08:00:00+00:00"
    assert state_of(hass, "sensor.alex_check_in_streak") == "1"
    assert state_of(hass, "sensor.sam_mood") == "unknown"
    assert state_of(hass, "event.alex_sam_conversation") != "unknown"
    event = hass.states.get("event.alex_sam_conversation")
    assert event is not None
    assert event.attributes["event_type"] == "check_in_recorded"
    assert recorded[0].data["partner"] == 1
    assert recorded[0].data["partner_name"] == "Alex"
    assert "note" not in recorded[0].data
    _no_private_text(hass)


async def test_check_in_due_at_its_time_with_a_request_on_each_phone(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 21:30 both are due; each phone asks its own partner, who may go on now."""
    due = async_capture_events(hass, f"{DOMAIN}_check_in_due")
    assert state_of(hass, "binary_sensor.alex_check_in_due") == "off"
    await _at(hass, freezer, "2026-01-05T21:30:00+02:00")
    assert state_of(hass, "binary_sensor.alex_check_in_due") == "on"
    assert state_of(hass, "binary_sensor.sam_check_in_due") == "on"
    assert [event.data["partner"] for event in due] == [1, 2]

    (call,) = phones[PHONE_1]
    assert call.data["title"] == "Check-in for Alex"
    assert call.data["message"] == (
        "Time for your check-in: three quick taps on how today feels."
    )
    data = call.data["data"]
    assert data["tag"] == f"{DOMAIN}_{setup_entry.entry_id}_1_checkin"
    assert [action["title"] for action in data["actions"]] == [
        "Check in now",
        "Later",
        "Not today",
    ]
    match = REQUEST.match(data["actions"][0]["action"])
    assert match is not None
    assert match["entry"] == setup_entry.entry_id
    assert match["slot"] == "1"
    prefix = match.group(0)
    assert _actions(call) == [f"{prefix}now", f"{prefix}later", f"{prefix}not_today"]
    assert len(phones[PHONE_2]) == 1
    assert REQUEST.match(_actions(phones[PHONE_2][0])[0])["slot"] == "2"  # type: ignore[index]

    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    mood = phones[PHONE_1][-1]
    assert mood.data["message"] == "How is your mood right now?"
    assert mood.data["data"]["tag"] == data["tag"]  # it replaces the request
    assert [action["title"] for action in mood.data["data"]["actions"]] == [
        "Low",
        "Okay",
        "Good",
    ]
    mood_prefix = REQUEST.match(_actions(mood)[0]).group(0)  # type: ignore[union-attr]
    assert mood_prefix != prefix  # a new id: the request's buttons are closed
    assert _actions(mood) == [f"{mood_prefix}{c}" for c in ("low", "okay", "good")]

    await act(hass, setup_entry, "check_in", partner=1, mood=3, connection=3, stress=3)
    assert state_of(hass, "binary_sensor.alex_check_in_due") == "off"
    assert phones[PHONE_1][-1].data == {
        "message": "clear_notification",
        "data": {"tag": f"{DOMAIN}_{setup_entry.entry_id}_1_checkin"},
    }


async def test_phone_dialog_records_the_check_in_and_a_private_note(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Three taps record a check-in; the text reply becomes the private note."""
    await act(hass, setup_entry, "request_check_in", partner=2)
    assert phones[PHONE_1] == []
    await tap_check_in_now(hass, phones[PHONE_2], SAM_USER_ID)
    mood = _actions(phones[PHONE_2][-1])
    await tap(hass, mood[2], user_id=SAM_USER_ID)  # good
    connection = phones[PHONE_2][-1]
    assert connection.data["message"] == "How connected do you feel with Alex today?"
    assert [a["title"] for a in connection.data["data"]["actions"]] == [
        "Distant",
        "Okay",
        "Close",
    ]
    await tap(hass, _actions(connection)[2], user_id=SAM_USER_ID)  # close
    stress = phones[PHONE_2][-1]
    assert stress.data["message"] == "How stressed do you feel?"
    await tap(hass, _actions(stress)[0], user_id=SAM_USER_ID)  # calm
    assert state_of(hass, "sensor.sam_mood") == "4"
    assert state_of(hass, "sensor.sam_connection") == "4"
    assert state_of(hass, "sensor.sam_stress") == "2"

    note = phones[PHONE_2][-1]
    reply, done = note.data["data"]["actions"]
    assert reply["behavior"] == "textInput"
    assert reply["title"] == "Add a note"
    assert done["title"] == "No, thanks"
    await tap(hass, reply["action"], "tired but close", user_id=SAM_USER_ID)
    assert phones[PHONE_2][-1].data["message"] == "clear_notification"
    _no_private_text(hass)

    history = await act_as(
        hass,
        SAM_USER_ID,
        setup_entry,
        "get_history",
        start="2026-01-05",
        end="2026-01-05",
    )
    (check_in,) = history["check_ins"]
    assert check_in["partner"] == 2
    assert (check_in["mood"], check_in["connection"], check_in["stress"]) == (4, 4, 2)
    assert check_in["note"] == "tired but close"


async def test_forged_stale_and_repeated_taps_change_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    hass_storage: dict[str, Any],
) -> None:
    """Only the open request of the right couple and partner is heard."""
    await act(hass, setup_entry, "request_check_in", partner=1)
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    first = _actions(phones[PHONE_1][-1])
    await act(hass, setup_entry, "request_check_in", partner=1)  # replaces it
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    current = _actions(phones[PHONE_1][-1])
    sent = len(phones[PHONE_1])
    match = REQUEST.match(current[0])
    assert match is not None
    forged = [
        first[0],  # stale: an older request
        current[0].replace(setup_entry.entry_id, "01JOTHERCOUPLE0000000000000"),
        current[0].replace("|1|", "|2|"),  # the other partner's slot
        current[0].removesuffix("low") + "ecstatic",  # not a choice
        "MDT|broken",
        "SOMETHING_ELSE",
    ]
    for action in forged:
        await tap(hass, action, user_id=ALEX_USER_ID)
    assert len(phones[PHONE_1]) == sent
    assert phones[PHONE_2] == []

    # okay: the real one moves the dialog on
    await tap(hass, current[1], user_id=ALEX_USER_ID)
    assert len(phones[PHONE_1]) == sent + 1
    # the same tap again: that step is closed
    await tap(hass, current[1], user_id=ALEX_USER_ID)
    assert len(phones[PHONE_1]) == sent + 1
    assert setup_entry.runtime_data.conversation.checkins.records == []


async def test_prompt_answers_stay_private_until_both_replied(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Neither answer shows anywhere until the second one; then both phones hear it."""
    sent = async_capture_events(hass, f"{DOMAIN}_prompt_sent")
    revealed = async_capture_events(hass, f"{DOMAIN}_prompt_revealed")
    await act(hass, setup_entry, "send_prompt", theme="communication")
    prompt_text = "What did you feel today that you didn't say?"
    assert state_of(hass, "sensor.alex_sam_prompt_of_the_day") == prompt_text
    prompt_state = hass.states.get("sensor.alex_sam_prompt_of_the_day")
    assert prompt_state is not None
    assert prompt_state.attributes["theme"] == "communication"
    assert sent[0].data["prompt_id"] == "communication_01"

    for phone, slot in ((PHONE_1, 1), (PHONE_2, 2)):
        call = phones[phone][-1]
        assert call.data["title"] == "Tonight's prompt"
        assert call.data["message"] == prompt_text
        (answer,) = call.data["data"]["actions"]
        assert answer["behavior"] == "textInput"
        assert answer["title"] == "Answer"
        assert (
            call.data["data"]["tag"] == f"{DOMAIN}_{setup_entry.entry_id}_{slot}_prompt"
        )

    await tap(
        hass, _actions(phones[PHONE_1][-1])[0], "my secret answer", user_id=ALEX_USER_ID
    )
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "off"
    _no_private_text(hass)
    history = await act_as(
        hass,
        ALEX_USER_ID,
        setup_entry,
        "get_history",
        start="2026-01-05",
        end="2026-01-05",
    )
    assert history["prompts"][0]["answered"] == [1]
    assert history["prompts"][0]["answers"] == {}
    assert "my secret answer" not in repr(phones[PHONE_2])
    assert revealed == []

    reply = await ws_call(
        hass,
        hass_ws_client,
        SAM_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer="their secret answer",
    )
    assert reply["result"] == {"revealed": True}
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "on"
    assert len(revealed) == 1
    _no_private_text(hass)
    assert phones[PHONE_1][-1].data["title"] == "Sam answered too"
    assert phones[PHONE_2][-1].data["title"] == "Alex answered too"
    for phone in (PHONE_1, PHONE_2):  # the answers are read in Home Assistant
        reveal = phones[phone][-1].data
        assert (
            reveal["message"] == "Open Together in Home Assistant to read both answers."
        )
        assert "secret answer" not in repr(reveal)
    history = await act_as(
        hass,
        SAM_USER_ID,
        setup_entry,
        "get_history",
        start="2026-01-01",
        end="2026-01-31",
    )
    assert history["prompts"][0]["answers"] == {
        "1": "my secret answer",
        "2": "their secret answer",
    }

    reply = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer="changed",
    )
    assert reply["error"]["translation_key"] == "prompt_already_revealed"


async def test_quiet_hours_hold_messages_until_they_end(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 23:00 nothing is sent; at 07:30 only the newest request goes out."""
    await _at(hass, freezer, "2026-01-05T23:00:00+02:00")
    await act(hass, setup_entry, "request_check_in", partner=1)
    await act(hass, setup_entry, "request_check_in", partner=1)
    assert phones[PHONE_1] == []
    await _at(hass, freezer, "2026-01-06T07:29:59+02:00")
    assert phones[PHONE_1] == []
    await _at(hass, freezer, "2026-01-06T07:30:00+02:00")
    (call,) = phones[PHONE_1]
    newest = setup_entry.runtime_data.conversation.requests["1:checkin"]["id"]
    assert f"|{newest}|" in _actions(call)[0]


@pytest.mark.parametrize(
    ("action", "data", "key"),
    [
        (
            "get_history",
            {"start": "2026-01-05", "end": "2026-01-01"},
            "history_range_reversed",
        ),
        (
            "get_history",
            {"start": "2024-01-01", "end": "2026-01-01"},
            "history_range_too_long",
        ),
        (  # 367 days, both ends included
            "get_history",
            {"start": "2024-01-01", "end": "2025-01-01"},
            "history_range_too_long",
        ),
    ],
)
async def test_refusals_are_translated(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    action: str,
    data: dict[str, Any],
    key: str,
) -> None:
    """Each refusal names its reason and changes nothing."""
    before = setup_entry.runtime_data.stored_for_diagnostics()
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, setup_entry, action, **data)
    assert err.value.translation_key == key
    assert str(err.value) != key  # the translated text, not the bare key
    assert setup_entry.runtime_data.stored_for_diagnostics() == before


async def test_disabled_theme_is_refused(
    hass: HomeAssistant, make_entry: Any, phones: Any, dose_day_clock: Any
) -> None:
    """A theme turned off in the options cannot be asked for."""
    entry = make_entry(options={"themes": ["gratitude"]})
    await async_set_up(hass, entry)
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, entry, "send_prompt", theme="intimacy")
    assert err.value.translation_key == "theme_not_enabled"
    await act(hass, entry, "send_prompt")
    assert entry.runtime_data.conversation.current_prompt.theme == "gratitude"


async def test_shared_intention(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The intention is set from the dashboard or by action, and kept."""
    await hass.services.async_call(
        "text",
        "set_value",
        {"entity_id": "text.alex_sam_shared_intention", "value": "listen more"},
        blocking=True,
    )
    assert state_of(hass, "text.alex_sam_shared_intention") == "listen more"
    await act(hass, setup_entry, "set_intention", intention=" slow down together ")
    assert state_of(hass, "text.alex_sam_shared_intention") == "slow down together"


async def test_held_messages_survive_a_restart(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A request held for the morning is still sent after Home Assistant restarts."""
    await _at(hass, freezer, "2026-01-05T23:00:00+02:00")
    await act(hass, setup_entry, "request_check_in", partner=2)
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert phones[PHONE_2] == []

    await _at(hass, freezer, "2026-01-06T07:30:00+02:00")
    (call,) = phones[PHONE_2]
    request = setup_entry.runtime_data.conversation.requests["2:checkin"]["id"]
    assert f"|{request}|" in _actions(call)[0]


async def test_a_failing_phone_is_reported_and_the_rest_goes_on(
    hass: HomeAssistant,
    make_entry: Any,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One phone's action raising does not stop the other phone or the prompt."""

    async def broken(call: ServiceCall) -> None:
        raise HomeAssistantError("phone unreachable")

    hass.services.async_register("notify", "mobile_app_sam_phone", broken)
    entry = make_entry()
    await async_set_up(hass, entry)
    await act(hass, entry, "send_prompt")
    assert len(phones[PHONE_1]) == 1
    reported = "Could not reach notify.mobile_app_sam_phone: HomeAssistantError"
    assert reported in caplog.text
    assert "phone unreachable" not in caplog.text  # the error's text stays out
    assert entry.runtime_data.conversation.current_prompt is not None


async def test_note_step_can_be_skipped(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """ "No, thanks" closes the dialog; an empty reply or unknown choice does not."""
    await act(hass, setup_entry, "request_check_in", partner=1)
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    for _ in range(3):
        await tap(hass, _actions(phones[PHONE_1][-1])[1], user_id=ALEX_USER_ID)
    reply, done = _actions(phones[PHONE_1][-1])
    await tap(hass, reply, "   ", user_id=ALEX_USER_ID)
    await tap(hass, reply.removesuffix("note") + "other", user_id=ALEX_USER_ID)
    assert "1:checkin" in setup_entry.runtime_data.conversation.requests
    await tap(hass, done, user_id=ALEX_USER_ID)
    assert "1:checkin" not in setup_entry.runtime_data.conversation.requests
    assert phones[PHONE_1][-1].data["message"] == "clear_notification"
    (record,) = setup_entry.runtime_data.conversation.checkins.records
    assert (record.mood, record.connection, record.stress, record.note) == (
        3,
        3,
        3,
        None,
    )


@pytest.mark.parametrize(
    ("language", "title", "prompt"),
    [
        ("fi", "Illan kysymys", "Mitä tunsit tänään, mutta jätit sanomatta?"),
        ("de", "Tonight's prompt", "What did you feel today that you didn't say?"),
    ],
)
async def test_phone_texts_follow_the_language(
    hass: HomeAssistant,
    make_entry: Any,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
    language: str,
    title: str,
    prompt: str,
) -> None:
    """Finnish homes get Finnish prompts; others fall back to English."""
    hass.config.language = language
    entry = make_entry()
    await async_set_up(hass, entry)
    await act(hass, entry, "send_prompt", theme="communication")
    call = phones[PHONE_1][-1]
    assert call.data["title"] == title
    assert call.data["message"] == prompt


async def test_long_custom_prompt_fits_the_state(
    hass: HomeAssistant,
    make_entry: Any,
    phones: Any,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A state holds 255 characters; the phone still gets the whole prompt."""
    text = "Why " + "really " * 50 + "?"
    entry = make_entry(
        options={
            "themes": ["gratitude"],
            "custom_prompts": [{"id": "custom_1", "theme": "gratitude", "text": text}],
        }
    )
    await async_set_up(hass, entry)
    for sent in range(14):  # the built-in gratitude prompts come first
        await act(hass, entry, "send_prompt")
        if sent % 3 == 2:  # three prompts a day at most
            dose_day_clock.tick(timedelta(days=1))
            async_fire_time_changed(hass)
            await hass.async_block_till_done()
    await act(hass, entry, "send_prompt")
    state = state_of(hass, "sensor.alex_sam_prompt_of_the_day")
    assert len(state) == 255
    assert state.endswith("…")
    assert phones[PHONE_1][-1].data["message"] == text


async def test_no_theme_at_all_is_refused(
    hass: HomeAssistant, make_entry: Any, phones: Any, dose_day_clock: Any
) -> None:
    """With every theme off there is nothing to send, and the error says so."""
    entry = make_entry(options={"themes": []})
    await async_set_up(hass, entry)
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, entry, "send_prompt")
    assert err.value.translation_key == "no_theme_enabled"


async def test_history_is_limited_to_its_range(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Yesterday's prompt and check-in are not in today's history."""
    await act(hass, setup_entry, "send_prompt")
    await act(hass, setup_entry, "check_in", partner=1, mood=2, connection=2, stress=4)
    await _at(hass, freezer, "2026-01-06T10:00:00+02:00")
    assert state_of(hass, "sensor.alex_sam_prompt_of_the_day") == "unknown"
    history = await act(
        hass, setup_entry, "get_history", start="2026-01-06", end="2026-01-06"
    )
    assert history == {"check_ins": [], "prompts": [], "doses": []}
    reply = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer="late",
    )
    assert reply["error"]["translation_key"] == "no_prompt_today"


@pytest.mark.parametrize(
    "score", [3.5, "3.5", 2.000001, "three", True, None, float("nan"), 0, 6, 3.0001]
)
@pytest.mark.parametrize("field", ["mood", "connection", "stress"])
async def test_a_score_that_is_not_a_whole_number_from_1_to_5_is_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, field: str, score: Any
) -> None:
    """Mood 3.5 is refused, not stored as 3; nothing changes."""
    before = setup_entry.runtime_data.stored_for_diagnostics()
    scores: dict[str, Any] = {"mood": 3, "connection": 3, "stress": 3, field: score}
    with pytest.raises(vol.Invalid, match=field):
        await act(hass, setup_entry, "check_in", partner=1, **scores)
    assert setup_entry.runtime_data.stored_for_diagnostics() == before
    assert state_of(hass, f"sensor.alex_{field}") == "unknown"


@pytest.mark.parametrize("score", [4, 4.0, "4", " 4 "])
async def test_a_whole_score_is_taken_as_given(
    hass: HomeAssistant, setup_entry: MockConfigEntry, score: Any
) -> None:
    """A whole number written as 4.0 or "4" (a template's output) is still 4."""
    await act(
        hass, setup_entry, "check_in", partner=2, mood=score, connection=1, stress=5
    )
    assert state_of(hass, "sensor.sam_mood") == "4"
    (record,) = setup_entry.runtime_data.conversation.checkins.records
    assert type(record.mood) is int


async def test_a_stored_phone_answer_that_is_not_a_whole_score_is_dropped(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A request whose kept mood is 3.5 (a hand-edited file) records nothing."""
    await act(hass, setup_entry, "request_check_in", partner=1)
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    for _step in ("mood", "connection"):  # okay, okay
        await tap(hass, _actions(phones[PHONE_1][-1])[1], user_id=ALEX_USER_ID)
    conversation = setup_entry.runtime_data.conversation
    conversation.requests["1:checkin"]["mood"] = 3.5
    sent = len(phones[PHONE_1])
    # stress: calm
    await tap(hass, _actions(phones[PHONE_1][-1])[0], user_id=ALEX_USER_ID)
    assert conversation.checkins.records == []
    assert "1:checkin" not in conversation.requests
    assert len(phones[PHONE_1]) == sent  # no note step follows
    assert state_of(hass, "sensor.alex_mood") == "unknown"
    assert "unusable scores" in caplog.text


async def test_history_returns_doses_with_their_ids(
    hass: HomeAssistant, setup_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Each dose in the range with its id, slot, time, amount, form and flags."""
    first = await act(hass, setup_entry, "log_dose", partner=2)
    await _at(hass, freezer, "2026-01-06T09:00:00+02:00")
    second = await act(
        hass,
        setup_entry,
        "log_dose",
        partner=1,
        amount=0.8,
        form="fresh_truffle",
        time="2026-01-06T08:30:00+02:00",
        acknowledge_off_protocol=True,
    )
    history = await act(
        hass, setup_entry, "get_history", start="2026-01-05", end="2026-01-06"
    )
    assert history["doses"] == [
        {
            "dose_id": first["dose_id"],
            "partner": 2,
            "day": "2026-01-05",
            "taken_at": "2026-01-05T10:00:00+02:00",
            "amount_g": 0.1,
            "form": "dried",
            "off_protocol": False,
            "flags": [],
        },
        {
            "dose_id": second["dose_id"],
            "partner": 1,
            "day": "2026-01-06",
            "taken_at": "2026-01-06T08:30:00+02:00",
            "amount_g": 0.8,
            "form": "fresh_truffle",
            "off_protocol": True,
            "flags": ["rest_day"],
        },
    ]
    only_monday = await act(
        hass, setup_entry, "get_history", start="2026-01-05", end="2026-01-05"
    )
    assert [dose["dose_id"] for dose in only_monday["doses"]] == [first["dose_id"]]

    # The id is the one delete_dose takes.
    await act(hass, setup_entry, "delete_dose", dose_id=history["doses"][1]["dose_id"])
    again = await act(
        hass, setup_entry, "get_history", start="2026-01-05", end="2026-01-06"
    )
    assert [dose["dose_id"] for dose in again["doses"]] == [first["dose_id"]]


def _broken_phones(
    hass: HomeAssistant, make_entry: Any, *, alex_works: bool
) -> MockConfigEntry:
    async def broken(call: ServiceCall) -> None:
        raise HomeAssistantError("phone unreachable")

    # Each partner's own phone (registered by the `phones` fixture) now fails.
    broken_phones = [PHONE_2] if alex_works else [PHONE_1, PHONE_2]
    for phone in broken_phones:
        hass.services.async_register("notify", phone.removeprefix("notify."), broken)
    return make_entry(options={"quiet_start": "00:00:00", "quiet_end": "00:00:00"})


async def test_no_phone_reached_is_an_error_not_a_success(
    hass: HomeAssistant,
    make_entry: Any,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
) -> None:
    """Every delivery failed: a translated error, for the check-in and the prompt."""
    entry = _broken_phones(hass, make_entry, alex_works=False)
    await async_set_up(hass, entry)
    for data in ({}, {"partner": 2}):
        with pytest.raises(HomeAssistantError) as err:
            await act(hass, entry, "request_check_in", **data)
        assert not isinstance(err.value, ServiceValidationError)
        assert err.value.translation_key == "check_in_not_delivered"
        assert "reached no phone" in str(err.value)
    # The request stays open, so a reminder or a later request can reach it.
    assert "2:checkin" in entry.runtime_data.conversation.requests

    with pytest.raises(HomeAssistantError) as err:
        await act(hass, entry, "send_prompt")
    assert err.value.translation_key == "prompt_not_delivered"
    assert "reached no phone" in str(err.value)


async def test_one_phone_reached_is_a_partial_success(
    hass: HomeAssistant,
    make_entry: Any,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
) -> None:
    """Alex's phone works: each action answers what became of each phone."""
    entry = _broken_phones(hass, make_entry, alex_works=True)
    await async_set_up(hass, entry)
    response = await act(hass, entry, "request_check_in")
    assert response == {"phones": {"1": "sent", "2": "failed"}}
    response = await act(hass, entry, "send_prompt")
    assert response["phones"] == {"1": "sent", "2": "failed"}
    assert len(phones[PHONE_1]) == 2


async def test_a_held_message_is_not_a_failure(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """In quiet hours the request waits for the morning: no error."""
    await _at(hass, freezer, "2026-01-05T23:00:00+02:00")
    response = await act(hass, setup_entry, "request_check_in", partner=1)
    assert response == {"phones": {"1": "held"}}


async def test_a_tap_on_a_request_without_a_known_step_is_ignored(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A request whose step went missing (or is unknown) records and sends nothing."""
    await act(hass, setup_entry, "request_check_in", partner=1)
    conversation = setup_entry.runtime_data.conversation
    sent = len(phones[PHONE_1])
    mood = _actions(phones[PHONE_1][-1])
    for step in (None, "dance", "note"):  # "note" without its check-in id
        request = conversation.requests["1:checkin"]
        request.pop("step", None)
        if step is not None:
            request["step"] = step
        await tap(hass, mood[1], user_id=ALEX_USER_ID)
        assert conversation.checkins.records == []
        assert len(phones[PHONE_1]) == sent
        assert "1:checkin" in conversation.requests
    assert "Ignored a tap on a check-in request without a known step" in caplog.text


async def test_a_whole_leap_year_of_history_is_one_request(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """366 days, both ends included, is the most one request may ask for."""
    history = await act(
        hass, setup_entry, "get_history", start="2024-01-01", end="2024-12-31"
    )
    assert history["check_ins"] == []
