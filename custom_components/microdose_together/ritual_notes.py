"""The words a ritual's moment sends: its question, and "share one line".

Journaling and the walk each bring a question to both partners' own phones,
to write about or talk over together. It is not tonight's prompt: nothing is
answered on the phone, and tonight's prompt and any answer already given to
it stay as they were. Journaling's gentle note later asks to share one line
with each other. Both carry nothing either partner wrote, and both belong to
the moment, so in quiet hours they are left out rather than held until the
morning.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import logging
from typing import TYPE_CHECKING, Any, Final

from homeassistant.util import dt as dt_util

from .const import NOTIFY_RITUAL_QUESTION, NOTIFY_RITUAL_SHARE, PARTNER_SLOTS
from .core.checkins import other_partner
from .core.prompts import Occasion, choose_for_occasion
from .notifications import Delivery, NotificationTexts, plain_payload

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

# In the store: the questions the moments asked, latest last, so that each
# moment goes through its questions before one comes again.
ASKED_KEY: Final = "ritual_questions_asked"
ASKED_KEPT: Final = 50


def share_note_payload(
    texts: NotificationTexts, entry_id: str, slot: int, *, other: str
) -> dict[str, Any]:
    """Return one partner's copy of the note."""
    return plain_payload(
        entry_id,
        slot,
        NOTIFY_RITUAL_SHARE,
        texts.get("ritual_share_title"),
        texts.get("ritual_share_message", other=other),
    )


async def async_send_share_note(
    coordinator: MicrodoseCoordinator,
) -> dict[int, Delivery]:
    """Send the note to both partners now; nothing in quiet hours."""
    texts = await NotificationTexts.async_load(coordinator.hass)
    settings = coordinator.settings
    return await _async_send_to_both(
        coordinator,
        "the share-one-line note",
        lambda slot: share_note_payload(
            texts,
            coordinator.config_entry.entry_id,
            slot,
            other=settings.partner(other_partner(slot)).name,
        ),
    )


async def async_send_moment_question(
    coordinator: MicrodoseCoordinator, occasion: Occasion
) -> dict[int, Delivery]:
    """Send journaling's or the walk's question to both; nothing in quiet hours.

    Raises ValueError when the prompt library has no question for the moment.
    """
    library = coordinator.conversation.library
    asked = _asked(coordinator.stored.get(ASKED_KEY))
    question = choose_for_occasion(library, asked, occasion)
    texts = await NotificationTexts.async_load(coordinator.hass)
    title = texts.get(f"{occasion.value}_prompt_title")
    deliveries = await _async_send_to_both(
        coordinator,
        "the moment's question",
        lambda slot: plain_payload(
            coordinator.config_entry.entry_id,
            slot,
            NOTIFY_RITUAL_QUESTION,
            title,
            question.text,
        ),
    )
    if deliveries:
        coordinator.stored[ASKED_KEY] = [*asked, question.id][-ASKED_KEPT:]
    return deliveries


async def _async_send_to_both(
    coordinator: MicrodoseCoordinator,
    what: str,
    payload: Callable[[int], dict[str, Any]],
) -> dict[int, Delivery]:
    settings = coordinator.settings
    quiet_hours = settings.conversation.quiet_hours
    if quiet_hours.release_at(dt_util.now()) is not None:
        _LOGGER.debug("Quiet hours: %s is left out", what)
        return {}
    phones = coordinator.conversation.phones
    sends = [
        phones.async_send(slot, payload(slot), quiet_hours) for slot in PARTNER_SLOTS
    ]
    return dict(zip(PARTNER_SLOTS, await asyncio.gather(*sends), strict=True))


def _asked(stored: object) -> list[str]:
    """Return the stored question ids, leaving out anything malformed."""
    if not isinstance(stored, list):
        return []
    return [str(prompt_id) for prompt_id in stored if isinstance(prompt_id, str)]
