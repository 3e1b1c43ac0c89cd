"""Every action, fuzzed: no call escapes as a crash, and a refused call changes nothing.

How the fuzzing runs inside Home Assistant
------------------------------------------
Each test is an ``async def`` decorated with hypothesis' ``@given``. pytest-asyncio
recognises such tests (its ``AsyncHypothesisTest`` item, present in both the floor's
0.26 and the newest 1.x) and runs every generated example to completion on the
test's own event loop, the loop PHACC's ``hass`` fixture was built on. The fixtures
(``hass``, the couple's entry, the frozen clock) are set up once per test and the
examples share them, hence ``HealthCheck.function_scoped_fixture`` is suppressed:
sharing is the point, the couple's history grows over a thousand calls.

The other patterns were tried. A synchronous test can reach the fixture's loop
with ``hass.loop.run_until_complete`` (the loop is idle while a synchronous test
body runs, on both legs), but that leans on how pytest-asyncio happens to run
fixtures, where ``@given`` on an async test is a case it supports by name. One
example holding a list of a thousand calls fails hypothesis' large_base_example
health check, and ``strategy.example()`` is meant for the REPL, not for tests.
Because the state is shared, a failing example may not replay identically while
hypothesis shrinks it, so every assertion names the exact call it was checking.

``derandomize=True`` and no example database keep the suite deterministic and
leave no files behind. The clock is frozen on the first dose day of the protocol
(Monday 2026-01-05, 10:00 in Helsinki), so which calls the guard accepts does not
depend on when the suite runs.

What each call must do
----------------------
* end normally, or raise a ``ServiceValidationError`` of this integration whose
  translation exists (every placeholder filled), or the ``vol.MultipleInvalid``
  that Home Assistant's service registry lets through from the action's schema
  (on 2026.10 ``voluptuous`` is an alias of ``probatio`` and the registry catches
  ``probatio.Invalid``; both legs raise ``MultipleInvalid`` from
  ``schema(data)`` and nothing else);
* when refused: leave the stored data, the saved file, the couple's in-memory
  history and every entity state exactly as they were;
* when accepted: be in the saved file exactly once (after forcing pending saves),
  with the in-memory history and the file agreeing, and the dose guard holding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
import json
from pathlib import Path
import random
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, given, settings, strategies as st
import orjson
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.coordinator import MicrodoseCoordinator
from custom_components.microdose_together.core.doses import (
    CLOCK_SKEW,
    PLAUSIBLE_LIMIT_G,
    Form,
)
from custom_components.microdose_together.core.limits import clean_text
from custom_components.microdose_together.core.prompts import Theme
from custom_components.microdose_together.record_layout import decode_history
from custom_components.microdose_together.ritual_settings import (
    CONF_RITUAL_LIGHTS,
    CONF_RITUAL_MEDIA_CONTENT_ID,
    CONF_RITUAL_MEDIA_PLAYER,
)

from .conftest import ALEX_USER_ID, SAM_USER_ID
from .demo_home import CEILING, PLAYER, async_set_up_demo
from .helpers import async_set_up, ws_call

# Hypothesis' own note about its PRNG registration on Python 3.14, not about us.
pytestmark = pytest.mark.filterwarnings(
    "ignore:It looks like `register_random` was passed"
    ":hypothesis.errors.HypothesisWarning"
)

CALLS_PER_ACTION = 1000
CALLS_PER_EXAMPLE = 5
EXAMPLES = CALLS_PER_ACTION // CALLS_PER_EXAMPLE

TRANSLATIONS = (
    Path(__file__)
    .parents[2]
    .joinpath("custom_components", DOMAIN, "translations", "en.json")
)
EXCEPTIONS: dict[str, dict[str, str]] = json.loads(
    TRANSLATIONS.read_text(encoding="utf-8")
)["exceptions"]

HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 1, 5)


# ---- values resolved when the call is made --------------------------------


@dataclass(frozen=True, slots=True)
class Ref:
    """A value that only exists at run time (an entry id, a recorded dose id)."""

    kind: str


MISSING = Ref("missing")
ENTRY = Ref("entry")
NOT_LOADED_ENTRY = Ref("not_loaded_entry")
FOREIGN_ENTRY = Ref("foreign_entry")
KNOWN_DOSE = Ref("known_dose")
DELETED_DOSE = Ref("deleted_dose")


# ---- strategies -------------------------------------------------------------

HUGE = st.sampled_from([256, 2001, 5000, 100_000]).flatmap(
    lambda n: st.sampled_from(["x" * n, " " * n, "é" * n])
)
ZONES = st.sampled_from(
    [
        None,
        UTC,
        HELSINKI,
        ZoneInfo("Pacific/Kiritimati"),
        timezone(timedelta(hours=-12)),
    ]
)


def _junk() -> st.SearchStrategy[Any]:
    """Values of the wrong type or shape for any field."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
        HUGE,
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.binary(max_size=4),
        st.dates(),
    )


