"""Two simulated years of a couple's life, with a restart every month.

Run it with `scripts/soak` (or `python -m soak`); it is not part of the test
suite. Importing the package first makes Home Assistant's clock one that the
frozen clock can move, as the test plugin does before any test runs.
"""

from . import frozen_clock  # noqa: F401  # before anything reads the clock
