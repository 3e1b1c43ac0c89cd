"""What every browser test shares: the running home, Chromium, a signed-in page.

The fixtures that hand these out live in conftest.py; the test modules import
the helpers from here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
import importlib
import json
from pathlib import Path
import shutil
import subprocess
import sys
import time
from typing import Any
import urllib.request

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
BENCH_RESULTS = ROOT / "bench-results"
sys.path.insert(0, str(ROOT / "scripts"))

from develop_provision import COUPLE, PASSWORD, HomeAssistantApi  # noqa: E402


def _playwright() -> Any:
    """Return Playwright's synchronous API, or None where it is not installed."""
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:  # the test modules skip themselves
        return None


sync_api: Any = _playwright()

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIME_ZONE = "Europe/Helsinki"  # the demo home's, so calendars agree
DESKTOP = {"width": 1440, "height": 900}
# Long limits: the machine may be busy; a healthy home answers far sooner.
WAIT = 60


def wait_for(what: str, check: Callable[[], Any], timeout: float = WAIT) -> Any:
    """Poll until ``check`` returns something truthy."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.25)
    return result


def run[T](coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine beside Playwright, whose event loop owns this thread."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


class Home:
    """A running, provisioned Home Assistant."""

    def __init__(
        self, url: str, config: Path, process: subprocess.Popen[bytes], phones: str
    ):
        """Remember where it runs, and where its phones' pushes arrive."""
        self.url = url
        self.config = config
        self.process = process
        self.phones = phones
        self.api = HomeAssistantApi(url, process.pid)
        self.release = ""

    def pushes(self, phone: str) -> list[dict[str, Any]]:
        """Return what the stand-in receiver got for one phone, oldest first."""
        url = f"{self.phones}/pushes"  # our own receiver, over http
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
            pushes = json.load(answer)
        return [item["push"] for item in pushes if item["phone"] == phone]

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of Home Assistant's log, for failure messages."""
        log = self.config / "home-assistant.log"
        if not log.exists():
            return "(no log)"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def state(self, entity_id: str) -> dict[str, Any]:
        """Return an entity's state; fail when it does not exist."""
        state = self.api.state(entity_id)
        assert state is not None, f"{entity_id} does not exist"
        return state

    def picture(self, name: str) -> str:
        """Return where a screenshot of this release goes, e.g. dashboard-2026.10."""
        return str(SCREENSHOTS / f"{name}-{self.release}.png")


def record_frames(page: Any, frames: list[str]) -> None:
    """Keep every websocket frame the page receives from now on, as text."""

    def on_frame(payload: str | bytes) -> None:
        frames.append(
            payload.decode(errors="replace") if isinstance(payload, bytes) else payload
        )

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))


def signed_in(
    browser: Any,
    home: Home,
    username: str,
    *,
    viewport: dict[str, int] = DESKTOP,
    color_scheme: str = "light",
    language: str | None = None,
    frames: list[str] | None = None,
) -> Any:
    """Return a page of a browser of its own, logged in through the login page.

    With ``frames``, every websocket frame the page receives lands there, from
    the login on. With ``language``, Home Assistant shows the pages after the
    login in that language, as if the user had chosen it in their profile.
    """
    context = browser.new_context(
        viewport=viewport,
        timezone_id=TIME_ZONE,
        locale="en-GB",
        color_scheme=color_scheme,
    )
    context.set_default_timeout(WAIT * 1000)
    tab = context.new_page()
    if frames is not None:
        record_frames(tab, frames)
    tab.goto(home.url + "/")
    tab.wait_for_url("**/auth/authorize**")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    # The landing page differs by release (/lovelace/0, /home/overview).
    tab.wait_for_url(lambda url: "/auth/" not in url and "auth_callback" not in url)
    tab.locator("ha-sidebar").wait_for()
    if language is not None:
        # The frontend's own choice of language, read before anything draws.
        stored = json.dumps(json.dumps(language))
        context.add_init_script(
            f"window.localStorage.setItem('selectedLanguage', {stored});"
        )
    return tab


def without_quiet_hours(home: Home) -> None:
    """Let the couple's messages out at any hour: the test may run at night."""
    entry = next(
        e
        for e in home.api.entries("microdose_together")
        if e["title"] == COUPLE["couple_name"]
    )
    base = "/api/config/config_entries/options/flow"
    _, menu = home.api.request("POST", base, {"handler": entry["entry_id"]})
    _, form = home.api.request(
        "POST", f"{base}/{menu['flow_id']}", {"next_step_id": "checkins"}
    )
    answers = {field["name"]: field.get("default") for field in form["data_schema"]}
    answers |= {"quiet_start": "12:00:00", "quiet_end": "12:00:00"}
    _, done = home.api.request("POST", f"{base}/{form['flow_id']}", answers)
    assert done["type"] == "create_entry", done
    wait_for(
        "the couple to load again",
        lambda: any(
            e["entry_id"] == entry["entry_id"] and e["state"] == "loaded"
            for e in home.api.entries("microdose_together")
        ),
    )
