"""The couple's privacy, tried the way an attacker would try it.

Alex and Sam are the couple (non-admin users). Robin is a third user of the
same home, without admin rights; Hollis is the home's administrator, who is
not one of the couple. Alex plants a private note and a private answer through
the couple's own channel (the websocket, as the panel does). Everyone else
then looks everywhere a Home Assistant user or the home can look: action
responses, websocket commands, entity states and attributes, every bus event,
the recorder's database, the log and every push to every phone.
The secrets may appear only in what their owner receives, and the answer, once
both answered, in what Sam receives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import json
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.models import User
from homeassistant.components.recorder import Recorder, get_instance
from homeassistant.components.recorder.db_schema import (
    EventData,
    Events,
    StateAttributes,
    States,
)
from homeassistant.components.recorder.util import session_scope
from homeassistant.const import MATCH_ALL
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    CLIENT_ID,
    MockConfigEntry,
    MockUser,
    async_mock_service,
)
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import (
    WebSocketGenerator,
)
import voluptuous as vol

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.limits import (
    PROMPTS_PER_DAY,
    TEXT_MAX_LENGTH,
)

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID, add_phone
from .helpers import act_as, state_of, tap

PLANTED_NOTE = "only-alex-knows-7f3a"
PLANTED_ANSWER = "alex-answer-never-shared-91c2"
SAM_ANSWER = "sam-answer-4d1e"
ROBIN_PHONE = "notify.mobile_app_robin_phone"
CALM_DAY = "binary_sensor.alex_sam_calm_day"
BOTH_ANSWERED = "binary_sensor.alex_sam_both_answered"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Start the real recorder before Home Assistant, then load this integration."""


@dataclass
class Home:
    """The couple, the other users of the home, and everything that went by."""

    hass: HomeAssistant
    entry: MockConfigEntry
    users: dict[str, User]
    pushes: dict[str, list[ServiceCall]]
    events: list[Event] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)


@pytest.fixture
async def home(
    hass: HomeAssistant,
    recorder_mock: Recorder,
    partner_users: dict[str, MockUser],
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_admin_user: MockUser,
    third_user: User,
) -> Home:
    """Set up the couple in a home with a third user and a non-partner admin."""
    add_phone(hass, third_user.id, "Robin phone")
    pushes = dict(phones)
    pushes[ROBIN_PHONE] = async_mock_service(hass, "notify", "mobile_app_robin_phone")
    users = {
        "alex": partner_users[ALEX_USER_ID],
        "sam": partner_users[SAM_USER_ID],
        "robin": third_user,
        "admin": hass_admin_user,
    }
    assert hass_admin_user.is_admin
    entry = make_entry()
    seen = Home(hass, entry, users, pushes)
    hass.bus.async_listen(MATCH_ALL, seen.events.append)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    for name, user in users.items():
        refresh = await hass.auth.async_create_refresh_token(user, CLIENT_ID)
        seen.tokens[name] = hass.auth.async_create_access_token(refresh)
    return seen


async def _ws(
    home: Home, ws_client: WebSocketGenerator, who: str, command: str, **data: Any
) -> dict[str, Any]:
    """Send one of the couple's websocket commands as a user; return the reply."""
    client = await ws_client(home.hass, home.tokens[who])
    await client.send_json_auto_id(
        {"type": f"{DOMAIN}/{command}", "config_entry_id": home.entry.entry_id, **data}
    )
    reply: dict[str, Any] = await client.receive_json()
    await client.close()
    return reply


async def _plant_secrets(home: Home, ws_client: WebSocketGenerator) -> None:
    """Alex checks in with a private note and answers tonight's prompt."""
    reply = await _ws(
        home,
        ws_client,
        "alex",
        "check_in",
        mood=4,
        connection=4,
        stress=2,
        note=PLANTED_NOTE,
    )
    assert reply["success"], reply
    await act_as(home.hass, None, home.entry, "send_prompt")
    reply = await _ws(home, ws_client, "alex", "answer_prompt", answer=PLANTED_ANSWER)
    assert reply["success"], reply
    assert reply["result"]["revealed"] is False
    assert state_of(home.hass, BOTH_ANSWERED) == "off"


