"""Options: the menu, and the go-slow rules the options refuse to break."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import EventStateChangedData
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .helpers import explained_fields


@pytest.fixture(autouse=True)
async def settle_reloads(hass: HomeAssistant) -> AsyncIterator[None]:
    """Let each saved option's reload finish before the test ends."""
    yield
    await hass.async_block_till_done()


async def _open(hass: HomeAssistant, entry: MockConfigEntry, section: str) -> Any:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == [
        "protocol",
        "amounts",
        "notifications",
        "checkins",
        "prompts",
        "calm",
        "ritual",
    ]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": section}
    )
    assert result["step_id"] == section
    return result


async def _set_up_at(
    hass: HomeAssistant,
    make_entry: Callable[..., MockConfigEntry],
    freezer: FrozenDateTimeFactory,
    moment: str,
    **options: Any,
) -> MockConfigEntry:
    await hass.config.async_set_time_zone("Europe/Helsinki")
    freezer.move_to(dt_util.parse_datetime(moment))
    entry = make_entry(options=options)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def test_gentler_protocol_is_accepted_any_day(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Moving to a less frequent schedule mid-cycle is always fine."""
    result = await _open(hass, setup_entry, "protocol")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "weekdays", "weeks_on": 4, "weeks_off": 3}
    )
    assert result["step_id"] == "pattern"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"weekdays": []}
    )
    assert result["errors"] == {"weekdays": "weekdays_required"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"weekdays": ["2"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert setup_entry.options["preset"] == "weekdays"
    assert setup_entry.options["weekdays"] == [2]
    assert setup_entry.options["weeks_off"] == 3
    assert setup_entry.options["starting_amount"] == 0.1


async def test_more_frequent_mid_cycle_is_refused(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Mid-cycle, a more frequent schedule is refused with the next cycle's date."""
    entry = await _set_up_at(hass, make_entry, freezer, "2026-01-14T09:00:00+02:00")
    result = await _open(hass, entry, "protocol")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "every_other_day", "weeks_on": 4, "weeks_off": 2}
    )
    assert result["errors"] == {"base": "more_frequent_mid_cycle"}
    assert result["description_placeholders"] == {"next_cycle": "2026-02-16"}
    assert entry.options["preset"] == "fadiman"

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "custom", "weeks_on": 4, "weeks_off": 2}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"days_on": 3, "days_off": 1}
    )
    assert result["errors"] == {"base": "more_frequent_mid_cycle"}
    assert entry.options["preset"] == "fadiman"


async def test_more_frequent_at_cycle_start_is_accepted(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    freezer: FrozenDateTimeFactory,
) -> None:
    """On the first day of a new cycle the couple may choose a busier schedule."""
    entry = await _set_up_at(hass, make_entry, freezer, "2026-02-16T09:00:00+02:00")
    result = await _open(hass, entry, "protocol")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "every_other_day", "weeks_on": 4, "weeks_off": 2}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["preset"] == "every_other_day"


async def test_amounts_go_slow(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The starting amount rises at most 0.05 g per completed cycle."""
    # Two cycles (of six weeks) are complete on 2026-03-30.
    entry = await _set_up_at(hass, make_entry, freezer, "2026-03-30T09:00:00+03:00")
    result = await _open(hass, entry, "amounts")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "dried", "starting_amount": 0.25}
    )
    assert result["errors"] == {"starting_amount": "amount_rises_too_fast"}
    assert result["description_placeholders"] == {"allowed": "0.2"}

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "dried", "starting_amount": 0.4}
    )
    assert result["errors"] == {"starting_amount": "amount_above_maximum"}

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "dried", "starting_amount": 0.2, "ceiling": 0.25}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options["starting_amount"] == 0.2
    assert entry.options["ceiling"] == 0.25
    assert entry.options["starting_amount_cycle"] == 2

    # Straight after that rise, no further rise is allowed in the same cycle.
    result = await _open(hass, entry, "amounts")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "dried", "starting_amount": 0.21, "ceiling": 0.25}
    )
    assert result["errors"] == {"starting_amount": "amount_rises_too_fast"}


async def test_new_form_starts_low(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Switching to fresh truffles asks for a low start in the new form."""
    result = await _open(hass, setup_entry, "amounts")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "fresh_truffle", "starting_amount": 0.8}
    )
    assert result["errors"] == {"starting_amount": "start_low_new_form"}
    assert result["description_placeholders"] == {"allowed": "0.5"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"form": "fresh_truffle", "starting_amount": 0.5}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options["form"] == "fresh_truffle"
    assert setup_entry.options["ceiling"] == 1.0


