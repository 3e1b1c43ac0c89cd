"""What a stored phone message or open phone request may hold.

Read back from the store, held messages go out to the partners' phones and open
requests steer their replies. Only the integration's own kinds with their
expected fields pass: a hand-edited or foreign entry (a companion-app command
such as `command_launch_app`, a link, a field we never send, a message shown
on a locked screen, a button of another couple) raises ValueError, and the
couple's file is then kept aside with a repair, as any other damaged part of
it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
import re
from typing import Any, Final

from .const import (
    DOMAIN,
    NOTIFY_CYCLE_REVIEW,
    NOTIFY_RITUAL_QUESTION,
    NOTIFY_RITUAL_SHARE,
    NOTIFY_WEEKLY_SUMMARY,
    PANEL_VIEW_CHECK_IN,
    PANEL_VIEW_DOSE,
    PANEL_VIEW_INSIGHTS,
    PANEL_VIEW_PROMPT,
    PARTNER_SLOTS,
)
from .core.checkins import SCORE_MAX, SCORE_MIN
from .core.limits import TEXT_MAX_LENGTH
from .notifications import (
    ACTION_PREFIX,
    ASK_STEP,
    CHECKIN_STEPS,
    LINK_KEYS,
    MORNING_PURPOSE,
    NOTE_STEP,
    SEPARATOR,
    URI_ACTION,
    VISIBILITY,
    VISIBILITY_PRIVATE,
    ActionId,
    is_phone_command,
    notification_tag,
    panel_link,
)

CHECKIN_ORDER: Final = (ASK_STEP, *CHECKIN_STEPS, NOTE_STEP)

# A reveal may carry two answers (if the couple chose so) and the words around them.
_HELD_MESSAGE_MAX: Final = 2 * TEXT_MAX_LENGTH + 1000
_HELD_TITLE_MAX: Final = 1000
_PAYLOAD_KEYS: Final = frozenset({"title", "message", "data"})
# Exactly what the integration sends: no other companion-app options, and no
# link but the couple's own panel.
_DATA_KEYS: Final = frozenset({"tag", "group", "actions", VISIBILITY, *LINK_KEYS})
_PANEL_VIEWS: Final = (
    PANEL_VIEW_CHECK_IN,
    PANEL_VIEW_DOSE,
    PANEL_VIEW_PROMPT,
    PANEL_VIEW_INSIGHTS,
)
_BUTTON_KEYS: Final = frozenset(
    {"action", "title", "behavior", "textInputButtonTitle", "uri"}
)
_BUTTONS_MAX: Final = 3
_MESSAGE_TAG: Final = re.compile(r"message_[a-z0-9_]+")
_REQUEST_KEY: Final = re.compile(r"(?P<slot>[12]):(?P<purpose>checkin|prompt|morning)")
_REQUEST_ID: Final = re.compile(r"[0-9a-f]{1,32}")
_CHECKIN_KEYS: Final = frozenset({"id", "step", "check_in_id", *CHECKIN_STEPS})
_PROMPT_KEYS: Final = frozenset({"id", "day"})


def check_held(held: object, entry_id: str) -> None:
    """Refuse held messages that are not the integration's own.

    Raises:
        ValueError: one of them is not a message this couple could have held.
    """
    if not isinstance(held, list):
        raise TypeError("messages held for quiet hours are damaged")
    for item in held:
        if not (
            isinstance(item, dict)
            and item.keys() == {"slot", "payload"}
            and item["slot"] in PARTNER_SLOTS
            and not isinstance(item["slot"], bool)
            and _is_own_message(item["payload"], entry_id, item["slot"])
        ):
            raise ValueError("a message held for quiet hours is not one of ours")


def _is_own_message(payload: object, entry_id: str, slot: int) -> bool:
    if not (isinstance(payload, dict) and payload.keys() <= _PAYLOAD_KEYS):
        return False
    message, title = payload.get("message"), payload.get("title", "")
    return (
        _is_text(message, _HELD_MESSAGE_MAX)
        and not is_phone_command(str(message))
        and _is_text(title, _HELD_TITLE_MAX)
        and _is_own_data(payload.get("data"), entry_id, slot)
    )


def _is_own_data(data: object, entry_id: str, slot: int) -> bool:
    return (
        isinstance(data, dict)
        and data.keys() <= _DATA_KEYS
        and data.get("group") == DOMAIN
        and _is_own_tag(data.get("tag"), entry_id, slot)
        and data.get(VISIBILITY, VISIBILITY_PRIVATE) == VISIBILITY_PRIVATE
        and _are_own_buttons(data.get("actions", []), entry_id, slot)
        and _is_own_link(data, entry_id)
    )


def _is_own_link(data: dict[str, Any], entry_id: str) -> bool:
    """Accept no link, or the same link to one of the couple's panel views."""
    links = {data[key] for key in LINK_KEYS if key in data}
    return not links or (
        len(links) == 1 and all(_is_own_panel_link(link, entry_id) for link in links)
    )


