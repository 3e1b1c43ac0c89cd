"""The bench as pytest runs it: one test per figure, each adding to the leg's JSON.

Not part of the suite; `scripts/bench` names this file explicitly.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from .checkin_cost import check_in_cost
from .panel import bundle_size, check_in_round_trip
from .results import RESULTS_DIR, Runs, leg, record
from .speed import profile_setup, ritual_latency, setup_cost
from .storage import storage_year, write_coalescing

RUNS = Runs.from_env()


def _production_loop() -> None:
    """Measure with the event loop as Home Assistant runs it, not in debug mode."""
    asyncio.get_running_loop().set_debug(False)


async def test_setup_cost(tmp_path: Path) -> None:
    """Figure 1: one couple's set-up against the schedule helper."""
    _production_loop()
    record("setup", await setup_cost(tmp_path, RUNS), RUNS)


async def test_ritual_latency(tmp_path: Path) -> None:
    """Figure 2: the ritual against a script, with slow devices."""
    _production_loop()
    record("ritual", await ritual_latency(tmp_path, RUNS), RUNS)


async def test_storage_year(tmp_path: Path) -> None:
    """Figure 3: a year of data on disk, and reading it back."""
    _production_loop()
    record("storage", await storage_year(tmp_path, RUNS), RUNS)


async def test_write_coalescing(tmp_path: Path) -> None:
    """Figure 4: disk writes for a burst, state writes for one check-in."""
    _production_loop()
    record("coalescing", await write_coalescing(tmp_path), RUNS)


def test_panel_bundle() -> None:
    """Figure 5a: what a browser downloads to show the couple's panel."""
    record("bundle", bundle_size(), RUNS)


async def test_check_in_round_trip(tmp_path: Path, socket_enabled: None) -> None:
    """Figure 5b: a private check-in from the panel, over a real websocket."""
    _production_loop()
    record("check_in_ws", await check_in_round_trip(tmp_path, RUNS), RUNS)


async def test_check_in_cost(tmp_path: Path) -> None:
    """Figure 6: one check-in with 0, 1 and 5 years of history; insights over 5."""
    _production_loop()
    cost, insights = await check_in_cost(tmp_path, RUNS)
    record("check_in_cost", cost, RUNS)
    record("get_insights_5y", insights, RUNS)


@pytest.mark.skipif(not os.environ.get("BENCH_PROFILE"), reason="only on request")
async def test_profile_setup(tmp_path: Path) -> None:
    """Where the couple's set-up spends its time, kept beside the figures."""
    _production_loop()
    profile = await profile_setup(tmp_path, RUNS)
    path = RESULTS_DIR / f"profile-setup-{leg()}.txt"
    await asyncio.to_thread(path.write_text, profile, encoding="utf-8")
