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
    CONF_BUSY_HOURS,
    CONF_CALM_CALENDARS,
    CONF_CHECKIN_SCHEDULE,
    CONF_CHECKIN_TIME,
    CONF_CUSTOM_PROMPTS,
    CONF_FORM,
    CONF_KEYWORDS,
    CONF_MAX_EVENTS,
    CONF_PRESET,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_SHOW_ANSWERS,
    CONF_STARTING_AMOUNT,
    CONF_STARTING_AMOUNT_CYCLE,
    CONF_STRESSED_AT,
    CONF_THEMES,
)
from .core.calm import validate_keyword
from .core.checkins import CheckInSchedule
from .core.doses import (
    AMOUNT_TOLERANCE,
    DEFAULT_START_G,
    Form,
    allowed_starting_amount,
)
from .core.prompts import Theme, next_custom_id
from .core.protocol import Preset, change_refusals
from .flow_schemas import (
    amounts_schema,
    choice_selector,
    normalise_pattern,
    normalise_reminders,
    normalise_schedule,
    pattern_schema,
    reminders_schema,
    schedule_schema,
    validate_amounts,
)
from .reminder_snooze import snooze_minutes
from .ritual_presets import is_custom, is_tuned, next_preset_id, with_preset
from .ritual_schema import (
    CONF_PRESET_CHOICE,
    CONF_REMOVE_PRESET,
    CONF_RESET_PRESET,
    NEW_PRESET,
    RITUAL_OPTIONAL,
    preset_choice_schema,
    ritual_schema,
)
from .ritual_settings import CONF_RITUAL_NAME, RITUAL_NAME_MAX_LENGTH
from .settings import parse_practice

if TYPE_CHECKING:
    from .coordinator import MicrodoseCoordinator

CONF_NEW_PROMPT = "new_prompt"
CONF_NEW_PROMPT_THEME = "new_prompt_theme"
CONF_REMOVE_PROMPTS = "remove_prompts"


