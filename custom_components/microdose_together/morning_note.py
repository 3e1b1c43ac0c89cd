"""The dose-day morning note on each partner's own phones.

It goes to a partner only on a dose day and only until their dose is logged:
the note opens the panel's dose view (a button never logs a dose), and offers
"Later" and "Not today". Logging the dose closes it and drops a pending "Later".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant

from .core.protocol import Phase
from .core.snooze import Reminder
from .notifications import (
    MORNING_PURPOSE,
    ActionId,
    Delivery,
    NotificationTexts,
    morning_payload,
    new_request_id,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator
    from .dialogue import Conversation


class MorningNote:
    """Sends the morning note and closes it once the dose is logged."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: MicrodoseCoordinator,
        conversation: Conversation,
    ) -> None:
        """Keep the couple; the note's open requests live with the conversation's."""
        self._hass = hass
        self._coordinator = coordinator
        self._conversation = conversation

    async def async_at_reminder_time(self) -> dict[int, Delivery]:
        """Send the note to each partner still to dose who did not rest it today."""
        snoozes = self._conversation.snoozes
        deliveries = {}
        for partner in self._coordinator.settings.partners:
            if snoozes.rests_today(partner.slot, Reminder.MORNING):
                continue
            snoozes.async_drop_later(partner.slot, Reminder.MORNING)
            if (delivery := await self.async_send(partner.slot)) is not None:
                deliveries[partner.slot] = delivery
        return deliveries

    def is_due(self, slot: int) -> bool:
        """Return whether today is a dose day the partner has not dosed yet."""
        today = self._coordinator.today()
        return self._coordinator.protocol.phase(
            today
        ) is Phase.DOSE_DAY and slot not in self._coordinator.doses.dosed_on(today)

    def is_open(self, slot: int) -> bool:
        """Return whether the partner's note of today still stands (held, say)."""
        request = self._conversation.requests.get(f"{slot}:{MORNING_PURPOSE}")
        today = self._coordinator.today().isoformat()
        return request is not None and request.get("day") == today and self.is_due(slot)

    async def async_send(self, slot: int) -> Delivery | None:
        """Send one partner's note (held in quiet hours); None when not due."""
        if not self.is_due(slot):
            return None
        conversation = self._conversation
        request = {"id": new_request_id(), "day": self._coordinator.today().isoformat()}
        conversation.requests[f"{slot}:{MORNING_PURPOSE}"] = request
        conversation.save()
        texts = await NotificationTexts.async_load(self._hass)
        verdict = self._coordinator.calm
        payload = morning_payload(
            texts,
            ActionId(self._coordinator.config_entry.entry_id, slot, request["id"], ""),
            partner=self._coordinator.settings.partner(slot).name,
            intention=conversation.intention,
            calm=verdict is None or verdict.calm,
        )
        return await conversation.phones.async_send(
            slot, payload, self._coordinator.settings.conversation.quiet_hours
        )

    async def async_dose_logged(self, slot: int) -> None:
        """Close the partner's note: nothing more is sent today."""
        conversation = self._conversation
        conversation.snoozes.async_drop_later(slot, Reminder.MORNING)
        if conversation.requests.pop(f"{slot}:{MORNING_PURPOSE}", None) is not None:
            conversation.save()
            await conversation.async_clear_phone(slot, MORNING_PURPOSE)
