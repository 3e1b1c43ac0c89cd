"""The weekly summary: the couple's last seven days in numbers, to both phones.

Once a week, at the day and time chosen in the options, each partner's phones
get the same short message: how many days each of them checked in, their mean
mood and connection, their doses against the schedule, and what comes next.
It carries names and numbers only, never a note, an answer or the intention,
and it goes through the same channel as every other message, so quiet hours
hold it until they end. The same numbers go out as a bus event for automations.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_time
from homeassistant.util import dt as dt_util

from .const import NOTIFY_WEEKLY_SUMMARY, PARTNER_SLOTS
from .core.weekly import PartnerWeek, WeekSummary, next_summary_at, week_summary
from .notifications import (
    NotificationTexts,
    insights_payload,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

EVENT_WEEKLY_SUMMARY: Final = "weekly_summary"


def _number(texts: NotificationTexts, value: float) -> str:
    """Return a mean with one decimal, written as the home's language writes it."""
    return f"{value:.1f}".replace(".", texts.get("decimal_point"))


def _day(texts: NotificationTexts, day: date) -> str:
    """Return a day as the language says it, e.g. "Tuesday 20 January"."""
    return texts.get(
        "weekly_day",
        weekday=texts.get(f"weekday_{day.weekday()}"),
        day=str(day.day),
        month=texts.get(f"month_{day.month}"),
    )


def _partner_line(
    texts: NotificationTexts, name: str, week: PartnerWeek, days: int
) -> str:
    """Return one partner's line; without a check-in there are no means to show."""
    if week.mood is None or week.connection is None:
        return texts.get(
            "weekly_partner_no_checkins", partner=name, doses=str(week.doses)
        )
    return texts.get(
        "weekly_partner",
        partner=name,
        days=str(week.checkin_days),
        of=str(days),
        mood=_number(texts, week.mood),
        connection=_number(texts, week.connection),
        doses=str(week.doses),
    )


def summary_message(
    texts: NotificationTexts, names: dict[int, str], week: WeekSummary
) -> str:
    """Return the summary's text: one line per partner, then the schedule."""
    lines = [
        _partner_line(texts, names[slot], week.partners[slot], week.days)
        for slot in PARTNER_SLOTS
    ]
    if week.baseline:
        lines.append(texts.get("weekly_baseline"))
    else:
        lines.append(
            texts.get("weekly_schedule", scheduled=str(week.scheduled_doses))
            + " "
            + texts.get(
                "weekly_today", phase=texts.get(f"weekly_phase_{week.phase.value}")
            )
        )
    if week.next_dose is None:
        lines.append(texts.get("weekly_no_next_dose"))
    elif week.next_dose != week.end:  # today's dose still ahead: "today" says it
        lines.append(texts.get("weekly_next_dose", day=_day(texts, week.next_dose)))
    return "\n".join(lines)


def summary_payload(
    texts: NotificationTexts, entry_id: str, slot: int, message: str
) -> dict[str, Any]:
    """Return the push for one partner; a tap opens the couple's insights."""
    title = texts.get("weekly_title")
    return insights_payload(entry_id, slot, NOTIFY_WEEKLY_SUMMARY, title, message)


class WeeklySummary:
    """Sends the week's summary on the chosen weekday at the chosen time.

    One timer for the next summary, armed again after each: a day-by-day
    timer checking the weekday would, fired late after the host slept, send
    on the wrong day or not at all.
    """

    def __init__(self, hass: HomeAssistant, coordinator: MicrodoseCoordinator) -> None:
        """Belong to one couple; the timer is armed with the other daily timers."""
        self._hass = hass
        self._coordinator = coordinator
        self._unsub: CALLBACK_TYPE | None = None

    @callback
    def async_arm(self) -> CALLBACK_TYPE | None:
        """Arm the timer for the next summary; return its disarm, None when off."""
        self._async_disarm()
        if not self._coordinator.settings.weekly.enabled:
            return None
        self._arm_next()
        return self._async_disarm

    @callback
    def _arm_next(self) -> None:
        weekly = self._coordinator.settings.weekly
        self._unsub = async_track_point_in_time(
            self._hass,
            self._async_due,
            next_summary_at(dt_util.now(), weekly.weekday, weekly.at),
        )

    @callback
    def _async_disarm(self) -> None:
        if self._unsub is not None:
            self._unsub()
            self._unsub = None

    async def _async_due(self, _now: datetime) -> None:
        """Send this week's summary and arm next week's."""
        self._arm_next()
        await self.async_send()

    async def async_send(self) -> None:
        """Send the last seven days to both partners' phones and fire the event."""
        coordinator = self._coordinator
        week = week_summary(
            coordinator.protocol,
            coordinator.conversation.checkins.records,
            coordinator.doses,
            today=coordinator.today(),
        )
        settings = coordinator.settings
        texts = await NotificationTexts.async_load(self._hass)
        names = {slot: settings.partner(slot).name for slot in PARTNER_SLOTS}
        message = summary_message(texts, names, week)
        entry_id = coordinator.config_entry.entry_id
        phones = coordinator.conversation.phones
        await asyncio.gather(
            *(
                phones.async_send(
                    slot,
                    summary_payload(texts, entry_id, slot, message),
                    settings.conversation.quiet_hours,
                )
                for slot in PARTNER_SLOTS
            )
        )
        coordinator.fire(EVENT_WEEKLY_SUMMARY, week.as_dict())
