"""Check-ins, when one is due, streaks, and the shared prompt of the day.

A check-in is each partner's short self-report (mood, connection, stress) with an
optional private note. The shared prompt keeps each partner's answer hidden from the
other until both have answered, so neither reply is shaped by the other's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Any, Self

SCORE_MIN = 1
SCORE_MAX = 5
PARTNERS = (1, 2)


class CheckInSchedule(StrEnum):
    """Which days ask for a check-in."""

    DAILY = "daily"
    DOSE_DAYS = "dose_days"  # a dose day and the day after it


def validate_partner(partner: int) -> int:
    """Return the partner slot, refusing anything but 1 or 2.

    Raises:
        ValueError: the slot is not 1 or 2.
    """
    if isinstance(partner, bool) or partner not in PARTNERS:
        raise ValueError(f"partner must be 1 or 2, got {partner!r}")
    return partner


def other_partner(partner: int) -> int:
    """Return the other slot of the couple."""
    return 3 - validate_partner(partner)


def _validate_score(name: str, value: int) -> None:
    """Refuse a score outside the 1-5 scale (booleans are not scores)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not SCORE_MIN <= value <= SCORE_MAX
    ):
        raise ValueError(
            f"{name} must be a whole number from {SCORE_MIN} to {SCORE_MAX}, "
            f"got {value!r}"
        )


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One partner's check-in for one local day.

    `day` is the local calendar day it counts for; `at` is the aware moment it was
    given, kept separately so a late-evening check-in in another time zone still
    counts for the right day. `at` is held with a fixed UTC offset, as stored, so
    an ambiguous hour around a clock change cannot make a stored copy unequal. The
    note is private and kept out of `repr`.
    """

    id: str
    partner: int
    day: date
    at: datetime
    mood: int
    connection: int
    stress: int
    note: str | None = field(repr=False)

    def __post_init__(self) -> None:
        """Refuse records that could not have come from a valid check-in."""
        if not self.id:
            raise ValueError("check-in id must not be empty")
        validate_partner(self.partner)
        offset = self.at.utcoffset()
        if offset is None:
            raise ValueError("check-in time must be timezone-aware")
        # Keep the moment with its fixed offset, exactly as the store will hold it.
        object.__setattr__(self, "at", self.at.astimezone(timezone(offset)))
        _validate_score("mood", self.mood)
        _validate_score("connection", self.connection)
        _validate_score("stress", self.stress)
        if self.note is not None and not isinstance(self.note, str):
            raise ValueError("a check-in note must be text")  # never repeat it

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-serialisable data for the store."""
        return {
            "id": self.id,
            "partner": self.partner,
            "day": self.day.isoformat(),
            "at": self.at.isoformat(),
            "mood": self.mood,
            "connection": self.connection,
            "stress": self.stress,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a check-in from `as_dict` data."""
        return cls(
            id=data["id"],
            partner=data["partner"],
            day=date.fromisoformat(data["day"]),
            at=datetime.fromisoformat(data["at"]),
            mood=data["mood"],
            connection=data["connection"],
            stress=data["stress"],
            note=data["note"],
        )


@dataclass
class CheckInLog:
    """All check-ins of the couple, in the order they were recorded."""

    records: list[CheckIn] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the ids, so a year of check-ins loads in linear time."""
        self._ids = {record.id for record in self.records}

    def add(self, checkin: CheckIn) -> None:
        """Record a check-in, refusing a known id so a replay does not count twice.

        Raises:
            ValueError: a check-in with the same id is already recorded.
        """
        if checkin.id in self._ids:
            raise ValueError(f"check-in {checkin.id!r} is already recorded")
        self.records.append(checkin)
        self._ids.add(checkin.id)

    def set_note(self, checkin_id: str, partner: int, note: str | None) -> CheckIn:
        """Attach (or clear) the private note of the partner's own check-in.

        Raises:
            KeyError: the partner has no check-in with this id.
        """
        for index, record in enumerate(self.records):
            if record.id == checkin_id and record.partner == partner:
                cleaned = (note or "").strip() or None
                self.records[index] = replace(record, note=cleaned)
                return self.records[index]
        raise KeyError(checkin_id)

    def latest(self, partner: int) -> CheckIn | None:
        """Return the partner's most recent check-in, if any."""
        return _latest(record for record in self.records if record.partner == partner)

    def latest_on(self, partner: int, day: date) -> CheckIn | None:
        """Return the partner's most recent check-in for a local day, if any."""
        return _latest(
            record
            for record in self.records
            if record.partner == partner and record.day == day
        )

    def checked_in(self, partner: int, day: date) -> bool:
        """Tell whether the partner has checked in for a local day."""
        return self.latest_on(partner, day) is not None

    def streak(self, partner: int, today: date) -> int:
        """Count consecutive check-in days up to today.

        Today without a check-in does not break the streak yet, because the day is
        not over: the count then ends yesterday.
        """
        days = {record.day for record in self.records if record.partner == partner}
        current = today if today in days else today - timedelta(days=1)
        count = 0
        while current in days:
            count += 1
            current -= timedelta(days=1)
        return count

    def between(self, start: date, end: date) -> list[CheckIn]:
        """Return check-ins whose day lies in [start, end], oldest first."""
        selected = [record for record in self.records if start <= record.day <= end]
        return sorted(selected, key=lambda record: record.at)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-serialisable data for the store."""
        return {"records": [record.as_dict() for record in self.records]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild the log from `as_dict` data, refusing duplicate ids."""
        log = cls()
        for item in data["records"]:
            log.add(CheckIn.from_dict(item))
        return log


def _latest(records: Iterable[CheckIn]) -> CheckIn | None:
    """Return the record with the latest time; on a tie, the one recorded last."""
    found: CheckIn | None = None
    for record in records:
        if found is None or record.at >= found.at:
            found = record
    return found


def is_due(
    *,
    schedule: CheckInSchedule,
    due_time: time,
    now: datetime,
    checked_in_today: bool,
    dose_day_today: bool,
    dose_day_yesterday: bool,
) -> bool:
    """Tell whether a partner should be asked for today's check-in now.

    `now` is local wall-clock time; only its time of day is compared with
    `due_time`, so naive and aware values behave the same.
    """
    if checked_in_today:
        return False
    if schedule is CheckInSchedule.DOSE_DAYS and not (
        dose_day_today or dose_day_yesterday
    ):
        return False
    return now.time() >= due_time


@dataclass
class SharedPrompt:
    """The prompt of the day and each partner's private answer.

    Answers stay private until both partners have answered; after the reveal the
    exchange is closed so what was shared cannot change afterwards.
    """

    day: date
    prompt_id: str
    theme: str
    answers: dict[int, str] = field(default_factory=dict, repr=False)
    revealed: bool = False

    @property
    def both_answered(self) -> bool:
        """Tell whether both partners have answered."""
        return all(partner in self.answers for partner in PARTNERS)

    def answered(self, partner: int) -> bool:
        """Tell whether a partner has answered."""
        return validate_partner(partner) in self.answers

    def answer(self, partner: int, text: str) -> bool:
        """Store or replace a partner's answer.

        Returns:
            True when this answer completes the pair for the first time, so the
            caller knows to reveal both answers.

        Raises:
            ValueError: the slot is invalid, the text is blank, or the answers were
                already revealed.
        """
        validate_partner(partner)
        if self.revealed:
            raise ValueError("answers were already revealed; the exchange is closed")
        cleaned = text.strip()
        if not cleaned:
            raise ValueError("an answer must not be empty")
        was_complete = self.both_answered
        self.answers[partner] = cleaned
        return not was_complete and self.both_answered

    def reveal(self) -> None:
        """Mark both answers as shared with the couple, closing the exchange.

        Raises:
            PermissionError: one partner has not answered yet.
        """
        if not self.both_answered:
            raise PermissionError("both partners must answer before the reveal")
        self.revealed = True

    def other_answer(self, partner: int) -> str:
        """Return the other partner's answer once both have answered.

        Raises:
            PermissionError: not both partners have answered yet.
        """
        other = other_partner(partner)
        if not self.both_answered:
            raise PermissionError("the other answer stays private until both answer")
        return self.answers[other]

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-serialisable data for the store (slots as string keys)."""
        return {
            "day": self.day.isoformat(),
            "prompt_id": self.prompt_id,
            "theme": self.theme,
            "answers": {str(partner): text for partner, text in self.answers.items()},
            "revealed": self.revealed,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild the shared prompt from `as_dict` data."""
        answers = {
            validate_partner(int(partner)): text
            for partner, text in data["answers"].items()
        }
        if not all(isinstance(text, str) for text in answers.values()):
            raise ValueError("a prompt answer must be text")  # never repeat it
        revealed = data["revealed"]
        if not isinstance(revealed, bool) or (revealed and len(answers) < 2):
            # A damaged flag must never show one answer to the other partner.
            raise ValueError("a prompt is shared only once both answered")
        return cls(
            day=date.fromisoformat(data["day"]),
            prompt_id=data["prompt_id"],
            theme=data["theme"],
            answers=answers,
            revealed=revealed,
        )
