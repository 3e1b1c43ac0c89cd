"""Who may call what: the partner as themselves, the couple, automations, anyone.

Alex and Sam are the couple (non-admin users). Robin is a third user of the
home and the admin is the household's, not one of the couple: neither may act
for the couple, and a refusal changes nothing anyone can see. Automations
(calls without a user) may do everything that carries no private text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.microdose_together.const import DOMAIN

from .conftest import ALEX_USER_ID, PHONE_1, PHONE_2, SAM_USER_ID
from .helpers import act, act_as, async_set_up, state_of, ws_call

DAYS = {"start": "2026-01-01", "end": "2026-01-31"}
SCORES = {"mood": 3, "connection": 3, "stress": 3}
CALM_DAY = "binary_sensor.alex_sam_calm_day"
ALEX_NOTE = "alex-note-5b1c"
SAM_NOTE = "sam-note-8e2d"
ALEX_ANSWER = "alex-answer-0f9a"
SAM_ANSWER = "sam-answer-73c4"


@pytest.fixture
async def users(
    hass: HomeAssistant,
    partner_users: dict[str, MockUser],
    hass_admin_user: MockUser,
    third_user: User,
) -> dict[str, str | None]:
    """Return every kind of caller's user id (an automation has none).

    Everyone is in Home Assistant's ordinary user group, as in a real home:
    the group lets them control entities, so only the couple's rule is tried.
    """
    assert hass_admin_user.is_admin
    return {
        "alex": ALEX_USER_ID,
        "sam": SAM_USER_ID,
        "third user": third_user.id,
        "non-partner admin": hass_admin_user.id,
        "automation": None,
    }


class Watch:
    """What everyone can see of the couple: states, history, events, pushes."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: MockConfigEntry,
        phones: dict[str, list[ServiceCall]],
    ) -> None:
        """Start listening to the couple's events."""
        self._hass = hass
        self._entry = entry
        self._phones = phones
        self.events = async_capture_events(hass, "*")

    async def seen(self) -> tuple[Any, ...]:
        """Return the visible picture; a refused call must leave it as it was.

        A button's or scene's state is when it was last pressed, which Home
        Assistant writes before the integration is asked: not part of it.
        """
        states = sorted(
            (state.entity_id, state.state, dict(state.attributes))
            for state in self._hass.states.async_all()
            if state.domain not in ("button", "scene")
        )
        history = await act(self._hass, self._entry, "get_history", **DAYS)
        ours = [e.data for e in self.events if e.event_type.startswith(DOMAIN)]
        pushes = {phone: len(calls) for phone, calls in self._phones.items()}
        return states, history, ours, pushes


@pytest.fixture
def watch(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    phones: dict[str, list[ServiceCall]],
) -> Watch:
    """Watch the couple's visible picture."""
    return Watch(hass, setup_entry, phones)


async def _refused(
    hass: HomeAssistant,
    user_id: str | None,
    entry: MockConfigEntry,
    action: str,
    **data: Any,
) -> ServiceValidationError:
    with pytest.raises(ServiceValidationError) as err:
        await act_as(hass, user_id, entry, action, **data)
    return err.value


def _expected_refusal(caller: str, owner_name: str) -> tuple[str, str]:
    """Return the refusal's key and a word its text names."""
    if caller in ("alex", "sam"):
        return "not_your_partner_slot", owner_name
    return "not_in_couple", "Alex & Sam"


# ---- acting as one partner ---------------------------------------------------

AS_SAM = [
    ("log_dose", {"partner": 2}),
    ("check_in", {"partner": 2} | SCORES),
    ("request_check_in", {"partner": 2}),
]


@pytest.mark.parametrize(("action", "data"), AS_SAM, ids=[a for a, _ in AS_SAM])
@pytest.mark.parametrize("caller", ["alex", "third user", "non-partner admin"])
async def test_only_sam_acts_as_sam(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
    action: str,
    data: dict[str, Any],
) -> None:
    """Alex, a third user and the admin are refused, translated; nothing changes."""
    before = await watch.seen()
    err = await _refused(hass, users[caller], setup_entry, action, **data)
    key, named = _expected_refusal(caller, "Sam")
    assert err.translation_key == key
    assert named in str(err)
    assert await watch.seen() == before


