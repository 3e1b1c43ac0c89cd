"""Repair issues that name an entity the couple chose and that is gone or failing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN


@callback
def async_sync_entity_issues(
    hass: HomeAssistant,
    *,
    kind: str,
    entry_id: str,
    chosen: Iterable[str],
    failing: Iterable[str],
    placeholders: Mapping[str, str] | None = None,
) -> None:
    """Raise one warning per failing entity and clear those that work again.

    `kind` is the translation key; the issue id adds the entry and entity, so
    each couple and entity has its own issue.
    """
    failing_set = set(failing)
    for entity_id in set(chosen) | failing_set:
        issue_id = f"{kind}_{entry_id}_{entity_id}"
        if entity_id in failing_set:
            ir.async_create_issue(
                hass,
                DOMAIN,
                issue_id,
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=kind,
                translation_placeholders={
                    "entity_id": entity_id,
                    **(placeholders or {}),
                },
            )
        else:
            ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_set_entity_issues(
    hass: HomeAssistant, *, kind: str, entry_id: str, failing: Iterable[str]
) -> None:
    """Make the couple's issues of this kind name exactly the failing entities.

    Issues for entities that work again or are no longer chosen go away, so
    the repairs follow the configuration rather than the last run.
    """
    failing_set = set(failing)
    prefix = f"{kind}_{entry_id}_"
    stale = [
        issue_id
        for domain, issue_id in ir.async_get(hass).issues
        if domain == DOMAIN
        and issue_id.startswith(prefix)
        and issue_id.removeprefix(prefix) not in failing_set
    ]
    for issue_id in stale:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
    async_sync_entity_issues(
        hass, kind=kind, entry_id=entry_id, chosen=(), failing=failing_set
    )


@callback
def async_delete_couple_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Remove every repair that names this couple (the couple is being removed)."""
    ours = [
        issue_id
        for domain, issue_id in ir.async_get(hass).issues
        if domain == DOMAIN and f"_{entry_id}" in issue_id
    ]
    for issue_id in ours:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
