"""Many calls at once: every accepted one is kept once, the guard still holds.

The phones here answer after a few turns of the event loop, as real ones do, so
calls that notify a phone are suspended in the middle and others run meanwhile.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Context, HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.record_layout import decode_history

from .conftest import (
    ALEX_USER_ID,
    PHONE_1,
    PHONE_2,
    PHONE_NAMES,
    SAM_USER_ID,
    add_phone,
)
from .demo_home import LIGHTS, RITUAL_OPTIONS, async_set_up_demo, look
from .helpers import act, async_set_up, ws_call

PHONES = {1: PHONE_1, 2: PHONE_2}
USERS = {1: ALEX_USER_ID, 2: SAM_USER_ID}


class SlowPhones:
    """Both partners' notify actions; each answers after a few loop turns."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Register both phones."""
        self.calls: dict[int, list[ServiceCall]] = {1: [], 2: []}
        self.gate: asyncio.Event | None = None
        self.waiting = asyncio.Event()  # a message waits at the gate
        for slot, phone in PHONES.items():
            hass.services.async_register(
                "notify", phone.removeprefix("notify."), self._handler(slot)
            )

    def _handler(self, slot: int) -> Callable[[ServiceCall], Any]:
        async def _send(call: ServiceCall) -> None:
            self.calls[slot].append(call)
            if self.gate is not None:
                self.waiting.set()
                await self.gate.wait()
            for _ in range(3):
                await asyncio.sleep(0)

        return _send

    def clears(self, slot: int) -> int:
        """Return how many times the partner's phone was told to clear a message."""
        return sum(
            call.data["message"] == "clear_notification" for call in self.calls[slot]
        )


@pytest.fixture
async def slow_phones(
    hass: HomeAssistant, partner_users: dict[str, MockUser]
) -> SlowPhones:
    """The partners' own phones, which take a moment to answer."""
    for user_id, device_name in PHONE_NAMES.items():
        add_phone(hass, user_id, device_name)
    return SlowPhones(hass)


