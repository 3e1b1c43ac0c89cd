"""The cycle review when a tolerance break begins: its figures, and a shared prompt.

Both phones get the cycle's numbers in plain words (how often each partner
checked in, their mood and connection on dose days beside rest days), said as
an association, never a cause. Then the review's prompt goes out as the day's
shared prompt, through the same hidden-until-both answers as the evening one.
The bus event carries the numbers only. Quiet hours hold the messages as they
hold every other one, across a restart too.

It is sent on the break's first day: at midnight, or when Home Assistant
starts that day (it may have been off at midnight). It goes out once per cycle:
the store keeps the cycle it was sent for, so a restart or a reload that day
sends nothing twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Final

from .const import NOTIFY_CYCLE_REVIEW, PARTNER_SLOTS
from .core.cycle_review import CycleReview, PartnerReview, review_at_break
from .core.insights import MIN_DAYS_PER_GROUP
from .core.prompts import Occasion
from .notifications import (
    NotificationTexts,
    insights_payload,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

_LOGGER = logging.getLogger(__name__)

EVENT_CYCLE_REVIEW: Final = "cycle_review"
# In the store: the cycle (number and first day) the last review was sent for.
STORE_KEY: Final = "cycle_review"


def _number(texts: NotificationTexts, value: float) -> str:
    """Return a mean with one decimal, written as the home's language writes it."""
    return f"{value:.1f}".replace(".", texts.get("decimal_point"))


def _partner_lines(
    texts: NotificationTexts, name: str, review: PartnerReview, days: int
) -> str:
    checked = texts.get(
        "cycle_review_checked_in",
        partner=name,
        checked=str(review.checked_in_days),
        days=str(days),
    )
    counts = {"dose_days": str(review.dose_days), "rest_days": str(review.rest_days)}
    dose, rest = review.dose_day_means, review.rest_day_means
    if dose is None or rest is None:
        figures = texts.get(
            "cycle_review_not_enough", needed=str(MIN_DAYS_PER_GROUP), **counts
        )
    else:
        figures = texts.get(
            "cycle_review_means",
            dose_mood=_number(texts, dose["mood"]),
            dose_connection=_number(texts, dose["connection"]),
            rest_mood=_number(texts, rest["mood"]),
            rest_connection=_number(texts, rest["connection"]),
            **counts,
        )
    return f"{checked} {figures}"


def review_message(
    texts: NotificationTexts, review: CycleReview, names: dict[int, str]
) -> str:
    """Return the cycle's figures in plain words: names and numbers, nothing else."""
    cycle, days = str(review.cycle), str(review.days)
    parts = [texts.get("cycle_review_intro", cycle=cycle, days=days)]
    parts += [
        _partner_lines(texts, names[slot], review.partners[slot], review.days)
        for slot in PARTNER_SLOTS
    ]
    parts.append(texts.get("cycle_review_association"))
    return "\n\n".join(parts)


def review_payload(
    texts: NotificationTexts, entry_id: str, slot: int, review: CycleReview, text: str
) -> dict[str, Any]:
    """Return one partner's copy of the review; a tap opens the couple's insights."""
    title = texts.get("cycle_review_title", cycle=str(review.cycle))
    return insights_payload(entry_id, slot, NOTIFY_CYCLE_REVIEW, title, text)


def _sent_for(review: CycleReview) -> dict[str, Any]:
    return {"cycle": review.cycle, "start": review.start.isoformat()}


async def async_review_cycle(coordinator: MicrodoseCoordinator) -> CycleReview | None:
    """Send the review of the cycle whose break begins today, unless it was sent.

    Returns the review sent, or None when there was none to send.
    """
    hass = coordinator.hass
    conversation = coordinator.conversation
    review = review_at_break(
        coordinator.protocol,
        conversation.checkins.records,
        coordinator.doses.records,
        coordinator.today(),
    )
    if review is None or coordinator.stored.get(STORE_KEY) == _sent_for(review):
        return None
    coordinator.stored[STORE_KEY] = _sent_for(review)
    coordinator.store.schedule_save()  # kept before the phones are told
    coordinator.fire(EVENT_CYCLE_REVIEW, review.as_dict())
    texts = await NotificationTexts.async_load(hass)
    settings = coordinator.settings
    names = {slot: settings.partner(slot).name for slot in PARTNER_SLOTS}
    text = review_message(texts, review, names)
    entry_id = coordinator.config_entry.entry_id
    quiet_hours = settings.conversation.quiet_hours
    await asyncio.gather(
        *(
            conversation.phones.async_send(
                slot, review_payload(texts, entry_id, slot, review, text), quiet_hours
            )
            for slot in PARTNER_SLOTS
        )
    )
    try:
        await conversation.async_send_occasion_prompt(Occasion.CYCLE_REVIEW)
    except ValueError:
        _LOGGER.warning("No cycle-review prompt in the library; sent the figures only")
    return review
