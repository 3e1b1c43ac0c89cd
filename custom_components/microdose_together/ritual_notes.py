"""The journaling preset's gentle note: share one line with each other.

The same plain words go to both partners' own phones; they carry nothing
either of them wrote. The note belongs to the moment, so in quiet hours it is
left out rather than held until the morning.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from .const import DOMAIN, NOTIFY_RITUAL_SHARE, PARTNER_SLOTS
from .core.checkins import other_partner
from .notifications import (
    VISIBILITY,
    VISIBILITY_PRIVATE,
    Delivery,
    NotificationTexts,
    notification_tag,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)


def share_note_payload(
    texts: NotificationTexts, entry_id: str, slot: int, *, other: str
) -> dict[str, Any]:
    """Return one partner's copy of the note."""
    return {
        "title": texts.get("ritual_share_title"),
        "message": texts.get("ritual_share_message", other=other),
        "data": {
            "tag": notification_tag(entry_id, slot, NOTIFY_RITUAL_SHARE),
            "group": DOMAIN,
            VISIBILITY: VISIBILITY_PRIVATE,
        },
    }


async def async_send_share_note(
    coordinator: MicrodoseCoordinator,
) -> dict[int, Delivery]:
    """Send the note to both partners now; nothing in quiet hours."""
    settings = coordinator.settings
    if settings.conversation.quiet_hours.release_at(dt_util.now()) is not None:
        _LOGGER.debug("Quiet hours: the share-one-line note is left out")
        return {}
    texts = await NotificationTexts.async_load(coordinator.hass)
    entry_id = coordinator.config_entry.entry_id
    phones = coordinator.conversation.phones
    sends = [
        phones.async_send(
            slot,
            share_note_payload(
                texts, entry_id, slot, other=settings.partner(other_partner(slot)).name
            ),
            settings.conversation.quiet_hours,
        )
        for slot in PARTNER_SLOTS
    ]
    return dict(zip(PARTNER_SLOTS, await asyncio.gather(*sends), strict=True))
