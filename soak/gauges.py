"""Timers on the event loop, listeners on the bus, memory held by the integration.

Timers and listeners are counted by what they call, so two counts that
differ say which one grew. Memory is what tracemalloc still holds with a
frame of the integration's own files in its traceback: the couple's data,
its indexes and everything the integration keeps alive.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from functools import partial
import gc
from pathlib import Path
import tracemalloc
from typing import Any, Final

from homeassistant.core import HomeAssistant

import custom_components.microdose_together as integration

INTEGRATION_FILES: Final = f"{Path(integration.__file__).parent}/*"
# The innermost frame only: each frame more costs the run dearly. What Home
# Assistant's JSON reader allocates for the store is counted as its own.
TRACE_FRAMES: Final = 1


def live_timers(hass: HomeAssistant) -> Counter[str]:
    """Return the timers scheduled on the loop and not cancelled, by callee."""
    scheduled: list[asyncio.TimerHandle] = hass.loop._scheduled  # type: ignore[attr-defined]  # noqa: SLF001
    return Counter(
        _callee(handle._callback)  # type: ignore[attr-defined]  # noqa: SLF001
        for handle in scheduled
        if not handle.cancelled()
    )


def bus_listeners(hass: HomeAssistant) -> Counter[str]:
    """Return the bus listeners by event type."""
    return Counter({str(kind): n for kind, n in hass.bus.async_listeners().items()})


def _callee(target: Any) -> str:
    """Name what a timer calls: the function, through partials and bound methods."""
    while True:
        if isinstance(target, partial):
            target = target.func
        elif (
            # HA's trackers hold their job; async_track_point_in_time's closure too
            job := getattr(target, "job", None) or _job_in_closure(target)
        ) is not None:
            target = job.target
        else:
            break
    owner = getattr(target, "__self__", None)
    if (key := getattr(owner, "key", None)) is not None:  # a Store's delayed write
        return f"{type(owner).__qualname__}({key}).{target.__name__}"
    target = getattr(target, "__func__", target)
    module = getattr(target, "__module__", None) or type(target).__module__
    name = getattr(target, "__qualname__", None) or type(target).__qualname__
    return f"{module}.{name}"


def _job_in_closure(function: Any) -> Any:
    """Return the HassJob a wrapping closure will run, if it holds one."""
    for cell in getattr(function, "__closure__", None) or ():
        if hasattr(cell.cell_contents, "target"):
            return cell.cell_contents
    return None


def census() -> Counter[str]:
    """Return the live objects of the integration's own classes, by class."""
    gc.collect()
    return Counter(
        type(obj).__qualname__
        for obj in gc.get_objects()
        if str(getattr(type(obj), "__module__", "")).startswith(integration.__name__)
    )


def start_tracing() -> None:
    """Start tracing allocations (everything allocated before is not seen)."""
    tracemalloc.start(TRACE_FRAMES)


def stop_tracing() -> None:
    """Stop tracing and free its bookkeeping."""
    tracemalloc.stop()


def integration_bytes() -> int:
    """Return the bytes still held that the integration's code allocated."""
    if not tracemalloc.is_tracing():
        return -1
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [
            tracemalloc.Filter(
                inclusive=True, filename_pattern=INTEGRATION_FILES, all_frames=False
            )
        ]
    )
    return sum(stat.size for stat in snapshot.statistics("filename"))
