"""The automation blueprints, used as a couple would use them, with the real couple."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.components.blueprint import Blueprint
from homeassistant.const import EVENT_CALL_SERVICE, __version__
from homeassistant.core import Context, Event, HomeAssistant, ServiceCall
from homeassistant.helpers.sun import get_astral_event_next
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import async_set_up, state_of

REPOSITORY = Path(__file__).parents[2]
FOLDER = "blueprints/automation/microdose_together"
SOURCE = f"https://github.com/microdose-together/microdose_together/blob/main/{FOLDER}"
AUTOMATION = "automation.blueprint_under_test"

ALEX_DUE = "binary_sensor.alex_check_in_due"
SAM_DUE = "binary_sensor.sam_check_in_due"
DOSE_DAY = "binary_sensor.alex_sam_dose_day"
CALM_DAY = "binary_sensor.alex_sam_calm_day"
INTENTION = "text.alex_sam_shared_intention"
TODAY_FEELS = "select.alex_sam_today_feels"
RITUAL = "switch.alex_sam_ritual"
CHECK_IN_REQUEST = "Time for your check-in: three quick taps on how today feels."
TITLES = {
    "check_in_reminder.yaml": "ask again for a check-in",
    "dose_day_morning.yaml": "offer to move a dose on a day that is not calm",
    "ritual_at_a_time.yaml": "evening ritual at a time",
}

NOT_CALM = (
    "Today may not be calm (you said so yourselves). If you would rather wait, "
    "you can move the dose to the next rest day."
)


@pytest.fixture(autouse=True)
async def blueprint_folder(hass: HomeAssistant, tmp_path: Path) -> AsyncGenerator[None]:
    """Give Home Assistant a configuration folder holding this repository's files."""
    await hass.async_add_executor_job(
        shutil.copytree, REPOSITORY / FOLDER, tmp_path / FOLDER
    )
    hass.config.config_dir = str(tmp_path)
    yield
    if hass.services.has_service("automation", "turn_off"):
        # Detach the time and sunset triggers, as removing an automation would.
        await hass.services.async_call(
            "automation", "turn_off", {"entity_id": "all"}, blocking=True
        )


async def _use(hass: HomeAssistant, blueprint: str, **inputs: Any) -> None:
    """Make an automation from one of the blueprints, as the UI would."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "alias": "Blueprint under test",
                "use_blueprint": {
                    "path": f"microdose_together/{blueprint}.yaml",
                    "input": inputs,
                },
            }
        },
    )
    await hass.async_block_till_done()
    assert state_of(hass, AUTOMATION) == "on"


async def _settle(hass: HomeAssistant) -> None:
    """Let Home Assistant run everything that is ready to run.

    block_till_done would also wait for an automation that is itself waiting
    (for an answer, a tap or its timeout), so yield to the loop until only
    waiting work is left, as Home Assistant's own blueprint tests do.
    """
    for _ in range(1000):
        await asyncio.sleep(0)
        if not hass.loop._ready:  # type: ignore[attr-defined]
            return
    pytest.fail("Home Assistant did not settle")


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str) -> None:
    freezer.move_to(dt_util.parse_datetime(moment))
    async_fire_time_changed(hass)
    await _settle(hass)


async def _act(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> None:
    await hass.services.async_call(
        DOMAIN, action, {"config_entry_id": entry.entry_id, **data}, blocking=True
    )
    await _settle(hass)


async def _tap(hass: HomeAssistant, action: str, *, user_id: str) -> None:
    """Tap a button on a partner's phone (the app sends its user along)."""
    hass.bus.async_fire(
        "mobile_app_notification_action",
        {"action": action},
        context=Context(user_id=user_id),
    )
    await _settle(hass)


def _asks(phones: dict[str, list[ServiceCall]], phone: str) -> int:
    """Count the check-in requests a phone received."""
    return sum(call.data.get("message") == CHECK_IN_REQUEST for call in phones[phone])


# ---- every blueprint loads ------------------------------------------------


