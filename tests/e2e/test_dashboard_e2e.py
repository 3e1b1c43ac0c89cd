"""End to end: the demo home in a real Home Assistant, driven through Chromium.

Starts Home Assistant as its own process on a free port with a temporary copy of
the development home (config/), provisions it like scripts/develop does, logs
in through the login page, starts the evening ritual from the dashboard and
checks the room through the REST API, then adds a second couple through the
config-flow dialogs. Screenshots go to docs/screenshots/.

Run: python -m pytest tests/e2e -p no:homeassistant (.ci/run does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))

from develop_provision import (  # noqa: E402
    INTENTION,
    PASSWORD,
    RITUAL,
    USERNAME,
    HomeAssistantApi,
)

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
RITUAL_LIGHTS = RITUAL["ritual_lights"]
RITUAL_PLAYER = RITUAL["ritual_media_player"]
DIMMED = round(255 * RITUAL["ritual_brightness"] / 100)

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (requirements_e2e.txt)"
)
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium on PATH (Debian: apt-get install -y chromium)",
    ),
    pytest.mark.timeout(420),
]


def dashboard_entities() -> set[str]:
    """Return every entity id the shipped dashboard refers to."""
    text = (ROOT / "dashboards" / "microdose_together.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"\b(?:[a-z_]+)\.(?:alex|sam)_[a-z0-9_]+\b", text))


def wait_for(what: str, check: Callable[[], Any], timeout: float = 20) -> Any:
    """Poll until ``check`` returns something truthy."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.25)
    return result


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_config(target: Path, port: int) -> None:
    """Copy the development home, on its own port, with links to the product."""
    target.mkdir()
    for name in ("configuration.yaml", "automations.yaml"):
        shutil.copy(ROOT / "config" / name, target / name)
    configuration = target / "configuration.yaml"
    text, count = re.subn(
        r"server_port: *\d+",
        f"server_port: {port}\n  server_host: 127.0.0.1",
        configuration.read_text(encoding="utf-8"),
    )
    assert count == 1, "config/configuration.yaml sets no http server_port"
    configuration.write_text(text, encoding="utf-8")
    (target / "custom_components").mkdir()
    (target / "custom_components" / "microdose_together").symlink_to(
        ROOT / "custom_components" / "microdose_together"
    )
    (target / "dashboards").symlink_to(ROOT / "dashboards")