@pytest.mark.parametrize("caller", ["sam", "automation"])
async def test_sam_and_automations_act_as_sam(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    phones: dict[str, list[ServiceCall]],
    caller: str,
) -> None:
    """Sam's own user and an automation log, check in and ask for Sam."""
    user_id = users[caller]
    dose = await act_as(hass, user_id, setup_entry, "log_dose", partner=2)
    assert dose["flags"] == []
    assert state_of(hass, "sensor.sam_last_dose") != "unknown"
    await act_as(hass, user_id, setup_entry, "check_in", partner=2, **SCORES)
    assert state_of(hass, "sensor.sam_mood") == "3"
    response = await act_as(hass, user_id, setup_entry, "request_check_in", partner=2)
    assert response == {"phones": {"2": "sent"}}
    assert len(phones[PHONE_2]) == 1
    assert phones[PHONE_1] == []


@pytest.mark.parametrize("caller", ["alex", "third user", "non-partner admin"])
async def test_a_99_g_dose_for_sam_by_anyone_else_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
) -> None:
    """Who calls is checked first: not even an acknowledged record is kept."""
    before = await watch.seen()
    err = await _refused(
        hass,
        users[caller],
        setup_entry,
        "log_dose",
        partner=2,
        amount=99,
        acknowledge_off_protocol=True,
    )
    assert err.translation_key == _expected_refusal(caller, "Sam")[0]
    assert await watch.seen() == before
    history = await act(hass, setup_entry, "get_history", **DAYS)
    assert history["doses"] == []


@pytest.mark.parametrize("caller", ["alex", "third user", "non-partner admin"])
async def test_a_forged_stress_for_sam_does_not_end_the_calm_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    hass_ws_client: WebSocketGenerator,
    caller: str,
) -> None:
    """Stress 5 "from Sam" by anyone else changes nothing; Sam's own does."""
    assert state_of(hass, CALM_DAY) == "on"
    stressed = {"partner": 2, "mood": 1, "connection": 1, "stress": 5}
    await _refused(hass, users[caller], setup_entry, "check_in", **stressed)
    await hass.async_block_till_done()
    assert state_of(hass, CALM_DAY) == "on"
    assert state_of(hass, "sensor.sam_stress") == "unknown"

    await act_as(hass, SAM_USER_ID, setup_entry, "check_in", **stressed)
    await hass.async_block_till_done()
    assert state_of(hass, CALM_DAY) == "off"


@pytest.mark.parametrize("caller", ["sam", "third user", "non-partner admin"])
async def test_only_the_owner_deletes_a_dose(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
) -> None:
    """Alex's dose stays when Sam, a third user or the admin tries to delete it."""
    dose = await act_as(hass, ALEX_USER_ID, setup_entry, "log_dose", partner=1)
    before = await watch.seen()
    err = await _refused(
        hass, users[caller], setup_entry, "delete_dose", dose_id=dose["dose_id"]
    )
    key, named = _expected_refusal(caller, "Alex")
    assert err.translation_key == key
    assert named in str(err)
    assert await watch.seen() == before


@pytest.mark.parametrize("caller", ["alex", "automation"])
async def test_the_owner_and_automations_delete_a_dose(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    caller: str,
) -> None:
    """Alex's own user, or an automation, removes Alex's mistaken dose."""
    dose = await act(hass, setup_entry, "log_dose", partner=1)
    await act_as(
        hass, users[caller], setup_entry, "delete_dose", dose_id=dose["dose_id"]
    )
    history = await act(hass, setup_entry, "get_history", **DAYS)
    assert history["doses"] == []


