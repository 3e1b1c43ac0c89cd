"""The couple's dosing schedule: pattern, tolerance cycle, pauses and moved days.

A day's place in the schedule is counted in *active* days: days since the start
that were not paused. Pausing therefore holds the schedule still instead of
letting dose days and tolerance breaks pass by unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from itertools import islice, pairwise
from types import MappingProxyType
from typing import Any, Final

DAYS_PER_WEEK: Final = 7
ONE_DAY: Final = timedelta(days=1)
MORE_FREQUENT_MID_CYCLE: Final = "more_frequent_mid_cycle"
_FREQUENCY_TOLERANCE: Final = 1e-9


class Preset(StrEnum):
    """Named schedules the couple can choose from."""

    FADIMAN = "fadiman"
    EVERY_OTHER_DAY = "every_other_day"
    FOUR_THREE = "four_three"
    FIVE_TWO = "five_two"
    WEEKDAYS = "weekdays"
    CUSTOM = "custom"


# Days on, days off; the weekdays and custom presets carry their own pattern.
PRESET_PATTERNS: Final[Mapping[Preset, tuple[int, int]]] = MappingProxyType(
    {
        Preset.FADIMAN: (1, 2),
        Preset.EVERY_OTHER_DAY: (1, 1),
        Preset.FOUR_THREE: (4, 3),
        Preset.FIVE_TWO: (5, 2),
    }
)


class Phase(StrEnum):
    """What a day is for the couple; paused wins over everything."""

    DOSE_DAY = "dose_day"
    REST_DAY = "rest_day"
    TOLERANCE_BREAK = "tolerance_break"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class Pause:
    """Days the schedule stands still; `end` is the first day back, None = open."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        """Refuse an empty or backwards pause."""
        if self.end is not None and self.end <= self.start:
            raise ValueError(
                f"a pause must end after it starts ({self.start} to {self.end})"
            )

    def covers(self, day: date) -> bool:
        """Return whether `day` is one of the paused days."""
        return self.start <= day and (self.end is None or day < self.end)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        end = None if self.end is None else self.end.isoformat()
        return {"start": self.start.isoformat(), "end": end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pause:
        """Rebuild a pause from `as_dict` data."""
        end = data.get("end")
        return cls(
            start=date.fromisoformat(data["start"]),
            end=None if end is None else date.fromisoformat(end),
        )


@dataclass(frozen=True, slots=True)
class CyclePosition:
    """Where an active day sits in the tolerance cycle (all 1-based)."""

    cycle: int
    day: int
    week: int
    in_break: bool


@dataclass(frozen=True, slots=True)
class Protocol:
    """A schedule plus what happened to it: pauses, skipped and moved dose days."""

    preset: Preset
    start: date
    days_on: int = 1
    days_off: int = 2
    weekdays: frozenset[int] = field(default_factory=frozenset)
    weeks_on: int = 4
    weeks_off: int = 2
    pauses: tuple[Pause, ...] = ()
    skipped: frozenset[date] = field(default_factory=frozenset)
    extra: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        """Validate, and pin the pattern of named presets so it cannot drift."""
        if self.preset in PRESET_PATTERNS:
            days_on, days_off = PRESET_PATTERNS[self.preset]
            object.__setattr__(self, "days_on", days_on)
            object.__setattr__(self, "days_off", days_off)
        object.__setattr__(self, "pauses", tuple(sorted(self.pauses, key=_by_start)))
        for name in ("weekdays", "skipped", "extra"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        self._check_pattern()
        self._check_cycle()
        self._check_pauses()

    def _check_pattern(self) -> None:
        if self.days_on < 1:
            raise ValueError(f"days_on must be at least 1, not {self.days_on}")
        if self.days_off < 0:
            raise ValueError(f"days_off must be 0 or more, not {self.days_off}")
        if any(not 0 <= weekday <= 6 for weekday in self.weekdays):
            raise ValueError(
                f"weekdays must be 0 (Monday) to 6 (Sunday): {self.weekdays}"
            )
        if self.preset is Preset.WEEKDAYS and not self.weekdays:
            raise ValueError("the weekdays preset needs at least one weekday")

    def _check_cycle(self) -> None:
        if self.weeks_on < 1:
            raise ValueError(f"weeks_on must be at least 1, not {self.weeks_on}")
        if self.weeks_off < 0:
            raise ValueError(f"weeks_off must be 0 or more, not {self.weeks_off}")

    def _check_pauses(self) -> None:
        for earlier, later in pairwise(self.pauses):
            if earlier.end is None or earlier.end > later.start:
                raise ValueError(
                    f"pauses overlap: from {earlier.start} and from {later.start}"
                )

    @property
    def cycle_length(self) -> int:
        """Return the active days in one cycle (on-period plus break)."""
        return DAYS_PER_WEEK * (self.weeks_on + self.weeks_off)

    @property
    def on_period_length(self) -> int:
        """Return the active days in the on-period of each cycle."""
        return DAYS_PER_WEEK * self.weeks_on

    def is_cycle_start(self, day: date) -> bool:
        """Return whether `day` (or, if paused, the first day back) begins a cycle."""
        return day >= self.start and self._active_index(day) % self.cycle_length == 0

    def paused_on(self, day: date) -> bool:
        """Return whether `day` falls in any pause."""
        return any(pause.covers(day) for pause in self.pauses)

    def is_paused_now(self, day: date) -> bool:
        """Return whether an open pause has begun on or before `day`."""
        pause = self._open_pause()
        return pause is not None and pause.start <= day

    @property
    def has_open_pause(self) -> bool:
        """Return whether the couple paused and has not resumed.

        A pause asked for on a day already dosed begins the next day (see
        `pause`); the couple has paused all the same.
        """
        return self._open_pause() is not None

    def pause_begins_after(self, day: date) -> date | None:
        """Return the first day of an open pause that has not begun by `day`."""
        pause = self._open_pause()
        return pause.start if pause is not None and pause.start > day else None

    def phase(self, day: date) -> Phase:
        """Return what `day` is, after pauses, skipped and extra days."""
        if self.paused_on(day):
            return Phase.PAUSED
        base = self._base_phase(day)
        if base is Phase.DOSE_DAY and day in self.skipped:
            return Phase.REST_DAY
        if base is Phase.REST_DAY and day in self.extra:
            return Phase.DOSE_DAY
        return base

    def is_dose_day(self, day: date) -> bool:
        """Return whether `day` is a dose day."""
        return self.phase(day) is Phase.DOSE_DAY

    def position(self, day: date) -> CyclePosition | None:
        """Return the cycle, day and week of an active day; None otherwise."""
        if day < self.start or self.paused_on(day):
            return None
        active = self._active_index(day)
        offset = active % self.cycle_length
        return CyclePosition(
            cycle=active // self.cycle_length + 1,
            day=offset + 1,
            week=offset // DAYS_PER_WEEK + 1,
            in_break=offset >= self.on_period_length,
        )

    def completed_cycles(self, day: date) -> int:
        """Return how many whole cycles lie before `day`."""
        if day < self.start:
            return 0
        return self._active_index(day) // self.cycle_length

    def next_dose_date(self, day: date) -> date | None:
        """Return the first dose day on or after `day`; None while paused open-ended."""
        candidates = islice(self._active_days(day), self._search_bound(day))
        return next((found for found in candidates if self.is_dose_day(found)), None)

    def break_end(self, day: date) -> date | None:
        """Return the first active day after the break holding `day`, else None.

        None also when an open pause begins before the break is over.
        """
        if self.phase(day) is not Phase.TOLERANCE_BREAK:
            return None
        remaining = self.cycle_length - self._active_index(day) % self.cycle_length
        return next(islice(self._active_days(day), remaining, None), None)

    def dose_days(self, start: date, end: date) -> list[date]:
        """Return the dose days from `start` to `end`, both included."""
        count = (end - start).days + 1
        days = (start + ONE_DAY * offset for offset in range(max(count, 0)))
        return [day for day in days if self.is_dose_day(day)]

    def dose_days_per_week(self) -> float:
        """Return dose days per week of the on-period, to compare schedules."""
        if self.preset is Preset.WEEKDAYS:
            return float(len(self.weekdays))
        period = self.days_on + self.days_off
        whole, rest = divmod(self.on_period_length, period)
        count = whole * self.days_on + min(rest, self.days_on)
        return count / self.weeks_on

    def pause(self, day: date) -> Protocol:
        """Pause the schedule from `day` until resumed.

        A day on which a dose was already taken must stay what it was, so the
        couple's pause asked for then is given the next day as `day`: a paused
        day in hindsight would not advance the schedule and could make the
        very next day a dose day.
        """
        open_pause = self._open_pause()
        if open_pause is not None:
            raise ValueError(f"the protocol is already paused since {open_pause.start}")
        if self.paused_on(day):
            raise ValueError(f"the protocol is already paused on {day}")
        return replace(self, pauses=(*self.pauses, Pause(day)))

    def resume(self, day: date) -> Protocol:
        """Close the open pause so that `day` is the first day back."""
        open_pause = self._open_pause()
        if open_pause is None:
            raise ValueError("the protocol is not paused")
        closed = self.pauses[:-1]
        if day > open_pause.start:
            closed = (*closed, Pause(open_pause.start, day))
        return replace(self, pauses=closed)

    def skip(self, day: date) -> Protocol:
        """Turn a single dose day into a rest day."""
        if not self.is_dose_day(day):
            raise ValueError(f"{day} is not a dose day")
        skipped = self.skipped
        if self._base_phase(day) is Phase.DOSE_DAY:
            skipped = skipped | {day}
        return replace(self, skipped=skipped, extra=self.extra - {day})

    def postpone(self, day: date) -> tuple[Protocol, date]:
        """Skip `day` and dose instead on the next rest day of this on-period.

        Days the couple skipped on purpose are not chosen.
        """
        skipped = self.skip(day)
        target = self._postpone_target(day)
        if target is None:
            raise ValueError(f"no rest day left in this on-period to move {day} to")
        return replace(skipped, extra=skipped.extra | {target}), target

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "preset": self.preset.value,
            "start": self.start.isoformat(),
            "days_on": self.days_on,
            "days_off": self.days_off,
            "weekdays": sorted(self.weekdays),
            "weeks_on": self.weeks_on,
            "weeks_off": self.weeks_off,
        } | self.state_as_dict()

    def state_as_dict(self) -> dict[str, Any]:
        """Return what the couple changed as they went: pauses, skips, moved days."""
        return {
            "pauses": [pause.as_dict() for pause in self.pauses],
            "skipped": sorted(day.isoformat() for day in self.skipped),
            "extra": sorted(day.isoformat() for day in self.extra),
        }

    def with_state(self, state: Mapping[str, Any]) -> Protocol:
        """Return this schedule with stored pauses, skipped and moved days."""
        return replace(
            self,
            pauses=tuple(Pause.from_dict(raw) for raw in state.get("pauses", ())),
            skipped=_dates(state.get("skipped", ())),
            extra=_dates(state.get("extra", ())),
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Protocol:
        """Rebuild a protocol from `as_dict` data (missing counts get defaults)."""
        return cls(
            preset=Preset(data["preset"]),
            start=date.fromisoformat(data["start"]),
            days_on=int(data.get("days_on", 1)),
            days_off=int(data.get("days_off", 2)),
            weekdays=frozenset(int(day) for day in data.get("weekdays", ())),
            weeks_on=int(data.get("weeks_on", 4)),
            weeks_off=int(data.get("weeks_off", 2)),
        ).with_state(data)

    def _open_pause(self) -> Pause | None:
        if self.pauses and self.pauses[-1].end is None:
            return self.pauses[-1]
        return None

    def _active_index(self, day: date) -> int:
        """Return the active days from the start up to (not including) `day`."""
        paused = 0
        for pause in self.pauses:
            first = max(pause.start, self.start)
            after = day if pause.end is None else min(pause.end, day)
            paused += max((after - first).days, 0)
        return (day - self.start).days - paused

    def _base_phase(self, day: date) -> Phase:
        """Return the phase from the pattern alone (no pauses, skips or extras)."""
        if day < self.start:
            return Phase.REST_DAY
        offset = self._active_index(day) % self.cycle_length
        if offset >= self.on_period_length:
            return Phase.TOLERANCE_BREAK
        if self.preset is Preset.WEEKDAYS:
            dosing = day.weekday() in self.weekdays
        else:
            dosing = offset % (self.days_on + self.days_off) < self.days_on
        return Phase.DOSE_DAY if dosing else Phase.REST_DAY

    def _active_days(self, day: date) -> Iterator[date]:
        """Yield the unpaused days from `day` on; stop at an open pause."""
        for pause in self.pauses:
            if pause.end is not None and pause.end <= day:
                continue
            while day < pause.start:
                yield day
                day += ONE_DAY
            if pause.end is None:
                return
            day = pause.end
        while True:
            yield day
            day += ONE_DAY

    def _search_bound(self, day: date) -> int:
        """Return how many active days surely hold the next dose day.

        Any unbroken on-period has a dose day (offset 0 for patterns, every
        weekday for the weekdays preset); each later pause or skipped day can
        spoil at most one on-period, and two cycles hold a whole on-period.
        """
        spoilers = sum(1 for skipped in self.skipped if skipped >= day) + sum(
            1 for pause in self.pauses if pause.end is None or pause.end > day
        )
        before_start = max((self.start - day).days, 0)
        return before_start + self.cycle_length * (2 + spoilers)

    def _postpone_target(self, day: date) -> date | None:
        """Return the next rest day after `day` in the same on-period."""
        if day < self.start:
            return None
        offset = self._active_index(day) % self.cycle_length
        left = self.on_period_length - offset - 1
        for candidate in islice(self._active_days(day + ONE_DAY), max(left, 0)):
            if (
                self.phase(candidate) is Phase.REST_DAY
                and candidate not in self.skipped
            ):
                return candidate
        return None


def _by_start(pause: Pause) -> date:
    return pause.start


def _dates(raw: Iterable[str]) -> frozenset[date]:
    return frozenset(date.fromisoformat(day) for day in raw)


def local_day(moment: datetime, tz: tzinfo) -> date:
    """Return the calendar day an aware instant falls on in zone `tz`."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment} has no time zone")
    return moment.astimezone(tz).date()


def change_refusals(
    current: Protocol, proposed: Protocol, today: date
) -> tuple[str, ...]:
    """Return why `proposed` may not replace `current` today (empty if it may).

    Go slow: a busier schedule waits for the first day of a new cycle. On a
    paused day the cycle offset is that of the first day back.
    """
    busier = (
        proposed.dose_days_per_week()
        > current.dose_days_per_week() + _FREQUENCY_TOLERANCE
    )
    if not busier or today < current.start:
        return ()
    return () if current.is_cycle_start(today) else (MORE_FREQUENT_MID_CYCLE,)