class Home:
    """A running, provisioned Home Assistant."""

    def __init__(self, url: str, config: Path, process: subprocess.Popen[bytes]):
        """Remember where it runs."""
        self.url = url
        self.config = config
        self.process = process
        self.api = HomeAssistantApi(url, process.pid)

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


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Home]:
    """Start Home Assistant on a free port and provision it."""
    port = free_port()
    config = tmp_path_factory.mktemp("home") / "config"
    make_config(config, port)
    output = (config.parent / "hass.out").open("wb")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "homeassistant", "--config", str(config)],
        stdout=output,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    running = Home(f"http://127.0.0.1:{port}", config, process)
    try:
        provision = subprocess.run(  # noqa: S603 - our own helper
            [
                sys.executable,
                str(ROOT / "scripts" / "develop_provision.py"),
                "--url",
                running.url,
                "--watch-pid",
                str(process.pid),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert provision.returncode == 0, (
            f"provisioning failed:\n{provision.stdout}{provision.stderr}\n"
            f"{running.log_tail()}"
        )
        assert f"Log in as {USERNAME} / {PASSWORD}" in provision.stdout
        running.api.log_in()
        yield running
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        output.close()


@pytest.fixture(scope="module")
def page(home: Home) -> Iterator[Any]:
    """A Chromium page logged in through Home Assistant's login page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": 1440, "height": 900},
            timezone_id=TIME_ZONE,
            locale="en-GB",
        )
        context.set_default_timeout(30_000)
        tab = context.new_page()
        tab.goto(home.url + "/")
        tab.wait_for_url("**/auth/authorize**")
        tab.locator("input[name=username]").fill(USERNAME)
        tab.locator("input[name=password]").fill(PASSWORD)
        tab.get_by_role("button", name="Log in").click()
        tab.wait_for_url(re.compile(r".*/lovelace/.*"))
        yield tab
        browser.close()


@pytest.fixture(autouse=True)
def picture_on_failure(
    request: pytest.FixtureRequest, home: Home, page: Any
) -> Iterator[None]:
    """Leave a screenshot of the browser next to the home when a test fails."""
    yield
    report = getattr(request.node, "call_report", None)
    if report is not None and report.failed:
        picture = home.config.parent / f"{request.node.name}.png"
        page.screenshot(path=str(picture), full_page=True)
        sys.stderr.write(f"Browser at failure: {picture}\nLog:\n{home.log_tail()}\n")


def test_evening_ritual_from_the_dashboard(home: Home, page: Any) -> None:
    """The ritual card dims the demo lights and starts the playlist."""
    assert home.state("scene.alex_sam_evening_ritual"), (
        "the evening ritual scene is missing"
    )
    # A bright, busy room to start from.
    for light in RITUAL_LIGHTS:
        home.api.call("light", "turn_on", {"entity_id": light, "brightness": 255})
    home.api.call(
        "media_player", "volume_set", {"entity_id": RITUAL_PLAYER, "volume_level": 1.0}
    )
    before = home.state(RITUAL_PLAYER)
    assert (
        before["attributes"].get("media_content_id")
        != RITUAL["ritual_media_content_id"]
    )

    assert home.state("text.alex_sam_shared_intention")["state"] == INTENTION
    missing = sorted(e for e in dashboard_entities() if home.api.state(e) is None)
    assert not missing, f"the dashboard refers to entities that do not exist: {missing}"

    page.goto(home.url + "/microdose-together/together")
    ritual_card = page.get_by_role("button", name="Evening ritual")
    ritual_card.wait_for()
    page.get_by_text("Dose days and breaks").wait_for()
    sync_api.expect(page.locator("hui-error-card, hui-warning")).to_have_count(0)
    ritual_card.click()

    for light in RITUAL_LIGHTS:
        wait_for(
            f"{light} to dim to {RITUAL['ritual_brightness']} %",
            lambda light=light: (
                home.state(light)["attributes"].get("brightness") == DIMMED
            ),
        )
    player = wait_for(
        f"{RITUAL_PLAYER} to play the ritual playlist",
        lambda: (
            (state := home.state(RITUAL_PLAYER))["attributes"].get("media_content_id")
            == RITUAL["ritual_media_content_id"]
            and state
        ),
    )
    assert player["state"] == "playing"
    assert player["attributes"]["volume_level"] == pytest.approx(
        RITUAL["ritual_volume"]
    )
    assert home.state("switch.alex_sam_ritual")["state"] == "on"
    assert home.state("sensor.alex_sam_ritual_started")["state"] not in (
        "unknown",
        "unavailable",
    )
    prompt = home.state("sensor.alex_sam_prompt_of_the_day")["state"]
    assert prompt not in ("unknown", "unavailable")

    ritual_tile = page.locator("hui-tile-card").filter(
        has=page.get_by_text("Ritual", exact=True)
    )
    sync_api.expect(ritual_tile.get_by_text("On", exact=True)).to_be_visible()
    sync_api.expect(page.get_by_text(prompt)).to_be_visible()
    page.wait_for_timeout(500)  # let the cards settle for the picture
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)

    # Ending the ritual from the dashboard puts the room back as it was.
    ritual_tile.get_by_role("switch").click()
    for light in RITUAL_LIGHTS:
        wait_for(
            f"{light} back at full brightness",
            lambda light=light: (
                home.state(light)["attributes"].get("brightness") == 255
            ),
        )
    wait_for(
        "the ritual switch to turn off",
        lambda: home.state("switch.alex_sam_ritual")["state"] == "off",
    )


def test_second_couple_through_the_config_flow(home: Home, page: Any) -> None:
    """Kim & Noa are added in Settings, step by step, with their own phones."""
    untranslated: list[str] = []

    def look_for_translation_errors(step: str) -> None:
        if page.get_by_text("Translation Error").count():
            untranslated.append(step)

    page.goto(home.url + "/config/integrations/dashboard")
    page.get_by_role("button", name="Add integration").click()
    page.get_by_label("Search for a brand name").fill("Microdose")
    page.locator("dialog-add-integration ha-integration-list-item").filter(
        has_text="Microdose Together"
    ).click()

    page.get_by_text("The two of you").wait_for()
    page.get_by_role("textbox", name="Your name as a couple").fill("Kim & Noa")
    page.get_by_role("textbox", name="First partner's name").fill("Kim")
    page.get_by_role("textbox", name="Second partner's name").fill("Noa")
    for label, phone in (
        ("First partner's phone", "notify.mobile_app_kim_phone"),
        ("Second partner's phone", "notify.mobile_app_noa_phone"),
    ):
        page.get_by_role("combobox", name=label).fill(phone)
        page.get_by_role("option", name=phone, exact=True).click()
    look_for_translation_errors("user")
    page.screenshot(path=str(SCREENSHOTS / "config_flow_couple.png"))
    page.get_by_role("button", name="Submit").click()

    page.get_by_text("Your protocol").wait_for()
    page.get_by_role("combobox", name="Schedule").click()
    page.get_by_role("option", name="Every other day").click()
    page.get_by_role("spinbutton", name="Starting amount").fill("0.15")
    look_for_translation_errors("protocol")
    page.screenshot(path=str(SCREENSHOTS / "config_flow_protocol.png"))
    page.get_by_role("button", name="Submit").click()

    page.get_by_text("Before you begin").wait_for()
    switches = page.get_by_role("switch")
    sync_api.expect(switches).to_have_count(3)
    for index in range(3):
        switches.nth(index).click()
        sync_api.expect(switches.nth(index)).to_be_checked()
    look_for_translation_errors("safety")
    page.screenshot(path=str(SCREENSHOTS / "config_flow_safety.png"))
    page.get_by_role("button", name="Submit").click()

    page.get_by_text("Created configuration for Kim & Noa").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "config_flow_done.png"))
    page.get_by_role("button", name="Finish").click()

    entry = wait_for(
        "Kim & Noa to load",
        lambda: next(
            (
                e
                for e in home.api.entries("microdose_together")
                if e["title"] == "Kim & Noa" and e["state"] == "loaded"
            ),
            None,
        ),
    )
    assert entry
    wait_for("Kim & Noa's entities", lambda: home.api.state("sensor.kim_noa_phase"))
    assert home.state("sensor.kim_noa_phase")["state"] in (
        "dose_day",
        "rest_day",
    )
    assert home.state("button.kim_log_dose")
    assert home.state("button.noa_log_dose")
    # Alex & Sam are untouched.
    titles = sorted(e["title"] for e in home.api.entries("microdose_together"))
    assert titles == ["Alex & Sam", "Kim & Noa"]
    assert not untranslated, (
        "config-flow steps show a translation error instead of their text: "
        f"{untranslated}"
    )
