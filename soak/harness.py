"""One Home Assistant on a config dir, a couple set up in it, and the clock.

A restart is leaving `couple_home` (the couple is unloaded, so its pending
writes reach the disk, and Home Assistant stops) and entering it again on
the same directory, as `bench.home.fresh_home` starts a home: the couple's
history comes back from its file, the partners' users and phones are made
anew, as a restored configuration would bring them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from bench.home import (
    TIME_ZONE,
    add_couple,
    add_phones,
    async_set_up,
    couple_entry,
    fresh_home,
)
from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.coordinator import MicrodoseCoordinator


class Clock(Protocol):
    """The frozen clock: moved to a moment."""

    def move_to(self, target_datetime: datetime) -> None:
        """Jump to a moment."""


@dataclass(frozen=True, slots=True)
class Home:
    """A running Home Assistant with the couple set up."""

    hass: HomeAssistant
    entry: MockConfigEntry

    @property
    def coordinator(self) -> MicrodoseCoordinator:
        """Return the couple's live state."""
        coordinator: MicrodoseCoordinator = self.entry.runtime_data
        return coordinator

    async def act(self, action: str, *, response: bool = False, **data: Any) -> Any:
        """Call one of the couple's actions as an automation would (no user)."""
        return await self.hass.services.async_call(
            DOMAIN,
            action,
            {"config_entry_id": self.entry.entry_id, **data},
            blocking=True,
            return_response=response,
        )

    async def move(self, clock: Clock, to: datetime) -> None:
        """Move the clock; timers that fall due on the way run."""
        clock.move_to(to)
        async_fire_time_changed(self.hass)
        await self.hass.async_block_till_done()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """Return a local moment of a day in the home's time zone."""
    zone = dt_util.get_time_zone(TIME_ZONE)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


@asynccontextmanager
async def couple_home(config_dir: Path, options: dict[str, Any]) -> AsyncIterator[Home]:
    """Start Home Assistant on `config_dir` with the couple set up; stop on leaving."""
    async with fresh_home(config_dir) as hass:
        couple = await add_couple(hass)
        add_phones(hass, couple)
        entry = couple_entry(hass, couple.data, options)
        await async_set_up(hass, entry)
        yield Home(hass, entry)
