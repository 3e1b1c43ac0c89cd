"""Messages to each partner's phone, and the replies that come back.

Each partner's phones are the companion-app devices of their own user, each
with its own `notify.mobile_app_*` action (notify entities cannot carry actions
or text replies); every message goes to all of them. Every action id is
namespaced by entry, partner and request, so a tap on an old, foreign or
repeated notification matches no open request and is ignored. One tag per
partner and purpose makes a new message replace the last one.

A push passes through the companion app's push service (Apple's or Google's)
and may show on a locked screen, so what we send carries no private text by
default and asks Android to hide its content until the phone is unlocked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
import logging
import secrets
from typing import Any, Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import translation
from homeassistant.helpers.event import async_track_point_in_time
from homeassistant.util import dt as dt_util

from .const import (
    DOMAIN,
    PANEL_URL_PATH,
    PANEL_VIEW_CHECK_IN,
    PANEL_VIEW_DOSE,
    PANEL_VIEW_INSIGHTS,
    PANEL_VIEW_PROMPT,
)
from .core.quiet_hours import QuietHours

_LOGGER = logging.getLogger(__name__)

NOTIFICATION_ACTION_EVENT: Final = "mobile_app_notification_action"
ACTION_PREFIX: Final = "MDT"
SEPARATOR: Final = "|"
SEND_TIMEOUT: Final = 10.0
CLEAR_COMMAND: Final = "clear_notification"
# Android then shows only the app's name on a locked screen (the companion
# app's `visibility`: public, private or secret); iPhones follow their own
# notification preview setting.
VISIBILITY: Final = "visibility"
VISIBILITY_PRIVATE: Final = "private"
# Where a tap on the notification itself opens Home Assistant: "url" on
# iPhones, "clickAction" on Android; both name the same place in the panel.
LINK_KEYS: Final = ("url", "clickAction")


def panel_link(entry_id: str, view: str) -> str:
    """Return the panel's address for one couple's view, as the phones open it."""
    return f"/{PANEL_URL_PATH}/{view}?couple={entry_id}"


def _opens(entry_id: str, view: str) -> dict[str, str]:
    link = panel_link(entry_id, view)
    return dict.fromkeys(LINK_KEYS, link)


# Messages the companion apps obey instead of showing (besides any `command_…`).
PHONE_COMMANDS: Final = frozenset(
    {
        CLEAR_COMMAND,
        "clear_badge",
        "remove_channel",
        "request_location_update",
        "update_complications",
        "update_widgets",
        "TTS",
    }
)

# The phone dialog of a check-in: three taps, then an optional private note.
# Android shows three actions at most, so every step offers exactly three (or
# two); the choices are the middle of the 1-5 scale, which the dashboard and
# the check_in action offer in full.
CHECKIN_STEPS: Final[dict[str, dict[str, int]]] = {
    "mood": {"low": 2, "okay": 3, "good": 4},
    "connection": {"distant": 2, "okay": 3, "close": 4},
    "stress": {"calm": 2, "some": 3, "high": 4},
}
NOTE_STEP: Final = "note"
CHOICE_NOTE: Final = "note"
CHOICE_DONE: Final = "done"
CHOICE_ANSWER: Final = "answer"
# The first message of a check-in asks whether now suits: the main action
# leads into the scores, or the partner puts the reminder off.
ASK_STEP: Final = "ask"
CHOICE_NOW: Final = "now"
CHOICE_LATER: Final = "later"
CHOICE_NOT_TODAY: Final = "not_today"
SNOOZE_CHOICES: Final = (CHOICE_LATER, CHOICE_NOT_TODAY)
# The tag purpose of the dose-day morning note.
MORNING_PURPOSE: Final = "morning"
# A companion-app button that opens a link instead of answering.
URI_ACTION: Final = "URI"


class Delivery(StrEnum):
    """What became of one message to a phone."""

    SENT = "sent"
    HELD = "held"  # quiet hours; it goes out when they end
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ActionId:
    """Who a notification button belongs to, and what it answers."""

    entry_id: str
    slot: int
    request_id: str
    choice: str

    def encode(self) -> str:
        """Return the id sent to the phone."""
        return SEPARATOR.join(
            (ACTION_PREFIX, self.entry_id, str(self.slot), self.request_id, self.choice)
        )

    @classmethod
    def parse(cls, raw: object) -> ActionId | None:
        """Read an action id; anything not of ours gives None."""
        if not isinstance(raw, str):
            return None
        parts = raw.split(SEPARATOR)
        if len(parts) != 5 or parts[0] != ACTION_PREFIX or parts[2] not in ("1", "2"):
            return None
        return cls(parts[1], int(parts[2]), parts[3], parts[4])


def new_request_id() -> str:
    """Return a short, unguessable id for one notification request."""
    return secrets.token_hex(6)


def is_phone_command(message: str) -> bool:
    """Tell whether the companion app would obey this message instead of showing it."""
    return message in PHONE_COMMANDS or message.startswith("command_")


def notification_tag(entry_id: str, slot: int, purpose: str) -> str:
    """Return the tag that makes a new message of this purpose replace the last."""
    return f"{DOMAIN}_{entry_id}_{slot}_{purpose}"


def text_reply(action: ActionId, title: str, button: str) -> dict[str, str]:
    """Return an action that opens a text field (both companion apps)."""
    return {
        "action": action.encode(),
        "title": title,
        "behavior": "textInput",
        "textInputButtonTitle": button,
    }


class NotificationTexts:
    """The phone messages in Home Assistant's language."""

    def __init__(self, strings: Mapping[str, str]) -> None:
        """Keep the translated strings of the `notification` selector."""
        self._strings = strings

    @classmethod
    async def async_load(cls, hass: HomeAssistant) -> NotificationTexts:
        """Read the translations for the current language."""
        strings = await translation.async_get_translations(
            hass, hass.config.language, "selector", [DOMAIN]
        )
        prefix = f"component.{DOMAIN}.selector.notification.options."
        return cls(
            {
                key.removeprefix(prefix): value
                for key, value in strings.items()
                if key.startswith(prefix)
            }
        )

    def get(self, key: str, **placeholders: str) -> str:
        """Return one text with its placeholders filled."""
        return self._strings.get(key, key).format(**placeholders)


