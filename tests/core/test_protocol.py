"""Tests for the dosing schedule: real calendars, pauses, changes and properties."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
import json
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.microdose_together.core.protocol import (
    MORE_FREQUENT_MID_CYCLE,
    PRESET_PATTERNS,
    CyclePosition,
    Pause,
    Phase,
    Preset,
    Protocol,
    change_refusals,
    local_day,
)

ONE_DAY = timedelta(days=1)
MONDAY = date(2026, 1, 5)
PATTERN_PRESETS = [preset for preset in Preset if preset is not Preset.WEEKDAYS]


def d(text: str) -> date:
    return date.fromisoformat(text)


def days(first: str, last: str) -> list[date]:
    """Every date from `first` to `last`, both included."""
    count = (d(last) - d(first)).days + 1
    return [d(first) + ONE_DAY * offset for offset in range(count)]


def expected_phases(
    first: str, last: str, doses: list[str], breaks: list[date]
) -> dict[date, Phase]:
    """Phases written out by hand: dose days, break days, the rest rest days."""
    dose_days = {d(text) for text in doses}
    phases = {}
    for day in days(first, last):
        if day in dose_days:
            phases[day] = Phase.DOSE_DAY
        elif day in breaks:
            phases[day] = Phase.TOLERANCE_BREAK
        else:
            phases[day] = Phase.REST_DAY
    return phases


def fadiman() -> Protocol:
    return Protocol(preset=Preset.FADIMAN, start=MONDAY)


# ---- real calendars ---------------------------------------------------------

FADIMAN_FIRST_CYCLE = [
    "2026-01-05", "2026-01-08", "2026-01-11", "2026-01-14", "2026-01-17",
    "2026-01-20", "2026-01-23", "2026-01-26", "2026-01-29", "2026-02-01",
]  # fmt: skip


def test_fadiman_six_weeks_from_monday() -> None:
    protocol = fadiman()
    breaks = days("2026-02-02", "2026-02-15")
    expected = expected_phases(
        "2026-01-05", "2026-02-16", [*FADIMAN_FIRST_CYCLE, "2026-02-16"], breaks
    )
    assert {day: protocol.phase(day) for day in expected} == expected
    assert protocol.dose_days(d("2026-01-01"), d("2026-02-16")) == [
        d(text) for text in [*FADIMAN_FIRST_CYCLE, "2026-02-16"]
    ]
    assert protocol.position(d("2026-02-16")) == CyclePosition(2, 1, 1, False)
    assert protocol.next_dose_date(d("2026-02-02")) == d("2026-02-16")


def test_weekdays_monday_and_thursday() -> None:
    protocol = Protocol(
        preset=Preset.WEEKDAYS, start=MONDAY, weekdays=frozenset({0, 3})
    )
    doses = [
        "2026-01-05", "2026-01-08", "2026-01-12", "2026-01-15", "2026-01-19",
        "2026-01-22", "2026-01-26", "2026-01-29", "2026-02-16", "2026-02-19",
    ]  # fmt: skip
    breaks = days("2026-02-02", "2026-02-15")
    expected = expected_phases("2026-01-05", "2026-02-22", doses, breaks)
    assert {day: protocol.phase(day) for day in expected} == expected


def test_weekdays_started_midweek_keeps_weeks_from_the_start() -> None:
    """The cycle counts from the start date, so the break begins on a Wednesday."""
    protocol = Protocol(
        preset=Preset.WEEKDAYS, start=d("2026-01-07"), weekdays=frozenset({0, 3})
    )
    doses = [
        "2026-01-08", "2026-01-12", "2026-01-15", "2026-01-19", "2026-01-22",
        "2026-01-26", "2026-01-29", "2026-02-02", "2026-02-19",
    ]  # fmt: skip
    breaks = days("2026-02-04", "2026-02-17")
    expected = expected_phases("2026-01-07", "2026-02-20", doses, breaks)
    assert {day: protocol.phase(day) for day in expected} == expected


def test_five_two_follows_the_start_day_not_the_week() -> None:
    """Started on a Wednesday, the two rest days are Monday and Tuesday."""
    protocol = Protocol(
        preset=Preset.FIVE_TWO, start=d("2026-01-07"), weeks_on=2, weeks_off=1
    )
    doses = [
        "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-11",
        "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-17", "2026-01-18",
        "2026-01-28", "2026-01-29", "2026-01-30", "2026-01-31", "2026-02-01",
    ]  # fmt: skip
    breaks = days("2026-01-21", "2026-01-27")
    expected = expected_phases("2026-01-07", "2026-02-03", doses, breaks)
    assert {day: protocol.phase(day) for day in expected} == expected


def test_custom_two_on_three_off() -> None:
    protocol = Protocol(preset=Preset.CUSTOM, start=MONDAY, days_on=2, days_off=3)
    doses = [
        "2026-01-05", "2026-01-06", "2026-01-10", "2026-01-11", "2026-01-15",
        "2026-01-16", "2026-01-20", "2026-01-21", "2026-01-25", "2026-01-26",
        "2026-01-30", "2026-01-31", "2026-02-16", "2026-02-17", "2026-02-21",
        "2026-02-22",
    ]  # fmt: skip
    breaks = days("2026-02-02", "2026-02-15")
    expected = expected_phases("2026-01-05", "2026-02-22", doses, breaks)
    assert {day: protocol.phase(day) for day in expected} == expected


def test_no_break_when_weeks_off_is_zero() -> None:
    protocol = Protocol(
        preset=Preset.EVERY_OTHER_DAY, start=MONDAY, weeks_on=1, weeks_off=0
    )
    assert protocol.dose_days(d("2026-01-05"), d("2026-01-18")) == [
        d(text)
        for text in [
            "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-11",
            "2026-01-12", "2026-01-14", "2026-01-16", "2026-01-18",
        ]
    ]  # fmt: skip
    assert protocol.position(d("2026-01-12")) == CyclePosition(2, 1, 1, False)
    assert protocol.break_end(d("2026-01-12")) is None


@pytest.mark.parametrize(
    ("preset", "pattern"),
    [
        (Preset.FADIMAN, (1, 2)),
        (Preset.EVERY_OTHER_DAY, (1, 1)),
        (Preset.FOUR_THREE, (4, 3)),
        (Preset.FIVE_TWO, (5, 2)),
    ],
)
def test_named_presets_pin_their_pattern(
    preset: Preset, pattern: tuple[int, int]
) -> None:
    protocol = Protocol(preset=preset, start=MONDAY, days_on=6, days_off=6)
    assert PRESET_PATTERNS[preset] == pattern
    assert (protocol.days_on, protocol.days_off) == pattern


def test_before_the_start() -> None:
    protocol = fadiman()
    assert protocol.phase(d("2026-01-04")) is Phase.REST_DAY
    assert protocol.position(d("2026-01-04")) is None
    assert protocol.completed_cycles(d("2026-01-04")) == 0
    assert protocol.next_dose_date(d("2025-12-01")) == MONDAY
    assert protocol.dose_days(d("2026-01-06"), d("2026-01-05")) == []


@pytest.mark.parametrize(
    ("day", "position"),
    [
        ("2026-01-05", CyclePosition(1, 1, 1, False)),
        ("2026-01-11", CyclePosition(1, 7, 1, False)),
        ("2026-01-12", CyclePosition(1, 8, 2, False)),
        ("2026-02-01", CyclePosition(1, 28, 4, False)),
        ("2026-02-02", CyclePosition(1, 29, 5, True)),
        ("2026-02-15", CyclePosition(1, 42, 6, True)),
        ("2026-02-16", CyclePosition(2, 1, 1, False)),
        ("2026-03-30", CyclePosition(3, 1, 1, False)),
    ],
)
def test_position(day: str, position: CyclePosition) -> None:
    assert fadiman().position(d(day)) == position


@pytest.mark.parametrize(
    ("day", "completed"),
    [
        ("2026-01-05", 0),
        ("2026-02-15", 0),
        ("2026-02-16", 1),
        ("2026-03-29", 1),
        ("2026-03-30", 2),
    ],
)
def test_completed_cycles(day: str, completed: int) -> None:
    assert fadiman().completed_cycles(d(day)) == completed


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-01-05", "2026-01-05"),
        ("2026-01-06", "2026-01-08"),
        ("2026-02-01", "2026-02-01"),
        ("2026-02-02", "2026-02-16"),
        ("2026-02-15", "2026-02-16"),
    ],
)
def test_next_dose_date(day: str, expected: str) -> None:
    assert fadiman().next_dose_date(d(day)) == d(expected)


def test_next_dose_date_more_than_a_cycle_away() -> None:
    """Skipped days can push the next dose day past a whole cycle."""
    protocol = fadiman()
    for day in [*FADIMAN_FIRST_CYCLE[1:], "2026-02-16"]:
        protocol = protocol.skip(d(day))
    assert protocol.next_dose_date(d("2026-01-06")) == d("2026-02-19")


def test_next_dose_date_when_a_pause_hides_the_only_weekday() -> None:
    """Sundays only, one week on and one off: pausing on the first Sunday moves
    the next Sunday into the break, so the next dose is two Sundays later."""
    protocol = Protocol(
        preset=Preset.WEEKDAYS,
        start=MONDAY,
        weekdays=frozenset({6}),
        weeks_on=1,
        weeks_off=1,
    )
    held = replace(protocol, pauses=(Pause(d("2026-01-11"), d("2026-01-12")),))
    assert protocol.next_dose_date(MONDAY) == d("2026-01-11")
    assert held.phase(d("2026-01-18")) is Phase.TOLERANCE_BREAK
    assert held.next_dose_date(MONDAY) == d("2026-01-25")


def test_break_end() -> None:
    protocol = fadiman()
    assert protocol.break_end(d("2026-02-01")) is None
    assert protocol.break_end(d("2026-02-02")) == d("2026-02-16")
    assert protocol.break_end(d("2026-02-15")) == d("2026-02-16")
    held = replace(protocol, pauses=(Pause(d("2026-02-05"), d("2026-02-08")),))
    assert held.break_end(d("2026-02-02")) == d("2026-02-19")
    assert held.break_end(d("2026-02-06")) is None  # paused, not in the break
    # A pause right after the break: the next cycle starts on the first day back.
    after = replace(protocol, pauses=(Pause(d("2026-02-16"), d("2026-02-18")),))
    assert after.break_end(d("2026-02-10")) == d("2026-02-18")
    open_ended = protocol.pause(d("2026-02-10"))
    assert open_ended.break_end(d("2026-02-03")) is None


# ---- pauses -----------------------------------------------------------------


def test_pause_pushes_later_days_back() -> None:
    """Paused on the 9th and 10th: every later day moves two days on."""
    protocol = fadiman().pause(d("2026-01-09")).resume(d("2026-01-11"))
    assert protocol.pauses == (Pause(d("2026-01-09"), d("2026-01-11")),)
    doses = [
        "2026-01-05", "2026-01-08", "2026-01-13", "2026-01-16", "2026-01-19",
        "2026-01-22", "2026-01-25", "2026-01-28", "2026-01-31", "2026-02-03",
        "2026-02-18",
    ]  # fmt: skip
    breaks = days("2026-02-04", "2026-02-17")
    expected = expected_phases("2026-01-05", "2026-02-18", doses, breaks)
    expected[d("2026-01-09")] = expected[d("2026-01-10")] = Phase.PAUSED
    assert {day: protocol.phase(day) for day in expected} == expected
    assert protocol.position(d("2026-01-10")) is None
    assert protocol.position(d("2026-01-11")) == CyclePosition(1, 5, 1, False)


def test_pause_before_the_start_only_counts_from_the_start() -> None:
    protocol = replace(fadiman(), pauses=(Pause(d("2026-01-01"), d("2026-01-07")),))
    assert protocol.phase(d("2026-01-02")) is Phase.PAUSED
    assert protocol.next_dose_date(d("2026-01-01")) == d("2026-01-07")
    early = replace(fadiman(), pauses=(Pause(d("2025-12-01"), d("2025-12-10")),))
    assert early.dose_days(MONDAY, d("2026-01-11")) == fadiman().dose_days(
        MONDAY, d("2026-01-11")
    )


def test_open_pause() -> None:
    protocol = fadiman().pause(d("2026-01-07"))
    assert not protocol.is_paused_now(d("2026-01-06"))
    assert protocol.is_paused_now(d("2026-01-07"))
    assert protocol.paused_on(d("2027-06-01"))
    assert protocol.phase(d("2027-06-01")) is Phase.PAUSED
    assert protocol.next_dose_date(d("2026-01-06")) is None
    assert protocol.next_dose_date(d("2026-01-05")) == MONDAY
    with pytest.raises(ValueError, match="already paused since 2026-01-07"):
        protocol.pause(d("2026-01-20"))


def test_a_pause_from_tomorrow_is_open_but_not_yet_in_force() -> None:
    protocol = fadiman().pause(d("2026-01-06"))
    assert protocol.has_open_pause
    assert not protocol.is_paused_now(MONDAY)
    assert not protocol.paused_on(MONDAY)
    assert protocol.phase(MONDAY) is Phase.DOSE_DAY
    assert protocol.pause_begins_after(MONDAY) == d("2026-01-06")
    assert protocol.pause_begins_after(d("2026-01-06")) is None  # in force now
    assert not fadiman().has_open_pause
    assert fadiman().pause_begins_after(MONDAY) is None
    assert protocol.resume(MONDAY) == fadiman()


def test_pause_refusals() -> None:
    closed = replace(fadiman(), pauses=(Pause(d("2026-01-10"), d("2026-01-12")),))
    with pytest.raises(ValueError, match="already paused on 2026-01-11"):
        closed.pause(d("2026-01-11"))
    with pytest.raises(ValueError, match="pauses overlap"):
        closed.pause(d("2026-01-08"))
    with pytest.raises(ValueError, match="not paused"):
        closed.resume(d("2026-01-20"))
    assert closed.pause(d("2026-01-12")).pauses[-1] == Pause(d("2026-01-12"))


def test_resume_on_the_pause_day_leaves_no_pause() -> None:
    protocol = fadiman()
    assert protocol.pause(MONDAY).resume(MONDAY) == protocol
    assert protocol.pause(d("2026-01-09")).resume(d("2026-01-07")) == protocol


def test_pause_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="must end after it starts"):
        Pause(MONDAY, MONDAY)


def test_pauses_are_kept_in_order() -> None:
    first = Pause(d("2026-01-06"), d("2026-01-07"))
    second = Pause(d("2026-01-09"))
    protocol = replace(fadiman(), pauses=(second, first))
    assert protocol.pauses == (first, second)


# ---- skipping and moving ----------------------------------------------------


def test_skip() -> None:
    protocol = fadiman().skip(MONDAY)
    assert protocol.phase(MONDAY) is Phase.REST_DAY
    assert protocol.next_dose_date(MONDAY) == d("2026-01-08")
    with pytest.raises(ValueError, match="2026-01-05 is not a dose day"):
        protocol.skip(MONDAY)
    with pytest.raises(ValueError, match="2026-01-09 is not a dose day"):
        protocol.skip(d("2026-01-09"))


def test_postpone_moves_to_the_next_rest_day() -> None:
    protocol, moved_to = fadiman().postpone(MONDAY)
    assert moved_to == d("2026-01-06")
    assert protocol.phase(MONDAY) is Phase.REST_DAY
    assert protocol.phase(moved_to) is Phase.DOSE_DAY
    assert protocol.dose_days(MONDAY, d("2026-01-11")) == [
        d("2026-01-06"), d("2026-01-08"), d("2026-01-11")
    ]  # fmt: skip
    # Skipping a moved dose removes it again.
    assert protocol.skip(moved_to).dose_days(MONDAY, d("2026-01-07")) == []
    assert protocol.skip(moved_to).extra == frozenset()


def test_postpone_passes_over_dose_pause_and_skipped_days() -> None:
    """Four on, three off: Wednesday skipped and Thursday paused, Tuesday's dose
    goes to Saturday (Friday is a dose day once the pause holds the pattern)."""
    protocol = Protocol(preset=Preset.FOUR_THREE, start=MONDAY)
    protocol = protocol.skip(d("2026-01-07"))
    protocol = replace(protocol, pauses=(Pause(d("2026-01-08"), d("2026-01-09")),))
    assert protocol.phase(d("2026-01-09")) is Phase.DOSE_DAY
    moved, moved_to = protocol.postpone(d("2026-01-06"))
    assert moved_to == d("2026-01-10")
    assert moved.phase(d("2026-01-06")) is Phase.REST_DAY
    assert moved.phase(d("2026-01-07")) is Phase.REST_DAY


def test_postpone_refused_at_the_end_of_the_on_period() -> None:
    protocol = Protocol(
        preset=Preset.EVERY_OTHER_DAY, start=MONDAY, weeks_on=1, weeks_off=1
    )
    with pytest.raises(ValueError, match="no rest day left"):
        protocol.postpone(d("2026-01-11"))
    with pytest.raises(ValueError, match="no rest day left"):
        protocol.pause(d("2026-01-10")).postpone(d("2026-01-09"))
    with pytest.raises(ValueError, match="not a dose day"):
        protocol.postpone(d("2026-01-06"))


def test_postpone_never_crosses_into_the_next_cycle() -> None:
    """Without a break the next day is already the next cycle's first day."""
    protocol = Protocol(
        preset=Preset.WEEKDAYS,
        start=MONDAY,
        weekdays=frozenset({6}),
        weeks_on=1,
        weeks_off=0,
    )
    assert protocol.phase(d("2026-01-12")) is Phase.REST_DAY
    with pytest.raises(ValueError, match="no rest day left"):
        protocol.postpone(d("2026-01-11"))