JUNK = _junk()
# Junk for the fields read as whole numbers (partner, scores, brightness).
WHOLE_JUNK = JUNK


def _required(valid: st.SearchStrategy[Any], invalid: st.SearchStrategy[Any]) -> Any:
    """Mostly valid, often invalid, sometimes left out."""
    return st.integers(0, 19).flatmap(
        lambda n: valid if n < 13 else invalid if n < 19 else st.just(MISSING)
    )


def _optional(valid: st.SearchStrategy[Any], invalid: st.SearchStrategy[Any]) -> Any:
    """Often left out, else mostly valid."""
    return st.integers(0, 19).flatmap(
        lambda n: st.just(MISSING) if n < 7 else valid if n < 15 else invalid
    )


def _dates_as_given(days: st.SearchStrategy[date]) -> st.SearchStrategy[Any]:
    return st.one_of(days, days.map(date.isoformat))


ENTRY_ID = st.integers(0, 19).flatmap(
    lambda n: (
        st.just(ENTRY)
        if n < 15
        else st.one_of(
            st.sampled_from([NOT_LOADED_ENTRY, FOREIGN_ENTRY, MISSING]),
            st.text(max_size=30),
            JUNK,
        )
    )
)
PARTNER = _required(
    st.sampled_from([1, 2, "1", "2", 2.0]),
    st.one_of(st.sampled_from([0, 3, -1, "3", "Alex", "", "1.5"]), WHOLE_JUNK),
)
NEAR_DAYS = st.dates(date(2026, 1, 1), date(2026, 6, 30))
_BAD_DATE_TEXT = st.sampled_from(
    ["2026-02-30", "2026-13-01", "tomorrow", "", "05.01.2026", "2026-1-5T"]
)
_DATE_INVALID = st.one_of(
    _BAD_DATE_TEXT,
    st.sampled_from([date.min, date.max, "0001-01-01", "9999-12-31"]),
    st.dates().map(date.isoformat),
    JUNK,
)
_DATE_INVALID = st.one_of(_DATE_INVALID, st.datetimes(timezones=ZONES))
DATE = _dates_as_given(NEAR_DAYS)

_NEAR_TIMES = st.datetimes(
    datetime(2025, 12, 1), datetime(2026, 3, 31), timezones=ZONES
)
_FAR_TIMES = st.datetimes(
    datetime.min,
    datetime.max,
    timezones=ZONES,
)
TIME = _optional(
    st.one_of(_NEAR_TIMES, _NEAR_TIMES.map(datetime.isoformat)),
    st.one_of(
        _FAR_TIMES,
        _FAR_TIMES.map(datetime.isoformat),
        _BAD_DATE_TEXT,
        st.sampled_from(["2026-01-05 25:00", "10:00", "2026-01-05T10:00:00+99:00"]),
        JUNK,
    ),
)
AMOUNT = _optional(
    st.one_of(st.floats(0.01, 0.3), st.sampled_from(["0.1", 0.3, "0.25", 1])),
    st.one_of(
        st.floats(0.3, 100, exclude_min=True),
        st.floats(100, 1e300, exclude_min=True),
        st.sampled_from([0, -0.1, "0", "-1", "abc", "nan", "inf", float("nan")]),
        JUNK,
    ),
)
FORM = _optional(
    st.sampled_from(["dried", "fresh_truffle"]),
    st.one_of(st.sampled_from(["Dried", "truffle", ""]), JUNK),
)
ACKNOWLEDGE = _optional(
    st.one_of(st.booleans(), st.sampled_from(["yes", "no", "on", "off", 1, 0])),
    st.one_of(st.sampled_from(["maybe", 2, "", "ja"]), JUNK),
)
SCORE = _required(
    st.one_of(st.integers(1, 5), st.sampled_from(["1", "5", 3.0, " 4 "])),
    st.one_of(
        st.sampled_from([0, 6, -1, 10**20, "six", "", "3.5", 3.5, 4.9, 1.0001]),
        WHOLE_JUNK,
    ),
)
SHORT_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["   ", "\n\t", "\x00", "{partner_name}", "<b>hi</b>"]),
)


