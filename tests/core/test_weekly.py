"""Tests for the week in numbers that the weekly summary sends to both phones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
import json
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st

from custom_components.microdose_together.core.checkins import CheckIn
from custom_components.microdose_together.core.doses import DoseLog, DoseRecord, Form
from custom_components.microdose_together.core.protocol import Phase, Preset, Protocol
from custom_components.microdose_together.core.weekly import (
    PartnerWeek,
    next_summary_at,
    week_summary,
)

MONDAY = date(2026, 1, 5)
HELSINKI_WINTER = timezone(timedelta(hours=2))
# Fadiman from a Monday, 4 weeks on and 2 off: dose days at offsets 0, 3, ... 27,
# the tolerance break at offsets 28-41, cycle 2 from offset 42.
FADIMAN = Protocol(preset=Preset.FADIMAN, start=MONDAY)
PRIVATE_NOTE = "weekly-core-private-note-51c2"


def on(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def checkin(
    offset: int,
    *,
    partner: int = 1,
    mood: int = 3,
    connection: int = 3,
    hour: int = 21,
    checkin_id: str | None = None,
    note: str | None = None,
) -> CheckIn:
    day = on(offset)
    return CheckIn(
        id=checkin_id or f"c{partner}-{offset}-{hour}",
        partner=partner,
        day=day,
        at=datetime.combine(day, time(hour), tzinfo=HELSINKI_WINTER),
        mood=mood,
        connection=connection,
        stress=2,
        note=note,
    )


def doses(*taken: tuple[int, int]) -> DoseLog:
    """Return a log of (offset, partner) doses of 0.1 g dried at 08:00."""
    return DoseLog(
        records=[
            DoseRecord(
                id=f"d{partner}-{offset}",
                partner=partner,
                day=on(offset),
                taken_at=datetime.combine(on(offset), time(8), HELSINKI_WINTER),
                amount_g=0.1,
                form=Form.DRIED,
            )
            for offset, partner in taken
        ]
    )


def test_second_week_by_hand() -> None:
    """Sunday 18 January: the week is Monday 12 to Sunday 18 January.

    Alex checked in on three days of it (mood 3, 5, 4: 4.0; connection 4, 5,
    2: 3.67 shown as 3.7), once on day 9 in the morning and again in the
    evening (the evening counts), once the Sunday before (outside). Alex dosed
    on days 9 and 12 (and 6, outside); Sam dosed on day 9 and did not check in.
    The schedule had two dose days (9 and 12); Sunday is a rest day and the
    next dose day is Tuesday 20 January.
    """
    checkins = [
        checkin(6, mood=1, connection=1),
        checkin(7, mood=3, connection=4),
        checkin(9, mood=1, connection=1, hour=8),
        checkin(9, mood=5, connection=5),
        checkin(12, mood=4, connection=2),
        checkin(14, mood=1, connection=1),  # tomorrow: not in this week
    ]
    log = doses((6, 1), (9, 1), (12, 1), (9, 2))
    week = week_summary(FADIMAN, checkins, log, today=on(13))

    assert (week.start, week.end, week.days) == (on(7), on(13), 7)
    assert week.partners[1] == PartnerWeek(3, 4.0, 11 / 3, 2)
    assert week.partners[2] == PartnerWeek(0, None, None, 1)
    assert week.scheduled_doses == 2
    assert week.phase is Phase.REST_DAY
    assert week.next_dose == date(2026, 1, 20)
    assert week.baseline is False
    assert week.as_dict() == {
        "start": "2026-01-12",
        "end": "2026-01-18",
        "days": 7,
        "partners": {
            "1": {"checkin_days": 3, "mood": 4.0, "connection": 3.7, "doses": 2},
            "2": {"checkin_days": 0, "mood": None, "connection": None, "doses": 1},
        },
        "scheduled_doses": 2,
        "phase": "rest_day",
        "next_dose": "2026-01-20",
        "baseline": False,
    }


def test_same_moment_the_larger_id_counts() -> None:
    """Two check-ins at the same moment: the larger id is the day's, in any order."""
    first = checkin(8, mood=2, connection=2, checkin_id="a")
    second = checkin(8, mood=5, connection=4, checkin_id="b")
    for records in ([first, second], [second, first]):
        week = week_summary(FADIMAN, records, doses(), today=on(13))
        assert week.partners[1] == PartnerWeek(1, 5.0, 4.0, 0)


def test_baseline_week_before_the_first_day() -> None:
    """The week before the protocol starts is the baseline: no dose days yet."""
    checkins = [checkin(-3, partner=2, mood=2, connection=5)]
    week = week_summary(FADIMAN, checkins, doses(), today=on(-1))
    assert week.baseline is True
    assert week.scheduled_doses == 0
    assert week.next_dose == MONDAY
    assert week.partners[2] == PartnerWeek(1, 2.0, 5.0, 0)


