"""The reflection prompt library and the choice of the next prompt.

Prompts are grouped in themes. The next prompt rotates through the couple's enabled
themes, and inside a theme never repeats until every prompt of that theme was sent,
so the evening question always feels fresh.

A few prompts belong to a moment of the practice instead (an occasion, such as
the review when a tolerance break begins); they never join the rotation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
import re
from typing import Any, Self

CUSTOM_PREFIX = "custom_"
_CUSTOM_ID = re.compile(rf"{CUSTOM_PREFIX}[0-9]+")


class Theme(StrEnum):
    """Themes of the practice, in rotation order."""

    COMMUNICATION = "communication"
    INTIMACY = "intimacy"
    TRUST = "trust_letting_go"
    SHARED_GROWTH = "shared_growth"
    GRATITUDE = "gratitude"


THEME_ORDER: tuple[Theme, ...] = tuple(Theme)


class Occasion(StrEnum):
    """Moments of the practice with prompts of their own, outside the rotation."""

    CYCLE_REVIEW = "cycle_review"
    # The ritual presets' own moments: writing side by side, walking together.
    JOURNALING = "journaling"
    WALK = "walk"


type PromptTheme = Theme | Occasion


def theme_of(value: str) -> PromptTheme:
    """Return the theme or occasion named by a stored value.

    Raises:
        ValueError: the value names neither.
    """
    return Occasion(value) if value in Occasion else Theme(value)


class InvalidPromptDataError(ValueError):
    """A prompt file does not have the expected structure."""


@dataclass(frozen=True, slots=True)
class Prompt:
    """One reflection question both partners answer separately."""

    id: str
    theme: PromptTheme
    text: str

    def __post_init__(self) -> None:
        """Refuse blank prompts and unknown themes; accept a theme's plain value."""
        if not self.id:
            raise ValueError("prompt id must not be empty")
        if not self.text.strip():
            raise ValueError(f"prompt {self.id!r} has no text")
        object.__setattr__(self, "theme", theme_of(self.theme))

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-serialisable data, used to store custom prompts."""
        return {"id": self.id, "theme": self.theme.value, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a prompt from `as_dict` data."""
        return cls(id=data["id"], theme=theme_of(data["theme"]), text=data["text"])


@dataclass(frozen=True)
class PromptLibrary:
    """An ordered, immutable set of prompts with unique ids."""

    prompts: tuple[Prompt, ...]

    def __post_init__(self) -> None:
        """Refuse duplicate ids, which would make history ambiguous."""
        if len(self._by_id) != len(self.prompts):
            raise ValueError("prompt ids must be unique")

    @cached_property
    def _by_id(self) -> dict[str, Prompt]:
        """Index the prompts by id for quick look-ups."""
        return {prompt.id: prompt for prompt in self.prompts}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PromptLibrary:
        """Build a library from a prompt file's parsed JSON.

        The structure is `{"prompts": {"<id>": {"theme": ..., "text": ...}}}`; the
        file order is kept. Ids starting with `custom_` are reserved for the couple's
        own prompts.

        Raises:
            InvalidPromptDataError: the data does not have that structure.
            ValueError: two prompts share an id.
        """
        entries = data.get("prompts") if isinstance(data, Mapping) else None
        if not isinstance(entries, Mapping):
            raise InvalidPromptDataError("prompt data needs a 'prompts' mapping")
        return cls(tuple(_parse_entry(key, value) for key, value in entries.items()))

    def with_custom(self, custom: Iterable[Prompt]) -> PromptLibrary:
        """Return a library with the couple's own prompts added after the others.

        Raises:
            ValueError: a custom prompt's id is not `custom_<n>` or is already used.
        """
        extra = tuple(custom)
        for prompt in extra:
            if not _CUSTOM_ID.fullmatch(prompt.id):
                raise ValueError(f"custom prompt id {prompt.id!r} is not custom_<n>")
        return PromptLibrary(self.prompts + extra)

    def get(self, prompt_id: str) -> Prompt:
        """Return the prompt with this id.

        Raises:
            KeyError: no prompt has this id.
        """
        return self._by_id[prompt_id]

    def find(self, prompt_id: str) -> Prompt | None:
        """Return the prompt with this id, or None when it is no longer there."""
        return self._by_id.get(prompt_id)

    def in_theme(self, theme: PromptTheme) -> tuple[Prompt, ...]:
        """Return the prompts of a theme (or an occasion) in library order."""
        return tuple(prompt for prompt in self.prompts if prompt.theme == theme)

    @property
    def ids(self) -> frozenset[str]:
        """Return every prompt id in the library."""
        return frozenset(self._by_id)