class MicrodoseOptionsFlow(OptionsFlow):
    """Options as a menu: protocol, amounts, notifications."""

    def __init__(self) -> None:
        """Start with no pending protocol change."""
        self._pending: dict[str, Any] = {}
        self._preset = NEW_PRESET

    @property
    def _coordinator(self) -> MicrodoseCoordinator:
        coordinator: MicrodoseCoordinator = self.config_entry.runtime_data
        return coordinator

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the sections."""
        return self.async_show_menu(
            step_id="init",
            menu_options=[
                "protocol",
                "amounts",
                "notifications",
                "checkins",
                "prompts",
                "calm",
                "ritual",
            ],
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
        """Choose when the dose-day morning note and the weekly summary arrive."""
        if user_input is not None:
            return self._save(normalise_reminders(user_input))
        current = self._coordinator.settings
        return self.async_show_form(
            step_id="notifications",
            data_schema=reminders_schema(
                current.practice.reminder_time,
                current.weekly,
                snooze_minutes(self.config_entry.options),
            ),
        )

    async def async_step_checkins(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose when check-ins are asked for, the quiet hours, and the reveal."""
        if user_input is not None:
            return self._save(user_input)
        current = self._coordinator.settings.conversation
        return self.async_show_form(
            step_id="checkins",
            data_schema=vol.Schema(
                {
                    vol.Required(
                        CONF_CHECKIN_SCHEDULE, default=current.checkin_schedule.value
                    ): choice_selector(
                        [s.value for s in CheckInSchedule], "checkin_schedule"
                    ),
                    vol.Required(
                        CONF_CHECKIN_TIME, default=current.checkin_time.isoformat()
                    ): selector.TimeSelector(),
                    vol.Required(
                        CONF_QUIET_START,
                        default=current.quiet_hours.start.isoformat(),
                    ): selector.TimeSelector(),
                    vol.Required(
                        CONF_QUIET_END, default=current.quiet_hours.end.isoformat()
                    ): selector.TimeSelector(),
                    vol.Required(
                        CONF_SHOW_ANSWERS,
                        default=current.show_answers_in_notifications,
                    ): selector.BooleanSelector(),
                }
            ),
        )

    async def async_step_prompts(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Turn themes on or off, add a prompt of your own, remove one you added."""
        current = self._coordinator.settings.conversation
        custom = [prompt.as_dict() for prompt in current.custom_prompts]
        errors: dict[str, str] = {}
        if user_input is not None:
            if not user_input[CONF_THEMES]:
                errors[CONF_THEMES] = "no_theme_selected"
            else:
                removed = set(user_input.get(CONF_REMOVE_PROMPTS, []))
                kept = [raw for raw in custom if raw["id"] not in removed]
                if text := user_input.get(CONF_NEW_PROMPT, "").strip():
                    kept.append(
                        {
                            "id": next_custom_id(raw["id"] for raw in custom),
                            "theme": user_input[CONF_NEW_PROMPT_THEME],
                            "text": text,
                        }
                    )
                return self._save(
                    {CONF_THEMES: user_input[CONF_THEMES], CONF_CUSTOM_PROMPTS: kept}
                )
        themes = [theme.value for theme in Theme]
        schema: dict[Any, Any] = {
            vol.Required(
                CONF_THEMES, default=sorted(t.value for t in current.themes)
            ): choice_selector(themes, "theme", multiple=True),
            vol.Optional(CONF_NEW_PROMPT): selector.TextSelector(
                selector.TextSelectorConfig(multiline=True)
            ),
            vol.Optional(CONF_NEW_PROMPT_THEME, default=themes[0]): choice_selector(
                themes, "theme"
            ),
        }
        if custom:
            schema[vol.Optional(CONF_REMOVE_PROMPTS, default=[])] = (
                selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=[
                            selector.SelectOptionDict(
                                value=raw["id"], label=raw["text"]
                            )
                            for raw in custom
                        ],
                        multiple=True,
                    )
                )
            )
        return self.async_show_form(
            step_id="prompts", data_schema=vol.Schema(schema), errors=errors
        )

    async def async_step_calm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the calendars and the limits where a calm day ends."""
        errors: dict[str, str] = {}
        if user_input is not None:
            words = (word.strip() for word in user_input.get(CONF_KEYWORDS, []))
            keywords = [word for word in words if word]
            try:
                for keyword in keywords:
                    validate_keyword(keyword)
            except ValueError:
                errors[CONF_KEYWORDS] = "invalid_keyword"
            else:
                return self._save(
                    user_input
                    | {
                        CONF_CALM_CALENDARS: user_input.get(CONF_CALM_CALENDARS, []),
                        CONF_KEYWORDS: keywords,
                    }
                )
        calm = self._coordinator.settings.calm
        current = {
            CONF_CALM_CALENDARS: list(calm.calendars),
            CONF_BUSY_HOURS: calm.thresholds.busy_minutes / 60,
            CONF_MAX_EVENTS: calm.thresholds.max_events,
            CONF_STRESSED_AT: calm.thresholds.stressed_at,
            CONF_KEYWORDS: list(calm.thresholds.keywords),
        }
        schema = vol.Schema(
            {
                vol.Optional(CONF_CALM_CALENDARS): selector.EntitySelector(
                    selector.EntitySelectorConfig(domain="calendar", multiple=True)
                ),
                vol.Required(CONF_BUSY_HOURS): selector.NumberSelector(
                    selector.NumberSelectorConfig(
                        min=0.5, max=24, step=0.5, unit_of_measurement="h"
                    )
                ),
                vol.Required(CONF_MAX_EVENTS): selector.NumberSelector(
                    selector.NumberSelectorConfig(
                        min=1, max=20, step=1, mode=selector.NumberSelectorMode.BOX
                    )
                ),
                vol.Required(CONF_STRESSED_AT): selector.NumberSelector(
                    selector.NumberSelectorConfig(min=1, max=5, step=1)
                ),
                vol.Optional(CONF_KEYWORDS): selector.TextSelector(
                    selector.TextSelectorConfig(multiple=True)
                ),
            }
        )
        return self.async_show_form(
            step_id="calm",
            data_schema=self.add_suggested_values_to_schema(
                schema, user_input or current
            ),
            errors=errors,
        )

    async def async_step_ritual(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the preset to tune, or add one."""
        if user_input is not None:
            self._preset = user_input[CONF_PRESET_CHOICE]
            return await self.async_step_ritual_preset()
        presets = self._coordinator.ritual_presets
        custom = {key: p.name for key, p in presets.items() if is_custom(key)}
        return self.async_show_form(
            step_id="ritual", data_schema=preset_choice_schema(custom)
        )

    async def async_step_ritual_preset(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the lights, the music and how the chosen preset feels."""
        presets = self._coordinator.ritual_presets
        if self._preset != NEW_PRESET and self._preset not in presets:
            return self.async_abort(reason="ritual_preset_gone")
        new = self._preset == NEW_PRESET
        named = new or is_custom(self._preset)
        errors: dict[str, str] = {}
        if user_input is not None:
            values = dict(user_input)
            # Removing an added preset and resetting a built-in one both
            # forget what was stored for it.
            forget = values.pop(CONF_REMOVE_PRESET, False)
            forget |= values.pop(CONF_RESET_PRESET, False)
            if named:
                values[CONF_RITUAL_NAME] = str(values.get(CONF_RITUAL_NAME, "")).strip()
            if forget:
                return self.async_create_entry(
                    data=with_preset(self.config_entry.options, self._preset, None)
                )
            if named and (refusal := self._name_refusal(values[CONF_RITUAL_NAME])):
                errors[CONF_RITUAL_NAME] = refusal
            else:
                cleared = {key: None for key in RITUAL_OPTIONAL if key not in values}
                preset = next_preset_id(presets) if new else self._preset
                return self.async_create_entry(
                    data=with_preset(
                        self.config_entry.options, preset, values | cleared
                    )
                )
        current = (
            presets[self._preset].as_options()
            if not new
            else self._coordinator.ritual_settings.as_options() | {CONF_RITUAL_NAME: ""}
        )
        return self.async_show_form(
            step_id="ritual_preset",
            data_schema=self.add_suggested_values_to_schema(
                ritual_schema(named=named, forget=self._forget_field(new)),
                user_input or current,
            ),
            errors=errors,
        )

    def _name_refusal(self, name: str) -> str | None:
        """Return why a preset cannot have this name, if it cannot.

        A name must be there, short enough for a tile, and lead to this
        preset alone: `start_ritual` and voice find a preset by id or name.
        """
        if not name:
            return "ritual_name_missing"
        if len(name) > RITUAL_NAME_MAX_LENGTH:
            return "ritual_name_too_long"
        taken = {
            word.casefold()
            for preset_id, preset in self._coordinator.ritual_presets.items()
            if preset_id != self._preset
            for word in (preset_id, preset.name)
            if word
        }
        return "ritual_name_taken" if name.casefold() in taken else None

    def _forget_field(self, new: bool) -> str | None:
        """Return the toggle that forgets the chosen preset, if it can be forgotten."""
        if new:
            return None
        if is_custom(self._preset):
            return CONF_REMOVE_PRESET
        if is_tuned(self.config_entry.options, self._preset):
            return CONF_RESET_PRESET
        return None

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
