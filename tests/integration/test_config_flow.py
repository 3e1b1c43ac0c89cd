"""Setting up a couple: every step, every error, the safety screen, reconfigure.

Each partner is chosen by their person; the person's Home Assistant user and
that user's companion-app phones follow from it.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser
import voluptuous as vol

from custom_components.microdose_together.config_flow import MicrodoseConfigFlow
from custom_components.microdose_together.const import DOMAIN

from .conftest import (
    ALEX_USER_ID,
    COUPLE_DATA,
    PHONE_1,
    PHONE_2,
    SAM_USER_ID,
    add_phone,
)
from .helpers import explained_fields

KIM_USER_ID = "kim00000000000000000000000000003"
COUPLE_FORM = {
    "couple_name": "Alex & Sam",
    "partner_1_name": "Alex",
    "partner_1_person": "person.alex",
    "partner_2_name": "Sam",
    "partner_2_person": "person.sam",
}
COUPLE_ID = f"user:{ALEX_USER_ID}+user:{SAM_USER_ID}"
PROTOCOL_FORM = {
    "preset": "fadiman",
    "weeks_on": 4,
    "weeks_off": 2,
    "start_date": "2026-01-05",
    "form": "dried",
    "starting_amount": 0.1,
}
SAFE = {
    "partner_1_no_history": True,
    "partner_2_no_history": True,
    "not_medical_advice": True,
}


def _add_kim(hass: HomeAssistant, *, phone: bool) -> None:
    """Another household member with a user (and a phone, if asked)."""
    MockUser(id=KIM_USER_ID, name="Kim", groups=[]).add_to_hass(hass)
    hass.states.async_set("person.kim", "home", {"user_id": KIM_USER_ID})
    if phone:
        add_phone(hass, KIM_USER_ID, "Kim phone")


async def _start(hass: HomeAssistant) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    return result


async def _through_couple(hass: HomeAssistant) -> dict[str, Any]:
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM
    )
    assert result["step_id"] == "protocol"
    return result


async def _through_protocol(
    hass: HomeAssistant, protocol: dict[str, Any] | None = None
) -> dict[str, Any]:
    result = await _through_couple(hass)
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], protocol or PROTOCOL_FORM
    )


async def _set_up_couple(hass: HomeAssistant) -> MockConfigEntry:
    result = await _through_protocol(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    entry: MockConfigEntry = result["result"]
    return entry


async def _reconfigure(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    assert result["step_id"] == "reconfigure"
    return result


async def test_full_flow_creates_one_couple(hass: HomeAssistant, phones: Any) -> None:
    """Four steps make an entry with the people in data and the practice in options."""
    result = await _through_protocol(hass)
    assert result["step_id"] == "safety"
    assert result["description_placeholders"]["partner_1"] == "Alex"
    assert result["description_placeholders"]["partner_2"] == "Sam"

    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex & Sam"
    assert result["data"] == COUPLE_DATA
    assert result["options"] == {
        "preset": "fadiman",
        "weeks_on": 4,
        "weeks_off": 2,
        "start_date": "2026-01-05",
        "form": "dried",
        "starting_amount": 0.1,
        "ceiling": 0.3,
    }
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    assert entry.unique_id == COUPLE_ID
    assert (entry.version, entry.minor_version) == (1, 3)


async def test_the_couple_step_asks_for_persons_not_notify_actions(
    hass: HomeAssistant, phones: Any
) -> None:
    """Each partner is a person; no notify action, group or phone can be typed in."""
    result = await _start(hass)
    schema = result["data_schema"].schema
    assert [str(key) for key in schema] == list(COUPLE_FORM)
    for slot in (1, 2):
        person = next(v for k, v in schema.items() if k == f"partner_{slot}_person")
        assert person.config["domain"] == ["person"]
    assert all(isinstance(key, vol.Required) for key in schema)

    for sneaked in ("notify.family_group", "notify.persistent_notification"):
        with pytest.raises(InvalidData):
            await hass.config_entries.flow.async_configure(
                result["flow_id"], COUPLE_FORM | {"partner_1_notify": sneaked}
            )
    assert hass.config_entries.async_entries(DOMAIN) == []


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_setup_lists_the_phones_messages_go_to(
    hass: HomeAssistant, phones: Any, language: str
) -> None:
    """The step after the couple shows every phone of each partner's user, by name."""
    add_phone(hass, SAM_USER_ID, "Sam tablet")
    _add_kim(hass, phone=True)  # someone else's phone is never listed

    result = await _through_couple(hass)

    listed = result["description_placeholders"]["phones"]
    assert listed == "Alex — Alex phone; Sam — Sam phone, Sam tablet"
    strings = await _strings(hass, language, "config")
    shown = _render(
        strings[f"component.{DOMAIN}.config.step.protocol.description"],
        result["description_placeholders"],
    )
    assert listed in shown
    assert "Kim" not in shown

    # An error on the protocol step shows the same list again.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], PROTOCOL_FORM | {"starting_amount": 0.35}
    )
    assert result["errors"] == {"starting_amount": "amount_above_maximum"}
    assert result["description_placeholders"]["phones"] == listed


