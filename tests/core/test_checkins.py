"""Tests for check-ins, due logic, streaks and the shared prompt exchange."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core.checkins import (
    SCORE_MAX,
    SCORE_MIN,
    CheckIn,
    CheckInLog,
    CheckInSchedule,
    SharedPrompt,
    is_due,
    other_partner,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def make_checkin(
    day: date,
    *,
    partner: int = 1,
    hour: int = 21,
    minute: int = 0,
    checkin_id: str | None = None,
    note: str | None = None,
) -> CheckIn:
    """Build a valid check-in given at a local evening hour of `day`."""
    at = datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)
    return CheckIn(
        id=f"{partner}-{at.isoformat()}" if checkin_id is None else checkin_id,
        partner=partner,
        day=day,
        at=at,
        mood=3,
        connection=4,
        stress=2,
        note=note,
    )


def log_of(*checkins: CheckIn) -> CheckInLog:
    """Build a log holding the given check-ins, in that order."""
    log = CheckInLog()
    for checkin in checkins:
        log.add(checkin)
    return log


# --- CheckIn validation -------------------------------------------------------


@pytest.mark.parametrize("score", [SCORE_MIN, 2, 3, 4, SCORE_MAX])
@pytest.mark.parametrize("field", ["mood", "connection", "stress"])
def test_scores_on_the_scale_are_accepted(field: str, score: int) -> None:
    values = {"mood": 3, "connection": 3, "stress": 3, field: score}
    checkin = CheckIn(
        id="a",
        partner=2,
        day=date(2024, 5, 6),
        at=datetime(2024, 5, 6, 21, tzinfo=UTC),
        note=None,
        **values,
    )
    assert getattr(checkin, field) == score


@pytest.mark.parametrize("score", [0, 6, -1, 100, True, False, 3.0, "3", None])
@pytest.mark.parametrize("field", ["mood", "connection", "stress"])
def test_scores_off_the_scale_are_refused(field: str, score: object) -> None:
    values: dict[str, object] = {"mood": 3, "connection": 3, "stress": 3}
    values[field] = score
    with pytest.raises(ValueError, match=field):
        CheckIn(
            id="a",
            partner=1,
            day=date(2024, 5, 6),
            at=datetime(2024, 5, 6, 21, tzinfo=UTC),
            note=None,
            **values,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize("partner", [0, 3, -1, True])
def test_partner_must_be_one_or_two(partner: int) -> None:
    with pytest.raises(ValueError, match="partner"):
        make_checkin(date(2024, 5, 6), partner=partner, checkin_id="x")


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CheckIn(
            id="a",
            partner=1,
            day=date(2024, 5, 6),
            at=datetime(2024, 5, 6, 21),
            mood=3,
            connection=3,
            stress=3,
            note=None,
        )


@pytest.mark.parametrize(("fold", "offset_hours"), [(0, 3), (1, 2)])
def test_time_in_the_repeated_hour_keeps_its_offset(
    fold: int, offset_hours: int
) -> None:
    """03:30 happens twice in Helsinki on 27 Oct 2024; each stays its own moment."""
    given_at = datetime(2024, 10, 27, 3, 30, tzinfo=HELSINKI, fold=fold)
    checkin = CheckIn(
        id="a",
        partner=1,
        day=date(2024, 10, 27),
        at=given_at,
        mood=3,
        connection=3,
        stress=3,
        note=None,
    )
    assert checkin.at.utcoffset() == timedelta(hours=offset_hours)
    assert checkin.at.replace(tzinfo=None) == datetime(2024, 10, 27, 3, 30)
    assert checkin.at.astimezone(UTC) == given_at.astimezone(UTC)
    assert CheckIn.from_dict(checkin.as_dict()) == checkin


def test_empty_id_is_refused() -> None:
    with pytest.raises(ValueError, match="id"):
        make_checkin(date(2024, 5, 6), checkin_id="")


def test_private_note_stays_out_of_repr() -> None:
    checkin = make_checkin(date(2024, 5, 6), note="felt far away today")
    assert "felt far away" not in repr(checkin)
    assert checkin.note == "felt far away today"


@pytest.mark.parametrize(("partner", "other"), [(1, 2), (2, 1)])
def test_other_partner(partner: int, other: int) -> None:
    assert other_partner(partner) == other


# --- CheckInLog -----------------------------------------------------------------


def test_duplicate_id_is_refused_and_not_recorded() -> None:
    first = make_checkin(date(2024, 5, 6), checkin_id="same")
    log = log_of(first)
    with pytest.raises(ValueError, match="already recorded"):
        log.add(make_checkin(date(2024, 5, 7), checkin_id="same"))
    assert log.records == [first]


def test_latest_is_by_time_not_by_recording_order() -> None:
    late = make_checkin(date(2024, 5, 7), hour=22)
    early = make_checkin(date(2024, 5, 6), hour=20)
    other = make_checkin(date(2024, 5, 8), partner=2)
    log = log_of(late, early, other)
    assert log.latest(1) == late
    assert log.latest(2) == other


def test_latest_on_tie_prefers_the_one_recorded_last() -> None:
    first = make_checkin(date(2024, 5, 6), checkin_id="first")
    second = make_checkin(date(2024, 5, 6), checkin_id="second")
    log = log_of(first, second)
    assert log.latest_on(1, date(2024, 5, 6)) == second
    assert log.latest(1) == second


def test_latest_of_empty_log_is_none() -> None:
    log = CheckInLog()
    assert log.latest(1) is None
    assert log.latest_on(1, date(2024, 5, 6)) is None
    assert not log.checked_in(1, date(2024, 5, 6))


def test_day_counts_not_the_utc_date() -> None:
    """Just after local midnight in Helsinki is still the previous day in UTC."""
    day = date(2024, 5, 7)
    checkin = make_checkin(day, hour=0, minute=30)
    assert checkin.at.astimezone(UTC).date() == date(2024, 5, 6)
    log = log_of(checkin)
    assert log.latest_on(1, day) == checkin
    assert log.checked_in(1, day)
    assert not log.checked_in(1, date(2024, 5, 6))
    assert not log.checked_in(2, day)


TODAY = date(2024, 3, 1)  # the day after a leap day


@pytest.mark.parametrize(
    ("days_back", "expected"),
    [
        pytest.param([], 0, id="nothing"),
        pytest.param([0], 1, id="today only"),
        pytest.param([1], 1, id="today missing, yesterday kept"),
        pytest.param([0, 1, 2], 3, id="three in a row across the leap day"),
        pytest.param([1, 2, 3, 4], 4, id="today missing, four before"),
        pytest.param([0, 1, 3, 4], 2, id="gap two days ago"),
        pytest.param([0, 2, 3], 1, id="gap yesterday"),
        pytest.param([2, 3, 4], 0, id="yesterday missing breaks it"),
        pytest.param([-1, 1], 1, id="a future day does not count"),
        pytest.param([0, 0, 1], 2, id="two the same day count once"),
    ],
)
def test_streak(days_back: list[int], expected: int) -> None:
    log = log_of(
        *(
            make_checkin(TODAY - timedelta(days=back), checkin_id=f"c{index}")
            for index, back in enumerate(days_back)
        )
    )
    assert log.streak(1, TODAY) == expected


def test_streak_counts_only_that_partner() -> None:
    log = log_of(
        make_checkin(date(2023, 12, 31), partner=2),
        make_checkin(date(2024, 1, 1), partner=2),
        make_checkin(date(2024, 1, 1), partner=1),
    )
    assert log.streak(2, date(2024, 1, 1)) == 2
    assert log.streak(1, date(2024, 1, 1)) == 1
    assert log.streak(1, date(2024, 1, 3)) == 0


def test_between_is_inclusive_and_sorted_by_time() -> None:
    may6 = make_checkin(date(2024, 5, 6), hour=22)
    may6_other = make_checkin(date(2024, 5, 6), partner=2, hour=19)
    may5 = make_checkin(date(2024, 5, 5))
    may8 = make_checkin(date(2024, 5, 8))
    may4 = make_checkin(date(2024, 5, 4))
    log = log_of(may8, may6, may4, may5, may6_other)
    assert log.between(date(2024, 5, 5), date(2024, 5, 8)) == [
        may5,
        may6_other,
        may6,
        may8,
    ]
    assert log.between(date(2024, 5, 6), date(2024, 5, 6)) == [may6_other, may6]
    assert log.between(date(2024, 5, 8), date(2024, 5, 5)) == []


def test_log_from_dict_refuses_duplicate_ids() -> None:
    item = make_checkin(date(2024, 5, 6), checkin_id="dup").as_dict()
    with pytest.raises(ValueError, match="already recorded"):
        CheckInLog.from_dict({"records": [item, item]})


def test_checkin_as_dict_is_plain_json_data() -> None:
    checkin = make_checkin(date(2024, 5, 6), checkin_id="a", note="ok")
    assert checkin.as_dict() == {
        "id": "a",
        "partner": 1,
        "day": "2024-05-06",
        "at": "2024-05-06T21:00:00+03:00",
        "mood": 3,
        "connection": 4,
        "stress": 2,
        "note": "ok",
    }


scores = st.integers(min_value=SCORE_MIN, max_value=SCORE_MAX)
aware_times = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.one_of(
        st.timezones(),
        # Real offsets are whole seconds; ISO 8601 text cannot carry finer ones.
        st.builds(
            lambda seconds: timezone(timedelta(seconds=seconds)),
            st.integers(min_value=-86399, max_value=86399),
        ),
    ),
)
checkins = st.builds(
    CheckIn,
    id=st.text(min_size=1, max_size=12),
    partner=st.sampled_from([1, 2]),
    day=st.dates(),
    at=aware_times,
    mood=scores,
    connection=scores,
    stress=scores,
    note=st.none() | st.text(max_size=40),
)


@given(checkins)
def test_checkin_round_trip(checkin: CheckIn) -> None:
    data = checkin.as_dict()
    restored = CheckIn.from_dict(data)
    assert restored == checkin
    assert restored.at.utcoffset() == checkin.at.utcoffset()
    assert restored.as_dict() == data


@given(st.lists(checkins, max_size=8, unique_by=lambda checkin: checkin.id))
def test_log_round_trip(records: list[CheckIn]) -> None:
    log = log_of(*records)
    restored = CheckInLog.from_dict(log.as_dict())
    assert restored == log
    assert restored.as_dict() == log.as_dict()


# --- is_due -----------------------------------------------------------------------

DUE = time(21, 30)
DAY = date(2024, 5, 6)


@pytest.mark.parametrize(
    ("schedule", "now", "checked_in", "dose_today", "dose_yesterday", "expected"),
    [
        pytest.param(
            CheckInSchedule.DAILY,
            time(21, 30),
            False,
            False,
            False,
            True,
            id="daily at the due time",
        ),
        pytest.param(
            CheckInSchedule.DAILY,
            time(21, 29, 59, 999999),
            False,
            False,
            False,
            False,
            id="daily a moment before",
        ),
        pytest.param(
            CheckInSchedule.DAILY,
            time(23, 59),
            False,
            True,
            True,
            True,
            id="daily late evening",
        ),
        pytest.param(
            CheckInSchedule.DAILY,
            time(8, 0),
            False,
            False,
            False,
            False,
            id="daily in the morning",
        ),
        pytest.param(
            CheckInSchedule.DAILY,
            time(22, 0),
            True,
            False,
            False,
            False,
            id="daily already checked in",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(21, 30),
            False,
            True,
            False,
            True,
            id="dose day at the due time",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(21, 30),
            False,
            False,
            True,
            True,
            id="day after a dose day",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(22, 0),
            False,
            True,
            True,
            True,
            id="dose on both days",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(22, 0),
            False,
            False,
            False,
            False,
            id="rest day",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(21, 29, 59),
            False,
            True,
            False,
            False,
            id="dose day a second before",
        ),
        pytest.param(
            CheckInSchedule.DOSE_DAYS,
            time(22, 0),
            True,
            True,
            False,
            False,
            id="dose day already checked in",
        ),
    ],
)
def test_is_due(
    schedule: CheckInSchedule,
    now: time,
    checked_in: bool,
    dose_today: bool,
    dose_yesterday: bool,
    expected: bool,
) -> None:
    for tzinfo in (None, HELSINKI):
        result = is_due(
            schedule=schedule,
            due_time=DUE,
            now=datetime.combine(DAY, now, tzinfo=tzinfo),
            checked_in_today=checked_in,
            dose_day_today=dose_today,
            dose_day_yesterday=dose_yesterday,
        )
        assert result is expected


def test_schedule_values_are_stored_strings() -> None:
    assert [schedule.value for schedule in CheckInSchedule] == ["daily", "dose_days"]


# --- SharedPrompt ---------------------------------------------------------------------


def make_prompt() -> SharedPrompt:
    """Return today's prompt before anyone answered."""
    return SharedPrompt(
        day=date(2024, 5, 6), prompt_id="communication_01", theme="communication"
    )