async def test_each_blueprint_loads_with_its_metadata(hass: HomeAssistant) -> None:
    """Home Assistant's loader reads all three, for this version and the floor."""
    assert await async_setup_component(hass, "automation", {})
    loaded = await async_get_blueprints(hass).async_get_blueprints()
    ours = {
        path.removeprefix("microdose_together/"): blueprint
        for path, blueprint in loaded.items()
        if path.startswith("microdose_together/")
    }
    assert sorted(ours) == sorted(TITLES)
    for name, blueprint in ours.items():
        assert isinstance(blueprint, Blueprint), (name, blueprint)
        assert blueprint.domain == "automation"
        assert blueprint.validate() is None, (name, __version__)
        meta = blueprint.metadata
        assert meta["author"] == "Microdose Together"
        assert meta["homeassistant"] == {"min_version": "2025.4.0"}
        assert meta["source_url"] == f"{SOURCE}/{name}"
        assert meta["name"] == f"Microdose Together \N{EN DASH} {TITLES[name]}"
        couple = blueprint.inputs["couple"]["selector"]
        assert couple == {"config_entry": {"integration": DOMAIN}}


async def test_no_blueprint_asks_for_phones(hass: HomeAssistant) -> None:
    """Phones are the ones chosen in the integration; no blueprint names any."""
    assert await async_setup_component(hass, "automation", {})
    loaded = await async_get_blueprints(hass).async_get_blueprints()
    for path, blueprint in loaded.items():
        assert isinstance(blueprint, Blueprint), path
        for name, spec in blueprint.inputs.items():
            assert "text" not in (spec or {}).get("selector", {}), (path, name)
        assert "notify." not in str(blueprint.data), path


# ---- check-in reminder ----------------------------------------------------


def _reminder(entry: MockConfigEntry, **inputs: Any) -> dict[str, Any]:
    return {
        "couple": entry.entry_id,
        "first_partner_due": ALEX_DUE,
        "second_partner_due": SAM_DUE,
        **inputs,
    }


