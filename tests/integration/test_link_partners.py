"""Linking a couple set up before partners were Home Assistant users.

Such a couple names a notify action per partner and no user. It still loads,
but nobody's private words are readable and no phone is reached until a
repair (or reconfigure) says which person each partner is.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    CLIENT_ID,
    MockConfigEntry,
    MockUser,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.microdose_together.const import DOMAIN

from .conftest import (
    ALEX_USER_ID,
    COUPLE_DATA,
    PHONE_1,
    PHONE_2,
    PRACTICE_OPTIONS,
    SAM_USER_ID,
    add_phone,
)
from .helpers import act, act_as, async_set_up

KIM_USER_ID = "kim00000000000000000000000000003"
USERS_ID = f"user:{ALEX_USER_ID}+user:{SAM_USER_ID}"
PHONES_ID = f"{PHONE_1}+{PHONE_2}"
# Saved by 1.2: a notify action per partner, a person only where one was chosen.
OLD_DATA: dict[str, Any] = {
    "couple_name": "Alex & Sam",
    "partners": [
        {"name": "Alex", "person": "person.alex", "notify": PHONE_1},
        {"name": "Sam", "person": None, "notify": PHONE_2},
    ],
}
PEOPLE = {"partner_1_person": "person.alex", "partner_2_person": "person.sam"}
NOTE = "planted note: what I did not say at dinner"
ANSWERS = ("planted answer: our first trip", "planted answer: the quiet mornings")
PLANTED: dict[str, Any] = {
    "checkins": {
        "records": [
            {
                "id": "01JCHECKINPLANTED000000000",
                "partner": 1,
                "day": "2026-01-04",
                "at": "2026-01-04T21:33:51+02:00",
                "mood": 4,
                "connection": 4,
                "stress": 2,
                "note": NOTE,
            }
        ]
    },
    "prompts": [
        {
            "day": "2026-01-04",
            "prompt_id": "communication_01",
            "theme": "communication",
            "answers": {"1": ANSWERS[0], "2": ANSWERS[1]},
            "revealed": True,
        }
    ],
}


def _issue_id(entry: MockConfigEntry) -> str:
    return f"partners_not_linked_{entry.entry_id}"


@pytest.fixture
def make_old_couple(hass: HomeAssistant) -> Callable[..., MockConfigEntry]:
    """Return a factory for a couple saved before partners were users."""

    def _make(unique_id: str = PHONES_ID) -> MockConfigEntry:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="Alex & Sam",
            unique_id=unique_id,
            data=OLD_DATA,
            options=PRACTICE_OPTIONS,
            version=1,
            minor_version=2,
        )
        entry.add_to_hass(hass)
        return entry

    return _make


@pytest.fixture
async def old_couple(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    phones: dict[str, list[ServiceCall]],
    make_old_couple: Callable[..., MockConfigEntry],
    dose_day_clock: Any,
) -> MockConfigEntry:
    """Set up an older couple whose store holds a note and revealed answers."""
    entry = make_old_couple()
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = {"version": 2, "minor_version": 1, "key": key, "data": PLANTED}
    await async_set_up(hass, entry)
    return entry


async def _open_repair(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, issue_id: str
) -> tuple[Any, dict[str, Any]]:
    """Open the repair as the user does from Settings → Repairs."""
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert response.status == HTTPStatus.OK
    return client, await response.json()


async def _answer(client: Any, flow_id: str, answer: dict[str, Any]) -> Any:
    response = await client.post(f"/api/repairs/issues/fix/{flow_id}", json=answer)
    assert response.status == HTTPStatus.OK
    return await response.json()


def _suggested(flow: dict[str, Any]) -> dict[str, Any]:
    return {
        field["name"]: field.get("description", {}).get("suggested_value")
        for field in flow["data_schema"]
    }


async def _ask_as_partner(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    user: MockUser,
    entry: MockConfigEntry,
) -> list[dict[str, Any]]:
    """Ask the couple's websocket commands, as this user, for couples and history."""
    refresh_token = await hass.auth.async_create_refresh_token(user, CLIENT_ID)
    client = await hass_ws_client(
        hass, hass.auth.async_create_access_token(refresh_token)
    )
    await client.send_json_auto_id({"type": f"{DOMAIN}/couples"})
    couples = await client.receive_json()
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/history",
            "config_entry_id": entry.entry_id,
            "start": "2026-01-01",
            "end": "2026-01-05",
        }
    )
    history = await client.receive_json()
    return [couples, history]