def test_answers_stay_private_until_both_answered() -> None:
    prompt = make_prompt()
    with pytest.raises(PermissionError):
        prompt.other_answer(1)
    assert prompt.answer(1, "  I missed you at lunch.  ") is False
    assert prompt.answered(1)
    assert not prompt.answered(2)
    assert (prompt.both_answered, prompt.revealed) == (False, False)
    with pytest.raises(PermissionError):
        prompt.other_answer(2)
    with pytest.raises(PermissionError):
        prompt.other_answer(1)
    assert "missed you" not in repr(prompt)

    assert prompt.answer(2, "I was proud of you.") is True
    assert prompt.both_answered
    assert prompt.other_answer(2) == "I missed you at lunch."
    assert prompt.other_answer(1) == "I was proud of you."


def test_completing_is_reported_only_once() -> None:
    prompt = make_prompt()
    assert prompt.answer(2, "first") is False
    assert prompt.answer(2, "second thoughts") is False
    assert prompt.answer(1, "mine") is True
    assert prompt.answer(1, "mine, reworded") is False
    assert prompt.other_answer(2) == "mine, reworded"


def test_exchange_closes_after_reveal() -> None:
    prompt = make_prompt()
    with pytest.raises(PermissionError):
        prompt.reveal()
    assert (prompt.both_answered, prompt.revealed) == (False, False)
    prompt.answer(1, "a")
    prompt.answer(2, "b")
    prompt.reveal()
    assert prompt.revealed
    with pytest.raises(ValueError, match="closed"):
        prompt.answer(1, "changed my mind")
    assert prompt.other_answer(2) == "a"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_answer_is_refused(text: str) -> None:
    prompt = make_prompt()
    with pytest.raises(ValueError, match="empty"):
        prompt.answer(1, text)
    assert not prompt.answered(1)


