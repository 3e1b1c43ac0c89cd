"""Diagnostics: settings and counts, never the couple's records or private words.

Fetched the way a user downloads them, through Home Assistant's diagnostics
endpoint, and searched as text: a secret must not appear anywhere in it.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory

# The download's system info imports hassio, whose models cannot be compiled
# under a frozen clock; imported here, before any test freezes it.
import homeassistant.components.hassio  # noqa: F401
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    CLIENT_ID,
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.microdose_together.const import DOMAIN

from .conftest import (
    ALEX_USER_ID,
    PHONE_1,
    PHONE_2,
    PRACTICE_OPTIONS,
    SAM_USER_ID,
    add_phone,
)
from .helpers import act

NOTE = "planted note: the fight about the move"
ANSWERS = ("planted answer: I miss our walks", "planted answer: more silence")
INTENTION = "planted intention: listen more than we talk"
KEYWORD = "plantedkeyworddeadline"
CALENDAR = "calendar.planted_work_agenda"
PLAYLIST = "spotify:playlist:plantedPlaylist42"
LIGHT = "light.planted_bedroom_lamp"
PLAYER = "media_player.planted_kitchen_speaker"
DOSE_TIMES = ("2026-01-05T08:17:43+02:00", "2026-01-05T08:21:09+02:00")
CHECK_IN_TIME = "2026-01-04T21:33:51+02:00"
RITUAL_STARTED = "2026-01-04T20:31:07+02:00"

SECRET_OPTIONS: dict[str, Any] = {
    "keywords": ["exam", KEYWORD],
    "calm_calendars": [CALENDAR],
    "ritual_lights": [LIGHT],
    "ritual_media_player": PLAYER,
    "ritual_media_content_id": PLAYLIST,
}

PLANTED: dict[str, Any] = {
    "protocol_state": {"pauses": [], "skipped": [], "extra": []},
    "doses": [
        {
            "id": "01JDOSEPLANTEDONE000000000",
            "partner": 1,
            "day": "2026-01-05",
            "taken_at": DOSE_TIMES[0],
            "amount_g": 0.1,
            "form": "dried",
            "flags": [],
        },
        {
            "id": "01JDOSEPLANTEDTWO000000000",
            "partner": 2,
            "day": "2026-01-05",
            "taken_at": DOSE_TIMES[1],
            "amount_g": 0.1,
            "form": "dried",
            "flags": [],
        },
    ],
    "checkins": {
        "records": [
            {
                "id": "01JCHECKINPLANTED000000000",
                "partner": 1,
                "day": "2026-01-04",
                "at": CHECK_IN_TIME,
                "mood": 2,
                "connection": 5,
                "stress": 4,
                "note": NOTE,
            }
        ]
    },
    "prompts": [
        {
            "day": "2026-01-04",
            "prompt_id": "communication_01",
            "theme": "communication",
            "answers": {"1": ANSWERS[0], "2": ANSWERS[1]},
            "revealed": True,
        }
    ],
    "intention": INTENTION,
}


async def _set_up_with_history(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    make_entry: Callable[..., MockConfigEntry],
    stored: dict[str, Any],
) -> MockConfigEntry:
    """Set up a couple whose store already holds a history."""
    entry = make_entry(options=SECRET_OPTIONS)
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = {"version": 2, "minor_version": 1, "key": key, "data": stored}
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
async def lived_in(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up a couple with doses, a note, revealed answers and an intention."""
    return await _set_up_with_history(hass, hass_storage, make_entry, PLANTED)


async def _download(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    admin: MockUser,
    entry: MockConfigEntry,
) -> dict[str, Any]:
    """Download the diagnostics as an admin, with a token issued at the test's now."""
    refresh_token = await hass.auth.async_create_refresh_token(admin, CLIENT_ID)
    token = hass.auth.async_create_access_token(refresh_token)
    diagnostics = await get_diagnostics_for_config_entry(
        hass, lambda: hass_client(token), entry
    )
    assert isinstance(diagnostics, dict)
    return diagnostics


