"""Today, as one partner sees it in the couple's panel.

Built for a reader (a partner slot) from the couple's snapshot: scores, doses
and the schedule are in every user's states anyway; the reader's own prompt
answer is theirs; the other partner's answer appears only once both were
shared. No note is ever part of it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .const import PARTNER_SLOTS
from .coordinator import MicrodoseCoordinator
from .ritual_presets import is_custom
from .snapshot import PartnerCheckIns


def _iso(moment: date | None) -> str | None:
    return moment.isoformat() if moment else None


def _check_in(figures: PartnerCheckIns, checked_in_today: bool) -> dict[str, Any]:
    return {
        "mood": figures.mood,
        "connection": figures.connection,
        "stress": figures.stress,
        "last_check_in": _iso(figures.last_check_in),
        "streak": figures.streak,
        "due": figures.due,
        "checked_in_today": checked_in_today,
    }


def _partner(coordinator: MicrodoseCoordinator, slot: int) -> dict[str, Any]:
    snapshot = coordinator.data
    figures = snapshot.partners[slot]
    return {
        "slot": slot,
        "name": coordinator.settings.partner(slot).name,
        "last_dose": _iso(figures.last_dose),
        "dosed_today": any(
            record.partner == slot and record.day == snapshot.today
            for record in coordinator.doses.records
        ),
        "doses_this_cycle": figures.doses_this_cycle,
        "check_in": _check_in(
            snapshot.conversation.partners[slot],
            coordinator.conversation.checkins.checked_in(slot, snapshot.today),
        ),
    }


def _prompt(coordinator: MicrodoseCoordinator, reader: int) -> dict[str, Any] | None:
    shared = coordinator.conversation.current_prompt
    if shared is None:
        return None
    other = next(slot for slot in PARTNER_SLOTS if slot != reader)
    prompt: dict[str, Any] = {
        "prompt_id": shared.prompt_id,
        "theme": shared.theme,
        "text": coordinator.data.conversation.prompt_text,
        "i_answered": shared.answered(reader),
        "partner_answered": shared.answered(other),
        "revealed": shared.revealed,
        "own_answer": shared.answers.get(reader),
    }
    if shared.revealed:
        prompt["answers"] = {
            "me": shared.answers.get(reader),
            "partner": shared.answers.get(other),
        }
    return prompt


def _ritual(coordinator: MicrodoseCoordinator) -> dict[str, Any]:
    """Return whether a ritual runs, which preset, and the presets to choose from.

    Built-in presets go without a name: the panel says theirs in the reader's
    language. A preset the couple added carries the name they gave it.
    """
    started = coordinator.data.ritual_started
    return {
        "running": started is not None,
        "started_at": _iso(started),
        "preset": coordinator.ritual.preset if started is not None else None,
        "presets": [
            {"id": preset_id, "name": settings.name if is_custom(preset_id) else ""}
            for preset_id, settings in coordinator.ritual_presets.items()
        ],
    }


def today_for(coordinator: MicrodoseCoordinator, reader: int) -> dict[str, Any]:
    """Return today's view of the couple for the partner in slot `reader`."""
    snapshot = coordinator.data
    settings = coordinator.settings
    other = next(slot for slot in PARTNER_SLOTS if slot != reader)
    practice = settings.practice
    return {
        "config_entry_id": coordinator.config_entry.entry_id,
        "couple_name": settings.couple_name,
        "today": snapshot.today.isoformat(),
        "phase": snapshot.phase.value,
        "cycle_day": snapshot.position.day if snapshot.position else None,
        "next_dose": _iso(snapshot.next_dose),
        "break_end": _iso(snapshot.break_end),
        "paused": snapshot.paused,
        "pause_begins": _iso(snapshot.pause_begins),
        "calm": snapshot.calm.as_dict() if snapshot.calm else None,
        "today_feels": snapshot.override.value,
        "intention": snapshot.conversation.intention,
        "dose": {"amount_g": practice.starting_amount_g, "form": practice.form.value},
        "me": _partner(coordinator, reader),
        "partner": _partner(coordinator, other),
        "prompt": _prompt(coordinator, reader),
        "ritual": _ritual(coordinator),
    }
