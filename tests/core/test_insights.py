"""Tests for the check-in insights: categories, means, Welch intervals, cycles."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
import json
import math
import random
from typing import Any

from hypothesis import assume, given, strategies as st
import pytest

from custom_components.microdose_together.core.checkins import CheckIn
from custom_components.microdose_together.core.doses import DoseRecord, Form, Refusal
from custom_components.microdose_together.core.insights import (
    MIN_DAYS_PER_GROUP,
    SCORES,
    Category,
    Insights,
    categorize,
    for_cycle,
    for_range,
)
from custom_components.microdose_together.core.protocol import Preset, Protocol
from custom_components.microdose_together.core.stats import (
    regularized_beta,
    t_cdf,
    t_quantile,
    welch_interval,
)

MONDAY = date(2026, 1, 5)
HELSINKI_WINTER = timezone(timedelta(hours=2))
# Fadiman from a Monday, 4 weeks on and 2 off: dose days at offsets 0, 3, ... 27,
# tolerance break at offsets 28-41, cycle 2 from offset 42.
FADIMAN = Protocol(preset=Preset.FADIMAN, start=MONDAY)
# One week on and one off: a cycle is 14 days, with dose days at offsets 0, 3, 6.
SHORT = Protocol(preset=Preset.FADIMAN, start=MONDAY, weeks_on=1, weeks_off=1)
WIDE_START = MONDAY - timedelta(days=30)
WIDE_END = MONDAY + timedelta(days=120)


def on(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def checkin(
    offset: int,
    *,
    partner: int = 1,
    mood: int = 3,
    connection: int = 3,
    stress: int = 3,
    hour: int = 21,
    minute: int = 0,
    checkin_id: str | None = None,
    note: str | None = None,
) -> CheckIn:
    day = on(offset)
    return CheckIn(
        id=checkin_id or f"c{partner}-{offset}-{hour}-{minute}",
        partner=partner,
        day=day,
        at=datetime.combine(day, time(hour, minute), tzinfo=HELSINKI_WINTER),
        mood=mood,
        connection=connection,
        stress=stress,
        note=note,
    )


def dose(
    offset: int, partner: int = 1, *, flags: frozenset[Refusal] = frozenset()
) -> DoseRecord:
    day = on(offset)
    return DoseRecord(
        id=f"d{partner}-{offset}",
        partner=partner,
        day=day,
        taken_at=datetime.combine(day, time(8), tzinfo=HELSINKI_WINTER),
        amount_g=0.1,
        form=Form.DRIED,
        flags=flags,
    )


def wide(
    checkins: list[CheckIn],
    doses: list[DoseRecord],
    protocol: Protocol = FADIMAN,
) -> Insights:
    return for_range(protocol, checkins, doses, start=WIDE_START, end=WIDE_END)


def moods_on(offsets: list[int], moods: list[int], partner: int = 1) -> list[CheckIn]:
    return [
        checkin(offset, partner=partner, mood=mood)
        for offset, mood in zip(offsets, moods, strict=True)
    ]


DOSE_OFFSETS = [0, 3, 6, 9, 12, 15]
REST_OFFSETS = [2, 5, 8, 11, 14, 17]  # two days after a dose: not a day after


# --- categories -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "dosed", "expected"),
    [
        (0, {0}, Category.DOSE_DAY),
        (1, {0}, Category.DAY_AFTER),
        (2, {0}, Category.REST_DAY),
        (3, {0}, Category.REST_DAY),  # scheduled, not taken: a rest day
        (-1, set(), Category.BASELINE),
        (-1, {-1}, Category.DOSE_DAY),  # a dose is never baseline
        (0, {-1}, Category.DAY_AFTER),
        (28, {27}, Category.DAY_AFTER),  # the lingering day wins over the break
        (29, {27}, Category.TOLERANCE_BREAK),
        (30, {30}, Category.DOSE_DAY),  # an off-protocol dose in the break
        (4, {3, 4}, Category.DOSE_DAY),  # a dose wins over the day after
        (5, {3, 4}, Category.DAY_AFTER),
    ],
)
def test_categorize(offset: int, dosed: set[int], expected: Category) -> None:
    days = frozenset(on(day) for day in dosed)
    assert categorize(FADIMAN, days, on(offset)) is expected


def test_paused_days_are_their_own_category() -> None:
    paused = FADIMAN.pause(on(10)).resume(on(15))
    assert categorize(paused, frozenset(), on(10)) is Category.PAUSED
    assert categorize(paused, frozenset(), on(14)) is Category.PAUSED
    assert categorize(paused, frozenset(), on(15)) is not Category.PAUSED
    checkins = [checkin(offset) for offset in range(8, 17)]
    figures = wide(checkins, [], paused).partners[1].categories
    assert figures[Category.PAUSED].days == 5
    # Offsets 8, 9 and, after the pause, 15 and 16: nobody dosed, so rest days.
    assert figures[Category.REST_DAY].days == 4


# --- hand-computed figures -------------------------------------------------------


def test_equal_spread_interval_by_hand() -> None:
    # Dose days: 4 5 4 5 4 5 -> mean 27 / 6 = 4.5, squares 6 x 0.25 = 1.5,
    #   variance 1.5 / 5 = 0.3.
    # Rest days: 2 3 2 3 2 3 -> mean 15 / 6 = 2.5, variance 0.3 likewise.
    # Difference 4.5 - 2.5 = 2.0; se^2 = 0.3/6 + 0.3/6 = 0.1, se = 0.31623.
    # df = 0.1^2 / (0.05^2/5 + 0.05^2/5) = 0.01 / 0.001 = 10.
    # t(0.975, 10) = 2.228 (table) -> half width 2.228 x 0.31623 = 0.7046.
    # Interval 2.0 -/+ 0.7046 = [1.2954, 2.7046] -> [1.30, 2.70].
    checkins = moods_on(DOSE_OFFSETS, [4, 5, 4, 5, 4, 5]) + moods_on(
        REST_OFFSETS, [2, 3, 2, 3, 2, 3]
    )
    doses = [dose(offset) for offset in DOSE_OFFSETS]
    figures = wide(checkins, doses).partners[1]
    assert figures.categories[Category.DOSE_DAY].mood == 4.5
    assert figures.categories[Category.REST_DAY].mood == 2.5
    assert figures.categories[Category.DAY_AFTER].days == 0
    mood = figures.differences["mood"].as_dict()
    assert mood == {
        "dose_days": 6,
        "rest_days": 6,
        "enough": True,
        "difference": 2.0,
        "low": 1.3,
        "high": 2.7,
        "df": 10.0,
    }
    # Connection is 3 on every day: no spread, so a zero-width interval at 0.
    connection = figures.differences["connection"].as_dict()
    assert (connection["difference"], connection["low"], connection["high"]) == (
        0.0,
        0.0,
        0.0,
    )


def test_unequal_spread_interval_by_hand() -> None:
    # Dose days: 4 5 4 5 4 5 -> mean 4.5, variance 0.3 (as above).
    # Rest days: 3 4 2 3 4 2 -> mean 18 / 6 = 3.0, squares 0+1+1+0+1+1 = 4,
    #   variance 4 / 5 = 0.8.
    # Difference 1.5; se^2 = 0.3/6 + 0.8/6 = 0.05 + 0.13333 = 0.18333,
    #   se = 0.42817.
    # df = 0.18333^2 / (0.05^2/5 + 0.13333^2/5) = 0.033611 / 0.0040556 = 8.29.
    # t(0.975, 8.29) between t(8) = 2.306 and t(9) = 2.262; linear in 1/df:
    #   (1/8 - 1/8.29) / (1/8 - 1/9) = 0.315 -> 2.306 - 0.315 x 0.044 = 2.292.
    # Half width 2.292 x 0.42817 = 0.9814 -> [0.5186, 2.4814] -> [0.52, 2.48].
    checkins = moods_on(DOSE_OFFSETS, [4, 5, 4, 5, 4, 5]) + moods_on(
        REST_OFFSETS, [3, 4, 2, 3, 4, 2]
    )
    doses = [dose(offset) for offset in DOSE_OFFSETS]
    mood = wide(checkins, doses).partners[1].differences["mood"].as_dict()
    assert mood["difference"] == 1.5
    assert mood["df"] == 8.3
    assert (mood["low"], mood["high"]) == (0.52, 2.48)


def test_not_enough_data_yet() -> None:
    few = DOSE_OFFSETS[: MIN_DAYS_PER_GROUP - 1]
    checkins = moods_on(few, [5, 5, 5, 5]) + moods_on(REST_OFFSETS, [1] * 6)
    result = wide(checkins, [dose(offset) for offset in few]).partners[1]
    mood = result.differences["mood"]
    assert not mood.enough
    assert mood.interval is None
    assert mood.as_dict() == {
        "dose_days": 4,
        "rest_days": 6,
        "enough": False,
        "difference": None,
        "low": None,
        "high": None,
        "df": None,
    }
    # The category means are still there to show.
    assert result.categories[Category.DOSE_DAY].mood == 5.0


def test_the_minimum_in_each_group_is_enough() -> None:
    five = DOSE_OFFSETS[:MIN_DAYS_PER_GROUP]
    rest = REST_OFFSETS[:MIN_DAYS_PER_GROUP]
    checkins = moods_on(five, [4, 5, 4, 5, 4]) + moods_on(rest, [2, 3, 2, 3, 2])
    result = wide(checkins, [dose(offset) for offset in five]).partners[1]
    assert result.differences["mood"].enough
    assert result.differences["mood"].interval is not None


def test_baseline_counts_check_ins_before_the_start() -> None:
    checkins = moods_on([-3, -2, -1, 0], [2, 3, 4, 5])
    figures = wide(checkins, [dose(0)]).partners[1].categories
    assert figures[Category.BASELINE].days == 3
    assert figures[Category.BASELINE].mood == 3.0
    assert figures[Category.DOSE_DAY].days == 1


def test_day_after_and_tolerance_break() -> None:
    checkins = moods_on([0, 1, 27, 28, 29, 30], [5, 4, 5, 3, 2, 1])
    figures = wide(checkins, [dose(0), dose(27)]).partners[1].categories
    assert figures[Category.DAY_AFTER].days == 2  # offsets 1 and 28
    assert figures[Category.DAY_AFTER].mood == 3.5
    assert figures[Category.TOLERANCE_BREAK].days == 2  # offsets 29 and 30
    assert figures[Category.TOLERANCE_BREAK].mood == 1.5


def test_a_dose_the_day_before_the_range_still_makes_a_day_after() -> None:
    result = for_range(FADIMAN, [checkin(1)], [dose(0)], start=on(1), end=on(1))
    assert result.partners[1].categories[Category.DAY_AFTER].days == 1


def test_off_protocol_doses_count_as_dose_days() -> None:
    flagged = dose(1, flags=frozenset({Refusal.REST_DAY}))
    result = wide([checkin(1, mood=4)], [flagged]).partners[1].categories
    assert result[Category.DOSE_DAY].days == 1


def test_the_days_last_check_in_wins_whatever_the_order() -> None:
    early = checkin(2, mood=1, hour=9)
    late = checkin(2, mood=5, hour=22)
    for records in ([early, late], [late, early]):
        rest = wide(records, []).partners[1].categories[Category.REST_DAY]
        assert (rest.days, rest.mood) == (1, 5.0)


def test_a_tie_in_time_is_settled_by_id_not_by_order() -> None:
    first = checkin(2, mood=1, checkin_id="a")
    second = checkin(2, mood=5, checkin_id="b")
    assert wide([first, second], []) == wide([second, first], [])
    assert wide([first, second], []).partners[1].categories[Category.REST_DAY].mood == 5


def test_the_couple_pools_both_partners_day_observations() -> None:
    # Partner 1 doses on 0, 3, 6; partner 2 on 3, 6, 9. Both check in on 0-9.
    doses = [dose(o, 1) for o in (0, 3, 6)] + [dose(o, 2) for o in (3, 6, 9)]
    checkins = [checkin(o, partner=1, mood=5) for o in range(10)] + [
        checkin(o, partner=2, mood=1) for o in range(10)
    ]
    result = wide(checkins, doses)
    one, two = (result.partners[p].categories for p in (1, 2))
    couple = result.couple.categories
    # Offset 0 is partner 2's rest day, though partner 1 dosed: own categories.
    assert one[Category.DOSE_DAY].days == 3
    assert one[Category.REST_DAY].days == 4  # offsets 2, 5, 8 and 9 (not taken)
    assert two[Category.REST_DAY].days == 5  # offsets 0, 1, 2, 5, 8
    assert two[Category.DAY_AFTER].days == 2  # offsets 4 and 7
    assert couple[Category.DOSE_DAY].days == 6
    assert couple[Category.DOSE_DAY].mood == 3.0  # (3 x 5 + 3 x 1) / 6
    for category in Category:
        assert couple[category].days == one[category].days + two[category].days
    rest = result.couple.differences["mood"]
    assert (rest.dose_days, rest.rest_days) == (6, 9)


def test_range_is_inclusive_and_refuses_a_backwards_range() -> None:
    checkins = [checkin(offset) for offset in range(-2, 5)]
    result = for_range(FADIMAN, checkins, [], start=on(0), end=on(2))
    assert sum(s.days for s in result.partners[1].categories.values()) == 3
    with pytest.raises(ValueError, match="before it starts"):
        for_range(FADIMAN, checkins, [], start=on(2), end=on(1))


def test_as_dict_is_json_ready_numbers_without_notes() -> None:
    checkins = [
        checkin(o, mood=m, note="only for me") for o, m in ((-3, 3), (-2, 4), (-1, 4))
    ]
    checkins += [checkin(o, mood=o % 5 + 1, note="only for me") for o in range(30)]
    checkins += [checkin(o, partner=2, mood=2, note="mine") for o in range(0, 30, 2)]
    data = wide(checkins, [dose(o) for o in range(0, 28, 3)]).as_dict()
    text = json.dumps(data, allow_nan=False)
    assert "only for me" not in text
    assert "mine" not in text
    assert data["start"] == WIDE_START.isoformat()
    assert set(data["partners"]) == {"1", "2"}
    assert set(data["couple"]["categories"]) == {c.value for c in Category}
    for leaf in _leaves({"partners": data["partners"], "couple": data["couple"]}):
        assert leaf is None or isinstance(leaf, int | float)
        assert not isinstance(leaf, float) or round(leaf, 2) == leaf
    baseline = data["partners"]["1"]["categories"]["baseline"]
    # (3 + 4 + 4) / 3 = 3.667 -> 3.67
    assert baseline == {"days": 3, "mood": 3.67, "connection": 3.0, "stress": 3.0}


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    return [value]


# --- cycles -----------------------------------------------------------------------


def test_completed_cycle_figures_and_check_in_rates() -> None:
    checkins = [checkin(o, mood=5 if o in (0, 3, 6) else 2) for o in range(16)] + [
        checkin(o, partner=2) for o in range(0, 14, 2)
    ]
    doses = [dose(o) for o in (0, 3, 6, 14)]
    result = for_cycle(SHORT, checkins, doses, 1, today=on(20))
    assert result.complete
    assert result.days == 14
    assert dict(result.checkin_rates) == {1: 1.0, 2: 0.5}
    one = result.insights.partners[1].categories
    assert one[Category.DOSE_DAY].days == 3  # the dose on offset 14 is cycle 2's
    assert one[Category.DOSE_DAY].mood == 5.0
    assert one[Category.DAY_AFTER].days == 3  # offsets 1, 4 and 7 (in the break)
    assert one[Category.REST_DAY].days == 2  # offsets 2 and 5
    assert one[Category.TOLERANCE_BREAK].days == 6  # offsets 8-13
    assert one[Category.REST_DAY].mood == 2.0
    assert (result.insights.start, result.insights.end) == (on(0), on(13))
    data = result.as_dict()
    assert data["checkin_rate"] == {"1": 1.0, "2": 0.5}
    assert data["cycle"] == 1
    assert data["end"] == on(13).isoformat()


def test_the_running_cycle_counts_up_to_today() -> None:
    checkins = [checkin(o) for o in (14, 15, 21)]
    result = for_cycle(SHORT, checkins, [], 2, today=on(20))
    assert not result.complete
    assert result.days == 7  # offsets 14-20
    assert result.checkin_rates[1] == 2 / 7
    assert result.as_dict()["checkin_rate"]["1"] == 0.29
    assert result.checkin_rates[2] == 0.0


def test_paused_days_belong_to_no_cycle() -> None:
    paused = SHORT.pause(on(3)).resume(on(6))  # offsets 3, 4, 5 paused
    checkins = [checkin(o) for o in range(17)]
    result = for_cycle(paused, checkins, [], 1, today=on(30))
    assert result.days == 14  # offsets 0-16 without the three paused days
    assert result.checkin_rates[1] == 1.0
    assert result.insights.partners[1].categories[Category.PAUSED].days == 0
    assert result.insights.end == on(16)


@pytest.mark.parametrize("cycle", [0, 3])
def test_a_cycle_not_begun_is_refused(cycle: int) -> None:
    with pytest.raises(ValueError, match="has not begun"):
        for_cycle(SHORT, [], [], cycle, today=on(20))


# --- statistics ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "df", "expected"),
    [
        (0.975, 1, 12.706),
        (0.975, 2, 4.303),
        (0.975, 5, 2.571),
        (0.975, 10, 2.228),
        (0.975, 30, 2.042),
        (0.975, 120, 1.980),
        (0.95, 10, 1.812),
        (0.995, 4, 4.604),
        (0.9995, 1, 636.619),
        (0.975, math.inf, 1.960),
        (0.975, 1e9, 1.960),
        (0.025, 5, -2.571),
    ],
)
def test_t_quantile_against_tables(p: float, df: float, expected: float) -> None:
    assert round(t_quantile(p, df), 3) == expected


def test_t_quantile_centre_and_closed_forms() -> None:
    assert t_quantile(0.5, 3) == 0.0
    # One degree of freedom is the Cauchy distribution: tan(pi (p - 1/2)).
    assert t_quantile(0.9, 1) == pytest.approx(math.tan(math.pi * 0.4), rel=1e-9)
    # Two: t = (2p - 1) sqrt(2 / (4 p (1 - p))).
    expected = 0.8 * math.sqrt(2 / (4 * 0.9 * 0.1))
    assert t_quantile(0.9, 2) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(("p", "df"), [(0, 5), (1, 5), (0.5, 0), (0.9, -1)])
def test_t_quantile_refuses_impossible_arguments(p: float, df: float) -> None:
    with pytest.raises(ValueError, match="must"):
        t_quantile(p, df)


def test_t_cdf_and_beta_edges() -> None:
    assert t_cdf(0, 7) == 0.5
    assert t_cdf(-2.571, 5) == pytest.approx(0.025, abs=1e-4)
    assert regularized_beta(2, 3, 0) == 0.0
    assert regularized_beta(2, 3, 1) == 1.0
    # I_x(1, 1) is x itself.
    assert regularized_beta(1, 1, 0.3) == pytest.approx(0.3)


def test_welch_needs_two_values_a_group() -> None:
    with pytest.raises(ValueError, match="at least two"):
        welch_interval([1], [1, 2])


@given(
    st.floats(min_value=0.5, max_value=0.9999),
    st.floats(min_value=0.2, max_value=5e4),
)
def test_t_quantile_inverts_the_distribution(p: float, df: float) -> None:
    assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-9)


scores = st.integers(min_value=1, max_value=5)


@given(st.lists(scores, min_size=2), st.lists(scores, min_size=2))
def test_welch_interval_holds_the_difference(
    first: list[int], second: list[int]
) -> None:
    interval = welch_interval(first, second)
    assert interval.low <= interval.difference <= interval.high
    assert interval.df >= min(len(first), len(second)) - 1 - 1e-9


# --- properties over records ----------------------------------------------------------

offsets = st.integers(min_value=-5, max_value=60)


@st.composite
def records(draw: st.DrawFn) -> tuple[list[CheckIn], list[DoseRecord]]:
    """Check-ins and doses of both partners around the first cycle."""
    raw = draw(
        st.lists(
            st.tuples(st.sampled_from((1, 2)), offsets, scores, scores, scores),
            max_size=60,
        )
    )
    hours = draw(st.lists(st.integers(0, 23), min_size=len(raw), max_size=len(raw)))
    checkins = [
        CheckIn(
            id=f"c{index}",
            partner=partner,
            day=on(offset),
            at=datetime.combine(on(offset), time(hour), tzinfo=HELSINKI_WINTER),
            mood=mood,
            connection=connection,
            stress=stress,
            note=None,
        )
        for index, ((partner, offset, mood, connection, stress), hour) in enumerate(
            zip(raw, hours, strict=True)
        )
    ]
    dosed = draw(st.sets(st.tuples(st.sampled_from((1, 2)), offsets), max_size=20))
    return checkins, [dose(offset, partner) for partner, offset in dosed]


@given(records(), st.randoms(use_true_random=False))
def test_the_order_of_records_never_matters(
    data: tuple[list[CheckIn], list[DoseRecord]], shuffler: random.Random
) -> None:
    checkins, doses = data
    before = wide(checkins, doses)
    shuffler.shuffle(checkins)
    shuffler.shuffle(doses)
    after = wide(checkins, doses)
    assert after == before
    assert after.as_dict() == before.as_dict()


@given(records(), st.sampled_from((1, 2)), offsets, scores, st.integers(0, 23), scores)
def test_a_rest_day_check_in_leaves_the_dose_day_mean_alone(
    data: tuple[list[CheckIn], list[DoseRecord]],
    partner: int,
    offset: int,
    mood: int,
    hour: int,
    stress: int,
) -> None:
    checkins, doses = data
    dosed = frozenset(d.day for d in doses if d.partner == partner)
    assume(categorize(FADIMAN, dosed, on(offset)) is Category.REST_DAY)
    extra = checkin(
        offset, partner=partner, mood=mood, stress=stress, hour=hour, minute=30
    )
    before, after = wide(checkins, doses), wide([*checkins, extra], doses)
    assert after.partners[partner].categories[Category.REST_DAY].days >= 1
    assert (
        after.partners[partner].categories[Category.DOSE_DAY]
        == before.partners[partner].categories[Category.DOSE_DAY]
    )
    assert (
        after.couple.categories[Category.DOSE_DAY]
        == before.couple.categories[Category.DOSE_DAY]
    )


@given(records())
def test_means_stay_on_the_scale_and_intervals_hold_the_difference(
    data: tuple[list[CheckIn], list[DoseRecord]],
) -> None:
    result = wide(*data)
    for figures in (*result.partners.values(), result.couple):
        for summary in figures.categories.values():
            for score in SCORES:
                mean = getattr(summary, score)
                assert (mean is None) == (summary.days == 0)
                assert mean is None or 1 <= mean <= 5
        for difference in figures.differences.values():
            interval = difference.interval
            assert difference.enough == (
                min(difference.dose_days, difference.rest_days) >= MIN_DAYS_PER_GROUP
            )
            if interval is not None:
                assert interval.low <= interval.difference <= interval.high
