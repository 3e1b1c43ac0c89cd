"""The notify_partners action: the couple's own message to their own phones."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import PHONE_1, PHONE_2
from .helpers import act

NOTE = "Good morning, today is a dose day."


def _tag(entry: MockConfigEntry, slot: int, tag: str) -> str:
    return f"{DOMAIN}_{entry.entry_id}_{slot}_message_{tag}"


def _received(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [dict(call.data) for call in calls]


def _messages(calls: list[ServiceCall]) -> list[str]:
    """Return the texts of this action's messages (not check-ins or prompts)."""
    return sorted(
        call.data["message"]
        for call in calls
        if "_message_" in call.data["data"]["tag"]
    )


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_both_phones_get_the_message(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Each partner's own phone hears it, with a tag of their own and the buttons."""
    response = await act(
        hass,
        setup_entry,
        "notify_partners",
        title="Dose day",
        message=f"  {NOTE}  ",
        tag="morning",
        actions=[{"action": "MOVE_THE_DOSE", "title": "Move the dose"}],
    )
    assert response == {"phones": {"1": "sent", "2": "sent"}}
    for slot, phone in ((1, PHONE_1), (2, PHONE_2)):
        assert _received(phones[phone]) == [
            {
                "title": "Dose day",
                "message": NOTE,
                "data": {
                    "tag": _tag(setup_entry, slot, "morning"),
                    "group": DOMAIN,
                    "actions": [{"action": "MOVE_THE_DOSE", "title": "Move the dose"}],
                },
            }
        ]


async def test_one_partner_only(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """Naming partner 2 reaches Sam's phone alone; without a title there is none."""
    response = await act(hass, setup_entry, "notify_partners", partner=2, message=NOTE)
    assert response == {"phones": {"2": "sent"}}
    assert phones[PHONE_1] == []
    (call,) = phones[PHONE_2]
    assert "title" not in call.data
    assert call.data["message"] == NOTE
    assert "actions" not in call.data["data"]


async def test_quiet_hours_hold_the_message_until_they_end(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 23:00 it waits; at 07:30 it goes out, a newer one of a tag replacing it."""
    await _at(hass, freezer, "2026-01-05T23:00:00+02:00")
    for text in ("first", "second"):
        response = await act(
            hass, setup_entry, "notify_partners", message=text, tag="evening"
        )
        assert response == {"phones": {"1": "held", "2": "held"}}
    await act(hass, setup_entry, "notify_partners", message="untagged", partner=1)
    await _at(hass, freezer, "2026-01-06T07:29:59+02:00")
    assert (phones[PHONE_1], phones[PHONE_2]) == ([], [])

    await _at(hass, freezer, "2026-01-06T07:30:00+02:00")
    assert _messages(phones[PHONE_1]) == ["second", "untagged"]
    assert _messages(phones[PHONE_2]) == ["second"]


async def test_one_failing_phone_still_reaches_the_other(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """A phone that fails is reported; the message still reaches the other one."""

    async def _broken(call: ServiceCall) -> None:
        raise HomeAssistantError("the push relay is down")

    hass.services.async_register("notify", PHONE_1.removeprefix("notify."), _broken)
    response = await act(hass, setup_entry, "notify_partners", message=NOTE)
    assert response == {"phones": {"1": "failed", "2": "sent"}}
    assert [call.data["message"] for call in phones[PHONE_2]] == [NOTE]

    with pytest.raises(HomeAssistantError) as err:
        await act(hass, setup_entry, "notify_partners", message=NOTE, partner=1)
    assert err.value.translation_key == "message_not_delivered"
    assert "Alex" in str(err.value)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"message": ""}, "message_empty"),
        ({"message": "  \n "}, "message_empty"),
        ({"message": "x" * 1001}, "message_too_long"),
        ({"message": NOTE, "title": "t" * 101}, "title_too_long"),
        (
            {
                "message": NOTE,
                "actions": [{"action": f"A{i}", "title": "Yes"} for i in range(4)],
            },
            "message_too_many_actions",
        ),
        (
            {"message": NOTE, "actions": [{"action": "A", "title": "y" * 41}]},
            "message_action_too_long",
        ),
        (
            {"message": NOTE, "actions": [{"action": " ", "title": "Yes"}]},
            "message_action_empty",
        ),
        (
            {
                "message": NOTE,
                "actions": [{"action": "MDT|x|1|y|done", "title": "Yes"}],
            },
            "message_action_reserved",
        ),
    ],
)
async def test_refusals_are_translated_and_send_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    data: dict[str, Any],
    key: str,
) -> None:
    """Empty or over-long text, too many buttons or one of ours: refused, unsent."""
    with pytest.raises(ServiceValidationError) as err:
        await act(hass, setup_entry, "notify_partners", **data)
    assert err.value.translation_key == key
    assert str(err.value) != key  # the translated text, not the bare key
    assert (phones[PHONE_1], phones[PHONE_2]) == ([], [])
