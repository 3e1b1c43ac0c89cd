"""Change how the couple practises, within the go-slow rules.

A menu so each part of the practice has its own short form. The flow refuses,
with the reason, a protocol that becomes more frequent in the middle of a cycle,
a starting amount that rises faster than 0.05 g per completed cycle, and any
ceiling above the seed figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    CONF_FORM,
    CONF_PRESET,
    CONF_REMINDER_TIME,
    CONF_STARTING_AMOUNT,
    CONF_STARTING_AMOUNT_CYCLE,
    DEFAULT_REMINDER_TIME,
)
from .core.doses import DEFAULT_START_G, Form, allowed_starting_amount
from .core.protocol import Preset, change_refusals
from .flow_schemas import (
    amounts_schema,
    normalise_pattern,
    normalise_schedule,
    pattern_schema,
    schedule_schema,
    validate_amounts,
)
from .settings import parse_practice

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

AMOUNT_TOLERANCE = 1e-9


class MicrodoseOptionsFlow(OptionsFlow):
    """Options as a menu: protocol, amounts, notifications."""

    def __init__(self) -> None:
        """Start with no pending protocol change."""
        self._pending: dict[str, Any] = {}

    @property
    def _coordinator(self) -> MicrodoseCoordinator:
        coordinator: MicrodoseCoordinator = self.config_entry.runtime_data
        return coordinator

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the sections."""
        return self.async_show_menu(
            step_id="init", menu_options=["protocol", "amounts", "notifications"]
        )

    async def async_step_protocol(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the preset and the tolerance cycle."""
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            self._pending = normalise_schedule(user_input)
            if pattern_schema(Preset(user_input[CONF_PRESET]), {}) is not None:
                return await self.async_step_pattern()
            errors, placeholders = self._protocol_refusals(self._pending)
            if not errors:
                return self._save(self._pending)
        return self.async_show_form(
            step_id="protocol",
            data_schema=vol.Schema(schedule_schema(self.config_entry.options)),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_pattern(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the weekdays or the custom days on and off."""
        schema = pattern_schema(
            Preset(self._pending[CONF_PRESET]), self.config_entry.options
        )
        if schema is None:  # the preset needs no pattern
            return await self.async_step_protocol()
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            pattern, errors = normalise_pattern(user_input)
            if not errors:
                changes = self._pending | pattern
                errors, placeholders = self._protocol_refusals(changes)
                if not errors:
                    return self._save(changes)
        return self.async_show_form(
            step_id="pattern",
            data_schema=schema,
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_amounts(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the form, the starting amount and the ceiling."""
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            amounts, errors = validate_amounts(user_input)
            if not errors:
                errors, placeholders = self._amount_refusals(amounts)
            if not errors:
                cycle = self._coordinator.completed_cycles()
                return self._save(amounts | {CONF_STARTING_AMOUNT_CYCLE: cycle})
        return self.async_show_form(
            step_id="amounts",
            data_schema=self.add_suggested_values_to_schema(
                vol.Schema(amounts_schema(self.config_entry.options)), user_input or {}
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_notifications(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose when the dose-day morning note arrives."""
        if user_input is not None:
            return self._save(user_input)
        current = self.config_entry.options.get(
            CONF_REMINDER_TIME, DEFAULT_REMINDER_TIME
        )
        return self.async_show_form(
            step_id="notifications",
            data_schema=vol.Schema(
                {
                    vol.Required(
                        CONF_REMINDER_TIME, default=current
                    ): selector.TimeSelector()
                }
            ),
        )

    def _save(self, changes: Mapping[str, Any]) -> ConfigFlowResult:
        return self.async_create_entry(data={**self.config_entry.options, **changes})

    def _protocol_refusals(
        self, changes: Mapping[str, Any]
    ) -> tuple[dict[str, str], dict[str, str]]:
        coordinator = self._coordinator
        proposed = parse_practice({**self.config_entry.options, **changes})
        current = coordinator.protocol
        today = coordinator.today()
        refusals = change_refusals(
            current, proposed.protocol(coordinator.protocol_state), today
        )
        if not refusals:
            return {}, {}
        next_cycle = coordinator.next_cycle_start()
        return {"base": refusals[0]}, {"next_cycle": next_cycle.isoformat()}

    def _amount_refusals(
        self, amounts: Mapping[str, Any]
    ) -> tuple[dict[str, str], dict[str, str]]:
        options = self.config_entry.options
        form = Form(amounts[CONF_FORM])
        amount = float(amounts[CONF_STARTING_AMOUNT])
        if form != Form(options[CONF_FORM]):
            allowed = DEFAULT_START_G[form]
            reason = "start_low_new_form"
        else:
            allowed = allowed_starting_amount(
                float(options[CONF_STARTING_AMOUNT]),
                int(options.get(CONF_STARTING_AMOUNT_CYCLE, 0)),
                self._coordinator.completed_cycles(),
                form,
            )
            reason = "amount_rises_too_fast"
        if amount > allowed + AMOUNT_TOLERANCE:
            return {CONF_STARTING_AMOUNT: reason}, {"allowed": f"{allowed:g}"}
        return {}, {}
