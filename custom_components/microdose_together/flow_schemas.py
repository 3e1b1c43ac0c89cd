"""Form schemas and checks shared by the config, reconfigure and options flows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, selector
from homeassistant.util import slugify
import voluptuous as vol

from .const import (
    CONF_CEILING,
    CONF_COUPLE_NAME,
    CONF_DAYS_OFF,
    CONF_DAYS_ON,
    CONF_FORM,
    CONF_NAME,
    CONF_NOTIFY,
    CONF_PARTNERS,
    CONF_PERSON,
    CONF_PRESET,
    CONF_REMINDER_TIME,
    CONF_SNOOZE_MINUTES,
    CONF_STARTING_AMOUNT,
    CONF_USER_ID,
    CONF_WEEKDAYS,
    CONF_WEEKLY_SUMMARY,
    CONF_WEEKLY_SUMMARY_DAY,
    CONF_WEEKLY_SUMMARY_TIME,
    CONF_WEEKS_OFF,
    CONF_WEEKS_ON,
    DEFAULT_DAYS_OFF,
    DEFAULT_DAYS_ON,
    DEFAULT_WEEKS_OFF,
    DEFAULT_WEEKS_ON,
    DOMAIN,
    PARTNER_SLOTS,
)
from .core.doses import DEFAULT_START_G, HARD_CEILING_G, Form, ceiling_refusal
from .core.protocol import Preset
from .core.snooze import (
    DEFAULT_SNOOZE_MINUTES,
    SNOOZE_MINUTES_MAX,
    SNOOZE_MINUTES_MIN,
)
from .phones import phones_of_user, user_of_person
from .settings import WeeklySummarySettings

NOTIFY_PREFIX = "notify."
MOBILE_APP_PREFIX = "mobile_app_"
# The companion app's config entry keys (homeassistant.components.mobile_app.const).
MOBILE_APP_DOMAIN = "mobile_app"
MOBILE_APP_DEVICE_NAME = "device_name"
MOBILE_APP_DEVICE_ID = "device_id"
# Generous input bounds: amounts above the seed figures must reach our own
# check so the user sees why, instead of the form silently refusing them.
AMOUNT_INPUT_MAX = 10.0
WEEKDAY_VALUES = [str(day) for day in range(7)]


def partner_key(slot: int, field: str) -> str:
    """Return the flat form key for a partner's field, e.g. ``partner_1_name``."""
    return f"partner_{slot}_{field}"


def _text() -> selector.TextSelector:
    return selector.TextSelector()


def _count(minimum: int, maximum: int, unit: str) -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=minimum,
            max=maximum,
            step=1,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement=unit,
        )
    )


def _grams() -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=0.01,
            max=AMOUNT_INPUT_MAX,
            step=0.01,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement="g",
        )
    )


def choice_selector(
    options: list[str], key: str, *, multiple: bool = False
) -> selector.SelectSelector:
    """Return a translated drop-down (or multiple choice) of fixed options."""
    return selector.SelectSelector(
        selector.SelectSelectorConfig(
            options=options,
            translation_key=key,
            multiple=multiple,
            mode=selector.SelectSelectorMode.DROPDOWN,
        )
    )


def couple_schema() -> vol.Schema:
    """Return the couple's name plus both partners (setup and reconfigure).

    A partner is a person with a Home Assistant user: that user decides whose
    words are whose, and that user's companion-app phones get the messages.
    """
    fields: dict[Any, Any] = {vol.Required(CONF_COUPLE_NAME): _text()}
    for slot in PARTNER_SLOTS:
        fields[vol.Required(partner_key(slot, CONF_NAME))] = _text()
        fields[vol.Required(partner_key(slot, CONF_PERSON))] = _person()
    return vol.Schema(fields)


def people_schema() -> vol.Schema:
    """Return only the two persons (linking a couple set up before users)."""
    return vol.Schema(
        {
            vol.Required(partner_key(slot, CONF_PERSON)): _person()
            for slot in PARTNER_SLOTS
        }
    )