def _text(limit: int, *, required: bool) -> Any:
    edge = st.sampled_from([limit - 1, limit]).map(lambda n: "a" * n)
    too_long = st.one_of(st.just("b" * (limit + 1)), HUGE, JUNK)
    shape = _required if required else _optional
    return shape(st.one_of(SHORT_TEXT, edge), too_long)


THEME = _optional(
    st.sampled_from([theme.value for theme in Theme]),
    st.one_of(st.sampled_from(["Gratitude", "love", ""]), JUNK),
)
BRIGHTNESS = _optional(
    st.one_of(st.integers(1, 100), st.sampled_from(["50", 25.0])),
    st.one_of(st.integers(-5, 0), st.integers(101, 10**6), WHOLE_JUNK),
)
VOLUME = _optional(
    st.one_of(st.floats(0, 1), st.sampled_from(["0.5", 0, 1])),
    st.one_of(
        st.floats(1, 1e9, exclude_min=True),
        st.floats(-1e9, 0, exclude_max=True),
        JUNK,
    ),
)
MEDIA_TEXT = _optional(SHORT_TEXT, st.one_of(HUGE, JUNK))


@dataclass(frozen=True, slots=True)
class Action:
    """How to fuzz one action and what its calls need around them."""

    fields: dict[str, Any]
    response: bool
    prepare: str | None = None
    ritual: bool = False


ACTIONS: dict[str, Action] = {
    "log_dose": Action(
        {
            "partner": PARTNER,
            "amount": AMOUNT,
            "form": FORM,
            "time": TIME,
            "acknowledge_off_protocol": ACKNOWLEDGE,
        },
        response=True,
    ),
    "delete_dose": Action(
        {
            "dose_id": _required(
                st.sampled_from([KNOWN_DOSE, KNOWN_DOSE, DELETED_DOSE]),
                st.one_of(st.text(max_size=30), JUNK),
            )
        },
        response=False,
        prepare="log_dose",
    ),
    "skip_dose_day": Action({"date": _optional(DATE, _DATE_INVALID)}, response=False),
    "postpone_dose_day": Action({}, response=True),
    "pause_protocol": Action({}, response=False, prepare="resume"),
    "resume_protocol": Action({}, response=False, prepare="pause"),
    "check_in": Action(
        {
            "partner": PARTNER,
            "mood": SCORE,
            "connection": SCORE,
            "stress": SCORE,
        },
        response=True,
        prepare="request_check_in",
    ),
    "request_check_in": Action(
        {"partner": _optional(PARTNER, WHOLE_JUNK)}, response=True
    ),
    "send_prompt": Action({"theme": THEME}, response=True),
    "set_intention": Action({"intention": _text(255, required=True)}, response=False),
    "get_history": Action(
        {
            "start": _required(
                _dates_as_given(st.dates(date(2025, 1, 1), date(2026, 1, 5))),
                _DATE_INVALID,
            ),
            "end": _required(
                _dates_as_given(st.dates(date(2026, 1, 5), date(2027, 1, 5))),
                _DATE_INVALID,
            ),
        },
        response=True,
    ),
    "start_ritual": Action(
        {
            "brightness": BRIGHTNESS,
            "media_content_id": MEDIA_TEXT,
            "media_content_type": MEDIA_TEXT,
            "volume": VOLUME,
        },
        response=True,
        prepare="end_ritual",
        ritual=True,
    ),
    "end_ritual": Action({}, response=True, prepare="start_ritual", ritual=True),
}
EXTRA_FIELD = st.integers(0, 19).flatmap(
    lambda n: st.just(MISSING) if n else st.one_of(st.just("hello"), JUNK)
)


def _call_strategy(action: Action) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"config_entry_id": ENTRY_ID, **action.fields, "unexpected_field": EXTRA_FIELD}
    )


def _example_strategy(name: str) -> st.SearchStrategy[tuple[bool, list[Any]]]:
    return st.tuples(
        st.booleans(),
        st.lists(
            _call_strategy(ACTIONS[name]),
            min_size=CALLS_PER_EXAMPLE,
            max_size=CALLS_PER_EXAMPLE,
        ),
    )