async def test_an_unknown_dose_is_not_found_for_the_couple(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
) -> None:
    """A third user learns nothing about which dose ids exist."""
    err = await _refused(
        hass, users["third user"], setup_entry, "delete_dose", dose_id="nope"
    )
    assert err.translation_key == "not_in_couple"
    err = await _refused(hass, ALEX_USER_ID, setup_entry, "delete_dose", dose_id="nope")
    assert err.translation_key == "dose_not_found"


# ---- the couple's shared actions ---------------------------------------------

COUPLE_WIDE: list[tuple[str, dict[str, Any], str | None]] = [
    ("send_prompt", {}, None),
    ("request_check_in", {}, None),
    ("skip_dose_day", {}, None),
    ("postpone_dose_day", {}, None),
    ("pause_protocol", {}, None),
    ("resume_protocol", {}, "pause_protocol"),
    ("start_ritual", {}, None),
    ("end_ritual", {}, "start_ritual"),
    ("set_intention", {"intention": "listen more"}, None),
    ("notify_partners", {"message": "Dinner at eight"}, None),
]
COUPLE_WIDE_IDS = [action for action, _, _ in COUPLE_WIDE]


@pytest.mark.parametrize(("action", "data", "first"), COUPLE_WIDE, ids=COUPLE_WIDE_IDS)
@pytest.mark.parametrize("caller", ["third user", "non-partner admin"])
async def test_someone_outside_the_couple_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
    action: str,
    data: dict[str, Any],
    first: str | None,
) -> None:
    """Robin and the admin cannot act for the couple; nothing changes."""
    if first is not None:
        await act(hass, setup_entry, first)
    before = await watch.seen()
    err = await _refused(hass, users[caller], setup_entry, action, **data)
    assert err.translation_key == "not_in_couple"
    assert "Alex & Sam" in str(err)
    assert await watch.seen() == before


@pytest.mark.parametrize(("action", "data", "first"), COUPLE_WIDE, ids=COUPLE_WIDE_IDS)
@pytest.mark.parametrize("caller", ["alex", "sam"])
async def test_either_partner_acts_for_the_couple(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
    action: str,
    data: dict[str, Any],
    first: str | None,
) -> None:
    """Each partner's own user may use every shared action, and it does its work."""
    if first is not None:
        await act(hass, setup_entry, first)
    before = await watch.seen()
    await act_as(hass, users[caller], setup_entry, action, **data)
    await hass.async_block_till_done()
    assert await watch.seen() != before


async def test_anyone_may_read_the_history_without_text(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Scores, doses and who answered are for everyone; no note, no answer."""
    await act(hass, setup_entry, "log_dose", partner=1)
    await act(hass, setup_entry, "send_prompt")
    for user_id, note, answer in (
        (ALEX_USER_ID, ALEX_NOTE, ALEX_ANSWER),
        (SAM_USER_ID, SAM_NOTE, SAM_ANSWER),
    ):
        reply = await ws_call(
            hass,
            hass_ws_client,
            user_id,
            "check_in",
            config_entry_id=setup_entry.entry_id,
            note=note,
            **SCORES,
        )
        assert reply["success"], reply
        reply = await ws_call(
            hass,
            hass_ws_client,
            user_id,
            "answer_prompt",
            config_entry_id=setup_entry.entry_id,
            answer=answer,
        )
        assert reply["success"], reply

    for caller in ("third user", "non-partner admin", "automation"):
        history = await act_as(hass, users[caller], setup_entry, "get_history", **DAYS)
        assert [c["partner"] for c in history["check_ins"]] == [1, 2]
        assert all("note" not in c for c in history["check_ins"])
        assert all(c["stress"] == 3 for c in history["check_ins"])
        (prompt,) = history["prompts"]
        assert prompt["answered"] == [1, 2]
        assert "answers" not in prompt
        assert "own_answer" not in prompt
        assert len(history["doses"]) == 1
        for secret in (ALEX_NOTE, SAM_NOTE, ALEX_ANSWER, SAM_ANSWER):
            assert secret not in repr(history), caller

    for user_id, own, own_answer, other_slot in (
        (ALEX_USER_ID, ALEX_NOTE, ALEX_ANSWER, 2),
        (SAM_USER_ID, SAM_NOTE, SAM_ANSWER, 1),
    ):
        history = await act_as(hass, user_id, setup_entry, "get_history", **DAYS)
        notes = {c["partner"]: c.get("note") for c in history["check_ins"]}
        assert notes == {3 - other_slot: own, other_slot: None}
        assert "note" not in history["check_ins"][other_slot - 1]
        (prompt,) = history["prompts"]
        assert prompt["answers"] == {"1": ALEX_ANSWER, "2": SAM_ANSWER}
        assert prompt["own_answer"] == own_answer


async def test_an_answer_is_not_in_the_history_before_both_answered(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Alex answered alone: only Alex's own history has it, as Alex's own."""
    await act(hass, setup_entry, "send_prompt")
    reply = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "answer_prompt",
        config_entry_id=setup_entry.entry_id,
        answer=ALEX_ANSWER,
    )
    assert reply["result"] == {"revealed": False}
    for user_id, own in ((ALEX_USER_ID, ALEX_ANSWER), (SAM_USER_ID, None)):
        history = await act_as(hass, user_id, setup_entry, "get_history", **DAYS)
        (prompt,) = history["prompts"]
        assert prompt["answered"] == [1]
        assert prompt["answers"] == {}
        assert prompt["own_answer"] == own
    history = await act(hass, setup_entry, "get_history", **DAYS)
    assert ALEX_ANSWER not in repr(history)


