"""Today's view of the couple, computed from the domain objects in one place.

Entities read this frozen snapshot instead of asking the domain model each
time, so every entity of a couple shows the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .core.doses import DoseLog
from .core.protocol import CyclePosition, Phase, Protocol


@dataclass(frozen=True, slots=True)
class PartnerSnapshot:
    """One partner's figures for today."""

    last_dose: datetime | None
    doses_this_cycle: int
    off_protocol_doses: int
    dosed_today: bool


@dataclass(frozen=True, slots=True)
class CoupleSnapshot:
    """What the entities show for today; rebuilt, never mutated."""

    today: date
    phase: Phase
    next_dose: date | None
    position: CyclePosition | None
    break_end: date | None
    paused: bool
    partners: dict[int, PartnerSnapshot]


def build_snapshot(
    today: date, protocol: Protocol, doses: DoseLog, slots: tuple[int, ...]
) -> CoupleSnapshot:
    """Compute everything the entities show for `today`."""
    position = protocol.position(today)
    return CoupleSnapshot(
        today=today,
        phase=protocol.phase(today),
        next_dose=protocol.next_dose_date(today),
        position=position,
        break_end=protocol.break_end(today),
        paused=protocol.is_paused_now(today),
        partners={
            slot: _partner(slot, today, protocol, doses, position) for slot in slots
        },
    )


def _partner(
    slot: int,
    today: date,
    protocol: Protocol,
    doses: DoseLog,
    position: CyclePosition | None,
) -> PartnerSnapshot:
    last = doses.last(slot)
    in_cycle = 0
    if position is not None:
        for record in doses.records:
            if record.partner != slot:
                continue
            record_position = protocol.position(record.day)
            if record_position is not None and record_position.cycle == position.cycle:
                in_cycle += 1
    return PartnerSnapshot(
        last_dose=last.taken_at if last else None,
        doses_this_cycle=in_cycle,
        off_protocol_doses=doses.off_protocol_count(slot),
        dosed_today=doses.count(slot, today, today) > 0,
    )