def _is_own_panel_link(link: object, entry_id: str) -> bool:
    return link in {panel_link(entry_id, view) for view in _PANEL_VIEWS}


def _is_own_tag(tag: object, entry_id: str, slot: int) -> bool:
    if not isinstance(tag, str):
        return False
    prefix = notification_tag(entry_id, slot, "")
    purpose = tag.removeprefix(prefix)
    return tag.startswith(prefix) and (
        purpose
        in (
            "checkin",
            "prompt",
            MORNING_PURPOSE,
            NOTIFY_CYCLE_REVIEW,
            NOTIFY_WEEKLY_SUMMARY,
            NOTIFY_RITUAL_SHARE,
            NOTIFY_RITUAL_QUESTION,
        )
        or _MESSAGE_TAG.fullmatch(purpose) is not None
    )


def _are_own_buttons(buttons: object, entry_id: str, slot: int) -> bool:
    if not (isinstance(buttons, list) and len(buttons) <= _BUTTONS_MAX):
        return False
    for button in buttons:
        if not (
            isinstance(button, dict)
            and button.keys() <= _BUTTON_KEYS
            and isinstance(button.get("action"), str)  # any id the couple chose
            and _is_text(button.get("title"), _HELD_TITLE_MAX)
            and button.get("behavior", "textInput") == "textInput"
            and _is_text(button.get("textInputButtonTitle", ""), _HELD_TITLE_MAX)
        ):
            return False
        action = str(button["action"])
        if "uri" in button and not (
            action == URI_ACTION and _is_own_panel_link(button["uri"], entry_id)
        ):
            return False
        if action.startswith(ACTION_PREFIX + SEPARATOR):
            parsed = ActionId.parse(action)
            if parsed is None or (parsed.entry_id, parsed.slot) != (entry_id, slot):
                return False
    return True


def checked_requests(requests: object) -> dict[str, dict[str, Any]]:
    """Return the open phone requests, refusing any of a shape not ours.

    Raises:
        ValueError: a request could not have been opened by this integration.
    """
    if not isinstance(requests, dict):
        raise TypeError("open phone requests are damaged")
    for key, request in requests.items():
        match = _REQUEST_KEY.fullmatch(key) if isinstance(key, str) else None
        if match is None or not isinstance(request, dict):
            raise ValueError("an open phone request is not one of ours")
        valid = (
            _is_checkin_request(request)
            if match["purpose"] == "checkin"
            else _is_dated_request(request)
        )
        if not valid:
            raise ValueError("an open phone request is not one of ours")
    return dict(requests)


def _is_checkin_request(request: Mapping[str, Any]) -> bool:
    step = request.get("step")
    if not (
        request.keys() <= _CHECKIN_KEYS
        and _is_request_id(request.get("id"))
        and isinstance(step, str)
        and step in CHECKIN_ORDER
    ):
        return False
    earlier = CHECKIN_ORDER[: CHECKIN_ORDER.index(step)]
    if any(
        not _is_score(request.get(name)) for name in CHECKIN_STEPS if name in earlier
    ):
        return False
    return step != NOTE_STEP or _is_text(request.get("check_in_id"), 64)


def _is_dated_request(request: Mapping[str, Any]) -> bool:
    """Check a prompt's or morning note's request: an id and the day it was sent."""
    day = request.get("day")
    if not (
        request.keys() <= _PROMPT_KEYS
        and _is_request_id(request.get("id"))
        and isinstance(day, str)
    ):
        return False
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _is_request_id(value: object) -> bool:
    return isinstance(value, str) and _REQUEST_ID.fullmatch(value) is not None


def _is_score(value: object) -> bool:
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and SCORE_MIN <= value <= SCORE_MAX
    )


def _is_text(value: object, max_length: int) -> bool:
    return isinstance(value, str) and len(value) <= max_length
