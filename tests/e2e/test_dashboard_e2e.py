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
import json
import re
import sys
from typing import Any

from browser import CHROMIUM, ROOT, WAIT, Home, run, signed_in, wait_for
from develop_provision import (
    ALEX,
    INTENTION,
    PARTNERS,
    PASSWORD,
    PHONES_FILE,
    RITUAL,
    SAM,
    USERNAME,
)
import pytest

RITUAL_LIGHTS = RITUAL["ritual_lights"]
RITUAL_PLAYER = RITUAL["ritual_media_player"]
DIMMED = round(255 * RITUAL["ritual_brightness"] / 100)
PHONE_TAP_EVENT = "mobile_app_notification_action"
DASHBOARD = "/microdose-dashboard/together"
WEEKS_IN_CARD = """(rows, card) => {
  const box = (element) => {
    const { y, height } = element.getBoundingClientRect();
    return { y, height };
  };
  return { card: box(card), weeks: rows.map(box) };
}"""

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


@pytest.fixture(scope="module")
def page(browser: Any, home: Home) -> Any:
    """Alex's browser: the dashboard's buttons act for the partner who presses them."""
    return signed_in(browser, home, ALEX.username)


@pytest.fixture(scope="module")
def admin_page(browser: Any, home: Home) -> Any:
    """The demo administrator's browser, for Settings."""
    return signed_in(browser, home, USERNAME)


def open_dashboard(home: Home, page: Any) -> None:
    """Open the couple's dashboard and wait until its cards have drawn."""
    page.goto(home.url + DASHBOARD)
    page.get_by_role("button", name="Evening ritual").wait_for()
    page.get_by_text("Dose days and breaks").wait_for()
    sync_api.expect(page.locator("hui-error-card, hui-warning")).to_have_count(0)
    calendar = page.locator("hui-calendar-card")
    sync_api.expect(calendar.locator(".fc-daygrid-event").first).to_be_visible()


def tile(page: Any, name: str) -> Any:
    """Return the tile card with this name."""
    return page.locator("hui-tile-card").filter(has=page.get_by_text(name, exact=True))


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


def test_dashboard_reads_right(home: Home, page: Any) -> None:
    """Every week of the month shows whole, dose days by name; no tile says Unknown."""
    missing = sorted(e for e in dashboard_entities() if home.api.state(e) is None)
    assert not missing, f"the dashboard refers to entities that do not exist: {missing}"
    open_dashboard(home, page)

    calendar = page.locator("hui-calendar-card")
    sync_api.expect(calendar.locator(".fc-daygrid-more-link")).to_have_count(0)
    # The card and its weeks measured in one go: the cards above may still be
    # growing, which moves everything below between two separate measurements.
    layout = calendar.locator(".fc-daygrid-body tr").evaluate_all(
        WEEKS_IN_CARD, calendar.locator("ha-card").element_handle()
    )
    card, weeks = layout["card"], layout["weeks"]
    assert len(weeks) >= 4
    for index, week in enumerate(weeks):
        assert week["height"] > 40, f"week {index + 1} is squeezed: {week}"
        assert week["y"] + week["height"] <= card["y"] + card["height"] + 1, (
            f"week {index + 1} of {len(weeks)} is cut off by the card"
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


def _bright_room(home: Home) -> None:
    """Turn every ritual light fully on, so each change shows."""
    for light in RITUAL_LIGHTS:
        home.api.call("light", "turn_on", {"entity_id": light, "brightness": 255})


def _end_from_the_dashboard(home: Home, page: Any) -> None:
    """Switch the ritual off on its tile; wait for the room to come back."""
    tile(page, "Ritual").get_by_role("switch").click()
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


def test_evening_ritual_from_the_dashboard(home: Home, page: Any) -> None:
    """The ritual card dims the demo lights and starts the playlist."""
    assert home.state("scene.alex_sam_evening_ritual"), (
        "the evening ritual scene is missing"
    )
    _bright_room(home)  # a bright, busy room to start from
    home.api.call(
        "media_player", "volume_set", {"entity_id": RITUAL_PLAYER, "volume_level": 1.0}
    )
    before = home.state(RITUAL_PLAYER)
    assert (
        before["attributes"].get("media_content_id")
        != RITUAL["ritual_media_content_id"]
    )
    assert home.state("text.alex_sam_shared_intention")["state"] == INTENTION

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
    _end_from_the_dashboard(home, page)
    sync_api.expect(tile(page, "Started")).to_have_count(0)


def test_ritual_presets_from_the_dashboard(home: Home, page: Any) -> None:
    """Journaling lights the room to write by; the walk turns it off; both undo."""
    _bright_room(home)
    open_dashboard(home, page)

    page.get_by_role("button", name="Journaling").click()
    for light in RITUAL_LIGHTS:
        wait_for(
            f"{light} at 60 % for writing",
            lambda light=light: (
                home.state(light)["attributes"].get("brightness") == round(255 * 0.6)
            ),
        )
    wait_for(
        "the ritual switch to turn on",
        lambda: home.state("switch.alex_sam_ritual")["state"] == "on",
    )
    sync_api.expect(tile(page, "Ritual").get_by_text("On", exact=True)).to_be_visible()
    page.screenshot(
        path=home.picture("dashboard_journaling"), full_page=True, animations="disabled"
    )
    _end_from_the_dashboard(home, page)

    page.get_by_role("button", name="Walk together").click()
    for light in RITUAL_LIGHTS:
        wait_for(
            f"{light} off for the walk",
            lambda light=light: home.state(light)["state"] == "off",
        )
    wait_for(
        "the ritual switch to turn on",
        lambda: home.state("switch.alex_sam_ritual")["state"] == "on",
    )
    sync_api.expect(tile(page, "Ritual").get_by_text("On", exact=True)).to_be_visible()
    page.screenshot(
        path=home.picture("dashboard_walk"), full_page=True, animations="disabled"
    )
    _end_from_the_dashboard(home, page)


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
    # Later releases: the label stands above a field that opens a picker. The
    # list draws in steps, so a click can land while it still moves: check the
    # form now holds the person, and pick again if it does not. The field's
    # text is no proof: the open list is drawn inside it, names and all.
    field = page.locator("ha-selector-entity").filter(has_text=label)
    for _attempt in range(3):
        field.locator("ha-picker-field").click()
        page.get_by_text(name, exact=True).filter(visible=True).first.click()
        try:
            sync_api.expect(field).to_have_js_property(
                "value", f"person.{name.lower()}"
            )
        except AssertionError:
            page.keyboard.press("Escape")  # close a list left open
            continue
        return
    raise AssertionError(f"{label}: the picker did not keep {name}")


def submit_and_wait(page: Any, next_step: str) -> None:
    """Submit a flow step and wait for the next one, or fail with the form's error."""
    page.get_by_role("button", name="Submit").click()
    error = page.locator("ha-alert[alert-type=error]")
    page.get_by_text(next_step).or_(error).first.wait_for()
    if not page.get_by_text(next_step).count():
        raise AssertionError(f"the step was refused: {error.first.inner_text()}")


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
    submit_and_wait(page, "Your protocol")

    choose(home, page, "Schedule", "Every other day")
    page.get_by_role("spinbutton", name="Starting amount").fill("0.15")
    look_for_translation_errors("protocol")
    page.screenshot(path=home.picture("config_flow_protocol"), animations="disabled")
    submit_and_wait(page, "Before you begin")

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
