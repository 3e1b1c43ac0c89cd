"""The kept indexes of the check-in and dose logs answer as a full scan would.

Each property replays a random sequence of changes and, after every step,
compares what the log answers with the answer worked out by reading every
record, the way the logs answered before they kept indexes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.microdose_together.core.checkins import CheckIn, CheckInLog
from custom_components.microdose_together.core.day_index import DayRuns, SortedDays
from custom_components.microdose_together.core.doses import (
    HARD_CEILING_G,
    DoseLog,
    DoseRecord,
    Form,
    first_day_of_cycle,
)
from custom_components.microdose_together.core.protocol import (
    Pause,
    Phase,
    Preset,
    Protocol,
)

BASE = date(2026, 1, 5)
SPAN = 12  # days: small, so days repeat and runs meet
PARTNERS = (1, 2)


def _day(offset: int) -> date:
    return BASE + timedelta(days=offset)


# ---- day indexes -------------------------------------------------------------


def _run_by_scan(days: set[date], day: date) -> int:
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


@given(st.lists(st.integers(0, SPAN), max_size=30))
def test_runs_match_a_walk_back_in_any_order(offsets: list[int]) -> None:
    runs, seen = DayRuns(), set()
    for offset in offsets:
        runs.add(_day(offset))
        seen.add(_day(offset))
        for probe in range(-1, SPAN + 2):
            day = _day(probe)
            assert runs.run_ending(day) == _run_by_scan(seen, day)
            assert (day in runs) == (day in seen)


@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(0, SPAN)),
        max_size=30,
    )
)
def test_sorted_days_count_like_a_scan(steps: list[tuple[bool, int]]) -> None:
    days, held = SortedDays(), []
    for add, offset in steps:
        day = _day(offset)
        if add:
            days.add(day)
            held.append(day)
        elif day in held:
            days.remove(day)
            held.remove(day)
        else:
            with pytest.raises(KeyError):
                days.remove(day)
        for start in range(-1, SPAN + 2, 3):
            for end in range(start - 1, SPAN + 2, 2):
                first, last = _day(start), _day(end)
                inside = sorted(d for d in held if first <= d <= last)
                assert days.count(first, last) == len(inside)
                assert days.between(first, last) == inside


# ---- check-ins ---------------------------------------------------------------


def _latest_by_scan(records: list[CheckIn]) -> CheckIn | None:
    """The latest time; on a tie, the one recorded last."""
    found = None
    for record in records:
        if found is None or record.at >= found.at:
            found = record
    return found


def _streak_by_scan(records: list[CheckIn], partner: int, today: date) -> int:
    days = {record.day for record in records if record.partner == partner}
    current = today if today in days else today - timedelta(days=1)
    return _run_by_scan(days, current)


checkin_steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("add"),
            st.sampled_from(PARTNERS),
            st.integers(0, SPAN),
            st.integers(0, 3),  # few distinct hours: ties happen
        ),
        st.tuples(
            st.just("note"), st.sampled_from(PARTNERS), st.integers(0, 40), st.just(0)
        ),
    ),
    max_size=30,
)


def _assert_checkins_like_a_scan(log: CheckInLog) -> None:
    records = log.records
    for partner in PARTNERS:
        own = [record for record in records if record.partner == partner]
        assert log.latest(partner) is _latest_by_scan(own)
        for offset in range(-1, SPAN + 2):
            day = _day(offset)
            that_day = [record for record in own if record.day == day]
            assert log.latest_on(partner, day) is _latest_by_scan(that_day)
            assert log.count_on(partner, day) == len(that_day)
            assert log.checked_in(partner, day) == bool(that_day)
            assert log.streak(partner, day) == _streak_by_scan(records, partner, day)


@settings(max_examples=60)
@given(checkin_steps)
def test_checkin_indexes_match_a_full_scan(
    steps: list[tuple[str, int, int, int]],
) -> None:
    log = CheckInLog()
    for number, (kind, partner, value, hour) in enumerate(steps):
        if kind == "add":
            day = _day(value)
            log.add(
                CheckIn(
                    id=f"c{number}",
                    partner=partner,
                    day=day,
                    at=datetime.combine(day, time(18 + hour), tzinfo=UTC),
                    mood=3,
                    connection=3,
                    stress=3,
                    note=None,
                )
            )
        elif (target := f"c{value}") in {r.id for r in log.records}:
            owner = next(r.partner for r in log.records if r.id == target)
            if owner == partner:
                assert log.set_note(target, partner, f"note {number}").note
            else:
                with pytest.raises(KeyError):
                    log.set_note(target, partner, "not theirs")
        _assert_checkins_like_a_scan(log)
    rebuilt = CheckInLog.from_dict(log.as_dict())
    assert rebuilt == log
    _assert_checkins_like_a_scan(rebuilt)
    _assert_checkins_like_a_scan(CheckInLog(records=list(log.records)))


# ---- doses -------------------------------------------------------------------

dose_steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("log"),
            st.sampled_from(PARTNERS),
            st.integers(0, SPAN),
            st.integers(0, 2),
            st.booleans(),  # on a rest day: recorded with a flag
        ),
        st.tuples(
            st.just("delete"),
            st.just(1),
            st.integers(0, 40),
            st.just(0),
            st.just(False),
        ),
    ),
    max_size=30,
)


def _assert_doses_like_a_scan(doses: DoseLog) -> None:
    records = doses.records
    for partner in PARTNERS:
        own = [record for record in records if record.partner == partner]
        assert doses.last(partner) == max(
            own, key=lambda record: record.taken_at, default=None
        )
        assert doses.off_protocol_count(partner) == sum(
            1 for record in own if record.off_protocol
        )
        for start in range(-1, SPAN + 2, 2):
            for end in range(start - 1, SPAN + 2, 3):
                first, last = _day(start), _day(end)
                inside = sorted(r.day for r in own if first <= r.day <= last)
                assert doses.count(partner, first, last) == len(inside)
                assert doses.days(partner, first, last) == inside
    for offset in range(SPAN + 1):
        day = _day(offset)
        assert doses.dosed_on(day) == [
            partner
            for partner in PARTNERS
            if any(r.partner == partner and r.day == day for r in records)
        ]


@settings(max_examples=60)
@given(dose_steps)
def test_dose_indexes_match_a_full_scan(
    steps: list[tuple[str, int, int, int, bool]],
) -> None:
    doses = DoseLog()
    for number, (kind, partner, value, hour, rest_day) in enumerate(steps):
        if kind == "log":
            day = _day(value)
            taken_at = datetime.combine(day, time(8 + hour), tzinfo=UTC)
            doses.log(
                record_id=f"d{number}",
                partner=partner,
                day=day,
                taken_at=taken_at,
                now=taken_at,
                amount_g=0.1,
                form=Form.DRIED,
                phase=Phase.REST_DAY if rest_day else Phase.DOSE_DAY,
                ceilings=HARD_CEILING_G,
                acknowledged=True,
            )
        elif (target := f"d{value}") in {r.id for r in doses.records}:
            assert doses.delete(target).id == target
        else:
            with pytest.raises(KeyError):
                doses.delete(target)
        _assert_doses_like_a_scan(doses)
    rebuilt = DoseLog.from_dict(doses.as_dict())
    assert rebuilt == doses
    _assert_doses_like_a_scan(rebuilt)


def _dose(record_id: str, hour: int = 8) -> DoseRecord:
    moment = datetime(2026, 1, 5, hour, tzinfo=UTC)
    return DoseRecord(
        id=record_id,
        partner=1,
        day=moment.date(),
        taken_at=moment,
        amount_g=0.1,
        form=Form.DRIED,
    )


def _log_again(doses: DoseLog, record_id: str) -> DoseRecord:
    moment = datetime(2026, 1, 6, 8, tzinfo=UTC)
    return doses.log(
        record_id=record_id,
        partner=1,
        day=moment.date(),
        taken_at=moment,
        now=moment,
        amount_g=0.1,
        form=Form.DRIED,
        phase=Phase.DOSE_DAY,
        ceilings=HARD_CEILING_G,
        acknowledged=False,
    )


def test_a_deleted_id_can_be_logged_again() -> None:
    doses = DoseLog(records=[_dose("a")])
    doses.delete("a")
    assert doses.last(1) is None
    assert _log_again(doses, "a").id == "a"
    assert doses.count(1, date(2026, 1, 6), date(2026, 1, 6)) == 1


def test_an_id_stored_twice_stays_known_until_both_are_deleted() -> None:
    doses = DoseLog(records=[_dose("a", 8), _dose("a", 9)])
    assert doses.last(1) == _dose("a", 9)
    doses.delete("a")
    with pytest.raises(ValueError, match="already recorded"):
        _log_again(doses, "a")
    doses.delete("a")
    assert _log_again(doses, "a").id == "a"


# ---- doses in the current cycle ----------------------------------------------


def _in_cycle_by_scan(
    doses: DoseLog, protocol: Protocol, partner: int, today: date
) -> int:
    """Read every record, as today's figure was first worked out."""
    position = protocol.position(today)
    if position is None:
        return 0
    return sum(
        1
        for record in doses.records
        if record.partner == partner
        and (found := protocol.position(record.day)) is not None
        and found.cycle == position.cycle
    )


