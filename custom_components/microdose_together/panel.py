"""The couple's sidebar panel, "Together", served by the integration itself.

The built module is a file inside the integration (no Node needed to install
it); its URL carries the integration's version, so an update is never hidden
behind a cached copy. Every user sees the panel in the sidebar: the panel
itself asks the integration who the user is in which couple.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from homeassistant.components import frontend, panel_custom
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.loader import async_get_integration
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, PANEL_URL_PATH

PANEL_ELEMENT: Final = "microdose-together-panel"
PANEL_TITLE: Final = "Together"
PANEL_ICON: Final = "mdi:heart-multiple-outline"
MODULE_FILE: Final = f"{PANEL_ELEMENT}.js"
MODULE_DIR: Final = Path(__file__).parent / "frontend"
ADDRESS_TAKEN_ISSUE: Final = "panel_address_taken"

_LOGGER = logging.getLogger(__name__)

_SERVED: HassKey[str] = HassKey(f"{DOMAIN}_panel_served")
_SHOWN: HassKey[bool] = HassKey(f"{DOMAIN}_panel_shown")


async def _async_base_url(hass: HomeAssistant) -> str:
    """Return where the panel's folder is served: under the integration's version."""
    version = (await async_get_integration(hass, DOMAIN)).version
    return f"/{DOMAIN}/panel/{version}"


async def async_serve_panel_files(hass: HomeAssistant) -> None:
    """Serve the panel's folder, once for every couple.

    Home Assistant checks the folder on the disk first, so this is started
    while the couple's history is read rather than after it.
    """
    if _SERVED in hass.data:
        return
    base = await _async_base_url(hass)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(base, str(MODULE_DIR), cache_headers=True)]
    )
    hass.data[_SERVED] = base


async def async_register_panel(hass: HomeAssistant) -> None:
    """Show "Together" in the sidebar, for every user, unless it is already there.

    A dashboard of the home's own may already use the panel's address: then
    the couple still loads, without the panel, and a repair says what to do.
    """
    if hass.data.get(_SHOWN):
        return
    hass.data[_SHOWN] = True  # before waiting, so a second couple does not try too
    try:
        await panel_custom.async_register_panel(
            hass,
            frontend_url_path=PANEL_URL_PATH,
            webcomponent_name=PANEL_ELEMENT,
            sidebar_title=PANEL_TITLE,
            sidebar_icon=PANEL_ICON,
            module_url=f"{await _async_base_url(hass)}/{MODULE_FILE}",
            require_admin=False,
            config={},
        )
    except ValueError:  # Home Assistant's "Overwriting panel"
        del hass.data[_SHOWN]
        _LOGGER.warning(
            "Not showing the Together panel: /%s is already another panel's address",
            PANEL_URL_PATH,
        )
        ir.async_create_issue(
            hass,
            DOMAIN,
            ADDRESS_TAKEN_ISSUE,
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key=ADDRESS_TAKEN_ISSUE,
            translation_placeholders={"path": f"/{PANEL_URL_PATH}"},
        )
        return
    ir.async_delete_issue(hass, DOMAIN, ADDRESS_TAKEN_ISSUE)


@callback
def async_remove_panel(hass: HomeAssistant) -> None:
    """Take the panel out of the sidebar once no couple is loaded."""
    if hass.data.pop(_SHOWN, False):
        frontend.async_remove_panel(hass, PANEL_URL_PATH, warn_if_unknown=False)