def _person() -> selector.EntitySelector:
    return selector.EntitySelector(selector.EntitySelectorConfig(domain="person"))


def flatten_couple(data: Mapping[str, Any]) -> dict[str, Any]:
    """Turn stored entry data into the flat form keys (for suggestions)."""
    flat: dict[str, Any] = {CONF_COUPLE_NAME: data[CONF_COUPLE_NAME]}
    for slot, partner in enumerate(data[CONF_PARTNERS], start=1):
        for field in (CONF_NAME, CONF_PERSON):
            if partner.get(field):
                flat[partner_key(slot, field)] = partner[field]
    return flat


def check_people(
    hass: HomeAssistant, user_input: Mapping[str, Any]
) -> tuple[list[dict[str, str | None]], dict[str, str]]:
    """Find each partner's user through their person; return them and field errors.

    A person without a user, or a user without a companion-app phone, could
    neither be told apart from others nor reached; two partners must be two
    people.
    """
    errors: dict[str, str] = {}
    people: list[dict[str, str | None]] = []
    for slot in PARTNER_SLOTS:
        key = partner_key(slot, CONF_PERSON)
        person = str(user_input.get(key) or "").strip() or None
        user_id = user_of_person(hass, person)
        if user_id is None:
            errors[key] = "person_without_user"
        elif not phones_of_user(hass, user_id):
            errors[key] = "no_phone_for_user"
        people.append({CONF_PERSON: person, CONF_USER_ID: user_id})
    first, second = people
    if first[CONF_PERSON] == second[CONF_PERSON] or (
        first[CONF_USER_ID] is not None and first[CONF_USER_ID] == second[CONF_USER_ID]
    ):
        errors[partner_key(2, CONF_PERSON)] = "same_person"
    return people, errors


