"""Tests for the prompt library, its files and the choice of the next prompt."""

from __future__ import annotations

from collections import Counter
import json
from pathlib import Path
import re
from typing import Any

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core import prompts as prompts_module
from custom_components.microdose_together.core.prompts import (
    InvalidPromptDataError,
    Occasion,
    Prompt,
    PromptLibrary,
    Theme,
    choose_next,
    next_custom_id,
)

PROMPT_DIR = Path(prompts_module.__file__).resolve().parent.parent / "prompts"
LANGUAGES = ("en", "fi")


def load_file(language: str) -> dict[str, Any]:
    """Read one prompt file as plain JSON."""
    data: dict[str, Any] = json.loads(
        (PROMPT_DIR / f"{language}.json").read_text(encoding="utf-8")
    )
    return data


def make_library(layout: dict[Theme, int]) -> PromptLibrary:
    """Build a library with the given number of prompts per theme."""
    return PromptLibrary(
        tuple(
            Prompt(id=f"{theme.value}_{n}", theme=theme, text=f"{theme} question {n}")
            for theme, count in layout.items()
            for n in range(1, count + 1)
        )
    )


def draw(
    library: PromptLibrary,
    enabled: set[Theme],
    requests: list[Theme | None],
    history: list[str] | None = None,
) -> list[Prompt]:
    """Choose one prompt per request, recording each as sent."""
    sent = list(history or [])
    chosen = []
    for requested in requests:
        prompt = choose_next(library, sent, enabled, requested)
        sent.append(prompt.id)
        chosen.append(prompt)
    return chosen


# --- the prompt files ---------------------------------------------------------------


