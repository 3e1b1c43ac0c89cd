"""Set-up for the browser tests, which run a real Home Assistant of their own.

Each test module gets a Home Assistant of its own (the `home` fixture) and a
Chromium for it; the helpers the modules share are in browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
import shutil
import subprocess
import sys
from typing import Any

from browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCREENSHOTS,
    WAIT,
    Home,
    sync_api,
    without_quiet_hours,
)
from develop_provision import PASSWORD, USERNAME
from homes import LEGS, free_port, make_config, start, start_phones, stop, stop_phones
import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """Choose the Home Assistant the browser tests run against."""
    parser.addoption(
        "--leg",
        choices=("floor", "newest"),
        default="floor",
        help="floor: Home Assistant 2025.4 from .venv; newest: the newest "
        "Home Assistant inside ../shared/tools/ha-latest",
    )


def pytest_collection_modifyitems(config: pytest.Config) -> None:
    """Refuse to run beside the test harness, which blocks sockets and threads."""
    if config.pluginmanager.has_plugin("homeassistant"):
        raise pytest.UsageError(
            "tests/e2e starts a real Home Assistant; run it with "
            "`python -m pytest tests/e2e -p no:homeassistant`"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Iterator[None]:
    """Keep the call phase's report on the item, so a failure can leave a picture."""
    report = yield
    if call.when == "call":
        item.call_report = report  # type: ignore[attr-defined]
    return report


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
    failed_before = request.session.testsfailed
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
        # The tests wait for pushes to the phones, whatever the hour they run at.
        without_quiet_hours(running)
        yield running
        passed = request.session.testsfailed == failed_before
    finally:
        stop(process)
        stop_phones(phones)
        if passed:
            shutil.rmtree(config.parent, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(home: Home) -> Iterator[Any]:
    """Chromium, for this home's pages."""
    if sync_api is None or CHROMIUM is None:
        pytest.skip("Playwright and Chromium are needed (requirements_e2e.txt)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        sync_api.expect.set_options(timeout=WAIT * 1000)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def picture_on_failure(request: pytest.FixtureRequest, home: Home) -> Iterator[None]:
    """Leave a screenshot of each browser page the test used when it fails."""
    yield
    report = getattr(request.node, "call_report", None)
    if report is None or not report.failed:
        return
    for name in request.fixturenames:
        value = request.getfixturevalue(name)
        if sync_api is None or not isinstance(value, sync_api.Page):
            continue
        picture = home.config.parent / f"{request.node.name}-{name}.png"
        try:
            value.screenshot(path=str(picture), full_page=True)
        except sync_api.Error as err:  # a closed page, a crashed browser
            sys.stderr.write(f"No picture of {name}: {err}\n")
            continue
        sys.stderr.write(f"Browser at failure: {picture}\n")
    sys.stderr.write(f"Log:\n{home.log_tail()}\n")