async def test_reminder_time(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """The morning note time is stored as given; the weekly summary keeps its own."""
    result = await _open(hass, setup_entry, "notifications")
    defaults = {str(key): key.default() for key in result["data_schema"].schema}
    assert defaults == {
        "reminder_time": "08:00:00",
        "snooze_minutes": 30,
        "weekly_summary": True,
        "weekly_summary_day": "6",
        "weekly_summary_time": "18:00:00",
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"reminder_time": "07:30:00"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options["reminder_time"] == "07:30:00"
    assert setup_entry.options["weekly_summary_day"] == 6
    assert setup_entry.options["snooze_minutes"] == 30
    await hass.async_block_till_done()
    weekly = setup_entry.runtime_data.settings.weekly
    assert (weekly.enabled, weekly.weekday, weekly.at.isoformat()) == (
        True,
        6,
        "18:00:00",
    )


async def test_check_in_schedule_and_quiet_hours(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The check-in section shows the current values and stores new ones."""
    result = await _open(hass, setup_entry, "checkins")
    defaults = {
        str(key): key.default() for key in result["data_schema"].schema if key.default
    }
    assert defaults == {
        "checkin_schedule": "daily",
        "checkin_time": "21:30:00",
        "quiet_start": "22:30:00",
        "quiet_end": "07:30:00",
        "show_answers_in_notifications": False,
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "checkin_schedule": "dose_days",
            "checkin_time": "20:00:00",
            "quiet_start": "23:00:00",
            "quiet_end": "08:00:00",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    conversation = setup_entry.runtime_data.settings.conversation
    assert conversation.checkin_schedule == "dose_days"
    assert conversation.checkin_time.isoformat() == "20:00:00"
    assert conversation.quiet_hours.start.isoformat() == "23:00:00"


async def test_custom_prompts_and_themes(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Add a prompt of our own, turn a theme off, then remove the prompt again."""
    result = await _open(hass, setup_entry, "prompts")
    assert "remove_prompts" not in {str(key) for key in result["data_schema"].schema}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"themes": [], "new_prompt": "ignored"}
    )
    assert result["errors"] == {"themes": "no_theme_selected"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "themes": ["communication", "gratitude"],
            "new_prompt": "  What made you laugh together this week?  ",
            "new_prompt_theme": "gratitude",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options["themes"] == ["communication", "gratitude"]
    assert setup_entry.options["custom_prompts"] == [
        {
            "id": "custom_1",
            "theme": "gratitude",
            "text": "What made you laugh together this week?",
        }
    ]
    await hass.async_block_till_done()
    library = setup_entry.runtime_data.conversation.library
    assert library.get("custom_1").text == "What made you laugh together this week?"

    result = await _open(hass, setup_entry, "prompts")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {"themes": ["communication"], "remove_prompts": ["custom_1"]},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options["custom_prompts"] == []


async def _option_steps(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    """Open every section of the options, both pattern forms included."""
    sections = ("amounts", "notifications", "checkins", "prompts", "calm", "ritual")
    steps = [await _open(hass, entry, section) for section in sections]
    # A new preset has a name, an added one a remove, a tuned built-in one a reset.
    for preset in ("new", "custom_1", "walk"):
        result = await _open(hass, entry, "ritual")
        steps.append(
            await hass.config_entries.options.async_configure(
                result["flow_id"], {"ritual_preset": preset}
            )
        )
    for preset in ("weekdays", "custom"):
        result = await _open(hass, entry, "protocol")
        steps.append(result)
        steps.append(
            await hass.config_entries.options.async_configure(
                result["flow_id"], {"preset": preset, "weeks_on": 4, "weeks_off": 2}
            )
        )
    return steps


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_every_option_has_a_label_and_help(
    hass: HomeAssistant,
    phones: Any,
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    language: str,
) -> None:
    """Each field of each options form says what it does, in both languages."""
    entry = make_entry(
        options={
            "custom_prompts": [
                {"id": "custom_1", "theme": "gratitude", "text": "What made you laugh?"}
            ],
            "ritual_presets": {
                "custom_1": {"ritual_name": "Sauna"},
                "walk": {"ritual_auto_end": 90},
            },
        }
    )
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    strings = await async_get_translations(hass, language, "options", [DOMAIN])
    seen = explained_fields(
        strings, "options", await _option_steps(hass, entry), language
    )
    assert ("prompts", "remove_prompts") in seen
    assert {
        ("ritual_preset", "ritual_name"),
        ("ritual_preset", "remove_preset"),
        ("ritual_preset", "reset_preset"),
    } <= seen
    assert {("pattern", "weekdays"), ("pattern", "days_on")} <= seen


async def test_saving_options_keeps_every_entity_available(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A save applies in place: no entity blinks unavailable, the new time counts."""
    ours = {
        entry.entity_id
        for entry in er.async_entries_for_config_entry(
            entity_registry, setup_entry.entry_id
        )
    }
    assert len(ours) > 10
    blinks: list[tuple[str, str | None]] = []

    @callback
    def _changed(event: Event[EventStateChangedData]) -> None:
        new = event.data["new_state"]
        if event.data["entity_id"] in ours and (
            new is None or new.state in (STATE_UNAVAILABLE, STATE_UNKNOWN)
        ):
            blinks.append((event.data["entity_id"], new and new.state))

    hass.bus.async_listen(EVENT_STATE_CHANGED, _changed)
    coordinator = setup_entry.runtime_data
    due = "binary_sensor.alex_check_in_due"
    assert hass.states.get(due).state == "off"  # due from 21:30 by default

    result = await _open(hass, setup_entry, "checkins")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "checkin_schedule": "daily",
            "checkin_time": "10:30:00",
            "quiet_start": "22:30:00",
            "quiet_end": "07:30:00",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert blinks == []

    result = await _open(hass, setup_entry, "protocol")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"preset": "fadiman", "weeks_on": 4, "weeks_off": 3}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    moment = dt_util.parse_datetime("2026-01-05T10:30:00+02:00")
    assert moment is not None
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()
    assert hass.states.get(due).state == "on"  # the new check-in time took effect
    assert blinks == []
    assert setup_entry.runtime_data is coordinator, "the couple was not reloaded"
