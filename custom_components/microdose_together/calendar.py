"""Calendar: dose days, tolerance breaks and pauses in Home Assistant's calendar.

Each dose day is an all-day event; a tolerance break or a pause is one event
spanning its days, so the calendar panel and calendar triggers both work.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers import translation
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.protocol import Phase, Protocol
from .entity import MicrodoseEntity

PARALLEL_UPDATES = 0

# How far ahead the "current or next event" looks; longer than any cycle.
LOOKAHEAD = timedelta(days=400)
LOOKBACK = timedelta(days=120)
SHOWN_PHASES = (Phase.DOSE_DAY, Phase.TOLERANCE_BREAK, Phase.PAUSED)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MicrodoseConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the protocol calendar."""
    async_add_entities([ProtocolCalendar(entry.runtime_data, "protocol")])


def phase_spans(
    protocol: Protocol, start: date, end: date
) -> Iterator[tuple[Phase, date, date]]:
    """Yield (phase, first day, day after last) for shown phases in [start, end).

    Dose days are one event each; breaks and pauses are merged into one event.
    """
    day = start
    while day < end:
        phase = protocol.phase(day)
        span_end = day + timedelta(days=1)
        if phase is not Phase.DOSE_DAY:
            while span_end < end and protocol.phase(span_end) is phase:
                span_end += timedelta(days=1)
        if phase in SHOWN_PHASES:
            yield phase, day, span_end
        day = span_end


class ProtocolCalendar(MicrodoseEntity, CalendarEntity):
    """The couple's protocol as calendar events."""

    def __init__(self, coordinator: MicrodoseCoordinator, key: str) -> None:
        """Start with English summaries until the first lookup."""
        super().__init__(coordinator, key)
        self._summaries: dict[str, str] = {}
        # The event and what it was worked out from: one write asks for it
        # three times (state, attributes, next update), each the same.
        self._next: tuple[tuple[Any, ...], CalendarEvent | None] | None = None

    async def async_added_to_hass(self) -> None:
        """Load event summaries in the home's language."""
        await super().async_added_to_hass()
        self._summaries = await _summaries(self.hass)

    @property
    def event(self) -> CalendarEvent | None:
        """Return the current or next event, worked out once for each snapshot."""
        sources = (self.coordinator.data, self.coordinator.protocol, self._summaries)
        if self._next is None or self._next[0] != sources:
            self._next = (sources, self._next_event())
        return self._next[1]

    def _next_event(self) -> CalendarEvent | None:
        today = self.coordinator.data.today
        for phase, first, after in phase_spans(
            self.coordinator.protocol, today, today + LOOKAHEAD
        ):
            return self._event(phase, first, after)
        return None

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the events overlapping the requested window."""
        first = dt_util.as_local(start_date).date()
        last = dt_util.as_local(end_date).date() + timedelta(days=1)
        # Look back far enough that a break or pause begun earlier stays whole.
        spans = phase_spans(self.coordinator.protocol, first - LOOKBACK, last)
        return [
            self._event(phase, span_start, span_end)
            for phase, span_start, span_end in spans
            if dt_util.start_of_local_day(span_start) < end_date
            and dt_util.start_of_local_day(span_end) > start_date
        ]

    def _event(self, phase: Phase, first: date, after: date) -> CalendarEvent:
        entry_id = self.coordinator.config_entry.entry_id
        return CalendarEvent(
            start=first,
            end=after,
            summary=self._summaries.get(phase.value, phase.value.replace("_", " ")),
            uid=f"{entry_id}_{phase.value}_{first.isoformat()}",
        )


async def _summaries(hass: HomeAssistant) -> dict[str, str]:
    prefix = f"component.{DOMAIN}.selector.calendar_event.options."
    strings = await translation.async_get_translations(
        hass, hass.config.language, "selector", {DOMAIN}
    )
    return {
        key.removeprefix(prefix): text
        for key, text in strings.items()
        if key.startswith(prefix)
    }
