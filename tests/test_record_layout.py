"""The compact rows of store version 3: nothing the couple wrote is ever changed.

Pure tests (no Home Assistant): every record the domain can store must come
back from its row exactly, private text included, whatever characters it
holds; anything a row cannot hold stays as it was; a damaged row is refused
without repeating what it held.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, strategies as st
import pytest

from custom_components.microdose_together.core.checkins import CheckIn, SharedPrompt
from custom_components.microdose_together.core.doses import DoseRecord, Form, Refusal
from custom_components.microdose_together.record_layout import (
    CHECK_IN_ROW,
    DOSE_ROW,
    PROMPT_ROW,
    SEPARATOR,
    decode_history,
    encode_history,
)

# Private text with the separator, newlines, quotes, escapes, emoji and more.
PRIVATE = st.text(
    alphabet=st.one_of(
        st.sampled_from([SEPARATOR, "\n", "\r", '"', "\\", ",", "ä", "🌿", "\u2028"]),
        st.characters(),
    )
)
IDS = st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=1, max_size=26)
OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
MOMENTS = st.builds(
    lambda moment, zone: moment.replace(tzinfo=UTC).astimezone(zone),
    st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2100, 1, 1)),
    OFFSETS,
)
SLOTS = st.sampled_from([1, 2])
SCORES = st.integers(min_value=1, max_value=5)


@st.composite
def check_ins(draw: st.DrawFn) -> dict[str, Any]:
    """A check-in as the domain stores it; its day may differ from its moment's."""
    at = draw(MOMENTS)
    day = at.date() + timedelta(days=draw(st.sampled_from([0, 0, -1, 1])))
    return CheckIn(
        id=draw(IDS),
        partner=draw(SLOTS),
        day=day,
        at=at,
        mood=draw(SCORES),
        connection=draw(SCORES),
        stress=draw(SCORES),
        note=draw(st.none() | PRIVATE),
    ).as_dict()


@st.composite
def doses(draw: st.DrawFn) -> dict[str, Any]:
    """A dose as the domain stores it, flagged or not."""
    taken_at = draw(MOMENTS)
    return DoseRecord(
        id=draw(IDS),
        partner=draw(SLOTS),
        day=taken_at.date() - timedelta(days=draw(st.sampled_from([0, 0, 1]))),
        taken_at=taken_at,
        amount_g=draw(st.floats(min_value=0.001, max_value=5, allow_nan=False)),
        form=draw(st.sampled_from(Form)),
        flags=draw(st.frozensets(st.sampled_from(Refusal))),
    ).as_dict()


@st.composite
def prompts(draw: st.DrawFn) -> dict[str, Any]:
    """A shared prompt with none, one or both answers, in either order."""
    shared = SharedPrompt(
        day=draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
        prompt_id=draw(st.sampled_from(["communication_01", "custom_3", "trust_12"])),
        theme=draw(st.sampled_from(["communication", "trust", "custom"])),
    )
    for slot in draw(st.permutations([1, 2]))[: draw(st.integers(0, 2))]:
        shared.answers[slot] = draw(PRIVATE)  # as stored, even a blank answer
    shared.revealed = len(shared.answers) == 2 and draw(st.booleans())
    return shared.as_dict()


def _history(**sections: Any) -> dict[str, Any]:
    return {
        "protocol_state": {"pauses": [], "skipped": [], "extra": []},
        "intention": "listen more than we talk",
        "requests": {},
        "held": [],
    } | sections


@given(
    st.lists(doses(), max_size=5),
    st.lists(check_ins(), max_size=5),
    st.lists(prompts(), max_size=5),
)
def test_every_record_comes_back_exactly(
    dose_records: list[dict[str, Any]],
    checkin_records: list[dict[str, Any]],
    prompt_records: list[dict[str, Any]],
) -> None:
    """Version 2 → 3 → 2 gives back the same history, private words included."""
    history = _history(
        doses=dose_records,
        checkins={"records": checkin_records},
        prompts=prompt_records,
    )

    written = encode_history(history)

    assert all(type(row) is str for row in written["doses"])
    assert all(type(row) is str for row in written["checkins"]["records"])
    assert all(type(row) is str for row in written["prompts"])
    assert decode_history(written) == history
    # Reading back rebuilds the very same domain records.
    read = decode_history(written)
    assert [CheckIn.from_dict(r) for r in read["checkins"]["records"]] == [
        CheckIn.from_dict(r) for r in checkin_records
    ]
    assert [SharedPrompt.from_dict(r) for r in read["prompts"]] == [
        SharedPrompt.from_dict(r) for r in prompt_records
    ]


