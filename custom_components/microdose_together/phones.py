"""A partner's phones: the companion-app devices that belong to their user.

A phone is a `mobile_app` registration; the companion app stamps it with the
user who signed in, and Home Assistant names its notify action after the
device (`notify.mobile_app_<device name>`). Looking the phones up by user
means a new phone is reached as soon as it is registered, a renamed phone
keeps working, and nothing else (a notify group, a persistent notification,
another person's phone) can ever receive a partner's messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.core import HomeAssistant
from homeassistant.util import slugify

MOBILE_APP: str = "mobile_app"
NOTIFY_PREFIX: str = "mobile_app_"


@dataclass(frozen=True, slots=True)
class Phone:
    """One companion-app device of a user."""

    device_name: str
    notify_service: str  # without the `notify.` domain


def phones_of_user(hass: HomeAssistant, user_id: str | None) -> list[Phone]:
    """Return the companion-app phones registered by a user, by name."""
    if user_id is None:
        return []
    phones = {
        Phone(name, f"{NOTIFY_PREFIX}{slugify(name)}")
        for entry in hass.config_entries.async_entries(MOBILE_APP)
        if entry.data.get("user_id") == user_id
        and isinstance(name := entry.data.get("device_name"), str)
        and name
    }
    return sorted(phones, key=lambda phone: phone.notify_service)


def user_of_person(hass: HomeAssistant, person_entity_id: str | None) -> str | None:
    """Return the Home Assistant user a person is, if they have one."""
    state = hass.states.get(person_entity_id) if person_entity_id else None
    if state is None:
        return None
    user_id = state.attributes.get("user_id")
    return user_id if isinstance(user_id, str) and user_id else None
