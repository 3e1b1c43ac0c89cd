"""Let the frozen clock drive Home Assistant outside pytest.

The test plugin swaps Home Assistant's `utcnow` (a partial the frozen clock
cannot reach) for a plain function when imported, and before each test
teaches freezegun about zone-aware "now"; pytest does both before a test
runs, the soak before it starts. The same set-up blocks sockets, which Home
Assistant's network helper opens to find its own address: they are let be.
"""

from __future__ import annotations

import logging

from pytest_homeassistant_custom_component import plugins
import pytest_socket  # type: ignore[import-untyped]

plugins.pytest_runtest_setup()
pytest_socket.enable_socket()
# The plugin turns on every INFO line; two years of them would drown the figures.
logging.getLogger().setLevel(logging.WARNING)
