"""The phones carry no private text, and only a partner's own taps count.

A tap or text reply arrives as the companion app's event, stamped with the
Home Assistant user the app is signed in as. Only the partner a request was
sent to may answer it: the other partner, a third user, an admin or an event
without a user changes nothing. A push passes through Apple's or Google's push
service, so by default the reveal says only that both answered; the answers go
along only when the couple turn that on.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
    async_fire_time_changed,
    async_mock_service,
)
from pytest_homeassistant_custom_component.test_util.aiohttp import (
    AiohttpClientMocker,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.snooze import Reminder

from .check_in_phone import request_buttons, tap_check_in_now
from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID, add_phone
from .helpers import act, async_set_up, state_of, tap, ws_call

THIRD_USER_ID = "kim00000000000000000000000000003"
PHONES = {1: PHONE_1, 2: PHONE_2}
OWNERS = {1: ALEX_USER_ID, 2: SAM_USER_ID}
NAMES = {1: "alex", 2: "sam"}
ALEX_ANSWER = "the lake at dawn, only for us"
SAM_ANSWER = "your laugh in the kitchen"
FORGED = "words someone else typed"
BOTH_ANSWERED = "binary_sensor.alex_sam_both_answered"
DEFAULT_REVEAL = "Open Together in Home Assistant to read both answers."
LIMIT = 2000
PACKAGE = "custom_components.microdose_together"


@pytest.fixture
def third_user(hass: HomeAssistant) -> MockUser:
    """A housemate with their own Home Assistant account, not one of the couple."""
    return MockUser(id=THIRD_USER_ID, name="Kim", groups=[]).add_to_hass(hass)


@pytest.fixture
def users(
    partner_users: dict[str, MockUser],
    third_user: MockUser,
    hass_admin_user: MockUser,
) -> dict[str, str | None]:
    """Everyone who could fire a tap event, by a short name."""
    return {
        "alex": ALEX_USER_ID,
        "sam": SAM_USER_ID,
        "kim": third_user.id,
        "admin": hass_admin_user.id,
        "no user": None,
    }


@pytest.fixture
def notify_calls(hass: HomeAssistant) -> list[Event[Any]]:
    """Every notify call Home Assistant makes, to any target, with its data."""
    return async_capture_events(hass, EVENT_CALL_SERVICE)


def _actions(call: ServiceCall) -> list[str]:
    return [action["action"] for action in call.data["data"]["actions"]]


def _sent(events: list[Event[Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Return (notify action, data) for every notify call made."""
    return [
        (event.data["service"], dict(event.data["service_data"]))
        for event in events
        if event.data["domain"] == "notify"
    ]