pauses = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=3).map(
    lambda spans: tuple(
        Pause(_day(start), _day(start + length))
        for index, (start, length) in enumerate(sorted(spans))
        if all(start >= s + n for s, n in sorted(spans)[:index])
    )
)


@settings(max_examples=80)
@given(
    weeks=st.tuples(st.integers(1, 3), st.integers(0, 2)),
    held=pauses,
    open_pause=st.one_of(st.none(), st.integers(60, 120)),
    dose_days=st.lists(st.integers(-10, 130), max_size=40),
    today=st.integers(-5, 140),
)
def test_doses_this_cycle_match_a_full_scan(
    weeks: tuple[int, int],
    held: tuple[Pause, ...],
    open_pause: int | None,
    dose_days: list[int],
    today: int,
) -> None:
    all_pauses = held
    if open_pause is not None and all(
        p.end is not None and p.end <= _day(open_pause) for p in held
    ):
        all_pauses = (*held, Pause(_day(open_pause)))
    protocol = Protocol(
        preset=Preset.FADIMAN,
        start=BASE,
        weeks_on=weeks[0],
        weeks_off=weeks[1],
        pauses=all_pauses,
    )
    doses = DoseLog(records=[_dose_on(n, offset) for n, offset in enumerate(dose_days)])
    day = _day(today)
    first = first_day_of_cycle(protocol, day)
    assert first >= protocol.start
    for partner in PARTNERS:
        assert doses.count_in_cycle(protocol, partner, day) == _in_cycle_by_scan(
            doses, protocol, partner, day
        )
    if (position := protocol.position(day)) is not None:
        assert first <= day
        at_first = protocol.position(first)  # None when a pause opens the cycle
        assert at_first is None or at_first.cycle == position.cycle
        earlier = first - timedelta(days=1)
        assert earlier < protocol.start or protocol.completed_cycles(earlier) < (
            position.cycle - 1
        )


