"""How the couple's records are laid out on disk: one short line each.

Home Assistant writes every store as JSON indented by two spaces, so a record
kept as a mapping costs one deeply indented line per field. Since store
version 3, each dose, check-in and shared prompt is one string instead: its
fields in a fixed order (the layouts below, the one place that order is
defined) separated by ``|``. The domain keeps using the mappings of its
``as_dict``/``from_dict``; they are turned into rows and back only here, at
the store's edge.

The couple's own words are never escaped or changed. A note is the last field
and runs to the end of the row, whatever it holds; when a prompt has two
answers, the first is preceded by its length. A ``day`` equal to the date of
the moment beside it is left empty. A record this layout cannot hold exactly
(an unknown or missing field, a value of another type, a ``|`` in a fixed
field) stays a mapping in the file, so writing compactly never loses anything.

Reading is the hot path of every start (five years are thousands of rows), so
each kind of record has its own hand-written reader below: one split, one
dict literal. Each reads its fields in the order of its layout, and the
round-trip tests hold the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import math
from typing import Any, Final, Protocol

SEPARATOR: Final = "|"
# Between the flags of a dose, inside their one field.
WORD_SEPARATOR: Final = ","
# Partner slots as the stored answers name them, in the order they were given.
SLOTS: Final = ("1", "2")
ANSWER_ORDERS: Final = frozenset({"1", "2", "12", "21"})


@dataclass(frozen=True, slots=True)
class Field:
    """One fixed field: which values it holds exactly, and how it is written."""

    name: str
    fits: Callable[[Any], bool]
    write: Callable[[Any], str]


def _is_plain_text(value: Any) -> bool:
    return type(value) is str and SEPARATOR not in value


def _is_word_list(value: Any) -> bool:
    return type(value) is list and all(
        _is_plain_text(word) and word and WORD_SEPARATOR not in word for word in value
    )


def text(name: str) -> Field:
    """Text without the separator (ids, dates, moments, names of things)."""
    return Field(name, _is_plain_text, str)


def integer(name: str) -> Field:
    """A whole number (never a yes/no, which JSON keeps apart)."""
    return Field(name, lambda value: type(value) is int, str)


def decimal(name: str) -> Field:
    """A finite float, written so that reading it back gives the same float."""
    return Field(
        name, lambda value: type(value) is float and math.isfinite(value), repr
    )


def flag(name: str) -> Field:
    """A yes/no, as 1 or 0."""
    return Field(name, lambda value: type(value) is bool, lambda v: "1" if v else "0")


def words(name: str) -> Field:
    """A list of short words (a dose's acknowledged refusals)."""
    return Field(name, _is_word_list, WORD_SEPARATOR.join)


class Tail(Protocol):
    """The free text that ends a row; `None` from `write` ends the row before it."""

    @property
    def name(self) -> str:
        """Return the record's field the tail holds."""

    def fits(self, value: Any) -> bool:
        """Return whether the value can be written exactly."""

    def write(self, value: Any) -> str | None:
        """Return the end of the row, or None for nothing."""


@dataclass(frozen=True, slots=True)
class OptionalText:
    """Text or nothing (a check-in's private note), taken exactly as it is."""

    name: str

    def fits(self, value: Any) -> bool:
        """Any text, or no text at all."""
        return value is None or type(value) is str

    def write(self, value: Any) -> str | None:
        """The text itself; no text ends the row early."""
        return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Answers:
    """A prompt's answers by slot: ``12|<length of the first>|<first><second>``."""

    name: str

    def fits(self, value: Any) -> bool:
        """Answers of slots 1 and 2, each text."""
        return type(value) is dict and all(
            slot in SLOTS and type(answer) is str for slot, answer in value.items()
        )

    def write(self, value: Any) -> str | None:
        """Nothing for no answers; else the slots, then the texts as they are."""
        answers: dict[str, str] = value
        if not answers:
            return None
        slots = "".join(answers)
        texts = list(answers.values())
        if len(texts) == 1:
            return f"{slots}{SEPARATOR}{texts[0]}"
        first, second = texts
        return f"{slots}{SEPARATOR}{len(first)}{SEPARATOR}{first}{second}"


type RowReader = Callable[[str], dict[str, Any]]


def _read_dose(row: str) -> dict[str, Any]:
    """Read ``id|partner|day|taken_at|amount_g|form|flags``."""
    parts = row.split(SEPARATOR)  # every field is fixed: a "|" more is damage
    if len(parts) != 7:
        raise ValueError("a row has the wrong number of fields")
    record_id, partner, day, taken_at, amount_g, form, flags = parts
    return {
        "id": record_id,
        "partner": int(partner),
        "day": day or taken_at[:10],
        "taken_at": taken_at,
        "amount_g": float(amount_g),
        "form": form,
        "flags": flags.split(WORD_SEPARATOR) if flags else [],
    }


def _read_check_in(row: str) -> dict[str, Any]:
    """Read ``id|partner|day|at|mood|connection|stress`` and the note, if any."""
    parts = row.split(SEPARATOR, 7)
    if len(parts) < 7:
        raise ValueError("a row has the wrong number of fields")
    return {
        "id": parts[0],
        "partner": int(parts[1]),
        "day": parts[2] or parts[3][:10],
        "at": parts[3],
        "mood": int(parts[4]),
        "connection": int(parts[5]),
        "stress": int(parts[6]),
        "note": parts[7] if len(parts) == 8 else None,
    }


def _read_prompt(row: str) -> dict[str, Any]:
    """Read ``day|prompt_id|theme|revealed`` and the answers, if any."""
    parts = row.split(SEPARATOR, 4)
    if len(parts) < 4:
        raise ValueError("a row has the wrong number of fields")
    revealed = parts[3]
    if revealed not in ("0", "1"):
        raise ValueError("a yes/no field holds neither")
    return {
        "day": parts[0],
        "prompt_id": parts[1],
        "theme": parts[2],
        "revealed": revealed == "1",
        "answers": _read_answers(parts[4]) if len(parts) == 5 else {},
    }


def _read_answers(rest: str) -> dict[str, str]:
    """Return the answers by slot, refusing a length that does not fit."""
    slots, _, texts = rest.partition(SEPARATOR)
    if slots not in ANSWER_ORDERS:
        raise ValueError("the answers name unknown partners")
    if len(slots) == 1:
        return {slots: texts}
    length, _, both = texts.partition(SEPARATOR)
    if not length.isdigit() or int(length) > len(both):
        raise ValueError("the first answer's length does not fit")
    cut = int(length)
    return {slots[0]: both[:cut], slots[1]: both[cut:]}


class RowLayout:
    """The fields of one kind of record, in the order its row holds them.

    `day_of` names the moment whose date a ``day`` field repeats, so the day
    is written only when it differs (a late check-in counted for another day).
    `read` is the kind's own reader, which reads the fields in this order.
    """

    __slots__ = ("_day_index", "day_of", "decode", "fields", "names", "tail")

    def __init__(
        self,
        fields: tuple[Field, ...],
        read: RowReader,
        tail: Tail | None = None,
        day_of: str | None = None,
    ) -> None:
        """Keep the layout and what writing its rows needs."""
        self.fields = fields
        self.tail = tail
        self.day_of = day_of
        names = tuple(field.name for field in fields)
        tail_names = () if tail is None else (tail.name,)
        self.names = frozenset((*names, *tail_names))
        self._day_index = names.index("day") if day_of is not None else -1
        # Return the record a row holds; raises ValueError for a damaged row.
        self.decode: RowReader = read

    def encode(self, record: Any) -> Any:
        """Return the record's row, or the record itself if no row holds it exactly."""
        if not self._fits(record):
            return record
        parts = [field.write(record[field.name]) for field in self.fields]
        if self.day_of is not None:
            day = record["day"]
            if day == record[self.day_of][:10]:
                parts[self._day_index] = ""
            elif not day:
                return record  # an empty day would read back as the moment's
        if self.tail is not None:
            end = self.tail.write(record[self.tail.name])
            if end is not None:
                parts.append(end)
        return SEPARATOR.join(parts)

    def _fits(self, record: Any) -> bool:
        return (
            type(record) is dict
            and record.keys() == self.names
            and all(field.fits(record[field.name]) for field in self.fields)
            and (self.tail is None or self.tail.fits(record[self.tail.name]))
        )


# The one place the order of each kind of record's fields is defined.
DOSE_ROW: Final = RowLayout(
    fields=(
        text("id"),
        integer("partner"),
        text("day"),
        text("taken_at"),
        decimal("amount_g"),
        text("form"),
        words("flags"),
    ),
    read=_read_dose,
    day_of="taken_at",
)
CHECK_IN_ROW: Final = RowLayout(
    fields=(
        text("id"),
        integer("partner"),
        text("day"),
        text("at"),
        integer("mood"),
        integer("connection"),
        integer("stress"),
    ),
    read=_read_check_in,
    tail=OptionalText("note"),
    day_of="at",
)
PROMPT_ROW: Final = RowLayout(
    fields=(text("day"), text("prompt_id"), text("theme"), flag("revealed")),
    read=_read_prompt,
    tail=Answers("answers"),
)


def encode_history(data: Any) -> Any:
    """Return the stored data with its records as rows (version 2 → 3).

    Sections of an unexpected shape are kept as they are; the domain refuses
    them when the file is read, and the file is then kept aside whole.
    """
    return _convert(data, _encode_rows)


def decode_history(data: Any) -> Any:
    """Return the stored data with its rows as mappings again (version 3 → 2).

    Raises:
        ValueError: a row cannot be read (its text is never repeated).
    """
    return _convert(data, _decode_rows)


def _convert(
    data: Any, convert: Callable[[RowLayout, str, list[Any]], list[Any]]
) -> Any:
    if not isinstance(data, dict):
        return data
    converted = dict(data)
    if isinstance(doses := data.get("doses"), list):
        converted["doses"] = convert(DOSE_ROW, "doses", doses)
    checkins = data.get("checkins")
    if isinstance(checkins, dict) and isinstance(checkins.get("records"), list):
        converted["checkins"] = checkins | {
            "records": convert(CHECK_IN_ROW, "check-ins", checkins["records"])
        }
    if isinstance(prompts := data.get("prompts"), list):
        converted["prompts"] = convert(PROMPT_ROW, "prompts", prompts)
    return converted


def _encode_rows(layout: RowLayout, _what: str, records: list[Any]) -> list[Any]:
    return [layout.encode(record) for record in records]


def _decode_rows(layout: RowLayout, what: str, rows: list[Any]) -> list[Any]:
    decode = layout.decode
    try:
        return [decode(row) if type(row) is str else row for row in rows]
    except ValueError:
        pass  # found again below, so the reason names the row, never its text
    for index, row in enumerate(rows):
        try:
            if type(row) is str:
                decode(row)
        except ValueError:
            raise ValueError(f"{what}: row {index + 1} cannot be read") from None
    raise AssertionError("a row failed to read only once")  # pragma: no cover
