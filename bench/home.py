"""A fresh Home Assistant per measurement, with one couple, phones and a demo room.

Each partner is a Home Assistant user with a companion-app phone, as in a real
home: a couple whose partners are not users reaches no phone and keeps nothing
private, so it would measure less than the integration does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
import gc
import inspect
from pathlib import Path
import secrets
import time
from typing import Any, Final
from unittest.mock import AsyncMock, patch

from homeassistant import loader
from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.auth.models import User
from homeassistant.components.http import HomeAssistantHTTP
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr, entity_registry as er, frame
from homeassistant.setup import async_setup_component
from homeassistant.util import slugify
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
    async_test_home_assistant,
)

from custom_components.microdose_together.const import DOMAIN

TIME_ZONE: Final = "Europe/Helsinki"
ENTRY_ID: Final = "bench_couple"
NAMES: Final = ("Alex", "Sam")
PHONES: Final = ("notify.mobile_app_alex_phone", "notify.mobile_app_sam_phone")
PRACTICE: Final[dict[str, Any]] = {
    "preset": "fadiman",
    "weeks_on": 4,
    "weeks_off": 2,
    "start_date": "2026-01-05",
    "form": "dried",
    "starting_amount": 0.1,
    "ceiling": 0.3,
}
# Equal ends mean no quiet hours: the phones are reached at any hour.
NO_QUIET_HOURS: Final = {"quiet_start": "12:00:00", "quiet_end": "12:00:00"}

LIGHTS: Final = (
    "light.bed_light",
    "light.ceiling_lights",
    "light.kitchen_lights",
    "light.office_rgbw_lights",
    "light.living_room_rgbww_lights",
    "light.entrance_color_white_lights",
)
PLAYER: Final = "media_player.living_room"
PLAYLIST: Final = "evening-playlist"
RITUAL: Final[dict[str, Any]] = {
    "ritual_lights": list(LIGHTS),
    "ritual_media_player": PLAYER,
    "ritual_media_content_id": PLAYLIST,
    "ritual_volume": 0.3,
    "ritual_shuffle": False,
}


class BenchError(RuntimeError):
    """A measured step did not do what it should have; its time means nothing."""


def ensure(ok: object, what: str) -> None:
    """Stop the bench when a step failed, so no figure rests on broken work."""
    if not ok:
        raise BenchError(what)


@dataclass(frozen=True, slots=True)
class Partner:
    """One partner: their Home Assistant user and their phone's notify action."""

    name: str
    user: User
    phone: str


@dataclass(frozen=True, slots=True)
class Couple:
    """Two partners and the config entry data that names them."""

    name: str
    partners: tuple[Partner, Partner]

    @property
    def data(self) -> dict[str, Any]:
        """Return the entry data of a linked couple (entry version 1.3)."""
        return {
            "couple_name": self.name,
            "partners": [
                {
                    "name": p.name,
                    "person": f"person.{slugify(p.name)}",
                    "user_id": p.user.id,
                }
                for p in self.partners
            ],
        }

    @property
    def phones(self) -> tuple[str, ...]:
        """Return both partners' notify actions."""
        return tuple(p.phone for p in self.partners)