def test_languages_have_the_same_ids_and_themes() -> None:
    english = load_file("en")["prompts"]
    finnish = load_file("fi")["prompts"]
    assert list(english) == list(finnish)
    for prompt_id, entry in english.items():
        assert finnish[prompt_id]["theme"] == entry["theme"], prompt_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_has_enough_prompts_in_every_theme(language: str) -> None:
    entries = load_file(language)["prompts"]
    per_theme = Counter(entry["theme"] for entry in entries.values())
    occasions = {occasion.value for occasion in Occasion}
    assert len(entries) >= 60
    assert set(per_theme) == {theme.value for theme in Theme} | occasions
    assert min(n for theme, n in per_theme.items() if theme not in occasions) >= 12
    assert min(per_theme[occasion] for occasion in occasions) >= 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_texts_are_present_and_unique(language: str) -> None:
    texts = [entry["text"] for entry in load_file(language)["prompts"].values()]
    assert all(text.strip() == text and text for text in texts)
    assert len({text.casefold() for text in texts}) == len(texts)
    assert all(text.endswith("?") for text in texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_ids_name_their_theme(language: str) -> None:
    for prompt_id, entry in load_file(language)["prompts"].items():
        assert re.fullmatch(rf"{entry['theme']}_\d{{2}}", prompt_id), prompt_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_loads_into_a_library(language: str) -> None:
    data = load_file(language)
    library = PromptLibrary.from_mapping(data)
    assert [prompt.id for prompt in library.prompts] == list(data["prompts"])
    assert library.get("communication_01").theme is Theme.COMMUNICATION


# --- Prompt and PromptLibrary ---------------------------------------------------------


def test_prompt_accepts_a_theme_value_and_stores_the_enum() -> None:
    prompt = Prompt(id="a", theme="gratitude", text="Thanks?")  # type: ignore[arg-type]
    assert prompt.theme is Theme.GRATITUDE


@pytest.mark.parametrize(
    ("prompt_id", "theme", "text"),
    [
        pytest.param("", "gratitude", "Why?", id="empty id"),
        pytest.param("a", "gratitude", "  ", id="blank text"),
        pytest.param("a", "romance", "Why?", id="unknown theme"),
    ],
)
def test_prompt_refuses_invalid_values(prompt_id: str, theme: str, text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        Prompt(id=prompt_id, theme=theme, text=text)  # type: ignore[arg-type]


@given(
    st.builds(
        Prompt,
        id=st.text(min_size=1, max_size=20),
        theme=st.sampled_from(Theme),
        text=st.text(min_size=1, max_size=60).filter(str.strip),
    )
)
def test_prompt_round_trip(prompt: Prompt) -> None:
    data = prompt.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert Prompt.from_dict(data) == prompt


def test_theme_values_are_stored_strings() -> None:
    assert [theme.value for theme in Theme] == [
        "communication",
        "intimacy",
        "trust_letting_go",
        "shared_growth",
        "gratitude",
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param([], id="not a mapping"),
        pytest.param({}, id="no prompts key"),
        pytest.param({"prompts": []}, id="prompts not a mapping"),
        pytest.param({"prompts": {"a_01": "text"}}, id="entry not a mapping"),
        pytest.param({"prompts": {"a_01": {"text": "Why?"}}}, id="no theme"),
        pytest.param(
            {"prompts": {"a_01": {"theme": "romance", "text": "Why?"}}},
            id="unknown theme",
        ),
        pytest.param({"prompts": {"a_01": {"theme": "gratitude"}}}, id="no text"),
        pytest.param(
            {"prompts": {"a_01": {"theme": "gratitude", "text": " "}}},
            id="blank text",
        ),
        pytest.param(
            {"prompts": {"custom_1": {"theme": "gratitude", "text": "Why?"}}},
            id="reserved custom id",
        ),
        pytest.param(
            {"prompts": {1: {"theme": "gratitude", "text": "Why?"}}},
            id="id not a string",
        ),
    ],
)
def test_from_mapping_refuses_bad_data(data: Any) -> None:
    with pytest.raises(InvalidPromptDataError):
        PromptLibrary.from_mapping(data)


def test_invalid_data_is_a_value_error() -> None:
    assert issubclass(InvalidPromptDataError, ValueError)


def test_library_refuses_duplicate_ids() -> None:
    prompt = Prompt(id="a", theme=Theme.TRUST, text="Why?")
    with pytest.raises(ValueError, match="unique"):
        PromptLibrary((prompt, prompt))


def test_lookups() -> None:
    library = make_library({Theme.INTIMACY: 2, Theme.GRATITUDE: 1})
    assert library.get("intimacy_2").text == "intimacy question 2"
    assert library.find("intimacy_2") == library.get("intimacy_2")
    assert library.find("nope") is None
    with pytest.raises(KeyError):
        library.get("nope")
    assert library.ids == frozenset({"intimacy_1", "intimacy_2", "gratitude_1"})
    assert [p.id for p in library.in_theme(Theme.INTIMACY)] == [
        "intimacy_1",
        "intimacy_2",
    ]
    assert library.in_theme(Theme.TRUST) == ()


def test_with_custom_adds_after_the_library_and_leaves_it_unchanged() -> None:
    library = make_library({Theme.GRATITUDE: 2})
    mine = Prompt(id="custom_1", theme=Theme.GRATITUDE, text="Our own question?")
    extended = library.with_custom([mine])
    assert extended.in_theme(Theme.GRATITUDE)[-1] == mine
    assert len(extended.prompts) == 3
    assert "custom_1" not in library.ids


@pytest.mark.parametrize("prompt_id", ["custom", "custom_", "custom_x", "gratitude_3"])
def test_with_custom_needs_custom_ids(prompt_id: str) -> None:
    library = make_library({Theme.GRATITUDE: 2})
    with pytest.raises(ValueError, match="custom_<n>"):
        library.with_custom([Prompt(id=prompt_id, theme=Theme.GRATITUDE, text="Q?")])


def test_with_custom_refuses_a_reused_id() -> None:
    mine = Prompt(id="custom_1", theme=Theme.GRATITUDE, text="Q?")
    library = make_library({Theme.GRATITUDE: 1}).with_custom([mine])
    with pytest.raises(ValueError, match="unique"):
        library.with_custom([mine])


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        pytest.param([], "custom_1", id="first"),
        pytest.param(["custom_1", "custom_3"], "custom_4", id="after the highest"),
        pytest.param(["custom_9", "custom_10"], "custom_11", id="numeric order"),
        pytest.param(["custom_x", "gratitude_01"], "custom_1", id="others ignored"),
    ],
)
def test_next_custom_id(existing: list[str], expected: str) -> None:
    assert next_custom_id(existing) == expected


