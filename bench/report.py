"""Print the legs' figures side by side, each against its target.

Usage: python -m bench.report bench-results/bench-floor.json [more legs...]
Standard library only, so it runs without Home Assistant. The time the panel
took to show "Today" is the browser tests' (tests/e2e): they leave it beside
the legs' files as panel-render-<release>.json, read here for each leg.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import json
from pathlib import Path
import sys
from typing import Any

type Figures = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: how to read it, show it and judge it."""

    label: str
    read: Callable[[Figures], float | None]
    unit: str = ""
    limit: float | None = None  # the target: at most this


def _get(*keys: str) -> Callable[[Figures], float | None]:
    def read(figures: Figures) -> float | None:
        found: Any = figures
        for key in keys:
            if not isinstance(found, dict) or key not in found:
                return None
            found = found[key]
        return float(found)

    return read


def _sum(
    *reads: Callable[[Figures], float | None],
) -> Callable[[Figures], float | None]:
    def read(figures: Figures) -> float | None:
        values = [r(figures) for r in reads]
        return None if None in values else sum(v for v in values if v is not None)

    return read


SECTIONS: list[tuple[str, list[Row]]] = [
    (
        "1 set-up, new Home Assistant with only its core (ours adds http, frontend)",
        [
            Row(
                "couple entry, all platforms", _get("setup", "fresh", "ours_ms"), " ms"
            ),
            Row(
                "schedule helper, as many entities",
                _get("setup", "fresh", "theirs_ms"),
                " ms",
            ),
            Row("ratio", _get("setup", "fresh", "ratio"), "x", 1.5),
        ],
    ),
    (
        "1 set-up, new Home Assistant with http, frontend, repairs, platforms",
        [
            Row("couple entry, all platforms", _get("setup", "warm", "ours_ms"), " ms"),
            Row(
                "schedule helper, as many entities",
                _get("setup", "warm", "theirs_ms"),
                " ms",
            ),
            Row("ratio", _get("setup", "warm", "ratio"), "x", 1.0),
            Row("entities (each side)", _get("setup", "entities")),
        ],
    ),
    (
        "2 ritual: 6 lights, media, 2 phones; each device call waits",
        [
            Row("device latency", _get("ritual", "latency_ms"), " ms"),
            Row("start_ritual", _get("ritual", "ours_ms"), " ms"),
            Row("script, same calls in turn", _get("ritual", "theirs_ms"), " ms"),
            Row("ratio", _get("ritual", "ratio"), "x", 0.6),
        ],
    ),
    (
        "3 storage: one year (check-ins with notes, doses, prompts, rituals)",
        [
            Row("file size", _get("storage", "kb"), " KB", 300),
            Row("  of which notes and answers", _get("storage", "text_kb"), " KB"),
            Row("  of which indentation", _get("storage", "indent_kb"), " KB"),
            Row("load: store", _get("storage", "store_load_ms"), " ms"),
            Row("load: domain objects", _get("storage", "domain_load_ms"), " ms"),
            Row("load: both", _get("storage", "load_ms"), " ms", 20),
            Row("5 years: file size", _get("storage", "years", "5", "kb"), " KB"),
            Row("5 years: load", _get("storage", "years", "5", "load_ms"), " ms", 20),
        ],
    ),
    (
        "4 writes",
        [
            Row("check-ins in a burst (a day's most)", _get("coalescing", "check_ins")),
            Row("  the burst took", _get("coalescing", "burst_ms"), " ms"),
            Row("disk writes for the burst", _get("coalescing", "writes"), "", 2),
            Row("state changes, one check-in", _get("coalescing", "state_changed")),
            Row(
                "unchanged state re-writes, one check-in",
                _get("coalescing", "state_reported"),
            ),
            Row(
                "state writes in all, one check-in",
                _sum(
                    _get("coalescing", "state_changed"),
                    _get("coalescing", "state_reported"),
                ),
            ),
        ],
    ),
    (
        "5 the couple's panel",
        [
            Row("bundle, raw", _get("bundle", "raw_kb"), " KB"),
            Row("bundle, gzip -9", _get("bundle", "gzip_kb"), " KB"),
            Row(
                "private check-in, websocket round trip",
                _get("check_in_ws", "ms"),
                " ms",
                50,
            ),
            Row(
                "first sidebar tap to today shown (e2e)",
                _get("panel_render", "render_ms"),
                " ms",
                1000,
            ),
            Row(
                "later taps, median of 5 (e2e)",
                _get("panel_render", "reopen_ms"),
                " ms",
                1000,
            ),
        ],
    ),
    (
        "6 one check-in against the history already stored",
        [
            Row("no history", _get("check_in_cost", "ms", "0y"), " ms"),
            Row("one year", _get("check_in_cost", "ms", "1y"), " ms"),
            Row("five years", _get("check_in_cost", "ms", "5y"), " ms"),
            Row("ratio, one year to none", _get("check_in_cost", "ratio_1y"), "x", 1.2),
            Row(
                "ratio, five years to none",
                _get("check_in_cost", "ratio_5y"),
                "x",
                1.2,
            ),
            Row(
                "loop CPU, five years to none",
                _get("check_in_cost", "cpu_ratio_5y"),
                "x",
                1.2,
            ),
            Row("get_insights over five years", _get("get_insights_5y", "ms"), " ms"),
        ],
    ),
]


