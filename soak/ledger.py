"""What the couple was told was kept, and what the schedule said each day.

The soak's own account, written as it goes; the store is judged against it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Ledger:
    """Every accepted record, every refusal, and each day's place in the schedule."""

    # dose id -> (partner slot, day), as the action answered it
    doses: dict[str, tuple[int, date]] = field(default_factory=dict)
    check_ins: dict[str, tuple[int, date]] = field(default_factory=dict)
    # (day, partner slot) -> the answer's text
    answers: dict[tuple[date, int], str] = field(default_factory=dict)
    # day -> id of the prompt sent that day
    prompts: dict[date, str] = field(default_factory=dict)
    # (partner slot, day, why) of each dose the guard refused
    refused: list[tuple[int, date, str]] = field(default_factory=list)
    # day -> whether it was a dose day, as the schedule stood that evening
    schedule: dict[date, bool] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Return how many records were accepted (doses, check-ins, answers)."""
        return len(self.doses) + len(self.check_ins) + len(self.answers)

    def problem(self, what: str) -> None:
        """Note something the integration did that it should not have."""
        self.problems.append(what)
