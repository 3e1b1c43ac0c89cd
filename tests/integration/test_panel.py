"""The couple's panel: in every user's sidebar, and private to each partner.

The panel reads and writes only through the couple's websocket commands; these
tests call them as the panel does, signed in as Alex, as Sam, as a third user
and as the household's admin, and read every frame each browser would get.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import frontend
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.ritual_presets import CONF_RITUAL_PRESETS
from custom_components.microdose_together.ritual_settings import CONF_RITUAL_NAME

from .conftest import (
    ALEX_USER_ID,
    EIGHTEEN_DAYS,
    EIGHTEEN_DAYS_NOTE,
    PHONE_1,
    PHONE_2,
    SAM_USER_ID,
)
from .demo_home import LIGHTS, PLAYER, RITUAL_OPTIONS, async_set_up_demo, look
from .helpers import act, act_as, async_set_up, state_of, ws_client_as

NOTE = "alex-panel-note-5b20"
ANSWER = "alex-panel-answer-77c3"
SAM_ANSWER = "sam-panel-answer-0e9d"
SCORES = {"mood": 4, "connection": 5, "stress": 2}
MODULE = "/microdose_together/panel/0.1.0/microdose-together-panel.js"
# The presets every couple has, in the order the panel offers them; the panel
# names them in the reader's language.
BUILT_IN_PRESETS = [
    {"id": "conversation", "name": ""},
    {"id": "journaling", "name": ""},
    {"id": "walk", "name": ""},
]
# A couple who added a preset of their own, on the demo lights and player.
SAUNA_OPTIONS = {CONF_RITUAL_PRESETS: {"custom_1": {CONF_RITUAL_NAME: "Sauna evening"}}}
# A bound for a frame that must come; reached only when something is broken.
FRAME_WAIT = 30


def _refused(reply: dict[str, Any], key: str) -> None:
    assert reply["success"] is False, reply
    assert reply["error"]["translation_key"] == key, reply["error"]


async def _frames_until_pong(client: Any) -> list[dict[str, Any]]:
    """Return every frame sent before an answer to a ping sent now.

    Home Assistant answers in order, so the pong comes after every event the
    connection had already been sent: nothing sent to it can be missed.
    """
    await client.send_json_auto_id({"type": "ping"})
    frames = []
    while True:
        frame = await asyncio.wait_for(client.receive_json(), FRAME_WAIT)
        if frame["type"] == "pong":
            return frames
        frames.append(frame)


async def _subscribe(client: Any, entry: MockConfigEntry) -> tuple[int, dict[str, Any]]:
    """Subscribe to today's view; return the subscription and the first view."""
    await client.send_json_auto_id(
        {"type": f"{DOMAIN}/subscribe", "config_entry_id": entry.entry_id}
    )
    result = await asyncio.wait_for(client.receive_json(), FRAME_WAIT)
    assert result["success"], result
    first = await asyncio.wait_for(client.receive_json(), FRAME_WAIT)
    assert first["type"] == "event"
    today: dict[str, Any] = first["event"]
    return result["id"], today


# ---- the sidebar -----------------------------------------------------------------


async def test_the_panel_is_in_every_users_sidebar_while_a_couple_is_loaded(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    outsiders: dict[str, str],
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
) -> None:
    """No admin needed to see it; its module is served under the version."""
    client = await ws_client_as(hass, hass_ws_client, outsiders["third user"])
    await client.send_json_auto_id({"type": "get_panels"})
    panels = (await client.receive_json())["result"]
    panel = panels["microdose-together"]
    assert panel["title"] == "Together"
    assert panel["require_admin"] is False
    custom = panel["config"]["_panel_custom"]
    assert custom["name"] == "microdose-together-panel"
    assert custom["module_url"] == MODULE
    await client.close()

    response = await (await hass_client()).get(MODULE)
    assert response.status == HTTPStatus.OK
    body = await response.text()
    assert "microdose-together-panel" in body

    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    client = await ws_client_as(hass, hass_ws_client, outsiders["third user"])
    await client.send_json_auto_id({"type": "get_panels"})
    assert "microdose-together" not in (await client.receive_json())["result"]
    await client.close()