# ---- entities on the dashboard -----------------------------------------------


async def _press(hass: HomeAssistant, user_id: str | None, entity_id: str) -> None:
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": entity_id},
        blocking=True,
        context=Context(user_id=user_id),
    )


@pytest.mark.parametrize("caller", ["alex", "third user", "non-partner admin"])
async def test_sams_dose_button_is_sams(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
) -> None:
    """Pressed by anyone but Sam it records nothing and says why."""
    before = await watch.seen()
    with pytest.raises(ServiceValidationError) as err:
        await _press(hass, users[caller], "button.sam_log_dose")
    key, named = _expected_refusal(caller, "Sam")
    assert err.value.translation_key == key
    assert named in str(err.value)
    history = await act(hass, setup_entry, "get_history", **DAYS)
    assert history["doses"] == []
    assert state_of(hass, "sensor.sam_last_dose") == "unknown"
    assert await watch.seen() == before


@pytest.mark.parametrize("caller", ["sam", "automation"])
async def test_sam_and_automations_press_sams_button(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    caller: str,
) -> None:
    """Sam's press (or an automation's) logs Sam's dose."""
    await _press(hass, users[caller], "button.sam_log_dose")
    history = await act(hass, setup_entry, "get_history", **DAYS)
    assert [dose["partner"] for dose in history["doses"]] == [2]


ENTITY_CALLS: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("switch", "turn_on", {}, "switch.alex_sam_protocol_paused", "on"),
    ("switch", "turn_on", {}, "switch.alex_sam_ritual", "on"),
    ("scene", "turn_on", {}, "scene.alex_sam_evening_ritual", "*"),
    (
        "text",
        "set_value",
        {"value": "listen more"},
        "text.alex_sam_shared_intention",
        "listen more",
    ),
    (
        "select",
        "select_option",
        {"option": "not_calm"},
        "select.alex_sam_today_feels",
        "not_calm",
    ),
]
ENTITY_IDS = [
    f"{domain}.{service}:{entity}" for domain, service, _, entity, _ in ENTITY_CALLS
]


async def _use(
    hass: HomeAssistant,
    user_id: str | None,
    domain: str,
    service: str,
    data: dict[str, Any],
    entity_id: str,
) -> None:
    await hass.services.async_call(
        domain,
        service,
        {"entity_id": entity_id, **data},
        blocking=True,
        context=Context(user_id=user_id),
    )
    await hass.async_block_till_done()