def _tag_of(payload: Mapping[str, Any]) -> str:
    tag: str = payload.get("data", {}).get("tag", "")
    return tag


def clear_payload(tag: str) -> dict[str, Any]:
    """Return the command that removes a notification from the phone."""
    return {"message": CLEAR_COMMAND, "data": {"tag": tag}}


class PhoneChannel:
    """Sends to the partners' phones, holding messages during quiet hours."""

    def __init__(
        self,
        hass: HomeAssistant,
        phones_of: Callable[[int], Sequence[str]],
        on_held_change: Callable[[], None],
        before_release: Callable[
            [int, dict[str, Any]], Awaitable[dict[str, Any] | None]
        ],
    ) -> None:
        """Know how to find a partner's phones (notify actions, no domain).

        The phones are looked up at every send, so a phone registered later
        is reached and one removed is not.
        """
        self._hass = hass
        self._phones_of = phones_of
        # A held message goes out as the couple's settings are when it is
        # released (a reveal held with answers loses them if they were
        # turned off meanwhile), or not at all when it no longer holds (None).
        self._before_release = before_release
        self._on_held_change = on_held_change
        self._held: dict[tuple[int, str], dict[str, Any]] = {}
        self._release_timer: CALLBACK_TYPE | None = None

    def held_as_list(self) -> list[dict[str, Any]]:
        """Return the held messages for the store, so a restart keeps them."""
        return [
            {"slot": slot, "payload": payload}
            for (slot, _tag), payload in self._held.items()
        ]

    @callback
    def async_restore_held(
        self, held: list[dict[str, Any]], quiet_hours: QuietHours
    ) -> None:
        """Hold the stored messages again, released when quiet hours end."""
        for item in held:
            payload = item["payload"]
            self._held[(int(item["slot"]), _tag_of(payload))] = payload
        if self._held:
            release = quiet_hours.release_at(dt_util.now()) or dt_util.now()
            self._arm_release(release)

    async def async_send(
        self, slot: int, payload: dict[str, Any], quiet_hours: QuietHours
    ) -> Delivery:
        """Send now, or hold until quiet hours end; say which happened."""
        tag = _tag_of(payload)
        now = dt_util.now()
        release = quiet_hours.release_at(now)
        if release is not None and payload.get("message") != CLEAR_COMMAND:
            self._held[(slot, tag)] = payload  # a newer one replaces it
            self._arm_release(release)
            self._on_held_change()
            return Delivery.HELD
        if payload.get("message") == CLEAR_COMMAND and self._held.pop(
            (slot, tag), None
        ):
            self._on_held_change()
        return await self._async_deliver(slot, payload)

    async def _async_deliver(self, slot: int, payload: dict[str, Any]) -> Delivery:
        """Send to every phone of the partner; reached if any one was."""
        services = self._phones_of(slot)
        if not services:
            _LOGGER.warning("Partner %s has no companion-app phone to reach", slot)
            return Delivery.FAILED
        reached = [await self._async_deliver_to(name, payload) for name in services]
        return Delivery.SENT if any(reached) else Delivery.FAILED

    async def _async_deliver_to(self, service: str, payload: dict[str, Any]) -> bool:
        """Send one message to one phone; a failure is logged, never raised."""
        try:
            async with asyncio.timeout(SEND_TIMEOUT):
                await self._hass.services.async_call(
                    "notify", service, payload, blocking=True
                )
        except TimeoutError:
            _LOGGER.warning(
                "Could not reach notify.%s: no answer within %s s",
                service,
                SEND_TIMEOUT,
            )
            return False
        except Exception as err:  # noqa: BLE001 - a phone must never stop the couple
            # The error's text could repeat the message; its kind is enough.
            _LOGGER.warning(
                "Could not reach notify.%s: %s", service, type(err).__name__
            )
            return False
        return True

    @callback
    def _arm_release(self, release: datetime) -> None:
        if self._release_timer is not None:
            return
        self._release_timer = async_track_point_in_time(
            self._hass, self._async_release, release
        )

    async def _async_release(self, _now: datetime) -> None:
        self._release_timer = None
        held, self._held = self._held, {}
        self._on_held_change()
        for (slot, _tag), payload in held.items():
            current = await self._before_release(slot, payload)
            if current is not None:
                await self._async_deliver(slot, current)

    @callback
    def async_shutdown(self) -> None:
        """Drop the release timer; the held messages are in the store."""
        if self._release_timer is not None:
            self._release_timer()
            self._release_timer = None


