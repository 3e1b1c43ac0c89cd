"""The cycle review when the tolerance break begins: figures, a shared prompt, once.

Alex and Sam start Fadiman on Monday 2026-01-05 (four weeks on, two off), so
the break begins on Monday 2026-02-02, at midnight, inside quiet hours
(22:30-07:30). Alex doses on the first five dose days and checks in on them
(mood 4, connection 5) and on the five rest days between them (mood 3,
connection 4): 10 of 28 days. Sam checks in once, on the first day, without a
dose: that day is a rest day for Sam, too few to compare.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, async_set_up, state_of, tap

PHONES = {1: PHONE_1, 2: PHONE_2}
OWNERS = {1: ALEX_USER_ID, 2: SAM_USER_ID}
NOTE = "alex-cycle-note-5d1c"
ALEX_ANSWER = "alex-review-answer-77f0"
SAM_ANSWER = "sam-review-answer-12ab"
PRIVATE = (NOTE, ALEX_ANSWER, SAM_ANSWER)
DOSE_DAYS = (0, 3, 6, 9, 12)  # offsets from 2026-01-05
REST_DAYS = (2, 5, 8, 11, 14)
FIGURES = (
    "Your tolerance break begins today. Here is cycle 1, 28 days, in numbers.\n\n"
    "Alex checked in on 10 of 28 days. On dose days mood was 4.0 and connection "
    "5.0 on average; on rest days mood 3.0 and connection 4.0 (5 and 5 days).\n\n"
    "Sam checked in on 1 of 28 days. Not enough days yet to set dose days beside "
    "rest days: at least 5 of each are needed (0 and 1 this cycle).\n\n"
    "These are associations, not causes: what you expect of a day also shapes "
    "how it feels."
)
REVIEW_PROMPTS = {
    (
        "What did this cycle change for you, and what do you want to keep for the "
        "next one?"
    ),
}


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _tagged(calls: list[ServiceCall], purpose: str) -> list[dict[str, Any]]:
    """Return the messages of one purpose (by tag) a phone was sent."""
    return [
        dict(call.data)
        for call in calls
        if call.data.get("data", {}).get("tag", "").endswith(f"_{purpose}")
        and call.data["message"] != "clear_notification"
    ]


def _prompts(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [m for m in _tagged(calls, "prompt") if m["data"].get("actions")]


def _no_private_text(hass: HomeAssistant, *found: Any) -> None:
    """Walk every state and what else is given for the secrets."""
    shown = [repr((s.state, dict(s.attributes))) for s in hass.states.async_all()]
    for text in PRIVATE:
        assert not any(text in seen for seen in shown)
        assert text not in repr(found)


async def _live_the_cycle(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """Live the first cycle's dosing weeks; stop just before the break's midnight."""
    for offset in sorted(DOSE_DAYS + REST_DAYS):
        await _at(hass, freezer, f"2026-01-{5 + offset:02d}T10:00:00+02:00")
        dose_day = offset in DOSE_DAYS
        if dose_day:
            await act(hass, entry, "log_dose", partner=1)
        scores = {"mood": 4, "connection": 5} if dose_day else {"mood": 3}
        scores.setdefault("connection", 4)
        if offset == 0:  # with a private note, through the couple's panel
            reply = await ws(
                ALEX_USER_ID,
                "check_in",
                config_entry_id=entry.entry_id,
                stress=2,
                note=NOTE,
                **scores,
            )
            assert reply["success"], reply
            await act(
                hass, entry, "check_in", partner=2, mood=3, connection=3, stress=3
            )
        else:
            await act(hass, entry, "check_in", partner=1, stress=2, **scores)
    # An evening step first, so the day's own messages go out before quiet hours.
    await _at(hass, freezer, "2026-02-01T21:00:00+02:00")
    await _at(hass, freezer, "2026-02-01T23:59:59+02:00")


@pytest.fixture
async def reviews(hass: HomeAssistant) -> list[Event[Any]]:
    """The cycle-review events on the bus."""
    return async_capture_events(hass, f"{DOMAIN}_cycle_review")


async def test_the_break_sends_the_figures_when_quiet_hours_end(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
    reviews: list[Event[Any]],
) -> None:
    """At midnight the review is held; at 07:30 both phones get it, numbers only."""
    await _live_the_cycle(hass, setup_entry, freezer, ws)
    assert reviews == []
    await _at(hass, freezer, "2026-02-02T00:00:00+02:00")
    assert state_of(hass, "sensor.alex_sam_phase") == "tolerance_break"
    (event,) = reviews
    assert event.data["config_entry_id"] == setup_entry.entry_id
    assert event.data["cycle"] == 1
    assert (event.data["start"], event.data["end"]) == ("2026-01-05", "2026-02-01")
    assert event.data["partners"]["1"]["checked_in_days"] == 10
    assert event.data["partners"]["1"]["dose_day_means"] == {
        "mood": 4.0,
        "connection": 5.0,
    }
    assert event.data["partners"]["2"]["enough"] is False
    protocol_events = hass.states.get("event.alex_sam_protocol")
    assert protocol_events is not None
    assert protocol_events.attributes["event_type"] == "cycle_review"
    for phone in PHONES.values():  # quiet hours: held, not sent
        assert _tagged(phones[phone], "cycle_review") == []

    await _at(hass, freezer, "2026-02-02T07:29:59+02:00")
    assert _tagged(phones[PHONE_1], "cycle_review") == []
    await _at(hass, freezer, "2026-02-02T07:30:00+02:00")
    for slot, phone in PHONES.items():
        (figures,) = _tagged(phones[phone], "cycle_review")
        assert figures["title"] == "Cycle 1 in numbers"
        assert figures["message"] == FIGURES
        assert figures["data"]["visibility"] == "private"
        assert figures["data"]["url"] == (
            f"/microdose-together/insights?couple={setup_entry.entry_id}"
        )
        assert figures["data"]["tag"] == (
            f"{DOMAIN}_{setup_entry.entry_id}_{slot}_cycle_review"
        )
        (prompt,) = _prompts(phones[phone])
        assert prompt["title"] == "Looking back on the cycle"
        assert prompt["message"] in REVIEW_PROMPTS
    _no_private_text(hass, [e.data for e in reviews], phones)


async def test_the_review_prompt_stays_hidden_until_both_answered(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """The review's answers take the evening prompt's way: private, then both."""
    sent = async_capture_events(hass, f"{DOMAIN}_prompt_sent")
    revealed = async_capture_events(hass, f"{DOMAIN}_prompt_revealed")
    await _live_the_cycle(hass, setup_entry, freezer, ws)
    await _at(hass, freezer, "2026-02-02T00:00:00+02:00")
    await _at(hass, freezer, "2026-02-02T07:30:00+02:00")
    assert sent[-1].data["theme"] == "cycle_review"
    prompt_state = hass.states.get("sensor.alex_sam_prompt_of_the_day")
    assert prompt_state is not None
    assert prompt_state.state in REVIEW_PROMPTS
    assert prompt_state.attributes["theme"] == "cycle_review"

    (alex_reply,) = _prompts(phones[PHONE_1])[-1]["data"]["actions"]
    await tap(hass, alex_reply["action"], ALEX_ANSWER, user_id=ALEX_USER_ID)
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "off"
    assert revealed == []
    assert ALEX_ANSWER not in repr(phones[PHONE_2])
    as_sam = await act_as(
        hass,
        SAM_USER_ID,
        setup_entry,
        "get_history",
        start="2026-02-02",
        end="2026-02-02",
    )
    assert as_sam["prompts"][-1]["answered"] == [1]
    assert as_sam["prompts"][-1]["answers"] == {}
    assert ALEX_ANSWER not in repr(as_sam)
    _no_private_text(hass, phones[PHONE_2])

    # In the evening the ritual sends the day's prompt again: still the review.
    await _at(hass, freezer, "2026-02-02T20:30:00+02:00")
    before = len(_prompts(phones[PHONE_2]))
    await act(hass, setup_entry, "start_ritual")
    assert len(_prompts(phones[PHONE_2])) == before + 1
    assert _prompts(phones[PHONE_2])[-1]["message"] == prompt_state.state
    assert len(_prompts(phones[PHONE_1])) == 1  # Alex has answered already
    await act(hass, setup_entry, "end_ritual")

    (sam_reply,) = _prompts(phones[PHONE_2])[-1]["data"]["actions"]
    await tap(hass, sam_reply["action"], SAM_ANSWER, user_id=SAM_USER_ID)
    assert state_of(hass, "binary_sensor.alex_sam_both_answered") == "on"
    assert len(revealed) == 1
    for other, phone in (("Sam", PHONE_1), ("Alex", PHONE_2)):
        reveal = phones[phone][-1].data
        assert reveal["title"] == f"{other} answered too"
        assert ALEX_ANSWER not in repr(reveal)
        assert SAM_ANSWER not in repr(reveal)
    for reader in (ALEX_USER_ID, SAM_USER_ID):
        history = await act_as(
            hass,
            reader,
            setup_entry,
            "get_history",
            start="2026-02-02",
            end="2026-02-02",
        )
        assert history["prompts"][-1]["answers"] == {"1": ALEX_ANSWER, "2": SAM_ANSWER}
    automation = await act(
        hass, setup_entry, "get_history", start="2026-02-02", end="2026-02-02"
    )
    assert "answers" not in automation["prompts"][-1]
    _no_private_text(hass, [e.data for e in sent + revealed])


async def test_the_review_is_sent_once_across_restarts(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
    reviews: list[Event[Any]],
    issue_registry: ir.IssueRegistry,
) -> None:
    """Held through a restart it still goes out, once; a later restart adds none."""
    await _live_the_cycle(hass, setup_entry, freezer, ws)
    await _at(hass, freezer, "2026-02-02T00:00:00+02:00")
    assert len(reviews) == 1

    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert not issue_registry.async_get_issue(
        DOMAIN, f"store_reset_{setup_entry.entry_id}"
    )
    await _at(hass, freezer, "2026-02-02T07:30:00+02:00")
    for phone in PHONES.values():
        assert len(_tagged(phones[phone], "cycle_review")) == 1
        assert len(_prompts(phones[phone])) == 1

    await _at(hass, freezer, "2026-02-02T12:00:00+02:00")
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert len(reviews) == 1
    for phone in PHONES.values():
        assert len(_tagged(phones[phone], "cycle_review")) == 1
        assert len(_prompts(phones[phone])) == 1


async def test_a_restart_on_the_breaks_first_day_sends_a_missed_review(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
    reviews: list[Event[Any]],
) -> None:
    """Off at midnight, Home Assistant sends the review when it starts that day."""
    await _live_the_cycle(hass, setup_entry, freezer, ws)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    await _at(hass, freezer, "2026-02-02T09:00:00+02:00")
    await async_set_up(hass, setup_entry)
    (event,) = reviews
    assert event.data["cycle"] == 1
    for phone in PHONES.values():  # outside quiet hours: straight away
        (figures,) = _tagged(phones[phone], "cycle_review")
        assert figures["message"] == FIGURES
        assert len(_prompts(phones[phone])) == 1

    await _at(hass, freezer, "2026-02-03T09:00:00+02:00")
    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert len(reviews) == 1  # the break's second day reviews nothing


async def test_a_cycle_nobody_checked_in_sends_no_review(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    reviews: list[Event[Any]],
) -> None:
    """Set up first on the break's first day, say: no figures of nothing are sent."""
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    await _at(hass, freezer, "2026-02-02T09:00:00+02:00")
    await async_set_up(hass, setup_entry)
    await _at(hass, freezer, "2026-02-03T00:00:01+02:00")
    assert state_of(hass, "sensor.alex_sam_phase") == "tolerance_break"
    assert reviews == []
    for phone in PHONES.values():
        assert _tagged(phones[phone], "cycle_review") == []


async def test_the_review_follows_the_language(
    hass: HomeAssistant,
    make_entry: Callable[..., MockConfigEntry],
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> None:
    """A Finnish home reads the review in Finnish, with a decimal comma."""
    hass.config.language = "fi"
    await hass.config.async_set_time_zone("Europe/Helsinki")
    await _at(hass, freezer, "2026-01-05T10:00:00+02:00")
    entry = make_entry()
    await async_set_up(hass, entry)
    await _live_the_cycle(hass, entry, freezer, ws)
    await _at(hass, freezer, "2026-02-02T00:00:00+02:00")
    await _at(hass, freezer, "2026-02-02T07:30:00+02:00")
    (figures,) = _tagged(phones[PHONE_1], "cycle_review")
    assert figures["title"] == "Jakso 1 lukuina"
    assert "Alex kertoi kuulumisensa 10 päivänä 28 päivästä." in figures["message"]
    assert "mieliala oli keskimäärin 4,0 ja yhteyden tunne 5,0" in figures["message"]
    (prompt,) = _prompts(phones[PHONE_1])
    assert prompt["title"] == "Katse kuluneeseen jaksoon"
    assert prompt["message"].startswith("Mitä tämä jakso muutti sinussa")