@given(check_ins())
def test_a_row_is_one_line_of_the_file_shorter_than_its_mapping(
    record: dict[str, Any],
) -> None:
    """What the row adds to the couple's words is a short, fixed header."""
    row = CHECK_IN_ROW.encode(record)
    header = len(row) - len(record["note"] or "")
    # Seven separators, the slot and three scores besides id, day and moment.
    assert header <= len(record["id"]) + len(record["day"]) + len(record["at"]) + 11


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_anything_else_is_kept_as_it_was(value: Any) -> None:
    """Records and sections a row cannot hold pass through both ways unchanged."""
    history = _history(
        doses=[value, {"id": "x"}],
        checkins={"records": [value], "kept": value},
        prompts=[value],
        other=value,
    )
    written = encode_history(history)
    if type(value) is not str:
        assert decode_history(written) == history
    assert written["other"] == value
    assert written["checkins"]["kept"] == value
    if not isinstance(value, dict):  # not stored data at all: left to be refused
        assert encode_history(value) is value
        assert decode_history(value) is value


@pytest.mark.parametrize(
    ("layout", "record"),
    [
        pytest.param(
            DOSE_ROW,
            {
                "id": "a|b",
                "partner": 1,
                "day": "2026-01-05",
                "taken_at": "2026-01-05T08:30:00+02:00",
                "amount_g": 0.1,
                "form": "dried",
                "flags": [],
            },
            id="separator_in_an_id",
        ),
        pytest.param(
            DOSE_ROW,
            {
                "id": "a",
                "partner": 1,
                "day": "2026-01-05",
                "taken_at": "2026-01-05T08:30:00+02:00",
                "amount_g": 1,
                "form": "dried",
                "flags": [],
            },
            id="whole_number_amount",
        ),
        pytest.param(
            DOSE_ROW,
            {
                "id": "a",
                "partner": True,
                "day": "2026-01-05",
                "taken_at": "2026-01-05T08:30:00+02:00",
                "amount_g": 0.1,
                "form": "dried",
                "flags": [""],
            },
            id="yes_no_partner_and_an_empty_flag",
        ),
        pytest.param(
            DOSE_ROW,
            {
                "id": "a",
                "partner": 1,
                "day": "",
                "taken_at": "2026-01-05T08:30:00+02:00",
                "amount_g": 0.1,
                "form": "dried",
                "flags": [],
            },
            id="empty_day",
        ),
        pytest.param(
            CHECK_IN_ROW,
            {
                "id": "a",
                "partner": 1,
                "day": "2026-01-05",
                "at": "2026-01-05T08:30:00+02:00",
                "mood": 3,
                "connection": 3,
                "stress": 3,
                "note": None,
                "extra": "kept",
            },
            id="unknown_field",
        ),
        pytest.param(
            PROMPT_ROW,
            {
                "day": "2026-01-05",
                "prompt_id": "p",
                "theme": "t",
                "answers": {"12": "one"},
                "revealed": False,
            },
            id="answer_of_slot_twelve",
        ),
        pytest.param(
            PROMPT_ROW,
            {
                "day": "2026-01-05",
                "prompt_id": "p",
                "theme": "t",
                "answers": {"1": "one"},
                "revealed": "no",
            },
            id="revealed_as_text",
        ),
    ],
)
def test_a_record_no_row_holds_exactly_stays_a_mapping(
    layout: Any, record: dict[str, Any]
) -> None:
    """Rather than change a value, the record keeps its version-2 form."""
    assert layout.encode(record) is record
    assert decode_history(encode_history(_history(doses=[record]))) == _history(
        doses=[record]
    )


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"doses": ["a|1||2026-01-05T08:30:00+02:00|0.1"]}, "doses: row 1"),
        ({"doses": ["a|x||2026-01-05T08:30:00+02:00|0.1|dried|"]}, "doses: row 1"),
        ({"checkins": {"records": ["a|1|2026-01-05"]}}, "check-ins: row 1"),
        (
            {"checkins": {"records": ["a|1||2026-01-05T20:00:00+02:00|4|secret|2"]}},
            "check-ins: row 1",
        ),
        ({"prompts": ["2026-01-05|p|t|maybe"]}, "prompts: row 1"),
        ({"prompts": [{"day": "x"}, "2026-01-05|p|t|0|3|secret"]}, "prompts: row 2"),
        ({"prompts": ["2026-01-05|p|t|1|12|99|secret"]}, "prompts: row 1"),
        ({"prompts": ["2026-01-05|p|t|1|12|x|secret"]}, "prompts: row 1"),
    ],
)
def test_a_damaged_row_is_refused_without_its_words(
    section: dict[str, Any], message: str
) -> None:
    """The reason names the section and row, never what the row held."""
    with pytest.raises(ValueError, match=message) as refused:
        decode_history(_history(**section))
    assert "secret" not in str(refused.value)
    assert refused.value.__cause__ is None
    assert refused.value.__suppress_context__


