"""Repairs: link an older couple's partners to their users; acknowledge the rest.

A couple set up before partners were Home Assistant users has no user per
partner. Until both are linked, nobody can read or write private notes and
answers and no phone is reached, so a fixable warning asks for each
partner's person, checked exactly as the setup checks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.repairs import ConfirmRepairFlow, RepairsFlow
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResult
from homeassistant.helpers import issue_registry as ir

from .const import CONF_COUPLE_NAME, CONF_NAME, CONF_PARTNERS, DOMAIN
from .flow_schemas import (
    check_people,
    couple_unique_id,
    flatten_couple,
    people_schema,
    unique_id_taken,
)

if TYPE_CHECKING:
    from .coordinator import MicrodoseConfigEntry
    from .settings import CoupleSettings

ISSUE_PARTNERS_NOT_LINKED: Final = "partners_not_linked"


def link_issue_id(entry_id: str) -> str:
    """Return the id of the couple's "link your partners" repair."""
    return f"{ISSUE_PARTNERS_NOT_LINKED}_{entry_id}"


@callback
def async_sync_link_issue(
    hass: HomeAssistant, entry_id: str, settings: CoupleSettings
) -> None:
    """Ask to link an unlinked couple; once linked, the request goes away."""
    if settings.linked:
        ir.async_delete_issue(hass, DOMAIN, link_issue_id(entry_id))
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        link_issue_id(entry_id),
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key=ISSUE_PARTNERS_NOT_LINKED,
        translation_placeholders={"couple": settings.couple_name},
    )


class LinkPartnersFlow(RepairsFlow):
    """Ask which person each partner is, then link the couple to their users."""

    def __init__(self, entry_id: str) -> None:
        """Remember which couple this repair is for."""
        self._entry_id = entry_id

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Open the form (the repair starts with the issue, not an answer)."""
        return await self.async_step_link()

    async def async_step_link(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Show both partners' persons, suggesting the ones stored before."""
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None:
            return self.async_abort(reason="couple_removed")
        errors: dict[str, str] = {}
        if user_input is not None:
            people, errors = check_people(self.hass, user_input)
            if not errors:
                self._link(entry, people)
                return self.async_create_entry(data={})
        partners = entry.data[CONF_PARTNERS]
        return self.async_show_form(
            step_id="link",
            data_schema=self.add_suggested_values_to_schema(
                people_schema(), user_input or flatten_couple(entry.data)
            ),
            errors=errors,
            description_placeholders={
                "couple": entry.data[CONF_COUPLE_NAME],
                "partner_1": partners[0][CONF_NAME],
                "partner_2": partners[1][CONF_NAME],
            },
        )

    def _link(
        self, entry: MicrodoseConfigEntry, people: list[dict[str, str | None]]
    ) -> None:
        """Store each partner as name, person and user; the couple then reloads.

        The notify action an older couple named is dropped: messages now go to
        the user's own phones. The couple takes the users' unique id unless
        another couple already holds it.
        """
        partners = [
            {CONF_NAME: partner[CONF_NAME], **who}
            for partner, who in zip(entry.data[CONF_PARTNERS], people, strict=True)
        ]
        data = {**entry.data, CONF_PARTNERS: partners}
        unique_id = couple_unique_id(self.hass, data)
        taken = unique_id_taken(self.hass, unique_id, entry.entry_id)
        self.hass.config_entries.async_update_entry(
            entry, data=data, unique_id=entry.unique_id if taken else unique_id
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Link an older couple's partners; any other issue is only acknowledged."""
    if issue_id.startswith(f"{ISSUE_PARTNERS_NOT_LINKED}_"):
        return LinkPartnersFlow(issue_id.removeprefix(f"{ISSUE_PARTNERS_NOT_LINKED}_"))
    return ConfirmRepairFlow()
