"""Durable storage for one couple: a versioned Store that never loses data silently.

Reading is forgiving by design: a file that cannot be understood (truncated,
emptied, hand-edited, written by a newer release) is moved aside under a new
name, the couple starts clean, and a repair issue says where the old file is.
A file of an older version is kept aside exactly as it was, even though Home
Assistant rewrites it in the new version as soon as it has been migrated.

Records are written one short row each (see record_layout); everything above
the store sees them as the mappings of their ``as_dict``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
import logging
import os
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import (
    DOMAIN,
    ISSUE_STORE_RESET,
    PARTNER_SLOTS,
    STORAGE_SAVE_DELAY,
    STORAGE_VERSION,
)
from .core.calm import Override
from .core.limits import echo
from .record_layout import decode_history, encode_history

_LOGGER = logging.getLogger(__name__)

type StoredData = dict[str, Any]

# The repair repeats why the file was unreadable, never the file itself.
REPAIR_ERROR_MAX_LENGTH = 160


class UnsupportedStoreVersionError(HomeAssistantError):
    """The file was written by a newer release than this one."""


def empty_data() -> StoredData:
    """Return the layout of a couple that has recorded nothing yet."""
    return {"protocol_state": {"pauses": [], "skipped": [], "extra": []}, "doses": []}


def migrate_v1(data: StoredData) -> StoredData:
    """Turn the first release's layout into the current one.

    Version 1 kept a single ``paused_since`` date beside the dose list; version 2
    keeps every pause (so paused days can be left out of the pattern) plus skipped
    and moved dose days.
    """
    migrated = empty_data() | {k: v for k, v in data.items() if k != "paused_since"}
    if paused_since := data.get("paused_since"):
        migrated["protocol_state"]["pauses"] = [{"start": paused_since, "end": None}]
    return migrated


def migrate_v2(data: StoredData) -> StoredData:
    """Write the records of version 2 as the compact rows of version 3."""
    migrated: StoredData = encode_history(data)
    return migrated


class _VersionedStore(Store[StoredData]):
    """Store with the couple's migrations.

    Home Assistant writes a migrated file back at once; the bytes it replaced
    are held in `replaced` until the couple's next write, so a file that
    turns out to be unreadable can still be kept aside exactly as it was.
    """

    replaced: bytes | None = None

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredData
    ) -> StoredData:
        if old_major_version > STORAGE_VERSION:
            raise UnsupportedStoreVersionError(
                f"version {old_major_version} is newer than {STORAGE_VERSION}"
            )
        self.replaced = await self.hass.async_add_executor_job(self._read_file)
        data = migrate_v1(old_data) if old_major_version == 1 else old_data
        return migrate_v2(data)

    def _read_file(self) -> bytes | None:
        try:
            return Path(self.path).read_bytes()
        except OSError:
            return None  # not on disk (a store held in memory)


class CoupleStore:
    """One couple's file under .storage, with delayed, coalesced writes."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry_id: str,
        data_func: Callable[[], StoredData] = dict,
    ) -> None:
        """Prepare the store; nothing is read until async_load.

        ``data_func`` returns everything to write; it is called only when a
        write actually happens, so a burst of changes costs one serialisation.
        """
        self._hass = hass
        self._entry_id = entry_id
        self._store = _VersionedStore(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}", atomic_writes=True
        )
        self._data_func = data_func
        self._dirty = False

    @property
    def path(self) -> str:
        """Return where the file lives."""
        return str(self._store.path)

    async def async_load(self) -> StoredData:
        """Return the stored data, or a clean start if the file is unusable."""
        existed = await self._hass.async_add_executor_job(os.path.exists, self.path)
        try:
            # Typed as object: the file may hold anything, whatever it claims.
            loaded: object = await self._store.async_load()
        except (HomeAssistantError, NotImplementedError, KeyError, TypeError) as err:
            kept_as = await self._hass.async_add_executor_job(self._move_aside)
            self._report_reset(kept_as, str(err))
            return empty_data()
        if loaded is None:
            if existed and (moved_by_core := await self._find_kept_aside()):
                # Home Assistant itself moved an undecodable file aside.
                self._report_reset(moved_by_core, "the file was not valid JSON")
            return empty_data()
        if not isinstance(loaded, dict):
            kept_as = await self._hass.async_add_executor_job(self._move_aside)
            self._report_reset(kept_as, "unexpected content")
            return empty_data()
        try:
            # Thousands of rows: read them beside the file, off the event loop.
            history: StoredData = await self._hass.async_add_executor_job(
                decode_history, loaded
            )
        except ValueError as err:
            kept_as = await self._hass.async_add_executor_job(self._move_aside)
            self._report_reset(kept_as, f"stored history: {err}")
            return empty_data()
        return empty_data() | history

    async def async_reject(self, reason: str) -> None:
        """Move a file the domain model could not read aside (off the event loop)."""
        kept_as = await self._hass.async_add_executor_job(self._move_aside)
        self._report_reset(kept_as, reason)

    def schedule_save(self) -> None:
        """Write soon; many changes in a burst become one write."""
        self._dirty = True
        self._store.async_delay_save(self._collect, STORAGE_SAVE_DELAY)

    async def async_flush(self) -> None:
        """Write a pending change now and drop the save timer (used on unload)."""
        if self._dirty:
            await self._store.async_save(self._collect())

    async def async_remove(self) -> None:
        """Delete the file when the couple is removed from Home Assistant."""
        self._dirty = False
        await self._store.async_remove()

    def _collect(self) -> StoredData:
        """Return what to write, as rows (called where Home Assistant writes)."""
        self._dirty = False
        # The couple's own write: the file as it was before an upgrade is let go.
        self._store.replaced = None
        collected: StoredData = encode_history(self._data_func())
        return collected

    def _move_aside(self) -> str:
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
        target = f"{self.path}.unreadable-{stamp}"
        Path(self.path).replace(target)
        if (replaced := self._store.replaced) is not None:
            # Keep the file as the couple's release wrote it, not its migration.
            Path(target).write_bytes(replaced)
            self._store.replaced = None
        _LOGGER.warning(
            "Could not read %s; kept it as %s and started clean", self.path, target
        )
        return target

    async def _find_kept_aside(self) -> str | None:
        def newest() -> str | None:
            original = Path(self.path)
            kept = sorted(original.parent.glob(f"{original.name}.corrupt.*"))
            return str(kept[-1]) if kept else None

        return await self._hass.async_add_executor_job(newest)

    def _report_reset(self, kept_as: str, error: str) -> None:
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            f"{ISSUE_STORE_RESET}_{self._entry_id}",
            is_fixable=True,
            is_persistent=True,
            severity=ir.IssueSeverity.ERROR,
            translation_key=ISSUE_STORE_RESET,
            translation_placeholders={
                "kept_as": Path(kept_as).name,
                "error": echo(error, REPAIR_ERROR_MAX_LENGTH),
                "when": dt_util.now().isoformat(timespec="seconds"),
            },
        )