def test_extra_days() -> None:
    protocol = replace(
        fadiman(),
        extra=frozenset({d("2026-01-01"), d("2026-01-06"), d("2026-02-03")}),
        skipped=frozenset({d("2026-01-07")}),
    )
    assert protocol.phase(d("2026-01-06")) is Phase.DOSE_DAY
    assert protocol.phase(d("2026-02-03")) is Phase.TOLERANCE_BREAK
    assert protocol.phase(d("2026-01-07")) is Phase.REST_DAY
    # A day before the start is a rest day, so an extra one there is a dose day,
    # but it has no place in a cycle to move within.
    assert protocol.phase(d("2026-01-01")) is Phase.DOSE_DAY
    with pytest.raises(ValueError, match="no rest day left"):
        protocol.postpone(d("2026-01-01"))


# ---- frequency and the go-slow rule -----------------------------------------


@pytest.mark.parametrize(
    ("protocol", "per_week"),
    [
        (Protocol(preset=Preset.FADIMAN, start=MONDAY), 2.5),
        (Protocol(preset=Preset.FADIMAN, start=MONDAY, weeks_on=1), 3.0),
        (Protocol(preset=Preset.EVERY_OTHER_DAY, start=MONDAY), 3.5),
        (Protocol(preset=Preset.FOUR_THREE, start=MONDAY), 4.0),
        (Protocol(preset=Preset.FIVE_TWO, start=MONDAY), 5.0),
        (Protocol(preset=Preset.CUSTOM, start=MONDAY, days_on=2, days_off=3), 3.0),
        (Protocol(preset=Preset.CUSTOM, start=MONDAY, days_on=1, days_off=0), 7.0),
        (
            Protocol(preset=Preset.WEEKDAYS, start=MONDAY, weekdays=frozenset({1})),
            1.0,
        ),
    ],
)
def test_dose_days_per_week(protocol: Protocol, per_week: float) -> None:
    assert protocol.dose_days_per_week() == pytest.approx(per_week)


