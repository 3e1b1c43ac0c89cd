"""End to end: the couple's "Together" panel in a real Home Assistant, in Chromium.

Alex, Sam (the demo couple) and Kim (a user who is no partner) each have a
browser of their own. Alex checks in with a private note, starts the ritual
and answers tonight's prompt; Sam then goes through the panel, and neither
Sam's page nor any websocket frame Sam's browser received holds Alex's note
or, before Sam has answered too, Alex's answer. Once both have answered, both
answers show on both pages, Alex's without a reload. Kim sees only why the
panel is empty. Pictures of the panel (desktop and phone, light and dark,
Finnish) go to docs/screenshots/, and the time the panel took to show today
goes to bench-results/.

Run: python -m pytest tests/e2e -p no:homeassistant [--leg newest] (.ci/run does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
import json
import re
import statistics
import sys
import time
from typing import Any
from urllib.parse import urlsplit
import uuid

from browser import (
    BENCH_RESULTS,
    CHROMIUM,
    ROOT,
    Home,
    run,
    signed_in,
    wait_for,
)
from develop_provision import ALEX, PARTNERS, PASSWORD, SAM
import pytest

PANEL = "/microdose-together"
PANEL_ELEMENT = "microdose-together-panel"
STRINGS = ROOT / "custom_components" / "microdose_together" / "panel_strings"
TABS = [
    "Today",
    "My dose",
    "Check in",
    "Tonight's prompt",
    "Ritual",
    "My history",
    "Insights",
]
PHASES = {
    "dose_day": "Dose day",
    "rest_day": "Rest day",
    "tolerance_break": "Tolerance break",
    "paused": "Paused",
}
KIM = PARTNERS[2]  # a user of the home, in no couple here
PICTURE_DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
# The benchmark holds the panel to a second; here only a hang should fail.
RENDER_LIMIT_S = 10
REOPENS = 5  # later opens, for a median

DARK_MODE = "() => document.querySelector('home-assistant').hass?.themes?.darkMode"
# Every text the page holds, shadow roots included, and what fields contain.
COMPOSED_TEXT = """(root) => {
  const parts = [];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue);
      return;
    }
    if (node.tagName === "TEXTAREA" || node.tagName === "INPUT") {
      parts.push(node.value);
    }
    if (node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join("\\n");
}"""

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (requirements_e2e.txt)"
)
expect = sync_api.expect
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium on PATH (Debian: apt-get install -y chromium)",
    ),
    pytest.mark.timeout(900),
]


@dataclass(frozen=True)
class Secrets:
    """Texts made up for this run, so finding one anywhere means it leaked."""

    alex_note: str
    alex_answer: str
    sam_answer: str


@pytest.fixture(scope="module")
def secrets() -> Secrets:
    """Fresh private texts for Alex and Sam."""
    return Secrets(
        alex_note=f"alex-e2e-note-{uuid.uuid4().hex[:12]}",
        alex_answer=f"alex-e2e-answer-{uuid.uuid4().hex[:12]}",
        sam_answer=f"sam-e2e-answer-{uuid.uuid4().hex[:12]}",
    )


@pytest.fixture(scope="module")
def alex_page(browser: Any, home: Home) -> Any:
    """Alex's browser."""
    return signed_in(browser, home, ALEX.username)


@pytest.fixture(scope="module")
def sam_frames() -> list[str]:
    """Every websocket frame Sam's browser receives, from the login on."""
    return []


@pytest.fixture(scope="module")
def sam_page(browser: Any, home: Home, sam_frames: list[str]) -> Any:
    """Sam's browser, listened to from before the panel is ever opened."""
    return signed_in(browser, home, SAM.username, frames=sam_frames)


@pytest.fixture(scope="module")
def kim_frames() -> list[str]:
    """Every websocket frame Kim's browser receives, from the login on."""
    return []


@pytest.fixture(scope="module")
def kim_page(browser: Any, home: Home, kim_frames: list[str]) -> Any:
    """Kim's browser: a user of the home who is no partner of any couple."""
    return signed_in(browser, home, KIM.username, frames=kim_frames)


@pytest.fixture(scope="module")
def light_page(browser: Any, home: Home) -> Any:
    """Alex's browser for pictures, in the light scheme."""
    return signed_in(browser, home, ALEX.username, viewport=PICTURE_DESKTOP)


