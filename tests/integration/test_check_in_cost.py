"""A check-in costs the same after years of history as on the first day.

Counted, not timed: a check-in through the `check_in` action after set-up
with a short and with a long stored history must read the same number of
stored records, build the same number of stored rows and ask the schedule
the same number of questions. The long record lists are built only when the
delayed save actually writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, Self
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN, STORAGE_SAVE_DELAY
from custom_components.microdose_together.core.checkins import CheckIn, SharedPrompt
from custom_components.microdose_together.core.doses import DoseRecord, Form
from custom_components.microdose_together.core.protocol import Preset, Protocol

from .helpers import act

START = date(2026, 1, 5)  # the practice's start date in the test options
# The sixth day of the fourth cycle (six weeks each): the short history holds
# this cycle's days only, so both histories hold the same doses in this cycle.
TODAY = START + timedelta(days=3 * 42 + 5)
SHORT_DAYS = 5  # 10 check-ins
LONG_DAYS = 150  # 300 check-ins, from before the practice began
HELSINKI = "Europe/Helsinki"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(
        day.year,
        day.month,
        day.day,
        hour,
        minute,
        tzinfo=dt_util.get_time_zone(HELSINKI),
    )


def _history(days: int) -> dict[str, Any]:
    """Return the `days` lived up to yesterday: both check in, dose and answer."""
    protocol = Protocol(preset=Preset.FADIMAN, start=START)
    checkins, doses, prompts = [], [], []
    for offset in range(days):
        day = TODAY - timedelta(days=days - offset)
        for slot in (1, 2):
            moment = _at(day, 21, slot)
            checkins.append(
                CheckIn(
                    id=f"c-{offset}-{slot}",
                    partner=slot,
                    day=day,
                    at=moment,
                    mood=2 + (offset + slot) % 4,
                    connection=2 + offset % 4,
                    stress=1 + (offset * slot) % 4,
                    note="a quiet evening",
                ).as_dict()
            )
            if protocol.is_dose_day(day):
                doses.append(
                    DoseRecord(
                        id=f"d-{offset}-{slot}",
                        partner=slot,
                        day=day,
                        taken_at=_at(day, 8, 30 + slot),
                        amount_g=0.1,
                        form=Form.DRIED,
                    ).as_dict()
                )
        prompts.append(
            SharedPrompt(
                day=day,
                prompt_id="communication_01",
                theme="communication",
                answers={1: "yes", 2: "also yes"},
                revealed=True,
            ).as_dict()
        )
    return {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "doses": doses,
        "checkins": {"records": checkins},
        "prompts": prompts,
        "intention": "listen more than we talk",
    }


class CountingList(list[Any]):
    """A list that counts every item handed out by walking it."""

    visits = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            CountingList.visits += 1
            yield item

    def __reversed__(self) -> Iterator[Any]:
        for item in super().__reversed__():
            CountingList.visits += 1
            yield item

    @classmethod
    def of(cls, items: list[Any]) -> Self:
        return cls(items)


class Spies:
    """How often the stored rows were built and the schedule was asked."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}

    def wrap(self, owner: type, name: str) -> Any:
        original = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            key = f"{owner.__name__}.{name}"
            self.calls[key] = self.calls.get(key, 0) + 1
            return original(*args, **kwargs)

        return patch.object(owner, name, counted)

    def count(self, key: str) -> int:
        return self.calls.get(key, 0)


async def _check_in(hass: HomeAssistant, entry: MockConfigEntry, slot: int) -> None:
    await act(hass, entry, "check_in", partner=slot, mood=4, connection=4, stress=2)
    await hass.async_block_till_done()


async def _cost_of_a_check_in(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    make_entry: Callable[..., MockConfigEntry],
    days: int,
) -> tuple[dict[str, int], MockConfigEntry]:
    """Set up with `days` of history, check in once to warm up, count the next."""
    entry = make_entry()
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = {
        "version": 2,
        "minor_version": 1,
        "key": key,
        "data": _history(days),
    }
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    coordinator = entry.runtime_data
    talk = coordinator.conversation
    assert len(talk.checkins.records) == 2 * days
    # Every walk over the stored records is counted from here on.
    talk.checkins.records = CountingList.of(talk.checkins.records)
    coordinator.doses.records = CountingList.of(coordinator.doses.records)
    talk.prompts = CountingList.of(talk.prompts)
    await _check_in(hass, entry, 1)  # the first read of the new lists
    spies = Spies()
    with (
        spies.wrap(CheckIn, "as_dict"),
        spies.wrap(DoseRecord, "as_dict"),
        spies.wrap(SharedPrompt, "as_dict"),
        spies.wrap(Protocol, "position"),
    ):
        CountingList.visits = 0
        await _check_in(hass, entry, 2)
        spies.calls["visits"] = CountingList.visits
    assert talk.checkins.latest(2) is talk.checkins.records[-1]
    return spies.calls, entry


async def test_a_check_in_reads_no_more_with_a_long_history(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """Ten check-ins of history or three hundred: the same work per check-in."""
    dose_day_clock.move_to(_at(TODAY, 20))
    short, first = await _cost_of_a_check_in(hass, hass_storage, make_entry, SHORT_DAYS)
    assert await hass.config_entries.async_remove(first.entry_id)
    await hass.async_block_till_done()
    long, _ = await _cost_of_a_check_in(hass, hass_storage, make_entry, LONG_DAYS)

    assert long == short
    assert long.get("CheckIn.as_dict", 0) == 0  # no stored rows built
    assert long.get("DoseRecord.as_dict", 0) == 0
    assert long.get("SharedPrompt.as_dict", 0) == 0


async def test_the_record_lists_are_built_when_the_store_writes(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """The delayed save writes every record, new ones included, exactly once."""
    dose_day_clock.move_to(_at(TODAY, 20))
    _, entry = await _cost_of_a_check_in(hass, hass_storage, make_entry, SHORT_DAYS)
    await act(hass, entry, "log_dose", partner=1, acknowledge_off_protocol=True)
    spies = Spies()
    with (
        spies.wrap(CheckIn, "as_dict"),
        spies.wrap(DoseRecord, "as_dict"),
        spies.wrap(SharedPrompt, "as_dict"),
    ):
        dose_day_clock.tick(timedelta(seconds=STORAGE_SAVE_DELAY + 1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    coordinator = entry.runtime_data
    checkins = len(coordinator.conversation.checkins.records)
    assert checkins == 2 * SHORT_DAYS + 2
    assert spies.count("CheckIn.as_dict") == checkins
    assert spies.count("DoseRecord.as_dict") == len(coordinator.doses.records)
    assert spies.count("SharedPrompt.as_dict") == SHORT_DAYS
    written = coordinator.stored_for_diagnostics()
    assert [row["id"] for row in written["checkins"]["records"]][-2:] == [
        record.id for record in coordinator.conversation.checkins.records[-2:]
    ]
    assert written["doses"][-1]["id"] == coordinator.doses.records[-1].id