BUSIER = Protocol(preset=Preset.EVERY_OTHER_DAY, start=MONDAY)
GENTLER = Protocol(preset=Preset.WEEKDAYS, start=MONDAY, weekdays=frozenset({1}))
SAME = Protocol(preset=Preset.CUSTOM, start=MONDAY, days_on=1, days_off=2)


@pytest.mark.parametrize(
    ("current", "proposed", "today", "refusals"),
    [
        (fadiman(), BUSIER, "2026-01-14", (MORE_FREQUENT_MID_CYCLE,)),
        (fadiman(), BUSIER, "2026-02-02", (MORE_FREQUENT_MID_CYCLE,)),
        (fadiman(), BUSIER, "2026-02-16", ()),
        (fadiman(), BUSIER, "2026-01-05", ()),
        (fadiman(), BUSIER, "2026-01-01", ()),
        (fadiman(), GENTLER, "2026-01-14", ()),
        (fadiman(), SAME, "2026-01-14", ()),
        (BUSIER, fadiman(), "2026-01-14", ()),
    ],
)
def test_change_refusals(
    current: Protocol, proposed: Protocol, today: str, refusals: tuple[str, ...]
) -> None:
    assert change_refusals(current, proposed, d(today)) == refusals


def test_change_while_paused_uses_the_first_day_back() -> None:
    at_cycle_start = fadiman().pause(d("2026-02-16"))
    assert change_refusals(at_cycle_start, BUSIER, d("2026-02-20")) == ()
    mid_cycle = fadiman().pause(d("2026-01-09"))
    assert change_refusals(mid_cycle, BUSIER, d("2026-02-16")) == (
        MORE_FREQUENT_MID_CYCLE,
    )