def test_a_revealed_pair_reads_back_in_the_order_given() -> None:
    """Answers keep their slots and order; a "|" inside one stays text."""
    record = {
        "day": "2026-01-05",
        "prompt_id": "communication_01",
        "theme": "communication",
        "answers": {"2": "one | two", "1": "3|4"},
        "revealed": True,
    }
    row = PROMPT_ROW.encode(record)
    assert row == "2026-01-05|communication_01|communication|1|21|9|one | two3|4"
    decoded = PROMPT_ROW.decode(row)
    assert list(decoded["answers"].items()) == [("2", "one | two"), ("1", "3|4")]


@pytest.mark.parametrize(
    ("layout", "row"),
    [
        (DOSE_ROW, "a|1||2026-01-05T08:30:00+02:00|0.1|dried|rest_day|secret"),
        (CHECK_IN_ROW, "a|1||2026-01-05T20:00:00+02:00|4|4"),
        (PROMPT_ROW, "2026-01-05|p|t"),
        (PROMPT_ROW, "2026-01-05|p|t|1|3|secret"),
    ],
)
def test_a_row_of_the_wrong_shape_is_refused(layout: Any, row: str) -> None:
    """Too few fields, too many for a dose, or answers of an unknown partner."""
    with pytest.raises(ValueError, match=r"^[^|]*$") as refused:
        layout.decode(row)
    assert "secret" not in str(refused.value)


@pytest.mark.parametrize(
    ("layout", "record"),
    [
        (
            DOSE_ROW,
            {
                "id": "a",
                "partner": 2,
                "day": "2026-01-04",
                "taken_at": "2026-01-05T00:30:00+02:00",
                "amount_g": 0.15,
                "form": "dried",
                "flags": ["rest_day", "paused"],
            },
        ),
        (
            CHECK_IN_ROW,
            {
                "id": "b",
                "partner": 1,
                "day": "2026-01-05",
                "at": "2026-01-05T20:00:00+02:00",
                "mood": 1,
                "connection": 3,
                "stress": 5,
                "note": None,
            },
        ),
        (
            PROMPT_ROW,
            {
                "day": "2026-01-05",
                "prompt_id": "p",
                "theme": "t",
                "revealed": False,
                "answers": {"2": "only mine"},
            },
        ),
    ],
)
def test_each_reader_reads_its_layout_in_order(
    layout: Any, record: dict[str, Any]
) -> None:
    """A kind's own reader gives back the layout's fields, in the layout's order."""
    decoded = layout.decode(layout.encode(record))
    assert decoded == record
    tail = [] if layout.tail is None else [layout.tail.name]
    assert list(decoded) == [field.name for field in layout.fields] + tail