@pytest.mark.parametrize("partner", [0, 3])
def test_answer_needs_a_valid_partner(partner: int) -> None:
    prompt = make_prompt()
    with pytest.raises(ValueError, match="partner"):
        prompt.answer(partner, "hello")
    with pytest.raises(ValueError, match="partner"):
        prompt.answered(partner)
    with pytest.raises(ValueError, match="partner"):
        prompt.other_answer(partner)


@given(st.lists(st.sampled_from([1, 2]), max_size=12))
def test_answer_returns_true_exactly_once_when_pair_completes(
    partners: list[int],
) -> None:
    prompt = make_prompt()
    results = [
        prompt.answer(partner, f"answer {n}") for n, partner in enumerate(partners)
    ]
    completed = {1, 2} <= set(partners)
    assert results.count(True) == (1 if completed else 0)
    if completed:
        assert results.index(True) == max(partners.index(1), partners.index(2))


def test_shared_prompt_as_dict_uses_string_keys() -> None:
    prompt = make_prompt()
    prompt.answer(2, "b")
    assert prompt.as_dict() == {
        "day": "2024-05-06",
        "prompt_id": "communication_01",
        "theme": "communication",
        "answers": {"2": "b"},
        "revealed": False,
    }


def test_shared_prompt_from_dict_refuses_unknown_partner() -> None:
    data = make_prompt().as_dict() | {"answers": {"3": "who?"}}
    with pytest.raises(ValueError, match="partner"):
        SharedPrompt.from_dict(data)