async def test_an_older_couple_is_asked_to_link_its_partners(
    hass: HomeAssistant, old_couple: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    """A fixable warning names the couple; it loads meanwhile, with its history."""
    assert old_couple.state is ConfigEntryState.LOADED
    issue = issue_registry.async_get_issue(DOMAIN, _issue_id(old_couple))
    assert issue is not None
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "partners_not_linked"
    assert issue.translation_placeholders == {"couple": "Alex & Sam"}


@pytest.mark.parametrize("language", ["en", "fi"])
async def test_the_repair_says_what_is_withheld_until_linked(
    hass: HomeAssistant, old_couple: MockConfigEntry, language: str
) -> None:
    """Title, form and every refusal are translated; the couple is named."""
    strings = await async_get_translations(hass, language, "issues", [DOMAIN])
    prefix = f"component.{DOMAIN}.issues.partners_not_linked"
    assert "{couple}" in strings[f"{prefix}.title"]
    step = f"{prefix}.fix_flow.step.link"
    assert "{couple}" in strings[f"{step}.description"]
    for slot in (1, 2):
        assert strings[f"{step}.data.partner_{slot}_person"]
        assert "{" not in strings[f"{step}.data.partner_{slot}_person"]
        assert (
            f"{{partner_{slot}}}"
            in strings[f"{step}.data_description.partner_{slot}_person"]
        )
    for error in ("person_without_user", "no_phone_for_user", "same_person"):
        assert strings[f"{prefix}.fix_flow.error.{error}"]
    assert strings[f"{prefix}.fix_flow.abort.couple_removed"]


async def test_until_linked_no_phone_is_reached(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> None:
    """The old notify actions are no longer used: nothing goes to any phone."""
    with pytest.raises(HomeAssistantError) as refused:
        await act(hass, old_couple, "request_check_in")
    assert refused.value.translation_key == "check_in_not_delivered"
    with pytest.raises(HomeAssistantError):
        await act(hass, old_couple, "send_prompt")
    await hass.async_block_till_done()
    assert phones[PHONE_1] == []
    assert phones[PHONE_2] == []


async def test_until_linked_nobody_reads_private_words(
    hass: HomeAssistant, old_couple: MockConfigEntry
) -> None:
    """Not even the partners themselves: their users are not known yet."""
    for user_id in (ALEX_USER_ID, SAM_USER_ID, None):
        try:
            response = await act_as(
                hass,
                user_id,
                old_couple,
                "get_history",
                start="2026-01-01",
                end="2026-01-05",
            )
        except HomeAssistantError:
            continue  # refused outright is as private as an empty answer
        text = repr(response)
        for secret in (NOTE, *ANSWERS):
            assert secret not in text, (user_id, secret)


async def test_until_linked_the_couple_commands_find_no_couple_and_no_words(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    partner_users: dict[str, MockUser],
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The couple's commands find no couple for either partner; history is refused."""
    for user in partner_users.values():
        couples, history = await _ask_as_partner(hass, hass_ws_client, user, old_couple)
        assert couples["success"]
        assert couples["result"] == []
        assert not history["success"]
        for secret in (NOTE, *ANSWERS):
            assert secret not in repr(history)


async def test_the_repair_links_the_couple_and_goes_away(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    partner_users: dict[str, MockUser],
    issue_registry: ir.IssueRegistry,
) -> None:
    """Each partner's person, checked as in setup; then users and phones take over."""
    # The websocket is served before the repairs page freezes the routes.
    assert await async_setup_component(hass, "websocket_api", {})
    hass.states.async_set("person.guest", "home", {"friendly_name": "Guest"})
    MockUser(id=KIM_USER_ID, name="Kim", groups=[]).add_to_hass(hass)
    hass.states.async_set("person.kim", "home", {"user_id": KIM_USER_ID})

    client, flow = await _open_repair(hass, hass_client, _issue_id(old_couple))
    assert flow["type"] == "form"
    assert flow["step_id"] == "link"
    assert flow["description_placeholders"] == {
        "couple": "Alex & Sam",
        "partner_1": "Alex",
        "partner_2": "Sam",
    }
    assert _suggested(flow) == {
        "partner_1_person": "person.alex",
        "partner_2_person": None,
    }
    for field in flow["data_schema"]:
        assert field["required"] is True
        assert field["selector"]["entity"]["domain"] == ["person"]

    refusals = [
        (
            {"partner_1_person": "person.guest", "partner_2_person": "person.kim"},
            {
                "partner_1_person": "person_without_user",
                "partner_2_person": "no_phone_for_user",
            },
        ),
        (
            {"partner_1_person": "person.sam", "partner_2_person": "person.sam"},
            {"partner_2_person": "same_person"},
        ),
    ]
    for answer, errors in refusals:
        flow = await _answer(client, flow["flow_id"], answer)
        assert flow["type"] == "form"
        assert flow["errors"] == errors
        assert old_couple.data == OLD_DATA
        assert issue_registry.async_get_issue(DOMAIN, _issue_id(old_couple))

    flow = await _answer(client, flow["flow_id"], PEOPLE)
    await hass.async_block_till_done()

    assert flow["type"] == "create_entry"
    assert old_couple.data == COUPLE_DATA  # the notify actions are gone
    assert old_couple.unique_id == USERS_ID
    assert old_couple.state is ConfigEntryState.LOADED
    assert issue_registry.async_get_issue(DOMAIN, _issue_id(old_couple)) is None

    # Reloaded with the users: both partners' own phones are reached now.
    await act(hass, old_couple, "request_check_in")
    await hass.async_block_till_done()
    assert len(phones[PHONE_1]) == 1
    assert len(phones[PHONE_2]) == 1

    # Each partner now finds the couple; only Alex reads Alex's note.
    alex, sam = partner_users[ALEX_USER_ID], partner_users[SAM_USER_ID]
    couples, history = await _ask_as_partner(hass, hass_ws_client, alex, old_couple)
    assert couples["result"] == [
        {
            "config_entry_id": old_couple.entry_id,
            "couple_name": "Alex & Sam",
            "slot": 1,
            "partner_name": "Alex",
        }
    ]
    assert NOTE in repr(history["result"])
    couples, history = await _ask_as_partner(hass, hass_ws_client, sam, old_couple)
    assert [couple["slot"] for couple in couples["result"]] == [2]
    assert history["success"]
    assert NOTE not in repr(history["result"])

    # Once linked, the request never comes back.
    assert await hass.config_entries.async_reload(old_couple.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, _issue_id(old_couple)) is None


async def test_the_repair_keeps_the_id_another_couple_holds(
    hass: HomeAssistant,
    phones: Any,
    make_old_couple: Callable[..., MockConfigEntry],
    dose_day_clock: Any,
    hass_client: ClientSessionGenerator,
) -> None:
    """Linked, the couple keeps its old id if the users' id is already taken."""
    MockConfigEntry(
        domain=DOMAIN,
        unique_id=USERS_ID,
        data=COUPLE_DATA,
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=3,
    ).add_to_hass(hass)
    entry = make_old_couple()
    await async_set_up(hass, entry)

    client, flow = await _open_repair(hass, hass_client, _issue_id(entry))
    flow = await _answer(client, flow["flow_id"], PEOPLE)
    await hass.async_block_till_done()

    assert flow["type"] == "create_entry"
    assert entry.data == COUPLE_DATA
    assert entry.unique_id == PHONES_ID


async def test_a_repair_for_a_removed_couple_changes_nothing(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The couple was removed while the repair was open: it stops kindly."""
    client, flow = await _open_repair(hass, hass_client, _issue_id(old_couple))
    assert await hass.config_entries.async_remove(old_couple.entry_id)
    await hass.async_block_till_done()

    flow = await _answer(client, flow["flow_id"], PEOPLE)

    assert flow["type"] == "abort"
    assert flow["reason"] == "couple_removed"
    assert hass.config_entries.async_entries(DOMAIN) == []


async def test_reconfigure_links_an_older_couple_too(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Reconfigure suggests the stored names and person; saving it links them."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": old_couple.entry_id}
    )
    suggested = {
        str(key): (key.description or {}).get("suggested_value")
        for key in result["data_schema"].schema
    }
    assert suggested == {
        "couple_name": "Alex & Sam",
        "partner_1_name": "Alex",
        "partner_1_person": "person.alex",
        "partner_2_name": "Sam",
        "partner_2_person": None,
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"couple_name": "Alex & Sam", "partner_1_name": "Alex", "partner_2_name": "Sam"}
        | PEOPLE,
    )
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert old_couple.data == COUPLE_DATA
    assert old_couple.unique_id == USERS_ID
    assert issue_registry.async_get_issue(DOMAIN, _issue_id(old_couple)) is None


async def test_a_linked_couple_is_never_asked(
    hass: HomeAssistant, setup_entry: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    """A couple set up with users has nothing to link."""
    assert issue_registry.async_get_issue(DOMAIN, _issue_id(setup_entry)) is None


async def test_a_partner_without_phone_is_named_in_the_repair(
    hass: HomeAssistant,
    old_couple: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """Sam's only phone is signed in as someone else: refused until Sam has one."""
    for app in hass.config_entries.async_entries("mobile_app"):
        if app.data["user_id"] == SAM_USER_ID:
            hass.config_entries.async_update_entry(
                app, data={**app.data, "user_id": KIM_USER_ID}
            )
    client, flow = await _open_repair(hass, hass_client, _issue_id(old_couple))
    flow = await _answer(client, flow["flow_id"], PEOPLE)
    assert flow["errors"] == {"partner_2_person": "no_phone_for_user"}

    add_phone(hass, SAM_USER_ID, "Sam tablet")
    flow = await _answer(client, flow["flow_id"], PEOPLE)
    await hass.async_block_till_done()
    assert flow["type"] == "create_entry"
    assert old_couple.data["partners"][1]["user_id"] == SAM_USER_ID
