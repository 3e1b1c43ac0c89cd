"""Tests for the calm-day decision."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
import json
import random
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core.calm import (
    DEFAULT_KEYWORDS,
    DEFAULT_THRESHOLDS,
    LONGEST_DAY_MINUTES,
    CalendarEvent,
    CalmReason,
    CalmThresholds,
    CalmVerdict,
    Override,
    assess_day,
    day_bounds,
    title_matches,
    validate_keyword,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
NEW_YORK = ZoneInfo("America/New_York")
DAY = date(2025, 1, 15)  # an ordinary Wednesday, no clock change anywhere
NEXT_DAY = DAY + timedelta(days=1)
PREVIOUS_DAY = DAY - timedelta(days=1)

BUSY = CalmReason.BUSY_HOURS
MANY = CalmReason.MANY_EVENTS
KEYWORD = CalmReason.STRESS_KEYWORD
STRESSED = CalmReason.PARTNER_STRESSED


def at(
    hour: int,
    minute: int = 0,
    second: int = 0,
    *,
    day: date = DAY,
    tz: tzinfo = HELSINKI,
) -> datetime:
    """Return an aware local time on the day."""
    return datetime.combine(day, time(hour, minute, second), tzinfo=tz)


def timed(start: datetime, end: datetime, title: str = "Meeting") -> CalendarEvent:
    return CalendarEvent(start=start, end=end, all_day=False, title=title)


def all_day(start: date, end: date, title: str) -> CalendarEvent:
    return CalendarEvent(start=start, end=end, all_day=True, title=title)


def short_events(count: int, title: str = "Call") -> list[CalendarEvent]:
    """Return `count` ten-minute events an hour apart from 08:00."""
    return [timed(at(8 + i), at(8 + i, 10), title) for i in range(count)]


def assess(
    events: list[CalendarEvent] | tuple[CalendarEvent, ...] = (),
    stress: dict[int, int | None] | None = None,
    *,
    day: date = DAY,
    tz: tzinfo = HELSINKI,
    override: Override = Override.AUTOMATIC,
    thresholds: CalmThresholds = DEFAULT_THRESHOLDS,
) -> CalmVerdict:
    return assess_day(
        day=day,
        tz=tz,
        events=events,
        stress=stress or {},
        override=override,
        thresholds=thresholds,
    )


# --- every reason -------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "stress", "reasons", "busy", "count"),
    [
        pytest.param([], {}, (), 0, 0, id="empty-day"),
        pytest.param(
            [timed(at(9), at(13), "Workshop")], {}, (BUSY,), 240, 1, id="busy"
        ),
        pytest.param(short_events(5), {}, (MANY,), 50, 5, id="many"),
        pytest.param(
            [timed(at(10), at(11), "Flight to Oulu")], {}, (KEYWORD,), 60, 1, id="kw"
        ),
        pytest.param([], {1: 2, 2: 4}, (STRESSED,), 0, 0, id="stressed"),
        pytest.param(
            [timed(at(8), at(13), "Final exam"), *short_events(4)],
            {1: 5, 2: None},
            (BUSY, MANY, KEYWORD, STRESSED),
            300,
            5,
            id="all-in-enum-order",
        ),
        pytest.param(
            [timed(at(8), at(13), "Workshop")],
            {2: 4},
            (BUSY, STRESSED),
            300,
            1,
            id="two-reasons-ordered",
        ),
        pytest.param(
            [timed(at(9), at(10), "Exam"), timed(at(14), at(15), "Interview")],
            {},
            (KEYWORD,),
            120,
            2,
            id="keyword-once",
        ),
    ],
)
def test_reasons(
    events: list[CalendarEvent],
    stress: dict[int, int | None],
    reasons: tuple[CalmReason, ...],
    busy: int,
    count: int,
) -> None:
    verdict = assess(events, stress)
    assert verdict == CalmVerdict(
        calm=not reasons, reasons=reasons, busy_minutes=busy, event_count=count
    )


# --- threshold edges ----------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "stress", "thresholds", "reasons"),
    [
        pytest.param([timed(at(9), at(12, 59))], {}, DEFAULT_THRESHOLDS, (), id="239"),
        pytest.param([timed(at(9), at(13))], {}, DEFAULT_THRESHOLDS, (BUSY,), id="240"),
        pytest.param(
            [timed(at(9), at(12, 59, 59))], {}, DEFAULT_THRESHOLDS, (), id="239m59s"
        ),
        pytest.param(short_events(4), {}, DEFAULT_THRESHOLDS, (), id="4-events"),
        pytest.param(short_events(5), {}, DEFAULT_THRESHOLDS, (MANY,), id="5-events"),
        pytest.param([], {1: 3, 2: 3}, DEFAULT_THRESHOLDS, (), id="stress-3"),
        pytest.param([], {1: 3, 2: 4}, DEFAULT_THRESHOLDS, (STRESSED,), id="stress-4"),
        pytest.param([], {1: None, 2: None}, DEFAULT_THRESHOLDS, (), id="no-check-in"),
        pytest.param(
            [timed(at(9), at(10))],
            {},
            CalmThresholds(busy_minutes=60),
            (BUSY,),
            id="custom-busy",
        ),
        pytest.param(
            short_events(1), {}, CalmThresholds(max_events=1), (MANY,), id="custom-max"
        ),
        pytest.param([], {1: 4}, CalmThresholds(stressed_at=5), (), id="custom-stress"),
        pytest.param(
            [timed(at(9), at(10), "Exam")],
            {},
            CalmThresholds(keywords=()),
            (),
            id="no-keywords",
        ),
    ],
)
def test_threshold_edges(
    events: list[CalendarEvent],
    stress: dict[int, int | None],
    thresholds: CalmThresholds,
    reasons: tuple[CalmReason, ...],
) -> None:
    verdict = assess(events, stress, thresholds=thresholds)
    assert verdict.reasons == reasons
    assert verdict.calm is (not reasons)


def test_busy_minutes_round_down() -> None:
    assert assess([timed(at(10), at(10, 0, 59))]).busy_minutes == 0
    assert assess([timed(at(9), at(12, 59, 59))]).busy_minutes == 239


# --- all-day events -----------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "count", "reasons"),
    [
        pytest.param(all_day(DAY, NEXT_DAY, "Sam's birthday"), 0, (), id="birthday"),
        pytest.param(all_day(DAY, NEXT_DAY, "Itsenäisyyspäivä"), 0, (), id="holiday"),
        pytest.param(
            all_day(PREVIOUS_DAY, DAY + timedelta(days=3), "Matka Lappiin"),
            1,
            (KEYWORD,),
            id="trip-covering",
        ),
        pytest.param(all_day(DAY, NEXT_DAY, "Exam"), 1, (KEYWORD,), id="one-day"),
        pytest.param(all_day(DAY, DAY, "Exam"), 1, (KEYWORD,), id="no-end"),
        pytest.param(all_day(PREVIOUS_DAY, DAY, "Exam"), 0, (), id="ended-before"),
        pytest.param(all_day(NEXT_DAY, NEXT_DAY, "Exam"), 0, (), id="no-end-later"),
        pytest.param(
            all_day(NEXT_DAY, NEXT_DAY + timedelta(days=1), "Exam"),
            0,
            (),
            id="starts-after",
        ),
    ],
)
def test_all_day_events(
    event: CalendarEvent, count: int, reasons: tuple[CalmReason, ...]
) -> None:
    verdict = assess([event])
    assert verdict.event_count == count
    assert verdict.reasons == reasons
    assert verdict.busy_minutes == 0


def test_all_day_keyword_event_counts_towards_many_events() -> None:
    events = [all_day(DAY, NEXT_DAY, "Deadline"), *short_events(4)]
    verdict = assess(events)
    assert verdict.event_count == 5
    assert verdict.reasons == (MANY, KEYWORD)
    assert verdict.busy_minutes == 40


# --- midnight, overlaps, zones ------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "busy", "count"),
    [
        pytest.param(at(22, day=PREVIOUS_DAY), at(2), 120, 1, id="from-yesterday"),
        pytest.param(at(23), at(3, day=NEXT_DAY), 60, 1, id="into-tomorrow"),
        pytest.param(
            at(12, day=PREVIOUS_DAY), at(12, day=NEXT_DAY), 1440, 1, id="whole-day"
        ),
        pytest.param(at(20, day=PREVIOUS_DAY), at(0), 0, 0, id="ends-at-midnight"),
        pytest.param(at(0, day=NEXT_DAY), at(2, day=NEXT_DAY), 0, 0, id="next-day"),
        pytest.param(at(0), at(0), 0, 1, id="instant-at-midnight"),
        pytest.param(at(0, day=NEXT_DAY), at(0, day=NEXT_DAY), 0, 0, id="instant-next"),
        pytest.param(at(12), at(12), 0, 1, id="instant-at-noon"),
    ],
)
def test_events_around_midnight(
    start: datetime, end: datetime, busy: int, count: int
) -> None:
    verdict = assess([timed(start, end)])
    assert (verdict.busy_minutes, verdict.event_count) == (busy, count)


@pytest.mark.parametrize(
    ("spans", "busy"),
    [
        pytest.param([(9, 11), (10, 12)], 180, id="overlapping"),
        pytest.param([(9, 13), (10, 11)], 240, id="nested"),
        pytest.param([(9, 11), (9, 11)], 120, id="duplicate"),
        pytest.param([(9, 10), (10, 11)], 120, id="adjacent"),
        pytest.param([(14, 16), (9, 11), (10, 12)], 300, id="unsorted"),
        pytest.param([(10, 12), (10, 12), (10, 12)], 120, id="below-threshold"),
    ],
)
def test_overlaps_count_once(spans: list[tuple[int, int]], busy: int) -> None:
    verdict = assess([timed(at(start), at(end)) for start, end in spans])
    assert verdict.busy_minutes == busy
    assert verdict.event_count == len(spans)
    assert (BUSY in verdict.reasons) is (busy >= 240)


@pytest.mark.parametrize(
    ("day", "tz", "busy", "count"),
    [
        pytest.param(DAY, HELSINKI, 60, 1, id="helsinki-next-local-day"),
        pytest.param(PREVIOUS_DAY, HELSINKI, 120, 1, id="helsinki-same-date"),
        pytest.param(DAY, NEW_YORK, 0, 0, id="new-york-not-yet"),
        pytest.param(PREVIOUS_DAY, NEW_YORK, 180, 1, id="new-york-afternoon"),
        pytest.param(PREVIOUS_DAY, UTC, 180, 1, id="utc"),
    ],
)
def test_utc_event_against_local_days(
    day: date, tz: tzinfo, busy: int, count: int
) -> None:
    # 20:00-23:00 UTC on 14 January is 22:00-01:00 in Helsinki, 15:00-18:00 in NY.
    event = timed(at(20, day=PREVIOUS_DAY, tz=UTC), at(23, day=PREVIOUS_DAY, tz=UTC))
    verdict = assess([event], day=day, tz=tz)
    assert (verdict.busy_minutes, verdict.event_count) == (busy, count)


@pytest.mark.parametrize(
    ("day", "tz", "hours"),
    [
        pytest.param(DAY, HELSINKI, 24, id="helsinki-winter"),
        pytest.param(date(2025, 3, 30), HELSINKI, 23, id="helsinki-spring"),
        pytest.param(date(2025, 10, 26), HELSINKI, 25, id="helsinki-autumn"),
        pytest.param(date(2025, 3, 9), NEW_YORK, 23, id="new-york-spring"),
        pytest.param(date(2025, 11, 2), NEW_YORK, 25, id="new-york-autumn"),
    ],
)
def test_clock_change_days(day: date, tz: tzinfo, hours: int) -> None:
    start, end = day_bounds(day, tz)
    assert end - start == timedelta(hours=hours)
    around = timed(
        at(20, day=day - timedelta(days=1), tz=tz),
        at(4, day=day + timedelta(days=1), tz=tz),
    )
    assert assess([around], day=day, tz=tz).busy_minutes == hours * 60
    # Six wall-clock hours after midnight hold one hour less or more.
    morning = assess(
        [timed(at(0, day=day, tz=tz), at(6, day=day, tz=tz))], day=day, tz=tz
    )
    assert morning.busy_minutes == (6 + hours - 24) * 60


def test_longest_day_can_reach_the_highest_threshold() -> None:
    day = date(2025, 10, 26)
    event = timed(at(0, day=day), at(0, day=day + timedelta(days=1)))
    verdict = assess(
        [event], day=day, thresholds=CalmThresholds(busy_minutes=LONGEST_DAY_MINUTES)
    )
    assert verdict.reasons == (BUSY,)


# --- naive datetimes ----------------------------------------------------------


def naive(hour: int, minute: int = 0, *, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.mark.parametrize("tz", [HELSINKI, NEW_YORK, UTC], ids=str)
def test_naive_datetimes_are_local(tz: tzinfo) -> None:
    verdict = assess([timed(naive(9), naive(13))], tz=tz)
    assert (verdict.busy_minutes, verdict.reasons) == (240, (BUSY,))
    late = assess([timed(naive(22, day=PREVIOUS_DAY), naive(1))], tz=tz)
    assert late.busy_minutes == 60


def test_naive_across_a_clock_change_is_measured_in_real_time() -> None:
    spring = date(2025, 3, 30)  # Helsinki skips 03:00-04:00
    verdict = assess([timed(naive(2, day=spring), naive(5, day=spring))], day=spring)
    assert verdict.busy_minutes == 120


def test_naive_and_aware_events_overlap_in_real_time() -> None:
    local = timed(naive(9), naive(10))
    same_moment = timed(at(7, tz=UTC), at(8, tz=UTC))  # 09:00-10:00 in Helsinki
    verdict = assess([local, same_moment])
    assert (verdict.busy_minutes, verdict.event_count) == (60, 2)


def test_events_may_be_a_one_shot_iterable() -> None:
    verdict = assess_day(
        day=DAY,
        tz=HELSINKI,
        events=(event for event in short_events(5)),
        stress={},
    )
    assert verdict.event_count == 5


# --- keywords -----------------------------------------------------------------

STRESSFUL_TITLES = [
    "Project deadline",
    "DEADLINES this week",
    "Final exam",
    "Exams",
    "Travel to Berlin",
    "travelling home",
    "Flight AY123",
    "Moving day",
    "Knee surgery",
    "Surgeries",
    "Sam's job interview",
    "interviewing candidates",
    "Funeral",
    "Court hearing",
    "Määräaika",
    "MÄÄRÄAIKA",
    "Ma\u0308a\u0308ra\u0308aika",  # decomposed umlauts, as some calendars send
    "Määräajan umpeutuminen",
    "Hakemuksen takarajaan",
    "Tentti",
    "Tentissä klo 9",
    "Välitentti",
    "Tenttiviikko",
    "Koe",
    "Pääsykoe",
    "Koeviikko",
    "Kokeessa",
    "Matka Lappiin",
    "Lomamatkalla",
    "Matkustus",
    "Lento Tukholmaan",
    "Jatkolento",
    "Lentokentälle",
    "Lennolla Ouluun",
    "Muutto",
    "Muuttopäivä",
    "Muuton jälkeen",
    "Leikkaus",
    "Leikkaukseen",
    "Työhaastattelu",
    "Haastatteluun",
    "Hautajaiset",
    "Oikeudenkäynti",
    "Käräjäoikeus",
    "deadline:n tarkistus",
]

CALM_TITLES = [
    "",
    "!!!",
    "Example review",
    "Examine the results",
    "Courtyard party",
    "Courtesy call",
    "Intention setting",
    "Attentive listening",
    "Tentative plan",
    "Movie night",
    "Lentopallo",
    "Muutos palaveriin",
    "Hiustenleikkaus",
    "Lennon tribute",
    "Kokous",
    "Kokoelma",
    "Birthday",
    "Yoga",
]


@pytest.mark.parametrize("title", STRESSFUL_TITLES)
def test_default_keywords_find_stressful_titles(title: str) -> None:
    assert title_matches(title, DEFAULT_KEYWORDS)


@pytest.mark.parametrize("title", CALM_TITLES)
def test_default_keywords_leave_other_titles_alone(title: str) -> None:
    assert not title_matches(title, DEFAULT_KEYWORDS)


@pytest.mark.parametrize(
    ("keyword", "title", "expected"),
    [
        pytest.param("gym", "Gym", True, id="plain-equal"),
        pytest.param("gym", "Gymnastics", False, id="plain-not-prefix"),
        pytest.param("gym", "Big-gym", True, id="plain-after-hyphen"),
        pytest.param("gym*", "Gymnastics", True, id="trailing-prefix"),
        pytest.param("gym*", "Biggym", False, id="trailing-not-suffix"),
        pytest.param("*gym", "Biggym", True, id="leading-suffix"),
        pytest.param("*gym", "Gymnastics", False, id="leading-not-prefix"),
        pytest.param("*gym*", "Biggymnastics", True, id="both-inside"),
        pytest.param("Dentist", "DENTIST", True, id="case-insensitive"),
        pytest.param("strasse", "Straße", True, id="casefold"),
    ],
)
def test_keyword_rule(keyword: str, title: str, expected: bool) -> None:
    assert title_matches(title, [keyword]) is expected


@pytest.mark.parametrize("keyword", ["exam", "*exam", "exam*", "*exam*", "Määräaika"])
def test_valid_keywords(keyword: str) -> None:
    assert validate_keyword(keyword) == keyword


@pytest.mark.parametrize(
    "keyword", ["", "*", "**", "job interview", "ex*am", "**exam", "exam**", "exam!"]
)
def test_invalid_keywords(keyword: str) -> None:
    with pytest.raises(ValueError, match="one word"):
        validate_keyword(keyword)
    with pytest.raises(ValueError, match="one word"):
        CalmThresholds(keywords=("exam", keyword))


def test_default_keywords_are_valid() -> None:
    assert all(validate_keyword(keyword) for keyword in DEFAULT_KEYWORDS)


def test_keyword_on_an_event_outside_the_day_is_ignored() -> None:
    verdict = assess([timed(at(9, day=NEXT_DAY), at(10, day=NEXT_DAY), "Exam")])
    assert verdict == CalmVerdict(calm=True, reasons=(), busy_minutes=0, event_count=0)


# --- override -----------------------------------------------------------------


def test_override_calm_wins_over_a_hard_day() -> None:
    events = [timed(at(8), at(13), "Exam"), *short_events(4)]
    verdict = assess(events, {1: 5}, override=Override.CALM)
    assert verdict == CalmVerdict(
        calm=True, reasons=(CalmReason.OVERRIDE,), busy_minutes=300, event_count=5
    )


def test_override_not_calm_wins_over_a_quiet_day() -> None:
    verdict = assess(override=Override.NOT_CALM)
    assert verdict == CalmVerdict(
        calm=False, reasons=(CalmReason.OVERRIDE,), busy_minutes=0, event_count=0
    )


def test_override_still_checks_the_stress_scores() -> None:
    with pytest.raises(ValueError, match="stress"):
        assess(stress={1: 9}, override=Override.CALM)


# --- unreadable calendars ----------------------------------------------------


def test_an_unreadable_calendar_alone_makes_the_day_not_calm() -> None:
    """With part of the day unknown, calm cannot be claimed; the reason says why."""
    verdict = assess_day(
        day=DAY, tz=HELSINKI, events=[], stress={}, calendar_unreadable=True
    )
    assert verdict == CalmVerdict(
        calm=False,
        reasons=(CalmReason.CALENDAR_UNREADABLE,),
        busy_minutes=0,
        event_count=0,
    )


def test_an_unreadable_calendar_comes_after_the_known_reasons() -> None:
    verdict = assess_day(
        day=DAY,
        tz=HELSINKI,
        events=[timed(at(8), at(13))],
        stress={2: 5},
        calendar_unreadable=True,
    )
    assert verdict.reasons == (BUSY, STRESSED, CalmReason.CALENDAR_UNREADABLE)


def test_the_override_still_wins_over_an_unreadable_calendar() -> None:
    verdict = assess_day(
        day=DAY,
        tz=HELSINKI,
        events=[],
        stress={},
        override=Override.CALM,
        calendar_unreadable=True,
    )
    assert (verdict.calm, verdict.reasons) == (True, (CalmReason.OVERRIDE,))


# --- validation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"busy_minutes": 0}, "busy_minutes"),
        ({"busy_minutes": LONGEST_DAY_MINUTES + 1}, "busy_minutes"),
        ({"max_events": 0}, "max_events"),
        ({"stressed_at": 0}, "stressed_at"),
        ({"stressed_at": 6}, "stressed_at"),
    ],
)
def test_thresholds_refuse_meaningless_limits(
    kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        CalmThresholds(**kwargs)


def test_thresholds_accept_their_extremes() -> None:
    low = CalmThresholds(busy_minutes=1, max_events=1, stressed_at=1, keywords=())
    high = CalmThresholds(busy_minutes=LONGEST_DAY_MINUTES, stressed_at=5)
    assert (low.busy_minutes, low.stressed_at) == (1, 1)
    assert (high.busy_minutes, high.stressed_at) == (LONGEST_DAY_MINUTES, 5)


@pytest.mark.parametrize(
    ("start", "end", "is_all_day", "message"),
    [
        pytest.param(at(9), at(10), True, "dates, not datetimes", id="all-day-times"),
        pytest.param(DAY, NEXT_DAY, False, "datetimes, not dates", id="timed-dates"),
        pytest.param(DAY, at(10), False, "datetimes, not dates", id="timed-mixed"),
        pytest.param(naive(9), at(10), False, "naive and aware", id="naive-aware"),
        pytest.param(at(10), at(9), False, "before it starts", id="timed-backwards"),
        pytest.param(NEXT_DAY, DAY, True, "before it starts", id="all-day-backwards"),
    ],
)
def test_calendar_event_refuses_nonsense(
    start: datetime | date, end: datetime | date, is_all_day: bool, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        CalendarEvent(start=start, end=end, all_day=is_all_day, title="x")


@pytest.mark.parametrize("score", [0, 6, -1, True])
def test_stress_outside_the_scale_is_refused(score: int) -> None:
    with pytest.raises(ValueError, match="stress must be from 1 to 5"):
        assess(stress={1: score})


# --- storage ------------------------------------------------------------------


def test_thresholds_from_dict_fills_missing_keys_with_defaults() -> None:
    assert CalmThresholds.from_dict({}) == DEFAULT_THRESHOLDS
    assert CalmThresholds.from_dict({"max_events": 3}) == CalmThresholds(max_events=3)


def test_verdict_as_dict_is_plain_json() -> None:
    verdict = assess([timed(at(8), at(13), "Exam")], {1: 4})
    assert json.loads(json.dumps(verdict.as_dict())) == {
        "calm": False,
        "reasons": ["busy_hours", "stress_keyword", "partner_stressed"],
        "busy_minutes": 300,
        "event_count": 1,
    }


keywords_st = st.lists(
    st.sampled_from(["exam", "*gym", "gym*", "*matka*", "Määräaika"]), max_size=4
).map(tuple)
thresholds_st = st.builds(
    CalmThresholds,
    busy_minutes=st.integers(1, LONGEST_DAY_MINUTES),
    max_events=st.integers(1, 50),
    stressed_at=st.integers(1, 5),
    keywords=keywords_st,
)


@given(thresholds_st)
def test_thresholds_round_trip(thresholds: CalmThresholds) -> None:
    data = json.loads(json.dumps(thresholds.as_dict()))
    assert CalmThresholds.from_dict(data) == thresholds


@given(
    st.builds(
        CalmVerdict,
        calm=st.booleans(),
        reasons=st.lists(st.sampled_from(CalmReason), unique=True).map(tuple),
        busy_minutes=st.integers(0, LONGEST_DAY_MINUTES),
        event_count=st.integers(0, 100),
    )
)
def test_verdict_round_trip(verdict: CalmVerdict) -> None:
    data = json.loads(json.dumps(verdict.as_dict()))
    assert CalmVerdict.from_dict(data) == verdict


# --- properties ---------------------------------------------------------------

ZONES: list[tzinfo] = [
    UTC,
    HELSINKI,
    NEW_YORK,
    ZoneInfo("Australia/Lord_Howe"),  # half-hour clock change
    ZoneInfo("Asia/Kathmandu"),
    timezone(timedelta(hours=-3, minutes=-30)),
]
DAYS = st.one_of(
    st.sampled_from(
        [
            date(2025, 3, 30),
            date(2025, 10, 26),
            date(2025, 3, 9),
            date(2025, 11, 2),
            date(2025, 4, 6),
            date(2025, 10, 5),
        ]
    ),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
)
TITLES = st.sampled_from(["Standup", "Exam", "Syntymäpäivä", "Lento Rovaniemelle"])


@st.composite
def events_near(draw: st.DrawFn, day: date) -> CalendarEvent:
    """Draw a timed or all-day event within two days of `day`."""
    title = draw(TITLES)
    if draw(st.booleans()):
        start_day = day + timedelta(days=draw(st.integers(-3, 3)))
        length = timedelta(days=draw(st.integers(0, 4)))
        return all_day(start_day, start_day + length, title)
    zone = draw(st.one_of(st.none(), st.sampled_from(ZONES)))
    offset = timedelta(seconds=draw(st.integers(-48 * 3600, 48 * 3600)))
    start = datetime.combine(day, time()).replace(tzinfo=zone) + offset
    length = timedelta(seconds=draw(st.integers(0, 36 * 3600)))
    return timed(start, start + length, title)


@st.composite
def day_and_events(
    draw: st.DrawFn,
) -> tuple[date, tzinfo, list[CalendarEvent]]:
    day = draw(DAYS)
    return day, draw(st.sampled_from(ZONES)), draw(st.lists(events_near(day)))


@given(day_and_events())
def test_busy_minutes_never_exceed_the_day(
    case: tuple[date, tzinfo, list[CalendarEvent]],
) -> None:
    day, tz, events = case
    start, end = day_bounds(day, tz)
    verdict = assess(events, day=day, tz=tz)
    assert 0 <= verdict.busy_minutes <= (end - start) // timedelta(minutes=1)
    assert 0 <= verdict.event_count <= len(events)


@given(day_and_events(), st.data())
def test_adding_an_event_never_makes_a_day_lighter(
    case: tuple[date, tzinfo, list[CalendarEvent]], data: st.DataObject
) -> None:
    day, tz, events = case
    extra = data.draw(events_near(day))
    before = assess(events, day=day, tz=tz)
    after = assess([*events, extra], day=day, tz=tz)
    assert after.busy_minutes >= before.busy_minutes
    assert before.event_count <= after.event_count <= before.event_count + 1
    assert set(before.reasons) <= set(after.reasons)


@given(day_and_events(), st.randoms(use_true_random=False))
def test_event_order_does_not_matter(
    case: tuple[date, tzinfo, list[CalendarEvent]], rnd: random.Random
) -> None:
    day, tz, events = case
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert assess(shuffled, day=day, tz=tz) == assess(events, day=day, tz=tz)


@given(day_and_events())
def test_naive_times_mean_the_days_zone(
    case: tuple[date, tzinfo, list[CalendarEvent]],
) -> None:
    day, tz, events = case
    naive_events = [
        timed(e.start.replace(tzinfo=None), e.end.replace(tzinfo=None), e.title)
        for e in events
        if isinstance(e.start, datetime) and isinstance(e.end, datetime)
        if e.start.tzinfo is tz
    ]
    local_events = [
        timed(e.start.replace(tzinfo=tz), e.end.replace(tzinfo=tz), e.title)
        for e in events
        if isinstance(e.start, datetime) and isinstance(e.end, datetime)
        if e.start.tzinfo is tz
    ]
    assert assess(naive_events, day=day, tz=tz) == assess(local_events, day=day, tz=tz)


@given(
    day_and_events(),
    st.dictionaries(st.sampled_from([1, 2]), st.one_of(st.none(), st.integers(1, 5))),
    thresholds_st,
)
def test_reasons_are_ordered_and_overrides_keep_counts(
    case: tuple[date, tzinfo, list[CalendarEvent]],
    stress: dict[int, int | None],
    thresholds: CalmThresholds,
) -> None:
    day, tz, events = case
    automatic = assess(events, stress, day=day, tz=tz, thresholds=thresholds)
    order = list(CalmReason)
    assert list(automatic.reasons) == sorted(set(automatic.reasons), key=order.index)
    assert CalmReason.OVERRIDE not in automatic.reasons
    assert automatic.calm is (not automatic.reasons)
    for override in (Override.CALM, Override.NOT_CALM):
        forced = assess(
            events, stress, day=day, tz=tz, override=override, thresholds=thresholds
        )
        assert forced.calm is (override is Override.CALM)
        assert forced.reasons == (CalmReason.OVERRIDE,)
        assert (forced.busy_minutes, forced.event_count) == (
            automatic.busy_minutes,
            automatic.event_count,
        )


@given(
    st.text(min_size=1).map(lambda text: f"Exam ⟨{text}⟩ private"),
    st.sampled_from(list(Override)),
)
def test_verdict_never_holds_a_title(title: str, override: Override) -> None:
    events = [timed(at(9), at(10), title), all_day(DAY, NEXT_DAY, title)]
    verdict = assess(events, override=override)
    assert verdict.event_count == 2
    assert {field.name for field in fields(CalmVerdict)} == {
        "calm",
        "reasons",
        "busy_minutes",
        "event_count",
    }
    for text in (repr(verdict), str(verdict), json.dumps(verdict.as_dict())):
        assert "private" not in text
        assert title not in text
    assert "private" not in repr(events[0])