# ---- the couple under test --------------------------------------------------


@dataclass
class Observation:
    """Everything a refused call must leave untouched."""

    stored: bytes
    saved: bytes
    memory: bytes
    states: dict[str, Any]


class World:
    """One couple, the entries around it, and what the fuzzer has seen."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: MockConfigEntry,
        others: tuple[MockConfigEntry, MockConfigEntry],
        hass_storage: dict[str, Any],
    ) -> None:
        """Keep what the calls are made against."""
        self.hass = hass
        self.entry = entry
        self.not_loaded, self.foreign = others
        self.hass_storage = hass_storage
        self.tally: Counter[str] = Counter()
        self.deleted: list[str] = []
        self.examples = 0

    def __repr__(self) -> str:
        """Keep hypothesis' report of a failing example short."""
        return f"World({dict(self.tally)})"

    @property
    def coordinator(self) -> MicrodoseCoordinator:
        coordinator: MicrodoseCoordinator = self.entry.runtime_data
        return coordinator

    @property
    def key(self) -> str:
        return f"{DOMAIN}.{self.entry.entry_id}"

    def resolve(self, value: Any) -> Any:
        if not isinstance(value, Ref):
            return value
        records = self.coordinator.doses.records
        return {
            ENTRY: self.entry.entry_id,
            NOT_LOADED_ENTRY: self.not_loaded.entry_id,
            FOREIGN_ENTRY: self.foreign.entry_id,
            KNOWN_DOSE: records[-1].id if records else "01NODOSEYET",
            DELETED_DOSE: self.deleted[-1] if self.deleted else "01NOTDELETED",
        }[value]

    def saved(self) -> dict[str, Any]:
        saved: dict[str, Any] = self.hass_storage.get(self.key, {}).get("data", {})
        return decode_history(saved)  # records as the domain keeps them

    def observe(self) -> Observation:
        stored = self.coordinator.stored_for_diagnostics()
        return Observation(
            stored=_json(stored),
            saved=_json(self.saved()),
            memory=_json(_memory(self.coordinator)),
            states={
                state.entity_id: (state.state, state.attributes)
                for state in self.hass.states.async_all()
            },
        )


