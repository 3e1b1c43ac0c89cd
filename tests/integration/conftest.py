"""Fixtures for tests that run a real Home Assistant core."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
import secrets
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.auth.models import User
from homeassistant.components import http
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import storage
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.microdose_together.const import DOMAIN

from .demo_home import RITUAL_OPTIONS, async_set_up_demo
from .helpers import async_set_up, ws_call

PHONE_1 = "notify.mobile_app_alex_phone"
PHONE_2 = "notify.mobile_app_sam_phone"
# Each partner is a Home Assistant user; their phones are that user's
# companion-app registrations (device "Alex phone" -> notify.mobile_app_alex_phone).
ALEX_USER_ID = "alex0000000000000000000000000001"
SAM_USER_ID = "sam00000000000000000000000000002"
PHONE_NAMES = {ALEX_USER_ID: "Alex phone", SAM_USER_ID: "Sam phone"}

COUPLE_DATA: dict[str, Any] = {
    "couple_name": "Alex & Sam",
    "partners": [
        {"name": "Alex", "person": "person.alex", "user_id": ALEX_USER_ID},
        {"name": "Sam", "person": "person.sam", "user_id": SAM_USER_ID},
    ],
}
PRACTICE_OPTIONS: dict[str, Any] = {
    "preset": "fadiman",
    "weeks_on": 4,
    "weeks_off": 2,
    "start_date": "2026-01-05",
    "form": "dried",
    "starting_amount": 0.1,
    "ceiling": 0.3,
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Load this repository's integration in every test here."""


@pytest.fixture(autouse=True)
def no_http_server() -> Iterator[None]:
    """Keep Home Assistant from opening its web server once the panel loads it.

    The integration depends on the frontend (its panel), and the frontend's
    setup starts the server on a real port. Tests reach Home Assistant through
    the test client instead, so the real server never starts.
    """
    with patch.object(http.HomeAssistantHTTP, "start", AsyncMock()):
        yield


def add_phone(hass: HomeAssistant, user_id: str, device_name: str) -> MockConfigEntry:
    """Register a companion-app phone for a user, as the app does at sign-in."""
    entry = MockConfigEntry(
        domain="mobile_app",
        title=device_name,
        data={
            "user_id": user_id,
            "device_name": device_name,
            "app_data": {"push_token": "token", "push_url": "https://push.invalid"},
            # Each registration has its own webhook, made at sign-in.
            "webhook_id": secrets.token_hex(),
        },
    )
    entry.add_to_hass(hass)
    return entry


@pytest.fixture
async def partner_users(hass: HomeAssistant) -> dict[str, MockUser]:
    """Create Alex's and Sam's users (ordinary, not admin) and their persons."""
    users = {}
    ordinary = await hass.auth.async_get_group(GROUP_ID_USER)
    assert ordinary is not None
    for user_id, name in ((ALEX_USER_ID, "Alex"), (SAM_USER_ID, "Sam")):
        user = MockUser(id=user_id, name=name, groups=[ordinary]).add_to_hass(hass)
        assert not user.is_admin
        users[user_id] = user
        hass.states.async_set(
            f"person.{name.lower()}",
            "home",
            {"user_id": user_id, "friendly_name": name},
        )
    return users


@pytest.fixture
async def third_user(hass: HomeAssistant) -> User:
    """Create Robin: another ordinary user of the same home, not one of the couple."""
    robin = await hass.auth.async_create_user("Robin", group_ids=[GROUP_ID_USER])
    assert not robin.is_admin
    return robin


@pytest.fixture
async def outsiders(
    hass: HomeAssistant,
    partner_users: dict[str, MockUser],
    hass_admin_user: MockUser,
    third_user: User,
) -> dict[str, str]:
    """Return a third user's id and the household admin's (not a partner)."""
    return {"third user": third_user.id, "non-partner admin": hass_admin_user.id}


@pytest.fixture
def ws(hass: HomeAssistant, hass_ws_client: WebSocketGenerator) -> Callable[..., Any]:
    """Return a caller of the couple's commands as a given user."""

    async def _call(user_id: str, command: str, **data: Any) -> dict[str, Any]:
        return await ws_call(hass, hass_ws_client, user_id, command, **data)

    return _call


@pytest.fixture
async def phones(
    hass: HomeAssistant, partner_users: dict[str, MockUser]
) -> dict[str, list[ServiceCall]]:
    """Register both partners' phones (and one non-phone target); return their calls."""
    for user_id, device_name in PHONE_NAMES.items():
        add_phone(hass, user_id, device_name)
    calls = {
        PHONE_1: async_mock_service(hass, "notify", PHONE_1.removeprefix("notify.")),
        PHONE_2: async_mock_service(hass, "notify", PHONE_2.removeprefix("notify.")),
    }
    async_mock_service(hass, "notify", "family_group")
    return calls


