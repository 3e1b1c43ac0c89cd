"""Set-up for the browser tests, which run a real Home Assistant of their own."""

from __future__ import annotations

from collections.abc import Iterator

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