def _json(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def _memory(coordinator: MicrodoseCoordinator) -> dict[str, Any]:
    """Return the couple's history as held in memory, in the stored layout."""
    talk = coordinator.conversation
    return {
        "doses": [record.as_dict() for record in coordinator.doses.records],
        "protocol_state": coordinator.protocol.state_as_dict(),
        "checkins": talk.checkins.as_dict(),
        "prompts": [shared.as_dict() for shared in talk.prompts],
        "intention": talk.intention,
        "requests": talk.requests,
        "held": talk.phones.held_as_list(),
    }


def _stored_view(stored: dict[str, Any]) -> dict[str, Any]:
    """Return the same parts of the stored data, with the defaults of a new couple."""
    return {
        "doses": stored.get("doses", []),
        "protocol_state": stored.get("protocol_state"),
        "checkins": stored.get("checkins", {"records": []}),
        "prompts": stored.get("prompts", []),
        "intention": stored.get("intention", ""),
        "requests": stored.get("requests", {}),
        "held": stored.get("held", []),
    }


def assert_guard_holds(doses: list[dict[str, Any]]) -> None:
    """At most one dose per partner and day went through the guard unflagged.

    And none, flagged or not, lies ahead of now or past the plausible limit.
    """
    unflagged = Counter(
        (dose["partner"], dose["day"]) for dose in doses if not dose["flags"]
    )
    assert all(count == 1 for count in unflagged.values()), unflagged
    latest = dt_util.now() + CLOCK_SKEW
    for dose in doses:
        assert datetime.fromisoformat(dose["taken_at"]) <= latest, dose
        assert dose["amount_g"] <= PLAUSIBLE_LIMIT_G[Form(dose["form"])], dose


@pytest.fixture
async def world(
    hass: HomeAssistant,
    phones: dict[str, list[ServiceCall]],
    make_entry: Callable[..., MockConfigEntry],
    dose_day_clock: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    hass_ws_client: WebSocketGenerator,
    request: pytest.FixtureRequest,
) -> AsyncIterator[World]:
    """Set up the couple once for all examples of one action; check the totals."""
    name: str = request.node.callspec.params["name"]
    options: dict[str, Any] = {}
    if ACTIONS[name].ritual:
        await async_set_up_demo(hass)
        options = {
            CONF_RITUAL_LIGHTS: [CEILING],
            CONF_RITUAL_MEDIA_PLAYER: PLAYER,
            CONF_RITUAL_MEDIA_CONTENT_ID: "evening-playlist",
        }
    entry = make_entry(options=options)
    await async_set_up(hass, entry)
    # Added after set-up, so Home Assistant leaves them as they are.
    not_loaded = MockConfigEntry(domain=DOMAIN, title="Another couple", unique_id="b")
    not_loaded.add_to_hass(hass)
    foreign = MockConfigEntry(domain="other_integration", title="Not a couple")
    foreign.add_to_hass(hass)
    here = World(hass, entry, (not_loaded, foreign), hass_storage)
    # Some history for get_history to find: check-ins, one with a private note,
    # and a revealed prompt (private text comes in by the couple's websocket).
    await _service(
        hass,
        "check_in",
        entry,
        {"partner": 2, "mood": 3, "connection": 4, "stress": 3},
    )
    await _service(hass, "send_prompt", entry, {})
    for user_id, data in (
        (ALEX_USER_ID, {"answer": "one"}),
        (SAM_USER_ID, {"answer": "two"}),
    ):
        reply = await ws_call(
            hass,
            hass_ws_client,
            user_id,
            "answer_prompt",
            config_entry_id=entry.entry_id,
            **data,
        )
        assert reply["success"], reply
    reply = await ws_call(
        hass,
        hass_ws_client,
        ALEX_USER_ID,
        "check_in",
        config_entry_id=entry.entry_id,
        mood=4,
        connection=4,
        stress=2,
        note="private",
    )
    assert reply["success"], reply
    await hass.async_block_till_done()
    await here.coordinator.store.async_flush()
    yield here
    assert here.tally["calls"] >= CALLS_PER_ACTION, here.tally
    assert here.tally["accepted"] >= 1, here.tally
    assert here.tally["refused"] + here.tally["invalid"] >= 1, here.tally


async def _service(
    hass: HomeAssistant, action: str, entry: MockConfigEntry, data: dict[str, Any]
) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=ACTIONS[action].response,
    )


async def _prepare(here: World, name: str) -> None:
    """Put the couple where the action can be accepted (this call is not counted)."""
    coordinator = here.coordinator
    if name == "log_dose":
        await _service(
            here.hass,
            "log_dose",
            here.entry,
            {"partner": 2, "acknowledge_off_protocol": True},
        )
    elif name == "pause" and not coordinator.data.paused:
        await _service(here.hass, "pause_protocol", here.entry, {})
    elif name == "resume" and coordinator.data.paused:
        await _service(here.hass, "resume_protocol", here.entry, {})
    elif name in ("send_prompt", "request_check_in"):
        try:
            await _service(here.hass, name, here.entry, {})
        except ServiceValidationError as err:  # the day's or hour's limit: go on
            if not (err.translation_key or "").endswith("_limit_reached"):
                raise
    elif name == "start_ritual" and coordinator.ritual.started_at is None:
        await _service(here.hass, "start_ritual", here.entry, {})
    elif name == "end_ritual" and coordinator.ritual.started_at is not None:
        await _service(here.hass, "end_ritual", here.entry, {})
    await here.hass.async_block_till_done()
    await coordinator.store.async_flush()


