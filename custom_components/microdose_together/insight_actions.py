"""The `get_insights` action: how each partner's scores sit around dose days.

Numbers only (means, counts, intervals), never a note. The scores behind them
are in every user's states, but the figures are the couple's reading of their
own practice, so the action is for the two of them and their automations, as
the other actions are. The figures are associations, not causes
(core/insights.py).
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
import voluptuous as vol

from .action_helpers import (
    ENTRY_SCHEMA,
    PARTNER_FIELD,
    Handler,
    local_day,
    validation_error,
    whole_number,
)
from .const import ATTR_PARTNER
from .coordinator import MicrodoseCoordinator
from .core.insights import for_cycle
from .dialogue_actions import ATTR_END, ATTR_START
from .insight_view import insights_between

SERVICE_GET_INSIGHTS: Final = "get_insights"
ATTR_CYCLE: Final = "cycle"

GET_INSIGHTS_SCHEMA: Final = ENTRY_SCHEMA.extend(
    {
        vol.Optional(ATTR_PARTNER): PARTNER_FIELD,
        vol.Optional(ATTR_CYCLE): vol.All(whole_number, vol.Range(min=1)),
        vol.Optional(ATTR_START): local_day,
        vol.Optional(ATTR_END): local_day,
    }
)


def _only(figures: dict[str, Any], partner: int | None) -> dict[str, Any]:
    """Keep one partner's figures (and drop the couple's) when one was asked for."""
    if partner is None:
        return figures
    key = str(partner)
    figures["partners"] = {key: figures["partners"][key]}
    if "checkin_rate" in figures:
        figures["checkin_rate"] = {key: figures["checkin_rate"][key]}
    del figures["couple"]
    return figures


async def _get_insights(
    coordinator: MicrodoseCoordinator, call: ServiceCall
) -> ServiceResponse:
    """Answer the figures of a cycle, a date range, or everything so far."""
    data = call.data
    today = coordinator.today()
    checkins = coordinator.conversation.checkins.records
    doses = coordinator.doses.records
    if ATTR_CYCLE in data:
        if ATTR_START in data or ATTR_END in data:
            raise validation_error("insights_cycle_and_range")
        try:
            cycle = for_cycle(
                coordinator.protocol, checkins, doses, data[ATTR_CYCLE], today=today
            )
        except ValueError as err:
            raise validation_error(
                "insights_cycle_not_begun", {"cycle": str(data[ATTR_CYCLE])}
            ) from err
        return _only(cycle.as_dict(), data.get(ATTR_PARTNER))
    figures = insights_between(coordinator, data.get(ATTR_START), data.get(ATTR_END))
    return _only(figures, data.get(ATTR_PARTNER))


INSIGHT_SERVICES: dict[str, tuple[vol.Schema, Handler, SupportsResponse]] = {
    SERVICE_GET_INSIGHTS: (GET_INSIGHTS_SCHEMA, _get_insights, SupportsResponse.ONLY),
}
