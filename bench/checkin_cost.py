"""What one check-in costs with no history, a year of it and five years of it.

A long-lived couple should not pay for their own past: each check-in ought to
cost the same on the first day and after five years. The history is written
into the couple's file before set-up, as a restart would find it (both
partners checking in every evening with a note, both dosing on every dose
day, tonight's prompt answered by both), so five years take seconds to build.

Each measured check-in is the evening's first on a new day, through the
`check_in` action, until Home Assistant has settled every state write it
caused. The clock is frozen and moved a day between runs (untimed), so the
timings come from the monotonic clock, which the frozen clock leaves alone.
Beside that wall time, the processor time of the event loop's thread is kept:
on a shared machine the wall time of a 3 ms call swings several-fold with
what else runs, while the loop's own work does not.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
import gc
import json
from pathlib import Path
import random
from statistics import median
import time
from typing import Any, Final

from freezegun import freeze_time
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util, ulid as ulid_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.checkins import CheckIn, SharedPrompt
from custom_components.microdose_together.core.doses import DoseRecord, Form
from custom_components.microdose_together.core.protocol import Preset, Protocol

from .home import (
    PRACTICE,
    TIME_ZONE,
    add_couple,
    add_phones,
    async_set_up,
    couple_entry,
    ensure,
    fresh_home,
)
from .results import Runs

YEARS: Final = (0, 1, 5)
DAYS_PER_YEAR: Final = 365
TARGET_RATIO: Final = 1.2
# The first measured day; the history ends the evening before.
TODAY: Final = date(2031, 3, 3)
STORE_VERSION: Final = 2  # the layout written below
NOTE: Final = "A slow morning, a long walk; patient with each other all evening."
ANSWER: Final = "That we laughed at the same moment without looking at each other."
PROMPT_IDS: Final = tuple(f"communication_{n:02}" for n in range(1, 6))


def _zone() -> Any:
    return dt_util.get_time_zone(TIME_ZONE)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_zone())


def _protocol(start: date) -> Protocol:
    """Return the bench couple's schedule (home.PRACTICE) from `start`."""
    return Protocol(
        preset=Preset(PRACTICE["preset"]),
        start=start,
        weeks_on=PRACTICE["weeks_on"],
        weeks_off=PRACTICE["weeks_off"],
    )


def history(start: date, days: int) -> dict[str, Any]:
    """Return the stored data of `days` lived days from `start`.

    Scores vary from day to day (seeded, so every run builds the same file),
    so the figures behind the insight sensors have something to work on.
    """
    protocol = _protocol(start)
    scores = random.Random(days)  # noqa: S311 - a repeatable history, not a secret
    checkins: list[dict[str, Any]] = []
    doses: list[dict[str, Any]] = []
    prompts: list[dict[str, Any]] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        if protocol.is_dose_day(day):
            for slot in (1, 2):
                taken = _at(day, 8, 30 + slot)
                doses.append(
                    DoseRecord(
                        id=ulid_util.ulid(taken.timestamp()),
                        partner=slot,
                        day=day,
                        taken_at=taken,
                        amount_g=0.1,
                        form=Form.DRIED,
                    ).as_dict()
                )
        for slot in (1, 2):
            moment = _at(day, 21, slot)
            checkins.append(
                CheckIn(
                    id=ulid_util.ulid(moment.timestamp()),
                    partner=slot,
                    day=day,
                    at=moment,
                    mood=scores.randint(2, 5),
                    connection=scores.randint(2, 5),
                    stress=scores.randint(1, 4),
                    note=NOTE,
                ).as_dict()
            )
        prompts.append(
            SharedPrompt(
                day=day,
                prompt_id=PROMPT_IDS[offset % len(PROMPT_IDS)],
                theme="communication",
                answers={1: ANSWER, 2: ANSWER},
                revealed=True,
            ).as_dict()
        )
    return {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "doses": doses,
        "checkins": {"records": checkins},
        "prompts": prompts,
        "intention": "listen more than we talk",
        "requests": {},
        "held": [],
    }


def _write_store(config_dir: Path, entry_id: str, data: dict[str, Any]) -> None:
    """Leave the couple's file where their store will read it at set-up."""
    key = f"{DOMAIN}.{entry_id}"
    folder = config_dir / ".storage"
    folder.mkdir(parents=True, exist_ok=True)
    document = {"version": STORE_VERSION, "minor_version": 1, "key": key, "data": data}
    (folder / key).write_text(json.dumps(document), encoding="utf-8")


