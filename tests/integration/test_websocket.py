"""The couple's websocket commands: private text in, only to its owner out.

Each command acts as the signed-in user of the connection; only a partner of
the couple may use them, and always as themselves. Refusals are translated
errors that change nothing and never repeat the text they refused.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import MATCH_ALL
from homeassistant.core import HomeAssistant, ServiceCall
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.limits import (
    CHECKINS_PER_DAY,
    TEXT_MAX_LENGTH,
)

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, async_set_up, state_of

DAY = {"start": "2026-01-05", "end": "2026-01-05"}
SCORES = {"mood": 4, "connection": 5, "stress": 2}
NOTE = "alex-private-note-2c7e"
ANSWER = "alex-private-answer-9d41"
SAM_ANSWER = "sam-private-answer-61fa"
OUR_LOGGER = "custom_components.microdose_together"
HA_WEBSOCKET_LOGGER = "homeassistant.components.websocket_api"


def _refused(reply: dict[str, Any], key: str) -> dict[str, Any]:
    """Check a reply is the translated refusal `key`; return its error."""
    assert reply["success"] is False, reply
    error: dict[str, Any] = reply["error"]
    assert error["translation_key"] == key
    assert error["translation_domain"] == DOMAIN
    assert error["message"] != key  # the translated text, not the bare key
    return error


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    """Return the log as a home keeps it: INFO and above, and all of ours.

    Home Assistant's websocket layer writes each message it receives and sends
    at DEBUG level when its own debug logging is turned on; that is not ours.
    """
    return "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.INFO or record.name.startswith(OUR_LOGGER)
    )


def _logged_at_debug(caplog: pytest.LogCaptureFixture) -> str:
    """Return every log record, tracebacks included, at DEBUG level too.

    Only Home Assistant's own DEBUG trace of the websocket messages it receives
    and sends is left out: it writes every message by design.
    """
    return "\n".join(
        caplog.handler.format(record)
        for record in caplog.records
        if not (
            record.levelno == logging.DEBUG
            and record.name.startswith(HA_WEBSOCKET_LOGGER)
        )
    )


async def _visible(hass: HomeAssistant, entry: MockConfigEntry) -> tuple[Any, ...]:
    """Return what a refused command must leave as it was."""
    states = sorted(
        (state.entity_id, state.state, dict(state.attributes))
        for state in hass.states.async_all()
    )
    return states, await act(hass, entry, "get_history", **DAY)


# ---- couples -------------------------------------------------------------------


async def test_couples_lists_only_the_callers_own(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    make_entry: Callable[..., MockConfigEntry],
    outsiders: dict[str, str],
    ws: Callable[..., Any],
) -> None:
    """Each partner sees their couple and slot; others see none."""
    other = make_entry(
        data={
            "couple_name": "Kim & Lee",
            "partners": [
                {"name": "Kim", "person": None, "user_id": "kim-user"},
                {"name": "Lee", "person": None, "user_id": SAM_USER_ID},
            ],
        }
    )
    other_unloaded = make_entry(
        data={
            "couple_name": "Noa & Sam",
            "partners": [
                {"name": "Noa", "person": None, "user_id": "noa-user"},
                {"name": "Sam", "person": None, "user_id": ALEX_USER_ID},
            ],
        }
    )
    await async_set_up(hass, other)
    assert other_unloaded.state is ConfigEntryState.NOT_LOADED

    reply = await ws(ALEX_USER_ID, "couples")
    assert reply["success"]
    assert reply["result"] == [
        {
            "config_entry_id": setup_entry.entry_id,
            "couple_name": "Alex & Sam",
            "slot": 1,
            "partner_name": "Alex",
        }
    ]
    reply = await ws(SAM_USER_ID, "couples")
    assert sorted(reply["result"], key=lambda c: c["couple_name"]) == [
        {
            "config_entry_id": setup_entry.entry_id,
            "couple_name": "Alex & Sam",
            "slot": 2,
            "partner_name": "Sam",
        },
        {
            "config_entry_id": other.entry_id,
            "couple_name": "Kim & Lee",
            "slot": 2,
            "partner_name": "Lee",
        },
    ]
    for user_id in outsiders.values():
        reply = await ws(user_id, "couples")
        assert reply == {
            "id": reply["id"],
            "type": "result",
            "success": True,
            "result": [],
        }


# ---- check-in ------------------------------------------------------------------


async def test_a_check_in_with_a_private_note(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Scores show in the states; the note only in Alex's own history."""
    caplog.set_level(logging.DEBUG, logger=OUR_LOGGER)
    events = async_capture_events(hass, MATCH_ALL)
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=f"  {NOTE}\x00 ",
        **SCORES,
    )
    assert reply["success"], reply
    check_in_id = reply["result"]["check_in_id"]
    assert state_of(hass, "sensor.alex_mood") == "4"
    assert state_of(hass, "sensor.alex_connection") == "5"
    assert state_of(hass, "sensor.alex_stress") == "2"
    assert state_of(hass, "sensor.sam_mood") == "unknown"
    (recorded,) = [e for e in events if e.event_type == f"{DOMAIN}_check_in_recorded"]
    assert recorded.data["check_in_id"] == check_in_id
    assert recorded.data["partner"] == 1
    assert NOTE not in repr([(e.event_type, e.data) for e in events])
    assert NOTE not in repr([s.as_dict() for s in hass.states.async_all()])
    assert NOTE not in _logged(caplog)

    own = await ws(ALEX_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    (record,) = own["result"]["check_ins"]
    assert record["id"] == check_in_id
    assert record["note"] == NOTE  # cleaned: trimmed, control characters gone
    assert (record["mood"], record["connection"], record["stress"]) == (4, 5, 2)
    other = await ws(
        SAM_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY
    )
    (record,) = other["result"]["check_ins"]
    assert "note" not in record
    assert record["mood"] == 4


async def test_a_check_in_without_a_note(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The note is optional; a blank one is no note."""
    for note in ({}, {"note": "   "}, {"note": None}):
        reply = await ws(
            SAM_USER_ID,
            "check_in",
            config_entry_id=setup_entry.entry_id,
            **SCORES,
            **note,
        )
        assert reply["success"], reply
    own = await ws(SAM_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    assert [r["note"] for r in own["result"]["check_ins"]] == [None, None, None]
    assert state_of(hass, "sensor.sam_mood") == "4"


@pytest.mark.parametrize("who", ["third user", "non-partner admin"])
async def test_someone_outside_the_couple_cannot_check_in_or_answer(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    outsiders: dict[str, str],
    ws: Callable[..., Any],
    phones: dict[str, list[ServiceCall]],
    who: str,
) -> None:
    """Refused, translated, without repeating the text; nothing changes."""
    await act(hass, setup_entry, "send_prompt")
    before = await _visible(hass, setup_entry)
    pushes = {phone: len(calls) for phone, calls in phones.items()}
    user_id = outsiders[who]
    reply = await ws(
        user_id,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=NOTE,
        **SCORES | {"stress": 5},
    )
    error = _refused(reply, "not_in_couple")
    assert "Alex & Sam" in error["message"]
    assert NOTE not in repr(reply)
    reply = await ws(
        user_id, "answer_prompt", config_entry_id=setup_entry.entry_id, answer=ANSWER
    )
    _refused(reply, "not_in_couple")
    assert ANSWER not in repr(reply)
    reply = await ws(user_id, "history", config_entry_id=setup_entry.entry_id, **DAY)
    _refused(reply, "not_in_couple")
    assert await _visible(hass, setup_entry) == before
    assert {phone: len(calls) for phone, calls in phones.items()} == pushes
    assert state_of(hass, "binary_sensor.alex_sam_calm_day") == "on"


@pytest.mark.parametrize(
    ("note", "key"),
    [
        ("x" * (TEXT_MAX_LENGTH + 1), "note_too_long"),
        (NOTE * 1000, "note_too_long"),
        ([NOTE], "note_not_text"),
        ({"text": NOTE}, "note_not_text"),
        (42, "note_not_text"),
    ],
    ids=["one_too_many", "huge", "list", "object", "number"],
)
async def test_a_note_that_is_too_long_or_not_text_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    note: Any,
    key: str,
) -> None:
    """The whole check-in is refused and the note is in no error or log line."""
    before = await _visible(hass, setup_entry)
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=note,
        **SCORES,
    )
    error = _refused(reply, key)
    if key == "note_too_long":
        assert str(TEXT_MAX_LENGTH) in error["message"]
    assert NOTE not in repr(reply)
    assert "xxxxxxxx" not in repr(reply)
    assert NOTE not in _logged(caplog)
    assert await _visible(hass, setup_entry) == before


async def test_a_note_at_the_limit_once_cleaned_is_kept(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The limit counts what is kept: control characters do not count."""
    note = "\x00" * 10 + "y" * TEXT_MAX_LENGTH + "\x07" * 10
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=note,
        **SCORES,
    )
    assert reply["success"], reply
    own = await ws(ALEX_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    assert own["result"]["check_ins"][0]["note"] == "y" * TEXT_MAX_LENGTH


@pytest.mark.parametrize(
    "score", [3.5, 0, 6, "three", True, None, NOTE, NOTE * 100, [NOTE]]
)
async def test_scores_are_whole_numbers_from_1_to_5(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    score: Any,
) -> None:
    """A score that is not 1-5 is refused, naming the field, never its value."""
    caplog.set_level(logging.DEBUG)
    before = await _visible(hass, setup_entry)
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=NOTE,
        **SCORES | {"mood": score},
    )
    error = _refused(reply, "invalid_fields")
    assert error["translation_placeholders"] == {"fields": "mood"}
    assert "mood" in error["message"]
    assert NOTE not in repr(reply)
    assert NOTE not in _logged_at_debug(caplog)
    assert await _visible(hass, setup_entry) == before


@pytest.mark.parametrize(
    ("command", "data", "fields"),
    [
        ("check_in", SCORES | {"config_entry_id": {"text": NOTE}}, "config_entry_id"),
        (
            "check_in",
            {"config_entry_id": NOTE, "note": NOTE},
            "connection, mood, stress",
        ),
        ("answer_prompt", {"config_entry_id": [NOTE]}, "answer, config_entry_id"),
        ("history", {"config_entry_id": "x", "start": NOTE, "end": NOTE}, "end, start"),
    ],
    ids=["entry_id", "missing_scores", "missing_answer", "days"],
)
async def test_invalid_or_missing_fields_are_named_not_repeated(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    command: str,
    data: dict[str, Any],
    fields: str,
) -> None:
    """Only the names of the fields at fault come back; nothing changes."""
    caplog.set_level(logging.DEBUG)
    await act(hass, setup_entry, "send_prompt")
    before = await _visible(hass, setup_entry)
    reply = await ws(ALEX_USER_ID, command, **data)
    error = _refused(reply, "invalid_fields")
    assert error["translation_placeholders"] == {"fields": fields}
    assert NOTE not in repr(reply)
    assert NOTE not in _logged_at_debug(caplog)
    assert await _visible(hass, setup_entry) == before


@pytest.mark.parametrize(
    ("command", "data", "fields"),
    [
        ("answer_prompt", {"answer": "ok", "note": NOTE}, "note"),
        ("answer_prompt", {"note": NOTE}, "note"),
        ("answer_prompt", {"answers": ANSWER}, "answers"),
        ("check_in", SCORES | {"answer": ANSWER}, "answer"),
        ("check_in", SCORES | {"notes": NOTE}, "notes"),
        (
            "check_in",
            SCORES | {"note": "ok", "Note": NOTE, "answer": ANSWER},
            "Note, answer",
        ),
        ("history", DAY | {"note": NOTE}, "note"),
        ("couples", {"note": NOTE}, "note"),
        ("couples", {ANSWER * 10: NOTE}, None),
    ],
    ids=[
        "note_to_answer_prompt",
        "note_instead_of_answer",
        "misspelled_answer",
        "answer_to_check_in",
        "misspelled_note",
        "several",
        "note_to_history",
        "note_to_couples",
        "text_as_a_key",
    ],
)
async def test_text_under_a_wrong_key_is_refused_and_not_repeated(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    command: str,
    data: dict[str, Any],
    fields: str | None,
) -> None:
    """The keys are named, their values are in no reply or log line; nothing saved."""
    caplog.set_level(logging.DEBUG)
    await act(hass, setup_entry, "send_prompt")
    before = await _visible(hass, setup_entry)
    if command != "couples":
        data = {"config_entry_id": setup_entry.entry_id} | data
    reply = await ws(ALEX_USER_ID, command, **data)
    error = _refused(reply, "unknown_fields")
    if fields is not None:
        assert error["translation_placeholders"] == {"fields": fields}
        assert fields in error["message"]
    else:  # a key's name is cut short like any echo: never all of it
        assert len(error["translation_placeholders"]["fields"]) == 40
        for text in (ANSWER * 2, NOTE):
            assert text not in repr(reply)
            assert text not in _logged_at_debug(caplog)
        return
    for text in (NOTE, ANSWER):
        assert text not in repr(reply)
        assert text not in _logged_at_debug(caplog)
    assert await _visible(hass, setup_entry) == before
    own = await ws(ALEX_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    assert own["result"]["check_ins"] == []
    assert NOTE not in repr(own)
    assert ANSWER not in repr(own)
    # Sent again under the right key, the same text is taken.
    if command == "answer_prompt":
        reply = await ws(
            ALEX_USER_ID,
            command,
            config_entry_id=setup_entry.entry_id,
            answer=ANSWER,
        )
        assert reply["result"] == {"revealed": False}


async def test_check_ins_per_day_are_limited(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The same daily limit as on every other path; Sam is counted apart."""
    for _ in range(CHECKINS_PER_DAY):
        await act_as(hass, ALEX_USER_ID, setup_entry, "check_in", partner=1, **SCORES)
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=setup_entry.entry_id,
        note=NOTE,
        **SCORES,
    )
    error = _refused(reply, "check_in_limit_reached")
    assert "Alex" in error["message"]
    reply = await ws(
        SAM_USER_ID, "check_in", config_entry_id=setup_entry.entry_id, **SCORES
    )
    assert reply["success"]
    own = await ws(ALEX_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    assert [r["partner"] for r in own["result"]["check_ins"]] == [1] * 10 + [2]
    assert NOTE not in repr(own)


# ---- the prompt of the day -----------------------------------------------------


async def test_answers_stay_private_until_both_answered(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    ws: Callable[..., Any],
) -> None:
    """Alex's answer is nowhere until Sam's; then both histories have both."""
    await act(hass, setup_entry, "send_prompt")
    events = async_capture_events(hass, MATCH_ALL)
    reply = await ws(
        ALEX_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer=f"{ANSWER}\n",
    )
    assert reply["result"] == {"revealed": False}
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "off"
    for user_id, own in ((ALEX_USER_ID, ANSWER), (SAM_USER_ID, None)):
        history = await ws(
            user_id, "history", config_entry_id=setup_entry.entry_id, **DAY
        )
        (prompt,) = history["result"]["prompts"]
        assert prompt["answered"] == [1]
        assert prompt["answers"] == {}
        assert prompt["own_answer"] == own  # cleaned: the line break trimmed
    assert ANSWER not in repr(phones[PHONE_2])

    reply = await ws(
        SAM_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer=SAM_ANSWER,
    )
    assert reply["result"] == {"revealed": True}
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "on"
    assert any(e.event_type == f"{DOMAIN}_prompt_revealed" for e in events)
    for secret in (ANSWER, SAM_ANSWER):
        assert secret not in repr([(e.event_type, e.data) for e in events])
        assert secret not in repr([s.as_dict() for s in hass.states.async_all()])
    for user_id in (ALEX_USER_ID, SAM_USER_ID):
        history = await ws(
            user_id, "history", config_entry_id=setup_entry.entry_id, **DAY
        )
        assert history["result"]["prompts"][0]["answers"] == {
            "1": ANSWER,
            "2": SAM_ANSWER,
        }
    assert phones[PHONE_1][-1].data["title"] == "Sam answered too"

    reply = await ws(
        ALEX_USER_ID, "answer_prompt", config_entry_id=setup_entry.entry_id, answer="x"
    )
    _refused(reply, "prompt_already_revealed")


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        (" \x00\n\t ", "answer_empty"),
        ("z" * (TEXT_MAX_LENGTH + 1), "answer_too_long"),
        ([ANSWER], "answer_not_text"),
        (None, "answer_not_text"),
    ],
    ids=["blank", "too_long", "list", "none"],
)
async def test_an_answer_that_is_blank_too_long_or_not_text_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    answer: Any,
    key: str,
) -> None:
    """Nothing is saved and the answer is in no error or log line."""
    await act(hass, setup_entry, "send_prompt")
    before = await _visible(hass, setup_entry)
    reply = await ws(
        SAM_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer=answer,
    )
    _refused(reply, key)
    assert ANSWER not in repr(reply)
    assert "zzzzzzzz" not in repr(reply)
    assert ANSWER not in _logged(caplog)
    assert await _visible(hass, setup_entry) == before


async def test_no_prompt_no_answer(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """Before tonight's prompt is sent there is nothing to answer."""
    reply = await ws(
        ALEX_USER_ID, "answer_prompt", config_entry_id=setup_entry.entry_id, answer="hi"
    )
    _refused(reply, "no_prompt_today")


# ---- history and the couple lookup ---------------------------------------------


@pytest.mark.parametrize(
    ("days", "key"),
    [
        ({"start": "2026-01-05", "end": "2026-01-01"}, "history_range_reversed"),
        ({"start": "2024-01-01", "end": "2026-01-01"}, "history_range_too_long"),
    ],
)
async def test_history_ranges_are_checked(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    days: dict[str, str],
    key: str,
) -> None:
    """The same refusals as the action's."""
    reply = await ws(
        ALEX_USER_ID, "history", config_entry_id=setup_entry.entry_id, **days
    )
    _refused(reply, key)


async def test_history_has_doses_and_the_shape_of_get_history(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The history command is get_history as its partner sees it."""
    await act(hass, setup_entry, "log_dose", partner=2)
    await act(hass, setup_entry, "check_in", partner=1, **SCORES)
    own = await ws(SAM_USER_ID, "history", config_entry_id=setup_entry.entry_id, **DAY)
    action = await act_as(hass, SAM_USER_ID, setup_entry, "get_history", **DAY)
    assert own["result"] == action
    assert [dose["partner"] for dose in action["doses"]] == [2]
    assert [c["partner"] for c in action["check_ins"]] == [1]


@pytest.mark.parametrize("command", ["check_in", "answer_prompt", "history"])
async def test_an_unknown_or_unloaded_couple_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    command: str,
) -> None:
    """No such entry, or one not loaded: translated, and nothing changes."""
    data = {
        "check_in": SCORES | {"note": NOTE},
        "answer_prompt": {"answer": ANSWER},
        "history": DAY,
    }[command]
    reply = await ws(ALEX_USER_ID, command, config_entry_id="nope", **data)
    _refused(reply, "entry_not_found")
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    reply = await ws(
        ALEX_USER_ID, command, config_entry_id=setup_entry.entry_id, **data
    )
    _refused(reply, "entry_not_loaded")
    assert NOTE not in repr(reply)
    assert ANSWER not in repr(reply)


async def test_an_unlinked_couple_has_no_private_text_yet(
    hass: HomeAssistant,
    make_entry: Callable[..., MockConfigEntry],
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
    ws: Callable[..., Any],
) -> None:
    """Until the repair links the partners' users, the commands say how."""
    entry = make_entry(
        data={
            "couple_name": "Alex & Sam",
            "partners": [
                {"name": "Alex", "person": None, "notify": PHONE_1},
                {"name": "Sam", "person": None, "notify": PHONE_2},
            ],
        }
    )
    await async_set_up(hass, entry)
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=entry.entry_id,
        note=NOTE,
        **SCORES,
    )
    error = _refused(reply, "partners_not_linked")
    assert "Repairs" in error["message"]
    reply = await ws(ALEX_USER_ID, "couples")
    assert reply["result"] == []
