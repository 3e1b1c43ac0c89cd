"""Whether today is a calm day, from the couple's calendars and check-ins.

A dose day goes best on a quiet day. The verdict weighs how much of the local day the
calendars fill, how many events it holds, stressful event titles and each partner's
latest stress score, and a manual override always wins. Event titles are private: they
are read to find stress keywords but never copied into the verdict.

Keyword rule: a keyword is one word, optionally with ``*`` at either end. The title
and the keyword are compared case-insensitively (NFKC-normalised and casefolded), and
the title is split into words (runs of letters, digits and underscores). A
plain keyword must equal a whole word of the title, so ``exam`` finds "Exam" but not
"example". A trailing ``*`` lets the word continue, for plurals and Finnish
inflections (``tenti*`` finds "tentissä"). A leading ``*`` lets the word begin with
anything, for Finnish compounds (``*haastattel*`` finds "Työhaastattelu").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
import re
from typing import Any, Self
import unicodedata

STRESS_MIN = 1
STRESS_MAX = 5
LONGEST_DAY_MINUTES = 25 * 60  # the day the clocks go back

_ONE_MINUTE = timedelta(minutes=1)
_WORD = re.compile(r"\w+")
_KEYWORD = re.compile(r"\*?\w+\*?")
_WILDCARD = "*"

DEFAULT_KEYWORDS: tuple[str, ...] = (
    # English
    "deadline*",
    "exam",
    "exams",
    "travel*",
    "flight*",
    "moving",
    "surgery",
    "surgeries",
    "interview*",
    "funeral*",
    "court",
    "courts",
    # Finnish: stems cover inflections, leading stars cover compounds
    "määräaik*",
    "määräaj*",
    "takaraj*",
    "*tentt*",
    "tenti*",
    "*koe",
    "koe*",
    "*kokee*",
    "*matka*",
    "matkust*",
    "*lento",
    "lentoon",
    "lennolla",
    "lennolle",
    "lentokent*",
    "lentoasem*",
    "*muutto*",
    "muuton",
    "leikkau*",
    "*haastattel*",
    "hautajai*",
    "oikeudenkäyn*",
    "käräj*",
)


class CalmReason(StrEnum):
    """Why a day is not calm; the order here is the order in a verdict."""

    BUSY_HOURS = "busy_hours"
    MANY_EVENTS = "many_events"
    STRESS_KEYWORD = "stress_keyword"
    PARTNER_STRESSED = "partner_stressed"
    CALENDAR_UNREADABLE = "calendar_unreadable"
    OVERRIDE = "override"


class Override(StrEnum):
    """The couple's manual say over the calm-day decision."""

    AUTOMATIC = "automatic"
    CALM = "calm"
    NOT_CALM = "not_calm"


def _fold(text: str) -> str:
    """Return text in the one form used for comparing titles and keywords."""
    return unicodedata.normalize("NFKC", text).casefold()


def validate_keyword(keyword: str) -> str:
    """Return the keyword if it follows the keyword rule of this module.

    Raises:
        ValueError: it is empty, holds more than one word, or has a ``*`` inside.
    """
    if not _KEYWORD.fullmatch(_fold(keyword)):
        raise ValueError(
            f"a keyword is one word with an optional * at either end, got {keyword!r}"
        )
    return keyword


def _word_matches(word: str, keyword: str) -> bool:
    """Apply the keyword rule to one folded word and one folded keyword."""
    stem = keyword.strip(_WILDCARD)
    leading = keyword.startswith(_WILDCARD)
    trailing = keyword.endswith(_WILDCARD)
    if leading and trailing:
        return stem in word
    if leading:
        return word.endswith(stem)
    if trailing:
        return word.startswith(stem)
    return word == stem