def _cell(row: Row, figures: Figures) -> str:
    value = row.read(figures)
    if value is None:
        return "-"
    if row.unit == "x":
        shown = f"{value:.2f}"
    elif value.is_integer():
        shown = f"{value:.0f}"
    else:
        shown = f"{value:.1f}"
    text = f"{shown}{row.unit}"
    if row.limit is None:
        return text
    if value <= row.limit:
        return f"{text} met"
    return f"{text} MISSED +{(value / row.limit - 1) * 100:.0f}%"


def render(legs: list[dict[str, Any]]) -> str:
    """Return the table for the given legs' JSON documents."""
    width, column = 44, 24
    first = legs[0]
    machine = first["machine"]
    versions = [
        f"{leg['machine']['python']}, {leg['machine']['homeassistant']}" for leg in legs
    ]
    lines = [
        (
            f"Microdose Together bench: medians of {first['repeats']} runs "
            f"after {first['warmups']} warm-ups"
        ),
        f"machine: {machine['cpu']}, {machine['cores']} cores",
        "",
        f"{'':<{width}}"
        + "".join(f"{leg['leg']:<{column}}" for leg in legs)
        + "target",
        f"{'Python, Home Assistant':<{width}}"
        + "".join(f"{version:<{column}}" for version in versions),
    ]
    for title, rows in SECTIONS:
        lines += ["", title]
        for row in rows:
            cells = "".join(f"{_cell(row, leg['figures']):<{column}}" for leg in legs)
            target = "" if row.limit is None else f"<= {row.limit:g}{row.unit}"
            lines.append(f"  {row.label:<{width - 2}}{cells}{target}")
    return "\n".join(lines)


def _with_panel_render(path: Path) -> dict[str, Any]:
    """Return a leg's figures with the browser tests' render time of its release."""
    leg: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    release = ".".join(str(leg["machine"]["homeassistant"]).split(".")[:2])
    render = path.parent / f"panel-render-{release}.json"
    if render.exists():
        leg["figures"]["panel_render"] = json.loads(render.read_text(encoding="utf-8"))
    return leg


def main(paths: list[str]) -> int:
    """Print the table for the JSON files that exist; fail if none does."""
    legs = [_with_panel_render(Path(path)) for path in paths if Path(path).exists()]
    if not legs:
        sys.stderr.write("no results to show\n")
        return 1
    sys.stdout.write(render(legs) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