async def _timed_ms(work: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """Return the wall time awaiting `work()` took and the loop thread's share.

    Both clocks are ones freezegun leaves alone.
    """
    gc.collect()
    start = time.clock_gettime(time.CLOCK_MONOTONIC)
    start_cpu = time.thread_time()
    await work()
    cpu = time.thread_time() - start_cpu
    return (time.clock_gettime(time.CLOCK_MONOTONIC) - start) * 1000, cpu * 1000


async def _next_evening(hass: HomeAssistant, clock: Any, day: date) -> None:
    """Move to `day` at 20:00; midnight's timers run on the way (untimed)."""
    clock.move_to(_at(day, 20))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _check_in(hass: HomeAssistant, entry: MockConfigEntry, slot: int) -> None:
    await hass.services.async_call(
        DOMAIN,
        "check_in",
        {
            "config_entry_id": entry.entry_id,
            "partner": slot,
            "mood": 4,
            "connection": 4,
            "stress": 2,
        },
        blocking=True,
    )
    await hass.async_block_till_done()


async def _get_insights(hass: HomeAssistant, entry: MockConfigEntry) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        "get_insights",
        {"config_entry_id": entry.entry_id},
        blocking=True,
        return_response=True,
    )


async def _measure(
    base: Path, years: int, runs: Runs, *, insights: bool
) -> tuple[list[float], list[float], list[float]]:
    """Return the kept check-in times, wall and loop processor time.

    Also the get_insights wall times, if asked.
    """
    days = years * DAYS_PER_YEAR
    start = TODAY - timedelta(days=days)
    config_dir = base / f"history-{years}y"
    data = await asyncio.to_thread(history, start, days)
    check_ins: list[float] = []
    check_ins_cpu: list[float] = []
    figures: list[float] = []
    with freeze_time(_at(TODAY, 7)) as clock:
        async with fresh_home(config_dir) as hass:
            couple = await add_couple(hass)
            add_phones(hass, couple)
            entry = couple_entry(hass, couple.data, {"start_date": start.isoformat()})
            await asyncio.to_thread(_write_store, config_dir, entry.entry_id, data)
            await async_set_up(hass, entry)
            stored = entry.runtime_data.conversation.checkins.records
            ensure(len(stored) == 2 * days, f"{years} years of check-ins loaded")
            for run in range(runs.total):
                await _next_evening(hass, clock, TODAY + timedelta(days=run))
                slot = 1 + run % 2
                elapsed, cpu = await _timed_ms(
                    lambda slot=slot: _check_in(hass, entry, slot)
                )
                ensure(len(stored) == 2 * days + run + 1, "the check-in was kept")
                if runs.kept(run):
                    check_ins.append(elapsed)
                    check_ins_cpu.append(cpu)
            if insights:
                for run in range(runs.total):
                    answer: list[Any] = []

                    async def ask() -> None:
                        answer.append(await _get_insights(hass, entry))  # noqa: B023

                    elapsed, _cpu = await _timed_ms(ask)
                    ensure(answer and answer[0]["couple"], "insights answered")
                    if runs.kept(run):
                        figures.append(elapsed)
    return check_ins, check_ins_cpu, figures


async def check_in_cost(
    base: Path, runs: Runs
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Time one check-in at 0, 1 and 5 years of history; their ratios to none.

    Also return the time of `get_insights` over the whole five years, asked
    in the same home once its check-ins are timed.
    """
    medians: dict[str, float] = {}
    cpu_medians: dict[str, float] = {}
    samples: dict[str, list[float]] = {}
    figures: list[float] = []
    for years in YEARS:
        check_ins, cpu, asked = await _measure(base, years, runs, insights=years == 5)
        medians[f"{years}y"] = median(check_ins)
        cpu_medians[f"{years}y"] = median(cpu)
        samples[f"{years}y"] = [round(x, 2) for x in check_ins]
        figures += asked
    none, none_cpu = medians["0y"], cpu_medians["0y"]
    cost = {
        "ms": {key: round(value, 2) for key, value in medians.items()},
        "ratio_1y": round(medians["1y"] / none, 3),
        "ratio_5y": round(medians["5y"] / none, 3),
        "cpu_ms": {key: round(value, 2) for key, value in cpu_medians.items()},
        "cpu_ratio_1y": round(cpu_medians["1y"] / none_cpu, 3),
        "cpu_ratio_5y": round(cpu_medians["5y"] / none_cpu, 3),
        "target_ratio": TARGET_RATIO,
        "samples": samples,
    }
    insights = {
        "years": 5,
        "ms": round(median(figures), 2),
        "samples": [round(x, 2) for x in figures],
    }
    return cost, insights