def _request_ids(entry: MockConfigEntry) -> list[str]:
    """Return the ids of the phone dialogs now open, as the store keeps them."""
    requests: dict[str, dict[str, Any]] = entry.runtime_data.stored["requests"]
    return [request["id"] for request in requests.values()]


def _phone_words(calls: list[ServiceCall]) -> list[str]:
    """Return what was sent to a phone: its texts and its action ids."""
    words: list[str] = []
    for call in calls:
        words.append(call.data["message"])
        words.extend(action["action"] for action in call.data["data"]["actions"])
    return words


async def test_diagnostics_give_settings_and_counts_never_private_words(
    hass: HomeAssistant,
    lived_in: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """Records, texts, ids and chosen entities stay out; their counts are right."""
    entry = lived_in
    await act(hass, entry, "request_check_in", partner=1)
    await act(hass, entry, "send_prompt", theme="gratitude")
    # Past the check-in time, in quiet hours: the evening's check-in requests
    # wait in the store for the morning, and a new one replaces Sam's.
    dose_day_clock.move_to(dt_util.parse_datetime("2026-01-05T23:00:00+02:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await act(hass, entry, "request_check_in", partner=2)
    secrets = [
        NOTE,
        *ANSWERS,
        INTENTION,
        KEYWORD,
        CALENDAR,
        PLAYLIST,
        LIGHT,
        PLAYER,
        *DOSE_TIMES,
        CHECK_IN_TIME,
        "01JDOSEPLANTED",
        "01JCHECKINPLANTED",
        "Alex",
        "Sam",
        ALEX_USER_ID,
        SAM_USER_ID,
        PHONE_1.removeprefix("notify."),
        PHONE_2.removeprefix("notify."),
        *_request_ids(entry),
        *_phone_words(phones[PHONE_1]),
        *_phone_words(phones[PHONE_2]),
    ]
    assert len(_request_ids(entry)) == 4  # both check-ins and both prompts

    diagnostics = await _download(hass, hass_client, hass_admin_user, entry)

    text = json.dumps(diagnostics).lower()
    for secret in [*secrets, *_request_ids(entry)]:
        assert secret.lower() not in text, secret
    assert diagnostics["counts"] == {
        "doses": {"total": 2, "1": 1, "2": 1},
        "doses_off_protocol": 0,
        "check_ins": {"total": 1, "1": 1, "2": 0},
        "prompts": 2,
        "prompts_revealed": 1,
        "open_requests": {"checkin": 2, "prompt": 2},
        "held_messages": 2,
        "intention_set": True,
        "pauses": 0,
        "skipped_days": 0,
        "moved_days": 0,
    }
    assert diagnostics["settings"]["calm_day"] == {
        "calendars": 1,
        "busy_minutes": 240,
        "max_events": 5,
        "stressed_at": 4,
        "keywords": 2,
        "default_keywords": False,
    }
    ritual = diagnostics["settings"]["ritual"]
    assert (ritual["lights"], ritual["media_player"], ritual["media_content"]) == (
        1,
        True,
        True,
    )


async def test_diagnostics_name_versions_settings_and_today(
    hass: HomeAssistant,
    lived_in: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """What a maintainer needs first: versions, the protocol and where it stands."""
    diagnostics = await _download(hass, hass_client, hass_admin_user, lived_in)

    assert diagnostics["versions"] == {
        "integration": "0.1.0",
        "config_entry": f"{lived_in.version}.{lived_in.minor_version}",
        "store": 3,
    }
    assert diagnostics["settings"]["partners"] == [
        {"slot": 1, "user_linked": True, "phones": 1},
        {"slot": 2, "user_linked": True, "phones": 1},
    ]
    assert diagnostics["settings"]["protocol"] == {
        "preset": "fadiman",
        "days_on": 1,
        "days_off": 2,
        "weekdays": [],
        "weeks_on": 4,
        "weeks_off": 2,
        "form": "dried",
        "starting_amount_g": 0.1,
        "ceilings_g": {"dried": 0.3, "fresh_truffle": 1.0},
        "reminder_time": "08:00:00",
    }
    assert diagnostics["settings"]["conversation"]["quiet_hours"] == {
        "start": "22:30:00",
        "end": "07:30:00",
    }
    today = diagnostics["today"]
    assert today["phase"] == "dose_day"
    assert today["cycle"] == {"cycle": 1, "day": 1, "week": 1, "in_break": False}
    assert today["ritual_active"] is False
    assert "doses" in diagnostics["store_sections"]


async def test_diagnostics_count_repairs_by_kind_without_naming_entities(
    hass: HomeAssistant,
    lived_in: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """A missing calendar or lamp is counted as a repair; its id stays out."""
    ours = {
        issue_id
        for domain, issue_id in ir.async_get(hass).issues
        if domain == DOMAIN and lived_in.entry_id in issue_id
    }
    assert ours  # the planted calendar, lamp and speaker do not exist

    diagnostics = await _download(hass, hass_client, hass_admin_user, lived_in)

    assert sum(diagnostics["issues"].values()) == len(ours)
    assert set(diagnostics["issues"]) <= {
        "calendar_unavailable",
        "ritual_entity_missing",
        "store_reset",
    }


async def test_diagnostics_say_a_ritual_runs_but_not_since_when(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """A ritual left running shows as active; its start and saved room do not."""
    running = {
        "started_at": RITUAL_STARTED,
        "auto_end_at": None,
        "snapshot": {LIGHT: {"state": "on", "brightness": 201}},
    }
    entry = await _set_up_with_history(
        hass, hass_storage, make_entry, PLANTED | {"ritual": running}
    )

    diagnostics = await _download(hass, hass_client, hass_admin_user, entry)

    assert diagnostics["today"]["ritual_active"] is True
    text = json.dumps(diagnostics)
    for secret in (RITUAL_STARTED, LIGHT):
        assert secret not in text


async def test_diagnostics_say_who_is_linked_and_how_many_phones_never_which(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """A couple not yet linked shows it, with the repair counted; no ids or names."""
    add_phone(hass, SAM_USER_ID, "Sam tablet")
    linked = MockConfigEntry(
        domain=DOMAIN,
        unique_id="linked",
        data={
            "couple_name": "Alex & Sam",
            "partners": [
                {"name": "Alex", "person": "person.alex", "user_id": ALEX_USER_ID},
                {"name": "Sam", "person": "person.sam", "user_id": SAM_USER_ID},
            ],
        },
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=3,
    )
    unlinked = MockConfigEntry(
        domain=DOMAIN,
        unique_id="unlinked",
        data={
            "couple_name": "Robin & Kai",
            "partners": [
                {"name": "Robin", "person": "person.alex", "notify": PHONE_1},
                {"name": "Kai", "person": None, "notify": PHONE_2},
            ],
        },
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=3,
    )
    for entry in (linked, unlinked):
        entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(linked.entry_id)
    await hass.async_block_till_done()

    both = await _download(hass, hass_client, hass_admin_user, linked)
    old = await _download(hass, hass_client, hass_admin_user, unlinked)

    assert both["settings"]["partners"] == [
        {"slot": 1, "user_linked": True, "phones": 1},
        {"slot": 2, "user_linked": True, "phones": 2},
    ]
    assert "partners_not_linked" not in both["issues"]
    assert old["settings"]["partners"] == [
        {"slot": 1, "user_linked": False, "phones": 0},
        {"slot": 2, "user_linked": False, "phones": 0},
    ]
    assert old["issues"]["partners_not_linked"] == 1
    text = json.dumps([both, old]).lower()
    for secret in (
        ALEX_USER_ID,
        SAM_USER_ID,
        "person.",
        "alex",
        "sam",
        "robin",
        "mobile_app",
        "tablet",
    ):
        assert secret not in text, secret