def _reveals(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [
        dict(call.data)
        for call in calls
        if call.data.get("title", "").endswith("answered too")
    ]


def _no_text_in_states(hass: HomeAssistant, *texts: str) -> None:
    for state in hass.states.async_all():
        shown = repr((state.state, dict(state.attributes)))
        for text in texts:
            assert text not in shown, state.entity_id


async def _answer_by_phone(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    answers: dict[int, str],
) -> None:
    """Each partner replies to tonight's prompt on their own phone."""
    for slot, answer in answers.items():
        (reply,) = _actions(phones[PHONES[slot]][-1])
        await tap(hass, reply, answer, user_id=OWNERS[slot])


async def _show_answers(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Turn on showing the answers in the reveal, through the options."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "checkins"}
    )
    assert result["type"] is FlowResultType.FORM
    fields = {str(key): key for key in result["data_schema"].schema}
    assert fields["show_answers_in_notifications"].default() is False
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "checkin_schedule": "daily",
            "checkin_time": "21:30:00",
            "quiet_start": "22:30:00",
            "quiet_end": "07:30:00",
            "show_answers_in_notifications": True,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options["show_answers_in_notifications"] is True


# ---- whose taps count --------------------------------------------------------

FORGERS = [
    pytest.param(1, "sam", id="sam_on_alexs_request"),
    pytest.param(1, "kim", id="third_user_on_alexs_request"),
    pytest.param(1, "admin", id="admin_on_alexs_request"),
    pytest.param(1, "no user", id="no_user_on_alexs_request"),
    pytest.param(2, "alex", id="alex_on_sams_request"),
    pytest.param(2, "kim", id="third_user_on_sams_request"),
    pytest.param(2, "admin", id="admin_on_sams_request"),
    pytest.param(2, "no user", id="no_user_on_sams_request"),
]


@pytest.mark.parametrize(("slot", "forger"), FORGERS)
async def test_a_check_in_tap_from_anyone_else_changes_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    users: dict[str, str | None],
    caplog: pytest.LogCaptureFixture,
    slot: int,
    forger: str,
) -> None:
    """Every button of the partner's check-in, tapped by someone else: no step on.

    Neither "Check in now" nor a snooze: "Later" and "Not today" are the
    partner's own to press, as every score is.
    """
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    phone = phones[PHONES[slot]]
    conversation = setup_entry.runtime_data.conversation
    await act(hass, setup_entry, "request_check_in", partner=slot)
    sent = len(phone)
    for action in request_buttons(phone[-1]):
        await tap(hass, action, FORGED, user_id=users[forger])
    assert len(phone) == sent  # neither the scores nor a clear followed
    assert conversation.snoozes.pending_at(slot, Reminder.CHECK_IN) is None
    assert not conversation.snoozes.rests_today(slot, Reminder.CHECK_IN)

    await tap_check_in_now(hass, phone, OWNERS[slot])
    sent = len(phone)
    mood = _actions(phone[-1])
    for action in mood:
        await tap(hass, action, FORGED, user_id=users[forger])

    assert len(phone) == sent  # no next question: the request is where it was
    assert state_of(hass, f"sensor.{NAMES[slot]}_mood") == "unknown"
    assert setup_entry.runtime_data.conversation.checkins.records == []
    assert "Ignored a notification action" in caplog.text
    assert FORGED not in caplog.text

    await tap(hass, mood[2], user_id=OWNERS[slot])  # the partner's own tap counts
    assert len(phone) == sent + 1
    assert phone[-1].data["message"].startswith("How connected do you feel")


@pytest.mark.parametrize(("slot", "forger"), FORGERS)
async def test_a_prompt_reply_from_anyone_else_is_not_an_answer(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    users: dict[str, str | None],
    caplog: pytest.LogCaptureFixture,
    slot: int,
    forger: str,
) -> None:
    """A forged reply is neither kept nor revealed; the partner still answers."""
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    revealed = async_capture_events(hass, f"{DOMAIN}_prompt_revealed")
    other = 3 - slot
    await act(hass, setup_entry, "send_prompt")
    (reply,) = _actions(phones[PHONES[slot]][-1])
    await _answer_by_phone(hass, phones, {other: "the other's words"})

    await tap(hass, reply, FORGED, user_id=users[forger])
    assert state_of(hass, BOTH_ANSWERED) == "off"
    assert revealed == []
    assert _reveals(phones[PHONE_1] + phones[PHONE_2]) == []
    assert FORGED not in repr(setup_entry.runtime_data.stored_for_diagnostics())
    assert FORGED not in caplog.text

    await tap(hass, reply, "my own words", user_id=OWNERS[slot])
    assert state_of(hass, BOTH_ANSWERED) == "on"
    assert len(revealed) == 1
    shared = setup_entry.runtime_data.conversation.current_prompt
    assert shared is not None
    assert shared.answers == {slot: "my own words", other: "the other's words"}