def _parse_entry(prompt_id: object, entry: object) -> Prompt:
    """Turn one `"<id>": {"theme", "text"}` entry into a prompt."""
    if not isinstance(prompt_id, str) or prompt_id.startswith(CUSTOM_PREFIX):
        raise InvalidPromptDataError(f"invalid prompt id {prompt_id!r}")
    if not isinstance(entry, Mapping):
        raise InvalidPromptDataError(f"prompt {prompt_id!r} must be a mapping")
    theme = entry.get("theme")
    if not isinstance(theme, str) or (theme not in Theme and theme not in Occasion):
        raise InvalidPromptDataError(f"prompt {prompt_id!r} has no known theme")
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidPromptDataError(f"prompt {prompt_id!r} needs a text")
    return Prompt(id=prompt_id, theme=theme_of(theme), text=text)


def next_custom_id(existing: Iterable[str]) -> str:
    """Return the next free `custom_<n>` id, never reusing a number in use."""
    numbers = [
        int(prompt_id.removeprefix(CUSTOM_PREFIX))
        for prompt_id in existing
        if _CUSTOM_ID.fullmatch(prompt_id)
    ]
    return f"{CUSTOM_PREFIX}{max(numbers, default=0) + 1}"


def choose_next(
    library: PromptLibrary,
    history: Sequence[str],
    enabled: Collection[Theme],
    theme: Theme | None = None,
) -> Prompt:
    """Choose the next prompt to send.

    Args:
        library: the prompts to choose from.
        history: ids of prompts already sent, oldest first; unknown ids are ignored.
        enabled: the themes the couple wants.
        theme: a theme asked for explicitly; otherwise the themes take turns.

    Raises:
        ValueError: no enabled theme has prompts, or the requested theme is
            disabled or has none.
    """
    if theme is None:
        theme = _next_theme(library, history, enabled)
    elif theme not in enabled:
        raise ValueError(f"theme {theme!r} is not enabled")
    candidates = library.in_theme(theme)
    if not candidates:
        raise ValueError(f"theme {theme!r} has no prompts")
    return _next_in_theme(candidates, history)


def choose_for_occasion(
    library: PromptLibrary, history: Sequence[str], occasion: Occasion
) -> Prompt:
    """Choose the occasion's next prompt, without repeats until all were sent.

    Raises:
        ValueError: the library has no prompt for this occasion.
    """
    candidates = library.in_theme(occasion)
    if not candidates:
        raise ValueError(f"occasion {occasion!r} has no prompts")
    return _next_in_theme(candidates, history)


def _next_theme(
    library: PromptLibrary, history: Sequence[str], enabled: Collection[Theme]
) -> Theme:
    """Return the enabled theme after the one last sent, in `Theme` order."""
    available = [t for t in THEME_ORDER if t in enabled and library.in_theme(t)]
    if not available:
        raise ValueError("no enabled theme has prompts")
    last = _last_theme(library, history)
    if last is None:
        return available[0]
    start = THEME_ORDER.index(last) + 1
    rotated = THEME_ORDER[start:] + THEME_ORDER[:start]
    return next(candidate for candidate in rotated if candidate in available)


def _last_theme(library: PromptLibrary, history: Sequence[str]) -> Theme | None:
    """Return the theme of the most recent rotation prompt still in the library.

    An occasion's prompt (a cycle review) leaves the rotation where it was.
    """
    for prompt_id in reversed(history):
        prompt = library.find(prompt_id)
        if prompt is not None and isinstance(prompt.theme, Theme):
            return prompt.theme
    return None


def _next_in_theme(candidates: tuple[Prompt, ...], history: Sequence[str]) -> Prompt:
    """Return the first prompt not sent since the theme was last exhausted."""
    theme_ids = {prompt.id for prompt in candidates}
    sent: set[str] = set()
    for prompt_id in history:
        if prompt_id in theme_ids:
            sent.add(prompt_id)
            if sent == theme_ids:
                sent.clear()
    return next(prompt for prompt in candidates if prompt.id not in sent)
