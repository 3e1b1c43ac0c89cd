"""Tests for dose records and the guard: refusals, acknowledgement, go-slow."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
import json
from typing import Any

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core.doses import (
    CLOCK_SKEW,
    DEFAULT_START_G,
    HARD_CEILING_G,
    MAX_RISE_PER_CYCLE_G,
    PLAUSIBLE_LIMIT_G,
    DoseLog,
    DoseRecord,
    DoseRefusedError,
    DoseRejectedError,
    Form,
    Refusal,
    Rejection,
    allowed_starting_amount,
    ceiling_refusal,
)
from custom_components.microdose_together.core.protocol import Phase, Preset, Protocol

MONDAY = date(2026, 1, 5)
HELSINKI_WINTER = timezone(timedelta(hours=2))
CEILINGS = {Form.DRIED: 0.3, Form.FRESH_TRUFFLE: 1.0}


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=HELSINKI_WINTER)


def log(
    doses: DoseLog,
    record_id: str,
    *,
    partner: int = 1,
    day: date = MONDAY,
    hour: int = 8,
    amount_g: float = 0.1,
    form: Form = Form.DRIED,
    phase: Phase = Phase.DOSE_DAY,
    ceilings: dict[Form, float] | None = None,
    acknowledged: bool = False,
) -> DoseRecord:
    return doses.log(
        record_id=record_id,
        partner=partner,
        day=day,
        taken_at=at(day, hour),
        now=at(day, hour),
        amount_g=amount_g,
        form=form,
        phase=phase,
        ceilings=CEILINGS if ceilings is None else ceilings,
        acknowledged=acknowledged,
    )


def refusals(doses: DoseLog, **changes: Any) -> tuple[Refusal, ...]:
    attempt: dict[str, Any] = {
        "partner": 1,
        "day": MONDAY,
        "amount_g": 0.1,
        "form": Form.DRIED,
        "phase": Phase.DOSE_DAY,
        "ceilings": CEILINGS,
    }
    return doses.refusals(**(attempt | changes))


# ---- the guard, one refusal at a time ---------------------------------------


def test_a_first_dose_on_a_dose_day_is_on_protocol() -> None:
    doses = DoseLog(records=[])
    record = log(doses, "a")
    assert record == DoseRecord(
        id="a",
        partner=1,
        day=MONDAY,
        taken_at=at(MONDAY),
        amount_g=0.1,
        form=Form.DRIED,
        flags=frozenset(),
    )
    assert not record.off_protocol
    assert doses.records == [record]


def test_second_dose_the_same_day_is_refused() -> None:
    doses = DoseLog(records=[])
    log(doses, "a")
    assert refusals(doses) == (Refusal.ALREADY_DOSED_TODAY,)
    with pytest.raises(DoseRefusedError) as err:
        log(doses, "b", hour=20)
    assert err.value.reasons == (Refusal.ALREADY_DOSED_TODAY,)
    assert str(err.value) == "dose refused: already_dosed_today"
    assert [record.id for record in doses.records] == ["a"]
    # The other partner, and the next day, are not affected.
    assert refusals(doses, partner=2) == ()
    assert refusals(doses, day=MONDAY + timedelta(days=1)) == ()


@pytest.mark.parametrize(
    ("amount_g", "form", "ceilings", "refused"),
    [
        (0.3, Form.DRIED, CEILINGS, False),
        (0.1 + 0.2, Form.DRIED, CEILINGS, False),  # 0.30000000000000004
        (0.31, Form.DRIED, CEILINGS, True),
        (0.25, Form.DRIED, {Form.DRIED: 0.25}, False),
        (0.26, Form.DRIED, {Form.DRIED: 0.25}, True),
        (0.31, Form.DRIED, {Form.DRIED: 0.5}, True),  # never above the seed figure
        (0.31, Form.DRIED, {}, True),
        (1.0, Form.FRESH_TRUFFLE, CEILINGS, False),
        (1.01, Form.FRESH_TRUFFLE, CEILINGS, True),
        (0.8, Form.FRESH_TRUFFLE, {Form.FRESH_TRUFFLE: 0.7}, True),
    ],
)
def test_above_ceiling(
    amount_g: float, form: Form, ceilings: dict[Form, float], refused: bool
) -> None:
    found = refusals(DoseLog(), amount_g=amount_g, form=form, ceilings=ceilings)
    assert found == ((Refusal.ABOVE_CEILING,) if refused else ())


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (Phase.DOSE_DAY, ()),
        (Phase.REST_DAY, (Refusal.REST_DAY,)),
        (Phase.TOLERANCE_BREAK, (Refusal.TOLERANCE_BREAK,)),
        (Phase.PAUSED, (Refusal.PAUSED,)),
    ],
)
def test_phase_refusals(phase: Phase, expected: tuple[Refusal, ...]) -> None:
    doses = DoseLog()
    assert refusals(doses, phase=phase) == expected
    if expected:
        with pytest.raises(DoseRefusedError) as err:
            log(doses, "a", phase=phase)
        assert err.value.reasons == expected
        assert doses.records == []


def test_every_reason_is_given_in_order() -> None:
    doses = DoseLog()
    log(doses, "a", phase=Phase.REST_DAY, acknowledged=True)
    assert refusals(doses, amount_g=0.5, phase=Phase.REST_DAY) == (
        Refusal.ALREADY_DOSED_TODAY,
        Refusal.ABOVE_CEILING,
        Refusal.REST_DAY,
    )


# ---- acknowledgement ---------------------------------------------------------


def test_acknowledged_dose_is_stored_and_flagged() -> None:
    doses = DoseLog()
    record = log(
        doses,
        "a",
        amount_g=0.35,
        phase=Phase.TOLERANCE_BREAK,
        acknowledged=True,
    )
    assert record.flags == {Refusal.ABOVE_CEILING, Refusal.TOLERANCE_BREAK}
    assert record.off_protocol
    assert doses.records == [record]
    assert doses.off_protocol_count(1) == 1
    assert doses.off_protocol_count(2) == 0
    second = log(doses, "b", hour=21, acknowledged=True)
    assert second.flags == {Refusal.ALREADY_DOSED_TODAY}
    assert doses.count(1, MONDAY, MONDAY) == 2
    assert doses.off_protocol_count(1) == 2


def test_acknowledging_an_allowed_dose_flags_nothing() -> None:
    record = log(DoseLog(), "a", acknowledged=True)
    assert record.flags == frozenset()
    assert not record.off_protocol


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount_g": 0.0}, "more than 0 g"),
        ({"amount_g": -0.1}, "more than 0 g"),
        ({"amount_g": float("nan")}, "more than 0 g"),
        ({"amount_g": float("inf")}, "more than 0 g"),
        ({"partner": 0}, "partner must be 1 or 2"),
        ({"partner": 3}, "partner must be 1 or 2"),
    ],
)
def test_impossible_doses(changes: dict[str, Any], message: str) -> None:
    doses = DoseLog()
    with pytest.raises(ValueError, match=message):
        refusals(doses, **changes)
    with pytest.raises(ValueError, match=message):
        log(doses, "a", acknowledged=True, **changes)
    assert doses.records == []


def test_ids_are_unique() -> None:
    doses = DoseLog()
    log(doses, "a")
    with pytest.raises(ValueError, match="'a' is already recorded"):
        log(doses, "a", partner=2)
    assert len(doses.records) == 1


def test_records_need_an_aware_time() -> None:
    with pytest.raises(ValueError, match="time zone"):
        DoseRecord(
            id="a",
            partner=1,
            day=MONDAY,
            taken_at=datetime(2026, 1, 5, 8),
            amount_g=0.1,
            form=Form.DRIED,
            flags=frozenset(),
        )


# ---- reading the log ---------------------------------------------------------


def test_delete() -> None:
    doses = DoseLog()
    first = log(doses, "a")
    second = log(doses, "b", partner=2)
    assert doses.delete("a") == first
    assert doses.records == [second]
    # Deleting frees the day again.
    assert refusals(doses) == ()
    with pytest.raises(KeyError):
        doses.delete("a")


def test_counts_are_per_partner_and_inclusive() -> None:
    doses = DoseLog()
    for offset in (0, 3, 6):
        log(doses, f"p1-{offset}", day=MONDAY + timedelta(days=offset))
    log(doses, "p2", partner=2, day=MONDAY + timedelta(days=3))
    assert doses.count(1, MONDAY, MONDAY + timedelta(days=6)) == 3
    assert doses.count(1, MONDAY + timedelta(days=1), MONDAY + timedelta(days=5)) == 1
    assert doses.count(1, MONDAY + timedelta(days=7), MONDAY + timedelta(days=9)) == 0
    assert doses.count(2, MONDAY, MONDAY + timedelta(days=6)) == 1


def test_last_is_by_time_taken_not_by_order_recorded() -> None:
    doses = DoseLog()
    assert doses.last(1) is None
    later = log(doses, "later", day=MONDAY + timedelta(days=3))
    log(doses, "earlier", day=MONDAY)
    log(doses, "other", partner=2, day=MONDAY + timedelta(days=6))
    assert doses.last(1) == later
    # 07:30 in New York is later than 08:00 in Helsinki the same day.
    new_york = datetime(2026, 1, 8, 7, 30, tzinfo=timezone(timedelta(hours=-5)))
    travelled = doses.log(
        record_id="travel",
        partner=1,
        day=date(2026, 1, 8),
        taken_at=new_york,
        now=new_york,
        amount_g=0.1,
        form=Form.DRIED,
        phase=Phase.DOSE_DAY,
        ceilings=CEILINGS,
        acknowledged=True,
    )
    assert doses.last(1) == travelled


def test_record_as_dict_shape() -> None:
    record = DoseRecord(
        id="01J",
        partner=2,
        day=MONDAY,
        taken_at=at(MONDAY),
        amount_g=0.15,
        form=Form.FRESH_TRUFFLE,
        flags=frozenset({Refusal.REST_DAY, Refusal.ALREADY_DOSED_TODAY}),
    )
    assert record.as_dict() == {
        "id": "01J",
        "partner": 2,
        "day": "2026-01-05",
        "taken_at": "2026-01-05T08:00:00+02:00",
        "amount_g": 0.15,
        "form": "fresh_truffle",
        "flags": ["already_dosed_today", "rest_day"],
    }
    assert DoseRecord.from_dict(record.as_dict()) == record
    assert DoseLog.from_dict({}) == DoseLog()


# ---- go slow -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline_g", "baseline_cycle", "current_cycle", "form", "allowed"),
    [
        (0.1, 0, 0, Form.DRIED, 0.1),
        (0.1, 0, 1, Form.DRIED, 0.15),
        (0.1, 0, 2, Form.DRIED, 0.2),
        (0.2, 2, 2, Form.DRIED, 0.2),
        (0.2, 2, 3, Form.DRIED, 0.25),
        (0.1, 0, 10, Form.DRIED, 0.3),
        (0.35, 0, 0, Form.DRIED, 0.3),
        (0.1, 3, 1, Form.DRIED, 0.1),  # never below the baseline
        (0.5, 0, 3, Form.FRESH_TRUFFLE, 0.65),
        (0.5, 0, 20, Form.FRESH_TRUFFLE, 1.0),
    ],
)
def test_allowed_starting_amount(
    baseline_g: float,
    baseline_cycle: int,
    current_cycle: int,
    form: Form,
    allowed: float,
) -> None:
    assert (
        allowed_starting_amount(baseline_g, baseline_cycle, current_cycle, form)
        == allowed
    )


@pytest.mark.parametrize(
    ("requested_g", "form", "refused"),
    [
        (0.3, Form.DRIED, False),
        (0.25, Form.DRIED, False),
        (0.1 + 0.2, Form.DRIED, False),
        (0.31, Form.DRIED, True),
        (1.0, Form.FRESH_TRUFFLE, False),
        (1.5, Form.FRESH_TRUFFLE, True),
    ],
)
def test_ceiling_refusal(requested_g: float, form: Form, refused: bool) -> None:
    assert ceiling_refusal(requested_g, form) is refused


def test_seed_figures() -> None:
    assert HARD_CEILING_G == {Form.DRIED: 0.3, Form.FRESH_TRUFFLE: 1.0}
    assert DEFAULT_START_G == {Form.DRIED: 0.1, Form.FRESH_TRUFFLE: 0.5}
    assert MAX_RISE_PER_CYCLE_G == 0.05
    with pytest.raises(TypeError):
        HARD_CEILING_G[Form.DRIED] = 0.5  # type: ignore[index]


# ---- properties --------------------------------------------------------------


@st.composite
def protocols(draw: st.DrawFn) -> Protocol:
    return Protocol(
        preset=draw(st.sampled_from(Preset)),
        start=draw(st.dates(date(2000, 1, 1), date(2080, 12, 31))),
        days_on=draw(st.integers(1, 6)),
        days_off=draw(st.integers(0, 6)),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        weeks_on=draw(st.integers(1, 6)),
        weeks_off=draw(st.integers(0, 3)),
    )


ATTEMPTS = st.lists(
    st.one_of(
        st.tuples(
            st.just("log"),
            st.sampled_from([1, 2]),
            st.integers(-3, 20),  # days from the start
            st.sampled_from([0.05, 0.1, 0.3, 0.4, 0.9, 1.2]),
            st.sampled_from(Form),
            st.booleans(),
        ),
        st.tuples(st.just("delete"), st.integers(0, 30)),
    ),
    max_size=40,
)


def _attempt(
    doses: DoseLog, number: int, protocol: Protocol, attempt: tuple[Any, ...]
) -> DoseRecord | DoseRefusedError | DoseRejectedError:
    _, partner, offset, amount_g, form, acknowledged = attempt
    day = protocol.start + timedelta(days=offset)
    try:
        return doses.log(
            record_id=str(number),
            partner=partner,
            day=day,
            taken_at=at(day, hour=number % 24),
            now=at(day, hour=number % 24),
            amount_g=amount_g,
            form=form,
            phase=protocol.phase(day),
            ceilings=CEILINGS,
            acknowledged=acknowledged,
        )
    except (DoseRefusedError, DoseRejectedError) as err:
        return err


@given(protocols(), ATTEMPTS)
def test_no_second_dose_a_day_without_acknowledgement(
    protocol: Protocol, attempts: list[tuple[Any, ...]]
) -> None:
    """Checked against a model kept here: which (partner, day) hold a dose."""
    doses = DoseLog()
    held: dict[str, tuple[int, date]] = {}
    for number, attempt in enumerate(attempts):
        if attempt[0] == "delete":
            if held:
                record_id = sorted(held)[attempt[1] % len(held)]
                doses.delete(record_id)
                del held[record_id]
            continue
        partner, day = attempt[1], protocol.start + timedelta(days=attempt[2])
        dosed_before = (partner, day) in held.values()
        before = list(doses.records)
        outcome = _attempt(doses, number, protocol, attempt)
        implausible = attempt[3] > PLAUSIBLE_LIMIT_G[attempt[4]]
        assert isinstance(outcome, DoseRejectedError) is implausible
        if isinstance(outcome, DoseRejectedError):
            assert outcome.reason is Rejection.IMPLAUSIBLE_AMOUNT
            assert doses.records == before
        elif isinstance(outcome, DoseRefusedError):
            assert not attempt[5]  # only an unacknowledged dose is refused
            assert (Refusal.ALREADY_DOSED_TODAY in outcome.reasons) is dosed_before
            assert doses.records == before
        else:
            assert (Refusal.ALREADY_DOSED_TODAY in outcome.flags) is dosed_before
            assert attempt[5] or not dosed_before
            held[outcome.id] = (partner, day)
    assert {record.id for record in doses.records} == set(held)
    unflagged = Counter(
        (record.partner, record.day)
        for record in doses.records
        if Refusal.ALREADY_DOSED_TODAY not in record.flags
    )
    assert all(count == 1 for count in unflagged.values())


RECORDS = st.builds(
    DoseRecord,
    id=st.text(min_size=1, max_size=12),
    partner=st.sampled_from([1, 2]),
    day=st.dates(date(2000, 1, 1), date(2080, 12, 31)),
    taken_at=st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2080, 12, 31),
        timezones=st.sampled_from(
            [UTC, HELSINKI_WINTER, timezone(timedelta(hours=-5, minutes=-30))]
        ),
    ),
    amount_g=st.floats(min_value=0.001, max_value=2.0),
    form=st.sampled_from(Form),
    flags=st.frozensets(st.sampled_from(Refusal)),
)


@given(st.lists(RECORDS, max_size=8))
def test_round_trip(records: list[DoseRecord]) -> None:
    doses = DoseLog(records=records)
    data = json.loads(json.dumps(doses.as_dict()))
    restored = DoseLog.from_dict(data)
    assert restored == doses
    assert restored.as_dict() == doses.as_dict()
    for record, again in zip(records, restored.records, strict=True):
        assert again.taken_at.utcoffset() == record.taken_at.utcoffset()
        assert again.off_protocol is bool(record.flags)


def test_plausible_limit_is_three_times_the_seed_ceiling() -> None:
    assert PLAUSIBLE_LIMIT_G == {Form.DRIED: 0.9, Form.FRESH_TRUFFLE: 3.0}


@pytest.mark.parametrize(
    ("amount_g", "form", "acknowledged"),
    [
        (0.91, Form.DRIED, True),
        (50.0, Form.DRIED, True),
        (50.0, Form.DRIED, False),
        (3.01, Form.FRESH_TRUFFLE, True),
    ],
)
def test_an_implausible_amount_is_never_recorded(
    amount_g: float, form: Form, acknowledged: bool
) -> None:
    """A probable typo is rejected, acknowledgement or not; nothing is stored."""
    doses = DoseLog()
    with pytest.raises(DoseRejectedError) as err:
        log(doses, "typo", amount_g=amount_g, form=form, acknowledged=acknowledged)
    assert err.value.reason is Rejection.IMPLAUSIBLE_AMOUNT
    assert doses.records == []


@pytest.mark.parametrize(
    ("amount_g", "form"), [(0.9, Form.DRIED), (3.0, Form.FRESH_TRUFFLE)]
)
def test_at_the_plausible_limit_an_acknowledged_dose_is_kept_and_flagged(
    amount_g: float, form: Form
) -> None:
    doses = DoseLog()
    record = log(doses, "high", amount_g=amount_g, form=form, acknowledged=True)
    assert record.flags == {Refusal.ABOVE_CEILING}
    assert doses.records == [record]


def _log_at(doses: DoseLog, taken_at: datetime, now: datetime) -> DoseRecord:
    return doses.log(
        record_id=f"at-{taken_at.isoformat()}",
        partner=2,
        day=taken_at.date(),
        taken_at=taken_at,
        now=now,
        amount_g=0.1,
        form=Form.DRIED,
        phase=Phase.DOSE_DAY,
        ceilings=CEILINGS,
        acknowledged=True,
    )


def test_a_dose_in_the_future_is_never_recorded() -> None:
    """Tomorrow 10:00 is refused even acknowledged; a little clock skew is not."""
    now = at(MONDAY, 10)
    doses = DoseLog()
    for taken_at in (
        at(MONDAY + timedelta(days=1), 10),
        now + CLOCK_SKEW + timedelta(seconds=1),
    ):
        with pytest.raises(DoseRejectedError) as err:
            _log_at(doses, taken_at, now)
        assert err.value.reason is Rejection.IN_THE_FUTURE
    assert doses.records == []
    assert timedelta(minutes=5) == CLOCK_SKEW
    # A phone clock a few minutes ahead, or the same moment in another zone.
    _log_at(doses, now + CLOCK_SKEW, now)
    _log_at(doses, now.astimezone(UTC), now)
    assert len(doses.records) == 2


def test_a_refusal_knows_its_day() -> None:
    doses = DoseLog()
    with pytest.raises(DoseRefusedError) as err:
        log(doses, "rest", day=MONDAY + timedelta(days=1), phase=Phase.REST_DAY)
    assert err.value.day == MONDAY + timedelta(days=1)


def test_next_dose_date_moves_on_once_every_partner_dosed_today() -> None:
    protocol = Protocol(preset=Preset.FADIMAN, start=MONDAY)
    thursday = MONDAY + timedelta(days=3)
    doses = DoseLog()
    assert doses.next_dose_date(protocol, MONDAY) == MONDAY
    log(doses, "alex", partner=1)
    assert doses.next_dose_date(protocol, MONDAY) == MONDAY  # Sam has yet to dose
    assert doses.next_dose_date(protocol, MONDAY, (1,)) == thursday
    assert doses.next_dose_date(protocol, MONDAY, (2,)) == MONDAY
    log(doses, "sam", partner=2)
    assert doses.next_dose_date(protocol, MONDAY) == thursday
    assert doses.dosed_on(MONDAY) == [1, 2]
    assert doses.dosed_on(thursday) == []


def test_between_returns_the_days_doses_by_time() -> None:
    doses = DoseLog()
    tuesday = MONDAY + timedelta(days=1)
    late = log(doses, "late", partner=2, hour=20)
    early = log(doses, "early", partner=1, hour=7)
    log(doses, "next", day=tuesday)
    assert doses.between(MONDAY, MONDAY) == [early, late]
    assert [record.id for record in doses.between(MONDAY, tuesday)] == [
        "early",
        "late",
        "next",
    ]