# --- choose_next: table -------------------------------------------------------------

ALL = set(Theme)
LIBRARY = make_library(
    {
        Theme.COMMUNICATION: 3,
        Theme.INTIMACY: 2,
        Theme.TRUST: 2,
        Theme.SHARED_GROWTH: 1,
        Theme.GRATITUDE: 2,
    }
)


@pytest.mark.parametrize(
    ("history", "enabled", "theme", "expected"),
    [
        pytest.param([], ALL, None, "communication_1", id="fresh start"),
        pytest.param(
            ["communication_1"], ALL, None, "intimacy_1", id="next theme in order"
        ),
        pytest.param(
            ["communication_1", "gratitude_1"],
            ALL,
            None,
            "communication_2",
            id="wraps around after the last theme",
        ),
        pytest.param(
            ["intimacy_1"],
            {Theme.COMMUNICATION, Theme.GRATITUDE},
            None,
            "gratitude_1",
            id="continues after a theme since disabled",
        ),
        pytest.param(
            ["gratitude_1"],
            {Theme.GRATITUDE},
            None,
            "gratitude_2",
            id="single theme stays",
        ),
        pytest.param(
            ["gratitude_1", "gratitude_2"],
            {Theme.GRATITUDE},
            None,
            "gratitude_1",
            id="exhausted theme starts over",
        ),
        pytest.param(
            ["shared_growth_1"],
            {Theme.SHARED_GROWTH},
            None,
            "shared_growth_1",
            id="one-prompt theme repeats only after itself",
        ),
        pytest.param(
            ["communication_2"],
            ALL,
            Theme.COMMUNICATION,
            "communication_1",
            id="requested theme, first unsent in library order",
        ),
        pytest.param(
            ["communication_1", "communication_1", "communication_2"],
            ALL,
            Theme.COMMUNICATION,
            "communication_3",
            id="a repeat does not end the round early",
        ),
        pytest.param(
            ["communication_1", "communication_2", "communication_3", "intimacy_1"],
            ALL,
            Theme.COMMUNICATION,
            "communication_1",
            id="requested theme after exhaustion",
        ),
        pytest.param(
            [
                "communication_1",
                "communication_2",
                "communication_3",
                "communication_2",
            ],
            ALL,
            Theme.COMMUNICATION,
            "communication_1",
            id="second round continues",
        ),
        pytest.param(
            ["communication_1", "gone_1", "custom_7"],
            ALL,
            None,
            "intimacy_1",
            id="unknown ids ignored",
        ),
        pytest.param(
            ["gone_1"], {Theme.TRUST}, None, "trust_letting_go_1", id="only unknown"
        ),
    ],
)
def test_choose_next(
    history: list[str], enabled: set[Theme], theme: Theme | None, expected: str
) -> None:
    assert choose_next(LIBRARY, history, enabled, theme).id == expected


def test_rotation_skips_enabled_themes_without_prompts() -> None:
    library = make_library({Theme.COMMUNICATION: 1, Theme.GRATITUDE: 1})
    enabled = {Theme.COMMUNICATION, Theme.INTIMACY, Theme.GRATITUDE}
    assert choose_next(library, ["communication_1"], enabled).id == "gratitude_1"


