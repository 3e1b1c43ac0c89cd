"""After the run: is everything accepted stored once, and did nothing pile up?

Each check returns what is wrong, in words; an empty list is a pass.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Final

from custom_components.microdose_together.core.protocol import Protocol

from .ledger import Ledger

# Home Assistant's calendar entity arms a timer for the end of the event in
# progress, and one more for the start of the next when it has not begun
# (homeassistant.components.calendar.CalendarEntity.async_write_ha_state, later
# releases _async_write_ha_state): one or two by the time of day and the
# schedule, not by the couple's age. The integration has one calendar.
CALENDAR_ALARM_PREFIX: Final = "homeassistant.components.calendar.CalendarEntity."
CALENDAR_ALARMS_MAX: Final = 2


def stored_once(ledger: Ledger, read_back: dict[str, Any]) -> list[str]:
    """Every accepted dose, check-in and answer is there once; nothing else is."""
    problems = _same_records("dose", ledger.doses, read_back["doses"])
    problems += _same_records("check-in", ledger.check_ins, read_back["check_ins"])
    answers: dict[tuple[date, int], str] = {}
    sent = Counter((day, prompt_id) for day, prompt_id, _ in read_back["prompts"])
    problems += [
        f"the prompt sent on {day} is stored {sent[(day, prompt_id)]} times"
        for day, prompt_id in ledger.prompts.items()
        if sent[(day, prompt_id)] != 1
    ]
    for day, prompt_id, texts in read_back["prompts"]:
        # Cycle reviews come from the integration itself; nobody answers them.
        if ledger.prompts.get(day) != prompt_id and texts:
            problems.append(f"answers stored on a prompt of {day} never sent")
        answers |= {(day, slot): text for slot, text in texts.items()}
    if answers != ledger.answers:
        missing = ledger.answers.keys() - answers.keys()
        extra = answers.keys() - ledger.answers.keys()
        changed = {
            key
            for key in answers.keys() & ledger.answers.keys()
            if answers[key] != ledger.answers[key]
        }
        problems.append(
            f"answers differ: {len(missing)} missing, {len(extra)} not given,"
            f" {len(changed)} changed"
        )
    return problems


def _same_records(
    what: str,
    accepted: dict[str, tuple[int, date]],
    stored: list[tuple[str, int, date]],
) -> list[str]:
    counts = Counter(record_id for record_id, _, _ in stored)
    problems = [f"{what} {i} stored {n} times" for i, n in counts.items() if n > 1]
    missing = accepted.keys() - counts.keys()
    extra = counts.keys() - accepted.keys()
    if missing:
        problems.append(f"{len(missing)} accepted {what}s are missing")
    if extra:
        problems.append(f"{len(extra)} {what}s stored that were never accepted")
    problems += [
        f"{what} {i} is stored for partner {slot} on {day}, not as accepted"
        for i, slot, day in stored
        if i in accepted and accepted[i] != (slot, day)
    ]
    return problems


def nothing_refused_kept(ledger: Ledger, read_back: dict[str, Any]) -> list[str]:
    """No refused dose left a record: a partner's day holds only accepted doses."""
    stored = Counter((slot, day) for _, slot, day in read_back["doses"])
    accepted = Counter(ledger.doses.values())
    return [
        f"a refused dose of partner {slot} on {day} ({why}) was stored"
        for slot, day, why in ledger.refused
        if stored[(slot, day)] > accepted[(slot, day)]
    ]


def schedule_kept(
    ledger: Ledger, protocol: Protocol
) -> tuple[dict[str, int], list[str]]:
    """Dose days as read back equal the schedule of each evening; doses only on them."""
    days = sorted(ledger.schedule)
    scheduled = set(protocol.dose_days(days[0], days[-1]))
    seen = {day for day, dose_day in ledger.schedule.items() if dose_day}
    dosed = Counter(day for _, day in ledger.doses.values())
    problems = []
    if scheduled != seen:
        problems.append(
            f"the schedule read back differs from the one lived on"
            f" {len(scheduled ^ seen)} days, first {min(scheduled ^ seen)}"
        )
    off = sorted(set(dosed) - scheduled)
    if off:
        problems.append(
            f"doses on {len(off)} days that are not dose days, first {off[0]}"
        )
    figures = {
        "scheduled_dose_days": len(scheduled),
        "days_dosed": len(dosed),
        "days_both_dosed": sum(1 for n in dosed.values() if n == 2),
    }
    return figures, problems


def _calendar_alarm(callee: str) -> bool:
    return callee.startswith(CALENDAR_ALARM_PREFIX) and callee.endswith(".update")


def _compared(counter: Counter[str], name: str) -> Counter[str]:
    """Return the counts that are compared (the explained exclusion left out)."""
    if name != "timers":
        return counter
    return Counter({k: n for k, n in counter.items() if not _calendar_alarm(k)})


def steady(name: str, first: Counter[str], later: Counter[str], day: date) -> list[str]:
    """Timers or listeners at a month's end are those of the first day."""
    problems = []
    if name == "timers":
        alarms = sum(n for k, n in later.items() if _calendar_alarm(k))
        if alarms > CALENDAR_ALARMS_MAX:
            problems.append(f"{day}: {alarms} calendar timers")
    a, b = _compared(first, name), _compared(later, name)
    if a != b:
        grown = {k: b[k] - a[k] for k in a.keys() | b.keys() if a[k] != b[k]}
        problems.append(f"{day}: {name} changed since the first day: {grown}")
    return problems


def counted(counter: Counter[str], name: str) -> int:
    """Return the count that is compared (the explained exclusion left out)."""
    return sum(_compared(counter, name).values())


def objects_held(held: dict[str, int], live: Counter[str], day: date) -> list[str]:
    """Each record is one live object, and one couple one live state."""
    return [
        f"{day}: {live[name]} live {name} objects where {count} are held"
        for name, count in held.items()
        if live[name] != count
    ]


def memory_bounded(first: tuple[int, int], last: tuple[int, int]) -> list[str]:
    """Bytes per record at the end are no more than after the first month.

    Both are measured the same way (traced from the month's start, at its
    last evening); the fixed part is shared by more records at the end, so
    anything that grows faster than the data shows as more bytes per record.
    """
    (first_bytes, first_records), (last_bytes, last_records) = first, last
    per_first, per_last = first_bytes / first_records, last_bytes / last_records
    if per_last > per_first:
        return [f"memory per record grew from {per_first:.0f} to {per_last:.0f} bytes"]
    return []