@pytest.mark.parametrize(
    ("answers", "revealed"),
    [({"1": "a", "2": "b"}, "false"), ({"1": "a"}, True), ({}, 1)],
)
def test_shared_prompt_from_dict_refuses_a_damaged_reveal(
    answers: dict[str, str], revealed: object
) -> None:
    """A flag that is not a real "both answered" never shows one answer to the other."""
    data = make_prompt().as_dict() | {"answers": answers, "revealed": revealed}
    with pytest.raises(ValueError, match="both answered"):
        SharedPrompt.from_dict(data)


answer_texts = st.text(min_size=1, max_size=30).filter(str.strip)


@given(
    day=st.dates(),
    prompt_id=st.text(min_size=1, max_size=20),
    theme=st.sampled_from(["communication", "intimacy", "gratitude"]),
    answers=st.dictionaries(st.sampled_from([1, 2]), answer_texts),
    revealed=st.booleans(),
)
def test_shared_prompt_round_trip(
    day: date, prompt_id: str, theme: str, answers: dict[int, str], revealed: bool
) -> None:
    revealed = revealed and len(answers) == 2  # shared only once both answered
    prompt = SharedPrompt(
        day=day, prompt_id=prompt_id, theme=theme, answers=answers, revealed=revealed
    )
    data = prompt.as_dict()
    restored = SharedPrompt.from_dict(data)
    assert restored == prompt
    assert restored.as_dict() == data


