"""Command line: `python -m soak [--seed N] [--years N]` (scripts/soak runs it).

Prints the figures, keeps them in bench-results/soak-<leg>.json, and exits
with 1 and the reasons when a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
import sys
import tempfile

from .report import figures, problems, table, write
from .run import soak

DEFAULT_SEED = 20260105


def main() -> int:
    """Run the soak and judge it."""
    parser = argparse.ArgumentParser(
        prog="soak", description="Live simulated years of a couple, day by day."
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--years", type=int, default=2)
    args = parser.parse_args()
    if args.years < 1:
        parser.error("--years must be at least 1")
    with tempfile.TemporaryDirectory(prefix="soak-") as config_dir:
        result = asyncio.run(soak(Path(config_dir), args.seed, args.years))
    found = problems(result)
    data = figures(result, found)
    path = write(data)
    sys.stdout.write(table(data) + f"\nFigures kept in {path}\n")
    if found:
        sys.stderr.write("Soak FAILED:\n" + "".join(f"  - {p}\n" for p in found))
        return 1
    sys.stdout.write("Soak passed: every check held.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
