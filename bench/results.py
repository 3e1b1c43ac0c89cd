"""How many runs to make, and where each leg's figures are kept as JSON."""

from __future__ import annotations

from dataclasses import dataclass
import json
import os
from pathlib import Path
import platform
import statistics
from typing import Any

from homeassistant import const as ha_const

RESULTS_DIR = Path(__file__).resolve().parents[1] / "bench-results"


@dataclass(frozen=True, slots=True)
class Runs:
    """Warm-up runs are made and thrown away; the median is of the rest."""

    repeats: int = 15
    warmups: int = 2
    latency_s: float = 0.05

    @classmethod
    def from_env(cls) -> Runs:
        """Read BENCH_REPEATS, BENCH_WARMUPS and BENCH_LATENCY_MS if given."""
        return cls(
            repeats=int(os.environ.get("BENCH_REPEATS", "15")),
            warmups=int(os.environ.get("BENCH_WARMUPS", "2")),
            latency_s=float(os.environ.get("BENCH_LATENCY_MS", "50")) / 1000,
        )

    @property
    def total(self) -> int:
        """Return how many runs to make in all."""
        return self.warmups + self.repeats

    def kept(self, run: int) -> bool:
        """Return whether a run counts (it is not a warm-up)."""
        return run >= self.warmups


def pair(ours: list[float], theirs: list[float]) -> dict[str, Any]:
    """Return both medians, their ratio and the samples behind them."""
    ours_ms, theirs_ms = statistics.median(ours), statistics.median(theirs)
    return {
        "ours_ms": round(ours_ms, 2),
        "theirs_ms": round(theirs_ms, 2),
        "ratio": round(ours_ms / theirs_ms, 3),
        "ours_samples": [round(x, 2) for x in ours],
        "theirs_samples": [round(x, 2) for x in theirs],
    }


def machine() -> dict[str, Any]:
    """Return the CPU, cores, Python and Home Assistant this leg ran on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "homeassistant": ha_const.__version__,
    }


def leg() -> str:
    """Return the name of the leg being measured (BENCH_LEG, else the Python)."""
    return os.environ.get("BENCH_LEG") or f"python{platform.python_version()}"


def record(figure: str, data: dict[str, Any], runs: Runs) -> None:
    """Add one figure to this leg's JSON file (kept apart from other legs)."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"bench-{leg()}.json"
    found: dict[str, Any] = (
        json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    )
    found |= {
        "leg": leg(),
        "machine": machine(),
        "repeats": runs.repeats,
        "warmups": runs.warmups,
    }
    found.setdefault("figures", {})[figure] = data
    path.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
