"""Fail when any module is under its coverage floor (95 %, config flow 100 %)."""

from __future__ import annotations

import json
from pathlib import Path
import sys

FLOOR = 95.0
FULL = ("config_flow.py",)


def main(report: str) -> int:
    """Check every file in a coverage JSON report; print the ones below."""
    files = json.loads(Path(report).read_text(encoding="utf-8"))["files"]
    failures = []
    for name, data in sorted(files.items()):
        percent = data["summary"]["percent_covered"]
        floor = 100.0 if name.endswith(FULL) else FLOOR
        if percent < floor:
            failures.append(f"{name}: {percent:.1f} % (needs {floor:.0f} %)")
    if failures:
        print("Coverage below the floor:\n  " + "\n  ".join(failures))
        return 1
    print(f"Coverage gate met for {len(files)} modules.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "coverage.json"))