@pytest.fixture(scope="module")
def dark_page(browser: Any, home: Home) -> Any:
    """Alex's browser for pictures, asking for the dark scheme."""
    return signed_in(
        browser, home, ALEX.username, viewport=PICTURE_DESKTOP, color_scheme="dark"
    )


@pytest.fixture(scope="module")
def finnish_page(browser: Any, home: Home) -> Any:
    """Alex's browser with Home Assistant in Finnish."""
    return signed_in(
        browser, home, ALEX.username, viewport=PICTURE_DESKTOP, language="fi"
    )


def panel(page: Any) -> Any:
    """Return the panel element (Playwright's locators reach into its shadow)."""
    return page.locator(PANEL_ELEMENT)


def strings(language: str) -> dict[str, Any]:
    """Return the panel's own words in one language."""
    text = (STRINGS / f"{language}.json").read_text(encoding="utf-8")
    words: dict[str, Any] = json.loads(text)
    return words


def open_panel(page: Any, home: Home, view: str = "") -> None:
    """Load the panel at a view, as a link from a phone would.

    Soon after signing in, Home Assistant may still move a fresh page on to
    its default dashboard; the link is followed again until the panel stays.
    """
    path = PANEL + (f"/{view}" if view else "")

    def shown() -> bool:
        if urlsplit(page.url).path != path:
            page.goto(home.url + path)
        return urlsplit(page.url).path == path and panel(page).is_visible()

    page.goto(home.url + path)
    wait_for(f"{path} to open", shown)


def time_to_today(page: Any) -> int:
    """Tap Together in the sidebar; return the milliseconds until Today shows."""
    started = time.monotonic()
    sidebar_item(page).click()
    phase_shown(page)
    return round((time.monotonic() - started) * 1000)


def phase_shown(page: Any, words: dict[str, str] = PHASES) -> Any:
    """Return the phase of the day in words, once Today shows it."""
    names = "|".join(re.escape(word) for word in words.values())
    phase = panel(page).get_by_text(re.compile(rf"^({names})$"))
    expect(phase).to_be_visible()
    return phase


def open_tab(page: Any, name: str) -> None:
    """Open one of the panel's sections by its tab."""
    tab = panel(page).get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def page_text(page: Any) -> str:
    """Return all the text of the page, shadow roots and form fields included."""
    text: str = page.evaluate(f"({COMPOSED_TEXT})(document)")
    return text


def holding(frames: list[str], text: str) -> list[str]:
    """Return the frames that contain a text (shortened, for a failure message)."""
    return [frame[:300] for frame in frames if text in frame]


def assert_secret_kept(page: Any, frames: list[str], secret: str, whose: str) -> None:
    """Neither the page nor any frame the browser received holds the secret."""
    assert secret not in page_text(page), f"{whose} shows on the page"
    # page_text() went through Playwright, so every frame before it has arrived.
    leaked = holding(frames, secret)
    assert not leaked, f"{whose} reached the browser: {leaked}"


def sidebar_item(page: Any) -> Any:
    """Return the panel's entry in Home Assistant's sidebar."""
    return page.locator("ha-sidebar").get_by_text("Together", exact=True)


def tonights_prompt(home: Home) -> str:
    """Return the question of tonight's prompt, once there is one."""
    return str(
        wait_for(
            "tonight's prompt",
            lambda: (
                (state := home.state("sensor.alex_sam_prompt_of_the_day")["state"])
                not in ("unknown", "unavailable")
                and state
            ),
        )
    )


def no_sideways_scroll(page: Any, where: str) -> None:
    """Fail when the page or the panel is wider than the screen."""
    document = page.evaluate(
        "() => [document.documentElement.scrollWidth,"
        " document.documentElement.clientWidth]"
    )
    assert document[0] <= document[1], f"{where}: the page scrolls sideways {document}"
    own = panel(page).evaluate(
        "(element) => [element.scrollWidth, element.clientWidth]"
    )
    assert own[0] <= own[1], f"{where}: the panel is wider than the screen {own}"


def in_scheme(page: Any, *, dark: bool) -> bool:
    """Tell whether Home Assistant, and the panel after it, are light or dark."""
    if page.evaluate(DARK_MODE) is not dark:
        return False
    if panel(page).evaluate("(element) => element.hasAttribute('dark')") is not dark:
        return False
    colour = panel(page).evaluate(
        "(element) => getComputedStyle(element).backgroundColor"
    )
    red, green, blue = (int(part) for part in re.findall(r"\d+", colour)[:3])
    if dark:
        return max(red, green, blue) < 80
    return min(red, green, blue) > 200