async def test_safety_not_confirmed_creates_nothing(
    hass: HomeAssistant, phones: Any
) -> None:
    """If either partner cannot confirm, the flow stops kindly and no entry exists."""
    for missing in SAFE:
        result = await _through_protocol(hass)
        answers = SAFE | {missing: False}
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], answers
        )
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "safety_not_confirmed"
        assert result["description_placeholders"]["url"].startswith("https://")
    assert hass.config_entries.async_entries(DOMAIN) == []


async def test_a_partner_must_be_a_person_with_a_user(
    hass: HomeAssistant, phones: Any
) -> None:
    """A person without a user, or one that does not exist, cannot be a partner."""
    hass.states.async_set("person.guest", "home", {"friendly_name": "Guest"})
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_1_person": "person.guest"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"partner_1_person": "person_without_user"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.gone"}
    )
    assert result["errors"] == {"partner_2_person": "person_without_user"}
    assert hass.config_entries.async_entries(DOMAIN) == []


async def test_a_partner_needs_a_phone_of_their_own(
    hass: HomeAssistant, phones: Any
) -> None:
    """A user without a companion-app phone is refused; others' phones do not count."""
    _add_kim(hass, phone=False)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.kim"}
    )
    assert result["errors"] == {"partner_2_person": "no_phone_for_user"}

    add_phone(hass, KIM_USER_ID, "Kim phone")  # Kim signs in to the app
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_2_name": "Kim", "partner_2_person": "person.kim"},
    )
    assert result["step_id"] == "protocol"
    assert result["description_placeholders"]["phones"] == (
        "Alex — Alex phone; Kim — Kim phone"
    )


async def test_two_partners_must_be_two_people(
    hass: HomeAssistant, phones: Any
) -> None:
    """The same person twice, or two persons of one user, is refused."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.alex"}
    )
    assert result["errors"] == {"partner_2_person": "same_person"}

    hass.states.async_set("person.alex_again", "home", {"user_id": ALEX_USER_ID})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.alex_again"}
    )
    assert result["errors"] == {"partner_2_person": "same_person"}


async def test_names_are_required(hass: HomeAssistant, phones: Any) -> None:
    """Blank names are each named on their field."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"couple_name": "  ", "partner_2_name": " "},
    )
    assert result["errors"] == {
        "couple_name": "name_required",
        "partner_2_name": "name_required",
    }


async def test_amounts_above_seed_figures_are_errors(
    hass: HomeAssistant, phones: Any
) -> None:
    """Amounts and ceilings above the seed figures are refused, never clamped."""
    result = await _through_protocol(hass, PROTOCOL_FORM | {"starting_amount": 0.35})
    assert result["errors"] == {"starting_amount": "amount_above_maximum"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], PROTOCOL_FORM | {"ceiling": 0.5}
    )
    assert result["errors"] == {"ceiling": "ceiling_above_maximum"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], PROTOCOL_FORM | {"starting_amount": 0.2, "ceiling": 0.15}
    )
    assert result["errors"] == {"starting_amount": "amount_above_ceiling"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        PROTOCOL_FORM | {"form": "fresh_truffle", "starting_amount": 0.9},
    )
    assert result["step_id"] == "safety"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    assert result["options"]["ceiling"] == 1.0
    assert result["options"]["starting_amount"] == 0.9


