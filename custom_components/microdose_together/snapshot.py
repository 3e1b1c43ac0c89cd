"""Today's view of the couple, computed from the domain objects in one place.

Entities read this frozen snapshot instead of asking the domain model each
time, so every entity of a couple shows the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .core.calm import CalmVerdict, Override
from .core.checkins import CheckInLog, SharedPrompt, is_due
from .core.doses import DoseLog
from .core.protocol import CyclePosition, Phase, Protocol
from .settings import ConversationSettings


@dataclass(frozen=True, slots=True)
class PartnerSnapshot:
    """One partner's figures for today."""

    last_dose: datetime | None
    doses_this_cycle: int
    off_protocol_doses: int


@dataclass(frozen=True, slots=True)
class CoupleSnapshot:
    """What the entities show for today; rebuilt, never mutated."""

    today: date
    phase: Phase
    next_dose: date | None
    position: CyclePosition | None
    break_end: date | None
    paused: bool
    pause_begins: date | None  # set while a pause asked for today begins later
    partners: dict[int, PartnerSnapshot]
    conversation: ConversationSnapshot
    calm: CalmVerdict | None
    override: Override
    ritual_started: datetime | None


@dataclass(frozen=True, slots=True)
class PartnerCheckIns:
    """One partner's check-in figures; scores only, never the note."""

    mood: int | None
    connection: int | None
    stress: int | None
    last_check_in: datetime | None
    streak: int
    due: bool


@dataclass(frozen=True, slots=True)
class ConversationSnapshot:
    """Check-ins, the prompt of the day and the intention, without private text."""

    partners: dict[int, PartnerCheckIns]
    prompt_id: str | None
    prompt_theme: str | None
    prompt_text: str | None
    answered: frozenset[int]
    both_answered: bool
    intention: str


def build_conversation(
    now: datetime,
    *,
    protocol: Protocol,
    checkins: CheckInLog,
    prompt: SharedPrompt | None,
    prompt_text: str | None,
    intention: str,
    settings: ConversationSettings,
    slots: tuple[int, ...],
) -> ConversationSnapshot:
    """Compute what the check-in and prompt entities show at `now` (local)."""
    today = now.date()
    dose_today = protocol.is_dose_day(today)
    dose_yesterday = protocol.is_dose_day(today - timedelta(days=1))
    partners = {}
    for slot in slots:
        latest = checkins.latest(slot)
        partners[slot] = PartnerCheckIns(
            mood=latest.mood if latest else None,
            connection=latest.connection if latest else None,
            stress=latest.stress if latest else None,
            last_check_in=latest.at if latest else None,
            streak=checkins.streak(slot, today),
            due=is_due(
                schedule=settings.checkin_schedule,
                due_time=settings.checkin_time,
                now=now,
                checked_in_today=checkins.checked_in(slot, today),
                dose_day_today=dose_today,
                dose_day_yesterday=dose_yesterday,
            ),
        )
    return ConversationSnapshot(
        partners=partners,
        prompt_id=prompt.prompt_id if prompt else None,
        prompt_theme=prompt.theme if prompt else None,
        prompt_text=prompt_text,
        answered=frozenset(slot for slot in slots if prompt and prompt.answered(slot)),
        both_answered=bool(prompt and prompt.both_answered),
        intention=intention,
    )


def build_snapshot(
    today: date,
    protocol: Protocol,
    doses: DoseLog,
    slots: tuple[int, ...],
    *,
    conversation: ConversationSnapshot,
    calm: CalmVerdict | None = None,
    override: Override = Override.AUTOMATIC,
    ritual_started: datetime | None = None,
) -> CoupleSnapshot:
    """Compute everything the entities show for `today`."""
    position = protocol.position(today)
    return CoupleSnapshot(
        today=today,
        phase=protocol.phase(today),
        next_dose=doses.next_dose_date(protocol, today, slots),
        position=position,
        break_end=protocol.break_end(today),
        paused=protocol.has_open_pause,  # also a pause that begins tomorrow
        pause_begins=protocol.pause_begins_after(today),
        partners={slot: _partner(slot, protocol, doses, today) for slot in slots},
        conversation=conversation,
        calm=calm,
        override=override,
        ritual_started=ritual_started,
    )


def _partner(
    slot: int,
    protocol: Protocol,
    doses: DoseLog,
    today: date,
) -> PartnerSnapshot:
    last = doses.last(slot)
    return PartnerSnapshot(
        last_dose=last.taken_at if last else None,
        doses_this_cycle=doses.count_in_cycle(protocol, slot, today),
        off_protocol_doses=doses.off_protocol_count(slot),
    )