@asynccontextmanager
async def fresh_home(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    """Yield a running Home Assistant that stores its files in `config_dir`.

    The couple's panel brings up the frontend, whose set-up would open the web
    server on a real port; the bench measures the integration, so the server is
    never started (a test client reaches the app when a figure needs it).
    """
    with patch.object(HomeAssistantHTTP, "start", AsyncMock()):
        async with _home(config_dir) as hass:
            yield hass


@asynccontextmanager
async def _home(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    async with async_test_home_assistant(config_dir=str(config_dir)) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # custom integrations may load
        frame.async_setup(hass)
        await hass.config.async_set_time_zone(TIME_ZONE)
        try:
            ensure(await async_setup_component(hass, "homeassistant", {}), "core")
            yield hass
        finally:
            await asyncio.gather(
                *(
                    hass.config_entries.async_unload(entry.entry_id)
                    for entry in hass.config_entries.async_entries()
                    if entry.state is ConfigEntryState.LOADED
                )
            )
            await hass.async_stop(force=True)


async def add_couple(hass: HomeAssistant, names: tuple[str, str] = NAMES) -> Couple:
    """Create both partners' users, persons and companion-app phones."""
    first, second = names
    partners = (await _add_partner(hass, first), await _add_partner(hass, second))
    return Couple(f"{first} & {second}", partners)


async def _add_partner(hass: HomeAssistant, name: str) -> Partner:
    """Create an ordinary user, their person and their phone's registration."""
    user = await hass.auth.async_create_user(name, group_ids=[GROUP_ID_USER])
    hass.states.async_set(
        f"person.{slugify(name)}", "home", {"user_id": user.id, "friendly_name": name}
    )
    device_name = f"{name} phone"
    app_id = secrets.token_hex(8)
    phone = MockConfigEntry(
        domain="mobile_app",
        title=device_name,
        data={
            "user_id": user.id,
            "device_id": app_id,
            "device_name": device_name,
            "app_data": {"push_token": "token", "push_url": "https://push.invalid"},
            "webhook_id": secrets.token_hex(),
        },
    )
    phone.add_to_hass(hass)
    dr.async_get(hass).async_get_or_create(
        config_entry_id=phone.entry_id,
        identifiers={("mobile_app", app_id)},
        name=device_name,
    )
    return Partner(name, user, f"notify.{slugify(f'mobile_app_{device_name}')}")


def couple_entry(
    hass: HomeAssistant,
    data: dict[str, Any],
    options: dict[str, Any] | None = None,
    entry_id: str = ENTRY_ID,
) -> MockConfigEntry:
    """Add a couple's config entry to Home Assistant (not set up yet)."""
    partners = data["partners"]
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=data["couple_name"],
        unique_id="+".join(sorted(f"user:{p['user_id']}" for p in partners)),
        entry_id=entry_id,
        data=data,
        options=PRACTICE | (options or {}),
        version=1,
        minor_version=3,
    )
    entry.add_to_hass(hass)
    return entry


async def async_set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Set up a config entry and wait until everything it started is done."""
    ensure(await hass.config_entries.async_setup(entry.entry_id), entry.domain)
    await hass.async_block_till_done()
    ensure(entry.state is ConfigEntryState.LOADED, f"{entry.domain} loaded")


def entity_ids(hass: HomeAssistant, entry: MockConfigEntry) -> set[str]:
    """Return the entities a config entry registered."""
    registry = er.async_get(hass)
    return {
        e.entity_id for e in er.async_entries_for_config_entry(registry, entry.entry_id)
    }


def add_phones(hass: HomeAssistant, couple: Couple) -> dict[str, list[ServiceCall]]:
    """Answer both partners' notify actions; return the messages each one gets."""
    return {
        phone: async_mock_service(hass, "notify", phone.removeprefix("notify."))
        for phone in couple.phones
    }


@asynccontextmanager
async def demo_room(hass: HomeAssistant) -> AsyncIterator[None]:
    """Set up Home Assistant's demo lights and media players (real entities).

    The demo is unloaded while it still knows only those two platforms, so
    it does not try to unload the ones it never set up.
    """
    entry = MockConfigEntry(domain="demo", title="Demo room")
    entry.add_to_hass(hass)
    with patch(
        "homeassistant.components.demo.COMPONENTS_WITH_CONFIG_ENTRY_DEMO_PLATFORM",
        [Platform.LIGHT, Platform.MEDIA_PLAYER],
    ):
        await async_set_up(hass, entry)
        try:
            yield
        finally:
            await hass.config_entries.async_unload(entry.entry_id)


def add_latency(
    hass: HomeAssistant, seconds: float, services: Iterable[tuple[str, str]]
) -> None:
    """Make each action answer only after `seconds`, as a real device would."""
    for domain, name in services:
        service = hass.services.async_services_for_domain(domain)[name]
        hass.services.async_register(
            domain,
            name,
            _slowed(service.job.target, seconds),
            schema=service.schema,
            supports_response=service.supports_response,
        )


def _slowed(handler: Callable[[ServiceCall], Any], seconds: float) -> Any:
    async def slowed(call: ServiceCall) -> Any:
        await asyncio.sleep(seconds)
        result = handler(call)
        return await result if inspect.isawaitable(result) else result

    return slowed


async def timed_ms(work: Callable[[], Any]) -> float:
    """Return how long awaiting `work()` took, in milliseconds, after a collection."""
    gc.collect()
    start = time.perf_counter()
    await work()
    return (time.perf_counter() - start) * 1000