@pytest.fixture
async def couple(
    hass: HomeAssistant,
    slow_phones: SlowPhones,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """A couple on the first dose day, with slow phones."""
    entry = make_entry()
    await async_set_up(hass, entry)
    return entry


async def _show_answers_in_notifications(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """Let the reveal carry both answers, so it shows which ones were kept."""
    hass.config_entries.async_update_entry(
        entry, options=entry.options | {"show_answers_in_notifications": True}
    )
    await hass.async_block_till_done()


def assert_guard_holds(doses: list[dict[str, Any]]) -> None:
    """At most one dose per partner and day went through the guard unflagged."""
    unflagged = Counter(
        (dose["partner"], dose["day"]) for dose in doses if not dose["flags"]
    )
    assert all(count == 1 for count in unflagged.values()), unflagged


async def test_fifty_check_ins_and_doses_at_once(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    slow_phones: SlowPhones,
    hass_storage: dict[str, Any],
) -> None:
    """Each accepted call is stored once; one unacknowledged dose per partner.

    Of the 13 check-ins for Alex and 12 for Sam, ten each are taken: the daily
    limit holds however the calls interleave.
    """
    logged = async_capture_events(hass, f"{DOMAIN}_dose_logged")
    recorded = async_capture_events(hass, f"{DOMAIN}_check_in_recorded")
    # Open phone requests, so that check-ins stop to clear them mid-way.
    await act(hass, couple, "request_check_in")
    calls: list[tuple[str, int, dict[str, Any]]] = []
    for index in range(50):
        slot = 1 + index % 2
        if index % 2 == (index // 2) % 2:
            scores = {"mood": 1 + index % 5, "connection": 3, "stress": 2}
            calls.append(("check_in", slot, scores))
        else:
            acknowledged = index % 5 == 0
            calls.append(("log_dose", slot, {"acknowledge_off_protocol": acknowledged}))
    assert Counter(action for action, _, _ in calls) == {
        "check_in": 25,
        "log_dose": 25,
    }

    results = await asyncio.gather(
        *(
            act(hass, couple, action, partner=slot, **data)
            for action, slot, data in calls
        ),
        return_exceptions=True,
    )
    await hass.async_block_till_done()

    accepted_doses: dict[int, list[str]] = {1: [], 2: []}
    unacknowledged: Counter[int] = Counter()
    check_in_ids: list[str] = []
    for (action, slot, data), result in zip(calls, results, strict=True):
        if isinstance(result, ServiceValidationError) and action == "check_in":
            assert result.translation_key == "check_in_limit_reached", result
            continue
        if isinstance(result, ServiceValidationError):
            assert action == "log_dose", result
            assert not data["acknowledge_off_protocol"], result
            assert result.translation_key == "dose_refused_already_dosed_today"
            continue
        assert not isinstance(result, BaseException), (action, slot, result)
        if action == "check_in":
            check_in_ids.append(result["check_in_id"])
        else:
            accepted_doses[slot].append(result["dose_id"])
            unacknowledged[slot] += not data["acknowledge_off_protocol"]
    assert unacknowledged == {1: 1, 2: 1}
    assert len(check_in_ids) == 20

    coordinator = couple.runtime_data
    await coordinator.store.async_flush()
    saved = decode_history(hass_storage[f"{DOMAIN}.{couple.entry_id}"]["data"])
    for slot, ids in accepted_doses.items():
        in_memory = [r.id for r in coordinator.doses.records if r.partner == slot]
        in_file = [d["id"] for d in saved["doses"] if d["partner"] == slot]
        assert sorted(in_memory) == sorted(ids)
        assert sorted(in_file) == sorted(ids)
    assert sorted(r.id for r in coordinator.conversation.checkins.records) == sorted(
        check_in_ids
    )
    assert sorted(r["id"] for r in saved["checkins"]["records"]) == sorted(check_in_ids)
    kept = Counter((r["partner"], r["mood"]) for r in saved["checkins"]["records"])
    taken = Counter(
        (slot, data["mood"])
        for (action, slot, data), result in zip(calls, results, strict=True)
        if action == "check_in" and not isinstance(result, BaseException)
    )
    assert kept == taken
    assert Counter(r["partner"] for r in saved["checkins"]["records"]) == {1: 10, 2: 10}
    assert_guard_holds(saved["doses"])
    assert len(logged) == sum(len(ids) for ids in accepted_doses.values())
    assert len(recorded) == 20
    # Each phone's open request was cleared once, by the first check-in.
    assert saved["requests"] == {}
    assert (slow_phones.clears(1), slow_phones.clears(2)) == (1, 1)


async def test_one_tap_delivered_many_times_counts_once(
    hass: HomeAssistant, couple: MockConfigEntry, slow_phones: SlowPhones
) -> None:
    """A phone that repeats a tap (or two taps at once) moves the dialog one step."""
    await act(hass, couple, "request_check_in", partner=1)
    for step in (0, 0, 1, 2):  # check in now, then low, okay, high
        action = slow_phones.calls[1][-1].data["data"]["actions"][step]["action"]
        sent = len(slow_phones.calls[1])
        for _ in range(10):
            hass.bus.async_fire(
                "mobile_app_notification_action",
                {"action": action},
                context=Context(user_id=ALEX_USER_ID),
            )
        await hass.async_block_till_done()
        assert len(slow_phones.calls[1]) == sent + 1, step
    (record,) = couple.runtime_data.conversation.checkins.records
    assert (record.mood, record.connection, record.stress) == (2, 3, 4)


async def test_both_partners_answering_at_once_reveal_once(
    hass: HomeAssistant,
    couple: MockConfigEntry,
    slow_phones: SlowPhones,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Two answers each, all at once: one reveal, and only what is stored."""
    revealed = async_capture_events(hass, f"{DOMAIN}_prompt_revealed")
    await _show_answers_in_notifications(hass, couple)
    await act(hass, couple, "send_prompt")
    tap = {
        slot: slow_phones.calls[slot][-1].data["data"]["actions"][0]["action"]
        for slot in (1, 2)
    }

    async def by_phone(slot: int, text: str) -> None:
        hass.bus.async_fire(
            "mobile_app_notification_action",
            {"action": tap[slot], "reply_text": text},
            context=Context(user_id=USERS[slot]),
        )

    async def by_panel(slot: int, text: str) -> dict[str, Any]:
        return await ws_call(
            hass,
            hass_ws_client,
            USERS[slot],
            "answer_prompt",
            config_entry_id=couple.entry_id,
            answer=text,
        )

    results = await asyncio.gather(
        by_phone(1, "phone one"),
        by_panel(2, "panel two"),
        by_panel(1, "panel one"),
        by_phone(2, "phone two"),
        return_exceptions=True,
    )
    await hass.async_block_till_done()
    for result in results:
        if result is None:  # a tap changes what it changes, silently
            continue
        assert isinstance(result, dict), result
        if result["success"]:
            assert set(result["result"]) == {"revealed"}
        else:
            assert result["error"]["translation_key"] == "prompt_already_revealed"

    assert len(revealed) == 1
    shared = couple.runtime_data.conversation.current_prompt
    assert shared is not None
    assert shared.revealed
    for slot, other in ((1, 2), (2, 1)):
        (reveal,) = [
            call
            for call in slow_phones.calls[slot]
            if call.data.get("title", "").endswith("answered too")
        ]
        assert shared.answers[other] in reveal.data["message"]
        assert shared.answers[slot] in reveal.data["message"]


async def test_pausing_many_times_at_once_pauses_once(
    hass: HomeAssistant, couple: MockConfigEntry
) -> None:
    """Ten pauses at once: one is accepted, nine say it is already paused."""
    results = await asyncio.gather(
        *(act(hass, couple, "pause_protocol") for _ in range(10)),
        return_exceptions=True,
    )
    refusals = [r for r in results if isinstance(r, ServiceValidationError)]
    assert results.count(None) == 1
    assert len(refusals) == 9
    assert {r.translation_key for r in refusals} == {"already_paused"}
    assert couple.runtime_data.protocol_state["pauses"] == [
        {"start": "2026-01-05", "end": None}
    ]


async def test_a_second_start_while_the_first_runs_keeps_the_room(
    hass: HomeAssistant,
    slow_phones: SlowPhones,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A double tap on the ritual scene while a phone is slow keeps the room."""
    await async_set_up_demo(hass)
    entry = make_entry(options=RITUAL_OPTIONS)
    await async_set_up(hass, entry)
    before = {entity_id: look(hass, entity_id) for entity_id in LIGHTS}
    slow_phones.gate = asyncio.Event()

    first = hass.async_create_task(act(hass, entry, "start_ritual"))
    await slow_phones.waiting.wait()  # the lights are dimmed, a phone is slow
    assert look(hass, LIGHTS[1])["brightness"] != before[LIGHTS[1]]["brightness"]
    second = hass.async_create_task(act(hass, entry, "start_ritual"))
    for _ in range(20):
        await asyncio.sleep(0)
    slow_phones.gate.set()
    responses = [await first, await second]

    assert [response["started"] for response in responses] == [True, False]
    await act(hass, entry, "end_ritual")
    await hass.async_block_till_done()
    assert {entity_id: look(hass, entity_id) for entity_id in LIGHTS} == before