@pytest.mark.parametrize(
    ("library", "enabled", "theme", "message"),
    [
        pytest.param(LIBRARY, set(), None, "no enabled theme", id="nothing enabled"),
        pytest.param(
            make_library({Theme.GRATITUDE: 1}),
            {Theme.TRUST},
            None,
            "no enabled theme",
            id="enabled themes are empty",
        ),
        pytest.param(
            LIBRARY,
            {Theme.GRATITUDE},
            Theme.TRUST,
            "not enabled",
            id="requested theme disabled",
        ),
        pytest.param(
            make_library({Theme.GRATITUDE: 1}),
            ALL,
            Theme.TRUST,
            "no prompts",
            id="requested theme empty",
        ),
    ],
)
def test_choose_next_refuses(
    library: PromptLibrary, enabled: set[Theme], theme: Theme | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        choose_next(library, [], enabled, theme)


def test_real_library_first_week() -> None:
    library = PromptLibrary.from_mapping(load_file("en"))
    chosen = draw(library, ALL, [None] * 7)
    assert [prompt.id for prompt in chosen] == [
        "communication_01",
        "intimacy_01",
        "trust_letting_go_01",
        "shared_growth_01",
        "gratitude_01",
        "communication_02",
        "intimacy_02",
    ]


# --- choose_next: properties --------------------------------------------------------

layouts = st.dictionaries(st.sampled_from(Theme), st.integers(1, 4), min_size=1)
theme_sets = st.sets(st.sampled_from(Theme))


def assert_rounds_without_repeats(library: PromptLibrary, chosen: list[Prompt]) -> None:
    """Inside each theme, every round of len(theme) draws covers the whole theme."""
    for theme in Theme:
        theme_ids = [prompt.id for prompt in library.in_theme(theme)]
        picks = [prompt.id for prompt in chosen if prompt.theme == theme]
        for start in range(0, len(picks), len(theme_ids) or 1):
            round_ = picks[start : start + len(theme_ids)]
            assert len(set(round_)) == len(round_), (theme, picks)
            assert round_ == theme_ids[: len(round_)], (theme, picks)


@given(layout=layouts, enabled=theme_sets, count=st.integers(0, 30))
def test_rotation_property(
    layout: dict[Theme, int], enabled: set[Theme], count: int
) -> None:
    library = make_library(layout)
    available = [theme for theme in Theme if theme in enabled and theme in layout]
    if not available:
        with pytest.raises(ValueError, match="no enabled theme"):
            choose_next(library, [], enabled)
        return
    chosen = draw(library, enabled, [None] * count)
    assert [prompt.theme for prompt in chosen] == [
        available[n % len(available)] for n in range(count)
    ]
    assert all(prompt.theme in enabled for prompt in chosen)
    assert_rounds_without_repeats(library, chosen)


@given(
    layout=layouts,
    enabled=theme_sets,
    requests=st.lists(st.none() | st.sampled_from(Theme), max_size=30),
)
def test_requested_themes_never_break_rounds(
    layout: dict[Theme, int], enabled: set[Theme], requests: list[Theme | None]
) -> None:
    library = make_library(layout)
    usable = [
        request
        for request in requests
        if request is None or (request in enabled and request in layout)
    ]
    if not any(theme in enabled for theme in layout):
        usable = [request for request in usable if request is not None]
    chosen = draw(library, enabled, usable)
    assert all(prompt.theme in enabled for prompt in chosen)
    for request, prompt in zip(usable, chosen, strict=True):
        assert request is None or prompt.theme == request
    assert_rounds_without_repeats(library, chosen)


OFF_TOPIC = {
    "en": ("dose", "dosing", "mushroom", "psilocybin", "truffle", "trip", "drug"),
    "fi": ("annos", "sieni", "psilosybiini", "tryffeli", "huume", "trippi"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_prompts_stay_on_the_relationship(language: str) -> None:
    for entry in load_file(language)["prompts"].values():
        words = re.findall(r"\w+", entry["text"].casefold())
        assert not [
            word
            for word in words
            if any(word.startswith(stem) for stem in OFF_TOPIC[language])
        ], entry["text"]
