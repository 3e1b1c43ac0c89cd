"""A fresh Home Assistant per measurement, with one couple, phones and a demo room."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
import gc
import inspect
from pathlib import Path
import time
from typing import Any, Final
from unittest.mock import patch

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er, frame
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
    async_test_home_assistant,
)

from custom_components.microdose_together.const import DOMAIN

TIME_ZONE: Final = "Europe/Helsinki"
ENTRY_ID: Final = "bench_couple"
PHONES: Final = ("notify.mobile_app_alex_phone", "notify.mobile_app_sam_phone")
COUPLE: Final[dict[str, Any]] = {
    "couple_name": "Alex & Sam",
    "partners": [
        {"name": "Alex", "person": None, "notify": PHONES[0]},
        {"name": "Sam", "person": None, "notify": PHONES[1]},
    ],
}
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


@asynccontextmanager
async def fresh_home(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    """Yield a running Home Assistant that stores its files in `config_dir`."""
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


def couple_entry(
    hass: HomeAssistant, options: dict[str, Any] | None = None
) -> MockConfigEntry:
    """Add the couple's config entry to Home Assistant (not set up yet)."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex & Sam",
        unique_id="+".join(PHONES),
        entry_id=ENTRY_ID,
        data=COUPLE,
        options=PRACTICE | (options or {}),
        version=1,
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


def add_phones(hass: HomeAssistant) -> dict[str, list[ServiceCall]]:
    """Register both partners' phones; return the messages each one gets."""
    return {
        phone: async_mock_service(hass, "notify", phone.removeprefix("notify."))
        for phone in PHONES
    }


async def async_set_up_demo_room(hass: HomeAssistant) -> None:
    """Set up Home Assistant's demo lights and media players (real entities)."""
    entry = MockConfigEntry(domain="demo")
    entry.add_to_hass(hass)
    with patch(
        "homeassistant.components.demo.COMPONENTS_WITH_CONFIG_ENTRY_DEMO_PLATFORM",
        [Platform.LIGHT, Platform.MEDIA_PLAYER],
    ):
        await async_set_up(hass, entry)


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