async def _fuzz_call(here: World, name: str, raw: dict[str, Any]) -> None:
    """Make one call and check what it did, or that it did nothing."""
    hass = here.hass
    data = {
        key: here.resolve(value) for key, value in raw.items() if value is not MISSING
    }
    schema = hass.services.async_services_for_domain(DOMAIN)[name].schema
    assert schema is not None
    described = f"{name}({data!r})"
    before = here.observe()
    before_stored = here.coordinator.stored_for_diagnostics()
    ritual_before = "ritual" in before_stored
    response = None
    try:
        response = await hass.services.async_call(
            DOMAIN,
            name,
            dict(data),
            blocking=True,
            return_response=ACTIONS[name].response,
        )
    except ServiceValidationError as err:
        outcome = "refused"
        _check_refusal(err, described)
        assert _schema_accepts(schema, data), described
    except vol.MultipleInvalid:
        outcome = "invalid"
        assert not _schema_accepts(schema, data), described
    else:
        outcome = "accepted"
    await hass.async_block_till_done()
    await here.coordinator.store.async_flush()
    after = here.observe()
    here.tally["calls"] += 1
    here.tally[outcome] += 1

    stored = here.coordinator.stored_for_diagnostics()
    assert after.saved == after.stored, f"not saved after {described}"
    assert _json(_stored_view(stored)) == after.memory, f"memory differs: {described}"
    assert_guard_holds(stored["doses"])
    if outcome != "accepted":
        assert after == before, f"refused but changed something: {described}"
        return
    accepted = Accepted(schema(data), response, stored, ritual_before, here)
    try:
        ACCEPTED_CHECKS[name](accepted)
    except AssertionError as err:
        raise AssertionError(f"accepted, but not as it should be: {described}") from err


def _schema_accepts(schema: Any, data: dict[str, Any]) -> bool:
    try:
        schema(dict(data))
    except vol.Invalid:
        return False
    return True


def _check_refusal(err: ServiceValidationError, described: str) -> None:
    assert err.translation_domain == DOMAIN, described
    assert err.translation_key in EXCEPTIONS, (err.translation_key, described)
    template = EXCEPTIONS[err.translation_key]["message"]
    # Home Assistant drops the final full stop and fills the placeholders; every
    # placeholder of the text must be given, or the user would see the braces.
    expected = template.rstrip(".").format(**(err.translation_placeholders or {}))
    assert str(err) == expected, described


@dataclass(frozen=True, slots=True)
class Accepted:
    """What an accepted call returned and left behind."""

    data: dict[str, Any]  # as the action's schema passed it on
    response: Any
    stored: dict[str, Any]  # after the call, saved
    ritual_before: bool
    world: World


def _doses_logged(call: Accepted) -> None:
    ids = [dose["id"] for dose in call.stored["doses"]]
    assert ids.count(call.response["dose_id"]) == 1


def _dose_deleted(call: Accepted) -> None:
    assert call.data["dose_id"] not in [dose["id"] for dose in call.stored["doses"]]
    call.world.deleted.append(call.data["dose_id"])


def _checked_in(call: Accepted) -> None:
    ids = [record["id"] for record in call.stored["checkins"]["records"]]
    assert ids.count(call.response["check_in_id"]) == 1
    (record,) = (
        record
        for record in call.stored["checkins"]["records"]
        if record["id"] == call.response["check_in_id"]
    )
    for score in ("mood", "connection", "stress"):  # whole, and as given
        assert type(record[score]) is int, record
        assert record[score] == call.data[score], record


def _check_in_requested(call: Accepted) -> None:
    slots = [call.data["partner"]] if "partner" in call.data else [1, 2]
    assert all(f"{slot}:checkin" in call.stored["requests"] for slot in slots)
    assert sorted(call.response["phones"]) == [str(slot) for slot in slots]


def _prompt_sent(call: Accepted) -> None:
    assert call.stored["prompts"][-1]["prompt_id"] == call.response["prompt_id"]


def _intention_set(call: Accepted) -> None:
    assert call.stored["intention"] == clean_text(call.data["intention"])


def _paused(call: Accepted) -> None:
    pauses = call.stored["protocol_state"]["pauses"]
    assert pauses
    assert pauses[-1]["end"] is None


def _resumed(call: Accepted) -> None:
    pauses = call.stored["protocol_state"]["pauses"]
    assert all(pause["end"] is not None for pause in pauses)


def _skipped(call: Accepted) -> None:
    day = call.data.get("date", TODAY)
    assert not call.world.coordinator.protocol.is_dose_day(day)


def _postponed(call: Accepted) -> None:
    assert call.response["moved_to"] in call.stored["protocol_state"]["extra"]


def _history(call: Accepted) -> None:
    start, end = call.data["start"].isoformat(), call.data["end"].isoformat()
    expected = [
        record["id"]
        for record in call.stored["checkins"]["records"]
        if start <= record["day"] <= end
    ]
    found = [item["id"] for item in call.response["check_ins"]]
    assert sorted(found) == sorted(expected)
    # An automation asks: no note and no answer, not even a revealed one.
    assert all("note" not in item for item in call.response["check_ins"])
    for prompt in call.response["prompts"]:
        assert start <= prompt["day"] <= end
        assert "answers" not in prompt
        assert "own_answer" not in prompt