def checkin_step_payload(
    texts: NotificationTexts,
    request: ActionId,
    step: str,
    *,
    partner: str,
    other: str,
) -> dict[str, Any]:
    """Return one step of the check-in dialog for a partner's phone."""
    if step == ASK_STEP:
        actions: list[dict[str, str]] = [
            {
                "action": _with_choice(request, CHOICE_NOW).encode(),
                "title": texts.get("checkin_now"),
            },
            *_snooze_buttons(texts, request),
        ]
    elif step == NOTE_STEP:
        actions = [
            text_reply(
                _with_choice(request, CHOICE_NOTE),
                texts.get("note_add"),
                texts.get("send"),
            ),
            {
                "action": _with_choice(request, CHOICE_DONE).encode(),
                "title": texts.get("note_skip"),
            },
        ]
    else:
        actions = [
            {
                "action": _with_choice(request, choice).encode(),
                "title": texts.get(f"{step}_{choice}"),
            }
            for choice in CHECKIN_STEPS[step]
        ]
    return {
        "title": texts.get("checkin_title", partner=partner),
        "message": texts.get(f"{step}_question", partner=partner, other=other),
        "data": {
            "tag": notification_tag(request.entry_id, request.slot, "checkin"),
            "group": DOMAIN,
            VISIBILITY: VISIBILITY_PRIVATE,
            "actions": actions,
            **_opens(request.entry_id, PANEL_VIEW_CHECK_IN),
        },
    }


def _snooze_buttons(
    texts: NotificationTexts, request: ActionId
) -> list[dict[str, str]]:
    """Return "Later" and "Not today", the two buttons beside a reminder's main one."""
    return [
        {
            "action": _with_choice(request, choice).encode(),
            "title": texts.get(f"snooze_{choice}"),
        }
        for choice in SNOOZE_CHOICES
    ]


