"""Setting up a couple: every step, every error, the safety screen, reconfigure."""

from __future__ import annotations

from collections.abc import Callable
import inspect
import re
from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import slugify
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.microdose_together.config_flow import MicrodoseConfigFlow
from custom_components.microdose_together.const import DOMAIN

from .conftest import COUPLE_DATA, PHONE_1, PHONE_2
from .helpers import explained_fields

COUPLE_FORM = {
    "couple_name": "Alex & Sam",
    "partner_1_name": "Alex",
    "partner_1_notify": PHONE_1,
    "partner_2_name": "Sam",
    "partner_2_notify": PHONE_2,
}
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


async def _start(hass: HomeAssistant) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    return result


async def _through_protocol(
    hass: HomeAssistant, protocol: dict[str, Any] | None = None
) -> dict[str, Any]:
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM
    )
    assert result["step_id"] == "protocol"
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], protocol or PROTOCOL_FORM
    )


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
    assert entry.unique_id == f"{PHONE_1}+{PHONE_2}"


async def test_phones_are_listed_first(hass: HomeAssistant, phones: Any) -> None:
    """The phone selector offers mobile_app actions before any other notify action."""
    result = await _start(hass)
    schema = result["data_schema"].schema
    selector = next(v for k, v in schema.items() if k == "partner_1_notify")
    options = selector.config["options"]
    assert options == [PHONE_1, PHONE_2, "notify.family_group"]
    suggested = {
        str(key): key.description["suggested_value"]
        for key in schema
        if str(key).endswith("_notify")
    }
    assert suggested == {"partner_1_notify": PHONE_1, "partner_2_notify": PHONE_2}


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


async def test_couple_errors(hass: HomeAssistant, phones: Any) -> None:
    """Unknown phones, a shared phone and blank names are each named on their field."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_1_notify": "notify.mobile_app_gone"},
    )
    assert result["errors"] == {"partner_1_notify": "notify_not_found"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_notify": PHONE_1}
    )
    assert result["errors"] == {"partner_2_notify": "same_notify"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"couple_name": "  ", "partner_2_name": " "},
    )
    assert result["errors"] == {
        "couple_name": "name_required",
        "partner_2_name": "name_required",
    }

    # A typed action name without its domain is understood.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_2_notify": PHONE_2.removeprefix("notify.")},
    )
    assert result["step_id"] == "protocol"


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
    hass: HomeAssistant, phones: Any, make_entry: Callable[..., MockConfigEntry]
) -> None:
    """The same two phones make the same couple: a second one is refused."""
    make_entry()
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_1_notify": PHONE_2, "partner_2_notify": PHONE_1},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reconfigure_changes_people_and_keeps_options(
    hass: HomeAssistant, phones: Any, setup_entry: MockConfigEntry
) -> None:
    """Reconfigure renames and swaps a phone; the practice stays untouched."""
    options_before = dict(setup_entry.options)
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_RECONFIGURE, "entry_id": setup_entry.entry_id},
    )
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_notify": PHONE_1}
    )
    assert result["errors"] == {"partner_2_notify": "same_notify"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM
        | {
            "couple_name": "Sam & Alex",
            "partner_2_name": "Samuel",
            "partner_2_notify": "notify.family_group",
        },
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert setup_entry.title == "Sam & Alex"
    assert setup_entry.data["partners"][1] == {
        "name": "Samuel",
        "person": None,
        "notify": "notify.family_group",
    }
    assert setup_entry.unique_id == f"notify.family_group+{PHONE_1}"
    assert dict(setup_entry.options) == options_before


async def test_reconfigure_onto_another_couple_aborts(
    hass: HomeAssistant,
    phones: Any,
    setup_entry: MockConfigEntry,
    make_entry: Callable[..., MockConfigEntry],
) -> None:
    """Reconfigure cannot turn one couple into another that already exists."""
    other = MockConfigEntry(
        domain=DOMAIN, unique_id=f"notify.family_group+{PHONE_1}", data=COUPLE_DATA
    )
    other.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_RECONFIGURE, "entry_id": setup_entry.entry_id},
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], COUPLE_FORM | {"partner_2_notify": "notify.family_group"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
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

    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_RECONFIGURE, "entry_id": setup_entry.entry_id},
    )
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


def _companion_phone(
    hass: HomeAssistant, device_registry: dr.DeviceRegistry, name: str, app_id: str
) -> str:
    """Register a companion-app phone as mobile_app does; return its device id."""
    app = MockConfigEntry(
        domain="mobile_app",
        title=name,
        data={"device_name": name, "device_id": app_id, "app_id": "io.ha"},
    )
    app.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=app.entry_id, identifiers={("mobile_app", app_id)}, name=name
    )
    return device.id


def _rename_phone(hass: HomeAssistant, app_id: str, name: str) -> None:
    """The phone gets a new name in the app: a new notify action, the same device."""
    for app in hass.config_entries.async_entries("mobile_app"):
        if app.data["device_id"] == app_id:
            hass.config_entries.async_update_entry(
                app, data={**app.data, "device_name": name}
            )
    async_mock_service(hass, "notify", f"mobile_app_{slugify(name)}")


async def test_a_couple_is_known_by_their_phones_not_their_phone_names(
    hass: HomeAssistant, phones: Any, device_registry: dr.DeviceRegistry
) -> None:
    """Renaming a phone changes its notify action, not which couple this is."""
    alex = _companion_phone(hass, device_registry, "Alex phone", "app-alex")
    sam = _companion_phone(hass, device_registry, "Sam phone", "app-sam")
    result = await _through_protocol(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    entry = result["result"]
    assert entry.unique_id == "+".join(
        sorted([f"mobile_app:{alex}", f"mobile_app:{sam}"])
    )

    _rename_phone(hass, "app-sam", "Sam's Pixel")
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_2_notify": "notify.mobile_app_sam_s_pixel"},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reconfigure_to_a_renamed_phone_keeps_the_couple(
    hass: HomeAssistant, phones: Any, device_registry: dr.DeviceRegistry
) -> None:
    """Choosing the renamed phone's new action is the same couple, the same id."""
    _companion_phone(hass, device_registry, "Alex phone", "app-alex")
    _companion_phone(hass, device_registry, "Sam phone", "app-sam")
    result = await _through_protocol(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SAFE)
    entry = result["result"]
    unique_id = entry.unique_id
    await hass.async_block_till_done()

    _rename_phone(hass, "app-alex", "Alex's Pixel")
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        COUPLE_FORM | {"partner_1_notify": "notify.mobile_app_alex_s_pixel"},
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert entry.unique_id == unique_id
    assert entry.data["partners"][0]["notify"] == "notify.mobile_app_alex_s_pixel"