def _ritual_started(call: Accepted) -> None:
    assert "ritual" in call.stored
    assert call.response["started"] is not call.ritual_before


def _ritual_ended(call: Accepted) -> None:
    assert "ritual" not in call.stored
    assert call.response["ended"] is call.ritual_before


ACCEPTED_CHECKS: dict[str, Callable[[Accepted], None]] = {
    "log_dose": _doses_logged,
    "delete_dose": _dose_deleted,
    "skip_dose_day": _skipped,
    "postpone_dose_day": _postponed,
    "pause_protocol": _paused,
    "resume_protocol": _resumed,
    "check_in": _checked_in,
    "request_check_in": _check_in_requested,
    "send_prompt": _prompt_sent,
    "set_intention": _intention_set,
    "get_history": _history,
    "start_ritual": _ritual_started,
    "end_ritual": _ritual_ended,
}


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("name", list(ACTIONS))
@FUZZ
@given(example=st.data())
async def test_action_survives_any_input(
    world: World, name: str, example: st.DataObject
) -> None:
    """A thousand calls of one action: translated refusals, refusals change nothing."""
    # Hypothesis seeds the global random module alike for every example, and on the
    # newest Home Assistant ULIDs draw on it: with the clock frozen, each example
    # would make the same record ids. A seed per example keeps them unique.
    world.examples += 1
    random.seed(f"{name}-{world.examples}")
    prepare, calls = example.draw(_example_strategy(name), label="calls")
    if prepare and ACTIONS[name].prepare is not None:
        await _prepare(world, ACTIONS[name].prepare)
    for raw in calls:
        await _fuzz_call(world, name, raw)


# ---- the bugs the fuzzer found, one call each ---------------------------------


async def _attempt(
    hass: HomeAssistant, entry: MockConfigEntry, name: str, data: dict[str, Any]
) -> str:
    """Make one call; return how it ended if that is one of the allowed ways."""
    try:
        await _service(hass, name, entry, data)
    except ServiceValidationError as err:
        _check_refusal(err, f"{name}({data!r})")
        return "refused"
    except vol.MultipleInvalid:
        return "invalid"
    return "accepted"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("skip_dose_day", {"date": datetime(2026, 1, 8, 9, tzinfo=HELSINKI)}),
        ("get_history", {"start": datetime(2026, 1, 1, 9), "end": "2026-01-05"}),
    ],
    ids=["skip_dose_day", "get_history"],
)
async def test_a_moment_given_for_a_day_is_not_a_crash(
    hass: HomeAssistant, setup_entry: MockConfigEntry, name: str, data: dict[str, Any]
) -> None:
    """A script may pass a datetime where a date is asked for."""
    before = setup_entry.runtime_data.stored_for_diagnostics()
    outcome = await _attempt(hass, setup_entry, name, data)
    if name == "skip_dose_day" and outcome == "accepted":
        assert not setup_entry.runtime_data.protocol.is_dose_day(date(2026, 1, 8))
    elif outcome != "accepted":
        assert setup_entry.runtime_data.stored_for_diagnostics() == before


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]
)
async def test_a_dose_time_at_the_edge_of_the_calendar_is_not_a_crash(
    hass: HomeAssistant, setup_entry: MockConfigEntry, moment: str
) -> None:
    """The action refuses the time (or records it); it does not crash."""
    data = {"partner": 1, "time": moment, "acknowledge_off_protocol": True}
    outcome = await _attempt(hass, setup_entry, "log_dose", data)
    doses = setup_entry.runtime_data.doses.records
    assert len(doses) == (1 if outcome == "accepted" else 0)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("log_dose", {"partner": float("inf")}),
        (
            "check_in",
            {"partner": 1, "mood": float("inf"), "connection": 3, "stress": 3},
        ),
        ("start_ritual", {"brightness": float("-inf")}),
    ],
    ids=["partner", "score", "brightness"],
)
async def test_an_infinite_whole_number_is_invalid(
    hass: HomeAssistant, setup_entry: MockConfigEntry, name: str, data: dict[str, Any]
) -> None:
    """Infinity is not a partner, a score or a brightness: the schema says so."""
    with pytest.raises(vol.MultipleInvalid):
        await _service(hass, name, setup_entry, data)
