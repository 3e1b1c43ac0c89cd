"""Check-ins, when one is due, streaks, and the shared prompt of the day.

A check-in is each partner's short self-report (mood, connection, stress) with an
optional private note. The shared prompt keeps each partner's answer hidden from the
other until both have answered, so neither reply is shaped by the other's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Any, Self

from .day_index import DayRuns

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
        # Keep the moment with its fixed offset, exactly as the store will hold it
        # (a moment read back from the store has one already).
        if type(self.at.tzinfo) is not timezone:
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
    """All check-ins of the couple, in the order they were recorded.

    Beside the list it keeps, per partner, the latest check-in, the latest of
    each day, how many each day and the runs of consecutive days, updated as
    each check-in is added, so no question about today reads the whole
    history. Change the log through its methods, not the list, or these
    indexes fall behind.
    """

    records: list[CheckIn] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _latest: dict[int, CheckIn] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _latest_on: dict[tuple[int, date], CheckIn] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _count_on: dict[tuple[int, date], int] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _runs: dict[int, DayRuns] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        """Index the records given, so a year of check-ins loads in linear time."""
        for record in self.records:
            self._ids.add(record.id)
            self._index(record)

    def _index(self, record: CheckIn) -> None:
        """Take one new record into the indexes (a tie goes to the later one)."""
        latest = self._latest.get(record.partner)
        if latest is None or record.at >= latest.at:
            self._latest[record.partner] = record
        key = (record.partner, record.day)
        latest = self._latest_on.get(key)
        if latest is None or record.at >= latest.at:
            self._latest_on[key] = record
        self._count_on[key] = self._count_on.get(key, 0) + 1
        self._runs.setdefault(record.partner, DayRuns()).add(record.day)

    def add(self, checkin: CheckIn) -> None:
        """Record a check-in, refusing a known id so a replay does not count twice.

        Raises:
            ValueError: a check-in with the same id is already recorded.
        """
        if checkin.id in self._ids:
            raise ValueError(f"check-in {checkin.id!r} is already recorded")
        self.records.append(checkin)
        self._ids.add(checkin.id)
        self._index(checkin)

    def set_note(self, checkin_id: str, partner: int, note: str | None) -> CheckIn:
        """Attach (or clear) the private note of the partner's own check-in.

        Raises:
            KeyError: the partner has no check-in with this id.
        """
        for index, record in enumerate(reversed(self.records), 1):
            if record.id == checkin_id and record.partner == partner:
                cleaned = (note or "").strip() or None
                changed = replace(record, note=cleaned)
                self.records[-index] = changed
                self._swap(record, changed)
                return changed
        raise KeyError(checkin_id)

    def _swap(self, record: CheckIn, changed: CheckIn) -> None:
        """Let the indexes hold the changed record where they held the old one."""
        if self._latest.get(record.partner) is record:
            self._latest[record.partner] = changed
        key = (record.partner, record.day)
        if self._latest_on.get(key) is record:
            self._latest_on[key] = changed

    def latest(self, partner: int) -> CheckIn | None:
        """Return the partner's most recent check-in, if any."""
        return self._latest.get(partner)

    def latest_on(self, partner: int, day: date) -> CheckIn | None:
        """Return the partner's most recent check-in for a local day, if any."""
        return self._latest_on.get((partner, day))

    def count_on(self, partner: int, day: date) -> int:
        """Return how many check-ins the partner gave for a local day."""
        return self._count_on.get((partner, day), 0)

    def checked_in(self, partner: int, day: date) -> bool:
        """Tell whether the partner has checked in for a local day."""
        return (partner, day) in self._count_on

    def streak(self, partner: int, today: date) -> int:
        """Count consecutive check-in days up to today.

        Today without a check-in does not break the streak yet, because the day is
        not over: the count then ends yesterday.
        """
        runs = self._runs.get(partner)
        if runs is None:
            return 0
        return runs.run_ending(today if today in runs else today - timedelta(days=1))

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
