"""Going through the first message of a check-in request on a partner's phone."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, ServiceCall

from .helpers import tap


def request_buttons(call: ServiceCall) -> list[str]:
    """Return the action ids of a check-in request: now, later, not today."""
    actions = [action["action"] for action in call.data["data"]["actions"]]
    assert [action.rsplit("|", 1)[-1] for action in actions] == [
        "now",
        "later",
        "not_today",
    ], actions
    return actions


async def tap_check_in_now(
    hass: HomeAssistant, calls: list[ServiceCall], user_id: str
) -> None:
    """Tap "Check in now" on the phone's last message; the mood question follows."""
    await tap(hass, request_buttons(calls[-1])[0], user_id=user_id)
