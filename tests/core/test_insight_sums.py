"""The running insight sums always equal the figures worked out from every record."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from statistics import fmean, variance

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.microdose_together.core.checkins import CheckIn
from custom_components.microdose_together.core.doses import DoseRecord, Form
from custom_components.microdose_together.core.insight_sums import InsightSums
from custom_components.microdose_together.core.insights import (
    Insights,
    ScoreTally,
    for_range,
)
from custom_components.microdose_together.core.protocol import Preset, Protocol
from custom_components.microdose_together.core.stats import Moments

MONDAY = date(2026, 1, 5)
ZONE = timezone(timedelta(hours=2))
# Short cycles (a week on, a week off), so a few weeks cross every category.
SCHEDULE = Protocol(preset=Preset.FADIMAN, start=MONDAY, weeks_on=1, weeks_off=1)
PAUSED = SCHEDULE.pause(MONDAY + timedelta(days=20))

scores = st.integers(min_value=1, max_value=5)
offsets = st.integers(min_value=-4, max_value=40)
partners = st.sampled_from((1, 2))


def on(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def reference(
    protocol: Protocol, checkins: list[CheckIn], doses: list[DoseRecord]
) -> Insights:
    """The whole history worked out from every record, as before the sums."""
    days = [protocol.start, *(c.day for c in checkins), *(d.day for d in doses)]
    return for_range(protocol, checkins, doses, start=min(days), end=max(days))


def a_dose(number: int, partner: int, offset: int) -> DoseRecord:
    return DoseRecord(
        id=f"d{number}",
        partner=partner,
        day=on(offset),
        taken_at=datetime.combine(on(offset), time(8), tzinfo=ZONE),
        amount_g=0.1,
        form=Form.DRIED,
    )


checkin_steps = st.tuples(
    st.just("check_in"), partners, offsets, st.integers(0, 23), scores, scores, scores
)
dose_steps = st.tuples(st.just("dose"), partners, offsets)
delete_steps = st.tuples(st.just("delete"), st.integers(0, 1000))
steps = st.lists(st.one_of(checkin_steps, dose_steps, delete_steps), max_size=70)


@settings(max_examples=150, deadline=None)
@given(steps, st.sampled_from((SCHEDULE, PAUSED)))
def test_running_sums_equal_the_full_recompute(
    plan: list[tuple[object, ...]], protocol: Protocol
) -> None:
    """Check-ins, later check-ins of a day, doses and deletions, in any order."""
    sums = InsightSums(protocol)
    checkins: list[CheckIn] = []
    doses: list[DoseRecord] = []
    for number, step in enumerate(plan):
        match step:
            case ("check_in", partner, offset, hour, mood, connection, stress):
                record = CheckIn(
                    id=f"c{number}",
                    partner=partner,  # type: ignore[arg-type]
                    day=on(offset),  # type: ignore[arg-type]
                    at=datetime.combine(on(offset), time(hour), tzinfo=ZONE),  # type: ignore[arg-type]
                    mood=mood,  # type: ignore[arg-type]
                    connection=connection,  # type: ignore[arg-type]
                    stress=stress,  # type: ignore[arg-type]
                    note=None,
                )
                checkins.append(record)
                sums.add_checkin(record)
            case ("dose", partner, offset):
                dose = a_dose(number, partner, offset)  # type: ignore[arg-type]
                doses.append(dose)
                sums.add_dose(dose)
            case ("delete", which):
                if doses:
                    sums.remove_dose(doses.pop(which % len(doses)))  # type: ignore[operator]
        assert sums.insights() == reference(protocol, checkins, doses)


def test_the_full_build_equals_the_running_one() -> None:
    """Built at once (set-up, a new schedule) or record by record: the same."""
    dose_days = (0, 3, 6, 14, 17, 20, 28, 31)
    doses = [a_dose(n, 1, offset) for n, offset in enumerate(dose_days)]
    checkins = [
        CheckIn(
            id=f"c{partner}-{offset}",
            partner=partner,
            day=on(offset),
            at=datetime.combine(on(offset), time(21), tzinfo=ZONE),
            mood=1 + offset % 5,
            connection=1 + offset * 3 % 5,
            stress=2,
            note=None,
        )
        for offset in range(-2, 40)
        for partner in (1, 2)
    ]
    built = InsightSums.of(SCHEDULE, checkins, doses).insights()
    assert built == reference(SCHEDULE, checkins, doses)
    assert built.partners[1].differences["mood"].enough


def test_deleting_the_last_dose_shrinks_the_range() -> None:
    """The range follows the records: the latest record gone, the range ends earlier."""
    sums = InsightSums(SCHEDULE)
    early, late = a_dose(1, 1, 3), a_dose(2, 2, 30)
    sums.add_dose(early)
    sums.add_dose(late)
    assert sums.insights().end == on(30)
    sums.remove_dose(late)
    assert sums.insights().end == on(3)
    assert sums.insights() == reference(SCHEDULE, [], [early])


def test_a_dose_never_counted_cannot_be_removed() -> None:
    with pytest.raises(KeyError):
        InsightSums(SCHEDULE).remove_dose(a_dose(1, 1, 0))


@given(st.lists(scores, min_size=2))
def test_a_tally_gives_what_statistics_gives(values: list[int]) -> None:
    """Mean and variance bit for bit as the statistics module gives them."""
    tally = ScoreTally.of(values)
    mean = fmean(values)
    assert tally.mean() == mean
    assert tally.moments() == Moments(len(values), mean, variance(values))
    assert tally.count == len(values)
    assert tally.total == sum(values)
    assert tally.squares == sum(v * v for v in values)


def test_a_tally_cannot_go_below_zero() -> None:
    with pytest.raises(ValueError, match="no observation"):
        ScoreTally().moved(3, -1)
    assert ScoreTally().mean() is None