def _text(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


async def _history(home: Home, who: str | None) -> str:
    """Return what get_history answers to a user (None: an automation)."""
    user_id = home.users[who].id if who else None
    response = await act_as(
        home.hass,
        user_id,
        home.entry,
        "get_history",
        start="2026-01-01",
        end="2026-01-31",
    )
    return _text(response)


def _recorded(hass: HomeAssistant) -> str:
    """Return every event, state and attribute the recorder wrote."""
    with session_scope(hass=hass, read_only=True) as session:
        rows = [
            *(row.shared_data for row in session.query(EventData)),
            *(row.event_data for row in session.query(Events)),
            *(row.shared_attrs for row in session.query(StateAttributes)),
            *(row.state for row in session.query(States)),
        ]
    return _text(rows)


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    """Return every log record, but Home Assistant's own websocket trace.

    With debug logging turned on for `websocket_api`, Home Assistant writes
    every websocket message it receives or sends into the log, whatever the
    integration: the README says so. Everything else is searched.
    """
    return "\n".join(
        record.getMessage()
        for record in caplog.records
        if not (
            record.levelno <= logging.DEBUG
            and record.name.startswith("homeassistant.components.websocket_api")
        )
    )


def _pushes_to(home: Home, phone: str) -> str:
    return _text([call.data for call in home.pushes[phone]])


def _prompt_reply_action(home: Home, phone: str) -> str:
    """Return the text-reply action of the last prompt that reached a phone."""
    for call in reversed(home.pushes[phone]):
        for action in call.data.get("data", {}).get("actions", []):
            if action.get("behavior") == "textInput" and action["action"].endswith(
                "|answer"
            ):
                return str(action["action"])
    raise AssertionError(f"no prompt reached {phone}")


async def test_nobody_but_alex_reads_alex_s_note_or_unshared_answer(
    home: Home,
    hass_ws_client: WebSocketGenerator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Findings 1 and 3: history, websocket, states, events, recorder, logs.

    Diagnostics (finding 6) are downloaded with planted secrets in
    test_diagnostics.py, without the recorder this test needs.
    """
    caplog.set_level(logging.DEBUG)
    hass = home.hass
    await _plant_secrets(home, hass_ws_client)

    assert PLANTED_NOTE in await _history(home, "alex")
    for who in ("sam", "robin", "admin", None):
        seen = await _history(home, who)
        assert PLANTED_NOTE not in seen, who
        assert PLANTED_ANSWER not in seen, who

    own = await _ws(
        home, hass_ws_client, "alex", "history", start="2026-01-05", end="2026-01-05"
    )
    assert own["success"]
    assert PLANTED_NOTE in _text(own["result"])
    sam = await _ws(
        home, hass_ws_client, "sam", "history", start="2026-01-05", end="2026-01-05"
    )
    assert sam["success"]
    assert PLANTED_NOTE not in _text(sam)
    assert PLANTED_ANSWER not in _text(sam)
    for who in ("robin", "admin"):
        reply = await _ws(
            home, hass_ws_client, who, "history", start="2026-01-05", end="2026-01-05"
        )
        assert not reply["success"], who
        assert PLANTED_NOTE not in _text(reply)
        assert PLANTED_ANSWER not in _text(reply)

    await async_wait_recording_done(hass)
    for secret in (PLANTED_NOTE, PLANTED_ANSWER):
        assert secret not in _text([s.as_dict() for s in hass.states.async_all()])
        assert secret not in _text([(e.event_type, e.data) for e in home.events])
        assert secret not in await get_instance(hass).async_add_executor_job(
            _recorded, hass
        )
        assert secret not in _logged(caplog)
        for phone in (PHONE_1, PHONE_2, ROBIN_PHONE):
            assert secret not in _pushes_to(home, phone)


async def test_nobody_acts_as_a_partner(
    home: Home, hass_ws_client: WebSocketGenerator
) -> None:
    """Finding 2: no one answers, checks in, doses or deletes for a partner."""
    hass = home.hass
    await _plant_secrets(home, hass_ws_client)
    assert state_of(hass, CALM_DAY) == "on"

    for who in ("robin", "admin"):
        reply = await _ws(home, hass_ws_client, who, "answer_prompt", answer="forged")
        assert not reply["success"], who
        reply = await _ws(
            home, hass_ws_client, who, "check_in", mood=1, connection=1, stress=5
        )
        assert not reply["success"], who
    assert state_of(hass, BOTH_ANSWERED) == "off"

    for who, slot in (("sam", 1), ("robin", 2), ("admin", 2), ("alex", 2)):
        user_id = home.users[who].id
        with pytest.raises(ServiceValidationError):
            await act_as(
                hass, user_id, home.entry, "log_dose", partner=slot, amount=0.1
            )
        with pytest.raises(ServiceValidationError):
            await act_as(
                hass,
                user_id,
                home.entry,
                "check_in",
                partner=slot,
                mood=1,
                connection=1,
                stress=5,
            )
    with pytest.raises(ServiceValidationError):
        await act_as(
            hass, home.users["robin"].id, home.entry, "log_dose", partner=2, amount=99
        )
    assert state_of(hass, CALM_DAY) == "on"
    assert state_of(hass, "sensor.sam_stress") == "unknown"
    assert state_of(hass, "sensor.sam_last_dose") == "unknown"

    # The text fields left the actions: no one can pass private words there.
    assert not hass.services.has_service(DOMAIN, "answer_prompt")
    with pytest.raises(vol.Invalid):
        await act_as(
            hass,
            None,
            home.entry,
            "check_in",
            partner=2,
            mood=3,
            connection=3,
            stress=3,
            note="x",
        )

    # Alex's own dose: Sam may not delete it.
    logged = await act_as(hass, ALEX_USER_ID, home.entry, "log_dose", partner=1)
    with pytest.raises(ServiceValidationError):
        await act_as(
            hass, SAM_USER_ID, home.entry, "delete_dose", dose_id=logged["dose_id"]
        )
    assert state_of(hass, "sensor.alex_last_dose") != "unknown"


async def test_a_forged_tap_changes_nothing_and_the_reveal_carries_no_words(
    home: Home, hass_ws_client: WebSocketGenerator
) -> None:
    """Findings 4, 5, 8: taps count only from the partner's own phones."""
    hass = home.hass
    await _plant_secrets(home, hass_ws_client)
    sams_reply = _prompt_reply_action(home, PHONE_2)

    for forger in (home.users["robin"].id, ALEX_USER_ID, home.users["admin"].id, None):
        await tap(hass, sams_reply, "forged answer", user_id=forger)
    assert state_of(hass, BOTH_ANSWERED) == "off"
    sam = await _ws(
        home, hass_ws_client, "sam", "history", start="2026-01-05", end="2026-01-05"
    )
    assert "forged answer" not in _text(sam)

    await tap(hass, sams_reply, SAM_ANSWER, user_id=SAM_USER_ID)
    assert state_of(hass, BOTH_ANSWERED) == "on"

    # Both read both answers now; nobody else reads either.
    for who in ("alex", "sam"):
        seen = await _history(home, who)
        assert PLANTED_ANSWER in seen, who
        assert SAM_ANSWER in seen, who
    assert PLANTED_NOTE not in await _history(home, "sam")
    for who in ("robin", "admin", None):
        seen = await _history(home, who)
        assert PLANTED_ANSWER not in seen, who
        assert SAM_ANSWER not in seen, who

    # The reveal push says who answered, never what.
    for phone in (PHONE_1, PHONE_2):
        pushed = _pushes_to(home, phone)
        assert PLANTED_ANSWER not in pushed
        assert SAM_ANSWER not in pushed
    assert home.pushes[ROBIN_PHONE] == []
    for phone in (PHONE_1, PHONE_2):
        prompts = [
            c for c in home.pushes[phone] if c.data.get("data", {}).get("actions")
        ]
        assert all(c.data["data"].get("visibility") == "private" for c in prompts)


async def test_limits_hold_against_a_loop_and_a_huge_reply(
    home: Home, hass_ws_client: WebSocketGenerator
) -> None:
    """Finding 7: 100 send_prompt calls and a 1,000,000-character reply."""
    hass = home.hass
    refusals = []
    for _ in range(100):
        try:
            await act_as(hass, None, home.entry, "send_prompt")
        except ServiceValidationError as err:
            refusals.append(err.translation_key)
    assert refusals == ["prompt_limit_reached"] * (100 - PROMPTS_PER_DAY)
    for phone in (PHONE_1, PHONE_2):
        prompts = [c for c in home.pushes[phone] if "|answer" in _text(c.data)]
        assert len(prompts) == PROMPTS_PER_DAY, phone

    await tap(
        hass, _prompt_reply_action(home, PHONE_1), "x" * 1_000_000, user_id=ALEX_USER_ID
    )
    own = await _ws(
        home, hass_ws_client, "alex", "history", start="2026-01-05", end="2026-01-05"
    )
    assert own["success"]
    assert own["result"]["prompts"][-1]["own_answer"] == "x" * TEXT_MAX_LENGTH
    assert len(_text(own)) < TEXT_MAX_LENGTH * 4