@pytest.mark.parametrize(
    ("domain", "service", "data", "entity_id", "after"), ENTITY_CALLS, ids=ENTITY_IDS
)
@pytest.mark.parametrize("caller", ["third user", "non-partner admin"])
async def test_the_couples_controls_refuse_others(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    watch: Watch,
    caller: str,
    domain: str,
    service: str,
    data: dict[str, Any],
    entity_id: str,
    after: str,
) -> None:
    """Pausing, the ritual, the intention and the calm-day say are the couple's."""
    before = await watch.seen()
    with pytest.raises(ServiceValidationError) as err:
        await _use(hass, users[caller], domain, service, data, entity_id)
    assert err.value.translation_key == "not_in_couple"
    assert await watch.seen() == before


@pytest.mark.parametrize(
    ("domain", "service", "data", "entity_id", "after"), ENTITY_CALLS, ids=ENTITY_IDS
)
@pytest.mark.parametrize("caller", ["sam", "automation"])
async def test_the_couples_controls_work_for_them(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    phones: dict[str, list[ServiceCall]],
    caller: str,
    domain: str,
    service: str,
    data: dict[str, Any],
    entity_id: str,
    after: str,
) -> None:
    """A partner's user or an automation changes them."""
    before = state_of(hass, entity_id)
    await _use(hass, users[caller], domain, service, data, entity_id)
    if after == "*":  # a scene's state is when it was last activated
        assert state_of(hass, entity_id) != before
        assert state_of(hass, "switch.alex_sam_ritual") == "on"
    else:
        assert state_of(hass, entity_id) == after


@pytest.mark.parametrize(
    ("switch", "service"),
    [
        ("switch.alex_sam_protocol_paused", "turn_off"),
        ("switch.alex_sam_ritual", "turn_off"),
    ],
)
async def test_switching_off_is_the_couples_too(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    users: dict[str, str | None],
    switch: str,
    service: str,
) -> None:
    """A third user cannot resume the protocol or end the ritual; Alex can."""
    await _use(hass, None, "switch", "turn_on", {}, switch)
    with pytest.raises(ServiceValidationError) as err:
        await _use(hass, users["third user"], "switch", service, {}, switch)
    assert err.value.translation_key == "not_in_couple"
    assert state_of(hass, switch) == "on"
    await _use(hass, ALEX_USER_ID, "switch", service, {}, switch)
    assert state_of(hass, switch) == "off"


# ---- a couple set up before partners were users -------------------------------


async def test_an_unlinked_couple_is_for_automations_only(
    hass: HomeAssistant,
    make_entry: Callable[..., MockConfigEntry],
    phones: dict[str, list[ServiceCall]],
    dose_day_clock: Any,
    partner_users: dict[str, MockUser],
) -> None:
    """Until the repair links the users, no user can act, and the error says how."""
    entry = make_entry(
        data={
            "couple_name": "Alex & Sam",
            "partners": [
                {"name": "Alex", "person": None, "notify": PHONE_1},
                {"name": "Sam", "person": None, "notify": PHONE_2},
            ],
        }
    )
    await async_set_up(hass, entry)
    for action, data in (("log_dose", {"partner": 1}), ("pause_protocol", {})):
        err = await _refused(hass, ALEX_USER_ID, entry, action, **data)
        assert err.translation_key == "partners_not_linked"
        assert "Repairs" in str(err)
    await act(hass, entry, "log_dose", partner=1)
    history = await act_as(hass, ALEX_USER_ID, entry, "get_history", **DAYS)
    assert len(history["doses"]) == 1


# ---- private text is never an action field ------------------------------------


async def test_private_text_is_no_action_field(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A note in check_in is invalid and no call event keeps it; no answer action."""
    calls = async_capture_events(hass, "call_service")
    with pytest.raises(vol.Invalid, match="note"):
        await act_as(
            hass,
            ALEX_USER_ID,
            setup_entry,
            "check_in",
            partner=1,
            note=ALEX_NOTE,
            **SCORES,
        )
    assert ALEX_NOTE not in repr([event.data for event in calls])
    assert state_of(hass, "sensor.alex_mood") == "unknown"
    assert not hass.services.has_service(DOMAIN, "answer_prompt")
