"""Several years of a couple's history on disk, built from the one year lived.

Living five years through the actions would take the bench many minutes, so
the lived year is repeated instead: each copy 52 weeks later (weekdays and the
protocol's rhythm stay as lived) with fresh ids. The history is written
through the couple's own store, in the layout it keeps, and read back the way
a restart reads it.
"""

from __future__ import annotations

import asyncio
from copy import deepcopy
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any, Final

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.microdose_together.coordinator import MicrodoseCoordinator
from custom_components.microdose_together.store import CoupleStore

from .home import couple_entry, ensure, fresh_home, timed_ms
from .results import Runs

YEARS: Final = 5
YEAR_SHIFT: Final = timedelta(weeks=52)
# What the store kept before records were written compactly (for comparison).
PLAIN_LAYOUT_VERSION: Final = 2


def repeat_year(history: dict[str, Any], years: int) -> dict[str, Any]:
    """Return `years` copies of one year's history, each 52 weeks later."""
    repeated = deepcopy(history)
    doses, checkins, prompts = [], [], []
    for n in range(years):
        shift = YEAR_SHIFT * n
        doses += [
            _shifted(r, shift, n, ("day",), ("taken_at",)) for r in history["doses"]
        ]
        checkins += [
            _shifted(r, shift, n, ("day",), ("at",))
            for r in history["checkins"]["records"]
        ]
        prompts += [_shifted(p, shift, n, ("day",), ()) for p in history["prompts"]]
    repeated["doses"] = doses
    repeated["checkins"] = {"records": checkins}
    repeated["prompts"] = prompts
    return repeated


def _shifted(
    record: dict[str, Any],
    shift: timedelta,
    copy: int,
    days: tuple[str, ...],
    moments: tuple[str, ...],
) -> dict[str, Any]:
    moved = dict(record)
    if copy and "id" in moved:
        moved["id"] = f"{moved['id']}-{copy}"
    for key in days:
        moved[key] = (date.fromisoformat(moved[key]) + shift).isoformat()
    for key in moments:
        moved[key] = (datetime.fromisoformat(moved[key]) + shift).isoformat()
    return moved


async def history_figures(
    home: Path, couple: dict[str, Any], history: dict[str, Any], runs: Runs
) -> dict[str, Any]:
    """Write a history through the couple's store, then time reading it back."""
    async with fresh_home(home) as hass:
        entry = couple_entry(hass, couple)
        store = CoupleStore(hass, entry.entry_id, lambda: history)
        store.schedule_save()
        await store.async_flush()
        plain = Store[dict[str, Any]](hass, PLAIN_LAYOUT_VERSION, "plain_layout")
        await plain.async_save(history)
        path, plain_path = Path(store.path), Path(plain.path)
    size = len(await asyncio.to_thread(path.read_bytes))
    plain_size = len(await asyncio.to_thread(plain_path.read_bytes))
    async with fresh_home(home) as hass:
        timings = await read_back_timings(
            hass, couple_entry(hass, couple), runs, len(history["doses"])
        )
    return {
        "bytes": size,
        "kb": round(size / 1024, 1),
        "plain_layout_kb": round(plain_size / 1024, 1),
        "records": {
            "doses": len(history["doses"]),
            "check_ins": len(history["checkins"]["records"]),
            "prompts": len(history["prompts"]),
        },
    } | timings


async def read_back_timings(
    hass: HomeAssistant, entry: MockConfigEntry, runs: Runs, doses: int
) -> dict[str, Any]:
    """Return the medians of the store's load and the domain's build of it."""
    store_ms: list[float] = []
    domain_ms: list[float] = []
    for run in range(runs.total):
        load_ms, build_ms, coordinator = await read_back(hass, entry)
        ensure(len(coordinator.doses.records) == doses, "doses read")
        if runs.kept(run):
            store_ms.append(load_ms)
            domain_ms.append(build_ms)
    return {
        "store_load_ms": round(median(store_ms), 2),
        "domain_load_ms": round(median(domain_ms), 2),
        "load_ms": round(
            median(a + b for a, b in zip(store_ms, domain_ms, strict=True)), 2
        ),
    }


async def read_back(
    hass: HomeAssistant, entry: MockConfigEntry
) -> tuple[float, float, MicrodoseCoordinator]:
    """Time a new coordinator's store load, then its domain load of that data."""
    coordinator = MicrodoseCoordinator(hass, entry)
    loaded: dict[str, Any] = {}

    async def load() -> None:
        loaded.update(await coordinator.store.async_load())

    async def build() -> None:
        # What the coordinator does with what its store returned.
        coordinator._stored = loaded  # noqa: SLF001
        coordinator._load_domain()  # noqa: SLF001

    return await timed_ms(load), await timed_ms(build), coordinator
