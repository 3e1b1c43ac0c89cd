"""The couple's limits, in one place, and the text cleaning every path shares.

A loop in an automation, a stuck phone or a hostile caller must not flood the
partners' phones or the store. The numbers leave room for every ordinary use,
including the check-in reminder blueprint at its busiest (a request at check-in
time plus five reminders five minutes apart).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final
import unicodedata

# Prompts chosen and sent to the phones in one local day, for the couple.
PROMPTS_PER_DAY: Final = 3
# Check-in requests to one partner's phone within any hour.
CHECKIN_REQUESTS_PER_HOUR: Final = 6
CHECKIN_REQUEST_WINDOW: Final = timedelta(hours=1)
# Check-ins one partner records in one local day.
CHECKINS_PER_DAY: Final = 10
# A private note or prompt answer, from an action or a phone reply.
TEXT_MAX_LENGTH: Final = 2000
# The couple's shared intention (also the text entity's maximum).
INTENTION_MAX_LENGTH: Final = 255
# How much of a caller's input an error message may repeat.
ECHO_MAX_LENGTH: Final = 40

_ELLIPSIS: Final = "…"
# How much of an over-long text is read before cutting it.
_READ_FACTOR: Final = 4
# Unicode categories never kept: control characters and lone surrogates
# (which could not even be written to the store).
_DROPPED_CATEGORIES: Final = frozenset({"Cc", "Cs"})


def clean_text(text: str) -> str:
    """Return the text without control characters, newlines kept, ends trimmed.

    Windows and old Mac line ends become plain newlines; a tab becomes a space.
    """
    unified = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        char
        for char in unified
        if char == "\n" or unicodedata.category(char) not in _DROPPED_CATEGORIES
    ).strip()


def cut_text(text: str, max_length: int = TEXT_MAX_LENGTH) -> tuple[str, bool]:
    """Return the cleaned text cut to `max_length`, and whether it was cut.

    Only the beginning is read, so a reply of a million characters costs no
    more than one a little over the limit.
    """
    head = text[: _READ_FACTOR * max_length]
    cleaned = clean_text(head)
    if len(cleaned) <= max_length and len(head) == len(text):
        return cleaned, False
    return cleaned[:max_length].rstrip(), True


def echo(value: object, max_length: int = ECHO_MAX_LENGTH) -> str:
    """Return a caller's input as an error message may repeat it: short, clean.

    Longer input ends in an ellipsis, so the message never carries all of it.
    """
    raw = str(value)
    head = raw[: _READ_FACTOR * max_length]
    text = " ".join(clean_text(head).split())
    if len(text) <= max_length and len(head) == len(raw):
        return text
    return text[: max_length - 1].rstrip() + _ELLIPSIS
