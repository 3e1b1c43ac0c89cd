"""Tests for the prompts of an occasion (the cycle review), kept out of the rotation."""

from __future__ import annotations

import pytest

from custom_components.microdose_together.core.prompts import (
    Occasion,
    Prompt,
    PromptLibrary,
    Theme,
    choose_for_occasion,
    choose_next,
    theme_of,
)

ALL = set(Theme)


def library() -> PromptLibrary:
    return PromptLibrary.from_mapping(
        {
            "prompts": {
                "communication_01": {"theme": "communication", "text": "Said?"},
                "intimacy_01": {"theme": "intimacy", "text": "Close?"},
                "cycle_review_01": {"theme": "cycle_review", "text": "Changed?"},
                "cycle_review_02": {"theme": "cycle_review", "text": "Kept?"},
            }
        }
    )


def test_an_occasion_is_read_from_the_file_and_stored_by_value() -> None:
    prompt = library().get("cycle_review_01")
    assert prompt.theme is Occasion.CYCLE_REVIEW
    assert Prompt.from_dict(prompt.as_dict()) == prompt
    assert prompt.as_dict()["theme"] == "cycle_review"
    assert theme_of("gratitude") is Theme.GRATITUDE
    with pytest.raises(ValueError, match="romance"):
        theme_of("romance")


def test_occasion_prompts_take_turns_without_repeats() -> None:
    history: list[str] = []
    chosen = []
    for _ in range(3):
        prompt = choose_for_occasion(library(), history, Occasion.CYCLE_REVIEW)
        chosen.append(prompt.id)
        history.append(prompt.id)
    assert chosen == ["cycle_review_01", "cycle_review_02", "cycle_review_01"]


def test_occasion_prompts_never_join_the_rotation() -> None:
    """Evening prompts come from the themes only; a review leaves the turn as is."""
    seen = {
        choose_next(library(), history, ALL).id
        for history in ([], ["communication_01"], ["intimacy_01"])
    }
    assert seen == {"communication_01", "intimacy_01"}
    after_review = ["communication_01", "cycle_review_01"]
    assert choose_next(library(), after_review, ALL).id == "intimacy_01"


def test_an_occasion_without_prompts_is_refused() -> None:
    evening_only = PromptLibrary(
        (Prompt(id="gratitude_01", theme=Theme.GRATITUDE, text="Thanks?"),)
    )
    with pytest.raises(ValueError, match="no prompts"):
        choose_for_occasion(evening_only, [], Occasion.CYCLE_REVIEW)