async def test_an_unlinked_partners_requests_take_no_tap_at_all(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    users: dict[str, str | None],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Until Sam is linked to a user, no one's tap answers Sam's request."""
    entry = make_entry(
        data={
            "couple_name": "Alex & Sam",
            "partners": [
                {"name": "Alex", "person": "person.alex", "user_id": ALEX_USER_ID},
                {"name": "Sam", "person": None, "notify": PHONE_2},
            ],
        }
    )
    await async_set_up(hass, entry)
    with pytest.raises(HomeAssistantError):  # Sam has no phone to reach yet
        await act(hass, entry, "request_check_in", partner=2)
    assert phones[PHONE_2] == []
    conversation = entry.runtime_data.conversation
    request = conversation.requests["2:checkin"]
    action = f"MDT|{entry.entry_id}|2|{request['id']}|good"
    for user_id in users.values():
        await tap(hass, action, user_id=user_id)
    assert conversation.requests["2:checkin"] == request
    assert conversation.checkins.records == []
    assert state_of(hass, "sensor.sam_mood") == "unknown"

    await act(hass, entry, "request_check_in", partner=1)  # Alex is linked
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    await tap(hass, _actions(phones[PHONE_1][-1])[2], user_id=ALEX_USER_ID)
    assert phones[PHONE_1][-1].data["message"].startswith("How connected")


# ---- more than one phone -----------------------------------------------------


async def test_two_phones_of_one_partner_both_ask_and_either_answers(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Alex's phone and tablet get every step; taps from both move one dialog."""
    add_phone(hass, ALEX_USER_ID, "Alex tablet")
    tablet = async_mock_service(hass, "notify", "mobile_app_alex_tablet")
    entry = make_entry()
    await async_set_up(hass, entry)
    phone = phones[PHONE_1]

    await act(hass, entry, "request_check_in", partner=1)
    assert len(phone) == len(tablet) == 1
    await tap_check_in_now(hass, tablet, ALEX_USER_ID)
    await tap(hass, _actions(phone[-1])[2], user_id=ALEX_USER_ID)  # mood: good
    await tap(hass, _actions(tablet[-1])[2], user_id=ALEX_USER_ID)  # close
    await tap(hass, _actions(phone[-1])[0], user_id=ALEX_USER_ID)  # stress: calm
    assert [call.data for call in phone] == [call.data for call in tablet]
    assert len(phone) == 5  # the request, three questions and the note
    note, _done = _actions(tablet[-1])
    await tap(hass, note, "from the tablet", user_id=ALEX_USER_ID)
    (record,) = entry.runtime_data.conversation.checkins.records
    assert (record.mood, record.connection, record.stress) == (4, 4, 2)
    assert record.note == "from the tablet"
    assert phone[-1].data["message"] == tablet[-1].data["message"]
    assert tablet[-1].data["message"] == "clear_notification"

    await act(hass, entry, "send_prompt")
    assert tablet[-1].data == phone[-1].data
    await tap(hass, _actions(tablet[-1])[0], ALEX_ANSWER, user_id=ALEX_USER_ID)
    await _answer_by_phone(hass, phones, {2: SAM_ANSWER})
    assert state_of(hass, BOTH_ANSWERED) == "on"
    assert _reveals(tablet) == _reveals(phone)
    assert len(_reveals(tablet)) == 1
    assert "from the tablet" not in repr([c.data for c in phones[PHONE_2]])


# ---- what a push carries -----------------------------------------------------


async def test_the_reveal_carries_no_answer_by_default(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    notify_calls: list[Event[Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Both phones hear that both answered, and nothing more, anywhere."""
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    await act(hass, setup_entry, "send_prompt")
    await _answer_by_phone(hass, phones, {1: ALEX_ANSWER, 2: SAM_ANSWER})
    assert state_of(hass, BOTH_ANSWERED) == "on"

    sent = _sent(notify_calls)
    assert sent  # prompts, clears and reveals
    for _service, data in sent:
        assert ALEX_ANSWER not in repr(data)
        assert SAM_ANSWER not in repr(data)
    for phone, other in ((PHONE_1, "Sam"), (PHONE_2, "Alex")):
        (reveal,) = _reveals(phones[phone])
        assert reveal["title"] == f"{other} answered too"
        assert reveal["message"] == DEFAULT_REVEAL
        assert reveal["data"]["visibility"] == "private"
    for text in (ALEX_ANSWER, SAM_ANSWER):
        assert text not in caplog.text
    _no_text_in_states(hass, ALEX_ANSWER, SAM_ANSWER)


async def test_the_reveal_carries_both_answers_when_chosen_only_to_the_partners(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    notify_calls: list[Event[Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The option applies in place; the answers go to the two partners' phones."""
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    coordinator = setup_entry.runtime_data
    await _show_answers(hass, setup_entry)
    assert setup_entry.runtime_data is coordinator  # applied without a reload

    await act(hass, setup_entry, "send_prompt")
    await _answer_by_phone(hass, phones, {1: ALEX_ANSWER, 2: SAM_ANSWER})
    (to_alex,) = _reveals(phones[PHONE_1])
    (to_sam,) = _reveals(phones[PHONE_2])
    assert to_alex["message"] == f"Sam: {SAM_ANSWER}\n\nYou: {ALEX_ANSWER}"
    assert to_sam["message"] == f"Alex: {ALEX_ANSWER}\n\nYou: {SAM_ANSWER}"
    assert to_alex["data"]["visibility"] == to_sam["data"]["visibility"] == "private"
    carrying = {
        service
        for service, data in _sent(notify_calls)
        if ALEX_ANSWER in repr(data) or SAM_ANSWER in repr(data)
    }
    assert carrying == {"mobile_app_alex_phone", "mobile_app_sam_phone"}
    for text in (ALEX_ANSWER, SAM_ANSWER):
        assert text not in caplog.text
    _no_text_in_states(hass, ALEX_ANSWER, SAM_ANSWER)


async def test_prompt_and_every_check_in_step_hide_on_a_locked_screen(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Android shows these only once the phone is unlocked."""
    await act(hass, setup_entry, "send_prompt")
    await act(hass, setup_entry, "request_check_in", partner=1)
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    for _step in range(3):
        await tap(hass, _actions(phones[PHONE_1][-1])[1], user_id=ALEX_USER_ID)
    shown = [
        call.data
        for phone in (PHONE_1, PHONE_2)
        for call in phones[phone]
        if call.data["message"] != "clear_notification"
    ]
    purposes = [data["data"]["tag"].rsplit("_", 1)[-1] for data in shown]
    assert purposes.count("prompt") == 2
    assert purposes.count("checkin") == 5  # request, mood, connection, stress, note
    assert {data["data"]["visibility"] for data in shown} == {"private"}


# ---- limits on the phone path ----------------------------------------------------


async def test_a_reply_of_a_million_characters_keeps_at_most_the_limit(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Cleaned, then cut: the note, the answer and the reveal hold 2,000 at most."""
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    huge = "\x1bwe\x00 sang " * 100_000  # 1,000,000 characters
    assert len(huge) == 1_000_000
    await _show_answers(hass, setup_entry)

    await act(hass, setup_entry, "request_check_in", partner=1)
    await tap_check_in_now(hass, phones[PHONE_1], ALEX_USER_ID)
    for _step in range(3):
        await tap(hass, _actions(phones[PHONE_1][-1])[1], user_id=ALEX_USER_ID)
    note, _done = _actions(phones[PHONE_1][-1])
    await tap(hass, note, huge, user_id=ALEX_USER_ID)
    (record,) = setup_entry.runtime_data.conversation.checkins.records
    kept = ("we sang " * LIMIT)[:LIMIT].rstrip()  # cleaned first, then cut
    assert record.note == kept

    await act(hass, setup_entry, "send_prompt")
    await _answer_by_phone(hass, phones, {1: huge, 2: "short"})
    shared = setup_entry.runtime_data.conversation.current_prompt
    assert shared is not None
    assert shared.answers[1] == kept
    (to_sam,) = _reveals(phones[PHONE_2])
    assert to_sam["message"] == f"Alex: {kept}\n\nYou: short"
    assert "longer than 2000 characters" in caplog.text
    assert "we sang" not in caplog.text


async def test_a_held_reveal_with_both_answers_survives_a_restart(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    issue_registry: ir.IssueRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Answered in quiet hours at full length, the reveal waits, is kept, goes out."""
    await _show_answers(hass, setup_entry)
    await act(hass, setup_entry, "send_prompt")
    freezer.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    long_answers = {1: "a" * LIMIT, 2: "b" * LIMIT}
    await _answer_by_phone(hass, phones, long_answers)
    assert _reveals(phones[PHONE_1] + phones[PHONE_2]) == []

    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert not issue_registry.async_get_issue(
        DOMAIN, f"store_reset_{setup_entry.entry_id}"
    )
    freezer.move_to(dt_util.parse_datetime("2026-01-06T07:30:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    (to_alex,) = _reveals(phones[PHONE_1])
    assert to_alex["message"] == f"Sam: {'b' * LIMIT}\n\nYou: {'a' * LIMIT}"
    assert to_alex["data"]["visibility"] == "private"
    assert len(_reveals(phones[PHONE_2])) == 1


async def test_a_held_reveal_loses_its_answers_when_they_were_turned_off(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A reveal waiting for the morning goes out as the couple now wants it."""
    await _show_answers(hass, setup_entry)
    await act(hass, setup_entry, "send_prompt")
    freezer.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await _answer_by_phone(hass, phones, {1: "alex-held-answer", 2: "sam-held-answer"})
    assert _reveals(phones[PHONE_1] + phones[PHONE_2]) == []

    hass.config_entries.async_update_entry(
        setup_entry,
        options={**setup_entry.options, "show_answers_in_notifications": False},
    )
    await hass.async_block_till_done()
    freezer.move_to(dt_util.parse_datetime("2026-01-06T07:30:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    (to_alex,) = _reveals(phones[PHONE_1])
    (to_sam,) = _reveals(phones[PHONE_2])
    assert to_alex["title"] == "Sam answered too"
    assert to_sam["title"] == "Alex answered too"
    for reveal in (to_alex, to_sam):
        assert "held-answer" not in str(reveal)
        assert reveal["data"]["visibility"] == "private"


# ---- a device named like a partner's phone ------------------------------------

PUSH_URL = "https://push.invalid/push"


def _registration(user_id: str, name: str, token: str) -> MockConfigEntry:
    """A companion-app registration as the app makes it when it signs in."""
    return MockConfigEntry(
        domain="mobile_app",
        title=name,
        data={
            "app_data": {"push_token": token, "push_url": PUSH_URL},
            "app_id": "io.robbie.HomeAssistant",
            "app_name": "Home Assistant",
            "app_version": "2025.1",
            "device_id": f"device-{token}",
            "device_name": name,
            "manufacturer": "Apple",
            "model": "iPhone",
            "os_name": "iOS",
            "os_version": "17",
            "supports_encryption": False,
            "user_id": user_id,
            "webhook_id": f"webhook-{token}",
        },
    )


def _pushes(aioclient_mock: AiohttpClientMocker) -> dict[str, list[str]]:
    """Every push the companion-app service sent, by the device's push token."""
    pushes: dict[str, list[str]] = {}
    for _method, _url, body, *_ in aioclient_mock.mock_calls:
        pushes.setdefault(body["push_token"], []).append(repr(body))
    return pushes


async def test_a_device_named_like_a_partners_phone_gets_nothing_of_theirs(
    hass: HomeAssistant,
    partner_users: dict[str, MockUser],
    third_user: MockUser,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    aioclient_mock: AiohttpClientMocker,
    hass_client_no_auth: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Kim names a device "Alex phone": it is never sent Alex's messages.

    Home Assistant's `notify.mobile_app_alex_phone` then reaches the device
    registered last, Kim's, so Alex's phone is not sent to at all until the
    names differ again; then Alex's own phone is reached, and Kim's still not.
    """
    aioclient_mock.post(PUSH_URL, json={}, status=201)
    assert await async_setup_component(hass, "mobile_app", {})
    for user_id, name, token in (
        (ALEX_USER_ID, "Alex phone", "ALEX"),
        (SAM_USER_ID, "Sam phone", "SAM"),
        (third_user.id, "Alex phone", "KIM"),  # registered later, same name
    ):
        registration = _registration(user_id, name, token)
        registration.add_to_hass(hass)
        assert await hass.config_entries.async_setup(registration.entry_id)
    await hass.async_block_till_done()
    entry = make_entry(options={"show_answers_in_notifications": True})
    await async_set_up(hass, entry)

    await act(hass, entry, "send_prompt")
    for user_id, answer in ((ALEX_USER_ID, ALEX_ANSWER), (SAM_USER_ID, SAM_ANSWER)):
        reply = await ws_call(
            hass,
            hass_ws_client,
            user_id,
            "answer_prompt",
            config_entry_id=entry.entry_id,
            answer=answer,
        )
        assert reply["success"], reply
    await hass.async_block_till_done()
    pushes = _pushes(aioclient_mock)
    assert "KIM" not in pushes
    assert "ALEX" not in pushes  # the action is not Alex's alone
    assert any(ALEX_ANSWER in push for push in pushes["SAM"])  # Sam's reveal
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(PACKAGE)]
    assert any("Not sending to notify.mobile_app_alex_phone" in m for m in ours)
    assert not any(ALEX_ANSWER in message for message in ours)

    # Kim renames the device, as the companion app tells Home Assistant.
    client = await hass_client_no_auth()
    response = await client.post(
        "/api/webhook/webhook-KIM",
        json={
            "type": "update_registration",
            "data": {
                "app_data": {"push_token": "KIM", "push_url": PUSH_URL},
                "app_version": "2025.1",
                "device_name": "Kim phone",
                "manufacturer": "Apple",
                "model": "iPhone",
                "os_version": "17",
            },
        },
    )
    assert response.status == 200
    await hass.async_block_till_done()
    aioclient_mock.clear_requests()
    aioclient_mock.post(PUSH_URL, json={}, status=201)

    await act(hass, entry, "request_check_in", partner=1)
    pushes = _pushes(aioclient_mock)
    assert list(pushes) == ["ALEX"]
    assert "Time for your check-in" in pushes["ALEX"][0]


async def test_only_actions_a_partner_has_alone_are_used(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    third_user: MockUser,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A name that makes another user's action too is skipped; one's own twice is not.

    Alex's second registration named "Alex phone" shares Alex's action and is
    Alex's, so that action is still used, once. Kim's "SAM PHONE" makes Sam's
    action as well: it is not used while both exist. A registration without
    its own webhook is not a phone.
    """
    add_phone(hass, ALEX_USER_ID, "Alex phone")  # e.g. a reinstalled app
    legacy = MockConfigEntry(
        domain="mobile_app", data={"user_id": ALEX_USER_ID, "device_name": "Old"}
    )
    legacy.add_to_hass(hass)
    old = async_mock_service(hass, "notify", "mobile_app_old")
    entry = make_entry()
    await async_set_up(hass, entry)

    await act(hass, entry, "send_prompt")
    assert len(phones[PHONE_1]) == len(phones[PHONE_2]) == 1
    assert old == []

    add_phone(hass, third_user.id, "SAM PHONE")
    await act(hass, entry, "send_prompt")
    assert len(phones[PHONE_1]) == 2
    assert len(phones[PHONE_2]) == 1  # Kim's device could be the one reached
