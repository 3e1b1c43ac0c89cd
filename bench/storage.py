"""A year of a couple's life on disk, and how often a burst of changes writes.

The year is lived through the actions a couple and their automations use,
and the private text (notes, prompt answers) through what the panel's
websocket commands call, as only the panel may send it; the clock is moved
from morning to evening, day by day. The file it leaves is then measured and
read back the way a restart reads it, and the history repeated to five years
(storage_years.py) is measured the same way.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, datetime, timedelta
import json
from pathlib import Path
from typing import Any, Final, Protocol
from unittest.mock import patch

from freezegun import freeze_time
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN, STORAGE_SAVE_DELAY
from custom_components.microdose_together.coordinator import MicrodoseCoordinator
from custom_components.microdose_together.core.limits import CHECKINS_PER_DAY
from custom_components.microdose_together.dialogue_actions import (
    async_record_check_in,
)
from custom_components.microdose_together.record_layout import (
    decode_history,
    encode_history,
)

from .home import (
    TIME_ZONE,
    add_couple,
    add_phones,
    async_set_up,
    couple_entry,
    ensure,
    entity_ids,
    fresh_home,
    timed_ms,
)
from .results import Runs
from .storage_years import (
    YEARS,
    history_figures,
    read_back,
    read_back_timings,
    repeat_year,
)

YEAR_START: Final = date(2026, 1, 5)  # a Monday, the protocol's first dose day
DAYS: Final = 365
RITUAL_WEEKDAYS: Final = (0, 3)  # Monday and Thursday evenings
NOTE: Final = (
    "Slept well, a long walk at lunch; felt patient with the kids and less "
    "hurried at work. Noticed I listened more than I talked."
)
ANSWER: Final = (
    "That I was proud of how we handled the morning rush without snapping "
    "at each other, and I wanted to say so out loud."
)
# As many check-ins as one couple may record in a day (the limit refuses more).
BURST: Final = 2 * CHECKINS_PER_DAY
SCORES: Final = {"mood": 4, "connection": 4, "stress": 2}


class Clock(Protocol):
    """The frozen clock: moved to a moment, or on by a step."""

    def move_to(self, target_datetime: datetime) -> None:
        """Jump to a moment."""

    def tick(self, delta: timedelta) -> Any:
        """Step forward."""


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_zone())


def _zone() -> Any:
    return dt_util.get_time_zone(TIME_ZONE)


async def _act(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> None:
    await hass.services.async_call(
        DOMAIN, action, {"config_entry_id": entry.entry_id, **data}, blocking=True
    )


async def _move(hass: HomeAssistant, clock: Clock, to: datetime) -> None:
    """Move the clock; timers that fall due on the way run (midnight, reminders)."""
    clock.move_to(to)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def storage_year(base: Path, runs: Runs) -> dict[str, Any]:
    """Live a year, then measure the file and how long reading it back takes."""
    home = base / "year"
    with freeze_time(_at(YEAR_START, 7)) as clock:
        async with fresh_home(home) as hass:
            couple = await add_couple(hass)
            add_phones(hass, couple)
            entry = couple_entry(hass, couple.data)
            await async_set_up(hass, entry)
            lived = await _live_a_year(hass, entry, clock)
            path = Path(entry.runtime_data.store.path)
    raw = await asyncio.to_thread(path.read_bytes)
    stored = json.loads(raw)["data"]
    async with fresh_home(home) as hass:
        entry = couple_entry(hass, couple.data)
        timings = await read_back_timings(hass, entry, runs, lived["doses"])
        # The history as the domain keeps it, whatever the file's layout.
        history = (await read_back(hass, entry))[2].stored_for_diagnostics()
    ensure(len(history["checkins"]["records"]) == 2 * DAYS, "a year of check-ins")
    # Nothing lost between the layouts: the file is the lived history, both ways.
    ensure(decode_history(stored) == history, "the file reads back as lived")
    ensure(encode_history(history) == stored, "the history writes as the file")
    compact = json.dumps(json.loads(raw), separators=(",", ":"), ensure_ascii=False)
    return {
        "days": DAYS,
        "lived": lived,
        "bytes": len(raw),
        "kb": round(len(raw) / 1024, 1),
        "text_kb": round(_private_text_bytes(history) / 1024, 1),
        "indent_kb": round((len(raw) - len(compact.encode())) / 1024, 1),
        "parts_kb": {
            key: round(len(json.dumps(value).encode()) / 1024, 1)
            for key, value in stored.items()
        },
        "years": {
            str(years): await history_figures(
                base / f"years-{years}", couple.data, repeat_year(history, years), runs
            )
            for years in (1, YEARS)
        },
    } | timings


def _private_text_bytes(stored: dict[str, Any]) -> int:
    """Return the bytes of the couple's own words: notes and prompt answers."""
    notes = [r["note"] or "" for r in stored["checkins"]["records"]]
    answers = [a for p in stored["prompts"] for a in p["answers"].values()]
    return sum(len(text.encode()) for text in notes + answers)


