"""Typed view of a config entry: who the couple is and how they practise.

Entry data holds the people (changed by reconfigure); entry options hold the
practice (changed in the options flow). Everything else reads this view instead
of poking at raw dictionaries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from homeassistant.util import dt as dt_util

from .const import (
    CONF_BUSY_HOURS,
    CONF_CALM_CALENDARS,
    CONF_CEILING,
    CONF_CHECKIN_SCHEDULE,
    CONF_CHECKIN_TIME,
    CONF_COUPLE_NAME,
    CONF_CUSTOM_PROMPTS,
    CONF_DAYS_OFF,
    CONF_DAYS_ON,
    CONF_FORM,
    CONF_KEYWORDS,
    CONF_MAX_EVENTS,
    CONF_NAME,
    CONF_PARTNERS,
    CONF_PERSON,
    CONF_PRESET,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_TIME,
    CONF_SHOW_ANSWERS,
    CONF_START_DATE,
    CONF_STARTING_AMOUNT,
    CONF_STRESSED_AT,
    CONF_THEMES,
    CONF_USER_ID,
    CONF_WEEKDAYS,
    CONF_WEEKLY_SUMMARY,
    CONF_WEEKLY_SUMMARY_DAY,
    CONF_WEEKLY_SUMMARY_TIME,
    CONF_WEEKS_OFF,
    CONF_WEEKS_ON,
    DEFAULT_CHECKIN_TIME,
    DEFAULT_DAYS_OFF,
    DEFAULT_DAYS_ON,
    DEFAULT_QUIET_END,
    DEFAULT_QUIET_START,
    DEFAULT_REMINDER_TIME,
    DEFAULT_WEEKLY_SUMMARY_DAY,
    DEFAULT_WEEKLY_SUMMARY_TIME,
    DEFAULT_WEEKS_OFF,
    DEFAULT_WEEKS_ON,
)
from .core.calm import DEFAULT_THRESHOLDS, CalmThresholds
from .core.checkins import CheckInSchedule
from .core.doses import DEFAULT_START_G, HARD_CEILING_G, Form
from .core.prompts import Prompt, Theme
from .core.protocol import PRESET_PATTERNS, Preset, Protocol
from .core.quiet_hours import QuietHours


@dataclass(frozen=True, slots=True)
class Partner:
    """One partner, identified by a stable slot (1 or 2).

    `user_id` is the partner's Home Assistant user (through their person): it,
    not a field in a call, decides whose words these are. A couple set up
    before partners were users has none until the repair links them; until
    then nothing private is readable and no phone is reached.
    """

    slot: int
    name: str
    person: str | None
    user_id: str | None

    @property
    def linked(self) -> bool:
        """Tell whether this partner is tied to a Home Assistant user."""
        return self.user_id is not None


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """How the couple practises, from the options."""

    preset: Preset
    start: date
    days_on: int
    days_off: int
    weekdays: frozenset[int]
    weeks_on: int
    weeks_off: int
    form: Form
    starting_amount_g: float
    ceiling_g: float
    reminder_time: time

    def protocol(self, state: Mapping[str, Any] | None = None) -> Protocol:
        """Build the schedule, with the stored pauses, skips and moved days."""
        return Protocol(
            preset=self.preset,
            start=self.start,
            days_on=self.days_on,
            days_off=self.days_off,
            weekdays=self.weekdays,
            weeks_on=self.weeks_on,
            weeks_off=self.weeks_off,
        ).with_state(state or {})

    @property
    def ceilings(self) -> dict[Form, float]:
        """Return the effective ceiling per form (never above the seed figures)."""
        ceilings = dict(HARD_CEILING_G)
        ceilings[self.form] = min(self.ceiling_g, HARD_CEILING_G[self.form])
        return ceilings


@dataclass(frozen=True, slots=True)
class ConversationSettings:
    """When check-ins are asked for, which prompts are sent, and quiet hours."""

    checkin_schedule: CheckInSchedule
    checkin_time: time
    themes: frozenset[Theme]
    custom_prompts: tuple[Prompt, ...]
    quiet_hours: QuietHours
    # Both answers in the reveal push, which then carries them past the home.
    show_answers_in_notifications: bool


@dataclass(frozen=True, slots=True)
class WeeklySummarySettings:
    """Whether, and on which weekday (Monday is 0) and time, the week is summed up."""

    enabled: bool
    weekday: int
    at: time


@dataclass(frozen=True, slots=True)
class CalmSettings:
    """Which calendars say how full today is, and where calm ends."""

    calendars: tuple[str, ...]
    thresholds: CalmThresholds


@dataclass(frozen=True, slots=True)
class CoupleSettings:
    """Everything a config entry says about one couple."""

    couple_name: str
    partners: tuple[Partner, Partner]
    practice: PracticeSettings
    conversation: ConversationSettings
    calm: CalmSettings
    weekly: WeeklySummarySettings

    def partner(self, slot: int) -> Partner:
        """Return the partner in a slot."""
        return self.partners[slot - 1]

    def slot_of_user(self, user_id: str | None) -> int | None:
        """Return the slot of the partner who is this user, if either is."""
        if user_id is None:
            return None
        for partner in self.partners:
            if partner.user_id == user_id:
                return partner.slot
        return None

    @property
    def linked(self) -> bool:
        """Tell whether both partners are tied to their Home Assistant users."""
        return all(partner.linked for partner in self.partners)


def parse_practice(options: Mapping[str, Any]) -> PracticeSettings:
    """Read the practice options, filling what older entries did not have."""
    preset = Preset(options[CONF_PRESET])
    days_on, days_off = PRESET_PATTERNS.get(
        preset,
        (
            int(options.get(CONF_DAYS_ON, DEFAULT_DAYS_ON)),
            int(options.get(CONF_DAYS_OFF, DEFAULT_DAYS_OFF)),
        ),
    )
    form = Form(options[CONF_FORM])
    reminder = _time(options, CONF_REMINDER_TIME, DEFAULT_REMINDER_TIME)
    return PracticeSettings(
        preset=preset,
        start=date.fromisoformat(options[CONF_START_DATE]),
        days_on=days_on,
        days_off=days_off,
        weekdays=frozenset(int(day) for day in options.get(CONF_WEEKDAYS, [])),
        weeks_on=int(options.get(CONF_WEEKS_ON, DEFAULT_WEEKS_ON)),
        weeks_off=int(options.get(CONF_WEEKS_OFF, DEFAULT_WEEKS_OFF)),
        form=form,
        starting_amount_g=float(
            options.get(CONF_STARTING_AMOUNT, DEFAULT_START_G[form])
        ),
        ceiling_g=float(options.get(CONF_CEILING, HARD_CEILING_G[form])),
        reminder_time=reminder,
    )


def parse_conversation(options: Mapping[str, Any]) -> ConversationSettings:
    """Read the check-in and prompt options; every theme is on until turned off."""
    return ConversationSettings(
        checkin_schedule=CheckInSchedule(
            options.get(CONF_CHECKIN_SCHEDULE, CheckInSchedule.DAILY)
        ),
        checkin_time=_time(options, CONF_CHECKIN_TIME, DEFAULT_CHECKIN_TIME),
        themes=frozenset(Theme(theme) for theme in options.get(CONF_THEMES, Theme)),
        custom_prompts=tuple(
            Prompt.from_dict(raw) for raw in options.get(CONF_CUSTOM_PROMPTS, ())
        ),
        quiet_hours=QuietHours(
            _time(options, CONF_QUIET_START, DEFAULT_QUIET_START),
            _time(options, CONF_QUIET_END, DEFAULT_QUIET_END),
        ),
        show_answers_in_notifications=options.get(CONF_SHOW_ANSWERS) is True,
    )


def parse_calm(options: Mapping[str, Any]) -> CalmSettings:
    """Read the calm-day options; the thresholds default to the core's."""
    busy_minutes = round(
        float(options.get(CONF_BUSY_HOURS, DEFAULT_THRESHOLDS.busy_minutes / 60)) * 60
    )
    return CalmSettings(
        calendars=tuple(options.get(CONF_CALM_CALENDARS, ())),
        thresholds=CalmThresholds(
            busy_minutes=busy_minutes,
            max_events=int(options.get(CONF_MAX_EVENTS, DEFAULT_THRESHOLDS.max_events)),
            stressed_at=int(
                options.get(CONF_STRESSED_AT, DEFAULT_THRESHOLDS.stressed_at)
            ),
            keywords=tuple(options.get(CONF_KEYWORDS, DEFAULT_THRESHOLDS.keywords)),
        ),
    )


