"""Today's events from the couple's calendars, through `calendar.get_events`.

Only what the calm-day decision needs leaves this module: start, end, whether
the event lasts all day, and the title for the keyword check. Titles are never
stored or shown. A calendar that is missing or fails is reported by entity id,
so the decision can go on with the others; the calm-day watcher logs it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
import logging
from typing import Any, Final, cast

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .core.calm import CalendarEvent

_LOGGER = logging.getLogger(__name__)

READ_TIMEOUT: Final = 10.0
DATE_LENGTH: Final = len("2026-01-05")


@dataclass(slots=True)
class CalendarReading:
    """The events found today, and the calendars that could not be read."""

    events: list[CalendarEvent] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # entity id -> why


async def async_read_calendars(
    hass: HomeAssistant, entity_ids: Iterable[str], start: datetime, end: datetime
) -> CalendarReading:
    """Read each calendar's events between `start` and `end`, one by one.

    Calendars are asked separately so that one failing calendar cannot hide
    the events of the others.
    """
    reading = CalendarReading()
    for entity_id in entity_ids:
        if hass.states.get(entity_id) is None:
            reading.failed[entity_id] = "missing"
            continue
        try:
            async with asyncio.timeout(READ_TIMEOUT):
                response = await hass.services.async_call(
                    "calendar",
                    "get_events",
                    {
                        "entity_id": entity_id,
                        "start_date_time": start.isoformat(),
                        "end_date_time": end.isoformat(),
                    },
                    blocking=True,
                    return_response=True,
                )
            found = cast("dict[str, Any]", response)[entity_id]
            reading.events.extend(_event(raw) for raw in found["events"])
        except TimeoutError:
            _LOGGER.debug("No answer from %s within %s s", entity_id, READ_TIMEOUT)
            reading.failed[entity_id] = "timeout"
        except Exception as err:  # noqa: BLE001 - one calendar must not stop the day
            # The watcher logs the change once; each failed reading is only debug.
            _LOGGER.debug("Could not read %s: %s", entity_id, err)
            reading.failed[entity_id] = "error"
    return reading


def _event(raw: dict[str, Any]) -> CalendarEvent:
    """Turn one `get_events` event into the core's event (dates or times)."""
    start, end = str(raw["start"]), str(raw["end"])
    if len(start) == DATE_LENGTH:
        return CalendarEvent(
            start=date.fromisoformat(start),
            end=date.fromisoformat(end),
            all_day=True,
            title=str(raw.get("summary", "")),
        )
    parsed_start = dt_util.parse_datetime(start)
    parsed_end = dt_util.parse_datetime(end)
    if parsed_start is None or parsed_end is None:
        raise ValueError("an event time could not be read")
    return CalendarEvent(
        start=parsed_start,
        end=parsed_end,
        all_day=False,
        title=str(raw.get("summary", "")),
    )