@pytest.fixture
async def late_quiet_entry(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """A couple whose quiet hours begin late, at 23:30."""
    entry = make_entry(options={"quiet_start": "23:30:00"})
    await async_set_up(hass, entry)
    return entry


async def test_reminder_asks_again_until_answered_and_at_most_twice(
    hass: HomeAssistant,
    late_quiet_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Every 30 minutes, twice at most; an answer ends that partner's reminders."""
    await _use(
        hass, "check_in_reminder", **_reminder(late_quiet_entry, quiet_start="23:30:00")
    )
    requested = async_capture_events(hass, f"{DOMAIN}_check_in_requested")

    await _at(hass, freezer, "2026-01-05T21:30:00+02:00")  # the integration asks
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (1, 1)

    await _at(hass, freezer, "2026-01-05T21:59:00+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (1, 1)
    await _at(hass, freezer, "2026-01-05T22:00:00+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (2, 2)

    await _at(hass, freezer, "2026-01-05T22:10:00+02:00")
    await _act(
        hass, late_quiet_entry, "check_in", partner=1, mood=4, connection=4, stress=2
    )
    assert state_of(hass, ALEX_DUE) == "off"

    await _at(hass, freezer, "2026-01-05T22:30:00+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (2, 3)

    await _at(hass, freezer, "2026-01-05T23:00:00+02:00")
    await _at(hass, freezer, "2026-01-05T23:29:00+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (2, 3)
    assert sorted(event.data["partner"] for event in requested) == [1, 1, 2, 2, 2]
    assert state_of(hass, SAM_DUE) == "on"


@pytest.mark.parametrize(
    ("quiet_start", "quiet_end", "asks"),
    [
        ("22:30:00", "07:30:00", 2),  # quiet hours across midnight: 22:00 is fine
        ("21:45:00", "23:00:00", 1),  # quiet already at 22:00
    ],
)
async def test_reminder_stays_quiet_in_quiet_hours(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    quiet_start: str,
    quiet_end: str,
    asks: int,
) -> None:
    """A reminder that would fall in quiet hours is not sent, nor any after it."""
    await _use(
        hass,
        "check_in_reminder",
        **_reminder(
            setup_entry, quiet_start=quiet_start, quiet_end=quiet_end, reminders=3
        ),
    )
    requested = async_capture_events(hass, f"{DOMAIN}_check_in_requested")
    await _at(hass, freezer, "2026-01-05T21:30:00+02:00")
    await _at(hass, freezer, "2026-01-05T22:00:00+02:00")
    await _at(hass, freezer, "2026-01-05T22:30:00+02:00")

    for moment in ("2026-01-05T23:00:00", "2026-01-06T07:30:00", "2026-01-06T08:00:00"):
        await _at(hass, freezer, f"{moment}+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (asks, asks)
    assert len(requested) == 2 * asks


async def test_reminder_only_for_the_chosen_partner_and_couple(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Only Sam is reminded; another couple's check-in time starts nothing here."""
    await _use(
        hass, "check_in_reminder", **_reminder(setup_entry, remind="2", reminders=1)
    )
    await _at(hass, freezer, "2026-01-05T21:30:00+02:00")
    hass.bus.async_fire(
        f"{DOMAIN}_check_in_due",
        {"config_entry_id": "another_couple", "partner": 2, "partner_name": "Kim"},
    )
    await _settle(hass)

    await _at(hass, freezer, "2026-01-05T22:00:00+02:00")
    assert (_asks(phones, PHONE_1), _asks(phones, PHONE_2)) == (1, 2)


# ---- dose-day morning -----------------------------------------------------


async def _morning(hass: HomeAssistant, entry: MockConfigEntry, **extra: str) -> None:
    await _use(
        hass,
        "dose_day_morning",
        couple=entry.entry_id,
        when="10:30:00",
        dose_day=DOSE_DAY,
        calm_day=CALM_DAY,
        **extra,
    )


async def _set_intention_and_feeling(
    hass: HomeAssistant, feels: str, intention: str = "listen more than we talk"
) -> None:
    await hass.services.async_call(
        "text", "set_value", {"entity_id": INTENTION, "value": intention}, blocking=True
    )
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": TODAY_FEELS, "option": feels},
        blocking=True,
    )
    await hass.async_block_till_done()


def _notes(
    phones: dict[str, list[ServiceCall]], since: int = 0
) -> list[dict[str, Any]]:
    """Return what both phones received since a point, each phone in turn."""
    assert len(phones[PHONE_1]) == len(phones[PHONE_2])
    return [dict(call.data) for call in phones[PHONE_1][since:]] + [
        dict(call.data) for call in phones[PHONE_2][since:]
    ]


def _morning_tag(entry: MockConfigEntry, slot: int) -> str:
    """Each partner's phone keeps one morning note: a newer one replaces it."""
    return f"{DOMAIN}_{entry.entry_id}_{slot}_message_morning"


def _on_both_phones(
    entry: MockConfigEntry, message: str, actions: list[dict[str, str]] | None = None
) -> list[dict[str, Any]]:
    """Return the note as Alex's phone and then Sam's receive it."""
    notes = []
    for slot in (1, 2):
        data: dict[str, Any] = {"tag": _morning_tag(entry, slot), "group": DOMAIN}
        if actions:
            data["actions"] = actions
        notes.append({"title": "Dose day", "message": message, "data": data})
    return notes


async def test_no_offer_on_a_calm_dose_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A calm dose day needs no offer: the integration's own note says the rest."""
    await _set_intention_and_feeling(hass, "automatic")
    assert state_of(hass, CALM_DAY) == "on"
    await _morning(hass, setup_entry)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")
    await _at(hass, freezer, "2026-01-05T14:30:00+02:00")
    assert _notes(phones) == []


async def test_morning_note_offers_to_move_the_dose_when_not_calm(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A tap on "Move the dose" on either phone postpones it; both hear where to."""
    await _set_intention_and_feeling(hass, "not_calm")
    assert state_of(hass, CALM_DAY) == "off"
    postponed = async_capture_events(hass, f"{DOMAIN}_dose_day_postponed")
    await _morning(hass, setup_entry)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")

    (alex, sam) = _notes(phones)
    (offer,) = alex["data"]["actions"]
    assert offer["title"] == "Move the dose"
    assert offer["action"].startswith("MICRODOSE_TOGETHER_POSTPONE_")
    assert [alex, sam] == _on_both_phones(setup_entry, NOT_CALM, [offer])

    await _tap(
        hass, "MICRODOSE_TOGETHER_POSTPONE_another_morning", user_id=ALEX_USER_ID
    )
    assert state_of(hass, DOSE_DAY) == "on"
    await _tap(hass, offer["action"], user_id=ALEX_USER_ID)
    assert state_of(hass, DOSE_DAY) == "off"
    assert state_of(hass, "sensor.alex_sam_phase") == "rest_day"
    assert [event.data["to"] for event in postponed] == ["2026-01-06"]
    assert _notes(phones, since=1) == _on_both_phones(
        setup_entry,
        "Moved. Your dose is now on Tuesday 6 January; today is a rest day.",
    )


async def test_an_automation_from_the_earlier_version_still_offers(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The intention input the blueprint once had is left over, and ignored."""
    await _set_intention_and_feeling(hass, "not_calm")
    await _morning(hass, setup_entry, intention=INTENTION)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")
    (alex, _sam) = _notes(phones)
    assert alex["message"] == NOT_CALM


async def test_morning_note_says_gently_why_today_is_not_calm(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A stressed check-in earlier makes the note name that reason in plain words."""
    await _set_intention_and_feeling(hass, "automatic", "")
    await _act(hass, setup_entry, "check_in", partner=2, mood=3, connection=3, stress=5)
    calm = hass.states.get(CALM_DAY)
    assert calm is not None
    assert (calm.state, calm.attributes["reasons"]) == ("off", ["partner_stressed"])
    await _morning(hass, setup_entry)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")

    (alex, sam) = _notes(phones)
    message = (
        "Today may not be calm (one of you is feeling stressed). If you would "
        "rather wait, you can move the dose to the next rest day."
    )
    assert [alex["message"], sam["message"]] == [message, message]


async def test_morning_offer_after_a_dose_was_logged_says_it_could_not_move(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """If one of them has already dosed, the tap changes nothing and says so kindly."""
    await _set_intention_and_feeling(hass, "not_calm")
    await _morning(hass, setup_entry)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")
    offer = phones[PHONE_2][0].data["data"]["actions"][0]["action"]
    await _act(hass, setup_entry, "log_dose", partner=1)

    await _tap(hass, offer, user_id=SAM_USER_ID)
    assert state_of(hass, DOSE_DAY) == "on"
    assert _notes(phones, since=1) == _on_both_phones(
        setup_entry,
        "The dose could not be moved: it may already be logged or moved. "
        "Your dashboard shows where today stands.",
    )


async def test_morning_note_waits_for_quiet_hours_to_end(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
) -> None:
    """A note due in the couple's quiet hours reaches both phones when they end."""
    entry = make_entry(options={"quiet_start": "10:00:00", "quiet_end": "11:00:00"})
    await async_set_up(hass, entry)
    await _set_intention_and_feeling(hass, "not_calm", "")
    await _morning(hass, entry)
    await _at(hass, dose_day_clock, "2026-01-05T10:30:00+02:00")
    await _at(hass, dose_day_clock, "2026-01-05T10:59:59+02:00")
    assert _notes(phones) == []

    await _at(hass, dose_day_clock, "2026-01-05T11:00:00+02:00")
    (alex, _sam) = _notes(phones)
    assert _notes(phones) == _on_both_phones(entry, NOT_CALM, alex["data"]["actions"])


@pytest.mark.parametrize(("tapped_at", "moved"), [("14:29", True), ("14:30", False)])
async def test_morning_offer_stays_open_for_four_hours(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
    tapped_at: str,
    moved: bool,
) -> None:
    """The offer is open until 14:30 by default; a later tap moves nothing."""
    await _set_intention_and_feeling(hass, "not_calm")
    await _morning(hass, setup_entry)
    await _at(hass, freezer, "2026-01-05T10:30:00+02:00")
    offer = phones[PHONE_1][0].data["data"]["actions"][0]["action"]
    await _at(hass, freezer, f"2026-01-05T{tapped_at}:00+02:00")

    await _tap(hass, offer, user_id=ALEX_USER_ID)
    assert state_of(hass, DOSE_DAY) == ("off" if moved else "on")
    assert len(_notes(phones)) == (4 if moved else 2)


async def test_no_morning_note_on_a_rest_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Tuesday rests: the time comes and goes without a note."""
    await _at(hass, freezer, "2026-01-06T00:00:01+02:00")
    assert state_of(hass, DOSE_DAY) == "off"
    await _set_intention_and_feeling(hass, "not_calm")
    await _morning(hass, setup_entry)
    sent = len(phones[PHONE_1]), len(phones[PHONE_2])
    await _at(hass, freezer, "2026-01-06T10:30:00+02:00")
    assert (len(phones[PHONE_1]), len(phones[PHONE_2])) == sent


# ---- ritual at a time -----------------------------------------------------


def _ritual_calls(hass: HomeAssistant) -> list[Event]:
    return async_capture_events(hass, EVENT_CALL_SERVICE)


def _started(calls: list[Event]) -> list[dict[str, Any]]:
    return [
        dict(call.data["service_data"])
        for call in calls
        if (call.data["domain"], call.data["service"]) == (DOMAIN, "start_ritual")
    ]


@pytest.mark.parametrize(
    ("sam", "feels", "only_calm_days", "starts"),
    [
        ("home", "automatic", True, True),
        ("not_home", "automatic", True, False),
        ("home", "not_calm", True, False),
        ("home", "not_calm", False, True),
    ],
)
async def test_ritual_starts_at_its_time_when_both_are_home(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    sam: str,
    feels: str,
    only_calm_days: bool,
    starts: bool,
) -> None:
    """At 20:30, with both home (and a calm day, if asked for), the ritual starts."""
    hass.states.async_set("person.alex", "home")
    hass.states.async_set("person.sam", sam)
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": TODAY_FEELS, "option": feels},
        blocking=True,
    )
    await _use(
        hass,
        "ritual_at_a_time",
        couple=setup_entry.entry_id,
        persons=["person.alex", "person.sam"],
        only_calm_days=only_calm_days,
        calm_day=CALM_DAY,
    )
    calls = _ritual_calls(hass)
    await _at(hass, freezer, "2026-01-05T20:29:00+02:00")
    assert _started(calls) == []
    assert state_of(hass, RITUAL) == "off"

    await _at(hass, freezer, "2026-01-05T20:30:00+02:00")
    expected = [{"config_entry_id": setup_entry.entry_id}] if starts else []
    assert _started(calls) == expected
    assert state_of(hass, RITUAL) == ("on" if starts else "off")


async def test_ritual_at_sunset_rather_than_at_the_time(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Chosen "at sunset", the time input does nothing and sunset starts it."""
    hass.config.latitude, hass.config.longitude = 60.17, 24.94  # Helsinki
    for person in ("person.alex", "person.sam"):
        hass.states.async_set(person, "home")
    await _use(
        hass,
        "ritual_at_a_time",
        couple=setup_entry.entry_id,
        start_at="sunset",
        time="12:00:00",
        persons=["person.alex", "person.sam"],
        calm_day=CALM_DAY,
    )
    calls = _ritual_calls(hass)
    sunset = dt_util.as_local(get_astral_event_next(hass, "sunset"))
    assert sunset.strftime("%Y-%m-%d %H") == "2026-01-05 15"
    await _at(hass, freezer, "2026-01-05T12:00:00+02:00")
    assert _started(calls) == []

    await _at(hass, freezer, sunset.isoformat())
    assert _started(calls) == [{"config_entry_id": setup_entry.entry_id}]
    assert state_of(hass, RITUAL) == "on"