async def _live_a_year(
    hass: HomeAssistant, entry: MockConfigEntry, clock: Clock
) -> dict[str, int]:
    """Doses on dose days, check-ins with notes, a prompt a day, two rituals a week."""
    coordinator: MicrodoseCoordinator = entry.runtime_data
    lived: Counter[str] = Counter()
    for offset in range(DAYS):
        day = YEAR_START + timedelta(days=offset)
        await _move(hass, clock, _at(day, 8, 30))
        if coordinator.protocol.is_dose_day(day):
            for slot in (1, 2):
                await _act(hass, entry, "log_dose", partner=slot)
                lived["doses"] += 1
        await _move(hass, clock, _at(day, 20))
        ritual = day.weekday() in RITUAL_WEEKDAYS
        await _act(hass, entry, "start_ritual" if ritual else "send_prompt")
        lived["rituals"] += ritual
        lived["prompts"] += 1
        for slot in (1, 2):
            await coordinator.conversation.async_answer_prompt(slot, ANSWER)
            await async_record_check_in(coordinator, slot, SCORES, NOTE)
            lived["check_ins"] += 1
        if ritual:
            await _act(hass, entry, "end_ritual")
    return dict(lived)


async def write_coalescing(base: Path) -> dict[str, Any]:
    """Count disk writes for a burst of check-ins, state writes for one check-in."""
    with freeze_time(_at(YEAR_START, 10)) as clock:
        async with fresh_home(base / "one") as hass:
            couple = await add_couple(hass)
            add_phones(hass, couple)
            entry = couple_entry(hass, couple.data)
            await async_set_up(hass, entry)
            states = await _states_for_one_check_in(hass, entry, clock)
    return await _burst(base / "burst") | states


async def _burst(config_dir: Path) -> dict[str, Any]:
    """Check in a day's most as fast as the action goes, on the real clock.

    The action takes scores only (a note comes through the panel), as a
    looping automation or a stuck phone would send them.
    """
    async with fresh_home(config_dir) as hass:
        couple = await add_couple(hass)
        add_phones(hass, couple)
        entry = couple_entry(hass, couple.data)
        await async_set_up(hass, entry)
        path = Path(entry.runtime_data.store.path)
        await _settle(hass, STORAGE_SAVE_DELAY + 1)  # set-up's own save is done
        key = f"{DOMAIN}.{entry.entry_id}"
        writes: list[str] = []
        original = Store._async_write_data  # noqa: SLF001

        async def counting(self: Store[Any], *args: Any) -> None:
            if self.key == key:
                writes.append(key)
            await original(self, *args)

        async def check_in_burst() -> None:
            for n in range(BURST):
                await _act(
                    hass,
                    entry,
                    "check_in",
                    partner=1 + n % 2,
                    mood=3,
                    connection=3,
                    stress=3,
                )

        with patch.object(Store, "_async_write_data", counting):
            burst_ms = await timed_ms(check_in_burst)
            await _settle(hass, STORAGE_SAVE_DELAY + 1)
            ensure(await hass.config_entries.async_unload(entry.entry_id), "unload")
    stored = json.loads(await asyncio.to_thread(path.read_bytes))["data"]
    ensure(len(stored["checkins"]["records"]) == BURST, "every check-in kept")
    return {"check_ins": BURST, "writes": len(writes), "burst_ms": round(burst_ms, 1)}


async def _settle(
    hass: HomeAssistant, seconds: float, clock: Clock | None = None
) -> None:
    """Let `seconds` pass (the frozen clock, else only the loop's timers)."""
    if clock is not None:
        clock.tick(timedelta(seconds=seconds))
        async_fire_time_changed(hass)
    else:
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=seconds))
    await hass.async_block_till_done()


async def _states_for_one_check_in(
    hass: HomeAssistant, entry: MockConfigEntry, clock: Clock
) -> dict[str, Any]:
    """Return the state changes (and unchanged re-writes) one check-in causes."""
    ours = entity_ids(hass, entry)
    changed: Counter[str] = Counter()
    reported: Counter[str] = Counter()

    @callback
    def is_ours(data: Any) -> bool:
        return data["entity_id"] in ours

    @callback
    def on_changed(event: Event[Any]) -> None:
        changed[event.data["entity_id"]] += 1

    @callback
    def on_reported(event: Event[Any]) -> None:
        reported[event.data["entity_id"]] += 1

    await _settle(hass, STORAGE_SAVE_DELAY + 1, clock)  # set-up has settled
    stop = [
        hass.bus.async_listen(EVENT_STATE_CHANGED, on_changed, event_filter=is_ours),
        hass.bus.async_listen(EVENT_STATE_REPORTED, on_reported, event_filter=is_ours),
    ]
    await _act(hass, entry, "check_in", partner=1, mood=4, connection=4, stress=2)
    await _settle(hass, 5, clock)  # past the calm-day refresh that follows
    for unsubscribe in stop:
        unsubscribe()
    return {
        "entities": len(ours),
        "state_changed": sum(changed.values()),
        "state_reported": sum(reported.values()),
        "changed_entities": dict(sorted(changed.items())),
        "reported_entities": dict(sorted(reported.items())),
    }
