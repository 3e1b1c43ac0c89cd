"""Diagnostics: the settings and counts a maintainer needs, never the couple's life.

Built from an allow-list rather than by redacting a copy of the store: a field
added to the store later cannot leak here by accident. Records, scores, their
times, notes, answers, prompt texts, the intention, names, people, users,
phones, stress keywords, calendars, lights, players, playlists and phone
request ids stay out; where they matter for debugging, only whether they are
there or how many there are is given (each partner: linked to a user, phones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.loader import async_get_integration

from .const import DOMAIN, PARTNER_SLOTS, STORAGE_VERSION
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .core.calm import DEFAULT_KEYWORDS
from .phones import phones_of_user


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: MicrodoseConfigEntry
) -> dict[str, Any]:
    """Return versions, settings, today's phase and counts; nothing personal."""
    coordinator = entry.runtime_data
    integration = await async_get_integration(hass, DOMAIN)
    return {
        "versions": {
            "integration": str(integration.version),
            "config_entry": f"{entry.version}.{entry.minor_version}",
            "store": STORAGE_VERSION,
        },
        "settings": _settings(coordinator),
        "today": _today(coordinator),
        "counts": _counts(coordinator),
        "store_sections": sorted(coordinator.stored),
        "issues": _issues(hass, entry.entry_id),
    }


def _settings(coordinator: MicrodoseCoordinator) -> dict[str, Any]:
    """Return how the couple practises, with chosen entities only counted."""
    settings = coordinator.settings
    practice = settings.practice
    conversation = settings.conversation
    calm = settings.calm
    ritual = coordinator.ritual_settings
    return {
        "partners": [
            {
                "slot": partner.slot,
                "user_linked": partner.linked,
                "phones": len(phones_of_user(coordinator.hass, partner.user_id)),
            }
            for partner in settings.partners
        ],
        "protocol": {
            "preset": practice.preset.value,
            "days_on": practice.days_on,
            "days_off": practice.days_off,
            "weekdays": sorted(practice.weekdays),
            "weeks_on": practice.weeks_on,
            "weeks_off": practice.weeks_off,
            "form": practice.form.value,
            "starting_amount_g": practice.starting_amount_g,
            "ceilings_g": {
                form.value: grams for form, grams in practice.ceilings.items()
            },
            "reminder_time": practice.reminder_time.isoformat(),
        },
        "conversation": {
            "checkin_schedule": conversation.checkin_schedule.value,
            "checkin_time": conversation.checkin_time.isoformat(),
            "themes": sorted(theme.value for theme in conversation.themes),
            "custom_prompts": len(conversation.custom_prompts),
            "quiet_hours": {
                "start": conversation.quiet_hours.start.isoformat(),
                "end": conversation.quiet_hours.end.isoformat(),
            },
        },
        "calm_day": {
            "calendars": len(calm.calendars),
            "busy_minutes": calm.thresholds.busy_minutes,
            "max_events": calm.thresholds.max_events,
            "stressed_at": calm.thresholds.stressed_at,
            "keywords": len(calm.thresholds.keywords),
            "default_keywords": calm.thresholds.keywords == DEFAULT_KEYWORDS,
        },
        "ritual": {
            "lights": len(ritual.lights),
            "areas": len(ritual.areas),
            "media_player": ritual.media_player is not None,
            "media_content": ritual.media_content_id is not None,
            "media_content_type": ritual.media_content_type,
            "brightness_pct": ritual.brightness_pct,
            "color_temp_kelvin": ritual.color_temp_kelvin,
            "transition": ritual.transition,
            "volume": ritual.volume,
            "shuffle": ritual.shuffle,
            "send_prompt": ritual.send_prompt,
            "auto_end_minutes": ritual.auto_end_minutes,
        },
        # Each preset's shape; a name the couple gave stays out.
        "ritual_presets": {
            preset_id: {
                "lights": len(preset.lights),
                "areas": len(preset.areas),
                "media_player": preset.media_player is not None,
                "light_mode": preset.light_mode,
                "music_mode": preset.music_mode,
                "prompt_theme": preset.prompt_theme if preset.send_prompt else None,
                "share_after_minutes": preset.share_after_minutes,
                "end_when_home": preset.end_when_home,
                "auto_end_minutes": preset.auto_end_minutes,
            }
            for preset_id, preset in coordinator.ritual_presets.items()
        },
    }


def _today(coordinator: MicrodoseCoordinator) -> dict[str, Any]:
    """Return where the schedule stands, without dates."""
    snapshot = coordinator.data
    position = snapshot.position
    calm = snapshot.calm
    return {
        "phase": snapshot.phase.value,
        "paused": snapshot.paused,
        "cycle": None
        if position is None
        else {
            "cycle": position.cycle,
            "day": position.day,
            "week": position.week,
            "in_break": position.in_break,
        },
        "calm": None
        if calm is None
        else {"calm": calm.calm, "reasons": [str(reason) for reason in calm.reasons]},
        "calm_override": snapshot.override.value,
        "ritual_active": snapshot.ritual_started is not None,
    }


def _counts(coordinator: MicrodoseCoordinator) -> dict[str, Any]:
    """Return how much is recorded and waiting, per partner where it helps."""
    doses = coordinator.doses.records
    talk = coordinator.conversation
    checkins = talk.checkins.records
    protocol = coordinator.protocol
    requests = Counter(key.partition(":")[2] for key in talk.requests)
    return {
        "doses": _per_partner(record.partner for record in doses),
        "doses_off_protocol": sum(1 for record in doses if record.off_protocol),
        "check_ins": _per_partner(record.partner for record in checkins),
        "prompts": len(talk.prompts),
        "prompts_revealed": sum(1 for shared in talk.prompts if shared.revealed),
        "open_requests": dict(sorted(requests.items())),
        "held_messages": len(coordinator.stored.get("held", [])),
        "intention_set": bool(talk.intention),
        "pauses": len(protocol.pauses),
        "skipped_days": len(protocol.skipped),
        "moved_days": len(protocol.extra),
    }


def _per_partner(partners: Iterable[int]) -> dict[str, int]:
    """Return a total and a count per partner slot."""
    counted = Counter(partners)
    return {"total": sum(counted.values())} | {
        str(slot): counted[slot] for slot in PARTNER_SLOTS
    }


def _issues(hass: HomeAssistant, entry_id: str) -> dict[str, int]:
    """Return this couple's open repairs by kind; their ids name entities."""
    kinds = Counter(
        issue.translation_key or "unknown"
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and entry_id in issue_id
    )
    return dict(sorted(kinds.items()))
