"""The soak's verdict, its figures as JSON, and the short table it prints."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bench.results import RESULTS_DIR, machine

from .run import Soak
from .verdict import (
    counted,
    memory_bounded,
    nothing_refused_kept,
    objects_held,
    schedule_kept,
    steady,
    stored_once,
)


def leg() -> str:
    """Return the leg's name (SOAK_LEG, else floor), as in soak-<leg>.json."""
    return os.environ.get("SOAK_LEG", "floor")


def problems(result: Soak) -> list[str]:
    """Return every check that failed, in words."""
    ledger, read_back = result.ledger, result.read_back
    found = list(ledger.problems)
    found += stored_once(ledger, read_back)
    found += nothing_refused_kept(ledger, read_back)
    found += schedule_kept(ledger, read_back["protocol"])[1]
    first = result.first_day
    if first is None:
        return [*found, "not a single day was lived"]
    for gauge in result.month_ends:
        found += steady("timers", first.timers, gauge.timers, gauge.day)
        found += steady("listeners", first.listeners, gauge.listeners, gauge.day)
        found += objects_held(gauge.held, gauge.objects, gauge.day)
    traced = result.traced
    if len(traced) >= 2:
        found += memory_bounded(
            (_memory(traced[0]), traced[0].records),
            (_memory(traced[-1]), traced[-1].records),
        )
    return found


def _memory(gauge: Any) -> int:
    memory: int = gauge.memory
    return memory


def figures(result: Soak, found: list[str]) -> dict[str, Any]:
    """Return the figures kept in soak-<leg>.json."""
    ledger, first, last = result.ledger, result.first_day, result.month_ends[-1]
    assert first is not None  # noqa: S101  # problems() said so otherwise
    schedule, _ = schedule_kept(ledger, result.read_back["protocol"])
    traced = result.traced
    return {
        "leg": leg(),
        "machine": machine(),
        "seed": result.seed,
        "days": result.days,
        "restarts": result.restarts,
        "seconds": round(result.seconds, 1),
        "passed": not found,
        "problems": found,
        "records": {
            "doses": len(ledger.doses),
            "check_ins": len(ledger.check_ins),
            "answers": len(ledger.answers),
            "prompts": len(ledger.prompts),
            "stored_prompts": len(result.read_back["prompts"]),
            "stored_doses": len(result.read_back["doses"]),
            "stored_check_ins": len(result.read_back["check_ins"]),
            "file_bytes": last.file_bytes,
        },
        "refused_doses": len(ledger.refused),
        "schedule": schedule,
        "choices": dict(sorted(ledger.counts.items())),
        "timers": {
            "first_day": counted(first.timers, "timers"),
            "month_ends": [counted(g.timers, "timers") for g in result.month_ends],
            "first_day_all": sum(first.timers.values()),
            "last_all": sum(last.timers.values()),
        },
        "listeners": {
            "first_day": sum(first.listeners.values()),
            "month_ends": [sum(g.listeners.values()) for g in result.month_ends],
        },
        "objects": {
            "first_day": sum(first.objects.values()),
            "month_ends": [sum(g.objects.values()) for g in result.month_ends],
            "last_by_class": dict(sorted(last.objects.items())),
        },
        "memory": [
            {
                "day": g.day.isoformat(),
                "bytes": g.memory,
                "records": g.records,
                "bytes_per_record": round(_memory(g) / g.records),
                "file_bytes": g.file_bytes,
            }
            for g in traced
        ],
    }


def write(data: dict[str, Any]) -> Path:
    """Keep the figures beside the bench's."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"soak-{data['leg']}.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def table(data: dict[str, Any]) -> str:
    """Return the short table the command prints."""
    records, timers, listeners = data["records"], data["timers"], data["listeners"]
    schedule = data["schedule"]
    rows = [
        ("leg", f"{data['leg']} (HA {data['machine']['homeassistant']})"),
        ("days lived, restarts", f"{data['days']}, {data['restarts']}"),
        ("run time", f"{data['seconds']} s"),
        (
            "records accepted = stored",
            (
                f"{records['doses']} doses, {records['check_ins']} check-ins,"
                f" {records['answers']} answers ({records['file_bytes']} bytes on disk)"
            ),
        ),
        ("doses refused, none kept", str(data["refused_doses"])),
        (
            "dose days scheduled / dosed / both",
            (
                f"{schedule['scheduled_dose_days']} / {schedule['days_dosed']}"
                f" / {schedule['days_both_dosed']}"
            ),
        ),
        (
            "timers first day -> last month",
            (
                f"{timers['first_day']} -> {timers['month_ends'][-1]}"
                f" (all: {timers['first_day_all']} -> {timers['last_all']})"
            ),
        ),
        (
            "listeners first day -> last month",
            f"{listeners['first_day']} -> {listeners['month_ends'][-1]}",
        ),
    ]
    rows += [
        (
            f"memory {m['day']}",
            (
                f"{m['bytes']} bytes, {m['records']} records,"
                f" {m['bytes_per_record']} bytes/record"
            ),
        )
        for m in data["memory"]
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)