def morning_payload(
    texts: NotificationTexts,
    request: ActionId,
    *,
    partner: str,
    intention: str,
    calm: bool,
) -> dict[str, Any]:
    """Return one partner's dose-day morning note.

    The main button opens the panel's dose view, where the dose is logged with
    its amount shown; a button never logs a dose by itself.
    """
    lines = [texts.get("morning_message")]
    if intention:
        lines.append(texts.get("morning_intention", intention=intention))
    if not calm:
        lines.append(texts.get("morning_not_calm"))
    link = panel_link(request.entry_id, PANEL_VIEW_DOSE)
    return {
        "title": texts.get("morning_title", partner=partner),
        "message": "\n".join(lines),
        "data": {
            "tag": notification_tag(request.entry_id, request.slot, MORNING_PURPOSE),
            "group": DOMAIN,
            VISIBILITY: VISIBILITY_PRIVATE,
            "actions": [
                {"action": URI_ACTION, "title": texts.get("morning_open"), "uri": link},
                *_snooze_buttons(texts, request),
            ],
            **_opens(request.entry_id, PANEL_VIEW_DOSE),
        },
    }


def prompt_payload(
    texts: NotificationTexts,
    request: ActionId,
    prompt_text: str,
    *,
    title: str | None = None,
) -> dict[str, Any]:
    """Return tonight's prompt with a text reply for the partner's answer.

    `title` replaces "Tonight's prompt" for a prompt of an occasion.
    """
    return {
        "title": title or texts.get("prompt_title"),
        "message": prompt_text,
        "data": {
            "tag": notification_tag(request.entry_id, request.slot, "prompt"),
            "group": DOMAIN,
            VISIBILITY: VISIBILITY_PRIVATE,
            **_opens(request.entry_id, PANEL_VIEW_PROMPT),
            "actions": [
                text_reply(
                    _with_choice(request, CHOICE_ANSWER),
                    texts.get("prompt_answer"),
                    texts.get("send"),
                )
            ],
        },
    }


def reveal_payload(
    texts: NotificationTexts,
    entry_id: str,
    slot: int,
    *,
    other: str,
    answers: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Tell one partner that both have answered.

    Without `answers` (the default) the push says only that, and the couple
    read both answers in Home Assistant. With `answers` (the other partner's,
    then their own), chosen in the options, the push shows both.
    """
    if answers is None:
        message = texts.get("reveal_message", other=other)
    else:
        other_answer, own_answer = answers
        message = texts.get(
            "reveal_answers_message",
            other=other,
            other_answer=other_answer,
            own=own_answer,
        )
    return {
        "title": texts.get("reveal_title", other=other),
        "message": message,
        "data": {
            "tag": notification_tag(entry_id, slot, "prompt"),
            "group": DOMAIN,
            VISIBILITY: VISIBILITY_PRIVATE,
            **_opens(entry_id, PANEL_VIEW_PROMPT),
        },
    }


def _with_choice(request: ActionId, choice: str) -> ActionId:
    return ActionId(request.entry_id, request.slot, request.request_id, choice)


def plain_payload(
    entry_id: str,
    slot: int,
    purpose: str,
    title: str,
    message: str,
    *,
    opens: str | None = None,
) -> dict[str, Any]:
    """Return one partner's copy of a message without buttons.

    A tap opens the panel's view `opens`, if one is given.
    """
    data: dict[str, Any] = {
        "tag": notification_tag(entry_id, slot, purpose),
        "group": DOMAIN,
        VISIBILITY: VISIBILITY_PRIVATE,
    }
    if opens is not None:
        data |= _opens(entry_id, opens)
    return {"title": title, "message": message, "data": data}


def insights_payload(
    entry_id: str, slot: int, purpose: str, title: str, message: str
) -> dict[str, Any]:
    """Return one partner's copy of a figures message; a tap opens the insights."""
    return plain_payload(
        entry_id, slot, purpose, title, message, opens=PANEL_VIEW_INSIGHTS
    )
