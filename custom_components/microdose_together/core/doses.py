"""Dose records and the guard that keeps the careful path the easy one.

The guard refuses stacking, amounts above the ceiling and doses on days the
schedule keeps free. A refused dose can still be recorded with an explicit
acknowledgement; it is then flagged, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
import math
from types import MappingProxyType
from typing import Any, Final

from .day_index import SortedDays
from .protocol import Phase, Protocol


class Form(StrEnum):
    """What was taken; ceilings and starting amounts differ per form."""

    DRIED = "dried"
    FRESH_TRUFFLE = "fresh_truffle"


# Seed figures. A couple may lower their ceilings, never raise them above these.
HARD_CEILING_G: Final[Mapping[Form, float]] = MappingProxyType(
    {Form.DRIED: 0.3, Form.FRESH_TRUFFLE: 1.0}
)
DEFAULT_START_G: Final[Mapping[Form, float]] = MappingProxyType(
    {Form.DRIED: 0.1, Form.FRESH_TRUFFLE: 0.5}
)
MAX_RISE_PER_CYCLE_G: Final = 0.05
PARTNERS: Final = (1, 2)
AMOUNT_TOLERANCE: Final = 1e-9
# Past this many times the seed's upper figure an amount is a probable typo
# (50 g for 0.05 g), never a microdose, so not even an acknowledgement keeps it.
PLAUSIBILITY_FACTOR: Final = 3
PLAUSIBLE_LIMIT_G: Final[Mapping[Form, float]] = MappingProxyType(
    {form: round(PLAUSIBILITY_FACTOR * g, 3) for form, g in HARD_CEILING_G.items()}
)
# A phone's clock may run a little ahead of Home Assistant's.
CLOCK_SKEW: Final = timedelta(minutes=5)


class Refusal(StrEnum):
    """Why the guard refuses a dose, in the order reasons are reported."""

    ALREADY_DOSED_TODAY = "already_dosed_today"
    ABOVE_CEILING = "above_ceiling"
    REST_DAY = "rest_day"
    TOLERANCE_BREAK = "tolerance_break"
    PAUSED = "paused"


class Rejection(StrEnum):
    """Why a dose cannot be recorded at all, acknowledged or not."""

    IN_THE_FUTURE = "in_the_future"
    IMPLAUSIBLE_AMOUNT = "implausible_amount"


_PHASE_REFUSALS: Final[Mapping[Phase, Refusal]] = MappingProxyType(
    {
        Phase.REST_DAY: Refusal.REST_DAY,
        Phase.TOLERANCE_BREAK: Refusal.TOLERANCE_BREAK,
        Phase.PAUSED: Refusal.PAUSED,
    }
)
_REFUSAL_ORDER: Final = tuple(Refusal)


def _in_order(refusals: frozenset[Refusal]) -> list[Refusal]:
    return [refusal for refusal in _REFUSAL_ORDER if refusal in refusals]


def _check_partner(partner: int) -> None:
    if partner not in PARTNERS:
        raise ValueError(f"partner must be 1 or 2, not {partner!r}")


def _check_amount(amount_g: float) -> None:
    if not math.isfinite(amount_g) or amount_g <= 0:
        raise ValueError(f"a dose must be more than 0 g, not {amount_g!r}")


@dataclass(frozen=True, slots=True)
class DoseRecord:
    """One recorded dose; `flags` are the refusals that were acknowledged."""

    id: str
    partner: int
    day: date
    taken_at: datetime
    amount_g: float
    form: Form
    flags: frozenset[Refusal] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        """Refuse records that could not have come through the guard."""
        _check_partner(self.partner)
        _check_amount(self.amount_g)
        if self.taken_at.utcoffset() is None:
            raise ValueError(f"taken_at must carry a time zone: {self.taken_at}")
        object.__setattr__(self, "flags", frozenset(self.flags))

    @property
    def off_protocol(self) -> bool:
        """Return whether the dose was recorded despite a refusal."""
        return bool(self.flags)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "id": self.id,
            "partner": self.partner,
            "day": self.day.isoformat(),
            "taken_at": self.taken_at.isoformat(),
            "amount_g": self.amount_g,
            "form": self.form.value,
            "flags": [flag.value for flag in _in_order(self.flags)],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DoseRecord:
        """Rebuild a record from `as_dict` data."""
        return cls(
            id=str(data["id"]),
            partner=int(data["partner"]),
            day=date.fromisoformat(data["day"]),
            taken_at=datetime.fromisoformat(data["taken_at"]),
            amount_g=float(data["amount_g"]),
            form=Form(data["form"]),
            flags=frozenset(Refusal(flag) for flag in data.get("flags", ())),
        )


class DoseRefusedError(Exception):
    """A dose the guard refused and that was not acknowledged."""

    def __init__(self, reasons: tuple[Refusal, ...], day: date | None = None) -> None:
        """Keep the reasons and the day, so the caller can explain each one."""
        super().__init__(f"dose refused: {', '.join(reasons)}")
        self.reasons = reasons
        self.day = day


class DoseRejectedError(Exception):
    """A dose that cannot be true (a typo, a future time): never recorded."""

    def __init__(self, reason: Rejection) -> None:
        """Keep the reason so the caller can explain it."""
        super().__init__(f"dose rejected: {reason}")
        self.reason = reason


def rejection(
    *, taken_at: datetime, now: datetime, amount_g: float, form: Form
) -> Rejection | None:
    """Return why a dose cannot be recorded even with an acknowledgement."""
    if taken_at > now + CLOCK_SKEW:
        return Rejection.IN_THE_FUTURE
    if amount_g > PLAUSIBLE_LIMIT_G[form] + AMOUNT_TOLERANCE:
        return Rejection.IMPLAUSIBLE_AMOUNT
    return None


def effective_ceiling(form: Form, ceilings: Mapping[Form, float]) -> float:
    """Return the couple's ceiling for `form`, never above the seed figure."""
    hard = HARD_CEILING_G[form]
    return min(ceilings.get(form, hard), hard)