def test_a_week_of_tolerance_break() -> None:
    """In the break the schedule has no dose days; the next is cycle 2's first."""
    week = week_summary(FADIMAN, [], doses(), today=on(34))
    assert week.phase is Phase.TOLERANCE_BREAK
    assert week.scheduled_doses == 0
    assert week.next_dose == on(42)


def test_a_dose_day_taken_by_both_points_to_the_next() -> None:
    """Monday 26 January is a dose day; once both dosed, the next is Thursday."""
    assert FADIMAN.is_dose_day(on(21))
    one = week_summary(FADIMAN, [], doses((21, 1)), today=on(21))
    both = week_summary(FADIMAN, [], doses((21, 1), (21, 2)), today=on(21))
    assert one.next_dose == on(21)
    assert both.next_dose == date(2026, 1, 29)
    assert both.phase is Phase.DOSE_DAY
    # Days 15, 18 and 21 are the dose days of the week from day 15 to 21.
    assert both.scheduled_doses == 3


def test_paused_open_ended_has_no_next_dose() -> None:
    """While paused with no end, no dose day lies ahead."""
    paused = FADIMAN.pause(on(10))
    week = week_summary(paused, [], doses(), today=on(13))
    assert week.phase is Phase.PAUSED
    assert week.next_dose is None
    assert week.as_dict()["next_dose"] is None


def test_notes_never_reach_the_summary() -> None:
    """A private note in a counted check-in appears nowhere in the summary."""
    week = week_summary(
        FADIMAN,
        [checkin(10, mood=4, connection=4, note=PRIVATE_NOTE)],
        doses(),
        today=on(13),
    )
    assert week.partners[1].checkin_days == 1
    assert PRIVATE_NOTE not in json.dumps(week.as_dict())
    assert PRIVATE_NOTE not in repr(week)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 20),
            st.sampled_from((1, 2)),
            st.integers(1, 5),
            st.integers(1, 5),
            st.integers(0, 23),
        ),
        max_size=40,
    ),
    st.integers(0, 20),
)
def test_counts_and_means_stay_within_the_week(
    raw: list[tuple[int, int, int, int, int]], today: int
) -> None:
    """Days checked in never exceed the week; means stay on the 1-5 scale."""
    records = [
        checkin(offset, partner=p, mood=m, connection=c, hour=h)
        for offset, p, m, c, h in raw
    ]
    week = week_summary(FADIMAN, records, doses(), today=on(today))
    for partner, summary in week.partners.items():
        in_week = {
            r.day
            for r in records
            if r.partner == partner and week.start <= r.day <= week.end
        }
        assert summary.checkin_days == len(in_week) <= week.days
        if summary.checkin_days:
            assert summary.mood is not None
            assert summary.connection is not None
            assert 1 <= summary.mood <= 5
            assert 1 <= summary.connection <= 5
        else:
            assert (summary.mood, summary.connection) == (None, None)


HELSINKI = ZoneInfo("Europe/Helsinki")
SUNDAY = 6
SIX_PM = time(18)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=HELSINKI)


def test_next_summary_later_this_week() -> None:
    """From Monday morning the next Sunday-evening summary is six days on."""
    assert next_summary_at(at("2026-01-05T10:00"), SUNDAY, SIX_PM) == at(
        "2026-01-11T18:00"
    )


def test_next_summary_later_today_or_next_week() -> None:
    """On Sunday before 18:00 it is today; at 18:00 or after, next Sunday."""
    assert next_summary_at(at("2026-01-11T17:59:59"), SUNDAY, SIX_PM) == at(
        "2026-01-11T18:00"
    )
    assert next_summary_at(at("2026-01-11T18:00"), SUNDAY, SIX_PM) == at(
        "2026-01-18T18:00"
    )
    assert next_summary_at(at("2026-01-12T07:00"), 0, time(7, 45)) == at(
        "2026-01-12T07:45"
    )


def test_next_summary_keeps_the_wall_clock_across_a_clock_change() -> None:
    """Summer time starts on Sunday 29 March 2026: still 18:00, now at +03:00."""
    moment = next_summary_at(at("2026-03-28T12:00"), SUNDAY, SIX_PM)
    assert moment == at("2026-03-29T18:00")
    assert moment.utcoffset() == timedelta(hours=3)
    elapsed = moment.astimezone(UTC) - at("2026-03-28T12:00").astimezone(UTC)
    assert elapsed == timedelta(hours=29)  # one hour of that Sunday never happens