def validate_couple(
    hass: HomeAssistant, user_input: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the couple form; return entry data and any field errors."""
    people, errors = check_people(hass, user_input)
    partners = []
    for slot, who in zip(PARTNER_SLOTS, people, strict=True):
        name = str(user_input[partner_key(slot, CONF_NAME)]).strip()
        if not name:
            errors[partner_key(slot, CONF_NAME)] = "name_required"
        partners.append({CONF_NAME: name, **who})
    first, second = (_folded(str(partner[CONF_NAME])) for partner in partners)
    if first and first == second:
        errors[partner_key(2, CONF_NAME)] = "same_name"
    couple_name = str(user_input[CONF_COUPLE_NAME]).strip()
    if not couple_name:
        errors[CONF_COUPLE_NAME] = "name_required"
    return {CONF_COUPLE_NAME: couple_name, CONF_PARTNERS: partners}, errors


def keep_partners_users(
    current: Mapping[str, Any], data: Mapping[str, Any], errors: dict[str, str]
) -> None:
    """Refuse giving a linked partner's place to another user.

    Notes and answers belong to the user who wrote them; a new user in that
    place would read them. Names and persons may change, the user may not
    (an older couple's first link is not a change).
    """
    for slot, (before, after) in enumerate(
        zip(current[CONF_PARTNERS], data[CONF_PARTNERS], strict=True), start=1
    ):
        key = partner_key(slot, CONF_PERSON)
        owner = before.get(CONF_USER_ID)
        if owner and after.get(CONF_USER_ID) != owner and key not in errors:
            errors[key] = "partner_user_fixed"


def phones_summary(hass: HomeAssistant, partners: Iterable[Mapping[str, Any]]) -> str:
    """Say where messages will go: "Alex — Alex phone; Sam — Sam phone, Sam tablet".

    Shown while setting up, so the couple sees which devices are reached.
    """
    return "; ".join(
        f"{partner[CONF_NAME]} — "
        + ", ".join(
            phone.device_name
            for phone in phones_of_user(hass, partner.get(CONF_USER_ID))
        )
        for partner in partners
    )


def unique_id_taken(hass: HomeAssistant, unique_id: str, entry_id: str) -> bool:
    """Tell whether another couple already has this unique id."""
    return any(
        other.unique_id == unique_id
        for other in hass.config_entries.async_entries(DOMAIN)
        if other.entry_id != entry_id
    )


def _folded(name: str) -> str:
    """Return a name as people compare it: "Sam" and " sam " are the same name."""
    return " ".join(name.casefold().split())


def phone_identity(hass: HomeAssistant, notify: str) -> str:
    """Return what names a phone for good, even after the phone is renamed.

    A companion-app phone's notify action follows the phone's name, which
    people change; its mobile_app device keeps its id. Any other notify
    target is known only by its action name.
    """
    service = notify.removeprefix(NOTIFY_PREFIX)
    if not service.startswith(MOBILE_APP_PREFIX):
        return notify
    slug = service.removeprefix(MOBILE_APP_PREFIX)
    registry = dr.async_get(hass)
    for app in hass.config_entries.async_entries(MOBILE_APP_DOMAIN):
        if slugify(str(app.data.get(MOBILE_APP_DEVICE_NAME, ""))) != slug:
            continue
        identifier = (MOBILE_APP_DOMAIN, str(app.data.get(MOBILE_APP_DEVICE_ID)))
        for device in dr.async_entries_for_config_entry(registry, app.entry_id):
            if identifier in device.identifiers:
                return f"{MOBILE_APP_DOMAIN}:{device.id}"
    return notify


def couple_unique_id(hass: HomeAssistant, data: Mapping[str, Any]) -> str:
    """Identify a couple by their two users: one person belongs to one couple.

    A couple saved before partners were users is still known by its phones.
    """
    partners = data[CONF_PARTNERS]
    if all(partner.get(CONF_USER_ID) for partner in partners):
        return "+".join(sorted(f"user:{p[CONF_USER_ID]}" for p in partners))
    return "+".join(
        sorted(phone_identity(hass, partner[CONF_NOTIFY]) for partner in partners)
    )


def schedule_schema(current: Mapping[str, Any]) -> dict[Any, Any]:
    """Return the preset and tolerance-cycle fields."""
    return {
        vol.Required(
            CONF_PRESET, default=current.get(CONF_PRESET, Preset.FADIMAN)
        ): choice_selector([preset.value for preset in Preset], CONF_PRESET),
        vol.Required(
            CONF_WEEKS_ON, default=current.get(CONF_WEEKS_ON, DEFAULT_WEEKS_ON)
        ): _count(1, 12, "weeks"),
        vol.Required(
            CONF_WEEKS_OFF, default=current.get(CONF_WEEKS_OFF, DEFAULT_WEEKS_OFF)
        ): _count(0, 12, "weeks"),
    }


def amounts_schema(current: Mapping[str, Any]) -> dict[Any, Any]:
    """Return the form, starting amount and ceiling fields."""
    form = Form(current.get(CONF_FORM, Form.DRIED))
    return {
        vol.Required(CONF_FORM, default=form.value): choice_selector(
            [f.value for f in Form], CONF_FORM
        ),
        vol.Required(
            CONF_STARTING_AMOUNT,
            default=current.get(CONF_STARTING_AMOUNT, DEFAULT_START_G[form]),
        ): _grams(),
        vol.Optional(
            CONF_CEILING, description={"suggested_value": current.get(CONF_CEILING)}
        ): _grams(),
    }


def reminders_schema(
    reminder: time,
    weekly: WeeklySummarySettings,
    snooze_minutes: int = DEFAULT_SNOOZE_MINUTES,
) -> vol.Schema:
    """Return the morning note time, how long "Later" waits, and the weekly summary."""
    return vol.Schema(
        {
            vol.Required(
                CONF_REMINDER_TIME, default=reminder.isoformat()
            ): selector.TimeSelector(),
            vol.Required(CONF_SNOOZE_MINUTES, default=snooze_minutes): _count(
                SNOOZE_MINUTES_MIN, SNOOZE_MINUTES_MAX, "min"
            ),
            vol.Required(
                CONF_WEEKLY_SUMMARY, default=weekly.enabled
            ): selector.BooleanSelector(),
            vol.Required(
                CONF_WEEKLY_SUMMARY_DAY, default=str(weekly.weekday)
            ): choice_selector(WEEKDAY_VALUES, CONF_WEEKDAYS),
            vol.Required(
                CONF_WEEKLY_SUMMARY_TIME, default=weekly.at.isoformat()
            ): selector.TimeSelector(),
        }
    )


def normalise_reminders(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Store the weekly summary's day and the snooze minutes as whole numbers."""
    return dict(user_input) | {
        CONF_WEEKLY_SUMMARY_DAY: int(user_input[CONF_WEEKLY_SUMMARY_DAY]),
        CONF_SNOOZE_MINUTES: int(
            user_input.get(CONF_SNOOZE_MINUTES, DEFAULT_SNOOZE_MINUTES)
        ),
    }


def pattern_schema(preset: Preset, current: Mapping[str, Any]) -> vol.Schema | None:
    """Return the extra pattern form that weekdays and custom need, else None."""
    if preset is Preset.WEEKDAYS:
        return vol.Schema(
            {
                vol.Required(
                    CONF_WEEKDAYS, default=current.get(CONF_WEEKDAYS, ["0", "3"])
                ): choice_selector(WEEKDAY_VALUES, CONF_WEEKDAYS, multiple=True)
            }
        )
    if preset is Preset.CUSTOM:
        return vol.Schema(
            {
                vol.Required(
                    CONF_DAYS_ON, default=current.get(CONF_DAYS_ON, DEFAULT_DAYS_ON)
                ): _count(1, 14, "days"),
                vol.Required(
                    CONF_DAYS_OFF, default=current.get(CONF_DAYS_OFF, DEFAULT_DAYS_OFF)
                ): _count(0, 14, "days"),
            }
        )
    return None


def normalise_pattern(
    user_input: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, str]]:
    """Store weekdays as sorted ints and day counts as ints; refuse an empty choice."""
    if CONF_WEEKDAYS in user_input:
        days = sorted({int(day) for day in user_input[CONF_WEEKDAYS]})
        if not days:
            return {}, {CONF_WEEKDAYS: "weekdays_required"}
        return {CONF_WEEKDAYS: days}, {}
    return {
        CONF_DAYS_ON: int(user_input[CONF_DAYS_ON]),
        CONF_DAYS_OFF: int(user_input[CONF_DAYS_OFF]),
    }, {}


def normalise_schedule(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Store the cycle lengths as whole weeks."""
    return {
        CONF_PRESET: user_input[CONF_PRESET],
        CONF_WEEKS_ON: int(user_input[CONF_WEEKS_ON]),
        CONF_WEEKS_OFF: int(user_input[CONF_WEEKS_OFF]),
    }


def validate_amounts(
    user_input: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the amounts against the seed figures; errors instead of clamping."""
    form = Form(user_input[CONF_FORM])
    amount = round(float(user_input[CONF_STARTING_AMOUNT]), 3)
    ceiling = round(float(user_input.get(CONF_CEILING) or HARD_CEILING_G[form]), 3)
    errors: dict[str, str] = {}
    if ceiling_refusal(ceiling, form):
        errors[CONF_CEILING] = "ceiling_above_maximum"
    if ceiling_refusal(amount, form):
        errors[CONF_STARTING_AMOUNT] = "amount_above_maximum"
    elif amount > ceiling:
        errors[CONF_STARTING_AMOUNT] = "amount_above_ceiling"
    return {
        CONF_FORM: form.value,
        CONF_STARTING_AMOUNT: amount,
        CONF_CEILING: ceiling,
    }, errors