def test_set_note_only_on_the_partners_own_check_in() -> None:
    """A note is attached to the right record; another partner's id is refused."""
    at = datetime(2026, 1, 5, 21, 30, tzinfo=UTC)
    log = CheckInLog()
    log.add(CheckIn("a", 1, at.date(), at, 3, 4, 2, None))
    log.add(CheckIn("b", 2, at.date(), at, 4, 4, 1, None))
    updated = log.set_note("a", 1, "  tired but close  ")
    assert updated.note == "tired but close"
    assert log.latest(1) == updated
    assert log.set_note("a", 1, "   ").note is None
    with pytest.raises(KeyError):
        log.set_note("b", 1, "not mine")
    assert log.latest(2) is not None
    assert log.latest(2).note is None


def test_a_note_that_is_not_text_is_refused_without_repeating_it() -> None:
    """A stored note of another type cannot come from a check-in."""
    data = make_checkin(date(2026, 1, 5)).as_dict() | {"note": {"secret": "x"}}
    with pytest.raises(ValueError, match="must be text") as err:
        CheckIn.from_dict(data)
    assert "secret" not in str(err.value)


def test_an_answer_that_is_not_text_is_refused_without_repeating_it() -> None:
    """A stored answer of another type cannot come from a reply."""
    data = {
        "day": "2026-01-05",
        "prompt_id": "communication_01",
        "theme": "communication",
        "answers": {"1": ["secret"]},
        "revealed": False,
    }
    with pytest.raises(ValueError, match="must be text") as err:
        SharedPrompt.from_dict(data)
    assert "secret" not in str(err.value)
