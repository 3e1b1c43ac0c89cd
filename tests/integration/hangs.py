"""Devices that never answer, and a way past their time limits without waiting.

Every outbound call of the integration has a generous real time limit. A test
does not wait for it, and no test gives a healthy call a short one: once a fake
device is known to hang, the test moves Home Assistant's clock past every limit
with `async_fire_time_changed`, which runs the event loop's timers that are due
by then, the limit's among them. Nothing here depends on the machine's speed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import timedelta
from typing import Final

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.microdose_together import calm_sources, notifications, ritual

PAST_EVERY_LIMIT: Final = timedelta(
    seconds=max(
        calm_sources.READ_TIMEOUT, notifications.SEND_TIMEOUT, ritual.DEFAULT_TIMEOUT
    )
    + 1
)
MAX_TURNS: Final = 10_000


class Hangs:
    """Calls that wait forever, and a signal for each one that starts waiting."""

    def __init__(self) -> None:
        """Nothing hangs yet."""
        self.started = asyncio.Event()
        self.count = 0

    async def hang(self) -> None:
        """Never return, and tell the test this call is now hanging."""
        self.count += 1
        self.started.set()
        await asyncio.Event().wait()


async def finish_past_hangs[T](
    hass: HomeAssistant, hangs: Hangs, awaitable: Awaitable[T]
) -> T:
    """Await `awaitable`; each time a call starts hanging, pass every time limit.

    A call hangs inside its time limit, so the limit's timer is already set
    when the hang begins; firing the clock past it ends that call only. Calls
    made one after another (a player's volume, then its music) each hang and
    are each passed in turn.
    """
    task = asyncio.ensure_future(awaitable)
    while True:
        hang_started = asyncio.ensure_future(hangs.started.wait())
        await asyncio.wait({task, hang_started}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            hang_started.cancel()
            return task.result()
        hangs.started.clear()
        await _until_only_waiting(hass)
        async_fire_time_changed(hass, dt_util.utcnow() + PAST_EVERY_LIMIT)


async def _until_only_waiting(hass: HomeAssistant) -> None:
    """Let every call that can still make progress finish first.

    Calls running beside the hanging one (the other lights, the phones) have
    limits that the clock is about to pass as well; they must be done by then.
    When the loop has nothing ready to run, every call left is waiting. This
    counts turns of the loop, not seconds, so a slow machine only takes longer.
    """
    for _ in range(MAX_TURNS):
        await asyncio.sleep(0)
        if not hass.loop._ready:  # type: ignore[attr-defined]
            return
    raise AssertionError(f"the event loop was still busy after {MAX_TURNS} turns")