@pytest.fixture
def make_entry(hass: HomeAssistant) -> Callable[..., MockConfigEntry]:
    """Return a factory for a couple's config entry, added to hass."""

    def _make(
        data: dict[str, Any] | None = None, options: dict[str, Any] | None = None
    ) -> MockConfigEntry:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="Alex & Sam",
            unique_id=f"{PHONE_1}+{PHONE_2}",
            data=data or COUPLE_DATA,
            options=PRACTICE_OPTIONS | (options or {}),
            version=1,
            minor_version=3,
        )
        entry.add_to_hass(hass)
        return entry

    return _make


@pytest.fixture
async def dose_day_clock(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> FrozenDateTimeFactory:
    """Stop the clock on Monday 2026-01-05, 10:00 in Helsinki: the first dose day."""
    await hass.config.async_set_time_zone("Europe/Helsinki")
    freezer.move_to(dt_util.parse_datetime("2026-01-05T10:00:00+02:00"))
    return freezer


@pytest.fixture
async def setup_entry(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up one couple on the first dose day of their protocol."""
    entry = make_entry()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


# Captured before any test replaces them with in-memory stand-ins.
_REAL_STORE = {
    name: getattr(storage.Store, name)
    for name in ("_async_load", "_async_write_data", "async_remove")
}


@pytest.fixture
def real_storage(hass: HomeAssistant, tmp_path: Path) -> Iterator[None]:
    """Use real files in a temporary config folder: for tests about files."""
    hass.config.config_dir = str(tmp_path)
    with ExitStack() as stack:
        for name, original in _REAL_STORE.items():
            stack.enter_context(patch.object(storage.Store, name, original))
        yield


# Eighteen days of the Fadiman schedule (a dose every third day) from Monday
# 2026-01-05, through the panel's commands: Alex doses on each dose day and
# checks in every day, mood 4 and 5 in turn on dose days, 3 on the days after,
# 2 and 3 in turn on rest days (6 and 6 days: a difference of 2.0 within
# [1.3, 2.7]), with a private note on the first day; Sam checks in on the first
# three days only and never doses.
EIGHTEEN_DAYS = 18
EIGHTEEN_DAYS_NOTE = "alex-eighteen-days-note-9e41"
_DOSE_DAY_MOODS = (4, 5, 4, 5, 4, 5)
_REST_DAY_MOODS = (2, 3, 2, 3, 2, 3)


@pytest.fixture
async def eighteen_days(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    dose_day_clock: FrozenDateTimeFactory,
    ws: Callable[..., Any],
) -> MockConfigEntry:
    """Live Alex's and Sam's first eighteen days; return the couple."""
    entry_id = setup_entry.entry_id
    dose, rest = iter(_DOSE_DAY_MOODS), iter(_REST_DAY_MOODS)
    for day in range(EIGHTEEN_DAYS):
        if day:
            dose_day_clock.tick(timedelta(days=1))
            async_fire_time_changed(hass)
            await hass.async_block_till_done()
        kind = day % 3  # 0: dose day, 1: the day after, 2: a rest day
        if kind == 0:
            reply = await ws(ALEX_USER_ID, "log_dose", config_entry_id=entry_id)
            assert reply["success"], reply
        mood = next(dose) if kind == 0 else 3 if kind == 1 else next(rest)
        note = {"note": EIGHTEEN_DAYS_NOTE} if day == 0 else {}
        reply = await ws(
            ALEX_USER_ID,
            "check_in",
            config_entry_id=entry_id,
            mood=mood,
            connection=4,
            stress=2,
            **note,
        )
        assert reply["success"], reply
        if day in (0, 1, 2):
            reply = await ws(
                SAM_USER_ID,
                "check_in",
                config_entry_id=entry_id,
                mood=3,
                connection=5 - day,
                stress=3,
            )
            assert reply["success"], reply
    return setup_entry


@pytest.fixture
def ritual_home(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> Callable[..., Awaitable[MockConfigEntry]]:
    """Set up the demo home and a couple whose rituals use it, options added."""

    async def _set_up(**options: Any) -> MockConfigEntry:
        await async_set_up_demo(hass)
        entry = make_entry(options=RITUAL_OPTIONS | options)
        await async_set_up(hass, entry)
        return entry

    return _set_up


@pytest.fixture
async def ritual_entry(
    ritual_home: Callable[..., Awaitable[MockConfigEntry]],
) -> MockConfigEntry:
    """A couple whose rituals use every demo light and the living-room player."""
    return await ritual_home()
