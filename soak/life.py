"""One day of the couple's life, its choices drawn from a seeded generator.

Morning (08:30): pause or resume now and then, skip or postpone a dose day
now and then, each partner's dose on dose days (sometimes forgotten), and
now and then a dose tried on a day that is not a dose day, or a second one,
which the guard must refuse. Check-ins (0-2 each, scores 1-5, some with a
private note through the panel's path) in the morning or the evening.
Evening (20:00): the prompt of the day, answered by each partner or not.
The check-in request goes out at its own time. Night (23:30): the day's
place in the schedule is written in the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
import random
from typing import Final

from homeassistant.exceptions import ServiceValidationError

from custom_components.microdose_together.const import (
    CONF_CHECKIN_TIME,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_TIME,
)
from custom_components.microdose_together.dialogue_actions import (
    async_record_check_in,
)

from .harness import Clock, Home, at
from .ledger import Ledger

SLOTS: Final = (1, 2)
SCORE_NAMES: Final = ("mood", "connection", "stress")
# Every choice keeps the check-in request before quiet hours begin, so the
# night's measuring point (23:30) never waits on a message held for the morning.
CHECKIN_TIMES: Final = ("20:30:00", "21:00:00", "21:30:00", "22:00:00")
REMINDER_TIMES: Final = ("07:45:00", "08:00:00", "08:15:00")
QUIET_HOURS: Final = (
    ("22:15:00", "07:00:00"),
    ("22:30:00", "07:30:00"),
    ("23:00:00", "08:00:00"),
)
OPTIONS_DAY: Final = 15  # of each month


@dataclass(frozen=True, slots=True)
class Chances:
    """How likely each choice is, per partner and day unless said otherwise."""

    dose: float = 0.9
    second_dose: float = 0.04
    off_day_dose: float = 0.06
    skip: float = 0.04  # per dose day, for the couple
    postpone: float = 0.03  # per dose day, for the couple
    pause: float = 0.008  # per day, for the couple
    resume: float = 0.35  # per paused day
    morning_check_in: float = 0.5  # each check-in: morning, else evening
    note: float = 0.3
    prompt: float = 0.8  # per evening, for the couple
    answer: float = 0.7


class CoupleLife:
    """Lives days through the couple's actions and writes the ledger."""

    def __init__(self, rng: random.Random, ledger: Ledger) -> None:
        """Keep the generator (all choices) and the ledger (all outcomes)."""
        self._rng = rng
        self._ledger = ledger
        self._chances = Chances()

    async def live(self, home: Home, clock: Clock, day: date) -> None:
        """Live one day, from the morning to the night's measuring point."""
        rng = self._rng
        plan = {
            slot: [rng.random() < self._chances.morning_check_in for _ in range(n)]
            for slot in SLOTS
            if (n := rng.randint(0, 2))
        }
        await home.move(clock, at(day, 8, 30))
        await self._morning(home, day)
        for slot, mornings in plan.items():
            for _ in filter(None, mornings):
                await self._check_in(home, slot, day)
        await home.move(clock, at(day, 20))
        for slot, mornings in plan.items():
            for _ in filter(lambda morning: not morning, mornings):
                await self._check_in(home, slot, day)
        await self._evening(home, day)
        # Just past the check-in request, so it goes out at its own time (a
        # jump past quiet hours' start would hold it for the morning).
        asked = home.coordinator.settings.conversation.checkin_time
        await home.move(clock, at(day, asked.hour, asked.minute + 1))
        await home.move(clock, at(day, 23, 30))
        self._ledger.schedule[day] = home.coordinator.protocol.is_dose_day(day)

    async def change_options(self, home: Home, options: dict[str, str]) -> None:
        """Choose a new check-in time, reminder time and quiet hours."""
        quiet_start, quiet_end = self._rng.choice(QUIET_HOURS)
        new = {
            CONF_CHECKIN_TIME: self._rng.choice(CHECKIN_TIMES),
            CONF_REMINDER_TIME: self._rng.choice(REMINDER_TIMES),
            CONF_QUIET_START: quiet_start,
            CONF_QUIET_END: quiet_end,
        }
        options.update(new)
        hass = home.hass
        hass.config_entries.async_update_entry(
            home.entry, options=dict(home.entry.options) | new
        )
        await hass.async_block_till_done()
        self._ledger.counts["options_changed"] += 1
        settings = home.coordinator.settings
        taken = (
            settings.conversation.checkin_time,
            settings.practice.reminder_time,
            settings.conversation.quiet_hours.start,
        )
        wanted = tuple(
            time.fromisoformat(new[key])
            for key in (CONF_CHECKIN_TIME, CONF_REMINDER_TIME, CONF_QUIET_START)
        )
        if taken != wanted:
            self._ledger.problem(f"options {wanted} were not taken: {taken}")

    async def _morning(self, home: Home, day: date) -> None:
        rng, chances, counts = self._rng, self._chances, self._ledger.counts
        if home.coordinator.protocol.is_paused_now(day):
            if rng.random() < chances.resume:
                await home.act("resume_protocol")
                counts["resumes"] += 1
        elif rng.random() < chances.pause:
            await home.act("pause_protocol")
            counts["pauses"] += 1
        if not home.coordinator.protocol.is_dose_day(day):
            for slot in SLOTS:
                if rng.random() < chances.off_day_dose:
                    await self._refused_dose(home, slot, day)
            return
        roll = rng.random()
        if roll < chances.skip:
            await home.act("skip_dose_day")
            counts["skips"] += 1
            return
        if roll < chances.skip + chances.postpone:
            await self._postpone(home, day)
            return
        for slot in SLOTS:
            if rng.random() < chances.dose:
                await self._dose(home, slot, day)
                if rng.random() < chances.second_dose:
                    await self._refused_dose(home, slot, day)

    async def _postpone(self, home: Home, day: date) -> None:
        """Move today's dose; near the end of an on-period there may be no day."""
        try:
            await home.act("postpone_dose_day", response=True)
        except ServiceValidationError as err:
            self._ledger.counts[f"postpone_refused_{err.translation_key}"] += 1
        else:
            self._ledger.counts["postpones"] += 1

    async def _dose(self, home: Home, slot: int, day: date) -> None:
        try:
            answer = await home.act("log_dose", response=True, partner=slot)
        except ServiceValidationError as err:
            self._ledger.problem(f"{day}: partner {slot}'s dose was refused ({err})")
            return
        self._accept_dose(answer["dose_id"], slot, day)

    def _accept_dose(self, dose_id: str, slot: int, day: date) -> None:
        if dose_id in self._ledger.doses:
            self._ledger.problem(f"{day}: dose id {dose_id} given twice")
        self._ledger.doses[dose_id] = (slot, day)

    async def _refused_dose(self, home: Home, slot: int, day: date) -> None:
        """Try a dose the guard must refuse; it must leave nothing behind."""
        before = len(home.coordinator.doses.records)
        try:
            answer = await home.act("log_dose", response=True, partner=slot)
        except ServiceValidationError as err:
            self._ledger.refused.append((slot, day, str(err.translation_key)))
            self._ledger.counts[f"refused_{err.translation_key}"] += 1
        else:
            self._ledger.problem(f"{day}: partner {slot}'s dose was not refused")
            self._accept_dose(answer["dose_id"], slot, day)
            return
        if len(home.coordinator.doses.records) != before:
            self._ledger.problem(f"{day}: a refused dose was kept")

    async def _check_in(self, home: Home, slot: int, day: date) -> None:
        scores = {name: self._rng.randint(1, 5) for name in SCORE_NAMES}
        if self._rng.random() < self._chances.note:  # the panel's private path
            note = f"Partner {slot}, {day}: a few words of my own."
            record = await async_record_check_in(home.coordinator, slot, scores, note)
            check_in_id = record.id
        else:
            answer = await home.act("check_in", response=True, partner=slot, **scores)
            check_in_id = answer["check_in_id"]
        if check_in_id in self._ledger.check_ins:
            self._ledger.problem(f"{day}: check-in id {check_in_id} given twice")
        self._ledger.check_ins[check_in_id] = (slot, day)

    async def _evening(self, home: Home, day: date) -> None:
        if self._rng.random() >= self._chances.prompt:
            return
        sent = await home.act("send_prompt", response=True)
        self._ledger.prompts[day] = sent["prompt_id"]
        conversation = home.coordinator.conversation
        for slot in SLOTS:
            if self._rng.random() < self._chances.answer:
                text = f"Partner {slot}'s answer on {day}."
                await conversation.async_answer_prompt(slot, text)
                self._ledger.answers[(day, slot)] = text
