"""End to end: the demo home in a real Home Assistant, driven through Chromium.

Starts Home Assistant as its own process on a free port with a copy of the
development home (config/), on the floor release or the newest one (--leg),
provisions it like scripts/develop does (the partners are users with a
companion-app phone each, whose pushes go to the stand-in receiver), logs in
as Alex through the login page, reads the dashboard, starts the evening ritual
from it and checks the room through the REST API and the prompt on both
phones, then, as the administrator, adds a second couple through the
config-flow dialogs.
Screenshots go to docs/screenshots/, named by the release they show.

Run: python -m pytest tests/e2e -p no:homeassistant [--leg newest] (.ci/run does).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
import json
from pathlib import Path
import re
import shutil
import subprocess
import sys
import time
from typing import Any
import urllib.request

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))

from develop_provision import (  # noqa: E402
    ALEX,
    COUPLE,
    INTENTION,
    PARTNERS,
    PASSWORD,
    PHONES_FILE,
    RITUAL,
    SAM,
    USERNAME,
    HomeAssistantApi,
)
from homes import (  # noqa: E402
    LEGS,
    free_port,
    make_config,
    start,
    start_phones,
    stop,
    stop_phones,
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
PHONE_TAP_EVENT = "mobile_app_notification_action"
# Long limits: the machine may be busy; a healthy home answers far sooner.
WAIT = 60

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (requirements_e2e.txt)"
)
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium on PATH (Debian: apt-get install -y chromium)",
    ),
    pytest.mark.timeout(900),
]


def dashboard_entities() -> set[str]:
    """Return every entity id the shipped dashboard refers to."""
    text = (ROOT / "dashboards" / "microdose_together.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"\b(?:[a-z_]+)\.(?:alex|sam)_[a-z0-9_]+\b", text))


def wait_for(what: str, check: Callable[[], Any], timeout: float = WAIT) -> Any:
    """Poll until ``check`` returns something truthy."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.25)
    return result


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