async def test_weekdays_and_custom_patterns(hass: HomeAssistant, phones: Any) -> None:
    """Weekdays and custom presets ask for their pattern before the safety step."""
    result = await _through_protocol(hass, PROTOCOL_FORM | {"preset": "weekdays"})
    assert result["step_id"] == "pattern"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"weekdays": []}
    )
    assert result["errors"] == {"weekdays": "weekdays_required"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"weekdays": ["3", "0"]}
    )
    assert result["step_id"] == "safety"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    assert result["options"]["weekdays"] == [0, 3]
    await hass.config_entries.async_remove(result["result"].entry_id)

    result = await _through_protocol(hass, PROTOCOL_FORM | {"preset": "custom"})
    assert result["step_id"] == "pattern"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"days_on": 2, "days_off": 3}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    assert result["options"]["days_on"] == 2
    assert result["options"]["days_off"] == 3


async def test_same_couple_twice_aborts(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """The same two people make the same couple, in either order: refused."""
    await _set_up_couple(hass)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM
        | {"partner_1_person": "person.sam", "partner_2_person": "person.alex"},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1


async def test_a_couple_is_known_by_their_users_not_their_phones(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """A renamed or new phone is still the same couple; the new name is listed."""
    entry = await _set_up_couple(hass)
    for app in hass.config_entries.async_entries("mobile_app"):
        if app.data["user_id"] == SAM_USER_ID:
            hass.config_entries.async_update_entry(
                app, data={**app.data, "device_name": "Sam's Pixel"}
            )

    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM
    )
    assert result["reason"] == "already_configured"

    result = await _reconfigure(hass, entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert result["description_placeholders"]["phones"] == (
        "Alex — Alex phone; Sam — Sam's Pixel"
    )
    assert entry.unique_id == COUPLE_ID


async def test_reconfigure_changes_names_and_persons_and_keeps_options(
    hass: HomeAssistant, phones: Any, setup_entry: MockConfigEntry
) -> None:
    """Reconfigure renames and picks another person of the same user; practice stays."""
    hass.states.async_set("person.sam_at_work", "home", {"user_id": SAM_USER_ID})
    options_before = dict(setup_entry.options)
    result = await _reconfigure(hass, setup_entry)
    suggested = {
        str(key): key.description["suggested_value"]
        for key in result["data_schema"].schema
    }
    assert suggested == COUPLE_FORM
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.alex"}
    )
    assert result["errors"] == {"partner_2_person": "same_person"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM
        | {
            "couple_name": "Alex & Samuel",
            "partner_2_name": "Samuel",
            "partner_2_person": "person.sam_at_work",
        },
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert result["description_placeholders"]["phones"] == (
        "Alex — Alex phone; Samuel — Sam phone"
    )
    assert setup_entry.title == "Alex & Samuel"
    assert setup_entry.data["partners"][1] == {
        "name": "Samuel",
        "person": "person.sam_at_work",
        "user_id": SAM_USER_ID,
    }
    assert setup_entry.unique_id == COUPLE_ID
    assert dict(setup_entry.options) == options_before


async def test_reconfigure_never_gives_a_partners_place_to_another_user(
    hass: HomeAssistant, phones: Any, setup_entry: MockConfigEntry
) -> None:
    """Notes and answers belong to their user: no other user takes the place."""
    _add_kim(hass, phone=True)
    unique_id = setup_entry.unique_id
    result = await _reconfigure(hass, setup_entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_person": "person.kim"}
    )
    assert result["errors"] == {"partner_2_person": "partner_user_fixed"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM
        | {"partner_1_person": "person.sam", "partner_2_person": "person.alex"},
    )
    assert result["errors"] == {
        "partner_1_person": "partner_user_fixed",
        "partner_2_person": "partner_user_fixed",
    }
    assert setup_entry.data == COUPLE_DATA
    assert setup_entry.unique_id == unique_id


async def test_linking_an_older_couple_onto_another_couple_aborts(
    hass: HomeAssistant, phones: Any, dose_day_clock: Any
) -> None:
    """Reconfigure cannot turn one couple into another that already exists."""
    older = {
        "couple_name": "Alex & Sam",
        "partners": [
            {"name": "Alex", "person": None, "notify": PHONE_1},
            {"name": "Sam", "person": None, "notify": PHONE_2},
        ],
    }
    entry = MockConfigEntry(
        domain=DOMAIN, unique_id="older", data=older, minor_version=3
    )
    entry.add_to_hass(hass)
    MockConfigEntry(domain=DOMAIN, unique_id=COUPLE_ID, data=COUPLE_DATA).add_to_hass(
        hass
    )
    result = await _reconfigure(hass, entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert entry.data == older


async def test_reconfigure_refuses_a_person_without_user_or_phone(
    hass: HomeAssistant, phones: Any, setup_entry: MockConfigEntry
) -> None:
    """Reconfigure checks the persons exactly as setup does; nothing changes."""
    _add_kim(hass, phone=False)
    hass.states.async_set("person.guest", "home", {})
    result = await _reconfigure(hass, setup_entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM
        | {"partner_1_person": "person.guest", "partner_2_person": "person.kim"},
    )
    assert result["errors"] == {
        "partner_1_person": "person_without_user",
        "partner_2_person": "no_phone_for_user",
    }
    assert setup_entry.data == COUPLE_DATA


async def test_the_same_name_twice_is_refused(
    hass: HomeAssistant, phones: Any, setup_entry: MockConfigEntry
) -> None:
    """Two partners called alike cannot be told apart: refused in setup and changes."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_name": " alex "}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"partner_2_name": "same_name"}

    result = await _reconfigure(hass, setup_entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_1_name": "Sam"}
    )
    assert result["errors"] == {"partner_2_name": "same_name"}
    assert setup_entry.data == COUPLE_DATA


async def _strings(hass: HomeAssistant, language: str, category: str) -> dict[str, str]:
    return await async_get_translations(hass, language, category, [DOMAIN])


def _render(text: str, placeholders: dict[str, str]) -> str:
    """Fill placeholders as the frontend does; a missing one fails the test."""
    return re.sub(r"\{(\w+)\}", lambda match: placeholders[match.group(1)], text)


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_safety_step_names_each_partner(
    hass: HomeAssistant, phones: Any, language: str
) -> None:
    """Each partner's switch is named by their name, in help text that renders.

    Home Assistant 2025.4 fills placeholders in a step's description and field
    help, but not in field labels (there they show as a translation error).
    """
    result = await _through_protocol(hass)
    placeholders = result["description_placeholders"]
    strings = await _strings(hass, language, "config")
    prefix = f"component.{DOMAIN}.config.step.safety"
    for slot, name in ((1, "Alex"), (2, "Sam")):
        key = f"partner_{slot}_no_history"
        assert "{" not in strings[f"{prefix}.data.{key}"]
        help_text = strings[f"{prefix}.data_description.{key}"]
        assert f"{{partner_{slot}}}" in help_text
        other = "Sam" if name == "Alex" else "Alex"
        rendered = _render(help_text, placeholders)
        assert name in rendered
        assert other not in rendered


async def _config_steps(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    """Walk every form of setup and reconfigure; return each step's result."""
    steps = []
    for preset, pattern in (
        ("weekdays", {"weekdays": ["0"]}),
        ("custom", {"days_on": 1, "days_off": 2}),
    ):
        result = await _start(hass)
        steps.append(result)  # user
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], COUPLE_FORM
        )
        steps.append(result)  # protocol
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], PROTOCOL_FORM | {"preset": preset}
        )
        steps.append(result)  # pattern
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], pattern
        )
        steps.append(result)  # safety
        hass.config_entries.flow.async_abort(result["flow_id"])
    steps.append(
        await hass.config_entries.flow.async_init(
            DOMAIN,
            context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id},
        )
    )
    return steps


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_every_setup_field_has_a_label_and_help(
    hass: HomeAssistant, phones: Any, language: str
) -> None:
    """Every field of setup, pattern, safety and reconfigure explains itself."""
    strings = await _strings(hass, language, "config")
    entry = MockConfigEntry(domain=DOMAIN, unique_id="another couple", data=COUPLE_DATA)
    entry.add_to_hass(hass)
    seen = explained_fields(
        strings, "config", await _config_steps(hass, entry), language
    )
    assert {step for step, _ in seen} == {
        "user",
        "protocol",
        "pattern",
        "safety",
        "reconfigure",
    }


def test_the_options_flow_factory_takes_the_couples_entry() -> None:
    """strict-typing: the factory's entry is the project's typed entry."""
    annotation = (
        inspect.signature(MicrodoseConfigFlow.async_get_options_flow)
        .parameters["config_entry"]
        .annotation
    )
    assert annotation == "MicrodoseConfigEntry"