def parse_weekly(options: Mapping[str, Any]) -> WeeklySummarySettings:
    """Read the weekly summary options; entries made before them get it on Sunday."""
    return WeeklySummarySettings(
        enabled=options.get(CONF_WEEKLY_SUMMARY, True) is not False,
        weekday=int(options.get(CONF_WEEKLY_SUMMARY_DAY, DEFAULT_WEEKLY_SUMMARY_DAY)),
        at=_time(options, CONF_WEEKLY_SUMMARY_TIME, DEFAULT_WEEKLY_SUMMARY_TIME),
    )


def _time(options: Mapping[str, Any], key: str, default: str) -> time:
    """Read a time option; an unreadable value falls back to the default."""
    parsed = dt_util.parse_time(str(options.get(key, default)))
    return parsed or time.fromisoformat(default)


def parse_settings(
    data: Mapping[str, Any], options: Mapping[str, Any]
) -> CoupleSettings:
    """Read a config entry's data and options."""
    first, second = (
        Partner(
            slot=slot,
            name=raw[CONF_NAME],
            person=raw.get(CONF_PERSON) or None,
            user_id=raw.get(CONF_USER_ID) or None,
        )
        for slot, raw in enumerate(data[CONF_PARTNERS], start=1)
    )
    return CoupleSettings(
        couple_name=data[CONF_COUPLE_NAME],
        partners=(first, second),
        practice=parse_practice(options),
        conversation=parse_conversation(options),
        calm=parse_calm(options),
        weekly=parse_weekly(options),
    )
