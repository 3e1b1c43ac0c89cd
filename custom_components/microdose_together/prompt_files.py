"""The prompt library in the couple's language, read once from `prompts/`."""

from __future__ import annotations

import json
from pathlib import Path

from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

from .core.prompts import PromptLibrary

PROMPT_DIR = Path(__file__).parent / "prompts"
FALLBACK_LANGUAGE = "en"
_CACHE: HassKey[dict[str, PromptLibrary]] = HassKey("microdose_together_prompts")


def _read(language: str) -> PromptLibrary:
    path = PROMPT_DIR / f"{language}.json"
    if not path.exists():
        path = PROMPT_DIR / f"{FALLBACK_LANGUAGE}.json"
    return PromptLibrary.from_mapping(json.loads(path.read_text(encoding="utf-8")))


async def async_prompt_library(hass: HomeAssistant, language: str) -> PromptLibrary:
    """Return the built-in prompts in `language` (English when not translated)."""
    base = language.split("-", maxsplit=1)[0].lower()
    cache = hass.data.setdefault(_CACHE, {})
    if base not in cache:
        cache[base] = await hass.async_add_executor_job(_read, base)
    return cache[base]
