"""The prompt library in the couple's language, read once per process from `prompts/`.

The files ship with the integration and never change while Home Assistant
runs, so a reload, an options save or a second couple reuse the parsed library
instead of reading and parsing the file again.
"""

from __future__ import annotations

import json
from pathlib import Path

from homeassistant.core import HomeAssistant

from .core.prompts import PromptLibrary

PROMPT_DIR = Path(__file__).parent / "prompts"
FALLBACK_LANGUAGE = "en"
_LIBRARIES: dict[str, PromptLibrary] = {}


def _read(language: str) -> PromptLibrary:
    path = PROMPT_DIR / f"{language}.json"
    if not path.exists():
        path = PROMPT_DIR / f"{FALLBACK_LANGUAGE}.json"
    return PromptLibrary.from_mapping(json.loads(path.read_text(encoding="utf-8")))


async def async_prompt_library(hass: HomeAssistant, language: str) -> PromptLibrary:
    """Return the built-in prompts in `language` (English when not translated)."""
    base = language.split("-", maxsplit=1)[0].lower()
    if (library := _LIBRARIES.get(base)) is None:
        library = await hass.async_add_executor_job(_read, base)
        _LIBRARIES[base] = library
    return library
