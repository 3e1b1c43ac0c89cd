"""A partner's phones: the companion-app devices that belong to their user.

A phone is a `mobile_app` registration; the companion app stamps it with the
user who signed in, and Home Assistant names its notify action after the
device (`notify.mobile_app_<device name>`). Looking the phones up by user
means a new phone is reached as soon as it is registered, a renamed phone
keeps working, and nothing else (a notify group, a persistent notification)
receives a partner's messages.

Home Assistant gives an action name to one device only: when two
registrations have names that make the same action, the action reaches the
one registered last, whoever it belongs to, and an explicit target is not
honoured there. So a partner's action is used only while every registration
behind it is that partner's own; otherwise another user's device named like
the partner's phone would receive the partner's messages.
"""

from __future__ import annotations

from dataclasses import dataclass
import logging

from homeassistant.core import HomeAssistant
from homeassistant.util import slugify

_LOGGER = logging.getLogger(__name__)

MOBILE_APP: str = "mobile_app"
NOTIFY_PREFIX: str = "mobile_app_"


@dataclass(frozen=True, slots=True)
class Phone:
    """One companion-app registration of a user."""

    device_name: str
    notify_service: str  # without the `notify.` domain
    webhook_id: str  # the registration's own id


def notify_service_of(device_name: str) -> str:
    """Return the notify action Home Assistant names after a device."""
    return slugify(f"{NOTIFY_PREFIX}{device_name}")


def phones_of_user(hass: HomeAssistant, user_id: str | None) -> list[Phone]:
    """Return the companion-app phones registered by a user, by name."""
    if user_id is None:
        return []
    phones = {
        Phone(name, notify_service_of(name), webhook_id)
        for entry in hass.config_entries.async_entries(MOBILE_APP)
        if entry.data.get("user_id") == user_id
        and isinstance(name := entry.data.get("device_name"), str)
        and name
        and isinstance(webhook_id := entry.data.get("webhook_id"), str)
        and webhook_id
    }
    return sorted(phones, key=lambda phone: (phone.notify_service, phone.webhook_id))


def private_notify_services(hass: HomeAssistant, user_id: str | None) -> list[str]:
    """Return the notify actions that reach this user's phones and no one else's.

    An action shared by name with a device of anyone else is left out, and
    a warning says so, until that device is renamed or removed.
    """
    owners: dict[str, set[object]] = {}
    for entry in hass.config_entries.async_entries(MOBILE_APP):
        name = entry.data.get("device_name")
        if isinstance(name, str):
            owners.setdefault(notify_service_of(name), set()).add(
                entry.data.get("user_id")
            )
    services: list[str] = []
    for service in sorted({p.notify_service for p in phones_of_user(hass, user_id)}):
        if owners[service] == {user_id}:
            services.append(service)
        else:
            _LOGGER.warning(
                "Not sending to notify.%s: another user's companion-app device "
                "has a name that makes the same action; rename one of them",
                service,
            )
    return services


def user_of_person(hass: HomeAssistant, person_entity_id: str | None) -> str | None:
    """Return the Home Assistant user a person is, if they have one."""
    state = hass.states.get(person_entity_id) if person_entity_id else None
    if state is None:
        return None
    user_id = state.attributes.get("user_id")
    return user_id if isinstance(user_id, str) and user_id else None
