"""What the voice intents say, in the language of the request.

The sentences live in `voice_strings/` beside this module; a refusal from an
action speaks its own translated text, so the voice and the action explain a
refusal in the same words.
"""

from __future__ import annotations

from datetime import date, timedelta
import json
from pathlib import Path

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import translation

from .const import DOMAIN

VOICE_DIR = Path(__file__).parent / "voice_strings"
FALLBACK_LANGUAGE = "en"
_STRINGS: dict[str, dict[str, str]] = {}


class VoiceRefusalError(Exception):
    """A refusal only the voice has (no couple to act for); nothing changed."""

    def __init__(self, key: str) -> None:
        """Name the sentence that explains the refusal."""
        super().__init__(key)
        self.key = key


def base_language(language: str) -> str:
    """Return "fi" for "fi-FI": the strings are per language, not per region."""
    return language.split("-", maxsplit=1)[0].lower()


def _read(language: str) -> dict[str, str]:
    path = VOICE_DIR / f"{language}.json"
    if not path.exists():
        path = VOICE_DIR / f"{FALLBACK_LANGUAGE}.json"
    strings: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return strings


async def async_voice_strings(hass: HomeAssistant, language: str) -> dict[str, str]:
    """Return the voice sentences in `language` (English when not translated)."""
    base = base_language(language)
    if (strings := _STRINGS.get(base)) is None:
        strings = await hass.async_add_executor_job(_read, base)
        _STRINGS[base] = strings
    return strings


def spoken_day(strings: dict[str, str], day: date, today: date) -> str:
    """Say a day the way people do: today, tomorrow, or its weekday and date."""
    if day == today:
        return strings["today"]
    if day == today + timedelta(days=1):
        return strings["tomorrow"]
    return strings["date"].format(
        weekday=strings["weekdays"].split(",")[day.weekday()],
        day=day.day,
        month=strings["months"].split(",")[day.month - 1],
    )


async def async_refusal_text(hass: HomeAssistant, language: str, err: Exception) -> str:
    """Return the words for a refusal in the request's language."""
    strings = await async_voice_strings(hass, language)
    if isinstance(err, VoiceRefusalError):
        return strings[err.key]
    if isinstance(err, HomeAssistantError) and err.translation_key is not None:
        messages = await translation.async_get_translations(
            hass, base_language(language), "exceptions", [DOMAIN]
        )
        message = messages.get(
            f"component.{DOMAIN}.exceptions.{err.translation_key}.message"
        )
        if message is not None:
            return message.format(**(err.translation_placeholders or {}))
    return strings["went_wrong"]
