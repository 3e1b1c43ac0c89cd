"""The couple's panel: what a browser downloads, and a private check-in's round trip.

The round trip goes through a real websocket connection to the bench's Home
Assistant, signed in with the partner's own access token, as the panel's
browser is: the note travels only this way, so this is what a partner waits for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
import gzip
import math
from pathlib import Path
from statistics import median
from typing import Any, Final

from aiohttp import ClientWebSocketResponse
from aiohttp.test_utils import TestClient, TestServer
from homeassistant.auth.models import User
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import CLIENT_ID

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.coordinator import MicrodoseCoordinator
from custom_components.microdose_together.core.limits import CHECKINS_PER_DAY

from .home import (
    ENTRY_ID,
    NAMES,
    BenchError,
    add_couple,
    add_phones,
    async_set_up,
    couple_entry,
    ensure,
    fresh_home,
    timed_ms,
)
from .results import Runs

ROOT: Final = Path(__file__).resolve().parents[1]
BUNDLE: Final = (
    ROOT / "custom_components" / DOMAIN / "frontend" / "microdose-together-panel.js"
)
WEBSOCKET_URL: Final = "/api/websocket"
CHECK_IN: Final = f"{DOMAIN}/check_in"
SCORES: Final = {"mood": 4, "connection": 5, "stress": 2}
NOTE: Final = (
    "Slept well, a long walk at lunch; felt patient with the kids and less "
    "hurried at work. Noticed I listened more than I talked."
)


def bundle_size(path: Path = BUNDLE) -> dict[str, Any]:
    """Return the panel's module size, raw and as gzip -9 sends it."""
    if not path.is_file():
        raise BenchError(f"the panel's bundle is missing: {path} (build frontend/)")
    raw = path.read_bytes()
    packed = gzip.compress(raw, compresslevel=9, mtime=0)
    return {
        "file": str(path.relative_to(ROOT)),
        "bytes": len(raw),
        "gzip_bytes": len(packed),
        "raw_kb": round(len(raw) / 1024, 1),
        "gzip_kb": round(len(packed) / 1024, 1),
    }


async def check_in_round_trip(base: Path, runs: Runs) -> dict[str, Any]:
    """Time a partner's `check_in` with a private note, sent until answered.

    A partner may check in CHECKINS_PER_DAY times a day, so the runs go round
    as many partners (couples of the same home) as keep each under the limit.
    Each partner's connection is open before timing, as an open panel's is.
    """
    partners = max(2, math.ceil(runs.total / CHECKINS_PER_DAY))
    async with fresh_home(base / "panel") as hass:
        seats: list[tuple[MicrodoseCoordinator, int, User]] = []
        for n in range(math.ceil(partners / 2)):
            names = NAMES if n == 0 else (f"{NAMES[0]} {n + 1}", f"{NAMES[1]} {n + 1}")
            couple = await add_couple(hass, names)
            add_phones(hass, couple)
            entry_id = ENTRY_ID if n == 0 else f"{ENTRY_ID}_{n + 1}"
            entry = couple_entry(hass, couple.data, entry_id=entry_id)
            await async_set_up(hass, entry)
            seats += [
                (entry.runtime_data, slot, partner.user)
                for slot, partner in enumerate(couple.partners, start=1)
            ]
        async with _web(hass) as client:
            sockets = [await _signed_in(hass, client, user) for _, _, user in seats]
            samples: list[float] = []
            for run in range(runs.total):
                seat = run % len(seats)
                coordinator, slot, _ = seats[seat]
                socket = sockets[seat]
                replies: list[dict[str, Any]] = []

                async def check_in(
                    socket: ClientWebSocketResponse = socket,
                    replies: list[dict[str, Any]] = replies,
                    coordinator: MicrodoseCoordinator = coordinator,
                    run: int = run,
                ) -> None:
                    await socket.send_json(
                        {
                            "id": run + 1,
                            "type": CHECK_IN,
                            "config_entry_id": coordinator.config_entry.entry_id,
                            **SCORES,
                            "note": NOTE,
                        }
                    )
                    replies.append(await socket.receive_json())

                elapsed = await timed_ms(check_in)
                _check_reply(replies[0], run + 1, coordinator, slot)
                if runs.kept(run):
                    samples.append(elapsed)
            for socket in sockets:
                await socket.close()
    return {
        "partners": len(seats),
        "check_ins": runs.total,
        "ms": round(median(samples), 2),
        "samples": [round(x, 2) for x in samples],
    }


@asynccontextmanager
async def _web(hass: HomeAssistant) -> AsyncIterator[TestClient[Any, Any]]:
    """Serve Home Assistant's web app on 127.0.0.1 and yield a client of it."""
    server = TestServer(hass.http.app, host="127.0.0.1")
    # Home Assistant adds routes after start (as PHACC's client allows too).
    server.app._router.freeze = lambda: None  # type: ignore[method-assign] # noqa: SLF001
    async with TestClient(server) as client:
        yield client


async def _signed_in(
    hass: HomeAssistant, client: TestClient[Any, Any], user: User
) -> ClientWebSocketResponse:
    """Open a websocket signed in as `user`, with an access token of their own."""
    refresh = await hass.auth.async_create_refresh_token(user, CLIENT_ID)
    token = hass.auth.async_create_access_token(refresh)
    socket = await client.ws_connect(WEBSOCKET_URL)
    hello = await socket.receive_json()
    ensure(hello["type"] == "auth_required", f"websocket: {hello}")
    await socket.send_json({"type": "auth", "access_token": token})
    answer = await socket.receive_json()
    ensure(answer["type"] == "auth_ok", f"signed in as {user.name}: {answer}")
    return socket


def _check_reply(
    reply: dict[str, Any], msg_id: int, coordinator: MicrodoseCoordinator, slot: int
) -> None:
    """Stop unless the check-in succeeded and was kept, note and all, as theirs."""
    ensure(reply.get("id") == msg_id and reply.get("type") == "result", f"{reply}")
    ensure(reply.get("success") is True, f"check-in refused: {reply}")
    record_id = reply["result"]["check_in_id"]
    kept = [r for r in coordinator.conversation.checkins.records if r.id == record_id]
    ensure(kept and kept[0].partner == slot and kept[0].note == NOTE, "note kept")