def test_a_pause_that_opens_a_cycle_still_counts_its_doses() -> None:
    protocol = Protocol(
        preset=Preset.FADIMAN,
        start=BASE,
        weeks_on=1,
        weeks_off=0,
        pauses=(Pause(_day(7), _day(10)),),  # from the second cycle's first day
    )
    assert protocol.position(_day(7)) is None
    assert first_day_of_cycle(protocol, _day(12)) == _day(7)
    doses = DoseLog(records=[_dose_on(0, offset) for offset in (6, 8, 10, 11)])
    # Day 6 is the first cycle's and day 8 is paused: days 10 and 11 count.
    assert doses.count_in_cycle(protocol, 1, _day(12)) == 2
    assert doses.count_in_cycle(protocol, 1, _day(8)) == 0  # paused today


def _dose_on(number: int, offset: int) -> DoseRecord:
    moment = datetime.combine(_day(offset), time(8), tzinfo=UTC)
    return DoseRecord(
        id=f"d{number}",
        partner=PARTNERS[number % 2],
        day=moment.date(),
        taken_at=moment,
        amount_g=0.1,
        form=Form.DRIED,
    )


def test_runs_reach_the_ends_of_the_calendar() -> None:
    """The first and last calendar days have no neighbour to look at."""
    runs = DayRuns()
    for day in (
        date.min,
        date.min + timedelta(days=1),
        date.max,
        date.max - timedelta(days=1),
    ):
        runs.add(day)
    assert runs.run_ending(date.min) == 1
    assert runs.run_ending(date.min + timedelta(days=1)) == 2
    assert runs.run_ending(date.max) == 2
