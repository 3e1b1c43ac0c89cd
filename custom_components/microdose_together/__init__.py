"""Microdose Together: a couple's shared microdosing practice in Home Assistant."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import Platform
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .entity import couple_device_info, partner_device_info
from .entity_issues import async_delete_couple_issues
from .flow_schemas import couple_unique_id, unique_id_taken
from .intents import async_setup_intents
from .notifications import NOTIFICATION_ACTION_EVENT, ActionId
from .panel import async_register_panel, async_remove_panel, async_serve_panel_files
from .repairs import async_sync_link_issue
from .ritual_presets import presets_from_options
from .ritual_settings import RitualSettings
from .services import async_setup_services
from .settings import parse_settings
from .store import CoupleStore
from .websocket_api import async_register_commands
from .websocket_panel import signal_today_changed

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SCENE,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TEXT,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, websocket commands and voice intents once, for all."""
    async_setup_services(hass)
    async_register_commands(hass)
    async_setup_intents(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> bool:
    """Load one couple's history and bring up its entities."""
    coordinator = MicrodoseCoordinator(hass, entry)
    # Both wait on the disk: the panel's folder is checked while the history loads.
    serving = entry.async_create_task(hass, async_serve_panel_files(hass), "panel")
    await coordinator.async_setup()
    await serving
    entry.runtime_data = coordinator
    _register_devices(hass, entry)
    async_sync_link_issue(hass, entry.entry_id, coordinator.settings)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    today_changed = signal_today_changed(entry.entry_id)
    entry.async_on_unload(
        coordinator.async_add_listener(
            partial(async_dispatcher_send, hass, today_changed)
        )
    )
    entry.async_on_unload(
        hass.bus.async_listen(
            NOTIFICATION_ACTION_EVENT,
            partial(_async_phone_action, coordinator),
            event_filter=partial(_is_ours, entry.entry_id),
        )
    )
    await async_register_panel(hass)
    async_dispatcher_send(hass, today_changed)  # open panels catch up after a reload
    return True


@callback
def _is_ours(entry_id: str, event_data: Mapping[str, Any]) -> bool:
    """Let through only taps on this couple's notifications."""
    action = ActionId.parse(event_data.get("action"))
    return action is not None and action.entry_id == entry_id


async def _async_phone_action(
    coordinator: MicrodoseCoordinator, event: Event[Mapping[str, Any]]
) -> None:
    """Hand a tap or text reply, with the user who made it, to the coordinator.

    The companion app fires the event in its signed-in user's context; that
    user, not anything in the event's data, says whose tap it is.
    """
    action = ActionId.parse(event.data.get("action"))
    if action is not None:
        reply = event.data.get("reply_text")
        await coordinator.conversation.async_handle_phone_action(
            action, reply if isinstance(reply, str) else None, event.context.user_id
        )


async def async_migrate_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> bool:
    """Bring an older couple up to date; refuse one saved by a newer release.

    1.2: the unique id names the phones' mobile_app devices instead of their
    notify actions, which change when a phone is renamed. If another couple
    already holds the new id, this one keeps its old id rather than clash.
    1.3: each partner is a Home Assistant user; an older couple has none
    until the repair raised at setup links them, and until then nothing
    private is readable and no phone is reached.
    """
    if entry.version > 1:
        return False
    if entry.minor_version < 2:
        unique_id = couple_unique_id(hass, entry.data)
        taken = unique_id_taken(hass, unique_id, entry.entry_id)
        hass.config_entries.async_update_entry(
            entry,
            unique_id=entry.unique_id if taken else unique_id,
            minor_version=2,
        )
    if entry.minor_version < 3:  # partners became users: the repair links them
        hass.config_entries.async_update_entry(entry, minor_version=3)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> bool:
    """Unload the entities and write anything still pending."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.store.async_flush()
        if not any(
            other.state is ConfigEntryState.LOADED
            for other in hass.config_entries.async_entries(DOMAIN)
            if other.entry_id != entry.entry_id
        ):
            async_remove_panel(hass)
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> None:
    """Delete the couple's file and repairs when the couple is removed."""
    await CoupleStore(hass, entry.entry_id).async_remove()
    async_delete_couple_issues(hass, entry.entry_id)


async def _async_entry_updated(
    hass: HomeAssistant, entry: MicrodoseConfigEntry
) -> None:
    """Apply new options in place; new names or phones reload the couple.

    Options only change how the couple practises, so applying them in place
    keeps every entity available (no "became unavailable" in the logbook).
    Names and phones name the devices and entities and route the messages, so
    a reconfigure reloads (the history is in the store); so does adding,
    renaming or removing a ritual preset, which is a scene of its own.
    """
    coordinator = entry.runtime_data
    people = parse_settings(entry.data, entry.options)
    current = coordinator.settings
    scenes = _scene_names(presets_from_options(entry.options))
    if (people.couple_name, people.partners, scenes) == (
        current.couple_name,
        current.partners,
        _scene_names(coordinator.ritual_presets),
    ):
        await coordinator.async_apply_options()
        return
    await hass.config_entries.async_reload(entry.entry_id)


def _scene_names(presets: Mapping[str, RitualSettings]) -> dict[str, str]:
    return {preset_id: preset.name for preset_id, preset in presets.items()}


def _register_devices(hass: HomeAssistant, entry: MicrodoseConfigEntry) -> None:
    """Create the couple's device and one per partner, linked to the couple's."""
    registry = dr.async_get(hass)
    settings = entry.runtime_data.settings
    couple = registry.async_get_or_create(
        config_entry_id=entry.entry_id, **couple_device_info(entry.entry_id, settings)
    )
    for partner in settings.partners:
        device = registry.async_get_or_create(
            config_entry_id=entry.entry_id,
            **partner_device_info(entry.entry_id, settings, partner.slot),
        )
        if device.via_device_id != couple.id:
            registry.async_update_device(device.id, via_device_id=couple.id)
