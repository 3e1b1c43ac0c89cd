"""Who is calling: a partner, an automation, or someone else.

Every action, websocket command and phone tap carries the Home Assistant
user who made it (`context.user_id`); that, not a `partner` field, decides
whose words these are. A user may act only as their own partner slot, admins
included. A call without a user (an automation, a blueprint) may do what
carries no private text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import Context
from homeassistant.exceptions import ServiceValidationError

from .const import DOMAIN

if TYPE_CHECKING:
    from .settings import CoupleSettings


def ensure_acts_as(settings: CoupleSettings, context: Context, slot: int) -> None:
    """Refuse a signed-in user who is not the partner in `slot`."""
    user_id = context.user_id
    if user_id is None or settings.partner(slot).user_id == user_id:
        return
    if settings.slot_of_user(user_id) is None:
        raise not_in_couple_error(settings)
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="not_your_partner_slot",
        translation_placeholders={"partner_name": settings.partner(slot).name},
    )


def ensure_in_couple(settings: CoupleSettings, context: Context) -> None:
    """Refuse a signed-in user who is neither partner; automations may go on."""
    if context.user_id is not None and settings.slot_of_user(context.user_id) is None:
        raise not_in_couple_error(settings)


def partner_slot(settings: CoupleSettings, user_id: str | None) -> int:
    """Return the caller's own slot for private text, or refuse.

    Private text is only ever read or written by its owner, so a call
    without a user (an automation) is refused here too.
    """
    slot = settings.slot_of_user(user_id)
    if slot is None:
        raise not_in_couple_error(settings)
    return slot


def not_in_couple_error(settings: CoupleSettings) -> ServiceValidationError:
    """Return the refusal for someone who is not one of the couple."""
    if not settings.linked:
        return ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="partners_not_linked",
            translation_placeholders={"couple": settings.couple_name},
        )
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="not_in_couple",
        translation_placeholders={"couple": settings.couple_name},
    )