# ---- validation and storage -------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preset": Preset.CUSTOM, "days_on": 0}, "days_on must be at least 1"),
        ({"preset": Preset.CUSTOM, "days_off": -1}, "days_off must be 0 or more"),
        ({"weeks_on": 0}, "weeks_on must be at least 1"),
        ({"weeks_off": -1}, "weeks_off must be 0 or more"),
        ({"preset": Preset.WEEKDAYS}, "needs at least one weekday"),
        ({"weekdays": frozenset({7})}, r"weekdays must be 0 \(Monday\) to 6"),
        ({"weekdays": frozenset({-1})}, r"weekdays must be 0 \(Monday\) to 6"),
        (
            {"pauses": (Pause(MONDAY), Pause(d("2026-02-01")))},
            "pauses overlap",
        ),
        (
            {"pauses": (Pause(MONDAY, d("2026-01-09")), Pause(d("2026-01-08")))},
            "pauses overlap",
        ),
    ],
)
def test_invalid_protocols(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(fadiman(), **changes)


def test_as_dict_shape() -> None:
    protocol = replace(
        fadiman(),
        weekdays=frozenset({3, 0}),
        pauses=(Pause(d("2026-01-09"), d("2026-01-11")), Pause(d("2026-03-01"))),
        skipped=frozenset({d("2026-01-14"), d("2026-01-08")}),
        extra=frozenset({d("2026-01-15")}),
    )
    data = protocol.as_dict()
    assert data == {
        "preset": "fadiman",
        "start": "2026-01-05",
        "days_on": 1,
        "days_off": 2,
        "weekdays": [0, 3],
        "weeks_on": 4,
        "weeks_off": 2,
        "pauses": [
            {"start": "2026-01-09", "end": "2026-01-11"},
            {"start": "2026-03-01", "end": None},
        ],
        "skipped": ["2026-01-08", "2026-01-14"],
        "extra": ["2026-01-15"],
    }
    assert Protocol.from_dict(data) == protocol


def test_from_dict_fills_missing_counts() -> None:
    protocol = Protocol.from_dict(
        {"preset": Preset.CUSTOM, "start": "2026-01-05", "weekdays": ["2"]}
    )
    assert protocol == Protocol(
        preset=Preset.CUSTOM, start=MONDAY, weekdays=frozenset({2})
    )
    with pytest.raises(ValueError, match="'sometimes' is not a valid Preset"):
        Protocol.from_dict({"preset": "sometimes", "start": "2026-01-05"})


# ---- local days across daylight saving time ---------------------------------


def quarter_hours(first_utc: str, after_utc: str) -> list[datetime]:
    first = datetime.fromisoformat(first_utc).replace(tzinfo=UTC)
    after = datetime.fromisoformat(after_utc).replace(tzinfo=UTC)
    count = int((after - first) / timedelta(minutes=15))
    return [first + timedelta(minutes=15) * step for step in range(count)]


DST_CASES = [
    pytest.param(
        "Europe/Helsinki",
        ("2026-03-26T22:00", "2026-04-01T21:00"),  # local midnight to midnight
        Protocol(preset=Preset.EVERY_OTHER_DAY, start=d("2026-03-27")),
        {"2026-03-27": 96, "2026-03-28": 96, "2026-03-29": 92, "2026-03-30": 96,
         "2026-03-31": 96, "2026-04-01": 96},
        ["2026-03-27", "2026-03-29", "2026-03-31"],
        id="helsinki-spring",
    ),
    pytest.param(
        "Europe/Helsinki",
        ("2026-10-22T21:00", "2026-10-27T22:00"),
        Protocol(preset=Preset.EVERY_OTHER_DAY, start=d("2026-10-23")),
        {"2026-10-23": 96, "2026-10-24": 96, "2026-10-25": 100, "2026-10-26": 96,
         "2026-10-27": 96},
        ["2026-10-23", "2026-10-25", "2026-10-27"],
        id="helsinki-autumn",
    ),
    pytest.param(
        "America/New_York",
        ("2026-03-06T05:00", "2026-03-12T04:00"),
        Protocol(preset=Preset.FOUR_THREE, start=d("2026-03-07")),
        {"2026-03-06": 96, "2026-03-07": 96, "2026-03-08": 92, "2026-03-09": 96,
         "2026-03-10": 96, "2026-03-11": 96},
        ["2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"],
        id="new-york-spring",
    ),
    pytest.param(
        "America/New_York",
        ("2026-10-30T04:00", "2026-11-04T05:00"),
        Protocol(
            preset=Preset.WEEKDAYS, start=d("2026-10-26"), weekdays=frozenset({6, 0})
        ),
        {"2026-10-30": 96, "2026-10-31": 96, "2026-11-01": 100, "2026-11-02": 96,
         "2026-11-03": 96},
        ["2026-11-01", "2026-11-02"],
        id="new-york-autumn",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("zone", "window", "protocol", "per_day", "dose_days"), DST_CASES
)
def test_dose_days_across_daylight_saving(
    zone: str,
    window: tuple[str, str],
    protocol: Protocol,
    per_day: dict[str, int],
    dose_days: list[str],
) -> None:
    """Every quarter hour maps to exactly one local day; days come once, in order."""
    local = [local_day(moment, ZoneInfo(zone)) for moment in quarter_hours(*window)]
    runs = [day for day, _ in groupby(local)]
    assert runs == [d(text) for text in per_day]
    assert Counter(local) == {d(text): count for text, count in per_day.items()}
    assert [day for day in runs if protocol.is_dose_day(day)] == [
        d(text) for text in dose_days
    ]


def test_local_day_at_the_change() -> None:
    helsinki = ZoneInfo("Europe/Helsinki")
    assert local_day(datetime(2026, 3, 28, 21, 59, tzinfo=UTC), helsinki) == d(
        "2026-03-28"
    )
    assert local_day(datetime(2026, 3, 28, 22, 0, tzinfo=UTC), helsinki) == d(
        "2026-03-29"
    )
    with pytest.raises(ValueError, match="no time zone"):
        local_day(datetime(2026, 3, 29, 12, 0), helsinki)


# ---- properties -------------------------------------------------------------

START_DATES = st.dates(date(2000, 1, 1), date(2080, 12, 31))
ANY_PRESET = st.sampled_from(Preset)


@st.composite
def plain_protocols(
    draw: st.DrawFn, presets: st.SearchStrategy[Preset] = ANY_PRESET
) -> Protocol:
    return Protocol(
        preset=draw(presets),
        start=draw(START_DATES),
        days_on=draw(st.integers(1, 6)),
        days_off=draw(st.integers(0, 6)),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        weeks_on=draw(st.integers(1, 6)),
        weeks_off=draw(st.integers(0, 3)),
    )


@st.composite
def pause_lists(draw: st.DrawFn, near: date) -> tuple[Pause, ...]:
    spans = draw(
        st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=4)
    )
    day = near - timedelta(days=10)
    pauses = []
    for gap, length in spans:
        day += timedelta(days=gap)
        pauses.append(Pause(day, day + timedelta(days=length)))
        day += timedelta(days=length)
    if draw(st.booleans()):
        pauses.append(Pause(day + timedelta(days=draw(st.integers(0, 60)))))
    return tuple(pauses)


@st.composite
def decorated_protocols(draw: st.DrawFn) -> Protocol:
    base = draw(plain_protocols())
    near = st.dates(base.start - timedelta(days=10), base.start + timedelta(days=200))
    return replace(
        base,
        pauses=draw(pause_lists(base.start)),
        skipped=draw(st.frozensets(near, max_size=12)),
        extra=draw(st.frozensets(near, max_size=6)),
    )


@given(plain_protocols(), st.integers(0, 400))
def test_phases_repeat_with_the_cycle(protocol: Protocol, offset: int) -> None:
    day = protocol.start + timedelta(days=offset)
    later = day + timedelta(days=protocol.cycle_length)
    assert protocol.phase(day) is protocol.phase(later)
    here = protocol.position(day)
    assert here is not None
    assert protocol.position(later) == replace(here, cycle=here.cycle + 1)


@settings(deadline=None)
@given(
    plain_protocols(st.sampled_from(PATTERN_PRESETS)),
    st.integers(0, 120),
    st.integers(1, 30),
)
def test_pause_shifts_every_later_dose_day(
    protocol: Protocol, offset: int, length: int
) -> None:
    first = protocol.start + timedelta(days=offset)
    held = replace(protocol, pauses=(Pause(first, first + timedelta(days=length)),))
    shift = timedelta(days=length)
    window = protocol.cycle_length + 7
    before = protocol.dose_days(protocol.start, first - ONE_DAY)
    later = protocol.dose_days(first, first + timedelta(days=window))
    assert held.dose_days(protocol.start, first - ONE_DAY) == before
    assert held.dose_days(first, first + shift - ONE_DAY) == []
    assert held.dose_days(first + shift, first + shift + timedelta(days=window)) == [
        day + shift for day in later
    ]


@settings(deadline=None)
@given(
    plain_protocols(st.just(Preset.WEEKDAYS)), st.integers(0, 120), st.integers(1, 30)
)
def test_pause_keeps_weekdays_on_their_weekdays(
    protocol: Protocol, offset: int, length: int
) -> None:
    """The couple chose weekdays to fit their week, so a pause moves only the
    tolerance break; dose days never leave the chosen weekdays."""
    first = protocol.start + timedelta(days=offset)
    held = replace(protocol, pauses=(Pause(first, first + timedelta(days=length)),))
    shift = timedelta(days=length)
    for step in range(protocol.cycle_length + 7):
        day = first + timedelta(days=step)
        in_break = protocol.phase(day) is Phase.TOLERANCE_BREAK
        assert (held.phase(day + shift) is Phase.TOLERANCE_BREAK) == in_break
        if held.is_dose_day(day + shift):
            assert (day + shift).weekday() in protocol.weekdays


@settings(deadline=None)
@given(decorated_protocols(), st.integers(-30, 300))
def test_next_dose_date_is_the_first_dose_day_from_the_day(
    protocol: Protocol, offset: int
) -> None:
    day = protocol.start + timedelta(days=offset)
    found = protocol.next_dose_date(day)
    if found is None:
        open_pause = protocol.pauses[-1]
        assert open_pause.end is None
        assert protocol.dose_days(day, open_pause.start) == []
    else:
        assert found >= day
        assert protocol.is_dose_day(found)
        assert protocol.dose_days(day, found - ONE_DAY) == []


@settings(deadline=None)
@given(decorated_protocols(), st.integers(0, 300))
def test_postpone_moves_one_dose_within_the_on_period(
    protocol: Protocol, offset: int
) -> None:
    day = protocol.next_dose_date(protocol.start + timedelta(days=offset))
    if day is None or day < protocol.start:
        return
    try:
        moved, target = protocol.postpone(day)
    except ValueError:
        return
    assert target > day
    assert not moved.is_dose_day(day)
    assert moved.is_dose_day(target)
    assert not protocol.is_dose_day(target)
    moved_to, moved_from = moved.position(target), protocol.position(day)
    assert moved_to is not None
    assert moved_from is not None
    assert moved_to.cycle == moved_from.cycle
    assert not moved_to.in_break
    window = protocol.dose_days(day - ONE_DAY * 7, target + ONE_DAY * 7)
    assert moved.dose_days(day - ONE_DAY * 7, target + ONE_DAY * 7) == sorted(
        {*window, target} - {day}
    )


@given(decorated_protocols())
def test_round_trip(protocol: Protocol) -> None:
    data = json.loads(json.dumps(protocol.as_dict()))
    assert Protocol.from_dict(data) == protocol
    assert Protocol.from_dict(data).as_dict() == protocol.as_dict()


@given(plain_protocols(), st.integers(0, 200), st.integers(1, 60))
def test_pause_then_resume_is_one_closed_pause(
    protocol: Protocol, offset: int, length: int
) -> None:
    first = protocol.start + timedelta(days=offset)
    back = first + timedelta(days=length)
    resumed = protocol.pause(first).resume(back)
    assert resumed == replace(protocol, pauses=(Pause(first, back),))
    assert not resumed.is_paused_now(back)
    assert resumed.phase(back) is not Phase.PAUSED
