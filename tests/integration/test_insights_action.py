"""`get_insights`: each partner's scores around dose days, as numbers only.

Over the shared eighteen days (conftest.eighteen_days): Alex checks in every
day and doses on each dose day, Sam checks in on three days only. The figures
are checked against values worked out by hand in the comments.
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from .conftest import ALEX_USER_ID, EIGHTEEN_DAYS, EIGHTEEN_DAYS_NOTE
from .helpers import act, act_as


async def test_dose_days_against_rest_days_with_an_interval(
    hass: HomeAssistant, eighteen_days: MockConfigEntry
) -> None:
    """Alex's six dose days against six rest days; Sam has too few days."""
    figures = await act_as(hass, ALEX_USER_ID, eighteen_days, "get_insights")
    assert (figures["start"], figures["end"]) == ("2026-01-05", "2026-01-22")
    alex = figures["partners"]["1"]
    categories = alex["categories"]
    assert categories["dose_day"] == {
        "days": 6,
        "mood": 4.5,
        "connection": 4.0,
        "stress": 2.0,
    }
    assert categories["day_after"]["days"] == 6
    assert categories["day_after"]["mood"] == 3.0
    assert categories["rest_day"]["days"] == 6
    assert categories["rest_day"]["mood"] == 2.5
    assert categories["baseline"] == {
        "days": 0,
        "mood": None,
        "connection": None,
        "stress": None,
    }
    # Both groups have a sample variance of 0.3 (six values 0.5 from their
    # mean: 6 x 0.25 / 5), so the standard error is sqrt(0.3/6 + 0.3/6) =
    # 0.3162 on 10 degrees of freedom; t(0.975, 10) = 2.228 gives
    # 2.0 +- 0.7046.
    assert alex["dose_day_vs_rest_day"]["mood"] == {
        "dose_days": 6,
        "rest_days": 6,
        "enough": True,
        "difference": 2.0,
        "low": 1.3,
        "high": 2.7,
        "df": 10.0,
    }
    sam = figures["partners"]["2"]["dose_day_vs_rest_day"]["mood"]
    assert sam["enough"] is False
    assert sam["difference"] is None
    couple = figures["couple"]["categories"]
    for category, counts in couple.items():
        assert counts["days"] == sum(
            figures["partners"][p]["categories"][category]["days"] for p in "12"
        )
    assert EIGHTEEN_DAYS_NOTE not in repr(figures)


async def test_one_partner_one_cycle_or_a_date_range(
    hass: HomeAssistant, eighteen_days: MockConfigEntry
) -> None:
    """A cycle carries the check-in rates; a partner's ask leaves the other out."""
    cycle = await act(hass, eighteen_days, "get_insights", cycle=1, partner=2)
    assert cycle["cycle"] == 1
    assert cycle["complete"] is False
    assert cycle["days"] == EIGHTEEN_DAYS
    assert cycle["checkin_rate"] == {"2": round(3 / EIGHTEEN_DAYS, 2)}
    assert set(cycle["partners"]) == {"2"}
    assert "couple" not in cycle

    first_week = await act(
        hass, eighteen_days, "get_insights", start="2026-01-05", end="2026-01-11"
    )
    dose_days = first_week["partners"]["1"]["categories"]["dose_day"]
    assert dose_days["days"] == 3  # the 5th, 8th and 11th
    assert dose_days["mood"] == round((4 + 5 + 4) / 3, 2)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"cycle": 1, "start": "2026-01-05"}, "insights_cycle_and_range"),
        ({"cycle": 2}, "insights_cycle_not_begun"),
        ({"start": "2026-01-10", "end": "2026-01-09"}, "history_range_reversed"),
    ],
    ids=["cycle_and_dates", "cycle_not_begun", "reversed_dates"],
)
async def test_impossible_questions_are_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, data: dict[str, Any], key: str
) -> None:
    """Each says why, in words."""
    with pytest.raises(ServiceValidationError) as refused:
        await act(hass, setup_entry, "get_insights", **data)
    assert refused.value.translation_key == key
    assert str(refused.value) != key


async def test_someone_outside_the_couple_gets_no_insights(
    hass: HomeAssistant, setup_entry: MockConfigEntry, outsiders: dict[str, str]
) -> None:
    """The third user and the household's admin are refused."""
    for user_id in outsiders.values():
        with pytest.raises(ServiceValidationError) as refused:
            await act_as(hass, user_id, setup_entry, "get_insights")
        assert refused.value.translation_key == "not_in_couple"
