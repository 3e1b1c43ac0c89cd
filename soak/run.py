"""The soak: months of days, a restart after each month, then the history read back.

Counted at the same point of the day (23:30, once the night's timers ran):
timers, listeners and the integration's live objects after the first day and
at the end of every month. Memory is traced through the first month and the
last one, each from its start (tracing costs about five times the run), and
measured at their ends. Every month starts from the files alone, so what the
last month holds is the whole history plus whatever earlier months left
behind. The history is then read back by one more restart, through the
integration's own load path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path
import random
import time
from typing import Any, Final

from freezegun import freeze_time

from .gauges import (
    bus_listeners,
    census,
    integration_bytes,
    live_timers,
    start_tracing,
    stop_tracing,
)
from .harness import Home, at, couple_home
from .ledger import Ledger
from .life import OPTIONS_DAY, CoupleLife

START: Final = date(2026, 1, 5)  # a Monday, the protocol's first dose day
DAYS_PER_YEAR: Final = 365


@dataclass(frozen=True, slots=True)
class Gauge:
    """Timers, listeners, live objects and records at one moment."""

    day: date
    timers: Counter[str]
    listeners: Counter[str]
    objects: Counter[str]
    records: int
    held: dict[str, int]  # objects the couple should hold, by class
    file_bytes: int
    memory: int | None = None


@dataclass(slots=True)
class Soak:
    """Everything the run saw: the ledger, the gauges and the history read back."""

    seed: int
    days: int
    ledger: Ledger = field(default_factory=Ledger)
    first_day: Gauge | None = None
    month_ends: list[Gauge] = field(default_factory=list)
    restarts: int = 0
    seconds: float = 0.0
    read_back: dict[str, Any] = field(default_factory=dict)

    @property
    def traced(self) -> list[Gauge]:
        """Return the gauges with a memory figure (first and last month)."""
        return [gauge for gauge in self.month_ends if gauge.memory is not None]


def months(days: int) -> list[list[date]]:
    """Return the days lived, month by month."""
    lived = (START + timedelta(days=offset) for offset in range(days))
    return [list(month) for _, month in groupby(lived, key=lambda d: (d.year, d.month))]


async def soak(config_dir: Path, seed: int, years: int) -> Soak:
    """Live `years` of days; restart every month; read everything back."""
    result = Soak(seed=seed, days=DAYS_PER_YEAR * years)
    rng = random.Random(seed)  # noqa: S311  # a repeatable simulation, no secret
    life = CoupleLife(rng, result.ledger)
    options: dict[str, str] = {}
    lived = months(result.days)
    started = time.perf_counter()
    with freeze_time(at(START, 7)) as clock:
        for number, month in enumerate(lived):
            traced = number in {0, len(lived) - 1}
            if traced:
                start_tracing()
            async with couple_home(config_dir, options) as home:
                for day in month:
                    if day.day == OPTIONS_DAY:
                        await life.change_options(home, options)
                    await life.live(home, clock, day)
                    if result.first_day is None:
                        result.first_day = _gauge(home, day, result.ledger)
                result.month_ends.append(
                    _gauge(home, month[-1], result.ledger, memory=traced)
                )
            if traced:
                stop_tracing()
            result.restarts += 1
        async with couple_home(config_dir, options) as home:
            result.read_back = _read_back(home)
    result.seconds = time.perf_counter() - started
    return result


def _gauge(home: Home, day: date, ledger: Ledger, *, memory: bool = False) -> Gauge:
    return Gauge(
        day=day,
        timers=live_timers(home.hass),
        listeners=bus_listeners(home.hass),
        objects=census(),
        records=ledger.records,
        held={
            "DoseRecord": len(ledger.doses),
            "CheckIn": len(ledger.check_ins),
            # with the cycle reviews the integration sends by itself
            "SharedPrompt": len(home.coordinator.conversation.prompts),
            "Pause": len(home.coordinator.protocol.pauses),
            # one couple, one live state: nothing kept from earlier starts
            "MicrodoseCoordinator": 1,
            "Conversation": 1,
        },
        file_bytes=Path(home.coordinator.store.path).stat().st_size,
        memory=integration_bytes() if memory else None,
    )


def _read_back(home: Home) -> dict[str, Any]:
    """Return the history as a freshly started couple holds it."""
    coordinator = home.coordinator
    conversation = coordinator.conversation
    return {
        "doses": [(r.id, r.partner, r.day) for r in coordinator.doses.records],
        "check_ins": [(r.id, r.partner, r.day) for r in conversation.checkins.records],
        "prompts": [
            (p.day, p.prompt_id, dict(p.answers)) for p in conversation.prompts
        ],
        "protocol": coordinator.protocol,
    }