async def test_a_second_couple_keeps_one_panel(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    make_entry: Callable[..., MockConfigEntry],
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Unloading one of two couples leaves the panel for the other."""
    other = make_entry(
        data={
            "couple_name": "Kim & Lee",
            "partners": [
                {"name": "Kim", "person": None, "user_id": "kim-user"},
                {"name": "Lee", "person": None, "user_id": "lee-user"},
            ],
        }
    )
    await async_set_up(hass, other)
    assert await hass.config_entries.async_unload(other.entry_id)
    client = await ws_client_as(hass, hass_ws_client, ALEX_USER_ID)
    await client.send_json_auto_id({"type": "get_panels"})
    assert "microdose-together" in (await client.receive_json())["result"]
    await client.close()


async def test_an_address_taken_by_a_dashboard_leaves_the_couple_working(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
    ws: Callable[..., Any],
) -> None:
    """The couple loads without its panel; a repair says why; theirs stays."""
    assert await async_setup_component(hass, "frontend", {})
    frontend.async_register_built_in_panel(
        hass, "lovelace", frontend_url_path="microdose-together"
    )
    entry = make_entry()
    await async_set_up(hass, entry)

    issue = ir.async_get(hass).async_get_issue(DOMAIN, "panel_address_taken")
    assert issue is not None
    assert issue.translation_placeholders == {"path": "/microdose-together"}
    reply = await ws(ALEX_USER_ID, "today", config_entry_id=entry.entry_id)
    assert reply["success"], reply
    assert await hass.config_entries.async_unload(entry.entry_id)
    client = await ws_client_as(hass, hass_ws_client, ALEX_USER_ID)
    await client.send_json_auto_id({"type": "get_panels"})
    panel = (await client.receive_json())["result"]["microdose-together"]
    assert panel["component_name"] == "lovelace"
    await client.close()


# ---- today -------------------------------------------------------------------------


async def test_today_as_each_partner_sees_it(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The schedule, the calm day and both partners' figures, from each side."""
    await act(hass, setup_entry, "set_intention", intention="Listen first")
    alex = (await ws(ALEX_USER_ID, "today", config_entry_id=setup_entry.entry_id))[
        "result"
    ]
    assert alex["couple_name"] == "Alex & Sam"
    assert alex["today"] == "2026-01-05"
    assert alex["phase"] == "dose_day"
    assert alex["cycle_day"] == 1
    assert alex["paused"] is False
    assert alex["pause_begins"] is None
    assert alex["today_feels"] == "automatic"
    assert alex["intention"] == "Listen first"
    assert alex["dose"] == {"amount_g": 0.1, "form": "dried"}
    assert alex["me"]["name"] == "Alex"
    assert alex["me"]["slot"] == 1
    assert alex["me"]["dosed_today"] is False
    assert alex["partner"]["name"] == "Sam"
    assert alex["prompt"] is None
    assert alex["ritual"] == {
        "running": False,
        "started_at": None,
        "preset": None,
        "presets": BUILT_IN_PRESETS,
    }

    sam = (await ws(SAM_USER_ID, "today", config_entry_id=setup_entry.entry_id))[
        "result"
    ]
    assert (sam["me"], sam["partner"]) == (alex["partner"], alex["me"])


async def test_a_pause_after_a_dose_shows_the_day_it_begins(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """Paused at once, yet today stays the dose day it was; the pause begins later."""
    entry_id = setup_entry.entry_id
    await act(hass, setup_entry, "log_dose", partner=1)
    await act(hass, setup_entry, "pause_protocol")
    today = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"]
    assert today["paused"] is True
    assert today["pause_begins"] == "2026-01-06"
    assert today["phase"] == "dose_day"

    await act(hass, setup_entry, "resume_protocol")
    today = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"]
    assert today["paused"] is False
    assert today["pause_begins"] is None


async def test_outsiders_get_no_today_and_change_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    outsiders: dict[str, str],
    ws: Callable[..., Any],
) -> None:
    """Every command of the panel refuses someone outside the couple."""
    entry_id = setup_entry.entry_id
    before = sorted((s.entity_id, s.state) for s in hass.states.async_all())
    attempts: list[tuple[str, dict[str, Any]]] = [
        ("today", {}),
        ("subscribe", {}),
        ("log_dose", {}),
        ("log_dose", {"acknowledge_off_protocol": True}),
        ("set_intention", {"intention": "taken over"}),
        ("today_feels", {"today_feels": "not_calm"}),
        ("start_ritual", {}),
        ("start_ritual", {"preset": "walk"}),
        ("end_ritual", {}),
    ]
    for user_id in outsiders.values():
        for command, data in attempts:
            reply = await ws(user_id, command, config_entry_id=entry_id, **data)
            _refused(reply, "not_in_couple")
    await hass.async_block_till_done()
    assert sorted((s.entity_id, s.state) for s in hass.states.async_all()) == before


# ---- live updates and privacy ------------------------------------------------------


async def test_sams_browser_never_receives_alexs_words_before_the_reveal(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    hass_ws_client: WebSocketGenerator,
    ws: Callable[..., Any],
) -> None:
    """Every frame of Sam's live view, read in order, until both have answered."""
    await act(hass, setup_entry, "send_prompt")
    entry_id = setup_entry.entry_id
    sam = await ws_client_as(hass, hass_ws_client, SAM_USER_ID)
    alex = await ws_client_as(hass, hass_ws_client, ALEX_USER_ID)
    _, sam_first = await _subscribe(sam, setup_entry)
    await _subscribe(alex, setup_entry)
    assert sam_first["prompt"]["text"]
    assert sam_first["prompt"]["partner_answered"] is False

    reply = await ws(
        ALEX_USER_ID, "check_in", config_entry_id=entry_id, note=NOTE, **SCORES
    )
    assert reply["success"], reply
    reply = await ws(
        ALEX_USER_ID, "answer_prompt", config_entry_id=entry_id, answer=ANSWER
    )
    assert reply["result"] == {"revealed": False}

    before_reveal = await _frames_until_pong(sam)
    assert before_reveal, "Sam's view did not follow Alex's check-in and answer"
    for secret in (NOTE, ANSWER):
        assert secret not in repr(before_reveal)
    latest = before_reveal[-1]["event"]
    assert latest["partner"]["check_in"]["mood"] == SCORES["mood"]
    assert latest["prompt"]["partner_answered"] is True
    assert latest["prompt"]["i_answered"] is False
    assert "answers" not in latest["prompt"]
    alex_view = (await _frames_until_pong(alex))[-1]["event"]
    assert alex_view["prompt"]["own_answer"] == ANSWER
    assert NOTE not in repr(alex_view)  # notes are read in the history only

    reply = await ws(
        SAM_USER_ID, "answer_prompt", config_entry_id=entry_id, answer=SAM_ANSWER
    )
    assert reply["result"] == {"revealed": True}
    for client, me, partner in ((sam, SAM_ANSWER, ANSWER), (alex, ANSWER, SAM_ANSWER)):
        prompt = (await _frames_until_pong(client))[-1]["event"]["prompt"]
        assert prompt["revealed"] is True
        assert prompt["answers"] == {"me": me, "partner": partner}
    assert NOTE not in repr(await _frames_until_pong(sam))
    await sam.close()
    await alex.close()


async def test_the_live_view_comes_back_after_a_reload_and_ends_on_unsubscribe(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """An open panel follows a reloaded couple; unsubscribed, it hears nothing."""
    client = await ws_client_as(hass, hass_ws_client, ALEX_USER_ID)
    subscription, _ = await _subscribe(client, setup_entry)
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    frames = await _frames_until_pong(client)
    assert frames
    assert frames[-1]["event"]["me"]["name"] == "Alex"

    await client.send_json_auto_id(
        {"type": "unsubscribe_events", "subscription": subscription}
    )
    assert (await client.receive_json())["success"]
    await act(hass, setup_entry, "set_intention", intention="quiet now")
    assert await _frames_until_pong(client) == []
    await client.close()


async def test_the_live_view_follows_the_clock(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """At midnight the open panel shows the new day without being asked."""
    client = await ws_client_as(hass, hass_ws_client, SAM_USER_ID)
    _, first = await _subscribe(client, setup_entry)
    assert first["today"] == "2026-01-05"
    dose_day_clock.move_to("2026-01-06T00:00:05+02:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    frames = await _frames_until_pong(client)
    assert frames[-1]["event"]["today"] == "2026-01-06"
    await client.close()


# ---- my dose -----------------------------------------------------------------------


async def test_my_dose_is_the_callers_own_at_the_couples_amount(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """One dose a day; a second is refused with the guard's sentence."""
    entry_id = setup_entry.entry_id
    reply = await ws(SAM_USER_ID, "log_dose", config_entry_id=entry_id)
    assert reply["success"], reply
    assert reply["result"]["off_protocol"] is False
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "1"
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"
    today = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"]
    assert today["me"]["dosed_today"] is True

    reply = await ws(SAM_USER_ID, "log_dose", config_entry_id=entry_id)
    _refused(reply, "dose_refused_already_dosed_today")
    assert "Sam" in reply["error"]["message"]
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "1"

    for field in ({"amount": 0.3}, {"partner": 1}, {"form": "fresh_truffle"}):
        reply = await ws(ALEX_USER_ID, "log_dose", config_entry_id=entry_id, **field)
        _refused(reply, "unknown_fields")
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"


async def test_a_rest_day_dose_needs_the_acknowledgement(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """Refused with its reason; recorded, flagged, once acknowledged."""
    dose_day_clock.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    entry_id = setup_entry.entry_id
    reply = await ws(ALEX_USER_ID, "log_dose", config_entry_id=entry_id)
    _refused(reply, "dose_refused_rest_day")
    assert state_of(hass, "sensor.alex_off_protocol_doses") == "0"
    reply = await ws(
        ALEX_USER_ID,
        "log_dose",
        config_entry_id=entry_id,
        acknowledge_off_protocol="yes",
    )
    _refused(reply, "invalid_fields")
    reply = await ws(
        ALEX_USER_ID,
        "log_dose",
        config_entry_id=entry_id,
        acknowledge_off_protocol=True,
    )
    assert reply["result"]["off_protocol"] is True
    assert reply["result"]["flags"] == ["rest_day"]
    assert state_of(hass, "sensor.alex_off_protocol_doses") == "1"


# ---- the couple's shared controls ----------------------------------------------------


async def test_intention_and_how_today_feels(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """Either partner sets them, the entities agree; bad values change nothing."""
    entry_id = setup_entry.entry_id
    reply = await ws(
        SAM_USER_ID, "set_intention", config_entry_id=entry_id, intention="Slow evening"
    )
    assert reply["success"], reply
    assert state_of(hass, "text.alex_sam_shared_intention") == "Slow evening"
    reply = await ws(
        ALEX_USER_ID, "today_feels", config_entry_id=entry_id, today_feels="not_calm"
    )
    assert reply["success"], reply
    assert state_of(hass, "select.alex_sam_today_feels") == "not_calm"
    today = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"]
    assert today["today_feels"] == "not_calm"
    assert today["calm"]["calm"] is False
    assert today["calm"]["reasons"] == ["override"]

    for command, data in (
        ("set_intention", {"intention": "x" * 256}),
        ("set_intention", {"intention": ["a list"]}),
        ("today_feels", {"today_feels": "ecstatic"}),
    ):
        reply = await ws(ALEX_USER_ID, command, config_entry_id=entry_id, **data)
        _refused(reply, "invalid_fields")
    assert state_of(hass, "text.alex_sam_shared_intention") == "Slow evening"
    assert state_of(hass, "select.alex_sam_today_feels") == "not_calm"


async def test_the_ritual_from_the_panel_answers_its_step_report(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """Start dims and prompts, end restores; both say what each step did."""
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS)
    await async_set_up(hass, entry)
    reply = await ws(SAM_USER_ID, "start_ritual", config_entry_id=entry.entry_id)
    assert reply["success"], reply
    assert reply["result"]["ok"] is True
    assert reply["result"]["preset"] == "conversation"  # when none is chosen
    assert reply["result"]["steps"]
    assert state_of(hass, "switch.alex_sam_ritual") == "on"
    today = (await ws(ALEX_USER_ID, "today", config_entry_id=entry.entry_id))["result"]
    assert today["ritual"]["running"] is True
    assert today["ritual"]["preset"] == "conversation"
    for phone in (PHONE_1, PHONE_2):
        assert phones[phone][-1].data["title"] == "Tonight's prompt"

    reply = await ws(ALEX_USER_ID, "end_ritual", config_entry_id=entry.entry_id)
    assert reply["success"], reply
    assert state_of(hass, "switch.alex_sam_ritual") == "off"


def _room(hass: HomeAssistant) -> list[Any]:
    """Return every ritual light as a person sees it, and the player's state."""
    return [look(hass, entity_id) for entity_id in LIGHTS] + [state_of(hass, PLAYER)]


@pytest.fixture
async def sauna_entry(
    ritual_home: Callable[..., Awaitable[MockConfigEntry]],
) -> MockConfigEntry:
    """A couple with the built-in presets and their own sauna evening."""
    return await ritual_home(**SAUNA_OPTIONS)


async def test_both_partners_see_the_presets_and_which_one_runs(
    hass: HomeAssistant,
    sauna_entry: MockConfigEntry,
    outsiders: dict[str, str],
    hass_ws_client: WebSocketGenerator,
    ws: Callable[..., Any],
) -> None:
    """The couple's own preset by its name, built-in ones by id; outsiders see none.

    Alex's open panel learns which preset Sam started without asking.
    """
    entry_id = sauna_entry.entry_id
    alex_browser = await ws_client_as(hass, hass_ws_client, ALEX_USER_ID)
    await _subscribe(alex_browser, sauna_entry)
    presets = [*BUILT_IN_PRESETS, {"id": "custom_1", "name": "Sauna evening"}]
    for user_id in (ALEX_USER_ID, SAM_USER_ID):
        ritual = (await ws(user_id, "today", config_entry_id=entry_id))["result"][
            "ritual"
        ]
        assert ritual["presets"] == presets
        assert (ritual["running"], ritual["preset"]) == (False, None)

    reply = await ws(
        SAM_USER_ID, "start_ritual", config_entry_id=entry_id, preset="walk"
    )
    assert reply["success"], reply
    assert reply["result"]["preset"] == "walk"
    await hass.async_block_till_done()
    live = [
        frame["event"]["ritual"] for frame in await _frames_until_pong(alex_browser)
    ]
    assert live[-1]["preset"] == "walk"
    await alex_browser.close()
    for user_id in (ALEX_USER_ID, SAM_USER_ID):
        ritual = (await ws(user_id, "today", config_entry_id=entry_id))["result"][
            "ritual"
        ]
        assert (ritual["running"], ritual["preset"]) == (True, "walk")
        assert ritual["presets"] == presets
    for user_id in outsiders.values():
        _refused(await ws(user_id, "today", config_entry_id=entry_id), "not_in_couple")

    reply = await ws(ALEX_USER_ID, "end_ritual", config_entry_id=entry_id)
    assert reply["result"]["preset"] == "walk"
    ritual = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"][
        "ritual"
    ]
    assert (ritual["running"], ritual["preset"]) == (False, None)


async def test_the_panel_starts_the_chosen_preset(
    hass: HomeAssistant,
    sauna_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    ws: Callable[..., Any],
) -> None:
    """The walk turns the lights off; the couple's own starts by id or by name."""
    entry_id = sauna_entry.entry_id
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")
    reply = await ws(
        ALEX_USER_ID, "start_ritual", config_entry_id=entry_id, preset="walk"
    )
    await hass.async_block_till_done()
    assert reply["result"]["started"] is True
    assert {look(hass, entity_id)["state"] for entity_id in LIGHTS} == {"off"}
    assert "light_off" in {step["step"] for step in reply["result"]["steps"]}
    for phone in (PHONE_1, PHONE_2):
        assert phones[phone][-1].data["title"] == "A question for the walk"
    await ws(ALEX_USER_ID, "end_ritual", config_entry_id=entry_id)

    for wanted in ("custom_1", " sauna EVENING "):
        reply = await ws(
            SAM_USER_ID, "start_ritual", config_entry_id=entry_id, preset=wanted
        )
        assert reply["success"], reply
        assert reply["result"]["preset"] == "custom_1"
        assert state_of(hass, "switch.alex_sam_ritual") == "on"
        await ws(SAM_USER_ID, "end_ritual", config_entry_id=entry_id)
    assert [event.data["preset"] for event in started] == [
        "walk",
        "custom_1",
        "custom_1",
    ]


async def test_an_unknown_preset_from_the_panel_is_refused_and_changes_nothing(
    hass: HomeAssistant,
    sauna_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    ws: Callable[..., Any],
) -> None:
    """Named back with the couple's presets; no light, player or phone moves."""
    entry_id = sauna_entry.entry_id
    before = _room(hass)
    sent = {phone: len(calls) for phone, calls in phones.items()}
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")

    reply = await ws(
        ALEX_USER_ID, "start_ritual", config_entry_id=entry_id, preset="spa"
    )
    _refused(reply, "ritual_preset_unknown")
    assert reply["error"]["translation_placeholders"] == {
        "preset": "spa",
        "presets": "conversation, journaling, walk, custom_1",
    }
    reply = await ws(ALEX_USER_ID, "start_ritual", config_entry_id=entry_id, preset=3)
    _refused(reply, "invalid_fields")
    await hass.async_block_till_done()

    assert _room(hass) == before
    assert state_of(hass, "switch.alex_sam_ritual") == "off"
    assert {phone: len(calls) for phone, calls in phones.items()} == sent
    assert not started
    today = (await ws(SAM_USER_ID, "today", config_entry_id=entry_id))["result"]
    assert (today["ritual"]["running"], today["ritual"]["preset"]) == (False, None)


# ---- notifications open the panel ---------------------------------------------------


async def test_notifications_open_the_panel_at_the_right_place(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    ws: Callable[..., Any],
) -> None:
    """The prompt and its reveal open tonight's prompt; a request, the check-in."""
    entry_id = setup_entry.entry_id
    prompt_link = f"/microdose-together/prompt?couple={entry_id}"
    check_in_link = f"/microdose-together/check-in?couple={entry_id}"

    await act(hass, setup_entry, "send_prompt")
    for phone in (PHONE_1, PHONE_2):
        data = phones[phone][-1].data["data"]
        assert (data["url"], data["clickAction"]) == (prompt_link, prompt_link)
    await ws(ALEX_USER_ID, "answer_prompt", config_entry_id=entry_id, answer=ANSWER)
    await ws(SAM_USER_ID, "answer_prompt", config_entry_id=entry_id, answer=SAM_ANSWER)
    for phone in (PHONE_1, PHONE_2):
        reveal = phones[phone][-1].data
        assert reveal["title"].endswith("answered too")
        assert (reveal["data"]["url"], reveal["data"]["clickAction"]) == (
            prompt_link,
            prompt_link,
        )

    await act(hass, setup_entry, "request_check_in", partner=2)
    request = phones[PHONE_2][-1].data["data"]
    assert (request["url"], request["clickAction"]) == (check_in_link, check_in_link)


# ---- insights ------------------------------------------------------------------------


async def test_insights_give_each_partner_the_figures_and_the_days(
    hass: HomeAssistant, eighteen_days: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """The figures of get_insights, and a day series for the chart, numbers only."""
    entry_id = eighteen_days.entry_id
    reply = await ws(ALEX_USER_ID, "insights", config_entry_id=entry_id)
    assert reply["success"], reply
    answer = reply["result"]
    # By default from the first record to today.
    assert (answer["start"], answer["end"]) == ("2026-01-05", "2026-01-22")
    assert set(answer) == {"start", "end", "partners", "couple", "series"}
    alex = answer["partners"]["1"]["dose_day_vs_rest_day"]["mood"]
    assert alex == {
        "dose_days": 6,
        "rest_days": 6,
        "enough": True,
        "difference": 2.0,
        "low": 1.3,
        "high": 2.7,
        "df": 10.0,
    }
    assert answer["partners"]["1"]["categories"]["dose_day"]["mood"] == 4.5
    assert answer["partners"]["1"]["categories"]["rest_day"]["mood"] == 2.5
    assert answer["partners"]["2"]["dose_day_vs_rest_day"]["mood"]["enough"] is False
    figures = await act_as(hass, ALEX_USER_ID, eighteen_days, "get_insights")
    assert {key: answer[key] for key in figures} == figures

    series = answer["series"]
    assert [day["day"] for day in series] == [
        f"2026-01-{day:02d}" for day in range(5, 5 + EIGHTEEN_DAYS)
    ]
    assert series[0]["partners"] == {
        "1": {"mood": 4, "connection": 4, "dosed": True},
        "2": {"mood": 3, "connection": 5, "dosed": False},
    }
    assert series[1]["partners"]["1"] == {"mood": 3, "connection": 4, "dosed": False}
    assert series[2]["partners"]["2"] == {"mood": 3, "connection": 3, "dosed": False}
    assert series[3]["partners"] == {
        "1": {"mood": 5, "connection": 4, "dosed": True},
        "2": {"mood": None, "connection": None, "dosed": False},
    }

    # Sam gets the same answer: scores and doses are the couple's, never a note.
    sam = await ws(SAM_USER_ID, "insights", config_entry_id=entry_id)
    assert sam["result"] == answer
    assert EIGHTEEN_DAYS_NOTE not in repr(answer)
    assert "note" not in repr(answer)


async def test_insights_over_chosen_days_count_the_last_check_in_of_a_day(
    hass: HomeAssistant,
    eighteen_days: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """A range keeps its days; a later check-in of a day replaces the earlier one."""
    entry_id = eighteen_days.entry_id
    dose_day_clock.tick(timedelta(hours=2))
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=entry_id,
        mood=1,
        connection=2,
        stress=5,
    )
    assert reply["success"], reply
    reply = await ws(
        SAM_USER_ID,
        "insights",
        config_entry_id=entry_id,
        start="2026-01-20",
        end="2026-01-22",
    )
    answer = reply["result"]
    assert (answer["start"], answer["end"]) == ("2026-01-20", "2026-01-22")
    assert [day["day"] for day in answer["series"]] == [
        "2026-01-20",
        "2026-01-21",
        "2026-01-22",
    ]
    assert answer["series"][-1]["partners"]["1"] == {
        "mood": 1,
        "connection": 2,
        "dosed": False,
    }
    assert answer["partners"]["1"]["categories"]["rest_day"]["mood"] == 1.0
    assert answer["partners"]["1"]["dose_day_vs_rest_day"]["mood"]["enough"] is False

    # Before anything was recorded: no days, no figures, no refusal.
    reply = await ws(
        ALEX_USER_ID,
        "insights",
        config_entry_id=entry_id,
        start="2025-12-01",
        end="2025-12-31",
    )
    assert reply["success"], reply
    assert reply["result"]["series"] == []
    assert reply["result"]["couple"]["categories"]["dose_day"]["days"] == 0


async def test_outsiders_get_no_insights(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    outsiders: dict[str, str],
    ws: Callable[..., Any],
) -> None:
    """A third user and the household's admin are refused, with dates or without."""
    reply = await ws(
        ALEX_USER_ID, "check_in", config_entry_id=setup_entry.entry_id, **SCORES
    )
    assert reply["success"], reply
    for user_id in outsiders.values():
        for dates in ({}, {"start": "2026-01-01", "end": "2026-01-05"}):
            reply = await ws(
                user_id, "insights", config_entry_id=setup_entry.entry_id, **dates
            )
            _refused(reply, "not_in_couple")
            assert "result" not in reply


@pytest.mark.parametrize(
    ("dates", "key", "placeholders"),
    [
        (
            {"start": "2026-01-05", "end": "2026-01-04"},
            "history_range_reversed",
            {"start": "2026-01-05", "end": "2026-01-04"},
        ),
        ({"start": "2026-01-06"}, "history_range_reversed", None),
        ({"end": "2025-12-31"}, "history_range_reversed", None),
        (
            {"start": "2025-01-03", "end": "2026-01-04"},
            "history_range_too_long",
            {"days": "366"},
        ),
        ({"start": "2024-12-01"}, "history_range_too_long", {"days": "366"}),
        ({"start": "05.01.2026"}, "invalid_fields", {"fields": "start"}),
        ({"partner": 2}, "unknown_fields", {"fields": "partner"}),
    ],
    ids=[
        "reversed",
        "starts_after_today",
        "ends_before_the_first_record",
        "367_days",
        "from_long_ago",
        "not_a_day",
        "partner_field",
    ],
)
async def test_insights_refuse_bad_ranges(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    ws: Callable[..., Any],
    dates: dict[str, Any],
    key: str,
    placeholders: dict[str, str] | None,
) -> None:
    """Reversed, longer than 366 days, or not a day: refused with its sentence."""
    reply = await ws(
        ALEX_USER_ID, "insights", config_entry_id=setup_entry.entry_id, **dates
    )
    _refused(reply, key)
    if placeholders is not None:
        assert reply["error"]["translation_placeholders"] == placeholders


async def test_insights_take_a_whole_year(
    hass: HomeAssistant, setup_entry: MockConfigEntry, ws: Callable[..., Any]
) -> None:
    """366 days, both ends counted, is the longest range."""
    reply = await ws(
        ALEX_USER_ID,
        "insights",
        config_entry_id=setup_entry.entry_id,
        start="2025-01-05",
        end="2026-01-05",
    )
    assert reply["success"], reply
    assert reply["result"]["series"] == []
