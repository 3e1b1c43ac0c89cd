"""The couple's limits and the text cleaning every path shares."""

from __future__ import annotations

from hypothesis import given, strategies as st

from custom_components.microdose_together.core.limits import (
    ECHO_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    clean_text,
    cut_text,
    echo,
)


def test_control_characters_go_and_line_breaks_stay() -> None:
    """A bell, an escape and a NUL vanish; every kind of line end is a newline."""
    raw = " \x00we\x07 talked\x1b[31m\r\nlong\rinto\tthe night\x7f\n "
    assert clean_text(raw) == "we talked[31m\nlong\ninto the night"


def test_lone_surrogates_are_removed() -> None:
    """A lone surrogate (valid in a JSON string) could not be written to the store."""
    assert clean_text("close\ud800 together") == "close together"


def test_emoji_sequences_are_kept() -> None:
    """Joined emoji and accents are text, not control characters."""
    text = "kiitos 👩‍❤️‍👨 ääkköset"
    assert clean_text(text) == text


def test_text_within_the_limit_is_not_cut() -> None:
    """Exactly the limit is kept whole."""
    text = "a" * TEXT_MAX_LENGTH
    assert cut_text(text) == (text, False)


def test_a_million_characters_keep_only_the_limit() -> None:
    """A runaway reply keeps its beginning, at most the limit."""
    text, was_cut = cut_text("x" * 1_000_000)
    assert was_cut
    assert text == "x" * TEXT_MAX_LENGTH


def test_a_long_tail_of_control_characters_still_counts_as_cut() -> None:
    """What was left unread is reported as cut, even if the kept part is short."""
    text, was_cut = cut_text("hi" + "\x00" * (10 * TEXT_MAX_LENGTH) + "bye")
    assert (text, was_cut) == ("hi", True)


def test_echo_is_short_and_ends_in_an_ellipsis() -> None:
    """An error repeats at most 40 characters, and shows that there was more."""
    shown = echo("a" * 1_000_000)
    assert len(shown) == ECHO_MAX_LENGTH
    assert shown.endswith("…")
    assert echo("entry_1") == "entry_1"


def test_echo_says_there_was_more_when_the_rest_is_unreadable() -> None:
    """Blank input past what is read still ends in an ellipsis."""
    assert echo("id" + " " * 10_000 + "secret").endswith("…")


def test_echo_puts_everything_on_one_line() -> None:
    """Line breaks and control characters of an input do not reach a message."""
    assert echo("one\ntwo\x00three") == "one twothree"


@given(st.text(max_size=3 * TEXT_MAX_LENGTH))
def test_cut_text_never_exceeds_the_limit_nor_keeps_control_characters(
    text: str,
) -> None:
    """Whatever arrives, what is kept fits and is clean."""
    kept, _was_cut = cut_text(text)
    assert len(kept) <= TEXT_MAX_LENGTH
    assert kept == clean_text(kept)


@given(st.text())
def test_echo_never_exceeds_its_limit(text: str) -> None:
    """No input makes an error message long."""
    assert len(echo(text)) <= ECHO_MAX_LENGTH
