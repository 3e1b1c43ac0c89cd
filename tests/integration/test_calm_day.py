"""The calm day in Home Assistant, read from real calendar entities."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    async_capture_events,
    async_fire_time_changed,
    mock_integration,
    mock_platform,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.core.calm import CalmReason

from .helpers import async_set_up, state_of

TITLES = ("Board meeting", "Budget review", "Flight to Oulu", "Sam's birthday")
CALM = "binary_sensor.alex_sam_calm_day"


def _at(day: str, hour: int, minute: int = 0) -> datetime:
    moment = dt_util.parse_datetime(f"{day}T{hour:02d}:{minute:02d}:00+02:00")
    assert moment is not None
    return moment


class FakeCalendar(CalendarEntity):
    """A calendar whose events the test writes, and that can be made to fail."""

    def __init__(self, name: str) -> None:
        """Start empty."""
        self._attr_name = name
        self.events: list[CalendarEvent] = []
        self.failing = False

    @property
    def event(self) -> CalendarEvent | None:
        """Return the event happening now, if any."""
        now = dt_util.now()
        for event in self.events:
            if event.start_datetime_local <= now < event.end_datetime_local:
                return event
        return None

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the events that overlap the window."""
        if self.failing:
            raise HomeAssistantError("the calendar server did not answer")
        return [
            event
            for event in self.events
            if event.start_datetime_local < end_date
            and event.end_datetime_local > start_date
        ]