def check_layout(data: StoredData) -> None:
    """Refuse sections whose shape later code could not use.

    The domain objects check the records themselves; this checks what is
    read elsewhere (held messages, the running ritual, the override, open
    phone requests), so a damaged file is kept aside at set-up instead of
    failing later, in the middle of a reply or a restore.

    Raises:
        ValueError: a section has the wrong shape.
    """
    _check_requests(data.get("requests", {}))
    _check_held(data.get("held", []))
    if (ritual := data.get("ritual")) is not None:
        _check_ritual(ritual)
    if (override := data.get("calm_override")) is not None:
        _check_override(override)


def _check_requests(requests: object) -> None:
    if not isinstance(requests, dict) or not all(
        isinstance(request, dict) and isinstance(request.get("id"), str)
        for request in requests.values()
    ):
        raise ValueError("open phone requests are damaged")


def _check_held(held: object) -> None:
    if not isinstance(held, list) or not all(
        isinstance(item, dict)
        and item.get("slot") in PARTNER_SLOTS
        and not isinstance(item.get("slot"), bool)
        and isinstance(item.get("payload"), dict)
        for item in held
    ):
        raise ValueError("messages held for quiet hours are damaged")


def _check_ritual(ritual: object) -> None:
    if not (
        isinstance(ritual, dict)
        and _is_moment(ritual.get("started_at"))
        and all(
            ritual.get(key) is None or _is_moment(ritual[key])
            for key in ("auto_end_at", "share_at")
        )
        and isinstance(ritual.get("preset", ""), str)
        and isinstance(ritual.get("snapshot"), dict)
        and all(isinstance(saved, dict) for saved in ritual["snapshot"].values())
        and _is_handover(ritual.get("manual_control"))
    ):
        raise ValueError("the running ritual is damaged")


def _is_handover(manual: object) -> bool:
    """Absent (older rituals) or Adaptive Lighting switches with their lights."""
    return manual is None or (
        isinstance(manual, dict)
        and all(
            isinstance(lights, list) and all(isinstance(x, str) for x in lights)
            for lights in manual.values()
        )
    )


def _check_override(override: object) -> None:
    if not (
        isinstance(override, dict)
        and isinstance(override.get("day"), str)
        and override.get("value") in {item.value for item in Override}
    ):
        raise ValueError("today's calm-day choice is damaged")
    date.fromisoformat(override["day"])


def _is_moment(value: object) -> bool:
    return isinstance(value, str) and dt_util.parse_datetime(value) is not None
