"""Tests for the cycle review's figures, on a small cycle worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
import json

from custom_components.microdose_together.core.checkins import CheckIn
from custom_components.microdose_together.core.cycle_review import review_at_break
from custom_components.microdose_together.core.doses import DoseRecord, Form
from custom_components.microdose_together.core.protocol import Preset, Protocol

MONDAY = date(2026, 1, 5)
ZONE = timezone(timedelta(hours=2))
# Fadiman, three weeks on and one off: dose days at offsets 0, 3, ... 18, the days
# after at 1, 4, ... 19, rest days at 2, 5, ... 20; the break holds offsets 21-27.
PROTOCOL = Protocol(preset=Preset.FADIMAN, start=MONDAY, weeks_on=3, weeks_off=1)
DOSE_OFFSETS = (0, 3, 6, 9, 12, 15, 18)
REST_OFFSETS = (2, 5, 8, 11, 14, 17, 20)
# Alex's dose-day moods sum to 28 (mean 4.0), rest-day moods to 21 (mean 3.0);
# connection is 5 on dose days and 4 on rest days.
ALEX_DOSE_MOODS = (3, 5, 4, 4, 4, 4, 4)
ALEX_REST_MOODS = (2, 4, 3, 3, 3, 3, 3)


def on(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def checkin(
    offset: int, partner: int, mood: int, connection: int, hour: int = 21
) -> CheckIn:
    day = on(offset)
    return CheckIn(
        id=f"c{partner}-{offset}-{hour}",
        partner=partner,
        day=day,
        at=datetime.combine(day, time(hour), tzinfo=ZONE),
        mood=mood,
        connection=connection,
        stress=3,
        note="a private note",
    )


def dose(offset: int, partner: int) -> DoseRecord:
    day = on(offset)
    return DoseRecord(
        id=f"d{partner}-{offset}",
        partner=partner,
        day=day,
        taken_at=datetime.combine(day, time(8), tzinfo=ZONE),
        amount_g=0.1,
        form=Form.DRIED,
    )


def alex_checkins() -> list[CheckIn]:
    moods = dict(zip(DOSE_OFFSETS, ALEX_DOSE_MOODS, strict=True))
    moods |= dict(zip(REST_OFFSETS, ALEX_REST_MOODS, strict=True))
    records = []
    for offset in range(21):  # every day of the dosing weeks
        mood = moods.get(offset, 1)  # a day after: 1, never in the means
        connection = 5 if offset in DOSE_OFFSETS else 4 if offset in moods else 1
        records.append(checkin(offset, 1, mood, connection))
    records.append(checkin(3, 1, 1, 1, hour=9))  # earlier that day: not counted
    records.append(checkin(-1, 1, 1, 1))  # before the protocol: no cycle's day
    records.append(checkin(21, 1, 1, 1))  # the break's first day: not the cycle's
    return records


def sam_checkins() -> list[CheckIn]:
    return [checkin(offset, 2, 3, 3) for offset in range(6)]


def doses() -> list[DoseRecord]:
    return [dose(o, 1) for o in DOSE_OFFSETS] + [dose(0, 2), dose(3, 2)]


def test_the_review_on_the_breaks_first_day() -> None:
    """Alex has enough days to compare; Sam checked in six days, dosed twice."""
    review = review_at_break(
        PROTOCOL, alex_checkins() + sam_checkins(), doses(), on(21)
    )
    assert review is not None
    assert (review.cycle, review.start, review.end, review.days) == (
        1,
        on(0),
        on(20),
        21,
    )
    alex, sam = review.partners[1], review.partners[2]
    assert alex.checked_in_days == 21
    assert (alex.dose_days, alex.rest_days) == (7, 7)
    assert alex.enough
    assert dict(alex.dose_day_means or {}) == {"mood": 4.0, "connection": 5.0}
    assert dict(alex.rest_day_means or {}) == {"mood": 3.0, "connection": 4.0}
    # Sam: offsets 0 and 3 are dose days, 1 and 4 days after, 2 and 5 rest days.
    assert sam.checked_in_days == 6
    assert (sam.dose_days, sam.rest_days) == (2, 2)
    assert not sam.enough
    assert sam.dose_day_means is None
    assert sam.rest_day_means is None


def test_the_review_as_numbers_only() -> None:
    """The event's data: dates, counts and rounded means, no text of anyone's."""
    review = review_at_break(
        PROTOCOL, alex_checkins() + sam_checkins(), doses(), on(21)
    )
    assert review is not None
    data = review.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert "private" not in json.dumps(data)
    assert data == {
        "cycle": 1,
        "start": "2026-01-05",
        "end": "2026-01-25",
        "days": 21,
        "partners": {
            "1": {
                "checked_in_days": 21,
                "dose_days": 7,
                "rest_days": 7,
                "enough": True,
                "dose_day_means": {"mood": 4.0, "connection": 5.0},
                "rest_day_means": {"mood": 3.0, "connection": 4.0},
            },
            "2": {
                "checked_in_days": 6,
                "dose_days": 2,
                "rest_days": 2,
                "enough": False,
                "dose_day_means": None,
                "rest_day_means": None,
            },
        },
    }


def test_means_are_rounded_for_the_event() -> None:
    """Dose-day moods 4, 5 and five times 3 (24/7 = 3.428...) travel as 3.43."""
    records = [checkin(o, 1, 3, 4) for o in (*DOSE_OFFSETS, *REST_OFFSETS)]
    records[0] = checkin(0, 1, 4, 4)
    records[1] = checkin(3, 1, 5, 4)
    review = review_at_break(PROTOCOL, records, doses(), on(21))
    assert review is not None
    assert review.partners[1].dose_day_means == {"mood": 24 / 7, "connection": 4.0}
    assert review.as_dict()["partners"]["1"]["dose_day_means"]["mood"] == 3.43


def test_the_second_cycle_is_reviewed_at_its_own_break() -> None:
    """Cycle 2's dosing weeks run from offset 28 to 48; its break begins at 49."""
    review = review_at_break(PROTOCOL, [checkin(28, 1, 3, 3)], [], on(49))
    assert review is not None
    assert (review.cycle, review.start, review.end) == (2, on(28), on(48))
    assert review.partners[1].checked_in_days == 1
    assert review.partners[2].checked_in_days == 0


def test_paused_days_belong_to_no_cycle() -> None:
    """Two paused days push the break back and leave the cycle's count."""
    paused = PROTOCOL.pause(on(5)).resume(on(7))  # offsets 5 and 6 paused
    assert review_at_break(paused, [], [], on(21)) is None  # still dosing weeks
    review = review_at_break(paused, [checkin(7, 2, 3, 3)], [], on(23))
    assert review is not None
    assert (review.start, review.end, review.days) == (on(0), on(22), 21)


def test_a_cycle_without_a_check_in_gets_no_review() -> None:
    """Installed on the break's first day, say: doses alone make no review."""
    assert review_at_break(PROTOCOL, [], doses(), on(21)) is None
    assert review_at_break(PROTOCOL, [checkin(20, 2, 3, 3)], [], on(21)) is not None


def test_no_review_outside_a_break() -> None:
    """A dose day, a rest day, a day before the protocol and a later break day."""
    for day in (on(0), on(20), on(-3), on(28), on(22), on(27)):
        assert review_at_break(PROTOCOL, alex_checkins(), doses(), day) is None