@pytest.fixture
async def calendars(
    hass: HomeAssistant, dose_day_clock: FrozenDateTimeFactory
) -> AsyncIterator[dict[str, FakeCalendar]]:
    """Two calendar entities: a full Monday at work, a quiet home calendar."""
    work, home = FakeCalendar("Work"), FakeCalendar("Home")
    work.events = [
        CalendarEvent(_at("2026-01-05", 9), _at("2026-01-05", 12), TITLES[0]),
        CalendarEvent(_at("2026-01-05", 13), _at("2026-01-05", 15), TITLES[1]),
    ]

    async def setup_platform(
        hass: HomeAssistant,
        config: Any,
        add_entities: AddEntitiesCallback,
        discovery_info: Any = None,
    ) -> None:
        add_entities([work, home])

    mock_integration(hass, MockModule("test"))
    mock_platform(
        hass, "test.calendar", MockPlatform(async_setup_platform=setup_platform)
    )
    assert await async_setup_component(
        hass, "calendar", {"calendar": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    yield {"calendar.work": work, "calendar.home": home}
    for calendar in (work, home):  # their own end-of-event timers go with them
        if calendar.entity_id in hass.states.async_entity_ids():
            await calendar.async_remove()


@pytest.fixture
async def calm_entry(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    make_entry: Callable[..., MockConfigEntry],
    phones: Any,
) -> MockConfigEntry:
    """A couple reading both calendars, set up on Monday 10:00 (a dose day)."""
    entry = make_entry(options={"calm_calendars": ["calendar.work", "calendar.home"]})
    await async_set_up(hass, entry)
    return entry


def _reasons(hass: HomeAssistant) -> list[str]:
    state = hass.states.get(CALM)
    assert state is not None
    return list(state.attributes["reasons"])


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: datetime
) -> None:
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def _settle(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the short pause that gathers a burst of changes pass."""
    freezer.tick(3)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _no_titles(hass: HomeAssistant) -> None:
    for state in hass.states.async_all():
        if state.domain == "calendar":
            continue  # the calendars' own entities show their own events
        text = repr((state.state, dict(state.attributes)))
        for title in TITLES:
            assert title not in text, state.entity_id


async def test_busy_monday_then_quiet_tuesday(
    hass: HomeAssistant,
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Five busy hours make Monday not calm; Tuesday is calm from midnight."""
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["busy_hours"]
    state = hass.states.get(CALM)
    assert state is not None
    assert state.attributes["busy_minutes"] == 300
    assert state.attributes["event_count"] == 2
    _no_titles(hass)

    await _tick(hass, freezer, _at("2026-01-05", 23, 59))
    assert state_of(hass, CALM) == "off"
    await _tick(hass, freezer, _at("2026-01-06", 0))
    assert state_of(hass, CALM) == "on"
    assert _reasons(hass) == []


async def test_all_day_events_count_only_with_a_stress_word(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A birthday is not busy; a flight is, by its title alone."""
    home = calendars["calendar.home"]
    home.events = [CalendarEvent(date(2026, 1, 6), date(2026, 1, 7), TITLES[3])]
    await _tick(hass, freezer, _at("2026-01-06", 0))
    assert state_of(hass, CALM) == "on"

    home.events.append(CalendarEvent(date(2026, 1, 6), date(2026, 1, 8), TITLES[2]))
    await _tick(hass, freezer, _at("2026-01-06", 0, 15))  # the 15-minute reading
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["stress_keyword"]
    _no_titles(hass)


async def test_a_stressed_check_in_ends_the_calm(
    hass: HomeAssistant, calm_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Stress 4 or more from either partner today is a reason."""
    await _tick(hass, freezer, _at("2026-01-06", 9))
    assert state_of(hass, CALM) == "on"
    await hass.services.async_call(
        DOMAIN,
        "check_in",
        {
            "config_entry_id": calm_entry.entry_id,
            "partner": 2,
            "mood": 3,
            "connection": 3,
            "stress": 4,
        },
        blocking=True,
    )
    await _settle(hass, freezer)
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["partner_stressed"]


async def test_override_wins_and_lapses_at_midnight(
    hass: HomeAssistant, calm_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """The couple's say beats the calendars for the rest of the day."""
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.alex_sam_today_feels", "option": "calm"},
        blocking=True,
    )
    assert state_of(hass, CALM) == "on"
    assert _reasons(hass) == ["override"]
    assert state_of(hass, "select.alex_sam_today_feels") == "calm"

    await _tick(hass, freezer, _at("2026-01-06", 0))
    assert state_of(hass, "select.alex_sam_today_feels") == "automatic"
    assert _reasons(hass) == []

    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.alex_sam_today_feels", "option": "not_calm"},
        blocking=True,
    )
    assert state_of(hass, CALM) == "off"


async def test_a_new_event_now_changes_the_verdict_at_once(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A calendar's state change is read straight away, without the interval."""
    await _tick(hass, freezer, _at("2026-01-06", 10))
    assert state_of(hass, CALM) == "on"
    home = calendars["calendar.home"]
    home.events.append(
        CalendarEvent(_at("2026-01-06", 10), _at("2026-01-06", 16), "Moving day")
    )
    home.async_write_ha_state()  # the calendar now shows an event in progress
    await _settle(hass, freezer)
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["busy_hours", "stress_keyword"]


async def test_lost_calendar_raises_a_repair_and_the_sensor_goes_on(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A failing or removed calendar is named in a repair; the others still count."""
    issue_id = f"calendar_unavailable_{calm_entry.entry_id}_calendar.work"
    calendars["calendar.work"].failing = True
    await _tick(hass, freezer, _at("2026-01-05", 10, 15))
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders == {
        "entity_id": "calendar.work",
        "couple": "Alex & Sam",
    }
    # Without the work calendar part of the day is unknown: not calm, and why.
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["calendar_unreadable"]

    calendars["calendar.work"].failing = False
    await _tick(hass, freezer, _at("2026-01-05", 10, 30))
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert state_of(hass, CALM) == "off"

    home_issue = f"calendar_unavailable_{calm_entry.entry_id}_calendar.home"
    await calendars["calendar.home"].async_remove()  # the calendar is gone
    await _tick(hass, freezer, _at("2026-01-05", 10, 45))
    assert issue_registry.async_get_issue(DOMAIN, home_issue) is not None
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["busy_hours", "calendar_unreadable"]


async def test_the_only_calendar_unreadable_is_not_a_calm_day(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    make_entry: Callable[..., MockConfigEntry],
    phones: Any,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A day nothing could be read about does not look calm; the reason says so."""
    calendars["calendar.home"].failing = True
    entry = make_entry(options={"calm_calendars": ["calendar.home"]})
    await async_set_up(hass, entry)
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["calendar_unreadable"]

    calendars["calendar.home"].failing = False
    await _tick(hass, freezer, _at("2026-01-05", 10, 15))
    assert state_of(hass, CALM) == "on"
    assert _reasons(hass) == []


async def test_a_failing_calendar_is_logged_once_and_once_when_back(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An hour of failed readings is one warning; coming back is one info line."""
    caplog.set_level(logging.DEBUG, logger="custom_components.microdose_together")
    calendars["calendar.work"].failing = True
    for minute in (15, 30, 45):
        await _tick(hass, freezer, _at("2026-01-05", 10, minute))
    await _tick(hass, freezer, _at("2026-01-05", 11))

    def lines(level: int, text: str) -> list[str]:
        return [
            record.getMessage()
            for record in caplog.records
            if record.levelno == level and text in record.getMessage()
        ]

    failing = lines(logging.WARNING, "calendar.work")
    assert len(failing) == 1
    assert "Cannot read calendar.work" in failing[0]
    assert lines(logging.WARNING, "calendar.home") == []

    calendars["calendar.work"].failing = False
    for minute in (15, 30):
        await _tick(hass, freezer, _at("2026-01-05", 11, minute))
    back = lines(logging.INFO, "calendar.work")
    assert len(back) == 1
    assert "can be read again" in back[0]
    assert len(lines(logging.WARNING, "calendar.work")) == 1


async def test_not_calm_dose_day_is_announced_in_the_morning(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    make_entry: Callable[..., MockConfigEntry],
    phones: Any,
    freezer: FrozenDateTimeFactory,
) -> None:
    """At the reminder time of a busy dose day, automations hear about it."""
    freezer.move_to(_at("2026-01-05", 6))
    entry = make_entry(options={"calm_calendars": ["calendar.work"]})
    await async_set_up(hass, entry)
    not_calm = async_capture_events(hass, f"{DOMAIN}_dose_day_not_calm")
    await _tick(hass, freezer, _at("2026-01-05", 8))
    assert [event.data["reasons"] for event in not_calm] == [["busy_hours"]]
    assert not_calm[0].data["date"] == "2026-01-05"
    event = hass.states.get("event.alex_sam_protocol")
    assert event is not None
    assert event.attributes["event_type"] == "dose_day_not_calm"

    calendars["calendar.work"].events = []  # a quiet rest day and dose day follow
    for day in ("2026-01-06", "2026-01-08"):
        await _tick(hass, freezer, _at(day, 8))
    assert len(not_calm) == 1


async def test_postpone_moves_the_dose_through_the_guard(
    hass: HomeAssistant, calm_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Today's dose moves to tomorrow; refused on a rest day and after a dose."""
    response = await hass.services.async_call(
        DOMAIN,
        "postpone_dose_day",
        {"config_entry_id": calm_entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert response == {"moved_to": "2026-01-06"}
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    assert state_of(hass, "sensor.alex_sam_next_dose") == "2026-01-06"
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "postpone_dose_day",
            {"config_entry_id": calm_entry.entry_id},
            blocking=True,
        )
    assert err.value.translation_key == "not_a_dose_day"

    await _tick(hass, freezer, _at("2026-01-06", 9))
    await hass.services.async_call(
        DOMAIN,
        "log_dose",
        {"config_entry_id": calm_entry.entry_id, "partner": 1},
        blocking=True,
    )
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "postpone_dose_day",
            {"config_entry_id": calm_entry.entry_id},
            blocking=True,
        )
    assert err.value.translation_key == "postpone_already_dosed"
    assert state_of(hass, "sensor.alex_sam_phase") == "dose_day"


async def test_calm_options(hass: HomeAssistant, calm_entry: MockConfigEntry) -> None:
    """Limits and words are stored; a word with * inside is refused."""
    result = await hass.config_entries.options.async_init(calm_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "calm"}
    )
    form = {
        "calm_calendars": ["calendar.home"],
        "busy_hours": 2,
        "max_events": 3,
        "stressed_at": 5,
        "keywords": ["dead*line"],
    }
    result = await hass.config_entries.options.async_configure(result["flow_id"], form)
    assert result["errors"] == {"keywords": "invalid_keyword"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], form | {"keywords": ["deadline*", " "]}
    )
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()
    calm = calm_entry.runtime_data.settings.calm
    assert calm.calendars == ("calendar.home",)
    assert calm.thresholds.busy_minutes == 120
    assert calm.thresholds.keywords == ("deadline*",)


async def test_new_calm_calendars_count_at_once_without_a_reload(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After a save the chosen calendars decide, and their changes are followed."""
    assert state_of(hass, CALM) == "off"  # the busy work calendar
    result = await hass.config_entries.options.async_init(calm_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "calm"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "calm_calendars": ["calendar.home"],
            "busy_hours": 4,
            "max_events": 5,
            "stressed_at": 4,
        },
    )
    await hass.async_block_till_done()
    assert state_of(hass, CALM) == "on"  # only the quiet home calendar counts

    home = calendars["calendar.home"]
    home.events.append(
        CalendarEvent(_at("2026-01-05", 10), _at("2026-01-05", 16), "Moving day")
    )
    home.async_write_ha_state()
    await _settle(hass, freezer)
    assert state_of(hass, CALM) == "off"
    assert _reasons(hass) == ["busy_hours"]  # six hours; the words were left empty


async def test_quick_refreshes_are_coalesced(
    hass: HomeAssistant,
    calendars: dict[str, FakeCalendar],
    calm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Ten changes in a moment read the calendars twice, not ten times."""
    reads: list[datetime] = []
    original = calendars["calendar.home"].async_get_events

    async def counting(hass: HomeAssistant, start: datetime, end: datetime) -> Any:
        reads.append(start)
        return await original(hass, start, end)

    calendars["calendar.home"].async_get_events = counting  # type: ignore[method-assign]
    for _ in range(10):
        calm_entry.runtime_data.calm_watcher.async_request_refresh()
    await hass.async_block_till_done()
    await _tick(hass, freezer, _at("2026-01-05", 10) + timedelta(seconds=5))
    # The first request reads at once; the nine that follow within the pause
    # become a single reading when it ends.
    assert len(reads) == 2


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_every_reason_has_words_in_the_frontend(
    hass: HomeAssistant, calm_entry: MockConfigEntry, language: str
) -> None:
    """The frontend translates each listed reason; none shows as a bare code."""
    strings = await async_get_translations(hass, language, "entity", [DOMAIN])
    prefix = f"component.{DOMAIN}.entity.binary_sensor.calm_day.state_attributes"
    for reason in CalmReason:
        words = strings.get(f"{prefix}.reasons.state.{reason}")
        assert words, f"{language}: {reason}"
        assert words != str(reason)
    state = hass.states.get(CALM)
    assert state is not None
    assert all(isinstance(reason, str) for reason in state.attributes["reasons"])