def pushed(home: Home, phone: str, message: str) -> bool:
    """Tell whether a phone has received a message."""
    return any(push.get("message") == message for push in home.pushes(phone))


async def _user_language(home: Home, username: str) -> Any:
    """Return the language a user keeps in their profile, if any."""
    session = home.api.as_user(username, PASSWORD)
    async with session.socket() as socket:
        answer = await socket.call("frontend/get_user_data", key="language")
    return answer.get("value")


def test_today_and_a_private_check_in(
    home: Home,
    alex_page: Any,
    sam_page: Any,
    kim_page: Any,
    secrets: Secrets,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Alex finds "Together" in the sidebar, sees today and checks in with a note.

    Sam's and Kim's browsers are open (and listened to) from here on, so
    whatever the rest of the scenario sends lands in their frames.
    """
    for page in (alex_page, sam_page, kim_page):
        expect(sidebar_item(page)).to_be_visible()

    # Timed as a partner opens it: Home Assistant is already open in the
    # browser, and a tap on "Together" in the sidebar loads and shows the panel
    # (the first time with its module), then again after visiting History.
    first_ms = time_to_today(alex_page)
    again_ms = []
    for _ in range(REOPENS):
        alex_page.locator("ha-sidebar").get_by_text("History", exact=True).click()
        expect(alex_page.locator(PANEL_ELEMENT)).to_have_count(0)
        again_ms.append(time_to_today(alex_page))
    render = {"render_ms": first_ms, "reopen_ms": round(statistics.median(again_ms))}
    with capsys.disabled():
        sys.stdout.write(
            f"\nTogether panel: today shown {first_ms} ms after the first tap in "
            f"the sidebar, {render['reopen_ms']} ms (median of {REOPENS}) after "
            "later ones\n"
        )
    BENCH_RESULTS.mkdir(exist_ok=True)
    (BENCH_RESULTS / f"panel-render-{home.release}.json").write_text(
        json.dumps(render) + "\n", encoding="utf-8"
    )
    for shown_ms in (first_ms, *again_ms):
        assert shown_ms < RENDER_LIMIT_S * 1000, f"today took {shown_ms} ms to show"
    phase = phase_shown(alex_page)

    view = panel(alex_page)
    expect(view.get_by_role("tab")).to_have_text(TABS)
    expect(view.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(phase).to_have_text(PHASES[home.state("sensor.alex_sam_phase")["state"]])

    open_tab(alex_page, "Check in")
    assert alex_page.url.endswith(f"{PANEL}/check-in")
    mood = view.get_by_role("group", name="Mood")
    mood.get_by_role("radio", name="4", exact=True).check()
    # The other two by keyboard: arrows move through a scale, Space chooses.
    connection = view.get_by_role("group", name="Connection")
    connection.get_by_role("radio", name="1", exact=True).focus()
    alex_page.keyboard.press("ArrowRight")
    alex_page.keyboard.press("ArrowRight")
    stress = view.get_by_role("group", name="Stress")
    stress.get_by_role("radio", name="2", exact=True).focus()
    alex_page.keyboard.press("Space")
    expect(mood.get_by_role("radio", name="4", exact=True)).to_be_checked()
    expect(connection.get_by_role("radio", name="3", exact=True)).to_be_checked()
    expect(stress.get_by_role("radio", name="2", exact=True)).to_be_checked()
    view.get_by_role("textbox", name="Private note").fill(secrets.alex_note)
    view.get_by_role("button", name="Save check-in").click()
    expect(view.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    expect(view.get_by_text("You have checked in today.")).to_be_visible()

    # Alex reads the note back in Alex's own history.
    open_tab(alex_page, "My history")
    expect(view.get_by_text(secrets.alex_note)).to_be_visible()
    expect(view.get_by_text("Mood 4 · Connection 3 · Stress 2").first).to_be_visible()


def test_ritual_starts_from_the_panel(home: Home, alex_page: Any) -> None:
    """Starting the ritual reports each step and sends tonight's prompt."""
    view = panel(alex_page)
    open_tab(alex_page, "Ritual")
    expect(view.get_by_text("The ritual is not on.")).to_be_visible()
    view.get_by_role("button", name="Start ritual").click()
    report = view.locator("section.report")
    expect(
        report.get_by_role("heading", name="What starting did", exact=True)
    ).to_be_visible()
    expect(report).to_contain_text("Failed: 0.")
    # One step per phone, each done.
    sends = report.locator("li").filter(has_text="Send the question")
    expect(sends).to_have_count(2)
    for index in range(2):
        expect(sends.nth(index)).to_contain_text("Done")
    expect(report.locator("li").filter(has_text="Dim the lights").first).to_be_visible()
    expect(view.get_by_text("The ritual is on")).to_be_visible()
    assert home.state("switch.alex_sam_ritual")["state"] == "on"
    question = tonights_prompt(home)
    for phone in (ALEX.phone, SAM.phone):
        wait_for(
            f"tonight's prompt on {phone}",
            partial(pushed, home, phone, question),
        )


def test_answers_stay_private_until_both_have_answered(
    home: Home,
    alex_page: Any,
    sam_page: Any,
    sam_frames: list[str],
    secrets: Secrets,
) -> None:
    """Sam never receives Alex's note, nor Alex's answer before answering too."""
    question = tonights_prompt(home)
    alex = panel(alex_page)
    open_tab(alex_page, "Tonight's prompt")
    expect(alex.locator("blockquote")).to_have_text(question)
    alex.get_by_role("textbox", name="Your answer").fill(secrets.alex_answer)
    alex.get_by_role("button", name="Send answer").click()
    expect(alex.get_by_role("heading", name="Waiting for Sam")).to_be_visible()
    expect(alex.get_by_text(secrets.alex_answer)).to_be_visible()

    # Sam comes in through the sidebar.
    sidebar_item(sam_page).click()
    sam_page.wait_for_url(f"**{PANEL}**")
    sam = panel(sam_page)
    phase_shown(sam_page)
    expect(sam.get_by_role("heading", name="Today", exact=True)).to_be_visible()

    open_tab(sam_page, "Check in")
    expect(sam.get_by_role("textbox", name="Private note")).to_have_value("")
    expect(sam.get_by_role("button", name="Save check-in")).to_be_visible()

    open_tab(sam_page, "Tonight's prompt")
    expect(sam.locator("blockquote")).to_have_text(question)
    expect(
        sam.get_by_text("Alex has answered. Both answers show once you send yours.")
    ).to_be_visible()
    expect(sam.get_by_role("textbox", name="Your answer")).to_have_value("")
    expect(sam.get_by_role("heading", name="Both answers")).to_have_count(0)

    open_tab(sam_page, "My history")
    expect(sam.get_by_role("heading", name="My check-ins")).to_be_visible()
    expect(sam.get_by_text(question)).to_be_visible()
    expect(
        sam.get_by_text(
            "Not shared yet: both answers show once both of you have answered."
        )
    ).to_be_visible()

    assert_secret_kept(sam_page, sam_frames, secrets.alex_note, "Alex's note")
    assert_secret_kept(sam_page, sam_frames, secrets.alex_answer, "Alex's answer")
    # The frames are the panel's own traffic too, not just the login's.
    assert holding(sam_frames, question), "Sam's browser never received the prompt"
    assert holding(sam_frames, '"partner_answered"'), "no Today reached Sam's panel"

    # Sam answers; Alex's page, never reloaded, shows both answers by itself.
    alex_page.evaluate("() => { window.__togetherNotReloaded = true; }")
    open_tab(sam_page, "Tonight's prompt")
    sam.get_by_role("textbox", name="Your answer").fill(secrets.sam_answer)
    sam.get_by_role("button", name="Send answer").click()
    for page in (sam_page, alex_page):
        view = panel(page)
        both = view.locator("section.both")
        expect(both.get_by_role("heading", name="Both answers")).to_be_visible()
        expect(both.get_by_text(secrets.alex_answer)).to_be_visible()
        expect(both.get_by_text(secrets.sam_answer)).to_be_visible()
        expect(both.get_by_role("heading", name="Alex")).to_be_visible()
        expect(both.get_by_role("heading", name="Sam")).to_be_visible()
    assert alex_page.evaluate("() => window.__togetherNotReloaded === true")

    # Revealed, Alex's answer may reach Sam; the note still never does.
    page_text(sam_page)  # every frame so far has arrived
    assert holding(sam_frames, secrets.alex_answer), "the reveal never reached Sam"
    assert_secret_kept(sam_page, sam_frames, secrets.alex_note, "Alex's note")


def test_someone_else_sees_only_why_it_is_empty(
    home: Home, kim_page: Any, kim_frames: list[str], secrets: Secrets
) -> None:
    """Kim, no partner, gets a short explanation and nothing of the couple's."""
    open_panel(kim_page, home)
    kim = panel(kim_page)
    expect(
        kim.get_by_role("heading", name="This space belongs to a couple")
    ).to_be_visible()
    expect(kim.get_by_text("your user is not linked to either of them")).to_be_visible()
    expect(kim.get_by_role("tab")).to_have_count(0)
    expect(kim.get_by_role("tabpanel")).to_have_count(0)
    for label in ("Private note", "Your answer"):
        expect(kim.get_by_role("textbox", name=label)).to_have_count(0)
    for secret, whose in (
        (secrets.alex_note, "Alex's note"),
        (secrets.alex_answer, "Alex's answer"),
        (secrets.sam_answer, "Sam's answer"),
    ):
        assert_secret_kept(kim_page, kim_frames, secret, whose)
    assert kim_frames, "nothing was heard from Kim's browser"


def test_pictures_light_and_dark_on_desktop_and_phone(
    home: Home, light_page: Any, dark_page: Any
) -> None:
    """Today and the revealed prompt, wide and at a phone's width, in both schemes.

    Home Assistant's default theme follows the browser's preference; the
    panel must follow Home Assistant into the dark.
    """
    for scheme, page in (("light", light_page), ("dark", dark_page)):
        for size, viewport in (("desktop", PICTURE_DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            open_panel(page, home)
            phase_shown(page)
            # Home Assistant settles its theme a moment after the first draw.
            wait_for(
                f"Home Assistant and the panel in the {scheme} scheme",
                partial(in_scheme, page, dark=scheme == "dark"),
            )
            if size == "phone":
                # The sidebar hides at a phone's width; the panel offers it.
                expect(
                    panel(page).get_by_role("button", name="Open the sidebar")
                ).to_be_visible()
                no_sideways_scroll(page, f"Today, {scheme}")
            page.screenshot(
                path=home.picture(f"panel-today-{size}-{scheme}"),
                animations="disabled",
            )

            open_panel(page, home, "prompt")
            expect(
                panel(page).get_by_role("heading", name="Both answers")
            ).to_be_visible()
            if size == "phone":
                no_sideways_scroll(page, f"Tonight's prompt, {scheme}")
            page.screenshot(
                path=home.picture(f"panel-prompt-{size}-{scheme}"),
                animations="disabled",
            )


def not_enough_days(name: str | None = None) -> Any:
    """Return the sentence said of a partner with too few days to compare."""
    whose = "you have" if name is None else f"{re.escape(name)} has"
    return re.compile(
        r"^Not enough days yet: at least 5 dose days and 5 rest days are needed "
        rf"\({whose} \d+ and \d+\)\.$"
    )


def test_insights_in_words_and_over_time(
    home: Home, alex_page: Any, light_page: Any, dark_page: Any
) -> None:
    """Alex opens Insights by keyboard: the figures in words, the days drawn.

    The scenario holds a day or two of check-ins, too few for a comparison,
    so each partner's part says how many days are still needed.
    """
    en = strings("en")["insights"]
    view = panel(alex_page)
    open_tab(alex_page, "My history")
    # From "My history" the right arrow reaches "Insights"; Enter opens it.
    alex_page.keyboard.press("ArrowRight")
    insights_tab = view.get_by_role("tab", name="Insights", exact=True)
    expect(insights_tab).to_be_focused()
    alex_page.keyboard.press("Enter")
    expect(insights_tab).to_have_attribute("aria-selected", "true")
    assert alex_page.url.endswith(f"{PANEL}/insights")
    expect(view.get_by_role("tabpanel")).to_have_attribute(
        "aria-labelledby", "tab-insights"
    )

    expect(view.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
    expect(view.get_by_text(en["association"])).to_be_visible()
    expect(view.get_by_label("From", exact=True)).not_to_have_value("")
    expect(view.get_by_label("To", exact=True)).not_to_have_value("")
    expect(view.get_by_text(not_enough_days())).to_be_visible()
    expect(view.get_by_text(not_enough_days(SAM.name))).to_be_visible()
    # Alex checked in today: both scores are drawn, each with its own words.
    for scale in ("Mood", "Connection"):
        expect(
            view.get_by_role("img", name=re.compile(rf"^{scale} from "))
        ).to_be_visible()
    view.get_by_text(en["table_summary"]).click()
    table = view.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Alex: Mood")).to_be_visible()
    expect(table.get_by_role("row")).not_to_have_count(1)  # the days under the header

    # From the last tab the right arrow wraps to the first, as the others do.
    insights_tab.focus()
    alex_page.keyboard.press("ArrowRight")
    expect(view.get_by_role("tab", name="Today", exact=True)).to_be_focused()

    for scheme, page, size, viewport in (
        ("light", light_page, "desktop", PICTURE_DESKTOP),
        ("dark", dark_page, "phone", PHONE),
    ):
        page.set_viewport_size(viewport)
        open_panel(page, home, "insights")
        shown = panel(page)
        expect(
            shown.get_by_role("heading", name="Insights", exact=True)
        ).to_be_visible()
        expect(shown.get_by_text(not_enough_days())).to_be_visible()
        expect(
            shown.get_by_role("img", name=re.compile(r"^Mood from "))
        ).to_be_visible()
        wait_for(
            f"Home Assistant and the panel in the {scheme} scheme",
            partial(in_scheme, page, dark=scheme == "dark"),
        )
        if size == "phone":
            no_sideways_scroll(page, f"Insights, {scheme}")
        page.screenshot(
            path=home.picture(f"panel-insights-{size}-{scheme}"),
            animations="disabled",
        )


def test_in_finnish(home: Home, finnish_page: Any) -> None:
    """With Home Assistant in Finnish the panel speaks Finnish, server words too."""
    fi = strings("fi")
    page = finnish_page
    open_panel(page, home)
    language = page.evaluate(
        "() => document.querySelector('home-assistant').hass.language"
    )
    assert language == "fi", language
    view = panel(page)
    phase = phase_shown(page, fi["phase"])
    expect(phase).to_have_text(
        fi["phase"][home.state("sensor.alex_sam_phase")["state"]]
    )
    tabs = fi["tabs"]
    expect(view.get_by_role("tab")).to_have_text(
        [
            tabs[key]
            for key in (
                "today",
                "dose",
                "check_in",
                "prompt",
                "ritual",
                "history",
                "insights",
            )
        ]
    )
    expect(
        view.get_by_role("heading", name=fi["today"]["heading"], exact=True)
    ).to_be_visible()
    expect(view.locator("main")).to_have_attribute("lang", "fi")
    page.screenshot(path=home.picture("panel-today-desktop-fi"), animations="disabled")

    open_tab(page, tabs["prompt"])
    expect(view.get_by_role("heading", name=fi["prompt"]["both"])).to_be_visible()
    page.screenshot(path=home.picture("panel-prompt-desktop-fi"), animations="disabled")
    # The choice stays with this browser: Alex's profile keeps no language.
    assert not run(_user_language(home, ALEX.username))


def test_ritual_ends_from_the_panel(
    home: Home,
    alex_page: Any,
    sam_page: Any,
    sam_frames: list[str],
    secrets: Secrets,
) -> None:
    """Ending the ritual from the panel reports what it put back.

    Last, Sam's browser, open all along, has still never received Alex's note.
    """
    view = panel(alex_page)
    open_tab(alex_page, "Ritual")
    expect(view.get_by_text("The ritual is on")).to_be_visible()
    view.get_by_role("button", name="End ritual").click()
    report = view.locator("section.report")
    expect(
        report.get_by_role("heading", name="What ending did", exact=True)
    ).to_be_visible()
    expect(report).to_contain_text("Failed: 0.")
    expect(
        report.locator("li").filter(has_text="Put the lights back").first
    ).to_be_visible()
    expect(view.get_by_text("The ritual is not on.")).to_be_visible()
    wait_for(
        "the ritual switch to turn off",
        lambda: home.state("switch.alex_sam_ritual")["state"] == "off",
    )
    assert_secret_kept(sam_page, sam_frames, secrets.alex_note, "Alex's note")