@dataclass
class DoseLog:
    """Both partners' dose records, and the guard in front of them.

    Beside the list it keeps, per partner, the dose days in order, the
    latest dose and how many were off the protocol, updated on `log` and
    `delete`, so the guard and today's figures never read the whole history.
    Change the log through its methods, not the list, or these fall behind.
    """

    records: list[DoseRecord] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _days: dict[int, SortedDays] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _last: dict[int, DoseRecord] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _off_protocol: dict[int, int] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        """Index the records given."""
        for record in self.records:
            self._index(record)

    def _index(self, record: DoseRecord) -> None:
        """Take one new record into the indexes (a tie keeps the earlier one)."""
        partner = record.partner
        self._ids.add(record.id)
        self._days.setdefault(partner, SortedDays()).add(record.day)
        last = self._last.get(partner)
        if last is None or record.taken_at > last.taken_at:
            self._last[partner] = record
        if record.off_protocol:
            self._off_protocol[partner] = self._off_protocol.get(partner, 0) + 1

    def _unindex(self, record: DoseRecord) -> None:
        """Drop a removed record from the indexes."""
        partner = record.partner
        if not any(other.id == record.id for other in self.records):
            self._ids.discard(record.id)
        self._days[partner].remove(record.day)
        if self._last.get(partner) is record:  # rare: find the new latest
            own = [other for other in self.records if other.partner == partner]
            if (latest := max(own, key=_taken_at, default=None)) is None:
                del self._last[partner]
            else:
                self._last[partner] = latest
        if record.off_protocol:
            self._off_protocol[partner] -= 1

    def refusals(
        self,
        *,
        partner: int,
        day: date,
        amount_g: float,
        form: Form,
        phase: Phase,
        ceilings: Mapping[Form, float],
    ) -> tuple[Refusal, ...]:
        """Return every reason to refuse this dose, in `Refusal` order."""
        _check_partner(partner)
        _check_amount(amount_g)
        reasons: list[Refusal] = []
        if self.count(partner, day, day):
            reasons.append(Refusal.ALREADY_DOSED_TODAY)
        if amount_g > effective_ceiling(form, ceilings) + AMOUNT_TOLERANCE:
            reasons.append(Refusal.ABOVE_CEILING)
        if phase in _PHASE_REFUSALS:
            reasons.append(_PHASE_REFUSALS[phase])
        return tuple(reasons)

    def log(
        self,
        *,
        record_id: str,
        partner: int,
        day: date,
        taken_at: datetime,
        now: datetime,
        amount_g: float,
        form: Form,
        phase: Phase,
        ceilings: Mapping[Form, float],
        acknowledged: bool,
    ) -> DoseRecord:
        """Store a dose, or raise and store nothing.

        DoseRejectedError for a time after `now` (beyond CLOCK_SKEW) or an
        implausible amount, whatever `acknowledged` says; DoseRefusedError for a
        guard refusal. With `acknowledged` a refused dose is stored, flagged.
        """
        _check_amount(amount_g)
        rejected = rejection(taken_at=taken_at, now=now, amount_g=amount_g, form=form)
        if rejected is not None:
            raise DoseRejectedError(rejected)
        reasons = self.refusals(
            partner=partner,
            day=day,
            amount_g=amount_g,
            form=form,
            phase=phase,
            ceilings=ceilings,
        )
        if reasons and not acknowledged:
            raise DoseRefusedError(reasons, day)
        if record_id in self._ids:
            raise ValueError(f"a dose with id {record_id!r} is already recorded")
        record = DoseRecord(
            id=record_id,
            partner=partner,
            day=day,
            taken_at=taken_at,
            amount_g=amount_g,
            form=form,
            flags=frozenset(reasons),
        )
        self.records.append(record)
        self._index(record)
        return record

    def delete(self, record_id: str) -> DoseRecord:
        """Remove a mistaken record; KeyError if there is none with that id."""
        for index, record in enumerate(self.records):
            if record.id == record_id:
                del self.records[index]
                self._unindex(record)
                return record
        raise KeyError(record_id)

    def last(self, partner: int) -> DoseRecord | None:
        """Return the partner's latest dose by the time it was taken."""
        return self._last.get(partner)

    def between(self, start: date, end: date) -> list[DoseRecord]:
        """Return the doses whose day lies in [start, end], oldest first."""
        found = [record for record in self.records if start <= record.day <= end]
        return sorted(found, key=_taken_at)

    def dosed_on(self, day: date) -> list[int]:
        """Return the partners who have a dose recorded on `day`."""
        return [partner for partner in PARTNERS if self.count(partner, day, day)]

    def next_dose_date(
        self, protocol: Protocol, today: date, partners: Iterable[int] = PARTNERS
    ) -> date | None:
        """Return the next dose day still ahead for `partners`.

        Today counts while one of them has yet to take today's dose; once all
        of them have, the next dose day is a later one.
        """
        done = all(self.count(partner, today, today) for partner in partners)
        return protocol.next_dose_date(today + timedelta(days=1) if done else today)

    def count(self, partner: int, start: date, end: date) -> int:
        """Return the partner's doses from `start` to `end`, both included."""
        days = self._days.get(partner)
        return days.count(start, end) if days else 0

    def days(self, partner: int, start: date, end: date) -> list[date]:
        """Return the day of each of the partner's doses in [start, end], in order."""
        days = self._days.get(partner)
        return days.between(start, end) if days else []

    def count_in_cycle(self, protocol: Protocol, partner: int, today: date) -> int:
        """Return the partner's doses in the tolerance cycle holding `today`.

        0 while `today` is paused or before the start. Only the doses from
        the cycle's first day on are asked about, so years of earlier cycles
        cost nothing.
        """
        position = protocol.position(today)
        if position is None:
            return 0
        return sum(
            1
            for day in self.days(partner, first_day_of_cycle(protocol, today), date.max)
            if (found := protocol.position(day)) is not None
            and found.cycle == position.cycle
        )

    def off_protocol_count(self, partner: int) -> int:
        """Return how many of the partner's doses were recorded despite a refusal."""
        return self._off_protocol.get(partner, 0)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {"records": [record.as_dict() for record in self.records]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DoseLog:
        """Rebuild a log from `as_dict` data."""
        return cls(
            records=[DoseRecord.from_dict(raw) for raw in data.get("records", ())]
        )


def _taken_at(record: DoseRecord) -> datetime:
    return record.taken_at


def first_day_of_cycle(protocol: Protocol, day: date) -> date:
    """Return the first day, from the start, of the cycle holding `day`.

    The count of completed cycles never falls from one day to the next, so
    the cycle's first day is found by bisection: a few questions to the
    schedule, however long the history. A day before the start gives the start.
    """
    cycles = protocol.completed_cycles(day)
    low, high = 0, max((day - protocol.start).days, 0)
    while low < high:  # the fewest days from the start that reach `cycles`
        middle = (low + high) // 2
        if protocol.completed_cycles(protocol.start + timedelta(days=middle)) < cycles:
            low = middle + 1
        else:
            high = middle
    return protocol.start + timedelta(days=low)


def allowed_starting_amount(
    baseline_g: float, baseline_cycle: int, current_cycle: int, form: Form
) -> float:
    """Return the highest starting amount the go-slow rule allows now.

    The amount may rise by MAX_RISE_PER_CYCLE_G per cycle completed since the
    baseline was set, and never above the seed ceiling for the form.
    """
    cycles = max(current_cycle - baseline_cycle, 0)
    allowed = baseline_g + MAX_RISE_PER_CYCLE_G * cycles
    return round(min(allowed, HARD_CEILING_G[form]), 3)


def ceiling_refusal(requested_g: float, form: Form) -> bool:
    """Return whether a requested ceiling is above the seed maximum for the form."""
    return requested_g > HARD_CEILING_G[form] + AMOUNT_TOLERANCE