@pytest.fixture(scope="module")
def home(request: pytest.FixtureRequest) -> Iterator[Home]:
    """Start Home Assistant of the chosen leg on a free port and provision it."""
    leg = LEGS[request.config.getoption("--leg")]
    leg.prepare()
    port = free_port()
    phones_port = next(p for p in iter(free_port, None) if p != port)
    config = make_config(port)
    process = start(leg, config)
    phones = start_phones(config, phones_port, process.pid)
    running = Home(
        f"http://127.0.0.1:{port}", config, process, f"http://127.0.0.1:{phones_port}"
    )
    passed = False
    try:
        provision = subprocess.run(  # noqa: S603 - our own helper
            [
                sys.executable,
                str(ROOT / "scripts" / "develop_provision.py"),
                "--url",
                running.url,
                "--phones-url",
                f"{running.phones}/push",
                "--config",
                str(config),
                "--watch-pid",
                str(process.pid),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert provision.returncode == 0, (
            f"provisioning failed:\n{provision.stdout}{provision.stderr}\n"
            f"{running.log_tail()}"
        )
        assert f"Log in as {USERNAME} / {PASSWORD}" in provision.stdout
        running.api.log_in()
        version = running.api.request("GET", "/api/config")[1]["version"]
        assert version.startswith(leg.release), (leg.name, version)
        running.release = ".".join(version.split(".")[:2])
        yield running
        passed = not request.session.testsfailed
    finally:
        stop(process)
        stop_phones(phones)
        if passed:
            shutil.rmtree(config.parent, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(home: Home) -> Iterator[Any]:
    """Chromium, for this home's pages."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        sync_api.expect.set_options(timeout=WAIT * 1000)
        yield chromium
        chromium.close()


def signed_in(browser: Any, home: Home, username: str) -> Any:
    """Return a page of a browser of its own, logged in through the login page."""
    context = browser.new_context(
        viewport={"width": 1440, "height": 900},
        timezone_id=TIME_ZONE,
        locale="en-GB",
    )
    context.set_default_timeout(WAIT * 1000)
    tab = context.new_page()
    tab.goto(home.url + "/")
    tab.wait_for_url("**/auth/authorize**")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    # The landing page differs by release (/lovelace/0, /home/overview).
    tab.wait_for_url(lambda url: "/auth/" not in url and "auth_callback" not in url)
    tab.locator("ha-sidebar").wait_for()
    return tab


@pytest.fixture(scope="module")
def page(browser: Any, home: Home) -> Any:
    """Alex's browser: the dashboard's buttons act for the partner who presses them."""
    return signed_in(browser, home, ALEX.username)


@pytest.fixture(scope="module")
def admin_page(browser: Any, home: Home) -> Any:
    """The demo administrator's browser, for Settings."""
    return signed_in(browser, home, USERNAME)


@pytest.fixture(autouse=True)
def picture_on_failure(request: pytest.FixtureRequest, home: Home) -> Iterator[None]:
    """Leave a screenshot of each browser the test used when it fails."""
    yield
    report = getattr(request.node, "call_report", None)
    if report is None or not report.failed:
        return
    for name in ("page", "admin_page"):
        if name in request.fixturenames:
            picture = home.config.parent / f"{request.node.name}-{name}.png"
            request.getfixturevalue(name).screenshot(path=str(picture), full_page=True)
            sys.stderr.write(f"Browser at failure: {picture}\n")
    sys.stderr.write(f"Log:\n{home.log_tail()}\n")


def open_dashboard(home: Home, page: Any) -> None:
    """Open the couple's dashboard and wait until its cards have drawn."""
    page.goto(home.url + "/microdose-together/together")
    page.get_by_role("button", name="Evening ritual").wait_for()
    page.get_by_text("Dose days and breaks").wait_for()
    sync_api.expect(page.locator("hui-error-card, hui-warning")).to_have_count(0)
    calendar = page.locator("hui-calendar-card")
    sync_api.expect(calendar.locator(".fc-daygrid-event").first).to_be_visible()


def tile(page: Any, name: str) -> Any:
    """Return the tile card with this name."""
    return page.locator("hui-tile-card").filter(has=page.get_by_text(name, exact=True))


def run[T](coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine beside Playwright, whose event loop owns this thread."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


async def _users(home: Home) -> dict[str, dict[str, Any]]:
    async with home.api.socket() as socket:
        users = await socket.call("config/auth/list")
    return {user["username"]: user for user in users if user.get("username")}


async def _tap_and_watch(home: Home, phone: str, action: str) -> dict[str, Any]:
    """Tap a button on a phone through the stand-in; return the event it fired."""
    async with home.api.socket() as socket:
        await socket.call("subscribe_events", event_type=PHONE_TAP_EVENT)
        tap = await asyncio.create_subprocess_exec(
            sys.executable,
            str(ROOT / "scripts" / "phone_standin.py"),
            "tap",
            phone,
            action,
            "--reply",
            "typed on the phone",
            "--url",
            home.url,
            "--config",
            str(home.config),
        )
        assert await tap.wait() == 0
        async with asyncio.timeout(WAIT):
            while (message := await socket.receive()).get("type") != "event":
                pass
    event: dict[str, Any] = message["event"]
    return event


def test_partners_are_users_with_their_own_phones(home: Home) -> None:
    """Each partner is a user (no administrator) with a person and a phone of theirs.

    A tap on the phone reaches Home Assistant as that partner's user, which is
    what lets the couple's messages stay with the partner they belong to.
    """
    users = run(_users(home))
    for partner in PARTNERS:
        user = users[partner.username]
        assert user["name"] == partner.name
        assert not user["is_owner"]
        assert "system-admin" not in user["group_ids"]
        assert home.state(partner.person)["attributes"]["user_id"] == user["id"]
        home.api.as_user(partner.username, PASSWORD)  # the published login works
    phones = {entry["title"]: entry for entry in home.api.entries("mobile_app")}
    assert sorted(phones) == sorted(partner.phone for partner in PARTNERS)
    assert {partner.notify for partner in PARTNERS} <= home.api.actions("notify")
    saved = json.loads((home.config / PHONES_FILE).read_text(encoding="utf-8"))
    assert sorted(saved) == sorted(phones)

    event = run(_tap_and_watch(home, SAM.phone, "NOT_A_MICRODOSE_BUTTON"))
    assert event["data"] == {
        "action": "NOT_A_MICRODOSE_BUTTON",
        "reply_text": "typed on the phone",
    }
    assert event["context"]["user_id"] == users[SAM.username]["id"]


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


def test_dashboard_reads_right(home: Home, page: Any) -> None:
    """Every week of the month shows whole, dose days by name; no tile says Unknown."""
    missing = sorted(e for e in dashboard_entities() if home.api.state(e) is None)
    assert not missing, f"the dashboard refers to entities that do not exist: {missing}"
    open_dashboard(home, page)

    calendar = page.locator("hui-calendar-card")
    sync_api.expect(calendar.locator(".fc-daygrid-more-link")).to_have_count(0)
    card = calendar.locator("ha-card").bounding_box()
    weeks = calendar.locator(".fc-daygrid-body tr")
    assert weeks.count() >= 4
    for index in range(weeks.count()):
        week = weeks.nth(index).bounding_box()
        assert week["height"] > 40, f"week {index + 1} is squeezed: {week}"
        assert week["y"] + week["height"] <= card["y"] + card["height"] + 1, (
            f"week {index + 1} of {weeks.count()} is cut off by the card"
        )
    dose_days = calendar.locator(".fc-daygrid-event").filter(has_text="Dose day")
    sync_api.expect(dose_days.first).to_be_visible()

    # Nothing says "Unknown": a button has no state worth showing, and the
    # ritual's start time shows only while it runs.
    sync_api.expect(
        page.locator("hui-tile-card").filter(has_text="Unknown")
    ).to_have_count(0)
    assert home.state("switch.alex_sam_ritual")["state"] == "off"
    sync_api.expect(tile(page, "Started")).to_have_count(0)
    sync_api.expect(tile(page, "Last dose")).to_have_count(0)

    # Logging Alex's dose asks first, then shows when it was taken.
    page.locator("hui-button-card").filter(has_text="Log dose").first.click()
    dialog = page.locator("dialog-box")  # Home Assistant's confirmation
    sync_api.expect(dialog.get_by_text("Log Alex's dose now?")).to_be_visible()
    dialog.get_by_role("button", name=re.compile(r"^(OK|Yes|Confirm)$", re.I)).click()
    wait_for(
        "Alex's dose to be logged",
        lambda: (
            home.state("sensor.alex_last_dose")["state"]
            not in ("unknown", "unavailable")
        ),
    )
    assert home.state("sensor.sam_last_dose")["state"] == "unknown"
    sync_api.expect(tile(page, "Last dose")).to_have_count(1)
    sync_api.expect(tile(page, "Last dose")).not_to_contain_text("Unknown")


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
    without_quiet_hours(home)

    open_dashboard(home, page)
    page.get_by_role("button", name="Evening ritual").click()

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
    # The switch and the start time follow once every step has answered.
    wait_for(
        "the ritual switch to turn on",
        lambda: home.state("switch.alex_sam_ritual")["state"] == "on",
    )
    wait_for(
        "the ritual's start time",
        lambda: (
            home.state("sensor.alex_sam_ritual_started")["state"]
            not in ("unknown", "unavailable")
        ),
    )
    prompt = home.state("sensor.alex_sam_prompt_of_the_day")["state"]
    assert prompt not in ("unknown", "unavailable")
    # Tonight's prompt reached each partner's own phone, with a text reply.
    for partner in (ALEX, SAM):
        push = wait_for(
            f"the prompt on {partner.phone}",
            lambda partner=partner: next(
                (p for p in home.pushes(partner.phone) if p.get("message") == prompt),
                None,
            ),
        )
        assert push["registration_info"]["app_id"] == "io.microdose_together.standin"
        actions = push["data"]["actions"]
        assert [action["behavior"] for action in actions] == ["textInput"]

    ritual_tile = tile(page, "Ritual")
    sync_api.expect(ritual_tile.get_by_text("On", exact=True)).to_be_visible()
    sync_api.expect(tile(page, "Started")).to_be_visible()
    sync_api.expect(tile(page, "Started")).not_to_contain_text("Unknown")
    sync_api.expect(page.get_by_text(prompt)).to_be_visible()
    sync_api.expect(
        page.locator("hui-tile-card").filter(has_text="Unknown")
    ).to_have_count(0)
    page.screenshot(
        path=home.picture("dashboard"), full_page=True, animations="disabled"
    )

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
    sync_api.expect(tile(page, "Started")).to_have_count(0)


def choose(
    home: Home, page: Any, label: str, option: str, *, typed: bool = False
) -> None:
    """Pick a select option or an entity, as each release draws the field."""
    if home.release == "2025.4":  # a combobox with a list of options
        field = page.get_by_role("combobox", name=label)
        if typed:
            field.fill(option)
        else:
            field.click()
        # An entity's option also shows its id: "Kim person.kim".
        name = re.compile(rf"^{re.escape(option)}(\s|$)")
        page.get_by_role("option", name=name).click()
        return
    # Later releases: a list item that opens a menu or a picker dialog.
    page.get_by_text(label).first.click()
    page.get_by_text(option, exact=True).filter(visible=True).first.click()


def choose_person(home: Home, page: Any, label: str, name: str) -> None:
    """Pick a person in an entity picker, as each release draws it."""
    if home.release == "2025.4":
        choose(home, page, label, name, typed=True)
        return
    # Later releases: the label stands above a field that opens a picker.
    field = page.locator("ha-selector-entity").filter(has_text=label)
    field.locator("ha-picker-field").click()
    page.get_by_text(name, exact=True).filter(visible=True).first.click()


def test_second_couple_through_the_config_flow(home: Home, admin_page: Any) -> None:
    """Kim & Noa are added in Settings, step by step, as the persons they are."""
    page = admin_page
    untranslated: list[str] = []

    def look_for_translation_errors(step: str) -> None:
        if page.get_by_text("Translation Error").count():
            untranslated.append(step)

    page.goto(home.url + "/config/integrations/dashboard")
    page.get_by_role("button", name="Add integration").click()
    search = "Search for a brand name"  # a label on 2025.4, a placeholder later
    page.get_by_label(search).or_(page.get_by_placeholder(search)).first.fill(
        "Microdose"
    )
    page.locator("dialog-add-integration").get_by_text(
        "Microdose Together", exact=True
    ).click()

    page.get_by_text("The two of you").wait_for()
    page.get_by_role("textbox", name="Your name as a couple").fill("Kim & Noa")
    page.get_by_role("textbox", name="First partner's name").fill("Kim")
    page.get_by_role("textbox", name="Second partner's name").fill("Noa")
    for label, person in (
        ("First partner's person", "Kim"),
        ("Second partner's person", "Noa"),
    ):
        choose_person(home, page, label, person)
    look_for_translation_errors("user")
    page.screenshot(path=home.picture("config_flow_couple"), animations="disabled")
    page.get_by_role("button", name="Submit").click()

    page.get_by_text("Your protocol").wait_for()
    choose(home, page, "Schedule", "Every other day")
    page.get_by_role("spinbutton", name="Starting amount").fill("0.15")
    look_for_translation_errors("protocol")
    page.screenshot(path=home.picture("config_flow_protocol"), animations="disabled")
    page.get_by_role("button", name="Submit").click()

    page.get_by_text("Before you begin").wait_for()
    switches = page.get_by_role("switch")
    sync_api.expect(switches).to_have_count(3)
    for index in range(3):
        # From 2026 the drawn thumb covers the input; the click still toggles it.
        switches.nth(index).click(force=True)
        sync_api.expect(switches.nth(index)).to_be_checked()
    look_for_translation_errors("safety")
    page.screenshot(path=home.picture("config_flow_safety"), animations="disabled")
    page.get_by_role("button", name="Submit").click()

    # The last dialog names the new devices; its wording differs by release.
    finish = page.get_by_role("button", name=re.compile(r"^(Finish|Skip and finish)$"))
    finish.wait_for()
    page.screenshot(path=home.picture("config_flow_done"), animations="disabled")
    finish.click()

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
