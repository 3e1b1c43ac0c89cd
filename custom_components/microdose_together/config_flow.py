"""Set up a couple: who they are, their protocol, and the safety questions.

Each partner is a person with a Home Assistant user and a companion-app
phone; the flow shows which phones will get the messages, and nothing else
(a notify group, another person's phone) can be chosen.

Nothing is created until both partners have confirmed the safety screen; if
either cannot, the flow stops kindly and points to professional advice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlow
from homeassistant.core import callback
from homeassistant.helpers import selector
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import (
    CONF_COUPLE_NAME,
    CONF_PARTNERS,
    CONF_PRESET,
    CONF_START_DATE,
    DOMAIN,
    PARTNER_SLOTS,
)
from .core.protocol import Preset
from .flow_schemas import (
    amounts_schema,
    couple_schema,
    couple_unique_id,
    flatten_couple,
    keep_partners_users,
    normalise_pattern,
    normalise_schedule,
    pattern_schema,
    phones_summary,
    schedule_schema,
    validate_amounts,
    validate_couple,
)
from .options_flow import MicrodoseOptionsFlow

if TYPE_CHECKING:
    from .coordinator import MicrodoseConfigEntry

CONF_NO_HISTORY = "no_history"
CONF_NOT_MEDICAL_ADVICE = "not_medical_advice"
PROFESSIONAL_ADVICE_URL = "https://www.who.int/health-topics/mental-health"


class MicrodoseConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a couple in four short steps."""

    VERSION = 1
    MINOR_VERSION = 3  # 1.3: each partner is a Home Assistant user

    def __init__(self) -> None:
        """Start with nothing collected."""
        self._data: dict[str, Any] = {}
        self._options: dict[str, Any] = {}

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: MicrodoseConfigEntry) -> OptionsFlow:
        """Return the options flow (it finds its entry by itself)."""
        return MicrodoseOptionsFlow()

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Name the couple and pick both partners by their persons."""
        errors: dict[str, str] = {}
        if user_input is not None:
            data, errors = validate_couple(self.hass, user_input)
            if not errors:
                await self.async_set_unique_id(couple_unique_id(self.hass, data))
                self._abort_if_unique_id_configured()
                self._data = data
                return await self.async_step_protocol()
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                couple_schema(), user_input or {}
            ),
            errors=errors,
        )

    async def async_step_protocol(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the schedule, the form and the amounts."""
        errors: dict[str, str] = {}
        if user_input is not None:
            amounts, errors = validate_amounts(user_input)
            if not errors:
                self._options = (
                    normalise_schedule(user_input)
                    | amounts
                    | {CONF_START_DATE: user_input[CONF_START_DATE]}
                )
                return await self.async_step_pattern()
        schema = vol.Schema(
            {
                **schedule_schema({}),
                vol.Required(
                    CONF_START_DATE, default=dt_util.now().date().isoformat()
                ): selector.DateSelector(),
                **amounts_schema({}),
            }
        )
        return self.async_show_form(
            step_id="protocol",
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
            description_placeholders={
                "phones": phones_summary(self.hass, self._data[CONF_PARTNERS])
            },
        )

    async def async_step_pattern(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the weekdays, or the days on and off of a custom pattern."""
        schema = pattern_schema(Preset(self._options[CONF_PRESET]), {})
        if schema is None:  # the preset needs no pattern
            return await self.async_step_safety()
        errors: dict[str, str] = {}
        if user_input is not None:
            pattern, errors = normalise_pattern(user_input)
            if not errors:
                self._options |= pattern
                return await self.async_step_safety()
        return self.async_show_form(
            step_id="pattern", data_schema=schema, errors=errors
        )

    async def async_step_safety(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask both partners the contraindication questions; stop kindly if unsure."""
        if user_input is not None:
            if not all(user_input.get(key) for key in _safety_keys()):
                return self.async_abort(
                    reason="safety_not_confirmed",
                    description_placeholders={"url": PROFESSIONAL_ADVICE_URL},
                )
            return self.async_create_entry(
                title=self._data[CONF_COUPLE_NAME],
                data=self._data,
                options=self._options,
            )
        names = {
            f"partner_{slot}": partner["name"]
            for slot, partner in enumerate(self._data[CONF_PARTNERS], start=1)
        }
        return self.async_show_form(
            step_id="safety",
            data_schema=vol.Schema(
                {
                    vol.Required(key, default=False): selector.BooleanSelector()
                    for key in _safety_keys()
                }
            ),
            description_placeholders=names | {"url": PROFESSIONAL_ADVICE_URL},
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change names and persons without losing any history."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            data, errors = validate_couple(self.hass, user_input)
            keep_partners_users(entry.data, data, errors)
            if not errors:
                unique_id = couple_unique_id(self.hass, data)
                if unique_id != entry.unique_id:
                    await self.async_set_unique_id(unique_id)
                    self._abort_if_unique_id_configured()
                self.hass.config_entries.async_update_entry(
                    entry, title=data[CONF_COUPLE_NAME], data=data, unique_id=unique_id
                )
                return self.async_abort(
                    reason="reconfigure_successful",
                    description_placeholders={
                        "phones": phones_summary(self.hass, data[CONF_PARTNERS])
                    },
                )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                couple_schema(), user_input or flatten_couple(entry.data)
            ),
            errors=errors,
        )


def _safety_keys() -> list[str]:
    return [f"partner_{slot}_{CONF_NO_HISTORY}" for slot in PARTNER_SLOTS] + [
        CONF_NOT_MEDICAL_ADVICE
    ]