def title_matches(title: str, keywords: Iterable[str]) -> bool:
    """Return whether any keyword finds a word of the title."""
    words = _WORD.findall(_fold(title))
    folded = [_fold(keyword) for keyword in keywords]
    return any(_word_matches(word, kw) for word in words for kw in folded)


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One calendar event as the calm decision needs it.

    Timed events carry datetimes (aware in any zone, or naive meaning local to the
    day's zone); all-day events carry dates with an exclusive end. The title is
    private, so it stays out of `repr` and out of every verdict.
    """

    start: datetime | date
    end: datetime | date
    all_day: bool
    title: str = field(repr=False)

    def __post_init__(self) -> None:
        """Refuse events whose kind and times disagree or run backwards."""
        timed = isinstance(self.start, datetime), isinstance(self.end, datetime)
        if self.all_day and any(timed):
            raise ValueError("an all-day event has dates, not datetimes")
        if not self.all_day and not all(timed):
            raise ValueError("a timed event has datetimes, not dates")
        if isinstance(self.start, datetime) and isinstance(self.end, datetime):
            aware = self.start.utcoffset() is not None, self.end.utcoffset() is not None
            if aware[0] != aware[1]:
                raise ValueError("a timed event mixes naive and aware datetimes")
        if self.end < self.start:
            raise ValueError("an event cannot end before it starts")


@dataclass(frozen=True, slots=True)
class CalmThresholds:
    """The limits above which a day stops being calm; stored in the options."""

    busy_minutes: int = 240
    max_events: int = 5
    stressed_at: int = 4
    keywords: tuple[str, ...] = DEFAULT_KEYWORDS

    def __post_init__(self) -> None:
        """Refuse limits that would make the decision meaningless."""
        if not 1 <= self.busy_minutes <= LONGEST_DAY_MINUTES:
            raise ValueError(
                f"busy_minutes must be from 1 to {LONGEST_DAY_MINUTES}, "
                f"got {self.busy_minutes!r}"
            )
        if self.max_events < 1:
            raise ValueError(f"max_events must be at least 1, got {self.max_events!r}")
        if not STRESS_MIN <= self.stressed_at <= STRESS_MAX:
            raise ValueError(
                f"stressed_at must be from {STRESS_MIN} to {STRESS_MAX}, "
                f"got {self.stressed_at!r}"
            )
        for keyword in self.keywords:
            validate_keyword(keyword)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data for the options."""
        return {
            "busy_minutes": self.busy_minutes,
            "max_events": self.max_events,
            "stressed_at": self.stressed_at,
            "keywords": list(self.keywords),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild thresholds from `as_dict` data; a missing key takes its default."""
        default = cls()
        return cls(
            busy_minutes=int(data.get("busy_minutes", default.busy_minutes)),
            max_events=int(data.get("max_events", default.max_events)),
            stressed_at=int(data.get("stressed_at", default.stressed_at)),
            keywords=tuple(data.get("keywords", default.keywords)),
        )


DEFAULT_THRESHOLDS = CalmThresholds()


@dataclass(frozen=True, slots=True)
class CalmVerdict:
    """The calm-day decision: only counts and reason codes, never event titles."""

    calm: bool
    reasons: tuple[CalmReason, ...]
    busy_minutes: int
    event_count: int

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready data for entity attributes and diagnostics."""
        return {
            "calm": self.calm,
            "reasons": [str(reason) for reason in self.reasons],
            "busy_minutes": self.busy_minutes,
            "event_count": self.event_count,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a verdict from `as_dict` data."""
        return cls(
            calm=bool(data["calm"]),
            reasons=tuple(CalmReason(reason) for reason in data["reasons"]),
            busy_minutes=int(data["busy_minutes"]),
            event_count=int(data["event_count"]),
        )


def day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """Return the local day [midnight, next midnight) in `tz` as UTC moments.

    Working in UTC makes a day with a clock change 23 or 25 hours long; subtracting
    two datetimes that share a zone would give 24 hours for every day.
    """
    start = datetime.combine(day, time(), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def _as_utc(moment: datetime, tz: tzinfo) -> datetime:
    """Return the moment in UTC, reading a naive datetime as local to `tz`."""
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def _clip(
    start: datetime, end: datetime, window: tuple[datetime, datetime]
) -> tuple[datetime, datetime] | None:
    """Return the part of [start, end) inside the day, or None if it misses it.

    An event of no length touches the day when its moment falls inside it.
    """
    day_start, day_end = window
    if start == end:
        return (start, end) if day_start <= start < day_end else None
    clipped = max(start, day_start), min(end, day_end)
    return clipped if clipped[0] < clipped[1] else None


def _covers(event: CalendarEvent, day: date) -> bool:
    """Return whether an all-day event covers the day (end exclusive).

    An event whose end equals its start covers its start day, as a calendar entry
    without an end does.
    """
    if event.start == event.end:
        return event.start == day
    return event.start <= day < event.end


def _union_minutes(intervals: Iterable[tuple[datetime, datetime]]) -> int:
    """Return the whole minutes covered by the intervals, overlaps counted once."""
    total = timedelta()
    covered_until: datetime | None = None
    for start, end in sorted(intervals):
        counted_from = start if covered_until is None else max(start, covered_until)
        if end > counted_from:
            total += end - counted_from
            covered_until = end
    return total // _ONE_MINUTE


def _partner_stressed(stress: Mapping[int, int | None], stressed_at: int) -> bool:
    """Return whether either partner's latest score today reaches the limit.

    Raises:
        ValueError: a score lies outside the 1-5 scale.
    """
    scores = [score for score in stress.values() if score is not None]
    for score in scores:
        if isinstance(score, bool) or not STRESS_MIN <= score <= STRESS_MAX:
            raise ValueError(
                f"stress must be from {STRESS_MIN} to {STRESS_MAX}, got {score!r}"
            )
    return any(score >= stressed_at for score in scores)


def _ordered(reasons: set[CalmReason]) -> tuple[CalmReason, ...]:
    """Return the reasons in enum order, once each."""
    return tuple(reason for reason in CalmReason if reason in reasons)


def assess_day(
    *,
    day: date,
    tz: tzinfo,
    events: Iterable[CalendarEvent],
    stress: Mapping[int, int | None],
    override: Override = Override.AUTOMATIC,
    thresholds: CalmThresholds = DEFAULT_THRESHOLDS,
    calendar_unreadable: bool = False,
) -> CalmVerdict:
    """Decide whether `day` (local to `tz`) is calm enough for a dose.

    Timed events count with their part inside the local day; all-day events count
    only when a keyword marks them as stressful (birthdays and holidays are not
    busy). `stress` maps a partner slot to that partner's latest stress score today,
    or None without a check-in.

    `calendar_unreadable` says a chosen calendar could not be read. Calm is a
    claim that the day is quiet, and part of the day is then unknown, so the
    day is not calm, with that reason, until the calendar is back or the
    couple says otherwise with the override.
    """
    window = day_bounds(day, tz)
    intervals: list[tuple[datetime, datetime]] = []
    event_count = 0
    keyword_found = False
    for event in events:
        matches = title_matches(event.title, thresholds.keywords)
        if isinstance(event.start, datetime) and isinstance(event.end, datetime):
            clipped = _clip(_as_utc(event.start, tz), _as_utc(event.end, tz), window)
            if clipped is None:
                continue
            intervals.append(clipped)
        elif not (matches and _covers(event, day)):
            continue
        event_count += 1
        keyword_found = keyword_found or matches
    busy_minutes = _union_minutes(intervals)
    partner_stressed = _partner_stressed(stress, thresholds.stressed_at)
    if override is not Override.AUTOMATIC:
        return CalmVerdict(
            calm=override is Override.CALM,
            reasons=(CalmReason.OVERRIDE,),
            busy_minutes=busy_minutes,
            event_count=event_count,
        )
    reasons: set[CalmReason] = set()
    if busy_minutes >= thresholds.busy_minutes:
        reasons.add(CalmReason.BUSY_HOURS)
    if event_count >= thresholds.max_events:
        reasons.add(CalmReason.MANY_EVENTS)
    if keyword_found:
        reasons.add(CalmReason.STRESS_KEYWORD)
    if partner_stressed:
        reasons.add(CalmReason.PARTNER_STRESSED)
    if calendar_unreadable:
        reasons.add(CalmReason.CALENDAR_UNREADABLE)
    ordered = _ordered(reasons)
    return CalmVerdict(
        calm=not ordered,
        reasons=ordered,
        busy_minutes=busy_minutes,
        event_count=event_count,
    )
